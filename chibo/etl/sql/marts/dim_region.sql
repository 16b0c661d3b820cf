-- grain: one row per region (six socio-economic regions and the central committees)
SELECT region, name_vi, name_en, CAST(sort_order AS INTEGER) AS sort_order FROM ref.regions ORDER BY sort_order
