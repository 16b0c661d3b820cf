"""Scope of a published figure: the phrase as written ("Cả nước … cơ quan hội quần chúng",
"Đảng ủy Liên hiệp Hội", "Đảng bộ tỉnh Nghệ An") and what it resolves to: kind country | sector
| province | organisation, a value (sector code, province code, organisation name), sector, province.
"""
import re
from dataclasses import dataclass, replace

try:  # the province alias table, when present (etl/reference is written alongside)
    from etl.reference import resolve_province as _resolve_province
except ImportError:  # pragma: no cover - depends on the reference package being installed
    _resolve_province = None

COUNTRY_RE = re.compile(r"(?<!\w)(?:trên cả nước|trong cả nước|cả nước|toàn quốc|toàn Đảng)"
                        r"(?!\w)", re.IGNORECASE)
SECTORS: list[tuple[str, str]] = [
    ("mass_association", r"(?:cơ quan )?hội quần chúng"),
    ("commune", r"xã, phường, thị trấn|xã, phường|cấp xã"),
    ("residential", r"thôn, tổ dân phố|thôn, bản|khu dân cư|tổ dân phố"),
    ("agency", r"cơ quan hành chính(?: nhà nước)?|cơ quan nhà nước"),
    ("public_service", r"đơn vị sự nghiệp(?: công lập)?"),
    ("state_enterprise", r"doanh nghiệp nhà nước"),
    ("private_enterprise", (r"doanh nghiệp (?:tư nhân|ngoài (?:khu vực )?nhà nước)|"
                           r"doanh nghiệp có vốn đầu tư nước ngoài")),
    ("armed_forces", r"lực lượng vũ trang|quân đội|công an"),
]
SECTOR_RES = [(code, re.compile(r"(?<!\w)(?:" + p + r")(?!\w)", re.IGNORECASE)) for code, p in SECTORS]
# Groups of organisations named in lower case ("các đảng bộ khối cơ quan").
GROUPS = [("agency_blocs", re.compile(r"(?<!\w)các đảng (?:bộ|ủy|uỷ) khối(?: các)? cơ quan"
                                      r"(?! tỉnh| Trung ương)", re.IGNORECASE)),
          ("enterprise_blocs", re.compile(r"(?<!\w)các đảng (?:bộ|ủy|uỷ) khối(?: các)? "
                                          r"doanh nghiệp", re.IGNORECASE))]
PROVINCE_RE = re.compile(
    r"(?<!\w)(?P<lead>Đảng bộ (?:tỉnh|thành phố|TP\.?)|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|"
    r"tỉnh|thành phố|TP\.)\s*(?P<name>[A-ZĐÂ][\w]*(?:\s+(?:-\s+)?[A-ZĐÂ][\w]*){0,3})?")
WHOLE_PROVINCE_RE = re.compile(r"(?<!\w)(?:toàn tỉnh|toàn thành phố|Đảng bộ tỉnh)(?!\w)")
ORG_PREFIX_RE = re.compile(r"(?<!\w)(?:Đảng ủy|Đảng uỷ|Đảng bộ|Chi bộ|Đảng đoàn|Ban Cán sự đảng)"
                           r"\s+(?=[A-ZĐ])")
ATTACHED_RE = re.compile(r"^\s*(?:[^\s,.;]+\s+){0,2}?(?:ở|trong|thuộc|tại)\s+(?P<rest>[^,.;]*)",
                         re.IGNORECASE)
_STOP_CHARS = ",.;:()“”\"!?"


@dataclass(frozen=True)
class Scope:
    text: str
    kind: str | None               # country | sector | province | organisation
    value: str | None              # "VN", sector code, province code (or name), organisation
    sector: str | None = None
    province_code: str | None = None
    org_text: str | None = None


def resolve_province(name: str, on=None) -> str | None:
    """Province code for a name, through etl.reference when available."""
    if _resolve_province is None or not name:
        return None
    try:
        found = _resolve_province(name, on=on)
    except ValueError:  # UnknownValue: not an error here, the scope stays as written
        return None
    if found is None or isinstance(found, str):
        return found
    if isinstance(found, dict):
        return found.get("province_code") or found.get("code")
    return getattr(found, "province_code", None) or getattr(found, "code", None)


# Second syllables written in lower case inside capitalised names ("Trung ương", "Liên hiệp").
_TAILS = {("Trung", "ương"), ("Liên", "hiệp"), ("Mặt", "trận"), ("Tổ", "quốc"),
          ("Công", "đoàn"), ("Thanh", "niên"), ("Phụ", "nữ"), ("Nông", "dân"),
          ("Khoa", "học"), ("Kỹ", "thuật"), ("Chiến", "binh"), ("Quốc", "hội"),
          ("Chính", "phủ"), ("Nhà", "nước")}
_NAME_STOP = {"có", "với", "là", "đã", "đang", "sẽ", "được", "bị", "của", "tại", "trong",
              "về", "cho", "nhằm", "để", "đồng", "tổ", "làm", "hiện", "theo", "gồm", "nhưng"}
_NOT_AFTER_AND = {"Đảng", "Nghị", "Ban", "Bộ", "Chỉ", "Quyết", "Quy", "Kết", "Hướng", "Ủy"}


def _org_name(text: str, start: int) -> str:
    """Capitalised name after a party prefix: "Liên hiệp Hội", "Khối các cơ quan Trung ương"."""
    end = len(text)
    for i in range(start, len(text)):
        if text[i] in _STOP_CHARS or text[i] == "\n":
            end = i
            break
    words = text[start:end].split()
    taken: list[str] = []
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if word == "Đảng" and nxt in ("ủy", "uỷ", "bộ", "đoàn"):
            break
        if word[0].isupper() or taken and (taken[-1], word) in _TAILS:
            taken.append(word)
        elif word == "và":
            if not nxt or not nxt[0].isupper() or nxt in _NOT_AFTER_AND:
                break
            taken.append(word)
        elif word in _NAME_STOP or not word[0].isalpha():
            break
        else:
            ahead = []
            for w in words[i + 1:i + 4]:
                if w in _NAME_STOP or w == "và":
                    break
                ahead.append(w)
            if not any(w[0].isupper() and w != "Đảng" for w in ahead):
                break
            taken.append(word)
    while taken and not taken[-1][0].isupper() and tuple(taken[-2:]) not in _TAILS:
        taken.pop()
    return " ".join(taken)


def known_organisations(text: str) -> list[str]:
    """Organisation names a document introduces with a party prefix, longest first."""
    names = {_org_name(text, m.end()) for m in ORG_PREFIX_RE.finditer(text)
             if not PROVINCE_RE.match(text, m.start())}
    return sorted((n for n in names if len(n) > 2), key=len, reverse=True)


def expand_name(name: str, known: list[str]) -> str:
    """The full name a short form stands for ("Liên hiệp Hội" → "Liên hiệp các Hội Khoa học …")."""
    words = name.split()
    if len(words) < 2:
        return name
    for full in known:  # longest first
        fw = full.split()
        if len(fw) <= len(words) or fw[0] != words[0]:
            continue
        it = iter(fw)
        if all(w in it for w in words):
            return full
    return name


def sector_in(text: str) -> tuple[str, str] | None:
    """The one sector named in text (code, phrase), or None when none or several are."""
    found = {(code, m.group(0)) for code, rx in SECTOR_RES for m in [rx.search(text)] if m}
    codes = {c for c, _ in found}
    if len(codes) != 1:
        return None
    return min(found, key=lambda f: text.find(f[1]))


def find_scope(prefix: str, known: list[str], on=None) -> Scope | None:
    """Nearest scope named in prefix (the sentence text before a figure), or None."""
    cands: list[tuple[int, Scope]] = []
    for m in COUNTRY_RE.finditer(prefix):
        cands.append((m.end(), Scope(m.group(0), "country", "VN")))
    for code, rx in GROUPS:
        for m in rx.finditer(prefix):
            cands.append((m.end(), Scope(m.group(0), "organisation", code, org_text=m.group(0))))
    for m in PROVINCE_RE.finditer(prefix):
        if m["name"]:
            code = resolve_province(m["name"], on)
            cands.append((m.end(), Scope(m.group(0), "province", code or m["name"],
                                         province_code=code)))
    for m in WHOLE_PROVINCE_RE.finditer(prefix):
        cands.append((m.end(), Scope(m.group(0), "province", None)))
    for m in ORG_PREFIX_RE.finditer(prefix):
        name = _org_name(prefix, m.end())
        if name and not PROVINCE_RE.match(prefix, m.start()):
            text = prefix[m.start():m.end()] + name
            cands.append((m.start() + len(text),
                          Scope(text, "organisation", expand_name(name, known), org_text=text)))
    for name in known:
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", prefix):
            if not any(s.kind == "organisation" and end == m.end() for end, s in cands):
                cands.append((m.end(), Scope(name, "organisation", expand_name(name, known),
                                             org_text=name)))
    if not cands:
        return None
    end, scope = max(cands, key=lambda c: (c[0], c[1].kind == "organisation"))
    sector = sector_in(prefix[end - len(scope.text):]) if scope.kind == "country" else None
    if sector:
        scope = Scope(f"{scope.text} … {sector[1]}", "sector", sector[0], sector[0])
    return scope


def with_attached_sector(scope: Scope | None, after_noun: str) -> Scope | None:
    """Narrow a scope by a sector attached to the counted noun ("… tổ chức cơ sở đảng ở cơ quan
    hội quần chúng"): country becomes sector; province or organisation gains a sector."""
    m = ATTACHED_RE.match(after_noun)
    sector = sector_in(m["rest"]) if m else None
    if not sector:
        return scope
    code, phrase = sector
    if scope is None or scope.kind in ("country", "sector"):
        base = scope.text if scope and scope.kind == "country" else None
        text = f"{base} … {phrase}" if base else phrase
        return Scope(text, "sector", code, code)
    return replace(scope, text=f"{scope.text} … {phrase}", sector=code)
