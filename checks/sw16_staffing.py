"""개발비를 기능점수(FP) 등으로 산정한 SW 개발사업은 투입인력의 수, 인적사항(등급·경력·자격), 투입기간(M/M)을 요구하거나 관리해서는 안 된다. ISP·컨설팅, PMO, 감리, DB 구축, 관제·고정비 유지관리·운영은 적용 대상이 아니다.

How the detector decides:

1. Applicability: a given priced_by_fp decides first (no → 해당없음, the demands are not this rule's
   violation; yes → applies, except for ISP/컨설팅·감리·PMO·연구). Then the document: a declaration
   that the project is outside the ban — the whole price by 투입공수 → 해당없음; part of it (or no
   reason given) → 검토필요 when demands follow;
   ISP/컨설팅·감리·PMO·연구 → 해당없음; a stated FP price basis, or the RFP's own "투입인력 요구·관리
   금지 대상 사업" line → applies; DB 구축, 운영·유지관리 (by project name, then kinds) and plain
   commercial-SW purchases → 해당없음; an inferred priced_by_fp=yes → applies; 운영 + 개발 in one project
   without a stated price basis → demands on development staff are 검토필요; any other development
   project → applies. ``applies`` names the fact or the words that decided it.
2. Demands: candidate clauses (sentence, cut at list bullets) that speak of the contractor's staff
   and demand headcounts, 등급·경력·자격, records (이력서, 경력증명서), 투입공수·참여율, 상주, report
   their attendance, leave or trips, or control replacements and withdrawals. A short table row is read
   as one clause (an evaluation row with its item and criterion; a staffing table's row with its column
   titles, so "PM | 특급 | 1 | 10개월" under "구분 | 등급 | 인원 | 투입기간" demands a grade, a headcount
   and a period). A plain declarative ("PM은 … 자격 보유자로 한다", "… 6명으로 편성한다") carries a
   qualification or headcount demand, and a floor ("최소 6명", "3명 이상") is one by itself. 현황
   sections, agency staff (the agency designating its own people), attendance at presentations, a roster
   asked only for security or access (보안서약, 출입) and the SW사업정보 template line ("기능점수 산정
   가능 전문가를 포함") are not demands.
3. A statement that staff are not managed is 적합 evidence only when no demand follows.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import regex

from rfpcheck.pipeline.model import Document, Evidence

from .common import fact_how, josa, kinds, load_lexicon, project_name_scope, row_text, section_kind, table_header
from .context import CheckContext
from .spans import clause_span, row_cells, row_span
from .registry import C, Rule

RULE = Rule(
    id='SW16',
    title='투입인력 요구 · 관리 금지',
    requirement='(요구하지 않음) 투입인력 수·등급·투입기간을 요구·관리하지 않음',
    applies_when='개발·재개발 대가를 기능점수(FP)·SLA 등으로 산정한 SW 개발사업(대가 산정 방식이 적혀 있지 않은 개발사업 포함). ISP/컨설팅, PMO, 감리, DB 구축·자료입력, 관제·고정비 유지관리·운영은 제외',
    forbidden='인력 수·등급·경력·자격·투입기간(M/M)·상주 요구 또는 인력 교체 승인 요구(예: "PM 1명, 개발자 5명 상주", "특급기술자 이상", "투입인력 변경 시 승인", 이력서·경력증명서 제출, 투입공수·참여율 관리, 근태·휴가·출장 보고 요구)',
    citations=[
        C('소프트웨어사업 계약 및 관리감독에 관한 지침', '제11조③'),
        C('소프트웨어사업 계약 및 관리감독에 관한 지침', '제18조③'),
        C('소프트웨어 기술성 평가기준 지침', '제4조⑥', 'FP 산정 사업의 투입공수 평가 금지'),
    ],
    suggestion='본 사업은 기능점수(FP)로 개발비를 산정한 사업이므로 발주기관은 투입인력의 수, 인적사항, 투입기간을 요구하거나 관리하지 않는다. 계약상대자는 요구사항과 품질 기준을 충족하는 수행조직과 역할을 자율적으로 제안한다.',
    examples_pass=['투입인력의 수와 투입기간은 제안사가 자율적으로 제시한다.', '발주기관은 투입인력의 수, 등급, 투입기간을 요구하거나 관리하지 않는다.'],
    examples_violation=['PM 1명, 특급기술자 이상 개발자 5명을 사업기간 동안 상주시켜야 한다.', '투입인력 변경 시 발주기관의 사전 승인을 받아야 한다.', '참여인력의 이력서와 경력증명서를 제출하여야 한다.'],
)

_LEX = load_lexicon("sw16")
_RX = {key: _LEX.rx(key) for key in _LEX.data["patterns"]}

# list bullets that open a new clause inside one paragraph or cell
_MAX_QUOTES = 5
_FEW_DEV_MENTIONS = 6  # a "development" document that says 개발 fewer times buys, it does not build
_DEV_KINDS = {"SW개발", "고도화", "홈페이지앱"}
_ADVISORY_KINDS = {"ISP컨설팅", "연구용역", "감리PMO", "비SW"}
_EXEMPT_KINDS = {"ISP컨설팅", "연구용역", "감리PMO", "DB구축", "유지관리운영", "비SW"}

_LABEL = {
    "replace": "인력 교체·변경 통제",
    "onsite": "상주 요구",
    "qualify": "등급·경력·자격 요구",
    "records": "이력·경력 자료 요구",
    "effort": "투입공수·인원 배치 요구",
    "headcount": "인원수 지정",
    "pricing": "인력 기준 대가",
    "attendance": "근태·휴가·출장 보고 요구",
    "allocation": "인력 투입·배치 요구",
}
# strongest first when choosing quotes
_STRENGTH = ("replace", "onsite", "qualify", "records", "effort", "headcount", "pricing", "attendance", "allocation")


@dataclass
class _Demand:
    kind: str  # the strongest kind
    kinds: tuple[str, ...]
    start: int
    end: int
    compact: str
    concerns: str  # dev | op | general


def _compact(text: str) -> str:
    return "".join(text.split())


_STAFF_NOUN = regex.compile(
    r"인력|인원|직원|기술자|참여자|수행자|(?<![A-Za-z])(?:PM|PL)(?![A-Za-z])|책임자|관리자|조직구성|전담자|전문가|개발자|엔지니어"
)
_STRONG_EFFORT = regex.compile(r"투입공수|(?<![A-Za-z\-/])M/?M(?![A-Za-z])|참여율|맨먼스|투입계획|투입률")


# a change word that follows a joined predicate with no object of its own ("… 참여하여야 하며 중도에
# 교체할 수 없다"): its object is the clause's subject
_BARE_CHANGE = regex.compile(r"(?:하며|하고|이며|이고|되며|되고|며|고|,)(?:중도에|중간에|도중에|임의로|임의|무단으로|무단|함부로|일방적으로|사업기간중|사업종료시까지)*$")


_WITHDRAW_CONTROL = regex.compile(r"(?:시키|시킬|하|할|하는|시|을|를)?[^。]{0,12}?(?:수없|불가|금지|승인|동의|협의|통보|보고|아니된|안된|못한)")

# the change word used as the verb of the clause ("교체할 수 없다", "변경 시"), not as a modifier
# ("변경된 요구사항", "변경사항")
_CHANGE_AS_VERB = regex.compile(r"(?:할수|하지|하여서는|해서는|하려|하고자|할경우|하는경우|할때|시키|시킬|시에?|을|를|이|은|는|불가|금지|없이|수(?:없|있|는)|지(?:않|못|말|아니)|어서는|서는|는경우)")
# the staff noun as the object of the clause ("제안서에 명시한 인력을 … 다른 사람으로 바꿀 수 없다"),
# however far before the change word
_STAFF_OBJECT = regex.compile(_STAFF_NOUN.pattern.replace("(?<![A-Za-z])(?:PM|PL)(?![A-Za-z])", "(?<![A-Za-z])(?:PM|PL)")
                              .join(("(?:", ")(?:을|를)")))
# another object or a change of something else between the staff object and the change word
_OTHER_OBJECT = regex.compile(r"[을를]|과업|내용|기능|범위|일정|계약|설계|요구사항|금액|비용|장소|시스템|장비|제품|방법|계획|데이터|정보|권한|계정|업무|역할|소속")


def _staff_change(c: str) -> bool:
    """A change word (교체/변경/철수) whose object is staff: the staff noun just before it ("PM 교체",
    "투입인력을 임의로 교체"), or the clause's staff subject when the change word has no object of its
    own ("핵심인력은 … 참여하여야 하며 중도에 교체할 수 없다")."""
    for m in _RX["change_word"].finditer(c):
        if m.group() in ("철수", "이탈") and not _WITHDRAW_CONTROL.match(c, m.end()):
            continue  # "인력 철수 시 자료를 반출할 수 없다": the control is about something else
        window = c[max(0, m.start() - 16): m.start()]
        last = None
        for n in _STAFF_NOUN.finditer(window):
            last = n
        if last is None:
            head = c[: m.start()]
            subject = _STAFF_NOUN.search(head[:20])
            if subject and _BARE_CHANGE.search(head) and _CHANGE_AS_VERB.match(c, m.end()):
                return True
            obj = None
            for o in _STAFF_OBJECT.finditer(head):
                obj = o
            if (obj is not None and not _OTHER_OBJECT.search(head, obj.end())
                    and _CHANGE_AS_VERB.match(c, m.end())):
                return True
            continue
        tail = window[last.end():]
        if tail[:1] in ("와", "과") or _RX["change_other_object"].search(tail):
            continue
        return True
    return False


def _roster_for_security(c: str) -> bool:
    """The only records asked are a roster (명단·명부) for security or access ("보안관리를 위해 참여인력
    명단과 보안서약서를 제출"), with nothing of the staff's careers, qualifications or shares."""
    rx = _RX
    hits = [m.group() for m in rx["records"].finditer(c)]
    return (bool(hits) and all(rx["roster_only"].search(h) for h in hits) and bool(rx["roster_security"].search(c))
            and not rx["roster_records"].search(c))


def _classify(c: str, row: bool = False) -> list[str]:
    """The kinds of staffing demand a whitespace-free clause makes, strongest first (empty: none).
    ``row``: the clause is a short table row read as one clause, where a role next to a floor on its
    qualification ("PM | 경력 10년 이상") is a demand without a verb."""
    rx = _RX
    if rx["skip"].search(c) or rx["no_manage"].search(c):
        return []
    staff = bool(rx["staff"].search(c))
    force = bool(rx["demand_force"].search(c))
    qualify = bool(rx["qualify"].search(c))
    headcount = bool(rx["headcount"].search(c))
    if not force and (qualify or headcount):
        # an RFP's plain declarative ("… 자격 보유자로 한다", "… 6명으로 편성한다") and a floor on the
        # headcount ("최소 6명", "3명 이상") demand as much as "하여야 한다"
        force = bool(rx["declarative"].search(c)
                     or (headcount and rx["headcount_floor"].search(c) and not rx["headcount_floor_not"].search(c))
                     or (row and qualify and staff and rx["row_floor"].search(c)))
    short = len(c) <= 40  # a form title, a column header or a 목차 line
    found = []
    if staff and _staff_change(c) and rx["replace_control"].search(c) and not rx["replace_permitted"].search(c):
        found.append("replace")
    if staff and rx["onsite"].search(c) and not rx["onsite_not_staff"].search(c):
        found.append("onsite")
    if qualify and (staff or rx["records"].search(c)) and force:
        found.append("qualify")
    if rx["records"].search(c) and (staff or short) and not _roster_for_security(c):
        found.append("records")
    if _STRONG_EFFORT.search(c) and (staff or short or force):
        found.append("effort")
    if headcount and force:
        found.append("headcount")
    if rx["staff_pricing"].search(c):
        found.append("pricing")
    if staff and rx["attendance"].search(c):
        found.append("attendance")
    if not found and staff and rx["effort"].search(c) and force:
        found.append("allocation")
    return found


_STAFF_FORM = regex.compile(r"(참여|투입|수행|제안)(인력|인원|기술자|기술인력)|인력(현황|명단|구성)|이력")


def _staff_form(doc: Document, offset: int) -> bool:
    """A "현황" section that is the bidder's staff form ("참여인력 현황"), not the agency's current state."""
    sec = doc.section_at(offset)
    while sec is not None:
        if _STAFF_FORM.search(_compact(sec.title)):
            return True
        sec = sec.parent
    return False


def _in_function_sheet(doc: Document, offset: int) -> bool:
    """Inside a requirement sheet about the system's functions (SFR, PER, SIR, DAR, TER …)."""
    sec = doc.section_at(offset)
    while sec is not None:
        if _RX["function_sections"].search(_compact(sec.title) + sec.label):
            return True
        sec = sec.parent
    return False


def _concerns(c: str) -> str:
    op = bool(_RX["op_staff"].search(c))
    dev = bool(_RX["dev_staff"].search(c))
    if op and not dev:
        return "op"
    if dev and not op:
        return "dev"
    return "general"


_ROW_MAX = 300
_ROW_CELLS = 6  # a key/value, evaluation or staffing row, not a wide form
_CELL_MAX = 40  # every cell short: a label, a value, a criterion or a score
# column titles of a staffing table ("구분 | 등급 | 인원 | 투입기간"), and the demand each makes
_COLUMN_KINDS = (
    ("qualify", regex.compile(r"등급|경력|자격")),
    ("headcount", regex.compile(r"인원|인력수|명수")),
    ("effort", regex.compile(r"투입기간|참여기간|투입공수|공수|(?<![A-Za-z])M/?M(?![A-Za-z])|참여율|투입률")),
)
# the field labels of a requirement sheet: their words (요구사항, 정의) are not a demand on staff
_SHEET_LABEL = regex.compile(
    r"^[①-⑩]?(?:요구사항(?:고유번호|명칭|분류|정의|상세설명|세부내용)?|산출정보|세부내용|상세설명|정의|관련요구사항|비고|출처|수용여부)$")
_SCORED = regex.compile(r"평가|배점|심사")
_EMPTY_CELL = regex.compile(r"^(?:-|–|—|없음|해당없음|N/?A)?$")


def _row_reading(doc: Document, offset: int, headers: dict) -> Optional[tuple[int, int, str, list[str]]]:
    """A short data row of a table (a few short cells) read as one clause: (start, end, compact row, demands its columns
    make). A staffing table's row ("PM | 특급 | 1 | 10개월" under "구분 | 등급 | 인원 | 투입기간")
    demands a grade, a headcount and a period for the role it names; an evaluation row reads its item
    and its criterion together. None for header rows, long rows and text outside tables."""
    cells = row_cells(doc, offset)
    if not 2 <= len(cells) <= _ROW_CELLS or any(len(_compact(x.text)) > _CELL_MAX for x in cells):
        return None  # a requirement sheet's row of paragraphs is read clause by clause
    if _SHEET_LABEL.match(_compact(cells[0].text)):
        return None  # "요구사항 명칭 | 투입인력 자격요건": a requirement sheet's field, read on its own
    span = row_span(doc, offset)
    if span is None or span[1] - span[0] > _ROW_MAX:
        return None
    table = cells[0].table
    if table not in headers:  # one walk to the table's first row per table
        headers[table] = table_header(doc, offset) or ""
    header = headers[table]
    row = doc.text[span[0]:span[1]]
    if _compact(row) == _compact(header):
        return None
    c = _compact(row)
    found: list[str] = []
    head_cells = [_compact(x) for x in header.split(" | ")]
    if _SCORED.search(_compact(header)):
        c = c + "|" + _compact(header)  # an evaluation table: its criteria are scored demands
    if len(head_cells) == len(cells) and _RX["staff"].search(c):
        for kind, rx in _COLUMN_KINDS:
            for title, cell in zip(head_cells, cells):
                if rx.search(title) and not _EMPTY_CELL.match(_compact(cell.text)) and kind not in found:
                    found.append(kind)
    return span[0], span[1], c, found


def _find_demands(ctx: CheckContext) -> tuple[list[_Demand], list[Evidence]]:
    doc = ctx.doc
    seen: set[int] = set()
    demands: list[_Demand] = []
    no_manage: list[Evidence] = []
    headers: dict = {}
    for m in ctx.finditer(_RX["trigger"]):
        s, e = clause_span(doc, m.start, m.end)
        row = _row_reading(doc, m.start, headers)
        if row is not None:
            s, e = row[0], row[1]
        if s in seen:
            continue
        seen.add(s)
        kind_of_section = section_kind(doc, s)
        if kind_of_section == "toc" or _in_function_sheet(doc, s):
            continue
        if kind_of_section == "current" and not _staff_form(doc, s):
            continue
        c = row[2] if row is not None else _compact(doc.text[s:e])
        if _RX["no_manage"].search(c) and not _RX["exempt_declared"].search(c):
            if len(no_manage) < 2:
                no_manage.append(doc.evidence(s, e))
            continue
        kinds_found = _classify(c, row=row is not None)
        if row is not None and row[3] and not (_RX["skip"].search(c) or _RX["no_manage"].search(c)):
            kinds_found = sorted(set(kinds_found) | set(row[3]), key=_STRENGTH.index)
        if kinds_found:
            demands.append(_Demand(kinds_found[0], tuple(kinds_found), s, e, c, _concerns(c)))
    return demands, no_manage


def _first(ctx: CheckContext, key: str, reject: Optional[str] = None) -> Optional[Evidence]:
    for m in ctx.finditer(_RX[key]):
        s, e = ctx.doc.sentence_span(m.start, m.end)
        if reject and _RX[reject].search(_compact(ctx.doc.text[s:e])):
            continue
        return ctx.doc.evidence(s, e)
    return None


def _pick(demands: list[_Demand]) -> list[_Demand]:
    """Up to five quotes: one of each kind, strongest kinds first, then more of the strong ones."""
    order = sorted(demands, key=lambda d: (_STRENGTH.index(d.kind), d.start))
    chosen: list[_Demand] = []
    kinds_seen: set[str] = set()
    for d in order:
        if d.kind not in kinds_seen:
            chosen.append(d)
            kinds_seen.add(d.kind)
    for d in order:
        if len(chosen) >= _MAX_QUOTES:
            break
        if d not in chosen:
            chosen.append(d)
    return sorted(chosen[:_MAX_QUOTES], key=lambda d: d.start)


def _quote(ctx: CheckContext, d: _Demand) -> Evidence:
    """The clause as evidence; a bare table cell ("(MM)", "참여율") is quoted with its row."""
    doc = ctx.doc
    s, e = d.start, d.end
    b = doc.block_at(s)
    if b is not None and b.table is not None and len(d.compact) < 15:
        row = row_text(doc, s)
        rs = doc.text.find(row, max(0, s - len(row)))
        if rs >= 0 and len(row) <= 300:
            s, e = rs, rs + len(row)
    while e > s and doc.text[e - 1].isspace():
        e -= 1
    return doc.evidence(s, e)


def _kinds_text(demands: list[_Demand]) -> str:
    seen = {k for d in demands for k in d.kinds}
    return ", ".join(_LABEL[k] for k in _STRENGTH if k in seen)


def _banned_statement(ctx: CheckContext) -> Optional[Evidence]:
    """The RFP's own line "본 사업은 … 투입인력 요구 및 관리 금지 대상 사업임"."""
    doc = ctx.doc
    for m in ctx.finditer(_RX["no_manage"]):
        s, e = doc.sentence_span(m.start, m.end)
        c = _compact(doc.text[s:e])
        if _RX["exempt_declared"].search(c):
            continue
        if regex.search(r"금지(대상)?(사업)?(임|이다|입니다|에해당|대상임|대상사업임)|금지대상$", c):
            return doc.evidence(s, e)
    return None


def _exemption(ctx: CheckContext) -> tuple[Optional[Evidence], str]:
    """The document's declaration that the project is outside the ban, and its extent: partial (part of
    the price by 투입공수), whole (the whole price by 투입공수) or unstated. A partial declaration
    anywhere wins over a whole one."""
    doc = ctx.doc
    found: dict[str, Evidence] = {}
    for m in ctx.finditer(_RX["exempt_declared"]):
        s, e = doc.sentence_span(m.start, m.end)
        c = _compact(doc.text[s:e])
        if _RX["exempt_partial"].search(c):
            extent = "partial"
        elif _RX["exempt_whole"].search(c):
            extent = "whole"
        else:
            extent = "unstated"
        found.setdefault(extent, doc.evidence(s, e))
    for extent in ("partial", "whole", "unstated"):
        if extent in found:
            return found[extent], extent
    return None, ""


def _fp_fact(doc: Document) -> tuple[Optional[str], str]:
    """The priced_by_fp fact as (yes | no | None, how it is known: 입력값 | 추정)."""
    f = doc.facts.get_fact("priced_by_fp")
    if not f.known or f.value not in ("yes", "no"):
        return None, ""
    return f.value, fact_how(doc, "priced_by_fp")


def _scope(ctx: CheckContext) -> tuple[str, str, Optional[Evidence]]:
    """(scope, reason, evidence). scope: not_fp | exempt_declared | advisory | fp | db | operation |
    purchase | mixed | development. The reason names what decided it.

    A given priced_by_fp decides first. A price basis stated in the document comes next; an inferred
    "yes" that the document's wording does not confirm is named in the reason but does not override an
    operation or purchase reading of the project."""
    doc = ctx.doc
    name, name_op, name_dev = project_name_scope(doc)
    shown = " ".join(str(doc.facts.value("project_name") or "").split())
    shown = (shown[:40] + "…") if len(shown) > 40 else shown
    said = f"사업명 '{shown}', " if shown else ""
    ks = set(kinds(doc))
    ks_text = "·".join(sorted(ks)) or "미상"
    name_adv = bool(name and _RX["name_advisory"].search(name))
    name_db = bool(name and _RX["name_db"].search(name))
    fp_value, fp_how = _fp_fact(doc)

    if fp_how == "입력값" and fp_value == "no":
        return ("not_fp", "대가가 기능점수(FP) 방식으로 산정되지 않음(입력값) → 투입인력 요구·관리 금지 적용 대상 아님"
                "(투입공수·고정비 대가의 인력 요구는 이 규칙의 위반이 아님)", None)
    if name_adv or (ks and ks <= _ADVISORY_KINDS):
        given = ", 대가 FP 산정 입력값과 무관하게" if fp_how == "입력값" else ""
        return ("advisory",
                f"사업유형 ISP·컨설팅·감리·PMO·연구({said}사업유형 {ks_text}({fact_how(doc, 'project_kinds')}){given}) "
                "→ 투입인력 요구·관리 금지 적용 대상 아님", None)
    if fp_how == "입력값":
        return ("fp", "대가 산정 방식 기능점수(FP)(입력값) → 투입인력 요구·관리 금지 적용", None)
    exempt, extent = _exemption(ctx)
    if exempt is not None and extent == "whole":
        return ("exempt_whole",
                "문서가 사업대가 전체를 투입공수 방식으로 산정해 투입인력 요구·관리 금지 대상에서 제외된다고 밝힘 → 해당없음", exempt)
    if exempt is not None and extent == "partial":
        return ("exempt_declared",
                "문서가 일부 대가를 투입공수 방식으로 산정해 투입인력 요구·관리 금지 대상에서 제외된다고 밝힘", exempt)
    if exempt is not None:
        return ("exempt_declared",
                "문서가 투입인력 요구·관리 금지 대상에서 제외된다고 밝힘(제외 근거인 대가 산정 방식은 적혀 있지 않음)", exempt)
    fp = _first(ctx, "fp_pricing", reject="fp_not_pricing") or _banned_statement(ctx)
    if fp is not None:
        agree = ", 추정 사실 priced_by_fp=yes와 일치" if fp_value == "yes" else ""
        return ("fp", f"문서가 대가를 기능점수(FP) 방식으로 산정했거나 투입인력 요구·관리 금지 대상 사업이라고 밝힘{agree} → 적용", fp)
    unconfirmed = (", 기능점수 언급이 있으나 대가를 FP로 산정했다는 문장은 확인되지 않음" if fp_value == "yes" else "")
    if name_db and not name_dev and not name_op:
        return "db", f"사업유형 DB 구축·자료입력({said}사업유형 {ks_text}{unconfirmed}) → 적용 대상 아님", None
    if name_op and not name_dev:
        return ("operation",
                f"사업유형 운영·유지관리({said}대가는 통상 고정비·투입인력 기준{unconfirmed or ', FP 산정 명시 없음'}) → 적용 대상 아님", None)
    if fp_value == "yes":
        return ("fp", f"대가 산정 방식 기능점수(FP)(추정: {doc.facts.get_fact('priced_by_fp').note}) → 적용", None)
    if name_op and name_dev:
        return ("mixed",
                f"운영·유지관리와 개발이 함께 있는 사업({said}사업유형 {ks_text})이나 대가 산정 방식(FP/고정비)이 명시되지 않음", None)
    if not name_dev and ks and not (ks & _DEV_KINDS):
        if ks & _EXEMPT_KINDS:
            return "operation", f"사업유형 {ks_text}(추정), 개발 과업 없음 → 적용 대상 아님", None
        return "purchase", f"사업유형 {ks_text}(추정): 상용SW·장비 도입으로 FP 산정 개발사업이 아님 → 적용 대상 아님", None
    n_dev = doc.compact.count("개발")
    if "상용SW구매" in ks and n_dev < _FEW_DEV_MENTIONS:
        return ("purchase",
                f"사업유형 {ks_text}(추정)이나 문서에 개발 과업이 거의 없어('개발' {n_dev}회) 상용SW 도입 사업으로 판단 → 적용 대상 아님", None)
    fp_note = ", 대가 산정 방식 미기재" if fp_value is None else f", 대가 산정 방식 미기재(추정 사실 priced_by_fp={fp_value})"
    return ("development",
            f"SW 개발·고도화 사업({said}사업유형 {ks_text}){fp_note} → 개발비는 기능점수(FP) 산정이 원칙이므로 적용", None)


def detect(ctx: CheckContext):
    scope, reason, scope_ev = _scope(ctx)
    if scope in ("advisory", "db", "operation", "purchase", "not_fp"):
        return ctx.not_applicable(RULE, reason)
    if scope == "exempt_whole":
        return ctx.finding(RULE, "not_applicable",
                           "문서가 사업대가 전체를 투입공수 방식으로 산정했다고 밝혀 투입인력 요구·관리 금지 대상이 아닙니다.",
                           [scope_ev] if scope_ev else [], applies=reason)

    demands, no_manage = _find_demands(ctx)
    if scope == "fp":
        # where operation is priced separately (fixed cost), demands on operation staff are allowed
        relevant = [d for d in demands if d.concerns != "op"]
    else:
        relevant = demands

    if scope == "exempt_declared":
        if scope_ev is not None:  # the declaration itself ("투입공수 방식의 사업대가를 포함") is no demand
            relevant = [d for d in relevant if d.end <= scope_ev.start or d.start >= scope_ev.end]
        if relevant:
            picked = _pick(relevant)
            ev = ([scope_ev] if scope_ev else []) + [_quote(ctx, d) for d in picked][: _MAX_QUOTES - 1]
            said = ("일부 대가를 투입공수 방식으로 산정해 투입인력 관리 금지 대상이 아니라고" if "일부" in reason
                    else "투입인력 관리 금지 대상이 아니라고(대가 산정 방식은 밝히지 않음)")
            return ctx.finding(
                RULE, "review",
                f"문서는 {said} 밝혔으나 {josa(_kinds_text(picked), '이/가')} 있습니다. "
                "FP로 산정한 개발 부분에 대한 요구인지 사람이 확인해야 합니다.",
                ev, applies=reason)
        return ctx.not_applicable(RULE, reason + " → 해당없음")

    if scope == "mixed":
        dev = [d for d in relevant if d.concerns != "op"]
        if dev:
            picked = _pick(dev)
            return ctx.finding(
                RULE, "review",
                f"운영과 개발이 함께 있는 사업에서 {josa(_kinds_text(picked), '이/가')} 있습니다. 대가 산정 방식이 적혀 있지 않아, "
                "개발 부분이 FP로 산정되었는지와 요구가 개발 인력에 대한 것인지 사람이 확인해야 합니다.",
                [_quote(ctx, d) for d in picked], applies=reason)
        if no_manage:
            return ctx.finding(RULE, "pass", "투입인력을 요구·관리하지 않는다고 밝혔고 개발 인력에 대한 요구가 없습니다.", no_manage, applies=reason)
        return ctx.finding(RULE, "pass", "개발 인력의 수·등급·투입기간을 요구하거나 관리하는 문장이 없습니다(운영 인력에 대한 요구는 고정비 운영에 허용).", [], applies=reason)

    applies = reason
    if relevant:
        picked = _pick(relevant)
        lead = "투입인력을 요구·관리하지 않는다고 밝히고도 " if no_manage else ""
        return ctx.finding(
            RULE, "violation",
            f"{lead}{josa(_kinds_text(picked), '이/가')} 있습니다({len(relevant)}곳). FP로 산정하는 개발사업에서는 투입인력의 수·등급·투입기간을 요구하거나 관리할 수 없습니다.",
            [_quote(ctx, d) for d in picked], applies=applies)
    if no_manage:
        return ctx.finding(RULE, "pass", "투입인력을 요구·관리하지 않는다고 밝혔고, 인력 수·등급·투입기간·상주·교체 승인을 요구하는 문장이 없습니다.",
                           no_manage, applies=applies)
    return ctx.finding(RULE, "pass", "투입인력의 수·등급·경력·투입기간·상주를 요구하거나 교체를 통제하는 문장이 없습니다(침묵은 적합).",
                       [], applies=applies)
