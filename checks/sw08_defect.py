"""SW사업 계약상대자의 하자담보 책임기간은 사업 종료(검수) 후 1년 이내이며, 하자의 범위는 하자보수로 한정된다. 그보다 긴 기간이나 무상 유지보수·기능 추가를 하자보수에 포함시키는 것은 위반이다.

탐지 방법: 하자담보·하자보수·하자보증 "기간"이라는 명사에 묶인 숫자만 읽는다(하자보수보증금 2%, 장애 대응
24시간, 하자기간 종료 후의 부품 공급 기간은 기간이 아니다). 1년을 넘거나 "1년 이상"이면 위반, 하드웨어·제조사
보증에만 걸린 긴 기간은 검토필요(제조사 보증을 우선한다는 단서는 요구가 아님), 1년이지만 기능개선·업그레이드·
일반 유지관리·정기점검 등을 무상 하자보수에 끼워 넣었으면 검토필요로 본다. 하자보수에 묶이지 않은 "사업 종료 후
2년간 무상 보증·유지보수"도 1년을 넘는 무상 하자 의무로 본다(라이선스·제조사 기술지원 기간은 제외).
"""
from __future__ import annotations

import regex

from rfpcheck.pipeline.model import Evidence, Finding

from .common import kinds, load_lexicon, section_kind
from .context import CheckContext
from .registry import C, Rule

RULE = Rule(
    id='SW08',
    title='하자담보 책임기간 · 범위',
    requirement='하자담보 책임기간이 검수 완료 후 1년 이내이고, 책임 범위가 하자보수로 한정됨',
    applies_when='SW 개발·구축(재개발·고도화, 홈페이지 구축 포함) 사업. 컨설팅(ISP)·연구용역·상용SW 구매·순수 운영유지관리는 제외(운영유지관리 사업이 하자 기간을 정했다면 그 내용은 점검)',
    forbidden='하자담보 기간 1년 초과("2년", "24개월", "1년 이상", 제안 시 추가 무상기간), 무상 유지보수·업그레이드·기능개선을 하자보수에 포함, 무제한 책임',
    citations=[
        C('소프트웨어 진흥법', '제60조①', '하자담보책임 1년 이내'),
        C('소프트웨어 진흥법 시행령', '제30조제5호'),
    ],
    suggestion='계약상대자의 하자담보 책임기간은 「소프트웨어 진흥법」 제60조에 따라 최종 검수 완료일부터 1년으로 하며, 그 범위는 계약 목적물의 하자보수에 한정한다. 기능 개선·추가, 상주 지원 등 하자가 아닌 작업은 별도 유지관리 계약으로 정한다.',
    examples_pass=['하자보수 기간은 최종 검수일로부터 1년으로 한다.', '무상 하자보수기간은 검수완료일로부터 12개월로 함'],
    examples_violation=['하자보수 기간은 검수 완료 후 2년으로 한다.', '무상 하자보수 기간은 24개월 이상으로 한다.', '계약 목적물의 무상 하자보수기간은 1년 이상으로 함'],
)

_LEX = "sw08"
_BOUND = regex.compile(
    r"[□■○●◦❍◎▪•※☐▶►◆◇|¡—–]|ㅇ(?=[가-힣])|(?<=[다함음임됨요])\.|(?<=[다함음임됨])-|(?<![\d제.])\d{1,2}\.(?=[가-힣])"
)
# parentheticals: long ones are provisos ("(단, 제조사 … 우선 적용)"), short ones without a number are notes
_PAREN = regex.compile(r"\([^()]{9,160}\)|（[^（）]{9,160}）|\([^()\d]{0,8}\)")
_NOT_A_SPAN = regex.compile(r"^(?:전|마다|주기|단위|에1회|에한번|1회|이내에조치|이상경과)")
_MAX_CLAUSE = 180
_FOLD_NEAR = 70  # a folded task must stand this close to the 하자 words of its clause
_LIMIT = 12  # months, 법 제60조①
_DEV_KINDS = ("SW개발", "고도화", "홈페이지앱")
_NOT_BUILD = ("ISP컨설팅", "연구용역", "감리PMO", "상용SW구매", "DB구축", "HW인프라", "비SW")


def _clause(compact: str, s: int, e: int, maxlen: int = _MAX_CLAUSE) -> tuple[int, int]:
    lo = max(0, s - maxlen)
    a = lo
    for m in _BOUND.finditer(compact, lo, s):
        a = m.end()
    m = _BOUND.search(compact, e, min(len(compact), e + maxlen))
    b = m.start() if m else min(len(compact), e + maxlen)
    return a, b


def _months(n: str, unit: str) -> int:
    v = {"일": 1, "이": 2, "삼": 3}.get(n)
    k = v if v is not None else int(n)
    return k * 12 if unit == "년" else k


def _said(n: str, unit: str, qual: str = "") -> str:
    """The period as the document writes it ("24개월", "1년 이상")."""
    return f"{n}{unit}" + (" 이상" if qual == "이상" else "")


class _Scan:
    def __init__(self) -> None:
        self.ok: list[tuple[int, int, str]] = []  # periods ≤ 1년
        self.viol: list[tuple[int, int, str]] = []
        self.hw_long: list[tuple[int, int, str]] = []
        self.fold: list[tuple[int, int, str]] = []
        self.by_ref: list[tuple[int, int, str]] = []


def _span(ctx: CheckContext, cs: int, ce: int) -> tuple[int, int]:
    return ctx.doc.span_from_compact(cs, ce)


def _scan(ctx: CheckContext) -> _Scan:
    doc = ctx.doc
    compact = doc.compact
    lex = load_lexicon(_LEX)
    dur_rx = lex.rx("duration")
    hw_rx = lex.rx("hardware")
    sw_rx = lex.rx("software")
    after_rx = lex.rx("after_period")
    defer_rx = lex.rx("defer")
    lic_rx = lex.rx("license_support")
    notp_rx = lex.rx("not_period")
    maker_rx = lex.rx("manufacturer")
    out = _Scan()
    seen_head: set[int] = set()

    def judge(cs: int, ce: int, months: int, qual: str, local: str, what: str) -> None:
        s, e = _span(ctx, cs, ce)
        if section_kind(doc, s) == "toc":
            return
        long = months > _LIMIT or (months >= _LIMIT and qual == "이상")
        if not long:
            out.ok.append((s, e, what))
            return
        if maker_rx.search(local):
            return  # the manufacturer's warranty on a supplied product
        hw = bool(hw_rx.search(local)) and not sw_rx.search(local)
        (out.hw_long if hw else out.viol).append((s, e, what))

    # -- "하자보수 기간은 … N년" ------------------------------------------------------------
    for m in ctx.finditer(lex.rx("period_head")):
        hs, he = m.compact_start, m.compact_end
        a, b = _clause(compact, hs, he)
        if any(abs(hs - x) < 4 for x in seen_head):
            continue
        seen_head.add(hs)
        rest = compact[he:b]
        if rest[:12].find("보증금") >= 0:
            continue
        rest2 = rest
        for _ in range(3):  # innermost first, so nested provisos go too
            stripped = _PAREN.sub("", rest2)
            if stripped == rest2:
                break
            rest2 = stripped
        pre = compact[max(a, hs - 30):hs]
        prev_end = 0
        count = 0
        for d in dur_rx.finditer(rest2):
            if d.start() > 120 or count >= 3:
                break
            after = rest2[d.end():d.end() + 8]
            if _NOT_A_SPAN.match(after) or regex.match(r"\d{1,2}월", after):
                prev_end = d.end()
                continue
            months = _months(d.group("n"), d.group("u"))
            qual = d.group("q") or ""
            local = (pre if count == 0 else "") + rest2[prev_end:d.start()]
            if months > _LIMIT and after_rx.search(rest2[prev_end:d.start()]):
                prev_end = d.end()
                continue  # a window after the 하자 period (spare parts, paid maintenance)
            if qual == "이상" and regex.match(r"(?:인|일)(?:경우|물품|제품)", after):
                prev_end = d.end()
                continue  # "무상보증기간이 12개월 이상인 경우 그에 따름"
            if months > _LIMIT and defer_rx.search(rest2):
                prev_end = d.end()
                continue  # a manufacturer's longer warranty allowed to prevail
            count += 1
            judge(hs, min(len(compact), he + d.end()), months, qual, local, _said(d.group("n"), d.group("u"), qual))
            prev_end = d.end()
        if count == 0 and lex.rx("by_reference").search(compact[a:b]):
            s, e = _span(ctx, hs, he)
            out.by_ref.append((s, e, "법령·계약조건 인용"))

    # -- "1년간 무상 하자보수" ---------------------------------------------------------------
    pb_rx = lex.rx("period_before")
    for m in ctx.finditer(pb_rx):
        d = pb_rx.match(compact, m.compact_start)
        if d is None:
            continue
        months = _months(d.group("n"), d.group("u"))
        a, b = _clause(compact, m.compact_start, m.compact_end)
        local = compact[max(a, m.compact_start - 40):m.compact_end]
        if notp_rx.search(compact[max(a, m.compact_start - 12):min(b, m.compact_end + 12)]):
            continue
        if months > _LIMIT and (after_rx.search(local) or defer_rx.search(compact[a:b])):
            continue
        judge(m.compact_start, m.compact_end, months, d.group("q") or "", local, _said(d.group("n"), d.group("u")))

    # -- "사업 종료 후 2년간 무상 보증/유지보수" ----------------------------------------------
    fy_rx = lex.rx("free_years")
    for m in ctx.finditer(fy_rx):
        d = fy_rx.match(compact, m.compact_start)
        if d is None:
            continue
        n, u = (d.group("n"), d.group("u")) if d.group("n") else (d.group("n2"), d.group("u2"))
        months = _months(n, u)
        if months <= _LIMIT:
            continue
        a, b = _clause(compact, m.compact_start, m.compact_end)
        window = compact[max(a, m.compact_start - 60):min(b, m.compact_end + 30)]
        if lic_rx.search(window) or notp_rx.search(window) or maker_rx.search(window):
            continue
        s, e = _span(ctx, m.compact_start, m.compact_end)
        if section_kind(doc, s) == "toc":
            continue
        if hw_rx.search(window) and not sw_rx.search(window):
            out.hw_long.append((s, e, f"무상 {_said(n, u)}"))
        else:
            out.viol.append((s, e, f"무상 {_said(n, u)}"))

    # -- work that is not 하자보수 folded into free 하자보수 ------------------------------------
    excl_rx = lex.rx("fold_excluded")
    duty_rx = lex.rx("fold_duty")
    defect_rx = regex.compile(r"하자(?:보수|보증|담보)")
    oblige_rx = regex.compile(r"하여야|해야|할것|응하여|수행|실시|지원|제공|포함")
    for m in ctx.finditer(lex.rx("fold")):
        a, b = _clause(compact, m.compact_start, m.compact_end)
        cl = compact[a:b]
        if excl_rx.search(cl):
            continue
        s, e = _span(ctx, m.compact_start, m.compact_end)
        kind = section_kind(doc, s)
        if kind in ("toc", "evaluation", "proposal_guide", "current"):
            continue
        fs = m.compact_start - a
        near = cl[max(0, fs - _FOLD_NEAR):fs + _FOLD_NEAR]
        in_defect_clause = bool(defect_rx.search(near)) and bool(duty_rx.search(cl))
        sec = doc.section_at(s)
        in_defect_req = bool(sec and sec.kind == "reqid" and "하자" in sec.title
                             and oblige_rx.search(cl))
        if in_defect_clause or in_defect_req:
            out.fold.append((s, e, compact[m.compact_start:m.compact_end]))
    return out


def _evs(ctx: CheckContext, items: list[tuple[int, int, str]], limit: int = 5) -> list[Evidence]:
    out, seen = [], set()
    for s, e, _ in items:
        ev = ctx.evidence(s, e)
        if ev.start in seen:
            continue
        seen.add(ev.start)
        out.append(ev)
        if len(out) >= limit:
            break
    return out


def _applicability(ctx: CheckContext) -> tuple[str, str]:
    """('apply' | 'maint' | 'na' | 'unknown', Korean reason)."""
    ks = kinds(ctx.doc)
    if not ks:
        return "unknown", "사업유형을 확인하지 못해 SW 개발·구축 사업으로 보고 점검"
    label = "·".join(ks)
    how = "입력값" if ctx.facts.get_fact("project_kinds").source == "given" else "추정"
    dev = [k for k in ks if k in _DEV_KINDS]
    if dev:
        return "apply", f"사업유형 {label}({how}) — SW 개발·구축 사업 → 적용"
    if "유지관리운영" in ks:
        return "maint", f"사업유형 {label}({how}) — 운영·유지관리 사업: 하자담보 기간을 정한 경우에만 점검"
    return "na", f"사업유형 {label}({how}) — SW 개발·구축이 없는 사업이므로 하자담보 책임기간 규정 해당없음"


def detect(ctx: CheckContext) -> Finding:
    mode, applies = _applicability(ctx)
    if mode == "na":
        return ctx.not_applicable(RULE, applies)
    sc = _scan(ctx)

    if sc.viol:
        whats = list(dict.fromkeys(w for _, _, w in sc.viol))
        evs = _evs(ctx, sc.viol + sc.fold)
        msg = (f"하자담보(하자보수) 기간이 1년을 넘습니다({', '.join(whats[:3])}). 「소프트웨어 진흥법」 제60조에 따라 "
               f"하자담보 책임기간은 검수 후 1년 이내로 정해야 합니다.")
        if sc.fold:
            msg += " 하자보수에 하자가 아닌 작업(기능개선·업그레이드 등)도 포함되어 있습니다."
        return ctx.finding(RULE, "violation", msg, evs, applies=applies)

    if sc.hw_long or sc.fold:
        parts = []
        if sc.hw_long:
            parts.append("하드웨어·납품 장비에 1년을 넘는 하자보증·무상 유지보수 기간("
                         + ", ".join(dict.fromkeys(w for _, _, w in sc.hw_long)) + ")을 요구합니다. 제조사 보증인지, "
                         "계약상대자의 하자담보 의무인지 확인이 필요합니다")
        if sc.fold:
            parts.append("무상 하자보수에 기능개선·업그레이드·일반 유지관리 등 하자가 아닌 작업을 포함시킨 문장이 있어 "
                         "하자담보 범위를 넘는지 사람이 판단해야 합니다")
        evs = _evs(ctx, sc.ok[:1] + sc.hw_long + sc.fold)
        return ctx.finding(RULE, "review", " 또한 ".join(parts) + ".", evs, applies=applies)

    if sc.ok:
        whats = list(dict.fromkeys(w for _, _, w in sc.ok))
        return ctx.finding(
            RULE, "pass",
            f"하자담보 책임기간을 1년 이내({', '.join(whats[:3])})로 정하고 있습니다.",
            _evs(ctx, sc.ok, 3), applies=applies,
        )
    if sc.by_ref:
        return ctx.finding(
            RULE, "pass",
            "하자담보 책임기간을 「소프트웨어 진흥법」 제60조 또는 용역계약일반조건에 따르도록 정하고 있습니다(1년 이내).",
            _evs(ctx, sc.by_ref, 2), applies=applies,
        )
    if mode == "maint":
        return ctx.not_applicable(RULE, applies + " — 하자담보 기간을 정한 문장이 없음")
    if mode == "unknown":
        return ctx.finding(
            RULE, "review",
            "하자담보 책임기간을 정한 문장이 없고, 사업유형을 확인하지 못해 SW 개발·구축 사업인지(적용 대상인지) 판단할 수 없습니다.",
            applies=applies,
        )
    return ctx.finding(
        RULE, "missing",
        "하자담보(하자보수) 책임기간과 범위를 정한 문장을 찾지 못했습니다. 검수 후 1년 이내의 기간과 하자보수로 한정된 범위를 밝혀야 합니다.",
        applies=applies,
        looked_for="'하자담보 책임기간', '하자보수 기간', '하자보증기간', 'N년간 무상 하자보수' 와 그 기간(년·개월)",
    )
