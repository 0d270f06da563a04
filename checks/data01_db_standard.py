"""DB를 설계·구축하는 사업은 「공공기관의 데이터베이스 표준화 지침」 준수(공통표준·행정표준코드 적용), 데이터 구조·값 검증과 품질 진단을 요구사항으로 담아야 한다. DB 설계·구축 여부는 데이터 요구사항, DB 설계·구조 변경, 테이블 정의서·ERD, 데이터 이관, 벡터 DB 같은 과업 표현으로 판단한다. 지침 이름이 기술적용계획표 서식이나 관련 법령 목록에만 있으면 요구사항으로 보지 않는다. 표준화 지침·행정표준코드 준수만 있고 품질진단이 없으면 검토필요. '생략한다'·'포함하지 않는다'고 밝힌 요구나 DB 작업은 없는 것으로 본다."""
from __future__ import annotations

import regex

from rfpcheck.pipeline.model import Finding

from . import _must_state as ms
from .common import kinds, load_lexicon
from .context import CheckContext
from .registry import C, Rule

RULE = Rule(
    id='DATA01',
    title='DB 표준화 · 데이터 품질진단',
    requirement='「공공기관의 데이터베이스 표준화 지침」·「행정기관의 코드표준화 추진지침」 준수(행정표준코드 적용)와 데이터 품질 진단',
    applies_when='DB 설계·구축이 포함된 사업',
    forbidden='',
    citations=[
        C('전자정부법', '제50조'),
        C('공공기관의 데이터베이스 표준화 지침', '제8조, 제10조②'),
        C('행정기관의 코드표준화 추진지침', 'Ⅴ, Ⅷ', '행정표준코드 사용'),
    ],
    suggestion='계약상대자는 「공공기관의 데이터베이스 표준화 지침」에 따라 공통표준용어와 행정표준코드를 적용하여 DB를 설계하고, 데이터 표준·구조·값에 대한 품질 진단을 수행하여 그 결과와 개선 내역을 제출한다.',
    examples_pass=['공공기관의 데이터베이스 표준화 지침을 준수하여 설계하고 행정표준코드를 적용한다.'],
    examples_violation=[],
)


# -- detector ------------------------------------------------------------------------------------


def _db_scope(ctx: CheckContext, lex) -> tuple[str, str, list]:
    """('apply' | 'na', reason naming the facts and the DB work found, DB-work matches)."""
    doc = ctx.doc
    scope, why = ms.system_scope(doc)
    fact = doc.facts.get_fact("builds_db")
    if fact.source == "given":
        if fact.value == "yes":
            return "apply", "DB 설계·구축 포함(입력값) → 적용", []
        if fact.value == "no":
            return "na", "DB 설계·구축 없음(입력값) → 해당없음", []
    if scope == "na":
        return "na", why, []
    # "DB 구조 변경을 수반하는 기능 개발은 본 과업에 포함하지 않는다" is not DB work
    work = ms.find(ctx, lex.rx("db_work"), skip_kinds=("toc", "evaluation", "current", "proposal_guide"),
                   drop_negated=True, limit=30)
    kept = ms.find(ctx, lex.rx("db_kept"), skip_kinds=("toc",), limit=3)
    if kept and len(work) < 3:
        return "na", f"{why}; 기존 DB 구조를 유지한다고 명시 → DB 설계·구축 없음, 해당없음", []
    strong = [m for m in work if lex.rx("db_work_strong").match(doc.compact, m.compact_start)]
    if (scope == "operation" or "유지관리운영" in kinds(doc)) and not strong:
        # in maintenance, 테이블 정의서·ERD 현행화 is document upkeep, not DB design
        return "na", f"{why}; DB 설계·구축 과업이 보이지 않음 → 해당없음", []
    if not work:
        return "na", f"{why}; DB 설계·구축 과업이 보이지 않음 → 해당없음", []
    cue = (strong or work)[0]
    return "apply", f"{why}; DB 설계·구축 과업 있음(‘{_cue_text(doc, cue)}’ 등) → 적용", work


_WORD_END = regex.compile(r"[\s|,.;:()\[\]「」『』“”\"'·ㆍ/]")


def _cue_text(doc, m) -> str:
    """The words of the document around a DB-work match, as written ("DAR-001", "데이터베이스 스키마를
    설계"), not the pattern's fragment."""
    text = doc.text
    a, b = m.start, m.end
    lo = max(0, a - 12)
    while a > lo and not _WORD_END.match(text[a - 1]):
        a -= 1
    hi = min(len(text), b + 12)
    while b < hi and not _WORD_END.match(text[b]):
        b += 1
    return " ".join(text[a:b].split())


# a heading that introduces a list of laws ("관련 법령:", "근거 규정 :")
_LAW_LIST_HEAD = regex.compile(r"^[^가-힣「『]{0,3}(?:관련|관계|근거|참고|준거|적용)(?:법령|법규|규정|지침|법률|기준)(?:등|및지침)?[:：]?")
_QUOTED_NAME = regex.compile(r"「[^「」]{1,60}」|『[^『』]{1,60}』|\([^()]{0,40}\)")
_LIST_GLUE = regex.compile(r"[\s,，.·ㆍ;/|ｏ○◦•▪■□❍◎ㅇ∙●※\-–]|및|등|외")


def _law_list_line(doc, m) -> bool:
    """The match is a law's name (in 「」) on a line that only lists laws and guidelines
    ("관련 법령: 「전자정부법」, 「공공기관의 데이터베이스 표준화 지침」, …") — it names the guideline
    without asking that it be applied. A line that applies it ("…지침」을 준수하여 설계") is kept."""
    a, b = ms.line_compact(doc, m.start, wrapped=False)
    line = doc.compact[a:b]
    cs = m.compact_start - a
    open_at = max(line.rfind("「", 0, cs + 1), line.rfind("『", 0, cs + 1))
    if open_at < 0 or max(line.rfind("」", open_at, cs), line.rfind("』", open_at, cs)) >= 0:
        return False  # the hit is not inside a quoted name
    names = _QUOTED_NAME.findall(line)
    rest = _QUOTED_NAME.sub("", line)
    head = _LAW_LIST_HEAD.match(rest)
    if head:
        rest = rest[head.end():]
    if ms._PREDICATE.search(rest):
        return False
    return _LIST_GLUE.sub("", rest) == "" and (head is not None or sum(n[0] in "「『" for n in names) >= 2)


def detect(ctx: CheckContext) -> Finding:
    doc = ctx.doc
    lex = load_lexicon("data01")
    verdict, applies, _work = _db_scope(ctx, lex)
    if verdict == "na":
        return ctx.not_applicable(RULE, applies)
    s = doc.compact
    # not in the table of contents, evaluation tables, 현황, or outline rows and writing instructions
    # of the 제안서 작성요령 ("데이터 품질관리 방안을 기술할 것")
    where = dict(skip_kinds=ms.PRESENCE_SKIP, skip_outline=True, drop_negated=True)
    # not a line that merely lists the guideline among other laws (ms.find skips bulleted items only)
    std = [m for m in ms.find(ctx, lex.rx("standard"), limit=20, **where) if not _law_list_line(doc, m)]
    notq = lex.rx("not_db_quality")
    qual = [m for m in ms.find(ctx, lex.rx("quality"), limit=20, **where)
            if not notq.search(s, *ms.window(doc, m, 25, 5))]
    if std and not qual:
        # CHECKS asks for both: the standards and a data quality diagnosis
        return ctx.finding(
            RULE, "review",
            "DB 표준화 지침·행정표준코드 준수는 요구하나 데이터 품질진단(데이터 값·구조 진단, 오류 개선) 요구가 "
            "없습니다. DB를 설계·구축하는 사업은 표준화 지침 준수와 함께 품질진단을 요구해야 하므로 확인하세요.",
            ms.quotes(ctx, std[:2], 2), applies=applies + "; 표준화 요구만 있고 품질진단 없음 → 검토필요",
        )
    if std or qual:
        parts = []
        if std:
            parts.append("DB 표준화 지침·행정표준코드 준수")
        if qual:
            parts.append("데이터 품질진단(값 진단·검증)")
        msg = "·".join(parts) + "를 요구합니다."
        if not std:
            msg += " 다만 「공공기관의 데이터베이스 표준화 지침」·행정표준코드 적용은 명시되지 않았습니다."
        return ctx.finding(RULE, "pass", msg, ms.quotes(ctx, std[:2] + qual[:2], 3), applies=applies)
    in_tmpl = [m for m in ctx.finditer(lex.rx("standard")) if ms.in_template(doc, m.compact_start)
               or ms.law_list_item(doc, m.start, m.end) or _law_list_line(doc, m)]
    msg = "DB를 설계·구축하지만 「공공기관의 데이터베이스 표준화 지침」·행정표준코드 준수나 데이터 품질진단 요구가 없습니다."
    if in_tmpl:
        msg += " (지침 이름은 기술적용계획표 서식이나 관련 법령 목록에만 나옵니다.)"
    return ctx.finding(
        RULE, "missing", msg, applies=applies,
        looked_for="「공공기관의 데이터베이스 표준화 지침」·DB 표준화, 행정표준코드·코드표준화 지침, 공통표준용어, "
                   "데이터 품질진단·값 진단·정합성 검증 (목차·현황·평가표·제안서 작성요령·기술적용계획표·법령 목록 제외)",
    )
