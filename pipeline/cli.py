"""Command line: ``rfpcheck FILE_OR_DIR...`` and the subcommands rules, explain, schema, eval.

Exit codes: 0 = nothing at or above --fail-on, 1 = findings at or above it, 2 = usage, settings or input
error, or a detector that failed on a document (its rule is then 검토필요 with the reason).
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, Iterable, Optional

import click

from . import __version__

SEVERITY_RANK = {"none": 0, "info": 1, "warning": 2, "error": 3}
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
DEFAULT_OUT_DIR = "out"


def _formats() -> dict[str, str]:
    from .report import FORMATS

    return FORMATS


class DefaultGroup(click.Group):
    """A group whose default subcommand is ``check``: ``rfpcheck a.pdf`` == ``rfpcheck check a.pdf``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["check", *args]
        elif not args:
            args = ["check"]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rfpcheck", message="%(prog)s %(version)s")
def main() -> None:
    """공공 SW사업 제안요청서·과업지시서의 법제도 준수 여부를 점검합니다.

    \b
    사용 예:
      rfpcheck draft.pdf                  점검 결과를 화면에 출력
      rfpcheck docs/ --format json        폴더 전체를 점검해 out/ 에 JSON 보고서 저장
      rfpcheck rules                      점검 항목 목록
      rfpcheck explain SW08               한 항목의 기준·근거·권고 문안
    """


def _iter_inputs(paths: Iterable[str]) -> list[str]:
    from .extract import is_candidate_file

    files: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(
                str(f) for f in path.rglob("*") if f.is_file() and is_candidate_file(f)
            )
            files.extend(found)
        else:
            files.append(str(path))  # a missing or odd file becomes a per-file input error
    return files


def _locale(lang: Optional[str]):
    from .i18n import get_locale

    return get_locale(lang)


LANG_OPTION = click.option(
    "--lang", type=click.Choice(["ko", "en"]), default="ko", show_default=True,
    help="보고서 언어. en: 영어 보고서 (문서 인용·상세 판단·권고 문안은 한국어 그대로, 표시를 붙임).")


def _parse_facts(values: tuple[str, ...], lang: Optional[str] = None) -> dict[str, str]:
    out: dict[str, str] = {}
    for v in values:
        if "=" not in v:
            raise click.BadParameter(_locale(lang).t("cli.bad_fact", value=v), param_hint="--fact")
        k, val = v.split("=", 1)
        out[k.strip()] = val.strip()
    return out


def _write_atomic(path: Path, text: str, bom: bool = False) -> None:
    """Write all or nothing: a temporary file in the same folder, then an atomic rename. ``bom`` writes
    a UTF-8 byte-order mark (spreadsheet programs need it to read Korean CSV)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=str(path.parent))
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.chmod(tmp, 0o666 & ~umask)  # a report is an ordinary file, not mkstemp's private 0600
        with os.fdopen(fd, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _check_one(args: tuple[str, dict[str, str], Optional[list[str]]]) -> dict[str, Any]:
    from .run import check_file

    path, facts, only = args
    return check_file(path, facts, only)


def _worst(entries: list[dict[str, Any]]) -> int:
    """The highest severity among findings that may fail a run (not suppressed, not in the baseline)."""
    from .config import counts_toward_exit

    worst = 0
    for e in entries:
        for f in e["findings"]:
            if counts_toward_exit(f):
                worst = max(worst, SEVERITY_RANK.get(f["severity"], 0))
    return worst


@main.command("check")
@click.argument("inputs", nargs=-1, type=click.Path())
@click.option("-f", "--format", "fmts", multiple=True, type=click.Choice(list(_formats())),
              help="보고서 형식 (여러 번 지정 가능; 기본 text). text는 화면, 나머지는 --out-dir 에 저장.")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="보고서 파일 경로 ('-' 는 표준출력; 형식을 하나만 지정할 때). 생략 시 text는 화면, 나머지는 out/ 폴더.")
@click.option("--out-dir", type=click.Path(file_okay=False), default=DEFAULT_OUT_DIR, show_default=True,
              help="-o 를 생략했을 때 파일 보고서를 저장할 폴더.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "none"]), default="error",
              show_default=True, help="이 심각도 이상의 결과(억제·기준선 기존 항목 제외)가 있으면 종료코드 1.")
@click.option("--fact", "facts", multiple=True, metavar="KEY=VALUE",
              help="문서에서 읽는 대신 주어진 사업 정보 (예: --fact budget=12억 --fact kind=SW개발).")
@click.option("--rule", "rules", multiple=True, metavar="ID", help="이 항목만 점검 (여러 번 지정 가능).")
@click.option("--ignore", "ignores", multiple=True, metavar="ID", help="이 항목은 점검하지 않음 (여러 번 지정 가능).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="설정 파일 (기본: 현재 폴더의 rfpcheck.toml 또는 pyproject.toml [tool.rfpcheck]).")
@click.option("--no-config", is_flag=True, help="설정 파일을 찾지 않음.")
@click.option("--baseline", type=click.Path(dir_okay=False),
              help="이전 JSON 보고서: 그때 이미 있던 결과는 '기존'으로 표시하고 종료코드에 넣지 않음.")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
              help="동시에 처리할 문서 수 (프로세스).")
@click.option("-v", "--verbose", is_flag=True, help="적합·해당없음 항목의 근거와 사업 정보 근거도 출력.")
@click.option("--color/--no-color", default=None, help="색상 출력 (기본: 터미널이면 사용).")
@LANG_OPTION
@click.pass_context
def check_cmd(ctx, inputs, fmts, output, out_dir, fail_on, facts, rules, ignores, config_path, no_config,
              baseline, jobs, verbose, color, lang) -> None:
    """문서(PDF·DOCX·HWP·HWPX·TXT)나 폴더를 점검합니다."""
    from rfpcheck.checks.registry import all_rules

    from . import config as cfgmod
    from .report import BOM_FORMATS, EXTENSIONS, render
    from .run import make_report

    L = _locale(lang)
    if not inputs:
        raise click.UsageError(L.t("cli.no_inputs"))
    catalog = all_rules()

    # settings: the command line wins over the file
    cfg = cfgmod.Config()
    cfg_file = None if no_config else (Path(config_path) if config_path else cfgmod.find_config())
    if cfg_file is not None:
        try:
            cfg = cfgmod.load_config(cfg_file, set(catalog), set(_formats()))
        except cfgmod.ConfigError as e:
            click.echo(f"rfpcheck: {e}", err=True)
            sys.exit(EXIT_ERROR)

    def from_cli(name: str) -> bool:
        return ctx.get_parameter_source(name) not in (click.core.ParameterSource.DEFAULT, None)

    fmts = list(fmts) if from_cli("fmts") else (cfg.formats or ["text"])
    fmts = list(dict.fromkeys(fmts))
    if not from_cli("fail_on") and cfg.fail_on:
        fail_on = cfg.fail_on
    if not from_cli("out_dir") and cfg.out_dir:
        out_dir = cfg.out_dir
    if not from_cli("jobs") and cfg.jobs:
        jobs = cfg.jobs
    if not baseline and cfg.baseline:
        baseline = cfg.baseline
    if output and len(fmts) > 1:
        raise click.UsageError(L.t("cli.one_output"))

    given = {**cfg.facts, **_parse_facts(facts, lang)}
    if given:
        from .facts import parse_given

        try:
            parse_given(given)
        except ValueError as e:
            raise click.BadParameter(str(e), param_hint="--fact") from None
    only = [r.upper() for r in rules] or list(cfg.rules) or None
    skip = {r.upper() for r in ignores} | set(cfg.ignore)
    unknown = [r for r in (only or []) + sorted(skip) if r not in catalog]
    if unknown:
        raise click.BadParameter(L.t("cli.unknown_rules", rules=", ".join(unknown)), param_hint="--rule/--ignore")
    if skip:
        only = [r for r in (only or list(catalog)) if r not in skip]
        if not only:
            raise click.UsageError(L.t("cli.no_rules_left"))
    base_report = None
    if baseline:
        try:
            base_report = cfgmod.load_baseline(Path(baseline))
        except cfgmod.ConfigError as e:
            click.echo(f"rfpcheck: {e}", err=True)
            sys.exit(EXIT_ERROR)
    files = _iter_inputs(inputs)
    if not files:
        raise click.UsageError(L.t("cli.no_documents"))

    screen_text = "text" in fmts and output in (None, "-")
    tasks = [(f, given, only) for f in files]
    entries: list[dict[str, Any]] = []
    if jobs > 1 and len(files) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for entry in pool.map(_check_one, tasks, chunksize=1):
                entries.append(entry)
                _progress(entry, len(entries), len(files), L)
    else:
        for t in tasks:
            entry = _check_one(t)
            entries.append(entry)
            _progress(entry, len(entries), len(files), L)

    expired = cfgmod.apply_suppressions(entries, cfg.suppressions)
    for sup in expired:
        click.echo("rfpcheck: " + L.t("cli.expired", expires=sup.expires, source=sup.source()), err=True)
    if base_report is not None:
        cfgmod.apply_baseline(entries, base_report)
    report = make_report(entries)
    run_info: dict[str, Any] = {"fail_on": fail_on}
    if cfg.path:
        run_info["config"] = _display_path(cfg.path)
    if baseline:
        run_info["baseline"] = str(baseline)
    report["run"] = run_info

    use_color = sys.stdout.isatty() if color is None else color
    for fmt in fmts:
        if fmt == "text" and screen_text:
            click.echo(render("text", report, color=use_color, verbose=verbose, lang=lang), nl=False)
            continue
        text = render(fmt, report, color=False, verbose=verbose, lang=lang)
        if output == "-":
            click.echo(text, nl=False)
            continue
        if output:
            target = Path(output)
        else:
            stem = Path(files[0]).stem if len(files) == 1 else "rfpcheck-report"
            target = Path(out_dir) / f"{stem}{EXTENSIONS[fmt]}"
        _write_atomic(target, text, bom=fmt in BOM_FORMATS)
        click.echo(L.t("cli.saved", target=target), err=True)

    _run_summary(entries, base_report is not None, L)
    errors = [e for e in entries if e["error"] or _rule_failures(e)]
    if errors:
        sys.exit(EXIT_ERROR)
    threshold = SEVERITY_RANK[fail_on]
    if threshold and _worst(entries) >= threshold:
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)


def _display_path(path: Path) -> str:
    """A path relative to the working folder when it lies below it (reports travel between machines)."""
    try:
        return Path(os.path.abspath(path)).relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def _run_summary(entries: list[dict[str, Any]], with_baseline: bool, L=None) -> None:
    """One stderr line on what a baseline or suppressions kept out of the exit code."""
    L = L or _locale(None)
    flagged = [f for e in entries for f in e["findings"] if f["status"] in ("violation", "missing", "review")]
    suppressed = sum(1 for f in flagged if "suppressed" in f)
    parts = []
    if with_baseline:
        new = sum(1 for f in flagged if f.get("baseline_state") == "new")
        parts.append(L.t("cli.baseline_counts", new=new, old=len(flagged) - new))
    if suppressed:
        parts.append(L.t("cli.suppressed_count", n=suppressed))
    if parts:
        click.echo("rfpcheck: " + ", ".join(parts) + L.t("cli.summary_tail"), err=True)


def _rule_failures(entry: dict[str, Any]) -> list[dict[str, Any]]:
    """Findings of rules whose detector failed on this document (see run.rule_failure)."""
    from .run import INTERNAL_ERROR_MARK

    return [f for f in entry["findings"] if f["message"].startswith(INTERNAL_ERROR_MARK)]


def _progress(entry: dict[str, Any], i: int, n: int, L=None) -> None:
    """Errors go to stderr as one line per file; a batch shows progress on stderr."""
    from .report.text import error_text

    L = L or _locale(None)
    if entry["error"]:
        click.echo(f"rfpcheck: {entry['document']['path']}: {error_text(entry['error'], L)}", err=True)
    for f in _rule_failures(entry):
        click.echo(f"rfpcheck: {entry['document']['path']}: {f['rule_id']}: {L.t('cli.rule_failed', message=f['message'])}",
                   err=True)
    if not entry["error"] and n > 1:
        s = entry["summary"]
        counts = " · ".join(f"{L.status(k)} {s[k]}" for k in ("violation", "missing", "review"))
        click.echo(L.t("cli.progress", i=i, n=n, path=entry["document"]["path"], counts=counts), err=True)


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@LANG_OPTION
def rules_cmd(fmt: str, lang: str) -> None:
    """점검 항목(규칙) 목록을 출력합니다."""
    from rfpcheck.checks.registry import all_rules

    rules = all_rules()
    if lang == "en":
        from .report.catalog_text import rules_json_en, rules_text_en

        click.echo(json.dumps(rules_json_en(rules), ensure_ascii=False, indent=2) if fmt == "json"
                   else rules_text_en(rules), nl=fmt == "json")
        return
    if fmt == "json":
        data = [
            {
                "id": r.id,
                "title": r.title,
                "implemented": r.implemented,
                "applies_when": r.applies_when,
                "citations": [c.to_dict() for c in r.citations],
            }
            for r in rules.values()
        ]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(f"점검 항목 {len(rules)}개 (상세: rfpcheck explain ID)\n")
    for r in rules.values():
        mark = "" if r.implemented else "  [미구현]"
        click.echo(f"{r.id:<7}{r.title}{mark}")
        click.echo(f"       근거: {r.citation_label()}")
        click.echo(f"       적용: {r.applies_when}")


@main.command("explain")
@click.argument("rule_id")
@LANG_OPTION
def explain_cmd(rule_id: str, lang: str) -> None:
    """한 항목의 요구사항·적용 조건·근거·예시·권고 문안을 출력합니다."""
    from rfpcheck.checks.registry import all_rules, get_rule

    try:
        r = get_rule(rule_id)
    except KeyError:
        click.echo("rfpcheck: " + _locale(lang).t("explain.unknown_rule", rule=rule_id, rules=", ".join(all_rules())),
                   err=True)
        sys.exit(EXIT_ERROR)
    if lang == "en":
        from .report.catalog_text import explain_text_en

        click.echo(explain_text_en(r), nl=False)
        return
    click.echo(f"{r.id} {r.title}" + ("" if r.implemented else "  [미구현: 이 버전은 점검하지 않음]"))
    click.echo("")
    for label, text in (
        ("설명", r.doc),
        ("요구사항 (적합 근거)", r.requirement),
        ("적용 조건", r.applies_when),
        ("위반으로 보는 것", r.forbidden or "(없음: 내용이 있으면 적합, 없으면 누락)"),
    ):
        click.echo(f"■ {label}\n  {text}\n")
    click.echo("■ 법적 근거")
    for c in r.citations:
        click.echo(f"  - {c.law} {c.article}" + (f" ({c.note})" if c.note else ""))
    click.echo("")
    if r.examples_pass:
        click.echo("■ 적합한 문장 예")
        for e in r.examples_pass:
            click.echo(f"  - {e}")
        click.echo("")
    if r.examples_violation:
        click.echo("■ 위반 문장 예")
        for e in r.examples_violation:
            click.echo(f"  - {e}")
        click.echo("")
    click.echo(f"■ 권고 문안\n  {r.suggestion}")


@main.command("schema")
def schema_cmd() -> None:
    """JSON 보고서의 JSON Schema를 출력합니다."""
    from .report import schema

    click.echo(json.dumps(schema(), ensure_ascii=False, indent=2))


@main.command("eval")
@click.argument("label_dir", type=click.Path(exists=True, file_okay=False))
@click.argument("docs", nargs=-1, type=click.Path())
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="평가 결과 JSON 저장 경로.")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True)
def eval_cmd(label_dir: str, docs: tuple[str, ...], output: Optional[str], jobs: int) -> None:
    """라벨(정답) 폴더와 문서로 규칙별 정밀도·재현율과 사업 정보 정확도를 측정합니다.

    DOCS를 생략하면 LABEL_DIR 옆의 docs/ 폴더에서 라벨 ID와 같은 이름의 문서를 찾습니다.
    """
    from .evaluate import format_table, run_eval

    files = _iter_inputs(docs) if docs else _docs_for_labels(Path(label_dir))
    if not files:
        raise click.UsageError("평가할 문서가 없습니다.")
    scores = run_eval(label_dir, files, _eval_one, jobs=jobs)
    click.echo(format_table(scores))
    if output:
        _write_atomic(Path(output), json.dumps(scores, ensure_ascii=False, indent=2) + "\n")
        click.echo(f"평가 결과를 저장했습니다: {output}", err=True)


def _docs_for_labels(label_dir: Path) -> list[str]:
    docs_dir = label_dir.parent / "docs"
    out = []
    for lab in sorted(label_dir.glob("*.json")):
        for f in sorted(docs_dir.glob(lab.stem + ".*")):
            out.append(str(f))
    return out


def _eval_one(path: str) -> dict[str, Any]:
    """The tool's view of one document for scoring: fact values and rule statuses."""
    from .run import check_file

    entry = check_file(path)
    return {
        "facts": {k: v.get("value") for k, v in entry["facts"].items()},
        "rules": {f["rule_id"]: f["status"] for f in entry["findings"]},
        "error": entry["error"],
    }


if __name__ == "__main__":  # pragma: no cover
    main()
