"""Page queries (SQL) run through the gateway dashboard.data; one module per page or topic."""
