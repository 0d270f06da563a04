"""네트워크 장비(L3 이상 스위치, 라우터, 보안기능이 있는 L2)나 정보보호시스템(방화벽, IPS, VPN, 백신 등)을 도입하는 사업은 보안적합성 검증(CC인증, 보안기능 확인서, 검증필 제품목록 등재)을 요구하여야 한다."""
from __future__ import annotations

from .registry import C, Rule

RULE = Rule(
    id='SEC02',
    title='보안적합성 검증',
    requirement='도입 제품의 보안적합성 검증 요건(CC인증, 보안기능 확인서, 국가정보원 검증필 제품목록)',
    applies_when='네트워크 장비·정보보호시스템을 도입하는 사업',
    forbidden='',
    citations=[
        C('전자정부법', '제56조'),
        C('전자정부법 시행령', '제69조'),
        C('국가 정보보안 기본지침', '보안적합성 검증 조항'),
    ],
    suggestion='도입하는 정보보호시스템과 네트워크 장비는 CC인증 또는 보안기능 확인서를 받은 제품(국가정보원 검증필 암호모듈 탑재 포함)이어야 하며, 계약상대자는 납품 전 보안적합성 검증 관련 증빙을 제출한다.',
    examples_pass=['방화벽은 CC인증 제품으로 공급하여야 한다.'],
    examples_violation=[],
)
