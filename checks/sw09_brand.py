"""요구사항과 규격은 기능·성능으로 적어야 하며, 특정 상표·규격·모델·제조사를 지정해서는 안 된다. 현행 시스템의 현황 설명, 기존 제품과의 연계, 전자정부 표준프레임워크 같은 정부 표준은 위반이 아니다. "동등 이상"이나 "등"을 붙인 예시는 검토가 필요하다.

How the detector reads a document:

1. Product, brand, model and vendor names come from ``lexicons/sw09.yaml`` (``terms``), matched on
   the original text. Languages, open standards and platforms every bidder can target (Java, Python,
   SQL, HTML5, Linux, Android, iOS, Windows as a client platform, web browsers) are not in the
   lexicon: naming them is a compatibility target, not a brand requirement. Distributions and
   editions made by one maker (Rocky Linux, Red Hat Enterprise Linux, Windows Server, Windows 11 Pro)
   are in it.
2. Each mention is placed: the section it stands in (현황, 추진배경, 평가, 제안서 작성 안내, 계약조건,
   요구사항), the table and its caption, and the sentence around it.
3. The sentence decides: a description of the existing system, an upgrade or extension of a product
   the agency already has, a connection to an existing product, a compatibility list, a file format,
   a benchmark, staff skills, a guideline title or an explicit alternative are not violations; "동등
   이상", "등", "같은" examples and brand-based 참가자격 are 검토필요; anything else that demands or
   specifies the product (도입·구매·납품·구축·적용, a model or version, a spec sheet) is 위반.
   Requiring bidders to hold a partner agreement with a named maker is 위반 even for a product the
   agency already owns.
4. 기존/현행 marks only the product right after it: in "기존 Tibero DB를 PostgreSQL 16으로 전환" Tibero is
   in place and PostgreSQL, the product moved to (also "신규 JEUS 8"), is a new demand. A version
   change of the same product stays an upgrade. Products of the systems a contract maintains
   ("유지관리 대상 시스템의 DBMS(…)") are existing; in a maintenance-only contract a list of products
   with no acquisition word names what is maintained, not what is bought.
5. A name the lexicon lacks but that reads like a product (a capitalised Latin name with a version or
   model number, "Keycloak 22") in a sentence that acquires or installs something is 검토필요 —
   never 위반 on its form alone. A lexicon name may carry its version glued on ("Oracle19c").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex

from rfpcheck.pipeline.model import Document, Evidence, Finding

from .common import kinds, load_lexicon, table_header
from .context import CheckContext
from .registry import C, Rule

RULE = Rule(
    id='SW09',
    title='특정규격(상표·모델) 명시 금지',
    requirement='요구사항·규격을 기능과 성능으로 기술하고 특정 상표·모델을 요구하지 않음',
    applies_when='모든 사업',
    forbidden='요구사항·규격에서 특정 상표·규격·모델·제조사 지정(예: "Oracle 19c 이상", "Cisco Catalyst 9300", "JEUS 8", "Xeon Gold 이상", 특정 제조사와의 파트너 계약 요구). 현행 시스템 설명, 기존 제품의 증설·연계는 제외',
    citations=[
        C('(계약예규) 정부 입찰·계약 집행기준', '제5조④', '특정 상표·모델 지정 금지; 2016년판 기준 조문'),
        C('지방자치단체 입찰 및 계약 집행기준', '특정 규격 지정 금지 조항', '지방자치단체 발주 시'),
    ],
    suggestion='DBMS는 관계형 데이터베이스로서 트랜잭션 처리 성능 ○○TPS 이상, 이중화(Active-Standby) 및 온라인 백업을 지원하여야 한다. (특정 제품명 대신 기능·성능 요건으로 기술하고, 불가피하게 예시할 때에는 "또는 동등 이상"을 붙이되 동등성 판단 기준을 함께 적는다.)',
    examples_pass=[
        '현행 시스템 현황: DBMS Oracle 11g, WAS JEUS 7 (현황 설명)',
        '기존에 보유한 챗봇 솔루션과 연동하여 상담 기능을 구현하여야 한다. (기존 제품과의 연계)',
    ],
    examples_violation=[
        'DBMS는 Oracle 19c 이상으로 구축하여야 한다.',
        'CPU : Intel Xeon Gold 이상, GPU : NVIDIA L40S 2개',
    ],
)

# Verdicts of one mention
VIOLATION, REVIEW, SKIP = "violation", "review", "skip"

# Categories whose products are open platforms or open data rather than one maker's product:
# naming them in a requirement is for a person to weigh (검토필요), not a violation by itself.
OPEN_CATEGORIES = ("open_platform",)

# Korean and English spellings of one product, for recognising the same product in two places.
_ALIASES = {
    "오라클": "oracle", "티베로": "tibero", "제우스": "jeus", "웹투비": "webtob", "톰캣": "tomcat",
    "알티베이스": "altibase", "큐브리드": "cubrid", "골디락스": "goldilocks", "우분투": "ubuntu",
    "쿠버네티스": "kubernetes", "엔비디아": "nvidia", "인텔": "intel", "제온": "xeon", "시스코": "cisco",
    "주니퍼": "juniper", "화웨이": "huawei", "포티넷": "fortinet", "시큐아이": "secui", "안랩": "ahnlab",
    "파이오링크": "piolink", "지니언스": "genians", "레노버": "lenovo", "브리티": "brity",
    "넥사크로": "nexacro", "웹스퀘어": "websquare", "카프카": "kafka", "마이크로소프트": "microsoft",
    "챗gpt": "chatgpt", "제미나이": "gemini", "하이퍼클로바": "hyperclova", "엑사원": "exaone",
    "랭체인": "langchain", "랭그래프": "langgraph", "코파일럿": "copilot", "오픈스트리트맵": "openstreetmap",
    "아래아한글": "아래한글", "mssql": "ms-sql", "msSQL": "ms-sql", "sqlserver": "ms-sql",
    "s/4hana": "sap", "saphana": "sap", "삼성에스디에스": "samsungsds", "삼성sds": "samsungsds",
}


def _key(term: str) -> str:
    k = "".join(term.split()).lower()
    return _ALIASES.get(k, k)


@lru_cache(maxsize=1)
def _lex():
    return load_lexicon("sw09")


@lru_cache(maxsize=1)
def _candidate_rx() -> "re.Pattern":
    """Every term, lower-cased and without spaces, as one plain alternation for the lower-cased
    compact view: a cheap first pass (literal alternations are fast in ``re``); each candidate is
    then confirmed on the original text with the lexicon's own term regexes."""
    terms = {"".join(t.split()).lower() for ts in _lex().data.get("terms", {}).values() for t in ts}
    return re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)))


@lru_cache(maxsize=None)
def _term_rx(cat: str) -> "regex.Pattern":
    """The terms of ``cat`` as one case-insensitive regex for the original text: a space in a term
    matches any spacing, an ASCII term never starts inside a longer ASCII word, and a term that ends
    in a letter may be followed by its version number ("Oracle19c", "RTX4090"), but not by a letter."""
    alts = []
    for t in sorted(_lex().terms(cat), key=len, reverse=True):
        body = r"\s*".join(regex.escape(p) for p in t.split())
        if t[:1].isascii() and t[:1].isalnum():
            body = r"(?<![A-Za-z0-9])" + body
        if t[-1:].isascii() and t[-1:].isalpha():
            body += r"(?![A-Za-z])"
        elif t[-1:].isascii() and t[-1:].isalnum():
            body += r"(?![A-Za-z0-9])"
        alts.append(body)
    return regex.compile("|".join(alts) or r"(?!)", regex.IGNORECASE)


@lru_cache(maxsize=None)
def _rx(name: str) -> "regex.Pattern":
    return _lex().rx(name)


# -- where a mention stands ----------------------------------------------------------------------

# Section-title classes (whitespace-free titles), checked from the deepest heading up.
_TITLE_CLASSES: list[tuple[str, "regex.Pattern"]] = [
    ("evaluation", regex.compile(
        r"평가(기준|항목|방법|방식|요소|절차|위원|표|지표|대상)|배점|심사|협상적격|기술능력|가격평가|제안서평가|제안평가")),
    ("current", regex.compile(
        r"^(?!.*(요구|목표|향후|to-?be|신규|도입)).*(현황|현행|as-?is|기존시스템|기존환경|운영환경|보유(장비|자원|현황|시스템|솔루션)|"
        r"구성현황|운영플랫폼|개발플랫폼|대상장비|대상시스템|유지관리대상|연계대상|시스템구성도)", regex.I)),
    ("background", regex.compile(
        r"추진배경|배경및|^배경|필요성|기대효과|추진방향|추진전략|비전|동향|추진경과|연혁|사업목적|목적및")),
    ("body", regex.compile(
        r"사업내용|사업범위|과업범위|과업내용|구축범위|요구사항|제안요청내용|도입장비|도입내역|사양|규격|제원|세부내용")),
    ("proposal", regex.compile(
        r"제안서(의)?작성|작성요령|작성방법|제안서목차|제안서구성|제출서류|제출방법|입찰참가|참가자격|"
        r"제안안내|입찰방식|입찰및계약|제안서제출|설명회|입찰공고")),
    ("contract", regex.compile(
        r"계약조건|특수조건|일반조건|하자|하도급|지식재산|손해배상|지체상금|대금지급|보안서약|청렴|확약서|각서|서약서")),
    ("purchase_plan", regex.compile(r"직접구매|분리발주")),
]
_TOBE_HEAD = regex.compile(r"(현행|현재|기존|as-?is).*(목표|향후|개선|to-?be|변경후|신규)|"
                           r"(목표|향후|to-?be|변경후|신규).*(현행|현재|기존|as-?is)", regex.I)
_SPEC_TITLE = regex.compile(
    r"사양|규격|제원|장비|구성요구|라이선스|라이센스|구매|도입|품목|모델|ECR|HWR|SWR|[HS]/?W|인프라|서버|스토리지",
    regex.I)


_REQ_TITLE = regex.compile(r"^[A-Z]{2,5}-?\d{1,4}")


def _title_class(title: str) -> Optional[str]:
    t = "".join(title.split())
    if _REQ_TITLE.match(t):
        return "body"  # a requirement item ("PSR-004 기존 시스템 운영 보장") states requirements
    for cls, rx in _TITLE_CLASSES:
        if rx.search(t):
            return cls
    return None


def section_class(doc: Document, offset: int) -> tuple[str, str]:
    """(class, titles joined) of the section path around ``offset``: toc | evaluation | current |
    background | proposal | contract | purchase_plan | body."""
    if doc.toc_ranges and doc.in_toc(offset):
        return "toc", ""
    sec = doc.section_at(offset)
    if sec is None:
        return "body", ""
    path = sec.path()
    titles = " > ".join(s.title for s in path)
    for node in reversed(path):
        cls = _title_class(node.title)
        if cls:
            return cls, titles
    return "body", titles


def _table_caption(doc: Document, offset: int, limit: int = 200) -> str:
    """Header row of the table around ``offset`` plus the line just before the table (its caption)."""
    b = doc.block_at(offset)
    if b is None or b.table is None:
        return ""
    i = b.index
    while i > 0 and doc.blocks[i - 1].table == b.table:
        i -= 1
    first = doc.blocks[i]
    before = doc.text[max(0, first.start - limit):first.start].rstrip()
    caption = before[before.rfind("\n") + 1:]
    header = table_header(doc, offset) or ""
    cells = [c.strip() for c in header.split(" | ")]
    if b.row != first.row and b.col is not None and len(cells) > 1 and _TOBE_HEAD.search("".join(header.split())):
        # a 현행 | 목표 comparison table: only the mention's own column says which side it is on
        header = cells[b.col] if b.col < len(cells) else ""
    return caption + "\n" + header


def _lead_in(doc: Document, start: int) -> str:
    """For a list line ("- 클라우드 환경 : …"), the line that introduces the list within its block."""
    b = doc.block_at(start)
    lo = b.start if b else 0
    text = doc.text
    line_start = text.rfind("\n", lo, start) + 1
    if line_start <= lo:
        line_start = lo
    line = text[line_start:start].lstrip()
    if not line[:1] or line[:1] not in "-·•‐–*▪":
        return ""
    pos = line_start - 1
    for _ in range(12):
        if pos <= lo:
            break
        prev_start = max(lo, text.rfind("\n", lo, pos) + 1)
        prev = text[prev_start:pos].strip()
        if prev and prev[:1] not in "-·•‐–*▪":
            return prev
        pos = prev_start - 1
    return ""


def _in_title_quote(doc: Document, start: int, end: int) -> bool:
    """Whether the mention sits inside a quoted document title (「챗GPT 등 … 가이드라인」)."""
    text = doc.text
    lo = max(0, start - 60)
    pre = text[lo:start]
    post = text[end:end + 80]
    for op, cl in (("「", "」"), ("｢", "｣"), ("『", "』"), ("“", "”"), ("\"", "\"")):
        i = pre.rfind(op)
        if i < 0 or cl in pre[i + 1:] and op != cl:
            continue
        j = post.find(cl)
        if j < 0:
            continue
        inner = "".join((pre[i + 1:] + text[start:end] + post[:j]).split())
        if op in "「｢『" or _rx("guideline_title").search(inner):
            return True
    return False


# -- one mention -------------------------------------------------------------------------------------


@dataclass
class Mention:
    start: int
    end: int
    term: str
    key: str
    category: str
    verdict: str = SKIP
    reason: str = ""
    sent: tuple[int, int] = (0, 0)


def _compact_slice(doc: Document, a: int, b: int) -> str:
    return "".join(doc.text[a:b].split())


def _mentions(doc: Document) -> list[Mention]:
    """Product names in ``doc.text``: candidates from the compact view, each confirmed by the
    lexicon's term regex (spacing, ASCII word boundaries) at the same place of the original text;
    the longest term of any category wins."""
    lex = _lex()
    cats = list(lex.data.get("terms", {}))
    compact = doc.compact.lower()
    cmap = doc.compact_map
    out: list[Mention] = []
    last_end = -1
    text = doc.text
    cand = _candidate_rx().finditer(compact) if len(compact) == len(cmap) else ()
    for c in cand:
        pos = cmap[c.start()]
        if pos < last_end:
            continue
        best: Optional[tuple[int, str]] = None
        for cat in cats:
            m = _term_rx(cat).match(text, pos)
            if m is not None and (best is None or m.end() > best[0]):
                best = (m.end(), cat)
        if best is None:
            continue
        end, cat = best
        term = text[pos:end]
        out.append(Mention(pos, end, term, _key(term), cat))
        last_end = end
    if len(compact) != len(cmap):
        for cat in cats:
            for m in _term_rx(cat).finditer(text):
                out.append(Mention(m.start(), m.end(), m.group(0), _key(m.group(0)), cat))
        out.sort(key=lambda x: x.start)
    return out


def _owned_right_before(pre: str) -> bool:
    """An 기존/현행 word in ``pre`` (the compact text just before a product name) that governs this
    very product: no other product name and no object, source or change word stands between them
    ("기존 Oracle DB" — yes; "기존 Tibero DB를 PostgreSQL" — not for PostgreSQL)."""
    window = pre[-24:]
    last = None
    for last in _rx("existing_before").finditer(window):
        pass
    if last is None:
        return False
    between = window[last.end():]
    return not (_rx("existing_break").search(between) or _candidate_rx().search(between.lower()))


def _migration_target(doc: Document, mt: "Mention", pre: str, post: str, sent_start: int) -> bool:
    """The product is where the project moves to ("기존 Tibero를 PostgreSQL 16으로 전환", "신규 JEUS 8로
    마이그레이션"): a new demand, unless the same product stands earlier in the sentence (a version
    change of the product already in place)."""
    if not (_rx("migration_target").match(post) or _rx("new").search(pre[-10:])):
        return False
    earlier = _compact_slice(doc, sent_start, mt.start).lower()
    return "".join(mt.term.split()).lower() not in earlier and mt.key not in earlier


SHAPE = "shape"  # the category of a name found by its form, not in the lexicon
_SHAPE_REASON = "상표 사전에 없으나 이름·버전 표기로 보아 제품명으로 보이는 이름"


def _shape_mentions(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """Names that look like a product by their form alone (a capitalised Latin name with a version or
    model number, "Proxmox VE 8") and that no lexicon term covers. They are only ever 검토필요."""
    taken = [(mt.start, mt.end) for mt in mentions]
    not_product = _rx("shape_not_product")
    out: list[Mention] = []
    for m in _rx("shape_name").finditer(doc.text):
        s, e = m.span()
        if any(a < e and s < b for a, b in taken):
            continue
        first = m.group("name").split()[0].split("-")[0]
        if not_product.match(first) or not_product.match(m.group("name").replace(" ", "")):
            continue
        out.append(Mention(s, e, m.group(0), m.group("name").lower(), SHAPE))
    return out


def _existing_sets(doc: Document, mentions: list[Mention]) -> tuple[set[str], set[str]]:
    """Products the document shows as already in place (현황, 기존/보유 …) and products the project
    upgrades or extends (전환, 업그레이드, 증설, 추가 도입 of an owned product)."""
    existing: set[str] = set()
    continuing: set[str] = set()
    for mt in mentions:
        cls, _ = section_class(doc, mt.start)
        s, e = doc.sentence_span(mt.start, mt.end)
        pre = _compact_slice(doc, max(s, mt.start - 40), mt.start)
        post = _compact_slice(doc, mt.end, min(e, mt.end + 40))
        sent = _compact_slice(doc, s, e)
        if cls != "current" and _migration_target(doc, mt, pre, post, s):
            continue  # the product moved to is not in place yet
        owned = _owned_right_before(pre) or cls == "current"
        if not owned and doc.block_at(mt.start) is not None and doc.block_at(mt.start).table is not None:
            owned = bool(_rx("current_caption").search("".join(_table_caption(doc, mt.start).split())))
        if not owned:
            lead = _lead_in(doc, mt.start)
            owned = bool(lead) and bool(_rx("current_lead").search("".join(lead.split())))
        if owned:
            existing.add(mt.key)
        if _rx("continuity").search(pre[-30:] + "|" + post[:30]) and (owned or _rx("owned_anywhere").search(sent)):
            existing.add(mt.key)
            continuing.add(mt.key)
    return existing, continuing


def _judge(doc: Document, mt: Mention, existing: set[str], continuing: set[str],
           names_in_sentence: int, consulting_only: bool) -> tuple[str, str]:
    """(verdict, reason) for one mention."""
    if doc.toc_ranges and doc.in_toc(mt.start):
        return SKIP, "목차"
    cls, titles = section_class(doc, mt.start)
    s, e = mt.sent
    sent = _compact_slice(doc, s, e)
    pre = _compact_slice(doc, max(s, mt.start - 40), mt.start)
    post = _compact_slice(doc, mt.end, min(e, mt.end + 40))
    near = pre[-24:] + "|" + post[:24]
    in_table = (doc.block_at(mt.start) is not None and doc.block_at(mt.start).table is not None)
    caption = "".join(_table_caption(doc, mt.start).split()) if in_table else ""

    if _rx("template").search(caption) or _template_near(doc, mt.start):
        return SKIP, "기술적용계획표 양식"
    if cls in ("evaluation", "background", "contract", "toc"):
        return SKIP, cls
    if cls == "current" or (caption and _rx("current_caption").search(caption)):
        return SKIP, "현황"
    if _rx("partner").search(sent):
        return VIOLATION, "특정 제조사와의 계약·협약 요구"
    if _rx("current_sentence").search(sent) and not _rx("obligation").search(sent) and not _TOBE_HEAD.search(sent):
        return SKIP, "현황(현행 시스템 설명 문장)"
    lead = _lead_in(doc, mt.start)
    if lead and _rx("current_lead").search("".join(lead.split())):
        return SKIP, "현황(목록 도입문)"
    if _in_title_quote(doc, mt.start, mt.end):
        return SKIP, "문서 제목"
    if _rx("narrative").search(sent) and not _rx("obligation").search(sent):
        return SKIP, "배경 설명"
    if _rx("leaving").search(sent):
        return SKIP, "종속 해소·지원 종료 설명"
    if _rx("skill").search(sent):
        return SKIP, "인력 기술 요건"
    if _rx("qualification").search(sent):
        return REVIEW, "참가자격에 특정 제품 실적 요구"
    if cls == "proposal" and not _rx("obligation").search(sent):
        return SKIP, "제안 안내"
    if _rx("gov_standard").search(sent):
        return SKIP, "정부 표준"
    if cls == "purchase_plan":
        return SKIP, "발주기관 직접구매 계획"
    if _rx("format").search(sent) or _rx("format_paren").match(post):
        return SKIP, "파일 형식"
    if (_rx("compat").search(sent) or _rx("compat_near").match(post)) and not _rx("built_on").match(post):
        return SKIP, "호환 대상"
    if _rx("benchmark").search(sent):
        return SKIP, "참조·비교 대상"
    if _rx("provided").search(sent):
        return SKIP, "발주기관 제공 환경"
    if _rx("alternative").search(sent):
        return SKIP, "대안 허용"
    example = bool(_rx("example_after").match(post) or _rx("example_before").search(pre[-12:]))
    target = _migration_target(doc, mt, pre, post, s)
    owned_here = not target and _owned_right_before(pre)
    if not target and _rx("maintained_object").search(sent) and not _rx("acquire").search(sent):
        return SKIP, "유지관리 대상 시스템(기존 제품)"
    if owned_here or (not target and _rx("continuity").search(near)
                      and (mt.key in existing or _rx("owned_anywhere").search(sent))):
        if _rx("maker_only").search(sent) and _rx("demand").search(sent):
            return REVIEW, "기존 제품 증설에 제조사 제품만 허용"
        return SKIP, "기존 제품(현행·증설·전환)"
    if _rx("interface").search(sent):
        if mt.key in existing or example or names_in_sentence >= 2:
            return SKIP, "기존 제품·예시와의 연계"
    if names_in_sentence >= 2 and not target:
        if _rx("supports").search(sent):
            return SKIP, "지원·호환 대상 목록"
        if example or _rx("example_before").search(sent) or _rx("example_after").search(post[:40].split("|")[0]) \
                or "등" in post[:40]:
            return SKIP, "여러 제품 예시"
        if not _each_demanded(pre, post):
            return REVIEW, "여러 특정 제품 나열"
    if _rx("equivalent").search(sent):
        return (SKIP if consulting_only else REVIEW), "동등 이상 허용"
    if example:
        return (SKIP if consulting_only else REVIEW), "예시(등)"
    if mt.key in continuing and not target and not _rx("new").search(pre[-20:]):
        return SKIP, "기존 제품의 전환·증설"
    stated = _rx("demand").search(sent) or target
    listed = _SPEC_TITLE.search("".join(titles.split())[-60:]) or (caption and _SPEC_TITLE.search(caption[-80:]))
    if not stated and not listed:
        return SKIP, "요구 아님"
    if consulting_only:
        return SKIP, "컨설팅 과업의 검토 대상"
    if mt.category in OPEN_CATEGORIES:
        return REVIEW, "공개 플랫폼·데이터 지정"
    if not stated:
        # a bare name in a spec table or list: an inventory of what exists or what is bought
        return REVIEW, "규격·장비 목록의 제품명(도입 대상인지 확인 필요)"
    if target:
        return VIOLATION, "기존 제품을 특정 제품으로 전환·교체 요구"
    return VIOLATION, "요구사항에 특정 제품 지정"


# a product named as the object of its own demand verb ("GitLab EE를 도입", "Jenkins로 구축"), not as one
# item of a list ("A, B 등", "A와 B를 도입")
_OWN_DEMAND = regex.compile(
    r"^[A-Za-z0-9.+\-]{0,12}(?:을|를|로|으로)(?:도입|구축|적용|사용|구성|설치|채택|전환|교체|구현)")
_LIST_JOINER = regex.compile(r"(?:[,，、·ㆍ/]|및|또는|혹은|와|과|나|이나)$")


def _each_demanded(pre: str, post: str) -> bool:
    """Whether a name in a sentence with other names is demanded by its own verb, not listed."""
    return bool(_OWN_DEMAND.match(post)) and not _LIST_JOINER.search(pre)


def _template_near(doc: Document, offset: int) -> bool:
    """Inside the 기술적용계획표 standard list (a bare standard name under an 적용계획/결과 header)."""
    b = doc.block_at(offset)
    if b is None or len(b.text) > 60:
        return False
    window = "".join(doc.text[max(0, offset - 5000):offset].split())
    return bool(_rx("template").search(window))


# -- the detector --------------------------------------------------------------------------------------


def _maintenance_only(doc: Document) -> bool:
    ks = set(kinds(doc))
    return "유지관리운영" in ks and not ks & {"SW개발", "HW인프라"}


def _consulting_only(doc: Document) -> bool:
    ks = set(kinds(doc))
    return bool(ks) and ks <= {"ISP컨설팅", "연구용역", "감리PMO"}


_MAX_EVIDENCE = 5
# reviews that only list products: in a maintenance contract such a list names what is maintained
_LIST_REASONS = ("여러 특정 제품 나열", "규격·장비 목록의 제품명(도입 대상인지 확인 필요)")
_JOINER = regex.compile(r"[\s:：]{0,4}$")


def assess(doc: Document) -> list[Mention]:
    """Every product mention of ``doc`` with its verdict (violation | review | skip) and reason."""
    mentions = _mentions(doc)
    existing, continuing = _existing_sets(doc, mentions)
    consulting = _consulting_only(doc)
    maintenance = _maintenance_only(doc)

    # distinct products per sentence: a maker and its product written together ("Intel Xeon Gold",
    # "NVIDIA L40S") are one product; several products in one sentence read as a list
    by_sent: dict[tuple[int, int], set[str]] = {}
    prev: Optional[Mention] = None
    group = ""
    for mt in mentions:
        mt.sent = doc.sentence_span(mt.start, mt.end)
        joined = (prev is not None and prev.sent == mt.sent
                  and _JOINER.match(doc.text[prev.end:mt.start]) is not None)
        if not joined:
            group = mt.key
        by_sent.setdefault(mt.sent, set()).add(group)
        prev = mt

    # names that only look like products: judged like the others, then at most 검토필요, and only in a
    # sentence that acquires or installs something
    shaped = _shape_mentions(doc, mentions)
    for mt in shaped:
        mt.sent = doc.sentence_span(mt.start, mt.end)
        verdict, reason = _judge(doc, mt, existing, continuing, len(by_sent.get(mt.sent, ())) + 1, consulting)
        if verdict == SKIP or maintenance or not _rx("shape_acquire").search(_compact_slice(doc, *mt.sent)):
            mt.verdict, mt.reason = SKIP, "형태 추정 이름(요구 아님)"
        else:
            mt.verdict, mt.reason = REVIEW, _SHAPE_REASON

    for mt in mentions:
        mt.verdict, mt.reason = _judge(doc, mt, existing, continuing, len(by_sent[mt.sent]), consulting)
        if not maintenance or _rx("acquire").search(_compact_slice(doc, *mt.sent)):
            continue
        # a maintenance contract names the stack it maintains; a new acquisition is still judged
        if mt.verdict == VIOLATION and mt.reason not in ("특정 제조사와의 계약·협약 요구", "기존 제품을 특정 제품으로 전환·교체 요구"):
            mt.verdict, mt.reason = REVIEW, "유지관리 대상 시스템의 제품 명시"
        elif mt.verdict == REVIEW and mt.reason in _LIST_REASONS:
            mt.verdict, mt.reason = SKIP, "유지관리 사업의 대상 제품 목록"
    return sorted(mentions + shaped, key=lambda x: x.start)


def detect(ctx: CheckContext) -> Finding:
    doc = ctx.doc
    applies = "모든 사업에 적용(특정 상표·모델 지정 금지)"
    mentions = assess(doc)

    def quotes(verdict: str) -> list[Evidence]:
        seen: set[str] = set()
        out: list[Evidence] = []
        for mt in mentions:
            if mt.verdict != verdict:
                continue
            e = ctx.evidence(mt.start, mt.end)
            if e.quote in seen:
                continue
            seen.add(e.quote)
            out.append(e)
        return out

    bad = quotes(VIOLATION)
    if bad:
        names = _names([mt for mt in mentions if mt.verdict == VIOLATION])
        return ctx.finding(
            RULE, "violation",
            f"요구사항·규격에서 특정 제품·제조사를 지정하고 있습니다({names}). 기능·성능 요건으로 바꾸거나 "
            f"불가피한 사유와 함께 \"동등 이상\"을 허용해야 합니다.",
            evidence=bad[:_MAX_EVIDENCE], applies=applies)
    soft = quotes(REVIEW)
    if soft:
        names = _names([mt for mt in mentions if mt.verdict == REVIEW])
        reasons = sorted({mt.reason for mt in mentions if mt.verdict == REVIEW})
        return ctx.finding(
            RULE, "review",
            f"특정 제품명이 요구사항에 나오지만({names}) {', '.join(reasons)}의 형태입니다. 동등 제품의 참여가 "
            f"실제로 가능한지, 기존 시스템과의 호환 등 지정 사유가 정당한지 담당자가 판단해야 합니다.",
            evidence=soft[:_MAX_EVIDENCE], applies=applies)
    ev: list[Evidence] = []
    for m in ctx.finditer(_rx("neutral_clause")):
        e = ctx.evidence(m.start, m.end)
        if all(x.start != e.start for x in ev):
            ev.append(e)
        if len(ev) >= 2:
            break
    named = sum(1 for mt in mentions if mt.reason not in ("기술적용계획표 양식", "목차") and mt.category != SHAPE)
    msg = "요구사항·규격에서 특정 상표·모델·제조사를 지정한 곳을 찾지 못했습니다."
    if named:
        msg += f" 제품명 {named}건은 현황 설명, 기존 제품과의 연계·전환, 호환 대상 또는 예시로 쓰였습니다."
    return ctx.finding(RULE, "pass", msg, evidence=ev, applies=applies)


def _names(ms: list[Mention], limit: int = 4) -> str:
    seen: list[str] = []
    for mt in ms:
        t = " ".join(mt.term.split())
        if t.lower() not in (x.lower() for x in seen):
            seen.append(t)
    more = f" 외 {len(seen) - limit}건" if len(seen) > limit else ""
    return ", ".join(seen[:limit]) + more
