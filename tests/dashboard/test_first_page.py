"""The first page: plotly.js, the largest script (4,7 MB), is asked for with the page itself (a
preload of the very URL dcc's chart loader fetches later), not after the first callbacks."""

from __future__ import annotations

import re
from pathlib import Path

import dash

from chibo.dashboard import app as app_module


def test_the_page_preloads_plotly_from_where_dcc_loads_it(dash_app):
    client = dash_app.server.test_client()
    page = client.get("/").get_data(as_text=True)
    links = re.findall(r'<link rel="preload" as="script" href="([^"]+)">', page)
    prefix = dash_app.config.requests_pathname_prefix
    assert links == [prefix + app_module.PLOTLY_JS]
    script = client.get(links[0])
    assert script.status_code == 200 and b"plotly.js" in script.get_data()[:2000]
    renderer = next((Path(dash.__file__).parent / "dash-renderer" / "build").glob(
        "dash_renderer.min.js")).read_text(encoding="utf-8")
    assert f'requests_pathname_prefix,"{app_module.PLOTLY_JS}")' in renderer
