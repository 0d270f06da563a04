"""Extractors: one module per format, each returning a :class:`~rfpcheck.pipeline.model.Document`.

The format is decided by content (magic bytes), never by the file name's extension.
"""
from __future__ import annotations

import os
import zipfile
from pathlib import Path

from ..errors import InputError
from ..model import Document

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
MAX_FILE_BYTES = 300 * 1024 * 1024  # a 300 MB RFP is not a draft a person wrote
MIN_CHARS = 50  # fewer non-space characters than this is not an RFP to check (an empty or stub file)

SUPPORTED = ("pdf", "docx", "hwp", "hwpx", "txt")


def sniff(path: str | Path) -> str:
    """Return one of pdf | docx | hwpx | hwp | txt, or raise InputError naming what it is."""
    p = Path(path)
    try:
        size = p.stat().st_size
        with open(p, "rb") as f:
            head = f.read(4096)
    except FileNotFoundError:
        raise InputError(str(path), "파일이 없습니다.", "not_found") from None
    except IsADirectoryError:
        raise InputError(str(path), "파일이 아니라 폴더입니다.", "unsupported") from None
    except OSError as e:
        raise InputError(str(path), f"파일을 열 수 없습니다 ({e.strerror or e}).", "unreadable") from None
    if size == 0:
        raise InputError(str(path), "빈 파일입니다 (0바이트).", "corrupt")
    if size > MAX_FILE_BYTES:
        raise InputError(
            str(path),
            f"파일이 너무 큽니다 ({size / 1048576:.0f} MB, 한도 {MAX_FILE_BYTES // 1048576} MB).",
            "too_large",
        )
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(OLE_MAGIC):
        return _sniff_ole(p)
    if head.startswith(ZIP_MAGIC):
        return _sniff_zip(p)
    if head.startswith(b"HWP Document File V3"):
        raise InputError(str(path), "한글 97 이전(HWP 3.x) 형식은 지원하지 않습니다. 한글에서 HWP 5 또는 HWPX로 다시 저장하세요.", "unsupported")
    if head.startswith(b"{\\rtf"):
        raise InputError(str(path), "RTF 문서는 지원하지 않습니다. DOCX 또는 PDF로 저장해 주세요.", "unsupported")
    ext = p.suffix.lower()
    if ext in _BINARY_EXTENSIONS:
        # named as a binary document but without its signature: a damaged or truncated file, or text
        # saved under the wrong name — either way not the document its name promises
        raise InputError(
            str(path),
            f"확장자는 {_BINARY_EXTENSIONS[ext]}이지만 내용이 {_BINARY_EXTENSIONS[ext]} 형식이 아닙니다 "
            "(손상되었거나 다른 형식의 파일입니다).",
            "corrupt",
        )
    if _looks_text(head):
        return "txt"
    raise InputError(str(path), "알 수 없는 파일 형식입니다 (PDF·DOCX·HWP·HWPX·TXT만 읽습니다).", "unsupported")


# extensions of binary formats: a file so named must carry that format's signature (or another known one)
_BINARY_EXTENSIONS = {".pdf": "PDF", ".docx": "DOCX", ".hwp": "HWP", ".hwpx": "HWPX"}


def _looks_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    for enc in ("utf-8", "cp949"):
        try:
            head.decode(enc)
            return True
        except UnicodeDecodeError as e:
            # a multi-byte character cut at the end of the sample is still text
            if enc == "utf-8" and e.start >= len(head) - 3:
                return True
    return False


def _sniff_ole(p: Path) -> str:
    try:
        import olefile

        with olefile.OleFileIO(str(p)) as ole:
            if ole.exists("FileHeader"):
                sig = ole.openstream("FileHeader").read(32)
                if sig.startswith(b"HWP Document File"):
                    return "hwp"
            if ole.exists("WordDocument"):
                raise InputError(str(p), "Word 97-2003(.doc) 형식은 지원하지 않습니다. DOCX로 저장해 주세요.", "unsupported")
            if ole.exists("EncryptedPackage"):
                raise InputError(str(p), "암호가 걸린 Office 문서입니다. 암호를 해제한 뒤 다시 실행하세요.", "encrypted")
    except InputError:
        raise
    except Exception as e:  # olefile raises plain OSError/IOError subclasses on damage
        raise InputError(str(p), f"손상된 OLE(HWP) 파일입니다: {e}", "corrupt") from None
    raise InputError(str(p), "HWP가 아닌 OLE 복합 문서입니다 (지원하지 않는 형식).", "unsupported")


def _sniff_zip(p: Path) -> str:
    try:
        with zipfile.ZipFile(p) as z:
            names = set(z.namelist())
            if "mimetype" in names:
                mt = z.read("mimetype")[:64].strip()
                if mt.startswith(b"application/hwp+zip") or mt.startswith(b"application/haansofthwpx"):
                    return "hwpx"
            if any(n.startswith("Contents/section") and n.endswith(".xml") for n in names):
                return "hwpx"
            if "word/document.xml" in names:
                return "docx"
            if "EncryptedPackage" in names:
                raise InputError(str(p), "암호가 걸린 문서입니다. 암호를 해제한 뒤 다시 실행하세요.", "encrypted")
    except InputError:
        raise
    except (zipfile.BadZipFile, OSError, KeyError) as e:
        raise InputError(str(p), f"손상된 ZIP 기반 문서입니다 ({e}).", "corrupt") from None
    raise InputError(str(p), "DOCX·HWPX가 아닌 ZIP 파일입니다 (지원하지 않는 형식).", "unsupported")


def extract(path: str | Path) -> Document:
    """Read any supported file into a Document. Raises InputError with a Korean reason."""
    fmt = sniff(path)
    path = str(path)
    try:
        if fmt == "pdf":
            from .pdf import extract_pdf as fn
        elif fmt == "docx":
            from .docx import extract_docx as fn
        elif fmt == "hwpx":
            from .hwpx import extract_hwpx as fn
        elif fmt == "hwp":
            from .hwp import extract_hwp as fn
        else:
            from .text import extract_text as fn
    except ImportError as e:  # a format module not present in this build
        raise InputError(path, f"{fmt.upper()} 형식은 아직 지원하지 않습니다.", "unsupported") from e
    try:
        doc = fn(path)
    except InputError:
        raise
    except MemoryError:
        raise InputError(path, "메모리가 부족하여 읽지 못했습니다 (문서가 지나치게 큽니다).", "too_large") from None
    except Exception as e:  # any parser failure is this file's problem, reported in one line
        raise InputError(path, f"{fmt.upper()} 파일을 읽는 중 오류가 났습니다: {type(e).__name__}: {e}", "corrupt") from None
    if not doc.text.strip():
        raise InputError(path, "문서에서 읽을 수 있는 글자가 없습니다.", "no_text")
    if len(doc.compact) < MIN_CHARS:
        raise InputError(
            path, f"문서의 글자가 {len(doc.compact)}자뿐이라 제안요청서로 점검할 수 없습니다 (최소 {MIN_CHARS}자).", "no_text")
    return doc


# project notes that sit beside documents in a folder and are never RFPs
_NOT_DOCUMENTS = ("readme", "license", "licence", "changelog", "copying", "notice")


def is_candidate_file(path: str | os.PathLike) -> bool:
    """Files a folder scan picks up (by extension; the content decides the format later): not hidden
    files, Office lock files (~$…) or the plain-text project notes (README, LICENSE, CHANGELOG) kept
    beside the documents. A file named on the command line is always checked."""
    p = Path(path)
    name = p.name
    if name.startswith((".", "~$")):
        return False
    if p.suffix.lower() in (".txt", ".md") and p.stem.lower().split(".")[0] in _NOT_DOCUMENTS:
        return False
    return p.suffix.lower() in (".pdf", ".docx", ".hwp", ".hwpx", ".txt", ".md")
