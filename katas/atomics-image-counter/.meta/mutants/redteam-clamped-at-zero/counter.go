// Mutant (red team: written from the README and starter only).
// Flaw: a correction never takes the count below zero, so a correction that arrives after an export is lost and
// the exports no longer add up to the images processed.
// Violates: "Add counts n images (n may be negative to correct a miscount)" and exports that add up.

// Package imagecount keeps the throughput counters of the AI system that
// reads trial participants' medical images (CT, MRI, X-ray).
package imagecount

import "sync/atomic"

// Counter counts processed images. The zero Counter is ready to use.
type Counter struct {
	n atomic.Int64
}

// Inc counts one image.
func (c *Counter) Inc() { c.Add(1) }

// Add counts n images; a correction never takes the count below zero.
func (c *Counter) Add(n int64) {
	for {
		old := c.n.Load()
		next := max(old+n, 0)
		if c.n.CompareAndSwap(old, next) {
			return
		}
	}
}

// Load returns the count.
func (c *Counter) Load() int64 { return c.n.Load() }

// Reset returns the count and sets it to zero, in one step.
func (c *Counter) Reset() int64 { return c.n.Swap(0) }
