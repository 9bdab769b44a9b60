"""The one stylesheet stays whole: branches append to it and git merges it by union
(.gitattributes), which can drop a closing brace and nest every later rule inside an unclosed
one, where browsers ignore it (CSS nesting)."""

import re
from pathlib import Path

STYLESHEET = Path(__file__).resolve().parents[1] / "static" / "css" / "parcours.css"


def test_every_rule_of_the_stylesheet_is_closed_before_the_next_starts():
    depth, unclosed = 0, []
    text = re.sub(
        r"/\*.*?\*/", lambda m: "\n" * m[0].count("\n"), STYLESHEET.read_text(), flags=re.S
    )
    for number, line in enumerate(text.split("\n"), 1):
        # A rule or at-rule starts at the left margin; rules inside @media are indented.
        if line and not line[0].isspace() and not line.startswith("}") and depth:
            unclosed.append(number)
        depth += line.count("{") - line.count("}")
    assert unclosed == []
    assert depth == 0
