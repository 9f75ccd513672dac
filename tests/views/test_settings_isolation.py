"""Every test gets its own QSettings: one test's window size or desk database never reaches another.

Qt reads ``XDG_CONFIG_HOME`` once, at the first ``QSettings`` of the process, so setting it per
test (``_isolated_user_dirs``) is not enough on its own; the fixture also points QSettings at the
test's folder. The two runs below write the same keys through the real window and Settings
dialog; whichever runs second would see the first one's values without that fixture.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app.gui import desk_database
from app.services.context import AppContext
from app.views.main_window import MainWindow
from app.views.settings_dialog import SettingsDialog

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("run", ["first", "second"])
def test_a_test_never_sees_another_tests_desk_settings(qtbot, db, tmp_path, run):
    assert desk_database() is None
    assert QSettings().value("window/geometry") is None
    assert QSettings().allKeys() == []

    window = MainWindow(AppContext(db))
    qtbot.addWidget(window)
    dialog = SettingsDialog(window.context, window)
    qtbot.addWidget(dialog)
    target = str(tmp_path / f"{run}.sqlite")
    dialog.desk_database.setText(target)
    dialog.save()
    window.resize(900 if run == "first" else 700, 600)
    window.show()
    qtbot.waitExposed(window)
    window.close()  # writes window/geometry

    assert desk_database() == target
    assert QSettings().value("window/geometry") is not None


def test_the_settings_file_is_inside_the_tests_own_config_folder():
    config_home = os.environ["XDG_CONFIG_HOME"]
    assert QSettings().fileName().startswith(config_home + os.sep), QSettings().fileName()
    assert (
        QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Untwist")
        .fileName()
        .startswith(config_home + os.sep)
    )


def test_pure_tests_do_not_load_qt(tmp_path):
    """The fixture touches Qt only when a test already loaded it (no Qt start-up cost)."""
    code = (
        "import sys\n"
        "from tests.conftest import isolate_qsettings\n"
        f"isolate_qsettings({str(tmp_path)!r}, {str(tmp_path)!r})\n"
        "assert 'PySide6.QtCore' not in sys.modules, 'Qt loaded'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
