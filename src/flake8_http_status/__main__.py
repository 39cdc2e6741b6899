"""`python -m flake8_http_status`: the `http-status` command, where the environment's scripts are not on PATH."""

from .cli import main

raise SystemExit(main())
