"""과업 내용의 확정·변경은 과업심의위원회의 심의를 거치고, 계약상대자가 과업변경 심의를 요청할 수 있어야 한다. 과업이 바뀌어도 계약금액·기간을 조정하지 않거나 추가 과업을 계약상대자가 무상으로 떠안게 하는 조항은 위반이다.

탐지 방법: 적합 근거는 "과업심의위원회를 개최한(개최 예정인·미개최한) 사업임"과 "과업변경요청서를 제출하여
과업심의위원회 개최를 요청할 수 있음" 같은 문장이다. 위반은 (1) 추가·변경 과업이나 장소·환경 변경의 비용을
계약상대자에게 지우는 문장("별도의 비용을 청구하지 않고", "계약상대자 부담", "계약금액에 포함된 것으로 간주",
"용역비는 증액하지 않는다", "계약금액의 변동 없이", "추가 비용은 인정하지 않는다", 추가·변경·요구가 적힌 조항의
"무상으로 수행"), (2) 문서에 적히지 않은 일을 계약에 포함된 것으로 보거나 지시대로 수행하게 하는
문장(계약상대자 부담 표현이 있으면 "지원·수행·제공하여야"도 의무로 읽는다), (3) 어떤 변경 요구든 받아들이게
하는 문장("추가 요구사항이 발생하는 경우 … 수용하여야", 조정·협의·과업심의가 함께 적힌 조항은 제외)이다. 계약상대자가 본래 지는 비용(자기 제안서 작성, 하자·오류
보완, 지체, 인력 교체·인수인계, 보안서약)은 과업 변경이 아니고, 적히지 않은 사항을 입찰자가 "제안할 수 있다"거나
"협의하여 정한다", "관계 법령에 따른다"는 문장도 위반이 아니다. 발주기관이 "조정 없이 … 요구하지 않는다"고
약속하는 문장은 부정된 요구로 읽어 위반으로 보지 않으며, 주어가 적히지 않은 "… 수행하도록 요구하지 않는다"도
같다(계약상대자가 주어인 문장은 제외). 짧은 표의 행("과업 추가 | 계약금액 증액 없이 수행",
"과업심의위원회 개최 여부 | 개최(날짜)")은 항목 칸과 값 칸을 한 문장으로 읽고 행 전체를 인용한다. 위반 조항이
하나라도 있으면 적합 근거가 함께 있어도 위반이다. 마침표 없이 "…수용함", "…처리함"처럼 끝나는 줄은 그 줄에서
조항이 끝나고(다음 제목을 읽어 들이지 않음) 의무로 읽으며, "심의(2024. 2. 14.)를 거쳐", "심의 완료(2024.3.)"도
과업심의위원회 개최로 본다.
"""
from __future__ import annotations

import regex

from rfpcheck.pipeline.model import Evidence, Finding

from .common import kinds, load_lexicon, section_kind
from .context import CheckContext, Match
from .gates import previous_project_mention
from .registry import C, Rule
from .spans import clause_modality, compact_clause, quote_span, subclause

RULE = Rule(
    id='SW01',
    title='과업심의위원회',
    requirement='과업심의위원회의 과업 확정 심의 결과(또는 심의 예정)와, 계약상대자가 과업 변경 시 과업심의위원회 개최를 요청할 수 있고 그 결과에 따라 계약금액·기간을 조정한다는 내용',
    applies_when='모든 SW사업(상용SW 구매, 클라우드, 감리, ISP 포함). 순수 HW·네트워크·영상 사업은 제외',
    forbidden='과업이 변경되어도 계약금액·기간 조정을 배제하거나, 추가·변경 과업·장소·환경 변경 비용을 계약상대자가 부담하게 하는 조항("별도의 비용을 청구하지 않고", "계약상대자 부담", "계약금액에 포함된 것으로 간주"), 명시되지 않은 작업을 계약에 포함된 것으로 보는 조항',
    citations=[
        C('소프트웨어 진흥법', '제50조'),
        C('소프트웨어 진흥법 시행령', '제47조⑥', '입찰공고에 과업심의 요청 가능 명시'),
        C('소프트웨어사업 계약 및 관리감독에 관한 지침', '제24조~제28조'),
    ],
    suggestion='본 사업의 과업 내용은 「소프트웨어 진흥법」 제50조에 따른 과업심의위원회의 심의를 거쳐 확정하였다. 계약상대자는 과업 내용의 변경이 필요한 경우 발주기관에 과업심의위원회 개최를 요청할 수 있으며, 발주기관은 특별한 사정이 없으면 이를 수용하고 심의 결과에 따라 계약금액과 사업기간을 조정한다.',
    examples_pass=['과업 변경이 필요한 경우 계약상대자는 과업심의위원회의 개최를 요청할 수 있으며, 심의 결과에 따라 계약금액 및 기간을 조정한다.'],
    examples_violation=[
        '사업 수행 중 발생하는 추가 과업은 계약상대자가 별도의 비용 청구 없이 수행하여야 한다.',
        '제안요청서에 명시되지 않은 사항이라도 사업 수행에 필요한 경미한 사항은 계약에 포함된 것으로 본다.',
    ],
)

_LEX = "sw01"
_BOUND = regex.compile(
    r"[□■○●◦❍◎▪•※☐▶►◆◇|¡]|ㅇ(?=[가-힣])|(?<=[다함음임됨요])\.|(?<![\d제.])\d{1,2}\.(?=[가-힣])|(?<=[다함음임됨])-"
)
_MAX_CLAUSE = 220
# a document noun right before "명시되지 않은": the unstated item is missing from THIS document
_DOC_NOUN = regex.compile(
    r"제안요청서|요청서|과업지시서|과업내용서|지시서|계약서|시방서|설계서|설계문서|규격서|요구사항|과업범위|사업범위|"
    r"본서|문서|명시적|계약문서|제안요청|과업내용|사업내용|기술규격|계약서류"
)
# the contractor (not the agency) pays
_CONTRACTOR_COST = regex.compile(
    r"(?:계약자|계약상대자|사업자|수행자|수행사|제안사|제안자|수급인|입찰자|공급자|[‘'\"]?을[’'\"]?)(?:의)?(?:부담|자체부담)|"
    r"계약금액에포함|사업금액에포함|지급하지(?:않|아니)|무상|별도(?:의)?(?:비용|대가)(?:을|를)?청구|증액(?:하지|되지)(?:않|아니)"
)
# the contractor named as the subject of the clause ("계약상대자는 …")
_CONTRACTOR_SUBJECT = regex.compile(
    r"(?:계약상대자|계약자|사업자|수행자|수행사|제안사|제안자|수급인|공급자|[‘'\"]?을[’'\"]?)(?:은|는|이|가|측은)"
)
# a clause that routes the change through adjustment, agreement or the committee is no must-accept demand
_ADJUSTED = regex.compile(r"조정|협의|합의|과업심의|과업변경|심의")
# a change or addition in the clause (a no-cost phrase about the original scope is no scope change)
_CHANGE = regex.compile(
    r"추가|변경|누락|명시|명기|반영되지|기술되지|기재되지|필요한|필요하다고|요구|요청|이전|이관|경미|취소|변동|증가|확대|빠졌|"
    r"변화|불가피|부족"
)
_PAID_DUTY = regex.compile(r"(?:지원|수행|제공|처리|반영|유지|운영)(?:하여야|해야|할것|하도록|토록|함$)")
# an added, changed or unstated task (free work needs one of these, not merely "필요한")
_CHANGE_STRONG = regex.compile(r"추가|변경|요구|요청|명시되지|명기되지|기술되지|누락|확대|증가|이전|이관|변동")
# extras the bidder itself chooses to propose are priced in its bid, not imposed changes
_OWN_PROPOSAL = regex.compile(r"제안할수있|추가제안|제안하는경우|제안시")
_NON_SW_ONLY = {"HW인프라"}
# a chapter or part that describes the present state or the history ("Ⅱ. 현황", "추진 경과")
_STATE_TITLE = regex.compile(r"현황|경과|경위|추진실적|추진이력|그간의|그동안의|문제점")
# an earlier practice told in the past ("과거 사업에서는 … 사례가 있었으나 … 개선함")
_PAST_WORD = regex.compile(r"과거|이전|종전|기존|그간|그동안|지난|전년도|예전")
_PAST_CONCESSIVE = regex.compile(r"(?:있었|하였|했|였|었|았|되었|됐)(?:으나|지만|는데|던)")
_REFORMED = regex.compile(r"개선|보완|해소|시정|바로잡|폐지|삭제|개정|없도록|않도록|금지")
_PAST_CASE = regex.compile(r"사례|관행|문제|있었|하였음|였음|었음|했음")


# a line that ends in a finished sentence with no full stop ("… 수용함", "… 사업임", "… 한다"); 포함/책임
# at a line end are nouns a wrapped line often stops on, not endings
_TERSE_END = regex.compile(r"(?:(?<![포])[가-힣]함|(?<![책])[가-힣]임|[가-힣](?:음|됨)|(?:한|된|있|없|이|니|았|었|였)다)[)）]?\s*$")


def _short_line_end(doc, nl: int) -> bool:
    """Whether the line break at ``nl`` ends a paragraph by its length: inside a block whose lines are
    reflowed paragraphs (a table cell), a line much shorter than the block's other lines is a finished
    list item ("- 원격지 개발을 할 경우 … 제안업체가 구비"), not a sentence wrapped onto the next line."""
    b = doc.block_at(nl)
    if b is None or not (b.start <= nl < b.end):
        return False
    text = doc.text
    line = text[text.rfind("\n", b.start, nl) + 1:nl].strip()
    others = sorted(len(x.strip()) for x in b.text.split("\n") if x.strip() and x.strip() != line)
    if len(others) < 2:
        return False
    median = others[len(others) // 2]
    return median >= 40 and len(line) < 0.6 * median


def _clause(doc, s: int, e: int, maxlen: int = _MAX_CLAUSE) -> tuple[int, int]:
    """The whitespace-free clause around [s, e); a short key/value table row reads as one clause.

    A line ending in a terse finished sentence ("… 변동 없이 수용함") ends the clause even without a full
    stop, so the next heading or item is not read into it."""
    a, b = compact_clause(doc, s, e, _BOUND, maxlen)
    text = doc.text
    if e < b:
        ts, te = doc.span_from_compact(e - 1, b)
        nl = text.find("\n", ts, te)
        while nl != -1:
            if _TERSE_END.search(text, max(0, nl - 8), nl):
                b = max(e, doc.compact_index(nl))
                break
            nl = text.find("\n", nl + 1, te)
    if a < s:
        ts, te = doc.span_from_compact(a, s + 1)
        nl = text.rfind("\n", ts, te)
        while nl != -1:
            if _TERSE_END.search(text, max(0, nl - 8), nl) or _short_line_end(doc, nl):
                a = min(s, doc.compact_index(nl))
                break
            nl = text.rfind("\n", ts, nl)
    return a, b


def _josa(word: str, with_final: str, without_final: str) -> str:
    """The particle that fits the last syllable of ``word`` (받침 있으면 ``with_final``); a trailing
    parenthetical is skipped, as the particle agrees with the word before it ("개최(예정)가")."""
    w = regex.sub(r"\s*[\(（][^()（）]*[\)）]\s*$", "", word) or word
    ch = w[-1:] if w else ""
    if "가" <= ch <= "힣" and (ord(ch) - 0xAC00) % 28:
        return with_final
    return without_final


def _applicability(ctx: CheckContext) -> tuple[bool, str]:
    ks = kinds(ctx.doc)
    how = "입력값" if ctx.facts.get_fact("project_kinds").source == "given" else "추정"
    if ks and set(ks) <= _NON_SW_ONLY:
        return False, f"사업유형 {'·'.join(ks)}({how}) — 순수 HW·네트워크 사업은 과업심의위원회 대상이 아님"
    what = f"사업유형 {'·'.join(ks)}({how})" if ks else "공공 SW사업"
    return True, f"{what} — 과업심의위원회는 모든 SW사업에 적용"


def _past_case(doc, s: int, e: int) -> bool:
    """The span tells of an earlier project or a past practice, not a clause of this RFP: a previous
    project named in a 현황 / 경과 part, a past case told in such a part ("… 사례가 있었음"), or a past
    practice said to be reformed ("종전에는 … 하였으나 금번 사업은 이를 개선함")."""
    if previous_project_mention(doc, Match(s, e, (), -1, -1)):
        return True
    a, b = doc.sentence_span(s, e)
    sent = "".join(doc.text[a:b].split())
    sec = doc.section_at(s)
    in_state = sec is not None and any(
        _STATE_TITLE.search("".join(node.title.split())) for node in sec.path()
    )
    if in_state and _PAST_CASE.search(sent) and (_PAST_WORD.search(sent) or _PAST_CONCESSIVE.search(sent)):
        return True
    c = _PAST_CONCESSIVE.search(sent)
    return bool(
        c is not None and _PAST_WORD.search(sent[:c.start()]) and _REFORMED.search(sent[c.end():])
    )


def _violations(ctx: CheckContext) -> list[tuple[int, int, str, int]]:
    doc = ctx.doc
    compact = doc.compact
    lex = load_lexicon(_LEX)
    not_scope = lex.rx("not_scope")
    soft = lex.rx("soft")
    out: list[tuple[int, int, str, int]] = []

    def usable(cs: int) -> bool:
        s = doc.compact_map[cs] if cs < len(doc.compact_map) else len(doc.text) - 1
        return section_kind(doc, s) not in ("toc", "current")

    def add(cs: int, ce: int, why: str, clause_start: int = -1) -> None:
        s, e = doc.span_from_compact(cs, ce)
        if _past_case(doc, s, e):
            return
        lo = doc.span_from_compact(clause_start, clause_start + 1)[0] if 0 <= clause_start < cs else -1
        out.append((s, e, why, lo))

    # (1) explicit no-cost / no-adjustment wording
    negated_demand = lex.rx("negated_demand")
    agency_rx = lex.rx("agency_subject")
    for m in ctx.finditer(lex.rx("no_cost")):
        a, b = _clause(doc, m.compact_start, m.compact_end)
        cl = compact[a:b]
        if not usable(m.compact_start) or not_scope.search(cl) or not _CHANGE.search(cl):
            continue
        if compact.startswith("무상", m.compact_start) and not _CHANGE_STRONG.search(cl):
            continue  # free work that is part of the scope ("필요한 교육은 무상으로 지원"), not an added task
        sub_start, sub_end = (a + x for x in subclause(cl, m.compact_start - a, m.compact_end - a))
        if m.compact_end < sub_end:
            rest = doc.text[slice(*doc.span_from_compact(m.compact_end, sub_end))]
            demand_negated = bool(negated_demand.search(compact[m.compact_end:sub_end]))
            if agency_rx.search(compact[a:m.compact_start]) and (demand_negated or clause_modality(rest) == "prohibit"):
                continue  # "발주기관은 조정 없이 그 수행을 요구하지 않는다": the agency promises not to demand it
            if demand_negated and not _CONTRACTOR_SUBJECT.search(compact[sub_start:m.compact_start]):
                continue  # "… 추가 비용 없이 수행하도록 요구하지 않는다": a promise, whoever makes it
        add(m.compact_start, m.compact_end, "비용 조정 없는 과업 추가·변경", a)

    # (2) added or changed work at the contractor's cost
    for m in ctx.finditer(lex.rx("add_cost")):
        a, b = _clause(doc, m.compact_start, m.compact_end)
        window = compact[max(a, m.compact_start - 60):m.compact_end]
        if not usable(m.compact_start) or not_scope.search(window) or _OWN_PROPOSAL.search(window):
            continue
        add(m.compact_start, m.compact_end, "추가·변경 작업 비용을 계약상대자에게 부담")

    # (3) unstated items made part of the contract
    duty_rx = lex.rx("unstated_duty")
    proposal_rx = lex.rx("proposal_only")
    fallback_rx = lex.rx("fallback")
    equip_rx = lex.rx("equipment")
    concessive_rx = lex.rx("concessive")
    for m in ctx.finditer(lex.rx("unstated")):
        cs, ce = m.compact_start, m.compact_end
        if not _DOC_NOUN.search(compact[max(0, cs - 40):cs]):
            continue
        a, b = _clause(doc, cs, ce)
        rest = compact[ce:b]
        d = duty_rx.search(rest)
        if d is None:
            # support or service verbs are a duty only at the contractor's cost ("무상으로 지원하여야")
            d = _PAID_DUTY.search(rest)
            if d is not None and not _CONTRACTOR_COST.search(rest[:d.end()]):
                d = None
        if d is None or not usable(cs):
            continue
        pre = rest[:d.start()]
        span_txt = rest[:min(len(rest), d.end() + 40)]
        paid = bool(_CONTRACTOR_COST.search(span_txt))
        if not paid and not concessive_rx.search(compact[cs:ce + 40]):
            continue  # "명시되지 않은 사항은 …에 따른다" fills a gap; it does not add work
        if not paid:
            if proposal_rx.search(pre) or fallback_rx.search(pre + rest[d.start():d.end()]):
                continue  # the bidder may propose it, or law / agreement settles it
            if soft.search(pre):
                continue  # decided by mutual agreement
            if equip_rx.search(compact[max(a, cs - 30):ce + d.end()]):
                continue  # parts needed for the equipment to work, no cost clause
        add(cs, ce + d.end(), "명시되지 않은 작업을 계약에 포함")

    # (4) any change demanded must be accepted
    for m in ctx.finditer(lex.rx("must_accept")):
        a, b = _clause(doc, m.compact_start, m.compact_end)
        cl = compact[a:b]
        if not usable(m.compact_start) or soft.search(cl) or not_scope.search(cl) or _ADJUSTED.search(cl):
            continue
        if _OWN_PROPOSAL.search(cl):
            continue
        add(m.compact_start, m.compact_end, "변경 요구의 무조건 수용")
    out.sort()
    return out


def _quote(ctx: CheckContext, s: int, e: int, lo: int = -1) -> Evidence:
    """The clause (or the short table row) an official should read for [s, e); a quote that reaches back
    over a line break past the clause's own start ``lo`` (a finished list item above it) starts there."""
    qs, qe = quote_span(ctx.doc, s, e)
    text = ctx.doc.text
    if qs < lo <= s and "\n" in text[qs:lo]:
        qs = lo
        while qs < s and text[qs].isspace():
            qs += 1
    return ctx.doc.evidence(qs, qe)


def _first(ctx: CheckContext, rx: "regex.Pattern") -> list[Evidence]:
    for m in ctx.finditer(rx):
        return [_quote(ctx, m.start, m.end)]
    return []


def _distinct(evs: list[Evidence]) -> list[Evidence]:
    """Each quoted clause once (one sentence can state both the committee and the request right)."""
    out, seen = [], set()
    for ev in evs:
        if ev.start not in seen:
            seen.add(ev.start)
            out.append(ev)
    return out


def detect(ctx: CheckContext) -> Finding:
    ok, applies = _applicability(ctx)
    if not ok:
        return ctx.not_applicable(RULE, applies)
    lex = load_lexicon(_LEX)
    held = _first(ctx, lex.rx("held"))
    not_held = [] if held else _first(ctx, lex.rx("not_held"))
    request = _first(ctx, lex.rx("request"))
    stated = []
    if held:
        stated.append("과업심의위원회 개최(예정)")
    elif not_held:
        stated.append("과업심의위원회 미개최")
    if request:
        stated.append("과업변경 심의 요청권")

    viol = _violations(ctx)
    if viol:
        evs: list[Evidence] = []
        seen: set[int] = set()
        for s, e, _, lo in viol:
            ev = _quote(ctx, s, e, lo)
            if ev.start in seen:
                continue
            seen.add(ev.start)
            evs.append(ev)
            if len(evs) >= 5:
                break
        whys = list(dict.fromkeys(w for _, _, w, _ in viol))
        msg = (f"추가·변경된 과업을 계약금액·기간 조정 없이 계약상대자가 떠안게 하는 조항이 있습니다({', '.join(whys[:3])}). "
               "과업 변경은 과업심의위원회 심의를 거쳐 계약금액·기간을 조정해야 합니다.")
        if stated:
            what = "·".join(stated)
            msg += f" ({what}{_josa(what, '은', '는')} 적혀 있으나 이 조항과 어긋납니다.)"
        else:
            msg += " 과업심의위원회 개최 여부와 과업변경 심의 요청권도 적혀 있지 않습니다."
        return ctx.finding(RULE, "violation", msg, evs, applies=applies)

    if held or request:
        what = "와 ".join(stated)
        msg = f"{what}{_josa(what, '이', '가')} 적혀 있습니다."
        if not request:
            msg += " 다만 계약상대자의 과업변경 심의 요청권(계약금액·기간 조정)에 관한 문장은 찾지 못했습니다."
        elif not_held:
            msg += " 과업심의위원회를 열지 않은 사업이므로 과업 확정 심의 여부를 확인하십시오."
        elif not held:
            msg += " 과업 확정 심의(과업심의위원회 개최 여부)는 적혀 있지 않습니다."
        return ctx.finding(RULE, "pass", msg, _distinct(held + not_held + request), applies=applies)

    if not_held:
        return ctx.finding(
            RULE, "missing",
            "과업심의위원회를 열지 않은 사업이라고만 적혀 있고, 개최 예정이나 계약상대자의 과업변경 심의 요청권(계약금액·기간 조정)은 적혀 있지 않습니다.",
            applies=applies,
            looked_for="'과업심의위원회를 개최한(계약 전까지 개최 예정) 사업임', '과업심의위원회 개최를 요청할 수 있음', '과업변경요청서를 제출'",
        )

    return ctx.finding(
        RULE, "missing",
        "과업심의위원회 개최(예정) 여부와 계약상대자의 과업변경 심의 요청권(계약금액·기간 조정)이 적혀 있지 않습니다.",
        applies=applies,
        looked_for="'과업심의위원회를 개최한(개최 예정·미개최) 사업임', '과업심의위원회 개최를 요청할 수 있음', "
                   "'과업변경요청서를 제출' (서식 제목·처리절차만 있는 경우는 제외)",
    )
