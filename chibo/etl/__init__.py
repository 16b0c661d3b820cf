"""ETL: input files → validated, normalised rows → a new DuckDB warehouse, published atomically."""
