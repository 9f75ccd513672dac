"""Benchmarks that print numbers (not tests): ``uv run python -m bench [NAME ...]``.

Each module ``bench/NAME.py`` with a ``main()`` is a benchmark; ``main()`` returns its figures
as ``(label, value, unit)`` tuples and ``python -m bench`` prints one line per figure. Helpers
without ``main()`` (``largedb``) are shared by the benchmarks.
"""

from __future__ import annotations

Figure = tuple[str, float, str]
