"""The text version and the presentation, for members and for visitors of a share link."""

from django.urls import reverse

from tests.factories import CommentFactory
from tests.htmx import HTMX, assert_fragment, assert_full_page, hx_target
from tests.sharing.helpers import make_link


def member_url(name, journey):
    return reverse(f"journeys:{name}", args=[journey.workspace.slug, journey.pk])


def test_text_version_has_a_heading_per_stage_and_every_card(client, viewer, journey):
    client.force_login(viewer)
    html = client.get(member_url("text", journey)).content.decode()
    for number, stage in enumerate(journey.stages.all(), start=1):
        assert f"Stage {number}:" in html
        assert stage.name in html
    for card in journey.touchpoints.all():
        assert card.title in html
    assert "emotion: Frustrated" in html  # emotions in words
    assert "Severity: High" in html
    assert 'href="' + journey.get_absolute_url() + '"' in html


def test_the_map_links_to_the_text_version_and_the_presentation(client, viewer, journey):
    client.force_login(viewer)
    html = client.get(journey.get_absolute_url()).content.decode()
    assert member_url("text", journey) in html
    assert member_url("present", journey) in html
    assert member_url("share", journey) not in html  # viewers do not share


def test_shared_text_version_hides_comments_unless_the_link_shows_them(
    client, journey, note, editor
):
    CommentFactory(friction=note, author=editor, body="Only for the team")
    _hidden, hidden_path = make_link(journey)
    _shown, shown_path = make_link(journey, show_comments=True)
    assert "Only for the team" not in client.get(hidden_path + "text/").content.decode()
    html = client.get(shown_path + "text/").content.decode()
    assert "Only for the team" in html
    assert editor.email not in html


def test_shared_text_version_links_back_to_the_shared_map(client, journey):
    _link, path = make_link(journey)
    html = client.get(path + "text/").content.decode()
    assert f'href="{path}"' in html
    assert journey.workspace.slug not in html


def test_presentation_shows_one_stage_with_previous_and_next(client, viewer, journey):
    client.force_login(viewer)
    url = member_url("present", journey)
    html = client.get(url, {"stage": "2"}).content.decode()
    stages = list(journey.stages.all())
    assert "Stage 2 of 3" in html
    assert stages[1].name in html
    assert 'rel="prev"' in html
    assert 'rel="next"' in html
    last = client.get(url, {"stage": "99"}).content.decode()
    assert "Stage 3 of 3" in last
    assert 'rel="next"' not in last


def test_presentation_swaps_only_the_slide_for_htmx(client, journey):
    _link, path = make_link(journey)
    response = client.get(path + "present/", {"stage": "2"}, **hx_target("presentation"))
    assert_fragment(response.content.decode())
    assert 'id="presentation"' in response.content.decode()
    assert "HX-Request" in response["Vary"]
    assert_full_page(client.get(path + "present/").content.decode())
    assert client.get(path + "present/", **HTMX).status_code == 200


def test_presentation_from_a_share_link_shows_the_stage_cards(client, journey):
    _link, path = make_link(journey)
    html = client.get(path + "present/", {"stage": "1"}).content.decode()
    first_stage = journey.stages.first()
    for card in journey.touchpoints.filter(stage=first_stage):
        assert card.title in html
    assert 'name="robots"' in html
    assert journey.workspace.name not in html
