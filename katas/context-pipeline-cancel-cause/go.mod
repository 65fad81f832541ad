module gokata.dev/katas/context-pipeline-cancel-cause

go 1.25
