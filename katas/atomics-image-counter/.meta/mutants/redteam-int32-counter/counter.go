// Mutant (red team: found by an external reviewer who read only the README and the starter).
// Flaw: keeps the count in an atomic.Int32 and adds int32(n): Add(1<<32) adds 0 and totals past 2^31 wrap.
// Violates: Add and Load work with int64 counts.

// Package imagecount keeps the throughput counters of the AI system that
// reads trial participants' medical images (CT, MRI, X-ray).
package imagecount

import "sync/atomic"

// Counter counts processed images. The zero Counter is ready to use.
type Counter struct {
	n atomic.Int32 // a minute of images fits easily in 32 bits
}

// Inc counts one image.
func (c *Counter) Inc() { c.n.Add(1) }

// Add counts n images (n may be negative to correct a miscount).
func (c *Counter) Add(n int64) { c.n.Add(int32(n)) }

// Load returns the count.
func (c *Counter) Load() int64 { return int64(c.n.Load()) }

// Reset returns the count and sets it to zero, in one step.
func (c *Counter) Reset() int64 { return int64(c.n.Swap(0)) }
