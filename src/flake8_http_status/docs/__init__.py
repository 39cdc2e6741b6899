"""Documentation generated from the rule registry and the status catalogue.

`python -m flake8_http_status.docs --write` regenerates `docs/rules/`, `docs/status/` (and their Korean
twins under `docs/ko/`), the status indexes, the home pages, the README's rule table and the navigation in
`mkdocs.yml`; `--check` lists stale files. `http-status explain` renders the
same pages for the terminal.
"""
