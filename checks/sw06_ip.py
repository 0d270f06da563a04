"""SW사업 산출물의 지식재산권은 발주기관과 계약상대자가 공동으로 소유하는 것이 원칙이고(용역계약일반조건), 계약상대자가 산출물 반출을 요청하면 국가안보 등 사유가 없는 한 승인하여야 한다.

How the detector decides: each sentence (cut at list bullets) that states who owns the deliverables or
their IP is read as joint (공동소유, 지분 균등, or "용역계약일반조건에 따른다"), sole agency IP
(지식재산권·저작권 … 발주기관에 귀속/소유), or sole agency ownership of the deliverables without an IP
word (성과물·산출물 … 귀속), in any of the usual verbs (귀속된다, 소유한다, 갖는다, 보유한다, 발주처에 양도된다,
발주기관의 자산으로 한다, 발주기관 명의로 출원·등록한다). "모든 권리", "일체의 권리" count as the IP. The agency
is 발주기관 or a synonym, or its own name read off the cover and the project name ("나래군이 갖는다").
A key/value table row ("지식재산권 귀속 | 발주기관 단독 소유", "소유권 | 발주처") is read as one clause;
its key names the project's IP, and a value that says nothing (-, 해당없음) decides nothing. Third-party rights (상용SW, 라이선스, 원저작자), infringement clauses and
carve-outs from a joint rule (보안관련 산출물, "제1항에도 불구하고") are set aside. A 반출 route is the
contractor's right to ask for the deliverables to use its IP.

- joint and no sole IP clause → 적합; joint and a sole IP clause → 검토필요;
- sole IP with a 반출 route → 검토필요; sole IP (or all deliverables vested) and no route → 위반;
- deliverables vested in the agency, no IP word, with a 반출 route → 적합;
- a 반출 route alone (ownership left to the general terms) → 적합; nothing → 누락.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex

from rfpcheck.pipeline.model import Evidence

from .common import fact_how, load_lexicon, section_kind
from .context import CheckContext
from .registry import C, Rule
from .spans import clause_span, narrow_match, row_cells, row_clause

RULE = Rule(
    id='SW06',
    title='산출물 활용 보장(지식재산권 공동소유 · 반출)',
    requirement='산출물 지식재산권의 공동소유(또는 계약일반조건에 따름)와 계약상대자의 산출물 반출 요청·승인 절차',
    applies_when='모든 SW사업',
    forbidden='모든 지식재산권을 발주기관이 단독 소유하고 반출 경로가 없는 조항(공동소유 조항과 단독소유 조항이 함께 있으면 검토필요)',
    citations=[
        C('소프트웨어 진흥법', '제59조'),
        C('소프트웨어 진흥법 시행령', '제54조'),
        C('소프트웨어사업 계약 및 관리감독에 관한 지침', '제32조'),
        C('(계약예규) 용역계약일반조건', '제56조', '지식재산권 공동소유'),
    ],
    suggestion='본 사업의 산출물에 대한 지식재산권은 「(계약예규) 용역계약일반조건」 제56조에 따라 발주기관과 계약상대자가 공동으로 소유한다. 계약상대자는 지식재산권 행사를 위해 산출물의 반출을 서면으로 요청할 수 있으며, 발주기관은 「소프트웨어 진흥법 시행령」 제54조에 따른 사유가 없으면 30일 이내에 승인한다. 다만 제안요청서에 명시한 누출금지 정보는 반출 대상에서 제외한다.',
    examples_pass=['산출물의 지식재산권은 발주기관과 계약상대자가 공동으로 소유한다.', '계약상대자는 지식재산권의 활용을 위하여 SW산출물의 반출을 요청할 수 있다.'],
    examples_violation=['본 사업의 모든 산출물에 대한 지식재산권 및 소유권은 발주기관에 귀속된다.', '사업으로 인한 모든 성과물은 발주처에 귀속되며 계약상대자에게 반환하지 않는다.'],
)

_LEX = load_lexicon("sw06")
_RX = {key: _LEX.rx(key) for key in _LEX.data["patterns"] if key != "owner_predicate"}
_MAX = 2  # quotes per kind
_OWNERSHIP_WORD = regex.compile(r"소유|귀속|지식재산|지적재산|저작권")
# a key cell that names the project's IP or ownership ("지식재산권 귀속", "소유권"): its row speaks of
# the deliverables even without the word 산출물
_IP_KEY = regex.compile(r"^(?:산출물|성과물|결과물)?(?:의)?(?:지식재산권?|지적재산권|저작권|소유권|권리)(?:의)?(?:귀속|소유|관계|및소유권)?$")
# the deliverables named together with the supplied material ("산출물 및 발주기관이 제공한 자료의 소유권")
_DELIV_WITH = regex.compile(r"(?:산출물|성과물|결과물|계약목적물)(?:및|과|와|,|·|ㆍ)")
_PREDICATE_END = regex.compile(r"(?:다|함|음|됨|임|것)[.。]?$")
_ROW_MAX = 300


@dataclass
class _Clause:
    kind: str  # joint | terms | sole_ip | sole_product | route | denied
    ev: Evidence


def _compact(text: str) -> str:
    return "".join(text.split())


# -- the issuing agency's own name -------------------------------------------------------------------

# a name that ends like an institution ("서울특별시교육청", "○○진흥원", "○○공단", "○○대학교")
_INSTITUTION = regex.compile(
    r"[가-힣]{2,20}?(?:특별시|광역시|특별자치시|특별자치도|교육청|공사|공단|재단|(?:진흥|정보|개발|평가|연구|관리|교육|"
    r"기술|품질|의료|문화|보건|복지|인력|안전|환경|산업|과학|표준|시험|조달|보훈|재정|금융)원|연구소|대학교|병원|은행|"
    r"회의소|중앙회|협회|조합|센터|위원회|본부|(?:검찰|경찰|조달|국세|관세|병무|산림|특허|기상|통계|소방|질병관리|"
    r"농촌진흥|방위사업|해양경찰|문화재|국가유산|재외동포|새만금개발|우주항공)청)$")
# a local government ("나래군", "평택시", "강남구", "경상북도"): read only where the agency is named (a
# cover key, the title line, the project name), since many words end in 시·구·도
_LOCAL_GOV = regex.compile(r"^(?:[가-힣]{2,3}(?<!감|표|게|지|제|수|동|즉|상|도|개|일|전|적|당|명|무|착|임|중|연|요|창|출|입|"
                           r"추|탐|복|구|처|평|정|의|호|공|진|설|고|정)[시군구]|(?:경기|강원|충청[남북]|전라[남북]|경상[남북]|제주)도)$")
# person titles and generic words that end like an institution
_NOT_INSTITUTION = regex.compile(
    r"(?:책임|선임|수석|주임|전임|참여|위촉|객원)연구원$|^(?:사업본부|수행본부|지원센터|콜센터|데이터센터|전산센터|"
    r"운영센터|관제센터|상황센터|고객센터|위원회|평가위원회|심의위원회|제안서평가위원회)$")
_SHORT_NAME = regex.compile(r"(?:공사|공단|재단|병원|대학교|교육청|진흥원|연구원)$")
_COVER_KEY = regex.compile(r"(?:주관|발주|수요|사업관리|의뢰|전담|주최)(?:기관|처|부서)?\s*[|:：]\s*([^\n|]{2,60})")
_COVER_CHARS = 700
_TOKEN_SPLIT = regex.compile(r"[\s()（）\[\]「」『』<>【】“”\"'·,|:：]+")
_TOKEN_PREFIX = regex.compile(r"^(?:재단법인|사단법인|\(사\)|\(재\)|\d+년도?)")


def agency_names(doc) -> tuple[str, ...]:
    """The issuing agency's own names (whitespace-free), read off the cover ("주관기관 | ○○공단",
    "2024. 6. ○○진흥원", the title line) and the project name: the words an RFP also uses for itself
    in place of 발주기관."""
    toc = doc.toc_ranges[0][0] if doc.toc_ranges else len(doc.text)
    cover = doc.text[:min(_COVER_CHARS, toc)]
    named = [m.group(1) for m in _COVER_KEY.finditer(cover)]
    named += [cover.strip().split("\n", 1)[0] if cover.strip() else "", str(doc.facts.value("project_name") or "")]
    names: list[str] = []
    for src, local in [(x, True) for x in named] + [(cover, False)]:
        for tok in _TOKEN_SPLIT.split(src):
            tok = _TOKEN_PREFIX.sub("", tok)
            if not 3 <= len(tok) <= 20 or tok in names or _NOT_INSTITUTION.search(tok):
                continue
            if _INSTITUTION.match(tok) or (local and _LOCAL_GOV.match(tok)):
                names.append(tok)
    names = names[:6]
    # the type word an RFP also uses alone for its issuer ("새봄국립병원" → "병원", "○○공사" → "공사")
    for n in list(names):
        m = _SHORT_NAME.search(n)
        if m and len(n) > len(m.group(0)) and m.group(0) not in names:
            names.append(m.group(0))
    return tuple(names)


@lru_cache(maxsize=64)
def _owner_rx(names: tuple[str, ...]) -> "regex.Pattern":
    """The ownership predicates with AGENCY read as 발주기관 and its synonyms or the agency's own name."""
    alts = _LEX.patterns("agency") + [regex.escape(n) for n in names]
    agency = "(?:" + "|".join(alts) + ")"
    return regex.compile("|".join(f"(?:{p.replace('AGENCY', agency)})" for p in _LEX.patterns("owner_predicate")))


def _ownership(c: str, ip_key: bool = False, owner_rx: "Optional[regex.Pattern]" = None) -> Optional[str]:
    """joint | terms | sole_ip | sole_product | None for one whitespace-free clause; ``ip_key`` when
    the clause is a table row keyed by the project's IP ("지식재산권 귀속 | 발주기관 단독 소유");
    ``owner_rx`` the ownership predicates with the agency's own name."""
    rx = _RX
    ip = bool(rx["ip_word"].search(c))
    deliv = ip_key or bool(rx["deliverable_word"].search(c))
    if not (ip or deliv):
        return None
    c_joint = rx["joint_not"].sub("", c)
    if rx["joint"].search(c_joint):
        return "joint"
    if ip and rx["general_terms"].search(c) and not rx["joint_not"].search(c):
        return "terms"
    if not (owner_rx or _owner_rx(())).search(c):
        return None
    if "사용권" in c and not _OWNERSHIP_WORD.search(c.replace("사용권", "")):
        return None  # a right of use for the agency is not exclusive ownership
    if rx["not_agency_owner"].search(c) or rx["contractor_owner"].search(c) or rx["carve_out"].search(c):
        return None
    if not deliv:  # rights in something other than the project's deliverables (images, data supplied)
        return None
    sup = rx["supplied_subject"].search(c)
    if sup and not _DELIV_WITH.search(c, max(0, sup.start() - 16), sup.start()):
        return None  # the agency's own source data handed over for the work ("제공한 원천자료의 소유권")
    return "sole_ip" if ip else "sole_product"


def _row(doc, offset: int, c: str) -> Optional[tuple[int, int, str, bool]]:
    """A key/value table row read as one clause: (start, end, compact, keyed by IP) when the match
    stands in a short cell of a row with other cells; (0, 0, "", False) when the row's value says
    nothing (비해당, -); None when the clause is not such a cell."""
    if len(c) > 25 or _PREDICATE_END.search(c):
        return None
    rc = row_clause(doc, offset)
    if rc is None:
        return None
    key_cell, value, (rs, re_) = rc
    if not _compact(value):
        return 0, 0, "", False
    if re_ - rs > _ROW_MAX:
        return None
    cells = [_compact(b.text) for b in row_cells(doc, offset)]
    ip_key = any(_IP_KEY.match(x) for x in cells)
    return rs, re_, "|".join(cells), ip_key


def _scan(ctx: CheckContext) -> list[_Clause]:
    doc = ctx.doc
    out: list[_Clause] = []
    seen: set[tuple[int, bool]] = set()
    owner_rx = _owner_rx(agency_names(doc))
    for key in ("trigger", "export_route", "export_denied"):
        for m in ctx.finditer(_RX[key]):
            ms, me = narrow_match(doc, m.start, m.end, _RX[key])
            s, e = clause_span(doc, ms, me)
            c = _compact(doc.text[s:e])
            ip_key = False
            if key == "trigger":
                row = _row(doc, ms, c)
                if row is not None:
                    if not row[2]:
                        continue  # a heading cell whose value is empty
                    s, e, c, ip_key = row
            if (s, key == "trigger") in seen:
                continue
            seen.add((s, key == "trigger"))
            if section_kind(doc, s) in ("toc", "current"):
                continue
            if key == "trigger":
                kind = _ownership(c, ip_key, owner_rx)
            elif key == "export_route":
                kind = None if _RX["export_denied"].search(c) else "route"
            else:
                kind = "denied"
            if kind:
                while e > s and doc.text[e - 1].isspace():
                    e -= 1
                out.append(_Clause(kind, doc.evidence(s, e)))
    out.sort(key=lambda x: x.ev.start)
    return out


def _uniq(evs: list[Evidence]) -> list[Evidence]:
    """Evidence without repeats: a sentence that is both an ownership clause and a 반출 route is quoted once."""
    out: list[Evidence] = []
    for ev in evs:
        if all(ev.end <= x.start or ev.start >= x.end for x in out):
            out.append(ev)
    return out


def detect(ctx: CheckContext):
    clauses = _scan(ctx)
    by: dict[str, list[Evidence]] = {}
    for cl in clauses:
        lst = by.setdefault(cl.kind, [])
        if all(cl.ev.start != e.start and cl.ev.quote != e.quote for e in lst):
            lst.append(cl.ev)
    for lst in by.values():  # sentences before headings ("지식재산권 공동 귀속")
        lst.sort(key=lambda e: (len(_compact(e.quote)) < 25, e.start))
    joint = by.get("joint", []) + by.get("terms", [])
    sole_ip = by.get("sole_ip", [])
    sole_prod = by.get("sole_product", [])
    route = by.get("route", [])
    denied = by.get("denied", [])
    applies = f"공공 SW사업({fact_how(ctx.doc, 'public_sw_project')}) → 산출물 활용 보장은 모든 SW사업에 적용"

    if joint and sole_ip:
        return ctx.finding(
            RULE, "review",
            "지식재산권 공동소유 조항과 발주기관 단독소유 조항이 함께 있습니다. 어느 조항이 적용되는지(단독소유가 일부 산출물에 한정된 예외인지) 사람이 확인해야 합니다.",
            _uniq(joint[:_MAX] + sole_ip[:_MAX] + route[:1]), applies=applies)
    if joint:
        what = "지식재산권 공동소유" + ("와 산출물 반출 요청 절차가" if route else "가")
        return ctx.finding(RULE, "pass", f"{what} 명시되어 있습니다.", _uniq(joint[:_MAX] + route[:1]), applies=applies)
    if sole_ip:
        if route and not denied:
            return ctx.finding(
                RULE, "review",
                "지식재산권을 발주기관이 소유한다고 하면서 계약상대자의 산출물 반출 요청 절차를 두고 있습니다. 공동소유 원칙(용역계약일반조건)에 어긋나는지 사람이 판단해야 합니다.",
                _uniq(sole_ip[:_MAX] + route[:1]), applies=applies)
        return ctx.finding(
            RULE, "violation",
            "산출물의 지식재산권을 발주기관이 단독으로 소유하고 계약상대자의 반출·활용 경로가 없습니다. 지식재산권은 공동소유가 원칙이며 반출 요청 절차를 두어야 합니다.",
            _uniq((sole_ip + denied)[:4] + sole_prod[:1]), applies=applies)
    if sole_prod and not route:
        return ctx.finding(
            RULE, "violation",
            "사업 성과물·산출물 일체를 발주기관에 귀속시키면서 지식재산권 공동소유나 산출물 반출 경로를 두지 않았습니다.",
            _uniq((sole_prod + denied)[:4]), applies=applies)
    if route:
        return ctx.finding(
            RULE, "pass",
            "계약상대자의 산출물 반출 요청 절차가 명시되어 있습니다(지식재산권 귀속은 용역계약일반조건의 공동소유 원칙에 따름).",
            _uniq(route[:1] + sole_prod[:1]), applies=applies)
    if denied:
        return ctx.finding(
            RULE, "violation",
            "계약상대자의 산출물 반출·활용을 금지하면서 지식재산권 공동소유를 밝히지 않았습니다.",
            denied[:3], applies=applies)
    return ctx.finding(
        RULE, "missing",
        "산출물 지식재산권의 귀속(공동소유)과 계약상대자의 산출물 반출 요청 절차가 없습니다.",
        applies=applies,
        looked_for="'지식재산권 … 공동(으로) 소유', '용역계약일반조건에 따른다', '산출물의 반출을 요청할 수 있으며' 같은 문장")
