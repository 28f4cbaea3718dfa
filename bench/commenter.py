#!/usr/bin/env python3
"""Readers commenting on one article at a steady rate, through the real form (for bench/comment-load).

    commenter.py BASE PATH --rate 10 --seconds 10 [--open 3.2] [--tag run1]

Each comment is what a reader's browser sends: the script's fresh token from GET /comments/token?article=ID
(dated now), then, --open seconds later (past the minimum time the spam defence asks for), the form POSTed to
/comments with the honeypot empty. Every comment comes from its own reader: its own name and email and its own
address in X-Forwarded-For (Byline is started with BYLINE_TRUSTED_PROXIES=127.0.0.1), so the flood rule and the
token bucket, left at their defaults, refuse none of them. Token fetches run --open seconds ahead of the posts, so
the posts themselves keep to --rate a second for --seconds.

Prints one line: comments posted, how many were held and how many approved (a held one answers with the
byline_held cookie), anything else refused, and the POST's p50 / p99 as the client saw it. Standard library only.
"""
import argparse
import http.client
import re
import sys
import time
from urllib.parse import urlencode, urlparse


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))] if ordered else 0.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("path")
    parser.add_argument("--rate", type=float, default=10)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--open", type=float, default=3.2, help="seconds between a form's token and its post")
    parser.add_argument("--tag", default=str(int(time.time())))
    parser.add_argument("--first", type=int, default=0, help="the first reader's number (their address and email)")
    args = parser.parse_args()
    url = urlparse(args.base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)

    def request(method, path, body=None, headers=None):
        nonlocal conn
        sent = {"User-Agent": "Mozilla/5.0 (byline-bench commenter)", "Accept": "text/html"}
        sent.update(headers or {})
        for attempt in (1, 2):
            try:
                started = time.perf_counter()
                conn.request(method, path, body=body, headers=sent)
                response = conn.getresponse()
                data = response.read()
                return (time.perf_counter() - started) * 1000, response, data
            except (http.client.HTTPException, ConnectionError):
                conn.close()
                conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
                if attempt == 2:
                    raise

    _, response, page = request("GET", args.path)
    found = re.search(rb'name="comment_post_ID" value="(\d+)"', page)
    if response.status != 200 or not found:
        sys.exit(f"commenter: {args.path} answered {response.status} without a comment form")
    article = found.group(1).decode()

    count = int(args.rate * args.seconds)
    tokens = {}
    posts, held, approved, refused = [], 0, 0, {}
    start = time.perf_counter() + 0.05
    # two merged streams: token i at start + i/rate, post i at start + open + i/rate
    next_token, next_post = 0, 0
    while next_post < count:
        token_due = start + next_token / args.rate if next_token < count else float("inf")
        post_due = start + args.open + next_post / args.rate
        due = min(token_due, post_due)
        wait = due - time.perf_counter()
        if wait > 0:
            time.sleep(wait)
        if token_due <= post_due:
            _, response, data = request("GET", f"/comments/token?article={article}")
            if response.status != 200:
                sys.exit(f"commenter: /comments/token answered {response.status}")
            tokens[next_token] = data.decode().strip()
            next_token += 1
            continue
        i = next_post
        n = args.first + i
        form = [("comment", f"Reader {args.tag}-{i} writes: the talks matter less than who is left out of them."),
                ("author", f"Reader {args.tag}-{i}"), ("email", f"reader-{n}@example.org"),
                ("url", ""), ("comment_post_ID", article), ("comment_parent", "0"),
                ("form_token", tokens.pop(i)), ("homepage", "")]
        address = f"10.{n // 64516 % 254 + 1}.{n // 254 % 254 + 1}.{n % 254 + 1}"
        elapsed, response, data = request("POST", "/comments", urlencode(form), {
            "Content-Type": "application/x-www-form-urlencoded", "Origin": args.base.rstrip("/"),
            "X-Forwarded-For": address})
        posts.append(elapsed)
        cookies = " ".join(v for k, v in response.getheaders() if k.lower() == "set-cookie")
        if response.status == 303 and "#comment-" in (response.getheader("Location") or ""):
            if "byline_held=" in cookies:
                held += 1
            else:
                approved += 1
        else:
            refused[response.status] = refused.get(response.status, 0) + 1
            if len(refused) == 1 and sum(refused.values()) == 1:
                text = re.sub(rb"<[^>]+>", b" ", data).decode("utf-8", "replace")
                print(f"commenter: comment {i} answered {response.status}: {' '.join(text.split())[:300]}",
                      file=sys.stderr)
        next_post += 1
    elapsed = time.perf_counter() - start - args.open
    other = ", ".join(f"{n} answered {s}" for s, n in sorted(refused.items())) or "none refused"
    print(f"{len(posts)} comments in {elapsed:.1f} s ({len(posts) / elapsed:.1f}/s): {held} held, {approved} "
          f"approved, {other}; POST p50 {percentile(posts, 50):.2f} ms, p99 {percentile(posts, 99):.2f} ms")


if __name__ == "__main__":
    main()
