"""Asks page 1 and a deep page of an inbox alternately over one keep-alive connection (bench/inbox.sh), so that the
shared machine's load falls on both alike: prints each one's median and 90th percentile in ms."""
import http.client
import sys
import time
import urllib.parse

port, key, limit, deep, rounds = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
connection = http.client.HTTPConnection("127.0.0.1", port)
paths = {"first": f"/api/v1/inbox?limit={limit}",
         "deep": f"/api/v1/inbox?limit={limit}&cursor={urllib.parse.quote(deep)}"}
times = {"first": [], "deep": []}
for _ in range(rounds):
    for name, path in paths.items():
        started = time.perf_counter()
        connection.request("GET", path, headers={"X-Api-Key": key})
        response = connection.getresponse()
        response.read()
        times[name].append((time.perf_counter() - started) * 1000)
        if response.status != 200:
            sys.exit(f"{name}: HTTP {response.status}")
for name in paths:
    ordered = sorted(times[name])
    print(f"{name} {ordered[len(ordered) // 2]:.2f} {ordered[int(len(ordered) * 0.9)]:.2f}")
