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
from markupsafe import Markup, escape

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


def fmt_avg(value: Any) -> str:
    """121.67 -> "121.7": an average always shows its one decimal, even "4.0"."""
    return "n/a" if value is None else f"{float(value):,.1f}"


def fmt_ratio(value: Any) -> str:
    """1.71 -> "1.71" (two decimals, as computed in SQL)."""
    return "n/a" if value is None else f"{float(value):.2f}"


# Russian typography: a no-break space groups thousands ("1 234") and stands before "%"
# ("71,4 %"); the decimal mark is a comma. Korean writes numbers as English does.
NBSP = "\u00a0"


def _ru(text: str) -> str:
    """An English-formatted number in Russian style: "1,234.5" -> "1 234,5"."""
    return text.replace(",", NBSP).replace(".", ",")


def fmt_num_ru(value: Any) -> str:
    return "н/д" if value is None else _ru(fmt_num(value))


def fmt_signed_ru(value: Any) -> str:
    return "н/д" if value is None else _ru(fmt_signed(value))


def fmt_pct_ru(value: Any, signed: bool = False) -> str:
    if value is None:
        return "н/д"
    return _ru(fmt_pct(value, signed)).replace("%", NBSP + "%")


def fmt_avg_ru(value: Any) -> str:
    return "н/д" if value is None else _ru(f"{float(value):,.1f}")


def fmt_ratio_ru(value: Any) -> str:
    return "н/д" if value is None else _ru(fmt_ratio(value))


# Korean particles whose form follows the last sound of the word before: (after a consonant,
# after a vowel). 으로/로 also takes 로 after ㄹ.
_JOSA = {"은": ("은", "는"), "는": ("은", "는"), "이": ("이", "가"), "가": ("이", "가"), "을": ("을", "를"),
         "를": ("을", "를"), "과": ("과", "와"), "와": ("과", "와"), "으로": ("으로", "로"), "로": ("으로", "로")}
# How a digit or symbol at the end of a figure is read: does it end in a consonant (and is it ㄹ)?
# 0 영, 1 일, 2 이, 3 삼, 4 사, 5 오, 6 육, 7 칠, 8 팔, 9 구; % 퍼센트; 명, 배 as written.
_DIGIT_FINAL = {"0": "ㅇ", "1": "ㄹ", "2": "", "3": "ㅁ", "4": "", "5": "", "6": "ㄱ", "7": "ㄹ", "8": "ㄹ", "9": "",
                "%": ""}
_JONG = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"


def _final_sound(word: str) -> str | None:
    """The final consonant of a word's last syllable as read aloud ("" for a vowel), or None
    when it cannot be told (a Latin word)."""
    for ch in reversed(word.strip()):
        if "\uac00" <= ch <= "\ud7a3":
            return _JONG[(ord(ch) - 0xAC00) % 28].strip()
        if ch in _DIGIT_FINAL:
            return _DIGIT_FINAL[ch]
        if ch in ")]”’\"' ":
            continue  # "(2023년 7~9월)": the word before the bracket
        return None
    return None


def josa(value: Any, particle: str) -> Markup:
    """``{{ people|josa("은") }}``: the value and the particle in the form its last sound takes
    ("북한 주민은", "러시아인은", "2023년 1~9월은", "항공은", "사업이"); both forms ("은(는)") when
    the sound cannot be told."""
    after_consonant, after_vowel = _JOSA[particle]
    final = _final_sound(str(value))
    if final is None:
        form = f"{after_consonant}({after_vowel})"
    elif particle in ("으로", "로"):
        form = after_vowel if final in ("", "ㄹ") else after_consonant
    else:
        form = after_consonant if final else after_vowel
    return escape(value) + form


def plural_ru(value: float, one: str, few: str, many: str) -> str:
    """The Russian noun form a number takes: 1 въезд, 2 въезда, 5 въездов, 731 въезд; a fraction
    takes the genitive singular (2,34 въезда)."""
    if float(value) != int(float(value)):
        return few
    n = abs(int(float(value)))
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def _period_filters(lang: str) -> dict[str, Any]:
    """Period names in the template's language: ``{{ period|plabel }}``, ``{{ period|pspan }}``."""
    return {"plabel": lambda p: p.label_in(lang), "pspan": lambda p: p.span_in(lang),
            "plabel_gen": lambda p: p.label_in(lang, "gen")}  # "от уровня III квартала 2023 г."


FILTERS: dict[str, dict[str, Any]] = {
    # josa is for Korean templates; every environment has it, because start-up checks compile
    # all templates (answers/ko/ too) in one of them.
    "en": dict(num=fmt_num, signed=fmt_signed, pct=fmt_pct, ratio=fmt_ratio, avg=fmt_avg, josa=josa,
               **_period_filters("en")),
    "ko": dict(num=fmt_num, signed=fmt_signed, pct=fmt_pct, ratio=fmt_ratio, avg=fmt_avg, josa=josa,
               **_period_filters("ko")),
    "ru": dict(num=fmt_num_ru, signed=fmt_signed_ru, pct=fmt_pct_ru, ratio=fmt_ratio_ru, avg=fmt_avg_ru, josa=josa,
               plural=plural_ru, **_period_filters("ru")),
}


_BLANK_LINES = re.compile(r"\n{3,}")


_DICT_ATTRIBUTES = frozenset(dir(dict))


class _Environment(Environment):
    """jinja2's Environment, with ``row.value`` on a plain dict read as the item at once.

    jinja reads ``x.name`` as ``getattr(x, "name")`` and only on AttributeError as ``x["name"]``;
    the answers' query rows are plain dicts, so each such read raised and caught an exception
    (about 4 % of a first-time answer). A plain dict has no attribute but dict's own, so for any
    other name the item (or jinja's undefined, as before) is what the default path gives too.
    """

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


class Renderer:
    """Holds one jinja2 Environment per answer language; built once at start-up.

    Each language's environment formats numbers its own way, so templates write ``|num`` and
    ``|pct`` everywhere and get "1,234" / "71.4%" in English and Korean, "1 234" / "71,4 %" in
    Russian. A template a language does not have (admin and operations messages) is the
    English one.
    """

    def __init__(self, answers_dir: Path = ANSWERS_DIR) -> None:
        self.envs: dict[str, Environment] = {}
        for lang, filters in FILTERS.items():
            env = _Environment(
                loader=FileSystemLoader(str(answers_dir)),
                autoescape=True,  # every template is HTML for Telegram; escape all of them
                undefined=StrictUndefined,  # a missing value is a bug, not an empty string in an answer
                trim_blocks=True,
                lstrip_blocks=True,
                keep_trailing_newline=False,
                # Templates are read once per process (warm-up compiles them all): without this,
                # every render would stat its template file, and the macros', to see if it changed.
                auto_reload=False,
                # A plain dict, not jinja's LRU (whose every look-up moves the name in a deque of up
                # to 400 under a lock, for each template and each macro file it imports): the
                # templates are a fixed set, all compiled at warm-up.
                cache_size=-1,
            )
            env.filters.update(filters)
            # "How was this computed?" shows what was understood as JSON: Hangul and Cyrillic
            # as letters, not \u escapes (HTML escaping still applies).
            env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
            self.envs[lang] = env
        self.env = self.envs["en"]
        self.available = set(self.env.list_templates())

    def html(self, template: str, lang: str = "en", **values: Any) -> str:
        """Render ``answers/<lang>/<template>.j2`` (or the English one) to Telegram HTML."""
        name = f"{lang}/{template}.j2"
        if lang not in self.envs or name not in self.available:
            lang, name = "en", f"en/{template}.j2"
        out = self.envs[lang].get_template(name).render(**values)
        if lang == "ru":
            # A label ending in an abbreviation ("2023 г.") ends the sentence with its own point.
            out = _RU_DOUBLE_POINT_RE.sub(r"\1", out)
        if lang != "en":
            # A period's label followed by its months in brackets says the same thing twice when
            # the label is the months ("январь–сентябрь 2023 г. (январь–сентябрь 2023 г.)").
            out = _SAID_TWICE_RE.sub(r"\1", out)
        return _BLANK_LINES.sub("\n\n", out).strip()


_SAID_TWICE_RE = re.compile(r"(?<![\w(])(\w[\w–~\-. ]{3,60}?) ?\(\1\)")
_RU_DOUBLE_POINT_RE = re.compile(r"(\b(?:г|гг|мес|дн|тыс|ч)\.)\.")


_TAG_RE = re.compile(r"<a\s+href=\"([^\"]*)\">(.*?)</a>|<[^>]+>", re.S)


def to_plain(html_text: str) -> str:
    """Telegram HTML -> plain text: links keep their address, tags go, entities are decoded."""
    def repl(m: re.Match[str]) -> str:
        if m.group(1) is not None:
            return f"{m.group(2)} ({m.group(1)})"
        return ""
    return html.unescape(_TAG_RE.sub(repl, html_text))


_OPEN_CLOSE_RE = re.compile(r"<(/?)([a-z-]+)([^>]*)>")


def _open_tags(line: str, stack: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The tag stack after ``line``: (name, full opening tag) for each tag still open."""
    stack = list(stack)
    for m in _OPEN_CLOSE_RE.finditer(line):
        closing, name = m.group(1), m.group(2)
        if closing:
            if stack and stack[-1][0] == name:
                stack.pop()
        else:
            stack.append((name, m.group(0)))
    return stack


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's limits (an emoji outside the BMP is 2)."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def telegram_len(html_text: str) -> int:
    """What Telegram counts against its 4,096 limit: the text after entity parsing, in UTF-16.

    Links count their address as well (``to_plain`` keeps it), so this may over-count, never under.
    """
    return utf16_len(to_plain(html_text))


def _cut_plain(plain: str, limit: int) -> list[str]:
    """Plain text cut into pieces of at most ``limit`` UTF-16 units, at a space where possible.

    Cuts fall between code points, so a surrogate pair (an emoji) is never split.
    """
    pieces: list[str] = []
    while utf16_len(plain) > limit:
        units, fit = 0, 0
        for fit, ch in enumerate(plain):
            units += 2 if ord(ch) > 0xFFFF else 1
            if units > limit:
                break
        space = plain.rfind(" ", 0, fit)
        cut = space if space > fit // 2 else fit
        pieces.append(plain[:cut])
        plain = plain[cut:].lstrip()
    pieces.append(plain)
    return pieces


def split_message(text: str, limit: int = TELEGRAM_TEXT_LIMIT) -> list[str]:
    """Split an answer at line breaks into chunks within Telegram's limit, keeping HTML valid.

    Sizes are measured as Telegram measures them: UTF-16 code units of the text after entity
    parsing (tags do not count, ``&amp;`` is one, an emoji outside the BMP is two). A tag open
    across the split (a <pre> block of SQL) is closed at the end of one chunk and reopened at the
    start of the next; tags cost no length. A single line longer than the limit is cut at a
    space, with its tags stripped so no entity is broken.
    """
    if 2 * len(text) <= limit:
        # Most answers: Telegram's count (tags dropped, entities decoded, an emoji two units) is
        # at most two units a character, so the whole text is one chunk; only tags left open at
        # its end are closed, as below. Measuring each line is skipped.
        stack: list[tuple[str, str]] = []
        for line in text.split("\n"):
            stack = _open_tags(line, stack)
        return [text + "".join(f"</{name}>" for name, _ in reversed(stack))]
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    stack = []
    chunk_stack: list[tuple[str, str]] = []  # tags open when the current chunk started

    def flush() -> None:
        nonlocal current, size, chunk_stack
        if not current:
            return
        body = "".join(t for _, t in chunk_stack) + "\n".join(current)
        body += "".join(f"</{name}>" for name, _ in reversed(stack))
        chunks.append(body)
        current, size, chunk_stack = [], 0, list(stack)

    for line in text.split("\n"):
        units = telegram_len(line)
        if units > limit:
            flush()
            *full, rest = _cut_plain(to_plain(line), limit)
            chunks.extend(html.escape(piece, quote=False) for piece in full)
            line, units = html.escape(rest, quote=False), utf16_len(rest)
        if size + units + (1 if current else 0) > limit and current:
            flush()
        size += units + (1 if current else 0)  # the line break joining it to the previous line
        current.append(line)
        stack = _open_tags(line, stack)
    flush()
    return chunks or [""]


