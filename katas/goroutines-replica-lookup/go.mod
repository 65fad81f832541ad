module gokata.dev/katas/goroutines-replica-lookup

go 1.25
