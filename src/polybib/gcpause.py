"""Pausing Python's cyclic garbage collector around bulk work.

Reading and linting a large file, or rendering a long list, allocates millions of objects
that stay alive (segments, records, entry views, the render memo) and hardly ever form
cycles.  The cyclic collector, triggered by allocation counts, rescans them again and
again: a fifth of linting time and a third of rendering time.  Reference counting still
frees everything as usual; cycles made meanwhile are left to the collector's next full pass.

When collection comes back on, everything allocated meanwhile is still in the youngest
generation, and the next allocation would make the collector scan it all at once (a third
of a second for a 10,000-entry lint).  Those objects are the long-lived results, so they
are moved straight to the oldest generation instead (``gc.freeze`` then ``gc.unfreeze``,
two constant-time list moves), where only the rare full collections visit them.  This is
skipped when someone else has frozen objects, whose freeze ``unfreeze`` would undo.
"""
from __future__ import annotations

import contextlib
import gc


@contextlib.contextmanager
def gc_paused():
    """Automatic collection off inside the block, back on after; left alone when it was
    already off (by the caller, or by a pause in another thread)."""
    enabled = gc.isenabled()
    if enabled:
        gc.disable()
    try:
        yield
    finally:
        if enabled:
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()
