"""A claim check as an answer: the checker's verdicts with the figures behind them, so that /check,
inline "check ...", and claims inside questions get "Where in the report" and "Cite" like any
answer that states a figure.

Presentation only: the verdicts are the checker's (handlers/claims.py), unchanged. Each verdict
that gives the data's side of a claim (matches or differs) becomes a :class:`StatedFigure`: the
stored figure itself when the verdict reads one stored figure as it is, else a value computed
from the stored figures it lists (a sum of periods, a change, a share, a rate, a comparison).
"""

from __future__ import annotations

from collections.abc import Mapping

from handlers import locators
from handlers.claims import ClaimChecker, Verdict
from handlers.language import detect
from handlers.model import Answer, DataAccess, StatedFigure
from handlers.store import FigureValues

# Verdict measures that read one stored figure as it is; anything else is computed from figures.
AS_STORED = ("count", "category")
GIVES_FIGURE = ("matches", "differs")  # "not in the data" states no figure of the data's


def check_claim(p: DataAccess, question: str, base: Answer) -> bool:
    """ "Claim: 300 came for work in Q3" / "is it true that ...": the claim checker's verdicts, into ``base``.

    Used only when it finds something to check; a verdict that the data lacks the figure is
    an honest fallback, a match or a difference is an answer (it carries the right figure).
    """
    checker = ClaimChecker(p)
    html, verdicts = checker.render(question)
    if not verdicts:
        return False
    base.html = html
    base.intent = "claim_check"
    # a verdict on bounds alone ("2023 had at least 731") leaves the question's own check to say more
    base.kind = "answer" if any(v.verdict in ("matches", "differs") and v.part != "bound" for v in verdicts) else "fallback"
    base.score = max(base.score, 80.0)
    # The figures the verdicts give, for "Where in the report" and "Cite" (and corrections).
    base.stated = stated_figures(checker, verdicts, p.lang)
    base.figure_ids = answered_ids(verdicts)
    return True


def stated_figures(checker: ClaimChecker, verdicts: list[Verdict], lang: str) -> list[StatedFigure]:
    """The figures a claim check's verdicts give, each with the stored figures it comes from; a
    "not in the data" verdict gives only the figures its note states ("part of 2022 (223)")."""
    data = checker.data(lang)
    values = _values(checker)
    out: list[StatedFigure] = []
    for v in verdicts:
        if v.verdict not in GIVES_FIGURE:
            shown = tuple(f for f in v.figure_ids if f in values and locators.contains_value(v.note or "", values[f]))
            if shown:
                out.append(StatedFigure("", shown, False))
            continue
        if not v.figure_ids:
            continue
        ids = list(v.figure_ids)
        stored = (len(ids) == 1 and v.measure in AS_STORED and v.data_value is not None
                  and values.get(ids[0]) == v.data_value)
        if v.measure == "share":
            # A share is of the published total: locate that too.
            totals = data.runner.run("handoff_total_of", ids=ids)
            ids += [r["total_id"] for r in totals if r["total_id"] not in ids]
        where = ", ".join(x for x in (v.period, v.direction) if x)
        text = f"{v.data_text} ({where})" if where and v.data_text else (v.data_text or "")
        out.append(StatedFigure(text=text, figure_ids=tuple(dict.fromkeys(ids)), computed=not stored))
    return out


def answered_ids(verdicts: list[Verdict]) -> list[str]:
    """The figures a claim check answers with (matches or differs): corrections follow these."""
    return list(dict.fromkeys(f for v in verdicts if v.verdict in GIVES_FIGURE for f in v.figure_ids))


def _values(checker: ClaimChecker) -> Mapping[str, int]:
    known = getattr(checker.p, "figure_values", None)  # the pipeline's, one per snapshot
    return known if known is not None else FigureValues(checker.p.snapshot)


def claim_answer(checker: ClaimChecker, text: str) -> tuple[Answer, list[Verdict]]:
    """/check SENTENCE and inline "check SENTENCE": the rendered verdicts as an answer (and the verdicts)."""
    lang = detect(text, getattr(checker.p, "lang", "en"))
    html, verdicts = checker.render(text)
    stated = stated_figures(checker, verdicts, lang)
    return Answer(question=text, kind="answer" if any(v.verdict in GIVES_FIGURE for v in verdicts) else "fallback",
                  intent="claim_check", score=80.0, html=html, figure_ids=answered_ids(verdicts),
                  version=checker.p.snapshot.version, lang=lang, stated=stated), verdicts
