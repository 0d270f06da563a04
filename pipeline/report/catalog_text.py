"""The rule catalog in English, for ``rfpcheck rules --lang en`` and ``rfpcheck explain ID --lang en``.

Each rule is shown with its English title, requirement, applicability, what counts as a violation,
what each flagged result means and its legal basis (English law names with the Korean name in
parentheses, article numbers as in the law). The Korean title, the Korean example sentences and the
model clause meant for a Korean RFP are shown in Korean, labelled, with an English reading of the
clause beside it.
"""
from __future__ import annotations

import textwrap
from typing import Any

from ..i18n import EXPLAINED_STATUSES, get_locale

WIDTH = 96


def _para(text: str, indent: str = "  ", hang: str = "") -> str:
    """``text`` wrapped at WIDTH, every line indented, lines after the first by ``hang`` more."""
    return "\n".join(textwrap.wrap(text, width=WIDTH, initial_indent=indent, subsequent_indent=indent + hang,
                                   break_long_words=False, break_on_hyphens=False)) or indent.rstrip()


def _basis(rule, with_notes: bool) -> list[str]:
    L = get_locale("en")
    out = []
    for c in rule.citations:
        d = c.to_dict()
        if not with_notes:
            d.pop("note", None)
        out.append(L.citation(d))
    return out


def rules_text_en(rules: dict[str, Any]) -> str:
    """The catalog listing: id, English title, legal basis and applicability per rule."""
    L = get_locale("en")
    lines = [L.t("rules.heading", n=len(rules)), ""]
    for r in rules.values():
        mark = "" if r.implemented else L.t("rules.not_implemented")
        lines.append(f"{r.id:<7}{L.rule_title(r.id, r.title)}{mark}")
        lines.append(f"       {L.t('rules.basis')}: " + "; ".join(_basis(r, with_notes=False)))
        lines.append(f"       {L.t('rules.applies')}: {L.rule(r.id).get('applies') or r.applies_when}")
    return "\n".join(lines) + "\n"


def rules_json_en(rules: dict[str, Any]) -> list[dict[str, Any]]:
    """The JSON catalog: the language-neutral fields of ``rfpcheck rules --format json`` plus English
    texts under ``*_en`` keys."""
    L = get_locale("en")
    out = []
    for r in rules.values():
        en = L.rule(r.id)
        out.append({
            "id": r.id,
            "title": r.title,
            "implemented": r.implemented,
            "applies_when": r.applies_when,
            "citations": [c.to_dict() for c in r.citations],
            "title_en": en.get("title", ""),
            "requirement_en": en.get("requirement", ""),
            "applies_when_en": en.get("applies", ""),
            "citations_en": _basis(r, with_notes=True),
        })
    return out


def explain_text_en(rule) -> str:
    """Everything about one rule, in English (Korean parts labelled)."""
    L = get_locale("en")
    en = L.rule(rule.id)
    lines = [f"{rule.id} {en.get('title') or rule.title}"
             + ("" if rule.implemented else L.t("explain.not_implemented")),
             f"Korean title: {rule.title}", ""]

    def section(label: str, body: list[str]) -> None:
        lines.append(f"■ {label}")
        lines.extend(body)
        lines.append("")

    section(L.t("explain.requirement"), [_para(en.get("requirement") or rule.requirement)])
    section(L.t("explain.applies"), [_para(en.get("applies") or rule.applies_when)])
    section(L.t("explain.forbidden"), [_para(en.get("forbidden") or L.t("explain.no_forbidden"))])
    section(L.t("explain.status_texts"),
            [_para(f"{L.status(s)}: {en[s]}", hang="  ") for s in EXPLAINED_STATUSES if en.get(s)])
    section(L.t("explain.basis"), [_para(f"- {c}", hang="  ") for c in _basis(rule, with_notes=True)])
    if rule.examples_pass:
        section(L.t("explain.examples_pass"), [f"  - {e}" for e in rule.examples_pass])
    if rule.examples_violation:
        section(L.t("explain.examples_violation"), [f"  - {e}" for e in rule.examples_violation])
    if rule.suggestion:
        section(L.t("explain.suggestion"), [f"  {rule.suggestion}"])
    if en.get("clause"):
        section(L.t("finding.clause_en"), [_para(en["clause"])])
    return "\n".join(lines).rstrip() + "\n"
