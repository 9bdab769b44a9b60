"""@mentions in comments: who a comment names, and its body as HTML with those names marked.

A mention is "@" then a workspace member's name as the app shows it (their name, or the start of
their e-mail address when they have none). It forgives what hands type: accents and case aside
(core.folding), "@Élodie", "@elodie" and "@Élodie G" all name Élodie Garnier, as long as she is
the only Élodie. The rules, in order:

1. A whole member name after the "@" (names may hold spaces: "@Marie Dupont"; the longest wins).
2. Otherwise a first name; the next word narrows it when it starts the rest of a name ("@Élodie
   G"), and is left as the sentence's own word when it does not ("@Élodie can you look?").
3. A first name that several members share names nobody: the comment is refused, listing them.

An "@" inside a word (an e-mail address) is not a mention.
"""

import re
from dataclasses import dataclass, field

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from core.folding import fold

# "@" at the start of the text or after a space or an opening bracket or quote.
MENTION_START = re.compile(r"(?:^|(?<=[\s(\[«“\"']))@(?=\w)")
WORD = re.compile(r"\w[\w.'-]*")
NEXT_WORD = re.compile(r" (\w+)")


@dataclass(frozen=True)
class Mentioned:
    """The members a text names, the names after an "@" that are nobody's here, and those
    that could be several members' (the typed name, the members it could be)."""

    users: list
    unknown: list[str]
    ambiguous: list[tuple[str, list]] = field(default_factory=list)


@dataclass(frozen=True)
class _Name:
    user: object
    folded: str
    first: str
    rest: str


def _names(members) -> list[_Name]:
    """Each member's folded name, longest first (rule 1 tries the longest name first)."""
    names = []
    for user in members:
        folded = fold(user.display_name)
        first, _space, rest = folded.partition(" ")
        names.append(_Name(user, folded, first, rest))
    return sorted(names, key=lambda name: -len(name.folded))


def _ends_word(text: str, end: int) -> bool:
    return end == len(text) or not text[end].isalnum()


def _folded(text: str) -> tuple[str, list[int]]:
    """`text` folded, and for each folded character the index of the one it came from: folding
    changes lengths ("ß" → "ss", "e" + a combining accent → "e")."""
    pieces, origins = [], []
    for index, char in enumerate(text):
        piece = fold(char)
        pieces.append(piece)
        origins.extend([index] * len(piece))
    return "".join(pieces), origins


def _match_at(text: str, start: int, names: list[_Name]) -> tuple[list, int]:
    """The members the name at `start` may be (one when it is clear) and where it ends."""
    folded, origins = _folded(text[start:])
    for name in names:
        if not folded.startswith(name.folded):
            continue
        size = len(name.folded)
        end = start + origins[size] if size < len(origins) else len(text)
        if _ends_word(text, end):
            same = [other.user for other in names if other.folded == name.folded]
            return same, end
    word = WORD.match(text, start)
    if word is None:
        return [], start
    first = fold(word[0])
    candidates = [name for name in names if name.first == first]
    end = word.end()
    following = NEXT_WORD.match(text, end)
    if candidates and following:
        narrowed = [name for name in candidates if name.rest.startswith(fold(following[1]))]
        if narrowed:
            candidates, end = narrowed, following.end()
    return [name.user for name in candidates], end


def find_mentions(text: str, members) -> Mentioned:
    """Who `text` mentions among `members` (users), in order of first mention."""
    names = _names(members)
    users, unknown, ambiguous = [], [], []
    for at in MENTION_START.finditer(text):
        found, end = _match_at(text, at.end(), names)
        if not found:
            unknown.append(WORD.match(text, at.end())[0])
        elif len(found) > 1:
            ambiguous.append((text[at.end() : end], found))
        elif found[0] not in users:
            users.append(found[0])
    return Mentioned(users, unknown, ambiguous)


def comment_html(text: str, mentioned) -> SafeString:
    """The comment as typed, escaped, its line breaks kept and its mentions of `mentioned`
    marked, so a reader sees who was notified."""
    names = _names(mentioned)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts, done = [], 0
    for at in MENTION_START.finditer(text):
        found, end = _match_at(text, at.end(), names)
        if len(found) != 1 or at.start() < done:
            continue
        parts.append(escape(text[done : at.start()]))
        parts.append(format_html('<span class="mention">@{}</span>', text[at.end() : end]))
        done = end
    parts.append(escape(text[done:]))
    # Every part is escaped or built by format_html: the joined text is safe to mark so.
    return mark_safe("".join(parts).replace("\n", "<br>"))
