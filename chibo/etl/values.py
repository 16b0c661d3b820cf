"""Cell parsers per input column: text → typed value, or InvalidValue with a bilingual reason.

Validation applies them to the distinct values of a column only, so they may be plain Python.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache

from chibo.etl import reference
from chibo.etl.normalize import InvalidValue, fold, nfc, parse_bool, parse_date, parse_int, parse_number
from chibo.etl.schema import Column, Entity

# Words staff write for the enumerations that have no reference table of their own.
_SYNONYMS: dict[tuple[str, str], dict[str, str]] = {
    ("members", "gender"): {
        "male": "male", "m": "male", "nam": "male", "trai": "male",
        "female": "female", "f": "female", "nu": "female", "gai": "female",
    },
    ("meetings", "kind"): {
        "regular": "regular", "thuongky": "regular", "dinhky": "regular",
        "sinhhoatthuongky": "regular", "sinhhoatdinhky": "regular",
        "thematic": "thematic", "chuyende": "thematic", "sinhhoatchuyende": "thematic",
    },
    ("meetings", "format"): {
        "inperson": "in_person", "in_person": "in_person", "tructiep": "in_person",
        "online": "online", "tructuyen": "online", "hybrid": "hybrid", "kethop": "hybrid",
        "tructieptructuyen": "hybrid",
    },
}


def _from_table(table: str, code_column: str, extra: tuple[str, ...] = ()) -> dict[str, str]:
    """Folded code and labels → code, from one reference table."""
    index: dict[str, str] = {}
    for row in reference.table(table):
        code = row[code_column]
        for key in (code_column, "name_vi", "name_en", *extra):
            for word in (row.get(key) or "").split("|"):
                if word.strip():
                    index.setdefault(fold(word), code)
    return index


@cache
def _enum_index(entity: str, column: str) -> dict[str, str]:
    if (entity, column) in _SYNONYMS:
        return {fold(k): v for k, v in _SYNONYMS[(entity, column)].items()}
    if column == "kind":
        return _from_table("kinds", "kind", ("aliases",))
    if column == "sector":
        return _from_table("sectors", "sector", ("aliases",))
    if column == "leave_reason":
        return _from_table("leave_reasons", "reason", ("aliases",))
    if column == "ethnicity":
        return _from_table("ethnicities", "ethnicity", ("aliases", "gso_code"))
    if column in ("religion", "education", "professional_level", "political_theory"):
        return {fold(word): row["code"] for row in reference.table("member_attributes")
                if row["attribute"] == column
                for word in (row["code"], row["name_vi"], row["name_en"], *row["aliases"].split("|"))
                if word.strip()}
    raise KeyError((entity, column))


def _enum_parser(entity: Entity, col: Column) -> Callable[[str], object]:
    if col.name == "quality":
        return lambda text: reference.quality_for_label(text)
    if col.name == "rating":
        return lambda text: reference.rating_for_label(text)
    index = _enum_index(entity.name, col.name)

    def parse(text: str) -> str:
        code = index.get(fold(text))
        if code is None and col.name == "ethnicity":
            raise InvalidValue("Không nhận ra dân tộc; chấp nhận tên chính thức hoặc cách viết "
                               "thường gặp của 54 dân tộc, mã 01–54, \"người nước ngoài gốc Việt\", "
                               "\"khác\"",
                               "Unknown ethnic group; accepted: the official name or a common "
                               "spelling of the 54 groups, codes 01–54, \"người nước ngoài gốc "
                               "Việt\" (foreign origin), \"khác\" (other)")
        if code is None:
            allowed = ", ".join(col.choices)
            raise InvalidValue(f"Giá trị không hợp lệ; chấp nhận: {allowed}",
                               f"Not an allowed value; accepted: {allowed}")
        return code
    return parse


def _id(text: str) -> str:
    value = nfc(text)
    if len(value) > 64:
        raise InvalidValue("Mã dài quá 64 ký tự", "Identifier longer than 64 characters")
    return value


EARLIEST = 1930  # no date of an input before this year (birth dates: 1900)


def _date(text: str, earliest: int = EARLIEST) -> dt.date:
    value = parse_date(text)
    if value > today():
        raise InvalidValue("Ngày trong tương lai", "Date in the future")
    if value.year < earliest:
        raise InvalidValue(f"Ngày trước năm {earliest}", f"Date before {earliest}")
    return value


def _birth_date(text: str) -> dt.date:
    """A birth date: not in the future, not before 1900 (members born in the 1920s are on record)."""
    return _date(text, earliest=1900)


def today() -> dt.date:
    return dt.date.today()


def parser_for(entity: Entity, col: Column) -> Callable[[str], object]:
    """The parser for one column (province columns are resolved separately: they need a date)."""
    if col.type == "id":
        return _id
    if col.type == "text":
        return nfc
    if col.name == "birth_date":
        return _birth_date
    if col.type == "date":
        return _date
    if col.type == "int":
        return parse_int
    if col.type == "number":
        return parse_number
    if col.type == "bool":
        return parse_bool
    if col.type == "enum":
        return _enum_parser(entity, col)
    raise ValueError(f"no parser for {col.type}")


SQL_TYPES = {
    "id": "VARCHAR", "text": "VARCHAR", "enum": "VARCHAR", "date": "DATE", "int": "BIGINT",
    "number": "DOUBLE", "bool": "BOOLEAN", "province": "VARCHAR",
}


def sql_type(entity: Entity, col: Column) -> str:
    if col.name in ("quality", "rating"):
        return "TINYINT"
    return SQL_TYPES[col.type]


CASE_LIMIT = 64  # an enumeration of at most this many distinct spellings becomes a CASE


def sql_forms(col: Column, type_: str, x: str, mapping: list[tuple[str, object]]) -> list[str]:
    """SQL expressions over the text `x` that may type a column without a join to its map of
    distinct values (raw, value); validation uses one only after checking that it gives exactly
    the map's value for every distinct value (and NULL for blanks)."""
    if col.type == "int":
        return [f"TRY_CAST({x} AS BIGINT)"]
    if col.type == "number":
        return [f"TRY_CAST({x} AS DOUBLE)", f"TRY_CAST(replace({x}, ',', '.') AS DOUBLE)"]
    if col.type == "date":
        return [f"CAST(try_strptime({x}, '%d/%m/%Y') AS DATE)", f"TRY_CAST({x} AS DATE)"]
    if len(mapping) <= CASE_LIMIT and all(v is not None and "\x00" not in r for r, v in mapping):
        def literal(value) -> str:
            return str(int(value)) if isinstance(value, bool) or type_ == "TINYINT" else (
                "'" + str(value).replace("'", "''") + "'")
        whens = " ".join(f"WHEN '{raw.replace(chr(39), chr(39) * 2)}' THEN {literal(val)}"
                         for raw, val in mapping)
        return [f"CAST(CASE {x} {whens} END AS {type_})" if mapping else f"NULL::{type_}"]
    return []
