"""Scope of a published figure: the phrase as written ("Cả nước … cơ quan hội quần chúng",
"Đảng ủy Liên hiệp Hội", "Đảng bộ tỉnh Nghệ An") and what it resolves to: kind country | sector
| province | organisation, a value (sector code, province code, organisation name), sector, province;
the organisation names a document introduces, and sectors narrowing a scope.
"""
import re
from dataclasses import dataclass, replace

from .vocabulary import SECTORS

try:  # the province alias table, when present (chibo/etl/reference is written alongside)
    from chibo.etl.reference import MERGER_DATE
    from chibo.etl.reference import province as _province
    from chibo.etl.reference import resolve_province as _resolve_province
except ImportError:  # pragma: no cover - depends on the reference package being installed
    _resolve_province = _province = MERGER_DATE = None

SECTOR_RES = [(code, re.compile(r"(?<!\w)(?:" + p + r")(?!\w)", re.IGNORECASE)) for code, p in SECTORS]
# Groups of organisations named in lower case ("các đảng bộ khối cơ quan").
GROUPS = [("agency_blocs", re.compile(r"(?<!\w)các đảng (?:bộ|ủy|uỷ) khối(?: các)? cơ quan"
                                      r"(?! tỉnh| Trung ương)", re.IGNORECASE)),
          ("enterprise_blocs", re.compile(r"(?<!\w)các đảng (?:bộ|ủy|uỷ) khối(?: các)? "
                                          r"doanh nghiệp", re.IGNORECASE))]
ORG_PREFIX_RE = re.compile(r"(?<!\w)(?:Đảng ủy|Đảng uỷ|Đảng bộ|Chi bộ|Đảng đoàn|Ban Cán sự đảng)"
                           r"\s+(?=\w)")
# "… tổ chức cơ sở đảng ở …", "… đảng viên là người lao động trong …"
ATTACHED_RE = re.compile(r"^\s*(?:là (?:người )?(?:lao động|công nhân|viên chức|nhân viên)\s+|"
                         r"(?:[^\s,.;]+\s+){0,2}?)(?:ở|trong|thuộc|tại)\s+(?P<rest>[^,.;]*)",
                         re.IGNORECASE)
_STOP_CHARS = ",.;:()“”\"!?–"


@dataclass(frozen=True)
class Scope:
    text: str
    kind: str | None               # country | sector | province | organisation
    value: str | None              # "VN", sector code, province code (or name), organisation
    sector: str | None = None
    province_code: str | None = None
    org_text: str | None = None


def resolve_province(name: str, on=None) -> str | None:
    """Province code for a name, through chibo.etl.reference when available."""
    if _resolve_province is None or not name:
        return None
    try:
        return _resolve_province(name, on=on)
    except ValueError:  # UnknownValue: not an error here, the scope stays as written
        return None


def province_scope(name: str, level: str, on=None) -> Scope | None:
    """"tỉnh Nghệ An", "Thành phố Hồ Chí Minh", "Thủ đô" as a province scope; "thành phố
    Thanh Hóa" (a city of the province of that name) is not one: None."""
    code = resolve_province("Hà Nội" if name.lower() == "thủ đô" else name, on)
    words = name.split()
    while code is None and name.isupper() and len(words) > 1:  # a headline in capitals goes on:
        words.pop()                                           # "TỈNH GIA LAI PHÁT TRIỂN …"
        if (code := resolve_province(" ".join(words), on)) is not None:
            name = " ".join(words)
    text = f"{level} {name}" if level else name
    if code is None:
        return Scope(text, "province", name) if level == "tỉnh" else None
    if level == "thành phố" and _province and _province(code).get("kind") == "tinh":
        return None
    return Scope(text, "province", code, province_code=code)


# Second syllables written in lower case inside capitalised names ("Trung ương", "Liên hiệp").
_TAILS = {("Trung", "ương"), ("Liên", "hiệp"), ("Mặt", "trận"), ("Tổ", "quốc"),
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
          ("sách", "xã"), ("xã", "hội"), ("Phòng", "không"), ("Không", "quân"), ("Đại", "sứ"), ("sứ", "quán")}
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
_ABROAD = {"Đại sứ quán", "Tổng Lãnh sự", "Lãnh sự quán"}  # "… Việt Nam tại Hàn Quốc"
_FIXED_NAME_RE = re.compile(r"Mặt trận Tổ quốc, các đoàn thể Trung ương")  # one committee
# Words no name holds, ending one written in capitals (a headline): its verb or what it reports.
_CAPS_STOP = {"kết", "có", "đã", "đang", "sẽ", "được", "hiện", "là", "với", "gồm", "vẫn", "luôn",
              "tăng", "đạt", "sau", "trước"}
# and the words of no place name ("Đồng", "Long", "Đại" are: "THÔN ĐỒNG CHÈ", "LONG AN", "ĐẠI LỘC").
_NOT_IN_PLACES = {"của", "tại", "trong", "về", "cho", "nhằm", "để", "làm", "theo", "nhưng", "khi", "tham",
                  "dự", "chỉ", "lần", "khóa", "khoá", "nhiệm", "trực", "bị", "tổng"}
_NOT_AFTER_AND = {"Đảng", "Nghị", "Ban", "Bộ", "Chỉ", "Quyết", "Quy", "Kết", "Hướng", "Ủy"}


def org_name(text: str, start: int, numbers: bool = False, plural: bool = False) -> str:
    """Capitalised name at start: "Liên hiệp Hội", "Quân khu 9", "Công ty Than Hà Lầm - TKV",
    "Ủy ban nhân dân tỉnh Tuyên Quang" ("UBND"); with numbers, also "3" or "số 7" ("Khu phố 3")."""
    if fixed := _FIXED_NAME_RE.match(text, start):
        return fixed.group(0)
    end = len(text)
    for i in range(start, len(text)):
        if text[i] == "," and not plural and _LISTED_NAME_RE.match(text, i):
            continue  # "Bộ Văn hóa, Thể thao và Du lịch"
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
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if not word:
            break
        if word == "Đảng" and nxt in ("ủy", "uỷ", "bộ", "đoàn"):
            break
        if word.isupper() and word.lower() in ("tháng", "năm", "thường", "định", "chuyên"):
            break  # "BIÊN BẢN SINH HOẠT CHI BỘ THƯỜNG KỲ THÁNG 11/2025": no name
        if word.isupper() and len(word) > 1 and word.lower() in _CAPS_STOP:
            if taken[-1:] == ["TỔNG"] and word == "KẾT":
                taken.pop()  # "… TỔNG KẾT NĂM 2024"
            break  # a headline in capitals: "BỆNH VIỆN CHỢ RẪY - KẾT QUẢ NĂM 2024", "… CÓ 12 …"
        if word[0].isupper() or taken and (taken[-1], word) in _TAILS:
            taken.append(word)
        elif taken and (word.isdigit() and (not nxt or nxt[0].isupper() or nxt in _NAME_STOP)
                        or word == "-" and nxt[:1].isupper()):
            taken.append(word)  # "Quân khu 9", "Công ty Than Hà Lầm - TKV"
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
            for w in words[i + 1:i + (5 if taken == ["Khối"] else 4)]:
                if not w or w in _NAME_STOP:
                    break
                if w != "và":  # "Sở Giáo dục và Đào tạo"
                    ahead.append(w)
            branch = "chi nhánh" in " ".join(words[i + 1:i + 5])  # "… xã hội chi nhánh tỉnh …"
            if not branch and not any(w[0].isupper() and w != "Đảng" for w in ahead):
                break
            taken.append(word)
    while taken and not (taken[-1][0].isupper() or taken[-1].isdigit()) and tuple(
            taken[-2:]) not in _TAILS:
        taken.pop()
    name = " ".join(_ABBREVIATIONS.get(w, w) for w in taken)
    return name.split(" và ")[0] if plural else name  # "hai Đảng bộ A và B": two names


_NUMBERED_RE = re.compile(r" \d{1,2}(?=[ \t]*(?:$|[,;)(]))", re.MULTILINE)


def place_name(text: str, start: int) -> str:
    """The name after a level word: capitalised words ("Quỳnh Lưu", "Bà Rịa - Vũng Tàu"), or a
    number ("Khu phố 3", "Tổ dân phố số 7")."""
    m = re.compile(r"(?:số\s+)?\d+|(?:[^\W\d_][\w]*)(?:(?:\s+|\s*-\s*)[^\W\d_][\w]*)*").match(
        text, start)
    if not m:
        return ""
    if m.group(0)[0].isdigit() or m.group(0).startswith("số"):
        return m.group(0)
    words = []
    for w in re.split(r"(\s*-\s*|\s+)", m.group(0)):
        if w.strip() in ("", "-"):
            words.append(w)
        elif w.isupper() and w.lower() in _CAPS_STOP | _NOT_IN_PLACES:
            break  # a headline in capitals: "ĐẢNG BỘ HUYỆN QUẢNG XƯƠNG CÓ 12.560 …" (not "THÔN ĐỒNG CHÈ")
        elif w[0].isupper():
            words.append(w)
        else:
            break
    name = "".join(words).rstrip(" -")
    tail = _NUMBERED_RE.match(text, start + len(name)) if name == m.group(0) else None
    return name + tail.group(0) if tail else name  # "CHI BỘ KHU PHỐ BÌNH MINH 2"


def known_organisations(text: str) -> list[str]:
    """Organisation names a document introduces with a party prefix, longest first."""
    names = {org_name(text, m.end(), plural=bool(PLURAL_RE.search(text, 0, m.start())))
             for m in ORG_PREFIX_RE.finditer(text)
             if text[m.end()].isupper()}  # "Đảng bộ Ủy ban …": a capital with its diacritics
    return sorted((n for n in names if len(n.split()) > 1), key=len, reverse=True)


# A clause on a reorganisation names the units merged, not the sector counted: "Do sáp nhập thôn,
# tổ dân phố, hiện toàn Đảng bộ huyện có 187 chi bộ".
_REORGANISED_RE = re.compile(r"(?<![\wđ])(?:Do|Vì|Sau khi|Sau)\s+(?:việc\s+)?(?:sáp nhập|hợp nhất|sắp xếp)"
                             r"[^;.]*,", re.IGNORECASE)


def sector_in(text: str) -> tuple[str, str] | None:
    """The one sector named in text (code, phrase), or None when none or several are (not in a
    clause on a reorganisation)."""
    text = _REORGANISED_RE.sub(" ", text)
    found = {(code, m.group(0)) for code, rx in SECTOR_RES for m in [rx.search(text)] if m}
    codes = {c for c, _ in found}
    if len(codes) != 1:
        return None
    return min(found, key=lambda f: text.find(f[1]))


_ARMED_RE = re.compile(r"(?<!\w)(?:Công an|Quân|Biên phòng|Bộ đội|Sư đoàn|Cảnh sát|Hải quân)(?!\w)")


def narrowed(scope: Scope | None, sector: tuple[str, str] | None) -> Scope | None:
    """A scope narrowed by a sector: the country becomes the sector; a province or an
    organisation keeps its kind and gains the sector (not one its name says: a police committee's
    own figures are no part of the armed forces sector)."""
    if not sector:
        return scope
    code, phrase = sector
    if scope is not None and code in (scope.sector, scope.value if scope.kind == "sector" else None):
        return scope
    if scope is not None and scope.kind == "organisation" and (phrase.lower() in (
            scope.value or "").lower() or code == "armed_forces" and _ARMED_RE.search(scope.value or "")):
        return scope  # "Công an thành phố Hải Phòng … Công an hai địa phương": its own sector
    if scope is None or scope.kind in ("country", "sector"):
        base = scope.text if scope and scope.kind == "country" else None
        return Scope(f"{base} … {phrase}" if base else phrase, "sector", code, code)
    return replace(scope, text=f"{scope.text} … {phrase}", sector=code)


def widened(scope: Scope | None) -> Scope | None:
    """A scope without the sector that narrowed it (the whole after its sector's part)."""
    if scope is None or scope.sector is None:
        return scope
    base = scope.text.split(" … ")[0]
    if scope.kind == "sector":
        return Scope(base, "country", "VN") if " … " in scope.text else None
    return replace(scope, text=base, sector=None)


def attached_sector(after_noun: str) -> tuple[str, str] | None:
    """A sector attached to the counted noun ("… tổ chức cơ sở đảng ở cơ quan hội quần chúng")."""
    m = ATTACHED_RE.match(after_noun)
    return sector_in(m["rest"]) if m else None


_PREFIX_RE = re.compile(r"^(?:Đảng bộ|Đảng ủy|Đảng uỷ|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ)\s+", re.IGNORECASE)  # also in capitals


def province_on(scope: Scope | None, day, published) -> Scope | None:
    """A province named in a page of one day, for a figure of another: its code as of the
    figure's day ("tính đến ngày 30/6/2025, Đảng bộ Thành phố Hồ Chí Minh có …" in an October
    2025 page is 79, not N79)."""
    if scope is None or scope.kind != "province" or not scope.province_code or day is None \
            or day == published:
        return scope
    code = resolve_province(_PREFIX_RE.sub("", scope.text), day)
    if code is None or code == scope.province_code:
        return scope
    return replace(scope, value=code, province_code=code)


def merged_on(scope: Scope | None, day) -> Scope | None:
    """A bare reference ("toàn Đảng bộ tỉnh") on a page dated after the July 2025 merger, to an
    old province named before it ("sau khi hợp nhất hai tỉnh Quảng Bình và Quảng Trị"), stands
    for the province it became (N44, not 44)."""
    if scope is None or scope.kind != "province" or not scope.province_code or day is None \
            or MERGER_DATE is None or day < MERGER_DATE:
        return scope
    new = _province(scope.province_code)["successor_code"]
    return replace(scope, value=new, province_code=new) if new else scope
