// Mutant (blind: written from the README and starter only).
// Flaw: the range check only rejects pain levels above 10, so a negative pain level such as -3 is accepted.
// Violates: "the pain level must be an integer from 0 to 10"

// Package epro decodes the daily pain questionnaire that trial participants
// submit from the ePRO app.
package epro

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
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

var wants = map[string]string{
	"patient_id":              WantPatientID,
	"answers":                 WantAnswers,
	"answers.pain_level":      WantPainLevel,
	"answers.took_medication": WantTookMedication,
	"answers.symptoms":        WantSymptoms,
}

type rawAnswers struct {
	PainLevel      *int    `json:"pain_level"`
	TookMedication *bool   `json:"took_medication"`
	Symptoms       *string `json:"symptoms"`
}

type rawSubmission struct {
	PatientID *string     `json:"patient_id"`
	Answers   *rawAnswers `json:"answers"`
}

// got turns a json.UnmarshalTypeError's Value into FieldError.Got.
func got(value string) string {
	switch {
	case value == "bool":
		return "boolean"
	case strings.HasPrefix(value, "number "):
		return strings.TrimPrefix(value, "number ")
	}
	return value
}

// Decode decodes a submission. patient_id, answers, answers.pain_level and
// answers.took_medication are required; answers.symptoms is optional; other
// fields are ignored. A field that is missing or holds the wrong value gives a
// *FieldError. Input that is not a JSON object gives some other error.
func Decode(data []byte) (Submission, error) {
	if t := strings.TrimSpace(string(data)); !strings.HasPrefix(t, "{") {
		return Submission{}, errors.New("epro: submission is not a JSON object")
	}
	var raw rawSubmission
	if err := json.Unmarshal(data, &raw); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && wants[te.Field] != "" {
			return Submission{}, &FieldError{Field: te.Field, Want: wants[te.Field], Got: got(te.Value)}
		}
		return Submission{}, fmt.Errorf("epro: decode submission: %w", err)
	}
	switch {
	case raw.PatientID == nil:
		return Submission{}, &FieldError{"patient_id", WantPatientID, "missing"}
	case *raw.PatientID == "":
		return Submission{}, &FieldError{"patient_id", WantPatientID, "empty string"}
	case raw.Answers == nil:
		return Submission{}, &FieldError{"answers", WantAnswers, "missing"}
	case raw.Answers.PainLevel == nil:
		return Submission{}, &FieldError{"answers.pain_level", WantPainLevel, "missing"}
	case *raw.Answers.PainLevel > 10:
		return Submission{}, &FieldError{"answers.pain_level", WantPainLevel, strconv.Itoa(*raw.Answers.PainLevel)}
	case raw.Answers.TookMedication == nil:
		return Submission{}, &FieldError{"answers.took_medication", WantTookMedication, "missing"}
	}
	s := Submission{
		PatientID:      *raw.PatientID,
		PainLevel:      *raw.Answers.PainLevel,
		TookMedication: *raw.Answers.TookMedication,
	}
	if raw.Answers.Symptoms != nil {
		s.Symptoms = *raw.Answers.Symptoms
	}
	return s, nil
}
