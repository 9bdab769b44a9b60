"""A journey's activity as sentences people read: "Marie moved the card “Checkout”".

Each verb × kind of object has a whole sentence of its own to translate, because word order,
articles and agreement change between languages ("a déplacé la carte", "a résolu la friction",
"a supprimé l'étape"); gluing a translated verb to a translated noun reads wrong in French.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.core.paginator import Page, Paginator
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import localdate
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from journeys.models import Activity, Journey

PER_PAGE = 30
Verb = Activity.Verb

# (verb, object type: the model's `_meta.model_name`, as Activity.record writes it) → sentence.
SENTENCES = {
    (Verb.CREATED, "journey"): _("%(actor)s created the journey “%(label)s”"),
    (Verb.IMPORTED, "journey"): _("%(actor)s imported the journey “%(label)s”"),
    (Verb.UPDATED, "journey"): _("%(actor)s updated the journey “%(label)s”"),
    (Verb.DELETED, "journey"): _("%(actor)s moved the journey “%(label)s” to the trash"),
    (Verb.RESTORED, "journey"): _("%(actor)s restored the journey “%(label)s” from the trash"),
    (Verb.DUPLICATED, "journey"): _("%(actor)s made this journey as a copy of “%(label)s”"),
    (Verb.CREATED, "stage"): _("%(actor)s added the stage “%(label)s”"),
    (Verb.UPDATED, "stage"): _("%(actor)s edited the stage “%(label)s”"),
    (Verb.MOVED, "stage"): _("%(actor)s moved the stage “%(label)s”"),
    (Verb.DELETED, "stage"): _("%(actor)s deleted the stage “%(label)s”"),
    (Verb.CREATED, "channel"): _("%(actor)s added the channel “%(label)s”"),
    (Verb.UPDATED, "channel"): _("%(actor)s edited the channel “%(label)s”"),
    (Verb.MOVED, "channel"): _("%(actor)s moved the channel “%(label)s”"),
    (Verb.DELETED, "channel"): _("%(actor)s deleted the channel “%(label)s”"),
    (Verb.CREATED, "touchpoint"): _("%(actor)s added the card “%(label)s”"),
    (Verb.UPDATED, "touchpoint"): _("%(actor)s edited the card “%(label)s”"),
    (Verb.MOVED, "touchpoint"): _("%(actor)s moved the card “%(label)s”"),
    (Verb.DELETED, "touchpoint"): _("%(actor)s deleted the card “%(label)s”"),
    (Verb.CREATED, "frictionnote"): _("%(actor)s noted the friction “%(label)s”"),
    (Verb.UPDATED, "frictionnote"): _("%(actor)s edited the friction “%(label)s”"),
    (Verb.DELETED, "frictionnote"): _("%(actor)s deleted the friction “%(label)s”"),
    (Verb.RESOLVED, "frictionnote"): _("%(actor)s resolved the friction “%(label)s”"),
    (Verb.REOPENED, "frictionnote"): _("%(actor)s reopened the friction “%(label)s”"),
    (Verb.COMMENTED, "frictionnote"): _("%(actor)s commented on the friction “%(label)s”"),
    (Verb.CREATED, "journeypersona"): _("%(actor)s added the persona “%(label)s”"),
    (Verb.DELETED, "journeypersona"): _("%(actor)s removed the persona “%(label)s”"),
}
# A pair without its own sentence (a verb added later) still reads, if less smoothly.
FALLBACK = _("%(actor)s: %(verb)s “%(label)s”")

ICONS = {
    Verb.CREATED: "+",
    Verb.IMPORTED: "⤓",
    Verb.UPDATED: "✎",
    Verb.MOVED: "⇄",
    Verb.DELETED: "🗑",
    Verb.COMMENTED: "💬",
    Verb.RESOLVED: "✓",
    Verb.REOPENED: "↺",
}


@dataclass
class Entry:
    sentence: SafeString
    verb: str
    icon: str
    at: datetime
    day: date


def sentence(activity: Activity, journey: Journey, url: str = "") -> SafeString:
    """The activity in the current language, with the actor and the label escaped; the label
    links to `url` when there is one."""
    actor = activity.actor.display_name if activity.actor else gettext("Someone")
    label = activity.object_label
    if activity.object_type == "journeypersona":
        # A journey-persona link is labelled "<journey> · <persona>": the feed is the journey's.
        label = label.removeprefix(f"{journey.title} · ")
    template = SENTENCES.get((activity.verb, activity.object_type), FALLBACK)
    return mark_safe(
        conditional_escape(str(template))
        % {
            "actor": format_html('<strong class="activity-actor">{}</strong>', actor),
            # The label is in the journey's language, the sentence in the reader's.
            "label": format_html(
                '<a class="activity-label" href="{}" lang="{}">{}</a>', url, journey.language, label
            )
            if url
            else format_html(
                '<span class="activity-label" lang="{}">{}</span>', journey.language, label
            ),
            "verb": conditional_escape(activity.get_verb_display()),
        }
    )


def _entry(activity: Activity, journey: Journey, map_url: str) -> Entry:
    # A card still on the map opens there (the map ignores a card deleted since).
    on_map = activity.object_type == "touchpoint" and activity.verb != Verb.DELETED
    url = f"{map_url}?card={activity.object_id}" if on_map else ""
    return Entry(
        sentence=sentence(activity, journey, url),
        verb=activity.verb,
        icon=ICONS.get(activity.verb, "•"),
        at=activity.created_at,
        day=localdate(activity.created_at),
    )


def feed_page(journey: Journey, number) -> Page:
    """One page of the journey's activity, newest first, as entries: two queries (the count
    and the page, with each actor joined)."""
    activities = journey.activities.select_related("actor").order_by("-created_at", "-pk")
    page = Paginator(activities, PER_PAGE).get_page(number)
    map_url = reverse("journeys:detail", args=[journey.workspace.slug, journey.pk])
    page.object_list = [_entry(activity, journey, map_url) for activity in page.object_list]
    return page
