-- grain: one row per province: the 63 before 2025-07-01 (two-digit codes) and the 34 after ("N" codes)
SELECT province_code, name, is_current = 'true' AS is_current, nullif(successor_code, '') AS successor_code,
       region, CAST(seat_lat AS DOUBLE) AS seat_lat, CAST(seat_lon AS DOUBLE) AS seat_lon,
       CAST(nullif(valid_from, '') AS DATE) AS valid_from, CAST(nullif(valid_to, '') AS DATE) AS valid_to
FROM ref.provinces
ORDER BY province_code
