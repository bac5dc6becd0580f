"""Data administration that does not depend on Telegram: comparing snapshots and tables, and
merging an upload into data that changed after its preview was computed.

A preview is pinned to the files it was computed against (its base). If another change was
applied before Confirm, ``merge_table`` applies the upload's own row changes (by key) on top of
what is served now, but only when the two changes touch different rows; otherwise it returns None
and the admin is shown a new preview. Nothing is ever silently reverted.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from handlers.store import Snapshot, TableSpec, parse_table


def figure_diff(old: Snapshot, new: Snapshot) -> dict[str, list[dict[str, Any]]]:
    """Figures added, changed (value) and removed between two snapshots, by figure_id."""
    # Two connections cannot join each other's tables; ids and values only, held for this diff.
    before, after = old.all_figure_values(), new.all_figure_values()
    return {
        "added": [{"figure_id": k, "new": after[k]} for k in sorted(after.keys() - before.keys())],
        "changed": [{"figure_id": k, "old": before[k], "new": after[k]}
                    for k in sorted(after.keys() & before.keys()) if before[k] != after[k]],
        "removed": [{"figure_id": k, "old": before[k]} for k in sorted(before.keys() - after.keys())],
    }


def table_diff(old: bytes, new: bytes, spec: TableSpec) -> dict[str, int]:
    """Rows added, changed and removed between two versions of a (valid) non-figure table."""
    before = {tuple(r[k] for k in spec.key): r for r in parse_table(spec, old)[0]} if old else {}
    after = {tuple(r[k] for k in spec.key): r for r in parse_table(spec, new)[0]}

    def same(a: dict[str, Any], b: dict[str, Any]) -> bool:
        return all(a[c] == b[c] for c in spec.header)

    return {"added": len(after.keys() - before.keys()), "removed": len(before.keys() - after.keys()),
            "changed": sum(1 for k in after.keys() & before.keys() if not same(after[k], before[k]))}


Records = dict[tuple[str, ...], list[str]]


def _records(spec: TableSpec, raw: bytes) -> Records:
    """A valid file's rows as their cells (stripped), by key, in file order."""
    reader = csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
    next(reader, None)  # the header, already checked by the validator
    index = [spec.header.index(k) for k in spec.key]
    out: Records = {}
    for record in reader:
        if not record or not "".join(record).strip():
            continue
        cells = [c.strip() for c in record]
        out[tuple(cells[i].upper() if spec.columns[i].type == "period" else cells[i] for i in index)] = cells
    return out


def row_changes(spec: TableSpec, old: bytes, new: bytes) -> dict[tuple[str, ...], list[str] | None]:
    """The keys whose row differs between two valid versions of a table: new cells, or None if removed."""
    a, b = _records(spec, old), _records(spec, new)
    changes: dict[tuple[str, ...], list[str] | None] = {k: None for k in a.keys() - b.keys()}
    changes.update({k: v for k, v in b.items() if a.get(k) != v})
    return changes


def merge_table(spec: TableSpec, base: bytes, current: bytes, upload: bytes) -> bytes | None:
    """``current`` with the upload's own changes (``base`` -> ``upload``) applied, by key.

    None when the upload and the change that landed since (``base`` -> ``current``) touch a
    common row: that is a conflict for the admin to review, never something to resolve silently.
    """
    mine = row_changes(spec, base, upload)
    theirs = row_changes(spec, base, current)
    if mine.keys() & theirs.keys():
        return None
    merged = _records(spec, current)
    for key, cells in mine.items():
        if cells is None:
            merged.pop(key, None)
        else:
            merged[key] = cells
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(spec.header)
    writer.writerows(merged.values())
    return out.getvalue().encode("utf-8")
