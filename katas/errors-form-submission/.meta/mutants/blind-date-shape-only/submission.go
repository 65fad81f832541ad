// Mutant: breaks: VisitDate must parse as time.DateOnly (only the YYYY-MM-DD shape is checked, so 2024-13-45 passes)

// Package submission validates case report forms, saves them and tells the HTTP layer what went wrong.
package submission

import (
	"errors"
	"fmt"
	"net/http"
	"time"
)

// ErrLocked reports a form that was locked for data review and can no longer change.
var ErrLocked = errors.New("submission: form is locked")

// ErrNotFound reports a form the store does not know.
var ErrNotFound = errors.New("submission: form not found")

// FieldError reports one invalid field of a form.
type FieldError struct {
	Field  string
	Reason string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Reason }

// Form is one case report form.
type Form struct {
	ID        string
	SubjectID string
	VisitDate string // YYYY-MM-DD
	WeightKg  float64
}

// Store saves forms.
type Store interface {
	Save(f Form) error
}

// Validate returns nil for a valid form, or an error that joins one *FieldError per invalid field, in the order
// SubjectID, VisitDate, WeightKg.
func Validate(f Form) error {
	var problems []error
	if f.SubjectID == "" {
		problems = append(problems, &FieldError{Field: "SubjectID", Reason: "required"})
	}
	if !looksLikeDate(f.VisitDate) {
		problems = append(problems, &FieldError{Field: "VisitDate", Reason: "want YYYY-MM-DD"})
	}
	if !(f.WeightKg > 0 && f.WeightKg <= 500) {
		problems = append(problems, &FieldError{Field: "WeightKg", Reason: "must be above 0 and at most 500"})
	}
	return errors.Join(problems...)
}

// looksLikeDate reports whether s has the shape YYYY-MM-DD.
func looksLikeDate(s string) bool {
	if len(s) != len(time.DateOnly) {
		return false
	}
	for i, c := range s {
		if i == 4 || i == 7 {
			if c != '-' {
				return false
			}
		} else if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Submit validates f and, if it is valid, saves it.
func Submit(s Store, f Form) error {
	if err := Validate(f); err != nil {
		return fmt.Errorf("submit %s: %w", f.ID, err)
	}
	if err := s.Save(f); err != nil {
		return fmt.Errorf("submit %s: %w", f.ID, err)
	}
	return nil
}

// Status maps an error from Submit to an HTTP status code.
func Status(err error) int {
	var fe *FieldError
	switch {
	case err == nil:
		return http.StatusOK
	case errors.Is(err, ErrLocked):
		return http.StatusConflict
	case errors.Is(err, ErrNotFound):
		return http.StatusNotFound
	case errors.As(err, &fe):
		return http.StatusUnprocessableEntity
	}
	return http.StatusInternalServerError
}

// InvalidFields returns the Field of every *FieldError in err's tree, in depth-first order.
func InvalidFields(err error) []string {
	var fields []string
	var walk func(e error)
	walk = func(e error) {
		if e == nil {
			return
		}
		if fe, ok := e.(*FieldError); ok {
			fields = append(fields, fe.Field)
		}
		switch u := e.(type) {
		case interface{ Unwrap() error }:
			walk(u.Unwrap())
		case interface{ Unwrap() []error }:
			for _, inner := range u.Unwrap() {
				walk(inner)
			}
		}
	}
	walk(err)
	return fields
}
