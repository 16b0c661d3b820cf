"""Parts of the round on held-out set 9: a share with its count in brackets ("sinh viên chiếm 79%
(1.048 đồng chí)": one figure), organisations singled out with their members ("riêng 38
chi bộ thôn có 729 đảng viên": two parts, not the size of what is counted), and a body an
organisation belongs to named after its figure ("…, là một trong những đảng bộ lớn của Đảng bộ
Chính phủ") that is not the figure's scope; each on sentences written for the rule, with near
misses."""
from .test_rules import _figures
from .test_rules_heldout6 import _rows

PAGE = "Tin\n\nThứ Tư, 10/09/2025 - 09:00\n\n"


def test_cells_singled_out_with_their_members_are_two_parts():
    text = PAGE + ("Đảng bộ xã hiện có 860 đảng viên, sinh hoạt tại 31 chi bộ; riêng 24 chi bộ bản "
                   "có 512 đảng viên.")
    assert _rows(text) == [("860", "members_total", None, None, None),
                           ("31", "cells_total", None, None, None),
                           ("24", "cells_total", "31", "sector", "residential"),
                           ("512", "members_total", "860", "sector", "residential")]


def test_the_size_of_cells_counted_is_still_no_figure():
    """Near miss: without "riêng", "12 chi bộ có trên 100 đảng viên" is the size of cells."""
    text = PAGE + "Đảng bộ huyện có 5.400 đảng viên; 12 chi bộ có trên 100 đảng viên."
    assert _rows(text) == [("5.400", "members_total", None, None, None)]


def test_a_body_it_belongs_to_is_no_scope():
    text = PAGE + ("Hiện Đảng bộ Tổng công ty Bưu điện Việt Nam có hơn 9.000 đảng viên, là một "
                   "trong những đảng bộ lớn của Đảng bộ Chính phủ.")
    (f,) = _figures(text).values()
    assert f["scope_value"] == "Tổng công ty Bưu điện Việt Nam"


def test_a_body_named_after_the_figure_is_still_its_scope():
    """Near miss: "… đảng viên của Đảng bộ xã Hải Nhân" names the figure's own body."""
    (f,) = _figures(PAGE + "Năm nay có 412 đảng viên của Đảng bộ xã Hải Nhân.").values()
    assert f["scope_value"] == "xã Hải Nhân"


def test_a_share_with_its_count_in_brackets_is_one_figure():
    text = PAGE + ("Nhiệm kỳ qua, Đảng bộ Trường kết nạp 840 đảng viên mới, trong đó sinh viên "
                   "chiếm 81% (680 đồng chí).")
    figures = _figures(text)
    assert [(f["number_text"], f["dimension_value"], f["share"]) for f in figures.values()] == [
        ("840", None, None), ("680", "student", 0.81)]


def test_a_count_in_brackets_after_a_total_is_no_share_s_count():
    """Near miss: "(680 đồng chí)" after a count with no share stays as it is read."""
    text = PAGE + "Đảng bộ Trường có 1.200 đảng viên (680 đồng chí là nữ)."
    figures = _figures(text)
    assert figures["680"]["share"] is None


def test_a_part_with_its_share_of_the_total_after_it():
    text = PAGE + ("Đảng bộ Trường có 120 đảng viên là sinh viên, chiếm 12,5% trong tổng số 960 "
                   "đảng viên của Đảng bộ.")
    assert _rows(text) == [("120", "members_total", "960", "occupation", "student"),
                           ("960", "members_total", None, None, None)]


def test_a_sentence_opening_with_its_whole_two_sentences_on():
    text = PAGE + ("Năm 2024, Đảng bộ tỉnh kết nạp 1.240 đảng viên. Có 300/350 tổ chức cơ sở đảng "
                   "kết nạp được đảng viên. Trong số đảng viên mới, có 96 người là sinh viên.")
    assert _rows(text)[-1] == ("96", "new_admissions", "1.240", "occupation", "student")


def test_an_opening_whole_never_counted_gives_no_whole():
    """Near miss: no admissions counted before: the part keeps no whole."""
    text = PAGE + "Đảng bộ tỉnh có 41.000 đảng viên. Trong số đảng viên mới, có 96 người là sinh viên."
    assert _rows(text)[-1][2] is None
