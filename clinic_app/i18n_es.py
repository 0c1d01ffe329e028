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
}
