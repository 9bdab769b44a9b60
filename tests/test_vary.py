"""Every page whose answer depends on the HX-Request or HX-Target headers says so in `Vary`, so
no cache hands an htmx fragment to a browser that asked for the whole page (core/htmx.py).

The test walks the URL patterns: each page a member can GET is asked for three ways — plain,
by htmx, and by htmx aimed at each partial the views distinguish — and any difference in the
answer must be announced by the matching header.
"""

import re
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from sharing.models import ShareLink
from tests.factories import (
    CommentFactory,
    FrictionNoteFactory,
    JourneyPersonaFactory,
    TouchpointFactory,
)
from touchpoints.models import Mention
from versions.gallery import builtin, save_as_template
from versions.snapshots import take_snapshot
from workspaces.models import Invitation

ROOT = Path(__file__).resolve().parents[1]
# Not ours to check, or not pages: Django's admin, the language switch, uploaded files, the
# password reset confirmation (it needs a mailed token).
SKIPPED = re.compile(r"^(\^?admin/|i18n/|\^media/|accounts/password-reset/<)")
CSRF = re.compile(r'(csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]+')


def patterns(resolvers=None, prefix="", namespace=""):
    """(route, "namespace:name") of every URL pattern, nested includes walked."""
    for pattern in resolvers if resolvers is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}:{pattern.namespace}" if pattern.namespace else namespace
            yield from patterns(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}".lstrip(":") if pattern.name else ""
            yield prefix + str(pattern.pattern), name


def distinguished_targets() -> set[str]:
    """The partial names views tell apart by HX-Target: the `targeted(request, …)` calls."""
    names = set()
    for source in [*ROOT.glob("*/*.py"), *ROOT.glob("*/*/*.py")]:
        if "tests" in source.parts or ".venv" in source.parts:
            continue
        for call in re.findall(r"targeted\(\s*request,([^)]*)\)", source.read_text()):
            names.update(re.findall(r'"(\w+)"', call))
    return names


@pytest.fixture
def world(client, workspace, owner):
    """One of everything a URL of the workspace can name, seen by its owner."""
    link = JourneyPersonaFactory(journey__workspace=workspace)
    card = TouchpointFactory(journey=link.journey, persona=link.persona)
    note = FrictionNoteFactory(touchpoint=card)
    comment = CommentFactory(friction=note, author=owner, author_name="")
    mention = Mention.objects.create(comment=comment, user=owner, workspace=workspace)
    _invitation, invitation_token = Invitation.invite(
        workspace, "guest@example.com", "viewer", owner
    )
    share, token = ShareLink.create_for(link.journey, owner)
    client.force_login(owner)
    version = take_snapshot(link.journey, "v1")
    journey_pk = {"journeys": link.journey.pk, "personas": link.persona.pk}
    journey_pk["versions"] = link.journey.pk
    values = {
        "slug": workspace.slug,
        "journey_pk": link.journey.pk,
        "card_pk": card.pk,
        "friction_pk": note.pk,
        "comment_pk": comment.pk,
        "fmt": "json",
        "filename": "none.jpg",
        "token": token,
        "version_pk": version.pk,
        "template_pk": save_as_template(link.journey, version.document()).pk,
        "name": builtin()[0].slug,
        "link_pk": share.pk,
    }

    def url(route: str, name: str) -> str:
        namespace = name.split(":")[0]
        part = card.stage.pk if name.startswith("journeys:stage") else card.channel.pk
        own = {**values, "pk": journey_pk.get(namespace, mention.pk), "part_pk": part}
        if route.startswith("invitations/"):
            own["token"] = invitation_token
        return "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(own[m[1]]), route)

    return url, f"cell-{card.stage.pk}-{card.channel.pk}"


def answer(client, url: str, **headers) -> tuple:
    response = client.get(url, **headers)
    # Only pages are compared by content: a file download (a JSON export) carries its time.
    html = response.get("Content-Type", "").startswith("text/html")
    body = CSRF.sub(r"\1…", response.content.decode(errors="replace")) if html else ""
    return response.status_code, response.get("HX-Redirect", ""), body, response.get("Vary", "")


def test_every_page_that_answers_htmx_differently_says_so_in_vary(client, world):
    url_of, cell = world
    targets = sorted(distinguished_targets() | {cell, "card_panel"})
    # The search finds the calls.
    assert "map_grid" in targets
    assert "persona_form" in targets
    missing = []
    checked = 0
    for route, name in patterns():
        if SKIPPED.match(route):
            continue
        url = url_of(route, name)
        plain = answer(client, url)
        if plain[0] == 405:  # POST only
            continue
        checked += plain[0] == 200
        by_htmx = answer(client, url, HTTP_HX_REQUEST="true")
        aimed = [answer(client, url, HTTP_HX_REQUEST="true", HTTP_HX_TARGET=t) for t in targets]
        for header, differs, vary in (
            ("HX-Request", by_htmx[:3] != plain[:3], plain[3] + by_htmx[3]),
            ("HX-Target", any(a[:3] != by_htmx[:3] for a in aimed), by_htmx[3]),
        ):
            if differs and header not in vary:
                missing.append(f"{name or route}: answers by {header} without Vary: {header}")
    assert checked > 20  # pages really drawn, not refused
    assert not missing, "\n".join(missing)
