"""Shared fixtures: the real pipeline over an in-memory DuckDB loaded from CSV files."""

from __future__ import annotations

from pathlib import Path

import pytest

from handlers.pipeline import Pipeline
from handlers.queries import load_queries
from handlers.render import Renderer
from handlers.settings import PROJECT_ROOT
from handlers.store import LOAD_ORDER, build_snapshot, read_dir

DATA_DIR = PROJECT_ROOT / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


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
