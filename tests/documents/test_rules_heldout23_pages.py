"""A printed page pasted as text, in the rules round on held-out sets 22 and 23 (sentences.py): a
page number alone on its line ("5", "- 12 -", "Trang 5") between a count and its noun wrapped over
the page break is dropped, and a range of years wrapped after its dash ("nhiệm kỳ 2015 -" / "2020,
…") is joined. Near misses: a number line between two paragraphs, a line of a list."""
from chibo.etl.documents import extract


def _figures(text: str) -> list[tuple]:
    return [(f["number_text"], f["metric"], f["period_from"] and f["period_from"].isoformat())
            for f in extract("Ngày 14/10/2020\n" + text, "t.txt").figures]


def test_a_page_number_inside_a_wrapped_sentence():
    text = ("Đến nay, toàn Đảng bộ có 480 tổ chức cơ sở đảng với 61.417\n\n      5\n\nđảng viên; nhiệm kỳ 2015 -\n"
            "2020, toàn Đảng bộ kết nạp 10.093 đảng viên.")
    assert _figures(text) == [("480", "base_orgs_total", None), ("61.417", "members_total", None),
                              ("10.093", "new_admissions", "2015-01-01")]


def test_a_page_number_with_dashes():
    text = "Đảng bộ huyện có tổng số 9.874\n- 12 -\nđảng viên."
    assert _figures(text) == [("9.874", "members_total", None)]


def test_near_miss_a_number_line_between_paragraphs():
    text = "Đảng bộ huyện có 62 tổ chức cơ sở đảng.\n\n5\n\nĐảng viên toàn huyện tích cực học tập."
    assert _figures(text) == [("62", "base_orgs_total", None)]
