"""정보시스템을 개발하거나 홈페이지를 구축하는 사업은 소프트웨어 개발보안 요구사항(보안약점 제거, 진단도구·진단원에 의한 점검, 조치 결과)을 담아야 한다. 사업비 5억원 이상 등 감리 대상 사업(전자정부법 시행령 제71조①)은 보안약점 진단이 의무다. "보안 관련 법령 준수" 같은 일반 문장, 관련 지침 목록의 '소프트웨어 개발보안 가이드', 기술적용계획표의 점검 항목, 서버·OS 취약점 점검, 원격지 개발보안(작업장소 보안)으로는 충족되지 않는다. 시큐어코딩 적용만 있고 진단·조치 요구가 없으면 사업금액 1억원 미만은 적합, 1억원 이상(SW개발비 1억원 이상 또는 감리 대상)은 누락, 금액을 모르면 검토필요로 본다. 현황의 과거 진단 사실, 제안서 작성 목차의 주제 이름, 누출금지 목록의 '진단 결과', '진단은 요구하지 아니한다'·'생략한다'는 요구가 아니다. '보안약점 진단원·기준' 같은 이름만의 언급은 같은 절에 제거·조치·결과가 있어야 요구로 보고, 진단을 감리·별도 사업자가 수행한다고만 하면 검토필요. 유지관리·운영 사업은 변경 개발분에 대한 요구가 있을 때만 판단한다."""
from __future__ import annotations

from rfpcheck.pipeline.model import Finding

from . import _must_state as ms
from .common import budget_gate, kinds, load_lexicon, section_kind
from .context import CheckContext
from .registry import C, Rule

RULE = Rule(
    id='SEC01',
    title='소프트웨어 개발보안(시큐어코딩)',
    requirement='SW 개발보안 요구사항: 보안약점 제거, 인증 진단도구·진단원에 의한 보안약점 진단, 조치 결과 제출',
    applies_when='정보시스템 개발·홈페이지 구축 사업(감리 대상: 사업비 5억원 이상 또는 대국민·공동이용 시스템)',
    forbidden='',
    citations=[
        C('전자정부법', '제45조③'),
        C('전자정부법 시행령', '제71조①', '감리 대상 사업'),
        C('행정기관 및 공공기관 정보시스템 구축·운영 지침', '제50조~제53조', '소프트웨어 개발보안; 2013년판 기준 조문'),
    ],
    suggestion='계약상대자는 「행정기관 및 공공기관 정보시스템 구축·운영 지침」의 소프트웨어 개발보안 기준에 따라 개발 단계에서 보안약점을 제거하여야 하며, 국가정보원 인증 진단도구와 SW개발보안 진단원을 활용해 소스코드 보안약점을 진단하고 조치 결과를 검수 전에 제출한다.',
    examples_pass=['SW 개발보안 가이드에 따라 보안약점 진단을 수행하고 조치결과를 제출하여야 한다.'],
    examples_violation=[],
)


# -- detector ------------------------------------------------------------------------------------

_STRONG_DIAG = ("소스", "보안약점", "시큐어코딩", "개발보안", "진단원", "진단도구")
# where a requirement is looked for: not the table of contents, evaluation tables, 현황 (a past
# diagnosis of the current system is not a requirement), nor outline rows of the 제안서 작성요령
_SKIP = dict(skip_kinds=ms.PRESENCE_SKIP, skip_outline=True, skip_leak_list=True, drop_negated=True)


# section kinds whose mention of 개발보안 is neither a requirement nor a law list
_NOT_LAW_LIST = ("toc", "evaluation", "proposal_guide")


def _short(text: str, n: int = 50) -> str:
    t = " ".join(text.split())
    return t if len(t) <= n else t[: n - 1] + "…"


def _applicability(doc) -> tuple[str, str]:
    """('dev' | 'operation' | 'na', reason naming the facts)."""
    scope, why = ms.system_scope(doc)
    if scope == "build" and set(kinds(doc)) & set(ms.DEV_KINDS):
        return "dev", why.replace("정보시스템 구축", "정보시스템 개발·홈페이지 구축 포함") + " → 적용"
    if scope == "operation":
        return "operation", why
    if scope == "build":  # DB 구축 only
        return "na", why + "(SW 개발 없음) → 해당없음"
    return "na", why


def _audit_note(doc) -> tuple[str, str, "bool | None"]:
    """What the amount says about the duty to diagnose (CHECKS: 감리 대상 or SW개발비 ≥ 1억원):
    (a sentence for the message, a short clause for ``applies``, whether the duty applies by the
    amount — None when the amount is unknown)."""
    ok5, why5 = budget_gate(doc, 500_000_000)
    if ok5:
        return (f"{why5}으로 감리 대상 규모(사업비 5억원 이상, 전자정부법 시행령 제71조①)이므로 진단원·인증 진단도구에 "
                "의한 보안약점 진단과 조치가 필요합니다.", f"{why5}(감리 대상 규모)", True)
    ok1, why1 = budget_gate(doc, 100_000_000)
    if ok1:
        return (f"{why1}으로 SW개발비 1억원 이상 사업이면(또는 대국민·공동이용 시스템으로 감리 대상이면) 진단원·인증 "
                "진단도구에 의한 보안약점 진단과 조치가 필요합니다.", f"{why1}(SW개발비 1억원 기준)", True)
    if ok1 is False:
        return (f"{why1}이어서 금액 기준(SW개발비 1억원)으로는 보안약점 진단 의무가 없으나, 대국민·공동이용 시스템이면 "
                "감리 대상(전자정부법 시행령 제71조①)입니다.", why1, False)
    return ("사업금액을 확인하지 못했습니다. SW개발비 1억원 이상이거나 감리 대상(사업비 5억원 이상, 대국민·공동이용 "
            "시스템)이면 보안약점 진단과 조치가 필요합니다.", "사업금액 미확인", None)


def _diagnoses(ctx: CheckContext, lex) -> list:
    """보안약점 진단·점검과 조치 요구 (strongest first), without infrastructure checks: 서버·OS 점검,
    주요정보통신기반시설 취약점 분석·평가, 모의해킹, and a generic "취약점 점검 및 조치" whose sentence
    does not speak of programs or source code."""
    doc = ctx.doc
    s = doc.compact
    infra, app, remote = lex.rx("infra_left"), lex.rx("app_context"), lex.rx("remote")
    diag = []
    technique = lex.rx("technique")
    for m in ms.find(ctx, lex.rx("diagnosis"), **_SKIP):
        seg = s[m.compact_start:m.compact_end]
        if technique.search(seg):
            continue  # a secure-coding technique ("입력값 검증"), not a diagnosis of the code
        strong = any(w in seg for w in ("소스", "보안약점", "시큐어", "개발보안"))
        if remote.search(s, ms.window(doc, m, 4, 0)[0], m.compact_start):
            continue  # 원격지 개발보안 = 작업장소 보안
        if not strong:
            left = s[ms.window(doc, m, 20, 0)[0]: m.compact_start]
            if infra.search(left) or infra.search(seg):
                continue  # 서버·OS·기반시설 취약점 점검은 개발보안이 아님
            sent = ms.sentence_compact(ctx, m)
            if not app.search(sent.replace(seg, "")) and not app.search(seg):
                continue  # "취약점 점검 후 조치": 무엇의 취약점인지 문장에 없음
        diag.append(m)
    strong_diag = [m for m in diag if any(w in s[m.compact_start:m.compact_end] for w in _STRONG_DIAG)]
    return strong_diag + [m for m in diag if m not in strong_diag]


def _split_diagnoses(ctx: CheckContext, lex, diag: list) -> tuple[list, list, list]:
    """(asked, bare, third-party) diagnosis matches. A diagnosis task on the source ("소스코드 취약점
    점검", "시큐어코딩 적용 여부 진단", "…진단하고 제거") is asked of the contractor. A bare mention of
    보안약점 ("보안약점 진단원", "SW 보안약점 기준", "보안약점 진단") counts only when its clause also
    asks for the fix or the result ("…제거", "진단 결과를 제출") or a diagnosis of the source ("소스코드에
    대한 시큐어코딩 적용 여부 진단 시 … 보안약점 진단가이드 참조"). A diagnosis the clause hands to
    someone else ("보안약점 진단은 별도 감리 사업자가 수행") binds the contractor to nothing."""
    doc = ctx.doc
    s = doc.compact
    fix, other, mention, task = lex.rx("fix"), lex.rx("third_party"), lex.rx("mention"), lex.rx("source_task")
    asked, bare, third = [], [], []
    for m in diag:
        seg = s[m.compact_start:m.compact_end]
        before, after = ms.subclause_compact(doc, m)
        if fix.search(before + seg + after):
            asked.append(m)
        elif other.search(before + after):
            third.append(m)
        elif mention.fullmatch(seg) and not task.search(before + seg + after):
            bare.append(m)
        else:
            asked.append(m)
    return asked, bare, third


def detect(ctx: CheckContext) -> Finding:
    doc = ctx.doc
    lex = load_lexicon("sec01")
    scope, applies = _applicability(doc)
    if scope == "na":
        return ctx.not_applicable(RULE, applies)

    s = doc.compact
    ordered = _diagnoses(ctx, lex)
    remote = lex.rx("remote")
    generic = lex.rx("generic")
    sc_strong, sc_generic = [], []
    for m in ms.find(ctx, lex.rx("secure_coding"), **_SKIP):
        if remote.search(s, ms.window(doc, m, 4, 0)[0], m.compact_start):
            continue  # 원격지 개발보안 = 작업장소 보안
        sent = ms.sentence_compact(ctx, m)
        if generic.search(sent):
            sc_generic.append(m)
        else:
            sc_strong.append(m)
    for m in ctx.finditer(lex.rx("secure_coding")):
        if section_kind(doc, m.start) in _NOT_LAW_LIST:
            continue  # an evaluation row or a proposal-outline topic is not a law list
        if ms.law_list_item(doc, m.start, m.end) and not ms.in_template(doc, m.compact_start):
            sc_generic.append(m)
            break

    expert = ms.find(ctx, lex.rx("expert"), **_SKIP)
    audit, audit_short, duty = _audit_note(doc)

    fixed, bare, third = _split_diagnoses(ctx, lex, ordered)

    if scope == "operation":
        if fixed or bare or third or sc_strong:
            ev = ms.quotes(ctx, (sc_strong[:1] + ordered)[:3], 3)
            return ctx.finding(
                RULE, "pass",
                "유지관리·운영 사업이지만 변경·개발하는 프로그램에 소프트웨어 개발보안(보안약점 진단·조치)을 요구합니다.",
                ev, applies=applies + ", 변경 개발분에 개발보안 요구 있음 → 적용",
            )
        return ctx.not_applicable(RULE, applies + " — 신규 개발이 확인되지 않아 해당없음")

    if fixed:
        ev = ms.quotes(ctx, (sc_strong[:1] + fixed + bare)[:4], 3)
        msg = "보안약점 진단·점검과 조치(제거·결과 제출)를 요구하는 소프트웨어 개발보안 문구가 있습니다."
        if duty is not False and not expert:
            big = budget_gate(doc, 500_000_000)[0]
            if big:
                msg += " 감리 대상 규모(사업비 5억원 이상)이므로 진단 주체(보안약점 진단원)와 도구(인증 진단도구)도 명시하면 더 분명합니다."
            elif duty:
                msg += " SW개발비가 1억원 이상이면 진단원·인증 진단도구에 의한 진단이 필요하므로 이를 명시하면 더 분명합니다."
            else:
                msg += " 진단 주체(보안약점 진단원)와 도구(인증 진단도구)도 명시하면 더 분명합니다."
        return ctx.finding(RULE, "pass", msg, ev, applies=applies + f"; {audit_short}")

    looked = ("시큐어코딩·소프트웨어 개발보안 적용, 보안약점(소스코드 취약점) 진단·점검과 조치(제거)·"
              "결과 제출, 보안약점 진단원·인증 진단도구 (목차·현황·평가표·제안서 작성 목차·기술적용계획표·법령 목록, "
              "생략·제외한다는 문장 제외)")
    # a diagnosis the RFP expressly waives ("보안약점 진단은 본 사업에서 요구하지 아니한다")
    waived = [m for m in ms.find(ctx, lex.rx("diagnosis"), **{**_SKIP, "drop_negated": False}, limit=20)
              if ms.negated(doc, m)]
    waived_note = (f" 보안약점 진단은 명시적으로 제외되어 있습니다(‘{_short(ms.quotes(ctx, waived, 1)[0].quote, 60)}’)."
                   if waived else "")
    if (bare or third) and duty is not False:
        # a diagnosis is named, but nobody is bound to fix what it finds
        shown = (third + bare)[:2]
        if third:
            what = (f"보안약점 진단을 계약상대자가 아닌 제3자(‘{_short(ms.quotes(ctx, third, 1)[0].quote)}’)가 "
                    "수행한다고만 하고, 계약상대자의 보안약점 제거·조치 결과 제출 요구가 없습니다.")
        else:
            what = (f"보안약점 진단(‘{_short(ms.quotes(ctx, bare, 1)[0].quote)}’)은 언급하나 발견된 보안약점의 "
                    "제거·조치와 결과 제출 요구가 없습니다.")
        return ctx.finding(
            RULE, "review", f"{what} {audit} 진단 주체와 조치 의무를 확인하세요.",
            ms.quotes(ctx, sc_strong[:1] + shown, 3),
            applies=applies + f"; {audit_short}; 진단 언급만 있고 조치 요구 없음 → 검토필요",
        )
    if bare or third:
        ev = ms.quotes(ctx, (sc_strong[:1] + bare + third)[:3], 3)
        return ctx.finding(
            RULE, "pass",
            f"소프트웨어 개발보안(보안약점 진단)을 언급합니다. {audit}",
            ev, applies=applies + f"; {audit_short}",
        )
    if sc_strong:
        ev = ms.quotes(ctx, sc_strong, 2)
        if duty is False:
            return ctx.finding(
                RULE, "pass",
                f"시큐어코딩(개발보안) 적용을 요구합니다. {audit}",
                ev, applies=applies + f"; {audit_short}",
            )
        if duty is None:
            return ctx.finding(
                RULE, "review",
                f"시큐어코딩(개발보안) 적용은 요구하나 보안약점 진단·조치 요구가 없습니다.{waived_note} {audit} 금액을 확인하세요.",
                ev, applies=applies + f"; {audit_short} → 검토필요",
            )
        quoted = " ".join(ev[0].quote.split())
        quoted = quoted if len(quoted) <= 60 else quoted[:59] + "…"
        return ctx.finding(
            RULE, "missing",
            f"시큐어코딩(개발보안) 적용(‘{quoted}’)만 있고 보안약점 진단·조치 결과 제출 요구가 없습니다.{waived_note} {audit}",
            applies=applies + f"; {audit_short}", looked_for=looked,
        )

    if sc_generic:
        msg = ("‘소프트웨어 개발보안’이 관련 법령·지침 목록이나 일반 준용 문장에만 나오고, 보안약점 제거·"
               f"진단·조치 결과 요구가 없습니다. {audit}")
    else:
        msg = f"소프트웨어 개발보안(시큐어코딩, 보안약점 진단·조치) 요구사항이 없습니다.{waived_note} {audit}"
    return ctx.finding(RULE, "missing", msg, applies=applies + f"; {audit_short}", looked_for=looked)
