"""Charts as PNG bytes, drawn with matplotlib's Agg backend (no display needed).

Pure: a chart is drawn from a finished :class:`ChartSpec` (labels, values, title, caption, axis
name, value labels) that the pipeline computed from the data in the answer's language; nothing
here knows about Telegram or the database, and no text is made up here.

Text is set in DejaVu Sans (matplotlib's own: Latin and Cyrillic) with NanumGothic as the
fallback for Hangul. NanumGothic comes from the ``koreanize-matplotlib`` package, a dependency in
pyproject.toml; its file is located without importing that package, because importing it
changes matplotlib's global settings.
"""

from __future__ import annotations

import importlib.util
import io
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FONT_FAMILY = ["DejaVu Sans", "NanumGothic"]  # the first font with a glyph draws it
FIG_SIZE = (7.0, 4.0)  # inches
DPI = 110
FOOTER_SIZE = 7  # points
MARGIN = 0.01  # of the figure width, left and right of the footer


@dataclass(frozen=True)
class ChartSpec:
    """What to draw: bars with labels and values, a title, a caption naming period and source."""

    kind: str  # "trend" | "purpose" | "transport" (any dimension id)
    title: str
    labels: tuple[str, ...]
    values: tuple[float, ...]
    caption: str
    note: str = ""
    figure_ids: tuple[str, ...] = ()  # the stored figures plotted, for the chart's CSV
    axis: str = "people"
    value_labels: tuple[str, ...] = ()  # the number printed on each bar; the value itself if empty
    averaged: tuple[bool, ...] = ()  # bars that stand for a longer period's average (drawn hatched)


def font_path() -> Path | None:
    """NanumGothic.ttf inside the installed koreanize-matplotlib package, or None if absent."""
    spec = importlib.util.find_spec("koreanize_matplotlib")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "fonts" / "NanumGothic.ttf"
    return path if path.exists() else None


_fonts_added = False


def _use_fonts(matplotlib: Any) -> None:
    global _fonts_added
    if not _fonts_added:
        path = font_path()
        if path is not None:
            from matplotlib import font_manager

            font_manager.fontManager.addfont(str(path))
        _fonts_added = True


def _fit(fig: Any, artist: Any) -> Any:
    """Wrap a text artist's lines until it fits inside the figure's width (less the margins):
    Korean and Russian captions run longer than English ones, and a cut source line is a lost
    source."""
    renderer = fig.canvas.get_renderer()
    width = fig.get_figwidth() * fig.dpi * (1 - 2 * MARGIN)
    text = artist.get_text()
    columns = max(len(line) for line in text.splitlines())
    while artist.get_window_extent(renderer).width > width and columns > 20:
        columns = int(columns * 0.9)
        artist.set_text("\n".join(textwrap.fill(line, columns, break_long_words=False) for line in text.splitlines()))
    return artist


def render_png(spec: ChartSpec) -> bytes:
    """Draw the chart and return PNG bytes."""
    # Imported on the first chart, not with the pipeline: matplotlib costs ~0.6 s and ~40 MB at
    # start-up, and most runs (the console, most bot sessions) never draw a chart.
    import matplotlib

    matplotlib.use("Agg")  # before pyplot: a server has no display
    import matplotlib.pyplot as plt

    _use_fonts(matplotlib)
    with matplotlib.rc_context({"font.family": FONT_FAMILY}):
        fig, ax = plt.subplots(figsize=FIG_SIZE, dpi=DPI)
        try:
            values = list(spec.values)
            shown = list(spec.value_labels) or [f"{v:,}" for v in values]
            hatched = list(spec.averaged) or [False] * len(values)
            colours = ["#9bbbd4" if h else "#1f5f8b" for h in hatched]
            hatches = ["//" if h else "" for h in hatched]
            horizontal = spec.kind != "trend"
            if horizontal:
                bars = ax.barh(list(reversed(spec.labels)), list(reversed(values)), color=list(reversed(colours)))
                for bar, h in zip(bars, reversed(hatches)):
                    bar.set_hatch(h)
                for y, (v, text) in enumerate(zip(reversed(values), reversed(shown))):
                    ax.text(v, y, f" {text}", va="center", fontsize=9)
                ax.set_xlabel(spec.axis)
                ax.margins(x=0.15)  # room for the number after the longest bar
            else:
                bars = ax.bar(spec.labels, values, color=colours)
                for bar, h in zip(bars, hatches):
                    bar.set_hatch(h)
                for x, (v, text) in enumerate(zip(values, shown)):
                    ax.text(x, v, text, ha="center", va="bottom", fontsize=9)
                ax.set_ylabel(spec.axis)
                ax.margins(y=0.12)
            _fit(fig, fig.suptitle(spec.title, fontsize=11))  # centred on the figure, so it fits its width
            ax.spines[["top", "right"]].set_visible(False)
            footer = _fit(fig, fig.text(MARGIN, 0.01, spec.caption + (f"\n{spec.note}" if spec.note else ""),
                                        fontsize=FOOTER_SIZE, color="#555555", ha="left", va="bottom"))
            lines = footer.get_text().count("\n") + 1
            # Room at the bottom for the footer's lines (points -> fraction of the figure's height).
            bottom = min(0.4, 0.02 + lines * FOOTER_SIZE * 1.35 / 72 / FIG_SIZE[1])
            fig.tight_layout(rect=(0, bottom, 1, 1))
            buf = io.BytesIO()
            fig.savefig(buf, format="png")
            return buf.getvalue()
        finally:
            plt.close(fig)
