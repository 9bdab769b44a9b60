"""Sessions kept in the database exactly as Django's `db` engine keeps them (same table, same
rows: switching engines signs nobody out), read by a query compiled once. Every request reads
its session; through the ORM that read cost about 1 ms of processor time, most of it building
the same SQL again (core/compiled.py)."""

from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.utils import timezone

from core.compiled import CompiledQuery

_SESSION = CompiledQuery(lambda key: Session.objects.filter(session_key=key)[:1])
# Sessions signed in before accounts.backends.ModelBackend replaced Django's own name it:
# read as ours, they stay signed in.
_RENAMED_BACKENDS = {"django.contrib.auth.backends.ModelBackend": "accounts.backends.ModelBackend"}


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        session = _SESSION.first(self.session_key)
        # Expiry checked here rather than in the SQL: the query's only value stays the key.
        if session is None or session.expire_date <= timezone.now():
            self._session_key = None
            return None
        return session

    def load(self):
        data = super().load()
        backend = data.get(BACKEND_SESSION_KEY)
        if backend in _RENAMED_BACKENDS:
            data[BACKEND_SESSION_KEY] = _RENAMED_BACKENDS[backend]
        return data
