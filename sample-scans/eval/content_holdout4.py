"""The `holdout4` part of the evaluation set: its wording bank, type skeletons and its documents
and hồ sơ plan.

Never tuned on (README.md): do not read it when writing or adjusting extraction code.

What it holds (moved here from README.md in session 9, so that the shared README names no
holdout document):

- Provinces and issuers: Tỉnh ủy Phú Yên (a Nghị quyết signed `T/M BAN CHẤP HÀNH`, an Đề án
  with a `PHỤ LỤC`, a Thông báo with a receipt stamp), Thị ủy La Gi (Bình Thuận) and its Ủy ban
  Kiểm tra (`BC/UBKTTU`, the part's one `MẬT` document, red mark, codename `LG-4816`), Đảng ủy
  xã Nghĩa Kỳ (Quảng Ngãi) typed in 1993–1996 (Nghị quyết, Biên bản signed `CHỦ TỌA HỘI NGHỊ`
  with a Thư ký on the left, Tờ trình), Ban Tuyên giáo Tỉnh ủy Thái Nguyên (Kế hoạch, a
  `HỎA TỐC` Công văn numbered `1052-CV/BTGTU`), Huyện ủy Đại Từ (a Quyết định `1187-QĐ/HU`, a
  `CHƯƠNG TRÌNH HÀNH ĐỘNG` whose trích yếu starts `thực hiện Nghị quyết …`), and in State format
  UBND tỉnh Phú Yên (`2035/QĐ-UBND`, `KT. CHỦ TỊCH`) and its Sở Thông tin và Truyền thông
  (`712/STTTT-BCVT`, issuer over three lines, signed `GIÁM ĐỐC` without authority, the receipt
  stamp in the blank under the date instead of over the header).
- A type no other part has: Đề án (`12-ĐA/TU`). 12 type names in all.
- Số and dates: `Số 08-NQ/TU`, `Số: 347-TB/TU`, `Số 1187-QĐ/HU`, `Số: 2035/QĐ-UBND`; dates plain,
  padded (`ngày 05 tháng 06 năm 2013`) and dashed (`ngày 8-1-1993`); a trích yếu containing a
  dashed date (`đợt 3-2-1996`) and bodies citing other số ký hiệu (`244-QĐ/TW`,
  `318/TTr-SNN`, `44/2014/QĐ-TTg`).

The document builder and the helpers shared by every part are in content.py.
"""

from content import *  # noqa: F401,F403  (doc, body_for, NN_*, seal_of, …)

# The holdout4 part (session 8): written after the extraction changes of session 8, without
# reading the extraction code, and never tuned on. Its wording (HOLDOUT4_BANK, SECRET4 and the
# type skeletons of body_for4), issuers (Tỉnh ủy Phú Yên, Thị ủy La Gi and its Ủy ban Kiểm
# tra, Đảng ủy xã Nghĩa Kỳ typed in 1993-1996, Ban Tuyên giáo Tỉnh ủy Thái Nguyên, Huyện ủy
# Đại Từ, UBND tỉnh and Sở Thông tin và Truyền thông Phú Yên), a new type (Đề án, ĐA),
# typefaces (DejaVu Serif, DejaVu Serif Condensed, FreeSans; FreeMono at elite pitch for
# typewriting) and its `flush` layout (13 pt header, the date line level with the số and
# flush with the right margin) are in no other part.
HOLDOUT4_BANK = [
    "Nhìn chung, {cd} đã được cấp ủy các cấp quan tâm triển khai ngay từ những tháng đầu năm; nhiều nơi chủ động lồng ghép vào phong trào thi đua của địa phương, bước đầu tạo được sức lan tỏa trong cán bộ, đảng viên và quần chúng.",
    "Kết quả đạt được chưa đồng đều giữa các địa bàn; ở vùng sâu, vùng ven biển việc triển khai còn lúng túng, thiếu người có chuyên môn sâu, một số phần việc phải lùi thời hạn so với dự kiến ban đầu.",
    "Một phần nguyên nhân nằm ở khâu chuẩn bị: nguồn lực phân bổ muộn, văn bản hướng dẫn đến cơ sở chậm, trong khi đội ngũ cán bộ thôn, khu phố thường xuyên thay đổi, chưa kịp nắm chắc công việc.",
    "Các cấp ủy phải xác định rõ những việc làm ngay trong năm {nam} và những việc làm từng bước; ưu tiên giải quyết dứt điểm các tồn tại mà {dv} đã tự chỉ ra qua kỳ kiểm điểm cuối năm.",
    "Coi trọng vai trò nêu gương của người đứng đầu; mỗi cấp ủy viên đăng ký ít nhất một việc làm cụ thể gắn với {cd} và tự báo cáo kết quả tại buổi sinh hoạt cuối mỗi quý.",
    "Tăng cường đối thoại trực tiếp giữa lãnh đạo {cq} với nhân dân; kiến nghị thuộc thẩm quyền được trả lời trong mười lăm ngày làm việc, vượt thẩm quyền thì chuyển lên cấp trên kèm ý kiến đề xuất.",
    "Đến hết năm {nam}, bảo đảm chín mươi lăm phần trăm hộ gia đình được phổ biến nội dung {cd}; hoàn thành việc thống kê, lập sổ theo dõi đến từng thôn, xóm.",
    "Cơ quan tuyên giáo các cấp phối hợp với đài truyền thanh cơ sở mở chuyên mục riêng, giới thiệu gương người tốt, việc tốt, đồng thời phê phán biểu hiện thờ ơ, né tránh, đùn đẩy công việc.",
    "Cuối mỗi quý, {dv} gửi báo cáo bằng văn bản về cơ quan thường trực; số liệu phải có xác nhận của thủ trưởng đơn vị, kèm theo danh mục những phần việc chưa hoàn thành và lý do cụ thể.",
    "Khi phát sinh vướng mắc vượt khả năng giải quyết của cơ sở, {dv} báo cáo ngay bằng văn bản lên {cq} để được hướng dẫn xử lý; không để sự việc kéo dài gây bức xúc trong nhân dân.",
    "Rà soát lại toàn bộ các đề án, dự án liên quan đến {cd}; dừng những nội dung trùng lặp, kém hiệu quả, dồn nguồn lực cho các công trình thiết yếu mà người dân mong đợi.",
    "Gắn kết quả {cd} với trách nhiệm chung của cấp ủy; đơn vị nào không hoàn thành chỉ tiêu thì không xét danh hiệu thi đua, người đứng đầu phải giải trình trước hội nghị cấp ủy.",
    "Chú trọng bồi dưỡng kỹ năng cho cán bộ trực tiếp phụ trách {cd} ở cơ sở; mỗi năm tổ chức ít nhất một lớp tập huấn, ưu tiên cán bộ mới được bố trí và cán bộ người dân tộc thiểu số.",
    "Trong quá trình thực hiện, có nơi còn nặng về hội họp, ban hành văn bản nhưng không theo dõi việc thực hiện đến cùng; một số chỉ tiêu đề ra chưa sát thực tế nên khó đánh giá mức độ hoàn thành.",
    "Sự đồng thuận của nhân dân là yếu tố quyết định; vì vậy, mọi chủ trương liên quan đến {cd} cần được công khai để người dân bàn bạc, góp ý trước khi triển khai.",
    "Các ngành chức năng chủ động rà soát thủ tục, cắt giảm giấy tờ không cần thiết, tạo điều kiện thuận lợi nhất cho tổ chức, cá nhân tham gia thực hiện {cd}.",
]

SECRET4 = [
    "Toàn bộ thông tin về vụ việc {code} chỉ được trao đổi trong tổ xác minh.",
    "Tài liệu của vụ việc {code} được niêm phong và cất giữ tại bộ phận cơ yếu.",
    "Không sao chụp, không trích dẫn nội dung vụ việc {code} dưới bất kỳ hình thức nào.",
]


def generic4(d, k, counter):
    """The next k paragraphs of the document: paragraph m (counted over the whole document)
    joins sentences start + m and start + m + 8 of the bank, so that a document of up to 8
    generic paragraphs repeats no sentence."""
    out = []
    n = len(HOLDOUT4_BANK)
    for _ in range(k):
        m = counter[0]
        counter[0] += 1
        a = (d.get("start", 0) + m) % n
        text = fill(HOLDOUT4_BANK[a], d) + " " + fill(HOLDOUT4_BANK[(a + n // 2) % n], d)
        if d.get("code"):
            text += " " + fill(SECRET4[m % len(SECRET4)], d)
        out.append(("p", text))
    return out


def body_for4(d):
    """holdout4: type skeletons with their own wording, paragraphs from HOLDOUT4_BANK."""
    t, k = d["kind"], d.get("length", 3)
    counter = [0]
    G = lambda n: generic4(d, n, counter)  # noqa: E731
    num = lambda items: [("p", "%d. %s" % (i + 1, x[1])) for i, x in enumerate(items)]  # noqa: E731
    dash = lambda items: [("p", "- " + x[1]) for x in items]  # noqa: E731
    lead = [("p", d["lead"])] if d.get("lead") else []
    if t == "NQ":
        return (lead or [("p", "Tại hội nghị ngày %s, trên cơ sở đánh giá tình hình %s thời gian qua, %s đã thảo luận và quyết nghị:" % (d["meet"], d["cd"], d["cq_full"]))]) + \
            [("h", "1. Đánh giá chung")] + G(max(1, k // 3)) + \
            [("h", "2. Quan điểm, mục tiêu")] + G(max(1, k // 3)) + \
            [("h", "3. Nhiệm vụ, giải pháp chủ yếu")] + num(G(max(1, k - 2 * (k // 3)))) + \
            [("h", "4. Tổ chức thực hiện"),
             ("p", "Nghị quyết này được quán triệt đến tất cả đảng viên; các cấp ủy trực thuộc xây dựng chương trình hành động, gửi về Văn phòng trong thời hạn ba mươi ngày kể từ ngày ký./.")]
    if t == "ĐA":
        return [("h", "I. SỰ CẦN THIẾT XÂY DỰNG ĐỀ ÁN")] + G(1) + \
            [("h", "II. MỤC TIÊU, CHỈ TIÊU")] + dash(G(1)) + \
            [("h", "III. NHIỆM VỤ, GIẢI PHÁP")] + num(G(max(1, k - 3))) + \
            [("h", "IV. KINH PHÍ THỰC HIỆN")] + G(1) + \
            [("h", "V. TỔ CHỨC THỰC HIỆN"),
             ("p", "Ban Tổ chức Tỉnh ủy là cơ quan thường trực, giúp Ban Thường vụ theo dõi việc thực hiện Đề án; hằng năm tổng hợp kết quả, đề xuất điều chỉnh chỉ tiêu cho sát với thực tế./.")]
    if t == "TB":
        return lead + G(k) + \
            [("p", "Văn phòng Tỉnh ủy trân trọng thông báo đến các cơ quan, đơn vị liên quan để phối hợp triển khai./.")]
    if t == "CT":
        return G(1) + [("p", "Trước diễn biến đó, %s yêu cầu cấp ủy, chính quyền, Mặt trận Tổ quốc và các đoàn thể tập trung làm tốt những việc trọng tâm sau đây:" % d["cq_full"])] + \
            num(G(k)) + [("p", "Chỉ thị này được quán triệt đến chi bộ và thông báo rộng rãi trên hệ thống truyền thanh cơ sở./.")]
    if t == "KL":
        return [("p", "Tại phiên họp ngày %s, sau khi nghe báo cáo về %s và ý kiến thảo luận của các đồng chí dự họp, %s kết luận:" % (d["meet"], d["cd"], d["cq_full"]))] + \
            num(G(k)) + [("p", "Giao Văn phòng theo dõi, đôn đốc và báo cáo kết quả thực hiện Kết luận này./.")]
    if t == "BC":
        return lead + [("h", "I. KẾT QUẢ XÁC MINH")] + G(max(1, k - 1)) + \
            [("h", "II. KIẾN NGHỊ")] + G(1)
    if t == "BB":
        return [("p", "Hôm nay, vào hồi 8 giờ ngày %s, tại trụ sở Đảng ủy xã, %s họp hội nghị để %s." % (d["meet"], d["cq_full"], d["cd"])),
                ("h", "I. THÀNH PHẦN"),
                ("p", "Có mặt 13 trên 15 đồng chí ủy viên Ban Chấp hành; 2 đồng chí vắng mặt đã báo cáo trước. Chủ tọa: đồng chí %s, Bí thư Đảng ủy. Thư ký: đồng chí %s." % (d["nguoi_ky"], d["left_sign"][-1])),
                ("h", "II. DIỄN BIẾN HỘI NGHỊ")] + G(k) + \
            [("h", "III. KẾT LUẬN"),
             ("p", "Hội nghị biểu quyết nhất trí 13 trên 13 đồng chí có mặt. Biên bản đã đọc lại cho hội nghị nghe và được thông qua; hội nghị kết thúc lúc 11 giờ 15 phút cùng ngày.")]
    if t == "TTr":
        return [("cr", d["kinh_gui"]),
                ("p", "Căn cứ %s; trên cơ sở đề nghị của các chi bộ, %s trình %s như sau:" % (d["ref"], d["cq_full"], d["cd"]))] + \
            G(k) + [("p", "Kính trình Ban Thường vụ Huyện ủy xem xét, quyết định./.")]
    if t == "KH":
        return [("p", "Căn cứ %s, %s ban hành kế hoạch %s như sau:" % (d["ref"], d["cq_full"], d["cd"])),
                ("h", "I. MỤC ĐÍCH")] + G(1) + \
            [("h", "II. NỘI DUNG VÀ HÌNH THỨC")] + dash(G(max(1, k - 2))) + \
            [("h", "III. PHÂN CÔNG THỰC HIỆN")] + G(1)
    if t == "CV":
        return [("cr", d["kinh_gui"])] + lead + G(k) + \
            [("p", "Đề nghị các đơn vị khẩn trương triển khai, báo cáo kết quả trước ngày %s./." % d["han"])]
    if t == "CTr":
        return [("p", "Để đưa %s sớm đi vào cuộc sống, %s ban hành Chương trình hành động với những nội dung sau:" % (d["ref"], d["cq_full"])),
                ("h", "I. MỤC TIÊU CHUNG")] + G(1) + \
            [("h", "II. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM")] + num(G(max(1, k - 2))) + \
            [("h", "III. TỔ CHỨC THỰC HIỆN")] + G(1)
    if t == "QĐ":
        return [("i", x) for x in d["can_cu"]] + [("c", d["authority_heading"])] + \
            [("p", "Điều %d. %s" % (i + 1, x)) for i, x in enumerate(d["dieu"])]
    if t == "QĐ-state":
        return [("c", d["authority_heading"])] + [("i", x) for x in d["can_cu"]] + [("c", "QUYẾT ĐỊNH:")] + \
            [("p", "Điều %d. %s" % (i + 1, x)) for i, x in enumerate(d["dieu"])]
    if t == "CV-state":
        return [("cr", d["kinh_gui"])] + lead + G(k) + \
            [("p", "Sở đề nghị các đơn vị nghiêm túc thực hiện; trong quá trình triển khai nếu có khó khăn, liên hệ phòng Bưu chính, Viễn thông để được hỗ trợ./.")]
    raise ValueError(t)


def body(d):
    """The body paragraphs of one of this part's documents."""
    return body_for4(d)


def documents():
    P = "holdout4"
    py = dict(issuer_lines=["TỈNH ỦY PHÚ YÊN"], issuer="Tỉnh ủy Phú Yên", superior=None, place="Tuy Hòa",
              cq="Tỉnh ủy", cq_full="Ban Thường vụ Tỉnh ủy", seal="TỈNH ỦY PHÚ YÊN * ĐẢNG CỘNG SẢN VIỆT NAM *",
              face="dejavu", layout="flush", dv="các huyện ủy, thị ủy, thành ủy",
              noi_nhan=["- Ban Bí thư Trung ương (để b/c),", "- Các đồng chí Tỉnh ủy viên,",
                        "- Các ban cán sự đảng, đảng đoàn,", "- Các huyện ủy, thị ủy, thành ủy,", "- Lưu Văn phòng Tỉnh ủy."])
    lg = dict(superior_line="ĐẢNG BỘ TỈNH BÌNH THUẬN", superior="Đảng bộ tỉnh Bình Thuận", issuer_lines=["THỊ ỦY LA GI"],
              issuer="Thị ủy La Gi", place="La Gi", cq="Thị ủy", cq_full="Ban Thường vụ Thị ủy",
              seal="THỊ ỦY LA GI * TỈNH BÌNH THUẬN *", face="dejavu-cond", dv="các đảng bộ, chi bộ cơ sở",
              noi_nhan=["- Thường trực Tỉnh ủy (để b/c),", "- Các đồng chí Thị ủy viên,", "- Các đảng bộ, chi bộ cơ sở,",
                        "- Ủy ban nhân dân thị xã,", "- Lưu Văn phòng Thị ủy."])
    ubkt = dict(issuer_lines=["THỊ ỦY LA GI", "ỦY BAN KIỂM TRA"], issuer="Ủy ban Kiểm tra Thị ủy La Gi",
                superior="Thị ủy La Gi", place="La Gi", cq="Ủy ban Kiểm tra", cq_full="Ủy ban Kiểm tra Thị ủy",
                seal="ỦY BAN KIỂM TRA * THỊ ỦY LA GI *", face="dejavu-cond", dv="các chi bộ có liên quan",
                noi_nhan=["- Thường trực Thị ủy (để b/c),", "- Ủy ban Kiểm tra Tỉnh ủy,", "- Lưu hồ sơ vụ việc."])
    nk = dict(superior_line="ĐẢNG BỘ HUYỆN TƯ NGHĨA", superior="Đảng bộ huyện Tư Nghĩa", issuer_lines=["ĐẢNG ỦY XÃ NGHĨA KỲ"],
              issuer="Đảng ủy xã Nghĩa Kỳ", place="Nghĩa Kỳ", cq="Đảng ủy xã", cq_full="Ban Chấp hành Đảng bộ xã",
              seal="ĐẢNG ỦY XÃ NGHĨA KỲ * HUYỆN TƯ NGHĨA *", era="typewritten", dv="các chi bộ thôn",
              noi_nhan=["- Huyện ủy Tư Nghĩa (b/c),", "- Các chi bộ thôn,", "- Lưu."])
    btg = dict(issuer_lines=["TỈNH ỦY THÁI NGUYÊN", "BAN TUYÊN GIÁO"], issuer="Ban Tuyên giáo Tỉnh ủy Thái Nguyên",
               superior="Tỉnh ủy Thái Nguyên", place="Thái Nguyên", cq="Ban Tuyên giáo", cq_full="Ban Tuyên giáo Tỉnh ủy",
               seal="BAN TUYÊN GIÁO * TỈNH ỦY THÁI NGUYÊN *", face="dejavu-cond", layout="flush",
               dv="ban tuyên giáo các huyện ủy, thành ủy",
               noi_nhan=["- Ban Tuyên giáo Trung ương (để b/c),", "- Thường trực Tỉnh ủy (để b/c),",
                         "- Ban tuyên giáo các huyện ủy, thành ủy, đảng ủy trực thuộc,", "- Lưu BTG."])
    dt = dict(superior_line="ĐẢNG BỘ TỈNH THÁI NGUYÊN", superior="Đảng bộ tỉnh Thái Nguyên", issuer_lines=["HUYỆN ỦY ĐẠI TỪ"],
              issuer="Huyện ủy Đại Từ", place="Đại Từ", cq="Huyện ủy", cq_full="Ban Thường vụ Huyện ủy",
              seal="HUYỆN ỦY ĐẠI TỪ * TỈNH THÁI NGUYÊN *", face="dejavu", layout="flush", dv="các tổ chức cơ sở đảng",
              noi_nhan=["- Ban Thường vụ Tỉnh ủy (b/c),", "- Các đồng chí Huyện ủy viên,", "- Các tổ chức cơ sở đảng,",
                        "- Lưu VPHU."])
    ubnd = dict(format="state", so_prefix="Số:", issuer_lines=["ỦY BAN NHÂN DÂN", "TỈNH PHÚ YÊN"],
                issuer="Ủy ban nhân dân tỉnh Phú Yên", superior=None, place="Phú Yên", cq="tỉnh",
                cq_full="Ủy ban nhân dân tỉnh", dv="các sở, ngành, địa phương", face="freesans",
                seal="ỦY BAN NHÂN DÂN * TỈNH PHÚ YÊN *")
    sttt = dict(format="state", so_prefix="Số:", issuer_lines=["UBND TỈNH PHÚ YÊN", "SỞ THÔNG TIN", "VÀ TRUYỀN THÔNG"],
                issuer_bold_from=1, issuer="Sở Thông tin và Truyền thông tỉnh Phú Yên",
                superior="Ủy ban nhân dân tỉnh Phú Yên", place="Phú Yên", cq="Sở", cq_full="Sở Thông tin và Truyền thông",
                dv="các doanh nghiệp viễn thông", face="freesans", seal="SỞ THÔNG TIN VÀ TRUYỀN THÔNG * TỈNH PHÚ YÊN *")
    docs = [
        doc(P, id="holdout4-01", kind="NQ", so="08", kh="NQ/TU", date=(2012, 4, 16), **dict(py, cq_full="Ban Chấp hành Đảng bộ tỉnh"),
            length=9, start=0,
            ty_lines=["về phát triển kinh tế biển gắn với bảo đảm", "quốc phòng, an ninh đến năm 2020"],
            cd="phát triển kinh tế biển", sign=["T/M BAN CHẤP HÀNH", "BÍ THƯ"], nguoi_ky="Lê Quang Thái"),
        doc(P, id="holdout4-02", kind="ĐA", so="12", kh="ĐA/TU", date=(2013, 6, 5), date_form="padded", **py, length=8, start=3,
            ty_lines=["nâng cao chất lượng đội ngũ cán bộ, công chức", "cấp xã giai đoạn 2013 - 2018"],
            cd="việc nâng cao chất lượng cán bộ cấp xã", sign=["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC"],
            nguoi_ky="Nguyễn Thị Diệu Hiền",
            attachment=dict(heading=["PHỤ LỤC", "CHỈ TIÊU CHUẨN HÓA CÁN BỘ CẤP XÃ"],
                            note=["(Kèm theo Đề án số 12-ĐA/TU ngày 05/6/2013", "của Ban Thường vụ Tỉnh ủy)"],
                            body=[("h", "Tỷ lệ cán bộ, công chức cấp xã đạt chuẩn"),
                                  ("l", "1. Chuyên môn từ trung cấp trở lên: năm 2015 đạt 80%, năm 2018 đạt 100%."),
                                  ("l", "2. Lý luận chính trị trung cấp: năm 2015 đạt 65%, năm 2018 đạt 90%."),
                                  ("l", "3. Bí thư, Chủ tịch có trình độ đại học: năm 2018 đạt 70%."),
                                  ("l", "4. Sử dụng thành thạo máy vi tính: năm 2016 đạt 100%."),
                                  ("l", "5. Cán bộ trẻ dưới 35 tuổi trong cấp ủy xã: không dưới 15%.")])),
        doc(P, id="holdout4-03", kind="TB", so="347", kh="TB/TU", date=(2013, 10, 21), so_prefix="Số:", **py, length=3, start=6,
            lead="Ngày 17/10/2013, Thường trực Tỉnh ủy làm việc với Ban Thường vụ Huyện ủy Đồng Xuân về tình hình thực hiện nhiệm vụ chính trị 9 tháng năm 2013. Sau khi nghe báo cáo và ý kiến các đại biểu, Thường trực Tỉnh ủy có ý kiến như sau:",
            ty_lines=["ý kiến của Thường trực Tỉnh ủy tại buổi làm việc", "với Ban Thường vụ Huyện ủy Đồng Xuân"],
            cd="nhiệm vụ chính trị của huyện", sign=["T/L BAN THƯỜNG VỤ", "PHÓ CHÁNH VĂN PHÒNG"], nguoi_ky="Trần Hữu Phước",
            receipt=dict(so="815", ngay="24/10/2013", x=round(3 * 11.81), y=round(1 * 11.81))),
        doc(P, id="holdout4-04", kind="CT", so="07", kh="CT/TU", date=(2016, 3, 14), **lg, length=8, start=1, do_khan="KHẨN",
            ty_lines=["về tập trung lãnh đạo phòng, chống hạn hán,", "thiếu nước sinh hoạt mùa khô năm 2016"],
            cd="công tác phòng, chống hạn hán", sign=["K/T BÍ THƯ", "PHÓ BÍ THƯ"], nguoi_ky="Phan Văn Tám"),
        doc(P, id="holdout4-05", kind="KL", so="24", kh="KL/TU", date=(2016, 5, 30), **lg, length=4, start=8,
            ty_lines=["của Ban Thường vụ Thị ủy về công tác quản lý,", "khai thác khoáng sản trên địa bàn thị xã"],
            cd="công tác quản lý khoáng sản", sign=["T/M BAN THƯỜNG VỤ", "BÍ THƯ"], nguoi_ky="Đặng Minh Khoa"),
        doc(P, id="holdout4-06", kind="BC", so="06", kh="BC/UBKTTU", date=(2016, 8, 9), **ubkt, length=4, start=2,
            do_mat="MẬT", red_marks=True, code="LG-4816",
            lead="Thực hiện sự chỉ đạo của Thường trực Thị ủy, Ủy ban Kiểm tra Thị ủy báo cáo kết quả xác minh như sau:",
            ty_lines=["kết quả xác minh việc kê khai tài sản,", "thu nhập của đảng viên"],
            cd="việc xác minh tài sản, thu nhập", sign=["T/M ỦY BAN KIỂM TRA", "PHÓ CHỦ NHIỆM"], nguoi_ky="Nguyễn Thị Mỹ Lệ"),
        doc(P, id="holdout4-07", kind="NQ", so="02", kh="NQ/ĐU", date=(1993, 1, 8), date_form="dashed", **nk, length=5, start=5,
            ty_lines=["về nhiệm vụ sản xuất vụ Đông Xuân 1992 - 1993"],
            cd="sản xuất vụ Đông Xuân", sign=["T/M ĐẢNG ỦY", "BÍ THƯ"], nguoi_ky="Bùi Văn Cảnh"),
        doc(P, id="holdout4-08", kind="BB", so="04", kh="BB/ĐU", date=(1993, 7, 19), **dict(nk, noi_nhan=[], seal=None),
            length=4, start=9, meet="19/7/1993",
            ty_lines=["hội nghị Ban Chấp hành Đảng bộ xã sơ kết", "6 tháng đầu năm 1993"],
            cd="sơ kết công tác 6 tháng đầu năm", left_sign=["THƯ KÝ HỘI NGHỊ", "Võ Thị Thu Ba"],
            sign=["CHỦ TỌA HỘI NGHỊ"], nguoi_ky="Bùi Văn Cảnh"),
        doc(P, id="holdout4-09", kind="TTr", so="07", kh="TTr/ĐU", date=(1996, 2, 27), date_form="dashed",
            **dict(nk, cq_full="Ban Thường vụ Đảng ủy"), length=2, start=3,
            ty_lines=["về việc đề nghị xét tặng Huy hiệu Đảng", "đợt 3-2-1996"],
            kinh_gui="Kính gửi: Ban Thường vụ Huyện ủy Tư Nghĩa", ref="Quy định của Ban Bí thư về xét tặng Huy hiệu Đảng",
            cd="việc xét tặng Huy hiệu Đảng", sign=["T/M ĐẢNG ỦY", "PHÓ BÍ THƯ"], nguoi_ky="Huỳnh Ngọc Sang"),
        doc(P, id="holdout4-10", kind="KH", so="102", kh="KH/BTGTU", date=(2019, 7, 22), **btg, length=8, start=4,
            ref="Kết luận của Ban Bí thư về kỷ niệm các ngày lễ lớn năm 2019",
            ty_lines=["tuyên truyền kỷ niệm 50 năm thực hiện", "Di chúc của Chủ tịch Hồ Chí Minh"],
            cd="tuyên truyền kỷ niệm 50 năm thực hiện Di chúc", sign=["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"],
            nguoi_ky="Hoàng Thị Thanh Nhàn"),
        doc(P, id="holdout4-11", kind="CV", so="1052", kh="CV/BTGTU", date=(2020, 2, 3), **btg, length=2, start=10,
            do_khan="HỎA TỐC", han="10/02/2020",
            ty_lines=["V/v tuyên truyền phòng, chống", "dịch bệnh viêm đường hô hấp cấp", "do chủng mới của vi rút Corona"],
            kinh_gui="Kính gửi: Ban tuyên giáo các huyện ủy, thành ủy, đảng ủy trực thuộc",
            lead="Trước diễn biến phức tạp của dịch bệnh viêm đường hô hấp cấp do chủng mới của vi rút Corona, để chủ động định hướng dư luận, Ban Tuyên giáo Tỉnh ủy đề nghị:",
            cd="công tác tuyên truyền phòng, chống dịch bệnh", sign=["T/M BAN TUYÊN GIÁO", "TRƯỞNG BAN"], nguoi_ky="Ma Văn Dũng"),
        doc(P, id="holdout4-12", kind="QĐ", so="1187", kh="QĐ/HU", date=(2020, 7, 6), **dt, length=0,
            ty_lines=["về việc chuẩn y kết quả bầu cử Ban Chấp hành", "Đảng bộ xã Phú Xuyên, nhiệm kỳ 2020 - 2025"],
            can_cu=["- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
                    "- Căn cứ Quy chế bầu cử trong Đảng ban hành kèm theo Quyết định số 244-QĐ/TW ngày 09/6/2014 của Ban Chấp hành Trung ương;",
                    "- Xét đề nghị của Đảng ủy xã Phú Xuyên và Ban Tổ chức Huyện ủy,"],
            authority_heading="BAN THƯỜNG VỤ HUYỆN ỦY QUYẾT ĐỊNH",
            dieu=["Chuẩn y kết quả bầu cử Ban Chấp hành Đảng bộ xã Phú Xuyên, nhiệm kỳ 2020 - 2025 gồm 15 đồng chí; Ban Thường vụ gồm 4 đồng chí; đồng chí Hà Văn Tuấn được bầu giữ chức Bí thư Đảng ủy.",
                  "Ban Chấp hành Đảng bộ xã Phú Xuyên có trách nhiệm lãnh đạo thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ 2020 - 2025.",
                  "Quyết định có hiệu lực từ ngày ký. Văn phòng Huyện ủy, Ban Tổ chức Huyện ủy, Đảng ủy xã Phú Xuyên và các đồng chí có tên tại Điều 1 thi hành Quyết định này./."],
            cd="kết quả đại hội đảng bộ xã", sign=["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"], nguoi_ky="Dương Văn Lượng"),
        doc(P, id="holdout4-13", kind="CTr", so="03", kh="CTr/HU", date=(2020, 12, 15), date_form="padded", **dt, length=9, start=7,
            heading="CHƯƠNG TRÌNH HÀNH ĐỘNG",
            ref="Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XX",
            ty_lines=["thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh", "Thái Nguyên lần thứ XX, nhiệm kỳ 2020 - 2025"],
            cd="Nghị quyết Đại hội Đảng bộ tỉnh", sign=["T/M BAN THƯỜNG VỤ", "BÍ THƯ"], nguoi_ky="Trần Quốc Hùng"),
        doc(P, id="holdout4-14", kind="QĐ-state", so="2035", kh="QĐ-UBND", date=(2017, 10, 23), **ubnd,
            noi_nhan=["- Như Điều 3;", "- Ban Chỉ đạo Trung ương về PCTT (b/c);", "- TT Tỉnh ủy, TT HĐND tỉnh;",
                      "- CT, các PCT UBND tỉnh;", "- Lưu: VT, KT."],
            ty_lines=["Về việc phê duyệt Phương án ứng phó thiên tai", "theo cấp độ rủi ro trên địa bàn tỉnh"],
            authority_heading="CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN",
            can_cu=["Căn cứ Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013;",
                    "Căn cứ Quyết định số 44/2014/QĐ-TTg ngày 15 tháng 8 năm 2014 của Thủ tướng Chính phủ quy định chi tiết về cấp độ rủi ro thiên tai;",
                    "Xét Tờ trình số 318/TTr-SNN ngày 10 tháng 10 năm 2017 của Sở Nông nghiệp và Phát triển nông thôn,"],
            dieu=["Phê duyệt Phương án ứng phó thiên tai theo cấp độ rủi ro trên địa bàn tỉnh Phú Yên, gồm các phương án ứng phó với bão, áp thấp nhiệt đới, lũ, ngập lụt và hạn hán.",
                  "Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với các sở, ngành và Ủy ban nhân dân các huyện, thị xã, thành phố tổ chức diễn tập và cập nhật Phương án hằng năm.",
                  "Chánh Văn phòng UBND tỉnh, Giám đốc các sở, ngành, Chủ tịch UBND các huyện, thị xã, thành phố và Thủ trưởng các cơ quan liên quan chịu trách nhiệm thi hành Quyết định này./."],
            cd="phương án ứng phó thiên tai", sign=["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], nguoi_ky="Đào Thanh Bình"),
        doc(P, id="holdout4-15", kind="CV-state", so="712", kh="STTTT-BCVT", date=(2017, 11, 2), **sttt, length=4, start=5,
            noi_nhan=["- Như trên;", "- UBND tỉnh (để b/c);", "- BCH PCTT&TKCN tỉnh;", "- Lưu: VT, BCVT."],
            ty_lines=["V/v bảo đảm thông tin liên lạc", "phục vụ chỉ đạo, điều hành", "ứng phó bão số 12"],
            kinh_gui="Kính gửi: Các doanh nghiệp viễn thông trên địa bàn tỉnh",
            lead="Theo tin của Trung tâm Khí tượng Thủy văn quốc gia, bão số 12 đang di chuyển nhanh vào vùng biển các tỉnh Nam Trung Bộ. Để bảo đảm thông tin liên lạc thông suốt trong mọi tình huống, Sở Thông tin và Truyền thông đề nghị:",
            cd="việc bảo đảm thông tin liên lạc", sign=["GIÁM ĐỐC"], nguoi_ky="Võ Trường Sơn",
            receipt=dict(so="2291", ngay="3/11/2017", x=round(116 * 11.81), y=round(44 * 11.81))),   # in the blank under the date
    ]
    hosos = [
        dict(dir="hs-t-tinh-uy-phu-yen-2012", docs=["holdout4-01", "holdout4-02", "holdout4-03"], pack="one-file", fmt="pdf",
             name="tinh-uy-2012-2013", wear=["noise", "punch_holes"], wear_rate=0.3, upside_down=[("holdout4-02", 3)]),
        dict(dir="hs-u-thi-uy-la-gi-2016", docs=["holdout4-04", "holdout4-05", "holdout4-06"], pack="per-page",
             fmt=["png", "jpeg"], wear=["faded", "blur"], wear_rate=0.3),
        dict(dir="hs-v-dang-uy-xa-nghia-ky-1993", docs=["holdout4-07", "holdout4-08", "holdout4-09"], pack="one-file",
             fmt="tiff-g4", dpi=300, name="dang-uy-1993-1996", blank_after=["holdout4-07"], wear=["photocopy", "faded"],
             wear_rate=0.5),
        dict(dir="hs-w-ban-tuyen-giao-thai-nguyen", docs=["holdout4-10", "holdout4-11"], pack="per-doc", fmt="pdf",
             blank_after=["holdout4-10"], wear=["salt_pepper"], wear_rate=0.3),
        dict(dir="hs-x-huyen-uy-dai-tu-2020", docs=["holdout4-12", "holdout4-13"], pack="per-page", fmt="png",
             wear=["blur", "salt_pepper"], wear_rate=0.3),
        dict(dir="hs-y-ubnd-phu-yen-2017", docs=["holdout4-14", "holdout4-15"], pack="per-page", fmt="jpeg",
             wear=["faded"], wear_rate=0.3),
    ]
    box = {"ma_co_quan_luu_tru": "H44", "ma_phong": "05", "ten_phong": "Phông tài liệu đánh giá (phần holdout4)",
           "hop_so": "105", "don_vi_so_hoa": "Nhóm phát triển sohoa", "nguoi_so_hoa": "Bộ sinh mẫu đánh giá"}
    return docs, hosos, box
