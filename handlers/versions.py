"""Numbered data versions on disk, written so that a crash never leaves a half-applied change.

Layout inside the data directory::

    data/figures.csv ...            the editable files (a mirror of the current version)
    data/.factdesk/versions/0003/   one directory per version: every CSV file plus version.json
    data/.factdesk/versions/CURRENT the number of the version being served

A new version is written to a temporary directory (each file fsynced), renamed into place in one
step, and only then is CURRENT replaced (temporary file, fsync, rename). A crash before that
rename leaves CURRENT pointing at the last complete version, which is what a restart serves;
leftover temporary directories are ignored and cleaned up. Without any version yet, the CSV
files in the data directory are the data, as a newsroom editor would expect. Files edited on
disk while the bot was down (next quarter's figures copied in) are served at start-up and recorded
as a new version; files that do not load are reported and the stored version keeps serving.

Version 1 is always the data as it was first served: the bot records it at start-up (before any
admin can change anything), and if that write failed, the first change records the bytes the
bot had been serving, never the files on disk, which an editor may have changed since.

A write that fails (read-only directory, disk full) raises ``VersionWriteError`` naming the path
and the reason; CURRENT and the data directory are then as they were before.

Writers are serialised across processes too (replicas sharing the data directory): a commit holds
an exclusive ``flock`` on ``versions/.lock``, and a change computed against version N is refused
with ``VersionConflict`` if another process made a different version current meanwhile, so one
replica never silently reverts another's change.

This module builds on ``handlers.store`` (files, validation, snapshots); store never imports it.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from handlers import locators
from handlers.store import LOAD_ORDER, TABLES, DataError, DataLoadError, Snapshot, build_snapshot, read_dir

STATE_DIR_NAME = ".factdesk"

log = logging.getLogger(__name__)


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


class VersionWriteError(Exception):
    """A version could not be written; nothing changed. ``path`` and ``reason`` say what and why."""

    def __init__(self, path: str, reason: str) -> None:
        self.path, self.reason = path, reason
        super().__init__(f"could not write {path}: {reason}")

    @classmethod
    def of(cls, exc: OSError, fallback: Path) -> "VersionWriteError":
        return cls(str(exc.filename or fallback), exc.strerror or exc.__class__.__name__)


class VersionConflict(Exception):
    """Another process made version ``current`` current after this change was computed."""

    def __init__(self, current: int, expected: int) -> None:
        self.current, self.expected = current, expected
        super().__init__(f"version {current} is current, not {expected}")


def version_number(label: str | None) -> int:
    """The version number of a snapshot's label; 0 for data not yet versioned (a digest label)."""
    return int(label) if label and label.isdigit() else 0


def load_current(data_dir: Path) -> Snapshot:
    """Load the version being served: the current numbered version, or the plain files.

    A version store that cannot be read (a CURRENT pointing at a missing version, unreadable
    files) is reported like bad data, with the path, instead of a traceback.
    """
    store = VersionStore(data_dir)
    try:
        files, number = store.current_files()
    except (KeyError, OSError) as exc:
        where = str(getattr(exc, "filename", None) or store.root / "CURRENT")
        raise DataLoadError([DataError(where, 1, None, f"cannot read the served version: {exc}")]) from exc
    texts = locators.read_texts(data_dir)
    if number is not None:
        edited = _edited_on_disk(store, files, int(number), texts)
        if edited is not None:
            return edited
    return build_snapshot(files, number, texts=texts)


def _edited_on_disk(store: VersionStore, served: dict[str, bytes], number: int,
                    texts: dict[str, str]) -> Snapshot | None:
    """The data files as edited on disk since version ``number``, recorded as a new version.

    The CSV files mirror the current version, so a difference means an editor replaced them
    (next quarter's figures, a deploy) while the bot was down; serving the stored version would
    silently ignore that edit. Files that do not validate are reported with file, line and column
    and the stored version keeps serving (bad input loses nothing). None: nothing was edited, or
    the edit was refused.
    """
    try:
        disk = read_dir(store.data_dir)
    except OSError as exc:
        log.warning("data files unreadable, serving version %d: %s", number, exc)
        return None
    if not disk or disk == served:
        return None
    try:
        snapshot = build_snapshot(disk, None, texts=texts)
    except DataLoadError as exc:
        log.error("the data files were edited on disk since version %d but do not load, so version %d keeps "
                  "serving:\n%s", number, number, exc)
        return None
    changed = ", ".join(sorted(TABLES[name].file for name in set(disk) | set(served) if disk.get(name) != served.get(name)))
    try:
        info = store.commit(disk, "data directory", f"files edited on disk since version {number}: {changed}",
                            expected=number)
    except VersionConflict:
        # Another replica recorded a change first: serve what is current now.
        files, current = store.current_files()
        return build_snapshot(files, current, texts=texts)
    except VersionWriteError as exc:
        log.warning("serving the edited data files, but they could not be recorded as a version: %s", exc)
        return snapshot
    snapshot.version = str(info.number)
    log.info("data files edited on disk since version %d (%s): recorded and served as version %d",
             number, changed, info.number)
    return snapshot


def record_served(data_dir: Path, snapshot: Snapshot) -> VersionInfo | None:
    """At start-up: record the snapshot about to be served as version 1 when there is none yet.

    A failure is logged, not fatal: the bot can still serve, and the first change records the
    bytes it served (``commit(served=...)``), so ``/rollback 1`` is right either way.
    """
    try:
        info = VersionStore(data_dir).record_original(snapshot.files)
    except VersionWriteError as exc:
        log.warning("version 1 (the data as first served) not written yet: %s", exc)
        return None
    if info is not None:
        snapshot.version = str(info.number)
    return info


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
        """Every complete version, oldest first; one whose description cannot be read is listed
        as such rather than breaking /history (its files may still be fine to roll back to)."""
        out = []
        if not self.root.is_dir():
            return out
        for folder in sorted(self.root.iterdir()):
            if folder.name.isdigit() and (folder / "version.json").exists():
                try:
                    info = json.loads((folder / "version.json").read_text(encoding="utf-8"))
                    out.append(VersionInfo(**info))
                except (OSError, ValueError, TypeError) as exc:
                    log.warning("unreadable %s: %s", folder / "version.json", exc)
                    out.append(VersionInfo(int(folder.name), "?", "?", "description unreadable", None))
        return out

    # --- writing ------------------------------------------------------------------------------

    def record_original(self, files: dict[str, bytes]) -> VersionInfo | None:
        """Write the data served at first start as version 1, if there is no version yet.

        Called at start-up, before any admin command can run, so that ``/rollback 1`` always
        restores what was first served even if the files on disk are edited later.
        """
        if self.current_number() or (self.root / "0001").exists():
            return None
        try:
            with self._writer():
                if self.current_number() or (self.root / "0001").exists():
                    return None  # another process recorded it first
                self._clean_temporaries()
                info = self._write_version(1, files, "start-up", "data as first served", None)
                self._point_at(1)
        except OSError as exc:
            raise VersionWriteError.of(exc, self.root) from exc
        return info

    @contextmanager
    def _writer(self) -> Iterator[None]:
        """Exclusive across processes for the duration of one write (released if the process dies)."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / ".lock", "a+b") as lock:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock.fileno(), fcntl.LOCK_UN)

    def commit(self, files: dict[str, bytes], who: str, what: str,
               served: dict[str, bytes] | None = None, expected: int | None = None) -> VersionInfo:
        """Write ``files`` as the next version and make it current; returns its info.

        Without any version yet, ``served`` (the bytes the bot was serving; by default the data
        directory) is recorded first as version 1, so that the very first change can be rolled
        back to what was served. ``expected`` is the version the change was computed against
        (0: not yet versioned); if another process made another version current since, nothing is
        written and ``VersionConflict`` is raised. On any write failure nothing is current that
        was not before, and ``VersionWriteError`` says which path failed and why.
        """
        try:
            with self._writer():
                return self._commit_locked(files, who, what, served, expected)
        except OSError as exc:
            raise VersionWriteError.of(exc, self.root) from exc

    def _commit_locked(self, files: dict[str, bytes], who: str, what: str, served: dict[str, bytes] | None,
                       expected: int | None) -> VersionInfo:
        self._clean_temporaries()
        current = self.current_number()
        if expected is not None and current != expected and not (expected == 0 and current == 1 and served is not None
                                                                   and self.files_of(1) == served):
            raise VersionConflict(current, expected)
        if current == 0:
            base = self._write_version(1, served if served is not None else read_dir(self.data_dir),
                                       "data directory", "data as first served", None)
            self._point_at(base.number)
            current = base.number
        info = self._write_version(self._next_number(), files, who, what, current)
        previous = self.files_of(current)
        try:
            self._mirror(files)
            self._point_at(info.number)
        except OSError as exc:
            # The new version never became current: put back what the editors had and remove it,
            # so /history does not list a version that was never served.
            try:
                self._mirror(previous)
            except OSError:
                pass
            shutil.rmtree(self.root / f"{info.number:04d}", ignore_errors=True)
            raise VersionWriteError.of(exc, self.data_dir) from exc
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
                try:
                    with open(tmp / TABLES[name].file, "wb") as f:
                        f.write(content)
                        f.flush()
                        os.fsync(f.fileno())
                except OSError as exc:
                    # A short write (disk full, file-size limit) carries no file name: name the
                    # file as it would have been stored, for the admin's report.
                    final = self.root / f"{number:04d}" / TABLES[name].file
                    raise OSError(exc.errno, exc.strerror, str(exc.filename or final)) from exc
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

