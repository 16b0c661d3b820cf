"""An XLSX file looked at before a spreadsheet library reads it: python-calamine allocates the
whole rectangle a sheet spans (one cell at XFD1048576 claims 17 billion cells and aborts the
process), and a zip bomb unpacks to gigabytes. So, from the zip directory and one streamed pass
over each sheet's XML (never more than its declared size): the unpacked sizes and ratios, each
sheet's real extent, and the cells whose number format pads with zeros (`00000`), so that an
identifier typed as a number reads as it is displayed."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import numpy as np

from chibo.etl.settings import Limits

CHUNK = 1 << 22
_ATTR = re.compile(rb'([\w:]+)="([^"]*)"')
_ROW_R = re.compile(rb'<(?:\w+:)?row\b[^>]*?\sr="(\d+)"')
_ROW_TAG = re.compile(rb"<(?:\w+:)?row[\s>/]")
_CELL_TAG = re.compile(rb"<(?:\w+:)?c[\s>/]")
_CELL_REF = re.compile(rb'<(?:\w+:)?c\b[^>]*?\sr="([A-Z]{1,3})(\d+)"')
_WIDE_REF = re.compile(rb'r="[A-Z]{2,3}\d')  # a literal start: searched fast; may over-match
_PLAIN_ROW_R = re.compile(rb'<row\b[^>]*?\sr="(\d+)"')  # _ROW_R without a prefix: searched fast
_SEPARATORS = np.frombuffer(b" \t\n\r\x0b\x0c>/", np.uint8)  # what \s, '>' and '/' match


class Refused(ValueError):
    """The file is refused before reading: a Vietnamese and an English reason."""

    def __init__(self, vi: str, en: str, value: str | None = None):
        super().__init__(f"{vi} / {en}")
        self.vi, self.en, self.value = vi, en, value


@dataclass
class SheetScan:
    name: str
    rows: int  # the last row number (1-based) any cell sits on
    columns: int  # the last column number any cell sits in
    padded: dict[tuple[int, int], int] = field(default_factory=dict)  # (row0, col0) → width


def _vi(n: int) -> str:
    """10.579: Vietnamese digit grouping."""
    return f"{n:,}".replace(",", ".")


def column_number(letters: bytes | str) -> int:
    n = 0
    for ch in letters.decode() if isinstance(letters, bytes) else letters:
        n = n * 26 + ord(ch) - 64
    return n


def column_letters(number: int) -> str:
    out = ""
    while number:
        number, rest = divmod(number - 1, 26)
        out = chr(65 + rest) + out
    return out


def inspect_xlsx(path: Path, limits: Limits) -> dict[str, SheetScan]:
    """Sheet name → scan; raises Refused when the file is over a limit."""
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise Refused("Không phải tệp XLSX hợp lệ", "Not a valid XLSX file", str(exc)) from None
    with zf:
        infos = {i.filename: i for i in zf.infolist()}
        total = sum(i.file_size for i in infos.values())
        if total > limits.max_unpacked_bytes:
            raise Refused(f"Tệp XLSX giải nén ra {_vi(total)} byte, quá giới hạn "
                          f"{_vi(limits.max_unpacked_bytes)}",
                          f"The XLSX unpacks to {total:,} bytes, over the limit of "
                          f"{limits.max_unpacked_bytes:,}")
        for info in infos.values():
            if info.file_size > (1 << 20) and info.file_size > limits.max_pack_ratio * max(info.compress_size, 1):
                raise Refused(
                    f"Phần {info.filename} của tệp XLSX nở ra {info.file_size // max(info.compress_size, 1)} lần "
                    "khi giải nén (tệp \"bom zip\"?)",
                    f"Part {info.filename} of the XLSX grows {info.file_size // max(info.compress_size, 1)} "
                    "times when unpacked (a zip bomb?)")
        try:
            padded_styles = _padded_styles(zf, infos)
            return {name: _scan_sheet(zf, infos[part], name, padded_styles, limits)
                    for name, part in _sheet_parts(zf, infos).items()}
        except (zipfile.BadZipFile, EOFError, ValueError) as exc:  # a lying header: CRC, sizes
            if isinstance(exc, Refused):
                raise
            raise Refused("Tệp XLSX bị hỏng", "The XLSX file is damaged", str(exc)) from None


def _small(zf: zipfile.ZipFile, infos: dict, name: str) -> bytes:
    info = infos.get(name)
    return zf.read(info) if info is not None and info.file_size <= (64 << 20) else b""


def _sheet_parts(zf: zipfile.ZipFile, infos: dict) -> dict[str, str]:
    """Sheet name → its XML part, from workbook.xml and its relationships."""
    rels = {}
    for tag in re.findall(rb"<(?:\w+:)?Relationship\b[^>]*>", _small(zf, infos, "xl/_rels/workbook.xml.rels")):
        attrs = dict(_ATTR.findall(tag))
        target = attrs.get(b"Target", b"").decode()
        part = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        rels[attrs.get(b"Id", b"").decode()] = part
    sheets = {}
    for tag in re.findall(rb"<(?:\w+:)?sheet\b[^>]*>", _small(zf, infos, "xl/workbook.xml")):
        attrs = {k.split(b":")[-1]: v for k, v in _ATTR.findall(tag)}
        part = rels.get(attrs.get(b"id", b"").decode())
        if part in infos:
            sheets[_unescape(attrs.get(b"name", b"").decode("utf-8"))] = part
    return sheets


def _unescape(text: str) -> str:
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))


def _padded_styles(zf: zipfile.ZipFile, infos: dict) -> dict[bytes, int]:
    """Style index (as in s="…") → width, for number formats made only of zeros."""
    styles = _small(zf, infos, "xl/styles.xml")
    widths = {}
    for tag in re.findall(rb"<(?:\w+:)?numFmt\b[^>]*>", styles):
        attrs = dict(_ATTR.findall(tag))
        code = _unescape(attrs.get(b"formatCode", b"").decode("utf-8")).replace('"', "").replace("\\", "")
        if len(code) >= 2 and set(code) == {"0"}:
            widths[attrs.get(b"numFmtId")] = len(code)
    xfs = re.search(rb"<(?:\w+:)?cellXfs\b.*?</(?:\w+:)?cellXfs>", styles, re.S)
    out = {}
    if widths and xfs:
        for i, tag in enumerate(re.findall(rb"<(?:\w+:)?xf\b[^>]*>", xfs.group(0))):
            width = widths.get(dict(_ATTR.findall(tag)).get(b"numFmtId"))
            if width:
                out[str(i).encode()] = width
    return out


def _scan_sheet(zf, info, name: str, padded_styles: dict[bytes, int], limits: Limits) -> SheetScan:
    """One pass over the sheet's XML: last row, last column, zero-padded numeric cells."""
    last_row = row_tags = cell_tags = refs = last_col = 0
    padded: dict[tuple[int, int], int] = {}
    tail = b""
    with zf.open(info) as stream:  # zipfile never unpacks more than the declared size
        while block := stream.read(CHUNK):
            data = tail + block
            cut = data.rfind(b">") + 1  # scan whole tags only; the rest joins the next block
            data, tail = data[:cut], data[cut:]
            if len(tail) > CHUNK:
                raise Refused(f"Trang tính '{name}' không phải XML hợp lệ",
                              f"Sheet '{name}' is not valid XML", value=name)
            prefixed = b":row" in data or b":c" in data  # namespace prefixes: the general patterns
            rows = (_ROW_R if prefixed else _PLAIN_ROW_R).findall(data)
            if rows:
                last_row = max(last_row, max(map(int, rows)))
            if prefixed:
                counted = (len(_ROW_TAG.findall(data)), len(_CELL_TAG.findall(data)),
                           data.count(b' r="'), _last_column(data))
            else:
                counted = _counts(data)
            row_tags += counted[0]
            cell_tags += counted[1]
            refs += counted[2] - len(rows)
            last_col = max(last_col, counted[3])
            if padded_styles:
                _find_padded(data, padded_styles, padded)
    rows_bound = max(last_row, row_tags)
    cols_bound = last_col + max(cell_tags - refs, 0)  # cells without a reference sit after the last
    if rows_bound * cols_bound > limits.max_sheet_cells:
        raise Refused(
            f"Trang tính '{name}' trải tới ô {column_letters(cols_bound)}{rows_bound} ({_vi(rows_bound)} "
            f"dòng × {_vi(cols_bound)} cột), quá giới hạn {_vi(limits.max_sheet_cells)} ô; xoá các ô "
            "thừa ở xa bảng",
            f"Sheet '{name}' spans to cell {column_letters(cols_bound)}{rows_bound} ({rows_bound:,} rows × "
            f"{cols_bound:,} columns), over the limit of {limits.max_sheet_cells:,} cells; delete the "
            "stray cells far from the table", value=name)
    return SheetScan(name, rows_bound, cols_bound, padded)


def _counts(data: bytes) -> tuple[int, int, int, int]:
    """Vectorised over the bytes (no namespace prefixes in `data`): row tags, cell tags (as
    _ROW_TAG and _CELL_TAG find them), references (' r="') and the last column (_last_column)."""
    raw = np.frombuffer(data, np.uint8)
    pad = np.concatenate([raw, np.zeros(8, np.uint8)])
    lt = np.flatnonzero(raw == 60)  # '<'
    cells = np.count_nonzero((pad[lt + 1] == 99) & np.isin(pad[lt + 2], _SEPARATORS))
    rows = np.count_nonzero((pad[lt + 1] == 114) & (pad[lt + 2] == 111) & (pad[lt + 3] == 119)
                            & np.isin(pad[lt + 4], _SEPARATORS))
    del lt
    sp = np.flatnonzero(raw == 32)
    refs = sp[(pad[sp + 1] == 114) & (pad[sp + 2] == 61) & (pad[sp + 3] == 34)]
    if _WIDE_REF.search(data):
        last = _last_column(data)
    else:
        letters = pad[refs + 4]
        letters = letters[(letters >= 65) & (letters <= 90)]
        last = int(letters.max()) - 64 if letters.size else 0
    return int(rows), int(cells), int(refs.size), last


def _last_column(data: bytes) -> int:
    if _WIDE_REF.search(data):  # columns beyond Z: rare, look at every reference
        return max((column_number(c) for c, _ in _CELL_REF.findall(data)), default=0)
    for letter in range(ord("Z"), ord("A") - 1, -1):
        if b' r="' + bytes([letter]) in data:
            return letter - 64
    return 0


def _find_padded(data: bytes, styles: dict[bytes, int], out: dict) -> None:
    for tag in re.findall(rb'<(?:\w+:)?c\b[^>]*\ss="(?:' + b"|".join(styles) + rb')"[^>]*>', data):
        attrs = dict(_ATTR.findall(tag))
        ref = re.match(rb"([A-Z]+)(\d+)", attrs.get(b"r", b""))
        if ref and attrs.get(b"t", b"n") == b"n":
            out[(int(ref[2]) - 1, column_number(ref[1]) - 1)] = styles[attrs[b"s"]]
