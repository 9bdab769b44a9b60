"""The evidence on the map page as HTML built in Python, like the cards
(maps/touchpoint_html.py says why): the Metrics row under the curve and the figures and quotes
listed under the map. Through the template engine and `format_html` they cost 8.6 ms of
processor time with 2,000 metrics and 2,000 quotes, now 1.7 (bench/evidence.py): each value is
escaped with the standard library's `html.escape` (what `django.utils.html.escape` calls), and
what every row repeats (words, links, the language) is prepared once per page.
"""

from functools import cached_property, lru_cache
from html import escape
from urllib.parse import quote as url_quote

from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from core.templatetags.parcours import emotion_chip
from core.urls import fill, url_template
from evidence.models import Sentiment, figure_text
from maps.touchpoint_html import metric_chip, quotes_chip
from touchpoints.models import EMOTION_EMOJI


def target_word(metric, words: dict) -> SafeString:
    """Against the target: an icon and a word, never colour alone."""
    met = metric.on_target
    if met is None:
        return SafeString("")
    return mark_safe(  # safe: fixed markup and a translated word, escaped
        f'<span class="target-word" data-target="{"met" if met else "missed"}">'
        f'<span aria-hidden="true">{"✓" if met else "✗"}</span> '
        f"{escape(words['on_target'] if met else words['off_target'])}</span>"
    )


@lru_cache(maxsize=64)
def _sentiment_chip(sentiment: int | None, language: str | None) -> SafeString:
    if sentiment is None:
        unknown = gettext("Sentiment unknown")  # outside the f-string, where makemessages sees it
        return mark_safe(
            '<span class="chip chip--sentiment"><span aria-hidden="true">?</span> '
            f"{escape(unknown)}</span>"
        )
    return emotion_chip(sentiment, Sentiment(sentiment).label, EMOTION_EMOJI[sentiment])


def sentiment_chip(quote) -> SafeString:
    """How the customer felt (icon and word); cached per sentiment and language."""
    return _sentiment_chip(quote.sentiment, get_language())


class EvidenceHtml:
    """The map's evidence for one response: its persona, language and words."""

    def __init__(self, context):
        """`context`: the map page's (maps.responses.map_context)."""
        journey = context["journey"]
        self.persona_key = context["persona_key"]
        self.language = escape(journey.language)
        self.words = context["labels"]
        self.can_edit = context["can_edit"]
        self.card_link = escape(f"?{urlencode({'persona': self.persona_key, 'card': ''})}")
        self.speaks = get_language()
        self.journey_args = (context["workspace"].slug, journey.pk)

    @cached_property
    def stage_url(self) -> str:
        return url_template("journeys:stage_evidence", *self.journey_args)

    def _card(self, card_id: int, title: str) -> str:
        return f'<a href="{self.card_link}{card_id}">{escape(title)}</a>'

    def metric_rows(self, rows) -> SafeString:
        """`rows`: (stage evidence, figure) pairs, maps.evidence_map.MapEvidence.listed_metrics."""
        language, words, speaks = self.language, self.words, self.speaks
        html = []
        for stage, metric in rows:
            card = (
                self._card(metric.touchpoint_id, metric.card_title) if metric.touchpoint_id else "—"
            )
            value = figure_text(metric.value, metric.unit, speaks)
            target = metric.target
            target = "" if target is None else figure_text(target, metric.unit, speaks)
            html.append(
                f'<tr><td lang="{language}">{escape(stage.stage.name)}</td>'
                f'<td lang="{language}">{card}</td><td>{escape(str(metric.label))}</td>'
                f"<td><b>{escape(value)}</b></td>"
                f"<td>{escape(target)} {target_word(metric, words)}</td>"
                f"<td>{escape(metric.period)}</td><td>{escape(metric.source)}</td></tr>"
            )
        return mark_safe("".join(html))  # safe: every value is escaped above

    def quote_items(self, quotes) -> SafeString:
        """`quotes`: maps.evidence_map.ListedQuote, newest first."""
        language = self.language
        html = []
        for quote in quotes:
            where = (
                self._card(quote.touchpoint_id, quote.card_title)
                if quote.touchpoint_id
                else escape(quote.stage_name)
            )
            when = (
                f'<time datetime="{quote.date.isoformat()}">'
                f"{escape(date_format(quote.date, 'SHORT_DATE_FORMAT'))}</time>"
                if quote.date
                else ""
            )
            html.append(
                f'<li class="quote"><blockquote lang="{language}"><p>{escape(quote.text)}</p>'
                f'</blockquote><p class="quote-meta">{sentiment_chip(quote)}'
                f'<span lang="{language}">{where}</span><span>{escape(quote.source)}</span>'
                f"{when}</p></li>"
            )
        return mark_safe("".join(html))  # safe: every value is escaped above

    def metrics_row(self, evidence) -> SafeString:
        """The Metrics row under the summary: each stage's key figures and quotes, its step of
        the funnel, and a link to its evidence in the panel."""
        persona = escape(url_quote(self.persona_key, safe="/"))
        more = gettext('Evidence<span class="visually-hidden"> of %(stage)s</span>')
        funnel = evidence.has_funnel
        cells = []
        for stage_evidence in evidence.stages:
            stage = stage_evidence.stage
            figures = stage_evidence.key_figures
            chips = (
                '<ul class="key-figures" role="list">'
                + "".join(f"<li>{metric_chip(m, self.words, self.speaks)}</li>" for m in figures)
                + "</ul>"
                if figures
                else ""
            )
            quotes = quotes_chip(stage_evidence.quote_count) if stage_evidence.quote_count else ""
            step = funnel_step(stage_evidence.funnel, self.speaks) if funnel else ""
            link = (
                f'<a class="evidence-more" href="?persona={persona}&amp;stage={stage.pk}" '
                f'hx-get="{escape(fill(self.stage_url, stage.pk))}?persona={persona}" '
                f'hx-target="#card_panel" hx-push-url="false">'
                f'{more % {"stage": escape(stage.name)}} <span aria-hidden="true">›</span></a>'
            )
            # Spaced as the template was: the chips sit side by side in the line.
            cells.append(
                f"<td> {' '.join(part for part in (chips, quotes, step, link) if part)} </td>"
            )
        filler = '<td class="map-filler"></td>' if self.can_edit else ""
        metrics, measured = gettext("Metrics"), gettext("measured")
        return mark_safe(  # safe: every value is escaped above
            '<tr id="metrics_row" class="metrics-row"><th scope="row" class="lane lane--summary">'
            f'{escape(metrics)}<span class="lane-hint">{escape(measured)}'
            f"</span></th> {' '.join(cells)} {filler}</tr>"
        )


def _percent(value: float, language: str | None) -> str:
    # French sets a share's sign apart ("60 %"), English does not ("60%").
    sign = "\u00a0%" if (language or "").startswith("fr") else "%"
    return f"{figure_text(value, '', language)}{sign}"


def funnel_step(step, language: str | None) -> str:
    """The stage's place in the funnel (maps.evidence_map.FunnelStep): a bar as wide as the
    share of customers still there, with that share and the drop-off past the stage written."""
    if step is None:
        return ""
    if step.going_on is None:
        unmeasured = gettext("drop-off not measured")
        going = f'<span class="funnel-drop muted">{escape(unmeasured)}</span>'
    else:
        dropping = gettext("%(share)s drop off") % {"share": _percent(step.drop_off, language)}
        going = (
            f'<span class="funnel-drop"><span aria-hidden="true">↘</span> {escape(dropping)}</span>'
        )
    here = gettext("%(share)s still here") % {"share": _percent(step.reach_percent, language)}
    return (
        f'<div class="funnel" style="--reach: {step.width}%"><span class="funnel-bar" '
        f'aria-hidden="true"></span><span class="funnel-text">{escape(here)}</span>{going}</div>'
    )
