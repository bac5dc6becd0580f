"""Claim check: verdicts on our claim sets, and the rule that 'matches' is never said wrongly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from handlers.claims import ClaimChecker, NumberMention, _agrees, rounding_unit, words_to_number
from handlers.pipeline import Pipeline
from tests.eval.run_claims import EVAL_DIR, evaluate, load_set

MIN_CORRECT = 0.95
# Sets held to the 95 % bar; every claim set (these and any other claims_*.jsonl or
# fresh_claims_*.jsonl) is held to zero false "matches".
GATED = ["claims_en.jsonl", "claims_adv_en.jsonl", "claims_ko.jsonl", "claims_ru.jsonl", "fresh_claims_en.jsonl",
         "claims_holdout2_en.jsonl", "claims_holdout2_ko.jsonl", "claims_holdout2_ru.jsonl", "claims_classes3.jsonl",
         "claims_classes4.jsonl", "claims_classes5.jsonl", "claims_classes6s.jsonl", "claims_ratios6.jsonl",
         "claims_classes7.jsonl", "claims_classes8.jsonl", "claims_classes9.jsonl"]
ALL_SETS = sorted({p.name for p in EVAL_DIR.glob("claims_*.jsonl")} | {p.name for p in EVAL_DIR.glob("fresh_claims_*.jsonl")})


@pytest.fixture(scope="module")
def checker(pipeline: Pipeline) -> ClaimChecker:
    return ClaimChecker(pipeline)


@pytest.mark.parametrize("name", ALL_SETS)
def test_claim_set_never_matches_wrongly_and_meets_the_bar(checker: ClaimChecker, name: str) -> None:
    results = evaluate(checker, load_set(EVAL_DIR / name))
    wrong = [f"{r.id} {r.value}: expected {r.expected}, got {r.got}" for r in results if r.expected != r.got]
    false_matches = [f"{r.id} {r.value}: {r.text}" for r in results if r.got == "matches" and r.expected != "matches"]
    assert not false_matches, false_matches
    if name in GATED:
        assert (len(results) - len(wrong)) / len(results) >= MIN_CORRECT, wrong


def test_every_gated_set_is_present() -> None:
    assert set(GATED) <= set(ALL_SETS)


@pytest.mark.parametrize("sentence,verdicts", [
    ("7,000 North Koreans arrived in Russia by train in Q3 2023", ["differs"]),
    ("365 North Koreans entered Russia in Q3 2023, up 71% from 213 in Q2.", ["matches", "matches", "matches"]),
    ("About 70% came for business.", ["matches"]),
    ("More than 360 North Koreans entered Russia in the third quarter of 2023.", ["matches"]),
    ("Arrivals more than doubled from Q1 to Q3 2023.", ["matches"]),
    ("Arrivals tripled from Q2 to Q3 2023.", ["differs"]),
    ("In Q4 2023, 400 North Koreans entered Russia.", ["not_in_data"]),
    ("1,200 Chinese citizens entered Russia in Q3 2023.", ["not_in_data"]),
    ("More Russians went to North Korea than North Koreans to Russia in Q3 2023.", ["matches"]),
    ("Fewer Russians went to North Korea than North Koreans to Russia in Q3 2023.", ["differs"]),
    ("Most came by train.", ["differs"]),
    ("Arrivals fell in Q3 2023.", ["differs"]),
    # a kind of vehicle is a detail of "by vehicle"; the train's figure in the clause before stays checked
    ("134 came by train and 31 by bus in Q3 2023.", ["matches", "not_in_data"]),
    ("3분기에 트럭으로 입국한 북한 주민은 31명이었다.", ["not_in_data"]),
    # doubting a statement negates it; doubting an easy pace is the report's hard one
    ("Lankov doubts that North Korean workers will ever return to Russia.", ["differs"]),
    ("Ланьков сомневается, что северокорейские рабочие вернутся в Россию.", ["differs"]),
    ("Lankov doubts trade will gain momentum quickly.", ["matches"]),
    # the exact figure of a sibling category, given for one the breakdown lacks
    ("253 North Koreans came to Russia as tourists in Q3 2023.", ["differs"]),
    ("40 North Koreans came to Russia as tourists in Q3 2023.", ["not_in_data"]),
    # any named hedge between "by" and a gap; a gap between two categories of one period
    ("Arrivals rose by more than 150 from Q2 to Q3 2023.", ["matches"]),
    ("Arrivals rose by nearly 150 from Q2 to Q3 2023.", ["differs"]),
    ("Business travellers outnumbered rail passengers by 119 in Q3 2023.", ["matches"]),
    ("Rail passengers outnumbered business travellers by 119 in Q3 2023.", ["differs"]),
    ("Three hundred and sixty-five North Koreans entered Russia in Q3 2023.", ["matches"]),
    # tolerance from the sentence's own words
    ("About 370 North Koreans entered Russia in Q3 2023.", ["matches"]),
    ("Some 312 North Koreans entered Russia in Q2 2023.", ["differs"]),
    ("Nearly 400 North Koreans entered Russia in Q3 2023.", ["differs"]),
    ("More than 200 North Koreans entered Russia in Q3 2023.", ["differs"]),
    ("North Korean arrivals in Russia were up about 150 % from Q1 to Q3 2023.", ["differs"]),
    ("Just shy of 370 North Koreans entered Russia in Q3 2023.", ["matches"]),
    ("As many as 400 North Koreans entered Russia in Q3 2023.", ["differs"]),
    ("In the region of 370 North Koreans entered Russia in Q3 2023.", ["matches"]),
    # every part must resolve: a carrier, pay, a route
    ("213 North Koreans flew into Russia on Air Koryo in Q3 2023.", ["not_in_data"]),
    ("North Korean workers in Russia earn about 500 dollars a month.", ["not_in_data"]),
    ("134 North Koreans took the train from Pyongyang to Moscow in Q3 2023.", ["not_in_data"]),
    ("Most of the North Koreans who flew to Russia in Q3 2023 used Air Koryo.", ["not_in_data"]),
    ("365 North Korean citizens entered the Russian Far East in Q3 2023.", ["not_in_data"]),
    ("In Q3 2023, 365 North Koreans entered Russia, most of them men.", ["matches", "not_in_data"]),  # the figure on its own; the make-up the data lacks on its own (#14)
    ("В третьем квартале 2023 года 213 граждан КНДР прилетели в Москву.", ["not_in_data"]),
    ("FSB figures show that more than 360 North Koreans entered Russia in the third quarter of 2023.", ["matches"]),
    ("The 196 Russians who travelled on business outnumbered the North Koreans who came to Russia on business.",
     ["matches", "differs"]),
    ("213 North Koreans came by air in Q3 2023, more than by train.", ["matches", "matches"]),
    ("Of the North Koreans who entered Russia in Q3 2023, 58% flew, 37% took the train and 8% came by road.",
     ["matches", "matches", "matches"]),
    ("365 North Koreans entered Russia between July and September 2023, compared with 213 in the previous quarter.",
     ["matches", "matches"]),
    ("Just 3 of the 365 North Koreans who entered Russia in Q3 2023 listed work as their purpose.", ["matches", "matches"]),
    ("North Korean arrivals in Q3 2023 were 71% above Q2 and 139% above Q1.", ["matches", "matches"]),
    ("In Q3 2023, business (253), education (24), personal (23), maintenance (23) and work (3) add up to 326.",
     ["matches", "matches", "matches", "matches", "matches", "matches"]),
    ("213 North Koreans arrived by air in Q3 2023, most of them on Air Koryo.", ["matches", "not_in_data"]),
    ("544 Russians entered North Korea in Q3 2023, mostly tourists.", ["matches", "not_in_data"]),
    ("Russia took in 365 North Koreans in Q3 2023, the highest quarterly number on record.", ["matches", "not_in_data"]),
    ("365 North Koreans entered Russia in Q3 2023, after direct flights between Pyongyang and Vladivostok resumed.",
     ["matches", "matches"]),  # the clause beside the figure is a claim the report makes (#14)
    # wrong direction, wrong unit
    ("365 Russians entered North Korea in Q3 2023.", ["differs"]),
    ("Only 3 % of North Koreans entering Russia in Q3 2023 came for work.", ["differs"]),
    ("North Korean arrivals in Russia rose by 152 % from Q2 to Q3 2023.", ["differs"]),
    # periods of different lengths: decided when the data decides, else not in the data
    ("Russian visits to North Korea fell in the third quarter of 2023 compared with the second quarter.", ["differs"]),
    ("Russian visits to North Korea rose by 322 in Q3 2023 compared with the second quarter.", ["not_in_data"]),
    ("Russian visitors to North Korea up 145 % in Q3", ["not_in_data"]),
    ("Russian visits to North Korea rose by 145 % compared with the first half of the year.", ["matches"]),
    # statements
    ("Andrei Lankov said the North Korean workers who entered Russia in Q3 2023 likely numbered in the hundreds.", ["matches", "matches"]),
    ("Lankov estimated that thousands of North Korean workers entered Russia in Q3 2023.", ["differs", "matches"]),
    ("Lankov predicted that North Korean workers would return to Russia within five years.", ["differs"]),
    ("Experts believe three or more North Koreans entered Russia for work purposes.", ["matches"]),
    # #14: each number of a dated statement gets its own verdict (2397, 2017, 24), then the statement's parts
    ("Resolution 2397, adopted in December 2017, requires repatriation within 24 months.", ["matches", "matches", "matches", "matches", "matches"]),
    ("Resolution 2397, adopted in December 2017, requires repatriation within 12 months.", ["matches", "matches", "differs", "matches", "differs"]),
    ("UN Security Council Resolution 2397 was adopted in December 2016.", ["matches", "differs", "differs"]),
    ("Choe Son Hui visited Russia from 14 to 18 January 2024.", ["matches", "matches", "matches", "matches"]),
    ("Choe Son Hui visited Russia from 16 to 18 January 2024.", ["differs", "matches", "matches", "differs"]),
    ("NK News reported dozens of North Korean workers at a construction site in Vladivostok.", ["matches"]),
    ("Local Russian authorities want to recruit dozens of North Korean workers for Siberia.", ["differs"]),
    ("North Korea and Russia both deny that weapons were transferred.", ["matches"]),
    ("Both North Korea and Russia have acknowledged arms transfers.", ["differs"]),
    ("Direct flights between Pyongyang and Moscow have resumed.", ["differs"]),  # #14: Moscow for Vladivostok
    # a claim about a category is about its figures, never the totals
    ("More Russians than North Koreans travelled on business in Q3 2023.", ["differs"]),
    ("More North Koreans than Russians travelled on business in Q3 2023.", ["matches"]),
    ("More North Koreans came by air in Q3 2023 than in Q2 2023.", ["not_in_data"]),
    ("Business arrivals from North Korea rose in Q3 2023.", ["not_in_data"]),
    ("North Korean arrivals by train rose every quarter in 2023.", ["not_in_data"]),
    ("Business arrivals from North Korea more than doubled from Q2 to Q3 2023.", ["not_in_data"]),
    ("Business was the second most common purpose in Q3 2023.", ["differs"]),
    ("Rail was the second most common transport mode in Q3 2023.", ["matches"]),
    ("North Korean arrivals in Russia in Q3 2023 were more than in Q1 and Q2 combined.", ["differs"]),
    ("North Korean workers in Russia rose in Q3 2023.", ["not_in_data"]),
    # a statement must say what the report says, not just share its words
    ("Lankov said hundreds of North Korean workers entered China.", ["not_in_data"]),
    # the report: they avoid it; the resolution's number is right and gets its own verdict (#14)
    ("China and Russia have complied with Resolution 2397.", ["matches", "differs"]),
    ("China and Russia have complied with Resolution 2379.", ["differs", "differs"]),
    ("Putin visited North Korea in January 2024.", ["not_in_data"]),
    ("Thousands of North Korean workers are wanted for mining in Siberia.", ["differs"]),  # #14: mining for construction
    ("Choe Son Hui visited China from 14 to 18 January 2024.", ["not_in_data"]),
    ("Lankov estimated that hundreds of North Korean workers entered Russia in Q2 2023.", ["differs", "differs"]),
    ("Lankov estimated that hundreds of North Korean workers entered Russia in the third quarter.", ["matches"]),
    # Korean and Russian
    ("2023년 2분기에 북한 주민 312명이 러시아에 입국했다.", ["differs"]),
    ("2023년 3분기 러시아에 입국한 북한 주민은 300여 명이다.", ["matches"]),
    ("2023년 3분기 러시아에 입국한 북한 주민은 400명 가까이 된다.", ["differs"]),
    ("북한과 러시아는 무기 거래를 인정했다.", ["differs"]),
    ("В третьем квартале 2023 года в Россию въехали около 370 северокорейцев.", ["matches"]),
    ("В третьем квартале 2023 года в КНДР въехали 365 россиян.", ["differs"]),
    ("Ланьков оценил число северокорейских рабочих, въехавших в Россию, в тысячи.", ["differs"]),
    ("최선희 외무상은 1월 14일부터 18일까지 중국을 방문했다.", ["not_in_data"]),
    ("2023년 3분기 러시아인보다 북한 주민이 비즈니스 목적으로 더 많이 입국했다.", ["matches"]),
    ("2023년 3분기 북한 주민보다 러시아인이 비즈니스 목적으로 더 많이 입국했다.", ["differs"]),
    ("Чхве Сон Хи посетила Китай с 14 по 18 января 2024 года.", ["not_in_data"]),
    ("2023년 2분기 러시아에 입국한 북한 주민은 1분기보다 60명 늘어난 213명이었다.", ["matches", "matches"]),
    ("2023년 3분기 러시아에 입국한 북한 주민 가운데 3분의 2 이상이 사업 목적이었다.", ["matches"]),
    ("2023년 3분기 북한 주민의 러시아 입국자 수는 1분기의 두 배를 넘었다.", ["matches"]),
    ("Более двух третей граждан КНДР, въехавших в Россию в третьем квартале 2023 года, приехали по делам.", ["matches"]),
    ("Около трети россиян, въехавших в КНДР в третьем квартале 2023 года, ехали по делам.", ["matches"]),
    ("В третьем квартале 2023 года 58 % граждан КНДР прилетели в Россию самолётом, 37 % приехали поездом.",
     ["matches", "matches"]),
    ("В третьем квартале 2023 года КНДР посетили 544 россиянина, что на 322 больше, чем в первом полугодии.",
     ["matches", "matches"]),
])
def test_verdicts(checker: ClaimChecker, sentence: str, verdicts: list[str]) -> None:
    assert [v.verdict for v in checker.check(sentence)] == verdicts


def test_statement_verdicts_carry_no_claimed_value(checker: ClaimChecker) -> None:
    verdicts = checker.check("Experts believe that fewer than three North Koreans entered Russia for work.")
    assert [(v.verdict, v.claimed_value, v.measure) for v in verdicts] == [("differs", None, "statement")]


@pytest.mark.parametrize("sentence", [
    "China and Russia have met their repatriation obligations under the resolution.",
    "Russia meets its obligations under Resolution 2397.",
])
def test_a_verb_that_reverses_the_report_differs(checker: ClaimChecker, sentence: str) -> None:
    # The report says both are avoiding the obligation; "met" reverses that, so the claim differs
    # (a resolution's number, right here, has a verdict of its own and carries its value).
    assert [v.verdict for v in checker.check(sentence) if v.claimed_value is None] == ["differs"]


def test_differs_gives_the_right_figure_with_period_and_source(checker: ClaimChecker) -> None:
    html, verdicts = checker.render("7,000 North Koreans arrived in Russia by train in Q3 2023")
    assert verdicts[0].data_text == "134"
    assert "134" in html and "Q3 2023" in html and "FSB" in html and "Donga" in html


def test_a_digit_slip_is_named(checker: ClaimChecker) -> None:
    html, verdicts = checker.render("Some 312 North Koreans came to Russia in Q2 2023.")
    assert verdicts[0].verdict == "differs" and verdicts[0].data_text == "213"
    assert "312 looks like 213 with digits swapped" in html
    _, one_off = checker.render("363 North Koreans entered Russia in Q3 2023.")
    assert "363 is one digit off 365" in (one_off[0].note or "")


def test_statement_verdict_quotes_the_report(checker: ClaimChecker) -> None:
    html, verdicts = checker.render("Both North Korea and Russia have acknowledged arms transfers.")
    assert verdicts[0].verdict == "differs"
    assert "The report says:" in html and "both countries deny it" in html and "Donga" in html


def test_korean_and_russian_verdicts_are_rendered_in_their_language(checker: ClaimChecker) -> None:
    ko_html, ko = checker.render("2023년 2분기에 북한 주민 312명이 러시아에 입국했다.")
    assert ko[0].verdict == "differs" and "불일치" in ko_html and "2023년 2분기" in ko_html and "213" in ko_html
    ru_html, ru = checker.render("В третьем квартале 2023 года в Россию въехали 356 граждан КНДР.")
    assert ru[0].verdict == "differs" and "Не совпадает" in ru_html and "III квартал 2023" in ru_html
    assert "356 похоже на 365 с переставленными цифрами" in ru_html


def test_never_matches_a_figure_that_is_not_in_the_data(checker: ClaimChecker) -> None:
    for sentence in ["Russians entering North Korea in Q1 2023 numbered 100.", "In 2021, 50 North Koreans entered Russia.",
                     "300 tourists came from North Korea in Q3 2023.", "About 500 North Koreans left Russia in Q3 2023.",
                     "About 30,000 North Korean workers were in Russia before the sanctions."]:
        assert all(v.verdict != "matches" for v in checker.check(sentence)), sentence


@pytest.mark.parametrize("claimed,hedge,data,ok", [
    (370, "about", 365, True), (312, "about", 213, False), (400, "near_below", 365, False),
    (370, "near_below", 365, True), (350, "gt", 365, True), (200, "gt", 365, False), (230, "lt", 223, True),
    (300, "lt", 365, False), (150, "near_above", 153, True), (150, "near_below", 153, False), (360, "about", 366, False),
])
def test_tolerance_comes_from_the_number_and_its_hedge(claimed: int, hedge: str, data: int, ok: bool) -> None:
    assert _agrees(NumberMention(claimed, str(claimed), 0, 0, hedge=hedge), data) is ok


@pytest.mark.parametrize("value,unit", [(370, 10), (350, 50), (400, 100), (365, 1), (2000, 1000)])
def test_rounding_unit(value: int, unit: int) -> None:
    assert rounding_unit(NumberMention(value, str(value), 0, 0)) == unit


@pytest.mark.parametrize("words,value", [("three hundred and sixty-five", 365), ("a dozen", 12),
                                         ("two thousand four hundred", 2400), ("thirteen", 13), ("two dozen", 24)])
def test_number_words(words: str, value: int) -> None:
    assert words_to_number(words) == value


def test_the_checker_module_does_not_import_the_pipeline() -> None:
    # The pipeline injects itself into the checker; importing it back would be a cycle.
    code = "import sys, handlers.claims; print('handlers.pipeline' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1])
    assert out.stdout.strip() == "False"


def test_perturbed_true_claims_never_match(checker: ClaimChecker) -> None:
    # Every matching number of every set, transposed or moved by 1, 2 or 10: only hedged numbers
    # within their rounding, or numbers the data has exactly, may still match.
    from tests.eval.perturb_claims import claim_files, probe

    total, bad = probe(checker, claim_files())
    assert total > 1000
    assert not bad, [f"{b.value}: {b.text}" for b in bad[:10]]


def test_the_scorer_pairs_an_amount_in_words_with_the_amount_not_the_affiliation(checker: ClaimChecker) -> None:
    # The affiliation verdict comes first and has no value either; pairing by order alone counted
    # the true "differs" on "thousands" as a false "matches".
    from tests.eval.run_claims import score_item

    item = {"id": "t", "text": "Lankov of Kookmin University estimated that thousands of North Korean workers "
            "entered Russia in Q3 2023.", "claims": [{"value": "thousands", "verdict": "differs"}]}
    assert [r.got for r in score_item(item, checker)] == ["differs"]


@pytest.mark.parametrize("sentence,verdict", [
    ("China and Russia have not been avoiding their duty to repatriate North Korean workers.", "differs"),
    ("Russia and China have not complied with Resolution 2397.", "matches"),
    ("Россия не отрицает, что получила оружие от КНДР.", "differs"),
    ("Lankov does not consider the economic significance of the North Korean workers to be large.", "matches"),
])
def test_a_negated_stance_turns_round(checker: ClaimChecker, sentence: str, verdict: str) -> None:
    assert [v.verdict for v in checker.check(sentence)][-1] == verdict


@pytest.mark.parametrize("sentence", ["North Korean workers in Russia are paid 300 dollars a month in Q3 2023.",
                                      "북한 노동자는 러시아에서 월 70만 원을 받는다.",
                                      "Северокорейский рабочий в России получает 35 тысяч рублей в месяц."])
def test_money_is_never_compared_with_a_count(checker: ClaimChecker, sentence: str) -> None:
    assert [v.verdict for v in checker.check(sentence)] == ["not_in_data"]


@pytest.mark.parametrize("sentence,verdicts", [
    # a ranking is a claim of its own (claims_rank), with or without figures beside it
    ("Road was the second most common way North Koreans entered Russia in Q3 2023, ahead of rail.", ["differs"]),
    ("Rail came second in Q3 2023, behind air.", ["matches"]),
    ("Air and rail were the top two ways in for North Koreans in Q3 2023.", ["matches"]),
    ("Rail and road were the top two ways in for North Koreans in Q3 2023.", ["differs"]),
    # 39 of 365 have no published purpose: an unpublished one could be larger than education's 24
    ("Education was the second most common purpose in Q3 2023.", ["not_in_data"]),
    ("Education was the second most common stated purpose in Q3 2023.", ["matches"]),
    ("2023년 3분기 입국 목적은 교육이 24명으로 가장 많았다.", ["matches", "differs"]),
    ("Чаще всего в третьем квартале 2023 года северокорейцы приезжали поездом.", ["differs"]),
])
def test_a_ranking_is_judged_on_the_breakdown_and_what_it_leaves_out(checker: ClaimChecker, sentence: str,
                                                                     verdicts: list[str]) -> None:
    assert [v.verdict for v in checker.check(sentence)] == verdicts


@pytest.mark.parametrize("sentence,values", [
    # the i-th figure of a list is the i-th category's; a figure leading the sentence is its subject's
    ("Air and rail carried 213 and 143 North Koreans into Russia in Q3 2023.", {213: "matches", 143: "differs"}),
    ("134 and 213 came by rail and air respectively in Q3 2023.", {134: "matches", 213: "matches"}),
    ("At 134, rail arrivals in Q3 2023 were the second largest group.", {134: "matches"}),
    ("Из 253 северокорейцев, приехавших по делам в третьем квартале 2023 года, 100 были чиновниками.",
     {253: "matches", 100: "not_in_data"}),
])
def test_each_figure_is_checked_against_what_its_own_clause_attaches_it_to(checker: ClaimChecker, sentence: str,
                                                                           values: dict[int, str]) -> None:
    got = {int(v.claimed_value): v.verdict for v in checker.check(sentence) if v.claimed_value is not None}
    assert got == values


@pytest.mark.parametrize("sentence,verdict", [
    ("The LPR and DPR have ruled out using North Korean workers.", "differs"),
    ("Lankov says the official figures already show the return of North Korean workers.", "differs"),
    ("Resolution 2397 requires only newly hired North Korean workers to be sent home.", "differs"),
    ("Kim Jong Un visited Russia from 14 to 18 January 2024.", "differs"),
    ("ЛНР и ДНР отказались от идеи привлечь северокорейских рабочих.", "differs"),
    ("По словам Ланькова, экономическое значение северокорейских рабочих невелико.", "matches"),
])
def test_statement_aspects_are_compared_as_data(checker: ClaimChecker, sentence: str, verdict: str) -> None:
    statement = [v.verdict for v in checker.check(sentence) if v.claimed_value is None]
    assert statement and statement[-1] == verdict


def test_a_carrier_is_a_detail_the_report_does_not_give(checker: ClaimChecker) -> None:
    verdicts = checker.check("Air Koryo has resumed direct flights between Pyongyang and Vladivostok.")
    assert [v.verdict for v in verdicts] == ["matches", "not_in_data"]
    assert "koryo" in (verdicts[0].note or "").lower()
