"""시스템을 구축·운영하는 사업은 구축되는 데이터의 공공데이터 목록·메타데이터 등록과 개방용 데이터 제출을 정해야 한다. 기술적용계획표의 '공공데이터 제공' 항목, 법령 목록의 공공데이터 관리지침, 공공데이터(포털)를 가져다 쓰는 API 연계·수집, 메타데이터를 다루는 시스템 기능('…를 등록·수정하는 관리 기능'), 문서 메타데이터 추출 기능, 제안서 작성 목차 항목은 해당하지 않는다."""
from __future__ import annotations

import regex

from rfpcheck.pipeline.model import Finding

from . import _must_state as ms
from .common import load_lexicon
from .context import CheckContext
from .registry import C, Rule

RULE = Rule(
    id='DATA02',
    title='공공데이터 제출',
    requirement='공공데이터 목록·메타데이터 작성·등록과 개방 데이터 제출',
    applies_when='시스템 구축·운영 사업',
    forbidden='',
    citations=[
        C('공공데이터의 제공 및 이용 활성화에 관한 법률', '제18조', '공공데이터 목록의 등록'),
    ],
    suggestion='계약상대자는 본 사업으로 구축·수집되는 데이터의 공공데이터 목록과 메타데이터를 작성하여 제출하고, 발주기관이 개방 대상으로 정한 데이터를 개방 표준에 맞는 형식으로 제공한다.',
    examples_pass=['구축 데이터의 공공데이터 목록 및 메타데이터를 작성하여 제출한다.'],
    examples_violation=[],
)


# -- detector ------------------------------------------------------------------------------------


_RANK = ("목록", "메타시스템", "메타관리시스템", "포털", "공공누리", "메타데이터")


def _strength(matched: str) -> int:
    """Lower is stronger: a 개방 목록 or metadata registration beats a 개방 방안."""
    for i, w in enumerate(_RANK):
        if w in matched:
            return i
    return len(_RANK)


def detect(ctx: CheckContext) -> Finding:
    doc = ctx.doc
    lex = load_lexicon("data02")
    scope, why = ms.system_scope(doc)
    if scope == "na":
        return ctx.not_applicable(RULE, why)
    applies = why + " → 적용(구축·운영 데이터의 공공데이터 목록·메타데이터 등록 대상)"
    s = doc.compact
    ai = lex.rx("ai_meta")
    src, consume, own_open, func = lex.rx("source_only"), lex.rx("consume"), lex.rx("own_open"), lex.rx("system_function")
    hits = []
    # not in the table of contents, evaluation tables, 현황, or outline rows of the 제안서 작성요령
    for m in ms.find(ctx, lex.rx("submit"), skip_kinds=ms.PRESENCE_SKIP, skip_outline=True):
        seg = s[m.compact_start:m.compact_end]
        near = s[slice(*ms.window(doc, m, 15, 15))]
        if ai.search(near):
            continue  # 문서 메타데이터 추출 등 AI 처리
        if src.search(s, *ms.window(doc, m, 5, 25)) and "개방" not in seg:
            continue  # 공공데이터를 가져다 쓰는 연계
        if regex.search(r"공공데이터포털|data\.go\.kr", seg, regex.IGNORECASE):
            sent = ms.sentence_compact(ctx, m)
            if consume.search(sent) and not own_open.search(sent):
                continue  # "공공데이터포털에서 제공하는 … 데이터를 수집하여 학습": 가져다 씀
        if func.match(s[m.compact_end: ms.window(doc, m, 0, 30)[1]]):
            continue  # "메타데이터를 등록·수정하는 관리 기능": 시스템 기능 이름
        hits.append(m)
    if hits:
        hits.sort(key=lambda m: _strength(s[m.compact_start:m.compact_end]))
        return ctx.finding(
            RULE, "pass",
            "구축·운영 데이터의 개방(공공데이터 목록·메타데이터 등록·포털 연계)을 요구하는 문구가 있습니다.",
            ms.quotes(ctx, hits, 3), applies=applies,
        )
    template_only = [m for m in ctx.finditer(r"공공데이터(?:법|\(법)?[^。]{0,40}제공하기위하여|공공데이터로제공") if ms.in_template(doc, m.compact_start)]
    msg = "구축·운영되는 데이터의 공공데이터 목록·메타데이터 작성·등록이나 개방 데이터 제출 요구가 없습니다."
    if template_only:
        msg += " (기술적용계획표 서식의 ‘공공데이터 제공’ 항목은 입찰자가 표시하는 일반 점검 항목이라 요구사항으로 보지 않았습니다.)"
    return ctx.finding(
        RULE, "missing", msg, applies=applies,
        looked_for="개방데이터 목록 식별·제출, 메타데이터(중앙·기관 메타관리시스템) 등록·현행화, 공공데이터포털 연계·개방 "
                   "(목차·현황·평가표·제안서 작성요령·기술적용계획표·법령 목록, 공공데이터를 가져다 쓰는 연계 제외)",
    )
