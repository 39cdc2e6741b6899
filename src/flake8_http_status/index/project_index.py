"""The project index: module summaries of a project, computed on demand and remembered for the process.

The flake8 plugin checks one file at a time. For each one it asks `facts_for`, whose answers (`ModuleFacts`, the
analysis's `ProjectFacts`) read the summaries of only the modules that the file's own imports reach, when the
analysis needs a name from them, and transitively so. `http-status fix` does the same in each of its worker
processes: what one worker computes, the others read from the disk cache. (A pass that summarised the whole tree
first, in parallel, was measured and dropped: on Django's source it cost `fix` 65% more CPU than the lazy
reading, because most modules are never asked about.)

Import cycles stay silent. While module A's summary is being computed, a module it consults that needs A back
gets no answer for A, and A gets none for it: no fact crosses a cycle, whichever module was asked about first,
so the findings never depend on the order of files or on what the cache holds (`_Frame.open`). A summary also keeps
the modules whose full summary it was refused because of a cycle (`Known.cut`), and is never given to them: a process
whose cache holds it and must summarise one of them alone passes nothing back across the cycle either.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import TYPE_CHECKING, Final, TypeGuard

from ..analysis.imports import ImportMap, collect_imports
from ..analysis.nodes import attribute_chain
from ..api import Table
from ..api.rows import Api
from ..stamps import Stamp, read_stamped, stamp_from_json, unchanged
from .layout import Layout, Located
from .roots import top_directory
from .summary import EMPTY, NO_ROLES, ClassFacts, Judge, ModuleSummary, Roles, from_json, to_json

if TYPE_CHECKING:
    from ..analysis.flow import Flow
    from .cache import Entry, SummaryCache

_ALIASES: Final = 16  # re-exports followed for one name: deeper chains are not resolved
_ANCESTORS: Final = 32  # classes climbed for one class's bases


class _Frame:
    """A summary being computed: which modules it read (for the cache) and which cycles it met."""

    __slots__ = ("cut", "deps", "module", "open")

    def __init__(self, module: str) -> None:
        self.module = module
        self.deps: set[str] = set()
        self.open: set[str] = set()  # modules still being computed that this one reached back to
        self.cut: set[str] = set()  # modules whose full summary it was refused because of a cycle


class Known:
    """A summary with what vouches for it: the modules it read (transitively) and the cycles it met."""

    __slots__ = ("cut", "deps", "open", "summary")

    def __init__(
        self, summary: ModuleSummary, deps: frozenset[str], open_: frozenset[str], cut: frozenset[str] = frozenset()
    ) -> None:
        self.summary = summary
        self.deps = deps
        self.open = open_
        # The modules whose full summaries this one was made without, because of a cycle: it is never given in full
        # to them (nor to anything computed for them), so no fact crosses the cycle in a process that summarises one
        # of them alone, whatever the cache holds of the others. A shallow summary reads no other module: given.
        self.cut = cut


class ProjectIndex:
    def __init__(
        self, root: Path, table: Table, salt: str, cache: SummaryCache | None, judge: Judge | None = None
    ) -> None:
        self.root = root
        self.judge = judge  # decides the roles of a module's functions (auth, creation); None: no roles
        self.table = table
        self.cache = cache
        self.salt = salt
        self._layouts: dict[Path, Layout] = {}
        # by file, not by dotted name: two script folders may each hold their own `utils`
        self._known: dict[str, Known] = {}
        self._frames: list[_Frame] = []
        self._digests: dict[str, str | None] = {}
        self._sources: dict[str, bytes] = {}
        # by file: the stamp that vouches for its digest (`stamps`), None when it had not settled when it was read
        self._stamps: dict[str, Stamp | None] = {}
        self._vouched: set[str] = set()  # files whose digest a stamp gave, without reading them
        # resolve() answers asked outside any summary's computation, which no cycle can change any more
        self._resolved: dict[tuple[int, str], tuple[Located, str] | None] = {}
        self._challenged: frozenset[str] | None = None

    def challenged_401s(self) -> frozenset[str]:
        """The frameworks whose raised 401s an error handler of the project answers with a challenge: read from the
        whole tree once, when a rule first asks."""
        if self._challenged is None:
            from .challenges import challenged_401s

            self._challenged = challenged_401s(self.root)
        return self._challenged

    def facts_for(self, path: str, imports: ImportMap) -> ModuleFacts | None:
        """What the index knows for the checked file at `path` (absolute, normalised); None when it is not a
        module."""
        layout = self.layout_for(path)
        located = layout.located(path)
        return None if located is None else ModuleFacts(self, layout, located, imports)

    def layout_for(self, path: str) -> Layout:
        """Absolute imports of a module also resolve beside its own top-level package (a script's folder)."""
        top = top_directory(path)
        layout = self._layouts.get(top)
        if layout is None:
            layout = self._layouts[top] = Layout(self.root, (top,))
        return layout

    # Summaries ---------------------------------------------------------------------------------------------

    def summary(self, located: Located, *, full: bool = True) -> ModuleSummary | None:
        """The summary of a project module, or None where a cycle or an unreadable file leaves it unknown.
        `full=False` settles for a shallow one (bases, objects, re-exports), which reads no other module."""
        frame = self._frames[-1] if self._frames else None
        known = self._known.get(located.path)
        if known is None or (full and not known.summary.full):
            if full and any(f.module == located.name for f in self._frames):
                if frame is not None:
                    frame.open.add(located.name)
                return None
            known = self._compute(located, full=full)
        if known is None:
            return None
        # A shallow summary reads no other module: only the open cycles withhold it. Both sets are nearly always
        # empty, and this is asked for every name the index resolves: no set is built then.
        withheld = known.open | known.cut if full and known.cut else known.open
        live = {name for name in withheld if any(f.module == name for f in self._frames)}
        if frame is not None:
            if live:
                frame.open |= live
                if full:  # this summary is made without that module's: kept, so it is never given to it either
                    frame.cut.add(located.name)
                return None
            frame.deps |= known.deps | ({located.name} if full else set())
        return known.summary

    def _compute(self, located: Located, *, full: bool) -> Known | None:
        latest = self.cache.latest(located.name) if self.cache is not None else None
        entry_digest, entry = latest if latest is not None else ("", None)
        stamps = entry.data.get("stamps") if entry is not None else None
        source_digest = self._digest(located, _vouching(entry_digest, stamps, located.name))
        if source_digest is None:
            return None
        known = self._cached(located, entry if source_digest == entry_digest else None, stamps, full=full)
        if known is None and located.path in self._vouched:
            # To be summarised: its summary is made from the bytes that are hashed, read now.
            del self._digests[located.path]
            self._vouched.discard(located.path)
            source_digest = self._digest(located)
            if source_digest is None:
                return None
        if known is None:
            frame = _Frame(located.name)
            self._frames.append(frame)
            try:
                summary = self._summarise(located, full=full)
            finally:
                self._frames.pop()
            frame.open.discard(located.name)
            known = Known(summary, frozenset(frame.deps - {located.name}), frozenset(frame.open), frozenset(frame.cut))
            self._store(located, source_digest, known)
        self._known[located.path] = known
        return known

    def _summarise(self, located: Located, *, full: bool) -> ModuleSummary:
        from .summary import summarise

        source = self._sources.pop(located.path, None)  # held from the digest until here, then no longer
        if source is None:
            try:
                source = _read(located.path)
            except OSError:
                return EMPTY
        try:
            tree = ast.parse(source, located.path)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return EMPTY
        imports = collect_imports(tree)
        facts = ModuleFacts(self, self.layout_for(located.path), located, imports)
        flow: Flow | None = None
        roles = NO_ROLES
        if full:
            try:
                flow, roles = self._analyse(tree, imports, facts, located.path, source)
            except (RecursionError, MemoryError):
                # Another module too deep or too large to analyse must not fail the checked one: it says nothing.
                return EMPTY
        return summarise(
            located.name, tree, imports, facts, flow, full=full, may_declare_global=b"global" in source, roles=roles
        )

    def _analyse(
        self, tree: ast.Module, imports: ImportMap, facts: ModuleFacts, filename: str, source: bytes
    ) -> tuple[Flow | None, Roles]:
        """The status flow of a module, as the engine would run it on the checked file (None: nothing to follow),
        and the roles of its functions."""
        from ..analysis.collect import collect
        from ..analysis.status_sites import find_sites
        from ..analysis.test_modules import is_conftest, is_test_module

        candidates, bindings = collect(tree, imports, self.table, facts.call_roots())
        in_tests, conftest = is_test_module(filename), is_conftest(filename)
        sites, flow = find_sites(
            tree, imports, candidates, bindings, self.table, in_tests=in_tests, conftest=conftest, project=facts
        )
        if self.judge is None or in_tests:
            return flow, NO_ROLES
        from ..analysis.module import AnalysedModule
        from ..options import Settings

        lines = source.decode("utf-8", "replace").splitlines(keepends=True)
        own = [site for site in sites if site.via is None]  # as the rules hand the module to the handler model
        module = AnalysedModule(tree, lines, filename, imports, candidates, bindings, own, Settings(), facts)
        return flow, self.judge(module)

    def _digest(self, located: Located, vouching: tuple[str, Stamp] | None = None) -> str | None:
        """The digest of the module's source: from `vouching` (a digest and the stamp the file had when it was
        hashed) when the file still has that stamp, else read and hashed."""
        path = located.path
        if path not in self._digests:
            if vouching is not None and unchanged(path, vouching[1]):
                self._digests[path], self._stamps[path] = vouching
                self._vouched.add(path)
                return vouching[0]
            try:
                source, self._stamps[path] = read_stamped(path)
            except (OSError, ValueError):
                self._digests[path] = None
                return None
            from .cache import digest

            self._digests[path] = digest(source)
            self._sources[path] = source
        return self._digests[path]

    def _cached(self, located: Located, entry: Entry | None, stamps: object, *, full: bool) -> Known | None:
        """The summary `entry` holds (made from the module's source as it is now), if it was made from the sources
        of its dependencies as they are now. `stamps`: the entry's stamps of those files."""
        if entry is None:
            return None
        open_, cut = entry.data.get("open"), entry.data.get("cut")
        if not _names(open_) or not _names(cut):
            return None
        layout = self.layout_for(located.path)
        for name, wanted in entry.deps.items():
            dep = layout.find(name)
            if dep is None or self._digest(dep, _vouching(wanted, stamps, name)) != wanted:
                return None
        summary = from_json(entry.data.get("summary"))
        if summary is None or (full and not summary.full):
            return None
        self._sources.pop(located.path, None)
        return Known(summary, frozenset(entry.deps), frozenset(open_), frozenset(cut))

    def _store(self, located: Located, source_digest: str, known: Known) -> None:
        if self.cache is None:
            return
        deps: dict[str, str] = {}
        stamped: dict[str, Stamp | None] = {located.name: self._stamps.get(located.path)}
        layout = self.layout_for(located.path)
        for name in known.deps:
            dep = layout.find(name)
            dep_digest = self._digest(dep) if dep is not None else None
            if dep is None or dep_digest is None:
                return  # a module read before has gone: nothing to vouch for
            deps[name] = dep_digest
            stamped[name] = self._stamps.get(dep.path)
        data: dict[str, object] = {
            "summary": to_json(known.summary),
            "open": sorted(known.open),
            "cut": sorted(known.cut),
            "stamps": {name: list(stamp) for name, stamp in stamped.items() if stamp is not None},
        }
        from .cache import Entry

        self.cache.store(located.name, source_digest, Entry(data, deps))

    # Names -------------------------------------------------------------------------------------------------

    def resolve(self, layout: Layout, qualified: str) -> tuple[Located, str] | None:
        """(module, name inside it) for an absolute name of the project, through re-exports and star imports."""
        if self._frames:
            return self._resolve(layout, qualified)
        key = (id(layout), qualified)
        if key not in self._resolved:
            self._resolved[key] = self._resolve(layout, qualified)
        return self._resolved[key]

    def _resolve(self, layout: Layout, qualified: str, depth: int = 0) -> tuple[Located, str] | None:
        if depth > _ALIASES:
            return None
        parts = qualified.split(".")
        for cut in range(len(parts) - 1, 0, -1):
            located = layout.find(".".join(parts[:cut]))
            if located is None:
                continue
            summary = self.summary(located, full=False)
            if summary is None:
                return None
            head, rest = parts[cut], parts[cut + 1 :]
            if head in summary.names and head not in summary.aliases:
                return located, ".".join(parts[cut:])
            target = summary.aliases.get(head)
            if target is not None:
                return self._resolve(layout, ".".join([target, *rest]), depth + 1)
            for star in summary.stars:
                if self._star_exports(layout, star, head):
                    return self._resolve(layout, ".".join([star, head, *rest]), depth + 1)
            return None
        return None

    def _star_exports(self, layout: Layout, module: str, name: str) -> bool:
        """`from <module> import *` binds `name`: it is in the module's `__all__`, or public without one."""
        located = layout.find(module)
        summary = self.summary(located, full=False) if located is not None else None
        if summary is None:
            return False
        if summary.exports is not None:
            return name in summary.exports
        return not name.startswith("_") and (name in summary.names or name in summary.aliases)

    def defined(self, layout: Layout, qualified: str, *, full: bool) -> tuple[ModuleSummary, str, str] | None:
        """(summary, module, name inside it) of the module that defines the project name `qualified`."""
        found = self.resolve(layout, qualified)
        if found is None:
            return None
        located, name = found
        summary = self.summary(located, full=full)
        return None if summary is None else (summary, located.name, name)

    def is_project(self, layout: Layout, qualified: str) -> bool:
        return layout.find(qualified.partition(".")[0]) is not None

    def class_facts(self, layout: Layout, qualified: str, *, full: bool = False) -> tuple[ClassFacts, str] | None:
        """A project class's facts and its absolute name where it is defined."""
        found = self.defined(layout, qualified, full=full)
        if found is None:
            return None
        summary, module, name = found
        facts = summary.classes.get(name)
        return None if facts is None else (facts, f"{module}.{name}")


def _names(value: object) -> TypeGuard[list[str]]:
    """A cache entry's list of module names (its open and cut cycles)."""
    return isinstance(value, list) and all(isinstance(name, str) for name in value)


def _vouching(digest: str, stamps: object, name: str) -> tuple[str, Stamp] | None:
    """(digest, stamp) when a cached entry's `stamps` hold a well-formed stamp of the file of module `name`."""
    stamp = stamp_from_json(stamps.get(name)) if isinstance(stamps, dict) else None
    return None if stamp is None else (digest, stamp)


def _read(path: str) -> bytes:
    """`Path.read_bytes`, without a `Path` (whose `open` adds a third to the cost of reading a small module)."""
    with open(path, "rb") as file:
        return file.read()


class ModuleFacts:
    """The index's answers for one module (`analysis.project_facts.ProjectFacts`)."""

    def __init__(self, index: ProjectIndex, layout: Layout, located: Located, imports: ImportMap) -> None:
        self.index = index
        self.layout = layout
        self.located = located
        self.imports = imports

    def call_roots(self) -> frozenset[str]:
        names = {"self", "cls", *self.imports.relative}
        names.update(
            local for local, qualified in self.imports.names.items() if self.index.is_project(self.layout, qualified)
        )
        return frozenset(names)

    def qualify(self, node: ast.expr) -> str | None:
        root, parts = attribute_chain(node)
        if not isinstance(root, ast.Name):
            return None
        relative = self.imports.relative.get(root.id)
        if relative is not None:
            base = self.layout.relative(self.located, *relative)
        else:
            base = self.imports.names.get(root.id)
            if base is None or not self.index.is_project(self.layout, base):
                return None
        return None if base is None else ".".join([base, *parts])

    def absolute_module(self, level: int, dotted: str) -> str | None:
        return self.layout.relative(self.located, level, dotted)

    def rows(self, qualified: str) -> tuple[Api, ...]:
        if not self.index.is_project(self.layout, qualified):
            return ()
        found = self.index.defined(self.layout, qualified, full=True)
        if found is None:
            return ()
        summary, _, name = found
        return summary.rows.get(name, ())

    def constant(self, qualified: str) -> int | None:
        if not self.index.is_project(self.layout, qualified):
            return None
        found = self.index.defined(self.layout, qualified, full=False)  # the shallow summary holds the constants
        return None if found is None else found[0].constants.get(found[2])

    def ancestors(self, qualified: str) -> frozenset[str] | None:
        return self._ancestors(qualified, set())

    def _ancestors(self, qualified: str, seen: set[str]) -> frozenset[str] | None:
        if not self.index.is_project(self.layout, qualified):
            return frozenset()  # a library class: the table knows it by this name
        found = self.index.class_facts(self.layout, qualified)
        if found is None or found[1] in seen or len(seen) > _ANCESTORS:
            return None
        facts, where = found
        seen.add(where)
        result: set[str] = set()
        for base in facts.bases:
            if base is None:
                return None
            inherited = self._ancestors(base, seen)
            if inherited is None:
                return None
            result |= inherited | {base}
        return frozenset(result)

    def types(self, qualified: str) -> frozenset[str] | None:
        if not self.index.is_project(self.layout, qualified):
            return None
        found = self.index.defined(self.layout, qualified, full=False)
        if found is None:
            return None
        summary, _, name = found
        made = summary.objects.get(name)
        if made is None:
            return None
        ancestors = self.ancestors(made)
        return None if ancestors is None else ancestors | {made}

    def method_rows(self, qualified: str, method: str) -> tuple[Api, ...] | None:
        seen: set[str] = set()
        current = qualified
        while self.index.is_project(self.layout, current) and len(seen) <= _ANCESTORS:
            found = self.index.class_facts(self.layout, current)
            if found is None or found[1] in seen or found[0].decorated:
                return None
            facts, where = found
            seen.add(where)
            if method in facts.defines:
                defining = self.index.defined(self.layout, where, full=True)
                return () if defining is None else defining[0].rows.get(f"{defining[2]}.{method}", ())
            bases = [base for base in facts.bases if base != "builtins.object"]
            if len(bases) != 1 or bases[0] is None:
                return None
            current = bases[0]
        return None

    def carried(self, qualified: str) -> dict[str, Api]:
        found = (
            self.index.class_facts(self.layout, qualified) if self.index.is_project(self.layout, qualified) else None
        )
        return {} if found is None else dict(found[0].carried)

    def unchallenged_carried(self, qualified: str) -> frozenset[str]:
        if not self.index.is_project(self.layout, qualified):
            return frozenset()
        found = self.index.class_facts(self.layout, qualified, full=True)
        carried = frozenset(found[0].carried) if found is not None else frozenset()
        seen: set[str] = set()
        pending = [qualified] if carried else []
        while pending:  # the class and its project ancestors: the handler that sends the attribute is in one of them
            current = pending.pop()
            if current in seen or not self.index.is_project(self.layout, current):
                continue  # a library base, or a base the module cannot name (a builtin): the chain ends there
            seen.add(current)
            defined = self.index.defined(self.layout, current, full=False)
            if defined is None or len(seen) > _ANCESTORS:
                return frozenset()
            summary, _, name = defined
            facts = summary.classes.get(name)
            if summary.challenges or facts is None:
                return frozenset()
            pending.extend(base for base in facts.bases if base is not None)
        return carried

    def challenged_401s(self) -> frozenset[str]:
        return self.index.challenged_401s()

    # Roles of project functions (`handlers.project_roles`) ---------------------------------------------------

    def auth_decorator(self, qualified: str) -> bool:
        found = self._roles(qualified)
        return found is not None and found[1] in found[0].auth_decorators

    def auth_dependency(self, qualified: str) -> bool | None:
        found = self._roles(qualified)
        return None if found is None else found[0].auth_dependencies.get(found[1])

    def user_alias(self, qualified: str) -> bool | None:
        found = self._roles(qualified)
        return None if found is None else found[0].user_aliases.get(found[1])

    def creates(self, qualified: str) -> bool:
        found = self._roles(qualified)
        return found is not None and found[1] in found[0].creators

    def raises(self, qualified: str) -> frozenset[int]:
        found = self._roles(qualified)
        return frozenset() if found is None else found[0].raisers.get(found[1], frozenset())

    def _roles(self, qualified: str) -> tuple[Roles, str] | None:
        if not self.index.is_project(self.layout, qualified):
            return None
        found = self.index.defined(self.layout, qualified, full=True)
        return None if found is None else (found[0].roles, found[2])
