"""requirements.lock, the hash-pinned list of the server's dependencies, agrees with
pyproject.toml: every dependency is pinned to a version its specifier allows, and every pin
carries hashes (so `pip install --require-hashes` accepts it, online or from a wheelhouse)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]


def _pins() -> dict[str, tuple[str, int]]:
    """name -> (version, number of hashes) from the lock file."""
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    pins = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        m = re.match(r"([A-Za-z0-9._-]+)==([^\s\\]+)", block)
        if m:
            pins[canonicalize_name(m[1])] = (m[2], block.count("--hash=sha256:"))
    return pins


def test_every_dependency_is_pinned_with_hashes_within_its_specifier():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    pins = _pins()
    assert len(pins) >= len(deps)
    for dep in map(Requirement, deps):
        version, hashes = pins[canonicalize_name(dep.name)]
        assert dep.specifier.contains(version, prereleases=True), (dep, version)
    assert all(hashes >= 1 for _v, hashes in pins.values())
