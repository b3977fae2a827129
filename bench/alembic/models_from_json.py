"""SQLAlchemy MetaData equivalent to a schemadiff model JSON file (docs/model-json.md).

The Alembic side of the schemadiff-vs-Alembic benchmark (run.sh): env.py imports this module and
hands build_metadata(path) to Alembic as target_metadata, so both tools compare the same
database against the same target. Every table, column (portable type, NOT NULL, server default,
comment), primary key, unique constraint, foreign key (actions, deferrability), CHECK constraint
and index (unique, DESC parts, partial WHERE) of the file is declared; anything the benchmark's
generator does not produce (raw types, enums, views, triggers) is refused rather than guessed.
"""

import json
import re

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

_SIMPLE_TYPES = {
    "smallint": sa.SmallInteger,
    "integer": sa.Integer,
    "bigint": sa.BigInteger,
    "boolean": sa.Boolean,
    "real": sa.REAL,
    "double": postgresql.DOUBLE_PRECISION,
    "text": sa.Text,
    "binary": sa.LargeBinary,
    "date": sa.Date,
    "time": sa.Time,
    "timestamp": sa.DateTime,
    "uuid": postgresql.UUID,
    "json": postgresql.JSONB,
}

_ACTIONS = {
    "no action": None,
    "restrict": "RESTRICT",
    "cascade": "CASCADE",
    "set null": "SET NULL",
    "set default": "SET DEFAULT",
}


def column_type(spelling):
    """The SQLAlchemy type of a portable type spelling such as "numeric(10,2)"."""
    if spelling in _SIMPLE_TYPES:
        return _SIMPLE_TYPES[spelling]()
    if spelling == "timetz":
        return sa.Time(timezone=True)
    if spelling == "timestamptz":
        return sa.DateTime(timezone=True)
    match = re.fullmatch(r"numeric(?:\((\d+)(?:,(\d+))?\))?", spelling)
    if match:
        precision = int(match.group(1)) if match.group(1) else None
        scale = int(match.group(2)) if match.group(2) else (0 if precision else None)
        return sa.Numeric(precision, scale)
    match = re.fullmatch(r"string(?:\((\d+)\))?", spelling)
    if match:
        return sa.String(int(match.group(1)) if match.group(1) else None)
    raise ValueError("type not supported by this benchmark: %r" % spelling)


def _action(value):
    if value is None:
        return None
    return _ACTIONS[value.lower().replace("_", " ")]


def _column(spec):
    default = spec.get("default")
    return sa.Column(
        spec["name"],
        column_type(spec["type"]),
        nullable=spec.get("nullable", True),
        server_default=sa.text(default) if default is not None else None,
        comment=spec.get("comment"),
        autoincrement=bool(spec.get("autoincrement", False)),
        primary_key=False,  # declared below with its name, as one constraint
    )


def _index(table, spec):
    parts = []
    for part in spec["parts"]:
        if "column" not in part:
            raise ValueError("expression index not supported: %s" % spec["name"])
        column = table.c[part["column"]]
        parts.append(column.desc() if part.get("descending") else column)
    kwargs = {}
    if spec.get("where") is not None:
        kwargs["postgresql_where"] = sa.text(spec["where"])
    return sa.Index(spec["name"], *parts, unique=spec.get("unique", False), **kwargs)


def _table(metadata, spec):
    key = spec.get("primary_key") or {}
    key_columns = key.get("columns", [])
    table = sa.Table(
        spec["name"],
        metadata,
        *[_column(column) for column in spec["columns"]],
        comment=spec.get("comment"),
    )
    if key_columns:
        table.append_constraint(sa.PrimaryKeyConstraint(*key_columns, name=key.get("name")))
    for unique in spec.get("unique_constraints", []):
        table.append_constraint(sa.UniqueConstraint(*unique["columns"], name=unique.get("name")))
    for check in spec.get("checks", []):
        table.append_constraint(sa.CheckConstraint(check["expression"], name=check.get("name")))
    for index in spec.get("indexes", []):
        _index(table, index)  # an Index on table columns attaches itself to the table
    return table


def _foreign_keys(table, spec, metadata):
    for fk in spec.get("foreign_keys", []):
        target = fk["references"]
        parent = metadata.tables[target["table"]]
        referenced = target.get("columns") or list(parent.primary_key.columns.keys())
        table.append_constraint(
            sa.ForeignKeyConstraint(
                fk["columns"],
                [parent.c[column] for column in referenced],  # objects: names may hold dots
                name=fk.get("name"),
                ondelete=_action(fk.get("on_delete")),
                onupdate=_action(fk.get("on_update")),
                deferrable=True if fk.get("deferrable") else None,
                initially="DEFERRED" if fk.get("initially_deferred") else None,
            )
        )


def build_metadata(path):
    """MetaData holding every table of the model JSON file at `path`."""
    with open(path, encoding="utf-8") as file:
        model = json.load(file)
    if model.get("views") or any(t.get("triggers") for t in model.get("tables", [])):
        raise ValueError("views and triggers are not supported by this benchmark")
    metadata = sa.MetaData()
    tables = [(_table(metadata, spec), spec) for spec in model.get("tables", [])]
    for table, spec in tables:  # after every table exists, so any reference resolves
        _foreign_keys(table, spec, metadata)
    return metadata
