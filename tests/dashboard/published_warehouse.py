"""A warehouse for the Số liệu công bố page tests: tests/documents/tiny_warehouse.py plus news
articles loaded with the real `python -m chibo.etl documents`; the page state for a URL."""
from __future__ import annotations

from pathlib import Path

from chibo.dashboard import urlstate
from chibo.dashboard.auth import access
from tests.documents.conftest import run_etl
from tests.documents.tiny_warehouse import build


def with_articles(base: Path, articles: dict[str, str]) -> Path:
    """The tiny warehouse under base, with the articles (file name → text) loaded."""
    warehouse = build(base / "warehouse.duckdb")
    docs = base / "docs"
    docs.mkdir()
    for name, text in articles.items():
        (docs / name).write_text(text, encoding="utf-8")
    result = run_etl("documents", str(docs), "--warehouse", str(warehouse))
    assert result.returncode == 0, result.stdout + result.stderr
    return warehouse


def page_state(search: str = "?period=all") -> dict:
    """The page's state for a URL query, as the app parses it (every parameter valid)."""
    state, bad = urlstate.parse(search, urlstate.choices_for(access.current_scope()))
    assert bad == []
    return state
