-- grain: one row per figure extracted from a published document
SELECT f.*, d.source_name, d.published_on
FROM core.reported_figures f JOIN core.documents d USING (doc_id)
ORDER BY d.published_on, f.doc_id, f.ordinal
