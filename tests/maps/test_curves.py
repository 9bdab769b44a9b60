"""The emotion curve: averages per stage in stage order, gaps, figures for any persona count."""

import plotly.graph_objects as go
import pytest
from django.utils import translation

from maps.curve_figure import figure
from maps.curves import (
    LINE_DASHES,
    MARKER_SYMBOLS,
    distinct_colours,
    emotion_curve,
    emotion_curve_for_map,
)
from tests.factories import (
    ChannelFactory,
    JourneyFactory,
    JourneyPersonaFactory,
    StageFactory,
    TouchpointFactory,
    build_map,
)


@pytest.fixture(autouse=True)
def english():
    """These tests read the curve's words in English, whatever an earlier request activated."""
    with translation.override("en"):
        yield


@pytest.fixture
def drawn(workspace):
    """Stages created out of order (Buy is created first but comes last), two personas:
    Ann has −2 and +1 at Notice, nothing at Compare, +2 at Buy; Bob has −1 at Compare."""
    journey = JourneyFactory(workspace=workspace)
    buy = StageFactory(journey=journey, name="Buy", position=2)
    notice = StageFactory(journey=journey, name="Notice", position=0)
    compare = StageFactory(journey=journey, name="Compare", position=1)
    channel = ChannelFactory(journey=journey)
    ann = JourneyPersonaFactory(journey=journey, key="ann", persona__name="Ann")
    bob = JourneyPersonaFactory(journey=journey, key="bob", persona__name="Bob")
    for link, stage, emotion in [
        (ann, notice, -2),
        (ann, notice, 1),
        (ann, buy, 2),
        (bob, compare, -1),
    ]:
        TouchpointFactory(
            journey=journey, persona=link.persona, stage=stage, channel=channel, emotion=emotion
        )
    return journey


def points_of(curve):
    return [(p.stage.name, p.average, p.count) for p in curve.points]


def test_curve_averages_each_stage_in_stage_order_with_gaps(drawn):
    curve = emotion_curve(drawn, "ann")

    (ann,) = curve.curves
    assert points_of(ann) == [("Notice", -0.5, 2), ("Compare", None, 0), ("Buy", 2.0, 1)]
    assert [p.emotion.label for p in ann.drawn] == ["Neutral", "Delighted"]


def test_stage_without_cards_is_a_gap_in_the_line_not_a_zero(drawn):
    (trace,) = figure(emotion_curve(drawn, "ann"))["data"]

    assert trace["y"] == [-0.5, None, 2.0]
    assert trace["connectgaps"] is False
    assert trace["customdata"][1] == ""


def test_averages_come_from_one_aggregate_query(django_assert_num_queries, drawn):
    # 1. the stages, 2. the journey's personas with each persona, 3. the averages per persona
    # and stage (one GROUP BY, whatever the number of cards and personas).
    with django_assert_num_queries(3):
        curve = emotion_curve(drawn, "all")

    assert [points_of(c) for c in curve.curves] == [
        [("Notice", -0.5, 2), ("Compare", None, 0), ("Buy", 2.0, 1)],
        [("Notice", None, 0), ("Compare", -1.0, 1), ("Buy", None, 0)],
    ]


def test_the_map_builds_the_same_curve_from_the_cards_it_loaded(
    django_assert_num_queries, workspace
):
    journey = build_map(workspace, cards=17)
    stages = list(journey.stages.all())
    links = list(journey.journey_personas.select_related("persona"))
    cards = list(journey.touchpoints.filter(persona=links[0].persona))

    with django_assert_num_queries(0):
        from_cards = emotion_curve_for_map(journey, stages, links, links[0], cards)

    from_query = emotion_curve(journey, links[0].key)
    assert points_of(from_cards.curves[0]) == points_of(from_query.curves[0])


def test_unknown_persona_key_falls_back_to_the_first_persona(drawn):
    curve = emotion_curve(drawn, "gone")

    assert curve.chosen.key == "ann"
    assert not curve.comparing
    assert [c.persona.name for c in curve.curves] == ["Ann"]


def test_comparison_remembers_the_chosen_persona(drawn):
    curve = emotion_curve(drawn, "all", chosen="bob")

    assert curve.comparing
    assert curve.chosen.key == "bob"
    assert curve.single_url.endswith("?persona=bob")
    assert curve.url == curve.compare_url
    assert curve.compare_url.endswith("?persona=all&chosen=bob")


def test_figure_has_fixed_emotion_axis_stage_ticks_and_a_zero_line(drawn):
    layout = figure(emotion_curve(drawn, "ann"))["layout"]

    assert layout["yaxis"]["range"] == [-2.45, 2.45]
    assert layout["yaxis"]["tickvals"] == [-2, -1, 0, 1, 2]
    assert layout["yaxis"]["ticktext"] == [
        "Frustrated 😣",
        "Unhappy 🙁",
        "Neutral 😐",
        "Satisfied 🙂",
        "Delighted 😄",
    ]
    assert layout["yaxis"]["zeroline"] is True
    assert layout["xaxis"]["ticktext"] == ["Notice", "Compare", "Buy"]
    assert layout["showlegend"] is False


@pytest.mark.parametrize("persona", ["ann", "all"])
def test_figure_is_valid_for_plotly(drawn, persona):
    """The figure is plain data for speed: plotly's own validation checks every attribute."""
    drawn_figure = figure(emotion_curve(drawn, persona))

    plotly_figure = go.Figure(drawn_figure["data"], drawn_figure["layout"])

    assert len(plotly_figure.data) == len(drawn_figure["data"])


def test_figure_config_hides_the_mode_bar(drawn):
    assert figure(emotion_curve(drawn, "ann"))["config"]["displayModeBar"] is False


def test_hover_gives_the_average_and_the_card_count(drawn):
    (trace,) = figure(emotion_curve(drawn, "ann"))["data"]

    assert (
        trace["customdata"][0] == "<b>Notice</b><br>😐 Neutral, \N{MINUS SIGN}0.5<br>2 touchpoints"
    )
    assert trace["customdata"][2].endswith("1 touchpoint")


def test_names_are_escaped_for_plotly_labels(workspace):
    journey = JourneyFactory(workspace=workspace)
    StageFactory(journey=journey, name="<b>Buy</b> & pay")
    JourneyPersonaFactory(journey=journey, persona__name="<i>Eve</i>")

    drawn_figure = figure(emotion_curve(journey, "all"))

    assert drawn_figure["layout"]["xaxis"]["ticktext"] == ["&lt;b&gt;Buy&lt;/b&gt; &amp; pay"]
    assert drawn_figure["data"][0]["name"] == "&lt;i&gt;Eve&lt;/i&gt;"


def test_long_stage_names_wrap_on_two_lines_at_most(workspace):
    journey = JourneyFactory(workspace=workspace)
    StageFactory(journey=journey, name="Service après-vente, retours et échanges " * 2)
    StageFactory.create_batch(7, journey=journey)

    ticks = figure(emotion_curve(journey))["layout"]["xaxis"]["ticktext"]

    assert ticks[0].count("<br>") == 1
    assert ticks[0].endswith("…")


def test_comparison_overlays_every_persona_distinctly(workspace):
    journey = JourneyFactory(workspace=workspace)
    stage = StageFactory(journey=journey)
    channel = ChannelFactory(journey=journey)
    # All twelve personas share one colour, as personas whose names hash alike do.
    links = [JourneyPersonaFactory(journey=journey, persona__colour="#1d4ed8") for _ in range(12)]
    for n, link in enumerate(links):
        TouchpointFactory(
            journey=journey, persona=link.persona, stage=stage, channel=channel, emotion=n % 5 - 2
        )

    drawn_figure = figure(emotion_curve(journey, "all"))

    traces = drawn_figure["data"]
    assert [t["name"] for t in traces] == [link.persona.name for link in links]
    assert drawn_figure["layout"]["showlegend"] is True
    assert len({t["line"]["color"] for t in traces}) == 12
    assert len({(t["marker"]["symbol"], t["line"]["dash"]) for t in traces}) == 12
    assert [t["y"] for t in traces] == [[float(n % 5 - 2)] for n in range(12)]


def test_a_persona_keeps_its_look_in_both_views(drawn):
    bob_alone = emotion_curve(drawn, "bob").curves[0]
    bob_compared = emotion_curve(drawn, "all").curves[1]

    assert (bob_alone.colour, bob_alone.symbol, bob_alone.dash) == (
        bob_compared.colour,
        bob_compared.symbol,
        bob_compared.dash,
    )
    assert (bob_alone.symbol, bob_alone.dash) == (MARKER_SYMBOLS[1], LINE_DASHES[1])


def test_distinct_colours_keep_each_first_colour_and_replace_repeats():
    colours = distinct_colours(["#1D4ED8", "#be185d", "#1d4ed8", "", *["#047857"] * 40])

    assert colours[:2] == ["#1d4ed8", "#be185d"]
    assert len(set(colours)) == len(colours) == 44
    assert all(len(colour) == 7 and colour.startswith("#") for colour in colours)


def test_summary_names_every_stage_of_one_persona(drawn):
    summary = emotion_curve(drawn, "ann").summary

    assert summary == (
        "Emotion curve of Ann per stage. Notice: Neutral, \N{MINUS SIGN}0.5; "
        "Compare: no touchpoint; Buy: Delighted, +2.0."
    )


def test_comparison_summary_gives_each_personas_lowest_and_highest_stage(drawn):
    summary = emotion_curve(drawn, "all").summary

    assert summary.startswith("Emotion curves of 2 personas per stage, compared.")
    assert (
        "Ann: lowest at Notice (Neutral, \N{MINUS SIGN}0.5), highest at Buy (Delighted, +2.0)."
        in summary
    )


def test_journey_without_persona_has_no_curve(workspace):
    journey = JourneyFactory(workspace=workspace)
    StageFactory(journey=journey)

    curve = emotion_curve(journey, "all")

    assert (curve.curves, curve.chosen, curve.has_points, curve.summary) == ([], None, False, "")


def test_comparison_summary_of_a_flat_curve_names_no_extremes(drawn):
    bob = emotion_curve(drawn, "all").summary.split("compared. ")[1].split(". ")[1]

    assert bob == "Bob: Unhappy, \N{MINUS SIGN}1.0 at every stage with touchpoints."
