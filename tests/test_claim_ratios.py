"""Ratios and shares stated in words (handlers/claim_ratios.py): the named tolerances at their
edges, the readers, and a sweep over the real checker in which words that exclude each other
("half" and "three-quarters", "doubled" and "tripled", "more than" and "less than") never both match."""

from __future__ import annotations

import pytest

from handlers import claim_ratios as R
from handlers.claims import ClaimChecker
from handlers.pipeline import Pipeline


@pytest.fixture(scope="module")
def checker(pipeline: Pipeline) -> ClaimChecker:
    return ClaimChecker(pipeline)


# --- the named tolerances, at their edges (shares in per cent, ratios as factors) ----------------

@pytest.mark.parametrize("claimed,hedge,data,majority,ok", [
    (75.0, "exact", 69.3, False, False),  # "three-quarters" is not 253 of 365
    (75.0, "exact", 75.0 - R.FRACTION_PLAIN_POINTS + 1e-9, False, True),
    (75.0, "exact", 75.0 - R.FRACTION_PLAIN_POINTS - 1e-6, False, False),
    (75.0, "about", 69.3, False, False),  # "roughly three-quarters" neither
    (75.0, "near_below", 69.3, False, False),  # "nearly three-quarters" neither (70-75 %)
    (50.0, "near_below", 36.0, False, False),  # "nearly half" is not 196 of 544
    (50.0, "near_below", 50.0 - R.FRACTION_NEAR_POINTS + 1e-9, False, True),
    (50.0, "near_below", 50.0, False, False),  # "nearly" is short of it
    (200 / 3, "gt", 69.3, False, True),  # "more than two-thirds"
    (100 / 3, "gt", 69.3, False, False),  # "more than a third" is not said of 69 %
    (50.0, "gt", 95.0, True, True),  # "most": any share above half
    (50.0, "gt", 50.0, True, False),  # exactly half is no majority
    (50.0, "lt", 36.7, False, True),  # "less than half"
    (100 / 3, "about", 36.0, False, True),  # "about a third" for 196 of 544
    (100 / 3, "near_above", 36.0, False, True),  # "just over a third"
])
def test_fraction_tolerances(claimed: float, hedge: str, data: float, majority: bool, ok: bool) -> None:
    assert R.fraction_agrees(claimed, hedge, data, majority=majority) is ok


@pytest.mark.parametrize("claimed,hedge,decimals,data,ok", [
    (2.0, "gt", 0, 365 / 153, True),  # "more than doubled" Q1 -> Q3
    (2.0, "gt", 0, 731 / 223, False),  # 3.28x is "more than tripled", not "more than doubled"
    (3.0, "exact", 0, 731 / 223, False),  # "tripled": within 5 % of 3
    (3.0, "exact", 0, 3.0 * (1 + R.MULTIPLIER_PLAIN_REL) - 1e-9, True),
    (3.0, "exact", 0, 3.0 * (1 + R.MULTIPLIER_PLAIN_REL) + 1e-6, False),
    (3.0, "near_below", 0, 365 / 153, False),  # "nearly tripled" is 2.55x-3x
    (2.0, "near_below", 0, 365 / 213, True),  # "almost doubled" Q2 -> Q3 (1.71x)
    (2.0, "about", 0, 365 / 213, False),  # "roughly doubled" is 1.8x-2.2x
    (1.5, "about", 0, 544 / 365, True),
    (R.EQUAL_COUNTS, "equal", 0, 23 / 23, True),  # "as many as": the same count
    (R.EQUAL_COUNTS, "equal", 0, 24 / 23, False),  # one more is not as many
    (1.7, "exact", 1, 365 / 223, False),  # "1.7 times" must round to 1.7 (1.64)
])
def test_multiplier_tolerances(claimed: float, hedge: str, decimals: int, data: float, ok: bool) -> None:
    assert R.multiplier_agrees(claimed, hedge, decimals, data) is ok


# --- the readers ---------------------------------------------------------------------------------

def test_equal_counts_reads_only_equality() -> None:
    assert [r.text for r in R.equal_counts("23 came for maintenance, as many as came for education", "en")] == ["as many as"]
    assert R.equal_counts("As many as 400 North Koreans entered Russia", "en") == []  # a hedge on a number
    assert R.equal_counts("twice as many as came by rail", "en") == []
    assert R.equal_counts("almost as many as came by rail", "en") == []
    assert [r.value for r in R.equal_counts("приехало столько же, сколько по делам", "ru")] == [1.0]
    assert [r.value for r in R.equal_counts("정비 목적 입국자와 같은 수였다", "ko")] == [1.0]


def test_fractions_shares_and_factors_in_words() -> None:
    assert [round(r.value, 1) for r in R.numerator_fractions("Более трёх четвертей северокорейцев", "ru")] == [75.0]
    assert [round(r.value, 1) for r in R.numerator_fractions("две трети россиян", "ru")] == [66.7]
    assert [r.value for r in R.share_of("семь из десяти граждан КНДР", "ru")] == [70.0]
    assert [r.value for r in R.share_of("북한 입국자 10명 중 7명은", "ko")] == [70.0]
    assert [r.value for r in R.to_one("outnumbered rail passengers by more than 2 to one", "en")] == [2.0]
    assert [r.value for r in R.to_one("by 10:1", "en")] == [10.0]
    assert R.to_one("from 14 to 18 January", "en") == []
    assert [r.text for r in R.majority_of_figure("Most of the 213 North Koreans who entered", "en")] == ["most"]
    assert [r.text for r in R.majority_of_figure("주민 365명 중 대부분이 항공편을", "ko")] == ["대부분"]
    assert R.majority_of_figure("Most North Koreans came by air", "en") == []  # no figure: the checker reads it whole


def test_group_and_predicate_split_at_the_main_verb() -> None:
    text = "Most of the 134 North Koreans who came by train in Q3 2023 were on business."
    group, predicate, at = R.group_and_predicate(text, 0, 4, "en")  # type: ignore[misc]
    assert "train" in group and "business" not in group
    assert predicate.startswith("were on business") and text[at:].startswith("were")
    ru = "Большинство из 365 северокорейцев, въехавших в Россию в третьем квартале, прилетели самолётом."
    group, predicate, _ = R.group_and_predicate(ru, 0, len("Большинство"), "ru")  # type: ignore[misc]
    assert "въехавших" in group and predicate.startswith("прилетели")


# --- the sweep: words that exclude each other never both match ----------------------------------

FRACTIONS = {
    "en": ["A quarter of", "A third of", "Half of", "Two-thirds of", "Three-quarters of"],
    "ru": ["Четверть", "Треть", "Половина", "Две трети", "Три четверти"],
    "ko": ["4분의 1이", "3분의 1이", "절반이", "3분의 2가", "4분의 3이"],
}
SHARE_TEMPLATES = {
    "en": ["{w} the North Koreans who entered Russia in Q3 2023 came on business.",
           "{w} the North Koreans who entered Russia in Q3 2023 came by air.",
           "{w} the North Koreans who entered Russia in Q3 2023 came by train.",
           "{w} the Russians who entered North Korea in Q3 2023 went on business."],
    "ru": ["{w} граждан КНДР, въехавших в Россию в третьем квартале 2023 года, приехали по делам.",
           "{w} граждан КНДР, въехавших в Россию в третьем квартале 2023 года, прилетели самолётом.",
           "{w} россиян, посетивших КНДР в третьем квартале 2023 года, ездили по делам."],
    "ko": ["2023년 3분기 러시아에 입국한 북한 주민의 {w} 사업 목적이었다.",
           "2023년 3분기 러시아에 입국한 북한 주민의 {w} 항공편을 이용했다.",
           "2023년 3분기 북한을 방문한 러시아인의 {w} 사업 목적이었다."],
}
MULTIPLIER_TEMPLATES = [
    ("en", ["doubled", "tripled", "quadrupled"], "North Korean arrivals in Russia {w} from Q1 to Q3 2023."),
    ("en", ["doubled", "tripled", "quadrupled"], "Russian visits to North Korea {w} from the first half of 2023 to the third quarter."),
    ("en", ["doubled", "tripled", "quadrupled"], "North Korean arrivals in Russia {w} from 2022 to January-September 2023."),
    ("ru", ["вдвое", "втрое", "вчетверо"], "Число граждан КНДР, въехавших в Россию, в третьем квартале 2023 года выросло {w} по сравнению с первым."),
    ("ko", ["두 배", "세 배", "네 배"], "2023년 3분기 러시아에 입국한 북한 주민은 1분기의 {w}로 늘었다."),
]
OPPOSED_HEDGES = [
    ("en", "{h} half of the North Koreans who entered Russia in Q3 2023 came by air.", ["More than", "Less than", "Nearly"]),
    ("en", "{h} a third of the Russians who entered North Korea in Q3 2023 went on business.", ["More than", "Less than", "Nearly"]),
    ("en", "North Korean arrivals in Russia {h} doubled from Q1 to Q3 2023.", ["more than", "nearly"]),
    ("en", "North Korean arrivals in Russia {h} tripled from 2022 to January-September 2023.", ["more than", "nearly"]),
    ("ru", "{h} половины граждан КНДР, въехавших в Россию в третьем квартале 2023 года, прилетели самолётом.", ["Более", "Менее", "Почти"]),
]


def _matches(checker: ClaimChecker, text: str) -> bool:
    return any(v.verdict == "matches" for v in checker.check(text))


@pytest.mark.parametrize("lang", sorted(SHARE_TEMPLATES))
def test_at_most_one_fraction_matches_a_share(checker: ClaimChecker, lang: str) -> None:
    for template in SHARE_TEMPLATES[lang]:
        matched = [w for w in FRACTIONS[lang] if _matches(checker, template.format(w=w))]
        assert len(matched) <= 1, (template, matched)


@pytest.mark.parametrize("lang,words,template", MULTIPLIER_TEMPLATES)
def test_at_most_one_multiplier_matches_a_ratio(checker: ClaimChecker, lang: str, words: list[str], template: str) -> None:
    matched = [w for w in words if _matches(checker, template.format(w=w))]
    assert len(matched) <= 1, matched


@pytest.mark.parametrize("lang,template,hedges", OPPOSED_HEDGES)
def test_opposed_hedges_never_both_match(checker: ClaimChecker, lang: str, template: str, hedges: list[str]) -> None:
    matched = [h for h in hedges if _matches(checker, template.format(h=h))]
    assert len(matched) <= 1, matched


def test_about_equal_and_both_directions_are_read() -> None:
    assert [(r.text, r.hedge) for r in R.equal_counts("business travellers were roughly equal in both directions", "en")] \
        == [("roughly equal", "about")]
    assert R.equal_counts("in roughly the same period", "en") == []  # a period, not a count
    assert R.is_equality("примерно поровну", "ru") and not R.is_equality("вдвое", "ru")
    assert R.both_directions("roughly equal in both directions", "en")
    assert R.both_directions("в обоих направлениях", "ru") and not R.both_directions("из России в КНДР", "ru")


def test_sweeping_words_changes_by_a_fraction_and_factors_below_one() -> None:
    assert [(r.value, r.hedge) for r in R.sweeping("The vast majority of North Koreans", "en")] == [(R.FRACTION_VAST_MAJORITY, "ge")]
    assert [r.value for r in R.sweeping("거의 모두가 사업 목적이었다", "ko")] == [R.FRACTION_NEARLY_ALL]
    assert [round(r.value, 1) for r in R.fraction_changes("arrivals rose by about a third from Q1 to Q2", "en")] == [33.3]
    assert R.fraction_changes("half of the arrivals came by air", "en") == []  # a share, not a change
    assert [r.value for r in R.fraction_changes("выросло более чем наполовину", "ru")] == [50.0]
    assert [r.value for r in R.fewer_times("Half as many came by rail as by air", "en")] == [0.5]
    assert [r.value for r in R.fewer_times("приехало вдвое меньше, чем", "ru")] == [0.5]
    assert [r.value for r in R.fewer_times("rose sixfold", "en")] == [6.0]
    assert [round(r.value, 1) for r in R.every_nth("Каждый третий россиянин", "ru")] == [33.3]


def test_small_fractions_are_held_to_their_own_size() -> None:
    assert not R.fraction_agrees(10.0, "exact", 6.6)  # "one in ten" is not 24 of 365
    assert R.fraction_agrees(10.0, "about", 8.5)  # "about one in ten" for 31 of 365
    assert R.fraction_agrees(R.FRACTION_VAST_MAJORITY, "ge", 85.0) and not R.fraction_agrees(R.FRACTION_VAST_MAJORITY, "ge", 69.3)


def test_words_that_look_like_ratios_but_are_not() -> None:
    assert R.equal_counts("as many North Koreans as it could", "en") == []
    assert R.equal_counts("roughly equal to 365", "en") == []  # a hedge on a number, not two counts
    assert R.every_nth("arrived every other day", "en") == []
    assert [r.value for r in R.fraction_changes("rose by half a percent", "en")] == [0.5]
    assert R.fraction_changes("rose by half a percentage point", "en") == []
