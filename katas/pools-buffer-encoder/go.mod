module gokata.dev/katas/pools-buffer-encoder

go 1.25
