"""Evidence on a map: what customers measurably did (metrics) and said (verbatims).

Both sit on a stage or on a touchpoint (exactly one), optionally for one persona. A row is the
same evidence as another when the issue's identity says so (a metric: its target, kind, period
and source; a verbatim: its target, text, date and source); `identity` is that tuple hashed,
unique per journey, so re-importing a file creates nothing twice. A hash rather than a unique
index over the columns because the targets and persona are NULL-able (NULLs never collide in a
unique index) and a quote's text is too long for a B-tree index.
"""

import hashlib
from datetime import date, timedelta
from functools import lru_cache

from django.conf import settings
from django.db import models, transaction
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.text import Truncator
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from core.text import folded
from journeys.models import Journey, Stage
from personas.models import Persona
from touchpoints.models import EMOTION_EMOJI, Emotion, FrictionNote, Severity, Touchpoint


class MetricKind(models.TextChoices):
    NPS = "nps", _("NPS")
    CSAT = "csat", _("CSAT")
    CES = "ces", _("CES")
    CONVERSION = "conversion", _("Conversion rate")
    DROP_OFF = "drop_off", _("Drop-off rate")
    VOLUME = "volume", _("Volume")
    DURATION = "duration", _("Duration")
    CUSTOM = "custom", pgettext_lazy("metric kind", "Custom")


# Words of a metric's name that tell its kind, English and French, accents and case folded;
# the first kind whose word the name contains wins.
KIND_WORDS = [
    (MetricKind.NPS, ("nps", "net promoter", "recommandation")),
    (MetricKind.CSAT, ("csat", "satisfaction")),
    (MetricKind.CES, ("ces", "effort")),
    (MetricKind.CONVERSION, ("conversion",)),
    (MetricKind.DROP_OFF, ("drop-off", "drop off", "dropoff", "abandon", "churn", "attrition")),
    (MetricKind.DURATION, ("duration", "duree", "temps", "time", "delai", "attente", "wait")),
    (MetricKind.VOLUME, ("volume", "visit", "session", "users", "utilisateurs", "nombre")),
]
# Figures where less is better: meeting the target means staying at or under it.
LOWER_IS_BETTER = {MetricKind.CES, MetricKind.DROP_OFF, MetricKind.DURATION}
LOWER_IS_BETTER_WORDS = ("rebond", "bounce", "abandon", "attente", "wait", "delai", "churn")


@lru_cache(maxsize=1024)
def guess_kind(name: str) -> MetricKind:
    """The kind a metric's name says ("Taux de conversion" → conversion), or custom."""
    words = folded(name)
    tokens = set(words.replace("-", " ").split())
    for kind, hints in KIND_WORDS:
        for hint in hints:
            # Short hints (NPS, CES) must be whole words: "ces" is in "accessibilité".
            if (hint in tokens) if len(hint) <= 4 else (hint in words):
                return kind
    return MetricKind.CUSTOM


def identity(*parts) -> str:
    # A separator no text holds, so ("a b", "c") and ("a", "b c") differ.
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()


class Figured:
    """What a metric says as a person reads it; shared by `Metric` and `Figure`."""

    kind: str
    name: str
    value: float
    unit: str
    target: float | None
    source: str
    persona_id: int | None

    @property
    def label(self) -> str:
        return self.name or str(MetricKind(self.kind).label)

    @property
    def series_key(self) -> tuple:
        """What makes two metrics points of one trend: the same figure at the same place."""
        return (self.kind, folded(self.label), self.persona_id, folded(self.source))

    @property
    def display_value(self) -> str:
        return figure_text(self.value, self.unit, get_language())

    @property
    def display_target(self) -> str:
        return "" if self.target is None else figure_text(self.target, self.unit, get_language())

    @property
    def lower_is_better(self) -> bool:
        name = folded(self.label)
        return self.kind in LOWER_IS_BETTER or any(w in name for w in LOWER_IS_BETTER_WORDS)

    @property
    def on_target(self) -> bool | None:
        """None without a target; else whether the figure meets it, in its better direction."""
        if self.target is None:
            return None
        return self.value <= self.target if self.lower_is_better else self.value >= self.target


class Figure(Figured):
    """A metric read for a page that shows hundreds (the map): a plain object built from one
    row of values, a tenth of the cost of a model instance (bench/evidence.py)."""

    FIELDS = (
        "pk",
        "stage_id",
        "touchpoint_id",
        "persona_id",
        "kind",
        "name",
        "value",
        "unit",
        "period",
        "period_start",
        "period_end",
        "target",
        "source",
    )

    def __init__(self, **fields) -> None:
        self.__dict__.update(fields)


class Evidence(models.Model):
    """What metrics and verbatims share: where they sit and for whom."""

    journey = models.ForeignKey(Journey, on_delete=models.CASCADE, related_name="+")
    stage = models.ForeignKey(
        Stage, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    touchpoint = models.ForeignKey(
        Touchpoint, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    persona = models.ForeignKey(
        Persona, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    source = models.CharField(_("source"), max_length=120, blank=True)
    identity = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.identity = self.compute_identity()
        super().save(*args, **kwargs)

    def compute_identity(self) -> str:
        raise NotImplementedError

    @property
    def target_stage_id(self) -> int:
        """The stage the evidence is at: its own, or its card's (loaded with the card)."""
        return self.stage_id or self.touchpoint.stage_id

    def target_parts(self) -> tuple:
        return (self.stage_id, self.touchpoint_id, self.persona_id)


def _one_target(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(stage__isnull=True, touchpoint__isnull=False)
        | models.Q(stage__isnull=False, touchpoint__isnull=True),
        name=name,
    )


class Metric(Figured, Evidence):
    """A measured figure: NPS, CSAT, a conversion rate… over a period, from a source."""

    kind = models.CharField(_("kind"), max_length=12, choices=MetricKind.choices)
    name = models.CharField(_("name"), max_length=120, blank=True)
    value = models.FloatField(_("value"))
    unit = models.CharField(_("unit"), max_length=30, blank=True)
    period = models.CharField(_("period"), max_length=21)
    period_start = models.DateField()
    period_end = models.DateField()
    target = models.FloatField(_("target"), null=True, blank=True)

    class Meta:
        ordering = ["period_end", "period_start", "pk"]
        constraints = [
            _one_target("metric_on_stage_or_touchpoint"),
            models.UniqueConstraint(fields=["journey", "identity"], name="metric_once"),
        ]

    def __str__(self) -> str:
        return f"{self.label} {self.display_value}"

    def compute_identity(self) -> str:
        # A custom metric's name is part of its kind: "bounce rate" and "click rate" differ.
        kind = (self.kind, folded(self.name) if self.kind == MetricKind.CUSTOM else "")
        return identity("metric", *self.target_parts(), kind, self.period, folded(self.source))


class KeptPlace(models.Model):
    """Where kept evidence sits: a stage or a card of a journey, for a persona or everyone.
    Plain ids, not foreign keys: PostgreSQL's triggers write these rows (migration 0003)."""

    journey_id = models.BigIntegerField()
    stage_id = models.BigIntegerField(null=True)
    touchpoint_id = models.BigIntegerField(null=True)
    persona_id = models.BigIntegerField(null=True)

    class Meta:
        abstract = True


class MetricSeries(KeptPlace):
    """A series of metrics (a place, persona, kind, name and source: the points of one trend)
    with its newest metric (latest period, then last written) and its size. PostgreSQL keeps
    these rows as metrics are written, by triggers (migration 0003): the map reads a journey's
    few hundred series instead of grouping its thousands of metrics on every page
    (evidence/map_rows.py). Other databases leave the table empty and group."""

    kind = models.CharField(max_length=12)
    name = models.CharField(max_length=120)
    source = models.CharField(max_length=120)
    newest_id = models.BigIntegerField()
    size = models.IntegerField()

    class Meta:
        # With the id: a journey's newest series is one step of the index, for the state of
        # its evidence (evidence/map_rows.py, STAMP), however many journeys hold evidence.
        indexes = [models.Index(fields=["journey_id", "id"], name="series_of_journey")]

    def __str__(self) -> str:
        return f"{self.name or self.kind} ({self.size})"


class QuoteTally(KeptPlace):
    """The quotes of one place (a stage or a card, for a persona or everyone): how many, and
    their sentiments' sum and number. Kept by PostgreSQL like `MetricSeries`: the map counts a
    stage's quotes from these few hundred rows rather than from its thousands of quotes."""

    count = models.IntegerField()
    sentiment_sum = models.IntegerField()
    sentiments = models.IntegerField()

    class Meta:
        indexes = [models.Index(fields=["journey_id", "id"], name="tally_of_journey")]

    def __str__(self) -> str:
        return f"{self.count} quotes"


def format_number(value: float) -> str:
    """A figure without a trailing ".0", grouped in thousands by the language's own rule."""
    return _format_number(value, get_language())


@lru_cache(maxsize=4096)
def _format_number(value: float, language: str | None) -> str:
    # Cached: a map shows the same few figures and targets on hundreds of cards.
    decimals = 0 if float(value).is_integer() else len(repr(value).split(".")[1])
    return number_format(value, decimal_pos=min(decimals, 2), use_l10n=True, force_grouping=True)


def figure_text(value: float, unit: str, language: str | None) -> str:
    """A figure with its unit, as `display_value` says it: for pages that say hundreds, with
    the language asked once."""
    return f"{_format_number(value, language)}{_unit_suffix(unit)}"


def _unit_suffix(unit: str) -> str:
    if not unit:
        return ""
    return unit if unit.startswith(("%", "/")) else f"\u00a0{unit}"


class Sentiment(models.IntegerChoices):
    VERY_NEGATIVE = -2, _("Very negative")
    NEGATIVE = -1, _("Negative")
    NEUTRAL = 0, _("Neutral")
    POSITIVE = 1, _("Positive")
    VERY_POSITIVE = 2, _("Very positive")


# Before any date: where the newest quotes' index puts undated quotes.
UNDATED = date(1, 1, 1)


class Verbatim(Evidence):
    """A customer's own words, with where and when they were said and how they felt."""

    text = models.TextField(_("quote"))
    date = models.DateField(_("date"), null=True, blank=True)
    sentiment = models.SmallIntegerField(
        _("sentiment"), choices=Sentiment.choices, null=True, blank=True
    )
    segment = models.CharField(_("segment"), max_length=120, blank=True)
    # Friction notes made from the quote ("Turn into a friction note") cite it.
    cited_by = models.ManyToManyField(FrictionNote, related_name="+", blank=True)

    class Meta:
        ordering = [models.F("date").desc(nulls_last=True), "-pk"]
        # The map lists a journey's newest quotes (evidence/map_rows.py): read in this order,
        # the database stops after the few it lists instead of sorting them all. Undated quotes
        # last through COALESCE, as SQLite's indexes know no NULLS LAST.
        indexes = [
            models.Index(
                models.F("journey"),
                Coalesce("date", models.Value(UNDATED)).desc(),
                models.F("id").desc(),
                name="newest_quote",
            )
        ]
        constraints = [
            _one_target("verbatim_on_stage_or_touchpoint"),
            models.UniqueConstraint(fields=["journey", "identity"], name="verbatim_once"),
            models.CheckConstraint(
                condition=models.Q(sentiment__gte=-2, sentiment__lte=2)
                | models.Q(sentiment__isnull=True),
                name="sentiment_in_range",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60]

    def compute_identity(self) -> str:
        text = " ".join(self.text.split())
        return identity("verbatim", *self.target_parts(), text, self.date, folded(self.source))

    @property
    def sentiment_emoji(self) -> str:
        return "" if self.sentiment is None else EMOTION_EMOJI[Emotion(self.sentiment)]

    @property
    def sentiment_label(self) -> str:
        return "" if self.sentiment is None else str(Sentiment(self.sentiment).label)

    def citation(self) -> str:
        """The quote as a friction note cites it: “…” — source, date."""
        where = ", ".join(
            part for part in (self.source, self.date.isoformat() if self.date else "") if part
        )
        return f"“{self.text}” — {where}" if where else f"“{self.text}”"

    def turn_into_friction(self, touchpoint: Touchpoint, author) -> FrictionNote:
        """A friction note on `touchpoint` that cites the quote; the angrier the customer, the
        more severe the note."""
        severity = {-2: Severity.HIGH, -1: Severity.MEDIUM}.get(self.sentiment, Severity.LOW)
        with transaction.atomic():
            note = FrictionNote.objects.create(
                touchpoint=touchpoint,
                title=Truncator(" ".join(self.text.split())).chars(80),
                description=self.citation(),
                severity=severity,
                author=author,
            )
            self.cited_by.add(note)
        return note


class EvidenceUpload(models.Model):
    """A file uploaded for import, kept between its preview and the user's confirmation in the
    database, so that any app server can finish the import the user started on another."""

    KEPT_FOR = timedelta(days=1)

    journey = models.ForeignKey(Journey, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    filename = models.CharField(max_length=255)
    data = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.filename

    @classmethod
    def forget_old(cls) -> None:
        cls.objects.filter(created_at__lt=timezone.now() - cls.KEPT_FOR).delete()
