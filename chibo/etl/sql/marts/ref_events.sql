-- grain: one row per event annotated on time series
SELECT CAST(event_on AS DATE) AS event_on, code, label_vi, label_en FROM ref.events ORDER BY event_on
