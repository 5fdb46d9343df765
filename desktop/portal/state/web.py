"""The state's view over HTTP, as plain functions: a `Request` in, a `Response` out.

No server here: `desktop.portal.server` hands every path under `/state` to `handle` (and a
production server can do the same), so the page does not depend on how the portal is served.

Read-only: the only writes are logging in and out. Session cookie HttpOnly, SameSite=Strict,
Path=/state (Secure when served over HTTPS); login and logout are POSTs whose Origin, when
the browser sends one, must be this host's (a cross-site form cannot log anyone in or out);
every other route is a GET that changes nothing. Strict Content-Security-Policy, no script."""

from __future__ import annotations

import csv
import io
import re
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape

from desktop.core import cells
from desktop.core import review as core
from desktop.core.reports import month_bounds
from desktop.paths import resource_path
from desktop.portal.state import accounts, figures, kept
from desktop.portal.state.i18n import LANGS, text

PREFIX = "/state"
COOKIE = "kd_state"
LANG_COOKIE = "kd_lang"
DOWNLOADS = (*figures.TABLES, "quiet_desks")
FONTS = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSansDevanagari-Regular.ttf",
         "NotoSansDevanagari-Bold.ttf")
DEFAULT_QUIET_DAYS = 7
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_HEADERS = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",  # "no-referrer" would make Origin "null"
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'none'; style-src 'self' 'unsafe-inline'; "
    "font-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'",
}


@dataclass
class Request:
    method: str
    path: str  # without the query, e.g. /state/download/by_district.csv
    query: dict[str, list[str]]
    headers: dict[str, str]  # names lower-cased
    body: bytes = b""
    https: bool = False


@dataclass
class Response:
    status: int
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    headers: list[tuple[str, str]] = field(default_factory=list)

    def all_headers(self) -> list[tuple[str, str]]:
        return [("Content-Type", self.content_type), *_HEADERS.items(), *self.headers]


class StateApp:
    """The page for one portal database (`PortalDB`: `transaction()`, `reading()`)."""

    def __init__(self, db: Any, warm: bool = True) -> None:
        self.db = db
        #: the clock logins are judged by (a test sets its own: the lock-out's minutes)
        self.clock: Callable[[], datetime] = lambda: datetime.now(timezone.utc)
        self.figures = figures.Figures(db.reading, writing=db.transaction)
        self.keeper: kept.Keeper | None = None
        if warm:  # every month (and quarter) read ahead and kept in the database
            self.keeper = kept.Keeper(db, figures.read_facts,
                                      figures.read_reference).start()
        self.env = Environment(
            loader=FileSystemLoader(Path(__file__).with_name("templates")),
            autoescape=select_autoescape(["html"]),
        )

    # --- routing ----------------------------------------------------------------------

    def handle(self, req: Request) -> Response:
        path = req.path.rstrip("/") or "/"
        lang = _lang(req)
        if path == PREFIX + "/login":
            if req.method == "POST":
                return self._log_in(req, lang)
            return self._page("login.html", lang, req, status=200)
        if path.startswith(PREFIX + "/font/") and req.method == "GET":
            return self._font(path.rsplit("/", 1)[1])
        if req.method not in ("GET", "HEAD", "POST"):
            return Response(405, b"method not allowed", "text/plain; charset=utf-8",
                            [("Allow", "GET, POST")])
        admin = self._admin(req)
        if admin is None:
            return _redirect(f"{PREFIX}/login?{urlencode({'lang': lang})}")
        if path == PREFIX + "/logout" and req.method == "POST":
            if not _same_origin(req):
                return Response(403, b"cross-site request refused", "text/plain; charset=utf-8")
            with self.db.transaction() as conn:
                accounts.log_out(conn, _cookies(req).get(COOKIE))
            return _redirect(f"{PREFIX}/login?{urlencode({'lang': lang})}",
                             [("Set-Cookie", _cookie(COOKIE, "", req, max_age=0))])
        if req.method == "POST":
            return Response(405, b"method not allowed", "text/plain; charset=utf-8",
                            [("Allow", "GET")])
        if path == PREFIX:
            return self._state(req, lang, admin)
        match = re.fullmatch(rf"{PREFIX}/download/(\w+)\.(csv|xlsx)", path)
        if match and match.group(1) in DOWNLOADS:
            return self._download(req, lang, match.group(1), match.group(2))
        return Response(404, b"not found", "text/plain; charset=utf-8")

    # --- pages ------------------------------------------------------------------------

    def _admin(self, req: Request) -> accounts.Admin | None:
        token = _cookies(req).get(COOKIE)
        if not token:
            return None
        with self.db.reading() as conn:
            return accounts.session_admin(conn, token)

    def _log_in(self, req: Request, lang: str) -> Response:
        if not _same_origin(req):
            return Response(403, b"cross-site request refused", "text/plain; charset=utf-8")
        form = parse_qs(req.body.decode("utf-8", "replace"), keep_blank_values=True)
        name = (form.get("name") or [""])[0].strip()
        password = (form.get("password") or [""])[0]
        now = self.clock()
        try:
            with self.db.transaction() as conn:
                token = accounts.log_in(conn, name, password, now)
        except accounts.LockedOut as locked:
            wait = max(1, int((locked.until - now).total_seconds()))
            answer = self._page("login.html", lang, req, status=429, error=True, name=name,
                                locked_minutes=-(-wait // 60))
            answer.headers.append(("Retry-After", str(wait)))
            return answer
        if token is None:
            return self._page("login.html", lang, req, status=401, error=True, name=name)
        return _redirect(
            f"{PREFIX}?{urlencode({'lang': lang})}",
            [("Set-Cookie", _cookie(COOKIE, token, req, max_age=accounts.SESSION_HOURS * 3600))],
        )

    def _state(self, req: Request, lang: str, admin: accounts.Admin) -> Response:
        try:
            params = _params(req)
            view = self.figures.view(params["month"], params["to"], params["filters"])
        except ValueError as exc:
            return self._page("state.html", lang, req, status=400, admin=admin,
                              problem=str(exc), params=_raw(req), view=None)
        with self.db.reading() as conn:
            quiet = figures.quiet_desks(conn, params["days"])
        snapshot = self.figures.snapshot(params["month"], params["to"])
        return self._page(
            "state.html", lang, req, admin=admin, view=view, quiet=quiet, params=_raw(req),
            days=params["days"],
            options=_options(snapshot, lang),
            first=snapshot.first, last=snapshot.last,
            read_at=_clock(view.read_at),
            downloads={t: _download_url(req, t) for t in DOWNLOADS},
        )

    def _page(self, template: str, lang: str, req: Request, status: int = 200,
              **context: Any) -> Response:
        other = "en" if lang == "hi" else "hi"
        query = {k: v[-1] for k, v in req.query.items() if k != "lang"}
        html = self.env.get_template(template).render(
            lang=lang,
            t=lambda key, **values: text(key, lang, **values),
            switch_url=f"{PREFIX}{'/login' if template == 'login.html' else ''}?"
            + urlencode({**query, "lang": other}),
            steps=core.STEPS,
            label=lambda row: row.label_hi if lang == "hi" else row.label_en,
            number=_number,
            **context,
        )
        return Response(status, html.encode("utf-8"),
                        headers=[("Set-Cookie", _cookie(LANG_COOKIE, lang, req))])

    def _font(self, name: str) -> Response:
        if name not in FONTS:
            return Response(404, b"not found", "text/plain; charset=utf-8")
        data = resource_path("fonts", name).read_bytes()
        return Response(200, data, "font/ttf", [("Cache-Control", "max-age=86400")])

    # --- downloads --------------------------------------------------------------------

    def _download(self, req: Request, lang: str, table: str, fmt: str) -> Response:
        try:
            params = _params(req)
        except ValueError as exc:
            return Response(400, str(exc).encode("utf-8"), "text/plain; charset=utf-8")
        if table == "quiet_desks":
            with self.db.reading() as conn:
                desks = figures.quiet_desks(conn, params["days"])
            header = ["device_id", "device_name", "institute_code", "institute_en",
                      "institute_hi", "enrolled_at", "last_batch_at", "days_silent"]
            rows = [[d.device_id, d.device_name, d.institute_code, d.institute_en,
                     d.institute_hi, d.enrolled_at, d.last_batch_at or "", d.days]
                    for d in desks]
        else:
            view = self.figures.view(params["month"], params["to"], params["filters"])
            found = [view.funnel] if table == "funnel" else getattr(view, table)
            header = ["key", "name_en", "name_hi", *core.STEPS]
            rows = [[r.key, r.label_en, r.label_hi, *r.counts().values()] for r in found]
        stem = f"state-{table}-{params['month']}" + (f"-{params['to']}" if params["to"] else "")
        if fmt == "csv":
            out = io.StringIO()
            writer = csv.writer(out)
            writer.writerow(header)
            for row in rows:
                writer.writerow(cells.csv_row(row))
            body = out.getvalue().encode("utf-8-sig")  # the BOM: Excel reads UTF-8 Hindi
            ctype = "text/csv; charset=utf-8"
        else:
            body = _xlsx(table, header, rows)
            ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        return Response(200, body, ctype,
                        [("Content-Disposition", f'attachment; filename="{stem}.{fmt}"')])


def _xlsx(title: str, header: list[str], rows: list[list[Any]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    sheet.append(header)
    for row in rows:
        sheet.append(cells.xlsx_row(sheet, row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- request helpers ----------------------------------------------------------------


def _one(req: Request, name: str) -> str:
    return ((req.query.get(name) or [""])[-1]).strip()


def _raw(req: Request) -> dict[str, str]:
    return {k: v[-1] for k, v in req.query.items()}


def _params(req: Request) -> dict[str, Any]:
    """The period, filters and quiet-desk days a request asks for; ValueError names the field."""
    month = _one(req, "month") or _this_month()
    to = _one(req, "to") or None
    for name, value in (("month", month), ("to", to)):
        if value is not None and not _MONTH.match(value):
            raise ValueError(f"{name}: expected YYYY-MM, e.g. 2026-11 (got {value!r})")
        if value is not None:
            month_bounds(value)
    if to is not None and to < month:
        raise ValueError(f"to: {to} is before month {month}")
    if to == month:
        to = None
    days_text = _one(req, "days") or str(DEFAULT_QUIET_DAYS)
    if not days_text.isdigit() or not 0 <= int(days_text) <= 3650:
        raise ValueError(f"days: a whole number of days from 0 to 3650 (got {days_text!r})")
    filters = core.Filters(
        department=_one(req, "department") or None,
        district_code=_one(req, "district") or None,
        institute_code=_one(req, "institute") or None,
        mode=_one(req, "mode") or None,
        service_group=_one(req, "group") or None,
    )
    return {"month": month, "to": to, "filters": filters, "days": int(days_text)}


def _options(snapshot: figures.Snapshot, lang: str) -> dict[str, list[tuple[str, str]]]:
    hi = lang == "hi"
    ref = snapshot.reference
    departments = {d for d, _, _ in ref.roster if d} | set(ref.departments_hi)
    return {
        "department": sorted(
            ((d, ref.departments_hi.get(d, d) if hi else d) for d in departments),
            key=lambda o: o[1]),
        "district": sorted(
            ((code, names[1] if hi else names[0]) for code, names in ref.districts.items()),
            key=lambda o: o[1]),
        "institute": sorted(
            ((code, names[1] if hi else names[0]) for code, names in ref.institutes.items()),
            key=lambda o: o[1]),
        "group": [(g, labels[1] if hi else labels[0]) for g, labels in core.GROUP_LABELS.items()],
    }


def _download_url(req: Request, table: str) -> dict[str, str]:
    """The table's CSV and XLSX links, with the page's period and filters."""
    query = urlencode({k: v for k, v in _raw(req).items() if v})
    return {fmt: f"{PREFIX}/download/{table}.{fmt}?{query}" for fmt in ("csv", "xlsx")}


def _lang(req: Request) -> str:
    asked = _one(req, "lang")
    if asked in LANGS:
        return asked
    remembered = _cookies(req).get(LANG_COOKIE)
    return remembered if remembered in LANGS else "en"


def _cookies(req: Request) -> dict[str, str]:
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(req.headers.get("cookie", ""))
    except Exception:  # a malformed Cookie header: treat as none
        return {}
    return {k: m.value for k, m in jar.items()}


def _cookie(name: str, value: str, req: Request, max_age: int | None = None) -> str:
    parts = [f"{name}={value}", f"Path={PREFIX}", "HttpOnly", "SameSite=Strict"]
    if max_age is not None:
        parts.append(f"Max-Age={max_age}")
    if req.https:
        parts.append("Secure")
    return "; ".join(parts)


def _same_origin(req: Request) -> bool:
    """A POST from this site: its Origin (sent by browsers on POST) names this host."""
    origin = req.headers.get("origin")
    if origin is None:
        return True  # a non-browser client; the cookie is SameSite=Strict anyway
    return urlsplit(origin).netloc == req.headers.get("host", "")


def _redirect(location: str, headers: list[tuple[str, str]] | None = None) -> Response:
    return Response(303, b"", "text/plain; charset=utf-8",
                    [("Location", location), *(headers or [])])


def _number(value: int | None) -> str:
    return "—" if value is None else f"{value:,}"


def _this_month() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m")


def _clock(moment: float) -> str:
    return datetime.fromtimestamp(moment, timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


_APPS: weakref.WeakKeyDictionary[Any, StateApp] = weakref.WeakKeyDictionary()
_APPS_LOCK = threading.Lock()


def app_for(db: Any) -> StateApp:
    """The one `StateApp` of a portal database (its figures are shared by all requests)."""
    with _APPS_LOCK:
        app = _APPS.get(db)
        if app is None:
            app = _APPS[db] = StateApp(db)
        return app


def handle(db: Any, req: Request) -> Response:
    return app_for(db).handle(req)

