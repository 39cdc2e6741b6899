"""Framework-aware checks and fixes for HTTP status codes in Python web code."""

__version__ = "0.1.0"
