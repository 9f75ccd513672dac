"""The words the domain makes (units, the change of asymmetry, pain and error words, the
trends' titles) in a German or Spanish window (issue 18 point 4), English unchanged."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtWidgets import QTreeWidget

from app.services.athletes import find_athlete
from app.services.context import AppContext
from app.services.demo import create_demo
from app.views.history import HistoryTree
from app.views.main_window import MainWindow
from app.views.translation import apply_ui_language

DEMO_DAY = dt.date(2026, 3, 4)
# English the domain used to put into these cells, tooltips and titles
ENGLISH = re.compile(
    r"\((deg|score|reps|pass/fail)\)|\b(reduced|grew|in error|points|reps|now the same|"
    r"now differ|still the same|still differ|asymmetry|pain left|pain right|estimate|"
    r"LSI points|abs diff|not given)\b"
)


@pytest.fixture(params=["de", "es"])
def code(request, qapp):
    apply_ui_language(request.param)
    yield request.param
    apply_ui_language("en")


def history_texts(qtbot, db, catalog, code: str) -> list[str]:
    create_demo(db, catalog, today=DEMO_DAY)
    window = MainWindow(AppContext(db, language=code), remember_geometry=False)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.athlete_list.reload(find_athlete(db, "Ava Lindqvist").id)
    window.show_view("sessions")
    qtbot.waitUntil(lambda: window.page_ready("sessions"), timeout=20000)
    tree = window.findChild(HistoryTree)
    assert isinstance(tree, QTreeWidget)
    texts = []
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        item.setExpanded(True)
        for j in range(item.childCount()):
            child = item.child(j)
            for column in range(tree.columnCount()):
                texts += [child.text(column), child.toolTip(column)]
    return texts


def test_the_history_speaks_the_window_s_language(qtbot, db, catalog, code):
    texts = history_texts(qtbot, db, catalog, code)
    assert len(texts) > 100
    english = sorted({m.group(0) for t in texts for m in ENGLISH.finditer(t)})
    assert english == []
    joined = "\n".join(texts)
    unit = {"de": "(Grad)", "es": "(grados)"}[code]
    assert unit in joined
    reduced = {"de": " verringert", "es": " reducida"}[code]
    assert reduced in joined
    if code == "es":
        assert "(supera/no supera)" in joined


def test_the_english_history_keeps_its_words(qtbot, db, catalog, qapp):
    texts = "\n".join(history_texts(qtbot, db, catalog, "en"))
    assert "(deg)" in texts and " reduced" in texts and "(pass/fail)" in texts


def test_the_trend_detail_title_says_the_change_in_the_window_s_language(qtbot, db, catalog, code):
    from app.domain.chart_data import PanelKind  # noqa: F401  (the detail's kinds load)
    from app.views.trends import TrendsPage

    create_demo(db, catalog, today=DEMO_DAY)
    window = MainWindow(AppContext(db, language=code), remember_geometry=False)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.athlete_list.reload(find_athlete(db, "Ava Lindqvist").id)
    window.show_view("trends")
    qtbot.waitUntil(lambda: window.page_ready("trends"), timeout=20000)
    page = window.findChild(TrendsPage)
    assert page is not None and page.trends
    trend = next(t for t in page.trends if t.definition.key == "hip_ir_deg")
    title = page.detail._title(trend)
    assert "asymmetry" not in title and "(deg)" not in title
    assert {"de": "Asymmetrie", "es": "asimetría"}[code] in title


def test_the_session_editor_s_units_rule_and_error_follow_the_window(qtbot, db, catalog, code):
    from app.views.session_editor import SessionEditor

    create_demo(db, catalog, today=DEMO_DAY)
    context = AppContext(db, language=code)
    ava = find_athlete(db, "Ava Lindqvist")
    editor = SessionEditor(context, ava, ["hip_ir_deg", "foot_posture_index"])
    qtbot.addWidget(editor)
    hip, foot = editor.row_for("hip_ir_deg"), editor.row_for("foot_posture_index")
    assert hip is not None and foot is not None
    assert {"de": "(Grad)", "es": "(grados)"}[code] in hip.name_label.text()
    assert {"de": "abs. Diff. ≥ 10 Grad", "es": "dif. abs. ≥ 10 grados"}[code] in (
        hip.name_label.toolTip()
    )
    foot.left[0].setText("6")
    foot.right[0].setText("1")
    foot.update_figures()
    tip = foot.flag.toolTip()
    assert {"de": "3 Punkte (", "es": "3 puntos ("}[code] in tip
    assert not ENGLISH.search(tip + hip.name_label.text() + hip.name_label.toolTip())
