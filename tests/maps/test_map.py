import re

from django.urls import reverse

from tests.factories import (
    ChannelFactory,
    FrictionNoteFactory,
    JourneyFactory,
    JourneyPersonaFactory,
    StageFactory,
    TouchpointFactory,
)


def map_url(journey, persona_key: str = "") -> str:
    url = reverse("journeys:detail", args=[journey.workspace.slug, journey.pk])
    return f"{url}?persona={persona_key}" if persona_key else url


def tab_of(html: str, name: str) -> str:
    """The persona tab link whose text names `name`."""
    for tab in re.findall(r'<a class="persona-tab".*?</a>', html, re.S):
        if name in tab:
            return tab
    raise AssertionError(f"no tab for {name}")


def test_map_shows_stages_channels_and_the_first_personas_cards(client, viewer, journey):
    client.force_login(viewer)

    html = client.get(map_url(journey)).content.decode()

    for stage in journey.stages.all():
        assert f'<span class="stage-name" lang="en">{stage.name}</span>' in html
    for channel in journey.channels.all():
        assert channel.name in html
    first, second = journey.journey_personas.all()
    assert 'aria-current="page"' in tab_of(html, first.persona.name)
    assert "aria-current" not in tab_of(html, second.persona.name)
    for touchpoint in journey.touchpoints.all():
        assert touchpoint.title in html


def test_persona_tab_switches_the_lanes_to_that_persona(client, viewer, journey):
    second = journey.journey_personas.all()[1]
    own_card = TouchpointFactory(
        journey=journey,
        persona=second.persona,
        stage=journey.stages.first(),
        channel=journey.channels.first(),
        title="Asks a friend",
    )
    client.force_login(viewer)

    html = client.get(map_url(journey, second.key)).content.decode()

    assert 'aria-current="page"' in tab_of(html, second.persona.name)
    assert own_card.title in html
    first_persona_cards = journey.touchpoints.exclude(persona=second.persona)
    assert all(card.title not in html for card in first_persona_cards)


def test_unknown_persona_key_falls_back_to_the_first_persona(client, viewer, journey):
    client.force_login(viewer)

    response = client.get(map_url(journey, "gone"))

    assert response.status_code == 200
    assert response.context["chosen"] == journey.journey_personas.first()


def test_card_shows_emotion_as_word_and_emoji_and_its_frictions(client, viewer, workspace):
    journey = JourneyFactory(workspace=workspace)
    link = JourneyPersonaFactory(journey=journey)
    card = TouchpointFactory(
        journey=journey,
        persona=link.persona,
        stage=StageFactory(journey=journey),
        channel=ChannelFactory(journey=journey),
        title="Checkout asks for an account",
        owner="E-commerce",
        emotion=-2,
    )
    FrictionNoteFactory(touchpoint=card, severity="low")
    FrictionNoteFactory(touchpoint=card, severity="high", status="in_progress")
    FrictionNoteFactory(touchpoint=card, severity="critical", status="resolved")
    client.force_login(viewer)

    html = client.get(map_url(journey)).content.decode()

    assert 'data-emotion="-2"><span aria-hidden="true">😣</span> Frustrated' in html
    assert "E-commerce" in html
    # Two unresolved notes; the resolved critical one does not make the card look worse.
    assert 'data-severity="high"><span aria-hidden="true">▲</span> 2 frictions' in html
    assert "critical" not in html


def test_stage_summary_averages_emotions_and_counts_open_frictions(client, viewer, workspace):
    journey = JourneyFactory(workspace=workspace)
    link = JourneyPersonaFactory(journey=journey)
    stage = StageFactory(journey=journey)
    StageFactory(journey=journey)  # a stage without cards
    web, store = ChannelFactory(journey=journey), ChannelFactory(journey=journey)
    for channel, emotion in ((web, -2), (store, -1)):
        card = TouchpointFactory(
            journey=journey, persona=link.persona, stage=stage, channel=channel, emotion=emotion
        )
        FrictionNoteFactory(touchpoint=card, severity="medium")
    client.force_login(viewer)

    response = client.get(map_url(journey))

    summary, empty = response.context["map"].stage_summaries
    assert summary.average_emotion == -1.5
    assert (summary.frictions.count, summary.frictions.worst) == (2, "medium")
    assert empty.average_emotion is None
    assert empty.frictions.count == 0
    html = response.content.decode()
    assert 'Frustrated <span class="chip-number">\N{MINUS SIGN}1.5</span>' in html
    assert "2 frictions" in html


def test_journey_without_persona_shows_an_empty_grid_with_a_message(client, viewer, workspace):
    journey = JourneyFactory(workspace=workspace)
    StageFactory(journey=journey, name="Notice")
    ChannelFactory(journey=journey, name="Website")
    client.force_login(viewer)

    html = client.get(map_url(journey)).content.decode()

    assert "This journey has no persona yet" in html
    assert "Notice" in html
    assert "Website" in html


def test_map_offers_both_downloads(client, viewer, journey):
    client.force_login(viewer)

    html = client.get(map_url(journey)).content.decode()

    for fmt in ("json", "csv"):
        url = reverse("journeys:export", args=[journey.workspace.slug, journey.pk, fmt])
        assert f'href="{url}" download' in html
