// Package labresults serves a site's lab results over HTTP and fetches them from the central lab.
package labresults

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
)

// Result is one lab value of one subject.
type Result struct {
	Subject string  `json:"subject"`
	Analyte string  `json:"analyte"`
	Value   float64 `json:"value"`
	Unit    string  `json:"unit"`
}

// Store gives the results of one subject.
type Store interface {
	Results(ctx context.Context, subject string) ([]Result, error)
}

// ErrUnknownSubject is returned (possibly wrapped) by a Store that does not know the subject.
var ErrUnknownSubject = errors.New("labresults: unknown subject")

// StatusError reports a response from the central lab whose status was not 200.
type StatusError struct {
	Code int
}

func (e *StatusError) Error() string { return fmt.Sprintf("labresults: central lab answered %d", e.Code) }

// NewServer returns the results API server listening on addr with handler h.
func NewServer(addr string, h http.Handler) *http.Server {
	return &http.Server{Addr: addr, Handler: h}
}

// Handler serves GET /results?subject=ID from s.
func Handler(s Store) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		subject := r.URL.Query().Get("subject")
		if subject == "" {
			http.Error(w, "missing subject", http.StatusBadRequest)
		}
		results, err := s.Results(context.Background(), subject)
		if err == ErrUnknownSubject {
			http.Error(w, "unknown subject", http.StatusNotFound)
		}
		_ = json.NewEncoder(w).Encode(results)
	})
}

// Client fetches results from the central lab.
type Client struct {
	BaseURL string
	HTTP    *http.Client
}

// NewClient returns a Client for baseURL whose HTTP client uses rt (http.DefaultTransport when rt is nil)
// and gives up on a request after 10 seconds.
func NewClient(baseURL string, rt http.RoundTripper) *Client {
	return &Client{BaseURL: baseURL, HTTP: &http.Client{Transport: rt}}
}

// Fetch gets the results of subject from the central lab.
func (c *Client) Fetch(ctx context.Context, subject string) ([]Result, error) {
	resp, err := c.HTTP.Get(c.BaseURL + "/results?subject=" + url.QueryEscape(subject))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, &StatusError{Code: resp.StatusCode}
	}
	var results []Result
	err = json.NewDecoder(resp.Body).Decode(&results)
	return results, err
}
