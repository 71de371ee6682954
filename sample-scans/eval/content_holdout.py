"""The `holdout` part of the evaluation set: its wording bank and its documents and hồ sơ plan.

Read material since session 7: a unit test was written from one of its pages, so it counts as
tuning material and is no longer pooled with the never-tuned holdouts (README.md).

The document builder and the helpers shared by every part are in content.py.
"""

from content import *  # noqa: F401,F403  (doc, body_for, NN_*, seal_of, …)

HOLDOUT_BANK = [
    "Qua theo dõi cho thấy, việc triển khai {cd} ở nhiều địa phương có chuyển biến rõ nét; tinh thần chủ động của cơ sở được phát huy, quần chúng đồng tình hưởng ứng, nhiều mô hình hay được nhân rộng trong toàn {cq}.",
    "Dù vậy, vẫn còn nơi xem nhẹ {cd}, triển khai mang tính hình thức, chưa có giải pháp cụ thể; việc tổng hợp số liệu thiếu chính xác, một vài đơn vị gửi báo cáo chậm, nội dung sơ sài, chưa nêu được kiến nghị, đề xuất.",
    "Tình trạng trên bắt nguồn từ việc một bộ phận cán bộ chủ chốt chưa thật sự gương mẫu; công tác kiểm tra sau triển khai còn buông lỏng; chưa có cơ chế động viên kịp thời đối với những người trực tiếp làm nhiệm vụ ở thôn, bản.",
    "Mỗi cấp ủy cần cụ thể hóa {cd} thành các chỉ tiêu sát với tình hình đơn vị, có lộ trình và phân công rõ người, rõ việc, rõ thời hạn hoàn thành; lấy kết quả cuối cùng làm thước đo năng lực lãnh đạo của tập thể cấp ủy.",
    "Đẩy mạnh việc thông tin hai chiều giữa cấp ủy với cơ sở, lắng nghe ý kiến phản ánh của đảng viên về {cd}; chú ý nắm tình hình tư tưởng, kịp thời định hướng dư luận, không để phát sinh điểm nóng phức tạp.",
    "Rà soát, bổ sung quy chế phối hợp giữa các ban, ngành liên quan; giao đầu mối theo dõi, tổng hợp cho một cơ quan, tránh chồng chéo; hằng quý tổ chức giao ban đánh giá tiến độ và bàn biện pháp tháo gỡ vướng mắc.",
    "Phấn đấu đến cuối năm {nam} có ít nhất 90% đảng viên được học tập, quán triệt đầy đủ về {cd}; mỗi đảng bộ cơ sở xây dựng được một mô hình điểm để các nơi khác học tập, làm theo.",
    "Những nơi để xảy ra sai phạm, chậm khắc phục phải làm rõ trách nhiệm của tập thể, cá nhân, trước hết là người đứng đầu; kết quả xử lý được công khai trong cấp ủy để làm gương chung.",
    "Cơ quan thường trực có trách nhiệm theo dõi, đôn đốc, định kỳ tổng hợp tình hình thực hiện {cd}, tham mưu cho Thường trực sơ kết vào giữa nhiệm kỳ và tổng kết vào cuối nhiệm kỳ.",
    "Bảo đảm kinh phí từ ngân sách địa phương và lồng ghép với các chương trình mục tiêu; thực hiện công khai, minh bạch việc sử dụng kinh phí, không để xảy ra thất thoát, lãng phí.",
]

# The tune2 part (session 7): its own wording, issuers, typefaces and a layout variant
# (`wide`) that neither tune nor holdout has. It was written as a second holdout part
# ("holdout2"), run once and reported as such (benches/RESULTS.md), then its failures were
# looked at, which made it tuning material: it was renamed tune2.


def body(d):
    """The body paragraphs of one of this part's documents."""
    return body_for(d, HOLDOUT_BANK)


def documents():
    P = "holdout"
    th = dict(issuer_lines=["TỈNH ỦY THANH HÓA"], issuer="Tỉnh ủy Thanh Hóa", superior=None, place="Thanh Hóa",
              cq="Đảng bộ tỉnh", cq_full="Ban Thường vụ Tỉnh ủy", seal="TỈNH ỦY THANH HÓA * ĐẢNG CỘNG SẢN VIỆT NAM *",
              noi_nhan=["- Văn phòng Trung ương Đảng (để b/c),", "- Các đồng chí Tỉnh ủy viên,",
                        "- Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc,", "- Lưu Văn phòng Tỉnh ủy."],
              layout="datebelow", dv="các huyện ủy, thị ủy, thành ủy")
    bd = dict(superior_line="ĐẢNG BỘ TỈNH BÌNH ĐỊNH", superior="Đảng bộ tỉnh Bình Định",
              issuer_lines=["ĐẢNG ỦY KHỐI", "DÂN CHÍNH ĐẢNG"], issuer="Đảng ủy Khối Dân chính Đảng tỉnh Bình Định",
              place="Quy Nhơn", cq="Đảng bộ Khối", cq_full="Ban Thường vụ Đảng ủy Khối", era="typewritten",
              seal="ĐẢNG ỦY KHỐI DÂN CHÍNH ĐẢNG * TỈNH BÌNH ĐỊNH *",
              noi_nhan=["- Thường vụ Tỉnh ủy (b/c),", "- Các đảng bộ, chi bộ cơ sở,", "- Lưu."])
    tp = dict(superior_line="ĐẢNG BỘ TỈNH BÌNH ĐỊNH", superior="Đảng bộ tỉnh Bình Định",
              issuer_lines=["HUYỆN ỦY TUY PHƯỚC"], issuer="Huyện ủy Tuy Phước", place="Tuy Phước", cq="Đảng bộ huyện",
              cq_full="Ban Thường vụ Huyện ủy", seal="HUYỆN ỦY TUY PHƯỚC * TỈNH BÌNH ĐỊNH *",
              noi_nhan=["- Ban Thường vụ Tỉnh ủy (b/c),", "- Các đồng chí Huyện ủy viên,", "- Các tổ chức cơ sở đảng,",
                        "- Lưu VT."])
    tn = dict(issuer_lines=["TỈNH ỦY TÂY NINH", "ỦY BAN KIỂM TRA"], issuer="Ủy ban Kiểm tra Tỉnh ủy Tây Ninh",
              superior="Tỉnh ủy Tây Ninh", place="Tây Ninh", cq="Ủy ban Kiểm tra", cq_full="Ủy ban Kiểm tra Tỉnh ủy",
              seal="ỦY BAN KIỂM TRA * TỈNH ỦY TÂY NINH *",
              noi_nhan=["- Thường trực Tỉnh ủy (để b/c),", "- Ban Tổ chức Tỉnh ủy,", "- Tổ chức đảng có liên quan,", "- Lưu hồ sơ."])
    docs = [
        doc(P, id="holdout-01", kind="NQ", so="11", kh="NQ/TU", date=(2014, 8, 25), so_prefix="Số:", **th, length=7, start=1,
            ty_lines=["về đẩy mạnh cải cách hành chính", "giai đoạn 2014 - 2020"],
            cd="cải cách hành chính", sign=["T/M BAN CHẤP HÀNH", "BÍ THƯ"], nguoi_ky="Trịnh Văn Chiến"),
        doc(P, id="holdout-02", kind="HD", so="46", kh="HD/BTGTU", date=(2015, 3, 2),
            **dict(th, issuer_lines=["TỈNH ỦY THANH HÓA", "BAN TUYÊN GIÁO"], issuer="Ban Tuyên giáo Tỉnh ủy Thanh Hóa",
                   superior="Tỉnh ủy Thanh Hóa", cq_full="Ban Tuyên giáo Tỉnh ủy", seal="BAN TUYÊN GIÁO * TỈNH ỦY THANH HÓA *"),
            length=3, start=4, ref="Kế hoạch của Ban Thường vụ Tỉnh ủy",
            ty_lines=["tuyên truyền kỷ niệm 85 năm Ngày thành lập Đảng"],
            cd="công tác tuyên truyền các ngày lễ lớn", sign=["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"], nguoi_ky="Lê Thị Ngọc Anh"),
        doc(P, id="holdout-03", kind="TB", so="512", kh="TB/TU", date=(2015, 10, 14), **th, length=2, start=6,
            ty_lines=["kết luận của Thường trực Tỉnh ủy tại buổi làm việc", "với Ban Thường vụ Thị ủy Bỉm Sơn"],
            cd="tình hình kinh tế - xã hội của thị xã", sign=["T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG"], nguoi_ky="Nguyễn Văn Thi",
            receipt=dict(so="2087", ngay="19/10/2015", x=round(6 * 11.81), y=round(5 * 11.81))),
        doc(P, id="holdout-04", kind="CTr", so="33", kh="CTr/TU", date=(2016, 1, 20), **th, length=7, start=2,
            ref="Nghị quyết Đại hội đại biểu toàn quốc lần thứ XII của Đảng",
            ty_lines=["hành động thực hiện Nghị quyết Đại hội XII của Đảng"], heading="CHƯƠNG TRÌNH",
            cd="Nghị quyết Đại hội XII của Đảng", sign=["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"], nguoi_ky="Đỗ Trọng Hưng",
            attachment=dict(heading=["PHỤ LỤC", "DANH MỤC ĐỀ ÁN TRIỂN KHAI"], note=["(Kèm theo Chương trình số 33-CTr/TU ngày 20/01/2016", "của Ban Thường vụ Tỉnh ủy)"],
                            body=[("l", "1. Đề án phát triển du lịch biển Sầm Sơn, hoàn thành năm 2017."),
                                  ("l", "2. Đề án nâng cao chất lượng nguồn nhân lực, hoàn thành năm 2018."),
                                  ("l", "3. Đề án sắp xếp đơn vị hành chính cấp xã, hoàn thành năm 2019."),
                                  ("l", "4. Đề án xây dựng nông thôn mới kiểu mẫu, hoàn thành năm 2020.")])),
        doc(P, id="holdout-05", kind="KL", so="27", kh="KL/TU", date=(2017, 11, 3), **th, length=5, start=8,
            ty_lines=["của Ban Thường vụ Tỉnh ủy về công tác giảm nghèo bền vững"],
            cd="công tác giảm nghèo bền vững", sign=["T/M BAN THƯỜNG VỤ", "BÍ THƯ"], nguoi_ky="Trịnh Văn Chiến"),
        doc(P, id="holdout-06", kind="TT", so="02", kh="TT/ĐUK", date=(1994, 9, 5), **bd, length=4, start=0,
            ty_lines=["về công tác phát triển đảng viên", "trong các cơ quan dân chính đảng"],
            cd="công tác phát triển đảng viên", sign=["T/M BAN THƯỜNG VỤ", "BÍ THƯ"], nguoi_ky="Võ Văn Thạnh"),
        doc(P, id="holdout-07", kind="NQ", so="15", kh="NQ/ĐUK", date=(1995, 11, 20), date_form="dashed", **bd, length=2, start=5,
            ty_lines=["về nhiệm vụ công tác năm 1996"],
            cd="nhiệm vụ công tác năm 1996", sign=["T/M ĐẢNG ỦY KHỐI", "PHÓ BÍ THƯ"], nguoi_ky="Huỳnh Thị Xuân"),
        doc(P, id="holdout-08", kind="CV", so="97", kh="CV/ĐUK", date=(1998, 6, 30), **bd, length=2, start=7,
            do_mat="MẬT", code="BD-5560",
            ty_lines=["V/v thẩm tra lý lịch", "cán bộ diện quy hoạch"],
            kinh_gui="Kính gửi: Các đảng bộ, chi bộ cơ sở trực thuộc",
            cd="việc thẩm tra lý lịch cán bộ", sign=["T/M BAN THƯỜNG VỤ", "BÍ THƯ"], nguoi_ky="Võ Văn Thạnh"),
        doc(P, id="holdout-09", kind="CT", so="05", kh="CT/HU", date=(2012, 2, 14), **tp, length=5, start=3, do_khan="KHẨN",
            ty_lines=["về tăng cường lãnh đạo phòng, chống dịch bệnh", "gia súc, gia cầm"],
            cd="công tác phòng, chống dịch bệnh gia súc, gia cầm", sign=["T/M BAN THƯỜNG VỤ", "BÍ THƯ"], nguoi_ky="Nguyễn Phi Long"),
        doc(P, id="holdout-10", kind="BC", so="77", kh="BC/HU", date=(2012, 9, 28), **tp, length=2, start=9,
            do_mat="TUYỆT MẬT", red_marks=True, code="TP-3348",
            ty_lines=["tình hình đấu tranh với các hoạt động", "chống phá trên địa bàn huyện"],
            cd="công tác đấu tranh với các hoạt động chống phá", sign=["T/M BAN THƯỜNG VỤ", "BÍ THƯ"], nguoi_ky="Nguyễn Phi Long"),
        doc(P, id="holdout-11", kind="QĐ", so="1024", kh="QĐ/HU", date=(2013, 1, 31), **tp, length=1, start=1,
            ty_lines=["về việc tặng Giấy khen cho các tổ chức cơ sở đảng", "trong sạch, vững mạnh tiêu biểu năm 2012"],
            can_cu=["- Căn cứ Điều lệ Đảng;", "- Căn cứ Quy định của Ban Chấp hành Trung ương về khen thưởng tổ chức đảng;",
                    "- Xét đề nghị của Ban Tổ chức Huyện ủy,"],
            authority_heading="BAN THƯỜNG VỤ HUYỆN ỦY QUYẾT ĐỊNH",
            dieu=["Tặng Giấy khen cho 12 tổ chức cơ sở đảng đã đạt tiêu chuẩn trong sạch, vững mạnh tiêu biểu năm 2012.",
                  "Văn phòng Huyện ủy, Ban Tổ chức Huyện ủy và các tổ chức đảng có tên tại Điều 1 thi hành Quyết định này./."],
            cd="công tác thi đua, khen thưởng", sign=["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"], nguoi_ky="Trần Thị Kim Chi"),
        doc(P, id="holdout-12", kind="QĐ-state", format="state", so="2156", kh="QĐ-UBND", date=(2017, 7, 11),
            so_prefix="Số:", issuer_lines=["ỦY BAN NHÂN DÂN", "TỈNH HẢI DƯƠNG"], issuer="Ủy ban nhân dân tỉnh Hải Dương",
            superior=None, place="Hải Dương", cq="tỉnh", cq_full="Ủy ban nhân dân tỉnh", length=1, start=3,
            dv="các sở, ngành, địa phương", seal="ỦY BAN NHÂN DÂN * TỈNH HẢI DƯƠNG *", noi_nhan=NN_STATE,
            ty_lines=["Ban hành Quy chế quản lý tài liệu lưu trữ điện tử", "của các cơ quan nhà nước tỉnh Hải Dương"],
            authority_heading="ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG",
            can_cu=["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
                    "Căn cứ Luật Giao dịch điện tử ngày 29 tháng 11 năm 2005;", "Theo đề nghị của Giám đốc Sở Nội vụ,"],
            dieu=["Ban hành kèm theo Quyết định này Quy chế quản lý tài liệu lưu trữ điện tử của các cơ quan nhà nước tỉnh Hải Dương.",
                  "Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng UBND tỉnh, Giám đốc các sở, ngành và Chủ tịch UBND các huyện chịu trách nhiệm thi hành./."],
            cd="việc quản lý tài liệu lưu trữ điện tử", sign=["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], nguoi_ky="Nguyễn Dương Thái",
            attachment=dict(heading=["QUY CHẾ", "Quản lý tài liệu lưu trữ điện tử của các cơ quan nhà nước tỉnh Hải Dương"],
                            note=["(Ban hành kèm theo Quyết định số 2156/QĐ-UBND", "ngày 11/7/2017 của UBND tỉnh Hải Dương)"],
                            body=[("c", "Chương I"), ("c", "NHỮNG QUY ĐỊNH CHUNG"),
                                  ("p", "Điều 1. Quy chế này quy định việc tạo lập, thu thập, bảo quản và khai thác tài liệu lưu trữ điện tử của các cơ quan nhà nước trên địa bàn tỉnh."),
                                  ("p", "Điều 2. Tài liệu lưu trữ điện tử phải bảo đảm tính xác thực, toàn vẹn, nhất quán và khả năng truy cập trong suốt thời hạn bảo quản."),
                                  ("p", "Điều 3. Sở Nội vụ chủ trì hướng dẫn, kiểm tra việc thực hiện Quy chế; Sở Thông tin và Truyền thông bảo đảm hạ tầng kỹ thuật và an toàn thông tin.")])),
        doc(P, id="holdout-13", kind="CV-state", format="state", so="1835", kh="UBND-VP", date=(2018, 8, 6),
            so_prefix="Số:", issuer_lines=["ỦY BAN NHÂN DÂN", "TỈNH HẢI DƯƠNG"], issuer="Ủy ban nhân dân tỉnh Hải Dương",
            superior=None, place="Hải Dương", cq="tỉnh", cq_full="Ủy ban nhân dân tỉnh", length=2, start=5, do_khan="KHẨN",
            dv="các sở, ngành, địa phương", seal="ỦY BAN NHÂN DÂN * TỈNH HẢI DƯƠNG *",
            noi_nhan=["- Như trên;", "- Chủ tịch UBND tỉnh (để b/c);", "- Lưu: VT, NC."],
            ty_lines=["V/v khắc phục hậu quả mưa lũ", "và bảo vệ hồ sơ, tài liệu"],
            kinh_gui="Kính gửi: Ủy ban nhân dân các huyện, thị xã, thành phố",
            cd="việc bảo vệ hồ sơ, tài liệu trong mùa mưa lũ", sign=["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"], nguoi_ky="Vũ Văn Tùng"),
        doc(P, id="holdout-14", kind="KL", so="64", kh="KL/UBKTTU", date=(2019, 5, 17), **tn, length=5, start=2,
            ty_lines=["giám sát chuyên đề đối với Ban Thường vụ Huyện ủy Gò Dầu"],
            cd="việc thực hiện quy chế làm việc", sign=["T/M ỦY BAN KIỂM TRA", "PHÓ CHỦ NHIỆM"], nguoi_ky="Nguyễn Minh Triết"),
        doc(P, id="holdout-15", kind="TB", so="58", kh="TB/UBKTTU", date=(2019, 6, 4), **tn, length=2, start=7,
            do_mat="MẬT", code="TN-9027",
            ty_lines=["kết quả kỳ họp thứ 31 của Ủy ban Kiểm tra Tỉnh ủy"],
            cd="kết quả kỳ họp của Ủy ban Kiểm tra", sign=["T/M ỦY BAN KIỂM TRA", "CHỦ NHIỆM"], nguoi_ky="Trần Văn Hải"),
        doc(P, id="holdout-16", kind="KH", so="08", kh="KH/ĐU", date=(2010, 3, 15),
            superior_line="ĐẢNG BỘ HUYỆN TUY PHƯỚC", superior="Đảng bộ huyện Tuy Phước", issuer_lines=["ĐẢNG ỦY XÃ PHƯỚC HƯNG"],
            issuer="Đảng ủy xã Phước Hưng", place="Phước Hưng", cq="Đảng bộ xã", cq_full="Ban Thường vụ Đảng ủy",
            seal="ĐẢNG ỦY XÃ PHƯỚC HƯNG * HUYỆN TUY PHƯỚC *", dv="các chi bộ thôn", length=3, start=4,
            noi_nhan=["- Ban Thường vụ Huyện ủy (b/c),", "- Các chi bộ trực thuộc,", "- Lưu VP Đảng ủy."],
            ref="Kế hoạch của Ban Thường vụ Huyện ủy",
            ty_lines=["kiểm tra, giám sát năm 2010"],
            cd="công tác kiểm tra, giám sát", sign=["T/M ĐẢNG ỦY", "PHÓ BÍ THƯ"], nguoi_ky="Lê Văn Cường",
            attachment=dict(heading=["PHỤ LỤC"], note=["(Kèm theo Kế hoạch số 08-KH/ĐU ngày 15/3/2010 của Đảng ủy xã)"],
                            body=[("l", "1. Chi bộ thôn Quảng Tín: kiểm tra tháng 4/2010."),
                                  ("l", "2. Chi bộ thôn Lộc Thượng: giám sát tháng 6/2010."),
                                  ("l", "3. Chi bộ thôn Vinh Thạnh: kiểm tra tháng 8/2010."),
                                  ("l", "4. Chi bộ Trường Tiểu học số 1: giám sát tháng 10/2010.")])),
    ]
    hosos = [
        dict(dir="hs-a-tinh-uy-thanh-hoa", docs=["holdout-01", "holdout-02", "holdout-03", "holdout-04", "holdout-05"],
             pack="one-file", fmt="pdf", name="tinh-uy-2014-2017", wear=["blur", "noise"], wear_rate=0.25,
             upside_down=[("holdout-04", 3)]),
        dict(dir="hs-b-dang-uy-khoi-1994", docs=["holdout-06", "holdout-07", "holdout-08"], pack="per-page",
             fmt="tiff-g4", dpi=300, blank_after=["holdout-06", "holdout-08"], wear=["photocopy"], wear_rate=0.4),
        dict(dir="hs-c-huyen-uy-tuy-phuoc", docs=["holdout-09", "holdout-10", "holdout-11"], pack="per-page",
             fmt=["jpeg", "png"], wear=["salt_pepper"], wear_rate=0.25),
        dict(dir="hs-d-ubnd-hai-duong", docs=["holdout-12", "holdout-13"], pack="per-doc", fmt="tiff-g4", dpi=300,
             wear=["noise"], wear_rate=0.3),
        dict(dir="hs-e-ubkt-tay-ninh", docs=["holdout-14", "holdout-15"], pack="one-file", fmt="tiff-g4", dpi=300,
             name="ubkt-2019", wear=["salt_pepper"], wear_rate=0.3),
        dict(dir="hs-f-ke-hoach-phuoc-hung", docs=["holdout-16"], pack="per-doc", fmt="pdf", wear=["faded"], wear_rate=0.4),
    ]
    box = {"ma_co_quan_luu_tru": "H44", "ma_phong": "02", "ten_phong": "Phông tài liệu đánh giá (phần holdout)",
           "hop_so": "102", "don_vi_so_hoa": "Nhóm phát triển sohoa", "nguoi_so_hoa": "Bộ sinh mẫu đánh giá"}
    return docs, hosos, box
