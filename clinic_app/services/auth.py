"""Roles, the acting user, and the role check every service makes first.

The role is always read from the database, not trusted from the ``Actor`` the caller
holds, so a deactivated or demoted account loses its powers at its very next call.
"""

from __future__ import annotations

from dataclasses import dataclass

from clinic_app.db.models import User
from clinic_app.errors import PermissionDenied
from clinic_app.uow import UnitOfWork

ADMINISTRATOR = "administrator"
COUNSELLOR = "counsellor"
STATISTICS = "statistics"
ROLES = (ADMINISTRATOR, COUNSELLOR, STATISTICS)
ROLE_LABELS = {ADMINISTRATOR: "Administrator", COUNSELLOR: "Counsellor", STATISTICS: "Statistics staff"}

#: roles that work with client records
RECORD_ROLES = (ADMINISTRATOR, COUNSELLOR)


@dataclass(frozen=True)
class Actor:
    """The signed-in user on whose behalf a service runs."""

    user_id: int
    name: str
    role: str

    @property
    def is_admin(self) -> bool:
        return self.role == ADMINISTRATOR


def require(uow: UnitOfWork, actor: Actor, *roles: str) -> User:
    """The acting user's row, if the account is active and has one of ``roles``."""
    user = uow.session.get(User, actor.user_id)
    if user is None or not user.active:
        raise PermissionDenied("This account is deactivated; it can do nothing. Ask an administrator.")
    if roles and user.role not in roles:
        raise PermissionDenied("Your role does not allow this. Ask an administrator if you need it.")
    return user
