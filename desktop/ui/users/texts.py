"""Texts shared by the users screens (context "Users")."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.core.users import Role

ROLE_NAMES = {
    Role.OPERATOR: QT_TRANSLATE_NOOP("Users", "Operator"),
    Role.TRAINER: QT_TRANSLATE_NOOP("Users", "Trainer"),
    Role.COORDINATOR: QT_TRANSLATE_NOOP("Users", "Coordinator"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Users", "Admin"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("Users", text)


def role_name(role: Role) -> str:
    return tr(ROLE_NAMES[role])
