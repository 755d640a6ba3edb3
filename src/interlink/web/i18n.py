"""The translation hook: every user-facing string goes through ``_`` (gettext).

English is the source language. A catalogue ``locale/<lang>/LC_MESSAGES/interlink.mo``
beside this module is picked up when present (extract with ``pybabel extract`` over
``web/``); without one, the English text is shown as written.
"""

from __future__ import annotations

import gettext
import os
from functools import lru_cache
from pathlib import Path

DOMAIN = "interlink"
LOCALE_DIR = Path(__file__).parent / "locale"


@lru_cache(maxsize=8)
def translations(language: str | None = None) -> gettext.NullTranslations:
    lang = language or os.environ.get("INTERLINK_LANGUAGE", "en")
    return gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[lang], fallback=True)


def _(message: str, **values: object) -> str:
    """Translate ``message``; ``%(name)s`` placeholders are filled from ``values``."""
    text = translations().gettext(message)
    return text % values if values else text
