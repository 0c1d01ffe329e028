"""The tabs of the client record, in display order (add one line per tab)."""

from __future__ import annotations

from ui.client_record.care_plan import CarePlanTab
from ui.client_record.family import FamilyTab
from ui.client_record.followup import FollowupTab
from ui.client_record.history import HistoryTab
from ui.client_record.intake import IntakeTab
from ui.client_record.notes import NotesTab
from ui.client_record.overview import OverviewTab
from ui.client_record.tab import RecordTab


def record_tabs() -> tuple[type[RecordTab], ...]:
    return (
        OverviewTab,
        IntakeTab,
        CarePlanTab,
        NotesTab,
        FamilyTab,
        FollowupTab,
        HistoryTab,
    )
