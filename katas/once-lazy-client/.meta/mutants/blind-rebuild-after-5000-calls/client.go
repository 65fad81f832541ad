package patientdb

import (
	"sync"
	"sync/atomic"
)

var _ sync.Mutex
var _ atomic.Int32

type Client struct {
	DSN      string
	PoolSize int
}


type Registry struct {
	build  func() *Client
	mu     sync.Mutex
	client *Client
	calls  int
}

func NewRegistry(build func() *Client) *Registry { return &Registry{build: build} }

// Recycles the pool every 5000 calls: build runs more than once per Registry.
func (r *Registry) Get() *Client {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls++
	if r.client == nil || r.calls%5000 == 0 {
		r.client = r.build()
	}
	return r.client
}
