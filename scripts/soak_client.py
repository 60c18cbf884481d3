#!/usr/bin/env python3
"""Soak traffic for a running hadath server (standard library only).

Sends, for --seconds, a weighted mix of valid articles and hostile input to a server on
loopback, samples the server's RSS from /proc/PID/status once a second, and records
every status code. Used by scripts/soak.sh; can be run by hand against any local server:

    python3 scripts/soak_client.py --base http://127.0.0.1:8080 --pid 1234 --seconds 120

Exit status: 0 when the soak passed; 1 when any 5xx was answered, the process died, or
RSS grew by more than --rss-growth (default 0.30) between the first and last minute.
Statuses outside a case's expected set, span mismatches (text[start:end] != span text)
and unanswered slow clients are reported as warnings (exit 1 with --strict).
"""

from __future__ import annotations

import argparse
import collections
import http.client
import json
import os
import random
import socket
import statistics
import sys
import threading
import time
import urllib.parse

# Written for this tool (not from any corpus): used when no corpus folder is given.
FALLBACK_AR = (
    "عقد وزير الخارجية اجتماعا مع نظيره في العاصمة يوم الاثنين الماضي لبحث سبل وقف "
    "إطلاق النار، وقال المتحدث باسم الوزارة إن \"المحادثات كانت بناءة وصريحة\". وفي سياق "
    "متصل، أفادت مصادر محلية بأن غارة جوية استهدفت مبنى سكنيا في المدينة، ما أسفر عن "
    "مقتل ثلاثة أشخاص وإصابة عشرة آخرين على الأقل، بحسب ما نقلته وكالة الأنباء الرسمية."
)
FALLBACK_EN = (
    "The foreign minister met his counterpart in the capital last Monday to discuss a "
    "ceasefire. \"The talks were constructive and frank,\" a ministry spokesman said. "
    "Local sources said an air strike hit a residential building in the city, killing "
    "three people and injuring at least ten others, according to the state news agency."
)

BODY_LIMIT = 4 * 1024 * 1024
# The output bound of tests/output_bound.rs: answer bytes per text byte, plus a constant.
OUT_PER_IN_BYTE = 64
OUT_CONSTANT = 4096
# What an HTTP/2 client with prior knowledge sends first, and an empty SETTINGS frame.
H2_PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
H2_SETTINGS = bytes([0, 0, 0, 4, 0, 0, 0, 0, 0])
# How long a stalled client waits for the server to answer or hang up (the server's own
# request timeout is 30 s).
STALL_WAIT = 40.0


# ----------------------------------------------------------------------------------------
# HTTP helpers


class Conn:
    """A keep-alive connection per worker, reopened after any error."""

    def __init__(self, host: str, port: int, timeout: float):
        self.host, self.port, self.timeout = host, port, timeout
        self.c: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        """Returns (status, headers, body bytes) or raises OSError/HTTPException."""
        for attempt in (0, 1):
            if self.c is None:
                self.c = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            try:
                self.c.request(method, path, body=body, headers=headers or {})
                r = self.c.getresponse()
                data = r.read()
                if r.getheader("connection", "").lower() == "close":
                    self.close()
                return r.status, r.headers, data
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as e:
                # a keep-alive connection the server had closed: retry once on a fresh one
                self.close()
                if attempt == 1:
                    raise e
            except Exception:
                self.close()
                raise
        raise RuntimeError("unreachable")

    def close(self):
        if self.c is not None:
            try:
                self.c.close()
            except Exception:
                pass
            self.c = None


def raw_exchange(host: str, port: int, chunks, timeout: float = 30.0, delay: float = 0.0):
    """Sends raw byte chunks (optionally with a delay between them) and reads the status
    line. Returns an int status or 'conn:<reason>'."""
    s = socket.create_connection((host, port), timeout=timeout)
    try:
        send_error = None
        for ch in chunks:
            try:
                s.sendall(ch)
            except OSError as e:  # the server may answer and close before reading it all
                send_error = e
                break
            if delay:
                time.sleep(delay)
        try:
            data = b""
            while b"\r\n" not in data:
                got = s.recv(4096)
                if not got:
                    break
                data += got
        except OSError as e:
            return f"conn:{type(send_error or e).__name__}"
        if data.startswith(b"HTTP/1."):
            try:
                return int(data.split(b" ", 2)[1])
            except (IndexError, ValueError):
                return "conn:garbled"
        return f"conn:{type(send_error).__name__}" if send_error else "conn:closed"
    finally:
        s.close()


# ----------------------------------------------------------------------------------------
# span checking


def span_errors(text: str, unit: str, node, where="") -> list[str]:
    """Every object with text/start/end in the answer must satisfy text[start:end] == text."""
    errs = []
    if isinstance(node, dict):
        if isinstance(node.get("start"), int) and isinstance(node.get("end"), int) and isinstance(node.get("text"), str):
            s, e = node["start"], node["end"]
            if unit == "utf16":
                b = text.encode("utf-16-le")
                got = b[2 * s : 2 * e].decode("utf-16-le", errors="replace") if 0 <= s <= e <= len(b) // 2 else None
            elif unit == "bytes":
                b = text.encode("utf-8")
                got = b[s:e].decode("utf-8", errors="replace") if 0 <= s <= e <= len(b) else None
            else:
                got = text[s:e] if 0 <= s <= e <= len(text) else None
            if got != node["text"]:
                errs.append(f"{where}: [{s}:{e}] {unit} is {got!r:.60} but span says {node['text']!r:.60}")
        for k, v in node.items():
            errs += span_errors(text, unit, v, f"{where}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            errs += span_errors(text, unit, v, f"{where}[{i}]")
    return errs


# ----------------------------------------------------------------------------------------
# the traffic mix


class Soak:
    def __init__(self, args):
        self.args = args
        u = urllib.parse.urlparse(args.base)
        self.host, self.port = u.hostname, u.port or 80
        self.deadline = time.monotonic() + args.seconds
        self.t0 = time.monotonic()
        self.lock = threading.Lock()
        self.statuses: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        self.latency: dict[str, list[float]] = collections.defaultdict(list)
        self.unexpected: collections.Counter = collections.Counter()
        self.unexpected_examples: dict[str, str] = {}
        self.span_errs: list[str] = []
        self.five_xx: list[str] = []
        self.rss: list[tuple[float, int]] = []
        self.died = False
        self.died_at = None
        self.stop = threading.Event()
        self.texts = self.load_texts(args.corpus)
        self.cases = [
            # (name, weight, function)
            ("valid_json", 30, self.valid_json),
            ("valid_text_plain", 5, self.valid_text_plain),
            ("batch_mixed", 5, self.batch_mixed),
            ("batch_ndjson", 4, self.batch_ndjson),
            ("batch_too_many", 2, self.batch_too_many),
            ("batch_max_size", 1, self.batch_max_size),
            ("batch_not_array", 1, self.batch_not_array),
            ("malformed_json", 5, self.malformed_json),
            ("wrong_json_shape", 3, self.wrong_json_shape),
            ("wrong_content_type", 5, self.wrong_content_type),
            ("empty_text", 4, self.empty_text),
            ("bad_options", 3, self.bad_options),
            ("oversized_body", 2, self.oversized_body),
            ("oversized_chunked", 1, self.oversized_chunked),
            ("text_too_long", 1, self.text_too_long),
            ("invalid_utf8", 4, self.invalid_utf8),
            ("random_bytes", 4, self.random_bytes),
            ("weird_unicode", 4, self.weird_unicode),
            ("get_endpoints", 3, self.get_endpoints),
            ("wrong_route_method", 1, self.wrong_route_method),
            ("huge_header", 1, self.huge_header),
            # bounded work, output, memory and connections
            ("repeated_tokens", 1, self.repeated_tokens),
            ("nested_quotes", 1, self.nested_quotes),
            ("tiny_objects_batch", 1, self.tiny_objects_batch),
            ("urllib_over_limit", 1, self.urllib_over_limit),
            ("invented_method", 1, self.invented_method),
            ("no_host", 1, self.no_host),
            ("long_request_id", 1, self.long_request_id),
            ("spoofed_forwarded_for", 1, self.spoofed_forwarded_for),
        ]
        self.weights = [w for _, w, _ in self.cases]

    @staticmethod
    def load_texts(dirs):
        texts = []
        for d in dirs or []:
            if not os.path.isdir(d):
                continue
            for name in sorted(os.listdir(d)):
                p = os.path.join(d, name)
                if name.endswith(".txt") and os.path.getsize(p) < 64 * 1024:
                    with open(p, encoding="utf-8", errors="replace") as fh:
                        texts.append(fh.read())
        if not texts:
            texts = [FALLBACK_AR, FALLBACK_EN, FALLBACK_AR * 3, FALLBACK_EN * 3]
        return texts

    # -- bookkeeping --------------------------------------------------------------------

    def record(self, case: str, status, expected, elapsed: float, detail: str = ""):
        with self.lock:
            self.statuses[case][str(status)] += 1
            self.latency[case].append(elapsed)
            if isinstance(status, int) and status >= 500:
                self.five_xx.append(f"{case}: {status} {detail[:200]}")
            if expected is not None and status not in expected:
                key = f"{case}: {status}"
                self.unexpected[key] += 1
                self.unexpected_examples.setdefault(key, detail[:300])

    def timed(self, conn: Conn, case, expected, method, path, body=None, headers=None, check=None):
        t = time.monotonic()
        try:
            status, hdrs, data = conn.request(method, path, body, headers)
        except (OSError, http.client.HTTPException) as e:
            self.record(case, f"conn:{type(e).__name__}", expected, time.monotonic() - t, str(e))
            return None
        self.record(case, status, expected, time.monotonic() - t, data[:300].decode("utf-8", "replace"))
        if check is not None and status == 200:
            try:
                errs = check(data)
            except Exception as e:  # an answer we cannot even read is a finding too
                errs = [f"{case}: unreadable 200 answer: {type(e).__name__}: {e}"]
            if errs:
                with self.lock:
                    self.span_errs += [f"{case}{x}" for x in errs[:5]]
        return status

    # -- cases ----------------------------------------------------------------------------

    def rand_text(self, rnd):
        return rnd.choice(self.texts)

    def valid_json(self, conn, rnd):
        text = self.rand_text(rnd)
        unit = rnd.choice(["chars", "chars", "utf16", "bytes"])
        req = {"text": text, "offsets": unit, "id": f"soak-{rnd.randrange(1 << 30)}"}
        if rnd.random() < 0.5:
            req["published_at"] = rnd.choice(["2023-11-15", "2024-02-29T10:00:00Z", "2019-06-01T08:30:00+03:00"])
        if rnd.random() < 0.3:
            req["language"] = rnd.choice(["auto", "ar", "en"])
        body = json.dumps(req, ensure_ascii=rnd.random() < 0.5).encode()

        def check(data):
            x = json.loads(data)
            errs = span_errors(text, unit, x)
            if x.get("id") != req["id"]:
                errs.append(f": id not echoed ({x.get('id')!r})")
            return errs

        # a language forced against the text may legitimately find nothing, but never fail
        self.timed(conn, "valid_json", {200}, "POST", "/v1/extract", body, {"Content-Type": "application/json"}, check)

    def valid_text_plain(self, conn, rnd):
        text = self.rand_text(rnd)
        unit = rnd.choice(["chars", "utf16", "bytes"])
        q = urllib.parse.urlencode({"offsets": unit, "published_at": "2023-11-15", "id": "plain"})
        self.timed(conn, "valid_text_plain", {200}, "POST", f"/v1/extract?{q}", text.encode(),
                   {"Content-Type": "text/plain; charset=utf-8"},
                   lambda d: span_errors(text, unit, json.loads(d)))

    def batch_mixed(self, conn, rnd):
        n = rnd.randint(2, 10)
        items = [{"text": self.rand_text(rnd), "id": str(i)} for i in range(n)]
        bad_at = rnd.randrange(n)
        items[bad_at] = rnd.choice([{"text": ""}, {"text": "x", "language": "xx"}, {"nope": 1}, 5, None,
                                    {"text": "ok", "published_at": "not a date"}])
        body = json.dumps(items if rnd.random() < 0.5 else {"items": items}).encode()

        def check(data):
            out = json.loads(data)
            errs = []
            if not isinstance(out, list) or len(out) != n:
                return [f": batch answered {type(out).__name__} of {len(out) if hasattr(out, '__len__') else '?'} for {n} items"]
            for i, (it, slot) in enumerate(zip(items, out)):
                if i == bad_at:
                    if "status" not in slot:
                        errs.append(f"[{i}]: bad item has no problem in its slot: {str(slot)[:100]}")
                else:
                    errs += span_errors(it["text"], "chars", slot, f"[{i}]")
            return errs

        self.timed(conn, "batch_mixed", {200}, "POST", "/v1/extract/batch", body, {"Content-Type": "application/json"}, check)

    def batch_ndjson(self, conn, rnd):
        n = rnd.randint(1, 10)
        items = [{"text": self.rand_text(rnd), "id": str(i)} for i in range(n)]
        body = json.dumps(items).encode()

        def check(data):
            lines = [ln for ln in data.split(b"\n") if ln.strip()]
            if len(lines) != n:
                return [f": {len(lines)} NDJSON lines for {n} items"]
            errs = []
            for ln in lines:
                x = json.loads(ln)
                i = x.get("index")
                if not isinstance(i, int) or not 0 <= i < n:
                    errs.append(f": NDJSON line without a valid index: {ln[:100]!r}")
                    continue
                errs += span_errors(items[i]["text"], "chars", x, f"[{i}]")
            return errs

        self.timed(conn, "batch_ndjson", {200}, "POST", "/v1/extract/batch", body,
                   {"Content-Type": "application/json", "Accept": "application/x-ndjson"}, check)

    def batch_too_many(self, conn, rnd):
        n = rnd.choice([101, 500, 5000])
        body = json.dumps([{"text": "مرحبا"}] * n).encode()
        self.timed(conn, "batch_too_many", {422}, "POST", "/v1/extract/batch", body, {"Content-Type": "application/json"})

    def batch_max_size(self, conn, rnd):
        items = [{"text": self.rand_text(rnd)} for _ in range(100)]
        body = json.dumps(items).encode()
        if len(body) > BODY_LIMIT:
            items = items[:40]
            body = json.dumps(items).encode()
        accept = rnd.choice(["application/json", "application/x-ndjson"])
        self.timed(conn, "batch_max_size", {200}, "POST", "/v1/extract/batch", body,
                   {"Content-Type": "application/json", "Accept": accept})

    def batch_not_array(self, conn, rnd):
        body = rnd.choice([b'{"text": "x"}', b'"items"', b'{"items": 3}', b"null", b"[[[]]]", b"[1,2,3]"])
        self.timed(conn, "batch_not_array", {200, 400, 422}, "POST", "/v1/extract/batch", body,
                   {"Content-Type": "application/json"})

    def malformed_json(self, conn, rnd):
        text = self.rand_text(rnd)
        good = json.dumps({"text": text}, ensure_ascii=False).encode()
        body = rnd.choice([
            good[: rnd.randrange(1, len(good))],                  # truncated
            good + b"}",                                          # trailing garbage
            b'{"text": }', b"{'text': 'x'}", b"[", b"{", b"",
            b'{"text": "a",}', b'{"text": "\\x41"}', b'{"text" "a"}',
            b"[" * 100_000 + b"]" * 100_000,                      # deep nesting
            b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
        ])
        path = rnd.choice(["/v1/extract", "/v1/extract/batch"])
        exp = {400, 422} if body else {400, 415, 422}
        self.timed(conn, "malformed_json", exp, "POST", path, body, {"Content-Type": "application/json"})

    def wrong_json_shape(self, conn, rnd):
        body = rnd.choice([b"[]", b'"text"', b"123", b"null", b'{"text": 5}', b'{"text": null}',
                           b'{"txt": "hello"}', b'{"text": "hello", "unknown": 1}', b'{"text": ["a"]}',
                           b'{"text": "a", "offsets": 7}', b'{"text": "a", "language": {}}'])
        self.timed(conn, "wrong_json_shape", {400, 422}, "POST", "/v1/extract", body, {"Content-Type": "application/json"})

    def wrong_content_type(self, conn, rnd):
        body = json.dumps({"text": self.rand_text(rnd)}).encode()
        ct = rnd.choice(["application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
                         "image/png", "text/html", "application/octet-stream", "application/jsonx", "}{"])
        path = rnd.choice(["/v1/extract", "/v1/extract/batch"])
        self.timed(conn, "wrong_content_type", {415}, "POST", path, body, {"Content-Type": ct})

    def empty_text(self, conn, rnd):
        t = rnd.choice(["", " ", "\n\t  \r\n", "\u00a0\u2003"])
        if rnd.random() < 0.5:
            self.timed(conn, "empty_text", {422}, "POST", "/v1/extract", json.dumps({"text": t}).encode(),
                       {"Content-Type": "application/json"})
        else:
            self.timed(conn, "empty_text", {422}, "POST", "/v1/extract", t.encode(), {"Content-Type": "text/plain"})

    def bad_options(self, conn, rnd):
        text = self.rand_text(rnd)
        which = rnd.randrange(6)
        if which == 0:
            body, ct, path = {"text": text, "language": rnd.choice(["fr", "xx", "arabic!", "e n"])}, "json", "/v1/extract"
        elif which == 1:
            body, ct, path = {"text": text, "published_at": rnd.choice(["yesterday", "2023-13-45", "15/11/2023", "٢٠٢٣"])}, "json", "/v1/extract"
        elif which == 2:
            body, ct, path = {"text": text, "offsets": rnd.choice(["lines", "CHARS", ""])}, "json", "/v1/extract"
        elif which == 3:
            body, ct, path = text, "plain", "/v1/extract?language=zz"
        elif which == 4:
            body, ct, path = text, "plain", "/v1/extract?offsets=words"
        else:
            body, ct, path = text, "plain", "/v1/extract?published_at=never&language=ar"
        if ct == "json":
            data, hdr = json.dumps(body).encode(), {"Content-Type": "application/json"}
        else:
            data, hdr = body.encode(), {"Content-Type": "text/plain"}
        self.timed(conn, "bad_options", {400, 422}, "POST", path, data, hdr)

    def oversized_body(self, conn, rnd):
        size = BODY_LIMIT + rnd.choice([1, 1024, 3 * 1024 * 1024])
        filler = ("ا" * (size // 2 + 8)).encode()
        body = b'{"text": "' + filler[: size] + b'"}'
        path = rnd.choice(["/v1/extract", "/v1/extract/batch"])
        head = (f"POST {path} HTTP/1.1\r\nHost: soak\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode()
        t = time.monotonic()
        try:
            st = raw_exchange(self.host, self.port, [head] + [body[i : i + 65536] for i in range(0, len(body), 65536)])
        except OSError as e:
            st = f"conn:{type(e).__name__}"
        self.record("oversized_body", st, {413}, time.monotonic() - t)

    def oversized_chunked(self, conn, rnd):
        head = (b"POST /v1/extract HTTP/1.1\r\nHost: soak\r\nContent-Type: text/plain\r\n"
                b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
        piece = ("ب" * 32768).encode()  # 64 KiB
        chunk = f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
        chunks = [head] + [chunk] * (BODY_LIMIT // len(piece) + 8) + [b"0\r\n\r\n"]
        t = time.monotonic()
        try:
            st = raw_exchange(self.host, self.port, chunks)
        except OSError as e:
            st = f"conn:{type(e).__name__}"
        self.record("oversized_chunked", st, {413}, time.monotonic() - t)

    def text_too_long(self, conn, rnd):
        text = ("حدث " * 60_000)[:200_001 + rnd.randrange(1000)]  # over max_text_chars, under 4 MiB
        self.timed(conn, "text_too_long", {413, 422}, "POST", "/v1/extract", json.dumps({"text": text}).encode(),
                   {"Content-Type": "application/json"})

    def invalid_utf8(self, conn, rnd):
        bad = rnd.choice([b"\xff\xfe", b"\xc3\x28", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\x80", b"\xe2\x82"])
        text = self.rand_text(rnd).encode()
        cut = rnd.randrange(len(text) + 1)
        raw = text[:cut] + bad + text[cut:]
        if rnd.random() < 0.5:
            body = b'{"text": "' + raw.replace(b"\\", b"\\\\").replace(b'"', b'\\"').replace(b"\n", b"\\n") + b'"}'
            self.timed(conn, "invalid_utf8", {400}, "POST", "/v1/extract", body, {"Content-Type": "application/json"})
        else:
            self.timed(conn, "invalid_utf8", {400}, "POST", "/v1/extract", raw, {"Content-Type": "text/plain"})

    def random_bytes(self, conn, rnd):
        body = os.urandom(rnd.choice([1, 7, 100, 4096, 100_000]))
        ct = rnd.choice(["application/json", "text/plain", "application/x-ndjson"])
        path = rnd.choice(["/v1/extract", "/v1/extract/batch"])
        self.timed(conn, "random_bytes", {400, 415, 422, 200}, "POST", path, body, {"Content-Type": ct})

    def weird_unicode(self, conn, rnd):
        base = self.rand_text(rnd)
        text = rnd.choice([
            "\u0000" + base + "\u0000",
            "\ufeff" + base,
            "\u200f\u202e" + base + "\u202c",
            "\u0651" * 500 + base,                               # stray combining marks
            base.replace(" ", "\u200d"),                         # zero-width joiners for spaces
            "👍🏽" * 200 + base + "👨‍👩‍👧" * 100,
            "«" * 300 + base + "\"" * 301,                          # unbalanced quotes
            "قال " * 2000,                                       # cue verbs without content
            "ا" * 50_000,                                        # one huge token
            "\n" * 20_000 + base,
            "١٢٣٤٥٦٧٨٩٠ " * 500,
            "".join(chr(rnd.randrange(0x20, 0x2FFF)) for _ in range(3000)),
            base[::-1],
        ])
        unit = rnd.choice(["chars", "utf16", "bytes"])
        body = json.dumps({"text": text, "offsets": unit}).encode()
        self.timed(conn, "weird_unicode", {200, 422}, "POST", "/v1/extract", body, {"Content-Type": "application/json"},
                   lambda d: span_errors(text, unit, json.loads(d)))

    def get_endpoints(self, conn, rnd):
        path = rnd.choice(["/healthz", "/readyz", "/metrics", "/v1/info", "/openapi.json", "/"])
        self.timed(conn, "get_endpoints", {200}, "GET", path)

    def wrong_route_method(self, conn, rnd):
        method, path, exp = rnd.choice([("GET", "/v1/extract", {405}), ("DELETE", "/v1/extract/batch", {405}),
                                        ("GET", "/nope", {404}), ("POST", "/healthz", {405}),
                                        ("GET", "/v1/extract/../../etc/passwd", {400, 404}),
                                        ("PUT", "/metrics", {405})])
        self.timed(conn, "wrong_route_method", exp, method, path, b"" if method != "GET" else None)

    def huge_header(self, conn, rnd):
        n = rnd.choice([16 * 1024, 128 * 1024, 1024 * 1024])
        head = (f"GET /healthz HTTP/1.1\r\nHost: soak\r\nX-Pad: {'a' * n}\r\nConnection: close\r\n\r\n").encode()
        t = time.monotonic()
        try:
            st = raw_exchange(self.host, self.port, [head])
        except OSError as e:
            st = f"conn:{type(e).__name__}"
        # over the 64 KB cap, however far, a readable 431 (the head is sent whole first)
        self.record("huge_header", st, {200} if n < 64 * 1024 else {431}, time.monotonic() - t)

    def repeated_tokens(self, conn, rnd):
        # work that grew faster than the text: finished, or stopped at the deadline (408);
        # output that grew faster than it: over OUT_PER_IN_BYTE x the text + OUT_CONSTANT
        # (tests/output_bound.rs) is reported as 200-over-bound
        text = rnd.choice(["قتل 5 " * 800, "killed 5 " * 800, "اجتماع " * 3000, "وأضاف أن " * 2000, "met " * 5000])
        body = json.dumps({"text": text}, ensure_ascii=False).encode()
        t = time.monotonic()
        try:
            status, _, data = conn.request("POST", "/v1/extract", body, {"Content-Type": "application/json"})
        except (OSError, http.client.HTTPException) as e:
            self.record("repeated_tokens", f"conn:{type(e).__name__}", {200, 408}, time.monotonic() - t, str(e))
            return
        if status == 200 and len(data) > OUT_PER_IN_BYTE * len(text.encode()) + OUT_CONSTANT:
            status = "200-over-bound"
        self.record("repeated_tokens", status, {200, 408}, time.monotonic() - t, f"{len(data)} bytes for {len(body)}")

    def nested_quotes(self, conn, rnd):
        # output that grew faster than the text: capped (truncated) and, once quotes no
        # longer nest, small; an answer over 20x its input is a warning
        text = 'said "' * rnd.choice([500, 2000, 4000])
        body = json.dumps({"text": text}).encode()
        t = time.monotonic()
        try:
            status, _, data = conn.request("POST", "/v1/extract", body, {"Content-Type": "application/json"})
        except (OSError, http.client.HTTPException) as e:
            self.record("nested_quotes", f"conn:{type(e).__name__}", {200}, time.monotonic() - t, str(e))
            return
        if status == 200 and len(data) > 20 * len(body):
            status = f"200-over-20x"
        self.record("nested_quotes", status, {200}, time.monotonic() - t, f"{len(data)} bytes for {len(body)}")

    def tiny_objects_batch(self, conn, rnd):
        # ~4 MB of {"a":1}: refused (422) without building half a million values
        body = b"[" + b",".join([b'{"a":1}'] * 500_000) + b"]"
        self.timed(conn, "tiny_objects_batch", {422}, "POST", "/v1/extract/batch", body, {"Content-Type": "application/json"})

    def urllib_over_limit(self, conn, rnd):
        # a client that sends its whole body before reading must still read the 413
        import urllib.request, urllib.error
        body = b'{"text": "' + b"a" * (BODY_LIMIT + 300_000) + b'"}'
        req = urllib.request.Request(f"http://{self.host}:{self.port}/v1/extract", data=body,
                                     headers={"Content-Type": "application/json"}, method="POST")
        t = time.monotonic()
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                st = r.status
        except urllib.error.HTTPError as e:
            st = e.code
        except (OSError, urllib.error.URLError) as e:
            st = f"conn:{type(getattr(e, 'reason', e)).__name__}"
        self.record("urllib_over_limit", st, {413}, time.monotonic() - t)

    def invented_method(self, conn, rnd):
        method = "X" + "".join(rnd.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(8))
        self.timed(conn, "invented_method", {400, 404, 405}, method, rnd.choice(["/v1/extract", "/nope", "/healthz"]))

    def no_host(self, conn, rnd):
        t = time.monotonic()
        try:
            st = raw_exchange(self.host, self.port, [b"GET /healthz HTTP/1.1\r\n\r\n"])
        except OSError as e:
            st = f"conn:{type(e).__name__}"
        self.record("no_host", st, {400}, time.monotonic() - t)

    def long_request_id(self, conn, rnd):
        rid = "r" * rnd.choice([129, 4096, 60_000])
        t = time.monotonic()
        try:
            status, hdrs, _ = conn.request("GET", "/healthz", None, {"X-Request-Id": rid})
            if status == 200 and len(hdrs.get("x-request-id", "")) > 128:
                status = "200-id-kept"
        except (OSError, http.client.HTTPException) as e:
            status = f"conn:{type(e).__name__}"
        self.record("long_request_id", status, {200}, time.monotonic() - t)

    def spoofed_forwarded_for(self, conn, rnd):
        # soak.sh starts the server trusting X-Forwarded-For with a rate limit no one reaches:
        # each spoofed address is a new limiter key, whose state must stay bounded
        xff = ", ".join(f"10.{rnd.randrange(256)}.{rnd.randrange(256)}.{rnd.randrange(256)}" for _ in range(rnd.choice([1, 50, 2000])))
        body = json.dumps({"text": self.rand_text(rnd)}).encode()
        self.timed(conn, "spoofed_forwarded_for", {200, 431}, "POST", "/v1/extract", body,
                   {"Content-Type": "application/json", "X-Forwarded-For": xff})

    # -- slow / stalled clients -----------------------------------------------------------

    def slow_client(self, idx: int):
        rnd = random.Random(self.args.seed * 1000 + idx + 7)
        while not self.stop.is_set() and time.monotonic() < self.deadline - 2:
            kind = rnd.choice(["drip_headers", "drip_body", "stall_headers", "stall_body", "silent", "silent_h2", "partial_preface"])
            text = FALLBACK_AR if rnd.random() < 0.5 else FALLBACK_EN
            body = json.dumps({"text": text}).encode()
            head = (f"POST /v1/extract HTTP/1.1\r\nHost: soak\r\nContent-Type: application/json\r\n"
                    f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode()
            budget = max(1.0, min(self.args.stall_seconds, self.deadline - time.monotonic()))
            t = time.monotonic()
            s = None
            try:
                s = socket.create_connection((self.host, self.port), timeout=5)
                if kind == "drip_headers":
                    # the whole request, headers one byte at a time (~25 ms apart), then the body
                    for b in head:
                        if self.stop.is_set() or time.monotonic() - t > budget:
                            break
                        s.sendall(bytes([b]))
                        time.sleep(0.025)
                    else:
                        s.sendall(body)
                elif kind == "drip_body":
                    s.sendall(head)
                    for i in range(0, len(body), 16):
                        if self.stop.is_set() or time.monotonic() - t > budget:
                            break
                        s.sendall(body[i : i + 16])
                        time.sleep(0.1)
                elif kind == "silent":
                    pass  # connects and sends nothing: closed after the idle timeout
                elif kind == "silent_h2":
                    # HTTP/2, then silence: no request, no SETTINGS ACK, no ping answered; closed
                    # after a GOAWAY (idle) or an unanswered ping, well within STALL_WAIT
                    s.sendall(H2_PREFACE + H2_SETTINGS)
                elif kind == "partial_preface":
                    s.sendall(H2_PREFACE[: rnd.randrange(1, len(H2_PREFACE))])
                elif kind == "stall_headers":
                    s.sendall(head[: rnd.randrange(5, len(head) - 4)])
                else:  # stall_body
                    s.sendall(head + body[: len(body) // 2])
                # Wait for an answer (or the server closing on us): up to STALL_WAIT seconds
                # after the last byte, which is longer than the server's 30 s request timeout,
                # but never more than a few seconds past the end of the soak.
                s.settimeout(0.5)
                sent_at = time.monotonic()
                wait_until = min(sent_at + STALL_WAIT, max(self.deadline + 5, sent_at + 1))
                status = None
                data = b""
                closed = False
                while time.monotonic() < wait_until and not self.stop.is_set():
                    try:
                        got = s.recv(4096)
                    except socket.timeout:
                        continue
                    if not got:
                        closed = True
                        break
                    data += got
                    # HTTP/2 frames are read until the server closes
                    if b"\r\n" in data and not kind.endswith("_h2"):
                        break
                if data.startswith(b"HTTP/1."):
                    try:
                        status = int(data.split(b" ", 2)[1])
                    except (IndexError, ValueError):
                        status = "conn:garbled"
                elif closed:
                    status = "closed-by-server"
                elif time.monotonic() - sent_at >= STALL_WAIT - 1:
                    status = "still-open"   # unanswered well past the request timeout
                else:
                    status = "cut-short"    # the soak ended first: no verdict
            except OSError as e:
                status = f"conn:{type(e).__name__}"
            finally:
                if s is not None:
                    s.close()
            # A drip may outlast a header timeout; "still-open" is reported as a warning below.
            if kind in ("silent", "silent_h2", "partial_preface"):
                exp = {"closed-by-server", "cut-short"}
            elif kind.startswith("drip"):
                exp = {200, 408, "closed-by-server", "still-open", "cut-short"}
            else:
                exp = {400, 408, "closed-by-server", "still-open", "cut-short"}
            self.record(f"slow_{kind}", status, exp, time.monotonic() - t)

    # -- monitor and workers --------------------------------------------------------------

    def monitor(self):
        path = f"/proc/{self.args.pid}/status"
        while not self.stop.is_set():
            try:
                with open(path) as fh:
                    st = fh.read()
                if "\nState:\tZ" in st:
                    raise FileNotFoundError("zombie")
                rss = int(next(ln.split()[1] for ln in st.splitlines() if ln.startswith("VmRSS:")))
                with self.lock:
                    self.rss.append((time.monotonic() - self.t0, rss))
            except (FileNotFoundError, ProcessLookupError, StopIteration):
                self.died = True
                self.died_at = time.monotonic() - self.t0
                self.stop.set()
                return
            self.stop.wait(1.0)

    def worker(self, idx: int):
        rnd = random.Random(self.args.seed * 1000 + idx)
        conn = Conn(self.host, self.port, timeout=120)
        while not self.stop.is_set() and time.monotonic() < self.deadline:
            name, _, fn = rnd.choices(self.cases, weights=self.weights)[0]
            try:
                fn(conn, rnd)
            except Exception as e:  # a bug in this tool must not end the soak silently
                self.record(name, f"client-error:{type(e).__name__}", None, 0.0, str(e))
        conn.close()

    def run(self):
        threads = [threading.Thread(target=self.monitor, daemon=True)]
        threads += [threading.Thread(target=self.worker, args=(i,), daemon=True) for i in range(self.args.workers)]
        threads += [threading.Thread(target=self.slow_client, args=(i,), daemon=True) for i in range(self.args.slow_clients)]
        for th in threads:
            th.start()
        last_report = time.monotonic()
        while any(th.is_alive() for th in threads[1:]):
            time.sleep(0.5)
            if time.monotonic() - last_report >= 30 and not self.args.quiet:
                last_report = time.monotonic()
                with self.lock:
                    n = sum(sum(c.values()) for c in self.statuses.values())
                    rss = self.rss[-1][1] if self.rss else 0
                print(f"  t={time.monotonic() - self.t0:5.0f}s requests={n} rss={rss / 1024:.1f} MiB 5xx={len(self.five_xx)}",
                      flush=True)
            if time.monotonic() > self.deadline + 180:
                break  # never hang on a stuck thread
        self.stop.set()

    # -- summary ----------------------------------------------------------------------------

    def summary(self) -> int:
        a = self.args
        elapsed = time.monotonic() - self.t0
        total = sum(sum(c.values()) for c in self.statuses.values())
        overall = collections.Counter()
        for c in self.statuses.values():
            overall.update(c)
        print()
        print(f"hadath soak: {elapsed:.0f} s, {total} requests ({total / max(elapsed, 1e-9):.1f}/s), "
              f"{a.workers} workers + {a.slow_clients} slow clients, seed {a.seed}")
        print(f"{'case':<22} {'n':>6} {'p50 ms':>9} {'p99 ms':>9}  statuses")
        for name in sorted(self.statuses):
            c = self.statuses[name]
            lat = sorted(self.latency[name])
            p50 = lat[len(lat) // 2] * 1000 if lat else 0
            p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1000 if lat else 0
            st = ", ".join(f"{k}: {v}" for k, v in sorted(c.items()))
            print(f"{name:<22} {sum(c.values()):>6} {p50:>9.1f} {p99:>9.1f}  {st}")
        print("all statuses: " + ", ".join(f"{k}: {v}" for k, v in sorted(overall.items())))

        failures, warnings = [], []
        # RSS: median of the first and of the last window (a minute, or half of a short soak)
        growth = None
        if self.rss:
            span = min(elapsed, a.seconds)
            win = min(60.0, max(span / 2, 1.0))
            rss = [(t, r) for t, r in self.rss if t <= span]
            first = [r for t, r in rss if t < win]
            last = [r for t, r in rss if t >= span - win]
            f_med, l_med = statistics.median(first), statistics.median(last)
            growth = (l_med - f_med) / f_med if f_med else 0.0
            peak = max(r for _, r in rss)
            print(f"RSS: first {win:.0f} s median {f_med / 1024:.1f} MiB, last {win:.0f} s median {l_med / 1024:.1f} MiB "
                  f"({growth * 100:+.1f}%), peak sampled {peak / 1024:.1f} MiB, {len(rss)} samples")
            if growth > a.rss_growth:
                failures.append(f"RSS grew {growth * 100:.1f}% (> {a.rss_growth * 100:.0f}%) between the first and last window")
        if self.died:
            failures.append(f"the server process {a.pid} died at t={self.died_at:.0f}s")
        if self.five_xx:
            failures.append(f"{len(self.five_xx)} answers were 5xx, e.g. " + " | ".join(self.five_xx[:5]))
        for key, n in sorted(self.unexpected.items()):
            warnings.append(f"unexpected status {key} x{n}: {self.unexpected_examples.get(key, '')!r:.200}")
        if self.span_errs:
            warnings.append(f"{len(self.span_errs)} span mismatches, e.g. " + " | ".join(self.span_errs[:5]))
        stuck = sum(c.get("still-open", 0) for n, c in self.statuses.items() if n.startswith("slow_"))
        if stuck:
            warnings.append(f"{stuck} slow/stalled connections were still open and unanswered {STALL_WAIT:.0f} s after "
                            "their last byte (no header/body read timeout: a slowloris risk)")
        for w in warnings:
            print("WARNING:", w)
        for f in failures:
            print("FAIL:", f)
        if a.json_out:
            with open(a.json_out, "w") as fh:
                json.dump({"statuses": {k: dict(v) for k, v in self.statuses.items()}, "rss": self.rss,
                           "rss_growth": growth, "failures": failures, "warnings": warnings}, fh, indent=1)
        if failures or (a.strict and warnings):
            print("SOAK FAILED")
            return 1
        print("SOAK PASSED" + (f" with {len(warnings)} warnings" if warnings else ""))
        return 0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--base", required=True, help="e.g. http://127.0.0.1:8080 (loopback only)")
    p.add_argument("--pid", type=int, required=True, help="server process id, for RSS and liveness")
    p.add_argument("--seconds", type=float, default=600)
    p.add_argument("--corpus", action="append", default=[], help="folder of .txt articles (repeatable)")
    p.add_argument("--workers", type=int, default=4)
    p.add_argument("--slow-clients", type=int, default=3)
    p.add_argument("--stall-seconds", type=float, default=40, help="longest a slow client keeps dripping bytes")
    p.add_argument("--rss-growth", type=float, default=0.30)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--json-out", help="write the raw results here")
    p.add_argument("--strict", action="store_true", help="warnings fail the soak too")
    p.add_argument("--quiet", action="store_true")
    a = p.parse_args()
    host = urllib.parse.urlparse(a.base).hostname or ""
    if not (host.startswith("127.") or host in ("localhost", "::1")):
        p.error("only loopback servers may be soaked from here")
    soak = Soak(a)
    soak.run()
    sys.exit(soak.summary())


if __name__ == "__main__":
    main()
