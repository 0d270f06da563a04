"""법정 규모(민감·고유식별정보 5만명, 연계 50만명, 100만명 이상, 개인정보 보호법 시행령 제35조)의 개인정보파일을 처리하는 시스템을 구축·변경하면 분석·설계 단계에서 개인정보 영향평가를 하고 결과를 반영하여야 한다. 문서에 적힌 정보주체 수와 '영향평가 대상(아님)' 문장으로 판단하며, 보안 조항에 옮겨 적은 법정 기준('5만명 이상의 정보주체', '… 이상인 경우'), 법령 목록, 제안서 목차 항목, 부정문('수집하지 아니함')은 근거로 쓰지 않는다. '개인정보'라는 말 없이 쓴 '영향평가를 실시'도 같은 문장에 개인정보 보호법·제33조·제35조가 있으면 요구로 본다. '「개인정보 보호법」 제33조에 따른 평가'처럼 그 조항에 묶인 '평가'도 요구다. 현황에 적힌 과거의 영향평가나 '수행하였음'·'완료' 같은 완료된 사실, '생략한다'·'해당하지 않는다' 같은 부정은 이번 사업의 요구가 아니다. 규모를 읽을 수 없을 때, 구축·변경하는 시스템이 학적·성적·진료기록처럼 한 집단 전체의 신상 기록을 두 가지 이상 관리하거나, 대국민 서비스로 두 가지 이상의 민감·고유식별정보를 받으면서 전국·전 국민·중앙–광역 구조·시/도민 전체처럼 넓은 대상 집단이 드러나는데 영향평가(대상 여부 확인 포함)에 대한 말이 전혀 없으면 누락이고, 넓은 대상 집단이 드러나지 않으면 같은 설명으로 검토필요, 그 밖에 대국민 개인정보(회원가입·본인인증)를 다루지만 규모를 읽을 수 없으면 검토필요. 규모가 5만~100만명이어도 민감·고유식별정보 처리나 50만명 이상 연계가 문서에 없으면 해당없음이고, 연간 규모는 명시된 보관기간만큼 곱해 판단하며(기간이 없으면 검토필요), 학적·진료 기록 시스템의 현재 인원(재학생·환자 수)은 하한이므로 검토필요, 회원이 사업자·법인뿐이면 대국민 개인정보로 보지 않는다. 구축·개발 없이 운영·유지관리만 하는 사업은 시스템을 바꾸는 작업(기능개선 등)이 있으면 검토필요, 없으면 해당없음."""
from __future__ import annotations

from typing import Optional

import regex

from rfpcheck.pipeline.model import Finding

from . import _must_state as ms
from .common import has_kind, kinds, load_lexicon, section_kind
from .context import CheckContext
from .registry import C, Rule

RULE = Rule(
    id='PRIV01',
    title='개인정보 영향평가',
    requirement='분석·설계 단계의 개인정보 영향평가 수행과 결과 반영',
    applies_when='법정 규모(5만 민감·고유식별 / 50만 연계 / 100만 이상)의 개인정보처리시스템',
    forbidden='',
    citations=[
        C('개인정보 보호법', '제33조'),
        C('개인정보 보호법 시행령', '제35조', '영향평가 대상 규모'),
    ],
    suggestion='계약상대자는 분석 단계에서 본 시스템이 「개인정보 보호법」 제33조 및 같은 법 시행령 제35조에 따른 개인정보 영향평가 대상인지 발주기관과 함께 확인하고, 대상이면 설계 단계가 끝나기 전에 지정 평가기관의 영향평가를 받아 개선 권고사항을 설계와 구현에 반영하여야 한다.',
    examples_pass=['분석·설계 단계에서 개인정보 영향평가를 수행하고 그 결과를 반영한다.'],
    examples_violation=[],
)


# -- detector ------------------------------------------------------------------------------------

_TH_ALL = 1_000_000  # 정보주체 100만명 이상
_TH_LINK = 500_000  # 연계 결과 50만명 이상
_TH_SENS = 50_000  # 민감·고유식별정보 5만명 이상
_RETENTION_YEARS = 5  # a yearly intake is held for years: 5 years of it is read against the thresholds
# records of a population (학적, 진료기록) outlive its current members: a current count of at least a
# tenth of the 5만 threshold may stand for a file above it
_RECORD_GENERATIONS = 10
_UNIT = {"천만": 10_000_000, "백만": 1_000_000, "십만": 100_000, "만": 10_000, "천": 1_000}
# the parts of the RFP that describe the system to be built (not 현황, forms or evaluation tables)
_SYSTEM_PARTS = ("requirement", "overview", "other")
# "약" (about) right before the number, not the end of 예약·계약·요약 …
_ABOUT = regex.compile(r"(?<!예|계|절|요|공|규|서|조|특|제|협|언|기|의)약(?:연간?|누적|총|최대)?$")
# a number of people that is not a count of data subjects: staff, concurrency, attendance
_PEOPLE = regex.compile(r"(?:약|총)?\d[\d,]*(?:\.\d+)?(?:천만|백만|십만|만|천)?(?:여)?명")


def _count(m) -> Optional[int]:
    """The number of a ``subjects`` match: digits with a unit (5.2만 → 52,000), a bare Korean numeral
    ('백만 명' → 1,000,000)."""
    g = m.groupdict()
    if g.get("kman"):
        return _UNIT[g["kman"]]
    try:
        n = float((g.get("n") or "").replace(",", ""))
    except ValueError:
        return None
    unit = g.get("man")
    if unit:
        n *= _UNIT[unit]
        if g.get("n2"):  # "5만 2천", "5만 2,500"
            try:
                n += float(g["n2"].replace(",", "")) * {"천": 1_000, "백": 100}.get(g.get("man2") or "", 1)
            except ValueError:
                pass
    return int(n)


def _number_start(mm) -> int:
    """Compact offset where the number of a ``subjects`` match begins."""
    for g in ("n", "kman"):
        try:
            a = mm.start(g)
        except (IndexError, regex.error):
            continue
        if a >= 0:
            return a
    return mm.start()


def _subject_counts(ctx: CheckContext, lex) -> list[tuple[int, object, bool]]:
    """Stated numbers of data subjects ("회원 약 12만 명", "이용자 수 | 약 150만명", "회원 DB(약 130만 건)",
    "60만 명의 자격정보", "주민등록 전산정보(약 80만 명)", "약 5만 2천여 명의 수급자 …", "일반 국민 또는
    기업 | 50,000명") as (number, match, annual), without the legal thresholds copied into security
    clauses and without staff, concurrency or attendance figures. A number is a copied threshold only
    when a threshold connective follows it ("5만명 이상의 정보주체", "… 이상인 경우", "… 이상이면");
    "약 …" and a key | value row state the system's own scale even with "이상" after them."""
    doc = ctx.doc
    s = doc.compact
    rx = lex.rx("subjects")
    th, excl, annual, lead_rx = lex.rx("threshold_text"), lex.rx("count_exclude"), lex.rx("annual"), lex.rx("annual_lead")
    out = []
    for m in ms.find(ctx, rx, skip_kinds=("toc",), skip_law_list=False, limit=40):
        mm = rx.match(s, m.compact_start)
        if mm is None:
            continue
        n = _count(mm)
        if n is None or n <= 0:
            continue
        if excl.search(s, ms.window(doc, m, 4, 0)[0], m.compact_end):
            continue
        num = _number_start(mm)
        lead = s[m.compact_start:num]
        own = "|" in lead or bool(_ABOUT.search(lead))
        if not own and (th.match(s, m.compact_end) or "이상" in s[m.compact_start:m.compact_end]):
            continue  # the legal threshold itself ("5만명 이상의 정보주체 …"), not this system's scale
        # a yearly figure: "연 3만명", or a yearly word in the noun phrase ("연간 신청자 약 3만명")
        yearly = bool(annual.search(s, max(m.compact_start, num - 4), num + 1)) or bool(
            lead_rx.search(s, ms.window(doc, m, 6, 0)[0], num))
        out.append((n, m, yearly))
    return out


# how far apart (compact characters) two counts of one list may stand ("수급자 약 8만명, 장애인 약 4만명")
_LIST_GAP = 24


def _combined_counts(ctx: CheckContext, lex, counts: list) -> list[tuple[int, object, bool, list]]:
    """Counts of one sentence that list distinct groups of data subjects ("기초생활수급자 및 차상위계층
    약 8만명, 장애인 약 4만명") read as one population, (sum, first match, annual, the matches). The
    groups of such a list are the subjects of one file, so the file holds their sum; a second number
    that is a part of the first ("회원 120만명 중 휴면회원 20만명"), a second count of the same group, or a
    yearly figure beside a standing one is not added."""
    doc = ctx.doc
    s = doc.compact
    subset = lex.rx("count_subset")
    out: list[tuple[int, object, bool, list]] = []
    cur = None
    for n, m, annual in sorted(counts, key=lambda t: t[1].compact_start):
        if cur is not None:
            last = cur[3][-1]
            gap = s[last.compact_end:m.compact_start]
            same_sentence = doc.sentence_span(last.start, last.end) == doc.sentence_span(m.start, m.end)
            if (same_sentence and 0 <= len(gap) <= _LIST_GAP and not subset.search(gap) and "|" not in gap
                    and annual == cur[2] and _noun(s, m) not in {_noun(s, x) for x in cur[3]}
                    and regex.match(r"[,·、/]|및|와|과", gap)):
                cur = (cur[0] + n, cur[1], cur[2], cur[3] + [m])
                continue
            out.append(cur)
        cur = (n, m, annual, [m])
    if cur is not None:
        out.append(cur)
    return out


def _noun(s: str, m) -> str:
    """The words of a count before its number ("장애인약3만명" → "장애인")."""
    w = regex.match(r"[^\d]*", s[m.compact_start:m.compact_end]).group()
    return regex.sub(r"(?:약|총|연간?|누적|최대|수|은|는|이|가|[:：|(])+$", "", w)


def _staff_count(ctx: CheckContext, lex) -> "tuple[int, object] | None":
    """The largest stated number of the agency's own staff ("임직원 약 850명"), the data subjects of a
    personnel or payroll system."""
    doc = ctx.doc
    rx = lex.rx("staff_subjects")
    best = None
    for m in ms.find(ctx, rx, skip_kinds=("toc", "evaluation", "proposal_guide"), skip_law_list=False, limit=10):
        mm = rx.match(doc.compact, m.compact_start)
        n = _count(mm) if mm is not None else None
        if n and (best is None or n > best[0]):
            best = (n, m)
    return best


def _unread_people(ctx: CheckContext, lex) -> list:
    """Numbers of people (≥ 1만) in the parts that describe the system that the scale reader could
    not bind to data subjects ("관리 대상 … 5.2만 명") — reported so a person can judge them."""
    doc = ctx.doc
    s = doc.compact
    excl = lex.rx("count_exclude")
    out = []
    for m in ms.find(ctx, _PEOPLE, skip_kinds=("toc", "evaluation", "current", "proposal_guide", "contract"), limit=20):
        seg = s[m.compact_start:m.compact_end]
        if not regex.search(r"천만|백만|십만|만|\d{2},?\d{3}", seg):
            continue
        if excl.search(s, *ms.window(doc, m, 12, 4)) or s.startswith("이상", m.compact_end):
            continue
        out.append(m)
    return out


def detect(ctx: CheckContext) -> Finding:
    doc = ctx.doc
    lex = load_lexicon("priv01")
    scope, why = ms.system_scope(doc)
    if scope == "na":
        return ctx.not_applicable(RULE, why)
    s = doc.compact
    given = doc.facts.get_fact("personal_info_system")

    # 1. the RFP asks for the 영향평가 (not a 제안서 목차 row, a law list, a 누출금지 list or a
    #    compliance table that ticks every article)
    pexcl = lex.rx("pia_exclude")
    not_rx = lex.rx("pia_not_target")
    refused = lex.rx("pia_refused")
    law_ctx = lex.rx("pia_law_context")

    past = lex.rx("past")

    def asked(m, law: bool = False) -> bool:
        if pexcl.search(s, m.compact_start, ms.window(doc, m, 0, 25)[1]) or ms.self_check_row(doc, m.start):
            return False
        if refused.match(s, m.compact_end):  # "… 영향평가는 수행하지 않음"
            return False
        seg = s[m.compact_start:m.compact_end]
        if past.search(seg + ms.subclause_compact(doc, m)[1][:20]):
            return False  # "2021년 구축 시 영향평가를 수행하였음": a past fact, not this project's duty
        sent = ms.sentence_compact(ctx, m)
        # "영향평가를 실시하고 …" counts when the same sentence names 개인정보 or 제33조·제35조
        return not not_rx.search(sent) and (not law or bool(law_ctx.search(sent)))

    # not the 현황: an assessment of the current system is not one asked for this change
    skip = ("toc", "evaluation", "current")
    pia = [m for m in ms.find(ctx, lex.rx("pia"), skip_kinds=skip, skip_outline=True, skip_leak_list=True,
                              drop_negated=True, limit=20) if asked(m)]
    if not pia:
        pia = [m for m in ms.find(ctx, lex.rx("pia_law"), skip_kinds=skip, skip_outline=True, skip_leak_list=True,
                                  drop_negated=True, limit=20) if asked(m, law=True)]
    target = ms.find(ctx, lex.rx("pia_target"), skip_kinds=("toc", "evaluation"), skip_outline=True,
                     drop_negated=True, limit=3)
    if pia:
        return ctx.finding(
            RULE, "pass",
            "개인정보 영향평가 수행(또는 대상 여부 확인)과 결과 반영을 요구합니다.",
            ms.quotes(ctx, pia, 3), applies=why + "; 개인정보 영향평가 관련 요구 있음",
        )
    if given.source == "given" and given.value == "no":
        return ctx.not_applicable(RULE, "법정 규모의 개인정보처리시스템이 아님(입력값) → 해당없음")

    # 2. the RFP says whether the system is a 영향평가 target
    # a statement that the system is not a target wins over a bare "대상" elsewhere
    not_target = ms.find(ctx, lex.rx("pia_not_target"), skip_kinds=("toc", "evaluation"), limit=3)
    if not_target:
        return ctx.finding(
            RULE, "not_applicable",
            "문서가 개인정보 영향평가 대상 규모에 해당하지 않는다고 밝히고 있습니다.",
            ms.quotes(ctx, not_target, 1), applies=why + "; 영향평가 대상 아님을 명시 → 해당없음", suggest=False,
        )

    looked = ("분석·설계 단계의 개인정보 영향평가 수행·결과 반영 (개인정보 보호법 제33조; 법령 목록·평가표·"
              "제안서 목차 항목 제외)")
    if target or (given.source == "given" and given.value == "yes"):
        why_t = "문서가 영향평가 대상임을 밝힘" if target else "법정 규모의 개인정보처리시스템(입력값)"
        return ctx.finding(
            RULE, "missing",
            f"{why_t}에도 분석·설계 단계의 개인정보 영향평가 수행과 결과 반영 요구가 없습니다.",
            applies=why + f"; {why_t} → 적용", looked_for=looked,
        )

    # 3. what the system holds: mentions that describe the system's own data, not protection
    #    boilerplate ("고유식별정보를 송신할 경우 암호화"), category lists, forms or negations
    generic = lex.rx("generic_clause")
    # an operation contract takes over the current system: its 현황 describes the system itself
    parts = _SYSTEM_PARTS + (("current",) if "유지관리운영" in kinds(doc) else ())

    def functional(ms_list, boilerplate=True):
        return [m for m in ms_list if section_kind(doc, m.start) in parts
                and not (boilerplate and generic.search(ms.sentence_compact(ctx, m)))]

    sens_sys = functional(ms.find(ctx, lex.rx("sensitive"), skip_kinds=("toc",), skip_law_list=False, limit=60))
    # records are functions of the system ("성적관리"): protection boilerplate words near them
    # ("이력 관리", "마스킹") do not make them generic
    records = functional(ms.find(ctx, lex.rx("person_records"), skip_kinds=("toc",), limit=40), boilerplate=False)
    signup = functional(ms.find(ctx, lex.rx("public_data"), skip_kinds=("toc",), limit=40))
    public = signup + records
    business, private = lex.rx("business_member"), lex.rx("private_member")

    def business_only(m) -> bool:  # "기업회원 … 사업자등록번호", with no 개인회원 beside it
        sent = ms.sentence_compact(ctx, m)
        return bool(business.search(sent)) and not private.search(sent)

    if signup and all(business_only(m) for m in signup if regex.search(r"회원|인증", s[m.compact_start:m.compact_end])) \
            and any(business_only(m) for m in signup):
        signup = []  # members are businesses (사업자번호·대표자 인증), not the public
        public = records

    # an operation / maintenance contract that neither builds nor develops the system: the 영향평가
    # falls on building or changing a personal-data file (시행령 제35조), so only the changes it
    # asks for ("기능개선") can call for one
    maint_only = "유지관리운영" in kinds(doc) and not has_kind(doc, "SW개발", "고도화", "홈페이지앱")
    change = ms.find(ctx, lex.rx("change_work"), skip_kinds=("toc", "evaluation", "proposal_guide"),
                     drop_negated=True, limit=3) if maint_only else []

    def maintenance(scale_note: str, shown: list) -> Finding:
        if change:
            return ctx.finding(
                RULE, "review",
                f"운영·유지관리 사업({scale_note})이지만 시스템 변경(‘{_word(doc, change[0])}’)이 포함되어 있습니다. 변경으로 "
                "개인정보파일의 항목·연계가 달라지면 영향평가 대상일 수 있으므로(시행령 제35조) 변경 범위를 확인하세요.",
                ms.quotes(ctx, shown[:1] + change[:1], 2),
                applies=why + "; 운영·유지관리 사업 + 시스템 변경 작업 → 검토필요",
            )
        return ctx.finding(
            RULE, "not_applicable",
            f"운영·유지관리 사업으로 시스템(개인정보파일)을 구축·변경하지 않아 개인정보 영향평가를 할 시점이 아닙니다"
            f"({scale_note}).",
            ms.quotes(ctx, shown[:1], 1), applies=why + "; 운영·유지관리만 하고 구축·변경 없음 → 해당없음", suggest=False,
        )

    changing = has_kind(doc, "SW개발", "고도화")

    # 4. the stated scale
    counts = _combined_counts(ctx, lex, _subject_counts(ctx, lex))
    if counts:
        n, m, annual, group = max(counts, key=lambda t: t[0])
        sent = ms.sentence_compact(ctx, m)
        if len(group) > 1:
            a, b = doc.sentence_span(group[0].start, group[-1].end)
            sent = "".join(doc.text[a:b].split())
        sens_here = bool(lex.rx("sensitive").search(sent)) and not generic.search(sent)
        sens = sens_here or bool(sens_sys)
        link_ev = _linkage(ctx, lex, m, sent, parts)
        link = link_ev is not None
        said = ", ".join(_word(doc, g) for g in group)
        scale = (f"정보주체 약 {n:,}명(문서 기재: ‘{said}’)" if len(group) == 1 else
                 f"정보주체 약 {n:,}명(문서에 나열된 집단의 합: ‘{said}’)")
        reaches = n >= _TH_ALL or (n >= _TH_SENS and sens) or (n >= _TH_LINK and link)
        if maint_only and (reaches or n >= _TH_LINK):
            return maintenance(f"정보주체 약 {n:,}명", [m])
        if reaches:
            basis = ("100만명 이상" if n >= _TH_ALL else "민감·고유식별정보 5만명 이상" if sens and n >= _TH_SENS
                     else "연계 50만명 이상")
            ev_sens = "" if n >= _TH_ALL or not sens or sens_here else (
                f" 민감·고유식별정보 처리: ‘{_short(ms.quotes(ctx, sens_sys, 1)[0].quote)}’.")
            ev_link = "" if n >= _TH_ALL or basis != "연계 50만명 이상" or link_ev is m else (
                f" 연계: ‘{_short(ms.quotes(ctx, [link_ev], 1)[0].quote)}’.")
            return ctx.finding(
                RULE, "missing",
                f"{scale}로 영향평가 대상 규모({basis}, 시행령 제35조)인데 개인정보 영향평가 수행·반영 요구가 "
                f"없습니다.{ev_sens}{ev_link}",
                applies=why + f"; 정보주체 약 {n:,}명 → 적용", looked_for=looked,
            )
        bar = _TH_SENS if sens else _TH_LINK if link else _TH_ALL
        years = _retention_years(ctx, lex, m, sent) if annual else None
        if years and n * years >= bar and not maint_only:
            held = n * years
            basis = ("100만명 이상" if held >= _TH_ALL else "민감·고유식별정보 5만명 이상" if sens and held >= _TH_SENS
                     else "연계 50만명 이상")
            return ctx.finding(
                RULE, "missing",
                f"{scale}은 한 해의 규모이고 {years}년간 보관하므로 보유하는 정보주체는 약 {held:,}명으로 영향평가 대상 "
                f"규모({basis}, 시행령 제35조)인데 개인정보 영향평가 수행·반영 요구가 없습니다.",
                applies=why + f"; 연간 약 {n:,}명 × 보관 {years}년 = 약 {held:,}명 → 적용", looked_for=looked,
            )
        if years and not maint_only and n * years < bar:
            held = n * years
            return ctx.finding(
                RULE, "not_applicable",
                f"{scale}은 한 해의 규모이고 {years}년간 보관하므로 보유하는 정보주체는 약 {held:,}명으로 개인정보 "
                f"영향평가 기준({bar // 10_000}만명, 시행령 제35조)에 이르지 않습니다.",
                ms.quotes(ctx, [m], 1),
                applies=why + f"; 연간 약 {n:,}명 × 보관 {years}년 = 약 {held:,}명 → 해당없음", suggest=False,
            )
        if annual and n * (years or _RETENTION_YEARS) >= bar:
            return ctx.finding(
                RULE, "review",
                f"{scale}은 한 해의 규모입니다. 보유기간 동안 쌓이는 정보주체 수가 영향평가 기준({bar // 10_000}만명, "
                "시행령 제35조)을 넘는지 확인하세요.",
                ms.quotes(ctx, [m], 1), applies=why + f"; 연간 정보주체 약 {n:,}명 — 누적 규모 미확인 → 검토필요",
            )
        record_kinds_here = {_record_kind(_kind(doc, r)) for r in records}
        noun = lex.rx("member_nouns").match(s, m.compact_start)
        if record_kinds_here and noun and changing and n < bar and n * _RECORD_GENERATIONS >= _TH_SENS:
            return ctx.finding(
                RULE, "review",
                f"{scale}은 현재 구성원 수입니다. 시스템이 {', '.join(sorted(record_kinds_here))} 기록을 관리하는데, 이런 "
                "기록은 졸업·퇴원·종결 뒤에도 오래 보존되므로 보유하는 정보주체는 현재 인원보다 많고, 고유식별정보를 "
                "담으면 5만명 이상에서 영향평가 대상입니다(시행령 제35조). 보존 중인 전체 기록의 정보주체 수를 확인하세요.",
                ms.quotes(ctx, [m] + records[:1], 2),
                applies=why + f"; 현재 {noun.group()} 약 {n:,}명 + 장기 보존 기록({', '.join(sorted(record_kinds_here))}) — "
                "누적 정보주체 미확인 → 검토필요",
            )
        # 5만~100만명 without sensitive data or a stated linkage is below every 시행령 제35조 bar; only a
        # stated linkage of a smaller file leaves the combined size (50만명) to be checked
        if n < _TH_SENS or not link:
            reason = ("5만명 미만" if n < _TH_SENS else
                      "100만명 미만이고 민감·고유식별정보 처리나 다른 시스템과의 연계가 문서에 없음")
            return ctx.finding(
                RULE, "not_applicable",
                f"{scale}로 개인정보 영향평가 대상 규모(100만명, 민감·고유식별정보 5만명, 연계 50만명; 시행령 제35조)에 "
                f"해당하지 않습니다({reason}).",
                ms.quotes(ctx, [m], 1), applies=why + f"; 정보주체 약 {n:,}명, {reason} → 해당없음", suggest=False,
            )
        return ctx.finding(
            RULE, "review",
            f"{scale}입니다. 50만명 이상을 다른 시스템과 연계·결합하면 영향평가 대상이므로 연계 규모를 확인하세요.",
            ms.quotes(ctx, [m], 1), applies=why + f"; 정보주체 약 {n:,}명 — 연계 여부 미확인 → 검토필요",
        )

    # 4b. no count of the public, but a count of the agency's own staff: a personnel or payroll system
    #     whose data subjects are the staff ("임직원 약 850명"). Not used where the system also takes the
    #     public's data (회원가입·본인인증, a population's records): staff do not make such a system small.
    staff = _staff_count(ctx, lex) if not public else None
    if staff is not None and staff[0] < _TH_SENS:
        n, m = staff
        said = _word(doc, m)
        return ctx.finding(
            RULE, "not_applicable",
            f"정보주체가 기관 임직원 약 {n:,}명(문서 기재: ‘{said}’)이고 대국민 개인정보 수집 요소가 없어 개인정보 "
            "영향평가 대상 규모(민감·고유식별정보 5만명, 연계 50만명, 100만명; 시행령 제35조)에 해당하지 않습니다.",
            ms.quotes(ctx, [m], 1), applies=why + f"; 정보주체 = 임직원 약 {n:,}명(5만명 미만) → 해당없음", suggest=False,
        )

    # 5. no readable scale. A system that is being built or changed and whose own data are plainly
    #    민감·고유식별정보 of the public (two kinds or more, taken through the public service) or a
    #    whole population's records (학적·성적, 진료기록, 수급자격 …) is one whose target status the RFP
    #    must settle: with no word on the 영향평가 at all — not even "대상 여부 확인" — that is 누락.
    #    Other personal data of the public (회원가입, 본인인증) with no readable scale → 검토필요.
    sens_kinds = {_kind(doc, m) for m in sens_sys}
    record_kinds = {_record_kind(_kind(doc, m)) for m in records}
    # two kinds of 민감·고유식별정보 taken through a public service are a 누락 only when the text shows a
    # broad population (전국, 전 국민, 중앙기관–광역센터, 도민 전체 …); a local service may stay below 5만
    broad = ms.find(ctx, lex.rx("broad_population"), skip_kinds=("toc", "evaluation", "proposal_guide", "contract"),
                    limit=2) if len(sens_kinds) >= 2 and signup else []
    if changing and ((len(sens_kinds) >= 2 and signup and broad) or len(record_kinds) >= 2):
        if len(record_kinds) >= 2:
            held = f"한 집단 전체의 신상 기록({', '.join(sorted(record_kinds))} 등)"
            obj = held + "을"
            why_low = "이런 기록은 대개 고유식별정보를 함께 담고, 민감·고유식별정보는 5만명 이상이면 영향평가 대상입니다"
            shown = records[:2]
        else:
            held = f"민감·고유식별정보({', '.join(sorted(sens_kinds)[:4])})"
            obj = held + "를"
            why_low = (f"넓은 대상 집단(‘{_short(_word(doc, broad[0]), 30)}’)의 민감·고유식별정보는 5만명을 넘기 쉽고, "
                       "5만명 이상이면 영향평가 대상입니다")
            shown = sens_sys[:2] + signup[:1]
        return ctx.finding(
            RULE, "missing",
            f"구축·변경하는 시스템이 {obj} 처리하는데, 개인정보 영향평가 대상 여부 확인이나 수행·결과 반영 요구가 "
            f"전혀 없습니다. 정보주체 수는 적혀 있지 않으나 {why_low}(시행령 제35조). 대상 여부를 확인하고, 대상이면 "
            "분석·설계 단계의 영향평가와 결과 반영을 명시하세요.",
            ms.quotes(ctx, shown, 3),
            applies=why + f"; 구축·변경 사업 + {held} 처리, 규모 미기재 → 영향평가 검토 조항 필요",
            looked_for=looked + "; 영향평가 대상 여부 확인 문장 포함",
        )
    if changing and len(sens_kinds) >= 2 and signup:
        # the same system without a sign of a broad population: a local service may stay below 5만
        held = f"민감·고유식별정보({', '.join(sorted(sens_kinds)[:4])})"
        return ctx.finding(
            RULE, "review",
            f"구축·변경하는 시스템이 대국민 서비스로 {held}를 처리하는데, 개인정보 영향평가 대상 여부 확인이나 "
            "수행·결과 반영 요구가 없습니다. 정보주체 수가 적혀 있지 않고 전국·광역 단위 같은 넓은 대상 집단도 드러나지 "
            "않아 대상 규모인지 판단할 수 없으나, 민감·고유식별정보는 5만명 이상이면 영향평가 대상입니다(시행령 제35조). "
            "이용 대상 인원을 확인하고, 대상이면 분석·설계 단계의 영향평가와 결과 반영을 명시하세요.",
            ms.quotes(ctx, sens_sys[:2] + signup[:1], 3),
            applies=why + f"; 구축·변경 사업 + {held} 처리, 규모·대상 범위 미기재 → 검토필요",
        )
    if (public or sens_sys) and maint_only:
        return maintenance("정보주체 규모 미기재", (public + sens_sys)[:1])
    if public or sens_sys:
        what = []
        if public:
            what.append(f"대국민 개인정보 수집·보유(‘{_word(doc, public[0])}’ 등)")
        if sens_sys:
            what.append(f"민감·고유식별정보 처리(‘{_word(doc, sens_sys[0])}’ 등)")
        unread = _unread_people(ctx, lex)
        if unread:
            cue = _short(" ".join(doc.text[unread[0].start:unread[0].end].split()), 30)
            scale_note = (f"인원 수(‘{cue}’ 등)는 있으나 정보주체 수로 읽을 수 없어 개인정보 영향평가 대상인지 판단할 수 "
                          "없습니다")
        else:
            scale_note = "정보주체 규모(회원·이용자 수)가 문서에 없어 개인정보 영향평가 대상인지 판단할 수 없습니다"
        return ctx.finding(
            RULE, "review",
            "시스템에 " + ", ".join(what) + f" 요소가 있으나 {scale_note}. 정보주체 수(100만명, 민감·고유식별정보 "
            "5만명, 연계 50만명 기준)를 확인하세요.",
            ms.quotes(ctx, (public[:1] + sens_sys[:1] + unread[:1]), 3),
            applies=why + "; 개인정보 처리 규모를 읽을 수 없음 → 검토필요",
        )
    return ctx.not_applicable(
        RULE, why + "; 대국민 개인정보를 대량으로 처리하는 근거(정보주체 규모, 회원가입·본인인증, 민감정보 처리)가 "
        "없음 → 해당없음",
    )


# how many neighbouring blocks of a yearly count are read for its retention period
_RETENTION_REACH = 3
# a block that opens a new item or heading ("2. 기능 요구사항", "나.", "Ⅲ.") ends the bullet group
_GROUP_HEAD = regex.compile(r"^\s*(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+\.|\d+\.(?!\d)|[가-하]\.|제\d+[장절조])")


def _retention_years(ctx: CheckContext, lex, m, sent: str) -> Optional[int]:
    """The retention period of a yearly count's data: stated in its sentence ("신청 정보는 5년간
    보관한다") or in a neighbouring bullet of the same group ("○ 연간 신청자 약 2만명 ⏎ ○ 신청 자료는
    5년간 보관"), not the retention of logs or backups."""
    rx, excl = lex.rx("retention"), lex.rx("retention_exclude")

    def years_in(text: str) -> Optional[int]:
        for r in rx.finditer(text):
            if excl.search(text, max(0, r.start() - 30), r.start()):
                continue
            try:
                y = int(r.group("y"))
            except (IndexError, TypeError, ValueError):
                continue
            if 1 <= y <= 50:
                return y
        return None

    y = years_in(sent)
    if y is not None:
        return y
    doc = ctx.doc
    blk = doc.block_at(m.start)
    if blk is None:
        return None
    here = doc.section_at(m.start)
    for step in (1, -1):
        i = blk.index
        if step < 0 and _GROUP_HEAD.match(blk.text):
            continue  # the count opens its group: nothing before it belongs to it
        for _ in range(_RETENTION_REACH):
            i += step
            if not 0 <= i < len(doc.blocks):
                break
            b = doc.blocks[i]
            if b.kind == "heading" or doc.section_at(b.start) is not here or (step > 0 and _GROUP_HEAD.match(b.text)):
                break
            y = years_in("".join(b.text.split()))
            if y is not None:
                return y
            if step < 0 and _GROUP_HEAD.match(b.text):
                break
    return None


def _linkage(ctx: CheckContext, lex, m, sent: str, parts) -> Optional[object]:
    """Where the counted data are linked with another system: the scale's own sentence
    ("… 60만 명의 자격정보를 연계 조회"), or a requirement that links the same data by name
    ("회원정보를 행정정보 공동이용센터와 연계하여 …")."""
    if lex.rx("linkage").search(sent):
        return m
    doc = ctx.doc
    noun = lex.rx("subject_nouns").match(doc.compact, m.compact_start)
    if noun is None:
        return None
    rx = regex.compile(regex.escape(noun.group()) + r"(?:[가-힣]{0,4}?)(?:정보|DB|데이터)[^。]{0,25}?(?:"
                       + lex.rx("linkage").pattern + ")")
    hits = [h for h in ms.find(ctx, rx, skip_kinds=("toc", "evaluation", "proposal_guide"), limit=5)
            if section_kind(doc, h.start) in parts]
    return hits[0] if hits else None


def _record_kind(word: str) -> str:
    """The kind of a population record: 학적 (incl. students' 인적사항), 성적, 진료 (환자 기록), 수급 …"""
    for key, kind in (("학적", "학적"), ("인적사항", "학적"), ("성적", "성적"), ("진료", "진료"), ("환자", "진료"),
                      ("수급", "수급")):
        if key in word:
            return kind
    return word[:2]


def _kind(doc, m) -> str:
    """A match's words without spacing or the middle dot ('정서·심리' and '정서심리' are one kind)."""
    return "".join(doc.text[m.start:m.end].split()).replace("·", "")


def _word(doc, m) -> str:
    return " ".join(doc.text[m.start:m.end].split())


def _short(text: str, n: int = 60) -> str:
    t = " ".join(text.split())
    return t if len(t) <= n else t[: n - 1] + "…"
