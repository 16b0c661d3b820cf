"""The deployment samples in deploy/ agree with the app's settings: nginx's body limit is the
upload limit, and the compose file and Dockerfile pass only settings the app knows."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from chibo.dashboard import settings

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


@pytest.mark.parametrize("name", ["chibo-locations.conf", "chibo-subpath-locations.conf"])
def test_nginx_body_limit_is_the_upload_limit(name):
    """client_max_body_size in the nginx samples is CHIBO_MAX_UPLOAD_MB's default (an upload the
    app takes is never refused by nginx, and nginx refuses nothing smaller)."""
    conf = (DEPLOY / "nginx" / name).read_text(encoding="utf-8")
    sizes = re.findall(r"^\s*client_max_body_size\s+(\d+)m;", conf, re.MULTILINE)
    assert sizes == [str(settings.Settings.model_fields["max_upload_mb"].default)]


def test_compose_and_dockerfile_agree_with_the_app():
    """Without a Docker daemon (none on CI or this kind of machine): the files compose.yaml
    mounts and the Dockerfile copies exist, every CHIBO_* variable they set is a setting the
    app knows with a value it accepts, the compose upload limit is nginx's, and the image's
    health check finds /healthz under CHIBO_URL_PREFIX."""
    compose = (DEPLOY / "compose.yaml").read_text(encoding="utf-8")
    for source in re.findall(r"^\s*- (\./[^:]+):", compose, re.MULTILINE):
        assert (DEPLOY / source).exists() or source == "./certs", source
    assert re.search(r"^\s*dockerfile: deploy/Dockerfile$", compose, re.MULTILINE)
    dockerfile = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    for sources in re.findall(r"^COPY (?!--from)(.+) \S+$", dockerfile, re.MULTILINE):
        assert all((ROOT / s).exists() for s in sources.split()), sources
    given = dict(re.findall(r"^\s*(CHIBO_\w+): \"([^\"]*)\"", compose, re.MULTILINE))
    given.update(re.findall(r"(CHIBO_\w+)=(\S+)", dockerfile))
    fields = {f"CHIBO_{n.upper()}" for n in settings.Settings.model_fields}
    assert given and set(given) <= fields, set(given) - fields
    settings.load(**{k.removeprefix("CHIBO_").lower(): v for k, v in given.items()})
    nginx = (DEPLOY / "nginx" / "chibo-locations.conf").read_text(encoding="utf-8")
    assert f"client_max_body_size {given['CHIBO_MAX_UPLOAD_MB']}m;" in nginx
    check = dockerfile.split("HEALTHCHECK", 1)[1].split('CMD python -c "', 1)[1].split('"\n')[0]
    shown = check.replace("urllib.request.urlopen(", "print(").replace(", timeout=5)", ")")
    for prefix, url in (("", "http://127.0.0.1:8050/healthz"),
                        ("/chibo/", "http://127.0.0.1:8050/chibo/healthz")):
        env = {k: v for k, v in os.environ.items() if k != "CHIBO_URL_PREFIX"}
        asked = subprocess.run([sys.executable, "-c", shown], env={**env, "CHIBO_URL_PREFIX": prefix},
                               capture_output=True, text=True, check=True, timeout=60).stdout
        assert asked.strip() == url
