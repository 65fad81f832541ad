module gokata.dev/katas/design-tracked-shutdown

go 1.25
