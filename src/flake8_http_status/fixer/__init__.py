"""The fixer: applies the fixes the analysis attaches to findings, through LibCST, verified and atomically.

Modules, in pipeline order: `discovery` (which files), `source` (bytes to text and back), `selection`
(which fixes apply: codes, safety, `# noqa`), `positions` and `transform` (the edits on LibCST nodes),
`imports` (where new imports go), `verify` (the rewritten module means the same), `pipeline` (one
module, to a fixed point), `files` (one file on disk), `writing` (atomic replace), `runner` (many files,
in parallel), `report` (what the user sees), `command` (`http-status fix`) and `codemod` (the LibCST
codemod command).
"""
