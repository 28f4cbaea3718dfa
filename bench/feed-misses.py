"""Render times of one feed or sitemap, each request rendered for itself (a miss): it carries the bypass cookie
(byline_held), which makes Byline render the answer for that request alone, neither from nor into the cache.

  python3 bench/feed-misses.py BASE PATH [N]     prints "p50 p99" in ms over N requests (default 200)

One keep-alive connection, standard library only; the first 20 requests warm the JIT and are not counted.
"""
import http.client
import sys
import time
from urllib.parse import urlparse

base = urlparse(sys.argv[1])
path = sys.argv[2]
count = int(sys.argv[3]) if len(sys.argv) > 3 else 200
conn = http.client.HTTPConnection(base.hostname, base.port, timeout=120)
times = []
for i in range(count + 20):
    started = time.perf_counter()
    conn.request("GET", path, headers={"Cookie": "byline_held=bench"})
    response = conn.getresponse()
    response.read()
    if response.status != 200:
        sys.exit(f"{path} answered {response.status}")
    if i >= 20:
        times.append((time.perf_counter() - started) * 1000)
times.sort()
print(f"{times[len(times) // 2]:.1f}ms {times[min(len(times) - 1, int(len(times) * 0.99))]:.1f}ms")
