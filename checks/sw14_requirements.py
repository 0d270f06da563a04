"""SW 개발사업의 요구사항은 유형별(기능, 성능, 인터페이스, 데이터, 테스트, 보안, 품질, 제약사항, 프로젝트 관리·지원)로 고유번호를 붙여 상세히 적어야 한다. "기타 발주기관이 요구하는 사항"처럼 범위를 열어두는 포괄 문구는 위반이다.

How the detector reads a document:

1. Applicability: SW 개발·구축(고도화, 홈페이지 구축 포함). A maintenance contract counts only when it
   carries development work (기능 요구사항 IDs or repeated 기능개선·개편 items); a purchase of a
   commercial product or service that barely mentions development, ISP/컨설팅 and research do not.
2. Catch-alls are searched on the whitespace-free view by family (``lexicons/sw14.yaml``): work not
   stated in the RFP but "needed" (명시되지 않은 사항이라도 필요한 사항은 수행), what the agency deems
   needed, "기타 … 요구하는 사항", "…에 필요한 기능 일체", scope settled later by 협의, scope that
   may grow (신규 요구사항 수용, 범위 변동), extra deliverables on demand, and changes of law or
   environment absorbed without a change procedure. A match must stay inside one sentence, and
   sentences that are legitimate in their own right are left out: a change procedure with
   과업심의·계약금액 조정, cost-only clauses ("일체의 비용"), fallback clauses ("기타 사항은 관련
   법령에 따른다"), contract-effect and definition clauses, IP ownership, schedules and meeting
   logistics.
3. Without a catch-all the rule passes when requirements carry IDs of several types (SFR, PER,
   SIR/INR, DAR, TER, SER, QUR, COR, PMR, PSR …): at least 8 IDs of 4 types, or 6 IDs of 5 types (a
   short but diverse requirement list); otherwise the requirements are 누락.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Iterator, Optional

import regex

from rfpcheck.pipeline.model import Document, Evidence, Finding

from .common import kinds, load_lexicon, row_text
from .context import CheckContext, Match
from .registry import C, Rule
from .sw09_brand import section_class

RULE = Rule(
    id='SW14',
    title='요구사항 상세화',
    requirement='요구사항을 유형별로 구분하고 고유번호·세부내용을 붙여 상세히 기술',
    applies_when='SW 개발·구축 사업(고도화·홈페이지 구축 포함, 개발이 포함된 유지관리 사업)',
    forbidden='범위를 열어두는 포괄 문구("기타 발주기관이 요구하는 사항", "…등 필요한 기능 일체", "협의하여 추가", "명시되지 않은 사항이라도 필요한 사항은 수행", "필요하다고 판단되는 사항은 제안범위에 포함")',
    citations=[
        C('소프트웨어 진흥법', '제44조②'),
        C('소프트웨어사업 계약 및 관리감독에 관한 지침', '제11조①', '별표2 상세 요구사항 분석·적용기준, 별지6 세부내용 작성표'),
    ],
    suggestion='요구사항은 기능(SFR), 성능(PER), 인터페이스(SIR), 데이터(DAR), 테스트(TER), 보안(SER), 품질(QUR), 제약사항(COR), 프로젝트 관리(PMR)·지원(PSR)으로 구분하고 각 항목에 고유번호, 정의, 세부내용, 산출정보를 적는다. 사업 범위는 이 요구사항에 한정하며, 추가 요구는 과업심의위원회의 과업변경 절차에 따른다.',
    examples_pass=['SFR-001 | 통합 로그인 기능 | 세부내용: …', '기타 이 과업지시서에 정하지 않은 사항은 용역계약 일반조건에 따른다.'],
    examples_violation=['기타 발주기관이 요구하는 사항', '업무 처리에 필요한 기능 일체', '명시되지 않은 사항이라도 사업 목적상 필요한 사항은 발주기관의 지시에 따라 수행하여야 한다.'],
)

# Catch-all families, strongest first (evidence is taken in this order)
FAMILIES = (
    ("unstated", "명시되지 않은 사항까지 과업에 포함"),
    ("agency_deems", "발주기관이 필요하다고 판단하는 사항을 과업에 포함"),
    ("etcetera", "\"기타 …\" 포괄 항목"),
    ("etcetera_cell", "\"기타 …\" 포괄 항목"),
    ("etcetera_item", "\"기타 … 필요한 사항\" 포괄 항목"),
    ("everything", "\"필요한 기능 일체\"식 포괄 범위"),
    ("extra_on_demand", "계획 외 산출물·요구사항의 추가 요구"),
    ("absorb_changes", "사업 중 변경 사항을 추가 절차 없이 과업에 흡수"),
    ("open_growth", "요구사항·범위의 변동·추가를 열어 둠"),
    ("agreed_later", "범위·기능을 사후 협의로 결정·추가"),
)

# Sentences that are legitimate whatever catch-all words they contain
_BENIGN_ALL = regex.compile(
    r"과업심의|과업변경심의|계약금액(을|의)?조정|용어의정의|정의되지아니한용어|정의되지않은용어|"
    r"지식재산|지적재산|저작권|소유권|분쟁|요구사항번호|페이지를기재|입찰에필요한|입찰에관하여|입찰에참가하고자|"
    r"평가항목|배점|가점|감점|개인정보처리위탁|개인정보의보호를위하여|표준개인정보"
)
# Legitimate when the sentence speaks of paying for or procedurally handling the change ("추가 비용 없이
# 반영" is the opposite: the change is absorbed at no cost)
_ADJUSTED = regex.compile(
    r"(비용|금액|대가|사업비)(?![^。]{0,4}없이)[^。중]{0,10}(변경|조정|반영|지급|증액)|기간(을|의|및|등을|,|등)[^。]{0,8}(변경|조정|연장)|"
    r"계약(을|내용을|의)?변경|"
    r"과업변경절차|변경절차에따라|승인을(얻어|받아)"
)
# Family-specific exclusions
_WORKPLACE = r"작업환경|기자재|사무기기|작업장소|근무장소|상주"
_BENIGN_FAMILY = {
    "unstated": regex.compile(r"효력|보안침해|열람"),
    "agreed_later": regex.compile(
        _WORKPLACE + r"|해석|일정|시기|장소|회의|보고회|교육(내용|일정|시기|과정|장소|인원|횟수)|양식|서식|목차|분량|글꼴|응답시간|"
        r"제안서(의)?내용|산출물(의)?(형식|양식|목록)|백업|계정|권한|정의서|명세서|설계서|계획서|보고서|결과서"),
    "open_growth": regex.compile(r"일정|평가|배점|협상대상자|교육"),
    "everything": regex.compile(r"비용|경비|인건비|금액|소요예산|부담|책임"),
    "etcetera": regex.compile(_WORKPLACE + r"|비용|경비|부담|물품|설명회|워크숍"),
    "etcetera_cell": regex.compile(_WORKPLACE + r"|비용|경비|부담|물품|설명회|워크숍"),
    "etcetera_item": regex.compile(_WORKPLACE),
}
# a proposal-guide line is a scope clause only when it obliges or permits something
_ACTION = regex.compile(r"하여야|해야|할것|수행|포함|응하|지원|반영|제출|추가|구현|구축|할수있|가능")
# agreed_later must be about scope, not about a number or a date
_SCOPE_NOUN = regex.compile(r"기능|범위|요구사항|과업|개발|서비스|메뉴|화면|콘텐츠|컨텐츠|연계|솔루션|커스터마이징|대상")

_DEV_KINDS = {"SW개발", "고도화", "홈페이지앱"}

_SENT_END = regex.compile(r"(?:다|함|음|임|됨|것|요|람)\s*[.。]")
_BULLET_START = regex.compile(r"^\s*(?:[-–·•▪○●◦❍ㅇㆍ※□■▶►▷◆◇◈❏❑➢✓*]|\d{1,2}[.)]|[가-하][.)]|\(\d{1,2}\)|[①-⑳])")
_LINE_END_SENTENCE = regex.compile(r"(?:다|함|음|임|됨|것|요|[.。:)])\s*$")


@lru_cache(maxsize=1)
def _lex():
    return load_lexicon("sw14")


def _one_sentence(doc: Document, s: int, e: int) -> bool:
    """Whether text[s:e] (a match mapped back from the compact view) stays inside one sentence:
    no sentence ending inside it, and no line break that starts a new item or ends a sentence."""
    t = doc.text[s:e]
    if _SENT_END.search(t[:-1] if len(t) > 1 else t):
        return False
    pos = t.find("\n")
    while pos >= 0:
        before = t[:pos]
        after = t[pos + 1:]
        if _LINE_END_SENTENCE.search(before) or _BULLET_START.match(after) or " | " in before[-3:]:
            return False
        pos = t.find("\n", pos + 1)
    return True


def _ends_sentence(doc: Document, end: int, sentence_end: int) -> bool:
    """Whether only punctuation, a verb of doing or nothing follows ``end`` up to the sentence end."""
    rest = "".join(doc.text[end:sentence_end].split())
    return bool(_ITEM_TAIL.fullmatch(rest))


def _ends_cell(doc: Document, end: int) -> bool:
    """Whether ``end`` is the end of a table cell (only punctuation or spaces follow in the cell)."""
    b = doc.block_at(max(0, end - 1))
    return b is not None and b.table is not None and not doc.text[end:b.end].strip(" .。)")


_ROLE_ROW = regex.compile(r"주관사업자|\|[·•ㆍ]?(계약상대자|사업자|발주기관|수요기관)|역할|담당부서|실무부서|추진체계|수행주체")
_ITEM_TAIL = regex.compile(r"[.。)\]]*|(?:을|를)?(?:지원|수행|포함|제공|처리)(?:함|한다|하여야함|하여야한다|해야함)?[.。]?")


def _dev_signals(doc: Document) -> tuple[int, int, int]:
    """(functional requirement IDs, 기능개선·개편 mentions, 개발 mentions) on the compact view."""
    c = doc.compact
    sfr = len(regex.findall(r"(?<![A-Za-z])(?:SFR|FUN)-?\d{1,4}", c))
    improve = len(regex.findall(r"기능(?:개선|개편|고도화|추가)|화면개편|메뉴개편", c))
    dev = c.count("개발")
    return sfr, improve, dev


def applicability(doc: Document) -> tuple[Optional[bool], str]:
    """(applies, Korean reason); applies is None when the project kind is unknown."""
    ks = set(kinds(doc))
    if not ks:
        return None, "사업유형을 문서에서 확인하지 못해 SW 개발·구축 사업인지 판단할 수 없습니다"
    shown = ", ".join(sorted(ks))
    sfr, improve, dev = _dev_signals(doc)
    dev_work = sfr >= 3 or improve >= 5
    if ks & _DEV_KINDS:
        if "상용SW구매" in ks and dev < 5 and sfr < 20:
            return False, f"사업유형 {shown}(추정)이나 '개발' 언급이 {dev}회뿐인 상용SW·서비스 도입 사업 → 해당없음"
        if "유지관리운영" in ks and not dev_work:
            return False, (f"사업유형 {shown}(추정)이나 기능 요구사항 번호와 기능개선 과업이 없는 운영·유지관리 중심 "
                           f"사업 → 해당없음")
        return True, f"사업유형 {shown}(추정) → SW 개발·구축 사업으로 적용"
    if "유지관리운영" in ks:
        if dev_work:
            return True, (f"사업유형 {shown}(추정)이나 기능 요구사항 {sfr}건·기능개선 언급 {improve}회로 개발 과업을 "
                          f"포함 → 적용")
        return False, f"사업유형 {shown}(추정): 개발 과업이 없는 운영·유지관리 사업 → 해당없음"
    return False, f"사업유형 {shown}(추정): SW 개발·구축 사업이 아님 → 해당없음"


_MAX_EVIDENCE = 5

# column titles of an evaluation table, and of a requirement table (which ends the search upwards)
_EVAL_HEAD_CELL = regex.compile(r"^(?:세부)?(?:평가항목|평가기준|평가요소|평가내용|배점|배점한도)(?:\(점\))?$")
_REQ_HEAD_CELL = regex.compile(r"^요구사항(?:고유)?(?:번호|명칭|ID|분류|명)$|^고유번호$")
_HEADER_ROWS_BACK = 80


def _in_evaluation_table(doc: Document, offset: int) -> bool:
    """The offset stands in a table (or the part of a table) whose nearest header row above names
    evaluation columns ("평가항목 | 평가기준 | 배점"): an evaluation item, even when the heading of the
    evaluation section was not recognised. A requirement-table header on the way up ends the search."""
    b = doc.block_at(offset)
    if b is None or b.table is None:
        return False
    blocks = doc.blocks
    i, rows, row = b.index, 0, b.row
    while i >= 0 and blocks[i].table == b.table:
        blk = blocks[i]
        if blk.row != row:
            rows += 1
            if rows > _HEADER_ROWS_BACK:
                return False
            row = blk.row
        c = "".join(blk.text.split())
        if _EVAL_HEAD_CELL.match(c):
            return True
        if _REQ_HEAD_CELL.match(c):
            return False
        i -= 1
    return False


def _evidence(ctx: CheckContext, start: int, end: int, limit: int = 220) -> Evidence:
    """The sentence around a match; a long sentence is cut to the clause around the match."""
    ev = ctx.evidence(start, end)
    if len(ev.quote) <= limit:
        return ev
    doc = ctx.doc
    a, b = doc.sentence_span(start, end)
    lo, hi = max(a, start - 80), min(b, end + 60)
    t = doc.text
    if lo > a:
        k = t.find(" ", lo, start)
        lo = k + 1 if k >= 0 else lo
    if hi < b:
        k = t.rfind(" ", end, hi)
        hi = k if k >= 0 else hi
    return doc.evidence(lo, hi)


def _sentence_matches(doc: Document, rx: "regex.Pattern") -> Iterator[Match]:
    """Matches on the compact view that stay inside one sentence of the original text. A match that
    runs across a sentence boundary is retried from the next character, so that a phrase is found
    even when a word of the previous line could start a longer, cross-sentence match."""
    compact = doc.compact
    pos = 0
    n = len(compact)
    while pos < n:
        m = rx.search(compact, pos)
        if m is None:
            return
        if m.end() <= m.start():
            pos = m.start() + 1
            continue
        s, e = doc.span_from_compact(m.start(), m.end())
        if doc.toc_ranges and doc.in_toc(s):
            pos = m.start() + 1
            continue
        if _one_sentence(doc, s, e):
            yield Match(s, e, m.groups(), m.start(), m.end())
            pos = m.end()
        else:
            pos = m.start() + 1


def catch_alls(ctx: CheckContext) -> list[tuple[str, Evidence]]:
    """Every catch-all sentence of the document as (family, evidence), strongest family first,
    one entry per sentence."""
    doc = ctx.doc
    lex = _lex()
    found: list[tuple[int, int, str, Evidence]] = []
    seen: set[int] = set()
    quotes: set[str] = set()
    for rank, (fam, _) in enumerate(FAMILIES):
        for m in _sentence_matches(doc, lex.rx(fam)):
            full = ctx.evidence(m.start, m.end)
            sent = "".join(full.quote.split())
            if _BENIGN_ALL.search(sent) or _ADJUSTED.search(sent):
                continue
            fb = _BENIGN_FAMILY.get(fam)
            if fb is not None and fb.search(sent):
                continue
            if fam == "agreed_later" and not _SCOPE_NOUN.search(sent):
                continue
            if fam == "etcetera_cell" and not _ends_cell(doc, m.end):
                continue  # "기타 발주기관이 요구하는" must end its table cell
            if fam == "etcetera_item" and (not _ends_sentence(doc, m.end, full.end) or _ROLE_ROW.search(
                    "".join(row_text(doc, m.start).split()))):
                continue  # "기타 필요한 사항은 관계 법령에 따른다" goes on; a role table lists duties
            cls, _ = section_class(doc, m.start)
            if cls == "evaluation" or (cls == "proposal" and not _ACTION.search(sent)):
                continue  # an evaluation item or a proposal-outline topic, not a scope clause
            if _in_evaluation_table(doc, m.start):
                continue  # a row of an evaluation table whose section heading was lost
            if full.start in seen or full.quote in quotes:
                continue
            seen.add(full.start)
            quotes.add(full.quote)
            found.append((rank, full.start, fam, _evidence(ctx, m.start, m.end)))
    found.sort(key=lambda x: (x[0], x[1]))
    return [(fam, ev) for _, _, fam, ev in found]


_REQ_TYPES = {
    "SFR": "기능", "FUN": "기능", "PER": "성능", "SIR": "인터페이스", "INR": "인터페이스", "UIR": "인터페이스",
    "DAR": "데이터", "TER": "테스트", "SER": "보안", "QUR": "품질", "COR": "제약", "CNR": "제약",
    "PMR": "프로젝트관리", "PSR": "프로젝트지원", "ECR": "시스템장비", "SYR": "시스템", "MAR": "유지관리",
    "MHR": "유지관리인력", "MPR": "유지관리", "CSR": "컨설팅", "ADR": "분석", "UAR": "사용자", "PLR": "기획",
    "DER": "디자인", "SAR": "보안", "TSR": "기술", "SOR": "운영", "STR": "표준", "ESR": "환경", "CUR": "고객",
}


def requirement_types(ctx: CheckContext) -> tuple[Counter, Optional[Evidence]]:
    """Requirement IDs by prefix, and the first ID as evidence."""
    counts: Counter = Counter()
    first: Optional[Evidence] = None
    for m in ctx.finditer(_lex().rx("req_id")):
        pref = regex.match(r"[A-Z]+", ctx.doc.compact[m.compact_start:m.compact_end])
        if pref is None:
            continue
        counts[pref.group(0)] += 1
        if first is None:
            first = ctx.evidence(m.start, m.end)
    return counts, first


def detect(ctx: CheckContext) -> Finding:
    doc = ctx.doc
    ok, why = applicability(doc)
    if ok is False:
        return ctx.not_applicable(RULE, why)
    hits = catch_alls(ctx)
    if hits:
        fams = []
        for fam, _ in hits:
            label = dict(FAMILIES)[fam]
            if label not in fams:
                fams.append(label)
        evidence = [ev for _, ev in hits[:_MAX_EVIDENCE]]
        msg = (f"과업 범위를 열어 두는 포괄 문구가 {len(hits)}곳 있습니다({', '.join(fams[:3])}). 추가·변경 요구는 "
               f"요구사항에 특정하거나 과업심의위원회의 과업변경 절차(계약금액·기간 조정)로 다뤄야 합니다.")
        if ok is None:
            msg += f" 다만 {why}."
            return ctx.finding(RULE, "review", msg, evidence=evidence, applies=why)
        return ctx.finding(RULE, "violation", msg, evidence=evidence, applies=why)
    counts, first = requirement_types(ctx)
    types = {_REQ_TYPES.get(p, p) for p, n in counts.items() if n >= 1}
    total = sum(counts.values())
    if ok is None:
        return ctx.finding(RULE, "review", f"{why}. 포괄 문구는 찾지 못했습니다.", applies=why)
    if (len(types) >= 4 and total >= 8) or (len(types) >= 5 and total >= 6):
        shown = ", ".join(f"{p} {n}" for p, n in counts.most_common())  # every ID family present
        return ctx.finding(
            RULE, "pass",
            f"요구사항이 유형별 고유번호로 구분되어 있고({shown}), 범위를 열어 두는 포괄 문구를 찾지 못했습니다.",
            evidence=[first] if first else [], applies=why)
    return ctx.finding(
        RULE, "missing",
        "요구사항을 유형별(기능·성능·인터페이스·데이터·테스트·보안·품질·제약·관리·지원)로 구분하고 고유번호를 붙인 "
        "상세 요구사항을 찾지 못했습니다.",
        applies=why,
        looked_for="요구사항 고유번호(SFR-001, PER-001, SER-001 등)가 붙은 유형별 상세 요구사항, 요구사항 총괄표·세부내용 작성표")
