"""The PDF documents of a journey: the full map alone, and the journey report (per persona a
card page, the map and its cards stage by stage; then every friction note by severity), all
vector, text selectable.

Pages are SVG like the picture export, drawn with its primitives (`picture.canvas`) and its text
measures (`picture.text`), so the map page is the very picture the PNG export shows. The report
shows the slide-size map, which an A4 page can print legibly, and lists every card in words
after it; the full map, as large as its cards need, is a PDF of its own.
"""

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from journeys.models import Journey
from maps.digest import JourneyDigest, PersonaView, load_digest
from maps.documents.pdf import pdf_pages
from maps.picture import canvas
from maps.picture.canvas import ACCENT, TEXT, TEXT_MUTED
from maps.picture.header import quoted
from maps.picture.layout import FULL, SLIDE, compose
from maps.picture.scene import load_scene
from maps.picture.text import Style, ellipsize, wrap

# A4 landscape, in CSS pixels (96 per inch).
WIDTH, HEIGHT = 1123, 794
MARGIN = 56
OVERLINE = Style(12, 700)
TITLE = Style(32, 700)
HEADING = Style(22, 700)
SUBHEADING = Style(16, 600)
BODY = Style(13)
BODY_BOLD = Style(13, 600)
SMALL = Style(11)
LINE = 19


def map_pdf(journey: Journey, persona_key: str = "") -> bytes:
    """The full map of one persona (or every persona compared, "all") as a one-page PDF."""
    with translation.override(journey.language):
        svg = compose(load_scene(journey, persona_key), FULL)
    return pdf_pages([svg], title=journey.title)


def report_pdf(journey: Journey, persona_key: str | None = None) -> bytes:
    """The journey report: every persona of the journey, or the one keyed `persona_key`."""
    with translation.override(journey.language):
        digest = load_digest(journey, persona_key)
        pages = []
        for view in digest.personas:
            pages.append(_persona_page(digest, view))
            pages.append(compose(load_scene(journey, view.key), SLIDE))
            pages.extend(_stage_pages(view))
        if not digest.personas:
            pages.append(_cover_only(digest))
        pages.extend(_friction_pages(digest))
    # Every page as wide as A4 landscape: the map's slide is scaled down to it.
    return pdf_pages(pages, title=journey.title, width=WIDTH)


class Page:
    """An A4 page being written from the top; `full` when the next block would not fit."""

    def __init__(self, overline: str):
        self.parts = [canvas.text(MARGIN, MARGIN, overline.upper(), OVERLINE, ACCENT)]
        self.y = MARGIN + 24

    def add(self, markup: str, height: float) -> None:
        self.parts.append(markup)
        self.y += height

    def fits(self, height: float) -> bool:
        return self.y + height <= HEIGHT - MARGIN

    def svg(self) -> str:
        return canvas.document(WIDTH, HEIGHT, "", "".join(self.parts))


def _paragraph(
    page: Page, x: float, text: str, style: Style, width: float, max_lines: int, fill: str = TEXT
) -> None:
    lines = wrap(text, width, style, max_lines)
    height = max(LINE, round(style.size * 1.3))
    page.add(canvas.lines(x, page.y + style.size, lines, style, height, fill), len(lines) * height)


def _title(page: Page, digest: JourneyDigest) -> None:
    journey = digest.journey
    _paragraph(page, MARGIN, journey.title, TITLE, WIDTH - 2 * MARGIN, 2)
    page.y += 14
    if journey.description:
        _paragraph(page, MARGIN, journey.description, BODY, WIDTH - 2 * MARGIN, 3, TEXT_MUTED)
    page.y += 18


def _cover_only(digest: JourneyDigest) -> str:
    page = Page(_("Journey report"))
    _title(page, digest)
    _paragraph(page, MARGIN, _("This journey has no persona yet."), BODY, 600, 1)
    return page.svg()


def _persona_page(digest: JourneyDigest, view: PersonaView) -> str:
    page = Page(_("Journey report"))
    _title(page, digest)
    persona = view.persona
    size, x = 88, MARGIN
    top = page.y
    page.add(canvas.rect(x, top, WIDTH - 2 * MARGIN, 1, canvas.BORDER), 22)
    cx, cy = x + size / 2, page.y + size / 2
    page.parts.append(canvas.circle(cx, cy, size / 2, persona.colour or ACCENT))
    page.parts.append(
        canvas.text(cx, cy + 11, persona.initials, Style(30, 700), "#ffffff", anchor="middle")
    )
    left, room = x + size + 24, WIDTH - 2 * MARGIN - size - 24
    page.parts.append(
        canvas.text(left, page.y + 22, ellipsize(persona.name, room, HEADING), HEADING)
    )
    who = [persona.role] if persona.role else []
    if persona.age is not None:
        who.append(
            ngettext("%(age)d year old", "%(age)d years old", persona.age) % {"age": persona.age}
        )
    page.y += 34
    if who:
        _paragraph(page, left, " · ".join(who), BODY, room, 1, TEXT_MUTED)
    if persona.quote:
        _paragraph(page, left, quoted(persona.quote), Style(14), room, 3)
    page.y = max(page.y, cy + size / 2) + 26
    columns = [(_("Goals"), persona.goals), (_("Frustrations"), persona.frustrations),
               (_("Needs"), persona.needs)]  # fmt: skip
    column_width = (WIDTH - 2 * MARGIN - 2 * 32) / 3
    column_top, bottom = page.y, page.y
    for index, (label, items) in enumerate(columns):
        page.y = column_top
        cx = MARGIN + index * (column_width + 32)
        page.add(canvas.text(cx, page.y + 16, label, SUBHEADING), 30)
        for item in items[:6] or ["—"]:
            lines = wrap(item, column_width - 16, BODY, 3)
            page.parts.append(canvas.text(cx, page.y + BODY.size, "•", BODY, ACCENT))
            page.add(
                canvas.lines(cx + 14, page.y + BODY.size, lines, BODY, LINE), len(lines) * LINE + 6
            )
        bottom = max(bottom, page.y)
    page.y = bottom + 24
    page.add(canvas.text(MARGIN, page.y + 16, _("In figures"), SUBHEADING), 32)
    cards = sum(len(stage.touchpoints) for stage in view.stages)
    unresolved = sum(len(stage.unresolved) for stage in view.stages)
    figures = [
        (_("Stages"), len(view.stages)),
        (_("Cards"), cards),
        (_("Unresolved frictions"), unresolved),
    ]
    for index, (label, value) in enumerate(figures):
        fx = MARGIN + index * 200
        page.parts.append(canvas.text(fx, page.y + 26, str(value), Style(28, 700), ACCENT))
        page.parts.append(canvas.text(fx, page.y + 48, label, BODY, TEXT_MUTED))
    page.y += 76
    _stage_table(page, view)
    return page.svg()


def _stage_table(page: Page, view: PersonaView) -> None:
    """Stage by stage: cards, average emotion in words, unresolved frictions; as many stages
    as the page holds (the text version and the deck have them all)."""
    columns = [(_("Stage"), 0), (_("Cards"), 420), (_("Average emotion"), 560),
               (_("Unresolved frictions"), 800)]  # fmt: skip
    for label, dx in columns:
        page.parts.append(canvas.text(MARGIN + dx, page.y + 14, label, BODY_BOLD, TEXT_MUTED))
    page.add(canvas.rect(MARGIN, page.y + 22, WIDTH - 2 * MARGIN, 1, canvas.BORDER), 26)
    for stage in view.stages:
        if not page.fits(LINE + 4):
            break
        emotion = stage.emotion_words or "—"
        cells = [f"{stage.number}. {stage.stage.name}", str(len(stage.touchpoints)), emotion,
                 str(len(stage.unresolved))]  # fmt: skip
        for (_label, dx), value in zip(columns, cells, strict=True):
            page.parts.append(
                canvas.text(MARGIN + dx, page.y + 14, ellipsize(value, 380, BODY), BODY)
            )
        page.y += LINE + 4


def _stage_pages(view: PersonaView) -> list[str]:
    """Every card of the persona, stage by stage and channel by channel, emotion in words."""
    title = _("%(persona)s, stage by stage") % {"persona": view.persona.name}
    page = Page(title)
    pages = [page]
    for stage in view.stages:
        rows = [(lane.channel.name, card) for lane in stage.channels for card in lane.touchpoints]
        if not page.fits(40 + LINE * min(len(rows), 2)):
            page = Page(title)
            pages.append(page)
        heading = f"{stage.number}. {stage.stage.name}"
        figures = " · ".join(f"{figure.label}: {figure.value}" for figure in stage.figures)
        page.add(
            canvas.text(MARGIN, page.y + 20, ellipsize(heading, 560, SUBHEADING), SUBHEADING), 0
        )
        page.add(
            canvas.text(WIDTH - MARGIN, page.y + 20, figures, SMALL, TEXT_MUTED, anchor="end"), 34
        )
        if not rows:
            page.add(
                canvas.text(
                    MARGIN + 20, page.y + 12, _("No card at this stage."), BODY, TEXT_MUTED
                ),
                LINE + 10,
            )
        for channel, card in rows:
            lines = wrap(card.title, 600, BODY, 3)
            if not page.fits(len(lines) * LINE):
                page = Page(title)
                pages.append(page)
            y = page.y + BODY.size
            page.parts.append(
                canvas.text(MARGIN + 20, y, ellipsize(channel, 190, BODY), BODY, TEXT_MUTED)
            )
            page.parts.append(canvas.lines(MARGIN + 220, y, lines, BODY, LINE))
            page.parts.append(canvas.text(MARGIN + 840, y, card.emotion_label, BODY))
            page.y += len(lines) * LINE + 2
        page.y += 12
    return [page.svg() for page in pages]


def _friction_pages(digest: JourneyDigest) -> list[str]:
    """Every friction note, critical first; a note is never cut across two pages."""
    title = _("Frictions by severity")
    page = Page(title)
    page.add(canvas.text(MARGIN, page.y + 24, title, HEADING), 44)
    pages = [page]
    groups = digest.frictions_by_severity()
    if not groups:
        _paragraph(page, MARGIN, _("No friction noted in this journey."), BODY, 600, 1)
    width = WIDTH - 2 * MARGIN - 28
    for severity, notes in groups:
        heading = f"{severity.label} ({len(notes)})"
        for index, note in enumerate(notes):
            card = note.touchpoint
            where = " · ".join([card.stage.name, card.channel.name, f"“{card.title}”",
                                str(note.get_status_display())])  # fmt: skip
            if len(digest.personas) > 1:
                where += f" · {_persona_name(digest, card.persona_id)}"
            description = wrap(note.description, width, BODY, 4) if note.description else []
            height = 26 + LINE + len(description) * LINE + 14 + (40 if index == 0 else 0)
            if not page.fits(height):
                page = Page(title)
                pages.append(page)
            if index == 0 or page.y == MARGIN + 24:
                canvas_icon = canvas.severity_icon(severity, MARGIN, page.y + 8, 18)
                page.parts.append(canvas_icon)
                page.add(canvas.text(MARGIN + 28, page.y + 23, heading, SUBHEADING), 40)
            x = MARGIN + 28
            page.add(
                canvas.text(x, page.y + 14, ellipsize(note.title, width, BODY_BOLD), BODY_BOLD), 22
            )
            page.add(
                canvas.text(x, page.y + 12, ellipsize(where, width, SMALL), SMALL, TEXT_MUTED),
                LINE + 2,
            )
            if description:
                page.add(
                    canvas.lines(x, page.y + BODY.size, description, BODY, LINE),
                    len(description) * LINE,
                )
            page.y += 14
    return [page.svg() for page in pages]


def _persona_name(digest: JourneyDigest, persona_id: int) -> str:
    return next(
        v.persona.name for v in digest.personas if v.journey_persona.persona_id == persona_id
    )
