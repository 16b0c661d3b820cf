"""One module per page: register_page, id constants, layout(**kwargs), callbacks."""
