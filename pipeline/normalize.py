"""Text clean-up shared by every extractor, and a text-quality measure used to reject garbage."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Private-use glyphs seen in Korean office documents. Symbol-font bullets become a bullet; Hancom's
# private-use code points have no public mapping, so any we do not know are dropped.
_PUA_MAP = {
    0xF0B7: "•",
    0xF0A7: "▪",
    0xF0A8: "□",
    0xF06C: "●",
    0xF06E: "■",
    0xF075: "◆",
    0xF0D8: "➢",
    0xF0FC: "✓",
    0xF09F: "•",
    0xF0E0: "→",
    # Wingdings glyphs in Hangul documents, checked against the printed page of the same file
    0xF06D: "❍",
    0xF09E: "·",
    0xF0A1: "○",
    0xF0E8: "➔",
    # Hancom's own glyph for 한 in the product name 한글 ("[]글, MS오피스", "[]글2002 이상")
    0xF53A: "한",
}

_INVISIBLE = {
    0x00AD,  # soft hyphen
    0x200B, 0x200C, 0x200D, 0x200E, 0x200F,  # zero-width, directional marks
    0x2060, 0x2061, 0x2062, 0x2063, 0x2064,
    0xFEFF,  # BOM / zero-width no-break space
    0xFFFE, 0xFFFF,  # non-characters (PDF text layers emit U+FFFE)
    0xFFFC,  # object replacement
}

_SPACES = {0x00A0, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A,
           0x202F, 0x205F, 0x3000, 0x0009, 0x000B, 0x000C}


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for cp in range(0x00, 0x20):
        if cp not in (0x0A,):
            table[cp] = None
    table[0x0D] = "\n"
    table[0x7F] = None
    for cp in range(0x80, 0xA0):
        table[cp] = None
    for cp in _INVISIBLE:
        table[cp] = None
    for cp in _SPACES:
        table[cp] = " "
    table[0x2028] = "\n"
    table[0x2029] = "\n"
    return table


_TABLE = _build_table()
_HSPACE_RUN = re.compile(r"[ ]{2,}")
_PUA_RE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff]")
_TRAIL = re.compile(r"[ ]+\n|\n[ ]+")


def _strip_pua(text: str) -> str:
    out = []
    for ch in text:
        cp = ord(ch)
        if 0xE000 <= cp <= 0xF8FF or 0xF0000 <= cp:
            rep = _PUA_MAP.get(cp)
            if rep:
                out.append(rep)
            continue
        out.append(ch)
    return "".join(out)


def clean_text(text: str) -> str:
    """NFC, invisible and control characters removed, private-use glyphs mapped or dropped,
    odd spaces made plain, runs of spaces collapsed. Newlines are kept."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n")
    text = text.translate(_TABLE)
    if _PUA_RE.search(text):
        text = _strip_pua(text)
    text = unicodedata.normalize("NFC", text)
    text = _HSPACE_RUN.sub(" ", text)
    text = _TRAIL.sub("\n", text)
    return text


# -- text quality ------------------------------------------------------------------------------

def _is_hangul(cp: int) -> bool:
    return 0xAC00 <= cp <= 0xD7A3 or 0x1100 <= cp <= 0x11FF or 0x3130 <= cp <= 0x318F


def _is_common(cp: int) -> bool:
    """ASCII, Latin-1 letters, general punctuation, CJK symbols, shapes, arrows, roman numerals,
    circled digits, full-width forms: what a Korean RFP normally contains besides Hangul."""
    return (
        cp < 0x250
        or 0x2000 <= cp <= 0x2BFF  # punctuation, super/subscripts, currency, letterlike, number
        # forms (Ⅰ), arrows, math, technical, enclosed alphanumerics (①), box, shapes, misc symbols
        or 0x3000 <= cp <= 0x303F  # CJK symbols and punctuation (「」)
        or 0x3200 <= cp <= 0x33FF  # enclosed CJK (㈜), CJK compatibility (㎡)
        or 0xFF00 <= cp <= 0xFFEF  # full-width forms
        or 0x0370 <= cp <= 0x03FF  # Greek (μ, Δ)
        or 0x0400 <= cp <= 0x04FF  # Cyrillic (rare, harmless)
        or 0x2E80 <= cp <= 0x2FDF  # CJK radicals
    )


def _is_hanja(cp: int) -> bool:
    return 0x4E00 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF


@dataclass
class TextQuality:
    chars: int
    hangul: int
    hanja: int
    common: int
    other: int  # anything else: Yi syllables, CJK extension B, Arabic, PUA leftovers …

    @property
    def other_share(self) -> float:
        return self.other / self.chars if self.chars else 0.0

    @property
    def hangul_share(self) -> float:
        return self.hangul / self.chars if self.chars else 0.0

    @property
    def hanja_share(self) -> float:
        return self.hanja / self.chars if self.chars else 0.0


def text_quality(text: str) -> TextQuality:
    """Counts over the non-space characters of ``text``."""
    hangul = hanja = common = other = n = 0
    for ch in text:
        if ch.isspace():
            continue
        n += 1
        cp = ord(ch)
        if _is_hangul(cp):
            hangul += 1
        elif _is_common(cp):
            common += 1
        elif _is_hanja(cp):
            hanja += 1
        else:
            other += 1
    return TextQuality(n, hangul, hanja, common, other)


def looks_garbled(text: str, min_chars: int = 200) -> bool:
    """True when a text layer is not real Korean text: fonts without a Unicode map decode to
    random CJK ideographs, Yi syllables or extension planes while real Hangul is scarce."""
    q = text_quality(text)
    if q.chars < min_chars:
        return False
    # Real RFPs measured here hold at most 0.01 % such characters; a garbled layer held 4.6 %.
    if q.other_share > 0.01:
        return True
    # Real Korean RFPs use a little hanja; a layer that is mostly hanja and little Hangul is noise.
    return q.hanja_share > 0.25 and q.hangul_share < 0.30
