"""The vocabulary the matcher knows, built from a data snapshot: entity terms, cue phrases, facts.

Nothing here names a country, purpose or transport mode: every term comes from ``synonyms.csv``,
``entities.csv``, ``cues.csv`` and ``facts.csv``. A newsroom that loads another country's figures
and adds its synonyms gets a lexicon that knows them, with no code change.

Lookups are typo-tolerant with rapidfuzz. Fuzzy matching is limited to words of five letters or
more that share their first letter with the term, because short words and first-letter changes
produce too many false friends ("rain" -> "train") for a bot that must never guess a figure.
"""

from __future__ import annotations

import copy
import math
import os
import re
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

from handlers.language import (LANGS, is_particle, jamo, korean_in_context, korean_verb_reading, korean_word_known, loaded,
                               normalise_tokens, register_korean_nouns, register_russian_vocabulary, russian_verb,
                               russian_word_known, script_of)
from handlers.periods import is_common_english_word
from handlers.store import Snapshot
from handlers.understanding.normalise import normalise_text

_ENSURE_LOCK = threading.Lock()  # one rebuild at a time when a new language arrives
MAX_NGRAM = 6
COMMON_KEYWORD_WEIGHT = 0.25
NOT_COMMON_CUES = frozenset({"filler", "place_nouns", "focus_person"})
FUZZY_MIN_LEN = 5
# Optimal-string-alignment similarity (0-100): a transposition counts as one edit, so "trian"
# is 80 from "train", while "weather" is 71 from "water" and stays unknown.
FUZZY_CUTOFF = 79.9  # just under 80: the similarity of one slip in five letters is 0.8 in floating point
MULTI_CUTOFF = 88.0  # phrases are longer, so one slip costs less of the ratio; ask for more
FUZZY_MEMO = 8192  # words whose fuzzy reading a lexicon keeps (Lexicon.fuzzy_memo)

KO_MIN_STEM = 2  # syllables: one-syllable stems ("간", "온") are too ambiguous to guess
# Forms an answer template may ask for, and what stands in for them when a language lacks one.
_FORM_FALLBACK = {"people_gen": ("people",), "to": ("label",), "origin": ("label",), "phrase": ("label",)}

_QUANTITY_RE = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?)\b")
_TOKEN_RE = re.compile(r"[^\W_]+(?:['’.][^\W_]+)*|%", re.UNICODE)
_REPLACEMENTS = [
    (re.compile(r"[‘’`´]"), "'"), (re.compile(r"[“”«»]"), '"'), (re.compile(r"[–—−]"), "-"),
    (re.compile(r"\s*(?:->|=>|→|>)\s*"), " to "), (re.compile(r"&"), " and "),
    (re.compile(r"(\d),(\d{3})\b"), r"\1\2"),
    # Chat style drops apostrophes; the cue phrases are written with them.
    (re.compile(r"\b(don|doesn|didn|isn|wasn|aren|weren|can|couldn|won|wouldn|shouldn|haven|hasn)t\b"), r"\1't"),
    (re.compile(r"\b(what|who|how|where|that|there|it)s\b(?=\s)"), r"\1's"),
]


FACT_ASPECT_GROUPS = frozenset({"filler", "outcome", "content"})


def normalise(text: str) -> str:
    """Lowercase normalised text with typographic punctuation folded, so patterns see one spelling."""
    text = normalise_text(text).lower()
    for pattern, repl in _REPLACEMENTS:
        text = pattern.sub(repl, text)
    return re.sub(r"\s+", " ", text).strip()


def tokens(text: str) -> list[str]:
    """Word tokens; trailing possessives and full stops are dropped ("russia's" -> "russia").

    Korean and Russian tokens go through their language's analyser (lemmas, particles split
    off, endings dropped), here, so data phrases and questions are indexed the same way.
    """
    out = []
    for tok in _TOKEN_RE.findall(text):
        tok = tok.replace("’", "'")
        if tok.endswith("'s"):
            tok = tok[:-2]
        out.append(tok.strip(".'"))
    # Korean and Russian words go to their analysers together, so context reads homonyms.
    return normalise_tokens([t for t in out if t])


@dataclass(frozen=True)
class Term:
    """What a phrase means: an entity (kind, id, role) or a cue (kind='cue', id=group)."""

    kind: str
    id: str
    role: str = ""


@dataclass(frozen=True)
class Hit:
    """A phrase found in a question: token span, the term, and how sure the match is (0-100)."""

    start: int
    end: int
    term: Term
    score: float
    text: str
    key: tuple[str, ...] = ()


CATEGORY_SET = "category_set"  # entities.csv kind: people = the dimension, phrase = its categories, ";"-separated


def _inflection(word: str, known: str) -> bool:
    """Are two English words forms of one ("shares"/"share", "authority"/"authorities")? They
    share all but their last two letters, and at least four."""
    common = len(os.path.commonprefix([word, known]))
    return common >= max(4, min(len(word), len(known)) - 2)


@dataclass
class Lexicon:
    """Phrase index for one snapshot and language set."""

    phrases: dict[tuple[str, ...], list[Term]] = field(default_factory=lambda: defaultdict(list))
    single_words: list[str] = field(default_factory=list)
    vocabulary: set[str] = field(default_factory=set)
    fact_keywords: dict[str, dict[tuple[str, ...], float]] = field(default_factory=dict)
    # keyword -> the facts that have it, in fact_keywords order: a question's keywords find their
    # facts without touching every fact's keyword table (extract._score_facts, on every question).
    facts_by_keyword: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    labels: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)
    multi_phrases: list[str] = field(default_factory=list)
    quantitative_facts: set[str] = field(default_factory=set)
    filler: frozenset[str] = frozenset()
    vocabulary_non_fact: frozenset[str] = frozenset()  # words of countries, categories and cues, not only of facts
    place_words: frozenset[str] = frozenset()  # words of the places facts name ("Vladivostok"): they qualify, not ask
    fact_people: dict[str, set[tuple[str, ...]]] = field(default_factory=dict)
    profile_facts: frozenset[str] = frozenset()  # facts of kind "profile": who someone is
    cue_groups: dict[str, frozenset[str]] = field(default_factory=dict)  # lang -> the cue groups it has
    # (kind, id, field, lang) -> text, from translations.csv: labels, facts, sources, caveats.
    translations: dict[tuple[str, str, str, str], str] = field(default_factory=dict)
    hangul_words: list[str] = field(default_factory=list)
    # A named set of categories (entities of kind "category_set": "overland" = rail, road, on foot):
    # its id -> the (dimension, category) pairs it stands for.
    category_sets: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    hangul_jamo: list[str] = field(default_factory=list)
    # The languages whose vocabulary is indexed; Korean and Russian join on their first question.
    langs: frozenset[str] = frozenset({"en"})
    # A Latin-script phrase of a Korean or Russian row ("i", "ii" as Roman ordinals in "I квартал",
    # "%p") -> the languages it was listed for: it is read only in a question with that script, so
    # an English "I meant Russians" is no "first quarter" once a Russian question has been asked.
    script_bound: dict[tuple[tuple[str, ...], Term], frozenset[str]] = field(default_factory=dict)
    snapshot: Snapshot | None = None
    # word -> fuzzy_word's answer for a word not in Hangul: a function of the word and this index,
    # asked again for the same words in most questions ("between", "people"), each a rapidfuzz
    # scan of single_words. Emptied when the index grows (ensure). At most FUZZY_MEMO words.
    fuzzy_memo: dict[str, tuple[str, float] | None] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, snap: Snapshot, langs: Iterable[str] | None = None) -> "Lexicon":
        """Index a snapshot's vocabulary in ``langs``: by default English plus every language whose
        analyser is already loaded. The others wait for ``ensure`` (the first question in them),
        so a bot that is asked in English never loads mecab-ko or pymorphy3."""
        lex = cls()
        lex.snapshot = snap
        lex.langs = frozenset()
        for r in snap.tables["entities"]:
            lex.labels[(r["kind"], r["id"])] = {"label": r["label"], "people": r["people"] or r["label"],
                                                "phrase": r["phrase"] or r["label"]}
            lex._add(r["label"], Term(r["kind"], r["id"], "place" if r["kind"] == "country" else ""))
            if r["people"] and r["kind"] == "country":
                lex._add(r["people"], Term(r["kind"], r["id"], "people"))
            if r["kind"] == CATEGORY_SET:
                lex.category_sets[r["id"]] = tuple((r["people"], c) for c in (r["phrase"] or "").split(";") if c)
        for r in snap.tables.get("translations", []):
            lex.translations[(r["kind"], r["id"], r["field"], r["lang"])] = r["text"]
        lex._index(snap, frozenset({"en", *(loaded() if langs is None else langs)}))
        return lex

    def _index(self, snap: Snapshot, langs: frozenset[str]) -> None:
        """Add the synonyms and cues of the languages in ``langs`` not indexed yet, then derive
        everything that depends on the whole vocabulary (fact keywords and their weights, filler,
        the fuzzy-match lists)."""
        lex = self
        new = langs - lex.langs
        if "ko" in new:
            # Korean names the data knows are kept whole by the analyser before anything is indexed.
            register_korean_nouns([r["term"] for r in snap.tables["synonyms"] if r.get("lang") == "ko"]
                                  + [p for r in snap.tables["cues"] if r["lang"] == "ko" for p in r["phrases"].split("|")],
                                  names=[r["term"] for r in snap.tables["synonyms"]
                                         if r.get("lang") == "ko" and r["kind"] == "country" and " " not in r["term"]]
                                  # places inside a country ("나진", which the dictionary reads as 낫 + 지다)
                                  + [p for r in snap.tables["cues"] if r["lang"] == "ko" and r["cue"] == "subnational"
                                     for p in r["phrases"].split("|") if " " not in p]
                                  # places the facts name ("루한스크", read as 루한 + 스 + 크)
                                  + _fact_place_names(lex.translations, "ko"))
        for r in snap.tables["synonyms"]:
            if (r.get("lang") or "en") in new:
                lex._add(r["term"], Term(r["kind"], r["id"], r["role"] or ""), r.get("lang") or "en")
        for r in snap.tables["cues"]:
            if (r["lang"] or "en") in new:
                for phrase in r["phrases"].split("|"):
                    lex._add(phrase, Term("cue", r["cue"]), r["lang"] or "en")
        lex.langs = lex.langs | new
        lex.cue_groups = {lang: frozenset(r["cue"] for r in snap.tables["cues"] if (r["lang"] or "en") == lang)
                          for lang in lex.langs}
        lex.fact_keywords, lex.fact_people = {}, {}
        lex.profile_facts = frozenset(r["fact_id"] for r in snap.tables["facts"] if r["kind"] == "profile")
        n_facts = max(1, len(snap.tables["facts"]))
        df: dict[tuple[str, ...], int] = defaultdict(int)
        per_fact: dict[str, set[tuple[str, ...]]] = {}
        for r in snap.tables["facts"]:
            kws = {tuple(tokens(normalise(k))) for k in r["keywords"].split(";") if k.strip()}
            # The topic is how "what does the report say about X?" finds every fact on X.
            kws |= {tuple(tokens(normalise(r["topic"])))}
            subject = tuple(tokens(normalise(r["subject"])))
            people = {tuple(tokens(normalise(r["speaker"])))} if r["speaker"] else set()
            # The same fact asked in Korean or Russian: its keywords and speaker in those languages.
            for (kind, fid, fld, lang), text in lex.translations.items():
                if kind == "fact" and fid == r["fact_id"] and lang in lex.langs:
                    if fld == "keywords":
                        kws |= {tuple(tokens(normalise(k))) for k in text.split(";") if k.strip()}
                        if lang == "ko":  # "원하다" is 원 alone and 원하다 where a question reads one verb
                            kws |= {tuple(v) for k in text.split(";") if k.strip()
                                    for v in [korean_verb_reading(normalise(k))] if v}
                    elif fld == "speaker":
                        people.add(tuple(tokens(normalise(text))))
            kws |= {subject} | people
            # A subject that is a name, not countries or categories ("Andrei Lankov", not
            # "Russia and North Korea"), identifies whom a question is about.
            if not any(t.kind != "fact" and (t.kind, t.id) != ("cue", "filler")
                       for w in subject for t in lex.phrases.get((w,), ())):
                people.add(subject)
            # Surnames alone ("Lankov") name the person as well as the full name does.
            people |= {p[-1:] for p in people if len(p) > 1}
            people.discard(())
            lex.fact_people[r["fact_id"]] = people
            kws |= people
            kws.discard(())
            per_fact[r["fact_id"]] = kws
            # In sorted order, never the set's: indexing a Korean phrase analyses it, and what the
            # index holds (and each fact's keyword order) must not depend on PYTHONHASHSEED.
            for k in sorted(kws):
                df[k] += 1
                lex.vocabulary.update(k)
                lex._add(" ".join(k), Term("fact", "kw"))
        if "ru" in lex.langs:
            register_russian_vocabulary(lex.vocabulary)  # for reading misspelt words (language._typo_lemma)
        for r in snap.tables["facts"]:
            # A fact that states an amount ("dozens", "24 months") can answer "how many"; others cannot.
            # Years and resolution numbers ("2397") are not amounts.
            amounts = re.sub(r"\b\d{4}\b|\b(?:\d+|one|two|three|four|five|six|twelve|24)(?:\s+to\s+\w+)?\s+(?:months?|years?|days?|weeks?)\b",
                             "", r["statement"].lower())  # durations ("within 24 months") are not amounts
            if _QUANTITY_RE.search(amounts):
                lex.quantitative_facts.add(r["fact_id"])
        lex.filler = frozenset(k[0] for k, terms in lex.phrases.items()
                               if len(k) == 1 and any((t.kind, t.id) == ("cue", "filler") for t in terms))
        # Grammar cue groups (what a noun is, what a question asks for) and the words that ask an
        # aspect of a statement ("discussed", "agreed": FACT_ASPECT_GROUPS) do not make a keyword
        # common: "foreign minister" tells a country's role, and no figure question asks about one.
        common = {k for k, terms in lex.phrases.items()
                  if any(t.kind != "fact" and not (t.kind == "cue" and t.id in NOT_COMMON_CUES | FACT_ASPECT_GROUPS)
                         for t in terms)}
        lex.vocabulary_non_fact = frozenset(w for k in common for w in k)
        lex.place_words = frozenset(w for r in snap.tables["facts"] for w in tokens(normalise(r.get("place") or "")))
        for fid, kws in per_fact.items():
            # Rarer keywords identify a fact better; longer phrases are more specific still. A
            # keyword that is also a country, category or cue ("Russia", "visit") says little
            # about which fact is meant, since figure questions use it too.
            lex.fact_keywords[fid] = {k: math.log(1 + n_facts / df[k]) * (1 + 0.5 * (len(k) - 1))
                                      * (COMMON_KEYWORD_WEIGHT if k in common else 1.0) for k in sorted(kws)}
        by_keyword: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for fid, weights in lex.fact_keywords.items():
            for k in weights:
                by_keyword[k].append(fid)
        lex.facts_by_keyword = {k: tuple(fids) for k, fids in by_keyword.items()}
        lex.single_words = sorted({p[0] for p in lex.phrases if len(p) == 1 and len(p[0]) >= FUZZY_MIN_LEN})
        lex.hangul_words = sorted({w for w in lex.vocabulary if script_of(w) == "ko"})
        lex.hangul_jamo = [jamo(w) for w in lex.hangul_words]
        lex.multi_phrases = sorted({" ".join(p) for p, terms in lex.phrases.items()
                                    if 2 <= len(p) <= 3 and any(t.kind != "cue" for t in terms)})

    def ensure(self, langs: Iterable[str]) -> None:
        """Index the vocabulary of any of ``langs`` not indexed yet (loading its analyser).

        The index grows on a copy and the lexicon takes the copy's contents in place, so every
        pipeline view holding it sees them; readers in other threads see the old index or the
        new one, each complete.
        """
        missing = {lang for lang in langs if lang in LANGS and lang not in self.langs}
        if not missing or self.snapshot is None:
            return
        with _ENSURE_LOCK:
            missing = {lang for lang in missing if lang not in self.langs}
            if missing:
                # Indexed on a copy (the English part is not analysed again), then taken over whole.
                grown = copy.copy(self)
                grown.phrases = defaultdict(list, {k: list(v) for k, v in self.phrases.items()})
                grown.vocabulary = set(self.vocabulary)
                grown.quantitative_facts = set(self.quantitative_facts)
                grown.script_bound = dict(self.script_bound)
                grown.fuzzy_memo = {}  # its answers may change with the grown index
                grown._index(self.snapshot, self.langs | missing)
                self.__dict__.update(grown.__dict__)

    def _add(self, phrase: str, term: Term, lang: str = "en") -> None:
        text = normalise(phrase)
        keys = [tuple(tokens(text))]
        if script_of(text) == "en":
            for key in keys:
                if lang == "en":
                    self.script_bound.pop((key, term), None)  # listed in English too: read everywhere
                elif (key, term) in self.script_bound or term not in self.phrases.get(key, ()):
                    self.script_bound[(key, term)] = self.script_bound.get((key, term), frozenset()) | {lang}
        if script_of(text) == "ko" and text.isprintable():
            # A Korean phrase is also indexed as a question would give it (see korean_in_context).
            in_context = korean_in_context(text)
            if in_context:
                keys.append(tuple(in_context))
            as_verb = korean_verb_reading(text)
            if as_verb:
                keys.append(tuple(as_verb))  # "원하다": 원 alone, 원하다 where a question reads it as one verb
            for key in list(keys):
                # "몇 프로": read alone, 프로 is a noun; in a question ("몇 프로야") the analyser marks
                # it a counter after 몇 (~프로), as it does 퍼 and 퍼센트: both readings are indexed.
                marked = tuple(f"~{t}" if i and key[i - 1] == "몇" and not t.startswith("~") else t
                               for i, t in enumerate(key))
                if marked != key:
                    keys.append(marked)
        for key in keys:
            if not key or len(key) > MAX_NGRAM:
                continue
            if term not in self.phrases[key]:
                self.phrases[key].append(term)
            self.vocabulary.update(key)

    def fuzzy_word(self, word: str) -> tuple[str, float] | None:
        """The known word a typo most likely stands for, or None."""
        if script_of(word) == "ko":
            # Not kept: a Korean reading also asks the analyser, whose dictionary other lexicons
            # of the process (built for a snapshot, a claim check) add nouns to as they index.
            return self._fuzzy_word(word)
        memo = self.fuzzy_memo
        if word in memo:
            return memo[word]
        guess = self._fuzzy_word(word)
        if len(memo) >= FUZZY_MEMO:
            memo.clear()
        memo[word] = guess
        return guess

    def _fuzzy_word(self, word: str) -> tuple[str, float] | None:
        if script_of(word) == "ko":
            return self._korean_word(word)
        if len(word) < FUZZY_MIN_LEN or word.isdigit():
            return None
        best = process.extractOne(word, self.single_words, scorer=OSA.normalized_similarity,
                                  score_cutoff=FUZZY_CUTOFF / 100)
        if best is None or best[0][0] != word[0]:
            return None
        if script_of(word) == "en" and not _inflection(word, best[0]) and is_common_english_word(word):
            # A common word of English is that word, not a slip for another ("decade" is not
            # "decide"), as for period words and Russian words; a rare one may be ("minster"),
            # and an inflection of the known word is that word ("shares", "governments").
            return None
        if script_of(word) == "ru" and russian_word_known(word) and not (russian_verb(word) and russian_verb(best[0])):
            # A word of the dictionary is that word, not a slip for another ("экспорт" is not
            # "эксперт", "втрое" is not "второе"); only a verb meets its other aspect
            # ("получать" / "получить", "называть" / "назвать").
            return None
        return best[0], best[1] * 100

    def _korean_word(self, word: str) -> tuple[str, float] | None:
        """A Korean word the index lacks: a known stem with a verb ending, or a one-jamo slip.

        Korean verbs and adjectives conjugate by adding syllables ("입국했나요" is "입국" + an
        ending), so the longest known word of two syllables or more that begins the token is
        the word meant. Typos are measured on letters (jamo), not syllables: "쥬민" is one
        letter from "주민", the same one-slip-in-five rule as English words.
        """
        if is_particle(word):
            return word, 100.0  # a particle the analyser tagged and no cue names: grammar, known
        for end in range(len(word) - 1, KO_MIN_STEM - 1, -1):
            if word[:end] in self.vocabulary:
                return word[:end], 100.0
        if korean_word_known(word):
            return None  # a word of the dictionary is itself: "동행" (accompany) is no slip for "동맹" (alliance)
        letters = jamo(word)
        if len(letters) < FUZZY_MIN_LEN or not self.hangul_words:
            return None
        best = process.extractOne(letters, self.hangul_jamo, scorer=OSA.normalized_similarity,
                                  score_cutoff=FUZZY_CUTOFF / 100)
        if best is None or best[0][0] != letters[0]:
            return None
        return self.hangul_words[best[2]], best[1] * 100

    def translated(self, kind: str, id_: str, field_name: str, lang: str) -> str | None:
        """Answer text in another language from translations.csv, or None when there is none."""
        return self.translations.get((kind, id_, field_name, lang))

    def scan(self, toks: list[str]) -> list[Hit]:
        """Every phrase occurrence, exact or (single words) fuzzy, longest first, overlapping allowed."""
        self.ensure({script_of(t) for t in toks})
        hits: list[Hit] = []
        fixed = list(toks)
        fuzzy_score = [100.0] * len(toks)
        for i, t in enumerate(toks):
            if (t,) not in self.phrases and t not in self.vocabulary:
                guess = self.fuzzy_word(t)
                if guess:
                    fixed[i], fuzzy_score[i] = guess
        unknown = [fixed[i] == toks[i] and toks[i] not in self.vocabulary for i in range(len(toks))]
        for n in (2, 3):
            # A typo in a short word of a phrase ("nort koreans") only shows in the whole phrase.
            for i in range(len(toks) - n + 1):
                if not any(unknown[i:i + n]):
                    continue
                window = " ".join(fixed[i:i + n])
                best = process.extractOne(window, self.multi_phrases, scorer=OSA.normalized_similarity,
                                          score_cutoff=MULTI_CUTOFF / 100)
                if best and best[0][0] == window[0] and len(best[0].split()) == n:
                    key = tuple(best[0].split())
                    for term in self.phrases[key]:
                        hits.append(Hit(i, i + n, term, best[1] * 100, " ".join(toks[i:i + n]), key))
        scripts = {script_of(t) for t in toks}
        for i in range(len(fixed)):
            for n in range(min(MAX_NGRAM, len(fixed) - i), 0, -1):
                key = tuple(fixed[i:i + n])
                for term in self.phrases.get(key, ()):
                    bound = self.script_bound.get((key, term))
                    if bound is not None and not bound & scripts:
                        continue  # a Russian row's "i" in an English question
                    hits.append(Hit(i, i + n, term, min(fuzzy_score[i:i + n]), " ".join(toks[i:i + n]), key))
        return hits

    def is_word(self, word: str) -> bool:
        """Is ``word`` (lower case) a whole word the bot knows, a term's word or a function word?"""
        return word in self.vocabulary or word in self.filler

    def label(self, kind: str, id_: str, form: str = "label", lang: str = "en") -> str:
        """Display name for an entity; falls back to the id so unknown ids still read sensibly.

        In Korean and Russian the name comes from translations.csv; Russian answers also ask for
        grammatical forms ("people_gen": "граждан КНДР", "to": "в Россию") that fall back to the
        nearest form. An entity with no translation keeps its English name rather than none.
        """
        if lang != "en":
            for f in (form, *_FORM_FALLBACK.get(form, ())):
                text = self.translations.get((kind, id_, f, lang))
                if text:
                    return text
        entry = self.labels.get((kind, id_))
        if entry is None:
            return id_.replace("_", " ")
        return entry.get(form) or entry["label"]

    def known(self, word: str) -> bool:
        return word in self.vocabulary or self.fuzzy_word(word) is not None


_PLACE_JOINERS_KO = ("와", "과")  # "루한스크와 도네츠크", "평양과 블라디보스토크": A and B


def _fact_place_names(translations: dict[tuple[str, str, str, str], str], lang: str) -> list[str]:
    """The single-word place names in the facts' translated ``place`` fields, without the joining
    particle of a pair: names a question may use that the dictionary may cut into pieces."""
    names: list[str] = []
    for (kind, _id, fld, lg), text in translations.items():
        if kind != "fact" or fld != "place" or lg != lang:
            continue
        for word in text.split():
            if word.endswith(_PLACE_JOINERS_KO) and len(word) > 2:
                word = word[:-1]
            names.append(word)
    return list(dict.fromkeys(names))
