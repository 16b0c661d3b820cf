"""Places and organisations named in a sentence (mentions), in the ways news write them:

| written | mention |
|---|---|
| cả nước, toàn quốc, toàn Đảng, Đảng ta, "Đại hội … của Đảng", "Đảng có …" | country |
| Đảng bộ tỉnh Nghệ An, Đảng bộ Tỉnh Nghệ An, Tỉnh ủy Quảng Trị, tỉnh Cà Mau, Đảng bộ Thủ đô, a headline opening with a province ("Cà Mau: …", "TP.HCM: …", "Bắc Giang kết nạp …") | province (code via chibo.etl.reference) |
| Đảng bộ Thành phố Hồ Chí Minh (a centrally-run city) / Đảng bộ thành phố Thanh Hóa (a city of a province) | province / organisation "thành phố Thanh Hóa" |
| Đảng bộ huyện Quỳnh Lưu, Huyện ủy Mộc Châu, Đảng bộ xã Tân Lập, Chi bộ thôn Đông Xá, Chi bộ Khu phố 3, Chi bộ khu vực 3, toàn huyện Krông Pắc | organisation "huyện Quỳnh Lưu" … |
| Đảng bộ Khối các cơ quan tỉnh Quảng Ninh, Đảng ủy Sở Y tế tỉnh Thanh Hóa, Đảng bộ các cơ quan Đảng tỉnh Lạng Sơn, Đảng bộ UBND tỉnh (Ủy ban nhân dân …); "của Trường Đại học Cần Thơ" | organisation (capitalised name after a party prefix; a school, hospital, company … after "của / thuộc") |
| toàn Đảng bộ (tỉnh, huyện …), Đảng bộ tỉnh, Đảng bộ Thành phố, Chi bộ, "của chi bộ", Đảng ủy Khối, của tỉnh, "phường đã …" | a bare reference: the last organisation or province (a centrally-run city for "Thành phố") of that level named before in the document |

A place right after an organisation, or after such a place (", xã Thượng Lâm", "(huyện Đan Phượng)", ", Đảng bộ xã Yên Phong", "Chi bộ thôn Nà Pò, xã Đức Long, huyện Thạch An") or after "tại / ở" within a clause ("khai mạc tại Thủ đô Hà Nội") says where something is: it is a qualifier, not the scope of what follows.
Party prefixes, levels and bare references also match without their diacritics ("Dang bo huyen Tuy Phuoc").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .institutions import institutions
from .mergers import merger_partner
from .nicknames import nicknamed
from .orgnames import PLURAL_RE, org_name, place_name
from .parents import belongs_to
from .pastnotes import MERGED_PLACES_RE, PAST_NOTE_RE
from .scope import GROUPS, Scope, province_scope, resolve_province
from .vocabulary import fold

LEVELS = {"tỉnh": "tỉnh", "thành phố": "thành phố", "tp.": "thành phố", "tp": "thành phố",
          "thủ đô": "tỉnh", "huyện": "huyện", "quận": "quận", "thị xã": "thị xã", "xã": "xã",
          "phường": "phường", "thị trấn": "thị trấn", "thôn": "thôn", "bản": "bản", "ấp": "ấp",
          "làng": "làng", "khu phố": "khu phố", "khóm": "khóm", "tổ dân phố": "tổ dân phố",
          "đặc khu": "đặc khu", "khối": "khối", "khu dân cư": "khu dân cư", "xóm": "xóm",
          "buôn": "buôn", "khu vực": "khu vực", "plei": "plei"}  # plei: a Jrai or Ba Na village
_LEVEL = r"(?:tổ dân phố|khu dân cư|khu phố|khu vực(?= \d)|thành phố|thị trấn|thị xã|đặc khu|thủ đô|tỉnh|huyện|" \
         r"quận|xã|phường|thôn|xóm|(?<!biên )bản|buôn|plei|ấp|làng|khóm|tp\.?)"
_PARTY = r"(?:Đảng ủy|Đảng uỷ|Đảng bộ|Chi bộ|Chi ủy|Chi uỷ|Đảng đoàn|Ban Cán sự đảng)"
_COMMITTEE = {"tỉnh": "tỉnh", "thành": "thành phố", "huyện": "huyện", "quận": "quận", "thị": "thị xã"}
PARTY_RE = re.compile(r"(?<![\wđ])(?P<prefix>" + _PARTY + r")(?:\s+(?P<level>" + _LEVEL
                      + r")(?=[\s,.;:)]|$))?", re.IGNORECASE)
COMMITTEE_RE = re.compile(r"(?<![\wđ])(?:(?P<c>Tỉnh|Thành|Huyện|Quận|Thị) (?:ủy|uỷ)|(?P<C>TỈNH|THÀNH|HUYỆN|QUẬN|THỊ) "
                          r"(?:ỦY|UỶ))(?![\wđ])")  # also in a heading in capitals: "… - HUYỆN ỦY BẢO LÂM"
PLACE_RE = re.compile(r"(?<![\wđ])(?P<level>" + _LEVEL + r")\s+(?=\w)", re.IGNORECASE)
COUNTRY_RE = re.compile(r"(?<![\wđ])(?:trên cả nước|trong cả nước|cả nước|toàn quốc|Đảng ta|"
                        r"(?<!vào )(?<!ngũ của )Đảng Cộng sản Việt Nam|"  # not what they join
                        r"toàn Đảng(?! bộ| ủy| uỷ| viên)|(?:^|(?<=, )|(?<=\d{4} ))Đảng(?= (?:đã |hiện |chỉ )?có))"
                        r"(?![\wđ])", re.IGNORECASE)
CONGRESS_OF_PARTY_RE = re.compile(r"[Đđ]ại hội[^.;]{0,50}?(?P<of>của Đảng)(?! bộ| ủy| uỷ| viên)"
                                  r"(?![\wđ])")
# A congress named by its number alone, a list's item ("1. Đại hội I (3/1935): khoảng 600 đảng
# viên", "• Đại hội lần thứ II (2/1951): …"): the body named before it, else the Party's.
NUMBERED_CONGRESS_RE = re.compile(r"(?<![\wđ])Đại hội (?:lần thứ )?[IVXL]{1,5}(?=\s*[(:])")
BARE_RE = re.compile(r"(?<![\wđ])(?:(?:toàn|của|trong|cả)\s+(?P<level>"
                     + _LEVEL + r"|Khối)|toàn (?P<all>Đảng bộ)(?:\s+(?P<lvl2>" + _LEVEL
                     + r"|Khối))?)(?![\wđ])", re.IGNORECASE)
COUNTRY_PLAIN_RE = re.compile(fold(COUNTRY_RE.pattern, lower=False), re.IGNORECASE)
# Matched on the text without diacritics ("Dang bo huyen Tuy Phuoc", "toan Dang bo tinh").
PARTY_PLAIN_RE = re.compile(fold(PARTY_RE.pattern, lower=False), re.IGNORECASE)
BARE_PLAIN_RE = re.compile(fold(BARE_RE.pattern, lower=False), re.IGNORECASE)
_LEVELS_PLAIN = {fold(k): v for k, v in LEVELS.items()}
SUBJECT_RE = re.compile(r"(?:^|(?<=[,;:]\s))(?P<level>phường|thị trấn|xã|huyện|quận|tỉnh)\s+"
                        r"(?=(?:đã|đang|hiện|có|kết nạp|phát triển)\b)", re.IGNORECASE)
BLOC_RE = re.compile(r"(?<![\wđ])[Kk]hối (?:các )?(?:cơ quan(?: và doanh nghiệp)?|[Dd]oanh nghiệp) (?=Trung ương|"
                     r"(?:tỉnh|thành phố) [A-ZĐ])")
# A headline opening with a province: "Cà Mau: …", "TP.HCM: …", "Bắc Giang kết nạp …" (a town
# or commune so written, "Tam Kỳ: …", is not one: its level is in the body).
# A dateline's province ("Bắc Giang, 11/9/2023"): no scope, but what "Cục Thuế tỉnh" is of (references.py).
_DATELINE_PLACE_RE = re.compile(r"^(?P<name>[A-ZĐ]\w*(?: [A-ZĐ]\w*){0,3}),\s*(?:ngày\s+)?\d{1,2}[/-]\d{1,2}[/-]\d{4}\s*$")
HEADLINE_RE = re.compile(r"^(?P<name>[A-ZĐ][\w.]*(?:\s+[A-ZĐ][\w]*){0,3})\s*(?P<colon>:|(?=\s+[a-zđ]))")
# A name opening in lower case: the 2025 committees of a province's party agencies.
# A committee of several bodies of one kind: "Đảng bộ các cơ quan Đảng tỉnh …", "Đảng bộ các Khu công nghiệp tỉnh
# Bình Dương", "Đảng ủy các Trường Đại học, Cao đẳng thành phố …" (one committee, its name with "các").
_LOWER_NAME_RE = re.compile(r"các (?:cơ quan )?(?=[A-ZĐ])")
_MORE_KINDS_RE = re.compile(r", [A-ZĐ]\w*(?: [a-zđ]\w*)? (?:tỉnh|thành phố) [A-ZĐ]\w*(?: [A-ZĐ]\w*)*")  # ", Cao đẳng tỉnh …"
_MADE_OF_RE = re.compile(r"\((?:gồm|(?:được )?(?:hình thành|thành lập|sáp nhập|hợp nhất) từ)(?![\wđ])[^()]*$")
_QUALIFIER_GAP = re.compile(r"^\s*(?:,|\((?:(?:trực\s+)?thuộc\s+)?|–|-)\s*$|^\s*\([^()\d]{0,60}$|"
                            r"^\s*,\s*(?:trực\s+)?thuộc\s*$|^\s*,\s*(?:Bệnh viện|Trường|Học viện|Viện|Sở|Cục|Chi cục|Công ty|"
                            r"Tổng công ty|Ngân hàng)\s[^,;()]{1,60}$")  # ", trực thuộc Đảng bộ tỉnh …,": where it belongs,
# "(Bộ Chỉ huy … tỉnh X", "Chi bộ Khoa Nhi, Bệnh viện Đa khoa tỉnh …": the body it is in
# "… khai mạc tại Thủ đô Hà Nội": where something happens, not what is counted (a clause that
# opens with "Tại tỉnh …," does name its scope).
_AT_PLACE_RE = re.compile(r"(?<=[\w)]) (?:tại|ở) $")
# A place closing a line with its day: where a report was written ("Số 08-BC/CB   Quận Hai Bà
# Trưng, ngày 20 tháng 12 năm 2024", "Thành phố Vinh, 18/12/2024"), not what it counts.
_WRITTEN_AT_RE = re.compile(r"\s*,\s*(?:ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|(?:ngày\s+)?"
                            r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})\s*\.?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    scope: Scope | None     # None: a bare reference not yet resolved
    level: str | None       # level a bare reference asks for, or of a named place
    party: str | None       # "Chi bộ" for cells, "Đảng bộ" for committees, None for places
    qualifier: bool = False  # where the organisation before it is: not a scope


def _matches(rx: re.Pattern, plain_rx: re.Pattern, text: str) -> list[re.Match]:
    """Matches in text, else in text without its diacritics ("toan Dang co …")."""
    found = list(rx.finditer(text))
    return found or list(plain_rx.finditer(fold(text, lower=False)))


def _party_kind(prefix: str | None) -> str | None:
    if not prefix:
        return None
    return "Chi bộ" if fold(prefix).startswith("chi") else "Đảng bộ"


def _capital_next(text: str, pos: int) -> bool:
    """A name follows at pos: a capital letter or a number ("Khu phố 3", "Tổ dân phố số 7")."""
    rest = text[pos:pos + 6]
    return bool(rest) and (rest[0].isupper() or rest[0].isdigit() or rest.lower().startswith("số "))


def _embedded_province(name: str, on) -> str | None:
    """The province an organisation's name places it in ("Sở Y tế tỉnh Thanh Hóa" → 38)."""
    m = re.search(r"(?:tỉnh|thành phố|TP\.?)\s+(.+)$", name)
    return resolve_province(m.group(1), on) if m else None


def _named(text: str, start: int, level: str, on, written: str | None = None
           ) -> tuple[Scope | None, int]:
    """The scope a level word followed by a name makes ("huyện Quỳnh Lưu", "tỉnh Nghệ An");
    written: the level word as the text has it ("Khu phố 3" keeps its capital)."""
    if text[start - 7:start].strip().lower() == "thủ đô":
        return province_scope("Thủ đô", "", on), start
    if level == "thành phố" and (tp := re.match(r"(?:TP\.?|Tp\.?|Thành phố)\s*(?=[A-ZĐ])",
                                                text[start:])):
        start += tp.end()  # "Thành ủy TP.HCM", "Thành ủy Thành phố Hồ Chí Minh"
    name = place_name(text, start)
    if not name and level in ("tỉnh", "thành phố"):
        return _province_in_lower_case(text, start, level, on)
    if not name:
        return None, start
    end = start + len(name)
    if level in ("tỉnh", "thành phố"):
        scope = province_scope(name, level, on)
        if scope:
            return scope, end
    word = level if not written or written.lower().startswith("tp") else written
    return Scope(f"{word} {name}", "organisation", f"{word} {name}"), end


def _province_in_lower_case(text: str, start: int, level: str, on) -> tuple[Scope | None, int]:
    """"Đảng bộ tỉnh bắc giang" in a page that lost its capitals: the longest run of up to four
    words after the level word that names a province."""
    words = re.match(r"(?:[^\W\d_]+ ?){1,4}", text[start:])
    parts = words.group(0).split() if words else []
    for n in range(len(parts), 0, -1):
        name = " ".join(parts[:n])
        scope = province_scope(name, level, on) if resolve_province(name, on) else None
        if scope:
            return scope, start + len(name)
    return None, start


def find_mentions(text: str, on=None, headline: bool = False, known: tuple = ()
                  ) -> list[Mention]:
    """Mentions of text in order (bare references unresolved); overlapping ones dropped.
    known: organisation names the document introduced, found again without their prefix."""
    found: list[Mention] = []
    for code, rx in GROUPS:
        for m in rx.finditer(text):
            found.append(Mention(m.start(), m.end(), Scope(m.group(0), "organisation", code,
                                                           org_text=m.group(0)), None, "Đảng bộ"))
    for name in known:
        for m in re.finditer(r"(?<![\wđ])" + re.escape(name) + r"(?![\wđ])", text):
            found.append(Mention(m.start(), m.end(), Scope(name, "organisation", name,
                                                           org_text=name), None, "Đảng bộ"))
    for m in _matches(COUNTRY_RE, COUNTRY_PLAIN_RE, text):
        found.append(Mention(m.start(), m.end(), Scope(m.group(0), "country", "VN"), None, None))
    for m in CONGRESS_OF_PARTY_RE.finditer(text):
        found.append(Mention(m.start("of"), m.end("of"), Scope(m["of"], "country", "VN"), None, None))
    for m in NUMBERED_CONGRESS_RE.finditer(text):
        if not PARTY_PLAIN_RE.search(fold(text[:m.start()], lower=False)):  # not "Đảng bộ tỉnh … Đại hội IV"
            found.append(Mention(m.start(), m.end(), None, "đại hội", None))  # references.py's
    plain = fold(text, lower=False)  # prefixes and levels also without their diacritics
    for m in PARTY_PLAIN_RE.finditer(plain):
        prefix = text[m.start("prefix"):m.end("prefix")]
        written = text[m.start("level"):m.end("level")] if m["level"] else None
        board = written == "Ban"  # "Đảng ủy Ban Quản lý …": a board's name, not the village level "bản"
        written = written if written and not board and (written.lower() in LEVELS or written == fold(written, lower=False)) else None
        level = _LEVELS_PLAIN.get(m["level"].lower()) if written else None  # not "Lạng" (Lạng Sơn) for "làng"
        stop = m.end() if written else m.end("prefix")
        after = stop + (1 if stop < len(text) and text[stop] == " " else 0)
        if level:
            scope, end = _named(text, after, level, on, written)
            if scope:
                scope = replace(scope, text=text[m.start():end], org_text=text[m.start():end]
                                if scope.kind == "organisation" else None)
            if scope or level in ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "đặc khu",
                                  "khối") or not PLURAL_RE.search(text, 0, m.start()):  # "các chi bộ khu phố": a kind
                found.append(Mention(m.start(), end if scope else m.end(), scope, level, _party_kind(prefix)))
            plural = scope is not None and PLURAL_RE.search(text, 0, m.start())
            while plural and (more := _SIBLING_RE.match(text, end)):  # "các Đảng bộ tỉnh A, B và C"
                other, other_end = _named(text, more.start("name"), level, on, written)
                if other is None or level in ("tỉnh", "thành phố") and not other.province_code:
                    break
                found.append(Mention(more.start("name"), other_end, other, level, _party_kind(prefix)))
                end = other_end
        elif prefix[0].isupper() or text[max(0, m.start() - 4):m.start()] == "của ":
            plural = bool(PLURAL_RE.search(text, 0, m.start()))
            name = org_name(text, after, plural=plural) if _capital_next(text, after) else ""
            if (lower := _LOWER_NAME_RE.match(text, after)) and (rest := org_name(text, lower.end())):
                more = _MORE_KINDS_RE.match(text, lower.end() + len(rest))  # "các Trường Đại học, Cao đẳng …"
                name = lower.group(0) + rest + (more.group(0) if more else "")  # "… các cơ quan Đảng tỉnh Lạng Sơn"
            bare = name in ("", "Khối")
            scope = None if bare else Scope(f"{prefix} {name}", "organisation", name,
                                            province_code=_embedded_province(name, on),
                                            org_text=f"{prefix} {name}")
            if not bare and resolve_province(name, on):  # "Đảng bộ Hà Tĩnh": the province
                scope = province_scope(name, "", on) or scope
            found.append(Mention(m.start(), after + len(name) if name else m.end(), scope,
                                 "khối" if name == "Khối" else None, _party_kind(prefix)))
    for m in COMMITTEE_RE.finditer(text):
        level = _COMMITTEE[(m["c"] or m["C"]).lower()]
        after = m.end() + 1
        if (written := PLACE_RE.match(text, after)) and LEVELS[written["level"].lower()] == level:
            after = written.end()  # "Thành ủy Thành phố Hồ Chí Minh"
        scope, end = _named(text, after, level, on) if text[m.end():m.end() + 1] == " " else (None, 0)
        found.append(Mention(m.start(), end if scope else m.end(), scope, level, "Đảng bộ"))
    for m in PLACE_RE.finditer(text):
        level = LEVELS[m["level"].lower()]
        scope, end = _named(text, m.end(), level, on, m["level"])
        if scope and scope.kind == "province" and (body := _FORCE_OF_RE.search(text, 0, m.start())):
            name = org_name(text, body.start())  # "Công an TP. Hồ Chí Minh: …": the city's police
            scope = Scope(name, "organisation", name, province_code=scope.province_code,
                          org_text=text[body.start():end])
            found.append(Mention(body.start(), end, scope, None, "Đảng bộ"))
        elif scope:
            found.append(Mention(m.start(), end, scope, level, None))
    for start, end, name in nicknamed(text):  # "Đảng bộ xứ Thanh" (nicknames.py)
        found.append(Mention(start, end, province_scope(name, "tỉnh", on), "tỉnh", "Đảng bộ"))
    for m in BLOC_RE.finditer(text):
        level = re.match(r"(?:tỉnh|thành phố) ", text[m.end():])  # "… tỉnh Hòa Bình"
        name = "K" + text[m.start() + 1:m.end()] + (level.group(0) + place_name(
            text, m.end() + level.end()) if level else org_name(text, m.end()))
        found.append(Mention(m.start(), m.start() + len(name),
                             Scope(name, "organisation", name, org_text=name), "khối", "Đảng bộ"))
    for start, end, name in institutions(text):  # without a party prefix (institutions.py)
        found.append(Mention(start, end, Scope(name, "organisation", name, org_text=name), None, "Đảng bộ"))
    for m in BARE_PLAIN_RE.finditer(plain):
        if text[m.end():m.end() + 1] == " " and (_capital_next(text, m.end() + 1) or re.match(
                r" các ", text[m.end():])):
            continue  # a named place ("toàn huyện Krông Pắc"): PLACE_RE's
        word = m["level"] or m["lvl2"]
        level = _LEVELS_PLAIN[word.lower()] if word else None
        found.append(Mention(m.start(), m.end(), None, level, "Đảng bộ" if m["all"] else None))
    for m in SUBJECT_RE.finditer(text):
        found.append(Mention(m.start(), m.start() + len(m["level"]), None,
                             LEVELS[m["level"].lower()], None))
    if (line := _DATELINE_PLACE_RE.match(text)) and (scope := province_scope(line["name"], "", on)):
        found.append(Mention(0, line.end("name"), scope, "dateline", None, qualifier=True))  # where it was written
    if headline and (m := HEADLINE_RE.match(text)):
        scope = province_scope(m["name"], "tỉnh", on)
        if scope and scope.province_code:  # a known province: "Tam Kỳ: …", "Tà Xùa: …" are not
            found.append(Mention(0, m.end("name"), scope, "tỉnh", None))
    return _without_overlaps(text, found)


# The names after one party prefix and level ("các Đảng bộ xã Mường Chà, Na Sang và Mường Tùng").
_SIBLING_RE = re.compile(r"(?:\s*,\s*(?:và\s+)?|\s+và\s+)(?!Đảng|Chi |Tỉnh|Thành|Huyện|Quận)(?P<name>[A-ZĐ]\w*"
                         r"(?:\s+[A-ZĐ]\w*){0,3})")
# A province's police, military command or border guard named without a party prefix ("Công an
# TP. Hồ Chí Minh: 680 đảng viên mới"): the body, not the province with the sector armed_forces.
_FORCE_OF_RE = re.compile(r"(?<![\wđ])(?:Công an|Bộ Chỉ huy Quân sự|Bộ đội Biên phòng|Bộ Chỉ huy Bộ đội "
                          r"Biên phòng) $")


def _without_overlaps(text: str, found: list[Mention]) -> list[Mention]:
    """Named before bare, longest first at each place; a mention right after an organisation
    (", " or " (") says where it is: a qualifier."""
    out: list[Mention] = []
    found = [m for m in found if not PAST_NOTE_RE.search(text, 0, m.start) and not (
        (not m.party and any(w in text for w in ("nhập", "sắp xếp", "lập từ", "thành từ", "trên cơ sở")) or m.party and "hợp nhất" in text and m.scope and m.scope.value
         not in {e.scope.value for e in found if e.scope and e.end <= m.start})
        and MERGED_PLACES_RE.search(text, 0, m.start))]  # "… trên cơ sở hợp nhất Đảng bộ Bộ A và …"
    found = [m for m in found if m.party or not merger_partner(text, m.start)]  # "trước hợp nhất với tỉnh B"
    named = [m for m in found if m.scope is not None]
    found = named + [m for m in found if m.scope is None and not any(
        n.start < m.end and m.start < n.end for n in named)]
    for mention in sorted(found, key=lambda x: (x.start, -(x.end - x.start))):
        if out and mention.start < out[-1].end:
            continue
        if _MADE_OF_RE.search(text, max(0, mention.start - 200), mention.start):
            continue  # "Đảng ủy phường Ninh Kiều (gồm các phường Tân An, …)": the old units
        sibling = mention.party and mention.level and out and mention.level == out[-1].level  # "Đảng bộ xã A, B"
        if (out and out[-1].scope is not None and (out[-1].party or out[-1].qualifier) and _QUALIFIER_GAP.match(
                text[out[-1].end:mention.start]) and not sibling) or _AT_PLACE_RE.search(text, 0, mention.start) or (
                not mention.party and _WRITTEN_AT_RE.match(text, mention.end)) or (
                out and out[-1].scope is not None and out[-1].party and belongs_to(text[out[-1].end:mention.start])):
            mention = Mention(mention.start, mention.end, mention.scope, mention.level,
                              mention.party, qualifier=True)
        out.append(mention)
    return out
