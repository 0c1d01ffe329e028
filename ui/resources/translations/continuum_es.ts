<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AccountsModel</name>
    <message>
        <location filename="../../admin/accounts.py" line="+42"/>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password changed</source>
        <translation>Cambio de contraseña</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deactivated</source>
        <translation>Desactivada</translation>
    </message>
</context>
<context>
    <name>AccountsPanel</name>
    <message>
        <location line="+79"/>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Add account…</source>
        <translation>Agregar &amp;cuenta…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset pass&amp;word…</source>
        <translation>Restablecer contra&amp;seña…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Deactivate</source>
        <translation>&amp;Desactivar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reac&amp;tivate…</source>
        <translation>Reac&amp;tivar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change &amp;role…</source>
        <translation>Cambiar &amp;rol…</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Deactivate {name}</source>
        <translation>Desactivar {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deactivate the account “{name}”? The person can no longer sign in and their password stops working. You can reactivate the account later with a new password.</source>
        <translation>¿Desactivar la cuenta “{name}”? La persona ya no podrá iniciar sesión y su contraseña dejará de funcionar. Puede reactivar la cuenta más adelante con una contraseña nueva.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deactivate</source>
        <translation>Desactivar</translation>
    </message>
</context>
<context>
    <name>AddAccountDialog</name>
    <message>
        <location line="-141"/>
        <source>Add an account</source>
        <translation>Agregar una cuenta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add account</source>
        <translation>Agregar cuenta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new user signs in with this name and password, and should then change the password under My account.</source>
        <translation>Quien use la nueva cuenta inicia sesión con este nombre y esta contraseña, y después debe cambiar la contraseña en Mi cuenta.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;User name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the person types to sign in, e.g. “maria”.</source>
        <translation>Lo que la persona escribe para iniciar sesión, p. ej., “maria”.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Full name:</source>
        <translation>Nombre co&amp;mpleto:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Role:</source>
        <translation>R&amp;ol:</translation>
    </message>
</context>
<context>
    <name>AdministrationPage</name>
    <message>
        <location filename="../../admin/page.py" line="+23"/>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation</source>
        <translation>Organización</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Administration</source>
        <translation>Administración</translation>
    </message>
</context>
<context>
    <name>AdministratorPage</name>
    <message>
        <location filename="../../setup_wizard.py" line="+127"/>
        <source>The first administrator</source>
        <translation>El primer administrador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This account manages the other accounts and the settings. Choose a password you will remember; nobody can look it up for you.</source>
        <translation>Esta cuenta gestiona las demás cuentas y la configuración. Elija una contraseña que pueda recordar; nadie podrá consultarla por usted.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Create</source>
        <translation>Cr&amp;ear</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;User name:</source>
        <translation>&amp;Nombre de usuario:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you type to sign in, e.g. “ana”.</source>
        <translation>Lo que escribe para iniciar sesión, p. ej. “ana”.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Full name:</source>
        <translation>Nombre co&amp;mpleto:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Creating the encrypted database…</source>
        <translation>Creando la base de datos cifrada…</translation>
    </message>
</context>
<context>
    <name>AttemptDialog</name>
    <message>
        <location filename="../../client_record/followup.py" line="+369"/>
        <source>Record a contact attempt</source>
        <translation>Registrar un intento de contacto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record attempt</source>
        <translation>Registrar intento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The {months}-month recovery check-up, due {date}.</source>
        <translation>Revisión de seguimiento de los {months} meses, prevista para el {date}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose…</source>
        <translation>Elija…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes, the person was reached</source>
        <translation>Sí, se logró contactar con la persona</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No, not reached</source>
        <translation>No, no se logró contactar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;How:</source>
        <translation>&amp;Medio:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reached:</source>
        <translation>&amp;Contacto logrado:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>For example: left a message; call back on Friday.</source>
        <translation>Por ejemplo: se dejó un mensaje; volver a llamar el viernes.</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <location filename="../../client_record/history.py" line="+67"/>
        <source>Client registered</source>
        <translation>Persona usuaria registrada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record opened</source>
        <translation>Expediente abierto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal details changed</source>
        <translation>Datos personales modificados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent recorded</source>
        <translation>Consentimiento registrado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent withdrawn</source>
        <translation>Consentimiento retirado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Episode of care opened</source>
        <translation>Episodio de atención abierto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discharged</source>
        <translation>Alta registrada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intake assessment recorded</source>
        <translation>Evaluación de admisión registrada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BARC-10 recorded</source>
        <translation>BARC-10 registrado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BARC-10 results read</source>
        <translation>Resultados del BARC-10 consultados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Care plan: draft started</source>
        <translation>Plan de atención: borrador iniciado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Care plan: goal added</source>
        <translation>Plan de atención: objetivo agregado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Care plan: goal changed</source>
        <translation>Plan de atención: objetivo modificado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Care plan: goal removed</source>
        <translation>Plan de atención: objetivo quitado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Care plan: goals reordered</source>
        <translation>Plan de atención: objetivos reordenados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Care plan: review date set</source>
        <translation>Plan de atención: fecha de revisión fijada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Care plan: signed by the counsellor</source>
        <translation>Plan de atención: firmado por el o la profesional de referencia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Care plan: client&apos;s signature recorded</source>
        <translation>Plan de atención: firma de la persona usuaria registrada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Care plan: activated</source>
        <translation>Plan de atención: activado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Care plan: reviewed</source>
        <translation>Plan de atención: revisado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Care plan read</source>
        <translation>Plan de atención consultado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Care plan versions listed</source>
        <translation>Lista de versiones del plan de atención consultada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress note: draft started</source>
        <translation>Nota de evolución: borrador iniciado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress note: draft saved</source>
        <translation>Nota de evolución: borrador guardado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress note signed</source>
        <translation>Nota de evolución firmada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress note: draft discarded</source>
        <translation>Nota de evolución: borrador descartado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress notes read</source>
        <translation>Notas de evolución consultadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family member added</source>
        <translation>Familiar agregado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family member changed</source>
        <translation>Familiar modificado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Support note added</source>
        <translation>Nota de apoyo agregada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family record read</source>
        <translation>Datos de la familia consultados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discharge plan started</source>
        <translation>Plan de alta iniciado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discharge plan changed</source>
        <translation>Plan de alta modificado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discharge plan read</source>
        <translation>Plan de alta consultado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check-ups read</source>
        <translation>Revisiones consultadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check-up read</source>
        <translation>Revisión consultada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check-up: contact attempt recorded</source>
        <translation>Revisión: intento de contacto registrado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check-up: outcome recorded</source>
        <translation>Revisión: resultado registrado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document printed</source>
        <translation>Documento impreso</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Client</source>
        <translation>Persona usuaria</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Episode</source>
        <translation>Episodio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intake</source>
        <translation>Admisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BARC-10</source>
        <translation>BARC-10</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Care plan</source>
        <translation>Plan de atención</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress note</source>
        <translation>Nota de evolución</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family member</source>
        <translation>Familiar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Support note</source>
        <translation>Nota de apoyo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check-up</source>
        <translation>Revisión</translation>
    </message>
</context>
<context>
    <name>AuditLogPanel</name>
    <message>
        <location filename="../../admin/audit_log.py" line="+218"/>
        <source>Anyone</source>
        <extracomment>entries per page: the first load and each &quot;Load more&quot;</extracomment>
        <translation>Cualquier usuario</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any action</source>
        <translation>Cualquier acción</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any client, or a code such as C-2026-0042</source>
        <translation>Cualquier persona usuaria, o un código como C-2026-0042</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A&amp;pply filters</source>
        <translation>A&amp;plicar filtros</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear filte&amp;rs</source>
        <translation>&amp;Quitar filtros</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;lient code:</source>
        <translation>&amp;Código de persona usuaria:</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Act&amp;ion:</source>
        <translation>Acció&amp;n:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fr&amp;om:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;To:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Audit log entries</source>
        <translation>Entradas del registro de auditoría</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Load &amp;more</source>
        <translation>Cargar &amp;más</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Verify audit chain</source>
        <translation>&amp;Verificar la cadena de auditoría</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>System (no user)</source>
        <translation>Sistema (sin usuario)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the {field} date as YYYY-MM-DD (e.g. 2026-03-01), or leave it empty.</source>
        <translation>Escriba la fecha “{field}” como AAAA-MM-DD (p. ej., 2026-03-01) o déjela vacía.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The From date is after the To date.</source>
        <translation>La fecha “Desde” es posterior a la fecha “Hasta”.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>There is no client with the code {code}.</source>
        <translation>No hay ninguna persona usuaria con el código {code}.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No entries match these filters.</source>
        <translation>Ninguna entrada coincide con estos filtros.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 entry shown.</source>
        <translation>Se muestra 1 entrada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} entries shown, newest first.</source>
        <translation>Se muestran {count} entradas, de la más reciente a la más antigua.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Older entries: Load more.</source>
        <translation>Entradas anteriores: Cargar más.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is as many as can be shown at once; narrow the filters to see older entries.</source>
        <translation>No se pueden mostrar más entradas a la vez; acote los filtros para ver entradas anteriores.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Checking every entry of the audit log…</source>
        <translation>Comprobando cada entrada del registro de auditoría…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The audit log is intact: all {count} entries were checked, and none has been changed, removed or put out of order.</source>
        <translation>El registro de auditoría está íntegro: se comprobaron las {count} entradas y ninguna se ha modificado, eliminado ni desordenado.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The audit log has been tampered with or damaged: {problem}. The {checked} entries before that point are intact. Keep this computer and its backups as they are, and ask for help.</source>
        <translation>El registro de auditoría ha sido manipulado o está dañado: {problem}. Las {checked} entradas anteriores a ese punto están íntegras. Deje esta computadora y sus copias de seguridad tal como están y pida ayuda.</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location line="-241"/>
        <source>No.</source>
        <extracomment>clients read per ``search.list_clients`` call when building the code map</extracomment>
        <translation>N.º</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time</source>
        <translation>Fecha y hora</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client</source>
        <translation>Persona usuaria</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
</context>
<context>
    <name>BackupBanner</name>
    <message>
        <location filename="../../backup/monitor.py" line="+63"/>
        <source>Backup warning</source>
        <extracomment>how often the backup status is read while the window is open (and a daily backup made if due) the Administration screen&apos;s (source) title, as registered in ``ui.navigation``</extracomment>
        <translation>Aviso sobre las copias de seguridad</translation>
    </message>
</context>
<context>
    <name>BackupFolderField</name>
    <message>
        <location filename="../../backup/folder_field.py" line="+35"/>
        <source>This folder is on the same disk as the records: if that disk breaks, the backups are lost with it. A USB stick or a second disk, kept apart from the computer, is safer.</source>
        <translation>Esta carpeta está en el mismo disco que los registros: si ese disco se estropea, las copias de seguridad se pierden con él. Es más seguro usar una memoria USB o un segundo disco, guardados lejos de la computadora.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No folder chosen yet</source>
        <extracomment>a folder was picked in the folder dialog (its path) a folder passed the checks and is now the backup destination (a ``ChosenFolder``)</extracomment>
        <translation>Todavía no se ha elegido ninguna carpeta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backup f&amp;older:</source>
        <translation>&amp;Carpeta de copias de seguridad:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Choose folder…</source>
        <translation>&amp;Elegir carpeta…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Choose the backup folder</source>
        <translation>Elegir la carpeta de copias de seguridad</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Type the whole path of the folder, e.g. “E:\Backups”, or use “Choose folder…”.</source>
        <translation>Escriba la ruta completa de la carpeta, p. ej. “E:\Copias”, o use “Elegir carpeta…”.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no folder {folder}. Plug in the USB stick or disk, or choose another folder.</source>
        <translation>No existe la carpeta {folder}. Conecte la memoria USB o el disco, o elija otra carpeta.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This folder is inside the folder that holds the records, so a backup there is lost together with them. Choose a USB stick or another disk.</source>
        <translation>Esta carpeta está dentro de la carpeta que contiene los registros, así que una copia de seguridad guardada allí se perdería junto con ellos. Elija una memoria USB u otro disco.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continuum cannot write in {folder}. It may be read-only or full, or you may not be allowed to write there. Choose another folder.</source>
        <translation>Continuum no puede escribir en {folder}. Puede que sea de solo lectura o que esté llena, o que usted no tenga permiso para escribir allí. Elija otra carpeta.</translation>
    </message>
</context>
<context>
    <name>BackupFolderPage</name>
    <message>
        <location filename="../../setup_wizard.py" line="+194"/>
        <source>Where backups go</source>
        <extracomment>the folder remembered as the destination (None until then, and when left for later)</extracomment>
        <translation>Dónde se guardan las copias de seguridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a USB stick, or a folder on a second disk.</source>
        <translation>Elija una memoria USB o una carpeta en un segundo disco.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Next</source>
        <translation>&amp;Siguiente</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Plug in the USB stick or disk, then press “Choose folder…”. You can also type the folder&apos;s path.</source>
        <translation>Conecte la memoria USB o el disco y luego pulse “Elegir carpeta…”. También puede escribir la ruta de la carpeta.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For example the USB stick, or a folder on a second disk. Not a folder on this computer&apos;s own disk.</source>
        <translation>Por ejemplo, la memoria USB o una carpeta en un segundo disco. No una carpeta en el propio disco de esta computadora.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>I will do this &amp;later</source>
        <translation>Lo haré &amp;más tarde</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Without a backup, a stolen or broken computer means every record is lost. Continuum will warn you each time it opens until a backup folder is chosen in Administration › Backups.</source>
        <translation>Sin copia de seguridad, si roban la computadora o se estropea, se pierden todos los registros. Continuum le avisará cada vez que se abra hasta que se elija una carpeta de copias de seguridad en Administración › Copias de seguridad.</translation>
    </message>
</context>
<context>
    <name>BackupHowToWindow</name>
    <message>
        <location filename="../../help/howto.py" line="+50"/>
        <source>How to back up and restore</source>
        <translation>Cómo hacer copias de seguridad y restaurarlas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What a backup is</source>
        <translation>Qué es una copia de seguridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A backup is one file with a copy of all the records. Its name ends in “.continuum-backup”.</source>
        <translation>Una copia de seguridad es un único archivo con una copia de todos los registros. Su nombre termina en “.continuum-backup”.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It is encrypted. Without a password or the recovery code nobody can read it.</source>
        <translation>Está cifrada. Sin una contraseña o el código de recuperación, nadie puede leerla.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep backups on a USB stick or a second disk, away from the computer. Then a stolen or broken computer does not take the records with it.</source>
        <translation>Guarde las copias de seguridad en una memoria USB o en un segundo disco, lejos de la computadora. Así, si roban la computadora o se estropea, los registros no se pierden con ella.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only administrators can make and restore backups.</source>
        <translation>Solo los administradores pueden hacer y restaurar copias de seguridad.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose where backups go</source>
        <translation>Elegir dónde se guardan las copias de seguridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plug in the USB stick or disk.</source>
        <translation>Conecte la memoria USB o el disco.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Administration › Backups.</source>
        <translation>Abra Administración › Copias de seguridad.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Press “Choose folder…” and pick a folder on the USB stick or disk.</source>
        <translation>Pulse “Elegir carpeta…” y elija una carpeta de la memoria USB o del disco.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backups are made by themselves</source>
        <translation>Las copias de seguridad se hacen automáticamente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continuum makes a backup once a day while an administrator is signed in, and each time an administrator closes it, if the backup folder is plugged in.</source>
        <translation>Continuum hace una copia de seguridad una vez al día mientras haya un administrador con la sesión iniciada, y cada vez que un administrador lo cierra, siempre que la carpeta de copias de seguridad esté conectada.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To make one at once: Administration › Backups › “Back up now”.</source>
        <translation>Para hacer una en el momento: Administración › Copias de seguridad › “Hacer copia ahora”.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each backup is read back and checked after it is written. Old backups are removed: Continuum keeps one for each of the last 7 days, 4 weeks and 12 months. This can be changed in Administration › Backups.</source>
        <translation>Cada copia de seguridad se vuelve a leer y se comprueba después de guardarla. Las copias antiguas se eliminan: Continuum conserva una de cada uno de los últimos 7 días, 4 semanas y 12 meses. Esto se puede cambiar en Administración › Copias de seguridad.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A yellow bar at the top of the window warns when the last good backup is more than 7 days old, or when the backup folder cannot be found.</source>
        <translation>Una barra amarilla en la parte superior de la ventana avisa cuando la última copia de seguridad correcta tiene más de 7 días o cuando no se encuentra la carpeta de copias de seguridad.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check that a backup works</source>
        <translation>Comprobar que una copia de seguridad funciona</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now and then, choose a backup in Administration › Backups and press “Test restore”. It restores the backup into a temporary folder, checks it, and changes nothing here.</source>
        <translation>De vez en cuando, elija una copia de seguridad en Administración › Copias de seguridad y pulse “Probar restauración”. La copia se restaura en una carpeta temporal y se comprueba, sin cambiar nada aquí.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore a backup</source>
        <translation>Restaurar una copia de seguridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore a backup after a damaged disk, or to go back to an earlier day.</source>
        <translation>Restaure una copia de seguridad si se ha dañado el disco o para volver a los datos de un día anterior.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit Continuum (File › Quit) and start it again.</source>
        <translation>Salga de Continuum (Archivo › Salir) y vuelva a abrirlo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the sign-in window, choose “Restore from a backup…”.</source>
        <translation>En la ventana de inicio de sesión, elija “Restaurar desde una copia de seguridad…”.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the backup file. Continuum checks it first.</source>
        <translation>Elija el archivo de la copia de seguridad. Continuum lo comprueba primero.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type an administrator&apos;s user name and password, or the recovery code. Press “Restore”.</source>
        <translation>Escriba el nombre de usuario y la contraseña de un administrador, o el código de recuperación. Pulse “Restaurar”.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in as usual.</source>
        <translation>Inicie sesión como de costumbre.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing is lost by restoring: the records that were here are first saved as a backup in the folder “pre-restore-backups” inside the data folder.</source>
        <translation>Al restaurar no se pierde nada: los registros que había aquí se guardan primero como copia de seguridad en la carpeta “pre-restore-backups”, dentro de la carpeta de datos.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For whoever helps with the computer: “continuum-admin --user NAME backup --to FOLDER” makes a backup, and “continuum-admin --data-dir FOLDER restore --from FILE” restores one.</source>
        <translation>Para quien ayude con la computadora: “continuum-admin --user NOMBRE backup --to CARPETA” hace una copia de seguridad, y “continuum-admin --data-dir CARPETA restore --from ARCHIVO” restaura una.</translation>
    </message>
</context>
<context>
    <name>BackupMonitor</name>
    <message>
        <location filename="../../backup/monitor.py" line="+64"/>
        <source>The last backup failed: {reason}</source>
        <extracomment>why the last backup failed (&apos;&apos; after a good one): shown until a backup succeeds the backup on closing: its request number while it runs; then done</extracomment>
        <translation>La última copia de seguridad falló: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Back up now</source>
        <translation>Hacer copia ahora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a backup folder…</source>
        <translation>Elegir una carpeta de copias de seguridad…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Backing up…</source>
        <translation>Haciendo la copia de seguridad…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Making a backup before Continuum closes…</source>
        <translation>Haciendo una copia de seguridad antes de cerrar Continuum…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Backing up</source>
        <translation>Copia de seguridad en curso</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The backup before closing failed:
{reason}

The records are safe on this computer. Make a backup as soon as possible.</source>
        <translation>Falló la copia de seguridad antes del cierre:
{reason}

Los registros están a salvo en esta computadora. Haga una copia de seguridad lo antes posible.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Close Continuum</source>
        <translation>&amp;Cerrar Continuum</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <location filename="../../backup/common.py" line="+146"/>
        <source>Continuum backups (*{suffix});;All files (*)</source>
        <extracomment>a new status was read (carries the ``BackupStatus``) a backup was started (request number) a backup was written (request number, ``BackupOutcome``) a backup failed (request number, ``ContinuumError``)</extracomment>
        <translation>Copias de seguridad de Continuum (*{suffix});;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a backup</source>
        <translation>Elegir una copia de seguridad</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 day ago</source>
        <translation>hace 1 día</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} days ago</source>
        <translation>hace {n} días</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Backup</source>
        <translation>Copia de seguridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before an upgrade</source>
        <translation>Antes de una actualización</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before a restore</source>
        <translation>Antes de una restauración</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No backup folder has been chosen yet, so the records are not backed up.</source>
        <translation>Todavía no se eligió ninguna carpeta de copias, así que no se hacen copias de seguridad de los registros.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The backup folder {folder} cannot be found. If it is on a USB stick or another disk, plug it in.</source>
        <translation>No se encuentra la carpeta de copias {folder}. Si está en una memoria USB o en otro disco, conéctelo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no usable backup in {folder} yet.</source>
        <translation>Todavía no hay ninguna copia de seguridad utilizable en {folder}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The last good backup was made {when} ({age}).</source>
        <translation>La última copia de seguridad correcta se hizo el {when} ({age}).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose a backup folder in Administration › Backups.</source>
        <translation>Elija una carpeta de copias en Administración › Copias de seguridad.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Or choose another folder in Administration › Backups.</source>
        <translation>O elija otra carpeta en Administración › Copias de seguridad.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make a backup now.</source>
        <translation>Haga una copia de seguridad ahora.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only an administrator can make backups: please tell one.</source>
        <translation>Solo un administrador puede hacer copias de seguridad: avise a uno.</translation>
    </message>
</context>
<context>
    <name>BackupsExplainedPage</name>
    <message>
        <location filename="../../setup_wizard.py" line="-158"/>
        <source>Why backups matter</source>
        <translation>Por qué son importantes las copias de seguridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A backup is a copy of all the records, in one file.</source>
        <translation>Una copia de seguridad es una copia de todos los registros en un único archivo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Computers are stolen, dropped or broken, and disks wear out. When that happens, the records on the computer are gone. With a backup, you can put them back on another computer.</source>
        <translation>Las computadoras se roban, se caen o se estropean, y los discos se desgastan. Cuando eso ocurre, los registros que había en la computadora se pierden. Con una copia de seguridad, puede recuperarlos en otra computadora.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>So keep backups away from this computer: on a USB stick, or on a second disk, kept in another place. A backup on this computer&apos;s own disk is lost together with it.</source>
        <translation>Por eso, guarde las copias de seguridad fuera de esta computadora: en una memoria USB o en un segundo disco, guardados en otro lugar. Una copia en el propio disco de esta computadora se pierde junto con ella.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continuum makes a backup by itself once a day while an administrator is signed in, and each time an administrator closes it, if the USB stick or disk is plugged in. It warns you when the last backup is more than a week old.</source>
        <translation>Continuum hace una copia de seguridad automáticamente una vez al día mientras haya un administrador con la sesión iniciada, y cada vez que un administrador lo cierra, siempre que la memoria USB o el disco estén conectados. Le avisa cuando la última copia tiene más de una semana.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backups are encrypted, like the records. Without a password or the recovery code nobody can read them, even if the USB stick is lost.</source>
        <translation>Las copias de seguridad están cifradas, igual que los registros. Sin una contraseña o el código de recuperación nadie puede leerlas, aunque se pierda la memoria USB.</translation>
    </message>
</context>
<context>
    <name>BackupsPanel</name>
    <message>
        <location filename="../../backup/panel.py" line="+108"/>
        <source>Where backups go</source>
        <extracomment>the largest count the keep rule&apos;s boxes accept (the core accepts any count of 0 or more)</extracomment>
        <translation>Dónde se guardan las copias de seguridad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A USB stick, a folder on another disk, or a network share: somewhere that survives if this computer breaks or is stolen. Backups are encrypted: without a password or the recovery code they cannot be read.</source>
        <translation>Una memoria USB, una carpeta en otro disco o una carpeta compartida en red: un lugar que siga disponible si esta computadora se estropea o la roban. Las copias de seguridad están cifradas: sin una contraseña o el código de recuperación no se pueden leer.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Back up now</source>
        <translation>&amp;Hacer copia ahora</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+7"/>
        <source>Backups in this folder</source>
        <translation>Copias de seguridad en esta carpeta</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Made</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Continuum version</source>
        <translation>Versión de Continuum</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Test restore</source>
        <translation>&amp;Probar restauración</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore the selected backup into a temporary folder and check it; nothing here is changed.</source>
        <translation>Restaura la copia seleccionada en una carpeta temporal y la comprueba; aquí no se cambia nada.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Refresh</source>
        <translation>Actuali&amp;zar</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Table</source>
        <translation>Tabla</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rows</source>
        <translation>Filas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rows found in each table</source>
        <translation>Filas encontradas en cada tabla</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Automatic backups and old backups</source>
        <translation>Copias automáticas y copias antiguas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continuum makes a backup into this folder when an administrator closes it, and once a day while an administrator is signed in (a counsellor&apos;s session cannot make backups). After every backup, old ones are removed: Continuum keeps the newest backup of each of the last days, weeks and months below, and always the newest one.</source>
        <translation>Continuum hace una copia de seguridad en esta carpeta cuando un administrador lo cierra, y una vez al día mientras haya un administrador con la sesión iniciada (la sesión de un profesional de referencia no puede hacer copias). Después de cada copia se eliminan las antiguas: Continuum conserva la copia más reciente de cada uno de los últimos días, semanas y meses indicados abajo, y siempre la más reciente de todas.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Days:</source>
        <translation>&amp;Días:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Weeks:</source>
        <translation>&amp;Semanas:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Months:</source>
        <translation>&amp;Meses:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Restoring a backup</source>
        <translation>Restaurar una copia de seguridad</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To restore a backup, quit Continuum, start it again and choose “Restore from a backup…” in the sign-in window. A restore needs an administrator&apos;s password or the recovery code, and the records here are backed up before anything is replaced.</source>
        <translation>Para restaurar una copia de seguridad, salga de Continuum, vuelva a abrirlo y elija “Restaurar desde una copia de seguridad…” en la ventana de inicio de sesión. Para restaurar se necesita la contraseña de un administrador o el código de recuperación, y antes de reemplazar nada se hace una copia de los registros actuales.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Moving to a new computer is a restore: make a backup here, install Continuum on the new computer, choose “Restore a backup instead…” on its first page, then sign in as usual.</source>
        <translation>Pasar a una computadora nueva es una restauración: haga aquí una copia de seguridad, instale Continuum en la computadora nueva, elija “En su lugar, restaurar una copia de seguridad…” en su primera página y luego inicie sesión como de costumbre.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>There are no backups of these records in this folder yet.</source>
        <translation>Todavía no hay copias de seguridad de estos registros en esta carpeta.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 file in this folder cannot be read as a backup and was left alone.</source>
        <translation>1 archivo de esta carpeta no se puede leer como copia de seguridad y se ha dejado como estaba.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} files in this folder cannot be read as backups and were left alone.</source>
        <translation>{n} archivos de esta carpeta no se pueden leer como copias de seguridad y se han dejado como estaban.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Backups will be written to {folder}. Make the first one now with “Back up now”.</source>
        <translation>Las copias de seguridad se guardarán en {folder}. Haga ahora la primera con “Hacer copia ahora”.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Making the backup and checking it… The window can be used meanwhile.</source>
        <translation>Haciendo la copia de seguridad y comprobándola… Mientras tanto puede seguir usando la ventana.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Backup made: {file} ({size}). It was read back and checked after writing.</source>
        <translation>Copia de seguridad hecha: {file} ({size}). Después de guardarla se volvió a leer y se comprobó.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 old backup was removed by the keep rule.</source>
        <translation>Se eliminó 1 copia antigua según la regla de conservación.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} old backups were removed by the keep rule.</source>
        <translation>Se eliminaron {n} copias antiguas según la regla de conservación.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Old backups could not be removed: {reason}.</source>
        <translation>No se pudieron eliminar las copias antiguas: {reason}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The backup failed: {reason}</source>
        <translation>La copia de seguridad falló: {reason}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Restoring {file} into a temporary folder and checking it…</source>
        <translation>Restaurando {file} en una carpeta temporal y comprobándolo…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The backup was made {when} of the records of {organisation}.</source>
        <translation>La copia de seguridad de los registros de {organisation} se hizo el {when}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The test restore of {file} found no problem: the backup opened; SQLCipher&apos;s and SQLite&apos;s integrity checks passed; {entries} are intact; every table holds the rows recorded when the backup was made.</source>
        <translation>La restauración de prueba de {file} no encontró ningún problema: la copia se abrió; se superaron las comprobaciones de integridad de SQLCipher y de SQLite; el registro de auditoría está intacto ({entries}); cada tabla contiene las filas registradas al hacer la copia.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the audit log&apos;s 1 entry</source>
        <translation>1 entrada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the audit log&apos;s {n} entries</source>
        <translation>{n} entradas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The test restore of {file} found problems:</source>
        <translation>La restauración de prueba de {file} encontró problemas:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The test restore failed: {reason}</source>
        <translation>La restauración de prueba falló: {reason}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Saved. It applies from the next backup on.</source>
        <translation>Guardado. Se aplica a partir de la próxima copia de seguridad.</translation>
    </message>
</context>
<context>
    <name>Barc10Chart</name>
    <message>
        <location filename="../../client_record/overview.py" line="+164"/>
        <source>Date of the assessment</source>
        <translation>Fecha de la evaluación</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Total (10–60)</source>
        <translation>Total (10–60)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>BARC-10 totals over time</source>
        <translation>Puntuación total del BARC-10 a lo largo del tiempo</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No BARC-10 assessments yet.</source>
        <translation>Todavía no hay evaluaciones BARC-10.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>One assessment: total {total} on {date}.</source>
        <translation>Una evaluación: total {total} el {date}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} assessments: first {first} on {first_date}, latest {last} on {last_date}.</source>
        <translation>{count} evaluaciones: la primera, {first} el {first_date}; la última, {last} el {last_date}.</translation>
    </message>
</context>
<context>
    <name>Barc10Entry</name>
    <message>
        <location filename="../../widgets/barc10.py" line="+63"/>
        <source>Not answered</source>
        <extracomment>width of the statements&apos; column, in average characters an answer was chosen or cleared</extracomment>
        <translation>Sin responder</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Total: {total} of {maximum}</source>
        <translation>Total: {total} de {maximum}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total: shown when all {count} statements are answered ({answered} answered so far).</source>
        <translation>Total: se muestra cuando se hayan respondido las {count} afirmaciones (respondidas hasta ahora: {answered}).</translation>
    </message>
</context>
<context>
    <name>BindField</name>
    <message>
        <location filename="../../admin/organisation.py" line="+166"/>
        <source>&amp;Bind the data to this computer</source>
        <translation>&amp;Vincular los datos a esta computadora</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>When this is on, every password set or changed on this computer from now on also needs a secret that only this computer&apos;s secure password store holds. A copy of the data folder taken to another computer then cannot be opened with a password alone. Passwords set earlier are not affected until they are changed. The recovery code always works, on any computer: keep the recovery sheet safe, because after a restore on a new computer it is how you get back in.</source>
        <translation>Cuando esta opción está activada, cada contraseña que se cree o se cambie en esta computadora a partir de ahora necesita además un secreto que solo guarda el almacén seguro de contraseñas de esta computadora. Así, una copia de la carpeta de datos llevada a otra computadora no se puede abrir solo con una contraseña. Las contraseñas creadas antes no se ven afectadas hasta que se cambien. El código de recuperación funciona siempre, en cualquier computadora: guarde bien la hoja de recuperación, porque después de restaurar en una computadora nueva es la forma de volver a entrar.</translation>
    </message>
</context>
<context>
    <name>CarePlanTab</name>
    <message>
        <location filename="../../client_record/care_plan.py" line="+390"/>
        <source>&amp;Version:</source>
        <translation>&amp;Versión:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Review…</source>
        <translation>&amp;Revisar…</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Ne&amp;w draft</source>
        <translation>N&amp;uevo borrador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;ctivate…</source>
        <translation>Ac&amp;tivar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;lient signed…</source>
        <translation>F&amp;irma de la persona usuaria…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the next version as a copy of the latest one</source>
        <translation>Iniciar la versión siguiente como copia de la más reciente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record a review with the BARC-10; it becomes the next version</source>
        <translation>Registrar una revisión con el BARC-10; se convierte en la versión siguiente</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>G&amp;oals by domain:</source>
        <translation>&amp;Objetivos por ámbito:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Goals by domain</source>
        <translation>Objetivos por ámbito</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Add goal…</source>
        <translation>Agregar ob&amp;jetivo…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit goal…</source>
        <translation>&amp;Editar objetivo…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;move goal…</source>
        <translation>&amp;Quitar objetivo…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Review &amp;date:</source>
        <translation>&amp;Fecha de revisión:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save review date</source>
        <translation>Guar&amp;dar fecha de revisión</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>This client has no episode of care, so there is no care plan.</source>
        <translation>Esta persona usuaria no tiene ningún episodio de atención, por lo que no hay plan de atención.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Episode of care since {date} · {programme}</source>
        <translation>Episodio de atención desde el {date} · {programme}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Episode of care {start} – {end} · {programme} · discharged: its care plan can no longer change</source>
        <translation>Episodio de atención {start} – {end} · {programme} · con alta: su plan de atención ya no puede modificarse</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Version {version} · {status}</source>
        <translation>Versión {version} · {status}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{version} since {date}</source>
        <translation>{version} desde el {date}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Care plan, version {version}</source>
        <translation>Plan de atención, versión {version}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No care plan yet</source>
        <translation>Todavía no hay plan de atención</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>activated {date}</source>
        <translation>activado el {date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>superseded {date}</source>
        <translation>sustituido el {date}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>review due {date}</source>
        <translation>revisión prevista el {date}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no review date yet</source>
        <translation>todavía sin fecha de revisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>signed by the counsellor {date}</source>
        <translation>firmado por el o la profesional de referencia el {date}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not signed by the counsellor yet</source>
        <translation>todavía sin la firma del o la profesional de referencia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>signed by the client {date}</source>
        <translation>firmado por la persona usuaria el {date}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>client&apos;s signature not recorded</source>
        <translation>firma de la persona usuaria sin registrar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start the care plan with “New draft”.</source>
        <translation>Comience el plan de atención con “Nuevo borrador”.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This earlier version is shown exactly as it was; it can no longer change.</source>
        <translation>Esta versión anterior se muestra exactamente como estaba; ya no puede modificarse.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A draft of the next version exists: pick it in the version list to continue it.</source>
        <translation>Ya existe un borrador de la versión siguiente: elíjalo en la lista de versiones para continuarlo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is the plan in force. To change its goals, start a new draft (a copy of this version); a review records the goals&apos; progress and the BARC-10 as the next version.</source>
        <translation>Este es el plan vigente. Para cambiar sus objetivos, inicie un borrador nuevo (una copia de esta versión); una revisión registra el avance de los objetivos y el BARC-10 como versión siguiente.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Draft: change the goals and the review date, then activate it. It will replace version {version}, which stays readable.</source>
        <translation>Borrador: cambie los objetivos y la fecha de revisión y después actívelo. Sustituirá a la versión {version}, que se podrá seguir consultando.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draft: add the goals and a review date, then activate it.</source>
        <translation>Borrador: agregue los objetivos y una fecha de revisión y después actívelo.</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>Remove a goal</source>
        <translation>Quitar un objetivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the goal “{goal}” from this draft? Earlier versions keep their own copy.</source>
        <translation>¿Quitar el objetivo “{goal}” de este borrador? Las versiones anteriores conservan su propia copia.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Version {version} becomes the care plan in force, signed by you today.</source>
        <translation>La versión {version} pasa a ser el plan de atención vigente, firmado por usted hoy.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Version {old} will be superseded; it stays readable.</source>
        <translation>La versión {old} quedará sustituida; se podrá seguir consultando.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activate the care plan</source>
        <translation>Activar el plan de atención</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Activate</source>
        <translation>Activar</translation>
    </message>
</context>
<context>
    <name>ChangeOwnPasswordDialog</name>
    <message>
        <location filename="../../account_page.py" line="+38"/>
        <location line="+17"/>
        <source>Change my password</source>
        <translation>Cambiar mi contraseña</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Change password</source>
        <translation>Cambiar contraseña</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type your current password, then the new one twice.</source>
        <translation>Escriba su contraseña actual y luego la nueva dos veces.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Current password:</source>
        <translation>&amp;Contraseña actual:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New password:</source>
        <translation>&amp;Nueva contraseña:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Repeat the new password:</source>
        <translation>&amp;Repita la nueva contraseña:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Your password has been changed.</source>
        <translation>Su contraseña se cambió.</translation>
    </message>
</context>
<context>
    <name>ChangeRoleDialog</name>
    <message>
        <location filename="../../admin/accounts.py" line="+33"/>
        <source>Change the role of {name}</source>
        <translation>Cambiar el rol de {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change role</source>
        <translation>Cambiar rol</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrators manage accounts and settings; counsellors keep client records; statistics staff only export anonymised statistics.</source>
        <translation>El personal de administración gestiona las cuentas y la configuración; los y las profesionales de referencia llevan los expedientes de las personas usuarias; el personal de estadística solo exporta estadísticas anonimizadas.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
</context>
<context>
    <name>CheckupsModel</name>
    <message>
        <location filename="../../client_record/followup.py" line="-78"/>
        <source>Due</source>
        <translation>Fecha prevista</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check-up</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>BARC-10</source>
        <translation>BARC-10</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} ({reached} reached)</source>
        <translation>{count} ({reached} con contacto)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{months} months after discharge</source>
        <translation>{months} meses después del alta</translation>
    </message>
</context>
<context>
    <name>ChooseBackupPage</name>
    <message>
        <location filename="../../backup/restore_wizard.py" line="+69"/>
        <source>Choose the backup</source>
        <extracomment>the file whose check failed (Next stays disabled until another is named)</extracomment>
        <translation>Elegir la copia de seguridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restoring puts the records of a backup in place of the records in {folder}.</source>
        <translation>Al restaurar, los registros de la copia de seguridad reemplazan a los registros de {folder}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This is also how Continuum moves to a new computer: choose the newest backup of the old computer (for example on a USB stick), restore it here, then sign in as usual.</source>
        <translation>Así es también como se pasa Continuum a una computadora nueva: elija la copia de seguridad más reciente de la computadora anterior (por ejemplo, en una memoria USB), restáurela aquí y luego inicie sesión como de costumbre.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Backup &amp;file:</source>
        <translation>&amp;Archivo de copia de seguridad:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A file whose name ends in “.continuum-backup”.</source>
        <translation>Un archivo cuyo nombre termina en “.continuum-backup”.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Checking the backup…</source>
        <translation>Comprobando la copia de seguridad…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>✓ A backup made {when} by Continuum {version} ({kind}, {size}). Its structure and checksums are intact.</source>
        <translation>✓ Copia de seguridad hecha el {when} con Continuum {version} ({kind}, {size}). Su estructura y sus sumas de verificación están intactas.</translation>
    </message>
</context>
<context>
    <name>ClientDisplay</name>
    <message>
        <location filename="../../clients/display.py" line="+44"/>
        <source>In care</source>
        <translation>En atención</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discharged</source>
        <translation>Con alta</translation>
    </message>
</context>
<context>
    <name>ClientList</name>
    <message>
        <location filename="../../clients/model.py" line="+55"/>
        <source>Code</source>
        <extracomment>the column that shows (and sorts by) the name</extracomment>
        <translation>Código</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counsellor</source>
        <translation>Profesional de referencia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not assigned</source>
        <translation>Sin asignar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programme</source>
        <translation>Programa</translation>
    </message>
</context>
<context>
    <name>ClientRecord</name>
    <message>
        <location filename="../../client_record/care_plan.py" line="-341"/>
        <source>Care plan</source>
        <translation>Plan de atención</translation>
    </message>
    <message>
        <location filename="../../client_record/family.py" line="+379"/>
        <source>Family and children</source>
        <translation>Familia y menores</translation>
    </message>
    <message>
        <location filename="../../client_record/followup.py" line="+119"/>
        <source>Discharge and follow-up</source>
        <translation>Alta y seguimiento</translation>
    </message>
    <message>
        <location filename="../../client_record/history.py" line="+58"/>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <location filename="../../client_record/intake.py" line="+923"/>
        <source>Intake</source>
        <translation>Admisión</translation>
    </message>
    <message>
        <location filename="../../client_record/notes.py" line="+179"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location filename="../../client_record/overview.py" line="+14"/>
        <source>Overview</source>
        <translation>Resumen</translation>
    </message>
</context>
<context>
    <name>ClientRecordView</name>
    <message>
        <location filename="../../client_record/view.py" line="+49"/>
        <source>Print</source>
        <extracomment>the document Ctrl+P prints on each tab (any other tab: the care plan) a client was opened (its id) the tab key the last open_client asked for (kept even if no tab has that key yet)</extracomment>
        <translation>Imprimir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print a document of this client</source>
        <translation>Imprimir un documento de esta persona usuaria</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview and print the care plan, discharge summary or intake summary (Ctrl+P: the one that matches the tab)</source>
        <translation>Ver e imprimir el plan de atención, el informe de alta o el resumen de admisión (Ctrl+P: el que corresponde a la pestaña)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{document}…</source>
        <translation>{document}…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Client record</source>
        <translation>Expediente de la persona usuaria</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You have typed changes that are not saved yet ({tabs}).</source>
        <translation>Hay cambios escritos que todavía no se han guardado ({tabs}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard changes</source>
        <translation>Descartar cambios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep editing</source>
        <translation>Seguir editando</translation>
    </message>
</context>
<context>
    <name>ClientSignatureDialog</name>
    <message>
        <location filename="../../client_record/care_plan.py" line="-82"/>
        <source>Client&apos;s signature</source>
        <translation>Firma de la persona usuaria</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record signature</source>
        <translation>Registrar firma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record the day the client signed the printed care plan (version {version}).</source>
        <translation>Registre el día en que la persona usuaria firmó el plan de atención impreso (versión {version}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Signed on:</source>
        <translation>&amp;Fecha de la firma:</translation>
    </message>
</context>
<context>
    <name>ClientsScreen</name>
    <message>
        <location filename="../../clients/screen.py" line="+85"/>
        <source>&amp;New client…</source>
        <translation>&amp;Nueva persona usuaria…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The intake form is not available in this version.</source>
        <translation>El formulario de admisión no está disponible en esta versión.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clients</source>
        <translation>Personas usuarias</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The list is sorted by name. Click “Name” to reverse the order.</source>
        <translation>La lista está ordenada por nombre. Haga clic en “Nombre” para invertir el orden.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose a client in the list to open their record, or add a new client.</source>
        <translation>Elija una persona usuaria de la lista para abrir su expediente, o agregue una nueva.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No client matches “{text}”.</source>
        <translation>Ninguna persona usuaria coincide con “{text}”.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No client matches these filters.</source>
        <translation>Ninguna persona usuaria coincide con estos filtros.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No clients yet.</source>
        <translation>Todavía no hay personas usuarias.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 client</source>
        <translation>1 persona usuaria</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} clients</source>
        <translation>{count} personas usuarias</translation>
    </message>
</context>
<context>
    <name>CodeCombo</name>
    <message>
        <location filename="../../widgets/code_combo.py" line="+84"/>
        <source>Choose…</source>
        <extracomment>a combo is at least this many characters wide; longer labels show whole in the open list the chosen code changed (&apos;&apos; when the blank or nothing is chosen)</extracomment>
        <translation>Elegir…</translation>
    </message>
</context>
<context>
    <name>CompletenessModel</name>
    <message>
        <location filename="../../reports/quality.py" line="+59"/>
        <source>Item</source>
        <translation>Dato</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Counted over</source>
        <translation>Se cuenta sobre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Episodes</source>
        <translation>Episodios</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not recorded</source>
        <translation>Sin registrar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not known</source>
        <translation>No consta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Missing or not known</source>
        <translation>Falta o no consta</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Admissions</source>
        <translation>Admisiones</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Discharges</source>
        <translation>Altas</translation>
    </message>
</context>
<context>
    <name>Consents</name>
    <message>
        <location filename="../../client_record/consents.py" line="+78"/>
        <source>{kind}, given {day}</source>
        <extracomment>the list shows up to this many consents before it scrolls</extracomment>
        <translation>{kind}, dado el {day}</translation>
    </message>
</context>
<context>
    <name>ConsentsBox</name>
    <message>
        <location line="+111"/>
        <source>Consents</source>
        <translation>Consentimientos</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Consents &amp;given:</source>
        <translation>Consentimientos &amp;dados:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Consents given</source>
        <translation>Consentimientos dados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No consent is recorded.</source>
        <translation>No hay ningún consentimiento registrado.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Record consent…</source>
        <translation>&amp;Registrar consentimiento…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Withdraw…</source>
        <translation>Re&amp;tirar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record that the client withdrew the consent chosen in the list</source>
        <translation>Registrar que la persona usuaria retiró el consentimiento elegido en la lista</translation>
    </message>
</context>
<context>
    <name>ConsentsModel</name>
    <message>
        <location line="-121"/>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Named services</source>
        <translation>Servicios</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Given on</source>
        <translation>Dado el</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Withdrawn on</source>
        <translation>Retirado el</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Recorded by {name} on {day}</source>
        <translation>Registrado por {name} el {day}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not withdrawn</source>
        <translation>No retirado</translation>
    </message>
</context>
<context>
    <name>CredentialsPage</name>
    <message>
        <location filename="../../backup/restore_wizard.py" line="+41"/>
        <source>Who is restoring</source>
        <translation>Quién realiza la restauración</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A restore replaces every record here, so it needs an administrator&apos;s password or the recovery code.</source>
        <translation>Una restauración reemplaza todos los registros de aquí, por eso requiere la contraseña de un administrador o el código de recuperación.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any account&apos;s password can open a backup to test it, but only an administrator&apos;s password, or the recovery code from the printed recovery sheet, can restore one. Use the password the account had when the backup was made.</source>
        <translation>La contraseña de cualquier cuenta permite abrir una copia de seguridad para probarla, pero solo la contraseña de un administrador, o el código de recuperación de la hoja de recuperación impresa, permite restaurarla. Use la contraseña que tenía la cuenta cuando se hizo la copia de seguridad.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An &amp;administrator&apos;s user name and password</source>
        <translation>El nombre de usuario y la contraseña de un a&amp;dministrador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The recovery &amp;code</source>
        <translation>El &amp;código de recuperación</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;User name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>C&amp;ontraseña:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recovery co&amp;de:</source>
        <translation>Código de recu&amp;peración:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upper or lower case; the hyphens may be left out.</source>
        <translation>En mayúsculas o minúsculas; los guiones pueden omitirse.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Before anything is replaced, the backup is checked again and put together in a separate folder; a backup made by an older version is upgraded there. Then the records now in this folder are backed up into “pre-restore-backups” inside it, or, if they cannot be read, kept under a new name ending in “.damaged-” and the date. Nothing is deleted.</source>
        <translation>Antes de reemplazar nada, la copia de seguridad se vuelve a comprobar y se prepara en una carpeta aparte; si la hizo una versión anterior, se actualiza allí. Después, se hace una copia de seguridad de los registros que hay ahora en esta carpeta en “pre-restore-backups”, dentro de ella, o, si no se pueden leer, se conservan con un nombre nuevo que termina en “.damaged-” y la fecha. No se elimina nada.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Checking and restoring the backup… This can take a few minutes.</source>
        <translation>Comprobando y restaurando la copia de seguridad… Puede tardar unos minutos.</translation>
    </message>
</context>
<context>
    <name>DataFoldersWindow</name>
    <message>
        <location filename="../../help/folders.py" line="+64"/>
        <source>Open folder</source>
        <translation>Abrir carpeta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Where is my data?</source>
        <translation>¿Dónde están mis datos?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Continuum keeps everything in the folders below. Do not move, rename or delete the files in the data folder yourself: to move the records, use a backup (Help › How to move to a new computer).</source>
        <translation>Continuum guarda todo en las carpetas que se indican abajo. No mueva, cambie de nombre ni elimine usted mismo los archivos de la carpeta de datos: para trasladar los registros, use una copia de seguridad (Ayuda › Cómo pasar a una computadora nueva).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Data folder:</source>
        <translation>Carpeta de &amp;datos:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open the data folder</source>
        <translation>Abrir la carpeta de datos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the data folder&apos;s path</source>
        <translation>Copiar la ruta de la carpeta de datos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Backup folder:</source>
        <translation>Carpeta de &amp;copias de seguridad:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open the backup folder</source>
        <translation>Abrir la carpeta de copias de seguridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the backup folder&apos;s path</source>
        <translation>Copiar la ruta de la carpeta de copias de seguridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Log folder:</source>
        <translation>Carpeta del &amp;registro técnico:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open the log folder</source>
        <translation>Abrir la carpeta del registro técnico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the log folder&apos;s path</source>
        <translation>Copiar la ruta de la carpeta del registro técnico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No backup folder chosen yet</source>
        <translation>Todavía no se ha elegido ninguna carpeta de copias de seguridad</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The encrypted records (continuum.db) and the keys that open them (keyslots.json). Without a password or the recovery code these files cannot be read.</source>
        <translation>Los registros cifrados (continuum.db) y las claves que los abren (keyslots.json). Sin una contraseña o el código de recuperación, estos archivos no se pueden leer.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Technical notes about errors, for whoever helps you with the computer. They do not contain the records.</source>
        <translation>Notas técnicas sobre errores, para quien le ayude con la computadora. No contienen los registros.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing has been written to the log yet.</source>
        <translation>Todavía no se ha escrito nada en el registro técnico.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No backup folder has been chosen yet. An administrator chooses one in Administration › Backups.</source>
        <translation>Todavía no se ha elegido ninguna carpeta de copias de seguridad. Un administrador la elige en Administración › Copias de seguridad.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The backup folder cannot be found now. If it is on a USB stick or another disk, plug it in.</source>
        <translation>Ahora no se encuentra la carpeta de copias de seguridad. Si está en una memoria USB o en otro disco, conéctelo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where Continuum writes its backups. Each backup is one encrypted file whose name ends in “.continuum-backup”.</source>
        <translation>Donde Continuum guarda sus copias de seguridad. Cada copia es un único archivo cifrado cuyo nombre termina en “.continuum-backup”.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The folder could not be opened. Copy its path instead and paste it into the file manager.</source>
        <translation>No se pudo abrir la carpeta. Copie su ruta y péguela en el explorador de archivos.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copied: {path}</source>
        <translation>Copiado: {path}</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../backup/restore_wizard.py" line="+45"/>
        <source>The backup has been restored</source>
        <translation>Se restauró la copia de seguridad</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sign in as usual. A password that was bound to the old computer does not work on a new one: use “Forgot your password? Use the recovery code…” in the sign-in window and set a new one.</source>
        <translation>Inicie sesión como siempre. Una contraseña vinculada a la computadora anterior no funciona en una nueva: use “Contraseña olvidada: código de recuperación…” en la ventana de inicio de sesión y defina una nueva.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The backup made {when} of the records of {organisation} is now in place in {folder}.</source>
        <translation>La copia de seguridad de los registros de {organisation} hecha el {when} ya está en uso en {folder}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It holds 1 client.</source>
        <translation>Contiene 1 persona usuaria.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>It holds {n} clients.</source>
        <translation>Contiene {n} personas usuarias.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It was made by an older version of Continuum and has been upgraded (database schema {old} → {new}).</source>
        <translation>Se hizo con una versión anterior de Continuum y se ha actualizado (esquema de la base de datos {old} → {new}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The records that were here before are kept in the backup {file}.</source>
        <translation>Los registros que había antes se conservan en la copia de seguridad {file}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The files that were here before could not be read, so they were kept under new names:
{files}</source>
        <translation>Los archivos que había antes no se pudieron leer, así que se conservaron con nombres nuevos:
{files}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There were no records here before.</source>
        <translation>Antes no había registros aquí.</translation>
    </message>
</context>
<context>
    <name>EditDetailsDialog</name>
    <message>
        <location filename="../../client_record/client_details.py" line="+53"/>
        <source>Edit details: {code}</source>
        <extracomment>extra height for a few messages beside the fields before the section scrolls</extracomment>
        <translation>Editar datos: {code}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Personal and contact details of {name} ({code}). The client code never changes.</source>
        <translation>Datos personales y de contacto de {name} ({code}). El código de la persona usuaria no cambia nunca.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Save details</source>
        <translation>&amp;Guardar datos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the changed details (Ctrl+S)</source>
        <translation>Guardar los datos modificados (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Discard these changes?</source>
        <translation>¿Descartar estos cambios?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The changed details have not been saved. Close and lose the changes?</source>
        <translation>Los datos modificados no se han guardado. ¿Cerrar y perder los cambios?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard changes</source>
        <translation>Descartar cambios</translation>
    </message>
</context>
<context>
    <name>FamilyTab</name>
    <message>
        <location filename="../../client_record/family.py" line="+14"/>
        <location line="+2"/>
        <source>Family members and children</source>
        <translation>Familiares y menores</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Members:</source>
        <translation>&amp;Familiares:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Family and child support notes</source>
        <translation>Notas de apoyo a la familia y a los menores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sensitive notes are read only by the client&apos;s assigned counsellor and administrators; others see that the note exists.</source>
        <translation>Las notas sensibles solo las pueden leer el o la profesional de referencia de la persona usuaria y los administradores; los demás solo ven que la nota existe.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Support notes</source>
        <translation>Notas de apoyo</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>&amp;Add family member…</source>
        <translation>Agregar fam&amp;iliar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add chil&amp;d…</source>
        <translation>Agregar &amp;menor…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Support note&amp;s:</source>
        <translation>Notas &amp;de apoyo:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Text of the selected note:</source>
        <translation>&amp;Texto de la nota seleccionada:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add support n&amp;ote…</source>
        <translation>Agregar n&amp;ota de apoyo…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The family record could not be loaded.</source>
        <translation>No se pudieron cargar los datos de la familia.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>⚠ Safeguarding concern recorded for {who}.</source>
        <translation>⚠ Alerta de protección registrada para {who}.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No family members recorded yet.</source>
        <translation>Todavía no hay familiares registrados.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Needs: {needs}</source>
        <translation>Necesidades: {needs}</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <source>none recorded</source>
        <translation>sin registrar</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Referral made: {referral}</source>
        <translation>Derivación realizada: {referral}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>⚠ Safeguarding concern.</source>
        <translation>⚠ Alerta de protección.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No support notes yet.</source>
        <translation>Todavía no hay notas de apoyo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This note is marked sensitive. Only the client&apos;s assigned counsellor and administrators can read it.</source>
        <translation>Esta nota está marcada como sensible. Solo pueden leerla el o la profesional de referencia de la persona usuaria y los administradores.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../clients/filters.py" line="+39"/>
        <source>Name or client code</source>
        <extracomment>the query changed (carries a ``ClientQuery``)</extracomment>
        <translation>Nombre o código de la persona usuaria</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any status</source>
        <translation>Todos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any counsellor</source>
        <translation>Todos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My clients</source>
        <translation>Mis personas usuarias</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any programme</source>
        <translation>Todos</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>F&amp;ind:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;tatus:</source>
        <translation>E&amp;stado:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co&amp;unsellor:</source>
        <translation>&amp;Profesional:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pro&amp;gramme:</source>
        <translation>Pro&amp;grama:</translation>
    </message>
</context>
<context>
    <name>FollowupTab</name>
    <message>
        <location filename="../../client_record/followup.py" line="-274"/>
        <source>{first} and {last}</source>
        <extracomment>the check-up table shows this many rows without scrolling (fewer when there are fewer)</extracomment>
        <translation>{first} y {last}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a successful completion</source>
        <translation>una finalización con éxito</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a planned exit</source>
        <translation>una salida planificada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an unplanned exit</source>
        <translation>una salida no planificada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported as “{teds}” (TEDS) and “{ndtms}” (NDTMS); {kind}.</source>
        <translation>Se informa como «{teds}» (TEDS) y «{ndtms}» (NDTMS); {kind}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No recovery check-ups are scheduled.</source>
        <translation>No hay revisiones de seguimiento previstas.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Overdue</source>
        <translation>Atrasada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due</source>
        <translation>Prevista</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done {date}</source>
        <translation>Hecha el {date}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled (back in care)</source>
        <translation>Cancelada (de nuevo en atención)</translation>
    </message>
    <message>
        <location line="+272"/>
        <source>Discharge plan</source>
        <extracomment>the episode the discharge fields were last reset for</extracomment>
        <translation>Plan de alta</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>YYYY-MM-DD; may be left empty.</source>
        <extracomment>the hint under each plan field while the plan can be edited</extracomment>
        <translation>AAAA-MM-DD; puede dejarse vacío.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrangements after discharge: groups, mutual aid, housing, work.</source>
        <translation>Lo acordado para después del alta: grupos, ayuda mutua, vivienda, trabajo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning signs, coping strategies, who to call.</source>
        <translation>Señales de alerta, estrategias de afrontamiento, a quién llamar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Planned date:</source>
        <translation>Fec&amp;ha prevista:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Aftercare:</source>
        <translation>Apoyo &amp;tras el alta:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Referrals</source>
        <translation>Derivaciones</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Remove referral</source>
        <translation>Quitar derivación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save plan</source>
        <translation>G&amp;uardar plan</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+408"/>
        <source>Discharge</source>
        <translation>Dar el alta</translation>
    </message>
    <message>
        <location line="-404"/>
        <source>Discharge &amp;date:</source>
        <translation>&amp;Fecha del alta:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R&amp;eason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The client answered the &amp;BARC-10 at discharge</source>
        <translation>La persona usuaria respondió &amp;el BARC-10 al alta</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+2"/>
        <source>Recovery check-ups</source>
        <translation>Revisiones de seguimiento</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>Relapse pre&amp;vention:</source>
        <translation>Prevención de &amp;recaídas:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Add referra&amp;l</source>
        <translation>Agregar deriva&amp;ción</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Dis&amp;charge…</source>
        <translation>Dar el a&amp;lta…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Chec&amp;k-ups:</source>
        <translation>Re&amp;visiones:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Record atte&amp;mpt…</source>
        <translation>Registrar &amp;intento…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record &amp;outcome…</source>
        <translation>Registrar resultad&amp;o…</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The discharge plan and check-ups could not be loaded.</source>
        <translation>No se pudieron cargar el plan de alta ni las revisiones.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>No episode of care</source>
        <translation>Sin episodio de atención</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Episode of care since {date} · {programme}</source>
        <translation>Episodio de atención desde el {date} · {programme}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Episode of care {start} – {end} · {programme}</source>
        <translation>Episodio de atención {start} – {end} · {programme}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This client has no episode of care, so there is nothing to discharge.</source>
        <translation>Esta persona usuaria no tiene ningún episodio de atención, por lo que no hay ningún alta que dar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The discharge plan below is the record of what was arranged and can no longer change. Corrections are made in a progress note.</source>
        <translation>El plan de alta que aparece abajo es el registro de lo que se acordó y ya no puede modificarse. Las correcciones se hacen en una nota de evolución.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Discharged on {date}.</source>
        <translation>Alta el {date}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason: {reason}.</source>
        <translation>Motivo: {reason}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The check-ups are scheduled when the client is discharged.</source>
        <translation>Las revisiones se programan al dar el alta a la persona usuaria.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No recovery check-ups were scheduled.</source>
        <translation>No se programaron revisiones de seguimiento.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No recovery check-ups will be scheduled.</source>
        <translation>No se programarán revisiones de seguimiento.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recovery check-ups will be scheduled {months} months after the discharge date.</source>
        <translation>Se programarán revisiones de seguimiento a los {months} meses de la fecha del alta.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not set</source>
        <translation>Sin fijar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Referrals (F2 edits a cell):</source>
        <translation>&amp;Derivaciones (F2 para editar una celda):</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Referrals:</source>
        <translation>&amp;Derivaciones:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The discharge plan was saved.</source>
        <translation>Se guardó el plan de alta.</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Referral {number}, {column}: {message}</source>
        <translation>Derivación {number}, {column}: {message}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Referral {number}: {message}</source>
        <translation>Derivación {number}: {message}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Discharge {name} ({code}) from the episode of care that began on {admitted}?</source>
        <translation>¿Dar el alta a {name} ({code}) del episodio de atención que comenzó el {admitted}?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discharge date: {date}
Reason: {reason}</source>
        <translation>Fecha del alta: {date}
Motivo: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The episode will be closed and its discharge plan can no longer be changed.</source>
        <translation>El episodio se cerrará y su plan de alta ya no podrá modificarse.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your changes to the plan are saved with the discharge.</source>
        <translation>Sus cambios en el plan se guardarán junto con el alta.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discharge the client</source>
        <translation>Dar el alta a la persona usuaria</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The client was discharged; {count} recovery check-ups were scheduled.</source>
        <translation>Se dio el alta a la persona usuaria; se programaron {count} revisiones de seguimiento.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Contact attempts:</source>
        <translation>Intentos de contacto:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>• {date} · {channel} · {reached}</source>
        <translation>• {date} · {channel} · {reached}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reached</source>
        <translation>contactada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not reached</source>
        <translation>no contactada</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No contact attempts recorded.</source>
        <translation>No hay intentos de contacto registrados.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome: {outcome} on {date}</source>
        <translation>Resultado: {outcome} el {date}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>BARC-10 total {total}</source>
        <translation>Total BARC-10: {total}</translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message>
        <location filename="../../client_record/care_plan.py" line="-48"/>
        <source>Change a goal</source>
        <translation>Modificar un objetivo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a goal</source>
        <translation>Agregar un objetivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save goal</source>
        <translation>Guardar objetivo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add goal</source>
        <translation>Agregar objetivo</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Domain:</source>
        <translation>Ám&amp;bito:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Goal:</source>
        <translation>&amp;Objetivo:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What the client wants to achieve, in their words where possible.</source>
        <translation>Lo que la persona usuaria quiere conseguir, con sus propias palabras cuando sea posible.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Actions:</source>
        <translation>&amp;Acciones:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The steps, who takes them and how.</source>
        <translation>Los pasos, quién los da y cómo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Responsible:</source>
        <translation>&amp;Responsable:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For example: the client; the counsellor; the housing officer.</source>
        <translation>Por ejemplo: la persona usuaria; el o la profesional de referencia; la persona responsable de vivienda.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Target date:</source>
        <translation>&amp;Fecha prevista:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>YYYY-MM-DD; may be left empty.</source>
        <translation>AAAA-MM-DD; se puede dejar en blanco.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Status:</source>
        <translation>&amp;Estado:</translation>
    </message>
</context>
<context>
    <name>GoalsModel</name>
    <message>
        <location line="-132"/>
        <source>Goal</source>
        <extracomment>the next review proposed at a review, in days from today extra pixels under and over the wrapped text of a goal row</extracomment>
        <translation>Objetivo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Actions</source>
        <translation>Acciones</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Responsible</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target date</source>
        <translation>Fecha prevista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../../help/menu.py" line="+42"/>
        <source>&amp;User guide</source>
        <translation>&amp;Guía de uso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Where is my data?</source>
        <translation>¿&amp;Dónde están mis datos?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How to &amp;back up and restore</source>
        <translation>Cómo hacer &amp;copias de seguridad y restaurarlas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How to &amp;move to a new computer</source>
        <translation>Cómo &amp;pasar a una computadora nueva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Continuum</source>
        <translation>&amp;Acerca de Continuum</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>About Continuum</source>
        <translation>Acerca de Continuum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continuum {version}

Offline, encrypted record keeping for aftercare and recovery-management providers.

Free software under the GNU General Public License, version 3 or later: you may use, study, share and change it.

Data folder: {folder}
Qt {qt}</source>
        <translation>Continuum {version}

Registros cifrados y sin conexión a internet para servicios de seguimiento tras el tratamiento y de acompañamiento en la recuperación.

Software libre bajo la Licencia Pública General de GNU (GNU General Public License), versión 3 o posterior: puede usarlo, estudiarlo, compartirlo y modificarlo.

Carpeta de datos: {folder}
Qt {qt}</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <location filename="../../help/window.py" line="+37"/>
        <source>{title} – Continuum</source>
        <translation>{title} – Continuum</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../client_record/history.py" line="-19"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Entry {seq}: {action}</source>
        <translation>Entrada {seq}: {action}</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location line="+12"/>
        <source>Everything done with this client&apos;s record, newest first, as the tamper-evident audit log keeps it: changes, printed documents and every time the record was read.</source>
        <translation>Todo lo que se ha hecho con el expediente de esta persona usuaria, de lo más reciente a lo más antiguo, tal como lo guarda el registro de auditoría a prueba de manipulaciones: cambios, documentos impresos y cada vez que se consultó el expediente.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>For example: discharge, a user&apos;s name, a date</source>
        <translation>Por ejemplo: alta, el nombre de un usuario, una fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fi&amp;lter:</source>
        <translation>&amp;Filtrar:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter</source>
        <translation>Filtrar</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Audit entries</source>
        <translation>Entradas del registro de auditoría</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Entries:</source>
        <translation>&amp;Entradas:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show &amp;older entries</source>
        <translation>Mostrar entradas an&amp;teriores</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Refresh</source>
        <translation>Actuali&amp;zar</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The latest {count} entries.</source>
        <translation>Las últimas {count} entradas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} entries.</source>
        <translation>{count} entradas.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The history could not be read.</source>
        <translation>No se pudo leer el historial.</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <location filename="../../idle_lock.py" line="+239"/>
        <source>Quit Continuum</source>
        <translation>Salir de Continuum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit without unlocking? Anything typed but not yet saved will be lost.</source>
        <translation>¿Salir sin desbloquear? Se perderá todo lo que se haya escrito y no se haya guardado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
</context>
<context>
    <name>Intake</name>
    <message>
        <location filename="../../client_record/intake.py" line="-800"/>
        <source>&amp;Given names:</source>
        <extracomment>every field&apos;s label (source text, translated in the &quot;Intake&quot; context), by service field name</extracomment>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Family name(s):</source>
        <translation>&amp;Apellidos:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date of birth:</source>
        <translation>Fec&amp;ha de nacimiento:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Se&amp;x:</source>
        <translation>Se&amp;xo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender &amp;identity:</source>
        <translation>&amp;Identidad de género:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Nationality:</source>
        <translation>Naciona&amp;lidad:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preferred lan&amp;guage:</source>
        <translation>Idioma pr&amp;eferido:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone:</source>
        <translation>Telé&amp;fono:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;Correo electrónico:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assigned &amp;counsellor:</source>
        <translation>Profesional de &amp;referencia:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Named ser&amp;vices:</source>
        <translation>Servicios &amp;designados:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ad&amp;mission date:</source>
        <translation>Fecha de ad&amp;misión:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;rogramme:</source>
        <translation>&amp;Programa:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Type of centre:</source>
        <translation>&amp;Tipo de centro:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referral so&amp;urce:</source>
        <translation>F&amp;uente de derivación:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previously treate&amp;d:</source>
        <translation>Tratamiento pre&amp;vio:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assessment date:</source>
        <translation>Fecha de la evaluación:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Primary drug:</source>
        <translation>&amp;Sustancia principal:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drug:</source>
        <translation>Sustancia:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Route:</source>
        <translation>Vía:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frequency (last 30 days):</source>
        <translation>Frecuencia (últimos 30 días):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age at first use:</source>
        <translation>Edad de inicio:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lives &amp;with:</source>
        <translation>Con &amp;quién vive:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Housing:</source>
        <translation>&amp;Vivienda:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lives with children:</source>
        <translation>Vive con sus hijos:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Has c&amp;hildren:</source>
        <translation>Tiene hi&amp;jos:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of children:</source>
        <translation>Número de hijos:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Labour status:</source>
        <translation>Situación la&amp;boral:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Education:</source>
        <translation>Nivel de estudios:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal situation:</source>
        <translation>Situación legal:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In&amp;jecting:</source>
        <translation>Consumo por vía in&amp;yectada:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Opioid substitution:</source>
        <translation>Tratamiento sustitutivo de &amp;opioides:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HIV testing:</source>
        <translation>Prueba del VIH:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hepatitis C (HCV) testing:</source>
        <translation>Prueba de la hepatitis C (VHC):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hepatitis B (HBV) testing:</source>
        <translation>Prueba de la hepatitis B (VHB):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Physical health:</source>
        <translation>Salud física:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mental health:</source>
        <translation>Salud mental:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risks:</source>
        <translation>Riesgos:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes:</source>
        <translation>Observaciones:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Person and contact</source>
        <extracomment>the sections&apos; titles, shared by the form and the read-only view</extracomment>
        <translation>Datos personales y de contacto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Episode of care</source>
        <translation>Episodio de atención</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assessment</source>
        <translation>Evaluación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Substances</source>
        <translation>Sustancias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Living situation, children and dependants</source>
        <translation>Convivencia, hijos y personas a cargo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employment, education and legal situation</source>
        <translation>Empleo, estudios y situación legal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Health and risks</source>
        <translation>Salud y riesgos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other notes</source>
        <translation>Otras observaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recovery capital at intake (BARC-10)</source>
        <translation>Capital de recuperación en la admisión (BARC-10)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not assigned</source>
        <translation>Sin asignar</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Primary substance</source>
        <translation>Sustancia principal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secondary substance {number}</source>
        <translation>Sustancia secundaria {number}</translation>
    </message>
    <message>
        <location line="+499"/>
        <source>&amp;Save intake</source>
        <translation>&amp;Guardar admisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the intake (Ctrl+S)</source>
        <translation>Guardar la admisión (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Discard this intake?</source>
        <translation>¿Descartar esta admisión?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The intake has not been saved. Close it and lose what was typed?</source>
        <translation>La admisión no se ha guardado. ¿Cerrarla y perder lo escrito?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard intake</source>
        <translation>Descartar admisión</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location line="-351"/>
        <source>Enter the date the client gave each consent; leave the date empty for a consent not given.</source>
        <extracomment>a value changed (the form may now hold unsaved changes)</extracomment>
        <translation>Escriba la fecha en que la persona usuaria dio cada consentimiento; deje la fecha vacía si no dio ese consentimiento.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The services the client agreed to share with, one per line.</source>
        <translation>Los servicios con los que la persona usuaria aceptó compartir información, uno por línea.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+6"/>
        <source>Leave empty when the assessment was on the admission day.</source>
        <translation>Déjelo vacío si la evaluación se hizo el día de la admisión.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Episode of care admitted on {day}.</source>
        <translation>Episodio de atención con admisión el {day}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ages in whole years; leave an age empty when it is not known. Up to three secondary substances; leave the drug at “None” when there are no more.</source>
        <translation>Edades en años cumplidos; deje la edad vacía si no se conoce. Hasta tres sustancias secundarias; deje la sustancia en “Ninguna” cuando no haya más.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Leave empty when not known.</source>
        <translation>Déjelo vacío si no se conoce.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Optional. Read each statement with the client and choose how much they agree; answer all ten, or leave them all unanswered.</source>
        <translation>Opcional. Lea cada afirmación con la persona usuaria y elija su grado de acuerdo; responda las diez o deje todas sin responder.</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>Enter the date the client agreed, or leave the named services empty.</source>
        <translation>Escriba la fecha en que la persona usuaria dio su acuerdo, o deje vacíos los servicios designados.</translation>
    </message>
</context>
<context>
    <name>IntakeTab</name>
    <message>
        <location line="+354"/>
        <source>&amp;Episode of care:</source>
        <translation>&amp;Episodio de atención:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Record intake…</source>
        <translation>&amp;Registrar admisión…</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Admitted {day} · {programme} · {status}</source>
        <translation>Admisión el {day} · {programme} · {status}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>This client has no episode of care.</source>
        <translation>Esta persona usuaria no tiene ningún episodio de atención.</translation>
    </message>
</context>
<context>
    <name>IntakeView</name>
    <message>
        <location line="-189"/>
        <source>No intake assessment was recorded for this episode of care.</source>
        <translation>No se registró ninguna evaluación de admisión para este episodio de atención.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Client code</source>
        <translation>Código de la persona usuaria</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+33"/>
        <source>{day} (age {age})</source>
        <translation>{day} ({age} años)</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>No consent is recorded.</source>
        <translation>No hay ningún consentimiento registrado.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Given {day}</source>
        <translation>Dado el {day}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; withdrawn {day}</source>
        <translation>; retirado el {day}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{status} on {day}</source>
        <translation>{status} el {day}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>No BARC-10 was taken at intake.</source>
        <translation>No se hizo el BARC-10 en la admisión.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{total} of {maximum}</source>
        <translation>{total} de {maximum}</translation>
    </message>
</context>
<context>
    <name>LanguageDialog</name>
    <message>
        <location filename="../../language.py" line="+220"/>
        <source>Language</source>
        <extracomment>the ``QSettings`` key of the language setting the setting&apos;s default: follow the operating system&apos;s preferred languages each language named in itself, as language menus do (not translated on purpose) base name of our catalogues: ``continuum_es.ts`` -&gt; ``continuum_es.qm`` object name of the translators installed here (so a second call replaces them)</extracomment>
        <translation>Idioma</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Same as the computer ({language})</source>
        <translation>El de la computadora ({language})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Language of Continuum:</source>
        <translation>&amp;Idioma de Continuum:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language of Continuum</source>
        <translation>Idioma de Continuum</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The {language} translation could not be loaded, so Continuum is in English. The log file says why.</source>
        <translation>No se pudo cargar la traducción a {language}, así que Continuum está en inglés. El archivo de registro indica el motivo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Continuum changes to {language} the next time it starts.</source>
        <translation>Continuum cambiará a {language} la próxima vez que se inicie.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Language…</source>
        <translation>&amp;Idioma…</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <location filename="../../app.py" line="+167"/>
        <source>Preparing the demo database…</source>
        <extracomment>the core modules behind signing in and the main window (no Qt), with their heavy libraries: SQLAlchemy and the models, Alembic (backups), ReportLab (printing) demo clients made so far, and how many in all (emitted from the database thread)</extracomment>
        <translation>Preparando la base de datos de demostración…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continuum demo</source>
        <translation>Continuum (demostración)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Adding demo clients: {done} of {total}…</source>
        <translation>Agregando personas usuarias de demostración: {done} de {total}…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The demo database could not be prepared.
{message}</source>
        <translation>No se pudo preparar la base de datos de demostración.
{message}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>The backup has been restored. Sign in as usual.</source>
        <translation>La copia de seguridad se ha restaurado. Inicie sesión como de costumbre.</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <location filename="../../idle_lock.py" line="-167"/>
        <source>Continuum is locked</source>
        <translation>Continuum está bloqueado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The records are hidden until the password of {name} is typed. Nothing is lost: everything comes back as it was.</source>
        <translation>Los registros permanecen ocultos hasta que se escriba la contraseña de {name}. No se pierde nada: todo vuelve a quedar como estaba.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit Continuum</source>
        <translation>&amp;Salir de Continuum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
</context>
<context>
    <name>LogoField</name>
    <message>
        <location filename="../../admin/organisation.py" line="-84"/>
        <source>The file could not be read ({reason}).</source>
        <extracomment>how much of a chosen logo file is read (far more than the service accepts)</extracomment>
        <translation>No se pudo leer el archivo ({reason}).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Ch&amp;oose logo…</source>
        <translation>Eleg&amp;ir logotipo…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;move logo</source>
        <translation>&amp;Quitar logotipo</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No logo</source>
        <translation>Sin logotipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed beside the name on every document. A PNG file.</source>
        <translation>Se imprime junto al nombre en todos los documentos. Un archivo PNG.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{width} × {height} pixels. Save the settings to use it.</source>
        <translation>{width} × {height} píxeles. Guarde la configuración para usarlo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot be shown</source>
        <translation>No se puede mostrar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This file is not a PNG image; choose another file.</source>
        <translation>Este archivo no es una imagen PNG; elija otro archivo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the logo</source>
        <translation>Elegir el logotipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG images (*.png)</source>
        <translation>Imágenes PNG (*.png)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../main_window.py" line="+64"/>
        <source>Continuum</source>
        <translation>Continuum</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Navigation</source>
        <translation>Navegación</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+116"/>
        <source>Signed in: {name}</source>
        <translation>Sesión iniciada: {name}</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New client…</source>
        <translation>&amp;Nueva persona usuaria…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Find a client…</source>
        <translation>&amp;Buscar una persona usuaria…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Lock</source>
        <translation>B&amp;loquear</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change my &amp;password…</source>
        <translation>Cambiar mi &amp;contraseña…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>There is nothing to save here.</source>
        <translation>Aquí no hay nada que guardar.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is nothing to print here.</source>
        <translation>Aquí no hay nada que imprimir.</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../client_record/family.py" line="-275"/>
        <source>Change a family member</source>
        <translation>Modificar un familiar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a child</source>
        <translation>Agregar un niño o niña</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add child</source>
        <translation>Agregar niño o niña</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a family member</source>
        <translation>Agregar un familiar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add member</source>
        <translation>Agregar familiar</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Lives with the client</source>
        <translation>&amp;Vive con la persona usuaria</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A &amp;child the client brings up (e.g. a partner&apos;s child, a grandchild)</source>
        <translation>Un niño o niña a quien la persona usuaria &amp;cría (p. ej., hijo o hija de su pareja, nieto o nieta)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is a safeguarding c&amp;oncern</source>
        <translation>Hay &amp;motivos de preocupación por su protección</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Relationship:</source>
        <translation>&amp;Parentesco:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;First name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name only; family members have no record of their own.</source>
        <translation>Solo el nombre; los familiares no tienen un expediente propio.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Birth year:</source>
        <translation>&amp;Año de nacimiento:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>For example 2015; may be left empty.</source>
        <translation>Por ejemplo, 2015; puede dejarse vacío.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Household:</source>
        <translation>Hogar:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Child:</source>
        <translation>Menor a cargo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mainly cared for b&amp;y:</source>
        <translation>Cuidado principal a car&amp;go de:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;School:</source>
        <translation>Centro &amp;educativo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Needs:</source>
        <translation>Nece&amp;sidades:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Health, schooling, care or support needs.</source>
        <translation>Necesidades de salud, escolares, de cuidado o de apoyo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Safeguarding:</source>
        <translation>Protección:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referral &amp;made:</source>
        <translation>&amp;Derivación realizada:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To which service, when, and what happened.</source>
        <translation>A qué servicio, cuándo y qué ocurrió.</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <location line="-158"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Relationship</source>
        <translation>Parentesco</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Born</source>
        <translation>Año de nacimiento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Safeguarding</source>
        <translation>Protección</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lives with client</source>
        <translation>Vive con la persona usuaria</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mainly cared for by</source>
        <translation>Principalmente a cargo de</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>School</source>
        <translation>Centro educativo</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Not known</source>
        <translation>No consta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{year} (age {age})</source>
        <translation>{year} ({age} años)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> · child</source>
        <translation> · menor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>⚠ Concern</source>
        <translation>⚠ Alerta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>MovingHowToWindow</name>
    <message>
        <location filename="../../help/howto.py" line="+12"/>
        <source>How to move to a new computer</source>
        <translation>Cómo pasar a una computadora nueva</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In short</source>
        <translation>En resumen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moving is a backup on the old computer and a restore on the new one. An administrator does it, with an administrator&apos;s password or the recovery code.</source>
        <translation>Para pasar a otra computadora, se hace una copia de seguridad en la computadora anterior y se restaura en la nueva. Lo hace un administrador, con la contraseña de un administrador o con el código de recuperación.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On the old computer</source>
        <translation>En la computadora anterior</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plug in a USB stick.</source>
        <translation>Conecte una memoria USB.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make a backup onto it: in Administration › Backups, choose the USB stick with “Choose folder…”, then press “Back up now”.</source>
        <translation>Haga en ella una copia de seguridad: en Administración › Copias de seguridad, elija la memoria USB con “Elegir carpeta…” y luego pulse “Hacer copia ahora”.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit Continuum. From now on, do not type anything new on the old computer.</source>
        <translation>Salga de Continuum. A partir de ahora, no registre nada nuevo en la computadora anterior.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On the new computer</source>
        <translation>En la computadora nueva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Install Continuum and start it. The setup window opens.</source>
        <translation>Instale Continuum y ábralo. Se abre la ventana de configuración.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On its first page, choose “Restore a backup instead…”. Do not set up a new, empty database.</source>
        <translation>En su primera página, elija “En su lugar, restaurar una copia de seguridad…”. No cree una base de datos nueva y vacía.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the newest backup file on the USB stick.</source>
        <translation>Elija el archivo de copia de seguridad más reciente de la memoria USB.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type an administrator&apos;s user name and password, or the recovery code. Press “Restore”.</source>
        <translation>Escriba el nombre de usuario y la contraseña de un administrador, o el código de recuperación. Pulse “Restaurar”.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in as usual. Everyone keeps their user name and password.</source>
        <translation>Inicie sesión como de costumbre. Cada persona conserva su nombre de usuario y su contraseña.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the backup folder again: Administration › Backups › “Choose folder…”.</source>
        <translation>Vuelva a elegir la carpeta de copias de seguridad: Administración › Copias de seguridad › “Elegir carpeta…”.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>If “Bind the data to this computer” was on (Administration › Organisation), passwords made on the old computer do not work on the new one. Restore with the recovery code. Then choose “Forgot your password? Use the recovery code…” in the sign-in window to set your own new password, and give the other accounts new passwords with “Reset password” in Administration › Accounts.</source>
        <translation>Si la opción “Vincular los datos a esta computadora” estaba activada (Administración › Organización), las contraseñas creadas en la computadora anterior no funcionan en la nueva. Restaure con el código de recuperación. Después, elija “Contraseña olvidada: código de recuperación…” en la ventana de inicio de sesión para definir su propia contraseña nueva, y asigne contraseñas nuevas a las demás cuentas con “Restablecer contraseña” en Administración › Cuentas.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep the old computer as it is until everyone has signed in on the new one and a first backup has been made there.</source>
        <translation>Deje la computadora anterior tal como está hasta que todas las personas hayan iniciado sesión en la nueva y se haya hecho allí una primera copia de seguridad.</translation>
    </message>
</context>
<context>
    <name>MyAccountPage</name>
    <message>
        <location filename="../../account_page.py" line="+12"/>
        <source>My account</source>
        <translation>Mi cuenta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed in as {name} ({role}).</source>
        <translation>Sesión iniciada como {name} ({role}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Change my &amp;password…</source>
        <translation>Cambiar mi &amp;contraseña…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This computer</source>
        <translation>Esta computadora</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Signed in as {name}, {role}.</source>
        <translation>Sesión iniciada como {name}, {role}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password last changed on {date}.</source>
        <translation>Último cambio de contraseña: {date}.</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../navigation.py" line="+43"/>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clients</source>
        <translation>Personas usuarias</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administration</source>
        <translation>Administración</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>My account</source>
        <translation>Mi cuenta</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{screen} ({shortcut})</source>
        <translation>{screen} ({shortcut})</translation>
    </message>
</context>
<context>
    <name>NewIntakeDialog</name>
    <message>
        <location filename="../../client_record/intake.py" line="-182"/>
        <source>New client: intake</source>
        <translation>Nueva persona usuaria: admisión</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../client_record/family.py" line="+190"/>
        <source>Add a support note</source>
        <translation>Agregar una nota de apoyo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add note</source>
        <translation>Agregar nota</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A support note cannot be changed once it is added: read it through first.</source>
        <translation>Una nota de apoyo no se puede modificar una vez agregada: reléala antes.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The whole family</source>
        <translation>Toda la familia</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Sensitive: only the client&apos;s assigned counsellor and administrators may read it</source>
        <translation>&amp;Sensible: solo la pueden leer el o la profesional de referencia y los administradores</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What was discussed or done, what was agreed, what comes next…</source>
        <translation>Qué se habló o se hizo, qué se acordó, cuáles son los próximos pasos…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About:</source>
        <translation>&amp;Referida a:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visibility:</source>
        <translation>Visibilidad:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
</context>
<context>
    <name>NotesModel</name>
    <message>
        <location filename="../../client_record/notes.py" line="-76"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Draft (amendment)</source>
        <translation>Borrador (corrección)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amendment</source>
        <translation>Corrección</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed, amended</source>
        <translation>Firmada, corregida</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Signed</source>
        <translation>Firmada</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <location line="+64"/>
        <source>Timeline of notes</source>
        <translation>Cronología de notas</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Timeline:</source>
        <translation>C&amp;ronología:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ne&amp;w note</source>
        <translation>N&amp;ueva nota</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>What happened, what was agreed, what comes next…</source>
        <translation>Qué pasó, qué se acordó, cuáles son los próximos pasos…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;ype:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;ote:</source>
        <translation>N&amp;ota:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disc&amp;ard draft…</source>
        <translation>&amp;Descartar borrador…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sign note…</source>
        <translation>F&amp;irmar nota…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Si&amp;gned text:</source>
        <translation>Te&amp;xto firmado:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed text</source>
        <translation>Texto firmado</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A&amp;mend…</source>
        <translation>&amp;Corregir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a correction: a new note linked to this one</source>
        <translation>Escribir una corrección: una nota nueva vinculada a esta</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>{type} of {date}</source>
        <translation>{type} del {date}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Written by {author}; signed {when}. A signed note is never changed: corrections are amendments.</source>
        <translation>Escrita por {author}; firmada el {when}. Una nota firmada nunca se modifica: para corregirla se agrega una nota de corrección.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{type} of {date} by {author}</source>
        <translation>{type} del {date} ({author})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{note} (your draft)</source>
        <translation>{note} (su borrador)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This note amends: {link}</source>
        <translation>Esta nota corrige: {link}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Amended by: {links}</source>
        <translation>Corregida por: {links}</translation>
    </message>
    <message>
        <location line="+42"/>
        <location line="+74"/>
        <source>Amendment</source>
        <translation>Corrección</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>Corrects the {type} of {date} by {author}. The original note stays as it was signed; this amendment is linked to it.</source>
        <translation>Corrige: {type} del {date} ({author}). La nota original se conserva tal como se firmó; esta corrección queda vinculada a ella.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+66"/>
        <source>Draft note</source>
        <translation>Borrador de nota</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>New note</source>
        <translation>Nota nueva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved as you type; only you see a draft until you sign it.</source>
        <translation>Se guarda mientras escribe; solo usted ve el borrador hasta que lo firme.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Not saved yet…</source>
        <translation>Todavía sin guardar…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Draft saved at {time}.</source>
        <translation>Borrador guardado a las {time}.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Not saved: correct what is marked above.</source>
        <translation>No se guardó: corrija lo que está marcado arriba.</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+22"/>
        <source>Write the note before signing it.</source>
        <translation>Escriba la nota antes de firmarla.</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Sign this note</source>
        <translation>Firmar esta nota</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A signed note becomes part of the client&apos;s record and can no longer be changed; a correction is made with an amendment. Sign it now?</source>
        <translation>Una nota firmada pasa a formar parte del expediente de la persona usuaria y ya no se puede modificar; para corregirla se agrega una nota de corrección. ¿Firmarla ahora?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign</source>
        <translation>Firmar</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Discard this draft</source>
        <translation>Descartar este borrador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The draft will be deleted and cannot be recovered. Discard it?</source>
        <translation>El borrador se eliminará y no se podrá recuperar. ¿Descartarlo?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <location filename="../../widgets/inputs.py" line="+88"/>
        <source>YYYY-MM-DD</source>
        <extracomment>the date as typed changed (a ``date``, or ``None`` when empty or not a valid date)</extracomment>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose from a calendar (Alt+Down)</source>
        <translation>Elegir en un calendario (Alt+Flecha abajo)</translation>
    </message>
</context>
<context>
    <name>OrganisationPage</name>
    <message>
        <location filename="../../setup_wizard.py" line="-131"/>
        <source>Your organisation</source>
        <translation>Su organización</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name appears at the top of every printed document. You can change it later.</source>
        <translation>El nombre aparece en la parte superior de todos los documentos impresos. Puede cambiarlo más adelante.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Organisation name:</source>
        <translation>Nombre de la &amp;organización:</translation>
    </message>
</context>
<context>
    <name>OrganisationPanel</name>
    <message>
        <location filename="../../admin/organisation.py" line="+69"/>
        <source> minutes</source>
        <translation> minutos</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Organisation &amp;name:</source>
        <translation>&amp;Nombre de la organización:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed at the top of every document.</source>
        <translation>Se imprime en la parte superior de cada documento.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Logo:</source>
        <translation>&amp;Logotipo:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confidentiality &amp;notice:</source>
        <translation>Avi&amp;so de confidencialidad:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed at the foot of every page of client documents. Leave it empty to print the standard notice shown in grey, in the document&apos;s language.</source>
        <translation>Se imprime al pie de cada página de los documentos de las personas usuarias. Déjelo en blanco para imprimir el aviso estándar que se muestra en gris, en el idioma del documento.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lock &amp;after:</source>
        <translation>&amp;Bloquear después de:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When nobody uses Continuum for this long, the window locks and asks for the password again.</source>
        <translation>Si nadie usa Continuum durante este tiempo, la ventana se bloquea y vuelve a pedir la contraseña.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Check-ups after discharge:</source>
        <translation>&amp;Revisiones de seguimiento tras el alta:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Months after discharge when a recovery check-up is due, separated by commas, e.g. 3, 6, 9, 12. Applies to discharges recorded from now on.</source>
        <translation>Meses después del alta en los que corresponde una revisión de seguimiento, separados por comas, p. ej. 3, 6, 9, 12. Se aplica a las altas que se registren a partir de ahora.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Statistics &amp;threshold:</source>
        <translation>&amp;Umbral de las estadísticas:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the anonymised statistics, counts below this number are hidden so that nobody can be recognised. At least {minimum}.</source>
        <translation>En las estadísticas anonimizadas, los recuentos inferiores a este número se ocultan para que no se pueda reconocer a nadie. Como mínimo {minimum}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This &amp;computer:</source>
        <translation>Esta &amp;computadora:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save settings</source>
        <translation>&amp;Guardar configuración</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Write the months as whole numbers separated by commas, e.g. 3, 6, 9, 12.</source>
        <translation>Escriba los meses como números enteros separados por comas, p. ej. 3, 6, 9, 12.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../client_record/followup.py" line="-584"/>
        <source>Record the check-up&apos;s outcome</source>
        <translation>Registrar el resultado de la revisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The {months}-month recovery check-up, due {date}. Once its outcome is recorded the check-up is closed.</source>
        <translation>Revisión de seguimiento de los {months} meses, prevista para el {date}. Una vez registrado el resultado, la revisión se cierra.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record outcome</source>
        <translation>Registrar resultado</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Outcome:</source>
        <translation>&amp;Resultado:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Observaciones:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The client answered the &amp;BARC-10 at this check-up</source>
        <translation>La persona usuaria respondió el &amp;BARC-10 en esta revisión</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The person did not take part, so there is no BARC-10.</source>
        <translation>La persona no participó, por lo que no hay BARC-10.</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <location filename="../../client_record/overview.py" line="-106"/>
        <source>Safeguarding concern recorded for {who}.</source>
        <extracomment>&quot;error&quot; (act now: overdue, safeguarding) or &quot;warn&quot; (coming up, missing)</extracomment>
        <translation>Alerta de protección registrada para {who}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recovery check-up overdue: the {months}-month check-up was due on {date}.</source>
        <translation>Revisión de seguimiento atrasada: la revisión de los {months} meses estaba prevista el {date}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{count} recovery check-ups overdue; the oldest was due on {date}.</source>
        <translation>{count} revisiones de seguimiento atrasadas; la más antigua estaba prevista el {date}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recovery check-up due on {date} ({months} months after discharge).</source>
        <translation>Revisión de seguimiento prevista el {date} ({months} meses después del alta).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Care-plan review overdue since {date}.</source>
        <translation>Revisión del plan de atención atrasada desde el {date}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Care-plan review due on {date}.</source>
        <translation>Revisión del plan de atención prevista el {date}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No active care plan for the current episode.</source>
        <translation>El episodio actual no tiene un plan de atención vigente.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No current consent to treatment and record keeping.</source>
        <translation>No hay un consentimiento vigente para el tratamiento y el registro de datos.</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <location line="+92"/>
        <source>Client</source>
        <extracomment>the client&apos;s record arrived (carries the ``ClientRecord``: the view&apos;s header uses it) the facts shown in the Client box, as (caption, value)</extracomment>
        <translation>Persona usuaria</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Edit details…</source>
        <translation>&amp;Editar datos…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the personal and contact details or the assigned counsellor</source>
        <translation>Cambiar los datos personales y de contacto o la asignación del o la profesional de referencia</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Needs attention</source>
        <translation>Requiere atención</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Recovery capital (BARC-10)</source>
        <translation>Capital de recuperación (BARC-10)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The overview could not be loaded.</source>
        <translation>No se pudo cargar el resumen.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Nothing needs attention.</source>
        <translation>Nada requiere atención.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Code:</source>
        <translation>Código:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age:</source>
        <translation>Edad:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{age} (born {date})</source>
        <translation>{age} años (nació el {date})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contact:</source>
        <translation>Contacto:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None recorded</source>
        <translation>Sin registrar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counsellor:</source>
        <translation>Profesional:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not assigned</source>
        <translation>Sin asignar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Programme:</source>
        <translation>Programa:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Admitted:</source>
        <translation>Admisión:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{date} ({days} days in care)</source>
        <translation>{date} ({days} días en atención)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Discharged:</source>
        <translation>Alta:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{date} (from {programme})</source>
        <translation>{date} (programa: {programme})</translation>
    </message>
</context>
<context>
    <name>PasswordPair</name>
    <message>
        <location filename="../../forms.py" line="+310"/>
        <source>&amp;Password:</source>
        <extracomment>the general error line&apos;s key: messages that belong to no field a message or hint appeared, changed or went away (the window may need to grow)</extracomment>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat the password:</source>
        <translation>&amp;Repita la contraseña:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>At least 10 characters; not the user name; not a common password.</source>
        <translation>Al menos 10 caracteres; que no sea el nombre de usuario ni una contraseña habitual.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>✓ This password meets the rules.</source>
        <translation>✓ Esta contraseña cumple las reglas.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The two passwords are not the same. Type the password again.</source>
        <translation>Las dos contraseñas no coinciden. Vuelva a escribir la contraseña.</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <location filename="../../print_preview.py" line="+92"/>
        <source>Care plan</source>
        <extracomment>the preview&apos;s size when the screen has room (else 90 % of the screen) the service that renders each kind of document</extracomment>
        <translation>Plan de atención</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discharge summary</source>
        <translation>Informe de alta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intake summary</source>
        <translation>Resumen de admisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blank intake form</source>
        <translation>Formulario de admisión en blanco</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blank care-plan form</source>
        <translation>Formulario del plan de atención en blanco</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fit width</source>
        <extracomment>the zoom choices: two fit modes, then fixed factors</extracomment>
        <translation>Ajustar al ancho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole page</source>
        <translation>Página completa</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Print</source>
        <extracomment>a care plan&apos;s id (the version to print); the service&apos;s default choice when None</extracomment>
        <translation>Imprimir</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Print blank &amp;intake form…</source>
        <translation>Imprimir formulario de &amp;admisión en blanco…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print blank care-p&amp;lan form…</source>
        <translation>Imprimir formulario de p&amp;lan de atención en blanco…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The PDF could not be saved as {path} ({reason}).</source>
        <translation>No se pudo guardar el PDF como {path} ({reason}).</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Document pages</source>
        <translation>Páginas del documento</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Language of the document</source>
        <translation>Idioma del documento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Zoom:</source>
        <translation>&amp;Zoom:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{percent} %</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom out</source>
        <translation>Reducir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom in</source>
        <translation>Ampliar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Print…</source>
        <translation>Im&amp;primir…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a printer and print these pages (Ctrl+P)</source>
        <translation>Elegir una impresora e imprimir estas páginas (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Guardar como PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save exactly this document as a PDF file (Ctrl+S)</source>
        <translation>Guardar exactamente este documento como archivo PDF (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>{document} · {client} · Print preview</source>
        <translation>{document} · {client} · Vista previa de impresión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{document} · Print preview</source>
        <translation>{document} · Vista previa de impresión</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The document could not be shown.</source>
        <translation>No se pudo mostrar el documento.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Page {page} of {count}</source>
        <translation>Página {page} de {count}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Preparing the document…</source>
        <translation>Preparando el documento…</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Sent to the printer (pages: {pages}).</source>
        <translation>Enviado a la impresora (páginas: {pages}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saved as {path}.</source>
        <translation>Guardado como {path}.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../printing.py" line="+33"/>
        <source>The document could not be read for printing.</source>
        <translation>No se pudo leer el documento para imprimirlo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The printer could not be started. Check that it is switched on and try again.</source>
        <translation>No se pudo poner en marcha la impresora. Compruebe que esté encendida y vuelva a intentarlo.</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../reports/quality.py" line="+12"/>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Episodes</source>
        <translation>Episodios</translation>
    </message>
</context>
<context>
    <name>QualityPanel</name>
    <message>
        <location line="+40"/>
        <source>Completeness</source>
        <translation>Completitud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consistency problems</source>
        <translation>Problemas de coherencia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Completeness of the items the tables count:</source>
        <translation>Co&amp;mpletitud de los datos que cuentan las tablas:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Consistency &amp;problems in the year&apos;s episodes:</source>
        <translation>&amp;Problemas de coherencia en los episodios del año:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Checked for {year}: admissions {admissions}, discharges {discharges}.</source>
        <translation>Comprobado para {year}: admisiones {admissions}, altas {discharges}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Consistency problems found: {count}. Until they are corrected, the tables count these episodes as the records stand.</source>
        <translation>Problemas de coherencia encontrados: {count}. Mientras no se corrijan, las tablas cuentan estos episodios tal como están registrados.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No consistency problems found.</source>
        <translation>No se encontraron problemas de coherencia.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Missing answers are counted as “Not recorded” or “Not known” in the tables. Correct them, and the problems above, in the client records before exporting.</source>
        <translation>Las respuestas que faltan se cuentan en las tablas como “Sin registrar” o “No consta”. Corríjalas, junto con los problemas indicados arriba, en los expedientes de las personas usuarias antes de exportar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Missing answers are counted as “Not recorded” or “Not known” in the tables. Ask an administrator to correct the records: this screen never shows which clients a problem concerns.</source>
        <translation>Las respuestas que faltan se cuentan en las tablas como “Sin registrar” o “No consta”. Pida a un administrador que corrija los expedientes: esta pantalla nunca muestra a qué personas usuarias afecta un problema.</translation>
    </message>
</context>
<context>
    <name>ReadyPage</name>
    <message>
        <location filename="../../setup_wizard.py" line="+307"/>
        <source>Continuum is ready</source>
        <extracomment>the first backup, once made</extracomment>
        <translation>Continuum está listo</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Try again</source>
        <translation>&amp;Volver a intentarlo</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Next, add an account for each person who will use Continuum: Administration › Accounts. Everyone signs in with their own name and password.</source>
        <translation>A continuación, agregue una cuenta para cada persona que vaya a usar Continuum: Administración › Cuentas. Cada persona inicia sesión con su propio nombre y su propia contraseña.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Help is in the Help menu. Press F1 at any time to read the user guide.</source>
        <translation>Encontrará ayuda en el menú Ayuda. Pulse F1 en cualquier momento para leer la guía de uso.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Setup is done, but the records are not backed up yet.</source>
        <translation>La configuración ha terminado, pero todavía no hay ninguna copia de seguridad de los registros.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No backup folder has been chosen. Choose one soon in Administration › Backups.</source>
        <translation>No se ha elegido ninguna carpeta de copias de seguridad. Elija una pronto en Administración › Copias de seguridad.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Setup is done. Now the first backup is made.</source>
        <translation>La configuración ha terminado. Ahora se hace la primera copia de seguridad.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Making the first backup and checking it…</source>
        <translation>Haciendo la primera copia de seguridad y comprobándola…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The first backup is made: {file} ({size}) in {folder}. It was read back and checked.</source>
        <translation>La primera copia de seguridad está hecha: {file} ({size}) en {folder}. Se volvió a leer y se comprobó.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>something unexpected went wrong</source>
        <translation>se produjo un error inesperado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The first backup could not be made: {reason}
You can try again, or finish now: Continuum will try again by itself.</source>
        <translation>No se pudo hacer la primera copia de seguridad: {reason}
Puede volver a intentarlo o finalizar ahora: Continuum lo volverá a intentar automáticamente.</translation>
    </message>
</context>
<context>
    <name>RecordConsentDialog</name>
    <message>
        <location filename="../../client_record/consents.py" line="+11"/>
        <source>Record a consent</source>
        <translation>Registrar un consentimiento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record consent</source>
        <translation>Registrar consentimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What {name} agreed to, and on which day. A consent is never changed afterwards: if it ends, withdraw it.</source>
        <translation>Lo que {name} aceptó y en qué fecha. Un consentimiento no se modifica nunca después: si deja de valer, retírelo.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Consent to:</source>
        <translation>&amp;Consentimiento para:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Given on:</source>
        <translation>&amp;Fecha en que se dio:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Named &amp;services:</source>
        <translation>&amp;Servicios designados:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only for sharing with named services: the services, one per line.</source>
        <translation>Solo para compartir con servicios designados: los servicios, uno por línea.</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeExplainedPage</name>
    <message>
        <location filename="../../setup_wizard.py" line="-286"/>
        <source>What the recovery code is</source>
        <translation>Qué es el código de recuperación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please read this before you choose your password.</source>
        <translation>Lea esto antes de elegir su contraseña.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continuum locks the records. A password opens the lock. The recovery code is a spare key, for emergencies.</source>
        <translation>Continuum protege los registros con un candado. Una contraseña abre ese candado. El código de recuperación es una llave de repuesto, para emergencias.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You need the code if every administrator forgets their password. You may also need it to put a backup on a new computer.</source>
        <translation>Necesitará el código si todos los administradores olvidan su contraseña. También puede necesitarlo para restaurar una copia de seguridad en una computadora nueva.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print the code, or write it down. Keep the paper locked away: not next to the computer, not on a phone. Anyone who has the code and a copy of the records can read them.</source>
        <translation>Imprima el código o anótelo. Guarde el papel bajo llave: no junto a la computadora ni en un teléfono. Cualquier persona que tenga el código y una copia de los registros puede leerlos.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nobody else can open the records for you: not the makers of Continuum, not a computer technician, nobody. If every password is forgotten and the code is lost, the records are lost for good.</source>
        <translation>Nadie más puede abrirle los registros: ni quienes crearon Continuum, ni un técnico informático, nadie. Si se olvidan todas las contraseñas y se pierde el código, los registros se pierden para siempre.</translation>
    </message>
</context>
<context>
    <name>RecoveryCodePage</name>
    <message>
        <location line="+31"/>
        <source>&amp;Next: backups</source>
        <translation>&amp;Siguiente: copias de seguridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your recovery code</source>
        <translation>Su código de recuperación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print this code or write it down now. It is shown only this once.</source>
        <translation>Imprima este código o anótelo ahora. Solo se muestra esta vez.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>If every administrator password is forgotten, this code is the only way to open the records again. Keep the sheet locked away, not on the computer.</source>
        <translation>Si se olvidan todas las contraseñas de administrador, este código es la única forma de volver a abrir los registros. Guarde la hoja bajo llave, no en la computadora.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recovery code</source>
        <translation>Código de recuperación</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Print the recovery sheet…</source>
        <translation>&amp;Imprimir la hoja de recuperación…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save the recovery sheet as PDF…</source>
        <translation>&amp;Guardar la hoja de recuperación como PDF…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>I have printed or &amp;written down the recovery code and put it somewhere safe.</source>
        <translation>He imprimido o a&amp;notado el código de recuperación y lo he guardado en un lugar seguro.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Save the recovery sheet</source>
        <translation>Guardar la hoja de recuperación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The recovery sheet was saved as {path}. Print it now, then delete the file: the code must not stay on the computer.</source>
        <translation>La hoja de recuperación se guardó como {path}. Imprímala ahora y después elimine el archivo: el código no debe quedarse en la computadora.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The recovery sheet was sent to the printer.</source>
        <translation>La hoja de recuperación se envió a la impresora.</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../sign_in.py" line="+72"/>
        <source>Use the recovery code</source>
        <translation>Usar el código de recuperación</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Set password and sign in</source>
        <translation>Definir contraseña e iniciar sesión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the recovery code from the printed recovery sheet and the name of an administrator account. That account gets the new password below.</source>
        <translation>Escriba el código de recuperación de la hoja de recuperación impresa y el nombre de una cuenta de administrador. Esa cuenta recibirá la nueva contraseña que indique abajo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recovery &amp;code:</source>
        <translation>&amp;Código de recuperación:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upper or lower case; the hyphens may be left out.</source>
        <translation>En mayúsculas o minúsculas; los guiones pueden omitirse.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Administrator&apos;s user name:</source>
        <translation>Nombre de usuario de &amp;administrador:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New password:</source>
        <translation>&amp;Nueva contraseña:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat the new password:</source>
        <translation>&amp;Repita la nueva contraseña:</translation>
    </message>
</context>
<context>
    <name>ReferralsModel</name>
    <message>
        <location filename="../../client_record/followup.py" line="-220"/>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Contact details</source>
        <translation>Datos de contacto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>Observaciones</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../reports/page.py" line="+76"/>
        <source>Export here</source>
        <translation>Exportar aquí</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Anonymised figures for funders and national reporting: counts only, no names, no dates finer than the year. Small counts are hidden (shown as *).</source>
        <translation>Cifras anonimizadas para financiadores e informes nacionales: solo recuentos, sin nombres ni fechas más precisas que el año. Los recuentos pequeños se ocultan (se muestran como *).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Year:</source>
        <translation>Añ&amp;o:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language of the export:</source>
        <translation>&amp;Idioma de la exportación:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The table preview and the exported files use this language.</source>
        <translation>La vista previa de las tablas y los archivos exportados usan este idioma.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Th&amp;reshold:</source>
        <translation>&amp;Umbral:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Writes one CSV file per table, {json} (all tables) and {pdf} (the report with charts) into a new or empty folder you choose.</source>
        <translation>Guarda un archivo CSV por tabla, {json} (todas las tablas) y {pdf} (el informe con gráficos) en una carpeta nueva o vacía que usted elija.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export in progress</source>
        <translation>Exportación en curso</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+126"/>
        <source>&amp;Data quality</source>
        <translation>&amp;Calidad de los datos</translation>
    </message>
    <message>
        <location line="-125"/>
        <source>&amp;Tables</source>
        <translation>&amp;Tablas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>This year is not over: the figures so far.</source>
        <translation>Este año todavía no ha terminado: son las cifras hasta la fecha.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Counts from 1 to {max} are hidden.</source>
        <translation>Los recuentos de 1 a {max} se ocultan.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An administrator sets the threshold in the organisation settings.</source>
        <translation>Un administrador fija el umbral en la configuración de la organización.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is the organisation&apos;s setting; you may change it for this export (at least {min}).</source>
        <translation>Es el valor configurado por la organización; puede cambiarlo para esta exportación (como mínimo {min}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The organisation&apos;s setting is {setting}; this preview and export use {value}.</source>
        <translation>El valor configurado por la organización es {setting}; esta vista previa y esta exportación usan {value}.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Loading the figures for {year}…</source>
        <translation>Cargando las cifras de {year}…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Tables ({count})</source>
        <translation>&amp;Tablas ({count})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Figures for {year}: {count} tables, {hidden} with hidden figures.</source>
        <translation>Cifras de {year}: {count} tablas, {hidden} con cifras ocultas.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Data quality – problems: {count}</source>
        <translation>&amp;Calidad de los datos – problemas: {count}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Choose a new or empty folder for the statistics of {year}</source>
        <translation>Elija una carpeta nueva o vacía para las estadísticas de {year}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Exporting the statistics for {year} to {folder}…</source>
        <translation>Exportando las estadísticas de {year} a {folder}…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Exported to {folder}</source>
        <translation>Exportado a {folder}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statistics exported</source>
        <translation>Estadísticas exportadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The statistics for {year} are in the folder
{folder}

{tables} CSV files (one per table), {json} (all tables, for other programs) and {pdf} (the report to print or send).</source>
        <translation>Las estadísticas de {year} están en la carpeta
{folder}

{tables} archivos CSV (uno por tabla), {json} (todas las tablas, para otros programas) y {pdf} (el informe para imprimir o enviar).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing was exported.</source>
        <translation>No se exportó nada.</translation>
    </message>
</context>
<context>
    <name>RestoreWizard</name>
    <message>
        <location filename="../../backup/restore_wizard.py" line="+18"/>
        <source>Restore from a backup – Continuum</source>
        <extracomment>the wizard is about to hide; True when a backup was restored the administrator whose password restored the backup (&apos;&apos; for the recovery code)</extracomment>
        <translation>Restaurar desde una copia de seguridad – Continuum</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This is the newest backup found.</source>
        <translation>Esta es la copia de seguridad más reciente que se encontró.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This is the newest backup found in the backup folder.</source>
        <translation>Esta es la copia de seguridad más reciente de la carpeta de copias de seguridad.</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../client_record/care_plan.py" line="+174"/>
        <source>Review the care plan</source>
        <translation>Revisar el plan de atención</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The review becomes version {version} of the plan and replaces version {current}, which stays readable. Goals can be changed afterwards in a new draft.</source>
        <translation>La revisión pasa a ser la versión {version} del plan y sustituye a la versión {current}, que se podrá seguir consultando. Los objetivos se pueden modificar después en un nuevo borrador.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record review</source>
        <translation>Registrar revisión</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The day of the review meeting (YYYY-MM-DD).</source>
        <translation>El día de la reunión de revisión (AAAA-MM-DD).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proposed: in three months. It cannot be in the past.</source>
        <translation>Propuesta: dentro de tres meses. No puede ser una fecha pasada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewed &amp;on:</source>
        <translation>&amp;Fecha de la revisión:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next review:</source>
        <translation>&amp;Próxima revisión:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Progress on the goals</source>
        <translation>Avance de los objetivos</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Recovery capital (BARC-10)</source>
        <translation>Capital de recuperación (BARC-10)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The client answered the &amp;BARC-10 at this review</source>
        <translation>La persona usuaria respondió el &amp;BARC-10 en esta revisión</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../labels.py" line="+19"/>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counsellor</source>
        <translation>Profesional de referencia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statistics staff</source>
        <translation>Personal de estadística</translation>
    </message>
</context>
<context>
    <name>SetPasswordDialog</name>
    <message>
        <location filename="../../admin/accounts.py" line="-25"/>
        <source>Reactivate {name}</source>
        <translation>Reactivar a {name}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reactivate</source>
        <translation>Reactivar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The account can sign in again with this new password. Tell the person, and ask them to change it under My account.</source>
        <translation>La cuenta podrá volver a iniciar sesión con esta nueva contraseña. Comuníquesela a la persona y pídale que la cambie en Mi cuenta.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reset the password of {name}</source>
        <translation>Restablecer la contraseña de {name}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reset password</source>
        <translation>Restablecer contraseña</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The old password stops working at once. Tell the person the new one, and ask them to change it under My account.</source>
        <translation>La contraseña anterior deja de funcionar de inmediato. Comunique la nueva a la persona y pídale que la cambie en Mi cuenta.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;New password:</source>
        <translation>&amp;Nueva contraseña:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat the new password:</source>
        <translation>&amp;Repita la nueva contraseña:</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../setup_wizard.py" line="+168"/>
        <source>Set up Continuum</source>
        <extracomment>the user chose to restore a backup instead (welcome page)</extracomment>
        <translation>Configurar Continuum</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../sign_in.py" line="+21"/>
        <source>Sign in – Continuum</source>
        <extracomment>the user asked to restore a backup the database could not be opened (carries the ``StorageError``)</extracomment>
        <translation>Iniciar sesión – Continuum</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Continuum</source>
        <translation>Continuum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in with your user name and password.</source>
        <translation>Inicie sesión con su usuario y contraseña.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;User name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Forgot your password? Use the recovery code…</source>
        <translation>Contraseña olvidada: código de recuperación…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restore from a backup…</source>
        <translation>Restaurar desde una copia de seguridad…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Language…</source>
        <translation>Idioma…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Sign in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Demo: user {name}, password {password}</source>
        <translation>Demostración: usuario {name}, contraseña {password}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Enter your user name.</source>
        <translation>Escriba su nombre de usuario.</translation>
    </message>
</context>
<context>
    <name>StartupProblemDialog</name>
    <message>
        <location filename="../../backup/problems.py" line="+55"/>
        <source>A problem with the records – Continuum</source>
        <extracomment>restore a backup: the newest one found (a ``Path``) or None (the user chooses) open the records although they failed their checks (only when ``can_continue``)</extracomment>
        <translation>Un problema con los registros – Continuum</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The records failed their checks</source>
        <translation>Los registros no superaron las comprobaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continuum cannot open the records</source>
        <translation>Continuum no puede abrir los registros</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing has been changed: the files in {folder} are kept exactly as they are. A restore keeps them too: it backs them up first, or, if they cannot be read, keeps them under a new name ending in “.damaged-” and the date.</source>
        <translation>No se ha cambiado nada: los archivos de {folder} se conservan exactamente como están. Una restauración también los conserva: primero hace una copia de ellos o, si no se pueden leer, los guarda con un nombre nuevo que termina en “.damaged-” y la fecha.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The newest backup found was made {when}:
{file}</source>
        <translation>La copia de seguridad más reciente que se encontró se hizo el {when}:
{file}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No backup was found in the backup folder or in the data folder. Find your latest backup (for example on a USB stick) and restore it with “Choose a backup…”.</source>
        <translation>No se encontró ninguna copia de seguridad en la carpeta de copias ni en la carpeta de datos. Busque su copia más reciente (por ejemplo, en una memoria USB) y restáurela con “Elegir una copia de seguridad…”.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You can also open the records anyway, for example to print what can still be read, and restore later; some parts may fail to open. Work saved meanwhile is not in any backup.</source>
        <translation>También puede abrir los registros de todos modos, por ejemplo para imprimir lo que todavía se pueda leer, y restaurar más tarde; puede que algunas partes no se abran. Lo que guarde mientras tanto no estará en ninguna copia de seguridad.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Restore the newest backup…</source>
        <translation>&amp;Restaurar la copia de seguridad más reciente…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;hoose a backup…</source>
        <translation>&amp;Elegir una copia de seguridad…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Open the records anyway</source>
        <translation>&amp;Abrir los registros de todos modos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
</context>
<context>
    <name>StatisticsTableModel</name>
    <message>
        <location filename="../../reports/preview.py" line="+185"/>
        <source>not shown</source>
        <extracomment>item data role: True for a cell whose figure is hidden item data role of the table list: the table&apos;s key (``None`` for a section heading)</extracomment>
        <translation>no se muestra</translation>
    </message>
</context>
<context>
    <name>SupportNotesModel</name>
    <message>
        <location filename="../../client_record/family.py" line="-189"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>About</source>
        <translation>Referida a</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Written by</source>
        <translation>Escrita por</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Visibility</source>
        <translation>Visibilidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The whole family</source>
        <translation>Toda la familia</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restricted</source>
        <translation>Restringida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sensitive</source>
        <translation>Sensible</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Team</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restricted: not shown to you</source>
        <translation>Restringida: no se le muestra</translation>
    </message>
</context>
<context>
    <name>TablesPanel</name>
    <message>
        <location filename="../../reports/preview.py" line="+28"/>
        <source>Tables</source>
        <translation>Tablas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>T&amp;ables:</source>
        <translation>&amp;Tablas:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Selected table</source>
        <translation>Tabla seleccionada</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../../tasks.py" line="+66"/>
        <source>Something went wrong and the action was not completed. Nothing was changed. The technical details were written to Continuum&apos;s log file.</source>
        <translation>Algo salió mal y la acción no se completó. No se cambió nada. Los detalles técnicos se guardaron en el archivo de registro de Continuum.</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>Continuum</source>
        <translation>Continuum</translation>
    </message>
</context>
<context>
    <name>Today</name>
    <message>
        <location filename="../../today.py" line="+74"/>
        <source>Check-ups overdue</source>
        <extracomment>the title when every client is shown (defaults to ``title``)</extracomment>
        <translation>Revisiones vencidas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Was due</source>
        <translation>Fecha prevista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No recovery check-ups are overdue.</source>
        <translation>No hay revisiones de seguimiento vencidas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check-ups due soon</source>
        <translation>Próximas revisiones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>Fecha prevista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No recovery check-ups are due in the next {days} days.</source>
        <translation>No hay revisiones de seguimiento previstas en los próximos {days} días.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Care-plan reviews due</source>
        <translation>Revisiones del plan de atención pendientes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review date</source>
        <translation>Fecha de revisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No care-plan reviews are due in the next {days} days.</source>
        <translation>No hay revisiones del plan de atención previstas en los próximos {days} días.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No active care plan</source>
        <translation>Sin plan de atención vigente</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <location line="+3"/>
        <source>Admitted</source>
        <translation>Admisión</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Every client in care has an active care plan.</source>
        <translation>Todas las personas usuarias en atención tienen un plan de atención vigente.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent missing</source>
        <translation>Falta el consentimiento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every client in care has a current consent to treatment.</source>
        <translation>Todas las personas usuarias en atención tienen un consentimiento para el tratamiento vigente.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My clients</source>
        <translation>Mis personas usuarias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No clients in care.</source>
        <translation>No hay personas usuarias en atención.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clients in care</source>
        <translation>Personas usuarias en atención</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{date} · overdue</source>
        <translation>{date} · atrasada</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Code</source>
        <extracomment>a row was activated (carries its ``WorklistRow``)</extracomment>
        <translation>Código</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Double-click a row, or press Enter, to open the client.</source>
        <translation>Haga doble clic en una fila, o pulse Intro, para abrir el expediente.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{title} ({count})</source>
        <translation>{title} ({count})</translation>
    </message>
</context>
<context>
    <name>TodayScreen</name>
    <message>
        <location line="+54"/>
        <source>Today</source>
        <extracomment>open a client: (client id, tab key, client code, display name)</extracomment>
        <translation>Hoy</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>My caseload</source>
        <translation>Mis casos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every client</source>
        <translation>Todas las personas usuarias</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Show:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Refresh</source>
        <translation>Actuali&amp;zar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the lists again (F5)</source>
        <translation>Volver a cargar las listas (F5)</translation>
    </message>
</context>
<context>
    <name>UserGuideWindow</name>
    <message>
        <location filename="../../help/guide.py" line="+181"/>
        <source>User guide</source>
        <extracomment>translations of the README&apos;s user part, in this package, by language the first heading of the README that is not for users widest picture, in pixels, in the guide&apos;s page the folder the README&apos;s relative picture paths start from (None: pictures cannot be found)</extracomment>
        <translation>Guía de uso</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The user guide is missing from this installation. It is the file README.md that comes with Continuum; installing Continuum again puts it back.</source>
        <translation>Falta la guía de uso en esta instalación. Es el archivo README.md que viene con Continuum; si vuelve a instalar Continuum, se restablece.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../setup_wizard.py" line="-433"/>
        <source>Welcome to Continuum</source>
        <translation>Le damos la bienvenida a Continuum</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Continuum keeps your organisation&apos;s client records on this computer. Everything is encrypted: without a password nobody can read it, even with a copy of the files.</source>
        <translation>Continuum guarda en esta computadora los registros de las personas usuarias de su organización. Todo está cifrado: sin una contraseña nadie puede leerlo, ni siquiera con una copia de los archivos.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Setting up takes four short steps:</source>
        <translation>La configuración consta de cuatro pasos breves:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1. Type your organisation&apos;s name.
2. Create the first administrator account: the person who will add the other accounts.
3. Print the recovery code and put it somewhere safe.
4. Choose where backups go: a USB stick or a second disk.</source>
        <translation>1. Escriba el nombre de su organización.
2. Cree la primera cuenta de administrador: la persona que agregará las demás cuentas.
3. Imprima el código de recuperación y guárdelo en un lugar seguro.
4. Elija dónde se guardan las copias de seguridad: una memoria USB o un segundo disco.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The records will be kept in this folder:
{folder}</source>
        <translation>Los registros se guardarán en esta carpeta:
{folder}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Moving Continuum from another computer, or starting again after a breakdown? Restore a backup instead of setting up a new, empty database.</source>
        <translation>¿Trae Continuum desde otra computadora o vuelve a empezar después de una avería? Restaure una copia de seguridad en lugar de crear una base de datos nueva y vacía.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Restore a backup instead…</source>
        <translation>En su lugar, &amp;restaurar una copia de seguridad…</translation>
    </message>
</context>
<context>
    <name>WithdrawConsentDialog</name>
    <message>
        <location filename="../../client_record/consents.py" line="+20"/>
        <source>Withdraw a consent</source>
        <translation>Retirar un consentimiento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Withdraw consent</source>
        <translation>Retirar consentimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{consent}. The consent stays in the record with the day it was withdrawn; if the client agrees again later, record a new consent.</source>
        <translation>{consent}. El consentimiento queda en el expediente con la fecha en que se retiró; si más adelante la persona usuaria vuelve a dar su acuerdo, registre un consentimiento nuevo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Withdrawn on:</source>
        <translation>&amp;Fecha de retirada:</translation>
    </message>
</context>
<context>
    <name>_CalendarPopup</name>
    <message>
        <location filename="../../widgets/inputs.py" line="-29"/>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
</context>
</TS>
