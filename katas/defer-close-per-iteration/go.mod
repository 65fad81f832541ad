module gokata.dev/katas/defer-close-per-iteration

go 1.25
