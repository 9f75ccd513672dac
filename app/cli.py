"""Headless sub-commands. Rules (DOMAIN.md §7): commands that write create a missing database,
commands that only read never do; user errors exit 2 with one line, never a traceback."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from app import __version__
from app.config import database_target
from app.models.db import Database, open_database
from app.models.errors import DatabaseProblem
from app.services.errors import ServiceError

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class CommandError(Exception):
    """A user-facing failure: print the message, exit with ``code``."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="untwist",
        description="Left-versus-right mobility measurements, asymmetry trends and programs.",
    )
    parser.add_argument("--version", action="version", version=f"untwist {__version__}")
    parser.add_argument("--db", metavar="PATH|URL", help="database file or SQLAlchemy URL")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the app on a fresh demo database in a temporary folder",
    )
    parser.add_argument(
        "--screenshot", metavar="FILE.png", help="render the window to FILE.png and exit"
    )
    parser.add_argument(
        "--view",
        choices=("sessions", "trends", "program"),
        default="sessions",
        help="page shown (with --screenshot)",
    )
    parser.add_argument(
        "--size",
        metavar="WxH",
        default="1280x800",
        help="window size for --screenshot (default 1280x800)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument(
            "--db",
            metavar="PATH|URL",
            default=argparse.SUPPRESS,
            help="database file or SQLAlchemy URL",
        )
        return p

    command("demo", "create the demo database (refuses a non-empty one)")
    p = command("summary", "print an athlete's latest session with flags and pattern")
    _athlete_options(p)
    return parser


def _athlete_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--athlete", metavar="NAME", help="athlete's full name")
    p.add_argument("--athlete-id", metavar="N", type=int, help="athlete id (when names repeat)")


def _open(args: argparse.Namespace, *, create: bool) -> Database:
    return open_database(database_target(getattr(args, "db", None)), create=create)


def cmd_demo(args: argparse.Namespace) -> int:
    from app.services.catalog import load_catalog
    from app.services.demo import create_demo

    db = _open(args, create=True)
    try:
        create_demo(db, load_catalog(db))
    finally:
        db.dispose()
    print(f"demo database written to {db.label}")
    return EXIT_OK


def _resolve_athlete(db: Database, args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from app.services.athletes import find_athlete

    if args.athlete is None and args.athlete_id is None:
        raise CommandError("name the athlete with --athlete NAME or --athlete-id N")
    return find_athlete(db, args.athlete, args.athlete_id)


def cmd_summary(args: argparse.Namespace) -> int:
    from app.reports.text import format_summary
    from app.services.catalog import load_catalog
    from app.services.summary import latest_summary

    db = _open(args, create=False)
    try:
        athlete = _resolve_athlete(db, args)
        catalog = load_catalog(db)
        print(format_summary(latest_summary(db, catalog, athlete.id)), end="")
    finally:
        db.dispose()
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "demo": cmd_demo,
    "summary": cmd_summary,
}


def run_command(args: argparse.Namespace) -> int:
    try:
        return COMMANDS[args.command](args)
    except (CommandError, DatabaseProblem, ServiceError) as exc:
        code = exc.code if isinstance(exc, CommandError) else EXIT_USAGE
        print(f"untwist {args.command}: {exc}", file=sys.stderr)
        return code
    except KeyboardInterrupt:
        print(f"untwist {args.command}: interrupted", file=sys.stderr)
        return 130


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    return build_parser().parse_args(argv)
