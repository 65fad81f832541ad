package hl7json

// This is the only test file inside the package: the tests themselves are in
// package hl7json_test, out of reach of anything declared in encoder.go. They
// build encoders on a pool that records every Get and Put.

// Pool is the part of *sync.Pool an Encoder uses, as the tests see it.
type Pool interface {
	Get() interface{}
	Put(x interface{})
}

// NewEncoderWithPool returns &Encoder{pool: p}.
func NewEncoderWithPool(p Pool) *Encoder { return &Encoder{pool: p} }

// PoolOf returns e's pool.
func PoolOf(e *Encoder) Pool { return e.pool }
