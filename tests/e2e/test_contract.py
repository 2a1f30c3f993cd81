"""test_contract.py - checks the real answers of a running `quoted serve`
against openapi.yaml.

For every request sent (successes and error cases of every route): the
status is documented for that operation, the Content-Type is one of the
documented media types, the JSON body validates against the documented
schema (JSON Schema 2020-12, $refs resolved), and the documented headers
that must be there are there and well formed. Two static checks tie the
contract to the code: every route of src/router.c's table is documented
with exactly the query parameters the route accepts, and every documented
operation answers (neither 404 "no resource" nor 405).

Each request checked counts as one test. Prints one line per failure and a
closing line "N passed, N failed"; exits 1 when any failed. Uses python3's
standard library, python3-yaml and python3-jsonschema."""
import copy
import json
import os
import re
import signal
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
from harness import Server, sanitizer_reports  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
SPEC_PATH = os.path.join(ROOT, "openapi.yaml")
ROUTER_PATH = os.path.join(ROOT, "src", "router.c")
TOKEN = "contract-token"
AUTH = {"Authorization": "Bearer " + TOKEN}
MAX_BODY = 65536
DEADLINE_S = 28          # the whole file stays under 30 s
METHODS = ("get", "post", "delete", "put", "patch", "head", "options")

# ---- articles the test ingests ------------------------------------------------

FR_BUDGET = {
    "title": "Lyon vote un plan pour ses écoles",
    "lang": "fr",
    "date": "2026-03-03",
    "url": "https://example.org/contract/lyon-ecoles",
    "source": "Contrat",
    "text": "Le conseil municipal de Lyon a voté mardi un budget de 42 millions d'euros pour la "
            "rénovation des écoles. « Chaque enfant mérite une classe chauffée et lumineuse », a "
            "déclaré la maire, Sophie Marchand. Son adjoint, Julien Robert, a promis « des travaux "
            "dès l'été ». Environ 120 écoles sont concernées par le plan.",
}
EN_TREES = {
    "title": "Leeds to plant thousands of trees",
    "lang": "en",
    "date": "2026-02-10",
    "url": "https://example.org/contract/leeds-trees",
    "source": "Contract",
    "text": "The city of Leeds will plant 5,000 trees this winter, officials said on Monday. "
            "\"Every street deserves shade and clean air,\" said council leader Mary Stone. "
            "Critics led by Tom Baker called the plan \"a drop in the ocean\". The programme "
            "will cost about 2 million pounds.",
}
EN_REACTOR_TEXT = (
    "Engineers at the Northgate plant restarted the second reactor on Friday after a six-week "
    "halt. \"Safety came first, and it always will,\" said plant director Alan Hughes. The restart "
    "adds 900 megawatts to the grid, and about 300 workers returned to their posts.")
FR_BULK = [
    {"title": "Grève à la SNCF", "lang": "fr", "date": "2026-01-20",
     "text": "Les syndicats de la SNCF ont appelé à une grève de 48 heures. « Nous ne céderons pas », "
             "a déclaré le secrétaire général, Marc Dubois. Près de 60 % des trains seront supprimés."},
    {"title": "Rain in Cardiff", "lang": "en", "date": "2026-01-25",
     "text": "Heavy rain flooded 40 homes in Cardiff overnight. \"We have never seen water rise so "
             "fast,\" said resident Emma Jones."},
]

# ---- the contract -------------------------------------------------------------


def load_spec():
    import yaml
    with open(SPEC_PATH, encoding="utf-8") as f:
        return yaml.safe_load(f)


def make_resolver(spec):
    def lookup(ref):
        if not ref.startswith("#/"):
            raise ValueError("only local $refs are supported: %s" % ref)
        node = spec
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    def deref(node, depth=0):
        """A deep copy of `node` with every $ref replaced by its target."""
        if depth > 64:
            raise ValueError("$ref nesting too deep (a cycle?)")
        if isinstance(node, dict):
            if "$ref" in node and isinstance(node["$ref"], str):
                target = deref(lookup(node["$ref"]), depth + 1)
                rest = {k: deref(v, depth + 1) for k, v in node.items() if k != "$ref"}
                if rest and isinstance(target, dict):
                    target = dict(target, **rest)
                return target
            return {k: deref(v, depth + 1) for k, v in node.items()}
        if isinstance(node, list):
            return [deref(v, depth + 1) for v in node]
        return copy.deepcopy(node)

    return deref


def router_table():
    """(method, pattern, params) of each route in src/router.c's table."""
    with open(ROUTER_PATH, encoding="utf-8") as f:
        src = f.read()
    macros = dict(re.findall(r'#define\s+(\w+)\s+"([^"]*)"', src))
    table = re.search(r"static const struct route routes\[\]\s*=\s*\{(.*?)\n\};", src, re.S)
    if not table:
        raise ValueError("route table not found in src/router.c")
    routes = []
    for m in re.finditer(r'\{\s*HTTP_(\w+)\s*,\s*"([^"]*)"\s*,\s*\w+\s*,\s*[^,]+,\s*([^}]*)\}', table.group(1)):
        params = ""
        for tok in re.findall(r'(\w+)|"([^"]*)"', m.group(3)):
            params += macros.get(tok[0], "") if tok[0] else tok[1]
        routes.append((m.group(1).lower(), m.group(2), set(params.split())))
    return routes


# ---- checking one answer ----------------------------------------------------------

class Contract:
    def __init__(self, spec):
        from jsonschema import Draft202012Validator
        self.Validator = Draft202012Validator
        self.spec = spec
        self.deref = make_resolver(spec)
        self.passed = self.failed = 0
        self.seen = set()  # (method, template) answered by a route, not 404-no-resource/405

    def record(self, what, errors):
        if errors:
            self.failed += 1
            print("FAIL %s: %s" % (what, "; ".join(errors)))
        else:
            self.passed += 1

    def schema_errors(self, schema, doc, limit=3):
        v = self.Validator(schema)
        out = []
        for e in sorted(v.iter_errors(doc), key=lambda e: list(e.absolute_path))[:limit]:
            where = "/".join(str(p) for p in e.absolute_path) or "(root)"
            out.append("body %s: %s" % (where, e.message[:200]))
        return out

    def operation(self, method, template):
        item = self.spec["paths"].get(template)
        if item is None:
            return None
        return item.get(method)

    def check_answer(self, method, template, status, hdrs, body, response=None):
        """Errors of one answer against the documented response (looked up
        from the operation unless `response` is given)."""
        errs = []
        if response is None:
            op = self.operation("get" if method == "head" else method, template)
            if op is None:
                return ["%s %s is not documented" % (method.upper(), template)]
            responses = op.get("responses", {})
            response = responses.get(str(status)) or responses.get("%dXX" % (status // 100)) or responses.get("default")
            if response is None:
                return ["status %d is not documented (documented: %s)" % (status, ", ".join(sorted(responses)))]
        response = self.deref(response)
        if "x-request-id" not in hdrs:
            errs.append("no X-Request-Id header")
        for name, h in (response.get("headers") or {}).items():
            value = hdrs.get(name.lower())
            if value is None:
                continue
            schema = h.get("schema", {})
            if schema.get("type") == "integer":
                try:
                    value = int(value)
                except ValueError:
                    errs.append("header %s=%r is not an integer" % (name, value))
                    continue
            for e in self.Validator(schema).iter_errors(value):
                errs.append("header %s=%r: %s" % (name, hdrs.get(name.lower()), e.message[:120]))
        content = response.get("content") or {}
        if method == "head" or status in (204, 304):
            if body:
                errs.append("%d answer has a body" % status)
            return errs
        ctype = hdrs.get("content-type", "").split(";")[0].strip().lower()
        if not content:
            if body:
                errs.append("a body (%s) where none is documented" % ctype)
            return errs
        if ctype not in content:
            return errs + ["Content-Type %r is not documented (documented: %s)" % (ctype, ", ".join(content))]
        schema = content[ctype].get("schema")
        if ctype == "application/json" or ctype.endswith("+json"):
            try:
                doc = json.loads(body)
            except ValueError as e:
                return errs + ["body is not JSON: %s" % e]
            if schema is not None:
                errs += self.schema_errors(schema, doc)
        elif ctype in ("application/x-ndjson", "application/ndjson"):
            for n, line in enumerate(body.decode("utf-8", "replace").splitlines(), 1):
                try:
                    if not isinstance(json.loads(line), dict):
                        errs.append("NDJSON line %d is not an object" % n)
                except ValueError:
                    errs.append("NDJSON line %d is not JSON" % n)
        else:
            try:
                body.decode("utf-8")
            except UnicodeDecodeError:
                errs.append("body is not UTF-8")
        return errs


class ServerDied(Exception):
    pass


class Run:
    """Sends requests to the server and checks each answer against the contract."""

    def __init__(self, contract, srv):
        self.c, self.srv = contract, srv

    def call(self, method, path, template, body=None, headers=None, want=None, extra=None, response=None):
        """Send one request and check its answer: documented, and `want`
        (a status or a set of them) when given. `extra(status, hdrs, body)`
        may return more errors. Returns (status, hdrs, parsed JSON or raw body)."""
        what = "%s %s" % (method, path if len(path) < 120 else path[:117] + "...")
        try:
            status, hdrs, raw = self.srv.request(method, path, body, headers, timeout=5)
        except Exception as e:  # a dropped connection, a timeout
            self.c.record(what, ["no answer: %s" % e])
            try:  # a crashing server may take a moment to exit (sanitizer reports)
                self.srv.proc.wait(timeout=3)
            except Exception:
                pass
            if self.srv.proc.poll() is not None:
                out = self.srv.output()
                at = out.find("ERROR:")
                report = out[at:] if at >= 0 else out[-2000:]
                report = " | ".join(l.strip() for l in report.splitlines()[:8] if l.strip())
                raise ServerDied("the server exited (status %s) on %s: %s"
                                 % (self.srv.proc.returncode, what, report))
            return None, {}, None
        errs = self.c.check_answer(method.lower(), template, status, hdrs, raw, response)
        if want is not None:
            wants = want if isinstance(want, (set, tuple)) else {want}
            if status not in wants:
                errs.insert(0, "status %d, want %s" % (status, "/".join(str(w) for w in sorted(wants))))
        if status == 500:
            errs.append("a 500 answer: %s" % raw[:200])
        doc = raw
        if hdrs.get("content-type", "").split(";")[0].strip().endswith("json") and raw:
            try:
                doc = json.loads(raw)
            except ValueError:
                pass
        if extra and not errs:
            try:
                errs += extra(status, hdrs, doc) or []
            except Exception as e:  # the answer lacks what the check reads
                errs.append("check failed on this answer: %s: %s" % (type(e).__name__, e))
        if status not in (405,) and not (status == 404 and isinstance(doc, dict)
                                          and str(doc.get("detail", "")).startswith("no resource at")):
            self.c.seen.add((method.lower() if method != "HEAD" else "get", template))
        self.c.record(what, errs)
        return status, hdrs, doc


def qs(**params):
    return "?" + urllib.parse.urlencode(params) if params else ""


def problem_names(*params):
    """An `extra` check: the problem's errors name each of `params`."""
    def check(status, hdrs, doc):
        named = {e.get("param") for e in (doc or {}).get("errors", [])} if isinstance(doc, dict) else set()
        missing = [p for p in params if p not in named]
        return ["errors do not name %s (named: %s)" % (", ".join(missing), ", ".join(sorted(named)) or "none")] \
            if missing else []
    return check


def has_header(name, value=None):
    def check(status, hdrs, doc):
        got = hdrs.get(name.lower())
        if got is None:
            return ["no %s header" % name]
        if value is not None and got != value:
            return ["%s is %r, want %r" % (name, got, value)]
        return []
    return check


def both(*checks):
    def check(status, hdrs, doc):
        out = []
        for c in checks:
            out += c(status, hdrs, doc) or []
        return out
    return check


# ---- the scenario ---------------------------------------------------------------------

def static_checks(c):
    """The router's table and the contract describe the same routes and parameters."""
    routes = router_table()
    if not routes:
        c.record("router table", ["no route parsed from src/router.c"])
    for method, pattern, params in routes:
        what = "route %s %s" % (method.upper(), pattern)
        op = c.operation(method, pattern)
        if op is None:
            c.record(what, ["not documented in openapi.yaml"])
            continue
        item = c.spec["paths"][pattern]
        documented = set()
        for p in c.deref(item.get("parameters", [])) + c.deref(op.get("parameters", [])):
            if p.get("in") == "query":
                documented.add(p["name"])
        errs = []
        if documented - params:
            errs.append("documented but not accepted: %s" % ", ".join(sorted(documented - params)))
        if params - documented:
            errs.append("accepted but not documented: %s" % ", ".join(sorted(params - documented)))
        if "{id}" in pattern and not any(p.get("in") == "path" and p.get("name") == "id"
                                         for p in c.deref(item.get("parameters", [])) + c.deref(op.get("parameters", []))):
            errs.append("path parameter id not documented")
        c.record(what, errs)
    in_router = {(m, p) for m, p, _ in routes}
    for path, item in c.spec["paths"].items():
        for method in METHODS:
            if method in item and (method, path) not in in_router:
                c.record("operation %s %s" % (method.upper(), path), ["documented but not in src/router.c"])
    # every resource of the API has its schema component
    want = ["Article", "ArticleSummary", "Quote", "QuoteDetail", "Actor", "ActorSummary", "Figure",
            "Extraction", "ListMeta", "Links", "Problem", "BulkReport"]
    missing = [n for n in want if n not in c.spec.get("components", {}).get("schemas", {})]
    c.record("components/schemas", ["missing: %s" % ", ".join(missing)] if missing else [])
    # every $ref resolves; every schema is a valid 2020-12 schema
    errs = []
    try:
        c.deref(c.spec)
    except (KeyError, ValueError) as e:
        errs.append("a $ref does not resolve: %s" % e)
    for name, schema in c.spec["components"]["schemas"].items():
        try:
            c.Validator.check_schema(c.deref(schema))
        except Exception as e:  # jsonschema.SchemaError
            errs.append("%s: %s" % (name, str(e).splitlines()[0]))
    c.record("schemas are valid JSON Schema", errs)


def page_is_self_contained(status, hdrs, body):
    """The browsing page is one HTML file: no external script, style or font."""
    text = body.decode("utf-8", "replace").lower()
    errs = [] if text.lstrip().startswith("<!doctype html") else ["not an HTML page"]
    for pattern in (r"<script[^>]+src=", r"<link[^>]+stylesheet", r"@import", r"url\(\s*['\"]?https?:"):
        if re.search(pattern, text):
            errs.append("the page loads an external resource (%s)" % pattern)
    return errs


def scenario(r, spec_text):
    J = {"Content-Type": "application/json"}
    JA = dict(J, **AUTH)

    # -- service
    r.call("GET", "/healthz", "/healthz", want=200)
    r.call("GET", "/readyz", "/readyz", want=200)
    r.call("GET", "/metrics", "/metrics", want=200,
           extra=lambda s, h, b: [] if b"quoted_http_requests_total" in b else ["no request counter"])
    r.call("GET", "/openapi.yaml", "/openapi.yaml", want=200,
           extra=lambda s, h, b: [] if b == spec_text else ["the served contract differs from openapi.yaml"])
    r.call("GET", "/", "/", want=200, extra=page_is_self_contained)
    r.call("GET", "/healthz?verbose=1", "/healthz", want=400, extra=problem_names("verbose"))
    r.call("GET", "/healthz", "/healthz", headers={"X-Request-Id": "contract-1"}, want=200,
           extra=has_header("X-Request-Id", "contract-1"))

    # -- ingest
    st, h, fr = r.call("POST", "/articles", "/articles", FR_BUDGET, JA, want=201,
                       extra=has_header("Location"))
    fr_id = fr["id"] if isinstance(fr, dict) else 1
    st, h, en = r.call("POST", "/articles", "/articles", EN_TREES, JA, want=201, extra=has_header("Location"))
    en_id = en["id"] if isinstance(en, dict) else 2
    q = qs(lang="en", title="Northgate reactor restarts", url="https://example.org/contract/northgate",
           date="2026-03-01", source="Contract")
    r.call("POST", "/articles" + q, "/articles", EN_REACTOR_TEXT,
           dict(AUTH, **{"Content-Type": "text/plain; charset=utf-8"}), want=201, extra=has_header("Location"))
    r.call("POST", "/articles", "/articles", FR_BUDGET, JA, want=200,
           extra=has_header("Location", "/articles/%d" % fr_id))
    lines = [json.dumps(a, ensure_ascii=False) for a in FR_BULK]
    lines += ["{not json", json.dumps({"text": "Un texte.", "lang": "de"}), "", json.dumps(EN_TREES)]
    bulk = ("\n".join(lines) + "\n").encode("utf-8")

    def bulk_check(status, hdrs, doc):
        if not isinstance(doc, dict):
            return ["no report"]
        want = {"inserted": 2, "duplicates": 1}
        errs = ["%s=%r, want %r" % (k, doc.get(k), v) for k, v in want.items() if doc.get(k) != v]
        failed = sorted(f.get("line") for f in doc.get("failed", []))
        if failed != [3, 4]:
            errs.append("failed lines %r, want [3, 4]" % failed)
        return errs
    r.call("POST", "/articles", "/articles", bulk, dict(AUTH, **{"Content-Type": "application/x-ndjson"}),
           want=200, extra=bulk_check)

    # -- ingest errors
    r.call("POST", "/articles", "/articles", FR_BUDGET, J, want=401,
           extra=has_header("WWW-Authenticate"))
    r.call("POST", "/articles", "/articles", FR_BUDGET, dict(J, Authorization="Bearer wrong"), want=403)
    r.call("POST", "/articles", "/articles", b"text", AUTH, want=415)
    r.call("POST", "/articles", "/articles", b"<a/>", dict(AUTH, **{"Content-Type": "application/xml"}), want=415)
    r.call("POST", "/articles", "/articles", b"{\"text\": ", JA, want=400)
    r.call("POST", "/articles", "/articles", {"text": "Du texte.", "author": "X"}, JA, want=400,
           extra=problem_names("author"))
    r.call("POST", "/articles", "/articles", {"title": "Sans texte"}, JA, want=400, extra=problem_names("text"))
    r.call("POST", "/articles", "/articles", {"text": "Du texte.", "lang": "de", "date": "hier"}, JA, want=400,
           extra=problem_names("lang", "date"))
    r.call("POST", "/articles", "/articles", {"text": 42}, JA, want=400, extra=problem_names("text"))
    r.call("POST", "/articles", "/articles", [1, 2], JA, want=400, extra=problem_names("body"))
    r.call("POST", "/articles?lang=fr", "/articles", FR_BUDGET, JA, want=400, extra=problem_names("lang"))
    r.call("POST", "/articles?lang=xx", "/articles", "Un texte.", dict(AUTH, **{"Content-Type": "text/plain"}),
           want=400, extra=problem_names("lang"))
    r.call("POST", "/articles", "/articles", b"\xff\xfe bad", dict(AUTH, **{"Content-Type": "text/plain"}),
           want=400, extra=problem_names("body"))
    r.call("POST", "/articles", "/articles", b"x" * (MAX_BODY + 10), dict(AUTH, **{"Content-Type": "text/plain"}),
           want=413)
    r.call("POST", "/articles?author=me", "/articles", "Un texte.", dict(AUTH, **{"Content-Type": "text/plain"}),
           want=400, extra=problem_names("author"))

    # -- extract
    r.call("POST", "/extract", "/extract", FR_BUDGET, J, want=200,
           extra=lambda s, h, d: [] if d.get("quotes") else ["no quote extracted"])
    r.call("POST", "/extract" + qs(lang="en", title="Reactor", date="2026-03-01"), "/extract", EN_REACTOR_TEXT,
           {"Content-Type": "text/plain"}, want=200,
           extra=lambda s, h, d: [] if d.get("lang") == "en" else ["lang %r" % d.get("lang")])
    r.call("POST", "/extract", "/extract", b"{}\n", {"Content-Type": "application/x-ndjson"}, want=415)
    r.call("POST", "/extract", "/extract", b"[", J, want=400)
    r.call("POST", "/extract", "/extract", {"text": "Texte.", "date": "2026-13-01"}, J, want=400,
           extra=problem_names("date"))
    r.call("POST", "/extract?url=x", "/extract", "Texte.", {"Content-Type": "text/plain"}, want=400,
           extra=problem_names("url"))
    r.call("POST", "/extract", "/extract", b"x" * (MAX_BODY + 10), {"Content-Type": "text/plain"}, want=413)

    # -- articles
    def total_is(n):
        return lambda s, h, d: [] if d.get("meta", {}).get("total") == n else \
            ["total %r, want %d" % (d.get("meta", {}).get("total"), n)]
    r.call("GET", "/articles", "/articles", want=200, extra=total_is(5))
    r.call("GET", "/articles" + qs(lang="fr", source="Contrat", **{"from": "2026-03", "to": "2026-12-31"}),
           "/articles", want=200, extra=total_is(1))
    r.call("GET", "/articles" + qs(q="reactor"), "/articles", want=200, extra=total_is(1))
    st, h, page = r.call("GET", "/articles?limit=2", "/articles", want=200,
                         extra=both(has_header("Link"),
                                    lambda s, h, d: [] if d["meta"]["next_cursor"] and d["links"]["next"]
                                    else ["no next page"]))
    if isinstance(page, dict) and page.get("links", {}).get("next"):
        r.call("GET", page["links"]["next"], "/articles", want=200)
        r.call("GET", "/articles" + qs(limit=2, cursor=page["meta"]["next_cursor"]), "/articles", want=200)
    r.call("GET", "/articles?format=csv", "/articles", want=200,
           extra=lambda s, h, b: [] if h.get("content-type", "").startswith("text/csv") and b.count(b"\r\n") == 6
           else ["CSV of 5 rows and a header expected"])
    r.call("GET", "/articles?format=ndjson", "/articles", want=200,
           extra=lambda s, h, b: [] if b.count(b"\n") == 5 else ["5 NDJSON lines expected"])
    r.call("GET", "/articles", "/articles", headers={"Accept": "text/csv"}, want=200,
           extra=lambda s, h, b: [] if h.get("content-type", "").startswith("text/csv") else ["Accept: text/csv ignored"])
    r.call("GET", "/articles?format=json", "/articles", want=200)
    for bad, name in (("limit=0", "limit"), ("limit=101", "limit"), ("limit=ten", "limit"), ("lang=de", "lang"),
                      ("from=2026-02-30x", "from"), ("to=yesterday", "to"), ("format=xml", "format"),
                      ("cursor=bm9wZQ", "cursor"), ("q=", "q"), ("page=2", "page")):
        r.call("GET", "/articles?" + bad, "/articles", want=400, extra=problem_names(name))
    st, h, art = r.call("GET", "/articles/%d" % fr_id, "/articles/{id}", want=200, extra=has_header("ETag"))
    if h.get("etag"):
        r.call("GET", "/articles/%d" % fr_id, "/articles/{id}", headers={"If-None-Match": h["etag"]}, want=304)
    r.call("HEAD", "/articles/%d" % fr_id, "/articles/{id}", want=200, extra=has_header("ETag"))
    r.call("GET", "/articles/999999", "/articles/{id}", want=404)
    r.call("GET", "/articles/abc", "/articles/{id}", want=404)
    r.call("GET", "/articles/%d?full=1" % fr_id, "/articles/{id}", want=400, extra=problem_names("full"))
    r.call("GET", "/articles/%d/" % fr_id, "/articles/{id}", want=200)

    # -- quotes
    st, h, quotes = r.call("GET", "/quotes", "/quotes", want=200,
                           extra=lambda s, h, d: [] if d["meta"]["total"] >= 4 else ["fewer than 4 quotes"])
    data = quotes.get("data", []) if isinstance(quotes, dict) else []
    quote_id = data[0]["id"] if data else 1
    speaker = next((q["speaker"] for q in data if q.get("speaker")), None)
    r.call("GET", "/quotes" + qs(q="enfant"), "/quotes", want=200,
           extra=lambda s, h, d: [] if d["data"] and all("<mark>" in x.get("highlight", "") for x in d["data"])
           else ["no highlighted result for q=enfant"])
    r.call("GET", "/quotes" + qs(q="street", sort="relevance", lang="en", kind="direct"), "/quotes", want=200)
    r.call("GET", "/quotes" + qs(sort="-date", **{"from": "2026-01-01", "to": "2026-12"}), "/quotes", want=200)
    r.call("GET", "/quotes" + qs(sort="date", limit=1), "/quotes", want=200)
    r.call("GET", "/quotes" + qs(sort="-id", article=fr_id), "/quotes", want=200)
    r.call("GET", "/quotes" + qs(kind="partial"), "/quotes", want=200)
    if speaker:
        r.call("GET", "/quotes" + qs(speaker=speaker["id"]), "/quotes", want=200,
               extra=lambda s, h, d: [] if d["data"] else ["no quote for speaker id"])
        r.call("GET", "/quotes" + qs(speaker=speaker["name"].upper()), "/quotes", want=200,
               extra=lambda s, h, d: [] if d["data"] else ["no quote for speaker name"])
    st, h, page = r.call("GET", "/quotes?limit=1", "/quotes", want=200, extra=has_header("Link"))
    if isinstance(page, dict) and page.get("links", {}).get("next"):
        r.call("GET", page["links"]["next"], "/quotes", want=200)
    r.call("GET", "/quotes?format=csv", "/quotes", want=200)
    r.call("GET", "/quotes", "/quotes", headers={"Accept": "application/x-ndjson"}, want=200)
    for bad, name in (("sort=relevance", "sort"), ("sort=name", "sort"), ("kind=indirect", "kind"),
                      ("speaker=", "speaker"), ("article=0", "article"), ("q=%20%20", "q"),
                      ("q=" + "a" * 501, "q"), ("lang=it", "lang"), ("limit=1000", "limit"), ("foo=1", "foo")):
        r.call("GET", "/quotes?" + bad, "/quotes", want=400, extra=problem_names(name))
    for q in ('"unbalanced', "AND", "a*b(", "NEAR(", "^x", "col:umn"):  # full-text syntax: 200 or 400, never 500
        r.call("GET", "/quotes" + qs(q=q), "/quotes", want={200, 400})
    r.call("GET", "/quotes/random", "/quotes/random", want=200)
    r.call("GET", "/quotes/random" + qs(lang="fr", kind="direct"), "/quotes/random", want=200)
    r.call("GET", "/quotes/random" + qs(q="zzzzunknownword"), "/quotes/random", want=404)
    r.call("GET", "/quotes/random?sort=-date", "/quotes/random", want=400, extra=problem_names("sort"))
    r.call("GET", "/quotes/random?limit=3", "/quotes/random", want=400, extra=problem_names("limit"))
    st, h, _ = r.call("GET", "/quotes/%d" % quote_id, "/quotes/{id}", want=200)
    if h.get("etag"):
        r.call("GET", "/quotes/%d" % quote_id, "/quotes/{id}", headers={"If-None-Match": h["etag"]}, want=304)
    r.call("GET", "/quotes/999999", "/quotes/{id}", want=404)
    r.call("GET", "/quotes/-1", "/quotes/{id}", want=404)

    # -- actors and speakers
    st, h, actors = r.call("GET", "/actors", "/actors", want=200)
    adata = actors.get("data", []) if isinstance(actors, dict) else []
    actor_id = (speaker or {}).get("id") or (adata[0]["id"] if adata else 1)
    r.call("GET", "/actors" + qs(type="person", limit=2), "/actors", want=200)
    if speaker:
        r.call("GET", "/actors" + qs(q=speaker["name"][:3].lower()), "/actors", want=200,
               extra=lambda s, h, d: [] if d["data"] else ["prefix search found nothing"])
    r.call("GET", "/actors?format=ndjson", "/actors", want=200)
    r.call("GET", "/actors?type=animal", "/actors", want=400, extra=problem_names("type"))
    r.call("GET", "/actors?q=", "/actors", want=400, extra=problem_names("q"))
    r.call("GET", "/actors/%d" % actor_id, "/actors/{id}", want=200)
    r.call("GET", "/actors/999999", "/actors/{id}", want=404)
    r.call("GET", "/actors/%d/quotes" % actor_id, "/actors/{id}/quotes", want=200)
    r.call("GET", "/actors/%d/quotes" % actor_id + qs(sort="-date", lang="fr", limit=5), "/actors/{id}/quotes",
           want=200)
    r.call("GET", "/actors/%d/quotes?format=csv" % actor_id, "/actors/{id}/quotes", want=200)
    r.call("GET", "/actors/999999/quotes", "/actors/{id}/quotes", want=404)
    r.call("GET", "/actors/%d/quotes?speaker=1" % actor_id, "/actors/{id}/quotes", want=400,
           extra=problem_names("speaker"))
    r.call("GET", "/speakers?limit=10", "/speakers", want=200,
           extra=lambda s, h, d: [] if all(a["quotes"] > 0 for a in d["data"]) else ["a speaker with no quote"])
    r.call("GET", "/speakers" + qs(type="organization"), "/speakers", want=200)
    r.call("GET", "/speakers?limit=-1", "/speakers", want=400, extra=problem_names("limit"))

    # -- figures
    def all_items(pred, what):
        return lambda s, h, d: [] if d["data"] and all(pred(x) for x in d["data"]) else [what]
    st, h, figs = r.call("GET", "/figures", "/figures", want=200,
                         extra=lambda s, h, d: [] if d["meta"]["total"] >= 5 else ["fewer than 5 figures"])
    r.call("GET", "/figures" + qs(unit="ECOLES"), "/figures", want=200,
           extra=all_items(lambda x: x["unit"] == "écoles", "unit=ECOLES does not find the schools"))
    r.call("GET", "/figures" + qs(min=100, max="1e9", sort="-value", lang="fr"), "/figures", want=200,
           extra=all_items(lambda x: 100 <= x["value"] <= 1e9, "a value outside [min, max]"))
    r.call("GET", "/figures" + qs(sort="value", article=fr_id), "/figures", want=200,
           extra=all_items(lambda x: x["article"]["id"] == fr_id, "a figure of another article"))
    r.call("GET", "/figures" + qs(q="ecoles", sort="date", **{"from": "2026-01", "to": "2026-12-31"}), "/figures",
           want=200, extra=all_items(lambda x: "coles" in x["sentence"], "q=ecoles found another sentence"))
    st, h, page = r.call("GET", "/figures?limit=2&sort=-value", "/figures", want=200, extra=has_header("Link"))
    if isinstance(page, dict) and page.get("links", {}).get("next"):
        r.call("GET", page["links"]["next"], "/figures", want=200)
    r.call("GET", "/figures?format=csv", "/figures", want=200)
    r.call("GET", "/figures?format=ndjson", "/figures", want=200)
    for bad, names in (("min=abc", ("min",)), ("max=", ("max",)), ("min=10&max=1", ("min", "max")),
                       ("sort=bogus", ("sort",)), ("unit=", ("unit",)), ("article=x", ("article",)),
                       ("q=%20", ("q",)), ("lang=de", ("lang",)), ("cursor=bm9wZQ", ("cursor",)),
                       ("speaker=1", ("speaker",))):
        r.call("GET", "/figures?" + bad, "/figures", want=400, extra=problem_names(*names))
    if isinstance(page, dict) and page.get("meta", {}).get("next_cursor"):  # a cursor of another order
        r.call("GET", "/figures" + qs(cursor=page["meta"]["next_cursor"]), "/figures", want=400,
               extra=problem_names("cursor"))

    # -- statistics
    def stats_check(status, hdrs, d):
        errs = []
        if d["totals"]["articles"] != 5 or d["totals"]["figures"] < 5:
            errs.append("totals %r" % d["totals"])
        if sum(x["quotes"] for x in d["quotes_per_month"]) != d["totals"]["quotes"]:
            errs.append("quotes_per_month does not add up to the quotes")
        if sum(x["articles"] for x in d["per_language"]) != 5:
            errs.append("per_language does not add up to the articles")
        return errs
    r.call("GET", "/stats", "/stats", want=200, extra=stats_check)
    r.call("GET", "/stats" + qs(lang="en", **{"from": "2026-02", "to": "2026-03-31"}), "/stats", want=200,
           extra=lambda s, h, d: [] if [x["lang"] for x in d["per_language"]] == ["en"] else ["lang=en ignored"])
    for bad in ("lang=xx", "from=soon", "interval=month", "limit=5"):
        r.call("GET", "/stats?" + bad, "/stats", want=400, extra=problem_names(bad.split("=")[0]))
    r.call("GET", "/stats/timeline", "/stats/timeline", want=200,
           extra=lambda s, h, d: [] if d["interval"] == "month" and d["buckets"] else ["no month bucket"])
    r.call("GET", "/stats/timeline" + qs(interval="week"), "/stats/timeline", want=200)
    r.call("GET", "/stats/timeline" + qs(interval="day", lang="fr", **{"from": "2026-01-01", "to": "2026-12"}),
           "/stats/timeline", want=200)
    r.call("GET", "/stats/timeline" + qs(q="enfant"), "/stats/timeline", want=200,
           extra=lambda s, h, d: [] if d["buckets"] == [{"period": "2026-03", "quotes": 1}]
           else ["q=enfant: %r" % d["buckets"]])
    if speaker:
        r.call("GET", "/stats/timeline" + qs(speaker=speaker["name"], interval="day"), "/stats/timeline", want=200,
               extra=lambda s, h, d: [] if d["buckets"] else ["no bucket for the speaker"])
        r.call("GET", "/stats/timeline" + qs(speaker=speaker["id"]), "/stats/timeline", want=200)
    for bad, name in (("interval=year", "interval"), ("speaker=", "speaker"), ("q=", "q"), ("to=2026-00", "to"),
                      ("kind=direct", "kind")):
        r.call("GET", "/stats/timeline?" + bad, "/stats/timeline", want=400, extra=problem_names(name))
    for q in ('"unbalanced', "NEAR(", "col:umn"):  # full-text syntax: 200 or 400, never 500
        r.call("GET", "/stats/timeline" + qs(q=q), "/stats/timeline", want={200, 400})
        r.call("GET", "/figures" + qs(q=q), "/figures", want={200, 400})

    # -- shared checks: 404, 405 + Allow, 414, preflight, CORS
    comp = r.c.spec["components"]["responses"]
    r.call("GET", "/nowhere", "/nowhere", want=404, response=comp["NotFound"])
    r.call("GET", "/quotes/1/more", "/quotes/1/more", want=404, response=comp["NotFound"])
    for path, template in (("/articles", "/articles"), ("/articles/%d" % fr_id, "/articles/{id}"),
                           ("/quotes", "/quotes"), ("/extract", "/extract"), ("/healthz", "/healthz"),
                           ("/actors/1/quotes", "/actors/{id}/quotes"), ("/figures", "/figures"),
                           ("/stats/timeline", "/stats/timeline")):
        documented = {m.upper() for m in METHODS if m in r.c.spec["paths"][template]}
        if "GET" in documented:
            documented.add("HEAD")
        documented.add("OPTIONS")

        def allow_matches(s, h, d, documented=documented):
            got = {m.strip() for m in h.get("allow", "").split(",") if m.strip()}
            return [] if got == documented else ["Allow %r, documented %s" % (h.get("allow"), sorted(documented))]
        r.call("PUT", path, template, b"{}", J, want=405, response=comp["MethodNotAllowed"],
               extra=both(has_header("Allow"), allow_matches))
    r.call("PATCH", "/quotes/%d" % quote_id, "/quotes/{id}", b"{}", J, want=405, response=comp["MethodNotAllowed"])
    r.call("GET", "/quotes?q=" + "a" * 9000, "/quotes", want=414)
    r.call("GET", "/quotes", "/quotes", headers={"Origin": "https://news.example"}, want=200,
           extra=has_header("Access-Control-Allow-Origin"))
    preflight = {"description": "CORS preflight", "headers": {}}
    r.call("OPTIONS", "/quotes", "/quotes", headers={"Origin": "https://news.example",
                                                    "Access-Control-Request-Method": "GET"},
           want=204, response=preflight, extra=both(has_header("Allow"), has_header("Access-Control-Allow-Methods")))

    # -- delete last: the scenario above reads what it removes
    r.call("DELETE", "/articles/%d" % en_id, "/articles/{id}", want=401, extra=has_header("WWW-Authenticate"))
    r.call("DELETE", "/articles/%d" % en_id, "/articles/{id}", headers={"Authorization": "Bearer nope"}, want=403)
    r.call("DELETE", "/articles/%d?cascade=1" % en_id, "/articles/{id}", headers=AUTH, want=400,
           extra=problem_names("cascade"))
    r.call("DELETE", "/articles/%d" % en_id, "/articles/{id}", headers=AUTH, want=204)
    r.call("DELETE", "/articles/%d" % en_id, "/articles/{id}", headers=AUTH, want=404)
    r.call("GET", "/articles/%d" % en_id, "/articles/{id}", want=404)
    r.call("DELETE", "/articles/x", "/articles/{id}", headers=AUTH, want=404)


def coverage(c):
    """Every documented operation was answered by a route (not 404 "no
    resource", not 405) at least once above."""
    for path, item in c.spec["paths"].items():
        for method in METHODS:
            if method in item:
                c.record("operation %s %s answered" % (method.upper(), path),
                         [] if (method, path) in c.seen else ["never answered by the server (404 or 405)"])


def loopback_rule(c):
    """With no token configured, a loopback client writes without a header."""
    with Server(args=["--max-body", str(MAX_BODY)]) as srv:
        r = Run(c, srv)
        st, h, doc = r.call("POST", "/articles", "/articles", EN_TREES, {"Content-Type": "application/json"},
                            want=201)
        if isinstance(doc, dict):
            r.call("DELETE", "/articles/%d" % doc["id"], "/articles/{id}", want=204)


def main():
    def on_alarm(signum, frame):
        raise TimeoutError("the contract test ran past %d s" % DEADLINE_S)
    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(DEADLINE_S)
    c = None
    try:
        try:
            spec = load_spec()
            c = Contract(spec)
        except ImportError as e:
            print("FAIL setup: %s (install python3-yaml and python3-jsonschema)" % e)
            print("0 passed, 1 failed")
            return 1
        with open(SPEC_PATH, "rb") as f:
            spec_text = f.read()
        static_checks(c)
        srv = Server(args=["--api-token", TOKEN, "--max-body", str(MAX_BODY)])
        try:
            srv.start(timeout=10)
            scenario(Run(c, srv), spec_text)
        finally:
            srv.stop()
            if srv.tmp:
                srv.tmp.cleanup()
        loopback_rule(c)
        coverage(c)
    except ServerDied as e:
        c.record("server", [str(e)])
    except Exception as e:
        if c is None:
            print("FAIL setup: %s" % e)
            print("0 passed, 1 failed")
            return 1
        c.record("contract run", ["%s: %s" % (type(e).__name__, e)])
    finally:
        signal.alarm(0)
    for report in sanitizer_reports:
        c.record("server", ["sanitizer report: %s" % report[-2000:]])
    print("%d passed, %d failed" % (c.passed, c.failed))
    return 1 if c.failed else 0


if __name__ == "__main__":
    sys.exit(main())
