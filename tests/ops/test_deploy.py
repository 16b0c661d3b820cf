"""The deployment samples in deploy/ agree with the app's settings: nginx's body limit is the
upload limit, and the compose file and Dockerfile pass only settings the app knows."""

from __future__ import annotations

import re
from pathlib import Path

from chibo.dashboard import settings

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def test_nginx_body_limit_is_the_upload_limit():
    """client_max_body_size in the nginx sample is CHIBO_MAX_UPLOAD_MB's default (an upload the
    app takes is never refused by nginx, and nginx refuses nothing smaller)."""
    conf = (DEPLOY / "nginx" / "chibo-locations.conf").read_text(encoding="utf-8")
    sizes = re.findall(r"^\s*client_max_body_size\s+(\d+)m;", conf, re.MULTILINE)
    assert sizes == [str(settings.Settings.model_fields["max_upload_mb"].default)]
