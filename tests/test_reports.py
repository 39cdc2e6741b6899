"""The report formats of `http-status check`: each one's shape, columns, escaping and fingerprints."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest

from flake8_http_status import __version__
from flake8_http_status.check.files import CheckOptions, check_bytes
from flake8_http_status.doc_links import rule_url
from flake8_http_status.options import Settings
from flake8_http_status.reports import github, gitlab, json_format, sarif, statistics, text
from flake8_http_status.reports.formats import NAMES, renderer
from flake8_http_status.reports.record import Record
from flake8_http_status.rules.registry import BY_CODE, RULES

SOURCE = textwrap.dedent(
    """\
    from flask import Flask, abort

    app = Flask(__name__)


    @app.route("/a", methods=["POST"])
    def a():
        note = "é—ü"; abort(404)
        return "", "200 Created"
    """
)


def records(source: str = SOURCE, path: str = "app/views.py") -> list[Record]:
    options = CheckOptions(Settings(target_python=(3, 10), starlette_renamed=False))
    return check_bytes(source.encode("utf-8"), path, options)


def test_records_count_columns_in_characters_and_keep_flake8_s_byte_column() -> None:
    first = records()[0]
    assert (first.code, first.location.row) == ("HTS001", 8)
    line = SOURCE.splitlines()[7]
    assert first.location.column == line.index("404") + 1  # characters, 1-based
    assert first.column == len(line[: line.index("404")].encode()) + 1  # flake8's byte column
    assert first.end_location.column == first.location.column + 3


def test_json_is_shaped_like_ruff_s() -> None:
    found = json.loads(json_format.render(records()))
    assert [item["code"] for item in found] == ["HTS001", "HTS003"]
    first = found[0]
    assert set(first) == {"code", "filename", "message", "location", "end_location", "fix", "noqa_row", "url"}
    assert first["filename"] == str(Path("app/views.py").resolve())
    assert first["location"] == {"row": 8, "column": SOURCE.splitlines()[7].index("404") + 1}
    assert first["url"] == rule_url("HTS001")
    assert first["noqa_row"] == 8
    fix = first["fix"]
    assert fix["applicability"] == "safe"
    assert fix["message"] == "Replace with `HTTPStatus.NOT_FOUND`"
    top = {"row": 1, "column": 1}  # the module has no docstring: the import goes before its first statement
    assert fix["edits"] == [
        {"content": "from http import HTTPStatus\n", "location": top, "end_location": top},
        {"content": "HTTPStatus.NOT_FOUND", "location": first["location"], "end_location": first["end_location"]},
    ]
    unsafe = [item for item in found if item["fix"] and item["fix"]["applicability"] == "unsafe"]
    assert unsafe, "HTS003's fix changes the status line the client sees"
    assert json_format.render([]) == "[]\n"


# SARIF 2.1.0: the properties the schema requires, and those GitHub code scanning reads.


def _require(holder: dict[str, Any], *keys: str) -> None:
    missing = [key for key in keys if key not in holder]
    assert not missing, f"missing {missing} in {sorted(holder)}"


def _check_sarif(log: dict[str, Any]) -> None:
    _require(log, "version", "runs", "$schema")
    assert log["version"] == "2.1.0"
    for run in log["runs"]:
        _require(run, "tool")
        driver = run["tool"]["driver"]
        _require(driver, "name")
        ids = []
        for rule in driver.get("rules", []):
            _require(rule, "id", "name", "shortDescription", "fullDescription", "helpUri", "defaultConfiguration")
            assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
            assert rule["defaultConfiguration"]["level"] in ("none", "note", "warning", "error")
            ids.append(rule["id"])
        assert run.get("columnKind", "utf16CodeUnits") in ("utf16CodeUnits", "unicodeCodePoints")
        for result in run.get("results", []):
            _require(result, "message", "ruleId", "locations")
            assert result["message"]["text"]
            assert result["level"] in ("none", "note", "warning", "error")
            if "ruleIndex" in result:
                assert ids[result["ruleIndex"]] == result["ruleId"]
            for location in result["locations"]:
                physical = location["physicalLocation"]
                artifact = physical["artifactLocation"]
                assert artifact["uri"]
                if "uriBaseId" in artifact:
                    assert artifact["uriBaseId"] in run["originalUriBaseIds"]
                    assert not artifact["uri"].startswith("/")
                region = physical["region"]
                _require(region, "startLine", "startColumn", "endLine", "endColumn")
                assert all(region[key] >= 1 for key in region)
                assert (region["endLine"], region["endColumn"]) >= (region["startLine"], region["startColumn"])


def test_sarif_log_has_the_2_1_0_structure_and_every_rule() -> None:
    log = json.loads(sarif.render(records()))
    _check_sarif(log)
    driver = log["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("flake8-http-status", __version__)
    assert [rule["id"] for rule in driver["rules"]] == [rule.code for rule in RULES]
    hts001 = driver["rules"][0]
    assert hts001["name"] == BY_CODE["HTS001"].slug
    assert hts001["helpUri"] == rule_url("HTS001")
    result = log["runs"][0]["results"][0]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "app/views.py",
        "uriBaseId": "%SRCROOT%",
    }
    _check_sarif(json.loads(sarif.render([])))


def test_sarif_structure_check_can_fail() -> None:
    log = json.loads(sarif.render(records()))
    del log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"]
    with pytest.raises(AssertionError):
        _check_sarif(log)


def test_sarif_names_a_file_outside_the_current_directory_by_its_file_uri() -> None:
    log = sarif.log(records(path="/elsewhere/views.py"))
    artifact = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "file:///elsewhere/views.py"}


def test_github_commands_escape_data_and_properties() -> None:
    line = github.command(records()[0])
    assert line.startswith("::error title=HTS001 (magic-status-code),file=app/views.py,line=8,col=")
    assert ",endLine=8,endColumn=" in line
    assert line.split("::")[2].startswith("HTS001 use HTTPStatus.NOT_FOUND instead of 404")
    assert github.escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert github.escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    odd = records(path="odd,name:1.py")[0]
    assert "file=odd%2Cname%3A1.py," in github.command(odd)


def test_gitlab_fingerprints_survive_lines_inserted_above() -> None:
    before = gitlab.issues(records())
    after = gitlab.issues(records(SOURCE.replace("app = Flask", "import os\n\n\napp = Flask")))
    assert [issue["fingerprint"] for issue in before] == [issue["fingerprint"] for issue in after]
    assert [issue["location"]["lines"]["begin"] for issue in after] == [
        issue["location"]["lines"]["begin"] + 3 for issue in before
    ]
    first = before[0]
    assert set(first) == {"description", "check_name", "fingerprint", "severity", "location"}
    assert first["severity"] in ("info", "minor", "major", "critical", "blocker")
    assert first["location"]["path"] == "app/views.py"


def test_gitlab_fingerprints_tell_identical_findings_apart() -> None:
    twice = SOURCE.replace("abort(404)", "abort(404)\n    abort(404)")
    found = [issue for issue in gitlab.issues(records(twice)) if "404" in issue["description"]]
    assert len(found) == 2
    assert found[0]["fingerprint"] != found[1]["fingerprint"]
    other = gitlab.issues(records(twice, path="app/other.py"))
    assert {issue["fingerprint"] for issue in other}.isdisjoint(issue["fingerprint"] for issue in found)


def test_text_formats() -> None:
    found = records()
    concise = text.concise(found).splitlines()
    assert (
        concise[0]
        == f"app/views.py:8:{found[0].column}: HTS001 use HTTPStatus.NOT_FOUND instead of 404 (the resource does not exist)"
    )
    assert len(concise) == len(found)
    full = text.text(found).splitlines()
    assert full[:-1] == concise
    assert full[-1] == f"Found {len(found)} findings in 1 file."
    assert text.text([]) == text.concise([]) == ""


def test_every_format_renders_an_empty_list_and_some_records() -> None:
    for name in NAMES:
        render = renderer(name)
        assert isinstance(render([]), str)
        assert "HTS001" in render(records())


def test_statistics_sorted_by_count_then_code() -> None:
    found = records(SOURCE.replace("abort(404)", "abort(404)\n    abort(410)"))
    rows = statistics.counts(found)
    assert [row["count"] for row in rows] == sorted((row["count"] for row in rows), reverse=True)
    assert rows[0]["code"] == "HTS001" and rows[0]["name"] == "magic-status-code"
