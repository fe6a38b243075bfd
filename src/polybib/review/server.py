"""Serving a review on 127.0.0.1 with uvicorn, and opening the browser on it.

Only the loopback address is ever bound: the app reads and writes the user's files and
has no accounts.  Port 0 asks the system for a free port; the address printed (and
opened) carries no secret, the session token is in the page itself.
"""
from __future__ import annotations

import socket
import threading
import webbrowser
from typing import Callable

from .app import create_app
from .session import ReviewSession

HOST = "127.0.0.1"


def bind(port: int) -> socket.socket:
    """A listening socket on 127.0.0.1:port (0: any free port)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((HOST, port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


class ReviewServer:
    """A uvicorn server for one session, on a socket bound before it starts (so the port
    is known, and the Host check can name it, before the first request)."""

    def __init__(self, session: ReviewSession, port: int = 0, token: str | None = None):
        import uvicorn

        session.warm()
        self.sock = bind(port)
        self.port = self.sock.getsockname()[1]
        self.app = create_app(session, self.port, token)
        self.token = self.app.token
        config = uvicorn.Config(self.app, log_level="warning", access_log=False,
                                server_header=False, date_header=False)
        self.server = uvicorn.Server(config)
        self.thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/"

    def serve(self) -> None:
        """Serve until interrupted (Ctrl-C)."""
        self.server.run(sockets=[self.sock])

    def start(self) -> "ReviewServer":
        """Serve in a background thread (tests, benchmarks); returns once it answers."""
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)
        self.thread.start()
        while not self.server.started:
            if not self.thread.is_alive():
                raise RuntimeError("the review server stopped while starting")
            threading.Event().wait(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        if self.thread is not None:
            self.thread.join(timeout=10)
        self.sock.close()


def serve(session: ReviewSession, port: int = 0, open_browser: bool = True,
          announce: Callable[[str], None] = print) -> None:
    server = ReviewServer(session, port)
    announce(server.url)
    if open_browser:
        threading.Timer(0.5, lambda: webbrowser.open(server.url)).start()
    server.serve()
