"""Server routes for exports: the deck as .pptx or .pdf and any chart as PNG/SVG/PDF, rebuilt from the same
query string as the page. The query string only picks charts and filters; what the viewer may
see always comes from access.current_scope() (the scoped data layer).

The writers (python-pptx with lxml and XlsxWriter, the PDF binder) are imported when an export
runs, not with the app: a worker that never exports never holds them."""

from __future__ import annotations

import logging
import unicodedata
from urllib.parse import quote

import flask

from chibo.dashboard import data, runtime, urlstate
from chibo.dashboard.auth import access
from chibo.dashboard.charts import registry
from chibo.dashboard.charts.captions import file_stem
from chibo.dashboard.exports import deck as decks
from chibo.dashboard.exports import images
from chibo.dashboard.i18n import t

log = logging.getLogger(__name__)
MIMETYPES = {"pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
             "png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}


def content_disposition(name: str) -> str:
    """attachment with an ASCII fallback and the Vietnamese name (RFC 6266 / RFC 5987)."""
    ascii_name = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    ascii_name = "".join(c for c in ascii_name if ord(c) < 128 and c not in '"\\;')
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"


def file_name(title: str, state: dict, ext: str) -> str:
    """'<title> - <scope shown> - <dd-mm-yyyy>.<ext>' (captions.file_stem)."""
    return f"{file_stem(title, state, state['lang'], access.current_scope())}.{ext}"


def _error(status: int, vi: str, en: str):
    return flask.Response(f"{vi} / {en}\n", status=status, mimetype="text/plain")


def _state() -> tuple[dict | None, list[str]]:
    """The validated state from this request's query string (scope from the session)."""
    if data.signature() is None:
        return None, []
    search = flask.request.query_string.decode("utf-8", "replace")
    return urlstate.parse(search, urlstate.choices_for(access.current_scope()))


def _send(content: bytes, name: str, ext: str) -> flask.Response:
    resp = flask.Response(content, mimetype=MIMETYPES[ext])
    resp.headers["Content-Disposition"] = content_disposition(name)
    _audit(name)
    return resp


def _audit(name: str) -> None:
    """Record the export in the access-control audit log when logins are on."""
    try:
        from chibo.dashboard.auth import users
        from chibo.dashboard.auth.web import address, current_user

        if runtime.current().open_access:
            return
        user = current_user()
        users.audit("export", actor=user.name if user else None, target=name,
                    detail=flask.request.query_string.decode("utf-8", "replace")[:500],
                    address=address())
    except Exception:  # auditing must never break a download
        log.exception("export audit failed")


def deck_file(ext: str):
    """The deck of the URL as PowerPoint (ext 'pptx') or PDF ('pdf')."""
    state, _bad = _state()
    if state is None:
        return _error(503, "Chưa có kho dữ liệu", "No warehouse yet")
    deck = decks.parse_deck(state["params"].get("deck"))
    if deck is None:
        return _error(400, "Thiếu hoặc sai tham số deck", "Missing or invalid deck parameter")
    lang = state["lang"]
    title = decks.deck_title(deck, lang)
    slides, cover = decks.build_slides(deck, state), decks.cover(deck, state)
    from chibo.dashboard.exports import pdf, pptx  # on the first export (see the docstring)

    try:
        content = pptx.build(slides, cover, lang) if ext == "pptx" else pdf.build(slides, cover)
    except images.ImageError as exc:
        return _error(503, str(exc), "")
    return _send(content, file_name(f"{t('slides.file', lang)} - {title}", state, ext), ext)


def chart_image(key: str, ext: str):
    if ext not in ("png", "svg", "pdf"):
        return _error(404, "Định dạng không hỗ trợ", "Unsupported format")
    if key not in registry.CHARTS:
        return _error(404, f"Không có biểu đồ {key}", f"No chart {key}")
    state, _bad = _state()
    if state is None:
        return _error(503, "Chưa có kho dữ liệu", "No warehouse yet")
    slide = decks.build_slide(key, state)
    from chibo.dashboard.exports import pdf  # on the first export (see the docstring)

    try:
        content = (pdf.build([slide], None) if ext == "pdf"
                   else images.render(pdf.titled(slide), ext))
    except images.ImageError as exc:
        return _error(503, str(exc), "")
    return _send(content, registry.export_name(key, state, access.current_scope(), ext), ext)


def register(server: flask.Flask) -> None:
    """Add the export routes to the Flask server (called once by app.create_app)."""
    server.add_url_rule("/export/deck.pptx", "export_deck", lambda: deck_file("pptx"),
                        methods=["GET"])
    server.add_url_rule("/export/deck.pdf", "export_deck_pdf", lambda: deck_file("pdf"),
                        methods=["GET"])
    server.add_url_rule("/export/chart/<key>.<ext>", "export_chart", chart_image,
                        methods=["GET"])
