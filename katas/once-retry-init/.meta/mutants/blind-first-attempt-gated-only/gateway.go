package gateway

import (
	"errors"
	"sync"
	"sync/atomic"
)

var _ = errors.New
var _ sync.Mutex
var _ atomic.Int32

type Conn struct {
	Endpoint  string
	SessionID int
}


type Gateway struct {
	connect func() (*Conn, error)
	mu      sync.Mutex
	tried   atomic.Bool
	conn    atomic.Pointer[Conn]
}

func New(connect func() (*Conn, error)) *Gateway { return &Gateway{connect: connect} }

// Only the very first attempt is serialised; retries after a failure run unguarded.
func (g *Gateway) Get() (*Conn, error) {
	if c := g.conn.Load(); c != nil {
		return c, nil
	}
	if !g.tried.Load() {
		g.mu.Lock()
		defer g.mu.Unlock()
		if c := g.conn.Load(); c != nil {
			return c, nil
		}
		if !g.tried.Load() {
			c, err := g.connect()
			g.tried.Store(true)
			if err != nil {
				return nil, err
			}
			g.conn.Store(c)
			return c, nil
		}
	}
	c, err := g.connect()
	if err != nil {
		return nil, err
	}
	g.conn.CompareAndSwap(nil, c)
	return g.conn.Load(), nil
}
