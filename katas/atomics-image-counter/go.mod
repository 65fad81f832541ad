module gokata.dev/katas/atomics-image-counter

go 1.25
