"""One answer per literal: HTS001 stays quiet on a status that another reported finding already answers.

HTS001 says "write 302 as HTTPStatus.FOUND". Where another rule on the same status says that 302 is wrong
(`redirect("/", 302)` after a POST: use 303), or that the API rejects it (`abort(402)`), the two findings
contradict each other, and the safe fix would even write the name of a status that is about to change. The
other finding is the one that matters, so HTS001 is dropped, and with it its fix: the fixer reads the same list.

The other finding silences HTS001 only if it is shown: a rule that is off (HTS923 by default), ignored, or
silenced by a `# noqa: HTS908` on its line must not take the literal's only answer with it. Which rules are
shown is the caller's to say (flake8's selection, the fixer's); without that, the rules that are on by default.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..findings import Finding, FixSafety, Position
from .checkers import CODES, OFF_BY_DEFAULT, rule_for

Shown = Callable[[str], bool]  # whether findings of a rule code reach the user
Silenced = Callable[[Finding], bool]  # whether a `# noqa` comment hides this finding

_NAMED = "HTS001"
_REJECTED = "HTS605"  # the API refuses the status at run time: naming it would only hide the bug


_CODES = frozenset(code for codes in CODES for code in codes)


def on_by_default(code: str) -> bool:
    """Read from the checkers' table, which `tests/test_registry.py` checks against the rules: importing every rule
    module to ask would defeat the gates (`rules/gates.py`)."""
    return code in _CODES and code not in OFF_BY_DEFAULT


def advises_another_status(code: str) -> bool:
    """Whether the rule's advice is to send another status than the one written ("use 303 instead of 302")."""
    rule = rule_for(code)
    if rule is None or not code.startswith("HTS9"):
        return False
    # An unsafe HTS9xx fix changes the status ("unsafe -> 303" in the rule catalogue); the others say so.
    return rule.fix is FixSafety.UNSAFE or rule.names_another_status


def one_answer_per_literal(
    findings: Iterable[Finding], shown: Shown = on_by_default, silenced: Silenced | None = None
) -> list[Finding]:
    """`findings` without the HTS001 findings whose status a shown HTS605 or status-changing HTS9xx finding
    covers (the same span: both rules point at the status itself)."""
    findings = list(findings)
    answered = {
        _span(finding)
        for finding in findings
        if _answers_instead(finding.code, shown) and (silenced is None or not silenced(finding))
    }
    if not answered:
        return findings
    return [finding for finding in findings if finding.code != _NAMED or _span(finding) not in answered]


def _answers_instead(code: str, shown: Shown) -> bool:
    return (code == _REJECTED or advises_another_status(code)) and shown(code)


def _span(finding: Finding) -> tuple[Position, Position]:
    return finding.start, finding.end
