"""Images that appear in every document (logos, signatures), encoded once per process.

ReportLab re-reads, re-compresses and ASCII85-encodes (in pure Python) an image for every new
document: ~30 ms per logo per certificate. `cached_image(path)` returns a reader whose encoded
XObject stream is computed once and reused by every later document.
"""

from __future__ import annotations

import threading
from functools import lru_cache

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfdoc

_ATTRS = ("width", "height", "bitsPerComponent", "colorSpace", "_filters", "streamContent",
          "mask", "_smask", "_decode", "_dotrans")  # fmt: skip
_lock = threading.Lock()
_original = pdfdoc.PDFImageXObject.loadImageFromSRC


class CachedImageReader(ImageReader):
    """An ImageReader whose PDF encoding is memoised (see module docstring).

    ReportLab names an image by hashing all its pixels on every `drawImage`; this reader hands
    it a short fixed token instead (the real pixels only for the one real encoding)."""

    _kd_encoded: dict
    _kd_token: bytes | None = None
    _kd_real = 0

    def getRGBData(self):
        if self._kd_token is not None and not CachedImageReader._kd_real:
            return self._kd_token
        return super().getRGBData()


def _tokenise(reader: ImageReader, label: str) -> None:
    import hashlib

    digest = hashlib.sha256(ImageReader.getRGBData(reader)).hexdigest().encode()
    reader.__class__ = CachedImageReader
    reader._kd_token = b"kd-image:" + label.encode() + b":" + digest


def _load_cached(self, im):  # patched onto PDFImageXObject
    cache = getattr(im, "_kd_encoded", None)
    if cache is None:
        return _original(self, im)
    key = repr(self.mask)
    hit = cache.get(key)
    if hit is None:
        CachedImageReader._kd_real += 1
        try:
            _original(self, im)
        finally:
            CachedImageReader._kd_real -= 1
        hit = {a: getattr(self, a) for a in _ATTRS if hasattr(self, a)}
        smask = hit.pop("_smask", None)
        if smask is not None:
            hit["_smask"] = (
                smask.name,
                {a: getattr(smask, a) for a in _ATTRS if hasattr(smask, a)},
            )
        cache[key] = hit
        return
    for attr, value in hit.items():
        if attr == "_smask":
            # A fresh object per document: ReportLab registers it with the document.
            name, attrs = value
            smask = pdfdoc.PDFImageXObject(name)
            for a, v in attrs.items():
                setattr(smask, a, v)
            value = smask
        setattr(self, attr, value)


def _install() -> None:
    with _lock:
        if pdfdoc.PDFImageXObject.loadImageFromSRC is not _load_cached:
            pdfdoc.PDFImageXObject.loadImageFromSRC = _load_cached


@lru_cache(maxsize=64)
def cached_image(path: str) -> CachedImageReader:
    """A reusable reader for `path` (decoded and PDF-encoded once per process)."""
    _install()
    reader = CachedImageReader(path)
    reader._kd_encoded = {}
    _tokenise(reader, path)
    if getattr(reader, "_dataA", None) is not None:
        _tokenise(reader._dataA, path + "#alpha")
    return reader
