"""Finding a hub on the LAN with zeroconf (mDNS/DNS-SD, `python-zeroconf`).

The hub announces `_karmayogi-venue._tcp` with its port and, in the TXT record, the
certificate fingerprint, institute and desk number. Discovery only saves typing the address:
the desk still needs the host's one-time secret to join, and it pins the announced
fingerprint, which the Venue panel shows in short form on both screens to compare by eye."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass
from typing import Any

from desktop.core.venue import code as codes

SERVICE_TYPE = "_karmayogi-venue._tcp.local."


@dataclass(frozen=True)
class FoundHub:
    name: str
    host: str
    port: int
    fingerprint: str
    institute: str
    desk: str

    def code(self, secret: str) -> codes.JoinCode:
        return codes.JoinCode(self.host, self.port, self.fingerprint,
                              codes.normalise_secret(secret))


def advertise(hub: Any) -> Any:
    """Announce a running hub; returns what `withdraw` needs."""
    from zeroconf import ServiceInfo, Zeroconf

    store_code = hub.code
    info = ServiceInfo(
        SERVICE_TYPE,
        f"Karmayogi venue {store_code.host.replace('.', '-')}-{hub.port}.{SERVICE_TYPE}",
        addresses=[socket.inet_aton(store_code.host)],
        port=hub.port,
        properties={"fp": store_code.fingerprint, "v": "1", "inst": hub.institute,
                    "desk": str(hub.desk)},
    )
    zc = Zeroconf()
    zc.register_service(info)
    return zc, info


def withdraw(handle: Any) -> None:
    zc, info = handle
    try:
        zc.unregister_service(info)
    finally:
        zc.close()


def browse(seconds: float = 2.0) -> list[FoundHub]:
    """Hubs answering on the LAN within `seconds` (none when multicast is blocked)."""
    from zeroconf import ServiceBrowser, ServiceListener, Zeroconf

    found: dict[str, FoundHub] = {}
    lock = threading.Lock()

    class Listener(ServiceListener):
        def _note(self, zc: Zeroconf, type_: str, name: str) -> None:
            info = zc.get_service_info(type_, name, timeout=1000)
            if info is None or not info.parsed_addresses():
                return
            props = {k.decode(): (v or b"").decode() for k, v in info.properties.items()}
            fp = props.get("fp", "")
            if len(fp) != 64:
                return
            with lock:
                found[name] = FoundHub(name, info.parsed_addresses()[0], int(info.port or 0),
                                       fp, props.get("inst", ""), props.get("desk", ""))

        def add_service(self, zc: Zeroconf, type_: str, name: str) -> None:
            self._note(zc, type_, name)

        def update_service(self, zc: Zeroconf, type_: str, name: str) -> None:
            self._note(zc, type_, name)

        def remove_service(self, zc: Zeroconf, type_: str, name: str) -> None:
            with lock:
                found.pop(name, None)

    zc = Zeroconf()
    try:
        ServiceBrowser(zc, SERVICE_TYPE, Listener())
        time.sleep(seconds)
    finally:
        zc.close()
    with lock:
        return sorted(found.values(), key=lambda h: h.name)
