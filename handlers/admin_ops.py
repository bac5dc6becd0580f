"""Data administration that does not depend on Telegram: comparing two snapshots."""

from __future__ import annotations

from typing import Any

from handlers.store import Snapshot, TableSpec


def figure_diff(old: Snapshot, new: Snapshot) -> dict[str, list[dict[str, Any]]]:
    """Figures added, changed (value) and removed between two snapshots, by figure_id."""
    before = {r["figure_id"]: r for r in old.tables["figures"]}
    after = {r["figure_id"]: r for r in new.tables["figures"]}
    return {
        "added": [{"figure_id": k, "new": after[k]["value"]} for k in sorted(after.keys() - before.keys())],
        "changed": [{"figure_id": k, "old": before[k]["value"], "new": after[k]["value"]}
                    for k in sorted(after.keys() & before.keys()) if before[k]["value"] != after[k]["value"]],
        "removed": [{"figure_id": k, "old": before[k]["value"]} for k in sorted(before.keys() - after.keys())],
    }


def table_diff(old: bytes, new: bytes, spec: TableSpec) -> dict[str, int]:
    """Rows added, changed and removed between two versions of a (valid) non-figure table."""
    from handlers.store import parse_table

    before = {tuple(r[k] for k in spec.key): r for r in parse_table(spec, old)[0]} if old else {}
    after = {tuple(r[k] for k in spec.key): r for r in parse_table(spec, new)[0]}

    def same(a: dict[str, Any], b: dict[str, Any]) -> bool:
        return all(a[c] == b[c] for c in spec.header)

    return {"added": len(after.keys() - before.keys()), "removed": len(before.keys() - after.keys()),
            "changed": sum(1 for k in after.keys() & before.keys() if not same(after[k], before[k]))}
