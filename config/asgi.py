import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup(set_prefix=False)

from core.asgi_handler import SyncChainASGIHandler  # noqa: E402  (needs the apps loaded)
from core.checks import refuse_unsafe_settings  # noqa: E402

application = SyncChainASGIHandler()
refuse_unsafe_settings()

from config.warm import warm  # noqa: E402

warm()
