"""The machine report (schema: findings.schema.json)."""
from __future__ import annotations

import json

from . import validate


def render(report: dict, **options) -> str:
    validate(report)
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
