"""Which files `http-status fix` looks at: defaults, globs, virtual environments and symlinks."""

from __future__ import annotations

from pathlib import Path

from flake8_http_status.fixer.discovery import Filters, discover


def tree(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x = 1\n")


def found(paths: list[Path], filters: Filters = Filters(), root: Path | None = None) -> list[str]:
    base = root or paths[0]
    return [
        str(item.path.relative_to(base)) if item.real else f"{item.path.name}: {item.skipped}"
        for item in discover(paths, filters)
    ]


def test_python_files_in_sorted_order_without_the_default_skips(tmp_path: Path) -> None:
    tree(
        tmp_path,
        "b.py",
        "a.py",
        "pkg/c.py",
        "notes.txt",
        ".git/hooks/x.py",
        ".venv/lib/y.py",
        "venv/z.py",
        "build/lib/d.py",
        "dist/e.py",
        "node_modules/f.py",
        "lib/site-packages/g.py",
        "pkg/__pycache__/h.py",
        "pkg.egg-info/i.py",
        ".tox/py311/j.py",
    )
    assert found([tmp_path]) == ["a.py", "b.py", "pkg/c.py"]


def test_any_directory_holding_a_virtual_environment_is_skipped(tmp_path: Path) -> None:
    tree(tmp_path, "app.py", "myenv/pyvenv.cfg", "myenv/lib/python3.12/x.py")
    assert found([tmp_path]) == ["app.py"]


def test_excludes_match_names_and_whole_paths(tmp_path: Path) -> None:
    tree(tmp_path, "app/views.py", "app/migrations/0001_initial.py", "app/tests/test_views.py", "settings.py")
    filters = Filters(excludes=("migrations", f"{tmp_path}/app/tests/*", "settings.py"))
    assert found([tmp_path], filters) == ["app/views.py"]


def test_includes_choose_the_files_in_directories(tmp_path: Path) -> None:
    tree(tmp_path, "a.py", "b.pyi", "c.pyw")
    assert found([tmp_path], Filters(includes=("*.py", "*.pyw"))) == ["a.py", "c.pyw"]


def test_an_explicit_file_is_taken_whatever_its_extension(tmp_path: Path) -> None:
    tree(tmp_path, "script")
    assert found([tmp_path / "script"], root=tmp_path) == ["script"]


def test_symlinks_are_not_followed_out_of_the_tree(tmp_path: Path) -> None:
    outside, project = tmp_path / "outside", tmp_path / "project"
    tree(outside, "secret.py", "lib/more.py")
    tree(project, "app.py")
    (project / "linked.py").symlink_to(outside / "secret.py")
    (project / "linked_dir").symlink_to(outside / "lib")
    (project / "dangling.py").symlink_to(project / "missing.py")
    (project / "pkg").mkdir()
    (project / "pkg_alias").symlink_to(project / "pkg")  # inside: walked where it really is, nothing to say
    assert found([project]) == [
        "app.py",
        "dangling.py: broken symlink",
        "linked.py: symlink to a file outside the tree, not followed",
        "linked_dir: symlink to a directory outside the tree, not followed",  # said, not silently left out
    ]


def test_a_symlink_inside_the_tree_is_visited_once_through_its_target(tmp_path: Path) -> None:
    tree(tmp_path, "real.py")
    (tmp_path / "alias.py").symlink_to(tmp_path / "real.py")
    items = list(discover([tmp_path], Filters()))
    assert [(item.path.name, item.real) for item in items] == [("alias.py", (tmp_path / "real.py").resolve())]
