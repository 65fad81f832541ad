module gokata.dev/katas/interfaces-typed-answers

go 1.25
