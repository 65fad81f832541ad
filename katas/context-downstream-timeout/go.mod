module gokata.dev/katas/context-downstream-timeout

go 1.25
