"""The tabs of the client record, in display order (add one line per tab)."""

from __future__ import annotations

from ui.client_record.tab import RecordTab


def record_tabs() -> tuple[type[RecordTab], ...]:
    return ()
