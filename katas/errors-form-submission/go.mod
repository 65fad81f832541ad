module gokata.dev/katas/errors-form-submission

go 1.25
