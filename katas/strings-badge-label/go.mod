module gokata.dev/katas/strings-badge-label

go 1.25
