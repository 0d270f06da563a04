"""시스템이나 자료에 접근하는 용역은 누출금지 정보의 지정, 보안서약, 산출물·자료 반출 통제, 사업 종료 시 자료 회수·삭제를 정해야 한다. 현황에 적힌 이전 사업자의 조치, 기술적용계획표 점검 항목, 제안서 작성 목차는 요구가 아니다. 요소를 '생략한다'·'제외한다'고 밝힌 문장은 그 요소를 없앤 것이므로 누락이다. 설치·현장 작업 없이 라이선스·제품만 납품하는 구매는 해당없음."""
from __future__ import annotations

import regex

from rfpcheck.pipeline.model import Finding

from . import _must_state as ms
from .common import josa, kinds, load_lexicon
from .context import CheckContext
from .registry import C, Rule

RULE = Rule(
    id='SEC03',
    title='용역업체 보안관리',
    requirement='누출금지 정보 명시, 참여인력 보안서약, 자료 반출 통제, 종료 시 자료 회수·삭제',
    applies_when='시스템·자료에 접근하는 모든 용역',
    forbidden='',
    citations=[
        C('국가 정보보안 기본지침', '용역업체 보안관리 조항'),
        C('소프트웨어사업 계약 및 관리감독에 관한 지침', '제32조', '누출금지 정보의 제안요청서 명시'),
    ],
    suggestion='계약상대자는 사업 착수 시 참여인력 전원의 보안서약서를 제출하고, 붙임의 누출금지 정보를 외부에 반출할 수 없다. 자료 반출은 발주기관의 사전 승인을 받아야 하며, 사업 종료 시 제공받은 자료와 산출물 사본을 모두 반납·삭제하고 그 확인서를 제출한다.',
    examples_pass=['사업 참여자 전원은 보안서약서를 제출하여야 한다.'],
    examples_violation=[],
)


# -- detector ------------------------------------------------------------------------------------

_ELEMENT_KO = {
    "pledge": "보안서약",
    "leak": "누출금지 정보 지정",
    "export": "자료 반출 통제",
    "end": "사업 종료 시 자료 회수·삭제",
}


# services that work with the agency's data whatever they buy
_SERVICE_KINDS = {"ISP컨설팅", "연구용역", "감리PMO", "유지관리운영", "DB구축", "비SW"}
_GOODS_KINDS = {"상용SW구매", "HW인프라"}


def _supply_only(ctx: CheckContext, lex) -> "str | None":
    """The reason to set the rule aside for a delivery of licences or products with no work on the
    agency's systems: the project is no service (consulting, operation, DB building), the text speaks of
    supplying rather than building (:func:`_must_state.system_scope`'s supply signal: ‘개발·구현’ ≤ 5,
    more supply words), and no installation, site visit, integration or migration is asked for (an
    excluded one — "설치와 현장 지원은 포함하지 않는다" — does not count)."""
    doc = ctx.doc
    ks = kinds(doc)
    # a given 사업유형 is trusted as it stands, except a purchase of goods only (상용SW구매·HW인프라),
    # which still needs the text's own signs that nothing is installed on site
    given = doc.facts.get_fact("project_kinds").source == "given"
    if not ks or (given and not set(ks) <= _GOODS_KINDS) or set(ks) & _SERVICE_KINDS:
        return None
    dev, sup = ms.development_mentions(doc), ms.supply_mentions(doc)
    if dev > 5 or sup <= max(2, dev):
        return None
    if _site_work(ctx, lex):
        return None
    return (f"사업유형 {'·'.join(ks)}(추정) — 개발·구축 과업이 거의 없고(‘개발·구현’ {dev}회) 공급·구매 표현이 많으며"
            f"({sup}회) 설치·현장 작업·연동·이관 요구가 없는 제품·라이선스 납품 → 발주기관 시스템·자료에 접근하지 않아 해당없음")


def _site_work(ctx: CheckContext, lex) -> list:
    """Work on the agency's systems or premises the contract asks for, without work it excludes
    ("설치 작업 없이 …", "…설치는 포함하지 않는다") or leaves to the agency ("설치는 발주기관이 자체
    수행한다", "설치는 기관 담당자가 직접 수행", "발주기관 담당자가 설치한다")."""
    doc = ctx.doc
    s = doc.compact
    none, agency = lex.rx("site_work_none"), lex.rx("site_work_agency")
    agency_before = lex.rx("site_work_agency_before")
    out = []
    for m in ms.find(ctx, lex.rx("site_work"), skip_kinds=("toc", "evaluation", "proposal_guide", "current"),
                     drop_negated=True, limit=10):
        if none.match(s, m.compact_end):
            continue
        if agency.search(ms.subclause_compact(doc, m)[1][:20]):
            continue
        if agency_before.search(s[max(0, m.compact_start - 20):m.compact_start]):
            continue  # "발주기관 담당자가 설치한다"
        out.append(m)
    return out


def detect(ctx: CheckContext) -> Finding:
    doc = ctx.doc
    lex = load_lexicon("sec03")
    applies = "공공 SW사업(용역) — 발주기관의 시스템·자료에 접근하는 용역 → 적용"
    s = doc.compact
    found = {}
    # not the table of contents, evaluation tables, 현황 (what a former contractor did), the
    # 기술적용계획표 rows the bidder ticks, nor outline rows of the 제안서 작성요령
    where = dict(skip_kinds=ms.PRESENCE_SKIP, skip_outline=True)
    waived = {}
    for key in ("pledge", "leak", "export"):
        hits = ms.find(ctx, lex.rx(key), limit=20, **where)
        if key == "leak":
            found[key] = hits  # the 누출 ban is itself the requirement ("…외부에 제공하지 않는다")
            continue
        # an element the RFP waives ("보안서약서 제출은 생략한다") is not stated
        found[key] = [m for m in hits if not ms.negated(doc, m)]
        waived[key] = [m for m in hits if m not in found[key]]
    excl, inside = lex.rx("end_exclude"), lex.rx("end_exclude_inside")
    end, waived["end"] = [], []
    for m in ms.find(ctx, lex.rx("end"), limit=40, **where):
        if excl.search(s, *ms.window(doc, m, 60, 20)) or inside.search(s, m.compact_start, m.compact_end):
            continue  # 산출물 반출·활용 조항(SW06)의 삭제·확약은 종료 시 회수가 아님
        if ms.negated(doc, m):
            waived["end"].append(m)
            continue
        end.append(m)
    # the clearest END sentence first: one that names the end of the project
    end.sort(key=lambda m: 0 if regex.match(r"(사업|용역|과업|계약)", s[m.compact_start:m.compact_end]) else 1)

    have = [k for k in ("pledge", "leak", "export", "end") if (end if k == "end" else found[k])]
    lack = [k for k in ("pledge", "leak", "export", "end") if k not in have]
    dropped = [k for k in lack if waived.get(k)]
    if not have:
        na = _supply_only(ctx, lex)
        if na:
            return ctx.not_applicable(RULE, na)
    looked = ("누출금지 대상정보 지정, 보안서약서, 자료·매체 반출 통제, 사업 종료 시 자료 회수·반납·삭제(확약서) "
              "(목차·현황·평가표·기술적용계획표·제안서 작성 목차 제외)")
    if dropped:
        # the RFP sets a required element aside in so many words
        names = ", ".join(_ELEMENT_KO[k] for k in dropped)
        shown = [waived[k][0] for k in dropped]
        said = " ".join(ms.quotes(ctx, shown[:1], 1)[0].quote.split())
        said = said if len(said) <= 70 else said[:69] + "…"
        msg = f"{josa(names, '을/를')} 생략·제외한다고 명시했습니다(‘{said}’)."
        if have:
            msg += " 명시된 요소: " + ", ".join(_ELEMENT_KO[k] for k in have) + "."
        others = [k for k in lack if k not in dropped]
        if others:
            msg += " 그 밖에 " + josa(", ".join(_ELEMENT_KO[k] for k in others), "이/가") + " 없습니다."
        return ctx.finding(RULE, "missing", msg, applies=applies, looked_for=looked)
    if end and (found["pledge"] or found["leak"]):
        ev = ms.quotes(ctx, end[:1] + found["pledge"][:1] + found["leak"][:1] + found["export"][:1], 4)
        msg = "용역업체 보안관리 요건(" + ", ".join(_ELEMENT_KO[k] for k in have) + ")이 명시되어 있습니다."
        if lack:
            msg += " 명시되지 않은 요소: " + ", ".join(_ELEMENT_KO[k] for k in lack) + "."
        return ctx.finding(RULE, "pass", msg, ev, applies=applies)
    if have:
        msg = ("용역업체 보안관리 요건 중 " + ", ".join(_ELEMENT_KO[k] for k in have) + "만 있고 "
               + josa(", ".join(_ELEMENT_KO[k] for k in lack), "이/가") + " 없습니다.")
    else:
        msg = "누출금지 정보, 보안서약, 자료 반출 통제, 종료 시 자료 회수·삭제 등 용역업체 보안관리 요건이 없습니다."
    return ctx.finding(RULE, "missing", msg, applies=applies, looked_for=looked)
