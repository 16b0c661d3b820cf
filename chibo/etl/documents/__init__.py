"""Published figures out of Vietnamese news and report text (.txt, .md, .html): read_document
cleans a file, extract finds the figures; DOCUMENT_COLUMNS / FIGURE_COLUMNS give the table shapes.
"""
from .clean import document_paths, read_document
from .extract import DocumentResult, extract
from .vocabulary import METRICS, QUALIFIER_TOLERANCE, QUALIFIERS, within_tolerance

# (column, DuckDB type) in table order: core.documents / marts.documents.
DOCUMENT_COLUMNS: list[tuple[str, str]] = [
    ("doc_id", "VARCHAR"),            # sha256 of the raw file when loaded (extract's default:
                                      # sha256 of the cleaned text)
    ("source_name", "VARCHAR"),
    ("title", "VARCHAR"),
    ("published_on", "DATE"),
    ("published_on_text", "VARCHAR"),  # the text the date was read from
    ("n_chars", "INTEGER"),
]

# (column, DuckDB type) in table order: core.reported_figures / marts.reported_figures.
FIGURE_COLUMNS: list[tuple[str, str]] = [
    ("figure_id", "VARCHAR"),         # doc_id + "-" + ordinal (3 digits)
    ("doc_id", "VARCHAR"),
    ("ordinal", "INTEGER"),           # position in the document, from 1
    ("metric", "VARCHAR"),            # vocabulary.METRICS
    ("value", "DOUBLE"),              # NULL for a part given only as a share
    ("qualifier", "VARCHAR"),         # exact | over | nearly | approx | under | target
    ("as_of", "DATE"),                # the day counted (31-12 for a year); NULL: not known
    ("as_of_source", "VARCHAR"),      # explicit | publication | unknown
    ("period_from", "DATE"),          # admissions: first day counted (NULL: not stated)
    ("scope_text", "VARCHAR"),        # as written
    ("scope_kind", "VARCHAR"),        # country | sector | province | organisation | NULL
    ("scope_value", "VARCHAR"),       # 'VN', sector code, province code or name, organisation
    ("sector", "VARCHAR"),
    ("province_code", "VARCHAR"),
    ("org_text", "VARCHAR"),
    ("sentence", "VARCHAR"),
    ("span_start", "INTEGER"),        # number phrase (with its qualifier) within sentence
    ("span_end", "INTEGER"),
    ("number_text", "VARCHAR"),
    ("part_of_figure_id", "VARCHAR"),  # the whole this figure is a part of
    ("dimension", "VARCHAR"),         # what selects the part: gender, ethnicity, age_band …
    ("dimension_value", "VARCHAR"),   # female, minority, 18_30 …
    ("share", "DOUBLE"),              # the part's share of its whole as published (0.467)
    ("parts_sum_ok", "BOOLEAN"),      # on totals with parts: do they add up
    ("year", "INTEGER"),              # year of as_of, or the year stated when no date is
]

__all__ = ["DOCUMENT_COLUMNS", "FIGURE_COLUMNS", "METRICS", "QUALIFIERS", "QUALIFIER_TOLERANCE",
           "DocumentResult", "document_paths", "extract", "read_document", "within_tolerance"]
