"""Answer rendering: one jinja2 Environment, one template source for Telegram HTML and plain text.

Templates in ``answers/<lang>/`` produce Telegram HTML with autoescaping on for every file
(``select_autoescape`` would not escape ``*.j2``). Plain text is derived from the same output by
dropping tags and unescaping, so the console and Telegram can never disagree about a figure.
Formatting filters are registered here once; templates receive finished values.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

ANSWERS_DIR = Path(__file__).resolve().parent.parent / "answers"
TELEGRAM_TEXT_LIMIT = 4096
TELEGRAM_CAPTION_LIMIT = 1024


def fmt_num(value: Any) -> str:
    """1234 -> "1,234"; None -> "n/a" (never an invented zero)."""
    if value is None:
        return "n/a"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.1f}"
    return f"{int(value):,}"


def fmt_signed(value: Any) -> str:
    """+152 / −60 / 0, with a real minus sign."""
    if value is None:
        return "n/a"
    v = int(value)
    return f"+{v:,}" if v > 0 else (f"−{abs(v):,}" if v < 0 else "0")


def fmt_pct(value: Any, signed: bool = False) -> str:
    """71.4 -> "71.4%" (one decimal, as computed in SQL)."""
    if value is None:
        return "n/a"
    v = float(value)
    if signed:
        return (f"+{v:.1f}%" if v > 0 else (f"−{abs(v):.1f}%" if v < 0 else "0.0%"))
    return f"{v:.1f}%"


def fmt_ratio(value: Any) -> str:
    """1.71 -> "1.71" (two decimals, as computed in SQL)."""
    return "n/a" if value is None else f"{float(value):.2f}"


class Renderer:
    """Holds the jinja2 Environment; built once at start-up."""

    def __init__(self, answers_dir: Path = ANSWERS_DIR) -> None:
        self.env = Environment(
            loader=FileSystemLoader(str(answers_dir)),
            autoescape=True,  # every template is HTML for Telegram; escape all of them
            undefined=StrictUndefined,  # a missing value is a bug, not an empty string in an answer
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        self.env.filters.update(num=fmt_num, signed=fmt_signed, pct=fmt_pct, ratio=fmt_ratio)

    def html(self, template: str, lang: str = "en", **values: Any) -> str:
        """Render ``answers/<lang>/<template>.j2`` to Telegram HTML."""
        out = self.env.get_template(f"{lang}/{template}.j2").render(**values)
        return re.sub(r"\n{3,}", "\n\n", out).strip()


_TAG_RE = re.compile(r"<a\s+href=\"([^\"]*)\">(.*?)</a>|<[^>]+>", re.S)


def to_plain(html_text: str) -> str:
    """Telegram HTML -> plain text: links keep their address, tags go, entities are decoded."""
    def repl(m: re.Match[str]) -> str:
        if m.group(1) is not None:
            return f"{m.group(2)} ({m.group(1)})"
        return ""
    return html.unescape(_TAG_RE.sub(repl, html_text))


def split_message(text: str, limit: int = TELEGRAM_TEXT_LIMIT - 96) -> list[str]:
    """Split an answer at line breaks into chunks below Telegram's limit.

    Templates never open a tag on one line and close it on another, so a split between lines
    keeps every chunk valid HTML. A single over-long line (none of ours is) is cut hard.
    """
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            if current:
                chunks.append(current)
                current = ""
            chunks.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            chunks.append(current)
            current = line
        else:
            current = candidate
    if current or not chunks:
        chunks.append(current)
    return chunks
