"""``budgetkg serve`` run from Python: in a child process on a free loopback port, or in a thread
of this process, with the server's query workers listed.

Why in the package: the load benchmark (``bench/load.py``), the question benchmark
(``scripts/bench_questions.py``) and the web tests all start the real server the same way, and
read its log and its workers the same way."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

def budgetkg_command(*args: str) -> list[str]:
    """The command line running ``budgetkg ARGS`` with this interpreter's installation."""
    exe = Path(sys.executable).with_name("budgetkg")
    return [str(exe) if exe.exists() else sys.executable, *([] if exe.exists() else ["-m", "kg.cli"]), *args]


class ServerProcess:
    """``budgetkg serve`` in a child process on a free loopback port (``--port 0``). Its standard
    error is read all along (so it can never fill the pipe and block the server) and kept:
    :meth:`log` is what the server printed."""

    def __init__(self, store_url: str, *extra: str, env: dict[str, str] | None = None) -> None:
        import threading

        cmd = budgetkg_command("serve", "--store", store_url, "--host", "127.0.0.1", "--port", "0", *extra)
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                     env={**os.environ, **(env or {})})
        self._log: list[str] = []
        self._reader = threading.Thread(target=self._drain, daemon=True, name="budgetkg-serve-stderr")
        self._reader.start()
        line = self.proc.stdout.readline()  # blocks until the server says where it listens
        m = re.search(r"http://([\d.]+):(\d+)/", line or "")
        if not m:
            self.stop()
            raise RuntimeError(f"budgetkg serve did not start: {line!r} {self.log()}")
        self.url = f"http://{m.group(1)}:{m.group(2)}"
        import atexit

        atexit.register(self.stop)  # a script that dies half-way leaves no server behind

    def _drain(self) -> None:
        for line in self.proc.stderr:
            self._log.append(line)

    def log(self) -> str:
        """Everything the server wrote to standard error so far."""
        return "".join(self._log)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self._reader.join(5)


def query_workers(server_pid: int, pool: str | None = None) -> list[int]:
    """Live query-worker processes of a server (multiprocessing children, not its resource
    tracker); ``pool`` ``"pages"`` or ``"sparql"`` keeps that pool's (``/proc/PID/comm``)."""
    out = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/cmdline", "rb") as fh:
                cmd = fh.read()
            with open(f"/proc/{entry}/comm") as fh:
                comm = fh.read().strip()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == server_pid and fields[0] != "Z" and b"spawn_main" in cmd \
                and (pool is None or comm == f"bkg-{pool}-wkr"):
            out.append(int(entry))
    return out


class ThreadServer:
    """The app on waitress in a thread of this process (for stores that live in this process)."""

    def __init__(self, config: dict) -> None:
        import threading

        from waitress import create_server

        from web import create_app

        self.app = create_app(config)
        self.server = create_server(self.app, host="127.0.0.1", port=0, threads=4,
                                    max_request_body_size=self.app.config["MAX_CONTENT_LENGTH"])
        self.url = f"http://127.0.0.1:{self.server.effective_port}"
        self.thread = threading.Thread(target=self.server.run, daemon=True, name="budgetkg-test-server")
        self.thread.start()

    def stop(self) -> None:
        self.server.close()
        self.app.extensions["budgetkg"].close()
