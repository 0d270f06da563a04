"""SARIF 2.1.0 log for code-scanning services and CI tools: one run, the whole rule catalog as rules.

Mapping of the report onto SARIF:

- status → ``result.kind`` / ``level``: violation and missing are ``fail`` with the finding's severity
  as level (error/warning/note); review is ``review`` with level ``none`` (SARIF allows a level other
  than ``none`` only on ``fail``). pass and not_applicable become ``pass`` / ``notApplicable`` results
  only with ``verbose=True``.
- Locations: the document is the artifact (relative URI under ``%SRCROOT%`` — the folder rfpcheck ran
  in — or an absolute ``file://`` URI). PDF, DOCX, HWP and HWPX are binary artifacts and our offsets
  count characters of the extracted text, not of the file, so no ``region`` is written: SARIF requires
  a region to define a text or binary range, and line numbers would be invented. The quoted words,
  page and place go into the location's ``message`` and ``properties``; the section path becomes a
  logical location (``kind`` "section", a tool-defined kind — SARIF lists none for prose documents).
  The first evidence quote is the primary location, the others are ``relatedLocations``; a finding
  without evidence (missing) points at the document only.
- ``partialFingerprints["rfpcheck/v1"]`` is the report's fingerprint (rule, status and quoted words,
  spacing ignored), so a code-scanning service matches results across edits of the document.
- A configured suppression becomes an external, accepted ``suppression`` with its reason; once any
  result in the run carries suppression information every result does (SARIF asks for all or none).
  ``baseline_state`` becomes ``baselineState``; results the baseline comparison did not cover (pass and
  not-applicable, which never fail a run) are ``unchanged``, because SARIF asks for all or none.
- A document that could not be read is a tool execution notification (level error) on its artifact,
  and the invocation is then not successful.
- ``lang="en"``: rule names, descriptions and help, notification texts and result messages are English
  (a result message is the English explanation of the status followed by the Korean judgement,
  labelled); ``language`` is en-US. Every machine field (ids, kinds, levels, fingerprints, properties)
  is the same as in the Korean log.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import PureWindowsPath
from typing import Any, Optional
from urllib.parse import quote

from ..i18n import Locale, get_locale
from ..model import STATUS_KO

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "rfpcheck/v1"
SRCROOT = "%SRCROOT%"
LANGUAGE = "ko-KR"
LANGUAGES = {"ko": "ko-KR", "en": "en-US"}  # the language of the log's messages, by report language
SECTION_KIND = "section"
SECTION_SEP = " > "  # how the report writes a section path

FLAGGED = ("violation", "missing", "review")
KIND = {
    "violation": "fail",
    "missing": "fail",
    "review": "review",
    "pass": "pass",
    "not_applicable": "notApplicable",
}
# severity of a failing result → SARIF level (a fail always has a level other than "none")
LEVEL = {"error": "error", "warning": "warning", "info": "note", "none": "note"}
MIME_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "hwp": "application/x-hwp",
    "hwpx": "application/hwp+zip",  # the media type an HWPX package declares in its own mimetype entry
    "txt": "text/plain",
}
# InputError codes (pipeline/errors.py) → notification descriptors
ERROR_CODES_KO = {
    "not_found": "파일이 없음",
    "unreadable": "파일을 열 수 없음",
    "unsupported": "지원하지 않는 형식",
    "encrypted": "암호가 걸린 문서",
    "corrupt": "손상된 파일",
    "no_text": "읽을 수 있는 글자가 없음",
    "garbled": "글자가 깨진 텍스트",
    "too_large": "지나치게 큰 문서",
    "zip_bomb": "압축 폭탄 의심",
}

_SEMVER = re.compile(
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$"
)
_WIN_ABS = re.compile(r"^(?:[A-Za-z]:[\\/]|\\\\[^\\])")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")
# characters RFC 3986 allows as they are in a path segment besides the unreserved ones (":" is left
# out: in a relative reference's first segment it would read as a scheme)
_PCHAR_SAFE = "!$&'()*+,;=@"


# -- URIs --------------------------------------------------------------------------------------

def artifact_uri(path: str) -> tuple[str, bool]:
    """The URI of a document path and whether it is relative (to the folder rfpcheck ran in).

    Relative paths stay relative with posix separators and without "." or empty segments; every
    segment is percent-encoded as UTF-8 (so Hangul and spaces are escaped and a colon cannot pass
    for a scheme). A path with ".." segments and an absolute path become absolute ``file://`` URIs —
    SARIF asks producers to resolve ".." rather than leave it to consumers.
    """
    if _WIN_ABS.match(path):
        return PureWindowsPath(path).as_uri(), False
    p = path.replace("\\", "/") if os.name == "nt" else path
    segments = [s for s in p.split("/") if s not in ("", ".")]
    if p.startswith("/") or ".." in segments:
        return _file_uri(p), False
    return "/".join(_quote(s) for s in segments), True


def _file_uri(path: str) -> str:
    full = os.path.realpath(path)
    if os.name == "nt":
        return PureWindowsPath(full).as_uri()
    return "file://" + quote(os.fsencode(full), safe="/" + _PCHAR_SAFE)


def _quote(segment: str) -> str:
    return quote(os.fsencode(segment), safe=_PCHAR_SAFE)


def _text(s: Any) -> str:
    """Text safe to write as UTF-8 (a file name read from the command line may hold lone surrogates)."""
    s = s if isinstance(s, str) else str(s)
    return s.encode("utf-8", "replace").decode("utf-8")


# -- rules ------------------------------------------------------------------------------------

def _md(s: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", s)


def _citation_label(c: Any) -> str:
    if isinstance(c, dict):
        return f"{c.get('law', '')} {c.get('article', '')}".strip()
    return c.label()


def rule_descriptor(rule, L: Optional[Locale] = None) -> dict[str, Any]:
    """A reportingDescriptor for one catalog rule (Korean texts, or English with ``L`` English)."""
    if L is not None and L.en:
        return _rule_descriptor_en(rule, L)
    labels = [c.label() for c in rule.citations]
    text_parts = ["근거 법령: " + "; ".join(
        f"{c.label()}({c.note})" if c.note else c.label() for c in rule.citations)]
    md_parts = ["**근거 법령**", "\n".join(
        f"- {_md(c.label())}" + (f" — {_md(c.note)}" if c.note else "") for c in rule.citations)]
    if rule.forbidden:
        text_parts.append(f"위반으로 보는 경우: {rule.forbidden}")
        md_parts += ["**위반으로 보는 경우**", _md(rule.forbidden)]
    if rule.suggestion:
        text_parts.append(f"권고 문안: {rule.suggestion}")
        md_parts += ["**권고 문안**", "> " + _md(rule.suggestion)]
    requirement = rule.requirement.rstrip().rstrip(".")
    full = f"{requirement}. 적용 대상: {rule.applies_when}" if rule.applies_when else f"{requirement}."
    return {
        "id": rule.id,
        "name": rule.title,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": full},
        "help": {"text": "\n\n".join(text_parts), "markdown": "\n\n".join(md_parts)},
        "defaultConfiguration": {"level": LEVEL.get(rule.severity_for("violation"), "error")},
        "properties": {
            "tags": ["rfpcheck", rule.family],
            "citations": labels,
            "implemented": rule.implemented,
        },
    }


def _rule_descriptor_en(rule, L: Locale) -> dict[str, Any]:
    """The English reportingDescriptor: English title, requirement, applicability and legal basis; the
    model clause stays Korean (it is meant for a Korean RFP) with an English reading beside it."""
    en = L.rule(rule.id)
    title = en.get("title") or rule.title
    cites = [L.citation(c) for c in rule.citations]
    text_parts = [f"{L.t('finding.basis')}: " + "; ".join(cites)]
    md_parts = [f"**{L.t('finding.basis')}**", "\n".join(f"- {_md(c)}" for c in cites)]
    if en.get("forbidden"):
        text_parts.append(f"{L.t('explain.forbidden')}: {en['forbidden']}")
        md_parts += [f"**{L.t('explain.forbidden')}**", _md(en["forbidden"])]
    if rule.suggestion:
        text_parts.append(f"{L.t('finding.suggestion')}: {rule.suggestion}")
        md_parts += [f"**{L.t('finding.suggestion')}**", "> " + _md(rule.suggestion)]
        if en.get("clause"):
            text_parts.append(f"{L.t('finding.clause_en')}: {en['clause']}")
            md_parts += [f"**{L.t('finding.clause_en')}**", _md(en["clause"])]
    requirement = (en.get("requirement") or rule.requirement).rstrip().rstrip(".")
    applies = en.get("applies") or rule.applies_when
    full = f"{requirement}. {L.t('explain.applies')}: {applies}" if applies else f"{requirement}."
    return {
        "id": rule.id,
        "name": title,
        "shortDescription": {"text": title},
        "fullDescription": {"text": full},
        "help": {"text": "\n\n".join(text_parts), "markdown": "\n\n".join(md_parts)},
        "defaultConfiguration": {"level": LEVEL.get(rule.severity_for("violation"), "error")},
        "properties": {
            "tags": ["rfpcheck", rule.family],
            "citations": [c.label() for c in rule.citations],
            "implemented": rule.implemented,
        },
    }


def _notification_descriptors(codes: list[str], L: Optional[Locale] = None) -> list[dict[str, Any]]:
    if L is not None and L.en:
        return [{"id": code, "shortDescription": {"text": L.error_reason(code)}} for code in codes]
    return [{"id": code, "shortDescription": {"text": ERROR_CODES_KO.get(code, "문서를 읽지 못함")}}
            for code in codes]


# -- the log ----------------------------------------------------------------------------------

class _Run:
    """Accumulates artifacts and logical locations while results are built."""

    def __init__(self, rule_index: dict[str, int], L: Optional[Locale] = None) -> None:
        self.rule_index = rule_index
        self.L = L or get_locale("ko")
        self.artifacts: list[dict[str, Any]] = []
        self.artifact_by_uri: dict[str, int] = {}
        self.logical: list[dict[str, Any]] = []
        self.logical_by_name: dict[str, int] = {}
        self.any_relative = False

    def artifact(self, doc: dict[str, Any]) -> dict[str, Any]:
        """The artifactLocation of a document, adding the document to run.artifacts once."""
        uri, relative = artifact_uri(doc["path"])
        loc: dict[str, Any] = {"uri": uri}
        if relative:
            loc["uriBaseId"] = SRCROOT
            self.any_relative = True
        idx = self.artifact_by_uri.get(uri)
        if idx is None:
            idx = len(self.artifacts)
            self.artifact_by_uri[uri] = idx
            art: dict[str, Any] = {"location": dict(loc), "roles": ["analysisTarget"]}
            fmt = doc.get("format")
            if fmt in MIME_TYPES:
                art["mimeType"] = MIME_TYPES[fmt]
            if doc.get("sha256"):
                art["hashes"] = {"sha-256": doc["sha256"]}
            props = {k: doc[k] for k in ("format", "pages") if doc.get(k) is not None}
            props["path"] = _text(doc["path"])
            art["properties"] = props
            self.artifacts.append(art)
        return {**loc, "index": idx}

    def section(self, path: str) -> dict[str, Any]:
        """A logicalLocation reference for a section path, caching it and its parents in the run."""
        parts = [p for p in path.split(SECTION_SEP) if p]
        parent: Optional[int] = None
        for depth in range(len(parts)):
            fqn = SECTION_SEP.join(parts[: depth + 1])
            idx = self.logical_by_name.get(fqn)
            if idx is None:
                node: dict[str, Any] = {"name": parts[depth], "kind": SECTION_KIND}
                if parent is not None:
                    node["fullyQualifiedName"] = fqn
                    node["parentIndex"] = parent
                idx = len(self.logical)
                self.logical.append(node)
                self.logical_by_name[fqn] = idx
            parent = idx
        node = self.logical[parent]  # type: ignore[index]
        ref = {"index": parent, "name": node["name"], "kind": SECTION_KIND}
        if "fullyQualifiedName" in node:
            ref["fullyQualifiedName"] = node["fullyQualifiedName"]
        return ref


def _location(run: _Run, art_loc: dict[str, Any], ev: Optional[dict[str, Any]], loc_id: int) -> dict[str, Any]:
    loc: dict[str, Any] = {"id": loc_id, "physicalLocation": {"artifactLocation": dict(art_loc)}}
    if ev is None:
        return loc
    section = ev.get("section")
    if section:
        loc["logicalLocations"] = [run.section(section)]
    where = ev.get("location") or (f"{ev['page']}쪽" if ev.get("page") else None)
    quote_text = ev.get("quote") or ""
    shown = run.L.location(where) if where else None
    loc["message"] = {"text": f"{shown} — “{quote_text}”" if shown else f"“{quote_text}”"}
    props: dict[str, Any] = {"quote": quote_text}
    if ev.get("page") is not None:
        props["page"] = ev["page"]
    if where:
        props["locationLabel"] = where
    if section:
        props["section"] = section
    loc["properties"] = props
    return loc


def _result(run: _Run, art_loc: dict[str, Any], f: dict[str, Any]) -> dict[str, Any]:
    status = f["status"]
    kind = KIND[status]
    citations = f.get("citations") or []
    L = run.L
    if L.en:
        why = L.explanation(f)
        text = f"[{L.status(status)}] " + (f"{why} " if why else "") + f"{L.t('finding.detail')}: {f.get('message', '')}"
        if citations:
            first = citations[0] if isinstance(citations[0], dict) else citations[0].to_dict()
            text += f" ({L.t('sarif.basis')}: {L.citation(first)})"
    else:
        text = f"[{STATUS_KO.get(status, status)}] {f.get('message', '')}"
        if citations:
            text += f" (근거: {_citation_label(citations[0])})"
    res: dict[str, Any] = {"ruleId": f["rule_id"]}
    if f["rule_id"] in run.rule_index:
        res["ruleIndex"] = run.rule_index[f["rule_id"]]
    res["kind"] = kind
    res["level"] = LEVEL.get(f.get("severity"), "warning") if kind == "fail" else "none"
    res["message"] = {"text": text}
    evidence = f.get("evidence") or []
    res["locations"] = [_location(run, art_loc, evidence[0] if evidence else None, 0)]
    if len(evidence) > 1:
        res["relatedLocations"] = [_location(run, art_loc, ev, i) for i, ev in enumerate(evidence[1:], 1)]
    if f.get("fingerprint"):
        res["partialFingerprints"] = {FINGERPRINT_KEY: f["fingerprint"]}
    sup = f.get("suppressed")
    if sup:
        s: dict[str, Any] = {"kind": "external", "status": "accepted"}
        if sup.get("reason"):
            s["justification"] = sup["reason"]
        if sup.get("source"):
            s["properties"] = {"source": _text(sup["source"])}
        res["suppressions"] = [s]
    if f.get("baseline_state"):
        res["baselineState"] = f["baseline_state"]
    props: dict[str, Any] = {
        "status": status,
        "statusKo": STATUS_KO.get(status, status),
        "severity": f.get("severity"),
        "title": f.get("title"),
        "citations": [_citation_label(c) for c in citations],
    }
    for key, name in (("applies", "applies"), ("looked_for", "lookedFor"), ("suggestion", "suggestion")):
        if f.get(key):
            props[name] = f[key]
    res["properties"] = props
    return res


def build_log(report: dict[str, Any], verbose: bool = False, lang: Optional[str] = None) -> dict[str, Any]:
    """The SARIF log as a dict. With ``lang="en"`` the human texts (rule names, descriptions, help,
    messages) are English and each result message carries the Korean judgement, labelled; the machine
    fields (ids, kinds, levels, properties, fingerprints) are the same in every language."""
    from rfpcheck.checks.registry import all_rules

    L = get_locale(lang)
    catalog = all_rules()
    run = _Run({rid: i for i, rid in enumerate(catalog)}, L)
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    codes: list[str] = []
    for entry in report.get("documents", []):
        doc = entry["document"]
        art_loc = run.artifact(doc)
        err = entry.get("error")
        if err:
            code = err.get("code") or "unreadable"
            if code not in codes:
                codes.append(code)
            notifications.append({
                "level": "error",
                "message": {"text": f"{_text(doc['path'])}: {_error_message(err, L)}"},
                "locations": [{"physicalLocation": {"artifactLocation": dict(art_loc)}}],
                "descriptor": {"id": code},
            })
            continue
        for f in entry.get("findings") or []:
            if f["status"] in FLAGGED or verbose:
                results.append(_result(run, art_loc, f))

    # SARIF: suppression information and baseline states are given for every result or for none
    if any("suppressions" in r for r in results):
        for r in results:
            r.setdefault("suppressions", [])
    if any("baselineState" in r for r in results):
        for r in results:
            r.setdefault("baselineState", "unchanged")

    known_codes = list(ERROR_CODES_KO)
    all_codes = known_codes + [c for c in codes if c not in ERROR_CODES_KO]
    for n in notifications:
        n["descriptor"]["index"] = all_codes.index(n["descriptor"]["id"])

    tool = report.get("tool") or {}
    version = str(tool.get("version") or "")
    driver: dict[str, Any] = {"name": tool.get("name") or "rfpcheck"}
    if version:
        driver["version"] = version
        if _SEMVER.match(version):
            driver["semanticVersion"] = version
    driver["fullName"] = f"{driver['name']} {version}".strip()
    driver["shortDescription"] = {"text": L.t("sarif.tool_description")}
    driver["language"] = LANGUAGES[L.lang]
    driver["rules"] = [rule_descriptor(r, L) for r in catalog.values()]
    driver["notifications"] = _notification_descriptors(all_codes, L)

    invocation: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications

    sarif_run: dict[str, Any] = {"tool": {"driver": driver}, "invocations": [invocation]}
    if run.any_relative:
        sarif_run["originalUriBaseIds"] = {
            SRCROOT: {"description": {"text": L.t("sarif.srcroot")}}}
    sarif_run["language"] = LANGUAGES[L.lang]
    sarif_run["artifacts"] = run.artifacts
    if run.logical:
        sarif_run["logicalLocations"] = run.logical
    sarif_run["results"] = results
    sarif_run["properties"] = {"schemaVersion": str(report.get("schema_version", ""))}
    return {"$schema": SARIF_SCHEMA_URI, "version": SARIF_VERSION, "runs": [sarif_run]}


def _error_message(err: dict[str, Any], L: Locale) -> str:
    if not L.en:
        return err.get("message", "")
    return f"{L.error_reason(err.get('code'))} — {L.t('finding.detail')}: {err.get('message', '')}"


def render(report: dict, **options) -> str:
    """The SARIF 2.1.0 log as JSON text (UTF-8 characters kept, two-space indent, final newline)."""
    log = build_log(report, verbose=bool(options.get("verbose")), lang=options.get("lang"))
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
