"""Throwaway servers from Debian's packages, for the tests and the multi-host proof: a PostgreSQL
cluster in a temporary folder (initdb + pg_ctl of /usr/lib/postgresql/<version>/bin, run as the
`postgres` user when we are root, password authentication over TCP) and nginx with a generated
configuration. Nothing is installed or left behind; `available()` says what is missing."""

from __future__ import annotations

import http.client
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from contextlib import closing
from pathlib import Path

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def pg_bin() -> Path | None:
    """The newest Debian PostgreSQL's bin folder (with initdb and pg_ctl), else None."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                   key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0)
    return found[-1].parent if found else None


def missing() -> str | None:
    """Why a multi-host run cannot happen here (None: PostgreSQL and nginx are installed)."""
    if pg_bin() is None:
        return "Debian's postgresql is not installed (./scripts/test installs it)"
    if not os.path.exists(NGINX):
        return "Debian's nginx is not installed (./scripts/test installs it)"
    return None


def free_port(host: str = "127.0.0.1") -> int:
    with closing(socket.socket()) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def request(port: int, method: str, path: str, body=None, headers: dict | None = None, *,
            host: str = "127.0.0.1", timeout: float = 300, source: str | None = None,
            con: http.client.HTTPConnection | None = None) -> tuple[int, dict, bytes]:
    """(status, headers lower-cased, body) of one HTTP request, from address `source` when given;
    on `con` (kept alive) when given."""
    own = con is None
    con = con or http.client.HTTPConnection(host, port, timeout=timeout,
                                            source_address=(source, 0) if source else None)
    try:
        con.request(method, path, body, headers or {})
        r = con.getresponse()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
    finally:
        if own:
            con.close()


def form_login(port: int, name: str, password: str, *, prefix: str = "/", nxt: str | None = None,
               post_headers: dict | None = None, **how) -> tuple[int, dict, str]:
    """Log in through the real login form under `prefix` (its CSRF token and cookie), `how` as
    for `request`: (status, headers of the form's answer, the session cookie 'name=value')."""
    _s, headers, page = request(port, "GET", f"{prefix}login", **how)
    cookie = headers["set-cookie"].split(";")[0]
    token = re.search(rb'name="csrf" value="([^"]+)"', page).group(1).decode()
    fields = {"csrf": token, "name": name, "password": password, **({"next": nxt} if nxt else {})}
    status, answer, _b = request(port, "POST", f"{prefix}login", urllib.parse.urlencode(fields),
                                 {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded",
                                  **(post_headers or {})}, **how)
    return status, answer, answer.get("set-cookie", cookie).split(";")[0]


def spawn(cmd: list, log: Path, **popen) -> subprocess.Popen:
    """Start a server with its output (stdout and stderr) appended to the file `log`: a pipe
    nobody reads fills up and blocks it."""
    with open(log, "a") as out:
        return subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, **popen)


def wait_for_port(host: str, port: int, proc: subprocess.Popen | None = None,
                  what: str = "server", seconds: float = 300, log: Path | None = None) -> None:
    """Return once `host:port` accepts a connection; raise if `proc` stops first (with what it
    printed, from its `log` file (`spawn`) or its output pipe) or after `seconds` (generous: a
    busy machine)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            said = (log.read_text(errors="replace") if log is not None
                    else proc.stdout.read() if proc.stdout else "")
            raise RuntimeError(f"{what} stopped (exit {proc.returncode}): {said}")
        try:
            with closing(socket.create_connection((host, port), timeout=1)):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{what} did not start on {host}:{port} within {seconds:.0f} s")


class PgCluster:
    """`with PgCluster() as pg:` a running cluster; `pg.database()` makes an empty database and
    returns its URL (user chibo, a random password)."""

    def __init__(self, listen: str = "127.0.0.1", port: int | None = None):
        """listen: the addresses to listen on, comma-separated (URLs name the first)."""
        self.listen, self.port = listen, port or free_port()
        self.password = secrets.token_hex(12)
        self.folder: Path | None = None
        self._count = 0

    def _as_owner(self, *cmd) -> list[str]:
        return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else list(cmd)

    def start(self) -> PgCluster:
        binaries = pg_bin()
        if binaries is None:
            raise RuntimeError(missing())
        self.folder = Path(tempfile.mkdtemp(prefix="chibo-pg-"))
        (self.folder / "pw").write_text(self.password)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
            shutil.chown(self.folder / "pw", "postgres", "postgres")
        data = self.folder / "data"
        subprocess.run(self._as_owner(
            str(binaries / "initdb"), "-D", str(data), "-U", "chibo", "--pwfile",
            str(self.folder / "pw"), "--auth-local=trust", "--auth-host=scram-sha-256",
            "-E", "UTF8", "--locale=C", "--no-sync"), check=True, capture_output=True, timeout=120)
        with open(data / "pg_hba.conf", "a") as hba:
            hba.write("host all all 0.0.0.0/0 scram-sha-256\n")
        options = (f"-c listen_addresses={self.listen} -p {self.port} -k {self.folder} "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                   "-c max_connections=200")
        subprocess.run(self._as_owner(
            str(binaries / "pg_ctl"), "-D", str(data), "-l", str(self.folder / "log"), "-w",
            "-t", "120", "-o", options, "start"), check=True, capture_output=True, timeout=180)
        return self

    def url(self, database: str = "postgres") -> str:
        host = self.listen.split(",")[0]
        return f"postgresql://chibo:{self.password}@{host}:{self.port}/{database}"

    def database(self, name: str | None = None) -> str:
        import psycopg

        self._count += 1
        name = name or f"chibo_{os.getpid()}_{self._count}"
        with psycopg.connect(self.url(), autocommit=True) as con:
            con.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        if self.folder is None:
            return
        subprocess.run(self._as_owner(str(pg_bin() / "pg_ctl"), "-D", str(self.folder / "data"),
                                      "-m", "immediate", "stop"), capture_output=True, timeout=120)
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder = None

    def __enter__(self) -> PgCluster:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


PRIVATE_NETWORK = "CHIBO_PRIVATE_NETWORK"


def enter_private_network() -> None:
    """Runs this script again in a network namespace of its own (`unshare --net`, loopback up),
    where it may make bridges and namespaces: a change to the machine's network makes a browser
    running alongside abort its requests (net::ERR_NETWORK_CHANGED). Returns without a change
    where that namespace cannot be made (not root, no `unshare`); then Namespaces says why."""
    if os.environ.get(PRIVATE_NETWORK) or os.geteuid() != 0 or not shutil.which("unshare"):
        return
    probe = subprocess.run(["unshare", "--net", "true"], capture_output=True, timeout=60)
    if probe.returncode != 0:
        return
    os.environ[PRIVATE_NETWORK] = "1"
    os.execvp("unshare", ["unshare", "--net", "sh", "-c", 'ip link set lo up && exec "$@"', "sh",
                          sys.executable, *sys.argv])


def _ip(*args: str) -> None:
    subprocess.run(["ip", *args], check=True, capture_output=True, timeout=60)


class Namespaces:
    """`with Namespaces(3) as net:` host i listens at net.addresses[i] inside network namespace
    net.names[i], all on one bridge whose address (net.gateway) the shared services listen on.
    Where namespaces cannot be made (not root, no `ip`), net.isolated is False, every host is
    on 127.0.0.1 (distinct ports) and net.why says why."""

    def __init__(self, count: int, enabled: bool = True):
        self.enabled = enabled
        tag = os.getpid() % 100000
        self.bridge = f"chb{tag}"
        subnet = f"10.{200 + tag % 50}.{tag % 250}"
        self.gateway = f"{subnet}.1"
        self.names = [f"chibo-h{i + 1}-{tag}" for i in range(count)]
        self.addresses = [f"{subnet}.{11 + i}" for i in range(count)]
        self._veths = [(f"vh{tag}x{i}", f"vn{tag}x{i}") for i in range(count)]
        self.isolated, self.why = False, None

    def __enter__(self) -> Namespaces:
        try:
            if not self.enabled:
                raise OSError("namespaces not asked for (--no-namespaces)")
            _ip("link", "add", self.bridge, "type", "bridge")
            _ip("addr", "add", f"{self.gateway}/24", "dev", self.bridge)
            _ip("link", "set", self.bridge, "up")
            for name, address, (outer, inner) in zip(self.names, self.addresses, self._veths):
                _ip("netns", "add", name)
                _ip("link", "add", outer, "type", "veth", "peer", "name", inner)
                _ip("link", "set", inner, "netns", name)
                _ip("link", "set", outer, "master", self.bridge, "up")
                _ip("-n", name, "addr", "add", f"{address}/24", "dev", inner)
                _ip("-n", name, "link", "set", inner, "up")
                _ip("-n", name, "link", "set", "lo", "up")
            self.isolated = True
        except (OSError, subprocess.SubprocessError) as e:
            detail = getattr(e, "stderr", b"") or b""
            self.why = f"{e} {detail.decode(errors='replace').strip()}".strip()
            if self.enabled:
                self.__exit__()
            self.gateway, self.addresses = "127.0.0.1", ["127.0.0.1"] * len(self.names)
        return self

    def run_in(self, i: int) -> list[str]:
        """The command prefix that runs a process in host i's namespace."""
        return ["ip", "netns", "exec", self.names[i]] if self.isolated else []

    def __exit__(self, *exc) -> None:
        if not self.enabled:
            return
        for name in self.names:
            subprocess.run(["ip", "netns", "del", name], capture_output=True, timeout=60)
        subprocess.run(["ip", "link", "del", self.bridge], capture_output=True, timeout=60)


def nginx_conf(folder: Path, listen: str, upstreams: list[str], locations: Path) -> Path:
    """An nginx configuration in `folder`: `listen` in front of `upstreams` (host:port), with the
    project's locations file; the upstream that answered is sent back as X-Chibo-Upstream."""
    for d in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (folder / d).mkdir(parents=True, exist_ok=True)
    user = "user root;\n" if os.geteuid() == 0 else ""
    servers = "".join(f"        server {u} max_fails=1 fail_timeout=5s;\n" for u in upstreams)
    conf = folder / "nginx.conf"
    conf.write_text(f"""{user}worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 256; }}
http {{
    access_log {folder}/access.log;
    client_body_temp_path {folder}/body; proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi; uwsgi_temp_path {folder}/uwsgi; scgi_temp_path {folder}/scgi;
    upstream chibo {{
{servers}        keepalive 8;
        keepalive_timeout 60s;
    }}
    server {{
        listen {listen};
        add_header X-Chibo-Upstream $upstream_addr always;
        include {locations};
    }}
}}
""")
    return conf
