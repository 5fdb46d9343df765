"""The one permission table: which role may do what (issue 16).

Roles are ordered, each holding everything the role below it may do:
operator (attendance desk, walk-ins) < trainer (+ workshops, sessions, enrolment, field visits)
< coordinator (+ roster import, completion rules, certificates, sync and bundles, iGOT, venue,
audit log) < admin (+ users, keys, settings, restore).

The GUI asks `allowed()` to hide or disable what a role may not do; the core calls
`require()` as the first line of every protected entry point, so a script or a bug in a screen
cannot do it either."""

from __future__ import annotations

from enum import Enum, IntEnum


class Role(IntEnum):
    OPERATOR = 1
    TRAINER = 2
    COORDINATOR = 3
    ADMIN = 4

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Role:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown role {text!r}; one of {', '.join(r.label for r in cls)}"
            ) from None


class Permission(Enum):
    """Named actions; the value is the lowest role that may do it."""

    # operator: the attendance desk
    MARK_ATTENDANCE = Role.OPERATOR
    WALK_IN = Role.OPERATOR
    # trainer
    EDIT_WORKSHOPS = Role.TRAINER  # workshops, programmes and sessions
    ENROL = Role.TRAINER
    FIELD_VISITS = Role.TRAINER
    EDIT_PARTICIPANTS = Role.TRAINER  # one person's details by hand
    # coordinator
    IMPORT_ROSTER = Role.COORDINATOR
    COMPLETION_RULES = Role.COORDINATOR
    ISSUE_CERTIFICATES = Role.COORDINATOR
    REVOKE_CERTIFICATES = Role.COORDINATOR
    SYNC = Role.COORDINATOR  # portal sync, enrolment with a portal, rejected records
    BUNDLES = Role.COORDINATOR  # offline bundles and receipts
    IGOT = Role.COORDINATOR
    NODAL_OFFICERS = Role.COORDINATOR
    VENUE = Role.COORDINATOR  # host or join a venue hub (issue 18)
    VIEW_AUDIT = Role.COORDINATOR  # the audit log (issue 16, part 4)
    # admin
    MANAGE_USERS = Role.ADMIN
    KEYS = Role.ADMIN  # signing keys, trusted desk keys
    SETTINGS = Role.ADMIN  # centre and desk settings
    RESTORE = Role.ADMIN  # restore a backup over this database

    @property
    def role(self) -> Role:
        return Role(self.value)

    @property
    def label(self) -> str:
        return self.name.lower().replace("_", " ")


def role_allows(role: Role, permission: Permission) -> bool:
    return role >= permission.role


def permissions_of(role: Role) -> list[Permission]:
    return [p for p in Permission if role_allows(role, p)]
