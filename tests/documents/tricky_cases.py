"""Tricky sentences for each extraction rule: (rule, text, expected figures). A figure is
(number_text, metric, value, qualifier); an empty list means nothing may be extracted."""

CASES = [
    # --- numbers: thousands dots, decimal commas, scale words, number words, qualifiers
    ("numbers", "Toàn Đảng hiện có hơn 5,6 triệu đảng viên.",
     [("hơn 5,6 triệu", "members_total", 5_600_000, "over")]),
    ("numbers", ("Đến ngày 31/12/2017, cả nước có hơn 4,92 triệu đảng viên, sinh hoạt ở 270.046 "
                "chi bộ."),
     [("hơn 4,92 triệu", "members_total", 4_920_000, "over"),
      ("270.046", "cells_total", 270_046, "exact")]),
    ("numbers", "Sau hợp nhất, Đảng bộ Thành phố Hồ Chí Minh có gần nửa triệu đảng viên.",
     [("gần nửa triệu", "members_total", 500_000, "nearly")]),
    ("numbers", "Đảng bộ phường có chưa đến 500 đảng viên, trên 20 chi bộ.",
     [("chưa đến 500", "members_total", 500, "under"), ("trên 20", "cells_total", 20, "over")]),
    ("numbers", "Đảng bộ xã có hai trăm năm mươi đảng viên sinh hoạt ở mười hai chi bộ.",
     [("hai trăm năm mươi", "members_total", 250, "exact"),
      ("mười hai", "cells_total", 12, "exact")]),
    ("numbers", "Đảng bộ Khối có xấp xỉ 2.000 đảng viên và dưới 100 tổ chức cơ sở đảng.",
     [("xấp xỉ 2.000", "members_total", 2_000, "approx"),
      ("dưới 100", "base_orgs_total", 100, "under")]),
    ("numbers", "Một số chi bộ chưa sinh hoạt đều đặn; những năm qua, hai chi bộ bị giải thể.",
     []),
    ("numbers", "Đảng bộ có 5.6 triệu đảng viên là con số sai, nhưng vẫn đọc được.",
     [("5.6 triệu", "members_total", 5_600_000, "exact")]),
    # --- breakdowns: parts linked to the total, sum checked
    ("breakdown", ("Đảng bộ tỉnh có 1.205 tổ chức cơ sở đảng, gồm 430 đảng bộ cơ sở và 775 chi bộ "
                  "cơ sở."),
     [("1.205", "base_orgs_total", 1205, "exact"), ("430", "base_party_committees", 430, "exact"),
      ("775", "base_cells", 775, "exact")]),
    ("breakdown", ("Toàn Đảng bộ có 120 tổ chức cơ sở đảng, trong đó 50 đảng bộ cơ sở, 60 chi bộ cơ "
                  "sở."),
     [("120", "base_orgs_total", 120, "exact"), ("50", "base_party_committees", 50, "exact"),
      ("60", "base_cells", 60, "exact")]),
    ("breakdown", ("Đảng bộ có 2.345 đảng viên, trong đó 2.100 đảng viên chính thức, 245 đảng viên "
                  "dự bị; 1.020 đảng viên nữ."),
     [("2.345", "members_total", 2345, "exact"), ("2.100", "members_official", 2100, "exact"),
      ("245", "members_probationary", 245, "exact"), ("1.020", "members_female", 1020, "exact")]),
    ("breakdown", "Đảng bộ Khối có 15.200 đảng viên. Trong đó có 7.296 đảng viên nữ.",
     [("15.200", "members_total", 15200, "exact"), ("7.296", "members_female", 7296, "exact")]),
    # --- not figures: document numbers, dates, plenums, counters, ages, other things
    ("not", ("Thực hiện Quy định số 171-QĐ/TW và Hướng dẫn 12-HD/BTCTW ngày 06/7/2018, các chi bộ "
            "đã đổi mới sinh hoạt."), []),
    ("not", "Hội nghị Trung ương 7 khóa XII ban hành Nghị quyết số 26-NQ/TW về cán bộ.", []),
    ("not", "Đại hội lần thứ 15 Đảng bộ tỉnh diễn ra trong 3 ngày.", []),
    ("not", ("Dự Đại hội đại biểu Đảng bộ tỉnh Nghệ An lần thứ XIX có 450 đại biểu, thay mặt cho "
            "hơn 236.000 đảng viên trong toàn Đảng bộ."),
     [("hơn 236.000", "members_total", 236_000, "over")]),
    ("not", "Đảng viên trẻ nhất 18 tuổi; Đảng viên cao tuổi nhất 92 tuổi.", []),
    ("parts", "Đảng viên trẻ nhất 18 tuổi; Đảng bộ có 35 đảng viên trên 80 tuổi.",  # age band 81+
     [("35", "members_total", 35, "exact")]),
    ("not", ("Toàn tỉnh có 1.215 thôn, tổ dân phố; hội nghị nghe 16 tham luận; Đảng ủy đề ra 07 "
            "nhiệm vụ trọng tâm."), []),
    ("not", ("Năm 2023, Đảng bộ đã thi hành kỷ luật 12 đảng viên, trao Huy hiệu 30 năm tuổi Đảng "
            "cho 45 đảng viên."), []),
    ("not", "Chi bộ không có đảng viên nào vi phạm; 92,5% đảng viên hoàn thành tốt nhiệm vụ.", []),
    ("not", "Đảng ủy đã kiểm tra 25 chi bộ và giám sát 40 đảng viên.", []),
    ("not", "Bài viết có 4.710 lượt xem và 12 bình luận.", []),
    # --- targets are kept apart from achievements; admissions are a flow
    ("target", "Năm 2024, Đảng bộ phấn đấu kết nạp 500 đảng viên mới.",
     [("500", "new_admissions", 500, "target")]),
    ("target", "Chỉ tiêu kết nạp 200 đảng viên, đến nay đã kết nạp 215 đảng viên, đạt 107,5%.",
     [("200", "new_admissions", 200, "target"), ("215", "new_admissions", 215, "exact")]),
    ("target", "Năm 2023, toàn Đảng bộ tỉnh kết nạp được 3.150 đảng viên mới.",
     [("3.150", "new_admissions", 3150, "exact")]),
    ("target", "Trong năm, Đảng bộ đã kết nạp 120 quần chúng ưu tú vào Đảng.",
     [("120", "new_admissions", 120, "exact")]),
    ("not", "Tổng số đảng viên của Đảng bộ là 1.532 đồng chí, tăng 45 đồng chí so với đầu nhiệm kỳ.",
     [("1.532", "members_total", 1532, "exact")]),
    ("not", "Sau sắp xếp, Đảng bộ giảm 12 chi bộ; Đảng ủy giới thiệu 30 quần chúng ưu tú.", []),
    ("numbers", ("Đảng ủy Khối Doanh nghiệp Trung ương có 39 đảng bộ trực thuộc với hơn 190.000 "
                "đảng viên."),
     [("39", "sub_committees", 39, "exact"), ("hơn 190.000", "members_total", 190_000, "over")]),
    # --- zero and counters
    ("counter", "Tổng số đảng viên nữ trong Đảng bộ là 1.234 người.",
     [("1.234", "members_female", 1234, "exact")]),
    ("counter", "Đảng ủy có 9 chi bộ trực thuộc nhưng không có cán bộ chuyên trách.",
     [("9", "sub_cells", 9, "exact"), ("không có", "fulltime_staff", 0, "exact")]),
    # --- what a bloc count counts: the provinces' agency blocs, or bloc committees in general
    ("blocs", ("Cả nước có 63 đảng bộ khối cơ quan tỉnh, thành phố và 2 đảng ủy khối trực thuộc "
               "Trung ương."),
     [("63", "province_bloc_committees", 63, "exact"), ("2", "bloc_committees", 2, "exact")]),
    ("blocs", "Hiện có 63 Đảng ủy Khối các cơ quan các tỉnh, thành với gần 30 vạn đảng viên.",
     [("63", "province_bloc_committees", 63, "exact"),
      ("gần 30 vạn", "members_total", 300_000, "nearly")]),
    ("blocs", "Đảng ủy Khối các cơ quan Trung ương có 64 đảng ủy khối cơ quan và doanh nghiệp.",
     [("64", "bloc_committees", 64, "exact")]),
]
