"""The `holdout3` part of the evaluation set: its wording bank and its documents and hồ sơ plan.

Its failures were read in session 8, so it is tuning material (README.md).

The document builder and the helpers shared by every part are in content.py.
"""

from content import *  # noqa: F401,F403  (doc, body_for, NN_*, seal_of, …)

HOLDOUT3_BANK = [
    "Qua một năm triển khai, {cd} đã tạo được sự thống nhất cao trong nhận thức và hành động; các cơ quan, đơn vị đã cụ thể hóa thành chương trình công tác, gắn với nhiệm vụ chuyên môn của từng bộ phận.",
    "Một số chỉ tiêu đạt thấp so với yêu cầu; việc sơ kết, rút kinh nghiệm chưa kịp thời; công tác thông tin, báo cáo ở một vài nơi còn mang tính hình thức, chưa phản ánh đúng thực chất tình hình.",
    "Hạn chế nêu trên có phần do điều kiện khách quan, song chủ yếu là do công tác lãnh đạo, chỉ đạo của một số cấp ủy chưa quyết liệt; việc phân công nhiệm vụ chưa rõ ràng, còn chồng chéo giữa các bộ phận.",
    "Đề nghị {dv} tiếp tục quán triệt sâu sắc {cd} đến từng cán bộ, đảng viên; rà soát, điều chỉnh các chỉ tiêu cho phù hợp, bảo đảm tính khả thi và tiến độ đề ra.",
    "Gắn việc thực hiện {cd} với việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; lấy hiệu quả công việc và sự hài lòng của người dân làm thước đo.",
    "Định kỳ sáu tháng, {cq} tổ chức giao ban đánh giá kết quả, chỉ ra những việc làm được, chưa được và nguyên nhân; kịp thời điều chỉnh những nội dung không còn phù hợp với thực tiễn.",
    "Năm {nam}, phấn đấu 100% cán bộ chủ chốt được bồi dưỡng kiến thức mới; trên 90% chi bộ duy trì nền nếp sinh hoạt định kỳ; không để xảy ra vi phạm phải xử lý kỷ luật.",
    "Các cơ quan tham mưu chủ động phối hợp, chia sẻ thông tin; kịp thời đề xuất những chủ trương, giải pháp mới, tháo gỡ khó khăn cho cơ sở, không để công việc ách tắc kéo dài.",
    "Bố trí đủ kinh phí cho việc thực hiện {cd}; huy động sự tham gia của các doanh nghiệp, nhà hảo tâm và cộng đồng dân cư; quản lý, sử dụng nguồn lực đúng quy định.",
    "Văn phòng có trách nhiệm theo dõi, tổng hợp và báo cáo định kỳ; đồng thời đề xuất biểu dương, khen thưởng kịp thời những tập thể, cá nhân có thành tích xuất sắc.",
]


def body(d):
    """The body paragraphs of one of this part's documents."""
    return body_for(d, HOLDOUT3_BANK)


def documents():
    P = "holdout3"
    vinh = dict(superior_line="ĐẢNG BỘ TỈNH NGHỆ AN", superior="Đảng bộ tỉnh Nghệ An", issuer_lines=["THÀNH ỦY VINH"],
                issuer="Thành ủy Vinh", place="Vinh", cq="Thành ủy", cq_full="Ban Thường vụ Thành ủy",
                seal="THÀNH ỦY VINH * TỈNH NGHỆ AN *", face="noto", layout="tall", dv="các đảng bộ, chi bộ trực thuộc",
                noi_nhan=["- Ban Thường vụ Tỉnh ủy (b/c),", "- Các đồng chí Thành ủy viên,", "- Các đảng bộ, chi bộ trực thuộc,",
                          "- Lưu Văn phòng Thành ủy."])
    da = dict(superior_line="ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", superior="Đảng bộ thành phố Hà Nội", issuer_lines=["HUYỆN ỦY ĐÔNG ANH"],
              issuer="Huyện ủy Đông Anh", place="Đông Anh", cq="Huyện ủy", cq_full="Ban Thường vụ Huyện ủy",
              seal="HUYỆN ỦY ĐÔNG ANH * THÀNH PHỐ HÀ NỘI *", dv="các tổ chức cơ sở đảng",
              noi_nhan=["- Thường trực Thành ủy (b/c),", "- Các đồng chí Huyện ủy viên,", "- Các tổ chức cơ sở đảng,", "- Lưu VPHU."])
    ubkt = dict(issuer_lines=["HUYỆN ỦY ĐÔNG ANH", "ỦY BAN KIỂM TRA"], issuer="Ủy ban Kiểm tra Huyện ủy Đông Anh",
                superior="Huyện ủy Đông Anh", place="Đông Anh", cq="Ủy ban Kiểm tra", cq_full="Ủy ban Kiểm tra Huyện ủy",
                seal="ỦY BAN KIỂM TRA * HUYỆN ỦY ĐÔNG ANH *", face="noto", layout="tall", dv="các tổ chức cơ sở đảng",
                noi_nhan=["- Thường trực Huyện ủy (b/c),", "- Tổ chức đảng có liên quan,", "- Lưu UBKT."])
    vn = dict(superior_line="ĐẢNG BỘ HUYỆN ĐÔNG ANH", superior="Đảng bộ huyện Đông Anh", issuer_lines=["ĐẢNG ỦY XÃ VÂN NỘI"],
              issuer="Đảng ủy xã Vân Nội", place="Vân Nội", cq="Đảng ủy", cq_full="Ban Thường vụ Đảng ủy",
              seal="ĐẢNG ỦY XÃ VÂN NỘI * HUYỆN ĐÔNG ANH *", dv="các chi bộ thôn", era="typewritten",
              noi_nhan=["- Ban Thường vụ Huyện ủy (b/c),", "- Các chi bộ,", "- Lưu."])
    bn = dict(issuer_lines=["TỈNH ỦY BẮC NINH", "VĂN PHÒNG"], issuer="Văn phòng Tỉnh ủy Bắc Ninh", superior="Tỉnh ủy Bắc Ninh",
              place="Bắc Ninh", cq="Văn phòng Tỉnh ủy", cq_full="Văn phòng Tỉnh ủy", seal="VĂN PHÒNG * TỈNH ỦY BẮC NINH *",
              face="noto", dv="các huyện ủy, thị ủy, thành ủy", layout="tall",
              noi_nhan=["- Thường trực Tỉnh ủy (b/c),", "- Các huyện ủy, thị ủy, thành ủy,", "- Lưu VP."])
    cuc = dict(format="state", so_prefix="Số:", issuer_lines=["BỘ NỘI VỤ", "CỤC VĂN THƯ VÀ", "LƯU TRỮ NHÀ NƯỚC"],
               issuer="Cục Văn thư và Lưu trữ nhà nước", superior="Bộ Nội vụ", place="Hà Nội", cq="Cục",
               cq_full="Cục Văn thư và Lưu trữ nhà nước", dv="các cơ quan, tổ chức", face="noto",
               seal="CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC * BỘ NỘI VỤ *")
    docs = [
        doc(P, id="holdout3-01", kind="NQ", so="36", kh="NQ/TU", date=(2013, 5, 17), **vinh, length=6, start=0,
            ty_lines=["về chỉnh trang đô thị, xây dựng nếp sống văn minh", "giai đoạn 2013 - 2018"],
            cd="chỉnh trang đô thị", sign=["T/M BAN THƯỜNG VỤ", "BÍ THƯ"], nguoi_ky="Nguyễn Hoài An"),
        doc(P, id="holdout3-02", kind="CT", so="19", kh="CT/TU", date=(2013, 9, 3), **vinh, length=3, start=4, do_khan="KHẨN",
            ty_lines=["về tăng cường công tác phòng, chống bão lụt năm 2013"],
            cd="công tác phòng, chống bão lụt", sign=["K/T BÍ THƯ", "PHÓ BÍ THƯ"], nguoi_ky="Trần Ngọc Tú"),
        doc(P, id="holdout3-03", kind="BC", so="145", kh="BC/TU", date=(2013, 12, 12), **vinh, length=4, start=7,
            ty_lines=["kết quả thực hiện nhiệm vụ năm 2013,", "phương hướng, nhiệm vụ năm 2014"],
            cd="nhiệm vụ chính trị năm 2013", sign=["T/M BAN THƯỜNG VỤ", "BÍ THƯ"], nguoi_ky="Nguyễn Hoài An"),
        doc(P, id="holdout3-04", kind="KH", so="52", kh="KH/HU", date=(2015, 2, 9), date_form="padded", **da, length=4, start=2,
            ref="Chỉ thị số 36-CT/TW của Bộ Chính trị",
            ty_lines=["tổ chức đại hội đảng bộ cơ sở tiến tới", "Đại hội Đảng bộ huyện lần thứ XXIV"],
            cd="việc tổ chức đại hội đảng bộ cơ sở", sign=["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"], nguoi_ky="Đỗ Mạnh Hưng",
            attachment=dict(heading=["PHỤ LỤC"], note=["(Kèm theo Kế hoạch số 52-KH/HU ngày 09/02/2015 của Ban Thường vụ Huyện ủy)"],
                            body=[("l", "1. Đảng bộ xã Vân Nội: đại hội điểm, tháng 4/2015."),
                                  ("l", "2. Đảng bộ xã Uy Nỗ: tháng 5/2015."),
                                  ("l", "3. Đảng bộ thị trấn Đông Anh: tháng 5/2015."),
                                  ("l", "4. Các đảng bộ, chi bộ cơ sở còn lại: hoàn thành trước 30/6/2015.")])),
        doc(P, id="holdout3-05", kind="TB", so="208", kh="TB/HU", date=(2015, 6, 26), so_prefix="Số:", **da, length=2, start=5,
            ty_lines=["kết luận của Ban Thường vụ Huyện ủy về công tác", "giải phóng mặt bằng các dự án trọng điểm"],
            cd="công tác giải phóng mặt bằng", sign=["T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG"], nguoi_ky="Lê Thị Thu Hằng",
            receipt=dict(so="1190", ngay="29/6/2015", x=round(5 * 11.81), y=round(5 * 11.81))),
        doc(P, id="holdout3-06", kind="KL", so="14", kh="KL/UBKTHU", date=(2016, 10, 5), **ubkt, length=4, start=3,
            ty_lines=["kiểm tra việc thực hiện nhiệm vụ kiểm tra, giám sát", "của Đảng ủy xã Uy Nỗ"],
            cd="nhiệm vụ kiểm tra, giám sát", sign=["T/M ỦY BAN KIỂM TRA", "CHỦ NHIỆM"], nguoi_ky="Ngô Văn Khải"),
        doc(P, id="holdout3-07", kind="BC", so="09", kh="BC/UBKTHU", date=(2016, 11, 21), **ubkt, length=2, start=8,
            do_mat="MẬT", code="DA-3385",
            ty_lines=["kết quả giải quyết tố cáo đối với đảng viên"],
            cd="việc giải quyết tố cáo", sign=["T/M ỦY BAN KIỂM TRA", "CHỦ NHIỆM"], nguoi_ky="Ngô Văn Khải"),
        doc(P, id="holdout3-08", kind="NQ", so="05", kh="NQ/ĐU", date=(1998, 1, 14), **vn, length=3, start=1,
            ty_lines=["về nhiệm vụ phát triển kinh tế - xã hội năm 1998"],
            cd="nhiệm vụ phát triển kinh tế - xã hội", sign=["T/M ĐẢNG ỦY", "BÍ THƯ"], nguoi_ky="Nguyễn Văn Thắng"),
        doc(P, id="holdout3-09", kind="TTr", so="12", kh="TTr/ĐU", date=(1999, 4, 6), date_form="dashed", **vn, length=2, start=6,
            ty_lines=["về việc đề nghị kết nạp quần chúng ưu tú vào Đảng"],
            kinh_gui="Kính gửi: Ban Thường vụ Huyện ủy Đông Anh", ref="Điều lệ Đảng",
            cd="việc kết nạp đảng viên mới", sign=["T/M ĐẢNG ỦY", "PHÓ BÍ THƯ"], nguoi_ky="Phạm Thị Liên"),
        doc(P, id="holdout3-10", kind="CV", so="784", kh="CV/VPTU", date=(2018, 10, 30), **bn, length=2, start=9,
            ty_lines=["V/v chuẩn bị tài liệu phục vụ", "Hội nghị Tỉnh ủy cuối năm"],
            kinh_gui="Kính gửi: Các huyện ủy, thị ủy, thành ủy và đảng ủy trực thuộc",
            cd="việc chuẩn bị tài liệu hội nghị", sign=["K/T CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"], nguoi_ky="Vũ Đức Thịnh"),
        doc(P, id="holdout3-11", kind="HD", so="03", kh="HD/VPTU", date=(2019, 2, 25), **bn, length=3, start=1,
            ref="Quy định số 66-QĐ/TW của Ban Chấp hành Trung ương",
            ty_lines=["thể thức và kỹ thuật trình bày văn bản", "trong các cơ quan đảng của tỉnh"],
            cd="việc trình bày văn bản của Đảng", sign=["T/M VĂN PHÒNG", "CHÁNH VĂN PHÒNG"], nguoi_ky="Nguyễn Thị Quyên"),
        doc(P, id="holdout3-12", kind="CV-state", so="356", kh="VTLTNN-NVTW", date=(2017, 5, 15), **cuc, length=2, start=4,
            noi_nhan=["- Như trên;", "- Cục trưởng (để b/c);", "- Lưu: VT, NVTW."],
            ty_lines=["V/v hướng dẫn chỉnh lý", "tài liệu nền giấy tồn đọng"],
            kinh_gui="Kính gửi: Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
            cd="việc chỉnh lý tài liệu tồn đọng", sign=["KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG"], nguoi_ky="Đặng Thanh Tùng"),
        doc(P, id="holdout3-13", kind="TB", so="31", kh="TB/TU", date=(2014, 3, 20), **vinh, length=2, start=2,
            do_mat="TUYỆT MẬT", red_marks=True, code="VN-7702",
            ty_lines=["ý kiến của Thường trực Thành ủy về phương án", "bảo vệ an ninh khu vực trung tâm"],
            cd="phương án bảo vệ an ninh", sign=["T/M BAN THƯỜNG VỤ", "BÍ THƯ"], nguoi_ky="Nguyễn Hoài An"),
    ]
    hosos = [
        dict(dir="hs-n-thanh-uy-vinh-2013", docs=["holdout3-01", "holdout3-02", "holdout3-03", "holdout3-13"], pack="per-page",
             fmt=["jpeg", "png"], wear=["noise", "faded"], wear_rate=0.3, upside_down=[("holdout3-03", 2)]),
        dict(dir="hs-o-huyen-uy-dong-anh", docs=["holdout3-04", "holdout3-05"], pack="one-file", fmt="pdf",
             name="huyen-uy-2015", blank_after=["holdout3-04"], wear=["blur"], wear_rate=0.35),
        dict(dir="hs-p-ubkt-dong-anh", docs=["holdout3-06", "holdout3-07"], pack="per-doc", fmt="tiff-g4", dpi=300,
             wear=["salt_pepper"], wear_rate=0.3),
        dict(dir="hs-q-dang-uy-van-noi-1998", docs=["holdout3-08", "holdout3-09"], pack="one-file", fmt="tiff-g4", dpi=300,
             name="dang-uy-1998-1999", wear=["photocopy"], wear_rate=0.5),
        dict(dir="hs-r-van-phong-tinh-uy-bac-ninh", docs=["holdout3-10", "holdout3-11"], pack="per-doc", fmt="pdf",
             wear=["punch_holes", "noise"], wear_rate=0.3),
        dict(dir="hs-s-cuc-van-thu", docs=["holdout3-12"], pack="per-page", fmt="png", wear=["blur"], wear_rate=0.4),
    ]
    box = {"ma_co_quan_luu_tru": "H44", "ma_phong": "04", "ten_phong": "Phông tài liệu đánh giá (phần holdout3)",
           "hop_so": "104", "don_vi_so_hoa": "Nhóm phát triển sohoa", "nguoi_so_hoa": "Bộ sinh mẫu đánh giá"}
    return docs, hosos, box
