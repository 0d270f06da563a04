#!/usr/bin/env python3
"""Per-rule disagreement report against the labeled corpus, for people working on a detector.

    python scripts/rule_report.py SW08 SW04            # confusion + every disagreement
    python scripts/rule_report.py SW08 --docs d001 d017
    python scripts/rule_report.py --all --summary      # the table only

Documents are extracted once and cached (RFPCHECK_CACHE_DIR, default /tmp/rfpcheck-cache), so a
re-run after changing a detector costs only the checks.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("RFPCHECK_SHARED", REPO.parent / "shared"))
LABELS = SHARED / "corpus" / "labels"
DOCS = SHARED / "corpus" / "docs"
FLAG = ("violation", "missing")


def _one(args):
    path, rules = args
    from rfpcheck.pipeline.run import check_file

    entry = check_file(str(path), only=rules)
    return path.stem, entry


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("rules", nargs="*")
    ap.add_argument("--all", action="store_true", help="every implemented rule")
    ap.add_argument("--docs", nargs="*", help="document ids (default: every labeled one)")
    ap.add_argument("--summary", action="store_true", help="only the per-rule table")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    os.environ.setdefault("RFPCHECK_CACHE_DIR", "/tmp/rfpcheck-cache")

    from rfpcheck.checks.registry import all_rules

    rules = [r.upper() for r in args.rules] or [rid for rid, r in all_rules().items() if r.implemented]
    if not rules:
        print("no implemented rules", file=sys.stderr)
        return 2
    ids = args.docs or sorted(p.stem for p in LABELS.glob("*.json"))
    paths = [next(DOCS.glob(i + ".*")) for i in ids]
    with ProcessPoolExecutor(args.jobs) as pool:
        results = dict(pool.map(_one, [(p, rules) for p in paths]))

    print(f"{'rule':<7}{'TP':>4}{'FP':>4}{'FN':>4}{'prec':>7}{'rec':>7}{'agree':>7}   confusion (label→tool)")
    for rid in rules:
        tp = fp = fn = agree = n = 0
        conf = Counter()
        rows = []
        for i in ids:
            lab = json.loads((LABELS / f"{i}.json").read_text(encoding="utf-8"))["rules"][rid]
            entry = results[i]
            got = next((f for f in entry["findings"] if f["rule_id"] == rid), None)
            gs = got["status"] if got else ("error" if entry["error"] else "absent")
            ls = lab["status"]
            n += 1
            agree += gs == ls
            conf[(ls, gs)] += 1
            if ls != "review":
                if gs in FLAG and ls in FLAG:
                    tp += 1
                elif gs in FLAG:
                    fp += 1
                elif ls in FLAG:
                    fn += 1
            if gs != ls:
                rows.append((i, ls, gs, lab, got, entry))
        prec = tp / (tp + fp) if tp + fp else float("nan")
        rec = tp / (tp + fn) if tp + fn else float("nan")
        cs = ", ".join(f"{a[:4]}→{b[:4]}:{c}" for (a, b), c in sorted(conf.items()) if a != b)
        print(f"{rid:<7}{tp:>4}{fp:>4}{fn:>4}{prec:>7.2f}{rec:>7.2f}{agree / n:>7.2f}   {cs}")
        if args.summary:
            continue
        for i, ls, gs, lab, got, entry in rows:
            print(f"\n  --- {i} label={ls} tool={gs}")
            if entry["error"]:
                print(f"      error: {entry['error']['message']}")
            for q in lab["evidence"][:3]:
                print(f"      label quote: {q[:150]}")
            print(f"      label note : {lab.get('note', '')[:300]}")
            if got:
                print(f"      tool msg   : {got['message'][:300]}")
                for ev in got["evidence"][:3]:
                    print(f"      tool quote : {ev['quote'][:150]}  [{ev.get('location')} · {ev.get('section')}]")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
