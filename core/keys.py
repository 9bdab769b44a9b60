"""Keys for records made in the app, which a journey file needs as much as imported ones."""

from django.utils.text import slugify

# The `key` columns of stages, channels, touchpoints and journey personas.
KEY_MAX_LENGTH = 60


def unique_key(base: str, taken: set[str]) -> str:
    """A slug of `base` not in `taken`: "after-sales", then "after-sales-2", "after-sales-3"…

    `taken` is not changed. A base with nothing to slugify (emoji, punctuation) gives "item".
    """
    slug = slugify(base)[:KEY_MAX_LENGTH] or "item"
    key, number = slug, 1
    while key in taken:
        number += 1
        suffix = f"-{number}"
        key = slug[: KEY_MAX_LENGTH - len(suffix)].rstrip("-") + suffix
    return key
