"""One :class:`~polybib.model.Reference` as a CSL-JSON item dict, for the CSL processors.

The project's CSL-JSON writer owns the mapping (:func:`polybib.formats.csljson.reference_to_item`);
rendering uses it and only drops what a processor must not see: the ``custom`` object
(polybib's own extension data) and model fields that are not CSL variables.
"""
from __future__ import annotations

from typing import Any

from ..formats.csljson import reference_to_item
from ..model import Reference

#: Fields of the model that are not CSL variables (kept for other formats).
NOT_CSL = frozenset({"custom", "title-addon"})


def to_csl_item(ref: Reference) -> dict[str, Any]:
    """``ref`` as a CSL-JSON item (``id``, ``type`` and its CSL variables)."""
    item = reference_to_item(ref)
    for key in NOT_CSL & item.keys():
        del item[key]
    # An empty name list is no names: citeproc-py takes it for a present variable and a
    # style that substitutes editors for authors printed "None (Ed.)".
    for key in [k for k, v in item.items() if isinstance(v, list) and not v]:
        del item[key]
    return item
