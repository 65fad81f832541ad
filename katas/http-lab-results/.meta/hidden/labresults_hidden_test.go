package labresults_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"gokata.dev/katas/http-lab-results"
)

type ctxKey struct{}

// hiddenStore records the context and subject it was called with.
type hiddenStore struct {
	mu      sync.Mutex
	results []labresults.Result
	err     error
	calls   int
	subject string
	ctxVal  any
}

func (s *hiddenStore) Results(ctx context.Context, subject string) ([]labresults.Result, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls++
	s.subject = subject
	s.ctxVal = ctx.Value(ctxKey{})
	return s.results, s.err
}

// trackedBody remembers whether it was read to EOF and closed.
type trackedBody struct {
	mu     sync.Mutex
	r      *strings.Reader
	sawEOF bool
	closed bool
}

func newBody(s string) *trackedBody { return &trackedBody{r: strings.NewReader(s)} }

func (b *trackedBody) Read(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	n, err := b.r.Read(p)
	if err == io.EOF {
		b.sawEOF = true
	}
	return n, err
}

func (b *trackedBody) Close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.closed = true
	return nil
}

func (b *trackedBody) state() (sawEOF, closed bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.sawEOF, b.closed
}

type rtFunc func(*http.Request) (*http.Response, error)

func (f rtFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func answer(r *http.Request, code int, b *trackedBody) *http.Response {
	return &http.Response{StatusCode: code, Header: http.Header{}, Body: b, Request: r}
}

func serve(t *testing.T, s labresults.Store, r *http.Request) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	labresults.Handler(s).ServeHTTP(rec, r)
	return rec
}

func TestHiddenServerTimeoutsAreSetWithUnits(t *testing.T) {
	h := http.NotFoundHandler()
	srv := labresults.NewServer("127.0.0.1:9443", h)
	if srv.Addr != "127.0.0.1:9443" || srv.Handler == nil {
		t.Fatalf("NewServer: Addr = %q, Handler = %v; want the given address and handler", srv.Addr, srv.Handler)
	}
	want := map[string][2]time.Duration{
		"ReadHeaderTimeout": {srv.ReadHeaderTimeout, 5 * time.Second},
		"ReadTimeout":       {srv.ReadTimeout, 15 * time.Second},
		"WriteTimeout":      {srv.WriteTimeout, 30 * time.Second},
		"IdleTimeout":       {srv.IdleTimeout, 2 * time.Minute},
	}
	for name, v := range want {
		if v[0] != v[1] {
			t.Errorf("%s = %v; want %v (a bare number is nanoseconds; zero is no timeout)", name, v[0], v[1])
		}
	}
}

func TestHiddenWrongMethodIsRejectedBeforeTheStore(t *testing.T) {
	store := &hiddenStore{}
	rec := serve(t, store, httptest.NewRequest(http.MethodPost, "/results?subject=S-1", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST: status = %d; want 405", rec.Code)
	}
	if allow := rec.Header().Get("Allow"); allow != http.MethodGet {
		t.Errorf("POST: Allow = %q; want GET", allow)
	}
	if store.calls != 0 {
		t.Errorf("POST: store called %d time(s); the handler must return after replying 405", store.calls)
	}
}

func TestHiddenMissingSubjectStopsTheHandler(t *testing.T) {
	store := &hiddenStore{results: []labresults.Result{{Subject: "S-9", Analyte: "ALT", Value: 31, Unit: "U/L"}}}
	rec := serve(t, store, httptest.NewRequest(http.MethodGet, "/results?subject=", nil))
	if rec.Code != http.StatusBadRequest {
		t.Errorf("status = %d; want 400", rec.Code)
	}
	if store.calls != 0 {
		t.Errorf("store called %d time(s) after http.Error; a missing return lets the handler run on", store.calls)
	}
	if strings.Contains(rec.Body.String(), "ALT") || strings.Contains(rec.Body.String(), "[") {
		t.Errorf("body = %q; results were written after the error text", rec.Body.String())
	}
}

func TestHiddenUnknownSubjectThroughWrapping(t *testing.T) {
	store := &hiddenStore{err: fmt.Errorf("lab db: subject S-404: %w", labresults.ErrUnknownSubject)}
	rec := serve(t, store, httptest.NewRequest(http.MethodGet, "/results?subject=S-404", nil))
	if rec.Code != http.StatusNotFound {
		t.Fatalf("status = %d; want 404 for a wrapped ErrUnknownSubject", rec.Code)
	}
	if strings.Contains(rec.Body.String(), "null") || strings.Contains(rec.Body.String(), "[") {
		t.Errorf("body = %q; nothing but the error text may follow a 404", rec.Body.String())
	}
	store = &hiddenStore{err: labresults.ErrUnknownSubject}
	if rec := serve(t, store, httptest.NewRequest(http.MethodGet, "/results?subject=S-404", nil)); rec.Code != http.StatusNotFound {
		t.Errorf("status = %d; want 404 for ErrUnknownSubject itself", rec.Code)
	}
}

func TestHiddenStoreFailureIsAServerError(t *testing.T) {
	store := &hiddenStore{err: errors.New("connection reset")}
	rec := serve(t, store, httptest.NewRequest(http.MethodGet, "/results?subject=S-2", nil))
	if rec.Code != http.StatusInternalServerError {
		t.Errorf("status = %d; want 500", rec.Code)
	}
	if strings.Contains(rec.Body.String(), "null") || strings.Contains(rec.Body.String(), "[") {
		t.Errorf("body = %q; nothing but the error text may follow a 500", rec.Body.String())
	}
}

func TestHiddenNoResultsIsAnEmptyArray(t *testing.T) {
	store := &hiddenStore{}
	rec := serve(t, store, httptest.NewRequest(http.MethodGet, "/results?subject=S-3", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("status = %d; want 200", rec.Code)
	}
	if got := strings.TrimSpace(rec.Body.String()); got != "[]" {
		t.Errorf("body = %q; want [] (a nil slice encodes as null)", got)
	}
	if ct := rec.Result().Header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type = %q; want application/json, set before the body is written", ct)
	}
}

func TestHiddenStoreGetsTheRequestContext(t *testing.T) {
	store := &hiddenStore{results: []labresults.Result{{Subject: "S-7", Analyte: "Hb", Value: 13.1, Unit: "g/dL"}}}
	req := httptest.NewRequest(http.MethodGet, "/results?subject=S-7", nil)
	req = req.WithContext(context.WithValue(req.Context(), ctxKey{}, "trace-77"))
	rec := serve(t, store, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("status = %d; want 200", rec.Code)
	}
	if store.subject != "S-7" {
		t.Errorf("store asked for subject %q; want S-7", store.subject)
	}
	if store.ctxVal != "trace-77" {
		t.Errorf("the store did not get r.Context(): a client that goes away cannot cancel the query")
	}
}

func TestHiddenNewClientHasItsOwnTimeout(t *testing.T) {
	rt := rtFunc(func(*http.Request) (*http.Response, error) { return nil, errors.New("unused") })
	c := labresults.NewClient("http://central.example", rt)
	if c.HTTP == nil || c.HTTP == http.DefaultClient {
		t.Fatalf("NewClient uses http.DefaultClient, which has no timeout; build a client of its own")
	}
	if c.HTTP.Timeout != 10*time.Second {
		t.Errorf("Timeout = %v; want 10s", c.HTTP.Timeout)
	}
	if c.BaseURL != "http://central.example" {
		t.Errorf("BaseURL = %q", c.BaseURL)
	}
	if _, ok := c.HTTP.Transport.(rtFunc); !ok {
		t.Errorf("Transport = %T; want the RoundTripper passed to NewClient", c.HTTP.Transport)
	}
	if d := labresults.NewClient("http://x", nil); d.HTTP == nil || d.HTTP.Timeout != 10*time.Second ||
		(d.HTTP.Transport != nil && d.HTTP.Transport != http.DefaultTransport) {
		t.Errorf("NewClient(url, nil): want a 10s client over http.DefaultTransport")
	}
}

func TestHiddenFetchBuildsTheRequestFromTheCallersContext(t *testing.T) {
	var gotURL, gotMethod, gotSubject string
	var gotVal any
	b := newBody(`[{"subject":"S 014/A","analyte":"CRP","value":2,"unit":"mg/L"}]`)
	c := labresults.NewClient("http://central.example/api", rtFunc(func(r *http.Request) (*http.Response, error) {
		gotURL, gotMethod = r.URL.Path, r.Method
		gotSubject = r.URL.Query().Get("subject")
		gotVal = r.Context().Value(ctxKey{})
		return answer(r, http.StatusOK, b), nil
	}))
	ctx := context.WithValue(context.Background(), ctxKey{}, "visit-3")
	got, err := c.Fetch(ctx, "S 014/A")
	if err != nil || len(got) != 1 || got[0].Analyte != "CRP" {
		t.Fatalf("Fetch = %v, %v; want the CRP result", got, err)
	}
	if gotMethod != http.MethodGet || gotURL != "/api/results" || gotSubject != "S 014/A" {
		t.Errorf("request %s %s subject=%q; want GET /api/results with the escaped subject", gotMethod, gotURL, gotSubject)
	}
	if gotVal != "visit-3" {
		t.Errorf("the request does not carry the caller's context: use http.NewRequestWithContext")
	}
}

func TestHiddenFetchStopsWhenTheCallerCancels(t *testing.T) {
	started := make(chan struct{})
	c := labresults.NewClient("http://central.example", rtFunc(func(r *http.Request) (*http.Response, error) {
		close(started)
		select {
		case <-r.Context().Done():
			return nil, r.Context().Err()
		case <-time.After(3 * time.Second):
			return nil, errors.New("the request's context was never cancelled")
		}
	}))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	errc := make(chan error, 1)
	go func() {
		_, err := c.Fetch(ctx, "S-5")
		errc <- err
	}()
	select {
	case <-started:
	case err := <-errc:
		t.Fatalf("Fetch returned %v without sending the request through the client's transport", err)
	case <-time.After(3 * time.Second):
		t.Fatalf("Fetch did not send the request through the client's transport")
	}
	cancel()
	if err := <-errc; !errors.Is(err, context.Canceled) {
		t.Fatalf("Fetch after cancel = %v; want an error wrapping context.Canceled", err)
	}
}

func TestHiddenErrorStatusIsDrainedAndClosed(t *testing.T) {
	for _, code := range []int{http.StatusNotFound, http.StatusServiceUnavailable} {
		b := newBody(strings.Repeat("central lab is busy, try later. ", 200))
		c := labresults.NewClient("http://central.example", rtFunc(func(r *http.Request) (*http.Response, error) {
			return answer(r, code, b), nil
		}))
		got, err := c.Fetch(context.Background(), "S-6")
		var se *labresults.StatusError
		if !errors.As(err, &se) || se.Code != code || got != nil {
			t.Errorf("status %d: Fetch = %v, %v; want nil and a *StatusError with Code %d", code, got, err, code)
		}
		sawEOF, closed := b.state()
		if !closed {
			t.Errorf("status %d: the body was not closed: every error response leaks a connection", code)
		}
		if !sawEOF {
			t.Errorf("status %d: the body was closed without being read to EOF: the connection cannot be reused", code)
		}
	}
}

func TestHiddenSuccessIsDrainedAndClosed(t *testing.T) {
	b := newBody(`[{"subject":"S-8","analyte":"K","value":4.1,"unit":"mmol/L"}]` + "\n\n")
	c := labresults.NewClient("http://central.example", rtFunc(func(r *http.Request) (*http.Response, error) {
		return answer(r, http.StatusOK, b), nil
	}))
	if _, err := c.Fetch(context.Background(), "S-8"); err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	sawEOF, closed := b.state()
	if !closed || !sawEOF {
		t.Errorf("after a 200: read to EOF = %v, closed = %v; want both (a decoder stops after the value)", sawEOF, closed)
	}
}

func TestHiddenMalformedJSONIsAnErrorAndStillClosed(t *testing.T) {
	// What follows the malformed part (an HTML error page, say) is well under the 64 KiB Fetch may drain.
	trailer := "\n<html><body>" + strings.Repeat("central lab: internal error, see log. ", 300) + "</body></html>\n"
	for _, bad := range []string{
		`[{"subject":"S-8","value":"high"}]`, // a string where a number belongs
		`[{"subject":"S-8","value":4.1,,}]`,  // not JSON at all
	} {
		b := newBody(bad + trailer)
		c := labresults.NewClient("http://central.example", rtFunc(func(r *http.Request) (*http.Response, error) {
			return answer(r, http.StatusOK, b), nil
		}))
		if _, err := c.Fetch(context.Background(), "S-8"); err == nil {
			t.Errorf("Fetch of malformed JSON %s returned no error", bad)
		}
		sawEOF, closed := b.state()
		if !closed {
			t.Errorf("the body was not closed after a decode error (%s)", bad)
		}
		if !sawEOF {
			t.Errorf("after a decode error (%s), the body was closed without being read to EOF (%d bytes followed, "+
				"well under 64 KiB): whatever the outcome, once Do has returned a response its body is read to EOF, "+
				"so the connection can be reused", bad, len(trailer))
		}
	}
}

func TestHiddenFetchQueryEscapesTheSubject(t *testing.T) {
	for _, subject := range []string{
		"S&1+2=3 x",
		"S-014&subject=S-999",
		"S+1",
		"a=b",
		"S 014#2",
		"S%20?1/2",
		"Sujet-Müller-é;ü",
	} {
		var gotPath string
		var gotQuery map[string][]string
		b := newBody(`[]`)
		c := labresults.NewClient("http://central.example/api", rtFunc(func(r *http.Request) (*http.Response, error) {
			gotPath, gotQuery = r.URL.Path, r.URL.Query()
			return answer(r, http.StatusOK, b), nil
		}))
		if _, err := c.Fetch(context.Background(), subject); err != nil {
			t.Errorf("Fetch(%q) = %v; want no error", subject, err)
			continue
		}
		if got := gotQuery["subject"]; gotPath != "/api/results" || len(got) != 1 || got[0] != subject || len(gotQuery) != 1 {
			t.Errorf("Fetch(%q) sent path %q and query %v; the server reads subject %q; want /api/results with exactly "+
				"subject=%q: query-escape the subject (url.QueryEscape), or &, + and = in it change the query",
				subject, gotPath, gotQuery, firstOr(got), subject)
		}
	}
}

func firstOr(vs []string) string {
	if len(vs) == 0 {
		return ""
	}
	return vs[0]
}

func TestHiddenEveryMethodButGetIsRejected(t *testing.T) {
	for _, method := range []string{http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions, http.MethodPatch} {
		store := &hiddenStore{results: []labresults.Result{{Subject: "S-1", Analyte: "ALT", Value: 31, Unit: "U/L"}}}
		rec := serve(t, store, httptest.NewRequest(method, "/results?subject=S-1", nil))
		if rec.Code != http.StatusMethodNotAllowed {
			t.Errorf("%s: status = %d; want 405: a method other than GET (HEAD included) gets 405 with Allow: GET",
				method, rec.Code)
		}
		if allow := rec.Header().Get("Allow"); allow != http.MethodGet {
			t.Errorf("%s: Allow = %q; want GET", method, allow)
		}
		if store.calls != 0 {
			t.Errorf("%s: store called %d time(s); for a method other than GET the store is not called", method, store.calls)
		}
	}
}

func TestHiddenOnly200IsASuccess(t *testing.T) {
	const results = `[{"subject":"S-4","analyte":"Na","value":140,"unit":"mmol/L"}]`
	for _, c := range []struct {
		code int
		body string
	}{
		{http.StatusCreated, results},
		{http.StatusAccepted, results},
		{http.StatusNoContent, ""},
		{http.StatusPartialContent, results},
		{299, "[]"},
	} {
		b := newBody(c.body)
		cl := labresults.NewClient("http://central.example", rtFunc(func(r *http.Request) (*http.Response, error) {
			return answer(r, c.code, b), nil
		}))
		got, err := cl.Fetch(context.Background(), "S-4")
		var se *labresults.StatusError
		if !errors.As(err, &se) || se.Code != c.code || got != nil {
			t.Errorf("status %d: Fetch = %v, %v; want nil and a *StatusError with Code %d: only 200 is decoded, "+
				"any other status (another 2xx too) is a *StatusError", c.code, got, err, c.code)
		}
		if _, closed := b.state(); !closed {
			t.Errorf("status %d: the body was not closed", c.code)
		}
	}
}

// endlessBody serves prefix and then filler without end, as a broken or hostile central lab might.
// It stops at a hard cap so that a Fetch that reads everything still returns; it counts what was read.
type endlessBody struct {
	mu     sync.Mutex
	prefix string
	read   int
	closed bool
}

const endlessCap = 8 << 20

func (b *endlessBody) Read(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.read >= endlessCap {
		return 0, io.EOF
	}
	p = p[:min(len(p), endlessCap-b.read)]
	n := 0
	if b.read < len(b.prefix) {
		n = copy(p, b.prefix[b.read:])
	}
	for i := n; i < len(p); i++ {
		p[i] = ' '
	}
	b.read += len(p)
	return len(p), nil
}

func (b *endlessBody) Close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.closed = true
	return nil
}

func TestHiddenAnEndlessBodyIsNotReadForever(t *testing.T) {
	const results = `[{"subject":"S-6","analyte":"Cr","value":71,"unit":"umol/L"}]`
	for _, code := range []int{http.StatusOK, http.StatusServiceUnavailable} {
		b := &endlessBody{}
		if code == http.StatusOK {
			b.prefix = results
		}
		cl := labresults.NewClient("http://central.example", rtFunc(func(r *http.Request) (*http.Response, error) {
			return &http.Response{StatusCode: code, Header: http.Header{}, Body: b, Request: r}, nil
		}))
		got, err := cl.Fetch(context.Background(), "S-6")
		if code == http.StatusOK && (err != nil || len(got) != 1 || got[0].Analyte != "Cr") {
			t.Errorf("status 200: Fetch = %v, %v; want the Cr result", got, err)
		}
		b.mu.Lock()
		read, closed := b.read, b.closed
		b.mu.Unlock()
		// What was decoded, the 64 KiB allowed beyond it, and 8 KiB for a decoder's read-ahead.
		if limit := len(b.prefix) + 64<<10 + 8<<10; read > limit {
			t.Errorf("status %d: Fetch read %d KiB of a body that never ends (it stopped only because the test's "+
				"body gave up at %d MiB); drain at most 64 KiB beyond what was decoded, then close the body, or a "+
				"central lab that keeps sending hangs every fetch", code, read>>10, endlessCap>>20)
		}
		if !closed {
			t.Errorf("status %d: the body was not closed", code)
		}
	}
}
