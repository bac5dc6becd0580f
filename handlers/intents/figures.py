"""Figure intents: totals, breakdowns, categories, shares, rankings, comparisons and series.

Each ``_i_<intent>`` method answers a :class:`FigureQuestion` (the direction, periods and
categories resolved for one question) with its named SQL and template. They are a mixin of the
pipeline and use the desk's resolvers and labels. New question shapes are operations
(handlers/operations/), not new intents here.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from typing import Any

from handlers.understanding.accounting import periods_joined_by_plus, year_range
from handlers.understanding.extract import Extraction
from handlers.model import Direction, FollowUp, NoData, Ref
from handlers.periods import Period, parse_code, tile
from handlers.queries import QueryRunner

# What joins two periods into one side of a comparison, in the three languages ("Q1 and Q2",
# "первый и второй", "1분기와 2분기"): a particle or conjunction alone between the two mentions.
# "во сколько раз ... больше, чем корейцев": something named after "than" is the other side, so the
# period before is not put in its place when the quarter before is missing.
_THAN_WORDS = frozenset({"than", "чем", "보다", "vs", "versus", "против"})
_JOINING_WORDS = frozenset({"and", "+", "plus", "&", "и", "и за", "и в", "и во", "а также",
                            "와", "과", "랑", "이랑", "하고", "및", "·", "ㆍ"})


LATER_ORDINALS = {"fourth": 4, "4th": 4, "fifth": 5, "5th": 5}  # "which purpose ranks fourth?"
RANK_REFERENCE_WORDS = frozenset({"after", "behind", "besides", "below", "beneath", "under", "than", "excluding", "except"})


class FigureIntents:
    """The figure intent handlers (a mixin of the pipeline, which supplies the desk methods)."""

    def run_frame(self, intent: str, frame: FollowUp, ex: Extraction, runner: QueryRunner,
                  now: float) -> tuple[str, FollowUp, list[str]]:
        """Answer an edited frame as it stands: its slots are already resolved, nothing is merged."""
        if frame.direction is None:
            raise NoData("direction", citizens=None, destination=None, directions=self._direction_labels())
        asked = FigureQuestion(ex=ex, runner=runner, direction=frame.direction, assumed_direction=False,
                               categories=list(frame.categories),
                               dimensions=list(frame.dimensions) or [c[0] for c in frame.categories][:1],
                               fixed_periods=list(frame.periods) or None, now=now)
        if intent == "compare_directions":
            asked.compare_pair = (frame.direction, Direction(frame.direction.destination, frame.direction.citizens))
        if intent in ("share", "complement", "category") and not asked.categories:
            intent = "breakdown" if asked.dimensions else "total"
        return getattr(self, f"_i_{intent}")(asked), asked.context(intent), asked.figure_ids

    def _periods_for(self, asked: FigureQuestion, dimension: str = "total", category: str = "all",
                     direction: Direction | None = None) -> tuple[list[Period], list[Period], bool]:
        """(requested periods, available periods, whether the period was assumed)."""
        d = direction or asked.direction
        avail = self.available(asked.runner, d, dimension, category)
        if asked.fixed_periods is not None:
            return list(asked.fixed_periods), avail, False
        requested = self.resolve_mentions(asked.ex.periods, avail)
        if requested:
            return requested, avail, False
        latest = self.latest(avail)
        if latest is None:
            raise NoData("series", what=self.series_name(dimension, category), **self.dir_values(d))
        return [latest], avail, True

    def _sum(self, asked: FigureQuestion, period: Period, avail: list[Period], dimension: str = "total", category: str = "all",
             direction: Direction | None = None, parts: list[Period] | None = None) -> dict[str, Any]:
        """The period's value: the sum of the stored ``parts`` given (a span covered in part), else
        of the stored periods that make it up exactly."""
        d = direction or asked.direction
        parts = parts or self.stored_parts(period, avail, d, self.series_name(dimension, category))
        row = asked.runner.one("sum_periods", citizens=d.citizens, destination=d.destination, dimension=dimension,
                            category=category, periods=[p.code for p in parts])
        assert row is not None and row["value"] is not None  # the tiling came from the same rows
        asked.figure_ids.extend(row["figure_ids"])
        return {"value": row["value"], "period": period, "parts": [
            {"label": self.period_label(parse_code(c)), "value": v} for c, v in zip(row["periods"], row["part_values"])],
            "source": self.source_chain(asked.runner, row["source_id"])}

    def _i_total(self, asked: FigureQuestion) -> str:
        requested, avail, assumed = self._periods_for(asked)
        asked.periods = requested
        if (len(requested) == 2 and not asked.ex.cues.keys() & {"combine", "sum_given"} and not periods_joined_by_plus(asked.ex)
                and not (year_range(asked.ex) and "change" not in asked.ex.cues)):
            return self._i_compare_periods(asked)
        if (len(requested) >= 3 and (_MINUS_RE.search(asked.ex.text.lower()) or _SET_AGAINST_RE.search(asked.ex.text.lower()))
                and self._joined_sides(asked, requested) is not None):
            # "Q1+Q2+Q3 2023 minus 2022": one side's sum less the other's is their difference.
            return self._i_compare_periods(asked)
        if len(requested) >= 2:
            return self._period_list(asked, requested, avail)
        result = self._sum(asked, requested[0], avail)
        result["year_gap"] = self._year_gap(asked, requested[0], avail) if len(result["parts"]) > 1 else None
        return self._render("total", r=result, assumed_period=assumed, **self._common(asked, requested))

    def _year_gap(self, asked: FigureQuestion, period: Period, avail: list[Period]) -> dict[str, Any] | None:
        """ "The first nine months of 2023", "Jan–Sep 2023": a span inside a year the data covers
        only in part is no year's total; the year and the quarters the report lacks are named, so
        the sum is not copied as the year's figure."""
        year, _ = divmod(period.start, 12)
        if not 9 <= period.months < 12 or period.end // 12 != year:  # three quarters or more read as the year
            return None
        whole = Period(year * 12, year * 12 + 11)
        try:
            _, missing = self.span_parts(whole, avail, asked.direction, "total")
        except NoData:
            return None
        if not missing:
            return None
        return {"year": self.period_label(whole), "missing": [self.period_label(p) for p in missing]}

    def _period_list(self, asked: FigureQuestion, requested: list[Period], avail: list[Period]) -> str:
        """Several named periods: each value, and their sum when the periods do not overlap. A
        period the data covers in part ("2022 plus 2023 so far") is the sum of its stored parts,
        labelled as partial, never as the whole."""
        periods = sorted(set(requested))
        spans = [(p, *self.span_parts(p, avail, asked.direction, "total")) for p in periods]
        results = [dict(self._sum(asked, p, avail, parts=parts), partial=bool(gap)) for p, parts, gap in spans]
        partial = [self.partial_note(p, parts, gap) for p, parts, gap in spans if gap]
        disjoint = all(a.end < b.start for a, b in zip(periods, periods[1:]))
        combined = None
        if disjoint:
            pieces = [x for _, parts, _ in spans for x in parts]
            combined = asked.runner.one("sum_periods", citizens=asked.direction.citizens, destination=asked.direction.destination,
                                     dimension="total", category="all", periods=[p.code for p in pieces])
        return self._render("period_list", results=results, combined=combined, partial=partial, **self._common(asked, periods))

    def _breakdown_rows(self, asked: FigureQuestion, dimension: str, period: Period, avail: list[Period]) -> list[dict[str, Any]]:
        parts = self.stored_parts(period, avail, asked.direction, "total")
        rows = asked.runner.run("breakdown", citizens=asked.direction.citizens, destination=asked.direction.destination,
                             dimension=dimension, periods=[p.code for p in parts])
        for r in rows:
            r["label"] = self._label(dimension, r["category"])
            r["phrase"] = self._label(dimension, r["category"], "phrase")
            asked.figure_ids.extend(r["figure_ids"])
        return rows

    def _dimension_period(self, asked: FigureQuestion, dimension: str) -> tuple[Period, list[Period], bool]:
        """The period for a breakdown: asked, or the latest that has this breakdown."""
        requested, avail, assumed = self._periods_for(asked)
        asked.periods = requested
        if assumed:
            with_dim = self._periods_with_dimension(asked, dimension)
            if with_dim:
                return self.latest(with_dim), avail, True
        return requested[0], avail, assumed

    def _periods_with_dimension(self, asked: FigureQuestion, dimension: str) -> list[Period]:
        """Periods with a total and a breakdown by ``dimension``, oldest first (one query, not one per period)."""
        rows = asked.runner.run("periods_with_dimension", citizens=asked.direction.citizens,
                             destination=asked.direction.destination, dimension=dimension)
        return [parse_code(r["period"]) for r in rows]

    def _need_rows(self, asked: FigureQuestion, dimension: str, period: Period, avail: list[Period]) -> list[dict[str, Any]]:
        rows = self._breakdown_rows(asked, dimension, period, avail)
        if not rows:
            have = [self.period_label(p) for p in self._periods_with_dimension(asked, dimension)]
            raise NoData("breakdown", dimension=self._label("dimension", dimension), period=self.period_label(period),
                         available=have, **self.dir_values(asked.direction))
        return rows

    def _i_breakdown(self, asked: FigureQuestion) -> str:
        dims = asked.dimensions or [r for r in self._dimensions_in_data()]
        blocks = []
        period = None
        assumed = False
        for dim in dims:
            period, avail, assumed = self._dimension_period(asked, dim)
            rows = self._need_rows(asked, dim, period, avail)
            blocks.append({"dimension": self._label("dimension", dim), "rows": rows,
                           "caveats": self.caveats(asked, [period], dim, None, all_categories=True)})
        asked.periods = [period] if period else []
        return self._render("breakdown", blocks=blocks, period=period, assumed_period=assumed,
                            **self._common(asked, asked.periods, caveats=False))

    def _category_rows(self, asked: FigureQuestion) -> tuple[list[dict[str, Any]], Period, bool, list[dict[str, Any]]]:
        dims = {d for d, _ in asked.categories}
        if len(dims) > 1:
            raise NoData("crosstab", categories=[self._label(d, i) for d, i in asked.categories],
                         **self.dir_values(asked.direction))
        dim = next(iter(dims))
        period, avail, assumed = self._dimension_period(asked, dim)
        rows = self._need_rows(asked, dim, period, avail)
        picked = []
        for d, cid in asked.categories:
            row = next((r for r in rows if r["category"] == cid), None)
            if row is None:
                raise NoData("category", category=self._label(d, cid), dimension=self._label("dimension", d),
                             period=self.period_label(period), rows=rows, **self.dir_values(asked.direction))
            picked.append(row)
        asked.periods = [period]
        return picked, period, assumed, rows

    def _i_category(self, asked: FigureQuestion) -> str:
        picked, period, assumed, rows = self._category_rows(asked)
        dim = asked.categories[0][0]
        combined = None
        if len(picked) > 1:
            parts = self.stored_parts(period, self.available(asked.runner, asked.direction), asked.direction, "total")
            combined = asked.runner.one("sum_categories", citizens=asked.direction.citizens, destination=asked.direction.destination,
                                     dimension=dim, categories=[r["category"] for r in picked],
                                     periods=[p.code for p in parts])
        return self._render("category", picked=picked, rows=rows, period=period, assumed_period=assumed, combined=combined,
                            pair=self._category_pair(asked, picked, period),
                            dimension=self._label("dimension", dim),
                            caveats=self.caveats(asked, [period], dim, [c for _, c in asked.categories]),
                            **self._common(asked, [period], caveats=False))

    def _category_pair(self, asked: FigureQuestion, picked: list[dict[str, Any]], period: Period) -> dict[str, Any] | None:
        """Two categories side by side: difference and ratio, computed in SQL."""
        if len(picked) != 2:
            return None
        dim = asked.categories[0][0]
        small, big = sorted(picked, key=lambda r: r["value"])
        parts = self.stored_parts(period, self.available(asked.runner, asked.direction), asked.direction, "total")
        d = asked.direction
        row = self.compare(asked.runner, (d, parts, small["category"]), (d, parts, big["category"]), dim)
        return {"big": big, "small": small, "r": row}

    def _i_share(self, asked: FigureQuestion) -> str:
        picked, period, assumed, rows = self._category_rows(asked)
        dim = asked.categories[0][0]
        # "Business share among the published purposes only (of 326)?": the base asked is the sum of
        # the published categories, given beside the share of the total (never instead of it).
        of_parts = bool(_PARTS_BASE_RE.search(asked.ex.text.lower())) or any(
            n == str(rows[0]["parts_sum"]) for n in asked.ex.numbers) if rows else False
        return self._render("share", picked=picked, rows=rows, period=period, assumed_period=assumed, of_parts=of_parts,
                            dimension=self._label("dimension", dim),
                            caveats=self.caveats(asked, [period], dim, [c for _, c in asked.categories]),
                            **self._common(asked, [period], caveats=False))

    def _i_complement(self, asked: FigureQuestion) -> str:
        picked, period, assumed, rows = self._category_rows(asked)
        dim = asked.categories[0][0]
        others = [r for r in rows if r["category"] not in {c for _, c in asked.categories}]
        return self._render("complement", picked=picked[0], others=others, rows=rows, period=period,
                            assumed_period=assumed, dimension=self._label("dimension", dim),
                            caveats=self.caveats(asked, [period], dim, None, all_categories=True),
                            **self._common(asked, [period], caveats=False))

    def _i_ranking(self, asked: FigureQuestion) -> str:
        dims = asked.dimensions or sorted({d for d, _ in asked.categories})
        if not dims:
            return self._rank_periods(asked)
        dim = dims[0]
        period, avail, assumed = self._dimension_period(asked, dim)
        rows = self._need_rows(asked, dim, period, avail)
        dimension = self._label("dimension", dim)
        pool = ranking_pool(asked.ex, dim)
        if pool and {r["category"] for r in rows} & pool:
            # "Which of rail, road and foot ...?", "which land route ...?": ranked among those only,
            # and said so, never as the leader of the whole breakdown.
            rows = reranked([r for r in rows if r["category"] in pool])
            dimension = f"{dimension} among {' / '.join(r['label'] for r in rows)}"
        asked.periods = [period]
        toks = set(asked.ex.toks)
        cues = asked.ex.cues
        position = (2 if toks & {"second", "2nd"} or "rank_second" in cues
                    else 3 if toks & {"third", "3rd"} or "rank_third" in cues
                    else next((n for w, n in LATER_ORDINALS.items() if w in toks), None))
        after = self._ranked_after(asked, rows, dim)
        if after is not None:
            position = after
        if position is None:
            mode = "bottom" if "rank_bottom" in asked.ex.cues else "top" if "rank_top" in asked.ex.cues else "all"
        else:
            mode = "position"
        if mode == "top" and {"rank_top", "rank_bottom"} <= asked.ex.cues.keys():
            mode = "both"
        top_rank_col = "rank_asc" if mode == "bottom" else "rank_desc"
        want = 1 if mode in ("top", "bottom", "both") else (position or 1)
        chosen = [r for r in rows if r[top_rank_col] == want]
        asked.refs = [Ref(asked.direction, period, dim, r["category"]) for r in chosen]
        asked.rank_position = (-1 if mode == "bottom" else want) if mode != "all" else 1
        bottom = [r for r in rows if r["rank_asc"] == 1]
        unaccounted = rows[0]["unaccounted"] or 0
        # The leader is certain only if no unpublished remainder could hide a bigger category.
        certain = mode != "all" and all(r["value"] >= unaccounted for r in chosen) if mode in ("top", "both", "position") else True
        # "After business, which comes second?": a category named as the point of reference is not
        # the one asked about, so no "Yes"/"No" is said of it.
        toks_list = asked.ex.toks
        asked_categories = [] if pool or after is not None else [c for d, c in asked.categories
                                            if not set(toks_list[max(0, asked.ex.category_at.get((d, c), 0) - 2):
                                                                 max(0, asked.ex.category_at.get((d, c), 0))])
                                            & RANK_REFERENCE_WORDS]
        top_gap = self._top_two_gap(asked, rows, period, dim)
        return self._render("ranking", rows=rows, chosen=chosen, bottom=bottom, mode=mode, position=want,
                            certain=certain, asked=asked_categories, period=period, assumed_period=assumed,
                            top_gap=top_gap,
                            dimension=dimension,
                            caveats=self.caveats(asked, [period], dim, None, all_categories=True),
                            **self._common(asked, [period], caveats=False))

    def _ranked_after(self, asked: FigureQuestion, rows: list[dict[str, Any]], dim: str) -> int | None:
        """ "사업 다음으로 많은 목적", "следом за деловыми поездками": the position after the one
        category named with a ``rank_after`` cue (data/cues.csv), or None. A category tied with
        others has no single next position, so none is read."""
        if "rank_after" not in asked.ex.cues:
            return None
        named = [c for d, c in asked.categories if d == dim]
        if len(named) != 1:
            return None
        ranks = [r["rank_desc"] for r in rows if r["category"] == named[0]]
        if len(ranks) != 1 or sum(1 for r in rows if r["rank_desc"] == ranks[0]) > 1:
            return None
        return ranks[0] + 1

    def _top_two_gap(self, asked: FigureQuestion, rows: list[dict[str, Any]], period: Period, dim: str) -> dict[str, Any] | None:
        """ "1위와 2위 차이?", "насколько первое место опережает второе": the gap between the first and
        the second of a ranking (compare.sql), which the ranking alone leaves to the reader. Only
        when one category is first and one second (a tie has no single gap)."""
        cues = asked.ex.cues
        if not cues.keys() & {"gap", "change"} or "rank_second" not in cues or not cues.keys() & {"rank_first", "rank_top"}:
            return None
        first = [r for r in rows if r["rank_desc"] == 1]
        second = [r for r in rows if r["rank_desc"] == 2]
        if len(first) != 1 or len(second) != 1:
            return None
        d = asked.direction
        row = self.compare(asked.runner, (d, [period], second[0]["category"]), (d, [period], first[0]["category"]), dim)
        return {"first": first[0]["label"], "second": second[0]["label"], "diff": row["diff"]}

    def _rank_periods(self, asked: FigureQuestion) -> str:
        """Periods of the total ranked by value, within the asked range (or all of equal length)."""
        avail = self.available(asked.runner, asked.direction)
        requested = self.resolve_mentions(asked.ex.periods, avail) if asked.fixed_periods is None else list(asked.fixed_periods)
        partial: Period | None = None
        if len(requested) >= 2:
            pool = [p for r in requested for p in (tile(r, avail) or [])]
        elif requested:
            pool = [p for p in avail if requested[0].contains(p) and p != requested[0]]
            if pool and tile(requested[0], pool) is None:
                partial = requested[0]
            elif not pool and requested[0] in avail:
                # "Was Q1 2023 the weakest quarter?": the period named is one of those ranked, with
                # the stored periods of its length.
                pool = [p for p in avail if p.months == requested[0].months]
        else:
            quarters = [p for p in avail if p.months == 3]
            pool = quarters or avail
        if len(pool) < 2:
            raise NoData("which_dimension", dimensions=[self._label("dimension", d) for d in self._dimensions_in_data()])
        rows = asked.runner.run("rank_periods", citizens=asked.direction.citizens, destination=asked.direction.destination,
                             dimension="total", category="all", periods=[p.code for p in pool])
        for r in rows:
            r["label"] = self.period_label(parse_code(r["period"]))
            asked.figure_ids.append(r["figure_id"])
        asked.periods = [parse_code(r["period"]) for r in rows]
        mode = "bottom" if "rank_bottom" in asked.ex.cues else "top"
        chosen = [r for r in rows if r["rank_asc" if mode == "bottom" else "rank_desc"] == 1]
        asked.refs = [Ref(asked.direction, parse_code(r["period"])) for r in chosen]
        asked.rank_position = -1 if mode == "bottom" else 1
        return self._render("rank_periods", rows=rows, chosen=chosen, mode=mode, partial=partial,
                            **self._common(asked, asked.periods))

    def _compare_periods_pair(self, asked: FigureQuestion, avail: list[Period], requested: list[Period]) -> tuple[Period, Period]:
        kinds = {m.kind for m in asked.ex.periods}
        if len(requested) == 1 and len(asked.ex.periods) == 1 and asked.ex.periods[0].endpoints:
            # "from Q2 to Q3" in a comparison means the two quarters, not the range between them.
            r = requested[0]
            return Period(r.start, r.start + 2), Period(r.end - 2, r.end)
        if (len(requested) == 1 and len(asked.ex.periods) == 1 and asked.ex.periods[0].kind == "quarters"
                and re.search(r"\b(?:two|2)\s+quarters\b", asked.ex.periods[0].text)):
            # "Compare the first two quarters": the two quarters against each other, not their sum
            # against the latest period.
            r = requested[0]
            return Period(r.start, r.start + 2), Period(r.end - 2, r.end)
        grouped = self._joined_sides(asked, requested)
        if grouped is not None:
            return grouped
        requested = list(dict.fromkeys(requested))  # "2023 year-to-date" names 2023 twice
        if len(requested) >= 3:
            # "2023 (Q1-Q3 as published) against 2022": a period inside another one named restates it.
            inside = [p for p in requested if any(o != p and o.contains(p) for o in requested)]
            if len(requested) - len(inside) >= 2:
                requested = [p for p in requested if p not in inside]
            else:
                # "the 2023 entries (Q1-Q3) ... in the first quarter": only the first restates the
                # year; the quarter after it is the part asked about, kept for the comparison.
                requested = [p for p in requested if p != inside[0]]
        if len(requested) >= 2:
            a, b = sorted(requested[:2])
            return a, b
        target = requested[0] if requested else self.latest(avail)
        if target is None:
            raise NoData("series", what="total", **self.dir_values(asked.direction))
        if "relative" in kinds:
            return Period(target.start - 12, target.end - 12), target
        before = Period(target.start - target.months, target.start - 1)
        adjacent = [p for p in avail if p.end == target.start - 1]
        if before not in avail and adjacent and "previous" not in kinds and not _THAN_WORDS & set(asked.ex.toks):
            # "러시아인 방북이 3분기에 줄었다던데?": the quarter before is not published (Russians:
            # H1 and Q3 only), so the published period that ends where the asked one begins is the
            # one before it; the answer notes the unequal lengths.
            before = min(adjacent, key=lambda p: abs(p.months - target.months))
        latest = self.latest(avail)
        if requested and latest is not None and latest != target and target.contains(latest) and "previous" not in kinds:
            # "Did arrivals fall in 2023?" against the latest quarter would set 2023 against a part
            # of itself: no comparison of two periods, and the figures would read as a fall.
            raise NoData("same_period", period=self.period_label(target), **self.dir_values(asked.direction))
        if "previous" in kinds or requested == [] or target == latest:
            return before, target
        return target, self.latest(avail)

    @staticmethod
    def _joined_sides(asked: FigureQuestion, requested: list[Period]) -> tuple[Period, Period] | None:
        """ "Q3 against Q1 and Q2 combined": periods joined by "and"/"+" form one side, when they
        are adjacent; the two sides in time order. None when the question does not group them."""
        mentions = [m for m in asked.ex.periods if m.kind not in ("latest", "previous", "relative")]
        if len(requested) < 3 or len(mentions) != len(requested):
            return None
        groups: list[list[Period]] = [[requested[0]]]
        for (m1, m2), p in zip(zip(mentions, mentions[1:]), requested[1:]):
            between = asked.ex.text[m1.span[1]:m2.span[0]].strip(" ,")
            if between in _JOINING_WORDS or (m1.text == m2.text and m1.span[1] >= m2.span[0]):  # "I и II кварталы": one pair
                groups[-1].append(p)
            else:
                groups.append([p])
        if len(groups) != 2:
            return None
        sides = []
        for g in groups:
            g = sorted(g)
            if any(a.end + 1 != b.start for a, b in zip(g, g[1:])):
                return None
            sides.append(Period(g[0].start, g[-1].end))
        a, b = sorted(sides)
        return a, b

    def _i_compare_periods(self, asked: FigureQuestion) -> str:
        if sum(1 for m in asked.ex.periods if m.endpoints) >= 2:
            # "Was the rise from Q2 to Q3 bigger than from Q1 to Q2?": two changes set against each
            # other; the series gives each change between adjacent periods.
            return self._i_series(asked)
        dim, cat = (asked.categories[0] if asked.categories else ("total", "all"))
        requested, avail, assumed = self._periods_for(asked, dim, cat)
        if asked.fixed_periods is None and not asked.ex.periods:
            requested = self._periods_from_numbers(asked, dim, cat)
        a, b = self._compare_periods_pair(asked, avail, requested)
        if ("share" in asked.ex.cues or asked.fixed_periods is not None) and b.contains(a) and a != b:
            # "What part of 2023 fell in H1?": the part is set against the span that holds it
            # (and so is a part put in by a follow-up: "q1?" after Q3's share of Jan-Sep).
            a, b = b, a
        if a == b:
            raise NoData("same_period", period=self.period_label(a), **self.dir_values(asked.direction))
        # "2023 against 2022": a span the data covers in part is its stored parts, labelled as such.
        pa, gap_a = self.span_parts(a, avail, asked.direction, self.series_name(dim, cat))
        pb, gap_b = self.span_parts(b, avail, asked.direction, self.series_name(dim, cat))
        d = asked.direction
        row = self.compare(asked.runner, (d, pa, cat), (d, pb, cat), dim)
        asked.figure_ids.extend(row["a_ids"] + row["b_ids"])
        asked.periods = [a, b]
        parts_a = [self.period_label(p) for p in pa] if len(pa) > 1 and not gap_a else []
        parts_b = [self.period_label(p) for p in pb] if len(pb) > 1 and not gap_b else []
        partial = [self.partial_note(p, ps, gap) for p, ps, gap in ((a, pa, gap_a), (b, pb, gap_b)) if gap]
        months_a, months_b = sum(p.months for p in pa), sum(p.months for p in pb)
        together = None
        if (len(asked.ex.periods) == 2  # with three, the "+" or "combined" joins one side ("Q3 vs Q1+Q2")
                and (periods_joined_by_plus(asked.ex) or _plus_between(asked.ex))  # "combined" may join one side
                and all(x.end < y.start or y.end < x.start for x in pa for y in pb)):
            # "Q3 total + Q2 total, and the gap?": the sum is asked too, beside the change.
            together = asked.runner.one("sum_periods", citizens=d.citizens, destination=d.destination, dimension=dim,
                                        category=cat, periods=[p.code for p in pa + pb])
        return self._render("compare_periods", a=a, b=b, r=row, parts_a=parts_a, parts_b=parts_b, partial=partial,
                            together=together, less=self._less_asked(asked.ex),
                            lower_side="lower_side" in asked.ex.cues,
                            what=self.series_name(dim, cat), unequal=months_a != months_b,
                            months_a=months_a, months_b=months_b,
                            assumed_period=not asked.ex.periods and asked.fixed_periods is None,
                            **self._common(asked, [a, b]))

    def _less_asked(self, ex: Extraction) -> bool:
        """ "На сколько процентов меньше ...?", "몇 퍼센트 적은가?": the percent asked is the smaller
        side's against the larger (the ``less_side`` cue group), which the answer then states too; a
        rise asked keeps only the change from the base, so the other side's percent is not offered."""
        return any(self.is_cue(t, "less_side") for t in ex.toks)

    def _periods_from_numbers(self, asked: FigureQuestion, dimension: str, category: str) -> list[Period]:
        """ "% jump from 153 to 365?": figures quoted in the question name their periods, when each
        quoted number is exactly one stored figure of this series; otherwise nothing is inferred."""
        if len(asked.ex.numbers) < 2:
            return []
        rows = asked.runner.run("periods_for", citizens=asked.direction.citizens, destination=asked.direction.destination,
                             dimension=dimension, category=category)
        found: list[Period] = []
        for n in asked.ex.numbers:
            matches = [r for r in rows if str(r["value"]) == n]
            if len(matches) != 1:
                return []
            found.append(parse_code(matches[0]["period"]))
        return found if len(set(found)) >= 2 else []

    def _i_compare_directions(self, asked: FigureQuestion) -> str:
        one, two = asked.compare_pair or self._direction_pair(asked.ex, asked.direction)
        dim, cat = (asked.categories[0] if asked.categories else ("total", "all"))
        avail_one = self.available(asked.runner, one, dim, cat)
        avail_two = self.available(asked.runner, two, dim, cat)
        requested = self.resolve_mentions(asked.ex.periods, avail_one + avail_two) if asked.fixed_periods is None else list(asked.fixed_periods)
        assumed = not requested
        if not requested:
            common = [p for p in avail_one if tile(p, avail_two)]
            latest = self.latest(common)
            if latest is None:
                raise NoData("no_common_period", **self.dir_values(one))
            requested = [latest]
        period = requested[0]
        period_two = None
        distinct = list(dict.fromkeys(requested))
        if len(distinct) == 2:
            # "NK to Russia in Q3 against Russians to NK in H1": each direction has its own period.
            # Both figures are given, each in its period, and never set against each other as one.
            period, period_two = self._own_periods(distinct, (one, avail_one), (two, avail_two))
        p1, gap1 = self.span_parts(period, avail_one, one, self.series_name(dim, cat))
        p2, gap2 = self.span_parts(period_two or period, avail_two, two, self.series_name(dim, cat))
        asked_two = period_two or period
        if period_two is not None and _months_covered(p1) == _months_covered(p2):
            # "the NKs' nine-month tally against the Russians' 2023 tally": the two periods named
            # are covered by parts of the same months (January-September), so they compare as one.
            period_two = None
        # "Over 2023, more Russians or North Koreans?": each side summed over the parts it has.
        partial = [dict(self.partial_note(asked_two if i else period, ps, gap), people=v["people"], people_gen=v.get("people_gen"))
                   for i, (ps, gap, v) in enumerate(((p1, gap1, self.dir_values(one)), (p2, gap2, self.dir_values(two))))
                   if gap]
        if partial and not period_two and (p1 != p2):
            # Two directions over one span, each from different stored parts (H1 + Q3 against Q1 + Q2 + Q3).
            partial = [dict(x, unlike=True) for x in partial]
        row = self.compare(asked.runner, (two, p2, cat), (one, p1, cat), dim)
        asked.figure_ids.extend(row["a_ids"] + row["b_ids"])
        asked.periods = [period] + ([period_two] if period_two else [])
        asked.refs = [Ref(two, period_two or period, dim, cat), Ref(one, period, dim, cat)]
        chain = self.source_chain(asked.runner, self._figure_source(asked.runner, row["b_ids"][0]))
        return self._render("compare_directions", one=self.dir_values(one), two=self.dir_values(two), r=row, partial=partial,
                            period=period, period_two=period_two, what=self.series_name(dim, cat),
                            assumed_period=assumed, source=chain, less=self._less_asked(asked.ex),
                            lower_side="lower_side" in asked.ex.cues,
                            version=self.snapshot.version, caveats=[], related=self._related_facts(asked))

    def _own_periods(self, periods: list[Period], one: tuple[Direction, list[Period]],
                     two: tuple[Direction, list[Period]]) -> tuple[Period, Period]:
        """Which of two periods goes with which direction: the assignment the data can answer,
        or, when both can, the order they were asked in."""
        def fits(p: Period, avail: list[Period]) -> bool:
            return tile(p, avail) is not None
        a, b = periods
        if fits(a, one[1]) and fits(b, two[1]):
            return a, b
        if fits(b, one[1]) and fits(a, two[1]):
            return b, a
        return a, b  # stored_parts then says which period a direction lacks

    def _i_series(self, asked: FigureQuestion) -> str:
        dim, cat = (asked.categories[0] if asked.categories else ("total", "all"))
        d = asked.direction
        rows = asked.runner.run("series", citizens=d.citizens, destination=d.destination, dimension=dim, category=cat)
        if not rows:
            raise NoData("series", what=self.series_name(dim, cat), **self.dir_values(d))
        stored = [parse_code(r["period"]) for r in rows]
        named = self.resolve_mentions([m for m in asked.ex.periods if m.kind not in ("latest", "previous", "relative", "ytd")],
                                      stored)
        for period in named:
            if not any(p.overlaps(period) for p in stored):
                # "The trend in 2021?": the series never reaches the period asked about; the whole
                # series would answer another question.
                self.stored_parts(period, stored, d, self.series_name(dim, cat))
        for r in rows:
            r["label"] = self.period_label(parse_code(r["period"]))
            r["span"] = parse_code(r["period"]).span_in(self.lang)
            r["months"] = parse_code(r["period"]).months
            asked.figure_ids.append(r["figure_id"])
        asked.periods = [parse_code(rows[-1]["period"])]
        mixed = len({r["months"] for r in rows}) > 1
        return self._render("series", rows=rows, what=self.series_name(dim, cat), mixed=mixed,
                            **self._common(asked, [parse_code(r["period"]) for r in rows]))


@dataclass
class FigureQuestion:
    """Per-question working state for the figure intents."""

    ex: Extraction
    runner: QueryRunner
    direction: Direction
    assumed_direction: bool
    categories: list[tuple[str, str]]
    dimensions: list[str]
    fixed_periods: list[Period] | None
    now: float
    periods: list[Period] = field(default_factory=list)
    figure_ids: list[str] = field(default_factory=list)
    compare_pair: tuple[Direction, Direction] | None = None
    refs: list[Ref] | None = None  # set by intents whose figures are not simply their slots
    rank_position: int = 0

    def context(self, intent: str) -> FollowUp:
        """The frame this question leaves for a follow-up: its slots, measure and the figures given."""
        measure = {"share": "share", "ranking": "rank", "compare_periods": "change",
                   "compare_directions": "change"}.get(intent, "count")
        refs = self.refs
        if refs is None:
            cats = self.categories if intent in ("category", "share", "complement") else []
            refs = [Ref(self.direction, p, d, c) for p in self.periods for d, c in (cats or [("total", "all")])]
            if intent in ("breakdown", "series"):
                refs = []
        return FollowUp(intent, self.direction, tuple(self.periods), tuple(self.categories), tuple(self.dimensions),
                        self.now, measure=measure, refs=tuple(refs[-2:]), rank_position=self.rank_position)


_WHICH_OF_RE = re.compile(r"\b(?:which|what|who) of\b|\bamong\b|\bbetween\b")


def ranking_pool(ex: Extraction, dimension: str) -> set[str]:
    """The categories a ranking is bounded by: a named set ("which land route ...?", its categories
    share one position) or two or more listed after "which of" / "among" (English). Empty when the
    whole breakdown is ranked."""
    named = [(c, ex.category_at.get((d, c), -1)) for d, c, _ in ex.categories if d == dimension]
    if len(named) < 2:
        return set()
    same_place = len({pos for _, pos in named}) == 1
    m = _WHICH_OF_RE.search(ex.text)
    listed = m is not None and len(ex.text[:m.start()].split()) <= min(pos for _, pos in named) + 2
    return {c for c, _ in named} if same_place or listed else set()


def reranked(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The same rows ranked among themselves: rank 1 is the largest (rank_desc) or smallest (rank_asc)
    value among them, ties sharing a rank."""
    values = [r["value"] for r in rows]
    out = [{**r, "rank_desc": 1 + sum(v > r["value"] for v in values), "rank_asc": 1 + sum(v < r["value"] for v in values)}
           for r in rows]
    return sorted(out, key=lambda r: (r["rank_desc"], r["label"]))


_PARTS_BASE_RE = re.compile(r"\b(?:published|listed|summed|sum of the|add(?:ed)? up|categories only|purposes only|modes only)\b")
_MINUS_RE = re.compile(r"\b(?:minus|less|subtract|subtracting|take away)\b")
# "Q3 alone was the same as Q1 and Q2 put together", "Q3 vs Q1+Q2": one side set against the other.
_SET_AGAINST_RE = re.compile(r"\b(?:same as|as (?:many|much|big|large|high) as|equal(?:led|s)?(?: to)?|match(?:ed|es)?|than|"
                             r"vs\.?|versus|against|compared|exceed(?:ed|s)?|beat|outnumber(?:ed|s)?|surpass(?:ed|es)?)\b")


def _months_covered(parts: list[Period]) -> tuple[int, int, int] | None:
    """The first and last month stored parts cover, and how many months they hold (None: none)."""
    if not parts:
        return None
    return min(p.start for p in parts), max(p.end for p in parts), sum(p.months for p in parts)


def _plus_between(ex: Extraction) -> bool:
    """ "q3 nk total + q2 nk total": a plus between the two periods named, with their subject
    repeated around it (``periods_joined_by_plus`` reads only a bare "Q1 + Q2")."""
    named = [m for m in ex.periods if m.span != (0, 0)]
    return len(named) == 2 and bool(re.search(r"\+|\bplus\b", ex.text[named[0].span[1]:named[1].span[0]].lower()))
