"""The one stylesheet stays whole. Branches append blocks to it; a merge that drops a closing
brace nests every later rule inside an unclosed one, where browsers ignore it silently (it
happened once, through git's union merge: the presentation drew unstyled)."""

import re
from pathlib import Path

STYLESHEET = Path(__file__).resolve().parents[1] / "static" / "css" / "parcours.css"


def unclosed(css: str) -> list[int]:
    """Lines where a rule starts while another is still open, and -1 if braces do not balance.

    A rule or at-rule starts at the left margin; rules inside @media are indented."""
    depth, found = 0, []
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m[0].count("\n"), css, flags=re.S)
    for number, line in enumerate(text.split("\n"), 1):
        if line and not line[0].isspace() and not line.startswith("}") and depth:
            found.append(number)
        depth += line.count("{") - line.count("}")
    return found + ([-1] if depth else [])


def test_every_rule_of_the_stylesheet_is_closed_before_the_next_starts():
    assert unclosed(STYLESHEET.read_text(encoding="utf-8")) == []


def test_a_rule_left_open_is_caught():
    assert unclosed(".a {\n  color: red;\n.b {\n  color: blue;\n}\n") == [3, -1]
