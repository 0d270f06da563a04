"""유지관리가 아닌 SW사업은 입찰자가 작업장소를 제안할 수 있어야 하고, 발주기관은 작업장소의 보안 요구사항을 제안요청서에 적어야 한다. 작업장소는 상호 협의로 정하며, 작업장소 비용이 예산에 반영되었는지 밝힌다.

How the detector decides: a statement that the 작업장소 is settled by 협의 (or proposed by the
contractor), security requirements for a remote site, or whether the site costs are budgeted is 적합
evidence. 상주 at the agency "as the rule, 협의 only when unavoidable" is 위반; staff made to sit at the
agency (현장·청사·전산실) with no 협의 statement is 위반, and next to a 협의 statement 검토필요. A
PM-only 상주 demand is a staffing matter (SW16), and for a pure 운영·유지관리 project (outside 법
제49조③) a place fixed by the agency is not a violation.
"""
from __future__ import annotations

from rfpcheck.pipeline.model import Evidence

from .common import load_lexicon, section_kind
from .context import CheckContext
from .registry import C, Rule
from .sw16_staffing import _RX as _SW16_RX
from .spans import clause_span, narrow_match, tight_span

RULE = Rule(
    id='SW05',
    title='작업장소(원격개발) 협의',
    requirement='작업장소를 발주기관과 계약상대자가 상호 협의하여 정한다는 내용, 작업장소 비용 반영 여부, 원격지 개발 시 보안 요구사항',
    applies_when='개발·운영 업무가 있는 모든 SW사업',
    forbidden='협의 없이 발주기관 내 상주를 일방적으로 강제하는 것(상주를 원칙으로 하고 협의는 불가피한 경우의 예외로만 두는 것 포함)',
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
_PASS_KEYS = ("agreed", "remote_security", "cost")
_LABEL = {"agreed": "작업장소 상호 협의", "remote_security": "원격지 작업장소 보안 요구사항", "cost": "작업장소 비용 반영 여부"}


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
        if key.startswith("onsite") and _RX["pm_only"].search(_compact(doc.text[s:e])):
            continue
        if all(x.start != s for x in out):
            out.append(doc.evidence(s, e))
        if len(out) >= 6:
            break
    # sentences before headings ("작업장소 상호협의", "원격개발 장소 제시·검토 절차")
    out.sort(key=lambda x: (_heading_like(x.quote), x.start))
    return out[:limit]


def _heading_like(quote: str) -> bool:
    c = _compact(quote)
    return len(c) < 25 and not c.endswith(("다", "다.", "함", "음", "임"))


def _operation_only(ctx: CheckContext) -> bool:
    name = "".join(str(ctx.doc.facts.value("project_name") or "").split())
    return bool(name) and bool(_SW16_RX["name_operation"].search(name)) and not _SW16_RX["name_development"].search(name)


def detect(ctx: CheckContext):
    applies = "개발·운영 업무가 있는 모든 SW사업에 적용(공공 SW사업)"
    found = {key: _find(ctx, key) for key in _PASS_KEYS}
    passed = [ev for key in _PASS_KEYS for ev in found[key]]
    op_only = _operation_only(ctx)

    exception = _find(ctx, "onsite_exception")
    if exception and not op_only:
        return ctx.finding(
            RULE, "violation",
            "투입인력의 발주기관 상주를 원칙으로 정하고, 협의는 불가피한 경우의 예외로만 두었습니다. 작업장소는 상호 협의로 정해야 합니다.",
            exception, applies=applies)
    onsite = [] if op_only else _find(ctx, "onsite_agency")
    fixed = [] if op_only else _find(ctx, "place_fixed", limit=1)
    if onsite and passed:
        return ctx.finding(
            RULE, "review",
            "작업장소를 협의로 정한다고 하면서 인력의 발주기관(현장) 상주를 요구합니다. 상주 요구가 협의 결과인지, 일방적 강제인지 사람이 확인해야 합니다.",
            onsite + passed[:2], applies=applies)
    if (onsite or fixed) and not passed:
        return ctx.finding(
            RULE, "violation",
            "작업장소에 대한 협의 없이 발주기관 내 상주·작업을 정하고 있습니다. 작업장소는 발주기관과 계약상대자가 상호 협의하여 정해야 합니다.",
            (onsite + fixed)[:3], applies=applies)
    if passed:
        what = ", ".join(_LABEL[k] for k in _PASS_KEYS if found[k])
        return ctx.finding(RULE, "pass", f"작업장소에 관한 내용이 명시되어 있습니다({what}).", passed[:3], applies=applies)
    return ctx.finding(
        RULE, "missing",
        "작업장소를 상호 협의하여 정한다는 내용, 원격지 작업장소 보안 요구사항, 작업장소 비용 반영 여부가 없습니다.",
        applies=applies,
        looked_for="'작업장소 … 상호 협의하여 결정', '원격지 개발 … 보안 요구사항', '작업장소 … 예산에 계상' 같은 문장")
