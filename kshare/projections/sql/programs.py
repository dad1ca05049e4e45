"""Programs: charters (every version) and agenda, reflection and discussion
templates."""

import sqlalchemy as sa

from ...domain.programs import Program
from .projector import SqlProjector, when
from .rows import Rows


def _programs(metadata: sa.MetaData, name: str) -> sa.Table:
    return sa.Table(
        name,
        metadata,
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("slug", sa.String(30), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("charter_version", sa.Integer, nullable=False),
        sa.Column("charter", sa.JSON, nullable=False),
        when("launched_at", nullable=False),
        sa.Index(f"ix_{name}_slug", "slug", unique=True),
    )


def _charter_versions(metadata: sa.MetaData, name: str) -> sa.Table:
    return sa.Table(
        name,
        metadata,
        sa.Column("program_id", sa.String(36), primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("charter", sa.JSON, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("actor_id", sa.String(36), nullable=False),
        when("at", nullable=False),
    )


def _program_templates(metadata: sa.MetaData, name: str) -> sa.Table:
    return sa.Table(
        name,
        metadata,
        sa.Column("id", sa.String(80), primary_key=True),  # program id : key
        sa.Column("program_id", sa.String(36), nullable=False),
        sa.Column("key", sa.String(30), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("challenge", sa.String(40), nullable=False),
        sa.Column("title", sa.String(120), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        when("updated_at", nullable=False),
    )


class SqlPrograms(SqlProjector):
    name = "programs"
    area = "program"
    tables = {
        "programs": _programs,
        "charter_versions": _charter_versions,
        "program_templates": _program_templates,
    }
    events = (Program.Launched, Program.CharterRevised, Program.TemplateSaved)

    def apply(self, conn: sa.Connection, tables: dict[str, sa.Table], events) -> None:
        programs = Rows(conn, tables["programs"])
        templates = Rows(conn, tables["program_templates"])
        programs.load(str(e.originator_id) for _, e in events)
        templates.load(_template_id(e) for _, e in events if hasattr(e, "key"))
        versions = []
        for _, e in events:
            program_id = str(e.originator_id)
            if isinstance(e, Program.Launched):
                programs.add(_launched(e))
                versions.append(_version(e, 1, "Launched"))
            elif isinstance(e, Program.CharterRevised):
                row = programs.get(program_id)
                row.update(charter=e.charter, charter_version=e.version)
                versions.append(_version(e, e.version, e.note))
            else:
                _save_template(templates, program_id, e)
        programs.flush()
        templates.flush()
        if versions:
            conn.execute(tables["charter_versions"].insert(), versions)


def _launched(e) -> dict:
    return {
        "id": str(e.originator_id),
        "slug": e.slug,
        "name": e.name,
        "charter_version": 1,
        "charter": e.charter,
        "launched_at": e.timestamp,
    }


def _version(e, number: int, note: str) -> dict:
    return {
        "program_id": str(e.originator_id),
        "version": number,
        "charter": e.charter,
        "note": note,
        "actor_id": str(e.actor_id),
        "at": e.timestamp,
    }


def _save_template(templates: Rows, program_id: str, e) -> None:
    values = {
        "kind": e.kind,
        "challenge": e.challenge,
        "title": e.title,
        "body": e.body,
    }
    row = templates.get(_template_id(e))
    if row is None:
        templates.add(
            {"id": _template_id(e), "program_id": program_id, "key": e.key, **values}
            | {"updated_at": e.timestamp}
        )
    else:
        row.update(updated_at=e.timestamp, **values)


def _template_id(e) -> str:
    return f"{e.originator_id}:{e.key}"
