"""Text folded for matching: what people type finds what was written, whatever its accents or
case ("elodie" finds "Élodie", "ECOLE" finds "école").

One rule in two places: `fold` in Python (mentions, SQLite) and `Fold` in queries. PostgreSQL
folds with its `unaccent` extension (created by core's migration); SQLite, which has no such
function, calls `fold` itself, registered on each new connection (core/apps.py).
"""

import unicodedata

from django.db.models import F, Func, Q, TextField, Value
from django.db.models.functions import StrIndex
from django.db.models.lookups import Exact, GreaterThan

SQLITE_FUNCTION = "parcours_fold"

# Letters that are not a base letter plus accents, so Unicode decomposition leaves them whole;
# written as PostgreSQL's unaccent writes them.
LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O"})


def fold(text: str | None) -> str | None:
    """`text` in lower case, without accents: "Élodie Œuvre" → "elodie oeuvre"."""
    if text is None:
        return None
    decomposed = unicodedata.normalize("NFKD", text.translate(LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class Fold(Func):
    """A text column or value, folded in the database as `fold` folds it in Python."""

    arity = 1
    function = SQLITE_FUNCTION
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        # Accents off first: LOWER then only has to know plain letters.
        return self.as_sql(compiler, connection, template="LOWER(UNACCENT(%(expressions)s))")


def folded_search(query: str, *fields: str) -> Q:
    """Rows where one of `fields` contains `query`, accents and case aside. A position rather
    than LIKE, so "%" or "_" in what people type are plain characters."""
    wanted = Fold(Value(query))
    found = Q()
    for field in fields:
        found |= Q(GreaterThan(StrIndex(Fold(F(field)), wanted), 0))
    return found


def folded_prefix(query: str, field: str) -> Q:
    """Rows whose `field` starts with `query`, or has a word that does, accents and case
    aside: "elo" and "gar" both find "Élodie Garnier"."""
    at_start = Q(Exact(StrIndex(Fold(F(field)), Fold(Value(query))), 1))
    return at_start | folded_search(f" {query}", field)


def register_sqlite_fold(sender, connection, **kwargs) -> None:
    """Give a new SQLite connection the `fold` function that `Fold` calls."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_FUNCTION, 1, fold, deterministic=True)
