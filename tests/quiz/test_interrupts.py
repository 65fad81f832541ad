"""The writes that record one answer are never split by a signal, and SIGTERM/SIGHUP end an
interactive session the way Ctrl-C does. Run in a child process: signal handlers belong to the
main thread, and a pytest-xdist worker runs tests elsewhere."""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

_CHILD = """
import os, signal, sys
from runner.interrupts import ends_like_ctrl_c, held_back
done = []
try:
    with ends_like_ctrl_c():
        before = signal.getsignal(signal.SIGTERM)
        with held_back():
            os.kill(os.getpid(), int(sys.argv[1]))
            done.append("store")   # the answer in the progress store
            done.append("paused")  # and the paused session pointing past it
        done.append("after")       # never reached: the signal arrives as the block ends
except KeyboardInterrupt:
    done.append("interrupted")
print(",".join(done), signal.getsignal(signal.SIGTERM) is signal.SIG_DFL)
"""


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="needs POSIX signal masks")
@pytest.mark.parametrize("sig", ["SIGINT", "SIGTERM", "SIGHUP"])
def test_a_signal_during_the_writes_arrives_after_both_as_ctrl_c(sig: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(int(getattr(signal, sig)))],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.split() == ["store,paused,interrupted", "True"]  # the old handler is back
