import pytest

from tests.versions.helpers import demo_journey, vurl
from versions.comparison import ADDED, CHANGED, REMOVED, compare
from versions.snapshots import take_snapshot

pytestmark = pytest.mark.django_db


def _edit(document: dict) -> dict:
    """Four kinds of change on a copy of a journey file."""
    import copy

    changed = copy.deepcopy(document)
    cards = changed["touchpoints"]
    cards[0]["title"] = "Nouveau titre"
    cards[1]["emotion"] = -2 if cards[1]["emotion"] != -2 else 2
    cards[2]["channel"] = next(
        c["key"] for c in changed["channels"] if c["key"] != cards[2]["channel"]
    )
    removed = cards.pop(3)
    cards.append({**cards[0], "key": "brand_new", "title": "Carte ajoutée"})
    changed["frictions"] = [f for f in changed["frictions"] if f["touchpoint"] != removed["key"]]
    return changed, removed


def test_compare_lists_exactly_the_changes_made(workspace):
    journey = demo_journey(workspace)
    older = take_snapshot(journey, "v1").document()
    newer, removed = _edit(older)

    comparison = compare(older, newer)

    cards = {(card.kind, card.key) for stage in comparison.stages for card in stage.cards}
    t = older["touchpoints"]
    assert cards == {
        (CHANGED, t[0]["key"]),
        (CHANGED, t[1]["key"]),
        (CHANGED, t[2]["key"]),
        (REMOVED, removed["key"]),
        (ADDED, "brand_new"),
    }
    changes = {card.key: card.changes for stage in comparison.stages for card in stage.cards}
    assert changes[t[0]["key"]] == [f"title “{t[0]['title']}” → “Nouveau titre”"]
    assert changes[t[1]["key"]][0].startswith("emotion ")
    assert changes[t[2]["key"]][0].startswith("moved from ")
    assert len(comparison.change_list()) == 5


def test_nothing_changed_means_an_empty_change_list(workspace):
    document = take_snapshot(demo_journey(workspace), "v1").document()

    comparison = compare(document, document)

    assert comparison.change_list() == []
    assert all(not stage.changed_anything for stage in comparison.stages)


def test_frictions_opened_and_resolved_are_told_apart(workspace):
    journey = demo_journey(workspace)
    older = take_snapshot(journey, "v1").document()
    import copy

    newer = copy.deepcopy(older)
    open_note = next(f for f in newer["frictions"] if f["status"] != "resolved")
    open_note["status"] = "resolved"
    card = newer["touchpoints"][5]["key"]
    newer["frictions"].append(
        {
            "touchpoint": card,
            "title": "Nouvelle friction",
            "description": "",
            "severity": "high",
            "status": "open",
            "comments": [],
        }
    )

    comparison = compare(older, newer)

    notes = [(f.kind, f.title) for stage in comparison.stages for f in stage.frictions]
    assert sorted(notes) == sorted(
        [("resolved", open_note["title"]), ("opened", "Nouvelle friction")]
    )
    assert comparison.totals["opened"] == 1
    assert comparison.totals["resolved"] == 1


def test_stages_renamed_added_and_removed_are_in_the_change_list(workspace):
    journey = demo_journey(workspace)
    older = take_snapshot(journey, "v1").document()
    import copy

    newer = copy.deepcopy(older)
    newer["stages"][0]["name"] = "Découverte"
    newer["stages"].append({"key": "extra", "name": "Recommandation", "description": ""})

    lines = compare(older, newer).change_list()

    assert f"Renamed: {older['stages'][0]['name']} → Découverte" in lines
    assert "Stage added: Recommandation" in lines


def test_change_list_is_in_the_readers_language(client, editor, workspace):
    journey = demo_journey(workspace)
    version = take_snapshot(journey, "v1")
    card = journey.touchpoints.order_by("pk").first()
    card.title = "Titre modifié"
    card.save()
    client.force_login(editor)

    english = client.get(vurl(journey, "compare") + f"?old={version.pk}&new=current")
    french = client.get(
        vurl(journey, "compare") + f"?old={version.pk}&new=current",
        HTTP_ACCEPT_LANGUAGE="fr",
    )

    assert "card “Titre modifié” changed" in english.content.decode()
    assert "carte « Titre modifié » modifiée" in french.content.decode()


def test_compare_page_draws_both_curves_the_older_dashed(client, viewer, workspace):
    journey = demo_journey(workspace)
    version = take_snapshot(journey, "Avant")
    client.force_login(viewer)

    response = client.get(vurl(journey, "compare") + f"?old={version.pk}&new=current")

    html = response.content.decode()
    assert response.status_code == 200
    assert '"dash": "dash"' in html
    assert '"dash": "solid"' in html
    assert "Avant → Now" in html


def test_unknown_side_is_a_message_not_an_error(client, viewer, workspace):
    journey = demo_journey(workspace)
    client.force_login(viewer)

    response = client.get(vurl(journey, "compare") + "?old=424242")

    assert response.status_code == 400
    assert "Choose two versions of this journey to compare." in response.content.decode()


def test_comparison_slide_is_a_1920_by_1080_png(client, viewer, workspace):
    journey = demo_journey(workspace)
    version = take_snapshot(journey, "Avant")
    client.force_login(viewer)

    response = client.get(vurl(journey, "compare_png") + f"?old={version.pk}&new=current")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    content = response.content
    assert content[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(content[16:20], "big") == 1920
    assert int.from_bytes(content[20:24], "big") == 1080
