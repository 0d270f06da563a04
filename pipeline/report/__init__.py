"""Renderers over the same report dict. Each module exposes ``render(report, **options) -> str``."""
from __future__ import annotations

import importlib
import json
from functools import lru_cache
from importlib import resources

# format name -> module in this package exposing ``render(report, **options) -> str``
FORMATS = {
    "text": "text",
    "json": "json_report",
    "sarif": "sarif_report",
    "csv": "csv_report",
    "matrix": "matrix_report",
    "md": "markdown_report",
    "html": "html_report",
}
EXTENSIONS = {
    "text": ".txt",
    "json": ".json",
    "sarif": ".sarif",
    "csv": ".csv",
    "matrix": ".matrix.csv",
    "md": ".md",
    "html": ".html",
}
# formats whose file is written with a byte-order mark so spreadsheet programs read Korean correctly
BOM_FORMATS = {"csv", "matrix"}


@lru_cache(maxsize=1)
def schema() -> dict:
    """The published JSON Schema of the machine report."""
    with resources.files(__package__).joinpath("findings.schema.json").open(encoding="utf-8") as f:
        return json.load(f)


def validate(report: dict) -> None:
    """Raise jsonschema.ValidationError when ``report`` breaks the published schema."""
    import jsonschema

    jsonschema.validate(report, schema(), cls=jsonschema.Draft202012Validator)


def render(fmt: str, report: dict, **options) -> str:
    module = importlib.import_module(f"{__package__}.{FORMATS[fmt]}")
    return module.render(report, **options)
