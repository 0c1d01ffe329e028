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
* **Reading the matches** (measured at 100,000 clients): reading client rows costs (one
  page of the encrypted file to decrypt per row, in random order); reading an index range
  costs little.  So the ids of the matching clients come from the term indexes alone: one
  word is one range of ``ix_client_search_terms_term``; several words are first measured
  (a capped count of each range, one query), the rarest drives, words of similar size are
  further ranges intersected with it (``INTERSECT``), much commoner words are probed per
  remaining client in the primary key index ``(client_id, term)``.  A word that starts no
  term ends the search at once.  The word "c" is dropped: every code starts with "C", so
  every client has it (a bare "c" lists everyone without collecting 100,000 ids, and
  "C-2025-00" becomes the small range "00" checked for "2025", with the same results as
  before).
* Up to :data:`FEW_MATCHES` matches are read by id and sorted.  With more, the list walks
  the name index (``ix_clients_sort_name``, or the status's or counsellor's index ordered
  by name) testing each client against the set of ids and stops at the page: no sort of
  every match, and at worst one pass over the name index.  Counts are exact: the distinct
  ids in the term index when nothing else filters (no client row read), else the filter's
  index walked testing the same set.  Rejected: an ``EXISTS`` probe per client along the
  name index (a random read each: fast when most clients match, half a second when none
  does); FTS5 (finds and counts well, but the name order is the costly part); a capped
  count ("1,000+": not needed, a single letter counts in about 9 ms).
* Lists are ordered by ``clients.sort_name`` (folded "family given") then id, A→Z or Z→A
  (the same index walked backwards), so paging with ``offset``/``limit`` is stable.  The
  "programme" of a client is the programme of its latest episode (the open one if there is
  one: episodes never overlap).
* **Audit**: a list or count is one entry per call ("clients.listed" / "clients.counted")
  with the number of results, never the names or the text searched for.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from sqlalchemy import Select, and_, delete, exists, func, insert, intersect, select
from sqlalchemy.orm import QueryableAttribute, Session, aliased
from sqlalchemy.sql.elements import ColumnElement, UnaryExpression
from sqlalchemy.sql.operators import custom_op

from clinic_app import codes
from clinic_app.db.models import Client, ClientSearchTerm, Episode, User
from clinic_app.services import audit
from clinic_app.services.auth import Actor
from clinic_app.services.common import Checker, require_records
from clinic_app.uow import UnitOfWork

T = TypeVar("T")
#: a column, mapped or not
ColumnLike = ColumnElement[T] | QueryableAttribute[T]

TERM_MAX_LEN = 200
SORT_NAME_MAX_LEN = 400
PREFIX_END = "\U0010ffff"
MAX_SEARCH_WORDS = 20
MAX_PAGE = 10_000
#: every client code starts with "C-", so every client has the search term "c"
EVERY_CLIENT_WORD = "c"
#: a typed word's terms are counted up to this many (to pick the rarest word cheaply)
SIZE_CAP = 10_000
#: a search matching at most this many clients reads them by id instead of walking the name order
FEW_MATCHES = 300
#: a word is intersected as a range when it has at most this many times the rarest word's terms
INTERSECT_RATIO = 20

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


def _starts_with(term: ColumnLike[str], word: str) -> ColumnElement[bool]:
    """``term`` starts with ``word``: a range on an index whose leading column is ``term``."""
    return and_(term >= word, term < word + PREFIX_END)


def _has_word(client_id: ColumnLike[int], word: str) -> ColumnElement[bool]:
    """The client ``client_id`` has a term starting with ``word`` (a probe of the primary key
    index ``(client_id, term)`` of ``client_search_terms``)."""
    term = aliased(ClientSearchTerm)
    return exists().where(term.client_id == client_id, _starts_with(term.term, word))


def _unindexed(column: QueryableAttribute[T]) -> ColumnElement[T]:
    """``+column``: SQLite's way of saying "do not pick an index for this condition"."""
    return UnaryExpression(column.expression, operator=custom_op("+"), type_=column.type)


@dataclass(frozen=True)
class _Filters:
    """The checked filters of one list or count: the words searched for and the others."""

    words: tuple[str, ...]
    status: str | None
    counsellor_id: int | None
    programme: str | None

    @property
    def has_indexed_filter(self) -> bool:
        """Filtered by status or counsellor (each has an index ordered by name)."""
        return self.status is not None or self.counsellor_id is not None

    def client_conditions(self, indexed: bool = True) -> list[ColumnElement[bool]]:
        """The filters other than the search, as conditions on ``clients`` (``indexed=False``:
        conditions that must not choose the index, for a few clients read by id)."""
        def column(c: QueryableAttribute[T]) -> ColumnElement[T] | QueryableAttribute[T]:
            return c if indexed else _unindexed(c)

        conditions: list[ColumnElement[bool]] = []
        if self.status:
            conditions.append(column(Client.status) == self.status)
        if self.counsellor_id is not None:
            conditions.append(column(Client.counsellor_id) == self.counsellor_id)
        if self.programme:
            conditions.append(_latest_programme() == self.programme)
        return conditions


def _check(c: Checker, search: str | None, status: str | None, counsellor_id: int | None,
           programme: str | None) -> _Filters:
    """Check the filters shared by :func:`list_clients` and :func:`count_clients` (errors go to ``c``)."""
    words = query_words(search or "")
    if len(words) > MAX_SEARCH_WORDS:
        c.fail("search", f"Type at most {MAX_SEARCH_WORDS} words.")
    return _Filters(
        words=tuple(w for w in words if w != EVERY_CLIENT_WORD),
        status=c.code(codes.EPISODE_STATUS, status, "status", required=False),
        counsellor_id=c.integer(counsellor_id, "counsellor_id", low=1, high=2**62),
        programme=c.code(codes.PROGRAMME, programme, "programme", required=False),
    )


@dataclass(frozen=True)
class _WordPlan:
    """How the ids of the clients having every typed word are read from the term indexes.

    ``ranged`` (rarest first) are ranges of ``ix_client_search_terms_term`` intersected with
    each other (``INTERSECT``: sorted sets, no random reads); each word in ``probed`` (much
    more common than the rarest) is looked up for each remaining client instead, in the
    primary key index ``(client_id, term)``.
    """

    ranged: tuple[str, ...]
    probed: tuple[str, ...] = ()

    def ids(self, distinct: bool) -> Select[int]:
        """The matching ids (each once if ``distinct``)."""
        ranges = [select(ClientSearchTerm.client_id).where(_starts_with(ClientSearchTerm.term, w))
                  for w in self.ranged]
        if len(ranges) == 1:
            ids = ranges[0].where(*(_has_word(ClientSearchTerm.client_id, w) for w in self.probed))
            return ids.distinct() if distinct else ids
        both = intersect(*ranges).subquery()
        return select(both.c.client_id).where(*(_has_word(both.c.client_id, w) for w in self.probed))


def _plan_words(session: Session, words: tuple[str, ...]) -> _WordPlan | None:
    """The plan for ``words``, or None when one of them starts no term at all.

    One word needs no measuring.  Several are measured in one query, counting each word's
    terms up to :data:`SIZE_CAP` (an index range, cheap), to pick the rarest and the words
    worth intersecting with it.
    """
    if len(words) == 1:
        return _WordPlan(words)
    capped = [
        select(func.count()).select_from(
            select(ClientSearchTerm.client_id).where(_starts_with(ClientSearchTerm.term, w)).limit(SIZE_CAP).subquery()
        ).scalar_subquery()
        for w in words
    ]
    sizes = dict(zip(words, session.execute(select(*capped)).one()))
    if 0 in sizes.values():
        return None
    ordered = sorted(words, key=lambda w: (sizes[w], w))
    rarest = sizes[ordered[0]]
    ranged = tuple(w for w in ordered if sizes[w] <= INTERSECT_RATIO * rarest)
    return _WordPlan(ranged, tuple(w for w in ordered if w not in ranged))


@dataclass(frozen=True)
class _Matches:
    """The clients having every typed word: a few ids, or (when there are more than
    :data:`FEW_MATCHES`) the plan to read them again inside the list or count query."""

    few: Sequence[int]
    plan: _WordPlan | None = None


def _matches(session: Session, words: tuple[str, ...]) -> _Matches:
    """The clients having every word of ``words`` (one query for the ids, at most two in all)."""
    plan = _plan_words(session, words)
    if plan is None:
        return _Matches(())
    few = session.scalars(plan.ids(distinct=True).limit(FEW_MATCHES + 1)).all()
    return _Matches(few) if len(few) <= FEW_MATCHES else _Matches((), plan)


def _count(session: Session, filters: _Filters) -> int:
    """How many clients match ``filters`` (see :func:`count_clients`)."""
    def count(*conditions: ColumnElement[bool]) -> int:
        return int(session.execute(select(func.count()).select_from(Client).where(*conditions)).scalar_one())

    conditions = filters.client_conditions()
    if not filters.words:
        return count(*conditions)
    if not conditions:  # the term indexes alone
        plan = _plan_words(session, filters.words)
        return 0 if plan is None else int(
            session.execute(select(func.count()).select_from(plan.ids(distinct=True).subquery())).scalar_one())
    matches = _matches(session, filters.words)
    if matches.plan is None:  # a few (or none): read them by id
        return count(*filters.client_conditions(indexed=False), Client.id.in_(matches.few)) if matches.few else 0
    # many: walk the status or counsellor index testing membership, else read them by id
    client_id = _unindexed(Client.id) if filters.has_indexed_filter else Client.id
    return count(*conditions, client_id.in_(matches.plan.ids(distinct=False)))


def _list_conditions(session: Session, filters: _Filters) -> list[ColumnElement[bool]] | None:
    """The conditions of a list (None: no client matches)."""
    if not filters.words:  # walk the name order (the status's or counsellor's, if filtered)
        return filters.client_conditions()
    matches = _matches(session, filters.words)
    if matches.plan is not None:  # many: walk the name order, testing each client against the set of ids
        return [*filters.client_conditions(), _unindexed(Client.id).in_(matches.plan.ids(distinct=False))]
    if matches.few:  # a few: read them by id and sort them
        return [*filters.client_conditions(indexed=False), Client.id.in_(matches.few)]
    return None


def list_clients(
    uow: UnitOfWork,
    actor: Actor,
    search: str | None = None,
    status: str | None = None,
    counsellor_id: int | None = None,
    programme: str | None = None,
    offset: int = 0,
    limit: int = 100,
    descending: bool = False,
) -> tuple[ClientSummary, ...]:
    """Clients matching every filter, ordered by name (Z→A if ``descending``); ``search``
    matches names and codes."""
    require_records(uow, actor)
    c = Checker()
    filters = _check(c, search, status, counsellor_id, programme)
    c.integer(offset, "offset", low=0, high=2**62, required=True)
    c.integer(limit, "limit", low=1, high=MAX_PAGE, required=True)
    c.raise_if_any()
    rows: tuple[ClientSummary, ...] = ()
    conditions = _list_conditions(uow.session, filters)
    if conditions is not None:
        order = (Client.sort_name.desc(), Client.id.desc()) if descending else (Client.sort_name, Client.id)
        query = (
            select(Client.id, Client.code, Client.family_name, Client.given_names, Client.date_of_birth,
                   Client.status, user_display_name(), _latest_programme())
            .outerjoin(User, User.id == Client.counsellor_id)
            .where(*conditions)
            .order_by(*order)
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
    filters = _check(c, search, status, counsellor_id, programme)
    c.raise_if_any()
    total = _count(uow.session, filters)
    audit.record(uow, actor, "clients.counted", entity="client", details={"results": total})
    return total
