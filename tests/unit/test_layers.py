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


def modules(allowed=ALLOWED):
    for path in sorted(ROOT.rglob("*.py")):
        part = path.relative_to(ROOT).parts[0]
        if part not in allowed:
            yield path, ast.parse(path.read_text(), str(path))


def imported(tree) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level:
            names.add(node.module or "")
    return names


def below_the_store(allowed=ALLOWED) -> set[str]:
    return {
        f"{path.relative_to(ROOT)}: {name}"
        for path, tree in modules(allowed)
        for name in imported(tree)
        if name.startswith(BELOW)
    }


def handing_over(allowed=ALLOWED, composition_root="bootstrap.py") -> set[str]:
    return {
        f"{path.relative_to(ROOT)}:{node.lineno} .{node.attr}"
        for path, tree in modules(allowed)
        if path.name != composition_root
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr in ("recorder", "mapper")
    }


def test_only_the_event_log_imports_the_event_stores_recorders():
    assert below_the_store() == set()
    # The check sees such imports where they are allowed: it can fail.
    assert any(found.startswith("eventlog/") for found in below_the_store(set()))


def test_only_the_composition_root_hands_the_recorder_and_mapper_over():
    assert handing_over() == set()
    # The check sees the composition root doing it: it can fail.
    assert any(
        found.startswith("bootstrap.py:")
        for found in handing_over(composition_root=None)
    )
