"""Follows an inbox's cursors page after page over one keep-alive connection (bench/inbox.sh): prints the cursor of the
page asked for (after following every one before it) and the time of each page, as `page ms` lines on stderr."""
import http.client
import json
import sys
import time
import urllib.parse

port, key, pages, limit = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
connection = http.client.HTTPConnection("127.0.0.1", port)
cursor = None
for page in range(1, pages):
    query = {"limit": limit}
    if cursor:
        query["cursor"] = cursor
    started = time.perf_counter()
    connection.request("GET", "/api/v1/inbox?" + urllib.parse.urlencode(query), headers={"X-Api-Key": key})
    response = connection.getresponse()
    body = response.read()
    elapsed = (time.perf_counter() - started) * 1000
    if response.status != 200:
        sys.exit(f"page {page}: HTTP {response.status} {body[:200]!r}")
    cursor = json.loads(body).get("nextCursor")
    if page in (1, 10, 100, 1000) or page % 2500 == 0:
        print(f"page {page} {elapsed:.1f}", file=sys.stderr)
    if not cursor:
        sys.exit(f"the inbox has only {page} pages of {limit}")
print(cursor)
