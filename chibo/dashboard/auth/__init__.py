"""Logins, roles and sessions for the dashboard: a small SQLite store beside the warehouse
(users, sessions, failed logins, audit log), argon2 password hashes, and the Flask glue."""
