"""Defensive reading of ZIP-based office files (DOCX, HWPX) and of the XML parts inside them.

A hostile or damaged package must fail fast with an :class:`InputError`, never exhaust memory:

* the central directory is checked first (member count, declared sizes, declared ratios);
* members are then read in chunks with a hard byte cap and a running ratio check, so what a
  member actually inflates to is bounded whatever its header declares;
* XML is parsed by lxml with entity resolution, DTD loading and network access off, and a part
  that declares a DOCTYPE at all is refused (office formats never need one).

It also holds :func:`format_counter`, shared by the DOCX and HWPX readers to rebuild the labels
of automatically numbered paragraphs.
"""
from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path
from typing import Optional

from lxml import etree

from ..errors import InputError

MAX_MEMBERS = 20_000
MAX_TOTAL_BYTES = 500 * 1024 * 1024  # everything inflated from one package
MAX_MEMBER_BYTES = 200 * 1024 * 1024  # one member
MAX_RATIO = 200  # inflated / compressed, judged on members larger than RATIO_MIN_BYTES
RATIO_MIN_BYTES = 1024 * 1024
CHUNK = 256 * 1024

_DOCTYPE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def _mb(n: int) -> str:
    return f"{n / 1048576:.0f} MB"


class SafeZip:
    """A read-only view of a ZIP package that enforces size and ratio limits.

    Use as a context manager. ``read``/``xml`` raise :class:`InputError` with code ``zip_bomb``
    when a limit is crossed and ``corrupt`` when the archive or an XML part is damaged.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        max_members: int = MAX_MEMBERS,
        max_total: int = MAX_TOTAL_BYTES,
        max_member: int = MAX_MEMBER_BYTES,
        max_ratio: float = MAX_RATIO,
        ratio_min: int = RATIO_MIN_BYTES,
        kind: str = "ZIP",
    ) -> None:
        self.path = str(path)
        self.kind = kind
        self.max_total = max_total
        self.max_member = max_member
        self.max_ratio = max_ratio
        self.ratio_min = ratio_min
        self.total_read = 0
        try:
            self._zf = zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as e:
            raise self._corrupt(f"ZIP 구조가 손상되었습니다 ({e})") from None
        try:
            infos = self._zf.infolist()
            if len(infos) > max_members:
                raise self._bomb(f"ZIP 항목이 너무 많습니다 ({len(infos)}개, 한도 {max_members}개)")
            declared = 0
            self._infos: dict[str, zipfile.ZipInfo] = {}
            for info in infos:
                if info.flag_bits & 0x1:
                    raise InputError(self.path, f"암호가 걸린 {kind} 파일입니다. 암호를 해제한 뒤 다시 실행하세요.", "encrypted")
                self._check_size(info.filename, info.file_size, info.compress_size)
                declared += info.file_size
                self._infos.setdefault(info.filename, info)
            if declared > max_total:
                raise self._bomb(f"압축을 풀면 {_mb(declared)}가 됩니다 (한도 {_mb(max_total)})")
        except BaseException:
            self._zf.close()
            raise

    # -- errors --------------------------------------------------------------------------------
    def _bomb(self, why: str) -> InputError:
        return InputError(self.path, f"압축 폭탄으로 의심되는 {self.kind} 파일이라 읽지 않습니다: {why}.", "zip_bomb")

    def _corrupt(self, why: str) -> InputError:
        return InputError(self.path, f"손상된 {self.kind} 파일입니다: {why}.", "corrupt")

    def _check_size(self, name: str, size: int, compressed: int) -> None:
        if size > self.max_member:
            raise self._bomb(f"항목 '{name}'이(가) {_mb(size)}입니다 (한도 {_mb(self.max_member)})")
        if size > self.ratio_min and size > self.max_ratio * max(compressed, 1):
            ratio = size / max(compressed, 1)
            raise self._bomb(f"항목 '{name}'의 압축률이 {ratio:.0f}:1입니다 (한도 {self.max_ratio:.0f}:1)")

    # -- access --------------------------------------------------------------------------------
    def close(self) -> None:
        self._zf.close()

    def __enter__(self) -> "SafeZip":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def names(self) -> list[str]:
        return list(self._infos)

    def has(self, name: str) -> bool:
        return name in self._infos

    def find(self, name: str) -> Optional[str]:
        """The stored member name matching ``name`` exactly, else case-insensitively (some
        writers vary the case of part names)."""
        if name in self._infos:
            return name
        low = name.lower()
        for n in self._infos:
            if n.lower() == low:
                return n
        return None

    def read(self, name: str, limit: Optional[int] = None) -> bytes:
        """Inflate one member with a hard cap, checking the ratio as bytes arrive."""
        info = self._infos.get(name)
        if info is None:
            raise self._corrupt(f"'{name}' 항목이 없습니다")
        cap = min(limit or self.max_member, self.max_member)
        compressed = max(info.compress_size, 1)
        parts: list[bytes] = []
        got = 0
        try:
            with self._zf.open(info) as f:
                for chunk in iter(lambda: f.read(CHUNK), b""):
                    got += len(chunk)
                    if got > cap:
                        raise self._bomb(f"항목 '{name}'이(가) {_mb(cap)}를 넘습니다")
                    if got > self.ratio_min and got > self.max_ratio * compressed:
                        raise self._bomb(
                            f"항목 '{name}'의 압축률이 {self.max_ratio:.0f}:1을 넘습니다"
                        )
                    if self.total_read + got > self.max_total:
                        raise self._bomb(f"압축을 푼 크기가 {_mb(self.max_total)}를 넘습니다")
                    parts.append(chunk)
        except InputError:
            raise
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as e:
            raise self._corrupt(f"'{name}' 항목을 풀 수 없습니다 ({e})") from None
        self.total_read += got
        return b"".join(parts)

    def xml(self, name: str) -> etree._Element:
        """Parse one member as XML safely and return its root element."""
        return parse_xml(self.read(name), self.path, name, self.kind)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )


def _ascii_view(data: bytes) -> bytes:
    """The part as ASCII-compatible bytes: UTF-16 parts are transcoded (rare in office files)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", errors="ignore").encode("utf-8")
    if data[1:2] == b"\x00":
        return data.decode("utf-16-le", errors="ignore").encode("utf-8")
    if data[:1] == b"\x00":
        return data.decode("utf-16-be", errors="ignore").encode("utf-8")
    return data


def _dtd_error(path: str, name: str, kind: str) -> InputError:
    return InputError(
        path,
        f"{kind} 내부 XML('{name}')에 DTD·엔티티 선언이 있어 안전을 위해 읽지 않습니다.",
        "corrupt",
    )


def refuse_dtd(data: bytes, path: str, name: str, kind: str = "ZIP") -> None:
    """Raise InputError when an XML part declares a DOCTYPE or entities before its root
    element (office formats never do; entity tricks are how XML bombs work)."""
    view = _ascii_view(data)
    m = re.search(rb"<[A-Za-z_]", view)  # the root element: a DOCTYPE can only come before it
    prolog = view[: m.start()] if m else view
    if _DOCTYPE.search(prolog):
        raise _dtd_error(path, name, kind)


def parse_xml(data: bytes, path: str, name: str, kind: str = "ZIP") -> etree._Element:
    """Parse XML bytes with entities, DTDs and network off; refuse any DOCTYPE/ENTITY."""
    refuse_dtd(data, path, name, kind)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as e:
        if "entit" in str(e).lower():
            raise _dtd_error(path, name, kind) from None
        raise InputError(path, f"손상된 {kind} 파일입니다: '{name}' XML 오류 ({e}).", "corrupt") from None
    if root is None:
        raise InputError(path, f"손상된 {kind} 파일입니다: '{name}'이(가) 비어 있습니다.", "corrupt")
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None or docinfo.doctype:
        raise _dtd_error(path, name, kind)
    return root


_LOCAL_NAMES: dict[str, str] = {}


def local(tag: object) -> str:
    """Local name of an lxml tag (``{ns}p`` → ``p``); '' for comments and entities."""
    try:
        return _LOCAL_NAMES[tag]  # type: ignore[index]
    except (KeyError, TypeError):
        pass
    if not isinstance(tag, str):
        return ""
    i = tag.rfind("}")
    name = tag[i + 1 :] if i >= 0 else tag
    if len(_LOCAL_NAMES) < 4096:  # tag names are few; a hostile file cannot grow this much
        _LOCAL_NAMES[tag] = name
    return name


# -- list labels ---------------------------------------------------------------------------------
# DOCX and HWPX both store automatic numbering as a format per level plus a template ("%1.",
# "^1.^2."); neither stores the label a reader sees. These helpers rebuild it.

_HANGUL_SYLLABLES = "가나다라마바사아자차카타파하"
_HANGUL_JAMO = "ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ"
_HANGUL_DIGITS = "일이삼사오육칠팔구십"
_IDEOGRAPHS = "一二三四五六七八九十"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(n: int) -> str:
    out = []
    for value, sym in _ROMAN:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _latin(n: int) -> str:
    # A..Z, then AA, BB … as word processors do
    k = (n - 1) % 26
    return chr(ord("A") + k) * ((n - 1) // 26 + 1)


def _circled(n: int) -> str:
    if 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if 21 <= n <= 35:
        return chr(0x3251 + n - 21)
    if 36 <= n <= 50:
        return chr(0x32B1 + n - 36)
    return f"({n})"


def _cycle(seq: str, n: int) -> str:
    return seq[(n - 1) % len(seq)] if n >= 1 else str(n)


def _hangul_number(n: int, digits: str, ten: str) -> str:
    """Sino-Korean/ideographic reading of small numbers: 1 → 일, 12 → 십이, 20 → 이십."""
    if not 1 <= n <= 99:
        return str(n)
    tens, ones = divmod(n, 10)
    out = ""
    if tens:
        out += (digits[tens - 1] if tens > 1 else "") + ten
    if ones:
        out += digits[ones - 1]
    return out


def format_counter(n: int, style: str) -> str:
    """Render counter ``n`` in a numbering style. Styles are the project's own names:
    decimal, decimal_zero, roman_upper, roman_lower, roman_glyph_upper, roman_glyph_lower, latin_upper, latin_lower, circled,
    circled_latin_upper, circled_latin_lower, hangul_syllable, hangul_jamo,
    circled_hangul_syllable, circled_hangul_jamo, hangul_digit, ideograph, circled_ideograph,
    none. Unknown styles fall back to decimal."""
    if style == "none":
        return ""
    if n < 1 and style != "decimal":
        return str(n)
    if style == "decimal_zero":
        return f"{n:02d}"
    if style == "roman_upper":
        return _roman(n) if n < 4000 else str(n)
    if style == "roman_glyph_upper":  # Ⅰ Ⅱ … Ⅻ, as Hangul draws its Roman numbering
        return chr(0x2160 + n - 1) if n <= 12 else _roman(n)
    if style == "roman_glyph_lower":
        return chr(0x2170 + n - 1) if n <= 12 else _roman(n).lower()
    if style == "roman_lower":
        return _roman(n).lower() if n < 4000 else str(n)
    if style == "latin_upper":
        return _latin(n)
    if style == "latin_lower":
        return _latin(n).lower()
    if style == "circled":
        return _circled(n)
    if style == "circled_latin_upper":
        return chr(0x24B6 + n - 1) if n <= 26 else _latin(n)
    if style == "circled_latin_lower":
        return chr(0x24D0 + n - 1) if n <= 26 else _latin(n).lower()
    if style == "hangul_syllable":
        return _cycle(_HANGUL_SYLLABLES, n)
    if style == "hangul_jamo":
        return _cycle(_HANGUL_JAMO, n)
    if style == "circled_hangul_syllable":
        return chr(0x326E + n - 1) if n <= 14 else _cycle(_HANGUL_SYLLABLES, n)
    if style == "circled_hangul_jamo":
        return chr(0x3260 + n - 1) if n <= 14 else _cycle(_HANGUL_JAMO, n)
    if style == "hangul_digit":
        return _hangul_number(n, _HANGUL_DIGITS, "십")
    if style == "ideograph":
        return _hangul_number(n, _IDEOGRAPHS, "十")
    if style == "circled_ideograph":
        return chr(0x3280 + n - 1) if n <= 10 else _hangul_number(n, _IDEOGRAPHS, "十")
    return str(n)
