"""The journey as a PowerPoint deck (python-pptx), every word editable.

Per persona: a title slide with the persona, the map slide (the picture export's slide-size
PNG), then one slide per stage with its cards by channel in a native table (emotion in words),
its worst frictions and its figures. A stage with more cards than a slide holds goes on over
more slides ("continued"), so no card is left out.
"""

import io

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Inches, Pt

from journeys.models import Journey
from maps.digest import JourneyDigest, PersonaView, StageView, load_digest
from maps.picture.header import quoted
from maps.picture.layout import SLIDE
from maps.picture.render import render_picture

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
BLANK_LAYOUT = 6
# Rows of the cards table on one slide; more cards continue on the next slide.
CARDS_PER_SLIDE = 12
WORST_FRICTIONS = 5
TEXT = RGBColor(0x1C, 0x22, 0x30)
MUTED = RGBColor(0x5B, 0x64, 0x75)
ACCENT = RGBColor(0x4F, 0x46, 0xE5)


def deck(journey: Journey, persona_key: str | None = None) -> bytes:
    """The deck of every persona of the journey, or of the one keyed `persona_key`."""
    with translation.override(journey.language):
        digest = load_digest(journey, persona_key)
        presentation = Presentation()
        presentation.slide_width, presentation.slide_height = WIDTH, HEIGHT
        presentation.core_properties.title = journey.title
        presentation.core_properties.language = journey.language
        if not digest.personas:
            _title_slide(presentation, digest, None)
        for view in digest.personas:
            _title_slide(presentation, digest, view)
            _map_slide(presentation, journey, view)
            for stage in view.stages:
                _stage_slides(presentation, view, stage)
    output = io.BytesIO()
    presentation.save(output)
    return output.getvalue()


def _slide(presentation):
    return presentation.slides.add_slide(presentation.slide_layouts[BLANK_LAYOUT])


def _text_box(slide, left, top, width, height, paragraphs, *, size=14, bold=False, colour=TEXT):
    """A text box with one paragraph per string, wrapped in its width."""
    frame = slide.shapes.add_textbox(left, top, width, height).text_frame
    frame.word_wrap = True
    for index, text in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = text
        run.font.size, run.font.bold, run.font.color.rgb = Pt(size), bold, colour
    return frame


def _title_slide(presentation, digest: JourneyDigest, view: PersonaView | None) -> None:
    slide = _slide(presentation)
    journey = digest.journey
    content = WIDTH - 2 * MARGIN
    _text_box(slide, MARGIN, Inches(0.5), content, Inches(0.4), [_("Customer journey map").upper()],
              size=12, bold=True, colour=ACCENT)  # fmt: skip
    _text_box(slide, MARGIN, Inches(0.9), content, Inches(1.2), [journey.title], size=36, bold=True)
    if journey.description:
        _text_box(slide, MARGIN, Inches(2.1), content, Inches(0.9), [journey.description],
                  size=16, colour=MUTED)  # fmt: skip
    if view is None:
        return
    persona = view.persona
    who = [persona.role] if persona.role else []
    if persona.age is not None:
        years = ngettext("%(age)d year old", "%(age)d years old", persona.age)
        who.append(years % {"age": persona.age})
    _text_box(slide, MARGIN, Inches(3.2), content, Inches(0.6), [persona.name], size=26, bold=True)
    lines = [" · ".join(who)] if who else []
    if persona.quote:
        lines.append(quoted(persona.quote))
    if lines:
        _text_box(slide, MARGIN, Inches(3.8), content, Inches(0.9), lines, size=16, colour=MUTED)
    facts = [(_("Goals"), persona.goals), (_("Frustrations"), persona.frustrations),
             (_("Needs"), persona.needs)]  # fmt: skip
    column = (content - 2 * Inches(0.3)) // 3
    for index, (label, items) in enumerate(facts):
        left = MARGIN + index * (column + Inches(0.3))
        frame = _text_box(
            slide, left, Inches(4.9), column, Inches(0.4), [label], size=14, bold=True
        )
        for item in items[:5]:
            paragraph = frame.add_paragraph()
            paragraph.text = f"• {item}"
            paragraph.runs[0].font.size = Pt(13)


def _map_slide(presentation, journey: Journey, view: PersonaView) -> None:
    slide = _slide(presentation)
    picture = render_picture(journey, size=SLIDE, persona_key=view.key)
    # The picture is 16:9, as the slide: it fills it.
    slide.shapes.add_picture(io.BytesIO(picture.content), 0, 0, WIDTH, HEIGHT)


def _stage_slides(presentation, view: PersonaView, stage: StageView) -> None:
    rows = [(lane.channel.name, card) for lane in stage.channels for card in lane.touchpoints]
    chunks = [rows[i : i + CARDS_PER_SLIDE] for i in range(0, len(rows), CARDS_PER_SLIDE)] or [[]]
    for index, chunk in enumerate(chunks):
        slide = _slide(presentation)
        title = f"{stage.number}. {stage.stage.name}"
        if index:
            title = _("%(stage)s (continued)") % {"stage": title}
        _text_box(slide, MARGIN, Inches(0.3), Inches(9), Inches(0.8), [title], size=28, bold=True)
        _text_box(slide, Inches(9.8), Inches(0.4), Inches(3), Inches(0.5), [view.persona.name],
                  size=14, colour=MUTED)  # fmt: skip
        _cards_table(slide, chunk)
        if not index:  # the stage's frictions and figures once, beside its first cards
            _friction_box(slide, stage)
            _figures_table(slide, stage)


def _cards_table(slide, rows: list) -> None:
    left, top, width = MARGIN, Inches(1.3), Inches(7.9)
    if not rows:
        _text_box(slide, left, top, width, Inches(0.5), [_("No card at this stage.")], colour=MUTED)
        return
    shape = slide.shapes.add_table(
        len(rows) + 1, 3, left, top, width, Inches(0.4) * (len(rows) + 1)
    )
    table = shape.table
    for column, size in enumerate((Inches(2.0), Inches(4.1), Inches(1.8))):
        table.columns[column].width = size
    for column, label in enumerate((_("Channel"), _("Card"), _("Emotion"))):
        _cell(table.cell(0, column), label, bold=True)
    for row, (channel, card) in enumerate(rows, start=1):
        _cell(table.cell(row, 0), channel)
        _cell(table.cell(row, 1), card.title)
        _cell(table.cell(row, 2), card.emotion_label)


def _cell(cell, text: str, *, bold: bool = False, size: int = 12) -> None:
    # A new table's cell holds one empty paragraph: a run is added to it rather than the text
    # set through `cell.text`, which clears the cell first (a third of a 400-card deck's time).
    run = cell.text_frame.paragraphs[0].add_run()
    run.text = text
    run.font.size = Pt(size)
    if bold:
        run.font.bold = True


def _friction_box(slide, stage: StageView) -> None:
    worst = stage.worst_frictions(WORST_FRICTIONS)
    lines = [f"{note.get_severity_display()} — {note.title}" for note in worst]
    heading = [_("Worst frictions")]
    frame = _text_box(slide, Inches(8.8), Inches(1.3), Inches(4), Inches(0.4), heading, size=16,
                      bold=True)  # fmt: skip
    for line in lines or [_("No unresolved friction.")]:
        paragraph = frame.add_paragraph()
        paragraph.text = line
        paragraph.runs[0].font.size = Pt(13)


def _figures_table(slide, stage: StageView) -> None:
    figures = stage.figures
    top = Inches(4.6)
    _text_box(slide, Inches(8.8), top, Inches(4), Inches(0.4), [_("Figures")], size=16, bold=True)
    shape = slide.shapes.add_table(len(figures), 2, Inches(8.8), top + Inches(0.5), Inches(4),
                                   Inches(0.35) * len(figures))  # fmt: skip
    table = shape.table
    table.first_row = False  # label and value rows, no header
    table.columns[0].width, table.columns[1].width = Inches(2.2), Inches(1.8)
    for row, figure in enumerate(figures):
        _cell(table.cell(row, 0), figure.label)
        _cell(table.cell(row, 1), figure.value, bold=True)
