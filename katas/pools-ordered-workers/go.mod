module gokata.dev/katas/pools-ordered-workers

go 1.25
