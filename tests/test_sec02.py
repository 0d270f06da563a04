"""SEC02 보안적합성 검증: applicability comes from item lists and equipment specifications (never from a
누출금지 list naming 라우터 설정정보, the contractor's PC 백신 or a device the system merely uses);
CC인증 covers 정보보호시스템, L3 switches need a 보안기능 확인서, a switch of unstated layer is 검토필요."""
from __future__ import annotations

import pytest

from rfpcheck.checks.context import CheckContext
from rfpcheck.checks.sec02_security_conformity import detect
from rfpcheck.pipeline.facts import infer_facts
from rfpcheck.pipeline.model import PARAGRAPH, TABLE_CELL, RawBlock, build_document
from rfpcheck.pipeline.segment import segment

GIVEN = {"사업유형": "SW개발", "사업금액": "9억원"}
LEAK = ("6. 방화벽·침입방지시스템(IPS) 등 정보보호제품, 라우터·스위치 등 네트워크 장비 도입현황 및 설정정보")


def check(*items, given=None):
    """Lines are paragraphs; a list is a table row of an equipment table (first row = header)."""
    head = ["제 안 요 청 서", "사업명 : 누리군 재난관리시스템 고도화 사업", "Ⅰ. 사업 개요", "Ⅲ. 제안요청 내용",
            "ECR-001 장비 구성 요구사항"]
    raws = [RawBlock(t) for t in head]
    row = 0
    for it in items:
        if isinstance(it, list):
            for c, cell in enumerate(it):
                raws.append(RawBlock(cell, kind=TABLE_CELL, table=0, row=row, col=c))
            row += 1
        else:
            raws.append(RawBlock(it, kind=PARAGRAPH))
    doc = build_document("sample.txt", "txt", raws)
    segment(doc)
    infer_facts(doc, GIVEN if given is None else given)
    return detect(CheckContext(doc)), doc


HEADER = ["품명", "규격", "수량"]


def quotes(f) -> str:
    return " / ".join(e.quote for e in f.evidence)


def test_no_equipment_is_not_applicable():
    f, _ = check("○ 시스템은 발주기관의 기존 클라우드 인프라에 구축한다")
    assert f.status == "not_applicable"
    assert "찾지 못함" in f.applies


def test_leak_list_and_contractor_pc_rules_are_not_purchases():
    f, _ = check("○ 누출금지 대상정보", LEAK,
                 "○ 사업자 PC는 최신 백신 프로그램을 설치하고 매체제어를 적용하여야 함",
                 "○ 용역업체 전산망은 방화벽 등을 활용하여 업무망과 분리 구성하여야 함")
    assert f.status == "not_applicable", f.applies


def test_firewall_bought_with_cc_passes():
    f, doc = check(HEADER, ["방화벽", "10G 포트 4개 이상", "2식"],
                   "○ 정보보호제품은 CC인증을 받은 제품으로 납품하여야 함")
    assert f.status == "pass"
    assert "방화벽" in f.applies
    assert "CC인증" in quotes(f)
    for e in f.evidence:
        assert doc.text[e.start:e.end] == e.quote


def test_firewall_bought_without_conformity_is_missing():
    f, _ = check(HEADER, ["방화벽", "10G 포트 4개 이상", "2식"])
    assert f.status == "missing"
    assert "CC인증" in f.message and f.looked_for


def test_l3_switch_needs_the_security_function_certificate_not_only_cc():
    f, _ = check(HEADER, ["망연계 장비", "국정원 EAL4 CC인증", "1식"], ["백본 스위치", "L3, 정적/동적 라우팅, VRRP", "2대"])
    assert f.status == "missing"
    assert "보안기능 확인서" in f.message
    f, _ = check(HEADER, ["망연계 장비", "국정원 EAL4 CC인증", "1식"], ["백본 스위치", "L3, 정적/동적 라우팅, VRRP", "2대"],
                 "○ 네트워크 장비는 보안기능 확인서를 발급받은 제품이어야 함")
    assert f.status == "pass"


def test_cc_named_only_as_a_bidder_bonus_in_the_evaluation_does_not_count():
    f, _ = check(HEADER, ["방화벽", "10G 포트 4개 이상", "2식"], "Ⅴ. 제안서 평가 기준",
                 "○ 가점: 최근 3년간 정보보호시스템 인증(CC)을 획득한 경우 2점")
    assert f.status == "missing"


def test_switch_of_unstated_layer_needs_review():
    f, _ = check(HEADER, ["스위치", "400GbE 32포트", "1대"])
    assert f.status == "review"
    assert "L2/L3" in f.message


def test_l2_and_storage_switches_are_out_of_scope():
    f, _ = check(HEADER, ["SAN 스위치", "32Gb FC", "2대"], ["네트워크 스위치", "L2 스위치, 48포트", "2대"])
    assert f.status == "not_applicable", f.applies


def test_integration_with_existing_sso_is_not_a_purchase():
    f, _ = check("○ 구현되는 시스템은 기존 SSO와 연동하여 통합인증 기능을 구현해야 함")
    assert f.status == "not_applicable"


def test_given_fact_no_wins():
    f, _ = check(HEADER, ["방화벽", "10G", "2식"], given={**GIVEN, "네트워크장비": "no"})
    assert f.status == "not_applicable"
    assert "입력값" in f.applies


def test_switch_review_quotes_the_whole_item_row():
    f, doc = check(HEADER, ["스위치", "400GbE 32포트", "1대"])
    assert f.status == "review"
    assert "400GbE" in f.evidence[0].quote and "|" in f.evidence[0].quote
    assert doc.text[f.evidence[0].start:f.evidence[0].end] == f.evidence[0].quote


@pytest.mark.parametrize("line", [
    "○ 재택 근무자의 원격 접속을 위해 SSL VPN 장비 2대를 도입하여야 함",
    "○ 지사 간 연결을 위한 IPSec-VPN 장비 1식을 구매한다",
    "○ 악성코드 대응을 위해 EDR 솔루션 250 user를 신규 도입하여야 함",
    "○ 보안 이벤트 분석을 위한 SIEM 1식을 구매하여 설치한다",
    "○ 업무 메일 보호를 위한 스팸메일 차단 장비 1대를 납품하여야 함",
    # software items bought in a sentence (not an item table)
    "○ 통합 로그인을 위해 SSO 솔루션 라이선스를 구매하여 적용하여야 함",
    "○ 주민등록번호 보호를 위해 DB 암호화 제품을 신규 도입하여야 함",
    "○ 서버 접근제어 솔루션을 구매하여 운영 서버에 적용한다",
])
def test_security_products_bought_in_a_sentence_apply(line):
    f, _ = check(line)
    assert f.status == "missing", f.applies
    assert "정보보호시스템" in f.applies


def test_a_bought_sso_with_a_validated_crypto_module_passes():
    f, _ = check("○ 통합인증(SSO) 솔루션 1식을 도입하며, 해당 제품은 국가정보원 검증필 암호모듈을 탑재하여야 함")
    assert f.status == "pass", f.applies
    assert "검증필" in quotes(f)


@pytest.mark.parametrize("items", [
    # a checklist item that names security software without buying it
    ("○ 보안성 검토 항목: 서버 보안 툴 설치 여부, 계정 관리 적정성",),
    # a replacement left to another project
    ("○ 침입방지시스템(IPS) 교체는 차기 사업으로 추진할 예정이며 본 사업 범위에서 제외한다",),
    ("○ 방화벽 증설은 2027년 별도 사업으로 발주한다",),
    # an inventory of equipment the contract maintains
    ("□ 유지관리 대상 장비", ["구분", "장비명", "수량"], ["보안", "방화벽", "2"], ["네트워크", "L3 스위치", "4"]),
])
def test_checklists_excluded_purchases_and_maintained_inventories_do_not_apply(items):
    f, _ = check(*items)
    assert f.status == "not_applicable", f.applies


def test_a_new_item_in_a_maintained_inventory_still_applies():
    f, _ = check("□ 유지관리 대상 장비", ["구분", "장비명", "수량", "비고"], ["보안", "방화벽", "2", "기존"],
                 ["보안", "웹방화벽", "1", "신규 도입"])
    assert f.status == "missing"
    assert "웹방화벽" in f.applies


@pytest.mark.parametrize("name", ["sec01", "sec02", "sec03", "data01", "data02", "data03", "priv01", "proc01"])
def test_lexicon_patterns_do_not_start_with_a_caret(name):
    """Every pattern is searched or matched at a position of the whitespace-free view; with ``regex``
    a leading ``^`` matches only at the real start of the text, so such a pattern would never match."""
    from rfpcheck.checks.common import load_lexicon

    import regex

    anchored = regex.compile(r"^(?:\(\?:)*\^(?!\|)")  # "^…", "(?:^…" — not the alternative "(?:^|…)"
    lex = load_lexicon(name)
    bad = [(k, p) for k, ps in lex.data.get("patterns", {}).items() for p in ps if anchored.match(p)]
    assert not bad, bad
    assert anchored.match("^(?:이상)") and anchored.match("(?:^이상)") and not anchored.match("(?:^|[|:])\\d")
