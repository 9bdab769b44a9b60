"""Evidence on the map page: figures on cards and in the Metrics row, quotes in the panels,
felt vs measured on the curve, import through the pages, and who may do what."""

import pytest

from evidence.models import EvidenceUpload, Metric, Verbatim
from tests.evidence.helpers import ENGLISH_QUOTES, FRENCH_METRICS, csv_bytes, fashion_journey
from tests.htmx import HTMX, assert_fragment
from tests.maps.helpers import url
from touchpoints.models import FrictionNote


@pytest.fixture
def fashion(workspace):
    return fashion_journey(workspace)


def upload(client, journey, rows, name="export.csv", **csv_options):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = csv_bytes(rows, **csv_options)
    return client.post(
        url(journey, "evidence_import"), {"file": SimpleUploadedFile(name, data, "text/csv")}
    )


@pytest.fixture
def with_evidence(client, editor, fashion):
    client.force_login(editor)
    response = upload(client, fashion, FRENCH_METRICS, separator=";", bom=True)
    client.post(response.url, {**mapping_of(response.url, client), "action": "import"})
    response = upload(client, fashion, ENGLISH_QUOTES)
    client.post(response.url, {**mapping_of(response.url, client), "action": "import"})
    assert Metric.objects.count() == 3
    assert Verbatim.objects.count() == 3
    return fashion


def mapping_of(review_url, client) -> dict:
    form = client.get(review_url).context["form"]
    return {name: form[name].value() or "" for name in form.fields}


def test_upload_preview_report_and_nothing_written_until_confirmed(client, editor, fashion):
    client.force_login(editor)
    response = upload(client, fashion, FRENCH_METRICS, separator=";", bom=True)
    assert response.status_code == 302
    page = client.get(response.url)
    html = page.content.decode()
    assert "Taux de rebond" in html  # the preview
    assert page.context["plan"].new_count == 3
    assert not Metric.objects.exists()
    done = client.post(response.url, {**mapping_of(response.url, client), "action": "import"})
    assert done.status_code == 302
    assert Metric.objects.count() == 3
    assert not EvidenceUpload.objects.exists()
    assert "3 metrics and 0 quotes imported." in client.get(done.url).content.decode()


def test_a_broken_file_gets_a_report_with_line_numbers_and_cannot_be_imported(
    client, editor, fashion
):
    client.force_login(editor)
    rows = [
        *ENGLISH_QUOTES,
        ["Nowhere", "", "Lost.", "", "", "", ""],
        ["Achat", "", "Dear.", "someday", "7", "", ""],
    ]
    review = upload(client, fashion, rows).url
    html = client.get(review).content.decode()
    # Two rows, three problems: each said on its own line.
    assert "2 rows do not match" in html
    assert "line 5, column “stage”: no stage “Nowhere” in this journey." in html
    assert "line 6, column “date”: “someday” is not a date" in html
    assert "line 6, column “sentiment”: “7” is not a sentiment" in html
    assert 'value="import"' not in html
    refused = client.post(review, {**mapping_of(review, client), "action": "import"})
    assert refused.status_code == 400
    assert not Verbatim.objects.exists()


def test_the_mapping_can_be_changed_before_importing(client, editor, fashion):
    client.force_login(editor)
    review = upload(client, fashion, [["Phase", "Mots du client"], ["Achat", "Trop cher."]]).url
    assert client.get(review).context["plan"].problems
    checked = client.post(review, {"stage": "0", "quote": "1", "action": "check"})
    assert not checked.context["plan"].problems
    assert checked.context["plan"].new_count == 1
    client.post(review, {"stage": "0", "quote": "1", "action": "import"})
    assert Verbatim.objects.get().text == "Trop cher."


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty."),
        (b"%PDF-1.4\x00\x00", "this is not a CSV or XLSX file."),
    ],
)
def test_an_unreadable_file_is_refused_beside_the_field(client, editor, fashion, content, message):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(editor)
    response = client.post(
        url(fashion, "evidence_import"), {"file": SimpleUploadedFile("x.csv", content)}
    )
    assert response.status_code in (200, 400)
    assert not EvidenceUpload.objects.exists()
    if content:
        assert message in response.content.decode()


def test_the_map_shows_figures_on_cards_the_metrics_row_and_felt_vs_measured(client, with_evidence):
    html = client.get(with_evidence.get_absolute_url()).content.decode()
    # The card "Fiche produit" shows its latest figure, against its target in words.
    assert "Taux de rebond <b>39%</b>" in html
    assert "off target" in html
    # The Metrics row gives the stage's figure, and the quote counts.
    assert 'id="metrics_row"' in html
    assert "CSAT <b>3.4/5</b>" in html
    assert "1 quote" in html
    # Under the map: every figure and the quotes.
    section = html.split('id="map_evidence"')[1]
    for words in ("41.5%", "39%", "3.4/5", "Payment failed twice.", "about my points."):
        assert words in section
    # Felt vs measured: the normalisation is said, and disagreeing stages named.
    assert "CSAT 1–5 → −2…+2" in html
    assert "disagree at: Achat" in html


def test_the_card_panel_lists_quotes_newest_first_and_filters_by_sentiment(client, with_evidence):
    card = with_evidence.touchpoints.get(title="Paiement")
    Verbatim.objects.create(
        journey=with_evidence, touchpoint=card, text="Smooth this time.", sentiment=2
    )
    html = client.get(url(with_evidence, "card_evidence", card.pk), **HTMX).content.decode()
    assert_fragment(html)
    # Dated quotes first, newest first.
    assert html.index("Payment failed twice.") < html.index("Smooth this time.")
    filtered = client.get(url(with_evidence, "card_evidence", card.pk) + "?sentiment=2", **HTMX)
    assert "Smooth this time." in filtered.content.decode()
    assert "Payment failed twice." not in filtered.content.decode()
    # Without JavaScript, the filter is a link to the map with the panel open.
    page = client.get(with_evidence.get_absolute_url() + f"?card={card.pk}&sentiment=-2")
    panel = page.content.decode().split('id="card_evidence"')[1].split("</section>")[0]
    assert "Payment failed twice." in panel
    assert "Smooth this time." not in panel


def test_a_quote_turns_into_a_friction_note_that_cites_it(client, with_evidence):
    quote = Verbatim.objects.get(text="Payment failed twice.")
    response = client.post(url(with_evidence, "verbatim_friction", quote.pk), **HTMX)
    assert response.status_code == 200
    note = FrictionNote.objects.get(touchpoint=quote.touchpoint, title="Payment failed twice.")
    assert note.description == "“Payment failed twice.” — Survey, 2026-09-14"
    assert note.severity == "high"
    assert list(quote.cited_by.all()) == [note]
    board = client.get(f"/w/{with_evidence.workspace.slug}/frictions/")
    assert "Payment failed twice." in board.content.decode()


def test_a_stage_quote_becomes_a_note_on_the_card_chosen(client, with_evidence):
    quote = Verbatim.objects.get(text="I didn't know about my points.")
    stage_url = url(with_evidence, "stage_evidence", quote.stage_id)
    assert "I didn&#x27;t know about my points." in client.get(stage_url, **HTMX).content.decode()
    card = with_evidence.touchpoints.get(title="Programme de fidélité")
    client.post(url(with_evidence, "verbatim_friction", quote.pk), {"touchpoint": card.pk})
    assert FrictionNote.objects.filter(touchpoint=card).exists()


@pytest.mark.parametrize("role", ["viewer", "commenter"])
def test_readers_see_evidence_but_cannot_import_or_change_it(client, with_evidence, request, role):
    client.force_login(request.getfixturevalue(role))
    quote = Verbatim.objects.first()
    metric = Metric.objects.first()
    assert "Taux de rebond" in client.get(with_evidence.get_absolute_url()).content.decode()
    assert client.get(url(with_evidence, "evidence_import")).status_code == 403
    assert client.post(url(with_evidence, "verbatim_friction", quote.pk)).status_code == 403
    delete = url(with_evidence, "evidence_delete", "metrics", metric.pk)
    assert client.post(delete).status_code == 403
    assert Metric.objects.filter(pk=metric.pk).exists()
    assert not FrictionNote.objects.filter(title__startswith="Payment").exists()


def test_outsiders_do_not_see_that_evidence_exists(client, with_evidence, outsider):
    client.force_login(outsider)
    quote = Verbatim.objects.first()
    card = quote.touchpoint or with_evidence.touchpoints.first()
    assert client.get(url(with_evidence, "card_evidence", card.pk), **HTMX).status_code == 404
    assert client.get(url(with_evidence, "evidence_import")).status_code == 404
    assert client.post(url(with_evidence, "verbatim_friction", quote.pk)).status_code == 404


def test_editors_delete_evidence(client, with_evidence):
    metric = Metric.objects.filter(touchpoint__isnull=False).first()
    client.post(url(with_evidence, "evidence_delete", "metrics", metric.pk), **HTMX)
    assert not Metric.objects.filter(pk=metric.pk).exists()


def test_cells_redrawn_after_an_edit_or_a_move_keep_their_cards_figures(client, with_evidence):
    """The cells an edit or a move answers with (and pushes) read their cards' metrics with a
    query of their own (maps/evidence_map.py, card_metrics)."""
    card = with_evidence.touchpoints.get(title="Fiche produit")
    other = with_evidence.touchpoints.exclude(pk=card.pk).filter(persona_id=card.persona_id)[0]
    data = {"title": "Fiche produit", "description": "", "emotion": 0, "owner": "", "version": 1}

    edited = client.post(url(with_evidence, "card", card.pk), data, **HTMX).content.decode()
    moved = client.post(
        url(with_evidence, "card_move", card.pk),
        {"stage": other.stage_id, "channel": other.channel_id, "position": 0, "version": 2},
        **HTMX,
    ).content.decode()

    for html in (edited, moved):
        assert "Taux de rebond <b>39%</b>" in html
    # Another card of the cells it now shares has no figure of the card's.
    assert moved.count("Taux de rebond") == 1
