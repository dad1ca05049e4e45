"""What import-linter cannot check: who goes below the event store's public API.

The import-linter contracts in pyproject.toml check the layers; they cannot
name ``eventsourcing``'s own submodules, so this test does: only
``kshare.eventlog`` imports the store's recorders or reaches for an
application's recorder and mapper (the composition root hands them over).
"""

import ast
from pathlib import Path

import kshare

ROOT = Path(kshare.__file__).parent
BELOW = ("eventsourcing.sqlite", "eventsourcing.postgres", "psycopg", "sqlite3")
ALLOWED = {"eventlog"}  # and bootstrap.py, which builds the EventLog


def modules():
    for path in sorted(ROOT.rglob("*.py")):
        part = path.relative_to(ROOT).parts[0]
        if part not in ALLOWED:
            yield path, ast.parse(path.read_text(), str(path))


def imported(tree) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level:
            names.add(node.module or "")
    return names


def test_only_the_event_log_imports_the_event_stores_recorders():
    found = {
        f"{path.relative_to(ROOT)}: {name}"
        for path, tree in modules()
        for name in imported(tree)
        if name.startswith(BELOW)
    }
    assert found == set()


def test_only_the_composition_root_hands_the_recorder_and_mapper_over():
    found = {
        f"{path.relative_to(ROOT)}:{node.lineno} .{node.attr}"
        for path, tree in modules()
        if path.name != "bootstrap.py"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr in ("recorder", "mapper")
    }
    assert found == set()
