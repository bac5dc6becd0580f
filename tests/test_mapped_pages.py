"""The dictionary page budget (handlers/mapped_pages.py) on a real memory-mapped file, and on
mecab-ko-dic as the Korean analyser maps it."""

from __future__ import annotations

import mmap
from pathlib import Path

import pytest

from handlers import mapped_pages
from handlers.mapped_pages import MappedPages, _file_resident_bytes

pytestmark = pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="Linux /proc only")

MB = 1 << 20


def _touch(mapped: mmap.mmap, size: int) -> None:
    for offset in range(0, size, mmap.PAGESIZE):
        mapped[offset]  # a read maps the page in


def test_pages_over_budget_are_released_and_come_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mapped_pages, "CHECK_EVERY", 1)
    size = 24 * MB
    data = tmp_path / "dict" / "sys.dic"
    data.parent.mkdir()
    data.write_bytes(bytes(range(256)) * (size // 256))
    with data.open("rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
        pages = MappedPages(str(data.parent), budget=8 * MB)
        before = _file_resident_bytes()
        _touch(mapped, size)
        touched = _file_resident_bytes()
        assert before is not None and touched is not None and touched - before >= 20 * MB
        pages.check()
        after = _file_resident_bytes()
        assert pages.releases == 1 and after is not None and after < touched - 16 * MB
        assert mapped[size - 1] == (size - 1) % 256  # the file reads back unchanged
        pages.check()  # within budget now: nothing more is released
        assert pages.releases == 1


def test_a_small_growth_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mapped_pages, "CHECK_EVERY", 1)
    data = tmp_path / "d" / "matrix.bin"
    data.parent.mkdir()
    data.write_bytes(b"\1" * (4 * MB))
    with data.open("rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
        pages = MappedPages(str(data.parent), budget=16 * MB)
        _touch(mapped, 4 * MB)
        pages.check()
        assert pages.releases == 0


def test_the_korean_analyser_keeps_the_dictionary_within_budget() -> None:
    """Hundreds of different Korean texts through the analyser: the process keeps at most the
    budget (plus what a few parses map in) of mecab-ko-dic, not the 60+ MB they touch."""
    from handlers import language

    language._mecab()
    pages = language._dictionary_pages
    assert pages is not None
    syllables = [chr(0xAC00 + i * 97 % 11172) for i in range(4000)]
    texts = ["".join(syllables[i:i + 6]) + "에 입국한 사람은 몇 명이었어요" for i in range(0, 4000, 5)]
    start = _file_resident_bytes()
    releases = pages.releases
    for text in texts:
        language.analyse_korean(text)
    grown = (_file_resident_bytes() or 0) - (start or 0)
    assert pages.releases > releases
    assert grown <= language.KO_DICTIONARY_BUDGET + 16 * MB
