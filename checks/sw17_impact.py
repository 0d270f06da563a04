"""SW사업은 민간 SW시장에 미치는 영향을 미리 평가하고 그 결과를 공시하여야 하며, 사전규격 공개 때부터 영향평가 결과서를 첨부한다. 상용SW 구매·유지관리, 안보·치안·외교, 민간투자형, 단일기관 내부용, DB 구축, 단순 유지관리 사업은 제외된다."""
from __future__ import annotations

from typing import Optional

import regex

from rfpcheck.pipeline.model import Document, Finding

from . import _must_state as ms
from .common import kinds, load_lexicon
from .context import CheckContext, Match
from .gates import (dedupe, development_scope, kinds_label, local_matches, previous_project_mention, self_check_row,
                    sentence_compact, window)
from .registry import C, Rule

RULE = Rule(
    id='SW17',
    title='SW사업 영향평가',
    requirement='SW사업 영향평가 결과서 첨부(실시·완료 언급만 있고 결과서 붙임이 없으면 확인 필요)',
    applies_when='SW사업(제외: 상용SW 구매·유지관리, 안보·치안·외교, 민간투자형, 단일기관 내부용, DB 구축, 단순 유지관리)',
    forbidden='',
    citations=[
        C('소프트웨어 진흥법', '제43조'),
        C('소프트웨어 진흥법 시행령', '제35조', '제외 사업: 제35조②'),
        C('소프트웨어 진흥법 시행령', '제36조', '결과 공시'),
        C('소프트웨어사업 계약 및 관리감독에 관한 지침', '제5조, 제6조', '별지 제1호 영향평가 결과서'),
    ],
    suggestion='본 사업은 「소프트웨어 진흥법」 제43조에 따라 SW사업 영향평가를 실시하였으며, 그 결과서를 붙임으로 첨부한다.',
    examples_pass=['[붙임] SW사업 영향평가 결과서', '본 사업은 소프트웨어사업 영향평가를 미리 실시한 사업임(붙임 1)'],
    examples_violation=[],
)

_CHECKED = "■☑▣✔✓√●◼"
_UNCHECKED = "□☐◻○"
_CIRCLED = regex.compile(r"[①-⑨]")


def _form_categories(ctx: CheckContext) -> tuple[Optional[str], list[str], list[Match]]:
    """Read the 구분 ticks of an attached 영향평가 결과서: ("other" | "exempt" | None, ticked exempt
    labels, matches of the form region)."""
    lex = load_lexicon("sw17")
    regions = list(ctx.finditer(lex.rx("form_categories")))
    exempt: list[str] = []
    other = False
    for m in regions:
        body = ctx.doc.compact[m.compact_start: m.compact_end]
        marks = list(_CIRCLED.finditer(body))
        for i, cm in enumerate(marks):
            seg = body[cm.end(): marks[i + 1].start() if i + 1 < len(marks) else len(body)]
            seg = seg.rstrip("|")
            tail = seg[-1:] if seg else ""
            if tail not in _CHECKED:
                continue
            label = seg.rstrip(_CHECKED + "|").strip()
            if "그외" in label or "그밖" in label:
                other = True
            else:
                exempt.append(regex.sub(r"\(.*?\)", "", label)[:40])
    if other:
        return "other", [], regions
    if exempt:
        return "exempt", exempt, regions
    return None, [], regions


def _form_internal_users(doc: Document, lex) -> bool:
    """The form ticks only 단일기관 / 내부직원 as users."""
    for m in lex.rx("form_users").finditer(doc.compact):
        body = m.group(0)
        def ticked(word: str) -> Optional[bool]:
            i = body.find(word)
            if i <= 0:
                return None
            return body[i - 1] in _CHECKED
        if ticked("내부직원") and ticked("타기관직원") is False and ticked("일반국민") is False:
            return True
    return False


def _user_balance(doc: Document, lex) -> tuple[int, int]:
    c = doc.compact
    inner = sum(1 for _ in lex.rx("inner_users").finditer(c))
    outer = sum(1 for _ in lex.rx("outer_users").finditer(c))
    return inner, outer


def detect(ctx: CheckContext) -> Finding:
    doc = ctx.doc
    lex = load_lexicon("sw17")
    ks = kinds(doc)
    dev, why = development_scope(doc)
    if dev is False and (set(ks) <= {"상용SW구매", "HW인프라"} or "구독" in why):
        return ctx.not_applicable(RULE, f"{why}: 상용SW 구매·설치 사업은 영향평가 제외(영 제35조②) → 해당없음")

    state, exempt_labels, regions = _form_categories(ctx)
    in_form = lambda m: any(r.start <= m.start < r.end for r in regions)  # noqa: E731
    # a row of a self-check table, ticked or not, states nothing ("영향평가 결과서 첨부 | □ | □")
    checklist = lambda m: self_check_row(doc, m) or ms.self_check_row(doc, m.start)  # noqa: E731
    not_exempt = lex.rx("not_exempt")
    done, claims = [], []
    for m in local_matches(ctx, lex.rx("done")):
        if checklist(m) or in_form(m) or previous_project_mention(doc, m):
            continue  # an earlier phase's 영향평가 ("1단계('24년) 사업 시 … 실시") is not this project's
        b, _ = window(doc, m, 6, 0)
        if regex.search(r"개인정보|변경$", b):
            continue
        s = sentence_compact(ctx, m)
        if regex.search(r"실시하지(않|아니)|대상(이|에서)?(아님|아니|제외)|제외대상|면제", s) and not not_exempt.search(s):
            claims.append(m)
        else:
            done.append(m)
    claims += [m for m in ctx.finditer(lex.rx("exempt_claim"))
               if not in_form(m) and not checklist(m) and not previous_project_mention(doc, m)
               and not not_exempt.search(sentence_compact(ctx, m))]

    scope = why if dev else f"사업유형 {kinds_label(ks)}"
    # 1. exemption read from the document itself
    if state == "exempt":
        ev = [ctx.evidence(r.start, r.end, sentence=False) for r in regions[:1]]
        return ctx.finding(RULE, "not_applicable", f"첨부된 영향평가 결과서가 제외 사업({', '.join(exempt_labels[:2])})으로 "
                           "표시되어 있어 영향평가 대상이 아닙니다.", ev,
                           applies=f"{scope}; 결과서 구분란: {exempt_labels[0]} → 해당없음", suggest=False)
    if state is None and _form_internal_users(doc, lex):
        m = next(iter(lex.rx("form_users").finditer(doc.compact)))
        s, e = doc.span_from_compact(m.start(), m.end())
        return ctx.finding(RULE, "not_applicable", "첨부된 영향평가 결과서의 사용자가 단일기관 내부 직원뿐이어서 영향평가 "
                           "제외 사업(단일기관 내부용)입니다.", [doc.evidence(s, e)],
                           applies=f"{scope}; 결과서 사용자: 내부직원만 → 해당없음(지침 제6조)", suggest=False)
    if claims and not done:
        ev = dedupe([ctx.evidence(m.start, m.end) for m in claims], 2)
        return ctx.finding(RULE, "not_applicable", "문서가 영향평가 제외 대상 사업이라고 밝힙니다.", ev,
                           applies=f"{scope}; 문서에 영향평가 제외 대상 명시 → 해당없음", suggest=False)

    # 2. single-agency internal use, judged from who the system serves
    inner, outer = _user_balance(doc, lex)
    name = "".join((doc.facts.value("project_name") or "").split())
    name_inner = bool(name and lex.rx("inner_name").search(name))
    said_internal = next((m for m in local_matches(ctx, lex.rx("internal_use"))
                          if not checklist(m) and not in_form(m)), None)
    internal = inner >= 8 and outer < 0.6 * (inner + 1)
    strong_internal = internal and (name_inner or outer < 0.25 * (inner + 1))
    cue = f"내부 사용자 표현 {inner}회, 외부 이용자 표현 {outer}회" + (", 사업명이 내부 업무용" if name_inner else "")
    if state != "other" and strong_internal:
        return ctx.not_applicable(RULE, f"{scope}; 단일기관 내부 직원용 시스템으로 보임({cue}, 추정) → 영향평가 제외(지침 제6조) "
                                  "→ 해당없음")

    # 3. pure operation (no function change)
    if dev is False and "유지관리운영" in ks and not done:
        return ctx.not_applicable(RULE, f"{why}: 기능 변경 없는 단순 유지관리·운영은 영향평가 제외(지침 제6조) → 해당없음")
    if dev is False and "DB구축" in ks and not set(ks) - {"DB구축", "유지관리운영", "HW인프라"} and not done:
        return ctx.not_applicable(RULE, f"{why}: DB 구축 사업은 영향평가 제외(지침 제6조) → 해당없음")

    applies = f"{scope}; 영향평가 제외 사업(상용SW 구매, 단일기관 내부용, DB 구축, 단순 운영 등)으로 보이지 않음 → 적용"
    if done:
        attach = lex.rx("attached")
        sheet = [m for m in done if attach.search(sentence_compact(ctx, m))]
        if sheet:
            ev = dedupe([ctx.evidence(m.start, m.end) for m in done], 2)
            return ctx.finding(RULE, "pass", "SW사업 영향평가 실시(결과서 첨부)가 명시되어 있습니다.", ev, applies=applies)
        ev = dedupe([ctx.evidence(m.start, m.end) for m in done], 2)
        return ctx.finding(RULE, "review", "SW사업 영향평가를 실시(완료)했다는 언급은 있으나 영향평가 결과서의 첨부(붙임 제목)가 "
                           "보이지 않습니다. 결과서는 사전규격 공개 때부터 제안요청서에 첨부해야 하니 첨부 여부를 확인하십시오.", ev,
                           applies=applies)
    if dev is None:
        return ctx.finding(RULE, "review", "사업유형을 확인하지 못했고 영향평가 결과서나 실시 문구도 없습니다. 제외 사업(상용SW 구매, "
                           "단순 운영, DB 구축, 단일기관 내부용 등)이 아니면 영향평가 결과서를 첨부해야 합니다.",
                           applies="사업유형 미상 → 제외 사업 여부 판단 불가")
    security = lex.rx("security_name").search(name) if name else None
    if state != "other" and security:
        return ctx.finding(RULE, "review", f"영향평가 결과서나 실시 문구가 없습니다. 사업명(‘{security.group(0)}’)으로 보아 "
                           "안보·치안·외교 관련 제외 사업(영 제35조②)일 수 있으니 확인하십시오.",
                           applies=f"{scope}; 안보·치안·외교 관련 사업 여부 불확실")
    if state != "other" and internal:
        return ctx.finding(RULE, "review", f"영향평가 결과서나 실시 문구가 없습니다. 시스템 사용자가 주로 기관 내부 직원으로 보여"
                           f"({cue}) 단일기관 내부용 제외 사업일 수 있으니 확인하십시오.",
                           applies=f"{scope}; 단일기관 내부용 여부 불확실")
    if state != "other" and said_internal is not None:
        return ctx.finding(RULE, "review", "영향평가 결과서나 실시 문구가 없습니다. 문서가 시스템을 기관 내부 직원만 쓴다고 밝혀 "
                           "단일기관 내부용 제외 사업(지침 제6조)일 수 있으니 확인하십시오.",
                           [ctx.evidence(said_internal.start, said_internal.end)],
                           applies=f"{scope}; 문서에 내부 직원 전용 시스템이라는 문장 → 단일기관 내부용 여부 확인 필요")
    if state != "other" and name_inner:
        return ctx.finding(RULE, "review", f"영향평가 결과서나 실시 문구가 없습니다. 사업명이 기관 내부 업무용으로 보여({cue}) "
                           "단일기관 내부용 제외 사업(지침 제6조)일 수 있으니 확인하십시오.",
                           applies=f"{scope}; 사업명이 내부 업무용 → 단일기관 내부용 여부 확인 필요")
    return ctx.finding(
        RULE, "missing",
        "SW사업 영향평가 결과서(또는 영향평가 실시 문구)가 없습니다. 제외 사업이면 그 사유를 밝혀야 합니다.",
        applies=applies,
        looked_for="‘소프트웨어사업 영향평가 결과서’ 첨부(제목 포함), ‘SW사업 영향평가를 (미리) 실시한 사업’ 문구, "
                   "또는 영향평가 제외 사유 (소프트웨어 진흥법 제43조, 지침 제5조·제6조)",
    )
