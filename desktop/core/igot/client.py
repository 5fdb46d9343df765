"""HTTP to the Sunbird course service behind iGOT (SYNC-PROTOCOL.md §10).

The portal client's rules hold here too (httpx, explicit timeouts, TLS verified, plain HTTP
only to loopback) and its error sorting is reused: `Transient` (retry the same bytes),
`IgotAuthError` (401/403: stop and ask for a new token), `IgotRefused` (another 4xx: never
resend unchanged). Both headers carry secrets, so no message here quotes a header, a body
sent, or anything else the secrets could hide in."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote, urlsplit

import httpx

from desktop import __version__
from desktop.core.igot.settings import IgotSettings
from desktop.core.sync.client import (
    PortalError,
    Transient,
    check_url,
    parse_retry_after,
    ssl_context,
)
from desktop.protocol.transport import is_loopback
from desktop.text.said import said

UPDATE_PATH = "v1/content/state/admin/update"
BATCH_READ_PATH = "v1/course/batch/read/{batch_id}"
DEFAULT_TIMEOUT = httpx.Timeout(connect=10.0, read=30.0, write=30.0, pool=10.0)


class IgotError(PortalError):
    """Anything that went wrong talking to iGOT; the message is for the user."""


class IgotAuthError(IgotError):
    """401/403: iGOT does not accept the API key or the coordinator's token."""

    def __init__(self, status: int) -> None:
        self.status = status
        super().__init__(said(
            "iGOT refused the coordinator's access token or the API key (HTTP {status}). "
            "Nothing more was sent: get a new token from iGOT and enter it in the iGOT "
            "settings (CLI: igot settings --token-file F).",
            status=status,
        ))


class IgotRefused(IgotError):
    """Another 4xx about this very request."""

    def __init__(self, status: int, body: Any) -> None:
        self.status = status
        self.code = _error_code(body)
        super().__init__(said(
            "iGOT refused the request (HTTP {status}: {code}).", status=status, code=self.code
        ))


def _error_code(body: Any) -> str:
    if isinstance(body, dict):
        params = body.get("params") if isinstance(body.get("params"), dict) else {}
        for value in (params.get("err"), body.get("responseCode"), params.get("errmsg")):
            if isinstance(value, str) and value:
                return value[:200]
    return said("no reason given")  # a code in the bookkeeping; words in a message


class IgotClient:
    """One iGOT, one API key, one coordinator token. `transport` is for tests."""

    def __init__(
        self,
        settings: IgotSettings,
        *,
        timeout: httpx.Timeout | float | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = check_url(settings.base_url)
        host = urlsplit(self.base_url).hostname or ""
        self._http = httpx.Client(
            base_url=self.base_url + "/",
            timeout=timeout if timeout is not None else DEFAULT_TIMEOUT,
            verify=ssl_context(None),
            trust_env=not is_loopback(host),
            transport=transport,
            headers={
                "User-Agent": f"karmayogi-desk/{__version__}",
                "Accept": "application/json",
                "Authorization": f"Bearer {settings.api_key}",
                "x-authenticated-user-token": settings.token,
            },
            follow_redirects=False,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> IgotClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _request(self, method: str, path: str, content: bytes | None = None) -> tuple[int, Any]:
        headers = {"Content-Type": "application/json"} if content is not None else None
        try:
            response = self._http.request(method, path, content=content, headers=headers)
        except httpx.TimeoutException as exc:
            raise Transient(said(
                    "iGOT did not answer in time ({kind}).",
                    kind=type(exc).__name__,
                )) from None
        except httpx.TransportError as exc:
            text = str(exc)
            if "CERTIFICATE_VERIFY_FAILED" in text or "certificate verify failed" in text:
                raise IgotError(
                    said(
                        "iGOT's certificate at {base_url} could not be verified.",
                        base_url=self.base_url,
                    )
                ) from None
            raise Transient(
                said(
                    "iGOT could not be reached at {base_url} ({kind}): is there a network "
                    "connection?",
                    base_url=self.base_url, kind=type(exc).__name__,
                )
            ) from None
        try:
            body: Any = response.json() if response.content else None
        except ValueError:
            body = None
        status = response.status_code
        if status in (401, 403):
            raise IgotAuthError(status)
        if status in (429, 503):
            raise Transient(said("iGOT is busy (HTTP {status}).", status=status),
                            parse_retry_after(response.headers.get("Retry-After")), status)
        if status >= 500:
            raise Transient(said("iGOT had an internal problem (HTTP {status}).", status=status), None, status)
        return status, body

    def update_state(self, body: bytes) -> dict[str, Any]:
        """PATCH the frozen body; the `result` map of an OK answer."""
        status, answer = self._request("PATCH", UPDATE_PATH, body)
        if status != 200:
            raise IgotRefused(status, answer)
        if not isinstance(answer, dict) or not isinstance(answer.get("result"), dict):
            raise Transient(said("iGOT answered without a result map; trying again later."))
        return answer["result"]

    def read_batch(self, batch_id: str) -> dict[str, Any] | None:
        """The batch as iGOT holds it, or None when iGOT does not know it."""
        status, answer = self._request(
            "GET", BATCH_READ_PATH.format(batch_id=quote(batch_id, safe=""))
        )
        if status == 404:
            return None
        if status != 200:
            if _error_code(answer) in {"RESOURCE_NOT_FOUND", "INVALID_COURSE_BATCH_ID"}:
                return None
            raise IgotRefused(status, answer)
        result = answer.get("result") if isinstance(answer, dict) else None
        batch = result.get("response") if isinstance(result, dict) else None
        return batch if isinstance(batch, dict) and batch else None


def encode(payload: Any) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
