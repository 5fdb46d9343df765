"""A PostgreSQL connection string made safe to show: its own module, so that the CLI and the
stores can name a database without importing psycopg (which a desk bundle leaves out)."""

from __future__ import annotations

import re


def redact(conninfo: str) -> str:
    """The connection string without its password, for logs and messages."""
    text = re.sub(r"(postgres(?:ql)?://[^:/@]+):[^@]*@", r"\1:***@", conninfo)
    return re.sub(r"(password\s*=\s*)\S+", r"\1***", text)
