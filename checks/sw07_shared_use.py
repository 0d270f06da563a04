"""발주기관이 개발된 SW를 다른 기관과 공동활용하려면 그 기관의 범위를 입찰공고에 미리 밝혀야 한다. 공동활용 계획이 없다는 명시도 적합하다.

A statement that there is no sharing, or a sharing plan that names the agencies (range), passes; a
sharing plan (also with the agencies as subject: "도내 시·군이 공동활용하며") or an aim to make the SW shareable
with other agencies ("공동 활용이 가능하도록 … 개발하여야", the developed SW named or implied) without a range,
and a plan left open ("미정", "추후 결정"), are 검토필요; spreading the SW to other agencies (확산·보급, "타 기관에
배포") reads as sharing; a "no sharing" statement next to a sharing plan or an
open decision elsewhere is 검토필요; silence in an SW development project is 누락."""
from __future__ import annotations

import regex

from rfpcheck.pipeline.model import Finding

from .common import load_lexicon, section_kind
from .context import CheckContext, Match
from .gates import dedupe, development_scope, local_matches, sentence_compact, window
from .registry import C, Rule

RULE = Rule(
    id='SW07',
    title='개발SW 공동활용 사전명시',
    requirement='개발 SW를 다른 기관과 공동활용할지 여부와, 활용한다면 그 기관의 범위',
    applies_when='SW 개발(재개발·고도화 포함) 사업',
    forbidden='',
    citations=[
        C('(계약예규) 용역계약일반조건', '제56조④', '공동활용 기관의 범위를 입찰공고에 명시'),
    ],
    suggestion='본 사업으로 개발되는 소프트웨어는 발주기관 외에 ○○ 소속기관 및 산하기관(붙임 목록)이 공동활용할 예정이다. (공동활용 계획이 없는 경우: 본 사업으로 개발되는 소프트웨어는 다른 기관과 공동활용할 계획이 없다.)',
    examples_pass=['본 사업의 결과물은 타 기관과 공동활용할 계획이 없음', '개발되는 SW는 도내 시·군과 공동활용할 예정이며, 공동활용 범위는 도내 14개 시·군으로 함'],
    examples_violation=[],
)


def _statements(ctx: CheckContext) -> list[Match]:
    """Sentences that say whether (and with whom) the developed SW is shared, and sentences that aim
    to make it shareable with other agencies ("공동 활용이 가능하도록 표준화하여 개발")."""
    lex = load_lexicon("sw07")
    left = regex.compile(r"(?:" + "|".join(lex.patterns("not_sharing_left")) + r")[^|]{0,12}$")
    subject, others = lex.rx("intent_subject"), lex.rx("intent_others")
    build, share_others = lex.rx("intent_build"), lex.rx("share_others")
    subject_form = lex.rx("subject_form")
    out = []
    for m in local_matches(ctx, lex.rx("statement")):
        b, _ = window(ctx.doc, m, 24, 0)
        if left.search(b):
            continue
        out.append(m)
    for m in local_matches(ctx, subject_form):
        if any(x.start <= m.start < x.end or m.start <= x.start < m.end for x in out):
            continue
        if not share_others.search(sentence_compact(ctx, m)):
            continue  # "각 부서가 공동활용하는": sharing inside the issuing agency
        if section_kind(ctx.doc, m.start) in ("current", "evaluation", "proposal_guide"):
            continue
        out.append(m)
    for m in local_matches(ctx, lex.rx("intent")):
        b, _ = window(ctx.doc, m, 24, 0)
        if left.search(b) or any(x.start <= m.start < x.end for x in out):
            continue
        if section_kind(ctx.doc, m.start) in ("current", "evaluation", "proposal_guide"):
            continue
        sent = sentence_compact(ctx, m)
        after = ctx.doc.compact[m.compact_end:m.compact_end + 60]
        implicit = bool(build.search(after)) and bool(build.search(sent))
        if (subject.search(sent) or implicit) and others.search(sent):
            out.append(Match(m.start, m.end, ("intent",), m.compact_start, m.compact_end))
    return out


def _ranged(ctx: CheckContext, m: Match, range_rx: "regex.Pattern") -> bool:
    """The sentence names the agencies that share the SW. An aim to make the SW shareable "among
    public agencies" (공공기관 간) names no range."""
    sent = sentence_compact(ctx, m)
    if m.groups == ("intent",):
        sent = _GENERIC_AGENCIES.sub("", sent)
    return bool(range_rx.search(sent))


_GENERIC_AGENCIES = regex.compile(r"(?:타|다른|여러|유관|관계)(?:지자체|지방자치단체|기관|부처|공공기관)|공공기관")


def detect(ctx: CheckContext) -> Finding:
    doc = ctx.doc
    dev, why = development_scope(doc)
    if dev is False:
        return ctx.not_applicable(RULE, f"{why} → 해당없음")
    lex = load_lexicon("sw07")
    found = _statements(ctx)
    applies = (why + " → 적용") if dev else (why + " → 적용 여부 확인 필요")
    if not found:
        if dev is None:
            return ctx.finding(RULE, "review", "사업유형을 확인하지 못했고 개발SW 공동활용 여부에 관한 문구도 없습니다. "
                               "SW 개발 사업이면 공동활용 여부와 대상 기관 범위를 밝혀야 합니다.", applies=applies)
        return ctx.finding(
            RULE, "missing",
            "개발되는 SW를 다른 기관과 공동활용할지 여부(및 공동활용 기관의 범위)가 제안요청서에 없습니다.",
            applies=applies,
            looked_for="‘타 기관과 공동활용할 계획이 없음’, ‘○○기관과 공동활용할 예정’, ‘공동활용 범위’ 등 "
                       "개발SW 공동활용 여부·범위를 밝힌 문장 (용역계약일반조건 제56조)",
        )
    neg_rx, range_rx, undecided_rx = lex.rx("negative"), lex.rx("range"), lex.rx("undecided")
    undecided = [m for m in found if undecided_rx.search(sentence_compact(ctx, m))]
    neg = [m for m in found if m not in undecided and neg_rx.search(sentence_compact(ctx, m))]
    pos = [m for m in found if m not in neg and m not in undecided]
    # "공동활용 계획: 없음" in one place and a sharing plan or an open decision in another (an evaluation
    # item or a proposal-writing guide that mentions sharing is no plan)
    other = [m for m in pos + undecided
             if section_kind(doc, m.start) not in ("toc", "current", "evaluation", "proposal_guide")]
    if neg and other:
        ev = dedupe([ctx.evidence(m.start, m.end) for m in neg[:1] + other], 3)
        what = "공동활용 계획" if any(m in pos for m in other) else "공동활용 여부를 추후 정한다는 문장"
        return ctx.finding(RULE, "review", f"개발SW를 다른 기관과 공동활용하지 않는다는 문장과 {what}이 함께 있습니다. "
                           "어느 쪽이 맞는지, 공동활용한다면 대상 기관의 범위가 정해졌는지 확인해야 합니다.", ev,
                           applies=applies)
    if neg:
        ev = dedupe([ctx.evidence(m.start, m.end) for m in neg], 2)
        return ctx.finding(RULE, "pass", "개발SW를 다른 기관과 공동활용할지 여부가 명시되어 있습니다.", ev, applies=applies)
    ranged = [m for m in pos if _ranged(ctx, m, range_rx)]
    if ranged:
        ev = dedupe([ctx.evidence(m.start, m.end) for m in ranged], 2)
        return ctx.finding(RULE, "pass", "개발SW를 공동활용할 계획과 그 대상 기관의 범위가 명시되어 있습니다.", ev,
                           applies=applies)
    if undecided and not pos:
        ev = dedupe([ctx.evidence(m.start, m.end) for m in undecided], 2)
        return ctx.finding(RULE, "review", "개발SW의 공동활용 여부가 ‘미정’·‘추후 결정’으로만 적혀 있어, 공동활용 여부와 "
                           "대상 기관의 범위가 입찰공고 단계에서 정해졌는지 확인해야 합니다.", ev, applies=applies)
    ev = dedupe([ctx.evidence(m.start, m.end) for m in pos + undecided], 2)
    return ctx.finding(RULE, "review", "개발SW를 공동활용할 계획은 밝혔으나 공동활용 대상 기관의 범위가 분명하지 않습니다. "
                       "대상 기관(범위)이 특정되었는지 확인하십시오.", ev, applies=applies)
