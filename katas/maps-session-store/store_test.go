package sessions_test

import (
	"fmt"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"gokata.dev/katas/maps-session-store"
)

func TestZeroStorePutGetDelete(t *testing.T) {
	var st sessions.Store // the zero Store must be ready to use
	st.Put("S-001", sessions.Session{Subject: "PT-0042", Device: "TAB-7"})
	got, ok := st.Get("S-001")
	if !ok || got.Subject != "PT-0042" || got.Device != "TAB-7" {
		t.Fatalf("Get(S-001) = %+v, %v; want the session just put", got, ok)
	}
	st.Delete("S-001")
	if _, ok := st.Get("S-001"); ok || st.Len() != 0 {
		t.Fatalf("after Delete: Get ok = %v, Len = %d; want false, 0", ok, st.Len())
	}
}

func TestIDsAreSorted(t *testing.T) {
	var st sessions.Store
	for _, id := range []string{"S-040", "S-002", "S-017", "S-031", "S-005", "S-023", "S-011", "S-038"} {
		st.Put(id, sessions.Session{})
	}
	want := []string{"S-002", "S-005", "S-011", "S-017", "S-023", "S-031", "S-038", "S-040"}
	for range 3 {
		if got := st.IDs(); !slices.Equal(got, want) {
			t.Fatalf("IDs() = %v; want %v. Ranging over a map visits keys in an unspecified order "+
				"that changes from one loop to the next.", got, want)
		}
	}
}

func TestConcurrentPuts(t *testing.T) {
	var st sessions.Store
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := range 200 {
				id := fmt.Sprintf("W%d-%03d", w, i)
				st.Put(id, sessions.Session{Subject: id})
			}
		})
	}
	wg.Wait()
	if st.Len() != 800 {
		t.Fatalf("Len() = %d after 4 goroutines put 200 sessions each; want 800", st.Len())
	}
	if got, ok := st.Get("W3-199"); !ok || got.Subject != "W3-199" {
		t.Fatalf("Get(W3-199) = %+v, %v; want the session put by the fourth goroutine", got, ok)
	}
}

func heapBytes() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func TestMemoryIsGivenBackAfterMassDelete(t *testing.T) {
	var st sessions.Store
	base := heapBytes()
	const n = 25_000
	exp := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		st.Put(fmt.Sprintf("S-%06d", i), sessions.Session{Subject: "PT", Expires: exp})
	}
	peak := heapBytes() - base
	for i := 100; i < n; i++ {
		st.Delete(fmt.Sprintf("S-%06d", i))
	}
	after := heapBytes() - min(base, heapBytes())
	if after > peak/4 {
		t.Fatalf("with 100 of %d sessions left the store still holds %d KB (%d KB at the peak). "+
			"A Go map never shrinks: deleting entries keeps the storage it grew to.", n, after>>10, peak>>10)
	}
	if st.Len() != 100 {
		t.Fatalf("Len() = %d; want 100", st.Len())
	}
	runtime.KeepAlive(&st)
}
