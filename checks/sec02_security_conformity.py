"""네트워크 장비(L3 이상 스위치, 라우터, 보안기능이 있는 L2)나 정보보호시스템(방화벽, IPS, VPN, 망연계, SSO, 백신 등)을 도입하는 사업은 보안적합성 검증(CC인증, 보안기능 확인서, 검증필 제품목록 등재)을 요구하여야 한다. 도입 여부는 품목표(수량)·장비 규격·구매 문장으로 판단하며, 누출금지 목록의 '라우터·스위치 설정정보', 사업자 PC의 백신, 기존 장비와의 연동, 클라우드로 임차하는 보안 서비스, 별도 사업·향후 도입으로 본 사업에서 뺀 장비, '유지관리 대상 장비' 같은 보유 장비 목록은 도입으로 보지 않는다. 문장 속 보안 소프트웨어(SSO·DB암호화 솔루션 등)는 도입·구매 같은 동사가 있어야 도입이다. 정보보호시스템은 CC인증·보안기능 확인서·검증필 암호모듈 중 하나로, L3 이상 네트워크 장비는 보안기능 확인서(보안적합성 검증)로 충족되며, 계층이 적히지 않은 스위치는 검토필요로 둔다."""
from __future__ import annotations

import regex

from rfpcheck.pipeline.model import Finding

from . import _must_state as ms
from .common import load_lexicon, row_text, section_kind, table_header
from .context import CheckContext, Match
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


# -- detector ------------------------------------------------------------------------------------


def _purchases(ctx: CheckContext, lex) -> dict[str, list[Match]]:
    """Bought items by class: 'secprod' (정보보호시스템), 'net_l3' (L3 이상 네트워크 장비) and
    'switch' (스위치, 계층 미상). Only item lists, specification tables and purchase sentences count —
    never 누출금지 lists, 현황 descriptions, the 기술적용계획표, lists of product types, the contractor's
    own PCs, rented cloud services or clauses that merely use a device."""
    doc = ctx.doc
    s = doc.compact
    qty, verb, use, ectx = lex.rx("quantity"), lex.rx("purchase"), lex.rx("use_only"), lex.rx("equipment_context")
    l2, noun, own = lex.rx("l2_only"), lex.rx("product_noun"), lex.rx("own_environment")
    types, rental = lex.rx("type_list"), lex.rx("rental")
    strict, excluded = lex.rx("strict_purchase"), lex.rx("excluded")
    out: dict[str, list[Match]] = {"secprod": [], "net_l3": [], "switch": []}
    seen: set[int] = set()
    for key in ("net_l3", "secprod", "secsoft", "endpoint", "switch", "net_item"):
        for m in ms.find(ctx, lex.rx(key), skip_kinds=("toc", "current", "evaluation", "proposal_guide"),
                         skip_leak_list=True, skip_law_list=True, limit=60):
            if m.compact_start in seen:
                continue
            lo12, hi14 = ms.window(doc, m, 12, 14)
            left, right = s[lo12: m.compact_start], s[m.compact_end: hi14]
            if use.search(left) or use.search(right):
                continue  # 기존 장비를 쓰거나 연동만 함
            if own.search(s, ms.window(doc, m, 30, 0)[0], m.compact_start):
                continue  # 사업자 PC·작업장 보안
            if types.search(s, max(0, m.compact_start - 400), m.compact_end + 40):
                continue  # 보안기능 확인서 필수제품 유형군 같은 목록
            if rental.search(s, max(0, m.compact_start - 600), m.compact_start):
                continue  # 클라우드 서비스로 임차하는 보안 서비스
            if key == "switch" and l2.search(s, *ms.window(doc, m, 6, 20)):
                continue  # L2·SAN 스위치는 대상이 아님
            sent = ms.sentence_compact(ctx, m)
            if excluded.search(sent):
                continue  # "방화벽 교체는 별도 사업으로 추진 … 본 사업 범위에서 제외"
            b = doc.block_at(m.start)
            in_item_table = False
            if b is not None and b.table is not None:
                row = "".join(row_text(doc, m.start).split())
                header = "".join((table_header(doc, m.start) or "").split())
                cell = "".join(b.text.split())
                in_item_table = len(cell) <= 40 and bool(
                    qty.search(row) or regex.search(r"수량|규격|품명|품목|장비명|제품명", header))
                if in_item_table and _inventory_table(doc, b, lex) and not strict.search(row):
                    continue  # "유지관리 대상 장비" 표: 보유 장비 목록이지 구매 품목이 아님
            if not in_item_table and regex.search(r"요구사항명칭\|?[^|]{0,8}$", s[max(0, m.compact_start - 20): m.compact_start]) \
                    and ectx.search(s, max(0, m.compact_start - 80), m.compact_start):
                in_item_table = True  # 장비 요구사항(ECR)의 이름
            if not in_item_table and regex.match(r"[,:：(]?\s*(?:수량)?[:：]?\s*\d+(?:식|대|EA|ea|set|SET|개)", s[m.compact_end: ms.window(doc, m, 0, 15)[1]]):
                in_item_table = True  # "L4스위치, 수량: 2식"
            if key == "net_item":
                # an item row named just "네트워크(장비)" with a quantity: a switch of unstated layer
                bought = in_item_table and "".join(b.text.split()) in ("네트워크", "네트워크장비")
            elif key == "endpoint":
                bought = in_item_table
            elif key == "secsoft":
                # in a sentence, a software item ("SSO 솔루션", "DB 암호화 제품") is bought only with a
                # purchase verb; "서버 보안 툴 설치" in a checklist is not a purchase
                named = bool(noun.match(s, m.compact_end)) or bool(_PRODUCT_END.search(s, m.compact_start, m.compact_end))
                bought = in_item_table or named and bool(strict.search(sent))
            else:
                bought = in_item_table or bool(verb.search(s, m.compact_end, ms.window(doc, m, 0, 12)[1]))
                if not bought and ectx.search(s, max(0, m.compact_start - 250), m.compact_start):
                    bought = len(sent) < 200 and bool(verb.search(sent))
            if not bought:
                continue
            seen.add(m.compact_start)
            out["secprod" if key in ("secsoft", "endpoint") else "switch" if key == "net_item" else key].append(m)
    # a switch whose specification shows 3계층 기능 (라우팅, VRRP, L3 …) is L3 equipment
    l3f = lex.rx("l3_feature")
    for m in list(out["switch"]):
        if l3f.search(s, max(0, m.compact_start - 20), m.compact_end + 600):
            out["switch"].remove(m)
            out["net_l3"].append(m)
    if out["net_l3"] and out["switch"]:
        # the same switch listed in the scope table and specified (with 라우팅 etc.) elsewhere
        out["net_l3"].extend(out["switch"])
        out["switch"] = []
    return out


# a software item whose name already ends in a product noun ("접근제어 솔루션", "통합인증 시스템")
_PRODUCT_END = regex.compile(r"(?:솔루션|시스템|제품)$")


def _inventory_table(doc, b, lex) -> bool:
    """Whether the table holding block ``b`` lists equipment already owned ("4. 유지관리 대상 장비",
    "보유 장비 현황"): by the title of its section or the caption line just above the table."""
    title_rx = lex.rx("inventory_title")
    sec = doc.section_at(b.start)
    if sec is not None and title_rx.search("".join(sec.title.split())):
        return True
    i = b.index
    while i > 0 and doc.blocks[i - 1].table == b.table:
        i -= 1
    if i > 0:
        cap = doc.blocks[i - 1]
        if cap.table is None and len(cap.text) <= 80 and title_rx.search("".join(cap.text.split())):
            return True
    return False


def _label(doc, ms_list) -> str:
    """The item names as written, without repeats ("망연계" and "망연계 장비" are one item)."""
    names: list[str] = []
    for m in ms_list:
        t = " ".join(doc.text[m.start:m.end].split())
        key = t.replace(" ", "")
        if any(key in n.replace(" ", "") or n.replace(" ", "") in key for n in names):
            continue
        names.append(t)
    return ", ".join(names[:4])


def detect(ctx: CheckContext) -> Finding:
    doc = ctx.doc
    lex = load_lexicon("sec02")
    fact = doc.facts.get_fact("buys_network_or_security_equipment")
    if fact.source == "given" and fact.value == "no":
        return ctx.not_applicable(RULE, "네트워크 장비·정보보호시스템 도입 없음(입력값) → 해당없음")
    bought = _purchases(ctx, lex)
    if not any(bought.values()):
        if fact.source == "given" and fact.value == "yes":
            bought_desc = "네트워크 장비·정보보호시스템 도입(입력값)"
        else:
            return ctx.not_applicable(
                RULE, "도입 품목·장비 규격에서 L3 이상 네트워크 장비나 정보보호시스템(방화벽·IPS·VPN·망연계·SSO 등)을 "
                      "찾지 못함 → 해당없음")
    else:
        parts = []
        if bought["secprod"]:
            parts.append("정보보호시스템(" + _label(doc, bought["secprod"]) + ")")
        if bought["net_l3"]:
            parts.append("L3 이상 네트워크 장비(" + _label(doc, bought["net_l3"]) + ")")
        if bought["switch"]:
            parts.append("계층 미상 네트워크 장비(" + _label(doc, bought["switch"]) + ")")
        bought_desc = ", ".join(parts) + " 도입"
    applies = bought_desc + " → 적용"
    # the 기술적용계획표 rows on 보안기능 확인서 count; an evaluation table's 가점 for a bidder's CC does not
    conf = [m for m in ms.find(ctx, lex.rx("conformity"), skip_template=False, skip_law_list=False,
                               skip_kinds=("toc",), skip_leak_list=True, limit=40)
            if ms.in_template(doc, m.compact_start) or section_kind(doc, m.start) not in ("evaluation", "current")]
    netconf = [m for m in conf if lex.rx("net_conformity").match(doc.compact, m.compact_start)]
    needs_any = bool(bought["secprod"]) or not any(bought.values())
    missing_parts = []
    if needs_any and not conf:
        missing_parts.append("정보보호시스템의 CC인증·보안기능 확인서·검증필 암호모듈")
    if bought["net_l3"] and not netconf:
        missing_parts.append("L3 이상 네트워크 장비의 보안기능 확인서(보안적합성 검증)")
    looked = "CC인증, 보안기능 확인서, 보안적합성 검증, 검증필 암호모듈·국가정보원 검증 제품 요구 (누출금지 목록 제외)"
    if missing_parts:
        return ctx.finding(
            RULE, "missing",
            f"{bought_desc} 사업인데 " + ", ".join(missing_parts) + " 요구가 없습니다.",
            applies=applies, looked_for=looked,
        )
    if bought["switch"] and not netconf:
        return ctx.finding(
            RULE, "review",
            f"네트워크 장비({_label(doc, bought['switch'])})를 도입하지만 계층(L2/L3)이 명시되지 않았고 보안기능 확인서 요구가 "
            "없습니다. L3 이상 또는 보안기능이 있는 L2 스위치이면 보안적합성 검증(보안기능 확인서)을 요구해야 합니다.",
            ms.quotes(ctx, bought["switch"][:1] + conf[:1], 2, rows=True), applies=applies,
        )
    ev = ms.quotes(ctx, (netconf[:1] if bought["net_l3"] or bought["switch"] else []) + conf[:2], 3)
    return ctx.finding(RULE, "pass", "도입 제품에 보안적합성 검증(CC인증·보안기능 확인서·검증필 암호모듈 등)을 요구합니다.",
                       ev, applies=applies)
