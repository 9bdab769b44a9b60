import hashlib

import pytest
from django.urls import reverse

from core.throttle import Rate
from sharing import visits
from sharing.models import ShareLink
from tests.factories import build_map
from tests.sharing.helpers import expire, make_link


def share_url(journey):
    return reverse("journeys:share", args=[journey.workspace.slug, journey.pk])


def test_editor_makes_a_link_shown_once_and_stored_hashed(client, editor, journey):
    client.force_login(editor)
    response = client.post(share_url(journey), {"expiry": "7"}, follow=True)

    link = journey.share_links.get()
    html = response.content.decode()
    url = response.context["new_link"]
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert len(token) >= 43
    assert url in html
    assert link.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(ShareLink.objects.values_list().get())
    assert 6 <= (link.expires_at - link.created_at).days <= 7
    assert link.created_by == editor
    # Shown once: the list does not give the address again.
    assert token not in client.get(share_url(journey)).content.decode()


def test_list_names_the_creator_and_the_last_use(client, owner, editor, journey):
    _link, path = make_link(journey, editor)
    client.get(path)
    client.force_login(owner)
    html = client.get(share_url(journey)).content.decode()
    assert editor.display_name in html
    assert "not yet" not in html


def test_viewer_cannot_make_or_list_links(client, viewer, journey):
    client.force_login(viewer)
    assert client.get(share_url(journey)).status_code == 403
    assert client.post(share_url(journey), {"expiry": "never"}).status_code == 403
    assert not journey.share_links.exists()


def test_outsider_gets_404(client, outsider, journey):
    client.force_login(outsider)
    assert client.get(share_url(journey)).status_code == 404


def test_bad_expiry_is_refused_beside_the_field(client, editor, journey):
    client.force_login(editor)
    response = client.post(share_url(journey), {"expiry": "365"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not journey.share_links.exists()


def test_anonymous_visitor_sees_the_map_read_only(client, journey, editor, commenter, workspace):
    other = build_map(workspace, title="Secret relaunch", cards=1)
    _link, path = make_link(journey, editor)
    response = client.get(path)

    assert response.status_code == 200
    html = response.content.decode()
    for card in journey.touchpoints.all():
        assert card.title in html
    assert journey.journey_personas.first().persona.name in html
    assert "emotion_curve" in html
    assert "map_summary" in html
    # No edit control, nothing of the workspace, no member's address.
    assert "Add card" not in html
    assert "hx-post" not in html
    assert "Drag" not in html
    assert other.title not in html
    assert other.touchpoints.get().title not in html
    assert journey.workspace.name not in html
    assert f"/w/{journey.workspace.slug}/" not in html
    assert editor.email not in html
    assert commenter.email not in html
    assert '<meta name="robots" content="noindex' in html
    assert response["X-Robots-Tag"].startswith("noindex")
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_a_visit_is_recorded(client, journey):
    link, path = make_link(journey)
    client.get(path)
    link.refresh_from_db()
    assert link.last_used_at is not None


def test_persona_switch_on_a_shared_map(client, journey):
    _link, path = make_link(journey)
    second = journey.journey_personas.order_by("position", "pk")[1]
    html = client.get(path, {"persona": second.key}).content.decode()
    assert f"No touchpoint for {second.persona.name} yet." in html


@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_expired_link_answers_404_in_the_visitors_language(client, journey, language):
    link, path = make_link(journey, days=7)
    expire(link)
    response = client.get(path, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert journey.title not in html
    assert response["X-Robots-Tag"].startswith("noindex")


def test_a_revoked_link_answers_404(client, editor, journey):
    link, path = make_link(journey, editor)
    client.force_login(editor)
    revoke = reverse("journeys:share_revoke", args=[journey.workspace.slug, journey.pk, link.pk])
    assert client.post(revoke).status_code == 302
    client.logout()
    for page in ("", "text/", "present/"):
        assert client.get(path + page).status_code == 404


def test_viewer_cannot_revoke(client, viewer, journey):
    link, path = make_link(journey)
    client.force_login(viewer)
    revoke = reverse("journeys:share_revoke", args=[journey.workspace.slug, journey.pk, link.pk])
    assert client.post(revoke).status_code == 403
    assert client.get(path).status_code == 200


def test_an_unknown_token_answers_404(client, journey):
    make_link(journey)
    assert client.get(reverse("shared:map", args=["x" * 43])).status_code == 404


def test_embed_may_be_framed_and_nothing_else(client, journey, settings):
    settings.SHARE_FRAME_ANCESTORS = "https://wiki.example.com"
    _link, path = make_link(journey)
    embedded = client.get(path, {"embed": "1"})
    assert "X-Frame-Options" not in embedded
    policy = embedded["Content-Security-Policy"]
    assert "frame-ancestors https://wiki.example.com" in policy
    assert "script-src 'self'" in policy  # the rest of the site's policy holds
    assert "site-header" not in embedded.content.decode()
    page = client.get(path + "text/")
    assert page["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]


def test_visits_past_the_limit_are_refused(client, journey, monkeypatch):
    monkeypatch.setattr(visits, "VISITS", Rate("share-visits", 3, 60))
    _link, path = make_link(journey)
    statuses = [client.get(path).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    # Another address is not held back by the first one.
    assert client.get(path, REMOTE_ADDR="10.0.0.9").status_code == 200


def test_an_address_guessing_tokens_is_refused(client, journey, monkeypatch):
    monkeypatch.setattr(visits, "MISSES", Rate("share-misses", 2, 60))
    _link, path = make_link(journey)
    guesses = [client.get(f"/s/{'x' * 42}{n}/").status_code for n in range(3)]
    assert guesses == [404, 404, 429]
    # The guesser learns nothing more; a link's own visitors are not held back.
    assert client.get(path).status_code == 200
