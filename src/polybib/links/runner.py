"""Run a whole check: extract → collect → cache → fetch (in parallel) → judge.

This is the library entry point the CLI and the lint call: :func:`check_library` takes a
Library and returns one :class:`LinkResult` per link, in the order the links appear.
Nothing here prints; progress goes to a callback.

Workers are threads of a ThreadPoolExecutor, each with its own requests Session (its
cookies) over one shared set of per-host connection pools (so connections are reused
whichever worker checks a host's next target, and a host never sees more connections
than its limit); the Scheduler hands each worker a target whose host has a free slot, so
per-host limits never idle the global pool.
"""
from __future__ import annotations

import dataclasses
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Iterable
from urllib.parse import urlsplit

from ..model import Library, Reference
from . import archive, doi as doi_checker
from .cache import LinkCache
from .collect import Target, collect
from .extract import extract_links
from .http import Fetcher
from .judge import judge
from .limits import HostLimiter, Scheduler
from .model import SKIPPED, Link, LinkResult, Observation
from .network import NETWORK_ERRORS, NetworkMonitor
from .options import CheckOptions
from .safety import AddressGuard
from .transport import Transport

Progress = Callable[[int, int], None]
#: Observations that make a Wayback suggestion worth asking for.
_DEAD_ERRORS = ("dns", "redirect-loop", "too-many-redirects")


def check_library(library: Library | Iterable[Reference], options: CheckOptions | None = None,
                  progress: Progress | None = None) -> list[LinkResult]:
    """Check every URL and DOI of every record; one result per link, in file order."""
    refs = list(library)
    links = extract_links(library if isinstance(library, Library) else refs)
    return check_links(links, refs, options, progress)


def check_paths(paths: Iterable[str], offline: bool = False, from_format: str | None = None,
                options: CheckOptions | None = None, progress: Progress | None = None,
                config_table: dict | None = None) -> list[LinkResult]:
    """Read files and check their links (what ``polybib lint --links`` calls).

    Without ``options``, they come from the ``[check]`` table of the configuration (or
    ``config_table``), with the cache in ``.polybib/``; ``offline`` uses the cache only.
    """
    from .. import formats
    from .options import options_from_config

    if options is None:
        if config_table is None:
            from ..config import load_config
            config_table = load_config().table("check")
        options = options_from_config(config_table)
    if offline and not options.offline:
        options = dataclasses.replace(options, offline=True)
    library = Library()
    for path in paths:
        library.extend(formats.read(path, from_format))
    return check_library(library, options, progress)


def cache_key(target: Target, options: CheckOptions) -> str:
    """Observations depend on what was read and on the address policy, so both are in the key."""
    mode = ("c" if options.content else "-") + ("p" if options.allow_private else "-")
    return f"{target.kind}|{mode}|{target.value}"


def _looks_dead(obs: Observation) -> bool:
    if obs.outcome == "error":
        return obs.error in _DEAD_ERRORS
    return obs.http_status in (404, 410) or bool(obs.soft404)


class Run:
    """One check run: the shared guard, limiter and fetcher, and the results so far."""

    def __init__(self, options: CheckOptions):
        self.options = options
        canaries = options.canary_hosts or (urlsplit(options.doi_base).hostname or "doi.org",)
        self.guard = AddressGuard(options.allow_private, options.allow_hosts, options.resolver)
        self.network = NetworkMonitor(self.guard.resolver, canaries)
        self.guard.on_resolved = self.network.resolved
        self.limiter = HostLimiter(options.per_host, options.host_delay)
        self.fetcher = Fetcher(options, self.guard, self.limiter, self.network)
        self.stop = threading.Event()

    def check_target(self, session, target: Target) -> Observation:
        o = self.options
        # cookies live for one target (a publisher's set-cookie-and-redirect check), so
        # a verdict never depends on which worker checked which site before
        session.cookies.clear()
        if target.kind == "doi":
            obs = doi_checker.check_doi(self.fetcher, session, target.value)
        else:
            obs = self.fetcher.check_url(session, target.value)
        self.network.failed(obs)
        # no archive lookup for a failure that may be the network's, until something answered
        network_doubt = obs.error in NETWORK_ERRORS and not self.network.answered_any
        if o.wayback_base and target.kind == "http" and _looks_dead(obs) and not network_doubt:
            try:
                obs.archive_url = archive.wayback_url(self.fetcher, session, target.value, o.wayback_base)
            except Exception:      # a suggestion is never worth failing a check for
                obs.archive_url = ""
        obs.checked_at = time.time()
        return obs

    def fetch_all(self, todo: list[Target], done: Callable[[Target, Observation], None]) -> None:
        if not todo:
            return
        scheduler = Scheduler(self.limiter, [(t.host, t) for t in todo])
        self.network.threshold = min(3, len(todo))   # one failed link decides a one-link run
        o = self.options
        transport = Transport(self.guard, o.user_agent, o.per_host,
                              pool_wait=o.connect_timeout + 2 * o.read_timeout)

        def worker() -> None:
            session = transport.session()
            try:
                while not self.stop.is_set() and not self.network.down.is_set():
                    item = scheduler.next()
                    if item is None:
                        return
                    _host, target = item
                    try:
                        obs = self.check_target(session, target)
                    except Exception as exc:   # a bug in one check must not lose the others
                        obs = Observation(target=target.value, kind=target.kind, outcome="error",
                                          error="internal", detail=f"internal error: {type(exc).__name__}: {exc}")
                    finally:
                        self.limiter.drop_reserved()
                    done(target, obs)
            finally:
                session.cookies.clear()     # the adapter is shared: closed once, below

        workers = min(self.options.concurrency, len(todo))
        try:
            with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="polybib-link") as pool:
                futures = [pool.submit(worker) for _ in range(workers)]
                try:
                    for f in futures:
                        f.result()
                except BaseException:
                    self.stop.set()
                    raise
        finally:
            transport.close()
            self.fetcher.watchdog.close()    # its thread ends with the run


def check_links(links: list[Link], references: list[Reference] | None = None,
                options: CheckOptions | None = None, progress: Progress | None = None) -> list[LinkResult]:
    """Check prepared links; ``references[link.index]`` is the record a link is judged against."""
    options = options or CheckOptions()
    refs = references or []
    targets = collect(links, options.exclude, options.check_doi, options.doi_base)
    run = Run(options)
    cache = LinkCache(options.cache_path, options.max_age) if options.cache_path else None
    observations: dict[str, Observation] = {}
    #: verdicts reached by the workers as soon as a target was fetched (judging is CPU work
    #: that overlaps the other workers' network waits, instead of following them all)
    judged: dict[str, tuple[Observation, list[tuple[int, LinkResult]]]] = {}
    relabelled: set[int] = set()
    position = {id(link): i for i, link in enumerate(links)}
    todo: list[Target] = []
    total = len(targets)
    counter = [0]
    lock = threading.Lock()

    def verdicts(target: Target, obs: Observation) -> list[tuple[int, LinkResult]]:
        out = []
        for link in target.links:
            ref = refs[link.index] if 0 <= link.index < len(refs) else None
            display = doi_checker.display_url(target.value, options.doi_base) if target.kind == "doi" else None
            out.append((position[id(link)], judge(link, obs, ref, display)))
        return out

    def tick() -> None:
        with lock:
            counter[0] += 1
            n = counter[0]
        if progress:
            progress(n, total)

    try:
        for target in targets:
            if target.skip_reason:
                tick()
                continue
            cached = cache.get(cache_key(target, options)) if cache else None
            if cached is not None:
                observations[target.key] = cached
                tick()
            elif options.offline:
                observations[target.key] = Observation(target.value, target.kind, outcome="offline",
                                                       detail="offline, and not in the cache")
                tick()
            else:
                todo.append(target)

        def done(target: Target, obs: Observation) -> None:
            early = verdicts(target, obs)
            with lock:
                observations[target.key] = obs
                judged[target.key] = (obs, early)
            if cache is not None:
                cache.put(cache_key(target, options), obs)
            tick()

        run.fetch_all(todo, done)
        if run.network.down.is_set():
            # the network is known to be down: what was not tried is not checked, and the
            # failures it caused are not the links' fault
            relabelled.update(id(o) for o in run.network.mark_lost())
            for target in todo:
                if target.key not in observations:
                    observations[target.key] = run.network.not_tried(target.value, target.kind)
                    tick()
    finally:
        if cache is not None:
            cache.close()

    results: list[tuple[int, LinkResult]] = []
    for target in targets:
        if target.skip_reason:
            results.extend((position[id(link)], LinkResult(
                entry=link.entry, field=link.field, url=link.url, status=SKIPPED, detail=target.skip_reason,
                file=link.file, line=link.line, kind=link.kind)) for link in target.links)
            continue
        obs = observations[target.key]
        early = judged.get(target.key)
        results.extend(early[1] if early is not None and early[0] is obs and id(obs) not in relabelled
                       else verdicts(target, obs))
    results.sort(key=lambda pair: pair[0])
    return [result for _, result in results]
