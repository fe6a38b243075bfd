"""Importing this package registers every rule (each module holds one family)."""
from . import duplicates, links, names, scripts, structure, titles, values  # noqa: F401
from .. import engine  # noqa: F401  (P001 lives with the suppression logic it reports on)
