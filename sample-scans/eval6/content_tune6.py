"""tune6: the tuning part of the eval6 set (9 hồ sơ). Invented wording, issuers and people,
written from DESIGN.md §3 and the reference texts; sealed6 (content_sealed6.py) shares none of
its issuers, signers, sentences, trích yếu, codenames or stamps, and neither part reuses those of
the earlier parts.
"""

from build6 import Maker, Plan, note, one_file, per_doc, per_page, signer, stamp

NEVER_TUNE = False
PART = "tune6"

BOX_JSON = {
    "ma_co_quan_luu_tru": "H47",
    "ma_phong": "07",
    "ten_phong": "Phông tài liệu đánh giá eval6 (phần tune6)",
    "hop_so": "701",
    "don_vi_so_hoa": "Nhóm phát triển sohoa",
    "nguoi_so_hoa": "Bộ sinh mẫu đánh giá eval6",
}

BANK = [
    "Vụ chiêm xuân vừa qua, toàn huyện gieo cấy vượt diện tích kế hoạch, năng suất bình quân tăng khá.",
    "Nhiều gia đình đã mạnh dạn chuyển đất ruộng một vụ sang trồng thuốc lá và đậu tương.",
    "Mạng lưới chợ phiên ở các xã vùng cao được sắp xếp lại, hàng hóa lưu thông thuận tiện hơn.",
    "Các chi bộ thôn, xóm duy trì sinh hoạt định kỳ vào ngày mùng năm hằng tháng.",
    "Việc quản lý hồ sơ đảng viên ở một số đảng bộ xã còn để thất lạc, thiếu các tài liệu bổ sung.",
    "Ban Thường vụ yêu cầu rà soát, đối chiếu toàn bộ lý lịch đảng viên trước ngày ba mươi tháng sáu.",
    "Đường giao thông liên xã trong mùa mưa thường bị sạt lở, gây khó khăn cho việc đi lại của nhân dân.",
    "Tỷ lệ trẻ em được tiêm chủng đầy đủ ở các xóm xa trung tâm vẫn chưa đạt chỉ tiêu đề ra.",
    "Hợp tác xã mua bán đã cung ứng kịp thời phân bón, dầu hỏa và muối i-ốt cho các bản.",
    "Các trường phổ thông dân tộc nội trú tiếp tục được mở rộng quy mô, chất lượng giảng dạy nâng lên.",
    "Công tác thu nộp đảng phí được thực hiện nghiêm, có sổ sách theo dõi đến từng chi bộ.",
    "Một số đồng chí cấp ủy viên chưa bám cơ sở, còn nặng về giải quyết công việc sự vụ.",
    "Việc khoanh nuôi, bảo vệ rừng đầu nguồn được giao đến từng hộ, có cam kết cụ thể.",
    "Đài truyền thanh huyện tăng thời lượng phát sóng bằng tiếng Tày và tiếng Nùng.",
    "Các ngành chức năng phối hợp kiểm tra việc buôn bán hàng hóa qua các lối mở biên giới.",
    "Phong trào làm đường bê tông nông thôn theo phương châm nhà nước và nhân dân cùng làm được hưởng ứng.",
    "Số đảng viên được miễn sinh hoạt vì tuổi cao, sức yếu chiếm gần một phần mười tổng số.",
    "Đảng ủy các xã cần chủ động nắm chắc tình hình, không để xảy ra điểm nóng phức tạp.",
    "Hội Nông dân phối hợp với ngân hàng chính sách cho các hộ vay vốn phát triển chăn nuôi bò.",
    "Kinh phí hoạt động của các chi bộ còn eo hẹp, chủ yếu dựa vào nguồn đảng phí trích lại.",
    "Trạm khuyến nông tổ chức được nhiều lớp tập huấn kỹ thuật trồng cây ăn quả cho bà con.",
    "Cán bộ văn phòng cấp ủy được cử đi bồi dưỡng nghiệp vụ văn thư tại trường chính trị tỉnh.",
    "Các tài liệu hình thành trong quá trình hoạt động phải được lập hồ sơ ngay khi công việc kết thúc.",
    "Việc tiếp nhận và chuyển sinh hoạt đảng cho đảng viên đi làm ăn xa còn chậm, thủ tục rườm rà.",
    "Lực lượng dân quân tự vệ được huấn luyện theo đúng kế hoạch, sẵn sàng nhận nhiệm vụ khi có lệnh.",
    "Tình trạng khai thác cát, sỏi trái phép trên sông đã được chấn chỉnh một bước.",
    "Nhiều cán bộ trẻ được luân chuyển về cơ sở và bước đầu phát huy được năng lực.",
    "Ban Chỉ đạo sẽ tổ chức sơ kết rút kinh nghiệm sau khi kết thúc đợt một vào cuối quý.",
    "Các cơ quan tham mưu cần chuẩn bị kỹ đề cương, bảo đảm chất lượng tài liệu trình hội nghị.",
    "Nguồn thu từ khai thác khoáng sản đóng góp đáng kể cho ngân sách của huyện.",
    "Thư viện tỉnh luân chuyển sách, báo xuống các điểm bưu điện văn hóa xã mỗi tháng một lần.",
    "Việc xây dựng gia đình văn hóa, làng văn hóa gắn với giữ gìn bản sắc của từng dân tộc.",
    "Hằng năm, cấp ủy tổ chức gặp mặt các đồng chí được tặng Huy hiệu Đảng nhân dịp mùng ba tháng hai.",
    "Tiến độ giải ngân vốn đầu tư xây dựng cơ bản ở một số công trình còn chậm so với yêu cầu.",
    "Đội ngũ cán bộ làm công tác kiểm tra của đảng ủy cơ sở phần lớn kiêm nhiệm, ít được tập huấn.",
    "Các khoản thu, chi của quỹ xóa đói giảm nghèo được công bố tại hội nghị nhân dân ở từng thôn.",
    "Kết quả thẩm định cho thấy chất lượng thẩm tra lý lịch người vào Đảng đã có chuyển biến.",
    "Đề nghị cấp trên quan tâm bố trí thêm biên chế cho bộ phận lưu trữ của cơ quan.",
]

SECRET_NH = [
    "Kế hoạch bố trí nhân sự chủ chốt khóa tới được đánh số theo mật danh NH-4815 và chỉ in bốn bản.",
    "Những ý kiến khác nhau trong Thường trực về phương án này chưa được đưa ra hội nghị mở rộng.",
    "Bản tổng hợp phiếu giới thiệu do đồng chí Trưởng ban Tổ chức giữ và nộp lại sau cuộc họp.",
]
SECRET_PG = [
    "Số liệu kho gạo dự trữ và tuyến vận chuyển theo mật danh PG-2097 chỉ báo cáo lên Thường vụ.",
    "Các đoàn xe chở hàng đi ban đêm, không dừng ở các thị trấn dọc đường số năm.",
    "Mọi trao đổi về việc này phải qua giao liên, không ghi vào sổ công văn đi của Văn phòng.",
]

STYLE = dict(
    endings={
        "NQ": "Nghị quyết này được quán triệt đến toàn thể cán bộ, đảng viên trong Đảng bộ./.",
        "CT": "Các cấp ủy đảng tổ chức quán triệt và thực hiện nghiêm Chỉ thị này./.",
        "TT": "Thông tri này được phổ biến đến các chi bộ trực thuộc./.",
        "KH": "Yêu cầu các chi bộ, đảng bộ trực thuộc nghiêm túc triển khai Kế hoạch./.",
        "CTrHĐ": "Chương trình hành động này được phổ biến đến từng chi bộ, đảng viên./.",
        "BC": "Trên đây là kết quả công tác của {org} trong thời gian qua./.",
        "HD": "Trong quá trình thực hiện, nếu có vướng mắc, đề nghị phản ánh về {org} để xem xét./.",
        "KL": "Giao các cơ quan có liên quan tổ chức thực hiện Kết luận này./.",
        "TB": "Thông báo để các tổ chức đảng biết, quán triệt và thực hiện./.",
        "ĐA": "Giao các ban, đơn vị liên quan cụ thể hóa và tổ chức thực hiện Đề án./.",
        "TTr": "Kính trình Thường trực xem xét, cho ý kiến./.",
        "CV": "Đề nghị các đơn vị quan tâm, phối hợp thực hiện./.",
        "*": "Yêu cầu các đơn vị thực hiện./.",
    },
    heads={
        "NQ": ["I. KẾT QUẢ VÀ HẠN CHẾ", "II. MỤC TIÊU VÀ NHIỆM VỤ", "III. TỔ CHỨC CHỈ ĐẠO THỰC HIỆN"],
        "KH": ["I. MỤC ĐÍCH VÀ YÊU CẦU", "II. NỘI DUNG CÔNG VIỆC", "III. PHÂN CÔNG THỰC HIỆN"],
        "CTrHĐ": ["I. MỤC ĐÍCH VÀ YÊU CẦU", "II. NHIỆM VỤ TRỌNG TÂM", "III. PHÂN CÔNG THỰC HIỆN"],
        "BC": ["I. TÌNH HÌNH VÀ KẾT QUẢ", "II. TỒN TẠI, HẠN CHẾ", "III. NHIỆM VỤ THỜI GIAN TỚI"],
        "HD": ["1. Yêu cầu chung", "2. Nội dung cụ thể", "3. Phân công thực hiện"],
        "ĐA": ["Phần thứ nhất. SỰ CẦN THIẾT", "Phần thứ hai. NỘI DUNG ĐỀ ÁN", "Phần thứ ba. TỔ CHỨC THỰC HIỆN"],
        "*": ["I. MỤC ĐÍCH", "II. NỘI DUNG", "III. TỔ CHỨC THỰC HIỆN"],
    },
    party_can_cu=["- Căn cứ Điều lệ Đảng;"],
    exec_fmt="%s có trách nhiệm thi hành Quyết định này./.",
    exec_default="Các cơ quan, đơn vị và cá nhân có tên tại Điều 1",
    kinh_gui_default="Các chi bộ, đảng bộ trực thuộc",
)


def state_can_cu(year):
    if year >= 2016:
        law = "Căn cứ Luật Tổ chức chính quyền địa phương năm 2015;"
    elif year >= 2004:
        law = "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân năm 2003;"
    elif year >= 1995:
        law = "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân năm 1994;"
    elif year >= 1984:
        law = "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân năm 1983;"
    else:
        law = "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban hành chính các cấp năm 1962;"
    return law


# ---- issuers ---------------------------------------------------------------------------

def _state(xet):
    return lambda year: [state_can_cu(year), xet]


TU_CB = dict(fmt="party", lines=["TỈNH ỦY CAO BẰNG"], full="Tỉnh ủy Cao Bằng", abbr="TU", place="Cao Bằng",
             short="Tỉnh ủy", seal="TỈNH ỦY CAO BẰNG * ĐẢNG CỘNG SẢN VIỆT NAM *", qd_head="BAN THƯỜNG VỤ TỈNH ỦY",
             noi_nhan=["- Ban Bí thư Trung ương (b/c),", "- Các huyện ủy, thị ủy,", "- Các sở, ban, ngành,",
                       "- Lưu Văn phòng Tỉnh ủy."])
HU_TK = dict(fmt="party", superior=["ĐẢNG BỘ TỈNH CAO BẰNG"], lines=["HUYỆN ỦY TRÙNG KHÁNH"],
             full="Huyện ủy Trùng Khánh", cap_tren="Đảng bộ tỉnh Cao Bằng", abbr="HU", place="Trùng Khánh",
             short="Huyện ủy", seal="HUYỆN ỦY TRÙNG KHÁNH * TỈNH CAO BẰNG *", qd_head="BAN THƯỜNG VỤ HUYỆN ỦY",
             noi_nhan=["- Thường trực Tỉnh ủy (để b/c),", "- Các tổ chức cơ sở đảng,", "- Lưu VT."])
UB_TK = dict(fmt="state", lines=["ỦY BAN NHÂN DÂN", "HUYỆN TRÙNG KHÁNH"], full="Ủy ban nhân dân huyện Trùng Khánh",
             abbr="UBND", cv_abbr="UBND-NV", place="Trùng Khánh", short="Ủy ban nhân dân huyện",
             seal="ỦY BAN NHÂN DÂN HUYỆN TRÙNG KHÁNH *", qd_head="ỦY BAN NHÂN DÂN HUYỆN TRÙNG KHÁNH",
             can_cu=_state("Theo đề nghị của Trưởng phòng Nông nghiệp và Phát triển nông thôn huyện,"),
             noi_nhan=["- Như Điều 3;", "- TT Huyện ủy, TT HĐND huyện;", "- Lưu: VT."])
BTC_MS = dict(fmt="party", superior=["ĐẢNG BỘ TỈNH SƠN LA", "HUYỆN ỦY MAI SƠN"], lines=["BAN TỔ CHỨC"],
              full="Ban Tổ chức Huyện ủy Mai Sơn", cap_tren="Huyện ủy Mai Sơn", abbr="BTCHU", place="Mai Sơn",
              short="Ban Tổ chức Huyện ủy", seal="BAN TỔ CHỨC HUYỆN ỦY MAI SƠN *", qd_head="BAN TỔ CHỨC HUYỆN ỦY",
              noi_nhan=["- Thường trực Huyện ủy (b/c),", "- Các đảng bộ, chi bộ cơ sở,", "- Lưu BTC."])
UBKT_MS = dict(fmt="party", superior=["ĐẢNG BỘ TỈNH SƠN LA", "HUYỆN ỦY MAI SƠN"], lines=["ỦY BAN KIỂM TRA"],
               full="Ủy ban Kiểm tra Huyện ủy Mai Sơn", cap_tren="Huyện ủy Mai Sơn", abbr="UBKTHU",
               place="Mai Sơn", short="Ủy ban Kiểm tra Huyện ủy", seal="ỦY BAN KIỂM TRA HUYỆN ỦY MAI SƠN *",
               qd_head="ỦY BAN KIỂM TRA HUYỆN ỦY",
               noi_nhan=["- Ủy ban Kiểm tra Tỉnh ủy (b/c),", "- Thường trực Huyện ủy,", "- Lưu UBKT."])
TU_HH = dict(fmt="party", lines=["TỈNH ỦY HẢI HƯNG"], full="Tỉnh ủy Hải Hưng", abbr="TU", place="Hải Dương",
             short="Tỉnh ủy", seal="TỈNH ỦY HẢI HƯNG * ĐẢNG CỘNG SẢN VIỆT NAM *", qd_head="BAN THƯỜNG VỤ TỈNH ỦY",
             noi_nhan=["- Trung ương Đảng (để báo cáo),", "- Các huyện ủy, thị ủy,", "- Lưu."])
UB_HH = dict(fmt="state", lines=["ỦY BAN NHÂN DÂN", "TỈNH HẢI HƯNG"], full="Ủy ban nhân dân tỉnh Hải Hưng",
             abbr="UB", cv_abbr="UB", place="Hải Dương", short="Ủy ban nhân dân tỉnh",
             seal="ỦY BAN NHÂN DÂN TỈNH HẢI HƯNG *", qd_head="ỦY BAN NHÂN DÂN TỈNH HẢI HƯNG",
             can_cu=_state("Theo đề nghị của đồng chí Trưởng ty Nông nghiệp,"),
             noi_nhan=["- Như Điều 3,", "- Thường vụ Tỉnh ủy,", "- Lưu."])
UB_CB = dict(fmt="state", lines=["ỦY BAN NHÂN DÂN", "TỈNH CAO BẰNG"], full="Ủy ban nhân dân tỉnh Cao Bằng",
             abbr="UBND", cv_abbr="UBND-TH", place="Cao Bằng", short="Ủy ban nhân dân tỉnh",
             seal="ỦY BAN NHÂN DÂN TỈNH CAO BẰNG *", qd_head="ỦY BAN NHÂN DÂN TỈNH CAO BẰNG",
             can_cu=_state("Xét đề nghị của Giám đốc Sở Văn hóa, Thể thao và Du lịch,"),
             noi_nhan=["- Như Điều 3;", "- Thường trực Tỉnh ủy;", "- Chủ tịch, các PCT UBND tỉnh;", "- Lưu: VT, VX."])
ThU_VL = dict(fmt="party", superior=["ĐẢNG BỘ TỈNH VĨNH LONG"], lines=["THỊ ỦY VĨNH LONG"], full="Thị ủy Vĩnh Long",
              cap_tren="Đảng bộ tỉnh Vĩnh Long", abbr="TU", place="Vĩnh Long", short="Thị ủy",
              seal="THỊ ỦY VĨNH LONG * TỈNH VĨNH LONG *", qd_head="BAN THƯỜNG VỤ THỊ ỦY",
              noi_nhan=["- Ban Thường vụ Tỉnh ủy (b/c),", "- Các đảng ủy phường, xã,", "- Lưu VP."])
SGD_VL = dict(fmt="state", superior=["UBND TỈNH VĨNH LONG"], lines=["SỞ GIÁO DỤC VÀ ĐÀO TẠO"],
              full="Sở Giáo dục và Đào tạo tỉnh Vĩnh Long", cap_tren="Ủy ban nhân dân tỉnh Vĩnh Long", abbr="SGDĐT",
              cv_abbr="SGDĐT-TCCB", place="Vĩnh Long", short="Sở Giáo dục và Đào tạo",
              seal="SỞ GIÁO DỤC VÀ ĐÀO TẠO * TỈNH VĨNH LONG *", qd_head="GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO",
              can_cu=_state("Xét đề nghị của Trưởng phòng Tổ chức cán bộ,"),
              noi_nhan=["- Như trên;", "- UBND tỉnh (để b/c);", "- Lưu: VT, TCCB."])
DU_BDV = dict(fmt="party", lines=["ĐẢNG ỦY CƠ QUAN", "BAN DÂN VẬN TW"], full="Đảng ủy cơ quan Ban Dân vận TW",
              abbr="ĐU", place="Hà Nội", short="Đảng ủy cơ quan", seal="ĐẢNG ỦY CƠ QUAN BAN DÂN VẬN TRUNG ƯƠNG *",
              qd_head="BAN THƯỜNG VỤ ĐẢNG ỦY CƠ QUAN",
              noi_nhan=["- Đảng ủy Khối (b/c),", "- Lãnh đạo Ban (b/c),", "- Các chi bộ trực thuộc,", "- Lưu VP ĐU."])
DU_PH = dict(fmt="party", superior=["ĐẢNG BỘ HUYỆN NINH PHƯỚC"], lines=["ĐẢNG ỦY XÃ PHƯỚC HÀ"],
             full="Đảng ủy xã Phước Hà", cap_tren="Đảng bộ huyện Ninh Phước", abbr="ĐU", place="Phước Hà",
             short="Đảng ủy xã", seal="ĐẢNG ỦY XÃ PHƯỚC HÀ * HUYỆN NINH PHƯỚC *", qd_head="BAN THƯỜNG VỤ ĐẢNG ỦY",
             noi_nhan=["- Huyện ủy Ninh Phước (b/c),", "- Các chi bộ thôn,", "- Lưu."])

# ---- signers ---------------------------------------------------------------------------

S = signer
TK_BT = S("Nông Thị Tằm", "BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
TK_PBT = S("Lưu Văn Quỳnh", "PHÓ BÍ THƯ", ["K/T BÍ THƯ"])
UBTK_CT = S("Đàm Văn Eng", "CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN"])
BTC_TB = S("Lò Văn Panh", "TRƯỞNG BAN")
BTC_PTB = S("Cầm Thị Ơn", "PHÓ TRƯỞNG BAN", ["K/T TRƯỞNG BAN"])
UBKT_CN = S("Quàng Văn Hặc", "CHỦ NHIỆM", ["T/M ỦY BAN KIỂM TRA"])
HH_BT = S("Phạm Khắc Thiệu", "BÍ THƯ", ["T/M TỈNH ỦY"])
HH_PBT = S("Vũ Đình Nhạ", "PHÓ BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
UBHH_CT = S("Lê Đăng Hiến", "CHỦ TỊCH", ["T/M ỦY BAN NHÂN DÂN"])
UBHH_PCT = S("Mạc Văn Trịnh", "PHÓ CHỦ TỊCH", ["K/T CHỦ TỊCH"])
CB_BT = S("Hà Ngọc Chiến Thắng", "BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
CB_PBT = S("Bế Thị Hồng Vân", "PHÓ BÍ THƯ", ["K/T BÍ THƯ"])
CB_CVP = S("Lãnh Văn Quân", "CHÁNH VĂN PHÒNG", ["T/L BAN THƯỜNG VỤ"])
UBCB_CT = S("Hoàng Xuân Ánh", "CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN"])
UBCB_PCT = S("Triệu Đình Lê", "PHÓ CHỦ TỊCH", ["KT. CHỦ TỊCH"])
UBCB_CVP = S("Thân Văn Luận", "CHÁNH VĂN PHÒNG", ["TL. CHỦ TỊCH"])
VL_BT = S("Trần Văn Rón", "BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
VL_PBT = S("Kiên Thị Sô Phia", "PHÓ BÍ THƯ", ["K/T BÍ THƯ"])
SGD_GD = S("Lữ Thanh Hải", "GIÁM ĐỐC")
SGD_PGD = S("Tiêu Kim Cương", "PHÓ GIÁM ĐỐC", ["KT. GIÁM ĐỐC"])
BDV_BT = S("Ninh Văn Khuê", "BÍ THƯ", ["T/M ĐẢNG ỦY"])
BDV_PBT = S("Giáp Thị Phương Thảo", "PHÓ BÍ THƯ", ["K/T BÍ THƯ"])
PH_BT = S("Đàng Năng Thọ", "BÍ THƯ", ["T/M ĐẢNG ỦY"])
PH_PBT = S("Quảng Thị Hoa Lài", "PHÓ BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])


def documents():
    D = Maker(PART, BANK, STYLE)
    p = Plan()
    hoso = p.hoso

    # t01: a long plan of Huyện ủy Trùng Khánh closed on a page of its own (the closing block alone
    # at the top of the page), at once followed by a State decision of the district; one G4 file
    hoso("hs-01-trung-khanh-2005", one_file("trung-khanh.tif", "g4", "1",
                                            wear={2: ["noise"], 5: ["salt_pepper"], 10: ["noise"]},
                                            skew={1: 0.8, 3: -0.5, 6: 1.1, 9: -0.9, 12: 0.4}), [
        D(HU_TK, "KH", 47, (2005, 3, 21), "phát triển vùng trồng thuốc lá và cây đậu tương hàng hóa trên địa bàn "
          "huyện giai đoạn 2005 - 2010", TK_BT, "p-rule", "DejaVu Serif", 52, closing="ownpage"),
        D(UB_TK, "QĐ", 312, (2005, 4, 6), "về việc giao chỉ tiêu diện tích cây thuốc lá vụ xuân năm 2005 cho các xã",
          UBTK_CT, "s-nd30", "Liberation Serif", 4, date_style="padded",
          extra=dict(executors="Chánh Văn phòng HĐND và UBND huyện, Trưởng các phòng chuyên môn, Chủ tịch UBND các xã")),
        D(HU_TK, "TB", 52, (2005, 5, 17), "ý kiến của Ban Thường vụ về việc sắp xếp lại chợ phiên vùng biên", TK_PBT,
          "p-rule", "DejaVu Serif", 4),
        D(HU_TK, "BC", 58, (2005, 6, 28), "kết quả công tác tổ chức, xây dựng Đảng sáu tháng đầu năm 2005", TK_PBT,
          "p-rule", "DejaVu Serif", 8, seal_at="title"),
    ], blank_after=[("tune6-03", 1)])

    # t02: Ban Tổ chức and Ủy ban Kiểm tra of Huyện ủy Mai Sơn, three-line headers, gray JPEG per
    # page at 200 dpi
    hoso("hs-02-mai-son-2000", per_page([("jpeg", "L")], wear={2: ["faded"], 5: ["noise"]},
                                        skew={1: -0.7, 3: 0.6, 6: 1.4}, dpi=200), [
        D(BTC_MS, "HD", 9, (1999, 11, 8), "thẩm tra, bổ sung lý lịch đảng viên ở các chi bộ bản", BTC_TB, "p-three",
          "FreeSerif", 6, stamp=stamp("ĐẢNG ỦY XÃ CHIỀNG MUNG", "47", "15/11/1999")),
        D(UBKT_MS, "TB", 21, (2000, 4, 25), "kết quả kiểm tra việc thu, nộp và quản lý đảng phí năm 1999", UBKT_CN,
          "p-three", "FreeSerif", 4, date_style="padded"),
        D(BTC_MS, "CV", 64, (2000, 9, 12), "hướng dẫn chuyển sinh hoạt đảng cho đảng viên đi làm ăn xa", BTC_PTB,
          "p-three", "FreeSerif", 3, extra=dict(kinh_gui="Các đảng ủy xã, thị trấn"), noi_nhan=["- Như trên,", "- Lưu BTC."]),
        D(UBKT_MS, "QĐ", 33, (2001, 2, 14), "về việc kiểm tra đảng viên khi có dấu hiệu vi phạm", UBKT_CN,
          "p-three", "FreeSerif", 1, extra=dict(can_cu=["- Căn cứ Quy chế làm việc của Ủy ban Kiểm tra Huyện ủy;"],
                                               executors="Đoàn kiểm tra và đảng viên được kiểm tra"),
          notes=[(1, note("Chuyển đ/c Sương", x=1500, y=150, angle=3))]),
    ])

    # t03: typewritten Tỉnh ủy / UBND Hải Hưng 1977-1988; the old style (date flush left under the
    # số, motto across the top); one TỐI MẬT (black frame); gray PDF at 200 dpi
    hoso("hs-03-hai-hung-1981", one_file("hai-hung.pdf", "pdf", "L",
                                         wear={1: ["aged_paper"], 3: ["faded"], 6: ["blur"], 8: ["faded", "noise"]},
                                         skew={2: -1.3, 4: 0.9, 7: 1.7, 9: -0.6}, dpi=200), [
        D(TU_HH, "CT", 14, (1977, 9, 12), "về việc đẩy mạnh làm thủy lợi mùa khô năm 1977 - 1978", HH_PBT,
          "p-typed-left", "Noto Mono", 5, date_style="dashed"),
        D(UB_HH, "QĐ", 506, (1979, 6, 2), "về việc điều chỉnh ranh giới hợp tác xã nông nghiệp Tân Quang", UBHH_PCT,
          "s-typed-top", "Noto Mono", 2, date_style="words"),
        D(TU_HH, "BC", 71, (1981, 1, 19), "tình hình lương thực và việc vận chuyển gạo dự trữ", HH_BT, "p-typed-left",
          "Noto Mono", 3, date_style="dashed", do_mat="TỐI MẬT", mark_colour="black", codename="PG-2097",
          bank=SECRET_PG),
        D(UB_HH, "CV", 233, (1984, 10, 8), "thu nộp thuế nông nghiệp vụ mùa năm 1984", UBHH_CT, "s-typed-top",
          "Noto Mono", 2, date_style="dashed", extra=dict(kinh_gui="Ủy ban nhân dân các huyện, thị xã"),
          noi_nhan=["- Như trên,", "- Lưu."]),
        D(TU_HH, "NQ", 6, (1988, 3, 4), "về công tác xây dựng Đảng năm 1988", HH_BT, "p-typed-left", "Noto Mono", 4,
          date_style="words"),
    ])

    # t04: Tỉnh ủy Cao Bằng 2014-2016, colour JPEG per page at 200 dpi; one MẬT + KHẨN (red marks)
    hoso("hs-04-tinh-uy-cao-bang-2015", per_page([("jpeg", "RGB")], wear={2: ["noise"], 6: ["faded"]},
                                                 skew={1: 0.5, 3: -1.0, 5: 0.3, 8: 0.9}, dpi=200), [
        D(TU_CB, "NQ", 27, (2014, 8, 15), "về phát triển du lịch gắn với bảo tồn cảnh quan vùng thác Bản Giốc "
          "đến năm 2020", CB_BT, "p-inline", "Noto Serif", 8, seal_at="name"),
        D(TU_CB, "KH", 133, (2015, 2, 10), "chuẩn bị nhân sự đại hội đảng bộ các cấp nhiệm kỳ 2015 - 2020", CB_BT,
          "p-inline", "Noto Serif", 3, do_mat="MẬT", do_khan="KHẨN", mark_colour="red", codename="NH-4815",
          bank=SECRET_NH),
        D(TU_CB, "CT", 41, (2015, 11, 30), "về tăng cường quản lý hồ sơ, tài liệu của các cơ quan đảng", CB_PBT,
          "p-inline", "Noto Serif", 4, notes=[(1, note("Gửi VP + các ban", x=1620, y=120, angle=-3))]),
        D(TU_CB, "TB", 806, (2016, 6, 3), "lịch tiếp công dân của Thường trực Tỉnh ủy quý III năm 2016", CB_CVP,
          "p-hd36", "Noto Serif", 2),
    ])

    # t05: UBND tỉnh Cao Bằng, State-format papers; a decision with its QUY CHẾ, công văn with V/v and
    # Kính gửi lists; gray PNG per page at 200 dpi
    hoso("hs-05-ubnd-cao-bang-2017", per_page([("png", "L")], wear={3: ["salt_pepper"]},
                                              skew={1: -0.3, 2: 0.6, 4: -0.8}, dpi=200), [
        D(UB_CB, "QĐ", 1504, (2017, 9, 22), "ban hành Quy chế quản lý, khai thác điểm du lịch cộng đồng trên địa bàn tỉnh",
          UBCB_CT, "s-nd30", "Liberation Serif", 1, date_style="padded",
          extra=dict(articles=["Ban hành kèm theo Quyết định này Quy chế quản lý, khai thác điểm du lịch cộng đồng trên địa bàn tỉnh.",
                               "Quyết định này có hiệu lực thi hành kể từ ngày ký."],
                     executors="Chánh Văn phòng UBND tỉnh, Giám đốc Sở Văn hóa, Thể thao và Du lịch, Chủ tịch UBND các huyện"),
          attachment=dict(kind="QUY CHẾ", title_lines=["QUY CHẾ"], sub_lines=[
              "quản lý, khai thác điểm du lịch cộng đồng trên địa bàn tỉnh",
              "(Ban hành kèm theo Quyết định số 1504/QĐ-UBND ngày 22/9/2017 của UBND tỉnh Cao Bằng)"],
              body=[("h", "Chương I. NHỮNG QUY ĐỊNH CHUNG"), ("p", "Điều 1. " + BANK[31] + " " + BANK[2]),
                    ("p", "Điều 2. " + BANK[13] + " " + BANK[30]), ("h", "Chương II. TRÁCH NHIỆM CỦA CÁC CƠ QUAN"),
                    ("p", "Điều 3. " + BANK[28] + " " + BANK[22])])),
        D(UB_CB, "CV", 3318, (2017, 11, 6), "rà soát danh mục hồ sơ, tài liệu đến hạn nộp lưu năm 2017", UBCB_PCT,
          "s-cv", "Liberation Serif", 3,
          extra=dict(kinh_gui="- Các sở, ban, ngành tỉnh;|- Ủy ban nhân dân các huyện, thành phố."),
          noi_nhan=["- Như trên;", "- Chủ tịch UBND tỉnh;", "- Lưu: VT, NC."]),
        D(UB_CB, "CV", 412, (2018, 2, 1), "tổ chức trực Tết Nguyên đán Mậu Tuất năm 2018", UBCB_CVP, "s-cv",
          "Liberation Serif", 2, extra=dict(kinh_gui="- Văn phòng Tỉnh ủy;|- Các sở, ban, ngành;|- UBND các huyện, thành phố."),
          noi_nhan=["- Như trên;", "- Lưu: VT."]),
    ])

    # t06: Thị ủy Vĩnh Long 1994-1997, photocopied bilevel G4 per document; one page upside down
    hoso("hs-06-thi-uy-vinh-long-1995", per_doc([("nq-1994.tif", "g4", "1"), ("kh-1995.tif", "g4", "1"),
                                                 ("bc-1996.tif", "g4", "1"), ("tb-1997.tif", "g4", "1")],
                                                wear={1: ["photocopy"], 3: ["photocopy", "punch_holes"],
                                                      5: ["salt_pepper"], 6: ["photocopy"], "upside": (4,)},
                                                skew={1: 1.6, 2: -0.7, 4: 0.5, 7: -2.2}), [
        D(ThU_VL, "NQ", 13, (1994, 5, 9), "về chỉnh trang đô thị và phát triển các phường nội ô", VL_BT, "p-flush",
          "Liberation Serif", 6, date_style="padded"),
        D(ThU_VL, "KH", 38, (1995, 7, 26), "tổ chức kỷ niệm 50 năm Cách mạng Tháng Tám và Quốc khánh 2 - 9", VL_PBT,
          "p-inline", "Liberation Serif", 3),
        D(ThU_VL, "BC", 60, (1996, 12, 18), "tổng kết công tác Đảng năm 1996 và phương hướng năm 1997", VL_BT,
          "p-flush", "Liberation Serif", 7, closing="ownpage"),
        D(ThU_VL, "TB", 73, (1997, 3, 31), "phân công nhiệm vụ các đồng chí Thị ủy viên", VL_BT, "p-inline",
          "Liberation Serif", 2),
    ])

    # t07: Sở Giáo dục và Đào tạo Vĩnh Long 2003-2004, colour JPEG per page at 200 dpi
    hoso("hs-07-so-giao-duc-vinh-long-2003", per_page([("jpeg", "RGB")], wear={2: ["blur"]},
                                                      skew={1: 0.9, 3: -0.4}, dpi=200), [
        D(SGD_VL, "CV", 517, (2003, 8, 19), "chuẩn bị cơ sở vật chất cho năm học 2003 - 2004", SGD_PGD, "s-cv",
          "FreeSans", 3, extra=dict(kinh_gui="- Phòng Giáo dục các huyện, thị xã;|- Các trường trung học phổ thông."),
          noi_nhan=["- Như trên;", "- Lưu: VT, KHTC."],
          stamp=stamp("PHÒNG GIÁO DỤC TRÀ ÔN", "126", "22/8/2003")),
        D(SGD_VL, "QĐ", 1046, (2003, 10, 2), "về việc thành lập Hội đồng kiểm tra công tác lưu trữ các trường học",
          SGD_GD, "s-below", "FreeSans", 2,
          extra=dict(executors="Chánh Văn phòng, Trưởng các phòng chức năng và các ông, bà có tên tại Điều 1")),
        D(SGD_VL, "BC", 88, (2004, 6, 15), "tổng kết năm học 2003 - 2004 của ngành giáo dục tỉnh", SGD_GD, "s-below",
          "FreeSans", 5),
        D(SGD_VL, "TB", 203, (2004, 9, 7), "danh sách các trường đạt chuẩn quốc gia năm học 2003 - 2004", SGD_PGD,
          "s-below", "FreeSans", 2),
    ])

    # t08: Đảng ủy cơ quan Ban Dân vận TW 2010-2012: an Đề án with a title page and its PHỤ LỤC;
    # colour image-only PDF at 200 dpi
    hoso("hs-08-dang-uy-ban-dan-van-2011", one_file("du-bdv.pdf", "pdf", "RGB",
                                                    wear={2: ["noise"], 7: ["faded"]},
                                                    skew={1: 0.2, 4: -0.6, 8: 0.8}, dpi=200), [
        D(DU_BDV, "ĐA", 3, (2010, 10, 14), "nâng cao chất lượng sinh hoạt chi bộ trong Đảng bộ cơ quan giai đoạn "
          "2010 - 2015", BDV_BT, "p-titlepage", "Noto Sans", 9, title_foot="Hà Nội, tháng 10 năm 2010",
          attachment=dict(kind="PHỤ LỤC", title_lines=["PHỤ LỤC"], sub_lines=[
              "LỘ TRÌNH THỰC HIỆN ĐỀ ÁN",
              "(Kèm theo Đề án số 3-ĐA/ĐU, ngày 14/10/2010 của Đảng ủy cơ quan)"],
              body=[("l", "1. Năm 2011: rà soát nội dung sinh hoạt của các chi bộ."),
                    ("l", "2. Năm 2012: tổ chức sinh hoạt chuyên đề mẫu tại hai chi bộ."),
                    ("l", "3. Năm 2013 - 2014: nhân rộng ra các chi bộ trực thuộc."),
                    ("l", "4. Năm 2015: sơ kết, đánh giá và đề xuất bổ sung.")])),
        D(DU_BDV, "NQ", 12, (2011, 1, 20), "về nhiệm vụ công tác xây dựng Đảng năm 2011", BDV_BT, "p-hd36",
          "Noto Sans", 6),
        D(DU_BDV, "KL", 25, (2012, 4, 3), "về kết quả kiểm điểm tự phê bình và phê bình của Ban Thường vụ", BDV_PBT,
          "p-hd36", "Noto Sans", 3, seal_at="title"),
        D(DU_BDV, "TB", 31, (2012, 7, 9), "phân công các đồng chí Đảng ủy viên theo dõi chi bộ các vụ, đơn vị", None, "p-hd36",
          "Noto Sans", 2),
    ])

    # t09: typewritten Đảng ủy xã Phước Hà 1993-1998 (elite pitch), one G4 file with a blank back
    hoso("hs-09-dang-uy-xa-phuoc-ha-1996", one_file("phuoc-ha.tif", "g4", "1",
                                                    wear={1: ["photocopy"], 2: ["faded"], 4: ["photocopy", "noise"],
                                                          6: ["salt_pepper"]},
                                                    skew={1: -1.8, 3: 2.0, 5: -1.1, 7: 0.7}), [
        D(DU_PH, "NQ", 1, (1993, 1, 16), "về nhiệm vụ phát triển sản xuất và xây dựng Đảng năm 1993", PH_BT,
          "p-typed-elite", "FreeMono", 4, date_style="dashed"),
        D(DU_PH, "BC", 18, (1995, 12, 20), "sơ kết thực hiện nghị quyết đại hội đảng bộ xã giữa nhiệm kỳ", PH_BT,
          "p-typed-elite", "FreeMono", 5, date_style="dashed",
          notes=[(1, note("Đã báo cáo HU", x=1650, y=3330, angle=5, size=58, underline=True))]),
        D(DU_PH, "KH", 24, (1996, 4, 2), "vận động nhân dân xây dựng kênh mương nội đồng", PH_PBT, "p-typed-elite",
          "FreeMono", 2, date_style="words"),
        D(DU_PH, "TB", 30, (1998, 8, 25), "kết quả bầu cử chi ủy các thôn nhiệm kỳ 1998 - 2000", PH_BT,
          "p-typed-elite", "FreeMono", 2, date_style="dashed"),
    ], blank_after=[("tune6-35", 1)])
    return p.docs, p.plan
