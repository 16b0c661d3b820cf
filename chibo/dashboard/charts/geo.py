"""Optional true map of the provinces: a user-supplied GeoJSON file (`provinces.geojson` beside
the warehouse, or the file named by CHIBO_PROVINCES_GEOJSON), read once per file version,
simplified, and matched to province codes by a code or a name in each feature's properties.
Pure file handling, no network and no SQL; without a file the regions page keeps its tile map."""

from __future__ import annotations

import functools
import json
import logging
import re
import unicodedata
from pathlib import Path

from chibo.dashboard import runtime
from chibo.dashboard.charts.cartogram import PROVINCE_PREFIXES

log = logging.getLogger(__name__)
MAX_POINTS = 400  # per ring after simplification: enough for a province at dashboard size


def shapes_path() -> Path:
    """Where the GeoJSON is looked for (it need not exist)."""
    return runtime.current().settings.geojson_path()


def _plain(text) -> str:
    """Lower case without diacritics ('Thành phố' → 'thanh pho')."""
    s = unicodedata.normalize("NFD", str(text)).replace("đ", "d").replace("Đ", "D")
    return "".join(ch for ch in s if not unicodedata.combining(ch)).lower().strip()


_PREFIXES = tuple(_plain(p) + " " for p in PROVINCE_PREFIXES)  # the tiles' prefixes, plain


def fold(text) -> str:
    """'Thành phố Hồ Chí Minh' → 'hochiminh': no diacritics, case, prefix, space or punctuation."""
    s = _plain(text)
    for prefix in _PREFIXES:
        if s.startswith(prefix):
            s = s[len(prefix):]
    return re.sub(r"[^a-z0-9]", "", s)


def _rings(geometry: dict | None) -> list[list[tuple[float, float]]]:
    """Outer and inner rings of a Polygon / MultiPolygon as (lon, lat) lists, each thinned to
    at most MAX_POINTS points (first and last kept, so rings stay closed)."""
    if not geometry:
        return []
    kind, coords = geometry.get("type"), geometry.get("coordinates") or []
    polygons = [coords] if kind == "Polygon" else coords if kind == "MultiPolygon" else []
    out = []
    for polygon in polygons:
        for ring in polygon:
            pts = [(float(p[0]), float(p[1])) for p in ring if len(p) >= 2]
            if len(pts) < 4:
                continue
            step = max(1, len(pts) // MAX_POINTS)
            out.append(pts[::step] + ([pts[-1]] if (len(pts) - 1) % step else []))
    return out


@functools.lru_cache(maxsize=4)
def _read(path: str, _version: tuple) -> tuple[tuple[dict, list], ...]:
    """(properties, rings) per feature; `_version` (mtime, size) renews the cache on change."""
    with open(path, encoding="utf-8-sig") as fh:
        doc = json.load(fh)
    features = doc.get("features", []) if doc.get("type") == "FeatureCollection" else [doc]
    return tuple((f.get("properties") or {}, _rings(f.get("geometry"))) for f in features
                 if isinstance(f, dict))


def load_features(path: Path | None = None) -> tuple[tuple[dict, list], ...]:
    """The file's features, or () when there is no file or it cannot be read (logged)."""
    path = path or shapes_path()
    try:
        st = path.stat()
        return _read(str(path), (st.st_mtime_ns, st.st_size))
    except FileNotFoundError:
        return ()
    except (OSError, ValueError, AttributeError, TypeError):
        log.exception("cannot read the provinces GeoJSON %s", path)
        return ()


def _code_keys(value) -> set[str]:
    """'1', '01', 'N01' → the codes they may stand for ('01' and 'N01')."""
    m = re.fullmatch(r"\s*(N?)(\d{1,2})\s*", str(value))
    if not m:
        return set()
    digits = m.group(2).zfill(2)
    return {"N" + digits} if m.group(1) else {digits, "N" + digits}


def _is_code_key(key: str) -> bool:
    """Property names that hold a province code ('code', 'ma_tinh', 'Mã tỉnh', 'province_code')."""
    k = fold(key)
    return "code" in k or k.startswith("ma")


def match(features, provinces: dict[str, str]) -> dict[str, list]:
    """{province_code: rings} for the provinces {code: name} shown: a feature belongs to the
    province whose name (folded: 'TP. Hồ Chí Minh' = 'Hồ Chí Minh') one of its property values
    is, else whose code a code-like property ('ma_tinh', 'code') holds; unmatched ones are left."""
    by_name = {fold(name): code for code, name in provinces.items()}
    out: dict[str, list] = {}
    for props, rings in features:
        if not rings:
            continue
        names = [v for v in props.values() if isinstance(v, str)]
        codes = [v for k, v in props.items() if isinstance(v, (str, int)) and _is_code_key(str(k))]
        code = next((by_name[fold(v)] for v in names if fold(v) in by_name), None)
        code = code or next((c for v in codes for c in sorted(_code_keys(v)) if c in provinces), None)
        if code:
            out.setdefault(code, []).extend(rings)
    return out
