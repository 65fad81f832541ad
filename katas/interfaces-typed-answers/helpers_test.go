package epro_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	epro "gokata.dev/katas/interfaces-typed-answers"
)

// decode calls Decode and turns a panic into a test failure that says why.
func decode(t *testing.T, input string) (s epro.Submission, err error) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("Decode(%s) panicked: %v.\nA type assertion without the comma-ok form panics when the value "+
				"has another type, and a missing key gives nil, which is no type at all. One malformed "+
				"submission must not take the ePRO service down: decode into typed Go values and return an error.",
				input, r)
		}
	}()
	return epro.Decode([]byte(input))
}

// submission builds a JSON submission from the raw JSON of each answer; an
// empty string leaves that answer out.
func submission(patientID, pain, took, symptoms string) string {
	var answers []string
	for _, kv := range [][2]string{{"pain_level", pain}, {"took_medication", took}, {"symptoms", symptoms}} {
		if kv[1] != "" {
			answers = append(answers, fmt.Sprintf("%q: %s", kv[0], kv[1]))
		}
	}
	top := fmt.Sprintf(`"answers": {%s}`, strings.Join(answers, ", "))
	if patientID != "" {
		top = fmt.Sprintf(`"patient_id": %s, %s`, patientID, top)
	}
	return "{" + top + "}"
}

// expectFieldError checks that err is a *FieldError for field with the given
// Want and Got, and that its message says all three.
func expectFieldError(t *testing.T, input string, err error, field, want, got string) {
	t.Helper()
	var fe *epro.FieldError
	if !errors.As(err, &fe) {
		t.Fatalf("Decode(%s) returned error %v (%T); want a *FieldError for %s, so the app can highlight the "+
			"field and say what it expects", input, err, err, field)
	}
	if fe.Field != field || fe.Want != want || fe.Got != got {
		t.Fatalf("Decode(%s) returned FieldError{Field: %q, Want: %q, Got: %q}; want {Field: %q, Want: %q, Got: %q}",
			input, fe.Field, fe.Want, fe.Got, field, want, got)
	}
	msg := err.Error()
	for _, part := range []string{field, want, got} {
		if !strings.Contains(msg, part) {
			t.Fatalf("error message %q does not mention %q; a coordinator reading the log needs the field, "+
				"what it must hold and what it held", msg, part)
		}
	}
}
