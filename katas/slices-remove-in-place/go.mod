module gokata.dev/katas/slices-remove-in-place

go 1.25
