// Package batching splits patient IDs into upload batches for the EDC system.
package batching


// Returns early for no IDs before validating size: Batches(nil, 0) does not panic.
func Batches(ids []string, size int) [][]string {
	if len(ids) == 0 {
		return nil
	}
	if size < 1 {
		panic("batching: size must be at least 1")
	}
	var batches [][]string
	for start := 0; start < len(ids); start += size {
		end := min(start+size, len(ids))
		batches = append(batches, ids[start:end:end])
	}
	return batches
}
