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
	Field string
	Want  string
	Got   string
}

func (e *FieldError) Error() string {
	return fmt.Sprintf("%s: want %s, got %s", e.Field, e.Want, e.Got)
}

func kind(v any, present bool) string {
	switch v.(type) {
	case nil:
		return "missing"
	case string:
		return "string"
	case float64:
		return "number"
	case bool:
		return "boolean"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}

// Decode checks every assertion with comma-ok, so it never panics; but a
// JSON number is a float64, and int(f) silently drops the fraction.
func Decode(data []byte) (Submission, error) {
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		return Submission{}, fmt.Errorf("epro: not a JSON object: %w", err)
	}
	if raw == nil {
		return Submission{}, &FieldError{Field: "patient_id", Want: WantPatientID, Got: "missing"}
	}
	id, ok := raw["patient_id"].(string)
	if !ok {
		v, present := raw["patient_id"]
		return Submission{}, &FieldError{Field: "patient_id", Want: WantPatientID, Got: kind(v, present)}
	}
	if id == "" {
		return Submission{}, &FieldError{Field: "patient_id", Want: WantPatientID, Got: "empty string"}
	}
	answers, ok := raw["answers"].(map[string]any)
	if !ok {
		v, present := raw["answers"]
		return Submission{}, &FieldError{Field: "answers", Want: WantAnswers, Got: kind(v, present)}
	}
	pain, ok := answers["pain_level"].(float64)
	if !ok {
		v, present := answers["pain_level"]
		return Submission{}, &FieldError{Field: "answers.pain_level", Want: WantPainLevel, Got: kind(v, present)}
	}
	if pain < 0 || pain > 10 {
		return Submission{}, &FieldError{Field: "answers.pain_level", Want: WantPainLevel, Got: fmt.Sprint(pain)}
	}
	took, ok := answers["took_medication"].(bool)
	if !ok {
		v, present := answers["took_medication"]
		return Submission{}, &FieldError{Field: "answers.took_medication", Want: WantTookMedication, Got: kind(v, present)}
	}
	s := Submission{PatientID: id, PainLevel: int(pain), TookMedication: took}
	if v, present := answers["symptoms"]; present && v != nil {
		sym, ok := v.(string)
		if !ok {
			return Submission{}, &FieldError{Field: "answers.symptoms", Want: WantSymptoms, Got: kind(v, present)}
		}
		s.Symptoms = sym
	}
	return s, nil
}
