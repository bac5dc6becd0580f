"""Telegram-flavoured HTML validation for the fake Bot API server.

The real Bot API parses ``parse_mode=HTML`` text with tdlib's small, strict
parser rather than a browser-style one: only a fixed set of tags is allowed,
tags must nest properly, and only four named entities exist.  A message the
bot builds with a stray ``<`` or an unknown ``&name;`` is rejected with
``400 Bad Request: can't parse entities: ...`` -- exactly the class of bug a
test suite should catch before production does.

:func:`parse_html` turns Telegram HTML into ``(plain_text, entities)`` the way
the server does, raising :class:`HTMLParseError` with a tdlib-style
description on invalid input.  :func:`utf16_len` measures text the way
Telegram's length limits do.

Deliberate deviation: tdlib silently keeps a bare ``&`` that does not start a
valid entity.  The Bot API docs say such characters *must* be escaped, so this
validator is stricter and rejects them; that makes tests fail on unescaped
user content (which could turn into an entity by accident) instead of letting
it slip through.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "HTMLParseError",
    "ParsedText",
    "parse_html",
    "strip_and_shift",
    "utf16_len",
    "validate_html",
]

# tag name -> MessageEntity type.  Aliases map to the same type as on the real server.
_SIMPLE_TAGS: dict[str, str] = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "code": "code",
    "pre": "pre",
}
_SUPPORTED_TAGS: frozenset[str] = frozenset({*_SIMPLE_TAGS, "span", "a", "blockquote", "tg-emoji"})

_NAMED_ENTITIES: dict[str, str] = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_ENTITY_RE = re.compile(r"&(?:#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,8})|([a-zA-Z][a-zA-Z0-9]*));")
# Tag and attribute names: tdlib accepts ASCII letters, digits and '-' (tg-spoiler, emoji-id).
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
_SPACES = frozenset(" \t\r\n\f\v")


class HTMLParseError(ValueError):
    """Raised for text the real server would reject with "can't parse entities".

    ``str(err)`` is the tdlib-style detail, e.g.
    ``Unsupported start tag "div" at byte offset 0``; the server prefixes it
    with ``Bad Request: can't parse entities: ``.
    """


@dataclass
class ParsedText:
    """Result of parsing: the text users see plus MessageEntity dicts (UTF-16 offsets)."""

    text: str
    entities: list[dict[str, Any]] = field(default_factory=list)

    @property
    def length(self) -> int:
        """Length in UTF-16 code units, the unit of Telegram's 4096/1024 limits."""
        return utf16_len(self.text)


@dataclass
class _OpenTag:
    """A start tag waiting for its end tag on the parser stack."""

    name: str
    attrs: dict[str, str]
    utf16_start: int
    byte_offset: int
    # Set when a <code class="language-x"> closes directly inside this <pre>.
    language: str | None = None


def utf16_len(text: str) -> int:
    """Return the length of ``text`` in UTF-16 code units (astral chars count twice)."""
    # Counting surrogate pairs directly is much cheaper than encoding long texts.
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _byte_offset(text: str, index: int) -> int:
    """UTF-8 byte offset of ``text[index]``; tdlib reports positions in bytes."""
    return len(text[:index].encode("utf-8", "surrogatepass"))


def _decode_entity(text: str, i: int) -> tuple[str, int]:
    """Decode the HTML entity starting at ``text[i] == '&'``; return (char, next index)."""
    match = _ENTITY_RE.match(text, i)
    if match is None:
        raise HTMLParseError(
            'Character "&" is reserved and must be escaped with "&amp;" '
            f"at byte offset {_byte_offset(text, i)}"
        )
    dec, hexa, name = match.groups()
    if name is not None:
        if name not in _NAMED_ENTITIES:
            # Only lt/gt/amp/quot exist on Telegram; &nbsp; &apos; etc. are not entities there.
            raise HTMLParseError(
                f'Unsupported HTML entity "&{name};" at byte offset {_byte_offset(text, i)}'
            )
        return _NAMED_ENTITIES[name], match.end()
    code = int(dec) if dec is not None else int(hexa, 16)
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        raise HTMLParseError(f"Invalid numeric HTML entity at byte offset {_byte_offset(text, i)}")
    return chr(code), match.end()


def _decode_attr_value(raw: str) -> str:
    """Decode entities inside an attribute value (href="a?x=1&amp;y=2")."""
    out: list[str] = []
    i = 0
    while i < len(raw):
        if raw[i] == "&":
            ch, i = _decode_entity(raw, i)
            out.append(ch)
        else:
            out.append(raw[i])
            i += 1
    return "".join(out)


def _parse_start_tag(text: str, lt: int) -> tuple[str, dict[str, str], int]:
    """Parse ``<name attr="v" ...>`` starting at ``text[lt] == '<'``.

    Returns (lower-cased tag name, attributes, index after '>').
    """
    n = len(text)
    i = lt + 1
    start = i
    while i < n and text[i] in _NAME_CHARS:
        i += 1
    name = text[start:i].lower()
    if name not in _SUPPORTED_TAGS:
        # Covers "a < b" too: the tag name is empty, as tdlib reports it.
        raise HTMLParseError(
            f'Unsupported start tag "{name}" at byte offset {_byte_offset(text, lt)}'
        )
    attrs: dict[str, str] = {}
    while True:
        while i < n and text[i] in _SPACES:
            i += 1
        if i >= n:
            raise HTMLParseError(f"Unclosed start tag at byte offset {_byte_offset(text, lt)}")
        if text[i] == ">":
            return name, attrs, i + 1
        attr_start = i
        while i < n and text[i] in _NAME_CHARS:
            i += 1
        attr_name = text[attr_start:i].lower()
        if not attr_name:
            raise HTMLParseError(
                f'Empty attribute name in the tag "{name}" at byte offset {_byte_offset(text, lt)}'
            )
        while i < n and text[i] in _SPACES:
            i += 1
        if i < n and text[i] == "=":
            i += 1
            while i < n and text[i] in _SPACES:
                i += 1
            if i >= n:
                raise HTMLParseError(f"Unclosed start tag at byte offset {_byte_offset(text, lt)}")
            if text[i] in "\"'":
                quote = text[i]
                end = text.find(quote, i + 1)
                if end == -1:
                    raise HTMLParseError(
                        f"Unclosed start tag at byte offset {_byte_offset(text, lt)}"
                    )
                raw_value = text[i + 1 : end]
                i = end + 1
            else:
                value_start = i
                while i < n and text[i] not in _SPACES and text[i] != ">":
                    i += 1
                raw_value = text[value_start:i]
            attrs[attr_name] = _decode_attr_value(raw_value)
        else:
            # Valueless attribute, needed for <blockquote expandable>.
            attrs[attr_name] = ""


def _entity_for(tag: _OpenTag, end_utf16: int, parent: _OpenTag | None) -> dict[str, Any] | None:
    """Build the MessageEntity dict for a closed tag (None if it produces no entity)."""
    length = end_utf16 - tag.utf16_start
    if length <= 0:
        return None  # Telegram drops empty entities such as <b></b>.
    base: dict[str, Any] = {"offset": tag.utf16_start, "length": length}
    name = tag.name
    if name == "code" and parent is not None and parent.name == "pre":
        # <pre><code class="language-x"> sets the language of the enclosing pre entity.
        cls = tag.attrs.get("class", "")
        if cls.startswith("language-") and len(cls) > len("language-"):
            parent.language = cls[len("language-") :]
        return None  # Merged into the pre entity either way.
    if name in _SIMPLE_TAGS:
        entity = {"type": _SIMPLE_TAGS[name], **base}
        if name == "pre" and tag.language:
            entity["language"] = tag.language
        return entity
    if name == "span":
        return {"type": "spoiler", **base}
    if name == "a":
        href = tag.attrs.get("href", "").strip()
        if not href:
            return None  # tdlib keeps the text but creates no link without a usable href.
        return {"type": "text_link", **base, "url": href}
    if name == "blockquote":
        kind = "expandable_blockquote" if "expandable" in tag.attrs else "blockquote"
        return {"type": kind, **base}
    if name == "tg-emoji":
        return {"type": "custom_emoji", **base, "custom_emoji_id": tag.attrs["emoji-id"]}
    return None


def _check_start_tag(name: str, attrs: dict[str, str], text: str, lt: int) -> None:
    """Enforce attribute requirements that the real server enforces."""
    if name == "span" and attrs.get("class") != "tg-spoiler":
        raise HTMLParseError('Tag "span" must have class "tg-spoiler"')
    if name == "tg-emoji":
        emoji_id = attrs.get("emoji-id", "")
        if not emoji_id.isdigit():
            raise HTMLParseError(
                f'Tag "tg-emoji" must have a numeric attribute "emoji-id" at byte offset '
                f"{_byte_offset(text, lt)}"
            )


def parse_html(text: str) -> ParsedText:
    """Parse Telegram HTML into plain text plus entities, or raise :class:`HTMLParseError`.

    The returned text is *not* whitespace-stripped; :func:`strip_and_shift`
    does that separately because the server strips after parsing.
    """
    out: list[str] = []
    utf16_pos = 0
    stack: list[_OpenTag] = []
    entities: list[dict[str, Any]] = []
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if ch == "&":
            decoded, i = _decode_entity(text, i)
            out.append(decoded)
            utf16_pos += utf16_len(decoded)
            continue
        if ch != "<":
            # Copy a run of plain characters at once; long messages are common in tests.
            j = i + 1
            while j < n and text[j] not in "&<":
                j += 1
            chunk = text[i:j]
            out.append(chunk)
            utf16_pos += utf16_len(chunk)
            i = j
            continue
        if i + 1 < n and text[i + 1] == "/":
            end = text.find(">", i + 2)
            if end == -1:
                raise HTMLParseError(f"Unclosed end tag at byte offset {_byte_offset(text, i)}")
            end_name = text[i + 2 : end].strip().lower()
            if not stack:
                raise HTMLParseError(f"Unexpected end tag at byte offset {_byte_offset(text, i)}")
            top = stack[-1]
            if end_name != top.name:
                raise HTMLParseError(
                    f"Unmatched end tag at byte offset {_byte_offset(text, i)}, "
                    f'expected "</{top.name}>", found "</{end_name}>"'
                )
            stack.pop()
            entity = _entity_for(top, utf16_pos, stack[-1] if stack else None)
            if entity is not None:
                entities.append(entity)
            i = end + 1
            continue
        name, attrs, after = _parse_start_tag(text, i)
        _check_start_tag(name, attrs, text, i)
        stack.append(_OpenTag(name, attrs, utf16_pos, _byte_offset(text, i)))
        i = after
    if stack:
        raise HTMLParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1].name}"')
    # Outer entities first at equal offsets, matching the server's ordering.
    # Entities are appended as tags close, so for identical spans the outer tag comes
    # later; the negated close order puts it first.
    order = {id(e): i for i, e in enumerate(entities)}
    entities.sort(key=lambda e: (e["offset"], -e["length"], -order[id(e)]))
    return ParsedText("".join(out), _drop_inside_code(entities))


def _drop_inside_code(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Remove entities nested in code/pre: the server silently drops them, no error.

    ``entities`` must be sorted outer-first, so a container is seen before its contents.
    """
    code_spans: list[tuple[int, int]] = []
    kept: list[dict[str, Any]] = []
    for entity in entities:
        start, end = entity["offset"], entity["offset"] + entity["length"]
        if any(s <= start and end <= e for s, e in code_spans):
            continue
        kept.append(entity)
        if entity["type"] in ("code", "pre"):
            code_spans.append((start, end))
    return kept


def strip_and_shift(parsed: ParsedText) -> ParsedText:
    """Trim leading/trailing whitespace like the server and re-base entity offsets."""
    text = parsed.text
    stripped = text.strip()
    if stripped == text:
        return parsed
    lead = utf16_len(text[: len(text) - len(text.lstrip())])
    new_len = utf16_len(stripped)
    shifted: list[dict[str, Any]] = []
    for entity in parsed.entities:
        start = max(0, entity["offset"] - lead)
        end = min(new_len, entity["offset"] + entity["length"] - lead)
        if end > start:
            shifted.append({**entity, "offset": start, "length": end - start})
    return ParsedText(stripped, shifted)


def validate_html(text: str) -> None:
    """Raise :class:`HTMLParseError` if ``text`` is not valid Telegram HTML."""
    parse_html(text)
