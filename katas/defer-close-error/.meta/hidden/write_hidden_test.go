package hl7out_test

import (
	"errors"
	"fmt"
	"io"
	"testing"

	hl7out "gokata.dev/katas/defer-close-error"
)

func TestHiddenWriteErrorSurvivesASuccessfulClose(t *testing.T) {
	out := &fakeOutput{failWritesAt: 3, writeErr: errShareGone}
	var names []string

	err := runWriteBatch(t, creator(out, &names), "batch-0502.hl7", messages)

	if !errors.Is(err, errShareGone) {
		t.Fatalf("the third write failed and Close succeeded, but WriteBatch returned %v; want the write error. "+
			"A deferred closure that assigns Close's result to err unconditionally turns the earlier "+
			"failure back into success.", err)
	}
	checkClosedOnce(t, out)
}

func TestHiddenWriteErrorSurvivesAFailingClose(t *testing.T) {
	out := &fakeOutput{failWritesAt: 1, writeErr: errShareGone, closeErr: errDiskFull}
	var names []string

	err := runWriteBatch(t, creator(out, &names), "batch-0503.hl7", messages)

	if !errors.Is(err, errShareGone) {
		t.Fatalf("a write failed with %q and then Close failed with %q; WriteBatch returned %v. The first "+
			"failure is the one that explains what went wrong: the Close error may be added, but must not "+
			"replace it.", errShareGone, errDiskFull, err)
	}
	checkClosedOnce(t, out)
}

func TestHiddenCloseErrorOfAnEmptyBatch(t *testing.T) {
	out := &fakeOutput{closeErr: errDiskFull}
	var names []string

	err := runWriteBatch(t, creator(out, &names), "batch-0504.hl7", nil)

	if !errors.Is(err, errDiskFull) {
		t.Fatalf("WriteBatch(no messages) returned %v although Close failed with %q; want that error. "+
			"A deferred function can only change what the caller receives through a named result.",
			err, errDiskFull)
	}
	checkClosedOnce(t, out)
}

func TestHiddenFileIsClosedWhenAWriteFails(t *testing.T) {
	for at := 1; at <= len(messages); at++ {
		out := &fakeOutput{failWritesAt: at, writeErr: errShareGone}
		var names []string

		_ = runWriteBatch(t, creator(out, &names), "batch-0505.hl7", messages)

		if out.closes != 1 {
			t.Fatalf("write %d of %d failed and the file was closed %d times; want exactly once. Returning "+
				"early skips a Close written at the end of the function; a deferred Close still runs.",
				at, len(messages), out.closes)
		}
		if out.writesAfterFailure > 0 {
			t.Fatalf("WriteBatch kept writing after write %d failed; want it to stop at the first failure", at)
		}
	}
}

func TestHiddenCreateFailureIsReturned(t *testing.T) {
	create := func(name string) (io.WriteCloser, error) { return nil, errPermission }

	err := runWriteBatch(t, create, "batch-0506.hl7", messages)

	if !errors.Is(err, errPermission) {
		t.Fatalf("create failed with %q; WriteBatch returned %v; want an error wrapping it", errPermission, err)
	}
}

// panickingOutput is an output whose n-th write panics, like a buggy
// compression layer between WriteBatch and the file.
type panickingOutput struct {
	fakeOutput
	panicAt int
}

func (p *panickingOutput) Write(b []byte) (int, error) {
	if p.writes+1 == p.panicAt {
		p.writes++
		panic("gzip: internal error: corrupt state")
	}
	return p.fakeOutput.Write(b)
}

func TestHiddenFileIsClosedWhenAWritePanics(t *testing.T) {
	for at := 1; at <= len(messages); at++ {
		out := &panickingOutput{panicAt: at}
		create := func(name string) (io.WriteCloser, error) { return out, nil }

		func() {
			defer func() { _ = recover() }() // whether WriteBatch re-panics or not is its own business
			_ = hl7out.WriteBatch(create, "batch-0507.hl7", messages)
		}()

		if out.closes != 1 {
			t.Fatalf("write %d of %d panicked and the file was closed %d times; want exactly once: whenever the "+
				"file was created it is closed, and a Close written on each return path is skipped by a panic. "+
				"A deferred Close runs on every way out of the function.", at, len(messages), out.closes)
		}
	}
}

func TestHiddenEmptyBatchCreatesAndClosesTheFile(t *testing.T) {
	out := &fakeOutput{}
	var names []string

	err := runWriteBatch(t, creator(out, &names), "batch-0508.hl7", nil)

	if err != nil || len(names) != 1 || names[0] != "batch-0508.hl7" || out.buf.Len() != 0 {
		t.Fatalf("WriteBatch(no messages) returned %v, created %q, wrote %q; want nil, the one file "+
			"[batch-0508.hl7], nothing written: the sponsor expects a file per batch, empty or not",
			err, names, out.buf.String())
	}
	checkClosedOnce(t, out)
}

func TestHiddenWrappedCreateFailureIsReturned(t *testing.T) {
	create := func(name string) (io.WriteCloser, error) {
		return nil, fmt.Errorf("open %s: %w", name, errPermission)
	}

	err := runWriteBatch(t, create, "batch-0509.hl7", messages)

	if !errors.Is(err, errPermission) {
		t.Fatalf("create failed (with a wrapped error); WriteBatch returned %v; want an error wrapping %q", err, errPermission)
	}
}
