"""사업금액 1억원 이상의 SW 개발·유지관리·운영 사업은 계약상대자가 SW사업정보(계약 후, 종료 후)를 SW사업정보 저장소에 제출하도록 정한다."""
from __future__ import annotations

import regex

from rfpcheck.pipeline.model import Document, Finding

from . import _must_state as ms
from .common import load_lexicon
from .context import CheckContext, Match
from .gates import amount_scope, dedupe, law_list_item, local_matches, previous_project_mention, self_check_row, silence
from .registry import C, Rule

RULE = Rule(
    id='SW18',
    title='SW사업정보 제출',
    requirement='계약상대자가 SW사업정보(규모·비용·일정·품질 등)를 SW사업정보 저장소에 제출한다는 내용',
    applies_when='SW 개발, 유지관리·운영 사업이고 사업금액 1억원 이상',
    forbidden='',
    citations=[
        C('소프트웨어 진흥법', '제46조②③'),
        C('소프트웨어 진흥법 시행령', '제39조'),
    ],
    suggestion='계약상대자는 「소프트웨어 진흥법」 제46조에 따라 계약 체결 후와 사업 종료 후에 SW사업정보(사업 규모, 비용, 일정, 품질 정보 등)를 SW사업정보 저장소에 제출하고, 그 확인서를 발주기관에 제출한다.',
    examples_pass=['계약상대자는 SW사업정보 저장소에 사업정보를 제출하여야 한다.', 'PMR-004 | 소프트웨어사업정보 제출'],
    examples_violation=[],
)

THRESHOLD = 100_000_000

# an article's bracketed title ("제46조(소프트웨어사업 정보의 제출)"): the article named, not applied
_TITLE = regex.compile(r"제\d+조(?:의\d+)?\(([^()]{1,40})\)")


def _in_article_title(doc: Document, m: Match) -> bool:
    """The match's closing keyword lies inside the bracketed title of an article, which names the
    obligation without anyone taking it on."""
    cs, ce = m.compact_start, m.compact_end
    lo = max(0, cs - 60)
    for t in _TITLE.finditer(doc.compact, lo, min(len(doc.compact), ce + 45)):
        if t.start(1) <= ce - 1 < t.end(1) and (cs >= t.start(1) or cs < t.start()):
            return True
    return False


def _one_sentence(doc: Document, m: Match) -> bool:
    """The statement stays in one sentence (the article and the submission are one statement)."""
    s, e = doc.sentence_span(m.start, m.start + 1)
    return m.end <= e


def detect(ctx: CheckContext) -> Finding:
    doc = ctx.doc
    sc = amount_scope(ctx, RULE, THRESHOLD, operation=True)
    if sc.finding:
        return sc.finding
    applies = sc.applies
    lex = load_lexicon("sw18")
    found = [m for m in local_matches(ctx, lex.rx("statement"))
             if not law_list_item(doc, m) and not self_check_row(doc, m) and not ms.self_check_row(doc, m.start)]
    found += [m for m in local_matches(ctx, lex.rx("article_statement"))
              if _one_sentence(doc, m) and not law_list_item(doc, m) and not self_check_row(doc, m)
              and not ms.self_check_row(doc, m.start)]
    # "'23년 1차 사업 종료 후 … 제출한 바 있음": an earlier phase's submission
    found = [m for m in found if not previous_project_mention(doc, m)]
    # "소프트웨어 진흥법 제46조(소프트웨어사업 정보의 제출)": a bare article title
    found = [m for m in found if not _in_article_title(doc, m)]
    found.sort(key=lambda m: m.start)
    if found:
        ev = dedupe([ctx.evidence(m.start, m.end) for m in found], 2)
        return ctx.finding(RULE, "pass", "계약상대자의 SW사업정보(수행·실적 정보) 작성·제출이 명시되어 있습니다.", ev,
                           applies=applies)
    return silence(
        ctx, RULE, sc,
        "계약상대자가 SW사업정보를 SW사업정보 저장소에 제출하도록 정한 내용이 없습니다.",
        looked_for="‘SW사업정보 데이터 작성 및 제출’, ‘SW사업정보 저장소(www.spir.kr)’, ‘SW사업 수행 및 실적정보’ 등 "
                   "SW사업정보 제출 의무 (소프트웨어 진흥법 제46조)",
        unsure="SW사업정보 제출 문구도 없으므로 1억원 이상 SW 개발·운영 사업인지 확인하십시오.",
    )
