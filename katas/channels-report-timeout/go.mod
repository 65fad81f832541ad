module gokata.dev/katas/channels-report-timeout

go 1.25
