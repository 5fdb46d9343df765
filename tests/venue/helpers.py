"""A venue on loopback for tests: a hub database with a workshop, joined desks on disk."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.core.attendance.desk import Desk
from desktop.core.centre import init_centre
from desktop.core.enrolment import WalkIn, register_walk_in
from desktop.core.venue import link
from desktop.core.venue.hub import VenueHub
from desktop.store import Store, open_store
from tests.attendance.helpers import workshop_with_people


def make_db(path: Path, desk: int) -> Store:
    store = open_store(path)
    init_centre(store, "TST", "Test Institute", "परीक्षण संस्थान", desk=desk)
    return store


def versions(store: Store) -> set[tuple[str, str, str, str]]:
    """Every synced record's (kind, id, updated_at, origin): what the desks must agree on."""
    return {(r["kind"], r["id"], r["updated_at"], r["origin"]) for r in store.iter_records()}


class Venue:
    """A hub on 127.0.0.1 over `hub.db` (desk 1, holding a workshop for today with `people`
    enrolled) and `n` desks that joined it."""

    def __init__(self, folder: Path, n: int = 2, people: int = 20, port: int = 0) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.hub_path = folder / "hub.db"
        self.hub_store = make_db(self.hub_path, 1)
        self.workshop, self.sessions, self.people = workshop_with_people(
            self.hub_store, date.today(), count=people)
        self.session = self.sessions[0]
        self.hub = VenueHub(self.hub_path, bind="127.0.0.1", port=port).start()
        self.port = self.hub.port
        self.desks: list[Store] = []
        for i in range(n):
            store = make_db(folder / f"desk{i + 2}.db", i + 2)
            link.join(store, self.hub.code.text())
            self.desks.append(store)

    @property
    def all(self) -> list[Store]:
        return [self.hub_store, *self.desks]

    def restart_hub(self) -> None:
        self.hub = VenueHub(self.hub_path, bind="127.0.0.1", port=self.port).start()

    def settle(self, rounds: int = 3) -> None:
        """Exchange until every desk has every record (a few rounds: a desk's marks reach
        the others on the round after the hub has them)."""
        for _ in range(rounds):
            for store in self.desks:
                link.exchange(store)

    def mark(self, store: Store, participant: str, status: str | None = None):
        return Desk(store, self.session).mark(
            participant, status=status, check_window=False)

    def walk_in(self, store: Store, n: int) -> str:
        pid, _ = register_walk_in(store, self.workshop, WalkIn(
            name_en=f"Walk In {n}", employee_code=f"WLK{n:05d}"))
        return pid

    def close(self) -> None:
        self.hub.stop()
        for store in self.all:
            store.close()
