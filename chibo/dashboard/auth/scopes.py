"""An analyst's scope checked before it is stored: every province code must be one the warehouse
knows (old `02` or current `N01`), every organisation id one of its organisations. A mistyped
code is refused with a clear message rather than stored (where it would show nothing)."""

from __future__ import annotations

from chibo.dashboard import data
from chibo.dashboard.data import Scope
from chibo.dashboard.queries import lookup


def check_scope(provinces=(), orgs=()) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(province codes, organisation ids), cleaned and sorted; ValueError (Vietnamese and
    English) naming what is unknown, or that there is no warehouse to check them against."""
    provinces = tuple(sorted({_code(p) for p in provinces if str(p).strip()}))
    orgs = tuple(sorted({str(o).strip() for o in orgs if str(o).strip()}))
    if not provinces and not orgs:
        return (), ()
    if data.signature() is None:
        raise ValueError(
            f"Chưa có kho dữ liệu để kiểm tra phạm vi ({data.warehouse_path()}): nạp dữ liệu "
            "trước / no warehouse to check the scope against yet: load data first")
    current, old = data.province_codes(provinces)
    unknown = [p for p in provinces if p not in current | old]
    if unknown:
        raise ValueError(
            f"Mã tỉnh không có / unknown province code: {', '.join(unknown)} (mã cũ như 01, 02 "
            "… trước 1/7/2025 hoặc mã mới như N01 … / an old code such as 01, 02 … or a "
            "current one such as N01 …)")
    missing = [o for o in orgs if not lookup.org_exists(Scope.everything(), o)]
    if missing:
        raise ValueError(f"Mã tổ chức không có / unknown organisation id: {', '.join(missing)}")
    return provinces, orgs


def _code(code) -> str:
    text = str(code).strip()
    return text.upper() if text[:1] in ("n", "N") else text
