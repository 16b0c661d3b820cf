"""Notes on a place's history in a sentence: where it came from or went, what it split from, the places
or bodies a new one was formed or merged from. A place so named is history, never the scope of a figure
(names.py drops such mentions)."""
import re

# A bracketed note on where a place came from or went ("(tách ra từ tỉnh Cao Lạng)", "(nay
# thuộc tỉnh Lào Cai)", "(trước đây là huyện …)"), or the place it split from ("được tái lập,
# tách ra từ tỉnh Hoàng Liên Sơn,", "thành lập trên cơ sở chia tách tỉnh Đắk Lắk"): history, never
# the scope of a figure.
PAST_NOTE_RE = re.compile(r"\((?:được |đã )?(?:tách (?:ra )?từ|trước (?:đây )?(?:là|thuộc)|nay "
                          r"(?:là|thuộc)|cũ là|sáp nhập từ|hợp nhất từ)\s+[^()]*$"
                          r"|(?<![\wđ])(?:tách (?:ra )?từ|(?:chia )?tách thành (?:hai |ba )?|chia tách|trước (?:đây )?thuộc)\s*$",  # unbracketed
                          re.IGNORECASE)
# The places a new one was formed from ("được thành lập trên cơ sở sáp nhập thị trấn Ea Kar, xã Ea
# Đar và xã Cư Huê", "trên cơ sở sắp xếp các phường Quán Thánh, …", "được thành lập từ các phường 1, 2,
# 7", "được thành lập trên cơ sở toàn bộ phường Bến Nghé, một phần các phường Đa Kao …", "được hợp nhất từ
# Đảng bộ tỉnh An Giang và Đảng bộ tỉnh Kiên Giang"): history too (not the party
# organisations merged that were named before, which may keep the name).
MERGED_PLACES_RE = re.compile(r"(?<![\wđ])(?:(?:trên cơ sở|từ việc) (?:sáp nhập|hợp nhất|nhập|sắp xếp)|(?:thành lập|"
                              r"hình thành) (?:từ(?= (?:các|xã|phường|thị trấn|thôn|ấp|bản|khu phố) )|trên cơ sở(?![\wđ]))|"
                              r"(?:hợp nhất|sáp nhập) từ(?= ))[^.;]*$",
                              re.IGNORECASE)
