"""@mentions in comments: who a comment names, and its body as HTML with those names marked.

A mention is "@" then a workspace member's name as the app shows it (their name, or the start of
their e-mail address when they have none). Names may hold spaces ("@Marie Dupont"), so the
longest member name that follows the "@" wins. An "@" inside a word (an e-mail address) is not a
mention.
"""

import re
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

# "@" at the start of the text or after a space or an opening bracket or quote.
MENTION_START = re.compile(r"(?:^|(?<=[\s(\[«“\"']))@(?=\w)")
WORD = re.compile(r"\w[\w.'-]*")


@dataclass(frozen=True)
class Mentioned:
    """The members a text names, and the names after an "@" that are nobody's here."""

    users: list
    unknown: list[str]


def _match_at(text: str, start: int, names: list[tuple[str, object]]):
    """The member whose name starts at `start` and ends on a word boundary, longest first."""
    lowered = text[start:].casefold()
    for name, user in names:
        if lowered.startswith(name.casefold()):
            end = start + len(name)
            if end == len(text) or not text[end].isalnum():
                return user, end
    return None, start


def _by_length(members) -> list[tuple[str, object]]:
    return sorted(((user.display_name, user) for user in members), key=lambda n: -len(n[0]))


def find_mentions(text: str, members) -> Mentioned:
    """Who `text` mentions among `members` (users), in order of first mention."""
    names = _by_length(members)
    users, unknown = [], []
    for at in MENTION_START.finditer(text):
        user, _end = _match_at(text, at.end(), names)
        if user is None:
            unknown.append(WORD.match(text, at.end())[0])
        elif user not in users:
            users.append(user)
    return Mentioned(users, unknown)


def comment_html(text: str, mentioned) -> SafeString:
    """The comment as typed, escaped, its line breaks kept and its mentions of `mentioned`
    marked, so a reader sees who was notified."""
    names = _by_length(mentioned)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts, done = [], 0
    for at in MENTION_START.finditer(text):
        user, end = _match_at(text, at.end(), names)
        if user is None or at.start() < done:
            continue
        parts.append(escape(text[done : at.start()]))
        parts.append(format_html('<span class="mention">@{}</span>', text[at.end() : end]))
        done = end
    parts.append(escape(text[done:]))
    # Every part is escaped or built by format_html: the joined text is safe to mark so.
    return mark_safe("".join(parts).replace("\n", "<br>"))
