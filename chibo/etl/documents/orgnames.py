"""The names of bodies and places as news write them: a capitalised name after a party prefix or a
level word ("Liên hiệp Hội", "Quân khu 9", "Công ty Than Hà Lầm - TKV", "Ủy ban nhân dân tỉnh Tuyên
Quang", "Trường Đại học Thủy lợi", "Cảng hàng không quốc tế Nội Bài"), with the lower-case syllables a
name holds and without the words of the sentence after it; a place's name after its level word."""
import re

from .vocabulary import fold

_STOP_CHARS = ",.;:()“”\"!?–"

# Second syllables written in lower case inside capitalised names ("Trung ương", "Liên hiệp").
_TAILS = {("Nhà", "trường"), ("Trung", "ương"), ("Liên", "hiệp"), ("Mặt", "trận"), ("Tổ", "quốc"),
          ("Công", "đoàn"), ("Thanh", "niên"), ("Phụ", "nữ"), ("Nông", "dân"),
          ("Khoa", "học"), ("Kỹ", "thuật"), ("Chiến", "binh"), ("Quốc", "hội"),
          ("Chính", "phủ"), ("Nhà", "nước"), ("Tỉnh", "ủy"), ("Tỉnh", "uỷ"), ("Thành", "ủy"),
          ("Huyện", "ủy"), ("Quận", "ủy"), ("Thị", "ủy"), ("Quốc", "dân"), ("Kinh", "tế"),
          ("Bách", "khoa"), ("Sư", "phạm"), ("Y", "tế"), ("Quân", "khu"), ("Quân", "đoàn"),
          ("Sư", "đoàn"), ("Bệnh", "viện"), ("Học", "viện"), ("Công", "ty"), ("Tập", "đoàn"),
          ("Ngân", "hàng"), ("Liên", "khu"), ("Ủy", "ban"), ("Uỷ", "ban"), ("ban", "nhân"), ("nhân", "dân"),
          ("Quân", "đội"), ("Quân", "sự"), ("Công", "an"), ("Biên", "phòng"), ("Điện", "lực"),
          # ministries, state groups and the overseas organisation ("Bộ Tư pháp", "Đảng bộ
          # Ngoài nước", "Tập đoàn Công nghiệp - Viễn thông Quân đội")
          ("Tư", "pháp"), ("Ngoại", "giao"), ("Quốc", "phòng"), ("Tài", "chính"), ("Nội", "vụ"),
          ("Xây", "dựng"), ("Giao", "thông"), ("Văn", "hóa"), ("Văn", "hoá"), ("Thể", "thao"),
          ("Du", "lịch"), ("Công", "nghệ"), ("Môi", "trường"), ("Đầu", "tư"), ("Đào", "tạo"),
          ("Giáo", "dục"), ("Xã", "hội"), ("Tài", "nguyên"), ("Thương", "binh"),
          ("Nông", "nghiệp"), ("Công", "nghiệp"), ("Viễn", "thông"), ("Dầu", "khí"),
          ("Hàng", "không"), ("Hàng", "hải"), ("Đường", "sắt"), ("Bưu", "điện"), ("Kiểm", "toán"),
          ("Thanh", "tra"), ("Tòa", "án"), ("Toà", "án"), ("Ngoài", "nước"), ("Thông", "tấn"),
          ("Truyền", "hình"), ("Phát", "thanh"), ("Ngân", "sách"), ("Bảo", "hiểm"),
          ("án", "nhân"), ("Kiểm", "sát"), ("sát", "nhân"), ("dân", "tối"), ("tối", "cao"),
          ("Bưu", "chính"), ("Nông", "thôn"), ("Liên", "hợp"), ("hợp", "quốc"), ("Chính", "sách"),
          ("sách", "xã"), ("xã", "hội"), ("Tổ", "chức"), ("Khu", "vực"), ("Phòng", "không"), ("Không", "quân"), ("Đại", "sứ"), ("sứ", "quán"),
          # a mission, a corporation, a management board, a ministry of religions ("Phái đoàn đại diện
          # …", "Tổng công ty", "Ban Quản lý dự án 85", "Bộ Dân tộc và Tôn giáo", "Phân xưởng Lò nung",
          # "Học viện Hậu cần", "Phòng Tổ chức - Hành chính")
          ("Phái", "đoàn"), ("Tổng", "công"), ("công", "ty"), ("Quản", "lý"), ("Tôn", "giáo"),
          ("Phân", "xưởng"), ("Hậu", "cần"), ("Hành", "chính"),
          # the state audit, customs, the coast guard ("Kiểm toán nhà nước", "Cục Hải quan", "Bộ Tư lệnh
          # Vùng Cảnh sát biển 2")
          ("toán", "nhà"), ("nhà", "nước"), ("Hải", "quan"), ("Cảnh", "sát"), ("sát", "biển"),
          ("Ngoại", "ngữ"), ("Đại", "học"), ("Cao", "đẳng"), ("hiểm", "xã"),  # "Bảo hiểm xã hội tỉnh"  # "các Trường Đại học, Cao đẳng thành phố …"
          # an agency's office abroad ("Cơ quan đại diện Việt Nam tại Lào")
          ("Cơ", "quan")}
# Abbreviations written out in names ("Đảng bộ UBND tỉnh" → "Ủy ban nhân dân …").
# Before a party prefix: several organisations follow ("hai Đảng bộ A và B").
PLURAL_RE = re.compile(r"(?<![\wđ])(?:hai|ba|các|những) $", re.IGNORECASE)
_ABBREVIATIONS = {"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "TP.": "Thành phố",
                  "TP.HCM": "Thành phố Hồ Chí Minh", "TPHCM": "Thành phố Hồ Chí Minh"}
_NAME_STOP = {"có", "với", "là", "đã", "đang", "sẽ", "được", "bị", "của", "tại", "trong",
              "về", "cho", "nhằm", "để", "đồng", "tổ", "làm", "hiện", "theo", "gồm", "nhưng",
              "long", "chính", "tổng", "vẫn", "luôn", "đến", "kết", "phát", "thay", "đại",
              "khi", "trực", "tham", "dự", "chỉ", "lần", "khóa", "khoá", "nhiệm"}
# A comma inside a name that lists its fields: ", Thể thao và Du lịch".
_LISTED_NAME_RE = re.compile(r", (?:[A-ZĐ]\w*(?: \w+)?, )*[A-ZĐ]\w*(?: \w+)? và [A-ZĐ]")
_MEMBER_OF_RE = re.compile(r", (?:Đại học|ĐẠI HỌC) (?=[A-ZĐ])")  # the regional or national university a member is of
_ABROAD = {"Đại sứ quán", "Tổng Lãnh sự", "Lãnh sự quán"}  # "… Việt Nam tại Hàn Quốc"
_FIXED_NAME_RE = re.compile(r"Mặt trận Tổ quốc, các đoàn thể Trung ương")  # one committee
# Words no name holds, ending one written in capitals (a headline): its verb or what it reports.
_CAPS_STOP = {"kết", "có", "đã", "đang", "sẽ", "được", "hiện", "là", "với", "gồm", "vẫn", "luôn",
              "nhiệm", "khóa", "khoá", "lần",  # "… CHI BỘ NHIỆM KỲ 2025 - 2027", "… LẦN THỨ XIV": no name
              "tăng", "đạt", "sau", "trước"}
# and the words of no place name ("Đồng", "Long", "Đại" are: "THÔN ĐỒNG CHÈ", "LONG AN", "ĐẠI LỘC").
_NOT_IN_PLACES = {"của", "tại", "trong", "về", "cho", "nhằm", "để", "làm", "theo", "nhưng", "khi", "tham",
                  "dự", "chỉ", "lần", "khóa", "khoá", "nhiệm", "trực", "bị", "tổng"}
_NOT_AFTER_AND = {"Đảng", "Nghị", "Ban", "Bộ", "Chỉ", "Quyết", "Quy", "Kết", "Hướng", "Ủy"}
# The verbs of what a body holds end its name before the meeting's capitals: "Đảng bộ Tổng công ty
# Điện lực miền Bắc khai mạc Đại hội …", "… Hà Tĩnh bế mạc Đại hội …", "… sơ kết Quý I".
_EVENT_VERBS = {("khai", "mạc"), ("bế", "mạc"), ("sơ", "kết"), ("tổng", "kết"), ("kỷ", "niệm"),
                ("triển", "khai"), ("công", "bố"), ("tổ", "chức"), ("trao", "tặng"), ("tiến", "hành"),
                ("thông", "báo"),
                # and what a body does to a capitalised object: "… đón nhận Huân chương …", "… ban hành
                # Nghị quyết …", "… ra mắt Ban Chấp hành …", "… quán triệt Nghị quyết …"
                ("đón", "nhận"), ("tiếp", "nhận"), ("ban", "hành"), ("ra", "mắt"), ("quán", "triệt"),
                ("thực", "hiện"), ("phát", "động"), ("ký", "kết"), ("tuyên", "dương"), ("biểu", "dương"),
                ("khen", "thưởng"), ("vinh", "dự"), ("học", "tập"), ("nhận", "được")}
# Verbs of one syllable that do the same ("… họp Hội nghị …", "… nhận Cờ thi đua …").
_ONE_SYLLABLE_VERBS = {"họp", "nhận", "trao", "tặng", "đón"}
# The same in capitals without diacritics ("DANG UY PHUONG TAN HUNG THONG BAO KET QUA: …").
_EVENT_VERBS_PLAIN = {(fold(a), fold(b)) for a, b in _EVENT_VERBS}


# Lower-case syllables of the field a body's name states ("Thủy lợi", "Giao thông vận tải", "Cảng
# hàng không quốc tế", "Kỹ thuật công nghiệp", "Lục quân 1"); a run of them is part of the name when
# it ends on a field's last syllable or a capital follows it (not "… Lê Lợi công bố").
_FIELD_WORDS = {"thủy", "thuỷ", "lợi", "vận", "tải", "hàng", "không", "quốc", "tế", "công", "nông", "lâm",
                "nghiệp", "thuật", "quân", "giao", "thông", "điện", "lực", "dầu", "khí",
                # a project board's or a mission's ("Ban Quản lý dự án 85", "Phái đoàn đại diện thường trực …")
                "dự", "án", "đại", "diện", "thường", "trực",
                # a board of industrial or export zones ("Ban Quản lý các khu công nghiệp Đồng Nai", "…
                # khu chế xuất và công nghiệp …")
                "các", "khu", "chế", "xuất",
                # an enterprise bloc written in lower case ("Đảng bộ Khối doanh nghiệp tỉnh"), economic and
                # high-tech zones ("… các Khu kinh tế và khu công nghệ cao Đà Nẵng")
                "doanh", "kinh", "nghệ", "cao"}
_FIELD_ENDS = {"lợi", "tải", "tế", "nghiệp", "thuật", "quân", "khí"}


def _field_run(words: list[str], i: int) -> list[str]:
    """The run of field syllables at words[i] that continues a name, or []."""
    j = i
    while j < len(words) and words[j] in _FIELD_WORDS:
        j += 1
    nxt = words[j] if j < len(words) else ""
    if j > i and nxt == "và" and (more := _field_run(words, j + 1)):
        return words[i:j + 1] + more  # "… các khu chế xuất và công nghiệp Cần Thơ": two fields joined
    if j > i and (words[j - 1] in _FIELD_ENDS or nxt[:1].isupper() or nxt.isdigit()):
        return words[i:j]
    return []


def org_name(text: str, start: int, numbers: bool = False, plural: bool = False) -> str:
    """Capitalised name at start: "Liên hiệp Hội", "Quân khu 9", "Công ty Than Hà Lầm - TKV",
    "Ủy ban nhân dân tỉnh Tuyên Quang" ("UBND"); with numbers, also "3" or "số 7" ("Khu phố 3")."""
    if fixed := _FIXED_NAME_RE.match(text, start):
        return fixed.group(0)
    end = len(text)
    for i in range(start, len(text)):
        if text[i] == "," and not plural and (_LISTED_NAME_RE.match(text, i) or _MEMBER_OF_RE.match(text, i) and text[
                start:i].startswith(("Trường Đại học ", "TRƯỜNG ĐẠI HỌC "))):  # "Bộ Văn hóa, Thể thao và Du lịch",
            continue  # a member university: "Trường Đại học Sư phạm, Đại học Huế" (not "Trường Cơ khí, Đại học …")
        if text[i] == "." and re.match(r"(?<![\w.])TP\. ?[A-ZĐ]", text[i - 2:i + 3]):
            continue  # "Công an TP. Hồ Chí Minh"
        if text[i] in _STOP_CHARS or text[i] == "\n":
            end = i
            break
    words = text[start:end].split(" ")
    if numbers and words and (words[0].isdigit() or words[0].lower() == "số" and len(words) > 1
                              and words[1].isdigit()):
        return " ".join(words[:2] if not words[0].isdigit() else words[:1])
    taken: list[str] = []
    skip = 0
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if i < skip:
            continue
        if not word or (word, nxt) in _EVENT_VERBS or word in _ONE_SYLLABLE_VERBS:
            break
        if taken and (run := _field_run(words, i)):
            taken.extend(run)  # "Trường Đại học Thủy lợi", "Cảng hàng không quốc tế Nội Bài"
            skip = i + len(run)
            continue
        if word == "Đảng" and nxt in ("ủy", "uỷ", "bộ", "đoàn"):
            break
        if taken and word in ("Số", "SỐ") and not nxt.isdigit():
            break  # a report's number beside the body's name: "… CÔNG TY THAN NÚI BÉO   Số 56-BC/ĐU", "Số:"
        if word.isupper() and word.lower() in ("tháng", "năm", "thường", "định", "chuyên"):
            break  # "BIÊN BẢN SINH HOẠT CHI BỘ THƯỜNG KỲ THÁNG 11/2025": no name
        if word.isupper() and len(word) > 1 and word.lower() in _CAPS_STOP:
            if taken[-1:] == ["TỔNG"] and word == "KẾT":
                taken.pop()  # "… TỔNG KẾT NĂM 2024"
            break  # a headline in capitals: "BỆNH VIỆN CHỢ RẪY - KẾT QUẢ NĂM 2024", "… CÓ 12 …"
        if word[0].isupper() or taken and (taken[-1], word) in _TAILS:
            taken.append(word)
        elif taken and (word.isdigit() and (not nxt or nxt[0].isupper() or nxt in _NAME_STOP or (
                nxt, words[i + 2] if i + 2 < len(words) else "") in _EVENT_VERBS or nxt == "-") or word == "-"
                        and nxt[:1].isupper() and not after_dash_ends(words[i + 1:i + 3])):
            taken.append(word)  # "Quân khu 9", "Công ty Than Hà Lầm - TKV", "… Vùng Cảnh sát biển 2 khai mạc …"
        elif word == "và":
            if not nxt or not nxt[0].isupper() or nxt in _NOT_AFTER_AND:
                break
            taken.append(word)
        elif word == "tại" and (" ".join(taken[:3]) in _ABROAD or taken[-2:] == ["Việt", "Nam"]
                                ) and nxt[:1].isupper():
            taken.append(word)  # "Đại sứ quán Việt Nam tại Hàn Quốc", "Thương vụ Việt Nam tại Liên bang Nga"
        elif word == "chi" and nxt == "nhánh" and taken:
            taken.append(word)  # a branch: "Ngân hàng … chi nhánh tỉnh Nghệ An", "… chi nhánh Bắc Ninh"
        elif not taken or word in _NAME_STOP or not word[0].isalpha():
            break
        else:
            ahead = []
            for k, w in enumerate(words[i + 1:i + (5 if taken == ["Khối"] else 4)], i + 1):
                if not w or w in _NAME_STOP | _ONE_SYLLABLE_VERBS or (w, words[k + 1] if k + 1 < len(words) else "") \
                        in _EVENT_VERBS:
                    break
                if w != "và":  # "Sở Giáo dục và Đào tạo"
                    ahead.append(w)
            branch = "chi nhánh" in " ".join(words[i + 1:i + 5])  # "… xã hội chi nhánh tỉnh …"
            if not branch and not any(w[0].isupper() and w != "Đảng" for w in ahead):
                if closed := _closing_syllables(words[i:], text[end:end + 1]):
                    taken.extend(closed)  # "Chi bộ Phân xưởng Lò nung (Đảng bộ Công ty …)"
                    return _finish(taken, plural)
                break
            taken.append(word)
    while taken and not (taken[-1][0].isupper() or taken[-1].isdigit()) and tuple(
            taken[-2:]) not in _TAILS and taken[-1] not in _FIELD_ENDS:
        taken.pop()
    return _finish(taken, plural)


# What opens after a dash but is no part of the name before it: another body's level ("CHI BỘ THÔN ĐỒNG TÂM
# - XÃ ĐẠI ĐỒNG": the hamlet's cell, of the commune) or a heading's topic ("ĐẢNG BỘ … HẢI PHÒNG - TÌNH HÌNH
# TỔ CHỨC ĐẢNG", "… - MỘT SỐ CON SỐ"); a legal form or an abbreviation ("- CTCP", "- TKV") is the name's.
_DASH_LEVELS = {"xã", "phường", "huyện", "quận", "tỉnh", "thị", "thôn", "bản", "ấp", "xóm", "khóm", "buôn", "làng"}
_TOPIC_PAIRS = {("tình", "hình"), ("công", "tác"), ("hoạt", "động"), ("thực", "trạng"), ("thành", "tích"),
                ("danh", "sách"), ("chất", "lượng"), ("kết", "quả"), ("số", "liệu"), ("thông", "tin"),
                ("tổng", "quan"), ("phát", "triển"), ("xây", "dựng"), ("đội", "ngũ"), ("chặng", "đường")}


def after_dash_ends(ahead: list[str]) -> bool:
    """The words after a dash in a name open another body's level or a heading's topic (above)."""
    low = [w.lower() for w in ahead if w] + [""]
    return low[0] in _DASH_LEVELS or (low[0], low[1]) == ("thành", "phố") or tuple(low[:2]) in _TOPIC_PAIRS or (
        ahead[0].isupper() and len(ahead[0]) > 1 and low[0] in _TOPIC_WORDS)


def _closing_syllables(rest: list[str], stop: str) -> list[str]:
    """Up to three lower-case syllables, and a number after "số", that end a name right before a
    bracket naming the body it belongs to ("Phân xưởng Cơ điện (Đảng bộ Công ty …)", "Đội Quản lý thị
    trường số 5 (…)"), else []."""
    rest = [w for w in rest if w]
    words = rest[:-2] if len(rest) > 2 and rest[-2] == "số" and rest[-1].isdigit() else rest
    if stop != "(" or not 0 < len(words) <= 3:
        return []
    return rest if all(w.isalpha() and w.islower() and w not in _NAME_STOP for w in words) else []


def _finish(taken: list[str], plural: bool) -> str:
    """The name of the words taken: abbreviations written out, a city's force's "TP" expanded."""
    name = " ".join(_ABBREVIATIONS.get(w, w) for w in taken)
    name = _FORCE_OF_TP_RE.sub(r"\1 Thành phố ", name)  # "Công an TP Cần Thơ": the city's police (README)
    name = _LEGAL_FORM_RE.sub("", name)  # "Tổng công ty Thép Việt Nam - CTCP": the company (README)
    return name.split(" và ")[0] if plural else name  # "hai Đảng bộ A và B": two names


# "TP" without its dot after a city's police, military command or border guard (other bodies keep
# the name as written: "Tổng công ty Điện lực TP Hồ Chí Minh").
_LEGAL_FORM_RE = re.compile(r" - (?:CTCP|Công ty cổ phần|Công ty Cổ phần)$")
_FORCE_OF_TP_RE = re.compile(r"(Công an|Quân sự|Biên phòng) TP (?=[A-ZĐ])")


_NUMBERED_RE = re.compile(r" \d{1,2}(?=[ \t]*(?:$|[,;)(]))", re.MULTILINE)


# The first words of a heading's topic after a dash ("- MỘT SỐ CON SỐ", "- NHỮNG CON SỐ ẤN TƯỢNG",
# "- NHÌN LẠI …", "- DẤU ẤN …"), which no place name after a dash opens with ("BÀ RỊA - VŨNG TÀU").
_TOPIC_WORDS = {"một", "những", "các", "số", "con", "nhìn", "dấu", "điểm", "bước", "chặng", "kết", "tổng",
                "năm", "báo", "tin", "thông", "sáng", "vững", "xây", "nâng", "đổi", "hành", "ấn", "nét"}


# A place's words, with the apostrophe of a highland name ("Cư M'gar", "Ea H’leo", "Đắk R'lấp").
_WORD = r"[^\W\d_]\w*(?:['’]\w+)?"
_PLACE_WORDS_RE = re.compile(r"(?:số\s+)?\d+|" + _WORD + r"(?:(?:\s+|\s*-\s*)" + _WORD + r")*")


def place_name(text: str, start: int) -> str:
    """The name after a level word: capitalised words ("Quỳnh Lưu", "Bà Rịa - Vũng Tàu", "Cư M'gar"), or a
    number ("Khu phố 3", "Tổ dân phố số 7")."""
    m = _PLACE_WORDS_RE.match(text, start)
    if not m:
        return ""
    if m.group(0)[0].isdigit() or m.group(0).startswith("số"):
        return m.group(0)
    words = []
    parts = re.split(r"(\s*-\s*|\s+)", m.group(0))
    for k, w in enumerate(parts):
        if w.strip() in ("", "-"):
            words.append(w)
        elif words and words[-1].strip() == "-" and after_dash_ends(parts[k:k + 3:2]):
            break  # "CHI BỘ BẢN NA HÀ - XÃ SÌN HỒ": the commune the hamlet is of (after_dash_ends)
        elif w.isupper() and words and words[-1].strip() == "-" and w.lower() in _TOPIC_WORDS:
            break  # a heading "ĐẢNG BỘ XÃ YÊN BÌNH - MỘT SỐ CON SỐ": its topic after the dash
        elif w.isupper() and (fold(w), fold(parts[k + 2] if k + 2 < len(parts) else "")) in _EVENT_VERBS_PLAIN:
            break  # "DANG UY PHUONG TAN HUNG THONG BAO KET QUA": the verb of what it reports
        elif w.isupper() and w.lower() in _CAPS_STOP | _NOT_IN_PLACES:
            break  # a headline in capitals: "ĐẢNG BỘ HUYỆN QUẢNG XƯƠNG CÓ 12.560 …" (not "THÔN ĐỒNG CHÈ")
        elif w[0].isupper():
            words.append(w)
        else:
            break
    name = "".join(words).rstrip(" -")
    tail = _NUMBERED_RE.match(text, start + len(name)) if name == m.group(0) else None
    return name + tail.group(0) if tail else name  # "CHI BỘ KHU PHỐ BÌNH MINH 2"
