"""The PowerPoint deck and the PDFs: every card's title is there as text."""

import pytest
from django.urls import reverse
from pptx import Presentation

from maps.documents.report import map_pdf, report_pdf
from maps.documents.slides import TABLE_ROOM, _row_height, deck
from tests.commands import run_command
from tests.factories import TouchpointFactory
from tests.sharing.helpers import pdf_fonts, pdf_text, pptx_texts


def titles(journey):
    return list(journey.touchpoints.values_list("title", flat=True))


def test_deck_holds_every_stage_and_card_title_as_text(tmp_path, journey):
    path = tmp_path / "deck.pptx"
    path.write_bytes(deck(journey))
    texts = "\n".join(pptx_texts(path))
    for stage in journey.stages.all():
        assert stage.name in texts
    for title in titles(journey):
        assert title in texts
    assert "Frustrated" in texts  # emotions in words
    slides = Presentation(path).slides
    # Per persona: title, map picture, a slide per stage (the second persona has no card).
    assert len(slides) == 2 * (2 + journey.stages.count())
    assert any(shape.shape_type == 13 for shape in slides[1].shapes)  # the map: a picture


def test_a_stage_with_many_cards_goes_on_over_more_slides(tmp_path, journey):
    """No table runs off its slide: the rows' estimated heights stay in the table's room."""
    link = journey.journey_personas.order_by("position", "pk").first()
    stage, channel = journey.stages.first(), journey.channels.first()
    for n in range(30):
        TouchpointFactory(journey=journey, persona=link.persona, stage=stage, channel=channel,
                          title=f"Extra card {n}", position=100 + n)  # fmt: skip
    path = tmp_path / "deck.pptx"
    path.write_bytes(deck(journey, link.key))
    texts = "\n".join(pptx_texts(path))
    assert "(continued)" in texts
    assert all(f"Extra card {n}" in texts for n in range(30))
    for slide in Presentation(path).slides:
        for shape in slide.shapes:
            if shape.has_table and shape.table.cell(0, 0).text == "Channel":
                rows = [row.cells[1].text for row in list(shape.table.rows)[1:]]
                assert _row_height("") + sum(map(_row_height, rows)) <= TABLE_ROOM


def test_deck_is_in_the_journeys_language(tmp_path, journey):
    journey.language = "fr"
    journey.save()
    path = tmp_path / "deck.pptx"
    path.write_bytes(deck(journey))
    texts = "\n".join(pptx_texts(path))
    assert "Frustré" in texts
    assert "Frustrated" not in texts


def test_report_pdf_text_holds_every_card_title(tmp_path, journey):
    path = tmp_path / "report.pdf"
    path.write_bytes(report_pdf(journey))
    text = pdf_text(path)
    for title in titles(journey):
        assert title in text
    assert "Frictions by severity" in text
    fonts = pdf_fonts(path)
    assert "Inter" in fonts
    assert " no " not in fonts.split("\n", 2)[2]


def test_full_map_pdf_is_one_vector_page_with_selectable_text(tmp_path, journey):
    path = tmp_path / "map.pdf"
    path.write_bytes(map_pdf(journey))
    assert path.read_bytes().count(b"/Type /Page\n") + path.read_bytes().count(b"/Type /Page ") >= 1
    text = pdf_text(path)
    for title in titles(journey):
        assert title in text


@pytest.mark.parametrize(
    ("fmt", "content_type"),
    [
        ("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
        ("pdf", "application/pdf"),
    ],
)
def test_viewer_downloads_deck_and_report(client, viewer, journey, fmt, content_type):
    client.force_login(viewer)
    url = reverse("journeys:export", args=[journey.workspace.slug, journey.pk, fmt])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert f".{fmt}" in response["Content-Disposition"]
    assert client.get(url, {"persona": "nobody"}).status_code == 400


def test_outsider_cannot_download_the_deck(client, outsider, journey):
    client.force_login(outsider)
    url = reverse("journeys:export", args=[journey.workspace.slug, journey.pk, "pptx"])
    assert client.get(url).status_code == 404


def test_export_journey_command_writes_pptx_and_pdf(tmp_path, journey):
    for fmt in ("pptx", "pdf"):
        output = tmp_path / f"out.{fmt}"
        stdout, _ = run_command("export_journey", str(journey.pk), "--format", fmt,
                                "--output", str(output))  # fmt: skip
        assert stdout.strip() == f"exported journey {journey.pk} to {output}"
    assert all(title in pdf_text(tmp_path / "out.pdf") for title in titles(journey))
    assert all(title in "\n".join(pptx_texts(tmp_path / "out.pptx")) for title in titles(journey))


def test_export_journey_command_keeps_its_json_format(journey):
    stdout, _ = run_command("export_journey", str(journey.pk))
    assert '"format": "parcours.journey"' in stdout
