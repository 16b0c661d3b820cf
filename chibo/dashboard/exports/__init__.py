"""Presentation mode and exports: decks of charts, PowerPoint with native charts, PNG/SVG images;
built from the chart registry (chibo/dashboard/charts/), never from UI components, and every export
goes through the scoped data layer (the viewer's access.current_scope())."""
