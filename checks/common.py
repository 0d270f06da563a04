"""Shared matching for detectors: lexicons, section context, modality, applicability gates.

Detectors find candidates cheaply (lexicon regexes on the whitespace-free view), then judge each in
context: which part of the RFP it stands in (요구사항 vs 현황 vs 평가 vs 계약조건 vs 목차), what the
sentence says about it (금지 / 허용 / 의무), and the numbers bound to it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

import regex
import yaml

from rfpcheck.pipeline.model import Document

# -- lexicons ----------------------------------------------------------------------------------


class LexiconError(ValueError):
    pass


@lru_cache(maxsize=1)
def _lexicon_schema() -> dict:
    with resources.files("rfpcheck.lexicons").joinpath("schema.json").open(encoding="utf-8") as f:
        return json.load(f)


@dataclass
class Lexicon:
    name: str
    data: dict

    def patterns(self, key: str) -> list[str]:
        return list(self.data.get("patterns", {}).get(key, []))

    def terms(self, key: str) -> list[str]:
        return list(self.data.get("terms", {}).get(key, []))

    @lru_cache(maxsize=None)
    def rx(self, key: str, flags: int = 0) -> "regex.Pattern":
        """One compiled alternation of the patterns under ``key`` (for the whitespace-free view)."""
        pats = self.patterns(key)
        if not pats:
            return regex.compile(r"(?!)")
        return regex.compile("|".join(f"(?:{p})" for p in pats), flags | regex.V0)

    @lru_cache(maxsize=None)
    def terms_rx(self, key: str) -> "regex.Pattern":
        """Terms as one case-insensitive regex for the ORIGINAL text: a space in a term matches any
        run of whitespace (or none), and ASCII terms do not match inside longer ASCII words."""
        alts = []
        for t in sorted(self.terms(key), key=len, reverse=True):
            parts = [regex.escape(p) for p in t.split()]
            body = r"\s*".join(parts)
            if t[:1].isascii() and t[:1].isalnum():
                body = r"(?<![A-Za-z0-9])" + body
            if t[-1:].isascii() and t[-1:].isalnum():
                body = body + r"(?![A-Za-z0-9])"
            alts.append(body)
        if not alts:
            return regex.compile(r"(?!)")
        return regex.compile("|".join(alts), regex.IGNORECASE)

    def __hash__(self) -> int:  # for lru_cache on methods
        return hash(self.name)


@lru_cache(maxsize=None)
def load_lexicon(name: str) -> Lexicon:
    """Load ``lexicons/<name>.yaml``, validated and with every pattern compiled once, so a broken
    lexicon fails loudly at load time, naming the file and the entry."""
    fname = f"{name}.yaml"
    try:
        with resources.files("rfpcheck.lexicons").joinpath(fname).open(encoding="utf-8") as f:
            data = yaml.safe_load(f)
    except FileNotFoundError:
        raise LexiconError(f"lexicon {fname} not found") from None
    return parse_lexicon(data, fname)


def parse_lexicon(data: object, fname: str) -> Lexicon:
    """Validate lexicon data against ``lexicons/schema.json`` and compile its patterns."""
    import jsonschema

    try:
        jsonschema.validate(data, _lexicon_schema())
    except jsonschema.ValidationError as e:
        path = "/".join(str(p) for p in e.absolute_path)
        raise LexiconError(f"{fname}: {path}: {e.message}") from None
    assert isinstance(data, dict)
    for key, pats in (data.get("patterns") or {}).items():
        for p in pats:
            try:
                regex.compile(p)
            except regex.error as e:
                raise LexiconError(f"{fname}: patterns/{key}: {p!r}: {e}") from None
    return Lexicon(fname.rsplit(".", 1)[0], data)


# -- section context ---------------------------------------------------------------------------

# Section-title keywords (whitespace-free) → the kind of text a section holds. First match wins,
# checked from the deepest heading up, so "Ⅲ. 제안요청 내용 > 2. 현행 시스템" reads as 현황.
SECTION_KIND_PATTERNS: list[tuple[str, str]] = [
    ("toc", r"^(목차|목록|contents)$"),
    ("current", r"현황|현행(?!화)|as-?is|기존시스템|운영환경|보유장비|보유자원"),
    ("evaluation", r"평가|배점|심사|협상적격"),
    ("proposal_guide", r"제안서(의)?작성|작성요령|작성방법|제안서목차|제안서구성|제출서류|제출방법|입찰참가|제안안내|제안서제출|설명회|기타안내"),
    ("contract", r"계약|특수조건|일반조건|하자|하도급|지식재산|손해배상|지체상금|대금|준수사항|유의사항|기타사항|보안서약"),
    ("requirement", r"요구사항|요청사항|제안요청|과업|sfr|ser|per|dar|sir|qur|cor|pmr|psr|기능|세부내용|추진내용|구축범위|사업범위|개발"),
    ("overview", r"사업개요|개요|추진배경|목적|필요성|기대효과|추진방향|추진전략|사업명|추진일정|예산"),
    ("attachment", r"붙임|별지|별첨|서식|첨부|부록|참고"),
]
_SECTION_KIND_RX = [(k, regex.compile(p, regex.IGNORECASE)) for k, p in SECTION_KIND_PATTERNS]


def _title_kind(title: str) -> Optional[str]:
    t = "".join(title.split())
    for kind, rx in _SECTION_KIND_RX:
        if rx.search(t):
            return kind
    return None


def section_kind(doc: Document, offset: int) -> str:
    """What part of the RFP ``offset`` stands in: toc | current | evaluation | proposal_guide |
    contract | requirement | overview | attachment | other. Table-of-contents text is ``toc``."""
    if doc.toc_ranges and doc.in_toc(offset):
        return "toc"
    sec = doc.section_at(offset)
    if sec is None:
        return "other"
    for node in reversed(sec.path()):
        kind = _title_kind(node.title)
        if kind:
            return kind
    return "other"


def table_header(doc: Document, offset: int) -> Optional[str]:
    """The first row of the table ``offset`` stands in (its column titles), or None."""
    b = doc.block_at(offset)
    if b is None or b.table is None:
        return None
    i = b.index
    while i > 0 and doc.blocks[i - 1].table == b.table:
        i -= 1
    first = doc.blocks[i]
    cells = []
    while i < len(doc.blocks) and doc.blocks[i].table == b.table and doc.blocks[i].row == first.row:
        cells.append(doc.blocks[i].text)
        i += 1
    return " | ".join(cells)


def row_text(doc: Document, offset: int) -> str:
    """The whole table row (or the block, outside tables) around ``offset``."""
    from .spans import row_span

    span = row_span(doc, offset)
    if span is None:
        b = doc.block_at(offset)
        return b.text if b else ""
    return doc.text[span[0]:span[1]]


# -- modality (cheap first, morphology when it decides) --------------------------------------------

_PROHIBIT_RX = regex.compile(
    r"금지|불허|불가|할수없|될수없|하여서는아니|해서는안|하여서는안|아니된다|안된다|허용하지아니|허용하지않|"
    r"허용되지않|허용치않|인정하지않|인정하지아니|제한한다|제한함|하지않는다|하지아니한다|하지않음|하지아니함|못한다"
)
_PERMIT_RX = regex.compile(r"가능하|가능함|가능$|허용하|허용함|허용한다|할수있|수있다|수있음|인정한다|인정함")
_OBLIGE_RX = regex.compile(r"하여야|해야|여야한|어야한|아야한|할것|하도록한다|필수|의무")


def modality_compact(sentence_compact: str) -> str:
    """prohibit | permit | oblige | neutral from a whitespace-free sentence, by surface forms.

    Use :func:`rfpcheck.pipeline.nlp.modality` where the surface is ambiguous (a prohibition word and
    a permission word in one sentence, "수 없이"); this function is the cheap first look.
    """
    s = sentence_compact
    if _PROHIBIT_RX.search(s):
        return "prohibit"
    if _PERMIT_RX.search(s):
        return "permit"
    if _OBLIGE_RX.search(s):
        return "oblige"
    return "neutral"


def modality(sentence: str) -> str:
    """The deontic force of a sentence. Surface forms decide clear cases; when a sentence carries both
    a prohibition and a permission marker, the morphological reader decides which one governs."""
    compact = "".join(sentence.split())
    has_p = bool(_PROHIBIT_RX.search(compact))
    has_a = bool(_PERMIT_RX.search(compact))
    if has_p and has_a or "수없이" in compact:
        from rfpcheck.pipeline import nlp

        return nlp.modality(sentence).label
    return modality_compact(compact)


# -- applicability ---------------------------------------------------------------------------------


def won(value: int) -> str:
    """2350000000 → '23.5억원'."""
    if value >= 100_000_000:
        s = f"{value / 100_000_000:.2f}".rstrip("0").rstrip(".")
        return f"{s}억원"
    if value >= 10_000:
        return f"{value / 10_000:,.0f}만원"
    return f"{value:,}원"


def budget_gate(doc: Document, threshold: int, strict: bool = False) -> tuple[Optional[bool], str]:
    """Whether the project amount (VAT incl.) reaches ``threshold``: (True/False, reason) or
    (None, reason) when the amount could not be read — the caller then reports 검토필요."""
    f = doc.facts.get_fact("budget_krw")
    if not f.known:
        return None, f"사업금액을 문서에서 확인하지 못해 {won(threshold)} 기준 적용 여부를 판단할 수 없습니다"
    v = int(f.value)
    ok = v > threshold if strict else v >= threshold
    rel = (">" if ok else "≤") if strict else ("≥" if ok else "<")
    how = "입력값" if f.source == "given" else "추정"
    return ok, f"사업금액 {won(v)}({how}) {rel} {won(threshold)}"


def kinds(doc: Document) -> list[str]:
    v = doc.facts.value("project_kinds") or []
    return list(v)


def has_kind(doc: Document, *wanted: str) -> bool:
    ks = set(kinds(doc))
    return any(w in ks for w in wanted)


# -- project name and fact wording (shared by rules that read the project's name) ----------------

# What a project name says the project mainly is (whitespace-free name). "운영 및 유지관리 용역" is
# operation; "시설물 유지관리시스템 구축" is development (the system is for maintenance work).
NAME_OPERATION_RX = regex.compile(
    r"운영(?:용역|지원|사업|업무|관리)?(?:$|및|·|,|용역|사업)|위탁운영|유지(?:관리|보수)(?!시스템|체계|플랫폼|정보|앱)"
    r"|유지및보수|유지·보수|운영용역"
)
NAME_DEVELOPMENT_RX = regex.compile(
    r"개발|고도화|개편|재구축|차세대|기능개선|기능개발|(?:시스템|플랫폼|홈페이지|누리집|서비스|포털|앱|체계|환경)"
    r"(?:및[^。]{0,20})?(?:구축|개선)|(?<!DB|데이터|데이터베이스|자료|콘텐츠)구축(?:사업|용역)*$"
)


def project_name_scope(doc: Document) -> tuple[str, bool, bool]:
    """(whitespace-free project name, names operation/maintenance, names development) from the
    ``project_name`` fact; ("", False, False) when the name is unknown."""
    name = "".join(str(doc.facts.value("project_name") or "").split())
    if not name:
        return "", False, False
    return name, bool(NAME_OPERATION_RX.search(name)), bool(NAME_DEVELOPMENT_RX.search(name))


def fact_how(doc: Document, name: str) -> str:
    """How a fact is known, for ``applies`` texts: '입력값', '추정' or '미상'."""
    f = doc.facts.get_fact(name)
    if not f.known:
        return "미상"
    return "입력값" if f.source == "given" else "추정"


def josa(word: str, pair: str) -> str:
    """``word`` with the particle of ``pair`` ("이/가", "을/를", "은/는", "과/와", "으로/로") chosen by
    whether its last syllable has a final consonant."""
    with_final, without = pair.split("/")
    ch = word.rstrip()[-1:] if word.strip() else ""
    if ch and "가" <= ch <= "힣":
        final = (ord(ch) - 0xAC00) % 28
        if pair == "으로/로" and final == 8:  # ㄹ takes 로
            return word + without
        return word + (with_final if final else without)
    return word + (with_final if ch.isdigit() and ch in "013678" else without)
