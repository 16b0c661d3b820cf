"""Presentation mode and exports: decks of charts, PowerPoint with native charts, PNG/SVG images,
formula-safe CSV/XLSX; every export goes through the scoped data layer (access.current_scope())."""

from dashboard import i18n

i18n.register({  # shown on every chart card (components/chart_card.py)
    "slides.add": ("+ Trình chiếu", "+ Slides"),
    "slides.open": ("Mở trình chiếu", "Open slides"),
    "chart.png": ("PNG", "PNG"),
    "chart.png_hint": ("Ảnh PNG 1920×1080 cho máy chiếu", "PNG image, 1920×1080, for a projector"),
    "chart.svg": ("SVG", "SVG"),
    "chart.svg_hint": ("Ảnh vector SVG", "SVG vector image"),
})
