"""The layering of docs/architecture.md stays true: imports run downhill only.

grimp reads every `import` of the project's packages, those inside functions included; the
migrations (generated, each frozen at its day) are left out, and the tests and benchmarks are not
part of the packages. Any import from a lower app into a higher one, and any circle of imports
between files, fails here with the import that breaks the rule.
"""

from graphlib import CycleError, TopologicalSorter

import grimp
import pytest

# Top first, as grimp wants them; docs/architecture.md draws the same list bottom first.
LAYERS = (
    "config",
    "sharing",
    "versions",
    "maps",
    "touchpoints",
    "journeys",
    "personas",
    "workspaces",
    "accounts",
    "core",
)


@pytest.fixture(scope="module")
def graph():
    graph = grimp.build_graph(*LAYERS, cache_dir=None)
    for module in list(graph.modules):
        if ".migrations" in module:
            graph.remove_module(module)
    return graph


def test_imports_run_down_the_layers(graph):
    illegal = graph.find_illegal_dependencies_for_layers(layers=LAYERS)
    broken = sorted(
        f"{dependency.importer} → {dependency.imported} (via {route})"
        for dependency in illegal
        for route in _routes(dependency)
    )
    assert not broken, "Imports against the layering:\n" + "\n".join(broken)


def _routes(dependency) -> list[str]:
    return [
        " → ".join([*sorted(route.heads)[:1], *route.middle, *sorted(route.tails)[:1]])
        for route in dependency.routes
    ]


def test_no_file_imports_itself_through_others(graph):
    imports = {module: graph.find_modules_directly_imported_by(module) for module in graph.modules}
    try:
        TopologicalSorter(imports).prepare()
    except CycleError as error:
        pytest.fail("A circle of imports: " + " → ".join(reversed(error.args[1])))


def test_the_layers_are_the_installed_apps_in_order(settings):
    """settings.INSTALLED_APPS lists the project's apps bottom first, as the layers go."""
    ours = [app for app in settings.INSTALLED_APPS if app in LAYERS]
    assert ours == list(reversed(LAYERS[1:]))


def test_a_layering_break_is_caught():
    """The check itself can fail: a graph with one import uphill is refused."""
    graph = grimp.ImportGraph()
    for module in ("core", "core.low", "maps", "maps.high"):
        graph.add_module(module)
    graph.add_import(importer="core.low", imported="maps.high")
    assert graph.find_illegal_dependencies_for_layers(layers=("maps", "core"))
