"""Administration jobs that run beside the dashboard: uploads checked and loaded by the ETL."""
