"""Where data lives and which database a run uses."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "untwist"
ENV_DB = "UNTWIST_DB"
DESK_DATABASE_KEY = "database/target"  # QSettings key: this desk's database (Settings dialog)
LAST_PRINTER_KEY = "printing/printer"  # QSettings key: the printer this desk printed on last


def data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_database() -> str:
    return str(data_dir() / "untwist.sqlite")


def database_target(cli_value: str | None, desk_value: str | None = None) -> str:
    """``--db`` wins, then ``UNTWIST_DB``, then this desk's choice in the settings (the window
    only), then the file in the user data folder."""
    return cli_value or os.environ.get(ENV_DB) or desk_value or default_database()


ENV_LANGUAGE = "UNTWIST_LANG"
DESK_LANGUAGE_KEY = "ui/language"  # QSettings key: this desk's language (Settings dialog)


def app_language(desk_value: str | None = None) -> str:
    """The language of the window and the default for handouts: ``UNTWIST_LANG``, then this
    desk's choice in the settings (the window only), then the system locale, then English.

    A code Untwist does not ship is skipped rather than refused here: a French system simply
    gets English, while ``--lang fr`` on the command line is an error.
    """
    from app.domain.language import DEFAULT_LANGUAGE, UnknownLanguage, known_language

    system = [os.environ.get(name) for name in ("LC_ALL", "LC_MESSAGES", "LANG")]
    for candidate in (os.environ.get(ENV_LANGUAGE), desk_value, *system):
        if not candidate or candidate in ("C", "POSIX") or candidate.startswith("C."):
            continue
        try:
            return known_language(candidate)
        except UnknownLanguage:
            continue
    return DEFAULT_LANGUAGE
