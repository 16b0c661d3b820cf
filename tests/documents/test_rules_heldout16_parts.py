"""Parts of the round on held-out sets 15 and 16: a part given by its share of a whole it names,
then by its count ("khu vực doanh nghiệp ngoài nhà nước chiếm 8,5% tổng số tổ chức cơ sở đảng,
tương ứng 173 tổ chức"): one part, whose whole is the total counted in the same sentence or the
first total of that metric and place in the next; with none, no total of the whole is made up.
Each on sentences written for the rule, with near misses."""
from .test_rules import _figures
from .test_rules_heldout6 import _rows

PAGE = "Tin\n\nThứ Tư, 10/09/2025 - 09:00\n\n"


def test_a_share_of_a_named_whole_then_its_count_is_a_part_of_the_next_sentences_total():
    text = PAGE + ("Khu vực doanh nghiệp ngoài nhà nước chiếm 14,2% tổng số tổ chức cơ sở đảng của "
                   "tỉnh, tương ứng 97 tổ chức cơ sở đảng. Đảng bộ tỉnh hiện có 683 tổ chức cơ sở đảng.")
    assert _rows(text) == [("97", "base_orgs_total", "683", "sector", "private_enterprise"),
                           ("683", "base_orgs_total", None, None, None)]
    assert next(iter(_figures(text).values()))["share"] == 0.142


def test_a_share_of_members_then_its_count_is_a_part_of_the_total_before():
    text = PAGE + ("Đảng bộ tỉnh có 58.420 đảng viên. Khối doanh nghiệp nhà nước chiếm 5,1% tổng số "
                   "đảng viên, tương ứng 2.980 đồng chí.")
    assert _rows(text) == [("58.420", "members_total", None, None, None),
                           ("2.980", "members_total", "58.420", "sector", "state_enterprise")]


def test_a_total_of_another_metric_next_is_no_whole_of_the_share():
    """Near miss: the next sentence counts members, not organisations: no whole, and the sector's
    count only narrows its scope (no part of a made-up whole)."""
    text = PAGE + ("Khu vực doanh nghiệp ngoài nhà nước chiếm 14,2% tổng số tổ chức cơ sở đảng, "
                   "tương ứng 97 tổ chức cơ sở đảng. Đảng bộ tỉnh hiện có 31.200 đảng viên.")
    assert _rows(text) == [("97", "base_orgs_total", None, None, None),
                           ("31.200", "members_total", None, None, None)]


def test_a_count_not_said_to_correspond_stays_its_own_figure():
    """Near miss: "với 4.100 đảng viên" after the share is another count, not the share's."""
    text = PAGE + ("Toàn tỉnh có 58.420 đảng viên. Khối doanh nghiệp nhà nước chiếm 5,1% tổng số "
                   "đảng viên, với 2.980 đảng viên trẻ.")
    rows = _rows(text)
    assert ("2.980", "members_total", "58.420", "sector", "state_enterprise") not in rows


def test_a_share_in_brackets_after_a_sector_with_a_comma_is_the_counts():
    text = PAGE + ("Đảng bộ huyện Nghi Lộc có 96 tổ chức cơ sở đảng, trong đó 30 tổ chức cơ sở đảng "
                   "ở xã, thị trấn (31,3%); 41 ở các đơn vị sự nghiệp.")
    assert _figures(text)["30"]["share"] == 0.313


def test_a_share_in_brackets_of_the_next_counted_item_is_not_the_counts():
    """Near miss: after the sector's comma the next item, with its own count, comes after a ";":
    "(40%)" is that count's."""
    text = PAGE + ("Đảng bộ huyện có 100 tổ chức cơ sở đảng, trong đó 30 tổ chức cơ sở đảng ở xã, "
                   "thị trấn; 40 ở đơn vị sự nghiệp (40%).")
    found = _figures(text)
    assert (found["30"]["share"], found["40"]["share"]) == (None, 0.4)
