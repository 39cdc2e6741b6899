"""Documentation generated from the rule registry and the status catalogue.

`python -m flake8_http_status.docs --write` regenerates `docs/rules/`, `docs/ko/rules/`, the status
catalogues and the README's rule table; `--check` lists stale files. `http-status explain` renders the
same pages for the terminal.
"""
