"""The stream a browser opens: only for members, resumed after a blip, ended for a member who
leaves. Through Django's async test client, on the real PostgreSQL bus."""

import asyncio

import pytest
from asgiref.sync import sync_to_async
from django.db import connection
from django.test import AsyncClient
from django.urls import reverse

from journeys.models import Activity
from live import bus
from live.hub import hub
from live.models import Event
from tests.live.helpers import StreamReader, events_of, in_thread, run_async
from workspaces.models import Membership

pytestmark = pytest.mark.django_db(transaction=True)


def stream_url(journey) -> str:
    return reverse("live:journey_stream", args=[journey.workspace.slug, journey.pk])


def rename(card, actor, title: str):
    card.save_changes(card.version, title=title)
    Activity.record(actor, Activity.Verb.UPDATED, card, journey=card.journey)


def close_connection():
    connection.close()


def run(scenario):
    async def with_cleanup():
        try:
            return await scenario()
        finally:
            await hub.stop()
            # The test client logs in on asgiref's one thread: its connection goes too.
            await sync_to_async(close_connection)()

    return run_async(with_cleanup())


def test_an_outsider_or_a_visitor_is_refused_the_stream(journey, outsider):
    async def scenario():
        visitor = AsyncClient()
        stranger = AsyncClient()
        await stranger.aforce_login(outsider)
        return [
            (await client.get(stream_url(journey))).status_code for client in (visitor, stranger)
        ]

    assert run(scenario) == [404, 404]


def test_a_member_is_refused_another_workspaces_journey(journey, outsider):
    own = Membership.objects.get(user=outsider).workspace

    async def scenario():
        client = AsyncClient()
        await client.aforce_login(outsider)
        url = reverse("live:journey_stream", args=[own.slug, journey.pk])
        return (await client.get(url)).status_code

    assert run(scenario) == 404


def test_a_member_hears_a_teammates_change_with_its_event_id(journey, card, viewer, editor):
    async def scenario():
        client = AsyncClient()
        await client.aforce_login(viewer)
        response = await client.get(stream_url(journey))
        reader = StreamReader(response)
        await reader.until("retry:")
        await in_thread(rename, card, editor, "Compare prices")
        text = await reader.until("event: touchpoint")
        await reader.close()
        return response, text

    response, text = run(scenario)
    assert response["Content-Type"] == "text/event-stream"
    assert response["Cache-Control"] == "no-cache"
    [(event_id, kind, data)] = [e for e in events_of(text) if e[1] == "touchpoint"]
    assert event_id == str(Event.objects.get().pk)
    assert f'"id":{card.pk}' in data
    assert "Compare prices" not in text  # ids and versions, never page content


def test_a_stream_ends_when_its_member_is_removed(journey, viewer, owner):
    membership = Membership.objects.get(user=viewer, workspace=journey.workspace)

    async def scenario():
        client = AsyncClient()
        await client.aforce_login(viewer)
        reader = StreamReader(await client.get(stream_url(journey)))
        await reader.until("retry:")
        await in_thread(membership.remove)
        await reader.until("event: end")
        await reader.until("never sent", timeout=5)
        return reader

    reader = run(scenario)
    assert reader.ended
    assert [e[1] for e in events_of(reader.text)][-1] == "end"


def test_a_teammate_staying_keeps_the_stream(journey, viewer, editor):
    """Another member's removal is not this stream's end."""
    membership = Membership.objects.get(user=editor, workspace=journey.workspace)

    async def scenario():
        client = AsyncClient()
        await client.aforce_login(viewer)
        reader = StreamReader(await client.get(stream_url(journey)))
        await reader.until("retry:")
        await in_thread(membership.remove)
        with pytest.raises(TimeoutError):
            await reader.until("event:", timeout=1.5)
        await reader.close()
        return reader

    assert not run(scenario).ended


def test_a_reconnecting_browser_catches_up_from_its_last_event_id(journey, card, viewer, editor):
    for title in ("One", "Two", "Three"):
        card.refresh_from_db()
        rename(card, editor, title)
    first, *later = Event.objects.order_by("pk").values_list("pk", flat=True)

    async def scenario():
        client = AsyncClient()
        await client.aforce_login(viewer)
        response = await client.get(stream_url(journey), headers={"Last-Event-ID": str(first)})
        reader = StreamReader(response)
        await reader.until(f"id: {later[-1]}")
        await reader.close()
        return reader.text

    replayed = [int(e[0]) for e in events_of(run(scenario)) if e[0]]
    assert replayed == later


def test_a_browser_too_far_behind_is_told_to_draw_again(journey, card, viewer, editor, monkeypatch):
    monkeypatch.setattr(bus, "CATCH_UP_LIMIT", 2)
    for title in ("One", "Two", "Three"):
        card.refresh_from_db()
        rename(card, editor, title)

    async def scenario():
        client = AsyncClient()
        await client.aforce_login(viewer)
        url = stream_url(journey) + "?since=0"
        reader = StreamReader(await client.get(url))
        await reader.until("event: resync")
        await reader.close()
        return reader.text

    assert [e[1] for e in events_of(run(scenario))] == ["resync"]


def test_a_server_without_asgi_draws_no_stream(client, journey, viewer):
    """The tests' WSGI live server: the stream answers at once, with nothing to follow."""
    client.force_login(viewer)
    assert client.get(stream_url(journey)).status_code == 204


def test_a_busy_stream_still_beats_its_presence(journey, card, viewer, editor, monkeypatch):
    """Changes arriving faster than the beat must not starve it: the tab would fade."""
    from live import presence

    monkeypatch.setattr(presence, "BEAT_SECONDS", 0.6)

    async def scenario():
        client = AsyncClient()
        await client.aforce_login(viewer)
        reader = StreamReader(await client.get(stream_url(journey)))
        await reader.until("retry:")
        # The browser reads all along, as the changes come every 0.15 s or so.
        reading = asyncio.create_task(reader.until("never sent", timeout=30))
        for n in range(10):
            await in_thread(rename_current, card.pk, editor, f"Title {n}")
            await asyncio.sleep(0.15)
        reading.cancel()
        await asyncio.gather(reading, return_exceptions=True)
        await reader.close()
        return reader.text

    text = run(scenario)
    assert text.count("event: touchpoint") == 10
    assert ": beat" in text.split("event: touchpoint", 2)[2]  # not only after the burst


def rename_current(card_pk, actor, title: str):
    from touchpoints.models import Touchpoint

    rename(Touchpoint.objects.get(pk=card_pk), actor, title)
