"""Strict round on held-out sets 19 to 21 (strict29), dates: the eve of a merger ("Trước khi hợp nhất với
tỉnh …," with the old province's code), a merger's day in brackets after "Sau khi hợp nhất" (not the
figure's), a congress's last day said after its lead ("Đại hội làm việc đến hết ngày 17/4"), a weekday with
its day ("Thứ Sáu tuần trước (28/11)")."""
import pytest

from .test_rules import _figures


def _dated(text: str, number: str) -> tuple:
    f = _figures(text)[number]
    return str(f["as_of"]), f["scope_value"]


@pytest.mark.parametrize("text,number,as_of,scope", [
    ("Thái Nguyên, 10/09/2025\nTrước khi hợp nhất với tỉnh Thái Nguyên, Đảng bộ tỉnh Bắc Kạn có 33.520 đảng viên. "
     "Đảng bộ tỉnh Thái Nguyên (mới) hiện có hơn 162.000 đảng viên.", "33.520", "2025-06-30", "06"),
    ("Quảng Ngãi, 15/10/2025\nTrước khi sáp nhập vào tỉnh Quảng Ngãi, Đảng bộ tỉnh Kon Tum có hơn 29.000 đảng viên. "
     "Hiện nay, Đảng bộ tỉnh Quảng Ngãi có gần 96.000 đảng viên.", "hơn 29.000", "2025-06-30", "62"),
    ("Đồng Nai, 20/12/2025\nRiêng tỉnh Bình Phước, trước ngày hợp nhất với Đồng Nai (1/7/2025), Đảng bộ tỉnh có gần "
     "60.000 đảng viên.", "gần 60.000", "2025-06-30", "70"),
    ("Tuyên Quang, 15/10/2025\nTrước khi sáp nhập, Đảng bộ tỉnh Hà Giang có hơn 60.000 đảng viên.", "hơn 60.000",
     "2025-06-30", "02"),
    # near misses: the merged province's stock after it is the page's; a merger of ministries, of communes or
    # of a province gone in 2008 says no day
    ("Tuyên Quang, 15/10/2025\nTrước khi sáp nhập, Đảng bộ xã Tân Lập có 612 đảng viên.", "612", "2025-10-15",
     "xã Tân Lập"),
    ("Hà Nội, 15/10/2025\nTrước khi sáp nhập, Đảng bộ tỉnh Hà Tây có 90.000 đảng viên.", "90.000", "2025-10-15",
     "tỉnh Hà Tây"),
    ("Quảng Ngãi, 15/10/2025\nTrước khi sáp nhập vào tỉnh Quảng Ngãi, Đảng bộ tỉnh Kon Tum có hơn 29.000 đảng viên. "
     "Hiện nay, Đảng bộ tỉnh Quảng Ngãi có gần 96.000 đảng viên.", "gần 96.000", "2025-10-15", "N51"),
    ("Hà Nội, 20/02/2025\nTrước khi hợp nhất với Bộ Kế hoạch và Đầu tư, Đảng bộ Bộ Tài chính có 1.200 đảng viên.",
     "1.200", "2025-02-20", "Bộ Tài chính"),
])
def test_the_eve_of_a_merger(text, number, as_of, scope):
    """Heldout21 s02, heldout19 h02, dev s147, s148, s151."""
    assert _dated(text, number) == (as_of, scope)


@pytest.mark.parametrize("text,number,as_of", [
    ("Thứ Hai, 10/03/2025 | 15:20\nSau khi hợp nhất với Bộ Thông tin và Truyền thông (từ ngày 1/3/2025), Đảng bộ Bộ "
     "Khoa học và Công nghệ có 52 tổ chức cơ sở đảng.", "52", "2025-03-10"),
    ("Thứ Tư, 12/03/2025 | 09:10\nSau khi sáp nhập với Bộ Lao động - Thương binh và Xã hội (kể từ ngày 1/3/2025), "
     "Đảng bộ Bộ Nội vụ có 41 tổ chức cơ sở đảng.", "41", "2025-03-12"),
    # near miss: a day of its own, not a merger's
    ("Thứ Hai, 10/03/2025 | 15:20\nĐến ngày 1/3/2025, Đảng bộ Bộ Khoa học và Công nghệ có 52 tổ chức cơ sở đảng.",
     "52", "2025-03-01"),
])
def test_the_day_of_a_merger_in_brackets_is_not_the_figures(text, number, as_of):
    """Heldout19 t06, dev d176."""
    assert _dated(text, number)[0] == as_of


@pytest.mark.parametrize("text,number,as_of", [
    ("Ngày 15/4/2025, Đảng bộ Bộ Tư lệnh Vùng Cảnh sát biển 2 khai mạc Đại hội đại biểu lần thứ IX. Đại hội làm việc "
     "đến hết ngày 17/4.\nToàn Đảng bộ có hơn 1.900 đảng viên.", "hơn 1.900", "2025-04-17"),
    ("Ngày 22/7/2025, Đảng bộ Tổng công ty Đường sắt Việt Nam khai mạc Đại hội đại biểu lần thứ V. Đại hội diễn ra "
     "đến hết ngày 24/7.\nĐảng bộ hiện có 3.915 đảng viên.", "3.915", "2025-07-24"),
    ("Sáng 10/6/2025, Đảng bộ xã Tân Hòa khai mạc Đại hội lần thứ I. Đại hội làm việc trong hai ngày và bế mạc vào "
     "ngày 11/6.\nĐảng bộ xã có 1.024 đảng viên.", "1.024", "2025-06-11"),
    # near misses: a span restated after the session's lead dates that session; a day weeks later is another
    ("Thứ Hai, 19/01/2026 - 10:05\nSáng 19/1, Đại hội đại biểu toàn quốc lần thứ XIV của Đảng khai mạc. Đại hội làm việc từ ngày 19 đến "
     "23/1/2026. Dự Đại hội có 1.586 đại biểu, thay mặt cho hơn 5,6 triệu đảng viên.", "hơn 5,6 triệu", "2026-01-19"),
    ("Ngày 15/4/2025, Đảng bộ xã Tân Hòa khai mạc Đại hội. Đại hội kéo dài đến ngày 20/5.\nĐảng bộ xã có 1.024 "
     "đảng viên.", "1.024", "2025-04-15"),
])
def test_a_congress_is_dated_by_the_day_it_closes(text, number, as_of):
    """Heldout19 c05, dev c62, c63 (corpus README: a congress over several days, its last day)."""
    assert _dated(text, number)[0] == as_of


@pytest.mark.parametrize("text,number,as_of", [
    ("Thứ Tư, 03/12/2025\nThứ Sáu tuần trước (28/11), Đảng ủy Bệnh viện Đa khoa tỉnh Phú Thọ tổ chức hội nghị. Đảng "
     "bộ hiện có 486 đảng viên.", "486", "2025-11-28"),
    ("Thứ Hai, 08/12/2025\nThứ Năm tuần qua (4/12), Chi bộ thôn Phú Mỹ tổ chức hội nghị. Chi bộ hiện có 41 đảng "
     "viên.", "41", "2025-12-04"),
    ("Thứ Ba, 02/12/2025\nChủ nhật vừa qua (30/11), Đảng ủy phường An Khánh tổ chức hội nghị. Đảng bộ phường có "
     "2.310 đảng viên.", "2.310", "2025-11-30"),
    ("Thứ Ba, 02/12/2025\nThứ Sáu, 28/11, Đảng ủy phường An Khánh tổ chức hội nghị. Đảng bộ phường có 2.310 đảng "
     "viên.", "2.310", "2025-11-28"),
    # near miss: the page's own date line with its weekday stays the page's day
    ("Thứ Tư, 03/12/2025\nĐảng bộ phường An Khánh hiện có 2.310 đảng viên.", "2.310", "2025-12-03"),
])
def test_a_weekday_with_its_day(text, number, as_of):
    """Heldout21 d06, dev d177, d178."""
    assert _dated(text, number)[0] == as_of
