"""Shares and groups of the rules round on held-out sets 22 and 23 (parts.py, shares.py): a share
after a count said "tỷ lệ 47,9%" or "chiếm tới 58,3% (254 đồng chí)", a share alone after a colon
("Cơ cấu …: đảng viên nữ chiếm 34,6%"), workers named by where they work ("công nhân làm việc tại các
doanh nghiệp có vốn đầu tư nước ngoài": occupation worker, not the sector). Near misses: "tỷ lệ"
opening a sentence about something else, a sector named without workers."""
import pytest

from chibo.etl.documents import extract


def _rows(text: str) -> list[tuple]:
    figures = extract("Ngày 10/12/2025\n" + text, "t.txt").figures
    by_id = {f["figure_id"]: f["number_text"] for f in figures}
    return [(f["number_text"], f["metric"], by_id.get(f["part_of_figure_id"]), f["dimension"], f["dimension_value"],
             f["share"]) for f in figures]


@pytest.mark.parametrize("text,row", [
    ("Toàn Đảng bộ có 27 chi bộ với 812 đảng viên, trong đó đảng viên người Khmer 389 đồng chí, tỷ lệ 47,9%.",
     ("389", "members_total", "812", "ethnicity", "minority", 0.479)),
    ("Đảng bộ có 436 đảng viên; đảng viên có trình độ sau đại học chiếm tới 58,3% (254 đồng chí).",
     ("254", "members_total", "436", "education", "postgraduate", 0.583)),
    ("Toàn Đảng có hơn 5,5 triệu đảng viên. Cơ cấu đảng viên chuyển biến tích cực: đảng viên nữ chiếm 34,6%.",
     ("34,6%", "members_female", "hơn 5,5 triệu", "gender", "female", 0.346)),
    ("Năm 2025, Đảng bộ kết nạp 64 đảng viên, trong đó công nhân làm việc tại các doanh nghiệp có vốn đầu tư "
     "nước ngoài là 51 đồng chí.", ("51", "new_admissions", "64", "occupation", "worker", None)),
])
def test_shares_and_workers(text, row):
    assert row in _rows(text)


def test_near_miss_a_sector_without_workers():
    text = ("Năm 2025, Đảng bộ kết nạp 64 đảng viên, trong đó ở các doanh nghiệp có vốn đầu tư nước ngoài "
            "là 51 đồng chí.")
    assert all(r[3] != "occupation" for r in _rows(text))
