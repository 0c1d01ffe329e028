"""The shared field checker: every rejection names the field."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from clinic_app import codes
from clinic_app.errors import ValidationError
from clinic_app.services.common import Checker


@pytest.mark.parametrize("text", ["a\x00b", "lone \ud800 surrogate"])
def test_unstorable_text_rejected_naming_field(text: str) -> None:
    c = Checker()
    c.text(text, "notes", max_len=100)
    with pytest.raises(ValidationError) as exc:
        c.raise_if_any()
    assert "cannot be stored" in exc.value.errors["notes"]


def test_checker_collects_every_field() -> None:
    c = Checker()
    c.date("2026-02-30", "admission_date")
    c.date(date.today() + timedelta(days=1), "date_of_birth", past_only=True)
    c.code(codes.SEX, "martian", "sex")
    c.integer("12.5", "age_first_use", low=0, high=120)
    c.text("x" * 11, "phone", max_len=10)
    with pytest.raises(ValidationError) as exc:
        c.raise_if_any()
    assert set(exc.value.errors) == {"admission_date", "date_of_birth", "sex", "age_first_use", "phone"}
    assert "future" in exc.value.errors["date_of_birth"]
