"""The DuckDB loader of figures.csv against the line-by-line validator it stands in front of.

``build_snapshot`` reads figures.csv with DuckDB's CSV reader and checks it in SQL; only a file
that is not clean there is parsed line by line (handlers/store.py, ``_stage_figures``). These
tests hold the two to the same outcome: every hostile upload of the attack suite, and the cells
DuckDB's own casts are lax about, give exactly the problems the line-by-line validator gives (or
the same rows when it accepts them), and a clean file really takes the DuckDB path.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from handlers import locators, store
from handlers.periods import parse_code
from handlers.store import DataLoadError, build_snapshot, read_dir, validate
from tests.attacks import ATTACKS, with_cell, with_rows
from tests.bench.generate import generate
from tests.conftest import DATA_DIR

Q3 = "kp-ru-2023q3"  # a figure row of the material


def _python_outcome(files: dict[str, bytes], limits: dict[str, tuple[int, int]] | None = None) -> tuple[str, object]:
    """What the line-by-line validator alone says: its problems, or the figure rows it would load."""
    checked = validate(files, limits)  # no DuckDB connection: every table parsed line by line
    if checked.errors:
        return "refused", [str(e) for e in checked.errors]
    return "loaded", [{k: v for k, v in r.items() if k != "_line"} for r in checked.tables["figures"]]


def _loader_outcome(files: dict[str, bytes], limits: dict[str, tuple[int, int]] | None = None) -> tuple[str, object]:
    try:
        snapshot = build_snapshot(files, None, limits)
    except DataLoadError as exc:
        return "refused", [str(e) for e in exc.errors]
    try:
        return "loaded", snapshot.figure_rows()
    finally:
        snapshot.close()


def _staged_outcome(files: dict[str, bytes], limits: dict[str, tuple[int, int]]) -> tuple[str, object]:
    """The DuckDB path under an upload's limits (``build_snapshot`` takes it only without limits)."""
    con = duckdb.connect()
    try:
        checked = validate(files, limits, None, con)
        if checked.errors:
            return "refused", [str(e) for e in checked.errors]
        if "figures" in checked.staged:
            store._insert_staged(con, "figures")
        else:
            store._insert(con, "figures", checked.tables["figures"])
        result = con.execute(store._STORE_SQL["figure_rows"])
        return "loaded", [dict(zip([d[0] for d in result.description], r)) for r in result.fetchall()]
    finally:
        con.close()


def _staged(files: dict[str, bytes]) -> bool:
    con = duckdb.connect()
    try:
        return "figures" in validate(files, None, None, con).staged
    finally:
        con.close()


FIGURE_ATTACKS = [a for a in ATTACKS if a.table == "figures"]


@pytest.fixture(autouse=True)
def _stage_every_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small files normally go line by line (faster below ``STAGE_MIN_BYTES``): here every
    figures.csv takes the DuckDB path, so that path is what meets the hostile files."""
    monkeypatch.setattr(store, "STAGE_MIN_BYTES", 0)


@pytest.mark.parametrize("attack", FIGURE_ATTACKS, ids=[a.name for a in FIGURE_ATTACKS])
def test_a_hostile_figures_file_gets_the_line_by_line_validators_problems(attack) -> None:  # type: ignore[no-untyped-def]
    files = {**read_dir(DATA_DIR), "figures": attack.content}
    limits = {"figures": (10 * 1024 * 1024, 50_000)}
    assert _staged_outcome(files, limits) == _python_outcome(files, limits)
    assert _loader_outcome(files, limits) == _python_outcome(files, limits)  # an upload: line by line
    assert not _staged(files) or attack.name == "size: 50,001 rows"  # valid without the upload's row limit


def _cell(value: str, column: str = "value") -> bytes:
    return with_cell("figures", Q3, column, value)[0]


# Cells DuckDB's casts or reader would take, or that need the validator's stripping and typing.
LAX = {
    "plus sign": _cell("+366"), "underscore digits": _cell("3_66"), "space inside": _cell(" 366"),
    "trailing space": _cell("366 "), "full-width digits": _cell("３６６"), "decimal": _cell("366.0"),
    "exponent": _cell("3e2"), "thousands commas": _cell("1,366"), "hex": _cell("0x16e"),
    "too large": _cell("9223372036854775808"), "negative": _cell("-366"), "empty value": _cell(""),
    "lowercase period": _cell("2023-q3", "period"), "quarter 5": _cell("2023-Q5", "period"),
    "month 13": _cell("2023-13", "period"), "padded country": _cell(" north_korea", "citizens"),
    "unknown country": _cell("atlantis", "citizens"), "unknown category": _cell("teleport", "category"),
    "formula note": _cell("=1+1", "note"), "number note": _cell("-5", "note"),
    "bidi note": _cell("abc\u202edef", "note"), "note with a line break": _cell("two\nlines", "note"),
    "note ending in a line break": _cell("two\n", "note"), "no-break space note": _cell("\u00a0x", "note"),
    "id with a space": _cell("kp ru", "figure_id"), "id starting with a dot": _cell(".kp", "figure_id"),
    "bad locator": _cell("page five", "locator"),
    "empty country": _cell("", "citizens"), "empty period": _cell("", "period"),
    "empty source": _cell("", "source_id"), "empty category": _cell("", "category"),
    "duplicate id": with_rows("figures", f"{Q3},north_korea,russia,2021,total,all,1,donga,,")[0],
    "duplicate figure": with_rows("figures", "kp-ru-x,north_korea,russia,2023-Q3,total,all,1,donga,,")[0],
    "eleven fields": with_rows("figures", "kp-ru-y,north_korea,russia,2021,total,all,1,donga,,,")[0],
    "blank lines": (DATA_DIR / "figures.csv").read_bytes().replace(b"\n", b"\n\n", 3),
    "whitespace line": (DATA_DIR / "figures.csv").read_bytes() + b"   \n",
    "empty fields line": (DATA_DIR / "figures.csv").read_bytes() + b",,,,,,,,,\n",
    "CRLF": (DATA_DIR / "figures.csv").read_bytes().replace(b"\n", b"\r\n"),
    "CR only": (DATA_DIR / "figures.csv").read_bytes().replace(b"\n", b"\r"),
    "mixed line ends": (DATA_DIR / "figures.csv").read_bytes().replace(b"\n", b"\r", 2),
    "no final newline": (DATA_DIR / "figures.csv").read_bytes().rstrip(b"\n"),
    "byte order mark": b"\xef\xbb\xbf" + (DATA_DIR / "figures.csv").read_bytes(),
    "quoted cells": (DATA_DIR / "figures.csv").read_bytes().replace(b",donga,", b',"donga",'),
    "unterminated quote": (DATA_DIR / "figures.csv").read_bytes().replace(b",donga,", b',"donga,', 1),
    "header only": (DATA_DIR / "figures.csv").read_bytes().split(b"\n", 1)[0] + b"\n",
}


@pytest.mark.parametrize("name", sorted(LAX))
def test_cells_duckdb_is_lax_about_get_the_line_by_line_outcome(name: str) -> None:
    files = {**read_dir(DATA_DIR), "figures": LAX[name]}
    assert _loader_outcome(files) == _python_outcome(files), name


def test_the_material_and_a_generated_dataset_take_the_duckdb_path_with_the_same_rows(tmp_path: Path) -> None:
    generate(tmp_path, seed=3, countries=6, quarters=5, questions=10)
    for data_dir in (DATA_DIR, tmp_path):
        files = read_dir(data_dir)
        texts = locators.read_texts(data_dir)
        assert _staged(files), data_dir
        snapshot = build_snapshot(files, texts=texts)
        assert snapshot.figure_rows() == _python_outcome(files)[1]
        assert "figures" not in snapshot.tables  # no Python copy of the rows
        assert snapshot.counts()["figures"] == len(snapshot.figure_rows())


def test_figures_are_stored_by_direction_in_file_order_within_one_on_both_paths(tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The table is stored grouped by direction (so one direction's queries skip the rest), each
    direction's rows in file order (so a list() over them is what it was), the same on the DuckDB
    and the line-by-line path; file order itself is kept in ``line``."""
    import random

    generate(tmp_path, seed=3, countries=6, quarters=5, questions=10)
    raw = (tmp_path / "figures.csv").read_bytes().decode()
    header, *records = raw.splitlines()
    random.Random(5).shuffle(records)  # directions interleaved, as an editor might write them
    files = {**read_dir(tmp_path), "figures": "\n".join([header, *records, ""]).encode()}
    texts = locators.read_texts(tmp_path)
    stored = {}
    for path, threshold in (("duckdb", 0), ("lines", 10 ** 9)):
        monkeypatch.setattr(store, "STAGE_MIN_BYTES", threshold)
        snapshot = build_snapshot(files, texts=texts)
        assert _staged(files) == (path == "duckdb")
        file_ids = [r.split(",", 1)[0] for r in records]
        assert [r["figure_id"] for r in snapshot.figure_rows()] == file_ids
        stored[path] = snapshot.cursor().execute(
            "SELECT citizens, destination, line, figure_id FROM figures ORDER BY rowid").fetchall()
        assert stored[path] == sorted(stored[path])
        assert [(c, d, file_ids.index(i)) for c, d, _, i in stored[path]] == [(c, d, n) for c, d, n, _ in stored[path]]
        citizens, destination = stored[path][0][:2]
        one = snapshot.cursor().execute("SELECT list(figure_id) FROM figures WHERE citizens = $c AND destination = $d",
                                        {"c": citizens, "d": destination}).fetchone()[0]
        direction = {i: (c, d) for c, d, _, i in stored[path]}
        assert one == [i for i in file_ids if direction[i] == (citizens, destination)]
        snapshot.close()
    assert stored["duckdb"] == stored["lines"]


def test_the_sql_month_span_of_a_period_is_parse_codes() -> None:
    codes = ["2023", "2024", *(f"2023-Q{q}" for q in range(1, 5)), "2023-H1", "2023-H2",
             *(f"2023-{m:02d}" for m in range(1, 13)), "1999-12", "2100-Q4"]
    con = duckdb.connect()
    con.execute("CREATE TEMP TABLE figures_raw (figure_id VARCHAR, citizens VARCHAR, destination VARCHAR, "
                "period VARCHAR, dimension VARCHAR, category VARCHAR, value VARCHAR, source_id VARCHAR, "
                "note VARCHAR, locator VARCHAR)")
    con.execute("INSERT INTO figures_raw SELECT 'f' || i, 'a', 'b', p, 'total', 'all', '1', 's', '', '' "
                "FROM (SELECT unnest($codes) AS p, generate_subscripts($codes, 1) AS i)", {"codes": codes})
    store._insert_staged(con, "figures")
    got = {p: (s, e) for p, s, e in con.execute("SELECT period, p_start, p_end FROM figures").fetchall()}
    assert got == {c: (parse_code(c).start, parse_code(c).end) for c in codes}


def test_a_replaced_snapshot_is_freed_at_the_swap_without_waiting_for_the_cyclic_gc(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc
    import weakref

    from handlers.resources import Resources
    from handlers.settings import Settings

    monkeypatch.setattr(store, "STAGE_MIN_BYTES", 256 * 1024)
    res = Resources.build(Settings.from_env({"FACTDESK_DATA_DIR": str(DATA_DIR)}))
    res.pipeline.answer("How many North Koreans entered Russia in Q3 2023?")
    res.pipeline.in_language("ko").answer("2023년 3분기에 러시아에 입국한 북한 사람은 몇 명입니까?")
    served = weakref.ref(res.pipeline.snapshot)
    gc.disable()  # only reference counting may free it: a reload must not hold two snapshots for long
    try:
        res.swap(store.load_dir(DATA_DIR))
        assert served() is None
    finally:
        gc.enable()
