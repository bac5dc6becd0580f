"""Shared fixtures: the real pipeline over an in-memory DuckDB loaded from CSV files, and the guard
that puts every Bot API call any test makes through the spec checker (tests/apispec.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from handlers.pipeline import Pipeline
from handlers.queries import load_queries
from handlers.render import Renderer
from handlers.settings import PROJECT_ROOT
from handlers.store import LOAD_ORDER, build_snapshot, read_dir
from tests.apispec import SERVERS, unchecked, violations
from tests.botapi.server import FakeBotAPI

DATA_DIR = PROJECT_ROOT / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _register(api: FakeBotAPI) -> None:
    SERVERS.append(api)


FakeBotAPI.on_start = _register  # every server a test enters: its calls are spec-checked


@pytest.fixture(autouse=True)
def every_bot_api_call_is_spec_checked() -> Iterator[None]:
    """After each test (its fixtures torn down first, so shutdown calls count too): every call any
    loopback server received and no test checked goes through the spec checker now."""
    yield
    found: list[str] = []
    for api in SERVERS:
        found += violations(unchecked(api.calls))
    SERVERS[:] = [api for api in SERVERS if api._runner is not None]  # still serving (module scope)
    assert not found, "Bot API calls that break the spec:\n" + "\n".join(found[:40])


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Calls made after the last test's check (a module-scoped server's shutdown) are checked here."""
    found = [line for api in SERVERS for line in violations(unchecked(api.calls))]
    if found:
        print("\nBot API calls that break the spec, after the last test:\n" + "\n".join(found[:40]))
        session.exitstatus = 1


def data_files(extra: Path | None = None) -> dict[str, bytes]:
    """The real data files, optionally with a fixture directory's rows appended to them."""
    files = read_dir(DATA_DIR)
    if extra is not None:
        for name in LOAD_ORDER:
            path = extra / f"{name}.csv"
            if path.exists():
                base = files[name]
                if not base.endswith(b"\n"):
                    base += b"\n"
                files[name] = base + path.read_bytes()
    return files


def make_pipeline(files: dict[str, bytes]) -> Pipeline:
    return Pipeline(build_snapshot(files), Renderer(), load_queries())


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return make_pipeline(data_files())
