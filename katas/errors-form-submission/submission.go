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
	var problem *FieldError
	if f.SubjectID == "" {
		problem = &FieldError{Field: "SubjectID", Reason: "required"}
	} else if _, err := time.Parse(time.DateOnly, f.VisitDate); err != nil {
		problem = &FieldError{Field: "VisitDate", Reason: "want YYYY-MM-DD"}
	} else if f.WeightKg <= 0 || f.WeightKg > 500 {
		problem = &FieldError{Field: "WeightKg", Reason: "out of range"}
	}
	return problem
}

// Submit validates f and, if it is valid, saves it.
func Submit(s Store, f Form) error {
	if err := Validate(f); err != nil {
		return fmt.Errorf("submit %s: %v", f.ID, err)
	}
	return fmt.Errorf("submit %s: %w", f.ID, s.Save(f))
}

// Status maps an error from Submit to an HTTP status code.
func Status(err error) int {
	switch err {
	case nil:
		return http.StatusOK
	case ErrLocked:
		return http.StatusConflict
	case ErrNotFound:
		return http.StatusNotFound
	}
	if _, ok := err.(*FieldError); ok {
		return http.StatusUnprocessableEntity
	}
	return http.StatusInternalServerError
}

// InvalidFields returns the Field of every *FieldError in err's tree, in depth-first order.
func InvalidFields(err error) []string {
	var fe *FieldError
	if errors.As(err, &fe) {
		return []string{fe.Field}
	}
	return nil
}
