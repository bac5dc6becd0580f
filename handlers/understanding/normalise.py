"""The first stage: one spelling of a question's text, before anything reads it.

Text arrives from phones and pasted sources with invisible characters (zero-width spaces and
joiners, word joiners, byte-order marks, soft hyphens, direction marks), exotic spaces (no-break,
thin, ideographic), combining accents typed into Latin words ("Rússia"), smart quotes and
full-width digits ("Ｑ３"). Each of these once made the bot misread a plain question, so they are
all folded here, once, and every later stage sees the same text.

Case is kept: the extractor reads capitalised words as names.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Callable

ZERO_WIDTH_SPACE = "\u200b"
# Characters with no width that never separate words: delete them wherever they are.
INVISIBLE_JOINERS = frozenset("\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u180e")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
                         "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"'})
_SPACES_RE = re.compile(r"[^\S\n]+")


def _is_latin_letter(ch: str) -> bool:
    return ch.isalpha() and "LATIN" in unicodedata.name(ch, "")


def _strip_latin_marks(text: str) -> str:
    """Combining marks on Latin letters go ("Rus\u0301sia" -> "Russia"); on Cyrillic or Hangul they
    stay, because there they are part of the letter (Russian "й" is "и" with a breve)."""
    out: list[str] = []
    base = ""
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            if _is_latin_letter(base):
                continue
        else:
            base = ch
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def _resolve_zero_width_spaces(text: str, is_word: Callable[[str], bool] | None) -> str:
    """A zero-width space is a word break typed by a phone, or junk pasted inside a word.

    Between letters it is a break only when both sides are words the bot knows and their join is
    not ("How\u200bmany"); otherwise it is junk ("Rus\u200bsia"). Between a number and a word it is a
    break ("in\u200b2023", "in\u200bQ3"), except after a lone period letter ("Q\u200b3").
    """
    if ZERO_WIDTH_SPACE not in text:
        return text
    parts = text.split(ZERO_WIDTH_SPACE)
    out = parts[0]
    for part in parts[1:]:
        left = re.search(r"(\w+)$", out)
        right = re.match(r"\w+", part)
        if not left or not right:
            out += part  # next to a space or punctuation: nothing to join or break
            continue
        lw, rw = left.group(1), right.group(0)
        if lw[-1].isdigit() and rw[0].isdigit():
            out += part  # "3\u200b65" is 365
        elif lw[-1].isdigit() != rw[0].isdigit():
            out += part if len(lw) == 1 and lw.isalpha() else " " + part
        elif (any(c.isdigit() for c in rw) and lw.isalpha() and len(lw) > 1) or (
                any(c.isdigit() for c in lw) and rw.isalpha() and len(rw) > 1):
            out += " " + part  # "in\u200bQ3", "Q3\u200bin": a word next to a period code
        elif is_word is not None and is_word(lw.lower()) and is_word(rw.lower()) and not is_word((lw + rw).lower()):
            out += " " + part
        else:
            out += part
    return out


# Latin letters drawn like Cyrillic ones, typed into a Russian word by a keyboard layout slip or a
# copied text ("KНДР" with a Latin K, "Cколько" with a Latin C): folded to the Cyrillic letter,
# but only inside a word that has Cyrillic letters of its own, so "Q3" or "FSB" stay as written.
_CYRILLIC_LOOKALIKES = str.maketrans("AaBCcEeHKkMOoPpTXxyY", "АаВСсЕеНКкМОоРрТХхуУ")
_MIXED_CYRILLIC_WORD_RE = re.compile(r"[A-Za-z\u0400-\u04ff]*[\u0400-\u04ff][A-Za-z\u0400-\u04ff]*")


def _fold_cyrillic_lookalikes(text: str) -> str:
    """"KНДР" -> "КНДР": Latin look-alikes inside a Cyrillic word become Cyrillic letters."""
    return _MIXED_CYRILLIC_WORD_RE.sub(
        lambda m: m.group(0).translate(_CYRILLIC_LOOKALIKES) if re.search(r"[A-Za-z]", m.group(0)) else m.group(0),
        text)


def normalise_text(text: str, is_word: Callable[[str], bool] | None = None) -> str:
    """The question as every later stage reads it; idempotent.

    ``is_word`` (the lexicon's vocabulary) decides whether a zero-width space between letters is
    a word break; without it, such a space joins the letters.
    """
    ascii_only = text.isascii()  # most questions: no joiner, mark, format character or width form
    if not ascii_only:
        text = "".join(ch for ch in text if ch not in INVISIBLE_JOINERS)
        text = _resolve_zero_width_spaces(text, is_word)
        text = unicodedata.normalize("NFKC", text)  # full-width digits and letters, ligatures, ideographic space
        text = _strip_latin_marks(text)
        text = _fold_cyrillic_lookalikes(text)
    text = text.translate(_QUOTES)
    if not ascii_only:
        # Any other format character (category Cf) is invisible too.
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    text = _MONTH_RANGE_RE.sub(r"\1 to \2", text)  # "July-to-September" reads as the months it names
    return _strip_preamble(_SPACES_RE.sub(" ", text).strip(), is_word)


_MONTHS = r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)"
_MONTH_RANGE_RE = re.compile(_MONTHS + r"-(?:to-|through-|till-|until-)?" + _MONTHS + r"\b", re.I)
# "For the seven o'clock bulletin: ...", "Filing from Seoul: ...": who asks and for what, before the
# question. A segment before a colon is dropped when it names a newsroom product or is a dateline
# whose place the lexicon does not know (a known place, "From Russia:", may be the question's own).
_FOR_PRODUCT_RE = re.compile(
    r"^(?:for|re|ahead of)\b[^:\n?]{0,60}\b(?:bulletin|package|piece|story|segment|show|broadcast|newsletter|graphic|"
    r"chart|script|copy|desk|item|slot|programme|program|explainer|thread|post|newscast|update|liveblog|live blog|"
    r"brief|briefing|sidebar|caption|headline|lede|factbox|wrap)s?\s*:\s+", re.I)
_DATELINE_RE = re.compile(r"^(?i:(?:(?:filing|reporting|writing|calling|here)\s+)?from)\s+((?:[A-Z][\w'-]*\s*){1,3}):\s+")


_BUREAU_RE = re.compile(r"^(?:(?:filing|reporting|writing)\s+)?from\s+(?:the\s+|our\s+|my\s+)?[^:\n?]{0,40}\b"
                        r"(?:desk|bureau|newsroom|office|team)\s*:\s+", re.I)


# "I'm trying to make a point that ...", "Hi there - I'm on the Asia desk putting together a piece on
# ...": a sentence about the asker's own work, then the question. Its words ("main route", a place
# in a story's title) are not the question's; it is dropped when it names no period or figure.
_ASKER_RE = re.compile(r"^(?:(?:hi|hello|hey)(?:\s+there)?\s*[-–—,!]*\s*)?(?:i'm|i am|i'd|we're|we are)\s+"
                       r"(?:trying|writing|working|putting|doing|making|on|looking|preparing|drafting|building)\b"
                       r"[^.?!]*[.!]\s+(?=[^.!]*\?\s*$)", re.I)
_FIGURE_MARK_RE = re.compile(r"\d|\b(?:quarter|half|year|q[1-4]|h[12]|january|february|march|april|june|july|"
                             r"august|september|october|november|december)\b", re.I)


def _strip_preamble(text: str, is_word: Callable[[str], bool] | None) -> str:
    m = _ASKER_RE.match(text)
    if m and not _FIGURE_MARK_RE.search(m.group(0)):
        text = text[m.end():]
    m = _FOR_PRODUCT_RE.match(text)
    if m and m.end() < len(text):
        return text[m.end():]
    m = _BUREAU_RE.match(text)  # "From the Pyongyang desk:", "From our Moscow bureau:"
    if m and m.end() < len(text):
        return text[m.end():]
    m = _DATELINE_RE.match(text)
    if m and m.end() < len(text) and not (is_word is not None and all(is_word(w.lower()) for w in m.group(1).split())):
        return text[m.end():]
    return text
