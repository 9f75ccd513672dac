<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AdherenceGrid</name>
    <message>
        <source>Done (tick a drill on the day it was done)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This day has not come yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adherence: the program has not started yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Adherence so far: {0:.0f} %&lt;/b&gt; of the sessions due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot record the day</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AthleteDialog</name>
    <message>
        <source>Edit athlete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New athlete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dominant side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Involved side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Injury or surgery date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Injury or surgery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leg length left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leg length right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dominant side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Involved side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Injury / surgery &amp;date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Injury / sur&amp;gery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leg length &amp;left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leg length &amp;right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This athlete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another athlete is already named {0}. Save a second athlete with this name?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved; your changes are still here: Save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet: another desk changed this athlete.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AthleteList</name>
    <message>
        <source>Search athletes (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search athletes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Athletes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (archived)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupList</name>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BadDatabaseDialog</name>
    <message>
        <source>Untwist cannot open the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untwist cannot open this database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open another file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups of this database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backups were found beside this database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a backup to restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open another database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dominant side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Involved side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Injury / surgery date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Injury / surgery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leg length left (cm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leg length right (cm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to feel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Common mistakes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dosage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L {0} · R {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · pain {0}/{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed at another desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{0} was saved at another desk since you opened it.&lt;/b&gt;&lt;br&gt;Nothing has been overwritten yet. {1} highlighted line(s) differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;The other desk&apos;s version could not be read (deleted?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yours (not saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved by the other desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your version and the other desk&apos;s, side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload theirs (discard mine)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the other desk&apos;s version; yours is dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overwrite with mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save your version over the other desk&apos;s, as shown here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save nothing yet; your form stays as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the version saved at the other desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In new sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra backup folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solo athlete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo marker colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowest valid value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highest valid value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Untwist hit an error it did not expect.&lt;/b&gt;&lt;br&gt;Your saved data is safe; the action you were doing may not have finished.&lt;br&gt;&lt;br&gt;{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The details are also in the log: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untwist</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomMeasurementDialog</name>
    <message>
        <source>Own measurement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. knee_flexion_deg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decimal number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whole number / score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pass / fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>difference between sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limb symmetry index (LSI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key (for CSV files)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Flag rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lowest valid value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Highest valid value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Threshold (or LSI cut-off %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This measurement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the version saved at the other desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet: another desk changed this measurement.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataSafety</name>
    <message>
        <source>Untwist databases (*.sqlite *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>daily copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taken before a restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taken before an upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untwist is already open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is already open in another Untwist window{who}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to that window, or open the database read-only here: you can look but not change anything, so the two windows cannot overwrite each other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to the open window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily backup: not written to {folders}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily backup saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The daily backup failed: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataSafetyActions</name>
    <message>
        <source>Backup now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a copy of the database in its backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the database with a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A server database is backed up with the server&apos;s own tools.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: restore from the other window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup was saved:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These folders could not be written:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untwist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace {database} with the backup {backup}?

The current file is not deleted: it is kept beside it as {stem}-replaced-&lt;date and time&gt;{suffix}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous file was kept as {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup {backup} was restored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>{0!r} is not a date like 2026-11-20 or {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the date is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose {0} on a calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose on a calendar (Alt+Down)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailChart</name>
    <message>
        <source>Trend chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flag: |R − L| {0} {1} {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flag: LSI &lt; {0} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flag: sides differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error (MDC, estimate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error (MDC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} {1} {2} (shaded around each side&apos;s first value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no measurement error given: markers stay hollow</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DosageEditor</name>
    <message>
        <source>Sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 3 or 3-4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount per set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 8-10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sets / rounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amou&amp;nt per set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>breaths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrillEditor</name>
    <message>
        <source>New custom drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit drill — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One step per line; the numbers are added for you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to feel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Common mistakes, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One mistake per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Aim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set&amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;teps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to &amp;feel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Common &amp;mistakes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si&amp;de</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dosage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets (measurements it helps):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targeted measurements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose &amp;picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PNG, JPG or SVG picture of the position (at most 5 MB and 4000×4000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in drills keep their drawing; “Restore original” undoes text edits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a new picture to replace this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot show this picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.svg);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} ({1} {2}) will be saved with the drill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left out of the drawing, as pictures may not reach other files: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet: another desk changed this drill.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrillListBox</name>
    <message>
        <source>Drills (drag to reorder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A drill from the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (both sides)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrillView</name>
    <message>
        <source>A drill picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Illustration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No drill chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;Choose a drill from the list.&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No picture for this drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawing flipped: the version for the other side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>both sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Works on: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;mirrored version&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custom drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dosage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to feel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Common mistakes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV for spreadsheets: one row per measurement result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON: everything, lossless (trials, pain, programs, drills, settings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Athletes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All athletes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One athlete:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Athlete to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exported %1 athletes, %2 sessions, %3 measurements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Untwist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to Untwist&lt;/h2&gt;&lt;p&gt;Untwist records left-versus-right measurements, shows how the sides compare over time, and prints an exercise program.&lt;/p&gt;&lt;p&gt;Who is using it?&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&apos;m a &amp;clinician — several athletes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&apos;m &amp;tracking myself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Me</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Flags</name>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asymmetric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pain-limited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (in error)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · both low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain-limited ({0}): painful, assess before loading; no vote, no drill because of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past the threshold but within measurement error: measure again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error (MDC95): {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both sides below the reference lower limit {0} ({1}; mean {2}, {3}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LSI {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoutPrinter</name>
    <message>
        <source>Save the handout as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the handout…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing the handout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handout written: {0} ({1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Printing cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the handout</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryTree</name>
    <message>
        <source>Session / measurement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diff (R−L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>% asym / LSI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asymmetry since first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session history</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n measurement(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{0} pain-limited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} asymmetric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (of {1} measurements)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked changes exceed the minimal detectable change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}
Measured on a photo: {1}. Enter or double-click to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (beyond measurement error)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now fail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportErrorsDialog</name>
    <message>
        <source>Import: rows to fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportExport</name>
    <message>
        <source>Measurements CSV or Untwist JSON (*.csv *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>athlete&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>measurement key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>athlete id (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database is open read-only: nothing can be imported into it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the file and this database differ, this database&apos;s values were kept (see the details).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows were already stored and were left as they were.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows of %2 are invalid, so nothing was imported. Fix these lines in the file (line 1 is the header) and import it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2). The first rows, and what each column is read as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First rows of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has a header but no rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All rows are checked before anything is saved: if one is invalid, nothing is imported and you get the list of lines to fix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is read as a full Untwist export (athletes, sessions, programs, drills, settings).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge into this database: add only what is missing, report differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database already holds data, so the file is merged: nothing here is overwritten.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LazyPage</name>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>Search drills…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches the name, aim, region and measurements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search drills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targeted measurement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;mirrored version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview every drill for the other side: left and right swapped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show re&amp;tired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New custom drill…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;dit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore original…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo this clinic&apos;s edits of a built-in drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ret&amp;ire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All measurements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1} drills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring &amp;back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired: hidden from the library and suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in drill, edited by this clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore original?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace this clinic&apos;s text of “{0}” with the original that came with Untwist? Your edits of this drill will be lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire drill?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide “{0}” from the library and from suggestions? Programs that already use it keep it, and “Show retired” brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill library</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Untwist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — demo database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a session for the selected athlete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;athlete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import measurements (CSV) or a whole export (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export measurements (CSV) or everything (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find athlete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit athlete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Archive athlete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete athlete permanently…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Untwist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo database (temporary; discarded on exit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — read-only: editing is disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;My details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un&amp;archive athlete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Athlete {0} created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Athlete archived — Ctrl+Z to undo; &apos;Show archived&apos; lists them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete athlete permanently?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {0} and everything recorded for them: {1} with all their measurements, and every program and adherence record?

This cannot be undone. To keep the record but hide it, archive instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{0} deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session deleted — Ctrl+Z to undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated from another desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Untwist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Untwist {0}&lt;/b&gt;&lt;p&gt;Left-versus-right mobility measurements, asymmetry trends and exercise programs.&lt;/p&gt;&lt;p&gt;Findings are suggestions for a clinician, not a diagnosis.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeasurementRow</name>
    <message>
        <source>{0} left trial {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} right trial {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} left pain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} right pain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trials and pain (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} trials and pain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trials 2 and 3 — left:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain 0–10 — left:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} to {1} in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (trial {0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} flag: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>best</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result ({0} of trials): left {1}, right {2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>Overview of all measurements</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoDialog</name>
    <message>
        <source>Measure on photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Angle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Plumb line (camera not level)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag the points, or Tab to a point and move it with the arrow keys (Shift: 10 px). Wheel or + / − to zoom, 0 to fit, drag the photo to pan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this angle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Angle: —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the plumb line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the vertical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at point 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Angle: {0} {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} markers found and placed: check them, drag to adjust.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No markers found: place the {0} points by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} markers found, {1} needed: place the points by hand.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoFields</name>
    <message>
        <source>Measure on photo… ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure on photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjust the points on the photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo for {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}, {1}, trial {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured on a photo: {0}. Open it to adjust ({1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>photo kept</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoMarks</name>
    <message>
        <source>Photo — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo not shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}, {1}: left and right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}, {1}: {2} and {3}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoPairChoice</name>
    <message>
        <source>Photos on the handout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A patient&apos;s photos are printed only when you choose them here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;hotos on the handout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (no photo is printed)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>Photos:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the chosen photo, or the two side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos of this measurement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoView</name>
    <message>
        <source>Photo with the points of the angle</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgramEditor</name>
    <message>
        <source>Notes printed on the handout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes for the handout</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgramHeader</name>
    <message>
        <source>Start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Suggest from findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propose a program from the latest session&apos;s findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as &amp;new version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print handout (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No saved program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program of {0}, {1} (to {2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> — unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New program (not saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No program yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · {1} · {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n drill(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> (current)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgramPage</name>
    <message>
        <source>Suggest a program from the findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the program as a new version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the handout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The program on screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;No program saved yet. Use “Suggest from findings” or add drills.&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;Choose an athlete.&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain-limited: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested {0}. Edit them if needed, then save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n drill(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot save the program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The program on screen is kept: Save again once this is resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program saved as the version of {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This athlete&apos;s program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet: another desk saved a newer version.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <source>&lt;b&gt;Read-only&lt;/b&gt; — {name} is open in another Untwist window or is write-protected: you can look, print and export, but not change anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only notice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReasonsPanel</name>
    <message>
        <source>Why:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep an eye on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A suggestion to accept or edit, not a diagnosis.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups of {name}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backups of {name} were found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a backup to restore</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SelectedDrillBox</name>
    <message>
        <source>Selected drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note for the athlete about this drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;No drill selected&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionEditor</name>
    <message>
        <source>Measurement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diff (R−L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>% asym / LSI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit session — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New session — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clinician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (dominant)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (involved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a measurement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the session (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add measurement:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session date: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session date {0} is in the future: record a session on the day it happened (today at the latest).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter at least one value to save the session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your entries are still here: Save again once this is resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet: another desk changed this session.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <source>&amp;New session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a new session (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ed&amp;it session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;lete session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected session (undo with Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected session (in the history)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New a&amp;thlete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the first athlete (Ctrl+Shift+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;font-size:13pt&apos;&gt;No athlete chosen.&lt;/span&gt;&lt;br&gt;Choose one in the list, or add one with &lt;b&gt;New athlete…&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dominant side: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>involved side: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> &lt;i&gt;(archived)&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Own measurements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>centimetres (cm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inches (in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinician: many athletes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracking myself (solo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The colour of the adhesive markers found on photos (RRGGBB); a pixel matches within ±25° of its hue, at saturation and brightness of 40 % or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file path, or a clinic server such as postgresql+psycopg://untwist@server/untwist. Used from the next start; --db and UNTWIST_DB still take precedence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes effect when Untwist restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database for this desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lan&amp;guage of this desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic &amp;name (on handouts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Logo (PNG or JPG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length &amp;unit (display only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paper size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra &amp;backup folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo mar&amp;ker colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra backup folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of this desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language of menus, pages and dialogs at this desk. Handouts have their own language per athlete. UNTWIST_LANG still takes precedence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logo not used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The logo cannot be shown; choose a PNG or JPG picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no logo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own measurements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retire / restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measurements of your own, beside the built-in ones. Retired ones stay in the history but are no longer offered for new sessions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the settings saved at the other desk, with your other changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet: another desk changed these settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a picture ({0} kB, #{1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>defaults</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In a form: the next field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter, Ctrl+S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In a form: save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In a form: close (asks first if something is unsaved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session editor: show the trials of the row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session editor: how to measure, LSI and Diff explained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In a date: open the calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt + the underlined letter works on every button.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SideBySide</name>
    <message>
        <source>Photos side by side</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sides</name>
    <message>
        <source>left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left (involved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right (uninvolved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left (uninvolved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right (involved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThresholdTable</name>
    <message>
        <source>Measurement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In new sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measurement error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>below measurement error: expect flags from noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} in new sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the default, {0:g}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Trends</name>
    <message>
        <source>program {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrendsPage</name>
    <message>
        <source>Measurement shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The overview, or one measurement in detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point at the chart to read the values of a session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values of the session under the pointer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an athlete to see their trends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untwist trend chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart as &amp;PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart as &amp;SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the &amp;overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; — {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No sessions yet: record one on the Sessions page to see trends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All measurements (overview)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (beyond measurement error)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R − L {0} {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LSI {0} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{0}&apos;&gt;● {2}&lt;/span&gt; &amp;nbsp; &lt;span style=&apos;color:{1}&apos;&gt;■ {3}&lt;/span&gt; &amp;nbsp;·&amp;nbsp; ● filled: beyond measurement error (MDC) since the first value shown &amp;nbsp;·&amp;nbsp; ┆ program start &amp;nbsp;·&amp;nbsp; click a chart for details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>delete session of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>archive athlete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unarchive athlete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gui</name>
    <message>
        <source>Untwist cannot open the database {0}:
{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>

This desk&apos;s database is chosen in Settings. Start Untwist with --db PATH to open another one, then change it there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>operations</name>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unsaved</name>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} has changes that are not saved. Save them?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
