"""Where a Korean or Russian question asks a second thing ("2023 누계와 가장 많은 분기는?",
"сколько въехало по воздуху и какая доля?").

handlers/multipart.py splits English questions at English joints; Korean and Russian questions
asked two measures at once were answered with one of them, as if complete. Here the joints are
read from the analysers (mecab-ko's conjunctive particles, 및/그리고, a connective 고 after a
predicate; Russian "и", "а также", "а" before an interrogative or a measure), and a joint splits
only when both sides ask something of their own: each side's extraction carries a cue of an ask
(a count, share, average, rank, sum ...; groups of data/cues.csv, so the words stay data). A joint
between the two sides of one comparison ("사업 비율과 교육 비율 차이", "доля А и доля Б: разница")
is not a split: the comparison cue stands in the right side only.

A left side that is only an ask ("Сколько и какая доля северокорейцев ...?") takes the right
side's content words (without their own ask), so each part names what it is about; a later part
inherits the earlier part's filters as a follow-up (handlers/multipart.py answers the parts).
The table of aspects says how an answer shows a measure a part asks for in each language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from handlers.language import analyse_korean

# Cue groups (data/cues.csv) of which one makes a side a question of its own.
ASK_CUES = frozenset({"count", "share", "average", "avg_day", "avg_month", "avg_quarter", "rank_top", "rank_second",
                      "rank_third", "rank_bottom", "measure_head", "question_word", "combine", "gap", "ratio_given",
                      "change", "which_kind", "open_question", "pp_gap", "breakdown", "series", "why", "who_said",
                      "focus_date", "focus_place", "duration_question", "check_figure"})
# Cue groups that join two things into one measure: a noun joint before them is the comparison's
# or the sum's own "and", not a second question.
JOINING_CUES = frozenset({"gap", "pp_gap", "change", "ratio_given", "ratio_against", "sum_given", "combine"})
# Cue groups of a count asked: a part asking one is not answered by a statement with no figure
# ("..., и сколько из них остались работать на стройках?" answered with the report's words on workers).
COUNT_CUES = frozenset({"count", "measure_head"})
# A count a statement does give: a duration ("сколько дней длился визит": the fact's length).
STATEMENT_COUNTS = frozenset({"duration_question"})

# Cue groups that open a Russian second ask ("и какая доля", "и сколько", "и в каком"): an
# interrogative or a measure; a rank or sum word after "и" is the first ask's ("и второй вместе").
HEAD_CUES = frozenset({"count", "share", "measure_head", "question_word", "which_kind", "open_question", "avg_day",
                       "avg_month", "average"})

# Korean joints (Sejong tags): a conjunctive particle (과/와/랑/하고), the comitative 와/과 that
# mecab-ko tags as an adverbial particle after a noun, a conjunctive adverb (및/그리고/또), a comma,
# a connective 고 after a predicate (몇 명이고, 왔고).
_KO_NOUN_JOINT_TAGS = frozenset({"JC"})
_KO_COMITATIVE = frozenset({"와", "과", "랑", "이랑", "하고"})
_KO_ADVERB_JOINT = frozenset({"및", "그리고", "또", "또한", "아울러"})
_KO_PREDICATE_TAGS = frozenset({"VCP", "VV", "VA", "EP"})
# "사업 말고": 말다 + 고 is "other than", not "and" (mecab-ko may read it as 맡 + 고, so the word too).
_KO_NOT_JOINING_STEMS = frozenset({"말", "말다"})
_KO_NOT_JOINING_WORDS = ("말고",)
_NOMINAL = frozenset({"NNG", "NNP", "NNB", "NNBC", "NR", "XSN", "SN", "SL"})

# Russian joints: "и", "а также", "а", ";" or "?" before a second ask. The second ask opens within
# its first words (an interrogative, possibly after a preposition: "и в каком из них").
_RU_JOINT_RE = re.compile(r"(?:\s*[,;]\s*|\s+)(?:и|а\s+также|а\s+ещё|а\s+еще|а)\s+|\s*;\s*|\?\s+(?=\S)", re.IGNORECASE)
_RU_HEAD_WORDS = 3  # the second ask's interrogative stands among its first words
_KO_MARK_RE = re.compile(r"\?\s+(?=\S)")

Extractor = Callable[[str], Any]  # a text read into an extraction (handlers/understanding/extract.py)


def _cues(extract: Extractor, text: str) -> set[str]:
    return set(getattr(extract(text), "cues", {}) or {})


def _sides_ask(extract: Extractor, left: str, right: str, joined_ok: bool = False) -> bool:
    """Both sides ask something, and the joint is not the "and" of one comparison or sum (unless
    ``joined_ok``: a Russian right side opens with its own interrogative, so its "и" is no pair's)."""
    lc, rc = _cues(extract, left), _cues(extract, right)
    if not (lc & ASK_CUES and rc & ASK_CUES):
        return False
    return joined_ok or not (rc & JOINING_CUES and not lc & JOINING_CUES)


def _korean_joints(text: str) -> list[tuple[int, int]]:
    """(start, end) in ``text`` of each joint mecab-ko finds."""
    morphs = analyse_korean(text)
    spans: list[tuple[int, int]] = []
    pos = 0
    located: list[tuple[int, int]] = []
    for m in morphs:
        at = text.find(m.surface, pos)
        if at < 0:  # a lemma-only remnant (a contracted ending): no place of its own in the text
            located.append((pos, pos))
            continue
        located.append((at, at + len(m.surface)))
        pos = at + len(m.surface)
    for i, m in enumerate(morphs):
        start, end = located[i]
        if end <= start:
            continue
        before = morphs[i - 1] if i else None
        after = morphs[i + 1] if i + 1 < len(morphs) else None
        if m.pos in _KO_NOUN_JOINT_TAGS or (m.pos == "JKB" and m.surface in _KO_COMITATIVE
                                             and before is not None and before.pos in _NOMINAL
                                             # "365명과 맞습니까": a comitative before a predicate is its complement
                                             and not (after is not None and after.pos in _KO_PREDICATE_TAGS)):
            spans.append((start, end))
        elif m.pos == "MAJ" and m.surface in _KO_ADVERB_JOINT:
            spans.append((start, end))
        elif m.pos == "SC" and m.surface == ",":
            spans.append((start, end))
        elif (m.pos == "EC" and m.surface == "고" and before is not None and before.pos in _KO_PREDICATE_TAGS
              and before.lemma not in _KO_NOT_JOINING_STEMS and not _word_at(text, end).endswith(_KO_NOT_JOINING_WORDS)):
            # "몇 명이고": the copula goes with the joint, so the left side ends at its noun.
            cut = located[i - 1][0] if before.pos == "VCP" else start
            spans.append((cut, end))
    spans.extend((m.start(), m.end()) for m in _KO_MARK_RE.finditer(text))
    return sorted(spans)


def _word_at(text: str, end: int) -> str:
    """The word of ``text`` that ends at ``end`` (from the last space before it)."""
    return text[text.rfind(" ", 0, end) + 1:end]


def _split_at(text: str, spans: list[tuple[int, int]], extract: Extractor, head_only: bool) -> list[str]:
    """Split at each joint whose two sides (up to the next joint) both ask something."""
    parts: list[str] = []
    start = 0
    for i, (a, b) in enumerate(spans):
        left = text[start:a].strip(" ,;")
        following = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        right = text[b:following].strip(" ,;")
        if not left or not right:
            continue
        if text[a:b].lstrip().startswith("?") and not text[b:following].rstrip().endswith("?"):
            continue  # "...? Обе цифры, пожалуйста.": a request about the question, not a second question
        if head_only and _cues(extract, right) & {"both_given"}:
            continue  # "и обе цифры": the right side points back at the left's figures (Korean 각각 asks each)
        probe = " ".join(right.split()[:_RU_HEAD_WORDS]) if head_only else right
        if head_only and not _cues(extract, probe) & HEAD_CUES:
            continue  # "чем первый и второй вместе": the words after "и" ask nothing of their own
        if _sides_ask(extract, left, probe, head_only):
            parts.append(left)
            start = b
    parts.append(text[start:].strip(" ,;"))
    return [p for p in parts if p.strip(" ?")]


def _borrow_content(extract: Extractor, parts: list[str]) -> list[str]:
    """A first part that is only an ask ("Сколько", "몇 명") takes the next part's words after that
    part's own opening ask words, so it names the people, period and category asked about."""
    first = parts[0].strip(" ?")
    ex = extract(first)
    if len(parts) < 2 or getattr(ex, "entity_summary", None) is None:
        return parts
    if _has_content(ex):
        return parts
    words = parts[1].split()
    n = 0
    while n < len(words) and not _has_content(extract(words[n])):
        n += 1
    if n == 0 or n >= len(words):
        return parts
    return [first + " " + " ".join(words[n:])] + parts[1:]


def _has_content(ex: object) -> bool:
    """Whether an extraction names something besides the ask: a period, country, category, fact."""
    return bool(getattr(ex, "periods", None) or getattr(ex, "countries", None) or getattr(ex, "categories", None)
                or getattr(ex, "facts", None) or getattr(ex, "dimensions", None))


def split_parts_koru(text: str, lang: str, extract: Extractor) -> list[str]:
    """The question's asks in order (one element when it asks one thing); ``extract`` reads a text
    in ``lang`` into an extraction (its ``cues``)."""
    if lang == "ko":
        spans = _korean_joints(text)
        head_only = False
    elif lang == "ru":
        spans = [(m.start(), m.end()) for m in _RU_JOINT_RE.finditer(text)]
        head_only = True
    else:
        return [text]
    if not spans:
        return [text]
    parts = _split_at(text, spans, extract, head_only)
    if len(parts) < 2:
        return [text]
    parts = _borrow_content(extract, parts)
    parts = [" ".join(p.split()) for p in parts]
    return [p if p.endswith("?") else p.rstrip(" .") + "?" for p in parts]


def may_have_parts_koru(text: str, lang: str) -> bool:
    """A cheap test before any analysis: a joint word, a comma or a question mark with text after it."""
    if lang == "ru":
        low = f" {text.lower()} "
        return " и " in low or " а " in low or ";" in text or bool(_KO_MARK_RE.search(text))
    if lang == "ko":
        return any(ch in text for ch in "과와및고,랑") or "그리고" in text or bool(_KO_MARK_RE.search(text))
    return False


# How an answer shows a measure a part asks for (cue group of the part -> pattern of the answer).
ASPECTS_KORU: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    "ko": (("share", re.compile(r"%")),
           ("avg_day", re.compile(r"하루|일평균")),
           ("avg_month", re.compile(r"한 달|월 평균|월평균|월 \d")),
           ("rank_top", re.compile(r"가장|1위|1\.|최다|최대")),
           ("combine", re.compile(r"합|누계|\+|모두|전체")),),
    "ru": (("share", re.compile(r"%")),
           ("avg_day", re.compile(r"в день|в сутки")),
           ("avg_month", re.compile(r"в месяц")),
           ("rank_top", re.compile(r"Больше всего|больше всего|1\.|Рейтинг|наибольш", re.IGNORECASE)),),
}


def aspect_missing_koru(lang: str, part_cues: set[str], answer_text: str, statement: bool = False) -> bool:
    """Whether a part asks a measure (its cues) that the answer's text does not show; ``statement``:
    the answer is a statement of the report, which gives no count however many numbers it quotes."""
    if statement and part_cues & COUNT_CUES and not part_cues & STATEMENT_COUNTS:
        return True
    return any(cue in part_cues and not shown.search(answer_text) for cue, shown in ASPECTS_KORU.get(lang, ()))


_BOLD_RE = re.compile(r"<b>(.*?)</b>", re.DOTALL)
_NUMBER_RE = re.compile(r"\d+(?:[.,\u00a0]\d+)*")
_YEAR_RE = re.compile(r"^(?:19|20)\d\d$")


def _numbers(text: str) -> set[str]:
    return {n.replace("\u00a0", "") for n in _NUMBER_RE.findall(text) if not _YEAR_RE.match(n)}


def figures_not_shown(part_html: str, whole_text: str) -> bool:
    """Whether none of a part's figures (its bold figures, else its first line's) is in the whole
    question's answer: then the whole answer is one in part ("2023 누계와 가장 많은 분기는?" answered
    with the ranking alone lacks the sum). One shared figure is enough: a part's answer may list
    the rows behind the figure the whole answer gives ("Вместе: 46")."""
    shown = _numbers(" ".join(_BOLD_RE.findall(part_html)))
    if not shown:
        first = next((line for line in part_html.splitlines() if line.strip()), "")
        shown = _numbers(re.sub(r"<[^>]+>", "", first))
    return bool(shown) and not shown & _numbers(whole_text)


_PERCENT_RE = re.compile(r"(\d+(?:[.,]\d+)?)\s?%")


def shares_not_shown(asking: int, whole_text: str) -> bool:
    """Whether the whole answer shows fewer percentages than parts ask shares ("какой процент по
    воздуху и какой по железной дороге" answered with the two modes' one joint share)."""
    return asking > 1 and len(set(_PERCENT_RE.findall(whole_text))) < asking


def has_content(ex: object) -> bool:
    """Whether a part read alone names what it is about (not only "сколько процентов?", whose
    reading as a follow-up is the follow-up machinery's, not the part's own figures)."""
    return _has_content(ex)
