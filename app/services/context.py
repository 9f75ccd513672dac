"""What every part of the window needs: the open database and the catalog it sees."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.catalog import Catalog
from app.domain.language import DEFAULT_LANGUAGE
from app.models.db import Database
from app.services.catalog import load_catalog
from app.services.settings import ClinicSettings, SettingsRecord, load_settings

__all__ = ["AppContext", "Database"]  # views name the open database's type from here


@dataclass
class AppContext:
    db: Database
    demo: bool = False
    # the language the window shows drill and measurement texts in (the app's language)
    language: str = DEFAULT_LANGUAGE
    catalog: Catalog = field(init=False)
    settings: ClinicSettings = field(init=False)
    # the same settings with their versions: what the settings dialog edits and saves against
    settings_record: SettingsRecord = field(init=False)

    def __post_init__(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Re-read settings and catalog (after the settings dialog saved, or another desk)."""
        self.settings_record = load_settings(self.db)
        self.settings = self.settings_record.settings
        self.catalog = load_catalog(self.db, self.settings, language=self.language)
