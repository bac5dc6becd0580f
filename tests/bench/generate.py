"""Deterministic generator of a full-size dataset shaped like the FSB border statistics.

    python -m tests.bench.generate OUTDIR --seed 1 --countries 200 --quarters 40

writes a data directory the bot loads unchanged (``FACTDESK_DATA_DIR=OUTDIR``):

* ``figures.csv`` -- the material's real figures (North Korea <-> Russia, untouched, so every
  existing answer still works), plus, for each of ``--countries`` generated countries X and each
  of ``--quarters`` quarters ending with ``--last-quarter``, both directions (citizens of X
  entering Russia, Russians entering X), each as a total, every purpose and every transport mode
  listed in ``data/entities.csv``. 200 countries x 40 quarters x 2 directions x 13 = 208,000
  generated rows. Breakdowns add up exactly to their totals, so the load raises no warnings
  other than the material's own.
* ``entities.csv`` / ``synonyms.csv`` -- the material's, plus each generated country with a
  place form ("Tomaria"), a people form ("Tomarians") and the usual variants ("tomarian",
  "tomarian citizens", "tomarian nationals").
* ``meta.csv`` -- the material's keys, with ``report_date`` 23 days after the last quarter (so
  with the default last quarter, 2023-Q4, it is the material's own 2024-01-23 and "last year"
  still means 2023) and a ``dataset`` line naming the seed.
* ``sources.csv``, ``cues.csv``, ``facts.csv``, ``caveats.csv`` -- copied unchanged.
* ``bench_questions_en.jsonl`` -- a question set about the generated countries, in the evaluation
  set's format, with the expected figures computed from the generated rows (the loader ignores it).

Country names are pseudo-words built from syllables. A name is only used if every form of it is
one token for the bot's own tokenizer, is not taken for a period word, and is not within typo
distance of any word in ``data/`` or in the evaluation questions (otherwise a typo such as
"bussiness" could turn into a country and change an existing answer) or of another generated
country (so a one-letter slip can never silently switch countries). The same seed, arguments and
repository give byte-identical files; the names avoid the repository's vocabulary of the day, so a
new word in ``data/`` or in an evaluation set can change which names a seed produces.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import random
import shutil
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA

from handlers.lexicon import normalise, tokens
from handlers.periods import MONTHS, ORDINALS, PERIOD_WORDS, find_periods, fix_period_typos
from handlers.settings import PROJECT_ROOT

DATA_DIR = PROJECT_ROOT / "data"
EVAL_DIR = PROJECT_ROOT / "tests" / "eval"
COPIED = ("sources", "cues", "facts", "caveats")
HUB = "russia"  # every generated figure has Russia at one end, as in the FSB's tables
SOURCE_ID = "fsb"  # the full statistics are the FSB's own; the NK News / Donga chain relays only the NK rows
QUESTIONS_FILE = "bench_questions_en.jsonl"
DEFAULT_LAST_QUARTER = "2023-Q4"
REPORT_DELAY_DAYS = 23  # 2023-Q4 ends 2023-12-31; +23 days is the material's report date, 2024-01-23

ONSETS = ("b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
          "br", "dr", "gr", "kr", "tr", "pl", "sk", "zh")
VOWELS = ("a", "e", "i", "o", "u")
# (place ending, people plural ending, people singular / adjective ending)
SUFFIXES = (("ria", "rians", "rian"), ("nia", "nians", "nian"), ("stan", "stanis", "stani"),
            ("land", "landers", "lander"), ("dor", "dorans", "doran"))
# OSA similarity (0-1) at or above which two words could be taken for each other. The bot
# corrects typos at 0.8; rejecting from 0.7 leaves a margin of at least one more edit.
RESERVED_CUTOFF = 0.7
SIBLING_CUTOFF = 0.8
MAX_ATTEMPTS = 200_000


@dataclass(frozen=True)
class Country:
    """A generated country and the forms a question may name it by."""

    id: str
    label: str  # "Tomaria"
    people: str  # "Tomarians"
    singular: str  # "tomarian": also the adjective

    @property
    def forms(self) -> tuple[str, str, str]:
        return self.id, self.people.lower(), self.singular


@dataclass
class Generated:
    """What was written: the countries, quarters and every generated value, for question sets."""

    out: Path
    countries: list[Country]
    quarters: list[str]  # period codes, oldest first
    report_date: date
    purposes: list[str]
    transports: list[str]
    rows: int
    # (citizens, destination, period, dimension, category) -> value, generated rows only
    values: dict[tuple[str, str, str, str, str], int] = field(default_factory=dict, repr=False)


# --- names ------------------------------------------------------------------------------------------

def reserved_words(data_dir: Path = DATA_DIR, eval_dir: Path = EVAL_DIR) -> list[str]:
    """Every word the bot or its users already use: the data's vocabulary, eval questions, period words."""
    words: set[str] = set()
    for path in sorted(data_dir.glob("*.csv")):
        words.update(tokens(normalise(path.read_text(encoding="utf-8"))))
    for path in sorted(eval_dir.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                # Every text field: question sets use "q", the claim set other keys.
                item = json.loads(line)
                words.update(tokens(normalise(" ".join(v for v in item.values() if isinstance(v, str)))))
    words.update(PERIOD_WORDS, MONTHS, ORDINALS)
    # Words of three letters or fewer are never typo-corrected, so they cannot be confused.
    return sorted(w for w in words if len(w) >= 4 and w.isalpha())


def _usable(form: str, report_date: date) -> bool:
    """One plain token that the period parser leaves alone."""
    return (form.isalpha() and tokens(normalise(form)) == [form] and fix_period_typos(form) == form
            and not find_periods(form, report_date))


def make_countries(n: int, rng: random.Random, reserved: list[str], report_date: date) -> list[Country]:
    """``n`` distinct pseudo-countries, none close to a reserved word or to each other."""
    taken: list[str] = []
    taken_stems: set[str] = set()
    out: list[Country] = []
    for _ in range(MAX_ATTEMPTS):
        if len(out) == n:
            return out
        stem = rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(ONSETS) + rng.choice(VOWELS)
        place_end, plural_end, singular_end = rng.choice(SUFFIXES)
        if stem in taken_stems:
            continue  # "tomaria" and "tomaland" would share their people's adjective stem
        place, plural, singular = stem + place_end, stem + plural_end, stem + singular_end
        forms = (place, plural, singular)
        if not all(_usable(f, report_date) for f in forms):
            continue
        if any(process.extractOne(f, reserved, scorer=OSA.normalized_similarity, score_cutoff=RESERVED_CUTOFF)
               for f in forms):
            continue
        if taken and any(process.extractOne(f, taken, scorer=OSA.normalized_similarity, score_cutoff=SIBLING_CUTOFF)
                         for f in forms):
            continue
        taken.extend(forms)
        taken_stems.add(stem)
        out.append(Country(place, place.capitalize(), plural.capitalize(), singular))
    raise RuntimeError(f"could only make {len(out)} distinct country names out of {n}; widen ONSETS or SUFFIXES")


# --- periods and values -------------------------------------------------------------------------------

def quarter_codes(last: str, count: int) -> list[str]:
    """``count`` consecutive quarter codes ending with ``last`` (YYYY-Qn), oldest first."""
    year, q = int(last[:4]), int(last[-1])
    idx = year * 4 + q - 1
    return [f"{i // 4}-Q{i % 4 + 1}" for i in range(idx - count + 1, idx + 1)]


def quarter_end(code: str) -> date:
    year, q = int(code[:4]), int(code[-1])
    return date(year + (q == 4), 1 if q == 4 else 3 * q + 1, 1) - timedelta(days=1)


def split(total: int, weights: list[float]) -> list[int]:
    """Integer parts proportional to ``weights`` that add up exactly to ``total`` (largest remainder)."""
    s = sum(weights)
    raw = [total * w / s for w in weights]
    parts = [math.floor(x) for x in raw]
    by_remainder = sorted(range(len(raw)), key=lambda i: (-(raw[i] - parts[i]), i))
    for i in by_remainder[: total - sum(parts)]:
        parts[i] += 1
    return parts


def _series(rng: random.Random, quarters: list[str], purposes: list[str], transports: list[str]
            ) -> list[tuple[str, str, str, int]]:
    """One direction's rows (period, dimension, category, value): a trend, seasons and noise."""
    base = math.exp(rng.uniform(math.log(20), math.log(300_000)))  # tiny neighbours to mass tourism
    growth = rng.uniform(-0.12, 0.2)  # per year
    seasons = [rng.uniform(0.7, 1.4) for _ in range(4)]
    purpose_w = [rng.gammavariate(0.8, 1.0) + 0.01 for _ in purposes]
    transport_w = [rng.gammavariate(0.6, 1.0) + 0.01 for _ in transports]
    rows: list[tuple[str, str, str, int]] = []
    for i, code in enumerate(quarters):
        q = int(code[-1])
        total = max(0, round(base * (1 + growth) ** (i / 4) * seasons[q - 1] * rng.uniform(0.85, 1.15)))
        rows.append((code, "total", "all", total))
        for dim, cats, weights in (("purpose", purposes, purpose_w), ("transport", transports, transport_w)):
            jittered = [w * rng.uniform(0.8, 1.2) for w in weights]
            rows.extend((code, dim, c, v) for c, v in zip(cats, split(total, jittered)))
    return rows


# --- files --------------------------------------------------------------------------------------------

def _csv_rows(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def _with_rows(source: Path, rows: list[list[str]]) -> str:
    """A material file's text with rows appended (the material's own rows stay byte-identical)."""
    text = source.read_text(encoding="utf-8")
    if text and not text.endswith("\n"):
        text += "\n"
    return text + _csv_rows(rows)


def _categories(kind: str) -> list[str]:
    """The material's categories of one dimension, in file order: generated data covers every one."""
    with (DATA_DIR / "entities.csv").open(encoding="utf-8", newline="") as f:
        return [r["id"] for r in csv.DictReader(f) if r["kind"] == kind]


def generate(out: Path, seed: int = 1, countries: int = 200, quarters: int = 40,
             last_quarter: str = DEFAULT_LAST_QUARTER, questions: int = 300) -> Generated:
    """Write a complete data directory to ``out`` and return what was generated."""
    rng = random.Random(seed)
    codes = quarter_codes(last_quarter, quarters)
    report_date = quarter_end(codes[-1]) + timedelta(days=REPORT_DELAY_DAYS)
    made = make_countries(countries, rng, reserved_words(), report_date)
    purposes, transports = _categories("purpose"), _categories("transport")
    out.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        shutil.copyfile(DATA_DIR / f"{name}.csv", out / f"{name}.csv")

    meta = [["report_date", report_date.isoformat()],
            ["dataset", (f"Synthetic FSB-shaped border statistics ({countries} generated countries x {quarters} "
                         f"quarters, seed {seed}) with the North Korea-Russia figures of the report")]]
    with (DATA_DIR / "meta.csv").open(encoding="utf-8", newline="") as f:
        kept = [[r["key"], r["value"]] for r in csv.DictReader(f) if r["key"] not in ("report_date", "dataset")]
    (out / "meta.csv").write_text("key,value\n" + _csv_rows(meta + kept), encoding="utf-8")

    entities = [["country", c.id, c.label, c.people, ""] for c in made]
    (out / "entities.csv").write_text(_with_rows(DATA_DIR / "entities.csv", entities), encoding="utf-8")
    synonyms: list[list[str]] = []
    for c in made:
        synonyms += [["country", c.id, c.id, "place", "en"],
                     ["country", c.id, c.people.lower(), "people", "en"],
                     ["country", c.id, c.singular, "people", "en"],
                     ["country", c.id, f"{c.singular} citizens", "people", "en"],
                     ["country", c.id, f"{c.singular} nationals", "people", "en"]]
    (out / "synonyms.csv").write_text(_with_rows(DATA_DIR / "synonyms.csv", synonyms), encoding="utf-8")

    result = Generated(out, made, codes, report_date, purposes, transports, rows=0)
    figures: list[list[str]] = []
    for c in made:
        for citizens, destination in ((c.id, HUB), (HUB, c.id)):
            for period, dim, cat, value in _series(rng, codes, purposes, transports):
                figures.append([f"{citizens}-{destination}-{period.lower()}-{cat}", citizens, destination, period,
                                dim, cat, str(value), SOURCE_ID, "", ""])  # no note, no locator
                result.values[(citizens, destination, period, dim, cat)] = value
    (out / "figures.csv").write_text(_with_rows(DATA_DIR / "figures.csv", figures), encoding="utf-8")
    result.rows = len(figures)
    if questions:
        items = question_set(result, random.Random(seed + 1), questions)
        (out / QUESTIONS_FILE).write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    return result


# --- questions ----------------------------------------------------------------------------------------

def _label(code: str) -> str:
    return f"Q{code[-1]} {code[:4]}"


def question_set(gen: Generated, rng: random.Random, n: int) -> list[dict]:
    """``n`` questions about generated countries, with the figures each answer must contain.

    Each template is a kind of question the material's evaluation set asks about North Korea,
    written about a random generated country, direction and quarter.
    """
    v = gen.values
    phrases = {"business": "for business", "tourism": "for tourism", "work": "for work",
               "education": "for education", "air": "by air", "rail": "by train", "road": "by road"}
    out: list[dict] = []
    # Years asked about as a whole must have all four quarters in the data (the oldest may not).
    quarters = set(gen.quarters)
    full_years = sorted({p[:4] for p in quarters if all(f"{p[:4]}-Q{k}" in quarters for k in range(1, 5))})
    for i in range(n):
        c = rng.choice(gen.countries)
        period = rng.choice(gen.quarters)
        kind = i % 8
        inbound = rng.random() < 0.6
        cit, dest = (c.id, HUB) if inbound else (HUB, c.id)
        who, where = (c.people, "Russia") if inbound else ("Russians", c.label)
        total = v[(cit, dest, period, "total", "all")]
        if kind == 0:
            q, must = f"How many {who} entered {where} in {_label(period)}?", [total]
        elif kind == 1:
            q, must = f"{who.lower()} to {where.lower()} {period[-2:].lower()} {period[:4]}", [total]
        elif kind == 2:
            cat = rng.choice(sorted(phrases))
            dim = "transport" if cat in gen.transports else "purpose"
            q = f"How many {who} came to {where} {phrases[cat]} in {_label(period)}?"
            must = [v[(cit, dest, period, dim, cat)]]
        elif kind == 3:
            dim = rng.choice(["purpose", "transport"])
            q = f"{who} entering {where} in {_label(period)}: breakdown by {dim}"
            cats = gen.purposes if dim == "purpose" else gen.transports
            must = [total, max(v[(cit, dest, period, dim, k)] for k in cats)]
        elif kind == 4 and full_years:
            year = rng.choice(full_years)
            q = f"How many {who} entered {where} in {year}?"
            must = [sum(v[(cit, dest, f"{year}-Q{k}", "total", "all")] for k in range(1, 5))]
        elif kind == 4:  # fewer quarters than a whole year: a quarter instead
            q, must = f"How many {who} entered {where} in {_label(period)}?", [total]
        elif kind == 5:
            idx = gen.quarters.index(period)
            if idx == 0:
                period, idx = gen.quarters[1], 1
            prev = gen.quarters[idx - 1]
            q = f"{who} entering {where}: {_label(prev)} vs {_label(period)}"
            must = [v[(cit, dest, prev, "total", "all")], v[(cit, dest, period, "total", "all")]]
        elif kind == 6:
            dim = rng.choice(["purpose", "transport"])
            cats = gen.purposes if dim == "purpose" else gen.transports
            ranked = sorted((v[(cit, dest, period, dim, k)] for k in cats), reverse=True)
            if ranked[0] == ranked[1]:
                q, must = f"How many {who} entered {where} in {_label(period)}?", [total]  # a tie has no single answer
            else:
                word = "purpose" if dim == "purpose" else "transport mode"
                q, must = f"What was the most common {word} of {who} entering {where} in {_label(period)}?", [ranked[0]]
        else:
            cat = rng.choice(sorted(phrases))
            dim = "transport" if cat in gen.transports else "purpose"
            q = f"What share of {who} entering {where} in {_label(period)} came {phrases[cat]}?"
            must = [v[(cit, dest, period, dim, cat)]]
        out.append({"id": f"gen-{i:04d}", "q": q, "expect": "answer", "must_include": [str(m) for m in must],
                    "must_not_include": [], "tags": ["generated", f"kind{kind}", "inbound" if inbound else "outbound"]})
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="directory to write (created if missing; files are overwritten)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--countries", type=int, default=200, help="generated countries, besides Russia and North Korea")
    parser.add_argument("--quarters", type=int, default=40)
    parser.add_argument("--last-quarter", default=DEFAULT_LAST_QUARTER, help="YYYY-Qn of the newest quarter")
    parser.add_argument("--questions", type=int, default=300, help=f"questions written to {QUESTIONS_FILE}")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    gen = generate(args.out, args.seed, args.countries, args.quarters, args.last_quarter, args.questions)
    size = sum(p.stat().st_size for p in args.out.glob("*.csv"))
    print(f"wrote {args.out}: {len(gen.countries)} countries x {len(gen.quarters)} quarters "
          f"({gen.quarters[0]}..{gen.quarters[-1]}), {gen.rows:,} generated figure rows, {size / 1e6:.1f} MB of CSV, "
          f"report_date {gen.report_date}, {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
