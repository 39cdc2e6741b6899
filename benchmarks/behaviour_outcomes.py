"""Per-test outcomes of one suite run, read from pytest's junit XML or from the Django recording runner,
and the comparison of two runs."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

# Worst first: a test reported twice (a failing call and an erroring teardown) keeps the worse outcome.
OUTCOMES = ("error", "failed", "skipped", "passed")
SHOWN = ("passed", "failed", "error", "skipped")  # the report's column order
ABSENT = "absent"  # collected in one run only (a module that no longer imports loses its tests)


@dataclass(frozen=True)
class Outcome:
    outcome: str
    message: str  # the failure's text ("" for a pass)


def read(path: Path, runner: str) -> dict[str, Outcome]:
    """Outcomes by test id; empty when the run wrote nothing (it crashed before the end)."""
    if not path.is_file():
        return {}
    return _read_junit(path) if runner == "pytest" else _read_recorded(path)


def _read_junit(path: Path) -> dict[str, Outcome]:
    found: dict[str, Outcome] = {}
    for case in ET.parse(path).getroot().iter("testcase"):
        test_id = f"{case.get('classname', '')}::{case.get('name', '')}"
        outcome = Outcome("passed", "")
        for child in case:
            if child.tag in ("failure", "error", "skipped"):
                kind = {"failure": "failed"}.get(child.tag, child.tag)
                outcome = Outcome(kind, f"{child.get('message', '')}\n{child.text or ''}".strip())
                break
        found[test_id] = _worse(found.get(test_id), outcome)
    return found


def _read_recorded(path: Path) -> dict[str, Outcome]:
    recorded: dict[str, list[str]] = json.loads(path.read_text(encoding="utf-8"))
    return {test_id: Outcome(kind, message) for test_id, (kind, message) in recorded.items()}


def _worse(old: Outcome | None, new: Outcome) -> Outcome:
    if old is None or OUTCOMES.index(new.outcome) < OUTCOMES.index(old.outcome):
        return new
    return old


def counts(outcomes: dict[str, Outcome]) -> Counter[str]:
    return Counter(outcome.outcome for outcome in outcomes.values())


@dataclass(frozen=True)
class Change:
    test_id: str
    before: str
    after: str
    message: str  # the after run's failure text, or the before run's when the test got better


def changes(before: dict[str, Outcome], after: dict[str, Outcome]) -> list[Change]:
    """Every test whose outcome differs between the runs, absent ones included."""
    found = []
    for test_id in sorted(before.keys() | after.keys()):
        old, new = before.get(test_id), after.get(test_id)
        old_kind = old.outcome if old else ABSENT
        new_kind = new.outcome if new else ABSENT
        if old_kind != new_kind:
            message = (new.message if new else "") or (old.message if old else "")
            found.append(Change(test_id, old_kind, new_kind, message))
    return found


def headline(message: str) -> str:
    """The line that names the exception: pytest's last `E` line, else a traceback's last line."""
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    raised = [line[1:].strip() for line in lines if line.startswith("E ")]
    return (raised or lines or [""])[-1][:240]


# Written next to the suite's venv and put on PYTHONPATH: a subclass of the project's own TEST_RUNNER
# (read from its settings, so its set-up still runs) whose result records each test's outcome as JSON.
DJANGO_RUNNER = '''"""Recording test runner for benchmarks/behaviour.py (generated)."""

import json
import os
import unittest

from django.conf import settings
from django.utils.module_loading import import_string

_Base = import_string(getattr(settings, "TEST_RUNNER", "django.test.runner.DiscoverRunner"))
_RECORDED = {}


def _record(test, kind, text=""):
    old = _RECORDED.get(test.id())
    if old is None or old[0] == "passed":
        _RECORDED[test.id()] = [kind, text]


class _Result(unittest.TextTestResult):
    def addSuccess(self, test):
        super().addSuccess(test)
        _record(test, "passed")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        _record(test, "failed", self._exc_info_to_string(err, test))

    def addError(self, test, err):
        super().addError(test, err)
        _record(test, "error", self._exc_info_to_string(err, test))

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        _record(test, "skipped", reason)

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        _record(test, "skipped", "expected failure")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        _record(test, "failed", "unexpected success")

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            kind = "failed" if issubclass(err[0], test.failureException) else "error"
            _record(test, kind, self._exc_info_to_string(err, test))


class Runner(_Base):
    def get_resultclass(self):
        return _Result

    def run_suite(self, suite, **kwargs):
        result = super().run_suite(suite, **kwargs)
        with open(os.environ["BEHAVIOUR_OUTCOMES"], "w", encoding="utf-8") as stream:
            json.dump(_RECORDED, stream, indent=0, sort_keys=True)
        return result
'''
