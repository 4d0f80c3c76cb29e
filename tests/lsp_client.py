"""A minimal Language Server Protocol client speaking raw JSON-RPC over a
subprocess's standard input and output: what an editor does, with nothing of
pygls on this side. Used by the server's tests and its latency benchmark."""

from __future__ import annotations

import json
import queue
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


class LspError(Exception):
    pass


class LspClient:
    def __init__(self, command: list[str], cwd: str | Path | None = None, env: dict[str, str] | None = None):
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd, env=env
        )
        self.messages: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.notifications: list[dict[str, Any]] = []  # every notification received, in order
        self.next_id = 0
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    # -- wire ---------------------------------------------------------------
    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                header = stream.readline()
                if not header:
                    self.messages.put(None)
                    return
                header = header.strip()
                if not header:
                    break
                name, _, value = header.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            assert length is not None, "a message without Content-Length"
            self.messages.put(json.loads(stream.read(length).decode("utf-8")))

    def send(self, message: dict[str, Any]) -> None:
        try:
            body = json.dumps({"jsonrpc": "2.0", **message}, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: JSON can still carry it escaped
            body = json.dumps({"jsonrpc": "2.0", **message}).encode("ascii")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _next(self, deadline: float) -> dict[str, Any]:
        try:
            message = self.messages.get(timeout=max(deadline - time.monotonic(), 0))
        except queue.Empty:
            raise LspError("timed out waiting for the server") from None
        if message is None:
            raise LspError("the server closed its output")
        if "id" not in message:
            self.notifications.append(message)
        elif "method" in message:  # a request from the server: answer as an editor would
            self.send({"id": message["id"], "result": None})
        return message

    # -- requests and notifications ----------------------------------------
    def request(self, method: str, params: Any, timeout: float = 30) -> Any:
        self.next_id += 1
        request_id = self.next_id
        self.send({"id": request_id, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        while True:
            message = self._next(deadline)
            if message.get("id") == request_id and "method" not in message:
                if "error" in message:
                    raise LspError(message["error"])
                return message.get("result")

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def wait_for(self, predicate: Callable[[dict[str, Any]], bool], timeout: float = 30) -> dict[str, Any]:
        """The first notification from now on that ``predicate`` accepts."""
        deadline = time.monotonic() + timeout
        while True:
            message = self._next(deadline)
            if "id" not in message and predicate(message):
                return message

    def diagnostics(self, uri: str, version: int | None = None, timeout: float = 30) -> list[dict[str, Any]]:
        """The next diagnostics published for ``uri`` (for ``version``, if given)."""
        message = self.wait_for(
            lambda m: (
                m["method"] == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == uri
                and (version is None or m["params"].get("version") == version)
            ),
            timeout,
        )
        return message["params"]["diagnostics"]

    def log_messages(self) -> list[str]:
        return [m["params"]["message"] for m in self.notifications if m["method"] == "window/logMessage"]

    def close(self, timeout: float = 10) -> int:
        """shutdown, then exit: the server's exit code."""
        self.request("shutdown", None)
        self.notify("exit", None)
        return self.process.wait(timeout)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
