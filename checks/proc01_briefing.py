"""추정가격(부가가치세 제외) 20억원 이상 사업은 제안요청 설명회의 일시·장소(또는 온라인 방식)를 밝혀야 한다. 제안서 접수 후 입찰자가 하는 제안설명회(발표·평가)는 설명회가 아니다. 설명회를 열지 않는다는 문장과 일시·장소를 '추후 통보'로 미룬 문장은 20억원 이상이면 누락이다('일시'·'장소'라는 낱말만으로는 밝힌 것이 아님). 국가·지방계약법 시행령은 설명회를 열 수 있게 하고, 20억원 이상 의무는 정보시스템 구축·운영 지침에 근거한 기준이다. 사업금액을 읽지 못하거나 20억~22억원 사이에서 부가세 포함 여부를 알 수 없으면 검토필요."""
from __future__ import annotations

from typing import Optional

import regex

from rfpcheck.pipeline.model import Finding

from . import _must_state as ms
from .common import load_lexicon, won
from .context import CheckContext, Match
from .gates import previous_project_mention
from .registry import C, Rule

RULE = Rule(
    id='PROC01',
    title='제안요청 설명회',
    requirement='제안요청 설명회 일시·장소(또는 온라인 개최 방법)',
    applies_when='추정가격 20억원 이상',
    forbidden='',
    citations=[
        C('국가를 당사자로 하는 계약에 관한 법률 시행령', '제43조⑤'),
        C('지방자치단체를 당사자로 하는 계약에 관한 법률 시행령', '제43조⑥'),
        C('행정기관 및 공공기관 정보시스템 구축·운영 지침', '제28조', '2013년판 기준 조문'),
    ],
    suggestion='제안요청 설명회는 20△△년 ○월 ○일 14:00 발주기관 ○층 회의실(온라인 병행: 접속 주소는 공고문 참조)에서 개최하며, 참석 여부는 입찰참가자격에 영향을 주지 않는다.',
    examples_pass=['제안설명회: 2025. 3. 10.(월) 14:00, 본관 3층 대회의실'],
    examples_violation=[],
)


# -- detector ------------------------------------------------------------------------------------

_THRESHOLD = 2_000_000_000  # 추정가격 (부가가치세 제외)


def _estimated_price_gate(doc) -> tuple[Optional[bool], str]:
    """Whether 추정가격 (VAT 제외) ≥ 20억: (True/False, reason) or (None, reason) when unreadable."""
    f = doc.facts.get_fact("budget_krw")
    if not f.known:
        return None, "사업금액(추정가격)을 문서에서 확인하지 못해 20억원 기준 적용 여부를 판단할 수 없음"
    how = "입력값" if f.source == "given" else "추정"
    vat = doc.facts.value("budget_vat") or f.extra.get("vat") or "unknown"
    # the amount as written (VAT as stated); budget_krw is that amount with VAT added when 별도
    stated = doc.facts.value("budget_stated_krw") or f.extra.get("stated_krw") or int(f.value)
    if vat == "excluded":
        est = int(stated)
        return est >= _THRESHOLD, f"추정가격 {won(est)}(부가세 별도, {how}) {'≥' if est >= _THRESHOLD else '<'} 20억원"
    incl = int(stated)
    est = int(round(incl / 1.1))
    if vat == "included":
        ok = est >= _THRESHOLD
        if how == "입력값" and f.extra.get("vat_assumed") is not False:
            # a given amount is taken as VAT-included unless it says 별도; it need not have said 포함
            basis = "입력값, 부가세 별도 표시가 없어 부가세 포함으로 간주"
        else:
            basis = f"부가세 포함, {how}"
        return ok, f"사업금액 {won(incl)}({basis}) → 추정가격 약 {won(est)} {'≥' if ok else '<'} 20억원"
    if incl < _THRESHOLD:
        return False, f"사업금액 {won(incl)}({how}) < 20억원"
    if est >= _THRESHOLD:
        return True, f"사업금액 {won(incl)}({how}) — 부가세를 빼도 추정가격 약 {won(est)} ≥ 20억원"
    return None, (f"사업금액 {won(incl)}({how})의 부가세 포함 여부를 알 수 없어 추정가격이 20억원 이상인지 "
                  "판단할 수 없음")


_FUNCTION_NAME = regex.compile(r"(?:여부|기능|선택|참여여부|관리|등록)")
_NAME_ONLY = regex.compile(r"[:：)\]」』>·\-–]*(?:개최|개최안내|안내|일정|개요|일시및장소)?[:：]?")


def _briefings(ctx: CheckContext, lex) -> tuple[list, list, list]:
    """(agency briefings with when/where, statements that no briefing is held, briefings named
    without when/where — "일시 및 장소는 추후 통보").

    Every test reads the line (or table row) the name stands in, never the next heading or the next
    schedule row ("제안서 평가 | 4. 25."); only a name standing alone on its line ("□ 사업 설명회") takes
    its details from the lines under it, up to the next heading."""
    doc = ctx.doc
    s = doc.compact
    details, pres, agency = lex.rx("details"), lex.rx("presentation"), lex.rx("agency")
    nheld, later = lex.rx("not_held"), lex.rx("later")
    heads = sorted(x.start for x in doc.all_sections)
    held, named = [], []
    for key in ("briefing", "ambiguous"):
        for m in ms.find(ctx, lex.rx(key), skip_kinds=("toc", "evaluation"), skip_law_list=False, limit=40):
            la, lb = ms.line_compact(doc, m.start, wrapped=False)
            before = s[max(la, m.compact_start - 15): m.compact_start]
            after = s[m.compact_end: lb]
            if pres.search(before) or pres.search(after[:60]):
                continue  # 입찰자의 제안 발표(평가)
            if previous_project_mention(doc, m):
                continue  # 이전 단계 사업의 설명회 (추진 경과)
            if _FUNCTION_NAME.match(after):
                continue  # 전자조달 시스템의 '현장설명회 여부' 같은 기능 이름
            if nheld.search(s, m.compact_start, min(lb, m.compact_end + 40)):
                continue  # "제안요청 설명회: 본 제안요청서로 갈음"
            if key == "ambiguous" and not agency.search(s, max(la, m.compact_start - 60), min(lb, m.compact_end + 150)) \
                    and not _agency_below(doc, s, m, lb, agency):
                continue  # "제안설명회" without a sign that the agency explains the RFP
            if later.search(after):
                named.append(m)  # "설명회 일시 및 장소는 추후 통보함"
                continue
            d = details.search(s, m.compact_end, lb)
            if d is None and _NAME_ONLY.fullmatch(after):
                d = _details_below(doc, m, heads, details, pres, later)
            if d is None:
                named.append(m)
                continue
            held.append(m)
            ds, de = doc.span_from_compact(d.start(), d.end())
            held.append(Match(ds, de, (), d.start(), d.end()))
    none = ms.find(ctx, lex.rx("not_held"), skip_kinds=("toc",), skip_law_list=False, limit=5)
    return held, none, named


# a line under the briefing's name that belongs to another step of the procurement
_OTHER_STEP = regex.compile(r"제출|접수|마감|평가|계약|개찰|협상|발표|공고기간|낙찰|선정")


def _details_below(doc, m, heads, details, pres, later):
    """For a briefing named alone on its line ("□ 사업 설명회"), its date/place/online details on the
    few lines under it ("- 일시: …", "○ (장소) …"), stopping at the next heading and at a line about
    another step (제안서 제출, 평가 …), whose date is not the briefing's."""
    s = doc.compact
    text = doc.text
    nxt = next((h for h in heads if h > m.end), len(text))
    pos = text.find("\n", m.end)
    for _ in range(4):
        if pos < 0 or pos + 1 >= nxt:
            return None
        a, b = ms.line_compact(doc, pos + 1, wrapped=False)
        line = s[a:b]
        if _OTHER_STEP.search(line) or pres.search(line) or later.search(line):
            return None
        d = details.search(s, a, b)
        if d is not None:
            return d
        pos = text.find("\n", pos + 1)
    return None


def _agency_below(doc, s, m, lb, agency) -> bool:
    """A 제안설명회 named alone on its line with an agency cue on the next line ("참가신청 …")."""
    nl = doc.text.find("\n", m.end)
    if nl < 0:
        return False
    a, b = ms.line_compact(doc, nl + 1, wrapped=False)
    return _NAME_ONLY.fullmatch(s[m.compact_end:lb]) is not None and bool(agency.search(s, a, b))


_CONTACT = regex.compile(r"@|\d{2,4}-\d{3,4}-\d{4}|☎|전화|이메일|e-?mail", regex.IGNORECASE)


def _clean_quotes(ctx: CheckContext, matches: list, n: int = 3) -> list:
    """Quotes of the briefing, leaving out sentences that carry contact details."""
    return [e for e in ms.quotes(ctx, matches, n + 3) if not _CONTACT.search(e.quote)][:n]


def detect(ctx: CheckContext) -> Finding:
    doc = ctx.doc
    lex = load_lexicon("proc01")
    ok, why = _estimated_price_gate(doc)
    basis = ("국가계약법 시행령 제43조⑤·지방계약법 시행령 제43조⑥은 설명회 개최를 정할 수 있게 하며, "
             "추정가격 20억원 이상 의무는 정보시스템 구축·운영 지침에 근거한 기준임")
    if ok is False:
        return ctx.not_applicable(RULE, why + " → 해당없음")
    held, none, named = _briefings(ctx, lex)
    if ok is None:
        if held:
            return ctx.finding(RULE, "pass", "제안요청 설명회의 일시·장소(또는 방식)가 안내되어 있습니다.",
                               _clean_quotes(ctx, held, 3), applies=why)
        return ctx.finding(
            RULE, "review",
            f"{why}. 추정가격이 20억원 이상이면 제안요청 설명회 일시·장소(또는 온라인 방식)를 밝혀야 하니 금액을 확인하세요.",
            ms.quotes(ctx, none, 1), applies=why + " → 검토필요",
        )
    applies = why + " → 적용"
    if held:
        return ctx.finding(RULE, "pass", "제안요청 설명회의 일시·장소(또는 온라인 방식·공고문 안내)가 명시되어 있습니다.",
                           _clean_quotes(ctx, held, 3), applies=applies)
    if none:
        said = " ".join(ctx.evidence(none[0].start, none[0].end).quote.split()).lstrip("○❍◦•-·ㅇ□ ")
        said = said if len(said) <= 80 else said[:79] + "…"
        return ctx.finding(
            RULE, "missing",
            f"추정가격 20억원 이상 사업인데 제안요청 설명회를 열지 않는다고 적었습니다(‘{said}’). 설명회 일시·장소"
            f"(또는 온라인 방식)를 정해 밝혀야 합니다({basis}).",
            applies=applies,
            looked_for="제안요청(사업·입찰) 설명회의 일시·장소·온라인 개최 방법 (입찰자 제안발표회 제외)",
        )
    if named:
        said = " ".join(ctx.evidence(named[0].start, named[0].end).quote.split()).lstrip("○❍◦•-·ㅇ□ ")
        said = said if len(said) <= 80 else said[:79] + "…"
        return ctx.finding(
            RULE, "missing",
            f"추정가격 20억원 이상 사업인데 제안요청 설명회를 언급만 하고(‘{said}’) 일시·장소(또는 온라인 방식)를 "
            f"밝히지 않았습니다({basis}).",
            applies=applies,
            looked_for="제안요청(사업·입찰) 설명회의 날짜·시각·장소·온라인 개최 방법·공고문 안내 (입찰자 제안발표회·평가 PT 제외)",
        )
    return ctx.finding(
        RULE, "missing",
        f"추정가격 20억원 이상 사업인데 제안요청 설명회 일시·장소(또는 온라인 방식)가 없습니다({basis}).",
        applies=applies,
        looked_for="제안요청(사업·입찰) 설명회의 일시·장소·온라인 개최 방법 (입찰자 제안발표회·평가 PT 제외)",
    )
