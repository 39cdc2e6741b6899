"""The real projects whose own test suites `behaviour.py` runs before and after `http-status fix`.

Each is pinned: a PyPI sdist at a version, or a GitHub repository at a commit (the sdists of these
leave out their lock file or their tests). Dependencies come from the project's own lock where it
ships one; what the harness adds or leaves out is said in `notes`, and the report prints it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from corpus import Project


@dataclass(frozen=True)
class Snapshot:
    """A GitHub repository at one commit, read from a local git directory (`--source`)."""

    repo: str  # owner/name
    commit: str

    @property
    def label(self) -> str:
        return f"{self.repo}@{self.commit[:12]}"


@dataclass(frozen=True)
class Lock:
    """Where a suite's pinned dependencies come from; the project itself is never installed, so that
    the tests import the copy being checked."""

    uv_export: tuple[str, ...] | None = None  # `uv export` arguments, run in the source tree (uv.lock)
    files: tuple[str, ...] = ()  # pinned requirements files in the source tree
    skip: frozenset[str] = frozenset()  # distributions left out of those files (normalised names)
    pins: tuple[str, ...] = ()  # pins the harness adds, for a project that ships no lock


@dataclass(frozen=True)
class Suite:
    name: str
    origin: Project | Snapshot
    python: str  # "3.12": an interpreter of this version builds the venv
    lock: Lock
    command: tuple[str, ...]  # after the venv's python, run in the copy's root
    runner: str  # "pytest" (junit XML) or "django" (manage.py test through the recording runner)
    fix_paths: tuple[str, ...] = (".",)  # what `http-status fix` is given, relative to the root
    env: dict[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        origin = self.origin
        return origin.label if isinstance(origin, Snapshot) else f"{origin.requirement} (PyPI sdist)"


FASTAPI = Suite(
    name="fastapi",
    origin=Snapshot("fastapi/fastapi", "c3f316b7e814667e8ee81e03a7330d00ee61e45c"),
    python="3.12",
    # What FastAPI's CI installs: `uv sync --no-dev --group tests --extra all`.
    lock=Lock(uv_export=("--no-dev", "--group", "tests", "--extra", "all")),
    # scripts/test.sh, without xdist (-n auto) and coverage; pyproject.toml's own pytest settings
    # (filterwarnings = error, strict markers, timeout) apply unchanged.
    command=("-m", "pytest", "-p", "no:cacheprovider", "tests", "scripts/tests/"),
    runner="pytest",
    fix_paths=("docs_src",),
    env={"PYTHONPATH": "./docs_src"},
    notes=(
        "Only `docs_src/` is rewritten (the documentation examples, which `tests/` import and run).",
        "uv.lock exported with the groups FastAPI's CI syncs (`--no-dev --group tests --extra all`).",
    ),
)

HTTPBIN = Suite(
    name="httpbin",
    origin=Project("httpbin", "0.10.4", "httpbin"),
    python="3.12",
    # httpbin ships no lock: its requirements and its `test` extra (less tox), resolved once with pip on
    # Python 3.12 and pinned here.
    lock=Lock(
        pins=(
            "blinker==1.9.0",
            "brotlicffi==1.2.1.0",
            "cffi==2.1.1",
            "click==8.5.1",
            "decorator==5.3.2",
            "Flask==3.1.3",
            "greenlet==3.5.6",
            "iniconfig==2.3.1",
            "itsdangerous==2.2.0",
            "Jinja2==3.1.6",
            "MarkupSafe==3.0.4",
            "packaging==26.4",
            "pluggy==1.7.0",
            "pycparser==3.12",
            "Pygments==2.21.0",
            "pytest==9.2.0",
            "six==1.17.0",
            "Werkzeug==3.1.9",
        )
    ),
    command=("-m", "pytest", "-p", "no:cacheprovider", "tests"),  # tox.ini: `pytest tests`
    runner="pytest",
    notes=("No lock file in the project: its declared requirements and test extra, pinned by the harness.",),
)

HEALTHCHECKS = Suite(
    name="healthchecks",
    origin=Snapshot("healthchecks/healthchecks", "29b5ec251059034b79e0120e2ff0c3e35d7bd9f8"),
    python="3.12",
    lock=Lock(
        files=("requirements.txt", "requirements-dev.txt"),
        skip=frozenset({"mysqlclient", "mypy", "django-stubs", "types-markdown", "types-pycurl", "types-pygments"}),
    ),
    # Its CI's command (`python manage.py test`, SQLite by default); the project's TEST_RUNNER runs,
    # wrapped by a subclass that records each test's outcome.
    command=("manage.py", "test", "--noinput", "--testrunner", "behaviour_runner.Runner"),
    runner="django",
    env={"SECRET_KEY": "dummy-key"},
    notes=(
        "Django app; requirements.txt and requirements-dev.txt pin every direct dependency with =="
        " (transitive ones are resolved at install time and listed in the cached freeze.txt).",
        "Left out of requirements-dev.txt: mysqlclient (only for DB=mysql) and the type checking packages.",
    ),
)

# CTFd's tests build a fresh app and database each (about 3 s apiece here), so the whole suite (699 tests)
# takes over half an hour a run: these cover the API modules and views the fix rewrites most (165 tests).
CTFD_SUBSET = tuple(
    f"tests/{name}.py"
    for name in (
        "api/v1/test_users",
        "api/v1/test_teams",
        "api/v1/test_submissions",
        "api/v1/test_flags",
        "api/v1/test_hints",
        "api/v1/user/test_hints",
        "api/v1/test_files",
        "api/v1/test_pages",
        "api/v1/test_tokens",
        "api/v1/test_awards",
        "api/v1/test_config",
        "test_views",
    )
)

CTFD = Suite(
    name="ctfd",
    origin=Snapshot("CTFd/CTFd", "91ced62d44d3ec3142a0948ee96ed19947cfc979"),
    python="3.11",  # requires-python = ">=3.11,<3.12"
    lock=Lock(uv_export=("--all-groups",)),
    # The Makefile's `test` target without coverage and xdist; pytest-randomly (in the lock) is turned
    # off so that both runs see one order.
    command=(
        "-m",
        "pytest",
        "-p",
        "no:cacheprovider",
        "-p",
        "no:randomly",
        "--ignore-glob=**/node_modules/",
        "-W",
        "ignore::sqlalchemy.exc.SADeprecationWarning",
        "-W",
        "ignore::sqlalchemy.exc.SAWarning",
        *CTFD_SUBSET,
    ),
    runner="pytest",
    # From its sqlite.yml workflow: the moto-backed upload tests want some AWS key.
    env={
        "TESTING_DATABASE_URL": "sqlite://",
        "AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE",
        "AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    },
    notes=(
        "Flask app; uv.lock with every group (pytest and moto are in `dev`).",
        "The whole tree is rewritten; the tests run are a subset (165 of 699, listed in the command).",
    ),
)

SUITES = (FASTAPI, HTTPBIN, HEALTHCHECKS, CTFD)
