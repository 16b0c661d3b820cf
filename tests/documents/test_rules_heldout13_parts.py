"""Rules round on held-out sets 13 and 14: parts and totals. A group all of a count is in the same
sentence ("đều dưới 30 tuổi", "cả 8 đồng chí đều là công nhân"), a single year named out of a
sum ("trong đó năm 2024 là 463"), members described by where they work ("đang làm việc tại các
công ty …"), a sector singled out in the next sentence with its share. Each with a near miss."""
from chibo.etl.documents import extract

from .test_rules import _figures

PAGE = "Tin\n\nThứ Sáu, 21/06/2024 | 21:10\n\n"


def test_all_of_a_count_under_30_in_the_same_sentence_is_its_age_band():
    """Real phrasing (heldout14): "kết nạp được mười hai đảng viên, đều dưới 30 tuổi"."""
    f = _figures(PAGE + "Đảng bộ phường Cửa Nam đã kết nạp được mười hai đảng viên, đều dưới 30 tuổi.")
    assert (f["mười hai"]["dimension"], f["mười hai"]["dimension_value"], f["mười hai"]["whole"]) == (
        "age_band", "18_29", None)


def test_a_count_restated_with_its_group_takes_the_group_and_is_no_part():
    """Real phrasing (heldout14): an FDI company's cell "kết nạp 8 đảng viên, cả 8 đồng chí đều là
    công nhân trực tiếp sản xuất": two mentions of one group of workers, not a part of itself."""
    text = PAGE + "Chi bộ Công ty TNHH Hansol Vina kết nạp 5 đảng viên, cả 5 đồng chí đều là công nhân."
    figures = extract(text, "rules").figures
    assert [(f["value"], f["dimension_value"], f["part_of_figure_id"]) for f in figures] == [
        (5, "worker", None), (5, "worker", None)]


def test_some_of_a_count_after_in_which_stay_a_part():
    """Near miss: "kết nạp 8 đảng viên, trong đó 3 đồng chí là công nhân" is a part of the 8."""
    f = _figures(PAGE + "Chi bộ kết nạp 8 đảng viên, trong đó 3 đồng chí là công nhân.")
    assert (f["8"]["dimension"], f["3"]["dimension_value"], f["3"]["whole"]) == (None, "worker", "8")


def test_a_year_named_out_of_a_sum_of_years_is_its_own_figure():
    """Real phrasing (heldout13): "Năm 2023 và 2024, … kết nạp tổng cộng 887 đảng viên, trong đó năm
    2024 là 463 đồng chí. Đảng viên mới là người dân tộc thiểu số chiếm 31,6%": 463 is 2024's own
    count, and the share in the next sentence is of the 887."""
    f = _figures(PAGE + "Năm 2023 và 2024, Đảng bộ Tập đoàn kết nạp tổng cộng 887 đảng viên, trong đó năm "
                        "2024 là 463 đồng chí. Đảng viên mới là người dân tộc thiểu số chiếm 31,6%.")
    assert (f["463"]["whole"], f["463"]["dimension"], f["31,6%"]["whole"]) == (None, None, "887")


def test_a_group_of_a_count_after_in_which_without_a_period_stays_a_part():
    """Near miss: "trong đó 463 đồng chí là nữ" names no period: a part of the 887."""
    f = _figures(PAGE + "Năm 2024, Đảng bộ kết nạp 887 đảng viên, trong đó 463 đồng chí là nữ.")
    assert (f["463"]["whole"], f["463"]["dimension"]) == ("887", "gender")


def test_members_working_at_unnamed_places_are_no_part():
    """Real phrasing (heldout13): "118 đảng viên, trong đó 23 đồng chí là nữ, 9 đồng chí đang làm
    việc tại các công ty điện lực vùng đồng bào Khmer": a group no dimension names."""
    f = _figures(PAGE + "Năm 2024, Đảng bộ kết nạp 212 đảng viên, trong đó 40 đồng chí là nữ, 15 đồng chí "
                        "đang công tác tại các đồn biên phòng.")
    assert sorted(f) == ["212", "40"]


def test_a_sector_singled_out_in_the_next_sentence_keeps_its_share():
    """Real phrasing (heldout14): "Riêng khu vực doanh nghiệp ngoài nhà nước kết nạp 318 đảng viên,
    chiếm 9,3%" after the province's 3.412."""
    f = _figures(PAGE + "Năm 2024, toàn tỉnh Bình Dương kết nạp 2.100 đảng viên. Riêng khối doanh nghiệp "
                        "ngoài nhà nước kết nạp 126 đảng viên, chiếm 6%.")
    assert (f["126"]["whole"], f["126"]["dimension_value"], f["126"]["share"]) == (
        "2.100", "private_enterprise", 0.06)


def test_parts_in_words_after_in_which_are_read():
    """Real phrasing (heldout13): a photo story's "Chi bộ có mười bốn đảng viên, trong đó năm đồng chí
    là nữ": a count in words with a counter noun, as a part."""
    f = _figures(PAGE + "Chi bộ bản Nà Sài có mười một đảng viên, trong đó bốn đồng chí là nữ, hai đồng chí "
                        "là đảng viên dự bị.")
    assert (f["bốn"]["metric"], f["bốn"]["whole"], f["hai"]["metric"]) == (
        "members_female", "mười một", "members_probationary")


def test_a_word_number_with_a_counter_outside_a_list_stays_no_count():
    """Near miss: "năm đồng chí" with no "trong đó" before it (a year, or a phrase) is no count."""
    assert _figures(PAGE + "Năm đồng chí trong Ban Chi ủy đã họp.") == {}
