"""Korean and Russian: language detection, the grammar step, local period phrases, formatting,
and answers in the asker's language through the pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from handlers.language import detect, jamo, normalise_token, split_korean
from handlers.lexicon import normalise, tokens
from handlers.periods import Period, find_periods, months
from handlers.pipeline import Pipeline
from handlers.render import fmt_num_ru, fmt_pct_ru
from tests.eval.run_eval import contains

REPORT = date(2024, 1, 23)


@pytest.mark.parametrize("text, hint, lang", [
    ("북한 주민은 몇 명?", None, "ko"),
    ("Q3 북한→러시아 FSB", "en", "ko"),  # a Korean question with Latin codes in it is Korean
    ("сколько северокорейцев в Q3?", None, "ru"),
    ("how many in q3?", "ru", "en"),  # English words: the Telegram language does not override them
    ("Q3?", "ru", "ru"),  # no words in any script: the user's Telegram language decides
    ("nk->ru 3q23", "ko", "ko"),
    ("3q23", None, "en"),
    ("3q23", "de", "en"),  # a language the bot does not answer in
])
def test_language_is_read_from_the_script(text: str, hint: str | None, lang: str) -> None:
    assert detect(text, hint) == lang


def test_korean_particles_split_and_russian_cases_meet() -> None:
    assert split_korean("러시아에서") == ["러시아", "에서"]
    assert split_korean("북한은") == ["북한", "은"]
    assert split_korean("철도") == ["철도"]  # a two-syllable noun ending in a particle syllable stays whole
    assert split_korean("365명이") == ["365", "~명", "이"]
    assert normalise_token("поездом") == normalise_token("поезд") == normalise_token("поезде")
    assert tokens("на поезде") == ["на", "поезд"]


@pytest.mark.parametrize("text, expected", [
    # copula and its past and polite endings after a counter are grammar, not words
    ("몇 명이에요", ["몇", "~명"]), ("몇 명이었어요", ["몇", "~명"]), ("365명이었죠", ["365", "~명"]),
    # interrogative and past endings on verbs: the verb in dictionary form
    ("입국했나요", ["입국"]), ("들어갔어", ["들어가다"]), ("넘어온", ["넘어오다"]), ("찾았던", ["찾다"]),
    # 배 after 몇 is a multiplier, not the boat of "배로"
    ("2분기의 몇 배야", ["2", "분기", "의", "몇", "~배"]), ("배로 간 사람", ["배", "로", "가다", "사람"]),
    # 수: "할 수 있는" is the modal (can), "입국자 수" the count
    ("할 수 있는 입국자 수", ["하다", "있다", "입국", "자", "수"]),
])
def test_korean_morphology_comes_from_the_analyser(text: str, expected: list[str]) -> None:
    assert tokens(normalise(text)) == expected


@pytest.mark.parametrize("forms", [
    ("въехали", "въехать", "въехало"),  # past plural, perfective infinitive
    ("добирались", "добираться"),  # reflexive
    ("северокорейских", "северокорейский", "северокорейскими"),  # adjectives of place in oblique cases
    ("прибыли", "прибыть"),  # a verb, though "прибыли" is also "profits"
    ("граница с россией", "граница россии"),  # "с" with the instrumental is "with", not "from"
])
def test_russian_forms_meet_at_their_lemma(forms: tuple[str, ...]) -> None:
    assert len({tuple(tokens(f)) for f in forms}) == 1
    assert tokens("чем") != tokens("что")  # function words keep their spelling
    assert tokens("с украины") == ["с", "украина"]  # "с" with the genitive is "from" and stays
    assert tokens(normalise("How many North Koreans")) == ["how", "many", "north", "koreans"]  # English untouched
    assert tokens("russia's trains") == ["russia", "trains"]
    assert jamo("주민") != jamo("쥬민") and len(jamo("주민")) == 5


@pytest.mark.parametrize("text, period", [
    ("2023년 3분기", months(2023, 7, 9)), ("작년 3분기", months(2023, 7, 9)), ("지난해 상반기", months(2023, 1, 6)),
    ("2023년 하반기", months(2023, 7, 12)), ("재작년", months(2022, 1, 12)), ("2023년 1~9월", months(2023, 1, 9)),
    ("1~3분기", months(2023, 1, 9)), ("3/4분기", months(2023, 7, 9)),
    ("в третьем квартале 2023 года", months(2023, 7, 9)), ("iii квартал 2023", months(2023, 7, 9)),
    ("3-й квартал прошлого года", months(2023, 7, 9)), ("первое полугодие 2023", months(2023, 1, 6)),
    ("за прошлый год", months(2023, 1, 12)), ("январь–сентябрь 2023", months(2023, 1, 9)),
    ("за 3 кв. 2023", months(2023, 7, 9)), ("позапрошлый год", months(2022, 1, 12)),
    ("за первые полгода 2023", months(2023, 1, 6)),
])
def test_local_period_phrases(text: str, period: Period) -> None:
    found = find_periods(text.lower().replace("–", "-"), REPORT)
    assert len(found) == 1
    m = found[0]
    assert m.resolve(m.year if m.year is not None else 2023) == period


def test_period_labels_and_numbers_are_localised() -> None:
    q3 = months(2023, 7, 9)
    assert q3.label_in("ko") == "2023년 3분기" and q3.span_in("ko") == "2023년 7~9월"
    assert q3.label_in("ru") == "III квартал 2023 г." and q3.span_in("ru") == "июль–сентябрь 2023 г."
    assert q3.label_in("en") == q3.label == "Q3 2023"
    assert fmt_num_ru(1234) == "1\u00a0234" and fmt_pct_ru(71.4) == "71,4\u00a0%"
    assert contains("рост 71,4 %", "71,4") and contains("рост 71,4 %", "71.4") and contains("1 234", "1234")
    assert not contains("Q3 2023", "23") and contains("+152 (+71,4 %)", "152")


@pytest.mark.parametrize("question, lang, figure, words", [
    ("작년 3분기 북한 사람이 러시아에 몇 명 들어갔어?", "ko", "365", ["2023년 3분기", "명"]),
    ("비행기로 러시아에 간 북한 주민은 몇 명?", "ko", "213", ["항공"]),
    ("сколько приехало поездом", "ru", "134", ["III квартал 2023 г."]),
    ("на поезде сколько въехало", "ru", "134", ["поездом"]),
    ("рост в процентах со 2-го на 3-й квартал", "ru", "71,4", ["%"]),
])
def test_answers_come_in_the_question_language(pipeline: Pipeline, question: str, lang: str, figure: str,
                                               words: list[str]) -> None:
    answer = pipeline.answer(question)
    assert answer.kind == "answer", answer.text
    assert contains(answer.text, figure) and all(w in answer.text for w in words), answer.text
    assert "Source" not in answer.text  # the source line is in the answer's language too


def test_a_fixed_language_overrides_the_script(pipeline: Pipeline) -> None:
    ru = pipeline.answer("How many North Koreans entered Russia in Q3 2023?", lang="ru")
    assert "III квартал 2023 г." in ru.text and "365" in ru.text
    ko = pipeline.answer("Q3?", lang_hint="ko")
    assert "2023년 3분기" in ko.text
    en = pipeline.answer("How many North Koreans entered Russia in Q3 2023?")
    assert "Q3 2023" in en.text and "Source" in en.text


def test_facts_sources_and_fallbacks_are_localised(pipeline: Pipeline) -> None:
    assert "국민대" in pipeline.answer("란코프 교수는 누구야?").text
    assert "ФСБ" in pipeline.answer("Откуда эти данные?").text
    nodata = pipeline.answer("2023년 4분기 북한 주민 러시아 입국자는?")
    assert nodata.kind != "answer" and "데이터" in nodata.text
    exits = pipeline.answer("сколько северокорейцев выехало из России?")
    assert exits.kind != "answer" and "выезд" in exits.text


def test_english_does_not_see_other_languages_vocabulary(pipeline: Pipeline) -> None:
    """Korean and Russian rows only add phrases in their own scripts (plus shared codes such as
    "nk"), so an English question is understood exactly as before."""
    en = pipeline.answer("how many came by train in q3 2023")
    assert en.entities["categories"] == [{"dimension": "transport", "id": "rail"}]
    assert en.text.startswith("134") or "<b>134</b>" in en.html


@pytest.mark.parametrize("lang, words", [
    ("ko", ["러시아에 입국한 북한 주민", "출처", "분기 평균"]),
    ("ru", ["Въезд граждан КНДР в Россию", "Источник", "среднее за квартал"]),
])
def test_charts_are_drawn_in_the_answer_language_with_real_glyphs(pipeline: Pipeline, lang: str,
                                                                  words: list[str]) -> None:
    """Every chart's text is in the language, and every letter has a glyph: matplotlib warns
    "Glyph ... missing from font(s)" when it draws an empty box, which fails this test."""
    import warnings

    from handlers.charts import font_path, render_png

    assert font_path() is not None  # NanumGothic from koreanize-matplotlib, installed by pyproject.toml
    view = pipeline.in_language(lang)
    kinds = view.chart_kinds()
    assert [k for k, _ in kinds] == ["trend", "purpose", "transport"]
    trend = view.chart("trend")
    assert trend is not None
    text = " ".join([trend.title, trend.caption, trend.note, *trend.labels, *trend.value_labels])
    assert all(w in text for w in words), text
    # The whole year 2022 is drawn as its quarterly average beside the quarters, and marked.
    assert trend.averaged == (True, False, False, False) and trend.values[0] == round(223 / 4, 1)
    for kind, _ in kinds:
        spec = view.chart(kind)
        assert spec is not None and "Source" not in spec.caption
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            png = render_png(spec)
        assert png.startswith(b"\x89PNG")
        assert not [w for w in caught if "missing from font" in str(w.message)], [str(w.message) for w in caught][:3]


def test_long_source_lines_are_wrapped_inside_the_chart() -> None:
    """The footer (source chain, period, version, note) is wrapped to the image's width."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from handlers.charts import DPI, FIG_SIZE, MARGIN, _fit

    fig = plt.figure(figsize=FIG_SIZE, dpi=DPI)
    try:
        long = "Source: " + " → ".join(["Russian Federal Security Service (FSB)", "NK News", "Donga (Dong-A Ilbo)"] * 3)
        artist = _fit(fig, fig.text(MARGIN, 0.01, long, fontsize=7))
        assert "\n" in artist.get_text()
        assert artist.get_window_extent(fig.canvas.get_renderer()).x1 <= FIG_SIZE[0] * DPI
    finally:
        plt.close(fig)


def test_analysers_load_on_the_first_question_in_their_language() -> None:
    """A process that is asked only in English never loads mecab-ko or pymorphy3."""
    import subprocess
    import sys

    code = ("from tests.conftest import make_pipeline, data_files\n"
            "import handlers.language as L\n"
            "p = make_pipeline(data_files())\n"
            "p.answer('How many North Koreans entered Russia in Q3 2023?')\n"
            "print(L.loaded())\n"
            "p.answer('3분기 북한 주민은 몇 명이었어요?')\n"
            "print(L.loaded())\n"
            "a = p.answer('сколько въехали поездом')\n"
            "print(L.loaded(), '134' in a.text)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=str(__import__("pathlib").Path(__file__).resolve().parent.parent)).stdout.splitlines()
    assert out == ["()", "('ko',)", "('ko', 'ru') True"]


def test_a_language_indexed_on_first_use_equals_a_full_build() -> None:
    """The lexicon grown by its first Korean and Russian questions is the lexicon built with all
    three languages at once, field by field."""
    from handlers.lexicon import Lexicon
    from tests.conftest import data_files, make_pipeline

    p = make_pipeline(data_files())
    grown = Lexicon.build(p.snapshot, ("en",))
    grown.ensure({"ko"})
    grown.ensure({"ru", "en"})
    full = Lexicon.build(p.snapshot, ("en", "ko", "ru"))
    for name in ("phrases", "vocabulary", "fact_keywords", "facts_by_keyword", "fact_people", "filler", "multi_phrases",
                 "single_words", "hangul_words", "quantitative_facts", "langs"):
        assert getattr(grown, name) == getattr(full, name), name


@pytest.mark.parametrize("text, expected", [
    ("во 2-м квартале въехало больше, чем в 1-м?", [("quarter", 4, 6), ("quarter", 1, 3)]),
    ("сравни въезды за второй квартал и за первый", [("quarter", 4, 6), ("quarter", 1, 3)]),
    ("во сколько раз въезды в третьем квартале превысили показатель второго?", [("quarter", 7, 9), ("quarter", 4, 6)]),
    ("за первое полугодие и за второе", [("half", 1, 6), ("half", 7, 12)]),  # a half beside a half
    ("во сколько раз больше в третьем квартале", [("quarter", 7, 9)]),  # "во сколько раз" is no period
    # an ordinal before "по" after a comparison is a period; before a word of rank it ranks
    ("третий квартал больше первого по числу въехавших?", [("quarter", 7, 9), ("quarter", 1, 3)]),
    ("сравните второй квартал с первым по въезду", [("quarter", 4, 6), ("quarter", 1, 3)]),
    ("какая вторая по частоте цель в третьем квартале?", [("quarter", 7, 9)]),
    ("сколько въехало с начала года?", [("ytd", 1, 12)]),
])
def test_elided_russian_ordinals_take_the_kind_of_period_the_question_names(text: str, expected: list) -> None:
    assert [(m.kind, m.m1, m.m2) for m in find_periods(text, REPORT)] == expected


@pytest.mark.parametrize("question, figures, absent", [
    ("3분기는 2분기의 몇 배야?", ["1.71"], []),  # 배 after 몇: times
    ("3분기에 배로 간 북한 주민은 몇 명이었어요?", ["13"], ["1.71"]),  # 배 with 로: by boat
    ("북한 주민들은 무슨 수로 러시아에 갔어?", ["213", "134"], []),  # 수 with 로 after 무슨: by what means
    ("3분기 입국자 수는?", ["365"], ["213"]),  # 수 after a noun: the count
])
def test_korean_homonyms_are_read_in_context(pipeline: Pipeline, question: str, figures: list[str],
                                             absent: list[str]) -> None:
    answer = pipeline.answer(question)
    assert answer.kind == "answer", answer.text
    assert all(contains(answer.text, f) for f in figures) and not any(contains(answer.text, f) for f in absent), answer.text


@pytest.mark.parametrize("question, words", [
    ("푸틴이 북한을 방문할 예정인가요?", ["예측", "푸틴"]),
    ("Будет ли Путин посещать КНДР?", ["прогноз", "Путина"]),
])
def test_a_question_about_the_future_gets_what_the_report_says_not_a_figure(pipeline: Pipeline, question: str,
                                                                           words: list[str]) -> None:
    answer = pipeline.answer(question)
    assert answer.kind != "answer" and all(w in answer.text for w in words), answer.text
    assert not contains(answer.text, "544") and not contains(answer.text, "365")
    assert tokens("будет") != tokens("было")  # the auxiliary keeps its tense


@pytest.mark.parametrize("value, particle, expected", [
    ("북한 주민", "는", "북한 주민은"), ("러시아인", "은", "러시아인은"), ("2023년 3분기", "은", "2023년 3분기는"),
    ("2023년 1~9월", "는", "2023년 1~9월은"), ("교육", "이", "교육이"), ("항공", "와", "항공과"),
    ("69.3%", "을", "69.3%를"), ("365", "을", "365를"), ("153", "는", "153은"), ("북한", "로", "북한으로"),
    ("서울", "으로", "서울로"), ("러시아", "으로", "러시아로"), ("NK News", "를", "NK News을(를)"),
])
def test_korean_particles_follow_the_last_sound(value: str, particle: str, expected: str) -> None:
    """Korean answers attach 은/는, 이/가, 을/를, 와/과, (으)로 by the value's last sound, not "은(는)"."""
    from handlers.render import josa

    assert str(josa(value, particle)) == expected


def test_a_korean_answer_has_no_mismatched_particle(pipeline: Pipeline) -> None:
    ko = pipeline.answer("2023년 3분기 러시아에 입국한 북한 주민은 2022년보다 몇 명 많아?")
    assert "2023년 3분기는" in ko.text and "3분기은" not in ko.text


def test_russian_grammar_the_figures_depend_on() -> None:
    from handlers.language import russian_numeral

    # "нашли": the past of найти, not the imperative of наслать (equally likely to the dictionary)
    assert normalise_token("нашли") == ["найти"]
    # number words state an amount; the question word and the indefinite ones do not
    assert russian_numeral("ста") and russian_numeral("сорок") and russian_numeral("пятьсот")
    assert not any(russian_numeral(w) for w in ("сколько", "несколько", "много", "квартал"))


@pytest.mark.parametrize("question, figures, absent", [
    # the people noun after a place belongs to the country after it: North Koreans into Russia
    ("Сколько въехало в Россию граждан КНДР за 2022 год?", ["223"], ["544"]),
    # a listed sum with one category set aside: the listed sum, never the whole list excluded
    ("Сложите поезд, автомобиль, пешком и по воде — без авиации. Сколько?", ["191"], ["-39"]),
    ("Сложите поезд и автомобиль, без авиации. Сколько?", ["165"], ["152"]),
    # a threshold checked: more than 300 is true of 365
    ("Правда ли, что северокорейцев было больше 300 в третьем квартале?", ["365", "Да"], ["Неверно"]),
])
def test_russian_classes_give_the_right_figure(pipeline: Pipeline, question: str, figures: list[str],
                                               absent: list[str]) -> None:
    answer = pipeline.answer(question)
    assert answer.kind == "answer" and answer.lang == "ru", answer.text
    for f in figures:
        assert contains(answer.text, f), (f, answer.text)
    for f in absent:
        assert not contains(answer.text, f), (f, answer.text)


@pytest.mark.parametrize("question", [
    "Рабочих на стройке во Владивостоке было 40 человек?",  # a number against "dozens"
    "Когда ФСБ опубликовала эту статистику?",  # the FSB's list is undated
    "В какой день возобновились рейсы Пхеньян — Владивосток?",
    "Сколько из приехавших на учёбу — девушки?",  # a kind of person the figures do not count
])
def test_russian_details_the_report_lacks_get_the_honest_fallback(pipeline: Pipeline, question: str) -> None:
    answer = pipeline.answer(question)
    assert answer.kind != "answer", answer.text
    assert "an exact number" not in answer.text  # the reason is in Russian too


@pytest.mark.parametrize("text", [
    "분포비율교통수단별여객선\x00승용차분기별방문객쌍방항공기\x0c제외항공항공편1여객선목적별",  # a NUL: MeCab segfaulted
    "비지니스관광  비교\t이유x대부분학생상호수치노무일자리\x1c대비,총원비율입국총원셋째대부분",  # spaces, a tab: MeCab exited
    "  3분기\t\t북한 \n 입국자는\r\n몇 명?  ",
])
def test_korean_analysis_survives_control_characters_and_space_runs(pipeline: Pipeline, text: str) -> None:
    # Found by the random-input test: MeCab's partial parse (nouns the data knows fixed) took a
    # NUL, a tab or a line of spaces as a malformed fixed token and took the process down with it.
    # The pipeline is built first so the data's nouns are registered, as in the bot.
    answer = pipeline.answer(text)
    assert answer.html
