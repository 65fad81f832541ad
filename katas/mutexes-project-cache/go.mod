module gokata.dev/katas/mutexes-project-cache

go 1.25
