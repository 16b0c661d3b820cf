"""Reusable UI: shell, filter bar, chart card, KPI card (plain factory functions)."""
