module gokata.dev/katas/waitgroup-nightly-centres

go 1.25
