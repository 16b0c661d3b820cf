"""Page queries (SQL) run through the gateway chibo.dashboard.data; one module per page or topic."""
