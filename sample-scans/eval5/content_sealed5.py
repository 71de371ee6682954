"""sealed5: the sealed part of the eval5 set (13 hồ sơ), never tuned on. Invented wording, issuers
and people, written from DESIGN.md §3; it shares no issuer, signer, sentence or trích yếu with
tune5. Do not read this file, the part's pages or its truth when writing or adjusting the
understanding code: see sample-scans/eval5/README.md.
"""

from build5 import Maker, Plan, note, one_file, per_doc, per_page, signer, stamp

NEVER_TUNE = True
PART = "sealed5"

BOX_JSON = {
    "ma_co_quan_luu_tru": "H46",
    "ma_phong": "06",
    "ten_phong": "Phông tài liệu đánh giá eval5 (phần sealed5)",
    "hop_so": "601",
    "don_vi_so_hoa": "Nhóm phát triển sohoa",
    "nguoi_so_hoa": "Bộ sinh mẫu đánh giá eval5",
}

BANK = [
    "Diện tích rừng trồng mới tăng nhanh, độ che phủ rừng toàn tỉnh đạt trên sáu mươi phần trăm.",
    "Nhiều hợp tác xã kiểu mới được thành lập, liên kết với doanh nghiệp trong tiêu thụ sản phẩm.",
    "Tỷ lệ học sinh đi học đúng độ tuổi ở các xã vùng cao được duy trì ổn định.",
    "Mạng lưới y tế cơ sở được củng cố, các trạm y tế xã đều có bác sĩ làm việc thường xuyên.",
    "Chính sách đối với đồng bào dân tộc thiểu số được triển khai đầy đủ, kịp thời, đúng đối tượng.",
    "Một bộ phận đảng viên còn ngại học tập, chưa nêu gương trong thực hiện nhiệm vụ được giao.",
    "Nguồn lực đầu tư cho hạ tầng số còn phân tán, chưa tập trung vào những khâu then chốt.",
    "Các cấp ủy cần xác định rõ trách nhiệm của người đứng đầu trong tổ chức thực hiện.",
    "Việc cấp giấy chứng nhận quyền sử dụng đất lâm nghiệp cho hộ gia đình còn chậm so với kế hoạch.",
    "Các điểm du lịch cộng đồng thu hút ngày càng đông du khách trong và ngoài nước.",
    "Hệ thống chính trị ở cơ sở được củng cố, vai trò hạt nhân của chi bộ thôn, bản được phát huy.",
    "Công tác phòng, chống thiên tai và tìm kiếm cứu nạn được chuẩn bị chủ động theo phương châm bốn tại chỗ.",
    "Việc sắp xếp, tinh gọn bộ máy các cơ quan, đơn vị thực hiện đúng lộ trình đã đề ra.",
    "Đến cuối năm, số hộ nghèo giảm gần năm phần trăm so với đầu năm.",
    "Các doanh nghiệp nhà nước trong khối hoàn thành kế hoạch sản xuất, kinh doanh và nộp ngân sách.",
    "Công tác quản lý, bảo vệ rừng tự nhiên được tăng cường, số vụ vi phạm giảm rõ rệt.",
    "Chất lượng đội ngũ giáo viên các cấp học từng bước được chuẩn hóa theo quy định.",
    "Tình trạng di cư tự do và tảo hôn ở một số xã biên giới vẫn còn diễn biến phức tạp.",
    "Các đoàn thể chính trị - xã hội tích cực vận động hội viên tham gia xây dựng nông thôn mới.",
    "Hằng tháng, cấp ủy nghe báo cáo tiến độ và kịp thời chỉ đạo tháo gỡ vướng mắc phát sinh.",
    "Việc số hóa tài liệu lưu trữ lịch sử được thực hiện theo thứ tự ưu tiên các phông có giá trị.",
    "Kho lưu trữ chuyên dụng được đầu tư trang thiết bị phòng cháy, chống ẩm và chống mối.",
    "Ý thức chấp hành kỷ luật lao động của công nhân, người lao động được nâng lên.",
    "Cây cà phê, cây cao su và cây dược liệu tiếp tục là thế mạnh của các huyện phía bắc tỉnh.",
    "Công tác nắm tình hình tư tưởng của cán bộ, đảng viên và nhân dân được duy trì thường xuyên.",
    "Quy chế dân chủ ở cơ sở được thực hiện nghiêm túc, các khoản đóng góp được công khai.",
    "Văn phòng cấp ủy tham mưu chuẩn bị chu đáo nội dung các kỳ họp của Ban Chấp hành.",
    "Những đơn vị chậm báo cáo sẽ bị nhắc nhở tại hội nghị giao ban hằng tháng.",
    "Công tác đào tạo, bồi dưỡng cán bộ gắn với quy hoạch và nhu cầu sử dụng của từng cơ quan.",
    "Đường ô tô đến trung tâm các xã được nhựa hóa, giao thương giữa các vùng thuận lợi hơn.",
    "Các cơ sở đào tạo nghề mở thêm nhiều lớp ngắn hạn cho thanh niên nông thôn.",
    "Đề nghị các đơn vị nghiên cứu, tổ chức thực hiện nghiêm túc và báo cáo kết quả đúng thời hạn.",
    "Lễ hội truyền thống của đồng bào được phục dựng, gắn với bảo tồn di sản văn hóa phi vật thể.",
    "Kinh phí thực hiện được bố trí từ ngân sách địa phương và các nguồn huy động hợp pháp khác.",
]

# each classified document has its own sentences, with its codename
SECRET_GK = [
    "Danh sách các cơ sở cách mạng cũ trong vùng được lập theo mật danh GK-2961 và chỉ lưu một bản.",
    "Đồng chí Thường trực trực tiếp theo dõi việc xử lý những trường hợp đã nêu trong báo cáo này.",
    "Các huyện không sao chụp, không phổ biến nội dung này ngoài phạm vi Ban Thường vụ.",
]
SECRET_DN = [
    "Phương án cổ phần hóa có điều chỉnh theo mật danh DN-8420 chưa được công bố với người lao động.",
    "Giá trị doanh nghiệp sau khi định giá lại chỉ được trao đổi trong tổ công tác đặc biệt.",
    "Biên bản làm việc với các nhà đầu tư chiến lược được niêm phong và giao Văn phòng bảo quản.",
]
SECRET_HG = [
    "Nhận xét về triển vọng phát triển của từng đồng chí trong danh sách mang mật danh HG-3375.",
    "Ý kiến của các đồng chí nguyên lãnh đạo tỉnh về nhân sự được tổng hợp nguyên văn.",
    "Việc lấy phiếu tín nhiệm được tiến hành kín tại phòng họp của Ban Tổ chức.",
]
SECRET_TV = [
    "Kết quả giám định hồ sơ đất đai theo mật danh TV-6093 cho thấy có dấu hiệu vi phạm nghiêm trọng.",
    "Các tài liệu gốc do cơ quan điều tra tạm giữ không được sao lục dưới bất kỳ hình thức nào.",
    "Đoàn công tác chỉ báo cáo trực tiếp với đồng chí Bí thư bằng văn bản viết tay.",
]

# ---- issuers ---------------------------------------------------------------------------

TU_TQ = dict(fmt="party", lines=["TỈNH ỦY TUYÊN QUANG"], full="Tỉnh ủy Tuyên Quang", abbr="TU",
             place="Tuyên Quang", short="Tỉnh ủy", seal="TỈNH ỦY TUYÊN QUANG * ĐẢNG CỘNG SẢN VIỆT NAM *",
             qd_head="BAN THƯỜNG VỤ TỈNH ỦY",
             noi_nhan=["- Ban Bí thư Trung ương (b/c),", "- Các đồng chí Tỉnh ủy viên,", "- Các huyện ủy, thành ủy,",
                       "- Lưu Văn phòng Tỉnh ủy."])
HU_CH = dict(fmt="party", superior=["ĐẢNG BỘ TỈNH TUYÊN QUANG"], lines=["HUYỆN ỦY CHIÊM HÓA"],
             full="Huyện ủy Chiêm Hóa", cap_tren="Đảng bộ tỉnh Tuyên Quang", abbr="HU", place="Chiêm Hóa",
             short="Huyện ủy", seal="HUYỆN ỦY CHIÊM HÓA * TỈNH TUYÊN QUANG *", qd_head="BAN THƯỜNG VỤ HUYỆN ỦY",
             noi_nhan=["- Ban Thường vụ Tỉnh ủy (b/c),", "- Các tổ chức cơ sở đảng,", "- Lưu Văn phòng Huyện ủy."])
UB_TQ = dict(fmt="state", lines=["ỦY BAN NHÂN DÂN", "TỈNH TUYÊN QUANG"], full="Ủy ban nhân dân tỉnh Tuyên Quang",
             abbr="UBND", cv_abbr="UBND-NC", place="Tuyên Quang", short="Ủy ban nhân dân tỉnh",
             seal="ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG *", qd_head="ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG",
             xet="Xét đề nghị của Giám đốc Sở Nông nghiệp và Phát triển nông thôn,",
             noi_nhan=["- Như Điều 3;", "- Thường trực Tỉnh ủy;", "- Chủ tịch, các PCT UBND tỉnh;", "- Lưu: VT, NLN."])
UB_CH = dict(fmt="state", lines=["ỦY BAN NHÂN DÂN", "HUYỆN CHIÊM HÓA"], full="Ủy ban nhân dân huyện Chiêm Hóa",
             abbr="UBND", cv_abbr="UBND", place="Chiêm Hóa", short="Ủy ban nhân dân huyện",
             seal="ỦY BAN NHÂN DÂN HUYỆN CHIÊM HÓA *", qd_head="ỦY BAN NHÂN DÂN HUYỆN CHIÊM HÓA",
             xet="Xét đề nghị của Trưởng phòng Nội vụ huyện,",
             noi_nhan=["- Như Điều 3;", "- TT Huyện ủy;", "- Lưu: VT."])
TU_GK = dict(fmt="party", lines=["TỈNH ỦY GIA LAI - KON TUM"], full="Tỉnh ủy Gia Lai - Kon Tum", abbr="TU",
             place="Pleiku", short="Tỉnh ủy", seal="TỈNH ỦY GIA LAI KON TUM * ĐẢNG CỘNG SẢN VIỆT NAM *",
             qd_head="BAN THƯỜNG VỤ TỈNH ỦY", noi_nhan=["- Ban Bí thư (b/c),", "- Các huyện ủy, thị ủy,", "- Lưu."])
DUK_DN = dict(fmt="party", lines=["ĐẢNG ỦY KHỐI", "DOANH NGHIỆP TW"], full="Đảng ủy Khối Doanh nghiệp TW",
              abbr="ĐUK", place="Hà Nội", short="Đảng ủy Khối", seal="ĐẢNG ỦY KHỐI DOANH NGHIỆP TRUNG ƯƠNG *",
              qd_head="BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI",
              noi_nhan=["- Ban Bí thư (b/c),", "- Các đảng ủy trực thuộc,", "- Các ban, văn phòng Đảng ủy Khối,",
                        "- Lưu Văn phòng Đảng ủy Khối."])
DU_LN = dict(fmt="party", superior=["ĐẢNG ỦY KHỐI DOANH NGHIỆP TW"], lines=["ĐẢNG ỦY TỔNG CÔNG TY", "LÂM NGHIỆP VIỆT NAM"],
             full="Đảng ủy Tổng công ty Lâm nghiệp Việt Nam", cap_tren="Đảng ủy Khối Doanh nghiệp TW", abbr="ĐU",
             place="Hà Nội", short="Đảng ủy Tổng công ty", seal="ĐẢNG ỦY TỔNG CÔNG TY LÂM NGHIỆP VIỆT NAM *",
             qd_head="BAN THƯỜNG VỤ ĐẢNG ỦY",
             noi_nhan=["- Đảng ủy Khối (b/c),", "- Các chi bộ, đảng bộ trực thuộc,", "- Lưu VP."])
ThU_TV = dict(fmt="party", superior=["ĐẢNG BỘ TỈNH TRÀ VINH"], lines=["THÀNH ỦY TRÀ VINH"], full="Thành ủy Trà Vinh",
              cap_tren="Đảng bộ tỉnh Trà Vinh", abbr="ThU", place="Trà Vinh", short="Thành ủy",
              seal="THÀNH ỦY TRÀ VINH * TỈNH TRÀ VINH *", qd_head="BAN THƯỜNG VỤ THÀNH ỦY",
              noi_nhan=["- Thường trực Tỉnh ủy (b/c),", "- Các đảng bộ phường, xã,", "- Lưu Văn phòng Thành ủy."])
UB_CK = dict(fmt="state", lines=["ỦY BAN NHÂN DÂN", "HUYỆN CẦU KÈ"], full="Ủy ban nhân dân huyện Cầu Kè",
             abbr="UB", cv_abbr="UB", place="Cầu Kè", short="Ủy ban nhân dân huyện",
             seal="ỦY BAN NHÂN DÂN HUYỆN CẦU KÈ * TỈNH TRÀ VINH *", qd_head="ỦY BAN NHÂN DÂN HUYỆN CẦU KÈ",
             xet="Xét đề nghị của Trưởng phòng Tổ chức - Lao động,",
             noi_nhan=["- Như Điều 3,", "- Thường trực Huyện ủy,", "- Lưu VP."])
SNV_KT = dict(fmt="state", superior=["UBND TỈNH KON TUM"], lines=["SỞ NỘI VỤ"], full="Sở Nội vụ tỉnh Kon Tum",
              cap_tren="Ủy ban nhân dân tỉnh Kon Tum", abbr="SNV", cv_abbr="SNV-CCVTLT", place="Kon Tum",
              short="Sở Nội vụ", seal="SỞ NỘI VỤ * TỈNH KON TUM *", qd_head="GIÁM ĐỐC SỞ NỘI VỤ",
              xet="Xét đề nghị của Chi cục trưởng Chi cục Văn thư - Lưu trữ,",
              noi_nhan=["- Như Điều 3;", "- UBND tỉnh (b/c);", "- Lưu: VT, CCVTLT."])
DU_PT = dict(fmt="party", superior=["ĐẢNG BỘ THỊ XÃ HÀ GIANG"], lines=["ĐẢNG ỦY XÃ PHƯƠNG THIỆN"],
             full="Đảng ủy xã Phương Thiện", cap_tren="Đảng bộ thị xã Hà Giang", abbr="ĐU", place="Phương Thiện",
             short="Đảng ủy xã", seal="ĐẢNG ỦY XÃ PHƯƠNG THIỆN * THỊ XÃ HÀ GIANG *", qd_head="BAN THƯỜNG VỤ ĐẢNG ỦY",
             noi_nhan=["- Thị ủy (b/c),", "- Các chi bộ trực thuộc,", "- Lưu."])
BTC_HG = dict(fmt="party", superior=["TỈNH ỦY HÀ GIANG"], lines=["BAN TỔ CHỨC"], full="Ban Tổ chức Tỉnh ủy Hà Giang",
              cap_tren="Tỉnh ủy Hà Giang", abbr="BTCTU", place="Hà Giang", short="Ban Tổ chức Tỉnh ủy",
              seal="BAN TỔ CHỨC TỈNH ỦY HÀ GIANG *", qd_head="BAN TỔ CHỨC TỈNH ỦY",
              noi_nhan=["- Thường trực Tỉnh ủy (b/c),", "- Ban Tổ chức các huyện ủy, thành ủy,", "- Lưu BTC."])
VP_TV = dict(fmt="party", superior=["TỈNH ỦY TRÀ VINH"], lines=["VĂN PHÒNG"], full="Văn phòng Tỉnh ủy Trà Vinh",
             cap_tren="Tỉnh ủy Trà Vinh", abbr="VPTU", place="Trà Vinh", short="Văn phòng Tỉnh ủy",
             seal="VĂN PHÒNG TỈNH ỦY TRÀ VINH *", qd_head="VĂN PHÒNG TỈNH ỦY",
             noi_nhan=["- Thường trực Tỉnh ủy (b/c),", "- Văn phòng các huyện ủy, thị ủy,", "- Lưu VP."])
CB_VLT = dict(fmt="party", superior=["ĐẢNG BỘ KHỐI CÁC CƠ QUAN TW"], lines=["CHI BỘ VỤ LƯU TRỮ"],
              full="Chi bộ Vụ Lưu trữ", cap_tren="Đảng bộ Khối các Cơ quan TW", abbr="CB", place="Hà Nội",
              short="Chi bộ", seal="CHI BỘ VỤ LƯU TRỮ * KHỐI CÁC CƠ QUAN TW *", qd_head="CHI BỘ VỤ LƯU TRỮ",
              noi_nhan=["- Đảng ủy cấp trên (b/c),", "- Các đảng viên,", "- Lưu."])

S = signer
TQ_BT = S("Chẩu Văn Lâm", "BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
TQ_BCH = S("Chẩu Văn Lâm", "BÍ THƯ", ["T/M BAN CHẤP HÀNH"])
TQ_PBT = S("Phạm Thị Minh Xuân", "PHÓ BÍ THƯ", ["K/T BÍ THƯ"])
TQ_CVP = S("Ma Đình Thuận", "CHÁNH VĂN PHÒNG", ["T/L BAN THƯỜNG VỤ"])
CH_BT = S("Hoàng Trung Kiên", "BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
CH_PBT = S("La Thị Nguyệt", "PHÓ BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
UBTQ_CT = S("Phạm Minh Huấn", "CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN"])
UBTQ_PCT = S("Nguyễn Thế Giang", "PHÓ CHỦ TỊCH", ["KT. CHỦ TỊCH"])
UBTQ_CVP = S("Đỗ Văn Thành", "CHÁNH VĂN PHÒNG", ["TL. CHỦ TỊCH"])
UBCH_CT = S("Quan Văn Thắng", "CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN"])
GK_BT = S("Y Ngông Niê Kđăm", "BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
GK_PBT = S("Trần Kim Tuyến", "PHÓ BÍ THƯ", ["K/T BÍ THƯ"])
DN_BT = S("Nguyễn Văn Thạch Hùng", "BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
DN_BCH = S("Nguyễn Văn Thạch Hùng", "BÍ THƯ", ["T/M BAN CHẤP HÀNH"])
DN_PBT = S("Tạ Quang Vĩnh", "PHÓ BÍ THƯ", ["K/T BÍ THƯ"])
LN_BT = S("Triệu Thị Bích Ngọc", "BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
LN_PBT = S("Mai Xuân Đông", "PHÓ BÍ THƯ", ["K/T BÍ THƯ"])
TV_BT = S("Thạch Sô Phanh", "BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
TV_PBT = S("Kim Ngọc Thái", "PHÓ BÍ THƯ", ["K/T BÍ THƯ"])
CK_CT = S("Sơn Văn Chanh", "CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN"])
CK_PCT = S("Huỳnh Văn Lập", "PHÓ CHỦ TỊCH", ["KT. CHỦ TỊCH"])
SNV_GD = S("A Vương Hải", "GIÁM ĐỐC")
SNV_PGD = S("Y Thị Hoa", "PHÓ GIÁM ĐỐC", ["KT. GIÁM ĐỐC"])
PTh_BT = S("Lù Văn Sính", "BÍ THƯ", ["T/M ĐẢNG ỦY"])
BTC_TB = S("Vương Ngọc Hà", "TRƯỞNG BAN")
BTC_PTB = S("Lục Văn Đoàn", "PHÓ TRƯỞNG BAN", ["K/T TRƯỞNG BAN"])
VP_CVP = S("Dương Thị Thanh Nhàn", "CHÁNH VĂN PHÒNG")
VP_PCVP = S("Lâm Hoàng Phúc", "PHÓ CHÁNH VĂN PHÒNG", ["K/T CHÁNH VĂN PHÒNG"])
CB_BT = S("Khổng Minh Đức", "BÍ THƯ", ["T/M CHI BỘ"])
CB_PBT = S("Tôn Nữ Diệu Hiền", "PHÓ BÍ THƯ", ["T/M CHI BỘ"])


def documents():
    D = Maker(PART, BANK)
    p = Plan()
    hoso = p.hoso

    # s01: a ten-page Party programme closed on a page of its own, then a State decision, then a
    # Party notice; colour pages, one image-only PDF
    p.hoso("hs-01-tinh-uy-tuyen-quang-2011", one_file("hs01.pdf", "pdf", "RGB",
                                                      wear={3: ["noise"], 8: ["faded"], 12: ["noise"]},
                                                      skew={1: 0.6, 4: -0.7, 9: 1.0, 13: -0.4}), [
        D(TU_TQ, "CTr", 18, (2011, 6, 27), "thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XV về phát triển "
          "lâm nghiệp bền vững giai đoạn 2011 - 2015", TQ_BT, "p-hd36", "Noto Serif", 80, closing="ownpage"),
        D(UB_TQ, "QĐ", 872, (2011, 7, 15), "phê duyệt quy hoạch phát triển vùng nguyên liệu gỗ rừng trồng tỉnh "
          "Tuyên Quang đến năm 2020", UBTQ_PCT, "s-nd30", "Noto Serif", 2,
          extra=dict(executors="Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nông nghiệp và Phát triển "
                               "nông thôn, Chủ tịch Ủy ban nhân dân các huyện")),
        D(TU_TQ, "TB", 402, (2011, 8, 4), "ý kiến của Thường trực Tỉnh ủy về tiến độ trồng rừng sản xuất", TQ_CVP,
          "p-hd36", "Noto Serif", 3),
    ])

    # s02: Huyện ủy Chiêm Hóa 2003-2006 with a State decision of the district between Party papers
    hoso("hs-02-chiem-hoa-2004", one_file("chiem-hoa.tif", "g4", "1",
                                          wear={2: ["salt_pepper"], 5: ["noise"], 9: ["blur"]},
                                          skew={1: 1.2, 3: -0.8, 6: 0.4, 10: -1.5}), [
        D(HU_CH, "NQ", 14, (2003, 1, 22), "về phát triển kinh tế đồi rừng gắn với giảm nghèo giai đoạn 2003 - 2005",
          CH_BT, "p-tall", "Liberation Serif", 9),
        D(HU_CH, "KH", 33, (2004, 2, 18), "kiểm tra việc thực hiện quy chế dân chủ ở cơ sở năm 2004", CH_PBT, "p-tall",
          "Liberation Serif", 8, closing="ownpage"),
        D(UB_CH, "QĐ", 219, (2004, 3, 9), "về việc kiện toàn Ban Chỉ đạo thực hiện quy chế dân chủ ở cơ sở huyện",
          UBCH_CT, "s-below", "Liberation Serif", 1, date_style="padded"),
        D(HU_CH, "BC", 97, (2006, 10, 30), "kết quả lãnh đạo thực hiện nhiệm vụ chính trị 9 tháng năm 2006", CH_BT,
          "p-tall", "Liberation Serif", 4),
    ], blank_after=[("sealed5-06", 1)])

    # s03: typed papers of the former Gia Lai - Kon Tum province, 1977-1989, gray PNG per page
    hoso("hs-03-gia-lai-kon-tum-1980", per_page([("png", "L")],
                                                wear={1: ["faded"], 2: ["aged_paper"], 4: ["blur"], 6: ["faded"]},
                                                skew={1: -1.3, 3: 1.7, 5: -0.6, 7: 2.2}), [
        D(TU_GK, "TB", 12, (1977, 9, 2), "về việc tổ chức học tập Nghị quyết Đại hội đại biểu toàn quốc lần thứ IV của "
          "Đảng", GK_PBT, "p-typed", "FreeMono", 2, date_style="dashed"),
        D(TU_GK, "NQ", 5, (1979, 4, 11), "về nhiệm vụ định canh, định cư và phát triển sản xuất ở vùng đồng bào",
          GK_BT, "p-typed", "FreeMono", 4, date_style="words"),
        D(TU_GK, "CT", 22, (1984, 12, 3), "về việc bảo vệ các cơ sở cách mạng cũ trong vùng căn cứ", GK_BT,
          "p-typed", "FreeMono", 2, date_style="dashed", do_mat="MẬT", do_khan="KHẨN", mark_colour="black",
          codename="GK-2961", bank=SECRET_GK),
        D(TU_GK, "QĐ", 140, (1989, 6, 19), "về việc thành lập Tiểu ban sưu tầm tài liệu lịch sử Đảng bộ tỉnh", GK_PBT,
          "p-typed", "FreeMono", 1, date_style="dashed",
          extra=dict(can_cu=["- Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh,"],
                     executors="Văn phòng Tỉnh ủy, Ban Tuyên huấn và các đồng chí có tên tại Điều 1")),
    ])

    # s04: UBND tỉnh Tuyên Quang 2012-2019, colour JPEG per page; a decision with its Quy chế
    hoso("hs-04-ubnd-tuyen-quang-2015", per_page([("jpeg", "RGB")], wear={2: ["noise"], 6: ["faded"], 8: ["blur"]},
                                                 skew={1: -0.5, 3: 0.9, 5: 0.3, 7: -1.1}), [
        D(UB_TQ, "QĐ", 1507, (2013, 12, 20), "ban hành Quy chế quản lý và sử dụng kho lưu trữ chuyên dụng tỉnh",
          UBTQ_CT, "s-nd30", "Noto Sans", 1,
          extra=dict(articles=["Ban hành kèm theo Quyết định này Quy chế quản lý và sử dụng kho lưu trữ chuyên dụng tỉnh.",
                               "Quyết định này có hiệu lực thi hành kể từ ngày ký."],
                     executors="Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ"),
          attachment=dict(kind="QUY CHẾ", title_lines=["QUY CHẾ"], sub_lines=[
              "quản lý và sử dụng kho lưu trữ chuyên dụng tỉnh",
              "(Ban hành kèm theo Quyết định số 1507/QĐ-UBND ngày 20/12/2013 của UBND tỉnh)"],
              body=[("h", "Chương I. NHỮNG QUY ĐỊNH CHUNG"), ("p", "Điều 1. " + BANK[21] + " " + BANK[20]),
                    ("p", "Điều 2. " + BANK[12]), ("h", "Chương II. TRÁCH NHIỆM CỦA CÁC CƠ QUAN"),
                    ("p", "Điều 3. " + BANK[26] + " " + BANK[19]), ("p", "Điều 4. " + BANK[31])])),
        D(UB_TQ, "CV", 3310, (2016, 9, 12), "ứng phó với mưa lũ trên địa bàn các huyện phía bắc", UBTQ_PCT, "s-nd30",
          "Noto Sans", 2, do_khan="HỎA TỐC", extra=dict(kinh_gui="Ủy ban nhân dân các huyện, thành phố"),
          noi_nhan=["- Như trên;", "- Chủ tịch UBND tỉnh (b/c);", "- Lưu: VT."]),
        D(UB_TQ, "KH", 95, (2018, 4, 2), "số hóa tài liệu lưu trữ lịch sử tỉnh giai đoạn 2018 - 2020", UBTQ_PCT,
          "s-nd30", "Noto Sans", 5, stamp=stamp("SỞ NỘI VỤ TUYÊN QUANG", "1.046", "05/4/2018")),
        D(UB_TQ, "BC", 211, (2019, 11, 25), "tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2019",
          UBTQ_CVP, "s-nd30", "Noto Sans", 4),
    ])

    # s05: Đảng ủy Khối Doanh nghiệp TW 2014-2018, one colour PDF; a TUYỆT MẬT notice (red mark)
    hoso("hs-05-dang-uy-khoi-doanh-nghiep-2016", one_file("dukdn.pdf", "pdf", "RGB",
                                                          wear={2: ["noise"], 6: ["blur"]},
                                                          skew={1: 0.8, 4: -0.6, 7: 1.2}), [
        D(DUK_DN, "NQ", 26, (2014, 8, 19), "về nâng cao hiệu quả hoạt động của các đảng bộ doanh nghiệp giai đoạn "
          "2014 - 2020", DN_BCH, "p-sanshead", "FreeSerif", 7),
        D(DUK_DN, "HD", 63, (2015, 11, 10), "tổ chức đại hội đảng bộ, chi bộ cơ sở nhiệm kỳ 2015 - 2020", DN_PBT,
          "p-sanshead", "FreeSerif", 4),
        D(DUK_DN, "TB", 118, (2017, 3, 14), "kết luận của Ban Thường vụ về phương án sắp xếp doanh nghiệp", DN_BT,
          "p-sanshead", "FreeSerif", 2, do_mat="TUYỆT MẬT", mark_colour="red", codename="DN-8420", bank=SECRET_DN),
        D(DUK_DN, "QĐ", 1240, (2018, 5, 28), "về việc chuẩn y kết quả bầu cử bổ sung cấp ủy", DN_BT, "p-sanshead",
          "FreeSerif", 1, extra=dict(can_cu=["- Căn cứ Quy chế làm việc của Đảng ủy Khối khóa II;",
                                             "- Xét đề nghị của Ban Tổ chức Đảng ủy Khối,"],
                                     executors="Ban Tổ chức Đảng ủy Khối, đảng ủy cơ sở và các đồng chí có tên tại Điều 1")),
    ])

    # s06: Đảng ủy Tổng công ty Lâm nghiệp 2008-2010, single-page G4 TIFFs
    hoso("hs-06-tong-cong-ty-lam-nghiep-2009", per_page([("g4", "1")],
                                                        wear={1: ["noise"], 3: ["faded"]},
                                                        skew={2: -0.9, 4: 0.5, 5: 1.4}), [
        D(DU_LN, "KH", 40, (2008, 3, 5), "học tập, quán triệt Nghị quyết Hội nghị Trung ương 6 khóa X", LN_PBT,
          "p-compact", "Noto Serif", 4),
        D(DU_LN, "BC", 77, (2009, 12, 21), "kết quả công tác xây dựng Đảng năm 2009", LN_BT, "p-compact", "Noto Serif",
          6, notes=[(1, note("Trình đ/c Bí thư", x=1350, y=120, angle=4))]),
        D(DU_LN, "TB", 85, (2010, 2, 9), "phân công cấp ủy viên phụ trách các chi bộ trực thuộc", LN_BT, "p-compact",
          "Noto Serif", 2),
        D(DU_LN, "CV", 102, (2010, 7, 6), "báo cáo số lượng đảng viên tại các công ty lâm nghiệp", LN_PBT,
          "p-compact", "Noto Serif", 2, extra=dict(kinh_gui="Các đảng bộ, chi bộ cơ sở trực thuộc")),
    ])

    # s07: Thành ủy Trà Vinh 1999-2004, photocopied bilevel TIFF per document, receipt stamps
    hoso("hs-07-thanh-uy-tra-vinh-2001", per_doc([("nq.tif", "g4", "1"), ("ct.tif", "g4", "1"),
                                                  ("kl.tif", "g4", "1"), ("tb.tif", "g4", "1")],
                                                 wear={1: ["photocopy"], 2: ["photocopy"], 3: ["photocopy", "punch_holes"],
                                                       5: ["salt_pepper"], 6: ["photocopy"]},
                                                 skew={1: -1.4, 2: 0.9, 4: 1.9, 6: -0.7}), [
        D(ThU_TV, "NQ", 8, (1999, 2, 3), "về xây dựng thị xã văn minh, sạch đẹp giai đoạn 1999 - 2002", TV_BT,
          "p-below", "Liberation Serif", 6, stamp=stamp("ĐẢNG ỦY PHƯỜNG 7", "12", "10/2/1999")),
        D(ThU_TV, "CT", 11, (2000, 10, 16), "về tăng cường công tác tiếp công dân và giải quyết khiếu nại", TV_PBT,
          "p-below", "Liberation Serif", 3),
        D(ThU_TV, "KL", 47, (2002, 5, 23), "của Ban Thường vụ về việc chỉnh trang các tuyến đường nội ô", TV_BT,
          "p-below", "Liberation Serif", 3, stamp=stamp("UBND PHƯỜNG 3", "58", "28/5/2002", x=200, y=30)),
        D(ThU_TV, "TB", 260, (2004, 1, 8), "phân công nhiệm vụ các đồng chí Ủy viên Ban Thường vụ", TV_PBT,
          "p-below", "Liberation Serif", 2),
    ])

    # s08: UBND huyện Cầu Kè 1995-1999, typewritten, gray LZW TIFF
    hoso("hs-08-ubnd-cau-ke-1997", one_file("cau-ke.tif", "lzw", "L", wear={2: ["aged_paper"], 4: ["faded"]},
                                           skew={1: 0.9, 3: -1.2, 5: 0.5}), [
        D(UB_CK, "QĐ", 36, (1995, 5, 4), "về việc giao đất sản xuất cho các hộ đồng bào Khmer nghèo", CK_CT,
          "s-typed", "Liberation Mono", 2, date_style="dashed"),
        D(UB_CK, "TTr", 9, (1996, 8, 21), "xin bổ sung kinh phí sửa chữa trường học sau mùa mưa lũ", CK_PCT,
          "s-typed", "Liberation Mono", 2, date_style="dashed",
          extra=dict(kinh_gui="Ủy ban nhân dân tỉnh Trà Vinh"), noi_nhan=["- Như trên,", "- Lưu."]),
        D(UB_CK, "BC", 61, (1998, 6, 30), "sơ kết công tác 6 tháng đầu năm 1998", CK_CT, "s-typed", "Liberation Mono",
          3, date_style="dashed"),
        D(UB_CK, "CV", 284, (1999, 11, 2), "triển khai tiêm chủng mở rộng cho trẻ em dưới một tuổi", CK_PCT,
          "s-typed", "Liberation Mono", 2, date_style="words",
          extra=dict(kinh_gui="Ủy ban nhân dân các xã, thị trấn"), noi_nhan=["- Như trên,", "- Lưu."]),
    ])

    # s09: Sở Nội vụ Kon Tum 2015-2018, gray PNG and JPEG; a plan whose signature page is missing
    hoso("hs-09-so-noi-vu-kon-tum-2017", per_page([("png", "L"), ("jpeg", "RGB")],
                                                  wear={2: ["noise"], 4: ["blur"]}, skew={1: 0.7, 3: -0.4, 6: 1.0}), [
        D(SNV_KT, "QĐ", 204, (2015, 6, 8), "về việc kiểm tra công tác văn thư, lưu trữ năm 2015", SNV_GD, "s-flush",
          "Noto Sans", 1, extra=dict(executors="Chánh Văn phòng Sở, Chi cục trưởng Chi cục Văn thư - Lưu trữ")),
        D(SNV_KT, "KH", 37, (2016, 2, 24), "thu thập hồ sơ, tài liệu vào Lưu trữ lịch sử tỉnh năm 2016", None,
          "s-flush", "Noto Sans", 5),
        D(SNV_KT, "CV", 1102, (2017, 9, 18), "hướng dẫn lập danh mục hồ sơ năm 2018", SNV_PGD, "s-flush", "Noto Sans",
          2, extra=dict(kinh_gui="Các sở, ban, ngành; UBND các huyện, thành phố"),
          noi_nhan=["- Như trên;", "- Lưu: VT, CCVTLT."]),
        D(SNV_KT, "BC", 318, (2018, 12, 4), "tổng kết công tác văn thư, lưu trữ năm 2018", SNV_PGD, "s-flush",
          "Noto Sans", 3),
    ])

    # s10: typed commune papers 1990-1995, a heavily worn G4 TIFF, one page upside down
    hoso("hs-10-dang-uy-xa-phuong-thien-1993", one_file("phuong-thien.tif", "g4", "1",
                                                        wear={1: ["photocopy", "noise"], 2: ["faded", "salt_pepper"],
                                                              3: ["photocopy", "blur"], 4: ["photocopy", "punch_holes"],
                                                              5: ["faded"], "upside": (3,)},
                                                        skew={1: -2.3, 2: 1.8, 4: -1.1, 5: 2.6}), [
        D(DU_PT, "NQ", 2, (1990, 1, 15), "về phát triển cây ăn quả và chăn nuôi đại gia súc năm 1990", PTh_BT,
          "p-typed-elite", "Liberation Mono", 4, date_style="dashed"),
        D(DU_PT, "QĐ", 6, (1993, 4, 7), "về việc thành lập chi bộ thôn Nà Thác", PTh_BT, "p-typed-elite",
          "Liberation Mono", 1, date_style="dashed",
          extra=dict(can_cu=["- Xét đề nghị của Ban Tổ chức Đảng ủy,"], executors="Các đồng chí có tên tại Điều 1")),
        D(DU_PT, "BC", 19, (1995, 12, 27), "tổng kết công tác năm 1995", PTh_BT, "p-typed-elite", "Liberation Mono", 3,
          date_style="words", notes=[(2, note("Đã báo cáo Thị ủy", x=1450, y=3330, angle=-3, underline=True))]),
    ])

    # s11: Ban Tổ chức Tỉnh ủy Hà Giang 2007-2011, G4 with a blank back; one TỐI MẬT report (black mark)
    hoso("hs-11-ban-to-chuc-ha-giang-2009", one_file("btc.tif", "g4", "1",
                                                     wear={1: ["noise"], 4: ["salt_pepper"]},
                                                     skew={2: 0.8, 3: -1.0, 6: 0.5}), [
        D(BTC_HG, "HD", 29, (2007, 4, 16), "quy trình nhận xét, đánh giá cán bộ diện Ban Thường vụ Tỉnh ủy quản lý",
          BTC_PTB, "p-hd36", "DejaVu Serif Condensed", 4),
        D(BTC_HG, "TTr", 51, (2009, 3, 3), "đề nghị bổ sung quy hoạch cán bộ lãnh đạo các sở, ngành", BTC_TB,
          "p-hd36", "DejaVu Serif Condensed", 2, extra=dict(kinh_gui="Ban Thường vụ Tỉnh ủy"),
          noi_nhan=["- Như trên,", "- Lưu BTC."]),
        D(BTC_HG, "BC", 88, (2010, 9, 30), "kết quả rà soát quy hoạch cán bộ nhiệm kỳ 2010 - 2015", BTC_TB, "p-hd36",
          "DejaVu Serif Condensed", 2, do_mat="TỐI MẬT", mark_colour="black", codename="HG-3375", bank=SECRET_HG),
        D(BTC_HG, "CV", 140, (2011, 6, 22), "chuẩn bị hồ sơ nhân sự tham gia cấp ủy cơ sở", BTC_PTB, "p-hd36",
          "DejaVu Serif Condensed", 2, extra=dict(kinh_gui="Ban Tổ chức các huyện ủy, thành ủy")),
    ], blank_after=[("sealed5-40", 1)])

    # s12: Văn phòng Tỉnh ủy Trà Vinh 2017-2019, colour JPEG and colour LZW; a note, a stamp and a
    # MẬT report with a red mark
    hoso("hs-12-van-phong-tinh-uy-tra-vinh-2018", per_page([("jpeg", "RGB"), ("jpeg", "RGB"), ("lzw", "RGB")],
                                                           wear={2: ["noise"], 5: ["faded"]},
                                                           skew={1: -0.3, 4: 0.6, 6: -0.9}), [
        D(VP_TV, "CV", 415, (2017, 3, 29), "chuẩn bị nội dung hội nghị Ban Chấp hành Đảng bộ tỉnh", VP_PCVP, "p-flush",
          "Liberation Sans", 2, extra=dict(kinh_gui="Các ban xây dựng Đảng Tỉnh ủy"),
          notes=[(1, note("Chuyển Phòng Tổng hợp", x=1300, y=130, angle=2))]),
        D(VP_TV, "KH", 66, (2018, 1, 12), "chuyển đổi số trong lưu trữ hồ sơ của các cơ quan đảng tỉnh", VP_CVP,
          "p-flush", "Liberation Sans", 4, stamp=stamp("HUYỆN ỦY CÀNG LONG", "204", "16/01/2018")),
        D(VP_TV, "BC", 90, (2018, 8, 20), "kết quả kiểm tra hồ sơ đất đai tại dự án khu dân cư", VP_CVP, "p-flush",
          "Liberation Sans", 2, do_mat="MẬT", mark_colour="red", codename="TV-6093", bank=SECRET_TV),
        D(VP_TV, "TB", 133, (2019, 5, 6), "lịch làm việc của Thường trực Tỉnh ủy tháng 5 năm 2019", VP_PCVP,
          "p-flush", "Liberation Sans", 2),
    ])

    # s13: Chi bộ Vụ Lưu trữ 1998-2002 under the Đảng bộ Khối các Cơ quan TW, gray JPEG per page
    hoso("hs-13-chi-bo-vu-luu-tru-2000", per_page([("jpeg", "L")], wear={1: ["faded"], 3: ["noise"]},
                                                  skew={2: 1.1, 4: -0.8}), [
        D(CB_VLT, "NQ", 3, (1998, 7, 14), "về nhiệm vụ công tác quý III năm 1998", CB_BT, "p-compact", "FreeSerif", 3),
        D(CB_VLT, "BC", 11, (2000, 12, 18), "kiểm điểm sự lãnh đạo của chi bộ năm 2000", CB_BT, "p-compact",
          "FreeSerif", 4),
        D(CB_VLT, "TB", 7, (2001, 6, 4), "kết quả bỏ phiếu đề nghị kết nạp đảng viên mới", None, "p-compact",
          "FreeSerif", 1),
        D(CB_VLT, "KH", 4, (2002, 2, 25), "tổ chức sinh hoạt chuyên đề về bảo vệ bí mật nhà nước", CB_PBT,
          "p-compact", "FreeSerif", 2),
    ])
    return p.docs, p.plan
