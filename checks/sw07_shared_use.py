"""발주기관이 개발된 SW를 다른 기관과 공동활용하려면 그 기관의 범위를 입찰공고에 미리 밝혀야 한다. 공동활용 계획이 없다는 명시도 적합하다."""
from __future__ import annotations

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
    examples_pass=['본 사업의 결과물은 타 기관과 공동활용할 계획이 없음'],
    examples_violation=[],
)
