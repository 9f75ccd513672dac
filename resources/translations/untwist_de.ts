<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AdherenceGrid</name>
    <message>
        <source>Done (tick a drill on the day it was done)</source>
        <translation>Erledigt (Übung am Tag der Ausführung abhaken)</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Vorige Woche</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Nächste Woche</translation>
    </message>
    <message>
        <source>Week {0} of {1}</source>
        <translation>Woche {0} von {1}</translation>
    </message>
    <message>
        <source>This day has not come yet</source>
        <translation>Dieser Tag liegt noch in der Zukunft</translation>
    </message>
    <message>
        <source>Adherence: the program has not started yet.</source>
        <translation>Therapietreue: Das Programm hat noch nicht begonnen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Adherence so far: {0:.0f} %&lt;/b&gt; of the sessions due</source>
        <translation>&lt;b&gt;Therapietreue bisher: {0:.0f} %&lt;/b&gt; der fälligen Einheiten</translation>
    </message>
    <message>
        <source>Cannot record the day</source>
        <translation>Der Tag kann nicht eingetragen werden</translation>
    </message>
</context>
<context>
    <name>AthleteDialog</name>
    <message>
        <source>Edit athlete</source>
        <translation>Athlet bearbeiten</translation>
    </message>
    <message>
        <source>New athlete</source>
        <translation>Neuer Athlet</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Vollständiger Name</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>female</source>
        <translation>weiblich</translation>
    </message>
    <message>
        <source>male</source>
        <translation>männlich</translation>
    </message>
    <message>
        <source>other</source>
        <translation>divers</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>Sport</source>
        <translation>Sportart</translation>
    </message>
    <message>
        <source>Dominant side</source>
        <translation>Dominante Seite</translation>
    </message>
    <message>
        <source>Involved side</source>
        <translation>Betroffene Seite</translation>
    </message>
    <message>
        <source>Injury or surgery date</source>
        <translation>Datum der Verletzung oder OP</translation>
    </message>
    <message>
        <source>Injury or surgery</source>
        <translation>Verletzung oder OP</translation>
    </message>
    <message>
        <source>Leg length left</source>
        <translation>Beinlänge links</translation>
    </message>
    <message>
        <source>Leg length right</source>
        <translation>Beinlänge rechts</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Handout language</source>
        <translation>Sprache des Handouts</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Birth date</source>
        <translation>&amp;Geburtsdatum</translation>
    </message>
    <message>
        <source>&amp;Sex</source>
        <translation>Ge&amp;schlecht</translation>
    </message>
    <message>
        <source>S&amp;port</source>
        <translation>S&amp;portart</translation>
    </message>
    <message>
        <source>&amp;Dominant side</source>
        <translation>&amp;Dominante Seite</translation>
    </message>
    <message>
        <source>&amp;Involved side</source>
        <translation>&amp;Betroffene Seite</translation>
    </message>
    <message>
        <source>Injury / surgery da&amp;te</source>
        <translation>Verletzung / OP – Da&amp;tum</translation>
    </message>
    <message>
        <source>Injury / sur&amp;gery</source>
        <translation>&amp;Verletzung / OP</translation>
    </message>
    <message>
        <source>Leg length &amp;left</source>
        <translation>Beinlänge &amp;links</translation>
    </message>
    <message>
        <source>Leg length &amp;right</source>
        <translation>Beinlänge &amp;rechts</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>Not&amp;izen</translation>
    </message>
    <message>
        <source>&amp;Handout language</source>
        <translation>Sprache des &amp;Handouts</translation>
    </message>
    <message>
        <source>This athlete</source>
        <translation>Dieser Athlet</translation>
    </message>
    <message>
        <source>Same name</source>
        <translation>Gleicher Name</translation>
    </message>
    <message>
        <source>Another athlete is already named {0}. Save a second athlete with this name?</source>
        <translation>Es gibt bereits einen Athleten namens {0}. Einen zweiten Athleten mit diesem Namen speichern?</translation>
    </message>
    <message>
        <source>Not saved; your changes are still here: Save again.</source>
        <translation>Nicht gespeichert; Ihre Änderungen sind noch da: Speichern Sie erneut.</translation>
    </message>
    <message>
        <source>Not saved yet: another desk changed this athlete.</source>
        <translation>Noch nicht gespeichert: Ein anderer Arbeitsplatz hat diesen Athleten geändert.</translation>
    </message>
    <message>
        <source>Same as the app ({0})</source>
        <translation>Wie die App ({0})</translation>
    </message>
</context>
<context>
    <name>AthleteList</name>
    <message>
        <source>Search athletes (Ctrl+F)</source>
        <translation>Athleten suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search athletes</source>
        <translation>Athleten suchen</translation>
    </message>
    <message>
        <source>Athletes</source>
        <translation>Athleten</translation>
    </message>
    <message>
        <source>Show &amp;archived</source>
        <translation>Archi&amp;vierte zeigen</translation>
    </message>
    <message>
        <source> (archived)</source>
        <translation> (archiviert)</translation>
    </message>
</context>
<context>
    <name>BackupList</name>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
</context>
<context>
    <name>BadDatabaseDialog</name>
    <message>
        <source>Untwist cannot open the database</source>
        <translation>Untwist kann die Datenbank nicht öffnen</translation>
    </message>
    <message>
        <source>Untwist cannot open this database</source>
        <translation>Untwist kann diese Datenbank nicht öffnen</translation>
    </message>
    <message>
        <source>The file was not changed.</source>
        <translation>Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Aus Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Restore from file…</source>
        <translation>Aus Datei wiederherstellen…</translation>
    </message>
    <message>
        <source>Open another file…</source>
        <translation>Andere Datei öffnen…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Backups of this database:</source>
        <translation>Sicherungen dieser Datenbank:</translation>
    </message>
    <message>
        <source>No backups were found beside this database.</source>
        <translation>Neben dieser Datenbank wurden keine Sicherungen gefunden.</translation>
    </message>
    <message>
        <source>Choose a backup to restore</source>
        <translation>Wählen Sie eine Sicherung zum Wiederherstellen</translation>
    </message>
    <message>
        <source>Open another database</source>
        <translation>Andere Datenbank öffnen</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Wird wiederhergestellt…</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>Sport</source>
        <translation>Sportart</translation>
    </message>
    <message>
        <source>Dominant side</source>
        <translation>Dominante Seite</translation>
    </message>
    <message>
        <source>Involved side</source>
        <translation>Betroffene Seite</translation>
    </message>
    <message>
        <source>Injury / surgery date</source>
        <translation>Datum der Verletzung / OP</translation>
    </message>
    <message>
        <source>Injury / surgery</source>
        <translation>Verletzung / OP</translation>
    </message>
    <message>
        <source>Leg length left (cm)</source>
        <translation>Beinlänge links (cm)</translation>
    </message>
    <message>
        <source>Leg length right (cm)</source>
        <translation>Beinlänge rechts (cm)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Handout language</source>
        <translation>Sprache des Handouts</translation>
    </message>
    <message>
        <source>Aim</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Setup</source>
        <translation>Ausgangsstellung</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>What to feel</source>
        <translation>Was Sie spüren sollten</translation>
    </message>
    <message>
        <source>Common mistakes</source>
        <translation>Häufige Fehler</translation>
    </message>
    <message>
        <source>Dosage</source>
        <translation>Dosierung</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Zielmessungen</translation>
    </message>
    <message>
        <source>L {0} · R {1}</source>
        <translation>L {0} · R {1}</translation>
    </message>
    <message>
        <source> · pain {0}/{1}</source>
        <translation> · Schmerz {0}/{1}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Therapeut</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Startdatum</translation>
    </message>
    <message>
        <source>Weeks</source>
        <translation>Wochen</translation>
    </message>
    <message>
        <source>Drill {0}</source>
        <translation>Übung {0}</translation>
    </message>
    <message>
        <source>Changed at another desk</source>
        <translation>An einem anderen Arbeitsplatz geändert</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0} was saved at another desk since you opened it.&lt;/b&gt;&lt;br&gt;Nothing has been overwritten yet. {1}.</source>
        <translation>&lt;b&gt;{0} wurde an einem anderen Arbeitsplatz gespeichert, seit Sie es geöffnet haben.&lt;/b&gt;&lt;br&gt;Noch wurde nichts überschrieben. {1}.</translation>
    </message>
    <message>
        <source>highlighted line differs</source>
        <translation>markierte Zeile unterscheidet sich</translation>
    </message>
    <message>
        <source>highlighted lines differ</source>
        <translation>markierte Zeilen unterscheiden sich</translation>
    </message>
    <message>
        <source>&lt;br&gt;The other desk&apos;s version could not be read (deleted?).</source>
        <translation>&lt;br&gt;Die Version des anderen Arbeitsplatzes konnte nicht gelesen werden (gelöscht?).</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Yours (not saved)</source>
        <translation>Ihre (nicht gespeichert)</translation>
    </message>
    <message>
        <source>Saved by the other desk</source>
        <translation>Vom anderen Arbeitsplatz gespeichert</translation>
    </message>
    <message>
        <source>Your version and the other desk&apos;s, side by side</source>
        <translation>Ihre Version und die des anderen Arbeitsplatzes nebeneinander</translation>
    </message>
    <message>
        <source>&amp;Reload theirs (discard mine)</source>
        <translation>Deren Version &amp;laden (meine verwerfen)</translation>
    </message>
    <message>
        <source>Show the other desk&apos;s version; yours is dropped</source>
        <translation>Die Version des anderen Arbeitsplatzes zeigen; Ihre wird verworfen</translation>
    </message>
    <message>
        <source>&amp;Overwrite with mine</source>
        <translation>Mit meiner &amp;überschreiben</translation>
    </message>
    <message>
        <source>Save your version over the other desk&apos;s, as shown here</source>
        <translation>Ihre Version über die des anderen Arbeitsplatzes speichern, wie hier gezeigt</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Weiter bearbeiten</translation>
    </message>
    <message>
        <source>Save nothing yet; your form stays as it is</source>
        <translation>Noch nichts speichern; Ihr Formular bleibt, wie es ist</translation>
    </message>
    <message>
        <source>Showing the version saved at the other desk.</source>
        <translation>Die am anderen Arbeitsplatz gespeicherte Version wird angezeigt.</translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation>Praxisname</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Length unit</source>
        <translation>Längeneinheit</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Papierformat</translation>
    </message>
    <message>
        <source>In new sessions</source>
        <translation>In neuen Sitzungen</translation>
    </message>
    <message>
        <source>Extra backup folder</source>
        <translation>Zusätzlicher Sicherungsordner</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>Schwellenwerte</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Solo athlete</source>
        <translation>Eigener Athlet (Solo)</translation>
    </message>
    <message>
        <source>Photo marker colour</source>
        <translation>Farbe der Foto-Marker</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>Flag rule</source>
        <translation>Bewertungsregel</translation>
    </message>
    <message>
        <source>Lowest valid value</source>
        <translation>Kleinster gültiger Wert</translation>
    </message>
    <message>
        <source>Highest valid value</source>
        <translation>Größter gültiger Wert</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwellenwert</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Untwist hit an error it did not expect.&lt;/b&gt;&lt;br&gt;Your saved data is safe; the action you were doing may not have finished.&lt;br&gt;&lt;br&gt;{0}</source>
        <translation>&lt;b&gt;In Untwist ist ein unerwarteter Fehler aufgetreten.&lt;/b&gt;&lt;br&gt;Ihre gespeicherten Daten sind sicher; die laufende Aktion wurde möglicherweise nicht abgeschlossen.&lt;br&gt;&lt;br&gt;{0}</translation>
    </message>
    <message>
        <source>The details are also in the log: {0}</source>
        <translation>Die Einzelheiten stehen auch im Protokoll: {0}</translation>
    </message>
    <message>
        <source>Error details</source>
        <translation>Fehlerdetails</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>Details &amp;kopieren</translation>
    </message>
    <message>
        <source>Untwist</source>
        <translation>Untwist</translation>
    </message>
</context>
<context>
    <name>CustomMeasurementDialog</name>
    <message>
        <source>Own measurement</source>
        <translation>Eigene Messung</translation>
    </message>
    <message>
        <source>e.g. knee_flexion_deg</source>
        <translation>z. B. knee_flexion_deg</translation>
    </message>
    <message>
        <source>decimal number</source>
        <translation>Dezimalzahl</translation>
    </message>
    <message>
        <source>whole number / score</source>
        <translation>Ganzzahl / Punktwert</translation>
    </message>
    <message>
        <source>pass / fail</source>
        <translation>bestanden / nicht bestanden</translation>
    </message>
    <message>
        <source>difference between sides</source>
        <translation>Seitendifferenz</translation>
    </message>
    <message>
        <source>limb symmetry index (LSI)</source>
        <translation>Limb Symmetry Index (LSI)</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>&amp;Key (for CSV files)</source>
        <translation>&amp;Schlüssel (für CSV-Dateien)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>&amp;Einheit</translation>
    </message>
    <message>
        <source>&amp;Values</source>
        <translation>&amp;Werte</translation>
    </message>
    <message>
        <source>&amp;Flag rule</source>
        <translation>&amp;Bewertungsregel</translation>
    </message>
    <message>
        <source>&amp;Lowest valid value</source>
        <translation>&amp;Kleinster gültiger Wert</translation>
    </message>
    <message>
        <source>&amp;Highest valid value</source>
        <translation>&amp;Größter gültiger Wert</translation>
    </message>
    <message>
        <source>&amp;Threshold (or LSI cut-off %)</source>
        <translation>Sc&amp;hwellenwert (oder LSI-Grenze %)</translation>
    </message>
    <message>
        <source>&amp;Protocol</source>
        <translation>&amp;Protokoll</translation>
    </message>
    <message>
        <source>This measurement</source>
        <translation>Diese Messung</translation>
    </message>
    <message>
        <source>Showing the version saved at the other desk.</source>
        <translation>Die am anderen Arbeitsplatz gespeicherte Version wird angezeigt.</translation>
    </message>
    <message>
        <source>Not saved yet: another desk changed this measurement.</source>
        <translation>Noch nicht gespeichert: Ein anderer Arbeitsplatz hat diese Messung geändert.</translation>
    </message>
</context>
<context>
    <name>DataSafety</name>
    <message>
        <source>Untwist databases (*.sqlite *.db);;All files (*)</source>
        <translation>Untwist-Datenbanken (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>daily copy</source>
        <translation>tägliche Kopie</translation>
    </message>
    <message>
        <source>Backup now</source>
        <translation>Jetzt sichern</translation>
    </message>
    <message>
        <source>taken before a restore</source>
        <translation>vor einer Wiederherstellung angelegt</translation>
    </message>
    <message>
        <source>taken before an upgrade</source>
        <translation>vor einer Aktualisierung angelegt</translation>
    </message>
    <message>
        <source>Untwist is already open</source>
        <translation>Untwist ist bereits geöffnet</translation>
    </message>
    <message>
        <source>{path} is already open in another Untwist window{who}.</source>
        <translation>{path} ist bereits in einem anderen Untwist-Fenster geöffnet{who}.</translation>
    </message>
    <message>
        <source>Switch to that window, or open the database read-only here: you can look but not change anything, so the two windows cannot overwrite each other.</source>
        <translation>Wechseln Sie zu diesem Fenster oder öffnen Sie die Datenbank hier schreibgeschützt: Sie können alles ansehen, aber nichts ändern, damit sich die beiden Fenster nicht gegenseitig überschreiben.</translation>
    </message>
    <message>
        <source>Switch to the open window</source>
        <translation>Zum geöffneten Fenster wechseln</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Schreibgeschützt öffnen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Schreibgeschützt</translation>
    </message>
    <message>
        <source> — read-only</source>
        <translation> — schreibgeschützt</translation>
    </message>
    <message>
        <source>Daily backup: not written to {folders}</source>
        <translation>Tägliche Sicherung: nicht geschrieben nach {folders}</translation>
    </message>
    <message>
        <source>Daily backup saved.</source>
        <translation>Tägliche Sicherung gespeichert.</translation>
    </message>
    <message>
        <source>The daily backup failed: {why}</source>
        <translation>Die tägliche Sicherung ist fehlgeschlagen: {why}</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>Datenbank wird geprüft…</translation>
    </message>
</context>
<context>
    <name>DataSafetyActions</name>
    <message>
        <source>Backup now</source>
        <translation>Jetzt sichern</translation>
    </message>
    <message>
        <source>Save a copy of the database in its backups</source>
        <translation>Eine Kopie der Datenbank bei ihren Sicherungen ablegen</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Wiederherstellen…</translation>
    </message>
    <message>
        <source>Replace the database with a backup</source>
        <translation>Die Datenbank durch eine Sicherung ersetzen</translation>
    </message>
    <message>
        <source>A server database is backed up with the server&apos;s own tools.</source>
        <translation>Eine Server-Datenbank wird mit den Werkzeugen des Servers gesichert.</translation>
    </message>
    <message>
        <source>Read-only: restore from the other window.</source>
        <translation>Schreibgeschützt: Stellen Sie im anderen Fenster wieder her.</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Wird gesichert…</translation>
    </message>
    <message>
        <source>The backup was saved:</source>
        <translation>Die Sicherung wurde gespeichert:</translation>
    </message>
    <message>
        <source>These folders could not be written:</source>
        <translation>In diese Ordner konnte nicht geschrieben werden:</translation>
    </message>
    <message>
        <source>Untwist</source>
        <translation>Untwist</translation>
    </message>
    <message>
        <source>Replace {database} with the backup {backup}?

The current file is not deleted: it is kept beside it as {stem}-replaced-&lt;date and time&gt;{suffix}.</source>
        <translation>{database} durch die Sicherung {backup} ersetzen?

Die aktuelle Datei wird nicht gelöscht: Sie bleibt daneben als {stem}-replaced-&lt;Datum und Uhrzeit&gt;{suffix} erhalten.</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>The previous file was kept as {path}.</source>
        <translation>Die bisherige Datei wurde als {path} aufbewahrt.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>The backup {backup} was restored.</source>
        <translation>Die Sicherung {backup} wurde wiederhergestellt.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>{0!r} is not a date like 2026-11-20 or {1}</source>
        <translation>{0!r} ist kein Datum wie 2026-11-20 oder {1}</translation>
    </message>
    <message>
        <source>the date is empty</source>
        <translation>das Datum ist leer</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>Choose {0} on a calendar</source>
        <translation>{0} im Kalender wählen</translation>
    </message>
    <message>
        <source>Choose on a calendar (Alt+Down)</source>
        <translation>Im Kalender wählen (Alt+Pfeil nach unten)</translation>
    </message>
</context>
<context>
    <name>DetailChart</name>
    <message>
        <source>Trend chart</source>
        <translation>Verlaufsdiagramm</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>nicht bestanden</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>filled: changed beyond measurement error</source>
        <translation>gefüllt: Veränderung über den Messfehler hinaus</translation>
    </message>
    <message>
        <source>program start</source>
        <translation>Programmbeginn</translation>
    </message>
    <message>
        <source>band: no flag</source>
        <translation>Band: kein Befund</translation>
    </message>
    <message>
        <source>flag: |R − L| {0} {1} {2}</source>
        <translation>Befund: |R − L| {0} {1} {2}</translation>
    </message>
    <message>
        <source>flag: LSI &lt; {0} %</source>
        <translation>Befund: LSI &lt; {0} %</translation>
    </message>
    <message>
        <source>flag: sides differ</source>
        <translation>Befund: Seiten unterschiedlich</translation>
    </message>
    <message>
        <source>error (MDC, estimate)</source>
        <translation>Messfehler (MDC, Schätzung)</translation>
    </message>
    <message>
        <source>error (MDC)</source>
        <translation>Messfehler (MDC)</translation>
    </message>
    <message>
        <source>{0} {1} {2} (shaded around each side&apos;s first value)</source>
        <translation>{0} {1} {2} (schattiert um den ersten Wert jeder Seite)</translation>
    </message>
    <message>
        <source>no measurement error given: markers stay hollow</source>
        <translation>kein Messfehler angegeben: Markierungen bleiben hohl</translation>
    </message>
</context>
<context>
    <name>DosageEditor</name>
    <message>
        <source>Sets</source>
        <translation>Sätze</translation>
    </message>
    <message>
        <source>e.g. 3 or 3-4</source>
        <translation>z. B. 3 oder 3-4</translation>
    </message>
    <message>
        <source>Amount per set</source>
        <translation>Menge pro Satz</translation>
    </message>
    <message>
        <source>e.g. 8-10</source>
        <translation>z. B. 8-10</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>each side</source>
        <translation>je Seite</translation>
    </message>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>Times per week</source>
        <translation>Mal pro Woche</translation>
    </message>
    <message>
        <source>&amp;Sets / rounds</source>
        <translation>Sä&amp;tze / Runden</translation>
    </message>
    <message>
        <source>Amount per s&amp;et</source>
        <translation>&amp;Menge pro Satz</translation>
    </message>
    <message>
        <source>Un&amp;it</source>
        <translation>&amp;Einheit</translation>
    </message>
    <message>
        <source>Per &amp;week</source>
        <translation>Pro &amp;Woche</translation>
    </message>
    <message>
        <source>breaths</source>
        <translation>Atemzüge</translation>
    </message>
    <message>
        <source>reps</source>
        <translation>Wdh.</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
</context>
<context>
    <name>DrillEditor</name>
    <message>
        <source>New custom drill</source>
        <translation>Neue eigene Übung</translation>
    </message>
    <message>
        <source>Edit drill — {0}</source>
        <translation>Übung bearbeiten — {0}</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>This drill</source>
        <translation>Diese Übung</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Aim</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Setup</source>
        <translation>Ausgangsstellung</translation>
    </message>
    <message>
        <source>Steps, one per line</source>
        <translation>Schritte, einer pro Zeile</translation>
    </message>
    <message>
        <source>One step per line; the numbers are added for you</source>
        <translation>Ein Schritt pro Zeile; die Nummern werden automatisch ergänzt</translation>
    </message>
    <message>
        <source>What to feel</source>
        <translation>Was Sie spüren sollten</translation>
    </message>
    <message>
        <source>Common mistakes, one per line</source>
        <translation>Häufige Fehler, einer pro Zeile</translation>
    </message>
    <message>
        <source>One mistake per line</source>
        <translation>Ein Fehler pro Zeile</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Aim</source>
        <translation>&amp;Ziel</translation>
    </message>
    <message>
        <source>Set&amp;up</source>
        <translation>&amp;Ausgangsstellung</translation>
    </message>
    <message>
        <source>S&amp;teps</source>
        <translation>Sch&amp;ritte</translation>
    </message>
    <message>
        <source>What to &amp;feel</source>
        <translation>Was Sie &amp;spüren sollten</translation>
    </message>
    <message>
        <source>Common &amp;mistakes</source>
        <translation>&amp;Häufige Fehler</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>both</source>
        <translation>beide</translation>
    </message>
    <message>
        <source>&amp;Region</source>
        <translation>Re&amp;gion</translation>
    </message>
    <message>
        <source>Si&amp;de</source>
        <translation>Se&amp;ite</translation>
    </message>
    <message>
        <source>Dosage</source>
        <translation>Dosierung</translation>
    </message>
    <message>
        <source>Targets (measurements it helps):</source>
        <translation>Zielmessungen (wobei die Übung hilft):</translation>
    </message>
    <message>
        <source>Targeted measurements</source>
        <translation>Zielmessungen</translation>
    </message>
    <message>
        <source>Choose &amp;picture…</source>
        <translation>&amp;Bild wählen…</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>A PNG, JPG or SVG picture of the position (at most 5 MB and 4000×4000).</source>
        <translation>Ein PNG-, JPG- oder SVG-Bild der Position (höchstens 5 MB und 4000×4000).</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>Kein Bild</translation>
    </message>
    <message>
        <source>Built-in drills keep their drawing; “Restore original” undoes text edits.</source>
        <translation>Mitgelieferte Übungen behalten ihre Zeichnung; „Original wiederherstellen“ macht Textänderungen rückgängig.</translation>
    </message>
    <message>
        <source>Choose a new picture to replace this one.</source>
        <translation>Wählen Sie ein neues Bild, um dieses zu ersetzen.</translation>
    </message>
    <message>
        <source>Cannot show this picture</source>
        <translation>Dieses Bild kann nicht angezeigt werden</translation>
    </message>
    <message>
        <source>Choose a picture</source>
        <translation>Bild wählen</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.svg);;All files (*)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.svg);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>{0} ({1} {2}) will be saved with the drill.</source>
        <translation>{0} ({1} {2}) wird mit der Übung gespeichert.</translation>
    </message>
    <message>
        <source>Left out of the drawing, as pictures may not reach other files: {0}.</source>
        <translation>In der Zeichnung weggelassen, da Bilder nicht auf andere Dateien verweisen dürfen: {0}.</translation>
    </message>
    <message>
        <source>Not saved yet: another desk changed this drill.</source>
        <translation>Noch nicht gespeichert: Ein anderer Arbeitsplatz hat diese Übung geändert.</translation>
    </message>
</context>
<context>
    <name>DrillListBox</name>
    <message>
        <source>Drills (drag to reorder)</source>
        <translation>Übungen (zum Umordnen ziehen)</translation>
    </message>
    <message>
        <source>A drill from the library</source>
        <translation>Eine Übung aus der Bibliothek</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>Hin&amp;zufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Entfe&amp;rnen</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach ob&amp;en</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source> (both sides)</source>
        <translation> (beide Seiten)</translation>
    </message>
</context>
<context>
    <name>DrillView</name>
    <message>
        <source>A drill picture</source>
        <translation>Ein Übungsbild</translation>
    </message>
    <message>
        <source>Illustration</source>
        <translation>Abbildung</translation>
    </message>
    <message>
        <source>Drawing legend</source>
        <translation>Legende der Zeichnung</translation>
    </message>
    <message>
        <source>No drill chosen</source>
        <translation>Keine Übung gewählt</translation>
    </message>
    <message>
        <source>&lt;i&gt;Choose a drill from the list.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Wählen Sie eine Übung aus der Liste.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>No picture for this drill</source>
        <translation>Kein Bild zu dieser Übung</translation>
    </message>
    <message>
        <source>Drawing flipped: the version for the other side</source>
        <translation>Zeichnung gespiegelt: die Version für die andere Seite</translation>
    </message>
    <message>
        <source>left side</source>
        <translation>linke Seite</translation>
    </message>
    <message>
        <source>right side</source>
        <translation>rechte Seite</translation>
    </message>
    <message>
        <source>both sides</source>
        <translation>beide Seiten</translation>
    </message>
    <message>
        <source>Region: {0}</source>
        <translation>Region: {0}</translation>
    </message>
    <message>
        <source>Works on: {0}</source>
        <translation>Wirkt auf: {0}</translation>
    </message>
    <message>
        <source>&lt;i&gt;mirrored version&lt;/i&gt;</source>
        <translation>&lt;i&gt;gespiegelte Version&lt;/i&gt;</translation>
    </message>
    <message>
        <source>custom drill</source>
        <translation>eigene Übung</translation>
    </message>
    <message>
        <source>Aim</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Dosage</source>
        <translation>Dosierung</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Zielmessungen</translation>
    </message>
    <message>
        <source>Setup</source>
        <translation>Ausgangsstellung</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>What to feel</source>
        <translation>Was Sie spüren sollten</translation>
    </message>
    <message>
        <source>Common mistakes</source>
        <translation>Häufige Fehler</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>CSV for spreadsheets: one row per measurement result</source>
        <translation>CSV für Tabellenkalkulationen: eine Zeile pro Messergebnis</translation>
    </message>
    <message>
        <source>JSON: everything, lossless (trials, pain, programs, drills, settings)</source>
        <translation>JSON: alles, verlustfrei (Versuche, Schmerz, Programme, Übungen, Einstellungen)</translation>
    </message>
    <message>
        <source>Athletes</source>
        <translation>Athleten</translation>
    </message>
    <message>
        <source>All athletes</source>
        <translation>Alle Athleten</translation>
    </message>
    <message>
        <source>One athlete:</source>
        <translation>Ein Athlet:</translation>
    </message>
    <message>
        <source>Athlete to export</source>
        <translation>Zu exportierender Athlet</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <source>exported %1 athletes, %2 sessions, %3 measurements</source>
        <translation>exportiert: %1 Athleten, %2 Sitzungen, %3 Messungen</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>Der Export wurde abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Untwist</source>
        <translation>Willkommen bei Untwist</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to Untwist&lt;/h2&gt;&lt;p&gt;Untwist records left-versus-right measurements, shows how the sides compare over time, and prints an exercise program.&lt;/p&gt;&lt;p&gt;Who is using it?&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Willkommen bei Untwist&lt;/h2&gt;&lt;p&gt;Untwist erfasst Messungen links gegen rechts, zeigt, wie sich die Seiten im Zeitverlauf vergleichen, und druckt ein Übungsprogramm.&lt;/p&gt;&lt;p&gt;Wer verwendet es?&lt;/p&gt;</translation>
    </message>
    <message>
        <source>I&apos;m a &amp;clinician — several athletes</source>
        <translation>Ich bin &amp;Therapeut/in — mehrere Athleten</translation>
    </message>
    <message>
        <source>I&apos;m &amp;tracking myself</source>
        <translation>Ich erfasse &amp;mich selbst</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>Ihr Name:</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Ich</translation>
    </message>
</context>
<context>
    <name>Flags</name>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>watch</source>
        <translation>beobachten</translation>
    </message>
    <message>
        <source>asymmetric</source>
        <translation>asymmetrisch</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>unvollständig</translation>
    </message>
    <message>
        <source>pain-limited</source>
        <translation>schmerzbegrenzt</translation>
    </message>
    <message>
        <source> (in error)</source>
        <translation> (im Messfehler)</translation>
    </message>
    <message>
        <source> · both low</source>
        <translation> · beide niedrig</translation>
    </message>
    <message>
        <source>Pain-limited ({0}): painful, assess before loading; no vote, no drill because of it.</source>
        <translation>Schmerzbegrenzt ({0}): schmerzhaft, vor Belastung abklären; keine Stimme für ein Muster, keine Übung deswegen.</translation>
    </message>
    <message>
        <source>Past the threshold but within measurement error: measure again.</source>
        <translation>Über dem Schwellenwert, aber innerhalb des Messfehlers: erneut messen.</translation>
    </message>
    <message>
        <source>Error (MDC95): {0}.</source>
        <translation>Messfehler (MDC95): {0}.</translation>
    </message>
    <message>
        <source>Both sides below the reference lower limit {0} ({1}; mean {2}, {3}).</source>
        <translation>Beide Seiten unter der unteren Referenzgrenze {0} ({1}; Mittelwert {2}, {3}).</translation>
    </message>
    <message>
        <source>LSI {0}</source>
        <translation>LSI {0}</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>nicht bestanden</translation>
    </message>
</context>
<context>
    <name>HandoutPrinter</name>
    <message>
        <source>Save the handout as</source>
        <translation>Handout speichern unter</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the handout…</source>
        <translation>Handout wird geschrieben…</translation>
    </message>
    <message>
        <source>Printing the handout</source>
        <translation>Handout wird gedruckt</translation>
    </message>
    <message>
        <source>Preparing the handout for the printer…</source>
        <translation>Handout wird für den Drucker vorbereitet…</translation>
    </message>
    <message>
        <source>Preparing the handout</source>
        <translation>Handout wird vorbereitet</translation>
    </message>
    <message>
        <source>Choose a printer…</source>
        <translation>Drucker wählen…</translation>
    </message>
    <message>
        <source>Handout sent to {0} ({1}).</source>
        <translation>Handout an {0} gesendet ({1}).</translation>
    </message>
    <message>
        <source>Printing cancelled.</source>
        <translation>Drucken abgebrochen.</translation>
    </message>
    <message>
        <source>Cannot print the handout</source>
        <translation>Handout kann nicht gedruckt werden</translation>
    </message>
    <message>
        <source>Handout written: {0} ({1}).</source>
        <translation>Handout geschrieben: {0} ({1}).</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n Seite</numerusform>
            <numerusform>%n Seiten</numerusform>
        </translation>
    </message>
    <message>
        <source>Printing cancelled; no file was written.</source>
        <translation>Drucken abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Cannot write the handout</source>
        <translation>Das Handout kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>HistoryTree</name>
    <message>
        <source>Session / measurement</source>
        <translation>Sitzung / Messung</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Diff (R−L)</source>
        <translation>Diff. (R−L)</translation>
    </message>
    <message>
        <source>% asym / LSI</source>
        <translation>% Asym. / LSI</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Since previous</source>
        <translation>Seit vorheriger</translation>
    </message>
    <message>
        <source>Since first</source>
        <translation>Seit erster</translation>
    </message>
    <message>
        <source>Asymmetry since first</source>
        <translation>Asymmetrie seit erster</translation>
    </message>
    <message>
        <source>Session history</source>
        <translation>Sitzungsverlauf</translation>
    </message>
    <message numerus="yes">
        <source>%n measurement(s)</source>
        <translation>
            <numerusform>%n Messung</numerusform>
            <numerusform>%n Messungen</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} pain-limited</source>
        <translation>{0} schmerzbegrenzt</translation>
    </message>
    <message>
        <source>{0} asymmetric</source>
        <translation>{0} asymmetrisch</translation>
    </message>
    <message>
        <source>{0} watch</source>
        <translation>{0} beobachten</translation>
    </message>
    <message>
        <source>all ok</source>
        <translation>alles ok</translation>
    </message>
    <message>
        <source>{0} (of {1})</source>
        <translation>{0} (von {1})</translation>
    </message>
    <message>
        <source>{0}
Measured on a photo: {1}. Enter or double-click to open.</source>
        <translation>{0}
Auf einem Foto gemessen: {1}. Eingabetaste oder Doppelklick zum Öffnen.</translation>
    </message>
    <message>
        <source>{0} beyond measurement error (the minimal detectable change)</source>
        <translation>{0} über den Messfehler hinaus (kleinste erkennbare Veränderung)</translation>
    </message>
    <message>
        <source>L</source>
        <translation>L</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>now pass</source>
        <translation>jetzt bestanden</translation>
    </message>
    <message>
        <source>now fail</source>
        <translation>jetzt nicht bestanden</translation>
    </message>
</context>
<context>
    <name>ImportErrorsDialog</name>
    <message>
        <source>Import: rows to fix</source>
        <translation>Import: zu korrigierende Zeilen</translation>
    </message>
    <message>
        <source>Invalid rows</source>
        <translation>Ungültige Zeilen</translation>
    </message>
    <message>
        <source>Copy list</source>
        <translation>Liste kopieren</translation>
    </message>
    <message>
        <source>Save list…</source>
        <translation>Liste speichern…</translation>
    </message>
    <message>
        <source>Save the list</source>
        <translation>Liste speichern</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>Text (*.txt)</translation>
    </message>
</context>
<context>
    <name>ImportExport</name>
    <message>
        <source>Measurements CSV or Untwist JSON (*.csv *.json);;All files (*)</source>
        <translation>Messungen als CSV oder Untwist-JSON (*.csv *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>athlete&apos;s name</source>
        <translation>Name des Athleten</translation>
    </message>
    <message>
        <source>session date</source>
        <translation>Sitzungsdatum</translation>
    </message>
    <message>
        <source>measurement key</source>
        <translation>Messungsschlüssel</translation>
    </message>
    <message>
        <source>left value</source>
        <translation>Wert links</translation>
    </message>
    <message>
        <source>right value</source>
        <translation>Wert rechts</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>unit (optional)</source>
        <translation>Einheit (optional)</translation>
    </message>
    <message>
        <source>athlete id (optional)</source>
        <translation>Athleten-ID (optional)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>This database is open read-only: nothing can be imported into it.</source>
        <translation>Diese Datenbank ist schreibgeschützt geöffnet: Es kann nichts importiert werden.</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 wird importiert…</translation>
    </message>
    <message>
        <source>Where the file and this database differ, this database&apos;s values were kept (see the details).</source>
        <translation>Wo sich die Datei und diese Datenbank unterscheiden, wurden die Werte dieser Datenbank beibehalten (siehe Details).</translation>
    </message>
    <message>
        <source>%1 rows were already stored and were left as they were.</source>
        <translation>%1 Zeilen waren bereits gespeichert und wurden unverändert gelassen.</translation>
    </message>
    <message>
        <source>%1 rows of %2 are invalid, so nothing was imported. Fix these lines in the file (line 1 is the header) and import it again.</source>
        <translation>%1 von %2 Zeilen sind ungültig, daher wurde nichts importiert. Korrigieren Sie diese Zeilen in der Datei (Zeile 1 ist die Kopfzeile) und importieren Sie sie erneut.</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was written.</source>
        <translation>Der Import wurde abgebrochen; es wurde nichts geschrieben.</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import %1</source>
        <translation>%1 importieren</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>%1 (%2). The first rows, and what each column is read as:</source>
        <translation>%1 (%2). Die ersten Zeilen und wie jede Spalte gelesen wird:</translation>
    </message>
    <message>
        <source>First rows of the file</source>
        <translation>Erste Zeilen der Datei</translation>
    </message>
    <message>
        <source>The file has a header but no rows.</source>
        <translation>Die Datei hat eine Kopfzeile, aber keine Zeilen.</translation>
    </message>
    <message>
        <source>All rows are checked before anything is saved: if one is invalid, nothing is imported and you get the list of lines to fix.</source>
        <translation>Alle Zeilen werden geprüft, bevor etwas gespeichert wird: Ist eine ungültig, wird nichts importiert, und Sie erhalten die Liste der zu korrigierenden Zeilen.</translation>
    </message>
    <message>
        <source>%1 is read as a full Untwist export (athletes, sessions, programs, drills, settings).</source>
        <translation>%1 wird als vollständiger Untwist-Export gelesen (Athleten, Sitzungen, Programme, Übungen, Einstellungen).</translation>
    </message>
    <message>
        <source>Merge into this database: add only what is missing, report differences</source>
        <translation>In diese Datenbank zusammenführen: nur Fehlendes ergänzen, Unterschiede melden</translation>
    </message>
    <message>
        <source>This database already holds data, so the file is merged: nothing here is overwritten.</source>
        <translation>Diese Datenbank enthält bereits Daten, daher wird die Datei zusammengeführt: Hier wird nichts überschrieben.</translation>
    </message>
</context>
<context>
    <name>LazyPage</name>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>Search drills…</source>
        <translation>Übungen suchen…</translation>
    </message>
    <message>
        <source>Matches the name, aim, region and measurements</source>
        <translation>Durchsucht Name, Ziel, Region und Messungen</translation>
    </message>
    <message>
        <source>Search drills</source>
        <translation>Übungen suchen</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>Alle Regionen</translation>
    </message>
    <message>
        <source>Targeted measurement</source>
        <translation>Zielmessung</translation>
    </message>
    <message>
        <source>Show &amp;mirrored version</source>
        <translation>Ge&amp;spiegelt</translation>
    </message>
    <message>
        <source>Preview every drill for the other side: left and right swapped</source>
        <translation>Jede Übung für die andere Seite zeigen: links und rechts vertauscht</translation>
    </message>
    <message>
        <source>Show re&amp;tired</source>
        <translation>Ausgemus&amp;terte</translation>
    </message>
    <message>
        <source>&amp;New custom drill…</source>
        <translation>&amp;Neue Übung…</translation>
    </message>
    <message>
        <source>Drills</source>
        <translation>Übungen</translation>
    </message>
    <message>
        <source>E&amp;dit…</source>
        <translation>B&amp;earbeiten…</translation>
    </message>
    <message>
        <source>&amp;Restore original…</source>
        <translation>&amp;Original wiederherstellen…</translation>
    </message>
    <message>
        <source>Undo this clinic&apos;s edits of a built-in drill</source>
        <translation>Die Änderungen dieser Praxis an einer mitgelieferten Übung rückgängig machen</translation>
    </message>
    <message>
        <source>Ret&amp;ire</source>
        <translation>Aus&amp;mustern</translation>
    </message>
    <message>
        <source>All measurements</source>
        <translation>Alle Messungen</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>ausgemustert</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>eigene</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} von {1}</translation>
    </message>
    <message>
        <source>drill</source>
        <translation>Übung</translation>
    </message>
    <message>
        <source>drills</source>
        <translation>Übungen</translation>
    </message>
    <message>
        <source>Bring &amp;back</source>
        <translation>&amp;Zurückholen</translation>
    </message>
    <message>
        <source>Retired: hidden from the library and suggestions</source>
        <translation>Ausgemustert: in Bibliothek und Vorschlägen ausgeblendet</translation>
    </message>
    <message>
        <source>Built-in drill, edited by this clinic</source>
        <translation>Mitgelieferte Übung, von dieser Praxis bearbeitet</translation>
    </message>
    <message>
        <source>Built-in drill</source>
        <translation>Mitgelieferte Übung</translation>
    </message>
    <message>
        <source>Custom drill</source>
        <translation>Eigene Übung</translation>
    </message>
    <message>
        <source>Restore original?</source>
        <translation>Original wiederherstellen?</translation>
    </message>
    <message>
        <source>Replace this clinic&apos;s text of “{0}” with the original that came with Untwist? Your edits of this drill will be lost.</source>
        <translation>Den Text dieser Praxis zu „{0}“ durch das mit Untwist gelieferte Original ersetzen? Ihre Änderungen an dieser Übung gehen verloren.</translation>
    </message>
    <message>
        <source>Retire drill?</source>
        <translation>Übung ausmustern?</translation>
    </message>
    <message>
        <source>Hide “{0}” from the library and from suggestions? Programs that already use it keep it, and “Show retired” brings it back.</source>
        <translation>„{0}“ in der Bibliothek und in Vorschlägen ausblenden? Programme, die sie bereits verwenden, behalten sie, und „Ausgemusterte zeigen“ holt sie zurück.</translation>
    </message>
    <message>
        <source>Changed elsewhere</source>
        <translation>Anderswo geändert</translation>
    </message>
    <message>
        <source>Drill library</source>
        <translation>Übungsbibliothek</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Untwist</source>
        <translation>Untwist</translation>
    </message>
    <message>
        <source> — demo database</source>
        <translation> — Demo-Datenbank</translation>
    </message>
    <message>
        <source> — read-only</source>
        <translation> — schreibgeschützt</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Ctrl+{0}</source>
        <translation>Strg+{0}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New session…</source>
        <translation>&amp;Neue Sitzung…</translation>
    </message>
    <message>
        <source>Record a session for the selected athlete</source>
        <translation>Eine Sitzung für den gewählten Athleten erfassen</translation>
    </message>
    <message>
        <source>New &amp;athlete…</source>
        <translation>Neuer &amp;Athlet…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Import measurements (CSV) or a whole export (JSON)</source>
        <translation>Messungen (CSV) oder einen vollständigen Export (JSON) importieren</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Export measurements (CSV) or everything (JSON)</source>
        <translation>Messungen (CSV) oder alles (JSON) exportieren</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>Ein&amp;stellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Find athlete</source>
        <translation>Athlet &amp;finden</translation>
    </message>
    <message>
        <source>&amp;Edit athlete…</source>
        <translation>Athlet &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Archive athlete</source>
        <translation>Athlet &amp;archivieren</translation>
    </message>
    <message>
        <source>&amp;Delete athlete permanently…</source>
        <translation>Athlet endgültig &amp;löschen…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Sessions</source>
        <translation>&amp;Sitzungen</translation>
    </message>
    <message>
        <source>&amp;Trends</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>&amp;Program</source>
        <translation>&amp;Programm</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>B&amp;ibliothek</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Untwist</source>
        <translation>&amp;Über Untwist</translation>
    </message>
    <message>
        <source>Demo database (temporary; discarded on exit)</source>
        <translation>Demo-Datenbank (vorübergehend; wird beim Beenden verworfen)</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>Datenbank: {0}</translation>
    </message>
    <message>
        <source> — read-only: editing is disabled</source>
        <translation> — schreibgeschützt: Bearbeiten ist deaktiviert</translation>
    </message>
    <message>
        <source>&amp;My details…</source>
        <translation>&amp;Meine Angaben…</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Einstellungen gespeichert</translation>
    </message>
    <message>
        <source>Settings saved; the new language applies when Untwist starts again.</source>
        <translation>Einstellungen gespeichert; die neue Sprache gilt beim nächsten Start von Untwist.</translation>
    </message>
    <message>
        <source>Un&amp;archive athlete</source>
        <translation>Archivierung &amp;aufheben</translation>
    </message>
    <message>
        <source>Athlete {0} created</source>
        <translation>Athlet {0} angelegt</translation>
    </message>
    <message>
        <source>Athlete archived — Ctrl+Z to undo; &apos;Show archived&apos; lists them</source>
        <translation>Athlet archiviert — Strg+Z macht es rückgängig; „Archivierte zeigen“ listet sie auf</translation>
    </message>
    <message>
        <source>Delete athlete permanently?</source>
        <translation>Athlet endgültig löschen?</translation>
    </message>
    <message>
        <source>Delete {0} and everything recorded for them: {1} with all their measurements, and every program and adherence record?

This cannot be undone. To keep the record but hide it, archive instead.</source>
        <translation>{0} und alles dazu Erfasste löschen: {1} mit allen Messungen sowie alle Programme und Einträge zur Therapietreue?

Dies kann nicht rückgängig gemacht werden. Um die Daten zu behalten, aber auszublenden, archivieren Sie stattdessen.</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n Sitzung</numerusform>
            <numerusform>%n Sitzungen</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} deleted</source>
        <translation>{0} gelöscht</translation>
    </message>
    <message>
        <source>Cannot edit</source>
        <translation>Bearbeiten nicht möglich</translation>
    </message>
    <message>
        <source>Session saved</source>
        <translation>Sitzung gespeichert</translation>
    </message>
    <message>
        <source>Session deleted — Ctrl+Z to undo</source>
        <translation>Sitzung gelöscht — Strg+Z macht es rückgängig</translation>
    </message>
    <message>
        <source>Updated from another desk</source>
        <translation>Von einem anderen Arbeitsplatz aktualisiert</translation>
    </message>
    <message>
        <source>About Untwist</source>
        <translation>Über Untwist</translation>
    </message>
    <message>
        <source>&lt;b&gt;Untwist {0}&lt;/b&gt;&lt;p&gt;Left-versus-right mobility measurements, asymmetry trends and exercise programs.&lt;/p&gt;&lt;p&gt;Findings are suggestions for a clinician, not a diagnosis.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Untwist {0}&lt;/b&gt;&lt;p&gt;Beweglichkeitsmessungen links gegen rechts, Asymmetrieverläufe und Übungsprogramme.&lt;/p&gt;&lt;p&gt;Befunde sind Vorschläge für Therapeuten, keine Diagnose.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MeasurementRow</name>
    <message>
        <source>{0} left trial {1}</source>
        <translation>{0} links Versuch {1}</translation>
    </message>
    <message>
        <source>{0} right trial {1}</source>
        <translation>{0} rechts Versuch {1}</translation>
    </message>
    <message>
        <source>{0} left pain</source>
        <translation>{0} Schmerz links</translation>
    </message>
    <message>
        <source>{0} right pain</source>
        <translation>{0} Schmerz rechts</translation>
    </message>
    <message>
        <source>{0} trials and pain</source>
        <translation>{0} Versuche und Schmerz</translation>
    </message>
    <message>
        <source>Valid: {0}</source>
        <translation>Gültig: {0}</translation>
    </message>
    <message>
        <source>Reference: {0}</source>
        <translation>Referenz: {0}</translation>
    </message>
    <message>
        <source>Flag: {0}</source>
        <translation>Befund: {0}</translation>
    </message>
    <message>
        <source>Counts ({0} of the trials)</source>
        <translation>Zählt ({0} der Versuche)</translation>
    </message>
    <message>
        <source>Pain 0–10</source>
        <translation>Schmerz 0–10</translation>
    </message>
    <message>
        <source>{0} to {1} in</source>
        <translation>{0} bis {1} in</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>nicht bestanden</translation>
    </message>
    <message>
        <source> (trial {0})</source>
        <translation> (Versuch {0})</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>{0} flag: {1}</source>
        <translation>{0} Befund: {1}</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} von {1}</translation>
    </message>
    <message>
        <source>1 trial</source>
        <translation>1 Versuch</translation>
    </message>
    <message>
        <source>Counts: the {0} of the trials entered below</source>
        <translation>Zählt: {0} der unten eingegebenen Versuche</translation>
    </message>
    <message>
        <source>best</source>
        <translation>bester</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Trials 1–3, which one counts, and pain ({0})</source>
        <translation>Versuche 1–3, welcher zählt, und Schmerz ({0})</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>Mittelwert</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>Overview of all measurements</source>
        <translation>Übersicht aller Messungen</translation>
    </message>
</context>
<context>
    <name>PhotoDialog</name>
    <message>
        <source>Measure on photo</source>
        <translation>Auf Foto messen</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>Winkel</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>&amp;Plumb line (camera not level)</source>
        <translation>&amp;Lot (Kamera nicht waagerecht)</translation>
    </message>
    <message>
        <source>Drag the points, or Tab to a point and move it with the arrow keys (Shift: 10 px). Wheel or + / − to zoom, 0 to fit, drag the photo to pan.</source>
        <translation>Ziehen Sie die Punkte, oder wählen Sie mit Tab einen Punkt und bewegen Sie ihn mit den Pfeiltasten (Umschalt: 10 px). Mausrad oder + / − zum Zoomen, 0 zum Einpassen, Foto ziehen zum Verschieben.</translation>
    </message>
    <message>
        <source>Use this angle</source>
        <translation>Diesen Winkel übernehmen</translation>
    </message>
    <message>
        <source>Angle: —</source>
        <translation>Winkel: —</translation>
    </message>
    <message>
        <source>from the plumb line</source>
        <translation>zum Lot</translation>
    </message>
    <message>
        <source>from the vertical</source>
        <translation>zur Senkrechten</translation>
    </message>
    <message>
        <source>at point 2</source>
        <translation>am Punkt 2</translation>
    </message>
    <message>
        <source>Angle: {0} {1}</source>
        <translation>Winkel: {0} {1}</translation>
    </message>
    <message>
        <source>{0} markers found and placed: check them, drag to adjust.</source>
        <translation>{0} Marker gefunden und gesetzt: Prüfen Sie sie und ziehen Sie sie zum Anpassen.</translation>
    </message>
    <message>
        <source>No markers found: place the {0} points by hand.</source>
        <translation>Keine Marker gefunden: Setzen Sie die {0} Punkte von Hand.</translation>
    </message>
    <message>
        <source>{0} found, {1} needed: place the points by hand.</source>
        <translation>{0} gefunden, {1} nötig: Setzen Sie die Punkte von Hand.</translation>
    </message>
    <message>
        <source>marker</source>
        <translation>Markierung</translation>
    </message>
    <message>
        <source>markers</source>
        <translation>Markierungen</translation>
    </message>
</context>
<context>
    <name>PhotoFields</name>
    <message>
        <source>Measure on photo… ({0})</source>
        <translation>Auf Foto messen… ({0})</translation>
    </message>
    <message>
        <source>Measure on photo…</source>
        <translation>Auf Foto messen…</translation>
    </message>
    <message>
        <source>Adjust the points on the photo…</source>
        <translation>Punkte auf dem Foto anpassen…</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Foto entfernen</translation>
    </message>
    <message>
        <source>Photo for {0}</source>
        <translation>Foto für {0}</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>Fotos (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>{0}, {1}, trial {2}</source>
        <translation>{0}, {1}, Versuch {2}</translation>
    </message>
    <message>
        <source>Measured on a photo: {0}. Open it to adjust ({1}).</source>
        <translation>Auf einem Foto gemessen: {0}. Zum Anpassen öffnen ({1}).</translation>
    </message>
    <message>
        <source>photo kept</source>
        <translation>Foto behalten</translation>
    </message>
</context>
<context>
    <name>PhotoMarks</name>
    <message>
        <source>Photo — {0}</source>
        <translation>Foto — {0}</translation>
    </message>
    <message>
        <source>Photo not shown</source>
        <translation>Foto nicht angezeigt</translation>
    </message>
    <message>
        <source>Opening the photo…</source>
        <translation>Foto wird geöffnet…</translation>
    </message>
    <message>
        <source>{0}, {1}: left and right</source>
        <translation>{0}, {1}: links und rechts</translation>
    </message>
    <message>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>{0}, {1}: {2} and {3}</source>
        <translation>{0}, {1}: {2} und {3}</translation>
    </message>
</context>
<context>
    <name>PhotoPairChoice</name>
    <message>
        <source>Photos on the handout</source>
        <translation>Fotos im Handout</translation>
    </message>
    <message>
        <source>A patient&apos;s photos are printed only when you choose them here.</source>
        <translation>Fotos eines Patienten werden nur gedruckt, wenn Sie sie hier auswählen.</translation>
    </message>
    <message>
        <source>P&amp;hotos on the handout:</source>
        <translation>F&amp;otos im Handout:</translation>
    </message>
    <message>
        <source>None (no photo is printed)</source>
        <translation>Keine (es wird kein Foto gedruckt)</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>Photos:</source>
        <translation>Fotos:</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Show the chosen photo, or the two side by side</source>
        <translation>Das gewählte Foto zeigen oder die beiden nebeneinander</translation>
    </message>
    <message>
        <source>Photos of this measurement</source>
        <translation>Fotos dieser Messung</translation>
    </message>
    <message>
        <source>Photo {0}</source>
        <translation>Foto {0}</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Nebeneinander</translation>
    </message>
</context>
<context>
    <name>PhotoView</name>
    <message>
        <source>Photo with the points of the angle</source>
        <translation>Foto mit den Punkten des Winkels</translation>
    </message>
</context>
<context>
    <name>ProgramEditor</name>
    <message>
        <source>Notes printed on the handout</source>
        <translation>Notizen, die auf das Handout gedruckt werden</translation>
    </message>
    <message>
        <source>Notes for the handout</source>
        <translation>Notizen für das Handout</translation>
    </message>
</context>
<context>
    <name>ProgramHeader</name>
    <message>
        <source>Start date</source>
        <translation>Startdatum</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> Wochen</translation>
    </message>
    <message>
        <source>&amp;Suggest from findings</source>
        <translation>Vor&amp;schlagen</translation>
    </message>
    <message>
        <source>Propose a program from the latest session&apos;s findings</source>
        <translation>Ein Programm aus den Befunden der letzten Sitzung vorschlagen</translation>
    </message>
    <message>
        <source>Save as &amp;new version</source>
        <translation>&amp;Neue Version speichern</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>PDF speichern…</translation>
    </message>
    <message>
        <source>Save the handout as a PDF file</source>
        <translation>Handout als PDF-Datei speichern</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Druc&amp;ken…</translation>
    </message>
    <message>
        <source>Print the handout</source>
        <translation>Handout drucken</translation>
    </message>
    <message>
        <source>&amp;Open PDF</source>
        <translation>PDF ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Pro&amp;gress report…</source>
        <translation>Verlaufsberich&amp;t…</translation>
    </message>
    <message>
        <source>A PDF for the referring doctor or insurer: first and latest measurements</source>
        <translation>Ein PDF für die überweisende Ärztin/den Arzt oder die Versicherung: erste und letzte Messungen</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Beginnt</translation>
    </message>
    <message>
        <source>for</source>
        <translation>für</translation>
    </message>
    <message>
        <source>No saved program</source>
        <translation>Kein gespeichertes Programm</translation>
    </message>
    <message>
        <source>Program of {0}, {1} (to {2})</source>
        <translation>Programm vom {0}, {1} (bis {2})</translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n Woche</numerusform>
            <numerusform>%n Wochen</numerusform>
        </translation>
    </message>
    <message>
        <source> — unsaved changes</source>
        <translation> — ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>New program (not saved)</source>
        <translation>Neues Programm (nicht gespeichert)</translation>
    </message>
    <message>
        <source>No program yet</source>
        <translation>Noch kein Programm</translation>
    </message>
    <message>
        <source>{0} · {1} · {2}</source>
        <translation>{0} · {1} · {2}</translation>
    </message>
    <message numerus="yes">
        <source>%n drill(s)</source>
        <translation>
            <numerusform>%n Übung</numerusform>
            <numerusform>%n Übungen</numerusform>
        </translation>
    </message>
    <message>
        <source> (current)</source>
        <translation> (aktuell)</translation>
    </message>
</context>
<context>
    <name>ProgramPage</name>
    <message>
        <source>from today to the end</source>
        <translation>ab heute bis zum Ende</translation>
    </message>
    <message>
        <source>the whole program</source>
        <translation>das ganze Programm</translation>
    </message>
    <message>
        <source>Tick sheet</source>
        <translation>Abhakliste</translation>
    </message>
    <message>
        <source>&amp;Tick sheet:</source>
        <translation>Abhak&amp;liste:</translation>
    </message>
    <message>
        <source>Suggest a program from the findings</source>
        <translation>Ein Programm aus den Befunden vorschlagen</translation>
    </message>
    <message>
        <source>Save the program as a new version</source>
        <translation>Das Programm als neue Version speichern</translation>
    </message>
    <message>
        <source>Save the handout as a PDF</source>
        <translation>Handout als PDF speichern</translation>
    </message>
    <message>
        <source>Print the handout</source>
        <translation>Das Handout drucken</translation>
    </message>
    <message>
        <source>The program on screen</source>
        <translation>Das angezeigte Programm</translation>
    </message>
    <message>
        <source>&lt;i&gt;No program saved yet. Use “Suggest from findings” or add drills.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Noch kein Programm gespeichert. Verwenden Sie „Aus Befunden vorschlagen“ oder fügen Sie Übungen hinzu.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;Choose an athlete.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Wählen Sie einen Athleten.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Suggest</source>
        <translation>Vorschlagen</translation>
    </message>
    <message>
        <source>Pain-limited: {0}</source>
        <translation>Schmerzbegrenzt: {0}</translation>
    </message>
    <message>
        <source>Suggested {0}. Edit them if needed, then save.</source>
        <translation>Vorgeschlagen: {0}. Passen Sie sie bei Bedarf an und speichern Sie dann.</translation>
    </message>
    <message numerus="yes">
        <source>%n drill(s)</source>
        <translation>
            <numerusform>%n Übung</numerusform>
            <numerusform>%n Übungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot save the program</source>
        <translation>Das Programm kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>The program on screen is kept: Save again once this is resolved.</source>
        <translation>Das angezeigte Programm bleibt erhalten: Speichern Sie erneut, sobald dies behoben ist.</translation>
    </message>
    <message>
        <source>Program saved as the version of {0}.</source>
        <translation>Programm als Version vom {0} gespeichert.</translation>
    </message>
    <message>
        <source>This athlete&apos;s program</source>
        <translation>Das Programm dieses Athleten</translation>
    </message>
    <message>
        <source>Not saved yet: another desk saved a newer version.</source>
        <translation>Noch nicht gespeichert: Ein anderer Arbeitsplatz hat eine neuere Version gespeichert.</translation>
    </message>
    <message>
        <source>Progress report written: {0} ({1}).</source>
        <translation>Verlaufsbericht geschrieben: {0} ({1}).</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n Seite</numerusform>
            <numerusform>%n Seiten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressReportDialog</name>
    <message>
        <source>Progress report for {0}</source>
        <translation>Verlaufsbericht für {0}</translation>
    </message>
    <message>
        <source>For the referring doctor or insurer: every measurement first against latest, judged against its error, the flags, and the program with its adherence when there is one. Your assessment and plan are printed as typed and kept with the athlete for the next report; left empty, the report has room to write by hand.</source>
        <translation>Für die überweisende Ärztin/den Arzt oder die Versicherung: jede Messung, erste gegen letzte, beurteilt gegen ihren Messfehler, die Befunde und das Programm mit seiner Umsetzung, falls vorhanden. Ihre Beurteilung und Ihr Plan werden wie eingegeben gedruckt und für den nächsten Bericht beim Athleten gespeichert; leer gelassen, bietet der Bericht Platz zum Schreiben von Hand.</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Beurteilung</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>&amp;Assessment:</source>
        <translation>&amp;Beurteilung:</translation>
    </message>
    <message>
        <source>P&amp;lan:</source>
        <translation>P&amp;lan:</translation>
    </message>
    <message>
        <source>Lang&amp;uage:</source>
        <translation>Spr&amp;ache:</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>PDF &amp;speichern…</translation>
    </message>
    <message>
        <source>Reading the stored assessment and plan…</source>
        <translation>Gespeicherte Beurteilung und Plan werden gelesen…</translation>
    </message>
    <message>
        <source>Stored with the athlete on {0}.</source>
        <translation>Beim Athleten gespeichert am {0}.</translation>
    </message>
    <message>
        <source>Nothing stored for this athlete yet.</source>
        <translation>Für diesen Athleten ist noch nichts gespeichert.</translation>
    </message>
    <message>
        <source>The assessment and plan</source>
        <translation>Die Beurteilung und der Plan</translation>
    </message>
    <message>
        <source>Not printed yet: another desk changed the assessment and plan.</source>
        <translation>Noch nicht gedruckt: Ein anderer Arbeitsplatz hat die Beurteilung und den Plan geändert.</translation>
    </message>
    <message>
        <source>Save the progress report as</source>
        <translation>Verlaufsbericht speichern unter</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the progress report…</source>
        <translation>Verlaufsbericht wird geschrieben…</translation>
    </message>
    <message>
        <source>Writing the progress report</source>
        <translation>Verlaufsbericht wird geschrieben</translation>
    </message>
    <message>
        <source>Cancelled; no file was written.</source>
        <translation>Abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Cannot write the progress report</source>
        <translation>Verlaufsbericht kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <source>&lt;b&gt;Read-only&lt;/b&gt; — {name} is open in another Untwist window or is write-protected: you can look, print and export, but not change anything.</source>
        <translation>&lt;b&gt;Schreibgeschützt&lt;/b&gt; — {name} ist in einem anderen Untwist-Fenster geöffnet oder schreibgeschützt: Sie können ansehen, drucken und exportieren, aber nichts ändern.</translation>
    </message>
    <message>
        <source>Read-only notice</source>
        <translation>Hinweis: schreibgeschützt</translation>
    </message>
</context>
<context>
    <name>ReasonsPanel</name>
    <message>
        <source>Why:</source>
        <translation>Warum:</translation>
    </message>
    <message>
        <source>Keep an eye on:</source>
        <translation>Im Blick behalten:</translation>
    </message>
    <message>
        <source>A suggestion to accept or edit, not a diagnosis.</source>
        <translation>Ein Vorschlag zum Übernehmen oder Anpassen, keine Diagnose.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>Aus einer Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Backups of {name}:</source>
        <translation>Sicherungen von {name}:</translation>
    </message>
    <message>
        <source>No backups of {name} were found.</source>
        <translation>Es wurden keine Sicherungen von {name} gefunden.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Other file…</source>
        <translation>Andere Datei…</translation>
    </message>
    <message>
        <source>Choose a backup to restore</source>
        <translation>Wählen Sie eine Sicherung zum Wiederherstellen</translation>
    </message>
</context>
<context>
    <name>SelectedDrillBox</name>
    <message>
        <source>Selected drill</source>
        <translation>Gewählte Übung</translation>
    </message>
    <message>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>both</source>
        <translation>beide</translation>
    </message>
    <message>
        <source>A note for the athlete about this drill</source>
        <translation>Ein Hinweis für den Athleten zu dieser Übung</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>&lt;i&gt;No drill selected&lt;/i&gt;</source>
        <translation>&lt;i&gt;Keine Übung gewählt&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>SessionEditor</name>
    <message>
        <source>Measurement</source>
        <translation>Messung</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Diff (R−L)</source>
        <translation>Diff. (R−L)</translation>
    </message>
    <message>
        <source>% asym / LSI</source>
        <translation>% Asym. / LSI</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>Edit session — {0}</source>
        <translation>Sitzung bearbeiten — {0}</translation>
    </message>
    <message>
        <source>New session — {0}</source>
        <translation>Neue Sitzung — {0}</translation>
    </message>
    <message>
        <source>This session</source>
        <translation>Diese Sitzung</translation>
    </message>
    <message>
        <source>Session date</source>
        <translation>Sitzungsdatum</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Therapeut</translation>
    </message>
    <message>
        <source>Session notes</source>
        <translation>Notizen zur Sitzung</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>&amp;Clinician</source>
        <translation>&amp;Therapeut</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notizen</translation>
    </message>
    <message>
        <source>{0} shows the trials of the row being typed in</source>
        <translation>{0} zeigt die Versuche der Zeile, in der Sie gerade tippen</translation>
    </message>
    <message>
        <source> (dominant)</source>
        <translation> (dominant)</translation>
    </message>
    <message>
        <source> (involved)</source>
        <translation> (betroffen)</translation>
    </message>
    <message>
        <source>Add a measurement</source>
        <translation>Eine Messung hinzufügen</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Save the session (Ctrl+S)</source>
        <translation>Die Sitzung speichern (Strg+S)</translation>
    </message>
    <message>
        <source>How to measure</source>
        <translation>So wird gemessen</translation>
    </message>
    <message>
        <source>&amp;Add measurement:</source>
        <translation>Messung &amp;hinzufügen:</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— wählen —</translation>
    </message>
    <message>
        <source>Session date: {0}.</source>
        <translation>Sitzungsdatum: {0}.</translation>
    </message>
    <message>
        <source>The session date {0} is in the future: record a session on the day it happened (today at the latest).</source>
        <translation>Das Sitzungsdatum {0} liegt in der Zukunft: Erfassen Sie eine Sitzung an dem Tag, an dem sie stattfand (spätestens heute).</translation>
    </message>
    <message>
        <source>Enter at least one value to save the session.</source>
        <translation>Geben Sie mindestens einen Wert ein, um die Sitzung zu speichern.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Your entries are still here: Save again once this is resolved.</source>
        <translation>Ihre Eingaben sind noch da: Speichern Sie erneut, sobald dies behoben ist.</translation>
    </message>
    <message>
        <source>Not saved yet: another desk changed this session.</source>
        <translation>Noch nicht gespeichert: Ein anderer Arbeitsplatz hat diese Sitzung geändert.</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <source>&amp;New session</source>
        <translation>&amp;Neue Sitzung</translation>
    </message>
    <message>
        <source>Record a new session (Ctrl+N)</source>
        <translation>Eine neue Sitzung erfassen (Strg+N)</translation>
    </message>
    <message>
        <source>Ed&amp;it session</source>
        <translation>Sitzung bearbei&amp;ten</translation>
    </message>
    <message>
        <source>De&amp;lete session</source>
        <translation>Sitzung &amp;löschen</translation>
    </message>
    <message>
        <source>Delete the selected session (undo with Ctrl+Z)</source>
        <translation>Die gewählte Sitzung löschen (rückgängig mit Strg+Z)</translation>
    </message>
    <message>
        <source>Delete the selected session (in the history)</source>
        <translation>Die gewählte Sitzung löschen (im Verlauf)</translation>
    </message>
    <message>
        <source>New a&amp;thlete…</source>
        <translation>Neuer Athl&amp;et…</translation>
    </message>
    <message>
        <source>Add the first athlete (Ctrl+Shift+N)</source>
        <translation>Den ersten Athleten anlegen (Strg+Umschalt+N)</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;font-size:13pt&apos;&gt;No athlete chosen.&lt;/span&gt;&lt;br&gt;Choose one in the list, or add one with &lt;b&gt;New athlete…&lt;/b&gt;.</source>
        <translation>&lt;span style=&apos;font-size:13pt&apos;&gt;Kein Athlet gewählt.&lt;/span&gt;&lt;br&gt;Wählen Sie einen in der Liste oder legen Sie mit &lt;b&gt;Neuer Athlet…&lt;/b&gt; einen an.</translation>
    </message>
    <message>
        <source>dominant side: {0}</source>
        <translation>dominante Seite: {0}</translation>
    </message>
    <message>
        <source>involved side: {0}</source>
        <translation>betroffene Seite: {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n Sitzung</numerusform>
            <numerusform>%n Sitzungen</numerusform>
        </translation>
    </message>
    <message>
        <source> &lt;i&gt;(archived)&lt;/i&gt;</source>
        <translation> &lt;i&gt;(archiviert)&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <source>&amp;Thresholds</source>
        <translation>Sch&amp;wellenwerte</translation>
    </message>
    <message>
        <source>&amp;Own measurements</source>
        <translation>E&amp;igene Messungen</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>centimetres (cm)</source>
        <translation>Zentimeter (cm)</translation>
    </message>
    <message>
        <source>inches (in)</source>
        <translation>Zoll (in)</translation>
    </message>
    <message>
        <source>Clinician: many athletes</source>
        <translation>Therapeut: viele Athleten</translation>
    </message>
    <message>
        <source>Tracking myself (solo)</source>
        <translation>Ich erfasse mich selbst (Solo)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>The colour of the adhesive markers found on photos (RRGGBB); a pixel matches within ±25° of its hue, at saturation and brightness of 40 % or more.</source>
        <translation>Die Farbe der Klebemarker, die auf Fotos gesucht werden (RRGGBB); ein Pixel passt innerhalb von ±25° ihres Farbtons bei einer Sättigung und Helligkeit von 40 % oder mehr.</translation>
    </message>
    <message>
        <source>A file path, or a clinic server such as postgresql+psycopg://untwist@server/untwist. Used from the next start; --db and UNTWIST_DB still take precedence.</source>
        <translation>Ein Dateipfad oder ein Praxisserver wie postgresql+psycopg://untwist@server/untwist. Gilt ab dem nächsten Start; --db und UNTWIST_DB haben weiterhin Vorrang.</translation>
    </message>
    <message>
        <source>Applies when you save.</source>
        <translation>Gilt, sobald Sie speichern.</translation>
    </message>
    <message>
        <source>&amp;Database for this desk</source>
        <translation>&amp;Datenbank dieses Arbeitsplatzes</translation>
    </message>
    <message>
        <source>L&amp;anguage of this desk</source>
        <translation>&amp;Sprache dieses Arbeitsplatzes</translation>
    </message>
    <message>
        <source>Clinic &amp;name (on handouts)</source>
        <translation>&amp;Praxisname (auf Handouts)</translation>
    </message>
    <message>
        <source>&amp;Logo (PNG or JPG)</source>
        <translation>&amp;Logo (PNG oder JPG)</translation>
    </message>
    <message>
        <source>Length &amp;unit (display only)</source>
        <translation>Längen&amp;einheit (nur Anzeige)</translation>
    </message>
    <message>
        <source>&amp;Paper size</source>
        <translation>Papier&amp;format</translation>
    </message>
    <message>
        <source>&amp;Mode</source>
        <translation>&amp;Modus</translation>
    </message>
    <message>
        <source>Extra &amp;backup folder</source>
        <translation>Zusätzlicher Sicherungs&amp;ordner</translation>
    </message>
    <message>
        <source>Photo mar&amp;ker colour</source>
        <translation>Farbe der Foto-Mar&amp;ker</translation>
    </message>
    <message>
        <source>Extra backup folder</source>
        <translation>Zusätzlicher Sicherungsordner</translation>
    </message>
    <message>
        <source>Language of this desk</source>
        <translation>Sprache dieses Arbeitsplatzes</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>The language of menus, pages and dialogs at this desk. Handouts have their own language per athlete. UNTWIST_LANG still takes precedence.</source>
        <translation>Die Sprache von Menüs, Seiten und Dialogen an diesem Arbeitsplatz. Handouts haben je Athlet eine eigene Sprache. UNTWIST_LANG hat weiterhin Vorrang.</translation>
    </message>
    <message>
        <source>Logo not used</source>
        <translation>Logo nicht verwendet</translation>
    </message>
    <message>
        <source>The logo cannot be shown; choose a PNG or JPG picture.</source>
        <translation>Das Logo kann nicht angezeigt werden; wählen Sie ein PNG- oder JPG-Bild.</translation>
    </message>
    <message>
        <source>(no logo)</source>
        <translation>(kein Logo)</translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation>Logo wählen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Bilder (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Sicherungsordner</translation>
    </message>
    <message>
        <source>Own measurements</source>
        <translation>Eigene Messungen</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Retire / restore</source>
        <translation>Ausmustern / &amp;zurückholen</translation>
    </message>
    <message>
        <source>Measurements of your own, beside the built-in ones. Retired ones stay in the history but are no longer offered for new sessions.</source>
        <translation>Eigene Messungen neben den mitgelieferten. Ausgemusterte bleiben im Verlauf, werden aber für neue Sitzungen nicht mehr angeboten.</translation>
    </message>
    <message>
        <source> — retired</source>
        <translation> — ausgemustert</translation>
    </message>
    <message>
        <source>Changed elsewhere</source>
        <translation>Anderswo geändert</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>Einstellungen nicht gespeichert</translation>
    </message>
    <message>
        <source>A setting</source>
        <translation>Eine Einstellung</translation>
    </message>
    <message>
        <source>Showing the settings saved at the other desk, with your other changes.</source>
        <translation>Die am anderen Arbeitsplatz gespeicherten Einstellungen werden mit Ihren übrigen Änderungen angezeigt.</translation>
    </message>
    <message>
        <source>Not saved yet: another desk changed these settings.</source>
        <translation>Noch nicht gespeichert: Ein anderer Arbeitsplatz hat diese Einstellungen geändert.</translation>
    </message>
    <message>
        <source>a picture ({0} kB, #{1})</source>
        <translation>ein Bild ({0} kB, #{1})</translation>
    </message>
    <message>
        <source>defaults</source>
        <translation>Standardwerte</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabetaste</translation>
    </message>
    <message>
        <source>In a form: the next field</source>
        <translation>Im Formular: nächstes Feld</translation>
    </message>
    <message>
        <source>Ctrl+Enter, Ctrl+S</source>
        <translation>Strg+Eingabetaste, Strg+S</translation>
    </message>
    <message>
        <source>In a form: save</source>
        <translation>Im Formular: speichern</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>In a form: close (asks first if something is unsaved)</source>
        <translation>Im Formular: schließen (fragt zuerst, wenn etwas nicht gespeichert ist)</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Strg+T</translation>
    </message>
    <message>
        <source>Session editor: show the trials of the row</source>
        <translation>Sitzungseditor: die Versuche der Zeile zeigen</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Session editor: how to measure, LSI and Diff explained</source>
        <translation>Sitzungseditor: Messanleitung, LSI und Diff. erklärt</translation>
    </message>
    <message>
        <source>Alt+Down</source>
        <translation>Alt+Pfeil nach unten</translation>
    </message>
    <message>
        <source>In a date: open the calendar</source>
        <translation>In einem Datum: den Kalender öffnen</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Wirkung</translation>
    </message>
    <message>
        <source>Alt + the underlined letter works on every button.</source>
        <translation>Alt + der unterstrichene Buchstabe wirkt bei jeder Schaltfläche.</translation>
    </message>
</context>
<context>
    <name>SideBySide</name>
    <message>
        <source>Photos side by side</source>
        <translation>Fotos nebeneinander</translation>
    </message>
</context>
<context>
    <name>Sides</name>
    <message>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>both</source>
        <translation>beide</translation>
    </message>
    <message>
        <source>Left (involved)</source>
        <translation>Links (betroffen)</translation>
    </message>
    <message>
        <source>Right (uninvolved)</source>
        <translation>Rechts (nicht betroffen)</translation>
    </message>
    <message>
        <source>Left (uninvolved)</source>
        <translation>Links (nicht betroffen)</translation>
    </message>
    <message>
        <source>Right (involved)</source>
        <translation>Rechts (betroffen)</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
</context>
<context>
    <name>ThresholdTable</name>
    <message>
        <source>Measurement</source>
        <translation>Messung</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwellenwert</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>In new sessions</source>
        <translation>In neuen Sitzungen</translation>
    </message>
    <message>
        <source>Measurement error</source>
        <translation>Messfehler</translation>
    </message>
    <message>
        <source>below measurement error: expect flags from noise</source>
        <translation>unter dem Messfehler: Befunde durch Messrauschen zu erwarten</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>Schwellenwerte</translation>
    </message>
    <message>
        <source>{0} in new sessions</source>
        <translation>{0} in neuen Sitzungen</translation>
    </message>
    <message>
        <source>{0} threshold</source>
        <translation>{0} Schwellenwert</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Back to the default, {0:g}</source>
        <translation>Zurück zum Standardwert {0:g}</translation>
    </message>
</context>
<context>
    <name>Trends</name>
    <message>
        <source>program {0}</source>
        <translation>Programm {0}</translation>
    </message>
</context>
<context>
    <name>TrendsPage</name>
    <message>
        <source>Measurement shown</source>
        <translation>Angezeigte Messung</translation>
    </message>
    <message>
        <source>The overview, or one measurement in detail</source>
        <translation>Die Übersicht oder eine Messung im Detail</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>Alle Daten</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>Letzte 3 Monate</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Letzte 12 Monate</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Benutzerdefiniert…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>Zeit&amp;raum:</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Zeigen:</translation>
    </message>
    <message>
        <source>Point at the chart to read the values of a session.</source>
        <translation>Zeigen Sie auf das Diagramm, um die Werte einer Sitzung abzulesen.</translation>
    </message>
    <message>
        <source>Values of the session under the pointer</source>
        <translation>Werte der Sitzung unter dem Mauszeiger</translation>
    </message>
    <message>
        <source>Back to the overview</source>
        <translation>Zurück zur Übersicht</translation>
    </message>
    <message>
        <source>Choose an athlete to see their trends.</source>
        <translation>Wählen Sie einen Athleten, um seinen Verlauf zu sehen.</translation>
    </message>
    <message>
        <source>Untwist trend chart</source>
        <translation>Untwist-Verlaufsdiagramm</translation>
    </message>
    <message>
        <source>cannot write {0}</source>
        <translation>{0} kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Export chart as &amp;PNG…</source>
        <translation>Diagramm als &amp;PNG exportieren…</translation>
    </message>
    <message>
        <source>Export chart as &amp;SVG…</source>
        <translation>Diagramm als &amp;SVG exportieren…</translation>
    </message>
    <message>
        <source>Back to the &amp;overview</source>
        <translation>Zurück zur &amp;Übersicht</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}</source>
        <translation>{0} konnte nicht geschrieben werden: {1}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; — {1}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; — {1}</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n Sitzung</numerusform>
            <numerusform>%n Sitzungen</numerusform>
        </translation>
    </message>
    <message>
        <source>No sessions yet: record one on the Sessions page to see trends.</source>
        <translation>Noch keine Sitzungen: Erfassen Sie eine auf der Seite „Sitzungen“, um den Verlauf zu sehen.</translation>
    </message>
    <message>
        <source>All measurements (overview)</source>
        <translation>Alle Messungen (Übersicht)</translation>
    </message>
    <message>
        <source> (beyond measurement error)</source>
        <translation> (über dem Messfehler)</translation>
    </message>
    <message>
        <source>R − L {0} {1}</source>
        <translation>R − L {0} {1}</translation>
    </message>
    <message>
        <source>LSI {0} %</source>
        <translation>LSI {0} %</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{0}&apos;&gt;—● {2}&lt;/span&gt; &amp;nbsp; &lt;span style=&apos;color:{1}&apos;&gt;╌■ {3}&lt;/span&gt; &amp;nbsp;·&amp;nbsp; ● filled: beyond measurement error (MDC) since the first value shown &amp;nbsp;·&amp;nbsp; pass/fail tests: ● pass, ✕ fail &amp;nbsp;·&amp;nbsp; ┆ program start &amp;nbsp;·&amp;nbsp; click a chart for details</source>
        <translation>&lt;span style=&apos;color:{0}&apos;&gt;—● {2}&lt;/span&gt; &amp;nbsp; &lt;span style=&apos;color:{1}&apos;&gt;╌■ {3}&lt;/span&gt; &amp;nbsp;·&amp;nbsp; ● gefüllt: über den Messfehler (MDC) hinaus seit dem ersten gezeigten Wert &amp;nbsp;·&amp;nbsp; Tests bestanden/nicht bestanden: ● bestanden, ✕ nicht bestanden &amp;nbsp;·&amp;nbsp; ┆ Programmbeginn &amp;nbsp;·&amp;nbsp; klicken Sie auf ein Diagramm für Details</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>delete session of {0}</source>
        <translation>Sitzung vom {0} löschen</translation>
    </message>
    <message>
        <source>archive athlete</source>
        <translation>Athlet archivieren</translation>
    </message>
    <message>
        <source>unarchive athlete</source>
        <translation>Archivierung aufheben</translation>
    </message>
</context>
<context>
    <name>gui</name>
    <message>
        <source>Untwist cannot open the database {0}:
{1}</source>
        <translation>Untwist kann die Datenbank {0} nicht öffnen:
{1}</translation>
    </message>
    <message>
        <source>

This desk&apos;s database is chosen in Settings. Start Untwist with --db PATH to open another one, then change it there.</source>
        <translation>

Die Datenbank dieses Arbeitsplatzes wird in den Einstellungen gewählt. Starten Sie Untwist mit --db PFAD, um eine andere zu öffnen, und ändern Sie sie dann dort.</translation>
    </message>
</context>
<context>
    <name>operations</name>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>unsaved</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>{0} has changes that are not saved. Save them?</source>
        <translation>{0} hat ungespeicherte Änderungen. Speichern?</translation>
    </message>
</context>
</TS>
