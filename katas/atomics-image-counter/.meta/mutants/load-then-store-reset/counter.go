// Package imagecount keeps the throughput counters of the AI system that
// reads trial participants' medical images (CT, MRI, X-ray).
package imagecount

import "sync/atomic"

// Counter counts processed images. The zero Counter is ready to use. It is
// safe for concurrent use and must not be copied after first use.
//
// It sits on the hot path: every worker calls Inc for every image, and the
// metrics exporter calls Reset once a minute.
type Counter struct {
	// One word of state: an atomic is the whole synchronisation it needs. A
	// channel and a goroutine would add a hand-off per image, a goroutine per
	// counter, and reads that lag behind the writes.
	n atomic.Int64
}

// Inc counts one image.
func (c *Counter) Inc() { c.n.Add(1) }

// Add counts n images (n may be negative to correct a miscount).
func (c *Counter) Add(n int64) { c.n.Add(n) }

// Load returns the count. It includes every Inc and Add that returned
// before Load was called.
func (c *Counter) Load() int64 { return c.n.Load() }

// Reset returns the count and sets it to zero, in one step: an image counted
// concurrently shows up either in the value returned or in the counter
// afterwards, never in both and never in neither.
func (c *Counter) Reset() int64 {
	// Swap is one atomic read-modify-write; Load followed by Store(0) would
	// lose every Add that lands between the two.
	v := c.n.Load()
	c.n.Store(0)
	return v
}
