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


def test_an_existing_freeze_is_left_alone():
    gc.collect()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with gc_paused():
            [[] for _ in range(1_000)]
        assert gc.get_freeze_count() == frozen
        assert gc.isenabled()
    finally:
        gc.unfreeze()


def test_a_caller_who_turned_collection_off_keeps_it_off():
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
