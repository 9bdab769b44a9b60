"""Hostile values in every form of every view, posted by an editor, on PostgreSQL: no answer is a
server error, and a refused post (status 400 and above) changes no table.

The forms are found as a person would find them: every page of every URL pattern is drawn (plain
and by htmx, so the editors that only htmx loads are there too), and each `<form method=post>`
and `hx-post` in it is posted with every field set to one hostile value, then another: NUL,
lone surrogates, 100,000 characters, negative and huge integers, wrong types (a list where one
value is expected, an object's text), dates past the calendar, unknown choices. Each POST-only
URL pattern is posted too, with every field name seen anywhere. Every page is also asked for
with those values in its query string. Deleting URLs run last, so the rest find their objects.
"""

import re
from html.parser import HTMLParser
from urllib.parse import quote_from_bytes, urlsplit

import pytest
from django.apps import apps
from django.db import connection

from evidence.models import Verbatim
from sharing.models import ShareLink
from tests.factories import CommentFactory, FrictionNoteFactory, add_evidence, build_map
from tests.test_vary import patterns
from versions.gallery import builtin, save_as_template
from versions.snapshots import take_snapshot
from workspaces.models import Invitation, Membership, Role

pytestmark = pytest.mark.django_db

HOSTILE = [
    "bad\x00name",
    "x\ud800y",
    "x" * 100_000,
    "-99999999999999999999999",
    "99999999999999999999999",
    "1e309",
    "0001-01-01T00:00:00+01:00",
    "9999-12-31T23:30:00-01:00",
    "not-a-choice",
]
# A list where one value is expected: the same field twice; and an object's text.
WRONG_TYPES = [["1", "not-a-choice"], ["[object Object]"]]
IN_QUERIES = ["\x00", "\udfff", "-99999999999999999999999"]
QUERY_NAMES = [
    "q", "persona", "chosen", "page", "card", "friction", "cell", "add", "size", "journey",
    "severity", "status", "stage", "channel", "sort", "owner", "next",
]  # fmt: skip
NOT_OURS = re.compile(
    r"^(\^?admin/|i18n/|\^media/|accounts/logout/|accounts/password-reset/<|accounts/signup/conf)"
)
# What a refused post must leave as it was: every table of the project's apps. Throttle
# counters count refused posts too, by design; sessions and axes' login records are not ours.
CHECKED_APPS = ("accounts", "workspaces", "personas", "journeys", "touchpoints")


class Forms(HTMLParser):
    """The (action, field names) of each post form and hx-post element of a page."""

    def __init__(self, page_url: str) -> None:
        super().__init__()
        self.page_url = page_url
        self.found: list[tuple[str, set[str]]] = []
        self.current: tuple[str, set[str]] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self.current = (attrs.get("action") or self.page_url, set())
            self.found.append(self.current)
        elif "hx-post" in attrs:
            fields = self.current[1] if self.current else set()
            self.found.append((attrs["hx-post"], fields))
        if tag in ("input", "textarea", "select", "button") and self.current and attrs.get("name"):
            self.current[1].add(attrs["name"])

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None


def snapshot() -> list[tuple[str, str]]:
    """A digest of every row of every checked table, in one query."""
    tables = [
        model._meta.db_table
        for app in CHECKED_APPS
        for model in apps.get_app_config(app).get_models()
    ]
    sql = " UNION ALL ".join(
        f"SELECT '{table}', md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) "
        f'FROM "{table}" t'
        for table in tables
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchall()


def encoded(fields: dict[str, list[str]]) -> bytes:
    """A form body as a hostile client sends it: lone surrogates written as their UTF-8-like
    bytes, which no browser would produce."""

    def quoted(text: str) -> str:
        return quote_from_bytes(text.encode("utf-8", "surrogatepass"))

    return "&".join(
        f"{quoted(name)}={quoted(value)}" for name, values in fields.items() for value in values
    ).encode()


@pytest.fixture
def world(client, workspace, editor, owner):
    journey = build_map(workspace, cards=4)
    card = journey.touchpoints.order_by("pk").first()
    note = card.frictions.first()
    own = CommentFactory(friction=note, author=editor, author_name="")
    FrictionNoteFactory(touchpoint=card)
    _invitation, invitation_token = Invitation.invite(
        workspace, "guest@example.com", "viewer", owner
    )
    share, token = ShareLink.create_for(journey, owner)
    version = take_snapshot(journey, "v1")
    add_evidence(journey, 1)
    quote = Verbatim.objects.filter(journey=journey).first()
    client.force_login(editor)
    link = journey.journey_personas.first()
    values = {
        "token": token,
        "version_pk": version.pk,
        "template_pk": save_as_template(journey, version.document()).pk,
        "name": builtin()[0].slug,
        "link_pk": share.pk,
        "slug": workspace.slug,
        "journey_pk": journey.pk,
        "card_pk": card.pk,
        "friction_pk": note.pk,
        "comment_pk": own.pk,
        "fmt": "json",
        "filename": "none.jpg",
        # Evidence: a quote that exists; an upload that does not (its pages answer 404).
        "upload_pk": 0,
        "quote_pk": quote.pk,
        "kind": "quotes",
        "item_pk": quote.pk,
    }
    member = Membership.objects.get(workspace=workspace, user=owner, role=Role.OWNER)

    def url(route: str, name: str) -> str:
        namespace = name.split(":")[0]
        part = card.stage.pk if name.startswith("journeys:stage") else card.channel.pk
        pks = {"journeys": journey.pk, "personas": link.persona.pk, "versions": journey.pk}
        filled = {**values, "pk": pks.get(namespace, member.pk), "part_pk": part}
        if route.startswith("invitations/"):
            filled["token"] = invitation_token
        return "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(filled[m[1]]), route)

    return url


def _analyse() -> None:
    """Fresh planner statistics. The accepted posts add journeys, cards and comments inside the
    test's one transaction, which PostgreSQL's statistics never see; planning a join of five
    tables "of one row" that hold thousands once took a query minutes and hung the suite.
    ANALYZE counts the rows its own transaction inserted."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _last_if_deleting(url: str) -> tuple[bool, str]:
    return (bool(re.search(r"delete|remove", url)), url)


def test_hostile_values_never_cause_a_server_error_nor_a_change_when_refused(client, world):
    client.raise_request_exception = False  # a server error is counted, not raised
    pages, post_only = [], []
    for route, name in patterns():
        if not NOT_OURS.match(route):
            (post_only if "delete" in route or "remove" in route else pages).append(
                world(route, name)
            )
    errors, changed = [], []
    forms: dict[str, set[str]] = {}
    for url in pages:
        for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
            response = client.get(url, **headers)
            if response.status_code >= 500:
                errors.append(f"GET {url}: {response.status_code}")
            if response.status_code == 405:
                post_only.append(url)
            if response.get("Content-Type", "").startswith("text/html"):
                parser = Forms(url)
                parser.feed(response.content.decode())
                for action, fields in parser.found:
                    if not NOT_OURS.match(urlsplit(action).path.lstrip("/")):
                        forms.setdefault(urlsplit(action).path, set()).update(fields)
        for value in IN_QUERIES:
            query = encoded({name: [value] for name in QUERY_NAMES}).decode()
            response = client.get(f"{url}?{query}")
            if response.status_code >= 500:
                errors.append(f"GET {url}?…{value[:20]!r}: {response.status_code}")
    every_name = set().union(*forms.values()) - {"csrfmiddlewaretoken"}
    for url in post_only:
        forms.setdefault(url, set()).update(every_name)
    assert len(forms) > 25, "the crawl found the forms"
    # One of each kind: the second stage's "move" is handled as the first's is.
    kinds = {re.sub(r"/\d+/", "/n/", action): action for action in sorted(forms, reverse=True)}

    before = snapshot()
    for action in sorted(kinds.values(), key=_last_if_deleting):
        _analyse()
        names = forms[action] - {"csrfmiddlewaretoken"} or {"title"}
        for number, value in enumerate([*HOSTILE, *WRONG_TYPES]):
            values = value if isinstance(value, list) else [value]
            headers = {"HTTP_HX_REQUEST": "true"} if number % 2 else {}
            response = client.generic(
                "POST", action, encoded(dict.fromkeys(names, values)),
                content_type="application/x-www-form-urlencoded", **headers,
            )  # fmt: skip
            after = snapshot()
            if response.status_code >= 500:
                errors.append(f"POST {action} {value!r:.30}: {response.status_code}")
            elif response.status_code >= 400 and after != before:
                changed.append(f"POST {action} {value!r:.30}: refused, yet changed a table")
            before = after

    assert not errors, "\n".join(errors)
    assert not changed, "\n".join(changed)
