"""tune5: the tuning part of the eval5 set (9 hồ sơ). Invented wording, issuers and people,
written from DESIGN.md §3; sealed5 (content_sealed5.py) shares none of its issuers, signers,
sentences or trích yếu.
"""

from build5 import Maker, Plan, note, one_file, per_doc, per_page, signer, stamp

NEVER_TUNE = False
PART = "tune5"

BOX_JSON = {
    "ma_co_quan_luu_tru": "H45",
    "ma_phong": "05",
    "ten_phong": "Phông tài liệu đánh giá eval5 (phần tune5)",
    "hop_so": "501",
    "don_vi_so_hoa": "Nhóm phát triển sohoa",
    "nguoi_so_hoa": "Bộ sinh mẫu đánh giá eval5",
}

BANK = [
    "Các cấp ủy đảng đã tập trung lãnh đạo, chỉ đạo triển khai đồng bộ các nhiệm vụ chính trị của địa phương.",
    "Công tác tuyên truyền được đổi mới về nội dung và hình thức, tạo sự đồng thuận trong cán bộ, đảng viên và nhân dân.",
    "Tốc độ tăng trưởng kinh tế bình quân đạt khá, cơ cấu kinh tế chuyển dịch theo hướng tích cực.",
    "Chất lượng sinh hoạt chi bộ từng bước được nâng lên, nội dung sinh hoạt thiết thực hơn.",
    "Việc phát triển đảng viên mới ở các thôn, khu dân cư còn gặp nhiều khó khăn.",
    "Một số cấp ủy chưa thật sự quan tâm đến công tác kiểm tra, giám sát việc thực hiện nghị quyết.",
    "Sản xuất nông nghiệp tiếp tục phát triển, năng suất lúa và cây chè đều tăng so với cùng kỳ.",
    "Các công trình giao thông nông thôn, thủy lợi và trường học được đầu tư xây dựng bằng nhiều nguồn vốn.",
    "Đời sống vật chất và tinh thần của nhân dân các dân tộc trên địa bàn từng bước được cải thiện.",
    "Công tác cải cách hành chính được đẩy mạnh, thủ tục được niêm yết công khai tại bộ phận một cửa.",
    "Quốc phòng, an ninh được giữ vững, trật tự an toàn xã hội được bảo đảm.",
    "Công tác văn thư, lưu trữ của các cơ quan đảng được chấn chỉnh, hồ sơ được lập và nộp lưu đúng thời hạn.",
    "Nhận thức của một bộ phận cán bộ, đảng viên về vai trò của công tác lưu trữ còn hạn chế.",
    "Các chi bộ cần bám sát nghị quyết của cấp trên để xây dựng chương trình công tác phù hợp với thực tế.",
    "Tăng cường công tác phối hợp giữa các ban xây dựng Đảng với chính quyền và các đoàn thể chính trị - xã hội.",
    "Kết quả thực hiện các chỉ tiêu về xóa đói, giảm nghèo đạt và vượt kế hoạch đề ra.",
    "Phong trào thi đua yêu nước được phát động rộng khắp, nhiều tập thể và cá nhân được khen thưởng.",
    "Cơ sở vật chất phục vụ công tác chuyên môn còn thiếu, kinh phí đầu tư cho lĩnh vực này chưa tương xứng.",
    "Đội ngũ cán bộ cấp cơ sở được kiện toàn, từng bước đáp ứng yêu cầu nhiệm vụ trong tình hình mới.",
    "Việc ứng dụng công nghệ thông tin trong quản lý, điều hành của các cơ quan được quan tâm đầu tư.",
    "Công tác quản lý đất đai, tài nguyên và bảo vệ môi trường có chuyển biến nhưng chưa vững chắc.",
    "Các tổ chức cơ sở đảng tổ chức kiểm điểm, đánh giá, xếp loại đúng quy định và thời gian.",
    "Hoạt động của Mặt trận Tổ quốc và các đoàn thể hướng mạnh về cơ sở, sát với đời sống của hội viên.",
    "Công tác giáo dục chính trị tư tưởng cho đảng viên trẻ và đoàn viên thanh niên được chú trọng.",
    "Việc giải quyết đơn thư khiếu nại, tố cáo của công dân được thực hiện kịp thời, đúng pháp luật.",
    "Thu ngân sách trên địa bàn vượt dự toán, chi ngân sách bảo đảm các nhiệm vụ thường xuyên và đột xuất.",
    "Các cơ quan chuyên môn chủ động tham mưu, đề xuất giải pháp tháo gỡ khó khăn cho sản xuất, kinh doanh.",
    "Trong thời gian tới, cần tập trung chỉ đạo dứt điểm những tồn tại đã được chỉ ra qua kiểm tra.",
    "Hằng quý, các đơn vị báo cáo kết quả thực hiện về cơ quan thường trực để tổng hợp.",
    "Giao Văn phòng chủ trì, phối hợp với các ban xây dựng Đảng theo dõi, đôn đốc việc thực hiện.",
    "Ngành văn hóa tổ chức tốt các hoạt động kỷ niệm các ngày lễ lớn và sự kiện quan trọng của đất nước.",
    "Hệ thống thiết chế văn hóa cơ sở được quan tâm xây dựng, nhiều nhà văn hóa thôn được nâng cấp.",
]

# each classified document has its own sentences (with its codename), so that a leak of its
# text can be told apart from the other documents'
SECRET_LS = [
    "Phương án bố trí lực lượng tại khu vực biên giới phía bắc được giữ kín theo mật danh LS-7302.",
    "Số liệu về kho vật tư dự trữ ở vùng núi phía tây tỉnh không đưa vào báo cáo công khai.",
    "Các huyện biên giới rà soát lại số lương thực dự trữ tại chỗ và báo cáo bằng đường hỏa tốc.",
]
SECRET_KT = [
    "Kết quả xác minh tài sản của cán bộ theo mật danh KT-5148 được báo cáo trực tiếp Thường trực.",
    "Danh sách cán bộ diện quy hoạch trong đợt này chỉ lưu tại bộ phận cơ yếu của Văn phòng Đảng ủy.",
    "Việc trao đổi về nội dung này chỉ thực hiện bằng văn bản qua đường cơ yếu, không dùng điện thoại.",
]

# ---- issuers ---------------------------------------------------------------------------

NOI_NHAN_PARTY = ["- Thường trực Tỉnh ủy (b/c),", "- Các đảng bộ, chi bộ trực thuộc,", "- Lưu Văn phòng."]
NOI_NHAN_STATE = ["- Như Điều 3;", "- TT Tỉnh ủy, TT HĐND tỉnh;", "- CT, các PCT UBND tỉnh;", "- Lưu: VT, NC."]

TU_PT = dict(fmt="party", lines=["TỈNH ỦY PHÚ THỌ"], full="Tỉnh ủy Phú Thọ", abbr="TU", place="Việt Trì",
             short="Tỉnh ủy", seal="TỈNH ỦY PHÚ THỌ * ĐẢNG CỘNG SẢN VIỆT NAM *",
             qd_head="BAN THƯỜNG VỤ TỈNH ỦY",
             noi_nhan=["- Ban Bí thư (b/c),", "- Các ban đảng Tỉnh ủy,", "- Các huyện, thị, thành ủy,",
                       "- Lưu Văn phòng Tỉnh ủy."])
HU_TS = dict(fmt="party", superior=["ĐẢNG BỘ TỈNH PHÚ THỌ"], lines=["HUYỆN ỦY THANH SƠN"],
             full="Huyện ủy Thanh Sơn", cap_tren="Đảng bộ tỉnh Phú Thọ", abbr="HU", place="Thanh Sơn",
             short="Huyện ủy", seal="HUYỆN ỦY THANH SƠN * TỈNH PHÚ THỌ *", qd_head="BAN THƯỜNG VỤ HUYỆN ỦY",
             noi_nhan=NOI_NHAN_PARTY)
UB_PT = dict(fmt="state", lines=["ỦY BAN NHÂN DÂN", "TỈNH PHÚ THỌ"], full="Ủy ban nhân dân tỉnh Phú Thọ",
             abbr="UBND", cv_abbr="UBND-VX", place="Phú Thọ", short="Ủy ban nhân dân tỉnh",
             seal="ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ *", qd_head="ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ",
             xet="Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 115/TTr-SNV,", noi_nhan=NOI_NHAN_STATE)
DUK_TW = dict(fmt="party", lines=["ĐẢNG ỦY KHỐI CÁC", "CƠ QUAN TW"], full="Đảng ủy Khối các Cơ quan TW",
              abbr="ĐUK", place="Hà Nội", short="Đảng ủy Khối", seal="ĐẢNG ỦY KHỐI CÁC CƠ QUAN TRUNG ƯƠNG *",
              qd_head="BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI",
              noi_nhan=["- Văn phòng Trung ương Đảng (b/c),", "- Các đảng ủy trực thuộc,", "- Lưu VPĐU."])
UBKT_BD = dict(fmt="party", superior=["TỈNH ỦY BÌNH ĐỊNH"], lines=["ỦY BAN KIỂM TRA"],
               full="Ủy ban Kiểm tra Tỉnh ủy Bình Định", cap_tren="Tỉnh ủy Bình Định", abbr="UBKTTU",
               place="Quy Nhơn", short="Ủy ban Kiểm tra Tỉnh ủy", seal="ỦY BAN KIỂM TRA TỈNH ỦY BÌNH ĐỊNH *",
               qd_head="ỦY BAN KIỂM TRA TỈNH ỦY",
               noi_nhan=["- Thường trực Tỉnh ủy (b/c),", "- Ủy ban Kiểm tra Trung ương (b/c),", "- Lưu UBKT."])
SO_BD = dict(fmt="state", superior=["UBND TỈNH BÌNH ĐỊNH"], lines=["SỞ VĂN HÓA - THÔNG TIN"],
             full="Sở Văn hóa - Thông tin tỉnh Bình Định", cap_tren="Ủy ban nhân dân tỉnh Bình Định",
             abbr="VHTT", cv_abbr="VHTT-VP", place="Quy Nhơn", short="Sở Văn hóa - Thông tin",
             seal="SỞ VĂN HÓA THÔNG TIN * TỈNH BÌNH ĐỊNH *", qd_head="GIÁM ĐỐC SỞ VĂN HÓA - THÔNG TIN",
             xet="Xét đề nghị của Trưởng phòng Nghiệp vụ Văn hóa,",
             noi_nhan=["- Như Điều 3;", "- UBND tỉnh (b/c);", "- Lưu: VT, NVVH."])
UB_NB = dict(fmt="state", lines=["ỦY BAN NHÂN DÂN", "TỈNH NGHĨA BÌNH"], full="Ủy ban nhân dân tỉnh Nghĩa Bình",
             abbr="UB", cv_abbr="UB", place="Quy Nhơn", short="Ủy ban nhân dân tỉnh",
             seal="ỦY BAN NHÂN DÂN TỈNH NGHĨA BÌNH *", qd_head="ỦY BAN NHÂN DÂN TỈNH NGHĨA BÌNH",
             xet="Xét đề nghị của Ban Tổ chức chính quyền tỉnh,",
             noi_nhan=["- Như Điều 3,", "- Thường vụ Tỉnh ủy (b/c),", "- Lưu."])
TU_LS = dict(fmt="party", lines=["TỈNH ỦY LẠNG SƠN"], full="Tỉnh ủy Lạng Sơn", abbr="TU", place="Lạng Sơn",
             short="Tỉnh ủy", seal="TỈNH ỦY LẠNG SƠN * ĐẢNG CỘNG SẢN VIỆT NAM *", qd_head="BAN THƯỜNG VỤ TỈNH ỦY",
             noi_nhan=["- Trung ương (b/c),", "- Các huyện ủy, thị ủy,", "- Lưu."])
DU_HVT = dict(fmt="party", superior=["ĐẢNG BỘ HUYỆN VĂN LÃNG"], lines=["ĐẢNG ỦY XÃ HOÀNG VĂN THỤ"],
              full="Đảng ủy xã Hoàng Văn Thụ", cap_tren="Đảng bộ huyện Văn Lãng", abbr="ĐU",
              place="Hoàng Văn Thụ", short="Đảng ủy xã", seal="ĐẢNG ỦY XÃ HOÀNG VĂN THỤ * HUYỆN VĂN LÃNG *",
              qd_head="BAN THƯỜNG VỤ ĐẢNG ỦY", noi_nhan=["- Huyện ủy (b/c),", "- Các chi bộ,", "- Lưu."])
BTG_PT = dict(fmt="party", superior=["TỈNH ỦY PHÚ THỌ"], lines=["BAN TUYÊN GIÁO"],
              full="Ban Tuyên giáo Tỉnh ủy Phú Thọ", cap_tren="Tỉnh ủy Phú Thọ", abbr="BTGTU", place="Việt Trì",
              short="Ban Tuyên giáo Tỉnh ủy", seal="BAN TUYÊN GIÁO TỈNH ỦY PHÚ THỌ *",
              qd_head="BAN TUYÊN GIÁO TỈNH ỦY",
              noi_nhan=["- Thường trực Tỉnh ủy (b/c),", "- Ban Tuyên giáo các huyện, thị, thành ủy,",
                        "- Lưu BTG."])

# ---- signers (full name, title, authority) ------------------------------------------------

S = signer
TS_BT = S("Hà Văn Thịnh", "BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
TS_PBT = S("Đinh Thị Lựu", "PHÓ BÍ THƯ", ["K/T BÍ THƯ"])
PT_BT = S("Nguyễn Quang Khải", "BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
PT_BCH = S("Nguyễn Quang Khải", "BÍ THƯ", ["T/M BAN CHẤP HÀNH"])
PT_PBT = S("Bùi Minh Chiến", "PHÓ BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
PT_CVP = S("Lê Thị Hồng Vân", "CHÁNH VĂN PHÒNG", ["T/L BAN THƯỜNG VỤ"])
UBPT_CT = S("Trần Đức Mạnh", "CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN"])
UBPT_PCT = S("Phùng Khánh Hòa", "PHÓ CHỦ TỊCH", ["KT. CHỦ TỊCH"])
DUK_BT = S("Vương Đình Huệ Tâm", "BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
DUK_PBT = S("Lại Xuân Trường", "PHÓ BÍ THƯ", ["K/T BÍ THƯ"])
UBKT_CN = S("Đặng Văn Cừ", "CHỦ NHIỆM", ["T/M ỦY BAN KIỂM TRA"])
UBKT_PCN = S("Huỳnh Thị Yến", "PHÓ CHỦ NHIỆM", ["K/T CHỦ NHIỆM"])
SO_GD = S("Võ Tấn Lộc", "GIÁM ĐỐC")
SO_PGD = S("Phan Thanh Bình", "PHÓ GIÁM ĐỐC", ["KT. GIÁM ĐỐC"])
NB_CT = S("Trương Công Hậu", "CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN"])
NB_PCT = S("Lê Văn Sáu", "PHÓ CHỦ TỊCH", ["KT. CHỦ TỊCH"])
LS_BT = S("Hoàng Văn Khoa", "BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
LS_PBT = S("Lương Thị Mến", "PHÓ BÍ THƯ", ["K/T BÍ THƯ"])
HVT_BT = S("Nông Văn Páo", "BÍ THƯ", ["T/M ĐẢNG ỦY"])
BTG_TB = S("Cao Thị Thu Hằng", "TRƯỞNG BAN")
BTG_PTB = S("Ngô Đức Tiến", "PHÓ TRƯỞNG BAN", ["K/T TRƯỞNG BAN"])

def documents():
    D = Maker(PART, BANK)
    p = Plan()
    hoso = p.hoso

    # hs-01: a ten-page Party plan closed on a page of its own, then a State decision
    hoso("hs-01-thanh-son-2009", one_file("ho-so-01.tif", "g4", "1",
                                          wear={2: ["noise"], 6: ["salt_pepper"], 11: ["noise"]},
                                          skew={1: -0.6, 3: 0.9, 7: -1.2, 11: 0.5, 13: 1.1}), [
        D(HU_TS, "KH", 62, (2009, 4, 14), "triển khai thực hiện Nghị quyết Trung ương 7 (khóa X) về nông nghiệp, "
          "nông dân, nông thôn trên địa bàn huyện giai đoạn 2009 - 2015", TS_BT, "p-hd36", "Liberation Serif", 58,
          closing="ownpage", attachment=dict(kind="PHỤ LỤC", title_lines=["PHỤ LỤC"], sub_lines=[
              "DANH MỤC CÁC CHƯƠNG TRÌNH, ĐỀ ÁN TRỌNG TÂM",
              "(Kèm theo Kế hoạch số 62-KH/HU, ngày 14/4/2009 của Ban Thường vụ Huyện ủy)"],
              body=[("l", "1. Chương trình phát triển vùng chè nguyên liệu tập trung."),
                    ("l", "2. Đề án kiên cố hóa kênh mương nội đồng các xã vùng thấp."),
                    ("l", "3. Đề án đào tạo nghề cho lao động nông thôn."),
                    ("l", "4. Chương trình xây dựng thí điểm hai xã nông thôn mới.")])),
        D(UB_PT, "QĐ", 1186, (2009, 5, 22), "về việc thành lập Ban Chỉ đạo xây dựng nông thôn mới tỉnh Phú Thọ",
          UBPT_CT, "s-nd30", "Liberation Serif", 2, date_style="padded",
          extra=dict(executors="Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở, ngành và các thành viên Ban Chỉ đạo")),
        D(HU_TS, "TB", 66, (2009, 6, 1), "kết luận của Thường trực Huyện ủy về tiến độ giải phóng mặt bằng", TS_PBT,
          "p-hd36", "Liberation Serif", 2),
        D(HU_TS, "BC", 71, (2009, 6, 30), "sơ kết công tác xây dựng Đảng 6 tháng đầu năm 2009", TS_PBT,
          "p-hd36", "Liberation Serif", 6),
    ], blank_after=[("tune5-03", 1)])

    # hs-02: Tỉnh ủy Phú Thọ, colour JPEG per page; a decision with its Quy định attached
    hoso("hs-02-tinh-uy-phu-tho-2016", per_page([("jpeg", "RGB")], wear={2: ["noise"], 5: ["faded"]},
                                                skew={1: 0.4, 4: -0.8, 6: 1.3}), [
        D(TU_PT, "NQ", 12, (2016, 3, 8), "về đẩy mạnh ứng dụng công nghệ thông tin trong hoạt động của các cơ quan "
          "đảng giai đoạn 2016 - 2020", PT_BCH, "p-below", "FreeSerif", 7,
          stamp=stamp("BAN TUYÊN GIÁO TỈNH ỦY", "214", "11/3/2016")),
        D(TU_PT, "QĐ", 415, (2016, 7, 19), "ban hành Quy định về chế độ lập hồ sơ và nộp lưu tài liệu vào Lưu trữ "
          "Tỉnh ủy", PT_BT, "p-below", "FreeSerif", 1,
          extra=dict(can_cu=["- Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XVIII;",
                             "- Xét đề nghị của Văn phòng Tỉnh ủy,"],
                     articles=["Ban hành kèm theo Quyết định này Quy định về chế độ lập hồ sơ và nộp lưu tài liệu vào Lưu trữ Tỉnh ủy.",
                               "Quyết định có hiệu lực kể từ ngày ký."],
                     executors="Văn phòng Tỉnh ủy, các ban đảng, các huyện ủy, thị ủy, thành ủy"),
          attachment=dict(kind="QUY ĐỊNH", title_lines=["QUY ĐỊNH"], sub_lines=[
              "về chế độ lập hồ sơ và nộp lưu tài liệu vào Lưu trữ Tỉnh ủy",
              "(Ban hành kèm theo Quyết định số 415-QĐ/TU, ngày 19/7/2016 của Ban Thường vụ Tỉnh ủy)"],
              body=[("h", "Chương I"), ("p", BANK[11] + " " + BANK[12]), ("h", "Chương II"),
                    ("p", BANK[19] + " " + BANK[28]), ("p", BANK[29] + " " + BANK[13])])),
        D(TU_PT, "CT", 20, (2017, 1, 5), "về tăng cường sự lãnh đạo của Đảng đối với công tác văn thư, lưu trữ",
          PT_PBT, "p-below", "FreeSerif", 3, notes=[(1, note("Gửi VP nghiên cứu, tham mưu", x=1350, y=130))]),
        D(UB_PT, "CV", 2431, (2017, 8, 2), "triển khai số hóa tài liệu lưu trữ của các sở, ngành", UBPT_PCT,
          "s-nd30", "Liberation Serif", 3, extra=dict(kinh_gui="Các sở, ban, ngành thuộc tỉnh"),
          noi_nhan=["- Như trên;", "- CT, PCT UBND tỉnh;", "- Lưu: VT, VX."]),
    ])

    # hs-03: typed Tỉnh ủy Lạng Sơn papers 1978-1986, one image-only PDF; one TỐI MẬT (black mark)
    hoso("hs-03-tinh-uy-lang-son-1980", one_file("tinh-uy-lang-son.pdf", "pdf", "L",
                                                 wear={1: ["faded"], 3: ["blur"], 5: ["faded", "noise"]},
                                                 skew={2: -1.5, 4: 0.8, 6: 1.8}), [
        D(TU_LS, "TB", 37, (1978, 11, 20), "về việc tổ chức học tập Nghị quyết Hội nghị Trung ương lần thứ tư",
          LS_PBT, "p-typed", "Liberation Mono", 2, date_style="dashed"),
        D(TU_LS, "NQ", 9, (1981, 2, 17), "về nhiệm vụ sản xuất nông, lâm nghiệp năm 1981", LS_BT, "p-typed",
          "Liberation Mono", 5, date_style="words"),
        D(TU_LS, "BC", 54, (1983, 9, 6), "về tình hình bảo đảm hậu cần tại chỗ ở các huyện biên giới", LS_BT,
          "p-typed", "Liberation Mono", 3, date_style="dashed", do_mat="TỐI MẬT", mark_colour="black",
          codename="LS-7302", bank=SECRET_LS),
        D(TU_LS, "KH", 15, (1984, 8, 8), "tổ chức thu hoạch và bảo quản lương thực vụ mùa năm 1984", LS_PBT,
          "p-typed", "Liberation Mono", 2, date_style="dashed"),
        D(TU_LS, "CT", 3, (1986, 4, 25), "về công tác chuẩn bị đại hội đảng bộ các cấp", LS_PBT, "p-typed",
          "Liberation Mono", 3, date_style="dashed"),
    ])

    # hs-04: typed State decisions of a former province, gray LZW TIFF
    hoso("hs-04-ubnd-nghia-binh-1985", one_file("ubnd-nghia-binh.tif", "lzw", "L",
                                                wear={1: ["aged_paper"], 3: ["faded"]},
                                                skew={1: 0.7, 2: -1.0, 4: 1.4}), [
        D(UB_NB, "QĐ", 125, (1984, 3, 12), "về việc thành lập Phòng Lưu trữ thuộc Văn phòng Ủy ban nhân dân tỉnh",
          NB_CT, "s-typed", "FreeMono", 2, date_style="dashed"),
        D(UB_NB, "CV", 408, (1985, 10, 3), "chuẩn bị giống lúa cho vụ đông xuân 1985 - 1986", NB_PCT, "s-typed",
          "FreeMono", 2, date_style="dashed", noi_nhan=["- Như trên,", "- Lưu."],
          extra=dict(kinh_gui="Ủy ban nhân dân các huyện, thị xã")),
        D(UB_NB, "QĐ", 77, (1988, 2, 29), "về việc giao chỉ tiêu thu mua lương thực năm 1988", NB_PCT, "s-typed",
          "FreeMono", 2, date_style="words"),
    ])

    # hs-05: Đảng ủy Khối các Cơ quan TW, colour PNG and JPEG alternating; one MẬT (red mark)
    hoso("hs-05-dang-uy-khoi-tw-2012", per_page([("png", "RGB"), ("jpeg", "RGB")],
                                                wear={1: [], 4: ["noise"], 7: ["blur"]},
                                                skew={2: 0.5, 5: -0.9, 8: 0.3}), [
        D(DUK_TW, "HD", 18, (2011, 10, 24), "kiểm điểm, đánh giá chất lượng tổ chức cơ sở đảng và đảng viên năm 2011",
          DUK_PBT, "p-sanshead", "Noto Serif", 5),
        D(DUK_TW, "KH", 97, (2012, 2, 13), "tổ chức hội nghị chuyên đề về công tác bảo vệ chính trị nội bộ",
          DUK_BT, "p-sanshead", "Noto Serif", 2, do_mat="MẬT", mark_colour="red", codename="KT-5148",
          bank=SECRET_KT),
        D(DUK_TW, "CV", 311, (2012, 9, 26), "rà soát danh mục hồ sơ nộp lưu năm 2012", DUK_PBT, "p-sanshead",
          "Noto Serif", 1, extra=dict(kinh_gui="Các đảng ủy trực thuộc"),
          noi_nhan=["- Như trên,", "- Lưu VPĐU."]),
        D(DUK_TW, "TB", 120, (2013, 5, 9), "kết luận của Ban Thường vụ về công tác cán bộ quý I năm 2013", DUK_BT,
          "p-sanshead", "Noto Serif", 3, extra=dict(opening="Ngày 6 tháng 5 năm 2013, Ban Thường vụ Đảng ủy Khối "
                                                   "họp nghe báo cáo công tác cán bộ quý I và kết luận như sau:")),
    ])

    # hs-06: Ủy ban Kiểm tra Tỉnh ủy Bình Định 2001-2005, bilevel G4 per document, receipt stamps
    hoso("hs-06-ubkt-binh-dinh-2003", per_doc([("01-kl.tif", "g4", "1"), ("02-tb.tif", "g4", "1"),
                                               ("03-qd.tif", "g4", "1"), ("04-bc.tif", "g4", "1")],
                                              wear={1: ["photocopy"], 2: ["photocopy"], 5: ["salt_pepper"]},
                                              skew={1: -1.9, 3: 1.1, 6: 0.6}), [
        D(UBKT_BD, "KL", 31, (2001, 8, 16), "về kết quả kiểm tra dấu hiệu vi phạm đối với Ban Thường vụ Đảng ủy "
          "xã Phước Thành", UBKT_CN, "p-compact", "Liberation Serif", 5,
          stamp=stamp("HUYỆN ỦY TUY PHƯỚC", "86", "24/8/2001")),
        D(UBKT_BD, "TB", 44, (2002, 12, 2), "về lịch kiểm tra tài chính đảng năm 2003", UBKT_PCN, "p-compact",
          "Liberation Serif", 2, date_style="padded"),
        D(UBKT_BD, "QĐ", 105, (2004, 3, 18), "về việc thi hành kỷ luật đảng viên", UBKT_CN, "p-compact",
          "Liberation Serif", 1, extra=dict(can_cu=["- Căn cứ Quy định thi hành Điều lệ Đảng;",
                                                   "- Xét báo cáo của Đoàn kiểm tra,"],
                                           executors="Đảng ủy cơ sở và đảng viên có tên tại Điều 1"),
          stamp=stamp("ĐẢNG ỦY KHỐI DOANH NGHIỆP", "19", "29/3/2004")),
        D(UBKT_BD, "BC", 152, (2005, 11, 28), "tổng kết công tác kiểm tra, giám sát nhiệm kỳ 2000 - 2005", UBKT_CN,
          "p-compact", "Liberation Serif", 8),
    ])

    # hs-07: Sở Văn hóa - Thông tin Bình Định 1997-1999, colour LZW TIFF of clean pages
    hoso("hs-07-so-van-hoa-binh-dinh-1998", one_file("so-vhtt.tif", "lzw", "RGB", skew={1: 0.3, 3: -0.5}), [
        D(SO_BD, "QĐ", 214, (1998, 6, 10), "ban hành Quy chế quản lý hoạt động các nhà văn hóa thôn, khu phố",
          SO_GD, "s-flush", "Liberation Sans", 1, date_style="padded",
          extra=dict(articles=["Ban hành kèm theo Quyết định này Quy chế quản lý hoạt động các nhà văn hóa thôn, khu phố.",
                               "Quyết định này có hiệu lực kể từ ngày ký."],
                     executors="Chánh Văn phòng Sở, Trưởng phòng Nghiệp vụ Văn hóa"),
          attachment=dict(kind="QUY CHẾ", title_lines=["QUY CHẾ"], sub_lines=[
              "quản lý hoạt động các nhà văn hóa thôn, khu phố",
              "(Ban hành kèm theo Quyết định số 214/QĐ-VHTT ngày 10/6/1998 của Giám đốc Sở)"],
              body=[("h", "Chương I. QUY ĐỊNH CHUNG"), ("p", "Điều 1. " + BANK[31] + " " + BANK[30]),
                    ("p", "Điều 2. " + BANK[2]), ("h", "Chương II. TỔ CHỨC THỰC HIỆN"),
                    ("p", "Điều 3. " + BANK[26] + " " + BANK[28])])),
        D(SO_BD, "BC", 95, (1998, 12, 22), "tổng kết công tác văn hóa - thông tin năm 1998", SO_PGD, "s-flush",
          "Liberation Sans", 4, date_style="padded"),
        D(SO_BD, "CV", 377, (1999, 3, 15), "tổ chức các hoạt động kỷ niệm ngày giải phóng tỉnh", SO_PGD, "s-flush",
          "Liberation Sans", 2, extra=dict(kinh_gui="Phòng Văn hóa - Thông tin các huyện, thành phố"),
          noi_nhan=["- Như trên;", "- Lưu: VT."]),
    ])

    # hs-08: Ban Tuyên giáo Tỉnh ủy Phú Thọ 2019, gray PNG per page; a guide without its signature page
    hoso("hs-08-ban-tuyen-giao-2019", per_page([("png", "L")], wear={3: ["salt_pepper"], 4: ["faded"]},
                                               skew={1: -0.4, 2: 0.7, 5: -1.1}), [
        D(BTG_PT, "HD", 41, (2019, 2, 26), "tuyên truyền kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam",
          None, "p-flush", "DejaVu Serif Condensed", 5),
        D(BTG_PT, "KH", 58, (2019, 5, 7), "tổ chức cuộc thi tìm hiểu lịch sử Đảng bộ tỉnh", BTG_TB, "p-flush",
          "DejaVu Serif Condensed", 3, notes=[(1, note("Đ/c Hưng xem, báo cáo", x=1400, y=140, angle=-2))]),
        D(BTG_PT, "TB", 163, (2019, 8, 21), "nội dung sinh hoạt chi bộ tháng 9 năm 2019", BTG_PTB, "p-flush",
          "DejaVu Serif Condensed", 2),
        D(BTG_PT, "CV", 205, (2019, 10, 14), "góp ý dự thảo đề cương tuyên truyền năm 2020", BTG_PTB, "p-flush",
          "DejaVu Serif Condensed", 2, extra=dict(kinh_gui="Ban Tuyên giáo các huyện ủy, thị ủy, thành ủy")),
    ])

    # hs-09: typed commune papers 1992-1996, a photocopied G4 TIFF, heavy wear, one page upside down
    hoso("hs-09-dang-uy-xa-hoang-van-thu-1994", one_file("dang-uy-xa.tif", "g4", "1",
                                                         wear={1: ["photocopy", "punch_holes"], 2: ["photocopy"],
                                                               3: ["photocopy", "blur"], 4: ["faded", "salt_pepper"],
                                                               5: ["photocopy", "noise"], "upside": (4,)},
                                                         skew={1: 2.1, 2: -1.6, 3: 1.2, 5: -2.4}), [
        D(DU_HVT, "NQ", 4, (1992, 1, 9), "về nhiệm vụ trọng tâm năm 1992", HVT_BT, "p-typed-elite", "Noto Sans Mono",
          4, date_style="dashed"),
        D(DU_HVT, "BC", 15, (1994, 7, 2), "kết quả 6 tháng đầu năm 1994", HVT_BT, "p-typed-elite",
          "Noto Sans Mono", 3, date_style="dashed",
          notes=[(1, note("Lưu hồ sơ", x=1700, y=3330, angle=6, size=60, underline=True))]),
        D(DU_HVT, "KH", 21, (1996, 3, 30), "tổ chức đại hội chi bộ các thôn nhiệm kỳ 1996 - 1998", HVT_BT,
          "p-typed-elite", "Noto Sans Mono", 2, date_style="words"),
    ])
    return p.docs, p.plan
