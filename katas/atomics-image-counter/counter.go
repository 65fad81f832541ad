// Package imagecount keeps the throughput counters of the AI system that
// reads trial participants' medical images (CT, MRI, X-ray).
package imagecount

import "sync"

// Counter counts processed images. The zero Counter is ready to use. It is
// safe for concurrent use and must not be copied after first use.
//
// It sits on the hot path: every worker calls Inc for every image, and the
// metrics exporter calls Reset once a minute.
type Counter struct {
	once sync.Once
	incs chan int64
	n    int64
}

// start launches the goroutine that applies increments, on first use.
func (c *Counter) start() {
	c.once.Do(func() {
		c.incs = make(chan int64, 1024)
		go func() {
			for d := range c.incs {
				c.n += d
			}
		}()
	})
}

// Inc counts one image.
func (c *Counter) Inc() { c.Add(1) }

// Add counts n images (n may be negative to correct a miscount).
func (c *Counter) Add(n int64) {
	c.start()
	c.incs <- n
}

// Load returns the count. It includes every Inc and Add that returned
// before Load was called.
func (c *Counter) Load() int64 {
	c.start()
	return c.n
}

// Reset returns the count and sets it to zero, in one step: an image counted
// concurrently shows up either in the value returned or in the counter
// afterwards, never in both and never in neither.
func (c *Counter) Reset() int64 {
	c.start()
	v := c.n
	c.n = 0
	return v
}
