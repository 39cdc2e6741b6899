"""The plugin's import stays light: flake8 imports it in every process, editors on every save.

Timing is left to `benchmarks/startup.py` (callgrind instructions, which the machine's load cannot
move); this test only checks what the import pulls in, in a fresh interpreter.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from flake8_http_status.user_cache import NO_CACHE_VARIABLE

# Loaded only when a module needs them: LibCST for applying fixes, the translations when messages are
# not in English, the long-form catalogue for `explain` and the docs, the rules (with their docs and
# the HTS9xx handler model) when the first module is analysed.
HEAVY = (
    "libcst",
    "flake8_http_status.fixer",
    "flake8_http_status.i18n.",
    "flake8_http_status.catalogue",
    "flake8_http_status.handlers",
    "flake8_http_status.rules.registry",
    "flake8_http_status.rules.choices",
    "flake8_http_status.docs",
    "dataclasses",  # flake8 itself does not import it
)
# Loaded only for a file that may have a status site (the text prefilter says so).
ANALYSIS = ("flake8_http_status.api", "flake8_http_status.analysis", "flake8_http_status.engine")


def _imported_by(statement: str, *, caching: bool = True) -> set[str]:
    code = f"import json, sys; before = set(sys.modules); {statement}; print(json.dumps(sorted(set(sys.modules) - before)))"
    environ = {**os.environ, **({} if caching else {NO_CACHE_VARIABLE: "1"})}
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=environ
    ).stdout
    return set(json.loads(output))


def _heavy(modules: set[str]) -> list[str]:
    return sorted(name for name in modules if any(name == heavy or name.startswith(heavy) for heavy in HEAVY))


def test_importing_the_plugin_pulls_in_nothing_heavy() -> None:
    imported = _imported_by("import flake8_http_status.plugin")
    assert "flake8_http_status.plugin" in imported
    assert not _heavy(imported)
    assert not {"tomllib", "tomli"} & imported  # parsed only when a pyproject.toml may hold a table
    assert not [name for name in imported if name.startswith(ANALYSIS)]


def test_analysing_a_module_without_a_status_site_pulls_in_nothing_heavy() -> None:
    imported = _imported_by(
        "import ast; from flake8_http_status.plugin import HttpStatusChecker as C;"
        " list(C(ast.parse('import os\\nx = 1\\n'), ['import os\\n', 'x = 1\\n'], 'm.py').run())"
    )
    assert not _heavy(imported)
    assert not [name for name in imported if name.startswith(ANALYSIS)]


def test_english_findings_pull_in_no_translation_and_no_libcst() -> None:
    source = "from flask import abort\n\ndef view():\n    abort(404)\n"
    imported = _imported_by(
        f"import ast; from flake8_http_status.plugin import HttpStatusChecker as C; s = {source!r};"
        " print(list(C(ast.parse(s), s.splitlines(True), 'm.py').run()), file=sys.stderr)"
    )
    assert "flake8_http_status.rules.registry" not in imported
    assert not [name for name in imported if name.startswith(("libcst", "flake8_http_status.i18n.ko"))]
    assert not [name for name in imported if name.startswith("flake8_http_status.catalogue")]


# A module with status sites but no web framework and no handler: a client's test of a status.
CLIENT_MODULE = (
    "import requests\n\n\ndef fetch(url):\n    response = requests.get(url)\n    return response.status_code == 404\n"
)
# Text of the languages: the translated messages and the status catalogue.
TRANSLATIONS = ("flake8_http_status.i18n.messages", "flake8_http_status.i18n.texts", "flake8_http_status.i18n.ko")


def _analysed(source: str) -> set[str]:
    return _imported_by(
        f"import ast; from flake8_http_status.plugin import HttpStatusChecker as C; s = {source!r};"
        " found = list(C(ast.parse(s), s.splitlines(True), 'm.py').run()); assert found, found"
    )


def test_analysing_a_module_without_a_framework_pulls_in_no_libcst_and_no_translations() -> None:
    imported = _analysed(CLIENT_MODULE)
    assert "flake8_http_status.engine" in imported  # the module was analysed
    assert not [name for name in imported if name.startswith(("libcst", *TRANSLATIONS))]
    assert not [
        name for name in imported if name.startswith(("flake8_http_status.catalogue", "flake8_http_status.fixer"))
    ]
    assert "flake8_http_status.rules.registry" not in imported


def test_analysing_a_module_without_a_handler_pulls_in_no_handler_model() -> None:
    """The gates (`rules/gates.py`) stop every HTS9xx rule module: none could report on a client's comparison."""
    imported = _analysed(CLIENT_MODULE)
    assert not [name for name in imported if name.startswith("flake8_http_status.handlers")]
    assert not [name for name in imported if name.startswith("flake8_http_status.rules.choices")]


def test_a_nothing_to_fix_run_imports_no_libcst(tmp_path: Path) -> None:
    """`http-status fix` parses with `ast`; LibCST is imported only to apply a fix (and a single file starts no
    worker pool, so `concurrent.futures` stays out too)."""
    module = tmp_path / "views.py"
    module.write_text("from http import HTTPStatus\n\n\ndef f(r):\n    return r.status_code == HTTPStatus.OK\n")
    code = (
        "import sys; from flake8_http_status.cli import main;"
        f" sys.argv = ['http-status', 'fix', '--check', '--isolated', {str(module)!r}];"
        " status = None\n"
        "try:\n    status = main()\nexcept SystemExit as exit:\n    status = exit.code\n"
        "print(status, 'libcst' in sys.modules, 'concurrent.futures' in sys.modules)"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.split()[-3:] == ["0", "False", "False"], output


def test_importing_the_plugin_loads_no_status_table_and_no_project_reader() -> None:
    """flake8 imports the plugin in every process: the status and constant tables and the readers of
    requirements and requires-python load when a module is analysed or a setting needs them. (The search for
    `[tool.http-status]` runs in every process, in `add_options`, so `safe_read`, which it reads with, is not
    on this list; TOML itself is parsed only for a pyproject.toml that names the table.)"""
    imported = _imported_by("import flake8_http_status.plugin")
    modules = ("statuses", "families", "versions", "project", "requirements", "markers", "specifiers")
    assert not [name for name in imported if name.removeprefix("flake8_http_status.") in modules]


def test_the_options_styles_are_the_families() -> None:
    from flake8_http_status.families import STYLES
    from flake8_http_status.options import STYLES as WRITTEN_OUT

    assert WRITTEN_OUT == STYLES


def test_the_prefilter_words_are_the_tables() -> None:
    """`words.py` is generated from the framework table; rewrite it with HTTP_STATUS_UPDATE_WORDS=1."""
    from flake8_http_status.api import default_table
    from flake8_http_status.families import STYLE_ATTRIBUTES
    from flake8_http_status.words import WORDS

    found = default_table().words() | {"HTTPStatus", "status_codes"}
    words = sorted(word for word in found if word not in STYLE_ATTRIBUTES or not word.startswith("HTTP_"))
    if os.environ.get("HTTP_STATUS_UPDATE_WORDS"):
        path = Path(__file__).resolve().parent.parent / "src" / "flake8_http_status" / "words.py"
        text = path.read_text(encoding="utf-8")
        head = text[: text.index("    {\n") + len("    {\n")]
        path.write_text(head + "".join(f'        "{word}",\n' for word in words) + "    }\n)\n", encoding="utf-8")
    assert sorted(WORDS) == words, "words.py is stale: HTTP_STATUS_UPDATE_WORDS=1 pytest tests/test_startup.py"


FLASK_MODULE = (
    "from flask import Flask, abort, jsonify\n\napp = Flask(__name__)\n\n\n@app.get('/items/<int:item>')\n"
    "def item(item):\n    if item > 10:\n        abort(404)\n    return jsonify(item=item), 200\n"
)
# Declarations a Flask module's imports cannot reach.
OTHER_FRAMEWORKS = ("flake8_http_status.api.django", "flake8_http_status.api.aiohttp", "flake8_http_status.api.fastapi")


def test_a_flask_modules_status_sites_load_only_the_frameworks_it_can_use() -> None:
    """When its table is built: a table kept from an earlier run (`kept_tables`) loads no declaration at all."""
    imported = _imported_by(
        "import ast; from flake8_http_status.engine import build_context; from flake8_http_status.options import "
        f"Settings; s = {FLASK_MODULE!r}; c = build_context(ast.parse(s), s.splitlines(True), 'm.py', Settings());"
        " assert len(c.sites) >= 2, c.sites",
        caching=False,
    )
    assert "flake8_http_status.api.flask" in imported
    assert not [name for name in imported if name in OTHER_FRAMEWORKS]


def test_analysing_a_flask_module_loads_no_other_framework() -> None:
    """The handler model's idioms too are those of the frameworks the module can use (`api.idiom_modules`)."""
    imported = _analysed(FLASK_MODULE)
    assert "flake8_http_status.handlers.handler_model" in imported  # the HTS9xx rules ran
    assert not [name for name in imported if name in OTHER_FRAMEWORKS]


def test_a_flask_module_that_creates_nothing_loads_no_creation_idioms_and_no_value_survey() -> None:
    """HTS904's check asks whether a handler may create: with no creating word in it and no project, nothing can name
    a creation helper, so `handlers.creation` stays out. So does `rules.held_back`, since every constant it reports
    has a spelling."""
    imported = _analysed(FLASK_MODULE)
    assert "flake8_http_status.rules.choices.created" in imported  # the check ran
    assert "flake8_http_status.handlers.creation" not in imported
    assert "flake8_http_status.rules.held_back" not in imported
    # flake8 keeps no fix, so no fix's safety is asked, and the survey of value uses behind it is not imported.
    assert "flake8_http_status.analysis.value_uses" not in imported


def test_a_flask_modules_analysis_creates_no_enum_class() -> None:
    """`enums.Enum` stands in for `enum.Enum` on the plugin's path: creating an `enum.Enum` class costs some
    0.6 M instructions, paid on every one-file flake8 run (issue 16). The fixer, the catalogue and the CLI
    may use `enum.Enum`."""
    code = (
        "import ast, enum, sys; from flake8_http_status.plugin import HttpStatusChecker as C;"
        f" s = {FLASK_MODULE!r}; assert list(C(ast.parse(s), s.splitlines(True), 'm.py').run());"
        " print([f'{name}.{key}' for name, module in list(sys.modules.items())"
        " if name.startswith('flake8_http_status') for key, value in vars(module).items()"
        " if isinstance(value, type) and issubclass(value, enum.Enum) and value.__module__ == name])"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "[]", output


def test_a_flask_modules_analysis_creates_no_protocol_class() -> None:
    """The protocols the analysis is typed with (`ProjectFacts`, the handler model's view of itself, a labelled
    row) are for type checkers: creating a `typing.Protocol` class costs some 0.3 M instructions per run."""
    code = (
        "import ast, sys; from flake8_http_status.plugin import HttpStatusChecker as C;"
        f" s = {FLASK_MODULE!r}; assert list(C(ast.parse(s), s.splitlines(True), 'm.py').run());"
        " print([f'{name}.{key}' for name, module in list(sys.modules.items())"
        " if name.startswith('flake8_http_status') for key, value in vars(module).items()"
        " if isinstance(value, type) and getattr(value, '_is_protocol', False) and value.__module__ == name],"
        " 'flake8_http_status.analysis.project_facts' in sys.modules)"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "[] False", output


def _imported_checking(module: Path, source: str) -> set[str]:
    """The modules a fresh process imports to check `source`, written at `module`, with the plugin (which must
    report something)."""
    module.write_text(source)
    code = (
        "import ast, json, sys; before = set(sys.modules); from flake8_http_status.plugin import HttpStatusChecker as C;"
        f" s = open({module.name!r}).read(); assert list(C(ast.parse(s), s.splitlines(True), {module.name!r}).run());"
        " print(json.dumps(sorted(set(sys.modules) - before)))"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=module.parent)
    return set(json.loads(output.stdout))


def test_a_module_outside_any_project_loads_no_requirement_parser(tmp_path: Path) -> None:
    """The parsers of requirements and specifiers load where a project root is read (`project.read_project`): a
    module with findings but no pyproject.toml, setup file or requirements file above it never needs them. 422's
    name depends on the Python release (`UNPROCESSABLE_CONTENT` from 3.13), so the project root is looked for."""
    imported = _imported_checking(tmp_path / "views.py", FLASK_MODULE.replace("abort(404)", "abort(422)"))
    assert "flake8_http_status.project" in imported  # the project root was looked for
    parsers = ("requirements", "specifiers", "markers")
    assert not [name for name in imported if name.removeprefix("flake8_http_status.") in parsers]


def test_names_safe_on_every_release_read_no_project(tmp_path: Path) -> None:
    """`HTTPStatus.NOT_FOUND` and `HTTPStatus.OK` exist on every Python: the messages that name them need no
    target, so the project's root is not looked for (`families.DeferredTarget`)."""
    imported = _imported_checking(tmp_path / "views.py", FLASK_MODULE)
    assert "flake8_http_status.project" not in imported


def test_a_flask_modules_run_leaves_out_what_only_some_modules_need(tmp_path: Path) -> None:
    """Loaded where a module has what they judge, not with the analysis: a name bound to a dict or a status read
    (`local_binding`), a call a generic row matched (`telemetry`), what a handler reads of its request (`inputs`), a
    route that declares its statuses (`declared`)."""
    imported = _imported_checking(tmp_path / "views.py", FLASK_MODULE)
    assert "flake8_http_status.handlers.handler_model" in imported  # the handler model was built
    needed_by_some = ("analysis.local_binding", "analysis.telemetry", "handlers.inputs", "handlers.declared")
    assert not [name for name in needed_by_some if f"flake8_http_status.{name}" in imported]
