"""sealed6: the sealed part of the eval6 set (13 hồ sơ), never tuned on. Invented wording, issuers
and people, written from DESIGN.md §3 and the reference texts; it shares no issuer, signer,
sentence, trích yếu, codename or stamp with tune6 nor with the earlier parts. Do not read this
file, the part's pages or its truth when writing or adjusting the understanding code: see
sample-scans/eval6/README.md.
"""

from build6 import Maker, Plan, note, one_file, per_doc, per_page, signer, stamp

NEVER_TUNE = True
PART = "sealed6"

BOX_JSON = {
    "ma_co_quan_luu_tru": "H48",
    "ma_phong": "08",
    "ten_phong": "Phông tài liệu đánh giá eval6 (phần sealed6)",
    "hop_so": "801",
    "don_vi_so_hoa": "Nhóm phát triển sohoa",
    "nguoi_so_hoa": "Bộ sinh mẫu đánh giá eval6",
}

BANK = [
    "Diện tích cà phê tái canh trong năm vượt kế hoạch, phần lớn dùng giống ghép năng suất cao.",
    "Nguồn nước tưới mùa khô ở các buôn vùng xa bị thiếu hụt nghiêm trọng, nhiều hồ chứa cạn kiệt.",
    "Các già làng, người có uy tín trong buôn được mời tham dự hội nghị phổ biến chủ trương mới.",
    "Công tác quản lý hộ khẩu và cấp chứng minh nhân dân cho đồng bào ở vùng sâu được đẩy nhanh.",
    "Ngư dân được hỗ trợ đóng mới tàu công suất lớn để vươn khơi bám biển dài ngày.",
    "Tình trạng xâm nhập mặn vào sâu trong nội đồng đã làm thiệt hại một phần diện tích lúa đông xuân.",
    "Các chùa Khơme được hỗ trợ kinh phí tu bổ trường dạy chữ cho con em đồng bào.",
    "Đội ngũ báo cáo viên cơ sở được bổ sung, định kỳ cung cấp thông tin thời sự cho đảng viên.",
    "Việc xét kết nạp đảng viên là người dân tộc thiểu số, người có đạo được quan tâm hơn trước.",
    "Số hộ dùng điện lưới quốc gia ở các xã biên giới tăng nhanh so với đầu nhiệm kỳ.",
    "Công trình nước sạch tập trung ở một số thôn đã xuống cấp nhưng chưa có kinh phí sửa chữa.",
    "Các cấp ủy chưa kiên quyết xử lý những đảng viên vi phạm kỷ luật về sinh con thứ ba.",
    "Tài liệu gửi đến các chi bộ phải có sổ chuyển giao, ký nhận rõ ràng giữa các bên.",
    "Hệ thống loa truyền thanh ở các ấp được nâng cấp, phát thêm chương trình bằng tiếng dân tộc.",
    "Giá thu mua mía nguyên liệu giảm mạnh khiến đời sống một bộ phận nông dân gặp khó khăn.",
    "Mô hình tổ tự quản về an ninh trật tự ở khu dân cư phát huy tác dụng rõ rệt.",
    "Các đoàn kiểm tra đã chỉ ra nhiều sai sót trong việc ghi chép biên bản sinh hoạt chi bộ.",
    "Lực lượng công an xã được bố trí chính quy về địa bàn trọng điểm theo đúng lộ trình.",
    "Nhà văn hóa cộng đồng được xây dựng theo kiểu nhà dài truyền thống, phù hợp phong tục của đồng bào.",
    "Thực hiện tinh giản biên chế, các cơ quan đã sắp xếp lại vị trí việc làm cho phù hợp.",
    "Sản lượng khai thác hải sản tăng nhưng việc bảo quản sau thu hoạch vẫn còn lạc hậu.",
    "Ban Chỉ đạo các cấp họp định kỳ mỗi tháng một lần để kiểm điểm tiến độ công việc.",
    "Hợp tác xã dịch vụ thủy lợi thu thủy lợi phí đạt thấp, chưa đủ bù đắp chi phí vận hành.",
    "Cán bộ được cử đi học lý luận chính trị cao cấp phải cam kết công tác tại địa phương ít nhất năm năm.",
    "Đội văn nghệ quần chúng của các bản tham gia hội diễn và đạt nhiều giải cao.",
    "Kho lưu trữ của cơ quan đang quá tải, nhiều tài liệu chưa được chỉnh lý hoàn chỉnh.",
    "Những vướng mắc trong bồi thường, hỗ trợ tái định cư được giải quyết dứt điểm từng trường hợp.",
    "Tỷ lệ đảng viên là nữ và đảng viên trẻ tuổi trong các chi bộ nông thôn còn thấp.",
    "Phiên chợ vùng cao là nơi giao lưu văn hóa, trao đổi hàng hóa của đồng bào các dân tộc.",
    "Công tác phòng, chống dịch tả lợn và cúm gia cầm được triển khai quyết liệt ngay từ đầu năm.",
    "Chính quyền các cấp tiếp tục rà soát, thu hồi diện tích đất nông, lâm trường sử dụng sai mục đích.",
    "Việc chi trả chế độ cho người có công được thực hiện kịp thời, không để xảy ra sai sót.",
    "Nhiều đảng viên cao tuổi tích cực tham gia hòa giải mâu thuẫn trong dòng họ, xóm ấp.",
    "Từ nay đến cuối năm, cần tập trung hoàn thành dứt điểm các công trình chuyển tiếp.",
    "Chất lượng thẩm định đề án của các cơ quan tham mưu đôi lúc còn hình thức, thiếu chiều sâu.",
    "Trường phổ thông dân tộc bán trú được đầu tư thêm nhà ăn và khu ở cho học sinh.",
    "Phong trào hiến đất mở đường giao thông nông thôn lan rộng ra nhiều thôn, bản.",
    "Các văn bản đến phải được đăng ký vào sổ và trình người có thẩm quyền xử lý trong ngày.",
    "Hằng quý, Thường trực nghe các ban báo cáo tiến độ và cho ý kiến chỉ đạo cụ thể.",
    "Nhu cầu vốn vay để chuyển đổi cơ cấu cây trồng của nông dân là rất lớn.",
]

SECRET_VX = [
    "Danh sách cán bộ được giới thiệu bổ sung cấp ủy khóa mới mang mật danh VX-3186 và chỉ in ba bản.",
    "Thường vụ thống nhất chưa công bố việc điều động này trước hội nghị Ban Chấp hành tháng tới.",
    "Các huyện ủy không lưu bản sao, đọc xong gửi trả lại Văn phòng bằng đường giao liên riêng.",
]
SECRET_MT = [
    "Phương án phòng ngừa các hoạt động gây rối ở vùng giáp ranh được mã hóa là MT-7741.",
    "Lực lượng nắm tình hình được bố trí tại các phum, sóc trọng điểm trong thời gian diễn ra lễ hội.",
    "Mọi thông tin liên quan chỉ báo cáo trực tiếp đồng chí Bí thư và đồng chí Chỉ huy trưởng.",
]
SECRET_RB = [
    "Hồ sơ xác minh đơn tố cáo đối với cán bộ diện Ban Thường vụ quản lý được ký hiệu RB-5520.",
    "Các đồng chí trong tổ xác minh không trao đổi nội dung này với cơ quan, đơn vị nơi công tác.",
    "Tài liệu đối chiếu tài sản, thu nhập của người bị tố cáo được niêm phong sau mỗi buổi làm việc.",
]
SECRET_QK = [
    "Báo cáo đánh giá tư tưởng của cán bộ chủ chốt trong đợt sắp xếp tổ chức mang ký hiệu QK-9034.",
    "Nội dung ý kiến của từng đồng chí được ghi nguyên văn và không phổ biến ra ngoài Thường vụ.",
    "Biên bản cuộc họp giao đồng chí Chánh Văn phòng giữ trong tủ tài liệu có khóa riêng.",
]
SECRET_HL = [
    "Vị trí các kho lương thực và thuốc men dự trữ phục vụ tác chiến được ghi theo mật danh HL-2668.",
    "Đường vận chuyển dự phòng đi qua các bản phía tây chỉ được sử dụng khi có lệnh của Thường vụ.",
    "Các xã được giao nhiệm vụ cất giấu hàng phải giữ bí mật tuyệt đối với người ngoài địa phương.",
]

STYLE = dict(
    endings={
        "NQ": "Các tổ chức đảng và đảng viên có trách nhiệm tổ chức thực hiện thắng lợi Nghị quyết này./.",
        "CT": "Các đảng ủy, chi bộ cơ sở quán triệt sâu sắc và tổ chức thực hiện tốt Chỉ thị này./.",
        "TT": "Nội dung Thông tri được phổ biến rộng rãi đến đảng viên và quần chúng./.",
        "KH": "Trên đây là Kế hoạch của {org}, đề nghị các tổ chức đảng tổ chức thực hiện có hiệu quả./.",
        "CTrHĐ": "Các cấp ủy căn cứ Chương trình hành động này xây dựng kế hoạch cụ thể của đơn vị mình./.",
        "BC": "{org} báo cáo để cấp trên biết, chỉ đạo./.",
        "HD": "{org} hướng dẫn để các cấp ủy, tổ chức đảng thực hiện./.",
        "KL": "Các cơ quan, đơn vị được giao nhiệm vụ nghiêm túc triển khai nội dung kết luận trên./.",
        "TB": "{org} thông báo để các cấp ủy, tổ chức đảng được biết./.",
        "ĐA": "Các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ phối hợp triển khai Đề án có hiệu quả./.",
        "TTr": "Kính đề nghị Ban Thường vụ xem xét, quyết định./.",
        "CV": "Đề nghị các cơ quan, đơn vị khẩn trương triển khai, báo cáo kết quả đúng thời hạn./.",
        "*": "Đề nghị các đơn vị triển khai thực hiện./.",
    },
    heads={
        "NQ": ["I. TÌNH HÌNH THỰC HIỆN THỜI GIAN QUA", "II. PHƯƠNG HƯỚNG, MỤC TIÊU", "III. NHỮNG GIẢI PHÁP CHỦ YẾU",
               "IV. TỔ CHỨC THỰC HIỆN"],
        "KH": ["I. MỤC ĐÍCH - YÊU CẦU", "II. NỘI DUNG, THỜI GIAN THỰC HIỆN", "III. TỔ CHỨC THỰC HIỆN"],
        "CTrHĐ": ["I. MỤC TIÊU CHUNG", "II. NHIỆM VỤ, GIẢI PHÁP CỤ THỂ", "III. TRÁCH NHIỆM THỰC HIỆN"],
        "BC": ["I. ĐẶC ĐIỂM TÌNH HÌNH", "II. KẾT QUẢ ĐẠT ĐƯỢC", "III. NHỮNG KHUYẾT ĐIỂM, HẠN CHẾ",
               "IV. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI"],
        "HD": ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG HƯỚNG DẪN", "III. TỔ CHỨC THỰC HIỆN"],
        "ĐA": ["Phần I. CĂN CỨ XÂY DỰNG ĐỀ ÁN", "Phần II. THỰC TRẠNG", "Phần III. MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP",
               "Phần IV. TỔ CHỨC THỰC HIỆN"],
        "*": ["1. Mục đích", "2. Nội dung", "3. Thực hiện"],
    },
    party_can_cu=["- Căn cứ Điều lệ Đảng Cộng sản Việt Nam và các quy định thi hành Điều lệ;"],
    exec_fmt="%s căn cứ Quyết định thi hành./.",
    exec_default="Các tổ chức đảng, cơ quan liên quan và các đồng chí có tên tại Điều 1",
    kinh_gui_default="Các tổ chức cơ sở đảng",
)


def state_can_cu(year):
    if year >= 2016:
        law = "Căn cứ Luật Tổ chức chính quyền địa phương số 77/2015/QH13;"
    elif year >= 2004:
        law = "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân số 11/2003/QH11;"
    elif year >= 1995:
        law = "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân (sửa đổi) ngày 21/6/1994;"
    elif year >= 1984:
        law = "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân được Quốc hội thông qua ngày 30/6/1983;"
    else:
        law = "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban hành chính các cấp ngày 27/10/1962;"
    return law


def _state(xet):
    return lambda year: [state_can_cu(year), xet]


# ---- issuers ---------------------------------------------------------------------------

HU_KP = dict(fmt="party", superior=["ĐẢNG BỘ TỈNH ĐẮK LẮK"], lines=["HUYỆN ỦY KRÔNG PẮC"], full="Huyện ủy Krông Pắc",
             cap_tren="Đảng bộ tỉnh Đắk Lắk", abbr="HU", place="Krông Pắc", short="Huyện ủy",
             seal="HUYỆN ỦY KRÔNG PẮC * TỈNH ĐẮK LẮK *", qd_head="BAN THƯỜNG VỤ HUYỆN ỦY",
             noi_nhan=["- Tỉnh ủy Đắk Lắk (báo cáo),", "- Các đảng bộ, chi bộ cơ sở,", "- Các đồng chí Huyện ủy viên,",
                       "- Lưu Văn phòng Huyện ủy."])
UB_KP = dict(fmt="state", lines=["ỦY BAN NHÂN DÂN", "HUYỆN KRÔNG PẮC"], full="Ủy ban nhân dân huyện Krông Pắc",
             abbr="UBND", cv_abbr="UBND-KT", place="Krông Pắc", short="Ủy ban nhân dân huyện",
             seal="ỦY BAN NHÂN DÂN HUYỆN KRÔNG PẮC *", qd_head="ỦY BAN NHÂN DÂN HUYỆN KRÔNG PẮC",
             can_cu=_state("Xét đề nghị của Trưởng phòng Tài nguyên và Môi trường huyện,"),
             noi_nhan=["- Như Điều 3;", "- Thường trực Huyện ủy;", "- Thường trực HĐND huyện;", "- Lưu: VT, TNMT."])
BTG_MC = dict(fmt="party", superior=["ĐẢNG BỘ TỈNH ĐIỆN BIÊN", "HUYỆN ỦY MƯỜNG CHÀ"], lines=["BAN TUYÊN GIÁO"],
              full="Ban Tuyên giáo Huyện ủy Mường Chà", cap_tren="Huyện ủy Mường Chà", abbr="BTGHU", place="Mường Chà",
              short="Ban Tuyên giáo Huyện ủy", seal="BAN TUYÊN GIÁO HUYỆN ỦY MƯỜNG CHÀ *",
              qd_head="BAN TUYÊN GIÁO HUYỆN ỦY",
              noi_nhan=["- Ban Tuyên giáo Tỉnh ủy (b/c),", "- Thường trực Huyện ủy (b/c),", "- Các tổ chức cơ sở đảng,",
                        "- Lưu BTG."])
UBKT_MC = dict(fmt="party", superior=["ĐẢNG BỘ TỈNH ĐIỆN BIÊN", "HUYỆN ỦY MƯỜNG CHÀ"], lines=["ỦY BAN KIỂM TRA"],
               full="Ủy ban Kiểm tra Huyện ủy Mường Chà", cap_tren="Huyện ủy Mường Chà", abbr="UBKTHU",
               place="Mường Chà", short="Ủy ban Kiểm tra Huyện ủy", seal="ỦY BAN KIỂM TRA HUYỆN ỦY MƯỜNG CHÀ *",
               qd_head="ỦY BAN KIỂM TRA HUYỆN ỦY",
               noi_nhan=["- Thường trực Huyện ủy (b/c),", "- Chi bộ có đảng viên vi phạm,", "- Lưu hồ sơ UBKT."])
TU_HNN = dict(fmt="party", lines=["TỈNH ỦY HÀ NAM NINH"], full="Tỉnh ủy Hà Nam Ninh", abbr="TU", place="Nam Định",
              short="Tỉnh ủy", seal="TỈNH ỦY HÀ NAM NINH * ĐẢNG CỘNG SẢN VIỆT NAM *", qd_head="BAN THƯỜNG VỤ TỈNH ỦY",
              noi_nhan=["- Ban Bí thư (để báo cáo),", "- Các đồng chí Tỉnh ủy viên,", "- Các huyện, thành, thị ủy,",
                        "- Lưu."])
UB_PK = dict(fmt="state", lines=["ỦY BAN NHÂN DÂN", "TỈNH PHÚ KHÁNH"], full="Ủy ban nhân dân tỉnh Phú Khánh",
             abbr="UB", cv_abbr="UB-NN", place="Nha Trang", short="Ủy ban nhân dân tỉnh",
             seal="ỦY BAN NHÂN DÂN TỈNH PHÚ KHÁNH *", qd_head="ỦY BAN NHÂN DÂN TỈNH PHÚ KHÁNH",
             can_cu=_state("Xét đề nghị của đồng chí Giám đốc Sở Thủy sản,"),
             noi_nhan=["- Như Điều 3,", "- Thường trực Tỉnh ủy,", "- Lưu VP."])
TU_ST = dict(fmt="party", lines=["TỈNH ỦY SÓC TRĂNG"], full="Tỉnh ủy Sóc Trăng", abbr="TU", place="Sóc Trăng",
             short="Tỉnh ủy", seal="TỈNH ỦY SÓC TRĂNG * ĐẢNG CỘNG SẢN VIỆT NAM *", qd_head="BAN THƯỜNG VỤ TỈNH ỦY",
             noi_nhan=["- Ban Bí thư (b/c),", "- Ban Chỉ đạo Tây Nam Bộ (b/c),", "- Các huyện ủy, thị ủy,",
                       "- Lưu Văn phòng Tỉnh ủy."])
UB_ST = dict(fmt="state", lines=["ỦY BAN NHÂN DÂN", "TỈNH SÓC TRĂNG"], full="Ủy ban nhân dân tỉnh Sóc Trăng",
             abbr="UBND", cv_abbr="UBND-VX", place="Sóc Trăng", short="Ủy ban nhân dân tỉnh",
             seal="ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG *", qd_head="ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG",
             can_cu=_state("Theo đề nghị của Trưởng Ban Dân tộc tỉnh,"),
             noi_nhan=["- Như Điều 3;", "- TT. Tỉnh ủy, TT. HĐND tỉnh;", "- Lưu: VT, HC."])
SYT_ST = dict(fmt="state", superior=["UBND TỈNH SÓC TRĂNG"], lines=["SỞ Y TẾ"], full="Sở Y tế tỉnh Sóc Trăng",
              cap_tren="Ủy ban nhân dân tỉnh Sóc Trăng", abbr="SYT", cv_abbr="SYT-NVY", place="Sóc Trăng",
              short="Sở Y tế", seal="SỞ Y TẾ * TỈNH SÓC TRĂNG *", qd_head="GIÁM ĐỐC SỞ Y TẾ",
              can_cu=_state("Xét đề nghị của Chánh Văn phòng Sở,"),
              noi_nhan=["- Như trên;", "- Ban Giám đốc Sở;", "- Lưu: VT, NVY."])
UBKT_QN = dict(fmt="party", superior=["TỈNH ỦY QUẢNG NAM"], lines=["ỦY BAN KIỂM TRA"],
               full="Ủy ban Kiểm tra Tỉnh ủy Quảng Nam", cap_tren="Tỉnh ủy Quảng Nam", abbr="UBKTTU", place="Tam Kỳ",
               short="Ủy ban Kiểm tra Tỉnh ủy", seal="ỦY BAN KIỂM TRA TỈNH ỦY QUẢNG NAM *",
               qd_head="ỦY BAN KIỂM TRA TỈNH ỦY",
               noi_nhan=["- Ban Thường vụ Tỉnh ủy (b/c),", "- Các huyện ủy, thị ủy,", "- Lưu Văn phòng UBKT."])
DU_UBKT = dict(fmt="party", lines=["ĐẢNG ỦY CƠ QUAN", "ỦY BAN KIỂM TRA TW"], full="Đảng ủy cơ quan Ủy ban Kiểm tra TW",
               abbr="ĐU", place="Hà Nội", short="Đảng ủy cơ quan",
               seal="ĐẢNG ỦY CƠ QUAN ỦY BAN KIỂM TRA TRUNG ƯƠNG *", qd_head="ĐẢNG ỦY CƠ QUAN",
               noi_nhan=["- Đảng ủy Khối các cơ quan (để b/c),", "- Thường trực Ủy ban (để b/c),",
                         "- Các chi bộ trực thuộc,", "- Lưu Văn phòng Đảng ủy."])
DU_QHa = dict(fmt="party", superior=["ĐẢNG BỘ HUYỆN QUỲNH PHỤ"], lines=["ĐẢNG ỦY XÃ QUỲNH HẢI"],
              full="Đảng ủy xã Quỳnh Hải", cap_tren="Đảng bộ huyện Quỳnh Phụ", abbr="ĐU", place="Quỳnh Hải",
              short="Đảng ủy xã", seal="ĐẢNG ỦY XÃ QUỲNH HẢI * HUYỆN QUỲNH PHỤ *", qd_head="BAN THƯỜNG VỤ ĐẢNG ỦY",
              noi_nhan=["- Ban Thường vụ Huyện ủy (b/c),", "- Các chi bộ,", "- Lưu VP."])
HU_CD = dict(fmt="party", superior=["ĐẢNG BỘ TỈNH BẮC KẠN"], lines=["HUYỆN ỦY CHỢ ĐỒN"], full="Huyện ủy Chợ Đồn",
             cap_tren="Đảng bộ tỉnh Bắc Kạn", abbr="HU", place="Chợ Đồn", short="Huyện ủy",
             seal="HUYỆN ỦY CHỢ ĐỒN * TỈNH BẮC KẠN *", qd_head="BAN THƯỜNG VỤ HUYỆN ỦY",
             noi_nhan=["- Thường trực Tỉnh ủy (b/c),", "- Các đảng bộ xã, thị trấn,", "- Lưu."])
HU_LSo = dict(fmt="party", superior=["ĐẢNG BỘ TỈNH HÒA BÌNH"], lines=["HUYỆN ỦY LẠC SƠN"], full="Huyện ủy Lạc Sơn",
              cap_tren="Đảng bộ tỉnh Hòa Bình", abbr="HU", place="Lạc Sơn", short="Huyện ủy",
              seal="HUYỆN ỦY LẠC SƠN * TỈNH HÒA BÌNH *", qd_head="BAN THƯỜNG VỤ HUYỆN ỦY",
              noi_nhan=["- Ban Thường vụ Tỉnh ủy (b/c),", "- Các tổ chức cơ sở đảng,", "- Lưu Văn phòng."])
UB_LSo = dict(fmt="state", lines=["ỦY BAN NHÂN DÂN", "HUYỆN LẠC SƠN"], full="Ủy ban nhân dân huyện Lạc Sơn",
              abbr="UBND", cv_abbr="UBND-VP", place="Lạc Sơn", short="Ủy ban nhân dân huyện",
              seal="ỦY BAN NHÂN DÂN HUYỆN LẠC SƠN *", qd_head="ỦY BAN NHÂN DÂN HUYỆN LẠC SƠN",
              can_cu=_state("Xét đề nghị của Trưởng phòng Văn hóa và Thông tin huyện,"),
              noi_nhan=["- Như Điều 3;", "- TT Huyện ủy;", "- Lưu: VT."])
DUK_LA = dict(fmt="party", superior=["ĐẢNG BỘ TỈNH LONG AN"], lines=["ĐẢNG ỦY KHỐI CÁC", "CƠ QUAN TỈNH"],
              full="Đảng ủy Khối các cơ quan tỉnh Long An", cap_tren="Đảng bộ tỉnh Long An", abbr="ĐUK",
              place="Tân An", short="Đảng ủy Khối", seal="ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH LONG AN *",
              qd_head="BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI",
              noi_nhan=["- Thường trực Tỉnh ủy (b/c),", "- Các tổ chức cơ sở đảng trực thuộc,", "- Lưu VP ĐUK."])
CB_KL = dict(fmt="party", superior=["ĐẢNG ỦY XÃ MỎ VÀNG"], lines=["CHI BỘ THÔN KHE LÓNG"], full="Chi bộ thôn Khe Lóng",
             cap_tren="Đảng ủy xã Mỏ Vàng", abbr="CB", place="Mỏ Vàng", short="Chi bộ",
             seal="ĐẢNG ỦY XÃ MỎ VÀNG * HUYỆN VĂN YÊN *", qd_head="CHI BỘ THÔN KHE LÓNG",
             noi_nhan=["- Đảng ủy xã (b/c),", "- Đảng viên trong chi bộ,", "- Lưu chi bộ."])

# ---- signers ---------------------------------------------------------------------------

S = signer
KP_BT = S("Y Khuê Byă", "BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
KP_PBT = S("H'Liên Niê", "PHÓ BÍ THƯ", ["K/T BÍ THƯ"])
UBKP_PCT = S("Phù Quốc Thắng", "PHÓ CHỦ TỊCH", ["KT. CHỦ TỊCH"])
MC_TB = S("Giàng A Chu", "TRƯỞNG BAN")
MC_PTB = S("Lò Thị Xuân Phương", "PHÓ TRƯỞNG BAN", ["K/T TRƯỞNG BAN"])
MC_CN = S("Sùng A Dế", "CHỦ NHIỆM", ["T/M ỦY BAN KIỂM TRA"])
HNN_BT = S("Phí Văn Đoan", "BÍ THƯ", ["T/M TỈNH ỦY"])
HNN_PBT = S("Tống Thị Nhuần", "PHÓ BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
HNN_VP = S("Khiếu Đình Thụ", "CHÁNH VĂN PHÒNG", ["T/L BAN THƯỜNG VỤ"])
PK_CT = S("Khúc Văn Thảo", "CHỦ TỊCH", ["T/M ỦY BAN NHÂN DÂN"])
PK_PCT = S("Âu Dương Văn Lễ", "PHÓ CHỦ TỊCH", ["K/T CHỦ TỊCH"])
ST_BT = S("Thạch Sà Rết", "BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
ST_PBT = S("Lâm Thị Sa Ri", "PHÓ BÍ THƯ", ["K/T BÍ THƯ"])
ST_CVP = S("Danh Sóc Khem", "CHÁNH VĂN PHÒNG", ["T/L BAN THƯỜNG VỤ"])
UBST_CT = S("Triệu Quang Vĩnh", "CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN"])
UBST_PCT = S("Sơn Thị Chanh Đa", "PHÓ CHỦ TỊCH", ["KT. CHỦ TỊCH"])
SYT_GD = S("Nguyễn Trần Bảo Ngọc", "GIÁM ĐỐC")
SYT_PGD = S("Mã Thị Cẩm Tú", "PHÓ GIÁM ĐỐC", ["KT. GIÁM ĐỐC"])
QN_CN = S("Ông Văn Tiến", "CHỦ NHIỆM", ["T/M ỦY BAN KIỂM TRA"])
QN_PCN = S("Từ Thị Lệ Thu", "PHÓ CHỦ NHIỆM", ["K/T CHỦ NHIỆM"])
UBKT_BT = S("Doãn Minh Tuệ", "BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
UBKT_PBT = S("Lạc Thị Thu Trang", "PHÓ BÍ THƯ", ["K/T BÍ THƯ"])
QH_BT = S("Vũ Văn Thiềng", "BÍ THƯ", ["T/M ĐẢNG ỦY"])
QH_PBT = S("Bùi Thị Nhạn", "PHÓ BÍ THƯ", ["K/T BÍ THƯ"])
CD_BT = S("Lục Văn Sào", "BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
CD_PBT = S("Hoàng Thị Slao", "PHÓ BÍ THƯ", ["K/T BÍ THƯ"])
LSo_BT = S("Quách Công Thịnh", "BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
UBLSo_CT = S("Bùi Thị Chiêng", "CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN"])
UBLSo_PCT = S("Đinh Công Sứ", "PHÓ CHỦ TỊCH", ["KT. CHỦ TỊCH"])
LA_BT = S("Châu Văn Hên", "BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
LA_PBT = S("Nguyễn Thị Bạch Tuyết", "PHÓ BÍ THƯ", ["K/T BÍ THƯ"])
KL_BT = S("Bàn Văn Sinh", "BÍ THƯ", ["T/M CHI BỘ"])


def documents():
    D = Maker(PART, BANK, STYLE)
    p = Plan()
    hoso = p.hoso

    # s01: a long programme of Huyện ủy Krông Pắc, its closing block alone on its last page, then a
    # State decision of the district, then a report; colour image-only PDF at 200 dpi
    hoso("hs-01-krong-pac-2008", one_file("krong-pac.pdf", "pdf", "RGB",
                                          wear={3: ["noise"], 7: ["faded"], 11: ["noise"]},
                                          skew={1: -0.5, 4: 0.8, 8: -1.0, 12: 0.6}, dpi=200), [
        D(HU_KP, "CTrHĐ", 21, (2008, 4, 22), "thực hiện Nghị quyết Hội nghị lần thứ bảy Ban Chấp hành Trung ương "
          "khóa X về nông nghiệp, nông dân, nông thôn trên địa bàn huyện", KP_BT, "p-hd36", "Noto Serif", 56,
          closing="ownpage"),
        D(UB_KP, "QĐ", 1277, (2008, 5, 13), "phê duyệt phương án tái canh cây cà phê tại các xã phía đông huyện",
          UBKP_PCT, "s-nd30", "Noto Serif", 2, date_style="padded",
          extra=dict(executors="Chánh Văn phòng Ủy ban nhân dân huyện, Trưởng phòng Nông nghiệp và Phát triển nông thôn, Chủ tịch Ủy ban nhân dân các xã có tên")),
        D(HU_KP, "BC", 64, (2008, 12, 9), "kết quả lãnh đạo thực hiện nhiệm vụ chính trị năm 2008", KP_PBT, "p-hd36",
          "Noto Serif", 7, seal_at="name"),
    ])

    # s02: Ban Tuyên giáo and Ủy ban Kiểm tra of Huyện ủy Mường Chà, three-line headers, one G4 file
    hoso("hs-02-muong-cha-2013", one_file("muong-cha.tif", "g4", "1",
                                          wear={1: ["noise"], 4: ["salt_pepper"], 7: ["noise"]},
                                          skew={1: 0.9, 3: -1.2, 5: 0.4, 8: -0.5}), [
        D(BTG_MC, "HD", 7, (2012, 3, 14), "tuyên truyền kỷ niệm ngày Chiến thắng Điện Biên Phủ trong các bản vùng cao",
          MC_TB, "p-three", "FreeSerif", 5, stamp=stamp("ĐẢNG ỦY XÃ SA LÔNG", "35", "19/3/2012")),
        D(UBKT_MC, "QĐ", 16, (2012, 10, 30), "về việc kiểm tra tài chính đảng tại các đảng ủy xã", MC_CN, "p-three",
          "FreeSerif", 1, extra=dict(can_cu=["- Căn cứ chương trình kiểm tra, giám sát năm 2012 của Ủy ban Kiểm tra;"],
                                    executors="Các đồng chí trong đoàn kiểm tra và các đảng ủy xã có tên")),
        D(BTG_MC, "BC", 22, (2013, 6, 12), "tình hình tư tưởng của cán bộ, đảng viên và nhân dân sáu tháng đầu năm 2013",
          MC_PTB, "p-three", "FreeSerif", 6, closing="ownpage"),
        D(BTG_MC, "KH", 29, (2014, 2, 17), "mở lớp bồi dưỡng tiếng Mông cho cán bộ tuyên giáo cơ sở", MC_PTB,
          "p-three", "FreeSerif", 3, notes=[(1, note("Gửi các xã", x=1560, y=140, angle=4))]),
    ])

    # s03: typewritten Tỉnh ủy Hà Nam Ninh 1976-1990 in the old style (date under the số, flush left);
    # one TỐI MẬT + KHẨN (black frames); photocopied G4 file
    hoso("hs-03-ha-nam-ninh-1984", one_file("ha-nam-ninh.tif", "g4", "1",
                                            wear={1: ["photocopy"], 2: ["photocopy"], 4: ["faded"],
                                                  6: ["photocopy", "salt_pepper"], 8: ["photocopy"]},
                                            skew={1: -1.4, 3: 1.9, 5: -0.8, 7: 2.3, 9: -1.6}), [
        D(TU_HNN, "TT", 8, (1976, 11, 5), "về việc tổ chức học tập Nghị quyết Đại hội lần thứ IV của Đảng", HNN_PBT,
          "p-typed-left", "Noto Mono", 4, date_style="dashed"),
        D(TU_HNN, "BC", 112, (1979, 2, 26), "tình hình bố trí kho tàng và lực lượng dự bị ở các huyện phía tây",
          HNN_BT, "p-typed-left", "Noto Mono", 3, date_style="dashed", do_mat="TỐI MẬT", do_khan="KHẨN",
          mark_colour="black", codename="HL-2668", bank=SECRET_HL),
        D(TU_HNN, "NQ", 15, (1985, 7, 18), "về nhiệm vụ phát triển tiểu thủ công nghiệp và ngành nghề truyền thống",
          HNN_BT, "p-typed-left", "Noto Mono", 5, date_style="words"),
        D(TU_HNN, "TB", 230, (1990, 9, 3), "ý kiến của Thường vụ về việc chuẩn bị văn kiện đại hội đảng bộ tỉnh",
          HNN_VP, "p-typed-left", "Noto Mono", 2, date_style="dashed"),
    ])

    # s04: typewritten State decisions of Phú Khánh 1979-1988, national motto across the top;
    # gray JPEG per page at 200 dpi
    hoso("hs-04-ubnd-phu-khanh-1983", per_page([("jpeg", "L")], wear={1: ["aged_paper"], 3: ["faded"], 5: ["blur"]},
                                               skew={1: 1.0, 2: -1.2, 4: 0.6, 6: -0.3}, dpi=200), [
        D(UB_PK, "QĐ", 388, (1979, 8, 14), "về việc thành lập Hợp tác xã nghề cá Vĩnh Lương", PK_CT, "s-typed-top",
          "FreeMono", 2, date_style="dashed"),
        D(UB_PK, "CV", 1150, (1983, 5, 9), "chuẩn bị phòng chống bão lụt năm 1983 ở các huyện ven biển", PK_PCT,
          "s-typed-top", "FreeMono", 2, date_style="dashed",
          extra=dict(kinh_gui="UBND các huyện ven biển và thị xã Nha Trang"), noi_nhan=["- Như trên,", "- Lưu."]),
        D(UB_PK, "TB", 46, (1986, 6, 17), "kết quả kiểm tra việc cấp phát xăng dầu cho các tàu đánh cá quốc doanh",
          PK_PCT, "s-typed-top", "FreeMono", 1, date_style="dashed", noi_nhan=["- Các huyện, thị xã,", "- Lưu."]),
        D(UB_PK, "QĐ", 72, (1988, 1, 28), "về việc giao kế hoạch thu mua hải sản xuất khẩu năm 1988", PK_PCT,
          "s-typed-top", "FreeMono", 2, date_style="words"),
    ])

    # s05: Tỉnh ủy Sóc Trăng 2003-2007, số on the issuer's row; a TUYỆT MẬT + HỎA TỐC (red marks);
    # colour JPEG per page at 200 dpi
    hoso("hs-05-tinh-uy-soc-trang-2005", per_page([("jpeg", "RGB")], wear={2: ["noise"], 5: ["faded"], 8: ["noise"]},
                                                  skew={1: -0.6, 3: 0.7, 6: -1.3, 9: 0.4}, dpi=200), [
        D(TU_ST, "NQ", 19, (2003, 7, 10), "về công tác vận động đồng bào Khơme giai đoạn 2003 - 2010", ST_BT,
          "p-inline", "FreeSerif", 8, seal_at="title"),
        D(TU_ST, "KH", 88, (2004, 4, 2), "bảo đảm an ninh trong dịp lễ Chôl Chnăm Thmây năm 2004", ST_BT, "p-inline",
          "FreeSerif", 3, do_mat="TUYỆT MẬT", do_khan="HỎA TỐC", mark_colour="red", codename="MT-7741",
          bank=SECRET_MT),
        D(TU_ST, "CT", 12, (2006, 3, 20), "về tăng cường công tác phát triển đảng viên trong đồng bào dân tộc",
          ST_PBT, "p-inline", "FreeSerif", 4, notes=[(1, note("Đ/c Kiệt nghiên cứu", x=1600, y=130, angle=-3))]),
        D(TU_ST, "TB", 541, (2007, 10, 26), "kết luận của Thường trực Tỉnh ủy về tiến độ xây dựng trường dân tộc "
          "nội trú", ST_CVP, "p-hd36", "FreeSerif", 2),
    ])

    # s06: UBND tỉnh and Sở Y tế Sóc Trăng, State format; công văn with V/v and Kính gửi lists, a
    # decision with its QUY CHẾ; gray PNG per page at 200 dpi
    hoso("hs-06-ubnd-soc-trang-2009", per_page([("png", "L")], wear={2: ["salt_pepper"], 5: ["noise"]},
                                               skew={1: 0.4, 3: -0.9, 6: 0.7}, dpi=200), [
        D(UB_ST, "QĐ", 905, (2009, 6, 18), "ban hành Quy chế phối hợp quản lý các trường dạy chữ Khơme trong chùa",
          UBST_CT, "s-nd30", "Liberation Serif", 1, date_style="padded",
          extra=dict(articles=["Nay ban hành Quy chế phối hợp quản lý các trường dạy chữ Khơme trong chùa, kèm theo Quyết định này.",
                               "Văn bản này được áp dụng sau mười ngày, tính từ ngày ký."],
                     executors="Chánh Văn phòng UBND tỉnh, Trưởng Ban Dân tộc, Giám đốc Sở Giáo dục và Đào tạo"),
          attachment=dict(kind="QUY CHẾ", title_lines=["QUY CHẾ"], sub_lines=[
              "phối hợp quản lý các trường dạy chữ Khơme trong chùa",
              "(Ban hành kèm theo Quyết định số 905/QĐ-UBND ngày 18/6/2009 của UBND tỉnh)"],
              body=[("h", "Chương I. PHẠM VI VÀ ĐỐI TƯỢNG"), ("p", "Điều 1. " + BANK[6] + " " + BANK[35]),
                    ("p", "Điều 2. " + BANK[37] + " " + BANK[12]), ("h", "Chương II. TRÁCH NHIỆM PHỐI HỢP"),
                    ("p", "Điều 3. " + BANK[38] + " " + BANK[21])])),
        D(SYT_ST, "CV", 764, (2009, 9, 3), "triển khai tiêm vắc xin phòng bệnh sởi cho trẻ em vùng đồng bào dân tộc",
          SYT_PGD, "s-cv", "Liberation Serif", 3,
          extra=dict(kinh_gui="- Trung tâm Y tế các huyện, thị xã;|- Bệnh viện Đa khoa tỉnh;|- Trung tâm Y tế dự phòng tỉnh."),
          noi_nhan=["- Như trên;", "- Giám đốc Sở (b/c);", "- Lưu: VT, NVY."]),
        D(UB_ST, "CV", 2871, (2010, 11, 15), "kiểm tra công tác văn thư, lưu trữ tại các sở, ngành năm 2010", UBST_PCT,
          "s-cv", "Liberation Serif", 2,
          extra=dict(kinh_gui="- Các sở, ban, ngành tỉnh;|- UBND các huyện, thị xã, thành phố."),
          noi_nhan=["- Như trên;", "- CT, các PCT UBND tỉnh;", "- Lưu: VT."]),
        D(SYT_ST, "QĐ", 318, (2011, 3, 7), "về việc thành lập Tổ chỉnh lý tài liệu tồn đọng của Sở Y tế", SYT_GD,
          "s-nd30", "Liberation Serif", 1,
          extra=dict(executors="Chánh Văn phòng Sở, Trưởng các phòng chức năng và các thành viên Tổ chỉnh lý")),
    ])

    # s07: Ủy ban Kiểm tra Tỉnh ủy Quảng Nam 1998-2002, bilevel G4 per document; receipt stamps; one
    # MẬT (black frame)
    hoso("hs-07-ubkt-quang-nam-2000", per_doc([("01.tif", "g4", "1"), ("02.tif", "g4", "1"), ("03.tif", "g4", "1"),
                                               ("04.tif", "g4", "1")],
                                              wear={1: ["photocopy"], 3: ["salt_pepper"], 5: ["photocopy"],
                                                    7: ["noise"]},
                                              skew={1: 1.3, 2: -0.5, 4: 0.8, 6: -1.7}), [
        D(UBKT_QN, "TB", 48, (1998, 9, 21), "kết quả giám sát chuyên đề việc quản lý đất công ích ở các xã", QN_PCN,
          "p-compact", "Liberation Serif", 4, stamp=stamp("HUYỆN ỦY ĐẠI LỘC", "203", "28/9/1998")),
        D(UBKT_QN, "BC", 95, (1999, 12, 14), "kết quả xác minh đơn tố cáo đối với cán bộ diện Ban Thường vụ quản lý",
          QN_CN, "p-compact", "Liberation Serif", 3, do_mat="MẬT", mark_colour="black", codename="RB-5520",
          bank=SECRET_RB),
        D(UBKT_QN, "QĐ", 131, (2001, 5, 8), "về việc thi hành kỷ luật bằng hình thức khiển trách", QN_CN, "p-compact",
          "Liberation Serif", 1, extra=dict(can_cu=["- Xét báo cáo của Đoàn kiểm tra số 2 ngày 20/4/2001,"],
                                           executors="Huyện ủy Quế Sơn và đảng viên có tên tại Điều 1"),
          stamp=stamp("ĐẢNG ỦY XÃ QUẾ XUÂN", "17", "14/5/2001")),
        D(UBKT_QN, "KL", 160, (2002, 8, 29), "về việc kiểm tra thực hiện nhiệm vụ kiểm tra của Huyện ủy Núi Thành",
          QN_CN, "p-compact", "Liberation Serif", 5),
    ])

    # s08: Đảng ủy cơ quan Ủy ban Kiểm tra TW 2016-2019: an Đề án with a title page and its PHỤ LỤC,
    # ĐẢNG CỘNG SẢN VIỆT NAM underlined with a long rule; one MẬT (red frame); colour PDF at 200 dpi
    hoso("hs-08-dang-uy-ubkt-tw-2017", one_file("du-ubkt.pdf", "pdf", "RGB",
                                                wear={2: ["noise"], 6: ["blur"]},
                                                skew={1: 0.3, 3: -0.7, 7: 0.5}, dpi=200), [
        D(DU_UBKT, "ĐA", 2, (2016, 9, 12), "xây dựng chi bộ trong sạch, vững mạnh gắn với thực hiện nhiệm vụ chuyên "
          "môn giai đoạn 2016 - 2020", UBKT_BT, "p-titlepage", "Noto Serif", 10,
          title_foot="Hà Nội, tháng 9 năm 2016",
          attachment=dict(kind="PHỤ LỤC", title_lines=["PHỤ LỤC"], sub_lines=[
              "TIÊU CHÍ ĐÁNH GIÁ CHI BỘ TRONG SẠCH, VỮNG MẠNH",
              "(Kèm theo Đề án số 2-ĐA/ĐU, ngày 12/9/2016 của Đảng ủy cơ quan)"],
              body=[("l", "1. Chi bộ duy trì sinh hoạt đủ mười hai kỳ trong năm."),
                    ("l", "2. Không có đảng viên bị xử lý kỷ luật từ khiển trách trở lên."),
                    ("l", "3. Hoàn thành các nhiệm vụ chuyên môn được lãnh đạo Ủy ban giao."),
                    ("l", "4. Thu nộp đảng phí đầy đủ, đúng thời hạn quy định.")])),
        D(DU_UBKT, "NQ", 31, (2017, 1, 16), "về lãnh đạo thực hiện nhiệm vụ chính trị năm 2017", UBKT_BT, "p-rule",
          "Noto Serif", 6),
        D(DU_UBKT, "BC", 47, (2018, 5, 22), "kết quả rà soát, sắp xếp cán bộ chủ chốt các vụ địa phương", UBKT_PBT,
          "p-rule", "Noto Serif", 3, do_mat="MẬT", mark_colour="red", codename="QK-9034", bank=SECRET_QK),
        D(DU_UBKT, "TB", 58, (2019, 2, 25), "lịch sinh hoạt chuyên đề của các chi bộ năm 2019", None, "p-rule",
          "Noto Serif", 2),
    ])

    # s09: typewritten Đảng ủy xã Quỳnh Hải 1991-1996 (elite pitch), one G4 file with a blank back
    # and a page upside down
    hoso("hs-09-dang-uy-xa-quynh-hai-1993", one_file("quynh-hai.tif", "g4", "1",
                                                     wear={1: ["photocopy", "punch_holes"], 2: ["faded"],
                                                           4: ["photocopy", "noise"], 6: ["salt_pepper"],
                                                           "upside": (5,)},
                                                     skew={1: 2.4, 2: -1.5, 4: 1.0, 6: -2.0, 8: 0.9}), [
        D(DU_QHa, "NQ", 3, (1991, 2, 4), "về phương hướng sản xuất vụ chiêm năm 1991", QH_BT, "p-typed-elite",
          "Noto Sans Mono", 4, date_style="dashed"),
        D(DU_QHa, "BC", 27, (1993, 6, 29), "tình hình thực hiện khoán sản phẩm đến hộ xã viên", QH_BT, "p-typed-elite",
          "Noto Sans Mono", 5, date_style="dashed", notes=[(1, note("Lưu VP", x=1800, y=3340, angle=7, size=60,
                                                                     underline=True))]),
        D(DU_QHa, "KH", 34, (1994, 10, 11), "tổ chức đợt sinh hoạt chính trị trong chi bộ các thôn", QH_PBT,
          "p-typed-elite", "Noto Sans Mono", 2, date_style="words"),
        D(DU_QHa, "TB", 41, (1996, 1, 8), "chuẩn bị đại hội đảng bộ xã nhiệm kỳ 1996 - 1998", QH_PBT, "p-typed-elite",
          "Noto Sans Mono", 2, date_style="dashed"),
    ], blank_after=[("sealed6-35", 1)])

    # s10: Huyện ủy Chợ Đồn 1997-2001, date on its own row; a notice without a closing block; gray
    # JPEG per page at 200 dpi
    hoso("hs-10-cho-don-1999", per_page([("jpeg", "L")], wear={2: ["noise"], 4: ["faded"], 7: ["salt_pepper"]},
                                        skew={1: -0.9, 3: 1.2, 5: -0.4, 8: 0.7}, dpi=200), [
        D(HU_CD, "NQ", 5, (1997, 8, 30), "về phát triển kinh tế đồi rừng và trồng cây quế, cây hồi", CD_BT, "p-below",
          "DejaVu Serif", 6),
        D(HU_CD, "KL", 17, (1998, 11, 3), "của Ban Thường vụ về tình hình khai thác vàng trái phép ở các xã phía bắc",
          CD_BT, "p-below", "DejaVu Serif", 3, stamp=stamp("ĐẢNG ỦY XÃ BẢN THI", "612", "9/11/1998")),
        D(HU_CD, "TB", 26, (2000, 5, 16), "danh sách cán bộ được cử đi học lớp trung cấp lý luận chính trị", None,
          "p-below", "DejaVu Serif", 2),
        D(HU_CD, "BC", 39, (2001, 12, 21), "tổng kết công tác kiểm tra, giám sát năm 2001", CD_PBT, "p-below",
          "DejaVu Serif", 5, seal_at="title"),
    ])

    # s11: Huyện ủy and UBND huyện Lạc Sơn 2008-2012, Party and State interleaved; one TỐI MẬT (red
    # frame); colour JPEG per page at 200 dpi
    hoso("hs-11-lac-son-2010", per_page([("jpeg", "RGB")], wear={3: ["noise"], 6: ["blur"]},
                                        skew={1: 0.6, 2: -0.4, 5: 1.1, 7: -0.8}, dpi=200), [
        D(HU_LSo, "CT", 9, (2008, 2, 19), "về bảo tồn và phát huy giá trị văn hóa Mường trong giai đoạn mới", LSo_BT,
          "p-hd36", "Liberation Serif", 4),
        D(UB_LSo, "QĐ", 1633, (2009, 7, 27), "về việc công nhận làng văn hóa năm 2009", UBLSo_CT, "s-below",
          "Liberation Serif", 2, date_style="padded",
          extra=dict(executors="Chánh Văn phòng Ủy ban nhân dân huyện, Trưởng phòng Văn hóa và Thông tin, Chủ tịch Ủy ban nhân dân các xã, thị trấn")),
        D(HU_LSo, "KH", 102, (2011, 3, 28), "bảo đảm hậu cần tại chỗ cho khu vực phòng thủ huyện", LSo_BT, "p-hd36",
          "Liberation Serif", 3, do_mat="TỐI MẬT", mark_colour="red", codename="VX-3186", bank=SECRET_VX),
        D(UB_LSo, "CV", 588, (2012, 6, 6), "tổ chức lễ hội Khai hạ năm 2012 tiết kiệm, an toàn", UBLSo_PCT, "s-cv",
          "Liberation Serif", 2, extra=dict(kinh_gui="- Phòng Văn hóa và Thông tin;|- UBND các xã, thị trấn."),
          noi_nhan=["- Như trên;", "- TT Huyện ủy (b/c);", "- Lưu: VT."]),
    ])

    # s12: Đảng ủy Khối các cơ quan tỉnh Long An 2013-2015, motto and date flush right; gray LZW TIFF
    # at 200 dpi
    hoso("hs-12-dang-uy-khoi-long-an-2014", one_file("duk-long-an.tif", "lzw", "L",
                                                     wear={2: ["noise"], 5: ["faded"]},
                                                     skew={1: -0.3, 3: 0.8, 6: -0.6}, dpi=200), [
        D(DUK_LA, "HD", 14, (2013, 11, 25), "kiểm điểm, đánh giá chất lượng tổ chức cơ sở đảng năm 2013", LA_PBT,
          "p-flush", "DejaVu Serif Condensed", 5),
        D(DUK_LA, "CT", 6, (2014, 4, 15), "về thực hành tiết kiệm trong các cơ quan, đơn vị thuộc Khối", LA_BT,
          "p-flush", "DejaVu Serif Condensed", 3),
        D(DUK_LA, "TTr", 71, (2014, 10, 20), "đề nghị khen thưởng tổ chức cơ sở đảng trong sạch, vững mạnh tiêu "
          "biểu năm năm liền", LA_PBT, "p-flush", "DejaVu Serif Condensed", 2,
          extra=dict(kinh_gui="Ban Thường vụ Tỉnh ủy Long An"), noi_nhan=["- Như trên,", "- Lưu VP ĐUK."]),
        D(DUK_LA, "KL", 85, (2015, 1, 12), "của Ban Thường vụ về công tác cán bộ năm 2014", LA_BT, "p-flush",
          "DejaVu Serif Condensed", 2, seal_at="name"),
    ])

    # s13: Chi bộ thôn Khe Lóng 2016-2019, số on the issuer's row; bilevel G4, one file per page
    hoso("hs-13-chi-bo-khe-long-2018", per_page([("g4", "1")], wear={1: ["noise"], 3: ["salt_pepper"]},
                                                skew={1: 0.7, 2: -1.1, 4: 0.5}, stem="trang-"), [
        D(CB_KL, "NQ", 4, (2016, 7, 5), "về phát triển rừng quế và chăn nuôi trâu sinh sản của thôn", KL_BT,
          "p-inline", "FreeSans", 3),
        D(CB_KL, "BC", 9, (2018, 12, 10), "kiểm điểm công tác lãnh đạo của chi bộ năm 2018", KL_BT, "p-inline",
          "FreeSans", 3),
        D(CB_KL, "KH", 11, (2019, 3, 2), "giúp đỡ các hộ nghèo người Dao thoát nghèo bền vững", KL_BT, "p-inline",
          "FreeSans", 2),
    ])
    return p.docs, p.plan
