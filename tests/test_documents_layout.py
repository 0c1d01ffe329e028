"""Tests of the shared document layout (fonts, letterhead, footer, tables) and the recovery sheet."""

from __future__ import annotations

import io
import re
import string
from datetime import date, datetime

import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph

from clinic_app.documents import layout
from clinic_app.documents.recovery_sheet import render_recovery_sheet
from clinic_app.i18n import SUPPORTED_LANGUAGES, format_date, normalise_lang, tr
from clinic_app.i18n_es import CATALOGUE

ORG = "Asociación Núñez – Đorđe Øyvind"
CODE = "7K3M-Q9PA-W2XD-H8RT-ZB4N-C6YF-J5GV"
CREATED = date(2026, 3, 5)  # not today, so the footer's print date cannot stand in for it


def _reader(pdf: bytes) -> PdfReader:
    assert pdf.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(pdf))


def _squashed(text: str) -> str:
    """Text without any whitespace (the code may be wrapped over two lines)."""
    return "".join(text.split())


def _font_objects(reader: PdfReader) -> list:
    fonts = []
    for page in reader.pages:
        resources = page["/Resources"].get_object()
        for ref in resources["/Font"].get_object().values():
            fonts.append(ref.get_object())
    return fonts


@pytest.mark.parametrize(
    ("lang", "date_text", "instruction_word"),
    [("en", "5 Mar 2026", "locked away"), ("es", "5 mar 2026", "llave")],
)
def test_recovery_sheet_content(lang: str, date_text: str, instruction_word: str) -> None:
    reader = _reader(render_recovery_sheet(ORG, CODE, CREATED, lang))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert ORG in text  # including "Đ", "đ" and "–", which are not Latin-1
    assert CODE in _squashed(text)
    assert date_text in text
    assert instruction_word in text
    assert "Page 1 of 1" in text if lang == "en" else "Página 1 de 1" in text


def test_recovery_sheet_spanish_is_translated() -> None:
    text = _reader(render_recovery_sheet(ORG, CODE, CREATED, "es-AR")).pages[0].extract_text()
    for word in ("Código de recuperación", "contraseñas", "computadora", "Guarde", "Quién la tiene"):
        assert word in text
    assert "Keep it safe" not in text


def test_recovery_sheet_accepts_code_without_hyphens() -> None:
    bare = CODE.replace("-", "").lower()
    text = _reader(render_recovery_sheet(ORG, bare, CREATED)).pages[0].extract_text()
    assert CODE in _squashed(text)


def _assert_fonts_embedded(reader: PdfReader) -> list:
    """Every font on every page is a TrueType subset embedded in the file (no Helvetica)."""
    fonts = _font_objects(reader)
    assert fonts
    for font in fonts:
        assert "/FontDescriptor" in font, f"not embedded: {font['/BaseFont']}"
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]
    return fonts


def test_recovery_sheet_embeds_fonts_and_keeps_metadata_impersonal() -> None:
    reader = _reader(render_recovery_sheet(ORG, CODE, CREATED, "en"))
    fonts = _assert_fonts_embedded(reader)
    assert any("DejaVuSans-Bold" in str(font["/BaseFont"]) for font in fonts)
    meta = reader.metadata
    assert meta.title == "Recovery code"
    assert not meta.author
    assert CODE not in str(dict(meta))


def _long_document(rows: int = 200) -> bytes:
    st = layout.styles()
    data = [["Row number", "Contact date", "Session note"]] + [
        [str(i), format_date(date(2026, 1, 1 + i % 28), "en"), "Talked about work & <goals>. " * (1 + i % 4)]
        for i in range(rows)
    ]
    frame = layout.DocumentFrame(
        ORG,
        org_address="Calle Mayor 12\n28013 Madrid",
        title="Contact log",
        printed_by="Ana Pérez",
        printed_at=datetime(2026, 11, 24, 9, 30),
    )
    story = [
        Paragraph("Contact log", st["title"]),
        layout.table(data, ["15%", "20%", "65%"]),
        layout.signature_lines(["Signature of the key worker"], "en"),
    ]
    return layout.build_pdf(frame, story)


def test_long_table_pages_are_numbered_and_repeat_the_header() -> None:
    reader = _reader(_long_document())
    total = len(reader.pages)
    assert total > 1
    texts = [page.extract_text() for page in reader.pages]
    assert f"Page 1 of {total}" in texts[0]
    assert f"Page {total} of {total}" in texts[-1]
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {total}" in text
        assert "Row number" in text and "Contact date" in text and "Session note" in text
        assert ORG in text and "Contact log" in text  # letterhead
        assert "Printed on 24 Nov 2026 by Ana Pérez" in text
        assert "may not be disclosed further" in text  # default confidentiality notice
    everything = "\n".join(texts)
    assert "Talked about work & <goals>." in everything  # escaped, not read as markup
    assert "199" in texts[-1] and "Signature of the key worker" in texts[-1]
    meta = reader.metadata
    assert meta.title == "Contact log" and not meta.author
    _assert_fonts_embedded(reader)


def test_spanish_footer_and_custom_or_no_notice() -> None:
    frame = layout.DocumentFrame(ORG, title="Plan", lang="es", printed_at=datetime(2026, 2, 1))
    text = _reader(layout.build_pdf(frame, [])).pages[0].extract_text()
    assert "Página 1 de 1" in text and "Impreso el 1 feb 2026" in text
    assert "No puede divulgarse" in text

    silent = layout.DocumentFrame(ORG, title="Plan", confidentiality_notice="")
    text = _reader(layout.build_pdf(silent, [])).pages[0].extract_text()
    assert "disclosed" not in text and "Page 1 of 1" in text


def test_a_row_taller_than_a_page_is_split_not_lost() -> None:
    st = layout.styles()
    huge = " ".join(f"word{i}" for i in range(4000))
    frame = layout.DocumentFrame(ORG, title="Notes")
    pdf = layout.build_pdf(frame, [Paragraph("Notes", st["title"]),
                                   layout.table([["Field", "Value"], ["Notes", huge]], [80, "*"])])
    reader = _reader(pdf)
    assert len(reader.pages) > 1
    text = _squashed("".join(page.extract_text() for page in reader.pages))
    assert "word0" in text and "word3999" in text


def test_logo_is_drawn_and_a_broken_logo_is_left_out() -> None:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), (20, 80, 160)).save(buffer, "PNG")
    frame = layout.DocumentFrame(ORG, title="Form", logo_png=buffer.getvalue())
    page = _reader(layout.build_pdf(frame, [])).pages[0]
    assert page["/Resources"]["/XObject"]

    broken = layout.DocumentFrame(ORG, title="Form", logo_png=b"not a png")
    assert ORG in _reader(layout.build_pdf(broken, [])).pages[0].extract_text()


def test_i18n_helpers() -> None:
    assert SUPPORTED_LANGUAGES == ("en", "es")
    assert normalise_lang("es-AR") == "es"
    assert normalise_lang("es_ES.UTF-8") == "es"
    assert normalise_lang("fr") == "en"
    assert normalise_lang(None) == "en"
    assert format_date(date(2026, 11, 24), "en") == "24 Nov 2026"
    assert format_date(datetime(2026, 11, 24, 23, 59), "es") == "24 nov 2026"
    assert tr("Page {page} of {total}", "es", page=2, total=3) == "Página 2 de 3"
    assert tr("Not in any catalogue {x}", "es", x=1) == "Not in any catalogue 1"
    assert tr("Date", "fr") == "Date"


def test_spanish_catalogue_keeps_the_placeholders() -> None:
    fields = string.Formatter()
    for english, spanish in CATALOGUE.items():
        want = {name for _, name, _, _ in fields.parse(english) if name is not None}
        got = {name for _, name, _, _ in fields.parse(spanish) if name is not None}
        assert want == got, english
        assert spanish.strip() and not re.search(r"\s{2,}", spanish), english
