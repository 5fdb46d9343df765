"""Local desk users, roles and the permission check (issue 16). No Qt."""

from desktop.core.users.accounts import (
    add_user,
    list_users,
    reset_pin,
    set_disabled,
    set_role,
)
from desktop.core.users.directory import User, active_users, find_user, has_users
from desktop.core.users.errors import AccessDenied, NotSignedIn, SignInError, UserError
from desktop.core.users.permissions import Permission, Role, permissions_of, role_allows
from desktop.core.users.session import (
    acting_user,
    allowed,
    implicit_user,
    needs_sign_in,
    require,
    require_on_file,
    sign_in,
    sign_out,
)

__all__ = [
    "AccessDenied",
    "NotSignedIn",
    "Permission",
    "Role",
    "SignInError",
    "User",
    "UserError",
    "acting_user",
    "active_users",
    "add_user",
    "allowed",
    "find_user",
    "has_users",
    "implicit_user",
    "list_users",
    "needs_sign_in",
    "permissions_of",
    "require",
    "require_on_file",
    "reset_pin",
    "role_allows",
    "set_disabled",
    "set_role",
    "sign_in",
    "sign_out",
]
