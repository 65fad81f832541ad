module gokata.dev/katas/mutexes-kit-transfers

go 1.25
