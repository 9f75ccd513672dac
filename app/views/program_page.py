"""The Program page: suggest a program from the findings, edit it, save dated versions,
tick the days done, and print the handout.

The editor always holds one program, a :class:`~app.domain.program_draft.ProgramDraft`: the
version chosen in the list (the newest by default), or a suggestion/edit not saved yet. Saving
makes a new dated version; earlier versions stay and can be shown again from the list.

The page loads, saves and suggests through the services and wires its parts together:
:mod:`~app.views.program_header` (title, version bar, reasons), :mod:`~app.views.program_editor`
(the drills and notes, edited in the draft), :mod:`~app.views.adherence_grid` (the days ticked
for the saved version shown) and :mod:`~app.views.handout_printer` (the PDF, drawn off the GUI
thread).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.drills import Drill
from app.domain.language import Language, language
from app.domain.phrases import worded, worded_all
from app.domain.program_draft import ProgramDraft
from app.domain.programs import (
    ProgramData,
    ProgramItem,
    ProgramRecord,
    ProgramVersion,
    resolve_item_drill,
)
from app.domain.records import AthleteInfo
from app.errors import UserFacingError
from app.services.context import AppContext, Database
from app.services.drills import drill_library
from app.services.errors import Conflict
from app.services.programs import (
    draft_data,
    get_program,
    latest_program,
    list_versions,
    newest_program_id,
    save_program,
    suggest,
)
from app.views.adherence_grid import AdherenceGrid
from app.views.conflict_dialog import program_lines, settle_conflict
from app.views.handout_printer import HandoutPrinter
from app.views.operations import Operation, write
from app.views.photo_marks import PhotoPairChoice
from app.views.program_editor import ProgramEditor
from app.views.program_header import ProgramHeader, ReasonsPanel
from app.views.progress_report_dialog import ProgressReportDialog
from app.views.state import AppState, Loader
from app.views.translation import user_text
from app.views.unsaved import Answer, ask_unsaved, holds_edits


@dataclass(frozen=True)
class _Loaded:
    """What one refresh of the page reads (in one go, off the GUI thread on a server)."""

    library: list[Drill]
    versions: list[ProgramVersion]
    newest: int | None
    record: ProgramRecord | None


class ProgramPage(QWidget):
    def __init__(
        self,
        state: AppState,
        parent: QWidget | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        holds_edits(self)  # the window asks it before a switch or close (KeepsEdits)
        self.state = state
        self.loader = Loader(state, self)
        self.today = today  # the adherence grid's "today" (tests pass a fixed date)
        self.athlete_id: int | None = None
        self.athlete: AthleteInfo | None = None
        # the progress report's assessment and plan per athlete, while the window is open
        # (not stored: DESIGN.md), so a second print does not mean retyping
        self.versions: list[ProgramVersion] = []
        self.draft = ProgramDraft(start=dt.date.today())
        self.library: list[Drill] = []
        self._ready = False
        self._build()
        self.set_athlete(None)
        for signal in (
            state.sessions_changed,  # the findings a suggestion starts from
            state.programs_changed,
            state.drills_changed,
            state.settings_changed,
            state.database_replaced,
        ):
            signal.connect(self.refresh)

    @property
    def context(self) -> AppContext:
        return self.state.context

    # -- the draft's state, by the names the page has always used ----------------------
    @property
    def shown(self) -> ProgramRecord | None:
        """The saved version in the editor (None: a new program or a suggestion)."""
        return self.draft.saved

    @property
    def dirty(self) -> bool:
        return self.draft.dirty

    @dirty.setter
    def dirty(self, value: bool) -> None:
        self.draft.dirty = value

    @property
    def based_on(self) -> int | None:
        return self.draft.based_on

    @property
    def week(self) -> int:
        return self.adherence_box.week

    # -- construction -------------------------------------------------------------------
    def _build(self) -> None:
        self.header = ProgramHeader()
        self.reasons = ReasonsPanel()
        self.editor = ProgramEditor()
        self.adherence_box = AdherenceGrid(self.state, today=self.today)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.reasons)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.adherence_box, 0)
        self.photo_choice = PhotoPairChoice(self.state)  # issue 19: none unless chosen
        # issue 18: the tick sheet from today (default) or for the whole program
        self.ticks_box = QComboBox()
        self.ticks_box.addItem(self.tr("from today to the end"), "from-today")
        self.ticks_box.addItem(self.tr("the whole program"), "whole")
        self.ticks_box.setAccessibleName(self.tr("Tick sheet"))
        ticks_label = QLabel(self.tr("&Tick sheet:"))
        ticks_label.setBuddy(self.ticks_box)
        options = QHBoxLayout()
        options.addWidget(self.photo_choice, 3)
        options.addStretch(1)
        options.addWidget(ticks_label)
        options.addWidget(self.ticks_box)
        options.addSpacing(12)
        options.addWidget(self.header.report_button)
        layout.addLayout(options)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.header.open_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(status_row)
        header = self.header
        self.printer = HandoutPrinter(
            self, header.pdf_button, header.print_button, header.open_button, self.status
        )
        header.version_chosen.connect(self._version_chosen)
        header.start_edited.connect(lambda day: self._after_edit(self.draft.set_start(day)))
        header.weeks_edited.connect(lambda weeks: self._after_edit(self.draft.set_weeks(weeks)))
        header.suggest_button.clicked.connect(self.suggest)
        header.save_button.clicked.connect(self.save)
        header.pdf_button.clicked.connect(self._save_pdf_clicked)
        header.print_button.clicked.connect(self._print_clicked)
        header.report_button.clicked.connect(self.progress_report)
        self.editor.changed.connect(lambda: self._after_edit(True))
        self.adherence_box.problem.connect(lambda text: self.status.setText(html.escape(text)))
        self._add_shortcuts()
        self._name_controls()

    def _add_shortcuts(self) -> None:
        """Ctrl+G suggests, Ctrl+S saves, Ctrl+Shift+S saves the handout as a PDF, Ctrl+P
        prints it, while this page is in front (a
        shortcut of a hidden page does not fire); each does what its button does, when the
        button may be used."""
        header = self.header
        for keys, button, what in (
            ("Ctrl+G", header.suggest_button, self.tr("Suggest a program from the findings")),
            ("Ctrl+S", header.save_button, self.tr("Save the program as a new version")),
            ("Ctrl+Shift+S", header.pdf_button, self.tr("Save the handout as a PDF")),
            ("Ctrl+P", header.print_button, self.tr("Print the handout")),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.setWhatsThis(what)
            shortcut.activated.connect(lambda b=button: b.click() if b.isEnabled() else None)
            text = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip((button.toolTip() + " " if button.toolTip() else "") + f"({text})")

    def _name_controls(self) -> None:
        """The controls tests and callers drive, by the names they had on the page itself."""
        header, items, form = self.header, self.editor.drill_list, self.editor.selected
        self.version_box, self.suggest_button = header.version_box, header.suggest_button
        self.save_button, self.print_button = header.save_button, header.print_button
        self.pdf_button = header.pdf_button
        self.open_button, self.notes_edit = header.open_button, self.editor.notes_edit
        self.item_list, self.remove_button = items.list, items.remove_button
        self.up_button, self.down_button = items.up_button, items.down_button
        self.per_week_spin, self.item_notes = form.dosage.per_week, form.notes
        self.reasons_label = self.reasons.label
        self.adherence_label, self.grid = self.adherence_box.label, self.adherence_box.grid
        self.week_label = self.adherence_box.week_label

    # -- page protocol ------------------------------------------------------------------
    def set_athlete(self, athlete: AthleteInfo | None) -> None:
        self.athlete = athlete  # named on the progress report
        athlete_id = athlete.id if athlete else None
        if athlete_id != self.athlete_id:
            self.athlete_id = athlete_id
            self.dirty = False  # the window asked first (KeepsEdits)
            self.photo_choice.set_athlete(athlete_id)
            self.status.setText("")  # "Suggested 5 drills…" was about the other athlete
        self.refresh()

    # -- unsaved edits (KeepsEdits: the window asks before switching athlete or closing) ---
    def unsaved_changes(self) -> str:
        if self.athlete_id is None or not self.dirty:
            return ""
        self.editor.commit_pending()
        return self.tr("The program on screen")

    def save_changes(self) -> bool:
        return self.save()

    def discard_changes(self) -> None:
        self.dirty = False
        self.draft.based_on = None
        self.refresh()

    def is_ready(self) -> bool:
        return self._ready

    def refresh(self) -> None:
        """Re-read the athlete's versions (keeps an unsaved edit on screen)."""
        self._ready = False
        athlete_id, dirty = self.athlete_id, self.dirty
        shown_id, based_on = (self.shown.id if self.shown else None), self.based_on
        language = self.context.language  # drills in the window's language

        def work(db: Database) -> _Loaded:
            library = drill_library(db, language=language)
            if athlete_id is None:
                return _Loaded(library, [], None, None)
            versions = list_versions(db, athlete_id)
            newest = newest_program_id(db, athlete_id)
            if dirty:
                return _Loaded(library, versions, newest, None)
            ids = [v.id for v in versions]
            target = shown_id if shown_id in ids else (ids[0] if ids else None)
            if shown_id in ids and shown_id == based_on != newest:
                target = newest  # the newest was shown, another desk saved: follow
            return _Loaded(library, versions, newest, get_program(db, target) if target else None)

        self.loader.load(work, self._loaded, self._load_failed)

    def _loaded(self, loaded: _Loaded) -> None:
        self.library = loaded.library
        self._fill_add_box()
        self.versions = loaded.versions
        if self.athlete_id is None or not self.dirty:
            self._load_record(loaded.record, loaded.newest)
        else:
            self._fill_versions()
        self._update_enabled()
        self._ready = True

    def _load_failed(self, exc: UserFacingError) -> None:
        self.status.setText(html.escape(user_text(exc)))
        self._update_enabled()
        self._ready = True

    # -- loading into the editor --------------------------------------------------------
    def _fill_add_box(self) -> None:
        self.editor.set_library(self.library)

    def _fill_versions(self) -> None:
        shown_id = self.shown.id if self.shown is not None else None
        self.header.show_versions(self.versions, self.dirty, shown_id)

    def _fill_header(self) -> None:
        self.header.show_title(self.athlete_id is not None, self.shown, self.dirty)

    def _load_record(self, record: ProgramRecord | None, newest: int | None) -> None:
        """Show a saved version (None: an empty program), as saved; ``newest``: the id of the
        athlete's newest version, which a save will be based on."""
        based_on = newest if self.athlete_id else None
        if record is None:
            self.draft = ProgramDraft(start=dt.date.today(), based_on=based_on)
            self.reasons.show_hint(
                self.tr("<i>No program saved yet. Use “Suggest from findings” or add drills.</i>")
                if self.athlete_id is not None
                else self.tr("<i>Choose an athlete.</i>")
            )
        else:
            self.draft = ProgramDraft.of_record(record, self._resolve, based_on=based_on)
            # stored phrases worded now, in the reader's language (a plain string as stored)
            self.reasons.show_reasons(worded_all(record.reasons, self._words()), (), "", "")
        self._show_draft()
        self._fill_versions()
        self._fill_header()
        self._load_adherence()

    def _show_draft(self) -> None:
        """Put the draft's dates, notes and drills on screen (the first drill selected)."""
        self.header.show_dates(self.draft.start, self.draft.weeks)
        self.editor.show_draft(self.draft)

    def _resolve(self, item: ProgramItem) -> Drill:
        library = self.library
        try:
            return resolve_item_drill(item.drill_key, item.side, library)
        except KeyError:
            full = drill_library(
                self.context.db, include_retired=True, language=self.context.language
            )
            return resolve_item_drill(item.drill_key, item.side, full)

    # -- editing ------------------------------------------------------------------------
    def _after_edit(self, changed: bool) -> None:
        """Once the draft changed: "New program (not saved)" heads the versions."""
        if changed:
            self._fill_versions()
            self._fill_header()
            self._update_enabled()

    def _version_chosen(self, program_id: int | None) -> None:
        if program_id is None or (self.shown and self.shown.id == program_id and not self.dirty):
            return
        if self.dirty and not self._settle_edits():
            self._fill_versions()
            return
        athlete_id = self.athlete_id

        def work(db: Database) -> tuple[ProgramRecord, int | None]:
            newest = newest_program_id(db, athlete_id) if athlete_id else None
            return get_program(db, program_id), newest

        def failed(exc: UserFacingError) -> None:
            QMessageBox.warning(self, self.tr("Program"), user_text(exc))
            self._update_enabled()

        self.loader.load(work, self._version_loaded, failed)

    def _version_loaded(self, loaded: tuple[ProgramRecord, int | None]) -> None:
        self._load_record(*loaded)
        self._update_enabled()

    def _settle_edits(self) -> bool:
        """Save / Discard / Cancel before another version replaces the edited one."""
        answer = ask_unsaved(self, self.tr("The program on screen"))
        if answer is Answer.SAVE:
            return self.save()
        return answer is Answer.DISCARD

    def _words(self) -> Language:
        """The window's language, for the sentences the domain builds (reasons, notes)."""
        return language(self.context.language)

    def current_data(self) -> ProgramData:
        """The program as the editor shows it."""
        return self.draft.data()

    # -- actions ------------------------------------------------------------------------
    def suggest(self) -> None:
        """Replace the editor's program with what the findings suggest (not saved yet)."""
        if self.athlete_id is None:
            return
        try:
            suggestion = suggest(self.context.db, self.context.catalog, self.athlete_id)
        except UserFacingError as exc:
            QMessageBox.warning(self, self.tr("Suggest"), user_text(exc))
            return
        # painful measurements first, for the clinician to assess before loading (DOMAIN.md §5)
        words = self._words()
        painful = tuple(
            self.tr("Pain-limited: {0}").format(line)
            for line in worded_all(suggestion.painful, words)
        )
        watch = worded_all(suggestion.watch, words)
        if suggestion.empty:
            message = worded(suggestion.message, words)
            self.reasons.show_reasons(painful, watch, "", message)
            self.status.setText(html.escape(message))
            return
        data = draft_data(suggestion, dt.date.today(), language=self.context.language)
        self.draft = ProgramDraft.unsaved(data, self._resolve, based_on=self.based_on)
        self._show_draft()
        self._after_edit(True)
        self.reasons.show_reasons(
            (*painful, *worded_all(suggestion.reasons, words)),
            watch,
            worded(suggestion.note, words),
            "",
        )
        self.status.setText(
            self.tr("Suggested {0}. Edit them if needed, then save.").format(
                self.tr("%n drill(s)", "", len(suggestion.items))
            )
        )
        self._load_adherence()

    def save(self, *, overwrite: bool = False) -> bool:
        if self.athlete_id is None:
            return False
        self.editor.commit_pending()
        db, athlete_id, data, based_on = (
            self.context.db,
            self.athlete_id,
            self.current_data(),
            self.based_on,
        )
        done = write(
            self,
            db,
            lambda: save_program(db, athlete_id, data, based_on, overwrite=overwrite),
            self._saved,
            self._refused,
        )
        return bool(done)  # None: still saving on the server; the callbacks finish the job

    def _refused(self, exc: UserFacingError) -> bool:
        if isinstance(exc, Conflict):
            return self._conflict(exc)
        QMessageBox.warning(
            self,
            self.tr("Cannot save the program"),
            user_text(exc)
            + "\n\n"
            + self.tr("The program on screen is kept: Save again once this is resolved."),
        )
        return False

    def _saved(self, record: ProgramRecord) -> bool:
        if self.athlete_id is None:
            return False
        self._load_record(record, record.id)  # the newest version now
        self.refresh()  # the list of versions
        self.status.setText(
            self.tr("Program saved as the version of {0}.").format(record.start_date.isoformat())
        )
        self._update_enabled()
        return True

    def _conflict(self, exc: Conflict) -> bool:
        """Another desk saved a version since this one was opened: compare, then decide.

        Overwrite saves this program as the newest version (the other one stays on record);
        Reload shows the other desk's version; Keep editing changes nothing.
        """
        names = {d.key: d.name for d in self.library}
        athlete_id = self.athlete_id
        assert athlete_id is not None  # only a save conflicts
        saved = settle_conflict(
            self,
            exc,
            self.tr("This athlete's program"),
            ProgramRecord,
            lines=lambda theirs: program_lines(self.current_data(), theirs, names),
            reload=self._show_theirs,
            overwrite=self._overwrite,
            say=lambda text: self.status.setText(html.escape(text)),
            not_saved=self.tr("Not saved yet: another desk saved a newer version."),
            stored=lambda: latest_program(self.context.db, athlete_id),
        )
        return saved is True

    def _overwrite(self, theirs: ProgramRecord | None) -> bool:
        if theirs is None:
            return self.save(overwrite=True)
        self.draft.based_on = theirs.id  # over exactly what was shown; a third save is caught
        return self.save()

    def _show_theirs(self, theirs: ProgramRecord) -> None:
        assert self.athlete_id is not None
        self._load_record(theirs, theirs.id)  # the other desk's is the newest
        self.refresh()  # the list of versions
        self._update_enabled()

    def _print_clicked(self) -> None:
        """Print what the editor shows (the print dialog comes once the handout is drawn)."""
        self.editor.commit_pending()
        if self.athlete_id is None or not len(self.draft):
            return
        self.printer.print_handout(
            self.context,
            self.athlete_id,
            self.draft.printable(),
            photos=self.photo_choice.chosen_ids(),
        )

    def _save_pdf_clicked(self) -> None:
        self.editor.commit_pending()
        if self.athlete_id is None or not len(self.draft):
            return
        path = self.printer.choose_file()
        if path is not None:
            self.export_pdf(path)

    def export_pdf(self, path: Path) -> Operation | None:
        """Write the handout of what the editor shows, in the background."""
        if self.athlete_id is None:
            return None
        self.editor.commit_pending()
        return self.printer.export(
            self.context,
            self.athlete_id,
            self.draft.printable(),
            path,
            photos=self.photo_choice.chosen_ids(),
            ticks=str(self.ticks_box.currentData()),
        )

    def progress_report(self) -> ProgressReportDialog | None:
        """Ask for the assessment and plan, then write the progress report (no program
        needed); returns the dialog, shown window-modal."""
        athlete = self.athlete
        if athlete is None or self.athlete_id is None:
            return None
        dialog = ProgressReportDialog(self.context, athlete, self)  # starts from the stored note
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.finished.connect(lambda _result: self._report_done(dialog))
        dialog.open()
        return dialog

    def _report_done(self, dialog: ProgressReportDialog) -> None:
        if dialog.written is not None:
            written = dialog.written
            self.status.setText(
                self.tr("Progress report written: {0} ({1}).").format(
                    html.escape(str(written.path)),
                    self.tr("%n page(s)", "", written.pages),
                )
            )
        dialog.deleteLater()

    # -- adherence ----------------------------------------------------------------------
    def _load_adherence(self) -> None:
        """The ticks belong to the saved version shown, unedited; else the grid hides."""
        record = self.draft.saved_unchanged
        names = [self._resolve(item).name for item in record.items] if record else []
        self.adherence_box.show_program(record, names)

    def _update_enabled(self) -> None:
        writable = not self.context.db.read_only
        has_athlete = self.athlete_id is not None
        self.header.update_enabled(
            has_athlete=has_athlete,
            writable=writable,
            has_items=len(self.draft) > 0,
            can_save=self.dirty or self.shown is None,
        )
        self.editor.update_enabled(has_athlete=has_athlete, writable=writable)
