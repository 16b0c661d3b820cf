-- grain: one row per published document read by `python -m chibo.etl documents`
SELECT doc_id, source_name, title, published_on, published_on_text, n_chars FROM core.documents
ORDER BY published_on, source_name
