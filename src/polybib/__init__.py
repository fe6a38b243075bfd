"""polybib: bibliographies that mix scripts and languages.

The Python API in brief::

    import polybib
    lib = polybib.read("refs.bib")                 # any registered format, by extension
    for ref in lib:
        print(ref.id, ref.type, ref.get("title"))
    data = polybib.write(lib, "csljson")            # bytes
"""
from .formats import read, write
from .model import Date, Diagnostic, Library, Name, Reference, Source

__version__ = "0.1.0"

__all__ = ["read", "write", "Library", "Reference", "Name", "Date", "Source", "Diagnostic", "__version__"]
