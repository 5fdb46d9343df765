"""HTTP client for the portal (SYNC-PROTOCOL.md §1–7) and the retry policy around it.

httpx with explicit timeouts, TLS verification always on (optionally against a custom CA
bundle), proxies from the environment, gzip request bodies. Plain HTTP is allowed only to
loopback, so a typo cannot send names and mobile numbers in clear over a network. Errors are
sorted into what the sync engine needs to decide: transient (retry the same bytes), auth
(stop, re-enrol), refused (a 4xx about this request: never resend unchanged)."""

from __future__ import annotations

import email.utils
import gzip
import json
import random
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any
from urllib.parse import quote, urlsplit

import httpx

from desktop import __version__
from desktop.protocol.ids import wall_now
from desktop.protocol.transport import is_loopback
from desktop.text.said import said

DEFAULT_TIMEOUT = httpx.Timeout(connect=10.0, read=60.0, write=60.0, pool=10.0)


class PortalError(Exception):
    """Anything that went wrong talking to the portal; the message is for the user."""


class InsecureUrl(PortalError):
    """Plain http:// to a host that is not this machine."""


class Transient(PortalError):
    """Try again later with the same bytes: no answer, 5xx, 429/503 (maybe with Retry-After)."""

    def __init__(self, message: str, retry_after: float | None = None, status: int | None = None):
        super().__init__(message)
        self.retry_after = retry_after
        self.status = status


class AuthError(PortalError):
    """401: the token is unknown or revoked. Stop syncing; the desk must enrol again."""


class Refused(PortalError):
    """A 4xx about this very request (400, 403, 404, 409, 413, 422 …)."""

    def __init__(self, status: int, body: Any, message: str | None = None) -> None:
        self.status = status
        self.body = body
        detail = body.get("error") if isinstance(body, dict) else None
        super().__init__(message or said(
            "The portal refused the request (HTTP {status}: {detail}).",
            status=status, detail=detail,
        ))


_ssl_contexts: dict[str, ssl.SSLContext] = {}


def ssl_context(ca_bundle: str | None) -> ssl.SSLContext:
    """Verifying TLS context (system CAs, or the given bundle), made once: loading the CA
    store costs ~50 ms, which an idle sync every few minutes should not pay each time."""
    key = ca_bundle or ""
    ctx = _ssl_contexts.get(key)
    if ctx is None:
        ctx = ssl.create_default_context(cafile=ca_bundle) if ca_bundle else (
            ssl.create_default_context()
        )
        try:
            import certifi

            if not ca_bundle:
                ctx.load_verify_locations(certifi.where())
        except ImportError:
            pass
        _ssl_contexts[key] = ctx
    return ctx


def check_url(url: str) -> str:
    """Normalise a portal base URL and refuse plain http to anything but loopback."""
    url = url.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise PortalError(said(
                "{url!r} is not a portal address (expected https://host/path).",
                url=url,
            ))
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise InsecureUrl(
            said(
                "{url}: plain http is only allowed to this computer (127.0.0.1); use https:// so "
                "names and mobile numbers are encrypted on the way.",
                url=url,
            )
        )
    return url


def parse_retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


@dataclass
class Answer:
    status: int
    body: Any
    headers: httpx.Headers

    @property
    def replay(self) -> bool:
        return self.headers.get("Idempotent-Replay", "").lower() == "true"


class PortalClient:
    """One portal, one token. `transport` lets tests plug in httpx.MockTransport."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        ca_bundle: str | None = None,
        timeout: httpx.Timeout | float | None = None,
        transport: httpx.BaseTransport | None = None,
        gzip_min: int = 1024,
    ) -> None:
        self.base_url = check_url(base_url)
        self.token = token
        #: (the portal's `Date`, this laptop's clock) of the last answer, if it had one
        self.last_date: tuple[datetime, datetime] | None = None
        self.gzip_min = gzip_min
        host = urlsplit(self.base_url).hostname or ""
        self._http = httpx.Client(
            base_url=self.base_url + "/",
            timeout=timeout if timeout is not None else DEFAULT_TIMEOUT,
            verify=ssl_context(ca_bundle),
            # Proxies come from the environment, but traffic to this machine never goes out
            # to a proxy (a corporate proxy cannot reach our loopback portal).
            trust_env=not is_loopback(host),
            transport=transport,
            headers={"User-Agent": f"karmayogi-desk/{__version__}", "Accept": "application/json"},
            follow_redirects=False,
        )

    def close(self) -> None:
        self._http.close()

    def _note_date(self, response: httpx.Response) -> None:
        """Keep the portal's clock reading (its `Date` header) beside ours at that moment,
        so the desk can tell when its own clock is wrong (core.clock)."""
        text = response.headers.get("Date")
        if not text:
            return
        try:
            portal_time = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError):
            return
        if portal_time.tzinfo is None:
            return
        self.last_date = (portal_time, wall_now())

    def __enter__(self) -> PortalClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing -------------------------------------------------------------------------
    def _request(
        self,
        method: str,
        path: str,
        *,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
        params: dict[str, str] | None = None,
        auth: bool = True,
        compress: bool = False,
    ) -> Answer:
        all_headers = dict(headers or {})
        if auth and self.token:
            all_headers["Authorization"] = f"Bearer {self.token}"
        if content is not None and compress and len(content) >= self.gzip_min:
            content = gzip.compress(content, compresslevel=5, mtime=0)
            all_headers["Content-Encoding"] = "gzip"
        try:
            response = self._http.request(
                method, path, content=content, headers=all_headers, params=params
            )
        except httpx.TimeoutException as exc:
            raise Transient(said(
                    "The portal did not answer in time ({kind}).",
                    kind=type(exc).__name__,
                )) from exc
        except httpx.TransportError as exc:  # refused, reset, DNS, TLS handshake …
            if _is_tls_failure(exc):
                raise PortalError(
                    said(
                        "The portal's certificate could not be verified: {error}. Check the "
                        "address, or configure the organisation's CA bundle.",
                        error=str(exc),
                    )
                ) from exc
            raise Transient(said(
                    "The portal could not be reached ({error}).",
                    error=str(exc or type(exc).__name__),
                )) from exc
        self._note_date(response)
        try:
            body: Any = response.json() if response.content else None
        except ValueError:
            body = response.text[:500]
        status = response.status_code
        if status == 401:
            raise AuthError(
                said(
                    "The portal no longer accepts this desk's token (401). Sync has stopped: "
                    "enrol this desk again with a new one-time code.",
                )
            )
        if status in (429, 503):
            raise Transient(
                said("The portal is busy (HTTP {status}).", status=status),
                parse_retry_after(response.headers.get("Retry-After")),
                status,
            )
        if status >= 500:
            raise Transient(said(
                    "The portal had an internal problem (HTTP {status}).",
                    status=status,
                ), None, status)
        return Answer(status, body, response.headers)

    @staticmethod
    def _ok(answer: Answer, *expected: int) -> Any:
        if answer.status not in expected:
            raise Refused(answer.status, answer.body)
        return answer.body

    # -- protocol ---------------------------------------------------------------------------
    def info(self) -> dict[str, Any]:
        return self._ok(self._request("GET", "info", auth=False), 200)

    def enrol(self, payload: dict[str, Any]) -> dict[str, Any]:
        answer = self._request(
            "POST", "devices/enrol", content=_json(payload), auth=False,
            headers={"Content-Type": "application/json"},
        )
        if answer.status == 403:
            raise Refused(403, answer.body, said("The enrolment code is wrong or was already used."))
        return self._ok(answer, 201, 200)

    def post_batch(self, batch_id: str, body: bytes) -> Answer:
        """POST the frozen bytes; 200/201 come back as an Answer, other 4xx as Refused."""
        answer = self._request(
            "POST", "batches", content=body, compress=True,
            headers={"Content-Type": "application/json", "Idempotency-Key": batch_id},
        )
        self._ok(answer, 200, 201)
        return answer

    def get_batch(self, batch_id: str) -> dict[str, Any] | None:
        answer = self._request("GET", f"batches/{quote(batch_id)}")
        if answer.status == 404:
            return None
        return self._ok(answer, 200)

    def put_attachment(self, sha256: str, data: bytes, media_type: str) -> int:
        answer = self._request(
            "PUT", f"attachments/{sha256}", content=data,
            headers={"Content-Type": media_type or "application/octet-stream"},
        )
        self._ok(answer, 200, 201)
        return answer.status

    def changes(self, since: str | None) -> dict[str, Any]:
        return self._ok(self._request("GET", "changes", params={"since": since or ""}), 200)

    def digest(self, device_id: str) -> dict[str, Any]:
        return self._ok(self._request("GET", f"devices/{quote(device_id)}/digest"), 200)


def _json(payload: Any) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _is_tls_failure(exc: Exception) -> bool:
    text = str(exc)
    return "CERTIFICATE_VERIFY_FAILED" in text or "certificate verify failed" in text


@dataclass
class Backoff:
    """Exponential backoff with full jitter; `Retry-After` wins when the portal gives one.

    One sync run keeps trying for at most `budget` seconds in total; after that the batch
    stays queued (with `next_attempt_at`) and the next run — or the GUI's timer — goes on."""

    base: float = 0.5
    cap: float = 30.0
    max_attempts: int = 6
    budget: float = 90.0
    sleep: Callable[[float], None] = time.sleep
    rng: random.Random = field(default_factory=random.Random)
    waited: float = 0.0

    def delay(self, attempt: int, retry_after: float | None) -> float:
        """Seconds to wait before attempt number `attempt + 1` (attempt counts from 1)."""
        if retry_after is not None:
            return retry_after + self.rng.uniform(0, min(1.0, self.base))
        ceiling = min(self.cap, self.base * (2 ** (attempt - 1)))
        return self.rng.uniform(ceiling / 2, ceiling)

    def wait(self, attempt: int, retry_after: float | None) -> bool:
        """Sleep before the next attempt; False when this run should stop trying."""
        if attempt >= self.max_attempts:
            return False
        pause = self.delay(attempt, retry_after)
        if self.waited + pause > self.budget:
            return False
        self.sleep(pause)
        self.waited += pause
        return True
