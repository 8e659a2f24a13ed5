"""What a check reports: ``Finding``s, and how they read in an assertion message."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

@dataclass(frozen=True)
class Finding:
    """One problem a check found on a page."""

    check: str
    """Which check: ``axe``, ``nu``, ``keyboard``, ``focus``, ``no-javascript``, ``network``, ``console``, ``reflow``."""
    rule: str
    """A stable identifier: the axe rule id, the Nu message, or one of the suite's own rule names."""
    message: str
    targets: tuple[str, ...] = ()
    """CSS selectors (or URLs) of what is affected."""
    help_url: str = ""


def describe(findings: Iterable[Finding], *, limit_targets: int = 8) -> str:
    """A readable, multi-line report of ``findings`` for an assertion message."""
    lines: list[str] = []
    for finding in findings:
        lines.append(f"[{finding.check}] {finding.rule} — {finding.message}")
        for target in finding.targets[:limit_targets]:
            lines.append(f"      at {target}")
        if len(finding.targets) > limit_targets:
            lines.append(f"      … and {len(finding.targets) - limit_targets} more")
        if finding.help_url:
            lines.append(f"      see {finding.help_url}")
    return "\n".join(lines)


def rules(findings: Iterable[Finding]) -> set[str]:
    """The set of rule identifiers in ``findings``."""
    return {finding.rule for finding in findings}


