"""Finding clients: the search-word normalisation, the search-term index, and client lists.

The index lives inside the encrypted database (table ``client_search_terms``, index
``ix_client_search_terms_term (term, client_id)``), so no name ever leaves it.

Decisions
---------
* **One normalisation for both sides.**  :func:`search_words` turns typed text into
  words; the very same function turns a client's names and code into stored terms
  (:func:`client_terms`), so whatever a name looks like, typing it finds it.
* **Folding** (:func:`fold`): case-folded, compatibility-decomposed, combining accents
  dropped, and a few Latin letters that have no decomposition mapped by hand
  (``ł``→``l``, ``ø``→``o``, ``æ``→``ae``…), so "Maria" finds "María", "lukasz" finds
  "Łukasz" and "strasse" finds "Straße".  Letters of every script are kept (the code
  lists' ``normalise_text`` keeps only ``a-z0-9``, which would make Greek, Cyrillic or
  Arabic names unsearchable).
* **Words**: whitespace separates tokens; inside a token, punctuation separates parts.
  Each part is a word, and a token of several parts is also stored joined, so
  "García-López" is found by "garcia", "lopez", "garcia-lo" and "garcialopez", "O'Brien"
  by "obrien", and the code ``C-2026-0042`` by "C-2026-0042", "c-2026-00", "c20260042",
  "2026" and "0042".  (Every code starts with "C", so typing just "c" lists everyone.)
* **Query**: a client matches when, for every word typed, one of its terms starts with
  that word: ``term >= w AND term < w || U+10FFFF`` (a range on the index's leading
  column: portable and index-backed).  The brief suggested ``U+FFFF`` as the upper bound;
  ``U+10FFFF`` (the largest code point, hence the largest UTF-8 sequence) also covers
  names written with characters beyond the Basic Multilingual Plane.  Terms are cut at
  200 characters (the column's size), and typed words the same way.
* Lists are ordered by ``clients.sort_name`` (folded "family given") then id, so paging
  with ``offset``/``limit`` is stable.  The "programme" of a client is the programme of its
  latest episode (the open one if there is one: episodes never overlap).
* **Audit**: a list or count is one entry per call ("clients.listed" / "clients.counted")
  with the number of results, never the names or the text searched for.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from clinic_app import codes
from clinic_app.db.models import Client, ClientSearchTerm, Episode, User
from clinic_app.services import audit
from clinic_app.services.auth import Actor
from clinic_app.services.common import Checker, require_records
from clinic_app.uow import UnitOfWork

TERM_MAX_LEN = 200
SORT_NAME_MAX_LEN = 400
PREFIX_END = "\U0010ffff"
MAX_SEARCH_WORDS = 20
MAX_PAGE = 10_000

_LETTER_MAP = str.maketrans({
    "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ŧ": "t", "ŀ": "l",
    "æ": "ae", "œ": "oe", "þ": "th", "ĳ": "ij",
})


def fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text`` (punctuation and spacing kept)."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.translate(_LETTER_MAP)


def _is_word_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LNM"


def _parts(token: str) -> list[str]:
    parts, current = [], []
    for ch in token:
        if _is_word_char(ch):
            current.append(ch)
        elif current:
            parts.append("".join(current))
            current = []
    if current:
        parts.append("".join(current))
    return parts


def search_words(text: str) -> tuple[str, ...]:
    """The words of ``text`` as stored and searched: folded parts, plus joined tokens.

    ``"María José Núñez-Ávila"`` -> ``("maria", "jose", "nunez", "avila", "nunezavila")``.
    """
    words: dict[str, None] = {}
    for token in fold(text).split():
        parts = _parts(token)
        for part in parts:
            words[part[:TERM_MAX_LEN]] = None
        if len(parts) > 1:
            words["".join(parts)[:TERM_MAX_LEN]] = None
    return tuple(words)


def client_terms(given_names: str, family_name: str, code: str) -> frozenset[str]:
    """Every search term of a client: the words of its names and of its code."""
    return frozenset(search_words(given_names) + search_words(family_name) + search_words(code))


def sort_name(family_name: str, given_names: str) -> str:
    """``clients.sort_name``: folded "family given", single-spaced, for ordering lists."""
    return " ".join(fold(f"{family_name} {given_names}").split())[:SORT_NAME_MAX_LEN]


def index_client(session: Session, client: Client) -> None:
    """(Re)write ``client``'s sort name and search terms after its names or code changed."""
    client.sort_name = sort_name(client.family_name, client.given_names)
    session.flush()
    session.execute(delete(ClientSearchTerm).where(ClientSearchTerm.client_id == client.id))
    terms = client_terms(client.given_names, client.family_name, client.code)
    if terms:
        session.execute(insert(ClientSearchTerm), [{"client_id": client.id, "term": t} for t in sorted(terms)])


def query_words(search: str) -> tuple[str, ...]:
    """The words a search needs, without words that another typed word already implies.

    Every part of every token must match (so "maria-jose" finds "María José"); a word
    that is a prefix of another typed word adds nothing and is dropped.
    """
    words = {part[:TERM_MAX_LEN] for token in fold(search).split() for part in _parts(token)}
    return tuple(sorted(w for w in words if not any(o != w and o.startswith(w) for o in words)))


def user_display_name() -> ColumnElement[str]:
    """SQL for the name shown for a user: the full name, or the account name if none."""
    return func.coalesce(func.nullif(User.full_name, ""), User.name)


@dataclass(frozen=True)
class ClientSummary:
    """One line of a client list."""

    id: int
    code: str
    family_name: str
    given_names: str
    date_of_birth: date
    status: str
    counsellor_name: str | None
    programme: str | None


def _latest_programme() -> ColumnElement[str | None]:
    return (
        select(Episode.programme)
        .where(Episode.client_id == Client.id)
        .order_by(Episode.admission_date.desc(), Episode.id.desc())
        .limit(1)
        .correlate(Client)
        .scalar_subquery()
    )


def _conditions(
    c: Checker, search: str | None, status: str | None, counsellor_id: int | None, programme: str | None
) -> list[ColumnElement[bool]]:
    """Check the filters shared by :func:`list_clients` and :func:`count_clients` (errors go
    to ``c``) and return their WHERE conditions."""
    words = query_words(search or "")
    if len(words) > MAX_SEARCH_WORDS:
        c.fail("search", f"Type at most {MAX_SEARCH_WORDS} words.")
    c.code(codes.EPISODE_STATUS, status, "status", required=False)
    c.code(codes.PROGRAMME, programme, "programme", required=False)
    c.integer(counsellor_id, "counsellor_id", low=1, high=2**62)
    conditions: list[ColumnElement[bool]] = [
        Client.id.in_(
            select(ClientSearchTerm.client_id).where(
                ClientSearchTerm.term >= word, ClientSearchTerm.term < word + PREFIX_END
            )
        )
        for word in words
    ]
    if status:
        conditions.append(Client.status == status)
    if counsellor_id is not None:
        conditions.append(Client.counsellor_id == counsellor_id)
    if programme:
        conditions.append(_latest_programme() == programme)
    return conditions


def list_clients(
    uow: UnitOfWork,
    actor: Actor,
    search: str | None = None,
    status: str | None = None,
    counsellor_id: int | None = None,
    programme: str | None = None,
    offset: int = 0,
    limit: int = 100,
) -> tuple[ClientSummary, ...]:
    """Clients matching every filter, ordered by name; ``search`` matches names and codes."""
    require_records(uow, actor)
    c = Checker()
    conditions = _conditions(c, search, status, counsellor_id, programme)
    c.integer(offset, "offset", low=0, high=2**62, required=True)
    c.integer(limit, "limit", low=1, high=MAX_PAGE, required=True)
    c.raise_if_any()
    query = (
        select(Client.id, Client.code, Client.family_name, Client.given_names, Client.date_of_birth,
               Client.status, user_display_name(), _latest_programme())
        .outerjoin(User, User.id == Client.counsellor_id)
        .where(*conditions)
        .order_by(Client.sort_name, Client.id)
        .offset(int(offset))
        .limit(int(limit))
    )
    rows = tuple(ClientSummary(*row) for row in uow.session.execute(query).all())
    audit.record(uow, actor, "clients.listed", entity="client", details={"results": len(rows)})
    return rows


def count_clients(
    uow: UnitOfWork,
    actor: Actor,
    search: str | None = None,
    status: str | None = None,
    counsellor_id: int | None = None,
    programme: str | None = None,
) -> int:
    """How many clients :func:`list_clients` would list with the same filters (all pages)."""
    require_records(uow, actor)
    c = Checker()
    conditions = _conditions(c, search, status, counsellor_id, programme)
    c.raise_if_any()
    total = int(uow.session.execute(select(func.count(Client.id)).where(*conditions)).scalar_one())
    audit.record(uow, actor, "clients.counted", entity="client", details={"results": total})
    return total
