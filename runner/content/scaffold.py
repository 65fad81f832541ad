"""`gokata bank new DIR`: a private bank to start from, one question of every kind, lint-clean.

A screen that counts needs questions a candidate cannot look up: the bundled banks are public.
"""

from __future__ import annotations

import re
from pathlib import Path

from runner.errors import BadInput

TOPIC_RE = re.compile(r"^[a-z][a-z0-9-]{0,39}$")

BANK = """\
# A private question bank: `gokata bank lint {dir}` checks it; point exams at it with
# `gokata exam pack SPEC --bank {dir}` (or GOKATA_QUESTIONS={dir}). Replace these examples with your own.
topic: {topic}
title: {{en: "Our own questions", zh: "我们自己的题目"}}
questions:
  - id: {topic}.example-single
    kind: single
    difficulty: 2
    tags: [example]
    prompt: {{en: "What does `len(s)` return for `s := make([]int, 3, 10)`?"}}
    choices:
      - text: {{en: "3"}}
        correct: true
        why: {{en: "len is the number of elements, not the capacity."}}
      - text: {{en: "10"}}
        why: {{en: "That is cap(s)."}}
      - text: {{en: "0"}}
    explanation: {{en: "make([]T, len, cap) sets both; len counts the elements."}}

  - id: {topic}.example-multi
    kind: multi
    difficulty: 2
    tags: [example]
    prompt: {{en: "Which of these stop a goroutine that waits on `<-ctx.Done()`?"}}
    choices:
      - text: {{en: "Calling the cancel function of ctx"}}
        correct: true
      - text: {{en: "The deadline of ctx passing"}}
        correct: true
      - text: {{en: "Returning from the function that started the goroutine"}}
        why: {{en: "Nothing is cancelled by a return alone."}}
    explanation: {{en: "Done closes on cancel or deadline; returning cancels nothing."}}

  - id: {topic}.example-truefalse
    kind: truefalse
    difficulty: 1
    tags: [example]
    prompt: {{en: "Closing a nil channel panics."}}
    answer: true
    explanation: {{en: "close(nil channel) panics, like closing a channel twice."}}

  - id: {topic}.example-output
    kind: output
    difficulty: 2
    tags: [example]
    prompt: {{en: "What does this print?"}}
    code: |
      package main

      import "fmt"

      func main() {{
      	defer fmt.Println("first")
      	defer fmt.Println("second")
      	fmt.Println("body")
      }}
    expected_output: |
      body
      second
      first
    explanation: {{en: "Deferred calls run last-in, first-out when main returns."}}

  - id: {topic}.example-spot-the-bug
    kind: spot-the-bug
    difficulty: 3
    tags: [example]
    prompt: {{en: "Which line makes this counter racy?"}}
    code: |
      func count(n int) int {{
      	var wg sync.WaitGroup
      	total := 0
      	for i := 0; i < n; i++ {{
      		wg.Add(1)
      		go func() {{ defer wg.Done(); total++ }}()
      	}}
      	wg.Wait()
      	return total
      }}
    bug_lines: [6]
    fix: |
      use a sync.Mutex around total++, or an atomic.Int64
    explanation: {{en: "Every goroutine writes total without synchronisation."}}

  - id: {topic}.example-open
    kind: open
    difficulty: 3
    tags: [example]
    prompt: {{en: "When would you use a buffered channel instead of an unbuffered one?"}}
    framework:
      - id: handoff
        point: {{en: "An unbuffered send waits for a receiver: a synchronous hand-off"}}
        weight: 2
        level: core
        concepts:
          - [unbuffered, "no buffer", 无缓冲]
          - [blocks until, waits for, synchronous, hand-off, handoff, 同步, $blocks-forever]
        claims:
          - says: "An unbuffered send waits until a receiver takes the value"
            decisive: moment
            about: [unbuffered, 无缓冲]
            contrasts: [returns immediately, does not wait, never blocks, 立即返回, 不会阻塞]
        follow_up:
          en: "What does a sender learn from an unbuffered send that it cannot learn from a buffered one?"
          zh: "无缓冲发送能让发送方知道什么，是带缓冲的发送做不到的？"
      - id: burst
        point: {{en: "A buffer absorbs bursts up to its size; beyond it senders block (back-pressure)"}}
        weight: 1
        concepts:
          - [buffer, buffered, capacity, 缓冲]
          - [burst, bursts, back-pressure, backpressure, decouple, 背压]
        follow_up:
          en: "How would you pick the buffer size, and what happens when it is full?"
          zh: "缓冲区大小怎么定？满了会怎样？"
    model_answer:
      en: "An unbuffered channel is a synchronous hand-off: the send waits for a receiver. A buffered channel absorbs bursts up to its capacity and then gives back-pressure, which decouples a fast producer from a slower consumer for a while."
    explanation: {{en: "Interviewers listen for the hand-off semantics first, then what a buffer does and does not buy."}}
"""


def new_bank(folder: Path, topic: str = "private") -> Path:
    """Write folder/<topic>.yaml; refuses to overwrite."""
    if not TOPIC_RE.match(topic):
        raise BadInput(f"--topic {topic!r}: lower-case letters, digits and dashes, starting with a letter")
    target = folder / f"{topic}.yaml"
    if target.exists():
        raise BadInput(f"{target} exists; choose another folder or --topic")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target.write_text(BANK.format(dir=folder, topic=topic), encoding="utf-8")
    except OSError as exc:
        raise BadInput(f"{folder}: cannot write the bank: {exc.strerror}") from None
    return target
