"""Report languages: Korean (the default) and English.

The frame of every human report (labels, status and severity names, fact values, legends, the CLI's
own messages) comes from a locale file, ``report/locale_<lang>.json``; both files hold the same keys.
The English file also carries, per rule of the catalog, an English title, requirement, applicability,
what counts as a violation, a generic explanation per flagged status and an English reading of the
model clause, plus English names of the laws the rules cite.

What the tool never translates: text taken from a document (quotes, section titles, the project name),
the tool's detailed Korean judgement of a finding, and the model clause meant to be pasted into a
Korean RFP. An English report shows those in Korean, labelled as such.

Usage: ``L = get_locale(lang)`` then ``L.t("key")``, ``L.status("violation")``, ``L.citation(c)``,
``L.where(evidence)``, ``L.fact_value(name, fact)``, ``L.explanation(finding)``.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any, Optional

LANGS = ("ko", "en")
DEFAULT_LANG = "ko"

# Hangul syllables and jamo (compatibility and conjoining)
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff]")

# the rule-text fields the English locale holds for every rule
RULE_FIELDS = ("title", "requirement", "applies", "forbidden", "violation", "missing", "review", "clause")
EXPLAINED_STATUSES = ("violation", "missing", "review")

_LOCALE_PACKAGE = "rfpcheck.pipeline.report"
_INTERNAL_ERROR_MARK = "[내부 오류]"  # how pipeline/run.py starts the message of a failed detector


def has_hangul(text: str) -> bool:
    return bool(HANGUL.search(text or ""))


def normalize_lang(lang: Optional[str]) -> str:
    """``lang`` as one of LANGS; None or "" is the default (Korean). Raises ValueError otherwise."""
    if not lang:
        return DEFAULT_LANG
    key = str(lang).strip().lower().replace("_", "-").split("-")[0]
    if key not in LANGS:
        raise ValueError(f"unsupported report language: {lang!r} (use one of {', '.join(LANGS)})")
    return key


@lru_cache(maxsize=None)
def load_data(lang: str) -> dict[str, Any]:
    """The parsed locale file of ``lang``."""
    name = f"locale_{normalize_lang(lang)}.json"
    with resources.files(_LOCALE_PACKAGE).joinpath(name).open(encoding="utf-8") as f:
        return json.load(f)


# ── article numbers ─────────────────────────────────────────────────────────────────────────────

_CIRCLED = {chr(0x2460 + i): i + 1 for i in range(20)}  # ① .. ⑳
_ARTICLE_ITEM = re.compile(
    r"제\s*(?P<art>\d+)\s*조(?:\s*의\s*(?P<sub>\d+))?"
    r"(?P<paras>[\u2460-\u2473]*)"
    r"(?:\s*제\s*(?P<para>\d+)\s*항)?"
    r"(?:\s*제\s*(?P<item>\d+)\s*호)?"
)
_ARTICLE_SEP = re.compile(r"\s*(~|,|·|및|、)\s*")


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _article_item(m: re.Match) -> str:
    num = m.group("art") + (f"-{m.group('sub')}" if m.group("sub") else "")
    paras = [_CIRCLED[c] for c in m.group("paras") or ""]
    if m.group("para"):
        paras.append(int(m.group("para")))
    if paras:
        num += _join([f"({p})" for p in paras])  # 48(2) and (4)
    if m.group("item"):
        num += f", subparagraph {m.group('item')}"
    return num


def article_en(article: str) -> Optional[str]:
    """'제47조⑥' -> 'Article 47(6)', '제24조~제28조' -> 'Articles 24 to 28', '제8조, 제10조②' ->
    'Articles 8 and 10(2)', '제43조, 제43조의3' -> 'Articles 43 and 43-3'. None when not of that form."""
    text = (article or "").strip()
    if not text:
        return ""
    items: list[str] = []
    seps: list[str] = []
    pos = 0
    while True:
        m = _ARTICLE_ITEM.match(text, pos)
        if not m:
            return None
        items.append(_article_item(m))
        pos = m.end()
        if pos == len(text):
            break
        s = _ARTICLE_SEP.match(text, pos)
        if not s or s.end() == len(text):
            return None
        seps.append(s.group(1))
        pos = s.end()
    if len(items) == 1:
        return f"Article {items[0]}"
    if len(items) == 2 and seps == ["~"]:
        return f"Articles {items[0]} to {items[1]}"
    if "~" in seps:
        return None
    return "Articles " + _join(items)


# ── locations ───────────────────────────────────────────────────────────────────────────────────

_LOC_ESTIMATE = re.compile(r"^약 (\d+)쪽(?: \(([^()]*)\))?(?:, (.+))?$")
_LOC_PARTS = (
    (re.compile(r"^(\d+)쪽$"), "loc.page"),
    (re.compile(r"^(\d+)번째 구역$"), "loc.section"),
    (re.compile(r"^문단 (\d+)$"), "loc.paragraph"),
    (re.compile(r"^표 (\d+) \((\d+)행 (\d+)열\)$"), "loc.table"),
    (re.compile(r"^블록 (\d+)$"), "loc.block"),
)


class Locale:
    """The strings of one report language."""

    def __init__(self, lang: str) -> None:
        self.lang = normalize_lang(lang)
        self.data = load_data(self.lang)
        self.labels: dict[str, str] = self.data["labels"]
        self.en = self.lang == "en"

    # -- frame --------------------------------------------------------------------------------

    def t(self, key: str, **kw: Any) -> str:
        """The label ``key`` with ``{name}`` fields filled from ``kw``. A missing key is an error."""
        text = self.labels[key]
        return text.format(**kw) if kw else text

    def status(self, status: str) -> str:
        return self.data["statuses"].get(status, status)

    def severity(self, severity: Optional[str], scale: str = "word") -> str:
        """'word' (오류/경고/참고 · Error/Warning/Info) or 'level' (높음/보통/낮음 · High/Medium/Low);
        '' for none or an unknown value."""
        return self.data[f"severity_{scale}"].get(severity or "none", "")

    def baseline(self, state: Optional[str]) -> str:
        return self.data["baseline"].get(state or "", "")

    def source(self, source: Optional[str]) -> str:
        return self.data["fact_sources"].get(source or "unknown", "")

    def error_reason(self, code: Optional[str]) -> str:
        """A short description of an input error code (the message itself is Korean)."""
        reasons = self.data["error_codes"]
        return reasons.get(code or "", reasons["_other"])

    # -- facts --------------------------------------------------------------------------------

    def fact_label(self, name: str) -> str:
        return self.data["fact_labels"].get(name, name)

    def won(self, value: Any) -> str:
        """An amount of Korean won: '18.5억원 (1,850,000,000원)' / 'KRW 1.85 billion (1,850,000,000)'."""
        try:
            v = int(value)
        except (TypeError, ValueError):
            return str(value)
        if not self.en:
            if v >= 100_000_000:
                s = f"{v / 100_000_000:.2f}".rstrip("0").rstrip(".")
                return f"{s}억원 ({v:,}원)"
            if v >= 10_000:
                return f"{v / 10_000:,.0f}만원 ({v:,}원)"
            return f"{v:,}원"
        for unit, word in ((1_000_000_000_000, "trillion"), (1_000_000_000, "billion"), (1_000_000, "million")):
            if v >= unit:
                s = f"{v / unit:,.2f}".rstrip("0").rstrip(".")
                return f"KRW {s} {word} ({v:,})"
        return f"KRW {v:,}"

    def fact_value(self, name: str, fact: dict[str, Any]) -> str:
        """The value of a fact as a reader sees it (enumerated values in the report language; a
        project name stays as the document wrote it)."""
        v = fact.get("value")
        unknown = self.t("fact.unknown")
        if v is None:
            return unknown
        if name == "budget_krw":
            vat = fact.get("vat") or fact.get("budget_vat")
            s = self.won(v)
            if vat == "excluded":
                s += self.t("fact.vat_converted")
            return s
        if name == "duration_months":
            return self.t("fact.months_one" if v == 1 else "fact.months", n=v)
        if isinstance(v, bool):
            return self.t("fact.yes" if v else "fact.no")
        values = self.data["fact_values"].get(name, {})
        if isinstance(v, list):
            return ", ".join(values.get(str(x), str(x)) for x in v) if v else unknown
        if str(v) in ("yes", "no", "unknown"):
            return self.t(f"fact.{v}")
        return values.get(str(v), str(v))

    # -- places -------------------------------------------------------------------------------

    def location(self, location: Optional[str]) -> str:
        """A Korean location label ('15쪽', '1번째 구역, 문단 229, 표 53 (5행 3열)') in the report
        language; a label this does not understand is returned unchanged."""
        if not location or not self.en:
            return location or ""
        est = _LOC_ESTIMATE.match(location)
        if est:  # "약 15쪽 (1번째 구역, 문단 229), 표 53 (5행 3열)": an estimated page, then the exact place
            page, exact, rest = est.groups()
            out_est = self.t("loc.page_estimated", n0=page)
            if exact:
                out_est += f" ({self.location(exact)})"
            return out_est + (f", {self.location(rest)}" if rest else "")
        out = []
        for part in location.split(", "):
            for rx, key in _LOC_PARTS:
                m = rx.match(part.strip())
                if m:
                    out.append(self.t(key, **{f"n{i}": g for i, g in enumerate(m.groups())}))
                    break
            else:
                return location
        return ", ".join(out)

    def where(self, ev: dict[str, Any], empty: Optional[str] = None) -> str:
        """'location · section path' of one piece of evidence (the section path is the document's own
        heading text and stays as written)."""
        loc = ev.get("location")
        if not loc and ev.get("page"):
            loc = f"{ev['page']}쪽"
        parts = [p for p in (self.location(loc) if loc else "", ev.get("section")) if p]
        if parts:
            return " · ".join(parts)
        return self.t("where.none") if empty is None else empty

    # -- rules and law ------------------------------------------------------------------------

    def rule(self, rule_id: str) -> dict[str, str]:
        """The English texts of a rule ({} in Korean, or for a rule this locale does not know)."""
        return self.data.get("rules", {}).get(rule_id, {})

    def rule_title(self, rule_id: str, fallback: str = "") -> str:
        return self.rule(rule_id).get("title") or fallback

    def explanation(self, finding: dict[str, Any]) -> str:
        """The generic English explanation of a finding's status for its rule ('' in Korean, and for
        statuses without one)."""
        if not self.en:
            return ""
        if str(finding.get("message") or "").startswith(_INTERNAL_ERROR_MARK):
            return self.t("finding.internal_error")
        status = finding.get("status")
        if status in ("pass", "not_applicable"):
            return self.t(f"finding.generic_{status}")
        return self.rule(finding.get("rule_id", "")).get(status, "")

    def law_en(self, law: str) -> Optional[str]:
        """The English name of a law or rule book, or None when this locale does not know it."""
        laws = self.data.get("laws", {})
        if law in laws:
            return laws[law]
        for suffix, key in ((" 시행령", "law.decree_of"), (" 시행규칙", "law.rule_of")):
            if law.endswith(suffix) and law[: -len(suffix)] in laws:
                return self.t(key, law=laws[law[: -len(suffix)]])
        return None

    @staticmethod
    def law_ko_display(law: str) -> str:
        """The Korean name as shown in parentheses after the English one ('(계약예규) X' -> '계약예규 X')."""
        return re.sub(r"^\((.+?)\)\s*", r"\1 ", law).strip()

    def law(self, law: str) -> str:
        """'Software Promotion Act (소프트웨어 진흥법)' in English; the name itself in Korean."""
        if not self.en or not law:
            return law
        en = self.law_en(law)
        return f"{en} ({self.law_ko_display(law)})" if en else law

    def article(self, article: str) -> str:
        if not self.en or not article:
            return article
        known = self.data.get("articles", {}).get(article)
        if known:
            return known
        return article_en(article) or article

    def note(self, note: str) -> str:
        if not self.en or not note:
            return note
        return self.data.get("notes", {}).get(note, note)

    def citation(self, c: Any) -> str:
        """One citation: '소프트웨어 진흥법 제47조⑥ (note)' or
        'Enforcement Decree of the Software Promotion Act (소프트웨어 진흥법 시행령), Article 47(6) — note'."""
        if not isinstance(c, dict):
            c = c.to_dict()
        law, article, note = c.get("law", "") or "", c.get("article", "") or "", c.get("note") or ""
        if not self.en:
            return f"{law} {article}".strip() + (f" ({note})" if note else "")
        text = ", ".join(p for p in (self.law(law), self.article(article)) if p)
        return text + (f" — {self.note(note)}" if note else "")


@lru_cache(maxsize=None)
def get_locale(lang: Optional[str] = None) -> Locale:
    return Locale(normalize_lang(lang))
