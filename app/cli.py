"""Headless sub-commands. Rules (DOMAIN.md §7): commands that write create a missing database,
commands that only read never do; user errors exit 2 with one line, never a traceback."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from app import __version__
from app.config import database_target
from app.domain.text import counted, visible
from app.errors import UserFacingError
from app.models.db import Database, open_database

if TYPE_CHECKING:
    from app.domain.catalog import Catalog
    from app.domain.records import AthleteInfo

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class CommandError(UserFacingError):
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
        choices=("sessions", "trends", "program", "library"),
        default="sessions",
        help="page shown (with --screenshot)",
    )
    parser.add_argument(
        "--size",
        metavar="WxH",
        default="1280x800",
        help="window size for --screenshot (default 1280x800)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check that this installation works (database, chart, PDF) and exit",
    )
    parser.add_argument(
        "--theme",
        choices=("system", "light", "dark"),
        default="system",
        help="colour palette (default: follow the system)",
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
    p = command("import", "import measurements from CSV, or a whole JSON export (all or nothing)")
    p.add_argument("file", metavar="FILE", help="a .csv file (DOMAIN.md §6) or a .json export")
    p.add_argument(
        "--merge",
        action="store_true",
        help="JSON into a database in use: add what is missing, report conflicts",
    )
    p = command("export", "export measurements as CSV, or everything as JSON")
    p.add_argument("-o", "--output", metavar="FILE", required=True, help="file to write")
    p.add_argument(
        "--format", choices=("csv", "json"), help="default: json for *.json, otherwise csv"
    )
    _athlete_options(p)
    p = command(
        "report",
        "write an athlete's program handout (or progress report for the referrer) as a PDF",
    )
    _athlete_options(p)
    p.add_argument("-o", "--output", metavar="FILE.pdf", required=True, help="PDF to write")
    p.add_argument(
        "--kind",
        choices=("handout", "progress"),
        default="handout",
        help="the patient's handout (default) or the progress report for the referrer",
    )
    p.add_argument(
        "--lang",
        metavar="CODE",
        help="language of the report (en, de, es; default: the athlete's handout language)",
    )
    p.add_argument(
        "--program",
        choices=("latest", "suggested"),
        default="latest",
        help="handout only: the latest saved program (default) or what the findings suggest",
    )
    p.add_argument("--paper", choices=("a4", "letter"), help="default: the clinic setting")
    p.add_argument(
        "--ticks",
        choices=("from-today", "whole"),
        default="from-today",
        help="handout only: the tick sheet from today to the program's end (default), or the "
        "whole program",
    )
    p.add_argument(
        "--assessment",
        metavar="TEXT",
        default=None,
        help="progress report only: the clinician's assessment (@FILE reads it from a file; "
        "default: the one stored with the athlete)",
    )
    p.add_argument(
        "--plan",
        metavar="TEXT",
        default=None,
        help="progress report only: the plan (@FILE reads it from a file; default: the one "
        "stored with the athlete)",
    )
    p.add_argument(
        "--save-notes",
        action="store_true",
        help="progress report only: also store the given --assessment/--plan with the athlete "
        "for the next report",
    )
    p = command("backup", "write a consistent copy of the database to a new FILE (SQLite)")
    p.add_argument("-o", "--output", metavar="FILE", required=True, help="new file to write")
    p = command(
        "restore",
        "replace the database with the backup FILE (checked first; the current file is kept)",
    )
    p.add_argument("file", metavar="FILE", help="a backup: an intact Untwist database")
    p = sub.add_parser(
        "angle",
        help="measure an angle on a photo (2 points: from the vertical; 3: at the middle one)",
        description="Print 'angle: D.D°' and the points in the photo's pixels (after its EXIF "
        "orientation). Without --points, 2 or 3 coloured markers are found, top to bottom.",
    )
    p.add_argument("file", metavar="FILE", help="a JPEG or PNG photo")
    p.add_argument(
        "--points",
        nargs="+",
        metavar="X,Y",
        help="2 points (a segment against the vertical) or 3 (the angle at the middle one)",
    )
    p.add_argument(
        "--marker-colour", metavar="RRGGBB", default=None, help="marker colour (default 00C853)"
    )
    db_group = sub.add_parser(
        "db", help="database maintenance (db copy)", description="database maintenance"
    )
    db_sub = db_group.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    p = db_sub.add_parser(
        "copy",
        help="copy a whole database between SQLite and PostgreSQL (into a new or empty one)",
        description="Copy every row, ids included, from one database to another (a file path "
        "or an SQLAlchemy URL each), creating the target; refuses a target that holds data; "
        "verifies the row counts afterwards.",
    )
    p.add_argument("--from", dest="source", metavar="PATH|URL", required=True, help="source")
    p.add_argument("--to", dest="target", metavar="PATH|URL", required=True, help="target")
    return parser


def _athlete_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--athlete", metavar="NAME", help="athlete's full name")
    p.add_argument("--athlete-id", metavar="N", type=int, help="athlete id (when names repeat)")


def _open(args: argparse.Namespace, *, create: bool, check_pages: bool = True) -> Database:
    """``check_pages=False`` for the read-only reports: their time must not grow with the file
    (SQLite still refuses every damaged page they read; see ``open_database``)."""
    return open_database(
        database_target(getattr(args, "db", None)), create=create, check_pages=check_pages
    )


def _catalog(db: Database) -> Catalog:
    """The database's catalog; a damaged definition is named on stderr (stdout stays the
    command's own output, which scripts read) and the command goes on."""
    from app.services.catalog import load_catalog

    catalog = load_catalog(db)
    for problem in catalog.damaged:
        print(f"untwist: warning: {visible(problem)}", file=sys.stderr)
    return catalog


def cmd_demo(args: argparse.Namespace) -> int:
    from app.services.demo import create_demo

    db = _open(args, create=True)
    try:
        create_demo(db, _catalog(db))
    finally:
        db.dispose()
    print(f"demo database written to {db.label}")
    return EXIT_OK


def _resolve_athlete(db: Database, args: argparse.Namespace) -> AthleteInfo:
    from app.services.athletes import find_athlete

    if args.athlete is None and args.athlete_id is None:
        raise CommandError("name the athlete with --athlete NAME or --athlete-id N")
    return find_athlete(db, args.athlete, args.athlete_id)


def cmd_summary(args: argparse.Namespace) -> int:
    from app.reports.text import format_summary
    from app.services.summary import latest_summary

    db = _open(args, create=False, check_pages=False)
    try:
        athlete = _resolve_athlete(db, args)
        catalog = _catalog(db)
        print(format_summary(latest_summary(db, catalog, athlete.id)), end="")
    finally:
        db.dispose()
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    """All or nothing, and a refused import of a new file leaves no database behind."""
    from app.services.interchange import (
        ImportRejected,
        InvalidFile,
        check_import_file,
        database_for_import,
        file_format,
    )

    check_import_file(args.file)  # before a database is created for nothing
    kind = file_format(args.file)
    if kind == "csv" and args.merge:
        raise CommandError("--merge is for JSON files (a CSV import only adds what is missing)")
    try:
        with database_for_import(database_target(getattr(args, "db", None))) as db:
            if kind == "json":
                from app.services.json_io import import_json

                result = import_json(db, args.file, merge=args.merge)
                for conflict in result.conflicts:
                    print(f"conflict: {visible(conflict)}", file=sys.stderr)
            else:
                from app.services.csv_import import import_csv

                result = import_csv(db, _catalog(db), args.file)  # type: ignore[assignment]
    except ImportRejected as exc:
        for error in exc.errors:
            print(visible(str(error)), file=sys.stderr)
        print(f"untwist import: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except InvalidFile as exc:  # read, but refused as a whole: refused input, one line
        print(f"untwist import: {visible(str(exc))}", file=sys.stderr)
        return EXIT_FAILED
    print(result.summary())
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    fmt = args.format or ("json" if args.output.lower().endswith(".json") else "csv")
    one_athlete = args.athlete is not None or args.athlete_id is not None
    if fmt == "json" and one_athlete:
        raise CommandError("a JSON export holds the whole database; --athlete is for CSV")
    db = _open(args, create=False)
    try:
        if fmt == "json":
            from app.services.json_io import export_json

            counts = export_json(db, args.output)
            print(
                f"exported {counted(counts['athletes'], 'athlete')}, "
                f"{counted(counts['assessments'], 'session')}, "
                f"{counted(counts['measurements'], 'measurement')}, "
                f"{counted(counts['programs'], 'program')}"
            )
        else:
            from app.services.csv_export import export_csv

            athlete_id = _resolve_athlete(db, args).id if one_athlete else None
            print(export_csv(db, _catalog(db), args.output, athlete_id).summary())
    finally:
        db.dispose()
    return EXIT_OK


def _free_text(value: str | None, what: str) -> str | None:
    """``--assessment``/``--plan``: the text, or ``@FILE`` read as UTF-8 (a letter is long);
    ``None`` (not given): the athlete's stored text."""
    if value is None or not value.startswith("@"):
        return value
    from app.services.reports import read_text_file

    return read_text_file(value[1:], what)


def cmd_report(args: argparse.Namespace) -> int:
    """The same PDFs as the Program page's "Print handout" and "Progress report…", written
    whole or not at all. The language is checked before the database is opened, so an unknown
    code writes nothing. The progress report prints the athlete's stored assessment and plan
    unless given; given text is stored only with ``--save-notes`` (a command that prints
    should not change the record unasked), before the PDF is written."""
    from app.domain.language import UnknownLanguage, known_language
    from app.services.programs import write_handout
    from app.services.reports import write_progress_report
    from app.services.settings import get_settings

    try:
        lang = known_language(args.lang) if args.lang is not None else None
    except UnknownLanguage as exc:
        raise CommandError(str(exc)) from None
    if args.kind == "progress":
        if args.program != "latest":
            print(
                "untwist report: --program applies to the handout only; the progress report "
                "shows the latest saved program, if any",
                file=sys.stderr,
            )
        assessment = _free_text(args.assessment, "the assessment")
        plan = _free_text(args.plan, "the plan")
        if args.save_notes and assessment is None and plan is None:
            raise CommandError("--save-notes stores --assessment and --plan: give one of them")
    elif args.assessment is not None or args.plan is not None or args.save_notes:
        print(
            "untwist report: --assessment, --plan and --save-notes apply to the progress report "
            "only (--kind progress)",
            file=sys.stderr,
        )
    db = _open(args, create=False, check_pages=False)
    try:
        athlete = _resolve_athlete(db, args)
        if args.kind == "progress":
            if args.save_notes:
                from app.services.progress_notes import get_progress_notes, save_progress_notes

                stored = get_progress_notes(db, athlete.id)
                stored = save_progress_notes(
                    db,
                    athlete.id,
                    stored.assessment if assessment is None else assessment,
                    stored.plan if plan is None else plan,
                    stored.version,
                )
                assessment, plan = stored.assessment, stored.plan
            written = write_progress_report(
                db,
                _catalog(db),
                get_settings(db),
                athlete.id,
                args.output,
                paper=args.paper,
                language=lang,
                assessment=assessment,
                plan=plan,
            )
        else:
            written = write_handout(
                db,
                _catalog(db),
                get_settings(db),
                athlete.id,
                args.output,
                args.program,
                paper=args.paper,
                language=lang,
                ticks=args.ticks,
            )
    finally:
        db.dispose()
    print(f"wrote {counted(written.pages, 'page')} to {args.output}")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from app.services.backups import backup_to_file

    written = backup_to_file(database_target(getattr(args, "db", None)), args.output)
    print(f"backup written to {written}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    """Restore while nobody uses the database.

    The restore service takes the database alone (every window and command holds it shared
    while open); the window lock is taken too, for a window that holds no database yet (its
    "cannot open" dialog is up).
    """
    from app.models.access import in_use_message
    from app.models.db import sqlite_path
    from app.services.backups import restore

    target = database_target(getattr(args, "db", None))
    path = sqlite_path(target)
    lock = None
    if path is not None and path.parent.is_dir():
        from app.locking import InstanceLock

        lock = InstanceLock(path)
        if not lock.acquire(listen=False) and lock.held_by_another():
            holder = lock.holder()
            who = f" ({holder.describe()})" if holder else ""
            raise CommandError(f"Nothing was restored: {in_use_message(f'{path}{who}')}")
    try:
        result = restore(target, args.file)
    finally:
        if lock is not None:
            lock.release()
    print(f"restored {result.restored_from} into {result.database}")
    if result.moved_aside:
        print(f"the previous file was kept as {result.moved_aside}")
    return EXIT_OK


def cmd_db(args: argparse.Namespace) -> int:
    """``db copy``: SQLite ↔ PostgreSQL, all or nothing, counts checked."""
    from app.services.db_copy import CopyRefused, copy_database

    try:
        print(copy_database(args.source, args.target).summary())
    except CopyRefused as exc:  # a row of the source is refused: refused input, one line
        print(f"untwist db: {exc}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _point(text: str) -> tuple[float, float]:
    from app.domain.validation import Invalid, parse_number

    parts = text.split(",")
    try:
        if len(parts) != 2:
            raise Invalid("")
        x, y = (parse_number(p.strip()) for p in parts)
    except Invalid:
        raise CommandError(f"--points: {visible(text)!r} is not X,Y (two numbers)") from None
    return x, y


def cmd_angle(args: argparse.Namespace) -> int:
    """``angle FILE``: exit 1 for a marker count that gives no angle, 2 for an unreadable
    file or a usage mistake."""
    from app.domain.goniometer import (
        DEFAULT_MARKER_COLOUR,
        GeometryProblem,
        colour_problem,
        shown,
    )
    from app.services.photos import MarkerCount, measure_file

    colour = args.marker_colour or DEFAULT_MARKER_COLOUR
    problem = colour_problem(colour)
    if problem:
        raise CommandError(f"--marker-colour: {problem}")
    points = None
    if args.points is not None:
        if len(args.points) not in (2, 3):
            raise CommandError(f"--points: give 2 or 3 points, not {len(args.points)}")
        points = [_point(p) for p in args.points]
    try:
        result = measure_file(args.file, points, colour)
    except MarkerCount as exc:
        raise CommandError(str(exc), EXIT_FAILED) from None
    except GeometryProblem as exc:
        raise CommandError(str(exc), EXIT_FAILED) from None
    print(f"angle: {shown(result.angle)}")
    print("points: " + " ".join(f"{x:.1f},{y:.1f}" for x, y in result.points))
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "angle": cmd_angle,
    "demo": cmd_demo,
    "summary": cmd_summary,
    "import": cmd_import,
    "export": cmd_export,
    "report": cmd_report,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "db": cmd_db,
}


def run_command(args: argparse.Namespace) -> int:
    try:
        return COMMANDS[args.command](args)
    except UserFacingError as exc:
        code = exc.code if isinstance(exc, CommandError) else EXIT_USAGE
        print(f"untwist {args.command}: {visible(str(exc))}", file=sys.stderr)
        return code
    except KeyboardInterrupt:
        print(f"untwist {args.command}: interrupted", file=sys.stderr)
        return 130


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    return build_parser().parse_args(argv)
