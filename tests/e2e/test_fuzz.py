"""test_fuzz.py — a hostile client against a real `quoted serve`: a few
thousand generated requests (query strings, paths, methods, bodies, media
types, raw HTTP framing) from a fixed seed, each answer checked against the
rule that a client's mistake gets a 4xx application/problem+json naming it
and never a 5xx; then writes acknowledged under load must survive a kill -9.

Deterministic (one seed, no timing assertions) and bounded (a fixed number
of requests, short socket timeouts, loopback only)."""
import base64
import http.client
import json
import os
import random
import signal
import socket
import sys
import tempfile
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
from harness import SANITIZER_MARKS, Server, Suite, sanitizer_reports  # noqa: E402

SEED = 20260115
MAX_BODY = 65536
MAX_URL = 8192  # the server's default request-target limit

ARTICLES = [
    {"title": "Sommet à Bruxelles", "lang": "fr", "date": "2026-01-15", "url": "https://example.org/f/1",
     "text": "La présidente de la Commission, Ursula Garnier, a reçu jeudi le Premier ministre belge. "
             "« Nous devons agir ensemble avant la fin de l'année », a déclaré Ursula Garnier. "
             "Le budget atteint 3,7 millions d'euros."},
    {"title": "Harbour reopens", "lang": "en", "date": "2026-02-01",
     "text": "The harbour reopened on Monday after three weeks of repairs. \"We are proud of the crews "
             "who worked day and night,\" said harbour master John Carver. About 200 boats use it."},
    {"title": "Écoles", "lang": "fr", "date": "2025-12-29", "source": "Le Quotidien",
     "text": "La ville rénove 120 écoles cette année. « Chaque enfant mérite une classe chauffée », "
             "a déclaré Ursula Garnier. Le chantier coûte 40 millions d'euros à Paris."},
    {"title": "Wind farm", "lang": "en", "date": "2026-03-02",
     "text": "The Northern Wind company will build 40 turbines off the coast. \"This is the largest "
             "project of the decade,\" said Mary O'Neil, its chief executive. It costs $1.2 billion."},
]

# Every GET route with the parameters it accepts (the router's table).
LIST = ["limit", "cursor", "format"]
ROUTES = {
    "/": ["q", "lang", "speaker"],
    "/healthz": [], "/readyz": [], "/metrics": [], "/openapi.yaml": [],
    "/articles": LIST + ["lang", "from", "to", "source", "q"],
    "/articles/{id}": [],
    "/quotes": LIST + ["speaker", "article", "lang", "from", "to", "kind", "q", "sort"],
    "/quotes/random": ["speaker", "article", "lang", "from", "to", "kind", "q"],
    "/quotes/{id}": [],
    "/actors": LIST + ["type", "q"],
    "/actors/{id}": [],
    "/actors/{id}/quotes": LIST + ["lang", "from", "to", "kind", "q", "sort"],
    "/speakers": LIST + ["type", "q"],
    "/figures": LIST + ["unit", "min", "max", "article", "q", "lang", "from", "to", "sort"],
    "/stats": ["lang", "from", "to"],
    "/stats/timeline": ["interval", "speaker", "q", "lang", "from", "to"],
}
GOOD = {
    "limit": ["1", "2", "100", "20"], "format": ["json", "csv", "ndjson"], "lang": ["fr", "en"],
    "from": ["2025", "2026-01", "2026-01-15"], "to": ["2026", "2026-02", "2026-03-31"],
    "kind": ["direct", "partial"], "sort": ["-date", "date", "relevance", "-id", "value", "-value"],
    "type": ["person", "organization", "place"], "interval": ["day", "week", "month"],
    "speaker": ["1", "Ursula Garnier", "garnier", "carver"], "article": ["1", "2", "3"],
    "unit": ["euros", "écoles", "turbines", "EUROS"], "min": ["0", "100", "1e6"], "max": ["1e9", "500"],
    "q": ["agir", "harbour", "écoles", "enfant classe", "proud OR crews", "\"fin de l'année\"", "gar*"],
    "source": ["Le Quotidien"],
}
HOSTILE = [
    "", " ", "0", "-1", "-0", "+5", "1.5", "1e3", "0x10", "NaN", "nan", "inf", "-inf", "Infinity", "1e309",
    "99999999999999999999", "-9223372036854775808", "9223372036854775807", "9223372036854775808",
    "18446744073709551616", "00000000000000000001", "1,2", "1 2", "true", "null", "[]", "{}",
    "'", "\"", "';--", "' OR '1'='1", "\" OR 1=1 --", "1; DROP TABLE articles; --", "/* x */", "*/", "%", "%%",
    "_", "\\", "\\'", "a%b_c\\", "x' UNION SELECT sql FROM sqlite_master --", "char(1)", "?", "?1", ":name",
    "\"", "\"\"", "\"unbalanced", "*", "**", "a*", "*a", "(", ")", "()", "(x", "NEAR(a b)", "NEAR/2", "a AND",
    "AND", "OR", "NOT", "a OR OR b", "a NOT b", "^a", "a:b", "title:x", "text : agir", "-a", "- -", "{a b}",
    "+", "a + b", "a\tb", "a\nb", "a\r\nb", "\u00e9t\u00e9 -", "\u00c9COLES", "\u0153uvre", "stra\u00dfe",
    "\u65e5\u672c\u8a9e", "\U0001f600", "\u202e", "\ufeff", "\u200b", "\u00a0", "\ufffd", "\x01", "\x02", "\x7f",
    "<mark>", "<script>alert(1)</script>", "&amp;", "a" * 501, "é" * 300, "x" * 2000,
    "2026-13-01", "2026-02-31", "2026-00-10", "0000", "9999-99-99", "2026-1-1", "2026/01/01", "20260101",
    "2026-01-15T10:00:00Z", "-2026", "２０２６",
]
RAW_VALUES = ["%00", "%FF", "%C3", "%C3%28", "%ED%A0%80", "%F4%90%80%80", "%C0%AF", "%", "%zz", "%2", "+",
              "%2B", "a%00b", "%E2%80%AE", "%25", "%26", "%3D", "%3B"]
UNKNOWN = ["colour", "id", "page", "offset", "LIMIT", "Limit", "q[]", "q.x", "", "cursor2", "callback",
           "__proto__", "lang ", "%00", "%FF", "a" * 100]
PATH_IDS = ["0", "-1", "1e3", "1.0", "01", "+1", "0x1", "99999999999999999999", "9223372036854775807",
            "9223372036854775808", "999999999999999999", "1000000000000000000", "..", "%2e%2e", ".", "%2F",
            "abc", "random", " 1", "1%00", "%FF", "%C3%A9", "1;DROP", "'", "%27", "*", "a" * 80, "1" * 70]
METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE", "TRACE", "CONNECT", "get", "Post",
           "FOO", "PROPFIND", "M-SEARCH", "BREW", "X" * 40, "GET2"]
CONTENT_TYPES = [
    "application/json", "application/json; charset=utf-8", "APPLICATION/JSON", "Application/Json;charset=UTF-8",
    "application/json;charset=latin1", " application/json", "application/json ", "text/plain",
    "text/plain; charset=utf-8", "TEXT/PLAIN", "application/x-ndjson", "application/ndjson",
    "application/x-ndjson; charset=utf-8", "application/xml", "text/html", "application/jsonx", "json", "",
    ";", "; charset=utf-8", "*/*", "application/*", "multipart/form-data; boundary=xyz",
    "application/x-www-form-urlencoded", "application/json, text/plain", "text/plain\tx",
    "a" * 200, None,
]


class Checker:
    """Checks answers and keeps the first few distinct failures."""

    def __init__(self, s):
        self.s, self.n, self.bad, self.kinds = s, 0, 0, set()

    def fail(self, kind, what):
        self.bad += 1
        if kind not in self.kinds and len(self.kinds) < 25:
            self.kinds.add(kind)
            self.s.check(False, what)

    def answer(self, what, status, hdrs, body, method="GET"):
        self.n += 1
        if status >= 500:
            self.fail(("5xx", status, what.split("?")[0][:40]), "%s: %s %r" % (what[:300], status, body[:300]))
            return
        if 400 <= status < 500:
            ct = hdrs.get("content-type", "")
            if not ct.startswith("application/problem+json"):
                self.fail(("ct", status, ct), "%s: %s with Content-Type %r: %r" % (what[:300], status, ct, body[:200]))
                return
            if method == "HEAD":
                return
            try:
                doc = json.loads(body)
            except ValueError:
                doc = None
            ok = isinstance(doc, dict) and all(k in doc for k in ("type", "title", "status", "detail"))
            if not ok or doc["status"] != status or not doc["detail"]:
                self.fail(("problem", status), "%s: %s problem body %r" % (what[:300], status, body[:300]))

    def done(self):
        self.s.check(self.bad == 0, "%d of %d answers broke the rule" % (self.bad, self.n))


class Client:
    """A keep-alive connection that reconnects when the server closed it."""

    def __init__(self, port, timeout=10):
        self.port, self.timeout, self.conn = port, timeout, None

    def send(self, method, target, body=None, headers=None):
        # what the request line cannot carry raw (spaces, control and
        # non-ASCII characters) goes percent-encoded; raw_exchange sends
        # such bytes as they are
        target = "".join(ch if 0x20 < ord(ch) < 0x7f else
                         "".join("%%%02X" % b for b in ch.encode("utf-8", "surrogatepass")) for ch in target)
        for attempt in (0, 1):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
            try:
                self.conn.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
                self.conn.putheader("Host", "127.0.0.1")
                for k, v in (headers or {}).items():
                    self.conn.putheader(k, v)
                if body is not None:
                    self.conn.putheader("Content-Length", str(len(body)))
                self.conn.endheaders(body)
                r = self.conn.getresponse()
                data = r.read()
                hdrs = {k.lower(): v for k, v in r.getheaders()}
                if r.will_close:
                    self.close()
                return r.status, hdrs, data
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.close()
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def close(self):
        if self.conn:
            self.conn.close()
        self.conn = None


# ---- generators ------------------------------------------------------------

def fnv1a32(b):
    h = 2166136261
    for c in b:
        h = ((h ^ c) * 16777619) & 0xFFFFFFFF
    return h


def forge_cursor(tag, key, cid):
    """A cursor built the way the server builds them (the checksum is no
    secret): a client can send any key and id the server did not give."""
    raw = ("%s|%s|%s|" % (tag, key, cid)).encode()
    raw += b"%08x" % fnv1a32(raw)
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def gen_cursor(rng, real):
    k = rng.randrange(9)
    if k == 0 and real:
        return rng.choice(real)
    if k == 1 and real:
        c = rng.choice(real)
        return c[:rng.randrange(1, len(c))] if len(c) > 1 else c
    if k == 2 and real:
        c = list(rng.choice(real))
        i = rng.randrange(len(c))
        c[i] = rng.choice("AZaz09-_")
        return "".join(c)
    if k == 3:
        return base64.urlsafe_b64encode(bytes(rng.randrange(256) for _ in range(rng.randrange(1, 60)))).decode()
    if k == 4:
        return rng.choice(["=", "====", "!!!!", "AAAA", "A", "a" * 600, "a" * 3000, "%00", "%FF", "+/+/"])
    tag = rng.choice(["a", "qi", "qd", "qa", "qr", "ac", "fd", "fa", "fv", "fw", "", "zz", "a|b"])
    key = rng.choice(["", "2026-01-15", "1:2", "-1:-1", "1.5", "nan", "inf", "1e999", "-1e308", "x' OR 1=1 --",
                      "9223372036854775807:9223372036854775807", "a|b|c", "\u00e9", "99999999999999999999:1"])
    cid = rng.choice([0, 1, -1, 5, 2 ** 63 - 1, -2 ** 63, 2 ** 63, 10 ** 30, "x", "", "1.5", " 1"])
    return forge_cursor(tag, key, cid)


def gen_value(rng, name, real_cursors):
    if name == "cursor" and rng.random() < 0.7:
        return urllib.parse.quote(gen_cursor(rng, real_cursors), safe="")
    r = rng.random()
    if r < 0.3 and name in GOOD:
        v = rng.choice(GOOD[name])
    elif r < 0.85:
        v = rng.choice(HOSTILE)
    elif r < 0.95:
        return rng.choice(RAW_VALUES)
    else:
        v = "".join(chr(rng.choice([rng.randrange(32, 127), rng.randrange(0xA0, 0x3000),
                                    rng.randrange(0x10000, 0x10FFFF)])) for _ in range(rng.randrange(1, 40)))
        v = v.encode("utf-8", "surrogatepass").decode("utf-8", "ignore")
    return urllib.parse.quote(v, safe="") if rng.random() < 0.9 else urllib.parse.quote(v, safe="'\"*():;,/")


def fill_path(rng, pattern, ids):
    if "{id}" not in pattern:
        return pattern
    return pattern.replace("{id}", str(rng.choice(ids)) if rng.random() < 0.4 else rng.choice(PATH_IDS))


def gen_query_target(rng, real_cursors, ids):
    pattern = rng.choice(list(ROUTES))
    path = fill_path(rng, pattern, ids)
    names = ROUTES[pattern]
    parts = []
    for _ in range(rng.choice([0, 1, 1, 2, 2, 3, 4, 6])):
        if names and rng.random() < 0.85:
            name = rng.choice(names)
        else:
            name = urllib.parse.quote(rng.choice(UNKNOWN), safe="%")
        if rng.random() < 0.05:
            parts.append(name)  # a key without '='
        else:
            parts.append("%s=%s" % (name, gen_value(rng, name, real_cursors)))
        if rng.random() < 0.1 and parts:
            parts.append(parts[-1])  # a repeated key
    target = path + ("?" + "&".join(parts) if parts or rng.random() < 0.1 else "")
    if rng.random() < 0.03:
        pad = MAX_URL - len(target) + rng.choice([-50, -1, 0, 1, 100, 4000])
        target += ("&" if "?" in target else "?") + "q=" + "a" * max(pad, 1)
    return target


def gen_path(rng, ids):
    k = rng.randrange(8)
    if k == 0:
        return "/" + "/".join(rng.choice(["quotes", "articles", "actors", "stats", "x", "", ".", "..", "%2e%2e",
                                          "%2F", "figures", "timeline", "random", "1", "quotes%00"])
                              for _ in range(rng.randrange(1, 6)))
    if k == 1:
        return rng.choice(["//quotes", "/quotes//", "/quotes/", "/quotes///1", "/./quotes", "/quotes/./1",
                           "/quotes/../articles", "/%2e%2e/etc/passwd", "/articles/1/", "/articles/1//",
                           "/actors/1/quotes/", "/actors//quotes", "/stats/", "/stats/timeline/", "/QUOTES",
                           "/quotes%2F1", "/quotes;x", "/quotes/1;x", "/articles/1.json", "/%FF", "/%C3",
                           "/\u00e9".encode().decode("latin-1"), "/?", "/#x", "/quotes#frag", "/quotes?#"])
    if k == 2:
        return "/" + "a" * rng.choice([100, 1000, 5000, MAX_URL - 1, MAX_URL + 10, 20000])
    if k == 3:
        return "/articles/" + rng.choice(PATH_IDS)
    if k == 4:
        return "/actors/%s/quotes" % rng.choice(PATH_IDS + [str(i) for i in ids])
    return fill_path(rng, rng.choice(list(ROUTES)), ids)


def gen_json_body(rng):
    k = rng.randrange(22)
    text = rng.choice(ARTICLES)["text"]
    if k == 0:
        return "[" * 10000 + "]" * 10000
    if k == 1:
        return '{"a":' * 5000 + "1" + "}" * 5000
    if k == 2:
        return json.dumps({"text": text, "title": [1] * 5000})
    if k == 3:
        return json.dumps({"text": rng.choice([5, 5.5, True, None, [], {}, [text]]), "lang": "fr"})
    if k == 4:
        return '{"text": "%s", "text": "%s"}' % (text[:40], text[40:])
    if k == 5:
        return '{"text": "abc\\u0000def"}'
    if k == 6:
        return '{"text": "abc \\ud800 def", "lang": "fr"}'
    if k == 7:
        return '{"text": "\\udc00\\ud800"}'
    if k == 8:
        return "\ufeff" + json.dumps({"text": text})
    if k == 9:
        return json.dumps({"text": text}) + rng.choice([" garbage", "}", "{}", "\x00", ",", "\n\n{\"a\":1}"])
    if k == 10:
        return rng.choice(["", " ", "null", "true", "1", "\"text\"", "[]", "{}", "{", "}", "[{}]", "{\"text\":}",
                           "{'text': 'x'}", "{\"text\": \"x\",}", "NaN", "{\"text\": NaN}", "\x00"])
    if k == 11:
        return json.dumps({"text": text, "lang": rng.choice(HOSTILE), "date": rng.choice(HOSTILE),
                           "title": rng.choice(HOSTILE), "url": rng.choice(HOSTILE), "source": rng.choice(HOSTILE)})
    if k == 12:
        return json.dumps({"text": text, rng.choice(UNKNOWN) or "x": 1})
    if k == 13:
        return json.dumps({"text": "x" * rng.choice([10, MAX_BODY - 20, MAX_BODY + 10])})
    if k == 14:
        return json.dumps({"text": "\u00e9" * 5000 + " « Oui », a dit Jean Dupont.", "lang": "fr"})
    if k == 15:
        return json.dumps({"text": " \t\n "})
    if k == 16:
        return json.dumps([{"text": text}] * 3)
    if k == 17:
        return json.dumps({"text": text, "date": "2026-01-15T" + "9" * 30})
    if k == 18:
        return json.dumps({"text": "".join(rng.choice(HOSTILE) + " " for _ in range(200)), "lang": "en"})
    if k == 19:
        return json.dumps({"text": "« " * 3000 + "»" * 3000})
    if k == 20:
        return json.dumps({"text": "1 " * 8000 + "millions d'euros", "lang": "fr"})
    return json.dumps({"text": text + " %d" % rng.randrange(10 ** 9), "url": "https://example.org/%d" % rng.randrange(10 ** 9)})


def gen_body(rng, ct):
    """A body for a POST, bytes; shaped for the media type most of the time."""
    r = rng.random()
    if r < 0.1:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(0, 3000)))
    if ct and "ndjson" in ct.lower() and r < 0.8:
        lines = []
        for _ in range(rng.randrange(0, 30)):
            lines.append(rng.choice([gen_json_body(rng)[:3000], "", "{", "\r", "   ", "\x00",
                                     json.dumps({"text": rng.choice(ARTICLES)["text"]})]))
        return ("\n".join(lines) + rng.choice(["", "\n", "\r\n"])).encode("utf-8", "surrogatepass")
    if ct and "text/plain" in ct.lower() and r < 0.8:
        return rng.choice([b"", b"   ", b"caf\xff", b"a\x00b", rng.choice(ARTICLES)["text"].encode(),
                           "« Oui », a dit Jean. ".encode() * rng.randrange(1, 3000), b"\xef\xbb\xbfBonjour."])
    return gen_json_body(rng).encode("utf-8", "surrogatepass")


# ---- the server under attack ---------------------------------------------------

def seed(srv):
    """Ingest the articles; return their ids, actor ids and real cursors."""
    ids, cursors = [], []
    for a in ARTICLES:
        st, h, doc = srv.json("POST", "/articles", a)
        ids.append(doc["id"])
    for url in ("/articles?limit=1", "/quotes?limit=1", "/quotes?limit=1&sort=date", "/quotes?limit=1&sort=-date",
                "/quotes?limit=1&q=agir%20OR%20proud&sort=relevance", "/actors?limit=1", "/speakers?limit=1",
                "/figures?limit=1", "/figures?limit=1&sort=value", "/figures?limit=1&sort=-value",
                "/figures?limit=1&sort=date"):
        st, h, doc = srv.json("GET", url)
        if doc and doc.get("meta", {}).get("next_cursor"):
            cursors.append(doc["meta"]["next_cursor"])
    st, h, doc = srv.json("GET", "/actors?limit=100")
    actors = [x["id"] for x in doc["data"]]
    return ids, actors, cursors


def test_query_strings(s, srv, rng, ids, cursors, chk, n=4000):
    c = Client(srv.port)
    for _ in range(n):
        target = gen_query_target(rng, cursors, ids)
        method = "HEAD" if rng.random() < 0.1 else "GET"
        headers = {}
        if rng.random() < 0.1:
            headers["Accept"] = rng.choice(["text/csv", "application/x-ndjson", "*/*", "application/json;q=0",
                                            "text/csv, application/json", "\x7f"])
        if rng.random() < 0.05:
            headers["If-None-Match"] = rng.choice(["*", "\"x\"", "", "W/\"0\""])
        st, h, body = c.send(method, target, headers=headers)
        chk.answer("%s %s" % (method, target), st, h, body, method)
    c.close()


def test_paths_and_methods(s, srv, rng, ids, chk, n=1500):
    c = Client(srv.port)
    for _ in range(n):
        method = rng.choice(METHODS)
        path = gen_path(rng, ids)
        headers = {}
        if rng.random() < 0.3:
            headers["Origin"] = rng.choice(["https://app.example", "null", "", "x" * 300])
            headers["Access-Control-Request-Method"] = rng.choice(["POST", "DELETE", "FOO"])
        if rng.random() < 0.1:
            headers["X-Request-Id"] = rng.choice(["abc", "", "x" * 100, "a b", "../", "\u00e9".encode().decode("latin-1")])
        if method == "DELETE" and rng.random() < 0.7:
            path = "/articles/" + rng.choice(PATH_IDS[:12] + ["123456"])  # leave the seed articles alone
        body = None
        if method in ("POST", "PUT", "PATCH", "Post") and rng.random() < 0.5:
            body = b"{}"
            headers["Content-Type"] = "application/json"
        st, h, data = c.send(method, path, body=body, headers=headers)
        chk.answer("%s %s" % (method, path), st, h, data, method)
    c.close()


def test_bodies(s, srv, rng, chk, n=800):
    c = Client(srv.port, timeout=20)
    for _ in range(n):
        path = rng.choice(["/articles", "/articles", "/extract", "/articles?lang=fr&title=T",
                           "/extract?lang=en", "/articles?" + "&".join("%s=%s" % (rng.choice(
                               ["lang", "title", "url", "date", "source", "colour"]), gen_value(rng, "title", []))
                               for _ in range(rng.randrange(1, 4)))])
        ct = rng.choice(CONTENT_TYPES)
        body = gen_body(rng, ct)
        headers = {} if ct is None else {"Content-Type": ct}
        st, h, data = c.send("POST", path, body=body, headers=headers)
        chk.answer("POST %s [%s] %r" % (path, ct, body[:60]), st, h, data, "POST")
    c.close()


# ---- raw HTTP ------------------------------------------------------------------

def raw_exchange(port, payload, timeout=3, close_write=False):
    """Send bytes; return what came back before the server closed or went
    quiet for `timeout` seconds."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    out = b""
    try:
        sock.sendall(payload)
        if close_write:
            sock.shutdown(socket.SHUT_WR)
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            out += chunk
    except (socket.timeout, ConnectionResetError, BrokenPipeError):
        pass
    finally:
        sock.close()
    return out


def parse_responses(data):
    """Split raw bytes into (status, headers, body) answers."""
    out = []
    while data.startswith(b"HTTP/"):
        head, sep, rest = data.partition(b"\r\n\r\n")
        if head.split(b" ")[1:2] == [b"100"]:  # an interim "100 Continue"
            data = rest
            continue
        if not sep:
            break
        lines = head.split(b"\r\n")
        try:
            status = int(lines[0].split()[1])
        except (IndexError, ValueError):
            break
        hdrs = {}
        for line in lines[1:]:
            k, _, v = line.partition(b":")
            hdrs[k.strip().lower().decode("latin-1")] = v.strip().decode("latin-1")
        n = int(hdrs.get("content-length", "0") or 0)
        out.append((status, hdrs, rest[:n]))
        data = rest[n:]
    return out


def test_raw_framing(s, srv, rng, chk):
    port = srv.port
    art = json.dumps({"text": ARTICLES[1]["text"] + " Framing."}).encode()

    def req(method, path, headers, body=b"", close=True):
        # "Connection: close" lets the exchange end when the answer is sent
        return (("%s %s HTTP/1.1\r\nHost: x\r\n" % (method, path)).encode() +
                (b"Connection: close\r\n" if close else b"") + headers + b"\r\n" + body)

    cases = []
    # chunked transfer encoding: valid, then broken in various ways
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(art[i:i + 37]), art[i:i + 37]) for i in range(0, len(art), 37))
    te = b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
    cases += [
        ("chunked ok", req("POST", "/extract", te, chunks + b"0\r\n\r\n"), True),
        ("chunked ext", req("POST", "/extract", te, b"5;x=y\r\n{\"a\":\r\n2\r\n1}\r\n0\r\n\r\n"), True),
        ("chunked trailer", req("POST", "/extract", te, chunks + b"0\r\nX-T: 1\r\n\r\n"), True),
        ("chunked bad size", req("POST", "/extract", te, b"zz\r\nabc\r\n0\r\n\r\n"), False),
        ("chunked huge size", req("POST", "/extract", te, b"ffffffffffffffff\r\nabc\r\n0\r\n\r\n"), False),
        ("chunked negative", req("POST", "/extract", te, b"-5\r\nabc\r\n0\r\n\r\n"), False),
        ("chunked over max body", req("POST", "/articles", te, b"".join(
            b"1000\r\n" + b"a" * 4096 + b"\r\n" for _ in range(MAX_BODY // 4096 + 2)) + b"0\r\n\r\n"), True),
        ("chunked truncated", req("POST", "/extract", te, b"100\r\nabc"), False),
        ("chunked and length", req("POST", "/extract", te + b"Content-Length: 5\r\n", chunks + b"0\r\n\r\n"), False),
        ("gzip te", req("POST", "/extract", b"Content-Type: application/json\r\nTransfer-Encoding: gzip\r\n",
                        b"xxxx"), False),
    ]
    # Content-Length shorter and longer than the body, or not a number
    ct = b"Content-Type: application/json\r\n"
    cases += [
        ("length short", req("POST", "/extract", ct + b"Content-Length: 10\r\n", art), False),
        ("length long", req("POST", "/extract", ct + b"Content-Length: %d\r\n" % (len(art) + 50), art), False),
        ("length long close", req("POST", "/extract", ct + b"Content-Length: 1000\r\n", art), False),
        ("length zero", req("POST", "/articles", ct + b"Content-Length: 0\r\n"), True),
        ("length negative", req("POST", "/articles", ct + b"Content-Length: -1\r\n", art), False),
        ("length nan", req("POST", "/articles", ct + b"Content-Length: abc\r\n", art), False),
        ("length two", req("POST", "/articles", ct + b"Content-Length: 5\r\nContent-Length: 6\r\n", art), False),
        ("length huge", req("POST", "/articles", ct + b"Content-Length: 99999999999999999999999\r\n", art), False),
        ("length over max", req("POST", "/articles", ct + b"Content-Length: %d\r\n" % (MAX_BODY + 1)), True),
        ("no length", req("POST", "/articles", ct, art), False),
        ("get with body", req("GET", "/quotes", b"Content-Length: 5\r\n", b"hello"), True),
        ("delete with body", req("DELETE", "/articles/999999", b"Content-Length: 5\r\n", b"hello"), True),
    ]
    # request lines and headers the parser must survive
    cases += [
        ("http/1.0", b"GET /quotes HTTP/1.0\r\n\r\n", True),
        ("no host", b"GET /quotes HTTP/1.1\r\nConnection: close\r\n\r\n", False),
        ("http/2 line", b"GET /quotes HTTP/2.0\r\nHost: x\r\n\r\n", False),
        ("http/9", b"GET /quotes HTTP/9.9\r\nHost: x\r\n\r\n", False),
        ("bare lf", b"GET /quotes HTTP/1.1\nHost: x\nConnection: close\n\n", False),
        ("absolute uri", b"GET http://x/quotes HTTP/1.1\r\nHost: x\r\n\r\n", False),
        ("asterisk", b"OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n", False),
        ("space in path", b"GET /quotes x HTTP/1.1\r\nHost: x\r\n\r\n", False),
        ("nul in path", b"GET /quo\x00tes HTTP/1.1\r\nHost: x\r\n\r\n", False),
        ("latin1 path", b"GET /quotes?q=\xe9t\xe9 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", True),
        ("header no colon", b"GET /quotes HTTP/1.1\r\nHost: x\r\nBroken\r\n\r\n", False),
        ("folded header", b"GET /quotes HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n  2\r\nConnection: close\r\n\r\n", False),
        ("huge header", b"GET /quotes HTTP/1.1\r\nHost: x\r\nX-A: " + b"a" * 70000 + b"\r\n\r\n", False),
        ("many headers", b"GET /quotes HTTP/1.1\r\nHost: x\r\n" + b"X-A: 1\r\n" * 3000 + b"\r\n", False),
        ("garbage", bytes(rng.randrange(256) for _ in range(500)) + b"\r\n\r\n", False),
        ("empty lines", b"\r\n\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", False),
        ("pipelined", b"".join(req("GET", p, b"", close=p == "/stats")
                               for p in ("/healthz", "/quotes?limit=0", "/nope", "/stats")), True),
        ("expect 100", req("POST", "/extract", ct + b"Expect: 100-continue\r\nContent-Length: %d\r\n" % len(art),
                           art), True),
        ("expect other", req("POST", "/extract", ct + b"Expect: 200-ok\r\nContent-Length: 2\r\n", b"{}"), False),
    ]
    # the client stops sending half-way (shutdown of its side) in these;
    # "length long" instead leaves the server waiting for the rest
    half_closed = {"chunked huge size", "chunked truncated", "gzip te", "length long close"}
    for name, payload, must_answer in cases:
        data = raw_exchange(port, payload, timeout=1, close_write=name in half_closed)
        answers = parse_responses(data)
        if must_answer:
            s.check(bool(answers), "%s: an answer, got %r" % (name, data[:200]))
        for st, h, body in answers:
            if "x-request-id" not in h:
                # answered by the HTTP layer before any route saw the
                # request (a malformed request line, header or framing):
                # a 4xx is all that can be asked of it, or 505 for an HTTP
                # version it does not speak
                s.check(400 <= st < 500 or st == 505, "%s: protocol-level answer %s %r" % (name, st, body[:120]))
                continue
            chk.answer("raw " + name, st, h, body, "HEAD" if payload.startswith(b"HEAD") else "GET")


def test_slowloris(s, srv, rng):
    """A few connections that send a request a byte at a time or stop
    half-way: the server keeps answering others meanwhile."""
    socks = []
    for i in range(6):
        sock = socket.create_connection(("127.0.0.1", srv.port), timeout=2)
        sock.sendall(b"GET /quotes HTTP/1.1\r\nHost: x\r\nX-Slow-%d: " % i)
        socks.append(sock)
    for rnd in range(5):
        for sock in socks:
            try:
                sock.sendall(b"a")
            except OSError:
                pass
        st, h, doc = srv.json("GET", "/healthz")
        s.check(st == 200, "answers while slow clients hold connections (round %d): %s" % (rnd, st))
        time.sleep(0.05)
    # one finishes its request: answered
    socks[0].sendall(b"\r\n\r\n")
    data = b""
    try:
        while b"\r\n\r\n" not in data:
            chunk = socks[0].recv(65536)
            if not chunk:
                break
            data += chunk
    except socket.timeout:
        pass
    s.check(data.startswith(b"HTTP/1.1 200"), "a slow request is answered when complete: %r" % data[:60])
    for sock in socks:
        sock.close()
    # a body that stops half-way, and a connection closed mid-header
    sock = socket.create_connection(("127.0.0.1", srv.port), timeout=2)
    sock.sendall(b"POST /articles HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"te")
    sock.close()
    sock = socket.create_connection(("127.0.0.1", srv.port), timeout=2)
    sock.sendall(b"GET /quo")
    sock.close()
    st, h, doc = srv.json("GET", "/healthz")
    s.check(st == 200, "alive after abandoned requests: %s" % st)


def test_fuzz(s):
    rng = random.Random(SEED)
    t0 = time.time()
    with Server(args=["--max-body", str(MAX_BODY)]) as srv:
        ids, actors, cursors = seed(srv)
        s.check(len(ids) == len(ARTICLES) and len(cursors) >= 8, "seeded: %r, %d cursors" % (ids, len(cursors)))
        chk = Checker(s)
        phases = [("query strings", lambda: test_query_strings(s, srv, rng, ids + actors, cursors, chk)),
                  ("paths and methods", lambda: test_paths_and_methods(s, srv, rng, ids + actors, chk)),
                  ("bodies", lambda: test_bodies(s, srv, rng, chk)),
                  ("raw framing", lambda: test_raw_framing(s, srv, rng, chk)),
                  ("slow clients", lambda: test_slowloris(s, srv, rng))]
        for name, phase in phases:
            t1 = time.time()
            phase()
            print("  %s: %.1f s" % (name, time.time() - t1))
        chk.done()
        s.check(srv.proc.poll() is None, "the server is still running")
        st, h, doc = srv.json("GET", "/readyz")
        s.check(st == 200, "ready after the attack: %s" % st)
        for i in ids[:2]:
            st, h, doc = srv.json("GET", "/articles/%d" % i)
            s.check(st in (200, 404), "seed article %d: %s" % (i, st))
        rc, secs = srv.stop(signal.SIGTERM)
        s.check(rc == 0, "clean exit on SIGTERM after the attack, got %s" % rc)
    print("  fuzz: %d answers checked in %.1f s" % (chk.n, time.time() - t0))


def test_kill9_under_load(s):
    """Posts from two threads, a SIGKILL at a moment drawn from the seed,
    then every article acknowledged with 201 must be there after restart."""
    rng = random.Random(SEED + 1)
    tmp = tempfile.TemporaryDirectory()
    db = os.path.join(tmp.name, "q.db")
    srv = Server(db=db).start()
    acked, lock, stop = {}, threading.Lock(), threading.Event()

    def poster(tid):
        c = Client(srv.port, timeout=5)
        i = 0
        while not stop.is_set():
            text = ("Article %d-%d. « Nous tiendrons nos engagements numéro %d », a déclaré Paul Martin. "
                    "Le projet coûte %d millions d'euros." % (tid, i, i, i + 1))
            body = json.dumps({"text": text, "lang": "fr", "title": "T%d-%d" % (tid, i)}).encode()
            try:
                st, h, data = c.send("POST", "/articles", body=body, headers={"Content-Type": "application/json"})
            except (OSError, http.client.HTTPException):
                break
            if st == 201:
                with lock:
                    acked[json.loads(data)["id"]] = text
            i += 1
        c.close()

    threads = [threading.Thread(target=poster, args=(t,)) for t in range(2)]
    for t in threads:
        t.start()
    # wait for a number of acknowledgements drawn from the seed, not a time
    want = rng.randrange(20, 60)
    deadline = time.time() + 15
    while len(acked) < want and time.time() < deadline:
        time.sleep(0.005)
    srv.proc.send_signal(signal.SIGKILL)
    srv.proc.wait()
    stop.set()
    for t in threads:
        t.join(10)
    out = srv.output()
    if any(m in out for m in SANITIZER_MARKS):
        sanitizer_reports.append(out)
    s.check(len(acked) >= want, "%d writes acknowledged before the kill (wanted %d)" % (len(acked), want))
    srv = Server(db=db).start()
    missing = []
    for aid, text in sorted(acked.items()):
        st, h, doc = srv.json("GET", "/articles/%d" % aid)
        if st != 200 or doc.get("text") != text:
            missing.append((aid, st))
    s.check(not missing, "every acknowledged article is there after kill -9: missing %r" % missing[:10])
    st, h, doc = srv.json("GET", "/quotes?speaker=paul%20martin&limit=1")
    s.check(st == 200 and doc["meta"]["total"] >= len(acked), "and their quotes: %r" % (doc or {}).get("meta"))
    rc, secs = srv.stop()
    s.check(rc == 0, "clean exit after the restart: %s" % rc)
    tmp.cleanup()


if __name__ == "__main__":
    Suite().run([test_fuzz, test_kill9_under_load])
