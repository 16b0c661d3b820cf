"""Cơ cấu đảng viên, the members page's structure section, in a real browser: the KPI cards and the two charts for the viewer's
selection, the characteristic switch kept in the URL, and the "Báo cáo thống kê" download (a real
XLSX read back with openpyxl); nothing leaves 127.0.0.1 (checked by the fixture)."""

from __future__ import annotations

import io

import openpyxl
import pytest

from tests.browser.conftest import shot
from tests.browser.test_flows import kpi, wait_ready

pytestmark = pytest.mark.browser


def test_structure_section_and_statistics_workbook(page):
    page.goto(page.base + "/dang-vien?from=2025-01-01&to=2025-12-31&asof=2025-12-31&sdim=ethnicity")
    wait_ready(page)
    page.wait_for_selector("#kpi-female_share .kpi-value", timeout=60000)
    assert kpi(page, "female_share") == "40,0%"
    assert kpi(page, "minority_share") == "15,6%"
    assert kpi(page, "young_admission_share") == "66,7%"
    page.wait_for_selector("text=Dân tộc thiểu số", timeout=60000)
    shot(page, "page-structure")
    page.get_by_text("Tuổi đời", exact=True).click()
    page.wait_for_url("**sdim=age_band**", timeout=60000)
    page.wait_for_selector("text=Đến 30 tuổi", timeout=60000)
    with page.expect_download(timeout=300_000) as dl:
        page.get_by_role("button", name="Báo cáo thống kê").click()
    download = dl.value
    assert download.suggested_filename == "Báo cáo thống kê 2025.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(open(download.path(), "rb").read()))
    assert book.sheetnames[:3] == ["1. Tổ chức đảng", "2. Đảng viên", "3. Kết nạp"]
    assert book["2. Đảng viên"]["D8"].value == 45
