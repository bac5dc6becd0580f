"""The hostile uploads of the admin attack suite (tests/test_admin_attacks.py), one place.

Each ``Attack`` is a file an admin (or someone holding an admin's phone) could send: what it is,
the table it targets, its bytes, the text its refusal must contain (always the file, the line and,
for a cell, the column), and what refusing it proves. They are built from the real data files by
changing one thing, so each refusal is about that one thing.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from tests.conftest import DATA_DIR


@dataclass(frozen=True)
class Attack:
    """One hostile upload and what its refusal must say."""

    name: str
    table: str
    content: bytes
    expect: tuple[str, ...]  # substrings of the refusal (location first)
    proves: str


def _text(table: str) -> str:
    return (DATA_DIR / f"{table}.csv").read_text(encoding="utf-8")


def _join(lines: list[str]) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


def _row_line(table: str, key: str) -> int:
    """1-based line of the row whose first cell is ``key`` (the data files have one line a row)."""
    return next(i for i, line in enumerate(_text(table).splitlines(), start=1) if line.split(",", 1)[0] == key)


def with_cell(table: str, key: str, column: str, value: str) -> tuple[bytes, str]:
    """The table with one cell replaced (quoted as csv needs), and where the refusal must point."""
    lines = _text(table).splitlines()
    header = lines[0].split(",")
    n = _row_line(table, key)
    cells = next(csv.reader([lines[n - 1]]))
    cells[header.index(column)] = value
    lines[n - 1] = _row(cells)
    return _join(lines), f"{table}.csv line {n}, column '{column}'"


def _row(cells: list[str]) -> str:
    """One CSV record; the \r\n terminator makes csv quote cells holding \r or \n."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(cells)
    return out.getvalue()[:-2]


def with_rows(table: str, *rows: str) -> tuple[bytes, int]:
    """The table with raw lines appended; returns the content and the first new line's number."""
    lines = _text(table).rstrip("\n").splitlines()
    return _join(lines + list(rows)), len(lines) + 1


Q3 = "kp-ru-2023q3"


def _value(name: str, value: str, expect: str, proves: str) -> Attack:
    content, where = with_cell("figures", Q3, "value", value)
    return Attack(name, "figures", content, (where, expect), proves)


def _cell(name: str, table: str, key: str, column: str, value: str, expect: str, proves: str) -> Attack:
    content, where = with_cell(table, key, column, value)
    return Attack(name, table, content, (where, expect), proves)


def build() -> list[Attack]:
    """Every hostile upload of the suite."""
    a: list[Attack] = []
    fig = _text("figures")
    header = fig.split("\n", 1)[0]
    pad = "," * (len(header.split(",")) - 8)  # empty cells after source_id: note and whatever follows
    counts = "a count must be ASCII digits within BIGINT"
    for name, value in [("full-width digits", "３６６"), ("Arabic-Indic digits", "٣٦٦"),
                        ("Devanagari digits", "३६६"), ("superscript digits", "³⁶⁶"),
                        ("underscore separator", "3_66"), ("decimal point", "366.0"), ("exponent", "3.66e2"),
                        ("leading plus", "+366"), ("hex", "0x16e"), ("unit after number", "366 people"),
                        ("zero-width space inside", "36\u200b6"), ("NaN", "NaN"), ("infinity", "inf"),
                        ("bad thousands grouping", "3,66"), ("space inside", "3 66"),
                        ("mixed ASCII and full-width", "36６")]:
        a.append(_value(f"count: {name}", value, "is not a whole number", counts))
    a.append(_value("count: 2^63", str(2**63), "too large", "counts past BIGINT are refused, not left to DuckDB"))
    a.append(_value("count: 10^30", "1" + "0" * 30, "not a whole number", "absurdly long counts are refused"))
    a.append(_value("count: negative", "-5", "negative", "counts cannot be negative"))
    a.append(_value("count: negative zero", "-0", "negative", "a sign is not a digit"))
    a.append(_value("count: empty", "", "a value is required", "a missing count is not zero"))
    ident = "ids come from a strict ASCII set"
    for name, value in [("right-to-left override in id", "\u202ekp-ru-2023q3"), ("bell character in id", "kp-ru-2023q3\x07"),
                        ("tab in id", "kp-ru\t2023q3")]:
        a.append(_cell(f"id: {name}", "figures", Q3, "figure_id", value, "invisible character", ident))
    for name, value in [("newline in id", "kp-ru\n2023q3"), ("zero-width space in id", "kp-ru-2023q3\u200b"), ("Cyrillic homoglyph in id", "kр-ru-2023q3"),
                        ("space in id", "kp ru 2023q3"), ("65-character id", "k" * 65), ("emoji id", "kp-ru-🇰🇵"),
                        ("slash in id", "kp/ru/2023q3"), ("quote in id", "kp'ru")]:
        a.append(_cell(f"id: {name}", "figures", Q3, "figure_id", value, "identifier", ident))
    formula = "formula-like cells are refused even in key columns"
    for name, column, value in [("leading minus id", "figure_id", "-a1"), ("command id", "figure_id", "-cmd"),
                                ("HYPERLINK id", "figure_id", '=HYPERLINK("http://x","y")'),
                                ("plus id", "figure_id", "+1"), ("at-sign id", "figure_id", "@SUM(A1)"),
                                ("minus key column", "citizens", "-north_korea"),
                                ("DDE note", "note", "=cmd|' /C calc'!A0"), ("plus note", "note", "+SUM(1,2)"),
                                ("at note", "note", "@import"), ("minus note", "note", "-2+3")]:
        a.append(_cell(f"formula: {name}", "figures", Q3, column, value, "formula", formula))
    key = "key columns are lowercase ASCII identifiers"
    for name, value in [("uppercase", "North_Korea"), ("space", "north korea"), ("full-width", "ｎｏｒｔｈ"),
                        ("Cyrillic homoglyph", "russiа"), ("right-to-left override", "russia\u202e"),
                        ("newline", "north\nkorea")]:
        expect = "invisible character" if "\u202e" in value else "lowercase identifier"
        a.append(_cell(f"key: {name}", "figures", Q3, "destination", value, expect, key))
    invisible = "control and bidi characters never reach a preview or an answer"
    for name, value in [("right-to-left override", "whole\u202eyear"), ("left-to-right isolate", "a\u2066b"),
                        ("bell", "note\x07"), ("escape sequence", "\x1b[31mred"), ("C1 control", "a\x85b"),
                        ("carriage return", "a\rb"), ("byte-order mark inside", "a\ufeffb")]:
        a.append(_cell(f"text: {name}", "figures", Q3, "note", value, "invisible character", invisible))
    period = "periods are ASCII codes the report can have"
    for name, value, expect in [("full-width year", "２０２３-Q3", "is not YYYY"), ("Arabic-Indic year", "٢٠٢٣-Q3", "is not YYYY"),
                                ("quarter 5", "2023-Q5", "period"), ("month 13", "2023-13", "period"),
                                ("no dash", "2023Q3", "is not YYYY")]:
        a.append(_cell(f"period: {name}", "figures", Q3, "period", value, expect, period))
    refs = "cross-references must resolve"
    a.append(_cell("reference: unknown source", "figures", Q3, "source_id", "tass", "unknown source id", refs))
    a.append(_cell("reference: unknown country", "figures", Q3, "citizens", "atlantis", "unknown country", refs))
    a.append(_cell("reference: unknown category", "figures", "kp-ru-2023q3-business", "category", "zeppelin",
                   "unknown purpose category", refs))
    a.append(_cell("reference: total with a category", "figures", Q3, "category", "air", "category 'all'", refs))
    a.append(_cell("meta: default_citizens unknown", "meta", "default_citizens", "value", "atlantis",
                   "not a country", "meta defaults name known countries"))
    a.append(_cell("meta: default_destination unknown", "meta", "default_destination", "value", "narnia",
                   "not a country", "meta defaults name known countries"))
    a.append(_cell("meta: report_date not a date", "meta", "report_date", "value", "2024-13-45",
                   "not a date", "a bad report_date is located on its own line"))
    a.append(_cell("meta: report_date full-width", "meta", "report_date", "value", "２０２４-01-23",
                   "not a date", "a bad report_date is located on its own line"))
    a.append(_cell("sources: derived from itself", "sources", "nknews", "derived_from", "nknews",
                   "derived from itself", "a source chain cannot name itself"))
    cycle, _ = with_cell("sources", "fsb", "derived_from", "donga")
    a.append(Attack("sources: three-source cycle", "sources", cycle,
                    (f"sources.csv line {_row_line('sources', 'fsb')}, column 'derived_from'", "cycle"),
                    "a source chain cannot loop (the Source line would repeat it forever)"))
    lines = _text("sources").splitlines()
    fsb = _row_line("sources", "fsb")
    cells = next(csv.reader([lines[fsb - 1]]))
    cells[4] = "nknews"
    lines[fsb - 1] = _row(cells)
    a.append(Attack("sources: two-source cycle", "sources", _join(lines),
                    (f"sources.csv line {fsb}, column 'derived_from'", "cycle"), "a source chain cannot loop"))
    a.append(_cell("sources: unknown parent", "sources", "donga", "derived_from", "pravda", "unknown source id", refs))
    struct = "a malformed file is refused with its line, never half-read"
    content, n = with_rows("figures", "x-1,north_korea,russia")
    a.append(Attack("structure: too few fields", "figures", content, (f"line {n}, column", "fields"), struct))
    content, n = with_rows("figures", "x-2,north_korea,russia,2023-Q3,total,all,1,donga" + pad + ",extra")
    a.append(Attack("structure: too many fields", "figures", content, (f"line {n}, column", "fields"), struct))
    content, n = with_rows("figures", 'x-3,north_korea,russia,2023-Q3,transport,air,1,donga,"open')
    a.append(Attack("structure: unterminated quote", "figures", content, (f"line {n}",), struct))
    a.append(Attack("structure: duplicate key", "figures", _join(fig.splitlines() + [fig.splitlines()[4]]),
                    ("line", "column 'figure_id'", "duplicate key"), "keys are unique"))
    content, n = with_rows("figures", "x-4,north_korea,russia,2023-Q3,total,all,1,donga" + pad)
    a.append(Attack("structure: same figure twice", "figures", content, (f"line {n}, column", "same figure"),
                    "one figure per direction, period and category"))
    a.append(Attack("structure: semicolon delimiter", "figures", fig.replace(",", ";").encode(),
                    ("line 1, column", "delimiter"), struct))
    a.append(Attack("structure: wrong header name", "figures", fig.replace("figure_id,", "id,", 1).encode(),
                    ("line 1, column 'figure_id'", "header must be exactly"), struct))
    a.append(Attack("structure: header out of order", "figures",
                    fig.replace("citizens,destination", "destination,citizens", 1).encode(),
                    ("line 1, column 'citizens'", "out of order"), struct))
    a.append(Attack("structure: empty file", "figures", b"", ("line 1", "empty"), struct))
    a.append(Attack("structure: header only", "figures", (header + "\n").encode(), ("line 2", "no rows"), struct))
    a.append(Attack("structure: UTF-16 file", "figures", fig.encode("utf-16"), ("line 1, column", "NUL"),
                    "a binary or UTF-16 file is refused at its first NUL, with the column"))
    latin, where = with_cell("figures", Q3, "note", "caf\u00e9")
    a.append(Attack("encoding: Latin-1 byte", "figures", latin.replace("caf\u00e9".encode(), b"caf\xe9"),
                    (where, "not UTF-8"), "a bad byte is located by line and column"))
    nul, where = with_cell("figures", Q3, "note", "nul here")
    a.append(Attack("encoding: NUL byte in a cell", "figures", nul.replace(b"nul here", b"nul\x00here"),
                    (where, "NUL"), "a NUL is located by line and column"))
    a.append(Attack("encoding: PNG image", "figures", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64,
                    ("line", "NUL"), "an image is not a table"))
    big = "a huge header or line is refused early, in one problem"
    a.append(Attack("size: 10 MB header of 5,000,001 fields", "figures", b"a," * 5_000_000 + b"a",
                    ("line 1, column 'figure_id'", "header line is"), big))
    a.append(Attack("size: 120,000-character header name", "figures",
                    (header.replace("note", "n" * 120_000) + "\n" + fig.split("\n", 1)[1]).encode(),
                    ("line 1, column 'figure_id'", "header line is"), big))
    content, n = with_rows("figures", "x-5," + "a," * 100_000 + "a")
    a.append(Attack("size: 100,002 fields in a data line", "figures", content, (f"line {n}, column", "fields"), big))
    content, n = with_rows("figures", "x-6," + "a" * 1_200_000)
    a.append(Attack("size: 1,200,000-character data line", "figures", content, (f"line {n}", "characters long"), big))
    a.append(_cell("size: 120,000-character note", "figures", Q3, "note", "n" * 120_000, "characters long",
                   "a giant cell is refused and not quoted whole"))
    eight = fig.splitlines()
    for i in range(1, 9):
        cells = next(csv.reader([eight[i]]))
        cells[header.split(",").index("note")] = "w" * 120_000
        eight[i] = _row(cells)
    a.append(Attack("size: eight 120,000-character cells", "figures", _join(eight),
                    ("line 2, column 'note'", "8 problem(s)"), "eight giant cells give one bounded message"))
    long_keys = [header] + [f"r-{i},{'X' * 200},russia,2023-Q3,transport,air,1,donga{pad}" for i in range(25)]
    a.append(Attack("size: 25 problems of the longest kind", "figures", _join(long_keys),
                    ("line 2, column 'citizens'", "25 problem(s)"), "the longest problems still fit one message"))
    every = [header] + [f"r-{i},north_korea,russia,2023-Q3,transport,air,３,donga{pad}" for i in range(20_000)]
    a.append(Attack("size: 20,000 bad rows", "figures", _join(every),
                    ("line 2, column 'value'", "and 19980 more"), "every row bad: 20 listed, the rest in a file"))
    hostile = [header] + [f"-{i}\u202e,Bad,B d,２０２３,Bad,Bad,３{'x' * 140},tass,=1{pad[1:]}" for i in range(50_000)]
    a.append(Attack("size: 10 MB, 8 bad cells in each of 50,000 rows", "figures", _join(hostile),
                    ("line 2, column 'figure_id'", "400000 problem(s)", "and 399980 more"),
                    "400,000 problems: one message, a file with the first 2,000, bounded memory"))
    rows = [header] + [f"r-{i},north_korea,russia,2023-Q3,transport,air,1,donga{pad}" for i in range(50_001)]
    a.append(Attack("size: 50,001 rows", "figures", _join(rows), ("line 50002", "the limit is 50,000"),
                    "the upload row limit holds"))
    other = "every table gets the same checks"
    a.append(_cell("facts: formula statement", "facts", "lankov-who", "statement", "=1+1", "formula", other))
    a.append(_cell("facts: unknown source", "facts", "lankov-who", "source_id", "tass", "unknown source id", other))
    a.append(_cell("facts: id with newline", "facts", "lankov-who", "fact_id", "lankov\nwho", "identifier", other))
    a.append(_cell("caveats: unknown country", "caveats", "purpose-gap", "citizens", "atlantis", "unknown country", other))
    a.append(_cell("caveats: bidi text", "caveats", "chain", "text", "FSB \u202egnorw", "invisible character", other))
    a.append(_cell("entities: uppercase id", "entities", "country", "id", "North_Korea", "lowercase identifier", other))
    a.append(_cell("sources: bidi name", "sources", "fsb", "name", "FSB\u202e", "invisible character", other))
    a.append(_cell("sources: published full-width", "sources", "nknews", "published", "２０２４-01-23", "not a date", other))
    return a


ATTACKS = build()
