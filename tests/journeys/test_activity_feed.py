"""A journey's activity feed: whole sentences in the reader's language, newest first, by page."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from journeys.activity_feed import SENTENCES, sentence
from journeys.models import Activity
from tests.factories import (
    FrictionNoteFactory,
    JourneyFactory,
    StageFactory,
    TouchpointFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def feed_url(journey, query: str = "") -> str:
    url = reverse("journeys:activity", args=[journey.workspace.slug, journey.pk])
    return f"{url}?{query}" if query else url


@pytest.fixture
def journey(workspace):
    return JourneyFactory(workspace=workspace, title="Buy a drill")


@pytest.fixture
def marie(workspace):
    return UserFactory(name="Marie")


def record(actor, verb, obj, journey, minutes_ago=0):
    activity = Activity.record(actor, verb, obj, journey=journey)
    Activity.objects.filter(pk=activity.pk).update(
        created_at=timezone.now() - timedelta(minutes=minutes_ago)
    )
    return activity


def test_each_change_reads_as_a_sentence_newest_first(client, viewer, journey, marie):
    card = TouchpointFactory(journey=journey, title="Checkout")
    note = FrictionNoteFactory(touchpoint=card, title="Card refused")
    record(marie, Activity.Verb.MOVED, card, journey, minutes_ago=30)
    record(marie, Activity.Verb.RESOLVED, note, journey, minutes_ago=20)
    record(marie, Activity.Verb.COMMENTED, note, journey, minutes_ago=10)
    client.force_login(viewer)

    html = client.get(feed_url(journey)).content.decode()

    sentences = [
        '<strong class="activity-actor">Marie</strong> commented on the friction “'
        '<span class="activity-label" lang="en">Card refused</span>”',
        '<strong class="activity-actor">Marie</strong> resolved the friction “'
        '<span class="activity-label" lang="en">Card refused</span>”',
        '<strong class="activity-actor">Marie</strong> moved the card “<a class="activity-label" '
        f'href="/w/{journey.workspace.slug}/journeys/{journey.pk}/?card={card.pk}" lang="en">'
        "Checkout</a>”",
    ]
    positions = [html.index(s) for s in sentences]
    assert positions == sorted(positions)
    assert "30\xa0minutes ago" in html
    assert 'datetime="' in html


def test_a_french_reader_reads_french_sentences(client, viewer, journey, marie):
    card = TouchpointFactory(journey=journey, title="Panier")
    note = FrictionNoteFactory(touchpoint=card, title="Frais cachés")
    record(marie, Activity.Verb.MOVED, card, journey)
    record(marie, Activity.Verb.REOPENED, note, journey)
    record(None, Activity.Verb.DELETED, StageFactory(journey=journey, name="Achat"), journey)
    client.force_login(viewer)

    html = client.get(feed_url(journey), HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    assert "<h1>Activité</h1>" in html
    assert "</strong> a déplacé la carte «\xa0<a" in html
    assert "</strong> a rouvert la friction «\xa0<span" in html
    assert '<strong class="activity-actor">Quelqu’un</strong> a supprimé l’étape' in html
    assert "Aujourd&#x27;hui" in html


@pytest.mark.parametrize(("verb", "kind"), sorted(SENTENCES))
def test_every_sentence_has_a_french_translation(journey, marie, verb, kind):
    activity = Activity(actor=marie, verb=verb, object_type=kind, object_label="X")

    with override("en"):
        english = sentence(activity, journey)
    with override("fr"):
        french = sentence(activity, journey)

    assert english != french
    assert "«\xa0" in french


def test_labels_and_names_are_escaped(journey):
    villain = UserFactory(name="<b>Eve</b>")
    activity = Activity(
        actor=villain, verb="created", object_type="touchpoint", object_label="<script>x</script>"
    )

    html = sentence(activity, journey)

    assert "<script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html
    assert "&lt;b&gt;Eve&lt;/b&gt;" in html


def test_an_unknown_pair_still_reads(journey, marie):
    activity = Activity(actor=marie, verb="moved", object_type="comment", object_label="Hi")

    with override("en"):
        html = str(sentence(activity, journey))

    assert html == (
        '<strong class="activity-actor">Marie</strong>: moved “'
        '<span class="activity-label" lang="en">Hi</span>”'
    )


def test_a_persona_link_is_named_by_the_persona(journey, marie):
    activity = Activity(
        actor=marie, verb="created", object_type="journeypersona", object_label="Buy a drill · Sam"
    )

    with override("en"):
        html = str(sentence(activity, journey))

    assert 'added the persona “<span class="activity-label" lang="en">Sam</span>”' in html


def test_only_this_journeys_activity(client, viewer, workspace, journey, marie):
    other = JourneyFactory(workspace=workspace, title="Rent a car")
    record(marie, Activity.Verb.CREATED, other, other)
    record(marie, Activity.Verb.CREATED, journey, journey)
    client.force_login(viewer)

    page = client.get(feed_url(journey)).context["page"]

    assert len(page.object_list) == 1
    assert "Buy a drill" in page.object_list[0].sentence


def test_thirty_to_a_page_with_newer_and_older_links(client, viewer, journey, marie):
    for n in range(35):
        record(marie, Activity.Verb.UPDATED, journey, journey, minutes_ago=n)
    client.force_login(viewer)

    first = client.get(feed_url(journey))
    second = client.get(feed_url(journey, "page=2"))

    assert len(first.context["page"].object_list) == 30
    assert len(second.context["page"].object_list) == 5
    assert 'href="?page=2" rel="next">Older' in first.content.decode()
    assert 'href="?page=1" rel="prev">' in second.content.decode()
    assert client.get(feed_url(journey, "page=nonsense")).status_code == 200


def test_an_empty_feed_says_so(client, viewer, journey):
    client.force_login(viewer)

    assert "Nothing has happened here yet" in client.get(feed_url(journey)).content.decode()


@pytest.mark.parametrize("role", ["owner", "editor", "commenter", "viewer"])
def test_every_member_reads_the_feed(client, request, journey, role):
    client.force_login(request.getfixturevalue(role))

    assert client.get(feed_url(journey)).status_code == 200


def test_outsiders_get_404_and_anonymous_visitors_log_in(client, outsider, journey):
    assert client.get(feed_url(journey)).status_code == 302
    client.force_login(outsider)
    assert client.get(feed_url(journey)).status_code == 404


def test_the_map_links_to_the_feed(client, viewer, journey):
    client.force_login(viewer)

    html = client.get(journey.get_absolute_url()).content.decode()

    assert f'href="{feed_url(journey)}"' in html
    # …and to the friction board narrowed to this journey.
    board = reverse("frictions:board", args=[journey.workspace.slug])
    assert f'href="{board}?journey={journey.pk}"' in html


@pytest.mark.parametrize("count", [3, 40])
def test_feed_queries_do_not_grow_with_activity(
    client, django_assert_num_queries, viewer, journey, count
):
    actors = [UserFactory() for _ in range(3)]
    for n in range(count):
        record(actors[n % 3], Activity.Verb.UPDATED, journey, journey, minutes_ago=n)
    client.force_login(viewer)

    # 1. the session, 2. the user, 3. the membership with its workspace, 4. the journey,
    # 5. the count of its activities, 6. the page of them with each actor joined,
    # 7. the switcher's workspaces.
    with django_assert_num_queries(7):
        response = client.get(feed_url(journey))

    assert len(response.context["page"].object_list) == min(count, 30)
