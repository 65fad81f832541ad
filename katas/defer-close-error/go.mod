module gokata.dev/katas/defer-close-error

go 1.25
