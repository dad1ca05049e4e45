"""The bare baseline of the pages under load: Flask + Jinja, served by waitress.

``/page/<name>?bytes=N`` renders a Jinja template (a loop of paragraphs)
into a page of exactly ``N`` bytes: the size of the kshare page it stands
beside. No database, no search, no session: what any Flask site pays to
route a request, render a template of that size and send it.

    .venv/bin/python -m benchmarks.org_bare --port 5001 [--threads 8]
"""

import argparse
from functools import lru_cache

import waitress
from flask import Flask, abort, render_template, request
from jinja2 import DictLoader

PARAGRAPH = (
    "A mentor and a mentee met this week to talk about a review that went "
    "well, a deploy that did not, and what the team learned from both."
)
TEMPLATE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ name }}</title></head>
<body>
<main>
{% for paragraph in paragraphs %}<p>{{ paragraph }}</p>
{% endfor %}<!--{{ pad }}-->
</main>
</body>
</html>"""

app = Flask(__name__)
app.jinja_loader = DictLoader({"page.html": TEMPLATE})


@lru_cache(maxsize=256)
def content(name: str, size: int) -> tuple[list[str], str]:
    """Paragraphs and padding that make the rendered page ``size`` bytes."""
    with app.app_context():
        empty = len(render_template("page.html", name=name, paragraphs=[], pad=""))
    each = len(f"<p>{PARAGRAPH}</p>\n")
    count, rest = divmod(max(0, size - empty), each)
    return [PARAGRAPH] * count, "x" * rest


@app.get("/page/<name>")
def page(name: str):
    size = request.args.get("bytes", 0, type=int)
    if not 0 < size <= 10_000_000:
        abort(400)
    paragraphs, pad = content(name, size)
    return render_template("page.html", name=name, paragraphs=paragraphs, pad=pad)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.org_bare")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args(argv)
    waitress.serve(app, host=args.host, port=args.port, threads=args.threads)


if __name__ == "__main__":
    main()
