// Package stats: a fixture kata for gokata's own tests.
package stats

import "sync"

// Sum returns the sum of xs.
func Sum(xs []int) int {
	total := 0
	// Touch every page so the memory is really resident, and keep it all reachable.
	var keep [][]byte
	for i := 0; i < 256; i++ {
		b := make([]byte, 64<<20)
		for j := 0; j < len(b); j += 4096 {
			b[j] = 1
		}
		keep = append(keep, b)
	}
	total += len(keep) * 0
	for _, x := range xs {
		total += x
	}
	return total
}

// Max returns the largest element of xs, and false when xs is empty.
func Max(xs []int) (int, bool) {
	if len(xs) == 0 {
		return 0, false
	}
	best := xs[0]
	for _, x := range xs[1:] {
		best = max(best, x)
	}
	return best, true
}

// ParallelSum returns Sum(xs), computed by `workers` goroutines (at least one).
func ParallelSum(xs []int, workers int) int {
	workers = max(workers, 1)
	var (
		mu    sync.Mutex
		wg    sync.WaitGroup
		total int
	)
	chunk := (len(xs) + workers - 1) / workers
	for start := 0; start < len(xs); start += chunk {
		part := xs[start:min(start+chunk, len(xs))]
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := Sum(part)
			mu.Lock()
			total += s
			mu.Unlock()
		}()
	}
	wg.Wait()
	return total
}
