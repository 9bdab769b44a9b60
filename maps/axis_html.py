"""The map's stage and channel headers, with their menus, as HTML.

Through the template engine the 16 headers of an 8 × 8 map, each with its menu of three URLs
and two forms, cost as much as the 200 cards of a 400-card map: about a third of the page. Here
the six URLs are reversed once per response (core/urls.py) and the words translated once. The
editor and the delete confirmation of a header stay partials of templates/journeys/map.html.
"""

from functools import cached_property
from html import escape

from django.template.defaulttags import CsrfTokenNode
from django.utils.translation import gettext

from core.urls import fill, url_template
from journeys.models import Channel, Stage

GRIP = '<span class="grip" aria-hidden="true" title="{}">⠿</span>\n      '


class AxisHtml:
    """The headers of one map, for one response (one language, one role)."""

    def __init__(self, slug: str, journey_pk: int, language: str):
        self.slug = slug
        self.journey_pk = journey_pk
        self.language = escape(language)

    @cached_property
    def urls(self) -> dict[tuple[str, str], str]:
        return {
            (kind, action): escape(
                url_template(f"journeys:{kind}_{action}", self.slug, self.journey_pk)
            )
            for kind in ("stage", "channel")
            for action in ("edit", "move", "delete")
        }

    @cached_property
    def words(self) -> dict[str, str]:
        return {
            key: escape(word)
            for key, word in {
                "grip": gettext("Drag to reorder"),
                "edit": gettext("Rename or describe…"),
                "delete": gettext("Delete…"),
                "stage_earlier": gettext("Move left"),
                "stage_later": gettext("Move right"),
                "channel_earlier": gettext("Move up"),
                "channel_later": gettext("Move down"),
            }.items()
        }

    def header(self, part: Stage | Channel, context) -> str:
        """A stage's column header or a channel's lane header; with its grip and menu when
        `context` says the user may edit."""
        pk, language = part.pk, self.language
        editable = context["can_edit"]
        grip = GRIP.format(self.words["grip"]) if editable else ""
        menu = self.menu(part, context) if editable else ""
        name = escape(part.name)
        if isinstance(part, Channel):
            return (
                f'<th scope="row" class="lane" id="channel_header-{pk}" data-id="{pk}" '
                f'data-version="{part.version}">\n    <div class="axis-head">\n      {grip}'
                f'<span class="lane-emoji" aria-hidden="true">{escape(part.emoji)}</span>\n      '
                f'<span class="lane-name" lang="{language}">{name}</span>\n      {menu}\n'
                "    </div>\n  </th>"
            )
        description = (
            f'<span class="stage-description" lang="{language}">{escape(part.description)}</span>'
            if part.description
            else ""
        )
        return (
            f'<th scope="col" class="stage" id="stage_header-{pk}" data-id="{pk}" '
            f'data-version="{part.version}">\n    <div class="axis-head">\n      {grip}'
            f'<span class="stage-step" aria-hidden="true">{part.position + 1}</span>\n      '
            f'<span class="stage-name" lang="{language}">{name}</span>\n      {menu}\n'
            f"    </div>\n    {description}\n  </th>"
        )

    def menu(self, part: Stage | Channel, context) -> str:
        kind = "channel" if isinstance(part, Channel) else "stage"
        pk, words, position = part.pk, self.words, part.position
        edit, move, delete = (
            fill(self.urls[kind, action], pk) for action in ("edit", "move", "delete")
        )
        target = f"#{kind}_header-{pk}"
        csrf = CsrfTokenNode().render(context)
        actions = escape(gettext("Actions for %(name)s") % {"name": part.name})
        disabled = " disabled" if position == 0 else ""
        return (
            f'<details class="menu axis-menu">\n      <summary aria-label="{actions}">'
            '<span aria-hidden="true">⋯</span></summary>\n      <div class="menu-panel">\n        '
            f'<a class="menu-item" href="{edit}" hx-get="{edit}" hx-target="{target}" '
            f'hx-swap="outerHTML">{words["edit"]}</a>\n        '
            f'<form method="post" action="{move}" hx-post="{move}" hx-target="#map_grid" '
            f'hx-swap="outerHTML">\n          {csrf}<input type="hidden" name="version" '
            f'value="{part.version}">\n          <button type="submit" class="menu-item" '
            f'name="position" value="{position - 1}"{disabled}>{words[kind + "_earlier"]}</button>'
            f'\n          <button type="submit" class="menu-item" name="position" '
            f'value="{position + 1}">{words[kind + "_later"]}</button>\n        </form>\n        '
            f'<form method="post" action="{delete}" hx-post="{delete}" hx-target="{target}" '
            f'hx-swap="outerHTML">\n          {csrf}\n          <button type="submit" '
            f'class="menu-item menu-item--danger">{words["delete"]}</button>\n        </form>\n'
            "      </div>\n    </details>"
        )
