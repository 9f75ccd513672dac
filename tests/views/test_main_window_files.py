"""File menu wiring: import, export, backup and restore reach their flows."""

from app.services.context import AppContext
from app.services.demo import create_demo
from app.views.main_window import MainWindow


def test_file_menu_offers_import_export_backup_restore(qtbot, db, catalog):
    create_demo(db, catalog)
    window = MainWindow(AppContext(db))
    qtbot.addWidget(window)
    texts = [a.text().replace("&", "") for a in window.file_menu.actions()]
    for wanted in ("Import…", "Export…", "Backup now", "Restore…", "Settings…", "Quit"):
        assert wanted in texts
    assert window.data_safety.backup_action.isEnabled()


def test_replace_database_reloads_every_page(qtbot, db, catalog, tmp_path):
    from app.models.db import open_database

    create_demo(db, catalog)
    window = MainWindow(AppContext(db))
    qtbot.addWidget(window)
    window.show_view("trends")
    other = open_database(str(tmp_path / "other.sqlite"), create=True)
    try:
        window.replace_database(other)
        assert window.athlete_list.list.count() == 0
        assert window.athlete is None
        assert window.trends.page.context.db is other  # the state gave it the new one
    finally:
        other.dispose()
