"""A Korean question's first answer in a process equals its later answers (issue 13).

The analyser memoises its readings; a text read before the data's nouns were fixed in MeCab's
partial parse (the first question of a process is read by the period and spelling passes before
the lexicon indexes Korean) must not be served to the later reading. The cache is keyed by the
generation of the registered nouns, which these tests hold to.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from handlers import language
from handlers.pipeline import Pipeline
from handlers.settings import PROJECT_ROOT

QUESTIONS = ["1분기 입국자는?", "3분기 입국자 몇 명이었어요?", "러시아인 방북자 수 알려줘",
             "22년 입국자는?", "북한인 합계는?"]

_FIRST_RUN = """
import json, sys
from tests.conftest import make_pipeline, data_files
p = make_pipeline(data_files())
print(json.dumps([p.answer(q).text for q in json.loads(sys.argv[1])]))
"""


def test_first_answers_of_a_process_equal_later_ones(pipeline: Pipeline) -> None:
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    # each question as the very first one of a fresh process (the processes run side by side)
    runs = [subprocess.Popen([sys.executable, "-c", _FIRST_RUN, json.dumps([q])], stdout=subprocess.PIPE,
                             text=True, cwd=PROJECT_ROOT, env=env) for q in QUESTIONS]
    firsts = [json.loads(run.communicate(timeout=120)[0])[0] for run in runs]
    for q, first in zip(QUESTIONS, firsts):
        for _ in range(2):
            assert pipeline.answer(q).text == first, q


def test_a_reading_memoised_before_nouns_are_registered_is_not_reused() -> None:
    name = "뭉끄르바르"  # a made-up place no data row has, which the dictionary cuts up
    text = f"{name}에 간 사람은?"
    before = language.analyse_korean(text)  # memoised now, before the name is registered
    assert name not in [m.surface for m in before]
    generation = language._nouns_generation
    language.register_korean_nouns([], names=[name])
    assert language._nouns_generation == generation + 1
    after = language.analyse_korean(text)
    assert name in [m.surface for m in after]  # the new reading, not the one memoised before
