"""The scale generator: its output passes the project's own validation, and the unchanged bot answers
questions about generated countries with the figures in the generated CSV.

Expected figures are computed here from the CSV rows with the csv module, not taken from the
generator, so a generator bug and a pipeline bug cannot cancel out. Timings are not tested: they
belong to ``python -m tests.bench.benchmark`` and the README.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from handlers.lexicon import normalise, tokens
from handlers.pipeline import Pipeline
from handlers.queries import load_queries
from handlers.render import Renderer
from handlers.store import load_dir
from tests.bench.generate import DATA_DIR, QUESTIONS_FILE, generate, reserved_words

COUNTRIES, QUARTERS = 12, 8  # 2022-Q1 .. 2023-Q4 with the default last quarter


def numbers(text: str) -> set[int]:
    """Whole numbers in an answer, thousands separators removed."""
    found = re.findall(r"(?<![\d.])\d+(?:\.\d+)?", text.replace(",", ""))
    return {int(n) for n in found if "." not in n}  # "58.4%" is a share, not the figure 58


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated")
    generate(out, seed=7, countries=COUNTRIES, quarters=QUARTERS, questions=40)
    return out


@pytest.fixture(scope="module")
def pipeline(generated: Path) -> Pipeline:
    return Pipeline(load_dir(generated), Renderer(), load_queries())


@pytest.fixture(scope="module")
def country(generated: Path) -> dict[str, str]:
    """One generated country, as its entities.csv row."""
    material = {r["id"] for r in read_csv(DATA_DIR / "entities.csv")}
    made = [r for r in read_csv(generated / "entities.csv") if r["id"] not in material]
    assert len(made) == COUNTRIES
    return made[COUNTRIES // 2]


@pytest.fixture(scope="module")
def value(generated: Path) -> Callable[..., int]:
    """Look up one published figure in the generated figures.csv."""
    index = {(r["citizens"], r["destination"], r["period"], r["dimension"], r["category"]): int(r["value"])
             for r in read_csv(generated / "figures.csv")}

    def get(citizens: str, destination: str, period: str, dimension: str = "total", category: str = "all") -> int:
        return index[(citizens, destination, period, dimension, category)]

    return get


def test_shape_and_validation(generated: Path) -> None:
    snapshot = load_dir(generated)  # raises DataLoadError on any problem
    rows = read_csv(generated / "figures.csv")
    material = read_csv(DATA_DIR / "figures.csv")
    per_direction = 1 + 7 + 5  # total, every purpose, every transport mode
    assert len(rows) == len(material) + COUNTRIES * 2 * QUARTERS * per_direction
    assert snapshot.counts()["figures"] == len(rows)
    assert rows[: len(material)] == material  # the report's own figures, untouched
    assert {r["period"] for r in rows[len(material):]} == {f"{y}-Q{q}" for y in (2022, 2023) for q in (1, 2, 3, 4)}
    meta = {r["key"]: r["value"] for r in read_csv(generated / "meta.csv")}
    assert meta["report_date"] == "2024-01-23" and meta["default_citizens"] == "north_korea"
    for name in ("sources", "cues", "facts", "caveats"):
        assert (generated / f"{name}.csv").read_bytes() == (DATA_DIR / f"{name}.csv").read_bytes()
    # The only warnings are the material's own: generated breakdowns add up to their totals.
    assert all(w.startswith(("north_korea", "russia->north_korea")) for w in snapshot.warnings)


def test_same_seed_same_bytes(generated: Path, tmp_path: Path) -> None:
    generate(tmp_path, seed=7, countries=COUNTRIES, quarters=QUARTERS, questions=40)
    for path in sorted(generated.iterdir()):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_names_are_distinct_single_words_unknown_to_the_material(generated: Path) -> None:
    material_terms = {r["term"].lower() for r in read_csv(DATA_DIR / "synonyms.csv")}
    material_terms |= {p.strip() for r in read_csv(DATA_DIR / "cues.csv") for p in r["phrases"].split("|")}
    reserved = set(reserved_words())
    material_rows = read_csv(DATA_DIR / "synonyms.csv")
    rows = read_csv(generated / "synonyms.csv")
    assert rows[: len(material_rows)] == material_rows
    words = [r["term"] for r in rows[len(material_rows):] if " " not in r["term"]]
    assert len(words) == 3 * COUNTRIES and len(set(words)) == len(words)
    for word in words:
        assert tokens(normalise(word)) == [word]
        assert word not in material_terms and word not in reserved


def test_questions_about_a_generated_country(pipeline: Pipeline, country: dict[str, str],
                                            value: Callable[..., int]) -> None:
    cid, place, people = country["id"], country["label"], country["people"]
    cases = [
        (f"How many {people} entered Russia in Q3 2023?", {value(cid, "russia", "2023-Q3")}),
        (f"How many Russians entered {place} in Q2 2022?", {value("russia", cid, "2022-Q2")}),
        (f"how many {people.lower()} came to russia by air in q4 2022", {value(cid, "russia", "2022-Q4", "transport", "air")}),
        (f"{place} to Russia for business, Q1 2023", {value(cid, "russia", "2023-Q1", "purpose", "business")}),
        # A whole year is the sum of its four published quarters, computed in SQL.
        (f"How many {people} entered Russia in 2022?", {sum(value(cid, "russia", f"2022-Q{q}") for q in range(1, 5))}),
        (f"{people} entering Russia: Q2 vs Q3 2023", {value(cid, "russia", "2023-Q2"), value(cid, "russia", "2023-Q3")}),
    ]
    for question, expected in cases:
        answer = pipeline.answer(question)
        assert answer.kind == "answer", (question, answer.text)
        assert expected <= numbers(answer.text), (question, expected, answer.text)


def test_most_common_purpose_of_a_generated_country(pipeline: Pipeline, country: dict[str, str],
                                                    generated: Path) -> None:
    purposes = {r["category"]: int(r["value"]) for r in read_csv(generated / "figures.csv")
                if r["citizens"] == country["id"] and r["period"] == "2023-Q3" and r["dimension"] == "purpose"}
    top = max(purposes.values())
    answer = pipeline.answer(f"What was the most common purpose of {country['people']} entering Russia in Q3 2023?")
    assert answer.kind == "answer" and top in numbers(answer.text), answer.text


def test_the_material_is_still_answered(pipeline: Pipeline) -> None:
    assert 365 in numbers(pipeline.answer("How many North Koreans entered Russia in Q3 2023?").text)
    assert 544 in numbers(pipeline.answer("How many Russians entered North Korea in Q3 2023?").text)


def test_generated_question_set_is_answered(generated: Path, pipeline: Pipeline) -> None:
    from tests.eval.run_eval import evaluate, load_set

    items = load_set(generated / QUESTIONS_FILE)
    counts, verdicts = evaluate(pipeline, items)
    assert counts["correct"] == len(items), [f"{v.question!r}: {v.why}" for v in verdicts if v.outcome != "correct"]
