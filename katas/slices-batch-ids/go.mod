module gokata.dev/katas/slices-batch-ids

go 1.25
