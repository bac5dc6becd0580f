"""Languages: which one a question is in, and the grammar step that makes its words meet the data.

factdesk answers in English, Korean and Russian. The language of an answer is the language of
the question, read from its script (Hangul -> ko, Cyrillic -> ru, Latin words -> en). A question
with no words in any script ("Q3?", "nk->ru 3q23") takes the chat's language instead.

Vocabulary (countries, categories, cue phrases) lives in ``data/synonyms.csv`` and
``data/cues.csv`` per language. What lives here is grammar, the same for any dataset:

- Korean attaches particles to nouns ("북한은", "러시아에", "비행기로"). They are split off into
  tokens of their own, because the ones that mark direction ("러시아에" = to Russia, "북한에서" =
  from North Korea) decide whose figures are asked for; cues.csv says which particles mean what.
- Russian inflects nouns for case ("поезд", "поездом", "на поезде"). Words are reduced to their
  Snowball stem, on the question and on every phrase in the data alike, so any form meets any form.

English tokens pass through unchanged, so English matching is exactly what it was.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import snowballstemmer

LANGS = ("en", "ko", "ru")
DEFAULT_LANG = "en"

_HANGUL_RE = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
# A Latin word long enough to be language rather than a code ("q3", "nk", "fsb", "vs").
_LATIN_WORD_RE = re.compile(r"[a-zA-Z]{4,}")

# Korean particles and endings that follow a noun, longest first so "에서" wins over "에".
# Single-syllable ones are split only when at least KO_SHORT_NOUN_MIN syllables remain
# ("북한은" -> "북한"), because many two-syllable nouns end in a syllable that is also a
# particle: 철도 (rail), 인도 (India), 국가 (country).
KO_LONG_PARTICLES = ("으로부터", "에서부터", "으로는", "으로도", "로부터", "에게서", "에서는", "에서도",
                     "에서", "으로", "에게", "까지", "부터", "보다", "처럼", "이나", "이랑", "에는",
                     "에도", "에선", "로는", "만큼", "이란", "이라", "이며", "이고", "한테")
KO_SHORT_PARTICLES = ("은", "는", "이", "가", "을", "를", "의", "에", "로", "와", "과", "도", "만", "랑")
KO_SHORT_NOUN_MIN = 2  # syllables that must remain after a one-syllable particle is split off

_RU_STEMMER = snowballstemmer.stemmer("russian")
_RU_STEMMER_LOCK = threading.Lock()  # a Snowball stemmer keeps its word in itself while it works


def detect(text: str, hint: str | None = None) -> str:
    """The language of a question: its script decides; ``hint`` only when it has no words.

    Hangul anywhere means Korean (a Korean question often carries "Q3" or "FSB"), Cyrillic
    means Russian; a question with both goes to the script with more letters.
    """
    hangul = len(_HANGUL_RE.findall(text))
    cyrillic = len(_CYRILLIC_RE.findall(text))
    if hangul or cyrillic:
        return "ko" if hangul >= cyrillic else "ru"
    if _LATIN_WORD_RE.search(text):
        return "en"
    return hint if hint in LANGS else DEFAULT_LANG


def script_of(token: str) -> str:
    """The script of one token: "ko", "ru" or "en" (digits and symbols count as "en")."""
    if _HANGUL_RE.search(token):
        return "ko"
    if _CYRILLIC_RE.search(token):
        return "ru"
    return "en"


_COUNTED_RE = re.compile(r"^(\d+(?:\.\d+)?)(\D.*)$")


def split_korean(token: str) -> list[str]:
    """ "러시아에서" -> ["러시아", "에서"]; "북한은" -> ["북한", "은"]; "철도" stays whole.

    A number glued to its counter ("365명의") becomes the number and the counter, so a figure
    quoted in a Korean question is a number as it is in English.
    """
    counted = _COUNTED_RE.match(token)
    if counted:
        # A counter is one syllable (명, 배, 년, 개); what follows it is a particle or an ending.
        rest = counted.group(2)
        return [counted.group(1), rest[0], *(split_korean(rest[1:]) if len(rest) > 1 else [])]
    for particle in KO_LONG_PARTICLES:
        if token.endswith(particle) and len(token) > len(particle):
            return [token[: -len(particle)], particle]
    for particle in KO_SHORT_PARTICLES:
        if token.endswith(particle) and len(token) - 1 >= KO_SHORT_NOUN_MIN:
            return [token[:-1], particle]
    return [token]


@lru_cache(maxsize=50_000)
def stem_russian(token: str) -> str:
    """The Snowball stem of a Russian word, with ё read as е (writers use either)."""
    token = token.replace("ё", "е")
    if not token.isalpha():
        return token
    with _RU_STEMMER_LOCK:
        return _RU_STEMMER.stemWord(token)


def normalise_token(token: str) -> list[str]:
    """One token in the form the lexicon indexes: Korean split from its particle, Russian stemmed."""
    script = script_of(token)
    if script == "ko":
        return split_korean(token)
    if script == "ru":
        return [stem_russian(token)]
    return [token]


_JAMO_BASE = 0xAC00


def jamo(word: str) -> str:
    """Hangul syllables spelled out as letters (jamo): "주민" -> "ㅈㅜㅁㅣㄴ", for typo distances."""
    out = []
    for ch in word:
        code = ord(ch) - _JAMO_BASE
        if 0 <= code < 11172:
            lead, rest = divmod(code, 588)
            vowel, tail = divmod(rest, 28)
            out.append(chr(0x1100 + lead) + chr(0x1161 + vowel) + (chr(0x11A7 + tail) if tail else ""))
        else:
            out.append(ch)
    return "".join(out)
