// Package epro decodes the daily pain questionnaire that trial participants
// submit from the ePRO app.
package epro

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// Submission is one decoded questionnaire.
type Submission struct {
	PatientID      string
	PainLevel      int    // 0 (none) to 10 (worst imaginable)
	TookMedication bool   // took the rescue medication today
	Symptoms       string // optional free text; "" when absent or null
}

// What each field must hold, as FieldError.Want says it.
const (
	WantPatientID      = "non-empty string" // patient_id
	WantAnswers        = "object"           // answers
	WantPainLevel      = "integer from 0 to 10"
	WantTookMedication = "boolean"
	WantSymptoms       = "string"
)

// FieldError reports a field that is missing or holds the wrong value.
type FieldError struct {
	// Field is the field's path: "patient_id", "answers",
	// "answers.pain_level", "answers.took_medication" or "answers.symptoms".
	Field string
	// Want is one of the Want constants above.
	Want string
	// Got is what the field held: "missing" (absent or null), the JSON type
	// of a value of the wrong type ("string", "number", "boolean", "array",
	// "object"), the number as written for a number that is not an integer
	// from 0 to 10 (e.g. "11", "8.5"), or "empty string".
	Got string
}

func (e *FieldError) Error() string {
	return fmt.Sprintf("%s: want %s, got %s", e.Field, e.Want, e.Got)
}

// wire mirrors the JSON. Pointers tell a missing (or null) field from a zero
// value; the field types let encoding/json check every value's type.
type wire struct {
	PatientID *string      `json:"patient_id"`
	Answers   *wireAnswers `json:"answers"`
}

type wireAnswers struct {
	PainLevel      *int    `json:"pain_level"`
	TookMedication *bool   `json:"took_medication"`
	Symptoms       *string `json:"symptoms"`
}

// want maps each field's path to what it must hold.
var want = map[string]string{
	"patient_id":              WantPatientID,
	"answers":                 WantAnswers,
	"answers.pain_level":      WantPainLevel,
	"answers.took_medication": WantTookMedication,
	"answers.symptoms":        WantSymptoms,
}

// Decode decodes a submission such as
//
//	{"patient_id": "P00042",
//	 "answers": {"pain_level": 7, "took_medication": true, "symptoms": "headache"}}
//
// patient_id, answers, answers.pain_level and answers.took_medication are
// required; answers.symptoms is optional; other fields are ignored. A field
// that is missing or holds the wrong value gives a *FieldError. Input that is
// not a JSON object gives some other error. Decode never panics.
func Decode(data []byte) (Submission, error) {
	// json.Unmarshal reads a top-level null into a struct as "nothing to do", which would blame
	// patient_id for input that is not an object at all.
	if strings.TrimSpace(string(data)) == "null" {
		return Submission{}, errors.New("epro: submission is null, not a JSON object")
	}
	var w wire
	if err := json.Unmarshal(data, &w); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) && want[typeErr.Field] != "" {
			return Submission{}, &FieldError{Field: typeErr.Field, Want: want[typeErr.Field], Got: gotOf(typeErr.Value)}
		}
		return Submission{}, fmt.Errorf("epro: submission is not a JSON object of the expected shape: %w", err)
	}

	switch {
	case w.PatientID == nil:
		return Submission{}, missing("patient_id")
	case *w.PatientID == "":
		return Submission{}, &FieldError{Field: "patient_id", Want: WantPatientID, Got: "empty string"}
	case w.Answers == nil:
		return Submission{}, missing("answers")
	case w.Answers.PainLevel == nil:
		return Submission{}, missing("answers.pain_level")
	case *w.Answers.PainLevel < 0 || *w.Answers.PainLevel > 10:
		return Submission{}, &FieldError{Field: "answers.pain_level", Want: WantPainLevel,
			Got: fmt.Sprint(*w.Answers.PainLevel)}
	case w.Answers.TookMedication == nil:
		return Submission{}, missing("answers.took_medication")
	}

	s := Submission{
		PatientID:      *w.PatientID,
		PainLevel:      *w.Answers.PainLevel,
		TookMedication: *w.Answers.TookMedication,
	}
	if w.Answers.Symptoms != nil {
		s.Symptoms = *w.Answers.Symptoms
	}
	return s, nil
}

func missing(field string) *FieldError {
	return &FieldError{Field: field, Want: want[field], Got: "missing"}
}

// gotOf turns json.UnmarshalTypeError.Value ("string", "bool", "number 8.5",
// ...) into FieldError.Got.
func gotOf(value string) string {
	if n, ok := strings.CutPrefix(value, "number "); ok {
		return n // a number that does not fit: 8.5, 1e9, ...
	}
	if value == "bool" {
		return "boolean"
	}
	return value
}
