"""Vietnamese quantities in text: "10.579", "hơn 5,6 triệu", "gần 30 vạn", "gần nửa triệu", "một triệu rưỡi",
"hai nghìn", "1,204" (an export's comma groups), with their qualifier (over, nearly, approx, under, exact;
hedges.py's colloquial ones too) and character span.
Identifiers that look like numbers (dates, document numbers, plenums, ages, %) are masked first.
"""
import re
from dataclasses import dataclass

from .hedges import AS_WRITTEN_ONLY, HEDGES, SIGN_BEFORE, hedged_before
from .vocabulary import fold

SCALES = {"nghìn": 1e3, "ngàn": 1e3, "vạn": 1e4, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9, "trăm": 1e2,
          "nghin": 1e3, "trieu": 1e6, "van": 1e4, "ngan": 1e3}  # the last four: pasted text that
# lost its diacritics ("van", "ngan" only before "dang vien" / "nguoi": "22 van ban" are documents)
DIGIT_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "sáu": 6,
               "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9, "mốt": 1}
NUMBER_WORDS = set(DIGIT_WORDS) | {"mười", "mươi", "trăm", "nghìn", "ngàn", "vạn", "triệu",
                                   "linh", "lẻ", "nửa", "rưỡi"}  # "một triệu rưỡi": 1,5 triệu
# A digit after a scale in speech is its tenth ("3 vạn 2", "ba vạn hai": 32.000; "hai triệu tư":
# 2,4 triệu), before the noun it counts; "không" is a zero only before "trăm" ("một nghìn không trăm …").
_TENTH_RE = re.compile(r"\s+(?P<d>\d|" + "|".join(DIGIT_WORDS)
                       + r")(?=\s+(?:đảng viên|đồng chí|người)(?!\w))", re.IGNORECASE)
_ZERO_HUNDRED = r"không(?=\s+trăm)"
# Hundreds said after thousands in speech, before the noun: "hơn 3 nghìn 600 đảng viên" (3.600), "2 vạn
# 350 người" (20.350): two or three digits after "nghìn", "ngàn" or "vạn" are what is left over.
_REST_RE = re.compile(r"\s+(?P<r>\d{2,3})(?=\s+(?:đảng viên|đồng chí|người)(?!\w))", re.IGNORECASE)

# Qualifier phrases immediately before the number; longest first.
QUALIFIER_WORDS = [
    ("trên dưới", "approx"), ("ước tính khoảng", "approx"), ("ước tính", "approx"),
    ("ước khoảng", "approx"), ("khoảng chừng", "approx"), ("khoảng", "approx"),
    ("chừng", "approx"), ("xấp xỉ", "approx"), ("ước", "approx"),
    ("chưa đến", "under"), ("chưa tới", "under"), ("không đến", "under"),
    ("không tới", "under"), ("ít hơn", "under"), ("dưới", "under"),
    ("hơn", "over"), ("trên", "over"), ("gần", "nearly"), ("ngót", "nearly"), ("non", "nearly"), ("tròn", "exact"),
    ("vỏn vẹn", "exact"), ("vị chi", "exact"),  # "non 2.000": nearly; "chỉ vỏn vẹn 3": exactly; "vị chi 34": a sum
    ("vượt mốc", "over"), ("vượt quá", "over"), ("vượt ngưỡng", "over"), ("vượt", "over"),  # "đã vượt bốn vạn"
    ("suýt soát", "nearly"), ("ngấp nghé", "nearly"),  # "suýt soát 9.000", "ngấp nghé 5.000": just under
    ("ngoài", "over"),  # "có ngoài 1.100 đảng viên", "trong đó ngoài 300 đồng chí"
] + HEDGES
# "ngoài" is "over" inside a clause; opening one it is "besides" ("Ngoài 1.736 đảng viên chính
# thức, … còn có 84 đảng viên dự bị").
_OPENS_CLAUSE_RE = re.compile(r"(?:^|[.,;:(!?\n•▪-])\s*$")
# After the count: "4.300 có lẻ đảng viên" (a few more than it).
_ODD_AFTER_RE = re.compile(r"\s+có lẻ(?!\w)", re.IGNORECASE)
# An estimate opening the clause before its verb: "ước cả năm kết nạp 28 đảng viên", "ước tính năm
# 2025 kết nạp được 35" (a year-end review's estimate, approx; not a plan).
_ESTIMATE_RE = re.compile(r"(?:^|[,;:.(]\s*|\s)uoc(?: tinh| dat| thuc hien)?\s+(?:ca nam|nam nay|"
                          r"nam \d{4}|ca nhiem ky)\s+(?:ket nap|phat trien)(?: duoc)?(?: moi)?\s+$")
_QUAL_RE = re.compile(r"(?:(?<=[\s\"“‘(])|^)(" + "|".join(re.escape(fold(q)) for q, _ in QUALIFIER_WORDS)
                      + r")(?:\s+|" + SIGN_BEFORE + r")$")
_QUAL_KIND = {fold(q): kind for q, kind in QUALIFIER_WORDS}
_QUAL_WRITTEN = {q for q, _ in QUALIFIER_WORDS}

_UNIT = r"(?:\s+(?P<unit>nghìn|ngàn|vạn|triệu|tỷ|tỉ|nghin|trieu|(?:van|ngan)(?= (?:dang|đảng|nguoi|người)))(?!\w)(?P<half>\s+rưỡi(?!\w))?)?"
DIGITS_RE = re.compile(
    r"(?<![\w.,/-])(?P<num>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<dec>\d+))?(?![\w/%-]|[.,]\d)" + _UNIT,
    re.IGNORECASE)
# "1,204": thousands grouped by commas (a software export, English style); a count is whole, so
# never a decimal when three digits follow each comma and no scale word ("1,204 triệu") follows.
COMMA_GROUPED_RE = re.compile(r"(?<![\w.,/-])(?P<num>\d{1,3}(?:,\d{3})+)(?![\w/%-]|[.,]\d|\s+(?:nghìn|ngàn|vạn|"
                              r"triệu|tỷ|tỉ)(?!\w))", re.IGNORECASE)
# Thousands apart by a space, as Word tables and OCR write them ("12 480", "2 148 đảng viên"): read
# when a count's noun, a cell's end or the line's end follows, not after a label of a place or a
# rank ("tổ 3 125 hộ" is no count of 3.125).
SPACED_RE = re.compile(r"(?<![\w.,/-])(?P<num>\d{1,3}(?: \d{3})+)(?![\w/%.,-]| \d)(?=\s*(?:đảng viên|đảng(?!\w)|"
                       r"đồng chí|người|tổ chức|chi bộ|\||$))", re.IGNORECASE | re.MULTILINE)
_SPACED_AFTER_RE = re.compile(r"(?<!\w)(?:tổ|khu|thôn|ấp|đội|xóm|số|khóm|quận|phường|lô|bản|khối|lần|"
                              r"khóa|ngày|tháng|năm|câu|điều|mục|đợt|giai đoạn|nhóm|top)\s*$", re.IGNORECASE)
# A smaller scale after a scale: "1 vạn 3 nghìn đảng viên" (13.000), "2 triệu 150 nghìn".
_SUB_SCALE_RE = re.compile(r"\s+(?P<n>\d{1,3})\s+(?P<u>nghìn|ngàn|vạn|trăm)(?!\w)", re.IGNORECASE)
DOT_DECIMAL_RE = re.compile(  # "5.6 triệu": an English decimal point before a scale word
    r"(?<![\w.,/-])(?P<num>\d+)\.(?P<dec>\d{1,2})\s+(?P<unit>nghìn|ngàn|vạn|triệu|tỷ)", re.IGNORECASE)
WORDS_RE = re.compile(
    r"(?<![\w])(?P<words>(?:(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True) + [_ZERO_HUNDRED])
    + r")\s+)*(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r"))(?!\w)", re.IGNORECASE)
# "không có", "chưa có": a zero, kept only to block the noun after it (a negation is no figure:
# "Chi bộ … không kết nạp được đảng viên nào" counts nothing; the corpus README's zero convention).
ZERO_RE = re.compile(r"(?<!\w)(?:không có|chưa có)(?=\s)", re.IGNORECASE)
# "4 thôn (ở vùng sâu) chưa có đảng viên": the zero describes other things counted just before,
# not a figure ("9 chi bộ nhưng không có cán bộ chuyên trách" is one).
# "không còn bản nào chưa có đảng viên": none lacking, not a count of zero.
ZERO_OF_OTHERS_RE = re.compile(r"(?:\d(?:\s+(?!nhưng\b|song\b|tuy\b)\w+){1,7}|(?<!\w)(?:thôn|bản|ấp|làng|khu|tổ|xã|"
                               r"phường|nơi|đơn vị|doanh nghiệp|người|nào))"
                               r"(?:\s+(?:vẫn còn|hiện còn|còn|vẫn|đều))?\s*$", re.IGNORECASE)

# A capitalised number word inside a sentence and before another capitalised word opens a name.
_NAME_WORD_RE = re.compile(r"(\w+)\s+(\w)")
_AFTER_WORD_RE = re.compile(r"\w\s+$")


def _in_name(text: str, start: int) -> bool:
    """"người Ba Na", "huyện Ba Bể", "quận Hai Bà Trưng": a capitalised number word after a word of the
    sentence and before a capitalised word is a name, not a count ("Ba đảng viên" is one)."""
    m = _NAME_WORD_RE.match(text, start)
    before = _AFTER_WORD_RE.search(text, max(0, start - 30), start)
    return bool(m and before and m[1][0].isupper() and m[2].isupper() and text[before.start()].islower())


# "trong năm", "năm qua", "mỗi năm": the word "năm" (five) meaning a year.
_YEAR_WORD_RE = re.compile(r"(?:(?<=trong )|(?<=mỗi )|(?<=hằng )|(?<=hàng )|(?<=các )|(?<=những )|"
                           r"(?<=nhiều )|(?<=cả )|(?<=một ))năm(?!\w)|"
                           r"năm(?= (?:qua|nay|học|trước|sau|nào|đó|này)(?!\w))", re.IGNORECASE)

# Spans that are never quantities (replaced by spaces of equal length before scanning).
MASKS = [
    r"\d+[a-zA-Z]?(?:-[A-ZĐ][A-ZĐa-z]*)+(?:/[A-ZĐ][\wĐ-]*)+",                 # 171-QĐ/TW
    (r"(?:Nghị quyết|Quyết định|Quy định|Chỉ thị|Kết luận|Hướng dẫn|Thông tri|Công văn|"
    r"Nghị định|Thông tư|Luật|Điều|Khoản|Chương|Mục|(?<![Tt]rong )(?<![Tt]ổng )(?<!thiểu )(?<!đa )(?<!con )(?:Số|số))"
    r"\s+(?:số\s+)?\d+(?:[.,/]\d+)*"),                               # Nghị quyết số 18
    r"(?:Hội nghị\s+)?Trung ương\s+\d+",                                      # Hội nghị TW 7
    (r"(?:lần|khóa|khoá|nhiệm kỳ|kỳ|thứ|Quý|quý|đợt|giai đoạn|tầng|phòng|câu)\s+(?:thứ\s+)?"
    r"[\dIVXLC]+(?:\s*[-–/]\s*\d+)*"),
    r"\d{1,2}\s*(?:giờ|h|:)\s*\d{1,2}'?(?:\s*(?:AM|PM|phút))?",               # 16:30 PM
    r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}",                                       # 27/6/2008
    r"(?<![\d.,])\d{1,2}[/-]\d{1,2}(?![\d.,])",                              # 30-3, 07/10
    r"[Tt]háng\s+(?:1[0-2]|0?[1-9])(?![\d.,])(?:\s*(?:/|-|năm)\s*\d+)*",  # tháng 12 (also "tháng 12 chi bộ …")
    r"(?:ngày|tháng|năm|Năm)\s+(?!\d{1,3}\s+(?:đảng viên|ĐV|đồng chí|người|chi bộ)(?!\w))"
    r"\d+(?:\s*(?:/|-|tháng|năm)\s*\d+)*",  # năm 2022 (not "từ đầu năm 23 ĐV": a count)
    r"\d{4}\s*[-–]\s*\d{4}",                                                 # 2022 - 2025
    r"\d+(?:[.,]\d+)?\s*(?:%|phần trăm)",                                    # 92,5%
    r"\d+\s*(?:đến|-|–)\s*(?:dưới\s*)?\d+\s*tuổi",                              # 18 đến (dưới) 30 tuổi
    r"\d+\s*(?:tuổi|năm tuổi)",                                               # 18 tuổi
    r"tuổi(?: đời)?\s+(?:từ\s+|dưới\s+|trên\s+)?\d+(?:\s*(?:đến|-|–)\s*\d+)?",     # tuổi đời 18-30
    r"\d+\s*(?:năm|tháng|ngày|giờ|phút|lượt|lần)(?!\w)",                      # 15 năm, 4710 lượt
]
MASK_RE = re.compile("|".join(f"(?:{m})" for m in MASKS))


@dataclass(frozen=True)
class Quantity:
    start: int          # span of the whole phrase incl. the qualifier, within the text scanned
    end: int
    text: str
    value: float
    qualifier: str      # exact | over | nearly | approx | under
    is_words: bool      # written in words (needs a metric noun right after to count)


def mask(text: str) -> str:
    """Blank out identifiers, dates and percentages, keeping every other offset unchanged."""
    return MASK_RE.sub(lambda m: " " * len(m.group(0)), text)


def parse_words(words: str) -> float | None:
    """Value of a number written in Vietnamese words ("hai nghìn ba trăm", "nửa triệu")."""
    tokens = words.lower().split()
    total, group, last, scale = 0.0, 0.0, None, 0.0
    if len(tokens) > 2 and tokens[-1] in DIGIT_WORDS and tokens[-1] != "năm" and \
            SCALES.get(tokens[-2], 0) >= 1e3:
        tenth = parse_words(" ".join(tokens[:-1]))  # "ba vạn hai": 32.000
        return tenth + DIGIT_WORDS[tokens[-1]] * SCALES[tokens[-2]] / 10 if tenth else None
    for tok in tokens:
        if tok == "không":  # "một nghìn không trăm bốn mươi hai"
            last = 0
            continue
        if tok in DIGIT_WORDS:
            last = DIGIT_WORDS[tok]
            group += last
        elif tok == "mười":
            group += 10
            last = None
        elif tok == "mươi":
            if last is None:
                return None
            group += last * 9
            last = None
        elif tok == "trăm":
            if last is None:
                return None
            group = group - last + last * 100
            last, scale = None, 100.0
        elif tok in ("linh", "lẻ"):
            last = None
        elif tok == "nửa":
            group += 0.5
            last = None
        elif tok in SCALES:
            total += (group or 1) * SCALES[tok]
            group, last, scale = 0.0, None, SCALES[tok]
        elif tok == "rưỡi" and scale:
            total += 0.5 * scale
            last = None
    value = total + group
    return value or None


def _qualifier(text: str, start: int, original: str) -> tuple[int, str]:
    """Start of the qualifier word right before a number, and its kind (not across a masked
    span of the original: "dưới 30 tuổi 5.127" is no "under 5.127")."""
    window_start = max(0, start - 20)
    window = fold(text[window_start:start])
    m = _QUAL_RE.search(window)
    while m and not _as_written(original[window_start + m.start(1):window_start + m.end(1)]):
        m = _QUAL_RE.search(window, m.start(1) + 1)  # "có 64": no "cỡ"; "có khoảng 500": "khoảng"
    if not m or original[window_start + m.end(1):start].strip():  # "dưới 30 tuổi 5.127 người":
        m = None  # the word qualifies the masked age
    base = max(0, start - 60)
    hedged = hedged_before(original[base:start])  # "quanh mức 1.400", "già 40"
    if hedged and (not m or base + hedged[0] < window_start + m.start(1)):
        qstart = base + hedged[0]
    elif m:
        qstart = window_start + m.start(1)
    else:
        estimate = _ESTIMATE_RE.search(fold(original[max(0, start - 50):start]))
        return start, "approx" if estimate else "exact"
    kind = _QUAL_KIND[m.group(1)] if m and qstart == window_start + m.start(1) else hedged[1]
    if fold(original[qstart:qstart + 5]).lower() == "ngoai" and _OPENS_CLAUSE_RE.search(original[max(0, qstart - 40):qstart]):
        return start, "exact"  # "Ngoài 1.736 đảng viên chính thức, …": besides
    return qstart, kind


def _as_written(words: str) -> bool:
    """A qualifier matched without diacritics is one as written, or written without any."""
    words = " ".join(words.lower().split())
    return words in _QUAL_WRITTEN or words == fold(words) and words not in AS_WRITTEN_ONLY


def _digits_value(num: str, dec: str | None, unit: str | None, half: str | None = None) -> float:
    value = float(num.replace(".", "") + ("." + dec if dec else ""))
    value = (value + (0.5 if half else 0)) * SCALES[unit.lower()] if unit else value
    return float(round(value)) if abs(value - round(value)) < 1e-6 else value


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in text (masked identifiers excluded), in order of position."""
    masked = mask(text)
    found: dict[int, tuple[int, float, bool]] = {}
    for m in DOT_DECIMAL_RE.finditer(masked):
        found[m.start()] = (m.end(), _digits_value(m["num"], m["dec"], m["unit"]), False)
    for m in COMMA_GROUPED_RE.finditer(masked):
        found[m.start()] = (m.end(), float(m["num"].replace(",", "")), False)
    for m in SPACED_RE.finditer(masked):
        if not _SPACED_AFTER_RE.search(masked, max(0, m.start() - 14), m.start()):
            found[m.start()] = (m.end(), float(m["num"].replace(" ", "")), False)
    for m in DIGITS_RE.finditer(masked):
        if any(s <= m.start() < e for s, (e, _, _) in found.items()):
            continue
        value, end = _digits_value(m["num"], m["dec"], m["unit"], m["half"]), m.end()
        tenth = _TENTH_RE.match(masked, end) if m["unit"] and not m["dec"] and not m["half"] else None
        if tenth and SCALES[m["unit"].lower()] >= 1e3:  # "chừng 3 vạn 2 đảng viên"
            d = tenth["d"].lower()
            value, end = value + int(DIGIT_WORDS.get(d, d)) * SCALES[m["unit"].lower()] / 10, tenth.end()
        elif m["unit"] and m["unit"].lower() in ("nghìn", "ngàn", "vạn") and not m["dec"] and not m["half"] \
                and (rest := _REST_RE.match(masked, end)) and int(rest["r"]) < SCALES[m["unit"].lower()]:
            value, end = value + int(rest["r"]), rest.end()  # "3 nghìn 600 đảng viên"
        elif m["unit"] and not m["dec"] and not m["half"] and (sub := _SUB_SCALE_RE.match(masked, end)) \
                and SCALES[sub["u"].lower()] < SCALES[m["unit"].lower()]:  # "1 vạn 3 nghìn"
            value, end = value + int(sub["n"]) * SCALES[sub["u"].lower()], sub.end()
        found[m.start()] = (end, value, False)
    for m in WORDS_RE.finditer(masked):
        words = m["words"].split()
        # a bare "một" is an article ("một số", "một chi bộ"), "nửa" needs a scale word
        if words == ["một"] or words[0].lower() in SCALES or words[0].lower() == "rưỡi" or _YEAR_WORD_RE.match(masked, m.start()) \
                or words[0].lower() in (
                "mươi", "linh", "lẻ", "lăm", "mốt", "tư"):
            continue
        if any(s <= m.start() < e for s, (e, _, _) in found.items()) or _in_name(masked, m.start()):
            continue  # "người Ba Na", "huyện Ba Bể", "quận Hai Bà Trưng": a name, not a count
        value = parse_words(m["words"])
        if value is not None and value == int(value):
            found[m.start()] = (m.end(), value, True)
    for m in ZERO_RE.finditer(masked):
        if not ZERO_OF_OTHERS_RE.search(masked[max(0, m.start() - 50):m.start()]):
            found[m.start()] = (m.end(), 0.0, True)
    out = []
    for start in sorted(found):
        end, value, is_words = found[start]
        if value != int(value):  # counts are whole: "5,6" alone is not one
            continue
        qstart, qual = _qualifier(masked, start, text) if value else (start, "exact")
        if (odd := _ODD_AFTER_RE.match(text, end)) and qual == "exact":
            end, qual = odd.end(), "over"  # "4.300 có lẻ"
        out.append(Quantity(qstart, end, text[qstart:end], value, qual, is_words))
    return out
