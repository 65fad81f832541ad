package eprostats_test

import "testing"

import "gokata.dev/katas/mutexes-copied-counter"

func TestSiteCounterCountsEverySubmission(t *testing.T) {
	var c eprostats.SiteCounter

	c.Add(true)
	c.Add(true)
	c.Add(false)

	if got, want := c.Counts(), (eprostats.Counts{Accepted: 2, Rejected: 1}); got != want {
		t.Fatalf("after 2 accepted and 1 rejected submission, Counts() = %+v; want %+v. With a value receiver, "+
			"Add works on a copy of the counter (mutex included) and the copy is thrown away on return.",
			got, want)
	}
}

func TestBoardKeepsOneCounterPerSite(t *testing.T) {
	b := eprostats.NewBoard()

	b.Site("SITE-BJ-01").Add(true)
	b.Site("SITE-BJ-01").Add(false)
	b.Site("SITE-SH-02").Add(true)

	if got, want := b.Site("SITE-BJ-01").Counts(), (eprostats.Counts{Accepted: 1, Rejected: 1}); got != want {
		t.Fatalf("SITE-BJ-01 counts %+v after one accepted and one rejected submission; want %+v. Site must return "+
			"the counter stored in the board, not a pointer to a copy of it.", got, want)
	}
	if b.Site("SITE-BJ-01") != b.Site("SITE-BJ-01") {
		t.Fatalf("two calls to Site(\"SITE-BJ-01\") returned different counters; want the same one")
	}
}
