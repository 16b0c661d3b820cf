"""Seed 002 (2018-03-31): a workshop on commune agency cells; no figure of organisation or
membership (the proposal to dissolve all commune agency cells gives no number)."""
from datetime import date

SOURCE = "002_b38b2e2b636136f2.txt"
PUBLISHED_ON = date(2018, 3, 31)
PUBLISHED_ON_TEXT = "9:24' 31/3/2018"
TITLE_STARTS = "Hội thảo về mô hình chi bộ cơ quan xã, phường, thị trấn"
FIGURES: list[dict] = []

NOT_FIGURES = [
    ("Ngày 30-3", "event date without a year"),
    ("Hội nghị Trung ương 7", "plenum number"),
    ("18-KL/TW", "document number"),
    ("22-9-2017", "date"),
    ("10-CT/TW", "document number"),
    ("09-HD/BTCTW", "document number"),
    ("Nghị quyết Trung ương 4", "plenum number"),
    ("05-CT/TW", "document number"),
    ("22-3-2017", "date"),
]
CHROME = ["Ý KIẾN BẠN ĐỌC", "Họ và tên", "Mã bảo vệ", "Bài cùng chuyên mục", "Số 4 - 2019",
          "Tra cứu tạp chí in", "VIDEO CLIPS"]
