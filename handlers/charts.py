"""Charts as PNG bytes, drawn with matplotlib's Agg backend (no display needed).

Pure: a chart is drawn from a finished :class:`ChartSpec` (labels, values, title, caption) that
the pipeline computed from the data; nothing here knows about Telegram or the database.
"""

from __future__ import annotations

import io
from dataclasses import dataclass


@dataclass(frozen=True)
class ChartSpec:
    """What to draw: bars with labels and values, a title, a caption naming period and source."""

    kind: str  # "trend" | "purpose" | "transport" (any dimension id)
    title: str
    labels: tuple[str, ...]
    values: tuple[int, ...]
    caption: str
    note: str = ""
    figure_ids: tuple[str, ...] = ()  # the stored figures plotted, for the chart's CSV


def render_png(spec: ChartSpec) -> bytes:
    """Draw the chart and return PNG bytes."""
    # Imported on the first chart, not with the pipeline: matplotlib costs ~0.6 s and ~40 MB at
    # start-up, and most runs (the console, most bot sessions) never draw a chart.
    import matplotlib

    matplotlib.use("Agg")  # before pyplot: a server has no display
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4), dpi=110)
    try:
        horizontal = spec.kind != "trend"
        if horizontal:
            ax.barh(list(reversed(spec.labels)), list(reversed(spec.values)), color="#1f5f8b")
            for y, v in enumerate(reversed(spec.values)):
                ax.text(v, y, f" {v:,}", va="center", fontsize=9)
            ax.set_xlabel("people")
        else:
            ax.bar(spec.labels, spec.values, color="#1f5f8b")
            for x, v in enumerate(spec.values):
                ax.text(x, v, f"{v:,}", ha="center", va="bottom", fontsize=9)
            ax.set_ylabel("people")
        ax.set_title(spec.title, fontsize=11)
        ax.spines[["top", "right"]].set_visible(False)
        footer = spec.caption + (f"\n{spec.note}" if spec.note else "")
        fig.text(0.01, 0.01, footer, fontsize=7, color="#555555", ha="left", va="bottom")
        fig.tight_layout(rect=(0, 0.08, 1, 1))
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
        return buf.getvalue()
    finally:
        plt.close(fig)
