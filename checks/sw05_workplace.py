"""유지관리가 아닌 SW사업은 입찰자가 작업장소를 제안할 수 있어야 하고, 발주기관은 작업장소의 보안 요구사항을 제안요청서에 적어야 한다. 작업장소는 상호 협의로 정하며, 작업장소 비용이 예산에 반영되었는지 밝힌다.

How the detector decides: a statement that the 작업장소 is settled by 협의 (결정/확정/제공/"협의에 따른다")
or proposed by the contractor, work at the contractor's own office, security requirements for a
remote site (보안 대책, 망분리, VPN), or whether the site costs are budgeted is 적합 evidence.

Unilateral demands: staff made to sit or work at the agency (현장·청사·시청·전산실 …, "발주기관이 제공하는
작업공간에서 근무", "발주기관 사무실로 출근", "발주기관 내 상주 인력을 배치"), work done in a room the agency
provides or prepares, or the work itself placed in an agency room with an ordinary verb
("개발 업무는 발주기관 전산실에서 수행하는 것을 원칙으로 한다"; installation or tests there are not) ("개발 업무는 발주기관이 준비한 작업실에서 진행한다", "주관기관이 제공하는 개발공간에서
과업을 수행하여야"; a conditional "… 수행할 경우" or training and demos held there are not demands), 상주 as the rule
with no place named, a place fixed by the agency ("개발 장소는
발주기관이 지정하는 장소로 한다", "발주기관 내에서 수행"), a ban on remote development ("원격지 개발 불가",
"외부 개발 불허"), and key/value rows ("근무형태 | 발주처 상주"). A 협의 word in the same clause makes a
demand negotiable, unless the demand is the proviso of the agreed place ("협의하여 정하되, 발주기관 내 상주를
원칙으로 한다": the demand stands, and that sentence is not also the 협의 evidence that softens it); 상주 at the
agreed site or the contractor's office is not a demand. Such a demand is 위반 unless a separate genuine 협의 or
contractor-site statement stands elsewhere (then 검토필요); security rules for a remote site and cost statements
say nothing about who decides the place and do not soften it. 상주 at the agency "as the rule, 협의 only when
unavoidable" is 위반 either way. A PM-only 상주 demand is a staffing matter (SW16), "원격작업 금지" alone
is usually a ban on remote access, and for a pure 운영·유지관리 project (outside 법 제49조③) a place
fixed by the agency is not a violation.
"""
from __future__ import annotations

import regex

from rfpcheck.pipeline.model import Document, Evidence

from .common import fact_how, kinds, load_lexicon, project_name_scope, section_kind
from .context import CheckContext
from .registry import C, Rule
from .spans import clause_span, narrow_match, row_clause, subclause, tight_span

RULE = Rule(
    id='SW05',
    title='작업장소(원격개발) 협의',
    requirement='작업장소를 발주기관과 계약상대자가 상호 협의하여 정한다는 내용, 작업장소 비용 반영 여부, 원격지 개발 시 보안 요구사항',
    applies_when='개발·운영 업무가 있는 모든 SW사업',
    forbidden='협의 없이 발주기관 내 상주·작업을 일방적으로 강제하거나 원격지 개발을 금지하는 것(상주를 원칙으로 하고 협의는 불가피한 경우의 예외로만 두는 것 포함)',
    citations=[
        C('소프트웨어 진흥법', '제49조③'),
        C('소프트웨어사업 계약 및 관리감독에 관한 지침', '제14조'),
        C('(계약예규) 용역계약일반조건', '제52조', '작업장소 상호 협의'),
    ],
    suggestion='작업장소는 「소프트웨어사업 계약 및 관리감독에 관한 지침」 제14조에 따라 발주기관과 계약상대자가 상호 협의하여 정한다. 계약상대자가 제안하는 원격지 작업장소는 붙임 보안 요구사항(출입통제, 망분리, 자료 반출입 통제)을 충족하여야 하며, 본 사업 예산에는 작업장소 비용이 반영되어 있지 않으므로 발주기관 내 공간을 제공할 수 있다.',
    examples_pass=['작업장소는 발주기관과 계약상대자가 상호 협의하여 결정한다.', '원격지 개발 시 작업장소의 출입통제, 망분리 등 보안 요구사항을 준수하여야 한다.'],
    examples_violation=['계약상대자의 모든 인력은 사업기간 동안 발주기관 전산실에 상주하여야 한다.', '투입인력은 발주기관에 상주하는 것을 원칙으로 하되, 불가피한 경우에 한하여 협의하여 근무장소를 변경할 수 있다.'],
)

_LEX = load_lexicon("sw05")
_RX = {key: _LEX.rx(key) for key in _LEX.data["patterns"]}
_PASS_KEYS = ("agreed", "contractor_site", "remote_security", "cost")
_LABEL = {"agreed": "작업장소 상호 협의", "contractor_site": "계약상대자 사무실 작업", "remote_security": "원격지 작업장소 보안 요구사항",
          "cost": "작업장소 비용 반영 여부"}
# demands that fix the place unilaterally; a 협의 word in the same clause makes them negotiable
_UNILATERAL = ("onsite_agency", "onsite_bare", "place_fixed")
_AGREEMENT_WORD = ("협의", "합의")
# 협의 offered only as an exception ("부득이한 경우에 한하여 협의를 통해 조정"): the demand before it stands
_EXCEPTION_ONLY = regex.compile(
    r"(?:부득이|불가피|특별한사유|특별한경우|예외적|긴급)[^。]{0,16}?(?:경우|때|사유|으로)(?:에|가있는경우에)?(?:한하여|한해|만|에만)?"
    r"[^。]{0,8}?(?:협의|합의)")


def _compact(text: str) -> str:
    return "".join(text.split())


def _find(ctx: CheckContext, key: str, limit: int = 2) -> list[Evidence]:
    doc = ctx.doc
    out: list[Evidence] = []
    for m in ctx.finditer(_RX[key]):
        if section_kind(doc, m.start) in ("toc", "current"):
            continue
        ms, me = narrow_match(doc, m.start, m.end, _RX[key])
        s, e = tight_span(doc, *clause_span(doc, ms, me), _RX[key])
        c = _compact(doc.text[s:e])
        if key in _UNILATERAL + ("onsite_exception", "remote_banned") and _RX["pm_only"].search(c):
            continue
        if key in _UNILATERAL and _agreement_vetoes(c, _RX[key]):
            continue
        if key == "agreed" and _exception_only(c):
            continue  # "… 사무실로 하며, 부득이한 경우에 한하여 협의를 통해 조정"
        if key == "place_fixed" and not _RX["work_subject"].search(c):
            continue
        if key in ("onsite_exception", "onsite_bare") and _RX["other_place"].search(c):
            continue  # 상주 at the agreed site or the contractor's own office
        if all(x.start != s for x in out):
            out.append(doc.evidence(s, e))
        if len(out) >= 6:
            break
    # sentences before headings ("작업장소 상호협의", "원격개발 장소 제시·검토 절차")
    out.sort(key=lambda x: (_heading_like(x.quote), x.start))
    return out[:limit]


def _agreement_vetoes(c: str, rx) -> bool:
    """Whether a 협의 word makes the demand ``rx`` finds in clause ``c`` negotiable. It does when it stands
    in the demand's own sub-clause or after it ("… 사무실로 지정하며, 변경이 필요한 경우 협의하여 결정"); a
    demand that is the proviso of an agreed place ("협의하여 정하되, 발주기관 내 상주를 원칙으로 한다")
    still stands."""
    if not any(w in c for w in _AGREEMENT_WORD):
        return False
    if _exception_only(c):
        return False
    m = rx.search(c)
    if m is None:
        return True
    sa, _ = subclause(c, m.start(), m.end())
    if any(w in c[sa:] for w in _AGREEMENT_WORD):
        return True
    return not c[:sa].rstrip(", ").endswith("되")


def _exception_only(c: str) -> bool:
    """The clause's first 협의 word is offered only as an exception to what it fixes."""
    at = [i for i in (c.find(w) for w in _AGREEMENT_WORD) if i >= 0]
    m = _EXCEPTION_ONLY.search(c) if at else None
    return m is not None and m.end() - 2 == min(at)


def _rows(ctx: CheckContext) -> tuple[list[Evidence], list[Evidence]]:
    """Key/value rows about the place or form of work ("근무형태 | 발주처 상주", "작업장소 | 상호 협의"):
    (rows that put the work at the agency, rows that leave it to agreement or to the contractor)."""
    doc = ctx.doc
    onsite: list[Evidence] = []
    agreed: list[Evidence] = []
    for b in doc.blocks:
        if b.table is None or len(b.text) > 20 or not _RX["row_key"].search(_compact(b.text)):
            continue
        if section_kind(doc, b.start) in ("toc", "current"):
            continue
        rc = row_clause(doc, b.start)
        if rc is None:
            continue
        _key, value, (rs, re_) = rc
        v = _compact(value)
        if not v or re_ - rs > 300:
            continue
        if _RX["row_agreed"].search(v):
            agreed.append(doc.evidence(rs, re_))
        elif _RX["row_agency"].search(v):
            onsite.append(doc.evidence(rs, re_))
    return onsite[:2], agreed[:2]


def _heading_like(quote: str) -> bool:
    c = _compact(quote)
    return len(c) < 25 and not c.endswith(("다", "다.", "함", "음", "임"))


def _scope(doc: Document) -> tuple[bool, str]:
    """(pure operation/maintenance project, the applicability text)."""
    name, op, dev = project_name_scope(doc)
    shown = " ".join(str(doc.facts.value("project_name") or "").split())
    ks = "·".join(kinds(doc)) or "미상"
    base = f"공공 SW사업({fact_how(doc, 'public_sw_project')}), 사업유형 {ks}({fact_how(doc, 'project_kinds')})"
    if name and op and not dev:
        return True, (f"{base}, 사업명 '{shown[:40]}'이 운영·유지관리 사업 → 작업장소 명시 여부를 보되, 유지·관리 사업은 "
                      "법 제49조③ 대상이 아니어서 발주기관이 정한 작업장소는 위반으로 보지 않음")
    return False, f"{base} → 개발·운영 업무가 있는 SW사업에 적용"


def _overlaps(ev: Evidence, others: list[Evidence]) -> bool:
    return any(ev.start < o.end and o.start < ev.end for o in others)


def detect(ctx: CheckContext):
    doc = ctx.doc
    op_only, applies = _scope(doc)
    found = {key: _find(ctx, key, limit=6) for key in _PASS_KEYS}
    row_onsite, row_agreed = _rows(ctx)
    found["agreed"] = found["agreed"] + row_agreed

    exception = [] if op_only else _find(ctx, "onsite_exception")
    if exception:
        return ctx.finding(
            RULE, "violation",
            "투입인력의 발주기관 상주를 원칙으로 정하고, 협의는 불가피한 경우의 예외로만 두었습니다. 작업장소는 상호 협의로 정해야 합니다.",
            exception, applies=applies)
    demands: list[tuple[str, list[Evidence]]] = []
    onsite = (_find(ctx, "onsite_agency") + _find(ctx, "onsite_bare") + row_onsite)[:3]
    fixed = _find(ctx, "place_fixed", limit=1)
    # an operation/maintenance project may keep its staff at the agency, so there a remote-work ban is no
    # demand; a 상주 or fixed-place demand still is, though only one that contradicts the document's own
    # 협의 statement is reported (검토필요, below)
    banned = [] if op_only else _find(ctx, "remote_banned", limit=1)
    demands = [(label, evs) for label, evs in (
        ("인력의 발주기관(현장) 상주 요구", onsite), ("발주기관 지정 작업장소", fixed), ("원격 개발 금지", banned)) if evs]
    demand_evs: list[Evidence] = []
    for _, lst in demands:
        for x in lst:
            if not _overlaps(x, demand_evs):
                demand_evs.append(x)
    # a sentence that is itself a standing demand ("협의하여 정하되, 발주기관 내 상주를 원칙으로 한다") is
    # not also the evidence that softens it
    proviso = any(_overlaps(ev, demand_evs) for ev in found["agreed"])
    unfiltered = {key: found[key][:2] for key in _PASS_KEYS}
    for key in _PASS_KEYS:
        found[key] = [ev for ev in found[key] if not _overlaps(ev, demand_evs)][:2]
    passed = [ev for key in _PASS_KEYS for ev in found[key]]
    if demands:
        labels = [label for label, _ in demands]
        # only a genuine 협의 or contractor-site statement makes a demand negotiable; security rules for
        # a remote site or a cost statement say nothing about who decides the place
        softening = found["agreed"] + found["contractor_site"]
        if softening:
            lead = "운영·유지관리 사업이지만 " if op_only else ""
            return ctx.finding(
                RULE, "review",
                f"{lead}작업장소를 협의로 정한다고 하면서 {', '.join(labels)} 조항도 두었습니다. 이것이 협의 결과인지, 일방적 강제인지 사람이 확인해야 합니다.",
                demand_evs[:3] + softening[:2], applies=applies)
        if op_only:  # a place fixed by the agency is not a violation here: judge the statements alone
            demands, found = [], unfiltered
            passed = [ev for key in _PASS_KEYS for ev in found[key]]
    if demands:
        labels = [label for label, _ in demands]
        other = [_LABEL[k] for k in ("remote_security", "cost") if found[k]]
        note = (f" {', '.join(other)}에 관한 문장은 있으나 작업장소를 협의로 정한다는 내용은 아닙니다." if other else "")
        if proviso:
            lead = (f"작업장소를 협의하여 정한다고 하면서 같은 문장의 단서(‘…하되’)로 {', '.join(labels)} 조항을 두어 "
                    "협의의 여지를 없앴습니다.")
        else:
            lead = f"작업장소에 대한 협의 없이 {', '.join(labels)} 조항을 두었습니다."
        return ctx.finding(
            RULE, "violation",
            f"{lead}{note} 작업장소는 발주기관과 계약상대자가 상호 협의하여 정해야 합니다.",
            demand_evs[:3], applies=applies)
    if passed:
        what = ", ".join(_LABEL[k] for k in _PASS_KEYS if found[k])
        return ctx.finding(RULE, "pass", f"작업장소에 관한 내용이 명시되어 있습니다({what}).", passed[:3], applies=applies)
    return ctx.finding(
        RULE, "missing",
        "작업장소를 상호 협의하여 정한다는 내용, 원격지 작업장소 보안 요구사항, 작업장소 비용 반영 여부가 없습니다.",
        applies=applies,
        looked_for="'작업장소 … 상호 협의하여 결정', '원격지 개발 … 보안 요구사항', '작업장소 … 예산에 계상' 같은 문장")
