"""하도급은 발주기관의 사전 승인을 받아 사업금액(물품 구매 제외)의 50% 이내에서만 할 수 있고, 재하도급은 원칙적으로 금지된다. 하도급을 허용하는 경우 하도급계획서 제출과 적정성 판단 기준을 제안요청서에 밝혀야 한다.

탐지 방법: 하도급 문장을 찾아 부정·허용 표현과 그 문장의 숫자(비율 상한)를 함께 읽는다. "재하도급은
금지한다", "하도급 비율 50% 초과 불가", "하도급 불허"는 적합 근거이고, "하도급은 사업금액의 70% 이내",
"재하도급은 통보 후 할 수 있음", "승인 없이 하도급 가능"은 위반이다. 법 제51조③의 예외를 옮긴 "다만 제3항에
따라 재하도급을 할 수 있음"은 위반이 아니다. 서약서·보안확약서·공동수급협정서·하도급계획서 서식처럼 하도급을
이름만 드는 곳은 근거로 쓰지 않는다. "재하도급은 금지하지 아니한다"처럼 부정된 금지는 허용으로 읽고, "승인
없이"·"사후 통보" 같은 말은 문장 전체에서 찾아 "다만" 단서보다 먼저 판단한다("다만 승인 없이 재하도급할 수 있다"는
위반, "승인 없이 재하도급한 경우 해지할 수 있다"는 제재 조항). 짧은 표의 행("하도급 | 불허", "재하도급 허용 여부 |
허용", "하도급 비율 상한 | 70%")은 항목 칸과 값 칸을 함께 읽는다(값이 해당없음·- 이면 읽지 않음). 사전 승인 규정
없이 "하도급 계약 체결 후 통보"만 요구하면 승인 없는 하도급으로 본다. 비율은 "이내·이하·까지·범위에서·초과 불가·
초과 시 승인하지 않는다" 같은 말, 또는 하도급과 숫자 사이의 상한·한도·최대·비율과 "로 한다"(또는 줄 끝의 숫자,
"하도급 비율 상한: 60%")로 읽는다. 숫자는 하도급이 그 앞 70자 안이나 같은 구절에서 바로 뒤("70% 범위에서 하도급")에 있을
때만 하도급 비율이며, 그 사이에 선급금·선금·지체상금·보증금·지분율·기성 같은 다른 금액 명사가 있으면 그 금액의
숫자로 본다. 하도급대금 지급 조항은 서식으로 보지 않는다. 위반 조항이 하나라도 있으면 위반이다. 사후 통보는
"체결한 날부터 7일 이내 통보", "체결 후 지체 없이 알려야" 같은 활용형도 읽고, 하도급 행의 값 칸에 적힌
"사전 승인"("하도급 | 발주기관 사전 승인")은 승인 조항으로 본다(승인받은 업체를 가리키는 값은 제외).
"""
from __future__ import annotations

from typing import Optional

import regex

from rfpcheck.pipeline.model import Evidence, Finding

from .common import kinds, load_lexicon, section_kind
from .context import CheckContext
from .registry import C, Rule
from .spans import clause_modality, compact_clause, negated_ban, quote_span, row_clause, short_row_compact, subclause

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
    r"받아야|받고|받은후|받은경우|얻은경우|경우에한하여|얻어야|득하여야|득한후|필요|없이|하여야|해야|승인함|승인한다|"
    r"받을것|받도록|득할것|득하도록|얻을것|받아|얻어|득하여|승인후|승인하에|승인을거쳐|동의후"
)
# a value cell that names approved firms or persons, not the approval rule
_APPROVED_FIRMS = regex.compile(r"(?:받은|얻은|승인된)(?:업체|업자|사업자|자|하도급|하수급)")

_SCORING = regex.compile(r"배점|평점|\d점|등급|산식|[×x]100|하도급률")
_CONDITIONAL = regex.compile(r"(?:승인|동의)(?:을받지않고|없이)(?:는)?$")
# a ban word used as a qualifier ("하도급 불허 사업의 경우 제외"), not a ban
_ADNOMINAL = regex.compile(r"(?:사업|인|한|된|하는|되는)(?:의|인)?경우")
# the act of subcontracting already done: a sanction clause ("승인 없이 재하도급한 경우 해지할 수 있다")
_SANCTION = regex.compile(r"(?:하도급|하청)(?:을|를)?(?:한|하였을|했을)(?:경우|때)|위반(?:한|하는|할|시)")

# key cells of short table rows, and the yes/no values beside them
_KEY_RESUB = regex.compile(r"^(?:재하도급|재하청)(?:의)?(?:허용|가능)?(?:여부)?[:：]?$")
_KEY_SUB = regex.compile(r"^(?:하도급|하청)(?:의)?(?:허용|가능)?(?:여부)?[:：]?$")
_KEY_RATIO = regex.compile(r"^(?:하도급|하청)[가-힣]{0,6}(?:비율|상한|한도|범위|규모)[가-힣]{0,4}[:：]?$")
_VAL_YES = regex.compile(r"^(?:허용|가능|예|있음|[Oo○●]|해당)(?!하지|되지|불)")
_VAL_NO = regex.compile(r"^(?:불허|불가|금지|불가능|아니오|아니요|없음|[Xx×]|허용하지|허용되지|허용안)")
_VAL_PCT = regex.compile(r"(?<![\d.])(?P<n>\d{1,3})(?:\.\d+)?(?:%|％|퍼센트)|(?P<den>\d{1,3})분의(?P<num>\d{1,3})")

_PASS_ORDER = ("ban", "approval", "ratio", "resub_ban", "plan", "adequacy")
_PASS_KO = {
    "ban": "하도급 불허",
    "approval": "사전 승인",
    "ratio": "하도급 비율 50% 이내",
    "resub_ban": "재하도급 금지",
    "plan": "하도급계획서 제출",
    "adequacy": "적정성 판단 기준",
}


def _ratio(m: "Optional[regex.Match]") -> Optional[int]:
    """The percentage a ratio match states ("100분의 60" → 60, "70%" → 70, "3분의 2" → 66)."""
    if m is None:
        return None
    gd = m.groupdict()
    if gd.get("fden") and gd.get("fnum"):
        den, num = int(gd["fden"]), int(gd["fnum"])
        return num * 100 // den if den and num < den else None
    n = gd.get("n1") or gd.get("n2") or gd.get("n3") or gd.get("n4")
    try:
        return int(n)
    except (TypeError, ValueError):
        return None


def _value_pct(value: str) -> Optional[int]:
    m = _VAL_PCT.search(value)
    if m is None:
        return None
    if m.group("n"):
        return int(m.group("n"))
    den, num = int(m.group("den")), int(m.group("num"))
    return num * 100 // den if den and num < den else None


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
        a, b = compact_clause(doc, m.compact_start, m.compact_end, _BOUND, _MAX_CLAUSE)
        # forms and pledges are judged on the words right around the match
        near = compact[max(a, m.compact_start - _NEAR):min(b, m.compact_end + _NEAR)]
        return a, b, near

    def is_form(near: str) -> bool:
        return bool(form_rx.search(near))

    def sub_of(a: int, b: int, cs: int, ce: int) -> tuple[int, int]:
        """The sub-clause of compact[a:b] that holds [cs, ce), in compact offsets."""
        sa, sb = subclause(compact[a:b], cs - a, ce - a)
        return a + sa, a + sb

    def original(a: int, b: int) -> str:
        s, e = doc.span_from_compact(a, b)
        return doc.text[s:e]

    def skip_section(offset: int) -> bool:
        return section_kind(doc, offset) in ("evaluation", "toc")

    violations: list[tuple[int, int, str]] = []  # (start, end, why)
    seen_v: set[int] = set()

    def add_violation(s: int, e: int, why: str) -> None:
        qs = quote_span(doc, s, e)[0]
        if qs in seen_v:
            return
        seen_v.add(qs)
        violations.append((s, e, why))

    found: dict[str, list[tuple[int, int]]] = {}

    def add_found(key: str, s: int, e: int) -> None:
        found.setdefault(key, []).append((s, e))

    # -- short key/value rows: "하도급 | 불허", "재하도급 허용 여부 | 허용", "하도급 비율 상한 | 70%" ----------
    for b in doc.blocks:
        if b.table is None or len(b.text) > 40:
            continue
        key = "".join(b.text.split())
        kind = ("resub" if _KEY_RESUB.match(key) else "sub" if _KEY_SUB.match(key)
                else "ratio" if _KEY_RATIO.match(key) else None)
        if kind is None or skip_section(b.start):
            continue
        rc = row_clause(doc, b.start)
        if rc is None:
            continue
        _, value, (rs, re_) = rc
        val = "".join(value.split())
        if not val or is_form(key + val):
            continue
        if kind == "ratio":
            n = _value_pct(val)
            if n is None or regex.search(r"이상|초과", val):
                continue
            if n > _CAP and n <= 100:
                add_violation(rs, re_, f"하도급 비율 상한 {n}%")
            else:
                add_found("ratio", rs, re_)
            continue
        if _VAL_NO.match(val):
            add_found("resub_ban" if kind == "resub" else "ban", rs, re_)
        elif _VAL_YES.match(val):
            if no_approval_rx.search(val):
                add_violation(rs, re_, "재하도급을 승인 없이 허용" if kind == "resub" else "승인 없는 하도급 허용")
            elif kind == "resub" and not statutory_rx.search(val):
                add_violation(rs, re_, "재하도급 허용")

    # -- violations in sentences ---------------------------------------------------------------
    other_rx = lex.rx("other_amount")
    cap_rx = lex.rx("cap_noun")

    def bound(m, a: int, b: int, stated: bool = False) -> bool:
        """Whether the number of ratio match ``m`` (clause compact[a:b]) is the subcontracted share: 하도급
        stands before it (within 70 characters) or right after it in the same sub-clause ("70% 범위에서
        하도급할 수 있다"), and no other amount (선급금, 지체상금, 지분율 …) stands between them. A number
        stated without a cap word (``stated``) needs 상한·한도·최대·비율 between 하도급 and the number."""
        cs, ce = m.compact_start, m.compact_end
        sa, sb = sub_of(a, b, cs, ce)
        head = compact[max(a, cs - 70):cs]
        last = None
        for last in sub_rx.finditer(head):
            pass
        if last is not None:
            gap = head[last.end():]
            if other_rx.search(gap):
                return False
            return not stated or bool(cap_rx.search(head[max(0, last.start() - 4):]))
        tail = compact[ce:min(sb, ce + 12)]
        t = sub_rx.search(tail)
        return (t is not None and not stated and not other_rx.search(tail[:t.start()])
                and not other_rx.search(compact[sa:cs]))

    def closes_clause(m) -> bool:
        """The number ends its line or cell ("하도급 한도: 사업금액의 70%")."""
        nl = doc.text.find("\n", m.end)
        rest = doc.text[m.end: nl if nl >= 0 else len(doc.text)]
        return not rest.strip(" \t.)）")

    ratios = []  # (match, percentage) for "70% 이내", "100분의 60", "3분의 2 이내"
    for key in ("ratio", "ratio_fraction", "ratio_stated"):
        rx = lex.rx(key)
        for m in ctx.finditer(rx):
            mm = rx.match(compact, m.compact_start)
            n = _ratio(mm)
            if n is None:
                continue
            if key == "ratio_stated":
                if any(r.compact_start == m.compact_start for r, _ in ratios):
                    continue
                if not (mm.group("q4") or closes_clause(m)):
                    continue
                a, b, _ = clause_of(m)
                if not bound(m, a, b, stated=True):
                    continue
            ratios.append((m, n))
    for m, n in ratios:
        a, b, cl = clause_of(m)
        if not bound(m, a, b):
            continue  # the number is not bound to 하도급 (prices, scores, 지분율, 선급금…)
        if is_form(cl):
            continue
        if n > _CAP and n <= 100:
            if skip_section(m.start) or _SCORING.search(compact[a:b]):
                continue  # 적정성 평가표 rows ("하도급률 90% 이상 30점") are scores, not allowances
            add_violation(m.start, m.end, f"하도급 비율 상한 {n}%")

    for m in ctx.finditer(lex.rx("whole_permit")):
        a, b, cl = clause_of(m)
        if is_form(cl) or skip_section(m.start):
            continue
        sa, sb = sub_of(a, b, m.compact_start, m.compact_end)
        if _SANCTION.search(compact[m.compact_start:m.compact_end]) or clause_modality(original(sa, sb)) == "prohibit":
            continue
        add_violation(m.start, m.end, "사업 전부 하도급 허용")

    for m in ctx.finditer(lex.rx("resub_permit")):
        a, b, cl = clause_of(m)
        if is_form(cl) or skip_section(m.start):
            continue
        if _SANCTION.search(compact[m.compact_start:m.compact_end]):
            continue  # "승인 없이 재하도급한 경우 계약을 해지할 수 있다"
        sa, sb = sub_of(a, b, m.compact_start, m.compact_end)
        # no-approval words anywhere in the clause decide before the statutory proviso does
        if no_approval_rx.search(compact[a:b]) and clause_modality(original(sa, sb)) != "prohibit":
            add_violation(m.start, m.end, "재하도급을 승인 없이 허용")
            continue
        if statutory_rx.search(compact[a:b]):
            continue  # 법 제51조③의 예외를 옮긴 문장
        if clause_modality(original(sa, sb)) == "prohibit":
            continue
        add_violation(m.start, m.end, "재하도급 허용")

    # "재하도급은 금지하지 아니한다": a negated ban is a permission
    for m in ctx.finditer(lex.rx("resub_ban")):
        a, b, cl = clause_of(m)
        if is_form(cl) or skip_section(m.start):
            continue
        sa, sb = sub_of(a, b, m.compact_start, m.compact_end)
        if negated_ban(original(m.compact_start, sb)) and clause_modality(original(sa, sb)) == "permit":
            add_violation(m.start, m.end, "재하도급을 금지하지 않음")

    for m in ctx.finditer(lex.rx("free_permit")):
        a, b, cl = clause_of(m)
        if is_form(cl) or skip_section(m.start):
            continue
        if _SANCTION.search(compact[m.compact_start:m.compact_end]):
            continue
        sa, sb = sub_of(a, b, m.compact_start, m.compact_end)
        if clause_modality(original(sa, sb)) == "prohibit":
            continue  # "승인 없이 하도급을 할 수 없음"
        add_violation(m.start, m.end, "승인 없는 하도급 허용")

    def approval_cell(m) -> Optional[tuple[int, int]]:
        """"하도급 | 발주기관 사전 승인", "하도급 허용 여부 | 허용(사전 승인)": in a short key/value row of
        subcontracting the approval standing as the value is the rule itself; the row's span, or None."""
        cell = doc.block_at(max(m.start, m.end - 1))
        if cell is None or cell.table is None or len(cell.text) > 60:
            return None
        row = short_row_compact(doc, cell.start)
        if row is None or not sub_rx.search(compact, row[0], row[1]):
            return None
        if _APPROVED_FIRMS.search("".join(cell.text.split())):
            return None
        return doc.span_from_compact(*row)

    # -- compliant statements ---------------------------------------------------------------
    for key in _PASS_ORDER:
        cands = ratios if key == "ratio" else ((m, None) for m in ctx.finditer(lex.rx(key)))
        for m, n in cands:
            a, b, cl = clause_of(m)
            if is_form(cl):
                continue
            if key == "ratio" and (n > _CAP or not bound(m, a, b)):
                continue
            if key == "ban" and _CONDITIONAL.search(compact[max(a, m.compact_start - 15):m.compact_start]):
                continue  # "승인 없이 하도급을 할 수 없음" is the approval rule, not a ban
            if key == "ban" and _ADNOMINAL.match(compact, m.compact_end):
                continue
            if key == "approval" and not _APPROVAL_DUTY.search(compact[m.compact_start:b]):
                cell_row = approval_cell(m)
                if cell_row is None:
                    continue  # "승인을 받은 하도급업체에 한함" only names approved firms
                add_found(key, *cell_row)
                break
            if key in ("ban", "resub_ban"):
                sa, sb = sub_of(a, b, m.compact_start, m.compact_end)
                if negated_ban(original(m.compact_start, sb)):
                    continue  # "금지하지 아니한다" is no ban
            add_found(key, m.start, m.end)
            break  # one quote per kind is enough

    # -- after-the-fact notice instead of approval ("하도급 계약 체결 후 발주기관에 통보") ----------------
    if "approval" not in found and "ban" not in found:
        for m in ctx.finditer(lex.rx("notify_only")):
            a, b, cl = clause_of(m)
            if is_form(cl) or skip_section(m.start):
                continue
            add_violation(m.start, m.end, "사전 승인 없이 사후 통보만 요구")

    if violations:
        evs = [doc.evidence(*quote_span(doc, s, e)) for s, e, _ in violations[:5]]
        whys = list(dict.fromkeys(w for _, _, w in violations))
        msg = (f"하도급 제한을 벗어난 조항이 있습니다({', '.join(whys)}). 하도급은 발주기관의 사전 승인을 받아 "
               f"사업금액의 50% 이내에서만 허용되고 재하도급은 원칙적으로 금지됩니다.")
        said = [_PASS_KO[k] for k in _PASS_ORDER if k in found]
        if said:
            msg += f" ({', '.join(said)}에 관한 문장도 있으나 위 조항이 이와 어긋납니다.)"
        return ctx.finding(RULE, "violation", msg, evs, applies=applies)

    if found:
        evs: list[Evidence] = []
        starts: set[int] = set()
        for k in _PASS_ORDER:
            if k not in found:
                continue
            qs, qe = quote_span(doc, *found[k][0])
            if qs in starts:
                continue
            starts.add(qs)
            evs.append(doc.evidence(qs, qe))
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
