// Package labresults serves a site's lab results over HTTP and fetches them from the central lab.
package labresults

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

type Result struct {
	Subject string  `json:"subject"`
	Analyte string  `json:"analyte"`
	Value   float64 `json:"value"`
	Unit    string  `json:"unit"`
}

type Store interface {
	Results(ctx context.Context, subject string) ([]Result, error)
}

var ErrUnknownSubject = errors.New("labresults: unknown subject")

type StatusError struct {
	Code int
}

func (e *StatusError) Error() string { return fmt.Sprintf("labresults: central lab answered %d", e.Code) }

func NewServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
}

func Handler(s Store) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			w.Header().Set("Allow", "GET")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		subject := r.URL.Query().Get("subject")
		if subject == "" {
			http.Error(w, "missing subject", http.StatusBadRequest)
			return
		}
		results, err := s.Results(r.Context(), subject)
		if errors.Is(err, ErrUnknownSubject) {
			http.Error(w, "unknown subject", http.StatusNotFound)
			return
		}
		if err != nil {
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		if results == nil {
			results = []Result{}
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		_ = json.NewEncoder(w).Encode(results)
	})
}

type Client struct {
	BaseURL string
	HTTP    *http.Client
}

func NewClient(baseURL string, rt http.RoundTripper) *Client {
	if rt == nil {
		rt = http.DefaultTransport
	}
	return &Client{BaseURL: baseURL, HTTP: &http.Client{Transport: rt, Timeout: 10 * time.Second}}
}

func (c *Client) Fetch(ctx context.Context, subject string) ([]Result, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.BaseURL+"/results?subject="+url.PathEscape(subject), nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer func() {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
	}()
	if resp.StatusCode != http.StatusOK {
		return nil, &StatusError{Code: resp.StatusCode}
	}
	var results []Result
	if err := json.NewDecoder(resp.Body).Decode(&results); err != nil {
		return nil, err
	}
	return results, nil
}
