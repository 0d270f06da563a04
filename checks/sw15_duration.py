"""사업금액 1억원 초과 SW 개발사업은 「소프트웨어 개발사업의 적정 사업기간 산정 기준」에 따라 사업기간을 산정하고, 적정 사업기간 종합산정서(별지 제4호)를 첨부하여야 한다."""
from __future__ import annotations

import regex

from rfpcheck.pipeline.model import Finding

from .common import load_lexicon
from .context import CheckContext
from .gates import amount_scope, dedupe, law_list_item, local_matches, self_check_row, silence
from .registry import C, Rule

RULE = Rule(
    id='SW15',
    title='적정 사업기간 산정',
    requirement='적정 사업기간 산정 기준에 따라 기간을 산정했다는 명시와 종합산정서(별지 제4호) 첨부',
    applies_when='SW 개발사업이고 사업금액 1억원 초과',
    forbidden='',
    citations=[
        C('소프트웨어 진흥법', '제45조'),
        C('소프트웨어사업 계약 및 관리감독에 관한 지침', '제10조', '별지 제4호 적정 사업기간 종합산정서'),
    ],
    suggestion='본 사업은 「소프트웨어 개발사업의 적정 사업기간 산정 기준」에 따라 사업기간을 산정한 사업이며, 적정 사업기간 종합산정서를 붙임으로 첨부한다.',
    examples_pass=['본 사업은 소프트웨어 개발사업의 적정 사업기간 산정 기준에 따른 사업임(붙임: 종합산정서)',
                   '[붙임 3] 소프트웨어 개발사업의 적정 사업기간 종합산정서'],
    examples_violation=[],
)

THRESHOLD = 100_000_000


def _shorter_than_computed(ctx: CheckContext, lex):
    """(computed months, project months, match) when the 산정서 computes a longer period than the RFP sets."""
    months = ctx.facts.value("duration_months")
    if not months:
        return None
    for m in ctx.finditer(lex.rx("computed_months")):
        n = next((int(g) for g in m.groups if g), None)
        if n and months + 0.5 < n:
            return n, float(months), m
    return None


def detect(ctx: CheckContext) -> Finding:
    doc = ctx.doc
    sc = amount_scope(ctx, RULE, THRESHOLD, strict=True)
    if sc.finding:
        return sc.finding
    applies = sc.applies
    lex = load_lexicon("sw15")
    found = [m for m in local_matches(ctx, lex.rx("statement"))
             if not law_list_item(doc, m) and not self_check_row(doc, m)]
    neg = [m for m in ctx.finditer(lex.rx("not_applied")) if not self_check_row(doc, m)]
    found = [m for m in found if not any(n.start <= m.start < n.end + 20 for n in neg)]
    if found:
        ev = dedupe([ctx.evidence(m.start, m.end) for m in found], 2)
        short = _shorter_than_computed(ctx, lex)
        if short:
            n, months, m = short
            ev.append(ctx.evidence(m.start, m.end))
            return ctx.finding(RULE, "review", f"산정서의 적정 사업기간은 {n}개월인데 사업기간은 {months:g}개월로 더 짧습니다. "
                               "단축 사유와 과업심의 결과를 확인하십시오.", ev, applies=applies)
        # the corpus practice accepts either element alone (지침 제10조 asks for both): say which one is missing
        unattached = [m for m in local_matches(ctx, lex.rx("not_attached"))
                      if not law_list_item(doc, m) and not self_check_row(doc, m)]
        # a 산정서 named only to say it is not attached ("종합산정서 미첨부") is no attachment
        forms = [m for m in found if regex.search(r"산정서|산정표", doc.compact[m.compact_start:m.compact_end])
                 and not any(m.compact_start <= u.compact_start <= m.compact_end + 10 for u in unattached)]
        stated = [m for m in found if m not in forms
                  and not regex.search(r"산정서|산정표", doc.compact[m.compact_start:m.compact_end])]
        if unattached and not forms:
            ev = dedupe([ctx.evidence(m.start, m.end) for m in (stated or found)[:1] + unattached[:1]], 2)
            return ctx.finding(RULE, "review", "적정 사업기간 산정 기준에 따라 사업기간을 산정했다고 하나, 문서가 적정 사업기간 "
                               "종합산정서(별지 제4호)를 첨부하지 않았다고 밝힙니다. 산정서를 붙임으로 첨부해야 하니 확인하십시오.",
                               ev, applies=applies)
        if forms and stated:
            msg = "적정 사업기간 산정 기준에 따라 사업기간을 산정했다는 명시와 종합산정서 첨부가 모두 있습니다."
        elif stated:
            msg = ("적정 사업기간 산정 기준에 따라 사업기간을 산정했다고 명시되어 있습니다. 적정 사업기간 종합산정서(별지 제4호) "
                   "첨부는 문서에서 확인하지 못했으니 붙임 여부를 확인하십시오.")
        else:
            msg = ("적정 사업기간 종합산정서(산정서)가 첨부되어 있습니다. 산정 기준에 따라 사업기간을 정했다는 문구는 따로 "
                   "확인하지 못했습니다.")
        picks = sorted(forms[:1] + stated[:1], key=lambda m: m.start) if forms and stated else found
        ev = dedupe([ctx.evidence(m.start, m.end) for m in picks], 2)
        return ctx.finding(RULE, "pass", msg, ev, applies=applies)
    if neg:
        ev = dedupe([ctx.evidence(m.start, m.end) for m in neg], 2)
        return ctx.finding(RULE, "review", "문서가 적정 사업기간 산정 기준을 적용하지 않는다고 밝힙니다. SW 개발사업(1억원 초과)이면 "
                           "적용 대상이므로 그 사유가 타당한지 확인하십시오.", ev, applies=applies)
    weak = [m for m in local_matches(ctx, lex.rx("committee_computed"))
            if not law_list_item(doc, m) and not self_check_row(doc, m)]
    if weak:
        ev = dedupe([ctx.evidence(m.start, m.end) for m in weak], 2)
        return ctx.finding(RULE, "review", "사업기간을 과업심의위원회에서 산정했다고 하나, 「소프트웨어 개발사업의 적정 사업기간 산정 "
                           "기준」에 따른 산정인지와 적정 사업기간 종합산정서 첨부가 밝혀져 있지 않습니다. 확인하십시오.", ev,
                           applies=applies)
    return silence(
        ctx, RULE, sc,
        "사업기간을 적정 사업기간 산정 기준에 따라 산정했다는 내용과 적정 사업기간 종합산정서가 없습니다.",
        looked_for="‘소프트웨어 개발사업의 적정 사업기간 산정 기준에 따른 사업’ 문구, ‘적정 사업기간 종합산정서’"
                   "(별지 제4호)·위원별 산정서 첨부 (소프트웨어 진흥법 제45조, 지침 제10조)",
        unsure="적정 사업기간 산정 문구도 없으므로 1억원 초과 SW 개발사업인지 확인하십시오.",
    )
