"""The fact base: CSV source files validated line by line, loaded into an in-memory DuckDB.

Each load builds a complete, new ``Snapshot`` (its own DuckDB connection); the running bot swaps
the whole snapshot at once, so a question sees the old data or the new, never a mix.

Validation happens in Python before anything reaches DuckDB because newsroom editors need errors
that name the file, line and column; DuckDB's ``read_csv`` neither checks header names nor
reports positions in editor terms. Rows are then bulk-inserted as bound list parameters
(``unnest``), which is fast and keeps every value out of the SQL text.
"""

from __future__ import annotations

import csv
import hashlib
import re
import threading
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Iterable

import duckdb

from handlers import locators
from handlers.periods import PeriodCodeError, parse_code

MAX_FILE_BYTES = 50 * 1024 * 1024  # well above a generated 100k-row dataset
MAX_ROWS = 500_000
INSERT_SLICE = 10_000  # rows per bulk INSERT (see _insert)
MAX_ERRORS_SHOWN = 8
FORMULA_PREFIXES = ("=", "+", "-", "@")  # spreadsheet formula injection, refused in text cells


@dataclass(frozen=True)
class Column:
    """One CSV column: its name, type and whether it may be empty."""

    name: str
    type: str = "text"  # text | int | period | date | key (lowercase identifier)
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
    "figures": TableSpec("figures", _cols("figure_id", "citizens:key", "destination:key", "period:period",
                                          "dimension:key", "category:key", "value:int", "source_id:key",
                                          "note?", "locator?"), ("figure_id",)),
    "facts": TableSpec("facts", _cols("fact_id", "topic", "kind:key", "subject", "statement", "quote?",
                                      "speaker?", "date?", "place?", "source_id:key", "keywords", "locator?"),
                       ("fact_id",)),
    "caveats": TableSpec("caveats", _cols("caveat_id", "citizens:key?", "destination:key?", "period:period?",
                                          "dimension:key?", "category:key?", "kind:key", "text"),
                         ("caveat_id",)),
    # Answer text in other languages: entity labels, facts, sources and caveats (see data/README.md).
    "translations": TableSpec("translations", _cols("kind:key", "id:key", "field:key", "lang:key", "text"),
                              ("kind", "id", "field", "lang")),
}
LOAD_ORDER = ["meta", "sources", "entities", "synonyms", "cues", "figures", "facts", "caveats", "translations"]
OPTIONAL_TABLES = {"translations"}  # a dataset without it answers in English only


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


class DataLoadError(Exception):
    """The data could not be loaded; ``errors`` says where and why."""

    def __init__(self, errors: list[DataError]) -> None:
        self.errors = errors
        shown = "\n".join(f"  - {e}" for e in errors[:MAX_ERRORS_SHOWN])
        more = f"\n  ... and {len(errors) - MAX_ERRORS_SHOWN} more" if len(errors) > MAX_ERRORS_SHOWN else ""
        super().__init__(f"{len(errors)} problem(s) in the data:\n{shown}{more}")


def _is_key(value: str) -> bool:
    return value.replace("_", "").replace("-", "").isalnum() and value == value.lower()


def parse_table(spec: TableSpec, raw: bytes, file: str | None = None, max_bytes: int = MAX_FILE_BYTES,
                max_rows: int = MAX_ROWS) -> tuple[list[dict[str, Any]], list[DataError]]:
    """Parse and type-check one CSV file's bytes. Returns rows (with ``_line``) and errors."""
    file = file or spec.file
    errors: list[DataError] = []
    if len(raw) > max_bytes:
        return [], [DataError(file, 1, None, f"file is {len(raw):,} bytes; the limit is {max_bytes:,}")]
    if not raw.strip():
        return [], [DataError(file, 1, None, "file is empty; expected the header " + ",".join(spec.header))]
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        return [], [DataError(file, line, None, "file contains NUL bytes: it looks binary, not a CSV text file")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return [], [DataError(file, line, None, f"not UTF-8 text (byte {raw[exc.start]:#04x} at character {col}); save the file as UTF-8")]
    # Lines as io.StringIO(newline="") would give them (ending at \n, \r or \r\n), produced one at a
    # time: StringIO first copies the whole text into 4 bytes per character, ~70 MB for 200,000 rows.
    reader = csv.reader((m.group() for m in _LINE_RE.finditer(text)), strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        return [], [DataError(file, 1, None, f"unreadable CSV header: {exc}")]
    header = [h.strip() for h in header]
    if header != spec.header:
        if len(header) == 1 and any(d in header[0] for d in ";\t|"):
            msg = "the delimiter must be a comma; this header looks separated by ';', tab or '|'"
        else:
            missing = [h for h in spec.header if h not in header]
            extra = [h for h in header if h not in spec.header]
            parts = []
            if missing:
                parts.append("missing " + ", ".join(missing))
            if extra:
                parts.append("unexpected " + ", ".join(extra))
            if not parts:
                parts.append("columns are out of order")
            msg = "; ".join(parts)
        return [], [DataError(file, 1, None, f"header must be exactly '{','.join(spec.header)}': {msg}")]
    rows: list[dict[str, Any]] = []
    seen: dict[tuple, int] = {}
    # Identifier, period and date columns repeat a few values over every row ("russia", "2023-Q3"):
    # each distinct cell is checked once, and every row shares the one resulting string, which
    # keeps a 200,000-row load to a fraction of the time and memory.
    memos: list[dict[str, tuple[Any, str | None]] | None] = [{} if c.type in _MEMO_TYPES else None
                                                              for c in spec.columns]
    prev_end = 1
    try:
        for record in reader:
            line = prev_end + 1
            prev_end = reader.line_num
            if not record or not "".join(record).strip():
                continue  # blank lines are harmless in hand-edited files
            if len(rows) >= max_rows:
                errors.append(DataError(file, line, None, f"more than {max_rows:,} rows; the limit is {max_rows:,}"))
                break
            if len(record) != len(spec.columns):
                errors.append(DataError(file, line, None, f"has {len(record)} fields, expected {len(spec.columns)} ({','.join(spec.header)})"))
                continue
            row: dict[str, Any] = {"_line": line}
            for col, memo, cell in zip(spec.columns, memos, record):
                if memo is None:
                    value, problem = _convert(col, cell.strip())
                else:
                    hit = memo.get(cell)
                    if hit is None:
                        hit = memo[cell] = _convert(col, cell.strip())
                    value, problem = hit
                if problem:
                    errors.append(DataError(file, line, col.name, problem))
                row[col.name] = value
            # A one-column key is kept as itself: a 1-tuple per row costs ~10 MB at 200,000 rows.
            key = row[spec.key[0]] if len(spec.key) == 1 else tuple(row[k] for k in spec.key)
            if key in seen:
                shown = "/".join(map(str, key)) if isinstance(key, tuple) else str(key)
                errors.append(DataError(file, line, spec.key[0], f"duplicate key {shown} (first on line {seen[key]})"))
            else:
                seen[key] = line
            rows.append(row)
    except csv.Error as exc:
        errors.append(DataError(file, reader.line_num, None, f"malformed CSV: {exc}"))
    if not rows and not errors:
        errors.append(DataError(file, 2, None, "the file has a header but no rows"))
    return rows, errors


_MEMO_TYPES = frozenset({"key", "period", "date"})  # conversions that depend on the cell alone
_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _convert(col: Column, cell: str) -> tuple[Any, str | None]:
    """Type one cell; return (value, problem)."""
    if not cell:
        return (None, f"is empty; a value is required") if col.required else (None, None)
    if col.type == "int":
        digits = cell.replace(",", "") if cell.replace(",", "").isdigit() else cell
        try:
            value = int(digits)
        except ValueError:
            return None, f"{cell!r} is not a whole number"
        if value < 0:
            return None, f"{value} is negative; counts cannot be"
        return value, None
    if col.type == "period":
        try:
            parse_code(cell)
        except PeriodCodeError as exc:
            return None, str(exc)
        return cell.upper() if "-" in cell else cell, None
    if col.type == "date":
        try:
            if len(cell) == 7:
                datetime.strptime(cell, "%Y-%m")
            else:
                date.fromisoformat(cell)
        except ValueError:
            return None, f"{cell!r} is not a date (YYYY-MM-DD or YYYY-MM)"
        return cell, None
    if col.type == "key":
        if not _is_key(cell):
            return None, f"{cell!r} must be a lowercase identifier (letters, digits, _ or -)"
        return cell, None
    if cell.startswith(FORMULA_PREFIXES) and not _is_number(cell):
        # A cell such as =1+1 would run as a formula when an editor opens an export in a spreadsheet.
        return None, f"{cell!r} looks like a spreadsheet formula; remove the leading '{cell[0]}'"
    return cell, None


def cross_check(tables: dict[str, list[dict[str, Any]]]) -> list[DataError]:
    """Checks that span files: references, category/dimension consistency, term clashes."""
    errors: list[DataError] = []
    sources = {r["source_id"] for r in tables.get("sources", [])}
    entities = {(r["kind"], r["id"]) for r in tables.get("entities", [])}
    dimensions = {i for k, i in entities if k == "dimension"}
    countries = {i for k, i in entities if k == "country"}
    meta = {r["key"]: r["value"] for r in tables.get("meta", [])}
    for need in ("report_date", "default_citizens", "default_destination"):
        if need not in meta:
            errors.append(DataError("meta.csv", 1, "key", f"meta.csv needs a '{need}' row"))
    if "report_date" in meta:
        try:
            date.fromisoformat(meta["report_date"])
        except ValueError:
            errors.append(DataError("meta.csv", 1, "value", f"report_date {meta['report_date']!r} is not YYYY-MM-DD"))
    for r in tables.get("sources", []):
        if r["derived_from"] and r["derived_from"] not in sources:
            errors.append(DataError("sources.csv", r["_line"], "derived_from", f"unknown source id {r['derived_from']!r}"))
    for r in tables.get("synonyms", []):
        if r["kind"] != "dimension" and (r["kind"], r["id"]) not in entities:
            errors.append(DataError("synonyms.csv", r["_line"], "id", f"no {r['kind']} with id {r['id']!r} in entities.csv"))
        if r["kind"] == "dimension" and r["id"] not in dimensions:
            errors.append(DataError("synonyms.csv", r["_line"], "id", f"no dimension {r['id']!r} in entities.csv"))
    term_owner: dict[tuple[str, str, str], tuple[str, int]] = {}
    for r in tables.get("synonyms", []):
        k = (r["kind"], r["lang"], r["term"].lower())
        if k in term_owner and term_owner[k][0] != r["id"]:
            errors.append(DataError("synonyms.csv", r["_line"], "term", f"{r['term']!r} already means {term_owner[k][0]!r} (line {term_owner[k][1]})"))
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


def breakdown_warnings(rows: list[dict[str, Any]]) -> list[str]:
    """Breakdowns that exceed their total: worth a warning (the material has one), not an error."""
    totals = {(r["citizens"], r["destination"], r["period"]): r["value"] for r in rows if r["dimension"] == "total"}
    sums: dict[tuple, int] = {}
    for r in rows:
        if r["dimension"] != "total":
            k = (r["citizens"], r["destination"], r["period"], r["dimension"])
            sums[k] = sums.get(k, 0) + (r["value"] or 0)
    out = []
    for (c, d, p, dim), s in sorted(sums.items()):
        t = totals.get((c, d, p))
        if t is not None and s > t:
            out.append(f"{c}->{d} {p}: the {dim} breakdown sums to {s}, more than the total {t}")
    return out


_DDL = {
    "meta": "key VARCHAR PRIMARY KEY, value VARCHAR",
    "sources": "source_id VARCHAR PRIMARY KEY, name VARCHAR, kind VARCHAR, published VARCHAR, derived_from VARCHAR, description VARCHAR, url VARCHAR, title VARCHAR, cite_as VARCHAR",
    "entities": "kind VARCHAR, id VARCHAR, label VARCHAR, people VARCHAR, phrase VARCHAR",
    "synonyms": "kind VARCHAR, id VARCHAR, term VARCHAR, role VARCHAR, lang VARCHAR",
    "cues": "cue VARCHAR, lang VARCHAR, phrases VARCHAR",
    "figures": "figure_id VARCHAR PRIMARY KEY, citizens VARCHAR, destination VARCHAR, period VARCHAR, dimension VARCHAR, category VARCHAR, value BIGINT, source_id VARCHAR, note VARCHAR, locator VARCHAR, p_start INTEGER, p_end INTEGER",
    "facts": "fact_id VARCHAR PRIMARY KEY, topic VARCHAR, kind VARCHAR, subject VARCHAR, statement VARCHAR, quote VARCHAR, speaker VARCHAR, date VARCHAR, place VARCHAR, source_id VARCHAR, keywords VARCHAR, locator VARCHAR",
    "caveats": "caveat_id VARCHAR PRIMARY KEY, citizens VARCHAR, destination VARCHAR, period VARCHAR, dimension VARCHAR, category VARCHAR, kind VARCHAR, text VARCHAR",
    "translations": "kind VARCHAR, id VARCHAR, field VARCHAR, lang VARCHAR, text VARCHAR",
}


@dataclass
class Snapshot:
    """One loaded, immutable version of the data, with its own DuckDB connection."""

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

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor for the calling thread: DuckDB connections are not shared across threads."""
        cur = getattr(self._local, "cursor", None)
        if cur is None:
            cur = self.con.cursor()
            self._local.cursor = cur
        return cur

    @property
    def meta(self) -> dict[str, str]:
        return {r["key"]: r["value"] for r in self.tables["meta"]}

    @property
    def report_date(self) -> date:
        return date.fromisoformat(self.meta["report_date"])

    def counts(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in self.tables.items()}

    def close(self) -> None:
        self.con.close()


def read_dir(data_dir: Path) -> dict[str, bytes]:
    """The raw bytes of every source file; a missing file is an error named by the loader."""
    return {name: (data_dir / TABLES[name].file).read_bytes() for name in LOAD_ORDER
            if (data_dir / TABLES[name].file).exists()}


def validate(files: dict[str, bytes], limits: dict[str, tuple[int, int]] | None = None,
             texts: dict[str, str] | None = None) -> tuple[dict[str, list[dict[str, Any]]], list[DataError]]:
    """Parse every file and cross-check them; return typed tables and all errors found.

    ``limits`` gives (max bytes, max rows) for some tables, for files uploaded through the bot.
    ``texts`` are the source texts present ({source_id: text}): each located sentence must
    contain the figure it backs (see handlers/locators.py).
    """
    tables: dict[str, list[dict[str, Any]]] = {}
    errors: list[DataError] = []
    for name in LOAD_ORDER:
        if name not in files:
            if name in OPTIONAL_TABLES:
                tables[name] = []
                continue
            errors.append(DataError(TABLES[name].file, 1, None, "file is missing"))
            continue
        max_bytes, max_rows = (limits or {}).get(name, (MAX_FILE_BYTES, MAX_ROWS))
        rows, errs = parse_table(TABLES[name], files[name], max_bytes=max_bytes, max_rows=max_rows)
        tables[name] = rows
        errors.extend(errs)
    if not errors:
        errors.extend(cross_check(tables))
    if not errors:
        errors.extend(DataError(*p) for p in locators.check(tables, texts or {}))
    return tables, errors


def build_snapshot(files: dict[str, bytes], version: str | None = None,
                   limits: dict[str, tuple[int, int]] | None = None, texts: dict[str, str] | None = None) -> Snapshot:
    """Validate and load files into a fresh in-memory DuckDB; raise DataLoadError on any problem."""
    tables, errors = validate(files, limits, texts)
    if errors:
        raise DataLoadError(errors)
    con = duckdb.connect(":memory:")
    for name in LOAD_ORDER:
        _insert(con, name, tables[name])
    digest = hashlib.sha256(b"".join(files.get(n, b"") for n in LOAD_ORDER)).hexdigest()[:10]
    return Snapshot(con=con, tables=tables, version=version or digest, loaded_at=datetime.now(timezone.utc),
                    warnings=breakdown_warnings(tables["figures"]), files=dict(files), texts=dict(texts or {}))


def load_dir(data_dir: Path, version: str | None = None) -> Snapshot:
    """Load the CSV files of a data directory (as they are on disk, ignoring versions)."""
    return build_snapshot(read_dir(data_dir), version, texts=locators.read_texts(data_dir))


def _insert(con: duckdb.DuckDBPyConnection, name: str, rows: list[dict[str, Any]]) -> None:
    con.execute(f"CREATE TABLE {name} ({_DDL[name]})")  # name and DDL come from the whitelist above
    header = list(TABLES[name].header)
    cols = header + (["p_start", "p_end"] if name == "figures" else [])
    if not rows:
        return
    # a few hundred distinct periods, parsed once
    parsed = {r["period"]: parse_code(r["period"]) for r in rows} if name == "figures" else {}
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
        con.execute(sql, data)


def iter_errors(exc: DataLoadError) -> Iterable[str]:
    """Error lines for display."""
    return (str(e) for e in exc.errors)
