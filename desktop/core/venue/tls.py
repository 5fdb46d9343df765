"""The hub's TLS identity and the joining desk's pinned trust in it.

The hub makes one EC key and a self-signed certificate (with `cryptography`) the first time
it hosts, in the database's private `keys` folder (0600, never in the database). A joining
desk learns the certificate's SHA-256 from the joining code, fetches the certificate once,
compares, and from then on trusts exactly that certificate (`pinned_context`): a different
one fails the TLS handshake, whatever names or authorities it shows."""

from __future__ import annotations

import hashlib
import ipaddress
import socket
import ssl
from datetime import datetime, timedelta, timezone
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from desktop.core.sync.keys import keys_dir
from desktop.fileio import write_file_atomic
from desktop.store import Store

CERT_FILE = "venue-hub-cert.pem"
KEY_FILE = "venue-hub-key.pem"
PINNED_FILE = "venue-pinned-cert.pem"


def write_private(path: Path, data: bytes) -> None:
    """Keys, certificates and tokens: mode 0600 from the first byte, beside the database."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_file_atomic(path, data, private=True)


class PinMismatch(Exception):
    """The hub's certificate is not the one the joining code named."""


def fingerprint_of_pem(pem: bytes) -> str:
    """SHA-256 of the certificate's DER bytes, lower-case hex (what the code carries)."""
    der = ssl.PEM_cert_to_DER_cert(pem.decode("ascii"))
    return hashlib.sha256(der).hexdigest()


def make_certificate(common_name: str, addresses: list[str]) -> tuple[bytes, bytes]:
    """A self-signed certificate (10 years) and its key, both PEM. The names matter little:
    desks pin the fingerprint, not a name; the SANs only keep ordinary tools happy."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name[:64] or "venue")])
    sans: list[x509.GeneralName] = [x509.DNSName("localhost")]
    for address in addresses:
        try:
            sans.append(x509.IPAddress(ipaddress.ip_address(address)))
        except ValueError:
            sans.append(x509.DNSName(address))
    now = datetime.now(timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.SubjectAlternativeName(sans), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False
        )
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return cert.public_bytes(serialization.Encoding.PEM), key_pem


def hub_identity(store: Store, addresses: list[str]) -> tuple[Path, Path, str]:
    """(certificate file, key file, fingerprint): made once per database and kept, so that
    desks that joined stay pinned across hub restarts."""
    folder = keys_dir(store)
    cert_path, key_path = folder / CERT_FILE, folder / KEY_FILE
    if not (cert_path.exists() and key_path.exists()):
        cert_pem, key_pem = make_certificate(
            f"Karmayogi venue {store.institute_code or ''}".strip(), addresses
        )
        write_private(key_path, key_pem)
        write_private(cert_path, cert_pem)
    return cert_path, key_path, fingerprint_of_pem(cert_path.read_bytes())


def server_context(cert_path: Path, key_path: Path) -> ssl.SSLContext:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    ctx.load_cert_chain(str(cert_path), str(key_path))
    return ctx


def fetch_certificate(host: str, port: int, timeout: float = 5.0) -> bytes:
    """The certificate the server at host:port presents (PEM), checked against nothing yet."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    with socket.create_connection((host, port), timeout=timeout) as sock:
        with ctx.wrap_socket(sock, server_hostname=host) as tls:
            der = tls.getpeercert(binary_form=True)
    if not der:
        raise PinMismatch("The hub presented no certificate.")
    return ssl.DER_cert_to_PEM_cert(der).encode("ascii")


def check_pin(pem: bytes, fingerprint: str) -> None:
    got = fingerprint_of_pem(pem)
    if got != fingerprint.lower():
        raise PinMismatch(
            "This is not the hub the joining code names: its certificate is different "
            f"(expected {short(fingerprint)}, got {short(got)}). Nothing was sent. Ask the "
            "host desk for its current code."
        )


def pinned_context(pem: bytes) -> ssl.SSLContext:
    """Trust exactly this certificate: any other fails the handshake."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    ctx.check_hostname = False  # the hub's address may change; the certificate may not
    ctx.verify_mode = ssl.CERT_REQUIRED
    ctx.load_verify_locations(cadata=pem.decode("ascii"))
    return ctx


def save_pinned(store: Store, pem: bytes) -> None:
    write_private(keys_dir(store) / PINNED_FILE, pem)


def load_pinned(store: Store) -> bytes | None:
    path = keys_dir(store) / PINNED_FILE
    return path.read_bytes() if path.exists() else None


def forget_pinned(store: Store) -> None:
    path = keys_dir(store) / PINNED_FILE
    if path.exists():
        path.unlink()


def short(fingerprint: str) -> str:
    """The first 16 hex digits in groups of four: enough for a person to compare by eye."""
    f = fingerprint.lower()[:16]
    return " ".join(f[i:i + 4] for i in range(0, 16, 4))
