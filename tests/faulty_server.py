"""A loopback HTTP/1.1 server that misbehaves on purpose, for tests/test_faults.py.

It speaks HTTP over raw sockets (not http.server) so that it can do what a well-behaved server
library will not: stall, send half a body and then reset the connection (RST) or close it
(FIN), declare a Content-Length it never sends, stream a body forever, or answer with
something that is not HTTP at all. Each request is answered with the next queued ``Reply``, or
when none is queued with what ``respond`` makes of the request (a normal reply that echoes a
marker of the request, so that crossed replies show). Connections are kept alive between
requests unless a reply ends them.
"""

from __future__ import annotations

import socket
import struct
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import BinaryIO, Literal

from test_loopback_server import Recorded as Request

CHUNK = 64 * 1024
ENDLESS_LIMIT = 1 << 30  # a client that never stops reading fails its test instead of hanging it


@dataclass(frozen=True)
class Reply:
    """What the server does with one request."""

    status: int = 200
    content_type: str | None = "text/xml; charset=utf-8"
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = ()  # more header lines
    delay: float = 0.0  # seconds of silence before anything is sent
    sent: int | None = None  # bytes of the body actually sent; Content-Length still declares all of it
    declared_length: int | None = None  # a Content-Length other than the body's
    pause: float = 0.0  # seconds of silence after what was sent, before the end
    end: Literal["keep", "close", "reset"] = "keep"  # after the reply: keep-alive, FIN, or RST
    endless: bool = False  # a chunked body that never ends
    raw: bytes | None = None  # sent as is instead of an HTTP response ("" sends nothing)


REASONS = {200: "OK", 204: "No Content", 401: "Unauthorized", 500: "Internal Server Error"}


Fault = Callable[[Request, Reply], Reply]  # the request and its normal reply -> what is sent instead


@dataclass
class FaultyServer:
    respond: Callable[[Request], Reply]
    requests: list[Request] = field(default_factory=list)
    queued: deque[Fault] = field(default_factory=deque)
    lock: threading.Lock = field(default_factory=threading.Lock)
    stopping: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))  # bound, not yet listening: connections are refused
        self.port: int = self.sock.getsockname()[1]
        self.connections: list[socket.socket] = []
        self.thread = threading.Thread(target=self._accept, name="faulty-server", daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/Cust12345"

    def listen(self) -> None:
        self.sock.listen(64)
        self.thread.start()

    def stop(self) -> None:
        self.stopping.set()
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # never listened
        self.sock.close()
        with self.lock:
            for conn in self.connections:
                conn.close()
        if self.thread.is_alive():
            self.thread.join(timeout=10)

    def queue(self, *faults: Fault) -> None:
        """The next requests are answered by these, in order; later ones normally."""
        with self.lock:
            self.queued.extend(faults)

    def count(self) -> int:
        with self.lock:
            return len(self.requests)

    # -- serving ----------------------------------------------------------------------------

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with self.lock:
                self.connections.append(conn)
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(30)
        reader: BinaryIO = conn.makefile("rb")
        try:
            while not self.stopping.is_set():
                request = _read_request(reader)
                if request is None:
                    return
                with self.lock:
                    self.requests.append(request)
                    queued = self.queued.popleft() if self.queued else None
                reply = self.respond(request)
                if queued is not None:
                    reply = queued(request, reply)
                if not self._answer(conn, reply):
                    return
        except OSError:
            return  # the client gave up (timeout, cap): what the tests provoke
        finally:
            reader.close()
            conn.close()
            with self.lock:
                if conn in self.connections:
                    self.connections.remove(conn)

    def _answer(self, conn: socket.socket, reply: Reply) -> bool:
        """Sends ``reply``; False when the connection is to end."""
        if reply.delay and self.stopping.wait(reply.delay):
            return False
        if reply.raw is not None:
            conn.sendall(reply.raw)
            return False
        head = [f"HTTP/1.1 {reply.status} {REASONS.get(reply.status, 'Whatever')}"]
        if reply.content_type is not None:
            head.append(f"Content-Type: {reply.content_type}")
        head += [f"{name}: {value}" for name, value in reply.headers]
        if reply.endless:
            head.append("Transfer-Encoding: chunked")
        else:
            length = reply.declared_length if reply.declared_length is not None else len(reply.body)
            head.append(f"Content-Length: {length}")
        conn.sendall(("\r\n".join(head) + "\r\n\r\n").encode("latin-1"))
        if reply.endless:
            chunk = f"{CHUNK:x}\r\n".encode() + b"<a>" + b"x" * (CHUNK - 7) + b"</a>" + b"\r\n"
            for _ in range(ENDLESS_LIMIT // CHUNK):
                conn.sendall(chunk)
            return False
        conn.sendall(reply.body if reply.sent is None else reply.body[: reply.sent])
        if reply.pause and self.stopping.wait(reply.pause):
            return False
        if reply.end == "reset":
            # SO_LINGER with a zero timeout: close() sends RST instead of FIN
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        return reply.end == "keep"


def _read_request(reader: BinaryIO) -> Request | None:
    line = reader.readline(65537)
    if not line:
        return None
    method, target, _ = line.decode("latin-1").split(" ", 2)
    headers: dict[str, str] = {}
    while True:
        line = reader.readline(65537)
        if line in (b"\r\n", b"\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    body = reader.read(int(headers.get("content-length", "0")))
    return Request(method, target, headers, body)
