"""하도급은 발주기관의 사전 승인을 받아 사업금액(물품 구매 제외)의 50% 이내에서만 할 수 있고, 재하도급은 원칙적으로 금지된다. 하도급을 허용하는 경우 하도급계획서 제출과 적정성 판단 기준을 제안요청서에 밝혀야 한다.

탐지 방법: 하도급 문장을 찾아 부정·허용 표현과 그 문장의 숫자(비율 상한)를 함께 읽는다. "재하도급은
금지한다", "하도급 비율 50% 초과 불가", "하도급 불허"는 적합 근거이고, "하도급은 사업금액의 70% 이내",
"재하도급은 통보 후 할 수 있음", "승인 없이 하도급 가능"은 위반이다. 법 제51조③의 예외를 옮긴 "다만 제3항에
따라 재하도급을 할 수 있음"은 위반이 아니다. 서약서·보안확약서·공동수급협정서·하도급계획서 서식처럼 하도급을
이름만 드는 곳은 근거로 쓰지 않는다.
"""
from __future__ import annotations

from typing import Optional

import regex

from rfpcheck.pipeline.model import Evidence, Finding

from .common import kinds, load_lexicon, modality_compact, section_kind
from .context import CheckContext
from .registry import C, Rule

RULE = Rule(
    id='SW04',
    title='하도급 제한',
    requirement='하도급 시 발주기관 사전 승인, 하도급 비율 50% 이내, 재하도급 금지, 하도급계획서 제출과 적정성 판단 기준(또는 하도급 전면 불허)',
    applies_when='모든 SW사업',
    forbidden='50%를 넘는 하도급 비율 허용("사업금액의 70% 이내", "60% 초과 불가"), 재하도급 허용(법 제51조③의 예외를 옮긴 경우 제외), 승인 없는 하도급 허용("통보 후", "자율적으로")',
    citations=[
        C('소프트웨어 진흥법', '제51조'),
        C('소프트웨어 진흥법 시행령', '제48조'),
        C('소프트웨어 진흥법 시행규칙', '제14조'),
        C('소프트웨어사업 계약 및 관리감독에 관한 지침', '제19조~제23조'),
    ],
    suggestion='계약상대자는 사업의 일부를 하도급하려는 경우 「소프트웨어 진흥법」 제51조에 따라 사전에 발주기관의 승인을 받아야 하며, 하도급 비율은 사업금액(물품 구매금액 제외)의 100분의 50을 넘을 수 없다. 재하도급은 금지한다. 입찰자는 하도급계획서를 제안서와 함께 제출하며, 발주기관은 하도급 적정성 판단 세부기준에 따라 심사한다.',
    examples_pass=['재하도급은 금지하며, 하도급 비율은 사업금액의 50%를 초과할 수 없다.', '본 사업은 하도급을 불허함'],
    examples_violation=['하도급 비율은 사업금액의 70% 이내로 한다.', '재하도급은 발주기관의 승인 없이 가능하다.'],
)

_LEX = "sw04"
# where a clause ends on the whitespace-free view: bullets, table-cell bars, sentence ends
_BOUND = regex.compile(r"[□■○●◦❍◎▪•※☐▶►◆◇|]|ㅇ(?=[가-힣])|(?<=[다함음임됨요])\.")
_MAX_CLAUSE = 200
_NEAR = 35  # characters either side that decide whether a mention stands in a form or pledge
_CAP = 50  # 법 제51조①, 영 제48조: 하도급은 사업금액의 100분의 50 이내

# an approval stated as a condition or duty, not a passing mention of approved firms
_APPROVAL_DUTY = regex.compile(
    r"받아야|받고|받은후|받은경우|얻은경우|경우에한하여|얻어야|득하여야|득한후|필요|없이|하여야|해야|승인함|승인한다"
)

_SCORING = regex.compile(r"배점|평점|\d점|등급|산식|[×x]100|하도급률")
_CONDITIONAL = regex.compile(r"(?:승인|동의|허가)(?:을받지않고|없이)(?:는)?$")

_PASS_ORDER = ("ban", "approval", "ratio", "resub_ban", "plan", "adequacy")
_PASS_KO = {
    "ban": "하도급 불허",
    "approval": "사전 승인",
    "ratio": "하도급 비율 50% 이내",
    "resub_ban": "재하도급 금지",
    "plan": "하도급계획서 제출",
    "adequacy": "적정성 판단 기준",
}


def _clause(compact: str, s: int, e: int) -> tuple[int, int]:
    """The compact-view clause around [s, e): from the last boundary before s to the next after e."""
    lo = max(0, s - _MAX_CLAUSE)
    a = lo
    for m in _BOUND.finditer(compact, lo, s):
        a = m.end()
    m = _BOUND.search(compact, e, min(len(compact), e + _MAX_CLAUSE))
    b = m.start() if m else min(len(compact), e + _MAX_CLAUSE)
    return a, b


def _ratio(m: "Optional[regex.Match]") -> Optional[int]:
    if m is None:
        return None
    n = m.group("n1") or m.group("n2")
    try:
        return int(n)
    except (TypeError, ValueError):
        return None


def _applies_reason(doc) -> str:
    ks = kinds(doc)
    how = "입력값" if doc.facts.get_fact("project_kinds").source == "given" else "추정"
    what = f"사업유형 {'·'.join(ks)}({how})" if ks else "공공 SW사업"
    return f"{what} — 하도급 제한은 모든 SW사업에 적용"


def detect(ctx: CheckContext) -> Finding:
    doc = ctx.doc
    lex = load_lexicon(_LEX)
    compact = doc.compact
    applies = _applies_reason(doc)
    form_rx = lex.rx("form_context")
    statutory_rx = lex.rx("statutory")
    no_approval_rx = lex.rx("no_approval")
    sub_rx = lex.rx("mention")

    def clause_of(m) -> tuple[int, int, str]:
        a, b = _clause(compact, m.compact_start, m.compact_end)
        # forms and pledges are judged on the words right around the match
        near = compact[max(a, m.compact_start - _NEAR):min(b, m.compact_end + _NEAR)]
        return a, b, near

    def is_form(near: str) -> bool:
        return bool(form_rx.search(near))

    violations: list[tuple[int, int, str]] = []  # (start, end, why)
    seen_v: set[int] = set()

    def add_violation(m, why: str) -> None:
        ev = ctx.evidence(m.start, m.end)
        if ev.start in seen_v:
            return
        seen_v.add(ev.start)
        violations.append((m.start, m.end, why))

    # -- violations -------------------------------------------------------------------------
    ratio_rx = lex.rx("ratio")
    for m in ctx.finditer(ratio_rx):
        n = _ratio(ratio_rx.match(compact, m.compact_start))
        if n is None:
            continue
        a, b, cl = clause_of(m)
        head = compact[a:m.compact_start]
        if not sub_rx.search(head[-70:]):
            continue  # the number is not bound to 하도급 (prices, scores, 지분율…)
        if is_form(cl):
            continue
        if n > _CAP and n <= 100:
            if section_kind(doc, m.start) in ("evaluation", "toc") or _SCORING.search(compact[a:b]):
                continue  # 적정성 평가표 rows ("하도급률 90% 이상 30점") are scores, not allowances
            add_violation(m, f"하도급 비율 상한 {n}%")

    for m in ctx.finditer(lex.rx("resub_permit")):
        a, b, cl = clause_of(m)
        if is_form(cl) or section_kind(doc, m.start) in ("evaluation", "toc"):
            continue
        seg = compact[m.compact_start:b]
        if no_approval_rx.search(seg):
            add_violation(m, "재하도급을 승인 없이 허용")
            continue
        if statutory_rx.search(compact[a:b]):
            continue  # 법 제51조③의 예외를 옮긴 문장
        if modality_compact(seg) == "prohibit":
            continue
        add_violation(m, "재하도급 허용")

    for m in ctx.finditer(lex.rx("free_permit")):
        a, b, cl = clause_of(m)
        if is_form(cl) or section_kind(doc, m.start) in ("evaluation", "toc"):
            continue
        seg = compact[m.compact_start:b]
        if modality_compact(seg) == "prohibit":
            continue  # "승인 없이 하도급을 할 수 없음"
        add_violation(m, "승인 없는 하도급 허용")

    if violations:
        evs = [ctx.evidence(s, e) for s, e, _ in violations[:5]]
        whys = list(dict.fromkeys(w for _, _, w in violations))
        return ctx.finding(
            RULE, "violation",
            f"하도급 제한을 벗어난 조항이 있습니다({', '.join(whys)}). 하도급은 발주기관의 사전 승인을 받아 "
            f"사업금액의 50% 이내에서만 허용되고 재하도급은 원칙적으로 금지됩니다.",
            evs, applies=applies,
        )

    # -- compliant statements ---------------------------------------------------------------
    found: dict[str, list[Evidence]] = {}
    for key in _PASS_ORDER:
        for m in ctx.finditer(lex.rx(key)):
            a, b, cl = clause_of(m)
            if is_form(cl):
                continue
            if key == "ratio":
                n = _ratio(ratio_rx.match(compact, m.compact_start))
                if n is None or n > _CAP or not sub_rx.search(compact[a:m.compact_start][-70:]):
                    continue
            if key == "ban" and _CONDITIONAL.search(compact[max(a, m.compact_start - 15):m.compact_start]):
                continue  # "승인 없이 하도급을 할 수 없음" is the approval rule, not a ban
            if key == "approval" and not _APPROVAL_DUTY.search(compact[m.compact_start:b]):
                continue  # "승인을 받은 하도급업체에 한함" only names approved firms
            found.setdefault(key, []).append(ctx.evidence(m.start, m.end))
            break  # one quote per kind is enough
    if found:
        evs, starts = [], set()
        for k in _PASS_ORDER:
            if k in found and found[k][0].start not in starts:
                starts.add(found[k][0].start)
                evs.append(found[k][0])
        said = ", ".join(_PASS_KO[k] for k in _PASS_ORDER if k in found)
        if "ban" in found:
            msg = f"하도급을 허용하지 않는다고 밝히고 있습니다({said})."
        else:
            lacking = [_PASS_KO[k] for k in ("approval", "ratio", "resub_ban") if k not in found]
            msg = f"하도급 제한 내용이 있습니다({said})."
            if lacking:
                msg += f" 다만 {', '.join(lacking)}에 관한 문장은 찾지 못했습니다."
        return ctx.finding(RULE, "pass", msg, evs, applies=applies)

    return ctx.finding(
        RULE, "missing",
        "하도급 허용 여부와 제한(발주기관 사전 승인, 사업금액 50% 이내, 재하도급 금지, 하도급계획서)을 밝힌 조항이 없습니다.",
        applies=applies,
        looked_for="'하도급 불허/금지', '하도급 … 사전 승인', '100분의 50을 초과할 수 없', '재하도급 금지', "
                   "'하도급계획서 제출' (서약서·보안확약서·공동수급협정서의 하도급 언급은 제외)",
    )
