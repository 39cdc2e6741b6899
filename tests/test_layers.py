"""No import cycles between the package's modules, and no import up the layers of docs/architecture.md.

The modules are read with `ast`, never imported. Every import counts, also one inside a function or
under `if TYPE_CHECKING`: an import moved there to dodge a cycle leaves the cycle in the design.
Imports by a name computed at run time (`importlib.import_module(f"...{lang}...")`) are not seen;
the package has two (cli's subcommands, i18n's languages), and both stay in or go down the layers.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "flake8_http_status"
ARCHITECTURE = ROOT / "docs" / "architecture.md"

# Lowest first: a module may import its own layer and those before it. Names are modules or packages
# relative to flake8_http_status (`__init__` is the package's own); a module is in the layer of the
# longest name that is it or a package holding it. docs/architecture.md lists the same (a test checks).
LAYERS: dict[str, tuple[str, ...]] = {
    "data": (
        "__init__",
        "records",
        "record_new",
        "enums",
        "user_cache",
        "stamps",
        "leading_imports",
        "kept_code_build",
        "kept_code",
        "regex_programs",
        "toml_documents",
        "kept_tables",
        "lazy_pattern",
        "statuses",
        "versions",
        "families",
        "findings",
        "words",
        "noqa_comments",
        "doc_links",
        "api",
        "catalogue",
    ),
    "i18n": ("i18n",),
    "settings": (
        "safe_read",
        "specifiers",
        "markers",
        "requirements",
        "setup_files",
        "project",
        "options",
        "per_file_ignores",
        "pyproject_tables",
        "pyproject_config",
    ),
    "analysis": ("analysis", "prefilter"),
    "index": ("index",),
    "handlers": ("handlers",),
    "rules": ("rules",),
    "engine": ("engine", "plugin", "config"),
    "reports": ("reports",),
    "fixer": ("fixer",),
    "front": ("docs", "terminal", "explain", "check", "cli", "__main__"),
}

Graph = Mapping[str, Mapping[str, int]]  # module -> {imported module: line of the first such import}


# Reading the package


def module_names(package: Path) -> dict[str, Path]:
    """Every module, by its name relative to the package (`api.flask`; `api` for api/__init__.py)."""
    names = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package).with_suffix("").parts
        if parts[-1] == "__init__" and len(parts) > 1:
            parts = parts[:-1]
        names[".".join(parts)] = path
    return names


def import_graph(package: Path) -> dict[str, dict[str, int]]:
    modules = module_names(package)
    graph: dict[str, dict[str, int]] = {}
    for name, path in modules.items():
        edges: dict[str, int] = {}
        for target, line in _imports(name, path, package.name):
            resolved = _resolve(target, modules)
            if resolved is not None and resolved != name:
                edges.setdefault(resolved, line)
        graph[name] = edges
    return graph


def _imports(name: str, path: Path, package: str) -> Iterator[tuple[str, int]]:
    """Dotted names (relative to the package, `__init__` for itself) this module imports, wherever it does."""
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):  # walks into functions and `if` blocks
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield from _inside(alias.name, package, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(name, is_package, node.level, node.module, package)
            for alias in node.names:  # `from . import api` imports the module `api`, if there is one
                yield from _inside(f"{base}.{alias.name}", package, node.lineno)


def _absolute(name: str, is_package: bool, level: int, module: str | None, package: str) -> str:
    if level == 0:
        return module or ""
    here = [package, *([] if name == "__init__" else name.split("."))]
    if not is_package:
        here.pop()
    base = here[: len(here) - (level - 1)]
    return ".".join([*base, module] if module else base)


def _inside(dotted: str, package: str, line: int) -> Iterator[tuple[str, int]]:
    first, _, rest = dotted.partition(".")
    if first == package:
        yield (rest or "__init__"), line


def _resolve(target: str, modules: Mapping[str, Path]) -> str | None:
    """The module `target` names: itself, or the module holding the name it imports from it."""
    while target:
        if target in modules:
            return target
        target = target.rpartition(".")[0]
    return "__init__" if "__init__" in modules else None  # a name from the package's own (`__version__`)


# Judging a graph


def cycles(graph: Graph) -> list[list[str]]:
    """One cycle (a path that returns to its start) per group of modules that import each other."""
    return [_cycle_through(min(group), group, graph) for group in _strongly_connected(graph) if len(group) > 1]


def _strongly_connected(graph: Graph) -> list[set[str]]:
    """Tarjan's algorithm, iterative."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, {}))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, targets = work[-1]
            target = next(targets, None)
            if target is not None:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph.get(target, {})))))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                groups.append(group)
    return groups


def _cycle_through(start: str, group: set[str], graph: Graph) -> list[str]:
    """The shortest path from `start` back to itself inside `group` (breadth first)."""
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for target in sorted(graph.get(node, {})):
                if target == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(came_from[path[-1]])
                    return [*reversed(path), start]
                if target in group and target not in came_from:
                    came_from[target] = node
                    following.append(target)
        frontier = following
    raise AssertionError(f"{start} is in a group without a cycle through it")


def layer_of(module: str, layers: Mapping[str, tuple[str, ...]]) -> int | None:
    """The position of the module's layer, lowest 0; None when no layer names it."""
    best: tuple[int, int] | None = None  # (length of the name that matched, layer)
    for position, names in enumerate(layers.values()):
        for name in names:
            within = module == name or (name != "__init__" and module.startswith(f"{name}."))
            if within and (best is None or len(name) > best[0]):
                best = (len(name), position)
    return best[1] if best is not None else None


def upward_imports(graph: Graph, layers: Mapping[str, tuple[str, ...]]) -> list[str]:
    titles = list(layers)
    found = []
    for module, targets in sorted(graph.items()):
        own = layer_of(module, layers)
        for target, line in sorted(targets.items()):
            other = layer_of(target, layers)
            if own is not None and other is not None and other > own:
                found.append(f"{module} ({titles[own]}) imports {target} ({titles[other]}) on line {line}")
    return found


def unplaced(graph: Graph, layers: Mapping[str, tuple[str, ...]]) -> list[str]:
    return sorted(module for module in graph if layer_of(module, layers) is None)


def documented_layers(text: str) -> dict[str, tuple[str, ...]]:
    """The ordered list under `## Layers`: `1. **name**: `module.py`, `package/`, ...`; remarks in
    parentheses are not names."""
    section = text.split("\n## Layers\n", 1)[1].split("\n## ", 1)[0]
    layers = {}
    for match in re.finditer(r"^\d+\. \*\*([\w-]+)\*\*:(.*)$", section, re.MULTILINE):
        names = re.findall(r"`([^`]+)`", re.sub(r"\([^)]*\)", "", match.group(2)))
        layers[match.group(1)] = tuple(name.removesuffix("/").removesuffix(".py") for name in names)
    return layers


# The package


def test_no_import_cycles() -> None:
    found = cycles(import_graph(PACKAGE))
    assert not found, "import cycles:\n" + "\n".join(" -> ".join(cycle) for cycle in found)


def test_no_import_goes_up_the_layers() -> None:
    found = upward_imports(import_graph(PACKAGE), LAYERS)
    assert not found, "imports up the layers of docs/architecture.md:\n" + "\n".join(found)


def test_every_module_has_a_layer() -> None:
    assert not unplaced(import_graph(PACKAGE), LAYERS), "add these to LAYERS and to docs/architecture.md"


def test_every_layer_name_is_a_module() -> None:
    # A name left behind by a removed module would place nothing and hide nothing, but it misleads readers.
    stale = [
        name
        for names in LAYERS.values()
        for name in names
        if not (PACKAGE / f"{name}.py").is_file() and not (PACKAGE / name / "__init__.py").is_file()
    ]
    assert not stale, f"LAYERS names modules that do not exist: {stale}"


def test_the_architecture_page_lists_the_same_layers() -> None:
    assert documented_layers(ARCHITECTURE.read_text(encoding="utf-8")) == LAYERS


# The checks themselves


def test_a_cycle_is_reported_with_its_path() -> None:
    graph = {"a": {"b": 1}, "b": {"c": 2}, "c": {"a": 3, "d": 4}, "d": {}}
    assert cycles(graph) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b": 1}, "b": {}}) == []


def test_an_upward_import_is_reported() -> None:
    layers = {"low": ("low", "low_too"), "high": ("high",)}
    graph = {"low.model": {"high.rules": 7, "low_too": 8}, "high.rules": {"low.model": 3}, "low_too": {}}
    assert upward_imports(graph, layers) == ["low.model (low) imports high.rules (high) on line 7"]
    assert unplaced({"elsewhere": {}}, layers) == ["elsewhere"]


def test_the_longest_name_decides_the_layer() -> None:
    layers = {"low": ("i18n.phrase",), "high": ("i18n",)}
    assert layer_of("i18n.phrase", layers) == 0
    assert layer_of("i18n.messages", layers) == 1
    assert layer_of("i18nx", layers) is None


def test_imports_in_functions_and_under_type_checking_count(tmp_path: Path) -> None:
    package = tmp_path / "flake8_http_status"
    (package / "low").mkdir(parents=True)
    (package / "__init__.py").write_text('__version__ = "0"\n')
    (package / "low" / "__init__.py").write_text("from . import model\n")
    (package / "low" / "model.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from ..high import Rule\n"
        "def f():\n    import flake8_http_status.high.deep\n    from .. import __version__\n"
    )
    (package / "high").mkdir()
    (package / "high" / "__init__.py").write_text("from ..low.model import f\nRule = 1\n")
    (package / "high" / "deep.py").write_text("")
    graph = import_graph(package)
    assert graph == {
        "__init__": {},
        "high": {"low.model": 1},
        "high.deep": {},
        "low": {"low.model": 1},
        "low.model": {"high": 3, "high.deep": 5, "__init__": 6},
    }
    assert cycles(graph) == [["high", "low.model", "high"]]


def test_the_page_is_read_in_order() -> None:
    text = "\n## Layers\n\n1. **data**: `statuses.py` (not `Status`), `api/`\n2. **rules**: `rules/`\n\n## Next\n3. **x**: `x`\n"
    assert list(documented_layers(text).items()) == [("data", ("statuses", "api")), ("rules", ("rules",))]
