package labresults_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"gokata.dev/katas/http-lab-results"
)

// fakeStore returns results (or err) and counts its calls.
type fakeStore struct {
	results []labresults.Result
	err     error
	calls   int
}

func (s *fakeStore) Results(_ context.Context, _ string) ([]labresults.Result, error) {
	s.calls++
	return s.results, s.err
}

// body is a response body that remembers whether it was read to EOF and closed.
type body struct {
	r      *strings.Reader
	sawEOF bool
	closed bool
}

func (b *body) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	if err == io.EOF {
		b.sawEOF = true
	}
	return n, err
}

func (b *body) Close() error {
	b.closed = true
	return nil
}

// transport answers every request in memory, without any network.
type transport func(*http.Request) (*http.Response, error)

func (f transport) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func respond(r *http.Request, code int, b *body) *http.Response {
	return &http.Response{StatusCode: code, Header: http.Header{}, Body: b, Request: r}
}

func TestServerHasTimeouts(t *testing.T) {
	srv := labresults.NewServer(":8443", http.NotFoundHandler())
	if srv.ReadHeaderTimeout < time.Second {
		t.Errorf("ReadHeaderTimeout = %v; want a real timeout (5s), not none and not nanoseconds", srv.ReadHeaderTimeout)
	}
	if srv.IdleTimeout == 0 || srv.WriteTimeout == 0 || srv.ReadTimeout == 0 {
		t.Errorf("timeouts = read %v, write %v, idle %v; a zero value means no timeout at all",
			srv.ReadTimeout, srv.WriteTimeout, srv.IdleTimeout)
	}
}

func TestHandlerServesResults(t *testing.T) {
	store := &fakeStore{results: []labresults.Result{{Subject: "S-014", Analyte: "glucose", Value: 5.4, Unit: "mmol/L"}}}
	rec := httptest.NewRecorder()
	labresults.Handler(store).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/results?subject=S-014", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("status = %d; want 200", rec.Code)
	}
	if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type = %q; want application/json", ct)
	}
	var got []labresults.Result
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || len(got) != 1 || got[0].Analyte != "glucose" {
		t.Fatalf("body %q decodes to %v, %v; want the one glucose result", rec.Body.String(), got, err)
	}
}

func TestHandlerRejectsAMissingSubject(t *testing.T) {
	store := &fakeStore{}
	rec := httptest.NewRecorder()
	labresults.Handler(store).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/results", nil))
	if rec.Code != http.StatusBadRequest {
		t.Errorf("status = %d; want 400", rec.Code)
	}
	if store.calls != 0 {
		t.Errorf("the store was called %d time(s) after the 400 was sent; the handler must stop there", store.calls)
	}
	if got := rec.Body.String(); got != "missing subject\n" {
		t.Errorf("body = %q; want only the error text %q", got, "missing subject\n")
	}
}

func TestFetchDecodesAndClosesTheBody(t *testing.T) {
	b := &body{r: strings.NewReader(`[{"subject":"S-014","analyte":"glucose","value":5.4,"unit":"mmol/L"}]` + "\n")}
	c := labresults.NewClient("http://central.example", transport(func(r *http.Request) (*http.Response, error) {
		return respond(r, http.StatusOK, b), nil
	}))
	got, err := c.Fetch(context.Background(), "S-014")
	if err != nil || len(got) != 1 || got[0].Value != 5.4 {
		t.Fatalf("Fetch = %v, %v; want the one glucose result", got, err)
	}
	if !b.closed {
		t.Errorf("the response body was not closed: the connection leaks")
	}
}
