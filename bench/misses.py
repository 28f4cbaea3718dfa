"""Cache-miss latencies: the first request of many distinct pages on a running Byline.

  python3 bench/misses.py BASE           prints a Markdown table (p50, p90, max per page type)
  python3 bench/misses.py BASE --warm    requests other pages first, so the JIT has compiled the render path

Measured pages and warm-up pages do not overlap: warm-up uses home pages 40 and up and what they list; the
measurement uses home pages 2 to 30, the articles listed on pages 2 to 7, section archive pages 2 to 9, and the
tag and author archives those articles link to. One keep-alive connection, standard library only; each time is
taken around one request, so it includes a little client overhead (about 0.1 ms).
"""
import http.client
import re
import sys
import time
from urllib.parse import urlparse

base = urlparse(sys.argv[1])
conn = http.client.HTTPConnection(base.hostname, base.port, timeout=60)


def get(path):
    started = time.perf_counter()
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read().decode("utf-8")
    return (time.perf_counter() - started) * 1000, response.status, body


def links(html, kind):
    return sorted(set(re.findall(r'href="(/%s/[^"/]+/)"' % kind, html)))


def teasers(html):
    return re.findall(r'class="(?:teaser|lead)-title"><a href="([^"]+)"', html)


if "--warm" in sys.argv:
    for page in range(40, 100):
        _, status, html = get(f"/?page={page}")
        if status != 200:
            break
        for article in teasers(html):
            get(article)
    for section in links(get("/")[2], "section"):
        for page in range(10, 16):
            get(f"{section}?page={page}")
    sys.exit(0)

home = get("/")[2]
sections = links(home, "section")
articles = []
for page in range(2, 8):
    articles += teasers(get(f"/?page={page}")[2])


def measure(paths, found=None):
    times = []
    for path in paths:
        elapsed, status, html = get(path)
        if status == 200:
            times.append(elapsed)
            if found is not None:
                found.append(html)
    return times


pages_seen = []
groups = {"article page": measure(articles[:40], pages_seen)}
seen = "".join(pages_seen)
groups["section archive, pages 2-9"] = measure([f"{s}?page={p}" for s in sections for p in range(2, 10)][:40])
groups["tag archive, page 1"] = measure(links(seen, "tag")[:40])
groups["author archive, page 1"] = measure([a for a in links(seen, "author")][:40])
groups["home, pages 8-30"] = measure([f"/?page={p}" for p in range(8, 31)])

print("| page type (cache miss) | requests | p50 | p90 | max |")
print("| --- | ---: | ---: | ---: | ---: |")
for name, times in groups.items():
    if not times:
        continue
    times.sort()
    pick = lambda q: times[min(len(times) - 1, int(q * len(times)))]
    print(f"| {name} | {len(times)} | {pick(0.5):.2f} ms | {pick(0.9):.2f} ms | {times[-1]:.2f} ms |")
