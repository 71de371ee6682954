"""tune7: the tuning part of the eval7 set (10 hồ sơ). Tuning material: read it, tune on it.

Invented wording, issuers and people, written from DESIGN.md §3 and the two reference texts by a
helper that read neither sealed7 (nor content_sealed7.py) nor sealed6 nor the holdout wording.
The document builder is eval6's `build6.py`; the arrangements are eval7's (generate7.py).

Its provinces are ones the readable earlier parts (tune, tune2, tune5) use: eval7's README says
sealed7 avoids every one of those, so tune7 shares no province with sealed7. The districts,
communes, issuers, people, numbers and sentences are new; none is taken from content_tune6.py.
"""

from build5 import per_page as _per_page5
from build6 import Maker, Plan, note, one_file, per_doc, per_page, signer, stamp

NEVER_TUNE = False
PART = "tune7"

BOX_JSON = {
    "ma_co_quan_luu_tru": "H47",
    "ma_phong": "08",
    "ten_phong": "Phông tài liệu đánh giá eval7 (phần tune7)",
    "hop_so": "817",
    "don_vi_so_hoa": "Nhóm phát triển sohoa",
    "nguoi_so_hoa": "Bộ sinh mẫu đánh giá eval7",
}

# ---- sentences ---------------------------------------------------------------------------
# A general bank about Party and office work, and one bank per hồ sơ's place and time. Each
# document draws from its own hồ sơ's bank plus the general one.

GENERAL = [
    "Công tác phát triển đảng viên mới trong năm đạt chỉ tiêu, phần lớn là đoàn viên thanh niên ưu tú.",
    "Một số chi bộ sinh hoạt còn hình thức, nội dung chủ yếu là thông báo tình hình, ít thảo luận.",
    "Cấp ủy các cấp đã phân công cấp ủy viên dự sinh hoạt với chi bộ ít nhất mỗi quý một lần.",
    "Việc đánh giá, xếp loại tổ chức cơ sở đảng cuối năm được tiến hành chặt chẽ, đúng quy trình.",
    "Công tác kiểm tra, giám sát tập trung vào những lĩnh vực dễ phát sinh tiêu cực như đất đai, tài chính.",
    "Văn phòng cấp ủy cần bảo đảm thông tin hai chiều thông suốt giữa cấp trên và cơ sở.",
    "Các văn bản của cấp ủy sau khi ban hành phải được đăng ký, vào sổ và lưu đủ một bản gốc.",
    "Đề nghị các đồng chí bí thư chi bộ trực tiếp chỉ đạo, không giao khoán cho một bộ phận.",
    "Qua kiểm điểm, phần lớn cán bộ, đảng viên giữ gìn được phẩm chất, lối sống, gương mẫu nơi cư trú.",
    "Tình trạng nợ đọng đảng phí ở một số chi bộ doanh nghiệp ngoài quốc doanh vẫn chưa được khắc phục.",
    "Ban Thường vụ giao Văn phòng theo dõi, đôn đốc và tổng hợp kết quả thực hiện hằng tháng.",
    "Việc học tập nghị quyết của cấp trên được tổ chức tập trung, có bài thu hoạch của từng đảng viên.",
    "Quy chế phối hợp giữa cấp ủy với chính quyền và Mặt trận được rà soát, bổ sung cho phù hợp.",
    "Đội ngũ bí thư chi bộ ở thôn, bản phần lớn tuổi cao, cần sớm được bồi dưỡng và chuẩn bị người thay thế.",
    "Nhiều khiếu nại kéo dài đã được giải quyết dứt điểm nhờ cấp ủy trực tiếp đối thoại với nhân dân.",
    "Các đoàn thể chính trị - xã hội phát huy tốt vai trò vận động hội viên tham gia phong trào thi đua.",
    "Cần làm rõ trách nhiệm người đứng đầu khi để xảy ra sai phạm trong đơn vị mình phụ trách.",
    "Đến cuối kỳ báo cáo, toàn đảng bộ có bốn chi bộ được công nhận trong sạch, vững mạnh tiêu biểu.",
    "Việc lập hồ sơ công việc và nộp lưu vào lưu trữ cơ quan được đưa vào tiêu chí đánh giá cuối năm.",
    "Các đồng chí cấp ủy viên được phân công phụ trách địa bàn phải nắm chắc tình hình tư tưởng ở cơ sở.",
    "Chế độ báo cáo định kỳ của một số đơn vị chưa nghiêm, số liệu gửi về chậm và thiếu chính xác.",
    "Công tác dân vận của chính quyền được chú trọng, cán bộ tiếp dân có thái độ mềm mỏng, đúng mực.",
]

HIGHLAND = [   # Di Linh, Lâm Đồng, 2007-2009
    "Diện tích cà phê già cỗi được tái canh bằng giống ghép năng suất cao đã vượt kế hoạch của năm.",
    "Đồng bào K'Ho ở các xã vùng sâu được hỗ trợ giống chè và phân bón theo chương trình giảm nghèo.",
    "Tình trạng phá rừng làm rẫy ở khu vực giáp ranh giữa các xã vẫn còn diễn biến phức tạp.",
    "Các hộ nhận khoán bảo vệ rừng được chi trả tiền dịch vụ môi trường rừng đúng hạn, công khai.",
    "Hệ thống hồ chứa nước nhỏ được nạo vét, bảo đảm tưới cho vườn cây trong mùa khô.",
    "Giá cà phê nhân xuống thấp khiến nhiều hộ gặp khó khăn trong việc trả nợ vay ngân hàng.",
    "Chương trình kiên cố hóa trường lớp đã xóa hết các phòng học tạm bằng tranh tre ở các buôn.",
    "Lễ hội truyền thống của đồng bào được khôi phục, gắn với việc giữ gìn cồng chiêng và nghề dệt thổ cẩm.",
    "Việc tranh chấp đất đai giữa hộ dân tại chỗ và hộ di cư tự do cần được giải quyết dứt điểm.",
    "Lưới điện đã được kéo về đến trung tâm các thôn, tỷ lệ hộ dùng điện lưới tăng rõ rệt.",
    "Các doanh nghiệp chế biến nông sản trên địa bàn tạo việc làm ổn định cho hơn một nghìn lao động.",
    "Nhiều cán bộ người dân tộc thiểu số được đào tạo, quy hoạch vào các chức danh chủ chốt cấp xã.",
    "Con đường liên xã đi qua vùng đồi chè được trải nhựa, rút ngắn thời gian vận chuyển hàng hóa.",
    "Lực lượng kiểm lâm phối hợp với công an xã tuần tra thường xuyên tại các tiểu khu rừng trọng điểm.",
    "Tỷ lệ hộ nghèo giảm nhưng chưa vững chắc, số hộ có nguy cơ tái nghèo còn nhiều.",
    "Các hợp tác xã dịch vụ nông nghiệp được củng cố, bước đầu liên kết tiêu thụ sản phẩm cho xã viên.",
]

NORTH_1990 = [   # Bình Gia, Lạng Sơn, 1990-1996 (typewritten)
    "Sau khi giao đất, giao rừng đến hộ, đồng bào đã trồng thêm hồi, quế trên các đồi trọc.",
    "Việc buôn bán qua biên giới tăng nhanh, một bộ phận thanh niên bỏ sản xuất đi làm thuê, bốc vác.",
    "Giá thóc trên thị trường biến động, các xã phải bảo đảm không để hộ nào thiếu đói trong lúc giáp hạt.",
    "Trường phổ thông cơ sở ở các xã vùng cao vẫn học ba ca, thiếu bàn ghế và sách giáo khoa.",
    "Các hợp tác xã nông nghiệp cũ đã giải thể hoặc chuyển sang làm dịch vụ thủy lợi, làm đất.",
    "Nhân dân tự nguyện góp công, góp gỗ sửa chữa trạm xá và nhà văn hóa thôn.",
    "Tình trạng khai thác gỗ nghiến, gỗ lát trái phép đã được kiểm tra, xử lý nhiều vụ.",
    "Cây thuốc lá trồng xen ngô ở các xã phía bắc huyện đem lại thu nhập khá cho nhiều gia đình.",
    "Lực lượng công an, dân quân phối hợp bảo đảm an ninh trật tự tại các phiên chợ lớn.",
    "Cần có kế hoạch đưa cán bộ trẻ người Tày, người Nùng đi học các lớp trung cấp lý luận.",
    "Vụ mùa năm nay bị hạn đầu vụ, nhiều chân ruộng cao phải chuyển sang trồng màu.",
    "Đường ô tô đến trung tâm xã Quý Hòa đã thông xe, nhưng mùa mưa vẫn còn lầy lội.",
    "Số trẻ em bỏ học giữa chừng vì hoàn cảnh gia đình khó khăn đã giảm so với năm trước.",
    "Nhiều chi bộ đã tổ chức đối thoại với nhân dân về việc thu các khoản đóng góp.",
]

POSTWAR = [   # Nghĩa Bình, 1976-1987 (typewritten)
    "Sau ngày giải phóng, đồng bào các vùng bị chiếm đóng trước đây đã trở về quê, khai hoang phục hóa ruộng bỏ hoang.",
    "Bom mìn còn sót lại trên đồng ruộng tiếp tục gây thương vong, cần có lực lượng rà phá chuyên trách.",
    "Việc điều chỉnh ruộng đất phải bảo đảm cho mọi hộ lao động đều có ruộng cày, không để tranh chấp kéo dài.",
    "Các tập đoàn sản xuất được xây dựng thí điểm ở mỗi huyện đồng bằng từ một đến hai điểm.",
    "Thiếu giống, thiếu trâu bò cày kéo là khó khăn lớn nhất của vụ đông xuân năm nay.",
    "Các ngành phải dành ưu tiên vận chuyển vôi, phân chuồng và nông cụ về các huyện trọng điểm lúa.",
    "Công tác xóa nạn mù chữ cho thanh niên, phụ nữ được đẩy mạnh bằng các lớp bình dân học vụ ban đêm.",
    "Nhiều cơ sở đảng mới được xây dựng lại, đảng viên trẻ còn thiếu kinh nghiệm vận động quần chúng.",
    "Các công trình thủy lợi bị hư hỏng trong chiến tranh được khẩn trương khôi phục trước mùa mưa.",
    "Đồng bào đi xây dựng vùng kinh tế mới được cấp lương thực trong sáu tháng đầu và hỗ trợ làm nhà.",
    "Cần quản lý chặt thị trường, chống đầu cơ tích trữ, ổn định giá cả các mặt hàng thiết yếu.",
    "Nghĩa vụ lương thực năm nay phải được hoàn thành trước ngày ba mươi mốt tháng mười hai.",
    "Việc hợp nhất hai tỉnh đòi hỏi sắp xếp lại bộ máy, bố trí cán bộ hợp lý, tránh tư tưởng cục bộ.",
    "Các đội y tế lưu động đã đến tận thôn xóm phòng chống sốt rét và dịch tả.",
]

WEST_NGHEAN = [   # Kỳ Sơn, Nghệ An, 2011-2015
    "Kỳ Sơn là huyện vùng cao biên giới, địa hình chia cắt mạnh, giao thông đi lại rất khó khăn.",
    "Đồng bào Mông, Khơ Mú và Thái sinh sống xen kẽ trên các sườn núi cao, đời sống còn nhiều thiếu thốn.",
    "Mô hình trồng gừng, nuôi bò sinh sản theo hình thức hỗ trợ có thu hồi được nhân dân hưởng ứng.",
    "Tình trạng tảo hôn, hôn nhân cận huyết ở một số bản chưa được đẩy lùi.",
    "Các đồn biên phòng cử cán bộ tăng cường về bản, giúp cơ sở củng cố tổ chức và phát triển đảng viên.",
    "Nhiều điểm trường lẻ đã có nhà bán trú cho học sinh ở xa, tỷ lệ chuyên cần nâng lên.",
    "Việc di dân ra khỏi vùng có nguy cơ sạt lở đất cần được thực hiện trước mùa mưa lũ.",
    "Chương trình cấp gạo cho học sinh bán trú được triển khai kịp thời, đúng đối tượng.",
    "Chi bộ bản phải bám sát từng hộ, nắm chắc diễn biến tư tưởng và kịp thời báo cáo cấp ủy xã.",
    "Trạm y tế các xã đã có bác sĩ, nhưng còn thiếu trang thiết bị và thuốc chữa bệnh thông thường.",
    "Tuyến đường lên các bản Mông vùng giáp biên được mở mới, xe máy đã đi lại được quanh năm.",
    "Ngành văn hóa sưu tầm dân ca, dân vũ của đồng bào Khơ Mú để giới thiệu tại ngày hội của huyện.",
    "Chợ biên giới họp phiên vào ngày chủ nhật thu hút đông người dân hai bên đến trao đổi hàng hóa.",
    "Một số đối tượng lợi dụng tín ngưỡng để tuyên truyền, lôi kéo người dân bỏ bản đi nơi khác.",
]

HERITAGE = [   # Hướng Hóa and the Cục, 2016-2018
    "Khu di tích có nhiều hạng mục xuống cấp nghiêm trọng, tường rào và nhà trưng bày bị thấm dột.",
    "Hồ sơ khoa học đề nghị xếp hạng gồm lý lịch di tích, bản vẽ, bản đồ khoanh vùng và ảnh tư liệu.",
    "Việc khoanh vùng bảo vệ phải được thống nhất với chính quyền địa phương và các hộ dân có đất liền kề.",
    "Các hiện vật thu thập trong đợt khảo sát được bàn giao cho bảo tàng tỉnh quản lý, bảo quản.",
    "Nhà dài truyền thống của đồng bào Vân Kiều tại bản Cợp cần được tu bổ theo đúng nguyên trạng.",
    "Kinh phí tu bổ di tích được bố trí từ ngân sách địa phương và nguồn vận động xã hội hóa.",
    "Ban quản lý di tích cần có phương án phòng cháy, chữa cháy và bảo vệ an ninh tại khu vực.",
    "Đoàn công tác đã làm việc với các nhân chứng lịch sử, ghi âm lời kể về những trận đánh năm xưa.",
    "Một số công trình xây dựng mới trong khu vực bảo vệ II chưa được thẩm định theo quy định.",
    "Việc cắm mốc giới khu vực bảo vệ di tích hoàn thành trong quý, có biên bản bàn giao cho xã.",
    "Lượng khách đến tham quan tăng nhanh vào dịp hè, đặt ra yêu cầu cấp bách về đội ngũ thuyết minh.",
    "Các tư liệu gốc về di tích được số hóa, lưu giữ tại Trung tâm Bảo tồn di tích của tỉnh.",
    "Trường hợp phát hiện di vật trong khi thi công, chủ đầu tư phải tạm dừng và báo ngay cho cơ quan văn hóa.",
    "Đề nghị địa phương bổ sung bản vẽ mặt bằng tổng thể và thuyết minh giải pháp tu bổ.",
]

MEKONG = [   # Tri Tôn, An Giang, 1998-2004
    "Vùng đồng bằng phía nam huyện đã chuyển sang sản xuất ba vụ lúa nhờ hệ thống đê bao khép kín.",
    "Đồng bào Khmer các phum, sóc được hỗ trợ đất ở, nhà ở và nước sinh hoạt theo chương trình của tỉnh.",
    "Ban quản trị các chùa Khmer phối hợp tốt với chính quyền trong vận động phật tử chấp hành pháp luật.",
    "Mùa lũ năm nay đến sớm, nhiều tuyến đường nông thôn bị ngập sâu, học sinh phải nghỉ học dài ngày.",
    "Các cụm, tuyến dân cư vượt lũ được xây dựng, giúp hàng trăm hộ an cư, ổn định cuộc sống.",
    "Lớp dạy chữ Khmer trong dịp hè được tổ chức tại các điểm chùa, thu hút đông học sinh tham gia.",
    "Tình trạng cầm cố ruộng đất ở một số hộ nghèo cần được theo dõi và giải quyết kịp thời.",
    "Vùng núi Cô Tô được trồng thêm rừng phòng hộ, kết hợp phát triển du lịch tâm linh.",
    "Công tác nắm tình hình vùng biên giới được duy trì, không để hình thành điểm nóng.",
    "Nông dân được tập huấn kỹ thuật sản xuất lúa giống, giảm lượng giống gieo sạ trên mỗi công đất.",
    "Nhiều đảng viên người Khmer đã phát huy vai trò nòng cốt trong các tổ tự quản ở ấp.",
    "Lễ Chôl Chnăm Thmây được tổ chức vui tươi, an toàn, tiết kiệm ở tất cả các xã có đông đồng bào.",
    "Thu nhập bình quân đầu người tăng, song khoảng cách giàu nghèo giữa các vùng trong huyện còn lớn.",
    "Đường tỉnh lộ nối thị trấn với các xã vùng núi đang được nâng cấp, dự kiến hoàn thành cuối năm.",
]

NINH_BINH = [   # 2018-2019
    "Thu ngân sách trên địa bàn tỉnh năm 2018 vượt dự toán, chủ yếu từ khu vực công nghiệp và du lịch.",
    "Quần thể danh thắng Tràng An đón lượng khách tăng mạnh, kéo theo nhu cầu đầu tư hạ tầng dịch vụ.",
    "Việc sáp nhập các thôn, xóm có quy mô nhỏ được thực hiện theo lộ trình, bảo đảm ổn định đời sống nhân dân.",
    "Nguồn vốn đầu tư công được ưu tiên cho các công trình chuyển tiếp, hạn chế khởi công mới.",
    "Hệ thống trạm bơm tiêu úng vùng trũng được nâng cấp, giảm thiệt hại do mưa lớn cuối vụ.",
    "Chất lượng khám chữa bệnh ở tuyến huyện được cải thiện nhờ bác sĩ tuyến tỉnh luân phiên về hỗ trợ.",
    "Cải cách thủ tục hành chính tiếp tục được đẩy mạnh, số hồ sơ nộp trực tuyến tăng nhanh.",
    "Các sở, ngành phải rà soát danh mục dự án chậm tiến độ, đề xuất điều chuyển vốn trước cuối quý ba.",
    "Tình trạng ô nhiễm ở một số làng nghề chế biến nông sản chưa được xử lý dứt điểm.",
    "Phong trào xây dựng nông thôn mới nâng cao có thêm nhiều xã đạt chuẩn trong năm.",
    "Hội đồng nhân dân tỉnh đã tổ chức giám sát chuyên đề về quản lý, sử dụng đất công.",
    "Đội ngũ cán bộ, công chức cấp xã được chuẩn hóa, phần lớn có trình độ đại học.",
]

MIDLAND = [   # Mỹ Lung, Yên Lập, Phú Thọ, 1999-2002
    "Xã có hơn bảy mươi phần trăm dân số là đồng bào Mường, sống chủ yếu bằng nghề trồng lúa nước và chè.",
    "Đồi chè của các hộ được chăm sóc tốt, sản lượng chè búp tươi năm nay tăng khá.",
    "Nhà sàn truyền thống của đồng bào Mường đang dần bị thay thế bằng nhà xây.",
    "Chi bộ đã vận động các hộ góp ngày công làm đường bê tông ngõ xóm dài gần một ki-lô-mét.",
    "Một số hộ còn tổ chức đám cưới, đám tang kéo dài nhiều ngày, gây tốn kém.",
    "Đảng viên ở khu dân cư gương mẫu đi đầu trong việc trồng rừng nguyên liệu giấy.",
    "Hội Phụ nữ xã duy trì tốt mô hình tiết kiệm, giúp nhau vay vốn không lấy lãi.",
    "Việc thu thuế sử dụng đất nông nghiệp và các khoản đóng góp đã hoàn thành trước thời hạn.",
    "Tình trạng trâu bò thả rông phá hoại hoa màu đã được các khu dân cư đưa vào hương ước.",
    "Trạm y tế xã được công nhận đạt chuẩn, công tác tiêm chủng mở rộng đạt kết quả tốt.",
    "Qua kiểm tra, đảng viên được kiểm tra đã nhận thức rõ khuyết điểm và khắc phục kịp thời.",
    "Sinh hoạt chi bộ được duy trì vào ngày mùng mười hằng tháng, số đảng viên dự đạt trên chín mươi phần trăm.",
]

CAN_THO = [   # Đảng ủy Khối các cơ quan thành phố Cần Thơ, 2009-2013
    "Đảng bộ Khối có hơn chín mươi tổ chức cơ sở đảng trực thuộc, hoạt động trong các sở, ban, ngành thành phố.",
    "Chất lượng sinh hoạt chuyên đề ở các chi bộ cơ quan có chuyển biến, nội dung gắn với nhiệm vụ chuyên môn.",
    "Việc ứng dụng công nghệ thông tin trong quản lý văn bản của các cấp ủy cơ sở còn chậm và không đồng bộ.",
    "Cấp ủy cơ sở phải gắn việc học tập và làm theo tấm gương đạo đức Hồ Chí Minh với cải cách hành chính.",
    "Tình trạng đảng viên chuyển công tác nhưng chậm chuyển sinh hoạt đảng vẫn còn xảy ra.",
    "Đề nghị các cơ quan bố trí phòng làm việc và trang thiết bị cho văn phòng đảng ủy cơ sở.",
    "Đội ngũ cán bộ làm công tác đảng ở cơ sở chủ yếu kiêm nhiệm và thường xuyên thay đổi.",
    "Trong nhiệm kỳ, Đảng ủy Khối đã giới thiệu nhiều cán bộ trẻ có năng lực bổ sung vào quy hoạch.",
    "Nhiều chi bộ đã gắn việc đánh giá đảng viên với kết quả thực hiện nhiệm vụ được giao trong năm.",
    "Công đoàn và Đoàn thanh niên các cơ quan tích cực tham gia xây dựng Đảng, giới thiệu quần chúng ưu tú.",
    "Việc thu, nộp đảng phí bằng hình thức chuyển khoản đã được thí điểm ở một số đảng bộ cơ sở.",
    "Thường trực Đảng ủy Khối làm việc định kỳ với lãnh đạo các cơ quan để tháo gỡ những vướng mắc.",
    "Lớp bồi dưỡng nhận thức về Đảng cho quần chúng ưu tú được tổ chức ba đợt trong năm.",
    "Kinh phí thực hiện đề án được bố trí trong dự toán chi thường xuyên của Đảng ủy Khối hằng năm.",
]

MINH_HOA = [   # Minh Hóa, Quảng Bình, 2000-2002
    "Minh Hóa là huyện miền núi nghèo, có nhiều bản đồng bào Chứt sống rải rác ven các khe suối.",
    "Sau trận lũ cuối năm, nhiều cầu treo, đập tràn bị cuốn trôi, giao thông bị chia cắt nhiều ngày.",
    "Nhà nước đã cấp nhà, cấp gạo và công cụ sản xuất cho các hộ đồng bào Rục định cư tại bản mới.",
    "Việc trồng rừng theo chương trình năm triệu héc-ta rừng được các xã triển khai đúng tiến độ.",
    "Tỷ lệ hộ đói nghèo còn cao, nhất là ở các xã vùng biên giới giáp nước bạn Lào.",
    "Trung tâm giáo dục thường xuyên huyện mở lớp bổ túc văn hóa cho cán bộ xã chưa tốt nghiệp phổ thông.",
    "Các đồn biên phòng phối hợp với xã tổ chức tuần tra, kiểm soát các đường mòn, lối mở.",
    "Đường Hồ Chí Minh đi qua địa bàn đang được thi công, nhiều hộ dân phải di dời nhường mặt bằng.",
    "Cần kịp thời hỗ trợ giống lúa, giống ngô cho các hộ bị mất trắng trong mùa lũ vừa qua.",
    "Công tác bảo vệ an ninh chính trị nội bộ được tăng cường, không để phần tử xấu lợi dụng.",
]

# classified documents: their own sentences, each bank with its codename twice
SECRET_HV = [
    "Tình hình tuyến biên giới thuộc kế hoạch mật danh HV-5382 chỉ báo cáo trực tiếp Thường trực Tỉnh ủy.",
    "Số người qua lại trái phép trong quý được lực lượng chức năng ghi nhận tại bốn điểm mốc xung yếu.",
    "Các tổ công tác của kế hoạch HV-5382 thay phiên bám trụ ở những bản sát biên, không ghi sổ trực ban.",
    "Tài liệu này chỉ in ba bản, sau khi đọc phải nộp lại cho đồng chí Chánh Văn phòng Huyện ủy.",
    "Hai đường mòn vượt khe Bó Hẩu đã bị phát quang trở lại, dấu chân người và ngựa thồ còn mới.",
    "Đồn biên phòng đề nghị tăng thêm sáu dân quân thường trực cho chốt gác phía đông bắc xã Hoa Thám.",
    "Kinh phí cho các tổ của HV-5382 do Văn phòng Huyện ủy chi trực tiếp, không hạch toán qua xã.",
    "Một số hộ ở bản giáp biên có người thân bên kia đã được cán bộ xã gặp gỡ, vận động riêng từng hộ.",
]
SECRET_KS = [
    "Phương án mật danh KS-7719 về ngăn chặn di cư tự do chỉ phổ biến đến bí thư chi bộ các bản trọng điểm.",
    "Danh sách các hộ có biểu hiện chuẩn bị bỏ bản được lập riêng và giao cho công an huyện quản lý.",
    "Kinh phí cho các tổ vận động thuộc phương án KS-7719 được cấp bằng tiền mặt, thanh toán theo chế độ riêng.",
    "Không trao đổi nội dung này qua điện thoại hoặc thư điện tử dưới bất kỳ hình thức nào.",
    "Tại bản Huồi Pủng và bản Trường Sơn đã có bảy hộ bán trâu, bán đất nương trong tháng vừa qua.",
    "Mỗi tổ vận động gồm một cán bộ biên phòng, một công an viên và một người có uy tín trong dòng họ.",
    "Kết quả thực hiện phương án KS-7719 được tổng hợp mười ngày một lần, gửi riêng đồng chí Bí thư.",
    "Trường hợp phát hiện nhóm người lạ đến bản tuyên truyền, chi bộ phải báo ngay về đồn biên phòng gần nhất.",
]
SECRET_MH = [
    "Kế hoạch mật danh MH-2640 về bảo vệ tuyến đường mới chỉ triển khai tới đồng chí trưởng công an các xã.",
    "Một số người từ nơi khác đến vận động đồng bào bản Ón bỏ nơi định cư quay lại rừng sâu.",
    "Lực lượng tham gia kế hoạch MH-2640 được bố trí lẫn trong các đội công nhân làm đường.",
    "Báo cáo kết quả gửi bằng đường giao liên, trong phong bì dán kín, không qua bộ phận văn thư.",
    "Kho thuốc nổ của đơn vị thi công tại km số chín phải có người gác cả ngày lẫn đêm.",
    "Đã phát hiện hai lần mất trộm dây cáp và nhiên liệu tại lán trại của đội thi công số ba.",
    "Mọi thay đổi về người và phương tiện của MH-2640 phải được đồng chí Bí thư Huyện ủy đồng ý trước.",
    "Các xã Dân Hóa và Trọng Hóa cử người thông thạo đường rừng phối hợp với tổ tuần tra.",
]

STYLE = dict(
    endings={
        "NQ": "Các chi bộ, đảng bộ cơ sở tổ chức quán triệt và xây dựng chương trình thực hiện Nghị quyết này./.",
        "CT": "Nhận được Chỉ thị này, các cấp ủy đảng, chính quyền và đoàn thể khẩn trương triển khai thực hiện./.",
        "TT": "Ban Thường vụ yêu cầu các cấp ủy thực hiện nghiêm túc Thông tri này và báo cáo kết quả./.",
        "KH": "Văn phòng có trách nhiệm theo dõi, đôn đốc và báo cáo kết quả thực hiện Kế hoạch./.",
        "CTrHĐ": "Các tổ chức đảng căn cứ Chương trình hành động này để cụ thể hóa phù hợp với đơn vị mình./.",
        "BC": "Trên đây là báo cáo của {org}, kính gửi cấp trên để theo dõi, chỉ đạo./.",
        "HD": "Các tổ chức cơ sở đảng phản ánh kịp thời những khó khăn, vướng mắc về {org} để được giải đáp./.",
        "KL": "Các đồng chí cấp ủy viên phụ trách địa bàn chịu trách nhiệm chỉ đạo thực hiện Kết luận này./.",
        "TB": "Đề nghị các tổ chức, cá nhân liên quan biết và thực hiện./.",
        "ĐA": "Đề án được triển khai đến các chi bộ trực thuộc, sơ kết sau hai năm thực hiện./.",
        "TTr": "Kính đề nghị cấp trên xem xét, chấp thuận./.",
        "CV": "Rất mong nhận được sự quan tâm phối hợp của các cơ quan, đơn vị./.",
        "QĐi": "Quy định này được phổ biến đến từng chi bộ và đảng viên trong Đảng bộ./.",
        "*": "Các cơ quan, đơn vị liên quan tổ chức thực hiện./.",
    },
    heads={
        "NQ": ["I. KẾT QUẢ ĐẠT ĐƯỢC VÀ TỒN TẠI", "II. QUAN ĐIỂM VÀ MỤC TIÊU", "III. NHIỆM VỤ, GIẢI PHÁP",
               "IV. TỔ CHỨC THỰC HIỆN"],
        "KH": ["I. MỤC ĐÍCH", "II. YÊU CẦU", "III. NỘI DUNG VÀ THỜI GIAN", "IV. TRÁCH NHIỆM THỰC HIỆN"],
        "CTrHĐ": ["I. QUÁN TRIỆT NHẬN THỨC", "II. NHỮNG NHIỆM VỤ CỤ THỂ", "III. TRIỂN KHAI THỰC HIỆN"],
        "BC": ["I. ĐẶC ĐIỂM TÌNH HÌNH", "II. KẾT QUẢ CÔNG TÁC", "III. KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN",
               "IV. KIẾN NGHỊ, ĐỀ XUẤT"],
        "HD": ["A. PHẠM VI, ĐỐI TƯỢNG", "B. NỘI DUNG HƯỚNG DẪN", "C. TRÁCH NHIỆM CỦA CÁC TỔ CHỨC ĐẢNG"],
        "ĐA": ["Phần I. CĂN CỨ XÂY DỰNG ĐỀ ÁN", "Phần II. MỤC TIÊU, NỘI DUNG VÀ GIẢI PHÁP",
               "Phần III. KINH PHÍ VÀ LỘ TRÌNH THỰC HIỆN"],
        "QĐi": ["Chương I. PHẠM VI VÀ ĐỐI TƯỢNG ÁP DỤNG", "Chương II. NỘI DUNG CỤ THỂ",
                "Chương III. ĐIỀU KHOẢN THI HÀNH"],
        "*": ["I. YÊU CẦU", "II. NỘI DUNG", "III. THỰC HIỆN"],
    },
    party_can_cu=["- Căn cứ Điều lệ Đảng Cộng sản Việt Nam hiện hành;"],
    exec_fmt="%s căn cứ Quyết định này thi hành./.",
    exec_default="Văn phòng, các cơ quan và cá nhân có liên quan",
    kinh_gui_default="Các tổ chức cơ sở đảng trực thuộc",
)


def local_gov_law(year):
    """The law on local government in force in `year`, as a State preamble cites it."""
    if year >= 2016:
        return "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;"
    if year >= 2004:
        return "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26/11/2003;"
    if year >= 1995:
        return "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 21/6/1994;"
    if year >= 1990:
        return "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 30/6/1989;"
    if year >= 1984:
        return "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 30/6/1983;"
    return "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban hành chính các cấp ngày 27/10/1962;"


def _state(*more):
    return lambda year: [local_gov_law(year)] + list(more)


def S(name, chuc_vu, auth=None):
    """A signer whose `tham_quyen` is the innermost authority line (KT. under TM. gives K/T)."""
    sig = signer(name, chuc_vu, auth)
    if auth:
        a = auth[-1]
        sig["code"] = "T/M" if a.startswith(("T/M", "TM.")) else "K/T" if a.startswith(("K/T", "KT.")) else "T/L"
    return sig


def alternate(cycle, wear=None, skew=None, stem=""):
    """One file per page, formats used in turn; G4 pages at 300 dpi, the others at 200 dpi."""
    plan5 = _per_page5(cycle, wear, skew, stem)

    def plan(seq):
        out = plan5(seq)
        for f in out:
            f["dpi"] = 300 if f["fmt"] == "g4" else 200
        return out
    return plan


# ---- issuers -----------------------------------------------------------------------------

TU_LD = dict(fmt="party", lines=["TỈNH ỦY LÂM ĐỒNG"], full="Tỉnh ủy Lâm Đồng", abbr="TU", place="Đà Lạt",
             short="Tỉnh ủy", seal="TỈNH ỦY LÂM ĐỒNG * ĐẢNG CỘNG SẢN VIỆT NAM *", qd_head="BAN THƯỜNG VỤ TỈNH ỦY",
             noi_nhan=["- Văn phòng Trung ương Đảng (để b/c),", "- Các huyện ủy, thành ủy,",
                       "- Các đảng ủy trực thuộc,", "- Lưu Văn phòng Tỉnh ủy."])
HU_DL = dict(fmt="party", superior=["ĐẢNG BỘ TỈNH LÂM ĐỒNG"], lines=["HUYỆN ỦY DI LINH"], full="Huyện ủy Di Linh",
             cap_tren="Đảng bộ tỉnh Lâm Đồng", abbr="HU", place="Di Linh", short="Huyện ủy",
             seal="HUYỆN ỦY DI LINH * TỈNH LÂM ĐỒNG *", qd_head="BAN THƯỜNG VỤ HUYỆN ỦY DI LINH",
             noi_nhan=["- Ban Thường vụ Tỉnh ủy (b/c),", "- Các đồng chí Huyện ủy viên,",
                       "- Các chi, đảng bộ cơ sở,", "- Lưu Văn phòng Huyện ủy."])
UB_DL = dict(fmt="state", lines=["ỦY BAN NHÂN DÂN", "HUYỆN DI LINH"], full="Ủy ban nhân dân huyện Di Linh",
             abbr="UBND", cv_abbr="UBND-NN", place="Di Linh", short="Ủy ban nhân dân huyện",
             seal="ỦY BAN NHÂN DÂN HUYỆN DI LINH * TỈNH LÂM ĐỒNG *", qd_head="ỦY BAN NHÂN DÂN HUYỆN DI LINH",
             can_cu=_state("Căn cứ Luật Bảo vệ và Phát triển rừng ngày 03/12/2004;",
                           "Xét đề nghị của Trưởng phòng Nông nghiệp và Phát triển nông thôn huyện,"),
             noi_nhan=["- Như Điều 4;", "- UBND tỉnh (b/c);", "- TT. Huyện ủy, TT. HĐND huyện;",
                       "- Lưu: VT, NN."])

HU_BG = dict(fmt="party", superior=["ĐẢNG BỘ TỈNH LẠNG SƠN"], lines=["HUYỆN ỦY BÌNH GIA"], full="Huyện ủy Bình Gia",
             cap_tren="Đảng bộ tỉnh Lạng Sơn", abbr="HU", place="Bình Gia", short="Huyện ủy",
             seal="HUYỆN ỦY BÌNH GIA * TỈNH LẠNG SƠN *", qd_head="BAN THƯỜNG VỤ HUYỆN ỦY",
             noi_nhan=["- Thường vụ Tỉnh ủy (để b/c),", "- Các đảng bộ xã, thị trấn,", "- Lưu."])
UB_BG = dict(fmt="state", lines=["ỦY BAN NHÂN DÂN", "HUYỆN BÌNH GIA"], full="Ủy ban nhân dân huyện Bình Gia",
             abbr="UB", cv_abbr="UB", place="Bình Gia", short="Ủy ban nhân dân huyện",
             seal="ỦY BAN NHÂN DÂN HUYỆN BÌNH GIA * LẠNG SƠN *", qd_head="ỦY BAN NHÂN DÂN HUYỆN BÌNH GIA",
             can_cu=_state("Xét đề nghị của đồng chí Trưởng phòng Tổ chức - Lao động huyện,"),
             noi_nhan=["- Như Điều 3,", "- Thường trực Huyện ủy,", "- Lưu VP."])

TU_NB = dict(fmt="party", lines=["TỈNH ỦY NGHĨA BÌNH"], full="Tỉnh ủy Nghĩa Bình", abbr="TU", place="Quy Nhơn",
             short="Tỉnh ủy", seal="TỈNH ỦY NGHĨA BÌNH * ĐẢNG LAO ĐỘNG VIỆT NAM *", qd_head="BAN THƯỜNG VỤ TỈNH ỦY",
             noi_nhan=["- Ban Bí thư (để báo cáo),", "- Các huyện ủy, thị ủy,", "- Các ban, ngành của tỉnh,",
                       "- Lưu."])
UB_NB = dict(fmt="state", lines=["ỦY BAN NHÂN DÂN", "TỈNH NGHĨA BÌNH"], full="Ủy ban nhân dân tỉnh Nghĩa Bình",
             abbr="UB", cv_abbr="UB", place="Quy Nhơn", short="Ủy ban nhân dân tỉnh",
             seal="ỦY BAN NHÂN DÂN TỈNH NGHĨA BÌNH *", qd_head="ỦY BAN NHÂN DÂN TỈNH NGHĨA BÌNH",
             can_cu=_state("Xét đề nghị của đồng chí Trưởng ty Thủy lợi,"),
             noi_nhan=["- Như Điều 3,", "- Thường vụ Tỉnh ủy,", "- Lưu."])
HU_VC = dict(fmt="party", superior=["ĐẢNG BỘ TỈNH NGHĨA BÌNH"], lines=["HUYỆN ỦY VÂN CANH"], full="Huyện ủy Vân Canh",
             cap_tren="Đảng bộ tỉnh Nghĩa Bình", abbr="HU", place="Vân Canh", short="Huyện ủy",
             seal="HUYỆN ỦY VÂN CANH * NGHĨA BÌNH *", qd_head="BAN THƯỜNG VỤ HUYỆN ỦY",
             noi_nhan=["- Tỉnh ủy (để b/c),", "- Các chi bộ, đảng bộ xã,", "- Lưu."])

HU_KS = dict(fmt="party", superior=["ĐẢNG BỘ TỈNH NGHỆ AN"], lines=["HUYỆN ỦY KỲ SƠN"], full="Huyện ủy Kỳ Sơn",
             cap_tren="Đảng bộ tỉnh Nghệ An", abbr="HU", place="Kỳ Sơn", short="Huyện ủy",
             seal="HUYỆN ỦY KỲ SƠN * TỈNH NGHỆ AN *", qd_head="BAN THƯỜNG VỤ HUYỆN ỦY",
             noi_nhan=["- Thường trực Tỉnh ủy (b/c),", "- Đồn Biên phòng trên địa bàn,", "- Các đảng bộ xã, thị trấn,",
                       "- Lưu VPHU."])
UB_KS = dict(fmt="state", lines=["ỦY BAN NHÂN DÂN", "HUYỆN KỲ SƠN"], full="Ủy ban nhân dân huyện Kỳ Sơn",
             abbr="UBND", cv_abbr="UBND-VX", place="Kỳ Sơn", short="Ủy ban nhân dân huyện",
             seal="ỦY BAN NHÂN DÂN HUYỆN KỲ SƠN * NGHỆ AN *", qd_head="CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN KỲ SƠN",
             can_cu=_state("Xét đề nghị của Trưởng phòng Giáo dục và Đào tạo huyện,"),
             noi_nhan=["- Như Điều 3;", "- Sở Giáo dục và Đào tạo (b/c);", "- Lưu: VT, GD."])
BTG_KS = dict(fmt="party", superior=["ĐẢNG BỘ TỈNH NGHỆ AN", "HUYỆN ỦY KỲ SƠN"], lines=["BAN TUYÊN GIÁO"],
              full="Ban Tuyên giáo Huyện ủy Kỳ Sơn", cap_tren="Huyện ủy Kỳ Sơn", abbr="BTGHU", place="Kỳ Sơn",
              short="Ban Tuyên giáo Huyện ủy", seal="BAN TUYÊN GIÁO HUYỆN ỦY KỲ SƠN *", qd_head="BAN TUYÊN GIÁO",
              noi_nhan=["- Ban Tuyên giáo Tỉnh ủy (b/c),", "- Thường trực Huyện ủy,", "- Các đảng bộ xã,",
                        "- Lưu BTG."])

HU_HH = dict(fmt="party", superior=["ĐẢNG BỘ TỈNH QUẢNG TRỊ"], lines=["HUYỆN ỦY HƯỚNG HÓA"], full="Huyện ủy Hướng Hóa",
             cap_tren="Đảng bộ tỉnh Quảng Trị", abbr="HU", place="Hướng Hóa", short="Huyện ủy",
             seal="HUYỆN ỦY HƯỚNG HÓA * QUẢNG TRỊ *", qd_head="BAN THƯỜNG VỤ HUYỆN ỦY",
             noi_nhan=["- Thường trực Tỉnh ủy (b/c),", "- Phòng Văn hóa - Thông tin huyện,", "- Đảng ủy xã Tân Long,",
                       "- Lưu VPHU."])
CUC_DS = dict(fmt="state", superior=["BỘ VĂN HÓA, THỂ THAO", "VÀ DU LỊCH"], lines=["CỤC DI SẢN", "VĂN HÓA"],
              full="Cục Di sản văn hóa", cap_tren="Bộ Văn hóa, Thể thao và Du lịch", abbr="DSVH",
              cv_abbr="DSVH-DT", place="Hà Nội", short="Cục Di sản văn hóa", seal="CỤC DI SẢN VĂN HÓA * BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH *",
              qd_head="CỤC TRƯỞNG CỤC DI SẢN VĂN HÓA",
              can_cu=lambda year: [
                  "Căn cứ Nghị định số 79/2017/NĐ-CP ngày 17/7/2017 của Chính phủ quy định chức năng, nhiệm vụ, "
                  "quyền hạn và cơ cấu tổ chức của Bộ Văn hóa, Thể thao và Du lịch;",
                  "Căn cứ Quyết định của Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch quy định chức năng, nhiệm vụ, "
                  "quyền hạn và cơ cấu tổ chức của Cục Di sản văn hóa;",
                  "Xét đề nghị của Trưởng phòng Quản lý di tích,"],
              noi_nhan=["- Như Điều 3;", "- Thứ trưởng phụ trách (để b/c);", "- Sở VHTTDL tỉnh Quảng Trị;",
                        "- Lưu: VT, QLDT."])
UB_QT = dict(fmt="state", lines=["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ"], full="Ủy ban nhân dân tỉnh Quảng Trị",
             abbr="UBND", cv_abbr="UBND-VX", place="Quảng Trị", short="Ủy ban nhân dân tỉnh",
             seal="ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ *", qd_head="ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ",
             can_cu=_state("Xét đề nghị của Giám đốc Sở Văn hóa, Thể thao và Du lịch tỉnh,"),
             noi_nhan=["- Như trên;", "- Cục Di sản văn hóa;", "- CT, các PCT UBND tỉnh;", "- Lưu: VT, VX."])

DU_LP = dict(fmt="party", superior=["ĐẢNG BỘ HUYỆN TRI TÔN"], lines=["ĐẢNG ỦY XÃ LƯƠNG PHI"], full="Đảng ủy xã Lương Phi",
             cap_tren="Đảng bộ huyện Tri Tôn", abbr="ĐU", place="Lương Phi", short="Đảng ủy xã",
             seal="ĐẢNG ỦY XÃ LƯƠNG PHI * HUYỆN TRI TÔN *", qd_head="BAN THƯỜNG VỤ ĐẢNG ỦY",
             noi_nhan=["- Ban Thường vụ Huyện ủy (b/c),", "- Các chi bộ ấp,", "- Lưu VP."])
HU_TT = dict(fmt="party", superior=["ĐẢNG BỘ TỈNH AN GIANG"], lines=["HUYỆN ỦY TRI TÔN"], full="Huyện ủy Tri Tôn",
             cap_tren="Đảng bộ tỉnh An Giang", abbr="HU", place="Tri Tôn", short="Huyện ủy",
             seal="HUYỆN ỦY TRI TÔN * TỈNH AN GIANG *", qd_head="BAN THƯỜNG VỤ HUYỆN ỦY",
             noi_nhan=["- Thường trực Tỉnh ủy (b/c),", "- Ban Dân tộc tỉnh,", "- Các đảng ủy xã, thị trấn,",
                       "- Lưu."])
UB_TT = dict(fmt="state", lines=["ỦY BAN NHÂN DÂN", "HUYỆN TRI TÔN"], full="Ủy ban nhân dân huyện Tri Tôn",
             abbr="UBND", cv_abbr="UBND", place="Tri Tôn", short="Ủy ban nhân dân huyện",
             seal="ỦY BAN NHÂN DÂN HUYỆN TRI TÔN * AN GIANG *", qd_head="ỦY BAN NHÂN DÂN HUYỆN TRI TÔN",
             can_cu=_state("Xét đề nghị của Trưởng phòng Kinh tế huyện,"),
             noi_nhan=["- UBND tỉnh (b/c);", "- TT. Huyện ủy, HĐND huyện;", "- Các phòng, ban huyện;", "- Lưu."])
UBKT_TT = dict(fmt="party", superior=["ĐẢNG BỘ TỈNH AN GIANG", "HUYỆN ỦY TRI TÔN"], lines=["ỦY BAN KIỂM TRA"],
               full="Ủy ban Kiểm tra Huyện ủy Tri Tôn", cap_tren="Huyện ủy Tri Tôn", abbr="UBKTHU", place="Tri Tôn",
               short="Ủy ban Kiểm tra Huyện ủy", seal="ỦY BAN KIỂM TRA HUYỆN ỦY TRI TÔN *",
               qd_head="ỦY BAN KIỂM TRA HUYỆN ỦY TRI TÔN",
               noi_nhan=["- UBKT Tỉnh ủy (b/c),", "- Thường trực Huyện ủy,", "- Đảng viên có tên,", "- Lưu UBKT."])

HDND_NB = dict(fmt="state", lines=["HỘI ĐỒNG NHÂN DÂN", "TỈNH NINH BÌNH"], full="Hội đồng nhân dân tỉnh Ninh Bình",
               abbr="HĐND", cv_abbr="HĐND-VP", place="Ninh Bình", short="Hội đồng nhân dân tỉnh",
               seal="HỘI ĐỒNG NHÂN DÂN TỈNH NINH BÌNH *", qd_head="HỘI ĐỒNG NHÂN DÂN TỈNH NINH BÌNH",
               noi_nhan=["- Ủy ban Thường vụ Quốc hội;", "- Chính phủ;", "- Thường trực Tỉnh ủy;", "- UBND tỉnh;",
                         "- Các đại biểu HĐND tỉnh;", "- Lưu: VT."])
UB_NBI = dict(fmt="state", lines=["ỦY BAN NHÂN DÂN", "TỈNH NINH BÌNH"], full="Ủy ban nhân dân tỉnh Ninh Bình",
              abbr="UBND", cv_abbr="UBND-VP5", place="Ninh Bình", short="Ủy ban nhân dân tỉnh",
              seal="ỦY BAN NHÂN DÂN TỈNH NINH BÌNH *", qd_head="ỦY BAN NHÂN DÂN TỈNH NINH BÌNH",
              can_cu=_state("Xét đề nghị của Giám đốc Sở Kế hoạch và Đầu tư,"),
              noi_nhan=["- Thường trực Tỉnh ủy;", "- Thường trực HĐND tỉnh;", "- Các sở, ban, ngành;",
                        "- UBND các huyện, thành phố;", "- Lưu: VT, VP5."])
TU_NBI = dict(fmt="party", lines=["TỈNH ỦY NINH BÌNH"], full="Tỉnh ủy Ninh Bình", abbr="TU", place="Ninh Bình",
              short="Tỉnh ủy", seal="TỈNH ỦY NINH BÌNH * ĐẢNG CỘNG SẢN VIỆT NAM *", qd_head="BAN THƯỜNG VỤ TỈNH ỦY",
              noi_nhan=["- Các đồng chí Tỉnh ủy viên,", "- Lưu Văn phòng Tỉnh ủy."])

DU_ML = dict(fmt="party", superior=["ĐẢNG BỘ HUYỆN YÊN LẬP"], lines=["ĐẢNG ỦY XÃ MỸ LUNG"], full="Đảng ủy xã Mỹ Lung",
             cap_tren="Đảng bộ huyện Yên Lập", abbr="ĐU", place="Mỹ Lung", short="Đảng ủy xã",
             seal="ĐẢNG ỦY XÃ MỸ LUNG * HUYỆN YÊN LẬP *", qd_head="BAN THƯỜNG VỤ ĐẢNG ỦY",
             noi_nhan=["- Huyện ủy Yên Lập (b/c),", "- Các chi bộ khu dân cư,", "- Lưu."])
CB_DG = dict(fmt="party", superior=["ĐẢNG BỘ XÃ MỸ LUNG"], lines=["CHI BỘ KHU ĐỒNG GẠO"], full="Chi bộ khu Đồng Gạo",
             cap_tren="Đảng bộ xã Mỹ Lung", abbr="CB", place="Mỹ Lung", short="Chi bộ", seal=None,
             qd_head="CHI BỘ KHU ĐỒNG GẠO", noi_nhan=["- Đảng ủy xã (b/c),", "- Lưu chi bộ."])
UBKT_YL = dict(fmt="party", superior=["ĐẢNG BỘ TỈNH PHÚ THỌ", "HUYỆN ỦY YÊN LẬP"], lines=["ỦY BAN KIỂM TRA"],
               full="Ủy ban Kiểm tra Huyện ủy Yên Lập", cap_tren="Huyện ủy Yên Lập", abbr="UBKTHU", place="Yên Lập",
               short="Ủy ban Kiểm tra Huyện ủy", seal="ỦY BAN KIỂM TRA HUYỆN ỦY YÊN LẬP *",
               qd_head="ỦY BAN KIỂM TRA HUYỆN ỦY YÊN LẬP",
               noi_nhan=["- Thường trực Huyện ủy (b/c),", "- Đảng ủy xã Mỹ Lung,", "- Lưu UBKT."])

DUK_CT = dict(fmt="party", superior=["ĐẢNG BỘ THÀNH PHỐ CẦN THƠ"], lines=["ĐẢNG ỦY KHỐI CÁC CƠ QUAN"],
              full="Đảng ủy Khối các cơ quan thành phố Cần Thơ", cap_tren="Đảng bộ thành phố Cần Thơ", abbr="ĐUK",
              place="Cần Thơ", short="Đảng ủy Khối", seal="ĐẢNG ỦY KHỐI CÁC CƠ QUAN * TP. CẦN THƠ *",
              qd_head="BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI",
              noi_nhan=["- Thường trực Thành ủy (b/c),", "- Ban Tổ chức Thành ủy,", "- Các tổ chức cơ sở đảng,",
                        "- Lưu Văn phòng Đảng ủy Khối."])

HU_MH = dict(fmt="party", superior=["ĐẢNG BỘ TỈNH QUẢNG BÌNH"], lines=["HUYỆN ỦY MINH HÓA"], full="Huyện ủy Minh Hóa",
             cap_tren="Đảng bộ tỉnh Quảng Bình", abbr="HU", place="Minh Hóa", short="Huyện ủy",
             seal="HUYỆN ỦY MINH HÓA * QUẢNG BÌNH *", qd_head="BAN THƯỜNG VỤ HUYỆN ỦY",
             noi_nhan=["- Thường trực Tỉnh ủy (b/c),", "- Công an huyện,", "- Lưu VP."])
UB_MH = dict(fmt="state", lines=["ỦY BAN NHÂN DÂN", "HUYỆN MINH HÓA"], full="Ủy ban nhân dân huyện Minh Hóa",
             abbr="UB", cv_abbr="UB", place="Minh Hóa", short="Ủy ban nhân dân huyện",
             seal="ỦY BAN NHÂN DÂN HUYỆN MINH HÓA * QUẢNG BÌNH *", qd_head="ỦY BAN NHÂN DÂN HUYỆN MINH HÓA",
             can_cu=_state("Căn cứ Quyết định của Ủy ban nhân dân tỉnh về phân bổ kinh phí khắc phục hậu quả lũ lụt;",
                           "Xét đề nghị của Trưởng phòng Tài chính - Kế hoạch huyện,"),
             noi_nhan=["- Như Điều 3,", "- UBND tỉnh (b/c),", "- TT Huyện ủy,", "- Lưu VT."])

# ---- signers ------------------------------------------------------------------------------

LD_PBT = S("Mẫn Quốc Hưng", "PHÓ BÍ THƯ THƯỜNG TRỰC", ["T/M BAN THƯỜNG VỤ"])
DL_BT = S("Cù Đình Khiêm", "BÍ THƯ", ["T/M BAN CHẤP HÀNH"])
DL_PBT = S("Liêng Hót Ha Vân", "PHÓ BÍ THƯ", ["K/T BÍ THƯ"])
UBDL_PCT = S("Bon Jố K'Sin", "PHÓ CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"])
UBDL_PCT2 = S("Nhữ Văn Toản", "PHÓ CHỦ TỊCH", ["KT. CHỦ TỊCH"])

BG_BT = S("Lục Văn Thẩm", "BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
BG_PBT = S("Tô Thị Nhằn", "PHÓ BÍ THƯ", ["K/T BÍ THƯ"])
UBBG_PCT = S("Chu Văn Kình", "PHÓ CHỦ TỊCH", ["T/M ỦY BAN NHÂN DÂN HUYỆN BÌNH GIA", "K/T CHỦ TỊCH"])
UBBG_CT = S("Mông Văn Sèng", "CHỦ TỊCH", ["T/M ỦY BAN NHÂN DÂN"])

NB_BT = S("Trình Quang Diệu", "BÍ THƯ", ["T/M TỈNH ỦY"])
UBNB_CT = S("Ung Văn Khải", "CHỦ TỊCH", ["T/M ỦY BAN NHÂN DÂN"])
UBNB_PCT = S("Hứa Văn Dậu", "PHÓ CHỦ TỊCH", ["T/M ỦY BAN NHÂN DÂN TỈNH NGHĨA BÌNH", "K/T CHỦ TỊCH"])
VC_BT = S("Mang Văn Thớ", "BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])

KS_BT = S("Moong Văn Thoan", "BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
KS_PBT = S("Xồng Bá Dìa", "PHÓ BÍ THƯ", ["K/T BÍ THƯ"])
UBKS_CT = S("Lương Văn Pản", "CHỦ TỊCH")
BTG_PTB = S("Lô Thị Xiêm", "PHÓ TRƯỞNG BAN", ["K/T TRƯỞNG BAN"])

HH_PCVP = S("Hồ Văn Khoang", "PHÓ CHÁNH VĂN PHÒNG", ["T/L BAN THƯỜNG VỤ"])
CUC_PCT = S("Bạch Thị Diệu Linh", "PHÓ CỤC TRƯỞNG", ["KT. CỤC TRƯỞNG"])
CUC_CT = S("Khổng Văn Hiền", "CỤC TRƯỞNG")
UBQT_CT = S("Quách Đình Vượng", "CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN"])

LP_BT = S("Chau Sóc Phươl", "BÍ THƯ", ["T/M ĐẢNG ỦY"])
TT_PBT = S("Néang Chanh Đa", "PHÓ BÍ THƯ", ["K/T BÍ THƯ"])
UBTT_PCT = S("Diệp Văn Hớn", "PHÓ CHỦ TỊCH", ["KT. CHỦ TỊCH"])
UBKTTT_CN = S("Chau Ka Ri", "CHỦ NHIỆM", ["T/M ỦY BAN KIỂM TRA"])

HDND_CT = S("Chử Xuân Hoạt", "CHỦ TỊCH")
UBNBI_PCT = S("Cấn Thị Thu Hường", "PHÓ CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"])

ML_BT = S("Đinh Công Mọc", "BÍ THƯ", ["T/M ĐẢNG ỦY"])
ML_PBT = S("Hà Thị Thiềng", "PHÓ BÍ THƯ", ["K/T BÍ THƯ"])
DG_BT = S("Bùi Thị Nhạn", "BÍ THƯ", ["T/M CHI BỘ"])
YL_CN = S("Triệu Phúc Lìn", "CHỦ NHIỆM", ["T/M ỦY BAN KIỂM TRA"])

CT_BT = S("Hàn Minh Lễ", "BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
CT_PBT = S("Sơn Thị Huol", "PHÓ BÍ THƯ", ["K/T BÍ THƯ"])
CT_CVP = S("Kha Thị Mỹ Lệ", "CHÁNH VĂN PHÒNG", ["T/L BAN THƯỜNG VỤ"])

MH_BT = S("Nghiêm Đình Thụ", "BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
MH_PBT = S("Cao Thị Lịch", "PHÓ BÍ THƯ", ["K/T BÍ THƯ"])
UBMH_PCT = S("Lều Văn Phúc", "PHÓ CHỦ TỊCH", ["K/T CHỦ TỊCH"])


def documents():
    D = Maker(PART, GENERAL, STYLE)
    p = Plan()
    hoso = p.hoso

    # t01: Huyện ủy Di Linh 2008. A long Nghị quyết "của Ban Chấp hành Đảng bộ huyện" whose closing
    # block stands alone on its last page, then at once a State decision of the district (two
    # authority lines) with its QUY ĐỊNH; a Thông tri of the Tỉnh ủy received with a stamp; a State
    # công văn. One colour image-only PDF at 200 dpi.
    hoso("hs-01-di-linh-2008", one_file("di-linh-2008.pdf", "pdf", "RGB",
                                        wear={2: ["noise"], 5: ["faded"], 9: ["blur"], 12: ["noise"]},
                                        skew={1: 0.4, 3: -0.9, 6: 1.2, 8: -0.3, 11: 0.7}, dpi=200), [
        D(HU_DL, "NQ", 21, (2008, 4, 18), "về phát triển cây cà phê và cây chè bền vững gắn với bảo vệ rừng "
          "giai đoạn 2008 - 2015", DL_BT, "p-ofbody", "Noto Serif", 40, closing="ownpage", bank=HIGHLAND + GENERAL,
          of_line="CỦA BAN CHẤP HÀNH ĐẢNG BỘ HUYỆN DI LINH"),
        D(UB_DL, "QĐ", 1187, (2008, 5, 7), "về việc ban hành Quy định quản lý rừng cộng đồng tại các thôn đồng bào "
          "dân tộc thiểu số", UBDL_PCT, "s-nd30-double", "Liberation Serif", 1, date_style="padded",
          bank=HIGHLAND,
          extra=dict(articles=["Ban hành kèm theo Quyết định này Quy định quản lý rừng cộng đồng tại các thôn đồng "
                               "bào dân tộc thiểu số trên địa bàn huyện.",
                               "Giao Phòng Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với Hạt Kiểm lâm "
                               "hướng dẫn các xã thực hiện.",
                               "Quyết định này có hiệu lực sau mười ngày kể từ ngày ký."],
                     executors="Chánh Văn phòng HĐND và UBND huyện, Hạt trưởng Hạt Kiểm lâm, Chủ tịch UBND các xã"),
          attachment=dict(kind="QUY ĐỊNH", title_lines=["QUY ĐỊNH"], sub_lines=[
              "quản lý rừng cộng đồng tại các thôn đồng bào dân tộc thiểu số",
              "(Ban hành kèm theo Quyết định số 1187/QĐ-UBND ngày 07/5/2008 của UBND huyện Di Linh)"],
              body=[("h", "Chương I. QUY ĐỊNH CHUNG"),
                    ("p", "Điều 1. Quy định này áp dụng đối với cộng đồng dân cư thôn được giao rừng và các hộ "
                          "gia đình nhận khoán bảo vệ rừng. " + HIGHLAND[3]),
                    ("p", "Điều 2. Rừng cộng đồng được giao ổn định, lâu dài; nghiêm cấm chuyển nhượng, cầm cố "
                          "dưới mọi hình thức. " + HIGHLAND[2]),
                    ("h", "Chương II. QUYỀN VÀ NGHĨA VỤ CỦA CỘNG ĐỒNG"),
                    ("p", "Điều 3. Cộng đồng được khai thác củi khô, măng, mật ong và lâm sản phụ theo quy ước "
                          "của thôn. " + HIGHLAND[13]),
                    ("p", "Điều 4. Trưởng thôn và già làng chịu trách nhiệm tổ chức tuần tra, báo cáo kịp thời "
                          "các vụ vi phạm cho Ủy ban nhân dân xã.")])),
        D(TU_LD, "TT", 16, (2008, 8, 26), "về tăng cường lãnh đạo công tác quản lý, bảo vệ rừng trong tình hình mới",
          LD_PBT, "p-rule", "DejaVu Serif", 5, bank=HIGHLAND + GENERAL, seal_at="title",
          stamp=stamp("HUYỆN ỦY DI LINH", "309", "3/9/2008", x=140, y=30)),
        D(UB_DL, "CV", 842, (2009, 3, 12), "hỗ trợ giống cà phê ghép cho hộ đồng bào dân tộc thiểu số năm 2009",
          UBDL_PCT2, "s-cv", "DejaVu Sans Condensed", 3, bank=HIGHLAND,
          extra=dict(kinh_gui="- Phòng Nông nghiệp và PTNT huyện;|- Trạm Khuyến nông huyện;|"
                              "- UBND các xã Gia Bắc, Sơn Điền;|- UBND xã Đinh Trang Thượng."),
          noi_nhan=["- Như trên;", "- TT. Huyện ủy (b/c);", "- Lưu: VT."]),
    ])

    # t02: Huyện ủy and UBND Bình Gia 1990-1996, typewritten; one TỐI MẬT report (black, typed)
    # whose closing block is on a page of its own; a typed State decision with two authority lines.
    # One G4 file at 300 dpi with a blank back.
    hoso("hs-02-binh-gia-1993", one_file("binh-gia.tif", "g4", "1",
                                         wear={1: ["photocopy"], 3: ["faded"], 5: ["salt_pepper"],
                                               7: ["photocopy"], 9: ["faded", "salt_pepper", "punch_holes"]},
                                         skew={1: -1.2, 2: 0.8, 4: 1.9, 6: -0.6, 8: 1.4, 10: -2.1}), [
        D(HU_BG, "CT", 7, (1990, 10, 22), "về việc chống hạn, bảo đảm đời sống nhân dân vụ đông xuân 1990 - 1991",
          BG_BT, "p-typed", "Liberation Mono", 8, date_style="dashed", bank=NORTH_1990 + GENERAL),
        D(UB_BG, "QĐ", 64, (1992, 3, 9), "về việc thành lập Ban chỉ đạo giao đất lâm nghiệp cho hộ gia đình",
          UBBG_PCT, "s-typed-double", "Liberation Mono", 1, date_style="words", bank=NORTH_1990,
          extra=dict(articles=["Thành lập Ban chỉ đạo giao đất lâm nghiệp cho hộ gia đình của huyện gồm chín đồng chí, do "
                               "đồng chí Phó Chủ tịch Ủy ban nhân dân huyện làm Trưởng ban.",
                               "Ban chỉ đạo hướng dẫn các xã đo đạc, lập hồ sơ và giao đất lâm nghiệp cho hộ gia đình, "
                               "hoàn thành trong năm 1992."],
                     executors="Chánh Văn phòng Ủy ban, Trưởng phòng Nông lâm nghiệp, các ông bà có tên tại Điều 1")),
        D(HU_BG, "BC", 33, (1994, 6, 15), "tình hình an ninh tuyến biên giới sáu tháng đầu năm 1994", BG_BT,
          "p-typed-left", "Noto Sans Mono", 3, date_style="dashed", closing="ownpage", do_mat="TỐI MẬT",
          mark_colour="black", codename="HV-5382", bank=SECRET_HV,
          noi_nhan=["- Thường trực Tỉnh ủy (b/c),", "- Lưu (bản số 3)."]),
        D(UB_BG, "TB", 118, (1996, 11, 4), "kết quả kiểm tra công tác thu thuế nông nghiệp năm 1996", UBBG_CT,
          "s-typed", "Liberation Mono", 9, date_style="dashed", bank=NORTH_1990,
          notes=[(1, note("Gửi các xã vùng 2", x=1600, y=140, angle=-4))]),
    ], blank_after=[("tune7-06", 1)])

    # t03: Nghĩa Bình 1976-1987, typewritten. A Tỉnh ủy directive of 1976 under ĐẢNG LAO ĐỘNG VIỆT NAM
    # (recipients under the signature, "Nơi gửi:"); a 1979 decision with the motto across the top;
    # an elite-pitch guide of Huyện ủy Vân Canh; a 1987 công văn with two authority lines. Gray PDF.
    hoso("hs-03-nghia-binh-1976", one_file("nghia-binh.pdf", "pdf", "L",
                                           wear={1: ["aged_paper"], 2: ["faded"], 4: ["blur", "faded"],
                                                 6: ["noise"], 8: ["aged_paper", "faded"]},
                                           skew={1: 1.1, 3: -1.6, 5: 0.5, 7: 2.0, 9: -0.8}, dpi=200), [
        D(TU_NB, "CT", 9, (1976, 9, 14), "về việc khôi phục sản xuất nông nghiệp và ổn định đời sống nhân dân "
          "vụ đông xuân 1976 - 1977", NB_BT, "p-typed-ldvn", "Noto Mono", 3, date_style="words", bank=POSTWAR),
        D(UB_NB, "QĐ", 377, (1979, 7, 30), "về việc giao nhiệm vụ khôi phục hệ thống kênh tưới đập Bàu Sấu",
          UBNB_CT, "s-typed-top", "Noto Mono", 1, date_style="words", bank=POSTWAR,
          extra=dict(articles=["Giao Ty Thủy lợi chủ trì khôi phục tuyến kênh chính và các kênh nhánh của đập Bàu Sấu, bảo "
                               "đảm nước tưới cho vụ đông xuân 1979 - 1980.",
                               "Ủy ban nhân dân các huyện có kênh đi qua huy động dân công theo kế hoạch được giao, mỗi "
                               "lao động làm mười ngày công."],
                     executors="Đồng chí Chánh Văn phòng, Trưởng ty Thủy lợi và Chủ tịch Ủy ban nhân dân các huyện")),
        D(HU_VC, "HD", 4, (1983, 2, 21), "thực hiện việc kết nạp đảng viên ở các xã miền núi", VC_BT,
          "p-typed-elite", "FreeMono", 3, date_style="dashed", bank=POSTWAR + GENERAL[:8]),
        D(UB_NB, "CV", 1042, (1987, 10, 5), "chuẩn bị giống và vật tư cho sản xuất vụ đông xuân 1987 - 1988",
          UBNB_PCT, "s-typed-double", "Noto Mono", 3, date_style="dashed", bank=POSTWAR,
          extra=dict(kinh_gui="Ủy ban nhân dân các huyện, thị xã"), noi_nhan=["- Như trên,", "- Lưu."]),
    ])

    # t04: Huyện ủy Kỳ Sơn 2011-2015 and its Ban Tuyên giáo, and the UBND: colour JPEG per page at
    # 200 dpi; one MẬT + KHẨN plan (red marks), seal over the signer's name; a marginal note.
    hoso("hs-04-ky-son-2013", per_page([("jpeg", "RGB")], wear={2: ["noise"], 4: ["faded"], 7: ["blur"]},
                                       skew={1: 0.6, 3: -0.4, 5: 1.0, 8: -1.3}, dpi=200), [
        D(HU_KS, "CTrHĐ", 12, (2011, 9, 8), "thực hiện Nghị quyết Đại hội Đảng bộ huyện về giảm nghèo bền vững "
          "ở các xã biên giới", KS_BT, "p-rule", "Noto Serif Display", 5, bank=WEST_NGHEAN + GENERAL),
        D(HU_KS, "KH", 47, (2013, 4, 2), "ngăn chặn tình trạng di cư tự do ở các bản vùng giáp biên", KS_PBT,
          "p-inline", "Noto Serif Display", 4, do_mat="MẬT", do_khan="KHẨN", mark_colour="red",
          codename="KS-7719", bank=SECRET_KS, seal_at="name",
          extra=dict(ending="Văn phòng Huyện ủy giữ bản gốc phương án KS-7719 và theo dõi việc thực hiện Kế hoạch này./.")),
        D(UB_KS, "QĐ", 2215, (2014, 8, 19), "về việc giao chỉ tiêu học sinh bán trú năm học 2014 - 2015", UBKS_CT,
          "s-nd30", "Noto Sans Display", 1, date_style="padded", bank=WEST_NGHEAN,
          extra=dict(articles=["Giao chỉ tiêu học sinh bán trú năm học 2014 - 2015 cho các trường tiểu học và trung học cơ "
                               "sở trên địa bàn huyện theo biểu chi tiết kèm theo.",
                               "Hiệu trưởng các trường tổ chức nấu ăn, quản lý học sinh ở bán trú và báo cáo sĩ số hằng "
                               "tháng về Phòng Giáo dục và Đào tạo.",
                               "Quyết định này có hiệu lực kể từ ngày ký."],
                     executors="Chánh Văn phòng HĐND và UBND huyện, Trưởng phòng Giáo dục và Đào tạo, "
                               "Hiệu trưởng các trường")),
        D(BTG_KS, "HD", 5, (2015, 3, 16), "tuyên truyền kỷ niệm 85 năm ngày thành lập Đảng trong đồng bào các "
          "dân tộc", BTG_PTB, "p-three", "DejaVu Sans", 3, bank=WEST_NGHEAN + GENERAL,
          notes=[(1, note("Đ/c Thoan đã xem", x=1550, y=160, angle=4, underline=True))]),
    ])

    # t05: heritage site in Hướng Hóa, 2016-2018: a Huyện ủy notice signed T/L by the Phó Chánh Văn
    # phòng, the Cục's decision and công văn (ministry over the Cục), the province's Tờ trình with a
    # receipt stamp. Gray JPEG per page at 200 dpi.
    hoso("hs-05-di-tich-huong-hoa-2017", per_page([("jpeg", "L")], wear={1: ["noise"], 4: ["blur"], 6: ["faded"]},
                                                  skew={2: -0.8, 3: 0.5, 5: 1.1}, dpi=200), [
        D(HU_HH, "TB", 96, (2016, 10, 11), "kết luận của Thường trực Huyện ủy về bảo vệ, phát huy giá trị các "
          "di tích lịch sử trên địa bàn huyện", HH_PCVP, "p-hd36", "FreeSerif", 4, bank=HERITAGE + GENERAL),
        D(UB_QT, "TTr", 68, (2017, 3, 27), "đề nghị xếp hạng di tích quốc gia đối với di tích lịch sử Đồi Bốn "
          "Bản, xã Tân Long, huyện Hướng Hóa", UBQT_CT, "s-below", "FreeSerif", 4, bank=HERITAGE,
          extra=dict(kinh_gui="Bộ Văn hóa, Thể thao và Du lịch"),
          stamp=stamp("CỤC DI SẢN VĂN HÓA", "1526", "05/4/2017", x=160, y=25)),
        D(CUC_DS, "QĐ", 418, (2017, 6, 20), "về việc thành lập Đoàn kiểm tra công tác quản lý, tu bổ di tích tại "
          "tỉnh Quảng Trị năm 2017", CUC_PCT, "s-ministry", "Noto Serif", 1, date_style="padded", bank=HERITAGE,
          extra=dict(articles=["Thành lập Đoàn kiểm tra công tác quản lý, tu bổ di tích tại tỉnh Quảng Trị năm 2017 gồm năm "
                               "thành viên, do Phó Trưởng phòng Quản lý di tích làm Trưởng đoàn.",
                               "Đoàn kiểm tra làm việc tại tỉnh từ ngày 10 đến ngày 14 tháng 7 năm 2017; kinh phí do "
                               "Cục bảo đảm."],
                     executors="Chánh Văn phòng Cục, Trưởng phòng Quản lý di tích và các thành viên Đoàn kiểm tra")),
        D(CUC_DS, "CV", 1309, (2018, 1, 15), "góp ý hồ sơ khoa học di tích Đồi Bốn Bản, tỉnh Quảng Trị", CUC_CT,
          "s-ministry", "Noto Serif", 3, bank=HERITAGE,
          extra=dict(kinh_gui="Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Trị"),
          noi_nhan=["- Như trên;", "- UBND tỉnh Quảng Trị;", "- Lưu: VT, DT."]),
    ])

    # t06: Tri Tôn 1998-2004, photocopied papers, bilevel G4, one file per document; one page upside down.
    hoso("hs-06-tri-ton-2001", per_doc([("nq-1998.tif", "g4", "1"), ("kl-2000.tif", "g4", "1"),
                                        ("bc-2002.tif", "g4", "1"), ("qd-2004.tif", "g4", "1")],
                                       wear={1: ["photocopy"], 2: ["noise"], 4: ["photocopy", "punch_holes"],
                                             6: ["salt_pepper"], 7: ["photocopy"], 9: ["noise"], "upside": (5,)},
                                       skew={1: 0.9, 3: -1.5, 5: 0.4, 6: -0.7, 8: 2.3, 10: -0.5}), [
        D(DU_LP, "NQ", 3, (1998, 1, 24), "về lãnh đạo sản xuất lúa ba vụ và xây dựng cụm dân cư vượt lũ năm 1998",
          LP_BT, "p-flush", "Liberation Serif", 10, date_style="padded", bank=MEKONG + GENERAL),
        D(HU_TT, "KL", 58, (2000, 7, 13), "về công tác vận động đồng bào Khmer và chức sắc tôn giáo", TT_PBT,
          "p-below", "Liberation Sans", 6, bank=MEKONG + GENERAL, seal_at="title"),
        D(UB_TT, "BC", 204, (2002, 11, 28), "tình hình khắc phục hậu quả lũ và kế hoạch sản xuất vụ đông xuân "
          "2002 - 2003", UBTT_PCT, "s-flush", "Liberation Sans", 9, bank=MEKONG),
        D(UBKT_TT, "QĐ", 27, (2004, 5, 6), "về việc kiểm tra tổ chức đảng cấp dưới thực hiện nhiệm vụ kiểm tra, "
          "giám sát", UBKTTT_CN, "p-sanshead", "DejaVu Serif Condensed", 1, bank=MEKONG + GENERAL,
          extra=dict(can_cu=["- Căn cứ Chương trình kiểm tra, giám sát năm 2004 của Ủy ban Kiểm tra Huyện ủy;"],
                     articles=["Kiểm tra Đảng ủy xã Lương Phi về việc thực hiện nhiệm vụ kiểm tra, giám sát và thi hành kỷ luật "
                               "trong Đảng từ đầu nhiệm kỳ đến nay.",
                               "Đoàn kiểm tra gồm ba đồng chí do đồng chí Phó Chủ nhiệm Ủy ban Kiểm tra Huyện ủy làm "
                               "Trưởng đoàn; thời gian kiểm tra mười ngày."],
                     executors="Đoàn kiểm tra và Đảng ủy xã Lương Phi")),
    ])

    # t07: Ninh Bình 2018-2019: an HĐND resolution (session block, QUYẾT NGHỊ, the Chủ tịch signing
    # without an authority line), a State plan with two authority lines, and a Tỉnh ủy notice
    # without a closing block. Gray PNG per page at 200 dpi.
    hdnd_body = [
        ("c", "HỘI ĐỒNG NHÂN DÂN TỈNH NINH BÌNH"),
        ("c", "KHÓA XIV, KỲ HỌP THỨ 11"),
        ("i", local_gov_law(2019)),
        ("i", "Căn cứ Luật Ngân sách nhà nước ngày 25/6/2015;"),
        ("i", "Căn cứ Luật Đầu tư công ngày 13/6/2019;"),
        ("i", "Xét Tờ trình số 157/TTr-UBND ngày 22/11/2019 của Ủy ban nhân dân tỉnh; Báo cáo thẩm tra của Ban "
              "Kinh tế - Ngân sách Hội đồng nhân dân tỉnh và ý kiến thảo luận của đại biểu tại kỳ họp,"),
        ("c", "QUYẾT NGHỊ:"),
        ("p", "Điều 1. Thông qua kế hoạch đầu tư công năm 2020 của tỉnh với tổng vốn và danh mục dự án kèm theo "
              "Nghị quyết này. " + NINH_BINH[3]),
        ("p", "Điều 2. Ưu tiên bố trí vốn cho các dự án đê điều, trạm bơm tiêu úng và đường giao thông kết nối "
              "khu du lịch. " + NINH_BINH[4] + " " + NINH_BINH[1]),
        ("p", "Điều 3. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết; Thường trực Hội đồng nhân dân, các "
              "Ban và đại biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện. " + NINH_BINH[7]),
        ("p", "Điều 4. Nghị quyết này đã được Hội đồng nhân dân tỉnh Ninh Bình khóa XIV, kỳ họp thứ 11 thông qua "
              "ngày 06/12/2019 và có hiệu lực từ ngày 01/01/2020./."),
    ]
    hoso("hs-07-ninh-binh-2019", per_page([("png", "L")], wear={2: ["salt_pepper"], 4: ["faded"]},
                                          skew={1: -0.5, 3: 0.7, 5: -1.0}, dpi=200), [
        D(TU_NBI, "TB", 412, (2018, 12, 21), "lịch làm việc của Thường trực Tỉnh ủy tháng 01 năm 2019", None,
          "p-tall", "Noto Sans", 3, bank=NINH_BINH + GENERAL),
        D(UB_NBI, "KH", 83, (2019, 5, 10), "triển khai sáp nhập thôn, xóm trên địa bàn tỉnh năm 2019", UBNBI_PCT,
          "s-nd30-double", "Liberation Serif", 3, bank=NINH_BINH,
          noi_nhan=["- Bộ Nội vụ (b/c);", "- Thường trực Tỉnh ủy;", "- UBND các huyện, thành phố;", "- Lưu: VT, VP5."]),
        D(HDND_NB, "NQ", 64, (2019, 12, 6), "về kế hoạch đầu tư công năm 2020", HDND_CT,
          "s-hdnd", "Noto Serif", 1, body=hdnd_body, seal_at="title"),
    ])

    # t08: Mỹ Lung, Yên Lập 1999-2002: the Đảng ủy xã (a typed resolution), a Chi bộ khu (T/M CHI BỘ,
    # no seal), the Ủy ban Kiểm tra Huyện ủy (three-line header); G4 and gray JPEG in turn.
    hoso("hs-08-my-lung-2000", alternate([("g4", "1"), ("jpeg", "L")],
                                         wear={1: ["photocopy"], 2: ["aged_paper"], 3: ["salt_pepper"],
                                               6: ["faded"], 7: ["noise"]},
                                         skew={1: -0.9, 2: 1.3, 4: -1.8, 5: 0.6, 8: 0.3}), [
        D(DU_ML, "NQ", 2, (1999, 1, 19), "về nhiệm vụ phát triển kinh tế - xã hội và xây dựng Đảng năm 1999",
          ML_BT, "p-typed-elite", "FreeMono", 3, date_style="dashed", bank=MIDLAND + GENERAL),
        D(CB_DG, "NQ", 5, (2000, 6, 10), "về vận động nhân dân làm đường bê tông ngõ xóm", DG_BT, "p-compact",
          "FreeSans", 3, seal=False, bank=MIDLAND),
        D(UBKT_YL, "QĐ", 19, (2001, 9, 4), "về việc thành lập Tổ kiểm tra đối với hai đảng viên thuộc Đảng bộ xã "
          "Mỹ Lung", YL_CN, "p-three", "FreeSans", 1, bank=MIDLAND,
          extra=dict(can_cu=["- Căn cứ Quy chế làm việc nhiệm kỳ 2000 - 2005 của Ủy ban Kiểm tra;"],
                     articles=["Thành lập Tổ kiểm tra đối với hai đảng viên thuộc Đảng bộ xã Mỹ Lung về việc chấp hành chủ trương "
                               "của Đảng trong quản lý, sử dụng đất rừng.",
                               "Tổ kiểm tra gồm ba đồng chí, làm việc trong mười lăm ngày và báo cáo kết quả với Ủy ban "
                               "Kiểm tra Huyện ủy."],
                     executors="Tổ kiểm tra, Đảng ủy xã Mỹ Lung và đảng viên được kiểm tra"),
          stamp=stamp("ĐẢNG ỦY XÃ MỸ LUNG", "41", "10/9/2001", x=150, y=25)),
        D(DU_ML, "TTr", 11, (2002, 2, 25), "đề nghị công nhận Đảng bộ xã trong sạch, vững mạnh năm 2001", ML_PBT,
          "p-below", "FreeSans", 3, bank=MIDLAND + GENERAL, extra=dict(kinh_gui="Ban Thường vụ Huyện ủy Yên Lập")),
    ])

    # t09: Đảng ủy Khối các cơ quan thành phố Cần Thơ 2009-2013: an Đề án with a title page and its
    # PHỤ LỤC, a Quy định, a Kết luận "của Ban Thường vụ", a công văn signed T/L by the Chánh Văn phòng
    # with a marginal note. Colour JPEG per page at 200 dpi.
    hoso("hs-09-dang-uy-khoi-can-tho-2011", per_page([("jpeg", "RGB")], wear={3: ["noise"], 6: ["blur"], 9: ["faded"]},
                                                     skew={1: -0.2, 2: 0.8, 5: -0.6, 8: 1.1}, dpi=200), [
        D(DUK_CT, "ĐA", 2, (2009, 11, 17), "ứng dụng công nghệ thông tin trong hoạt động của các cấp ủy cơ sở "
          "giai đoạn 2010 - 2015", CT_BT, "p-titlepage", "Noto Sans", 7, bank=CAN_THO + GENERAL,
          title_foot="Cần Thơ, tháng 11 năm 2009",
          attachment=dict(kind="PHỤ LỤC", title_lines=["PHỤ LỤC"], sub_lines=[
              "DANH MỤC NHIỆM VỤ VÀ THỜI GIAN HOÀN THÀNH",
              "(Kèm theo Đề án số 02-ĐA/ĐUK ngày 17/11/2009 của Ban Thường vụ Đảng ủy Khối)"],
              body=[("l", "1. Quý I/2010: khảo sát hạ tầng máy tính của các đảng ủy cơ sở."),
                    ("l", "2. Năm 2011: triển khai phần mềm quản lý văn bản tại Văn phòng Đảng ủy Khối."),
                    ("l", "3. Năm 2012 - 2013: kết nối thư điện tử đến các chi bộ cơ sở."),
                    ("l", "4. Năm 2014: số hóa hồ sơ đảng viên của các đảng bộ cơ sở."),
                    ("l", "5. Năm 2015: tổng kết, đánh giá và đề xuất giai đoạn tiếp theo.")])),
        D(DUK_CT, "QĐi", 7, (2011, 3, 1), "về chế độ thông tin, báo cáo của các tổ chức cơ sở đảng trong Đảng bộ "
          "Khối", CT_PBT, "p-hd36", "Noto Sans Display", 4, bank=CAN_THO + GENERAL),
        D(DUK_CT, "KL", 115, (2012, 8, 23), "về kết quả kiểm tra việc thực hiện chế độ sinh hoạt chi bộ tại các đảng "
          "ủy cơ sở", CT_BT, "p-ofbody", "DejaVu Sans", 3, bank=CAN_THO + GENERAL, seal_at="name",
          of_line="CỦA BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI"),
        D(DUK_CT, "CV", 386, (2013, 5, 8), "đôn đốc nộp báo cáo sơ kết công tác sáu tháng đầu năm 2013", CT_CVP,
          "p-compact", "Noto Serif Display", 2, bank=CAN_THO,
          extra=dict(kinh_gui="Các đảng ủy, chi bộ cơ sở trực thuộc"),
          noi_nhan=["- Như trên,", "- Thường trực Đảng ủy Khối (b/c),", "- Lưu VP."],
          notes=[(1, note("Nhắc 3 đơn vị chưa nộp", x=1450, y=3150, angle=-3))]),
    ])

    # t10: Minh Hóa 2000-2002: a MẬT + THƯỢNG KHẨN report (black), a State decision on flood relief, a
    # Huyện ủy plan. One gray LZW TIFF at 200 dpi.
    hoso("hs-10-minh-hoa-2001", one_file("minh-hoa.tif", "lzw", "L",
                                         wear={1: ["aged_paper"], 3: ["noise", "faded"], 5: ["blur"]},
                                         skew={2: 0.9, 4: -1.4, 5: 0.3}, dpi=200), [
        D(HU_MH, "BC", 71, (2000, 12, 8), "tình hình an ninh dọc tuyến đường mới mở qua các bản đồng bào Chứt",
          MH_BT, "p-flush", "DejaVu Serif Condensed", 2, do_mat="MẬT", do_khan="THƯỢNG KHẨN", mark_colour="black",
          codename="MH-2640", bank=SECRET_MH, seal_at="title",
          extra=dict(ending="Ban Thường vụ sẽ có báo cáo tiếp về kế hoạch MH-2640 khi tình hình có diễn biến mới./."),
          noi_nhan=["- Thường trực Tỉnh ủy (b/c),", "- Lưu (02 bản)."]),
        D(UB_MH, "QĐ", 512, (2001, 1, 16), "về việc phân bổ kinh phí hỗ trợ giống cây trồng cho các xã bị lũ",
          UBMH_PCT, "s-below", "Liberation Serif", 1, date_style="padded", bank=MINH_HOA,
          extra=dict(articles=["Phân bổ kinh phí hỗ trợ giống lúa, giống ngô cho các xã bị thiệt hại do lũ cuối năm "
                               "2000 theo biểu chi tiết kèm theo Quyết định này.",
                               "Ủy ban nhân dân các xã cấp phát đúng đối tượng, công khai danh sách hộ được hỗ trợ tại "
                               "trụ sở xã và nhà văn hóa thôn.",
                               "Phòng Tài chính - Kế hoạch hướng dẫn thanh quyết toán kinh phí trước ngày 30/6/2001."],
                     executors="Chánh Văn phòng HĐND và UBND huyện, Trưởng phòng Tài chính - Kế hoạch, Chủ tịch "
                               "UBND các xã")),
        D(HU_MH, "KH", 29, (2002, 4, 9), "trồng rừng và bảo vệ rừng đầu nguồn năm 2002", MH_PBT, "p-compact",
          "FreeSerif", 4, bank=MINH_HOA + GENERAL[8:16]),
    ])
    return p.docs, p.plan
