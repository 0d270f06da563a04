"""The rule registry: the single source for the checker, `rfpcheck rules` and `rfpcheck explain`.

Each rule module in this package declares ``RULE = Rule(...)`` (id, Korean title, requirement,
applicability, citations, suggested clause, examples) and, once it has one, a detector function
``detect(ctx) -> Finding``. A rule without a detector is listed as not implemented and never given a
status it did not compute.
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Optional

from rfpcheck.pipeline.model import Citation

if TYPE_CHECKING:  # pragma: no cover
    from rfpcheck.pipeline.model import Finding

FAMILY_ORDER = ("SW", "SEC", "DATA", "PRIV", "PROC")

# Which statuses are how severe unless a rule says otherwise.
DEFAULT_SEVERITY = {
    "violation": "error",
    "missing": "error",
    "review": "warning",
    "pass": "none",
    "not_applicable": "none",
}


@dataclass
class Rule:
    id: str
    title: str  # Korean title, e.g. "하자담보 책임기간 · 범위"
    requirement: str  # what an RFP must state (Korean)
    applies_when: str  # when the rule applies (Korean)
    citations: list[Citation]
    suggestion: str  # a model clause that satisfies the rule (Korean, our own wording)
    forbidden: str = ""  # what counts as a violation (Korean); empty when the rule only asks presence
    examples_pass: list[str] = field(default_factory=list)
    examples_violation: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    doc: str = ""  # longer explanation (the module docstring)
    detector: Optional[Callable[..., "Finding"]] = None

    @property
    def family(self) -> str:
        return "".join(ch for ch in self.id if ch.isalpha())

    @property
    def implemented(self) -> bool:
        return self.detector is not None

    def severity_for(self, status: str) -> str:
        return self.severity.get(status, DEFAULT_SEVERITY[status])

    def citation_label(self) -> str:
        return "; ".join(c.label() for c in self.citations)


def C(law: str, article: str, note: str = "") -> Citation:
    """Short constructor used by the rule modules."""
    return Citation(law, article, note)


def _sort_key(rule_id: str) -> tuple[int, int]:
    fam = "".join(ch for ch in rule_id if ch.isalpha())
    num = int("".join(ch for ch in rule_id if ch.isdigit()) or 0)
    return (FAMILY_ORDER.index(fam) if fam in FAMILY_ORDER else 99, num)


_RULES: Optional[dict[str, Rule]] = None


def all_rules() -> dict[str, Rule]:
    """All rules by id, in catalog order (SW01…SW18, SEC01…, DATA01…, PRIV01, PROC01)."""
    global _RULES
    if _RULES is None:
        import rfpcheck.checks as pkg

        found: dict[str, Rule] = {}
        for mod in pkgutil.iter_modules(pkg.__path__):
            if mod.name in ("registry", "context", "common") or mod.name.startswith("_"):
                continue
            module = importlib.import_module(f"{pkg.__name__}.{mod.name}")
            rules = getattr(module, "RULES", None) or (
                [module.RULE] if hasattr(module, "RULE") else []
            )
            for rule in rules:
                if rule.id in found:
                    raise RuntimeError(f"rule {rule.id} declared twice")
                if not rule.doc and module.__doc__:
                    rule.doc = module.__doc__.strip()
                if rule.detector is None and hasattr(module, "detect") and len(rules) == 1:
                    rule.detector = module.detect
                found[rule.id] = rule
        _RULES = {k: found[k] for k in sorted(found, key=_sort_key)}
    return _RULES


def get_rule(rule_id: str) -> Rule:
    rules = all_rules()
    key = rule_id.strip().upper()
    if key not in rules:
        raise KeyError(rule_id)
    return rules[key]
