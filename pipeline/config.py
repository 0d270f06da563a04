"""Run settings from a file, suppressions with reasons, and baseline comparison.

A project keeps its settings in ``rfpcheck.toml`` (top-level keys) or in ``pyproject.toml`` under
``[tool.rfpcheck]``; ``--config FILE`` names one explicitly. Options given on the command line win over
the file. Paths in the file (``out_dir``, ``baseline``, suppression ``path`` globs) are relative to the
file's folder.

    fail_on = "warning"            # error | warning | info | none
    format = ["text", "sarif"]     # one or more report formats
    out_dir = "reports"
    jobs = 2
    rules = ["SW01", "SW04"]       # check only these (default: all)
    ignore = ["SW16"]              # never check these
    baseline = "rfpcheck-baseline.json"

    [facts]                        # the same keys as --fact
    budget = "12억"

    [[suppress]]                   # a known finding that must not fail the run
    rule = "SW09"                  # required
    path = "rfp/2025-*.hwp"        # optional glob on the document path
    quote = "Oracle"               # optional: a word of the finding's quote (spacing ignored)
    fingerprint = "…"              # optional: exactly one finding (from the JSON report)
    reason = "기존 시스템 연계 — 정보화팀 검토 완료(2025-03)"   # required
    expires = 2026-12-31           # optional: after this date the suppression no longer applies

A suppressed finding stays in every report, marked with its reason; it never fails a run. A baseline
is an earlier JSON report of rfpcheck: a flagged finding already in it (same document, same
fingerprint) is ``unchanged`` and does not fail the run; anything else is ``new``.
"""
from __future__ import annotations

import datetime as _dt
import fnmatch
import json
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Optional

CONFIG_NAMES = ("rfpcheck.toml", "pyproject.toml")
FAIL_LEVELS = ("error", "warning", "info", "none")
FLAGGED = ("violation", "missing", "review")
_KEYS = {"fail_on", "format", "out_dir", "jobs", "rules", "ignore", "baseline", "facts", "suppress"}
_SUPPRESS_KEYS = {"rule", "path", "quote", "fingerprint", "reason", "expires"}


class ConfigError(ValueError):
    """A settings or baseline file that cannot be used; the message is Korean and names the file."""


@dataclass
class Suppression:
    rule: str
    reason: str
    path: Optional[str] = None
    quote: Optional[str] = None
    fingerprint: Optional[str] = None
    expires: Optional[_dt.date] = None
    base: Path = field(default_factory=Path.cwd)

    def active(self, today: Optional[_dt.date] = None) -> bool:
        return self.expires is None or (today or _dt.date.today()) <= self.expires

    def covers(self, doc_path: str, finding: dict[str, Any]) -> bool:
        if finding.get("rule_id") != self.rule:
            return False
        if self.fingerprint and finding.get("fingerprint") != self.fingerprint:
            return False
        if self.quote:
            want = "".join(self.quote.split())
            if not any(want in "".join(e.get("quote", "").split()) for e in finding.get("evidence", [])):
                return False
        if self.path and not _path_matches(self.path, doc_path, self.base):
            return False
        return True

    def source(self) -> str:
        what = [self.rule]
        if self.path:
            what.append(self.path)
        if self.quote:
            what.append(f"‘{self.quote}’")
        return "설정 파일 억제: " + " · ".join(what)


@dataclass
class Config:
    path: Optional[Path] = None
    fail_on: Optional[str] = None
    formats: list[str] = field(default_factory=list)
    out_dir: Optional[str] = None
    jobs: Optional[int] = None
    rules: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    baseline: Optional[str] = None
    facts: dict[str, str] = field(default_factory=dict)
    suppressions: list[Suppression] = field(default_factory=list)


def _path_matches(pattern: str, doc_path: str, base: Path) -> bool:
    """A glob against the document path as given, and against it relative to the config's folder;
    a pattern without a slash also matches the file name alone."""
    given = PurePosixPath(Path(doc_path).as_posix())
    candidates = {given.as_posix()}
    try:
        candidates.add(Path(os.path.abspath(doc_path)).relative_to(base.resolve()).as_posix())
    except ValueError:
        pass
    if "/" not in pattern:
        candidates.add(given.name)
    return any(fnmatch.fnmatchcase(c, pattern) for c in candidates)


def find_config(start: Optional[Path] = None) -> Optional[Path]:
    """``rfpcheck.toml`` in the working folder, else a ``pyproject.toml`` there with [tool.rfpcheck]."""
    folder = start or Path.cwd()
    own = folder / "rfpcheck.toml"
    if own.is_file():
        return own
    py = folder / "pyproject.toml"
    if py.is_file():
        try:
            data = tomllib.loads(py.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
            return None
        if isinstance(data.get("tool"), dict) and "rfpcheck" in data["tool"]:
            return py
    return None


def load_config(path: Path, known_rules: Optional[set[str]] = None,
                known_formats: Optional[set[str]] = None) -> Config:
    """Read and check a settings file; every problem is a ConfigError naming the file and the key."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: 설정 파일이 없습니다.") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: 설정 파일을 읽을 수 없습니다 ({e.__class__.__name__}).") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: TOML 형식 오류 — {e}") from None
    if path.name == "pyproject.toml":
        data = (data.get("tool") or {}).get("rfpcheck")
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: [tool.rfpcheck] 항목이 없습니다.")
    base = path.parent.resolve()

    def bad(key: str, why: str) -> ConfigError:
        return ConfigError(f"{path}: '{key}' {why}")

    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise bad(unknown[0], f"은(는) 알 수 없는 설정입니다 (가능: {', '.join(sorted(_KEYS))}).")
    cfg = Config(path=path)
    if "fail_on" in data:
        if data["fail_on"] not in FAIL_LEVELS:
            raise bad("fail_on", f"값은 {', '.join(FAIL_LEVELS)} 중 하나여야 합니다.")
        cfg.fail_on = data["fail_on"]
    if "format" in data:
        fmts = data["format"] if isinstance(data["format"], list) else [data["format"]]
        for f in fmts:
            if not isinstance(f, str) or (known_formats and f not in known_formats):
                raise bad("format", f"의 '{f}'은(는) 지원하지 않는 형식입니다 (가능: {', '.join(sorted(known_formats or []))}).")
        cfg.formats = list(fmts)
    if "out_dir" in data:
        if not isinstance(data["out_dir"], str):
            raise bad("out_dir", "값은 폴더 경로 문자열이어야 합니다.")
        cfg.out_dir = str(base / data["out_dir"])
    if "jobs" in data:
        j = data["jobs"]
        if not isinstance(j, int) or isinstance(j, bool) or not 1 <= j <= 64:
            raise bad("jobs", "값은 1~64 사이의 정수여야 합니다.")
        cfg.jobs = j
    for key in ("rules", "ignore"):
        if key in data:
            vals = data[key]
            if not isinstance(vals, list) or not all(isinstance(v, str) for v in vals):
                raise bad(key, "값은 항목 ID 목록이어야 합니다 (예: [\"SW01\", \"SW04\"]).")
            vals = [v.upper() for v in vals]
            unknown_ids = [v for v in vals if known_rules and v not in known_rules]
            if unknown_ids:
                raise bad(key, f"의 알 수 없는 항목: {', '.join(unknown_ids)} (rfpcheck rules 참고).")
            setattr(cfg, key, vals)
    if "baseline" in data:
        if not isinstance(data["baseline"], str):
            raise bad("baseline", "값은 파일 경로 문자열이어야 합니다.")
        cfg.baseline = str(base / data["baseline"])
    if "facts" in data:
        if not isinstance(data["facts"], dict):
            raise bad("facts", "는 [facts] 표여야 합니다 (예: budget = \"12억\").")
        cfg.facts = {str(k): str(v) for k, v in data["facts"].items()}
    for i, item in enumerate(data.get("suppress") or [], 1):
        where = f"suppress #{i}"
        if not isinstance(item, dict):
            raise bad(where, "는 [[suppress]] 표여야 합니다.")
        extra = sorted(set(item) - _SUPPRESS_KEYS)
        if extra:
            raise bad(where, f"의 '{extra[0]}'은(는) 알 수 없는 키입니다 (가능: {', '.join(sorted(_SUPPRESS_KEYS))}).")
        rule = str(item.get("rule") or "").upper()
        if not rule or (known_rules and rule not in known_rules):
            raise bad(where, "에 올바른 rule(항목 ID)이 있어야 합니다.")
        reason = str(item.get("reason") or "").strip()
        if not reason:
            raise bad(where, f"({rule})에 reason(억제 사유)이 있어야 합니다 — 사유 없는 억제는 받지 않습니다.")
        expires = item.get("expires")
        if expires is not None:
            if isinstance(expires, _dt.datetime):
                expires = expires.date()
            elif isinstance(expires, str):
                try:
                    expires = _dt.date.fromisoformat(expires)
                except ValueError:
                    raise bad(where, "의 expires는 날짜여야 합니다 (예: 2026-12-31).") from None
            elif not isinstance(expires, _dt.date):
                raise bad(where, "의 expires는 날짜여야 합니다 (예: 2026-12-31).")
        cfg.suppressions.append(Suppression(
            rule=rule, reason=reason, path=item.get("path"), quote=item.get("quote"),
            fingerprint=item.get("fingerprint"), expires=expires, base=base,
        ))
    return cfg


def apply_suppressions(entries: list[dict[str, Any]], suppressions: list[Suppression],
                       today: Optional[_dt.date] = None) -> list[Suppression]:
    """Mark covered findings ``suppressed``; return the suppressions that expired (to warn about)."""
    active = [s for s in suppressions if s.active(today)]
    expired = [s for s in suppressions if not s.active(today)]
    for entry in entries:
        path = entry["document"]["path"]
        for f in entry["findings"]:
            if f["status"] not in FLAGGED:
                continue
            for s in active:
                if s.covers(path, f):
                    f["suppressed"] = {"reason": s.reason, "source": s.source()}
                    break
    return expired


def load_baseline(path: Path) -> dict[str, Any]:
    """An earlier JSON report of rfpcheck, checked against the published schema."""
    from .report import validate

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: 기준선 파일이 없습니다. 먼저 'rfpcheck 문서들 -f json -o {path}' 로 만드세요.") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ConfigError(f"{path}: 기준선 파일을 읽을 수 없습니다 — rfpcheck JSON 보고서여야 합니다 ({e.__class__.__name__}).") from None
    try:
        validate(data)
    except Exception as e:  # jsonschema.ValidationError
        msg = getattr(e, "message", str(e))
        raise ConfigError(f"{path}: rfpcheck JSON 보고서 형식이 아닙니다 ({msg[:120]}).") from None
    return data


def _doc_key(path: str) -> str:
    return os.path.normcase(os.path.normpath(path))


def apply_baseline(entries: list[dict[str, Any]], baseline: dict[str, Any]) -> None:
    """Mark each flagged finding ``new`` or ``unchanged``. A document is matched by its path, else by
    its content hash (a renamed file); its findings by fingerprint."""
    by_path: dict[str, set[str]] = {}
    by_hash: dict[str, set[str]] = {}
    for d in baseline.get("documents", []):
        prints = {f.get("fingerprint") for f in d.get("findings", [])
                  if f.get("status") in FLAGGED and f.get("fingerprint")}
        by_path.setdefault(_doc_key(d["document"]["path"]), set()).update(prints)
        if d["document"].get("sha256"):
            by_hash.setdefault(d["document"]["sha256"], set()).update(prints)
    for entry in entries:
        doc = entry["document"]
        known = by_path.get(_doc_key(doc["path"]))
        if known is None and doc.get("sha256"):
            known = by_hash.get(doc["sha256"])
        for f in entry["findings"]:
            if f["status"] in FLAGGED:
                f["baseline_state"] = "unchanged" if known and f.get("fingerprint") in known else "new"


def counts_toward_exit(finding: dict[str, Any]) -> bool:
    """A suppressed finding or one already in the baseline never fails a run."""
    return "suppressed" not in finding and finding.get("baseline_state") != "unchanged"
