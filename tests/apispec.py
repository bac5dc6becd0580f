"""Check every Bot API call a test's bot made against Telegram's spec (../shared/apispec/check.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from handlers.settings import PROJECT_ROOT
from tests.botapi.server import Call, UploadedFile


def checker() -> Path:
    """../shared/apispec/check.py, looked for next to the project and its parents (worktrees, CI)."""
    for parent in PROJECT_ROOT.parents:
        candidate = parent / "shared" / "apispec" / "check.py"
        if candidate.exists():
            return candidate
    pytest.fail("../shared/apispec/check.py not found next to the project")


def check_calls_against_spec(calls: list[Call], tmp: Path) -> None:
    """Run the spec checker over the recorded calls; fail listing the violations."""
    recorded = []
    for c in calls:
        if c.method.startswith("("):
            continue  # file downloads are not API calls
        params = {k: ({"upload": v.filename or "file"} if isinstance(v, UploadedFile) else v)
                  for k, v in c.params.items()}
        recorded.append({"method": c.method, "params": params, "content_type": "multipart/form-data"})
    path = tmp / "calls.json"
    path.write_text(json.dumps(recorded, ensure_ascii=False, default=str), encoding="utf-8")
    done = subprocess.run([sys.executable, str(checker()), str(path)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
