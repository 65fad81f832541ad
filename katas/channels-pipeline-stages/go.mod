module gokata.dev/katas/channels-pipeline-stages

go 1.25
