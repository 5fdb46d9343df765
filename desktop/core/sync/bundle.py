"""USB bundles (`.kdbundle`, SYNC-PROTOCOL.md §9): export the outbox, import on another desk.

Export freezes pending versions first (same batches the portal would get), then writes a ZIP
with the manifest, each batch body byte for byte, the attachments the batches name, and the
Ed25519 signature of the exact manifest bytes. The file is written beside the target and
renamed into place, so a pulled USB stick never holds half a bundle under the final name.

Import checks everything before the database is touched: every ZIP entry read in full
against its CRC (a damaged, truncated or unreadable part is refused as `DamagedBundle`, which
names it), the signature, every file's SHA-256 against the manifest, no unlisted files, the
signer, every batch body well-formed and of this institute. Any mismatch refuses the whole
bundle. Then, in one transaction: the signer's
key trusted if the user just confirmed it, records applied by last-writer-wins, the batches
kept in the outbox to be relayed unchanged (same id, same bytes), and the bundle remembered —
importing it again changes nothing.

The signer: the signature is checked against the key the manifest carries, which only proves
the bundle is intact. So, as for receipts (`trust`), a bundle is used only when that key is a
desk key this desk trusts; the first bundle from a desk needs its key fingerprint confirmed
(`trust_fingerprint`), and a bundle claiming a known desk under another key is refused as a
possible forgery (`UntrustedSigner`). Otherwise anyone could write a bundle that overwrites
records here and is relayed to the portal as this institute's work."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

from desktop.core import attachments, audit, clock
from desktop.core.sync import crypto, damage, outbox, trust
from desktop.core.sync.keys import DeviceKeys, verify_signature
from desktop.core.users import Permission, require
from desktop.fileio import AtomicFile
from desktop.protocol import audit as audit_wire
from desktop.protocol.ids import now_ts
from desktop.protocol.records import KIND_FIELDS, KIND_ORDER, data_fields
from desktop.store import Store
from desktop.text.os_reason import os_reason
from desktop.text.said import said, said_of

FORMAT = "kdbundle/1"


class BundleError(ValueError):
    """A bundle that cannot be used; nothing was changed. The message says why."""


class UntrustedSigner(trust.UntrustedSigner, BundleError):
    """The bundle is intact but signed by a key this desk does not trust (yet); nothing was
    changed (see `trust.UntrustedSigner`)."""

    what = "bundle"


class DamagedBundle(damage.DamagedFile, BundleError):
    """A damaged, truncated or unreadable part of the bundle (`damage.DamagedFile`)."""

    what = "bundle"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _limits(store: Store) -> outbox.Limits:
    text = store.meta_get("sync.limits")
    return outbox.Limits.from_info(json.loads(text)) if text else outbox.Limits()


def export_bundle(
    store: Store, path: Path | str, *, recipient: str | None = None, keys: DeviceKeys | None = None
) -> dict[str, Any]:
    """Write every unsent batch (own and relayed) to `path`; returns a summary."""
    require(store, Permission.BUNDLES)
    keys = keys or DeviceKeys.for_store(store)
    path = Path(path)
    outbox.recover_interrupted(store)
    outbox.freeze_pending(store, _limits(store))
    batches = outbox.sendable(store)
    sealer = crypto.Sealer(recipient) if recipient else None
    files: dict[str, str] = {}
    payload: list[tuple[str, bytes]] = []
    wanted: dict[str, None] = {}
    records = 0
    for batch in batches:
        records += batch.record_count
        name = f"batches/{batch.batch_id}.json" + (".enc" if sealer else "")
        blob = sealer.seal(name, batch.body) if sealer else batch.body
        files[name] = _sha(blob)
        payload.append((name, blob))
        if store.conn.execute(
            "SELECT 1 FROM sync_batch_record WHERE batch_id = ? AND kind = 'field_visit' LIMIT 1",
            (batch.batch_id,),
        ).fetchone():
            for rec in json.loads(batch.body)["records"]:
                if rec.get("kind") == "field_visit" and not rec.get("deleted"):
                    for ref in (rec.get("data") or {}).get("attachments") or []:
                        wanted[str(ref.get("sha256"))] = None
    missing = []
    for sha in wanted:
        data = attachments.read_if_intact(store, sha)
        if data is None:
            missing.append(sha)
            continue
        name = f"attachments/{sha}" + (".enc" if sealer else "")
        blob = sealer.seal(name, data) if sealer else data
        files[name] = _sha(blob)
        payload.append((name, blob))
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "device_id": store.device_id,
        "institute_code": store.institute_code,
        "created_at": now_ts(),
        "public_key": keys.public_key_b64(),
        "batches": [b.batch_id for b in batches],
        "files": files,
    }
    if sealer:
        manifest["encryption"] = sealer.header
    last = audit.head(store)  # additive: the chain's head as of this bundle, signed with it
    manifest["audit_head"] = {"n": last.n, "hash": last.hash} if last else None
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
    signature = keys.sign(manifest_bytes)
    with AtomicFile(path) as tmp, zipfile.ZipFile(
        tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1
    ) as zf:
        zf.writestr("manifest.json", manifest_bytes)
        zf.writestr("manifest.sig", signature)
        for name, blob in payload:
            zf.writestr(name, blob)
    audit.record(store, "bundle.export", target=path.name,
                 details={"batches": len(batches), "records": records,
                          "encrypted": bool(sealer)})
    return {
        "file": str(path),
        "batches": len(batches),
        "records": records,
        "attachments": len(wanted) - len(missing),
        "missing_attachments": missing,
        "encrypted": bool(sealer),
        "signer_fingerprint": keys.fingerprint(),
    }


def _check_record(record: Any, where: str) -> None:
    if not isinstance(record, dict):
        raise BundleError(said("{where}: a record is not an object.", where=where))
    kind = record.get("kind")
    fields = audit_wire.FIELDS if kind == audit_wire.KIND else KIND_FIELDS.get(kind)
    if fields is None:
        raise BundleError(said("{where}: unknown record kind {kind!r}.", where=where, kind=kind))
    for key in ("id", "updated_at", "origin"):
        if not isinstance(record.get(key), str) or not record[key]:
            raise BundleError(said(
                    "{where}: record {id!r} lacks {key}.",
                    where=where, id=record.get('id'), key=key,
                ))
    if not isinstance(record.get("deleted"), bool):
        raise BundleError(said(
                "{where}: record {id} has no boolean 'deleted'.",
                where=where, id=record['id'],
            ))
    data = record.get("data")
    if not isinstance(data, dict):
        raise BundleError(said(
                "{where}: record {id} has no data object.",
                where=where, id=record['id'],
            ))
    unknown = set(data) - set(fields if kind == audit_wire.KIND else data_fields(kind))
    if unknown:
        raise BundleError(
            said(
                "{where}: record {id} ({kind}) has unknown field(s) {fields}.",
                where=where, id=record['id'], kind=kind, fields=', '.join(sorted(unknown)),
            )
        )


def _read_entries(path: Path | str) -> dict[str, bytes]:
    """Every entry of the ZIP, each read in full and checked against its CRC, before any of
    it is believed. A damaged ZIP fails in many ways (bad CRC, broken deflate data, a header
    that does not match, an entry cut short), all of them refused as `DamagedBundle`."""
    try:
        zf = zipfile.ZipFile(path)
    except (FileNotFoundError, PermissionError, IsADirectoryError) as exc:
        raise BundleError(said(
                "{path} cannot be opened ({reason}).",
                path=path, reason=os_reason(exc),
            )) from exc
    except Exception as exc:  # noqa: BLE001 - any failure to open the ZIP is a damaged file
        raise DamagedBundle(path, None, "not_bundle") from exc
    entries: dict[str, bytes] = {}
    with zf:
        try:
            infos = zf.infolist()
        except Exception as exc:  # noqa: BLE001
            raise DamagedBundle(path, None, "not_bundle") from exc
        for info in infos:
            if info.filename in entries:  # two entries of one name: never written so
                raise DamagedBundle(path, info.filename, "unreadable")
            try:
                entries[info.filename] = zf.read(info)
            except Exception as exc:  # noqa: BLE001 - CRC, zlib, EOF, header, a bad seek…
                raise DamagedBundle(path, info.filename, damage.zip_reason(exc)) from exc
    return entries


def read_verified(
    store: Store, path: Path | str, *, keys: DeviceKeys | None = None,
    trust_fingerprint: str | None = None,
) -> tuple[dict[str, Any], bytes, list[tuple[str, bytes, dict[str, Any]]], dict[str, bytes],
           trust.Decision]:
    """Everything checked, nothing written: (manifest, manifest bytes, batches, attachments,
    the signer's trust decision for `trust.remember`). Raises `UntrustedSigner` for a key not
    trusted here (unless `trust_fingerprint` confirms it) before anything is decrypted."""
    keys = keys or DeviceKeys.for_store(store)
    entries = _read_entries(path)
    names = set(entries)
    for name in ("manifest.json", "manifest.sig"):
        if name not in names:
            raise DamagedBundle(path, name, "missing")
    manifest_bytes = entries["manifest.json"]
    signature = entries["manifest.sig"].decode("ascii", "replace").strip()
    try:
        manifest = json.loads(manifest_bytes)
    except ValueError as exc:
        raise DamagedBundle(path, "manifest.json", "not_json") from exc
    if not isinstance(manifest, dict):
        raise BundleError(said("{path}: not a {format} bundle.", path=path, format=FORMAT))
    public_key = str(manifest.get("public_key") or "")
    if not verify_signature(public_key, signature, manifest_bytes):
        raise DamagedBundle(path, "manifest.json", "signature")
    if manifest.get("format") != FORMAT:
        raise BundleError(said("{path}: not a {format} bundle.", path=path, format=FORMAT))
    files = manifest.get("files")
    batch_ids = manifest.get("batches")
    if not isinstance(files, dict) or not isinstance(batch_ids, list):
        raise BundleError(said("{path}: the manifest lacks its file or batch list.", path=path))
    blobs: dict[str, bytes] = {}
    for name, digest in files.items():
        if name not in names:
            raise DamagedBundle(path, name, "missing")
        if _sha(entries[name]) != digest:
            raise DamagedBundle(path, name, "hash")
        blobs[name] = entries[name]
    extra = names - set(files) - {"manifest.json", "manifest.sig"}
    if extra:
        raise BundleError(said(
                "{path} holds files the manifest does not list: {names}.",
                path=path, names=sorted(extra),
            ))
    device = str(manifest.get("device_id") or "")
    if device == store.device_id:
        raise BundleError(said(
                "{path} was made by this desk; import it on another desk.",
                path=path,
            ))
    if manifest.get("institute_code") != store.institute_code:
        raise BundleError(
            said(
                "{path} comes from institute {theirs}; this desk is {institute_code}. Only desks "
                "of one institute exchange bundles.",
                path=path, theirs=manifest.get('institute_code'), institute_code=store.institute_code,
            )
        )
    decision = trust.check(store, path, device_id=device, public_key=public_key,
                           institute_code=store.institute_code,
                           trust_fingerprint=trust_fingerprint, purpose=trust.BUNDLE,
                           error=UntrustedSigner)
    opener = None
    if manifest.get("encryption"):
        header = manifest["encryption"]
        if header.get("recipient") != keys.box_public_b64():
            raise BundleError(
                said(
                    "{path} is encrypted for another desk (key {key}…).",
                    path=path, key=str(header.get('recipient'))[:12],
                )
            )
        try:
            opener = crypto.Opener(header, keys.box_key())
        except ValueError as exc:
            raise BundleError(said("{path}: {error}.", path=path, error=said_of(exc) or str(exc))) from exc
    suffix = ".enc" if opener else ""

    def plain(name: str) -> bytes:
        if opener is None:
            return blobs[name]
        try:
            return opener.open(name, blobs[name])
        except Exception as exc:  # noqa: BLE001 - InvalidTag and friends
            raise BundleError(said("{path}: {name} cannot be decrypted.", path=path, name=name)) from exc

    batches = []
    for batch_id in batch_ids:
        name = f"batches/{batch_id}.json{suffix}"
        if name not in blobs:
            raise BundleError(said(
                    "{path}: batch {batch_id} is listed but has no file.",
                    path=path, batch_id=batch_id,
                ))
        body = plain(name)
        try:
            doc = json.loads(body)
        except ValueError as exc:
            raise BundleError(said("{path}: {name} is not valid JSON.", path=path, name=name)) from exc
        if not isinstance(doc, dict) or doc.get("batch_id") != batch_id or doc.get(
            "protocol"
        ) != outbox.PROTOCOL or not isinstance(doc.get("records"), list):
            raise BundleError(said(
                    "{path}: {name} is not a protocol-1 batch with that id.",
                    path=path, name=name,
                ))
        if doc.get("institute_code") != store.institute_code:
            raise BundleError(said(
                    "{path}: batch {batch_id} belongs to another institute.",
                    path=path, batch_id=batch_id,
                ))
        for i, record in enumerate(doc["records"]):
            _check_record(record, said("{name} record {number}", name=name, number=i + 1))
        have = store.conn.execute(
            "SELECT body_sha256 FROM sync_batch WHERE batch_id = ?", (batch_id,)
        ).fetchone()
        if have is not None and have[0] != _sha(body):
            raise BundleError(
                said(
                    "{path}: batch {batch_id} differs from the copy this desk already holds.",
                    path=path, batch_id=batch_id,
                )
            )
        batches.append((batch_id, body, doc))
    found: dict[str, bytes] = {}
    for name in blobs:
        if name.startswith("attachments/"):
            sha = name.removeprefix("attachments/").removesuffix(suffix)
            data = plain(name)
            if _sha(data) != sha:
                raise BundleError(said(
                        "{path}: attachment {sha} does not match its name.",
                        path=path, sha=sha,
                    ))
            found[sha] = data
    return manifest, manifest_bytes, batches, found, decision


def import_bundle(
    store: Store, path: Path | str, *, keys: DeviceKeys | None = None,
    trust_fingerprint: str | None = None,
) -> dict[str, Any]:
    """Verify a bundle, apply it here and queue its batches for the portal. Only from a desk
    key trusted here: `trust_fingerprint` is the signer's key fingerprint as the user
    confirmed it; when it matches, the key becomes trusted in the same transaction as the
    import. Raises `UntrustedSigner` for a key not trusted and `BundleError` for anything
    else; then nothing was changed."""
    require(store, Permission.BUNDLES)
    manifest, manifest_bytes, batches, found, decision = read_verified(
        store, path, keys=keys, trust_fingerprint=trust_fingerprint)
    digest = _sha(manifest_bytes)
    summary: dict[str, Any] = {
        "file": str(path), "device_id": manifest["device_id"], "batches": len(batches),
        "applied": 0, "stale": 0, "conflicts": [], "relayed": 0, "already_imported": False,
        "signer": decision.summary(),
        # made "in the future" by this laptop's clock: one of the two clocks is wrong
        "clock_warning": _as_dict(
            clock.observe_creation(store, "bundle", manifest.get("created_at"))
        ),
    }
    if store.conn.execute(
        "SELECT 1 FROM sync_bundle_in WHERE manifest_sha256 = ?", (digest,)
    ).fetchone():
        summary["already_imported"] = True
        if decision.newly_trusted:
            with store.transaction():
                trust.remember(store, decision)
        return summary
    for sha, data in found.items():  # content-addressed: harmless if the import fails later
        attachments.keep_received(store, sha, data)
    import sqlite3

    order = {kind: i for i, kind in enumerate(KIND_ORDER)}
    with store.transaction():
        trust.remember(store, decision)
        for batch_id, body, doc in batches:
            # audit entries are the sending desk's chain: relayed to the portal in the
            # batch, never applied here
            records = sorted((r for r in doc["records"] if r["kind"] in order),
                             key=lambda r: order[r["kind"]])
            for record in records:
                try:
                    status = store.apply_record(record)
                except sqlite3.IntegrityError as exc:
                    conflict = {"batch_id": batch_id, "id": record["id"],
                                "kind": record["kind"], "message": str(exc)}
                    if record["kind"] == "certificate":  # lets the caller spot a desk clash
                        conflict["number"] = (record.get("data") or {}).get("number")
                        conflict["origin"] = record.get("origin")
                    summary["conflicts"].append(conflict)
                    continue
                summary[status] += 1
            if doc.get("device_id") != store.device_id and outbox.add_relayed(
                store, batch_id, body, source=f"bundle:{manifest['device_id']}"
            ):
                summary["relayed"] += 1
        store.conn.execute(
            "INSERT OR IGNORE INTO sync_peer(device_id, public_key, institute_code, first_seen) "
            "VALUES (?, ?, ?, ?)",
            (manifest["device_id"], manifest["public_key"], manifest.get("institute_code"),
             now_ts()),
        )
        store.conn.execute(
            "INSERT INTO sync_bundle_in(manifest_sha256, device_id, imported_at, batches, "
            "applied, stale, acted_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (digest, manifest["device_id"], now_ts(), len(batches), summary["applied"],
             summary["stale"], store.actor),
        )
        audit.record(store, "bundle.import", target=Path(path).name, details={
            "from_device": manifest["device_id"], "batches": len(batches),
            "applied": summary["applied"], "stale": summary["stale"],
            "audit_head": manifest.get("audit_head")})
    return summary


def _as_dict(warning: clock.ClockWarning | None) -> dict[str, Any] | None:
    return None if warning is None else warning.as_dict()
