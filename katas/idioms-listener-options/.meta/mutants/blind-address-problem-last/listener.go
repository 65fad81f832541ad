// Mutant (blind: written by the kata-content helper from the README, the starter and the solution,
// without reading the hidden tests).
// Flaw: the options are checked first and the address last, so the address problem comes after the option problems.
// Violates: "all of them (not just the first), in order: the address first, then the options in the order given."

// Package hl7 configures the MLLP listener that receives HL7 messages from hospital systems.
package hl7

import (
	"fmt"
	"strings"
	"time"
)

// Defaults and limits of a Listener's settings.
const (
	DefaultReadTimeout     = 30 * time.Second
	DefaultMaxMessageBytes = 1 << 20  // 1 MiB
	MaxMessageBytesLimit   = 64 << 20 // 64 MiB
)

// Listener is a configured, not yet started, HL7 listener.
type Listener struct {
	addr            string
	readTimeout     time.Duration
	maxMessageBytes int
	siteID          string
}

// Addr returns the address the listener will listen on.
func (l *Listener) Addr() string { return l.addr }

// ReadTimeout returns how long a read of one message may take.
func (l *Listener) ReadTimeout() time.Duration { return l.readTimeout }

// MaxMessageBytes returns the largest message the listener accepts.
func (l *Listener) MaxMessageBytes() int { return l.maxMessageBytes }

// SiteID returns the trial site the listener receives messages for ("" when not set).
func (l *Listener) SiteID() string { return l.siteID }

type settings struct {
	readTimeout     time.Duration
	maxMessageBytes int
	siteID          string
}

// Option sets one setting of a Listener; it reports an invalid value as an error.
type Option func(*settings) error

// WithReadTimeout sets the read timeout, which must be positive.
func WithReadTimeout(d time.Duration) Option {
	return func(s *settings) error {
		if d <= 0 {
			return fmt.Errorf("read timeout %v: must be positive", d)
		}
		s.readTimeout = d
		return nil
	}
}

// WithMaxMessageBytes sets the largest accepted message, from 1 to MaxMessageBytesLimit bytes.
func WithMaxMessageBytes(n int) Option {
	return func(s *settings) error {
		if n < 1 || n > MaxMessageBytesLimit {
			return fmt.Errorf("max message size %d: must be between 1 and %d bytes", n, MaxMessageBytesLimit)
		}
		s.maxMessageBytes = n
		return nil
	}
}

// WithSiteID sets the trial site, which must not be empty.
func WithSiteID(id string) Option {
	return func(s *settings) error {
		if id == "" {
			return fmt.Errorf("site ID: must not be empty")
		}
		s.siteID = id
		return nil
	}
}

// ConfigError lists every problem found in NewListener's arguments.
type ConfigError struct {
	Problems []string
}

func (e *ConfigError) Error() string {
	return "hl7: invalid listener configuration: " + strings.Join(e.Problems, "; ")
}

// NewListener returns a Listener for addr, with the defaults changed by opts in order.
func NewListener(addr string, opts ...Option) (*Listener, error) {
	// A fresh settings value per call: options never touch another listener's settings.
	s := settings{readTimeout: DefaultReadTimeout, maxMessageBytes: DefaultMaxMessageBytes}
	var problems []string
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(&s); err != nil {
			problems = append(problems, err.Error())
		}
	}
	if addr == "" {
		problems = append(problems, "address: must not be empty")
	}
	if len(problems) > 0 {
		return nil, &ConfigError{Problems: problems}
	}
	// Returning the untyped nil: a nil *ConfigError would make a non-nil error.
	return &Listener{
		addr:            addr,
		readTimeout:     s.readTimeout,
		maxMessageBytes: s.maxMessageBytes,
		siteID:          s.siteID,
	}, nil
}
