"""The emotion curve page and its `emotion_curve` fragment, alone and inside the map page."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse

from tests.factories import TouchpointFactory, build_map
from tests.htmx import assert_fragment, assert_full_page, hx_target

READERS = ["owner", "editor", "commenter", "viewer"]
FRAGMENT = hx_target("emotion_curve")


def curve_url(journey, **query: str) -> str:
    url = reverse("journeys:curve", args=[journey.workspace.slug, journey.pk])
    return f"{url}?{urlencode(query)}" if query else url


@pytest.mark.parametrize("role", READERS)
def test_every_member_sees_the_curve(client, request, journey, role):
    client.force_login(request.getfixturevalue(role))

    assert client.get(curve_url(journey)).status_code == 200


def test_outsider_gets_not_found(client, outsider, journey):
    client.force_login(outsider)

    assert client.get(curve_url(journey, persona="all")).status_code == 404


def test_anonymous_visitor_is_sent_to_log_in(client, journey):
    url = curve_url(journey)

    response = client.get(url)

    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={url}"


def test_curve_cannot_be_posted_to(client, viewer, journey):
    client.force_login(viewer)

    assert client.post(curve_url(journey)).status_code == 405


def test_page_without_htmx_shows_the_curve_with_the_site_around_it(client, viewer, journey):
    client.force_login(viewer)

    response = client.get(curve_url(journey))

    html = response.content.decode()
    assert_full_page(html)
    assert 'id="emotion_curve"' in html
    assert "vendor/plotly-basic-4.1.1.min.js" in html
    assert "HX-Request" in response["Vary"]


def test_htmx_request_gets_only_the_fragment(client, viewer, journey):
    client.force_login(viewer)

    html = client.get(curve_url(journey), **FRAGMENT).content.decode()

    assert html.lstrip().startswith('<section id="emotion_curve"')
    assert_fragment(html)
    assert "site-header" not in html
    assert 'hx-trigger="mapChanged from:body"' in html
    assert f'hx-get="{curve_url(journey, persona=journey.journey_personas.first().key)}"' in html


def test_fragment_shows_the_chart_its_figure_and_a_table(client, viewer, journey):
    first = journey.journey_personas.first()
    client.force_login(viewer)

    html = client.get(curve_url(journey), **FRAGMENT).content.decode()

    assert f'role="img" aria-label="Emotion curve of {first.persona.name} per stage.' in html
    assert '<script type="application/json">{"data": [{' in html
    assert "<caption" in html
    assert "Show as table" in html
    assert html.count('<th scope="row">') == 1


def test_comparison_lists_every_persona_of_the_journey(client, viewer, workspace):
    journey = build_map(workspace, cards=3, personas=7)
    links = list(journey.journey_personas.all())
    for link in links[1:]:
        TouchpointFactory(
            journey=journey,
            persona=link.persona,
            stage=journey.stages.first(),
            channel=journey.channels.first(),
        )
    client.force_login(viewer)

    response = client.get(curve_url(journey, persona="all"), **FRAGMENT)

    html = response.content.decode()
    assert "Emotion curves compared" in html
    # Every persona's row, in the journey's order.
    rows = [html.find(f"{link.persona.name}</th>") for link in links]
    assert -1 not in rows
    assert rows == sorted(rows)
    assert 'aria-current="true">Compare personas</a>' in html


def test_switch_links_work_without_htmx_and_swap_the_fragment_with_it(client, viewer, journey):
    first, second = journey.journey_personas.all()
    client.force_login(viewer)

    html = client.get(curve_url(journey, persona=second.key)).content.decode()

    compare = curve_url(journey, persona="all", chosen=second.key).replace("&", "&amp;")
    assert f'<a href="{compare}" hx-get="{compare}" hx-target="#emotion_curve"' in html
    assert f"Average emotion of {second.persona.name}’s touchpoints" in html


def test_unknown_persona_falls_back_to_the_first(client, viewer, journey):
    client.force_login(viewer)

    response = client.get(curve_url(journey, persona="gone"), **FRAGMENT)

    first = journey.journey_personas.first().persona
    assert response.status_code == 200
    assert f"Average emotion of {first.name}’s touchpoints" in response.content.decode()


def test_persona_without_cards_is_told_where_the_curve_will_appear(client, viewer, journey):
    second = journey.journey_personas.all()[1]
    client.force_login(viewer)

    html = client.get(curve_url(journey, persona=second.key), **FRAGMENT).content.decode()

    assert "The curve appears here as soon as a touchpoint is drawn." in html
    assert 'role="img"' not in html


def test_a_persona_name_cannot_break_out_of_the_figure_json(client, viewer, journey):
    link = journey.journey_personas.first()
    link.persona.name = "</script><script>alert(1)</script>"
    link.persona.save()
    client.force_login(viewer)

    html = client.get(curve_url(journey), **FRAGMENT).content.decode()

    assert "<script>alert(1)" not in html


def test_map_page_includes_the_curve_of_its_persona(client, viewer, journey):
    second = journey.journey_personas.all()[1]
    client.force_login(viewer)

    response = client.get(journey.get_absolute_url() + f"?persona={second.key}")

    html = response.content.decode()
    assert html.index('id="emotion_curve"') < html.index('class="map-section"')
    assert response.context["curve"].chosen == second
    assert "vendor/plotly-basic-4.1.1.min.js" in html
    assert "js/curve.js" in html


@pytest.mark.parametrize(("cards", "personas"), [(5, 2), (60, 8)])
def test_curve_queries_do_not_grow_with_cards_or_personas(
    client, django_assert_num_queries, viewer, workspace, cards, personas
):
    journey = build_map(workspace, cards=cards, personas=personas)
    for link in journey.journey_personas.all()[1:]:
        TouchpointFactory(
            journey=journey,
            persona=link.persona,
            stage=journey.stages.last(),
            channel=journey.channels.last(),
        )
    client.force_login(viewer)

    # 1. the session, 2. the user, 3. the membership with its workspace, 4. the journey,
    # 5. its stages, 6. its personas (with each persona),
    # 7. the average emotion and card count per persona and stage, in one GROUP BY.
    with django_assert_num_queries(7):
        response = client.get(curve_url(journey, persona="all"), **FRAGMENT)
    # The whole page adds 8. the switcher's workspaces.
    with django_assert_num_queries(8):
        client.get(curve_url(journey, persona="all"))

    html = response.content.decode()
    shown = journey.journey_personas.select_related("persona")
    assert sum(f"{link.persona.name}</th>" in html for link in shown) == personas


def test_curve_speaks_french_with_french_numbers(client, viewer, journey):
    journey.touchpoints.update(emotion=-1)
    journey.touchpoints.filter(pk=journey.touchpoints.first().pk).update(emotion=-2)
    client.force_login(viewer)

    html = client.get(
        curve_url(journey, persona="all"), **FRAGMENT, HTTP_ACCEPT_LANGUAGE="fr"
    ).content.decode()

    assert "Comparer les personas" in html
    assert "Afficher en tableau" in html
    # The chart's accessible name, as the page escapes it.
    assert 'aria-label="Courbes d&#x27;émotion des 2 personas par étape, comparées.' in html
    assert "au plus bas à l&#x27;étape Notice (Frustré, \N{MINUS SIGN}1,5)" in html
