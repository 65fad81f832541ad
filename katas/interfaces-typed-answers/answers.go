// Package epro decodes the daily pain questionnaire that trial participants
// submit from the ePRO app.
package epro

import (
	"encoding/json"
	"fmt"
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
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		return Submission{}, err
	}
	answers := raw["answers"].(map[string]any)
	s := Submission{
		PatientID:      raw["patient_id"].(string),
		PainLevel:      int(answers["pain_level"].(float64)), // JSON numbers decode as float64
		TookMedication: answers["took_medication"].(bool),
	}
	if symptoms, ok := answers["symptoms"].(string); ok {
		s.Symptoms = symptoms
	}
	return s, nil
}
