"""Numbered data versions on disk, written so that a crash never leaves a half-applied change.

Layout inside the data directory::

    data/figures.csv ...            the editable files (a mirror of the current version)
    data/.factdesk/versions/0003/   one directory per version: every CSV file plus version.json
    data/.factdesk/versions/CURRENT the number of the version being served

A new version is written to a temporary directory (each file fsynced), renamed into place in one
step, and only then is CURRENT replaced (temporary file, fsync, rename). A crash before that
rename leaves CURRENT pointing at the last complete version, which is what a restart serves;
leftover temporary directories are ignored and cleaned up. Without any version yet, the CSV
files in the data directory are the data, as a newsroom editor would expect.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from handlers import locators
from handlers.store import LOAD_ORDER, TABLES, Snapshot, build_snapshot, read_dir

STATE_DIR_NAME = ".factdesk"


@dataclass(frozen=True)
class VersionInfo:
    """Who made a version, when, and what it changed."""

    number: int
    who: str
    when: str
    what: str
    parent: int | None

    def as_dict(self) -> dict[str, Any]:
        return {"number": self.number, "who": self.who, "when": self.when, "what": self.what, "parent": self.parent}


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, content: bytes) -> None:
    """Write a file so that readers see the old content or the new, never a torn one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(content)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


class VersionStore:
    """Reads and writes the numbered versions of one data directory."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.root = data_dir / STATE_DIR_NAME / "versions"

    # --- reading ------------------------------------------------------------------------------

    def current_number(self) -> int:
        """The version being served; 0 when no version has been written yet."""
        try:
            return int((self.root / "CURRENT").read_text().strip())
        except (FileNotFoundError, ValueError):
            return 0

    def files_of(self, number: int) -> dict[str, bytes]:
        folder = self.root / f"{number:04d}"
        if not folder.is_dir():
            raise KeyError(f"no version {number}")
        return {name: (folder / TABLES[name].file).read_bytes() for name in LOAD_ORDER
                if (folder / TABLES[name].file).exists()}

    def current_files(self) -> tuple[dict[str, bytes], str | None]:
        """The files to serve and their version label (None: plain data directory, no versions)."""
        number = self.current_number()
        if number:
            return self.files_of(number), str(number)
        return read_dir(self.data_dir), None

    def history(self) -> list[VersionInfo]:
        out = []
        if not self.root.is_dir():
            return out
        for folder in sorted(self.root.iterdir()):
            if folder.name.isdigit() and (folder / "version.json").exists():
                info = json.loads((folder / "version.json").read_text(encoding="utf-8"))
                out.append(VersionInfo(**info))
        return out

    # --- writing ------------------------------------------------------------------------------

    def commit(self, files: dict[str, bytes], who: str, what: str) -> VersionInfo:
        """Write ``files`` as the next version and make it current; returns its info.

        The first commit also records the data as it was before, as version 1, so that the very
        first change can be rolled back.
        """
        self.root.mkdir(parents=True, exist_ok=True)
        self._clean_temporaries()
        current = self.current_number()
        if current == 0:
            base = self._write_version(1, read_dir(self.data_dir), "data directory", "initial data", None)
            self._point_at(base.number)
            current = base.number
        info = self._write_version(self._next_number(), files, who, what, current)
        self._point_at(info.number)
        self._mirror(files)
        return info

    def _next_number(self) -> int:
        numbers = [int(p.name) for p in self.root.iterdir() if p.name.isdigit()]
        return max(numbers, default=0) + 1

    def _write_version(self, number: int, files: dict[str, bytes], who: str, what: str,
                       parent: int | None) -> VersionInfo:
        info = VersionInfo(number, who, datetime.now(timezone.utc).isoformat(timespec="seconds"), what, parent)
        tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{number:04d}-", dir=self.root))
        try:
            for name, content in files.items():
                with open(tmp / TABLES[name].file, "wb") as f:
                    f.write(content)
                    f.flush()
                    os.fsync(f.fileno())
            with open(tmp / "version.json", "w", encoding="utf-8") as f:
                json.dump(info.as_dict(), f, indent=1)
                f.flush()
                os.fsync(f.fileno())
            _fsync_dir(tmp)
            os.rename(tmp, self.root / f"{number:04d}")  # one step: the version exists whole or not at all
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        _fsync_dir(self.root)
        return info

    def _point_at(self, number: int) -> None:
        atomic_write(self.root / "CURRENT", f"{number}\n".encode())

    def _mirror(self, files: dict[str, bytes]) -> None:
        """Keep data/*.csv equal to the current version, so editors see what is served."""
        for name, content in files.items():
            path = self.data_dir / TABLES[name].file
            if not path.exists() or path.read_bytes() != content:
                atomic_write(path, content)

    def _clean_temporaries(self) -> None:
        for leftover in self.root.glob(".tmp-*"):
            shutil.rmtree(leftover, ignore_errors=True)


def load_current(data_dir: Path) -> Snapshot:
    """Load the version being served: the current numbered version, or the plain files.

    Here rather than in store.py, because it needs the version store and the version store
    builds on store.py (the other way round was an import cycle).
    """
    files, number = VersionStore(data_dir).current_files()
    return build_snapshot(files, number, texts=locators.read_texts(data_dir))
