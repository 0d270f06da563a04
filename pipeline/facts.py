"""Project facts read off an RFP — 문서유형, 사업명, 사업금액, 사업기간, 계약방법, 사업유형 … — each
with the evidence it was read from, a confidence, and whether it was inferred, given or unknown.

Everything here is linear regex passes over a *matching view* of ``Document.text``: horizontal
whitespace removed (Korean documents space words and even syllables freely: "사 업 비", "금 498,563,000
원"), newlines kept (so a number never runs into the next line's number) and one space kept between
two digits (so table cells "1,000 2,000" stay two numbers). The view maps back to ``Document.text``
for evidence.

Amounts are read in every official spelling (:func:`parse_amount`); the project total is picked
among the candidates next to budget words by a score that prefers the 사업개요 figure and keeps
away from the usual traps (보증금, 단가, 연도별 금액, 제안서 보상, "20억원 미만" thresholds).

사업유형 and the yes/no facts (상용SW·네트워크/보안 장비 도입, DB 구축, 개인정보 처리, 기능점수 대가)
are read in section context (:class:`_Zones`): the document's own scope statement (사업범위·과업내용),
its equipment-composition requirements (ECR-…) and purchase tables count; a 현황 inventory, a
security pledge's 누출금지 list, proposal forms and evaluation tables do not.
"""
from __future__ import annotations

import bisect
import calendar
import re
from array import array
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Iterable, Optional

from .model import Document, Evidence, Fact, Facts, Section

# ------------------------------------------------------------------------------------------------
# Vocabulary
# ------------------------------------------------------------------------------------------------

DOC_TYPES = ("제안요청서", "과업지시서", "과업내용서", "입찰공고문", "규격서", "기타")
CONTRACT_METHODS = ("협상", "경쟁적대화", "적격심사", "최저가", "수의계약", "2단계경쟁", "unknown")
PROJECT_KINDS = (
    "SW개발", "고도화", "유지관리운영", "ISP컨설팅", "상용SW구매", "HW인프라", "DB구축",
    "홈페이지앱", "연구용역", "감리PMO", "비SW",
)
YES_NO = ("yes", "no", "unknown")
VAT_STATES = ("included", "excluded", "unknown")

FACT_NAMES = (
    "doc_type", "project_name", "public_sw_project", "budget_krw", "budget_vat",
    "budget_stated_krw", "duration_months", "contract_method", "project_kinds",
    "buys_commercial_sw", "buys_network_or_security_equipment", "builds_db",
    "personal_info_system", "priced_by_fp",
)

VAT_RATE = Decimal("1.1")
Span = tuple[int, int]  # a half-open range of the matching view

# ------------------------------------------------------------------------------------------------
# Matching view
# ------------------------------------------------------------------------------------------------

_HSPACE = re.compile(r"[ \t\u00a0\u3000]+")


class TextView:
    """``text`` without horizontal whitespace (newlines kept, a single space kept between digits),
    with a map from each view character back to its offset in ``text``."""

    def __init__(self, text: str) -> None:
        parts: list[str] = []
        m = array("i")
        pos = 0
        for sp in _HSPACE.finditer(text):
            a, b = sp.span()
            if a > pos:
                parts.append(text[pos:a])
                m.extend(range(pos, a))
            if 0 < a and b < len(text) and text[a - 1].isdigit() and text[b].isdigit():
                parts.append(" ")
                m.append(a)
            pos = b
        if pos < len(text):
            parts.append(text[pos:])
            m.extend(range(pos, len(text)))
        self.s = "".join(parts)
        self.map = m
        self.text = text
        self._line_starts: Optional[list[int]] = None

    def orig(self, vs: int, ve: int) -> tuple[int, int]:
        """Span of ``text`` covering view span ``[vs, ve)``."""
        n = len(self.map)
        if n == 0:
            return (0, 0)
        vs = max(0, min(vs, n - 1))
        ve = max(vs + 1, min(ve, n))
        return (self.map[vs], self.map[ve - 1] + 1)

    def view_index(self, offset: int) -> int:
        """First view index whose text offset is at or after ``offset``."""
        return bisect.bisect_left(self.map, offset)

    def line_bounds(self, vpos: int) -> tuple[int, int]:
        s = self.s
        a = s.rfind("\n", 0, vpos) + 1
        b = s.find("\n", vpos)
        return (a, len(s) if b < 0 else b)


# ------------------------------------------------------------------------------------------------
# Amounts
# ------------------------------------------------------------------------------------------------

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MUL = {"조": 10**12, "억": 10**8, "천만": 10**7, "백만": 10**6, "십만": 10**5, "만": 10**4,
        "천": 10**3, "백": 10**2}
_MUL_RE = "조|억|천만|백만|십만|만|천|백"
_ARABIC = re.compile(
    rf"(?<![\d,.])(?P<cur>[￦₩]|\\)?(?P<body>(?:(?:{_NUM})(?:{_MUL_RE}))*(?:{_NUM})(?:{_MUL_RE})?)"
    r"(?P<won>원|KRW|won)?"
)
_ARABIC_TOKEN = re.compile(rf"({_NUM})({_MUL_RE})?")

_KO_DIGITS = {
    "영": 0, "공": 0, "일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "륙": 6, "칠": 7, "팔": 8, "구": 9,
    "零": 0, "壹": 1, "一": 1, "貳": 2, "貮": 2, "二": 2, "參": 3, "叁": 3, "三": 3, "肆": 4, "四": 4,
    "伍": 5, "五": 5, "陸": 6, "六": 6, "柒": 7, "七": 7, "捌": 8, "八": 8, "玖": 9, "九": 9,
}
_KO_SMALL = {"십": 10, "백": 100, "천": 1000, "拾": 10, "十": 10, "佰": 100, "百": 100, "仟": 1000, "千": 1000}
_KO_BIG = {"만": 10**4, "억": 10**8, "조": 10**12, "萬": 10**4, "万": 10**4, "億": 10**8, "兆": 10**12}
_KO_CHARS = "".join(sorted(set(_KO_DIGITS) | set(_KO_SMALL) | set(_KO_BIG)))
_KOREAN = re.compile(rf"(?P<pre>일금|금|金|\()(?P<body>[{_KO_CHARS}]{{2,}})(?P<won>원|圓)")

# table unit declarations: (단위: 천원), 단위 : 백만원, [단위:원]
_TABLE_UNIT = re.compile(r"단위[:：]?(?P<u>천원|백만원|만원|억원|원|천|백만)|\((?P<u2>천원|백만원|억원|만원)\)")
_TABLE_UNIT_MUL = {"천원": 1000, "천": 1000, "백만원": 10**6, "백만": 10**6, "만원": 10**4, "억원": 10**8, "원": 1}


@dataclass
class Amount:
    """One amount found in the view: value in won, view span, how it was written."""

    won: int
    vs: int
    ve: int
    kind: str  # arabic | korean | bare
    explicit: bool  # a currency word or sign (원, ￦) or a money multiplier (억, 백만) was written
    unit_from_table: bool = False


def parse_korean_numeral(s: str) -> Optional[int]:
    """일십이억오천만 → 1250000000; 壹億貳仟萬 → 120000000. None if ``s`` is not a numeral."""
    total = 0
    section = 0
    num = None
    seen = False
    for ch in s:
        if ch in _KO_DIGITS:
            if num is not None:  # two digits in a row ("이삼") is not a numeral
                return None
            num = _KO_DIGITS[ch]
            seen = True
        elif ch in _KO_SMALL:
            section += (1 if num is None else num) * _KO_SMALL[ch]
            num = None
            seen = True
        elif ch in _KO_BIG:
            section += 0 if num is None else num
            total += (section or 1) * _KO_BIG[ch]
            section = 0
            num = None
            seen = True
        else:
            return None
    if not seen:
        return None
    return total + section + (num or 0)


def _arabic_value(body: str) -> Optional[tuple[int, bool]]:
    """Value of an arabic body ("12억5천만", "1,250백만", "197.3억") and whether it had a multiplier."""
    total = Decimal(0)
    had_mul = False
    pos = 0
    last_mul = None
    for m in _ARABIC_TOKEN.finditer(body):
        if m.start() != pos:
            return None
        pos = m.end()
        num = Decimal(m.group(1).replace(",", ""))
        mul = m.group(2)
        if mul:
            factor = _MUL[mul]
            if last_mul is not None and factor >= last_mul:
                return None  # "5천만3억" is not one amount
            last_mul = factor
            had_mul = True
            total += num * factor
        else:
            total += num
    if pos != len(body):
        return None
    return int(total.to_integral_value()), had_mul


_MONEY_MULS = ("조", "억", "천만", "백만")
_COUNT_WORDS = "명건개부회년월일%점대"  # after a number these make it a count or a date


def iter_amounts(view: str, lo: int = 0, hi: Optional[int] = None, bare: bool = True) -> Iterable[Amount]:
    """Amounts in ``view[lo:hi]`` in order. ``bare`` also yields unit-less numbers that look like
    money (comma-grouped or ≥ 6 digits, not followed by a count or date word)."""
    hi = len(view) if hi is None else hi
    found: list[Amount] = []
    for m in _KOREAN.finditer(view, lo, hi):
        body = m.group("body")
        if not any(ch in _KO_DIGITS for ch in body):
            continue  # "(백만원)", "(천원)": a column's unit, not an amount
        v = parse_korean_numeral(body)
        if v and v >= 1000:
            s = m.start("body") if m.group("pre") == "(" else m.start()
            found.append(Amount(v, s, m.end(), "korean", True))
    for m in _ARABIC.finditer(view, lo, hi):
        body = m.group("body")
        r = _arabic_value(body)
        if r is None:
            continue
        value, had_mul = r
        if value >= 10**13:
            continue  # 10조원 and more: a law's article ("제48조") or a misread, never a tender
        if "조" in body and (view[m.start() - 1: m.start()] == "제" or view[m.end(): m.end() + 1] in ("의", "제", "항")):
            continue  # "제48조제4항": an article of a law
        won = bool(m.group("won"))
        cur = bool(m.group("cur"))
        mul_tokens = [t.group(2) for t in _ARABIC_TOKEN.finditer(body) if t.group(2)]
        money_mul = any(t in _MONEY_MULS for t in mul_tokens)
        nxt = view[m.end(): m.end() + 2]
        if won or cur:
            explicit = True
        elif had_mul:
            if not money_mul:
                continue  # "5만건", "3천명": a count, not money
            if nxt[:1] and nxt[:1] in _COUNT_WORDS:
                continue
            explicit = True
        else:
            if not bare:
                continue
            digits = body.replace(",", "").split(".")[0]
            if not ("," in body or len(digits) >= 6):
                continue
            if nxt[:1] and (nxt[:1] in _COUNT_WORDS or nxt[:1] in "식권쪽" or nxt.lower().startswith(("ea", "p"))):
                continue
            if view[m.start() - 1: m.start()] in ("-", "/", "~"):
                continue  # part of a phone number, a date range or a code ("02-123-4567")
            explicit = False
        if value <= 0:
            continue
        found.append(Amount(value, m.start(), m.end(), "arabic" if explicit else "bare", explicit))
    found.sort(key=lambda a: (a.vs, -a.ve))
    # where two readings overlap, keep the one that starts first (and is longest there)
    out: list[Amount] = []
    last_end = -1
    for a in found:
        if a.vs < last_end:
            continue
        out.append(a)
        last_end = a.ve
    return out


def parse_amount(s: str) -> Optional[int]:
    """Parse one amount as a person writes it: "1,250,000,000원", "금 1,250,000,000원(부가가치세 포함)",
    "12.5억원", "12억 5천만원", "1,250백만원", "금일십이억오천만원정", "12억", "1250000000".
    Returns won (the stated figure; VAT is not applied here) or None."""
    if s is None:
        return None
    v = TextView(str(s))
    amounts = list(iter_amounts(v.s, bare=True))
    if not amounts:
        # a bare Korean numeral without 금/원 ("일십이억오천만")
        m = re.fullmatch(r"(?:일금|금|金)?([%s]+)(?:원|圓)?(?:정|整)?" % _KO_CHARS, v.s.strip())
        if m:
            return parse_korean_numeral(m.group(1))
        digits = re.fullmatch(r"\d+", v.s.strip())
        return int(digits.group()) if digits else None
    explicit = [a for a in amounts if a.explicit]
    return (explicit or amounts)[0].won


_VAT_INC = re.compile(r"(?:부가가치세|부가세|VAT|V\.A\.T\.?|vat)[^()\n]{0,14}?(?:포함|포함한|포함된)")
_VAT_EXC = re.compile(r"(?:부가가치세|부가세|VAT|V\.A\.T\.?|vat)(?:는|은)?(?:별도|제외|불포함|미포함|비포함)")


def vat_state(s: str) -> Optional[str]:
    """'included' / 'excluded' if ``s`` (a view string) states it, else None."""
    exc = _VAT_EXC.search(s)
    inc = _VAT_INC.search(s)
    if exc and (not inc or exc.start() <= inc.start()):
        return "excluded"
    if inc:
        return "included"
    return None


# ------------------------------------------------------------------------------------------------
# Budget
# ------------------------------------------------------------------------------------------------

_BUDGET_KW = re.compile(
    r"(?P<total>총사업비|총사업예산|총예산|사업예산액?|사업비|사업금액|사업규모|소요예산액?|소요사업비|예산소요액|"
    r"용역예산|용역비용?|용역금액|과업예산|과업금액|발주예산|배정예산|사업예정금액|예산액|예산금액)"
    r"|(?P<estimate>추정가격|추정금액)"
    r"|(?P<base>기초금액|기초가격|입찰예정가격|예정가격|설계금액)"
    r"|(?P<weak>\(금액\)|금액|예산|계약금액)"
)
_KW_BASE = {"total": 10.0, "estimate": 8.0, "base": 8.0, "weak": 4.0}

_TRAP_BEFORE = [
    (re.compile(r"보증금|보증서|보증률|보증금률"), -25.0, "보증금"),
    (re.compile(r"보상"), -20.0, "제안서 보상"),
    (re.compile(r"단가|월평균|/월|월\d|1인당|인당|시간당|건당|회당"), -12.0, "단가"),
    (re.compile(r"실적|매출|자본금"), -15.0, "실적·매출 기준"),
    (re.compile(r"위약금|지체상금|수수료|과징금|과태료|벌금"), -12.0, "위약금·수수료"),
    (re.compile(r"하도급"), -10.0, "하도급"),
    (re.compile(r"(?:20\d\d|'\d\d|’\d\d)년도?(?!\d)|\d차년도|연도별|년도별|차년도"), -4.0, "연도별 금액"),
]
_ITEM_WORDS = re.compile(
    r"(?:개발비|구축비|인건비|경비|구매비|장비비|도입비|유지보수비|운영비|H/W|S/W|HW|SW|하드웨어|소프트웨어|"
    r"상용SW|라이선스|용역비|직접비|간접비|제경비|기술료|\d차|\d단계|\d차년도|\d년차)[:：]?\)?$"
)
_PAST_CONTEXT = re.compile(r"현황|現|현행시스템|추진경과|추진실적|기구축|旣")
_THRESHOLD_AFTER = re.compile(r"^(?:이상|미만|초과|이하|을초과|를초과|이상인|미만인|미만의|이상의)")


@dataclass
class _Candidate:
    score: float
    amount: Amount
    kw_start: int
    kw_end: int
    kw_class: str
    value: int
    vat: Optional[str]
    span_end: int
    notes: list[str]


def _table_unit_positions(view: str) -> list[tuple[int, int]]:
    return [(m.start(), _TABLE_UNIT_MUL[m.group("u") or m.group("u2")]) for m in _TABLE_UNIT.finditer(view)]


def _unit_for(pos: int, units: list[tuple[int, int]], window: int = 1500) -> Optional[int]:
    """The unit declared by the nearest "(단위: 천원)" before ``pos`` (within ``window``)."""
    i = bisect.bisect_right(units, (pos, float("inf"))) - 1
    if i >= 0 and pos - units[i][0] <= window:
        return units[i][1]
    return None


def _overview_ranges(doc: Document, view: TextView) -> list[tuple[int, int]]:
    """View ranges of the 사업개요-like sections, when the segmenter has run (without sections the
    budget scorer falls back on position: the first pages)."""
    out = []
    pat = re.compile(r"개요|사업안내|사업일반|일반사항|용역개요|과업개요")
    for sec in getattr(doc, "all_sections", None) or []:
        if sec.level <= 2 and pat.search(re.sub(r"\s", "", sec.title)):
            out.append((view.view_index(sec.start), view.view_index(sec.end)))
    return out


def _find_budget(doc: Document, view: TextView, early_limit: int) -> Optional[_Candidate]:
    s = view.s
    units = _table_unit_positions(s)
    overview = _overview_ranges(doc, view)
    cands: list[_Candidate] = []
    for km in _BUDGET_KW.finditer(s):
        kw_class = km.lastgroup or "weak"
        kw = km.group()
        ks, ke = km.span()
        # a keyword that is a fragment of a longer word in prose ("예산" in "예산서", "예산의 범위")
        if kw_class == "weak" and kw in ("예산", "금액"):
            after = s[ke: ke + 1]
            if after not in (":", "：", ")", "|", "\n", "(", "") and not after.isdigit() and after not in "금￦₩":
                continue
        line_a, line_b = view.line_bounds(ks)
        hi = line_b
        # the value may sit in the next cell / line when the keyword line holds nothing else
        rest = s[ke:line_b]
        if not (re.search(r"\d", rest) or _KOREAN.search(rest)):
            nxt_b = s.find("\n", line_b + 1)
            hi = len(s) if nxt_b < 0 else nxt_b
            nxt2 = s.find("\n", hi + 1)
            if not re.search(r"\d", s[line_b:hi]) and nxt2 > 0:
                hi = nxt2
        hi = min(hi, ke + 160)
        amounts = [a for a in iter_amounts(s, ke, hi) if a.vs - ke <= 120]
        if not amounts:
            continue
        a = amounts[0]
        # a bare number right after the keyword takes the table unit (or 원)
        value = a.won
        notes: list[str] = []
        if a.kind == "bare":
            mul = _unit_for(a.vs, units)
            if mul and mul != 1:
                value = a.won * mul
                a.unit_from_table = True
                notes.append("표의 단위 적용")
        score = _KW_BASE[kw_class]
        between = s[ke:a.vs]
        # another budget word between keyword and amount means the amount belongs to that one
        if _BUDGET_KW.search(between):
            continue
        if "\n" in between and kw_class == "weak":
            score -= 3
        before_ctx = s[max(line_a, ks - 40): a.vs]
        for pat, pen, why in _TRAP_BEFORE:
            if pat.search(before_ctx):
                score += pen
                notes.append(why)
        after_amount = s[a.ve: a.ve + 6]
        if _THRESHOLD_AFTER.match(after_amount):
            score -= 15
            notes.append("기준 금액(이상/미만)")
        if _ITEM_WORDS.search(s[max(line_a, a.vs - 12): a.vs]):
            score -= 2
            notes.append("항목별 금액")
        # sum of line items written on one line: "개발비 359백만원, H/W 484백만원(VAT 포함)"
        span_end = a.ve
        same_line = [x for x in amounts if x.vs < line_b and x.explicit and x.kind == "arabic"]
        if (
            kw_class == "total"
            and len(same_line) >= 2
            and all(_ITEM_WORDS.search(s[max(line_a, x.vs - 12): x.vs]) for x in same_line)
            and not re.search(r"총|합계|계[:：]", s[ke: same_line[0].vs])
        ):
            value = sum(x.won for x in same_line)
            span_end = same_line[-1].ve
            score += 3  # the project total is the sum of its parts
            notes = [n for n in notes if n != "항목별 금액"] + ["항목 합계"]
        if re.search(r"총액|총사업비|총예산|합계", s[ks: a.vs]):
            score += 1.5
        # VAT statement: after the amount on its line (or between keyword and amount)
        vat_zone = s[span_end: min(line_b if line_b > span_end else span_end + 60, span_end + 60)]
        vat = vat_state(vat_zone) or vat_state(between)
        if vat is None and a.vs >= line_b:  # value on the next line: its own line counts
            _, vb = view.line_bounds(a.vs)
            vat = vat_state(s[span_end: min(vb, span_end + 60)])
        if vat:
            score += 3.0
        # a figure under a 현황 / 추진경과 heading describes an earlier project
        if _PAST_CONTEXT.search(s, max(0, ks - 300), ks):
            score -= 3.0
            notes.append("현황·경과의 금액")
        if a.explicit:
            score += 1.0
        elif not a.unit_from_table:
            score -= 1.0
            if value < 1_000_000:
                continue
        if value < 100_000:  # nobody tenders a 10만원 project; that is a fee or a unit
            score -= 8
        in_overview = any(lo <= ks < hi_ for lo, hi_ in overview)
        if in_overview:
            score += 4.0
        elif ks < early_limit:
            score += 3.0
        else:
            score -= min(3.0, 3.0 * ks / max(1, len(s)))
        cands.append(_Candidate(score, a, ks, ke, kw_class, value, vat, span_end, notes))
    if not cands:
        return None
    cands.sort(key=lambda c: (-c.score, c.kw_start))
    return cands[0] if cands[0].score > 0 else None


# ------------------------------------------------------------------------------------------------
# Duration
# ------------------------------------------------------------------------------------------------

_DUR_KW = re.compile(
    r"(?:총)?(?:사업|과업|용역|계약|수행|연구|이행|사업수행|용역수행|과업수행|구축)(?:의)?기간(?:은|는)?"
    r"|\(기간\)|납품기한|납기"
)
_D_MONTHS = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d)?)개월")
_D_YEARS = re.compile(r"(?:로부터|부터|후|:|약)(\d{1,2})년(?:간|이내|\)|$|\s|\n|\(|,)")
_D_MONTH_BARE = re.compile(r"(?:로부터|부터|후|약)(\d{1,2})월(?:간|이내|\(|\)|$|\n)")
_D_DAYS = re.compile(r"(?<![\d.월])(\d{2,4})일(?:간|이내|\(|\)|까지|$|\n|,|/)")
_DATE = re.compile(
    r"(?P<y>20\d\d|[’'‘′]\d\d|\d\d(?=년))\s?[.년/-]\s?(?P<m>\d{1,2})\s?(?:[.월/-]\s?(?P<d>\d{1,2})(?:일|\.)?)?월?"
)
_DATE_NOYEAR = re.compile(r"(?P<m>\d{1,2})\s?[.월]\s?(?P<d>\d{1,2})(?:일|\.)?")
_RANGE_SEP = re.compile(r"~|∼|〜|～|부터|-(?!\d{3,})")
_START_WORDS = re.compile(r"계약(?:체결)?일|계약체결|계약후|착수일|착수|계약일")


def _year(y: str) -> int:
    y = y.strip("’'‘′")
    v = int(y)
    return v + 2000 if v < 100 else v


def _months_between(y1: int, m1: int, d1: Optional[int], y2: int, m2: int, d2: Optional[int]) -> Optional[float]:
    try:
        if d1 is None and d2 is None:
            n = (y2 - y1) * 12 + (m2 - m1) + 1  # "2024년 4월 ~ 2024년 12월": both months count
            return float(n) if n > 0 else None
        d1 = d1 or 1
        d2 = d2 or calendar.monthrange(y2, m2)[1]
        a = date(y1, m1, d1)
        b = date(y2, m2, d2)
    except ValueError:
        return None
    if b <= a:
        return None
    last = calendar.monthrange(y2, m2)[1]
    if d1 == 1 and d2 == last:
        return float((y2 - y1) * 12 + (m2 - m1) + 1)
    days = (b - a).days + 1
    return round(days / 30.44 * 2) / 2


def _num(v: float) -> float | int:
    return int(v) if float(v).is_integer() else v


@dataclass
class _Duration:
    score: float
    months: Optional[float]
    vs: int
    ve: int
    how: str
    note: str = ""
    end_date: Optional[str] = None
    estimate: Optional[float] = None


def _parse_duration_text(seg: str) -> Optional[tuple[Optional[float], str, int, str, Optional[str]]]:
    """(months or None, how, end offset in seg, note, end date) for the text after a 기간 keyword."""
    m = _D_MONTHS.search(seg)
    if m:
        return float(m.group(1)), "months", m.end(), "", None
    m = _D_YEARS.search(seg)
    if m and 0 < int(m.group(1)) <= 10:
        return float(int(m.group(1)) * 12), "years", m.end(), "", None
    m = _D_MONTH_BARE.search(seg)
    if m and 0 < int(m.group(1)) <= 60:
        return float(m.group(1)), "months", m.end(), "", None
    m = _D_DAYS.search(seg)
    if m:
        days = int(m.group(1))
        if 10 <= days <= 2000:
            return round(days / 30 * 2) / 2, "days", m.end(), f"{days}일", None
    # date ranges
    dates = list(_DATE.finditer(seg))
    if dates:
        d1 = dates[0]
        head = seg[: d1.start()]
        sep_after = _RANGE_SEP.search(seg, d1.end(), d1.end() + 4)
        if _START_WORDS.search(head) and _RANGE_SEP.search(head):
            end = f"{_year(d1.group('y'))}-{int(d1.group('m')):02d}" + (
                f"-{int(d1.group('d')):02d}" if d1.group("d") else "")
            return None, "open_range", d1.end(), "시작일이 계약일(착수일)이라 개월 수를 셀 수 없음", end
        if sep_after:
            rest = seg[sep_after.end():]
            m2 = _DATE.match(rest) or _DATE.search(rest[:20])
            y1, mo1 = _year(d1.group("y")), int(d1.group("m"))
            dd1 = int(d1.group("d")) if d1.group("d") else None
            if m2:
                y2, mo2 = _year(m2.group("y")), int(m2.group("m"))
                dd2 = int(m2.group("d")) if m2.group("d") else None
                endpos = sep_after.end() + m2.end()
            else:
                m3 = _DATE_NOYEAR.match(rest)
                if not m3:
                    return None
                y2, mo2, dd2 = y1, int(m3.group("m")), int(m3.group("d"))
                endpos = sep_after.end() + m3.end()
            if not (1 <= mo1 <= 12 and 1 <= mo2 <= 12):
                return None
            months = _months_between(y1, mo1, dd1, y2, mo2, dd2)
            if months is None:
                return None
            return months, "range", endpos, "", None
        if _START_WORDS.search(head) or re.search(r"까지", seg[d1.end(): d1.end() + 4]):
            end = f"{_year(d1.group('y'))}-{int(d1.group('m')):02d}" + (
                f"-{int(d1.group('d')):02d}" if d1.group("d") else "")
            return None, "open_range", d1.end(), "시작일이 계약일(착수일)이라 개월 수를 셀 수 없음", end
    return None


def _find_duration(view: TextView, early_limit: int) -> Optional[_Duration]:
    s = view.s
    cands: list[_Duration] = []
    for km in _DUR_KW.finditer(s):
        ks, ke = km.span()
        la, lb = view.line_bounds(ks)
        hi = lb
        rest = s[ke:lb].strip("|:：")
        if not re.search(r"\d|계약|착수", rest):
            nb = s.find("\n", lb + 1)
            hi = len(s) if nb < 0 else nb
        hi = min(hi, ke + 90)
        seg = s[ke:hi]
        # traps: warranty, proposal validity, notice periods
        ctx = s[max(la, ks - 8): ks]
        if re.search(r"하자|보증|유효|공고|교육|보존|무상", ctx):
            continue
        r = _parse_duration_text(seg)
        if r is None:
            continue
        months, how, endpos, note, end_date = r
        if months is not None and not (0.25 <= months <= 120):
            continue
        score = 5.0 if km.group().startswith(("사업", "과업", "용역", "(기간)", "총")) else 3.0
        if ks < early_limit:
            score += 3.0
        else:
            score -= min(3.0, 3.0 * ks / max(1, len(s)))
        if how == "open_range":
            score -= 1.0
        if re.search(r"변경|연장|단축", seg[:endpos]) and how != "months":
            score -= 1.0
        cands.append(_Duration(score, months, ks, ke + endpos, how, note, end_date))
    if not cands:
        return None
    cands.sort(key=lambda c: (-c.score, c.vs))
    best = cands[0]
    if best.months is None:
        # The overview gives only an end date ("계약일부터 '24.12.31.까지"). Another statement of the
        # period (영향평가 결과서, 산정서) may give the number, but such forms also hold budget bases and
        # development-only periods: accept one only when it agrees with the span from the document's
        # own date to the end date.
        est = _estimate_open_range(view, best.end_date)
        if est is not None:
            best.note += f" (문서 작성일부터 종료일까지 약 {est:g}개월)"
            best.estimate = est
            for a in cands:
                if a.months is not None and abs(a.months - est) <= 1.5:
                    a.note = (a.note + "; " if a.note else "") + (
                        "사업개요에는 종료일만 있어 다른 곳의 기간 표기를 씀")
                    a.how = a.how + "_alt"
                    return a
    return best


_DOC_DATE = re.compile(r"(20\d\d)\s?[.년/-]\s?(\d{1,2})(?!\d)")


def _estimate_open_range(view: TextView, end_date: Optional[str]) -> Optional[float]:
    """Months from the document's date (its cover: "2024. 4.") to ``end_date`` ("2024-12-31")."""
    if not end_date:
        return None
    m = _DOC_DATE.search(view.s, 0, min(len(view.s), 1200))
    if not m or not (1 <= int(m.group(2)) <= 12):
        return None
    parts = [int(x) for x in end_date.split("-")]
    y1, m1 = int(m.group(1)), int(m.group(2))
    y2, m2 = parts[0], parts[1]
    d2 = parts[2] if len(parts) > 2 else 28
    months = (y2 - y1) * 12 + (m2 - m1) + (d2 / 30.0) - 0.5  # the cover month is about half gone
    if months <= 0 or months > 120:
        return None
    return round(months * 2) / 2


# ------------------------------------------------------------------------------------------------
# Document type, project name
# ------------------------------------------------------------------------------------------------

_DOC_TYPE_PAT = [
    (re.compile(r"제안요청서|RFP\b|제안요청안내서"), "제안요청서"),
    (re.compile(r"과업지시서|과업지시내용서"), "과업지시서"),
    (re.compile(r"과업내용서|과업설명서"), "과업내용서"),
    (re.compile(r"입찰공고문|입찰공고서|^\[?입찰공고\]?$|긴급입찰공고|재입찰공고", re.M), "입찰공고문"),
    (re.compile(r"규격입찰요청서|구매규격서|규격서|시방서|규격입찰서"), "규격서"),
]


def _find_doc_type(view: TextView) -> tuple[str, float, Optional[Span]]:
    s = view.s
    head = min(len(s), 1500)
    best = None
    for pat, name in _DOC_TYPE_PAT:
        m = pat.search(s, 0, head)
        if m and (best is None or m.start() < best[1].start()):
            best = (name, m)
    if best:
        name, m = best
        conf = 0.9 if m.start() < 400 else 0.75
        return name, conf, m.span()
    counts = {name: len(pat.findall(s)) for pat, name in _DOC_TYPE_PAT}
    name = max(counts, key=lambda k: counts[k])
    if counts[name] >= 2:
        m = _DOC_TYPE_PAT[[n for _, n in _DOC_TYPE_PAT].index(name)][0].search(s)
        return name, 0.5, m.span() if m else None
    return "기타", 0.3, None


_NAME_KW = re.compile(r"(?:사업명|용역명|과업명|과제명|계약명|건명|사업의명칭)(?:\)|\]|】)?[:：|]?")


def _clean_name(t: str) -> str:
    t = t.strip(" |:：-·")
    t = re.sub(r"^[「『\[【\"“]+|[」』\]】\"”]+$", "", t).strip()
    return t


_TOC_LIKE = re.compile(r"[·.…]{3,}|^\d+\s|\s\d+\.\S.*\s\d+$|^\d+$")


def _title_from_cover(doc: Document, view: TextView, type_span: Optional[Span]) -> Optional[tuple[str, int, int]]:
    """The cover's title: the text on the line of the document-type word, or the line before it."""
    if not type_span or type_span[0] > 600:
        return None
    la, lb = view.line_bounds(type_span[0])
    for a, b in ((la, lb), view.line_bounds(max(0, la - 1)) if la > 0 else (la, lb)):
        os_, oe = view.orig(a, b)
        raw = doc.text[os_:oe]
        name = re.sub(r"제\s*안\s*요\s*청\s*서|과\s*업\s*지\s*시\s*서|과\s*업\s*내\s*용\s*서|입찰\s*공고문?|\(?RFP\)?", "", raw)
        name = _clean_name(re.sub(r"[\[\]【】()<>「」『』\-]+$", "", name.strip()))
        if len(re.sub(r"\W", "", name)) >= 6 and not _TOC_LIKE.search(name):
            return name, os_, oe
    return None


def _find_project_name(doc: Document, view: TextView) -> Optional[tuple[str, int, int]]:
    s = view.s
    for km in _NAME_KW.finditer(s, 0, min(len(s), 12000)):
        la, lb = view.line_bounds(km.start())
        vs, ve = km.end(), lb
        if not s[vs:ve].strip(" |:："):
            nb = s.find("\n", lb + 1)
            vs, ve = lb + 1, (len(s) if nb < 0 else nb)
        if ve - vs < 3:
            continue
        os_, oe = view.orig(vs, ve)
        kb = doc.block_at(view.orig(km.start(), km.end())[0])
        vb = doc.block_at(os_)
        if vb is not None and kb is not None and vb.kind == "table_cell" and vb.index != kb.index:
            # the name is the whole neighbouring cell, which may wrap over lines
            oe = vb.end
        raw = doc.text[os_:oe]
        name = _clean_name(re.sub(r"\s*\n\s*", " ", raw))
        name = re.sub(r"^[○□❍◦ㅇ•▪■◆●\-–]+\s*", "", name)
        if _TOC_LIKE.search(name) or re.search(r"[·]{2,}|…", raw):
            continue
        if 3 <= len(name) <= 150:
            return name, os_, oe
    return None


# ------------------------------------------------------------------------------------------------
# Contract method
# ------------------------------------------------------------------------------------------------

_METHOD_KW = re.compile(
    r"계약방법|계약방식|계약체결방법|계약체결방식|입찰방법|입찰방식|낙찰자결정방법|낙찰자선정방법|낙찰방법|"
    r"사업자선정방법|업체선정방법|선정방법|추진방식|사업추진방식|계약형태"
)
_METHOD_VALUE = [
    (re.compile(r"경쟁적대화"), "경쟁적대화"),
    (re.compile(r"2단계경쟁|2단계입찰|규격[·ㆍ.,]?가격(?:분리|동시)입찰|규격가격(?:분리|동시)"), "2단계경쟁"),
    (re.compile(r"협상에의한|협상에따른|협상계약|\(협상\)|협상에의해"), "협상"),
    (re.compile(r"적격심사"), "적격심사"),
    (re.compile(r"최저가|최저가격낙찰|최저가낙찰"), "최저가"),
    (re.compile(r"수의계약|수의시담"), "수의계약"),
]
_CITED_TITLE = re.compile(r"[「『｢][^」』｣]{0,60}[」』｣]")
_NEGOTIATION_SIGNS = re.compile(r"협상에의한계약|협상적격자|우선협상대상자|협상대상자|협상순위|기술능력평가|협상결과|협상")


def _find_contract_method(view: TextView, doc_type: str) -> tuple[str, float, Optional[Span], str]:
    s = view.s
    # 1. an explicit statement next to a method keyword
    for km in _METHOD_KW.finditer(s):
        la, lb = view.line_bounds(km.start())
        seg = s[km.end(): min(lb, km.end() + 80)]
        if not seg.strip(" |:："):
            nb = s.find("\n", lb + 1)
            seg = s[lb + 1: (len(s) if nb < 0 else nb)][:80]
            seg_start = lb + 1
        else:
            seg_start = km.end()
        if re.fullmatch(r"[\d\s.·]*", seg.strip(" |:：")):
            continue  # TOC
        # a method word inside a cited title ("「협상에 의한 계약 제안서평가 세부기준」 적용, 적격심사")
        # names a guideline, not this contract's method
        seg = _CITED_TITLE.sub(lambda t: " " * len(t.group()), seg)
        hits = []
        for pat, name in _METHOD_VALUE:
            m = pat.search(seg)
            if m and not (name in ("수의계약", "최저가", "적격심사") and re.search(r"아닌|제외|않", seg)):
                hits.append((m.start(), name, m))
        if hits:
            _, name, m = min(hits, key=lambda h: h[0])
            return name, 0.9, (km.start(), seg_start + m.end()), "계약방법 항목"
    # 2. the document's own vocabulary
    first = {}
    for pat, name in _METHOD_VALUE:
        m = pat.search(s)
        if m:
            first[name] = m
    if "2단계경쟁" in first and "협상" not in first:
        m = first["2단계경쟁"]
        return "2단계경쟁", 0.6, m.span(), "본문 표현"
    if "협상" in first:
        m = first["협상"]
        return "협상", 0.75, m.span(), "본문 표현 (협상에 의한 계약)"
    m = _NEGOTIATION_SIGNS.search(s)
    if m:
        return "협상", 0.5, m.span(), "협상 절차 언급"
    for name in ("경쟁적대화", "적격심사", "최저가"):
        if name in first:
            m = first[name]
            return name, 0.4, m.span(), "본문 표현"
    return "unknown", 0.0, None, ""


# ------------------------------------------------------------------------------------------------
# Public SW project, project kinds, yes/no facts
# ------------------------------------------------------------------------------------------------

_SW_SIGNALS = [
    (re.compile(r"소프트웨어진흥법"), 3.0),
    (re.compile(r"소프트웨어사업|SW사업|소프트웨어사업자"), 2.0),
    (re.compile(r"과업심의"), 3.0),
    (re.compile(r"정보시스템|정보화"), 1.0),
    (re.compile(r"시스템구축|시스템개발|플랫폼구축|시스템고도화|시스템운영|시스템유지"), 1.0),
    (re.compile(r"보안약점|시큐어코딩|개발보안"), 2.0),
    (re.compile(r"소스코드|소스프로그램"), 2.0),
    (re.compile(r"홈페이지|웹사이트|모바일앱"), 1.0),
    (re.compile(r"데이터베이스|DBMS|DB구축"), 1.0),
    (re.compile(r"영향평가"), 1.5),
    (re.compile(r"기능점수|기능요구사항|성능요구사항|인터페이스요구사항"), 2.0),
    (re.compile(r"\b[A-Z]{3}-\d{2,3}\b"), 0.5),
    (re.compile(r"개발"), 0.3),
    (re.compile(r"ISP|ISMP|정보화전략"), 2.0),
    (re.compile(r"유지관리|유지보수"), 0.5),
]
# the public procurement law a public body tenders under; a private company cites its own rules
_PUBLIC_REFS = re.compile(
    r"국가를당사자로|지방자치단체를당사자로|국가계약법|지방계약법|나라장터|조달청|공공기관의운영에관한법률|"
    r"국가종합전자조달|계약예규|정부입찰|공기업|준정부기관|지방공기업"
)
_PRIVATE_OWN_RULES = re.compile(r"당행|계약준칙|사내규정|당사규정|자사규정")
_PRIVATE_NAMES = re.compile(r"은행|주식회사|㈜")
# a name that builds a system for the work it names ("가축 방역관리 시스템 구축", "급식 플랫폼")
_SYSTEM_BUILD_NAME = re.compile(r"시스템(?:구축|개발|고도화|재구축)|플랫폼|정보시스템|정보화")
# (what the project name says it buys, why that is not SW, what in the name overrides it: True for
# any SW word, a pattern of its own, or False)
_NON_SW_TITLE = [
    (re.compile(r"채용대행|채용|인재선발|면접대행"), "채용 대행", True),
    (re.compile(r"광고|홍보대행|캠페인|매체집행"), "광고·홍보", True),
    # the facility word heads the service bought ("방역 용역", "학교급식 위탁", "청사 시설관리"), not a
    # system built for that work ("가축 방역관리 시스템 구축", "급식 관리 플랫폼")
    (re.compile(r"(?:운전|시설운영|시설관리|청소|경비|방역|급식|조경)(?:및?(?:(?!시스템|플랫폼|정보|전산|프로그램|앱)[가-힣]){0,6}?)"
                r"(?:용역|위탁|대행|업무|$)"), "시설 운전·관리", _SYSTEM_BUILD_NAME),
    (re.compile(r"극저온|가속기|발전설비|플랜트"), "설비 운전", False),
    (re.compile(r"모의비행|항공기|전투기|함정|무기체계"), "방위 물품 제조", False),
    (re.compile(r"엔지니어링|기본설계|실시설계|감정평가|건설사업관리|토목|건축설계"), "엔지니어링 용역", True),
]
_SW_NAME_OVERRIDE = re.compile(r"시스템구축|시스템개발|정보시스템|정보화|플랫폼|소프트웨어|SW|ISP|ISMP|홈페이지|전산")
_NON_SW_SERVICE = ("채용 대행", "광고·홍보", "시설 운전·관리", "설비 운전")
_RESEARCH_SIGNS = re.compile(r"연구책임자|참여연구원|학술연구|학술·연구|위탁연구|연구진")
_AV_SIGNS = re.compile(r"전광판|전자칠판|비디오월|VideoWall|스피커|앰프|무선마이크|디지털믹서|인테리어|음향")
_DEV_SIGNS = re.compile(r"개발|소스코드|SFR-|시큐어코딩|요구사항정의")
_GOODS_SIGNS = re.compile(r"규격입찰|물품구매|물품제조|제조구매|방위사업|납품검사")


def _count(pat: re.Pattern, s: str, cap: int = 10**9) -> int:
    n = 0
    for _ in pat.finditer(s):
        n += 1
        if n >= cap:
            break
    return n


def _sw_score(s: str) -> float:
    return sum(w * min(_count(p, s, 12), 12) for p, w in _SW_SIGNALS)


_SW_BUILD_NAME = re.compile(
    r"시스템|플랫폼|정보화|홈페이지|누리집|웹사이트|모바일앱|소프트웨어|SW|ISP|ISMP|전산|DB|데이터베이스|ERP|그룹웨어|"
    r"챗봇|포털|구축|개발|고도화|유지관리|유지보수"
)


def _public_sw(view: TextView, name: str, doc_type: str) -> tuple[bool, float, str, Optional[Span]]:
    s = view.s
    sw = _sw_score(s)
    public_refs = _count(_PUBLIC_REFS, s, 50)
    name_c = re.sub(r"\s", "", name or "")
    title_zone = name_c + s[: min(len(s), 600)]
    if public_refs == 0 and (_count(_PRIVATE_OWN_RULES, s, 10) >= 3 or _count(_PRIVATE_NAMES, s, 20) >= 10):
        m = _PRIVATE_OWN_RULES.search(s) or _PRIVATE_NAMES.search(s)
        return False, 0.7, "공공기관 계약 법령·조달 언급 없이 민간(은행·회사) 내부 기준으로 발주", m.span() if m else None
    for pat, why, overridable in _NON_SW_TITLE:
        m = pat.search(name_c) if name_c else pat.search(title_zone)
        override = _SW_NAME_OVERRIDE if overridable is True else (overridable or None)
        if m and not (override is not None and override.search(name_c)):
            if sw < 60:
                loc = pat.search(s)
                return False, 0.8, f"SW사업이 아님: {why}", loc.span() if loc else None
    av = _count(_AV_SIGNS, s, 200)
    dev = _count(_DEV_SIGNS, s, 200)
    if av >= 15 and av > dev:
        m = _AV_SIGNS.search(s)
        return False, 0.65, "SW사업이 아님: 영상·음향 설비 납품·설치 위주", m.span() if m else None
    goods = _count(_GOODS_SIGNS, s, 200)
    if goods >= 10 and sw < 40:
        m = _GOODS_SIGNS.search(s)
        return False, 0.65, "SW사업이 아님: 물품(장비) 제조·납품", m.span() if m else None
    research = _count(_RESEARCH_SIGNS, s, 50)
    if research >= 2 and re.search(r"연구", name_c or title_zone) and not _SW_BUILD_NAME.search(name_c or title_zone):
        m = _RESEARCH_SIGNS.search(s)
        return False, 0.6, "SW사업이 아님: 학술·연구용역 (정보시스템 구축·개발이 아닌 연구)", m.span() if m else None
    if sw >= 25:
        m = None
        for pat, _ in _SW_SIGNALS[:3]:
            m = pat.search(s)
            if m:
                break
        return (True, 0.85 if sw >= 50 else 0.7, "SW사업 표지(소프트웨어 진흥법, 시스템 구축·운영, 요구사항 등)",
                m.span() if m else None)
    if _SW_BUILD_NAME.search(name_c or title_zone):
        return True, 0.5, "사업명이 정보시스템·SW 사업을 가리킴", None
    return False, 0.4, "SW사업 표지가 거의 없음", None


# ------------------------------------------------------------------------------------------------
# Section context: which part of the RFP a match stands in
# ------------------------------------------------------------------------------------------------

# Section-title keywords (whitespace-free) → the kind of text the section holds. The first class that
# matches wins, and the deepest titled section decides ("Ⅲ. 제안요청 내용 > 2. 시스템 현황" is 현황).
_TITLE_CLASSES: list[tuple[str, re.Pattern]] = [
    ("toc", re.compile(r"^(?:목차|목록|contents)$", re.I)),
    ("current", re.compile(r"현황|현행(?!화)|as-?is|기존시스템|운영환경|보유장비|보유자원|구성현황|운영중인", re.I)),
    ("evaluation", re.compile(r"평가|배점|심사|협상적격|협상기준|협상절차|협상대상")),
    ("guide", re.compile(
        r"제안서|작성요령|작성방법|작성지침|제출|입찰참가|참가자격|제안안내|설명회|서식|별지|참조표|일반현황|실적|"
        r"확약|서약|동의서|각서|증명|제안요청서의|입찰")),
    ("security", re.compile(r"보안관리|보안준수|보안유지|보안대책|보안사항|보안특약|누출|비밀|정보보안|보안점검|보안교육")),
    ("contract", re.compile(
        r"계약|특수조건|일반조건|하자|하도급|지식재산|손해배상|지체상금|대금|유의사항|기타사항|준수사항|관리감독|검사|"
        r"검수|산출물|인수인계|지침|법령|규정")),
    ("purchase", re.compile(
        r"장비|도입|구매|H/?W|S/?W|하드웨어|소프트웨어|인프라|물품|납품|자재|라이선스|라이센스|ECR|시스템구성|"
        r"구성요구|제품|솔루션|서버|네트워크", re.I)),
    ("scope", re.compile(
        r"범위|사업내용|과업내용|주요내용|추진내용|구축내용|개발내용|서비스내용|과업개요|용역개요|사업개요|^개요$|"
        r"사업안내|사업일반|주요과업|세부과업|과업의내용|사업의내용|용역내용")),
    ("background", re.compile(r"배경|필요성|목적|기대효과|추진방향|추진전략|추진체계|추진일정|일정|목표")),
    ("requirement", re.compile(r"요구사항|요청사항|제안요청|과업|기능|SFR|세부내용|개발|구축|구현|요건", re.I)),
    ("attachment", re.compile(r"붙임|별첨|첨부|부록|참고")),
]
_CLASS_OF_REQ_PREFIX = {"ECR": "purchase", "HWR": "purchase", "SWR": "purchase", "ENR": "purchase"}

# where a mention says what the project itself does or buys
_OWN_CLASSES = frozenset({"scope", "purchase", "requirement", "other", "background"})
_NOT_SCOPE = frozenset({"toc", "current", "evaluation", "guide", "security", "contract", "background"})


def _title_class(title: str) -> Optional[str]:
    t = re.sub(r"\s", "", title)
    m = re.match(r"([A-Z]{3})-?\d", t)
    if m and m.group(1) in _CLASS_OF_REQ_PREFIX:
        return _CLASS_OF_REQ_PREFIX[m.group(1)]
    for cls, rx in _TITLE_CLASSES:
        if rx.search(t):
            return cls
    return None


class _Zones:
    """Per-block section class of a segmented document (every block is "other" when the document
    has no sections), and whitespace-free text of its scope statements (사업범위·과업내용)."""

    SCOPE_CAP = 14000

    def __init__(self, doc: Document, view: TextView) -> None:
        self.doc = doc
        self.view = view
        self.starts = [b.start for b in doc.blocks]
        n = len(doc.blocks)
        self.cls: list[str] = ["other"] * n
        self.sec_title: list[str] = [""] * n
        self.in_scope: list[bool] = [False] * n
        self.segmented = bool(getattr(doc, "all_sections", None))
        if self.segmented:
            # (deepest class on the path, own title, whether a 범위-like section is on the path),
            # memoised per section: a parent is always seen before its children
            memo: dict[int, tuple[str, str, bool]] = {}

            def info(sec: Section) -> tuple[str, str, bool]:
                key = id(sec)
                got = memo.get(key)
                if got is None:
                    own = _title_class(sec.title)
                    up = info(sec.parent) if sec.parent is not None else ("other", "", False)
                    got = (own or up[0], re.sub(r"\s", "", sec.title), own == "scope" or up[2])
                    memo[key] = got
                return got

            for i, b in enumerate(doc.blocks):
                if b.in_toc:
                    self.cls[i] = "toc"
                    continue
                sec = doc.section_at(b.start)
                if sec is None:
                    continue
                deepest, title, scoped = info(sec)
                self.cls[i], self.sec_title[i] = deepest, title
                self.in_scope[i] = scoped and deepest not in _NOT_SCOPE
        self.vstarts = [view.view_index(st) for st in self.starts]
        self.scope = self._scope_text()

    def block_of(self, vpos: int) -> int:
        if not self.vstarts:
            return -1
        return max(0, bisect.bisect_right(self.vstarts, vpos) - 1)

    def cls_at(self, vpos: int) -> str:
        i = self.block_of(vpos)
        return self.cls[i] if i >= 0 else "other"

    def _scope_text(self) -> str:
        """The document's own statement of scope: the 사업범위/과업내용/사업개요 sections in the first
        part of the document (현황·평가·계약 subsections left out), capped; without sections, the
        opening of the document. ``scope_pieces`` keeps where each piece stands in the view."""
        s = self.view.s
        self.scope_pieces: list[tuple[int, int]] = []
        if not self.segmented:
            self.scope_pieces.append((0, min(len(s), 6000)))
        else:
            total = 0
            limit = max(len(self.doc.text) * 0.6, 20000)
            for i, b in enumerate(self.doc.blocks):
                if not self.in_scope[i] or b.start > limit:
                    continue
                vs, ve = self.vstarts[i], self.view.view_index(b.end)
                self.scope_pieces.append((vs, ve))
                total += ve - vs
                if total >= self.SCOPE_CAP:
                    break
        return "\n".join(s[a:b] for a, b in self.scope_pieces)

    def scope_lines(self) -> Iterable[tuple[int, str]]:
        """(view position, line) for each line of the scope text."""
        s = self.view.s
        for a, b in self.scope_pieces:
            pos = a
            for line in s[a:b].split("\n"):
                yield pos, line
                pos += len(line) + 1

    def own(self, vpos: int) -> bool:
        """Whether a mention at ``vpos`` stands where the RFP states its own work (not in a 현황, a
        security pledge, a proposal form, an evaluation table or the contract terms)."""
        return self.cls_at(vpos) in _OWN_CLASSES


_KIND_NAME_PATS = [
    ("ISP컨설팅", re.compile(r"ISP|ISMP|정보화전략|정보화계획|컨설팅|사전타당성|타당성조사|BPR(?!시스템)|마스터플랜|진단")),
    ("연구용역", re.compile(r"연구용역|조사용역|(?:연구|조사)(?:사업|용역)?(?:\(|$)")),
    ("감리PMO", re.compile(r"감리|PMO")),
    ("유지관리운영", re.compile(r"유지관리|유지보수|유지및보수|유지·보수|운영(?!체제)|위탁운영")),
    ("고도화", re.compile(r"고도화|개편|재구축|기능개선|성능개선|(?<!업무)개선|업그레이드|차세대|전환")),
    ("홈페이지앱", re.compile(r"홈페이지|누리집|웹사이트|모바일(?!오피스)|앱(?!리)")),
    ("DB구축", re.compile(r"DB구축|데이터베이스구축|DB화|자료구축|데이터구축")),
    ("SW개발", re.compile(r"구축|개발|도입")),
]
# equipment-composition requirement IDs (시스템 장비 구성 요구사항): what the project procures
_EQ_LIST = re.compile(r"(?<![A-Z])(ECR|SYR|HWR|SWR|EQR)-?(\d{1,3})[|:)]([^\n|]{2,40})")
_EQ_TITLE = re.compile(r"^(ECR|SYR|HWR|SWR|EQR)-?(\d{1,3})", re.I)
_HW_NOUN = re.compile(
    r"서버|스토리지|GPU|그래픽카드|디스플레이|전자칠판|비디오월|VideoWall|단말|스위치|라우터|랙|UPS|백업장치|"
    r"노트북|모니터(?!링)|CCTV|카메라|NVR|전광판|키오스크|H/W|HW|하드웨어|장치|센서|전산장비|정보화시설|전원설비|"
    r"네트워크장비|보안장비|방화벽|(?<!클라우드)인프라(?=구축|도입|공급|설치|증설)|장비(?=도입|구매|납품|공급|증설|교체)", re.I)
_SW_NOUN = re.compile(
    r"라이선스|라이센스|상용SW|상용S/W|상용소프트웨어|상용솔루션|상용패키지|패키지S/W|DBMS|S/W도입|SW도입|"
    r"소프트웨어도입|솔루션(?:도입|구매|공급)|OS도입|WAS도입|WEB,?WAS|미들웨어|백신|뷰어솔루션|SAP(?:ERP|S/4)", re.I)
_NETSEC_NOUN = re.compile(
    r"스위치|라우터|방화벽|침입방지|침입탐지|IPS|IDS|VPN|WAF|NAC|DDoS|망연계|네트워크장비|네트워크|보안장비|"
    r"정보보호시스템|정보보호제품|보안솔루션|DB암호화|접근제어|서버보안|보안·네트워크|L[2-7]스위치")
_EQ_SKIP = re.compile(r"공통|일반|개발환경|운영사양|시스템활용|환경준수|클라우드|현황|요구사항명|요구사항$")
_HW_BUY = re.compile(
    r"(?:서버|스토리지|GPU|그래픽카드|디스플레이|전자칠판|단말기?|스위치|라우터|랙|UPS|백업장치|CCTV|카메라|NVR|전광판|"
    r"H/W|HW|하드웨어|장치|센서|전산장비|정보화시설|전원설비|네트워크장비|보안장비|방화벽|인프라|장비)"
    r"[^\n]{0,12}?(?:도입|구매|구입|납품|설치|공급|증설|교체|구축)|"
    r"(?:서버|스토리지|GPU|모니터|PC|노트북|단말기|장비|디스플레이)[^\n]{0,20}?\d+(?:대|EA|ea|식|개소|set)(?![가-힣])")
_SW_BUY = re.compile(
    r"(?<!데이터)(?<!데이터제공)(?:라이선스|라이센스|상용SW|상용S/W|상용소프트웨어|상용솔루션|상용패키지|패키지S/W|DBMS|"
    r"S/W|SW|소프트웨어|솔루션|OS|WAS)[^\n]{0,10}?(?:구매|구입|도입|공급|구독|납품)|"
    r"(?:라이선스|라이센스)[^\n]{0,6}?\d+(?:copy|Copy|카피|EA|ea|User|user|개|식|Core|core)")
_NS_BUY = re.compile(
    r"(?:스위치|라우터|방화벽|IPS|VPN|WAF|보안장비|네트워크장비|정보보호시스템|정보보호제품|망연계장비)"
    r"[^\n]{0,12}?(?:도입|구매|구입|납품|설치|공급|증설|교체|구축)")
_TABLE_BUY = re.compile(
    r"(?:(?P<ns>방화벽|웹방화벽|IPS|VPN|WAF|NAC|서버보안|DB암호화|백신|망연계|L3스위치|L4스위치|보안스위치)|"
    r"(?P<sw>라이선스|라이센스|상용SW|DBMS))[^\n]{0,20}?\|\s?\d+\s?\|?\s?(?:식|대|EA|ea|copy|Copy|카피|User|user|set|Core|core)(?![가-힣])")
_BUYER_ELSEWHERE = re.compile(r"사업자부담|계약상대자부담|제안사부담|별도추진|별도사업|별도발주|기관에서제공|발주기관제공")
_NEG_LINE = re.compile(r"없음|없으며|없다|없는|않음|않으며|않는다|않고|제외|미해당|해당없|미포함|불포함|별도사업|별도발주|기설치|기구축")
_CLOUD_ONLY = re.compile(r"클라우드(?:서비스|환경|기반)?(?:이용|임차|사용|구독|전환)|SaaS|IaaS|PaaS")


@dataclass
class _Buy:
    what: str  # hw | sw | ns
    span: Span
    how: str  # scope (a 사업범위 line) | item (ECR-… requirement) | table (a purchase-table row)


def _purchases(z: "_Zones") -> list[_Buy]:
    """What the project itself procures: the equipment-composition requirement items (ECR-…) and
    the scope lines that buy, install or supply hardware, commercial SW, network or security
    products. Inventories (현황), security pledges and proposal forms do not count."""
    s = z.view.s
    out: list[_Buy] = []
    seen: set[tuple[str, str]] = set()

    def classify(name: str, span: Span, how: str) -> None:
        if _EQ_SKIP.search(name) and not re.search(r"서버|스토리지|라이선스|GPU", name):
            return
        if _HW_NOUN.search(name):
            out.append(_Buy("hw", span, how))
        if _SW_NOUN.search(name):
            out.append(_Buy("sw", span, how))
        if _NETSEC_NOUN.search(name) and not re.search(r"클라우드|연계$", name) \
                and not (re.search(r"L2", name) and not re.search(r"보안|L3|L4|L7", name)):  # L2 스위치 (no 보안기능)
            out.append(_Buy("ns", span, how))

    for m in _EQ_LIST.finditer(s):
        key = (m.group(1).upper(), m.group(2).lstrip("0"))
        if key in seen or z.cls_at(m.start()) in ("toc", "current", "guide", "evaluation", "security"):
            continue
        seen.add(key)
        classify(m.group(3), m.span(), "item")
    for sec in getattr(z.doc, "all_sections", None) or []:
        t = re.sub(r"\s", "", sec.label + sec.title)
        m = _EQ_TITLE.match(t)
        if not m:
            continue
        key = (m.group(1).upper(), m.group(2).lstrip("0"))
        if key in seen:
            continue
        seen.add(key)
        vs = z.view.view_index(sec.start)
        _, ve = z.view.line_bounds(vs)
        classify(t[m.end():], (vs, ve), "item")
    # purchase-table rows: "서버보안 | 1식 | 직접구매", "Oracle DB 라이선스 | 2 | ea"
    for m in _TABLE_BUY.finditer(s):
        a, b = z.view.line_bounds(m.start())
        row = s[a:b]
        direct = re.search(r"직접구매\[?[OoＯ○✓√]", row)  # the 직접구매 대상 상용SW 구매계획 form, item ticked
        if direct or (z.cls_at(m.start()) in ("scope", "purchase", "requirement", "other")
                      and not _NEG_LINE.search(s[m.start(): m.end() + 10])):
            out.append(_Buy("ns" if m.group("ns") else "sw", m.span(), "table"))
    # scope lines: "학습&추론 서버 도입(2대)", "BIT LCD 모니터 : 20ea", "Oracle DB 라이선스 : 2ea"
    for pos, line in z.scope_lines():
        if len(line) < 4 or _NEG_LINE.search(line) or _CLOUD_ONLY.search(line) or _BUYER_ELSEWHERE.search(line):
            continue
        found = [(w, rx.search(line)) for w, rx in (("hw", _HW_BUY), ("sw", _SW_BUY), ("ns", _NS_BUY))]
        if not any(m for _, m in found):
            continue
        for what, m in found:
            if m and not (what == "hw" and re.search(r"현재운영|기존|보유|기설치", line)):
                out.append(_Buy(what, (pos + m.start(), pos + m.end()), "scope"))
    return out


_DEV_SCOPE = re.compile(
    r"(?:시스템|서비스|플랫폼|기능|모듈|앱|화면|프로그램|포털|챗봇|솔루션|모델|API)(?:을|를)?(?:신규)?(?:개발|구축|구현)|"
    r"신규(?:개발|구축|서비스|시스템|기능|과업)|개발범위|구축범위"
)
_PLAN_SCOPE = re.compile(r"구축방안|방안도출|방안마련|체계설계|이행계획|전략수립")
_OPERATE_TITLE = re.compile(
    r"(?:시스템|서비스|센터|경기|현장|플랫폼|홈페이지)(?:상주및)?운영(?!환경|계획|방안|체계|관리자|현황|정책)|운영대행|위탁운영|운영용역|"
    r"운영및유지관리|유지관리운영")
_UPGRADE_TITLE = re.compile(r"고도화|기능개선|기능수정|기능보완|프로그램개발|기능개발|재구축|개편")
_WEB_SCOPE = re.compile(r"홈페이지|누리집|웹사이트|반응형웹|모바일앱|모바일웹|앱(?:구축|개발|개편)")
_DB_SCOPE = re.compile(r"DB구축|데이터베이스구축|지식DB|DB화|자료구축|데이터구축|DB상시구축|데이터셋구축|DB(?:및|와)[^\n]{0,12}구성")
_LICENSE_SCOPE = re.compile(
    r"(?:라이선스|라이센스|상용SW|상용S/W|상용소프트웨어|상용패키지|패키지S/W|솔루션|챗봇)[^\n]{0,12}(?:구매|구독|공급|도입)|"
    r"(?:SW|소프트웨어)직접구매")


def _project_kinds(z: "_Zones", name: str, public_sw: bool, non_sw_reason: str,
                   buys: list[_Buy]) -> tuple[list[str], dict[str, Span]]:
    """Kinds of work the project is (사업유형), from its name and its own statement of scope, with
    the span each kind was read from."""
    s = z.view.s
    name_c = re.sub(r"[\s|]", "", name or "")
    # a glossed abbreviation ("데이터베이스(DB) 구축", "DB(데이터베이스)구축") reads as the plain noun
    name_c = re.sub(r"(데이터베이스|DB)\((?:DB|D/B|데이터베이스)\)", r"\1", name_c)
    kinds: dict[str, Optional[Span]] = {}

    def add(kind: str, span: Optional[Span] = None) -> None:
        kinds.setdefault(kind, span)

    def scope_span(m: Optional[re.Match]) -> Optional[Span]:
        if m is None or m.string is not z.scope:
            return None
        pos = s.find(m.group())
        return (pos, pos + len(m.group())) if pos >= 0 else None

    if not public_sw and any(w in non_sw_reason for w in _NON_SW_SERVICE):
        return ["비SW"], {}
    if not public_sw and re.search(r"영상·음향|물품", non_sw_reason):
        add("HW인프라")
    for kind, pat in _KIND_NAME_PATS:
        target = name_c or s[:300]
        if kind == "SW개발":  # "연구성과물 DB구축" names a DB, not a system build
            target = re.sub(r"DB구축|데이터베이스구축|자료구축|데이터구축", "", target)
        if pat.search(target):
            add(kind)
    if "연구용역" not in kinds and re.search(r"연구용역", s[:300]):
        add("연구용역")  # the cover calls it a 연구용역
    if "연구용역" in kinds and _count(_PLAN_SCOPE, z.scope, 10) >= 3:
        add("ISP컨설팅")  # a study whose deliverable is the plan for a system ("구축방안 도출", "체계 설계")
    advisory = bool(set(kinds) & {"ISP컨설팅", "연구용역", "감리PMO"})
    if advisory:
        keep_dev = "ISP컨설팅" not in kinds and re.search(r"개발", name_c)
        for k in ("고도화", "홈페이지앱", "유지관리운영") + (() if keep_dev else ("SW개발",)):
            kinds.pop(k, None)
    else:
        # the scope statement adds what the name leaves out
        if "홈페이지앱" not in kinds:
            n_web = _count(_WEB_SCOPE, z.scope, 10)
            if n_web >= 2:
                add("홈페이지앱", scope_span(_WEB_SCOPE.search(z.scope)))
        if "고도화" not in kinds:
            titles = [t for t, c in zip(z.sec_title, z.in_scope) if c and not re.match(r"[A-Z]{2,4}-?\d", t)]
            if any(_UPGRADE_TITLE.search(t) for t in titles):
                add("고도화")  # a scope item of its own: "학사정보시스템 고도화", "기능개선 요구사항"
        if "유지관리운영" not in kinds:
            titles = [t for t, c in zip(z.sec_title, z.in_scope) if c]
            if any(_OPERATE_TITLE.search(t) and not re.match(r"[A-Z]{2,4}-?\d", t) for t in dict.fromkeys(titles)):
                add("유지관리운영")
        if "DB구축" not in kinds:
            titles = "\n".join(dict.fromkeys(t for t, c in zip(z.sec_title, z.in_scope) if c))
            m = _DB_SCOPE.search(titles)
            if m:
                add("DB구축")
        if "고도화" in kinds and "SW개발" not in kinds:
            # an upgrade that also builds new systems ("신규 서비스 개발", "시스템 개발 범위")
            if _count(_DEV_SCOPE, z.scope, 20) >= 6 and _count(re.compile(r"신규"), z.scope, 5) >= 2:
                add("SW개발", scope_span(_DEV_SCOPE.search(z.scope)))
    hw = [b for b in buys if b.what == "hw"]
    sw = [b for b in buys if b.what == "sw"]
    if not advisory:
        if any(b.how == "scope" for b in hw) or len(hw) >= 2:
            add("HW인프라", hw[0].span)
        m = _LICENSE_SCOPE.search(z.scope)
        if m and not _NEG_LINE.search(z.scope[max(0, m.start() - 30): m.end() + 30]):
            add("상용SW구매", scope_span(m))
        elif len([b for b in sw if b.how == "item"]) >= 3 or any(b.how == "scope" for b in sw):
            add("상용SW구매", sw[0].span)
        # a purchase of licences with no development is not an SW개발 ("생성형 AI 도입": a subscription)
        if "상용SW구매" in kinds and "SW개발" in kinds and not re.search(r"구축|개발", name_c.replace("도입구축", "도입")) \
                and _count(_DEV_SCOPE, z.scope, 5) == 0:
            kinds.pop("SW개발", None)
    if not kinds:
        add("SW개발" if public_sw else "비SW")
    if "ISP컨설팅" in kinds and re.search(r"BPR시스템|시스템구축", name_c) and not re.search(r"ISP|ISMP|컨설팅", name_c):
        kinds.pop("ISP컨설팅", None)
        add("SW개발")
    order = {k: i for i, k in enumerate(PROJECT_KINDS)}
    keys = sorted(kinds, key=lambda k: order[k])
    return keys, {k: v for k, v in kinds.items() if v}


_FP_PRICING = re.compile(
    r"기능점수(?:\(FP\))?(?:기반|방식|기준)(?:으로)?(?:수립|선정|산정|산출|발주)|"
    r"(?:대가|사업비|개발비|추정가격|사업예산|예산)[^\n]{0,30}(?:기능점수|\d[\d,.]*FP)|"
    r"(?:기능점수|\bFP\b)[^\n]{0,30}(?:대가|개발비|사업비|추정가격)(?:를|을|로|으로)?(?:산정|산출)|"
    r"기능점수기준\d[\d,.]*FP|\d[\d,.]*FP상당"
)
_FP_NOT_PRICING = re.compile(r"적정사업기간|적정개발기간|측정전문가|산정가능전문가|검증및제출|산정결과서|과업변경|예시\)|변경규모")
_MEMBER = re.compile(r"회원(?:가입|정보|관리|탈퇴|제|인증|로그인)?")
_IDENTITY = re.compile(r"본인인증|본인확인|실명인증|휴대폰인증|아이핀|i-PIN|간편인증")
_DATA_SUBJECTS = re.compile(r"신청자|지원자|응시자|예약자|민원인|이용자정보|가입자|학생|수강|학적|환자|수급자")
_PII_STRONG = re.compile(r"주민등록번호|고유식별정보|민감정보|개인정보(?:의)?(?:수집|처리방침|제3자|입력|보유|파일)")
_PII_ANY = re.compile(
    rf"(?P<member>{_MEMBER.pattern})|(?P<ident>{_IDENTITY.pattern})|(?P<subj>{_DATA_SUBJECTS.pattern})|"
    rf"(?P<strong>{_PII_STRONG.pattern})")
_DB_WORDS = re.compile(r"DB|데이터베이스|DBMS")
_DB_BUILD = re.compile(r"DB(?:설계|구축|구성|이관|전환)|데이터베이스(?:설계|구축|구성)|데이터(?:이관|전환|구축)|테이블설계|논리모델|물리모델")
_COMMERCIAL_NONE = re.compile(
    r"(?:직접구매대상|분리발주대상)?(?:상용SW|상용소프트웨어|직접구매)[^\n]{0,20}(?:없음|없으며|없다|해당없|미해당)")
_LICENSE_SUPPLIED = re.compile(
    r"(?:정품|영구)(?:라이선스|라이센스)|(?:제반|Enterprise|사용)(?:라이선스|라이센스)(?:를|을)?(?:제공|포함|공급)")
_FIND_NETSEC = re.compile(
    r"(?:방화벽|웹방화벽|스위치|라우터|IPS|IDS|WAF|VPN|NAC|DDoS|보안장비|네트워크장비|정보보호시스템|정보보호제품|"
    r"서버보안|백신|DB암호화|망연계)[^\n]{0,25}(?:도입|구매|구입|납품|공급|증설|교체)")


def _own_hits(z: "_Zones", pat: re.Pattern, cap: int = 200, classes: frozenset = _OWN_CLASSES) -> list[re.Match]:
    out = []
    for m in pat.finditer(z.view.s):
        if z.cls_at(m.start()) in classes:
            out.append(m)
            if len(out) >= cap:
                break
    return out


_PII_CLASSES = frozenset({"scope", "purchase", "requirement", "other", "background", "current"})

YesNo = tuple[str, float, Optional[Span], str]


def _yes_no_facts(z: "_Zones", kinds: list[str], public_sw: bool, non_sw_reason: str,
                  buys: list[_Buy]) -> dict[str, YesNo]:
    """(value, confidence, evidence span, Korean note) for each yes/no fact."""
    s = z.view.s
    ks = set(kinds)
    out: dict[str, YesNo] = {}
    advisory = ks <= {"ISP컨설팅", "연구용역", "감리PMO", "비SW"}
    dev = ks & {"SW개발", "고도화", "홈페이지앱", "DB구축"}
    goods_only = ks <= {"HW인프라", "상용SW구매"}

    # 상용SW 구매
    sw = [b for b in buys if b.what == "sw"]
    none = _COMMERCIAL_NONE.search(s)
    if "상용SW구매" in ks:
        span = sw[0].span if sw else None
        out["buys_commercial_sw"] = ("yes", 0.8, span, "사업범위·장비구성 요구사항에 상용SW(라이선스) 구매·도입이 있음")
    elif advisory:
        out["buys_commercial_sw"] = ("no", 0.6, None, "컨설팅·연구·비SW 용역으로 구매 대상이 없음")
    elif sw:
        out["buys_commercial_sw"] = ("yes", 0.6, sw[0].span, "장비구성 요구사항에 상용SW 도입 항목이 있음")
    elif none:
        out["buys_commercial_sw"] = ("no", 0.7, none.span(), "직접구매 대상 상용SW가 없다고 적혀 있음")
    else:
        m = next(iter(_own_hits(z, re.compile(r"(?:직접구매|분리발주)[^\n]{0,20}(?:상용SW|상용소프트웨어|SW)|"
                                             r"상용(?:SW|소프트웨어)[^\n]{0,15}(?:구매|도입|납품)"), 1,
                                frozenset({"scope", "purchase"}))), None)
        if m is None:  # licences supplied with the system: "정품 라이선스", "영구 라이선스 포함"
            m = next(iter(_own_hits(z, _LICENSE_SUPPLIED, 1, frozenset({"scope", "purchase", "requirement"}))), None)
        if m and not _NEG_LINE.search(s[m.start(): m.end() + 20]):
            out["buys_commercial_sw"] = ("yes", 0.5, m.span(), "상용SW 직접구매·도입 또는 라이선스 공급 요구")
        else:
            out["buys_commercial_sw"] = ("no", 0.45, None, "사업범위·장비구성에 상용SW 구매가 보이지 않음")

    # 네트워크 장비·정보보호시스템 도입
    ns = [b for b in buys if b.what == "ns"]
    if advisory and not ns:
        out["buys_network_or_security_equipment"] = ("no", 0.6, None, "컨설팅·연구·비SW 용역으로 장비 도입이 없음")
    elif ns:
        out["buys_network_or_security_equipment"] = (
            "yes", 0.7 if len(ns) >= 2 else 0.55, ns[0].span, "장비구성 요구사항·사업범위에 네트워크·보안 장비 도입이 있음")
    else:
        hits = [m for m in _own_hits(z, _FIND_NETSEC, 20, frozenset({"scope", "purchase"}))
                if not _NEG_LINE.search(s[m.start(): m.end() + 15])]
        if len(hits) >= 2:
            out["buys_network_or_security_equipment"] = ("yes", 0.5, hits[0].span(), "구매·장비 항목에 네트워크·보안 장비 도입 언급")
        elif hits:
            out["buys_network_or_security_equipment"] = ("unknown", 0.2, hits[0].span(), "네트워크·보안 장비 도입 언급이 한 곳뿐임")
        else:
            out["buys_network_or_security_equipment"] = (
                "no", 0.45, None, "도입 장비 목록·사업범위에 네트워크 장비·정보보호시스템이 없음 (현황·보안서약의 언급은 제외)")

    # DB 구축
    ndb = len(_own_hits(z, _DB_WORDS, 50))
    build = _own_hits(z, _DB_BUILD, 5)
    if "DB구축" in ks:
        out["builds_db"] = ("yes", 0.8, build[0].span() if build else None, "사업유형에 DB 구축이 있음")
    elif advisory or not public_sw or goods_only:
        out["builds_db"] = ("no", 0.55, None, "SW 개발·구축이 없는 사업")
    elif dev and (ndb >= 3 or build):
        span = build[0].span() if build else _DB_WORDS.search(s).span()  # type: ignore[union-attr]
        out["builds_db"] = ("yes", 0.65, span, "개발 사업에 DB 설계·구축 요구가 있음")
    elif dev and ndb:
        m = _DB_WORDS.search(s)
        out["builds_db"] = ("yes", 0.5, m.span() if m else None, "개발·고도화 사업에 DB 언급이 있음")
    elif not dev:
        m = _DB_BUILD.search(z.scope)
        if m:
            pos = s.find(m.group())
            out["builds_db"] = ("yes", 0.5, (pos, pos + len(m.group())) if pos >= 0 else None, "사업범위에 DB 구축·이관이 있음")
        else:
            out["builds_db"] = ("no", 0.45, None, "운영·유지관리 사업으로 사업범위에 DB 구축이 없음")
    elif ndb == 0:
        out["builds_db"] = ("no", 0.4, None, "DB 언급이 없음")
    else:
        out["builds_db"] = ("unknown", 0.2, None, "DB 구축 여부를 판단할 표현이 부족함")

    # 개인정보 처리
    if not public_sw and re.search(r"채용", non_sw_reason):
        m = re.search(r"지원자|응시자|개인정보", s)
        out["personal_info_system"] = ("yes", 0.6, m.span() if m else None, "채용 대행: 지원자 개인정보를 처리함")
    elif advisory or goods_only:
        out["personal_info_system"] = ("no", 0.5, None, "정보시스템을 구축·운영하지 않거나 장비·SW 구매만 하는 사업")
    else:
        found: dict[str, list[re.Match]] = {"member": [], "ident": [], "subj": [], "strong": []}
        for m in _PII_ANY.finditer(s):
            hits = found[m.lastgroup or "strong"]
            if len(hits) < 40 and z.cls_at(m.start()) in _PII_CLASSES:
                hits.append(m)
        member, ident, subj, strong = found["member"], found["ident"], found["subj"], found["strong"]
        if len(member) >= 2 or len(ident) >= 3 or len(subj) >= 25:
            m = (member or ident or subj)[0]
            why = ("회원가입·회원정보" if len(member) >= 2 else "본인인증" if len(ident) >= 3 else "신청자·학생 등 정보주체")
            out["personal_info_system"] = ("yes", 0.65, m.span(), f"시스템이 {why}를 처리함")
        elif "홈페이지앱" in ks:
            m = _WEB_SCOPE.search(s)
            out["personal_info_system"] = ("yes", 0.5, m.span() if m else None, "이용자를 받는 홈페이지·앱 구축·운영")
        elif len(strong) >= 12:
            out["personal_info_system"] = (
                "no", 0.35, strong[0].span(), "개인정보 보호 요구는 있으나 회원·신청자 등 처리 대상 정보주체가 적혀 있지 않음")
        else:
            out["personal_info_system"] = ("no", 0.45, None, "회원·신청자 등 정보주체의 개인정보를 처리한다는 표현이 없음 (보안서약·서식 제외)")

    # 기능점수 방식 대가 산정
    fp = [m for m in _own_hits(z, _FP_PRICING, 10, _OWN_CLASSES | {"contract"})
          if not _FP_NOT_PRICING.search(s[max(0, m.start() - 40): m.end() + 20])]
    if fp and not advisory:
        out["priced_by_fp"] = ("yes", 0.75, fp[0].span(), "사업대가를 기능점수(FP)로 산정했다고 적혀 있음")
    elif advisory or not public_sw or not (ks & {"SW개발", "고도화", "홈페이지앱"}) \
            or ("유지관리운영" in ks and "SW개발" not in ks):
        out["priced_by_fp"] = ("no", 0.5, None, "개발 사업이 아님 (컨설팅·운영·유지관리·구매 등)")
    else:
        out["priced_by_fp"] = ("unknown", 0.2, None, "대가 산정 방식이 적혀 있지 않음")
    return out


# ------------------------------------------------------------------------------------------------
# User-given facts
# ------------------------------------------------------------------------------------------------

GIVEN_ALIASES: dict[str, str] = {}
for _canon, _aliases in {
    "budget_krw": ("budget", "budget_krw", "amount", "사업금액", "사업예산", "예산", "금액", "사업비"),
    "budget_vat": ("budget_vat", "vat", "부가세"),
    "duration_months": ("duration", "duration_months", "months", "period", "사업기간", "기간"),
    "doc_type": ("doc_type", "type", "doctype", "문서유형", "문서종류"),
    "contract_method": ("contract_method", "contract", "method", "계약방법", "계약방식"),
    "project_kinds": ("kind", "kinds", "project_kind", "project_kinds", "사업유형", "유형"),
    "public_sw_project": ("public_sw", "public_sw_project", "sw", "공공sw", "공공SW", "sw사업"),
    "buys_commercial_sw": ("buys_commercial_sw", "commercial_sw", "상용sw", "상용SW"),
    "buys_network_or_security_equipment": (
        "buys_network_or_security_equipment", "network_equipment", "security_equipment", "network",
        "네트워크장비", "정보보호시스템"),
    "builds_db": ("builds_db", "db", "db구축", "DB구축"),
    "personal_info_system": ("personal_info_system", "personal_info", "pii", "개인정보", "개인정보처리시스템"),
    "priced_by_fp": ("priced_by_fp", "fp", "기능점수"),
    "project_name": ("project_name", "name", "사업명"),
}.items():
    for _a in _aliases:
        GIVEN_ALIASES[_a.lower()] = _canon

_KIND_ALIASES = {
    "sw개발": "SW개발", "개발": "SW개발", "구축": "SW개발", "development": "SW개발", "dev": "SW개발",
    "고도화": "고도화", "개선": "고도화", "upgrade": "고도화",
    "유지관리운영": "유지관리운영", "유지관리": "유지관리운영", "운영": "유지관리운영", "유지보수": "유지관리운영",
    "maintenance": "유지관리운영", "operation": "유지관리운영",
    "isp컨설팅": "ISP컨설팅", "isp": "ISP컨설팅", "ismp": "ISP컨설팅", "컨설팅": "ISP컨설팅", "consulting": "ISP컨설팅",
    "상용sw구매": "상용SW구매", "상용sw": "상용SW구매", "상용": "상용SW구매", "commercial": "상용SW구매",
    "hw인프라": "HW인프라", "hw": "HW인프라", "인프라": "HW인프라", "hardware": "HW인프라", "infra": "HW인프라",
    "db구축": "DB구축", "db": "DB구축",
    "홈페이지앱": "홈페이지앱", "홈페이지": "홈페이지앱", "앱": "홈페이지앱", "web": "홈페이지앱", "app": "홈페이지앱",
    "연구용역": "연구용역", "연구": "연구용역", "research": "연구용역",
    "감리pmo": "감리PMO", "감리": "감리PMO", "pmo": "감리PMO",
    "비sw": "비SW", "nonsw": "비SW", "non-sw": "비SW",
}
_METHOD_ALIASES = {
    "협상": "협상", "협상에의한계약": "협상", "negotiation": "협상",
    "경쟁적대화": "경쟁적대화", "경쟁적대화에의한계약": "경쟁적대화", "dialogue": "경쟁적대화",
    "적격심사": "적격심사", "qualification": "적격심사",
    "최저가": "최저가", "최저가낙찰": "최저가", "lowest": "최저가",
    "수의계약": "수의계약", "수의": "수의계약", "private": "수의계약",
    "2단계경쟁": "2단계경쟁", "2단계": "2단계경쟁", "two-stage": "2단계경쟁", "twostage": "2단계경쟁",
    "unknown": "unknown", "모름": "unknown",
}
_DOC_TYPE_ALIASES = {
    "제안요청서": "제안요청서", "rfp": "제안요청서", "과업지시서": "과업지시서", "과업내용서": "과업내용서",
    "입찰공고문": "입찰공고문", "입찰공고": "입찰공고문", "공고": "입찰공고문", "규격서": "규격서", "기타": "기타",
}
_YES = {"yes", "y", "true", "1", "예", "네", "있음", "해당", "o", "포함"}
_NO = {"no", "n", "false", "0", "아니오", "아니요", "없음", "비해당", "x", "미포함"}


def _bad(key: str, value: str, expect: str) -> ValueError:
    return ValueError(f"사실 '{key}'의 값 '{value}'을(를) 이해하지 못했습니다 ({expect}).")


def parse_given(given: dict[str, Any]) -> dict[str, tuple[Any, dict[str, Any]]]:
    """Normalise user-given facts: {canonical name: (value, extra)}. Raises ValueError (Korean)."""
    out: dict[str, tuple[Any, dict[str, Any]]] = {}
    for key, raw in (given or {}).items():
        canon = GIVEN_ALIASES.get(str(key).strip().lower()) or GIVEN_ALIASES.get(str(key).strip())
        if canon is None:
            names = ", ".join(sorted({k for k in GIVEN_ALIASES if k.isascii()}))
            raise ValueError(f"알 수 없는 사실 이름입니다: '{key}' (사용할 수 있는 이름: {names})")
        val = str(raw).strip() if not isinstance(raw, (bool, int, float, list)) else raw
        if canon == "budget_krw":
            if isinstance(val, (int, float)):
                stated = int(val)
                txt = ""
            else:
                txt = TextView(val).s
                stated = parse_amount(val)
            if stated is None:
                raise _bad(key, str(raw), "예: 12억, 1,250,000,000원, 1250백만원")
            said = vat_state(txt)
            vat = said or "included"
            krw = int((Decimal(stated) * VAT_RATE).to_integral_value()) if vat == "excluded" else stated
            # vat_assumed: the user gave no VAT basis, so the amount is taken as VAT-included
            out["budget_krw"] = (krw, {"vat": vat, "stated_krw": stated, "vat_assumed": said is None})
            out.setdefault("budget_vat", (vat, {}))
            out.setdefault("budget_stated_krw", (stated, {}))
        elif canon == "budget_vat":
            v = str(val).lower().replace(" ", "")
            vat = ("included" if v in ("included", "포함", "vat포함", "inc") else
                   "excluded" if v in ("excluded", "별도", "제외", "vat별도", "exc") else
                   "unknown" if v in ("unknown", "모름") else None)
            if vat is None:
                raise _bad(key, str(raw), "included/excluded (포함/별도)")
            out["budget_vat"] = (vat, {})
        elif canon == "duration_months":
            if isinstance(val, (int, float)):
                months = float(val)
            else:
                v = TextView(val).s
                r = _parse_duration_text(v)
                if r and r[0] is not None:
                    months = r[0]
                elif re.fullmatch(r"\d+(?:\.\d+)?", v):
                    months = float(v)
                else:
                    raise _bad(key, str(raw), "예: 8, 8개월, 240일")
            out["duration_months"] = (_num(months), {})
        elif canon == "doc_type":
            v = _DOC_TYPE_ALIASES.get(re.sub(r"\s", "", str(val)).lower())
            if v is None:
                raise _bad(key, str(raw), "/".join(DOC_TYPES))
            out["doc_type"] = (v, {})
        elif canon == "contract_method":
            v = _METHOD_ALIASES.get(re.sub(r"\s", "", str(val)).lower())
            if v is None:
                raise _bad(key, str(raw), "/".join(CONTRACT_METHODS))
            out["contract_method"] = (v, {})
        elif canon == "project_kinds":
            items = val if isinstance(val, list) else re.split(r"[,/+;]", str(val))
            kinds = []
            for it in items:
                k = re.sub(r"\s", "", str(it)).lower()
                if not k:
                    continue
                if k not in _KIND_ALIASES:
                    raise _bad(key, str(it), ", ".join(PROJECT_KINDS))
                kinds.append(_KIND_ALIASES[k])
            out["project_kinds"] = (list(dict.fromkeys(kinds)), {})
        elif canon == "public_sw_project":
            v = str(val).strip().lower()
            if isinstance(val, bool):
                b = val
            elif v in _YES:
                b = True
            elif v in _NO:
                b = False
            else:
                raise _bad(key, str(raw), "yes/no")
            out["public_sw_project"] = (b, {})
        elif canon == "project_name":
            out["project_name"] = (str(val), {})
        else:
            v = str(val).strip().lower()
            if isinstance(val, bool):
                yn = "yes" if val else "no"
            elif v in _YES:
                yn = "yes"
            elif v in _NO:
                yn = "no"
            elif v in ("unknown", "모름", "?"):
                yn = "unknown"
            else:
                raise _bad(key, str(raw), "yes/no/unknown")
            out[canon] = (yn, {})
    return out


# ------------------------------------------------------------------------------------------------
# Entry point
# ------------------------------------------------------------------------------------------------


def _ev(doc: Document, view: TextView, span: Optional[Span], widen_line: bool = False) -> list[Evidence]:
    if not span:
        return []
    vs, ve = span
    if widen_line:
        la, lb = view.line_bounds(vs)
        ve = max(ve, min(lb, ve + 40)) if ve <= lb else ve
    s, e = view.orig(vs, ve)
    return [doc.evidence(s, e)]


def infer_facts(doc: Document, given: Optional[dict[str, Any]] = None) -> Facts:
    """Read the project facts off ``doc``; ``given`` facts (see :data:`GIVEN_ALIASES`) override them.
    Raises ValueError (Korean message) for a given fact it cannot understand."""
    given_facts = parse_given(given or {})  # fail fast, before reading the document
    view = TextView(doc.text)
    s = view.s
    early_limit = max(6000, len(s) // 8)
    facts = Facts()

    def put(name: str, value: Any, conf: float, ev: list[Evidence], note: str = "", **extra: Any) -> None:
        src = "inferred" if value is not None and value != "unknown" else "unknown"
        facts[name] = Fact(name, value, src, conf if src == "inferred" else 0.0, ev, note, dict(extra))

    # document type
    dt, conf, span = _find_doc_type(view)
    put("doc_type", dt, conf, _ev(doc, view, span), "" if span else "제목에서 문서유형을 찾지 못함")

    # project name
    pn = _find_project_name(doc, view) or _title_from_cover(doc, view, span)
    if pn:
        put("project_name", pn[0], 0.8, [doc.evidence(pn[1], pn[2])])
    else:
        put("project_name", None, 0.0, [], "사업명 항목을 찾지 못함")
    name = pn[0] if pn else ""

    # budget
    c = _find_budget(doc, view, early_limit)
    if c is not None:
        stated = c.value
        vat = c.vat
        note_parts = list(dict.fromkeys(c.notes))
        if vat is None and c.kw_class == "estimate":
            vat = "excluded"
            note_parts.append("추정가격은 부가가치세 별도 금액")
        vat = vat or "unknown"
        krw = int((Decimal(stated) * VAT_RATE).to_integral_value()) if vat == "excluded" else stated
        if vat == "excluded":
            note_parts.append("부가세 별도 금액에 1.1을 곱해 부가세 포함 금액으로 환산")
        conf = 0.9 if c.score >= 15 else 0.75 if c.score >= 11 else 0.55
        if vat == "unknown":
            conf -= 0.1
        ev = _ev(doc, view, (c.kw_start, c.span_end), widen_line=True)
        note = "; ".join(note_parts)
        put("budget_krw", krw, conf, ev, note, vat=vat, stated_krw=stated)
        put("budget_vat", vat, conf if vat != "unknown" else 0.0, ev)
        if vat == "unknown":
            facts["budget_vat"].source = "inferred"
            facts["budget_vat"].confidence = 0.3
            facts["budget_vat"].note = "부가가치세 포함 여부가 적혀 있지 않음"
        put("budget_stated_krw", stated, conf, ev)
    else:
        put("budget_krw", None, 0.0, [], "사업금액(사업예산·추정가격 등)을 찾지 못함")
        put("budget_vat", None, 0.0, [])
        put("budget_stated_krw", None, 0.0, [])

    # duration
    d = _find_duration(view, early_limit)
    if d is not None and d.months is not None:
        conf = 0.85 if d.how in ("months", "years") else 0.75 if d.how in ("days", "range") else 0.5
        note = {"days": f"{d.note}을 30일 단위로 환산", "range": "날짜 범위로 계산"}.get(d.how, d.note)
        put("duration_months", _num(d.months), conf, _ev(doc, view, (d.vs, d.ve)), note)
    elif d is not None:
        put("duration_months", None, 0.0, _ev(doc, view, (d.vs, d.ve)), d.note, end_date=d.end_date,
            estimated_months=d.estimate)
    else:
        put("duration_months", None, 0.0, [], "사업기간을 찾지 못함")

    # contract method
    cm, conf, span, why = _find_contract_method(view, dt)
    put("contract_method", cm, conf, _ev(doc, view, span, widen_line=True), why)

    # public SW, kinds, yes/no facts
    psw, conf, why, span = _public_sw(view, name, dt)
    put("public_sw_project", psw, conf, _ev(doc, view, span), why)
    zones = _Zones(doc, view)
    buys = _purchases(zones)
    kinds, kind_spans = _project_kinds(zones, name, psw, why, buys)
    kind_ev = list(facts["project_name"].evidence)
    for k in kinds:
        if k in kind_spans:
            kind_ev += _ev(doc, view, kind_spans[k], widen_line=True)
    put("project_kinds", kinds, 0.6, kind_ev[:6], "사업명과 사업범위(과업내용)·장비구성 요구사항의 표현으로 추정",
        sources={k: ("범위" if k in kind_spans else "사업명") for k in kinds})
    for fname, (val, conf, span, note) in _yes_no_facts(zones, kinds, psw, why, buys).items():
        put(fname, val, conf, _ev(doc, view, span, widen_line=True), note)

    # user-given facts win
    for fname, (val, extra) in given_facts.items():
        old = facts.get(fname)
        merged = dict(old.extra) if old else {}
        merged.update(extra)
        facts[fname] = Fact(fname, val, "given", 1.0, [], "사용자가 지정한 값", merged)
    doc.facts = facts
    return facts


def facts_values(facts: Facts) -> dict[str, Any]:
    """{name: value} for every fact (unknown facts read as None) — the shape evaluation compares."""
    out = {}
    for name, f in facts.items():
        out[name] = f.value if f.source != "unknown" else (f.value if f.value == "unknown" else None)
    return out
