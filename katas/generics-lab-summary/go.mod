module gokata.dev/katas/generics-lab-summary

go 1.25
