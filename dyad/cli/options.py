"""Option help shared by several commands."""

DB_HELP = "Store: a DuckDB file path or a postgresql:// URL (default ./dyad.duckdb)."
ACTORS_HELP = "Extra actor dictionary (YAML/CSV/TSV); repeatable."
