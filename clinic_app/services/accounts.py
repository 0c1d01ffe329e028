"""Accounts: list, add, deactivate, reactivate, change role, reset and change passwords.

Administrators manage accounts; everyone can change their own password.  The last active
administrator can be neither deactivated nor demoted.  A password exists only as the
user's key slot (the data key wrapped with it), so setting one rewrites that slot.

Deactivating an account also removes its key slot: the person's old password then opens
nothing, even with a copy of today's key-slot file.  Reactivating therefore needs a new
password, set by the administrator (and changed by the user afterwards).

Ordering for safety: the user row is flushed first, then the slot file is rewritten
(atomically), then the transaction commits.  If the commit fails after the slot was
written, the slot of a user who does not exist opens nothing, since sign-in also needs
the active user row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from clinic_app.db.models import User
from clinic_app.db.types import utcnow
from clinic_app.errors import NotFound, ValidationError
from clinic_app.security.keys import normalise_user_name
from clinic_app.security.passwords import check_password_policy
from clinic_app.services import audit
from clinic_app.services.auth import ADMINISTRATOR, ROLES, Actor, require
from clinic_app.uow import UnitOfWork
from clinic_app.workspace import validate_user_name


@dataclass(frozen=True)
class UserInfo:
    id: int
    name: str
    full_name: str
    role: str
    active: bool
    created_at: datetime
    password_changed_at: datetime


def _info(u: User) -> UserInfo:
    return UserInfo(u.id, u.name, u.full_name, u.role, u.active, u.created_at, u.password_changed_at)


def _find(uow: UnitOfWork, name: str) -> User:
    user = uow.session.execute(select(User).where(User.name_key == normalise_user_name(name))).scalar_one_or_none()
    if user is None:
        raise NotFound(f"There is no account named {name!r}.")
    return user


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise ValidationError({"role": f"Choose one of: {', '.join(ROLES)}."})


def _other_active_admins(uow: UnitOfWork, user: User) -> int:
    return uow.session.execute(
        select(func.count()).select_from(User).where(User.role == ADMINISTRATOR, User.active.is_(True), User.id != user.id)
    ).scalar_one()


def list_users(uow: UnitOfWork, actor: Actor) -> tuple[UserInfo, ...]:
    require(uow, actor, ADMINISTRATOR)
    return tuple(_info(u) for u in uow.session.execute(select(User).order_by(User.name_key)).scalars())


def me(uow: UnitOfWork, actor: Actor) -> UserInfo:
    return _info(require(uow, actor))


def add_user(uow: UnitOfWork, actor: Actor, name: str, role: str, password: str, full_name: str = "") -> UserInfo:
    require(uow, actor, ADMINISTRATOR)
    errors: dict[str, str] = {}
    try:
        name = validate_user_name(name, "name")
    except ValidationError as exc:
        errors.update(exc.errors)
    else:
        if uow.session.execute(select(User.id).where(User.name_key == normalise_user_name(name))).first():
            errors["name"] = "An account with this name already exists. Choose another name."
        try:
            check_password_policy(name, password)
        except ValidationError as exc:
            errors.update(exc.errors)
    if role not in ROLES:
        errors["role"] = f"Choose one of: {', '.join(ROLES)}."
    if len(full_name) > 200:
        errors["full_name"] = "The full name can have at most 200 characters."
    if errors:
        raise ValidationError(errors)
    user = User(name=name, name_key=normalise_user_name(name), full_name=full_name.strip(), role=role, active=True)
    uow.session.add(user)
    uow.session.flush()
    audit.record(uow, actor, "user.added", entity="user", entity_id=user.id, details={"role": role})
    uow.workspace.set_user_password(name, password)
    return _info(user)


def reset_password(uow: UnitOfWork, actor: Actor, name: str, new_password: str) -> UserInfo:
    """An administrator sets a new password for an account (re-wrapping the data key)."""
    require(uow, actor, ADMINISTRATOR)
    user = _find(uow, name)
    check_password_policy(user.name, new_password)
    user.password_changed_at = utcnow()
    audit.record(uow, actor, "user.password_reset", entity="user", entity_id=user.id)
    if user.active:
        uow.workspace.set_user_password(user.name, new_password)
    return _info(user)


def change_own_password(uow: UnitOfWork, actor: Actor, current_password: str, new_password: str) -> UserInfo:
    user = require(uow, actor)
    if not uow.workspace.check_password(user.name, current_password):
        raise ValidationError({"current_password": "The current password is not correct."})
    check_password_policy(user.name, new_password, field="new_password")
    user.password_changed_at = utcnow()
    audit.record(uow, actor, "user.password_changed", entity="user", entity_id=user.id)
    uow.workspace.set_user_password(user.name, new_password)
    return _info(user)


def deactivate_user(uow: UnitOfWork, actor: Actor, name: str) -> UserInfo:
    require(uow, actor, ADMINISTRATOR)
    user = _find(uow, name)
    if not user.active:
        return _info(user)
    if user.role == ADMINISTRATOR and _other_active_admins(uow, user) == 0:
        raise ValidationError({"name": "This is the last active administrator; add another administrator first."})
    user.active = False
    audit.record(uow, actor, "user.deactivated", entity="user", entity_id=user.id)
    uow.workspace.remove_user_slot(user.name)
    return _info(user)


def reactivate_user(uow: UnitOfWork, actor: Actor, name: str, new_password: str) -> UserInfo:
    require(uow, actor, ADMINISTRATOR)
    user = _find(uow, name)
    check_password_policy(user.name, new_password)
    user.active = True
    user.password_changed_at = utcnow()
    audit.record(uow, actor, "user.reactivated", entity="user", entity_id=user.id)
    uow.workspace.set_user_password(user.name, new_password)
    return _info(user)


def set_role(uow: UnitOfWork, actor: Actor, name: str, role: str) -> UserInfo:
    require(uow, actor, ADMINISTRATOR)
    _check_role(role)
    user = _find(uow, name)
    if user.role == role:
        return _info(user)
    if user.role == ADMINISTRATOR and user.active and _other_active_admins(uow, user) == 0:
        raise ValidationError({"role": "This is the last active administrator; add another administrator first."})
    audit.record(uow, actor, "user.role_changed", entity="user", entity_id=user.id, details={"from": user.role, "to": role})
    user.role = role
    return _info(user)
