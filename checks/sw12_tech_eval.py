"""협상에 의한 계약의 제안서 평가항목은 「소프트웨어 기술성 평가기준 지침」을 따르고, 차등점수제를 쓰면 그 내용을 공고·제안요청서에 밝힌다."""
from __future__ import annotations

import regex

from rfpcheck.pipeline.model import Finding

from .common import load_lexicon, table_header
from .context import CheckContext
from .gates import (dedupe, law_list_item, negotiation_scope, previous_project_mention, self_check_row,
                    sentence_compact, window)
from .registry import C, Rule
from .sw11_tech_weight import inferred_non_negotiation

RULE = Rule(
    id='SW12',
    title='SW기술성 평가기준 적용',
    requirement='평가부문·평가항목이 「소프트웨어 기술성 평가기준 지침」을 따른다는 명시(차등점수제 적용 시 그 내용)',
    applies_when='협상에 의한 계약',
    forbidden='',
    citations=[
        C('소프트웨어 진흥법', '제49조②'),
        C('소프트웨어 기술성 평가기준 지침', '제2조~제4조'),
    ],
    suggestion='기술능력 평가항목과 배점은 「소프트웨어 기술성 평가기준 지침」의 기술제안서 평가항목(별표1)을 적용하며, 평가위원별 점수에는 차등점수제를 적용한다.',
    examples_pass=['기술능력 평가는 「소프트웨어 기술성 평가기준」에 따라 평가한다.',
                   '본 사업은 「소프트웨어 기술성 평가기준 지침」 제4조제5항에 따른 차등점수제를 적용하지 않음'],
    examples_violation=[],
)

# a score right after a category ("전략 및 방법론(15점)", "| 10점", "[20]"); a bare number in the next
# cell ("| 10") counts only under a header that names scores (배점, 평가항목 …)
_SCORE_AFTER = regex.compile(r"\|?(?:[0-9]{1,2}(\.[0-9])?(점|%)|[\(\[][0-9]{1,2}(\.[0-9])?(점|%)?[\)\]])")


def detect(ctx: CheckContext) -> Finding:
    doc = ctx.doc
    na, applies, nsig = negotiation_scope(ctx, RULE)
    if na is not None:
        return na
    na = inferred_non_negotiation(ctx, RULE)
    if na is not None:
        return na
    lex = load_lexicon("sw12")
    ctx_rx = lex.rx("applied_context")
    refused_rx = lex.rx("not_applied")
    named, listed, refused = [], [], []
    for m in ctx.finditer(lex.rx("named")):
        if previous_project_mention(doc, m):
            continue  # "'23년 1단계 사업 평가 시 … 이의신청" recalls an earlier evaluation
        if law_list_item(doc, m) or self_check_row(doc, m):
            listed.append(m)
            continue
        if refused_rx.match(window(doc, m, 0, 40)[1]):
            refused.append(m)  # "「…평가기준」을 적용하지 않고 자체 기준에 따라": the 지침 is set aside
            continue
        b, a = window(doc, m, 80, 80)
        if ctx_rx.search(b) or ctx_rx.search(a):
            named.append(m)
        else:
            listed.append(m)
    diff = [m for m in ctx.finditer(lex.rx("differential"))
            if not self_check_row(doc, m) and not previous_project_mention(doc, m)]
    named += [m for m in ctx.finditer(lex.rx("annex_title"))
              if not self_check_row(doc, m) and not previous_project_mention(doc, m)]
    # the 지침 named for its 하도급계획 적정성 form only says nothing about the evaluation items
    subcontract = [m for m in named if "하도급" in sentence_compact(ctx, m)]
    named = [m for m in named if m not in subcontract]
    if subcontract and not named and nsig < 2:
        ev = dedupe([ctx.evidence(m.start, m.end) for m in subcontract], 2)
        return ctx.finding(RULE, "review", "「소프트웨어 기술성 평가기준 지침」은 하도급계획 적정성 서식과 관련해서만 언급되고, "
                           "문서에 평가항목·배점이 없어 지침 적용 여부를 판단할 수 없습니다.", ev, applies=applies)
    if named:
        ev = dedupe([ctx.evidence(m.start, m.end) for m in named], 2)
        if diff:
            ev = dedupe(ev + [ctx.evidence(m.start, m.end) for m in diff], 3)
        msg = "제안서 평가에 「소프트웨어 기술성 평가기준 지침」을 적용한다고 명시되어 있습니다."
        if diff:
            msg += " 차등점수제 적용 여부도 밝혔습니다."
        return ctx.finding(RULE, "pass", msg, ev, applies=applies)
    # the evaluation table follows the 별표1 categories
    before_rx = regex.compile("|".join(lex.patterns("category_not_row_before")))
    after_rx = regex.compile("|".join(lex.patterns("category_not_row_after")))
    row_rx = lex.rx("category_row_context")
    outline_rx = lex.rx("category_outline_table")
    rows = []
    for cat in lex.patterns("category"):
        for m in ctx.finditer(cat):
            b, a = window(doc, m, 4, 8)
            if before_rx.search(b) or after_rx.search(a):
                continue
            header = "".join((table_header(doc, m.start) or "").split())
            if outline_rx.search(header) and not row_rx.search(header):
                continue  # a 제안서 목차 / page-count table follows the same chapters
            if _SCORE_AFTER.match(a) or row_rx.search(header):
                rows.append(m)
                break
    if len(rows) >= 3:
        ev = dedupe([ctx.evidence(m.start, m.end) for m in rows], 3)
        return ctx.finding(RULE, "pass", f"평가표가 「소프트웨어 기술성 평가기준 지침」 별표1의 평가부문({len(rows)}개)으로 "
                           "구성되어 있습니다.", ev, applies=applies)
    if nsig < 2:
        return ctx.finding(RULE, "review", "문서에 제안서 평가항목·배점이 없어 「소프트웨어 기술성 평가기준 지침」 적용 여부를 "
                           "판단할 수 없습니다. 별도 평가기준(입찰공고 등)을 확인하십시오.", applies=applies)
    if refused:
        return ctx.finding(
            RULE, "missing", "문서가 제안서 평가에 「소프트웨어 기술성 평가기준 지침」을 적용(준용)하지 않는다고 밝힙니다. "
            "협상에 의한 계약의 평가항목은 지침을 따라야 합니다.",
            dedupe([ctx.evidence(m.start, m.end) for m in refused], 2), applies=applies)
    extra = " 지침 이름은 관련 법령 목록에만 있습니다." if listed else ""
    return ctx.finding(
        RULE, "missing",
        "제안서 평가항목이 「소프트웨어 기술성 평가기준 지침」을 따른다는 명시가 없습니다." + extra,
        applies=applies,
        looked_for="평가 부분의 ‘「소프트웨어 기술성 평가기준 지침」 준용/적용’, ‘차등점수제’, 또는 별표1 평가부문(전략 및 "
                   "방법론·기술 및 기능·성능 및 품질·프로젝트 관리·프로젝트 지원)으로 된 평가표",
    )
