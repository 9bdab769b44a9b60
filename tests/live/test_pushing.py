"""A map page's stream carries the parts a change redrew, drawn once per audience: a viewer's
have no edit control, an editor's have theirs, and a page on another persona or journey gets
none. Through Django's async test client, on the real PostgreSQL bus."""

import contextlib
import json

import pytest
from django.test import AsyncClient
from django.urls import reverse

from journeys.models import Activity
from tests.factories import FrictionNoteFactory, PersonaFactory, build_map
from tests.live.helpers import StreamReader, events_of, in_thread
from tests.live.test_fragments import EDIT_CONTROLS
from tests.live.test_stream import rename, run
from workspaces.models import Membership, Role

pytestmark = pytest.mark.django_db(transaction=True)


def map_stream(journey, persona_id) -> str:
    url = reverse("live:journey_stream", args=[journey.workspace.slug, journey.pk])
    return f"{url}?persona={persona_id}"


def pushed_html(text: str) -> str:
    """Everything pushed: the cells first, then the summary row and the curve."""
    events = events_of(text)
    return "".join(json.loads(data)["html"] for _, kind, data in events if kind == "fragments")


def watch(journey, persona_id, users, change, *, wanted=("emotion_curve", "cell-"), timeout=5):
    """Each of `users` opens the map page's stream; `change` runs; what each stream read."""

    async def scenario():
        readers = []
        for user in users:
            client = AsyncClient()
            await client.aforce_login(user)
            readers.append(StreamReader(await client.get(map_stream(journey, persona_id))))
        for reader in readers:
            await reader.until("retry:")
        await in_thread(change)
        texts = []
        for reader in readers:
            with contextlib.suppress(TimeoutError):  # a page that gets nothing, as asked
                for text in wanted:
                    await reader.until(text, timeout=timeout)
            await reader.close()
            texts.append(reader.text)
        return texts

    return run(scenario)


def test_a_renamed_card_is_pushed_drawn_for_each_role(journey, card, viewer, editor, owner):
    texts = watch(journey, card.persona_id, [viewer, editor], lambda: rename(card, owner, "Zèbre"))
    viewers, editors = (pushed_html(text) for text in texts)
    cell = f'id="cell-{card.stage_id}-{card.channel_id}"'
    for html in (viewers, editors):
        assert cell in html
        assert "Zèbre" in html
        assert 'id="map_summary"' in html
        assert 'id="emotion_curve"' in html
    assert not [control for control in EDIT_CONTROLS if control in viewers]
    assert "add-card" in editors


def test_a_page_on_another_persona_gets_nothing_pushed(journey, card, viewer, owner):
    other = journey.add_persona(PersonaFactory(workspace=journey.workspace))
    [text] = watch(
        journey, other.persona_id, [viewer], lambda: rename(card, owner, "Zèbre"), timeout=1.5
    )
    assert "event: touchpoint" in text
    assert pushed_html(text) == ""


def test_a_persona_of_another_journey_gets_nothing_pushed(journey, card, viewer, owner):
    outside = build_map(journey.workspace).journey_personas.first().persona_id
    [text] = watch(journey, outside, [viewer], lambda: rename(card, owner, "Zèbre"), timeout=1.5)
    assert pushed_html(text) == ""


def test_a_member_made_viewer_gets_no_more_edit_controls(journey, card, editor, owner):
    membership = Membership.objects.get(user=editor, workspace=journey.workspace)

    def demote_then_rename():
        membership.role = Role.VIEWER
        membership.save()
        rename(card, owner, "Zèbre")

    [text] = watch(journey, card.persona_id, [editor], demote_then_rename)
    html = pushed_html(text)
    assert "Zèbre" in html
    assert not [control for control in EDIT_CONTROLS if control in html]


def test_a_new_friction_note_pushes_its_cards_cell_with_the_badge(journey, card, viewer, owner):
    def add_note():
        note = FrictionNoteFactory(touchpoint=card, title="Slow", severity="critical")
        Activity.record(owner, Activity.Verb.CREATED, note, journey=journey)

    before = card.frictions.exclude(status="resolved").count()
    [text] = watch(journey, card.persona_id, [viewer], add_note)
    html = pushed_html(text)
    assert f'id="cell-{card.stage_id}-{card.channel_id}"' in html
    assert f"{before + 1}" in html.split(f'id="card-{card.pk}"')[1].split("</article>")[0]
