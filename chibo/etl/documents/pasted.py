"""Marks left in text pasted from other formats, repaired before the text is read (clean.repair):
HTML entities ("1.284&nbsp;đảng viên"), a PDF's page break with the running header after it,
and a place-and-date line aligned beside a header.
"""
import html
import re

# A PDF's page break (form feed) and the running header after it, its page number at the end
# ("… có 87 tổ chức cơ sở" / "\f" / "BÁO CÁO CHÍNH TRỊ …        3" / "đảng với 6.241 …"): dropped, the
# sentence joined again when it goes on in lower case.
_PAGE_BREAK_RE = re.compile(r"[ \t]*\n?\f(?:[ \t]*\n)*(?:[^\n]*\S[ \t]{2,}\d{1,3}[ \t]*\n)?")


# A place-and-date line aligned beside a header ("ĐẢNG BỘ HUYỆN LẠC SƠN      Lạc Sơn, ngày 10 tháng 7
# năm 2020"): a line of its own, not the end of the header's name.
_BESIDE_HEADER_RE = re.compile(r"(?<=\S)[ \t]{3,}(?=[^\n\d]{2,40},\s*ngày\s+\d{1,2}\s+tháng\s+\d)")


def _page_break(m: re.Match) -> str:
    text, end = m.string, m.end()
    goes_on = m.start() > 0 and text[m.start() - 1] not in ".!?:;\n" and end < len(text) and text[end].islower()
    return " " if goes_on else "\n"


# HTML entities left in pasted text ("1.284&nbsp;đảng viên", "&quot;Chi bộ số&quot;", "&#160;").
_ENTITY_RE = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{2,5}|#x[0-9A-Fa-f]{2,4});")


def pasted(text: str) -> str:
    """text with entities decoded, page breaks and their running headers dropped (the sentence
    joined again), a place-and-date line beside a header put on its own line."""
    text = _PAGE_BREAK_RE.sub(_page_break, _ENTITY_RE.sub(lambda m: html.unescape(m.group(0)), text))
    return _BESIDE_HEADER_RE.sub("\n", text)
