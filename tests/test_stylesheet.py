"""The stylesheet stays whole. Its blocks are merged between branches by git's union driver,
which can drop a closing brace two blocks share; every rule after it is then lost to the
browser, silently (it happened once: the presentation drew unstyled)."""

import re
from pathlib import Path

STYLESHEET = Path(__file__).resolve().parents[1] / "static" / "css" / "parcours.css"


def unclosed(css: str) -> list[str]:
    """The rules (their first line) opened and not closed, in order."""
    open_rules = []
    for line in re.sub(r"/\*.*?\*/", "", css, flags=re.S).splitlines():
        for char in line:
            if char == "{":
                open_rules.append(line.strip())
            elif char == "}" and open_rules:
                open_rules.pop()
    return open_rules


def test_every_rule_of_the_stylesheet_is_closed():
    assert unclosed(STYLESHEET.read_text(encoding="utf-8")) == []


def test_a_rule_left_open_is_caught():
    assert unclosed(".a {\n  color: red;\n.b {\n  color: blue;\n}\n") == [".a {"]
