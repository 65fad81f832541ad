module gokata.dev/katas/mutexes-copied-counter

go 1.25
