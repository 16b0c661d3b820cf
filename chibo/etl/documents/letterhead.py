"""A report's letterhead: its first line, in capitals, naming a body and nothing else ("TẬP ĐOÀN
CÔNG NGHIỆP THAN - KHOÁNG SẢN VIỆT NAM" over "SỐ LIỆU PHÁT TRIỂN ĐẢNG VIÊN …") is the body the report
counts, as "ĐẢNG BỘ …" would be: the page reports that body's party figures.

| kind of body opening the line | not a letterhead when the line also holds |
|---|---|
| TẬP ĐOÀN, TỔNG CÔNG TY, CÔNG TY, NGÂN HÀNG, BỆNH VIỆN, TRƯỜNG, HỌC VIỆN, BỘ, SỞ, CỤC | a digit, a report's or meeting's word (BÁO CÁO, KẾT QUẢ, SỐ LIỆU, HỘI NGHỊ, ĐẠI HỘI, …), a colon |
"""
import re

_BODY_RE = re.compile(r"^(?:TẬP ĐOÀN|TỔNG CÔNG TY|CÔNG TY|NGÂN HÀNG|BỆNH VIỆN|TRƯỜNG|HỌC VIỆN|BỘ|SỞ|CỤC)\s")
_NOT_A_NAME_RE = re.compile(r"\d|:|BÁO CÁO|KẾT QUẢ|SỐ LIỆU|TỔNG KẾT|HỘI NGHỊ|ĐẠI HỘI|THÔNG BÁO|KẾT NẠP|"
                            r"ĐẢNG VIÊN|CHÀO MỪNG|TIN |\bVÀ\b")


def as_party_body(line: str) -> str:
    """The first line as the party body it names ("ĐẢNG BỘ TẬP ĐOÀN …"), or the line as it is."""
    if line.isupper() and 3 <= len(line.split()) <= 14 and _BODY_RE.match(line) \
            and not _NOT_A_NAME_RE.search(line):
        return "ĐẢNG BỘ " + line
    return line
