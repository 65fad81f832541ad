module gokata.dev/katas/once-lazy-client

go 1.25
