module gokata.dev/katas/once-retry-init

go 1.25
