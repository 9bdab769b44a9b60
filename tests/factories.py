from datetime import date

import factory

from accounts.models import User
from evidence.models import Metric, Verbatim
from journeys.models import Channel, Journey, JourneyPersona, Stage
from personas.models import Persona
from touchpoints.models import Comment, FrictionNote, Touchpoint
from workspaces.models import Membership, Role, Workspace

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    name = factory.Sequence(lambda n: f"User {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class WorkspaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workspace

    name = factory.Sequence(lambda n: f"Team {n}")
    slug = factory.Sequence(lambda n: f"team-{n}")
    language = "en"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    workspace = factory.SubFactory(WorkspaceFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.EDITOR


class PersonaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Persona

    workspace = factory.SubFactory(WorkspaceFactory)
    name = factory.Sequence(lambda n: f"Persona {n}")
    role = "Marketing lead"
    age = 35


class JourneyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Journey

    workspace = factory.SubFactory(WorkspaceFactory)
    title = factory.Sequence(lambda n: f"Journey {n}")


class JourneyPersonaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JourneyPersona

    journey = factory.SubFactory(JourneyFactory)
    persona = factory.SubFactory(
        PersonaFactory, workspace=factory.SelfAttribute("..journey.workspace")
    )
    key = factory.Sequence(lambda n: f"persona{n}")
    position = factory.Sequence(int)


class StageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stage

    journey = factory.SubFactory(JourneyFactory)
    key = factory.Sequence(lambda n: f"stage{n}")
    name = factory.Sequence(lambda n: f"Stage {n}")
    position = factory.Sequence(int)


class ChannelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Channel

    journey = factory.SubFactory(JourneyFactory)
    key = factory.Sequence(lambda n: f"channel{n}")
    name = factory.Sequence(lambda n: f"Channel {n}")
    position = factory.Sequence(int)


class TouchpointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Touchpoint

    journey = factory.SubFactory(JourneyFactory)
    persona = factory.SubFactory(
        PersonaFactory, workspace=factory.SelfAttribute("..journey.workspace")
    )
    stage = factory.SubFactory(StageFactory, journey=factory.SelfAttribute("..journey"))
    channel = factory.SubFactory(ChannelFactory, journey=factory.SelfAttribute("..journey"))
    key = factory.Sequence(lambda n: f"t{n}")
    title = factory.Sequence(lambda n: f"Touchpoint {n}")
    emotion = 0
    position = 0


class FrictionNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FrictionNote

    touchpoint = factory.SubFactory(TouchpointFactory)
    title = factory.Sequence(lambda n: f"Friction {n}")
    severity = "medium"
    status = "open"


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    friction = factory.SubFactory(FrictionNoteFactory)
    author_name = "Teammate"
    body = "Seen it too."
    created_at = factory.Faker("date_time", tzinfo=__import__("datetime").UTC)


def build_map(workspace, *, cards: int = 5, personas: int = 2, title: str = "Buy a drill"):
    """A journey of 3 stages × 2 channels, with `cards` touchpoints for its first persona.

    Every card has one open friction note and one resolved one, so counts and severities show.
    """
    journey = JourneyFactory(workspace=workspace, title=title)
    stages = [StageFactory(journey=journey, name=name) for name in ("Notice", "Compare", "Buy")]
    channels = [ChannelFactory(journey=journey, name=name) for name in ("Website", "Store")]
    links = [JourneyPersonaFactory(journey=journey) for _ in range(personas)]
    for n in range(cards):
        touchpoint = TouchpointFactory(
            journey=journey,
            persona=links[0].persona,
            stage=stages[n % len(stages)],
            channel=channels[n % len(channels)],
            position=n,
            emotion=(n % 5) - 2,
        )
        FrictionNoteFactory(touchpoint=touchpoint, severity="high", status="open")
        FrictionNoteFactory(touchpoint=touchpoint, severity="critical", status="resolved")
    return journey


def add_evidence(journey, per_kind: int) -> None:
    """`per_kind` metrics and quotes on the journey's cards, and as many on its stages."""
    cards = list(journey.touchpoints.all())
    stages = list(journey.stages.all())
    for n in range(per_kind):
        on = {"touchpoint": cards[n % len(cards)]} if cards else {"stage": stages[0]}
        for target in (on, {"stage": stages[n % len(stages)]}):
            Metric.objects.create(
                journey=journey,
                **target,
                kind="csat",
                name="CSAT",
                value=3 + (n % 3) / 2,
                unit="/5",
                period=f"{2000 + n}-Q1",
                period_start=date(2000 + n, 1, 1),
                period_end=date(2000 + n, 3, 31),
                target=4,
                source="Survey",
            )
            Verbatim.objects.create(
                journey=journey, **target, text=f"Quote {n}", sentiment=(n % 5) - 2, source="S"
            )
