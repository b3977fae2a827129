"""Alembic environment of the schemadiff-vs-Alembic benchmark (see run.sh).

The usual online env.py: one connection, target_metadata built from the model JSON file named by
the `models_json` option of alembic.ini, and type and server-default comparison turned on so
Alembic compares as much as schemadiff does.
"""

import os
import sys
from logging.config import fileConfig

from alembic import context
from sqlalchemy import engine_from_config, pool

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from models_from_json import build_metadata  # noqa: E402

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)

target_metadata = build_metadata(config.get_main_option("models_json"))


def run_migrations_online():
    engine = engine_from_config(
        config.get_section(config.config_ini_section),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            compare_type=True,
            compare_server_default=True,
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("this benchmark runs Alembic online only")
run_migrations_online()
