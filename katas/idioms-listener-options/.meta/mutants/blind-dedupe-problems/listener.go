// Package hl7 configures the MLLP listener that receives HL7 messages from hospital systems.
package hl7

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

var _ = errors.New

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

// settings holds what the options change.
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
			return fmt.Errorf("read timeout %v must be positive", d)
		}
		s.readTimeout = d
		return nil
	}
}

// WithMaxMessageBytes sets the largest accepted message, from 1 to MaxMessageBytesLimit bytes.
func WithMaxMessageBytes(n int) Option {
	return func(s *settings) error {
		if n < 1 || n > MaxMessageBytesLimit {
			return fmt.Errorf("max message bytes %d must be from 1 to %d", n, MaxMessageBytesLimit)
		}
		s.maxMessageBytes = n
		return nil
	}
}

// WithSiteID sets the trial site, which must not be empty.
func WithSiteID(id string) Option {
	return func(s *settings) error {
		if id == "" {
			return fmt.Errorf("site ID must not be empty")
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
	st := settings{readTimeout: DefaultReadTimeout, maxMessageBytes: DefaultMaxMessageBytes}
	var problems []string
	if addr == "" {
		problems = append(problems, "address must not be empty")
	}
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o(&st); err != nil {
			dup := false
			for _, p := range problems {
				dup = dup || p == err.Error()
			}
			if !dup {
				problems = append(problems, err.Error())
			}
		}
	}
	if len(problems) > 0 {
		return nil, &ConfigError{Problems: problems}
	}
	return &Listener{addr: addr, readTimeout: st.readTimeout, maxMessageBytes: st.maxMessageBytes, siteID: st.siteID}, nil
}
