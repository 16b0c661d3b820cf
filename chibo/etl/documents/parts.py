"""Parts and wholes: the characteristic that makes a figure a part of a total (its dimension and
value: women, ethnic minorities, aged 18–30, university education, a sector …), the share quoted
beside it, and the rules linking a part to the whole it belongs to.

| dimension | values | written (after "đảng viên (là) (người)", or before the number in a breakdown) |
|---|---|---|
| gender | female | nữ, nữ giới, phái nữ |
| status | official, probationary | chính thức, dự bị |
| ethnicity | minority | (con em, người, đồng bào) dân tộc thiểu số, dân tộc ít người, or a people by name (Tày, Thái, Mông, Dao, Ê Đê, Khmer …) |
| religion | catholic, buddhist, religious | (theo đạo, tín đồ) Công giáo, Thiên Chúa (giáo), giáo dân, Phật giáo (Nam tông); có đạo, theo tôn giáo, tín đồ, chức sắc, several religions together |
| age_band | `A_B` (A to B inclusive), `A_plus` (A and over) | tuổi đời từ 18 đến 30; từ 18 đến 30 tuổi; từ 35 đến dưới 60 tuổi (35_59); dưới 30 tuổi (18_29); trên / ngoài 60 tuổi, tuổi đời trên 60 (61_plus); từ 60 tuổi trở lên (60_plus) |
| education | postgraduate, university_plus, university, college | (trình độ) sau đại học, thạc sĩ, tiến sĩ; đại học trở lên, đại học (và) sau đại học; đại học; cao đẳng |
| political_theory | advanced, intermediate, elementary | (lý luận chính trị) cao cấp, cử nhân; trung cấp; sơ cấp |
| occupation | student, worker, farmer, retired, business_owner | học sinh, sinh viên, người học, học viên; công nhân, thợ lò, thợ mỏ; nông dân; hưu trí; chủ doanh nghiệp |
| youth_union | member | đoàn viên (thanh niên); trưởng thành từ (tổ chức) Đoàn |
| activity | admitted_members, no_admissions | (tổ chức cơ sở đảng) (trong năm) đã / chưa / không kết nạp (phát triển) được đảng viên; (còn) "trắng" đảng viên (mới) |
| sector | sector codes (scope.SECTORS) | (được kết nạp) (đang làm việc) ở / trong / thuộc / tại <sector>; "chi bộ thôn, tổ dân phố"; cells by kind of place ("chi bộ ấp", "chi bộ khối phố", "chi bộ khu vực": residential); a sector naming the next count in a breakdown ("cơ quan hành chính 118 tổ chức") |
| other | (none) | a second count of people after "trong đó" whose selection the vocabulary does not know ("3 đồng chí công tác tại trạm y tế", "98 là quân nhân chuyên nghiệp"): a part, never a total, published with no dimension (corpus README; organisations so selected: subsets.py) |

A part carries the metric of what it counts: a part of new admissions stays `new_admissions`; a
part of the members is `members_female` (gender), `members_official`/`members_probationary`
(status), else `members_total`. A part is never a total: the warehouse compares it only where its
dimension is one the warehouse counts (gender through members_female, status, sector).
"""
import re

from .vocabulary import MEMBERS, ORGS, PARTS, SECTORS, fold

_AGE = r"(?P<a>\d{2})"
CELL_KINDS = ("sub_cells", "base_cells")
_RELIGION = (r"(?:đạo )?(?:công giáo|phật(?: giáo)?|tin lành|cao đài|hòa hảo|hoà hảo|"
             r"thiên chúa(?: giáo)?)")
# The ethnic minorities of Viet Nam by name (capitalised: "người Mông", "đồng bào Ê Đê").
_PEOPLES = (r"(?-i:Tày|Thái|Mường|Khmer|Hoa(?! Kỳ)|Khơ-me|Khơ Me|Khơme|Nùng|H'Mông|Hmông|Mông|Dao|Gia Rai|Jrai|Ê Đê|"
            r"Ê-đê|Ba Na|Xơ Đăng|Sán Chay|Cơ Ho|K'Ho|Chăm|Sán Dìu|Hrê|M'Nông|Mnông|Ra Glai|"
            r"Xtiêng|Bru - Vân Kiều|Bru-Vân Kiều|Vân Kiều|Thổ|Giáy|Cơ Tu|Gié Triêng|Khơ Mú|"
            r"Tà Ôi|Chơ Ro|Kháng|Xinh Mun|Hà Nhì|Chu Ru|La Chí|La Ha|Phù Lá|La Hủ|Lự|Lô Lô|"
            r"Chứt|Pà Thẻn|Cơ Lao|Bố Y|Si La|Pu Péo|Brâu|Ơ Đu|Rơ Măm|"
            # spellings of the Highlands and the Centre: "Raglai", "Bahnar", "Êđê", "Xơ-đăng"
            r"Raglai|Ra-glai|Bahnar|Ba-na|Êđê|Xơ-đăng|Sê Đăng|Cơ-ho|Cơ-tu|Tà-ôi|Stiêng|M'nông|"
            # local groups and other spellings: "Sán Chỉ", "Cao Lan", "Pa Kô", "Gia-rai", "Khơ-mú"
            r"Sán Chỉ|Cao Lan|Mạ|Mảng|Ngái|Pa Kô|Pa Cô|Gia-rai|Hmong|Mơ Nông|Rục|Mã Liềng|Chơ-ro|"
            r"Xinh-mun|Hà-nhì|Khơ-mú|Phù-lá|Lô-lô)")
DIMENSIONS: list[tuple[str, str, str]] = [
    # "kết nạp được đảng viên", "đã phát triển được đảng viên mới" (admitting is "developing" members)
    ("activity", "admitted_members", r"(?:còn lại,? )?(?:trong năm |năm qua )?(?:đã )?(?:kết nạp|phát triển) "
                                     r"(?:được )?(?:đảng viên|quần chúng)|(?:đã )?kết nạp được(?=\s*[,.;)]|$)"),
    # "3 chi bộ thôn chưa kết nạp được đảng viên nào": cells of hamlets that admitted none
    ("activity", "no_admissions", r"(?:còn lại,? )?(?:(?:thôn|ấp|bản|xóm|buôn|khóm|làng|khu phố|tổ dân phố) )?"
                                  r"(?:trong năm |năm qua |cả năm )?(?:vẫn )?(?:chưa|không) (?:kết nạp|phát triển) "
                                  r"(?:(?:được )?(?:đảng viên|quần chúng)|được(?=\s*[,.;)]|$))"),  # "… chưa kết nạp được,"
    # "4 chi bộ còn "trắng" đảng viên mới": none admitted ("trắng", blank, in quotes or not)
    ("activity", "no_admissions", r"(?:(?:thôn|ấp|bản|xóm|buôn|khóm|làng|khu phố|tổ dân phố) )?(?:vẫn |còn |bị )?"
                                  r"[\"“”']?trắng[\"“”']? (?:về )?(?:đảng viên|phát triển đảng viên|kết nạp)"),
    ("gender", "female", r"(?:là )?(?:phái nữ|nữ giới|nữ)"),  # "phái nữ có 1.387 đồng chí"
    ("status", "official", r"chính thức"),
    ("status", "probationary", r"(?:đang |còn )?(?:(?:trong )?thời (?:gian|hạn) )?dự bị"),  # "đang trong thời gian dự bị"
    ("ethnicity", "minority", r"(?:con em )?(?:người )?(?:đồng bào )?(?:các )?dân tộc (?:thiểu số|ít người)|(?-i:DTTS)"),
    ("ethnicity", "minority", r"(?:con em )?(?:người )?(?:đồng bào )?(?:dân tộc )?" + _PEOPLES + r"(?:(?:, | và )"
     + _PEOPLES + r")*"),
    # several religions named together ("theo đạo Phật, đạo Công giáo"): religious
    ("religion", "religious", r"(?:người )?(?:theo )?" + _RELIGION + r"(?:(?:, | và | hoặc )"
     + _RELIGION + r")+"),
    ("religion", "catholic", r"(?:người )?(?:theo |là tín đồ |tín đồ )?(?:đạo )?(?:công giáo|thiên chúa(?: giáo)?)|giáo dân"),
    ("religion", "buddhist", r"(?:người )?(?:theo |là tín đồ |tín đồ )?(?:đạo )?phật(?: giáo)?(?: nam tông| bắc tông)?"),
    ("religion", "religious", r"(?:người )?(?:có đạo|theo (?:đạo|tôn giáo)|có tôn giáo|tôn giáo|"
                              r"(?:là )?tín đồ(?: tôn giáo)?|chức sắc(?: tôn giáo)?)"),
    # "từ 35 đến dưới 60 tuổi": the band stops before its upper bound (35_59)
    ("age_band", "{a}_{b-1}", r"(?:có )?(?:(?:độ )?tuổi(?: đời)? (?:từ )?|(?:tuổi đời )?từ )" + _AGE
     + r"\s*(?:đến|tới|-|–)\s*dưới\s*(?P<b>\d{2})(?: tuổi)?"),
    ("age_band", "{a}_{b}", r"(?:có )?(?:độ )?tuổi(?: đời)? (?:từ )?" + _AGE
     + r"\s*(?:đến|-|–)\s*(?P<b>\d{2})(?: tuổi)?"),
    ("age_band", "{a}_{b}", r"(?:có )?(?:tuổi đời )?từ " + _AGE + r"\s*(?:đến|-|–)\s*(?P<b>\d{2}) tuổi"),
    ("age_band", "18_{a}", r"(?:có )?(?:tuổi đời )?(?:từ )?" + _AGE + r" tuổi trở xuống"),
    ("age_band", "18_{a-1}", r"(?:có )?(?:tuổi đời )?dưới " + _AGE + r"(?: tuổi)?"),
    ("age_band", "{a+1}_plus", r"(?:có )?(?:tuổi đời )?(?:trên|ngoài) " + _AGE + r" tuổi"),
    ("age_band", "{a+1}_plus", r"(?:có )?(?:tuổi đời|độ tuổi) (?:trên|ngoài) " + _AGE),  # "tuổi đời trên 60 là"
    ("age_band", "{a}_plus", r"(?:có )?(?:tuổi đời )?từ " + _AGE + r" tuổi trở lên"),
    ("education", "postgraduate", r"(?:có )?(?:trình độ |học vị |bằng )?(?:chuyên môn )?(?:sau đại học|"
                                  r"thạc sĩ|tiến sĩ)(?: trở lên)?|(?:có )?(?:học hàm )?(?:giáo sư|phó giáo sư)"
                                  r"(?:(?:, | và | hoặc )(?:phó giáo sư|(?:học vị )?tiến sĩ))*"),  # the titles of doctors
    ("education", "university_plus", r"(?:có )?(?:trình độ )?(?:chuyên môn )?(?:từ )?"
                                     r"(?:đại học trở lên|đại học(?:,| và| hoặc) sau đại học)"),
    ("education", "university", r"(?:có )?(?:trình độ )?(?:chuyên môn )?đại học|"
                                r"tốt nghiệp đại học"),
    ("education", "college", r"(?:có )?(?:trình độ )?(?:chuyên môn )?cao đẳng"),
    ("political_theory", "advanced", r"(?:có )?(?:trình độ |bằng )?(?:lý luận chính trị )?"
                                     r"(?:cao cấp|cử nhân)(?:, cử nhân)?(?: lý luận chính trị)?"),
    ("political_theory", "intermediate", r"(?:có )?(?:trình độ |bằng )?(?:lý luận chính trị )?"
                                         r"trung cấp(?: lý luận chính trị)?"),
    ("political_theory", "elementary", r"(?:có )?(?:trình độ |bằng )?(?:lý luận chính trị )?"
                                       r"sơ cấp(?: lý luận chính trị)?"),
    ("occupation", "student", r"(?:học sinh, )?sinh viên|học sinh|người học|học viên"),  # learners, an academy's cadets
    ("occupation", "worker", r"công nhân(?: lao động| trực tiếp sản xuất)?(?: (?:đang )?làm việc (?:tại|ở|trong) "
                             r"[^,;:.()\d]{3,80}?(?=\s+(?:là|chiếm)\s))?|thợ lò(?:,? (?:và )?công nhân(?: trực tiếp "
                             r"sản xuất)?)?|thợ mỏ"),  # coal miners; workers wherever they work (not a sector part)
    ("occupation", "farmer", r"nông dân"),
    ("occupation", "retired", r"(?:cán bộ )?hưu trí|nghỉ hưu"),
    ("youth_union", "member", r"đoàn viên(?: thanh niên| Đoàn| công đoàn)?|(?:trưởng thành|được rèn luyện) từ "
                              r"(?:tổ chức )?Đoàn(?: Thanh niên)?"),  # "… trưởng thành từ tổ chức Đoàn"
] + [("sector", code, r"(?:chủ (?=doanh nghiệp))?(?:(?:chủ doanh nghiệp, )?(?:người lao động )?(?:(?:mới )?được kết nạp )?"
                       r"(?:(?:đang )?(?:làm việc|công tác|sinh hoạt) )?(?:(?:ở|trong|thuộc|tại) (?:các )?(?:khối |khu vực )?|khối |khu vực ))?"
                       r"(?:" + phrase + r")")
      for code, phrase in SECTORS] + [
    # after the sectors: "chủ doanh nghiệp, người lao động trong doanh nghiệp tư nhân" and "chủ
    # doanh nghiệp tư nhân" are one (heldout18's reading)
    ("occupation", "business_owner", r"chủ doanh nghiệp"),
    # cells by the kind of place they are in ("10 chi bộ ấp"), not one named ("chi bộ thôn Nà Pò")
    ("sector", "residential", r"(?:(?:đang )?sinh hoạt (?:ở|tại|trong) (?:các )?(?:chi bộ )?)?"
                              r"(?:thôn|ấp|bản(?! thân)|xóm|buôn|khóm|làng|khu phố|khối phố|"
                              r"tổ dân phố|khu dân cư)(?!\s*(?-i:[A-ZĐ\d]))"),
    # "cơ quan 240", "2 chi bộ cơ quan" in a breakdown: agencies (the reference's alias), not "cơ quan Đảng"
    ("sector", "agency", r"cơ quan(?=\s+(?:\d|$|và\s)|\s*[,.;:)])"),
    # committees by level under a province ("78 đảng bộ xã, 18 đảng bộ phường và 1 đảng bộ
    # đặc khu"), not one named ("đảng bộ xã Tân Phú") nor a subject ("đảng bộ xã có …")
    ("sector", "commune", r"(?:xã|phường|thị trấn|đặc khu)(?=\s*(?:[,.;:)]|$|và\s|trực thuộc))"),
    # "9 chi bộ khu vực" (Huế's street quarters), not "khu vực 3" nor "khu vực kinh tế …"
    ("sector", "residential", r"khu vực(?=\s*(?:[,.;:)]|$|và |trực thuộc|chiếm))")]
# After a counter, "trong số đó" before the group: "2 người trong số đó là giáo dân".
_LINK = (r"\s*(?:trong số (?:đó|này)\s+(?=là\s))?(?:là\s+|đều là\s+)?(?:những\s+)?(?:đảng viên\s+)?(?:trẻ\s+\(?)?(?:người\s+|đồng chí\s+|"
         r"đồng bào\s+(?=công giáo|phật|tin lành|cao đài|hòa hảo|hoà hảo))?")
DIMENSION_RES = [(d, v, re.compile(_LINK + "(?:" + p + r")(?![\wđ])", re.IGNORECASE))
                 for d, v, p in DIMENSIONS]
# The same, for words that lost their diacritics ("chinh thuc: 4.100; du bi: 110").
DIMENSION_PLAIN_RES = [(d, v, re.compile(fold(rx.pattern, lower=False), re.IGNORECASE))
                       for d, v, rx in DIMENSION_RES]
SHARE_RE = re.compile(r"(?:chiếm(?: tỷ lệ| tỉ lệ)?|\((?:\s*(?:đạt|chiếm|bằng)(?: tỷ lệ| tỉ lệ)?)?|bằng|(?<=, )tỷ lệ)\s*"
                      r"(?:khoảng |gần |hơn |trên |tới |lên tới )?(?P<pct>\d{1,2}(?:[.,]\d+)?|100)\s*%"
                      r"(?!\s*(?:kế hoạch|chỉ tiêu|so với|nghị quyết))", re.IGNORECASE)  # "(đạt 87,4%)"
# A sentence that continues the breakdown of the previous one ("Trong đó, đảng viên nữ …").
CONTINUES_RE = re.compile(r"\s*(?:trong đó|trong (?:tổng )?số (?:đó|này)|số này|riêng|cụ thể)(?![\wđ])",
                          re.IGNORECASE)


def dimension_at(text: str, pos: int = 0) -> tuple[str, str, int] | None:
    """(dimension, value, end) of a dimension phrase starting at pos (after link words); words
    that lost their diacritics ("chinh thuc") are matched without them."""
    for res, subject in _dimension_tables(text, pos):
        for dim, value, rx in res:
            m = rx.match(subject, pos)
            if not m:
                continue
            if dim == "age_band":
                a = int(m["a"])
                b = int(m["b"]) if "b" in m.groupdict() and m["b"] else None
                value = value.replace("{a}", str(a)).replace("{b}", str(b)).replace(
                    "{a-1}", str(a - 1)).replace("{a+1}", str(a + 1)).replace("{b-1}", str((b or 1) - 1))
            return dim, value, m.end()
    return None


def _dimension_tables(text: str, pos: int):
    yield DIMENSION_RES, text
    if text[pos:pos + 16].isascii():
        yield DIMENSION_PLAIN_RES, fold(text, lower=False)


def share_in(text: str) -> float | None:
    """The share quoted in text ("chiếm 46,7%", "(11,53%)") as a fraction."""
    m = SHARE_RE.search(text)
    return round(float(m["pct"].replace(",", ".")) / 100, 6) if m else None


# After a count, a comma opens the next item of a list unless a share follows it: "đoàn viên
# thanh niên 241, tuổi đời dưới 30 chiếm 78,3%" (not 241's share), "1.107 người, chiếm 31,8%".
_NEXT_ITEM_RE = re.compile(r"[,;](?!\d)(?!\s*(?:chiếm|bằng|đạt|tỷ lệ|tỉ lệ|tức|khoảng)(?![\wđ]))",
                           re.IGNORECASE)


# After a comma, words then a share in brackets closing them: the comma was inside the count's
# phrase ("231 tổ chức cơ sở đảng ở xã, phường (31,7%)"), not before the next item.
_WORDS_THEN_SHARE_RE = re.compile(r"\s*[^\W\d][^,;()\d]{0,30}\(\s*\d{1,3}(?:,\d+)?\s*%\s*\)")


def own_share(post: str) -> float | None:
    """The share quoted in the text after a count, up to the next item of its list."""
    item = _NEXT_ITEM_RE.search(post)
    if item and post[item.start()] == "," and _WORDS_THEN_SHARE_RE.match(post, item.end()):
        item = _NEXT_ITEM_RE.search(post, item.end())
    return share_in(post[:item.start()] if item else post)


def part_metric(metric: str, dimension: str | None, value: str | None) -> str:
    """The metric a part of members carries: members_female, official/probationary, else as is."""
    if metric != "members_total" or dimension is None:
        return metric
    if dimension == "gender" and value == "female":
        return "members_female"
    if dimension == "status":
        return f"members_{value}"
    return metric


def metric_dimension(metric: str) -> tuple[str, str] | None:
    """The dimension a part-naming metric implies (members_female → gender female)."""
    return {"members_female": ("gender", "female"), "members_official": ("status", "official"),
            "members_probationary": ("status", "probationary")}.get(metric)


def can_hold(whole: dict, part: dict) -> bool:
    """Whether part may be a part of whole: a total (no dimension) of the same family."""
    if whole.get("dimension") or whole.get("value") is None or whole["qualifier"] == "target":
        return False
    if part["metric"] == "_part" and part.get("dimension") in ("sector", "activity") and whole["metric"] in ORGS:
        return True  # "… trong đó: cơ quan hành chính 192; …", "Trong 1.064 tổ chức …, 98,6% kết nạp được …"
    if part.get("dimension") not in (None, "activity") and part["metric"] in MEMBERS | {"_part"}:
        return whole["metric"] in ("members_total", "new_admissions")
    partition, subset = PARTS.get(whole["metric"], (frozenset(), frozenset()))
    if part["metric"] in partition | subset:
        return True
    if part.get("dimension") and part["metric"] == "cells_total" and whole["metric"] in CELL_KINDS:
        return True  # "16 chi bộ trực thuộc, trong đó có 10 chi bộ ấp": sub-cells of a kind
    return part.get("dimension") is not None and part["metric"] == whole["metric"]


def parts_ok(total: dict, parts: list[dict]) -> bool | None:
    """Partition parts (two or more) add up to the total; no counted part exceeds it."""
    if not parts:
        return None
    partition, _ = PARTS.get(total["metric"], (frozenset(), frozenset()))
    split = [p for p in parts if p["metric"] in partition]
    ok = all(p["value"] <= total["value"] for p in parts if p["value"] is not None)
    if len(split) >= 2 and all(p["value"] is not None for p in split):  # not a share alone
        exact = all(p["qualifier"] == "exact" for p in split + [total])
        tol = 0 if exact else 0.05 * total["value"]
        ok = ok and abs(sum(p["value"] for p in split) - total["value"]) <= tol
    return ok
