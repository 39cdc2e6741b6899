"""Where this user's own cache files live, and whether caching is off: shared by every cache of the package.

The folder is `$XDG_CACHE_HOME/flake8-http-status` (`~/.cache/flake8-http-status` when the variable is unset
or relative, as the XDG rule says), or `HTTP_STATUS_KEY_DIR` when set (tests). It holds the index cache's
key (`index/cache.py`) and the compiled regular expressions (`regex_programs.py`). Only `os` is imported: the
regular expressions read the folder on a one-file run, where every imported module is paid for.
"""

from __future__ import annotations

import os

NO_CACHE_VARIABLE = "HTTP_STATUS_NO_CACHE"
KEY_DIR_VARIABLE = "HTTP_STATUS_KEY_DIR"

_NOT_OFF = frozenset({"", "0", "false", "no", "off"})


def caching_off() -> bool:
    """`HTTP_STATUS_NO_CACHE` is set to anything but an empty, 0, false, no or off value."""
    return os.environ.get(NO_CACHE_VARIABLE, "").strip().lower() not in _NOT_OFF


def user_folder() -> str | None:
    """This user's cache folder for the package (not created here); None when there is no home to put it in."""
    chosen = os.environ.get(KEY_DIR_VARIABLE)
    if chosen:
        return chosen
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG rule: a relative path is to be ignored
        home = os.path.expanduser("~")
        if home == "~":  # no HOME and no password entry
            return None
        base = os.path.join(home, ".cache")
    return os.path.join(base, "flake8-http-status")
