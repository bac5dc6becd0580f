"""The one direction resolver: which of the data's directions (who entered where) a question means.

Both the question pipeline (handlers/desk.py) and the claim checker (handlers/claims.py) resolve
directions with :func:`pick_direction`; each turns a :class:`DirectionUnresolved` into its own
"not in the data" answer with labels in its language. It works on any direction type with
``citizens`` and ``destination`` (the pipeline's and the claim checker's are two such types).
"""

from __future__ import annotations

from typing import Any, Callable, Protocol, Sequence, TypeVar


class HasEnds(Protocol):
    """A direction: the people entering (``citizens``) and the country entered (``destination``)."""

    @property
    def citizens(self) -> str: ...
    @property
    def destination(self) -> str: ...


D = TypeVar("D", bound=HasEnds)


class DirectionUnresolved(Exception):
    """No direction, or more than one, fits. ``reason`` is "country" (a country the data lacks),
    "direction" (no stored direction has these ends) or "ambiguous_direction" (several do)."""

    def __init__(self, reason: str, country: str | None = None, citizens: str | None = None,
                 destination: str | None = None, options: Sequence[HasEnds] = ()) -> None:
        super().__init__(reason)
        self.reason = reason
        self.country = country
        self.citizens = citizens
        self.destination = destination
        self.options = list(options)

    def details(self, label: Callable[..., str], directions: list[str],
                option_text: Callable[[Any], str]) -> dict[str, Any]:
        """The fields of the "not in the data" answer for this reason, labelled by the caller
        (the pipeline's NoData and the claim checker's NotInData take the same fields)."""
        if self.reason == "country":
            return {"country": label("country", self.country or ""), "directions": directions}
        if self.reason == "direction":
            return {"citizens": label("country", self.citizens, "people") if self.citizens else None,
                    "destination": label("country", self.destination) if self.destination else None,
                    "directions": directions}
        return {"options": [option_text(d) for d in self.options[:6]], "more": max(0, len(self.options) - 6)}


def pick_direction(directions: Sequence[D], default: D | None, citizens: str | None, destination: str | None,
                   bare: Sequence[str]) -> tuple[D, bool]:
    """The direction a question means, and whether it was assumed (no country named with a role).

    ``bare`` are countries named without a role ("Russia Q3?"): the direction that has one of
    them at either end. Every named country must be one the data has.
    """
    known = {d.citizens for d in directions} | {d.destination for d in directions}
    for cid in [c for c in (citizens, destination) if c] + list(bare):
        if cid not in known:
            raise DirectionUnresolved("country", country=cid)
    if bare and not citizens and not destination:
        fits = [d for d in directions if bare[0] in (d.citizens, d.destination)]
        if fits:
            return likeliest(fits, default), False
    candidates = [d for d in directions
                  if (citizens is None or d.citizens == citizens) and (destination is None or d.destination == destination)]
    if not candidates:
        raise DirectionUnresolved("direction", citizens=citizens, destination=destination)
    return likeliest(candidates, default), citizens is None and destination is None


def likeliest(candidates: Sequence[D], default: D | None) -> D:
    """Of several directions a question fits, the one it means.

    The dataset's own pair (the default direction and its reverse) is what a bare "Russians"
    means; beyond that the bot does not guess between, say, Russians entering 200 countries.
    """
    if len(candidates) == 1:
        return candidates[0]
    if default is not None:
        if default in candidates:
            return default
        home = [c for c in candidates if {c.citizens, c.destination} == {default.citizens, default.destination}]
        if home:
            return home[0]
    raise DirectionUnresolved("ambiguous_direction", options=candidates)
