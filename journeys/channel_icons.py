"""A channel's icon and colour: the icons a lane may show, the emoji each is drawn with, the
icon guessed from a lane's name, and the palette new lanes take their colours from."""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _


class ChannelIcon(models.TextChoices):
    WEB = "web", _("Website")
    MOBILE = "mobile", _("Mobile app")
    STORE = "store", _("Store")
    EMAIL = "email", _("Email")
    SOCIAL = "social", _("Social media")
    PHONE = "phone", _("Phone")
    WORD_OF_MOUTH = "word_of_mouth", _("Word of mouth")
    SEARCH = "search", _("Search")
    CHAT = "chat", _("Chat")
    PERSON = "person", _("In person")
    PRODUCT = "product", _("Product")
    EVENT = "event", _("Event")
    OTHER = "other", _("Other")


CHANNEL_EMOJI = {
    "web": "🌐",
    "mobile": "📱",
    "store": "🏬",
    "email": "✉️",
    "social": "💬",
    "phone": "📞",
    "word_of_mouth": "🗣️",
    "search": "🔎",
    "chat": "💭",
    "person": "🧑‍💼",
    "product": "🧩",
    "event": "🎟️",
    "other": "📍",
}

# Word beginnings that suggest an icon for a channel imported without one (the v1 format has no
# icon). Checked in order, on whole words, so "workshop" is not a shop and "in-app" product help
# is not the mobile app.
ICON_HINTS = [
    ("product", ("product", "produit")),
    ("person", ("advisor", "conseill", "vendeu", "sales", "commercia")),
    ("event", ("event", "événement", "atelier", "workshop", "salon")),
    ("mobile", ("app", "mobile", "appli", "smartphone")),
    ("email", ("mail", "e-mail", "email", "newsletter", "courriel")),
    ("search", ("search", "recherche", "seo", "google")),
    ("social", ("social", "instagram", "facebook", "tiktok", "linkedin", "réseau", "community")),
    ("phone", ("phone", "téléphone", "call", "appel")),
    ("chat", ("chat", "support", "messag")),
    ("store", ("store", "magasin", "boutique", "shop")),
    ("word_of_mouth", ("mouth", "bouche", "review", "avis")),
    ("web", ("web", "site", "website")),
]

LANE_COLOURS = ["#2563eb", "#7c3aed", "#db2777", "#ea580c", "#059669", "#0891b2", "#4f46e5"]


def icon_for(key: str, name: str) -> str:
    words = re.findall(r"\w+", f"{key} {name}".lower().replace("_", " "))
    for icon, hints in ICON_HINTS:
        if any(word.startswith(hint) for word in words for hint in hints):
            return icon
    return ChannelIcon.OTHER
