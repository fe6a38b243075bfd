"""Pausing the collector around bulk work leaves it on, and its young generation empty."""
from __future__ import annotations

import gc

from polybib.gcpause import gc_paused


def test_collection_is_back_on_and_the_bulk_is_not_left_young():
    gc.collect()
    kept = []
    with gc_paused():
        assert not gc.isenabled()
        kept.extend([i] for i in range(50_000))    # 50,000 tracked objects that stay alive
    assert gc.isenabled()
    # moved to the oldest generation, not left young for one huge scan at the next allocation
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert id(kept[0]) in oldest and id(kept[-1]) in oldest
    assert gc.get_freeze_count() == 0
    assert len(kept) == 50_000


def _frozen(obj) -> bool:
    """In the permanent generation: tracked by the collector yet in none of its generations."""
    return gc.is_tracked(obj) and all(o is not obj for o in gc.get_objects())


def test_an_existing_freeze_is_left_alone():
    """Someone else's frozen objects stay frozen.  Checked on an object of the test's own,
    not on gc.get_freeze_count(): that count drops whenever any frozen object is freed,
    by this thread or another (the link tests' server thread frees the lists it polls
    with), which made the old count comparison fail now and then."""
    gc.collect()
    theirs = [["frozen by someone else"]]
    doomed = [["alive at the freeze, freed during the pause"]]
    gc.freeze()
    try:
        assert _frozen(theirs) and _frozen(theirs[0])
        with gc_paused():
            [[] for _ in range(1_000)]
            doomed.clear()          # what another thread may do at any moment
        assert _frozen(theirs) and _frozen(theirs[0])
        assert gc.isenabled()
    finally:
        gc.unfreeze()
    assert not _frozen(theirs)


def test_a_caller_who_turned_collection_off_keeps_it_off():
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
