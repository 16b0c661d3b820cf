-- grain: one row per dimension and value of the member structure (marts.structure_on and
-- agg_member_structure): its Vietnamese and English words and display order, read by the
-- dashboard and the year-end workbook. 'unknown' is every dimension's value for "not recorded".
WITH vals AS (
  SELECT 'status' AS dimension, * FROM (VALUES
    ('official', 'Chính thức', 'Full', 1), ('probationary', 'Dự bị', 'Probationary', 2))
    t(value, label_vi, label_en, sort_order)
  UNION ALL SELECT 'gender', * FROM (VALUES ('male', 'Nam', 'Men', 1), ('female', 'Nữ', 'Women', 2))
    t(value, label_vi, label_en, sort_order)
  UNION ALL SELECT 'age_band', * FROM (VALUES
    ('18_30', 'Đến 30 tuổi', '30 or younger', 1), ('31_40', 'Từ 31 đến 40 tuổi', '31 to 40', 2),
    ('41_50', 'Từ 41 đến 50 tuổi', '41 to 50', 3), ('51_60', 'Từ 51 đến 60 tuổi', '51 to 60', 4),
    ('61_plus', 'Trên 60 tuổi', 'Over 60', 5)) t(value, label_vi, label_en, sort_order)
  UNION ALL SELECT 'ethnicity', * FROM (VALUES
    ('kinh', 'Dân tộc Kinh', 'Kinh', 1), ('minority', 'Dân tộc thiểu số', 'Ethnic minorities', 2),
    ('foreign_origin', 'Người nước ngoài gốc Việt', 'Foreign nationals of Vietnamese origin', 3),
    ('other', 'Khác', 'Other', 4)) t(value, label_vi, label_en, sort_order)
  UNION ALL SELECT 'ethnic_group', ethnicity, name_vi, name_en, CAST(gso_code AS INTEGER)
    FROM ref.ethnicities
  UNION ALL SELECT attribute, code, name_vi, name_en, CAST(sort_order AS INTEGER)
    FROM ref.member_attributes
),
dims AS (SELECT DISTINCT dimension FROM vals)
SELECT dimension, value, label_vi, label_en, CAST(sort_order AS INTEGER) AS sort_order FROM vals
UNION ALL
SELECT dimension, 'unknown', 'Không rõ', 'Not recorded', 999 FROM dims
ORDER BY dimension, sort_order
