"""Framework-aware checks and fixes for HTTP status codes in Python web code."""

import time

from . import kept_code

__version__ = "0.1.0"

# When this process loaded the package: a source file of it changed later may hold other code than the process runs
# (`kept_tables` keeps nothing built from such code).
IMPORTED_NS = time.time_ns()

# The package's other modules are imported from the compiled code kept between runs, when it is still good.
kept_code.install()
