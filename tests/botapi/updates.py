"""Builders for Telegram ``Update`` JSON dicts in real Bot API shape.

Tests push these into :class:`tests.botapi.server.FakeBotAPI` with
``api.push_update(...)``; the bot under test then receives them through
``getUpdates`` (or its webhook) and parses them with PTB's ``de_json``, so
every dict here must have the exact field names and required fields of the
Bot API.  Everything returned is a plain, JSON-serialisable ``dict``.

Builders return *Update* dicts (``{"message": {...}}`` etc.) without an
``update_id``; the fake server assigns one on push.  Message ids come from a
module-wide counter; the server renumbers a pushed message in place if its id
is already taken in that chat (e.g. by a message the bot sent), so tests
should read ``upd["message"]["message_id"]`` *after* pushing if they care.

Text builders add ``entities`` automatically, as Telegram clients/servers do:
``bot_command`` (``/ask``, ``/ask@FactDeskTestBot``), ``mention``
(``@FactDeskTestBot``), ``hashtag`` and ``url``, with offsets/lengths in UTF-16
code units so emoji before a command are handled like on the real server.
"""

from __future__ import annotations

import copy
import itertools
import re
import time
from typing import Any

__all__ = [
    "ANONYMOUS_ADMIN_ID",
    "DEFAULT_BOT_USERNAME",
    "DEFAULT_GROUP_ID",
    "DEFAULT_GROUP_TITLE",
    "DEFAULT_USER_ID",
    "anonymous_admin_message",
    "callback_query",
    "chat_member",
    "detect_entities",
    "document_message",
    "edited_message",
    "group_chat",
    "group_text",
    "inline_query",
    "left_chat_member",
    "make_user",
    "message_of",
    "my_chat_member",
    "new_chat_members",
    "next_message_id",
    "photo_message",
    "private_chat",
    "private_text",
    "sticker_message",
    "text_message",
]

DEFAULT_BOT_USERNAME = "FactDeskTestBot"
DEFAULT_USER_ID = 424242
DEFAULT_FIRST_NAME = "Alice"
DEFAULT_GROUP_ID = -1001234567890
DEFAULT_GROUP_TITLE = "FactDesk Test Group"
# Telegram's fixed "GroupAnonymousBot" user that appears as `from` for anonymous admins.
ANONYMOUS_ADMIN_ID = 1087968824

JSONDict = dict[str, Any]

# Shared by all builders so ids are unique across chats within a test session.
_message_ids = itertools.count(1)
_query_ids = itertools.count(1)

# Same character classes the Telegram clients use for these auto-detected entities.
_COMMAND_RE = re.compile(r"(?<![\w/])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\w@])")
_MENTION_RE = re.compile(r"(?<![\w@])@[A-Za-z0-9_]{4,32}(?![\w@])")
_HASHTAG_RE = re.compile(r"(?<![\w#])#\w*[^\W\d]\w*")
_URL_RE = re.compile(r"(?<![\w@])https?://[^\s<>\"]+[^\s<>\".,;:!?)\]'}]")


def next_message_id() -> int:
    """Return a fresh message id from the module-wide counter."""
    return next(_message_ids)


def _now() -> int:
    """Unix time as the API sends it (integer seconds)."""
    return int(time.time())


def _utf16_offset(text: str, index: int) -> int:
    """Convert a Python str index into a UTF-16 code-unit offset."""
    return len(text[:index].encode("utf-16-le")) // 2


def detect_entities(text: str) -> list[JSONDict]:
    """Return bot_command/mention/hashtag/url entities for ``text`` (UTF-16 offsets)."""
    found: list[tuple[int, int, str]] = []
    # URLs first: "https://t.me/@x" or ".../ask" inside a link must stay one url entity.
    for regex, kind in (
        (_URL_RE, "url"),
        (_COMMAND_RE, "bot_command"),
        (_MENTION_RE, "mention"),
        (_HASHTAG_RE, "hashtag"),
    ):
        for match in regex.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e, _ in found):
                continue
            found.append((start, end, kind))
    found.sort()
    return [
        {
            "type": kind,
            "offset": _utf16_offset(text, start),
            "length": _utf16_offset(text, end) - _utf16_offset(text, start),
        }
        for start, end, kind in found
    ]


def make_user(
    user_id: int = DEFAULT_USER_ID,
    first_name: str = DEFAULT_FIRST_NAME,
    *,
    last_name: str | None = None,
    username: str | None = None,
    language_code: str | None = "en",
    is_bot: bool = False,
) -> JSONDict:
    """Build a ``User`` dict."""
    user: JSONDict = {"id": user_id, "is_bot": is_bot, "first_name": first_name}
    if last_name is not None:
        user["last_name"] = last_name
    if username is not None:
        user["username"] = username
    if language_code is not None and not is_bot:
        user["language_code"] = language_code
    return user


def private_chat(user: JSONDict) -> JSONDict:
    """Build the private ``Chat`` dict belonging to ``user``."""
    chat: JSONDict = {"id": user["id"], "type": "private", "first_name": user["first_name"]}
    for key in ("last_name", "username"):
        if key in user:
            chat[key] = user[key]
    return chat


def group_chat(
    chat_id: int = DEFAULT_GROUP_ID,
    title: str = DEFAULT_GROUP_TITLE,
    chat_type: str = "supergroup",
    *,
    username: str | None = None,
    is_forum: bool = False,
) -> JSONDict:
    """Build a group/supergroup/channel ``Chat`` dict."""
    chat: JSONDict = {"id": chat_id, "type": chat_type, "title": title}
    if username is not None:
        chat["username"] = username
    if is_forum:
        chat["is_forum"] = True
    return chat


def message_of(obj: JSONDict) -> JSONDict:
    """Return the Message inside an Update dict, or ``obj`` itself if it is a Message."""
    for key in ("message", "edited_message", "channel_post", "edited_channel_post"):
        inner = obj.get(key)
        if isinstance(inner, dict):
            return inner
    query = obj.get("callback_query")
    if isinstance(query, dict) and isinstance(query.get("message"), dict):
        message: JSONDict = query["message"]
        return message
    return obj


def _reply_copy(reply_to: JSONDict) -> JSONDict:
    """Message dict suitable as ``reply_to_message`` (Telegram nests only one level)."""
    replied = copy.deepcopy(message_of(reply_to))
    replied.pop("reply_to_message", None)
    return replied


def _base_message(
    chat: JSONDict,
    from_user: JSONDict | None,
    *,
    message_id: int | None,
    date: int | None,
    reply_to: JSONDict | None,
    message_thread_id: int | None,
    sender_chat: JSONDict | None = None,
) -> JSONDict:
    """Common Message skeleton shared by every builder."""
    msg: JSONDict = {
        "message_id": message_id if message_id is not None else next_message_id(),
        "date": date if date is not None else _now(),
        "chat": chat,
    }
    if from_user is not None:
        msg["from"] = from_user
    if sender_chat is not None:
        msg["sender_chat"] = sender_chat
    if message_thread_id is not None:
        msg["message_thread_id"] = message_thread_id
        if chat.get("is_forum"):
            msg["is_topic_message"] = True
    if reply_to is not None:
        msg["reply_to_message"] = _reply_copy(reply_to)
    return msg


def _with_text(msg: JSONDict, text: str, entities: list[JSONDict] | None) -> JSONDict:
    """Attach text and (auto-detected unless given) entities to a Message dict."""
    msg["text"] = text
    ents = detect_entities(text) if entities is None else entities
    if ents:
        msg["entities"] = ents
    return msg


def text_message(
    text: str,
    chat: JSONDict,
    from_user: JSONDict | None,
    *,
    message_id: int | None = None,
    date: int | None = None,
    reply_to: JSONDict | None = None,
    entities: list[JSONDict] | None = None,
    message_thread_id: int | None = None,
    sender_chat: JSONDict | None = None,
) -> JSONDict:
    """Build a text ``Message`` dict (not wrapped in an Update) for any chat."""
    msg = _base_message(
        chat,
        from_user,
        message_id=message_id,
        date=date,
        reply_to=reply_to,
        message_thread_id=message_thread_id,
        sender_chat=sender_chat,
    )
    return _with_text(msg, text, entities)


def private_text(
    text: str,
    user_id: int = DEFAULT_USER_ID,
    chat_id: int | None = None,
    first_name: str = DEFAULT_FIRST_NAME,
    *,
    last_name: str | None = None,
    username: str | None = None,
    language_code: str | None = "en",
    message_id: int | None = None,
    date: int | None = None,
    reply_to: JSONDict | None = None,
    entities: list[JSONDict] | None = None,
) -> JSONDict:
    """Update with a text message sent to the bot in a private chat.

    ``chat_id`` defaults to ``user_id`` as in real private chats.
    """
    user = make_user(
        user_id, first_name, last_name=last_name, username=username, language_code=language_code
    )
    chat = private_chat(user)
    if chat_id is not None:
        chat["id"] = chat_id
    msg = text_message(
        text, chat, user, message_id=message_id, date=date, reply_to=reply_to, entities=entities
    )
    return {"message": msg}


def group_text(
    text: str,
    chat_id: int = DEFAULT_GROUP_ID,
    user_id: int = DEFAULT_USER_ID,
    reply_to: JSONDict | None = None,
    chat_type: str = "supergroup",
    *,
    first_name: str = DEFAULT_FIRST_NAME,
    last_name: str | None = None,
    username: str | None = None,
    language_code: str | None = "en",
    title: str = DEFAULT_GROUP_TITLE,
    is_forum: bool = False,
    message_thread_id: int | None = None,
    message_id: int | None = None,
    date: int | None = None,
    entities: list[JSONDict] | None = None,
) -> JSONDict:
    """Update with a text message in a group/supergroup.

    ``reply_to`` may be a Message dict (e.g. ``api.sent_messages()[-1]``) or an
    Update dict; it becomes ``reply_to_message``.  Commands and @mentions get
    entities automatically.
    """
    user = make_user(
        user_id, first_name, last_name=last_name, username=username, language_code=language_code
    )
    chat = group_chat(chat_id, title, chat_type, is_forum=is_forum)
    msg = text_message(
        text,
        chat,
        user,
        message_id=message_id,
        date=date,
        reply_to=reply_to,
        entities=entities,
        message_thread_id=message_thread_id,
    )
    return {"message": msg}


def anonymous_admin_message(
    text: str,
    chat_id: int = DEFAULT_GROUP_ID,
    title: str = DEFAULT_GROUP_TITLE,
    *,
    chat_type: str = "supergroup",
    reply_to: JSONDict | None = None,
    message_id: int | None = None,
    author_signature: str | None = None,
) -> JSONDict:
    """Update with a message from an anonymous group admin.

    ``from`` is GroupAnonymousBot (id 1087968824) and ``sender_chat`` is the group itself.
    """
    chat = group_chat(chat_id, title, chat_type)
    anon = {
        "id": ANONYMOUS_ADMIN_ID,
        "is_bot": True,
        "first_name": "Group",
        "username": "GroupAnonymousBot",
    }
    msg = text_message(
        text,
        chat,
        anon,
        message_id=message_id,
        reply_to=reply_to,
        sender_chat=copy.deepcopy(chat),
    )
    if author_signature is not None:
        msg["author_signature"] = author_signature
    return {"message": msg}


def edited_message(
    original: JSONDict,
    text: str,
    *,
    edit_date: int | None = None,
    entities: list[JSONDict] | None = None,
) -> JSONDict:
    """Update announcing that ``original`` (Message or Update dict) now reads ``text``."""
    msg = copy.deepcopy(message_of(original))
    msg.pop("entities", None)
    msg["edit_date"] = edit_date if edit_date is not None else max(_now(), msg["date"])
    return {"edited_message": _with_text(msg, text, entities)}


def callback_query(
    data: str,
    message: JSONDict,
    user_id: int = DEFAULT_USER_ID,
    *,
    first_name: str = DEFAULT_FIRST_NAME,
    username: str | None = None,
    query_id: str | None = None,
    chat_instance: str | None = None,
) -> JSONDict:
    """Update for an inline-keyboard button press on ``message`` (usually a bot message).

    ``message`` may be a Message dict (``api.sent_messages()[-1]``) or Update dict.
    """
    msg = copy.deepcopy(message_of(message))
    return {
        "callback_query": {
            "id": query_id if query_id is not None else f"{user_id}{next(_query_ids):08d}",
            "from": make_user(user_id, first_name, username=username),
            "message": msg,
            "chat_instance": chat_instance
            if chat_instance is not None
            else str(abs(hash(msg["chat"]["id"])) % 10**18),
            "data": data,
        }
    }


def inline_query(
    query: str,
    user_id: int = DEFAULT_USER_ID,
    *,
    first_name: str = DEFAULT_FIRST_NAME,
    username: str | None = None,
    offset: str = "",
    chat_type: str | None = "sender",
    query_id: str | None = None,
) -> JSONDict:
    """Update for an inline query (``@FactDeskTestBot query`` typed in any chat)."""
    body: JSONDict = {
        "id": query_id if query_id is not None else f"{user_id}{next(_query_ids):08d}",
        "from": make_user(user_id, first_name, username=username),
        "query": query,
        "offset": offset,
    }
    if chat_type is not None:
        body["chat_type"] = chat_type
    return {"inline_query": body}


def _chat_for(
    chat_id: int | None,
    user: JSONDict,
    chat_type: str,
    title: str,
) -> JSONDict:
    """Private chat with ``user`` or a group chat, depending on ``chat_type``."""
    if chat_type == "private":
        chat = private_chat(user)
        if chat_id is not None:
            chat["id"] = chat_id
        return chat
    return group_chat(chat_id if chat_id is not None else DEFAULT_GROUP_ID, title, chat_type)


def document_message(
    file_id: str,
    file_unique_id: str,
    file_name: str = "upload.csv",
    mime_type: str = "text/csv",
    file_size: int | None = None,
    chat_id: int | None = None,
    user_id: int = DEFAULT_USER_ID,
    *,
    chat_type: str = "private",
    first_name: str = DEFAULT_FIRST_NAME,
    title: str = DEFAULT_GROUP_TITLE,
    caption: str | None = None,
    reply_to: JSONDict | None = None,
    message_id: int | None = None,
) -> JSONDict:
    """Update with a document upload; pair with ``api.register_file`` for downloads.

    Typical use::

        fid, fuid = api.register_file(csv_bytes, "facts.csv")
        api.push_update(document_message(fid, fuid, "facts.csv", "text/csv", len(csv_bytes)))
    """
    user = make_user(user_id, first_name)
    chat = _chat_for(chat_id, user, chat_type, title)
    msg = _base_message(
        chat, user, message_id=message_id, date=None, reply_to=reply_to, message_thread_id=None
    )
    document: JSONDict = {
        "file_id": file_id,
        "file_unique_id": file_unique_id,
        "file_name": file_name,
        "mime_type": mime_type,
    }
    if file_size is not None:
        document["file_size"] = file_size
    msg["document"] = document
    if caption is not None:
        msg["caption"] = caption
        ents = detect_entities(caption)
        if ents:
            msg["caption_entities"] = ents
    return {"message": msg}


def photo_message(
    file_id: str = "AgACAgIAAxkBAAIBfakephoto",
    file_unique_id: str = "AQADfakephoto",
    chat_id: int | None = None,
    user_id: int = DEFAULT_USER_ID,
    *,
    width: int = 1280,
    height: int = 720,
    file_size: int | None = 54321,
    chat_type: str = "private",
    first_name: str = DEFAULT_FIRST_NAME,
    title: str = DEFAULT_GROUP_TITLE,
    caption: str | None = None,
    message_id: int | None = None,
) -> JSONDict:
    """Update with a photo; ``photo`` holds the usual thumbnail + full-size PhotoSizes."""
    user = make_user(user_id, first_name)
    chat = _chat_for(chat_id, user, chat_type, title)
    msg = _base_message(
        chat, user, message_id=message_id, date=None, reply_to=None, message_thread_id=None
    )
    scale = max(width, height) / 90 or 1
    thumb = {
        "file_id": f"{file_id}_s",
        "file_unique_id": f"{file_unique_id}_s",
        "width": max(1, round(width / scale)),
        "height": max(1, round(height / scale)),
    }
    full: JSONDict = {
        "file_id": file_id,
        "file_unique_id": file_unique_id,
        "width": width,
        "height": height,
    }
    if file_size is not None:
        full["file_size"] = file_size
    msg["photo"] = [thumb, full]
    if caption is not None:
        msg["caption"] = caption
        ents = detect_entities(caption)
        if ents:
            msg["caption_entities"] = ents
    return {"message": msg}


def sticker_message(
    file_id: str = "CAACAgIAAxkBAAIBfakesticker",
    file_unique_id: str = "AgADfakesticker",
    chat_id: int | None = None,
    user_id: int = DEFAULT_USER_ID,
    *,
    emoji: str = "👍",
    set_name: str | None = "FactDeskFakeStickers",
    chat_type: str = "private",
    first_name: str = DEFAULT_FIRST_NAME,
    title: str = DEFAULT_GROUP_TITLE,
    message_id: int | None = None,
) -> JSONDict:
    """Update with a (static, regular) sticker message."""
    user = make_user(user_id, first_name)
    chat = _chat_for(chat_id, user, chat_type, title)
    msg = _base_message(
        chat, user, message_id=message_id, date=None, reply_to=None, message_thread_id=None
    )
    sticker: JSONDict = {
        "file_id": file_id,
        "file_unique_id": file_unique_id,
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
        "emoji": emoji,
        "file_size": 23456,
    }
    if set_name is not None:
        sticker["set_name"] = set_name
    msg["sticker"] = sticker
    return {"message": msg}


def new_chat_members(
    members: list[JSONDict] | None = None,
    chat_id: int = DEFAULT_GROUP_ID,
    from_user_id: int = DEFAULT_USER_ID,
    *,
    chat_type: str = "supergroup",
    title: str = DEFAULT_GROUP_TITLE,
    first_name: str = DEFAULT_FIRST_NAME,
    message_id: int | None = None,
) -> JSONDict:
    """Service-message Update: ``members`` (User dicts) were added to the group.

    With ``members=None`` the added member is the inviting user themself (a
    user joining via link).  To simulate the bot being added, pass
    ``[api.bot_user]`` (and usually also push :func:`my_chat_member`).
    """
    inviter = make_user(from_user_id, first_name)
    added = members if members is not None else [inviter]
    chat = group_chat(chat_id, title, chat_type)
    msg = _base_message(
        chat, inviter, message_id=message_id, date=None, reply_to=None, message_thread_id=None
    )
    msg["new_chat_members"] = copy.deepcopy(added)
    # Legacy single-member field that the API still sends alongside the list.
    msg["new_chat_member"] = copy.deepcopy(added[0])
    msg["new_chat_participant"] = copy.deepcopy(added[0])
    return {"message": msg}


def left_chat_member(
    member: JSONDict,
    chat_id: int = DEFAULT_GROUP_ID,
    from_user_id: int | None = None,
    *,
    chat_type: str = "supergroup",
    title: str = DEFAULT_GROUP_TITLE,
    message_id: int | None = None,
) -> JSONDict:
    """Service-message Update: ``member`` left (or, with ``from_user_id``, was removed)."""
    actor = make_user(from_user_id) if from_user_id is not None else copy.deepcopy(member)
    chat = group_chat(chat_id, title, chat_type)
    msg = _base_message(
        chat, actor, message_id=message_id, date=None, reply_to=None, message_thread_id=None
    )
    msg["left_chat_member"] = copy.deepcopy(member)
    msg["left_chat_participant"] = copy.deepcopy(member)
    return {"message": msg}


def chat_member(user: JSONDict, status: str) -> JSONDict:
    """ChatMember dict with every field PTB's de_json requires for ``status``."""
    member: JSONDict = {"status": status, "user": copy.deepcopy(user)}
    if status == "administrator":
        member.update(
            can_be_edited=False,
            is_anonymous=False,
            can_manage_chat=True,
            can_delete_messages=True,
            can_manage_video_chats=True,
            can_restrict_members=True,
            can_promote_members=False,
            can_change_info=True,
            can_invite_users=True,
            can_post_stories=False,
            can_edit_stories=False,
            can_delete_stories=False,
            can_pin_messages=True,
            can_manage_topics=False,
        )
    elif status == "creator":
        member["is_anonymous"] = False
    elif status == "kicked":
        member["until_date"] = 0
    return member


def my_chat_member(
    bot_user: JSONDict,
    chat_id: int = DEFAULT_GROUP_ID,
    from_user_id: int = DEFAULT_USER_ID,
    old_status: str = "left",
    new_status: str = "member",
    *,
    chat_type: str = "supergroup",
    title: str = DEFAULT_GROUP_TITLE,
    first_name: str = DEFAULT_FIRST_NAME,
) -> JSONDict:
    """Update telling the bot its own membership changed (added/removed/promoted).

    ``bot_user`` is ``api.bot_user``.  For a private chat (user blocked /
    unblocked the bot) pass ``chat_type="private"``; the chat is then the user's.
    """
    actor = make_user(from_user_id, first_name)
    if chat_type == "private":
        chat = private_chat(actor)
    else:
        chat = group_chat(chat_id, title, chat_type)
    return {
        "my_chat_member": {
            "chat": chat,
            "from": actor,
            "date": _now(),
            "old_chat_member": chat_member(bot_user, old_status),
            "new_chat_member": chat_member(bot_user, new_status),
        }
    }
