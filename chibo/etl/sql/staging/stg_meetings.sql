-- grain: one row per valid meeting row of the batch (renames and casts only)
SELECT meeting_id, org_id, held_on, kind, format, CAST(expected AS INTEGER) AS expected,
       CAST(present AS INTEGER) AS present, CAST(excused AS INTEGER) AS excused, score,
       CAST(quality AS TINYINT) AS quality, score_quality, CAST(duration_minutes AS INTEGER) AS duration_minutes,
       file AS source_file
FROM valid_meetings
