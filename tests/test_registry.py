"""The rule catalog: every rule of CHECKS.md declared once, with citations that exist."""
from __future__ import annotations

import re

import pytest

from conftest import SHARED
from rfpcheck.checks.registry import all_rules, get_rule

CHECKS_MD = SHARED / "CHECKS.md"
CITATIONS_MD = SHARED / "reference" / "citations.md"

ABBREV = {
    "소프트웨어 진흥법": "법",
    "소프트웨어 진흥법 시행령": "영",
    "소프트웨어 진흥법 시행규칙": "규칙",
    "소프트웨어사업 계약 및 관리감독에 관한 지침": "지침",
}


def test_every_rule_has_title_requirement_citation_and_clause():
    for rid, r in all_rules().items():
        assert re.fullmatch(r"(SW|SEC|DATA|PRIV|PROC)\d{2}", rid)
        assert re.search(r"[가-힣]", r.title), rid
        assert r.requirement and r.applies_when and r.suggestion, rid
        assert r.citations, rid
        for c in r.citations:
            assert c.law and c.article, rid
        assert r.doc, f"{rid} has no explanation for `rfpcheck explain`"


def test_get_rule_is_case_insensitive_and_strict():
    assert get_rule("sw08").id == "SW08"
    with pytest.raises(KeyError):
        get_rule("SW99")


@pytest.mark.skipif(not CHECKS_MD.exists(), reason="../shared/CHECKS.md is not here")
def test_catalog_matches_checks_md():
    ids = set(re.findall(r"^\| ((?:SW|SEC|DATA|PRIV|PROC)\d{2}) \|", CHECKS_MD.read_text(encoding="utf-8"), re.M))
    assert ids == set(all_rules())


@pytest.mark.skipif(not CITATIONS_MD.exists(), reason="../shared/reference/citations.md is not here")
def test_software_act_articles_are_the_verified_ones():
    """Every 소프트웨어 진흥법/시행령/시행규칙/지침 article we cite appears in the verified citation table."""
    text = CITATIONS_MD.read_text(encoding="utf-8")
    for r in all_rules().values():
        for c in r.citations:
            short = ABBREV.get(c.law)
            if not short:
                continue
            # a range "제24조~제28조" is checked by its first article
            for art in re.findall(r"제(\d+)조", re.sub(r"~제\d+조", "", c.article)):
                assert re.search(rf"{short} 제{art}조", text), f"{r.id}: {c.law} 제{art}조 not in citations.md"
