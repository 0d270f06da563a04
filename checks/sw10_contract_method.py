"""SW사업은 협상에 의한 계약 또는 경쟁적 대화에 의한 계약을 우선 적용하여야 한다. 사업 특성상 다른 방법을 쓸 때에는 그 사유가 있어야 한다.

This module also decides whether a document evaluates proposals at all (:func:`evaluation_scope`),
which SW11 and SW12 share: rules about proposal evaluation are 해당없음 for a 과업지시서 or 입찰공고문
that has no evaluation part.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rfpcheck.pipeline.model import Document, Finding

from .common import load_lexicon
from .context import CheckContext, Match
from .registry import C, Rule
from .sw07_shared_use import dedupe, development_scope, law_list_item

RULE = Rule(
    id='SW10',
    title='협상에 의한 계약 · 경쟁적 대화',
    requirement='계약방법이 협상에 의한 계약(국가계약법 시행령 제43조/지방계약법 시행령 제43조) 또는 경쟁적 대화에 의한 계약',
    applies_when='SW사업의 제안요청서(제안서 평가 부분이 있는 문서)',
    forbidden='SW 개발사업에 사유 없이 최저가·적격심사 낙찰 방식을 적용',
    citations=[
        C('소프트웨어 진흥법', '제49조①'),
        C('소프트웨어 진흥법 시행령', '제44조①'),
        C('국가를 당사자로 하는 계약에 관한 법률 시행령', '제43조, 제43조의3'),
        C('지방자치단체를 당사자로 하는 계약에 관한 법률 시행령', '제43조, 제44조의2'),
    ],
    suggestion='본 사업은 「국가를 당사자로 하는 계약에 관한 법률 시행령」 제43조에 따른 협상에 의한 계약으로 계약상대자를 결정한다.',
    examples_pass=['계약방법: 제한경쟁입찰(협상에 의한 계약)'],
    examples_violation=['낙찰자 결정방법: 적격심사(최저가)'],
)


# ------------------------------------------------------------------------------------------------
# Shared with SW11 and SW12
# ------------------------------------------------------------------------------------------------


def evaluation_signals(doc: Document, cap: int = 10) -> int:
    """How many proposal-evaluation expressions the document has (outside the table of contents)."""
    rx = load_lexicon("sw10").rx("evaluation")
    n = 0
    for m in rx.finditer(doc.compact):
        s, _ = doc.span_from_compact(m.start(), m.end())
        if doc.toc_ranges and doc.in_toc(s):
            continue
        n += 1
        if n >= cap:
            break
    return n


def evaluation_scope(doc: Document) -> tuple[bool, str, int]:
    """(applies, reason, signal count): a 제안요청서, or any document with a proposal-evaluation part."""
    f = doc.facts.get_fact("doc_type")
    dt = f.value if f.known else None
    n = evaluation_signals(doc)
    if n >= 2:
        return True, f"문서유형 {dt or '미상'}, 제안서 평가 관련 표현 {n}건 이상", n
    if dt == "제안요청서":
        return True, "문서유형 제안요청서(추정)" if f.source != "given" else "문서유형 제안요청서", n
    return False, f"문서유형 {dt or '미상'}이고 제안서 평가 부분(평가항목·배점·협상적격자 등)이 없음", n


@dataclass
class MethodReading:
    negotiation: list[Match] = field(default_factory=list)
    dialogue: list[Match] = field(default_factory=list)
    lowest: list[Match] = field(default_factory=list)
    other: list[Match] = field(default_factory=list)
    reasons: list[Match] = field(default_factory=list)


def read_method(ctx: CheckContext) -> MethodReading:
    """The contract method(s) the document states for this project."""
    doc = ctx.doc
    lex = load_lexicon("sw10")
    out = MethodReading()
    values = (("negotiation", lex.rx("value_negotiation")), ("dialogue", lex.rx("value_dialogue")),
              ("lowest", lex.rx("value_lowest")), ("other", lex.rx("value_other")))
    negated = lex.rx("value_negated")
    text = doc.text
    for km in ctx.finditer(lex.rx("method_key")):
        # the value stands on the rest of the key's line, or on the next line when the key is alone
        lo = km.end
        eol = text.find("\n", lo)
        eol = len(text) if eol < 0 else eol
        if not "".join(text[lo:eol].split()).strip("|:：-·"):
            lo = eol + 1
            eol = text.find("\n", lo)
            eol = len(text) if eol < 0 else eol
        seg = "".join(text[lo: min(eol, lo + 80)].split())[:45]
        if not seg or seg[:1].isdigit() or seg.startswith("···"):
            continue  # a table-of-contents line
        best = None
        for name, rx in values:
            vm = rx.search(seg)
            if vm and (best is None or vm.start() < best[1].start()):
                best = (name, vm)
        if best is None:
            continue
        name, vm = best
        if name in ("lowest", "other") and negated.search(seg):
            continue
        # span: from the key to the end of the value in the original text
        vstart = doc.compact_index(lo) + vm.end()
        s, e = doc.span_from_compact(km.compact_start, vstart)
        getattr(out, name).append(Match(s, e, (), km.compact_start, vstart))
    for key, attr in (("negotiation_sentence", "negotiation"), ("dialogue_sentence", "dialogue"),
                      ("lowest_sentence", "lowest")):
        for m in ctx.finditer(lex.rx(key)):
            if not law_list_item(doc, m):
                getattr(out, attr).append(m)
    if out.lowest or out.other:
        out.reasons = list(ctx.finditer(lex.rx("reason")))[:3]
    return out


# ------------------------------------------------------------------------------------------------
# SW10
# ------------------------------------------------------------------------------------------------


def detect(ctx: CheckContext) -> Finding:
    doc = ctx.doc
    ok, why, _ = evaluation_scope(doc)
    if not ok:
        return ctx.not_applicable(RULE, f"{why} → 해당없음(계약방법은 제안요청서·입찰공고에서 판단)")
    applies = f"{why} → 적용"
    r = read_method(ctx)
    good = r.negotiation + r.dialogue
    bad = r.lowest + r.other
    if good and not bad:
        kind = "경쟁적 대화에 의한 계약" if r.dialogue and not r.negotiation else "협상에 의한 계약"
        ev = dedupe([ctx.evidence(m.start, m.end) for m in good], 2)
        return ctx.finding(RULE, "pass", f"계약방법이 {kind}으로 명시되어 있습니다.", ev, applies=applies)
    if bad:
        ev = dedupe([ctx.evidence(m.start, m.end) for m in sorted(bad, key=lambda m: m.start)], 3)
        if good:
            ev += dedupe([ctx.evidence(m.start, m.end) for m in good], 1)
            return ctx.finding(RULE, "review", "협상에 의한 계약과 다른 계약방법(최저가·적격심사·수의계약 등)이 함께 적혀 있습니다. "
                               "이 사업의 실제 낙찰자 결정방법을 확인하십시오.", ev, applies=applies)
        dev, dwhy = development_scope(doc)
        if r.lowest and dev and not r.reasons:
            return ctx.finding(RULE, "violation", "SW 개발사업인데 협상에 의한 계약이 아닌 최저가·적격심사 방식으로 낙찰자를 "
                               "정하며 그 사유가 없습니다.", ev, applies=f"{applies}; {dwhy}")
        what = "최저가·적격심사" if r.lowest else "수의계약·2단계 경쟁"
        return ctx.finding(RULE, "review", f"계약방법이 {what} 방식입니다. SW사업은 협상에 의한 계약을 우선 적용해야 하므로 "
                           "다른 방법을 쓴 사유가 타당한지 확인하십시오.", ev, applies=applies)
    proc = [m for m in ctx.finditer(load_lexicon("sw10").rx("negotiation_procedure")) if not law_list_item(doc, m)]
    if proc:
        ev = dedupe([ctx.evidence(m.start, m.end) for m in proc], 2)
        return ctx.finding(RULE, "pass", "계약방법 문구는 없으나 협상적격자·우선협상대상자 선정 등 협상 절차가 있어 협상에 의한 "
                           "계약으로 봅니다. 입찰공고의 계약방법과 같은지 확인하십시오.", ev, applies=applies)
    return ctx.finding(
        RULE, "missing", "이 사업의 계약방법(낙찰자 결정방법)이 문서에 없습니다.", applies=applies,
        looked_for="‘계약방법/입찰방식/낙찰자 결정방법: … 협상에 의한 계약’, ‘시행령 제43조에 따른 협상에 의한 계약’, "
                   "‘경쟁적 대화에 의한 계약’ 등 계약방법 문구 (소프트웨어 진흥법 제49조, 영 제44조)",
    )
