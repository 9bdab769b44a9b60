"""The journey as a PowerPoint deck (python-pptx), every word editable.

Per persona: a title slide with the persona, the map slide (the picture export's slide-size
PNG), then one slide per stage with its cards by channel in a native table (emotion in words),
its worst frictions and its figures. A stage with more cards than a slide holds goes on over
more slides ("continued"), so no card is left out.
"""

import io
import re

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from journeys.models import Journey
from maps.digest import JourneyDigest, PersonaView, StageView, load_digest
from maps.picture.header import quoted
from maps.picture.layout import SLIDE
from maps.picture.render import render_picture

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
BLANK_LAYOUT = 6
# The cards table: its columns, and the height it may take on a slide, in inches; cards that do
# not fit continue on the next slide. A row's height is estimated from its title's length, at
# about 60 characters a line of the title column at 11 pt (python-pptx cannot measure text).
COLUMNS = (1.8, 4.7, 1.4)
TABLE_TOP, TABLE_ROOM = 1.3, 5.8
ROW_PADDING, LINE_HEIGHT, CHARACTERS_PER_LINE = 0.12, 0.2, 60
CARD_SIZE = 11
# Control characters XML cannot hold (a title pasted from elsewhere may carry one).
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
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
    chunks = _fitting(rows)
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


def _row_height(text: str) -> float:
    lines = max(1, -(-len(text) // CHARACTERS_PER_LINE))  # ceiling division
    return ROW_PADDING + LINE_HEIGHT * lines


def _fitting(rows: list) -> list[list]:
    """The rows in slides' worth: as many as the table's room holds, at least one a slide."""
    chunks, chunk, used = [], [], _row_height("")  # the header row
    for row in rows:
        height = _row_height(row[1].title)
        if chunk and used + height > TABLE_ROOM:
            chunks.append(chunk)
            chunk, used = [], _row_height("")
        chunk.append(row)
        used += height
    return [*chunks, chunk] if chunk or not chunks else chunks


def _cards_table(slide, rows: list) -> None:
    left, top, width = MARGIN, Inches(TABLE_TOP), Inches(sum(COLUMNS))
    if not rows:
        _text_box(slide, left, top, width, Inches(0.5), [_("No card at this stage.")], colour=MUTED)
        return
    shape = slide.shapes.add_table(
        len(rows) + 1, 3, left, top, width, Inches(_row_height("")) * (len(rows) + 1)
    )
    for column, size in enumerate(COLUMNS):
        shape.table.columns[column].width = Inches(size)
    # Row by row through the table's XML (`_tbl`): `table.cell(row, column)` looks its row up
    # among all the others each time.
    header, *lines = shape.table._tbl.tr_lst
    for tc, label in zip(header.tc_lst, (_("Channel"), _("Card"), _("Emotion")), strict=True):
        _cell(tc, label, bold=True, size=CARD_SIZE)
    for tr, (channel, card) in zip(lines, rows, strict=True):
        tr.h = Inches(_row_height(card.title))
        for tc, text in zip(tr.tc_lst, (channel, card.title, card.emotion_label), strict=True):
            _cell(tc, text, size=CARD_SIZE)


def _cell(tc, text: str, *, bold: bool = False, size: int = 12) -> None:
    """The text of the table cell `tc` (its XML element) as one run, written into its empty
    paragraph: through python-pptx's text API the cells were two thirds of a 400-card deck's
    slide building."""
    run = etree.SubElement(tc.txBody.p_lst[0], qn("a:r"))
    properties = etree.SubElement(run, qn("a:rPr"), sz=str(size * 100))
    if bold:
        properties.set("b", "1")
    etree.SubElement(run, qn("a:t")).text = NOT_IN_XML.sub("", text)


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
    top = Inches(3.8)
    _text_box(slide, Inches(8.8), top, Inches(4), Inches(0.4), [_("Figures")], size=16, bold=True)
    shape = slide.shapes.add_table(len(figures), 2, Inches(8.8), top + Inches(0.5), Inches(4),
                                   Inches(0.35) * len(figures))  # fmt: skip
    table = shape.table
    table.first_row = False  # label and value rows, no header
    table.columns[0].width, table.columns[1].width = Inches(2.2), Inches(1.8)
    for tr, figure in zip(table._tbl.tr_lst, figures, strict=True):
        label, value = tr.tc_lst
        _cell(label, figure.label)
        _cell(value, figure.value, bold=True)
