"""The documents of the evaluation set: metadata, wording and hồ sơ plan of both parts.

Each document is one dict; generate.py lays it out and draws it, and truth.json is written from
the same dict (truth_fields), so the printed pages and the ground truth cannot disagree.

Wording: the tune part draws its body paragraphs from TUNE_BANK, the holdout part from
HOLDOUT_BANK (different sentences); the holdout also has layout variants the tune part lacks
(`datebelow`: date line on its own row, bold-italic trích yếu, page numbers at the bottom, no
`*` under the issuer; typewritten pages in FreeMono instead of Liberation Mono).
"""

import re
import unicodedata

# ------------------------------------------------------------------------------------------
# Wording banks: {cd} topic, {cq} issuer as named in running text, {dv} subordinate units,
# {nam} year of the document, {code} the codename of a classified document.
# ------------------------------------------------------------------------------------------

TUNE_BANK = [
    "Trong thời gian qua, {cq} đã tập trung lãnh đạo, chỉ đạo {dv} triển khai {cd}; nhận thức của cán bộ, đảng viên từng bước được nâng lên, nhiều cách làm mới được áp dụng và bước đầu mang lại kết quả thiết thực ở cơ sở.",
    "Bên cạnh kết quả đạt được, việc thực hiện {cd} còn một số hạn chế: một số cấp ủy chưa sâu sát, kiểm tra, đôn đốc chưa thường xuyên; công tác phối hợp giữa các ngành có lúc thiếu chặt chẽ; chế độ báo cáo chưa đúng thời gian quy định.",
    "Nguyên nhân của những hạn chế trên chủ yếu là do người đứng đầu một số tổ chức đảng chưa quan tâm đúng mức; đội ngũ cán bộ làm công tác tham mưu còn thiếu về số lượng, kinh nghiệm thực tiễn chưa nhiều; kinh phí bảo đảm cho hoạt động còn hạn hẹp.",
    "Các cấp ủy, tổ chức đảng phải xác định {cd} là nhiệm vụ thường xuyên, lâu dài; đưa nội dung này vào chương trình công tác toàn khóa và hằng năm, phân công cấp ủy viên trực tiếp phụ trách, gắn trách nhiệm với kết quả thực hiện.",
    "Tăng cường công tác tuyên truyền, giáo dục để cán bộ, đảng viên và nhân dân hiểu rõ mục đích, ý nghĩa của {cd}; phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội trong vận động đoàn viên, hội viên cùng tham gia.",
    "Chú trọng kiện toàn tổ chức bộ máy, bố trí cán bộ có năng lực, phẩm chất; định kỳ sáu tháng một lần sơ kết, đánh giá rút kinh nghiệm, kịp thời biểu dương những tập thể, cá nhân làm tốt và chấn chỉnh những nơi làm chưa tốt.",
    "Năm {nam}, phấn đấu 100% chi bộ, đảng bộ cơ sở quán triệt và xây dựng kế hoạch thực hiện {cd}; trên 85% tổ chức cơ sở đảng được đánh giá hoàn thành tốt nhiệm vụ trở lên; không có tổ chức đảng yếu kém kéo dài.",
    "Quá trình tổ chức thực hiện, nếu có khó khăn, vướng mắc, các đơn vị kịp thời phản ánh để {cq} xem xét, chỉ đạo giải quyết; không để tình trạng chậm trễ, đùn đẩy trách nhiệm làm ảnh hưởng đến tiến độ chung.",
    "Ủy ban Kiểm tra phối hợp với các ban xây dựng Đảng tiến hành kiểm tra, giám sát việc thực hiện {cd} tại một số tổ chức cơ sở đảng; kết quả kiểm tra là căn cứ để đánh giá, xếp loại tổ chức đảng và đảng viên cuối năm.",
    "Huy động các nguồn lực hợp pháp để thực hiện {cd}, trong đó nguồn ngân sách giữ vai trò hỗ trợ; khuyến khích các doanh nghiệp, hợp tác xã và nhân dân tự nguyện đóng góp công sức, vật chất theo khả năng.",
]

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

SECRET_SENTENCES = [
    "Phương án {code} được triển khai theo đúng lộ trình đã thống nhất.",
    "Lực lượng tham gia phương án {code} giữ bí mật tuyệt đối về thời gian và địa điểm.",
    "Kết quả thực hiện phương án {code} chỉ báo cáo trực tiếp đồng chí Bí thư.",
]


def fill(t, d):
    return t.format(cd=d["cd"], cq=d["cq"], dv=d["dv"], nam=d["date"][0], code=d.get("code", ""))


def generic(d, bank, k, start):
    out = []
    for j in range(k):
        a = (start + j * 3) % len(bank)
        text = fill(bank[a], d) + " " + fill(bank[(a + 5) % len(bank)], d)
        if d.get("code"):
            text += " " + fill(SECRET_SENTENCES[j % len(SECRET_SENTENCES)], d)
        out.append(("p", text))
    return out


def body_for(d, bank):
    """Type-specific skeleton with generic paragraphs from the part's bank."""
    t, k, s = d["kind"], d.get("length", 3), d.get("start", 0)
    G = lambda n, off=0: generic(d, bank, n, s + off)  # noqa: E731
    if t == "NQ":
        return ([("p", "Ngày %s, %s đã họp, thảo luận và thống nhất ban hành nghị quyết về %s với những nội dung chủ yếu sau:" % (d["meet"], d["cq_full"], d["cd"])),
                 ("h", "I. TÌNH HÌNH")] + G(max(1, k // 2)) +
                [("h", "II. MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP")] + G(max(1, k - k // 2), 5) +
                [("h", "III. TỔ CHỨC THỰC HIỆN"),
                 ("p", "Các chi bộ, đảng bộ trực thuộc tổ chức quán triệt và xây dựng kế hoạch thực hiện Nghị quyết; Văn phòng theo dõi, tổng hợp, báo cáo kết quả./.")])
    if t in ("QĐ", "QĐ-state"):
        if t == "QĐ-state":
            lead = [("c", d["authority_heading"])] if d.get("authority_heading") else []
            lead += [("i", x) for x in d["can_cu"]] + [("c", "QUYẾT ĐỊNH:")]
        else:
            lead = [("i", x) for x in d["can_cu"]] + [("c", d["authority_heading"])]
        dieu = [("p", "Điều %d. %s" % (i + 1, x)) for i, x in enumerate(d["dieu"])]
        return lead + dieu[:1] + G(k) + dieu[1:]
    if t == "CT":
        return (G(1) + [("p", "Để khắc phục tình trạng trên, %s yêu cầu các cấp ủy, tổ chức đảng thực hiện tốt các nội dung sau:" % d["cq_full"])] +
                [("p", "%d. %s" % (i + 1, x[1])) for i, x in enumerate(G(k, 2))] +
                [("p", "Chỉ thị này được phổ biến đến chi bộ./.")])
    if t == "KL":
        return ([("p", "Ngày %s, %s đã họp nghe báo cáo về %s. Sau khi thảo luận, %s kết luận như sau:" % (d["meet"], d["cq_full"], d["cd"], d["cq_full"]))] +
                [("p", "%d. %s" % (i + 1, x[1])) for i, x in enumerate(G(k, 1))] +
                [("p", "Đề nghị các tổ chức đảng có liên quan nghiêm túc thực hiện kết luận này./.")])
    if t == "TT":
        return G(1) + [("p", "%d. %s" % (i + 1, x[1])) for i, x in enumerate(G(k, 4))] + [("p", "Thông tri này phổ biến đến chi bộ./.")]
    if t == "HD":
        return ([("p", "Thực hiện %s, %s hướng dẫn %s như sau:" % (d["ref"], d["cq_full"], d["cd"])),
                 ("h", "1. Mục đích, yêu cầu")] + G(1) + [("h", "2. Nội dung")] + G(max(1, k - 1), 3) +
                [("h", "3. Tổ chức thực hiện"), ("p", "Các cấp ủy trực thuộc căn cứ hướng dẫn này triển khai thực hiện và báo cáo kết quả đúng thời gian quy định./.")])
    if t == "TB":
        return ([("p", "Ngày %s, %s đã họp nghe báo cáo về %s. %s thông báo ý kiến như sau:" % (d["meet"], d["cq_full"], d["cd"], d["cq_full"]))] +
                G(k, 2) + [("p", "Thông báo để các cơ quan, đơn vị biết, thực hiện./.")])
    if t == "BC":
        return ([("h", "I. TÌNH HÌNH VÀ KẾT QUẢ THỰC HIỆN")] + G(max(1, k - 1)) +
                [("h", "II. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI")] + G(1, 3))
    if t in ("KH", "CTr"):
        return ([("p", "Thực hiện %s, %s xây dựng %s như sau:" % (d["ref"], d["cq_full"], "kế hoạch" if t == "KH" else "chương trình")),
                 ("h", "I. MỤC ĐÍCH, YÊU CẦU")] + G(1, 3) + [("h", "II. NỘI DUNG, NHIỆM VỤ")] + G(max(1, k - 1), 4) +
                [("h", "III. TỔ CHỨC THỰC HIỆN")] + G(1, 7))
    if t in ("CV", "CV-state"):
        return [("cr", d["kinh_gui"])] + G(k) + [("p", "Đề nghị các đơn vị quan tâm thực hiện./.")]
    if t == "TTr":
        return ([("cr", d["kinh_gui"]), ("p", "Căn cứ %s; xét tình hình thực tế, %s kính trình về %s như sau:" % (d["ref"], d["cq_full"], d["cd"]))] +
                G(k, 1) + [("p", "Kính trình Ban Thường vụ xem xét, cho ý kiến./.")])
    if t == "BB":
        return ([("p", "Vào lúc 14 giờ 00 phút, ngày %s, tại hội trường thôn, %s tiến hành họp với nội dung: %s." % (d["meet"], d["cq_full"], d["cd"])),
                 ("h", "I. THÀNH PHẦN"),
                 ("p", "Tổng số đảng viên: 23 đồng chí; có mặt 21 đồng chí, vắng 2 đồng chí có lý do. Chủ trì: đồng chí %s, Bí thư chi bộ. Thư ký: đồng chí %s." % (d["nguoi_ky"], d["left_sign"][-1])),
                 ("h", "II. NỘI DUNG")] + G(k, 2) +
                [("p", "Biểu quyết: 21/21 đồng chí có mặt nhất trí. Cuộc họp kết thúc vào lúc 16 giờ 30 phút cùng ngày.")])
    if t == "QĐi":
        return ([("c", "Chương I"), ("c", "QUY ĐỊNH CHUNG")] + [("p", "Điều 1. " + x[1]) for x in G(1)] +
                [("c", "Chương II"), ("c", "NỘI DUNG CỤ THỂ")] + [("p", "Điều %d. %s" % (i + 2, x[1])) for i, x in enumerate(G(k, 2))])
    raise ValueError(t)


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


# ------------------------------------------------------------------------------------------
# Document builder
# ------------------------------------------------------------------------------------------

TYPE_NAMES = {
    "NQ": ("Nghị quyết", "NGHỊ QUYẾT"), "QĐ": ("Quyết định", "QUYẾT ĐỊNH"),
    "QĐ-state": ("Quyết định", "QUYẾT ĐỊNH"), "CT": ("Chỉ thị", "CHỈ THỊ"),
    "KL": ("Kết luận", "KẾT LUẬN"), "TT": ("Thông tri", "THÔNG TRI"),
    "HD": ("Hướng dẫn", "HƯỚNG DẪN"), "TB": ("Thông báo", "THÔNG BÁO"),
    "BC": ("Báo cáo", "BÁO CÁO"), "KH": ("Kế hoạch", "KẾ HOẠCH"),
    "CTr": ("Chương trình", "CHƯƠNG TRÌNH"), "CV": ("Công văn", None),
    "CV-state": ("Công văn", None), "TTr": ("Tờ trình", "TỜ TRÌNH"),
    "BB": ("Biên bản", "BIÊN BẢN"), "QĐi": ("Quy định", "QUY ĐỊNH"),
    "ĐA": ("Đề án", "ĐỀ ÁN"),                                        # holdout4 only
}


def date_line(place, y, m, d, form):
    if form == "padded":
        return "%s, ngày %02d tháng %02d năm %d" % (place, d, m, y)
    if form == "dashed":
        return "%s, ngày %d-%d-%d" % (place, d, m, y)
    return "%s, ngày %d tháng %d năm %d" % (place, d, m, y)


def doc(part, **kw):
    d = dict(kw)
    d.setdefault("era", "printed")
    d.setdefault("layout", "state" if d.get("format") == "state" else "qd66")
    d.setdefault("format", "party")
    d.setdefault("do_mat", None)
    d.setdefault("do_khan", None)
    d.setdefault("dv", "các chi bộ, đảng bộ cơ sở")
    d.setdefault("meet", "%d/%d/%d" % (max(1, d["date"][2] - 3), d["date"][1], d["date"][0]))
    d.setdefault("ref", "Nghị quyết của Ban Chấp hành Đảng bộ")
    if d["era"] == "typewritten" and part == "holdout":
        d["mono"] = "fmono"
    if d["era"] == "typewritten" and part == "tune2":
        d["mono"] = "dmono"
    if d["era"] == "typewritten" and part == "holdout3":
        d["mono"] = "lmono-b"
    if part == "holdout4":
        d["check_overlap"] = True
        if d["era"] == "typewritten":          # FreeMono at elite pitch: 10 pt, tighter lines
            d["mono"] = "fmono-e"
            d.setdefault("typed_pt", 10)
            d.setdefault("typed_lh", 68)
    y, m, dd = d["date"]
    kind = d["kind"]
    ten_loai, heading = TYPE_NAMES[kind]
    d["ten_loai"] = ten_loai
    if d["format"] == "state":
        d["so_ky_hieu"] = "%s/%s" % (d["so"], d["kh"])
    else:
        d["so_ky_hieu"] = "%s-%s" % (d["so"], d["kh"])
    so_printed = d.get("so_printed") or d["so_ky_hieu"]
    d["so_line"] = "%s %s" % (d.get("so_prefix", "Số"), so_printed)
    d["date_line"] = date_line(d["place"], y, m, dd, d.get("date_form", "plain"))
    if heading:
        d["title_lines"] = [d.get("heading", heading)]
        d["subtitle_lines"] = d["ty_lines"]
        d.setdefault("vv_lines", [])
    else:
        d["title_lines"] = []
        d["subtitle_lines"] = []
        d["vv_lines"] = d["ty_lines"]
    if part == "holdout4":
        d["body"] = body_for4(d)
    else:
        d["body"] = body_for(d, {"tune": TUNE_BANK, "holdout": HOLDOUT_BANK, "holdout3": HOLDOUT3_BANK}.get(part, TUNE2_BANK))
    return d


def truth_fields(d):
    y, m, dd = d["date"]
    sign = d["sign"]
    auth = None
    for line in sign:
        head = line.split(" ")[0].upper().replace(".", "")
        code = {"T/M": "T/M", "TM": "T/M", "K/T": "K/T", "KT": "K/T", "T/L": "T/L", "TL": "T/L"}.get(head)
        if code:
            auth = code           # the innermost authority (K/T under T/M) wins
    so, kh = d["so"], d["kh"]
    return {
        "ten_loai": d["ten_loai"],
        "so": so,
        "ky_hieu": kh,
        "so_ky_hieu": d["so_ky_hieu"],
        "ngay_ban_hanh": "%04d-%02d-%02d" % (y, m, dd),
        "dia_danh": d["place"],
        "co_quan_ban_hanh": d["issuer"],
        "co_quan_ban_hanh_header": " ".join(d["issuer_lines"]),
        "co_quan_cap_tren": d.get("superior"),
        "trich_yeu": " ".join(d["ty_lines"]),
        "nguoi_ky": d["nguoi_ky"],
        "chuc_vu": sign[-1],
        "tham_quyen": auth or "none",
        "tham_quyen_full": " ".join(sign[:-1]),
        "noi_nhan": d.get("noi_nhan", []),
        "do_mat": d["do_mat"] or "none",
        "do_khan": d["do_khan"] or "none",
        "format": d["format"],
        "era": d["era"],
        "layout": d["layout"] + {"fmono": "-freemono", "dmono": "-freemonobold", "lmono-b": "-liberationmonobold",
                            "fmono-e": "-freemono-elite"}.get(d.get("mono"), "")
        + ("-" + d["face"] if d.get("face") and d["era"] != "typewritten" else ""),
        "receipt_stamp": bool(d.get("receipt")),
        "attachment": " ".join(d["attachment"]["heading"]) if d.get("attachment") else None,
        "codename": d.get("code"),
    }


def fold(s):
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", s).strip().lower()


def distinctive(d, texts, docs, layouts):
    """Per page of a classified document: strings that identify the page's text (its
    codename, and a run of five words from its body found in no other document of the part)."""
    if not d["do_mat"]:
        return []
    others = " || ".join(fold("\n".join(p.text)).replace("\n", " ")
                         for i, ps in layouts.items() if i != d["id"] for p in ps)
    out = []
    for n, lines in enumerate(texts):
        needles = []
        if d.get("code") and any(d["code"] in line for line in lines):
            needles.append(d["code"])
        body = [line for line in lines if len(line.split()) >= 8]
        for line in body[len(body) // 2:] + body[:len(body) // 2]:
            words = line.split()
            cand = " ".join(words[1:6])
            if fold(cand) not in others:
                needles.append(cand)
                break
        out.append({"page_in_document": n + 1, "needles": needles})
    return out


# ------------------------------------------------------------------------------------------
# The documents
# ------------------------------------------------------------------------------------------

NN_HU = ["- Thường trực Tỉnh ủy (b/c),", "- Các ban xây dựng Đảng Tỉnh ủy,",
         "- Các đảng bộ, chi bộ cơ sở,", "- Các đồng chí Huyện ủy viên,", "- Lưu Văn phòng Huyện ủy."]
NN_TU = ["- Ban Bí thư Trung ương Đảng (b/c),", "- Văn phòng Trung ương Đảng,",
         "- Các huyện ủy, thị ủy, thành ủy,", "- Các đảng ủy trực thuộc Tỉnh ủy,", "- Lưu Văn phòng Tỉnh ủy."]
NN_DU = ["- Ban Thường vụ Huyện ủy (b/c),", "- Các chi bộ trực thuộc,", "- Lưu Văn phòng Đảng ủy."]
NN_STATE = ["- Như Điều 3;", "- Thường trực Tỉnh ủy;", "- Thường trực HĐND tỉnh;",
            "- Chủ tịch, các PCT UBND tỉnh;", "- Lưu: VT, NC."]


def seal_of(issuer_upper, province_upper):
    return "%s * %s *" % (issuer_upper, province_upper)


def tune_docs():
    P = "tune"
    hu = dict(superior_line="ĐẢNG BỘ TỈNH QUẢNG BÌNH", superior="Đảng bộ tỉnh Quảng Bình",
              issuer_lines=["HUYỆN ỦY LỆ THỦY"], issuer="Huyện ủy Lệ Thủy", place="Lệ Thủy",
              cq="Huyện ủy", cq_full="Ban Thường vụ Huyện ủy", seal="HUYỆN ỦY LỆ THỦY * TỈNH QUẢNG BÌNH *",
              noi_nhan=NN_HU)
    na = dict(superior_line="ĐẢNG BỘ TỈNH NGHỆ AN", superior="Đảng bộ tỉnh Nghệ An",
              issuer_lines=["ĐẢNG ỦY KHỐI", "CÁC CƠ QUAN TỈNH"],
              issuer="Đảng ủy Khối các cơ quan tỉnh Nghệ An", place="Vinh", cq="Đảng ủy Khối",
              cq_full="Ban Thường vụ Đảng ủy Khối", seal="ĐẢNG ỦY KHỐI CÁC CƠ QUAN * TỈNH NGHỆ AN *",
              noi_nhan=["- Thường trực Tỉnh ủy (b/c),", "- Các đảng bộ, chi bộ trực thuộc,",
                        "- Các ban, Văn phòng Đảng ủy Khối,", "- Lưu VP ĐUK."])
    tu_qb = dict(issuer_lines=["TỈNH ỦY QUẢNG BÌNH"], issuer="Tỉnh ủy Quảng Bình", superior=None,
                 place="Đồng Hới", cq="Tỉnh ủy", cq_full="Ban Thường vụ Tỉnh ủy",
                 seal="TỈNH ỦY QUẢNG BÌNH * ĐẢNG CỘNG SẢN VIỆT NAM *", noi_nhan=NN_TU)
    tu_na = dict(tu_qb, issuer_lines=["TỈNH ỦY NGHỆ AN"], issuer="Tỉnh ủy Nghệ An", place="Vinh",
                 seal="TỈNH ỦY NGHỆ AN * ĐẢNG CỘNG SẢN VIỆT NAM *")
    du = dict(superior_line="ĐẢNG BỘ HUYỆN LỆ THỦY", superior="Đảng bộ huyện Lệ Thủy",
              issuer_lines=["ĐẢNG ỦY XÃ SEN THỦY"], issuer="Đảng ủy xã Sen Thủy", place="Sen Thủy",
              cq="Đảng ủy", cq_full="Ban Thường vụ Đảng ủy", seal="ĐẢNG ỦY XÃ SEN THỦY * HUYỆN LỆ THỦY *",
              noi_nhan=NN_DU, dv="các chi bộ thôn")
    tw = dict(era="typewritten")
    docs = [
        doc(P, id="tune-01", kind="NQ", so="45", kh="NQ/HU", date=(2009, 3, 12), **hu, length=7,
            ty_lines=["về phát triển kinh tế trang trại", "giai đoạn 2009 - 2015"],
            cd="phát triển kinh tế trang trại", sign=["T/M BAN THƯỜNG VỤ", "BÍ THƯ"], nguoi_ky="Trần Công Thuật"),
        doc(P, id="tune-02", kind="CT", so="12", kh="CT/HU", date=(2009, 5, 4), **hu, length=3, start=2,
            ty_lines=["về tăng cường công tác phòng, chống lụt bão năm 2009"],
            cd="công tác phòng, chống lụt bão", sign=["K/T BÍ THƯ", "PHÓ BÍ THƯ"], nguoi_ky="Nguyễn Văn Minh"),
        doc(P, id="tune-03", kind="KL", so="38", kh="KL/HU", date=(2009, 6, 22), **hu, length=5, start=4,
            ty_lines=["của Ban Thường vụ Huyện ủy về tình hình thực hiện", "nhiệm vụ 6 tháng đầu năm 2009"],
            cd="tình hình thực hiện nhiệm vụ 6 tháng đầu năm", sign=["T/M BAN THƯỜNG VỤ", "BÍ THƯ"], nguoi_ky="Trần Công Thuật"),
        doc(P, id="tune-04", kind="TB", so="96", kh="TB/HU", date=(2009, 8, 10), so_prefix="Số:", **hu, length=2, start=6,
            ty_lines=["ý kiến của Thường trực Huyện ủy về công tác", "tuyển sinh quân năm 2010"],
            cd="công tác tuyển sinh quân", sign=["T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG"], nguoi_ky="Hoàng Thị Lan"),
        doc(P, id="tune-05", kind="KH", so="27", kh="KH/HU", date=(2009, 9, 15), date_form="padded", **hu, length=4, start=1,
            ty_lines=["tổ chức Đại hội chi bộ, đảng bộ cơ sở", "nhiệm kỳ 2010 - 2015"],
            cd="việc tổ chức đại hội chi bộ, đảng bộ cơ sở", ref="Chỉ thị số 37-CT/TW của Bộ Chính trị",
            sign=["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"], nguoi_ky="Nguyễn Văn Minh",
            attachment=dict(heading=["PHỤ LỤC"], note=["(Kèm theo Kế hoạch số 27-KH/HU, ngày 15/9/2009", "của Ban Thường vụ Huyện ủy)"],
                            body=[("h", "Lịch tổ chức đại hội các đảng bộ, chi bộ cơ sở"),
                                  ("l", "1. Đảng bộ xã Sen Thủy: ngày 12 và 13/3/2010."),
                                  ("l", "2. Đảng bộ xã Ngư Thủy Bắc: ngày 15/3/2010."),
                                  ("l", "3. Đảng bộ thị trấn Kiến Giang: ngày 18 và 19/3/2010."),
                                  ("l", "4. Chi bộ Trường Trung học phổ thông Lệ Thủy: ngày 22/3/2010."),
                                  ("l", "5. Đảng bộ xã Hồng Thủy: ngày 25/3/2010."),
                                  ("l", "6. Các chi bộ cơ sở còn lại: hoàn thành trước ngày 15/4/2010.")])),
        doc(P, id="tune-06", kind="BC", so="118", kh="BC/ĐUK", date=(2013, 12, 5), **na, length=6, start=3,
            ty_lines=["tổng kết công tác xây dựng Đảng năm 2013,", "phương hướng, nhiệm vụ năm 2014"],
            cd="công tác xây dựng Đảng", sign=["T/M BAN THƯỜNG VỤ", "BÍ THƯ"], nguoi_ky="Lê Quang Huy",
            receipt=dict(so="1452", ngay="9/12/2013", x=round(5 * 11.81), y=round(6 * 11.81))),
        doc(P, id="tune-07", kind="CV", so="356", kh="CV/ĐUK", date=(2014, 1, 8), **na, length=2, start=5,
            do_khan="KHẨN",
            ty_lines=["V/v báo cáo kết quả kiểm điểm", "tập thể, cá nhân năm 2013"],
            kinh_gui="Kính gửi: Các đảng bộ, chi bộ cơ sở trực thuộc",
            cd="việc kiểm điểm tập thể, cá nhân", sign=["T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG"], nguoi_ky="Phan Thị Hà"),
        doc(P, id="tune-08", kind="NQ", so="09", kh="NQ/ĐUK", date=(2014, 2, 20), **na, length=3, start=7,
            do_mat="MẬT", red_marks=True, code="NA-4172",
            ty_lines=["về công tác bảo vệ chính trị nội bộ năm 2014"],
            cd="công tác bảo vệ chính trị nội bộ", sign=["T/M BAN THƯỜNG VỤ", "BÍ THƯ"], nguoi_ky="Lê Quang Huy"),
        doc(P, id="tune-09", kind="HD", so="15", kh="HD/ĐUK", date=(2014, 3, 3), **na, length=3, start=8,
            ty_lines=["đánh giá, xếp loại chất lượng", "tổ chức cơ sở đảng và đảng viên"],
            ref="Hướng dẫn của Ban Tổ chức Trung ương",
            cd="việc đánh giá, xếp loại tổ chức cơ sở đảng", sign=["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"], nguoi_ky="Võ Thị Mai"),
        doc(P, id="tune-10", kind="TT", so="04", kh="TT/TU", date=(1996, 4, 18), **tu_qb, **tw, length=5,
            ty_lines=["về việc lãnh đạo cuộc vận động", "xây dựng và chỉnh đốn Đảng"],
            cd="cuộc vận động xây dựng và chỉnh đốn Đảng", sign=["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"], nguoi_ky="Đinh Xuân Khoa"),
        doc(P, id="tune-11", kind="QĐ", so="87", kh="QĐ/TU", date=(1996, 7, 2), date_form="dashed", **tu_qb, **tw, length=1, start=3,
            ty_lines=["về việc thành lập Ban chỉ đạo công tác", "lưu trữ của Tỉnh ủy"],
            can_cu=["- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", "- Căn cứ Quy chế làm việc của Tỉnh ủy khóa XII;",
                    "- Xét đề nghị của Văn phòng Tỉnh ủy,"],
            authority_heading="BAN THƯỜNG VỤ TỈNH ỦY QUYẾT ĐỊNH",
            dieu=["Thành lập Ban chỉ đạo công tác lưu trữ của Tỉnh ủy gồm 7 đồng chí do đồng chí Phó Bí thư Thường trực làm Trưởng ban.",
                  "Ban chỉ đạo có nhiệm vụ chỉ đạo việc thu thập, chỉnh lý và bảo quản tài liệu của Đảng bộ tỉnh từ năm 1989 đến năm 1995.",
                  "Văn phòng Tỉnh ủy và các đồng chí có tên trong Ban chỉ đạo thi hành Quyết định này./."],
            cd="công tác lưu trữ tài liệu của Đảng bộ", sign=["T/M BAN THƯỜNG VỤ", "BÍ THƯ"], nguoi_ky="Nguyễn Hoài Nam"),
        doc(P, id="tune-12", kind="BC", so="21", kh="BC/TU", date=(1997, 1, 10), **tu_qb, **tw, length=2, start=6,
            do_mat="TỐI MẬT", code="QB-2209",
            ty_lines=["tình hình an ninh chính trị nội bộ năm 1996"],
            cd="tình hình an ninh chính trị nội bộ", sign=["T/M BAN THƯỜNG VỤ", "BÍ THƯ"], nguoi_ky="Nguyễn Hoài Nam"),
        doc(P, id="tune-13", kind="QĐ-state", format="state", so="424", kh="QĐ-UBND", date=(2015, 2, 18),
            so_prefix="Số:", issuer_lines=["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ"], issuer="Ủy ban nhân dân tỉnh Quảng Trị",
            superior=None, place="Quảng Trị", cq="Ủy ban nhân dân tỉnh", cq_full="Ủy ban nhân dân tỉnh", length=1, start=5,
            dv="các sở, ban, ngành", seal="ỦY BAN NHÂN DÂN * TỈNH QUẢNG TRỊ *", noi_nhan=NN_STATE,
            ty_lines=["Về việc phê duyệt Đề án chỉnh lý tài liệu", "lưu trữ tồn đọng giai đoạn 2015 - 2020"],
            authority_heading="CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ",
            can_cu=["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
                    "Căn cứ Luật Lưu trữ ngày 11 tháng 11 năm 2011;", "Xét đề nghị của Giám đốc Sở Nội vụ,"],
            dieu=["Phê duyệt Đề án chỉnh lý tài liệu lưu trữ tồn đọng của các cơ quan, tổ chức thuộc nguồn nộp lưu vào Lưu trữ lịch sử tỉnh giai đoạn 2015 - 2020.",
                  "Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính hướng dẫn, kiểm tra việc thực hiện Đề án.",
                  "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ và Thủ trưởng các cơ quan liên quan chịu trách nhiệm thi hành Quyết định này./."],
            cd="việc chỉnh lý tài liệu lưu trữ tồn đọng", sign=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], nguoi_ky="Hà Sỹ Đồng"),
        doc(P, id="tune-14", kind="CV-state", format="state", so="512", kh="SNV-VTLT", date=(2016, 5, 9),
            so_prefix="Số:", issuer_lines=["UBND TỈNH QUẢNG TRỊ", "SỞ NỘI VỤ"], issuer="Sở Nội vụ tỉnh Quảng Trị",
            superior="Ủy ban nhân dân tỉnh Quảng Trị", place="Quảng Trị", cq="Sở Nội vụ", cq_full="Sở Nội vụ", length=2, start=9,
            dv="các cơ quan, đơn vị", seal="SỞ NỘI VỤ * TỈNH QUẢNG TRỊ *",
            noi_nhan=["- Như trên;", "- UBND tỉnh (b/c);", "- Giám đốc Sở;", "- Lưu: VT, VTLT."],
            ty_lines=["V/v hướng dẫn chỉnh lý", "tài liệu tồn đọng"],
            kinh_gui="Kính gửi: Các sở, ban, ngành cấp tỉnh",
            cd="việc chỉnh lý tài liệu tồn đọng", sign=["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], nguoi_ky="Lê Văn Bình"),
        doc(P, id="tune-15", kind="CTr", so="18", kh="CTr/HU", date=(2016, 6, 20),
            superior_line="ĐẢNG BỘ TỈNH NGHỆ AN", superior="Đảng bộ tỉnh Nghệ An", issuer_lines=["HUYỆN ỦY DIỄN CHÂU"],
            issuer="Huyện ủy Diễn Châu", place="Diễn Châu", cq="Huyện ủy", cq_full="Ban Thường vụ Huyện ủy",
            seal="HUYỆN ỦY DIỄN CHÂU * TỈNH NGHỆ AN *", noi_nhan=NN_HU[:-1] + ["- Lưu VPHU."], length=8, start=2,
            ref="Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVIII",
            ty_lines=["hành động thực hiện Nghị quyết Đại hội Đảng bộ huyện", "lần thứ XXVIII, nhiệm kỳ 2015 - 2020"],
            heading="CHƯƠNG TRÌNH",
            cd="Nghị quyết Đại hội Đảng bộ huyện", sign=["T/M BAN THƯỜNG VỤ", "BÍ THƯ"], nguoi_ky="Phan Đức Đồng",
            attachment=dict(heading=["PHỤ LỤC", "PHÂN CÔNG NHIỆM VỤ"], note=["(Ban hành kèm theo Chương trình số 18-CTr/HU", "ngày 20/6/2016 của Ban Thường vụ Huyện ủy)"],
                            body=[("l", "1. Ban Tuyên giáo Huyện ủy: chủ trì tuyên truyền Nghị quyết, quý III/2016."),
                                  ("l", "2. Ban Tổ chức Huyện ủy: rà soát quy hoạch cán bộ, quý IV/2016."),
                                  ("l", "3. Ủy ban Kiểm tra Huyện ủy: kiểm tra việc thực hiện, hằng năm."),
                                  ("l", "4. Ban Dân vận Huyện ủy: phối hợp Mặt trận và các đoàn thể, thường xuyên."),
                                  ("l", "5. Văn phòng Huyện ủy: tổng hợp, báo cáo, tháng 12 hằng năm.")])),
        doc(P, id="tune-16", kind="KH", so="05", kh="KH/TU", date=(2011, 4, 7), **tu_na, length=2, start=4,
            do_mat="TUYỆT MẬT", do_khan="HỎA TỐC", red_marks=True, code="TX-8053",
            ty_lines=["bảo vệ an toàn các mục tiêu trọng yếu", "trong dịp bầu cử năm 2011"],
            ref="chỉ đạo của Ban Bí thư",
            cd="việc bảo vệ các mục tiêu trọng yếu", sign=["T/M BAN THƯỜNG VỤ", "BÍ THƯ"], nguoi_ky="Hồ Đức Phớc"),
        doc(P, id="tune-17", kind="TB", so="214", kh="TB/TU", date=(2011, 5, 16), **tu_na, length=2, start=1,
            ty_lines=["kết luận của Thường trực Tỉnh ủy về công tác", "chuẩn bị bầu cử đại biểu Quốc hội khóa XIII"],
            cd="công tác chuẩn bị bầu cử", sign=["T/L BAN THƯỜNG VỤ", "PHÓ CHÁNH VĂN PHÒNG"], nguoi_ky="Nguyễn Thị Thu Hường"),
        doc(P, id="tune-18", kind="CT", so="07", kh="CT/TU", date=(2011, 6, 2), **tu_na, length=2, start=7,
            do_mat="TỐI MẬT", do_khan="KHẨN", red_marks=True, code="NV-6631",
            ty_lines=["về phòng, chống hoạt động lợi dụng tôn giáo", "trên địa bàn tỉnh"],
            cd="công tác phòng, chống lợi dụng tôn giáo", sign=["T/M BAN THƯỜNG VỤ", "BÍ THƯ"], nguoi_ky="Hồ Đức Phớc"),
        doc(P, id="tune-19", kind="BB", so="03", kh="BB/CB", date=(2018, 3, 14),
            superior_line="ĐẢNG BỘ XÃ SEN THỦY", superior="Đảng bộ xã Sen Thủy", issuer_lines=["CHI BỘ THÔN TÂN LỘC"],
            issuer="Chi bộ thôn Tân Lộc", place="Sen Thủy", cq="Chi bộ", cq_full="Chi bộ thôn Tân Lộc", dv="các tổ đảng",
            seal=None, length=2, start=0, meet="14/3/2018",
            ty_lines=["họp chi bộ thường kỳ tháng 3 năm 2018"],
            cd="sinh hoạt chi bộ thường kỳ", left_sign=["THƯ KÝ", "Lê Thị Hoa"],
            sign=["CHỦ TRÌ"], nguoi_ky="Trần Văn Sáu"),
        doc(P, id="tune-20", kind="TTr", so="15", kh="TTr/ĐU", date=(2018, 4, 2), **du, length=2, start=3,
            ty_lines=["về việc đề nghị công nhận đảng viên chính thức"],
            kinh_gui="Kính gửi: Ban Thường vụ Huyện ủy Lệ Thủy", ref="Điều lệ Đảng và Hướng dẫn số 01-HD/TW",
            cd="việc công nhận đảng viên chính thức", sign=["T/M ĐẢNG ỦY", "BÍ THƯ"], nguoi_ky="Nguyễn Thanh Tùng"),
        doc(P, id="tune-21", kind="NQ", so="21", kh="NQ/ĐU", date=(2018, 7, 9), **du, length=5, start=8,
            ty_lines=["về lãnh đạo thực hiện nhiệm vụ 6 tháng cuối năm 2018"],
            cd="nhiệm vụ 6 tháng cuối năm", sign=["T/M ĐẢNG ỦY", "BÍ THƯ"], nguoi_ky="Nguyễn Thanh Tùng"),
        doc(P, id="tune-22", kind="BC", so="34", kh="BC/ĐU", date=(2018, 12, 10), date_form="padded", **du, length=3, start=5,
            ty_lines=["kết quả lãnh đạo thực hiện nhiệm vụ năm 2018"],
            cd="nhiệm vụ chính trị năm 2018", sign=["T/M ĐẢNG ỦY", "PHÓ BÍ THƯ"], nguoi_ky="Phạm Thị Nga"),
        doc(P, id="tune-23", kind="QĐ", so="215", kh="QĐ/TU", date=(2017, 4, 10), **dict(tu_qb, noi_nhan=NN_TU[2:]), length=1, start=2,
            ty_lines=["ban hành Quy định về chế độ báo cáo", "của các tổ chức đảng trực thuộc Tỉnh ủy"],
            can_cu=["- Căn cứ Điều lệ Đảng;", "- Căn cứ Quy chế làm việc của Tỉnh ủy khóa XVI;", "- Xét đề nghị của Văn phòng Tỉnh ủy,"],
            authority_heading="BAN THƯỜNG VỤ TỈNH ỦY QUYẾT ĐỊNH",
            dieu=["Ban hành kèm theo Quyết định này Quy định về chế độ báo cáo của các tổ chức đảng trực thuộc Tỉnh ủy.",
                  "Quyết định có hiệu lực kể từ ngày ký. Các tổ chức đảng trực thuộc Tỉnh ủy chịu trách nhiệm thi hành Quyết định này./."],
            cd="chế độ báo cáo", sign=["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC"], nguoi_ky="Hoàng Đăng Quang",
            attachment=dict(heading=["QUY ĐỊNH", "về chế độ báo cáo của các tổ chức đảng trực thuộc Tỉnh ủy"],
                            note=["(Ban hành kèm theo Quyết định số 215-QĐ/TU, ngày 10/4/2017", "của Ban Thường vụ Tỉnh ủy)"],
                            body=[("c", "Chương I"), ("c", "QUY ĐỊNH CHUNG"),
                                  ("p", "Điều 1. Quy định này quy định về loại báo cáo, thời hạn, nội dung và trách nhiệm báo cáo của các huyện ủy, thị ủy, thành ủy và đảng ủy trực thuộc Tỉnh ủy."),
                                  ("p", "Điều 2. Báo cáo định kỳ gồm báo cáo tháng, quý, sáu tháng và năm; báo cáo tháng gửi về Văn phòng Tỉnh ủy trước ngày 20 hằng tháng; báo cáo năm gửi trước ngày 30 tháng 11."),
                                  ("c", "Chương II"), ("c", "TRÁCH NHIỆM THI HÀNH"),
                                  ("p", "Điều 3. Văn phòng Tỉnh ủy theo dõi, đôn đốc việc thực hiện Quy định này; định kỳ hằng năm báo cáo Ban Thường vụ Tỉnh ủy tình hình chấp hành chế độ báo cáo của các tổ chức đảng.")])),
        doc(P, id="tune-24", kind="KL", so="102", kh="KL/UBKTTU", date=(2019, 8, 27),
            issuer_lines=["TỈNH ỦY QUẢNG BÌNH", "ỦY BAN KIỂM TRA"], issuer="Ủy ban Kiểm tra Tỉnh ủy Quảng Bình",
            superior="Tỉnh ủy Quảng Bình", place="Đồng Hới", cq="Ủy ban Kiểm tra", cq_full="Ủy ban Kiểm tra Tỉnh ủy",
            seal="ỦY BAN KIỂM TRA * TỈNH ỦY QUẢNG BÌNH *", length=3, start=3,
            noi_nhan=["- Thường trực Tỉnh ủy (b/c),", "- Tổ chức đảng được kiểm tra,", "- Lưu UBKT."],
            ty_lines=["kiểm tra khi có dấu hiệu vi phạm", "đối với Ban Thường vụ Đảng ủy xã Quảng Phú"],
            cd="việc kiểm tra khi có dấu hiệu vi phạm", sign=["T/M ỦY BAN KIỂM TRA", "CHỦ NHIỆM"], nguoi_ky="Đoàn Ngọc Lâm",
            receipt=dict(so="318", ngay="4/9/2019", x=round(4 * 11.81), y=round(3 * 11.81))),
    ]
    hosos = [
        dict(dir="hs-01-huyen-uy-le-thuy-2009", docs=["tune-01", "tune-02", "tune-03", "tune-04", "tune-05"],
             pack="one-file", fmt="tiff-g4", dpi=300, name="hop-12-ho-so-01", wear=["noise", "salt_pepper"], wear_rate=0.3),
        dict(dir="hs-02-dang-uy-khoi-2013", docs=["tune-06", "tune-07", "tune-08", "tune-09"],
             pack="per-page", fmt=["jpeg", "png", "png"], wear=["faded"], wear_rate=0.25),
        dict(dir="hs-03-tinh-uy-1996", docs=["tune-10", "tune-11", "tune-12"], pack="one-file", fmt="pdf",
             name="tinh-uy-1996", blank_after=["tune-10", "tune-11"], wear=["photocopy", "faded"], wear_rate=0.35),
        dict(dir="hs-04-ubnd-quang-tri", docs=["tune-13", "tune-14"], pack="per-doc", fmt="jpeg", wear=["blur"], wear_rate=0.3),
        dict(dir="hs-05-chuong-trinh-dien-chau", docs=["tune-15"], pack="one-file", fmt="pdf", name="ctr-18",
             blank_after=["tune-15"], wear=["punch_holes"], wear_rate=0.5),
        dict(dir="hs-06-tai-lieu-mat-2011", docs=["tune-16", "tune-17", "tune-18"], pack="per-page", fmt="jpeg",
             wear=["noise"], wear_rate=0.3),
        dict(dir="hs-07-dang-uy-xa-sen-thuy", docs=["tune-19", "tune-20", "tune-21", "tune-22"], pack="per-page",
             fmt="png", wear=["faded", "salt_pepper"], wear_rate=0.2, upside_down=[("tune-21", 2)]),
        dict(dir="hs-08-quy-dinh-bao-cao", docs=["tune-23"], pack="per-doc", fmt="tiff-g4", dpi=300),
        dict(dir="hs-09-ubkt-2019", docs=["tune-24"], pack="per-page", fmt="jpeg", wear=["blur"], wear_rate=0.5),
    ]
    box = {"ma_co_quan_luu_tru": "H44", "ma_phong": "01", "ten_phong": "Phông tài liệu đánh giá (phần tune)",
           "hop_so": "101", "don_vi_so_hoa": "Nhóm phát triển sohoa", "nguoi_so_hoa": "Bộ sinh mẫu đánh giá"}
    return docs, hosos, box


def holdout_docs():
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


def tune2_docs():
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


def holdout3_docs():
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


def holdout4_docs():
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


def part(name):
    return {"tune": tune_docs, "tune2": tune2_docs, "holdout": holdout_docs, "holdout3": holdout3_docs,
            "holdout4": holdout4_docs}[name]()
