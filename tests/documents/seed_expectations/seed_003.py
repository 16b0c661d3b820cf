"""Seed 003 (2020-10-07): a cell's third thematic meeting of 2020; no figure of organisation or
membership. The publication line gives day and month only ("Ngày đăng: 10:49 | 07/10"); the year
comes from the body ("Sáng ngày 07/10/2020")."""
from datetime import date

SOURCE = "003_60176dcbb9fd202b.txt"
PUBLISHED_ON = date(2020, 10, 7)
PUBLISHED_ON_TEXT = "Ngày đăng: 10:49 | 07/10"
TITLE_STARTS = "Tiếp tục nâng cao chất lượng sinh hoạt chi bộ"
FIGURES: list[dict] = []

NOT_FIGURES = [
    ("Quý III/2020", "quarter"),
    ("lần thứ 3", "ordinal of the meeting"),
    ("năm 2020", "year"),
    ("10-CT/TW", "document number"),
    ("12-HD/BTCTW", "document number"),
    ("06/7/2018", "date"),
    ("03 tham luận", "count of speeches"),
    ("Nghị quyết Trung ương 4", "plenum number"),
    ("Chỉ thị 05", "directive number"),
    ("22/9/2017", "date"),
]
CHROME = ["Lượt xem", "4710", "Phiên bản mobile", "MENU", "BẦU CỬ ĐẠI BIỂU", "[Trở về]",
          "LIÊN KẾT WEB", "Các tin khác"]
