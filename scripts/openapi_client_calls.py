#!/usr/bin/env python3
"""One call of each operation of hadath's API through the Python client that
openapi-python-client generated from /openapi.json (imported as `client`). Run by
scripts/openapi_client_check.sh with the client's folder on PYTHONPATH:

    openapi_client_calls.py BASE_URL API_KEY

Fails (non-zero exit) when a call answers other than the document says, or when the
client cannot parse an answer into the document's types (an enum value it does not list,
a missing required field).
"""
import sys

from client import AuthenticatedClient, Client
from client.api.extract import extract, extract_batch
from client.api.operations import healthz, info, metrics, openapi, problem_type, readyz
from client.models import Answer, EventModality, ExtractRequest, Info, Problem


def check(what, cond):
    if not cond:
        sys.exit(f"FAIL: {what}")
    print(f"ok: {what}")


def main():
    base, key = sys.argv[1], sys.argv[2]
    c = AuthenticatedClient(base_url=base, token=key, raise_on_unexpected_status=True)
    anon = Client(base_url=base, raise_on_unexpected_status=True)
    text = "قال المسؤول الأمريكي إن الغارة على البوكمال أسفرت عن مقتل سبعة أشخاص."

    r = extract.sync_detailed(client=c, body=ExtractRequest(text=text, published_at="2023-11-15", id="a1"))
    x = r.parsed
    check("POST /v1/extract answers an Answer", r.status_code == 200 and isinstance(x, Answer))
    check("its events parse with enum modalities", x.events and all(isinstance(e.modality, EventModality) for e in x.events))
    check("it carries the schema version", isinstance(x.schema_version, str) and x.schema_version)

    r = extract.sync_detailed(client=anon, body=ExtractRequest(text=text))
    check("without a key: 401 as a Problem", r.status_code == 401 and isinstance(r.parsed, Problem) and r.parsed.instance)

    r = extract.sync_detailed(client=c, body=ExtractRequest(text=""))
    check("an empty text: 422 as a Problem", r.status_code == 422 and isinstance(r.parsed, Problem))

    items = [ExtractRequest(text=text, id="b1"), ExtractRequest(text="", id="b2"), ExtractRequest(text="Talks resumed in Geneva.", id="b3")]
    r = extract_batch.sync_detailed(client=c, body=items)
    slots = r.parsed
    check("POST /v1/extract/batch: one slot per item, in order", r.status_code == 200 and len(slots) == 3)
    check("the bad item is a Problem with its index and id", isinstance(slots[1], Problem) and slots[1].index == 1 and slots[1].id == "b2")
    check("the good items are Answers", isinstance(slots[0], Answer) and isinstance(slots[2], Answer) and slots[2].id == "b3")

    r = info.sync_detailed(client=c)
    check("GET /v1/info answers Info", r.status_code == 200 and isinstance(r.parsed, Info) and r.parsed.schema_version == x.schema_version)
    check("GET /healthz", healthz.sync_detailed(client=anon).status_code == 200)
    check("GET /readyz", readyz.sync_detailed(client=anon).status_code == 200)
    r = metrics.sync_detailed(client=anon)
    check("GET /metrics", r.status_code == 200 and b"hadath_build_info" in r.content)
    check("GET /openapi.json", openapi.sync_detailed(client=anon).status_code == 200)
    r = problem_type.sync_detailed("empty-text", client=anon)
    check("GET /problems/{slug}", r.status_code == 200 and b"422" in r.content)


if __name__ == "__main__":
    main()
