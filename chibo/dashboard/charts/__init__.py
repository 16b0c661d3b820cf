"""What turns scoped rows into a figure or a table, free of any UI: the chart and table registries,
renderer-neutral chart specs, the Plotly builders, maps and spreadsheets; catalogue/ defines every
chart and table the pages and exports show."""
