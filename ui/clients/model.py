"""The client list's model: pages of ``search.list_clients``, the total from ``search.count_clients``.

:func:`client_list_model` builds a :class:`~ui.clients.paged_model.PagedTableModel` over
:class:`~clinic_app.services.search.ClientSummary` rows, and :func:`client_source` the page
source for one :class:`ClientQuery` (what was typed, the filters, the order).

Decisions:

- The core lists clients in one order only: by name (folded "family given", then id).  Name
  Z→A is served by the same call, reading pages from the end (``offset = total - end``) and
  reversing each: no second query shape, still index-backed, still lazy.  The other columns
  are not sortable, because sorting only the rows fetched so far would lie about the rest.
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

CONTEXT = "ClientList"
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


def _translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def client_columns() -> tuple[Column[ClientSummary], ...]:
    return (
        Column(_translate("Code"), lambda c: c.code),
        Column(_translate("Name"), lambda c: list_name(c.family_name, c.given_names)),
        Column(_translate("Date of birth"), lambda c: show_date(c.date_of_birth)),
        Column(_translate("Status"), lambda c: status_label(c.status)),
        Column(_translate("Counsellor"), lambda c: c.counsellor_name or _translate("Not assigned")),
        Column(_translate("Programme"), lambda c: code_label(codes.PROGRAMME, c.programme)),
    )


def client_list_model(session: Session, parent: QObject | None = None) -> PagedTableModel[ClientSummary]:
    return PagedTableModel(session.runner, client_columns(), PAGE_SIZE, parent)


def client_source(session: Session, query: ClientQuery) -> PageSource[ClientSummary]:
    """The page source of ``query`` for :meth:`PagedTableModel.set_source`."""
    def filtered(service: Callable[..., T], **paging: Any) -> T:
        return session.call(service, search=query.search, status=query.status, counsellor_id=query.counsellor_id,
                            programme=query.programme, **paging)()

    def rows(offset: int, limit: int) -> tuple[ClientSummary, ...]:
        return filtered(search.list_clients, offset=offset, limit=limit)

    def source(offset: int, limit: int, known_total: int | None) -> Callable[[], Page[ClientSummary]]:
        def job() -> Page[ClientSummary]:
            counted = filtered(search.count_clients) if known_total is None else None
            if not query.descending:
                return Page(rows(offset, limit), counted)
            total = counted if counted is not None else known_total
            assert total is not None
            end = total - offset
            start = max(0, end - limit)
            return Page(tuple(reversed(rows(start, end - start))) if end > 0 else (), counted)

        return job

    return source
