"""The fact base: CSV source files validated, loaded into an in-memory DuckDB.

Each load builds a complete, new ``Snapshot`` (its own DuckDB connection); the running bot swaps
the whole snapshot at once, so a question sees the old data or the new, never a mix.

Validation gives newsroom editors errors that name the file, line and column.

``validate(files)`` is the one validator: uploads, ``/reload``, rollbacks, cold start and
``bot.py check`` all go through it (via ``build_snapshot``), so what one accepts the others accept.
It is strict on purpose: counts are ASCII digits within BIGINT, identifiers come from a small ASCII
set, no cell carries control or bidi-override characters, text cells cannot start like a
spreadsheet formula, and cross-references (sources, countries, meta defaults, source chains) must
resolve. It is bounded too: a header line or a data line past a length limit is refused without
being split into fields, at most ``MAX_ERRORS_KEPT`` problems are kept (the rest only counted),
and every quoted value is cut to ``QUOTE_CHARS`` characters.

figures.csv, the table that grows with the data, is read by DuckDB's CSV reader (``read_csv``
with ``store_rejects``: a line it cannot split lands in ``reject_errors`` with its line and column)
as text, and checked in one SQL pass (handlers/sql/store/figures_check.sql): regular expressions
for ids, counts and text cells, since DuckDB's BIGINT cast takes ``+366``, ``3_66`` and `` 366 ``;
the distinct identifier and period values through the same ``_convert`` as every other cell;
uniqueness and references. Only a file that is not clean there (or is under ``STAGE_MIN_BYTES``)
is parsed line by line in Python, whose problems are the refusal: so refusals and their messages
are the same whichever path a file takes (tests/test_loader.py holds the two to that). The
figures then live in DuckDB only; ``Snapshot.tables`` keeps the small tables as rows.
"""

from __future__ import annotations

import csv
import hashlib
import re
import tempfile
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

import duckdb

from handlers import locators
from handlers.packed import DirectionView, PackedFigures
from handlers.periods import PeriodCodeError, parse_code

MAX_FILE_BYTES = 50 * 1024 * 1024  # well above a generated 100k-row dataset
MAX_ROWS = 500_000
INSERT_SLICE = 10_000  # rows per bulk INSERT (see _insert)
MAX_ERRORS_SHOWN = 20  # problems listed in an exception message or an admin's reply
MAX_ERRORS_KEPT = 2_000  # problems kept for the full report; the rest are counted, not stored
QUOTE_CHARS = 80  # a cell or header name quoted in a problem is cut to this many characters
MAX_HEADER_BYTES = 2_048  # the longest header (facts.csv) is ~100 bytes
MAX_LINE_CHARS = 1_000_000  # a physical line longer than this is refused before csv splits it
MAX_CELL_CHARS = 10_000  # the longest real cell (cues.csv phrases) is ~3,000 characters
MAX_INT_DIGITS = 19
BIGINT_MAX = 2**63 - 1  # the figures.value column is a DuckDB BIGINT
FORMULA_PREFIXES = ("=", "+", "-", "@")  # spreadsheet formula injection, refused in text cells


@dataclass(frozen=True)
class Column:
    """One CSV column: its name, type and whether it may be empty."""

    name: str
    type: str = "text"  # text | int | period | date | key (lowercase identifier) | id (row identifier)
    required: bool = True


@dataclass(frozen=True)
class TableSpec:
    """A source file: its exact header and its key."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def header(self) -> list[str]:
        return [c.name for c in self.columns]


def _cols(*specs: str) -> tuple[Column, ...]:
    """Columns from compact specs ``name:type`` with a trailing ``?`` for optional."""
    out = []
    for spec in specs:
        name, _, typ = spec.partition(":")
        optional = (typ or name).endswith("?")
        out.append(Column(name.rstrip("?"), (typ.rstrip("?") or "text"), not optional))
    return tuple(out)


TABLES: dict[str, TableSpec] = {
    "meta": TableSpec("meta", _cols("key:key", "value"), ("key",)),
    "sources": TableSpec("sources", _cols("source_id:key", "name", "kind", "published:date?",
                                          "derived_from:key?", "description?",
                                          # newsroom hand-off: where to read it, its headline, how to attribute it
                                          "url?", "title?", "cite_as?"), ("source_id",)),
    "entities": TableSpec("entities", _cols("kind:key", "id:key", "label", "people?", "phrase?"),
                          ("kind", "id")),
    "synonyms": TableSpec("synonyms", _cols("kind:key", "id:key", "term", "role:key?", "lang:key"),
                          ("kind", "id", "term", "role", "lang")),
    "cues": TableSpec("cues", _cols("cue:key", "lang:key", "phrases"), ("cue", "lang")),
    "figures": TableSpec("figures", _cols("figure_id:id", "citizens:key", "destination:key", "period:period",
                                          "dimension:key", "category:key", "value:int", "source_id:key",
                                          "note?", "locator?"), ("figure_id",)),
    "facts": TableSpec("facts", _cols("fact_id:id", "topic", "kind:key", "subject", "statement", "quote?",
                                      "speaker?", "date?", "place?", "source_id:key", "keywords", "locator?"),
                       ("fact_id",)),
    "caveats": TableSpec("caveats", _cols("caveat_id:id", "citizens:key?", "destination:key?", "period:period?",
                                          "dimension:key?", "category:key?", "kind:key", "text"),
                         ("caveat_id",)),
    # Answer text in other languages: entity labels, facts, sources and caveats (see data/README.md).
    "translations": TableSpec("translations", _cols("kind:key", "id:key", "field:key", "lang:key", "text"),
                              ("kind", "id", "field", "lang")),
}
LOAD_ORDER = ["meta", "sources", "entities", "synonyms", "cues", "figures", "facts", "caveats", "translations"]
OPTIONAL_TABLES = {"translations"}  # a dataset without it answers in English only


def quote(value: str, limit: int = QUOTE_CHARS) -> str:
    """A value as shown in a problem: repr-quoted (control characters visible), at most ``limit`` chars."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 2] + "…" + text[0]


@dataclass(frozen=True)
class DataError:
    """One problem in a source file, located for an editor."""

    file: str
    line: int
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file} line {self.line}"
        if self.column:
            where += f", column '{self.column}'"
        return f"{where}: {self.message}"


class Problems:
    """The problems found so far: the first ``MAX_ERRORS_KEPT`` kept in order, the rest counted.

    A hostile file can have a problem in every cell of every row; keeping them all would cost
    hundreds of megabytes for a report nobody reads past its first lines.
    """

    def __init__(self, keep: int = MAX_ERRORS_KEPT) -> None:
        self.items: list[DataError] = []
        self.total = 0
        self.keep = keep

    def add(self, error: DataError) -> None:
        self.total += 1
        if len(self.items) < self.keep:
            self.items.append(error)

    def extend(self, errors: "Problems | list[DataError]") -> None:
        if isinstance(errors, Problems):
            for e in errors.items:
                self.add(e)
            self.total += errors.total - len(errors.items)
        else:
            for e in errors:
                self.add(e)

    def __bool__(self) -> bool:
        return self.total > 0

    def __len__(self) -> int:
        return self.total

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.items)

    def __getitem__(self, index: Any) -> Any:
        return self.items[index]


class DataLoadError(Exception):
    """The data could not be loaded; ``errors`` says where and why (``total`` counts all of them)."""

    def __init__(self, errors: "list[DataError] | Problems") -> None:
        self.total = len(errors)
        self.errors: list[DataError] = list(errors.items if isinstance(errors, Problems) else errors)
        shown = "\n".join(f"  - {e}" for e in self.errors[:MAX_ERRORS_SHOWN])
        more = f"\n  ... and {self.total - MAX_ERRORS_SHOWN} more" if self.total > MAX_ERRORS_SHOWN else ""
        super().__init__(f"{self.total} problem(s) in the data:\n{shown}{more}")

    def report(self, rename: tuple[str, str] | None = None) -> str:
        """The full report as plain text, one problem a line (for a file sent to an admin);
        ``rename`` = (data file, name the admin sent) names an upload as it was sent."""
        lines = [f"{self.total} problem(s)"] + [located(e, rename) for e in self.errors]
        if self.total > len(self.errors):
            lines.append(f"... and {self.total - len(self.errors)} more not listed")
        return "\n".join(lines) + "\n"


def located(error: DataError, rename: tuple[str, str] | None = None) -> str:
    """A problem as one line, its file named as the admin sent it when ``rename`` says so."""
    text = str(error)
    return text.replace(rename[0], rename[1], 1) if rename and error.file == rename[0] else text


_KEY_RE = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}", re.ASCII)
_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}", re.ASCII)
_INT_RE = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+", re.ASCII)
_NEG_RE = re.compile(r"-[0-9][0-9,]*", re.ASCII)
_PERIOD_RE = re.compile(r"[0-9]{4}(?:-(?:[QqHh][0-9]|[0-9]{2}))?", re.ASCII)
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?", re.ASCII)
# Characters that make text display differently from what it is: C0/C1 controls, and the
# bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) that can make
# "new" and "removed" preview lines look identical. A newline is allowed in free text only.
_UNSAFE_RE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]")


def _is_key(value: str) -> bool:
    return _KEY_RE.fullmatch(value) is not None


def _column_at(raw: bytes, pos: int, header: list[str]) -> tuple[int, str]:
    """Line number and column name of byte offset ``pos`` (for a bad byte, before decoding)."""
    line = raw.count(b"\n", 0, pos) + 1
    start = raw.rfind(b"\n", 0, pos) + 1
    prefix = raw[start:pos][:MAX_LINE_CHARS].decode("utf-8", errors="replace")
    try:
        index = len(next(csv.reader([prefix]))) - 1 if prefix else 0
    except (csv.Error, StopIteration):
        index = prefix.count(",")
    index = max(index, 0)
    name = header[index] if index < len(header) else f"field {index + 1}"
    return line, name


class _LineTooLong(Exception):
    """A physical line past ``MAX_LINE_CHARS``: parsing stops instead of splitting it into fields."""

    def __init__(self, line: int, length: int) -> None:
        self.line, self.length = line, length


def _lines(text: str):  # type: ignore[no-untyped-def]
    """Lines as io.StringIO(newline="") would give them (ending at \n, \r or \r\n), lazily.

    StringIO first copies the whole text into 4 bytes per character (~70 MB for 200,000 rows);
    and a line longer than ``MAX_LINE_CHARS`` stops the parse before csv splits it into fields.
    """
    for number, m in enumerate(_LINE_RE.finditer(text), start=1):
        if m.end() - m.start() > MAX_LINE_CHARS:
            raise _LineTooLong(number, m.end() - m.start())
        yield m.group()


def _precheck(spec: TableSpec, raw: bytes, file: str, max_bytes: int, errors: Problems) -> str | None:
    """The whole-file checks on a file's bytes (size, emptiness, header, NUL bytes, UTF-8): its text
    when they pass, else None with the problem added to ``errors``. Only the header line is split."""
    if len(raw) > max_bytes:
        errors.add(DataError(file, 1, None, f"file is {len(raw):,} bytes; the limit is {max_bytes:,}"))
        return None
    if not raw.strip():
        errors.add(DataError(file, 1, None, "file is empty; expected the header " + ",".join(spec.header)))
        return None
    # The header is checked on its raw bytes first: a 10 MB "header" with millions of fields is
    # refused here, before anything splits it.
    first_end = min((i for i in (raw.find(b"\n"), raw.find(b"\r")) if i >= 0), default=len(raw))
    if first_end > MAX_HEADER_BYTES or raw.count(b",", 0, min(first_end, MAX_HEADER_BYTES + 1)) >= 64:
        errors.add(DataError(file, 1, spec.header[0],
                             f"the header line is {first_end:,} bytes long (the limit is {MAX_HEADER_BYTES:,}); "
                             f"it must be exactly '{','.join(spec.header)}'"))
        return None
    header_guess = [h.strip() for h in raw[:first_end].decode("utf-8", errors="replace").lstrip("\ufeff").split(",")]
    names = header_guess if header_guess == spec.header else spec.header
    if b"\x00" in raw:
        line, column = _column_at(raw, raw.index(b"\x00"), names)
        errors.add(DataError(file, line, column, "contains a NUL byte: the file looks binary, not a CSV text file"))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _column_at(raw, exc.start, names)
        errors.add(DataError(file, line, column, f"not UTF-8 text (byte {raw[exc.start]:#04x}); save the file as UTF-8"))
        return None
    reader = csv.reader(_lines(text), strict=True)
    try:
        header = next(reader)
    except (csv.Error, _LineTooLong) as exc:
        errors.add(DataError(file, 1, spec.header[0], f"unreadable CSV header: {quote(str(exc))}"))
        return None
    header = [h.strip() for h in header]
    if header != spec.header:
        column = next((want for want, got in zip(spec.header, header) if want != got),
                      spec.header[min(len(header), len(spec.header) - 1)])
        if len(header) == 1 and any(d in header[0] for d in ";\t|"):
            msg = "the delimiter must be a comma; this header looks separated by ';', tab or '|'"
        else:
            missing = [h for h in spec.header if h not in header]
            extra = [h for h in header if h not in spec.header]
            parts = []
            if missing:
                parts.append("missing " + ", ".join(missing))
            if extra:
                shown = ", ".join(quote(h, 40)[1:-1] if h.isprintable() else quote(h, 40) for h in extra[:5])
                parts.append("unexpected " + shown + (f" and {len(extra) - 5} more" if len(extra) > 5 else ""))
            if not parts:
                parts.append("columns are out of order")
            msg = "; ".join(parts)
        errors.add(DataError(file, 1, column, f"header must be exactly '{','.join(spec.header)}': {msg}"))
        return None
    return text


def parse_table(spec: TableSpec, raw: bytes, file: str | None = None, max_bytes: int = MAX_FILE_BYTES,
                max_rows: int = MAX_ROWS) -> tuple[list[dict[str, Any]], Problems]:
    """Parse and type-check one CSV file's bytes. Returns rows (with ``_line``) and problems."""
    file = file or spec.file
    errors = Problems()
    text = _precheck(spec, raw, file, max_bytes, errors)
    if text is None:
        return [], errors
    reader = csv.reader(_lines(text), strict=True)
    next(reader)  # the header, read and checked by _precheck
    rows: list[dict[str, Any]] = []
    seen: dict[tuple, int] = {}
    # Identifier, period and date columns repeat a few values over every row ("russia", "2023-Q3"):
    # each distinct cell is checked once, and every row shares the one resulting string, which
    # keeps a 200,000-row load to a fraction of the time and memory.
    memos: list[dict[str, tuple[Any, str | None]] | None] = [{} if c.type in _MEMO_TYPES else None
                                                              for c in spec.columns]
    prev_end = 1
    row_count = 0  # rows read after the first problem (not kept)
    try:
        for record in reader:
            line = prev_end + 1
            prev_end = reader.line_num
            if not record or not "".join(record).strip():
                continue  # blank lines are harmless in hand-edited files
            if len(rows) + row_count >= max_rows:
                errors.add(DataError(file, line, None, f"more than {max_rows:,} rows; the limit is {max_rows:,}"))
                break
            if len(record) != len(spec.columns):
                column = spec.header[min(len(record), len(spec.columns)) - 1] if record else spec.header[0]
                errors.add(DataError(file, line, column, f"has {len(record)} fields, expected {len(spec.columns)} "
                                                         f"({','.join(spec.header)})"))
                continue
            row: dict[str, Any] = {"_line": line}
            for col, memo, cell in zip(spec.columns, memos, record):
                if memo is None:
                    value, problem = _convert(col, cell.strip())
                else:
                    hit = memo.get(cell)
                    if hit is None:
                        hit = _convert(col, cell.strip())
                        if len(memo) < 100_000:  # distinct values are few in real data; bound a hostile file
                            memo[cell] = hit
                    value, problem = hit
                if problem:
                    errors.add(DataError(file, line, col.name, problem))
                row[col.name] = value
            # A one-column key is kept as itself: a 1-tuple per row costs ~10 MB at 200,000 rows.
            key = row[spec.key[0]] if len(spec.key) == 1 else tuple(row[k] for k in spec.key)
            if key in seen:
                shown = "/".join(map(str, key)) if isinstance(key, tuple) else str(key)
                errors.add(DataError(file, line, spec.key[0], f"duplicate key {quote(shown)[1:-1]} (first on line {seen[key]})"))
            elif key is not None:
                seen[key] = line
            if not errors:
                rows.append(row)  # a refused file's rows are never used: a hostile one costs no row memory
            else:
                row_count += 1
    except _LineTooLong as exc:
        errors.add(DataError(file, exc.line, None, f"the line is {exc.length:,} characters long; the limit is "
                                                   f"{MAX_LINE_CHARS:,} (is a closing quote missing?)"))
    except csv.Error as exc:
        errors.add(DataError(file, reader.line_num, None, f"malformed CSV: {quote(str(exc))[1:-1]}"))
    if not rows and not errors:
        errors.add(DataError(file, 2, None, "the file has a header but no rows"))
    return rows, errors


_MEMO_TYPES = frozenset({"key", "period", "date"})  # conversions that depend on the cell alone
_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def _is_number(cell: str) -> bool:
    return re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", cell.lstrip("+-"), re.ASCII) is not None


def _convert(col: Column, cell: str) -> tuple[Any, str | None]:
    """Type one cell; return (value, problem). Every check is on ASCII: Python's int() and
    str.isdigit() also take full-width, Arabic-Indic and other digits, and int() takes "3_66"."""
    if not cell:
        return (None, "is empty; a value is required") if col.required else (None, None)
    # Fast acceptance first: these patterns admit only printable ASCII, so a cell that matches
    # needs no other check (the diagnosis below runs only for cells being refused).
    if col.type == "int":
        if _INT_RE.fullmatch(cell) and len(cell) <= MAX_INT_DIGITS + 6:
            value = int(cell.replace(",", "")) if "," in cell else int(cell)
            if value > BIGINT_MAX:
                return None, f"{quote(cell)} is too large; the limit is {BIGINT_MAX:,}"
            return value, None
    elif col.type == "id":
        if _ID_RE.fullmatch(cell):
            return cell, None
    elif col.type == "key":
        if _KEY_RE.fullmatch(cell):
            return cell, None
    if len(cell) > MAX_CELL_CHARS:
        return None, f"is {len(cell):,} characters long; the limit is {MAX_CELL_CHARS:,}"
    unsafe = _UNSAFE_RE.search(cell)
    if unsafe and not (col.type == "text" and unsafe.group() == "\n"):
        return None, (f"{quote(cell)} contains the invisible character U+{ord(unsafe.group()):04X} at position "
                      f"{unsafe.start() + 1}; remove it")
    if col.type in ("key", "id") and cell.startswith(FORMULA_PREFIXES):
        return None, f"{quote(cell)} looks like a spreadsheet formula; an identifier starts with a letter or digit"
    if col.type == "int":
        if _NEG_RE.fullmatch(cell):
            return None, f"{quote(cell)} is negative; counts cannot be"
        return None, f"{quote(cell)} is not a whole number (digits 0-9 only, optionally with thousands commas)"
    if col.type == "period":
        if not _PERIOD_RE.fullmatch(cell):
            return None, f"period {quote(cell)} is not YYYY, YYYY-Qn, YYYY-Hn or YYYY-MM"
        try:
            parse_code(cell.upper())
        except PeriodCodeError as exc:
            return None, str(exc)
        return cell.upper() if "-" in cell else cell, None
    if col.type == "date":
        try:
            if not _DATE_RE.fullmatch(cell):
                raise ValueError(cell)
            if len(cell) == 7:
                datetime.strptime(cell, "%Y-%m")
            else:
                date.fromisoformat(cell)
        except ValueError:
            return None, f"{quote(cell)} is not a date (YYYY-MM-DD or YYYY-MM)"
        return cell, None
    if col.type == "key":  # not accepted above
        return None, (f"{quote(cell)} must be a lowercase identifier: a-z or 0-9 first, then a-z, 0-9, _ or -, "
                      f"at most 64 characters")
    if col.type == "id":
        return None, (f"{quote(cell)} must be an identifier: a letter or digit first, then letters, digits, "
                      f"_ . or -, at most 64 characters")
    if cell.startswith(FORMULA_PREFIXES) and not _is_number(cell):
        # A cell such as =1+1 would run as a formula when an editor opens an export in a spreadsheet.
        return None, f"{quote(cell)} looks like a spreadsheet formula; remove the leading '{cell[0]}'"
    return cell, None


def cross_check(tables: dict[str, list[dict[str, Any]]]) -> list[DataError]:
    """Checks that span files: references, category/dimension consistency, term clashes."""
    errors: list[DataError] = []
    sources = {r["source_id"] for r in tables.get("sources", [])}
    entities = {(r["kind"], r["id"]) for r in tables.get("entities", [])}
    dimensions = {i for k, i in entities if k == "dimension"}
    countries = {i for k, i in entities if k == "country"}
    meta = {r["key"]: r["value"] for r in tables.get("meta", [])}
    meta_line = {r["key"]: r["_line"] for r in tables.get("meta", [])}
    for need in ("report_date", "default_citizens", "default_destination"):
        if need not in meta:
            errors.append(DataError("meta.csv", 1, "key", f"meta.csv needs a '{need}' row"))
    if "report_date" in meta:
        try:
            if not _DATE_RE.fullmatch(meta["report_date"]) or len(meta["report_date"]) != 10:
                raise ValueError(meta["report_date"])
            date.fromisoformat(meta["report_date"])
        except ValueError:
            errors.append(DataError("meta.csv", meta_line["report_date"], "value",
                                    f"report_date {quote(meta['report_date'])} is not a date YYYY-MM-DD"))
    for need in ("default_citizens", "default_destination"):
        if need in meta and meta[need] not in countries:
            errors.append(DataError("meta.csv", meta_line[need], "value",
                                    f"{need} {quote(meta[need])} is not a country in entities.csv"))
    parent = {r["source_id"]: r["derived_from"] for r in tables.get("sources", []) if r["derived_from"]}
    source_line = {r["source_id"]: r["_line"] for r in tables.get("sources", [])}
    for r in tables.get("sources", []):
        if r["derived_from"] and r["derived_from"] not in sources:
            errors.append(DataError("sources.csv", r["_line"], "derived_from", f"unknown source id {r['derived_from']!r}"))
        elif r["derived_from"] == r["source_id"]:
            errors.append(DataError("sources.csv", r["_line"], "derived_from",
                                    f"source {r['source_id']!r} is derived from itself"))
    # A cycle (a -> b -> a) would make every Source line repeat the chain forever: report each once.
    reported: set[str] = set()
    for start in parent:
        chain, node = [start], parent.get(start)
        while node is not None and node not in chain and node in parent:
            chain.append(node)
            node = parent.get(node)
        if node is not None and node in chain and len(chain) > 1 and node not in reported:
            cycle = chain[chain.index(node):]
            if len(cycle) > 1:
                reported.update(cycle)
                first = min(cycle, key=lambda c: source_line.get(c, 0))
                errors.append(DataError("sources.csv", source_line.get(first, 1), "derived_from",
                                        "sources derive from each other in a cycle: "
                                        + " -> ".join(cycle + [cycle[0]])))
    for r in tables.get("caveats", []):
        for col in ("citizens", "destination"):
            if r[col] and r[col] not in countries:
                errors.append(DataError("caveats.csv", r["_line"], col, f"unknown country {r[col]!r}; add it to entities.csv"))
    for r in tables.get("synonyms", []):
        if r["kind"] != "dimension" and (r["kind"], r["id"]) not in entities:
            errors.append(DataError("synonyms.csv", r["_line"], "id", f"no {r['kind']} with id {r['id']!r} in entities.csv"))
        if r["kind"] == "dimension" and r["id"] not in dimensions:
            errors.append(DataError("synonyms.csv", r["_line"], "id", f"no dimension {r['id']!r} in entities.csv"))
    term_owner: dict[tuple[str, str, str], tuple[str, int]] = {}
    for r in tables.get("synonyms", []):
        k = (r["kind"], r["lang"], r["term"].lower())
        if k in term_owner and term_owner[k][0] != r["id"]:
            errors.append(DataError("synonyms.csv", r["_line"], "term", f"{quote(r['term'])} already means {term_owner[k][0]!r} (line {term_owner[k][1]})"))
        term_owner.setdefault(k, (r["id"], r["_line"]))
    combos: dict[tuple, int] = {}
    for r in tables.get("figures", []):
        line = r["_line"]
        for col in ("citizens", "destination"):
            if r[col] and r[col] not in countries:
                errors.append(DataError("figures.csv", line, col, f"unknown country {r[col]!r}; add it to entities.csv"))
        if r["dimension"] == "total":
            if r["category"] != "all":
                errors.append(DataError("figures.csv", line, "category", "a 'total' figure must have category 'all'"))
        elif r["dimension"] and r["dimension"] not in dimensions:
            errors.append(DataError("figures.csv", line, "dimension", f"unknown dimension {r['dimension']!r}; use 'total' or one of {sorted(dimensions)}"))
        elif r["category"] and (r["dimension"], r["category"]) not in entities:
            errors.append(DataError("figures.csv", line, "category", f"unknown {r['dimension']} category {r['category']!r}"))
        if r["source_id"] and r["source_id"] not in sources:
            errors.append(DataError("figures.csv", line, "source_id", f"unknown source id {r['source_id']!r}"))
        combo = (r["citizens"], r["destination"], r["period"], r["dimension"], r["category"])
        if combo in combos:
            errors.append(DataError("figures.csv", line, "category", f"the same figure is already on line {combos[combo]}"))
        combos.setdefault(combo, line)
    for r in tables.get("facts", []):
        if r["source_id"] and r["source_id"] not in sources:
            errors.append(DataError("facts.csv", r["_line"], "source_id", f"unknown source id {r['source_id']!r}"))
    return errors


def breakdown_warnings(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Breakdowns that exceed their total: worth a warning (the material has one), not an error."""
    return [f"{c}->{d} {p}: the {dim} breakdown sums to {total_s}, more than the total {t}"
            for c, d, p, dim, total_s, t in con.execute(_STORE_SQL["breakdown_warnings"]).fetchall()]


_DDL = {
    "meta": "key VARCHAR PRIMARY KEY, value VARCHAR",
    "sources": "source_id VARCHAR PRIMARY KEY, name VARCHAR, kind VARCHAR, published VARCHAR, derived_from VARCHAR, description VARCHAR, url VARCHAR, title VARCHAR, cite_as VARCHAR",
    "entities": "kind VARCHAR, id VARCHAR, label VARCHAR, people VARCHAR, phrase VARCHAR",
    "synonyms": "kind VARCHAR, id VARCHAR, term VARCHAR, role VARCHAR, lang VARCHAR",
    "cues": "cue VARCHAR, lang VARCHAR, phrases VARCHAR",
    "figures": "figure_id VARCHAR, citizens VARCHAR, destination VARCHAR, period VARCHAR, dimension VARCHAR, category VARCHAR, value BIGINT, source_id VARCHAR, note VARCHAR, locator VARCHAR, p_start INTEGER, p_end INTEGER, line INTEGER",
    "facts": "fact_id VARCHAR PRIMARY KEY, topic VARCHAR, kind VARCHAR, subject VARCHAR, statement VARCHAR, quote VARCHAR, speaker VARCHAR, date VARCHAR, place VARCHAR, source_id VARCHAR, keywords VARCHAR, locator VARCHAR",
    "caveats": "caveat_id VARCHAR PRIMARY KEY, citizens VARCHAR, destination VARCHAR, period VARCHAR, dimension VARCHAR, category VARCHAR, kind VARCHAR, text VARCHAR",
    "translations": "kind VARCHAR, id VARCHAR, field VARCHAR, lang VARCHAR, text VARCHAR",
}
# figures.figure_id has no PRIMARY KEY index: the validator checks it is unique, and building the
# index cost 0.4 s of a 208k-row load for lookups that are few and cached (figure_by_id.sql).
# figures.line is the record's place in figures.csv (0 = first): the table is stored grouped by
# direction, (citizens, destination, line), not in file order, so that an answer's queries, which
# each read one direction, skip the rest of the table by DuckDB's per-segment min/max (zonemaps).
# Within a direction the order is the file's, so every list() and any_value() an answer reads is
# what it was; what needs the file order across directions sorts by line.


# Data this small is queried without DuckDB's optimizer (Snapshot.cursor); the material has 17 rows.
UNOPTIMISED_MAX_ROWS = 5_000
# From this many figures a snapshot packs them by direction (Snapshot.packed_figures); below, each
# direction is read by a query when first asked about (the material has 17 rows).
PACKED_MIN_ROWS = 5_000
# Directions whose views a snapshot keeps (Snapshot.direction): about 40 KB each at a few hundred
# figures a direction; one is made again in well under a millisecond.
VIEWS_KEPT = 64


class FigureValues(Mapping[str, int]):
    """Figure values by id, read from the snapshot's DuckDB table as they are asked for (each kept
    once read): a mapping for callers that look values up, without a Python copy of the table.
    Iterating (rare: audits, tests) reads every id once."""

    def __init__(self, snapshot: "Snapshot") -> None:
        self._snapshot = snapshot

    def __getitem__(self, figure_id: str) -> int:
        row = self._snapshot.figure(figure_id)
        if row is None:
            raise KeyError(figure_id)
        return row["value"]

    def __iter__(self) -> Iterator[str]:
        return iter(self._snapshot.all_figure_values())

    def __len__(self) -> int:
        return self._snapshot.figure_count


@dataclass
class Snapshot:
    """One loaded, immutable version of the data, with its own DuckDB connection.

    ``tables`` holds the small tables as rows (the matcher and the claim checker read them); the
    figures, the table that grows with the data, live only in DuckDB (``figure``, ``figure_rows``).
    """

    con: duckdb.DuckDBPyConnection
    tables: dict[str, list[dict[str, Any]]]
    version: str
    loaded_at: datetime
    warnings: list[str] = field(default_factory=list)
    # Results of named queries; safe to share because a snapshot's data never changes. Dict
    # reads and writes are atomic under the GIL, and a rare double computation is harmless.
    query_cache: dict[tuple, tuple] = field(default_factory=dict, repr=False)
    files: dict[str, bytes] = field(default_factory=dict, repr=False)  # the source bytes, for diffs and new versions
    # Optional source texts (data/sources/<source_id>.txt) the locators were checked against.
    texts: dict[str, str] = field(default_factory=dict, repr=False)
    _local: threading.local = field(default_factory=threading.local, repr=False)
    _figure_cache: dict[str, dict[str, Any] | None] = field(default_factory=dict, repr=False)
    # The recently used directions' views (Snapshot.direction), most recent last.
    _views: "OrderedDict[tuple[str, str], DirectionView | None]" = field(default_factory=OrderedDict, repr=False)
    _views_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _source_cache: dict[str, str] = field(default_factory=dict, repr=False)  # source_of's answers
    _small: bool | None = field(default=None, repr=False)  # at most UNOPTIMISED_MAX_ROWS figures (cursor)
    # Large data's figures packed by direction (handlers/packed.py), read when a direction is first
    # asked about (Snapshot.packed_figures); on small data (under PACKED_MIN_ROWS figures), or if
    # what was read did not add up, each direction is read by a query instead.
    packed: PackedFigures | None = field(default=None, repr=False)
    _pack: bool = field(default=False, repr=False)  # large data: pack on first use
    _pack_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor for the calling thread: DuckDB connections are not shared across threads.

        On small data (at most ``UNOPTIMISED_MAX_ROWS`` figures) the cursor plans queries without
        DuckDB's optimizer: on a few rows there is nothing for it to win, and it was about a third
        of an uncached answer query's cost (first pass over the evaluation set on the material,
        interleaved, 3 runs each: 1.26-1.33 -> 0.82-0.93 ms a query; answers byte-identical over
        2,108 questions of tests/eval). Large data keeps it (filter and projection pushdown).
        """
        cur = getattr(self._local, "cursor", None)
        if cur is None:
            cur = self.con.cursor()
            if self._small is None:
                self._small = cur.execute(_STORE_SQL["figures_count"]).fetchone()[0] <= UNOPTIMISED_MAX_ROWS
            if self._small:
                cur.execute("PRAGMA disable_optimizer")
            self._local.cursor = cur
        return cur

    @property
    def meta(self) -> dict[str, str]:
        return {r["key"]: r["value"] for r in self.tables["meta"]}

    @property
    def report_date(self) -> date:
        return date.fromisoformat(self.meta["report_date"])

    def counts(self) -> dict[str, int]:
        counts = {name: len(rows) for name, rows in self.tables.items()}
        counts["figures"] = self.figure_count
        return dict(sorted(counts.items(), key=lambda kv: LOAD_ORDER.index(kv[0])))

    @property
    def figure_count(self) -> int:
        key = ("figure_count",)
        if key not in self.query_cache:
            self.query_cache[key] = self.cursor().execute(_STORE_SQL["figures_count"]).fetchone()[0]
        return self.query_cache[key]  # type: ignore[return-value]

    def _rows(self, name: str, **params: Any) -> list[dict[str, Any]]:
        result = self.cursor().execute(_STORE_SQL[name], params)
        columns = [d[0] for d in result.description]
        return [dict(zip(columns, r)) for r in result.fetchall()]

    def figure_rows(self) -> list[dict[str, Any]]:
        """Every figure as a row, in file order, fetched now and not kept (tests, exports, diffs)."""
        return self._rows("figure_rows")

    def all_figure_values(self) -> dict[str, int]:
        """Every figure's value by id, fetched now and not kept (an admin's preview diff)."""
        return dict(self.cursor().execute(_STORE_SQL["figure_values"]).fetchall())

    def located_figures(self) -> list[dict[str, Any]]:
        """The figures that carry a locator (``bot.py check``)."""
        return self._rows("located_figures")

    def figures(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Figures by id (unknown ids left out). Each is fetched once and kept: only the figures
        answers actually give are ever held in Python, not a copy of the table."""
        ids = list(dict.fromkeys(ids))
        missing = [i for i in ids if i not in self._figure_cache]
        if missing:
            found = {r["figure_id"]: r for r in self._rows("figures_by_ids", ids=missing)}
            for i in missing:
                self._figure_cache[i] = found.get(i)  # None remembers an unknown id too
        return {i: row for i in ids if (row := self._figure_cache[i]) is not None}

    def figure(self, figure_id: str) -> dict[str, Any] | None:
        return self.figures([figure_id]).get(figure_id)

    def direction(self, citizens: str, destination: str) -> DirectionView | None:
        """One direction's figures and series (packed.DirectionView), None if it has none.

        Unpacked from the packed figures (no query; on small data, from one direction_series.sql
        query) and kept while among the ``VIEWS_KEPT`` most recently used: a first-time answer
        at 104k rows otherwise paid DuckDB's fixed cost per query for each series it looked at,
        and keeping every direction asked about would in time hold a Python copy of the table."""
        key = (citizens, destination)
        with self._views_lock:
            if key in self._views:
                self._views.move_to_end(key)
                return self._views[key]
        packed = self.packed_figures()
        if packed is not None:
            view = packed.direction(citizens, destination)
        else:
            rows = self.cursor().execute(_STORE_SQL["direction_series"], {"citizens": citizens, "destination": destination}).fetchall()
            view = DirectionView.from_rows(rows) if rows else None
        with self._views_lock:
            self._views[key] = view
            while len(self._views) > VIEWS_KEPT:
                self._views.popitem(last=False)
        return view

    def packed_figures(self) -> PackedFigures | None:
        """The figures packed by direction, read the first time they are needed (large data only).

        Not at load: on a reload the old snapshot is still held while the new one loads, and the
        packing's own working memory (about 30 MB at 208k rows, for 9 MB kept) then came on top of
        both (peak with two reloads 352-355 MB; 316-319 MB packed on first use). Read on first
        use, after the swap, it costs the first question that reads a direction about 0.1 s of
        CPU at 104k rows and 0.15 s at 208k."""
        if self.packed is None and self._pack:
            with self._pack_lock:
                if self.packed is None and self._pack:
                    self.packed = PackedFigures.read(self.cursor(), _STORE_SQL)
                    self._pack = self.packed is not None  # what did not add up is not read again
        return self.packed

    def source_of(self, figure_id: str) -> str:
        """A figure's source_id ("" for an unknown id): from a recently used direction's view (an
        answer's figures come from one), else from its row; kept per figure asked about, like the
        answers that give it (a repeated answer must not look its figure up again once the
        direction's view has gone)."""
        source = self._source_cache.get(figure_id)
        if source is not None:
            return source
        with self._views_lock:
            views = [v for v in self._views.values() if v is not None]
        for view in reversed(views):  # the most recent first
            position = view.position.get(figure_id)
            if position is not None:
                source = view.sources[position]
                break
        else:
            row = self.figure(figure_id)
            source = row["source_id"] if row else ""
        self._source_cache[figure_id] = source
        return source

    def caveat_rules(self) -> tuple[tuple[Any, ...], ...]:
        """Every caveat as (caveat_id, citizens, destination, period, dimension, category, kind,
        text), by caveat_id, NULL where it applies to anything; read once per snapshot."""
        key = ("caveat_rules",)
        rules = self.query_cache.get(key)
        if rules is None:
            rules = tuple(self.cursor().execute(_STORE_SQL["caveat_rules"]).fetchall())
            self.query_cache[key] = rules
        return rules

    def fact_rows(self) -> tuple[tuple[str, ...], tuple[tuple[Any, ...], ...]]:
        """Every fact as facts.sql gives it: (columns, rows by fact_id); read once per snapshot."""
        key = ("fact_rows",)
        rows = self.query_cache.get(key)
        if rows is None:
            result = self.cursor().execute(_STORE_SQL["fact_rows"])
            rows = (tuple(d[0] for d in result.description), tuple(result.fetchall()))
            self.query_cache[key] = rows
        return rows  # type: ignore[return-value]

    def keep_all_figures(self, limit: int) -> int:
        """Read every figure into the per-figure cache at once when there are at most ``limit``
        (start-up warm-up): on small data one query now saves each first answer a lookup of
        its own (about 0.5-4 ms each). Larger data is still read figure by figure, as answers
        give them, so no copy of a large table is held. Returns how many were read."""
        if self.figure_count > limit:
            return 0
        for row in self._rows("figure_rows"):  # the same columns as figures_by_ids
            self._figure_cache.setdefault(row["figure_id"], row)
        return self.figure_count

    @property
    def first_source(self) -> str:
        """The source of the first figure ("" with no figures): the chain /figures and charts cite."""
        key = ("first_source",)
        if key not in self.query_cache:
            row = self.cursor().execute(_STORE_SQL["first_source"]).fetchone()
            self.query_cache[key] = row[0] if row else ""  # type: ignore[assignment]
        return self.query_cache[key]  # type: ignore[return-value]

    def close(self) -> None:
        self.con.close()


def read_dir(data_dir: Path) -> dict[str, bytes]:
    """The raw bytes of every source file; a missing file is an error named by the loader."""
    return {name: (data_dir / TABLES[name].file).read_bytes() for name in LOAD_ORDER
            if (data_dir / TABLES[name].file).exists()}


STORE_SQL_DIR = Path(__file__).resolve().parent / "sql" / "store"
# The store's own statements (handlers/sql/store/), read once; not answer queries (handlers/queries.py).
_STORE_SQL = {p.stem: p.read_text(encoding="utf-8") for p in sorted(STORE_SQL_DIR.glob("*.sql"))}
# Tables read by DuckDB's CSV reader instead of line by line in Python: the one that grows with
# the data. The others (entities, facts, cues...) are small and the matcher needs them as rows.
STAGED = frozenset({"figures"})
# Below this size the line-by-line validator is the faster one (the material's 17 rows: 0.02 s in
# Python, against a fixed 0.1-0.2 s for DuckDB's reader and check query), and a small upload's
# problems come straight from it.
STAGE_MIN_BYTES = 256 * 1024


@dataclass
class Validated:
    """The validator's result: rows of the tables checked in Python, the names of the tables staged
    in the load's DuckDB connection (checked there, never held as Python rows), and the problems."""

    tables: dict[str, list[dict[str, Any]]]
    staged: frozenset[str]
    errors: Problems


def _record_count(raw: bytes, text: str, width: int) -> int | None:
    """How many data records the line-by-line parser would read, if every one of them has
    ``width`` fields; None otherwise. Cheap: C-level counts unless a cell is quoted.

    DuckDB's reader only sets aside in its rejects table what it cannot read, takes a trailing
    empty field as no field at all, and finds line ends its own way: its rows are trusted only
    when this independent count agrees with them.
    """
    if b'"' in raw:  # a quoted cell may hold a comma or a line break: count records as csv splits them
        count = 0
        try:
            for record in csv.reader(_lines(text), strict=True):
                if record and "".join(record).strip():
                    if len(record) != width:
                        return None
                    count += 1
        except (csv.Error, _LineTooLong):
            return None
        return count - 1
    if b"\r" not in raw and b"\n\n" not in raw:
        lines = raw.count(b"\n") + (0 if raw.endswith(b"\n") else 1)
    else:
        lines = len(_SEGMENT_RE.findall(raw))
    # Without quotes every comma separates two fields: a file of regular lines has width - 1 per line.
    return lines - 1 if raw.count(b",") == (width - 1) * lines else None


_SEGMENT_RE = re.compile(rb"[^\r\n]+")


def _stage_figures(con: duckdb.DuckDBPyConnection, raw: bytes, max_bytes: int, max_rows: int,
                   tables: dict[str, list[dict[str, Any]]], texts: dict[str, str]) -> bool:
    """Read figures.csv with DuckDB's CSV reader and check it in SQL; True if the file is clean.

    Clean means the line-by-line validator (``parse_table``, ``cross_check``, ``locators.check``)
    would find no problem and would type every cell as it is written. Anything else, a rejected
    line, a cell that needs stripping or is not plainly valid, a reference that does not resolve,
    returns False, and the caller runs the line-by-line validator, whose problems name file,
    line and column in an editor's terms. So refusals and their messages are exactly those of
    the one strict validator; a clean file costs no Python work per row.
    """
    spec = TABLES["figures"]
    text = _precheck(spec, raw, spec.file, max_bytes, Problems())
    if text is None:
        return False
    expected = _record_count(raw, text, len(spec.columns))
    del text
    if expected is None or not 0 < expected <= max_rows:
        return False
    with tempfile.NamedTemporaryFile(prefix="factdesk-", suffix=".csv") as tmp:
        tmp.write(raw)
        tmp.flush()
        try:
            con.execute(_STORE_SQL["figures_read"], {"path": tmp.name})
        except duckdb.Error:
            return False  # what DuckDB cannot read at all, the line-by-line validator explains
    result = con.execute(_STORE_SQL["figures_check"])
    check = dict(zip([d[0] for d in result.description], result.fetchone()))
    if (check["rejected"] or check["n"] != expected or check["bad_id"] or check["bad_value"] or check["bad_text"]
            or check["ids"] != check["n"] or check["combos"] != check["n"]):
        return False
    # Identifier and period columns: each distinct value checked by the validator's own code.
    for col in spec.columns:
        if col.type in _MEMO_TYPES:
            for cell in check[col.name]:
                value, problem = _convert(col, (cell or "").strip())
                if problem or value != cell:
                    return False
    # The references cross_check() would follow for each figure, over distinct values only.
    sources = {r["source_id"] for r in tables.get("sources", [])}
    entities = {(r["kind"], r["id"]) for r in tables.get("entities", [])}
    countries = {i for k, i in entities if k == "country"}
    dimensions = {i for k, i in entities if k == "dimension"}
    if not (set(check["citizens"]) | set(check["destination"])) <= countries or not set(check["source_id"]) <= sources:
        return False
    for dimension, category in check["pairs"]:
        if dimension == "total":
            if category != "all":
                return False
        elif dimension not in dimensions or (dimension, category) not in entities:
            return False
    located = con.execute(_STORE_SQL["figures_located"])
    columns = [d[0] for d in located.description]
    rows = [dict(zip(columns, r)) for r in located.fetchall()]
    return not locators.check({"figures": rows}, texts)


def _insert_staged(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """The staged (checked) figures typed into the served table, and the staging dropped."""
    con.execute(f"CREATE TABLE {name} ({_DDL[name]})")  # name and DDL come from the whitelist above
    con.execute(_STORE_SQL["figures_insert"])
    con.execute(_STORE_SQL["figures_drop"])


def validate(files: dict[str, bytes], limits: dict[str, tuple[int, int]] | None = None,
             texts: dict[str, str] | None = None, con: duckdb.DuckDBPyConnection | None = None) -> Validated:
    """The one validator: parse every file and cross-check them; return typed tables and problems.

    ``limits`` gives (max bytes, max rows) for some tables, for files uploaded through the bot.
    ``texts`` are the source texts present ({source_id: text}): each located sentence must
    contain the figure it backs (see handlers/locators.py).
    With ``con``, the tables in ``STAGED`` are first read by DuckDB's CSV reader into that
    connection and checked in SQL (``_stage_figures``); only a file that is not clean there is
    parsed line by line, for its problems' lines and columns.
    """
    tables: dict[str, list[dict[str, Any]]] = {}
    staged: set[str] = set()
    errors = Problems()
    texts = texts or {}
    for name in LOAD_ORDER:
        if name not in files:
            if name in OPTIONAL_TABLES:
                tables[name] = []
                continue
            errors.add(DataError(TABLES[name].file, 1, None, "file is missing"))
            continue
        max_bytes, max_rows = (limits or {}).get(name, (MAX_FILE_BYTES, MAX_ROWS))
        if con is not None and name in STAGED and len(files[name]) >= STAGE_MIN_BYTES:
            if _stage_figures(con, files[name], max_bytes, max_rows, tables, texts):
                staged.add(name)
                tables[name] = []  # checked in DuckDB; cross_check and the locators have nothing left to see
                continue
            con.execute(_STORE_SQL["figures_drop"])
        rows, errs = parse_table(TABLES[name], files[name], max_bytes=max_bytes, max_rows=max_rows)
        tables[name] = rows
        errors.extend(errs)
    if not errors:
        errors.extend(cross_check(tables))
    if not errors:
        errors.extend(DataError(*p) for p in locators.check(tables, texts))
    return Validated(tables, frozenset(staged), errors)


def build_snapshot(files: dict[str, bytes], version: str | None = None,
                   limits: dict[str, tuple[int, int]] | None = None, texts: dict[str, str] | None = None) -> Snapshot:
    """Validate and load files into a fresh in-memory DuckDB; raise DataLoadError on any problem."""
    con = duckdb.connect(":memory:")
    try:
        # An upload through the bot (``limits`` set: at most 10 MB) stays line by line: at that size
        # it takes about a second, and on a hostile file the DuckDB attempt's staging would only add
        # to the memory of the line-by-line parse that follows (the 10 MB attack file: 207 MB
        # against 157). Cold start, /reload and rollbacks of large data take DuckDB's reader.
        checked = validate(files, limits, texts, con if limits is None else None)
        if checked.errors:
            raise DataLoadError(checked.errors)
        # Answers run small queries, one per cursor, from several threads at once: handing each one
        # to DuckDB's worker threads costs more than it saves (uncached query over the evaluation
        # set, p50 4.8 -> 1.3 ms on the material, 14 -> 3.6 ms at 208k rows, on a loaded 2-core
        # machine). Set before the figures are inserted: their sort by direction on two threads
        # raised the peak with two reloads at 208k rows by about 30 MB for the same CPU time.
        con.execute("SET threads = 1")
        for name in LOAD_ORDER:
            try:
                if name in checked.staged:
                    _insert_staged(con, name)
                else:
                    _insert(con, name, checked.tables[name])
            except duckdb.Error as exc:
                # Validation should make this unreachable; if DuckDB still refuses a value, the admin
                # and the console get a located refusal, not a traceback.
                raise DataLoadError([DataError(TABLES[name].file, 1, None,
                                               f"the database refused this file: {quote(str(exc), 160)[1:-1]}")]) from exc
    except BaseException:
        con.close()
        raise
    sha = hashlib.sha256()
    for name in LOAD_ORDER:  # file by file: joining them first would copy every byte once more
        sha.update(files.get(name, b""))
    digest = sha.hexdigest()[:10]
    # The figures live in DuckDB only: the Python rows of a line-by-line parse are dropped here.
    kept = {name: rows for name, rows in checked.tables.items() if name not in STAGED}
    count = con.execute(_STORE_SQL["figures_count"]).fetchone()[0]
    snapshot = Snapshot(con=con, tables=kept, version=version or digest, loaded_at=datetime.now(timezone.utc),
                        warnings=breakdown_warnings(con), files=dict(files), texts=dict(texts or {}),
                        _pack=count >= PACKED_MIN_ROWS)
    snapshot.query_cache[("figure_count",)] = count
    return snapshot


def load_dir(data_dir: Path, version: str | None = None) -> Snapshot:
    """Load the CSV files of a data directory (as they are on disk, ignoring versions)."""
    return build_snapshot(read_dir(data_dir), version, texts=locators.read_texts(data_dir))


def _insert(con: duckdb.DuckDBPyConnection, name: str, rows: list[dict[str, Any]]) -> None:
    con.execute(f"CREATE TABLE {name} ({_DDL[name]})")  # name and DDL come from the whitelist above
    header = list(TABLES[name].header)
    cols = header + (["p_start", "p_end", "line"] if name == "figures" else [])
    if not rows:
        return
    # a few hundred distinct periods, parsed once
    parsed = {r["period"]: parse_code(r["period"]) for r in rows} if name == "figures" else {}
    lines: list[int] = []
    if name == "figures":  # stored grouped by direction, file order within one (see _DDL)
        lines = sorted(range(len(rows)), key=lambda i: (rows[i]["citizens"], rows[i]["destination"], i))
        rows = [rows[i] for i in lines]
    select = ", ".join(f"unnest(${c}) AS {c}" for c in cols)
    sql = f"INSERT INTO {name} ({', '.join(cols)}) SELECT {select}"
    # In slices, each built only when sent: DuckDB turns each bound list into one LIST value, so a
    # 200,000-row table sent at once briefly costs ~250 MB more; slices take the same time.
    for i in range(0, len(rows), INSERT_SLICE):
        part = rows[i:i + INSERT_SLICE]
        data: dict[str, list[Any]] = {c: [r[c] for r in part] for c in header}
        if name == "figures":
            data["p_start"] = [parsed[p].start for p in data["period"]]
            data["p_end"] = [parsed[p].end for p in data["period"]]
            data["line"] = lines[i:i + INSERT_SLICE]
        con.execute(sql, data)


def iter_errors(exc: DataLoadError) -> Iterable[str]:
    """Error lines for display."""
    return (str(e) for e in exc.errors)
