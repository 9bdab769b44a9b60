"""Lines of the pictures: cut with the shipped font's widths, so text never leaves its box."""

import pytest

from maps.picture.text import ELLIPSIS, Style, ellipsize, has_glyph, wrap

TITLE = Style(14, 600)
LONG = "Compare les délais de livraison « express » et standard avant de valider son panier"


@pytest.mark.parametrize("width", [80, 150, 232])
def test_wrapped_lines_fit_their_width_and_the_last_one_says_it_was_cut(width):
    lines = wrap(LONG, width, TITLE, 2)

    assert 1 <= len(lines) <= 2
    assert all(TITLE.width(line) <= width for line in lines)
    assert lines[-1].endswith(ELLIPSIS)


def test_text_that_fits_is_left_whole():
    assert " ".join(wrap(LONG, 400, TITLE, 2)) == LONG
    assert wrap("Panier", 200, TITLE, 2) == ["Panier"]
    assert ellipsize("Panier", 200, TITLE) == "Panier"


def test_a_word_longer_than_the_line_is_cut():
    lines = wrap("Anticonstitutionnellement-déclaré", 90, TITLE, 3)

    assert lines[0].endswith(ELLIPSIS)
    assert TITLE.width(lines[0]) <= 90


def test_no_break_space_keeps_french_quotes_with_their_words():
    quote = "«\u00a0Si je dois créer un compte, j'abandonne\u00a0»"

    lines = wrap(quote, 120, Style(15), 4)

    assert lines[0].startswith("«\u00a0Si")
    assert lines[-1].endswith("j'abandonne\u00a0»") or lines[-1].endswith(ELLIPSIS)


def test_emoji_are_measured_with_the_emoji_font():
    assert all(has_glyph(char) for char in "é’«…")
    assert not has_glyph("🎉")
    assert TITLE.width("🎉") > TITLE.width("i")
