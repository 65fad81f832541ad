module gokata.dev/katas/defer-audit-final-state

go 1.25
