"""The GUI's log: rotating files in the per-user log folder, with secrets masked.

Why a file at all: a trainer who meets an error cannot read a traceback, but can send the log
file to the district's administrator. The file is small (1 MiB, five old ones kept), so it
never fills a laptop's disk, and it lives in the per-user log folder (not beside the database,
which is copied into backups). Every record passes `SecretFilter`: tokens, passphrases, PINs,
API keys and signed QR texts never reach the file, whatever a message or traceback holds."""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
from pathlib import Path

import platformdirs

from desktop import APP_NAME

LOG_DIR_ENV_VAR = "KARMAYOGI_DESK_LOG_DIR"
LOG_NAME = "karmayogi-desk.log"
MAX_BYTES = 1024 * 1024
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(process)d %(threadName)s %(name)s: %(message)s"

_MASK = "***"
_SECRETS = [
    # key=value, key: value, "key": "value" for the names a secret goes by
    re.compile(
        r"""(?ix)
        (?P<key>["']?\b(?:[a-z_]*token|passphrase|password|pass|pin|api[_-]?key|secret|
        private[_-]?key|authorization|cookie|enrolment[_-]?code|code)\b["']?\s*[:=]\s*["']?)
        (?P<value>(?:bearer\s+)?[^\s"',;&]+)
        """
    ),
    re.compile(r"(?i)(?P<key>\bbearer\s+)(?P<value>[A-Za-z0-9._~+/=-]+)"),
    # a JWS / JWT (a certificate QR or a token): three base64url parts
    re.compile(r"(?P<key>)(?P<value>\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)"),
    # PEM blocks (private keys)
    re.compile(r"(?s)(?P<key>-----BEGIN [A-Z ]+-----)(?P<value>.+?)(?=-----END)"),
]


def mask_secrets(text: str) -> str:
    """`text` with every value that looks like a secret replaced by ***."""
    for pattern in _SECRETS:
        text = pattern.sub(lambda m: m.group("key") + _MASK, text)
    return text


class SecretFilter(logging.Filter):
    """Masks secrets in the formatted message and in a traceback's text."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask_secrets(record.getMessage())
        record.args = None
        if record.exc_info:
            # Format the traceback here, masked; the handler then uses exc_text as is.
            record.exc_text = mask_secrets(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        if record.stack_info:
            record.stack_info = mask_secrets(record.stack_info)
        return True


def log_dir() -> Path:
    """The per-user log folder (or $KARMAYOGI_DESK_LOG_DIR), made if missing."""
    env = os.environ.get(LOG_DIR_ENV_VAR)
    path = Path(env) if env else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_file() -> Path:
    return log_dir() / LOG_NAME


def setup_logging(
    folder: Path | None = None,
    *,
    max_bytes: int = MAX_BYTES,
    backup_count: int = BACKUP_COUNT,
    level: int = logging.INFO,
) -> Path:
    """Send the root logger to the rotating log file (once per file); returns the file."""
    path = (folder or log_dir()) / LOG_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for handler in root.handlers:
        if (
            isinstance(handler, logging.handlers.RotatingFileHandler)
            and Path(handler.baseFilename) == path.resolve()
        ):
            return path
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(SecretFilter())
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    return path


def stop_logging(path: Path) -> None:
    """Detach and close the handler writing `path` (tests, and a clean exit)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if (
            isinstance(handler, logging.handlers.RotatingFileHandler)
            and Path(handler.baseFilename) == Path(path).resolve()
        ):
            root.removeHandler(handler)
            handler.close()
