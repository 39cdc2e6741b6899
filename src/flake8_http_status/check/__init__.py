"""`http-status check`: the plugin's findings without flake8, over the fixer's file walk, in the report formats.

Modules: `selection` (which codes are shown, decided as flake8 decides), `files` (one file to records, in a
worker process), `command` (the CLI).
"""
