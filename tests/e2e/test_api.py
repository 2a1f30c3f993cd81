"""test_api.py — end-to-end tests of the HTTP API: a real `quoted serve`
with a temporary SQLite file, real requests, every endpoint, every error
case, restarts, and durability across a kill -9."""
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
from harness import BIN, Server, Suite  # noqa: E402

EXAMPLES = os.path.join(os.path.dirname(__file__), "..", "..", "examples")


def example(name):
    with open(os.path.join(EXAMPLES, name), encoding="utf-8") as f:
        return json.load(f)


FR = {
    "title": "Sommet à Bruxelles",
    "lang": "fr",
    "date": "2026-01-15",
    "url": "https://example.org/test/sommet",
    "text": "La présidente de la Commission, Ursula Garnier, a reçu jeudi le Premier ministre "
            "belge. « Nous devons agir ensemble avant la fin de l'année », a déclaré Ursula Garnier. "
            "Le budget atteint 3,7 millions d'euros.",
}
EN = {
    "title": "Harbour reopens",
    "lang": "en",
    "date": "2026-02-01",
    "text": "The harbour reopened on Monday after three weeks of repairs. \"We are proud of the "
            "crews who worked day and night,\" said harbour master John Carver. About 200 boats use it.",
}


def is_problem(s, status, hdrs, doc, want, what):
    s.check(status == want, "%s: status %s, want %s" % (what, status, want))
    s.check(hdrs.get("content-type", "").startswith("application/problem+json"),
            "%s: content-type %r" % (what, hdrs.get("content-type")))
    ok = isinstance(doc, dict) and all(k in doc for k in ("type", "title", "status", "detail"))
    s.check(ok and doc["status"] == want, "%s: problem body %r" % (what, doc))
    return doc or {}


def params_named(doc):
    return {e.get("param") for e in (doc or {}).get("errors", [])}


def test_health(s):
    with Server() as srv:
        st, h, doc = srv.json("GET", "/healthz")
        s.check(st == 200 and doc == {"status": "ok"}, "healthz %s %r" % (st, doc))
        st, h, doc = srv.json("GET", "/readyz")
        s.check(st == 200 and doc.get("status") == "ready", "readyz %s %r" % (st, doc))
        s.check(bool(h.get("x-request-id")), "X-Request-Id is set")
        st, h, _ = srv.request("GET", "/healthz", headers={"X-Request-Id": "abc-123"})
        s.check(h.get("x-request-id") == "abc-123", "X-Request-Id is echoed")
        st, h, body = srv.request("GET", "/metrics")
        s.check(st == 200 and b"quoted_http_requests_total" in body, "metrics in Prometheus text")
        st, h, body = srv.request("GET", "/openapi.yaml")
        s.check(st == 200 and body.startswith(b"openapi: 3.1"), "openapi.yaml served")
        st, h, body = srv.request("GET", "/")
        s.check(st == 200 and h.get("content-type", "").startswith("text/html"), "index page")
        st, h, body = srv.request("GET", "/?q=emploi&lang=fr&speaker=Garnier")
        s.check(st == 200, "a shared search link opens the page: %s" % st)


def test_ingest_and_fetch(s):
    with Server() as srv:
        st, h, doc = srv.json("POST", "/articles", FR)
        s.check(st == 201, "POST /articles gives 201, got %s %r" % (st, doc))
        loc = h.get("location", "")
        s.check(loc.startswith("/articles/"), "Location %r" % loc)
        aid = doc["id"]
        s.check(loc == "/articles/%d" % aid, "Location names the article")
        s.check(doc["title"] == FR["title"] and doc["lang"] == "fr", "stored metadata")
        s.check(doc["text"] == FR["text"], "stored text is the text sent")
        s.check(len(doc["quotes"]) == 1, "one quote extracted: %r" % doc["quotes"])
        q = doc["quotes"][0]
        s.check(q["text"].startswith("Nous devons agir"), "quote text %r" % q["text"])
        s.check(isinstance(doc["actors"], list) and isinstance(doc["figures"], list), "actors and figures present")

        # the same content again: 200, the same article, nothing stored twice
        st, h, doc2 = srv.json("POST", "/articles", FR)
        s.check(st == 200 and doc2["id"] == aid, "re-post same content: %s" % st)
        same_url = dict(FR, text=FR["text"] + " Une phrase de plus.")
        st, h, doc3 = srv.json("POST", "/articles", same_url)
        s.check(st == 200 and doc3["id"] == aid, "re-post same URL: %s" % st)
        st, h, lst = srv.json("GET", "/articles")
        s.check(lst["meta"]["total"] == 1, "one article stored, got %r" % lst["meta"])

        st, h, got = srv.json("GET", "/articles/%d" % aid)
        s.check(st == 200 and got["id"] == aid and got["quotes"], "GET /articles/{id}")

        # plain text with metadata in the query
        qs = urllib.parse.urlencode({"lang": "en", "title": "Harbour", "date": "2026-02-01",
                                     "url": "https://example.org/h"})
        st, h, doc = srv.json("POST", "/articles?" + qs, EN["text"], {"Content-Type": "text/plain; charset=utf-8"})
        s.check(st == 201 and doc["lang"] == "en" and doc["title"] == "Harbour", "text/plain ingest %s" % st)
        s.check(doc["url"] == "https://example.org/h" and doc["published_at"].startswith("2026-02-01"),
                "text/plain metadata %r" % {k: doc.get(k) for k in ("url", "published_at")})
        q = doc["quotes"][0] if doc.get("quotes") else {}
        s.check(q.get("speaker") and "Carver" in q["speaker"]["name"], "speaker found: %r" % q.get("speaker"))

        # language detected when not given
        st, h, doc = srv.json("POST", "/articles", {"text": "The minister said the plan was ready and that it would be announced."})
        s.check(st == 201 and doc["lang"] == "en", "language detected: %r" % doc.get("lang"))


def test_extract(s):
    with Server() as srv:
        st, h, doc = srv.json("POST", "/extract", FR)
        s.check(st == 200 and set(doc) >= {"lang", "quotes", "actors", "figures"}, "extract JSON %s" % st)
        s.check(doc["quotes"] and doc["quotes"][0]["speaker"] is not None, "extract finds the speaker")
        st, h, doc = srv.json("POST", "/extract", EN["text"], {"Content-Type": "text/plain"})
        s.check(st == 200 and doc["lang"] == "en", "extract text/plain")
        st, h, lst = srv.json("GET", "/articles")
        s.check(lst["meta"]["total"] == 0, "extract stores nothing")


def test_lists_and_pagination(s):
    with Server() as srv:
        ids = []
        for i in range(7):
            art = {"text": "Article %d. « Voici une citation numéro %d assez longue », a dit Paul Martin." % (i, i),
                   "lang": "fr", "date": "2026-03-%02d" % (i + 1), "title": "T%d" % i}
            st, h, doc = srv.json("POST", "/articles", art)
            s.check(st == 201, "ingest %d: %s" % (i, st))
            ids.append(doc["id"])
        for path in ("/articles", "/quotes"):
            seen, url, pages = [], path + "?limit=3", 0
            while url and pages < 10:
                st, h, doc = srv.json("GET", url)
                s.check(st == 200, "%s page %s" % (url, st))
                s.check(set(doc) == {"data", "meta", "links"}, "envelope keys %r" % list(doc))
                s.check(doc["meta"]["limit"] == 3 and doc["meta"]["total"] == 7, "meta %r" % doc["meta"])
                seen += [x["id"] for x in doc["data"]]
                nxt = doc["links"].get("next")
                if nxt:
                    s.check(h.get("link") == '<%s>; rel="next"' % nxt, "Link header %r" % h.get("link"))
                    s.check(doc["meta"]["next_cursor"] is not None, "next_cursor set")
                url = nxt
                pages += 1
            s.check(sorted(seen) == sorted(set(seen)) and len(seen) == 7, "%s: every row once: %r" % (path, seen))
            s.check(pages == 3, "%s: 3 pages of 3, got %d" % (path, pages))
        st, h, doc = srv.json("GET", "/quotes?limit=1")
        qid = doc["data"][0]["id"]
        st, h, q = srv.json("GET", "/quotes/%d" % qid)
        s.check(st == 200 and q["speaker"]["name"] == "Paul Martin", "quote speaker %r" % q.get("speaker"))
        art = q.get("article") or {}
        s.check({"id", "title", "url", "published_at"} <= set(art), "quote article fields %r" % art)
        s.check(art.get("title", "").startswith("T"), "quote article title")
        s.check("context" in q and "citation" in q["context"], "quote context")
        # filters
        st, h, doc = srv.json("GET", "/articles?lang=en")
        s.check(st == 200 and doc["meta"]["total"] == 0, "lang filter")
        st, h, doc = srv.json("GET", "/quotes?q=citation")
        s.check(st == 200 and doc["meta"]["total"] == 7, "full-text search %r" % doc.get("meta"))
        st, h, doc = srv.json("GET", "/quotes?speaker=paul%20martin")
        s.check(st == 200 and doc["meta"]["total"] == 7, "speaker by name, case-insensitive")
        st, h, doc = srv.json("GET", "/quotes/random")
        s.check(st == 200 and doc["id"] in [x for x in range(1, 100)], "random quote %s" % st)
        # csv and ndjson
        st, h, body = srv.request("GET", "/quotes?format=csv")
        s.check(st == 200 and h["content-type"].startswith("text/csv") and body.count(b"\r\n") == 8,
                "csv: header + 7 rows")
        st, h, body = srv.request("GET", "/articles", headers={"Accept": "application/x-ndjson"})
        s.check(st == 200 and len(body.strip().split(b"\n")) == 7, "ndjson by Accept")
        # ETag and 304, HEAD
        st, h, body = srv.request("GET", "/articles/%d" % ids[0])
        etag = h.get("etag")
        s.check(bool(etag), "ETag on GET")
        st, h2, body2 = srv.request("GET", "/articles/%d" % ids[0], headers={"If-None-Match": etag})
        s.check(st == 304 and body2 == b"", "304 on If-None-Match")
        st, h3, body3 = srv.request("HEAD", "/articles/%d" % ids[0])
        s.check(st == 200 and body3 == b"" and h3.get("etag") == etag, "HEAD as GET without body")
        # CORS
        st, h, _ = srv.request("GET", "/quotes", headers={"Origin": "https://app.example"})
        s.check(h.get("access-control-allow-origin") == "*", "CORS on reads")
        st, h, _ = srv.request("OPTIONS", "/articles", headers={
            "Origin": "https://app.example", "Access-Control-Request-Method": "POST"})
        s.check(st == 204 and h.get("access-control-allow-methods") == "GET, HEAD, OPTIONS",
                "CORS preflight: any origin may read only: %s %r" % (st, h.get("access-control-allow-methods")))
        st, h, _ = srv.request("GET", "/quotes")
        s.check("Accept" in h.get("vary", ""), "lists vary on Accept")


def test_figures_and_stats(s):
    with Server() as srv:
        arts = [
            dict(FR, url=None),
            dict(EN, url=None),
            {"title": "Écoles", "lang": "fr", "date": "2025-12-29",
             "text": "La ville rénove 120 écoles cette année. « Chaque enfant mérite une classe chauffée », "
                     "a déclaré Ursula Garnier. Le chantier coûte 40 millions d'euros."},
        ]
        ids = []
        for a in arts:
            st, h, doc = srv.json("POST", "/articles", a)
            s.check(st == 201, "ingest %s: %s" % (a["title"], st))
            ids.append(doc.get("id"))
        # figures: the list, its filters and orders
        st, h, doc = srv.json("GET", "/figures")
        s.check(st == 200 and set(doc) == {"data", "meta", "links"}, "GET /figures envelope %s" % st)
        total = doc["meta"]["total"]
        s.check(total >= 4, "figures stored: %d" % total)
        item = doc["data"][0] if doc["data"] else {}
        s.check(set(item) == {"id", "text", "value", "unit", "approx", "start", "end", "sentence", "article"},
                "figure item keys %r" % sorted(item))
        s.check(set(item.get("article", {})) == {"id", "title", "url", "published_at"}, "figure article")
        dates = [x["article"]["published_at"] or "" for x in doc["data"]]
        s.check(dates == sorted(dates, reverse=True), "default order: newest article first %r" % dates)
        st, h, doc = srv.json("GET", "/figures?unit=%C3%89COLES")
        s.check(st == 200 and [x["unit"] for x in doc["data"]] == ["écoles"], "unit without case or accents %r" % doc)
        st, h, doc = srv.json("GET", "/figures?sort=-value&min=100&max=1e9")
        vals = [x["value"] for x in doc["data"]]
        s.check(st == 200 and vals and vals == sorted(vals, reverse=True) and all(100 <= v <= 1e9 for v in vals),
                "min, max and -value %r" % vals)
        st, h, doc = srv.json("GET", "/figures?q=chantier")
        s.check(st == 200 and doc["meta"]["total"] == 1 and "chantier" in doc["data"][0]["sentence"],
                "q over the sentence %r" % doc.get("meta"))
        st, h, doc = srv.json("GET", "/figures?article=%d&lang=fr" % ids[0])
        s.check(st == 200 and all(x["article"]["id"] == ids[0] for x in doc["data"]), "article filter")
        seen, url = [], "/figures?limit=1&sort=value"
        while url and len(seen) <= total:
            st, h, doc = srv.json("GET", url)
            seen += [x["id"] for x in doc["data"]]
            url = doc["links"]["next"]
        s.check(len(seen) == total == len(set(seen)), "pages of 1 by value: every figure once")
        st, h, body = srv.request("GET", "/figures?format=csv")
        s.check(st == 200 and body.startswith(b"id,text,value,unit,approx,start,end,sentence,article.id"),
                "figures as CSV %r" % body[:80])
        # statistics
        st, h, doc = srv.json("GET", "/stats")
        s.check(st == 200 and doc["totals"]["articles"] == 3 and doc["totals"]["figures"] == total,
                "stats totals %r" % doc.get("totals"))
        s.check(doc["top_speakers"] and doc["top_speakers"][0]["name"] == "Ursula Garnier"
                and doc["top_speakers"][0]["quotes"] == 2, "top speaker %r" % doc.get("top_speakers"))
        s.check([m["month"] for m in doc["quotes_per_month"]] == ["2025-12", "2026-01", "2026-02"],
                "quotes per month %r" % doc.get("quotes_per_month"))
        s.check({(x["lang"], x["articles"]) for x in doc["per_language"]} == {("fr", 2), ("en", 1)},
                "per language %r" % doc.get("per_language"))
        s.check(any(u["unit"] == "euros" for u in doc["figures_per_unit"]), "figures per unit %r" % doc["figures_per_unit"])
        st, h, doc = srv.json("GET", "/stats?lang=en")
        s.check(st == 200 and doc["totals"]["articles"] == 1, "stats for one language %r" % doc.get("totals"))
        # timeline
        st, h, doc = srv.json("GET", "/stats/timeline")
        s.check(st == 200 and doc["interval"] == "month" and len(doc["buckets"]) == 3, "timeline by month %r" % doc)
        st, h, doc = srv.json("GET", "/stats/timeline?interval=week&speaker=ursula%20garnier")
        s.check(st == 200 and doc["buckets"] == [{"period": "2026-W01", "quotes": 1}, {"period": "2026-W03", "quotes": 1}],
                "weeks of one speaker (2025-12-29 is in 2026-W01) %r" % doc)
        st, h, doc = srv.json("GET", "/stats/timeline?interval=day&q=enfant")
        s.check(st == 200 and doc["buckets"] == [{"period": "2025-12-29", "quotes": 1}], "days of a search %r" % doc)
        # bad parameters: 400 naming them
        for path, names in (("/figures?min=abc", {"min"}), ("/figures?min=5&max=1", {"min", "max"}),
                            ("/figures?sort=bogus", {"sort"}), ("/figures?unit=", {"unit"}),
                            ("/figures?interval=day", {"interval"}), ("/stats?lang=de", {"lang"}),
                            ("/stats?format=csv", {"format"}), ("/stats/timeline?interval=year", {"interval"}),
                            ("/stats/timeline?q=%20", {"q"}), ("/stats/timeline?speaker=", {"speaker"})):
            st, h, doc = srv.json("GET", path)
            d = is_problem(s, st, h, doc, 400, "GET " + path)
            s.check(names <= params_named(d), "%s: errors %r" % (path, d.get("errors")))


def test_cors_listed_origins(s):
    with Server(env={"QUOTED_CORS_ORIGINS": "https://app.example, https://other.example"}) as srv:
        st, h, _ = srv.request("OPTIONS", "/articles", headers={
            "Origin": "https://app.example", "Access-Control-Request-Method": "POST"})
        s.check(st == 204 and h.get("access-control-allow-origin") == "https://app.example",
                "listed origin is allowed: %r" % h.get("access-control-allow-origin"))
        s.check("POST" in h.get("access-control-allow-methods", ""), "listed origin may write")
        st, h, _ = srv.request("GET", "/quotes", headers={"Origin": "https://evil.example"})
        s.check("access-control-allow-origin" not in h, "unlisted origin gets no CORS header")
        st, h, _ = srv.request("POST", "/articles", FR, headers={"Origin": "https://other.example"})
        s.check(st == 201 and h.get("access-control-allow-origin") == "https://other.example", "write from listed origin")


def test_delete(s):
    with Server() as srv:
        st, h, doc = srv.json("POST", "/articles", FR)
        aid = doc["id"]
        qid = doc["quotes"][0]["id"]
        st, h, body = srv.request("DELETE", "/articles/%d" % aid)
        s.check(st == 204 and body == b"", "DELETE gives 204, got %s" % st)
        st, h, doc = srv.json("GET", "/articles/%d" % aid)
        is_problem(s, st, h, doc, 404, "deleted article")
        st, h, doc = srv.json("GET", "/quotes/%d" % qid)
        is_problem(s, st, h, doc, 404, "quote of deleted article")
        st, h, doc = srv.json("DELETE", "/articles/%d" % aid)
        is_problem(s, st, h, doc, 404, "delete twice")


def test_errors(s):
    with Server(args=["--max-body", "2000"]) as srv:
        st, h, doc = srv.json("GET", "/nope")
        is_problem(s, st, h, doc, 404, "unknown path")
        st, h, doc = srv.json("PUT", "/articles")
        is_problem(s, st, h, doc, 405, "wrong method")
        s.check("POST" in h.get("allow", "") and "GET" in h.get("allow", ""), "Allow header %r" % h.get("allow"))
        st, h, doc = srv.json("GET", "/articles/abc")
        is_problem(s, st, h, doc, 404, "non-numeric id")
        st, h, doc = srv.json("GET", "/quotes/999999")
        is_problem(s, st, h, doc, 404, "missing quote")
        # 413: refused from Content-Length, before the body is read
        resp = srv.raw(b"POST /articles HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                       b"Content-Length: 100000000\r\n\r\n")
        s.check(resp.startswith("HTTP/1.1 413") and "application/problem+json" in resp, "413 from Content-Length: %r" % resp[:80])
        st, h, doc = srv.json("POST", "/articles", {"text": "x" * 3000})
        is_problem(s, st, h, doc, 413, "body over the limit")
        # 414
        st, h, doc = srv.json("GET", "/quotes?q=" + "a" * 9000)
        is_problem(s, st, h, doc, 414, "URL too long")
        # 415
        st, h, doc = srv.json("POST", "/articles", "<a/>", {"Content-Type": "application/xml"})
        is_problem(s, st, h, doc, 415, "unsupported media type")
        st, h, doc = srv.json("POST", "/articles", "text")
        is_problem(s, st, h, doc, 415, "no content type")
        # invalid JSON, invalid UTF-8, missing and wrong-typed fields
        st, h, doc = srv.json("POST", "/articles", '{"text": "abc"', {"Content-Type": "application/json"})
        is_problem(s, st, h, doc, 400, "invalid JSON")
        st, h, doc = srv.json("POST", "/articles", b'{"text": "caf\xc3"}', {"Content-Type": "application/json"})
        is_problem(s, st, h, doc, 400, "invalid UTF-8 in JSON")
        st, h, doc = srv.json("POST", "/articles", b"caf\xff text", {"Content-Type": "text/plain"})
        is_problem(s, st, h, doc, 400, "invalid UTF-8 in text")
        st, h, doc = srv.json("POST", "/articles", {"title": "no text"})
        d = is_problem(s, st, h, doc, 400, "missing text")
        s.check("text" in params_named(d), "errors name text: %r" % d.get("errors"))
        st, h, doc = srv.json("POST", "/articles", {"text": 5, "lang": "de"})
        d = is_problem(s, st, h, doc, 400, "wrong types")
        s.check({"text", "lang"} <= params_named(d), "errors name text and lang: %r" % d.get("errors"))
        st, h, doc = srv.json("POST", "/articles", ["not", "an", "object"])
        is_problem(s, st, h, doc, 400, "JSON array body")
        st, h, doc = srv.json("POST", "/articles", {"text": "Bonjour.", "colour": "red"})
        d = is_problem(s, st, h, doc, 400, "unknown field")
        s.check("colour" in params_named(d), "unknown field named")
        # bad parameters
        for q in ("limit=0", "limit=101", "limit=abc", "limit=", "cursor=garbage", "cursor=",
                  "lang=de", "from=2026-13-01", "kind=maybe", "sort=relevance", "colour=red"):
            st, h, doc = srv.json("GET", "/quotes?" + q)
            d = is_problem(s, st, h, doc, 400, "GET /quotes?" + q)
            s.check(params_named(d) & {q.split("=")[0]}, "%s: errors %r" % (q, d.get("errors")))
        st, h, doc = srv.json("GET", "/articles?limit=5&limit=x")
        is_problem(s, st, h, doc, 400, "last limit wins and is checked")
        # full-text syntax never gives a 500
        for q in ('"unbalanced', "a AND", "(x", "*", "NEAR(", "a OR OR b", "\u00e9t\u00e9 -"):
            st, h, doc = srv.json("GET", "/quotes?q=" + urllib.parse.quote(q))
            s.check(st in (200, 400), "q=%r gives %s" % (q, st))
        st, h, doc = srv.json("GET", "/quotes?q=%FF")
        is_problem(s, st, h, doc, 400, "invalid UTF-8 in a parameter")


def test_auth(s):
    with Server(env={"QUOTED_API_TOKEN": "s3cret"}) as srv:
        st, h, doc = srv.json("POST", "/articles", FR)
        is_problem(s, st, h, doc, 401, "no token")
        s.check(h.get("www-authenticate", "").startswith("Bearer"), "WWW-Authenticate")
        st, h, doc = srv.json("POST", "/articles", FR, {"Authorization": "Bearer nope"})
        is_problem(s, st, h, doc, 403, "wrong token")
        st, h, doc = srv.json("POST", "/articles", FR, {"Authorization": "Bearer s3cret"})
        s.check(st == 201, "right token: %s" % st)
        st, h, doc2 = srv.json("DELETE", "/articles/%d" % doc["id"])
        is_problem(s, st, h, doc2, 401, "delete without token")
        st, h, _ = srv.request("DELETE", "/articles/%d" % doc["id"], headers={"Authorization": "Bearer s3cret"})
        s.check(st == 204, "delete with token")
        st, h, doc = srv.json("GET", "/articles")
        s.check(st == 200, "reads need no token")


def test_same_actor_across_articles(s):
    """One actor per real-world actor: two forms of a name in two articles
    give one actor holding both articles' quotes; two people who share a
    surname stay two actors."""
    a1 = {"lang": "fr", "date": "2026-03-01", "text":
          "Le président turc Recep Tayyip Erdogan a reçu jeudi ses homologues à Ankara. "
          "« Nous ne laisserons personne menacer nos frontières », a déclaré Recep Tayyip Erdogan."}
    a2 = {"lang": "fr", "date": "2026-03-09", "text":
          "À Istanbul, Recep T. Erdoğan a défendu sa politique économique. « L'inflation reculera "
          "avant la fin de l'été », a assuré Erdoğan devant des chefs d'entreprise."}
    a3 = {"lang": "fr", "date": "2026-03-10", "text":
          "Marine Le Pen a tenu un meeting à Lille. « Nous gagnerons cette élection », a lancé "
          "Marine Le Pen. Son père, Jean-Marie Le Pen, n'était pas présent. « Je suis fier "
          "d'elle », a déclaré Jean-Marie Le Pen dans un communiqué."}
    with Server() as srv:
        for a in (a1, a2, a3):
            st, h, doc = srv.json("POST", "/articles", a)
            s.check(st == 201, "ingest %s %r" % (st, doc if st != 201 else ""))
        st, h, doc = srv.json("GET", "/actors?q=erdogan")
        people = [x for x in doc["data"] if x["type"] == "person"]
        s.check(len(people) == 1, "one Erdogan: %r" % [x["name"] for x in doc["data"]])
        if people:
            e = people[0]
            s.check(e["name"] == "Recep Tayyip Erdogan", "fullest name kept: %r" % e["name"])
            s.check(e["articles"] == 2 and e["quotes"] == 2, "both articles gathered: %r" % e)
            st, h, qs = srv.json("GET", "/actors/%d/quotes" % e["id"])
            arts = {q["article"]["id"] for q in qs["data"]}
            s.check(st == 200 and len(qs["data"]) == 2 and len(arts) == 2, "quotes of both articles: %r" % qs)
            st, h, qs2 = srv.json("GET", "/quotes?speaker=Erdogan")
            s.check(qs2["meta"]["total"] == 2, "speaker by surname, accent-insensitive")
        st, h, doc = srv.json("GET", "/actors?q=le%20pen")
        names = sorted(x["name"] for x in doc["data"] if x["type"] == "person")
        s.check(names == ["Jean-Marie Le Pen", "Marine Le Pen"], "two Le Pens: %r" % names)
        st, h, doc = srv.json("GET", "/speakers")
        counts = {x["name"]: x["quotes"] for x in doc["data"]}
        s.check(counts.get("Marine Le Pen") == 1 and counts.get("Jean-Marie Le Pen") == 1,
                "each Le Pen has their own quote: %r" % counts)


def test_response_cache(s):
    """Cached GET answers are served again until the next write, never after."""
    with Server() as srv:
        st, h, doc = srv.json("POST", "/articles", FR)
        aid = doc["id"]
        first = srv.request("GET", "/quotes?limit=5")
        again = srv.request("GET", "/quotes?limit=5")
        s.check(first[2] == again[2] and first[1].get("etag") == again[1].get("etag"), "same answer twice")
        st, h, body = srv.request("GET", "/metrics")
        hits = [l for l in body.decode().splitlines() if l.startswith("quoted_cache_hits_total")]
        s.check(hits and int(hits[0].split()[1]) >= 1, "a cache hit is counted: %r" % hits)
        st, h, doc = srv.json("POST", "/articles", EN)
        st, h, lst = srv.json("GET", "/quotes?limit=5")
        s.check(lst["meta"]["total"] == 2, "a write invalidates cached lists: %r" % lst["meta"])
        st, h, _ = srv.request("DELETE", "/articles/%d" % aid)
        st, h, doc = srv.json("GET", "/articles/%d" % aid)
        s.check(st == 404, "a delete invalidates cached items: %s" % st)
        st, h, lst = srv.json("GET", "/quotes?limit=5")
        s.check(lst["meta"]["total"] == 1, "and cached lists: %r" % lst["meta"])
        st, h, csv = srv.request("GET", "/quotes?limit=5", headers={"Accept": "text/csv"})
        s.check(h.get("content-type", "").startswith("text/csv"), "the format is part of the key")
    with Server(args=["--cache-mb", "0"]) as srv:
        st, h, doc = srv.json("POST", "/articles", FR)
        st, h, lst = srv.json("GET", "/quotes")
        st, h, lst2 = srv.json("GET", "/quotes")
        s.check(st == 200 and lst == lst2, "works without a cache")


def test_rate_limit(s):
    with Server(args=["--rate-limit", "5"]) as srv:
        statuses = []
        for _ in range(30):
            st, h, doc = srv.json("GET", "/healthz")
            statuses.append(st)
            if st == 429:
                limited = (h, doc)
        s.check(statuses[:10] == [200] * 10, "a burst of 2N passes: %r" % statuses[:10])
        s.check(429 in statuses, "beyond the rate: 429")
        if 429 in statuses:
            h, doc = limited
            is_problem(s, 429, h, doc, 429, "rate-limited answer")
            s.check(int(h.get("retry-after", "0")) >= 1, "Retry-After %r" % h.get("retry-after"))
        time.sleep(1.1)
        st, h, doc = srv.json("GET", "/healthz")
        s.check(st == 200, "tokens come back with time: %s" % st)


def test_ndjson_bulk(s):
    with Server() as srv:
        lines = [json.dumps(FR), "", "{not json", json.dumps({"title": "no text"}), json.dumps(EN), json.dumps(FR)]
        st, h, doc = srv.json("POST", "/articles", "\n".join(lines) + "\n", {"Content-Type": "application/x-ndjson"})
        s.check(st == 200, "bulk status %s" % st)
        s.check(doc.get("inserted") == 2 and doc.get("duplicates") == 1, "bulk counts %r" % doc)
        s.check([f["line"] for f in doc.get("failed", [])] == [3, 4], "failed lines %r" % doc.get("failed"))


def test_restart_keeps_data(s):
    tmp = tempfile.TemporaryDirectory()
    db = os.path.join(tmp.name, "q.db")
    srv = Server(db=db).start()
    for name in sorted(os.listdir(EXAMPLES)):
        st, h, doc = srv.json("POST", "/articles", example(name))
        s.check(st == 201, "example %s: %s %r" % (name, st, doc if st != 201 else ""))
    st, h, before = srv.json("GET", "/quotes?limit=100")
    rc, secs = srv.stop(signal.SIGTERM)
    s.check(rc == 0, "clean exit on SIGTERM, got %s" % rc)
    s.check(secs < 2.0, "stops within 2 s (%.2f s)" % secs)
    srv = Server(db=db).start()
    st, h, after = srv.json("GET", "/quotes?limit=100")
    s.check(st == 200 and after["data"] == before["data"] and before["meta"]["total"] > 0,
            "quotes identical after restart (%d)" % before["meta"]["total"])
    srv.stop()
    tmp.cleanup()


def test_kill9_loses_nothing(s):
    tmp = tempfile.TemporaryDirectory()
    db = os.path.join(tmp.name, "q.db")
    srv = Server(db=db).start()
    st, h, doc = srv.json("POST", "/articles", EN)
    s.check(st == 201, "ingest %s" % st)
    srv.proc.send_signal(signal.SIGKILL)  # right after the 201
    srv.proc.wait()
    srv = Server(db=db).start()
    st, h, got = srv.json("GET", "/articles/%d" % doc["id"])
    s.check(st == 200 and got["text"] == EN["text"], "article there after kill -9: %s" % st)
    s.check(len(got.get("quotes", [])) == len(doc["quotes"]), "its quotes too")
    srv.stop()
    tmp.cleanup()


def test_import(s):
    """`quoted import` over a folder of .json, .ndjson and .txt files: what
    it stores is what the API then serves; empty and invalid articles are
    reported as failed, and the exit status says so."""
    tmp = tempfile.TemporaryDirectory()
    src = os.path.join(tmp.name, "in")
    os.mkdir(src)
    with open(os.path.join(src, "a.json"), "w", encoding="utf-8") as f:
        json.dump(FR, f)
    with open(os.path.join(src, "b.ndjson"), "w", encoding="utf-8") as f:
        f.write(json.dumps(EN) + "\n" + json.dumps({"text": "x", "lang": "de"}) + "\n{not json\n")
    with open(os.path.join(src, "c.txt"), "w", encoding="utf-8") as f:
        f.write("Un titre court\nLe maire a annoncé 12 nouvelles écoles pour la rentrée.\n")
    with open(os.path.join(src, "d.txt"), "w", encoding="utf-8") as f:
        f.write("  \n\n")
    db = os.path.join(tmp.name, "q.db")
    r = subprocess.run([BIN, "import", "--db", db, src], capture_output=True, text=True, timeout=60)
    s.check(r.returncode != 0, "exit status with failed articles: %d" % r.returncode)
    s.check("imported 3 articles (0 duplicates, 3 failed)" in r.stdout + r.stderr,
            "summary: %r" % (r.stdout + r.stderr))
    s.check("d.txt: text must not be empty" in r.stderr, "empty text named: %r" % r.stderr)
    s.check("lang" in r.stderr, "bad lang named: %r" % r.stderr)
    again = subprocess.run([BIN, "import", "--db", db, os.path.join(src, "a.json")], capture_output=True,
                           text=True, timeout=60)
    s.check(again.returncode == 0 and "0 articles (1 duplicates" in again.stdout + again.stderr,
            "a second import is a duplicate: %r" % (again.stdout + again.stderr))
    srv = Server(db=db).start()
    st, h, doc = srv.json("GET", "/articles")
    s.check(st == 200 and doc["meta"]["total"] == 3, "three articles served: %s %r" % (st, doc.get("meta")))
    titles = {a.get("title") for a in doc.get("data", [])}
    s.check({"Sommet à Bruxelles", "Harbour reopens", "Un titre court"} <= titles, "titles %r" % titles)
    st, h, doc = srv.json("GET", "/quotes?speaker=" + urllib.parse.quote("Ursula Garnier"))
    s.check(st == 200 and doc["meta"]["total"] == 1, "the imported quote is searchable: %r" % doc.get("meta"))
    srv.stop()
    tmp.cleanup()


if __name__ == "__main__":
    Suite().run([test_health, test_ingest_and_fetch, test_extract, test_lists_and_pagination, test_delete,
                 test_errors, test_auth, test_cors_listed_origins, test_rate_limit, test_response_cache, test_same_actor_across_articles, test_ndjson_bulk, test_figures_and_stats,
                 test_restart_keeps_data, test_kill9_loses_nothing, test_import])
