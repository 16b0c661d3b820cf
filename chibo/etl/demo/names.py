"""Vietnamese names for demo organisations (units, associations, places); no person names."""

from __future__ import annotations

import numpy as np

SYLLABLES = (
    "An", "Bình", "Cẩm", "Đông", "Đức", "Hà", "Hải", "Hòa", "Hưng", "Hương", "Kim", "Lạc", "Lâm",
    "Long", "Lộc", "Minh", "Mỹ", "Nam", "Nghĩa", "Ngọc", "Phong", "Phú", "Phúc", "Phước", "Quang",
    "Quảng", "Sơn", "Tân", "Tây", "Thạch", "Thanh", "Thành", "Thịnh", "Thọ", "Thuận", "Tiến",
    "Trung", "Vĩnh", "Xuân", "Yên", "Hiệp", "Định", "Châu", "Khánh", "Liên", "Bắc", "Trường",
)

PROVINCIAL_MASS = (
    "Liên hiệp các Hội Khoa học và Kỹ thuật", "Liên hiệp các Hội Văn học nghệ thuật", "Hội Nhà báo",
    "Hội Chữ thập đỏ", "Hội Luật gia", "Liên minh Hợp tác xã", "Hội Đông y", "Hội Khuyến học",
    "Hội Người mù", "Hội Cựu Thanh niên xung phong", "Hội Nạn nhân chất độc da cam/dioxin",
    "Hội Bảo trợ người khuyết tật và trẻ mồ côi", "Liên hiệp các tổ chức hữu nghị",
)
CENTRAL_MASS_COMMITTEES = (
    "Hội Chữ thập đỏ Việt Nam", "Liên minh Hợp tác xã Việt Nam", "Hội Nhà báo Việt Nam",
    "Hội Luật gia Việt Nam", "Liên hiệp các tổ chức hữu nghị Việt Nam",
    "Liên hiệp các Hội Văn học nghệ thuật Việt Nam", "Hội Nhà văn Việt Nam",
    "Hội Người cao tuổi Việt Nam", "Hội Khuyến học Việt Nam", "Hội Đông y Việt Nam",
)
CENTRAL_MASS_CELLS = (
    "Hội Người mù Việt Nam", "Hội Cựu Thanh niên xung phong Việt Nam", "Hội Nhạc sĩ Việt Nam",
    "Hội Mỹ thuật Việt Nam", "Hội Điện ảnh Việt Nam", "Hội Kiến trúc sư Việt Nam",
    "Hội Nghệ sĩ sân khấu Việt Nam", "Hội Nghệ sĩ nhiếp ảnh Việt Nam", "Hội Văn nghệ dân gian Việt Nam",
    "Hội Nghệ sĩ múa Việt Nam", "Hội Văn học nghệ thuật các dân tộc thiểu số Việt Nam",
    "Hội Nạn nhân chất độc da cam/dioxin Việt Nam", "Hội Bảo trợ người khuyết tật và trẻ mồ côi Việt Nam",
    "Hội Sinh vật cảnh Việt Nam", "Hội Làm vườn Việt Nam", "Hội Xuất bản Việt Nam",
    "Hội Khoa học Lịch sử Việt Nam", "Hội Y học cổ truyền Việt Nam", "Hội Người khuyết tật Việt Nam",
    "Hội Cứu trợ trẻ em tàn tật Việt Nam", "Hội Doanh nhân cựu chiến binh Việt Nam",
    "Hội Hữu nghị Việt Nam - Lào", "Hội Hữu nghị Việt Nam - Campuchia", "Hội Hữu nghị Việt Nam - Cuba",
    "Hội Hữu nghị Việt Nam - Nga", "Hội Hữu nghị Việt Nam - Trung Quốc", "Hội Hữu nghị Việt Nam - Nhật Bản",
)
VUSTA_UNITS = (
    "cơ quan Liên hiệp Hội", "Ban Tổ chức - Kiểm tra", "Ban Khoa học và Công nghệ", "Tạp chí Khoa học",
    "Hội Cơ học Việt Nam", "Hội Vật lý Việt Nam", "Hội Hóa học Việt Nam", "Hội Tin học Việt Nam",
    "Tổng hội Xây dựng Việt Nam", "Hội Địa chất Việt Nam", "Hội Sinh học Việt Nam",
    "Hội Thủy lợi Việt Nam", "Hội Kinh tế Môi trường Việt Nam", "Hội Dược học Việt Nam",
    "Tổng hội Y học Việt Nam", "Hội Khoa học Kỹ thuật Lâm nghiệp", "Viện Nghiên cứu Phát triển",
    "Trung tâm Tư vấn và Chuyển giao công nghệ", "Viện Kinh tế và Môi trường", "Báo Khoa học và Đời sống",
)
DOAN_THE = (
    "Ủy ban MTTQ Việt Nam", "Tỉnh đoàn", "Hội Liên hiệp Phụ nữ", "Hội Nông dân", "Hội Cựu chiến binh",
    "Liên đoàn Lao động",
)
DEPARTMENTS = (
    "Văn phòng UBND", "Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Kế hoạch và Đầu tư",
    "Sở Công Thương", "Sở Nông nghiệp và Phát triển nông thôn", "Sở Giao thông vận tải", "Sở Xây dựng",
    "Sở Tài nguyên và Môi trường", "Sở Thông tin và Truyền thông",
    "Sở Lao động - Thương binh và Xã hội", "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Khoa học và Công nghệ", "Sở Giáo dục và Đào tạo", "Sở Y tế", "Thanh tra", "Ban Dân tộc",
    "Cục Thuế", "Kho bạc Nhà nước", "Cục Thống kê", "Bảo hiểm xã hội", "Tòa án nhân dân",
    "Viện Kiểm sát nhân dân", "Cục Thi hành án dân sự", "Đài Phát thanh và Truyền hình", "Báo",
    "Văn phòng Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Trường Chính trị", "Bệnh viện Đa khoa",
    "Trung tâm Kiểm soát bệnh tật", "Trường Cao đẳng Y tế", "Trường Cao đẳng Sư phạm",
    "Ban Quản lý các khu công nghiệp", "Công ty TNHH MTV Xổ số kiến thiết",
)
PUBLIC_UNITS = (
    "Bệnh viện Y học cổ truyền", "Bệnh viện Phục hồi chức năng", "Bệnh viện Sản Nhi",
    "Bệnh viện Lao và Bệnh phổi", "Bệnh viện Tâm thần", "Trung tâm Khuyến nông", "Thư viện",
    "Bảo tàng", "Trung tâm Văn hóa", "Trường Cao đẳng Nghề", "Trung tâm Giáo dục thường xuyên",
    "Trường THPT Chuyên", "Trung tâm Quan trắc môi trường", "Ban Quản lý dự án đầu tư xây dựng",
    "Chi cục Kiểm lâm", "Chi cục Thủy lợi", "Trung tâm Phát triển quỹ đất", "Quỹ Đầu tư phát triển",
    "Trung tâm Xúc tiến đầu tư", "Trung tâm Dịch vụ việc làm", "Nhà xuất bản", "Đoàn Nghệ thuật",
)
MINISTRIES = (
    "Bộ Tư pháp", "Bộ Nội vụ", "Bộ Tài chính", "Bộ Kế hoạch và Đầu tư", "Bộ Giáo dục và Đào tạo",
    "Bộ Y tế", "Bộ Tài nguyên và Môi trường", "Bộ Nông nghiệp và Phát triển nông thôn",
    "Bộ Giao thông vận tải", "Bộ Xây dựng", "Bộ Văn hóa, Thể thao và Du lịch",
    "Bộ Khoa học và Công nghệ", "Bộ Lao động - Thương binh và Xã hội", "Bộ Công Thương",
    "Ngân hàng Nhà nước Việt Nam", "Văn phòng Quốc hội", "Văn phòng Chính phủ", "Thanh tra Chính phủ",
    "Kiểm toán Nhà nước", "Tòa án nhân dân tối cao", "Viện Kiểm sát nhân dân tối cao",
    "Viện Hàn lâm Khoa học xã hội Việt Nam", "Viện Hàn lâm Khoa học và Công nghệ Việt Nam",
    "Đài Truyền hình Việt Nam", "Đài Tiếng nói Việt Nam", "Thông tấn xã Việt Nam",
    "Đại học Quốc gia Hà Nội",
)
MINISTRY_UNITS = (
    "Văn phòng", "Vụ Tổ chức cán bộ", "Vụ Kế hoạch - Tài chính", "Vụ Pháp chế", "Thanh tra",
    "Vụ Hợp tác quốc tế", "Vụ Tổng hợp", "Cục Quản lý", "Cục Kiểm tra", "Viện Chiến lược",
    "Viện Nghiên cứu", "Trường Bồi dưỡng cán bộ", "Trung tâm Thông tin", "Tạp chí", "Báo",
    "Nhà xuất bản", "Ban Quản lý dự án", "Trung tâm Dữ liệu", "Học viện", "Cục Công nghệ thông tin",
)
SUB_UNITS = (
    "Phòng Tổ chức - Hành chính", "Phòng Kế hoạch - Tài chính", "Phòng Nghiệp vụ", "Phòng Tổng hợp",
    "Văn phòng", "Phòng Thanh tra", "Phòng Quản lý", "Trung tâm", "Chi cục", "Khoa Nội", "Khoa Ngoại",
    "Khoa Khám bệnh", "Ban Kế hoạch", "Tổ Hành chính", "Xưởng sản xuất", "Đội Kiểm tra",
)
REGIONAL_UNITS = (
    "Bệnh viện Đa khoa khu vực", "Trường Trung học phổ thông", "Trung tâm Y tế", "Chi cục Thuế khu vực",
    "Trường Cao đẳng", "Ban Quản lý rừng phòng hộ", "Trung tâm Giáo dục nghề nghiệp",
    "Chi cục Hải quan", "Trạm Kiểm dịch động vật",
)
PUBLIC_WORDS = ("Trường", "Bệnh", "Trung", "Đài", "Báo", "Thư", "Bảo", "Nhà", "Đoàn", "Quỹ", "Trạm")


def unit_sector(unit: str) -> str:
    """Sector of a provincial unit from its name."""
    if unit.startswith("Công ty"):
        return "state_enterprise"
    if unit.startswith("Ban Quản lý dự án") or unit.split()[0] in PUBLIC_WORDS:
        return "public_service"
    return "agency"
DISTRICT_FIXED = (  # (name pattern, kind, sector, sub-cells (low, high) or None for a base cell)
    ("Đảng bộ Cơ quan Chính quyền {d}", "base_committee", "agency", (6, 12)),
    ("Đảng bộ Các cơ quan Đảng {d}", "base_committee", "agency", (4, 8)),
    ("Đảng bộ Trung tâm Y tế {d}", "base_committee", "public_service", (4, 9)),
    ("Đảng bộ Công an {d}", "base_committee", "armed_forces", (4, 9)),
    ("Đảng bộ Quân sự {d}", "base_committee", "armed_forces", (3, 5)),
    ("Chi bộ Chi cục Thuế {d}", "base_cell", "agency", None),
    ("Chi bộ Kho bạc Nhà nước {d}", "base_cell", "agency", None),
    ("Chi bộ Tòa án nhân dân {d}", "base_cell", "agency", None),
    ("Chi bộ Viện Kiểm sát nhân dân {d}", "base_cell", "agency", None),
    ("Chi bộ Chi cục Thi hành án dân sự {d}", "base_cell", "agency", None),
    ("Chi bộ Bảo hiểm xã hội {d}", "base_cell", "agency", None),
    ("Chi bộ Chi nhánh Ngân hàng Nông nghiệp {d}", "base_cell", "state_enterprise", None),
    ("Chi bộ Trung tâm Văn hóa - Thông tin {d}", "base_cell", "public_service", None),
    ("Chi bộ Trường Trung học phổ thông {p}", "base_cell", "public_service", None),
)
SCHOOLS = ("Trường Mầm non", "Trường Tiểu học", "Trường Trung học cơ sở", "Trường Tiểu học và THCS")
ENTERPRISES = ("Công ty TNHH", "Công ty Cổ phần", "Hợp tác xã", "Công ty TNHH MTV", "Doanh nghiệp tư nhân")
ENTERPRISE_WORDS = ("Xây dựng", "Thương mại", "May mặc", "Vận tải", "Chế biến nông sản", "Cơ khí",
                    "Vật liệu xây dựng", "Dịch vụ", "Du lịch", "Thủy sản", "Dược phẩm", "Điện tử")


def place(rng: np.random.Generator) -> str:
    """A plausible two-syllable place name."""
    a, b = rng.choice(len(SYLLABLES), 2, replace=False)
    return f"{SYLLABLES[a]} {SYLLABLES[b]}"


def pick(rng: np.random.Generator, options: tuple[str, ...]) -> str:
    return options[int(rng.integers(len(options)))]
