/* Two-syllable words a title must not be broken between (vn.h,
 * vn_two_syllable_word). Vietnamese writes every syllable apart, so nothing
 * in the text tells "hướng dẫn" (one word) from "chính hướng" (two): a
 * centred title balanced by width alone came out as "… hành chính hướng" /
 * "dẫn quy trình …". The list holds the words of official documents on
 * administrative reform and contests that titles are made of, and the
 * provinces' names; it is not a dictionary, and a pair it lacks is only
 * unknown. Entries are lower case, NFC, classic tone placement ("hóa",
 * "thủy"), sorted by bytes for bsearch (a unit test checks the order). */
#include "vn_internal.h"

#include <stdlib.h>
#include <string.h>

static const char *const words[] = {
    "an giang", "an ninh", "an toàn", "ban hành", "ban ngành", "biên chế", "biến đổi", "biểu dương",
    "bà rịa", "báo cáo", "bình dương", "bình phước", "bình thuận", "bình định", "bạc liêu",
    "bảo hiểm", "bảo vệ", "bảo đảm", "bắc giang", "bắc kạn", "bắc ninh", "bằng khen", "bến tre",
    "bệnh viện", "bồi dưỡng", "bổ nhiệm", "bộ máy", "bộ phận", "cao bằng", "chi bộ", "chi cục",
    "chi nhánh", "chiến binh", "chiến dịch", "chiến sĩ", "chuyên môn", "chuyển đổi", "châu thành",
    "chí minh", "chính phủ", "chính quyền", "chính sách", "chính trị", "chương trình", "chất lượng",
    "chỉ số", "chỉ thị", "chỉ tiêu", "chỉ đạo", "chứng chỉ", "chứng thực", "chữ ký", "cà mau",
    "cá nhân", "cách làm", "cán bộ", "câu hỏi", "công an", "công bằng", "công chức", "công dân",
    "công khai", "công lập", "công nghiệp", "công nghệ", "công nhận", "công thương", "công trình",
    "công tác", "công văn", "công đoàn", "căn cước", "cơ chế", "cơ cấu", "cơ quan", "cơ sở",
    "cư trú", "cạnh tranh", "cải cách", "cải thiện", "cần thơ", "cộng đồng", "cựu chiến",
    "danh hiệu", "danh sách", "di tích", "doanh nghiệp", "du lịch", "dân chủ", "dân cư", "dân số",
    "dân tộc", "dịch bệnh", "dịch vụ", "dữ liệu", "dự thi", "dự toán", "dự án", "gia lai",
    "gia đình", "giai đoạn", "giao thông", "giám khảo", "giám sát", "giám đốc", "giáo dục",
    "giáo viên", "giải pháp", "giải quyết", "giải thưởng", "giấy khen", "giấy phép", "giấy tờ",
    "góp ý", "hiến pháp", "hiện hành", "hiện đại", "hiệp hội", "hiệu lực", "hiệu quả", "hoàn thiện",
    "hoàn thành", "hoạt động", "hà giang", "hà nam", "hà nội", "hà tĩnh", "hài lòng", "hành chính",
    "hình thức", "hòa bình", "hôn nhân", "hưng yên", "hướng dẫn", "hưởng ứng", "hạ tầng", "hạn chế",
    "hạnh phúc", "hải dương", "hải phòng", "hải quan", "hậu giang", "hằng năm", "hệ thống",
    "học sinh", "học tập", "hồ chí", "hồ sơ", "hộ tịch", "hội nghị", "hội thi", "hội viên",
    "hội đồng", "hợp đồng", "khai sinh", "khai tử", "khen thưởng", "khiếu nại", "khoa học",
    "khu vực", "khuyến khích", "khánh hòa", "khí hậu", "khẩu hiệu", "kinh nghiệm", "kinh phí",
    "kinh tế", "kiên giang", "kiến nghị", "kiểm soát", "kiểm tra", "kon tum", "kế hoạch", "kế toán",
    "kết hôn", "kết quả", "kỷ luật", "kỷ niệm", "lai châu", "lan tỏa", "lao động", "liên thông",
    "liên đoàn", "long an", "luật pháp", "lào cai", "lâm đồng", "lãng phí", "lãnh đạo", "lý lịch",
    "lưu trữ", "lạng sơn", "lễ hội", "lịch sử", "minh bạch", "mô hình", "môi trường", "mặt trận",
    "mục tiêu", "mục đích", "nam định", "nghiêm túc", "nghiệp vụ", "nghệ an", "nghị quyết",
    "nghị định", "ngoại vụ", "nguyên nhân", "ngân hàng", "ngân sách", "người dân", "nhiệm vụ",
    "nhà nước", "nhà ở", "nhân dân", "nhân lực", "nhân rộng", "nhân viên", "ninh bình",
    "ninh thuận", "nâng cao", "nông nghiệp", "nông thôn", "năng lực", "nội dung", "nội vụ",
    "phong cách", "phong trào", "pháp luật", "pháp lý", "phát huy", "phát sinh", "phát triển",
    "phát động", "phân công", "phòng chống", "phú thọ", "phú yên", "phạm vi", "phản ánh",
    "phần mềm", "phần thi", "phối hợp", "phổ biến", "phụ lục", "phụ nữ", "phục vụ", "quy chế",
    "quy hoạch", "quy trình", "quy định", "quyết định", "quản lý", "quản trị", "quảng bình",
    "quảng nam", "quảng ngãi", "quảng ninh", "quảng trị", "quốc gia", "quốc phòng", "sinh viên",
    "sáng kiến", "sáng tạo", "sóc trăng", "sơ kết", "sơn la", "sản phẩm", "sản xuất", "sắp xếp",
    "số hóa", "sở ngành", "sử dụng", "sự nghiệp", "tham gia", "tham mưu", "tham nhũng", "thanh hóa",
    "thanh niên", "thanh toán", "thanh tra", "thi đua", "thiên tai", "thuế vụ", "thành lập",
    "thành phố", "thành viên", "thái bình", "thái nguyên", "thí sinh", "thông báo", "thông tin",
    "thông tư", "thư ký", "thương binh", "thường trú", "thường trực", "thẩm quyền", "thẩm định",
    "thị trấn", "thị xã", "thống kê", "thời gian", "thời hạn", "thủ tướng", "thủ tục", "thừa thiên",
    "thực hiện", "thực phẩm", "thực tiễn", "tinh gọn", "tinh thần", "tiên tiến", "tiêu chuẩn",
    "tiêu chí", "tiến độ", "tiếp nhận", "tiếp tục", "tiết kiệm", "tiền giang", "toàn bộ",
    "toàn diện", "toàn trình", "trao giải", "triển khai", "trung tâm", "trung ương", "truyền hình",
    "truyền thông", "truyền thống", "trà vinh", "trách nhiệm", "trình bày", "trả lời",
    "trải nghiệm", "trắc nghiệm", "trực tiếp", "trực tuyến", "tuyên dương", "tuyên quang",
    "tuyên truyền", "tuyển dụng", "tài chính", "tài khoản", "tài liệu", "tài nguyên", "tài sản",
    "tác phẩm", "tây ninh", "tìm hiểu", "tình hình", "tình trạng", "tích cực", "tôn vinh",
    "tăng cường", "tư liệu", "tư pháp", "tư tưởng", "tạm trú", "tập thể", "tỉnh ủy", "tố cáo",
    "tổ chức", "tổ quốc", "tổng hợp", "tổng kết", "tổng thể", "viên chức", "việc làm", "việt nam",
    "văn bản", "văn hóa", "văn minh", "văn phòng", "văn thư", "vĩnh long", "vĩnh phúc", "vũng tàu",
    "vận tải", "vận động", "vệ sinh", "vị trí", "xuất sắc", "xác nhận", "xác định", "xây dựng",
    "xã hội", "xếp hạng", "xử lý", "y tế", "yên bái", "yêu cầu", "điều hành", "điều kiện",
    "điển hình", "điện biên", "điện tử", "đoàn thể", "đoàn viên", "đà nẵng", "đào tạo", "đánh giá",
    "đáp án", "đô thị", "đăng ký", "đơn vị", "đạo đức", "đảm bảo", "đảng bộ", "đảng viên",
    "đất đai", "đầu tư", "đẩy mạnh", "đắk lắk", "đắk nông", "đề nghị", "đề xuất", "đề án",
    "địa bàn", "địa phương", "địa điểm", "định danh", "đối tượng", "đồng nai", "đồng tháp",
    "đổi mới", "ưu điểm", "ấn tượng", "ủy ban", "ứng dụng",
};

static int cmp_word(const void *key, const void *elem)
{
    return strcmp(key, *(const char *const *)elem);
}

/* Letters and digits: what a syllable is made of. Anything else next to
 * the space (a comma, a quote, a bracket) is punctuation. */
static bool is_letter(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
           (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && (cp < 0x2000 || cp > 0x2BFF));
}

static uint32_t first_cp(const char *s, size_t len, size_t *k)
{
    uint32_t cp = 0;
    *k = vb_utf8_decode(s, len, &cp);
    return *k ? cp : 0;
}

static uint32_t last_cp(const char *s, size_t len, size_t *k)
{
    size_t i = len;
    while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
        i--;
    if (i > 0)
        i--;
    uint32_t cp = 0;
    *k = len - i;
    if (len == 0 || vb_utf8_decode(s + i, len - i, &cp) == 0)
        return 0;
    return cp;
}

bool vn_two_syllable_word(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t k;
    /* punctuation before the first syllable or after the second does not
     * part them: "“hướng dẫn”", "(tình trạng)," */
    while (alen > 0 && !is_letter(first_cp(a, alen, &k)) && k > 0)
        a += k, alen -= k;
    while (blen > 0 && !is_letter(last_cp(b, blen, &k)) && k > 0)
        blen -= k;
    if (alen == 0 || blen == 0 || alen + blen > 64)
        return false;
    /* between them it does: "chính," / "hướng" is a place to break */
    if (!is_letter(last_cp(a, alen, &k)) || !is_letter(first_cp(b, blen, &k)))
        return false;
    vb_buf lower;
    vb_buf_init(&lower);
    vn_lower(&lower, a, alen);
    vb_buf_putc(&lower, ' ');
    vn_lower(&lower, b, blen);
    char *classic = vn_tone_utf8(lower.data, lower.len, VN_TONE_CLASSIC);
    const char *key = classic ? classic : lower.data;
    bool found = bsearch(key, words, sizeof words / sizeof words[0], sizeof words[0], cmp_word) != NULL;
    free(classic);
    vb_buf_free(&lower);
    return found;
}

bool vn_two_syllable_words_sorted(void)
{
    for (size_t i = 1; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(words[i - 1], words[i]) >= 0)
            return false;
    return true;
}
