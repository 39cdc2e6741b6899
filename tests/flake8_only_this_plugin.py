"""flake8's command line with only this plugin (and local plugins) among the checkers.

The hostile-input tests feed flake8 10 MB modules, chains deeper than the recursion limit and
20,000 files. flake8 still discovers, reads, decodes and parses each file and hands it to the plugin
exactly as usual; leaving out pyflakes, pycodestyle and mccabe only keeps their cost (and their
own limits) out of a test of this plugin. Works with flake8 5, 6 and 7, whose plugin finder
`parse_args` looks up as `finder.find_plugins`.
"""

from __future__ import annotations

import sys
from typing import Any

from flake8.main.cli import main
from flake8.plugins import finder

_OTHER_CHECKERS = frozenset({"pyflakes", "pycodestyle", "mccabe"})
_find_plugins = finder.find_plugins


def _only_this_plugin(*args: Any, **kwargs: Any) -> Any:
    return [plugin for plugin in _find_plugins(*args, **kwargs) if plugin.package not in _OTHER_CHECKERS]


if __name__ == "__main__":
    finder.find_plugins = _only_this_plugin
    sys.exit(main())
