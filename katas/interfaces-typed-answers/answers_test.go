package epro_test

import "testing"

import epro "gokata.dev/katas/interfaces-typed-answers"

func TestDecodeAValidSubmission(t *testing.T) {
	input := submission(`"P00042"`, `7`, `true`, `"headache and fatigue"`)

	got, err := decode(t, input)

	want := epro.Submission{PatientID: "P00042", PainLevel: 7, TookMedication: true, Symptoms: "headache and fatigue"}
	if err != nil || got != want {
		t.Fatalf("Decode(%s) = %+v, %v; want %+v, nil", input, got, err, want)
	}
}

func TestDecodeNamesTheFieldWithTheWrongType(t *testing.T) {
	// An older app version sends the pain level as a string.
	input := submission(`"P00042"`, `"8"`, `false`, ``)

	_, err := decode(t, input)

	expectFieldError(t, input, err, "answers.pain_level", epro.WantPainLevel, "string")
}

func TestDecodeReportsAMissingAnswer(t *testing.T) {
	input := submission(`"P00042"`, `3`, ``, ``)

	_, err := decode(t, input)

	expectFieldError(t, input, err, "answers.took_medication", epro.WantTookMedication, "missing")
}
