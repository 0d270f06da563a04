"""시스템을 구축하는 사업은 행정정보 데이터세트의 기록 유형 구분·제출 등 기록관리 절차를 정해야 한다."""
from __future__ import annotations

from .registry import C, Rule

RULE = Rule(
    id='DATA03',
    title='기록관리(행정정보 데이터세트)',
    requirement='행정정보 데이터세트 기록관리(기록 유형 구분, 관리기준표, 기록관리 절차)',
    applies_when='시스템 구축 사업',
    forbidden='',
    citations=[
        C('공공기록물 관리에 관한 법률 시행령', '제34조의3', '행정정보 데이터세트'),
    ],
    suggestion='계약상대자는 구축하는 시스템의 행정정보 데이터세트를 「공공기록물 관리에 관한 법률 시행령」 제34조의3에 따라 식별하고, 기록 유형 구분과 관리기준표 작성에 필요한 자료를 발주기관 기록관리 부서에 제출한다.',
    examples_pass=['행정정보 데이터세트의 기록관리 기준표 작성을 지원한다.'],
    examples_violation=[],
)
