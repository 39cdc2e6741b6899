"""Findings as reports: the records `http-status check` and `fix --check` print, and one module per output format.

Each format is a pure function from a list of `Record`s to text (`FORMATS`); the commands decide which records
go in and where the text goes.
"""
