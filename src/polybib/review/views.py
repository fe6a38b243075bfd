"""The review app's HTTP handlers: JSON in, JSON out, one handler per action.

Handlers are plain functions (Starlette runs them in its thread pool, so a slow rendering
does not hold the event loop); every change goes through the session's lock and is saved
before the answer is sent.  Errors the user can fix (a bad date, an unknown field, an
unreadable upload) come back as ``{"error": "one line"}`` with status 400; data from the
records is only ever sent as JSON, never as HTML.
"""
from __future__ import annotations

import json
from typing import Any, Callable

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ..errors import PolybibError
from .details import FixError, apply_fix, details, links_view
from .records import LABELS, EditError, kind_of, known_variables
from .session import ReviewSession, SessionError

DEFAULT_STYLE = "gost"
DEFAULT_SCHEME = "bgn-pcgn"


def _error(message: str, status: int = 400) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


async def _json_body(request: Request) -> dict:
    raw = await request.body()
    try:
        data = json.loads(raw or b"{}")
    except ValueError:
        raise EditError("the request body is not JSON") from None
    if not isinstance(data, dict):
        raise EditError("the request body must be a JSON object")
    return data


class Views:
    """The handlers of one session."""

    def __init__(self, session: ReviewSession):
        self.session = session

    # -------------------------------------------------------------- helpers

    def _index(self, request: Request) -> int:
        try:
            index = int(request.path_params["index"])
            self.session.record(index)
        except (ValueError, IndexError):
            raise LookupError("no such record") from None
        return index

    def _guard(self, work: Callable[[], Any]) -> Response:
        try:
            result = work()
        except LookupError as exc:
            return _error(str(exc.args[0]) if exc.args else "not found", 404)
        except (EditError, SessionError, FixError) as exc:
            return _error(str(exc))
        except PolybibError as exc:
            return _error(str(exc))
        return result if isinstance(result, Response) else JSONResponse(result)

    def _edit(self, request: Request, data: dict, change: Callable[[Any, dict], None]) -> Response:
        def work():
            index = self._index(request)
            with self.session.lock:
                record = self.session.record(index)
                snapshot = record.as_dict()
                try:
                    change(record, data)
                except Exception:
                    self.session.records[index] = type(record).from_dict(snapshot)  # nothing half-done
                    raise
                self.session.remember(index, snapshot)
                self.session.save()
                return {"record": record.view(index)}
        return self._guard(work)

    def undo(self, request: Request) -> Response:
        def work():
            index = self.session.undo()
            if index is None:
                raise EditError("nothing to undo")
            return {"record": self.session.record(index).view(index)}
        return self._guard(work)

    # -------------------------------------------------------------- reading

    def meta(self, request: Request) -> Response:
        from ..model import CSL_TYPES
        from ..render.styles import list_styles
        from ..translit.registry import main_schemes

        return JSONResponse({
            "styles": [name for name, _ in list_styles()],
            "schemes": [{"id": s.id, "title": s.title} for s in main_schemes()],
            "types": list(CSL_TYPES),
            "labels": [{"field": f, "key": k} for f, k in LABELS],
            "variables": sorted(known_variables(), key=str.lower),
            "kinds": {v: kind_of(v) for v in known_variables()},
            "defaults": {"style": DEFAULT_STYLE, "scheme": DEFAULT_SCHEME},
            "state": str(self.session.path),
        })

    def records(self, request: Request) -> Response:
        with self.session.lock:
            views = [r.view(i) for i, r in enumerate(self.session.records)]
            messages = list(self.session.messages[-50:])
        return JSONResponse({"records": views, "messages": messages})

    def record(self, request: Request) -> Response:
        return self._guard(lambda: {"record": self.session.record(self._index(request)).view(self._index(request))})

    def details(self, request: Request) -> Response:
        style = request.query_params.get("style") or DEFAULT_STYLE
        scheme = request.query_params.get("scheme") or DEFAULT_SCHEME

        def work():
            index = self._index(request)
            with self.session.lock:
                record = self.session.record(index)
                return details(record, style, scheme)
        return self._guard(work)

    # -------------------------------------------------------------- editing

    async def set_field(self, request: Request) -> Response:
        data = await self._body(request)
        if isinstance(data, Response):
            return data
        return await run_in_threadpool(self._edit, request, data, lambda r, d: r.set_field(str(d.get("name", "")), d.get("value")))

    async def set_type(self, request: Request) -> Response:
        data = await self._body(request)
        if isinstance(data, Response):
            return data
        return await run_in_threadpool(self._edit, request, data, lambda r, d: r.set_type(str(d.get("type", ""))))

    async def label(self, request: Request) -> Response:
        data = await self._body(request)
        if isinstance(data, Response):
            return data

        def change(record, d):
            try:
                start, end = int(d.get("start")), int(d.get("end"))
            except (TypeError, ValueError):
                raise EditError("start and end must be numbers") from None
            record.label(start, end, str(d.get("field") or ""))
        return await run_in_threadpool(self._edit, request, data, change)

    async def fix(self, request: Request) -> Response:
        data = await self._body(request)
        if isinstance(data, Response):
            return data

        def change(record, d):
            try:
                index = int(d.get("index"))
            except (TypeError, ValueError):
                raise EditError("index must be a number") from None
            apply_fix(record, index, str(d.get("code", "")))
        return await run_in_threadpool(self._edit, request, data, change)

    async def reviewed(self, request: Request) -> Response:
        data = await self._body(request)
        if isinstance(data, Response):
            return data

        def change(record, d):
            record.set_reviewed(bool(d.get("reviewed", True)))
        return await run_in_threadpool(self._edit, request, data, change)

    def check_links(self, request: Request) -> Response:
        def work():
            index = self._index(request)
            record = self.session.record(index)
            return {"links": links_view(record.ref, offline=False)}
        return self._guard(work)

    async def _body(self, request: Request) -> dict | Response:
        try:
            return await _json_body(request)
        except EditError as exc:
            return _error(str(exc))

    # -------------------------------------------------------------- the list

    async def import_text(self, request: Request) -> Response:
        data = await self._body(request)
        if isinstance(data, Response):
            return data
        text = data.get("text")
        if not isinstance(text, str):
            return _error("text is expected")
        return await run_in_threadpool(self._guard, lambda: {"added": self.session.add_text(text)})

    async def upload(self, request: Request) -> Response:
        name = request.query_params.get("name", "")
        data = await request.body()
        return await run_in_threadpool(self._guard, lambda: {"added": self.session.add_upload(name, data)})

    def clear(self, request: Request) -> Response:
        self.session.clear()
        return JSONResponse({"cleared": True})

    def export(self, request: Request) -> Response:
        kind = request.path_params["kind"]

        def work():
            with self.session.lock:
                data, media, filename = self.session.export(kind)
            return Response(data, media_type=media,
                            headers={"Content-Disposition": f'attachment; filename="{filename}"'})
        return self._guard(work)
