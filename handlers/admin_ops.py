"""Data administration that does not depend on Telegram: comparing two snapshots."""

from __future__ import annotations

from typing import Any

from handlers.store import Snapshot


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
