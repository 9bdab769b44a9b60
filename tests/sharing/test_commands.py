import re

import pytest
from django.core.management import CommandError

from sharing.models import ShareLink
from tests.commands import run_command


def test_share_journey_prints_the_links_path(client, journey):
    stdout, _ = run_command("share_journey", str(journey.pk))
    path = stdout.strip()
    assert re.fullmatch(r"/s/[A-Za-z0-9_-]{43}/", path)
    assert client.get(path).status_code == 200
    assert ShareLink.objects.get().expires_at is None


def test_share_journey_with_days_expires(journey):
    run_command("share_journey", str(journey.pk), "--days", "30")
    link = ShareLink.objects.get()
    assert (link.expires_at - link.created_at).days in (29, 30)


def test_share_journey_refuses_an_unknown_journey(db):
    with pytest.raises(CommandError, match="no journey with id 999"):
        run_command("share_journey", "999")
