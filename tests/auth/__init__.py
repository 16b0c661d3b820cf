"""Access-control tests: logins, roles, scopes enforced on the server, uploads."""
