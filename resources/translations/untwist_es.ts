<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AdherenceGrid</name>
    <message>
        <source>Done (tick a drill on the day it was done)</source>
        <translation>Hecho (marque un ejercicio el día en que lo hizo)</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Semana anterior</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Semana siguiente</translation>
    </message>
    <message>
        <source>Week {0} of {1}</source>
        <translation>Semana {0} de {1}</translation>
    </message>
    <message>
        <source>This day has not come yet</source>
        <translation>Este día aún no ha llegado</translation>
    </message>
    <message>
        <source>Adherence: the program has not started yet.</source>
        <translation>Adherencia: el programa aún no ha empezado.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Adherence so far: {0:.0f} %&lt;/b&gt; of the sessions due</source>
        <translation>&lt;b&gt;Adherencia hasta ahora: {0:.0f} %&lt;/b&gt; de las sesiones previstas</translation>
    </message>
    <message>
        <source>Cannot record the day</source>
        <translation>No se puede registrar el día</translation>
    </message>
</context>
<context>
    <name>AthleteDialog</name>
    <message>
        <source>Edit athlete</source>
        <translation>Editar deportista</translation>
    </message>
    <message>
        <source>New athlete</source>
        <translation>Nuevo deportista</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>left</source>
        <translation>izquierda</translation>
    </message>
    <message>
        <source>right</source>
        <translation>derecha</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>female</source>
        <translation>mujer</translation>
    </message>
    <message>
        <source>male</source>
        <translation>hombre</translation>
    </message>
    <message>
        <source>other</source>
        <translation>otro</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>Sport</source>
        <translation>Deporte</translation>
    </message>
    <message>
        <source>Dominant side</source>
        <translation>Lado dominante</translation>
    </message>
    <message>
        <source>Involved side</source>
        <translation>Lado afectado</translation>
    </message>
    <message>
        <source>Injury or surgery date</source>
        <translation>Fecha de la lesión o cirugía</translation>
    </message>
    <message>
        <source>Injury or surgery</source>
        <translation>Lesión o cirugía</translation>
    </message>
    <message>
        <source>Leg length left</source>
        <translation>Longitud de la pierna izquierda</translation>
    </message>
    <message>
        <source>Leg length right</source>
        <translation>Longitud de la pierna derecha</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Handout language</source>
        <translation>Idioma de la hoja</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Birth date</source>
        <translation>&amp;Fecha de nacimiento</translation>
    </message>
    <message>
        <source>&amp;Sex</source>
        <translation>&amp;Sexo</translation>
    </message>
    <message>
        <source>S&amp;port</source>
        <translation>De&amp;porte</translation>
    </message>
    <message>
        <source>&amp;Dominant side</source>
        <translation>Lado &amp;dominante</translation>
    </message>
    <message>
        <source>&amp;Involved side</source>
        <translation>Lado &amp;afectado</translation>
    </message>
    <message>
        <source>Injury / surgery da&amp;te</source>
        <translation>Fecha de la lesión / &amp;cirugía</translation>
    </message>
    <message>
        <source>Injury / sur&amp;gery</source>
        <translation>&amp;Lesión / cirugía</translation>
    </message>
    <message>
        <source>Leg length &amp;left</source>
        <translation>Longitud pierna i&amp;zquierda</translation>
    </message>
    <message>
        <source>Leg length &amp;right</source>
        <translation>Longitud pierna de&amp;recha</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otas</translation>
    </message>
    <message>
        <source>&amp;Handout language</source>
        <translation>Idioma de la &amp;hoja</translation>
    </message>
    <message>
        <source>This athlete</source>
        <translation>Este deportista</translation>
    </message>
    <message>
        <source>Same name</source>
        <translation>Mismo nombre</translation>
    </message>
    <message>
        <source>Another athlete is already named {0}. Save a second athlete with this name?</source>
        <translation>Ya hay un deportista llamado {0}. ¿Guardar un segundo deportista con este nombre?</translation>
    </message>
    <message>
        <source>Not saved; your changes are still here: Save again.</source>
        <translation>No se ha guardado; sus cambios siguen aquí: guarde de nuevo.</translation>
    </message>
    <message>
        <source>Not saved yet: another desk changed this athlete.</source>
        <translation>Aún no se ha guardado: otro puesto ha modificado este deportista.</translation>
    </message>
    <message>
        <source>Same as the app ({0})</source>
        <translation>Igual que la aplicación ({0})</translation>
    </message>
</context>
<context>
    <name>AthleteList</name>
    <message>
        <source>Search athletes (Ctrl+F)</source>
        <translation>Buscar deportistas (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search athletes</source>
        <translation>Buscar deportistas</translation>
    </message>
    <message>
        <source>Athletes</source>
        <translation>Deportistas</translation>
    </message>
    <message>
        <source>Show &amp;archived</source>
        <translation>Mostrar arc&amp;hivados</translation>
    </message>
    <message>
        <source> (archived)</source>
        <translation> (archivado)</translation>
    </message>
</context>
<context>
    <name>BackupList</name>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
</context>
<context>
    <name>BadDatabaseDialog</name>
    <message>
        <source>Untwist cannot open the database</source>
        <translation>Untwist no puede abrir la base de datos</translation>
    </message>
    <message>
        <source>Untwist cannot open this database</source>
        <translation>Untwist no puede abrir esta base de datos</translation>
    </message>
    <message>
        <source>The file was not changed.</source>
        <translation>El archivo no se ha modificado.</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Restaurar desde una copia</translation>
    </message>
    <message>
        <source>Restore from file…</source>
        <translation>Restaurar desde un archivo…</translation>
    </message>
    <message>
        <source>Open another file…</source>
        <translation>Abrir otro archivo…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Backups of this database:</source>
        <translation>Copias de seguridad de esta base de datos:</translation>
    </message>
    <message>
        <source>No backups were found beside this database.</source>
        <translation>No se encontraron copias junto a esta base de datos.</translation>
    </message>
    <message>
        <source>Choose a backup to restore</source>
        <translation>Elija una copia para restaurar</translation>
    </message>
    <message>
        <source>Open another database</source>
        <translation>Abrir otra base de datos</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Restaurando…</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>Sport</source>
        <translation>Deporte</translation>
    </message>
    <message>
        <source>Dominant side</source>
        <translation>Lado dominante</translation>
    </message>
    <message>
        <source>Involved side</source>
        <translation>Lado afectado</translation>
    </message>
    <message>
        <source>Injury / surgery date</source>
        <translation>Fecha de la lesión / cirugía</translation>
    </message>
    <message>
        <source>Injury / surgery</source>
        <translation>Lesión / cirugía</translation>
    </message>
    <message>
        <source>Leg length left (cm)</source>
        <translation>Longitud pierna izquierda (cm)</translation>
    </message>
    <message>
        <source>Leg length right (cm)</source>
        <translation>Longitud pierna derecha (cm)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Handout language</source>
        <translation>Idioma de la hoja</translation>
    </message>
    <message>
        <source>Aim</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Lado</translation>
    </message>
    <message>
        <source>Setup</source>
        <translation>Posición inicial</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <source>What to feel</source>
        <translation>Qué debe sentir</translation>
    </message>
    <message>
        <source>Common mistakes</source>
        <translation>Errores frecuentes</translation>
    </message>
    <message>
        <source>Dosage</source>
        <translation>Dosificación</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Mediciones objetivo</translation>
    </message>
    <message>
        <source>L {0} · R {1}</source>
        <translation>I {0} · D {1}</translation>
    </message>
    <message>
        <source> · pain {0}/{1}</source>
        <translation> · dolor {0}/{1}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Fecha de inicio</translation>
    </message>
    <message>
        <source>Weeks</source>
        <translation>Semanas</translation>
    </message>
    <message>
        <source>Drill {0}</source>
        <translation>Ejercicio {0}</translation>
    </message>
    <message>
        <source>Changed at another desk</source>
        <translation>Modificado en otro puesto</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0} was saved at another desk since you opened it.&lt;/b&gt;&lt;br&gt;Nothing has been overwritten yet. {1}.</source>
        <translation>&lt;b&gt;{0} se guardó en otro puesto desde que usted lo abrió.&lt;/b&gt;&lt;br&gt;Todavía no se ha sobrescrito nada. {1}.</translation>
    </message>
    <message>
        <source>highlighted line differs</source>
        <translation>línea resaltada difiere</translation>
    </message>
    <message>
        <source>highlighted lines differ</source>
        <translation>líneas resaltadas difieren</translation>
    </message>
    <message>
        <source>&lt;br&gt;The other desk&apos;s version could not be read (deleted?).</source>
        <translation>&lt;br&gt;No se pudo leer la versión del otro puesto (¿eliminada?).</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Yours (not saved)</source>
        <translation>La suya (sin guardar)</translation>
    </message>
    <message>
        <source>Saved by the other desk</source>
        <translation>Guardada por el otro puesto</translation>
    </message>
    <message>
        <source>Your version and the other desk&apos;s, side by side</source>
        <translation>Su versión y la del otro puesto, una al lado de la otra</translation>
    </message>
    <message>
        <source>&amp;Reload theirs (discard mine)</source>
        <translation>&amp;Cargar la otra (descartar la mía)</translation>
    </message>
    <message>
        <source>Show the other desk&apos;s version; yours is dropped</source>
        <translation>Mostrar la versión del otro puesto; la suya se descarta</translation>
    </message>
    <message>
        <source>&amp;Overwrite with mine</source>
        <translation>&amp;Sobrescribir con la mía</translation>
    </message>
    <message>
        <source>Save your version over the other desk&apos;s, as shown here</source>
        <translation>Guardar su versión sobre la del otro puesto, tal como se muestra aquí</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>Seguir &amp;editando</translation>
    </message>
    <message>
        <source>Save nothing yet; your form stays as it is</source>
        <translation>No guardar nada todavía; su formulario queda como está</translation>
    </message>
    <message>
        <source>Showing the version saved at the other desk.</source>
        <translation>Se muestra la versión guardada en el otro puesto.</translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation>Nombre de la clínica</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logotipo</translation>
    </message>
    <message>
        <source>Length unit</source>
        <translation>Unidad de longitud</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Tamaño de papel</translation>
    </message>
    <message>
        <source>In new sessions</source>
        <translation>En sesiones nuevas</translation>
    </message>
    <message>
        <source>Extra backup folder</source>
        <translation>Carpeta de copia adicional</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>Umbrales</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modo</translation>
    </message>
    <message>
        <source>Solo athlete</source>
        <translation>Deportista propio (individual)</translation>
    </message>
    <message>
        <source>Photo marker colour</source>
        <translation>Color de los marcadores de foto</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Valores</translation>
    </message>
    <message>
        <source>Flag rule</source>
        <translation>Regla de evaluación</translation>
    </message>
    <message>
        <source>Lowest valid value</source>
        <translation>Valor válido mínimo</translation>
    </message>
    <message>
        <source>Highest valid value</source>
        <translation>Valor válido máximo</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Umbral</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Algo ha fallado</translation>
    </message>
    <message>
        <source>&lt;b&gt;Untwist hit an error it did not expect.&lt;/b&gt;&lt;br&gt;Your saved data is safe; the action you were doing may not have finished.&lt;br&gt;&lt;br&gt;{0}</source>
        <translation>&lt;b&gt;Untwist ha encontrado un error inesperado.&lt;/b&gt;&lt;br&gt;Sus datos guardados están a salvo; es posible que la acción en curso no haya terminado.&lt;br&gt;&lt;br&gt;{0}</translation>
    </message>
    <message>
        <source>The details are also in the log: {0}</source>
        <translation>Los detalles también están en el registro: {0}</translation>
    </message>
    <message>
        <source>Error details</source>
        <translation>Detalles del error</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>&amp;Copiar detalles</translation>
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
        <translation>Medición propia</translation>
    </message>
    <message>
        <source>e.g. knee_flexion_deg</source>
        <translation>p. ej. knee_flexion_deg</translation>
    </message>
    <message>
        <source>decimal number</source>
        <translation>número decimal</translation>
    </message>
    <message>
        <source>whole number / score</source>
        <translation>número entero / puntuación</translation>
    </message>
    <message>
        <source>pass / fail</source>
        <translation>supera / no supera</translation>
    </message>
    <message>
        <source>difference between sides</source>
        <translation>diferencia entre lados</translation>
    </message>
    <message>
        <source>limb symmetry index (LSI)</source>
        <translation>índice de simetría de extremidades (LSI)</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>&amp;Key (for CSV files)</source>
        <translation>&amp;Clave (para archivos CSV)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>&amp;Unidad</translation>
    </message>
    <message>
        <source>&amp;Values</source>
        <translation>&amp;Valores</translation>
    </message>
    <message>
        <source>&amp;Flag rule</source>
        <translation>&amp;Regla de evaluación</translation>
    </message>
    <message>
        <source>&amp;Lowest valid value</source>
        <translation>Valor válido &amp;mínimo</translation>
    </message>
    <message>
        <source>&amp;Highest valid value</source>
        <translation>Valor válido má&amp;ximo</translation>
    </message>
    <message>
        <source>&amp;Threshold (or LSI cut-off %)</source>
        <translation>Um&amp;bral (o límite LSI %)</translation>
    </message>
    <message>
        <source>&amp;Protocol</source>
        <translation>&amp;Protocolo</translation>
    </message>
    <message>
        <source>This measurement</source>
        <translation>Esta medición</translation>
    </message>
    <message>
        <source>Showing the version saved at the other desk.</source>
        <translation>Se muestra la versión guardada en el otro puesto.</translation>
    </message>
    <message>
        <source>Not saved yet: another desk changed this measurement.</source>
        <translation>Aún no se ha guardado: otro puesto ha modificado esta medición.</translation>
    </message>
</context>
<context>
    <name>DataSafety</name>
    <message>
        <source>Untwist databases (*.sqlite *.db);;All files (*)</source>
        <translation>Bases de datos de Untwist (*.sqlite *.db);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>daily copy</source>
        <translation>copia diaria</translation>
    </message>
    <message>
        <source>Backup now</source>
        <translation>Copiar ahora</translation>
    </message>
    <message>
        <source>taken before a restore</source>
        <translation>hecha antes de una restauración</translation>
    </message>
    <message>
        <source>taken before an upgrade</source>
        <translation>hecha antes de una actualización</translation>
    </message>
    <message>
        <source>Untwist is already open</source>
        <translation>Untwist ya está abierto</translation>
    </message>
    <message>
        <source>{path} is already open in another Untwist window{who}.</source>
        <translation>{path} ya está abierto en otra ventana de Untwist{who}.</translation>
    </message>
    <message>
        <source>Switch to that window, or open the database read-only here: you can look but not change anything, so the two windows cannot overwrite each other.</source>
        <translation>Cambie a esa ventana o abra aquí la base de datos en modo de solo lectura: podrá consultarla pero no modificar nada, para que las dos ventanas no se sobrescriban.</translation>
    </message>
    <message>
        <source>Switch to the open window</source>
        <translation>Cambiar a la ventana abierta</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Abrir en solo lectura</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Solo lectura</translation>
    </message>
    <message>
        <source> — read-only</source>
        <translation> — solo lectura</translation>
    </message>
    <message>
        <source>Daily backup: not written to {folders}</source>
        <translation>Copia diaria: no se escribió en {folders}</translation>
    </message>
    <message>
        <source>Daily backup saved.</source>
        <translation>Copia diaria guardada.</translation>
    </message>
    <message>
        <source>The daily backup failed: {why}</source>
        <translation>La copia diaria ha fallado: {why}</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>Comprobando la base de datos…</translation>
    </message>
</context>
<context>
    <name>DataSafetyActions</name>
    <message>
        <source>Backup now</source>
        <translation>Copiar ahora</translation>
    </message>
    <message>
        <source>Save a copy of the database in its backups</source>
        <translation>Guardar una copia de la base de datos junto a sus copias de seguridad</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Restaurar…</translation>
    </message>
    <message>
        <source>Replace the database with a backup</source>
        <translation>Sustituir la base de datos por una copia</translation>
    </message>
    <message>
        <source>A server database is backed up with the server&apos;s own tools.</source>
        <translation>Una base de datos de servidor se copia con las herramientas del propio servidor.</translation>
    </message>
    <message>
        <source>Read-only: restore from the other window.</source>
        <translation>Solo lectura: restaure desde la otra ventana.</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Haciendo la copia…</translation>
    </message>
    <message>
        <source>The backup was saved:</source>
        <translation>La copia se ha guardado:</translation>
    </message>
    <message>
        <source>These folders could not be written:</source>
        <translation>No se pudo escribir en estas carpetas:</translation>
    </message>
    <message>
        <source>Untwist</source>
        <translation>Untwist</translation>
    </message>
    <message>
        <source>Replace {database} with the backup {backup}?

The current file is not deleted: it is kept beside it as {stem}-replaced-&lt;date and time&gt;{suffix}.</source>
        <translation>¿Sustituir {database} por la copia {backup}?

El archivo actual no se elimina: se conserva al lado como {stem}-replaced-&lt;fecha y hora&gt;{suffix}.</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Restaurando…</translation>
    </message>
    <message>
        <source>The previous file was kept as {path}.</source>
        <translation>El archivo anterior se conservó como {path}.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>The backup {backup} was restored.</source>
        <translation>Se restauró la copia {backup}.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>{0!r} is not a date like 2026-11-20 or {1}</source>
        <translation>{0!r} no es una fecha como 2026-11-20 o {1}</translation>
    </message>
    <message>
        <source>the date is empty</source>
        <translation>la fecha está vacía</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Choose {0} on a calendar</source>
        <translation>Elegir {0} en un calendario</translation>
    </message>
    <message>
        <source>Choose on a calendar (Alt+Down)</source>
        <translation>Elegir en un calendario (Alt+Abajo)</translation>
    </message>
</context>
<context>
    <name>DetailChart</name>
    <message>
        <source>Trend chart</source>
        <translation>Gráfico de evolución</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>superada</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>no superada</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Izquierda</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Derecha</translation>
    </message>
    <message>
        <source>filled: changed beyond measurement error</source>
        <translation>relleno: cambio mayor que el error de medición</translation>
    </message>
    <message>
        <source>program start</source>
        <translation>inicio del programa</translation>
    </message>
    <message>
        <source>band: no flag</source>
        <translation>banda: sin indicador</translation>
    </message>
    <message>
        <source>flag: |R − L| {0} {1} {2}</source>
        <translation>indicador: |D − I| {0} {1} {2}</translation>
    </message>
    <message>
        <source>flag: LSI &lt; {0} %</source>
        <translation>indicador: LSI &lt; {0} %</translation>
    </message>
    <message>
        <source>flag: sides differ</source>
        <translation>indicador: los lados difieren</translation>
    </message>
    <message>
        <source>error (MDC, estimate)</source>
        <translation>error (MDC, estimación)</translation>
    </message>
    <message>
        <source>error (MDC)</source>
        <translation>error (MDC)</translation>
    </message>
    <message>
        <source>{0} {1} {2} (shaded around each side&apos;s first value)</source>
        <translation>{0} {1} {2} (sombreado alrededor del primer valor de cada lado)</translation>
    </message>
    <message>
        <source>no measurement error given: markers stay hollow</source>
        <translation>sin error de medición indicado: los marcadores quedan huecos</translation>
    </message>
</context>
<context>
    <name>DosageEditor</name>
    <message>
        <source>Sets</source>
        <translation>Series</translation>
    </message>
    <message>
        <source>e.g. 3 or 3-4</source>
        <translation>p. ej. 3 o 3-4</translation>
    </message>
    <message>
        <source>Amount per set</source>
        <translation>Cantidad por serie</translation>
    </message>
    <message>
        <source>e.g. 8-10</source>
        <translation>p. ej. 8-10</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>each side</source>
        <translation>cada lado</translation>
    </message>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>Times per week</source>
        <translation>Veces por semana</translation>
    </message>
    <message>
        <source>&amp;Sets / rounds</source>
        <translation>Series / &amp;rondas</translation>
    </message>
    <message>
        <source>Amount per s&amp;et</source>
        <translation>&amp;Cantidad por serie</translation>
    </message>
    <message>
        <source>Un&amp;it</source>
        <translation>&amp;Unidad</translation>
    </message>
    <message>
        <source>Per &amp;week</source>
        <translation>Por se&amp;mana</translation>
    </message>
    <message>
        <source>breaths</source>
        <translation>respiraciones</translation>
    </message>
    <message>
        <source>reps</source>
        <translation>rep.</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>segundos</translation>
    </message>
</context>
<context>
    <name>DrillEditor</name>
    <message>
        <source>New custom drill</source>
        <translation>Nuevo ejercicio propio</translation>
    </message>
    <message>
        <source>Edit drill — {0}</source>
        <translation>Editar ejercicio — {0}</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>This drill</source>
        <translation>Este ejercicio</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Aim</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Setup</source>
        <translation>Posición inicial</translation>
    </message>
    <message>
        <source>Steps, one per line</source>
        <translation>Pasos, uno por línea</translation>
    </message>
    <message>
        <source>One step per line; the numbers are added for you</source>
        <translation>Un paso por línea; los números se añaden automáticamente</translation>
    </message>
    <message>
        <source>What to feel</source>
        <translation>Qué debe sentir</translation>
    </message>
    <message>
        <source>Common mistakes, one per line</source>
        <translation>Errores frecuentes, uno por línea</translation>
    </message>
    <message>
        <source>One mistake per line</source>
        <translation>Un error por línea</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Aim</source>
        <translation>&amp;Objetivo</translation>
    </message>
    <message>
        <source>Set&amp;up</source>
        <translation>&amp;Posición inicial</translation>
    </message>
    <message>
        <source>S&amp;teps</source>
        <translation>Pa&amp;sos</translation>
    </message>
    <message>
        <source>What to &amp;feel</source>
        <translation>Qué debe sen&amp;tir</translation>
    </message>
    <message>
        <source>Common &amp;mistakes</source>
        <translation>&amp;Errores frecuentes</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Lado</translation>
    </message>
    <message>
        <source>left</source>
        <translation>izquierda</translation>
    </message>
    <message>
        <source>right</source>
        <translation>derecha</translation>
    </message>
    <message>
        <source>both</source>
        <translation>ambos</translation>
    </message>
    <message>
        <source>&amp;Region</source>
        <translation>Re&amp;gión</translation>
    </message>
    <message>
        <source>Si&amp;de</source>
        <translation>&amp;Lado</translation>
    </message>
    <message>
        <source>Dosage</source>
        <translation>Dosificación</translation>
    </message>
    <message>
        <source>Targets (measurements it helps):</source>
        <translation>Mediciones objetivo (en las que ayuda):</translation>
    </message>
    <message>
        <source>Targeted measurements</source>
        <translation>Mediciones objetivo</translation>
    </message>
    <message>
        <source>Choose &amp;picture…</source>
        <translation>Elegir &amp;imagen…</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>A PNG, JPG or SVG picture of the position (at most 5 MB and 4000×4000).</source>
        <translation>Una imagen PNG, JPG o SVG de la posición (como máximo 5 MB y 4000×4000).</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>Sin imagen</translation>
    </message>
    <message>
        <source>Built-in drills keep their drawing; “Restore original” undoes text edits.</source>
        <translation>Los ejercicios incluidos conservan su dibujo; «Restaurar original» deshace los cambios de texto.</translation>
    </message>
    <message>
        <source>Choose a new picture to replace this one.</source>
        <translation>Elija una imagen nueva para sustituir esta.</translation>
    </message>
    <message>
        <source>Cannot show this picture</source>
        <translation>No se puede mostrar esta imagen</translation>
    </message>
    <message>
        <source>Choose a picture</source>
        <translation>Elegir una imagen</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.svg);;All files (*)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg *.svg);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>{0} ({1} {2}) will be saved with the drill.</source>
        <translation>{0} ({1} {2}) se guardará con el ejercicio.</translation>
    </message>
    <message>
        <source>Left out of the drawing, as pictures may not reach other files: {0}.</source>
        <translation>Omitido del dibujo, porque las imágenes no pueden remitir a otros archivos: {0}.</translation>
    </message>
    <message>
        <source>Not saved yet: another desk changed this drill.</source>
        <translation>Aún no se ha guardado: otro puesto ha modificado este ejercicio.</translation>
    </message>
</context>
<context>
    <name>DrillListBox</name>
    <message>
        <source>Drills (drag to reorder)</source>
        <translation>Ejercicios (arrastre para reordenar)</translation>
    </message>
    <message>
        <source>A drill from the library</source>
        <translation>Un ejercicio de la biblioteca</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>Aña&amp;dir</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Su&amp;bir</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Ba&amp;jar</translation>
    </message>
    <message>
        <source> (both sides)</source>
        <translation> (ambos lados)</translation>
    </message>
</context>
<context>
    <name>DrillView</name>
    <message>
        <source>A drill picture</source>
        <translation>Una imagen de ejercicio</translation>
    </message>
    <message>
        <source>Illustration</source>
        <translation>Ilustración</translation>
    </message>
    <message>
        <source>Drawing legend</source>
        <translation>Leyenda del dibujo</translation>
    </message>
    <message>
        <source>No drill chosen</source>
        <translation>Ningún ejercicio elegido</translation>
    </message>
    <message>
        <source>&lt;i&gt;Choose a drill from the list.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Elija un ejercicio de la lista.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>No picture for this drill</source>
        <translation>No hay imagen para este ejercicio</translation>
    </message>
    <message>
        <source>Drawing flipped: the version for the other side</source>
        <translation>Dibujo reflejado: la versión para el otro lado</translation>
    </message>
    <message>
        <source>left side</source>
        <translation>lado izquierdo</translation>
    </message>
    <message>
        <source>right side</source>
        <translation>lado derecho</translation>
    </message>
    <message>
        <source>both sides</source>
        <translation>ambos lados</translation>
    </message>
    <message>
        <source>Region: {0}</source>
        <translation>Región: {0}</translation>
    </message>
    <message>
        <source>Works on: {0}</source>
        <translation>Trabaja: {0}</translation>
    </message>
    <message>
        <source>&lt;i&gt;mirrored version&lt;/i&gt;</source>
        <translation>&lt;i&gt;versión reflejada&lt;/i&gt;</translation>
    </message>
    <message>
        <source>custom drill</source>
        <translation>ejercicio propio</translation>
    </message>
    <message>
        <source>Aim</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Dosage</source>
        <translation>Dosificación</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Mediciones objetivo</translation>
    </message>
    <message>
        <source>Setup</source>
        <translation>Posición inicial</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <source>What to feel</source>
        <translation>Qué debe sentir</translation>
    </message>
    <message>
        <source>Common mistakes</source>
        <translation>Errores frecuentes</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>CSV for spreadsheets: one row per measurement result</source>
        <translation>CSV para hojas de cálculo: una fila por resultado de medición</translation>
    </message>
    <message>
        <source>JSON: everything, lossless (trials, pain, programs, drills, settings)</source>
        <translation>JSON: todo, sin pérdidas (intentos, dolor, programas, ejercicios, configuración)</translation>
    </message>
    <message>
        <source>Athletes</source>
        <translation>Deportistas</translation>
    </message>
    <message>
        <source>All athletes</source>
        <translation>Todos los deportistas</translation>
    </message>
    <message>
        <source>One athlete:</source>
        <translation>Un deportista:</translation>
    </message>
    <message>
        <source>Athlete to export</source>
        <translation>Deportista que exportar</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
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
        <translation>Exportar a</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>exported %1 athletes, %2 sessions, %3 measurements</source>
        <translation>exportado: %1 deportistas, %2 sesiones, %3 mediciones</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>La exportación se canceló; no se escribió ningún archivo.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Untwist</source>
        <translation>Bienvenido a Untwist</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to Untwist&lt;/h2&gt;&lt;p&gt;Untwist records left-versus-right measurements, shows how the sides compare over time, and prints an exercise program.&lt;/p&gt;&lt;p&gt;Who is using it?&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Bienvenido a Untwist&lt;/h2&gt;&lt;p&gt;Untwist registra mediciones de izquierda frente a derecha, muestra cómo se comparan los lados a lo largo del tiempo e imprime un programa de ejercicios.&lt;/p&gt;&lt;p&gt;¿Quién lo usa?&lt;/p&gt;</translation>
    </message>
    <message>
        <source>I&apos;m a &amp;clinician — several athletes</source>
        <translation>Soy &amp;profesional — varios deportistas</translation>
    </message>
    <message>
        <source>I&apos;m &amp;tracking myself</source>
        <translation>Hago mi propio &amp;seguimiento</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>Su nombre:</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Yo</translation>
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
        <translation>vigilar</translation>
    </message>
    <message>
        <source>asymmetric</source>
        <translation>asimétrico</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>incompleto</translation>
    </message>
    <message>
        <source>pain-limited</source>
        <translation>limitado por dolor</translation>
    </message>
    <message>
        <source> (in error)</source>
        <translation> (dentro del error)</translation>
    </message>
    <message>
        <source> · both low</source>
        <translation> · ambos bajos</translation>
    </message>
    <message>
        <source>Pain-limited ({0}): painful, assess before loading; no vote, no drill because of it.</source>
        <translation>Limitado por dolor ({0}): doloroso, evaluar antes de cargar; no cuenta para un patrón ni genera ejercicio.</translation>
    </message>
    <message>
        <source>Past the threshold but within measurement error: measure again.</source>
        <translation>Supera el umbral pero está dentro del error de medición: vuelva a medir.</translation>
    </message>
    <message>
        <source>Error (MDC95): {0}.</source>
        <translation>Error (MDC95): {0}.</translation>
    </message>
    <message>
        <source>Both sides below the reference lower limit {0} ({1}; mean {2}, {3}).</source>
        <translation>Ambos lados por debajo del límite inferior de referencia {0} ({1}; media {2}, {3}).</translation>
    </message>
    <message>
        <source>LSI {0}</source>
        <translation>LSI {0}</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>supera</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>no supera</translation>
    </message>
</context>
<context>
    <name>HandoutPrinter</name>
    <message>
        <source>Save the handout as</source>
        <translation>Guardar la hoja como</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the handout…</source>
        <translation>Escribiendo la hoja…</translation>
    </message>
    <message>
        <source>Printing the handout</source>
        <translation>Imprimiendo la hoja</translation>
    </message>
    <message>
        <source>Preparing the handout for the printer…</source>
        <translation>Preparando la hoja para la impresora…</translation>
    </message>
    <message>
        <source>Preparing the handout</source>
        <translation>Preparando la hoja</translation>
    </message>
    <message>
        <source>Choose a printer…</source>
        <translation>Elegir una impresora…</translation>
    </message>
    <message>
        <source>Handout sent to {0} ({1}).</source>
        <translation>Hoja enviada a {0} ({1}).</translation>
    </message>
    <message>
        <source>Printing cancelled.</source>
        <translation>Impresión cancelada.</translation>
    </message>
    <message>
        <source>Cannot print the handout</source>
        <translation>No se puede imprimir la hoja</translation>
    </message>
    <message>
        <source>Handout written: {0} ({1}).</source>
        <translation>Hoja escrita: {0} ({1}).</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n página</numerusform>
            <numerusform>%n páginas</numerusform>
        </translation>
    </message>
    <message>
        <source>Printing cancelled; no file was written.</source>
        <translation>Impresión cancelada; no se escribió ningún archivo.</translation>
    </message>
    <message>
        <source>Cannot write the handout</source>
        <translation>No se puede escribir la hoja</translation>
    </message>
</context>
<context>
    <name>HistoryTree</name>
    <message>
        <source>Session / measurement</source>
        <translation>Sesión / medición</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Izquierda</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Derecha</translation>
    </message>
    <message>
        <source>Diff (R−L)</source>
        <translation>Dif. (D−I)</translation>
    </message>
    <message>
        <source>% asym / LSI</source>
        <translation>% asim. / LSI</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Indicador</translation>
    </message>
    <message>
        <source>Since previous</source>
        <translation>Desde la anterior</translation>
    </message>
    <message>
        <source>Since first</source>
        <translation>Desde la primera</translation>
    </message>
    <message>
        <source>Asymmetry since first</source>
        <translation>Asimetría desde la primera</translation>
    </message>
    <message>
        <source>Session history</source>
        <translation>Historial de sesiones</translation>
    </message>
    <message numerus="yes">
        <source>%n measurement(s)</source>
        <translation>
            <numerusform>%n medición</numerusform>
            <numerusform>%n mediciones</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} pain-limited</source>
        <translation>{0} limitadas por dolor</translation>
    </message>
    <message>
        <source>{0} asymmetric</source>
        <translation>{0} asimétricas</translation>
    </message>
    <message>
        <source>{0} watch</source>
        <translation>{0} vigilar</translation>
    </message>
    <message>
        <source>all ok</source>
        <translation>todo ok</translation>
    </message>
    <message>
        <source>{0} (of {1})</source>
        <translation>{0} (de {1})</translation>
    </message>
    <message>
        <source>{0}
Measured on a photo: {1}. Enter or double-click to open.</source>
        <translation>{0}
Medido en una foto: {1}. Intro o doble clic para abrirla.</translation>
    </message>
    <message>
        <source>{0} beyond measurement error (the minimal detectable change)</source>
        <translation>{0} mayor que el error de medición (el cambio mínimo detectable)</translation>
    </message>
    <message>
        <source>L</source>
        <translation>I</translation>
    </message>
    <message>
        <source>R</source>
        <translation>D</translation>
    </message>
    <message>
        <source>now pass</source>
        <translation>ahora supera</translation>
    </message>
    <message>
        <source>now fail</source>
        <translation>ahora no supera</translation>
    </message>
</context>
<context>
    <name>ImportErrorsDialog</name>
    <message>
        <source>Import: rows to fix</source>
        <translation>Importar: filas que corregir</translation>
    </message>
    <message>
        <source>Invalid rows</source>
        <translation>Filas no válidas</translation>
    </message>
    <message>
        <source>Copy list</source>
        <translation>Copiar lista</translation>
    </message>
    <message>
        <source>Save list…</source>
        <translation>Guardar lista…</translation>
    </message>
    <message>
        <source>Save the list</source>
        <translation>Guardar la lista</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>Texto (*.txt)</translation>
    </message>
</context>
<context>
    <name>ImportExport</name>
    <message>
        <source>Measurements CSV or Untwist JSON (*.csv *.json);;All files (*)</source>
        <translation>Mediciones CSV o JSON de Untwist (*.csv *.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>athlete&apos;s name</source>
        <translation>nombre del deportista</translation>
    </message>
    <message>
        <source>session date</source>
        <translation>fecha de la sesión</translation>
    </message>
    <message>
        <source>measurement key</source>
        <translation>clave de la medición</translation>
    </message>
    <message>
        <source>left value</source>
        <translation>valor izquierdo</translation>
    </message>
    <message>
        <source>right value</source>
        <translation>valor derecho</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notas</translation>
    </message>
    <message>
        <source>unit (optional)</source>
        <translation>unidad (opcional)</translation>
    </message>
    <message>
        <source>athlete id (optional)</source>
        <translation>id del deportista (opcional)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>This database is open read-only: nothing can be imported into it.</source>
        <translation>Esta base de datos está abierta en solo lectura: no se puede importar nada en ella.</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importando %1…</translation>
    </message>
    <message>
        <source>Where the file and this database differ, this database&apos;s values were kept (see the details).</source>
        <translation>Donde el archivo y esta base de datos difieren, se conservaron los valores de esta base de datos (vea los detalles).</translation>
    </message>
    <message>
        <source>%1 rows were already stored and were left as they were.</source>
        <translation>%1 filas ya estaban guardadas y se dejaron como estaban.</translation>
    </message>
    <message>
        <source>%1 rows of %2 are invalid, so nothing was imported. Fix these lines in the file (line 1 is the header) and import it again.</source>
        <translation>%1 de %2 filas no son válidas, así que no se importó nada. Corrija estas líneas en el archivo (la línea 1 es el encabezado) e impórtelo de nuevo.</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was written.</source>
        <translation>La importación se canceló; no se escribió nada.</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import %1</source>
        <translation>Importar %1</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>%1 (%2). The first rows, and what each column is read as:</source>
        <translation>%1 (%2). Las primeras filas y cómo se lee cada columna:</translation>
    </message>
    <message>
        <source>First rows of the file</source>
        <translation>Primeras filas del archivo</translation>
    </message>
    <message>
        <source>The file has a header but no rows.</source>
        <translation>El archivo tiene encabezado pero ninguna fila.</translation>
    </message>
    <message>
        <source>All rows are checked before anything is saved: if one is invalid, nothing is imported and you get the list of lines to fix.</source>
        <translation>Todas las filas se comprueban antes de guardar nada: si una no es válida, no se importa nada y recibe la lista de líneas que corregir.</translation>
    </message>
    <message>
        <source>%1 is read as a full Untwist export (athletes, sessions, programs, drills, settings).</source>
        <translation>%1 se lee como una exportación completa de Untwist (deportistas, sesiones, programas, ejercicios, configuración).</translation>
    </message>
    <message>
        <source>Merge into this database: add only what is missing, report differences</source>
        <translation>Combinar con esta base de datos: añadir solo lo que falta, informar de las diferencias</translation>
    </message>
    <message>
        <source>This database already holds data, so the file is merged: nothing here is overwritten.</source>
        <translation>Esta base de datos ya contiene datos, así que el archivo se combina: aquí no se sobrescribe nada.</translation>
    </message>
</context>
<context>
    <name>LazyPage</name>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>Search drills…</source>
        <translation>Buscar ejercicios…</translation>
    </message>
    <message>
        <source>Matches the name, aim, region and measurements</source>
        <translation>Busca en el nombre, el objetivo, la región y las mediciones</translation>
    </message>
    <message>
        <source>Search drills</source>
        <translation>Buscar ejercicios</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>Todas las regiones</translation>
    </message>
    <message>
        <source>Targeted measurement</source>
        <translation>Medición objetivo</translation>
    </message>
    <message>
        <source>Show &amp;mirrored version</source>
        <translation>&amp;Reflejada</translation>
    </message>
    <message>
        <source>Preview every drill for the other side: left and right swapped</source>
        <translation>Ver cada ejercicio para el otro lado: izquierda y derecha intercambiadas</translation>
    </message>
    <message>
        <source>Show re&amp;tired</source>
        <translation>Re&amp;tirados</translation>
    </message>
    <message>
        <source>&amp;New custom drill…</source>
        <translation>&amp;Nuevo ejercicio…</translation>
    </message>
    <message>
        <source>Drills</source>
        <translation>Ejercicios</translation>
    </message>
    <message>
        <source>E&amp;dit…</source>
        <translation>Mo&amp;dificar…</translation>
    </message>
    <message>
        <source>&amp;Restore original…</source>
        <translation>Restaurar &amp;original…</translation>
    </message>
    <message>
        <source>Undo this clinic&apos;s edits of a built-in drill</source>
        <translation>Deshacer los cambios de esta clínica en un ejercicio incluido</translation>
    </message>
    <message>
        <source>Ret&amp;ire</source>
        <translation>Ret&amp;irar</translation>
    </message>
    <message>
        <source>All measurements</source>
        <translation>Todas las mediciones</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>retirado</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>modificado</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>propio</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} de {1}</translation>
    </message>
    <message>
        <source>drill</source>
        <translation>ejercicio</translation>
    </message>
    <message>
        <source>drills</source>
        <translation>ejercicios</translation>
    </message>
    <message>
        <source>Bring &amp;back</source>
        <translation>Recu&amp;perar</translation>
    </message>
    <message>
        <source>Retired: hidden from the library and suggestions</source>
        <translation>Retirado: oculto en la biblioteca y en las sugerencias</translation>
    </message>
    <message>
        <source>Built-in drill, edited by this clinic</source>
        <translation>Ejercicio incluido, modificado por esta clínica</translation>
    </message>
    <message>
        <source>Built-in drill</source>
        <translation>Ejercicio incluido</translation>
    </message>
    <message>
        <source>Custom drill</source>
        <translation>Ejercicio propio</translation>
    </message>
    <message>
        <source>Restore original?</source>
        <translation>¿Restaurar el original?</translation>
    </message>
    <message>
        <source>Replace this clinic&apos;s text of “{0}” with the original that came with Untwist? Your edits of this drill will be lost.</source>
        <translation>¿Sustituir el texto de esta clínica de «{0}» por el original incluido en Untwist? Se perderán sus cambios en este ejercicio.</translation>
    </message>
    <message>
        <source>Retire drill?</source>
        <translation>¿Retirar el ejercicio?</translation>
    </message>
    <message>
        <source>Hide “{0}” from the library and from suggestions? Programs that already use it keep it, and “Show retired” brings it back.</source>
        <translation>¿Ocultar «{0}» en la biblioteca y en las sugerencias? Los programas que ya lo usan lo conservan, y «Retirados» lo vuelve a mostrar.</translation>
    </message>
    <message>
        <source>Changed elsewhere</source>
        <translation>Modificado en otro lugar</translation>
    </message>
    <message>
        <source>Drill library</source>
        <translation>Biblioteca de ejercicios</translation>
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
        <translation> — base de datos de demostración</translation>
    </message>
    <message>
        <source> — read-only</source>
        <translation> — solo lectura</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>Evolución</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Biblioteca</translation>
    </message>
    <message>
        <source>Ctrl+{0}</source>
        <translation>Ctrl+{0}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New session…</source>
        <translation>&amp;Nueva sesión…</translation>
    </message>
    <message>
        <source>Record a session for the selected athlete</source>
        <translation>Registrar una sesión del deportista seleccionado</translation>
    </message>
    <message>
        <source>New &amp;athlete…</source>
        <translation>Nuevo &amp;deportista…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <source>Import measurements (CSV) or a whole export (JSON)</source>
        <translation>Importar mediciones (CSV) o una exportación completa (JSON)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <source>Export measurements (CSV) or everything (JSON)</source>
        <translation>Exportar mediciones (CSV) o todo (JSON)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>&amp;Find athlete</source>
        <translation>&amp;Buscar deportista</translation>
    </message>
    <message>
        <source>&amp;Edit athlete…</source>
        <translation>&amp;Editar deportista…</translation>
    </message>
    <message>
        <source>&amp;Archive athlete</source>
        <translation>Arc&amp;hivar deportista</translation>
    </message>
    <message>
        <source>&amp;Delete athlete permanently…</source>
        <translation>E&amp;liminar deportista definitivamente…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Sessions</source>
        <translation>&amp;Sesiones</translation>
    </message>
    <message>
        <source>&amp;Trends</source>
        <translation>&amp;Evolución</translation>
    </message>
    <message>
        <source>&amp;Program</source>
        <translation>&amp;Programa</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>&amp;Biblioteca</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <source>&amp;About Untwist</source>
        <translation>Acerca &amp;de Untwist</translation>
    </message>
    <message>
        <source>Demo database (temporary; discarded on exit)</source>
        <translation>Base de datos de demostración (temporal; se descarta al salir)</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>Base de datos: {0}</translation>
    </message>
    <message>
        <source> — read-only: editing is disabled</source>
        <translation> — solo lectura: la edición está desactivada</translation>
    </message>
    <message>
        <source>&amp;My details…</source>
        <translation>&amp;Mis datos…</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Configuración guardada</translation>
    </message>
    <message>
        <source>Settings saved; the new language applies when Untwist starts again.</source>
        <translation>Configuración guardada; el nuevo idioma se aplicará cuando vuelva a iniciar Untwist.</translation>
    </message>
    <message>
        <source>Un&amp;archive athlete</source>
        <translation>Desarc&amp;hivar deportista</translation>
    </message>
    <message>
        <source>Athlete {0} created</source>
        <translation>Deportista {0} creado</translation>
    </message>
    <message>
        <source>Athlete archived — Ctrl+Z to undo; &apos;Show archived&apos; lists them</source>
        <translation>Deportista archivado — Ctrl+Z para deshacer; «Mostrar archivados» los lista</translation>
    </message>
    <message>
        <source>Delete athlete permanently?</source>
        <translation>¿Eliminar el deportista definitivamente?</translation>
    </message>
    <message>
        <source>Delete {0} and everything recorded for them: {1} with all their measurements, and every program and adherence record?

This cannot be undone. To keep the record but hide it, archive instead.</source>
        <translation>¿Eliminar a {0} y todo lo registrado: {1} con todas sus mediciones, y todos los programas y registros de adherencia?

Esto no se puede deshacer. Para conservar los datos pero ocultarlos, archive en su lugar.</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n sesión</numerusform>
            <numerusform>%n sesiones</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} deleted</source>
        <translation>{0} eliminado</translation>
    </message>
    <message>
        <source>Cannot edit</source>
        <translation>No se puede editar</translation>
    </message>
    <message>
        <source>Session saved</source>
        <translation>Sesión guardada</translation>
    </message>
    <message>
        <source>Session deleted — Ctrl+Z to undo</source>
        <translation>Sesión eliminada — Ctrl+Z para deshacer</translation>
    </message>
    <message>
        <source>Updated from another desk</source>
        <translation>Actualizado desde otro puesto</translation>
    </message>
    <message>
        <source>About Untwist</source>
        <translation>Acerca de Untwist</translation>
    </message>
    <message>
        <source>&lt;b&gt;Untwist {0}&lt;/b&gt;&lt;p&gt;Left-versus-right mobility measurements, asymmetry trends and exercise programs.&lt;/p&gt;&lt;p&gt;Findings are suggestions for a clinician, not a diagnosis.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Untwist {0}&lt;/b&gt;&lt;p&gt;Mediciones de movilidad izquierda frente a derecha, evolución de la asimetría y programas de ejercicios.&lt;/p&gt;&lt;p&gt;Los hallazgos son sugerencias para un profesional, no un diagnóstico.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MeasurementRow</name>
    <message>
        <source>{0} left trial {1}</source>
        <translation>{0} izquierda intento {1}</translation>
    </message>
    <message>
        <source>{0} right trial {1}</source>
        <translation>{0} derecha intento {1}</translation>
    </message>
    <message>
        <source>{0} left pain</source>
        <translation>{0} dolor izquierda</translation>
    </message>
    <message>
        <source>{0} right pain</source>
        <translation>{0} dolor derecha</translation>
    </message>
    <message>
        <source>{0} trials and pain</source>
        <translation>{0} intentos y dolor</translation>
    </message>
    <message>
        <source>Valid: {0}</source>
        <translation>Válido: {0}</translation>
    </message>
    <message>
        <source>Reference: {0}</source>
        <translation>Referencia: {0}</translation>
    </message>
    <message>
        <source>Flag: {0}</source>
        <translation>Indicador: {0}</translation>
    </message>
    <message>
        <source>Counts ({0} of the trials)</source>
        <translation>Cuenta ({0} de los intentos)</translation>
    </message>
    <message>
        <source>Pain 0–10</source>
        <translation>Dolor 0–10</translation>
    </message>
    <message>
        <source>{0} to {1} in</source>
        <translation>{0} a {1} in</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>supera</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>no supera</translation>
    </message>
    <message>
        <source> (trial {0})</source>
        <translation> (intento {0})</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Izquierda</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Derecha</translation>
    </message>
    <message>
        <source>{0} flag: {1}</source>
        <translation>{0} indicador: {1}</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} de {1}</translation>
    </message>
    <message>
        <source>1 trial</source>
        <translation>1 intento</translation>
    </message>
    <message>
        <source>Counts: the {0} of the trials entered below</source>
        <translation>Cuenta: {0} de los intentos introducidos abajo</translation>
    </message>
    <message>
        <source>best</source>
        <translation>mejor</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Trials 1–3, which one counts, and pain ({0})</source>
        <translation>Intentos 1–3, cuál cuenta, y dolor ({0})</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>media</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>Overview of all measurements</source>
        <translation>Resumen de todas las mediciones</translation>
    </message>
</context>
<context>
    <name>PhotoDialog</name>
    <message>
        <source>Measure on photo</source>
        <translation>Medir en la foto</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>Ángulo</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>&amp;Plumb line (camera not level)</source>
        <translation>&amp;Plomada (cámara no nivelada)</translation>
    </message>
    <message>
        <source>Drag the points, or Tab to a point and move it with the arrow keys (Shift: 10 px). Wheel or + / − to zoom, 0 to fit, drag the photo to pan.</source>
        <translation>Arrastre los puntos, o vaya a un punto con Tab y muévalo con las flechas (Mayús: 10 px). Rueda o + / − para ampliar, 0 para ajustar, arrastre la foto para desplazarla.</translation>
    </message>
    <message>
        <source>Use this angle</source>
        <translation>Usar este ángulo</translation>
    </message>
    <message>
        <source>Angle: —</source>
        <translation>Ángulo: —</translation>
    </message>
    <message>
        <source>from the plumb line</source>
        <translation>respecto a la plomada</translation>
    </message>
    <message>
        <source>from the vertical</source>
        <translation>respecto a la vertical</translation>
    </message>
    <message>
        <source>at point 2</source>
        <translation>en el punto 2</translation>
    </message>
    <message>
        <source>Angle: {0} {1}</source>
        <translation>Ángulo: {0} {1}</translation>
    </message>
    <message>
        <source>{0} markers found and placed: check them, drag to adjust.</source>
        <translation>{0} marcadores encontrados y colocados: compruébelos y arrástrelos para ajustar.</translation>
    </message>
    <message>
        <source>No markers found: place the {0} points by hand.</source>
        <translation>No se encontraron marcadores: coloque los {0} puntos a mano.</translation>
    </message>
    <message>
        <source>{0} found, {1} needed: place the points by hand.</source>
        <translation>{0} encontrados, {1} necesarios: coloque los puntos a mano.</translation>
    </message>
    <message>
        <source>marker</source>
        <translation>marcador</translation>
    </message>
    <message>
        <source>markers</source>
        <translation>marcadores</translation>
    </message>
</context>
<context>
    <name>PhotoFields</name>
    <message>
        <source>Measure on photo… ({0})</source>
        <translation>Medir en la foto… ({0})</translation>
    </message>
    <message>
        <source>Measure on photo…</source>
        <translation>Medir en la foto…</translation>
    </message>
    <message>
        <source>Adjust the points on the photo…</source>
        <translation>Ajustar los puntos en la foto…</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Quitar foto</translation>
    </message>
    <message>
        <source>Photo for {0}</source>
        <translation>Foto para {0}</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>Fotos (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>{0}, {1}, trial {2}</source>
        <translation>{0}, {1}, intento {2}</translation>
    </message>
    <message>
        <source>Measured on a photo: {0}. Open it to adjust ({1}).</source>
        <translation>Medido en una foto: {0}. Ábrala para ajustar ({1}).</translation>
    </message>
    <message>
        <source>photo kept</source>
        <translation>foto conservada</translation>
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
        <translation>Foto no mostrada</translation>
    </message>
    <message>
        <source>Opening the photo…</source>
        <translation>Abriendo la foto…</translation>
    </message>
    <message>
        <source>{0}, {1}: left and right</source>
        <translation>{0}, {1}: izquierda y derecha</translation>
    </message>
    <message>
        <source>left</source>
        <translation>izquierda</translation>
    </message>
    <message>
        <source>right</source>
        <translation>derecha</translation>
    </message>
    <message>
        <source>{0}, {1}: {2} and {3}</source>
        <translation>{0}, {1}: {2} y {3}</translation>
    </message>
</context>
<context>
    <name>PhotoPairChoice</name>
    <message>
        <source>Photos on the handout</source>
        <translation>Fotos en la hoja</translation>
    </message>
    <message>
        <source>A patient&apos;s photos are printed only when you choose them here.</source>
        <translation>Las fotos de un paciente solo se imprimen si las elige aquí.</translation>
    </message>
    <message>
        <source>P&amp;hotos on the handout:</source>
        <translation>F&amp;otos en la hoja:</translation>
    </message>
    <message>
        <source>None (no photo is printed)</source>
        <translation>Ninguna (no se imprime ninguna foto)</translation>
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
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Show the chosen photo, or the two side by side</source>
        <translation>Mostrar la foto elegida, o las dos una al lado de la otra</translation>
    </message>
    <message>
        <source>Photos of this measurement</source>
        <translation>Fotos de esta medición</translation>
    </message>
    <message>
        <source>Photo {0}</source>
        <translation>Foto {0}</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Una al lado de la otra</translation>
    </message>
</context>
<context>
    <name>PhotoView</name>
    <message>
        <source>Photo with the points of the angle</source>
        <translation>Foto con los puntos del ángulo</translation>
    </message>
</context>
<context>
    <name>ProgramEditor</name>
    <message>
        <source>Notes printed on the handout</source>
        <translation>Notas impresas en la hoja</translation>
    </message>
    <message>
        <source>Notes for the handout</source>
        <translation>Notas para la hoja</translation>
    </message>
</context>
<context>
    <name>ProgramHeader</name>
    <message>
        <source>Start date</source>
        <translation>Fecha de inicio</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> semanas</translation>
    </message>
    <message>
        <source>&amp;Suggest from findings</source>
        <translation>&amp;Sugerir</translation>
    </message>
    <message>
        <source>Propose a program from the latest session&apos;s findings</source>
        <translation>Proponer un programa a partir de los hallazgos de la última sesión</translation>
    </message>
    <message>
        <source>Save as &amp;new version</source>
        <translation>&amp;Guardar versión</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Guardar PDF…</translation>
    </message>
    <message>
        <source>Save the handout as a PDF file</source>
        <translation>Guardar la hoja como archivo PDF</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>Print the handout</source>
        <translation>Imprimir la hoja</translation>
    </message>
    <message>
        <source>&amp;Open PDF</source>
        <translation>Abrir &amp;PDF</translation>
    </message>
    <message>
        <source>Pro&amp;gress report…</source>
        <translation>In&amp;forme de evolución…</translation>
    </message>
    <message>
        <source>A PDF for the referring doctor or insurer: first and latest measurements</source>
        <translation>Un PDF para el médico remitente o la aseguradora: primeras y últimas mediciones</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Versión:</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Empieza</translation>
    </message>
    <message>
        <source>for</source>
        <translation>durante</translation>
    </message>
    <message>
        <source>No saved program</source>
        <translation>Ningún programa guardado</translation>
    </message>
    <message>
        <source>Program of {0}, {1} (to {2})</source>
        <translation>Programa del {0}, {1} (hasta {2})</translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n semana</numerusform>
            <numerusform>%n semanas</numerusform>
        </translation>
    </message>
    <message>
        <source> — unsaved changes</source>
        <translation> — cambios sin guardar</translation>
    </message>
    <message>
        <source>New program (not saved)</source>
        <translation>Programa nuevo (sin guardar)</translation>
    </message>
    <message>
        <source>No program yet</source>
        <translation>Aún no hay programa</translation>
    </message>
    <message>
        <source>{0} · {1} · {2}</source>
        <translation>{0} · {1} · {2}</translation>
    </message>
    <message numerus="yes">
        <source>%n drill(s)</source>
        <translation>
            <numerusform>%n ejercicio</numerusform>
            <numerusform>%n ejercicios</numerusform>
        </translation>
    </message>
    <message>
        <source> (current)</source>
        <translation> (actual)</translation>
    </message>
</context>
<context>
    <name>ProgramPage</name>
    <message>
        <source>from today to the end</source>
        <translation>desde hoy hasta el final</translation>
    </message>
    <message>
        <source>the whole program</source>
        <translation>todo el programa</translation>
    </message>
    <message>
        <source>Tick sheet</source>
        <translation>Hoja de control</translation>
    </message>
    <message>
        <source>&amp;Tick sheet:</source>
        <translation>Hoja de &amp;control:</translation>
    </message>
    <message>
        <source>Suggest a program from the findings</source>
        <translation>Sugerir un programa a partir de los hallazgos</translation>
    </message>
    <message>
        <source>Save the program as a new version</source>
        <translation>Guardar el programa como versión nueva</translation>
    </message>
    <message>
        <source>Save the handout as a PDF</source>
        <translation>Guardar la hoja como PDF</translation>
    </message>
    <message>
        <source>Print the handout</source>
        <translation>Imprimir la hoja</translation>
    </message>
    <message>
        <source>The program on screen</source>
        <translation>El programa en pantalla</translation>
    </message>
    <message>
        <source>&lt;i&gt;No program saved yet. Use “Suggest from findings” or add drills.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Aún no hay ningún programa guardado. Use «Sugerir» o añada ejercicios.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;Choose an athlete.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Elija un deportista.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>Suggest</source>
        <translation>Sugerir</translation>
    </message>
    <message>
        <source>Pain-limited: {0}</source>
        <translation>Limitado por dolor: {0}</translation>
    </message>
    <message>
        <source>Suggested {0}. Edit them if needed, then save.</source>
        <translation>Sugeridos: {0}. Modifíquelos si es necesario y luego guarde.</translation>
    </message>
    <message numerus="yes">
        <source>%n drill(s)</source>
        <translation>
            <numerusform>%n ejercicio</numerusform>
            <numerusform>%n ejercicios</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot save the program</source>
        <translation>No se puede guardar el programa</translation>
    </message>
    <message>
        <source>The program on screen is kept: Save again once this is resolved.</source>
        <translation>El programa en pantalla se conserva: guarde de nuevo cuando esto se resuelva.</translation>
    </message>
    <message>
        <source>Program saved as the version of {0}.</source>
        <translation>Programa guardado como versión del {0}.</translation>
    </message>
    <message>
        <source>This athlete&apos;s program</source>
        <translation>El programa de este deportista</translation>
    </message>
    <message>
        <source>Not saved yet: another desk saved a newer version.</source>
        <translation>Aún no se ha guardado: otro puesto guardó una versión más reciente.</translation>
    </message>
    <message>
        <source>Progress report written: {0} ({1}).</source>
        <translation>Informe de evolución escrito: {0} ({1}).</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n página</numerusform>
            <numerusform>%n páginas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressReportDialog</name>
    <message>
        <source>Progress report for {0}</source>
        <translation>Informe de evolución de {0}</translation>
    </message>
    <message>
        <source>For the referring doctor or insurer: every measurement first against latest, judged against its error, the flags, and the program with its adherence when there is one. Your assessment and plan are printed as typed and kept with the athlete for the next report; left empty, the report has room to write by hand.</source>
        <translation>Para el médico remitente o la aseguradora: cada medición, la primera frente a la última, juzgada frente a su error, los indicadores y el programa con su cumplimiento si lo hay. Su valoración y su plan se imprimen tal como los escribe y se guardan con el deportista para el próximo informe; si se dejan vacíos, el informe deja espacio para escribir a mano.</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Valoración</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>&amp;Assessment:</source>
        <translation>&amp;Valoración:</translation>
    </message>
    <message>
        <source>P&amp;lan:</source>
        <translation>P&amp;lan:</translation>
    </message>
    <message>
        <source>Lang&amp;uage:</source>
        <translation>Idi&amp;oma:</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>&amp;Guardar PDF…</translation>
    </message>
    <message>
        <source>Reading the stored assessment and plan…</source>
        <translation>Leyendo la valoración y el plan guardados…</translation>
    </message>
    <message>
        <source>Stored with the athlete on {0}.</source>
        <translation>Guardado con el deportista el {0}.</translation>
    </message>
    <message>
        <source>Nothing stored for this athlete yet.</source>
        <translation>Aún no hay nada guardado para este deportista.</translation>
    </message>
    <message>
        <source>The assessment and plan</source>
        <translation>La valoración y el plan</translation>
    </message>
    <message>
        <source>Not printed yet: another desk changed the assessment and plan.</source>
        <translation>Aún no se ha impreso: otro puesto ha modificado la valoración y el plan.</translation>
    </message>
    <message>
        <source>Save the progress report as</source>
        <translation>Guardar el informe de evolución como</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the progress report…</source>
        <translation>Escribiendo el informe de evolución…</translation>
    </message>
    <message>
        <source>Writing the progress report</source>
        <translation>Escribiendo el informe de evolución</translation>
    </message>
    <message>
        <source>Cancelled; no file was written.</source>
        <translation>Cancelado; no se escribió ningún archivo.</translation>
    </message>
    <message>
        <source>Cannot write the progress report</source>
        <translation>No se puede escribir el informe de evolución</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <source>&lt;b&gt;Read-only&lt;/b&gt; — {name} is open in another Untwist window or is write-protected: you can look, print and export, but not change anything.</source>
        <translation>&lt;b&gt;Solo lectura&lt;/b&gt; — {name} está abierto en otra ventana de Untwist o está protegido contra escritura: puede consultar, imprimir y exportar, pero no modificar nada.</translation>
    </message>
    <message>
        <source>Read-only notice</source>
        <translation>Aviso de solo lectura</translation>
    </message>
</context>
<context>
    <name>ReasonsPanel</name>
    <message>
        <source>Why:</source>
        <translation>Por qué:</translation>
    </message>
    <message>
        <source>Keep an eye on:</source>
        <translation>Vigilar:</translation>
    </message>
    <message>
        <source>A suggestion to accept or edit, not a diagnosis.</source>
        <translation>Una sugerencia para aceptar o modificar, no un diagnóstico.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>Restaurar desde una copia</translation>
    </message>
    <message>
        <source>Backups of {name}:</source>
        <translation>Copias de {name}:</translation>
    </message>
    <message>
        <source>No backups of {name} were found.</source>
        <translation>No se encontraron copias de {name}.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Other file…</source>
        <translation>Otro archivo…</translation>
    </message>
    <message>
        <source>Choose a backup to restore</source>
        <translation>Elija una copia para restaurar</translation>
    </message>
</context>
<context>
    <name>SelectedDrillBox</name>
    <message>
        <source>Selected drill</source>
        <translation>Ejercicio seleccionado</translation>
    </message>
    <message>
        <source>left</source>
        <translation>izquierda</translation>
    </message>
    <message>
        <source>right</source>
        <translation>derecha</translation>
    </message>
    <message>
        <source>both</source>
        <translation>ambos</translation>
    </message>
    <message>
        <source>A note for the athlete about this drill</source>
        <translation>Una nota para el deportista sobre este ejercicio</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Lado</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>&lt;i&gt;No drill selected&lt;/i&gt;</source>
        <translation>&lt;i&gt;Ningún ejercicio seleccionado&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>SessionEditor</name>
    <message>
        <source>Measurement</source>
        <translation>Medición</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Izquierda</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Derecha</translation>
    </message>
    <message>
        <source>Diff (R−L)</source>
        <translation>Dif. (D−I)</translation>
    </message>
    <message>
        <source>% asym / LSI</source>
        <translation>% asim. / LSI</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Indicador</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Edit session — {0}</source>
        <translation>Editar sesión — {0}</translation>
    </message>
    <message>
        <source>New session — {0}</source>
        <translation>Nueva sesión — {0}</translation>
    </message>
    <message>
        <source>This session</source>
        <translation>Esta sesión</translation>
    </message>
    <message>
        <source>Session date</source>
        <translation>Fecha de la sesión</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <source>Session notes</source>
        <translation>Notas de la sesión</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <source>&amp;Clinician</source>
        <translation>&amp;Profesional</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <source>{0} shows the trials of the row being typed in</source>
        <translation>{0} muestra los intentos de la fila que está escribiendo</translation>
    </message>
    <message>
        <source> (dominant)</source>
        <translation> (dominante)</translation>
    </message>
    <message>
        <source> (involved)</source>
        <translation> (afectado)</translation>
    </message>
    <message>
        <source>Add a measurement</source>
        <translation>Añadir una medición</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>Save the session (Ctrl+S)</source>
        <translation>Guardar la sesión (Ctrl+S)</translation>
    </message>
    <message>
        <source>How to measure</source>
        <translation>Cómo medir</translation>
    </message>
    <message>
        <source>&amp;Add measurement:</source>
        <translation>&amp;Añadir medición:</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— elegir —</translation>
    </message>
    <message>
        <source>Session date: {0}.</source>
        <translation>Fecha de la sesión: {0}.</translation>
    </message>
    <message>
        <source>The session date {0} is in the future: record a session on the day it happened (today at the latest).</source>
        <translation>La fecha de la sesión {0} está en el futuro: registre una sesión el día en que tuvo lugar (hoy como muy tarde).</translation>
    </message>
    <message>
        <source>Enter at least one value to save the session.</source>
        <translation>Introduzca al menos un valor para guardar la sesión.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>No guardado</translation>
    </message>
    <message>
        <source>Your entries are still here: Save again once this is resolved.</source>
        <translation>Sus datos siguen aquí: guarde de nuevo cuando esto se resuelva.</translation>
    </message>
    <message>
        <source>Not saved yet: another desk changed this session.</source>
        <translation>Aún no se ha guardado: otro puesto ha modificado esta sesión.</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <source>&amp;New session</source>
        <translation>&amp;Nueva sesión</translation>
    </message>
    <message>
        <source>Record a new session (Ctrl+N)</source>
        <translation>Registrar una sesión nueva (Ctrl+N)</translation>
    </message>
    <message>
        <source>Ed&amp;it session</source>
        <translation>Mod&amp;ificar sesión</translation>
    </message>
    <message>
        <source>De&amp;lete session</source>
        <translation>E&amp;liminar sesión</translation>
    </message>
    <message>
        <source>Delete the selected session (undo with Ctrl+Z)</source>
        <translation>Eliminar la sesión seleccionada (deshacer con Ctrl+Z)</translation>
    </message>
    <message>
        <source>Delete the selected session (in the history)</source>
        <translation>Eliminar la sesión seleccionada (en el historial)</translation>
    </message>
    <message>
        <source>New a&amp;thlete…</source>
        <translation>Nuevo &amp;deportista…</translation>
    </message>
    <message>
        <source>Add the first athlete (Ctrl+Shift+N)</source>
        <translation>Añadir el primer deportista (Ctrl+Mayús+N)</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;font-size:13pt&apos;&gt;No athlete chosen.&lt;/span&gt;&lt;br&gt;Choose one in the list, or add one with &lt;b&gt;New athlete…&lt;/b&gt;.</source>
        <translation>&lt;span style=&apos;font-size:13pt&apos;&gt;Ningún deportista elegido.&lt;/span&gt;&lt;br&gt;Elija uno en la lista o añada uno con &lt;b&gt;Nuevo deportista…&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>dominant side: {0}</source>
        <translation>lado dominante: {0}</translation>
    </message>
    <message>
        <source>involved side: {0}</source>
        <translation>lado afectado: {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n sesión</numerusform>
            <numerusform>%n sesiones</numerusform>
        </translation>
    </message>
    <message>
        <source> &lt;i&gt;(archived)&lt;/i&gt;</source>
        <translation> &lt;i&gt;(archivado)&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;General</translation>
    </message>
    <message>
        <source>&amp;Thresholds</source>
        <translation>Umbr&amp;ales</translation>
    </message>
    <message>
        <source>&amp;Own measurements</source>
        <translation>Mediciones &amp;propias</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>centimetres (cm)</source>
        <translation>centímetros (cm)</translation>
    </message>
    <message>
        <source>inches (in)</source>
        <translation>pulgadas (in)</translation>
    </message>
    <message>
        <source>Clinician: many athletes</source>
        <translation>Profesional: muchos deportistas</translation>
    </message>
    <message>
        <source>Tracking myself (solo)</source>
        <translation>Mi propio seguimiento (individual)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>The colour of the adhesive markers found on photos (RRGGBB); a pixel matches within ±25° of its hue, at saturation and brightness of 40 % or more.</source>
        <translation>El color de los marcadores adhesivos que se buscan en las fotos (RRGGBB); un píxel coincide dentro de ±25° de su tono, con saturación y brillo del 40 % o más.</translation>
    </message>
    <message>
        <source>A file path, or a clinic server such as postgresql+psycopg://untwist@server/untwist. Used from the next start; --db and UNTWIST_DB still take precedence.</source>
        <translation>Una ruta de archivo o un servidor de la clínica como postgresql+psycopg://untwist@server/untwist. Se usa desde el próximo inicio; --db y UNTWIST_DB siguen teniendo prioridad.</translation>
    </message>
    <message>
        <source>Applies when you save.</source>
        <translation>Se aplica al guardar.</translation>
    </message>
    <message>
        <source>&amp;Database for this desk</source>
        <translation>&amp;Base de datos de este puesto</translation>
    </message>
    <message>
        <source>L&amp;anguage of this desk</source>
        <translation>&amp;Idioma de este puesto</translation>
    </message>
    <message>
        <source>Clinic &amp;name (on handouts)</source>
        <translation>&amp;Nombre de la clínica (en las hojas)</translation>
    </message>
    <message>
        <source>&amp;Logo (PNG or JPG)</source>
        <translation>&amp;Logotipo (PNG o JPG)</translation>
    </message>
    <message>
        <source>Length &amp;unit (display only)</source>
        <translation>&amp;Unidad de longitud (solo visualización)</translation>
    </message>
    <message>
        <source>&amp;Paper size</source>
        <translation>&amp;Tamaño de papel</translation>
    </message>
    <message>
        <source>&amp;Mode</source>
        <translation>&amp;Modo</translation>
    </message>
    <message>
        <source>Extra &amp;backup folder</source>
        <translation>&amp;Carpeta de copia adicional</translation>
    </message>
    <message>
        <source>Photo mar&amp;ker colour</source>
        <translation>Color de los marca&amp;dores</translation>
    </message>
    <message>
        <source>Extra backup folder</source>
        <translation>Carpeta de copia adicional</translation>
    </message>
    <message>
        <source>Language of this desk</source>
        <translation>Idioma de este puesto</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>El del sistema</translation>
    </message>
    <message>
        <source>The language of menus, pages and dialogs at this desk. Handouts have their own language per athlete. UNTWIST_LANG still takes precedence.</source>
        <translation>El idioma de los menús, páginas y diálogos en este puesto. Las hojas tienen su propio idioma por deportista. UNTWIST_LANG sigue teniendo prioridad.</translation>
    </message>
    <message>
        <source>Logo not used</source>
        <translation>Logotipo no utilizado</translation>
    </message>
    <message>
        <source>The logo cannot be shown; choose a PNG or JPG picture.</source>
        <translation>El logotipo no se puede mostrar; elija una imagen PNG o JPG.</translation>
    </message>
    <message>
        <source>(no logo)</source>
        <translation>(sin logotipo)</translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation>Elegir un logotipo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Carpeta de copia</translation>
    </message>
    <message>
        <source>Own measurements</source>
        <translation>Mediciones propias</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>A&amp;ñadir…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Retire / restore</source>
        <translation>&amp;Retirar / restaurar</translation>
    </message>
    <message>
        <source>Measurements of your own, beside the built-in ones. Retired ones stay in the history but are no longer offered for new sessions.</source>
        <translation>Mediciones propias, junto a las incluidas. Las retiradas se quedan en el historial pero ya no se ofrecen para sesiones nuevas.</translation>
    </message>
    <message>
        <source> — retired</source>
        <translation> — retirada</translation>
    </message>
    <message>
        <source>Changed elsewhere</source>
        <translation>Modificado en otro lugar</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>Configuración no guardada</translation>
    </message>
    <message>
        <source>A setting</source>
        <translation>Un ajuste</translation>
    </message>
    <message>
        <source>Showing the settings saved at the other desk, with your other changes.</source>
        <translation>Se muestra la configuración guardada en el otro puesto, con sus demás cambios.</translation>
    </message>
    <message>
        <source>Not saved yet: another desk changed these settings.</source>
        <translation>Aún no se ha guardado: otro puesto ha modificado esta configuración.</translation>
    </message>
    <message>
        <source>a picture ({0} kB, #{1})</source>
        <translation>una imagen ({0} kB, #{1})</translation>
    </message>
    <message>
        <source>defaults</source>
        <translation>valores predeterminados</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>In a form: the next field</source>
        <translation>En un formulario: el campo siguiente</translation>
    </message>
    <message>
        <source>Ctrl+Enter, Ctrl+S</source>
        <translation>Ctrl+Intro, Ctrl+S</translation>
    </message>
    <message>
        <source>In a form: save</source>
        <translation>En un formulario: guardar</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>In a form: close (asks first if something is unsaved)</source>
        <translation>En un formulario: cerrar (pregunta antes si hay algo sin guardar)</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Session editor: show the trials of the row</source>
        <translation>Editor de sesión: mostrar los intentos de la fila</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Session editor: how to measure, LSI and Diff explained</source>
        <translation>Editor de sesión: cómo medir, LSI y Dif. explicados</translation>
    </message>
    <message>
        <source>Alt+Down</source>
        <translation>Alt+Abajo</translation>
    </message>
    <message>
        <source>In a date: open the calendar</source>
        <translation>En una fecha: abrir el calendario</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Alt + the underlined letter works on every button.</source>
        <translation>Alt + la letra subrayada funciona en todos los botones.</translation>
    </message>
</context>
<context>
    <name>SideBySide</name>
    <message>
        <source>Photos side by side</source>
        <translation>Fotos una al lado de la otra</translation>
    </message>
</context>
<context>
    <name>Sides</name>
    <message>
        <source>left</source>
        <translation>izquierda</translation>
    </message>
    <message>
        <source>right</source>
        <translation>derecha</translation>
    </message>
    <message>
        <source>both</source>
        <translation>ambos</translation>
    </message>
    <message>
        <source>Left (involved)</source>
        <translation>Izquierda (afectada)</translation>
    </message>
    <message>
        <source>Right (uninvolved)</source>
        <translation>Derecha (no afectada)</translation>
    </message>
    <message>
        <source>Left (uninvolved)</source>
        <translation>Izquierda (no afectada)</translation>
    </message>
    <message>
        <source>Right (involved)</source>
        <translation>Derecha (afectada)</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Izquierda</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Derecha</translation>
    </message>
</context>
<context>
    <name>ThresholdTable</name>
    <message>
        <source>Measurement</source>
        <translation>Medición</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Predeterminado</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Umbral</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>In new sessions</source>
        <translation>En sesiones nuevas</translation>
    </message>
    <message>
        <source>Measurement error</source>
        <translation>Error de medición</translation>
    </message>
    <message>
        <source>below measurement error: expect flags from noise</source>
        <translation>por debajo del error de medición: habrá indicadores por ruido</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>Umbrales</translation>
    </message>
    <message>
        <source>{0} in new sessions</source>
        <translation>{0} en sesiones nuevas</translation>
    </message>
    <message>
        <source>{0} threshold</source>
        <translation>Umbral de {0}</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Restablecer</translation>
    </message>
    <message>
        <source>Back to the default, {0:g}</source>
        <translation>Volver al valor predeterminado, {0:g}</translation>
    </message>
</context>
<context>
    <name>Trends</name>
    <message>
        <source>program {0}</source>
        <translation>programa {0}</translation>
    </message>
</context>
<context>
    <name>TrendsPage</name>
    <message>
        <source>Measurement shown</source>
        <translation>Medición mostrada</translation>
    </message>
    <message>
        <source>The overview, or one measurement in detail</source>
        <translation>El resumen, o una medición en detalle</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>Todas las fechas</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>Últimos 3 meses</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Últimos 12 meses</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Personalizado…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Periodo:</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <source>Point at the chart to read the values of a session.</source>
        <translation>Señale el gráfico para leer los valores de una sesión.</translation>
    </message>
    <message>
        <source>Values of the session under the pointer</source>
        <translation>Valores de la sesión bajo el puntero</translation>
    </message>
    <message>
        <source>Back to the overview</source>
        <translation>Volver al resumen</translation>
    </message>
    <message>
        <source>Choose an athlete to see their trends.</source>
        <translation>Elija un deportista para ver su evolución.</translation>
    </message>
    <message>
        <source>Untwist trend chart</source>
        <translation>Gráfico de evolución de Untwist</translation>
    </message>
    <message>
        <source>cannot write {0}</source>
        <translation>no se puede escribir {0}</translation>
    </message>
    <message>
        <source>Export chart as &amp;PNG…</source>
        <translation>Exportar gráfico como &amp;PNG…</translation>
    </message>
    <message>
        <source>Export chart as &amp;SVG…</source>
        <translation>Exportar gráfico como &amp;SVG…</translation>
    </message>
    <message>
        <source>Back to the &amp;overview</source>
        <translation>Volver al &amp;resumen</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Exportar gráfico</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Imagen PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>Dibujo SVG (*.svg)</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}</source>
        <translation>No se pudo escribir {0}: {1}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; — {1}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; — {1}</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n sesión</numerusform>
            <numerusform>%n sesiones</numerusform>
        </translation>
    </message>
    <message>
        <source>No sessions yet: record one on the Sessions page to see trends.</source>
        <translation>Aún no hay sesiones: registre una en la página Sesiones para ver la evolución.</translation>
    </message>
    <message>
        <source>All measurements (overview)</source>
        <translation>Todas las mediciones (resumen)</translation>
    </message>
    <message>
        <source> (beyond measurement error)</source>
        <translation> (más allá del error de medición)</translation>
    </message>
    <message>
        <source>R − L {0} {1}</source>
        <translation>D − I {0} {1}</translation>
    </message>
    <message>
        <source>LSI {0} %</source>
        <translation>LSI {0} %</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{0}&apos;&gt;—● {2}&lt;/span&gt; &amp;nbsp; &lt;span style=&apos;color:{1}&apos;&gt;╌■ {3}&lt;/span&gt; &amp;nbsp;·&amp;nbsp; ● filled: beyond measurement error (MDC) since the first value shown &amp;nbsp;·&amp;nbsp; pass/fail tests: ● pass, ✕ fail &amp;nbsp;·&amp;nbsp; ┆ program start &amp;nbsp;·&amp;nbsp; click a chart for details</source>
        <translation>&lt;span style=&apos;color:{0}&apos;&gt;—● {2}&lt;/span&gt; &amp;nbsp; &lt;span style=&apos;color:{1}&apos;&gt;╌■ {3}&lt;/span&gt; &amp;nbsp;·&amp;nbsp; ● relleno: mayor que el error de medición (MDC) desde el primer valor mostrado &amp;nbsp;·&amp;nbsp; pruebas superada/no superada: ● superada, ✕ no superada &amp;nbsp;·&amp;nbsp; ┆ inicio del programa &amp;nbsp;·&amp;nbsp; haga clic en un gráfico para ver detalles</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>delete session of {0}</source>
        <translation>eliminar la sesión del {0}</translation>
    </message>
    <message>
        <source>archive athlete</source>
        <translation>archivar deportista</translation>
    </message>
    <message>
        <source>unarchive athlete</source>
        <translation>desarchivar deportista</translation>
    </message>
</context>
<context>
    <name>gui</name>
    <message>
        <source>Untwist cannot open the database {0}:
{1}</source>
        <translation>Untwist no puede abrir la base de datos {0}:
{1}</translation>
    </message>
    <message>
        <source>

This desk&apos;s database is chosen in Settings. Start Untwist with --db PATH to open another one, then change it there.</source>
        <translation>

La base de datos de este puesto se elige en Configuración. Inicie Untwist con --db RUTA para abrir otra y cámbiela allí.</translation>
    </message>
</context>
<context>
    <name>operations</name>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
</context>
<context>
    <name>unsaved</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>{0} has changes that are not saved. Save them?</source>
        <translation>{0} tiene cambios sin guardar. ¿Guardarlos?</translation>
    </message>
</context>
</TS>
