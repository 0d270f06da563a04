"""SW사업 계약상대자의 하자담보 책임기간은 사업 종료(검수) 후 1년 이내이며, 하자의 범위는 하자보수로 한정된다. 그보다 긴 기간이나 무상 유지보수·기능 추가를 하자보수에 포함시키는 것은 위반이다.

탐지 방법: 하자담보·하자보수·하자보증 "기간"이라는 명사에 묶인 숫자만 읽는다(하자보수보증금 2%, 장애 대응
24시간, 하자기간 종료 후의 부품 공급 기간은 기간이 아니다). 1년을 넘거나 "1년 이상"이면 위반, 하드웨어·제조사
보증에만 걸린 긴 기간은 검토필요(제조사 보증을 우선한다는 단서는 요구가 아님), 1년이지만 기능개선·업그레이드·
일반 유지관리·정기점검 등을 무상 하자보수에 끼워 넣었으면 검토필요로 본다. 하자보수에 묶이지 않은 "사업 종료 후
2년간 무상 보증·유지보수"도 1년을 넘는 무상 하자 의무로 본다(라이선스·제조사 기술지원 기간은 제외: "기술지원"은
같은 조항에 라이선스·제조사·상용 제품이 있을 때만 그렇게 보고, 아니면 계약상대자의 무상 지원 기간이다). 하자
기간 종료 후의 무상 기간은 하자 기간에 더한다(1년 + 종료 후 무상 1년 = 2년). 표의 행("하자보수기간 | 2년",
"하자보수 | 검수 후 2년")은 항목 칸과 값 칸을 함께 읽고 행 전체를 인용하며, "2개년", "이(2)년", "730일간", 날짜
범위도 기간으로 읽는다. "3년간 무상으로 하자를 보수하여야 한다"처럼 동사로 묶인 기간도 읽는다. 현황(현행·기존
시스템)과 이미 끝난 기간, 평가표의 언급은 근거로 쓰지 않는다. 제안 시 추가 무상 기간을 허용하는 조항과 더 긴 무상
기간 제안에 점수를 주는 평가 항목은 위반("추가·연장"이 "기간"의 앞뒤 어디에 오든 조항에 제안이 있으면),
"기간에 관계없이"·"무기한" 하자 책임도 위반이다. 하자보수 기간 중 인력 상주·대기를 요구하면 하자가 아닌 작업을 끼워 넣은 것으로 보아 검토필요. 기간 없이 「소프트웨어 진흥법」 제60조나
용역계약일반조건을 따르도록 한 하자 조항은 그것만으로 적합이다.
"""
from __future__ import annotations

from typing import Optional

import regex

from rfpcheck.pipeline.model import Document, Evidence, Finding

from .common import kinds, load_lexicon, section_kind
from .context import CheckContext
from .registry import C, Rule
from .spans import compact_clause, quote_span, row_span

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
    examples_violation=['하자보수 기간은 검수 완료 후 2년으로 한다.', '무상 하자보수 기간은 24개월 이상으로 한다.', '계약 목적물의 무상 하자보수기간은 1년 이상으로 함', '계약상대자는 기간에 관계없이 모든 하자에 대하여 무상으로 책임을 진다.'],
)

_LEX = "sw08"
_BOUND = regex.compile(
    r"[□■○●◦❍◎▪•※☐▶►◆◇|¡—–]|ㅇ(?=[가-힣])|(?<=[다함음임됨요])\.|(?<=[다함음임됨])-|(?<![\d제.])\d{1,2}\.(?=[가-힣])"
)
# parentheticals: long ones are provisos ("(단, 제조사 … 우선 적용)"), short ones without a number are notes
_PAREN = regex.compile(r"\([^()]{9,160}\)|（[^（）]{9,160}）|\([^()\d]{0,8}\)")
# what follows a number that makes it a rate, a deadline or a cycle rather than a period ("6개월당 1점")
_NOT_A_SPAN = regex.compile(r"^(?:전|마다|주기|단위|당|에1회|에한번|1회|이내에조치|이상경과)")
# "2025. 1. 1. ~ 2025. 12. 31.": a period given as a date range
_DATE_RANGE = regex.compile(
    r"(?P<y1>\d{4})[.\-/년](?P<m1>\d{1,2})[.\-/월](?P<d1>\d{1,2})[.일]?[~∼～\-](?P<y2>\d{4})[.\-/년](?P<m2>\d{1,2})[.\-/월](?P<d2>\d{1,2})"
)
# a key cell that is only the 하자 word ("하자보수 | 2년")
_KEY_HEAD = regex.compile(r"^(?:무상)?하자(?:담보|보수|보증)(?:책임)?(?:기간)?[:：]?$")
_MAX_CLAUSE = 180
_FOLD_NEAR = 70  # a folded task must stand this close to the 하자 words of its clause
_LIMIT = 12  # months, 법 제60조①
_DEV_KINDS = ("SW개발", "고도화", "홈페이지앱")
_NOT_BUILD = ("ISP컨설팅", "연구용역", "감리PMO", "상용SW구매", "DB구축", "HW인프라", "비SW")


def _months(n: str, unit: str) -> int:
    """Months in "2년", "이(2)년", "2개년", "24개월", "730일" (days are rounded to months)."""
    v = {"일": 1, "이": 2, "삼": 3}.get(n)
    k = v if v is not None else int(n)
    if unit in ("년", "개년"):
        return k * 12
    if unit == "일":
        return round(k / 30.4)
    return k


def _said(n: str, unit: str, qual: str = "") -> str:
    """The period as the document states it, in digits ("24개월", "1년 이상", "이(2)년" → "2년")."""
    n = {"일": "1", "이": "2", "삼": "3"}.get(n, n)
    return f"{n}{unit}" + (f" {qual}" if qual in ("이상", "초과") else "")


def _span_ko(months: int) -> str:
    return f"{months // 12}년" if months % 12 == 0 else f"{months}개월"


def _range_months(m: "regex.Match") -> int:
    y1, m1, d1, y2, m2, d2 = (int(m.group(k)) for k in ("y1", "m1", "d1", "y2", "m2", "d2"))
    months = (y2 - y1) * 12 + (m2 - m1) + (1 if d2 >= d1 - 1 else 0)
    return max(0, months)


class _Scan:
    def __init__(self) -> None:
        self.ok: list[tuple[int, int, str]] = []  # periods ≤ 1년
        self.viol: list[tuple[int, int, str]] = []
        self.hw_long: list[tuple[int, int, str]] = []
        self.fold: list[tuple[int, int, str]] = []
        self.by_ref: list[tuple[int, int, str]] = []
        self.eval_bonus: list[tuple[int, int, str]] = []  # evaluation items scoring longer free periods


def _span(ctx: CheckContext, cs: int, ce: int) -> tuple[int, int]:
    return ctx.doc.span_from_compact(cs, ce)


# a line that ends a sentence, a trailing note included ("…제출하여야 함(제조사 확약서 포함)")
_LINE_END = regex.compile(r"[다함음임됨요]\.?(?:\([^()\n]{0,60}\))?\.?\s*$")


def _line_clause_start(doc: Document, cs: int) -> int:
    """The compact offset of the line holding ``cs`` when the line before it ends a sentence: the
    whitespace-free view runs lines together, so a closing note in brackets would otherwise carry the
    previous sentence's words (a 제조사, a 장비) into the clause of the next."""
    if cs >= len(doc.compact_map):
        return 0
    s = doc.compact_map[cs]
    b = doc.block_at(s)
    lo = b.start if b else max(0, s - 400)
    nl = doc.text.rfind("\n", lo, s)
    if nl < 0 or not _LINE_END.search(doc.text[max(lo, nl - 80):nl]):
        return 0
    return doc.compact_index(nl + 1)


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
    vsup_rx, vword_rx = lex.rx("vendor_support"), lex.rx("vendor_word")

    def licensed(text: str, cl: str) -> bool:
        """Licence or vendor support: 기술지원 counts only with the licence, the maker or the commercial
        product named in the clause ``cl`` (a contractor's own free support is free years)."""
        return bool(lic_rx.search(text)) or (bool(vsup_rx.search(text)) and bool(vword_rx.search(cl)))
    notp_rx = lex.rx("not_period")
    maker_rx = lex.rx("manufacturer")
    current_rx = lex.rx("current_context")
    bonus_rx = lex.rx("eval_bonus")
    past_rx = lex.rx("past_context")
    paid_rx = lex.rx("paid")
    out = _Scan()
    seen_head: set[int] = set()
    used_numbers: set[int] = set()  # compact offsets of numbers already read as a period
    head_months: list[int] = []  # the 하자 periods stated, to add free years that follow them

    def clause(cs: int, ce: int) -> tuple[int, int]:
        a, b = compact_clause(doc, cs, ce, _BOUND, _MAX_CLAUSE)
        return max(a, _line_clause_start(doc, cs)), b

    def context_skip(s: int, a: int, hs: int) -> Optional[str]:
        """Why a period at ``s`` is not the RFP's own demand: 목차, 현황, 평가표 (None when it is)."""
        kind = section_kind(doc, s)
        if kind in ("toc", "current"):
            return kind
        if current_rx.search(compact[max(a, hs - 25):hs]) or past_rx.search(compact[a:clause(hs, hs + 1)[1]]):
            return "current"
        if kind == "evaluation":
            return kind
        return None

    def judge(cs: int, ce: int, months: int, qual: str, local: str, what: str, a: int) -> None:
        s, e = _span(ctx, cs, ce)
        if context_skip(s, a, cs):
            return
        long = months > _LIMIT or (months >= _LIMIT and qual in ("이상", "초과"))
        if not long:
            out.ok.append((s, e, what))
            head_months.append(months)
            return
        if maker_rx.search(local):
            return  # the manufacturer's warranty on a supplied product
        hw = bool(hw_rx.search(local)) and not sw_rx.search(local)
        (out.hw_long if hw else out.viol).append((s, e, what))

    def read_head(hs: int, he: int) -> None:
        a, b = clause(hs, he)
        rest = compact[he:b]
        if rest[:12].find("보증금") >= 0:
            return
        rest2 = rest
        for _ in range(3):  # innermost first, so nested provisos go too (blanked, so offsets hold)
            stripped = _PAREN.sub(lambda p: "#" * len(p.group()), rest2)
            if stripped == rest2:
                break
            rest2 = stripped
        pre = compact[max(a, hs - 30):hs]
        prev_end = 0
        count = 0
        r = _DATE_RANGE.search(rest[:40])
        if r is not None:
            months = _range_months(r)
            judge(hs, he + r.end(), months, "", pre, _span_ko(months), a)
            count += 1
        for d in dur_rx.finditer(rest2) if count == 0 else ():
            if d.start() > 120 or count >= 3:
                break
            after = rest2[d.end():d.end() + 8]
            if _NOT_A_SPAN.match(after) or regex.match(r"\d{1,2}월", after):
                prev_end = d.end()
                continue
            if d.group("u") == "일" and int(d.group("n")) < 90:
                prev_end = d.end()
                continue  # "3일 이내 조치": a deadline, not a period
            months = _months(d.group("n"), d.group("u"))
            qual = d.group("q") or ""
            local = (pre if count == 0 else "") + rest2[prev_end:d.start()]
            if notp_rx.search(rest2[prev_end:d.start()]):
                prev_end = d.end()
                continue  # "최근 3년간 하자보수 실적": a track record, not a period
            if after_rx.search(rest2[prev_end:d.start()]):
                prev_end = d.end()
                continue  # a window after the 하자 period (spare parts, paid or extra maintenance)
            if qual == "이상" and regex.match(r"(?:인|일)(?:경우|물품|제품)", after):
                prev_end = d.end()
                continue  # "무상보증기간이 12개월 이상인 경우 그에 따름"
            if months > _LIMIT and defer_rx.search(rest2):
                prev_end = d.end()
                continue  # a manufacturer's longer warranty allowed to prevail
            count += 1
            used_numbers.add(he + d.start())
            judge(hs, min(len(compact), he + d.end()), months, qual, local,
                  _said(d.group("n"), d.group("u"), qual), a)
            prev_end = d.end()
        if count == 0 and lex.rx("by_reference").search(compact[a:b]):
            s, e = _span(ctx, hs, he)
            if not context_skip(s, a, hs):
                out.by_ref.append((s, e, "법령·계약조건 인용"))

    # -- "하자보수 기간은 … N년" ------------------------------------------------------------
    for m in ctx.finditer(lex.rx("period_head")):
        hs, he = m.compact_start, m.compact_end
        if any(abs(hs - x) < 4 for x in seen_head):
            continue
        seen_head.add(hs)
        read_head(hs, he)

    # -- "하자보수 | 2년": a key cell that is only the 하자 word -------------------------------------
    for b in doc.blocks:
        if b.table is None or len(b.text) > 24 or "하자" not in b.text or not _KEY_HEAD.match("".join(b.text.split())):
            continue
        hs = doc.compact_index(b.start)
        he = doc.compact_index(b.end)
        if any(abs(hs - x) < 4 for x in seen_head):
            continue
        seen_head.add(hs)
        read_head(hs, he)

    # -- "1년간 무상 하자보수" ---------------------------------------------------------------
    # -- "3년간 무상으로 하자를 보수하여야 한다", "2년간 발생하는 하자를 무상으로 수리" ----------------
    for pb_rx in (lex.rx("period_before"), lex.rx("period_verb")):
        for m in ctx.finditer(pb_rx):
            d = pb_rx.match(compact, m.compact_start)
            if d is None or m.compact_start in used_numbers:
                continue
            months = _months(d.group("n"), d.group("u"))
            a, b = clause(m.compact_start, m.compact_end)
            local = compact[max(a, m.compact_start - 40):m.compact_end]
            if notp_rx.search(compact[max(a, m.compact_start - 12):min(b, m.compact_end + 12)]):
                continue
            if after_rx.search(compact[max(a, m.compact_start - 12):m.compact_start]):
                continue  # counted from the end of the 하자 period: read below as free years added to it
            if months > _LIMIT and (after_rx.search(local) or defer_rx.search(compact[a:b])):
                continue
            used_numbers.add(m.compact_start)
            judge(m.compact_start, m.compact_end, months, d.group("q") or "", local,
                  _said(d.group("n"), d.group("u")), a)

    # -- "기간에 관계없이 … 모든 하자에 대하여 무상으로 책임", "무기한 하자보수" ----------------------------
    duty_unl = lex.rx("unlimited_duty")
    for m in ctx.finditer(lex.rx("unlimited")):
        a, b = clause(m.compact_start, m.compact_end)
        cl = compact[a:b]
        if "하자" not in cl or not duty_unl.search(cl) or licensed(cl, cl) or maker_rx.search(cl):
            continue
        s, e = _span(ctx, m.compact_start, m.compact_end)
        if context_skip(s, a, m.compact_start) or section_kind(doc, s) == "proposal_guide":
            continue
        out.viol.append((s, e, "기간 제한 없는 하자 책임"))

    # -- "사업 종료 후 2년간 무상 보증/유지보수", "하자보수 기간 종료 후 1년간 추가 무상 유지보수" -------------
    fy_rx = lex.rx("free_years")
    base = max(head_months) if head_months else _LIMIT
    for m in ctx.finditer(fy_rx):
        d = fy_rx.match(compact, m.compact_start)
        if d is None:
            continue
        n, u = (d.group("n"), d.group("u")) if d.group("n") else (d.group("n2"), d.group("u2"))
        num_at = m.compact_start + (d.start("n") if d.group("n") else d.start("n2")) - d.start()
        if num_at in used_numbers:
            continue  # the same number was read as the 하자 period itself
        months = _months(n, u)
        a, b = clause(m.compact_start, m.compact_end)
        window = compact[max(a, m.compact_start - 60):min(b, m.compact_end + 30)]
        if licensed(window, compact[a:b]) or notp_rx.search(window) or maker_rx.search(window):
            continue
        # a free period that starts when the 하자 period ends is added to it (1년 + 1년 = 2년)
        added = bool(lex.rx("after_defect").search(compact[max(a, m.compact_start - 30):m.compact_end]))
        total = base + months if added else months
        if total <= _LIMIT:
            continue
        s, e = _span(ctx, m.compact_start, m.compact_end)
        if context_skip(s, a, m.compact_start):
            continue
        what = (f"하자보수 {_span_ko(base)} + 종료 후 무상 {_said(n, u)}" if added else f"무상 {_said(n, u)}")
        if hw_rx.search(window) and not sw_rx.search(window):
            out.hw_long.append((s, e, what))
        else:
            out.viol.append((s, e, what))

    # -- extra free periods invited in the proposal, or scored in the evaluation table ------------------
    offer_rx = lex.rx("offer")
    offers = [(m, False) for m in ctx.finditer(lex.rx("extra_offer"))]
    offers += [(m, True) for m in ctx.finditer(lex.rx("extra_period"))]
    seen_offer: set[int] = set()
    for m, needs_offer in offers:
        a, b = clause(m.compact_start, m.compact_end)
        if a in seen_offer or (needs_offer and not offer_rx.search(compact[a:b])):
            continue
        seen_offer.add(a)
        s, e = _span(ctx, m.compact_start, m.compact_end)
        kind = section_kind(doc, s)
        if kind in ("toc", "current") or current_rx.search(compact[max(a, m.compact_start - 25):m.compact_start]):
            continue
        if paid_rx.search(compact[a:b]):
            continue  # a paid maintenance period after the 하자 period
        if kind == "evaluation" or bonus_rx.search(compact[a:b]):
            out.eval_bonus.append((s, e, "평가에서 추가 무상기간 가점"))
        else:
            out.viol.append((s, e, "제안 시 추가 무상기간 허용"))

    # evaluation rows that score a longer 하자 / free period, read with their key cell
    seen_rows: set[int] = set()
    for m in ctx.finditer(lex.rx("eval_longer")):
        span = row_span(doc, m.start)
        if span is None or span[0] in seen_rows or section_kind(doc, m.start) != "evaluation":
            continue
        seen_rows.add(span[0])
        if span[0] <= m.start and m.end <= span[1] + 1 and bonus_rx.search("".join(doc.text[span[0]:span[1]].split())):
            out.eval_bonus.append((span[0], span[1], "평가에서 추가 무상기간 가점"))

    # -- a 하자 clause that defers to 법 제60조 or the general conditions, with no period of its own --------
    ref_rx = lex.rx("by_reference")
    for m in ctx.finditer(ref_rx):
        head = compact[m.compact_start:m.compact_start + 16]
        if regex.match(r"하자[가-힣]{0,6}?(?:보증금|보증서|보증률|보증율|보험)", head):
            continue  # the 하자보수보증금 rate, not the period
        a, b = clause(m.compact_start, m.compact_end)
        if dur_rx.search(compact[a:b]):
            continue  # a clause with its own number is read by the period scans above
        s, e = _span(ctx, m.compact_start, m.compact_end)
        if context_skip(s, a, m.compact_start) or section_kind(doc, s) == "proposal_guide":
            continue
        if all(abs(x[0] - s) > 4 for x in out.by_ref):
            out.by_ref.append((s, e, "법령·계약조건 인용"))

    # -- work that is not 하자보수 folded into free 하자보수 ------------------------------------
    excl_rx = lex.rx("fold_excluded")
    duty_rx = lex.rx("fold_duty")
    defect_rx = regex.compile(r"하자(?:보수|보증|담보)")
    oblige_rx = regex.compile(r"하여야|해야|할것|응하여|수행|실시|지원|제공|포함")
    for m in ctx.finditer(lex.rx("fold")):
        a, b = clause(m.compact_start, m.compact_end)
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
    doc = ctx.doc
    for s, e, _ in items:
        qs, qe = quote_span(doc, s, e)
        if qs in seen:
            continue
        seen.add(qs)
        out.append(doc.evidence(qs, qe))
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

    if sc.viol or sc.eval_bonus:
        # extra free years scored in the evaluation are extra years offered in the proposal (CHECKS.md)
        whats = list(dict.fromkeys(w for _, _, w in sc.viol + sc.eval_bonus))
        evs = _evs(ctx, sc.viol + sc.eval_bonus + sc.fold)
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
            parts.append("무상 하자보수에 기능개선·업그레이드·일반 유지관리·상주(대기) 인력 등 하자가 아닌 작업을 포함시킨 문장이 있어 "
                         "하자담보 범위를 넘는지 사람이 판단해야 합니다")
        evs = _evs(ctx, sc.ok[:1] + sc.hw_long + sc.fold)
        return ctx.finding(RULE, "review", ". 또한 ".join(parts) + ".", evs, applies=applies)

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
