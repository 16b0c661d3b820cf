"""Structured logs for the production server: one JSON object per line on standard error (time in
UTC with its zone, level, logger, message, and the record's extra fields), next to gunicorn's
own access log (`--access-logfile -`). `python -m chibo.dashboard` keeps the plain development log."""

from __future__ import annotations

import datetime as dt
import json
import logging

_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}
MAX_VALUE = 500  # characters of one logged field


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        doc = {"time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(),
               "level": record.levelname, "logger": record.name,
               "message": record.getMessage()[:MAX_VALUE]}
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                doc[key] = value if isinstance(value, int | float | bool | None) \
                    else str(value)[:MAX_VALUE]
        if record.exc_info:
            doc["exception"] = self.formatException(record.exc_info)
        return json.dumps(doc, ensure_ascii=False)


def setup(level: int = logging.INFO) -> None:
    """JSON lines on standard error for the root logger (idempotent)."""
    root = logging.getLogger()
    if any(isinstance(h.formatter, JsonFormatter) for h in root.handlers):
        return
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter())
    root.addHandler(handler)
    root.setLevel(level)
