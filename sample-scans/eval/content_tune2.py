"""The `tune2` part of the evaluation set: its wording bank and its documents and hồ sơ plan.

Written as a holdout (`holdout2`); its failures were read in session 7, so it is tuning
material (README.md).

The document builder and the helpers shared by every part are in content.py.
"""

from content import *  # noqa: F401,F403  (doc, body_for, NN_*, seal_of, …)

TUNE2_BANK = [
    "Thời gian qua, được sự quan tâm của {cq}, việc thực hiện {cd} đã đi vào nền nếp; nhiều tập thể, cá nhân chủ động đăng ký thực hiện, đến nay đã có trên hai phần ba số cơ sở hoàn thành các nội dung đề ra.",
    "Tuy nhiên, ở một số nơi, việc quán triệt {cd} còn chậm, nội dung sinh hoạt chưa phong phú; có đảng viên chưa gương mẫu, ngại va chạm, chưa thực sự gần dân, sát dân; số liệu thống kê giữa các ngành có chỗ chưa khớp nhau.",
    "Nguyên nhân khách quan là địa bàn rộng, giao thông đi lại khó khăn, thời tiết diễn biến bất thường; nguyên nhân chủ quan là sự phối hợp giữa cấp ủy với chính quyền và các đoàn thể có lúc chưa nhịp nhàng, đồng bộ.",
    "Yêu cầu {dv} bám sát nội dung {cd}, xây dựng kế hoạch cụ thể, xác định rõ trọng tâm, trọng điểm; định kỳ hằng tháng kiểm điểm tiến độ và báo cáo kết quả về Văn phòng trước ngày 25.",
    "Chú trọng công tác bồi dưỡng, tập huấn nghiệp vụ cho đội ngũ cán bộ cơ sở; lựa chọn những đồng chí có kinh nghiệm, uy tín để phụ trách từng địa bàn, kịp thời hướng dẫn, giúp đỡ những nơi còn lúng túng.",
    "Phát huy vai trò giám sát của nhân dân và các tổ chức chính trị - xã hội đối với {cd}; tiếp nhận, xử lý dứt điểm các ý kiến, kiến nghị chính đáng, không để đơn thư tồn đọng, kéo dài.",
    "Trong năm {nam}, phấn đấu mỗi thôn, tổ dân phố có ít nhất một mô hình tiêu biểu; tỷ lệ hộ gia đình được tuyên truyền, phổ biến đạt trên 95%; kinh phí được giải ngân đúng tiến độ, đúng mục đích.",
    "Các đồng chí cấp ủy viên được phân công phụ trách địa bàn có trách nhiệm trực tiếp dự họp, nắm tình hình và chỉ đạo giải quyết những vấn đề phát sinh; cuối năm báo cáo kết quả với tập thể cấp ủy.",
    "Văn phòng chủ trì, phối hợp với các ban tham mưu theo dõi, đôn đốc việc thực hiện {cd}; tổng hợp những khó khăn, vướng mắc, đề xuất biện pháp tháo gỡ để Thường trực xem xét, quyết định.",
    "Kết quả thực hiện {cd} là một trong những tiêu chí đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên và bình xét thi đua, khen thưởng cuối năm của các tập thể, cá nhân.",
]

# The holdout3 part (session 7): written after the extraction code of the session was final
# and committed before its first run; never tuned on. Its wording, issuers, typeface (Noto
# Serif; Liberation Mono Bold for typewriting) and its `tall` layout (the date line a row
# under the số, centred in the right column) are in no other part.


def body(d):
    """The body paragraphs of one of this part's documents."""
    return body_for(d, TUNE2_BANK)


def documents():
    P = "tune2"
    bto = dict(issuer_lines=["TỈNH ỦY LÂM ĐỒNG", "BAN TỔ CHỨC"], issuer="Ban Tổ chức Tỉnh ủy Lâm Đồng",
               superior="Tỉnh ủy Lâm Đồng", place="Đà Lạt", cq="Ban Tổ chức Tỉnh ủy", cq_full="Ban Tổ chức Tỉnh ủy",
               seal="BAN TỔ CHỨC * TỈNH ỦY LÂM ĐỒNG *", layout="wide", face="free",
               noi_nhan=["- Thường trực Tỉnh ủy (b/c),", "- Các huyện ủy, thành ủy,", "- Các đảng ủy trực thuộc,",
                         "- Lưu Ban Tổ chức."], dv="các huyện ủy, thành ủy, đảng ủy trực thuộc")
    hc = dict(superior_line="ĐẢNG BỘ THÀNH PHỐ ĐÀ NẴNG", superior="Đảng bộ thành phố Đà Nẵng",
              issuer_lines=["QUẬN ỦY HẢI CHÂU"], issuer="Quận ủy Hải Châu", place="Hải Châu", cq="Quận ủy",
              cq_full="Ban Thường vụ Quận ủy", seal="QUẬN ỦY HẢI CHÂU * THÀNH PHỐ ĐÀ NẴNG *", face="sans",
              noi_nhan=["- Ban Thường vụ Thành ủy (b/c),", "- Các đồng chí Quận ủy viên,",
                        "- Các tổ chức cơ sở đảng,", "- Lưu Văn phòng Quận ủy."], dv="các tổ chức cơ sở đảng")
    ht = dict(issuer_lines=["TỈNH ỦY HÀ TĨNH"], issuer="Tỉnh ủy Hà Tĩnh", superior=None, place="Hà Tĩnh",
              cq="Tỉnh ủy", cq_full="Ban Thường vụ Tỉnh ủy", seal="TỈNH ỦY HÀ TĨNH * ĐẢNG CỘNG SẢN VIỆT NAM *",
              era="typewritten", noi_nhan=["- Trung ương Đảng (b/c),", "- Các huyện ủy, thị ủy,", "- Lưu."],
              dv="các huyện ủy, thị ủy")
    ag = dict(superior_line="ĐẢNG BỘ TỈNH AN GIANG", superior="Đảng bộ tỉnh An Giang",
              issuer_lines=["ĐẢNG ỦY KHỐI", "DOANH NGHIỆP"], issuer="Đảng ủy Khối Doanh nghiệp tỉnh An Giang",
              place="Long Xuyên", cq="Đảng ủy Khối", cq_full="Ban Thường vụ Đảng ủy Khối", layout="wide", face="free",
              seal="ĐẢNG ỦY KHỐI DOANH NGHIỆP * TỈNH AN GIANG *", dv="các đảng bộ, chi bộ doanh nghiệp",
              noi_nhan=["- Thường trực Tỉnh ủy (b/c),", "- Các đảng bộ, chi bộ cơ sở,", "- Lưu VP Đảng ủy Khối."])
    ak = dict(superior_line="ĐẢNG BỘ QUẬN NINH KIỀU", superior="Đảng bộ quận Ninh Kiều",
              issuer_lines=["ĐẢNG ỦY PHƯỜNG AN HÒA"], issuer="Đảng ủy phường An Hòa", place="An Hòa",
              cq="Đảng ủy phường", cq_full="Ban Thường vụ Đảng ủy", seal="ĐẢNG ỦY PHƯỜNG AN HÒA * QUẬN NINH KIỀU *",
              dv="các chi bộ khu vực", face="sans", layout="datebelow",
              noi_nhan=["- Ban Thường vụ Quận ủy (b/c),", "- Các chi bộ trực thuộc,", "- Lưu."])
    cx = dict(issuer_lines=["HUYỆN ỦY CẨM XUYÊN", "BAN DÂN VẬN"], issuer="Ban Dân vận Huyện ủy Cẩm Xuyên",
              superior="Huyện ủy Cẩm Xuyên", place="Cẩm Xuyên", cq="Ban Dân vận", cq_full="Ban Dân vận Huyện ủy",
              seal="BAN DÂN VẬN * HUYỆN ỦY CẨM XUYÊN *", dv="các đảng ủy xã, thị trấn", layout="wide",
              noi_nhan=["- Ban Dân vận Tỉnh ủy (b/c),", "- Thường trực Huyện ủy (b/c),", "- Các đảng ủy xã, thị trấn,",
                        "- Lưu."])
    kb = dict(format="state", so_prefix="Số:", issuer_lines=["ỦY BAN NHÂN DÂN", "HUYỆN KIM BẢNG"],
              issuer="Ủy ban nhân dân huyện Kim Bảng", superior=None, place="Kim Bảng", cq="huyện",
              cq_full="Ủy ban nhân dân huyện", dv="các xã, thị trấn", seal="ỦY BAN NHÂN DÂN * HUYỆN KIM BẢNG *",
              face="free")
    stp = dict(format="state", so_prefix="Số:", issuer_lines=["UBND TỈNH NINH BÌNH", "SỞ TƯ PHÁP"],
               issuer="Sở Tư pháp tỉnh Ninh Bình", superior="Ủy ban nhân dân tỉnh Ninh Bình", place="Ninh Bình",
               cq="Sở Tư pháp", cq_full="Sở Tư pháp", dv="các phòng, đơn vị thuộc Sở", face="sans",
               seal="SỞ TƯ PHÁP * TỈNH NINH BÌNH *")
    docs = [
        doc(P, id="tune2-01", kind="HD", so="12", kh="HD/BTCTU", date=(2016, 9, 8), **bto, length=4, start=0,
            ref="Quy định của Ban Bí thư về công tác đảng viên",
            ty_lines=["về quy trình xét kết nạp đảng viên", "và công nhận đảng viên chính thức"],
            cd="công tác phát triển đảng viên", sign=["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"], nguoi_ky="Đinh Văn Hiển"),
        doc(P, id="tune2-02", kind="BC", so="203", kh="BC/BTCTU", date=(2016, 12, 19), **bto, length=5, start=3,
            ty_lines=["kết quả đánh giá, xếp loại tổ chức cơ sở đảng", "và đảng viên năm 2016"],
            cd="việc đánh giá, xếp loại tổ chức đảng", sign=["T/M BAN TỔ CHỨC", "TRƯỞNG BAN"], nguoi_ky="Trần Thị Vân Hoa"),
        doc(P, id="tune2-03", kind="CV", so="418", kh="CV/BTCTU", date=(2017, 2, 6), **bto, length=2, start=6,
            do_mat="MẬT", code="LD-7319",
            ty_lines=["V/v rà soát hồ sơ nhân sự", "diện Ban Thường vụ quản lý"],
            kinh_gui="Kính gửi: Các huyện ủy, thành ủy trực thuộc Tỉnh ủy",
            cd="việc rà soát hồ sơ nhân sự", sign=["T/M BAN TỔ CHỨC", "TRƯỞNG BAN"], nguoi_ky="Trần Thị Vân Hoa"),
        doc(P, id="tune2-04", kind="NQ", so="07", kh="NQ/QU", date=(2011, 4, 22), **hc, length=6, start=1,
            ty_lines=["về xây dựng tuyến phố văn minh đô thị", "giai đoạn 2011 - 2015"],
            cd="xây dựng tuyến phố văn minh đô thị", sign=["T/M BAN THƯỜNG VỤ", "BÍ THƯ"], nguoi_ky="Lương Nguyễn Minh Triết"),
        doc(P, id="tune2-05", kind="KH", so="31", kh="KH/QU", date=(2011, 6, 1), date_form="padded", **hc, length=3, start=4,
            ref="Nghị quyết số 07-NQ/QU của Ban Thường vụ Quận ủy",
            ty_lines=["triển khai thực hiện Nghị quyết số 07-NQ/QU", "về xây dựng tuyến phố văn minh đô thị"],
            cd="việc xây dựng tuyến phố văn minh", sign=["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"], nguoi_ky="Nguyễn Thị Kim Hằng",
            attachment=dict(heading=["PHỤ LỤC", "DANH SÁCH TUYẾN PHỐ ĐĂNG KÝ"], note=["(Kèm theo Kế hoạch số 31-KH/QU ngày 01/6/2011 của Ban Thường vụ Quận ủy)"],
                            body=[("l", "1. Đường Bạch Đằng: phường Thạch Thang, hoàn thành năm 2012."),
                                  ("l", "2. Đường Trần Phú: phường Hải Châu I, hoàn thành năm 2012."),
                                  ("l", "3. Đường Lê Duẩn: phường Thạch Thang, hoàn thành năm 2013."),
                                  ("l", "4. Đường Núi Thành: phường Hòa Cường Bắc, hoàn thành năm 2014.")])),
        doc(P, id="tune2-06", kind="TB", so="145", kh="TB/QU", date=(2012, 10, 15), so_printed="145 - TB/QU", **hc, length=2, start=8,
            ty_lines=["ý kiến của Thường trực Quận ủy về việc chuẩn bị", "Đại hội Mặt trận Tổ quốc quận"],
            cd="công tác chuẩn bị đại hội", sign=["T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG"], nguoi_ky="Hồ Văn Mười",
            receipt=dict(so="762", ngay="17/10/2012", x=round(4 * 11.81), y=round(4 * 11.81))),
        doc(P, id="tune2-07", kind="CT", so="03", kh="CT/TU", date=(1993, 3, 9), **ht, length=3, start=2,
            ty_lines=["về tăng cường công tác bảo vệ rừng", "và phòng cháy, chữa cháy rừng mùa khô"],
            cd="công tác bảo vệ rừng", sign=["T/M BAN THƯỜNG VỤ", "BÍ THƯ"], nguoi_ky="Đậu Văn Sơn"),
        doc(P, id="tune2-08", kind="TT", so="11", kh="TT/TU", date=(1994, 7, 27), date_form="dashed", **ht, length=3, start=5,
            ty_lines=["về việc tổ chức học tập Nghị quyết Hội nghị", "giữa nhiệm kỳ của Đảng"],
            cd="việc học tập nghị quyết", sign=["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"], nguoi_ky="Trần Đình Nghiêm"),
        doc(P, id="tune2-09", kind="BC", so="42", kh="BC/TU", date=(1995, 12, 20), **ht, length=2, start=9,
            do_mat="TỐI MẬT", code="HT-2671",
            ty_lines=["tình hình bảo vệ chính trị nội bộ năm 1995"],
            cd="công tác bảo vệ chính trị nội bộ", sign=["T/M BAN THƯỜNG VỤ", "BÍ THƯ"], nguoi_ky="Đậu Văn Sơn"),
        doc(P, id="tune2-10", kind="CTr", so="09", kh="CTr/ĐUK", date=(2016, 3, 29), **ag, length=5, start=7,
            ref="Nghị quyết Đại hội Đảng bộ Khối lần thứ III",
            ty_lines=["hành động thực hiện Nghị quyết Đại hội Đảng bộ Khối", "lần thứ III, nhiệm kỳ 2015 - 2020"],
            heading="CHƯƠNG TRÌNH",
            cd="Nghị quyết Đại hội Đảng bộ Khối", sign=["T/M BAN THƯỜNG VỤ", "BÍ THƯ"], nguoi_ky="Nguyễn Thanh Bình"),
        doc(P, id="tune2-11", kind="KL", so="56", kh="KL/ĐUK", date=(2017, 8, 14), **ag, length=4, start=2,
            ty_lines=["của Ban Thường vụ Đảng ủy Khối về sắp xếp", "tổ chức đảng trong các doanh nghiệp cổ phần hóa"],
            cd="việc sắp xếp tổ chức đảng trong doanh nghiệp", sign=["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"], nguoi_ky="Lê Thị Mỹ Linh"),
        doc(P, id="tune2-12", kind="QĐ", so="318", kh="QĐ/ĐU", date=(2019, 1, 10), **ak, length=1, start=5, so_prefix="Số:",
            ty_lines=["về việc thành lập Tổ công tác rà soát", "hồ sơ đảng viên năm 2019"],
            can_cu=["- Căn cứ Điều lệ Đảng;", "- Căn cứ Quy chế làm việc của Đảng ủy phường nhiệm kỳ 2015 - 2020;",
                    "- Xét đề nghị của Văn phòng Đảng ủy,"],
            authority_heading="BAN THƯỜNG VỤ ĐẢNG ỦY PHƯỜNG QUYẾT ĐỊNH",
            dieu=["Thành lập Tổ công tác rà soát hồ sơ đảng viên năm 2019 gồm 5 đồng chí do đồng chí Phó Bí thư Thường trực Đảng ủy làm Tổ trưởng.",
                  "Văn phòng Đảng ủy, các chi bộ trực thuộc và các đồng chí có tên tại Điều 1 thi hành Quyết định này./."],
            cd="việc rà soát hồ sơ đảng viên", sign=["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"], nguoi_ky="Trương Minh Nhựt"),
        doc(P, id="tune2-13", kind="BB", so="02", kh="BB/ĐU", date=(2019, 3, 22), **dict(ak, noi_nhan=[], seal=None), length=2, start=1,
            meet="22/3/2019", cd="đánh giá kết quả lãnh đạo quý I năm 2019",
            ty_lines=["hội nghị Ban Chấp hành Đảng bộ phường lần thứ 26"],
            left_sign=["THƯ KÝ", "Võ Thị Thanh Tuyền"], sign=["CHỦ TRÌ HỘI NGHỊ"], nguoi_ky="Trương Minh Nhựt"),
        doc(P, id="tune2-14", kind="TTr", so="27", kh="TTr/BDVHU", date=(2014, 5, 12), **cx, length=2, start=4,
            ty_lines=["về việc đề nghị khen thưởng các điển hình", "trong phong trào “Dân vận khéo” năm 2014"],
            kinh_gui="Kính gửi: Ban Thường vụ Huyện ủy Cẩm Xuyên", ref="Kế hoạch số 64-KH/HU của Ban Thường vụ Huyện ủy",
            cd="phong trào thi đua “Dân vận khéo”", sign=["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"], nguoi_ky="Bùi Thị Thu Thủy"),
        doc(P, id="tune2-15", kind="HD", so="05", kh="HD/BDVHU", date=(2015, 1, 16), **cx, length=3, start=6,
            ref="Quy chế dân chủ ở cơ sở",
            ty_lines=["thực hiện Quy chế dân chủ ở cơ sở năm 2015"],
            cd="việc thực hiện Quy chế dân chủ ở cơ sở", sign=["T/M BAN DÂN VẬN", "TRƯỞNG BAN"], nguoi_ky="Nguyễn Văn Hòa", do_khan="KHẨN"),
        doc(P, id="tune2-16", kind="QĐ-state", so="1150", kh="QĐ-UBND", date=(2018, 11, 2), **kb, length=1, start=0,
            noi_nhan=["- Như Điều 3;", "- UBND tỉnh (để b/c);", "- Chủ tịch, các PCT UBND huyện;", "- Lưu: VT, NV."],
            ty_lines=["Về việc phê duyệt Kế hoạch chỉnh lý tài liệu", "lưu trữ của UBND huyện năm 2019"],
            authority_heading="CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN KIM BẢNG",
            can_cu=["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
                    "Căn cứ Luật Lưu trữ ngày 11 tháng 11 năm 2011;", "Xét đề nghị của Trưởng phòng Nội vụ huyện,"],
            dieu=["Phê duyệt Kế hoạch chỉnh lý tài liệu lưu trữ của Ủy ban nhân dân huyện năm 2019 với khối lượng 45 mét giá tài liệu.",
                  "Giao Phòng Nội vụ chủ trì, phối hợp với Phòng Tài chính - Kế hoạch tổ chức thực hiện.",
                  "Chánh Văn phòng HĐND và UBND huyện, Trưởng phòng Nội vụ và Thủ trưởng các cơ quan liên quan chịu trách nhiệm thi hành Quyết định này./."],
            cd="việc chỉnh lý tài liệu lưu trữ", sign=["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], nguoi_ky="Lương Thị Thu Hà"),
        doc(P, id="tune2-17", kind="CV-state", so="215", kh="STP-VP", date=(2019, 4, 3), **stp, length=2, start=3,
            noi_nhan=["- Như trên;", "- Giám đốc Sở (để b/c);", "- Lưu: VT, VP."],
            ty_lines=["V/v nộp lưu hồ sơ, tài liệu", "vào Lưu trữ cơ quan"],
            kinh_gui="Kính gửi: Các phòng, đơn vị thuộc Sở",
            cd="việc nộp lưu hồ sơ, tài liệu", sign=["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"], nguoi_ky="Phạm Quang Vinh"),
        doc(P, id="tune2-18", kind="NQ", so="04", kh="NQ/CB", date=(2019, 7, 25),
            superior_line="ĐẢNG BỘ KHỐI CƠ QUAN", superior="Đảng bộ Khối cơ quan tỉnh Ninh Bình",
            issuer_lines=["CHI BỘ SỞ TƯ PHÁP"], issuer="Chi bộ Sở Tư pháp", place="Ninh Bình", cq="Chi bộ",
            cq_full="Chi bộ Sở Tư pháp", dv="các tổ đảng", seal=None, face="free", length=3, start=6,
            noi_nhan=["- Đảng ủy Khối (b/c),", "- Lãnh đạo Sở,", "- Các tổ đảng,", "- Lưu Chi bộ."],
            ty_lines=["về nâng cao chất lượng sinh hoạt chi bộ", "6 tháng cuối năm 2019"],
            cd="việc nâng cao chất lượng sinh hoạt chi bộ", sign=["T/M CHI BỘ", "BÍ THƯ"], nguoi_ky="Đỗ Thị Hải Yến"),
    ]
    hosos = [
        dict(dir="hs-g-ban-to-chuc-lam-dong", docs=["tune2-01", "tune2-02", "tune2-03"], pack="one-file",
             fmt="pdf", name="btc-2016-2017", wear=["noise"], wear_rate=0.3),
        dict(dir="hs-h-quan-uy-hai-chau", docs=["tune2-04", "tune2-05", "tune2-06"], pack="per-page",
             fmt="jpeg", wear=["blur", "faded"], wear_rate=0.25, upside_down=[("tune2-05", 2)]),
        dict(dir="hs-i-tinh-uy-ha-tinh-1993", docs=["tune2-07", "tune2-08", "tune2-09"], pack="one-file",
             fmt="tiff-g4", dpi=300, name="tinh-uy-1993-1995", blank_after=["tune2-07"], wear=["photocopy"],
             wear_rate=0.5),
        dict(dir="hs-j-dang-uy-khoi-an-giang", docs=["tune2-10", "tune2-11"], pack="per-page", fmt="png",
             wear=["salt_pepper", "punch_holes"], wear_rate=0.3),
        dict(dir="hs-k-dang-uy-phuong-an-hoa", docs=["tune2-12", "tune2-13"], pack="per-page",
             fmt=["png", "jpeg"], wear=["noise"], wear_rate=0.4),
        dict(dir="hs-l-ban-dan-van-cam-xuyen", docs=["tune2-14", "tune2-15"], pack="one-file", fmt="pdf",
             name="bdv-2014-2015", blank_after=["tune2-14"], wear=["faded"], wear_rate=0.4),
        dict(dir="hs-m-kim-bang-ninh-binh", docs=["tune2-16", "tune2-17", "tune2-18"], pack="per-doc",
             fmt="tiff-g4", dpi=300, wear=["noise", "blur"], wear_rate=0.25),
    ]
    box = {"ma_co_quan_luu_tru": "H44", "ma_phong": "03", "ten_phong": "Phông tài liệu đánh giá (phần tune2)",
           "hop_so": "103", "don_vi_so_hoa": "Nhóm phát triển sohoa", "nguoi_so_hoa": "Bộ sinh mẫu đánh giá"}
    return docs, hosos, box
