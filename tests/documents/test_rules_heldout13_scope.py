"""Rules round on held-out sets 13 and 14: names. A body's name keeps the lower-case syllables of the
field it states ("Trường Đại học Thủy lợi", "Trường Đại học Giao thông vận tải", "Cảng hàng không quốc
tế Nội Bài", "Trường Sĩ quan Lục quân 1") when the run ends on a field's last syllable or a capital
follows it, and not a verb after the name ("… Lê Lợi công bố")."""
import pytest

from chibo.etl.documents.orgnames import org_name

from .test_rules import _figures


@pytest.mark.parametrize("text, name", [
    ("Trường Đại học Thủy lợi kết nạp 35 sinh viên", "Trường Đại học Thủy lợi"),
    ("Trường Đại học Giao thông vận tải hiện có 1.104 đảng viên", "Trường Đại học Giao thông vận tải"),
    ("Cảng hàng không quốc tế Nội Bài tổ chức Đại hội", "Cảng hàng không quốc tế Nội Bài"),
    ("Trường Sĩ quan Lục quân 1 kết nạp 126 đảng viên", "Trường Sĩ quan Lục quân 1"),
    ("Trường Cao đẳng Kỹ thuật công nghiệp có 214 đảng viên", "Trường Cao đẳng Kỹ thuật công nghiệp"),
])
def test_a_name_keeps_the_lower_case_syllables_of_its_field(text, name):
    """Real phrasings: universities, an airport, an officers' school, a college (dev s26-s28)."""
    assert org_name(text, 0) == name


@pytest.mark.parametrize("text, name", [
    ("Trường THPT Lê Lợi công bố kết quả", "Trường THPT Lê Lợi"),      # a verb, not a field
    ("Công ty Than Hà Lầm không kết nạp được", "Công ty Than Hà Lầm"),  # "không" alone ends nothing
    ("Bệnh viện Bạch Mai hàng năm kết nạp", "Bệnh viện Bạch Mai"),
])
def test_lower_case_words_after_a_name_that_end_no_field_are_not_in_it(text, name):
    """Near misses: lower-case words after the name that do not close a field's name."""
    assert org_name(text, 0) == name


def test_an_airport_committee_is_its_scope_in_a_congress_report():
    """dev s27: "Đảng bộ Cảng hàng không quốc tế Đà Nẵng … có 11 chi bộ trực thuộc" (not "Cảng")."""
    figs = _figures("Ngày 14/5/2025, Đảng bộ Cảng hàng không quốc tế Đà Nẵng tổ chức Đại hội lần thứ V. "
                    "Đảng bộ có 11 chi bộ trực thuộc với 356 đảng viên.")
    assert {f["scope_value"] for f in figs.values()} == {"Cảng hàng không quốc tế Đà Nẵng"}
