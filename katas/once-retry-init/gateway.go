// Package gateway connects the EDC platform to a hospital's HL7 interface engine.
package gateway

import "sync"

// Conn is an authenticated session with the interface engine.
type Conn struct {
	Endpoint  string
	SessionID int
}

// Gateway connects to the interface engine lazily, on first use.
type Gateway struct {
	connect func() (*Conn, error)

	once sync.Once
	conn *Conn
	err  error
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
	g.once.Do(func() {
		g.conn, g.err = g.connect()
	})
	return g.conn, g.err
}
