"""시스템을 구축·운영하는 사업은 구축되는 데이터의 공공데이터 목록·메타데이터 등록과 개방용 데이터 제출을 정해야 한다."""
from __future__ import annotations

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
