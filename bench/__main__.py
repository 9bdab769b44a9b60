"""Benchmarks: `make bench` runs them on a throwaway PostgreSQL and prints the figures.

Server time is measured through Django's test client (the whole request/response cycle of the
view, middleware included, without a network hop), which is what a page costs an app server.
"""

import os
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.template.loader import get_template  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import resolve, reverse  # noqa: E402

from accounts.models import User  # noqa: E402
from bench import board, live, versions  # noqa: E402
from bench import evidence as evidence_bench  # noqa: E402
from bench.data import journey_file  # noqa: E402
from bench.documents import document_benchmarks  # noqa: E402
from bench.export import export_benchmarks  # noqa: E402
from bench.fragments import fragment_requests  # noqa: E402
from bench.timing import CLOCK_NAME, RUNS, get_ok, timed  # noqa: E402
from maps.interchange.exporting import dump_journey  # noqa: E402
from maps.interchange.importing import import_journey  # noqa: E402
from maps.responses import map_context, map_curve  # noqa: E402
from maps.swimlanes import load_map  # noqa: E402
from versions.pairs import counterpart  # noqa: E402
from workspaces.models import Membership, Workspace  # noqa: E402


def map_floor(client: Client, journey, user) -> float:
    """The template floor: p50 of drawing the map page's template alone, with its context built
    beforehand (the same cards, every query done, so no database at all), by the same code the
    view uses (`map_context`, `map_curve`). What the page would cost if reading the data were
    free; the page's server time is compared to it (target: at most 1.3 × at 400 cards).
    """
    membership = Membership.objects.select_related("workspace").get(user=user)
    journey.workspace = membership.workspace
    journey_map = load_map(journey, None)
    context = map_context(membership, journey_map)
    context["my_workspaces"] = [membership.workspace]
    context["curve"] = map_curve(journey_map)
    journey_map.addable_personas  # noqa: B018 (evaluated here, outside the timing)
    counterpart(journey)  # the as-is/to-be pair the page links to, read once per journey
    request = RequestFactory().get(journey.get_absolute_url())
    request.user = user
    request.resolver_match = resolve(request.path)
    template = get_template("journeys/map.html")
    with CaptureQueriesContext(connection) as queries:
        template.render(context, request)
    assert not queries.captured_queries, [q["sql"] for q in queries.captured_queries]
    return timed(lambda: template.render(context, request))[0]


def card_round_trips(client: Client, journey) -> list[tuple[str, float, float]]:
    """A card moved back and forth between two cells, and a card's text saved, as HTMX does."""
    card = journey.touchpoints.order_by("pk").first()
    stages = list(journey.stages.values_list("pk", flat=True)[:2])
    move_url = reverse("journeys:card_move", args=[journey.workspace.slug, journey.pk, card.pk])
    edit_url = reverse("journeys:card", args=[journey.workspace.slug, journey.pk, card.pk])
    state = {"version": card.version, "moves": 0}

    def move():
        state["moves"] += 1
        data = {
            "stage": stages[state["moves"] % 2],
            "channel": card.channel_id,
            "position": 0,
            "version": state["version"],
        }
        response = client.post(move_url, data, HTTP_HX_REQUEST="true")
        assert response.status_code == 200, response.status_code
        state["version"] += 1

    def edit():
        data = {"title": f"Edited {state['version']}", "emotion": 1, "version": state["version"]}
        response = client.post(edit_url, data, HTTP_HX_REQUEST="true")
        assert response.status_code == 200, response.status_code
        state["version"] += 1

    return [("card move", *timed(move)), ("card edit", *timed(edit))]


def main() -> None:
    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor} · runs per figure: {RUNS} · clock: {CLOCK_NAME}")
    user = User.objects.create_user("bench@example.com", "bench")
    workspace = Workspace.create_with_owner("Bench", user, slug="bench")
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)

    print(f"{'what':44} {'p50 ms':>8} {'p95 ms':>8}")
    for cards in (40, 400):
        data = journey_file(cards)
        start = time.perf_counter()
        journey = import_journey(workspace, data, user)
        import_ms = (time.perf_counter() - start) * 1000
        print(f"{f'import {cards}-card file (once)':44} {import_ms:8.1f}")
        p50, p95 = timed(lambda journey=journey: dump_journey(journey))
        print(f"{f'export {cards}-card journey as JSON':44} {p50:8.1f} {p95:8.1f}")
        p50, p95 = timed(get_ok(client, journey.get_absolute_url()))
        print(f"{f'map page, {cards} cards (8×8, 2 personas)':44} {p50:8.1f} {p95:8.1f}")
        floor = map_floor(client, journey, user)
        print(f"{f'  template floor (no database), {cards} cards':44} {floor:8.1f}")
        print(f"{'  map page ÷ floor (p50)':44} {p50 / floor:8.2f}")
        for what, p50, p95 in card_round_trips(client, journey):
            print(f"{f'{what}, {cards}-card map (HTMX round trip)':44} {p50:8.1f} {p95:8.1f}")
        for what, p50, p95 in fragment_requests(client, journey):
            print(f"{f'  {what}, {cards}-card map (HTMX)':44} {p50:8.1f} {p95:8.1f}")

    for _ in range(20):
        import_journey(workspace, journey_file(12, stages=5, channels=6, frictions=4), user)
    journeys_url = reverse("journeys:list", args=[workspace.slug])
    p50, p95 = timed(get_ok(client, journeys_url))
    print(f"{'journeys page, 22 journeys':44} {p50:8.1f} {p95:8.1f}")
    export_benchmarks(client, workspace, user)
    document_benchmarks(workspace, user)
    board.main()
    versions.main()
    evidence_bench.main(client, workspace, user)
    live.main()


if __name__ == "__main__":
    main()
