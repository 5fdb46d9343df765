"""HTTPS to the hub with the pinned certificate (httpx), and the errors a desk acts on."""

from __future__ import annotations

import ssl
from typing import Any

import httpx

from desktop.core.venue import tls

TIMEOUT = httpx.Timeout(connect=3.0, read=10.0, write=10.0, pool=3.0)


class VenueError(Exception):
    """Anything that went wrong with the venue; the message is for the user."""


class HubUnreachable(VenueError):
    """No answer (hub closed, out of Wi-Fi): keep marking, the next exchange catches up."""


class NotJoined(VenueError):
    """This desk has not joined a venue, or the hub no longer knows it (join again)."""


class HubRefused(VenueError):
    def __init__(self, status: int, body: Any) -> None:
        self.status, self.body = status, body
        message = body.get("message") or body.get("error") if isinstance(body, dict) else None
        super().__init__(f"The hub refused the request (HTTP {status}: {message}).")


class HubClient:
    """One connection pool to one pinned hub."""

    def __init__(self, url: str, pem: bytes, token: str | None = None,
                 timeout: httpx.Timeout = TIMEOUT) -> None:
        headers = {"User-Agent": "karmayogi-desk-venue"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self._http = httpx.Client(base_url=url, verify=tls.pinned_context(pem),
                                  headers=headers, timeout=timeout)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> HubClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def request(self, method: str, path: str, *, read: float | None = None,
                **kw: Any) -> tuple[int, Any, httpx.Headers]:
        if read is not None:
            kw["timeout"] = httpx.Timeout(connect=3.0, read=read, write=10.0, pool=3.0)
        try:
            response = self._http.request(method, path, **kw)
        except httpx.ConnectError as exc:
            if isinstance(exc.__context__, ssl.SSLCertVerificationError) or (
                "CERTIFICATE_VERIFY_FAILED" in str(exc)
            ):
                raise tls.PinMismatch(
                    "The hub at this address shows a different certificate from the one this "
                    "desk pinned when it joined: nothing was sent. If the host desk was set "
                    "up again, leave the venue and join with its new code."
                ) from None
            raise HubUnreachable(f"The hub cannot be reached ({exc}).") from None
        except httpx.TransportError as exc:
            raise HubUnreachable(f"The hub cannot be reached ({type(exc).__name__}).") from None
        try:
            body = response.json()
        except ValueError:
            body = {"error": response.text[:200]}
        if response.status_code == 401:
            raise NotJoined("The hub no longer knows this desk. Join the venue again.")
        if response.status_code in (502, 503, 504):
            raise HubUnreachable(f"The hub is not answering (HTTP {response.status_code}).")
        if response.status_code >= 400:
            raise HubRefused(response.status_code, body)
        return response.status_code, body, response.headers
