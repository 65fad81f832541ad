package hl7out_test

import (
	"errors"
	"strings"
	"testing"
)

func TestWriteBatchWritesEveryMessage(t *testing.T) {
	out := &fakeOutput{}
	var names []string

	if err := runWriteBatch(t, creator(out, &names), "batch-0501.hl7", messages); err != nil {
		t.Fatalf("WriteBatch returned %v; want nil", err)
	}
	if want := strings.Join(messages, "\n") + "\n"; out.buf.String() != want {
		t.Fatalf("the file holds %q; want %q", out.buf.String(), want)
	}
	if len(names) != 1 || names[0] != "batch-0501.hl7" {
		t.Fatalf("created %q; want [batch-0501.hl7]", names)
	}
	checkClosedOnce(t, out)
}

func TestWriteBatchReportsTheCloseError(t *testing.T) {
	out := &fakeOutput{closeErr: errDiskFull}
	var names []string

	err := runWriteBatch(t, creator(out, &names), "batch-0501.hl7", messages)

	if !errors.Is(err, errDiskFull) {
		t.Fatalf("WriteBatch returned %v although Close failed with %q; want an error wrapping it. The "+
			"last block only reaches the disk when Close flushes it: ignoring that error reports a "+
			"truncated file as a success.", err, errDiskFull)
	}
	checkClosedOnce(t, out)
}

func TestWriteBatchReportsTheWriteError(t *testing.T) {
	out := &fakeOutput{failWritesAt: 2, writeErr: errShareGone}
	var names []string

	err := runWriteBatch(t, creator(out, &names), "batch-0501.hl7", messages)

	if !errors.Is(err, errShareGone) {
		t.Fatalf("WriteBatch returned %v; want an error wrapping the write error %q", err, errShareGone)
	}
	checkClosedOnce(t, out)
}
