"""Free-text reference lists → records: splitting a list, then parsing each reference.

    from polybib.refparse import parse_reference, parse_list
    ref = parse_reference("Газуль С.М. Бизнес и облака // … — 2011. — С. 134-135.")
"""
from .parser import parse_reference
from .splitter import parse_list, split_references

__all__ = ["parse_reference", "parse_list", "split_references"]
