"""chibo dashboard: Dash + Mantine pages over the read-only DuckDB warehouse."""
