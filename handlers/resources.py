"""Resources built once at start-up and passed explicitly: data snapshot, pipeline, templates.

The pipeline (with its snapshot and matcher index) is swapped as one object when an admin
reloads data, so a question in flight keeps the pipeline it started with.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from handlers.pipeline import Pipeline
from handlers.queries import load_queries
from handlers.render import Renderer
from handlers.settings import Settings
from handlers.store import Snapshot
from handlers.versions import load_current


@dataclass
class Resources:
    """The long-lived objects of one running bot or console."""

    settings: Settings
    renderer: Renderer
    queries: dict[str, str]
    pipeline: Pipeline
    _swap_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def build(cls, settings: Settings) -> "Resources":
        """Load and validate the data, build the matcher index and templates; fail fast on errors."""
        renderer = Renderer()
        queries = load_queries()
        snapshot = load_current(settings.data_dir)
        return cls(settings, renderer, queries, Pipeline(snapshot, renderer, queries))

    def swap(self, snapshot: Snapshot) -> Pipeline:
        """Install a new snapshot atomically; return the previous pipeline."""
        new = Pipeline(snapshot, self.renderer, self.queries)
        with self._swap_lock:
            old, self.pipeline = self.pipeline, new
        return old
