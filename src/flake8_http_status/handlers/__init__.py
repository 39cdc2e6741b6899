"""The handler model behind the HTS9xx rules.

Modules: `table` (the idiom rows, indexed), `routes` (which functions are handlers, for which methods),
`flow` (paths, branch conditions, dominance, enclosing except clauses), `methods` (request.method
guards), `auth` (authentication state at a point), `creation` (resources created before a point),
`responses` (content and headers of a response), `answers` (content sent without a response object),
`facts` (one walk over a function), `model` (the lazy facade rules use, `Context.handlers`).
"""
