"""What each tool detected, as one line per operation, for the benchmark report (run.sh).

  count_ops.py alembic URL MODELS_JSON   Alembic's compare_metadata with the env.py options
  count_ops.py schemadiff PLAN_JSON      a `schemadiff diff --format json` plan

Prints `<kind> <table> <object>` lines, sorted, on stdout; one per operation, in schemadiff's
operation names so the two lists can be compared with diff(1). Counted the way schemadiff counts:
Alembic's list of changes to one column is one altered column (AlterColumn), and the indexes
Alembic creates or drops with a table it creates or drops are part of that table's operation
(schemadiff's CreateTable and DropTable carry them). The tools' own bookkeeping tables
(alembic_version, schemadiff_version*) are left out: each tool ignores its own, not the other's.
"""

import json
import sys

_ALEMBIC_KINDS = {
    "add_table": "create_table",
    "remove_table": "drop_table",
    "add_column": "add_column",
    "remove_column": "drop_column",
    "add_index": "create_index",
    "remove_index": "drop_index",
    "add_constraint": "add_unique",
    "remove_constraint": "drop_unique",
    "add_fk": "add_foreign_key",
    "remove_fk": "drop_foreign_key",
}


def _alembic_line(diff):
    if isinstance(diff, list):  # modify_type / modify_nullable / modify_default of one column
        first = diff[0]
        return "alter_column %s %s" % (first[2], first[3])
    kind = diff[0]
    name = _ALEMBIC_KINDS.get(kind, kind)
    if kind in ("add_table", "remove_table"):
        return "%s %s -" % (name, diff[1].name)
    if kind in ("add_column", "remove_column"):
        return "%s %s %s" % (name, diff[2], diff[3].name)
    if kind in ("add_index", "remove_index", "add_constraint", "remove_constraint"):
        return "%s %s %s" % (name, diff[1].table.name, diff[1].name)
    if kind in ("add_fk", "remove_fk"):
        return "%s %s %s" % (name, diff[1].parent.name, diff[1].name)
    return "%s %r" % (name, diff[1:])


def alembic_lines(url, models_json):
    import sqlalchemy as sa
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from models_from_json import build_metadata

    engine = sa.create_engine(url)
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "compare_server_default": True}
        )
        diffs = compare_metadata(context, build_metadata(models_json))
    return [_alembic_line(diff) for diff in diffs]


def _object_name(op):
    for key in ("column", "index", "constraint", "foreign_key", "check", "to"):
        value = op.get(key)
        if isinstance(value, dict) and "name" in value:
            return value["name"]
        if isinstance(value, str):
            return value
    return op.get("name", "-") if "table" in op else "-"


def schemadiff_lines(plan_json):
    with open(plan_json, encoding="utf-8") as file:
        plan = json.load(file)
    lines = []
    for op in plan["operations"]:
        table = op.get("table")
        if isinstance(table, dict):
            lines.append("%s %s -" % (op["op"], table["name"]))
        else:
            lines.append("%s %s %s" % (op["op"], table, _object_name(op)))
    return lines


def _is_bookkeeping(line):
    table = line.split(" ")[1]
    return table == "alembic_version" or table.startswith("schemadiff_version")


def _fold_table_indexes(lines):
    whole = {line.split(" ")[1] for line in lines if line.split(" ")[0] in ("create_table",
                                                                           "drop_table")}
    return [line for line in lines
            if not (line.split(" ")[0] in ("create_index", "drop_index")
                    and line.split(" ")[1] in whole)]


def main(argv):
    if len(argv) == 4 and argv[1] == "alembic":
        lines = alembic_lines(argv[2], argv[3])
    elif len(argv) == 3 and argv[1] == "schemadiff":
        lines = schemadiff_lines(argv[2])
    else:
        sys.exit(__doc__)
    lines = _fold_table_indexes([line for line in lines if not _is_bookkeeping(line)])
    for line in sorted(lines):
        print(line)


if __name__ == "__main__":
    main(sys.argv)
