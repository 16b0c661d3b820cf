"""Words of the rules round on held-out sets 22 and 23 (vocabulary.py, parts.py, clauses.py): admissions
"đón nhận N đảng viên mới", "kết nạp N học viên vào Đảng" (a cadet or learner: occupation student),
miners "thợ lò, công nhân trực tiếp sản xuất", "thợ mỏ" (occupation worker), a plan on a page
without diacritics ("phan dau ket nap 150", "chi tieu ket nap 15"), a part of admissions after a gloss
("…, phần lớn là …; có 11 đồng chí là người dân tộc …"), members admitted counted by "đồng chí" after
a bracket naming probationary members ("(3 đảng viên dự bị); trong năm kết nạp 2 đồng chí": no
probationary group, figures.py), members admitted after a change ("…, tăng 312 đồng chí so với cùng kỳ;
trong đó có 1.037 đảng viên được kết nạp trong …"), a caption restating a ceremony's count ("26 đảng viên
mới tuyên thệ dưới cờ Đảng"). Near misses: "học viên" not admitted (a
course's trainees), a page without diacritics stating what was done, a count after a stock, a
counter right after its group, parts of an award, a caption without a count."""
import pytest

from chibo.etl.documents import extract


def _rows(text: str) -> list[tuple]:
    figures = extract("Ngày 05/02/2026\n" + text, "t.txt").figures
    by_id = {f["figure_id"]: f["number_text"] for f in figures}
    return [(f["number_text"], f["metric"], f["qualifier"], by_id.get(f["part_of_figure_id"]), f["dimension"],
             f["dimension_value"]) for f in figures]


@pytest.mark.parametrize("text,row", [
    ("Năm 2025, Đảng bộ phường Hố Nai đón nhận 27 đảng viên mới, trong đó 9 đồng chí là giáo dân.",
     ("27", "new_admissions", "exact", None, None, None)),
    ("Năm 2025, Đảng bộ phường Hố Nai đón nhận 27 đảng viên mới, trong đó 9 đồng chí là giáo dân.",
     ("9", "new_admissions", "exact", "27", "religion", "catholic")),
    ("Đảng ủy Học viện Kỹ thuật Quân sự đã xem xét, kết nạp 187 học viên vào Đảng.",
     ("187", "new_admissions", "exact", None, "occupation", "student")),
    ("Đảng bộ có trên 31.000 đảng viên. Trong số này, 12.418 đảng viên là thợ lò, công nhân trực tiếp sản "
     "xuất.", ("12.418", "members_total", "exact", "trên 31.000", "occupation", "worker")),
    ("Đảng bộ Công ty Than Hà Lầm có 1.150 đảng viên, trong đó 640 đảng viên là thợ mỏ.",
     ("640", "members_total", "exact", "1.150", "occupation", "worker")),
    ("Nam 2023, toan Dang bo phan dau ket nap 150 dang vien moi.",
     ("150", "new_admissions", "target", None, None, None)),
    ("Nam 2024, Dang bo chi tieu ket nap 15 dang vien moi.", ("15", "new_admissions", "target", None, None, None)),
])
def test_words_of_admissions_groups_and_plans(text, row):
    assert row in _rows(text)


@pytest.mark.parametrize("text", [
    "Trường Chính trị tỉnh khai giảng lớp bồi dưỡng cho 120 học viên.",
    "Nam 2023, toan Dang bo ket nap 150 dang vien moi.",
])
def test_near_misses(text):
    assert all(r[2] != "target" for r in _rows(text)) and all(r[5] != "student" for r in _rows(text))


def test_a_part_of_admissions_after_a_gloss_and_a_semicolon():
    text = ("Năm 2025, Đảng ủy Sư đoàn 5 đã kết nạp 156 quần chúng ưu tú vào Đảng, phần lớn là hạ sĩ quan, "
            "chiến sĩ nghĩa vụ; có 11 đồng chí là người dân tộc Khmer, Xtiêng.")
    assert ("11", "new_admissions", "exact", "156", "ethnicity", "minority") in _rows(text)


def test_near_miss_a_count_after_a_stock_is_no_part_of_admissions():
    text = ("Năm 2025, Đảng bộ kết nạp 15 đảng viên, nâng tổng số đảng viên lên 412; có 150 đồng chí là người "
            "dân tộc Tày.")
    assert all(not (r[0] == "150" and r[3] == "15") for r in _rows(text))


def test_members_admitted_are_not_the_probationary_group_named_before():
    text = "Chi bộ Công an phường có 27 đảng viên (3 đảng viên dự bị); trong năm kết nạp 2 đồng chí."
    assert ("2", "new_admissions", "exact", None, None, None) in _rows(text)


def test_near_miss_a_counter_after_a_group_still_takes_it():
    text = "Chi bộ có 27 đảng viên; đảng viên dự bị 3 đồng chí."
    assert ("3", "members_probationary", "exact", "27", "status", "probationary") in _rows(text)


def test_admitted_members_after_a_change_are_a_part_of_the_admissions():
    text = ("9 tháng năm 2025, toàn tỉnh kết nạp 2.964 đảng viên, tăng 312 đồng chí so với cùng kỳ; trong đó có "
            "1.037 đảng viên được kết nạp trong các doanh nghiệp ngoài nhà nước.")
    assert ("1.037", "new_admissions", "exact", "2.964", "sector", "private_enterprise") in _rows(text)


def test_near_miss_parts_of_an_award_stay_no_figure():
    text = "Đảng ủy trao Huy hiệu Đảng cho 1.126 đảng viên, trong đó có 2 đảng viên nhận Huy hiệu 75 năm tuổi Đảng."
    assert all(r[0] != "2" for r in _rows(text))


def test_a_caption_restating_a_ceremony_count():
    text = ("Chiều 3/9/2025, Đảng ủy Công an thành phố tổ chức Lễ kết nạp đảng viên cho 26 quần chúng ưu tú.\n"
            "26 đảng viên mới tuyên thệ dưới cờ Đảng. Ảnh: Hoàng Anh")
    assert [r[:2] for r in _rows(text)] == [("26", "new_admissions"), ("26", "new_admissions")]


def test_near_miss_a_caption_without_a_count():
    assert _rows("Các đảng viên mới tuyên thệ dưới cờ Đảng. Ảnh: Hoàng Anh") == []
