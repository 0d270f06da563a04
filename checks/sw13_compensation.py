"""총사업예산 20억원 이상의 SW 개발사업은 낙찰되지 않은 우수 제안서에 대한 보상 여부와 방법을 입찰공고(제안요청서)에 밝혀야 한다."""
from __future__ import annotations

import regex

from rfpcheck.pipeline.model import Finding

from .common import load_lexicon
from .context import CheckContext
from .gates import (amount_scope, dedupe, law_list_item, local_matches, previous_project_mention, sentence_compact,
                    silence)
from .registry import C, Rule

RULE = Rule(
    id='SW13',
    title='제안서 보상',
    requirement='우수 제안서(낙찰 탈락자) 보상 여부와 보상 대상·금액·절차',
    applies_when='SW 개발사업이고 총사업예산 20억원 이상',
    forbidden='',
    citations=[
        C('소프트웨어 진흥법', '제52조'),
        C('소프트웨어사업 계약 및 관리감독에 관한 지침', '제16조, 제17조'),
        C('소프트웨어사업 계약 및 관리감독에 관한 지침', '제3조②', '보상 예산 1천분의 13'),
    ],
    suggestion='본 사업은 「소프트웨어 진흥법」 제52조 및 「소프트웨어사업 계약 및 관리감독에 관한 지침」 제16조에 따라 낙찰자로 결정되지 않은 자 중 기술능력평가 점수가 배점한도의 85% 이상이고 낙찰자와의 점수 차이가 5점 미만인 상위 2인에게 제안서 작성비용의 일부를 보상한다(총사업예산의 1천분의 8 및 1천분의 5, 합계 1억원 한도).',
    examples_pass=['제안서 보상: 낙찰자 외 우수 제안자 2인에게 보상', 'SW사업 제안서 보상: 「소프트웨어사업 계약 및 관리감독에 관한 지침」 준용'],
    examples_violation=[],
)

THRESHOLD = 2_000_000_000
# "낙찰자로 결정되지 아니한 자", "낙찰되지 않은 자", "낙찰자를 제외한 차순위자" name the bidders to compensate; their 아니/제외 is not
# a refusal
_LOSERS = regex.compile(r"(낙찰자로)?(결정|선정)되지(아니한|않은|못한)|낙찰되지(못한|않은|아니한)|낙찰자[를는]?제외한")


def detect(ctx: CheckContext) -> Finding:
    doc = ctx.doc
    sc = amount_scope(ctx, RULE, THRESHOLD)
    if sc.finding:
        return sc.finding
    applies = sc.applies
    lex = load_lexicon("sw13")
    neg_rx = lex.rx("negation")
    offered = [m for m in local_matches(ctx, lex.rx("offered"))
               if not law_list_item(doc, m) and not previous_project_mention(doc, m) and not neg_rx.search(_LOSERS.sub("", sentence_compact(ctx, m)))]
    if not offered:
        # a 제안서 보상 mention whose sentence carries the budget share ("총사업예산의 13/1000 범위에서 … 보상비")
        frac = lex.rx("fraction")
        offered = [m for m in local_matches(ctx, lex.rx("mention"))
                   if not law_list_item(doc, m) and not previous_project_mention(doc, m)
                   and frac.search(sentence_compact(ctx, m))
                   and not neg_rx.search(_LOSERS.sub("", sentence_compact(ctx, m)))]
    declined = [m for m in local_matches(ctx, lex.rx("declined"))
                if not law_list_item(doc, m) and not previous_project_mention(doc, m)]
    if offered:
        ev = dedupe([ctx.evidence(m.start, m.end) for m in offered], 2)
        return ctx.finding(RULE, "pass", "낙찰되지 않은 우수 제안서에 대한 보상과 그 방법(기준)이 명시되어 있습니다.", ev,
                           applies=applies)
    if declined:
        ev = dedupe([ctx.evidence(m.start, m.end) for m in declined], 2)
        if sc.gate is None:
            msg = (f"{sc.unsure}. 문서는 제안서 보상을 하지 않는다고(보상 대상이 아니라고) 밝히므로, 총사업예산이 20억원 미만인지 "
                   "확인하십시오.")
        else:
            msg = ("총사업예산이 20억원 이상인데 문서는 제안서 보상 대상이 아니라고 밝힙니다. SW 개발 부분만의 예산이 20억원 "
                   "미만인지 등 보상 제외 사유가 타당한지 확인하십시오.")
        return ctx.finding(RULE, "review", msg, ev, applies=applies)
    return silence(
        ctx, RULE, sc,
        "총사업예산 20억원 이상 SW 개발사업인데 낙찰되지 않은 우수 제안서의 보상 여부와 방법이 없습니다.",
        looked_for="‘제안서 보상’, ‘낙찰자로 결정되지 아니한 자 … 보상’, 보상 대상·금액(총사업예산의 1천분의 8·5 등)·"
                   "절차 또는 보상하지 않는다는 명시 (소프트웨어 진흥법 제52조, 지침 제16조·제17조)",
        unsure="제안서 보상에 관한 문구도 없으므로, 총사업예산 20억원 이상 SW 개발사업이면 보상 여부와 방법을 밝혀야 합니다.",
    )
