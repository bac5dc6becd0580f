"""Every Bot API call a test's bot makes goes through Telegram's spec (../shared/apispec/check.py).

The checker is loaded once, in-process. ``tests/conftest.py`` registers every
:class:`~tests.botapi.server.FakeBotAPI` a test enters and, when the test ends, checks each call
the server received that no test checked yet: a request that reaches the loopback server is
checked, or the test fails (a call the checker cannot pass fails the test that caused it).
Tests that send malformed requests on purpose (to see the server answer as Telegram does) say
so with :func:`expect_violations`.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from handlers.settings import PROJECT_ROOT
from tests.botapi.server import Call, FakeBotAPI, UploadedFile

SERVERS: list[FakeBotAPI] = []  # every loopback Bot API server a test entered (tests/conftest.py)


def checker() -> Path:
    """../shared/apispec/check.py, looked for next to the project and its parents (worktrees, CI)."""
    for parent in PROJECT_ROOT.parents:
        candidate = parent / "shared" / "apispec" / "check.py"
        if candidate.exists():
            return candidate
    pytest.fail("../shared/apispec/check.py not found next to the project")


@cache
def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("apispec_check", checker())
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@cache
def _checker() -> Any:
    return _module().Checker()  # api.json parsed once per test session


def _recorded(call: Call) -> dict[str, Any]:
    params = {k: ({"upload": v.filename or "file"} if isinstance(v, UploadedFile) else v)
              for k, v in call.params.items()}
    # Without a body (a GET with a query string) values travelled as text, as in a form.
    return {"method": call.method, "params": params,
            "content_type": call.content_type or "application/x-www-form-urlencoded"}


def violations(calls: list[Call]) -> list[str]:
    """Check the calls against the spec and mark them checked; the violations found, as lines."""
    found: list[str] = []
    for call in calls:
        if call.method.startswith("(") or call.spec_checked:
            continue  # file downloads are not API calls
        recorded = _recorded(call)
        found += [f"{v} -- {call.describe()[:300]}" for v in
                  _checker().check_call(recorded["method"], recorded["params"], recorded["content_type"])]
        call.spec_checked = True
    return found


def check_calls_against_spec(calls: list[Call], tmp: Path | None = None) -> None:
    """Fail listing the violations among the calls (all of them are marked checked)."""
    found = violations(calls)
    assert not found, "\n".join(found[:40])


def expect_violations(calls: list[Call]) -> list[str]:
    """For requests malformed on purpose: check them, insist the checker objects, mark them checked."""
    found = violations(calls)
    assert found, "these requests were meant to break the Bot API spec, and the checker found nothing"
    return found


def unchecked(calls: list[Call]) -> list[Call]:
    return [c for c in calls if not c.spec_checked and not c.method.startswith("(")]


def refused_where_spec_broken(calls: list[Call]) -> list[str]:
    """For the loopback server's own tests, which send calls that break the spec on purpose: the
    server must refuse each of them as Telegram does (400, or 404 for an unknown method). Marks
    the calls checked; returns the problems (a spec-breaking call the server accepted)."""
    problems = []
    for call in unchecked(calls):
        found = violations([call])
        if found and call.status not in (400, 404):
            problems.append(f"answered {call.status}, but the spec forbids it: {found[0]}")
    return problems
