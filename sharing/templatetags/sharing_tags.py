"""`{% load sharing_tags %}`: the read-only cards of a shared map."""

from django import template
from django.utils.translation import gettext as _

from sharing.cards import readonly_card

register = template.Library()


@register.simple_tag(takes_context=True)
def shared_card(context, touchpoint) -> str:
    # The views translate the label once per page rather than once per card.
    label = context.get("owner_label") or _("Owner team:")
    return readonly_card(touchpoint, context["journey"].language, label)


@register.filter
def comment_author(comment) -> str:
    """Who wrote a comment, by name only: never an address, not even its local part (which
    `display_name` falls back to), since a visitor of a share link sees it too."""
    if comment.author_id and comment.author.name:
        return comment.author.name
    return comment.author_name or _("A team member")
