"""Text intents: facts the report states, its sources, its caveats, help and coverage.

A fact answer must give what was asked (handlers/understanding/accounting.py); otherwise it says
what the report does not give, then the nearest statement as context.
"""

from __future__ import annotations

import re
from typing import Any

from handlers.understanding.extract import Extraction
from handlers.desk import FACT_FIELDS, FACT_KEEP_RATIO, MAX_FACTS
from handlers.language import russian_numeral
from handlers.model import Direction, NoData
from handlers.periods import parse_code
from handlers.queries import QueryRunner
from handlers.understanding.matcher import FACT_STRONG
from handlers.understanding.accounting import (ASPECT_DETAIL, NUMBER_WORDS, QUANTITY_WORDS, amount_only_in_words, asked_beyond,
                                               asks_whether_detail_holds, asks_yes_or_no, counted_in_words, counts_people,
                                               numbers_put_to_a_fact, checks_a_statement, thing_asked, focus_covered,
                                               facts_on_content, framing_the_fact_leaves, gives_aspect, detail_lacking, document_numbers, kind_asked, names_a_kind,
                                               details_unstated, duration_unstated, movement_unstated, organisations_unnamed, outcome_unstated, verdict_on_a_person, realisation_unstated, reason_unstated, places_unnamed, question_focus,
                                               names_a_kind_local, thing_asked_local,
                                               says_what_was_said, sources_leave_out,
                                               stated_differently, words_the_facts_leave_out)
from handlers.understanding.frame import fact_aspect
from handlers.language import korean_name_kinds, korean_proper_noun

# Languages whose questions are read for a statement checked against a fact (accounting.checks_a_statement).
STATEMENT_CHECK_LANGS = ("en", "ru")

_FORWARD_RE = re.compile(r"\b(expects?|predicts?|will|forecasts?|within [\w-]+ to [\w-]+ years)\b")

# The noun a city question names, echoed in "the report doesn't say (город)" (cue group ``asks_city``).
_CITY_NOUNS = frozenset({"city", "город", "도시"})

# "14–18 January 2024", "14-18 Jan": a span of days within one month, as the facts write dates.
_DAY_SPAN_RE = re.compile(r"\b(\d{1,2})\s*[–-]\s*(\d{1,2})\s+[A-Za-z]+")


def days_in_date_span(date: str) -> int | None:
    """The number of days a day span covers, both ends included ("14–18 January 2024" -> 5)."""
    m = _DAY_SPAN_RE.search(date)
    if m is None:
        return None
    first, last = int(m.group(1)), int(m.group(2))
    return last - first + 1 if 1 <= first < last <= 31 else None


class TextIntents:
    """The text intent handlers (a mixin of the pipeline, which supplies the desk methods)."""

    def _i_fact(self, ex: Extraction, runner: QueryRunner, chosen: list[dict[str, Any]] | None = None) -> tuple[str, list[str]]:
        """The facts that answer; ``chosen`` receives them (the conversation remembers them)."""
        top = ex.facts[0][1]
        ids = [f for f, s in ex.facts if s >= FACT_KEEP_RATIO * top][:MAX_FACTS]
        facts = self._localise(runner.run("facts", ids=ids), "fact", "fact_id", FACT_FIELDS)
        if len(facts) > 1:
            # "What was likely on the agenda?": of the facts matched about equally, one whose aspect
            # accounts for the framing words (a hedged statement for "likely") answers first.
            facts.sort(key=lambda f: bool(framing_the_fact_leaves(ex, f, self.lexicon)))
        if chosen is not None:
            chosen[:] = facts
        # A translated fact keeps its English statement, where a forecast is read whatever the question's language.
        if "future" in ex.cues and not any(f.get("kind") == "prediction" or _FORWARD_RE.search(
                f"{f.get('statement') or ''} {f.get('statement_en') or ''}") for f in facts[:1]):
            # "Will Putin visit in spring?": only a stated prediction answers a question about the
            # future, and it must be the fact that answers (a forecast kept beside an estimate of
            # the past does not make the estimate one); otherwise say so, and give what it does say.
            for f in facts[:1]:
                f["chain"] = self.source_chain(runner, f["source_id"])
            raise NoData("fact_detail", detail="a forecast", facts=facts[:1], version=self.snapshot.version)
        # Korean and Russian words arrive as lemmas; the facts' translations are read into lemmas
        # the same way before the two are compared (accounting._lemmas_the_facts_leave_out).
        uncovered = words_the_facts_leave_out(ex, facts, self.lexicon, self.lang)
        if self.lang == "en" and facts and verdict_on_a_person(ex):
            # "Is Lankov right?": what he said is context; whether he is right, the report does not say.
            for f in facts[:1]:
                f["chain"] = self.source_chain(runner, f["source_id"])
            raise NoData("fact_detail", detail="whether they are right", facts=facts[:1], version=self.snapshot.version)
        if (facts and self.lang in ("ko", "ru") and ex.facts[0][1] >= FACT_STRONG
                and ("정확" in ex.toks or "exact_number" in ex.cues) and "count" in ex.cues
                and not ex.numbers and counted_in_words(facts[0])):
            # "시베리아 당국이 원하는 노동자 정확한 숫자는?" against "thousands": an exact number is
            # asked of a fact that gives its amount only in words; the report has none.
            for f in facts[:1]:
                f["chain"] = self.source_chain(runner, f["source_id"])
            raise NoData("fact_detail", detail=ASPECT_DETAIL["how_many"], facts=facts[:1], version=self.snapshot.version)
        if facts and self.lang in STATEMENT_CHECK_LANGS and ex.facts[0][1] >= FACT_STRONG and (
                checks_a_statement(ex) or self.lang == "en" and asks_whether_detail_holds(ex, uncovered, facts[0])):
            # "Lankov teaches at Seoul National University, right?": a statement checked against the
            # fact it is about. What it says that the fact does not is named; then the fact.
            differs = stated_differently(ex, facts[0], uncovered)
            if self.lang != "en" and not ex.cues.keys() & {"check_figure", "claim"}:
                # A question asked by intonation alone ("Можно получить цифру за сентябрь?") states
                # something only when what differs is a number or a name the fact lacks
                # ("профессор Сеульского университета?", "за 12 месяцев?"); another word is a
                # detail the fact does not give, answered below as such.
                differs = [w for w in differs if _amount(w) or w in ex.proper_unknown]
            if differs and all(_amount(w) and w not in QUANTITY_WORDS for w in differs) and counted_in_words(facts[0]):
                # "Were there 40 workers at the site?" against "dozens": no exact number to check.
                for f in facts[:1]:
                    f["chain"] = self.source_chain(runner, f["source_id"])
                raise NoData("fact_detail", detail=ASPECT_DETAIL["how_many"], facts=facts[:1], version=self.snapshot.version)
            if differs:
                return self._fact_check_reply(facts[0], differs, runner, chosen), []
        if (facts and facts[0]["fact_id"] in self.lexicon.profile_facts and not ex.named_subject
                and (ex.categories or ex.numbers) and "who_question" not in ex.cues):
            # "교육 목적 24명은 어느 대학으로 갔나요?": the travellers of a figure, not the person a
            # profile describes, are asked about; a word of the profile ("university") is no answer.
            for f in facts[:1]:
                f["chain"] = self.source_chain(runner, f["source_id"])
            raise NoData("fact_detail", detail=" ".join(uncovered or [t for t in ex.fact_only_words][:1]) or "what was said",
                         facts=[], version=self.snapshot.version)
        if facts and self.lang != "en" and ex.facts[0][1] >= FACT_STRONG and asks_yes_or_no(ex, self.lexicon):
            # "블라디보스토크 현장 노동자 50명 정도였죠?", "란코프가 서울대 교수인가요?": a statement put
            # to the fact it is about. A number against a fact that gives amounts only in words
            # ("dozens") is neither confirmed nor wrong: the report gives no number, and says so.
            numbers = numbers_put_to_a_fact(ex, facts[0])
            if numbers and all(counts_people(n, self.lexicon) for n in numbers) and amount_only_in_words(facts[0]):
                for f in facts[:1]:
                    f["chain"] = self.source_chain(runner, f["source_id"])
                if chosen is not None:
                    chosen[:] = facts[:1]
                raise NoData("fact_detail", detail=", ".join(numbers), facts=facts[:1], version=self.snapshot.version)
            # Names and numbers the fact does not state are what the statement gets wrong; other
            # words are details the report may not give (below).
            # A name contradicts the fact only when the fact names something of its kind ("서울대"
            # against "국민대"; "모스크바" against "블라디보스토크"); another name is a detail it lacks.
            said = " ".join([str(facts[0].get("statement") or "")] + [" ".join(k) for k in
                                                                       self.lexicon.fact_keywords.get(facts[0]["fact_id"], {})])
            # Countries and people are not of a kind a name can swap for: "Moscow" is a detail of
            # "visited Russia", and a fact names its own subject.
            kinds = {k for w, k in korean_name_kinds(said) if k != "인명"
                     and not any(t.kind == "country" for t in self.lexicon.phrases.get((w,), ()))}
            names = [w for w in uncovered if w in ex.proper_unknown
                     or korean_proper_noun(w) and {k for _, k in korean_name_kinds(w)} & kinds]
            if names or numbers:
                return self._fact_check_reply(facts[0], list(dict.fromkeys(names + numbers + uncovered)), runner, chosen), []
        if (self.lang == "en" and facts and ex.cues.keys() & {"claim", "claim_weak", "check_figure"}
                and realisation_unstated(ex, facts[0], self.lexicon)):
            # "The script says Putin visited Pyongyang in January; is that what the report says?": a
            # statement put to a fact that reports only talks: not as the report puts it, and what it says.
            return self._fact_check_reply(facts[0], ["that it happened"], runner, chosen), []
        wrong_number = [asked for asked, stated in document_numbers(ex.text, str(facts[0].get("statement") or ""))
                        if asked != stated] if self.lang == "en" and facts else []
        if wrong_number:
            # "How many workers had to go home under Resolution 2371?": the report's resolution is
            # 2397; what it says is given as what the report says, never as the answer about 2371.
            return self._fact_check_reply(facts[0], wrong_number, runner, chosen), []
        aspect = fact_aspect(ex)
        if uncovered or not says_what_was_said(ex, facts[0] if facts else None) or not gives_aspect(aspect, ex, facts):
            # "How did each member vote on 2397?": the resolution's fact is near, but nothing in it
            # answers "vote". Say what the report does not give, then what it does, as context.
            for f in facts[:1]:
                f["chain"] = self.source_chain(runner, f["source_id"])
            raise NoData("fact_detail", detail=" ".join(uncovered) or ASPECT_DETAIL.get(aspect or "", "what was said"),
                         facts=facts[:1],
                         version=self.snapshot.version)
        on_content = None
        if facts and facts[0].get("kind") == "event" and "outcome" not in ex.cues:
            # What was discussed at an event: a statement of the same topic may say it, though it
            # matched the question less well than the event itself ("Putin's visit was discussed").
            same_topic = [f for f in self._localise(runner.run("facts", ids=[i for i, _ in ex.facts]), "fact", "fact_id",
                                                    FACT_FIELDS) if f.get("topic") == facts[0].get("topic")]
            on_content = facts_on_content(ex, same_topic, self.lexicon)
        if on_content is not None:
            if not on_content:
                # "What did they talk about?": no statement says what was discussed.
                for f in facts[:1]:
                    f["chain"] = self.source_chain(runner, f["source_id"])
                raise NoData("fact_detail", detail="what was discussed", facts=facts[:1], version=self.snapshot.version)
            facts = on_content  # the statement of what was discussed first, not only that they met
            if chosen is not None:
                chosen[:] = facts
        if self.lang == "en" and facts and reason_unstated(ex, facts[0]):
            # "Why did Choe visit Russia?": the visit's fact says that she went, not why.
            for f in facts[:1]:
                f["chain"] = self.source_chain(runner, f["source_id"])
            raise NoData("fact_detail", detail="why", facts=facts[:1], version=self.snapshot.version)
        if self.lang == "en" and facts and movement_unstated(ex, facts[0], self.lexicon):
            # "Did Lankov visit Russia himself?": his profile says where he teaches, not that he went.
            for f in facts[:1]:
                f["chain"] = self.source_chain(runner, f["source_id"])
            raise NoData("fact_detail", detail="that they went there", facts=facts[:1], version=self.snapshot.version)
        if self.lang == "en" and facts and duration_unstated(ex, facts[0]):
            # "How long is the Pyongyang-Vladivostok flight?": the flights fact gives no duration.
            for f in facts[:1]:
                f["chain"] = self.source_chain(runner, f["source_id"])
            raise NoData("fact_detail", detail="how long", facts=facts[:1], version=self.snapshot.version)
        lacking = detail_lacking(ex, facts[0], aspect) if self.lang == "en" and facts else None
        if lacking:
            # "Which month will they return?", "how many workers are in Siberia now?": a detail the
            # nearest statement does not state (a finer date, another period, a count, not a wish).
            for f in facts[:1]:
                f["chain"] = self.source_chain(runner, f["source_id"])
            raise NoData("fact_detail", detail=lacking, facts=facts[:1], version=self.snapshot.version)
        unstated = details_unstated(ex, facts[0], self.lexicon) if self.lang == "en" and facts else []
        if unstated:
            # "Which ministers went with Choe?": who went along is asked; the visit's fact names
            # Choe and Putin, which merely share the question's other words: context, not the answer.
            for f in facts[:1]:
                f["chain"] = self.source_chain(runner, f["source_id"])
            raise NoData("fact_detail", detail=", ".join(unstated), facts=facts[:1], version=self.snapshot.version)
        if self.lang == "en" and facts and outcome_unstated(ex, facts[0], self.lexicon):
            # "What came out of Choe's meeting with Putin?": the visit's fact says that they met,
            # not what came of it; that it happened is context, not the answer.
            for f in facts[:1]:
                f["chain"] = self.source_chain(runner, f["source_id"])
            raise NoData("fact_detail", detail="what came of it", facts=facts[:1], version=self.snapshot.version)
        if self.lang == "en" and facts and realisation_unstated(ex, facts[0], self.lexicon):
            # "Have workers actually arrived in Donetsk?": the fact reports only talks or a wish;
            # that it happened is not in the report, and the talks are context.
            for f in facts[:1]:
                f["chain"] = self.source_chain(runner, f["source_id"])
            raise NoData("fact_detail", detail="that it happened: it reports only what was discussed or wanted",
                         facts=facts[:1], version=self.snapshot.version)
        if facts and "stock" in ex.cues and "count" in ex.cues and "stock" in ex.cue_start:
            # "러시아에 현재 체류 중인 북한 노동자 수는?": how many are there now, a stock; the
            # statements give entries in a quarter or an estimate of arrivals, never a stock, so
            # the nearest one is context, not the answer. The detail is the question's own word.
            for f in facts[:1]:
                f["chain"] = self.source_chain(runner, f["source_id"])
            raise NoData("fact_detail", detail=ex.toks[ex.cue_start["stock"]], facts=facts[:1],
                         version=self.snapshot.version)
        if facts and "asks_city" in ex.cues and "asks_city" in ex.cue_start:
            place = str(facts[0].get("place_en") or facts[0].get("place") or "")
            countries = {v["label"] for (kind, _), v in self.lexicon.labels.items() if kind == "country"}
            if not place or place in countries:
                # "В каком городе проходила встреча?": the fact names a country at most, no city.
                for f in facts[:1]:
                    f["chain"] = self.source_chain(runner, f["source_id"])
                at = ex.cue_start["asks_city"]
                city = next((t for t in ex.toks[at:at + 4] if t in _CITY_NOUNS), ex.toks[at])
                raise NoData("fact_detail", detail=city, facts=facts[:1], version=self.snapshot.version)
        beyond = asked_beyond(ex, facts[0]) if facts and self.lang == "en" else None
        if facts and self.lang != "en" and "negation_after" in ex.cue_start:
            # "최선희는 푸틴 말고 누구를 만났나요?": what the fact names is set aside (the word
            # before 말고/외에), so the fact does not answer it.
            at = ex.cue_start["negation_after"]
            aside = ex.toks[at - 1] if at > 0 else ""
            if len(aside) >= 2 and aside in str(facts[0].get("statement") or ""):
                beyond = f"{aside} 외"
        if beyond:
            # "Who did Choe meet besides Putin?": the fact names only the one the question sets aside.
            for f in facts[:1]:
                f["chain"] = self.source_chain(runner, f["source_id"])
            raise NoData("fact_detail", detail=beyond, facts=facts[:1], version=self.snapshot.version)
        kind = kind_asked(ex.text) if self.lang == "en" else None
        # "What weapons did North Korea send?": which ones, asked of a thing the report names only
        # in general (a place_nouns cue); answered only by a fact that says what kind they were.
        kind = kind or (thing_asked(ex, self.lexicon) if self.lang == "en" else None)
        local = thing_asked_local(ex, self.lexicon) if self.lang != "en" and not kind else None
        if local and facts and not names_a_kind_local(local, str(facts[0].get("statement") or ""), self.lang):
            # "Какое именно оружие ...?", "어떤 무기를 ...?": the same, read on the lemmas and the
            # fact's statement in the question's language.
            for f in facts[:1]:
                f["chain"] = self.source_chain(runner, f["source_id"])
            raise NoData("fact_detail", detail=local, facts=facts[:1], version=self.snapshot.version)
        said = " ".join(str(facts[0].get(k) or "") for k in ("statement", "quote")) if facts else ""
        if kind and facts and not names_a_kind(kind, said, self.lexicon):
            # "What kind of weapons ...?": the weapons fact is near, but it names no kind.
            for f in facts[:1]:
                f["chain"] = self.source_chain(runner, f["source_id"])
            raise NoData("fact_detail", detail=f"what kind of {kind}", facts=facts[:1], version=self.snapshot.version)
        focus = question_focus(ex.text, self.lexicon, self.lang, ex.toks)
        if focus:
            # "Which airline flies the route?": the flights fact is near, but it does not say.
            # The best-matching fact must say it; a weaker fact that happens to (another quote of
            # the same person) would answer a different question.
            answering = [f for f in facts if focus_covered(focus, f, self.lexicon, ex.text)]
            if not facts or facts[0] not in answering:
                for f in facts[:1]:
                    f["chain"] = self.source_chain(runner, f["source_id"])
                raise NoData("fact_detail", detail=" ".join(focus), facts=facts[:1], version=self.snapshot.version)
            facts = answering
            if chosen is not None:
                chosen[:] = facts
        for f in facts:
            f["chain"] = self.source_chain(runner, f["source_id"])
        elsewhere = (organisations_unnamed(ex.text, facts[0], [c["name"] for c in facts[0]["chain"]])
                     if facts and self.lang == "en" and ex.cues.keys() & {"focus_person", "who_question"} else [])
        if elsewhere:
            # "Which NK News journalist wrote it?": the byline names someone at another outlet.
            raise NoData("fact_detail", detail=f"who at {elsewhere[0]}", facts=facts[:1], version=self.snapshot.version)
        # "... meet in Moscow?": the answer says the report does not name the city.
        unnamed = places_unnamed(ex, facts[0], self.lexicon) if facts and self.lang == "en" else []
        if (unnamed and checks_a_statement(ex) and not facts[0].get("place") and "who_question" not in ex.cues
                and "focus_date" not in ex.cues):
            # "The report says the workers were in Khabarovsk, correct?": a place put to a fact that
            # names no place at all is no confirmation; what the report says is context.
            raise NoData("fact_detail", detail=", ".join(unnamed), facts=facts[:1], version=self.snapshot.version)
        if facts and "duration_question" in ex.cues:
            # "Сколько дней длился визит?": a span of days in the fact's date ("14–18 January 2024")
            # is counted, both ends included; the count is the template's, the dates the report's.
            facts[0]["days"] = days_in_date_span(str(facts[0].get("date_en") or facts[0].get("date") or ""))
        return self._render("fact", facts=facts, version=self.snapshot.version, unnamed_places=unnamed), []

    def _fact_check_reply(self, fact: dict[str, Any], differs: list[str], runner: QueryRunner,
                          chosen: list[dict[str, Any]] | None) -> str:
        """A statement put to ``fact`` that gets some of it wrong: the words it differs in (at most
        four), then the fact with its source chain; ``chosen`` learns the fact, for the hand-off."""
        fact["chain"] = self.source_chain(runner, fact["source_id"])
        if chosen is not None:
            chosen[:] = [fact]
        detail = ", ".join(f"“{w}”" for w in differs[:4])
        return self._render("fact_check", detail=detail, facts=[fact], version=self.snapshot.version)

    def _i_sources(self, ex: Extraction, runner: QueryRunner) -> tuple[str, list[str]]:
        chain: list[dict[str, Any]] = []
        for r in runner.run("sources_used"):
            for s in self.source_chain(runner, r["source_id"]):
                if s["source_id"] not in {c["source_id"] for c in chain}:
                    chain.append(s)
        described = " ".join(str(v) for s in chain for k, v in s.items() if isinstance(v, str))
        asked = sources_leave_out(ex, self.lexicon, described, self.lang)
        if "future" in ex.cues and not asked:
            # "Какой прогноз ФСБ на четвёртый квартал?": the sources publish counts, never a forecast.
            asked = ["a forecast"]
        if "focus_date" in ex.cues and not asked:
            # "When did the FSB release these statistics?": a date asked of a source the list names
            # without one (only NK News's report is dated); the list is no answer to "when".
            named = [s for s in chain if _named_in(s, ex.toks)]
            if named and not any(s.get("published") for s in named):
                asked = ["when"]
        differs = ""
        if (asked and (checks_a_statement(ex) if self.lang in STATEMENT_CHECK_LANGS else asks_yes_or_no(ex, self.lexicon))
                and (not ex.facts or ex.facts[0][1] < FACT_STRONG)):
            # "Draft says the numbers come from Russia's interior ministry. OK?": a statement about
            # the sources, checked: what it says that they do not, then the sources themselves.
            differs, asked = ", ".join(f"“{w}”" for w in asked[:4]), []
        if asked:
            # "What is the name of the NK News reporter?", "what stance did Seoul take on the report?":
            # the list of sources answers neither. Say so, with the nearest statement as context.
            facts = self._localise(runner.run("facts", ids=[f for f, _ in ex.facts[:1]]), "fact", "fact_id", FACT_FIELDS)
            for f in facts:
                f["chain"] = self.source_chain(runner, f["source_id"])
            raise NoData("fact_detail", detail=" ".join(asked), facts=facts, version=self.snapshot.version)
        caveats = self._localise([c for c in runner.run("all_caveats") if c["kind"] == "provenance"],
                                 "caveat", "caveat_id", ("text",))
        return self._render("sources", chain=chain, caveats=caveats, differs=differs, report_date=self.report_date,
                            dataset=self._dataset(), version=self.snapshot.version), []

    def _i_caveats(self, ex: Extraction, runner: QueryRunner) -> tuple[str, list[str]]:
        # Only breakdowns that miss their total are shown; listed by direction, dimension, period.
        order = {d: i for i, d in enumerate(self.directions)}
        dims = self._dimensions_in_data()
        gaps = sorted(runner.run("breakdown_gaps"),
                      key=lambda r: (order.get(Direction(r["citizens"], r["destination"]), len(order)),
                                     dims.index(r["dimension"]) if r["dimension"] in dims else len(dims),
                                     r["p_start"], r["p_end"]))
        checks = [{"dir": self.dir_values(Direction(r["citizens"], r["destination"])), "period": parse_code(r["period"]),
                   "dimension": self._label("dimension", r["dimension"]), "total": r["total"],
                   "parts_sum": r["parts_sum"], "unaccounted": r["unaccounted"], "n": r["n"]} for r in gaps]
        caveats = self._localise(runner.run("all_caveats"), "caveat", "caveat_id", ("text",))
        return self._render("caveats", checks=checks, caveats=caveats, version=self.snapshot.version), []

    def _i_help(self, ex: Extraction, runner: QueryRunner) -> tuple[str, list[str]]:
        return self._render("help", examples=self.examples(), coverage=self.coverage(runner)), []

    def _i_coverage(self, ex: Extraction, runner: QueryRunner) -> tuple[str, list[str]]:
        return self._render("coverage", coverage=self.coverage(runner), dataset=self._dataset(),
                            version=self.snapshot.version), []

    def _dataset(self) -> str:
        return self.lexicon.translated("meta", "dataset", "text", self.lang) or self.dataset if self.lang != "en" else self.dataset


def _named_in(source: dict[str, Any], toks: list[str]) -> bool:
    """Is this source named in the question ("the FSB", "NK News", "Donga")? By the words of its
    name and short citation, so "the Russian FSB" and "Dong-A" both count."""
    names = " ".join(str(source.get(k) or "") for k in ("name", "name_en", "cite_as")).lower()
    # Any script: a Russian question names "ФСБ" as the localised name spells it (its tokens are
    # lemmas, and an abbreviation is its own lemma). Digits and punctuation name nothing.
    words = set(re.findall(r"[^\W\d_]+", names))
    words -= {"russian", "federal", "service", "the", "of", "news", "border", "statistics", "security", "a", "ilbo"}
    return bool(words & set(toks))


def _amount(word: str) -> bool:
    """A number stated in a question: digits, or a number word ("сто", "forty", "hundreds").
    A number set against an amount in words ("40" against "dozens") cannot be checked; a word
    of quantity ("hundreds" against "dozens") can, so only the former gets "no exact number"."""
    return word.replace(".", "").isdigit() or word in NUMBER_WORDS or russian_numeral(word)
