"""The library search page."""

from flask import Blueprint, render_template, request

from .helpers import services

blueprint = Blueprint("library", __name__)


def search_arguments(args) -> dict:
    """The search parameters shared by the page, the API and the CLI."""
    return {
        "page": max(1, args.get("page", 1, type=int) or 1),
        "per_page": args.get("per_page", 10, type=int) or 10,
        "sort": args.get("sort", "relevance"),
        "kind": args.get("kind") or None,
        "tag": args.get("tag") or None,
        "author": args.get("author") or None,
    }


@blueprint.get("/library")
def search():
    """Search the library of lessons and stories."""
    args = request.args
    searched = "q" in args or any(args.get(k) for k in ("tag", "author", "kind"))
    results = (
        services().search.search(args.get("q", ""), **search_arguments(args))
        if searched
        else None
    )
    return render_template("library.html", results=results, args=args)
