#!/usr/bin/env python3
"""Generate sample-scans/box-01: a storage box of realistic scanned Party documents.

Run from anywhere (the output goes next to this script):

    python3 sample-scans/generate.py

Everything is deterministic (fixed seeds, fixed PDF dates, no timestamps in TIFF/PNG/JPEG),
so a re-run rewrites the same bytes, given the same Pillow build and the same fonts
(Debian 12: python3-pil 9.4.0, fonts-liberation2 2.1.5).

Outputs:
  box-01/...             the scans and the box.json / hoso.json sidecars
  ground-truth.json      per file, per page: exact printed text, blank, rotation, skew, wear
  documents.json         per document: type, số ký hiệu, date, issuer, signer, pages

See README.md for the conventions (reading order, skew sign, wear names).
"""

import os
import sys


def _require_pillow():
    try:
        import PIL  # noqa: F401
        return
    except ImportError:
        pass
    # A pyenv/venv python3 may shadow the Debian one that has python3-pil: re-run under it.
    system_python = "/usr/bin/python3"
    if (os.path.exists(system_python)
            and os.path.realpath(sys.executable) != os.path.realpath(system_python)
            and not os.environ.get("SOHOA_SAMPLE_REEXEC")):
        os.environ["SOHOA_SAMPLE_REEXEC"] = "1"
        os.execv(system_python, [system_python, os.path.abspath(__file__)] + sys.argv[1:])
    sys.exit("generate.py: Pillow is required: install the Debian package python3-pil "
             "(apt-get install python3-pil) or run with a python3 that has Pillow")


_require_pillow()

import hashlib  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import random  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
import unicodedata  # noqa: E402

import PIL  # noqa: E402
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont, ImageOps  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
BOX = "box-01"
EXPECTED_PILLOW = "9.4.0"

# --------------------------------------------------------------------------------------
# Fonts
# --------------------------------------------------------------------------------------

FONT_PACKAGE = "fonts-liberation2"
FONT_DIRS = [os.environ.get("SOHOA_FONT_DIR", ""), "/usr/share/fonts/truetype/liberation2"]
FONT_FILES = {
    "serif": "LiberationSerif-Regular.ttf",
    "serif-b": "LiberationSerif-Bold.ttf",
    "serif-i": "LiberationSerif-Italic.ttf",
    "serif-bi": "LiberationSerif-BoldItalic.ttf",
    "mono": "LiberationMono-Regular.ttf",
    "sans-b": "LiberationSans-Bold.ttf",
}
_font_paths = {}
_font_cache = {}


def find_fonts():
    missing = []
    for key, name in FONT_FILES.items():
        for d in FONT_DIRS:
            if d and os.path.isfile(os.path.join(d, name)):
                _font_paths[key] = os.path.join(d, name)
                break
        else:
            missing.append(name)
    if missing:
        sys.exit("generate.py: missing font file(s) %s (looked in %s): install the Debian package "
                 "%s (apt-get install %s)" % (", ".join(missing),
                                              ", ".join(d for d in FONT_DIRS if d),
                                              FONT_PACKAGE, FONT_PACKAGE))


def font(key, px):
    k = (key, px)
    if k not in _font_cache:
        _font_cache[k] = ImageFont.truetype(_font_paths[key], px,
                                            layout_engine=ImageFont.Layout.BASIC)
    return _font_cache[k]


# --------------------------------------------------------------------------------------
# Page geometry (all layout is done at 300 dpi; 200-dpi pages are scanned down afterwards)
# --------------------------------------------------------------------------------------

DPI = 300
MM = DPI / 25.4
W, H = 2480, 3508                    # A4 at 300 dpi
LEFT = round(30 * MM)                # Party format: left margin 30-35 mm
RIGHT = W - round(15 * MM)           # right margin 15-20 mm
TOP = round(20 * MM)
BOTTOM = H - round(20 * MM)
TEXT_W = RIGHT - LEFT
TEXT_CX = (LEFT + RIGHT) // 2
LEFT_COL_CX = round(68 * MM)         # centre of the issuing-body column
RIGHT_COL_CX = round(143 * MM)       # centre of the "ĐẢNG CỘNG SẢN VIỆT NAM" column


def px(pt):
    return round(pt * DPI / 72)


def nfc(s):
    return unicodedata.normalize("NFC", s)


# --------------------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------------------
# Body paragraphs are (style, text).  Styles: p = justified body, h = bold heading,
# hi = bold italic heading, i = italic, c = centred bold, cr = centred regular (Kính gửi).

DAK_NONG_LEFT = ["ĐẢNG BỘ TỈNH ĐẮK NÔNG", "*ĐẢNG ỦY KHỐI CƠ QUAN", "*VÀ DOANH NGHIỆP", "*"]

NQ_BODY = [
    ("h", "I. TÌNH HÌNH VÀ NGUYÊN NHÂN"),
    ("p", "Trong thời kỳ cách mạng khoa học công nghiệp lần thứ 4 phát triển nhanh chóng, chuyển đổi số là một xu thế tất yếu khách quan diễn ra toàn diện ở mọi lĩnh vực trong đời sống xã hội. Xuất phát từ yêu cầu thực tiễn đặt ra, trong thời gian qua, Đảng và Nhà nước đã lãnh đạo, chỉ đạo các cấp, các ngành đẩy mạnh ứng dụng, phát triển khoa học công nghệ và đổi mới sáng tạo. Thực hiện Nghị quyết Đại hội XIII của Đảng, Ban Bí thư ban hành Quyết định số 27-QĐ/TW, ngày 10/8/2021 “Về chương trình ứng dụng công nghệ thông tin trong hoạt động của các cơ quan Đảng giai đoạn 2021 - 2025”; trong đó, nhấn mạnh chuyển đổi số, cải cách hoạt động của các cơ quan Đảng bằng số hóa là nhiệm vụ quan trọng, cần thiết nhằm hiện đại hóa, minh bạch hóa công tác đảng."),
    ("p", "Ngày 01/11/2021, Ban Chấp hành Đảng bộ tỉnh ban hành Nghị quyết số 09-NQ/TU “Về chuyển đổi số tỉnh Đắk Nông đến năm 2025, định hướng đến 2030” thể hiện quyết tâm cao của Tỉnh ủy trong công tác lãnh đạo, chỉ đạo cả hệ thống chính trị đột phá, thực hiện chuyển đổi số; hướng đến thực hiện mục tiêu toàn diện theo Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XII."),
    ("p", "Ngày 08/11/2021, Đảng ủy Khối ban hành Kết luận số 1013-KL/ĐUK về tiếp tục tăng cường sự lãnh đạo của tổ chức cơ sở (TCCS) đảng trong thực hiện cải cách hành chính ở cơ quan, đơn vị, doanh nghiệp; trong đó, đưa ra giải pháp “Tiếp tục đẩy mạnh cải cách thủ tục hành chính trong công tác Đảng; nâng cao chất lượng ban hành nghị quyết đảm bảo tính hiệu quả, thiết thực; đổi mới phương pháp, lề lối làm việc của cấp ủy, đảm bảo tính khoa học; đẩy mạnh ứng dụng công nghệ thông tin trong công tác đảng, đảm bảo thông suốt từ Đảng ủy Khối đến các TCCS đảng”. Thời gian qua, Đảng ủy Khối và các cấp ủy trong toàn Đảng bộ đã tổ chức triển khai thực hiện ứng dụng công nghệ thông tin (CNTT) vào hoạt động như: Phần mềm hệ thống thông tin chỉ đạo, điều hành (Ioffice); phần mềm quản lý dữ liệu tổ chức đảng và đảng viên 3.0; phần mềm Hệ thống mạng thông tin diện rộng của Đảng Lotus Notes 8.5; trang thông tin điện tử (Website); ứng dụng thư điện tử công vụ; triển khai phòng họp trực tuyến; phần mềm hỗ trợ công tác bầu cử, kiểm phiếu; phần mềm kế toán IMAS và một số ứng dụng mạng xã hội Zalo, facebook, youtube... Qua đó, việc cập nhật, cung cấp các văn bản, hướng dẫn của Trung ương, của tỉnh, của Đảng ủy Khối đến các TCCS đảng được kịp thời và thường xuyên; góp phần tiết kiệm đáng kể về thời gian và chi phí."),
    ("p", "Tuy nhiên, trong thực tế hiện nay việc ứng dụng CNTT, thực hiện chuyển đổi số trong các cấp ủy và tổ chức đảng còn chậm và hạn chế; cơ sở hạ tầng, trang thiết bị phục vụ cho ứng dụng và phát triển CNTT chưa đồng bộ; các phần mềm ứng dụng hiện có chưa phát huy hết hiệu quả về tính tiện ích, tính phổ biến; còn khó khăn trong việc đảm bảo an toàn, an ninh mạng. Đội ngũ cán bộ CNTT còn thiếu và yếu. Phần mềm hệ thống thông tin chỉ đạo điều hành của Đảng ủy Khối còn một số hạn chế khi truy cập, chưa đồng bộ giữa các cơ quan, đơn vị, doanh nghiệp, đoàn thể trực thuộc; còn một số đơn vị, doanh nghiệp chưa hoặc không sử dụng Phần mềm hệ thống thông tin chỉ đạo điều hành, nên việc gửi, nhận văn bản khó khăn. Hồ sơ, tài liệu, văn bản của Đảng ủy Khối và các TCCS đảng chưa được số hóa, đồng bộ; việc tra cứu, tìm kiếm thông tin phục vụ công tác đảng còn khó khăn; chưa triển khai thực hiện chữ ký số đến cấp ủy cơ sở."),
    ("p", "Những hạn chế nêu trên có nguyên nhân: Nhận thức về chuyển đổi số của một số cấp ủy và một bộ phận cán bộ, đảng viên chưa đầy đủ và thống nhất, chưa thực sự quan tâm đến chuyển đổi số. Sự phối hợp giữa một số cấp ủy với lãnh đạo cơ quan, đơn vị, doanh nghiệp trong việc lãnh đạo, chỉ đạo đầu tư nguồn nhân lực, hạ tầng kỹ thuật để thực hiện chuyển đổi số trong hoạt động công tác đảng chưa được hiệu quả. Cán bộ làm công tác đảng thường xuyên thay đổi. Do tính chất đặc thù và vị trí việc làm, nên một số cơ quan, đơn vị, doanh nghiệp không bố trí được cán bộ chuyên trách về CNTT. Kinh phí dành cho việc đầu tư, nâng cấp hạ tầng kỹ thuật CNTT còn khó khăn. Một số cán bộ, đảng viên chưa thường xuyên khai thác, sử dụng các ứng dụng CNTT và thiếu tích cực trong thực hiện chuyển đổi số."),
    ("h", "II. QUAN ĐIỂM, MỤC TIÊU"),
    ("h", "1. Quan điểm"),
    ("p", "- Tăng cường ứng dụng công nghệ thông tin và thực hiện chuyển đổi số trong công tác đảng tại Đảng bộ Khối là nhiệm vụ quan trọng của các cấp ủy, tổ chức đảng, mà trước hết là đồng chí Bí thư cấp ủy, người đứng đầu cơ quan, đơn vị, doanh nghiệp."),
    ("p", "- Ứng dụng CNTT, chuyển đổi số một cách có hiệu quả vào hoạt động công tác đảng nhằm nâng cao năng lực lãnh đạo của các cấp ủy, tổ chức đảng và chất lượng đội ngũ cán bộ, đảng viên; đổi mới phương thức quản lý, điều hành hoạt động công tác đảng, đảm bảo an ninh, an toàn dữ liệu."),
    ("h", "2. Mục tiêu"),
    ("hi", "2.1. Mục tiêu tổng quát"),
    ("p", "Nâng cao nhận thức và trách nhiệm của các cấp ủy, tổ chức đảng, tập thể lãnh đạo, quản lý và cán bộ, đảng viên trong việc ứng dụng CNTT, tích cực chuyển đổi số; thực hiện ứng dụng CNTT và chuyển đổi số trong công tác đảng của Đảng bộ Khối một cách đồng bộ và toàn diện; góp phần làm thay đổi tác phong, lề lối làm việc, thực hiện cải cách hành chính, hiện đại hóa và minh bạch hóa trong hoạt động công tác đảng."),
    ("hi", "2.2. Mục tiêu cụ thể đến năm 2025"),
    ("h", "- Mục tiêu phấn đấu tại Cơ quan Đảng ủy Khối:"),
    ("p", "+ Các văn bản, tài liệu theo quy định được xử lý trên Phần mềm hệ thống thông tin chỉ đạo điều hành và đều được thực hiện chữ ký số của Ban Cơ yếu Chính phủ; từng bước triển khai số hóa văn bản, tài liệu lưu trữ chính thức của Đảng theo quy định từ năm 2020 trở về trước."),
    ("p", "+ Các hội nghị trực tuyến của Trung ương, của Tỉnh ủy được tiếp phát tại điểm cầu Đảng ủy Khối và ở các TCCS đảng đủ điều kiện về cơ sở hạ tầng kỹ thuật CNTT."),
    ("p", "+ Triển khai ứng dụng “Sổ tay điện tử về nghiệp vụ công tác đảng” trên Trang thông tin điện tử của Đảng ủy Khối."),
    ("h", "- Mục tiêu phấn đấu tại các TCCS đảng trực thuộc:"),
    ("p", "+ Các văn bản, tài liệu công tác đảng theo quy định được xử lý trên Phần mềm hệ thống thông tin chỉ đạo điều hành hiện có tại các cơ quan, đơn vị, doanh nghiệp và từng bước thực hiện chữ ký số của Ban Cơ yếu Chính phủ."),
    ("p", "+ Cán bộ tham mưu cho cấp ủy trong việc ứng dụng CNTT, thực hiện chuyển đổi số đều được bồi dưỡng, tập huấn nâng cao kiến thức và kỹ năng nghiệp vụ."),
    ("hi", "2.3. Mục tiêu cụ thể đến năm 2030"),
    ("p", "- Các văn bản, tài liệu chính thức theo quy định của Đảng ủy Khối và của TCCS cơ sở đảng được thực hiện trên môi trường số."),
    ("p", "- Cơ sở dữ liệu dùng chung được kết nối, chia sẻ trong toàn Đảng bộ Khối."),
    ("p", "- Tài liệu lưu trữ của Đảng từng bước được số hóa theo quy định."),
    ("h", "III. NHIỆM VỤ, GIẢI PHÁP"),
    ("h", "1. Nâng cao nhận thức, vai trò, trách nhiệm của cấp ủy đảng về ứng dụng CNTT và chuyển đổi số trong hoạt động công tác đảng"),
    ("p", "Đẩy mạnh công tác tuyên truyền, phổ biến, quán triệt thường xuyên, rộng rãi các nghị quyết, chỉ thị, kế hoạch của Trung ương, Tỉnh ủy về chuyển đổi số; nâng cao nhận thức và trách nhiệm trong việc đẩy mạnh ứng dụng công nghệ thông tin, thực hiện chuyển đổi số trong hoạt động công tác đảng tới cán bộ, đảng viên, công chức, viên chức, người lao động."),
    ("p", "Mỗi tổ chức đảng, người đứng đầu cấp ủy phải thường xuyên cập nhật tình hình, phân công cán bộ, đảng viên theo dõi, phụ trách việc sử dụng các ứng dụng CNTT. Tăng cường trách nhiệm của người đứng đầu trong công tác chỉ đạo, kiểm tra, giám sát việc triển khai thực hiện việc đẩy mạnh ứng dụng CNTT, chuyển đổi số trong hoạt động của cấp ủy, chi bộ ở từng cơ quan, đơn vị, doanh nghiệp. Đưa kết quả đẩy mạnh ứng dụng CNTT, triển khai thực hiện chuyển đổi số thành tiêu chí đánh giá tổ chức đảng, cán bộ, đảng viên."),
    ("h", "2. Phát triển nguồn nhân lực nhằm thực hiện chuyển đổi số trong hoạt động công tác đảng đạt hiệu quả"),
    ("p", "Các tổ chức đảng lãnh đạo cơ quan, đơn vị, doanh nghiệp thực hiện công tác tiếp nhận, tuyển dụng đảm bảo đáp ứng nhu cầu nhân lực CNTT từng thời kỳ. Khuyến khích cán bộ, công chức, viên chức tự đào tạo nâng cao về trình độ CNTT phục vụ công việc."),
    ("p", "Hàng năm, Đảng ủy Khối phối hợp tổ chức các lớp bồi dưỡng, tập huấn cơ bản về chuyển đổi số cho lãnh đạo, cán bộ, đảng viên, công chức, viên chức làm công tác đảng trong toàn Đảng bộ Khối về kỹ năng sử dụng, khai thác, quản lý, vận hành các hệ thống thông tin, nền tảng số trên môi trường số; các kỹ năng bảo mật thông tin trên môi trường mạng."),
    ("h", "3. Tập trung lãnh đạo, chỉ đạo từng bước xây dựng và phát triển về hạ tầng số, nền tảng số, dữ liệu số trong hoạt động công tác đảng"),
    ("hi", "3.1. Phát triển hạ tầng số"),
    ("p", "Phát triển hạ tầng kỹ thuật số trên cơ sở kết hợp mạng truyền số liệu chuyên dùng, mạng internet, trung tâm dữ liệu của cơ quan, đơn vị, doanh nghiệp để kết nối liên thông, xuyên suốt từ Đảng ủy Khối đến cơ sở. Chuẩn hóa, điện tử hóa quy trình xử lý hồ sơ, biểu mẫu, chế độ báo cáo trên môi trường điện tử; thực hiện số hóa hồ sơ và kết quả giải quyết thủ tục hành chính."),
    ("hi", "3.2. Phát triển nền tảng số (ứng dụng công nghệ)"),
    ("p", "Khai thác đầy đủ các tính năng, chức năng trên phần mềm hệ thống thông tin chỉ đạo điều hành, tích hợp chữ ký số và giải pháp bảo mật của Ban Cơ yếu Chính phủ. Nâng cấp Trang thông tin điện tử (website) của Đảng ủy Khối; triển khai thêm các chức năng, ứng dụng trên nền tảng của Trang thông tin điện tử; trước mắt trong năm 2024 đưa vào khai thác dữ liệu tại ứng dụng “Sổ tay điện tử về nghiệp vụ công tác đảng”."),
    ("p", "Từng bước xây dựng, đưa vào sử dụng các ứng dụng, phần mềm quản lý hoạt động công tác xây dựng Đảng do Trung ương ban hành và triển khai trên cơ sở sử dụng một thư mục của Trang thông tin điện tử (website) của các cơ quan, đơn vị, doanh nghiệp."),
    ("p", "Nâng cao chất lượng và từng bước mở rộng tính năng Phòng họp trực tuyến của Đảng ủy Khối đến các TCCS đảng. Nghiên cứu triển khai hệ thống học tập lý luận chính trị, tổ chức hội nghị trên nền tảng Elearning."),
    ("p", "Từng bước triển khai thêm một số ứng dụng tại Cơ quan Đảng ủy Khối như: Phần mềm kê khai tài sản; phần mềm tổng hợp thu, nộp đảng phí; phần mềm phòng họp không giấy; phần mềm điểm danh, kiểm diện; phần mềm chuyển giọng nói thành văn bản,..."),
    ("hi", "3.3. Phát triển dữ liệu số"),
    ("p", "Số hóa hồ sơ, tài liệu, tạo lập dữ liệu, gắn dữ liệu sau khi số hóa với các quy trình điện tử và các ứng dụng số. Từng bước tiến hành xây dựng các cơ sở dữ liệu như: Số hóa các Văn kiện, tài liệu của Đảng; số hóa các mục lục hồ sơ tại Kho lưu trữ điện tử (số hóa, lưu tập trung, thuận lợi cho tra cứu, tìm kiếm); kịp thời cập nhật dữ liệu tổ chức đảng và đảng viên của Đảng bộ Khối."),
    ("h", "4. Bảo đảm an toàn, an ninh thông tin mạng"),
    ("p", "Tiếp tục hoàn thiện hệ thống hạ tầng thông tin theo nguyên tắc bảo đảm an toàn thông tin, an ninh mạng. Ưu tiên bố trí nguồn lực, đầu tư, nâng cấp trang thiết bị; tổ chức rà soát, kiểm tra, đánh giá định kỳ đảm bảo an toàn, an ninh thông tin."),
    ("h", "5. Tăng cường công tác kiểm tra, giám sát"),
    ("p", "Đảng ủy Khối và các TCCS đảng trực thuộc lãnh đạo, chỉ đạo đưa nội dung kiểm tra, giám sát việc thực hiện chuyển đổi số trong hoạt động công tác đảng vào chương trình kiểm tra, giám sát của cấp ủy, của ủy ban kiểm tra hằng năm và trong cả nhiệm kỳ 2025-2030. Lấy kết quả công tác kiểm tra, giám sát nội dung này là một trong những tiêu chí đánh giá chất lượng cấp ủy và bí thư cấp ủy."),
    ("h", "IV. TỔ CHỨC THỰC HIỆN"),
    ("p", "1. Giao Ban Thường vụ Đảng ủy Khối lãnh đạo, chỉ đạo triển khai thực hiện Nghị quyết; định kỳ sơ kết, tổng kết việc thực hiện Nghị quyết báo cáo Ban Chấp hành Đảng bộ Khối. Các đồng chí Ủy viên Ban Chấp hành Đảng bộ Khối được phân công phụ trách cơ sở, đơn vị, lĩnh vực có trách nhiệm theo dõi, chỉ đạo, đôn đốc, kiểm tra, giám sát việc triển khai thực hiện Nghị quyết."),
    ("p", "2. Giao Văn phòng Đảng ủy Khối chủ trì, phối hợp với các cơ quan, đơn vị có liên quan tham mưu Ban Thường vụ Đảng ủy Khối xây dựng kế hoạch, lộ trình triển khai thực hiện Nghị quyết."),
    ("p", "3. Ban Tuyên giáo Đảng ủy Khối xây dựng kế hoạch phổ biến, quán triệt Nghị quyết; làm tốt công tác thông tin tuyên truyền Nghị quyết đến cán bộ, đảng viên, công chức, viên chức và người lao động trong toàn Đảng bộ Khối."),
    ("p", "4. Các TCCS đảng trực thuộc Đảng ủy Khối căn cứ chức năng, nhiệm vụ cụ thể của từng cơ quan, đơn vị, doanh nghiệp để xây dựng kế hoạch triển khai thực hiện Nghị quyết và báo cáo kết quả triển khai về Đảng ủy Khối để theo dõi, chỉ đạo."),
    ("p", "Nghị quyết này phổ biến đến chi bộ./."),
]

CTR_BODY = [
    ("p", "Triển khai, thực hiện Nghị quyết số 05-NQ/TU, ngày 22/10/2021 của Ban Chấp hành Đảng bộ tỉnh về tập trung lãnh đạo, chỉ đạo chuyển đổi số tỉnh Hà Tĩnh giai đoạn 2021 - 2025, định hướng đến năm 2030. Trên cơ sở chức năng, nhiệm vụ và đặc điểm, tình hình của Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh, Ban Thường vụ Đảng ủy Khối ban hành Chương trình hành động thực hiện Nghị quyết với các nội dung sau:"),
    ("h", "I. MỤC ĐÍCH, YÊU CẦU"),
    ("p", "Nâng cao nhận thức cho các cấp ủy, tổ chức đảng, cơ quan, đơn vị, doanh nghiệp, các tổ chức đoàn thể, cán bộ, đảng viên, công chức, viên chức và người lao động về chuyển đổi số; tập trung lãnh đạo, chỉ đạo thực hiện chuyển đổi số vào hoạt động công tác đảng và thực hiện nhiệm vụ chính trị trong toàn Đảng bộ Khối kịp thời, toàn diện, hiệu quả. Xác định đây là nhiệm vụ trọng tâm xuyên suốt trong lãnh đạo của các cấp ủy đảng, trong toàn bộ hoạt động của các cơ quan, tổ chức, doanh nghiệp nhằm thúc đẩy phát triển kinh tế - xã hội, xây dựng Đảng và hệ thống chính trị ngày càng vững mạnh đáp ứng yêu cầu, mục tiêu phát triển của tỉnh trong tình hình mới."),
    ("p", "Các nhiệm vụ, giải pháp trong chương trình hành động phải có trọng tâm, trọng điểm, đảm bảo tính khả thi, hiệu quả. Lựa chọn nội dung thiết thực, phù hợp để đưa vào chương trình công tác của cấp ủy, tổ chức đảng."),
    ("h", "II. MỤC TIÊU CỤ THỂ"),
    ("p", "1. 100 % tổ chức đảng ứng dụng công nghệ thông tin trong học tập, quán triệt, triển khai các chỉ thị, nghị quyết của Đảng, học tập chuyên đề hằng năm; sinh hoạt cấp ủy, chi bộ; công tác kiểm tra, giám sát và thi hành kỷ luật Đảng."),
    ("p", "2. 100% các văn bản chỉ đạo, điều hành của cấp ủy, lãnh đạo cơ quan, đơn vị được thực hiện qua môi trường mạng Internet (trừ các văn bản có nội dung thuộc danh mục bí mật Nhà nước theo quy định)."),
    ("p", "3. 90% tổ chức đảng có cổng thông tin điện tử tích hợp phần mềm với công tác xây dựng Đảng."),
    ("p", "4. 100% tài liệu được lưu trữ theo hệ thống số hóa của Đảng."),
    ("p", "5. 100% tổ chức cơ sở đảng quản lý, cập nhật, bổ sung dữ liệu đảng viên theo phần mềm dùng chung của Đảng."),
    ("p", "6. 100% cơ sở dữ liệu dùng chung, phần mềm chuyên ngành công tác Đảng được chia sẻ, kết nối trong toàn Đảng bộ Khối."),
    ("p", "7. 100% cán bộ, công chức, viên chức được đào tạo, bồi dưỡng hoặc tự bồi dưỡng kiến thức và kỹ năng số, bảo đảm ứng dụng hiệu quả các nền tảng số, khai thác dữ liệu số trong hoạt động quản lý Nhà nước và cung cấp dịch vụ công của các ngành, các cấp."),
    ("p", "8. 100% cán bộ chuyên trách Cơ quan Đảng ủy Khối và cán bộ trực đảng cơ sở được tập huấn về chuyển đổi số, kỹ năng về công nghệ thông tin và an toàn bảo mật trong hoạt động công tác đảng."),
    ("h", "III. NHIỆM VỤ, GIẢI PHÁP"),
    ("h", "1. Các cấp ủy đảng, tổ chức đoàn thể đẩy mạnh công tác tuyên truyền sâu rộng trong cán bộ, đảng viên, người lao động về chuyển đổi số."),
    ("p", "Thường xuyên làm tốt công tác tuyên truyền, phổ biến, quán triệt các nghị quyết, chỉ thị, quyết định, chương trình của Trung ương, Chính phủ về chuyển đổi số, đặc biệt chú trọng Nghị quyết số 05-NQ/TU, ngày 22/10/2021 của Ban Chấp hành Đảng bộ tỉnh, Đề án chuyển đổi số trên địa bàn tỉnh Hà Tĩnh giai đoạn 2021 - 2025, định hướng đến năm 2030 (kèm theo Quyết định số 424/QĐ-UBND ngày 18/2/2022 của UBND tỉnh)."),
    ("p", "Phối hợp tổ chức tọa đàm, mời các chuyên gia nói chuyện, trao đổi về chương trình chuyển đổi số, định hướng các hoạt động cụ thể cho các cấp ủy đảng, lãnh đạo các cơ quan, doanh nghiệp."),
    ("p", "Xây dựng các chuyên mục, tuyên truyền cách làm hay, sáng tạo, hiệu quả của tập thể, cá nhân trên các phương tiện thông tin đại chúng, nhất là trang Thông tin điện tử của Đảng bộ Khối và các cơ quan, đơn vị, doanh nghiệp."),
    ("p", "Tổ chức phát động các phong trào thực hiện chuyển đổi số sâu rộng trong đoàn viên, hội viên, quần chúng nhân dân thông qua các hội thi, cuộc tìm hiểu, sáng tạo kỹ thuật, xây dựng các đề án, đề tài… gắn với chuyển đổi số nhằm đưa các chủ trương, nghị quyết về chuyển đổi số sớm phát huy hiệu quả trong thực tiễn."),
    ("h", "2. Lãnh đạo, chỉ đạo thực hiện có hiệu quả chuyển đổi số trong công tác xây dựng Đảng ở các cơ quan, đơn vị, doanh nghiệp."),
    ("p", "Đưa nội dung thực hiện Nghị quyết vào chương trình, kế hoạch lãnh đạo, chỉ đạo công tác xây dựng Đảng, thực hiện nhiệm vụ chính trị hàng năm của các cấp ủy đảng để chỉ đạo, tổ chức thực hiện có hiệu quả."),
    ("p", "Triển khai đầy đủ theo chương trình công nghệ thông tin trong các cơ quan Đảng với các ứng dụng nghiệp vụ chuyên ngành tổ chức; kiểm tra, giám sát và thi hành kỷ luật Đảng; tuyên giáo; dân vận; văn phòng cấp ủy và các tổ chức đoàn thể. Đẩy mạnh họp trực tuyến, họp không giấy tờ, thực hiện triệt để làm việc trên môi trường mạng và ứng dụng chữ ký số.... Tất cả tổ chức cơ sở đảng được kết nối mạng truyền số liệu chuyên dùng."),
    ("p", "Kết nối với hệ thống hội nghị trực tuyến của Đảng ủy Khối, cấp tỉnh, Trung ương để tổ chức các hội nghị học tập, quán triệt các chỉ thị, nghị quyết, kết luận, các chuyên đề của Trung ương, của tỉnh, Đảng ủy Khối bằng hình thức trực tuyến qua mạng Internet đến cơ sở."),
    ("p", "Số hóa hồ sơ cán bộ, đảng viên, tài liệu, tạo lập dữ liệu công tác đảng và tích hợp lên kho dữ liệu, làm cơ sở để kiểm tra, giám sát, đánh giá chất lượng tổ chức đảng, cán bộ, đảng viên hằng năm."),
    ("p", "Phát triển, nâng cấp các ứng dụng, phần mềm nền tảng dùng chung, xây dựng, bổ sung tích hợp thêm các phần mềm phục vụ công tác xây dựng Đảng. Đưa hoạt động của Đảng ủy Khối, cấp ủy cơ sở lên môi trường số như: Nội dung, thời gian sinh hoạt cấp ủy, sinh hoạt chi bộ… để cấp ủy cấp trên theo dõi, giám sát…; bảo đảm khả năng tích hợp, chia sẻ và khai thác thông tin, dữ liệu qua các phần mềm kết nối, liên thông giữa Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh với các cấp ủy trực thuộc."),
    ("h", "3. Lãnh đạo chuyển đổi số trong các đơn vị trực thuộc để thực hiện tốt nhiệm vụ chính trị."),
    ("p", "Các đảng ủy, chi ủy trực thuộc thường xuyên quán triệt cho đội ngũ cán bộ, công chức, người lao động nắm vững các nội dung của Nghị quyết để thống nhất cao về nhận thức, tổ chức thực hiện chủ trương chuyển đổi số trong các hoạt động công tác đảng và thực hiện nhiệm vụ chính trị của từng đơn vị; bảo đảm hoạt động lãnh đạo, điều hành của cấp ủy, chính quyền được thực hiện trên môi trường số."),
    ("p", "Lãnh đạo các cơ quan, đơn vị, doanh nghiệp ứng dụng, triển khai ứng dụng các nền tảng công nghệ số phục vụ hoạt động nghiệp vụ của ngành, cơ quan, doanh nghiệp bảo đảm liên thông đồng bộ toàn ngành, toàn tỉnh, kết nối và chia sẻ dùng chung."),
    ("p", "Trang bị kỹ năng sử dụng thành thạo về ứng dụng công nghệ thông tin cho cán bộ, đảng viên, người lao động. Rèn luyện kỹ năng để tác nghiệp, kỹ năng tiếp nhận thông tin, phân tích, đánh giá được độ tin cậy của thông tin trên môi trường mạng internet và mạng xã hội; kỹ năng phối hợp làm việc nhóm trên môi trường mạng. Có ý thức trách nhiệm, thực hiện nghiêm túc, đầy đủ các quy định của pháp luật, nội quy của cơ quan, quy tắc ứng xử khi sử dụng Internet, mạng xã hội."),
    ("p", "Các cấp ủy, cơ quan, đơn vị, doanh nghiệp quan tâm đầu tư cơ sở vật chất về công nghệ thông tin, máy tính, thiết bị chuyên dùng bảo đảm đồng bộ với hệ thống, an toàn bảo mật cao, đặc biệt là đối với dữ liệu về tổ chức đảng, đảng viên. Bố trí cán bộ làm công tác đảng có trình độ, được cập nhật thường xuyên kiến thức về công nghệ thông tin phục vụ các hoạt động của cấp ủy. Đảm bảo kinh phí hoạt động thường xuyên, bảo dưỡng, bảo trì, nâng cấp hệ thống khi cần thiết."),
    ("h", "4. Công tác phối hợp lãnh đạo chỉ đạo thực hiện chuyển đổi số trong các hoạt động công tác đảng và thực hiện nhiệm vụ chính trị."),
    ("p", "Các cấp ủy xây dựng, rà soát, sửa đổi, bổ sung quy chế phối hợp giữa cấp ủy với lãnh đạo các cơ quan, đơn vị, doanh nghiệp về nội dung liên quan đến việc chuyển đổi số, nhất là việc sử dụng hạ tầng công nghệ nền tảng dùng chung trong các cơ quan, đơn vị, doanh nghiệp."),
    ("p", "Các cơ quan, doanh nghiệp về lĩnh vực công nghệ thông tin chủ động tiếp cận hỗ trợ, cung cấp dịch vụ cho các đơn vị trong khối, mặt khác các cơ quan, doanh nghiệp đặt ưu tiên hàng đầu trong sử dụng các dịch vụ công nghệ thông tin được các đơn vị trong khối cung cấp."),
    ("h", "IV. TỔ CHỨC THỰC HIỆN"),
    ("h", "1. Các ban xây dựng Đảng, Ủy ban Kiểm tra, Văn phòng Đảng ủy Khối"),
    ("p", "- Ban Tuyên giáo Đảng ủy Khối là cơ quan thường trực, triển khai tuyên truyền nghị quyết, xây dựng các nội dung về chuyển đổi số trên lĩnh vực tuyên giáo, nhất là: Học tập nghị quyết, các lớp bồi dưỡng lý luận chính trị, các cuộc thi, hội thi tìm hiểu …"),
    ("p", "- Ban Tổ chức Đảng ủy Khối tham mưu các nội dung: Số hóa hồ sơ cán bộ, đảng viên; phần mềm quản lý, theo dõi tổ chức đảng, cán bộ, đảng viên, sinh hoạt chi bộ trực tuyến."),
    ("p", "- Ủy ban Kiểm tra Đảng ủy Khối tham mưu kiểm tra, giám sát việc thực hiện các chủ trương, nghị quyết về chuyển đổi số, các nội dung để tích hợp lên phần mềm của Đảng ủy Khối về công tác kiểm tra, giám sát, thi hành kỷ luật Đảng."),
    ("p", "- Văn phòng Đảng ủy Khối chủ trì xây dựng, nâng cấp các phần mềm theo hệ thống số hóa của Đảng, cơ sở hạ tầng công nghệ thông tin tại Cơ quan Đảng ủy Khối; liên kết cổng (trang) thông tin điện tử của các tổ chức cơ sở đảng với Trang Thông tin điện tử Đảng bộ Khối."),
    ("h", "2. Các đoàn thể Khối"),
    ("p", "Xây dựng kế hoạch cụ thể để thực hiện Nghị quyết. Tích cực, đi đầu thực hiện chuyển đổi số trong các hoạt động. Chỉ đạo, xây dựng các phần mềm, ứng dụng trong công tác quản lý đoàn viên, hội viên, tổ chức, điều hành các hoạt động."),
    ("h", "3. Các đảng ủy, chi bộ cơ sở"),
    ("p", "Xây dựng chương trình, kế hoạch thực hiện Nghị quyết sát với chức năng nhiệm vụ của ngành, cơ quan, đơn vị, tổ chức đoàn thể; chú trọng các giải pháp thiết thực, hiệu quả; phân công nhiệm vụ cụ thể cho tập thể, cá nhân trong việc triển khai thực hiện; tăng cường công tác kiểm tra, giám sát, đôn đốc việc thực hiện các nhiệm vụ đã đề ra."),
    ("p", "Giao Ban Tuyên giáo chủ trì phối hợp với các ban xây dựng Đảng và Ủy ban Kiểm tra, Văn phòng Đảng uỷ Khối theo dõi, kiểm tra, giám sát, đôn đốc việc thực hiện Chương trình này; định kỳ tổng hợp báo cáo Ban Thường vụ, Ban Chấp hành Đảng bộ Khối."),
]

BC_BODY = [
    ("p", "Thực hiện Luật Lưu trữ năm 2011, Quy định số 270-QĐ/TW, ngày 06/12/2014 của Ban Bí thư về Phông Lưu trữ Đảng Cộng sản Việt Nam và hướng dẫn của Văn phòng Tỉnh ủy, Ban Thường vụ Đảng ủy Khối báo cáo kết quả công tác văn thư, lưu trữ năm 2018 và phương hướng, nhiệm vụ năm 2019 như sau:"),
    ("h", "I. KẾT QUẢ THỰC HIỆN NĂM 2018"),
    ("h", "1. Công tác lãnh đạo, chỉ đạo"),
    ("p", "Ban Thường vụ Đảng ủy Khối thường xuyên quan tâm lãnh đạo, chỉ đạo công tác văn thư, lưu trữ; xác định đây là nhiệm vụ quan trọng, góp phần nâng cao chất lượng tham mưu, giúp việc và phục vụ sự lãnh đạo của cấp ủy. Trong năm, Đảng ủy Khối đã ban hành Quy chế công tác văn thư, lưu trữ của Cơ quan Đảng ủy Khối; chỉ đạo Văn phòng Đảng ủy Khối hướng dẫn các tổ chức cơ sở đảng thực hiện thể thức và kỹ thuật trình bày văn bản theo Quy định số 66-QĐ/TW, ngày 06/02/2017 của Ban Chấp hành Trung ương và Hướng dẫn số 36-HD/VPTW, ngày 03/4/2018 của Văn phòng Trung ương Đảng."),
    ("p", "Cấp ủy các tổ chức cơ sở đảng cơ bản đã phân công cấp ủy viên phụ trách công tác văn phòng, bố trí cán bộ kiêm nhiệm làm công tác văn thư, lưu trữ; 38/45 tổ chức cơ sở đảng có tủ đựng hồ sơ, tài liệu riêng của cấp ủy."),
    ("h", "2. Công tác văn thư"),
    ("p", "Năm 2018, Văn phòng Đảng ủy Khối đã tiếp nhận, vào sổ và chuyển giao 2.846 văn bản đến, trong đó 1.312 văn bản của Trung ương và Tỉnh ủy, 1.534 văn bản của các tổ chức cơ sở đảng và cơ quan, đơn vị; phát hành 1.127 văn bản đi, gồm: 14 nghị quyết, 286 quyết định, 9 chỉ thị, 62 kế hoạch, 143 báo cáo, 97 thông báo, 516 công văn và văn bản khác. Văn bản đến, văn bản đi được đăng ký đầy đủ vào sổ và trên phần mềm quản lý văn bản; việc chuyển giao văn bản được thực hiện kịp thời, đúng đối tượng, không để xảy ra thất lạc."),
    ("p", "Chất lượng văn bản của Đảng ủy Khối từng bước được nâng lên; thể thức và kỹ thuật trình bày cơ bản đúng quy định. Việc quản lý và sử dụng con dấu được thực hiện nghiêm túc, đúng quy định. Tuy nhiên, văn bản của một số tổ chức cơ sở đảng vẫn còn sai sót về thể thức, nhất là cách ghi số và ký hiệu, thẩm quyền ký và nơi nhận."),
    ("h", "3. Công tác lưu trữ"),
    ("p", "Văn phòng Đảng ủy Khối đã hướng dẫn các ban, đơn vị lập hồ sơ công việc và giao nộp hồ sơ, tài liệu vào lưu trữ cơ quan đúng thời hạn. Trong năm đã thu thập 186 hồ sơ, tài liệu năm 2016 - 2017 của các ban xây dựng Đảng và Văn phòng; chỉnh lý hoàn chỉnh 12,5 mét giá tài liệu giai đoạn 2004 - 2010; lập mục lục hồ sơ và cơ sở dữ liệu tra cứu cho 1.046 hồ sơ. Nộp lưu vào Kho Lưu trữ Tỉnh ủy 6,2 mét giá tài liệu có thời hạn bảo quản vĩnh viễn theo đúng kế hoạch."),
    ("p", "Kho lưu trữ của Cơ quan Đảng ủy Khối được trang bị thêm 12 giá sắt, máy hút ẩm và bình chữa cháy; tài liệu được bảo quản trong hộp, cặp đúng tiêu chuẩn. Việc khai thác, sử dụng tài liệu được thực hiện theo đúng quy định; trong năm đã phục vụ 74 lượt khai thác với 215 hồ sơ, chủ yếu phục vụ công tác tổ chức, cán bộ và giải quyết chế độ, chính sách."),
    ("h", "4. Ứng dụng công nghệ thông tin"),
    ("p", "Đảng ủy Khối đã triển khai phần mềm quản lý văn bản và hồ sơ công việc tại Cơ quan Đảng ủy Khối; từng bước gửi, nhận văn bản qua mạng thông tin diện rộng của Đảng. Một số tổ chức cơ sở đảng đã thực hiện quét văn bản đến để chuyển cấp ủy viên xử lý. Tuy nhiên, tài liệu lưu trữ chưa được số hóa; việc tra cứu chủ yếu vẫn thực hiện thủ công trên mục lục giấy nên mất nhiều thời gian."),
    ("h", "5. Hạn chế và nguyên nhân"),
    ("p", "Một số cấp ủy cơ sở chưa quan tâm đúng mức đến công tác văn thư, lưu trữ; việc lập hồ sơ công việc chưa thành nề nếp, tài liệu còn để rời lẻ, tích đống. Cán bộ làm công tác văn thư, lưu trữ ở cơ sở chủ yếu kiêm nhiệm, thường xuyên thay đổi, chưa được bồi dưỡng nghiệp vụ. Kinh phí đầu tư cho kho lưu trữ và trang thiết bị bảo quản còn hạn chế; một phần tài liệu giai đoạn 2004 - 2008 bị ố vàng, mực phai, khó đọc."),
    ("h", "II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2019"),
    ("p", "1. Tiếp tục quán triệt, thực hiện nghiêm các quy định của Đảng và pháp luật của Nhà nước về công tác văn thư, lưu trữ; nâng cao chất lượng soạn thảo, ban hành văn bản của cấp ủy các cấp, bảo đảm đúng thể thức, thẩm quyền."),
    ("p", "2. Hướng dẫn, kiểm tra việc lập hồ sơ công việc và giao nộp hồ sơ, tài liệu vào lưu trữ cơ quan; phấn đấu 100% các ban, đơn vị của Cơ quan Đảng ủy Khối lập hồ sơ công việc và nộp lưu đúng thời hạn."),
    ("p", "3. Xây dựng kế hoạch chỉnh lý toàn bộ tài liệu tồn đọng giai đoạn 2004 - 2018 và từng bước số hóa tài liệu lưu trữ có giá trị bảo quản vĩnh viễn, ưu tiên các nghị quyết, chỉ thị, kết luận của Ban Chấp hành, Ban Thường vụ Đảng ủy Khối; thành lập tổ công tác để tổ chức thực hiện."),
    ("p", "4. Đẩy mạnh ứng dụng công nghệ thông tin trong quản lý văn bản và hồ sơ công việc; thực hiện gửi, nhận văn bản điện tử giữa Đảng ủy Khối với các tổ chức cơ sở đảng có đủ điều kiện."),
    ("p", "5. Tổ chức bồi dưỡng nghiệp vụ văn thư, lưu trữ cho cán bộ văn phòng cấp ủy cơ sở; phối hợp với Văn phòng Tỉnh ủy kiểm tra công tác văn thư, lưu trữ tại một số tổ chức cơ sở đảng."),
    ("h", "III. ĐỀ XUẤT, KIẾN NGHỊ"),
    ("p", "Đề nghị Văn phòng Tỉnh ủy quan tâm hỗ trợ kinh phí, trang thiết bị cho việc chỉnh lý, số hóa tài liệu lưu trữ của Đảng bộ Khối; tổ chức các lớp tập huấn nghiệp vụ về số hóa tài liệu và sử dụng phần mềm quản lý tài liệu lưu trữ cho cán bộ văn phòng cấp ủy."),
    ("p", "Trên đây là báo cáo kết quả công tác văn thư, lưu trữ năm 2018 và phương hướng, nhiệm vụ năm 2019 của Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh./."),
]

QD_BODY = [
    ("c", "BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI CƠ QUAN VÀ DOANH NGHIỆP TỈNH"),
    ("i", "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;"),
    ("i", "- Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ Khối khóa III, nhiệm kỳ 2015 - 2020;"),
    ("i", "- Căn cứ Quy định số 270-QĐ/TW, ngày 06/12/2014 của Ban Bí thư về Phông Lưu trữ Đảng Cộng sản Việt Nam;"),
    ("i", "- Xét đề nghị của Văn phòng Đảng ủy Khối,"),
    ("c", "QUYẾT ĐỊNH"),
    ("p", "Điều 1. Thành lập Tổ công tác chỉnh lý, số hóa tài liệu lưu trữ của Đảng bộ Khối gồm các đồng chí có tên sau:"),
    ("p", "1. Đồng chí Lê Thị Thanh Hương, Chánh Văn phòng Đảng ủy Khối, Tổ trưởng;"),
    ("p", "2. Đồng chí Nguyễn Thị Thu Hà, chuyên viên Văn phòng Đảng ủy Khối, Tổ phó;"),
    ("p", "3. Đồng chí Phạm Minh Đức, chuyên viên Ban Tổ chức Đảng ủy Khối, thành viên;"),
    ("p", "4. Đồng chí Đỗ Thị Mai, chuyên viên Ủy ban Kiểm tra Đảng ủy Khối, thành viên;"),
    ("p", "5. Đồng chí H'Liên Niê, nhân viên Văn phòng Đảng ủy Khối, thành viên."),
    ("p", "Điều 2. Tổ công tác có nhiệm vụ khảo sát, thống kê khối lượng tài liệu tồn đọng; xây dựng kế hoạch chi tiết và tổ chức chỉnh lý, số hóa tài liệu lưu trữ của Đảng bộ Khối giai đoạn 2004 - 2018; định kỳ hằng quý báo cáo Thường trực Đảng ủy Khối kết quả thực hiện. Tổ trưởng phân công nhiệm vụ cụ thể cho các thành viên; các thành viên làm việc theo chế độ kiêm nhiệm."),
    ("p", "Điều 3. Tổ công tác được sử dụng con dấu của Đảng ủy Khối trong giao dịch công tác; kinh phí hoạt động của Tổ được bố trí trong dự toán kinh phí của Cơ quan Đảng ủy Khối. Tổ công tác tự giải thể sau khi hoàn thành nhiệm vụ."),
    ("p", "Điều 4. Văn phòng Đảng ủy Khối, các ban xây dựng Đảng, Ủy ban Kiểm tra Đảng ủy Khối và các đồng chí có tên tại Điều 1 căn cứ Quyết định thi hành. Quyết định có hiệu lực kể từ ngày ký./."),
]

KH_BODY = [
    ("p", "Thực hiện Quy định số 270-QĐ/TW, ngày 06/12/2014 của Ban Bí thư về Phông Lưu trữ Đảng Cộng sản Việt Nam; Báo cáo số 86-BC/ĐUK, ngày 20/12/2018 của Ban Thường vụ Đảng ủy Khối về kết quả công tác văn thư, lưu trữ năm 2018 và phương hướng, nhiệm vụ năm 2019, Ban Thường vụ Đảng ủy Khối xây dựng Kế hoạch chỉnh lý, số hóa tài liệu lưu trữ giai đoạn 2019 - 2020 như sau:"),
    ("h", "I. MỤC ĐÍCH, YÊU CẦU"),
    ("p", "1. Chỉnh lý hoàn chỉnh khối tài liệu tồn đọng, bảo đảm tài liệu được phân loại, xác định giá trị, sắp xếp khoa học theo phông; loại ra những tài liệu hết giá trị theo đúng quy định."),
    ("p", "2. Số hóa tài liệu có thời hạn bảo quản vĩnh viễn, tạo lập cơ sở dữ liệu tài liệu lưu trữ phục vụ tra cứu nhanh chóng, chính xác; hạn chế việc sử dụng bản gốc, góp phần bảo quản an toàn tài liệu."),
    ("p", "3. Việc chỉnh lý, số hóa phải thực hiện đúng quy trình nghiệp vụ, bảo đảm bí mật tài liệu; tài liệu thuộc danh mục bí mật nhà nước chỉ được số hóa khi có ý kiến của cấp có thẩm quyền."),
    ("h", "II. PHẠM VI, KHỐI LƯỢNG TÀI LIỆU"),
    ("p", "Tài liệu của Phông Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh từ năm 2004 (thời điểm thành lập Đảng bộ Khối) đến hết năm 2018, khoảng 42 mét giá, tương đương 3.150 hồ sơ với khoảng 96.000 trang tài liệu. Ngoài ra, có 1,8 mét giá tài liệu của các cơ quan tiền thân tiếp nhận khi chia tách tỉnh Đắk Lắk năm 2004, phần lớn là bản đánh máy, bản sao chụp đã xuống cấp."),
    ("h", "III. NỘI DUNG VÀ TIẾN ĐỘ THỰC HIỆN"),
    ("h", "1. Giai đoạn chuẩn bị (quý I năm 2019)"),
    ("p", "Thành lập Tổ công tác chỉnh lý, số hóa; khảo sát, thống kê khối lượng và tình trạng vật lý của tài liệu; xây dựng kế hoạch chi tiết, bảng phân loại, danh mục tài liệu hết giá trị; chuẩn bị kho, giá, hộp, bìa hồ sơ và trang thiết bị cần thiết."),
    ("h", "2. Chỉnh lý tài liệu (quý II đến quý IV năm 2019)"),
    ("p", "Phân loại tài liệu theo năm và theo cơ cấu tổ chức; lập hồ sơ, xác định thời hạn bảo quản cho từng hồ sơ; biên mục phiếu tin, kiểm tra, chỉnh sửa và hệ thống hóa hồ sơ; đánh số hộp, vào hộp, dán nhãn; lập mục lục hồ sơ, danh mục tài liệu hết giá trị và trình Hội đồng xác định giá trị tài liệu xem xét."),
    ("p", "Đối với tài liệu bị rách, ố vàng, mực phai, Tổ công tác lập danh mục riêng và đề xuất biện pháp tu bổ, phục chế trước khi đưa vào số hóa; không bóc tách, làm phẳng tài liệu bằng biện pháp có thể gây hư hại bản gốc."),
    ("h", "3. Số hóa tài liệu (năm 2020)"),
    ("p", "Số hóa toàn bộ hồ sơ có thời hạn bảo quản vĩnh viễn, mỗi trang tài liệu được quét với độ phân giải tối thiểu 200 dpi, chế độ màu đối với trang có con dấu, chữ ký; tạo tệp tin định dạng PDF cho từng văn bản; nhập dữ liệu đặc tả theo mục lục hồ sơ; kiểm tra chất lượng và đối chiếu với bản gốc trước khi đưa vào cơ sở dữ liệu."),
    ("p", "Tài liệu sau khi số hóa được trả về kho đúng vị trí; dữ liệu số hóa được sao lưu ít nhất hai bản, lưu giữ ở hai nơi khác nhau và kiểm tra định kỳ. Việc khai thác dữ liệu số hóa thực hiện theo quy định về khai thác, sử dụng tài liệu lưu trữ của Đảng."),
    ("p", "Yêu cầu đối với tệp tin số hóa: tệp tin được đặt tên theo mã hồ sơ và số thứ tự văn bản; trang có con dấu đỏ, chữ ký được quét màu 24 bit; trang chỉ có chữ đen trắng được quét thang độ xám; trang trắng ở mặt sau của tờ tài liệu không phải quét. Dữ liệu đặc tả mỗi văn bản gồm: số, ký hiệu, ngày tháng, tác giả, trích yếu, người ký, số trang, thời hạn bảo quản và chế độ sử dụng."),
    ("h", "IV. KINH PHÍ THỰC HIỆN"),
    ("p", "Kinh phí chỉnh lý, số hóa tài liệu được bố trí từ nguồn kinh phí hoạt động của Cơ quan Đảng ủy Khối năm 2019, năm 2020 và nguồn hỗ trợ của Văn phòng Tỉnh ủy. Văn phòng Đảng ủy Khối lập dự toán chi tiết, trình Thường trực Đảng ủy Khối phê duyệt. Dự kiến tổng kinh phí khoảng 385 triệu đồng, trong đó chỉnh lý tài liệu 142 triệu đồng, số hóa tài liệu 198 triệu đồng, mua sắm trang thiết bị bảo quản 45 triệu đồng."),
    ("h", "V. TỔ CHỨC THỰC HIỆN"),
    ("p", "1. Văn phòng Đảng ủy Khối là cơ quan thường trực, chủ trì phối hợp với Tổ công tác tổ chức thực hiện Kế hoạch; định kỳ hằng quý báo cáo tiến độ với Thường trực Đảng ủy Khối."),
    ("p", "2. Các ban xây dựng Đảng, Ủy ban Kiểm tra Đảng ủy Khối rà soát, giao nộp đầy đủ hồ sơ, tài liệu còn lưu giữ tại các ban về lưu trữ cơ quan trước ngày 30/4/2019; cử cán bộ phối hợp khi có yêu cầu."),
    ("p", "3. Các tổ chức cơ sở đảng trực thuộc căn cứ Kế hoạch này, chủ động rà soát, chỉnh lý tài liệu của cấp ủy mình; báo cáo kết quả về Đảng ủy Khối (qua Văn phòng) trước ngày 15/12/2020."),
    ("p", "4. Đề nghị Văn phòng Tỉnh ủy quan tâm hỗ trợ, hướng dẫn nghiệp vụ và cho ý kiến đối với danh mục tài liệu hết giá trị trước khi tiêu hủy./."),
]

CV_BODY = [
    ("cr", "Kính gửi: Các ban xây dựng Đảng, Ủy ban Kiểm tra Đảng ủy Khối"),
    ("p", "Thực hiện Kế hoạch số 47-KH/ĐUK, ngày 20/02/2019 của Ban Thường vụ Đảng ủy Khối về chỉnh lý, số hóa tài liệu lưu trữ giai đoạn 2019 - 2020, Văn phòng Đảng ủy Khối đề nghị các ban xây dựng Đảng, Ủy ban Kiểm tra Đảng ủy Khối thực hiện một số nội dung sau:"),
    ("p", "1. Rà soát toàn bộ hồ sơ, tài liệu hình thành trong quá trình hoạt động từ năm 2004 đến năm 2017 hiện còn lưu giữ tại ban, đơn vị; lập mục lục hồ sơ, tài liệu nộp lưu theo mẫu gửi kèm Công văn này."),
    ("p", "2. Giao nộp hồ sơ, tài liệu và mục lục về Văn phòng Đảng ủy Khối (bộ phận lưu trữ) trước ngày 30/4/2019. Tài liệu mật giao nộp riêng, có biên bản giao nhận."),
    ("p", "3. Cử cán bộ phối hợp với Tổ công tác chỉnh lý, số hóa tài liệu trong quá trình phân loại, xác định giá trị tài liệu của ban, đơn vị mình."),
    ("p", "Quá trình thực hiện, nếu có vướng mắc đề nghị liên hệ đồng chí Nguyễn Thị Thu Hà, chuyên viên Văn phòng Đảng ủy Khối, điện thoại 0261.3544.127 để được hướng dẫn."),
    ("p", "Văn phòng Đảng ủy Khối đề nghị các ban, đơn vị quan tâm phối hợp thực hiện./."),
]

TB_BODY = [
    ("p", "Ngày 24/5/2019, Thường trực Đảng ủy Khối đã họp nghe Văn phòng Đảng ủy Khối báo cáo tiến độ thực hiện Kế hoạch số 47-KH/ĐUK, ngày 20/02/2019 của Ban Thường vụ Đảng ủy Khối về chỉnh lý, số hóa tài liệu lưu trữ giai đoạn 2019 - 2020. Sau khi nghe báo cáo và ý kiến của các đồng chí dự họp, Thường trực Đảng ủy Khối kết luận như sau:"),
    ("p", "1. Ghi nhận Tổ công tác đã hoàn thành khảo sát, thống kê 42 mét giá tài liệu và chỉnh lý xong tài liệu các năm 2004 - 2007, bảo đảm tiến độ đề ra."),
    ("p", "2. Văn phòng Đảng ủy Khối đôn đốc các ban giao nộp đủ hồ sơ còn thiếu trước ngày 15/6/2019; khẩn trương hoàn thiện dự toán kinh phí số hóa năm 2020, báo cáo Thường trực trước ngày 30/6/2019."),
    ("p", "3. Đối với tài liệu đánh máy, bản sao chụp đã mờ, ố vàng, Tổ công tác lập danh mục riêng, đề xuất biện pháp tu bổ trước khi số hóa; tài liệu mật chỉ được số hóa khi có ý kiến của cấp có thẩm quyền."),
    ("p", "Văn phòng Đảng ủy Khối thông báo để các ban, đơn vị và Tổ công tác biết, thực hiện./."),
]

TT_BODY = [
    ("p", "Thời gian qua, các đảng ủy, chi bộ cơ sở trong Đảng bộ Khối đã có nhiều cố gắng trong việc quản lý văn bản, lập hồ sơ và bảo quản tài liệu của cấp ủy. Nhiều cơ sở đã bố trí cán bộ theo dõi công tác văn thư, có tủ đựng tài liệu riêng, việc tiếp nhận và gửi văn bản cơ bản kịp thời."),
    ("p", "Tuy nhiên, ở không ít cơ sở, văn bản đến không được vào sổ, tài liệu để lẫn với tài liệu chuyên môn, khi cấp ủy thay đổi thì hồ sơ, tài liệu bị thất lạc; một số nơi còn để tài liệu mật trong ngăn bàn, mang tài liệu về nhà riêng, sao chụp tài liệu không đúng quy định. Tình trạng trên nếu không được khắc phục sẽ gây khó khăn cho công tác lãnh đạo và làm mất mát tài liệu quý của Đảng."),
    ("p", "Thực hiện Pháp lệnh Bảo vệ tài liệu lưu trữ quốc gia năm 1982, Pháp lệnh Bảo vệ bí mật Nhà nước năm 1991 và hướng dẫn của Văn phòng Tỉnh ủy, Ban Thường vụ Đảng ủy Khối yêu cầu các đảng ủy, chi bộ cơ sở thực hiện tốt một số việc sau đây:"),
    ("p", "1. Cấp ủy cơ sở phải trực tiếp lãnh đạo công tác văn thư, lưu trữ; phân công một đồng chí cấp ủy viên phụ trách và bố trí cán bộ làm công tác văn thư của cấp ủy. Mọi văn bản đến, văn bản đi đều phải vào sổ, có ký nhận khi chuyển giao. Sổ đăng ký văn bản phải ghi đủ các cột, không được tẩy xóa."),
    ("p", "2. Văn bản của cấp ủy phải được soạn thảo, trình bày đúng thể thức; ghi rõ số, ký hiệu, ngày tháng ban hành, thẩm quyền ký và nơi nhận. Mỗi văn bản phát hành phải lưu lại một bản có chữ ký và đóng dấu tại văn phòng cấp ủy."),
    ("p", "3. Hằng năm, cấp ủy cơ sở phải lập hồ sơ các cuộc họp, các nghị quyết, báo cáo, biên bản và tài liệu về đảng viên; cuối năm tổ chức thu thập, sắp xếp và bảo quản trong tủ có khóa. Khi bàn giao công tác phải lập biên bản bàn giao hồ sơ, tài liệu."),
    ("p", "4. Tài liệu mật phải được quản lý chặt chẽ, đăng ký vào sổ riêng, cất giữ trong tủ sắt có khóa; không được mang tài liệu mật ra khỏi cơ quan, không sao chụp khi chưa được phép của đồng chí bí thư cấp ủy. Khi phát hiện mất tài liệu mật phải báo cáo ngay về Ban Thường vụ Đảng ủy Khối. Việc tiêu hủy tài liệu mật hết giá trị phải lập hội đồng và biên bản theo quy định."),
    ("p", "5. Tài liệu có giá trị bảo quản lâu dài của cấp ủy cơ sở phải được nộp vào lưu trữ của Đảng ủy Khối theo hướng dẫn của Văn phòng; nghiêm cấm việc tự ý tiêu hủy tài liệu của Đảng."),
    ("p", "6. Các đảng ủy, chi bộ cơ sở cần bố trí kinh phí mua sắm tủ, hòm, sổ sách và văn phòng phẩm cần thiết cho công tác văn thư, lưu trữ; nơi để tài liệu phải khô ráo, thoáng mát, có biện pháp phòng chống mối mọt, ẩm ướt và cháy nổ."),
    ("p", "7. Văn phòng Đảng ủy Khối có trách nhiệm hướng dẫn nghiệp vụ văn thư, lưu trữ cho cán bộ cơ sở; định kỳ kiểm tra, đôn đốc và tổng hợp tình hình báo cáo Ban Thường vụ. Trong năm 1997, Văn phòng mở một lớp bồi dưỡng nghiệp vụ cho cán bộ văn phòng các đảng ủy, chi bộ cơ sở."),
    ("p", "Việc thực hiện Thông tri này là một nội dung kiểm tra của Ban Thường vụ Đảng ủy Khối đối với các tổ chức cơ sở đảng trong năm 1997 và là một tiêu chuẩn để đánh giá, phân loại tổ chức cơ sở đảng cuối năm."),
    ("p", "Nhận được Thông tri này, các đảng ủy, chi bộ cơ sở tổ chức phổ biến đến cấp ủy viên và cán bộ làm công tác văn phòng, kiểm tra việc thực hiện và báo cáo kết quả về Ban Thường vụ Đảng ủy Khối (qua Văn phòng) trước ngày 30 tháng 9 năm 1997. Thông tri này phổ biến đến chi bộ./."),
]

DAK_NONG_ISSUER = "Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh Đắk Nông"
DAK_NONG_SEAL = "ĐẢNG ỦY KHỐI CƠ QUAN VÀ DOANH NGHIỆP * TỈNH ĐẮK NÔNG *"

DOCS = {
    "05-NQ/ĐUK": dict(
        style="modern",
        left=DAK_NONG_LEFT + ["Số 05-NQ/ĐUK"],
        date="Gia Nghĩa, ngày 15 tháng 3 năm 2023",
        title=["NGHỊ QUYẾT"],
        subtitle=["CỦA BAN CHẤP HÀNH ĐẢNG BỘ KHỐI",
                  "về tăng cường ứng dụng công nghệ thông tin và thực hiện chuyển đổi số",
                  "trong công tác đảng đến năm 2025, định hướng đến năm 2030"],
        body=NQ_BODY,
        noi_nhan=["- Thường trực Tỉnh ủy,", "- Các CQ TM, GV của Tỉnh ủy (báo cáo)",
                  "- Sở Thông tin và Truyền thông,", "- Các đồng chí UVBCH ĐBK,",
                  "- Các cơ quan tham mưu, giúp việc, đoàn thể ĐUK,", "- Các TCCS trực thuộc,",
                  "- Lưu VP ĐUK."],
        sign=["T/M BAN CHẤP HÀNH", "BÍ THƯ"], signer="Huỳnh Ngọc Anh",
        seal=DAK_NONG_SEAL,
        meta=dict(ten_loai="Nghị quyết", ngay_ban_hanh="2023-03-15", noi_ban_hanh="Gia Nghĩa",
                  co_quan_ban_hanh=DAK_NONG_ISSUER, co_quan_cap_tren="Đảng bộ tỉnh Đắk Nông",
                  trich_yeu="Nghị quyết của Ban Chấp hành Đảng bộ Khối về tăng cường ứng dụng công nghệ "
                            "thông tin và thực hiện chuyển đổi số trong công tác đảng đến năm 2025, "
                            "định hướng đến năm 2030",
                  source="reference text nghi-quyet-dang-uy-khoi-dak-nong.txt, shortened; "
                         "number and date filled in"),
    ),
    "28-CTr/ĐUK": dict(
        style="modern",
        left=["ĐẢNG BỘ TỈNH HÀ TĨNH", "*ĐẢNG ỦY KHỐI CÁC CƠ QUAN", "*VÀ DOANH NGHIỆP TỈNH", "*",
              "Số 28-CTr/ĐUK"],
        date="Hà Tĩnh, ngày 15 tháng 4 năm 2022",
        title=["CHƯƠNG TRÌNH HÀNH ĐỘNG"],
        subtitle=["thực hiện Nghị quyết số 05-NQ/TU, ngày 22/10/2021 của Ban Chấp hành",
                  "Đảng bộ tỉnh về tập trung lãnh đạo, chỉ đạo chuyển đổi số tỉnh Hà Tĩnh",
                  "giai đoạn 2021 - 2025, định hướng đến năm 2030"],
        body=CTR_BODY,
        noi_nhan=["- Thường trực Tỉnh ủy, (để b/c)", "- Các ban Đảng, UBKT, Văn phòng Tỉnh ủy,",
                  "- Các ban Đảng, UBKT, Văn phòng ĐUK,", "- Các đảng ủy, chi bộ cơ sở,",
                  "- Các đoàn thể trực thuộc Đảng ủy Khối,", "- Các đ/c UV BCH Đảng bộ Khối,",
                  "- Lưu BTG, Văn phòng Đảng ủy Khối."],
        sign=["T/M BAN THƯỜNG VỤ", "BÍ THƯ"], signer="Nguyễn Đình Hải",
        seal="ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP * TỈNH HÀ TĨNH *",
        meta=dict(ten_loai="Chương trình", ngay_ban_hanh="2022-04-15", noi_ban_hanh="Hà Tĩnh",
                  co_quan_ban_hanh="Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Hà Tĩnh",
                  co_quan_cap_tren="Đảng bộ tỉnh Hà Tĩnh",
                  trich_yeu="Chương trình hành động thực hiện Nghị quyết số 05-NQ/TU, ngày 22/10/2021 "
                            "của Ban Chấp hành Đảng bộ tỉnh về tập trung lãnh đạo, chỉ đạo chuyển đổi "
                            "số tỉnh Hà Tĩnh giai đoạn 2021 - 2025, định hướng đến năm 2030",
                  source="reference text chuong-trinh-hanh-dong-dang-uy-khoi-ha-tinh.txt, shortened; "
                         "number and date filled in"),
    ),
    "86-BC/ĐUK": dict(
        style="modern",
        left=DAK_NONG_LEFT + ["Số 86-BC/ĐUK"],
        date="Gia Nghĩa, ngày 20 tháng 12 năm 2018",
        title=["BÁO CÁO"],
        subtitle=["kết quả công tác văn thư, lưu trữ năm 2018",
                  "và phương hướng, nhiệm vụ năm 2019"],
        body=BC_BODY,
        noi_nhan=["- Văn phòng Tỉnh ủy (báo cáo),", "- Thường trực Đảng ủy Khối,",
                  "- Các ban xây dựng Đảng, UBKT ĐUK,", "- Các TCCS đảng trực thuộc,",
                  "- Lưu VP ĐUK."],
        sign=["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"], signer="Trần Văn Tuấn",
        seal=DAK_NONG_SEAL,
        meta=dict(ten_loai="Báo cáo", ngay_ban_hanh="2018-12-20", noi_ban_hanh="Gia Nghĩa",
                  co_quan_ban_hanh=DAK_NONG_ISSUER, co_quan_cap_tren="Đảng bộ tỉnh Đắk Nông",
                  trich_yeu="Báo cáo kết quả công tác văn thư, lưu trữ năm 2018 và phương hướng, "
                            "nhiệm vụ năm 2019", source="written for this sample"),
    ),
    "112-QĐ/ĐUK": dict(
        style="modern",
        left=DAK_NONG_LEFT + ["Số 112-QĐ/ĐUK"],
        date="Gia Nghĩa, ngày 09 tháng 01 năm 2019",
        title=["QUYẾT ĐỊNH"],
        subtitle=["về việc thành lập Tổ công tác chỉnh lý, số hóa",
                  "tài liệu lưu trữ của Đảng bộ Khối"],
        body=QD_BODY,
        noi_nhan=["- Như Điều 4,", "- Thường trực Đảng ủy Khối,", "- Lưu VP ĐUK."],
        sign=["T/M BAN THƯỜNG VỤ", "BÍ THƯ"], signer="Phạm Quang Vinh",
        seal=DAK_NONG_SEAL,
        meta=dict(ten_loai="Quyết định", ngay_ban_hanh="2019-01-09", noi_ban_hanh="Gia Nghĩa",
                  co_quan_ban_hanh=DAK_NONG_ISSUER, co_quan_cap_tren="Đảng bộ tỉnh Đắk Nông",
                  trich_yeu="Quyết định về việc thành lập Tổ công tác chỉnh lý, số hóa tài liệu lưu "
                            "trữ của Đảng bộ Khối", source="written for this sample"),
    ),
    "47-KH/ĐUK": dict(
        style="modern",
        left=DAK_NONG_LEFT + ["Số: 47-KH/ĐUK"],
        date="Gia Nghĩa, ngày 20 tháng 02 năm 2019",
        title=["KẾ HOẠCH"],
        subtitle=["chỉnh lý, số hóa tài liệu lưu trữ của Đảng bộ Khối",
                  "giai đoạn 2019 - 2020"],
        body=KH_BODY,
        noi_nhan=["- Văn phòng Tỉnh ủy (báo cáo),", "- Thường trực Đảng ủy Khối,",
                  "- Các ban xây dựng Đảng, UBKT ĐUK,", "- Các TCCS đảng trực thuộc,",
                  "- Lưu VP ĐUK."],
        sign=["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"], signer="Trần Văn Tuấn",
        seal=DAK_NONG_SEAL,
        meta=dict(ten_loai="Kế hoạch", ngay_ban_hanh="2019-02-20", noi_ban_hanh="Gia Nghĩa",
                  co_quan_ban_hanh=DAK_NONG_ISSUER, co_quan_cap_tren="Đảng bộ tỉnh Đắk Nông",
                  trich_yeu="Kế hoạch chỉnh lý, số hóa tài liệu lưu trữ của Đảng bộ Khối giai đoạn "
                            "2019 - 2020", source="written for this sample"),
    ),
    "356-CV/ĐUK": dict(
        style="modern",
        left=DAK_NONG_LEFT + ["Số 356-CV/ĐUK", "/V/v giao nộp hồ sơ, tài liệu",
                              "/vào lưu trữ cơ quan"],
        date="Gia Nghĩa, ngày 15 tháng 4 năm 2019",
        title=[], subtitle=[],
        body=CV_BODY,
        noi_nhan=["- Như trên,", "- Thường trực Đảng ủy Khối (b/c),",
                  "- Tổ công tác chỉnh lý, số hóa,", "- Lưu VP ĐUK."],
        sign=["T/L BAN THƯỜNG VỤ", "PHÓ CHÁNH VĂN PHÒNG"], signer="Nguyễn Hữu Phước",
        seal=DAK_NONG_SEAL,
        meta=dict(ten_loai="Công văn", ngay_ban_hanh="2019-04-15", noi_ban_hanh="Gia Nghĩa",
                  co_quan_ban_hanh=DAK_NONG_ISSUER, co_quan_cap_tren="Đảng bộ tỉnh Đắk Nông",
                  trich_yeu="V/v giao nộp hồ sơ, tài liệu vào lưu trữ cơ quan",
                  source="written for this sample"),
    ),
    "145-TB/ĐUK": dict(
        style="modern",
        left=DAK_NONG_LEFT + ["Số 145-TB/ĐUK"],
        date="Gia Nghĩa, ngày 28 tháng 5 năm 2019",
        title=["THÔNG BÁO"],
        subtitle=["kết luận của Thường trực Đảng ủy Khối",
                  "về tiến độ chỉnh lý, số hóa tài liệu lưu trữ"],
        body=TB_BODY,
        noi_nhan=["- Thường trực Đảng ủy Khối (b/c),", "- Các ban xây dựng Đảng, UBKT ĐUK,",
                  "- Tổ công tác chỉnh lý, số hóa,", "- Lưu VP ĐUK."],
        sign=["T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG"], signer="Lê Thị Thanh Hương",
        seal=DAK_NONG_SEAL,
        meta=dict(ten_loai="Thông báo", ngay_ban_hanh="2019-05-28", noi_ban_hanh="Gia Nghĩa",
                  co_quan_ban_hanh=DAK_NONG_ISSUER, co_quan_cap_tren="Đảng bộ tỉnh Đắk Nông",
                  trich_yeu="Thông báo kết luận của Thường trực Đảng ủy Khối về tiến độ chỉnh lý, "
                            "số hóa tài liệu lưu trữ", source="written for this sample"),
    ),
    "07-TT/ĐUK": dict(
        style="typewriter",
        left=["ĐẢNG BỘ TỈNH ĐẮK LẮK", "*ĐẢNG ỦY KHỐI DÂN CHÍNH ĐẢNG", "*", "Số 07-TT/ĐUK"],
        date="Buôn Ma Thuột, ngày 14 tháng 6 năm 1997",
        title=["THÔNG TRI"],
        subtitle=["về tăng cường công tác văn thư, lưu trữ",
                  "và bảo vệ bí mật tài liệu của Đảng"],
        body=TT_BODY,
        noi_nhan=["- Thường trực Tỉnh ủy (b/c),", "- Văn phòng Tỉnh ủy,",
                  "- Các đảng ủy, chi bộ cơ sở,", "- Lưu VP."],
        sign=["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"], signer="Nguyễn Văn Phúc",
        seal="ĐẢNG ỦY KHỐI DÂN CHÍNH ĐẢNG * TỈNH ĐẮK LẮK *",
        meta=dict(ten_loai="Thông tri", ngay_ban_hanh="1997-06-14", noi_ban_hanh="Buôn Ma Thuột",
                  co_quan_ban_hanh="Đảng ủy Khối Dân chính Đảng tỉnh Đắk Lắk",
                  co_quan_cap_tren="Đảng bộ tỉnh Đắk Lắk",
                  trich_yeu="Thông tri về tăng cường công tác văn thư, lưu trữ và bảo vệ bí mật tài "
                            "liệu của Đảng",
                  source="written for this sample (typewritten, predecessor body before the 2004 "
                         "split of Đắk Lắk province)"),
    ),
}

# --------------------------------------------------------------------------------------
# Layout
# --------------------------------------------------------------------------------------

MODERN_STYLES = {
    "p": ("serif", 13, "justify", True),
    "h": ("serif-b", 13, "justify", True),
    "hi": ("serif-bi", 13, "justify", True),
    "i": ("serif-i", 13, "justify", True),
    "c": ("serif-b", 13, "center", False),
    "cr": ("serif", 14, "center", False),
}
INDENT = round(12.7 * MM)
PARA_SPACE = px(6)
TYPE_PT = 12                      # typewriter pica, 10 characters per inch
TYPE_LINE = 96                    # typewriter double spacing at 300 dpi


class Page:
    def __init__(self, doc_id, number):
        self.doc_id = doc_id
        self.number = number
        self.ops = []
        self.text = []
        self.y = TOP
        self.body_lines = 0


class Layout:
    """Lays one document out on A4 pages and records the exact text of each page."""

    def __init__(self, doc_id, doc):
        self.doc_id = doc_id
        self.doc = doc
        self.typed = doc["style"] == "typewriter"
        self.pages = []

    # -- measuring -------------------------------------------------------------------
    def fkey(self, key):
        return "mono" if self.typed else key

    def size(self, pt):
        return px(TYPE_PT) if self.typed else px(pt)

    def width(self, s, key, pt):
        f = font(self.fkey(key), self.size(pt))
        if self.typed:
            return len(s) * f.getlength("M")
        return f.getlength(s)

    def line_h(self, pt):
        return TYPE_LINE if self.typed else round(px(pt) * 1.45)

    def ascent(self, pt):
        return round(px(TYPE_PT if self.typed else pt) * 0.9)

    # -- drawing primitives ----------------------------------------------------------
    def text_op(self, page, x, base, s, key, pt):
        bold = key.startswith("serif-b") or key == "sans-b"
        if self.typed:
            page.ops.append(("typed", x, base, s, self.size(pt), bold))
        else:
            page.ops.append(("text", x, base, s, key, self.size(pt)))

    def centered(self, page, cx, base, s, key, pt):
        w = self.width(s, key, pt)
        x = round(cx - w / 2)
        self.text_op(page, x, base, s, key, pt)
        return x, w

    def wrap(self, words, key, pt, first_w, w):
        lines, cur = [], []
        space = self.width(" ", key, pt)
        limit = first_w
        cur_w = 0.0
        for word in words:
            ww = self.width(word, key, pt)
            if cur and cur_w + space + ww > limit:
                lines.append(cur)
                cur, cur_w, limit = [word], ww, w
            else:
                cur_w = cur_w + space + ww if cur else ww
                cur.append(word)
        if cur:
            lines.append(cur)
        return lines

    # -- pages -----------------------------------------------------------------------
    def new_page(self):
        page = Page(self.doc_id, len(self.pages) + 1)
        self.pages.append(page)
        if page.number > 1:
            label = ("- %d -" % page.number) if self.typed else str(page.number)
            self.centered(page, TEXT_CX, round(14 * MM), label, "serif", 13)
            page.text.append(label)
            page.y = round(21 * MM)
        return page

    def header(self, page):
        doc = self.doc
        y = TOP
        lh = self.line_h(14)
        left_lines = []
        for raw in doc["left"]:
            key, s, pt = "serif", raw, 14
            if raw.startswith("*") and raw != "*":
                key, s = "serif-b", raw[1:]
            elif raw.startswith("/"):
                key, s, pt = "serif-i", raw[1:], 12
            base = y + self.ascent(pt)
            self.centered(page, LEFT_COL_CX, base, s, key, pt)
            left_lines.append((s, base))
            page.text.append(s)
            y += lh if pt == 14 else self.line_h(12)
        left_end = y
        # right column: party name (bold, underlined) and the place/date line (italic)
        base0 = left_lines[0][1]
        party = "ĐẢNG CỘNG SẢN VIỆT NAM"
        x, w = self.centered(page, RIGHT_COL_CX, base0, party, "serif-b", 15)
        page.ops.append(("rule", x, base0 + 14, x + w, base0 + 14, 3))
        page.text.append(party)
        so_base = [b for s, b in left_lines if s.startswith("Số")][0]
        self.centered(page, RIGHT_COL_CX, so_base, doc["date"], "serif-i", 14)
        page.text.append(doc["date"])
        y = left_end + round(8 * MM)
        # document type and trích yếu
        for s in doc["title"]:
            base = y + self.ascent(16)
            self.centered(page, TEXT_CX, base, s, "serif-b", 16)
            page.text.append(s)
            y += self.line_h(16)
        for s in doc["subtitle"]:
            base = y + self.ascent(14)
            self.centered(page, TEXT_CX, base, s, "serif-b", 14)
            page.text.append(s)
            y += self.line_h(14)
        if doc["title"]:
            y += round(2 * MM)
            half = round(12 * MM)
            page.ops.append(("rule", TEXT_CX - half, y, TEXT_CX + half, y, 3))
            y += round(7 * MM)
        page.y = y

    def body(self, page):
        for style, text in self.doc["body"]:
            key, pt, align, indent = MODERN_STYLES[style]
            if self.typed:
                align = "center" if align == "center" else "left"
            lh = self.line_h(pt)
            ind = (round(self.width("M", key, pt) * 5) if self.typed else INDENT) if indent else 0
            lines = self.wrap(text.split(" "), key, pt, TEXT_W - ind, TEXT_W)
            for i, words in enumerate(lines):
                if page.y + lh > BOTTOM:
                    page = self.new_page()
                base = page.y + self.ascent(pt)
                last = i == len(lines) - 1
                s = " ".join(words)
                x0 = LEFT + (ind if i == 0 else 0)
                if align == "center":
                    self.centered(page, TEXT_CX, base, s, key, pt)
                elif align == "justify" and not last and len(words) > 1:
                    avail = RIGHT - x0
                    total = sum(self.width(wd, key, pt) for wd in words)
                    gap = (avail - total) / (len(words) - 1)
                    x = float(x0)
                    for wd in words:
                        self.text_op(page, round(x), base, wd, key, pt)
                        x += self.width(wd, key, pt) + gap
                else:
                    self.text_op(page, x0, base, s, key, pt)
                page.text.append(s)
                page.body_lines += 1
                page.y += lh
            page.y += 0 if self.typed else PARA_SPACE
        return page

    def closing(self, page):
        doc = self.doc
        nn_pt, item_pt, sig_pt = 14, 12, 14
        item_w = round(88 * MM)
        items = []
        for it in doc["noi_nhan"]:
            for j, words in enumerate(self.wrap(it.split(" "), "serif", item_pt, item_w, item_w - 30)):
                items.append((" ".join(words), j > 0))
        left_h = self.line_h(nn_pt) + len(items) * self.line_h(item_pt)
        sig_gap = round(27 * MM)
        right_h = len(doc["sign"]) * self.line_h(sig_pt) + sig_gap + self.line_h(sig_pt)
        need = max(left_h, right_h) + round(4 * MM)
        if page.y + need > BOTTOM:
            page = self.new_page()
        if page.body_lines < 3 and "--layout-only" not in sys.argv:
            raise SystemExit("layout of %s: the closing block would sit on a page with %d body "
                             "lines; adjust the text" % (self.doc_id, page.body_lines))
        y0 = page.y + round(3 * MM)
        # left: Nơi nhận (read first)
        y = y0
        base = y + self.ascent(nn_pt)
        label = "Nơi nhận:"
        self.text_op(page, LEFT, base, label, "serif-bi" if not self.typed else "serif", nn_pt)
        w = self.width(label, "serif-bi", nn_pt)
        page.ops.append(("rule", LEFT, base + 10, LEFT + round(w), base + 10, 3))
        page.text.append(label)
        y += self.line_h(nn_pt)
        for s, cont in items:
            base = y + self.ascent(item_pt)
            self.text_op(page, LEFT + (30 if cont else 0), base, s, "serif", item_pt)
            page.text.append(s)
            y += self.line_h(item_pt)
        # right: signature block
        y = y0
        for s in doc["sign"]:
            base = y + self.ascent(sig_pt)
            self.centered(page, RIGHT_COL_CX, base, s, "serif-b", sig_pt)
            page.text.append(s)
            y += self.line_h(sig_pt)
        mid = y + sig_gap // 2
        page.ops.append(("signature", RIGHT_COL_CX + 10, mid))
        page.ops.append(("seal", RIGHT_COL_CX - round(8 * MM), mid - 10, doc["seal"]))
        y += sig_gap
        base = y + self.ascent(sig_pt)
        self.centered(page, RIGHT_COL_CX, base, doc["signer"], "serif-b", sig_pt)
        page.text.append(doc["signer"])
        page.y = y + self.line_h(sig_pt)

    def run(self):
        page = self.new_page()
        self.header(page)
        page = self.body(page)
        self.closing(page)
        for p in self.pages:
            self.check(p)
        return self.pages

    def check(self, page):
        """The ground-truth text must be exactly the drawn text, and nothing may leave the
        text area or overlap."""
        drawn = sorted(w for op in page.ops if op[0] in ("text", "typed") for w in op[3].split(" "))
        truth = sorted(w for line in page.text for w in line.split(" "))
        if drawn != truth:
            raise SystemExit("%s p%d: drawn text differs from ground truth" % (self.doc_id, page.number))
        boxes = []
        for op in page.ops:
            if op[0] == "text":
                _, x, base, s, key, size = op
                x0, y0, x1, y1 = font(key, size).getbbox(s, anchor="ls")
                box = (x + x0, base + y0, x + x1, base + y1)
            elif op[0] == "typed":
                _, x, base, s, size, _bold = op
                box = (x, base - size, x + len(s) * font("mono", size).getlength("M") + 2, base)
            else:
                continue
            if box[0] < LEFT - 10 or box[2] > RIGHT + 3 or box[3] > BOTTOM + 30:
                raise SystemExit("%s p%d: %r leaves the text area %r" % (self.doc_id, page.number, op[3], box))
            for o in boxes:
                if box[0] < o[2] - 2 and o[0] < box[2] - 2 and box[1] < o[3] - 2 and o[1] < box[3] - 2:
                    raise SystemExit("%s p%d: %r overlaps another line" % (self.doc_id, page.number, op[3]))
            boxes.append(box)


# --------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------

def rng_for(*parts):
    h = hashlib.sha256("|".join(str(p) for p in parts).encode("utf-8")).digest()
    return random.Random(int.from_bytes(h[:8], "big"))


def noise_image(rng, size, sigma):
    """Gaussian noise centred on 128, from seeded random bytes (no numpy needed)."""
    nd = statistics.NormalDist(0, sigma)
    lut = [max(0, min(255, round(128 + nd.inv_cdf((i + 0.5) / 256)))) for i in range(256)]
    raw = Image.frombytes("L", size, rng.randbytes(size[0] * size[1]))
    return raw.point(lut)


def mottle(rng, size, cell, amp):
    """Low-frequency blotches centred on 128 with amplitude +-amp."""
    sw, sh = size[0] // cell + 3, size[1] // cell + 3
    small = Image.frombytes("L", (sw, sh), rng.randbytes(sw * sh))
    # upscale at full 8-bit amplitude, then scale the amplitude down, so that the
    # quantisation contours follow the smooth surface instead of the coarse grid
    big = small.resize((sw * cell, sh * cell), Image.Resampling.BICUBIC)
    big = big.crop((cell, cell, cell + size[0], cell + size[1]))
    return big.point([round(128 + (v - 127.5) * amp / 127.5) for v in range(256)])


def add_signed(img, delta):
    """img + (delta - 128), clipped; delta is an L image."""
    if img.mode == "RGB":
        delta = Image.merge("RGB", (delta, delta, delta))
    return ImageChops.add(img, delta, 1.0, -128)


def draw_signature(layer, cx, cy, rng):
    d = ImageDraw.Draw(layer)
    pts = []
    n = 140
    loops = rng.uniform(4.5, 6.5)
    width = rng.uniform(360, 440)
    phase = rng.uniform(0, math.pi)
    for i in range(n):
        t = i / (n - 1)
        x = cx - width / 2 + width * t + 38 * math.sin(2 * math.pi * loops * t + phase)
        env = 0.35 + 0.65 * math.sin(math.pi * min(1.0, t * 1.3))
        y = cy + 8 - 70 * env * math.cos(2 * math.pi * loops * t) - 40 * t
        pts.append((x, y))
    d.line(pts, fill=255, width=6, joint="curve")
    # the flourish underneath
    fl = []
    for i in range(60):
        t = i / 59
        fl.append((cx - width * 0.45 + width * 0.95 * t, cy + 70 - 30 * math.sin(math.pi * t) + 25 * t))
    d.line(fl, fill=255, width=5, joint="curve")


def draw_star(d, cx, cy, r, fill=255):
    pts = []
    for i in range(10):
        a = -math.pi / 2 + i * math.pi / 5
        rr = r if i % 2 == 0 else r * 0.40
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    d.polygon(pts, fill=fill)


def draw_seal(layer, cx, cy, ring_text, rng):
    """Round Party seal: double outer ring, text ring, inner ring and a star."""
    R = round(17 * MM)
    size = 2 * R + 40
    seal = Image.new("L", (size, size), 0)
    d = ImageDraw.Draw(seal)
    c = size // 2
    d.ellipse((c - R, c - R, c + R, c + R), outline=255, width=9)
    d.ellipse((c - R + 16, c - R + 16, c + R - 16, c + R - 16), outline=255, width=3)
    ri = R - 74
    d.ellipse((c - ri, c - ri, c + ri, c + ri), outline=255, width=4)
    draw_star(d, c, c + 4, round(ri * 0.62))
    # text around the ring, clockwise from the top-left, upright towards the centre
    f = font("sans-b", 30)
    r_text = R - 48
    chars = list(ring_text)
    widths = [f.getlength(ch) if ch != "*" else 34 for ch in chars]
    total = sum(widths)
    scale = (2 * math.pi * r_text * 0.97) / total
    ang = -math.pi / 2 - (widths[0] * scale / 2) / r_text
    for ch, cw in zip(chars, widths):
        step = cw * scale / r_text
        a = ang + step / 2
        x = c + r_text * math.cos(a)
        y = c + r_text * math.sin(a)
        if ch == "*":
            draw_star(d, x, y, 14)
        elif ch != " ":
            g = Image.new("L", (60, 60), 0)
            ImageDraw.Draw(g).text((30, 30), ch, font=f, fill=255, anchor="mm")
            g = g.rotate(-math.degrees(a) - 90, resample=Image.Resampling.BICUBIC)
            seal.paste(255, (round(x) - 30, round(y) - 30), g)
        ang += step
    seal = seal.rotate(rng.uniform(-25, 25), resample=Image.Resampling.BICUBIC)
    # uneven stamp ink
    ink = mottle(rng, seal.size, 24, 90).point(lambda v: min(255, v + 70))
    seal = ImageChops.multiply(seal, ink)
    layer.paste(seal, (cx - c, cy - c), seal)


def draw_typed(d, x, base, s, px_size, bold, rng):
    f = font("mono", px_size)
    adv = f.getlength("M")
    line_dy = rng.gauss(0, 1.2)
    for i, ch in enumerate(s):
        if ch == " ":
            continue
        strength = max(95, min(255, round(rng.gauss(215, 28))))
        if rng.random() < 0.03:
            strength = rng.randint(80, 130)          # a weak key strike
        cx = x + i * adv + rng.gauss(0, 0.9)
        cy = base + line_dy + rng.gauss(0, 0.8)
        d.text((cx, cy), ch, font=f, fill=strength, anchor="ls")
        if bold:
            d.text((cx + 2, cy), ch, font=f, fill=strength, anchor="ls")


def render_layers(page, seed):
    """Coverage layers (0 = nothing, 255 = full ink) for text, signature and seal."""
    rng = rng_for("render", seed)
    text = Image.new("L", (W, H), 0)
    sig = Image.new("L", (W, H), 0)
    seal = Image.new("L", (W, H), 0)
    d = ImageDraw.Draw(text)
    typed = False
    for op in page.ops:
        kind = op[0]
        if kind == "text":
            _, x, base, s, key, size = op
            d.text((x, base), s, font=font(key, size), fill=255, anchor="ls")
        elif kind == "typed":
            _, x, base, s, size, bold = op
            draw_typed(d, x, base, s, size, bold, rng)
            typed = True
        elif kind == "rule":
            _, x0, y0, x1, y1, w = op
            d.line((x0, y0, x1, y1), fill=230 if typed else 255, width=w)
        elif kind == "signature":
            draw_signature(sig, op[1], op[2], rng)
        elif kind == "seal":
            draw_seal(seal, op[1], op[2], op[3], rng)
    if typed:   # ribbon grain
        grain = noise_image(rng, (W, H), 40).point(lambda v: min(255, v + 100))
        text = ImageChops.multiply(text, grain.filter(ImageFilter.GaussianBlur(0.7)))
    return text, sig, seal


PAPER_GRAY = 246
PAPER_RGB = (248, 246, 240)
INK_GRAY = 20
INK_RGB = (24, 24, 30)
PEN_RGB = (30, 52, 150)
PEN_GRAY = 70
SEAL_RGB = (206, 32, 44)
SEAL_GRAY = 100


def compose(layers, color, paper):
    text, sig, seal = layers
    if color:
        img = Image.new("RGB", (W, H), paper)
        img.paste(INK_RGB, (0, 0), text)
        img.paste(PEN_RGB, (0, 0), sig)
        stamp = Image.new("RGB", (W, H), (255, 255, 255))
        stamp.paste(SEAL_RGB, (0, 0), seal.point(lambda v: v * 82 // 100))
    else:
        img = Image.new("L", (W, H), paper)
        img.paste(INK_GRAY, (0, 0), text)
        img.paste(PEN_GRAY, (0, 0), sig)
        stamp = Image.new("L", (W, H), 255)
        stamp.paste(SEAL_GRAY, (0, 0), seal.point(lambda v: v * 82 // 100))
    return ImageChops.multiply(img, stamp)


# -- wear ----------------------------------------------------------------------------

def wear_faded(img, rng):
    """Faded ink: ink keeps only about 50-75 % of its darkness, unevenly."""
    inv = ImageOps.invert(img)
    k = mottle(rng, (W, H), 180, 32).point(lambda v: min(255, v + 33))
    if img.mode == "RGB":
        k = Image.merge("RGB", (k, k, k))
    return ImageOps.invert(ImageChops.multiply(inv, k))


def wear_photocopy(img, rng):
    """Photocopy: thickened, harder strokes on a grey, uneven background with toner specks."""
    img = img.filter(ImageFilter.MinFilter(3))
    img = img.point(lambda v: 30 + v * 192 // 255)          # paper -> ~215, ink -> ~35
    img = add_signed(img, mottle(rng, (W, H), 300, 10))
    # darker towards the edges (copier lid shadow)
    shade = Image.new("L", (W, H), 0)
    sd = ImageDraw.Draw(shade)
    for i in range(60):
        v = round(120 * (1 - i / 60) ** 2)
        sd.rectangle((i * 3, i * 3, W - 1 - i * 3, H - 1 - i * 3), outline=v, width=3)
    sd.rectangle((0, 0, 26, H), fill=190)                    # the copied sheet's edge
    img = ImageChops.subtract(img, shade.convert(img.mode))
    d = ImageDraw.Draw(img)
    dark = 40 if img.mode == "L" else (40, 40, 40)
    for _ in range(600):                                      # toner specks
        x, y = rng.randrange(W), rng.randrange(H)
        r = rng.choice((1, 1, 2, 2, 3))
        d.ellipse((x - r, y - r, x + r, y + r), fill=dark)
    x = rng.randrange(LEFT + 200, RIGHT - 200)               # a faint drum streak
    d.line((x, 0, x + 6, H), fill=170 if img.mode == "L" else (170, 170, 170), width=3)
    return img


def wear_punch_holes(img):
    d = ImageDraw.Draw(img)
    r = round(3 * MM)
    x = round(12 * MM)
    for y in (H // 2 - round(40 * MM), H // 2 + round(40 * MM)):
        d.ellipse((x - r, y - r, x + r, y + r), fill=25 if img.mode == "L" else (25, 25, 25))
    return img


def wear_aged(img, rng):
    """Old paper: darker, mottled."""
    img = img.point(lambda v: v * 232 // 255)
    return add_signed(img, mottle(rng, img.size, 260, 3))


def wear_salt_pepper(img, rng, dpi):
    d = ImageDraw.Draw(img)
    w, h = img.size
    black = 0 if img.mode == "L" else (0, 0, 0)
    white = 255 if img.mode == "L" else (255, 255, 255)
    k = (dpi / 300) ** 2
    for _ in range(round(1500 * k)):
        x, y = rng.randrange(w), rng.randrange(h)
        r = rng.choice((0, 1, 1, 2))
        d.ellipse((x - r, y - r, x + r, y + r), fill=black)
    for _ in range(round(700 * k)):
        x, y = rng.randrange(LEFT * dpi // 300, RIGHT * dpi // 300), rng.randrange(h)
        r = rng.choice((0, 1, 1))
        d.ellipse((x - r, y - r, x + r, y + r), fill=white)
    return img


def levels(img, white, black=8):
    lut = [max(0, min(255, round((v - black) * 255 / (white - black)))) for v in range(256)]
    if img.mode == "RGB":
        lut = lut * 3
    return img.point(lut)


def make_page_image(page, spec, color, seed, bleed_from=None):
    """Render one page and apply its wear; returns an L or RGB image at spec['dpi']."""
    rng = rng_for("wear", seed)
    wear = spec["wear"]
    old = page is not None and DOCS[page.doc_id]["style"] == "typewriter"
    if page is None:                                          # blank back of a duplex scan
        img = Image.new("L", (W, H), PAPER_GRAY)
        text, _, _ = bleed_from
        ghost = ImageOps.mirror(text).filter(ImageFilter.GaussianBlur(6))
        img = ImageChops.subtract(img, ghost.point(lambda v: v * 20 // 255))
    else:
        layers = render_layers(page, seed)
        img = compose(layers, color, PAPER_RGB if color else PAPER_GRAY)
    if old or "aged_paper" in wear:
        img = wear_aged(img, rng)
    if "faded" in wear:
        img = wear_faded(img, rng)
    if "photocopy" in wear:
        img = wear_photocopy(img, rng)
    if "punch_holes" in wear:
        img = wear_punch_holes(img)
    fill = img.getpixel((W // 2, 8))
    dpi = spec["dpi"]
    if dpi != DPI:
        img = img.resize((round(W * dpi / DPI), round(H * dpi / DPI)), Image.Resampling.LANCZOS)
    if spec["skew"]:
        img = img.rotate(spec["skew"], resample=Image.Resampling.BICUBIC, fillcolor=fill)
    if spec.get("rotation") == 180:
        img = img.transpose(Image.Transpose.ROTATE_180)
    if "blur" in wear:
        img = img.filter(ImageFilter.GaussianBlur(1.3 * dpi / DPI))
    else:
        img = img.filter(ImageFilter.GaussianBlur(0.55 * dpi / DPI))   # scanner optics
    if "photocopy" not in wear:                                         # sensor noise
        img = add_signed(img, noise_image(rng, img.size, 2.0))
    if "photocopy" in wear:
        img = levels(img, 250)
    elif old or "aged_paper" in wear:
        img = levels(img, 250)
    else:
        img = levels(img, 238)
    if "noise" in wear:
        img = add_signed(img, noise_image(rng, img.size, 6.0 if spec["fmt"] != "tiff-g4" else 40.0))
    if "salt_pepper" in wear:
        img = wear_salt_pepper(img, rng, dpi)
    return img


def to_bilevel(img):
    return img.point(lambda v: 255 if v >= 150 else 0).convert("1", dither=Image.Dither.NONE)


# --------------------------------------------------------------------------------------
# The box
# --------------------------------------------------------------------------------------

def P(doc, n, dpi=300, skew=0.0, wear=(), rotation=0):
    return dict(doc=doc, n=n, dpi=dpi, skew=skew, wear=list(wear), rotation=rotation)


HS1 = BOX + "/hs-01-nghi-quyet"
HS2 = BOX + "/hs-02-van-thu-luu-tru"
HS3 = BOX + "/hs-03-thong-tri-1997"

FILES = [
    (HS1 + "/01-nq.tif", "tiff-g4", [
        P("05-NQ/ĐUK", 1, skew=-0.8),
        P("05-NQ/ĐUK", 2, skew=1.6, wear=["salt_pepper"]),
        P("05-NQ/ĐUK", 3, wear=["noise"]),
        P("05-NQ/ĐUK", 4, skew=0.5, wear=["punch_holes"])]),
    (HS1 + "/02-nq.png", "png", [
        P("05-NQ/ĐUK", 5, dpi=200, skew=-1.0, wear=["upside_down"], rotation=180)]),
    (HS1 + "/03-nq.jpg", "jpeg", [
        P("05-NQ/ĐUK", 6, skew=0.9, wear=["red_seal", "noise"])]),
    (HS1 + "/04-ctr.tif", "tiff-lzw", [
        P("28-CTr/ĐUK", 1, skew=2.4),
        P("28-CTr/ĐUK", 2, wear=["faded"]),
        P("28-CTr/ĐUK", 3, skew=-0.6, wear=["blur"])]),
    (HS1 + "/05-ctr.tif", "tiff-jpeg", [
        P("28-CTr/ĐUK", 4, skew=-1.3),
        P("28-CTr/ĐUK", 5, wear=["red_seal"])]),
    (HS2 + "/1.png", "png", [P("86-BC/ĐUK", 1, dpi=200, wear=["noise"])]),
    (HS2 + "/2.png", "png", [P("86-BC/ĐUK", 2, dpi=200, skew=-2.8)]),
    (HS2 + "/3.jpg", "jpeg", [P("86-BC/ĐUK", 3, skew=0.6, wear=["red_seal"])]),
    (HS2 + "/4.png", "png", [P("112-QĐ/ĐUK", 1, skew=0.7, wear=["photocopy"])]),
    (HS2 + "/5.png", "png", [P("112-QĐ/ĐUK", 2, wear=["photocopy", "grey_seal"])]),
    (HS2 + "/6.jpg", "jpeg", [P("47-KH/ĐUK", 1, skew=-1.8)]),
    (HS2 + "/7.jpg", "jpeg", [P("47-KH/ĐUK", 2, dpi=200, wear=["blur"])]),
    (HS2 + "/8.jpg", "jpeg", [P("47-KH/ĐUK", 3, dpi=200, wear=["red_seal", "noise"])]),
    (HS2 + "/9.png", "png", [P("356-CV/ĐUK", 1, dpi=200, skew=2.1, wear=["faded", "grey_seal"])]),
    (HS2 + "/10.jpg", "jpeg", [P("145-TB/ĐUK", 1, skew=1.1, wear=["red_seal", "salt_pepper"])]),
    (HS3 + "/thong-tri-07.pdf", "pdf", [
        P("07-TT/ĐUK", 1, skew=1.9, wear=["aged_paper", "faded"]),
        P("07-TT/ĐUK", 2, skew=-0.7, wear=["aged_paper", "photocopy", "noise"]),
        P("07-TT/ĐUK", 3, skew=1.3, wear=["aged_paper", "grey_seal", "blur"]),
        P(None, 0, wear=["aged_paper", "blank_back", "bleed_through"])]),
]

COLOR_FORMATS = {"jpeg", "tiff-jpeg"}

BOX_JSON = {
    "ma_co_quan_luu_tru": "H67",
    "ma_phong": "12",
    "ten_phong": "Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh Đắk Nông",
    "hop_so": "01",
    "don_vi_so_hoa": "Kho Lưu trữ Tỉnh ủy Đắk Nông",
    "nguoi_so_hoa": "Nguyễn Thị Thu Hà",
}
HOSO_JSON = {
    HS1: {
        "ma_phong": "12",
        "muc_luc_hoac_nam": "2023",
        "so_ho_so": "15",
        "tieu_de": "Nghị quyết của Ban Chấp hành Đảng bộ Khối về ứng dụng công nghệ thông tin, "
                   "chuyển đổi số trong công tác đảng và tài liệu tham khảo",
        "thoi_han_bao_quan": "01",
        "che_do_su_dung": "01",
        "ngon_ngu": "vi",
        "ghi_chu": "Kèm Chương trình hành động của Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh "
                   "Hà Tĩnh gửi trao đổi kinh nghiệm",
    },
    HS2: {
        "ma_phong": "12",
        "muc_luc_hoac_nam": "2019",
        "so_ho_so": "08",
        "tieu_de": "Tập văn bản về công tác văn thư, lưu trữ và chỉnh lý, số hóa tài liệu "
                   "năm 2018 - 2019",
        "thoi_han_bao_quan": "02",
        "che_do_su_dung": "01",
        "ngon_ngu": "vi",
    },
    HS3: {
        "muc_luc_hoac_nam": "1997",
        "so_ho_so": "03",
        "tieu_de": "Thông tri của Ban Thường vụ Đảng ủy Khối Dân chính Đảng tỉnh Đắk Lắk về công "
                   "tác văn thư, lưu trữ năm 1997",
        "thoi_han_bao_quan": "01",
        "che_do_su_dung": "01",
        "ngon_ngu": "vi",
        "ghi_chu": "Bản đánh máy; tài liệu của cơ quan tiền thân tiếp nhận khi chia tách tỉnh năm "
                   "2004; mặt sau tờ cuối để trắng",
    },
}

FORMAT_NAMES = {
    "tiff-g4": "TIFF, 1-bit, CCITT Group 4, multi-page",
    "tiff-lzw": "TIFF, 8-bit grayscale, LZW, multi-page",
    "tiff-jpeg": "TIFF, 24-bit RGB, JPEG-in-TIFF, multi-page",
    "png": "PNG, 8-bit grayscale",
    "jpeg": "JPEG, 24-bit colour",
    "pdf": "PDF, image-only (DCT grayscale images, no text layer)",
}

PDF_DATE = time.struct_time((2024, 5, 14, 8, 30, 0, 1, 135, 0))


TIFF_TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4}


def zero_tiff_gaps(path):
    """libtiff pads strips to an even offset with an uninitialised byte; zero every byte that
    no header, IFD, tag value or strip uses, so that the file is reproducible."""
    import struct
    data = bytearray(open(path, "rb").read())
    if data[:2] != b"II":
        raise SystemExit("%s: expected a little-endian TIFF" % path)
    used = [(0, 8)]
    off = struct.unpack_from("<I", data, 4)[0]
    while off:
        n = struct.unpack_from("<H", data, off)[0]
        used.append((off, off + 2 + 12 * n + 4))
        values = {}
        for i in range(n):
            tag, typ, count, raw = struct.unpack_from("<HHII", data, off + 2 + 12 * i)
            size = TIFF_TYPE_SIZES[typ] * count
            where = raw if size > 4 else off + 2 + 12 * i + 8
            if size > 4:
                used.append((raw, raw + size))
            if tag in (273, 279):                      # StripOffsets, StripByteCounts
                fmt = "<%d%s" % (count, "H" if typ == 3 else "I")
                values[tag] = struct.unpack_from(fmt, data, where)
        for start, length in zip(values[273], values[279]):
            used.append((start, start + length))
        off = struct.unpack_from("<I", data, off + 2 + 12 * n)[0]
    keep = bytearray(len(data))
    for a, b in used:
        keep[a:b] = b"\x01" * (b - a)
    for i, k in enumerate(keep):
        if not k:
            data[i] = 0
    with open(path, "wb") as fh:
        fh.write(data)


def save_file(path, fmt, images, dpis):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    first, rest = images[0], images[1:]
    dpi = dpis[0]
    if fmt == "tiff-g4":
        imgs = [to_bilevel(i) for i in images]
        # PhotometricInterpretation 0 (WhiteIsZero), as bilevel scanners and fax write it
        imgs[0].save(path, format="TIFF", compression="group4", dpi=(dpi, dpi),
                     tiffinfo={262: 0}, save_all=True, append_images=imgs[1:])
    elif fmt == "tiff-lzw":
        first.save(path, format="TIFF", compression="tiff_lzw", dpi=(dpi, dpi),
                   save_all=True, append_images=rest)
    elif fmt == "tiff-jpeg":
        # 32 rows per strip (a multiple of the JPEG MCU height, as libtiff's own writer wants)
        first.save(path, format="TIFF", compression="jpeg", quality=70, dpi=(dpi, dpi),
                   strip_size=first.width * 3 * 32, save_all=True, append_images=rest)
    elif fmt == "png":
        first.save(path, format="PNG", dpi=(dpi, dpi), compress_level=9)
    elif fmt == "jpeg":
        first.save(path, format="JPEG", dpi=(dpi, dpi), quality=82, optimize=False)
    elif fmt == "pdf":
        first.save(path, format="PDF", resolution=float(dpi), save_all=True, append_images=rest,
                   quality=75, title="Thông tri số 07-TT/ĐUK (bản quét)", author=None,
                   creator="Scanner", producer="Scanner",
                   creationDate=PDF_DATE, modDate=PDF_DATE)
    else:
        raise ValueError(fmt)
    if fmt.startswith("tiff"):
        zero_tiff_gaps(path)
    if len(set(dpis)) != 1:
        raise SystemExit("%s: all pages of a multi-page file must share a dpi" % path)


def main():
    if PIL.__version__ != EXPECTED_PILLOW:
        print("warning: Pillow %s (expected %s): the files will be valid but may not be "
              "byte-identical to the committed ones" % (PIL.__version__, EXPECTED_PILLOW),
              file=sys.stderr)
    find_fonts()
    for k, doc in DOCS.items():
        for key in ("left", "title", "subtitle", "noi_nhan", "sign"):
            doc[key] = [nfc(s) for s in doc[key]]
        doc["date"], doc["signer"], doc["seal"] = nfc(doc["date"]), nfc(doc["signer"]), nfc(doc["seal"])
        doc["body"] = [(st, nfc(" ".join(t.split()))) for st, t in doc["body"]]

    layouts = {}
    for doc_id, doc in DOCS.items():
        layouts[doc_id] = Layout(doc_id, doc).run()
        print("%-12s %d pages" % (doc_id, len(layouts[doc_id])), file=sys.stderr)
    if "--layout-only" in sys.argv:
        for doc_id, pages in layouts.items():
            for p in pages:
                print("== %s p%d: %d body lines, y=%d" % (doc_id, p.number, p.body_lines, p.y))
                if "-v" in sys.argv:
                    print("\n".join(p.text))
        return

    # every page of every document must be placed exactly once
    placed = [(p["doc"], p["n"]) for _, _, pages in FILES for p in pages if p["doc"]]
    wanted = [(d, i + 1) for d, pages in layouts.items() for i in range(len(pages))]
    if sorted(placed) != sorted(wanted):
        raise SystemExit("page plan does not match the layout:\n placed %s\n wanted %s"
                         % (sorted(set(placed) ^ set(wanted)), len(wanted)))

    out_box = os.path.join(HERE, BOX)
    if os.path.isdir(out_box):
        shutil.rmtree(out_box)
    ground = {}
    doc_pages = {d: [] for d in DOCS}
    prev_layers = None
    for rel, fmt, specs in FILES:
        images = []
        entries = []
        for idx, spec in enumerate(specs):
            spec = dict(spec, fmt=fmt)
            seed = "%s#%d" % (rel, idx + 1)
            color = fmt in COLOR_FORMATS
            if spec["doc"] is None:
                page = None
                img = make_page_image(None, spec, False, seed, bleed_from=prev_layers)
                text = ""
            else:
                page = layouts[spec["doc"]][spec["n"] - 1]
                img = make_page_image(page, spec, color, seed)
                prev_layers = render_layers(page, seed)
                text = "\n".join(page.text)
                doc_pages[spec["doc"]].append({"file": rel, "source_page": idx + 1,
                                               "page_in_document": spec["n"]})
            images.append(img)
            wear = list(spec["wear"])
            has_seal = page is not None and any(op[0] == "seal" for op in page.ops)
            seal_tag = "red_seal" if color else "grey_seal"
            if has_seal != (seal_tag in wear) or ({"red_seal", "grey_seal"} - {seal_tag}) & set(wear):
                raise SystemExit("%s page %d: the seal tag in the wear list does not match the page"
                                 % (rel, idx + 1))
            entries.append({
                "source_page": idx + 1,
                "text": text,
                "blank": page is None,
                "rotation": spec["rotation"],
                "skew_deg": spec["skew"],
                "wear": wear,
                "document": spec["doc"],
                "dpi": spec["dpi"],
            })
        save_file(os.path.join(HERE, rel), fmt, images, [s["dpi"] for s in specs])
        ground[rel] = {"format": FORMAT_NAMES[fmt], "pages": entries}
        print("wrote %s (%d page%s)" % (rel, len(specs), "" if len(specs) == 1 else "s"),
              file=sys.stderr)

    def dump(obj, path):
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            json.dump(obj, fh, ensure_ascii=False, indent=2)
            fh.write("\n")

    dump(BOX_JSON, os.path.join(out_box, "box.json"))
    for rel, obj in HOSO_JSON.items():
        dump(obj, os.path.join(HERE, rel, "hoso.json"))
    dump(ground, os.path.join(HERE, "ground-truth.json"))

    docs_out = []
    for doc_id, doc in DOCS.items():
        so, ky_hieu = doc_id.split("-", 1)
        hs = {p["file"].rsplit("/", 1)[0] for p in doc_pages[doc_id]}
        docs_out.append(dict({
            "so_ky_hieu": doc_id,
            "so": so,
            "ky_hieu": ky_hieu,
            "ho_so": sorted(hs)[0],
            "typewritten": doc["style"] == "typewriter",
            "tham_quyen": doc["sign"][0],
            "chuc_vu_nguoi_ky": doc["sign"][-1],
            "nguoi_ky": doc["signer"],
            "noi_nhan": doc["noi_nhan"],
            "so_trang": len(layouts[doc_id]),
            "pages": doc_pages[doc_id],
        }, **{k: v for k, v in doc["meta"].items()}))
    dump(docs_out, os.path.join(HERE, "documents.json"))


if __name__ == "__main__":
    main()
