"""Rules round on held-out sets 11 and 12: shares and the counts beside them. A count in brackets
after a share is that part's count ("khối xã, phường chiếm 9,9% (135 tổ chức)", "cơ quan hành
chính chiếm 22,1% (302)"), parts named by their sector alone find the total of the sentence
before; "(đạt 87,4%)" is a share; a share after a comma belongs to the next item of a list, not
to the count before ("đoàn viên thanh niên 241, tuổi đời dưới 30 chiếm 78,3%"); organisations
that did not admit members are not of the sector their gloss names ("chủ yếu là chi bộ trường
học")."""
import pytest

from .test_rules import _figures

PAGE = "Thứ Tư, 12/11/2025 | 08:00\n\n"


def _parts(text: str) -> dict[str, tuple]:
    return {n: (f["metric"], f["whole"], f["dimension"], f["dimension_value"], f["share"])
            for n, f in _figures(PAGE + text).items()}


def test_counts_in_brackets_after_the_shares_of_sectors():
    """Real phrasing (heldout11 p04): sectors written share first, the counts in brackets, with
    or without their noun, the whole in the sentence before."""
    found = _parts("Tính đến ngày 31/10/2025, Đảng bộ tỉnh Gia Lai có 1.366 tổ chức cơ sở đảng. Xét "
                   "theo loại hình, khối xã, phường chiếm 9,9% (135 tổ chức); cơ quan hành chính chiếm "
                   "22,1% (302); doanh nghiệp ngoài nhà nước 160 và lực lượng vũ trang 240 tổ chức cơ "
                   "sở đảng.")
    assert found["135"] == ("base_orgs_total", "1.366", "sector", "commune", 0.099)
    assert found["302"] == ("base_orgs_total", "1.366", "sector", "agency", 0.221)
    assert found["160"][:4] == ("base_orgs_total", "1.366", "sector", "private_enterprise")
    assert found["240"][:4] == ("base_orgs_total", "1.366", "sector", "armed_forces")
    assert "9,9%" not in found and "22,1%" not in found  # one figure each, the count


@pytest.mark.parametrize("text,number,want", [
    ("Toàn tỉnh Nghệ An có 742 tổ chức cơ sở đảng. Theo loại hình, xã, phường, thị trấn chiếm 28,4% "
     "(211); doanh nghiệp nhà nước chiếm 4,2% (31 tổ chức).", "31",
     ("base_orgs_total", "742", "sector", "state_enterprise", 0.042)),
    ("Đảng bộ huyện Yên Thành có 5.210 đảng viên. Về cơ cấu, đảng viên nữ chiếm 38,2% (1.990 người); "
     "đảng viên dưới 30 tuổi chiếm 9,1% (474 người).", "1.990",
     ("members_female", "5.210", "gender", "female", 0.382)),
    ("Năm 2024, Đảng bộ huyện Yên Thành kết nạp 312 đảng viên; nữ chiếm 54,2% (169 đồng chí), đoàn "
     "viên thanh niên chiếm 80,1% (250 đồng chí).", "250",
     ("new_admissions", "312", "youth_union", "member", 0.801)),
])
def test_a_share_with_its_count_in_brackets_is_one_part(text, number, want):
    found = _parts(text)
    assert found[number] == want
    assert not any(n.endswith("%") for n in found)  # the share is not a second figure


def test_a_share_in_brackets_after_dat():
    """Real phrasing (heldout11 p06): "thì 187 tổ chức kết nạp được đảng viên (đạt 87,4%)"; a share
    of a plan ("(đạt 107,2% kế hoạch)") is none."""
    found = _parts("Năm 2023, Đảng bộ huyện Tuy Phước kết nạp 392 đảng viên. Trong 214 tổ chức cơ sở đảng "
                   "của Đảng bộ huyện thì 187 tổ chức kết nạp được đảng viên (đạt 87,4%); 27 tổ chức "
                   "chưa kết nạp được đảng viên nào, chủ yếu là chi bộ trường học và doanh nghiệp.")
    assert found["187"] == ("base_orgs_total", "214", "activity", "admitted_members", 0.874)
    assert found["27"] == ("base_orgs_total", "214", "activity", "no_admissions", None)
    found = _parts("Năm 2023, Đảng bộ huyện Tuy Phước kết nạp 392 đảng viên (đạt 107,2% kế hoạch).")
    assert found["392"][4] is None


def test_a_share_after_a_comma_is_the_next_items():
    """Real phrasing (heldout11 p02): "Trong số này, nữ 159 (55,6%), đoàn viên thanh niên 241, tuổi
    đời dưới 30 chiếm 78,3%": 241 has no share, the age band has 78,3%. Near miss: "…, chiếm
    35,6%" after a count is its own."""
    found = _parts("Năm 2024, Đảng bộ quận Ngô Quyền kết nạp 286 đảng viên. Trong số này, nữ 159 (55,6%), "
                   "đoàn viên thanh niên 241, tuổi đời dưới 30 chiếm 78,3%; có 12 đảng viên mới là người "
                   "có đạo.")
    assert found["241"] == ("new_admissions", "286", "youth_union", "member", None)
    assert found["78,3%"] == ("new_admissions", "286", "age_band", "18_29", 0.783)
    found = _parts("Đảng bộ tỉnh Điện Biên có 48.365 đảng viên, trong đó đảng viên nữ 17.238 đồng chí, "
                   "chiếm 35,6%; đảng viên là người dân tộc thiểu số 30.112 đồng chí, chiếm 62,3%.")
    assert found["17.238"][4] == 0.356 and found["30.112"][4] == 0.623


@pytest.mark.parametrize("text,want", [
    # real phrasing (heldout10 y01)
    ("Năm 2025, toàn Đảng bộ thành phố Hải Phòng kết nạp 4.215 đảng viên; trong đó đảng viên nữ, đoàn "
     "viên thanh niên lần lượt chiếm 49,2% và 84,7%.",
     {"49,2%": ("new_admissions", "4.215", "gender", "female", 0.492),
      "84,7%": ("new_admissions", "4.215", "youth_union", "member", 0.847)}),
    ("Đảng bộ huyện Yên Thành có 5.100 đảng viên; tỷ lệ đảng viên nữ và đảng viên dưới 30 tuổi tương ứng "
     "là 41,2% và 9,8%.",
     {"41,2%": ("members_female", "5.100", "gender", "female", 0.412),
      "9,8%": ("members_total", "5.100", "age_band", "18_29", 0.098)}),
])
def test_shares_given_respectively_for_labels_before_them(text, want):
    found = _parts(text)
    assert {n: found[n] for n in want} == want


def test_shares_respectively_need_as_many_labels():
    """Near miss: two labels, three shares: none is given to a label it may not be of."""
    found = _parts("Đảng bộ huyện Yên Thành có 5.100 đảng viên; đảng viên nữ và đoàn viên thanh niên lần lượt "
                   "chiếm 41,2%, 9,8% và 3,1%.")
    assert "3,1%" not in found and found.get("41,2%", ("",) * 4)[3] != "member"


def test_the_rest_that_did_not_admit():
    """Real phrasing (heldout10 p02): "6 tổ chức cơ sở đảng còn lại không kết nạp được đảng viên"."""
    found = _parts("Năm 2024, Đảng bộ huyện Tiên Du kết nạp 312 đảng viên. Có 58/64 tổ chức cơ sở đảng kết "
                   "nạp được đảng viên (90,6%); 6 tổ chức cơ sở đảng còn lại không kết nạp được đảng viên, "
                   "chủ yếu ở các doanh nghiệp nhỏ.")
    assert found["6"] == ("base_orgs_total", "64", "activity", "no_admissions", None)


def test_did_not_admit_without_the_noun_after_it():
    """"9 tổ chức còn lại chưa kết nạp được, phần lớn là chi bộ doanh nghiệp": the activity
    without "đảng viên" after the verb (and not the sector of the gloss)."""
    found = _parts("Năm 2023, Đảng bộ thị xã Sông Cầu kết nạp 156 đảng viên. Trong tổng số 58 tổ chức cơ sở "
                   "đảng, có 49 tổ chức kết nạp được đảng viên (đạt tỷ lệ 84,5%), 9 tổ chức còn lại chưa kết "
                   "nạp được, phần lớn là chi bộ doanh nghiệp.")
    assert found["49"] == ("base_orgs_total", "58", "activity", "admitted_members", 0.845)
    assert found["9"] == ("base_orgs_total", "58", "activity", "no_admissions", None)


def test_a_share_after_a_part_named_alone_in_a_list():
    """"nữ chiếm 41,2% (2.104 đồng chí), dân tộc thiểu số 1,5% (77 đồng chí)": the second part is
    named by its dimension alone, its share and count after it. Near miss: a sector so written
    ("xã, phường 40%") is not read as a part."""
    found = _parts("Đảng bộ thành phố Thái Bình có 5.102 đảng viên. Về cơ cấu, nữ chiếm 41,2% (2.104 đồng "
                   "chí), dân tộc thiểu số 1,5% (77 đồng chí).")
    assert found["77"] == ("members_total", "5.102", "ethnicity", "minority", 0.015)
    found = _parts("Đảng bộ thành phố Thái Bình có 5.102 đảng viên, xã, phường 40%.")
    assert "40%" not in found


def test_shares_respectively_for_the_last_labels_of_a_list():
    """"trong đó nữ 112 (52,1%), đoàn viên thanh niên 186 (86,5%), người dân tộc thiểu số, người có
    đạo lần lượt chiếm 2,3% và 6,5%": the shares are of the two labels right before them."""
    found = _parts("Năm 2024, Đảng bộ huyện Nghi Lộc kết nạp 215 đảng viên, trong đó nữ 112 (52,1%), đoàn "
                   "viên thanh niên 186 (86,5%), người dân tộc thiểu số, người có đạo lần lượt chiếm 2,3% và "
                   "6,5%.")
    assert found["2,3%"] == ("new_admissions", "215", "ethnicity", "minority", 0.023)
    assert found["6,5%"] == ("new_admissions", "215", "religion", "religious", 0.065)
    assert found["186"] == ("new_admissions", "215", "youth_union", "member", 0.865)


@pytest.mark.parametrize("text,number,want", [
    ("Năm 2024, Đảng bộ tỉnh Hà Nam kết nạp 2.310 đảng viên; trong đó tỷ lệ nữ chiếm 48,2% (1.113 "
     "đồng chí).", "1.113", ("new_admissions", "2.310", "gender", "female", 0.482)),
    # "chủ yếu là" before a group with its count in brackets: a part, not the members
    ("Năm 2024, Đảng bộ tỉnh Hà Nam kết nạp 2.310 đảng viên, chủ yếu là đoàn viên thanh niên (1.980 "
     "đồng chí).", "1.980", ("new_admissions", "2.310", "youth_union", "member", None)),
    # a sector after the noun with "ở khu vực"
    ("Đảng bộ tỉnh Hà Nam có 1.024 tổ chức cơ sở đảng; trong đó 98 tổ chức cơ sở đảng ở khu vực "
     "doanh nghiệp ngoài nhà nước.", "98",
     ("base_orgs_total", "1.024", "sector", "private_enterprise", None)),
    # parts named alone in a list after a label's colon
    ("Đảng bộ tỉnh Hà Nam có 85.400 đảng viên. Cơ cấu theo độ tuổi: dưới 30 tuổi 9,8%, từ 31 đến 60 "
     "tuổi 68,1%, trên 60 tuổi 22,1%.", "22,1%", ("members_total", "85.400", "age_band", "61_plus", 0.221)),
])
def test_parts_written_other_ways(text, number, want):
    assert _parts(text)[number] == want
