"""nginx closes an idle connection to gunicorn before gunicorn does. Otherwise nginx may send a
request on a connection gunicorn is closing, and a POST there (every Dash callback) is not
retried: the viewer gets a 502. Every upstream of deploy/nginx and of the tests' nginx keeps idle
connections for less time than gunicorn_conf.py's keepalive."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from benchmarks import servers

ROOT = Path(__file__).resolve().parents[2]


def _seconds(conf: str) -> list[int]:
    """The keepalive_timeout (seconds) of every upstream block with a keepalive pool; nginx's
    default, 60 s, where a pool sets none."""
    found = []
    for block in re.findall(r"upstream\s+\w+\s*\{(.*?)\}", conf, flags=re.S):
        if re.search(r"^\s*keepalive\s+\d+;", block, flags=re.M):
            timeout = re.search(r"^\s*keepalive_timeout\s+(\d+)s?;", block, flags=re.M)
            found.append(int(timeout.group(1)) if timeout else 60)
    return found


def _gunicorn_keepalive() -> int:
    """gunicorn_conf.py's keepalive, read without importing it (its import shapes the process)."""
    tree = ast.parse((ROOT / "chibo" / "dashboard" / "gunicorn_conf.py").read_text(encoding="utf-8"))
    return next(n.value.value for n in tree.body if isinstance(n, ast.Assign)
                and [t.id for t in n.targets if isinstance(t, ast.Name)] == ["keepalive"])


def test_nginx_closes_idle_upstream_connections_before_gunicorn(tmp_path):
    keepalive = _gunicorn_keepalive()
    confs = {p.name: p.read_text() for p in (ROOT / "deploy" / "nginx").glob("*.conf")}
    confs["tests"] = servers.nginx_conf(tmp_path, "127.0.0.1:1", ["127.0.0.1:2"],
                                        ROOT / "deploy" / "nginx" / "chibo-locations.conf").read_text()
    pools = {name: found for name, text in confs.items() if (found := _seconds(text))}
    assert {"chibo.conf", "compose.conf", "compose-multihost.conf", "tests"} <= set(pools)
    assert all(s < keepalive for found in pools.values() for s in found), (keepalive, pools)
