package sessions_test

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"gokata.dev/katas/maps-session-store"
)

var t0 = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

func hiddenHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func TestHiddenZeroStoreReadsAndDeletes(t *testing.T) {
	var st sessions.Store
	if _, ok := st.Get("none"); ok {
		t.Fatal("Get on an empty Store reported a session")
	}
	st.Delete("none")
	if n := st.ExpireBefore(t0); n != 0 {
		t.Fatalf("ExpireBefore on an empty Store = %d; want 0", n)
	}
	if st.Len() != 0 || len(st.IDs()) != 0 {
		t.Fatalf("empty Store: Len() = %d, IDs() = %v; want 0 and no ids", st.Len(), st.IDs())
	}
	st.Put("S-1", sessions.Session{Device: "TAB-1"})
	if got, ok := st.Get("S-1"); !ok || got.Device != "TAB-1" {
		t.Fatalf("Put on a zero Store after reads: Get = %+v, %v", got, ok)
	}
}

func TestHiddenIDsSortedOnEveryCall(t *testing.T) {
	var st sessions.Store
	want := make([]string, 300)
	for i := range want {
		want[i] = fmt.Sprintf("S-%04d", i)
	}
	shuffled := slices.Clone(want)
	rand.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	for _, id := range shuffled {
		st.Put(id, sessions.Session{})
	}
	for range 5 {
		if got := st.IDs(); !slices.Equal(got, want) {
			t.Fatalf("IDs() is not in ascending order (first ids %v); map iteration order is unspecified", got[:5])
		}
	}
}

func TestHiddenPutReplaces(t *testing.T) {
	var st sessions.Store
	st.Put("S-1", sessions.Session{Device: "TAB-1"})
	st.Put("S-1", sessions.Session{Device: "TAB-2"})
	if got, _ := st.Get("S-1"); got.Device != "TAB-2" || st.Len() != 1 {
		t.Fatalf("after two Puts under one id: Get = %+v, Len = %d; want TAB-2 and 1", got, st.Len())
	}
}

func TestHiddenExpireBeforeIsStrict(t *testing.T) {
	var st sessions.Store
	st.Put("old", sessions.Session{Expires: t0.Add(-time.Minute)})
	st.Put("edge", sessions.Session{Expires: t0})
	st.Put("new", sessions.Session{Expires: t0.Add(time.Minute)})
	if n := st.ExpireBefore(t0); n != 1 {
		t.Fatalf("ExpireBefore(t0) removed %d sessions; want 1 (a session expiring exactly at t0 stays)", n)
	}
	if got := st.IDs(); !slices.Equal(got, []string{"edge", "new"}) {
		t.Fatalf("IDs() after ExpireBefore = %v; want [edge new]", got)
	}
}

func TestHiddenConcurrentMixedUse(t *testing.T) {
	var st sessions.Store
	var wg sync.WaitGroup
	for w := range 6 {
		wg.Go(func() {
			for i := range 300 {
				id := fmt.Sprintf("W%d-%03d", w, i%50)
				switch i % 6 {
				case 0, 1:
					st.Put(id, sessions.Session{Subject: id, Expires: t0.Add(time.Duration(i) * time.Second)})
				case 2:
					st.Get(id)
				case 3:
					st.Len()
				case 4:
					st.IDs()
				case 5:
					if i%30 == 5 {
						st.ExpireBefore(t0.Add(100 * time.Second))
					} else {
						st.Delete(id)
					}
				}
			}
		})
	}
	wg.Wait()
	if got := st.IDs(); len(got) != st.Len() {
		t.Fatalf("IDs() has %d ids but Len() = %d", len(got), st.Len())
	}
}

func TestHiddenReadersDuringWrites(t *testing.T) {
	var st sessions.Store
	var wg sync.WaitGroup
	wg.Go(func() { // the only writer
		for i := range 300 {
			st.Put(fmt.Sprintf("S-%03d", i), sessions.Session{Subject: "PT"})
		}
	})
	for range 3 { // readers that never write: nothing orders their reads after the writes but the Store's lock
		wg.Go(func() {
			for i := range 300 {
				st.Get(fmt.Sprintf("S-%03d", i))
				st.Len()
				if i%50 == 0 {
					st.IDs()
				}
			}
		})
	}
	wg.Wait()
	if st.Len() != 300 {
		t.Fatalf("Len() = %d; want 300", st.Len())
	}
}

func fill(st *sessions.Store, n int) {
	for i := range n {
		st.Put(fmt.Sprintf("S-%06d", i), sessions.Session{
			Subject: fmt.Sprintf("PT-%04d", i%5000),
			Expires: t0.Add(time.Duration(i) * time.Second),
			Scores:  [8]int64{int64(i)},
		})
	}
}

func TestHiddenMemoryGivenBackByDelete(t *testing.T) {
	var st sessions.Store
	base := hiddenHeap()
	const n = 25_000
	fill(&st, n)
	peak := hiddenHeap() - base
	for i := 50; i < n; i++ {
		st.Delete(fmt.Sprintf("S-%06d", i))
	}
	after := hiddenHeap() - min(base, hiddenHeap())
	if after > peak/4 {
		t.Fatalf("50 of %d sessions left after Delete, yet the store holds %d KB (%d KB at the peak): "+
			"a map keeps the storage of its peak; delete and clear do not shrink it", n, after>>10, peak>>10)
	}
	for i := range 50 {
		id := fmt.Sprintf("S-%06d", i)
		if got, ok := st.Get(id); !ok || got.Scores[0] != int64(i) {
			t.Fatalf("after the store shrank, Get(%s) = %+v, %v; want the session put earlier", id, got, ok)
		}
	}
	runtime.KeepAlive(&st)
}

func TestHiddenMemoryGivenBackByExpire(t *testing.T) {
	var st sessions.Store
	base := hiddenHeap()
	const n = 25_000
	fill(&st, n)
	peak := hiddenHeap() - base
	removed := st.ExpireBefore(t0.Add((n - 30) * time.Second))
	if removed != n-30 || st.Len() != 30 {
		t.Fatalf("ExpireBefore removed %d and left %d; want %d and 30", removed, st.Len(), n-30)
	}
	after := hiddenHeap() - min(base, hiddenHeap())
	if after > peak/4 {
		t.Fatalf("30 of %d sessions left after ExpireBefore, yet the store holds %d KB (%d KB at the peak)",
			n, after>>10, peak>>10)
	}
	runtime.KeepAlive(&st)
}

func TestHiddenStoreGrowsAgainAfterShrinking(t *testing.T) {
	var st sessions.Store
	fill(&st, 5000)
	for i := 10; i < 5000; i++ {
		st.Delete(fmt.Sprintf("S-%06d", i))
	}
	fill(&st, 3000)
	if st.Len() != 3000 {
		t.Fatalf("Len() = %d after shrinking to 10 and putting 3000 ids again (ids 0-2999); want 3000", st.Len())
	}
	ids := st.IDs()
	if !slices.IsSorted(ids) || ids[0] != "S-000000" || ids[len(ids)-1] != "S-002999" {
		t.Fatalf("IDs() after regrowing: %d ids from %s to %s; want S-000000 .. S-002999 sorted",
			len(ids), ids[0], ids[len(ids)-1])
	}
}
