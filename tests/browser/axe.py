"""axe-core, the field's accessibility engine, run in the page under test (vendored from npm:
tests/browser/vendor/axe-core-<version>.min.js, its licence beside it)."""

from pathlib import Path

AXE = Path(__file__).parent / "vendor" / "axe-core-4.14.1.min.js"
BLOCKING = {"serious", "critical"}


def serious_violations(page) -> list[str]:
    """The serious and critical violations axe finds in the page as it is now, one line each
    (rule, impact, the first offending elements), so a failure says what to fix."""
    # Through the browser's developer protocol, not a <script> tag: a Content-Security-Policy
    # that refuses inline scripts cannot block the audit.
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text())
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + " | ".join(" ".join(node["target"]) for node in v["nodes"][:3])
        for v in violations
        if v["impact"] in BLOCKING
    ]
