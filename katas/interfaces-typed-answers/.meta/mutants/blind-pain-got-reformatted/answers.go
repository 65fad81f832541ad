// Package epro decodes the daily pain questionnaire that trial participants
// submit from the ePRO app.
package epro

import (
	"strings"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
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
	top, err := object(data)
	if err != nil {
		return Submission{}, err
	}
	var sub Submission

	// patient_id
	raw, kind := field(top, "patient_id")
	switch {
	case kind == "missing" || kind != "string":
		return Submission{}, &FieldError{Field: "patient_id", Want: WantPatientID, Got: kind}
	}
	if err := json.Unmarshal(raw, &sub.PatientID); err != nil {
		return Submission{}, err
	}
	if sub.PatientID == "" {
		return Submission{}, &FieldError{Field: "patient_id", Want: WantPatientID, Got: "empty string"}
	}

	// answers
	raw, kind = field(top, "answers")
	if kind != "object" {
		return Submission{}, &FieldError{Field: "answers", Want: WantAnswers, Got: kind}
	}
	answers, err := object(raw)
	if err != nil {
		return Submission{}, err
	}

	// pain_level
	raw, kind = field(answers, "pain_level")
	if kind != "number" {
		return Submission{}, &FieldError{Field: "answers.pain_level", Want: WantPainLevel, Got: kind}
	}
	text := strings.TrimSpace(string(raw))
	var f float64
	if err := json.Unmarshal(raw, &f); err != nil {
		return Submission{}, &FieldError{Field: "answers.pain_level", Want: WantPainLevel, Got: text}
	}
	n, err := strconv.Atoi(text)
	if err != nil || n < 0 || n > 10 {
		return Submission{}, &FieldError{Field: "answers.pain_level", Want: WantPainLevel, Got: strconv.FormatFloat(f, 'f', -1, 64)}
	}
	sub.PainLevel = n

	// took_medication
	raw, kind = field(answers, "took_medication")
	if kind != "boolean" {
		return Submission{}, &FieldError{Field: "answers.took_medication", Want: WantTookMedication, Got: kind}
	}
	if err := json.Unmarshal(raw, &sub.TookMedication); err != nil {
		return Submission{}, err
	}

	// symptoms (optional)
	raw, kind = field(answers, "symptoms")
	switch kind {
	case "missing":
	case "string":
		if err := json.Unmarshal(raw, &sub.Symptoms); err != nil {
			return Submission{}, err
		}
	default:
		return Submission{}, &FieldError{Field: "answers.symptoms", Want: WantSymptoms, Got: kind}
	}
	return sub, nil
}

var errNotObject = errors.New("epro: submission is not a JSON object")

func object(data []byte) (map[string]json.RawMessage, error) {
	if kindOf(data) != "object" {
		return nil, errNotObject
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("epro: %w", err)
	}
	return m, nil
}

func field(m map[string]json.RawMessage, name string) (json.RawMessage, string) {
	raw, ok := m[name]
	if !ok {
		return nil, "missing"
	}
	return raw, kindOf(raw)
}

func kindOf(raw []byte) string {
	raw = []byte(strings.TrimSpace(string(raw)))
	if len(raw) == 0 {
		return "missing"
	}
	switch raw[0] {
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "missing"
	case '[':
		return "array"
	case '{':
		return "object"
	}
	return "number"
}
