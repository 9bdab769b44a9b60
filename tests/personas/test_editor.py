"""The persona editor: each field's rules, list editing, and edits that cross."""

import pytest
from django.urls import reverse

from core.versioning import StaleVersion
from journeys.models import Activity
from personas.forms import edit_list
from personas.models import AVATAR_COLOURS, MIN_CONTRAST, Persona, contrast_with_white
from tests.factories import ChannelFactory, JourneyFactory, WorkspaceFactory
from tests.htmx import assert_full_page, hx_target

PERSONA_FORM = hx_target("persona_form")


def edit_url(persona) -> str:
    return reverse("personas:edit", args=[persona.workspace.slug, persona.pk])


def form_data(persona, **changes) -> dict:
    """What the editor posts for `persona` unchanged, with `changes` applied."""
    data = {
        "name": persona.name,
        "role": persona.role,
        "age": "" if persona.age is None else str(persona.age),
        "quote": persona.quote,
        "bio": persona.bio,
        "goals": persona.goals,
        "frustrations": persona.frustrations,
        "needs": persona.needs,
        "preferred_channels": persona.preferred_channels,
        "colour": persona.colour,
        "version": str(persona.version),
    }
    data.update(changes)
    return data


@pytest.fixture
def editing(client, editor):
    client.force_login(editor)
    return client


def test_editor_page_shows_every_field(editing, persona):
    response = editing.get(edit_url(persona))

    html = response.content.decode()
    assert response.status_code == 200
    for label in [
        "Name",
        "Role or title",
        "Age",
        "Quote",
        "Bio",
        "Goals",
        "Frustrations",
        "Needs",
        "Preferred channels",
        "Colour behind the initials",
        "Photo",
    ]:
        assert label in html
    assert 'value="A good jacket under €150"' in html
    assert 'name="version" value="1"' in html


def test_saving_changes_every_field_and_the_version(editing, persona, editor):
    data = form_data(
        persona,
        name="Léa Martin-Durand",
        role="Head of projects",
        age="31",
        quote="Show me the delivery date first.",
        bio="Lives in Lyon, works in Villeurbanne.",
        goals=["  Delivered by Saturday ", "", "A good jacket under €150"],
        frustrations=[],
        needs=["Reviews with photos", "Free returns"],
        preferred_channels=["Website", "Instagram"],
        colour="#047857",
    )

    response = editing.post(edit_url(persona), data)

    assert response.status_code == 302
    assert response.url == persona.get_absolute_url()
    persona.refresh_from_db()
    assert persona.name == "Léa Martin-Durand"
    assert persona.role == "Head of projects"
    assert persona.age == 31
    assert persona.quote == "Show me the delivery date first."
    assert persona.bio == "Lives in Lyon, works in Villeurbanne."
    assert persona.goals == ["Delivered by Saturday", "A good jacket under €150"]
    assert persona.frustrations == []
    assert persona.needs == ["Reviews with photos", "Free returns"]
    assert persona.preferred_channels == ["Instagram", "Website"]
    assert persona.colour == "#047857"
    assert persona.version == 2
    activity = Activity.objects.get()
    assert (activity.actor, activity.verb, activity.object_id) == (editor, "updated", persona.pk)


def test_htmx_save_navigates_to_the_profile(editing, persona):
    response = editing.post(edit_url(persona), form_data(persona, role="Buyer"), **PERSONA_FORM)

    assert response.status_code == 200
    assert response["HX-Redirect"] == persona.get_absolute_url()


def test_saving_keeps_the_order_of_the_channels_already_preferred(editing, persona):
    # The checkboxes post in the page's order ("Website" is offered before "Instagram").
    data = form_data(persona, preferred_channels=["Website", "Mobile app", "Instagram"])

    editing.post(edit_url(persona), data)

    persona.refresh_from_db()
    assert persona.preferred_channels == ["Instagram", "Mobile app", "Website"]


def test_age_may_be_left_empty(editing, persona):
    editing.post(edit_url(persona), form_data(persona, age=""))

    persona.refresh_from_db()
    assert persona.age is None


INVALID = [
    ("name", "", "This field is required."),
    ("name", "   ", "This field is required."),
    ("name", "L" * 121, "at most 120 characters"),
    ("role", "R" * 161, "at most 160 characters"),
    ("age", "thirty", "Enter a whole number."),
    ("age", "-1", "greater than or equal to 0"),
    ("age", "151", "less than or equal to 150"),
    ("age", "29.5", "Enter a whole number."),
    ("quote", "Q" * 501, "at most 500 characters"),
    ("bio", "B" * 4001, "at most 4000 characters"),
    ("goals", ["G" * 301], "Goal 1 is 301 characters long; keep each item under 300."),
    ("frustrations", ["Slow", "x", "F" * 400], "Frustration 3 is 400 characters long"),
    ("needs", ["Free returns", "free returns"], "“free returns” is in the list twice."),
    ("goals", [f"Goal {n}" for n in range(21)], "Keep it to 20 items at most; this list has 21."),
    ("preferred_channels", ["Carrier pigeon"], "Select a valid choice."),
    ("colour", "#ffff00", "White initials would be hard to read on this colour (contrast 1.1:1"),
    ("colour", "#9ca3af", "contrast 2.5:1, at least 4.5:1 is needed"),
    ("colour", "red", "Choose a colour written as # and six hexadecimal digits"),
    ("colour", "", "This field is required."),
]


@pytest.mark.parametrize(("field", "value", "message"), INVALID)
def test_invalid_field_is_explained_in_place_and_nothing_is_saved(
    editing, persona, field, value, message
):
    response = editing.post(edit_url(persona), form_data(persona, **{field: value}), **PERSONA_FORM)

    assert response.status_code == 422
    html = response.content.decode()
    assert message in html
    assert html.lstrip().startswith('<form id="persona_form"')
    assert "Nothing was saved yet" in html
    saved = Persona.objects.get(pk=persona.pk)
    assert (saved.version, getattr(saved, field)) == (1, getattr(persona, field))


def test_invalid_post_without_htmx_shows_the_whole_page(editing, persona):
    response = editing.post(edit_url(persona), form_data(persona, name=""))

    assert response.status_code == 422
    assert_full_page(response.content.decode())


def test_typed_values_stay_in_the_form_after_an_error(editing, persona):
    data = form_data(persona, name="", goals=["Keep this goal"], bio="A new bio")

    html = editing.post(edit_url(persona), data, **PERSONA_FORM).content.decode()

    assert 'value="Keep this goal"' in html
    assert "A new bio" in html


def test_post_without_its_version_is_refused(editing, persona):
    data = form_data(persona)
    del data["version"]

    response = editing.post(edit_url(persona), data, **PERSONA_FORM)

    assert response.status_code == 422
    assert "does not say which version it started from" in response.content.decode()


def test_contrast_with_white_follows_wcag():
    assert contrast_with_white("#ffffff") == pytest.approx(1)
    assert contrast_with_white("#000000") == pytest.approx(21)
    assert contrast_with_white("#767676") == pytest.approx(4.54, abs=0.01)


def test_every_colour_offered_keeps_white_initials_readable():
    assert all(contrast_with_white(colour) >= MIN_CONTRAST for colour in AVATAR_COLOURS)


def test_a_dark_colour_outside_the_palette_is_accepted_in_any_case(editing, persona):
    editing.post(edit_url(persona), form_data(persona, colour="#1F2937"))

    persona.refresh_from_db()
    assert persona.colour == "#1f2937"


def test_a_colour_set_before_stays_on_offer(editing, workspace):
    persona = Persona.objects.create(workspace=workspace, name="Sam", colour="#333333")

    html = editing.get(edit_url(persona)).content.decode()

    assert 'value="#333333"' in html
    assert "Current colour" in html


def test_channels_offered_are_the_usual_ones_and_the_workspaces_lanes(editing, persona, workspace):
    journey = JourneyFactory(workspace=workspace)
    ChannelFactory(journey=journey, name="Marketplace")
    ChannelFactory(journey=journey, name="website")  # the usual "Website", spelled otherwise
    ChannelFactory(journey=JourneyFactory(workspace=WorkspaceFactory()), name="Not ours")

    form = editing.get(edit_url(persona)).context["form"]

    names = [name for name, _label in form.fields["preferred_channels"].choices]
    assert names[:7] == [
        "Website",
        "Mobile app",
        "Store",
        "Email",
        "Social media",
        "Phone",
        "Word of mouth",
    ]
    assert "Marketplace" in names
    assert "Instagram" in names  # already preferred by this persona (an imported name)
    assert "Not ours" not in names
    assert len(names) == len({name.casefold() for name in names})


def test_usual_channels_are_named_in_the_workspaces_language(editing, persona, workspace):
    workspace.language = "fr"
    workspace.save()

    form = editing.get(edit_url(persona)).context["form"]

    names = [name for name, _label in form.fields["preferred_channels"].choices]
    assert names[:3] == ["Site web", "Application mobile", "Magasin"]


# List editing -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "goals", "focus"),
    [
        ("goals:add", ["a", "b", "c", ""], "goals-3"),
        ("goals:remove:1", ["a", "c"], "goals-1"),
        ("goals:remove:2", ["a", "b"], "goals-1"),
        ("goals:up:2", ["a", "c", "b"], "goals-1"),
        ("goals:down:0", ["b", "a", "c"], "goals-1"),
        ("goals:up:0", ["a", "b", "c"], "goals-0"),
        ("goals:down:2", ["a", "b", "c"], "goals-2"),
        ("goals:remove:9", ["a", "b", "c"], ""),
        ("goals:explode:1", ["a", "b", "c"], ""),
        ("bio:add", ["a", "b", "c"], ""),
    ],
)
def test_list_buttons_add_move_and_remove_items(rf, action, goals, focus):
    data = rf.post("/", {"goals": ["a", "b", "c"], "needs": ["n"]}).POST

    edit = edit_list(data, action)

    assert edit.data.getlist("goals") == goals
    assert edit.data.getlist("needs") == ["n"]
    assert edit.focus == focus


def test_removing_the_last_item_focuses_the_add_button(rf):
    edit = edit_list(rf.post("/", {"needs": ["only"]}).POST, "needs:remove:0")

    assert edit.data.getlist("needs") == []
    assert edit.focus == "needs-add"


def test_list_button_redraws_the_form_without_saving(editing, persona):
    data = form_data(persona, list_action="goals:up:1", name="", bio="Typed, not saved")

    response = editing.post(edit_url(persona), data, **PERSONA_FORM)

    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("Delivered by Saturday") < html.index("A good jacket under €150")
    moved = 'id="goals-0" name="goals" value="Delivered by Saturday" maxlength="300" autofocus'
    assert moved in html
    assert "Typed, not saved" in html
    assert "Changes not saved yet" in html
    assert "This field is required." not in html  # the name is not finished: no error yet
    saved = Persona.objects.get(pk=persona.pk)
    assert saved.goals == persona.goals
    assert saved.version == 1
    assert saved.bio == persona.bio


def test_added_item_is_an_empty_focused_input(editing, persona):
    html = editing.post(
        edit_url(persona), form_data(persona, list_action="needs:add"), **PERSONA_FORM
    ).content.decode()

    assert 'id="needs-1" name="needs" value="" maxlength="300" autofocus' in html


def test_list_buttons_work_without_javascript(editing, persona):
    data = form_data(persona, list_action="frustrations:remove:0")

    response = editing.post(edit_url(persona), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert_full_page(html)
    assert "Shipping costs found at the end" not in html
    assert 'id="frustrations-add"' in html


# Two people editing at once -------------------------------------------------------------------


@pytest.mark.parametrize("headers", [PERSONA_FORM, {}], ids=["htmx", "without JavaScript"])
def test_edit_from_an_old_version_shows_the_newer_one_and_overwrites_nothing(
    editing, persona, headers
):
    started_from = form_data(persona)
    # A teammate saves first.
    Persona.objects.get(pk=persona.pk).save_changes(1, role="Head of projects")

    response = editing.post(edit_url(persona), {**started_from, "role": "Buyer"}, **headers)

    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else saved a change while you were editing." in html
    assert "<dt>Role or title</dt><dd>Head of projects</dd>" in html
    assert 'value="Buyer"' in html  # what was typed here is still in the form
    assert 'name="version" value="2"' in html  # saving again is a deliberate overwrite
    assert Persona.objects.get(pk=persona.pk).role == "Head of projects"


def test_saving_again_after_a_conflict_applies_mine(editing, persona):
    Persona.objects.get(pk=persona.pk).save_changes(1, role="Head of projects")

    editing.post(edit_url(persona), form_data(persona, role="Buyer", version="2"))

    saved = Persona.objects.get(pk=persona.pk)
    assert (saved.role, saved.version) == ("Buyer", 3)


def test_only_one_of_two_saves_from_the_same_version_wins(persona):
    first = Persona.objects.get(pk=persona.pk)
    second = Persona.objects.get(pk=persona.pk)

    first.save_changes(1, name="First")
    with pytest.raises(StaleVersion) as stale:
        second.save_changes(1, name="Second")
    assert stale.value.current.name == "First"
    assert Persona.objects.get(pk=persona.pk).name == "First"
