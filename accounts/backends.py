"""Django's ModelBackend, with the signed-in user read by a query compiled once.

Every request reads its user (AuthenticationMiddleware): through the ORM that read cost about
1 ms of processor time, most of it building the same SQL again (core/compiled.py)."""

from django.contrib.auth import backends, get_user_model

from core.compiled import CompiledQuery

_USER = CompiledQuery(lambda pk: get_user_model()._default_manager.filter(pk=pk)[:1])


class ModelBackend(backends.ModelBackend):
    def get_user(self, user_id):
        user = _USER.first(int(user_id))
        return user if user is not None and self.user_can_authenticate(user) else None
