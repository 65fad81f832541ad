package projectcache_test

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"

	"gokata.dev/katas/mutexes-project-cache"
)

func TestHiddenSnapshotSitesAreIndependent(t *testing.T) {
	c := projectcache.NewCache()
	want := sampleProject("ONC-2024-017", "Beijing-01", "Shanghai-03", "Chengdu-05")
	c.Put(projectcache.ProjectInfo{ID: want.ID, Status: want.Status, CenterCount: 3, Sites: slices.Clone(want.Sites)})

	got := mustGet(t, c, "ONC-2024-017")
	got.Sites[0] = "Wuhan-09"
	got.Sites = append(got.Sites[:1], "Xian-04")

	if again := mustGet(t, c, "ONC-2024-017"); !sameProject(again, want) {
		t.Fatalf("after a caller edited the Sites of its snapshot, the cache holds %s; want %s. Copying the "+
			"struct copies the slice header only: both still share one array. Clone the Sites too.",
			describe(again), describe(&want))
	}
}

func TestHiddenPutKeepsItsOwnCopy(t *testing.T) {
	c := projectcache.NewCache()
	sites := []string{"Beijing-01", "Shanghai-03"}
	c.Put(projectcache.ProjectInfo{ID: "NEURO-2022-009", Status: "Active", CenterCount: 2, Sites: sites})

	sites[1] = "Harbin-07" // the caller reuses its slice for the next request

	if got := mustGet(t, c, "NEURO-2022-009"); !slices.Equal(got.Sites, []string{"Beijing-01", "Shanghai-03"}) {
		t.Fatalf("after the caller of Put changed its own slice, the cache holds Sites %v; want [Beijing-01 "+
			"Shanghai-03]. Put stored the caller's slice, so guarded data is still reachable from outside.", got.Sites)
	}
}

func TestHiddenSnapshotDoesNotChangeLater(t *testing.T) {
	c := projectcache.NewCache()
	c.Put(sampleProject("CARD-2023-004", "Guangzhou-02"))

	got := mustGet(t, c, "CARD-2023-004")
	if err := c.SetStatus("CARD-2023-004", "Completed"); err != nil {
		t.Fatalf("SetStatus: %v", err)
	}
	if err := c.AddSite("CARD-2023-004", "Nanjing-06"); err != nil {
		t.Fatalf("AddSite: %v", err)
	}

	if got.Status != "Recruiting" || got.CenterCount != 1 || len(got.Sites) != 1 {
		t.Fatalf("a snapshot taken before SetStatus and AddSite became %s; want it unchanged. The caller was "+
			"reading cached data while writers changed it under the lock.", describe(got))
	}
	now := mustGet(t, c, "CARD-2023-004")
	if now.Status != "Completed" || now.CenterCount != 2 || !slices.Equal(now.Sites, []string{"Guangzhou-02", "Nanjing-06"}) {
		t.Fatalf("after SetStatus and AddSite, Get = %s; want Status Completed, 2 centres", describe(now))
	}
}

func TestHiddenUnknownProject(t *testing.T) {
	c := projectcache.NewCache()
	if p, ok := c.Get("NOPE"); ok || p != nil {
		t.Fatalf("Get of an unknown project = %v, %t; want nil, false", p, ok)
	}
	if err := c.SetStatus("NOPE", "Active"); !errors.Is(err, projectcache.ErrUnknownProject) {
		t.Fatalf("SetStatus of an unknown project = %v; want ErrUnknownProject", err)
	}
	if err := c.AddSite("NOPE", "Beijing-01"); !errors.Is(err, projectcache.ErrUnknownProject) {
		t.Fatalf("AddSite of an unknown project = %v; want ErrUnknownProject", err)
	}
	if ids := c.ProjectsAt("Beijing-01"); len(ids) != 0 {
		t.Fatalf("ProjectsAt on an empty cache = %v; want none", ids)
	}
}

func TestHiddenProjectsAtSharesTheReadLock(t *testing.T) {
	c := projectcache.NewCache()
	c.Put(sampleProject("B-2", "Beijing-01"))
	c.Put(sampleProject("A-1", "Beijing-01", "Shanghai-03"))
	c.Put(sampleProject("C-3", "Shanghai-03"))

	var ids []string
	if !returnsWhileReadLocked(t, c, func() { ids = c.ProjectsAt("Beijing-01") }) {
		t.Fatalf("ProjectsAt waited while another reader held the lock; want readers to share it (RLock)")
	}
	if !slices.Equal(ids, []string{"A-1", "B-2"}) {
		t.Fatalf("ProjectsAt(Beijing-01) = %v; want [A-1 B-2]", ids)
	}
}

func TestHiddenManyReadersAtOnce(t *testing.T) {
	c := projectcache.NewCache()
	for i := range 5 {
		c.Put(sampleProject(fmt.Sprintf("P-%d", i), "Beijing-01"))
	}
	ok := returnsWhileReadLocked(t, c, func() {
		var wg sync.WaitGroup
		for i := range 20 {
			wg.Go(func() {
				c.Get(fmt.Sprintf("P-%d", i%5))
				c.ProjectsAt("Beijing-01")
			})
		}
		wg.Wait()
	})
	if !ok {
		t.Fatalf("20 concurrent readers could not all read while one reader held the lock; want Get and " +
			"ProjectsAt to take the read lock only")
	}
}

func TestHiddenConcurrentReadersAndWriters(t *testing.T) {
	c := projectcache.NewCache()
	ids := []string{"ONC-1", "ONC-2", "CARD-3"}
	for _, id := range ids {
		c.Put(sampleProject(id, "Beijing-01", "Shanghai-03"))
	}

	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := range 200 {
				id := ids[(w+i)%len(ids)]
				switch (w + i) % 4 {
				case 0:
					_ = c.SetStatus(id, []string{"Active", "Suspended"}[i%2])
				case 1:
					if i%20 == 1 {
						_ = c.AddSite(id, fmt.Sprintf("Site-%d-%d", w, i))
					}
				default:
					if p, ok := c.Get(id); ok {
						// Handlers edit their snapshot to build a response.
						p.Status = "view:" + p.Status
						if len(p.Sites) > 0 {
							p.Sites[0] = "redacted"
						}
						p.Sites = append(p.Sites, "extra")
					}
					c.ProjectsAt("Beijing-01")
				}
			}
		})
	}
	wg.Wait()

	for _, id := range ids {
		p := mustGet(t, c, id)
		if p.Sites[0] != "Beijing-01" || slices.Contains(p.Sites, "extra") {
			t.Fatalf("project %s ended with Sites %v: a handler's edits to its snapshot reached the cache",
				id, p.Sites)
		}
		if p.CenterCount != len(p.Sites) {
			t.Fatalf("project %s: CenterCount %d but %d sites", id, p.CenterCount, len(p.Sites))
		}
	}
}
