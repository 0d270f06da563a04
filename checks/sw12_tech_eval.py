"""협상에 의한 계약의 제안서 평가항목은 「소프트웨어 기술성 평가기준 지침」을 따르고, 차등점수제를 쓰면 그 내용을 공고·제안요청서에 밝힌다."""
from __future__ import annotations

from .registry import C, Rule

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
    examples_pass=['기술능력 평가는 「소프트웨어 기술성 평가기준」에 따라 평가한다.'],
    examples_violation=[],
)
