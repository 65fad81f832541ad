module gokata.dev/katas/http-lab-results

go 1.25
