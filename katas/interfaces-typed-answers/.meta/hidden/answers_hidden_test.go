package epro_test

import (
	"errors"
	"testing"

	epro "gokata.dev/katas/interfaces-typed-answers"
)

func TestHiddenEveryFieldChecksItsType(t *testing.T) {
	cases := []struct {
		input, field, want, got string
	}{
		{submission(`42`, `5`, `true`, ``), "patient_id", epro.WantPatientID, "number"},
		{submission(`true`, `5`, `true`, ``), "patient_id", epro.WantPatientID, "boolean"},
		{submission(`"P1"`, `true`, `true`, ``), "answers.pain_level", epro.WantPainLevel, "boolean"},
		{submission(`"P1"`, `[7]`, `true`, ``), "answers.pain_level", epro.WantPainLevel, "array"},
		{submission(`"P1"`, `{"value": 7}`, `true`, ``), "answers.pain_level", epro.WantPainLevel, "object"},
		{submission(`"P1"`, `5`, `"yes"`, ``), "answers.took_medication", epro.WantTookMedication, "string"},
		{submission(`"P1"`, `5`, `1`, ``), "answers.took_medication", epro.WantTookMedication, "number"},
		{submission(`"P1"`, `5`, `false`, `3`), "answers.symptoms", epro.WantSymptoms, "number"},
		{submission(`"P1"`, `5`, `false`, `["nausea"]`), "answers.symptoms", epro.WantSymptoms, "array"},
		{`{"patient_id": "P1", "answers": ["pain", 5]}`, "answers", epro.WantAnswers, "array"},
		{`{"patient_id": "P1", "answers": "none today"}`, "answers", epro.WantAnswers, "string"},
	}
	for _, c := range cases {
		_, err := decode(t, c.input)
		expectFieldError(t, c.input, err, c.field, c.want, c.got)
	}
}

func TestHiddenPainLevelMustBeAnIntegerFrom0To10(t *testing.T) {
	for _, c := range []struct{ raw, got string }{{`8.5`, "8.5"}, {`11`, "11"}, {`-1`, "-1"}} {
		input := submission(`"P00042"`, c.raw, `true`, ``)
		_, err := decode(t, input)
		expectFieldError(t, input, err, "answers.pain_level", epro.WantPainLevel, c.got)
	}
	for _, c := range []struct {
		raw  string
		want int
	}{{`0`, 0}, {`10`, 10}} {
		input := submission(`"P00042"`, c.raw, `false`, ``)
		if s, err := decode(t, input); err != nil || s.PainLevel != c.want {
			t.Fatalf("Decode(%s) = %+v, %v; want pain level %d accepted", input, s, err, c.want)
		}
	}
}

func TestHiddenMissingAndNullRequiredFields(t *testing.T) {
	cases := []struct{ input, field, want string }{
		{submission(``, `5`, `true`, ``), "patient_id", epro.WantPatientID},
		{`{"patient_id": null, "answers": {"pain_level": 5, "took_medication": true}}`, "patient_id", epro.WantPatientID},
		{`{"patient_id": "P1"}`, "answers", epro.WantAnswers},
		{`{"patient_id": "P1", "answers": null}`, "answers", epro.WantAnswers},
		{submission(`"P1"`, ``, `true`, ``), "answers.pain_level", epro.WantPainLevel},
		{submission(`"P1"`, `null`, `true`, ``), "answers.pain_level", epro.WantPainLevel},
		{submission(`"P1"`, `4`, `null`, ``), "answers.took_medication", epro.WantTookMedication},
	}
	for _, c := range cases {
		_, err := decode(t, c.input)
		expectFieldError(t, c.input, err, c.field, c.want, "missing")
	}
	input := submission(`""`, `5`, `true`, ``)
	_, err := decode(t, input)
	expectFieldError(t, input, err, "patient_id", epro.WantPatientID, "empty string")
}

func TestHiddenOptionalAndUnknownFields(t *testing.T) {
	for _, input := range []string{
		submission(`"P7"`, `2`, `false`, ``),
		submission(`"P7"`, `2`, `false`, `null`),
		`{"patient_id": "P7", "app_version": "3.1", "answers": {"pain_level": 2, "took_medication": false, "mood": "ok"}}`,
	} {
		got, err := decode(t, input)
		if want := (epro.Submission{PatientID: "P7", PainLevel: 2}); err != nil || got != want {
			t.Fatalf("Decode(%s) = %+v, %v; want %+v, nil (symptoms is optional; unknown fields are ignored)",
				input, got, err, want)
		}
	}
}

func TestHiddenInputThatIsNotAnObject(t *testing.T) {
	for _, input := range []string{``, `{`, `[1, 2]`, `"P00042"`, `{"patient_id": "P1", "answers": {"pain_level": 5,}}`, `null`, ` null `} {
		_, err := decode(t, input)
		if err == nil {
			t.Fatalf("Decode(%q) returned no error; want an error: that is not a submission", input)
		}
		if fe := (*epro.FieldError)(nil); errors.As(err, &fe) {
			t.Fatalf("Decode(%q) returned a FieldError for %q; want a plain error for input that is not a JSON "+
				"object: there is no field to blame", input, fe.Field)
		}
	}
}

func TestHiddenPainLevelGotIsTheNumberAsWritten(t *testing.T) {
	// None of these is an integer; Got is the number exactly as the app wrote it, not as Go would print it.
	for _, raw := range []string{`8.50`, `7.25e0`, `0.10`, `-2.50`, `1.5E-1`} {
		input := submission(`"P00042"`, raw, `true`, ``)
		_, err := decode(t, input)
		var fe *epro.FieldError
		if errors.As(err, &fe) && fe.Field == "answers.pain_level" && fe.Got != raw {
			t.Fatalf("Decode(%s) returned FieldError.Got %q; want %q: for a pain level that is not an integer from "+
				"0 to 10, Got is the number as written in the submission, not the number parsed and printed again",
				input, fe.Got, raw)
		}
		expectFieldError(t, input, err, "answers.pain_level", epro.WantPainLevel, raw)
	}
}
