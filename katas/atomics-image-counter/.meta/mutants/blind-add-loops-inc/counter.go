// Mutant (blind: written from the README and starter only).
// Flaw: Add is built on Inc by looping n times, so a negative correction is silently ignored.
// Violates: "Add counts n images (n may be negative to correct a miscount)"

// Package imagecount keeps the throughput counters of the AI system that
// reads trial participants' medical images (CT, MRI, X-ray).
package imagecount

import "sync/atomic"

// Counter counts processed images. The zero Counter is ready to use. It is
// safe for concurrent use and must not be copied after first use.
type Counter struct {
	n atomic.Int64
}

// Inc counts one image.
func (c *Counter) Inc() { c.n.Add(1) }

// Add counts n images (n may be negative to correct a miscount).
func (c *Counter) Add(n int64) {
	for i := int64(0); i < n; i++ {
		c.Inc()
	}
}

// Load returns the count.
func (c *Counter) Load() int64 { return c.n.Load() }

// Reset returns the count and sets it to zero, in one step.
func (c *Counter) Reset() int64 { return c.n.Swap(0) }
