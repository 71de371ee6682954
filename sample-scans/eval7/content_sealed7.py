"""sealed7: the sealed part of the eval7 set (12 hồ sơ). Invented wording, issuers' numbers and
people, written from DESIGN.md §3 and the reference texts. It shares no signer, sentence, trích
yếu, codename or receipt stamp with the earlier parts, and its provinces are ones the earlier
parts do not use (Tuyên Quang, Hà Giang, Thuận Hải, Lai Châu, Trà Vinh, Quảng Ninh, Bắc Giang,
Minh Hải, Kiên Giang, Hưng Yên, Nam Định) plus a Cục under a ministry.

Sealed: run once, never read, never tuned on (`NEVER_TUNE`).
"""

from build6 import Maker, Plan, note, one_file, per_doc, per_page, signer, stamp

NEVER_TUNE = True
PART = "sealed7"

BOX_JSON = {
    "ma_co_quan_luu_tru": "H47",
    "ma_phong": "08",
    "ten_phong": "Phông tài liệu đánh giá eval7 (phần sealed7)",
    "hop_so": "801",
    "don_vi_so_hoa": "Nhóm phát triển sohoa",
    "nguoi_so_hoa": "Bộ sinh mẫu đánh giá eval7",
}

# ---- sentence banks ---------------------------------------------------------------------

# typewritten years, 1976-1990
BANK_OLD = [
    "Sau ngày giải phóng, nhiệm vụ hàng đầu của Đảng bộ là ổn định đời sống nhân dân và khôi phục sản xuất.",
    "Các hợp tác xã nông nghiệp phải hoàn thành việc đưa xã viên vào làm ăn tập thể trước vụ đông xuân.",
    "Lượng thóc huy động vào kho Nhà nước năm nay mới đạt hơn hai phần ba chỉ tiêu tỉnh giao.",
    "Tình trạng đầu cơ, tích trữ hàng hóa ở các chợ thị xã vẫn còn diễn ra dưới nhiều hình thức.",
    "Ty Thủy lợi cần khẩn trương nạo vét kênh dẫn nước trước khi mùa khô đến.",
    "Mỗi đảng viên phải gương mẫu đóng thuế nông nghiệp và bán lương thực cho Nhà nước theo hợp đồng.",
    "Việc phân phối vải, dầu hỏa và đường theo tiêu chuẩn được niêm yết công khai tại các cửa hàng mua bán.",
    "Công tác xóa nạn mù chữ cho đồng bào các dân tộc được tiếp tục duy trì vào buổi tối.",
    "Lực lượng dân quân du kích các xã ven biển được tăng cường tuần tra canh gác ban đêm.",
    "Các đoàn thể quần chúng cần củng cố lại tổ chức, bầu bổ sung ban chấp hành còn thiếu.",
    "Việc quản lý ruộng đất và phân phối sản phẩm trong hợp tác xã phải làm đúng hướng dẫn của cấp trên.",
    "Nhiều cơ sở đã tận dụng đất bãi bồi để trồng khoai lang, sắn và rau màu các loại.",
    "Trạm máy kéo của tỉnh thiếu phụ tùng thay thế nên nhiều máy phải nằm chờ sửa chữa.",
    "Một bộ phận cán bộ còn tư tưởng ngại khó, ngại khổ, chưa chịu về bám cơ sở.",
    "Hợp tác xã tiểu thủ công nghiệp đã dệt được hàng vạn mét chiếu cói giao cho ngoại thương.",
    "Các ngành phải chấp hành nghiêm chế độ báo cáo định kỳ mười ngày một lần về Văn phòng.",
    "Trong quý, toàn tỉnh đã tuyển đủ số thanh niên nhập ngũ theo chỉ tiêu trên giao.",
    "Bệnh sốt rét ở vùng kinh tế mới còn phát sinh, cần có thêm thuốc và cán bộ y tế.",
    "Các đồng chí cấp ủy phụ trách địa bàn có trách nhiệm trực tiếp chỉ đạo việc sửa sai.",
    "Giá cả thị trường biến động mạnh đã ảnh hưởng đến đời sống của cán bộ, công nhân viên.",
    "Tàu thuyền của các hợp tác xã nghề cá phải đăng ký và xuất bến theo đúng quy định.",
    "Số hộ đi xây dựng vùng kinh tế mới đã ổn định chỗ ở và bắt đầu khai hoang sản xuất.",
    "Nông trường quốc doanh cần sớm giao khoán ao đầm cho từng tổ công nhân.",
    "Hội nghị cán bộ chủ chốt toàn tỉnh sẽ họp vào trung tuần tháng tới để kiểm điểm việc thực hiện.",
]

# northern uplands, 1993-2017
BANK_NORTH = [
    "Đồng bào các dân tộc ở vùng cao núi đá đã chuyển dần từ trồng ngô một vụ sang trồng hai vụ.",
    "Công trình nước sinh hoạt tập trung ở các thôn khan hiếm nước cơ bản hoàn thành đúng tiến độ.",
    "Việc giao đất, giao rừng cho hộ gia đình gắn liền với cấp giấy chứng nhận quyền sử dụng đất.",
    "Tập tục cưới xin, ma chay còn rườm rà, tốn kém ở một số bản cần được vận động thay đổi.",
    "Các điểm trường lẻ đã có phòng học kiên cố, học sinh bán trú được hỗ trợ gạo hằng tháng.",
    "Diện tích chè, cam sành và quế trên địa bàn tiếp tục mở rộng, thu nhập của người dân tăng lên.",
    "Tình trạng di cư tự do và xuất cảnh trái phép qua đường mòn biên giới đã giảm rõ rệt.",
    "Mỗi đảng viên phụ trách theo dõi, giúp đỡ từ ba đến năm hộ gia đình trong thôn.",
    "Già làng, trưởng bản và người có uy tín được mời dự các buổi sinh hoạt chuyên đề của chi bộ.",
    "Đường ô tô đến trung tâm các xã đã được rải nhựa, mùa mưa không còn cảnh chia cắt.",
    "Chợ phiên cuối tuần trở thành nơi giao lưu hàng hóa và văn hóa của đồng bào vùng cao.",
    "Các lớp học tiếng dân tộc cho cán bộ công tác ở vùng đồng bào được mở hai khóa mỗi năm.",
    "Đàn trâu, bò được tiêm phòng và làm chuồng trại tránh rét trước mùa đông.",
    "Tỷ lệ hộ nghèo theo chuẩn mới vẫn ở mức cao, nhất là tại các xã đặc biệt khó khăn.",
    "Một số thôn bản chưa có đảng viên, cần đẩy mạnh việc bồi dưỡng quần chúng ưu tú để kết nạp.",
    "Lực lượng biên phòng phối hợp với dân quân các xã duy trì tuần tra trên tuyến biên giới.",
    "Nghề dệt thổ cẩm và làm hương truyền thống được khôi phục, tạo thêm việc làm cho phụ nữ.",
    "Trạm y tế xã đã có bác sĩ, phụ nữ sinh con tại cơ sở y tế tăng nhanh so với trước.",
    "Các hộ làm nhà trên sườn đồi có nguy cơ sạt lở đã được vận động di dời đến nơi an toàn.",
    "Cán bộ xã phần lớn là người tại chỗ, trình độ chuyên môn còn hạn chế nên cần đào tạo thêm.",
    "Việc vận động đồng bào không trồng cây thuốc phiện được thực hiện kiên trì qua từng mùa vụ.",
    "Hợp tác xã dịch vụ nông nghiệp cung ứng giống ngô lai và phân bón trả chậm cho các hộ.",
    "Nhà văn hóa thôn được xây dựng từ nguồn hỗ trợ của Nhà nước và công sức của nhân dân.",
    "Các đoàn công tác của huyện định kỳ xuống xã nắm tình hình, giải quyết kiến nghị của nhân dân.",
    "Xưởng chế biến gỗ rừng trồng của huyện đã thu mua hết sản lượng keo, bồ đề của các hộ.",
    "Vườn vải thiều và nhãn ghép cho thu hoạch sớm, thương lái về tận vườn để mua.",
]

# delta and coast, Khmer areas, 2000-2019
BANK_SOUTH = [
    "Mùa khô năm nay nước mặn xâm nhập sâu vào nội đồng, nhiều diện tích lúa bị thiệt hại.",
    "Các chùa Khmer phối hợp với chính quyền mở lớp dạy chữ Khmer cho thanh thiếu niên trong dịp hè.",
    "Hệ thống cống đập ngăn mặn được vận hành theo lịch, bảo đảm nước tưới cho vụ hè thu.",
    "Số hộ chuyển từ trồng lúa kém hiệu quả sang nuôi tôm và trồng màu tiếp tục tăng.",
    "Tàu cá khai thác xa bờ phải lắp thiết bị giám sát hành trình theo quy định.",
    "Lễ hội Ok Om Bok và Tết Chôl Chnăm Thmây được tổ chức an toàn, tiết kiệm, đúng phong tục.",
    "Nhiều tuyến đê bao ven sông bị sạt lở, cần bố trí vốn gia cố trước mùa nước nổi.",
    "Ở các trường nội trú dành cho con em đồng bào dân tộc, tuyển sinh đạt chỉ tiêu và tỷ lệ bỏ học giảm.",
    "Thủ tục hành chính ở bộ phận một cửa được rút gọn, thời gian giải quyết hồ sơ ngắn lại.",
    "Việc cấp thẻ bảo hiểm y tế cho người nghèo và đồng bào dân tộc thiểu số đạt trên chín mươi phần trăm.",
    "Sư sãi, vị sư cả các chùa được mời tham gia sinh hoạt các hội đoàn kết ở địa phương.",
    "Nguồn vốn cho vay giải quyết việc làm giúp nhiều lao động trẻ học nghề và có thu nhập ổn định.",
    "Tình trạng đánh bắt thủy sản bằng xung điện và lưới mắt nhỏ vẫn chưa được ngăn chặn triệt để.",
    "Chợ nổi và các bến đò ngang được sắp xếp lại, bảo đảm an toàn giao thông đường thủy.",
    "Các ấp có đông đồng bào Khmer đã có đảng viên là người dân tộc làm bí thư chi bộ.",
    "Diện tích rừng phòng hộ ven biển được trồng bổ sung, hạn chế tình trạng xói lở bờ biển.",
    "Công tác phòng chống dịch bệnh trên tôm nuôi được chú trọng, thiệt hại giảm so với năm trước.",
    "Hội nghị đối thoại giữa người đứng đầu cấp ủy với nhân dân được tổ chức mỗi năm hai lần.",
    "Nhiều doanh nghiệp chế biến thủy sản đã đầu tư dây chuyền mới, đáp ứng yêu cầu xuất khẩu.",
    "Kinh phí sửa chữa các tuyến đường nông thôn bị hư hỏng sau mùa mưa chưa được bố trí đủ.",
    "Đội ngũ cán bộ người dân tộc Khmer được quan tâm đào tạo, bồi dưỡng và bố trí sử dụng.",
    "Các đảo và xã ven biển đã có điện lưới quốc gia, đời sống ngư dân từng bước được cải thiện.",
    "Ký túc xá cho học sinh người dân tộc ở xa được sửa chữa trước khi bước vào năm học mới.",
    "Nhiều gia đình sư sãi hoàn tục đã được hỗ trợ học nghề sửa chữa máy nông nghiệp.",
]

# the Cục under the ministry, 2011-2012
BANK_CUC = [
    "Cục đã tổng hợp số liệu từ các tỉnh, thành phố để phục vụ việc xây dựng báo cáo trình Bộ.",
    "Một số địa phương chưa bố trí cán bộ chuyên trách theo dõi kinh tế tập thể ở cấp huyện.",
    "Hồ sơ đề nghị công nhận xã đạt chuẩn nông thôn mới phải được lập đầy đủ theo mẫu hướng dẫn.",
    "Các đơn vị gửi báo cáo bằng văn bản và thư điện tử về Văn phòng Cục trước ngày hai mươi hằng tháng.",
    "Quỹ hỗ trợ phát triển hợp tác xã đã giải ngân cho các dự án chăn nuôi và chế biến nông sản.",
    "Kinh phí tổ chức các lớp tập huấn được bố trí từ nguồn sự nghiệp kinh tế của Cục.",
    "Nhiều hợp tác xã nông nghiệp chỉ còn làm dịch vụ thủy lợi, chưa tổ chức được tiêu thụ sản phẩm cho xã viên.",
    "Số trang trại đạt tiêu chí mới tăng nhanh ở các tỉnh đồng bằng sông Cửu Long và Tây Nguyên.",
    "Biểu mẫu thống kê cũ có nhiều chỉ tiêu trùng lặp, gây khó khăn cho cán bộ cấp xã khi tổng hợp.",
    "Các tổ hợp tác trồng rau an toàn ở ven đô thị hoạt động có hiệu quả, thu nhập của thành viên ổn định.",
    "Cán bộ quản lý hợp tác xã phần lớn chưa qua đào tạo về kế toán và quản trị kinh doanh.",
    "Cục đề nghị các Sở cử một lãnh đạo phụ trách và một chuyên viên làm đầu mối báo cáo.",
    "Việc giải thể các hợp tác xã chỉ còn trên danh nghĩa phải đúng trình tự, không để thất thoát tài sản chung.",
    "Số liệu năm nay cho thấy doanh thu bình quân của một hợp tác xã nông nghiệp tăng khoảng một phần năm.",
]

# a Khối of enterprises (coal companies), 2013-2014
BANK_KHOI = [
    "Các doanh nghiệp trong Khối đã ổn định việc làm cho người lao động, tiền lương bình quân tăng khá.",
    "Nhiều tổ chức cơ sở đảng trong công ty cổ phần còn lúng túng khi xác định nội dung lãnh đạo.",
    "Chi bộ đã phân công đảng viên phụ trách từng tổ sản xuất và từng ca làm việc.",
    "Số đảng viên mới kết nạp trong năm chủ yếu là công nhân trực tiếp sản xuất và kỹ sư trẻ.",
    "Các doanh nghiệp than phải hoàn nguyên môi trường các bãi thải đã dừng khai thác.",
    "Các đồng chí đảng ủy viên cần dự sinh hoạt thường xuyên tại các chi bộ được phân công theo dõi.",
    "Hằng quý, Thường trực Đảng ủy Khối nghe báo cáo tình hình sản xuất, kinh doanh của các công ty.",
    "Ở những công ty có nhiều ca kíp, chi bộ được phép sinh hoạt theo từng tổ đảng vào cuối ca.",
    "Một số bí thư chi bộ đồng thời là quản đốc phân xưởng nên ít thời gian chuẩn bị nội dung sinh hoạt.",
    "Tai nạn lao động trong hầm lò giảm so với cùng kỳ nhờ tăng cường kiểm tra an toàn đầu ca.",
    "Sau cổ phần hóa, một số doanh nghiệp chưa bố trí phòng làm việc và kinh phí cho hoạt động của đảng ủy.",
    "Công đoàn và đoàn thanh niên các công ty phối hợp tổ chức hội thao cho công nhân mỏ vào tháng Mười một.",
    "Việc lấy phiếu tín nhiệm cấp ủy viên trong doanh nghiệp được làm công khai, khách quan.",
    "Các chi bộ cần ghi biên bản sinh hoạt đầy đủ, lưu giữ cùng sổ nghị quyết của chi bộ.",
]

# a provincial Sở of natural resources, 2010-2011
BANK_SO = [
    "Đợt kiểm kê đất đai năm nay được thực hiện trên bản đồ địa chính dạng số ở toàn bộ các xã.",
    "Tình trạng lấn chiếm đất công, xây dựng trái phép trên đất nông nghiệp đã được xử lý kiên quyết.",
    "Đợt kiểm tra đã phát hiện một số giếng khoan khai thác nước dưới đất chưa có giấy phép.",
    "Việc lấy ý kiến nhân dân về phương án quy hoạch sử dụng đất được tổ chức công khai tại nhà văn hóa.",
    "Tài liệu của các phòng được chỉnh lý, lập hồ sơ và nộp vào lưu trữ cơ quan đúng thời hạn.",
    "Cán bộ địa chính xã chưa được đào tạo đầy đủ về sử dụng phần mềm quản lý hồ sơ địa chính.",
    "Các làng nghề tái chế kim loại và chế biến nông sản vẫn xả nước thải chưa qua xử lý ra kênh mương.",
    "Tiến độ cấp giấy chứng nhận quyền sử dụng đất ở cho các hộ gia đình còn chậm so với kế hoạch.",
    "Các điểm thu gom rác thải ở khu dân cư tập trung đã được bố trí lại, không còn ô nhiễm như trước.",
    "Số liệu kiểm kê phải được đối chiếu với hồ sơ giao đất, cho thuê đất của từng tổ chức.",
    "Một số doanh nghiệp trong khu công nghiệp chưa lập báo cáo đánh giá tác động môi trường theo quy định.",
    "Kinh phí đo đạc bản đồ được bố trí từ nguồn thu tiền sử dụng đất của tỉnh.",
    "Bãi chôn lấp rác của một số huyện đã đầy, cần sớm xây dựng khu xử lý tập trung.",
]

# a coastal commune of the Red River delta, 2002-2003
BANK_XA = [
    "Nghề làm muối và nuôi ngao ven biển mang lại nguồn thu đáng kể cho các hộ gia đình trong xã.",
    "Xóm đã vận động được các hộ hiến đất mở rộng đường liên xóm mà không phải bồi thường.",
    "Các hộ nuôi trồng thủy sản vùng bãi triều phải ký cam kết không lấn chiếm rừng ngập mặn.",
    "Vụ lúa mùa được mùa, nhiều hộ dành tiền sửa chữa nhà cửa và mua sắm máy cày nhỏ.",
    "Tuyến đê biển qua địa phận xã có nhiều đoạn xung yếu, cần huy động lực lượng tu bổ trước mùa mưa bão.",
    "Các chi bộ xóm duy trì sinh hoạt vào tối ngày mùng mười hằng tháng, tỷ lệ đảng viên dự họp đạt khá.",
    "Phong trào xây dựng gia đình văn hóa được các xóm hưởng ứng, số gia đình đạt danh hiệu tăng.",
    "Trạm y tế xã đã có y sĩ sản nhi, công tác dân số và kế hoạch hóa gia đình có tiến bộ.",
    "Một số đảng viên lớn tuổi còn nể nang, ngại phê bình trong sinh hoạt chi bộ.",
    "Hợp tác xã dịch vụ nông nghiệp đã làm tốt khâu cung ứng giống lúa và điều tiết nước tưới.",
    "Thu ngân sách xã chủ yếu từ đấu thầu đầm nuôi và quỹ đất công ích.",
    "Các dòng họ trong xã ký cam kết không để con cháu bỏ học, không tổ chức cưới hỏi linh đình.",
    "Đảng ủy giao cho các đồng chí đảng ủy viên phụ trách từng xóm theo dõi việc thực hiện nghị quyết.",
    "Lực lượng dân quân trực phòng chống lụt bão được huấn luyện cứu hộ trên biển.",
]

# each classified document has its own sentences and codename
SECRET_TV = [
    "Vị trí ba kho xăng dầu dự trữ theo kế hoạch mang mật danh TV-5148 chỉ được đánh dấu trên bản đồ do Thường vụ giữ.",
    "Dầu được chuyển từ cảng cá vào kho vào ban đêm, có dân quân người địa phương dẫn đường.",
    "Những người được biết kế hoạch này phải viết cam kết giữ bí mật và nộp cho đồng chí Bí thư.",
    "Số phuy dầu còn thiếu so với định mức sẽ được Tổng cục Hậu cần bù trong quý tới.",
    "Mọi sự cố cháy nổ hoặc mất mát ở các kho thuộc kế hoạch TV-5148 phải báo ngay bằng điện mật trong vòng hai giờ.",
]
SECRET_LC = [
    "Phương án bảo vệ bầu cử khu vực biên giới theo mật danh NM-0316 được giao riêng cho lực lượng vũ trang tỉnh.",
    "Các tổ bầu cử lưu động ở những bản giáp biên có công an xã và bộ đội biên phòng đi kèm.",
    "Danh sách đối tượng cần theo dõi trong thời gian bầu cử do Công an tỉnh lập và giữ.",
    "Theo phương án NM-0316, hòm phiếu của các khu vực xa được đưa về huyện bằng xe của đồn biên phòng sau ngày bỏ phiếu.",
    "Tình hình phức tạp phát sinh ở đâu phải được báo cáo ngay về Thường trực Tỉnh ủy qua đường dây riêng.",
]
SECRET_MH = [
    "Tuyến ghe buôn lậu hàng điện tử và vải từ vùng biển phía nam được theo dõi theo mật danh CM-4402.",
    "Một số cán bộ trạm kiểm soát đã nhận tiền để cho các ghe này cập bến vào ban đêm.",
    "Ban Thường vụ đề nghị Bộ Nội vụ cho tăng cường một tàu tuần tra trong hai tháng cuối năm.",
    "Hàng tịch thu trong đợt CM-4402 được nhập kho thương nghiệp, không được phân phối trước khi có quyết định xử lý.",
    "Các đồng chí có liên quan đến vụ việc tạm thời không tham gia đoàn kiểm tra của tỉnh.",
]
SECRET_KG = [
    "Kết quả diễn tập phương án phòng thủ biển đảo theo mật danh SB-7725 chỉ báo cáo lên Quân khu và Thường trực.",
    "Các điểm bố trí lực lượng trên đảo và tần số liên lạc được ghi trong phụ lục riêng, không kèm theo báo cáo này.",
    "Theo phương án SB-7725, hải đội dân quân thường trực đã được bổ sung thêm hai tàu vỏ thép hoạt động quanh năm.",
    "Việc sơ tán dân trên các đảo nhỏ khi có tình huống được tập dượt hai lần trong năm.",
    "Nhu cầu kinh phí còn thiếu được đề nghị bổ sung từ nguồn dự phòng ngân sách tỉnh.",
]

STYLE = dict(
    endings={
        "NQ": "Các cấp ủy, tổ chức đảng và đảng viên có trách nhiệm tổ chức thực hiện Nghị quyết này./.",
        "QĐi": "Quy định này có hiệu lực từ ngày ký; các chi bộ, đảng bộ trực thuộc thực hiện nghiêm./.",
        "CT": "Chỉ thị này được phổ biến đến chi bộ và đảng viên để thực hiện./.",
        "TT": "Các chi bộ nhận được Thông tri này cần bàn kế hoạch thực hiện ngay./.",
        "KH": "Các đơn vị căn cứ Kế hoạch xây dựng lịch cụ thể và báo cáo kết quả đúng thời hạn./.",
        "CTrHĐ": "Các cấp ủy trực thuộc cụ thể hóa Chương trình hành động này thành kế hoạch của cấp mình./.",
        "BC": "Trên đây là báo cáo của {org}, kính gửi các cơ quan cấp trên theo dõi, chỉ đạo./.",
        "HD": "Đề nghị các cấp ủy thực hiện theo Hướng dẫn; có vướng mắc phản ánh về {org}./.",
        "KL": "Các cơ quan tham mưu theo dõi, đôn đốc và định kỳ báo cáo kết quả thực hiện Kết luận./.",
        "TB": "{org} thông báo để các cơ quan, đơn vị biết, thực hiện./.",
        "ĐA": "Các cơ quan, đơn vị được giao nhiệm vụ xây dựng kế hoạch cụ thể để triển khai Đề án./.",
        "TTr": "Kính đề nghị cấp trên xem xét, phê duyệt./.",
        "CV": "Đề nghị các cơ quan, đơn vị triển khai thực hiện./.",
        "*": "Yêu cầu các cơ quan, đơn vị nghiêm túc triển khai./.",
    },
    heads={
        "NQ": ["I. ĐÁNH GIÁ TÌNH HÌNH", "II. QUAN ĐIỂM VÀ MỤC TIÊU", "III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU",
               "IV. TỔ CHỨC THỰC HIỆN"],
        "KH": ["I. MỤC ĐÍCH", "II. NỘI DUNG VÀ THỜI GIAN", "III. TRÁCH NHIỆM CỦA CÁC ĐƠN VỊ"],
        "CTrHĐ": ["I. MỤC TIÊU CHUNG", "II. NHIỆM VỤ VÀ GIẢI PHÁP CỤ THỂ", "III. TỔ CHỨC THỰC HIỆN"],
        "BC": ["I. KẾT QUẢ ĐẠT ĐƯỢC", "II. NHỮNG TỒN TẠI, YẾU KÉM", "III. PHƯƠNG HƯỚNG VÀ KIẾN NGHỊ"],
        "HD": ["1. Đối tượng và phạm vi", "2. Các bước tiến hành", "3. Chế độ báo cáo"],
        "ĐA": ["Phần I. THỰC TRẠNG", "Phần II. MỤC TIÊU, NHIỆM VỤ", "Phần III. GIẢI PHÁP VÀ KINH PHÍ"],
        "QĐi": ["Chương I. NHỮNG QUY ĐỊNH CHUNG", "Chương II. NỘI DUNG SINH HOẠT", "Chương III. TỔ CHỨC THỰC HIỆN"],
        "*": ["I. YÊU CẦU", "II. NỘI DUNG", "III. THỰC HIỆN"],
    },
    party_can_cu=["- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;"],
    exec_fmt="%s căn cứ Quyết định thi hành./.",
    exec_default="Các đồng chí có tên tại Điều 1 và các cơ quan liên quan",
    kinh_gui_default="Các đảng bộ, chi bộ cơ sở",
)


def per_page_mixed(cycle, wear=None, skew=None):
    """One file per page, the formats of `cycle` ((fmt, mode, dpi), …) used in turn."""
    plan = per_page([(f, m) for f, m, _ in cycle], wear, skew)

    def wrapped(seq):
        out = plan(seq)
        for k, f in enumerate(out):
            f["dpi"] = cycle[k % len(cycle)][2]
        return out
    return wrapped


def law_for(year):
    """The law on local government a State decision of `year` cites."""
    if year >= 2016:
        return "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;"
    if year >= 2004:
        return "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26/11/2003;"
    if year >= 1995:
        return "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 21/6/1994;"
    if year >= 1990:
        return "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 30/6/1989;"
    if year >= 1984:
        return "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 30-6-1983;"
    return "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban hành chính các cấp ngày 27-10-1962;"


def _state(*xet):
    return lambda year: [law_for(year)] + list(xet)


# ---- issuers ------------------------------------------------------------------------------

HU_CH = dict(fmt="party", superior=["ĐẢNG BỘ TỈNH TUYÊN QUANG"], lines=["HUYỆN ỦY CHIÊM HÓA"],
             full="Huyện ủy Chiêm Hóa", cap_tren="Đảng bộ tỉnh Tuyên Quang", abbr="HU", place="Chiêm Hóa",
             short="Huyện ủy", seal="HUYỆN ỦY CHIÊM HÓA * TỈNH TUYÊN QUANG *", qd_head="BAN THƯỜNG VỤ HUYỆN ỦY",
             noi_nhan=["- Ban Thường vụ Tỉnh ủy (để b/c),", "- Các đồng chí Huyện ủy viên,",
                       "- Các tổ chức cơ sở đảng,", "- Lưu Văn phòng Huyện ủy."])
UB_CH = dict(fmt="state", lines=["ỦY BAN NHÂN DÂN", "HUYỆN CHIÊM HÓA"], full="Ủy ban nhân dân huyện Chiêm Hóa",
             abbr="UBND", cv_abbr="UBND-VP", place="Chiêm Hóa", short="Ủy ban nhân dân huyện",
             seal="ỦY BAN NHÂN DÂN HUYỆN CHIÊM HÓA * TUYÊN QUANG *", qd_head="ỦY BAN NHÂN DÂN HUYỆN CHIÊM HÓA",
             can_cu=_state("Căn cứ Nghị quyết số 18-NQ/HU ngày 14/7/2006 của Ban Chấp hành Đảng bộ huyện;",
                           "Xét đề nghị của Trưởng phòng Nông nghiệp và Phát triển nông thôn huyện,"),
             noi_nhan=["- Như Điều 3;", "- Thường trực Huyện ủy;", "- Sở Nông nghiệp và PTNT;", "- Lưu: VT, NN."])
BTG_CH = dict(fmt="party", superior=["ĐẢNG BỘ TỈNH TUYÊN QUANG", "HUYỆN ỦY CHIÊM HÓA"], lines=["BAN TUYÊN GIÁO"],
              full="Ban Tuyên giáo Huyện ủy Chiêm Hóa", cap_tren="Huyện ủy Chiêm Hóa", abbr="BTGHU",
              place="Chiêm Hóa", short="Ban Tuyên giáo Huyện ủy", seal="BAN TUYÊN GIÁO HUYỆN ỦY CHIÊM HÓA *",
              qd_head="BAN TUYÊN GIÁO HUYỆN ỦY",
              noi_nhan=["- Ban Tuyên giáo Tỉnh ủy (b/c),", "- Thường trực Huyện ủy (b/c),",
                        "- Các đảng ủy xã, thị trấn,", "- Lưu BTG."])
HU_MV = dict(fmt="party", superior=["ĐẢNG BỘ TỈNH HÀ GIANG"], lines=["HUYỆN ỦY MÈO VẠC"], full="Huyện ủy Mèo Vạc",
             cap_tren="Đảng bộ tỉnh Hà Giang", abbr="HU", place="Mèo Vạc", short="Huyện ủy",
             seal="HUYỆN ỦY MÈO VẠC * TỈNH HÀ GIANG *", qd_head="BAN THƯỜNG VỤ HUYỆN ỦY",
             noi_nhan=["- Tỉnh ủy Hà Giang (b/c),", "- Các chi bộ, đảng bộ xã,", "- Lưu."])
UB_MV = dict(fmt="state", lines=["ỦY BAN NHÂN DÂN", "HUYỆN MÈO VẠC"], full="Ủy ban nhân dân huyện Mèo Vạc",
             abbr="UB", cv_abbr="UB", place="Mèo Vạc", short="Ủy ban nhân dân huyện",
             seal="ỦY BAN NHÂN DÂN HUYỆN MÈO VẠC * HÀ GIANG *", qd_head="ỦY BAN NHÂN DÂN HUYỆN MÈO VẠC",
             can_cu=_state("Theo đề nghị của Trưởng phòng Thương nghiệp huyện,"),
             noi_nhan=["- Như trên,", "- TT Huyện ủy,", "- Lưu VP."])
TU_TH = dict(fmt="party", lines=["TỈNH ỦY THUẬN HẢI"], full="Tỉnh ủy Thuận Hải", abbr="TU", place="Phan Thiết",
             short="Tỉnh ủy", seal="TỈNH ỦY THUẬN HẢI * ĐẢNG CỘNG SẢN VIỆT NAM *", qd_head="BAN THƯỜNG VỤ TỈNH ỦY",
             noi_nhan=["- Trung ương (để báo cáo),", "- Các huyện ủy, thị ủy,", "- Các ban, ngành tỉnh,",
                       "- Lưu Văn phòng."])
TU_TH_1976 = dict(TU_TH, seal="TỈNH ỦY THUẬN HẢI * ĐẢNG LAO ĐỘNG VIỆT NAM *",
                  noi_nhan=["- Ban Bí thư Trung ương,", "- Các đồng chí Tỉnh ủy viên,", "- Các huyện ủy, thị ủy,",
                            "- Lưu."])
UB_TH = dict(fmt="state", lines=["ỦY BAN NHÂN DÂN", "TỈNH THUẬN HẢI"], full="Ủy ban nhân dân tỉnh Thuận Hải",
             abbr="UB", cv_abbr="UB", place="Phan Thiết", short="Ủy ban nhân dân tỉnh",
             seal="ỦY BAN NHÂN DÂN TỈNH THUẬN HẢI *", qd_head="ỦY BAN NHÂN DÂN TỈNH THUẬN HẢI",
             can_cu=_state("Căn cứ Điều lệ hợp tác xã nghề cá;",
                           "Theo đề nghị của đồng chí Trưởng ty Thủy sản,"),
             noi_nhan=["- Như Điều 3,", "- Thường vụ Tỉnh ủy,", "- Ty Thủy sản,", "- Lưu."])
HU_BB = dict(fmt="party", superior=["ĐẢNG BỘ TỈNH THUẬN HẢI"], lines=["HUYỆN ỦY BẮC BÌNH"], full="Huyện ủy Bắc Bình",
             cap_tren="Đảng bộ tỉnh Thuận Hải", abbr="HU", place="Bắc Bình", short="Huyện ủy",
             seal="HUYỆN ỦY BẮC BÌNH * TỈNH THUẬN HẢI *", qd_head="BAN THƯỜNG VỤ HUYỆN ỦY",
             noi_nhan=["- Tỉnh ủy (b/c),", "- Các đảng ủy xã,", "- Lưu."])
TU_LC = dict(fmt="party", lines=["TỈNH ỦY LAI CHÂU"], full="Tỉnh ủy Lai Châu", abbr="TU", place="Lai Châu",
             short="Tỉnh ủy", seal="TỈNH ỦY LAI CHÂU * ĐẢNG CỘNG SẢN VIỆT NAM *", qd_head="BAN THƯỜNG VỤ TỈNH ỦY",
             noi_nhan=["- Ban Bí thư (b/c),", "- Các đồng chí Tỉnh ủy viên,", "- Các huyện ủy, thành ủy,",
                       "- Các sở, ban, ngành, đoàn thể tỉnh,", "- Lưu Văn phòng Tỉnh ủy."])
CUC = dict(fmt="state", superior=["BỘ NÔNG NGHIỆP", "VÀ PHÁT TRIỂN NÔNG THÔN"],
           lines=["CỤC KINH TẾ HỢP TÁC", "VÀ PHÁT TRIỂN NÔNG THÔN"],
           full="Cục Kinh tế hợp tác và Phát triển nông thôn", cap_tren="Bộ Nông nghiệp và Phát triển nông thôn",
           abbr="KTHT", cv_abbr="KTHT-HTX", place="Hà Nội", short="Cục Kinh tế hợp tác và Phát triển nông thôn",
           seal="CỤC KINH TẾ HỢP TÁC VÀ PHÁT TRIỂN NÔNG THÔN * BỘ NN VÀ PTNT *",
           qd_head="CỤC TRƯỞNG CỤC KINH TẾ HỢP TÁC VÀ PHÁT TRIỂN NÔNG THÔN",
           can_cu=lambda year: [
               "Căn cứ Quyết định số 1712/QĐ-BNN-TCCB ngày 03/6/2009 của Bộ trưởng Bộ Nông nghiệp và Phát triển "
               "nông thôn quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Cục;",
               "Xét đề nghị của Trưởng phòng Kinh tế hợp tác,"],
           noi_nhan=["- Như Điều 3;", "- Bộ trưởng (để b/c);", "- Các Thứ trưởng;", "- Lưu: VT, HTX."])
HDND_TV = dict(fmt="state", lines=["HỘI ĐỒNG NHÂN DÂN", "TỈNH TRÀ VINH"], full="Hội đồng nhân dân tỉnh Trà Vinh",
               abbr="HĐND", cv_abbr="HĐND", place="Trà Vinh", short="Hội đồng nhân dân tỉnh",
               seal="HỘI ĐỒNG NHÂN DÂN TỈNH TRÀ VINH *", qd_head="HỘI ĐỒNG NHÂN DÂN TỈNH TRÀ VINH",
               noi_nhan=["- Ủy ban Thường vụ Quốc hội;", "- Chính phủ;", "- Thường trực Tỉnh ủy;",
                         "- UBND tỉnh, UBMTTQ tỉnh;", "- Đại biểu HĐND tỉnh;", "- Lưu: VT."])
UB_TV = dict(fmt="state", lines=["ỦY BAN NHÂN DÂN", "TỈNH TRÀ VINH"], full="Ủy ban nhân dân tỉnh Trà Vinh",
             abbr="UBND", cv_abbr="UBND-KGVX", place="Trà Vinh", short="Ủy ban nhân dân tỉnh",
             seal="ỦY BAN NHÂN DÂN TỈNH TRÀ VINH *", qd_head="ỦY BAN NHÂN DÂN TỈNH TRÀ VINH",
             can_cu=_state("Xét đề nghị của Trưởng Ban Dân tộc tỉnh,"),
             noi_nhan=["- Thường trực HĐND tỉnh;", "- CT, các PCT UBND tỉnh;", "- Ban Dân tộc tỉnh;",
                       "- Sở Giáo dục và Đào tạo;", "- Lưu: VT, KGVX."])
DUK_QN = dict(fmt="party", superior=["ĐẢNG BỘ TỈNH QUẢNG NINH"], lines=["ĐẢNG ỦY KHỐI DOANH NGHIỆP"],
              full="Đảng ủy Khối Doanh nghiệp tỉnh Quảng Ninh", cap_tren="Đảng bộ tỉnh Quảng Ninh", abbr="ĐUK",
              place="Hạ Long", short="Đảng ủy Khối", seal="ĐẢNG ỦY KHỐI DOANH NGHIỆP * TỈNH QUẢNG NINH *",
              qd_head="BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI",
              noi_nhan=["- Thường trực Tỉnh ủy (b/c),", "- Ban Tổ chức Tỉnh ủy,", "- Các đảng bộ, chi bộ cơ sở,",
                        "- Lưu VP Đảng ủy Khối."])
HU_LN = dict(fmt="party", superior=["ĐẢNG BỘ TỈNH BẮC GIANG"], lines=["HUYỆN ỦY LỤC NGẠN"], full="Huyện ủy Lục Ngạn",
             cap_tren="Đảng bộ tỉnh Bắc Giang", abbr="HU", place="Lục Ngạn", short="Huyện ủy",
             seal="HUYỆN ỦY LỤC NGẠN * TỈNH BẮC GIANG *", qd_head="BAN THƯỜNG VỤ HUYỆN ỦY",
             noi_nhan=["- Thường trực Tỉnh ủy (b/c),", "- Các đảng bộ cơ sở,", "- Lưu VP."])
UBKT_LN = dict(fmt="party", superior=["ĐẢNG BỘ TỈNH BẮC GIANG", "HUYỆN ỦY LỤC NGẠN"], lines=["ỦY BAN KIỂM TRA"],
               full="Ủy ban Kiểm tra Huyện ủy Lục Ngạn", cap_tren="Huyện ủy Lục Ngạn", abbr="UBKTHU",
               place="Lục Ngạn", short="Ủy ban Kiểm tra Huyện ủy", seal="ỦY BAN KIỂM TRA HUYỆN ỦY LỤC NGẠN *",
               qd_head="ỦY BAN KIỂM TRA HUYỆN ỦY",
               noi_nhan=["- UBKT Tỉnh ủy (b/c),", "- Thường trực Huyện ủy (b/c),", "- Các đảng ủy xã,", "- Lưu UBKT."])
TU_MH = dict(fmt="party", lines=["TỈNH ỦY MINH HẢI"], full="Tỉnh ủy Minh Hải", abbr="TU", place="Minh Hải",
             short="Tỉnh ủy", seal="TỈNH ỦY MINH HẢI * ĐẢNG CỘNG SẢN VIỆT NAM *", qd_head="BAN THƯỜNG VỤ TỈNH ỦY",
             noi_nhan=["- Ban Bí thư TW (b/c),", "- Các huyện ủy, thị ủy,", "- Các ngành tỉnh,", "- Lưu."])
UB_MH = dict(fmt="state", lines=["ỦY BAN NHÂN DÂN", "TỈNH MINH HẢI"], full="Ủy ban nhân dân tỉnh Minh Hải",
             abbr="UB", cv_abbr="UB", place="Minh Hải", short="Ủy ban nhân dân tỉnh",
             seal="ỦY BAN NHÂN DÂN TỈNH MINH HẢI *", qd_head="ỦY BAN NHÂN DÂN TỈNH MINH HẢI",
             can_cu=_state("Xét đề nghị của đồng chí Giám đốc Sở Thủy sản,"),
             noi_nhan=["- Như Điều 3,", "- TT Tỉnh ủy,", "- Sở Thủy sản,", "- Lưu."])
HU_VLOI = dict(fmt="party", superior=["ĐẢNG BỘ TỈNH MINH HẢI"], lines=["HUYỆN ỦY VĨNH LỢI"], full="Huyện ủy Vĩnh Lợi",
               cap_tren="Đảng bộ tỉnh Minh Hải", abbr="HU", place="Vĩnh Lợi", short="Huyện ủy",
               seal="HUYỆN ỦY VĨNH LỢI * TỈNH MINH HẢI *", qd_head="BAN THƯỜNG VỤ HUYỆN ỦY",
               noi_nhan=["- Tỉnh ủy (b/c),", "- Các chi bộ, đảng bộ cơ sở,", "- Lưu."])
TU_KG = dict(fmt="party", lines=["TỈNH ỦY KIÊN GIANG"], full="Tỉnh ủy Kiên Giang", abbr="TU", place="Rạch Giá",
             short="Tỉnh ủy", seal="TỈNH ỦY KIÊN GIANG * ĐẢNG CỘNG SẢN VIỆT NAM *", qd_head="BAN THƯỜNG VỤ TỈNH ỦY",
             noi_nhan=["- Ban Bí thư (b/c),", "- Các đồng chí Tỉnh ủy viên,", "- Các huyện ủy, thành ủy,",
                       "- Lưu Văn phòng Tỉnh ủy."])
BTC_KG = dict(fmt="party", superior=["TỈNH ỦY KIÊN GIANG"], lines=["BAN TỔ CHỨC"], full="Ban Tổ chức Tỉnh ủy Kiên Giang",
              cap_tren="Tỉnh ủy Kiên Giang", abbr="BTCTU", place="Rạch Giá", short="Ban Tổ chức Tỉnh ủy",
              seal="BAN TỔ CHỨC TỈNH ỦY KIÊN GIANG *", qd_head="BAN TỔ CHỨC TỈNH ỦY",
              noi_nhan=["- Thường trực Tỉnh ủy (b/c),", "- Các huyện ủy, thành ủy,", "- Đảng ủy Khối,", "- Lưu BTC."])
STN_HY = dict(fmt="state", superior=["UBND TỈNH HƯNG YÊN"], lines=["SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG"],
              full="Sở Tài nguyên và Môi trường tỉnh Hưng Yên", cap_tren="Ủy ban nhân dân tỉnh Hưng Yên",
              abbr="STNMT", cv_abbr="STNMT-ĐĐ", place="Hưng Yên", short="Sở Tài nguyên và Môi trường",
              seal="SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG * TỈNH HƯNG YÊN *", qd_head="GIÁM ĐỐC SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG",
              can_cu=lambda year: [
                  "Căn cứ Quyết định số 2214/QĐ-UBND ngày 18/12/2008 của UBND tỉnh quy định chức năng, nhiệm vụ, "
                  "quyền hạn của Sở Tài nguyên và Môi trường;",
                  "Xét đề nghị của Chánh Thanh tra Sở,"],
              noi_nhan=["- Như Điều 3;", "- UBND tỉnh (để b/c);", "- Lãnh đạo Sở;", "- Lưu: VT, TTr."])
DU_GL = dict(fmt="party", superior=["ĐẢNG BỘ HUYỆN GIAO THỦY"], lines=["ĐẢNG ỦY XÃ GIAO LẠC"], full="Đảng ủy xã Giao Lạc",
             cap_tren="Đảng bộ huyện Giao Thủy", abbr="ĐU", place="Giao Lạc", short="Đảng ủy xã",
             seal="ĐẢNG ỦY XÃ GIAO LẠC * HUYỆN GIAO THỦY *", qd_head="BAN THƯỜNG VỤ ĐẢNG ỦY",
             noi_nhan=["- Huyện ủy Giao Thủy (b/c),", "- Các chi bộ trực thuộc,", "- Lưu VP Đảng ủy."])
CB_X5 = dict(fmt="party", superior=["ĐẢNG BỘ XÃ GIAO LẠC"], lines=["CHI BỘ XÓM 5"], full="Chi bộ xóm 5",
             cap_tren="Đảng bộ xã Giao Lạc", abbr="CB", place="Giao Lạc", short="Chi bộ",
             seal=None, qd_head="CHI BỘ XÓM 5",
             noi_nhan=["- Đảng ủy xã (b/c),", "- Đảng viên trong chi bộ,", "- Lưu."])


# ---- signers: the innermost authority line gives `tham_quyen` ----------------------------

def S(name, chuc_vu, auth=None):
    s = signer(name, chuc_vu, auth)
    if auth:
        a = auth[-1]
        s["code"] = "T/M" if a.startswith(("T/M", "TM.")) else "K/T" if a.startswith(("K/T", "KT.")) else "T/L"
    return s


CH_BT = S("Ma Đình Quyết", "BÍ THƯ", ["T/M BAN CHẤP HÀNH"])
CH_CVP = S("Quan Văn Thỏa", "CHÁNH VĂN PHÒNG", ["T/L BAN THƯỜNG VỤ"])
UBCH_PCT = S("Chẩu Thị Nhung", "PHÓ CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"])
BTG_PTB = S("Lục Văn Pấu", "PHÓ TRƯỞNG BAN", ["K/T TRƯỞNG BAN"])
MV_BT = S("Thào Mí Dế", "BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
MV_PBT = S("Cù Đức Lượng", "PHÓ BÍ THƯ", ["K/T BÍ THƯ"])
UBMV_CT = S("Vàng Seo Pà", "CHỦ TỊCH", ["T/M ỦY BAN NHÂN DÂN"])
TH_BT = S("Nhâm Văn Cừ", "BÍ THƯ", ["T/M TỈNH ỦY"])
TH_PBT = S("Hứa Quang Đẩu", "PHÓ BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
UBTH_PCT = S("Tiết Văn Xuân", "PHÓ CHỦ TỊCH", ["T/M ỦY BAN NHÂN DÂN TỈNH THUẬN HẢI", "K/T CHỦ TỊCH"])
BB_BT = S("Thập Văn Sứ", "BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
LC_BT_TU = S("Tòng Văn Ún", "BÍ THƯ", ["T/M TỈNH ỦY"])
LC_BT = S("Tòng Văn Ún", "BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
LC_PBT = S("Lường Thị Xuyến", "PHÓ BÍ THƯ", ["K/T BÍ THƯ"])
LC_PCVP = S("Điêu Chính Thoong", "PHÓ CHÁNH VĂN PHÒNG", ["T/L BAN THƯỜNG VỤ"])
CUC_CT = S("Khổng Minh Tuệ", "CỤC TRƯỞNG")
CUC_PCT = S("Y Tlang Knul", "PHÓ CỤC TRƯỞNG", ["KT. CỤC TRƯỞNG"])
HDND_CT = S("Kim Ngọc Sóc", "CHỦ TỊCH")
UBTV_CT = S("Diệp Thành Lũy", "CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN"])
UBTV_PCT = S("Sơn Thị Ka Ly", "PHÓ CHỦ TỊCH", ["KT. CHỦ TỊCH"])
UBTV_PCT2 = S("Mẫn Quốc Khải", "PHÓ CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"])
DUK_BT = S("Bạch Ngọc Trâm", "BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
DUK_PBT = S("Sầm Văn Điệp", "PHÓ BÍ THƯ", ["K/T BÍ THƯ"])
LN_BT = S("Vi Văn Nhình", "BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
LN_PBT = S("Lăng Thị Mìn", "PHÓ BÍ THƯ", ["K/T BÍ THƯ"])
UBKT_LN_CN = S("Chu Văn Thèn", "CHỦ NHIỆM", ["T/M ỦY BAN KIỂM TRA"])
UBMH_PCT = S("Lã Văn Tấn", "PHÓ CHỦ TỊCH", ["T/M ỦY BAN NHÂN DÂN TỈNH", "K/T CHỦ TỊCH"])
MH_BT = S("Ứng Văn Bảy", "BÍ THƯ", ["T/M TỈNH ỦY"])
MH_PBT = S("Quách Văn Được", "PHÓ BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
VLOI_BT = S("Lâm Sà Khên", "BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
KG_BT_TU = S("Âu Thanh Triết", "BÍ THƯ", ["T/M TỈNH ỦY"])
KG_BT = S("Âu Thanh Triết", "BÍ THƯ", ["T/M BAN THƯỜNG VỤ"])
KG_PTB = S("Lý Thị Sa Vơn", "PHÓ TRƯỞNG BAN", ["K/T TRƯỞNG BAN"])
KG_CVP = S("Tăng Quốc Bửu", "CHÁNH VĂN PHÒNG", ["T/L BAN THƯỜNG VỤ"])
STN_GD = S("Chử Đức Khang", "GIÁM ĐỐC")
STN_PGD = S("Nghiêm Thị Loan Anh", "PHÓ GIÁM ĐỐC", ["KT. GIÁM ĐỐC"])
GL_BT = S("Cấn Văn Tuyển", "BÍ THƯ", ["T/M ĐẢNG ỦY"])
GL_PBT = S("Đồng Văn Khởi", "PHÓ BÍ THƯ", ["K/T BÍ THƯ"])
X5_BT = S("Yên Thị Mận", "BÍ THƯ", ["T/M CHI BỘ"])


# ---- bodies written out in full -----------------------------------------------------------

HDND_BODY = [
    ("c", "HỘI ĐỒNG NHÂN DÂN TỈNH TRÀ VINH"),
    ("c", "KHÓA VII - KỲ HỌP THỨ 20"),
    ("i", "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26/11/2003;"),
    ("i", "Căn cứ Luật Ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân, Ủy ban nhân dân ngày "
          "03/12/2004;"),
    ("i", "Xét Tờ trình số 88/TTr-UBND ngày 22/6/2009 của Ủy ban nhân dân tỉnh về việc đề nghị ban hành chính "
          "sách hỗ trợ học sinh, sinh viên dân tộc Khmer; Báo cáo thẩm tra của Ban Dân tộc Hội đồng nhân dân tỉnh "
          "và ý kiến của đại biểu Hội đồng nhân dân tỉnh tại kỳ họp,"),
    ("c", "QUYẾT NGHỊ:"),
    ("p", "Điều 1. Hỗ trợ mỗi học sinh người dân tộc Khmer học tại các trường phổ thông dân tộc nội trú và "
          "trường trung học phổ thông trên địa bàn tỉnh một khoản tiền ăn hằng tháng trong chín tháng của năm học."),
    ("p", "Sinh viên người dân tộc Khmer có hộ khẩu thường trú tại tỉnh, học hệ chính quy tại các trường cao "
          "đẳng, đại học được hỗ trợ một lần tiền học phí cho mỗi năm học, theo mức do Ủy ban nhân dân tỉnh quy định."),
    ("p", "Điều 2. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này; hằng năm báo cáo kết quả tại kỳ "
          "họp cuối năm của Hội đồng nhân dân tỉnh."),
    ("p", "Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân và đại biểu Hội đồng nhân dân tỉnh "
          "giám sát việc thực hiện Nghị quyết."),
    ("p", "Điều 3. Nghị quyết này đã được Hội đồng nhân dân tỉnh Trà Vinh khóa VII, kỳ họp thứ 20 thông qua "
          "ngày 10 tháng 7 năm 2009 và có hiệu lực sau mười ngày kể từ ngày thông qua./."),
]


def documents():
    D = Maker(PART, BANK_NORTH, STYLE)
    p = Plan()
    hoso = p.hoso

    # s01: Huyện ủy Chiêm Hóa (Tuyên Quang), 2006-2007: a Nghị quyết of the Ban Chấp hành (type name
    # + "CỦA BAN CHẤP HÀNH …" line) whose closing stands alone on its last page, at once followed by a
    # State decision signed TM. / KT. / PHÓ CHỦ TỊCH; a three-line Ban Tuyên giáo header with a
    # receipt stamp; one bilevel G4 file at 300 dpi
    hoso("hs-01-chiem-hoa-2007", one_file("chiem-hoa.tif", "g4", "1",
                                          wear={2: ["noise"], 4: ["salt_pepper"], 7: ["noise"], 11: ["faded"]},
                                          skew={1: -0.6, 3: 0.9, 5: -1.2, 8: 0.5, 10: 1.6, 12: -0.4}), [
        D(HU_CH, "NQ", 18, (2006, 7, 14), "về phát triển rừng sản xuất gắn với chế biến gỗ rừng trồng giai đoạn "
          "2006 - 2010", CH_BT, "p-ofbody", "DejaVu Serif", 9, of_line="CỦA BAN CHẤP HÀNH ĐẢNG BỘ HUYỆN",
          closing="ownpage", bank=BANK_NORTH),
        D(UB_CH, "QĐ", 1126, (2006, 8, 3), "về việc thành lập Ban Chỉ đạo phát triển rừng sản xuất huyện Chiêm Hóa",
          UBCH_PCT, "s-nd30-double", "Liberation Serif", 3, date_style="padded", seal_at="title",
          extra=dict(executors="Chánh Văn phòng HĐND và UBND huyện, Trưởng phòng Nông nghiệp và PTNT, Hạt trưởng "
                               "Hạt Kiểm lâm và các ông, bà có tên tại Điều 1")),
        D(BTG_CH, "HD", 7, (2007, 3, 2), "tuyên truyền kỷ niệm 60 năm Ngày Thương binh - Liệt sĩ trên địa bàn huyện",
          BTG_PTB, "p-three", "FreeSerif", 6, stamp=stamp("ĐẢNG ỦY XÃ VINH QUANG", "35", "08/3/2007")),
        D(HU_CH, "TB", 95, (2007, 10, 22), "kết luận của Thường trực Huyện ủy về tiến độ xây dựng nhà bán trú cho "
          "học sinh các xã vùng sâu", CH_CVP, "p-hd36", "DejaVu Serif", 3,
          notes=[(1, note("Sao gửi các chi bộ trường học", x=1380, y=140, angle=2))]),
    ])

    # s02: Huyện ủy and UBND Mèo Vạc (Hà Giang), typewritten 1993-1996; gray JPEG per page, 200 dpi
    hoso("hs-02-meo-vac-1995", per_page([("jpeg", "L")], wear={1: ["aged_paper"], 3: ["faded"], 4: ["aged_paper", "faded", "blur"], 5: ["blur"]},
                                        skew={1: 1.1, 2: -0.8, 4: 1.9, 6: -0.5}, dpi=200), [
        D(HU_MV, "BC", 41, (1993, 12, 20), "tình hình thực hiện nhiệm vụ năm 1993 và phương hướng năm 1994", MV_BT,
          "p-typed", "Liberation Mono", 4, date_style="dashed"),
        D(UB_MV, "CV", 86, (1994, 4, 11), "cấp phát muối i-ốt và dầu hỏa cho các xã vùng cao", UBMV_CT, "s-typed",
          "Liberation Mono", 2, date_style="dashed", extra=dict(kinh_gui="Ủy ban nhân dân các xã"),
          noi_nhan=["- Như trên,", "- Phòng Thương nghiệp,", "- Lưu."]),
        D(HU_MV, "CT", 9, (1995, 2, 8), "về vận động đồng bào định canh, định cư và bảo vệ rừng đầu nguồn", MV_PBT,
          "p-typed", "Liberation Mono", 3, date_style="words",
          notes=[(1, note("Đã phổ biến 20/2", x=1700, y=3350, angle=4, size=54, underline=True))]),
        D(HU_MV, "TT", 4, (1996, 6, 5), "về chuẩn bị đại hội chi bộ các thôn bản nhiệm kỳ 1996 - 1998", MV_BT,
          "p-typed", "FreeMono", 2, date_style="dashed"),
    ])

    # s03: Tỉnh ủy, UBND and a Huyện ủy of Thuận Hải, typewritten 1976-1983: a 1976 Nghị quyết under
    # ĐẢNG LAO ĐỘNG VIỆT NAM with `Nơi gửi:` under the signature; a decision signed T/M … / K/T CHỦ
    # TỊCH; one TỐI MẬT report (black frame); gray image-only PDF at 200 dpi
    hoso("hs-03-thuan-hai-1979", one_file("thuan-hai.pdf", "pdf", "L",
                                          wear={1: ["aged_paper"], 2: ["faded"], 4: ["noise"], 6: ["aged_paper", "blur"],
                                                8: ["faded"]},
                                          skew={1: -1.4, 3: 0.8, 5: 2.1, 7: -0.9}, dpi=200), [
        D(TU_TH_1976, "NQ", 8, (1976, 9, 15), "về nhiệm vụ ổn định đời sống và khôi phục sản xuất những tháng cuối "
          "năm 1976", TH_BT, "p-typed-ldvn", "FreeMono", 7, date_style="dashed", bank=BANK_OLD),
        D(UB_TH, "QĐ", 412, (1979, 5, 28), "về việc thành lập hợp tác xã nghề cá Phước Thể", UBTH_PCT,
          "s-typed-double", "Noto Mono", 2, date_style="words", bank=BANK_OLD,
          extra=dict(executors="Chánh Văn phòng Ủy ban nhân dân tỉnh, Trưởng ty Thủy sản, Chủ tịch Ủy ban nhân dân "
                               "huyện Tuy Phong")),
        D(TU_TH, "BC", 58, (1982, 11, 3), "tình hình dự trữ xăng dầu và bảo đảm vận chuyển ven biển", TH_PBT,
          "p-typed-left", "Noto Mono", 2, date_style="dashed", do_mat="TỐI MẬT", mark_colour="black",
          codename="TV-5148", bank=SECRET_TV),
        D(HU_BB, "TB", 21, (1983, 10, 17), "về việc kiện toàn ban chấp hành các đoàn thể ở các xã đồng bào Chăm",
          BB_BT, "p-typed", "FreeMono", 2, date_style="dashed", bank=BANK_OLD),
    ])

    # s04: Tỉnh ủy Lai Châu 2016-2017: a Chương trình hành động, a MẬT + KHẨN plan (red marks), a
    # Kết luận "CỦA BAN THƯỜNG VỤ TỈNH ỦY", a notice signed T/L by the deputy head of the office;
    # colour JPEG per page at 200 dpi
    hoso("hs-04-tinh-uy-lai-chau-2016", per_page([("jpeg", "RGB")], wear={2: ["noise"], 5: ["faded"]},
                                                 skew={1: 0.4, 3: -0.9, 4: 0.7, 6: -0.3}, dpi=200), [
        D(TU_LC, "CTrHĐ", 12, (2016, 1, 25), "thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh nhiệm kỳ "
          "2015 - 2020", LC_BT_TU, "p-hd36", "Noto Serif Display", 9, seal_at="name"),
        D(TU_LC, "KH", 140, (2016, 3, 9), "bảo đảm an ninh, trật tự khu vực biên giới trong thời gian tổ chức bầu "
          "cử năm 2016", LC_PBT, "p-inline", "Noto Serif Display", 4, do_mat="MẬT", do_khan="KHẨN", mark_colour="red",
          codename="NM-0316", bank=SECRET_LC),
        D(TU_LC, "KL", 58, (2017, 5, 16), "về phát triển cây mắc ca và cây quế trên địa bàn tỉnh", LC_BT, "p-ofbody",
          "Noto Serif Display", 3, of_line="CỦA BAN THƯỜNG VỤ TỈNH ỦY", seal_at="name"),
        D(TU_LC, "TB", 1042, (2017, 8, 30), "lịch làm việc của Thường trực Tỉnh ủy tháng 9 năm 2017", LC_PCVP,
          "p-hd36", "Noto Serif Display", 1),
    ])

    # s05: a Cục under the Ministry of Agriculture 2011-2012: two-line ministry over a two-line Cục; a
    # decision with its attached QUY ĐỊNH, a công văn signed by an Ê Đê deputy head with a receipt
    # stamp of a provincial Sở; gray PNG per page at 200 dpi
    hoso("hs-05-cuc-kinh-te-hop-tac-2012", per_page([("png", "L")], wear={3: ["salt_pepper"]},
                                                    skew={1: 0.3, 2: -0.5, 4: 0.8, 5: -0.2}, dpi=200), [
        D(CUC, "QĐ", 215, (2011, 6, 20), "ban hành Quy định về chế độ báo cáo thống kê kinh tế hợp tác", CUC_CT,
          "s-ministry", "Noto Serif", 1, date_style="padded", bank=BANK_CUC,
          extra=dict(articles=["Ban hành kèm theo Quyết định này Quy định về chế độ báo cáo thống kê kinh tế hợp tác "
                               "áp dụng đối với Sở Nông nghiệp và Phát triển nông thôn các tỉnh, thành phố.",
                               "Quyết định này có hiệu lực kể từ ngày ký."],
                     executors="Chánh Văn phòng Cục, Trưởng các phòng thuộc Cục và Giám đốc Sở Nông nghiệp và Phát "
                               "triển nông thôn các tỉnh, thành phố"),
          attachment=dict(kind="QUY ĐỊNH", title_lines=["QUY ĐỊNH"], sub_lines=[
              "Chế độ báo cáo thống kê kinh tế hợp tác",
              "(Ban hành kèm theo Quyết định số 215/QĐ-KTHT ngày 20/6/2011",
              "của Cục trưởng Cục Kinh tế hợp tác và Phát triển nông thôn)"],
              body=[("h", "Chương I. QUY ĐỊNH CHUNG"),
                    ("p", "Điều 1. Quy định này áp dụng cho việc báo cáo số lượng, kết quả hoạt động của hợp tác xã, "
                          "tổ hợp tác và trang trại trên địa bàn các tỉnh, thành phố."),
                    ("p", "Điều 2. Báo cáo được lập theo các biểu mẫu thống nhất, có chữ ký của thủ trưởng và dấu "
                          "của cơ quan báo cáo."),
                    ("h", "Chương II. KỲ HẠN VÀ THỜI HẠN BÁO CÁO"),
                    ("p", "Điều 3. Báo cáo sáu tháng gửi trước ngày 15 tháng 7; báo cáo năm gửi trước ngày 15 "
                          "tháng 01 của năm sau."),
                    ("p", "Điều 4. Cục tổng hợp số liệu của cả nước và công bố trong báo cáo thường niên về kinh "
                          "tế hợp tác.")])),
        D(CUC, "CV", 512, (2012, 4, 5), "hướng dẫn đánh giá, phân loại hợp tác xã nông nghiệp năm 2011", CUC_PCT,
          "s-ministry", "Noto Serif", 2, bank=BANK_CUC,
          extra=dict(kinh_gui="Sở Nông nghiệp và PTNT các tỉnh, thành phố"),
          noi_nhan=["- Như trên;", "- Cục trưởng (để b/c);", "- Lưu: VT, HTX."],
          stamp=stamp("SỞ NN-PTNT TIỀN GIANG", "906", "10/4/2012")),
        D(CUC, "BC", 94, (2012, 12, 14), "tổng kết công tác năm 2012 và kế hoạch năm 2013 của Cục", CUC_CT,
          "s-ministry", "Noto Serif", 4, bank=BANK_CUC, seal_at="title"),
    ])

    # s06: HĐND and UBND tỉnh Trà Vinh 2009: the Tờ trình, the HĐND Nghị quyết with its session block
    # and Khmer Chủ tịch, the UBND plan with a PHỤ LỤC, a công văn signed TM. / KT. CHỦ TỊCH; colour
    # image-only PDF at 200 dpi
    hoso("hs-06-hdnd-tra-vinh-2009", one_file("tra-vinh.pdf", "pdf", "RGB",
                                              wear={2: ["noise"], 5: ["faded"], 8: ["noise"]},
                                              skew={1: 0.3, 3: -0.7, 6: 0.9, 9: -0.4}, dpi=200), [
        D(UB_TV, "TTr", 88, (2009, 6, 22), "về việc đề nghị ban hành chính sách hỗ trợ học sinh, sinh viên dân tộc "
          "Khmer", UBTV_PCT, "s-nd30", "Liberation Serif", 3, bank=BANK_SOUTH,
          extra=dict(kinh_gui="Hội đồng nhân dân tỉnh Trà Vinh"),
          noi_nhan=["- Như trên;", "- Thường trực Tỉnh ủy;", "- Ban Dân tộc HĐND tỉnh;", "- Lưu: VT, KGVX."]),
        D(HDND_TV, "NQ", 15, (2009, 7, 10), "về việc hỗ trợ học sinh, sinh viên người dân tộc Khmer giai đoạn "
          "2009 - 2015", HDND_CT, "s-hdnd", "Liberation Serif", 1, body=HDND_BODY, seal_at="name"),
        D(UB_TV, "KH", 145, (2009, 9, 4), "triển khai Nghị quyết của Hội đồng nhân dân tỉnh về hỗ trợ học sinh, "
          "sinh viên người dân tộc Khmer", UBTV_CT, "s-below", "FreeSerif", 3, bank=BANK_SOUTH,
          notes=[(1, note("Chuyển Sở GD-ĐT, BDT", x=1450, y=150, angle=-2))],
          attachment=dict(kind="PHỤ LỤC", title_lines=["PHỤ LỤC"], sub_lines=[
              "PHÂN CÔNG THỰC HIỆN KẾ HOẠCH",
              "(Kèm theo Kế hoạch số 145/KH-UBND ngày 04/9/2009 của UBND tỉnh)"],
              body=[("l", "1. Ban Dân tộc tỉnh: lập danh sách học sinh, sinh viên được hỗ trợ."),
                    ("l", "2. Sở Giáo dục và Đào tạo: xác nhận học sinh đang học tại các trường."),
                    ("l", "3. Sở Tài chính: thẩm định dự toán, cấp kinh phí theo từng học kỳ."),
                    ("l", "4. UBND các huyện, thành phố: chi trả trực tiếp cho gia đình học sinh."),
                    ("l", "5. Các chùa Khmer: phối hợp vận động học sinh đi học đều.")])),
        D(UB_TV, "CV", 3021, (2009, 11, 18), "báo cáo số học sinh được hỗ trợ học kỳ I năm học 2009 - 2010",
          UBTV_PCT2, "s-nd30-double", "FreeSerif", 1, bank=BANK_SOUTH,
          extra=dict(kinh_gui="Ủy ban nhân dân các huyện, thành phố"),
          noi_nhan=["- Như trên;", "- Ban Dân tộc tỉnh;", "- Lưu: VT."]),
    ])

    # s07: Đảng ủy Khối Doanh nghiệp tỉnh Quảng Ninh 2013-2014: an Đề án with a title page and its PHỤ
    # LỤC, a Quy định, a notice without a closing block; colour image-only PDF at 200 dpi
    hoso("hs-07-dang-uy-khoi-doanh-nghiep-2014", one_file("duk-quang-ninh.pdf", "pdf", "RGB",
                                                          wear={3: ["noise"], 6: ["faded"]},
                                                          skew={1: 0.2, 2: -0.6, 5: 0.5, 8: -1.0}, dpi=200), [
        D(DUK_QN, "ĐA", 4, (2013, 9, 12), "nâng cao năng lực lãnh đạo của tổ chức cơ sở đảng trong các công ty cổ "
          "phần giai đoạn 2013 - 2018", DUK_BT, "p-titlepage", "Noto Sans Display", 9, bank=BANK_KHOI,
          title_foot="Hạ Long, tháng 9 năm 2013",
          attachment=dict(kind="PHỤ LỤC", title_lines=["PHỤ LỤC"], sub_lines=[
              "CÁC CHỈ TIÊU CỦA ĐỀ ÁN",
              "(Kèm theo Đề án số 4-ĐA/ĐUK, ngày 12/9/2013 của Đảng ủy Khối)"],
              body=[("l", "1. Chín mươi phần trăm chi bộ trong công ty cổ phần sinh hoạt đủ mười hai kỳ mỗi năm."),
                    ("l", "2. Mỗi năm kết nạp ít nhất một trăm hai mươi đảng viên mới là công nhân."),
                    ("l", "3. Đến năm 2018, mọi công ty có vốn nhà nước chi phối đều có tổ chức đảng."),
                    ("l", "4. Không để tổ chức cơ sở đảng xếp loại yếu kém hai năm liền.")])),
        D(DUK_QN, "QĐi", 9, (2014, 2, 24), "về chế độ sinh hoạt định kỳ của chi bộ trong các công ty than", DUK_PBT,
          "p-compact", "Noto Sans", 3, bank=BANK_KHOI),
        D(DUK_QN, "TB", 67, (2014, 11, 5), "phân công đảng ủy viên phụ trách các đảng bộ, chi bộ cơ sở", None,
          "p-compact", "Noto Sans", 1, bank=BANK_KHOI),
    ])

    # s08: Huyện ủy and its Ủy ban Kiểm tra, Lục Ngạn (Bắc Giang), 1997-1999; a typewritten Nghị
    # quyết and two printed papers; gray LZW TIFF at 200 dpi
    hoso("hs-08-luc-ngan-1998", one_file("luc-ngan.tif", "lzw", "L",
                                         wear={1: ["aged_paper"], 3: ["noise"]},
                                         skew={1: -0.8, 2: 1.2, 4: -0.3}, dpi=200), [
        D(HU_LN, "NQ", 5, (1997, 11, 20), "về phát triển vùng vải thiều hàng hóa đến năm 2000", LN_BT,
          "p-typed-elite", "Noto Sans Mono", 4, date_style="dashed"),
        D(UBKT_LN, "KL", 12, (1998, 8, 7), "kết quả kiểm tra việc chấp hành nguyên tắc tập trung dân chủ ở một số "
          "đảng ủy xã", UBKT_LN_CN, "p-three", "DejaVu Serif Condensed", 3,
          stamp=stamp("ĐẢNG ỦY XÃ PHƯỢNG SƠN", "12", "11/8/1998")),
        D(HU_LN, "TTr", 31, (1999, 3, 15), "đề nghị bổ sung quy hoạch cán bộ diện Ban Thường vụ Tỉnh ủy quản lý",
          LN_PBT, "p-below", "DejaVu Serif Condensed", 1, extra=dict(kinh_gui="Ban Thường vụ Tỉnh ủy Bắc Giang"),
          noi_nhan=["- Như trên,", "- Ban Tổ chức Tỉnh ủy,", "- Lưu VP."]),
    ])

    # s09: Tỉnh ủy, UBND and a Huyện ủy of Minh Hải, typewritten 1986-1989: a decision signed
    # T/M … TỈNH / K/T CHỦ TỊCH; one MẬT + THƯỢNG KHẨN report (black frames); one G4 file with a
    # blank back and a page upside down
    hoso("hs-09-tinh-uy-minh-hai-1987", one_file("minh-hai.tif", "g4", "1",
                                                 wear={1: ["photocopy"], 3: ["faded"], 5: ["photocopy", "punch_holes"],
                                                       7: ["salt_pepper"], 9: ["noise"], "upside": (8,)},
                                                 skew={1: 1.3, 2: -2.3, 4: 0.6, 6: -1.0, 9: 1.8}), [
        D(UB_MH, "QĐ", 227, (1986, 6, 18), "về việc giao chỉ tiêu khoán sản phẩm nuôi tôm cho các nông trường",
          UBMH_PCT, "s-typed-double", "FreeMono", 2, date_style="dashed", bank=BANK_OLD,
          extra=dict(executors="Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Thủy sản, Giám đốc các nông trường "
                               "có tên tại Điều 1")),
        D(TU_MH, "CT", 2, (1987, 1, 12), "về lãnh đạo cuộc bầu cử đại biểu Quốc hội khóa VIII", MH_BT,
          "p-typed-left", "Noto Mono", 3, date_style="words", bank=BANK_OLD),
        D(TU_MH, "BC", 77, (1988, 9, 27), "tình hình ghe thuyền buôn lậu trên vùng biển của tỉnh", MH_PBT,
          "p-typed-left", "Noto Mono", 2, date_style="dashed", do_mat="MẬT", do_khan="THƯỢNG KHẨN",
          mark_colour="black", codename="CM-4402", bank=SECRET_MH),
        D(HU_VLOI, "NQ", 11, (1989, 3, 8), "về công tác xây dựng Đảng ở vùng đồng bào Khmer năm 1989", VLOI_BT,
          "p-typed", "FreeMono", 3, date_style="dashed", bank=BANK_OLD),
    ], blank_after=[("sealed7-31", 2)])

    # s10: Tỉnh ủy and Ban Tổ chức Tỉnh ủy Kiên Giang 2017-2019: one TUYỆT MẬT + HỎA TỐC report (red
    # marks), a Party công văn signed T/L; colour JPEG per page at 200 dpi
    hoso("hs-10-tinh-uy-kien-giang-2018", per_page([("jpeg", "RGB")], wear={3: ["noise"], 6: ["blur"], 7: ["noise", "faded"]},
                                                   skew={1: -0.5, 2: 0.8, 5: -1.1, 7: 0.3}, dpi=200), [
        D(TU_KG, "NQ", 21, (2017, 6, 29), "về phát triển kinh tế biển gắn với bảo đảm quốc phòng, an ninh vùng biển, "
          "đảo đến năm 2025", KG_BT_TU, "p-rule", "Liberation Serif", 8, bank=BANK_SOUTH),
        D(TU_KG, "BC", 118, (2018, 7, 16), "kết quả thực hiện phương án phòng thủ khu vực biển, đảo năm 2018", KG_BT,
          "p-rule", "Liberation Serif", 4, do_mat="TUYỆT MẬT", do_khan="HỎA TỐC", mark_colour="red",
          codename="SB-7725", bank=SECRET_KG, seal_at="title"),
        D(BTC_KG, "HD", 14, (2018, 10, 2), "quy trình rà soát, bổ sung quy hoạch cấp ủy các cấp nhiệm kỳ 2020 - 2025",
          KG_PTB, "p-hd36", "DejaVu Sans Condensed", 4, bank=BANK_SOUTH,
          stamp=stamp("HUYỆN ỦY GIỒNG RIỀNG", "208", "05/10/2018")),
        D(TU_KG, "CV", 2274, (2019, 3, 6), "chuẩn bị tài liệu phục vụ hội nghị sơ kết giữa nhiệm kỳ", KG_CVP,
          "p-rule", "Liberation Serif", 1, bank=BANK_SOUTH,
          extra=dict(kinh_gui="Các huyện ủy, thành ủy, đảng ủy trực thuộc"),
          noi_nhan=["- Như trên,", "- Thường trực Tỉnh ủy (b/c),", "- Lưu VPTU."]),
    ])

    # s11: Sở Tài nguyên và Môi trường Hưng Yên 2010-2011: a report whose closing block is missing;
    # one file per page, bilevel G4 (300 dpi) and gray JPEG (200 dpi) in turn, as when a batch was
    # scanned on two machines
    hoso("hs-11-so-tai-nguyen-hung-yen-2010", per_page_mixed([("g4", "1", 300), ("jpeg", "L", 200)],
                                                             wear={2: ["noise"], 4: ["faded"]},
                                                             skew={1: 0.6, 3: -0.4, 5: 1.0}), [
        D(STN_HY, "KH", 37, (2010, 2, 26), "kiểm kê đất đai và xây dựng bản đồ hiện trạng sử dụng đất năm 2010",
          STN_GD, "s-below", "DejaVu Sans", 3, bank=BANK_SO),
        D(STN_HY, "QĐ", 96, (2010, 4, 12), "về việc thành lập Đoàn kiểm tra việc khai thác nước dưới đất", STN_PGD,
          "s-nd30", "DejaVu Sans", 1, date_style="padded", bank=BANK_SO),
        D(STN_HY, "CV", 611, (2010, 9, 9), "đôn đốc nộp báo cáo kết quả kiểm kê đất đai năm 2010", STN_PGD, "s-cv",
          "DejaVu Sans", 1, bank=BANK_SO,
          extra=dict(kinh_gui="- Ủy ban nhân dân các huyện, thành phố;|- Phòng Tài nguyên và Môi trường các huyện."),
          noi_nhan=["- Như trên;", "- Giám đốc Sở (để b/c);", "- Lưu: VT, ĐĐ."],
          stamp=stamp("UBND HUYỆN KHOÁI CHÂU", "1472", "13/9/2010")),
        D(STN_HY, "BC", 142, (2011, 1, 18), "tổng kết công tác tài nguyên và môi trường năm 2010", None, "s-below",
          "DejaVu Sans", 4, bank=BANK_SO),
    ])

    # s12: Đảng ủy xã Giao Lạc and one of its chi bộ (Nam Định), 2002-2003; photocopied bilevel G4
    # per document; a report whose closing stands alone on its last page
    hoso("hs-12-dang-uy-xa-giao-lac-2003", per_doc([("nq-2002.tif", "g4", "1"), ("kh-2002.tif", "g4", "1"),
                                                    ("tb-2003.tif", "g4", "1"), ("bc-2003.tif", "g4", "1")],
                                                   wear={1: ["photocopy"], 3: ["photocopy", "punch_holes"],
                                                         5: ["salt_pepper"], 7: ["photocopy"], 9: ["photocopy", "noise", "salt_pepper"]},
                                                   skew={1: 1.5, 2: -0.6, 4: 2.4, 6: -1.3, 8: 0.7}), [
        D(DU_GL, "NQ", 3, (2002, 1, 28), "về nhiệm vụ phát triển kinh tế - xã hội và xây dựng Đảng năm 2002", GL_BT,
          "p-flush", "FreeSans", 5, bank=BANK_XA,
          notes=[(1, note("Lưu hồ sơ ĐH", x=1800, y=3360, angle=3, size=58))]),
        D(DU_GL, "KH", 15, (2002, 8, 19), "chuyển đổi ruộng trũng sang nuôi trồng thủy sản ở các xóm ven đê", GL_PBT,
          "p-flush", "FreeSans", 2, bank=BANK_XA),
        D(CB_X5, "TB", 6, (2003, 5, 10), "kết quả sinh hoạt chuyên đề của chi bộ quý I năm 2003", X5_BT, "p-below",
          "Liberation Sans", 1, bank=BANK_XA, seal=False),
        D(DU_GL, "BC", 31, (2003, 12, 22), "kết quả lãnh đạo thực hiện nhiệm vụ năm 2003", GL_BT, "p-flush",
          "FreeSans", 3, bank=BANK_XA, closing="ownpage"),
    ])
    return p.docs, p.plan
