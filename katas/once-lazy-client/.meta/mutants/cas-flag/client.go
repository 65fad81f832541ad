// Package patientdb gives the services of the trial platform their client for
// the patient database.
package patientdb

import "sync/atomic"

// Client is a connection pool to the patient database. Building one is slow
// (TLS handshakes, a schema check), and the database admits only one pool per
// service instance: a second pool is refused or, worse, starves other services.
type Client struct {
	DSN      string
	PoolSize int
}

// Registry hands out a service's patient-database client, building it on
// first use rather than at start-up, so that a service starts even while the
// database is in maintenance.
type Registry struct {
	build   func() *Client
	started atomic.Bool
	client  *Client
}

// NewRegistry returns a Registry that builds its client with build. It does
// not call build.
func NewRegistry(build func() *Client) *Registry {
	return &Registry{build: build}
}

// Get returns the registry's client, building it on the first call.
//
// Get is called by every request handler, concurrently. build must run at
// most once per Registry; every caller gets the same, fully built client; a
// caller that arrives while the client is being built waits for it.
func (r *Registry) Get() *Client {
	// Only one caller builds, but the others do not wait for it: they return
	// whatever r.client holds at that moment (nil while the build runs).
	if r.started.CompareAndSwap(false, true) {
		r.client = r.build()
	}
	return r.client
}
