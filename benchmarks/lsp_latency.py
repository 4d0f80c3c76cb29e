"""The language server's latency: how long after the debounce delay an edit's
diagnostics arrive, and how long the first open takes.

    python benchmarks/lsp_latency.py [--edits 40] [--servers 5] [--debounce 200]

A 20-declaration file is built from the seed fixture (as benchmarks/run.py
builds its corpus). Each of ``--servers`` fresh ``targetlint server``
processes (result cache off) is initialised and opens the file: "first open"
is didOpen → publishDiagnostics, with the server's start-up (initialize)
reported beside it. Then, warm, each of ``--edits`` didChange notifications
changes one indicator value and waits for that version's diagnostics. The
target's figure is the server's own: from the moment the debounce delay
ended to the diagnostics written to its output, as it logs each publish
(with the check's CPU time). Beside it, the client's view: from sending the
change to receiving the diagnostics, minus the debounce delay, which adds
the JSON-RPC and scheduling on both sides (on a busy machine, mostly
waiting for a core). The client is tests/lsp_client.py (raw JSON-RPC, as an
editor speaks it).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]
from make_corpus import make_corpus  # noqa: E402

from tests.lsp_client import LspClient  # noqa: E402

TARGET_MS = 50
# The server's log line for each publish (targetlint/server.py).
_PUBLISHED = re.compile(r"(?P<after>[\d.]+) ms after .*\(check (?P<cpu>[\d.]+) ms CPU\)")


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _start(root: Path, debounce: int) -> tuple[LspClient, float]:
    started = time.perf_counter()
    client = LspClient(
        [sys.executable, "-m", "targetlint", "server", "--no-cache", "--debounce", str(debounce)], cwd=root
    )
    client.request("initialize", {"processId": os.getpid(), "rootUri": root.as_uri(), "capabilities": {}})
    client.notify("initialized", {})
    return client, (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edits", type=int, default=40)
    parser.add_argument("--servers", type=int, default=5)
    parser.add_argument("--debounce", type=int, default=200, help="the server's --debounce, in ms")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        declarations = make_corpus(root, files=1, per_file=20)
        (path,) = root.glob("*.yaml")
        text = path.read_text(encoding="utf-8")
        uri = path.as_uri()
        value = next(line for line in text.splitlines() if line.strip().startswith("指标值: ≥"))

        startups, first_opens, latencies = [], [], []
        in_server: list[float] = []  # debounce end → diagnostics written, as the server logs it
        check_cpu: list[float] = []
        findings = 0
        for _ in range(args.servers):
            client, startup = _start(root, args.debounce)
            try:
                startups.append(startup)
                sent = time.perf_counter()
                client.notify(
                    "textDocument/didOpen",
                    {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}},
                )
                findings = len(client.diagnostics(uri, 1))
                first_opens.append((time.perf_counter() - sent) * 1000)
                if latencies:  # the edits once: one warm server answers them all
                    continue
                for version in range(2, args.edits + 2):
                    # A real edit: one value changes, so the whole file is checked again.
                    edited = text.replace(value, f"{value}{version}", 1)
                    sent = time.perf_counter()
                    client.notify(
                        "textDocument/didChange",
                        {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": edited}]},
                    )
                    client.diagnostics(uri, version)
                    latencies.append((time.perf_counter() - sent) * 1000 - args.debounce)
                client.close()  # every log message has arrived once shutdown is answered
                for message in client.log_messages():
                    found = _PUBLISHED.search(message)
                    if found and "debounce" in message:
                        in_server.append(float(found["after"]))
                        check_cpu.append(float(found["cpu"]))
            finally:
                client.kill()

    median = statistics.median(in_server)
    met = "MET" if median <= TARGET_MS else "NOT MET"
    size = len(text.encode())
    print(f"file: {declarations} declarations, {size} bytes, {findings} findings; machine: {os.cpu_count()} cores")
    rows = [
        (
            "server start-up (spawn → initialize answered)",
            f"median {statistics.median(startups):6.1f} ms of {args.servers}",
        ),
        (
            "first open (didOpen → diagnostics, cold)",
            f"median {statistics.median(first_opens):6.1f} ms of {args.servers}",
        ),
        (
            "warm edit: debounce end → published (server)",
            f"median {median:6.1f} ms, p90 {_percentile(in_server, 0.9):.1f} ms, max {max(in_server):.1f} ms "
            f"of {len(in_server)}; ≤{TARGET_MS} ms {met}",
        ),
        ("  of which the check (CPU)", f"median {statistics.median(check_cpu):6.1f} ms"),
        (
            "warm edit: sent → received − debounce (client)",
            f"median {statistics.median(latencies):6.1f} ms, p90 {_percentile(latencies, 0.9):.1f} ms, "
            f"max {max(latencies):.1f} ms (adds both sides' JSON-RPC and scheduling)",
        ),
    ]
    for name, figure in rows:
        print(f"{name:<48} {figure}")


if __name__ == "__main__":
    main()
