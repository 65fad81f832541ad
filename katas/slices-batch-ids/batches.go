// Package batching splits patient IDs into upload batches for the EDC system.
package batching

// Batches splits ids into consecutive batches of at most size IDs, in order.
//
// Each batch is handed to its own upload job, and the jobs run in parallel.
// Before sending, a job appends its own control IDs to its batch. Appending to
// one batch must never change another batch, nor ids, nor anything the caller
// keeps in the same array after ids.
//
// No IDs give no batches. size < 1 is a programming error: Batches panics.
func Batches(ids []string, size int) [][]string {
	if size < 1 {
		panic("batching: size must be at least 1")
	}
	var batches [][]string
	for start := 0; start < len(ids); start += size {
		end := min(start+size, len(ids))
		batches = append(batches, ids[start:end])
	}
	return batches
}
