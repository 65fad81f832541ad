module gokata.dev/katas/idioms-listener-options

go 1.25
