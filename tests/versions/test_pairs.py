import pytest
from django.urls import reverse

from journeys.models import Journey
from personas.models import Persona
from tests.versions.helpers import demo_journey, exported, vurl
from versions.models import JourneyPair, Version
from versions.pairs import AS_IS, TO_BE, counterpart, design_to_be, promote

pytestmark = pytest.mark.django_db


def test_design_the_to_be_makes_a_linked_copy_for_the_same_personas(client, editor, workspace):
    as_is = demo_journey(workspace)
    personas = Persona.objects.count()
    client.force_login(editor)

    response = client.post(vurl(as_is, "to_be"))

    to_be = Journey.objects.exclude(pk=as_is.pk).get()
    assert response.url == to_be.get_absolute_url()
    assert JourneyPair.objects.get().as_is == as_is
    assert counterpart(as_is).journey == to_be
    assert counterpart(as_is).role == TO_BE
    assert counterpart(to_be).journey == as_is
    assert counterpart(to_be).role == AS_IS
    assert Persona.objects.count() == personas
    copy, original = exported(to_be), exported(as_is)
    # The journey is French: so is the word in its title.
    assert copy["journey"]["title"] == f"{original['journey']['title']} (cible)"
    assert copy["touchpoints"] == original["touchpoints"]


def test_designing_twice_gives_the_same_to_be(workspace):
    as_is = demo_journey(workspace)

    assert design_to_be(as_is) == design_to_be(as_is)
    assert JourneyPair.objects.count() == 1


def test_each_map_links_to_the_other_and_the_journeys_page_shows_the_pair(
    client, viewer, workspace
):
    as_is = demo_journey(workspace)
    to_be = design_to_be(as_is)
    client.force_login(viewer)

    as_is_map = client.get(as_is.get_absolute_url()).content.decode()
    to_be_map = client.get(to_be.get_absolute_url()).content.decode()
    journeys = client.get(reverse("journeys:list", args=[workspace.slug])).content.decode()

    assert "See the to-be" in as_is_map
    assert to_be.get_absolute_url() in as_is_map
    assert "See the as-is" in to_be_map
    assert as_is.get_absolute_url() in to_be_map
    assert "Its to-be:" in journeys
    assert "Its as-is:" in journeys


def test_promoting_the_to_be_keeps_the_as_is_address_and_a_version(client, editor, workspace):
    as_is = demo_journey(workspace)
    old = exported(as_is)
    to_be = design_to_be(as_is)
    card = to_be.touchpoints.order_by("pk").first()
    card.title = "Parcours rêvé"
    card.save()
    wanted = exported(to_be)
    client.force_login(editor)

    response = client.post(vurl(to_be, "promote"))

    assert response.url == as_is.get_absolute_url()
    promoted = exported(Journey.objects.get(pk=as_is.pk))
    assert promoted["touchpoints"] == wanted["touchpoints"]
    assert promoted["journey"]["title"] == old["journey"]["title"]
    assert not Journey.objects.filter(pk=to_be.pk).exists()
    kept = Version.objects.get(journey=as_is, kind=Version.Kind.BEFORE_PROMOTION).document()
    del kept["exported_at"]
    assert kept == old


def test_only_a_to_be_is_promoted(client, editor, workspace):
    as_is = demo_journey(workspace)
    design_to_be(as_is)
    client.force_login(editor)

    assert client.post(vurl(as_is, "promote")).status_code == 404


def test_viewer_neither_designs_nor_promotes(client, viewer, workspace):
    as_is = demo_journey(workspace)
    to_be = design_to_be(as_is)
    client.force_login(viewer)

    assert client.post(vurl(as_is, "to_be")).status_code == 403
    assert client.post(vurl(to_be, "promote")).status_code == 403


def test_compare_as_is_with_its_to_be(client, viewer, workspace):
    as_is = demo_journey(workspace)
    to_be = design_to_be(as_is)
    card = to_be.touchpoints.order_by("pk").first()
    card.emotion = 2 if card.emotion != 2 else -2
    card.save()
    client.force_login(viewer)

    response = client.get(vurl(as_is, "compare") + "?old=current&new=pair")

    html = response.content.decode()
    assert "As-is → To-be" in html
    assert "<strong>1</strong> card changed" in html


def test_promote_function_returns_the_as_is(workspace):
    as_is = demo_journey(workspace)
    to_be = design_to_be(as_is)

    assert promote(to_be) == as_is
    assert counterpart(as_is) is None
