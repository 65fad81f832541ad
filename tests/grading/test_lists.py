"""Keyword lists are read from their shape, whatever joins the items."""

from __future__ import annotations

import pytest

from runner.answers.lists import looks_like_list

LISTS = [
    "header, backing array, share, pin, copy, slices.Clone",
    "切片头、底层数组、共享、拖住内存、slices.Clone",
    "- write-back caching on the NFS client\n- errors reported at close\n- a named result parameter\n"
    "- a deferred closure that assigns err\n- not overwriting an earlier error",
    "TryLock / rare correct uses / mutex used as a running flag / lost update / busy loop / singleflight",
    "blocking send and slow handlers and piling goroutines and client retries and select with default",
    "defer statement evaluates function value and arguments immediately receiver too call runs at function "
    "return LIFO time.Since evaluated early wrap in a func literal closure",
    "done 原子标记\n互斥锁 m\n快路径原子 Load\ndoSlow 加锁再检查\nf 返回后才 Store done\nf 只执行一次\npanic 也算完成",
    "Go 1.23 定时器可被回收 无需 Stop 空闲超时而非总超时 每次循环重置 循环外创建 timer context.WithTimeout",
    "atomic.Int64 计数；单个字用原子操作；多字段不变量用 mutex；RWMutex；锁内拷贝快照；atomic.Pointer 写时复制",
]

PROSE = [
    "A slice is a header over a backing array. Re-slicing shares that array, so an append can overwrite the "
    "original, and a small view keeps the whole array alive.",
    "取消是协作式的：只有监听 ctx.Done() 的代码才会退出。创建之后要立刻 defer cancel()，否则定时器会泄漏。",
    "Yes, he's right: every GC clears the whole pool, that's by design, so sync.Pool only helps between GCs.",
    "OnceValue behaves like Once.Do after a panic: later calls just return the zero value without panicking.",
    "Standard library only:\n\n```go\nctx, cancel := context.WithCancel(parent)\ndefer cancel()\nvar wg "
    "sync.WaitGroup\n```\n\nEvery worker watches ctx.Done(), and the first error cancels the rest.",
    "1. Measure first. Grab a heap profile.\n2. Decode into typed structs, not maps.\n3. Reuse buffers.",
]


@pytest.mark.parametrize("text", LISTS)
def test_lists_with_any_separator_are_lists(text: str) -> None:
    assert looks_like_list(text)


@pytest.mark.parametrize("text", PROSE)
def test_prose_is_not_a_list(text: str) -> None:
    assert not looks_like_list(text)
