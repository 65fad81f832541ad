module gokata.dev/katas/testing-consent-clock

go 1.25
