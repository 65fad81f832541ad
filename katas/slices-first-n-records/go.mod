module gokata.dev/katas/slices-first-n-records

go 1.25
