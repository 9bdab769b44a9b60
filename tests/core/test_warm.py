"""An app server process compiles the pages teammates open first before its first request
(config/warm.py), with the templates they extend and include."""

from django.template import engines

from config.warm import FIRST_PAGES, warm


def _cached_loader():
    # template_partials' loader wraps Django's cached one (config/settings.py).
    return engines["django"].engine.template_loaders[0].loaders[0]


def test_the_first_pages_are_compiled_before_any_request():
    loader = _cached_loader()
    loader.reset()

    warm()

    compiled = set(loader.get_template_cache)
    assert set(FIRST_PAGES) <= compiled
    # What they extend and include by name.
    assert {"base.html", "includes/site_nav.html", "journeys/journey_header.html"} <= compiled
