"""The desk, measured as a browser uses it: a signed-in editor saving articles, and the admin pages' times.

  python3 bench/desk.py BASE EMAIL PASSWORD save --articles ID,ID,… [--saves 300] [--rate 0] [--seconds 0]
                                                 [--mode body|headline] [--autosave] [--quiet] [--pid PID]
  python3 bench/desk.py BASE EMAIL PASSWORD pages --many ID [--runs 30] [--pid PID]

save: signs in (the login form with its CSRF token), opens each article's editor, then saves them in turn: the
editor form as the browser sends it (every field of the form: CSRF token, id, version, kind, the selects' chosen
options, the textareas, "action=update"), the body changed by one sentence at its end (--mode body: the excerpt,
the card and every list stay the same, so only the article's own page is dropped from the cache) or the
headline and the body (--mode headline: the article's card changes, so the lists showing it are dropped too).
Each save is the POST until its redirect, then the GET of the editor it redirects to (the browser's next request:
it carries the new version for the next save). --rate N paces N saves a second (0: back to back); --seconds
stops after that long instead of after --saves. --autosave also times the editor's autosave (the same form as
the JSON POST admin.js sends every 8 s). Prints a Markdown table of p50, p90, p99, max; --quiet prints one line;
--pid PID adds Byline's CPU time per save (from /proc).

pages: signed-in GETs of every admin page, --runs times each after 5 warm-up requests, p50 / p99 / max; with
--pid, also the server's CPU time per request (from /proc: a figure other processes on the machine move less).

One keep-alive connection, standard library only; times are taken around each request as the client sees it.
"""
import argparse
import http.client
import os
import re
import sys
import time
from html.parser import HTMLParser
from urllib.parse import urlencode, urlparse


class Browser:
    """One keep-alive connection with a cookie jar; follows nothing by itself."""

    def __init__(self, base):
        self.base = base.rstrip("/")
        url = urlparse(base)
        self.host, self.port = url.hostname, url.port
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        sent = {"Accept": "text/html", "User-Agent": "byline-bench"}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["Origin"] = self.base
        sent.update(headers or {})
        started = time.perf_counter()
        try:
            self.conn.request(method, path, body=body, headers=sent)
            response = self.conn.getresponse()
        except (http.client.HTTPException, ConnectionError):
            self.conn.close()
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
            self.conn.request(method, path, body=body, headers=sent)
            response = self.conn.getresponse()
        data = response.read().decode("utf-8", "replace")
        elapsed = (time.perf_counter() - started) * 1000
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                cookie = rest.split(";", 1)[0]
                if cookie == "" or "max-age=0" in value.lower():
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = cookie
        return elapsed, response.status, response.getheader("Location"), data

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, fields, headers=None):
        return self.request("POST", path, urlencode([tuple(f) for f in fields]), headers)


class FormReader(HTMLParser):
    """The fields a browser would send for the form with id FORM: inputs, checked boxes, chosen options, textareas."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.fields = form_id, False, []
        self.textarea, self.select, self.first_option, self.chosen = None, None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("id") == self.form_id
        if not self.inside:
            return
        if tag == "input" and a.get("name") and a.get("type", "text") not in ("submit", "button", "file"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.append([a["name"], a.get("value") or ""])
        elif tag == "textarea":
            self.textarea = [a["name"], ""]
        elif tag == "select":
            self.select, self.first_option, self.chosen = a["name"], None, None
        elif tag == "option" and self.select:
            value = a.get("value") or ""
            if self.first_option is None:
                self.first_option = value
            if "selected" in a:
                self.chosen = value

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self.textarea is not None:
            text = self.textarea[1]
            self.fields.append([self.textarea[0], text[1:] if text.startswith("\n") else text])
            self.textarea = None
        elif tag == "select" and self.select:
            self.fields.append([self.select, self.chosen if self.chosen is not None else self.first_option or ""])
            self.select = None


def form_fields(html, form_id):
    reader = FormReader(form_id)
    reader.feed(html)
    return reader.fields


def sign_in(browser, email, password):
    _, status, _, html = browser.get("/admin/login")
    csrf = re.search(r'name="csrf" value="([^"]+)"', html).group(1)
    _, status, location, html = browser.post("/admin/login", [("csrf", csrf), ("next", "/admin/"),
                                                              ("email", email), ("password", password)])
    if status != 303 and status != 302:
        sys.exit(f"bench: sign-in refused ({status}): {re.sub(r'<[^>]+>', ' ', html)[:300]}")


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def row(name, times):
    return (f"| {name} | {len(times)} | {percentile(times, 50):.2f} ms | {percentile(times, 90):.2f} ms | "
            f"{percentile(times, 99):.2f} ms | {max(times):.2f} ms |")


def save(args, browser):
    ids = [int(i) for i in args.articles.split(",")]
    forms = {}
    for article in ids:
        _, status, _, html = browser.get(f"/admin/articles/{article}")
        if status != 200:
            sys.exit(f"bench: the editor of article {article} answered {status}")
        forms[article] = form_fields(html, "editor")
    posts, follows, totals, autosaves, refused = [], [], [], [], 0
    cpu = (lambda: sum(int(x) for x in open(f"/proc/{args.pid}/stat").read().rsplit(")", 1)[1].split()[11:13])
           ) if args.pid else (lambda: 0)
    cpu_before = cpu()
    started = time.perf_counter()
    n = 0
    stamp = int(time.time())
    while True:
        if args.seconds and time.perf_counter() - started >= args.seconds:
            break
        if not args.seconds and n >= args.saves:
            break
        if args.rate:
            due = started + n / args.rate
            wait = due - time.perf_counter()
            if wait > 0:
                time.sleep(wait)
        article = ids[n % len(ids)]
        fields = [list(f) for f in forms[article]]
        for f in fields:
            if f[0] == "body":
                f[1] = re.sub(r"\n\nEdited on the desk \(bench \d+ \d+\)\.\s*$", "", f[1].rstrip())
                f[1] += f"\n\nEdited on the desk (bench {stamp} {n})."
            if f[0] == "title" and args.mode == "headline":
                f[1] = re.sub(r" \(take \d+\)$", "", f[1]) + f" (take {n})"
        if args.autosave:
            elapsed, status, _, answer = browser.post("/admin/articles/autosave", fields,
                                                      {"Accept": "application/json",
                                                       "X-CSRF-Token": dict(fields)["csrf"]})
            if status != 200:
                sys.exit(f"bench: autosave of {article} answered {status}: {answer[:300]}")
            autosaves.append(elapsed)
        post_ms, status, location, html = browser.post(f"/admin/articles/{article}", fields + [["action", "update"]])
        if status not in (302, 303) or "/admin/login" in (location or ""):
            refused += 1
            text = re.sub(r"<[^>]+>", " ", html)
            sys.exit(f"bench: save {n} of article {article} answered {status} ({location}): {' '.join(text.split())[:400]}")
        follow_ms, status, _, html = browser.get(location)
        if status != 200 or "is updated on the site" not in html and "is saved" not in html:
            sys.exit(f"bench: after save {n}, the editor answered {status} without saying it was saved")
        forms[article] = form_fields(html, "editor")
        posts.append(post_ms)
        follows.append(follow_ms)
        totals.append(post_ms + follow_ms)
        n += 1
    elapsed = time.perf_counter() - started
    cpu_each = (cpu() - cpu_before) * 1000 / os.sysconf("SC_CLK_TCK") / max(n, 1)
    if args.quiet:
        print(f"{n} saves in {elapsed:.1f} s ({n / elapsed:.1f}/s): POST p50 {percentile(posts, 50):.2f} ms, "
              f"p99 {percentile(posts, 99):.2f} ms, max {max(posts):.2f} ms")
        return
    print(f"{n} saves of {len(ids)} articles ({', '.join(map(str, ids))}) in {elapsed:.1f} s, mode {args.mode}:")
    print()
    print("| request | count | p50 | p90 | p99 | max |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    print(row("save: POST of the editor form until its redirect", posts))
    print(row("the editor page it redirects to (GET)", follows))
    print(row("both: what the editor waits for", totals))
    if autosaves:
        print(row("autosave: POST /admin/articles/autosave (JSON)", autosaves))
    if args.pid:
        print()
        print(f"Byline's CPU time per save{' (autosave, POST and GET)' if autosaves else ' (POST and GET)'}: "
              f"{cpu_each:.1f} ms.")


def pages(args, browser):
    many = args.many
    listed = browser.get("/admin/articles")[3]
    article_ids = re.findall(r'href="/admin/articles/(\d+)"', listed)
    _, _, _, revs = browser.get(f"/admin/revisions/{many}")
    ids = re.findall(r'/admin/revisions/\d+\?from=(\d+)&amp;to=(\d+)', revs)
    revision_count = len(re.findall(r'data-label="Version"', revs))
    diff = f"/admin/revisions/{many}?from={ids[-1][0]}&to={ids[0][1]}" if ids else None
    media_page = browser.get("/admin/media")[3]
    media_ids = re.findall(r'href="/admin/media/(\d+)"', media_page)
    editor = browser.get(f"/admin/articles/{many}")[3]
    title = re.search(r'id="title"[^>]*value="([^"]*)"', editor) or re.search(r'value="([^"]*)"[^>]*id="title"', editor)
    word = (title.group(1).split() or ["the"])[0] if title else "the"
    section = re.search(r'name="sectionId".*?<option value="(\d+)" selected', editor, re.S)
    author = re.search(r'name="author1".*?<option value="(\d+)" selected', editor, re.S)
    tag = re.search(r'id="tags"[^>]*value="([^",]*)', editor) or re.search(r'value="([^",]*)[^"]*"[^>]*id="tags"', editor)
    tag_slug = re.sub(r"[^a-z0-9]+", "-", tag.group(1).lower()).strip("-") if tag else "russia"
    q = lambda **kw: "?" + urlencode(kw)
    targets = [
        ("dashboard", "/admin/"),
        ("articles (default: all, latest change first)", "/admin/articles"),
        ("articles, status published", "/admin/articles" + q(status="published")),
        ("articles, status draft", "/admin/articles" + q(status="draft")),
        ("articles, status pending", "/admin/articles" + q(status="pending")),
        ("articles, status scheduled", "/admin/articles" + q(status="scheduled")),
        ("articles, status private", "/admin/articles" + q(status="private")),
        ("articles, status trash", "/admin/articles" + q(status="trash")),
        (f"articles, search by title “{word}”", "/admin/articles" + q(q=word)),
        ("articles, search matching nothing", "/admin/articles" + q(q="zzxqv")),
        ("articles, a section", "/admin/articles" + q(section=section.group(1) if section else "1")),
        (f"articles, a tag ({tag_slug})", "/admin/articles" + q(tag=tag_slug)),
        ("articles, an author", "/admin/articles" + q(author=author.group(1) if author else "1")),
        ("articles, section + tag + author", "/admin/articles" + q(section=section.group(1) if section else "1",
                                                                   tag=tag_slug,
                                                                   author=author.group(1) if author else "1")),
        ("articles, page 200", "/admin/articles" + q(page=200)),
        ("pages", "/admin/pages"),
        (f"editor of article {many}", f"/admin/articles/{many}"),
        (f"revisions of article {many} ({revision_count} revisions)", f"/admin/revisions/{many}"),
    ]
    if diff:
        targets.append(("a diff, oldest to newest revision", diff))
    targets += [
        ("media (grid)", "/admin/media"),
        ("media (list)", "/admin/media" + q(view="list")),
        ("media, search", "/admin/media" + q(q="photo")),
    ]
    if media_ids:
        targets.append(("an image's page", f"/admin/media/{media_ids[0]}"))
    targets += [
        ("sections", "/admin/sections"),
        ("tags", "/admin/tags"),
        ("menus", "/admin/menus"),
        ("front page", "/admin/front-page"),
        ("people", "/admin/people"),
    ]
    cpu = lambda: sum(int(x) for x in open(f"/proc/{args.pid}/stat").read().rsplit(")", 1)[1].split()[11:13])
    print("| admin page (signed-in GET) | count | p50 | p90 | p99 | max | server CPU per request |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, path in targets:
        for _ in range(5):
            _, status, _, _ = browser.get(path)
        if status != 200:
            print(f"| {name} `{path}` | answered {status} | | | | | |")
            continue
        before = cpu() if args.pid else 0
        times = [browser.get(path)[0] for _ in range(args.runs)]
        used = f"{(cpu() - before) * 1000 / os.sysconf('SC_CLK_TCK') / args.runs:.1f} ms" if args.pid else ""
        print(row(f"{name} `{path}`", times) + f" {used} |")
        sys.stdout.flush()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("email")
    parser.add_argument("password")
    sub = parser.add_subparsers(dest="what", required=True)
    s = sub.add_parser("save")
    s.add_argument("--articles", required=True)
    s.add_argument("--saves", type=int, default=300)
    s.add_argument("--rate", type=float, default=0)
    s.add_argument("--seconds", type=float, default=0)
    s.add_argument("--mode", choices=["body", "headline"], default="body")
    s.add_argument("--autosave", action="store_true")
    s.add_argument("--quiet", action="store_true")
    s.add_argument("--pid", type=int, default=0, help="Byline's process: its CPU time per save is shown too")
    p = sub.add_parser("pages")
    p.add_argument("--many", type=int, required=True)
    p.add_argument("--runs", type=int, default=30)
    p.add_argument("--pid", type=int, default=0, help="Byline's process: its CPU time per request is shown too")
    args = parser.parse_args()
    browser = Browser(args.base)
    sign_in(browser, args.email, args.password)
    (save if args.what == "save" else pages)(args, browser)


if __name__ == "__main__":
    main()
