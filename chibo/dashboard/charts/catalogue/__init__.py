"""Every chart and table of the dashboard, one module per page: its data, its drawing, its URL
parameters and its words. Importing this package registers them all (pages and exports do)."""

from chibo.dashboard.charts.catalogue import (  # noqa: F401  (each module registers its charts)
    members,
    orgs,
    overview,
    quality,
    regions,
    status,
    structure,
)
