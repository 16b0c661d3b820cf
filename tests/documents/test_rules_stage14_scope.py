"""A congress's ordinal in a heading in capitals ("… LẦN THỨ XIV") ends the body's name, as its term
does (stage round 14: a table under such a heading took "lần thứ XIV" into every row's scope)."""
import pytest

from chibo.etl.documents import extract


def _scopes(text: str) -> list[tuple]:
    return [(f["number_text"], (f["scope_value"] or "").lower()) for f in extract(text, "scope").figures]


@pytest.mark.parametrize("ordinal", [" LẦN THỨ VIII", ""])  # the second: a near miss, read as it was
def test_the_ordinal_of_a_congress_ends_the_name_in_a_capitals_heading(ordinal):
    text = (f"ĐẠI HỘI ĐẢNG BỘ CÔNG TY XI MĂNG BỈM SƠN{ordinal} (NGÀY 12/6/2025)\n"
            "Đảng bộ hiện có 512 đảng viên sinh hoạt tại 21 chi bộ.\n")
    assert _scopes(text) == [("512", "công ty xi măng bỉm sơn"), ("21", "công ty xi măng bỉm sơn")]


def test_a_count_before_its_body_is_named_takes_the_one_body_the_document_names():
    text = ("Những chặng đường phát triển của Đảng bộ\n"
            "Khi mới tái lập, Đảng bộ có 640 đảng viên. Năm 2024, Đảng bộ huyện Tam Nông có 4.120 đảng viên.\n")
    assert _scopes(text) == [("640", "huyện tam nông"), ("4.120", "huyện tam nông")]


def test_a_document_naming_two_bodies_leaves_an_unscoped_count_unscoped():
    """Near miss: with two bodies named, which one the first count is of is not known."""
    text = ("Những chặng đường phát triển của Đảng bộ\n"
            "Khi mới tái lập, Đảng bộ có 640 đảng viên. Năm 2024, Đảng bộ huyện Tam Nông có 4.120 đảng viên, "
            "Đảng bộ huyện Thanh Thủy có 3.870 đảng viên.\n")
    assert _scopes(text)[0] == ("640", "")
