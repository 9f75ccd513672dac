"""The app makes no network connection of its own (only a server the user configured)."""

from __future__ import annotations

import socket

import pytest

from app.services.athletes import list_athletes
from app.services.context import AppContext
from app.services.demo import create_demo
from app.services.programs import write_handout


@pytest.fixture
def no_network(monkeypatch):
    attempts: list[object] = []
    real_connect = socket.socket.connect

    def guarded_connect(self, address):  # Unix sockets (the instance lock) are local
        if self.family in (socket.AF_INET, socket.AF_INET6):
            attempts.append(address)
            raise OSError("network use is not allowed in this test")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    return attempts


def test_demo_window_trends_and_pdf_stay_offline(qtbot, db, tmp_path, no_network):
    from app.views.main_window import MainWindow

    context = AppContext(db)
    create_demo(db, context.catalog)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    for view in ("sessions", "trends", "program", "library"):
        window.show_view(view)
        qtbot.waitUntil(lambda v=view: window.page_ready(v), timeout=10_000)
    athlete = list_athletes(db)[0]
    out = tmp_path / "handout.pdf"
    write_handout(db, context.catalog, context.settings, athlete.id, out)
    assert out.stat().st_size > 10_000
    assert no_network == []
