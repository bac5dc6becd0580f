"""Where in a source each figure and fact is stated: locators, sentences, and the check between them.

A locator names paragraphs and sentences of a source's text: ``p3.s1`` (paragraph 3, sentence
1), ``p15.s1-2`` (sentences 1 to 2), ``p9`` (the whole paragraph), several joined by ``;``
(``p2.s1;p17.s1``). Paragraphs are the text's non-empty lines, counted from 1 (a headline is
paragraph 1). Sentences end at ``.``, ``!``, ``?`` or ``…`` (closing quotes and brackets kept),
followed by white space and a character that is not a lowercase letter; so "e.g. this" does not
end a sentence and "Mr. Kim" does. The bot and the data check count with this one function, so a
locator that the check accepts is the sentence the button quotes.

The source texts are optional files (``data/sources/<source_id>.txt``, the newsroom's own copy
of a report, not shipped). With a text present, every figure row's located sentences must contain
its value (as digits, with or without thousands separators) and every quoted fact's located
sentences its quote; without one, only the locator's form is checked. Nothing here knows about
CSV files, DuckDB or Telegram: problems come back as (file, line, column, message) tuples.
"""

from __future__ import annotations

import re
from functools import lru_cache
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

SOURCES_DIR_NAME = "sources"  # data/sources/<source_id>.txt
MAX_TEXT_BYTES = 5 * 1024 * 1024

_PART_RE = re.compile(r"^p(\d{1,4})(?:\.s(\d{1,3})(?:-(\d{1,3}))?)?$")
# A sentence ends at . ! ? or … with any closing quotes or brackets, then white space.
_END_RE = re.compile(r"[.!?…][\"'”’»)\]]*\s+")


@dataclass(frozen=True)
class Place:
    """One located span: a paragraph, and a sentence range in it (None: the whole paragraph)."""

    paragraph: int
    first: int | None = None
    last: int | None = None

    @property
    def code(self) -> str:
        if self.first is None:
            return f"p{self.paragraph}"
        if self.last is None or self.last == self.first:
            return f"p{self.paragraph}.s{self.first}"
        return f"p{self.paragraph}.s{self.first}-{self.last}"


class LocatorError(ValueError):
    """A locator that is not written as ``pN``, ``pN.sM`` or ``pN.sM-K`` (joined by ';')."""


def parse(locator: str) -> list[Place]:
    """The places a locator names, in its order; LocatorError if it is malformed."""
    places = []
    for raw in locator.split(";"):
        part = raw.strip().lower()
        m = _PART_RE.match(part)
        if not m:
            raise LocatorError(f"{raw.strip()!r} is not a locator; write p3.s1 (paragraph 3, sentence 1), "
                               "p3.s1-2, p3, or several joined by ';'")
        para, first, last = int(m.group(1)), m.group(2), m.group(3)
        if para < 1 or (first is not None and int(first) < 1):
            raise LocatorError(f"{raw.strip()!r}: paragraphs and sentences are counted from 1")
        if last is not None and int(last) < int(first):
            raise LocatorError(f"{raw.strip()!r}: the sentence range runs backwards")
        places.append(Place(para, int(first) if first else None, int(last) if last else None))
    return places


def paragraphs(text: str) -> list[str]:
    """The text's paragraphs: its non-empty lines, stripped."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return [line.strip() for line in text.split("\n") if line.strip()]


def sentences(paragraph: str) -> list[str]:
    """A paragraph's sentences (see the module docstring for the rule)."""
    out, start = [], 0
    for m in _END_RE.finditer(paragraph):
        nxt = paragraph[m.end():m.end() + 1]
        if nxt and nxt.islower():
            continue  # "e.g. this", "approx. five": not a sentence end
        out.append(paragraph[start:m.end()].strip())
        start = m.end()
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return out


@dataclass(frozen=True)
class Located:
    """The text a place points at, split into sentences, with where it is."""

    place: Place
    sentences: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


def resolve(text: str, place: Place) -> Located:
    """The sentences of ``text`` a place names; LocatorError naming what the text has instead."""
    paras = paragraphs(text)
    if place.paragraph > len(paras):
        raise LocatorError(f"{place.code}: the source text has {len(paras)} paragraphs")
    sents = sentences(paras[place.paragraph - 1])
    if place.first is None:
        return Located(place, tuple(sents))
    last = place.last or place.first
    if last > len(sents):
        raise LocatorError(f"{place.code}: paragraph {place.paragraph} has {len(sents)} sentence(s)")
    return Located(place, tuple(sents[place.first - 1:last]))


@lru_cache(maxsize=4096)  # a pure function of the value, asked for the same figures in every answer
def number_pattern(value: int) -> re.Pattern[str]:
    """A figure as a text may write it: 1234, 1,234, 1 234 (space or no-break space), 1.234;
    never part of a longer number, a decimal or an ordinal ("23" does not match "2023" or "23rd")."""
    digits = str(abs(int(value)))
    groups = []
    head = len(digits) % 3 or 3
    groups.append(digits[:head])
    groups += [digits[i:i + 3] for i in range(head, len(digits), 3)]
    body = r"[,.\u00a0\u202f\u2009 ]?".join(groups)
    return re.compile(rf"(?<![\d])(?<!\d[.,]){body}(?![\d]|[.,]\d|st\b|nd\b|rd\b|th\b)", re.I)


def contains_value(sentence: str, value: int) -> bool:
    return number_pattern(value).search(sentence) is not None


def highlight(sentence: str, value: int | None) -> list[tuple[str, bool]]:
    """The sentence as (piece, is_the_figure) pieces, for a template to mark the figure up."""
    if value is None:
        return [(sentence, False)]
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in number_pattern(value).finditer(sentence):
        if m.start() > pos:
            out.append((sentence[pos:m.start()], False))
        out.append((m.group(0), True))
        pos = m.end()
    if pos < len(sentence):
        out.append((sentence[pos:], False))
    return out


def _norm_quote(text: str) -> str:
    """Quotes compared without typographic differences: curly vs straight quotes, spacing, case."""
    text = text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "«": '"', "»": '"'}))
    return re.sub(r"\s+", " ", text).strip().lower()


def read_texts(data_dir: Path) -> dict[str, str]:
    """The source texts present in ``data_dir/sources``: {source_id: text}. Missing: {}."""
    folder = data_dir / SOURCES_DIR_NAME
    if not folder.is_dir():
        return {}
    out = {}
    for path in sorted(folder.glob("*.txt")):
        raw = path.read_bytes()[:MAX_TEXT_BYTES]
        out[path.stem] = raw.decode("utf-8-sig", errors="replace")
    return out


Problem = tuple[str, int, str, str]  # (file, line, column, message)


def check(tables: dict[str, list[dict[str, Any]]], texts: dict[str, str]) -> list[Problem]:
    """Every locator well formed; with a source's text present, every located sentence exists
    and contains the figure it backs (figures) or the quote it gives (facts). Source URLs are
    web addresses."""
    problems: list[Problem] = []
    for file, rows in (("figures.csv", tables.get("figures", [])), ("facts.csv", tables.get("facts", []))):
        for row in rows:
            problems.extend(_check_row(file, row, texts))
    for row in tables.get("sources", []):
        url = row.get("url")
        if url and not _URL_RE.match(url):
            # Shown to reporters as the place to read the source: only web addresses.
            problems.append(("sources.csv", row.get("_line", 0), "url",
                             f"{url!r} is not a web address; write it as https://..."))
    return problems


_URL_RE = re.compile(r"^https?://[^\s<>\"]+$")


def _check_row(file: str, row: dict[str, Any], texts: dict[str, str]) -> Iterable[Problem]:
    locator = row.get("locator")
    if not locator:
        return []
    line = row.get("_line", 0)
    key = row.get("figure_id") or row.get("fact_id")
    try:
        places = parse(locator)
    except LocatorError as exc:
        return [(file, line, "locator", str(exc))]
    text = texts.get(row.get("source_id") or "")
    if text is None:
        return []  # no copy of this source here: the form is all that can be checked
    problems: list[Problem] = []
    for place in places:
        try:
            located = resolve(text, place)
        except LocatorError as exc:
            problems.append((file, line, "locator", f"{key}: {exc} in sources/{row['source_id']}.txt"))
            continue
        if file == "figures.csv" and row.get("value") is not None and not contains_value(located.text, row["value"]):
            problems.append((file, line, "locator",
                             f"{key}: the sentence at {place.code} of sources/{row['source_id']}.txt does not "
                             f"contain the figure {row['value']}: “{_clip(located.text)}”"))
    if file == "facts.csv" and row.get("quote"):
        located_text = " ".join(resolve(text, p).text for p in places if _resolves(text, p))
        if _norm_quote(row["quote"]) not in _norm_quote(located_text):
            problems.append((file, line, "quote", f"{key}: the quote is not in the located sentences "
                                                  f"{locator} of sources/{row['source_id']}.txt"))
    return problems


def _resolves(text: str, place: Place) -> bool:
    try:
        resolve(text, place)
    except LocatorError:
        return False
    return True


def _clip(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def count_verified(tables: dict[str, list[dict[str, Any]]], texts: dict[str, str]) -> int:
    """How many located rows a data check verified against a text (rows whose source text is present)."""
    return sum(1 for name in ("figures", "facts") for r in tables.get(name, [])
               if r.get("locator") and r.get("source_id") in texts)
