#!/usr/bin/env python3
"""Extraction benchmark: how fast rfpcheck reads a folder of RFPs, per format.

For every file (PDF, HWP, HWPX, DOCX, TXT) it runs rfpcheck's extractor and records pages,
characters and seconds; for PDFs it also times poppler's ``pdftotext`` on the same files. Twin
documents (the same RFP saved as HWP/HWPX and as PDF, ``twin_of`` in the corpus manifest) are
compared directly. Peak memory is the process's maximum resident set size.

    python scripts/benchmark.py                      # ../shared/corpus/docs
    python scripts/benchmark.py DIR --jobs 2 --json out/bench.json
"""
from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FORMATS = ("pdf", "hwp", "hwpx", "docx", "txt")
MODULES = {"pdf": "pdf", "hwp": "hwp", "hwpx": "hwpx", "docx": "docx", "txt": "text"}


def default_corpus() -> Path:
    shared = Path(os.environ.get("RFPCHECK_SHARED", REPO.parent / "shared"))
    return shared / "corpus" / "docs"


def _nonspace(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def _maxrss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024.0  # Linux reports KiB


def run_one(path: str) -> dict:
    """Extract one file in this process; returns the figures (or the error) for it."""
    from rfpcheck.pipeline.errors import InputError
    from rfpcheck.pipeline.extract import extract, sniff

    row: dict = {"file": path, "id": Path(path).stem}
    try:
        row["format"] = sniff(path)
    except InputError as e:
        row.update(format="?", error=f"{e.code}: {e.reason}")
        return row
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        doc = extract(path)
    except InputError as e:
        row.update(seconds=time.perf_counter() - t0, cpu_seconds=time.process_time() - c0,
                   error=f"{e.code}: {e.reason}")
        return row
    row.update(
        seconds=time.perf_counter() - t0,
        cpu_seconds=time.process_time() - c0,
        pages=doc.pages,
        chars=len(doc.text),
        chars_nonspace=_nonspace(doc.text),
        blocks=len(doc.blocks),
        maxrss_mb=_maxrss_mb(),
        pid=os.getpid(),
    )
    return row


def run_pdftotext(path: str, exe: str, gnu_time: str | None) -> dict:
    """pdftotext (default reading order) to a pipe; CPU time and peak RSS of that child alone."""
    cmd = [exe, "-q", "-enc", "UTF-8", path, "-"]
    rss_file = None
    if gnu_time:
        rss_file = Path(os.environ.get("TMPDIR", "/tmp")) / f"rfpcheck-bench-{os.getpid()}.rss"
        cmd = [gnu_time, "-f", "%M", "-o", str(rss_file)] + cmd
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = proc.stdout.read() if proc.stdout else b""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    dt = time.perf_counter() - t0
    text = out.decode("utf-8", "replace")
    row = {
        "file": path,
        "id": Path(path).stem,
        "seconds": dt,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "pages": text.count("\f") or None,  # pdftotext ends every page with a form feed
        "chars": len(text),
        "chars_nonspace": _nonspace(text),
        "returncode": proc.returncode,
    }
    if rss_file is not None:
        try:
            row["maxrss_mb"] = int(rss_file.read_text().split()[-1]) / 1024.0
        except (OSError, ValueError, IndexError):
            pass
        rss_file.unlink(missing_ok=True)
    return row


def summarise(rows: list[dict]) -> dict:
    """Totals for a set of documents. Rates use CPU seconds: on a shared machine wall time
    swings with the load, CPU time much less."""
    ok = [r for r in rows if "error" not in r]
    secs = sum(r["seconds"] for r in ok)
    cpu = sum(r.get("cpu_seconds", r["seconds"]) for r in ok)
    pages = sum(r.get("pages") or 0 for r in ok)
    chars = sum(r["chars_nonspace"] for r in ok)
    return {
        "documents": len(rows),
        "ok": len(ok),
        "errors": len(rows) - len(ok),
        "pages": pages,
        "pages_known": sum(1 for r in ok if r.get("pages")),
        "chars_nonspace": chars,
        "seconds": secs,
        "cpu_seconds": cpu,
        "pages_per_s": pages / cpu if cpu and pages else None,
        "chars_per_s": chars / cpu if cpu else None,
        "docs_per_s": len(ok) / cpu if cpu else None,
        "peak_rss_mb": max((r["maxrss_mb"] for r in ok if "maxrss_mb" in r), default=None),
    }


def read_twins(corpus: Path) -> list[tuple[str, str]]:
    """(HWP/HWPX id, PDF id) pairs from manifest.tsv next to the docs folder."""
    manifest = corpus.parent / "manifest.tsv"
    if not manifest.exists():
        return []
    with open(manifest, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    fmt = {r["id"]: r["format"] for r in rows}
    pairs = []
    for r in rows:
        other = (r.get("twin_of") or "").strip()
        if not other or other not in fmt:
            continue
        a, b = r["id"], other
        if fmt[a] == "pdf" and fmt[b] in ("hwp", "hwpx"):
            pairs.append((b, a))
        elif fmt[b] == "pdf" and fmt[a] in ("hwp", "hwpx"):
            pairs.append((a, b))
    return sorted(set(pairs))


def _fmt(v, spec: str) -> str:
    width = "".join(ch for ch in spec.split(".")[0] if ch.isdigit())
    return ("-" if v is None else format(v, spec)).rjust(int(width or 0))


def print_table(title: str, summaries: dict[str, dict]) -> None:
    print(f"\n{title}")
    head = (f"{'':<16}{'docs':>5}{'err':>4}{'pages':>7}{'chars':>10}{'wall s':>8}{'cpu s':>8}"
            f"{'pages/s':>8}{'chars/s':>11}{'docs/s':>8}{'max RSS':>9}")
    print(head)
    print("-" * len(head))
    for name, s in summaries.items():
        if not s["pages_known"]:
            pages = "-"
        else:
            pages = f"{s['pages']}" + ("" if s["pages_known"] == s["ok"] else "*")
        rss = _fmt(s.get("peak_rss_mb"), "6.0f") + " MB" if s.get("peak_rss_mb") is not None else "-"
        print(
            f"{name:<16}{s['documents']:>5}{s['errors']:>4}{pages:>7}{s['chars_nonspace']:>10}"
            f"{s['seconds']:>8.2f}{s['cpu_seconds']:>8.2f}{_fmt(s['pages_per_s'], '8.0f')}"
            f"{_fmt(s['chars_per_s'], '11,.0f')}{_fmt(s['docs_per_s'], '8.2f')}{rss:>9}"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Time rfpcheck's extractors (and pdftotext) over a folder of documents.")
    ap.add_argument("corpus", nargs="?", type=Path, default=default_corpus(), help="folder of documents (default: %(default)s)")
    ap.add_argument("--jobs", "-j", type=int, default=1, help="worker processes (default 1: everything in this process)")
    ap.add_argument("--json", type=Path, help="write all figures to this JSON file")
    ap.add_argument("--formats", default=",".join(FORMATS), help="formats to include (default: %(default)s)")
    ap.add_argument("--no-pdftotext", action="store_true", help="skip the pdftotext comparison")
    args = ap.parse_args(argv)

    sys.path.insert(0, str(REPO.parent))  # a checkout that is not installed still imports
    from rfpcheck.pipeline.errors import InputError
    from rfpcheck.pipeline.extract import is_candidate_file, sniff

    if not args.corpus.is_dir():
        print(f"no such folder: {args.corpus}", file=sys.stderr)
        return 2
    wanted = {f.strip() for f in args.formats.split(",") if f.strip()}
    missing = {f for f in FORMATS if importlib.util.find_spec(f"rfpcheck.pipeline.extract.{MODULES[f]}") is None}
    files: dict[str, list[str]] = defaultdict(list)
    notes = []
    for p in sorted(args.corpus.iterdir()):
        if not p.is_file() or not is_candidate_file(p):
            continue
        try:
            fmt = sniff(p)
        except InputError as e:
            notes.append(f"{p.name}: not read ({e.code}: {e.reason})")
            continue
        if fmt not in wanted:
            continue
        if fmt in missing:
            continue
        files[fmt].append(str(p))
    for fmt in sorted(missing & wanted):
        notes.append(f"{fmt}: skipped, the extractor module rfpcheck.pipeline.extract.{MODULES[fmt]} is not present")

    order = [f for f in FORMATS if files.get(f)]
    all_paths = [p for f in order for p in files[f]]
    rss_before = _maxrss_mb()
    t_wall = time.perf_counter()
    rss_after_format: dict[str, float] = {}
    if args.jobs <= 1:
        rows = []
        for fmt in order:
            for p in files[fmt]:
                rows.append(run_one(p))
            rss_after_format[fmt] = _maxrss_mb()
    else:
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            rows = list(pool.map(run_one, all_paths, chunksize=1))
    wall = time.perf_counter() - t_wall

    by_fmt: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_fmt[r.get("format", "?")].append(r)
    summaries = {fmt: summarise(by_fmt[fmt]) for fmt in order}
    summaries["all"] = summarise(rows)

    tool_rows: list[dict] = []
    exe = shutil.which("pdftotext")
    if files.get("pdf") and not args.no_pdftotext:
        if exe:
            gnu_time = "/usr/bin/time" if Path("/usr/bin/time").exists() else None
            tool_rows = [run_pdftotext(p, exe, gnu_time) for p in files["pdf"]]
            tool = summarise(tool_rows)
            summaries["pdf (pdftotext)"] = tool
        else:
            notes.append("pdftotext: not installed, no comparison")

    print(f"corpus: {args.corpus}   jobs: {args.jobs}   wall time: {wall:.2f} s")
    print_table("extraction (times summed over documents; rates per CPU second; chars = non-space "
                "characters; max RSS = the extracting process, * = some documents without a page count)", summaries)

    peak = {"self_mb": _maxrss_mb(), "before_mb": rss_before}
    if args.jobs <= 1:
        peak["after_format_mb"] = rss_after_format
    else:
        per_worker: dict[int, float] = {}
        for r in rows:
            if "pid" in r:
                per_worker[r["pid"]] = max(per_worker.get(r["pid"], 0.0), r["maxrss_mb"])
        peak["workers_mb"] = sorted(per_worker.values())
    if tool_rows:
        peak["pdftotext_max_mb"] = max((r["maxrss_mb"] for r in tool_rows if "maxrss_mb" in r), default=None)
    print("\npeak memory (max RSS):")
    if args.jobs <= 1:
        print(f"  before extracting: {rss_before:.0f} MB; after each format: "
              + ", ".join(f"{k} {v:.0f} MB" for k, v in rss_after_format.items()))
    else:
        print("  worker processes: " + ", ".join(f"{v:.0f} MB" for v in peak["workers_mb"]))
    if tool_rows and peak.get("pdftotext_max_mb") is not None:
        print(f"  pdftotext (largest single run): {peak['pdftotext_max_mb']:.0f} MB")

    twins = []
    cpu = {r["id"]: r["cpu_seconds"] for r in rows if "error" not in r}
    wall_s = {r["id"]: r["seconds"] for r in rows if "error" not in r}
    for src, pdf in read_twins(args.corpus):
        if src in cpu and pdf in cpu:
            twins.append({"source": src, "pdf": pdf, "source_cpu_s": cpu[src], "pdf_cpu_s": cpu[pdf],
                          "source_wall_s": wall_s[src], "pdf_wall_s": wall_s[pdf],
                          "ratio": cpu[src] / cpu[pdf] if cpu[pdf] else None})
    if twins:
        print("\ntwin documents (same RFP as HWP/HWPX and as PDF): source CPU time / PDF CPU time")
        for t in twins:
            print(f"  {t['source']} {t['source_cpu_s']:.3f} s  vs  {t['pdf']} {t['pdf_cpu_s']:.3f} s"
                  f"   ratio {_fmt(t['ratio'], '.2f')}")
        ratios = sorted(t["ratio"] for t in twins if t["ratio"] is not None)
        if ratios:
            print(f"  median ratio {ratios[len(ratios) // 2]:.2f} over {len(ratios)} pairs")

    errors = [r for r in rows if "error" in r]
    if errors or notes:
        print("\nnotes:")
        for r in errors:
            print(f"  {Path(r['file']).name}: {r['error']}")
        for n in notes:
            print(f"  {n}")

    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(
                {"corpus": str(args.corpus), "jobs": args.jobs, "wall_seconds": wall, "summary": summaries,
                 "peak_memory": peak, "twins": twins, "documents": rows, "pdftotext": tool_rows, "notes": notes},
                ensure_ascii=False, indent=2,
            ),
            encoding="utf-8",
        )
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
