"""Shared fixtures. Tests that need ../shared (the real corpus) skip with a reason when it is absent."""
from __future__ import annotations

import csv
import functools
import json
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("RFPCHECK_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"
SAMPLES = REPO / "samples"

needs_shared = pytest.mark.skipif(
    not (CORPUS / "docs").is_dir(),
    reason=f"the real corpus is not here ({CORPUS}); set RFPCHECK_SHARED to a shared/ folder to run these",
)


@functools.lru_cache(maxsize=None)
def manifest() -> list[dict]:
    with open(CORPUS / "manifest.tsv", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def corpus_docs(fmt: str | None = None) -> list[Path]:
    """Corpus documents, optionally only those the manifest lists with format ``fmt``."""
    if not (CORPUS / "docs").is_dir():
        return []
    rows = manifest()
    return [CORPUS / r["file"] for r in rows if fmt is None or r["format"] == fmt]


@functools.lru_cache(maxsize=None)
def label(doc_id: str) -> dict:
    return json.loads((CORPUS / "labels" / f"{doc_id}.json").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=None)
def extracted(path: str):
    """Extract a document once per test session (extraction of the corpus is the slow part)."""
    from rfpcheck.pipeline.extract import extract
    from rfpcheck.pipeline.segment import segment

    doc = extract(path)
    segment(doc)
    return doc


def doc_id(path: Path) -> str:
    return path.stem
