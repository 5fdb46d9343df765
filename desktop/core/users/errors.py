"""Errors of the users layer, with messages for the person at the desk (never a PIN)."""

from __future__ import annotations


class UserError(Exception):
    """A refused users operation (unknown name, last admin, bad role...)."""


class AccessDenied(UserError):
    """The acting user's role may not do this; the message names the role needed."""

    def __init__(self, message: str, *, permission: object = None, needed: object = None) -> None:
        super().__init__(message)
        self.permission = permission
        self.needed = needed


class NotSignedIn(AccessDenied):
    """The desk has users and nobody has signed in (CLI: `--user NAME`)."""


class SignInError(UserError):
    """A wrong PIN, an unknown or disabled user, or a locked account."""

    def __init__(self, message: str, *, locked_until: object = None) -> None:
        super().__init__(message)
        self.locked_until = locked_until
