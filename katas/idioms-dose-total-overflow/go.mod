module gokata.dev/katas/idioms-dose-total-overflow

go 1.25
