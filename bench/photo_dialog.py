"""Opening a 12-megapixel photo in the "Measure on photo…" dialog, to its first paint.

``uv run python bench/photo_dialog.py`` prints the median of several runs, each in a fresh
process (so Pillow's import, paid by the first photo a window opens, is counted), for a
4000×3000 JPEG made here: a smooth scene with texture and two markers, written as a phone
would (quality 92, an EXIF orientation and a GPS block). Target (issue 19): ≤ 300 ms.

The time runs from the call that opens the file (reading, the picture check, decoding with
the EXIF orientation, the dialog built and shown) to the first paint of the photo's
viewport; the marker search starts after that paint and is reported separately.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7

CHILD = r"""
import json, sys, time
from PySide6.QtWidgets import QApplication, QDialog, QGraphicsScene, QGraphicsView, QVBoxLayout
qapp = QApplication([])
# as in the window: Qt's style and fonts warm, the session editor's modules imported
import app.views.session_editor  # noqa
from app.views.photo_dialog import open_photo_file
warm = QDialog(); QVBoxLayout(warm).addWidget(QGraphicsView(QGraphicsScene()))
warm.show()
for _ in range(20):
    qapp.processEvents()
warm.close()
if sys.argv[2] == "warm":  # what a session editor with an angle does when it opens
    from PySide6.QtCore import QThreadPool
    from app.views.photo_fields import warm_up
    warm_up()
    QThreadPool.globalInstance().waitForDone()
start = time.perf_counter()
dialog = open_photo_file(sys.argv[1], "vertical")
dialog.resize(1024, 700)
dialog.show()
while dialog.first_paint is None:
    qapp.processEvents()
painted = dialog.opened - start + dialog.first_paint  # the paint itself, not what follows
while dialog.message.property("kind") != "detect":
    qapp.processEvents()
from app.services.photos import decode
data = open(sys.argv[1], "rb").read()
floor = 9.0
for _ in range(3):  # the floor: libjpeg's half-scale decode of this file alone, same process
    t = time.perf_counter()
    decode(data, max_side=2048, checked=True)
    floor = min(floor, time.perf_counter() - t)
print(json.dumps({"paint": painted, "markers": dialog.detect_seconds, "floor": floor,
                  "points": dialog.points(), "size": [dialog.width_px, dialog.height_px]}))
"""


def make_photo(path: Path) -> int:
    import numpy as np
    from PIL import Image, ImageDraw

    sys.path.insert(0, str(ROOT))
    from tests.photos import jpeg

    w, h = 4000, 3000
    rng = np.random.default_rng(7)
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    base = np.stack([90 + 60 * x / w, 80 + 50 * y / h, 70 + 40 * (x + y) / (w + h)], axis=2)
    base += rng.normal(0, 6, size=(h, w, 1)).astype(np.float32)
    image = Image.fromarray(np.clip(base, 0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(image)
    for cx, cy in ((1900, 700), (2100, 2300)):
        draw.ellipse([cx - 40, cy - 40, cx + 40, cy + 40], fill=(0, 200, 83))
    data = jpeg(image, orientation=1, gps=True, quality=92)
    path.write_bytes(data)
    return len(data)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        photo = Path(folder) / "lunge-12mp.jpg"
        size = make_photo(photo)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        runs: dict[str, list[dict]] = {"warm": [], "cold": []}
        for n in range(RUNS + 1):
            for mode, results in runs.items():
                done = subprocess.run(
                    [sys.executable, "-c", CHILD, str(photo), mode],
                    capture_output=True, text=True, cwd=ROOT, env=env, check=True,
                )  # fmt: skip
                if n:  # the first run fills the bytecode caches
                    results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    first = runs["warm"][0]
    print(f"12-megapixel JPEG ({size / 1e6:.1f} MB), shown at {first['size']}")
    for mode, what in (
        ("warm", "after the editor's warm-up (as in the app)"),
        ("cold", "cold: Pillow and the picture check imported by this open"),
    ):
        paint = statistics.median(r["paint"] for r in runs[mode]) * 1000
        worst = max(r["paint"] for r in runs[mode]) * 1000
        print(f"open to first paint, {what}: median {paint:.0f} ms, slowest {worst:.0f} ms")
    floor = statistics.median(r["floor"] for r in runs["warm"]) * 1000
    print(f"floor (decoding the photo at half size, nothing else): median {floor:.0f} ms")
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    markers = statistics.median(r["markers"] for r in runs["cold"]) * 1000
    print(f"marker search (worker thread, after the paint): median {markers:.0f} ms")
    print(f"found {first['points']} (target 300 ms to first paint)")


if __name__ == "__main__":
    main()
