"""The state's view mounted on the portal's ASGI server (`desktop.portal.server.ROUTE_PROVIDERS`).

The page itself (`desktop.portal.state.web`) is plain functions, request in and answer out;
this module only turns a Starlette request into that `Request` and the answer back. The page
reads the desk-shaped projection, which both stores keep (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import parse_qs

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request as StarletteRequest
from starlette.responses import Response as StarletteResponse
from starlette.routing import BaseRoute, Route

from desktop.portal.state.web import Request, handle

MAX_FORM_BYTES = 64 * 1024  # a login form; nothing bigger is ever posted here


def routes(store) -> Sequence[BaseRoute]:
    async def endpoint(request: StarletteRequest) -> StarletteResponse:
        body = b""
        if request.method == "POST":
            body = await request.body()
            if len(body) > MAX_FORM_BYTES:
                return StarletteResponse(b"request too large", status_code=413)
        forwarded = request.headers.get("x-forwarded-proto", "")
        req = Request(
            method=request.method,
            path=request.url.path,
            query=parse_qs(request.url.query, keep_blank_values=True),
            headers={name.lower(): value for name, value in request.headers.items()},
            body=body,
            https=request.url.scheme == "https" or forwarded == "https",
        )
        answer = await run_in_threadpool(handle, store, req)
        response = StarletteResponse(answer.body, status_code=answer.status)
        for name, value in answer.all_headers():
            if name.lower() == "content-type":
                response.headers["content-type"] = value
            else:
                response.headers.append(name, value)
        return response

    return [
        Route("/state", endpoint, methods=["GET", "POST"]),
        Route("/state/{rest:path}", endpoint, methods=["GET", "POST"]),
    ]
