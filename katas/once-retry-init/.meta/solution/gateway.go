// Package gateway connects the EDC platform to a hospital's HL7 interface engine.
package gateway

import (
	"sync"
	"sync/atomic"
)

// Conn is an authenticated session with the interface engine.
type Conn struct {
	Endpoint  string
	SessionID int
}

// Gateway connects to the interface engine lazily, on first use.
type Gateway struct {
	connect func() (*Conn, error)

	// sync.Once cannot do this job: it marks itself done even when the function
	// failed, and it has no way to be reset safely.
	mu   sync.Mutex           // held for the whole connect: one connect at a time, others wait
	conn atomic.Pointer[Conn] // set only on success; read without the lock on the fast path
}

// New returns a Gateway that connects with connect. It does not call connect.
func New(connect func() (*Conn, error)) *Gateway {
	return &Gateway{connect: connect}
}

// Get returns the gateway's session, connecting on first use. Many goroutines
// call Get at the same time.
//
//   - The engine is often unreachable for a few minutes at night (backups).
//     A failed connect is not remembered: Get returns its error (errors.Is
//     finds it), and a later Get tries again.
//   - A successful session is kept and shared: once connected, Get returns
//     that session and never calls connect again.
//   - At most one connect runs at any moment: a burst of parallel logins makes
//     the engine lock the service account. A caller that arrives while a
//     connect is in flight waits for it to finish.
func (g *Gateway) Get() (*Conn, error) {
	if c := g.conn.Load(); c != nil {
		return c, nil
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	// Someone may have connected while this caller waited for the lock.
	if c := g.conn.Load(); c != nil {
		return c, nil
	}
	c, err := g.connect()
	if err != nil {
		// Not stored: the next caller (or this one, later) tries again.
		return nil, err
	}
	g.conn.Store(c)
	return c, nil
}
