"""harness.py — starts a real `quoted serve` on a free loopback port with a
temporary database and talks HTTP to it; counts checks and prints the
closing line "N passed, N failed" that tests/run reads."""
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback

# Reports that sanitizer builds (make check) printed in a server's output:
# each one fails the suite.
SANITIZER_MARKS = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:")
sanitizer_reports = []

BIN = os.environ.get("QUOTED_BIN", os.path.join(os.path.dirname(__file__), "..", "..", "build", "quoted"))


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Server:
    """One `quoted serve` process. Use as a context manager."""

    def __init__(self, db=None, env=None, args=()):
        self.tmp = None
        if db is None:
            self.tmp = tempfile.TemporaryDirectory()
            db = os.path.join(self.tmp.name, "quoted.db")
        self.db, self.env, self.args = db, env or {}, list(args)
        self.proc = None
        self.port = None

    def start(self, timeout=10):
        self.port = free_port()
        env = dict(os.environ, **self.env)
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen([BIN, "serve", "--port", str(self.port), "--db", self.db,
                                      "--threads", "2", "--quiet"] + self.args,
                                     env=env, stdout=self.log, stderr=self.log)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("server exited with %s: %s" % (self.proc.returncode, self.output()))
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.02)
        raise RuntimeError("server did not start listening")

    def output(self):
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")

    def stop(self, sig=signal.SIGTERM, timeout=5):
        """Send `sig`; return (exit code, seconds it took to exit)."""
        if not self.proc or self.proc.poll() is not None:
            return (self.proc.returncode if self.proc else None, 0.0)
        t0 = time.time()
        self.proc.send_signal(sig)
        try:
            rc = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            rc = self.proc.wait()
        took = time.time() - t0
        out = self.output()
        if any(m in out for m in SANITIZER_MARKS):
            sanitizer_reports.append(out)
        return rc, took

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        if self.tmp:
            self.tmp.cleanup()

    def request(self, method, path, body=None, headers=None, timeout=10):
        """Send one request; returns (status, headers dict lower-cased, body bytes)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        h = dict(headers or {})
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
            h.setdefault("Content-Type", "application/json")
        elif isinstance(body, str):
            body = body.encode()
        conn.request(method, path, body=body, headers=h)
        r = conn.getresponse()
        data = r.read()
        hdrs = {k.lower(): v for k, v in r.getheaders()}
        conn.close()
        return r.status, hdrs, data

    def json(self, method, path, body=None, headers=None):
        status, hdrs, data = self.request(method, path, body, headers)
        try:
            doc = json.loads(data) if data else None
        except ValueError:
            doc = None
        return status, hdrs, doc

    def raw(self, payload, timeout=5):
        """Send raw bytes on a socket; return the response head and body as text."""
        s = socket.create_connection(("127.0.0.1", self.port), timeout=timeout)
        s.sendall(payload)
        chunks = []
        try:
            while True:
                c = s.recv(65536)
                if not c:
                    break
                chunks.append(c)
                if b"\r\n\r\n" in b"".join(chunks):
                    head, _, rest = b"".join(chunks).partition(b"\r\n\r\n")
                    cl = [l for l in head.split(b"\r\n") if l.lower().startswith(b"content-length:")]
                    if cl and len(rest) >= int(cl[0].split(b":")[1]):
                        break
        except socket.timeout:
            pass
        s.close()
        return b"".join(chunks).decode("utf-8", "replace")


class Suite:
    """Collects checks. check() records one; run() calls each test function."""

    def __init__(self):
        self.passed = self.failed = 0
        self.current = ""

    def check(self, cond, what):
        if cond:
            self.passed += 1
        else:
            self.failed += 1
            print("  FAIL %s: %s" % (self.current, what))
        return cond

    def run(self, tests):
        for t in tests:
            self.current = t.__name__
            try:
                t(self)
            except Exception:
                self.failed += 1
                print("  ERROR %s:\n%s" % (t.__name__, traceback.format_exc()))
        for report in sanitizer_reports:
            self.failed += 1
            print("  FAIL sanitizer report from the server:\n%s" % report[-4000:])
        print("%d passed, %d failed" % (self.passed, self.failed))
        sys.exit(1 if self.failed else 0)
