"""사업금액 1억원 이상의 SW 개발·유지관리·운영 사업은 계약상대자가 SW사업정보(계약 후, 종료 후)를 SW사업정보 저장소에 제출하도록 정한다."""
from __future__ import annotations

from .registry import C, Rule

RULE = Rule(
    id='SW18',
    title='SW사업정보 제출',
    requirement='계약상대자가 SW사업정보(규모·비용·일정·품질 등)를 SW사업정보 저장소에 제출한다는 내용',
    applies_when='SW 개발, 유지관리·운영 사업이고 사업금액 1억원 이상',
    forbidden='',
    citations=[
        C('소프트웨어 진흥법', '제46조②③'),
        C('소프트웨어 진흥법 시행령', '제39조'),
    ],
    suggestion='계약상대자는 「소프트웨어 진흥법」 제46조에 따라 계약 체결 후와 사업 종료 후에 SW사업정보(사업 규모, 비용, 일정, 품질 정보 등)를 SW사업정보 저장소에 제출하고, 그 확인서를 발주기관에 제출한다.',
    examples_pass=['계약상대자는 SW사업정보 저장소에 사업정보를 제출하여야 한다.'],
    examples_violation=[],
)
