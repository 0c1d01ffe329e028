"""The client list's model: pages of ``search.list_clients``, the total from ``search.count_clients``.

:func:`client_list_model` builds a :class:`~ui.clients.paged_model.PagedTableModel` over
:class:`~clinic_app.services.search.ClientSummary` rows, and :func:`client_source` the page
source for one :class:`ClientQuery` (what was typed, the filters, the order).

Decisions:

- The core lists clients by name (folded "family given", then id), A→Z or Z→A
  (``descending``: the same index walked backwards, so the last page is as quick as the
  first).  The other columns are not sortable, because sorting only the rows fetched so
  far would lie about the rest.
- The first page asks for the count and the rows in one job on the database thread (two
  units of work: each call is audited on its own, as the core does for every list).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject

from clinic_app import codes
from clinic_app.services import search
from clinic_app.services.search import ClientSummary
from ui.clients.display import code_label, list_name, show_date, status_label
from ui.clients.paged_model import Column, Page, PagedTableModel, PageSource
from ui.session import Session

PAGE_SIZE = 200
#: the column that shows (and sorts by) the name
NAME_COLUMN = 1

T = TypeVar("T")


@dataclass(frozen=True)
class ClientQuery:
    """What the list shows: the text searched for, the filters, and the name order."""

    search: str = ""
    status: str | None = None
    counsellor_id: int | None = None
    programme: str | None = None
    descending: bool = False


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") with both written out


def client_columns() -> tuple[Column[ClientSummary], ...]:
    return (
        Column(translate("ClientList", "Code"), lambda c: c.code),
        Column(translate("ClientList", "Name"), lambda c: list_name(c.family_name, c.given_names)),
        Column(translate("ClientList", "Date of birth"), lambda c: show_date(c.date_of_birth)),
        Column(translate("ClientList", "Status"), lambda c: status_label(c.status)),
        Column(translate("ClientList", "Counsellor"),
               lambda c: c.counsellor_name or translate("ClientList", "Not assigned")),
        Column(translate("ClientList", "Programme"), lambda c: code_label(codes.PROGRAMME, c.programme)),
    )


def client_list_model(session: Session, parent: QObject | None = None) -> PagedTableModel[ClientSummary]:
    return PagedTableModel(session.runner, client_columns(), PAGE_SIZE, parent)


def client_source(session: Session, query: ClientQuery) -> PageSource[ClientSummary]:
    """The page source of ``query`` for :meth:`PagedTableModel.set_source`."""
    def filtered(service: Callable[..., T], **paging: Any) -> T:
        return session.call(service, search=query.search, status=query.status, counsellor_id=query.counsellor_id,
                            programme=query.programme, **paging)()

    def source(offset: int, limit: int, known_total: int | None) -> Callable[[], Page[ClientSummary]]:
        def job() -> Page[ClientSummary]:
            counted = filtered(search.count_clients) if known_total is None else None
            return Page(filtered(search.list_clients, offset=offset, limit=limit, descending=query.descending),
                        counted)

        return job

    return source
