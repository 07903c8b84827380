"""`.ci/run` fails when any step of the README's test command fails.

The script runs the README's command (an `&&` list) under `set -e`; bash's `set -e` ignores a
failure of any command but the last of such a list, so a failed `pip install` went on to the
linter and the run exited 0 (found when an install was stopped by hand). These tests run the
real script in a copy of its folder with a stand-in `python3` whose virtual environment's
`pip` or `pytest` fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CI = ROOT / ".ci" / "run"
README_COMMAND = ('python3 -m venv .venv && .venv/bin/pip install -q ".[test]" '
                  "&& .venv/bin/python -m pytest")

#: A stand-in for ``python3 -m venv .venv``: it makes ``.venv/bin`` with a ``pip`` that fails
#: installing the test extra when $FAIL is "install", a ``python`` whose pytest fails when
#: $FAIL is "pytest", and a ``ruff`` that passes.
FAKE_PYTHON3 = """#!/bin/sh
mkdir -p .venv/bin
cat > .venv/bin/pip <<'X'
#!/bin/sh
case "$*" in *'.[test]'*) [ "$FAIL" = install ] && exit 1;; esac
exit 0
X
cat > .venv/bin/python <<'X'
#!/bin/sh
[ "$FAIL" = pytest ] && exit 1
exit 0
X
printf '#!/bin/sh\\necho ruff-ran\\nexit 0\\n' > .venv/bin/ruff
chmod +x .venv/bin/pip .venv/bin/python .venv/bin/ruff
"""


def test_the_script_runs_the_readme_command() -> None:
    assert README_COMMAND in (ROOT / "README.md").read_text("utf-8")
    assert README_COMMAND in CI.read_text("utf-8")


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
@pytest.mark.parametrize("fail", ["install", "pytest", "none"])
def test_a_failed_step_fails_the_run(tmp_path: Path, fail: str) -> None:
    (tmp_path / ".ci").mkdir()
    shutil.copy(CI, tmp_path / ".ci" / "run")
    bin_dir = tmp_path / "fakebin"
    bin_dir.mkdir()
    (bin_dir / "python3").write_text(FAKE_PYTHON3, "utf-8")
    (bin_dir / "python3").chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "FAIL": fail}
    proc = subprocess.run(["bash", str(tmp_path / ".ci" / "run")], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60)
    if fail == "none":
        assert proc.returncode == 0, proc.stderr
        assert "ruff-ran" in proc.stdout
    else:
        assert proc.returncode != 0, proc.stdout + proc.stderr
        assert "ruff-ran" not in proc.stdout
