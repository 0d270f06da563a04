"""시스템을 구축·운영하는 사업은 행정정보 데이터세트의 기록 유형 구분·제출 등 기록관리 절차(공공기록물법 시행령 제34조의3)를 정해야 한다. 로그·접속기록·장애 처리 기록 같은 '기록관리', 법령 목록의 공공기록물법 이름, '「…」, 「공공기록물 관리에 관한 법률」 등 관련 법령 준수' 같은 일반 문장은 해당하지 않는다."""
from __future__ import annotations

from rfpcheck.pipeline.model import Finding

from . import _must_state as ms
from .common import load_lexicon
from .context import CheckContext
from .registry import C, Rule

RULE = Rule(
    id='DATA03',
    title='기록관리(행정정보 데이터세트)',
    requirement='행정정보 데이터세트 기록관리(기록 유형 구분, 관리기준표, 기록관리 절차)',
    applies_when='정보시스템 구축·운영 사업',
    forbidden='',
    citations=[
        C('공공기록물 관리에 관한 법률 시행령', '제34조의3', '행정정보 데이터세트'),
    ],
    suggestion='계약상대자는 구축하는 시스템의 행정정보 데이터세트를 「공공기록물 관리에 관한 법률 시행령」 제34조의3에 따라 식별하고, 기록 유형 구분과 관리기준표 작성에 필요한 자료를 발주기관 기록관리 부서에 제출한다.',
    examples_pass=['행정정보 데이터세트의 기록관리 기준표 작성을 지원한다.'],
    examples_violation=[],
)


# -- detector ------------------------------------------------------------------------------------


def _hardware_upkeep(ctx: CheckContext, lex) -> "str | None":
    """For an operation contract, the equipment upkeep it consists of ("서버·네트워크 장비 정기 점검,
    부품 교체") when nothing in it operates an information system: no application, DB, web site or
    functional change outside a sentence that excludes it ("응용 소프트웨어 개발은 포함하지 않는다")."""
    skip = dict(skip_kinds=("toc", "evaluation", "proposal_guide"), drop_negated=True)
    hw = ms.find(ctx, lex.rx("hw_upkeep"), limit=1, **skip)
    if not hw or ms.find(ctx, lex.rx("sw_object"), limit=1, **skip):
        return None
    return " ".join(ctx.doc.text[hw[0].start:hw[0].end].split())


def detect(ctx: CheckContext) -> Finding:
    doc = ctx.doc
    lex = load_lexicon("data03")
    scope, why = ms.system_scope(doc)
    if scope == "na":
        return ctx.not_applicable(RULE, why)
    if scope == "operation":
        hw = _hardware_upkeep(ctx, lex)
        if hw:
            return ctx.not_applicable(RULE, why + f"이나 유지보수 대상이 전산장비(‘{hw}’)이고 운영하는 정보시스템(응용 SW·"
                                      "DB·홈페이지)이 없음 → 기록을 생산하는 시스템이 아니므로 해당없음")
    applies = why + " → 적용(시스템이 생산·관리하는 행정정보 데이터세트의 기록관리 대상)"
    s = doc.compact
    other, strong, laws = lex.rx("not_records"), lex.rx("strong"), lex.rx("law_list")
    hits = []
    # not in the table of contents, evaluation tables, 현황, or outline rows of the 제안서 작성요령
    # nor a duty the RFP sets aside ("기록관리시스템 연계는 본 사업 범위에서 제외한다")
    for m in ms.find(ctx, lex.rx("records"), skip_kinds=ms.PRESENCE_SKIP, skip_outline=True, drop_negated=True):
        seg = s[m.compact_start:m.compact_end]
        if "법" in seg and laws.search(s, max(0, m.compact_start - 3), m.compact_end):
            continue  # "「개인정보 보호법」, 「공공기록물 관리에 관한 법률」 등 관련 법령을 준수"
        if not strong.search(seg) and other.search(s, ms.window(doc, m, 12, 0)[0], m.compact_start):
            continue  # 로그·이력 기록관리
        hits.append(m)
    if hits:
        return ctx.finding(
            RULE, "pass",
            "행정정보 데이터세트·기록물 관리(기록 유형 구분, 등록·분류·이관 등 기록관리 절차)를 요구하는 문구가 있습니다.",
            ms.quotes(ctx, hits, 3), applies=applies,
        )
    return ctx.finding(
        RULE, "missing",
        "시스템이 생산·관리하는 행정정보 데이터세트의 기록 유형 구분·관리기준표 작성이나 기록관리 절차(등록·이관) 요구가 없습니다.",
        applies=applies,
        looked_for="행정정보 데이터세트, 기록물 등록·분류·이관, 기록관리시스템 연계, 「공공기록물 관리에 관한 법률」 준수 의무 "
                   "(로그·이력 기록, 목차·현황·법령 목록 제외)",
    )
