"""Scope of a published figure: the phrase as written ("Cả nước … cơ quan hội quần chúng",
"Đảng ủy Liên hiệp Hội", "Đảng bộ tỉnh Nghệ An") and what it resolves to: kind country | sector
| province | organisation, a value (sector code, province code, organisation name), sector, province;
the organisation names a document introduces, and sectors narrowing a scope.
"""
import re
from dataclasses import dataclass, replace

from .nicknames import current_name
from .orgnames import PLURAL_RE, org_name, place_name  # noqa: F401 (names of bodies and places)
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
        return _resolve_province(current_name(name), on=on)  # "Sài Gòn - Gia Định" (nicknames.py)
    except ValueError:  # UnknownValue: not an error here, the scope stays as written
        return None


def province_row(code: str) -> dict:
    """The reference table's row of a province code ({} without the table)."""
    return _province(code) if _province and code else {}


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
    if code is None:  # a province of the past with no code ("tỉnh Sông Bé", "tỉnh Nghĩa Bình", "tỉnh Hà Tây"): a body of its own
        return Scope(text, "organisation", text, org_text=text) if level == "tỉnh" else None
    if level == "thành phố" and _province and _province(code).get("kind") == "tinh":
        return None
    return Scope(text, "province", code, province_code=code)


def known_organisations(text: str) -> list[str]:
    """Organisation names a document introduces with a party prefix, longest first (not a province's)."""
    names = {org_name(text, m.end(), plural=bool(PLURAL_RE.search(text, 0, m.start())))
             for m in ORG_PREFIX_RE.finditer(text)
             if text[m.end()].isupper()}  # "Đảng bộ Ủy ban …": a capital with its diacritics
    # not a province so named ("Đảng bộ\nLạng Sơn, 03/02/2024" over a dateline is the province: names.py)
    return sorted((n for n in names if len(n.split()) > 1 and not resolve_province(n)), key=len, reverse=True)


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
    """A scope narrowed by a sector: the country, a province or an organisation keeps its kind and
    gains the sector ("Cả nước … trong các đơn vị sự nghiệp công lập": country VN, public_service);
    a sector named without a place stays a sector, for the document's place to narrow (not one its name says: a police committee's
    own figures are no part of the armed forces sector)."""
    if not sector:
        return scope
    code, phrase = sector
    if scope is not None and code in (scope.sector, scope.value if scope.kind == "sector" else None):
        return scope
    if scope is not None and scope.kind == "organisation" and (phrase.lower() in (
            scope.value or "").lower() or code == "armed_forces" and _ARMED_RE.search(scope.value or "")):
        return scope  # "Công an thành phố Hải Phòng … Công an hai địa phương": its own sector
    if scope is None or scope.kind == "sector":
        return Scope(phrase, "sector", code, code)
    return replace(scope, text=f"{scope.text} … {phrase}", sector=code)


def widened(scope: Scope | None) -> Scope | None:
    """A scope without the sector that narrowed it (the whole after its sector's part)."""
    if scope is None or scope.sector is None:
        return scope
    base = scope.text.split(" … ")[0]
    if scope.kind == "sector":
        return None
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
    name = _PREFIX_RE.sub("", scope.text).strip()
    code = resolve_province("Hà Nội" if name.lower() == "thủ đô" else name, day)  # "Đảng bộ Thủ đô"
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
