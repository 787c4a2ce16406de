/* The --help text, in Vietnamese for the clerks who use vanban. */
#include "cli.h"

void cli_usage(FILE *out)
{
    fputs("Cách dùng / Usage:\n"
          "  vanban render MẪU.md [-d DỮ_LIỆU.xml] [-o KẾT_QUẢ.pdf|-] [--set KHÓA=GIÁ_TRỊ]...\n"
          "                [--font-family HỌ_PHÔNG]\n"
          "      Dàn trang mẫu văn bản (Markdown có phần đầu YAML) thành PDF đúng thể thức\n"
          "      Nghị định 30/2020/NĐ-CP; -d: lấy số liệu cho các thẻ {{ }} từ dữ liệu hội thi;\n"
          "      --set: thay một trường của phần đầu. Không có -o: ghi MẪU.pdf cạnh MẪU.md;\n"
          "      -o - ghi ra đầu ra chuẩn. Hướng dẫn: docs/huong-dan.md.\n"
          "  vanban normalize [--from BẢNG_MÃ|auto] [--tone classic|modern|keep] [-o RA] [-v]\n"
          "                   [TỆP...]\n"
          "      Chuyển văn bản tiếng Việt ở mọi bảng mã về UTF-8 chuẩn NFC, một kiểu đặt dấu,\n"
          "      khoảng trắng gọn gàng. Không có TỆP: đọc đầu vào chuẩn; không có -o: ghi ra\n"
          "      đầu ra chuẩn. BẢNG_MÃ: auto (mặc định: tự nhận biết, sửa lỗi phông), utf-8,\n"
          "      utf-16, cp1258, viscii, tcvn5712, tcvn3 (ABC, .VnTime), vni (VNI-Times), viqr.\n"
          "      --tone classic (mặc định): hòa, khỏe, thủy; modern: hoà, khoẻ, thuỷ;\n"
          "      keep: giữ nguyên. -v: cho biết đã nhận biết bảng mã nào và vì sao.\n"
          "  vanban check DỮ_LIỆU.xml\n"
          "      Kiểm tra tệp dữ liệu hội thi (cú pháp, mô hình, mã tham chiếu, điểm, số giải,\n"
          "      thứ tự ngày); báo mọi lỗi kèm dòng:cột. Mô hình: docs/contest-xml.md.\n"
          "  vanban results DỮ_LIỆU.xml [--format text|csv|xml]\n"
          "      Tính kết quả: điểm từng phần thi, tổng điểm, điều kiện, xếp hạng, giải thưởng,\n"
          "      thống kê. text: bảng xếp hạng; csv: cho Excel (UTF-8 có BOM); xml: dữ liệu kèm\n"
          "      kết quả trong <results> (để mẫu văn bản truy vấn bằng XPath).\n"
          "  vanban --help       in trợ giúp này\n"
          "  vanban --version    in phiên bản\n"
          "\n"
          "Mã thoát: 0 thành công, 1 dữ liệu vào sai, 2 dùng lệnh sai, 3 lỗi đọc/ghi hoặc lỗi trong.\n"
          "Biến môi trường SOURCE_DATE_EPOCH: đặt ngày tạo PDF (cùng đầu vào cho cùng tệp PDF).\n"
          "Tài liệu: man vanban (docs/vanban.1).\n",
          out);
}
