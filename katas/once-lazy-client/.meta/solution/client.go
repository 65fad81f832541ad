// Package patientdb gives the services of the trial platform their client for
// the patient database.
package patientdb

import "sync"

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
	// sync.OnceValue runs build once, makes concurrent callers wait until it has
	// returned, and publishes its result safely (Do's return happens after build's).
	// One per Registry: a package-level Once would give every registry the same client.
	get func() *Client
}

// NewRegistry returns a Registry that builds its client with build. It does
// not call build.
func NewRegistry(build func() *Client) *Registry {
	return &Registry{get: sync.OnceValue(build)}
}

// Get returns the registry's client, building it on the first call.
//
// Get is called by every request handler, concurrently. build must run at
// most once per Registry; every caller gets the same, fully built client; a
// caller that arrives while the client is being built waits for it.
func (r *Registry) Get() *Client {
	return r.get()
}
