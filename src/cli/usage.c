/* The --help text, in Vietnamese for the clerks who use vanban. */
#include "cli.h"

void cli_usage(FILE *out)
{
    fputs("Cách dùng / Usage:\n"
          "  vanban render TỆP.md [-o KẾT_QUẢ.pdf|-] [--font-family HỌ_PHÔNG]\n"
          "      Dàn trang văn bản Markdown thành PDF. Không có -o: ghi TỆP.pdf cạnh TỆP.md;\n"
          "      -o - ghi ra đầu ra chuẩn.\n"
          "  vanban --help       in trợ giúp này\n"
          "  vanban --version    in phiên bản\n"
          "\n"
          "Mã thoát: 0 thành công, 1 dữ liệu vào sai, 2 dùng lệnh sai, 3 lỗi đọc/ghi hoặc lỗi trong.\n"
          "Biến môi trường SOURCE_DATE_EPOCH: đặt ngày tạo PDF (cùng đầu vào cho cùng tệp PDF).\n"
          "Tài liệu: man vanban (docs/vanban.1).\n",
          out);
}
