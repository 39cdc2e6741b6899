"""Do safe fixes change what real projects do? Their own test suites, before and after, by hand (not in CI).

    .venv/bin/python benchmarks/behaviour.py                       # every suite; print the report
    .venv/bin/python benchmarks/behaviour.py fastapi httpbin       # some
    .venv/bin/python benchmarks/behaviour.py --write docs/behaviour.md
    .venv/bin/python benchmarks/behaviour.py --tool-venv /path/to/other/.venv   # another build of the tool

For each suite in benchmarks/behaviour_suites.py: the project's source at a pinned version (a PyPI sdist,
or a GitHub repository at a commit, read from a local git directory: `--source NAME=PATH`, by default
$HTTP_STATUS_MIRROR/owner+name/repo), a venv with the project's locked dependencies (cached; rebuilt
when the lock changes), then on two fresh copies of the tree: the suite as the project runs it (its
own pytest configuration and warning filters) on the first; `http-status fix` (safe fixes) and the
same suite on the second. The report gives the counts of both runs, the fixer's summary and refusals,
and every test whose outcome changed, with the line that names its failure. Everything lives in
$HTTP_STATUS_BEHAVIOUR_WORK/<suite>/ (default <tmp>/http-status-behaviour: outside this checkout, see
behaviour_env.py): the trees, the venv, logs, junit files and the fix diff. Exit status 1 when a test
changed.
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from behaviour_env import WORK, source, venv
from behaviour_outcomes import DJANGO_RUNNER, SHOWN, Change, Outcome, changes, counts, headline, read
from behaviour_suites import SUITES, Snapshot, Suite
from corpus import ROOT

FIXED = re.compile(r"^fixed (?P<path>.+) \((?P<counts>.+)\)$")
REFUSED = re.compile(r"^(?P<where>.+?): error: (?P<problem>.+)$")
SUMMARY = re.compile(r"^\d+ files? scanned, ")
COUNT = re.compile(r"(?P<count>\d+) (?P<code>[A-Z]+\d+)")


@dataclass
class FixSummary:
    files: int = 0
    fixes: Counter[str] = field(default_factory=Counter)
    refusals: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)  # the summary line, skipped files, held-back fixes
    exit_status: int = 0
    added: dict[str, list[str]] = field(default_factory=dict)  # per fixed file (relative path): its new lines

    def implicated(self, change: Change) -> list[str]:
        """The fixed files that a changed test's failure text names (its traceback passes through them)."""
        return [path for path in self.added if path in change.message]


@dataclass
class Result:
    suite: Suite
    origin: str
    before: dict[str, Outcome]
    after: dict[str, Outcome]
    fix: FixSummary
    exit_statuses: tuple[int, int]
    seconds: float

    @property
    def changed(self) -> list[Change]:
        return changes(self.before, self.after)


def run_suite(suite: Suite, given_source: Path | None, tool: Path, timeout: float) -> Result:
    started = time.monotonic()
    tree, origin = source(suite, given_source)
    python = venv(suite, tree)
    home = WORK / suite.name
    before_copy, after_copy = _fresh_copy(tree, home / "before"), _fresh_copy(tree, home / "after")
    fix = _fix(tool, suite, after_copy, home)
    fix.added = _diff(tree, after_copy, home / "fix.diff")
    status_before = _run_tests(suite, python, before_copy, home / "before", timeout)
    status_after = _run_tests(suite, python, after_copy, home / "after", timeout)
    return Result(
        suite,
        origin,
        read(_outcome_file(suite, home / "before"), suite.runner),
        read(_outcome_file(suite, home / "after"), suite.runner),
        fix,
        (status_before, status_after),
        time.monotonic() - started,
    )


def _fresh_copy(tree: Path, base: Path) -> Path:
    target = base.with_name(base.name + "-tree")
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(tree, target, symlinks=True, ignore=shutil.ignore_patterns(".behaviour-origin"))
    return target


# A line the fixes pushed past the project's line length (`path:12: the fixes made this line longer than 79`).
LONGER = re.compile(r".+:\d+: the fixes made this line longer than \d+$")


def _fix(tool: Path, suite: Suite, tree: Path, home: Path) -> FixSummary:
    done = subprocess.run(
        [str(tool), "fix", "-j", "2", *suite.fix_paths], cwd=tree, capture_output=True, text=True, check=False
    )
    (home / "fix.log").write_text(done.stdout + done.stderr, encoding="utf-8")
    summary = FixSummary(exit_status=done.returncode)
    for line in (done.stdout + done.stderr).splitlines():
        if fixed := FIXED.match(line):
            summary.files += 1
            for count in COUNT.finditer(fixed["counts"]):
                summary.fixes[count["code"]] += int(count["count"])
        elif REFUSED.match(line):
            summary.refusals.append(line)
        elif LONGER.match(line):  # named in fix.log; the report keeps their count from the summary line
            continue
        elif line.strip():
            summary.other.append(line)
    return summary


def _diff(tree: Path, fixed: Path, target: Path) -> dict[str, list[str]]:
    """Writes the fix's diff to `target`; the lines it added, per file relative to the root."""
    done = subprocess.run(
        ["diff", "-ruN", "-x", "__pycache__", str(tree), str(fixed)], capture_output=True, text=True, check=False
    )
    target.write_text(done.stdout, encoding="utf-8")
    added: dict[str, list[str]] = {}
    lines: list[str] = []
    for line in done.stdout.splitlines():
        if line.startswith("+++ "):
            path = Path(line[4:].split("\t")[0])
            lines = added.setdefault(str(path.relative_to(fixed)), [])
        elif line.startswith("+"):
            lines.append(line[1:].strip())
    return added


def _outcome_file(suite: Suite, base: Path) -> Path:
    return base.with_suffix(".xml" if suite.runner == "pytest" else ".json")


def _run_tests(suite: Suite, python: Path, tree: Path, base: Path, timeout: float) -> int:
    """The suite in `tree`; its output goes to <base>.log. The exit status, or -1 on a timeout."""
    outcomes = _outcome_file(suite, base)
    outcomes.unlink(missing_ok=True)
    env = {**os.environ, **suite.env, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("VIRTUAL_ENV", None)
    command = [str(python), *suite.command]
    if suite.runner == "pytest":
        command.append(f"--junitxml={outcomes}")
    else:
        shim = WORK / "shim"
        shim.mkdir(parents=True, exist_ok=True)
        (shim / "behaviour_runner.py").write_text(DJANGO_RUNNER, encoding="utf-8")
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(shim), env.get("PYTHONPATH")]))
        env["BEHAVIOUR_OUTCOMES"] = str(outcomes)
    with base.with_suffix(".log").open("w", encoding="utf-8") as log:
        try:
            done = subprocess.run(
                command, cwd=tree, env=env, stdout=log, stderr=subprocess.STDOUT, timeout=timeout, check=False
            )
        except subprocess.TimeoutExpired:
            return -1
    return done.returncode


def report(results: Sequence[Result], tool: Path) -> str:
    lines = [
        "# Behaviour of real projects before and after `http-status fix`",
        "",
        f"Made by `benchmarks/behaviour.py` on {datetime.date.today()} with {_tool_identity(tool)}.",
        "Safe fixes only. Each project's own suite, its own pytest configuration and warning filters, and",
        "its locked dependencies; outcomes compared per test id.",
        "",
        "| suite | tests | before: passed / failed / error / skipped | after | changed | files fixed | fixes | refused |",
        "|---|---:|---|---|---:|---:|---|---:|",
    ]
    lines += [_row(result) for result in results]
    for result in results:
        lines += _section(result)
    lines += ["", "## Reproduce", "", "```", _command(results), "```", "", *_snapshot_note(results), ""]
    return "\n".join(lines)


def _row(result: Result) -> str:
    fixes = ", ".join(f"{count} {code}" for code, count in sorted(result.fix.fixes.items())) or "none"
    return (
        f"| {result.suite.name} | {len(result.before.keys() | result.after.keys())} | {_counts(result.before)} "
        f"| {_counts(result.after)} | {len(result.changed)} | {result.fix.files} | {fixes} "
        f"| {len(result.fix.refusals)} |"
    )


def _counts(outcomes: dict[str, Outcome]) -> str:
    found = counts(outcomes)
    return " / ".join(str(found[kind]) for kind in SHOWN) if outcomes else "no result"


def _section(result: Result) -> list[str]:
    suite = result.suite
    lines = [
        "",
        f"## {suite.name}",
        "",
        f"- Source: {result.origin}; Python {suite.python}; runner: {suite.runner}.",
        f"- Tests: `{shlex.join(['python', *suite.command])}` in the project root"
        + (f" with {', '.join(f'{key}={value}' for key, value in suite.env.items())}" if suite.env else "")
        + f"; exit status {result.exit_statuses[0]} before, {result.exit_statuses[1]} after (-1: timed out).",
        f"- Fix: `http-status fix {shlex.join(suite.fix_paths)}`, exit status {result.fix.exit_status}; "
        + "; ".join(result.fix.other),
        *(f"- {note}" for note in suite.notes),
        f"- Took {result.seconds / 60:.1f} min.",
    ]
    if result.fix.refusals:
        lines += ["", "Refused by the fixer:", "", *(f"- `{refusal}`" for refusal in result.fix.refusals)]
    if not result.changed:
        return [*lines, "", "No test changed its outcome."]
    lines += ["", "| test | before | after | failure | fixed files in its traceback |", "|---|---|---|---|---|"]
    lines += [
        f"| `{change.test_id}` | {change.before} | {change.after} | {_cell(headline(change.message))} "
        f"| {', '.join(f'`{path}`' for path in result.fix.implicated(change)) or 'none named'} |"
        for change in result.changed
    ]
    implicated = sorted({path for change in result.changed for path in result.fix.implicated(change)})
    if implicated:
        lines += ["", "What the fix wrote in those files (added lines):", ""]
        lines += [f"- `{path}`: " + "; ".join(f"`{text}`" for text in result.fix.added[path]) for path in implicated]
    return lines


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _command(results: Sequence[Result]) -> str:
    names = [result.suite.name for result in results]
    everything = len(names) == len(SUITES)
    return shlex.join([".venv/bin/python", "benchmarks/behaviour.py", *([] if everything else names)])


def _snapshot_note(results: Sequence[Result]) -> list[str]:
    pinned = [f"`{result.suite.origin.label}`" for result in results if isinstance(result.suite.origin, Snapshot)]
    if not pinned:
        return []
    return [
        f"GitHub snapshots ({', '.join(pinned)}) are read from $HTTP_STATUS_MIRROR/owner+name/repo (default",
        "/work/.mirror) or from `--source NAME=PATH` (a git directory holding the commit, or an unpacked tree).",
        "`--tool-venv DIR` runs another build of the tool. Venvs and sources are cached; the copies are fresh.",
    ]


def _tool_identity(tool: Path) -> str:
    """The tool and the commit of the checkout its package is imported from (an editable install)."""
    where = subprocess.run(
        [str(tool.parent / "python"), "-c", "import flake8_http_status as p, os; print(os.path.dirname(p.__file__))"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    head = subprocess.run(
        ["git", "-C", where or str(ROOT), "describe", "--always", "--dirty"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return f"`{tool}` (package from {where or 'unknown'}, at {head or 'no git commit'})"


def _sources(values: Sequence[str]) -> dict[str, Path]:
    given = {}
    for value in values:
        name, _, path = value.partition("=")
        if not path:
            raise SystemExit(f"--source wants NAME=PATH, got {value!r}")
        given[name] = Path(path).resolve()
    return given


def _chosen(names: Sequence[str]) -> list[Suite]:
    known = {suite.name: suite for suite in SUITES}
    unknown = [name for name in names if name not in known]
    if unknown:
        raise SystemExit(f"unknown suite(s): {', '.join(unknown)}; known: {', '.join(known)}")
    return [known[name] for name in names] if names else list(SUITES)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("suites", nargs="*", help=f"default: all ({', '.join(suite.name for suite in SUITES)})")
    parser.add_argument("--source", action="append", default=[], metavar="NAME=PATH", help="git dir or tree")
    parser.add_argument("--tool-venv", type=Path, help="venv whose bin/http-status to use (default: this one)")
    parser.add_argument("--timeout", type=float, default=20.0, help="minutes per suite run (default: 20)")
    parser.add_argument("--write", type=Path, metavar="FILE", help="also write the report here")
    args = parser.parse_args()
    tool = (args.tool_venv / "bin" if args.tool_venv else Path(sys.executable).parent) / "http-status"
    if not tool.is_file():
        raise SystemExit(f"no http-status at {tool}")
    given = _sources(args.source)
    results = []
    for suite in _chosen(args.suites):
        print(f"{suite.name}: {suite.label}", file=sys.stderr, flush=True)
        results.append(run_suite(suite, given.get(suite.name), tool, args.timeout * 60))
    text = report(results, tool)
    print(text)
    if args.write:
        args.write.write_text(text, encoding="utf-8")
    sys.exit(1 if any(result.changed for result in results) else 0)


if __name__ == "__main__":
    main()
