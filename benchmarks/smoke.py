"""Smoke runs on real projects: the plugin and the fixer over everything, by hand (not in CI).

    python benchmarks/smoke.py                  # every project in benchmarks/corpus.py
    python benchmarks/smoke.py flask sanic      # some
    python benchmarks/smoke.py --write          # also update the counts in docs/precision.md

For each project, on a fresh copy of the whole unpacked sdist or wheel (tests included):

1. flake8 with every HTS rule (those off by default too) must not crash; findings are counted per rule.
2. `http-status fix` (safe fixes), then `http-status fix --unsafe-fixes`, must not crash; every file
   they rewrite must still compile if the original did; a second run of each must change nothing;
   a file the fixer refuses must be refused for a reason in the file (see tests/fuzzing.py; the
   cause, a FixFailure, comes from fixing that file again in this process).
3. A seeded random sample of findings per rule, with the code around each, goes to
   .bench-cache/smoke/review.md, to be read by hand (the verdicts live in docs/precision.md).

Exit status 1 when any check failed.
"""

from __future__ import annotations

import argparse
import collections
import datetime
import random
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import CACHE, ROOT, Project, by_name, root

from flake8_http_status.config import load
from flake8_http_status.fixer import command as fix_command
from flake8_http_status.fixer.arguments import fix_options
from flake8_http_status.fixer.discovery import Found
from flake8_http_status.fixer.errors import Fault, FixFailure
from flake8_http_status.fixer.files import Mode, RunOptions, Status, process
from flake8_http_status.rules.registry import OFF_BY_DEFAULT, RULES

WORK = CACHE / "smoke"
PAGE = ROOT / "docs" / "precision.md"
START, END = "<!-- smoke:start -->", "<!-- smoke:end -->"
FINDING = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<code>[A-Z]+\d+) (?P<text>.*)$")
FIXER_OUTCOME = re.compile(r"^(?:fixed|would fix) (?P<path>.+) \((?P<counts>.+)\)$")
FIXER_ERROR = re.compile(r"^(?P<where>.+?): error: (?P<problem>.+)$")
LINE_AND_COLUMN = re.compile(r"(?::\d+){1,2}$")  # after the path in FIXER_ERROR's `where`
# Refusals whose cause is in the file: the module's own, and what the CLI meets on disk. Anything
# else is the fixer's failure.
THE_FILES_FAULT = (FixFailure.READ_ONLY, FixFailure.UNREADABLE)


@dataclass
class Smoke:
    project: Project
    files: int = 0
    findings: collections.Counter[str] = field(default_factory=collections.Counter)
    unparsable: int = 0  # files flake8 reports as E902/E999
    fixed: dict[str, collections.Counter[str]] = field(default_factory=dict)  # mode -> fixes applied by rule
    refused: dict[str, int] = field(default_factory=dict)  # mode -> files refused for a reason in the file
    problems: list[str] = field(default_factory=list)  # crashes and failed checks
    sample: list[tuple[str, str, int, str]] = field(default_factory=list)  # code, path, line, text


def smoke(project: Project, seed: int, per_rule: int) -> Smoke:
    pristine = root(project)
    copy = WORK / f"{project.name}-{project.version}"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(pristine, copy, symlinks=True)
    result = Smoke(project, files=sum(1 for _ in copy.rglob("*.py")))
    found = _flake8(copy, result)
    result.sample = _sample(found, seed, per_rule)
    for mode, extra in (("safe", []), ("unsafe", ["--unsafe-fixes"])):
        _fix_and_check(copy, pristine, mode, extra, result)
    return result


def _flake8(tree: Path, result: Smoke) -> list[tuple[str, str, int, str]]:
    selected = ["--select=HTS,E902,E999", *(["--extend-select=" + ",".join(OFF_BY_DEFAULT)] if OFF_BY_DEFAULT else [])]
    command = [
        sys.executable,
        "-m",
        "flake8",
        "--isolated",
        *selected,
        "--format=%(path)s:%(row)d:%(col)d: %(code)s %(text)s",
        ".",
    ]
    completed = subprocess.run(command, capture_output=True, text=True, cwd=tree, check=False)
    if (
        completed.returncode not in (0, 1)
        or "Traceback" in completed.stderr
        or "failed during execution" in completed.stderr
    ):
        result.problems.append(f"flake8 crashed ({completed.returncode}): {completed.stderr.strip()[-1500:]}")
    found = []
    for line in completed.stdout.splitlines():
        match = FINDING.match(line)
        if match is None:
            result.problems.append(f"flake8 printed an unexpected line: {line}")
            continue
        if match["code"] in ("E902", "E999"):
            result.unparsable += 1
            continue
        result.findings[match["code"]] += 1
        found.append((match["code"], match["path"], int(match["line"]), match["text"]))
    return found


def _fix_arguments(*args: str) -> list[str]:
    return ["--isolated", "--select", ",".join(("HTS", *OFF_BY_DEFAULT)), *args]


def _fix(tree: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "flake8_http_status.cli", "fix", *_fix_arguments(*args), "."]
    return subprocess.run(command, capture_output=True, text=True, cwd=tree, check=False)


def _refusal_cause(tree: Path, where: str, extra: list[str]) -> FixFailure | None:
    """Why `http-status fix` refused the file it names in `where` (`path[:line[:column]]`): the same
    run again in this process, on the file it left as it was. None when it no longer fails."""
    path = tree / LINE_AND_COLUMN.sub("", where)
    parser = argparse.ArgumentParser()
    fix_command.add_arguments(parser)
    args = parser.parse_args([*_fix_arguments(*extra), str(path)])
    options = RunOptions(fix_options(args, load(isolated=True)), Mode.WRITE)
    result = process(Found(path, path.resolve()), options)
    return result.cause if result.status is Status.FAILED else None


def _fix_and_check(tree: Path, pristine: Path, mode: str, extra: list[str], result: Smoke) -> None:
    first = _fix(tree, *extra)
    if first.returncode not in (0, 123) or "Traceback" in first.stderr:
        result.problems.append(f"{mode} fix crashed ({first.returncode}): {first.stderr.strip()[-1500:]}")
        return
    fixed: collections.Counter[str] = collections.Counter()
    refused = 0
    for line in first.stderr.splitlines():
        if (outcome := FIXER_OUTCOME.match(line)) is not None:
            for part in outcome["counts"].split(", "):
                count, code = part.split()
                fixed[code] += int(count)
            _check_compiles(tree / outcome["path"], pristine / outcome["path"], result)
        elif (error := FIXER_ERROR.match(line)) is not None:
            cause = _refusal_cause(tree, error["where"], extra)
            if cause is not None and (cause.fault is Fault.MODULE or cause in THE_FILES_FAULT):
                refused += 1
            else:
                result.problems.append(f"{mode} fix refused {error['where']} for its own reason: {error['problem']}")
    result.fixed[mode], result.refused[mode] = fixed, refused
    second = _fix(tree, "--check", *extra)
    # The summary is the line that counts scanned files (a note on held-back unsafe fixes may follow it).
    summary = [line for line in second.stderr.splitlines() if " scanned, " in line][-1:]
    if second.returncode not in (0, 123) or not summary or " 0 would change " not in summary[0]:
        would = [line for line in second.stderr.splitlines() if line.startswith("would fix")]
        result.problems.append(f"a second {mode} fix would change more: {would[:5]} {summary}")


def _check_compiles(fixed: Path, original: Path, result: Smoke) -> None:
    try:
        compile(original.read_bytes(), str(original), "exec", dont_inherit=True)
    except (SyntaxError, ValueError):
        return  # it did not compile before either (a deliberately broken test file, say)
    try:
        compile(fixed.read_bytes(), str(fixed), "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as error:
        result.problems.append(f"{fixed} no longer compiles after the fix: {error}")


def _sample(found: Sequence[tuple[str, str, int, str]], seed: int, per_rule: int) -> list[tuple[str, str, int, str]]:
    by_rule: dict[str, list[tuple[str, str, int, str]]] = collections.defaultdict(list)
    for finding in found:
        by_rule[finding[0]].append(finding)
    chosen = []
    generator = random.Random(seed)
    for code in sorted(by_rule):
        pool = by_rule[code]
        chosen += generator.sample(pool, min(per_rule, len(pool)))
    return chosen


# -- output ---------------------------------------------------------------------------------------


def review(results: Sequence[Smoke], path: Path) -> None:
    """The sampled findings with the code around them, grouped by rule, for reading by hand. The code
    comes from the pristine tree: the smoke copy has been rewritten by the fixer by now."""
    entries = sorted(
        (
            (code, root(result.project), Path(f"{result.project.name}-{result.project.version}") / path, line, text)
            for result in results
            for code, path, line, text in result.sample
        ),
        key=lambda e: (e[0], e[2], e[3]),
    )
    lines = ["# Findings to review by hand", ""]
    for code, pristine, file, line, text in entries:
        original = pristine / Path(*file.parts[1:])
        source = original.read_text(encoding="utf-8", errors="replace").splitlines() if original.exists() else []
        around = "\n".join(
            f"{number:5d}{'>' if number == line else ' '} {source[number - 1]}"
            for number in range(max(1, line - 3), min(len(source), line + 2) + 1)
        )
        lines += [f"## {code} {file}:{line}", "", f"{code} {text}", "", "```", around, "```", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def counts_table(results: Sequence[Smoke]) -> list[str]:
    codes = [rule.code for rule in RULES]
    header = ["Project", "Files", "E902/E999", *codes, "Safe fixes", "Unsafe fixes", "Refused", "Problems"]
    rows = [
        [
            result.project.requirement,
            result.files,
            result.unparsable,
            *(result.findings.get(code, 0) for code in codes),
            sum(result.fixed.get("safe", {}).values()),
            sum(result.fixed.get("unsafe", {}).values()),
            result.refused.get("safe", 0),
            len(result.problems),
        ]
        for result in results
    ]
    totals = ["**all**", *(sum(row[index] for row in rows) for index in range(1, len(header)))]  # type: ignore[misc]
    return [_row(header), _row(["---"] * len(header)), *(_row(row) for row in [*rows, totals])]


def _row(cells: Sequence[object]) -> str:
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def write_counts(results: Sequence[Smoke], command: str) -> None:
    block = [
        START,
        f"Last smoke run: {datetime.date.today().isoformat()}, `{command}`, on whole sdists and wheels (tests included).",
        "Findings per rule (flake8, every HTS rule selected), fixes applied by `http-status fix` (safe, then",
        "`--unsafe-fixes` on top), files the fixer refused for a reason in the file, and problems (crashes,",
        "rewritten files that no longer compile, second runs that change something, refusals of its own):",
        "",
        *counts_table(results),
        END,
    ]
    text = PAGE.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise SystemExit(f"{PAGE} has no {START} ... {END} block to update")
    before, _, rest = text.partition(START)
    _, _, after = rest.partition(END)
    PAGE.write_text(before + "\n".join(block) + after, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("projects", nargs="*", help="PyPI names from benchmarks/corpus.py (default: all)")
    parser.add_argument(
        "--sample", type=int, default=10, metavar="N", help="findings per rule and project to sample (default: 10)"
    )
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--write", action="store_true", help=f"update the counts in {PAGE.relative_to(ROOT)}")
    args = parser.parse_args(argv)
    WORK.mkdir(parents=True, exist_ok=True)
    results = []
    for project in by_name(args.projects):
        result = smoke(project, args.seed, args.sample)
        results.append(result)
        print(
            f"{project.requirement}: {dict(sorted(result.findings.items()))}, problems: {len(result.problems)}",
            file=sys.stderr,
        )
        for problem in result.problems:
            print(f"  {problem}", file=sys.stderr)
    review(results, WORK / "review.md")
    print("\n".join(counts_table(results)))
    print(f"sampled findings to read: {WORK / 'review.md'}", file=sys.stderr)
    if args.write:
        write_counts(
            results, shlex.join(["python", "benchmarks/smoke.py", *(argv if argv is not None else sys.argv[1:])])
        )
    return 1 if any(result.problems for result in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
