module gokata.dev/katas/maps-session-store

go 1.25
