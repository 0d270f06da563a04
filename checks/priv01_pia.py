"""법정 규모(민감·고유식별정보 5만명, 연계 50만명, 100만명 이상, 개인정보 보호법 시행령 제35조)의 개인정보파일을 처리하는 시스템을 구축·변경하면 분석·설계 단계에서 개인정보 영향평가를 하고 결과를 반영하여야 한다. 문서에 적힌 정보주체 수와 '영향평가 대상(아님)' 문장으로 판단하며, 보안 조항에 옮겨 적은 법정 기준('5만명 이상의 정보주체'), 법령 목록, 제안서 목차 항목은 근거로 쓰지 않는다. 대국민 개인정보(회원가입·본인인증, 민감정보)를 다루지만 규모를 읽을 수 없으면 검토필요."""
from __future__ import annotations

from typing import Optional

from rfpcheck.pipeline.model import Finding

from . import _must_state as ms
from .common import load_lexicon, section_kind
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
    suggestion='본 사업은 「개인정보 보호법」 제33조에 따른 개인정보 영향평가 대상이므로, 분석·설계 단계에서 지정 평가기관의 영향평가를 받고 개선사항을 설계에 반영하여야 한다.',
    examples_pass=['분석·설계 단계에서 개인정보 영향평가를 수행하고 그 결과를 반영한다.'],
    examples_violation=[],
)


# -- detector ------------------------------------------------------------------------------------

_TH_ALL = 1_000_000  # 정보주체 100만명 이상
_TH_LINK = 500_000  # 연계 결과 50만명 이상
_TH_SENS = 50_000  # 민감·고유식별정보 5만명 이상


def _count(m) -> Optional[int]:
    try:
        n = float(m.group("n").replace(",", ""))
    except (TypeError, ValueError):
        return None
    unit = m.group("man")
    if unit:
        n *= 10_000 if unit == "만" else 1_000
    return int(n)


def _subject_counts(ctx: CheckContext, lex) -> list[tuple[int, object]]:
    """Stated numbers of data subjects (회원 약 12만 명, 일반국민 50,000), without the legal thresholds
    copied into security clauses and without staff or concurrency figures."""
    doc = ctx.doc
    s = doc.compact
    th, excl = lex.rx("threshold_text"), lex.rx("count_exclude")
    out = []
    for m in ms.find(ctx, lex.rx("subjects"), skip_kinds=("toc",), skip_law_list=False, limit=40):
        seg = s[m.compact_start:m.compact_end]
        mm = lex.rx("subjects").match(seg)
        if mm is None:
            continue
        n = _count(mm)
        if n is None or n <= 0:
            continue
        if th.match(s, m.compact_end) or excl.search(s, max(0, m.compact_start - 4), m.compact_end):
            continue
        if n in (_TH_SENS, _TH_LINK, _TH_ALL) and s.startswith("이상", m.compact_end):
            continue  # the legal threshold itself ("5만명 이상 …"), not this system's scale
        out.append((n, m))
    return out


def detect(ctx: CheckContext) -> Finding:
    doc = ctx.doc
    lex = load_lexicon("priv01")
    scope, why = ms.system_scope(doc)
    if scope == "na":
        return ctx.not_applicable(RULE, why)
    s = doc.compact
    given = doc.facts.get_fact("personal_info_system")

    # 1. the RFP asks for the 영향평가
    pexcl = lex.rx("pia_exclude")
    not_rx = lex.rx("pia_not_target")
    pia = [m for m in ms.find(ctx, lex.rx("pia"), skip_kinds=("toc", "evaluation"), skip_leak_list=True, limit=20)
           if not pexcl.search(s, m.compact_start, m.compact_end + 25) and not ms.self_check_row(doc, m.start)
           and not not_rx.search(ms.sentence_compact(ctx, m))]
    target = ms.find(ctx, lex.rx("pia_target"), skip_kinds=("toc", "evaluation"), limit=3)
    if pia:
        return ctx.finding(
            RULE, "pass",
            "개인정보 영향평가 수행(또는 대상 여부 확인)과 결과 반영을 요구합니다.",
            ms.quotes(ctx, pia, 3), applies=why + "; 개인정보 영향평가 관련 요구 있음",
        )
    if given.source == "given" and given.value == "no":
        return ctx.not_applicable(RULE, "법정 규모의 개인정보처리시스템이 아님(입력값) → 해당없음")

    # 2. the RFP says whether the system is a 영향평가 target
    not_target = ms.find(ctx, lex.rx("pia_not_target"), skip_kinds=("toc", "evaluation"), limit=3)
    if not_target and not target:
        return ctx.finding(
            RULE, "not_applicable",
            "문서가 개인정보 영향평가 대상 규모에 해당하지 않는다고 밝히고 있습니다.",
            ms.quotes(ctx, not_target, 1), applies=why + "; 영향평가 대상 아님을 명시 → 해당없음", suggest=False,
        )

    # 3. the stated scale
    counts = _subject_counts(ctx, lex)
    sens = ms.find(ctx, lex.rx("sensitive"), skip_kinds=("toc", "evaluation", "proposal_guide"), skip_law_list=False, limit=40)
    looked = ("분석·설계 단계의 개인정보 영향평가 수행·결과 반영 (개인정보 보호법 제33조; 법령 목록·평가표·"
              "제안서 목차 항목 제외)")
    if target or (given.source == "given" and given.value == "yes"):
        why_t = "문서가 영향평가 대상임을 밝힘" if target else "법정 규모의 개인정보처리시스템(입력값)"
        return ctx.finding(
            RULE, "missing",
            f"{why_t}에도 분석·설계 단계의 개인정보 영향평가 수행과 결과 반영 요구가 없습니다.",
            applies=why + f"; {why_t} → 적용", looked_for=looked,
        )
    generic = lex.rx("generic_clause")
    system_parts = ("requirement", "overview", "other", "current")

    def functional(ms_list):
        """Mentions that describe what the system does, not protection boilerplate or negations."""
        return [m for m in ms_list if section_kind(doc, m.start) in system_parts
                and not generic.search(ms.sentence_compact(ctx, m))]

    sens_sys = functional(sens)
    if counts:
        n, m = max(counts, key=lambda t: t[0])
        sent = ms.sentence_compact(ctx, m)
        # sensitivity or linkage bound to this count: the same sentence, or a functional mention nearby
        sens_near = bool(lex.rx("sensitive").search(sent)) or any(
            abs(x.compact_start - m.compact_start) < 300 for x in sens_sys)
        link_near = bool(lex.rx("linkage").search(sent))
        scale = f"정보주체 약 {n:,}명(문서 기재)"
        if n >= _TH_ALL or (n >= _TH_SENS and sens_near) or (n >= _TH_LINK and link_near):
            basis = ("100만명 이상" if n >= _TH_ALL else "민감·고유식별정보 5만명 이상" if sens_near and n >= _TH_SENS
                     else "연계 50만명 이상")
            return ctx.finding(
                RULE, "missing",
                f"{scale}로 영향평가 대상 규모({basis}, 시행령 제35조)인데 개인정보 영향평가 수행·반영 요구가 없습니다. "
                f"(규모 근거: ‘{' '.join(doc.text[m.start:m.end].split())}’)",
                applies=why + f"; {scale} → 적용", looked_for=looked,
            )
        if n < _TH_SENS:
            return ctx.finding(
                RULE, "not_applicable",
                f"{scale}로 개인정보 영향평가 대상 규모(5만·50만·100만명, 시행령 제35조)에 미치지 않습니다.",
                ms.quotes(ctx, [m], 1), applies=why + f"; {scale} < 5만명 → 해당없음", suggest=False,
            )
        return ctx.finding(
            RULE, "review",
            f"{scale}입니다. 민감정보·고유식별정보를 5만명 이상 처리하거나 50만명 이상 연계하면 영향평가 대상이므로, "
            "처리하는 개인정보의 종류와 연계 규모를 확인하세요.",
            ms.quotes(ctx, [m], 1), applies=why + f"; {scale} — 민감·고유식별정보·연계 여부 미확인 → 검토필요",
        )

    # 4. no scale: does the system itself take personal data of the public?
    public = functional(ms.find(ctx, lex.rx("public_data"), skip_kinds=("toc",), limit=20))
    if public or sens_sys:
        what = []
        if public:
            what.append("회원가입·본인인증 등 대국민 개인정보 수집")
        if sens_sys:
            what.append("민감·고유식별 성격의 개인정보 처리")
        return ctx.finding(
            RULE, "review",
            "시스템에 " + ", ".join(what) + " 요소가 있으나 정보주체 규모가 문서에 없어 개인정보 영향평가 대상인지 "
            "판단할 수 없습니다. 정보주체 수(100만명, 민감·고유식별정보 5만명, 연계 50만명 기준)를 확인하세요.",
            ms.quotes(ctx, (public[:1] + sens_sys[:1]), 2),
            applies=why + "; 개인정보 처리 규모를 읽을 수 없음 → 검토필요",
        )
    return ctx.not_applicable(
        RULE, why + "; 대국민 개인정보를 대량으로 처리하는 근거(정보주체 규모, 회원가입·본인인증, 민감정보 처리)가 "
        "없음 → 해당없음",
    )
