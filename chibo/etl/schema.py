"""The four kinds of input file: their columns, accepted header aliases, types and natural keys.

This is the input contract staff fill in; the README lists the same aliases.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from chibo.etl.normalize import fold


@dataclass(frozen=True)
class Column:
    """One input column: canonical name, type, whether required, and accepted header aliases."""

    name: str
    type: str  # id | text | enum | date | int | number | bool | province
    required: bool = False
    aliases: tuple[str, ...] = ()
    label_vi: str = ""
    example: str = ""
    choices: tuple[str, ...] = ()  # for enums: the canonical values


@dataclass(frozen=True)
class Entity:
    """One kind of input file (and the core table it lands in)."""

    name: str
    label_vi: str
    sheet_aliases: tuple[str, ...]
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    table: str = field(default="")

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


ORG_KINDS = (
    "province_committee", "central_committee", "bloc_committee", "upper_committee",
    "partial_committee", "base_committee", "base_cell", "sub_cell",
)
CELL_KINDS = ("base_cell", "sub_cell")
SECTORS = (
    "commune", "residential", "agency", "public_service", "state_enterprise",
    "private_enterprise", "mass_association", "armed_forces", "other",
)
LEAVE_REASONS = ("transfer_out", "death", "struck_off", "expelled", "resigned", "other")
RELIGIONS = ("none", "buddhism", "catholicism", "protestantism", "cao_dai", "hoa_hao", "islam", "other")
EDUCATION = ("primary", "lower_secondary", "upper_secondary")
PROFESSIONAL_LEVELS = ("none", "vocational", "college", "university", "master", "doctorate")
POLITICAL_THEORY = ("none", "elementary", "intermediate", "advanced")
# the 54 ethnic groups by official name or common spelling (chibo/etl/reference/ethnicities.csv)
ETHNICITY_CHOICES = ("kinh", "tay", "thai", "muong", "khmer", "…", "foreign_origin", "other")

ORGANISATIONS = Entity(
    name="organisations",
    label_vi="tổ chức đảng",
    sheet_aliases=("organisations", "organizations", "orgs", "to_chuc", "tổ chức", "tổ chức đảng"),
    key=("org_id",),
    table="core.organisations",
    columns=(
        Column("org_id", "id", True, ("mã tổ chức", "ma_to_chuc", "mã tổ chức đảng", "id"),
               "Mã tổ chức", "HN-CB-0001"),
        Column("name", "text", True, ("tên", "tên tổ chức", "tên tổ chức đảng", "org_name"),
               "Tên tổ chức", "Chi bộ Hội Nông dân thành phố"),
        Column("kind", "enum", True, ("loại", "loại tổ chức", "cấp", "type"), "Loại tổ chức",
               "base_cell", ORG_KINDS),
        Column("parent_id", "id", False, ("mã tổ chức cấp trên", "cấp trên", "parent", "mã cấp trên"),
               "Mã tổ chức cấp trên", "HN-DUK"),
        Column("sector", "enum", False, ("loại hình", "loại hình tổ chức", "lĩnh vực"), "Loại hình",
               "mass_association", SECTORS),
        Column("province", "province", False, ("tỉnh", "tỉnh thành", "tỉnh/thành phố",
               "tỉnh, thành phố", "province_code", "mã tỉnh"), "Tỉnh/thành phố", "Hà Nội"),
        Column("founded_on", "date", False, ("ngày thành lập", "thành lập"), "Ngày thành lập",
               "01/01/2010"),
        Column("dissolved_on", "date", False, ("ngày giải thể", "giải thể"), "Ngày giải thể", ""),
        Column("successor_id", "id", False, ("mã tổ chức kế thừa", "kế thừa", "successor"),
               "Mã tổ chức kế thừa", ""),
        Column("upper_powers", "bool", False, ("được giao quyền cấp trên cơ sở",
               "quyền cấp trên cơ sở"), "Được giao quyền cấp trên cơ sở", "không"),
    ),
)

MEMBERS = Entity(
    name="members",
    label_vi="đảng viên",
    sheet_aliases=("members", "dang_vien", "đảng viên"),
    key=("member_id", "org_id"),
    table="core.members",
    columns=(
        Column("member_id", "id", True, ("mã đảng viên", "ma_dang_vien", "mã đv", "id đảng viên"),
               "Mã đảng viên", "DV000000001"),
        Column("org_id", "id", True, ("mã chi bộ", "chi bộ", "mã tổ chức", "cell_id"), "Mã chi bộ",
               "HN-CB-0001"),
        Column("gender", "enum", False, ("giới tính", "giới", "sex"), "Giới tính", "nữ",
               ("male", "female")),
        Column("birth_year", "int", False, ("năm sinh",), "Năm sinh", "1985"),
        Column("birth_date", "date", False, ("ngày sinh", "ngày tháng năm sinh", "sinh ngày", "dob"),
               "Ngày sinh", "20/08/1985"),
        Column("ethnicity", "enum", False, ("dân tộc", "dan_toc", "thành phần dân tộc"), "Dân tộc",
               "Kinh", ETHNICITY_CHOICES),
        Column("religion", "enum", False, ("tôn giáo", "ton_giao", "theo tôn giáo"), "Tôn giáo",
               "không", RELIGIONS),
        Column("education", "enum", False, ("trình độ giáo dục phổ thông", "giáo dục phổ thông",
               "trình độ học vấn", "học vấn", "văn hóa", "trình độ văn hóa"),
               "Trình độ giáo dục phổ thông", "12/12", EDUCATION),
        Column("professional_level", "enum", False, ("trình độ chuyên môn", "chuyên môn",
               "trình độ chuyên môn nghiệp vụ", "trình độ đào tạo"), "Trình độ chuyên môn",
               "đại học", PROFESSIONAL_LEVELS),
        Column("political_theory", "enum", False, ("lý luận chính trị", "trình độ lý luận chính trị",
               "trình độ lý luận", "llct"), "Lý luận chính trị", "trung cấp", POLITICAL_THEORY),
        Column("admitted_on", "date", True, ("ngày kết nạp", "kết nạp", "ngày vào đảng"),
               "Ngày kết nạp", "15/05/2015"),
        Column("official_on", "date", False, ("ngày công nhận chính thức", "ngày chính thức",
               "chính thức"), "Ngày công nhận chính thức", "15/05/2016"),
        Column("joined_on", "date", False, ("ngày sinh hoạt tại chi bộ", "ngày chuyển đến",
               "ngày đến"), "Ngày sinh hoạt tại chi bộ", ""),
        Column("left_on", "date", False, ("ngày ra khỏi chi bộ", "ngày rời", "ngày chuyển đi",
               "ngày ra"), "Ngày ra khỏi chi bộ", ""),
        Column("leave_reason", "enum", False, ("lý do", "lý do ra", "lý do rời"), "Lý do",
               "", LEAVE_REASONS),
    ),
)

MEETINGS = Entity(
    name="meetings",
    label_vi="sinh hoạt chi bộ",
    sheet_aliases=("meetings", "sinh_hoat", "sinh hoạt", "sinh hoạt chi bộ"),
    key=("meeting_id",),
    table="core.meetings",
    columns=(
        Column("meeting_id", "id", True, ("mã buổi sinh hoạt", "mã sinh hoạt", "mã cuộc họp"),
               "Mã buổi sinh hoạt", "SH0000001"),
        Column("org_id", "id", True, ("mã chi bộ", "chi bộ", "mã tổ chức", "cell_id"), "Mã chi bộ",
               "HN-CB-0001"),
        Column("held_on", "date", True, ("ngày sinh hoạt", "ngày họp", "ngày", "date"),
               "Ngày sinh hoạt", "05/03/2024"),
        Column("kind", "enum", True, ("loại sinh hoạt", "hình thức sinh hoạt", "loại"),
               "Loại sinh hoạt", "thường kỳ", ("regular", "thematic")),
        Column("format", "enum", False, ("hình thức", "hình thức tổ chức"), "Hình thức",
               "trực tiếp", ("in_person", "online", "hybrid")),
        Column("expected", "int", True, ("số phải dự", "tổng số đảng viên", "phải dự", "triệu tập"),
               "Số phải dự", "12"),
        Column("present", "int", True, ("số có mặt", "có mặt", "dự"), "Số có mặt", "11"),
        Column("excused", "int", False, ("số vắng có lý do", "vắng có lý do", "vắng có phép"),
               "Số vắng có lý do", "1"),
        Column("score", "number", False, ("điểm", "điểm chất lượng", "tổng điểm"), "Điểm", "92"),
        Column("quality", "enum", False, ("chất lượng", "xếp loại", "chất lượng sinh hoạt"),
               "Chất lượng", "tốt", ("4", "3", "2", "1")),
        Column("duration_minutes", "int", False, ("thời lượng", "thời gian (phút)", "số phút",
               "thời lượng (phút)"), "Thời lượng (phút)", "95"),
    ),
)

ASSESSMENTS = Entity(
    name="assessments",
    label_vi="đánh giá, xếp loại",
    sheet_aliases=("assessments", "danh_gia", "đánh giá", "xếp loại", "đánh giá xếp loại"),
    key=("subject_kind", "subject_id", "year"),
    table="core.assessments",
    columns=(
        Column("org_id", "id", False, ("mã tổ chức", "mã chi bộ"), "Mã tổ chức", "HN-CB-0001"),
        Column("member_id", "id", False, ("mã đảng viên",), "Mã đảng viên", ""),
        Column("year", "int", True, ("năm", "năm đánh giá"), "Năm", "2024"),
        Column("rating", "enum", True, ("xếp loại", "mức xếp loại", "kết quả", "kết quả xếp loại"),
               "Xếp loại", "hoàn thành tốt nhiệm vụ", ("4", "3", "2", "1")),
    ),
)

ENTITIES = (ORGANISATIONS, MEMBERS, MEETINGS, ASSESSMENTS)
LOAD_ORDER = {e.name: i for i, e in enumerate(ENTITIES)}


def header_index(entity: Entity) -> dict[str, str]:
    """Folded header → canonical column name, for one entity."""
    index: dict[str, str] = {}
    for col in entity.columns:
        for alias in (col.name, col.label_vi, *col.aliases):
            if alias:
                index.setdefault(fold(alias), col.name)
    return index


def match_headers(headers: list[str], entity: Entity) -> dict[int, str]:
    """Position → canonical column for the headers this entity recognises."""
    index = header_index(entity)
    found: dict[int, str] = {}
    for pos, header in enumerate(headers):
        name = index.get(fold(header or ""))
        if name and name not in found.values():
            found[pos] = name
    return found


def detect_entity(headers: list[str], sheet: str | None = None) -> Entity | None:
    """The entity a header row belongs to: by sheet name first, else by the best header match.

    A candidate must have all its required columns (assessments: year and rating plus an id).
    """
    if sheet:
        key = fold(sheet)
        for entity in ENTITIES:
            if key in {fold(a) for a in entity.sheet_aliases}:
                return entity
    best, best_score = None, 0
    for entity in ENTITIES:
        found = set(match_headers(headers, entity).values())
        required = {c.name for c in entity.columns if c.required}
        if not required <= found:
            continue
        if len(found) > best_score:
            best, best_score = entity, len(found)
    return best


def entity_named(name: str) -> Entity:
    return next(e for e in ENTITIES if e.name == name)
