"""The state's view: a read-only web page of the portal for headquarters.

`projection` keeps tables shaped like the desk's (participant, workshop, enrolment, session,
attendance, certificate, …) from the records the portal applies, in the same transaction, so
the desk's monthly review (`desktop.core.review`) runs over the portal unchanged: one
implementation of the funnel's definitions. `accounts` holds the portal's admin accounts and
their sessions, `figures` what the page shows, `web` its HTTP handling as plain functions
(request in → status, headers, body out), mounted by `desktop.portal.server`."""

from typing import Any


def ensure(conn: Any, create: bool = True) -> None:
    """Create (or bring up to date) the state's view's tables, in the caller's transaction:
    the one call a portal store makes when it opens. `create=False` where the tables are the
    store's own migration (PostgreSQL, `desktop.portal.pg.MIGRATIONS`): the reference data
    is seeded and the projection (re)built from the records all the same."""
    from desktop.portal.state import accounts, kept, projection

    projection.ensure(conn, create=create)
    if create:
        accounts.ensure(conn)
        kept.ensure(conn)
