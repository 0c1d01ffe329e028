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
    # --- statistics (clinic_app/statistics): report, tables, data-quality check -----------
    "Annual statistics {year}": "Estadísticas anuales {year}",
    "Produced on {date}.": "Elaborado el {date}.",
    "Anonymised figures for {year}. Unless a table says otherwise, counts are episodes of care, "
    "as in the Treatment Demand Indicator (TDI): a person who started treatment twice in the year"
    " counts twice. No table names a person, gives a date finer than the year or an exact age, or"
    " describes a place smaller than the organisation.":
        "Cifras anonimizadas de {year}. Salvo que una tabla indique otra cosa, se cuentan "
        "episodios de atención, como en el Indicador de Demanda de Tratamiento (TDI): una persona"
        " que inició tratamiento dos veces en el año se cuenta dos veces. Ninguna tabla nombra a "
        "una persona, da una fecha más precisa que el año o una edad exacta, ni describe un lugar"
        " más pequeño que la organización.",
    "Counts from 1 to {max} are not shown, and further figures are hidden where needed so that a "
    "hidden figure cannot be worked out from the row, column or grand totals. Zero is shown. "
    "Percentages are of the line's total and are left out where either figure is hidden. Medians "
    "are shown only when they rest on at least {threshold} episodes.":
        "No se muestran los recuentos de 1 a {max}, y se ocultan otras cifras cuando hace falta "
        "para que una cifra oculta no pueda deducirse de los totales de fila, de columna o "
        "generales. El cero se muestra. Los porcentajes se calculan sobre el total de la línea y "
        "se omiten cuando alguna de las dos cifras está oculta. Las medianas solo se muestran "
        "cuando se basan en al menos {threshold} episodios.",
    "Clients who withdrew their consent to anonymised statistics are left out of every table and "
    "counted only in the key figures.":
        "Las personas que retiraron su consentimiento para las estadísticas anonimizadas quedan "
        "fuera de todas las tablas y solo se cuentan en las cifras principales.",
    "Categories follow Continuum's code lists, version {version}.":
        "Las categorías siguen las listas de códigos de Continuum, versión {version}.",
    "* Not shown: a count from 1 to {max}, or a figure hidden so that it cannot be worked out "
    "from the totals.":
        "* No se muestra: un recuento de 1 a {max}, o una cifra oculta para que no pueda "
        "deducirse de los totales.",
    "Anonymised aggregate statistics: counts from 1 to {max} are not shown.":
        "Estadísticas agregadas anonimizadas: no se muestran los recuentos de 1 a {max}.",
    "Key figures": "Cifras principales",
    "Reporting year {year}": "Año de referencia {year}",
    "Number": "Número",
    "Figure": "Cifra",
    "Median": "Mediana",
    "All": "Total",
    "Admissions (episodes of care started)": "Admisiones (episodios de atención iniciados)",
    "Discharges (episodes of care ended)": "Altas (episodios de atención finalizados)",
    "Successful completions": "Finalizaciones con éxito",
    "Recovery check-ups due": "Revisiones de seguimiento previstas",
    "Children of the clients admitted": "Hijos e hijas de las personas admitidas",
    "Clients left out: consent to statistics withdrawn":
        "Personas excluidas: retiraron el consentimiento para estadísticas",
    "Successful completions are also shown as a percentage of discharges.":
        "Las finalizaciones con éxito se muestran también como porcentaje de las altas.",
    "episodes of care": "episodios de atención",
    "care-plan goals": "objetivos del plan de atención",
    "check-ups": "revisiones de seguimiento",
    "Admissions": "Admisiones",
    "Admissions by age group and sex": "Admisiones por grupo de edad y sexo",
    "Episodes of care admitted in {year}; age on the admission date":
        "Episodios de atención admitidos en {year}; edad en la fecha de admisión",
    "Age group": "Grupo de edad",
    "Sex": "Sexo",
    "Under 15": "Menos de 15",
    "65 and over": "65 y más",
    "Not known": "No consta",
    "Not recorded": "Sin registrar",
    "Young people admitted": "Personas jóvenes admitidas",
    "Under 18": "Menos de 18",
    "25 and over": "25 y más",
    "Women among admissions and successful completions":
        "Mujeres entre las admisiones y las finalizaciones con éxito",
    "Episodes of care admitted in {year}, and episodes discharged in {year} with a successful "
    "completion":
        "Episodios de atención admitidos en {year} y episodios con alta en {year} por "
        "finalización con éxito",
    "Population": "Población",
    "Admissions by primary substance": "Admisiones por sustancia principal",
    "Episodes of care admitted in {year}": "Episodios de atención admitidos en {year}",
    "Primary substance (drug group)": "Sustancia principal (grupo)",
    "Admissions by source of referral": "Admisiones por fuente de derivación",
    "Source of referral": "Fuente de derivación",
    "Admissions by previous treatment": "Admisiones por tratamiento previo",
    "Previous treatment": "Tratamiento previo",
    "Admissions by living situation (with whom)": "Admisiones por convivencia (con quién vive)",
    "Living with": "Con quién vive",
    "Admissions by labour status": "Admisiones por situación laboral",
    "Labour status": "Situación laboral",
    "Admissions by living with own children": "Admisiones según la convivencia con hijos propios",
    "Living with own children": "Vive con sus hijos",
    "Admissions by number of children": "Admisiones por número de hijos",
    "Number of children": "Número de hijos",
    "No children": "Sin hijos",
    "3 or more": "3 o más",
    "Discharges and care plans": "Altas y planes de atención",
    "Discharges by reason (TEDS groups)": "Altas por motivo (grupos TEDS)",
    "Episodes of care discharged in {year}": "Episodios de atención con alta en {year}",
    "Reason for discharge (TEDS)": "Motivo del alta (TEDS)",
    "Discharges by outcome (NDTMS groups)": "Altas por resultado (grupos NDTMS)",
    "Discharge outcome (NDTMS)": "Resultado del alta (NDTMS)",
    "Care-plan goals at discharge by domain and status":
        "Objetivos del plan de atención al alta por ámbito y estado",
    "Goals of the care plan active at discharge, episodes of care discharged in {year}":
        "Objetivos del plan de atención vigente al alta, episodios de atención con alta en {year}",
    "Recovery domain": "Ámbito de recuperación",
    "Goal status": "Estado del objetivo",
    "Recovery check-ups": "Revisiones de seguimiento",
    "Recovery check-ups by months after discharge and outcome":
        "Revisiones de seguimiento por meses tras el alta y resultado",
    "Check-ups due in {year} at 3, 6, 12 and 24 months after discharge (cancelled ones left out)":
        "Revisiones previstas en {year} a los 3, 6, 12 y 24 meses del alta (sin contar las "
        "canceladas)",
    "Months after discharge": "Meses tras el alta",
    "Outcome": "Resultado",
    "No outcome recorded yet": "Sin resultado registrado aún",
    "3 months": "3 meses",
    "6 months": "6 meses",
    "12 months": "12 meses",
    "24 months": "24 meses",
    "Recovery check-ups: people reached": "Revisiones de seguimiento: personas contactadas",
    "Check-ups": "Revisiones",
    "Due": "Previstas",
    "Reached": "Contactadas",
    "Reached: doing well, needs support, re-linked to treatment or declined. A figure is left out"
    " when one of its parts is not shown.":
        "Contactadas: va bien, necesita apoyo, vuelve a tratamiento o rechazó la revisión. Una "
        "cifra se omite cuando alguna de sus partes no se muestra.",
    "Recovery capital": "Capital de recuperación",
    "Change in recovery capital (BARC-10) since the first assessment":
        "Cambio en el capital de recuperación (BARC-10) desde la primera evaluación",
    "Episodes of care whose latest BARC-10 up to the end of {year} was taken in {year}, compared "
    "with their first":
        "Episodios de atención cuya última evaluación BARC-10 hasta el final de {year} se hizo en"
        " {year}, comparada con la primera",
    "Change in BARC-10 total": "Cambio en la puntuación total del BARC-10",
    "Fell by 10 or more": "Bajó 10 o más",
    "Fell by 5 to 9": "Bajó de 5 a 9",
    "Changed by 4 or less": "Cambió 4 o menos",
    "Rose by 5 to 9": "Subió de 5 a 9",
    "Rose by 10 or more": "Subió 10 o más",
    "Recovery capital (BARC-10): medians": "Capital de recuperación (BARC-10): medianas",
    "BARC-10 total (10–60)": "Puntuación total BARC-10 (10–60)",
    "Median at intake": "Mediana en la admisión",
    "Median at the latest assessment": "Mediana en la última evaluación",
    "Median change": "Mediana del cambio",
    "Medians are shown only when they rest on at least as many episodes as the threshold.":
        "Las medianas solo se muestran cuando se basan en al menos tantos episodios como el umbral.",
    "Age at admission": "Edad en la admisión",
    "Intake assessment": "Evaluación de admisión",
    "Primary substance": "Sustancia principal",
    "Reason for discharge": "Motivo del alta",
    "Care plan active at discharge": "Plan de atención vigente al alta",
    "Date of birth after the admission date":
        "Fecha de nacimiento posterior a la fecha de admisión",
    "Age at first use above the age at admission":
        "Edad de inicio del consumo mayor que la edad en la admisión",
    "Discharge date before the admission date": "Fecha de alta anterior a la fecha de admisión",
    "Discharged episode without a discharge reason": "Episodio con alta sin motivo del alta",
    "Discharged episode without a discharge date": "Episodio con alta sin fecha del alta",
    "Answers about children contradict each other": "Las respuestas sobre los hijos se contradicen",
    # --- documents: shared parts of the client documents (record_parts.py) -----------------------
    "{programme}, admitted {date}": "{programme}, admisión el {date}",
    "discharged {date}": "alta el {date}",
    "Nothing recorded.": "Sin datos registrados.",
    "Statement": "Afirmación",
    "Signatures": "Firmas",
    "Signature of the client": "Firma de la persona usuaria",
    "Signature of the counsellor": "Firma del o la profesional de referencia",
    "Total (10–60)": "Total (10–60)",
    "Housing": "Vivienda",
    "Has children": "Tiene hijos",
    "Highest education completed": "Nivel de estudios terminado",
    "Injecting": "Consumo por vía inyectada",
    "Opioid substitution treatment": "Tratamiento sustitutivo de opioides",
    "HIV testing": "Prueba del VIH",
    "Hepatitis C testing": "Prueba de la hepatitis C",
    "Hepatitis B testing": "Prueba de la hepatitis B",
    "Legal situation": "Situación legal",
    "Physical health": "Salud física",
    "Mental health": "Salud mental",
    "Risks": "Riesgos",
    "Notes": "Observaciones",
    "Gender identity": "Identidad de género",
    "Nationality": "Nacionalidad",
    "Preferred language": "Idioma preferido",
    "Programme": "Programa",
    "Type of centre": "Tipo de centro",
    # --- documents/care_plan.py ------------------------------------------------------------------
    "Care plan": "Plan de atención",
    "Goal": "Objetivo",
    "Actions": "Acciones",
    "Responsible": "Responsable",
    "Target date": "Fecha prevista",
    "Status": "Estado",
    "Recovery capital (BARC-10)": "Capital de recuperación (BARC-10)",
    "At intake": "En la admisión",
    "First assessment": "Primera evaluación",
    "Latest": "Última",
    "since {date}": "desde el {date}",
    "Goals": "Objetivos",
    "1 goal": "1 objetivo",
    "{count} goals": "{count} objetivos",
    "Other area": "Otro ámbito",
    "The client's signature was recorded on {date}.": "La firma de la persona usuaria se registró el {date}.",
    "The counsellor's signature was recorded on {date} ({name}).":
        "La firma del o la profesional se registró el {date} ({name}).",
    "Client": "Persona usuaria",
    "Client code": "Código de la persona usuaria",
    "Date of birth": "Fecha de nacimiento",
    "Episode of care": "Episodio de atención",
    "Plan version": "Versión del plan",
    "Version {version}": "Versión {version}",
    "Review date": "Fecha de revisión",
    "Counsellor": "Profesional de referencia",
    "Created on": "Fecha de creación",
    "Draft: this version is not in force yet. It may still change before it is agreed and signed.":
        "Borrador: esta versión todavía no está vigente. Puede cambiar antes de acordarse y firmarse.",
    "Superseded on {date}: this is not the current version of the plan.":
        "Sustituido el {date}: esta no es la versión vigente del plan.",
    "No BARC-10 has been recorded in this episode.": "No se ha registrado ningún BARC-10 en este episodio.",
    "This version of the plan has no goals yet.": "Esta versión del plan todavía no tiene objetivos.",
    # --- documents/discharge_summary.py ----------------------------------------------------------
    "Discharge summary": "Informe de alta",
    "Discharged on {date}": "Alta el {date}",
    "Not discharged yet": "Sin alta todavía",
    "Admission date": "Fecha de admisión",
    "Planned discharge date": "Fecha prevista del alta",
    "Discharge date": "Fecha del alta",
    "This episode of care has not been discharged yet: this is the discharge plan as it stands.":
        "Este episodio de atención todavía no tiene el alta: este es el plan de alta tal como está "
        "ahora.",
    "Goals achieved": "Objetivos conseguidos",
    "Goals achieved: {achieved} of {total} (care plan, version {version}).":
        "Objetivos conseguidos: {achieved} de {total} (plan de atención, versión {version}).",
    "No care plan was in force for this episode.": "Este episodio no tuvo un plan de atención vigente.",
    "Area of life": "Ámbito",
    "Other goals": "Otros objetivos",
    "After discharge": "Después del alta",
    "Aftercare arrangements": "Apoyo acordado tras el alta",
    "Relapse-prevention plan": "Plan de prevención de recaídas",
    "Referrals": "Derivaciones",
    "Service": "Servicio",
    "Contact details": "Datos de contacto",
    "No referrals were made.": "No se hicieron derivaciones.",
    "Check-up": "Revisión",
    "{months} months after discharge": "{months} meses después del alta",
    "{outcome} (on {date})": "{outcome} (el {date})",
    "Cancelled: the client came back into care": "Cancelada: la persona volvió a tratamiento",
    "Pending": "Pendiente",
    "We will get in touch around these dates to hear how you are doing.":
        "Nos pondremos en contacto en torno a estas fechas para saber cómo le va.",
    "Recovery check-ups are scheduled when the episode is discharged.":
        "Las revisiones de seguimiento se programan al dar el alta del episodio.",
    "No recovery check-ups are scheduled.": "No hay revisiones de seguimiento programadas.",
    # --- documents/intake_summary.py -------------------------------------------------------------
    "Intake summary": "Resumen de admisión",
    "Admitted on {date}": "Admisión el {date}",
    "Personal details": "Datos personales",
    "Given names": "Nombre",
    "Family name": "Apellidos",
    "Phone": "Teléfono",
    "E-mail": "Correo electrónico",
    "Address": "Dirección",
    "Assessed on": "Fecha de la evaluación",
    "Substances": "Sustancias",
    "Substance": "Sustancia",
    "Primary": "Principal",
    "Secondary {number}": "Secundaria {number}",
    "Route": "Vía",
    "Frequency (last 30 days)": "Frecuencia (últimos 30 días)",
    "Age at first use": "Edad de inicio",
    "Health, legal situation and risks": "Salud, situación legal y riesgos",
    "Consents": "Consentimientos",
    "Consent": "Consentimiento",
    "Named services": "Servicios designados",
    "Given on": "Fecha en que se dio",
    "Withdrawn on": "Fecha de retirada",
    "No consent has been recorded.": "No se ha registrado ningún consentimiento.",
    "No intake assessment has been recorded for this episode.":
        "No se ha registrado la evaluación de admisión de este episodio.",
    "No BARC-10 was taken at intake.": "No se hizo el BARC-10 en la admisión.",
    # --- documents/blank_forms.py ----------------------------------------------------------------
    "Intake form": "Formulario de admisión",
    "Care plan form": "Formulario del plan de atención",
    "To fill in by hand when the computer is not available":
        "Para rellenar a mano cuando no se pueda usar la computadora",
    "Enter this form into Continuum as soon as the computer is available. Tick one box for each "
    "question unless it says otherwise, and write dates as day, month and year.":
        "Registre este formulario en Continuum en cuanto pueda usar la computadora. Marque una casilla "
        "por pregunta salvo que se indique otra cosa, y escriba las fechas como día, mes y año.",
    "Write the goals agreed with the client under each area of life that applies and leave the others "
    "empty. Tick the status of each goal. Enter the plan into Continuum as soon as the computer is "
    "available.":
        "Escriba los objetivos acordados con la persona en cada ámbito que corresponda y deje los demás "
        "en blanco. Marque el estado de cada objetivo. Registre el plan en Continuum en cuanto pueda "
        "usar la computadora.",
    "Client code (given by Continuum)": "Código de la persona usuaria (lo asigna Continuum)",
    "Each column is one substance: tick the substance, its usual route and how often it was used in the "
    "last 30 days in the same column. Up to three secondary substances.":
        "Cada columna es una sustancia: marque la sustancia, su vía habitual y la frecuencia de consumo "
        "en los últimos 30 días en la misma columna. Hasta tres sustancias secundarias.",
    "Tick each consent the client gives and write the date. Sharing with named services needs the names "
    "of the services.":
        "Marque cada consentimiento que da la persona y escriba la fecha. Para compartir con servicios "
        "designados hay que anotar el nombre de los servicios.",
    "Given": "Dado",
    "Date given": "Fecha",
    "Read each statement to the client, or let them read it, and tick one box per line.":
        "Lea cada afirmación a la persona, o deje que la lea, y marque una casilla por línea.",
    "At a review of the plan: read each statement to the client, or let them read it, and tick one box "
    "per line.":
        "En una revisión del plan: lea cada afirmación a la persona, o deje que la lea, y marque una "
        "casilla por línea.",
    "Date taken": "Fecha",
    "For the office": "Para la oficina",
    "Entered into Continuum on": "Registrado en Continuum el",
    "By": "Por",
}
