"""chibo: statistics of party organisation and membership in Vietnam. Two packages that never
import each other: chibo.etl (input files into the DuckDB warehouse) and chibo.dashboard (the
Dash app that reads it)."""
