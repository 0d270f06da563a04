"""SW사업은 협상에 의한 계약 또는 경쟁적 대화에 의한 계약을 우선 적용하여야 한다. 사업 특성상 다른 방법을 쓸 때에는 그 사유가 있어야 한다."""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from rfpcheck.pipeline.model import Finding

from .common import load_lexicon, section_kind
from .context import CheckContext, Match
from .gates import (dedupe, development_scope, evaluation_scope, law_list_item, previous_project_mention,
                    sentence_compact)
from .spans import row_cells, row_span
from .registry import C, Rule

_CLOSE_PAREN = regex.compile(r"[)）]")

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


# a cited title in 「…」 (a law, a 기준, a 세부기준)
_TITLE = regex.compile(r"[「｢『][^」｣』]{0,60}[」｣』]")
_TITLE_REST = regex.compile(r"^[^「｢『」｣』]{0,60}[」｣』]")
# a value that is only a page number or leader dots: the key stands in a table of contents
_TOC_VALUE = regex.compile(r"^(?:[0-9]+|[0-9]*[·.…‥]{2,}.*)$")


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
    key_rx = lex.rx("method_key")
    for km in ctx.finditer(key_rx):
        # the value stands on the rest of the key's line, or on the next line when the key is alone
        lo = km.end
        eol = text.find("\n", lo)
        eol = len(text) if eol < 0 else eol
        if not "".join(text[lo:eol].split()).strip("|:：-·"):
            lo = eol + 1
            eol = text.find("\n", lo)
            eol = len(text) if eol < 0 else eol
            if key_rx.search("".join(text[lo:eol].split())):
                continue  # a heading ("입찰 및 낙찰방식") over a line with its own key
        seg = "".join(text[lo: min(eol, lo + 80)].split())[:45]
        if not seg or _TOC_VALUE.match(seg):
            continue  # a table-of-contents line ("계약방법 ······ 12")
        # a value word inside a cited title ("「조달청 협상에 의한 계약 제안서평가 세부기준」 적용, 적격심사")
        # names the title, not the method: a value outside the brackets comes first
        best = None
        masked = _TITLE.sub(lambda t: "＿" * len(t.group(0)), seg)
        if doc.compact[km.compact_end - 1: km.compact_end] in "「｢『":
            masked = _TITLE_REST.sub(lambda t: "＿" * len(t.group(0)), masked)  # the key took the 「
        for view in (masked, seg):
            for name, rx in values:
                vm = rx.search(view)
                if vm and (best is None or vm.start() < best[1].start()):
                    best = (name, vm)
            if best is not None:
                break
        if best is None:
            continue
        name, vm = best
        if name in ("lowest", "other") and negated.search(seg):
            continue
        if previous_project_mention(doc, km):
            continue  # "1단계 사업 계약방법: 협상에 의한 계약" in the history of an earlier phase
        # span: from the key to the end of the value in the original text
        vstart = doc.compact_index(lo) + vm.end()
        s, e = doc.span_from_compact(km.compact_start, vstart)
        getattr(out, name).append(Match(s, e, (), km.compact_start, vstart))
    _method_cells(ctx, out)
    for key, attr in (("negotiation_sentence", "negotiation"), ("dialogue_sentence", "dialogue"),
                      ("lowest_sentence", "lowest")):
        for m in ctx.finditer(lex.rx(key)):
            if not law_list_item(doc, m) and not _names_a_law(ctx, m) and not previous_project_mention(doc, m):
                getattr(out, attr).append(m)
    if not (out.negotiation or out.dialogue or out.lowest or out.other):
        _from_fact(ctx, out)
    if out.lowest or out.other:
        out.reasons = list(ctx.finditer(lex.rx("reason")))[:3]
    return out


# an article title just before the method phrase: "시행령」 제43조(" + "협상에 의한 계약)"
_ARTICLE_OPEN = regex.compile(r"제\d+조(?:의\d+)?[(（]$")
_METHOD_PHRASE = regex.compile(r"협상에의한계약|경쟁적대화|적격심사|최저가")


def _names_a_law(ctx: CheckContext, m: Match) -> bool:
    """The match names a law or an article rather than stating this project's method: an article
    title ("「국가계약법 시행령」 제43조(협상에 의한 계약)") with nothing applying it after the title, or
    an item of a 관련 법령 / 추진 근거 list without a predicate of its own."""
    doc = ctx.doc
    lex = load_lexicon("sw10")
    compact = doc.compact
    if "|" in compact[m.compact_start:m.compact_end]:
        return True  # run across table cells ("시행령 제43조 | 협상에 의한 계약"): a row, not a sentence
    phrase = _METHOD_PHRASE.search(compact, m.compact_start, m.compact_end + 12)
    if phrase is not None and _ARTICLE_OPEN.search(compact, max(0, phrase.start() - 12), phrase.start()):
        close = _CLOSE_PAREN.search(compact, phrase.end(), phrase.end() + 8)
        after = compact[close.end(): close.end() + 40] if close else ""
        after = after.split("|")[0]
        return not lex.rx("applied").match(after) and not regex.match(r"[^。○●□■◦❍ㅇ\-]{0,25}?(?:추진|체결|결정|선정|적용|실시)(?:한다|함|하며|하여|된다|됨)", after)
    sec = doc.section_at(m.start)
    titles = "".join("".join(x.title.split()) for x in (sec.path() if sec else []))
    if lex.rx("law_section").search(titles):
        return not lex.rx("applied").search(sentence_compact(ctx, m))
    return False


def _method_cells(ctx: CheckContext, out: MethodReading) -> None:
    """Table cells whose whole value is a method ("낙찰자 결정 | 협상에 의한 계약"), in a row that is
    not a list of laws."""
    doc = ctx.doc
    lex = load_lexicon("sw10")
    cell_rx, law_rx = lex.rx("method_cell"), lex.rx("law_row")
    kinds = (("negotiation", lex.rx("value_negotiation")), ("dialogue", lex.rx("value_dialogue")),
             ("lowest", lex.rx("value_lowest")), ("other", lex.rx("value_other")))
    for b in doc.blocks:
        if b.table is None or len(b.text) > 40:
            continue
        c = "".join(b.text.split())
        if not cell_rx.match(c) or (doc.toc_ranges and doc.in_toc(b.start)):
            continue
        others = [x for x in row_cells(doc, b.start) if x.index != b.index]
        if not others or any(law_rx.search("".join(x.text.split())) for x in others):
            continue
        if section_kind(doc, b.start) in ("evaluation", "current"):
            continue
        for name, rx in kinds:
            if rx.search(c):
                span = row_span(doc, b.start) or (b.start, b.end)
                cs = doc.compact_index(span[0])
                getattr(out, name).append(Match(span[0], span[1], (), cs, doc.compact_index(max(span[0], span[1] - 1)) + 1))
                break


_FACT_VALUES = {"협상": "negotiation", "경쟁적대화": "dialogue", "적격심사": "lowest", "최저가": "lowest",
                "수의계약": "other", "2단계경쟁": "other"}


def _from_fact(ctx: CheckContext, out: MethodReading) -> None:
    """No key or sentence names the method: take the contract_method fact when the facts stage read
    it next to a method key (confidence 0.9) and quotes the document. A method guessed from the
    document's vocabulary (a reference title such as 「협상에 의한 계약체결기준」) is not taken."""
    doc = ctx.doc
    f = doc.facts.get_fact("contract_method")
    attr = _FACT_VALUES.get(f.value) if f.known else None
    if attr is None or f.source != "inferred" or f.confidence < 0.9:
        return
    for ev in f.evidence[:1]:
        if doc.toc_ranges and doc.in_toc(ev.start):
            continue
        cs, ce = doc.compact_index(ev.start), doc.compact_index(max(ev.start, ev.end - 1)) + 1
        getattr(out, attr).append(Match(ev.start, ev.end, (), cs, ce))


def detect(ctx: CheckContext) -> Finding:
    doc = ctx.doc
    ok, why, _ = evaluation_scope(doc)
    if not ok:
        return ctx.not_applicable(RULE, f"{why} → 해당없음(제안서 평가 부분이 없는 문서)")
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
    proc = [m for m in ctx.finditer(load_lexicon("sw10").rx("negotiation_procedure"))
            if not law_list_item(doc, m) and not previous_project_mention(doc, m)]
    if proc:
        ev = dedupe([ctx.evidence(m.start, m.end) for m in proc], 2)
        return ctx.finding(RULE, "pass", "계약방법 문구는 없으나 협상적격자·우선협상대상자 선정 등 협상 절차가 있어 협상에 의한 "
                           "계약으로 봅니다. 입찰공고의 계약방법과 같은지 확인하십시오.", ev, applies=applies)
    return ctx.finding(
        RULE, "missing", "이 사업의 계약방법(낙찰자 결정방법)이 문서에 없습니다.", applies=applies,
        looked_for="‘계약방법/입찰방식/낙찰자 결정방법: … 협상에 의한 계약’, ‘시행령 제43조에 따른 협상에 의한 계약’, "
                   "‘경쟁적 대화에 의한 계약’ 등 계약방법 문구 (소프트웨어 진흥법 제49조, 영 제44조)",
    )
