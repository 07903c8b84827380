"""Round 25 (lead): a pool whose worker died half-way through sending a result is stopped.

CI clone run 176 hung in ``_stop_pool``: ``test_audit11b``'s SIGTERM'd ``run -j 2`` never
exited under load. The SIGTERM reached a worker while it was writing a chunk's results; the
pool's manager thread read half a message and waited for the rest forever (the parent's copy
of the pipe's write end kept it open), and ``shutdown(wait=True)`` with it. On round 24's
code the script below does not finish (the subprocess timeout fails the test).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from _helpers import cli_env

#: The script: a forked worker writes the header of a 1,000-byte message and 10 bytes of
#: it to the result pipe, then dies; the pool is stopped as a stopped run stops it.
HALF_MESSAGE = textwrap.dedent("""
    import multiprocessing as mp, os, signal, struct
    from concurrent.futures import ProcessPoolExecutor
    from cleannews.batch.runner import _stop_pool

    ex = ProcessPoolExecutor(1, mp_context=mp.get_context("fork"))
    WRITER = ex._result_queue._writer

    def half_then_die():
        os.write(WRITER.fileno(), struct.pack("!i", 1000) + b"x" * 10)
        os.kill(os.getpid(), signal.SIGKILL)

    ex.submit(half_then_die)
    proc = next(iter(ex._processes.values()))
    proc.join(30)  # dead: the manager thread now waits inside the half message
    _stop_pool(ex, kill=True)
    print("stopped")
""")


@pytest.mark.skipif(sys.platform != "linux", reason="fork start method and SIGKILL")
def test_a_pool_with_half_a_result_in_its_pipe_is_stopped(tmp_path) -> None:
    script = tmp_path / "half.py"
    script.write_text(HALF_MESSAGE, "utf-8")
    try:
        done = subprocess.run([sys.executable, str(script)], env=cli_env(), cwd=tmp_path,
                              capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        pytest.fail("_stop_pool hung on a pool whose worker died half-way through a result")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "stopped"
