"""The handler model behind the HTS9xx rules: what the code around a status says.

`handler_model.HandlerModel` (reached as `Context.handlers`) is the facade the rules use; it is built on first
use and works per function, only for functions a rule asks about.

- `table`: the idiom rows of every framework module (`api/*.py`), indexed, plus the project's own
  from settings.
- `routes`: which functions are handlers, of which framework, for which HTTP methods.
- `flow`: where a node sits in its function: branch conditions, guards, dominance, `except` clauses.
- `methods`: sets of HTTP methods and `request.method` guards.
- `auth`, `dependencies`: the authentication state at a point.
- `creation`: calls that create a resource.
- `responses`: the headers and content of a response; `answers`: content sent without a response object.
- `inputs`: request data; `body_index`: one walk over a function's body; `module`: top-level names; `syntax`: literals.
"""
