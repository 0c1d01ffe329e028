"""Spanish catalogue for :func:`clinic_app.i18n.tr`: English message id -> Spanish text.

A plain dict so that any module can add its strings here.  Keep the ``{placeholders}``
of each translation identical to those of its English id.  Spanish is written in the
"usted" form and with words common to Latin America and Spain where possible.
"""

from __future__ import annotations

CATALOGUE: dict[str, str] = {
    # --- documents/layout.py: footer and signature lines --------------------------------
    "This record is confidential and protected by law. It may not be disclosed further "
    "without the written consent of the person it concerns, except as the law allows.":
        "Este registro es confidencial y está protegido por la ley. No puede divulgarse a "
        "terceros sin el consentimiento escrito de la persona a la que se refiere, salvo en "
        "los casos que la ley permita.",
    "Printed on {date} by {name}": "Impreso el {date} por {name}",
    "Printed on {date}": "Impreso el {date}",
    "Page {page} of {total}": "Página {page} de {total}",
    "Date": "Fecha",
    # --- documents/recovery_sheet.py ----------------------------------------------------
    "Recovery code": "Código de recuperación",
    "This sheet holds the recovery code for the Continuum records of {org}. "
    "The code was made on {date}.":
        "Esta hoja contiene el código de recuperación de los registros de Continuum de "
        "{org}. El código se creó el {date}.",
    "{count} characters in {groups} groups.": "{count} caracteres en {groups} grupos.",
    "The code never contains the letters I, L, O or U, so 0 is always the digit "
    "zero and 1 is always the digit one.":
        "El código nunca contiene las letras I, L, O ni U: el 0 es siempre el número cero "
        "y el 1 es siempre el número uno.",
    "What this code is for": "Para qué sirve este código",
    "If every administrator password is lost or forgotten, this code opens the "
    "records again.":
        "Si se pierden u olvidan todas las contraseñas de administrador, este código "
        "vuelve a abrir los registros.",
    "It is also needed to restore a backup on a new computer.":
        "También se necesita para restaurar una copia de seguridad en una computadora nueva.",
    "Keep it safe": "Cómo guardarlo",
    "Keep this sheet locked away, for example in a safe or a locked drawer, away "
    "from the computer.":
        "Guarde esta hoja bajo llave, por ejemplo en una caja fuerte o en un cajón con "
        "llave, lejos de la computadora.",
    "Never store the code on the computer or on a phone: do not type it into a "
    "file, an email or a message, and do not photograph or scan this sheet.":
        "Nunca guarde el código en la computadora ni en un teléfono: no lo escriba en un "
        "archivo, un correo ni un mensaje, y no fotografíe ni escanee esta hoja.",
    "Anyone who has this code and a copy of the data can read every record. Look "
    "after it as you would the key to the filing cabinet.":
        "Cualquier persona que tenga este código y una copia de los datos puede leer todos "
        "los registros. Cuídelo como cuidaría la llave del archivo.",
    "If the sheet is lost, or someone else may have seen it, tell an administrator "
    "straight away so that a new recovery code can be made.":
        "Si la hoja se pierde o alguien más pudo haberla visto, avise de inmediato a un "
        "administrador para que se cree un código de recuperación nuevo.",
    "Where this sheet is kept": "Dónde se guarda esta hoja",
    "When you put the sheet away, write the date and who holds it. Add a line each "
    "time it changes hands.":
        "Al guardar la hoja, anote la fecha y quién la tiene. Agregue una línea cada vez "
        "que cambie de manos.",
    "Date stored": "Fecha en que se guardó",
    "Held by (name)": "Quién la tiene (nombre)",
    "Where it is kept": "Dónde se guarda",
    "Signature": "Firma",
    "Secret. Keep this sheet locked away; do not copy, photograph or scan it.":
        "Secreto. Guarde esta hoja bajo llave; no la copie, fotografíe ni escanee.",
}
