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
    # --- the core's error messages, shown in the GUI in its language (ui.core_messages) -----------
    # Keys are the messages as the core raises them, a {placeholder} for each filled-in part
    # (tests/test_translations.py finds every one in clinic_app and fails on a missing key).
    # errors.py
    "The user name or password is not correct.": "El nombre de usuario o la contraseña no son correctos.",
    "Too many failed sign-ins. Please wait {seconds} second{s} and try again.":
        "Demasiados intentos fallidos. Espere {seconds} segundo{s} y vuelva a intentarlo.",
    # services/common.py: the checks shared by every form
    "This client record does not exist.": "Este expediente no existe.",
    "This episode of care does not exist.": "Este episodio de atención no existe.",
    "Expected text.": "Se esperaba un texto.",
    "This field is required.": "Este campo es obligatorio.",
    "At most {limit} characters (this has {length}).": "Como máximo {limit} caracteres (este tiene {length}).",
    "The text contains a character that cannot be stored.": "El texto contiene un carácter que no se puede guardar.",
    "Enter a date (YYYY-MM-DD).": "Escriba una fecha (AAAA-MM-DD).",
    "{value} is not a valid date; use YYYY-MM-DD, e.g. 2026-03-31.":
        "{value} no es una fecha válida; use AAAA-MM-DD, p. ej. 2026-03-31.",
    "Expected a date (YYYY-MM-DD).": "Se esperaba una fecha (AAAA-MM-DD).",
    "The date must be on or after {date}.": "La fecha debe ser el {date} o posterior.",
    "The date cannot be in the future.": "La fecha no puede ser futura.",
    "The date cannot be before {when}.": "La fecha no puede ser anterior a {when}.",
    "Choose a value for {field}.": "Elija un valor en «{field}».",
    "Enter a whole number between {low} and {high}.": "Escriba un número entero entre {low} y {high}.",
    # what a date may not be before ("The date cannot be before …")
    "the date of birth": "la fecha de nacimiento",
    "the client's date of birth": "la fecha de nacimiento de la persona usuaria",
    "the day the consent was given": "el día en que se dio el consentimiento",
    "the episode's admission date": "la fecha de admisión del episodio",
    "the admission date ({date})": "la fecha de admisión ({date})",
    "the discharge date ({date})": "la fecha del alta ({date})",
    "the day this version was created ({date})": "el día en que se creó esta versión ({date})",
    "the day this plan was activated ({date})": "el día en que se activó este plan ({date})",
    # the fields a coded answer is chosen for ("Choose a value for …")
    "sex": "sexo",
    "gender identity": "identidad de género",
    "nationality": "nacionalidad",
    "preferred language": "idioma preferido",
    "programme": "programa",
    "centre type": "tipo de centro",
    "referral source": "fuente de derivación",
    "previously treated": "tratamiento previo",
    "living with": "convivencia",
    "living with children": "convive con menores",
    "has children": "tiene hijos o hijas",
    "housing": "vivienda",
    "labour status": "situación laboral",
    "education": "nivel educativo",
    "injecting": "consumo por vía inyectada",
    "opioid substitution": "tratamiento de sustitución de opioides",
    "tested hiv": "prueba de VIH",
    "tested hcv": "prueba de hepatitis C",
    "tested hbv": "prueba de hepatitis B",
    "primary drug": "sustancia principal",
    "primary route": "vía de la sustancia principal",
    "primary frequency": "frecuencia de la sustancia principal",
    "secondary 1 route": "vía de la sustancia secundaria 1",
    "secondary 1 frequency": "frecuencia de la sustancia secundaria 1",
    "secondary 2 route": "vía de la sustancia secundaria 2",
    "secondary 2 frequency": "frecuencia de la sustancia secundaria 2",
    "secondary 3 route": "vía de la sustancia secundaria 3",
    "secondary 3 frequency": "frecuencia de la sustancia secundaria 3",
    "reason": "motivo",
    "relationship": "parentesco",
    "carer": "persona que cuida",
    "domain": "ámbito",
    "status": "estado",
    "note type": "tipo de nota",
    "context": "contexto",
    "channel": "medio",
    "outcome": "resultado",
    # codes.py: coded answers, substances, BARC-10
    "{field} is required; {expected}.": "{field} es obligatorio; {expected}.",
    "“{value}” is not a valid {field}; {expected}.": "«{value}» no es un valor válido de {field}; {expected}.",
    "expected one of: {choices}": "se espera uno de: {choices}",
    "{choices}, … ({count} choices)": "{choices}, … ({count} opciones)",
    "The start date cannot be before the last contact.": "La fecha de inicio no puede ser anterior al último contacto.",
    "At most {count} secondary drugs can be recorded.": "Se pueden registrar como máximo {count} sustancias secundarias.",
    "Leave secondary drugs empty rather than choosing “not known”.":
        "Deje vacías las sustancias secundarias en lugar de elegir «no se sabe».",
    "The same secondary drug is listed twice.": "La misma sustancia secundaria figura dos veces.",
    "The primary drug cannot also be a secondary drug.": "La sustancia principal no puede ser también secundaria.",
    "“{value}” is not an age in whole years.": "«{value}» no es una edad en años cumplidos.",
    "“{value}” is not a BARC-10 answer; expected 1 to 6.": "«{value}» no es una respuesta del BARC-10; se espera de 1 a 6.",
    "“{value}” is not a BARC-10 item.": "«{value}» no es un ítem del BARC-10.",
    "Every BARC-10 statement needs an answer.": "Cada afirmación del BARC-10 necesita una respuesta.",
    # security: passwords, recovery code, key slots, the database
    "The password must be at least {length} characters long.": "La contraseña debe tener al menos {length} caracteres.",
    "The password must not be the user name.": "La contraseña no puede ser el nombre de usuario.",
    "This password is too common. Choose a longer phrase only you would use.":
        "Esta contraseña es demasiado común. Elija una frase más larga que solo usted usaría.",
    "A recovery code has {expected} letters and digits (7 groups of 4); this one has {count}.":
        "Un código de recuperación tiene {expected} letras y cifras (7 grupos de 4); este tiene {count}.",
    "A recovery code never contains {characters}. Please check the sheet.":
        "Un código de recuperación nunca contiene {characters}. Revise la hoja.",
    "This recovery code has a typing mistake. Please check each group against the sheet.":
        "Este código de recuperación tiene un error de escritura. Compare cada grupo con la hoja.",
    "The key-slot file is not one this version of Continuum understands.":
        "Esta versión de Continuum no entiende el archivo de claves.",
    "The key-slot file is damaged and cannot be read.": "El archivo de claves está dañado y no se puede leer.",
    "The key-slot file (keyslots.json) is missing from the data folder, so the database cannot be opened. "
    "Restore it from a backup.":
        "Falta el archivo de claves (keyslots.json) en la carpeta de datos, así que la base de datos no se puede "
        "abrir. Restáurelo desde una copia de seguridad.",
    "A key-slot file already exists in this data folder.": "Ya hay un archivo de claves en esta carpeta de datos.",
    "SQLCipher is not available: refusing to open the database without encryption.":
        "SQLCipher no está disponible: la base de datos no se abre sin cifrado.",
    # workspace.py: setting up, signing in, recovering
    "Enter a user name.": "Escriba un nombre de usuario.",
    "A user name can have at most 100 characters.": "Un nombre de usuario puede tener como máximo 100 caracteres.",
    "A user name cannot contain control characters.": "Un nombre de usuario no puede contener caracteres de control.",
    "Enter the organisation's name.": "Escriba el nombre de la organización.",
    "The data folder {folder} already holds a Continuum database.":
        "La carpeta de datos {folder} ya contiene una base de datos de Continuum.",
    "The database in {folder} cannot be read with its keys: it is damaged or was replaced. It was left as it "
    "is; restore the newest backup.":
        "La base de datos de {folder} no se puede leer con sus claves: está dañada o fue sustituida. Se dejó "
        "como estaba; restaure la copia de seguridad más reciente.",
    "This database was made by a newer version of Continuum. Install that version (or newer) to open it; "
    "nothing was changed.":
        "Esta base de datos la creó una versión más reciente de Continuum. Instale esa versión (o una más "
        "reciente) para abrirla; no se cambió nada.",
    "There is no Continuum database in {folder}. Set one up first, or restore a backup.":
        "No hay ninguna base de datos de Continuum en {folder}. Configure una primero o restaure una copia de "
        "seguridad.",
    "The database file is missing from {folder}. Restore it from a backup.":
        "Falta el archivo de la base de datos en {folder}. Restáurelo desde una copia de seguridad.",
    "This account is deactivated. Ask an administrator.": "Esta cuenta está desactivada. Consulte a un administrador.",
    "The password is not correct.": "La contraseña no es correcta.",
    "This recovery code does not open this database.": "Este código de recuperación no abre esta base de datos.",
    "There is no administrator account with this name.": "No hay ninguna cuenta de administrador con este nombre.",
    # services: accounts, roles, settings
    "There is no account named {name}.": "No hay ninguna cuenta llamada {name}.",
    "An account with this name already exists. Choose another name.":
        "Ya existe una cuenta con este nombre. Elija otro nombre.",
    "Choose one of: {choices}.": "Elija uno de estos valores: {choices}.",
    "The full name can have at most 200 characters.": "El nombre completo puede tener como máximo 200 caracteres.",
    "The current password is not correct.": "La contraseña actual no es correcta.",
    "This is the last active administrator; add another administrator first.":
        "Es la última cuenta de administrador activa; agregue antes otra cuenta de administrador.",
    "This account is deactivated; it can do nothing. Ask an administrator.":
        "Esta cuenta está desactivada; no puede hacer nada. Consulte a un administrador.",
    "Your role does not allow this. Ask an administrator if you need it.":
        "Su función no le permite hacer esto. Si lo necesita, consulte a un administrador.",
    "The organisation's name can have at most 200 characters.":
        "El nombre de la organización puede tener como máximo 200 caracteres.",
    "The address can have at most 500 characters.": "La dirección puede tener como máximo 500 caracteres.",
    "The logo must be a PNG image.": "El logotipo debe ser una imagen PNG.",
    "The logo must be smaller than 2 MB.": "El logotipo debe ocupar menos de 2 MB.",
    "The idle lock must be between 1 and 240 minutes.": "El bloqueo por inactividad debe estar entre 1 y 240 minutos.",
    "List the check-up months in increasing order, each between 1 and 120 (e.g. 3, 6, 12).":
        "Escriba los meses de las revisiones en orden creciente, cada uno entre 1 y 120 (p. ej. 3, 6, 12).",
    "The threshold must be between {low} and 100.": "El umbral debe estar entre {low} y 100.",
    "The notice can have at most 1000 characters.": "El aviso puede tener como máximo 1000 caracteres.",
    # services: clients, episodes, intake, consents
    "This is not an e-mail address (expected name@example.org).":
        "Esto no es una dirección de correo electrónico (se espera nombre@ejemplo.org).",
    "Choose an active counsellor or administrator.": "Elija un o una profesional de referencia o un administrador activos.",
    "The age at first use ({age}) is above the client's age at the assessment ({age_at_assessment}).":
        "La edad de inicio del consumo ({age}) es mayor que la edad de la persona en la evaluación "
        "({age_at_assessment}).",
    "The number of children must be 0 or empty when the client has no children.":
        "El número de hijos o hijas debe ser 0 o quedar vacío si la persona no tiene hijos.",
    "The client has children: the number cannot be 0.": "La persona tiene hijos o hijas: el número no puede ser 0.",
    "A substance is recorded as injected, so the client has injected.":
        "Hay una sustancia registrada como inyectada, así que la persona se ha inyectado.",
    "The date of birth cannot be after an admission or assessment date.":
        "La fecha de nacimiento no puede ser posterior a una fecha de admisión o de evaluación.",
    "With this date of birth, a recorded age at first use ({age}) would be above the client's age at the "
    "assessment.":
        "Con esta fecha de nacimiento, una edad de inicio registrada ({age}) sería mayor que la edad de la "
        "persona en la evaluación.",
    "This client already has an open episode of care; discharge it before opening a new one.":
        "Esta persona ya tiene un episodio de atención abierto; dele el alta antes de abrir uno nuevo.",
    "The admission date cannot be before the end of the previous episode ({date}).":
        "La fecha de admisión no puede ser anterior al final del episodio anterior ({date}).",
    "The client was treated here before: choose “Previously treated”.":
        "La persona ya fue atendida aquí: elija «Tratamiento previo».",
    "This episode already has an intake assessment.": "Este episodio ya tiene una evaluación de admisión.",
    "Only consent to share with named services lists services.":
        "Solo el consentimiento para compartir con servicios designados enumera servicios.",
    "This consent is listed twice.": "Este consentimiento figura dos veces.",
    "This consent is already recorded (given on {date}); withdraw it first.":
        "Este consentimiento ya está registrado (dado el {date}); retírelo primero.",
    "This consent record does not exist.": "Este registro de consentimiento no existe.",
    "This consent was already withdrawn on {date}.": "Este consentimiento ya se retiró el {date}.",
    "Expected an answer for each of the ten BARC-10 statements.":
        "Se esperaba una respuesta para cada una de las diez afirmaciones del BARC-10.",
    "Choose one of this client's episodes of care.": "Elija uno de los episodios de atención de esta persona.",
    # services: care plans, notes, family, discharge, check-ups
    "This care plan does not exist.": "Este plan de atención no existe.",
    "This episode of care is discharged; its care plan can no longer change.":
        "Este episodio de atención tiene el alta; su plan de atención ya no puede cambiar.",
    "Version {version} of this care plan is {status} and cannot be edited; create a new draft version to "
    "change it.":
        "La versión {version} de este plan de atención está en estado «{status}» y no se puede editar; cree una "
        "nueva versión en borrador para cambiarla.",
    "draft": "borrador",
    "active": "vigente",
    "superseded": "sustituida",
    "This care-plan goal does not exist.": "Este objetivo del plan de atención no existe.",
    "Version {version} of this care plan is already a draft; continue with it.":
        "La versión {version} de este plan de atención ya es un borrador; continúe con ella.",
    "The review date cannot be in the past.": "La fecha de revisión no puede ser pasada.",
    "List every goal of this plan exactly once.": "Incluya cada objetivo de este plan exactamente una vez.",
    "Version {version} has been superseded; it can no longer be signed.":
        "La versión {version} fue sustituida; ya no se puede firmar.",
    "Add at least one goal before activating the plan.": "Agregue al menos un objetivo antes de activar el plan.",
    "Set a review date before activating the plan.": "Fije una fecha de revisión antes de activar el plan.",
    "The review date is in the past; set a new one before activating the plan.":
        "La fecha de revisión ya pasó; fije una nueva antes de activar el plan.",
    "Only the active plan can be reviewed; version {version} is {status}.":
        "Solo se puede revisar el plan vigente; la versión {version} está en estado «{status}».",
    "Expected a status for each reviewed goal.": "Se esperaba un estado para cada objetivo revisado.",
    "This goal is not part of the plan being reviewed.": "Este objetivo no forma parte del plan que se revisa.",
    "This note does not exist, or it is another person's unsigned draft.":
        "Esta nota no existe o es un borrador sin firmar de otra persona.",
    "This note does not exist.": "Esta nota no existe.",
    "Only its author can change, sign or discard a draft note.":
        "Solo quien la escribió puede cambiar, firmar o descartar una nota en borrador.",
    "This note is signed and can no longer be changed; write an amendment.":
        "Esta nota está firmada y ya no se puede cambiar; escriba una corrección.",
    "Only a signed note of this client can be amended.": "Solo se puede corregir una nota firmada de esta persona.",
    "This draft belongs to another client.": "Este borrador pertenece a otra persona usuaria.",
    "The note an amendment corrects cannot be changed.": "La nota que corrige una corrección no se puede cambiar.",
    "Expected yes or no.": "Se esperaba sí o no.",
    "A son or daughter of the client is recorded as a child.":
        "Un hijo o una hija de la persona usuaria se registra como menor.",
    "A child of this client (born {year}) would be born in {earliest} or later.":
        "Un hijo o una hija de esta persona (nacida en {year}) habría nacido en {earliest} o después.",
    "This family member's record does not exist.": "El registro de este familiar no existe.",
    "Choose one of this client's family members.": "Elija uno de los familiares de esta persona.",
    "This episode is already discharged; its discharge plan can no longer be changed.":
        "Este episodio ya tiene el alta; su plan de alta ya no se puede cambiar.",
    "At most {count} referrals.": "Como máximo {count} derivaciones.",
    "Expected the service, contact details and notes of the referral.":
        "Se esperaban el servicio, los datos de contacto y las notas de la derivación.",
    "Unknown referral fields: {fields}.": "Campos de derivación desconocidos: {fields}.",
    "This episode is already discharged.": "Este episodio ya tiene el alta.",
    "This check-up does not exist.": "Esta revisión no existe.",
    "This check-up is already done; its outcome cannot be recorded again.":
        "Esta revisión ya se hizo; su resultado no se puede registrar de nuevo.",
    "This check-up was cancelled because the client re-entered care.":
        "Esta revisión se canceló porque la persona volvió a recibir atención.",
    "Say whether the person was reached (yes or no).": "Indique si se pudo contactar con la persona (sí o no).",
    "A BARC-10 can only be recorded when the person took part in the check-up.":
        "Solo se puede registrar un BARC-10 si la persona participó en la revisión.",
    "Record at least one attempt that did not reach the person before marking them lost to contact.":
        "Registre al menos un intento sin contacto antes de marcar a la persona como ilocalizable.",
    # services: printing, search, worklists, statistics
    "Client {code} has no episode of care.": "La persona usuaria {code} no tiene ningún episodio de atención.",
    "Choose one of the episodes of care of client {code}.":
        "Elija uno de los episodios de atención de la persona usuaria {code}.",
    "Give the client code, e.g. C-2026-0042.": "Indique el código de la persona usuaria, p. ej. C-2026-0042.",
    "There is no client with the code {code}.": "No hay ninguna persona usuaria con el código {code}.",
    "Choose the plan either by its id or by its version, not both.":
        "Elija el plan por su identificador o por su versión, no por ambos.",
    "This care plan is not one of client {code}'s.": "Este plan de atención no es de la persona usuaria {code}.",
    "The care plan of client {code}'s current episode has no version {version} (versions: {known}).":
        "El plan de atención del episodio actual de la persona usuaria {code} no tiene versión {version} "
        "(versiones: {known}).",
    "Client {code}'s current episode of care has no care plan yet.":
        "El episodio de atención actual de la persona usuaria {code} aún no tiene plan de atención.",
    "Client {code}'s episode of care admitted on {date} is not discharged and has no discharge plan yet.":
        "El episodio de atención de la persona usuaria {code} con admisión el {date} no tiene el alta ni plan "
        "de alta todavía.",
    "Client {code}'s episode of care admitted on {date} has no intake assessment.":
        "El episodio de atención de la persona usuaria {code} con admisión el {date} no tiene evaluación de "
        "admisión.",
    "Type at most {count} words.": "Escriba como máximo {count} palabras.",
    "Choose {mine} (your caseload) or {all} (every client).":
        "Elija {mine} (sus casos) o {all} (todas las personas usuarias).",
    "Enter a year from {first} to {last} (four digits).": "Escriba un año de {first} a {last} (cuatro cifras).",
    "Choose the language of the export: {choices}.": "Elija el idioma de la exportación: {choices}.",
    "The threshold must be a whole number between {low} and {high}.":
        "El umbral debe ser un número entero entre {low} y {high}.",
    "The threshold cannot be below {low}: smaller counts could identify people.":
        "El umbral no puede ser menor que {low}: los recuentos más pequeños podrían identificar a personas.",
    "The threshold can be at most {high}.": "El umbral puede ser como máximo {high}.",
    "{folder} is a file; give a folder for the export.": "{folder} es un archivo; indique una carpeta para la exportación.",
    "The folder {folder} is not empty; choose a new or empty folder so that no earlier export is overwritten.":
        "La carpeta {folder} no está vacía; elija una carpeta nueva o vacía para no sobrescribir una "
        "exportación anterior.",
    "The folder {folder} does not exist.": "La carpeta {folder} no existe.",
    "Enter a number of clients between 1 and {count}.": "Escriba un número de personas usuarias entre 1 y {count}.",
    "The seed is a whole number.": "La semilla es un número entero.",
    # services/intake.py: importing clients from a spreadsheet
    "The file is not UTF-8 text; save it as “CSV UTF-8”.": "El archivo no es texto UTF-8; guárdelo como «CSV UTF-8».",
    "Cannot read {path}: {reason}.": "No se puede leer {path}: {reason}.",
    "The file is empty; the first line must name the columns.":
        "El archivo está vacío; la primera línea debe nombrar las columnas.",
    "unknown column {names}": "columna desconocida {names}",
    "unknown columns {names}": "columnas desconocidas {names}",
    "repeated column {names}": "columna repetida {names}",
    "repeated columns {names}": "columnas repetidas {names}",
    "missing required column {names}": "falta la columna obligatoria {names}",
    "missing required columns {names}": "faltan las columnas obligatorias {names}",
    "{cells} cells, but the header names {columns} columns.":
        "{cells} celdas, pero el encabezado nombra {columns} columnas.",
    "This line cannot be read as CSV ({reason}).": "Esta línea no se puede leer como CSV ({reason}).",
    "The file has no rows below its header line.": "El archivo no tiene filas debajo del encabezado.",
    "There is no account named “{name}”.": "No hay ninguna cuenta llamada «{name}».",
    "Give the drug, or leave {prefix}_route, _frequency and _age_first_use empty.":
        "Indique la sustancia o deje vacías {prefix}_route, _frequency y _age_first_use.",
    "Give the date in consent_share_services too, or leave the services empty.":
        "Indique también la fecha en consent_share_services o deje vacíos los servicios.",
    "{column} is required.": "{column} es obligatorio.",
    "A client with the same names and date of birth is already recorded ({code}).":
        "Ya hay registrada una persona usuaria con los mismos nombres y fecha de nacimiento ({code}).",
    "Same names and date of birth as line {line}.": "Mismos nombres y fecha de nacimiento que la línea {line}.",
    # backup: making, checking and restoring backups
    "the manifest (manifest.json)": "el manifiesto (manifest.json)",
    "the database (continuum.db)": "la base de datos (continuum.db)",
    "the key-slot file (keyslots.json)": "el archivo de claves (keyslots.json)",
    "the archive's table of contents": "el índice del archivo",
    "the archive's seal (the end of the file)": "el sello del archivo (el final del archivo)",
    "the archive": "el archivo",
    "The manifest of this backup does not match the key that opened it: the archive was altered.":
        "El manifiesto de esta copia de seguridad no corresponde a la clave que la abrió: el archivo fue alterado.",
    "The database copy cannot be read: {reason}": "La copia de la base de datos no se puede leer: {reason}",
    "The database has no schema yet; there is nothing to back up.":
        "La base de datos aún no tiene esquema; no hay nada que copiar.",
    "There is not enough free space in {folder}: the backup needs about {need} MB, {free} MB are free.":
        "No hay espacio libre suficiente en {folder}: la copia necesita unos {need} MB y hay {free} MB libres.",
    "The backup folder {folder} does not exist or is not a folder.":
        "La carpeta de copias de seguridad {folder} no existe o no es una carpeta.",
    "The key-slot file is missing from the data folder, so no usable backup can be made.":
        "Falta el archivo de claves en la carpeta de datos, así que no se puede hacer una copia utilizable.",
    "The backup could not be made: {reason}. No backup file was written.":
        "No se pudo hacer la copia de seguridad: {reason}. No se escribió ningún archivo de copia.",
    "The backup could not be written to {folder}: {reason}. No backup file was written.":
        "No se pudo escribir la copia de seguridad en {folder}: {reason}. No se escribió ningún archivo de copia.",
    "The copy of the database failed its integrity checks, so no backup was written: {problems}":
        "La copia de la base de datos no superó las comprobaciones de integridad, así que no se escribió "
        "ninguna copia de seguridad: {problems}",
    "The copy of the database does not hold the same rows as the database; no backup was written.":
        "La copia de la base de datos no tiene las mismas filas que la base de datos; no se escribió ninguna "
        "copia de seguridad.",
    "The backup archive did not verify after writing: {problems}":
        "El archivo de la copia de seguridad no superó la verificación después de escribirse: {problems}",
    "The database was not upgraded, because the backup before the upgrade failed: {reason}":
        "La base de datos no se actualizó porque falló la copia de seguridad previa a la actualización: {reason}",
    "The file is empty: it is not a usable backup.": "El archivo está vacío: no es una copia de seguridad utilizable.",
    "This file is not a Continuum backup archive.": "Este archivo no es una copia de seguridad de Continuum.",
    "The archive is incomplete (truncated): it ends after {size} bytes, before its table of contents. It was "
    "cut short, for example by a copy that did not finish, and cannot be used.":
        "El archivo está incompleto (truncado): termina tras {size} bytes, antes de su índice. Quedó cortado, "
        "por ejemplo por una copia que no terminó, y no se puede usar.",
    "{part} is damaged.": "{part} presenta daños.",
    "{part} is damaged: its bytes differ from those written when the backup was made.":
        "{part} presenta daños: sus bytes difieren de los que se escribieron al hacer la copia.",
    "{part} lists {names} instead of {expected}.": "{part} enumera {names} en lugar de {expected}.",
    "{part} is not stored the way Continuum writes it.": "{part} no se guardó como lo hace Continuum.",
    "{part} cannot be used: {reason}.": "{part} no se puede usar: {reason}.",
    "{part} cannot be read back: {reason}.": "{part} no se puede volver a leer: {reason}.",
    "{part} does not match the SHA-256 recorded in the manifest.":
        "{part} no coincide con el SHA-256 registrado en el manifiesto.",
    "{part} is damaged: {reason}.": "{part} presenta daños: {reason}.",
    "There is no file {path}.": "No existe el archivo {path}.",
    "{part} cannot be read: {reason}.": "{part} no se puede leer: {reason}.",
    "This backup was made by Continuum {version} (database schema {schema}), which is newer than this version "
    "({current}). Install Continuum {version} or later to restore it.":
        "Esta copia de seguridad la hizo Continuum {version} (esquema de base de datos {schema}), más reciente "
        "que esta versión ({current}). Instale Continuum {version} o una versión posterior para restaurarla.",
    "Give either an account's name and password, or the recovery code, not both.":
        "Indique el nombre y la contraseña de una cuenta o el código de recuperación, no ambos.",
    "Give the name of an account in the backup (or use the recovery code).":
        "Indique el nombre de una cuenta de la copia de seguridad (o use el código de recuperación).",
    "Give the account's password.": "Indique la contraseña de la cuenta.",
    "This recovery code does not open this backup.": "Este código de recuperación no abre esta copia de seguridad.",
    "This account's password was bound to the computer where it was set, so it cannot open the backup here. "
    "Use the recovery code (or another account's password).":
        "La contraseña de esta cuenta quedó vinculada a la computadora donde se fijó, así que no puede abrir la "
        "copia aquí. Use el código de recuperación (o la contraseña de otra cuenta).",
    "{part} belongs to another installation than the manifest says.":
        "{part} pertenece a una instalación distinta de la que indica el manifiesto.",
    "{part} changed while it was being read.": "{part} cambió mientras se leía.",
    "Enter a whole number of 0 or more.": "Escriba un número entero igual o mayor que 0.",
    "audit log: {problem}": "registro de auditoría: {problem}",
    "This backup belongs to another installation: give a password or the recovery code of that installation "
    "to test it.":
        "Esta copia de seguridad pertenece a otra instalación: indique una contraseña o el código de "
        "recuperación de esa instalación para probarla.",
    "The data folder {folder} holds another installation, not the one this backup was made of. Restore into "
    "an empty folder, or move that installation's files away first.":
        "La carpeta de datos {folder} contiene otra instalación, no aquella de la que se hizo esta copia. "
        "Restaure en una carpeta vacía o mueva antes a otro lugar los archivos de esa instalación.",
    "Only an administrator's password (or the recovery code) can restore a backup.":
        "Solo la contraseña de un administrador (o el código de recuperación) permite restaurar una copia de "
        "seguridad.",
    "The backup {name} failed its checks, so nothing was restored: {problems}":
        "La copia de seguridad {name} no superó las comprobaciones, así que no se restauró nada: {problems}",
    "The backup {name} cannot be used: {problems}": "La copia de seguridad {name} no se puede usar: {problems}",
    "The key-slot file {path} is missing, so the database cannot be opened by any password or the recovery "
    "code.":
        "Falta el archivo de claves {path}, así que ninguna contraseña ni el código de recuperación pueden abrir "
        "la base de datos.",
    "The database file {path} is missing.": "Falta el archivo de la base de datos {path}.",
    "The database file {path} is empty.": "El archivo de la base de datos {path} está vacío.",
    "The audit log is damaged: {problem}.": "El registro de auditoría está dañado: {problem}.",
    "The database failed its integrity checks.": "La base de datos no superó las comprobaciones de integridad.",
    # security/keystore.py: the computer's password store (My account, Organisation settings)
    "This computer has no secure password store available to Continuum. Binding the data to this computer is "
    "not possible; everything else works normally.":
        "Esta computadora no tiene un almacén seguro de contraseñas que Continuum pueda usar. No es posible "
        "vincular los datos a esta computadora; todo lo demás funciona con normalidad.",
    "This computer's secure password store is available.":
        "El almacén seguro de contraseñas de esta computadora está disponible.",
}
