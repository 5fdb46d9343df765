"""Certificate templates: a folder with `template.json` plus its images.

A centre copies `resources/templates/academy/` to `<db>-files/templates/<name>/`, edits the
JSON (positions in mm from the top-left corner, texts with `{placeholders}` in Hindi and
English, signatories, QR position) and swaps the images — no code. Loading validates the file
and names the bad entry, so a typo shows up before a batch is printed.
"""

from __future__ import annotations

import json
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.paths import files_dir, resource_path
from desktop.text.said import said

DEFAULT_TEMPLATE = "academy"

PLACEHOLDERS = (
    "name_en", "name_hi", "employee_code", "designation", "designation_line", "department_en",
    "department_hi", "programme_en", "programme_hi", "hours", "from", "to", "venue",
    "venue_hi", "district_en", "district_hi", "institute_en", "institute_hi", "number",
    "issued", "workshop_en", "workshop_hi",
)  # fmt: skip

PAGE_SIZES_MM = {"A4": (210.0, 297.0), "A5": (148.0, 210.0), "LETTER": (215.9, 279.4)}


class TemplateError(ValueError):
    """A template file that cannot be used; the message names the file and entry."""


@dataclass
class Template:
    name: str
    folder: Path
    width_mm: float
    height_mm: float
    spec: dict[str, Any] = field(repr=False)

    def asset(self, file: str) -> Path:
        return (self.folder / file).resolve()


def template_dirs(db_path: Path | str | None) -> list[Path]:
    """Where templates are looked for: the centre's own folder first, then the bundled ones."""
    dirs = []
    if db_path is not None:
        dirs.append(files_dir(db_path) / "templates")
    dirs.append(resource_path("templates"))
    return dirs


def available_templates(db_path: Path | str | None = None) -> list[str]:
    names: list[str] = []
    for folder in template_dirs(db_path):
        if folder.is_dir():
            for sub in sorted(folder.iterdir()):
                if (sub / "template.json").is_file() and sub.name not in names:
                    names.append(sub.name)
    return names


def find_template(name_or_path: str | Path | None, db_path: Path | str | None = None) -> Path:
    name_or_path = name_or_path or DEFAULT_TEMPLATE
    p = Path(name_or_path)
    if p.is_dir() and (p / "template.json").is_file():
        return p / "template.json"
    if p.suffix == ".json" and p.is_file():
        return p
    for folder in template_dirs(db_path):
        candidate = folder / str(name_or_path) / "template.json"
        if candidate.is_file():
            return candidate
    raise TemplateError(said("No certificate template named {name!r}.", name=str(name_or_path)))


def _fields_of(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def load_template(name_or_path: str | Path | None = None, db_path=None) -> Template:
    path = find_template(name_or_path, db_path)
    try:
        spec = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise TemplateError(said(
                "{path}: not readable JSON ({error})",
                path=path, error=str(exc),
            )) from exc
    page = spec.get("page") or {}
    size = str(page.get("size", "A4")).upper()
    if size not in PAGE_SIZES_MM:
        raise TemplateError(said(
                "{path}: page.size must be one of {sizes}",
                path=path, sizes=', '.join(PAGE_SIZES_MM),
            ))
    w, h = PAGE_SIZES_MM[size]
    orientation = page.get("orientation", "landscape")
    if orientation not in ("landscape", "portrait"):
        raise TemplateError(said(
                "{path}: page.orientation must be landscape or portrait",
                path=path,
            ))
    if orientation == "landscape":
        w, h = h, w
    for i, block in enumerate(spec.get("blocks", [])):
        where = f"{path}: blocks[{i}]"
        for key in ("text", "x", "y", "size"):
            if key not in block:
                raise TemplateError(said("{where} has no {key!r}", where=where, key=key))
        unknown = _fields_of(block["text"]) - set(PLACEHOLDERS)
        if unknown:
            raise TemplateError(
                said(
                    "{where}: unknown placeholder(s) {unknown}; known: {known}",
                    where=where, unknown=', '.join(sorted(unknown)), known=', '.join(PLACEHOLDERS),
                )
            )
        if block.get("font", "regular") not in ("regular", "bold"):
            raise TemplateError(said("{where}: font must be regular or bold", where=where))
        if block.get("align", "left") not in ("left", "center", "right"):
            raise TemplateError(said("{where}: align must be left, center or right", where=where))
    template = Template(spec.get("name", path.parent.name), path.parent, w, h, spec)
    for i, image in enumerate(spec.get("images", [])):
        if not template.asset(image["file"]).is_file():
            raise TemplateError(said(
                    "{path}: images[{i}] file {file!r} not found",
                    path=path, i=i, file=image['file'],
                ))
    for i, sig in enumerate(spec.get("signatories", [])):
        if sig.get("signature") and not template.asset(sig["signature"]).is_file():
            raise TemplateError(said(
                    "{path}: signatories[{i}] file {signature!r} not found",
                    path=path, i=i, signature=sig['signature'],
                ))
    if "qr" not in spec:
        raise TemplateError(said(
                "{path}: a certificate template needs a 'qr' position",
                path=path,
            ))
    return template


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def fill(text: str, values: dict[str, Any]) -> str:
    """Substitute placeholders; missing values become empty, never an exception."""
    return string.Formatter().vformat(
        text, (), _Blank({k: v for k, v in values.items() if v is not None})
    )
