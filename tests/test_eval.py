"""The evaluation bar: at least 95 % correct and at most 1 % confidently wrong on our question set."""

from __future__ import annotations

from pathlib import Path

import pytest

from handlers.pipeline import Pipeline
from tests.eval.run_eval import DEFAULT_SET, EVAL_DIR, evaluate, load_set

MIN_CORRECT = 0.95
MAX_WRONG = 0.01


@pytest.mark.parametrize("path", [DEFAULT_SET, EVAL_DIR / "holdout_en.jsonl", EVAL_DIR / "questions_ko.jsonl",
                                  EVAL_DIR / "questions_ru.jsonl", EVAL_DIR / "classes_en.jsonl",
                                  EVAL_DIR / "classes_ru.jsonl", EVAL_DIR / "holdout_ru.jsonl",
                                  EVAL_DIR / "classes_ko.jsonl", EVAL_DIR / "holdout_ko.jsonl",
                                  # the classes blind sets 3 and 4 showed, in new items of our own
                                  EVAL_DIR / "classes4_en.jsonl",
                                  # the confident-wrong classes of the dev5b set, in new items of our own
                                  EVAL_DIR / "classes5_en.jsonl", EVAL_DIR / "classes2_ru.jsonl",
                                  # the classes of blind sets 1-5 and their neighbours, in new items of our own (fix6en)
                                  EVAL_DIR / "classes6_en.jsonl",
                                  # issue 13: measures the report lacks, checks, spans, derived measures,
                                  # spacing and mixed forms, in Korean and Russian items of our own (f7koru)
                                  EVAL_DIR / "classes7_ko.jsonl", EVAL_DIR / "classes7_ru.jsonl",
                                  # issue 11's classes (details the report lacks, checks, sets, rates, partial
                                  # spans, shorthand, multi-part questions), in new items of our own (f7en)
                                  EVAL_DIR / "classes7_en.jsonl",
                                  # issue 13 after blind set 7: Korean and Russian questions of two parts
                                  # (split, not split, a part the report lacks), in new items of our own (f8koru)
                                  EVAL_DIR / "classes8_ko.jsonl", EVAL_DIR / "classes8_ru.jsonl",
                                  # blind set 7's failing classes (two measures in one question, details the
                                  # report lacks, "all the figures", comparisons read from the smaller side),
                                  # in new items of our own (f8en)
                                  EVAL_DIR / "classes8_en.jsonl"],
                         ids=["main", "holdout", "ko", "ru", "classes", "classes_ru", "holdout_ru", "classes_ko",
                              "holdout_ko", "classes4", "classes5", "classes2_ru", "classes6", "classes7_ko", "classes7_ru",
                              "classes7", "classes8_ko", "classes8_ru", "classes8"])
def test_evaluation_set_meets_the_bar(pipeline: Pipeline, path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path.name} not present")
    items = load_set(path)
    counts, verdicts = evaluate(pipeline, items)
    n = len(items)
    wrong = [f"{v.id} {v.question!r}: {v.why}" for v in verdicts if v.outcome == "wrong"]
    assert counts["correct"] / n >= MIN_CORRECT, f"correct {counts['correct']}/{n}; wrong: {wrong}"
    assert counts["wrong"] / n <= MAX_WRONG, f"wrong {counts['wrong']}/{n}: {wrong}"


def test_runner_matches_whole_numbers_only() -> None:
    from tests.eval.run_eval import contains

    assert contains("365 entered", "365") and not contains("Q3 2023", "23") and not contains("2365", "365")
    assert contains("up 71.4%", "71.4") and contains("1.64 times", "1.6") and not contains("1.69", "1.6")
    assert contains("36.0% of", "36") and not contains("36.5%", "36")

