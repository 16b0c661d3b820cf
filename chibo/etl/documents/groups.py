"""What the text says of a whole group right after counting it: "… lễ kết nạp 2 quần chúng ưu tú
vào Đảng. Hai đảng viên mới đều là người dân tộc Dao." The sentence after a count of admissions
that says all of them ("Hai đảng viên mới", "Cả hai", "Cả 5 đồng chí", "Tất cả", "Các đảng viên
mới") are of one group gives that count the group's dimension, as it would in one sentence
(corpus README, held-out set 12). Not a group of some of them ("Một đồng chí là …", "Trong đó
…"), nor a count that is not the one before ("Ba đảng viên mới …" after "kết nạp 2"). When the
sentence's head is itself read as a count ("Hai quần chúng được kết nạp đều là đoàn viên thanh
niên"), that restatement takes the group too, and is no part (corpus README). In the same
sentence, "kết nạp 8 đảng viên, cả 8 đồng chí đều là công nhân" restates the count with its
group: both carry the dimension and neither is a part of the other.
"""
from __future__ import annotations

import re

from .numbers import find_quantities
from .parts import dimension_at

# The whole group named at the head of the sentence, then "(đều) là".
_ALL_OF_RE = re.compile(
    r"\s*(?:(?P<all>cả|tất cả|toàn bộ|các)\s+)?(?:(?P<n>\d[\d.]*|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+)?(?:(?:đảng viên mới|tân đảng viên|"
    r"quần chúng(?: ưu tú)?|đồng chí|người)(?:\s+(?:này|trên|vừa được kết nạp|được kết nạp|mới))?\s+|"
    r"(?:[^\W\d]+\s+){1,2}?)?(?:đều|cùng)\s+(?:là\s+)?", re.IGNORECASE)  # or "Cả 5 em đều là …"


def said_of_all(sentence: str, previous: list[dict], figs: list[dict] = ()) -> None:
    """Give the admissions counted in the sentence before the dimension this one says all of
    them have (module docstring); figs: the sentence's own figures, none or the restatement."""
    counted = [f for f in previous if f["metric"] == "new_admissions" and f["dimension"] is None
               and f["value"] and not f.get("_parent")]
    m = _ALL_OF_RE.match(sentence)
    if len(counted) != 1 or not m or not (m["all"] or m["n"]):
        return
    restated = [f for f in figs if f["span_start"] == m.start("n") and f["value"] == counted[0]["value"]
                and f["metric"] == "new_admissions" and not f.get("_parent")]
    if len(figs) != len(restated):  # "Hai quần chúng được kết nạp …": the count restated alone
        return
    dim = dimension_at(sentence, m.end())
    if dim is None or dim[0] in ("sector", "activity"):
        return
    if m["n"]:
        said = find_quantities(sentence[m.start("n"):m.end("n")])
        if not said or said[0].value != counted[0]["value"]:
            return
    elif m["all"].lower() == "các" and not m.group(0).lower().startswith("các đảng viên mới"):
        return  # "Các đồng chí đều là …" may be anyone named before
    for f in counted + restated:
        f["dimension"], f["dimension_value"] = dim[0], dim[1]


# Between a count and its restatement: "…, cả 8 đồng chí đều là …", "…; tất cả 8 người đều …".
_RESTATED_RE = re.compile(r"[^;.]{0,40}[,;]\s*(?:cả|tất cả|toàn bộ)\s*$", re.IGNORECASE)


def restated_group(sentence: str, figs: list[dict]) -> list[dict]:
    """A count restated after a comma with the group all of it is ("kết nạp 8 đảng viên, cả 8
    đồng chí đều là công nhân"): the count takes the group, the restatement is no part of it."""
    for whole in figs:
        for part in figs:
            if part.get("_parent") is whole and part["value"] == whole["value"] and part[
                    "dimension"] and whole["dimension"] is None and _RESTATED_RE.fullmatch(
                    sentence, whole["span_end"], part["span_start"]):
                for key in ("metric", "dimension", "dimension_value"):
                    whole[key] = part[key]  # "có 12 đảng viên, cả 12 đồng chí đều là nữ": members_female
                part["_parent"] = None
    return figs
