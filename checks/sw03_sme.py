"""사업금액이 고시 하한 미만이면 대기업인 SW사업자의 참여를 제한하고, 상호출자제한기업집단 소속회사는 금액과 관계없이 참여를 제한한다(예외 인정 시 그 근거 명시).

How the detector decides: a statement that 상호출자제한기업집단 소속회사 or 대기업 are barred, or that
only 중소기업자 may bid (중소기업자간 경쟁, 중·소기업·소상공인 확인서, 직접생산확인), is 적합
evidence; a guideline named only in a law list or a ticked self-check row is not. A bid qualification
(입찰참가자격, not an evaluation item) that demands past contracts or revenue far above the project
amount shuts SMEs out: ≥ 2 × 사업금액 → 위반, above the amount → 검토필요, amount unknown → 검토필요.
"""
from __future__ import annotations

from typing import Optional

from rfpcheck.pipeline.facts import parse_amount
from rfpcheck.pipeline.model import Evidence

from .common import load_lexicon, section_kind, won
from .context import CheckContext
from .registry import C, Rule
from .spans import clause_span, narrow_match, tight_span

RULE = Rule(
    id='SW03',
    title='중소SW사업자 참여지원 · 대기업 참여제한',
    requirement='대기업 참여제한(사업금액 기준) 또는 상호출자제한기업집단 소속회사 참여제한과 중소 SW사업자 참여 지원 사항',
    applies_when='모든 SW사업',
    forbidden='사업 규모에 비해 과도한 매출액·실적 요건으로 중소 SW사업자의 입찰 참여를 사실상 배제하는 자격 조건',
    citations=[
        C('소프트웨어 진흥법', '제48조②④'),
        C('소프트웨어 진흥법 시행령', '제41조'),
    ],
    suggestion='본 사업은 「소프트웨어 진흥법」 제48조에 따라 대기업인 소프트웨어사업자의 참여를 제한하며, 같은 조 제4항에 따라 상호출자제한기업집단 소속회사는 입찰에 참여할 수 없다.',
    examples_pass=['상호출자제한기업집단 소속회사는 본 사업에 참여할 수 없다.', '본 사업은 중소기업자간 경쟁제품으로 중소기업자만 입찰에 참가할 수 있다.'],
    examples_violation=['입찰참가자격: 최근 3년간 단일 SW 구축사업 실적 100억원 이상인 업체'],
)

_LEX = load_lexicon("sw03")
_RX = {key: _LEX.rx(key) for key in _LEX.data["patterns"]}
_PASS_KEYS = ("mutual_investment", "large_firm", "sme_only")
_LABEL = {"mutual_investment": "상호출자제한기업집단 참여제한", "large_firm": "대기업 참여제한", "sme_only": "중소기업자만 참가"}


def _compact(text: str) -> str:
    return "".join(text.split())


def _heading_like(quote: str) -> bool:
    c = _compact(quote)
    return len(c) < 20 or c.endswith("사항") or c.endswith("제한사항")


def _gate(ctx: CheckContext) -> Optional[tuple[int, Evidence, str]]:
    """The largest record/revenue qualification found: (required amount, evidence, description)."""
    doc = ctx.doc
    best: Optional[tuple[int, Evidence, str]] = None
    for key in ("record_gate", "revenue_gate"):
        for m in ctx.finditer(_RX[key]):
            if section_kind(doc, m.start) in ("evaluation", "toc", "current"):
                continue
            c = doc.compact[m.compact_start:m.compact_end]
            mm = _RX[key].search(c)
            if mm is None or not mm.group("amt"):
                continue
            amt = parse_amount(mm.group("amt"))
            if not amt:
                continue
            cnt = 1
            if key == "record_gate" and mm.group("cnt") and not _RX["total_gate"].search(c):
                cnt = max(1, int(mm.group("cnt")))
            need = amt * cnt
            what = (f"실적 {won(amt)} 이상 {cnt}건" if cnt > 1 else f"실적 {won(amt)} 이상") if key == "record_gate" else f"매출액 {won(amt)} 이상"
            s, e = clause_span(doc, *narrow_match(doc, m.start, m.end, _RX[key]))
            if best is None or need > best[0]:
                best = (need, doc.evidence(s, e), what)
    return best


def detect(ctx: CheckContext):
    doc = ctx.doc
    applies = "모든 SW사업에 적용(공공 SW사업)"
    found: dict[str, list[Evidence]] = {}
    for key in _PASS_KEYS:
        for m in ctx.finditer(_RX[key]):
            if section_kind(doc, m.start) == "toc":
                continue
            ms, me = narrow_match(doc, m.start, m.end, _RX[key])
            s, e = tight_span(doc, *clause_span(doc, ms, me), _RX[key])
            c = _compact(doc.text[s:e])
            if _RX["generic_only"].search(c):
                continue
            lst = found.setdefault(key, [])
            if len(lst) < 6 and all(x.start != s for x in lst):
                lst.append(doc.evidence(s, e))
    for key, lst in found.items():  # statements before headings ("… 참여제한 사항")
        lst.sort(key=lambda x: (_heading_like(x.quote), x.start))
        del lst[2:]

    gate = _gate(ctx)
    if gate is not None:
        need, ev, what = gate
        f = doc.facts.get_fact("budget_krw")
        if not f.known:
            return ctx.finding(
                RULE, "review",
                f"입찰참가자격에 {what} 요건이 있으나 사업금액을 확인하지 못해 중소 SW사업자를 배제하는 과도한 요건인지 판단할 수 없습니다.",
                [ev], applies=applies)
        budget = int(f.value)
        ratio = need / budget if budget else 0
        if ratio >= 2:
            return ctx.finding(
                RULE, "violation",
                f"입찰참가자격의 {what}(합계 {won(need)})이 사업금액 {won(budget)}의 {ratio:.1f}배로, 중소 SW사업자의 참여를 사실상 배제합니다.",
                [ev], applies=applies)
        if ratio > 1:
            return ctx.finding(
                RULE, "review",
                f"입찰참가자격의 {what}(합계 {won(need)})이 사업금액 {won(budget)}보다 큽니다. 중소 SW사업자를 배제하는 과도한 요건인지 사람이 확인해야 합니다.",
                [ev] + [x for k in _PASS_KEYS for x in found.get(k, [])][:2], applies=applies)

    if found:
        kinds = ", ".join(_LABEL[k] for k in _PASS_KEYS if k in found)
        allev = [x for k in _PASS_KEYS for x in found.get(k, [])]
        ev = ([x for x in allev if not _heading_like(x.quote)] or allev)[:3]
        return ctx.finding(RULE, "pass", f"중소 SW사업자 참여 지원 내용이 명시되어 있습니다({kinds}).", ev, applies=applies)
    return ctx.finding(
        RULE, "missing",
        "상호출자제한기업집단 소속회사 참여제한, 대기업 참여제한, 중소기업자간 경쟁 등 중소 SW사업자 참여 지원 내용이 없습니다.",
        applies=applies,
        looked_for="'상호출자제한기업집단 … 참여 제한', '대기업 … 참여 제한', '중소기업자만 입찰 참가', '직접생산확인' 같은 입찰참가자격 문장")
