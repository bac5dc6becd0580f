"""What the answer cache asks of the pipeline: a question's key, and whether it is a follow-up.

Moved out of handlers/pipeline.py so the orchestrator holds only the order of the stages. The
answer cache (handlers/answering.py) keys an answer by (language, normalised text) and, on a hit
under a conversation, asks whether the same text would be read as an edit of that conversation's
last frame; both are functions of the text and the data alone, so they live apart from answering.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from handlers.language import LANGS, detect
from handlers.model import FollowUp
from handlers.understanding.extract import Extraction, extract
from handlers.understanding.matcher import MatchResult, match
from handlers.understanding.normalise import normalise_text

READINGS = 1024  # questions whose reading the answer cache's follow-up check keeps (CacheKeys.edits)


class CacheKeys:
    """Mixin for the pipeline: the answer cache's key and its follow-up check.

    Needs ``in_language``, ``lang``, ``lexicon``, ``report_date`` and ``_edit`` (handlers/reading.py)
    from the class it is mixed into.
    """

    # Annotations only (no stub methods): a stub here would shadow the real method in the MRO.
    lang: str
    lexicon: Any
    report_date: Any
    in_language: Any
    _edit: Any

    def cache_key(self, question: str, lang: str | None = None, lang_hint: str | None = None) -> tuple[str, str]:
        """(language, normalised text) of a question: what its answer depends on besides the data
        and the conversation (every stage reads the normalised text; ``lang`` and ``lang_hint`` as
        in :meth:`Pipeline.answer`). The answer cache's key, with the data version."""
        lang = lang if lang in LANGS else detect(question, lang_hint)
        view = self.in_language(lang) if lang != self.lang else self
        return lang, normalise_text(question.strip()[:2000], view.lexicon.is_word)

    def edits(self, lang: str, text: str, previous: FollowUp | None) -> bool:
        """Whether a question (language and normalised text, :meth:`cache_key`) would be read as an
        edit of ``previous`` (a follow-up), whose answer depends on the conversation.

        Asked by the answer cache on every hit under a context, so the question's extraction and
        the matcher's reading (functions of the text and the data alone; nothing changes an
        extraction once made but its own memo of derived values) are kept for the last
        ``READINGS`` questions asked so: the check is then only ``read_edit``.
        """
        view = self.in_language(lang) if lang != self.lang else self
        readings: OrderedDict[tuple[str, str], tuple[Extraction, MatchResult]] = \
            self.__dict__.setdefault("_edit_readings", OrderedDict())
        reading = readings.get((lang, text))
        if reading is None:
            ex = extract(text, view.lexicon, view.report_date)
            reading = readings[(lang, text)] = (ex, match(ex))
            if len(readings) > READINGS:
                readings.popitem(last=False)
        else:
            readings.move_to_end((lang, text))
        ex, result = reading
        return view._edit(ex, result, previous) is not None
