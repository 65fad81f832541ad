package hl7_test

import (
	"errors"
	"sync"
	"testing"
	"time"

	hl7 "gokata.dev/katas/idioms-listener-options"
)

func TestHiddenSuccessReturnsAnUntypedNilError(t *testing.T) {
	l, err := hl7.NewListener(":2575", hl7.WithSiteID("site-01"))
	if err != nil {
		t.Fatalf("NewListener with valid arguments returned a non-nil error (%T, %v); want err == nil. "+
			"A nil *ConfigError stored in an error interface is not a nil error.", err, err)
	}
	if l == nil {
		t.Fatalf("NewListener with valid arguments returned a nil listener")
	}
}

func TestHiddenEveryProblemIsReportedInOrder(t *testing.T) {
	l, err := hl7.NewListener("",
		hl7.WithReadTimeout(0),
		hl7.WithSiteID("site-02"),
		hl7.WithMaxMessageBytes(0),
		hl7.WithSiteID(""),
	)
	var cerr *hl7.ConfigError
	if !errors.As(err, &cerr) {
		t.Fatalf("NewListener(\"\", four options, three of them invalid) returned error %v; want a *hl7.ConfigError", err)
	}
	if l != nil {
		t.Fatalf("NewListener returned a listener together with its error; want nil")
	}
	if len(cerr.Problems) != 4 {
		t.Fatalf("ConfigError.Problems = %q; want 4 problems: the empty address, then the read timeout 0, "+
			"the size 0 and the empty site ID, in that order", cerr.Problems)
	}
	for i, p := range cerr.Problems {
		if p == "" {
			t.Fatalf("ConfigError.Problems[%d] is empty; want a description", i)
		}
	}
	if cerr.Problems[0] == cerr.Problems[1] || cerr.Problems[1] == cerr.Problems[2] {
		t.Fatalf("ConfigError.Problems = %q; want one description per problem", cerr.Problems)
	}
}

func TestHiddenZeroIsNotADefault(t *testing.T) {
	for name, opt := range map[string]hl7.Option{
		"WithReadTimeout(0)":           hl7.WithReadTimeout(0),
		"WithReadTimeout(-1ns)":        hl7.WithReadTimeout(-1),
		"WithMaxMessageBytes(0)":       hl7.WithMaxMessageBytes(0),
		"WithMaxMessageBytes(-1)":      hl7.WithMaxMessageBytes(-1),
		"WithMaxMessageBytes(64MiB+1)": hl7.WithMaxMessageBytes(hl7.MaxMessageBytesLimit + 1),
		"WithSiteID(\"\")":             hl7.WithSiteID(""),
	} {
		_, err := hl7.NewListener(":2575", opt)
		var cerr *hl7.ConfigError
		if !errors.As(err, &cerr) || len(cerr.Problems) != 1 {
			t.Errorf("NewListener(\":2575\", %s) returned error %v; want a *hl7.ConfigError with one problem", name, err)
		}
	}
}

func TestHiddenBoundaryValuesAreValid(t *testing.T) {
	l, err := hl7.NewListener(":2575", hl7.WithMaxMessageBytes(hl7.MaxMessageBytesLimit), hl7.WithReadTimeout(time.Nanosecond))
	if err != nil {
		t.Fatalf("NewListener with WithMaxMessageBytes(64 MiB) and WithReadTimeout(1ns) returned error %v; want nil", err)
	}
	if l.MaxMessageBytes() != hl7.MaxMessageBytesLimit || l.ReadTimeout() != time.Nanosecond {
		t.Fatalf("got max %d bytes, read timeout %v; want %d, 1ns", l.MaxMessageBytes(), l.ReadTimeout(), hl7.MaxMessageBytesLimit)
	}
	l, err = hl7.NewListener(":2575", hl7.WithMaxMessageBytes(1))
	if err != nil || l.MaxMessageBytes() != 1 {
		t.Fatalf("NewListener with WithMaxMessageBytes(1) returned %v; want a listener accepting 1 byte", err)
	}
}

func TestHiddenTheLastOptionWins(t *testing.T) {
	l, err := hl7.NewListener(":2575",
		hl7.WithReadTimeout(5*time.Second), hl7.WithSiteID("site-03"),
		hl7.WithReadTimeout(7*time.Second), hl7.WithSiteID("site-04"),
	)
	if err != nil {
		t.Fatalf("NewListener returned error %v; want nil", err)
	}
	if l.ReadTimeout() != 7*time.Second || l.SiteID() != "site-04" {
		t.Fatalf("after two read timeouts and two site IDs: got %v, %q; want the later ones, 7s and \"site-04\"", l.ReadTimeout(), l.SiteID())
	}
}

func TestHiddenOptionsDoNotLeakIntoOtherListeners(t *testing.T) {
	if _, err := hl7.NewListener(":2575", hl7.WithReadTimeout(2*time.Second), hl7.WithMaxMessageBytes(512), hl7.WithSiteID("site-05")); err != nil {
		t.Fatalf("NewListener returned error %v; want nil", err)
	}
	l, err := hl7.NewListener(":2576")
	if err != nil {
		t.Fatalf("NewListener(\":2576\") returned error %v; want nil", err)
	}
	if l.ReadTimeout() != hl7.DefaultReadTimeout || l.MaxMessageBytes() != hl7.DefaultMaxMessageBytes || l.SiteID() != "" {
		t.Fatalf("a listener created without options got read timeout %v, max %d bytes, site %q; want the defaults. "+
			"The options of an earlier listener leaked into it.", l.ReadTimeout(), l.MaxMessageBytes(), l.SiteID())
	}
}

func TestHiddenListenersCanBeBuiltConcurrently(t *testing.T) {
	var wg sync.WaitGroup
	errs := make(chan string, 32)
	for i := range 32 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := time.Duration(i+1) * time.Second
			l, err := hl7.NewListener(":2575", hl7.WithReadTimeout(d))
			if err != nil || l.ReadTimeout() != d {
				errs <- "a listener built concurrently with others did not get its own read timeout"
			}
		}()
	}
	wg.Wait()
	close(errs)
	if msg, ok := <-errs; ok {
		t.Fatal(msg)
	}
}

func TestHiddenNilOptionsAreSkipped(t *testing.T) {
	l, err := hl7.NewListener(":2575", nil, hl7.WithSiteID("site-06"), nil)
	if err != nil || l == nil || l.SiteID() != "site-06" {
		t.Fatalf("NewListener(\":2575\", nil, WithSiteID(\"site-06\"), nil) = %v, %v; want a listener for site-06 and a nil error", l, err)
	}
}

func TestHiddenAnEmptyAddressIsAProblem(t *testing.T) {
	_, err := hl7.NewListener("")
	if err == nil {
		t.Fatal("NewListener(\"\") returned a nil error; want a *hl7.ConfigError for the empty address")
	}
	var cerr *hl7.ConfigError
	if !errors.As(err, &cerr) || len(cerr.Problems) != 1 {
		t.Fatalf("NewListener(\"\") returned error %v; want a *hl7.ConfigError with one problem", err)
	}
}

func TestHiddenTheAddressProblemComesFirst(t *testing.T) {
	problems := func(addr string, opts ...hl7.Option) []string {
		t.Helper()
		_, err := hl7.NewListener(addr, opts...)
		var cerr *hl7.ConfigError
		if !errors.As(err, &cerr) {
			t.Fatalf("NewListener(%q, ...) returned error %v; want a *hl7.ConfigError", addr, err)
		}
		return cerr.Problems
	}
	onlyAddress := problems("", hl7.WithSiteID("site-07"))
	both := problems("", hl7.WithReadTimeout(-time.Second), hl7.WithMaxMessageBytes(hl7.MaxMessageBytesLimit+1))

	if len(onlyAddress) != 1 || len(both) != 3 {
		t.Fatalf("problems for an empty address alone: %q; with two invalid options as well: %q; want 1 and 3",
			onlyAddress, both)
	}
	if both[0] != onlyAddress[0] {
		t.Fatalf("with an empty address and two invalid options, ConfigError.Problems = %q; want the address "+
			"problem (%q) first, then the options in the order given", both, onlyAddress[0])
	}
}

func TestHiddenTheSameProblemTwiceIsReportedTwice(t *testing.T) {
	_, err := hl7.NewListener(":2575",
		hl7.WithSiteID(""),
		hl7.WithReadTimeout(0),
		hl7.WithSiteID(""),
		hl7.WithReadTimeout(0),
		hl7.WithMaxMessageBytes(0),
		hl7.WithMaxMessageBytes(0),
	)
	var cerr *hl7.ConfigError
	if !errors.As(err, &cerr) {
		t.Fatalf("NewListener with six invalid options returned error %v; want a *hl7.ConfigError", err)
	}
	if len(cerr.Problems) != 6 {
		t.Fatalf("ConfigError.Problems = %q; want 6 problems, one per invalid option, even when two options "+
			"are invalid in the same way: Problems holds one description per problem, all of them", cerr.Problems)
	}
	for i, p := range cerr.Problems {
		if p == "" {
			t.Fatalf("ConfigError.Problems[%d] is empty; want a description", i)
		}
	}
}

func TestHiddenALaterValidOptionDoesNotHideAnInvalidOne(t *testing.T) {
	for name, opts := range map[string][]hl7.Option{
		"WithReadTimeout(0), WithReadTimeout(5s)":          {hl7.WithReadTimeout(0), hl7.WithReadTimeout(5 * time.Second)},
		"WithMaxMessageBytes(0), WithMaxMessageBytes(512)": {hl7.WithMaxMessageBytes(0), hl7.WithMaxMessageBytes(512)},
		"WithSiteID(\"\"), WithSiteID(\"site-07\")":        {hl7.WithSiteID(""), hl7.WithSiteID("site-07")},
	} {
		l, err := hl7.NewListener(":2575", opts...)
		var cerr *hl7.ConfigError
		if !errors.As(err, &cerr) || len(cerr.Problems) != 1 || l != nil {
			t.Errorf("NewListener(\":2575\", %s) = %v, %v; want a nil listener and a *hl7.ConfigError with one "+
				"problem: every invalid option value is a problem. \"The later one wins\" decides which valid "+
				"value is used, it does not excuse an invalid one.", name, l, err)
		}
	}
}
