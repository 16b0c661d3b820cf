"""The production log format: one JSON object per line, UTC time with its zone, extra fields
kept and capped."""

from __future__ import annotations

import json
import logging

from chibo.dashboard.logs import MAX_VALUE, JsonFormatter


def test_a_record_is_one_json_line_with_its_fields():
    record = logging.LogRecord("chibo.dashboard.auth", logging.WARNING, __file__, 1, "login refused",
                               None, None)
    record.user, record.address, record.wait = "lead", "203.0.113.9", 42
    record.detail = "x" * (MAX_VALUE * 3)
    line = JsonFormatter().format(record)
    assert "\n" not in line
    doc = json.loads(line)
    assert doc["time"].endswith("+00:00") and doc["level"] == "WARNING"
    assert doc["message"] == "login refused" and doc["logger"] == "chibo.dashboard.auth"
    assert (doc["user"], doc["address"], doc["wait"]) == ("lead", "203.0.113.9", 42)
    assert len(doc["detail"]) == MAX_VALUE
