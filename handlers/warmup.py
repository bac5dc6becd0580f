"""Warm-up: the one-off work of a process's first answers, done before the first question.

The first answer to use a jinja template compiles it (tens of milliseconds for the larger ones),
every named query is parsed on its first run, the English words that look like period
words are read on the first question that has one, and each figure an answer gives is looked up in
DuckDB the first time. Done here once, at start-up, no question pays for any of it (figures are
all read at once only while the data is small: ``KEEP_FIGURES``; then the data's basic questions
are answered too, so their queries' results are cached). Then the bot ``settle``s: what
start-up built is frozen out of the cyclic garbage collector's sight. The bot runs this in a worker
thread right after polling begins (so it does not delay the cold start); ``bot.py check`` and the benchmark
call it directly. Never imports telegram.
"""

from __future__ import annotations

import gc
import time
from typing import TYPE_CHECKING

from handlers.periods import common_english_words, english_lookalikes
from handlers.queries import prepare

KEEP_FIGURES = 5_000  # figure rows read into memory at warm-up at most (the material has 17)
BASIC_QUESTIONS = 400  # the data's basic questions answered at warm-up at most (small data only)

if TYPE_CHECKING:  # resources imports the pipeline; only the type is needed here
    from handlers.resources import Resources


def compile_templates(resources: "Resources") -> int:
    """Compile every answer template of every language into its environment's cache."""
    count = 0
    for lang, env in resources.renderer.envs.items():
        # Each language's environment renders only its own folder (others fall back to English).
        for name in env.list_templates(extensions=["j2"]):
            if name.startswith(f"{lang}/"):
                env.get_template(name)
                count += 1
                time.sleep(0)  # let a question being answered meanwhile have the interpreter
    return count


def warm(resources: "Resources") -> dict[str, float]:
    """Parse every named query, compile every template, answer the example questions once.

    The examples run the whole pipeline (extraction, matching, DuckDB, rendering) so the code
    paths and DuckDB's own first-use setup are warm; their results stay in the snapshot's cache.
    Returns counts and seconds, for the start-up log line.
    """
    t0 = time.perf_counter()
    pipeline = resources.pipeline
    queries = prepare(pipeline.snapshot, resources.queries)
    figures = pipeline.snapshot.keep_all_figures(KEEP_FIGURES)
    # The English look-alikes of period words ("match", "hall"): read on first use they cost the
    # first question that has one ("years", "fist") about 0.1 s, and a full collection after.
    lookalikes = len(english_lookalikes())
    # The common English words (a word that is no slip for a nearby lexicon word, "decade" is
    # not "decide"): about 0.2 s to read, so not on the first question that has one.
    common_english_words()
    t1 = time.perf_counter()
    templates = compile_templates(resources)
    t2 = time.perf_counter()
    examples = pipeline.examples()
    if pipeline.snapshot.figure_count <= KEEP_FIGURES:
        # On small data also the data's basic questions (each direction, period, dimension and
        # category: 146 on the material, about 0.25 s), so a first question mostly finds its
        # queries' results cached. On large data each costs more and answers cache as they come.
        examples = examples + [q for q in pipeline.basic_questions(BASIC_QUESTIONS) if q not in examples]
    for question in examples:
        pipeline.answer(question)
        time.sleep(0)  # let a question being answered meanwhile have the interpreter
    t3 = time.perf_counter()
    return {"queries": queries, "templates": templates, "examples": len(examples), "figures": figures,
            "lookalikes": lookalikes,
            "parse_s": t1 - t0, "compile_s": t2 - t1, "examples_s": t3 - t2, "total_s": t3 - t0}


def settle() -> int:
    """Collect, then freeze what is left out of the cyclic garbage collector's sight; how many
    objects are frozen. Called by the bot once its start-up and warm-up are done.

    What start-up built (modules, data, lexicon, analysers, compiled templates: about 70,000
    objects) lives as long as the process, and each full collection walked all of it: 20-30 ms,
    on whichever answer's allocation triggered one. Reference counting still frees frozen
    objects; an old snapshot holds no cycle (tests/test_loader.py checks it goes with the cyclic
    GC off), so a reload does not leak through this. ``unsettle`` undoes it (shutdown).
    """
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


def unsettle() -> None:
    """Give the frozen objects back to the collector (an Application shut down in a process that
    goes on, as in tests)."""
    gc.unfreeze()
