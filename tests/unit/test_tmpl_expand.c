/* Template expansion: every tag kind, every filter, escaping, the standalone
 * rule, partials and their refusal, and each error with its line:col. The
 * expected texts are written by hand from docs/template-language.md. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "data/data.h"
#include "md/md.h"
#include "tmpl/tmpl.h"
#include "util/xml_errors.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *XML =
    "<contest year='2023'>"
    "<title>Hội thi Cải cách hành chính</title>"
    "<province>Sóc Trăng</province>"
    "<unit id='a' score='83.64' amount='10000000' date='2023-02-05' n='4'>Sở Giáo dục và Đào tạo</unit>"
    "<unit id='b' score='81.28' amount='7000000' date='2019-06-29' n='105'>Sở *Y tế* | 2 [x](y)</unit>"
    "<unit id='c' score='80.85' amount='500000' date='2023-07-18' n='21'>UBND thành phố Sóc Trăng</unit>"
    "<empty/>"
    "<blank>   </blank>"
    "<lines>dòng một\ndòng hai\n\n# hai</lines>"
    "<thuy>Thuỷ lợi và hoà bình</thuy>"
    "</contest>";

typedef struct fixture {
    xmlDocPtr doc;
    char *msg;
    size_t msg_len;
    FILE *err;
    vb_diag d;
    vb_buf out;       /* the expansion: values as placeholders (md_values) */
    md_values values; /* the values behind them */
    vb_buf shown;     /* the expansion with the values put back */
    front_matter fm;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->doc = xmlReadMemory(XML, (int)strlen(XML), "t.xml", NULL, XML_PARSE_NONET);
    f->err = open_memstream(&f->msg, &f->msg_len);
    vb_diag_init(&f->d, f->err);
    vb_buf_init(&f->out);
    vb_buf_init(&f->shown);
    front_matter_parse(&f->fm, "", 0, "t.md", &f->d);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    xmlFreeDoc(f->doc);
    fclose(f->err);
    free(f->msg);
    vb_buf_free(&f->out);
    vb_buf_free(&f->shown);
    md_values_free(&f->values);
    front_matter_free(&f->fm);
    free(f);
    return 0;
}

/* The text of `b` with the values of f->values in place of their
 * placeholders: what prints, when the Markdown around them is plain. */
static const char *shown(fixture *f, const vb_buf *b)
{
    vb_buf_clear(&f->shown);
    md_values_resolve(&f->values, b->data ? b->data : "", b->len, &f->shown);
    return f->shown.data ? f->shown.data : "";
}

/* Expands `tmpl` (Markdown mode, template folder `dir`) and returns the
 * text with the values in place (the raw expansion stays in f->out), or
 * NULL on error with the message in f->msg. */
static const char *expand_in(fixture *f, const char *tmpl, const char *dir, bool markdown)
{
    vb_buf_clear(&f->out);
    md_values_free(&f->values);
    tmpl_options o = {.dir = dir, .tone = VN_TONE_CLASSIC,
                      .values = markdown ? &f->values : NULL, .vars = &f->fm};
    bool ok = tmpl_expand(tmpl, strlen(tmpl), "t.md", 1, 1, f->doc, NULL, &o, &f->out, &f->d);
    fflush(f->err);
    return ok ? shown(f, &f->out) : NULL;
}

/* The Markdown tree of the last expansion (f->out), values put back. */
static md_doc *parse_expanded(fixture *f, vb_diag *d)
{
    return md_parse_mapped(f->out.data ? f->out.data : "", f->out.len, "t.md", NULL, 0,
                           &f->values, d);
}

static const char *expand(fixture *f, const char *tmpl)
{
    return expand_in(f, tmpl, ".", true);
}

static const char *plain(fixture *f, const char *tmpl)
{
    return expand_in(f, tmpl, ".", false);
}

static void assert_error(fixture *f, const char *tmpl, const char *where, const char *what)
{
    rewind(f->err);
    f->msg_len = 0;
    if (f->msg)
        f->msg[0] = '\0';
    const char *r = expand(f, tmpl);
    if (r)
        fail_msg("expected an error for %s, got \"%s\"", tmpl, r);
    if (!strstr(f->msg, where) || !strstr(f->msg, what))
        fail_msg("for %s expected \"%s\" and \"%s\" in: %s", tmpl, where, what, f->msg);
}

static void interpolation_and_raw(void **state)
{
    fixture *f = *state;
    assert_string_equal(expand(f, "Tỉnh {{contest/province}}."), "Tỉnh Sóc Trăng.");
    assert_string_equal(expand(f, "{{/contest/@year}}"), "2023");
    assert_string_equal(expand(f, "{{/contest/@year + 1}}"), "2024");
    assert_string_equal(expand(f, "{{count(//unit)}} đơn vị"), "3 đơn vị");
    /* In Markdown mode a value reaches the Markdown parser as a placeholder
     * (md_values), none of its characters in the text; as is with triple
     * braces or outside Markdown. */
    assert_string_equal(expand(f, "{{//unit[@id='b']}}"), "Sở *Y tế* | 2 [x](y)");
    assert_string_equal(f->out.data, MD_VALUE_OPEN "0" MD_VALUE_CLOSE);
    assert_string_equal(expand(f, "{{//unit[@id='b']}} và {{//unit[@id='a']}}, {{//unit[@id='b']}}"),
                        "Sở *Y tế* | 2 [x](y) và Sở Giáo dục và Đào tạo, Sở *Y tế* | 2 [x](y)");
    assert_string_equal(f->out.data, MD_VALUE_OPEN "0" MD_VALUE_CLOSE " và " MD_VALUE_OPEN "1"
                        MD_VALUE_CLOSE ", " MD_VALUE_OPEN "0" MD_VALUE_CLOSE); /* one per value */
    /* an empty value leaves nothing, not a placeholder of nothing: the
     * line it stands on alone stays blank */
    assert_string_equal(expand(f, "a\n{{//nothing | default:''}}\nb"), "a\n\nb");
    assert_string_equal(f->out.data, "a\n\nb");
    assert_string_equal(expand(f, "{{{//unit[@id='b']}}}"), "Sở *Y tế* | 2 [x](y)");
    assert_string_equal(expand(f, "{{& //unit[@id='b']}}"), "Sở *Y tế* | 2 [x](y)");
    assert_string_equal(expand_in(f, "{{//unit[@id='b']}}", ".", false), "Sở *Y tế* | 2 [x](y)");
    /* Interpolated data gets the document's tone style (classic). */
    assert_string_equal(expand(f, "{{/contest/thuy}}"), "Thủy lợi và hòa bình");
    /* Comments vanish; text outside tags is untouched. */
    assert_string_equal(expand(f, "a{{! ghi chú }}b"), "ab");
}

static void sections(void **state)
{
    fixture *f = *state;
    assert_string_equal(expand(f, "{{#//unit}}{{$i}}/{{$n}} {{@id}}; {{/}}"),
                        "1/3 a; 2/3 b; 3/3 c; ");
    assert_string_equal(expand(f, "{{#//unit}}{{@id}}{{#$i < $n}}, {{/}}{{/}}"), "a, b, c");
    /* boolean, number and string sections show once, context unchanged */
    assert_string_equal(expand(f, "{{#count(//unit) > 2}}nhiều{{/}}"), "nhiều");
    assert_string_equal(expand(f, "{{#count(//unit) > 5}}nhiều{{/}}"), "");
    assert_string_equal(expand(f, "{{#0}}không{{/}}{{#7}}bảy{{/}}"), "bảy");
    assert_string_equal(expand(f, "{{#string(/contest/empty)}}x{{/}}{{#'y'}}y{{/}}"), "y");
    /* inverted */
    assert_string_equal(expand(f, "{{^//nothing}}không có{{/}}{{^//unit}}có{{/}}"), "không có");
    /* nested: the inner section's $i shadows the outer one */
    assert_string_equal(expand(f, "{{#//unit[@id!='c']}}{{@id}}:{{#//unit[@id='c']}}{{$i}}{{/}} {{/}}"),
                        "a:1 b:1 ");
    /* a close tag may repeat the opening expression */
    assert_string_equal(expand(f, "{{#//unit[1]}}{{@id}}{{/ //unit[1]}}"), "a");
}

static void standalone_lines(void **state)
{
    fixture *f = *state;
    assert_string_equal(expand(f, "Đầu\n{{#//unit}}\n- {{@id}}\n{{/}}\nCuối\n"),
                        "Đầu\n- a\n- b\n- c\nCuối\n");
    assert_string_equal(expand(f, "Đầu\n  {{! chú thích }}  \nCuối"), "Đầu\nCuối");
    /* not standalone: another tag or text on the line */
    assert_string_equal(expand(f, "x {{#//unit[1]}}\ny{{/}}"), "x \ny");
    assert_string_equal(expand(f, "{{#//unit[1]}}{{@id}}{{/}}\nz"), "a\nz");
}

static void filters(void **state)
{
    fixture *f = *state;
    /* Values as the filters write them (plain mode: no Markdown escaping). */
    assert_string_equal(plain(f, "{{//unit[1]/@score | number:2}}"), "83,64");
    assert_string_equal(plain(f, "{{//unit[1]/@score | number:0}}"), "84");
    assert_string_equal(plain(f, "{{//unit[1]/@score | number}}"), "83,64");
    assert_string_equal(plain(f, "{{//unit[1]/@amount | number:0}}"), "10.000.000");
    assert_string_equal(plain(f, "{{//unit[1]/@amount | money}}"), "10.000.000 đồng");
    assert_string_equal(plain(f, "{{//unit[1]/@amount | words}}"), "mười triệu");
    assert_string_equal(plain(f, "{{//unit[2]/@n | words}}"), "một trăm linh năm");
    assert_string_equal(plain(f, "{{//unit[3]/@n | words}}"), "hai mươi mốt");
    assert_string_equal(plain(f, "{{//unit[1]/@date | date}}"), "ngày 05 tháng 02 năm 2023");
    assert_string_equal(plain(f, "{{//unit[2]/@date | date}}"), "ngày 29 tháng 6 năm 2019");
    assert_string_equal(plain(f, "{{//unit[1]/@date | date:short}}"), "05/02/2023");
    assert_string_equal(plain(f, "{{//unit[3]/@date | date:short}}"), "18/7/2023");
    assert_string_equal(plain(f, "{{//unit[3] | upper}}"), "UBND THÀNH PHỐ SÓC TRĂNG");
    assert_string_equal(plain(f, "{{//unit[1] | lower}}"), "sở giáo dục và đào tạo");
    assert_string_equal(plain(f, "{{'NGUYỄN THỊ MỸ HẠNH' | title}}"), "Nguyễn Thị Mỹ Hạnh");
    assert_string_equal(plain(f, "{{//unit[1]/@n | roman}}"), "IV");
    assert_string_equal(plain(f, "{{//unit[1]/@n | pad:2}} giải"), "04 giải");
    assert_string_equal(plain(f, "{{//unit[1]/@score | percent}}"), "83,64%");
    assert_string_equal(plain(f, "{{//nothing | default:'chưa có'}}"), "chưa có");
    assert_string_equal(plain(f, "{{//blank | default:'chưa có'}}"), "chưa có");
    assert_string_equal(plain(f, "{{//nothing | default:\"\"}}"), "");
    assert_string_equal(plain(f, "{{//nothing | default:\"it's\"}}"), "it's");
    assert_string_equal(plain(f, "{{'999999999999999' | money}}"), "999.999.999.999.999 đồng");
    assert_string_equal(plain(f, "{{'0000012.5' | number:1}}"), "12,5");
    /* float noise from a spreadsheet is fine when the decimals shown are few */
    assert_string_equal(plain(f, "{{'83.640000000000001' | number:2}}"), "83,64");
    /* $i and $n inside a section over nodes, also one the data never reaches */
    assert_string_equal(plain(f, "{{#//unit}}{{$i}}/{{$n}} {{/}}"), "1/3 2/3 3/3 ");
    assert_string_equal(plain(f, "{{#//khong}}{{#$i < $n}}, {{/}}{{/}}x"), "x");
    assert_string_equal(plain(f, "{{#false()}}{{#//unit}}{{$n}}{{/}}{{/}}x"), "x");
    assert_string_equal(plain(f, "{{//unit[1]/@id | default:'x'}}"), "a");
    /* nothing found: the filters before the default are skipped */
    assert_string_equal(plain(f, "{{//nothing | title | default:''}}"), "");
    assert_string_equal(plain(f, "{{//nothing | upper | default:'Chưa có'}}"), "Chưa có");
    /* chained, applied left to right */
    assert_string_equal(plain(f, "{{//nothing | default:'2023-07-18' | date}}"),
                        "ngày 18 tháng 7 năm 2023");
    /* '|' inside brackets or quotes is XPath's, not a filter */
    assert_string_equal(plain(f, "{{count(//unit[@id='a' or @id='b'] | //empty)}}"), "3");
    assert_string_equal(plain(f, "{{concat('a|b', 'c')}}"), "a|bc");
}

/* The only inline of a one-paragraph document, or of a cell. */
static const md_inline *sole_inline(const md_block *b, unsigned style)
{
    assert_int_equal(b->n_inl, 1);
    assert_int_equal(b->inl[0].style, style);
    return &b->inl[0];
}

static void escaping_survives_markdown(void **state)
{
    fixture *f = *state;
    vb_diag d;
    vb_diag_init(&d, stderr);
    /* The unit's name must come out literally in a paragraph and in a cell. */
    assert_non_null(expand(f, "Đơn vị: {{//unit[@id='b']}}.\n"));
    md_doc *doc = parse_expanded(f, &d);
    assert_non_null(doc);
    assert_int_equal(doc->root.n_children, 1);
    const md_block *p = &doc->root.children[0];
    assert_int_equal(p->kind, MD_PARAGRAPH);
    assert_string_equal(md_inline_text(doc->arena, p->inl, p->n_inl),
                        "Đơn vị: Sở *Y tế* | 2 [x](y).");
    for (size_t i = 0; i < p->n_inl; i++) {
        assert_int_equal(p->inl[i].style, 0); /* no emphasis crept in */
        assert_null(p->inl[i].link);         /* no link either */
    }
    md_doc_free(doc);

    assert_non_null(expand(f, "| STT | Đơn vị |\n|---|---|\n| 1 | {{//unit[@id='b']}} |\n"));
    doc = parse_expanded(f, &d);
    assert_non_null(doc);
    const md_block *t = &doc->root.children[0];
    assert_int_equal(t->kind, MD_TABLE);
    assert_int_equal(t->n_cols, 2);
    const md_block *row = &t->children[1];
    assert_int_equal(row->n_children, 2); /* the '|' in the name made no third cell */
    assert_string_equal(md_inline_text(doc->arena, row->children[1].inl, row->children[1].n_inl),
                        "Sở *Y tế* | 2 [x](y)");
    md_doc_free(doc);

    /* Where backslashes are literal (a code span, in a cell too, a code
     * block, an autolink), escaping printed them: "a\*b". A backtick in the
     * data does not close the span around it. */
    const char *sym = "a*b_[c]|\\`d``e";
    xmlNodePtr u = xmlDocGetRootElement(f->doc)->children->next->next;
    xmlNodeSetContent(u, (const xmlChar *)"a*b_[c]|\\`d``e");
    assert_non_null(expand(f, "Mã `{{//unit[@id='a']}}` và ``{{//unit[@id='a']}}``\n"));
    doc = parse_expanded(f, &d);
    p = &doc->root.children[0];
    assert_int_equal(p->n_inl, 4);
    assert_string_equal(p->inl[1].text, sym);
    assert_int_equal(p->inl[1].style, MD_CODE);
    assert_string_equal(p->inl[3].text, sym);
    assert_int_equal(p->inl[3].style, MD_CODE);
    md_doc_free(doc);
    assert_non_null(expand(f, "| A |\n|---|\n| `{{//unit[@id='a']}}` |\n"));
    doc = parse_expanded(f, &d);
    assert_int_equal(doc->root.children[0].n_cols, 1);
    assert_string_equal(sole_inline(&doc->root.children[0].children[1].children[0], MD_CODE)->text,
                        sym);
    md_doc_free(doc);
    assert_non_null(expand(f, "```\n{{//unit[@id='a']}}\n```\n\n    {{//unit[@id='a']}}\n"));
    doc = parse_expanded(f, &d);
    assert_int_equal(doc->root.n_children, 2);
    assert_string_equal(doc->root.children[0].text, "a*b_[c]|\\`d``e\n");
    assert_string_equal(doc->root.children[1].text, "a*b_[c]|\\`d``e\n");
    md_doc_free(doc);
    /* link text and address, and an autolink */
    assert_non_null(expand(f, "[{{//unit[@id='a']}}](https://x.vn/{{//unit[@id='a']}}) "
                              "<https://x.vn/{{//unit[@id='a']}}>\n"));
    doc = parse_expanded(f, &d);
    p = &doc->root.children[0];
    assert_int_equal(p->n_inl, 3);
    assert_string_equal(p->inl[0].text, sym);
    assert_string_equal(p->inl[0].link, "https://x.vn/a*b_[c]|\\`d``e");
    assert_string_equal(p->inl[2].text, "https://x.vn/a*b_[c]|\\`d``e");
    assert_string_equal(p->inl[2].link, "https://x.vn/a*b_[c]|\\`d``e");
    md_doc_free(doc);

    /* A value at the start of a line cannot start a list or a heading. */
    xmlNodeSetContent(u, (const xmlChar *)"1. # - Tiêu đề");
    assert_non_null(expand(f, "{{//unit[@id='a']}}\n"));
    doc = parse_expanded(f, &d);
    assert_int_equal(doc->root.children[0].kind, MD_PARAGRAPH);
    assert_string_equal(md_inline_text(doc->arena, doc->root.children[0].inl,
                                       doc->root.children[0].n_inl),
                        "1. # - Tiêu đề");
    md_doc_free(doc);
}

static void front_matter_fields(void **state)
{
    fixture *f = *state;
    const char *src = "---\nnam: \"{{/contest/@year}}\"\ntieu_de: \"Hội thi năm {{$nam}}\"\n"
                      "ds:\n  - \"{{//unit[1]/@id}}\"\n  - cố định\n---\nThân {{$tieu_de}}\n";
    front_matter fm;
    assert_true(front_matter_parse(&fm, src, strlen(src), "t.md", &f->d));
    tmpl_options o = {.dir = ".", .tone = VN_TONE_CLASSIC,
                      .values = &f->values, .vars = &fm};
    assert_true(tmpl_expand_front_matter(&fm, "t.md", f->doc, NULL, &o, &f->d));
    assert_string_equal(front_matter_get(&fm, "nam"), "2023");
    assert_string_equal(front_matter_get(&fm, "tieu_de"), "Hội thi năm 2023");
    const fm_entry *ds = front_matter_find(&fm, "ds");
    assert_string_equal(ds->items[0], "a");
    assert_string_equal(ds->items[1], "cố định");
    vb_buf b;
    vb_buf_init(&b);
    assert_true(tmpl_expand(src + fm.body_offset, strlen(src) - fm.body_offset, "t.md",
                            fm.body_line, 1, f->doc, NULL, &o, &b, &f->d));
    assert_string_equal(shown(f, &b), "Thân Hội thi năm 2023\n");
    vb_buf_free(&b);
    front_matter_free(&fm);
    /* line breaks in the data are spaces in a field as in the body: only
     * the template's own "\n" breaks a trích yếu */
    const char *src2 = "---\ntrich_yeu: \"Kết quả {{//lines}}\\nnăm {{{/contest/@year}}}\"\n---\n";
    assert_true(front_matter_parse(&fm, src2, strlen(src2), "t.md", &f->d));
    assert_true(tmpl_expand_front_matter(&fm, "t.md", f->doc, NULL, &o, &f->d));
    assert_string_equal(front_matter_get(&fm, "trich_yeu"), "Kết quả dòng một dòng hai  # hai\nnăm 2023");
    front_matter_free(&fm);
    /* a tag in a value written over several lines is placed in the file,
     * not in the value YAML made of it (">" folded "…hội thi {{//[}}" into
     * line 2; the tag is on line 4), letters before it counted as the
     * characters libyaml counts */
    static const char *const multi[] = {
        "---\ntrich_yeu: >\n  Kế hoạch tổ chức\n  hội thi {{//[}}\n---\n",
        "---\ntrich_yeu: |\n  Kế hoạch tổ chức\n  hội thi {{//[}}\n---\n",
        "---\ntrich_yeu: \"Kế hoạch {{//unit[1]}}\n  hội thi {{//[}}\"\n---\n",
    };
    static const char *const at[] = {"t.md:4:11:", "t.md:4:11:", "t.md:3:11:"};
    for (size_t i = 0; i < 3; i++) {
        fclose(f->err);
        free(f->msg);
        f->msg = NULL;
        f->err = open_memstream(&f->msg, &f->msg_len);
        vb_diag_init(&f->d, f->err);
        assert_true(front_matter_parse(&fm, multi[i], strlen(multi[i]), "t.md", &f->d));
        assert_false(tmpl_expand_front_matter(&fm, "t.md", f->doc, NULL, &o, &f->d));
        fflush(f->err);
        if (!strstr(f->msg, at[i]))
            fail_msg("case %zu: expected %s in: %s", i, at[i], f->msg);
        front_matter_free(&fm);
    }
}

static void partials(void **state)
{
    fixture *f = *state;
    char dir[] = "/tmp/vanban-partials.XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/dong.md", dir);
    FILE *fp = fopen(path, "w");
    fputs("- {{@id}}\n", fp);
    fclose(fp);
    snprintf(path, sizeof path, "%s/vong.md", dir);
    fp = fopen(path, "w");
    fputs("{{> vong}}", fp);
    fclose(fp);
    assert_string_equal(expand_in(f, "{{#//unit}}\n{{> dong}}\n{{/}}", dir, true),
                        "- a\n- b\n- c\n");
    assert_string_equal(expand_in(f, "{{#//unit[1]}}{{> dong.md}}{{/}}", dir, true), "- a\n");
    assert_null(expand_in(f, "{{> vong}}", dir, true));
    assert_non_null(strstr(f->msg, "lồng quá"));
    /* a partial with its own front matter printed it as text */
    snprintf(path, sizeof path, "%s/dau.md", dir);
    fp = fopen(path, "w");
    fputs("---\nframe: plain\n---\nThân.\n", fp);
    fclose(fp);
    assert_null(expand_in(f, "A {{> dau}}", dir, true));
    assert_non_null(strstr(f->msg, "dau.md:1:1:"));
    assert_non_null(strstr(f->msg, "có phần đầu (---)"));
    fp = fopen(path, "w"); /* a fence with a space after it is one too */
    fputs("--- \nframe: plain\n---\nThân.\n", fp);
    fclose(fp);
    assert_null(expand_in(f, "A {{> dau}}", dir, true));
    assert_non_null(strstr(f->msg, "có phần đầu (---)"));
    unlink(path);
    snprintf(path, sizeof path, "%s/dong.md", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/vong.md", dir);
    unlink(path);
    rmdir(dir);
    assert_error(f, "x\n  {{> /etc/passwd}}", "t.md:2:3:", "không được dùng đường dẫn tuyệt đối");
    assert_error(f, "{{> ../bi-mat}}", "t.md:1:1:", "\"..\"");
    assert_error(f, "{{> khong-co}}", "t.md:1:1:", "không đọc được mẫu con \"khong-co\"");
}

static void errors_with_location(void **state)
{
    fixture *f = *state;
    assert_error(f, "Dòng một\nTỉnh {{contest/[}}", "t.md:2:6:", "biểu thức XPath \"contest/[\" không hợp lệ");
    assert_error(f, "ab {{//unit | tron}}", "t.md:1:4:", "không có bộ lọc \"tron\"");
    assert_error(f, "{{//unit | pad:x}}", "t.md:1:1:", "đối số \"x\" của bộ lọc pad không hợp lệ");
    assert_error(f, "{{//unit[1] | number:2}}", "t.md:1:1:", "bộ lọc number cần một số");
    assert_error(f, "{{//unit[1] | date}}", "t.md:1:1:", "bộ lọc date cần ngày dạng");
    assert_error(f, "x\n\n  {{#//unit}}\nmở mãi", "t.md:3:3:", "chưa được đóng");
    assert_error(f, "Một {{/}} hai", "t.md:1:5:", "không có thẻ mở");
    assert_error(f, "{{#//unit}}x{{/ //khac}}", "t.md:1:13:", "thẻ đóng \"{{/ //khac}}\" không khớp thẻ mở \"{{#//unit}}\"");
    assert_error(f, "Ở đây {{//khong-co}}", "t.md:1:7:", "không tìm thấy giá trị nào");
    /* figures a double cannot hold are refused, not printed wrong
     * ("1.234.567.890.123.460 đồng" for 1234567890123456) */
    assert_error(f, "{{'1234567890123456' | money}}", "t.md:1:1:", "có quá 15 chữ số");
    assert_error(f, "{{'12345678901234567890' | pad:2}}", "t.md:1:1:", "có quá 15 chữ số");
    assert_error(f, "{{'1.23456789012345678' | number}}", "t.md:1:1:", "có quá 15 chữ số");
    assert_error(f, "{{'5.0000000000000001' | words}}", "t.md:1:1:", "có quá 15 chữ số");
    /* a date written right that the calendar lacks is said so */
    assert_error(f, "{{'2023-02-29' | date}}", "t.md:1:1:", "ngày \"2023-02-29\" không có trên lịch");
    assert_error(f, "{{'2023-13-01' | date}}", "t.md:1:1:", "có tháng 13, không có tháng này");
    /* tags that passed though they could not mean what they say */
    assert_error(f, "{{//unit[1] | }}", "t.md:1:1:", "thiếu tên bộ lọc sau \"|\"");
    assert_error(f, "{{//unit[1] || upper}}", "t.md:1:1:", "thiếu tên bộ lọc sau \"|\"");
    assert_error(f, "{{//khong | default:}}", "t.md:1:1:", "của bộ lọc default không hợp lệ");
    assert_error(f, "{{//khong | default:'x}}", "t.md:1:1:", "dấu nháy chưa đóng");
    assert_error(f, "{{//khong | default:'it''s'}}", "t.md:1:1:", "dấu nháy chưa đóng");
    assert_error(f, "a {{#//unit | upper}}x{{/}}", "t.md:1:3:", "không dùng được bộ lọc \"upper\"");
    assert_error(f, "{{#false()}}{{^//unit | number}}x{{/}}{{/}}", "t.md:1:13:",
                 "không dùng được bộ lọc \"number\"");
    assert_error(f, "Thứ {{$i}}", "t.md:1:5:", "$i, $n bên trong một mục lặp");
    assert_error(f, "{{#true()}}{{$n}}{{/}}", "t.md:1:12:", "$i, $n bên trong một mục lặp");
    /* ... also where the data never reaches (it passed: the check of such
     * tags acted as if inside a loop) */
    assert_error(f, "{{#false()}}{{$i}}{{/}}", "t.md:1:13:", "$i, $n bên trong một mục lặp");
    /* found, but nothing to print: as unnoticed in a signed document */
    assert_error(f, "Ký: {{//blank}}.", "t.md:1:5:", "cho giá trị rỗng");
    assert_error(f, "[{{substring-after(//province, 'Tỉnh ')}}]", "t.md:1:2:", "cho giá trị rỗng");
    assert_error(f, "{{//empty | upper}}", "t.md:1:1:", "cho giá trị rỗng");
    assert_error(f, "Mở {{//unit", "t.md:1:4:", "không có \"}}\" đóng");
    assert_error(f, "{{ }}", "t.md:1:1:", "thẻ rỗng");
    assert_error(f, "{{$khong_co}}", "t.md:1:1:", "không tính được");
    /* one message per tag, however many times a section repeats it */
    assert_error(f, "{{#//unit}}{{khong-co}}{{/}}", "t.md:1:12:", "không tìm thấy");
    const char *first = strstr(f->msg, "không tìm thấy");
    assert_null(strstr(first + 1, "không tìm thấy"));
    /* several errors in one run */
    assert_error(f, "{{//a | x}} {{//b | y}}", "bộ lọc \"x\"", "bộ lọc \"y\"");
    /* what the error is, in Vietnamese (libxml2 gives XPath errors no text) */
    assert_error(f, "{{contest/[}}", "t.md:1:1:", "không hợp lệ: sai cú pháp (ở ký tự");
    assert_error(f, "a {{khongham(1)}}", "t.md:1:3:", "hàm không có trong XPath 1.0");
    /* the place in the expression in characters, not bytes ("ở" is 3) */
    assert_error(f, "{{//unit[@name='Sở' and ]}}", "t.md:1:1:", "(ở ký tự 23)");
    /* tags the data never reaches are checked all the same: a section that
     * is false or empty, an inverted one that is true (they passed, exit 0) */
    assert_error(f, "{{#false()}}{{//unit | tron}}{{/}}", "t.md:1:13:", "không có bộ lọc \"tron\"");
    assert_error(f, "x {{^true()}}\n{{khongham(1)}}{{/}}", "t.md:2:1:", "hàm không có trong XPath 1.0");
    assert_error(f, "{{#//khong-co}}{{contest/[}}{{/}}", "t.md:1:16:", "sai cú pháp");
    assert_error(f, "{{#false()}}{{#true()}}{{@id | pad:x}}{{/}}{{/}}", "t.md:1:24:", "bộ lọc pad");
    assert_error(f, "{{#false()}}{{ | upper}}{{/}}", "t.md:1:13:", "thẻ không có biểu thức XPath");
}

static void without_data(void **state)
{
    fixture *f = *state;
    vb_buf_clear(&f->out);
    tmpl_options o = {.dir = ".", .tone = VN_TONE_CLASSIC,
                      .values = &f->values};
    assert_true(tmpl_expand("a {{! ok }}b", 12, "t.md", 1, 1, NULL, NULL, &o, &f->out, &f->d));
    assert_string_equal(f->out.data, "a b");
    rewind(f->err);
    assert_false(tmpl_expand("x {{/contest/title}}", 20, "t.md", 4, 1, NULL, NULL, &o, &f->out,
                             &f->d));
    fflush(f->err);
    assert_non_null(strstr(f->msg, "t.md:4:3:"));
    assert_non_null(strstr(f->msg, "cần dữ liệu: thêm -d"));
}

/* A batch (certificates): one shared XPath context for many expansions at
 * different nodes, $i/$n given outside sections, fields re-read each time. */
static void shared_context_for_a_batch(void **state)
{
    fixture *f = *state;
    tmpl_xpath *x = tmpl_xpath_new(f->doc);
    assert_non_null(x);
    xmlXPathContextPtr xp = xmlXPathNewContext(f->doc);
    xmlXPathObjectPtr units = xmlXPathEvalExpression((const xmlChar *)"//unit", xp);
    const char *src = "---\nten: \"{{.}}\"\nso: \"{{$i | pad:2}}/{{$n}}\"\n---\n"
                      "{{$so}} {{$ten}} {{@score | number:2}}\n";
    const char *want[3] = {"01/3 Sở Giáo dục và Đào tạo 83,64\n",
                           "02/3 Sở *Y tế* | 2 [x](y) 81,28\n",
                           "03/3 UBND thành phố Sóc Trăng 80,85\n"};
    for (int round = 0; round < 2; round++) /* the cache is used the second time */
        for (int k = 0; k < 3; k++) {
            front_matter fm;
            assert_true(front_matter_parse(&fm, src, strlen(src), "t.md", &f->d));
            tmpl_options o = {.dir = ".", .tone = VN_TONE_CLASSIC,
                              .values = &f->values, .vars = &fm, .index = k + 1, .count = 3,
                              .xpath = x};
            xmlNodePtr node = units->nodesetval->nodeTab[k];
            assert_true(tmpl_expand_front_matter(&fm, "t.md", f->doc, node, &o, &f->d));
            vb_buf b;
            vb_buf_init(&b);
            assert_true(tmpl_expand(src + fm.body_offset, strlen(src) - fm.body_offset, "t.md",
                                    fm.body_line, 1, f->doc, node, &o, &b, &f->d));
            assert_string_equal(shown(f, &b), want[k]);
            vb_buf_free(&b);
            front_matter_free(&fm);
        }
    /* an error is still reported at its tag through the shared context */
    tmpl_options o = {.dir = ".", .tone = VN_TONE_CLASSIC,
                      .values = &f->values, .vars = &f->fm, .xpath = x};
    vb_buf_clear(&f->out);
    assert_false(tmpl_expand("a {{//[}}", 9, "t.md", 3, 1, f->doc, NULL, &o, &f->out, &f->d));
    fflush(f->err);
    assert_non_null(strstr(f->msg, "t.md:3:3:"));
    xmlXPathFreeObject(units);
    xmlXPathFreeContext(xp);
    tmpl_xpath_free(x);
}

/* Each line of the output names the template line it came from: a section
 * repeats its lines, standalone tags leave none, a value (whose line breaks
 * the data's normalization folds) stays on its tag's line. Checked by hand
 * against the template's lines. */
static void line_map(void **state)
{
    fixture *f = *state;
    const char *tmpl = "Đầu\n"                       /* 5 */
                       "{{#//unit[position()<3]}}\n" /* 6: standalone, gone */
                       "- {{@id}}\n"                 /* 7: twice */
                       "{{/}}\n"                     /* 8: gone */
                       "{{//lines}}\n"               /* 9: one line */
                       "Cuối\n";                     /* 10 */
    tmpl_line_map map = {0};
    tmpl_options o = {.dir = ".", .tone = VN_TONE_CLASSIC,
                      .values = &f->values, .vars = &f->fm, .line_map = &map};
    vb_buf_clear(&f->out);
    assert_true(tmpl_expand(tmpl, strlen(tmpl), "t.md", 5, 1, f->doc, NULL, &o, &f->out, &f->d));
    /* "Đầu", "- a", "- b", the value, "Cuối", the empty line after the last */
    static const int want[] = {5, 7, 7, 9, 10, 10};
    assert_int_equal(map.n, sizeof want / sizeof want[0]);
    for (size_t k = 0; k < map.n; k++)
        if (map.line[k] != want[k])
            fail_msg("output line %zu maps to %d, want %d (output: %s)", k + 1, map.line[k],
                     want[k], f->out.data);
    /* A Markdown error found after expansion is placed by it: the directive
     * is on line 4 of this template, the expanded text's line 5. */
    const char *t2 = "{{#//unit[position()<3]}}\n\nx{{@id}}\n\n{{/}}\n<!-- vanban: xoay -->\n";
    vb_buf_clear(&f->out);
    assert_true(tmpl_expand(t2, strlen(t2), "t.md", 1, 1, f->doc, NULL, &o, &f->out, &f->d));
    rewind(f->err);
    f->msg_len = 0;
    md_doc *doc =
        md_parse_mapped(f->out.data, f->out.len, "t.md", map.line, map.n, &f->values, &f->d);
    fflush(f->err);
    assert_null(doc);
    if (!strstr(f->msg, "t.md:6: lỗi: chỉ thị \"vanban: xoay\""))
        fail_msg("expected the directive at t.md:6, got: %s", f->msg);
    tmpl_line_map_free(&map);
}

/* Persons' names (docs/tone-marks.md): a value from a name's node keeps its
 * tone marks whatever the filter; a computed string keeps the names of the
 * data that stand in it whole; the rest takes the style; a front-matter
 * field keeps them through front_matter_normalize. */
static const char *NAMES_XML =
    "<contest><units><unit id='u'>Uỷ ban nhân dân huyện Long Phú</unit></units>"
    "<people><person id='p1' workplace='Uỷ ban xã'>Nguyễn Thị Thuỷ</person>"
    "<person id='p2'>Lê Hoà</person><person id='p3'>Trần Hòa</person></people>"
    "<documents><report signer='Đỗ Văn Thuỵ'>Báo cáo</report></documents>"
    "<results><award><person ref='p1' name='Nguyễn Thị Thuỷ'/><unit ref='u' name='Uỷ ban'/></award>"
    "</results><note>Lê Hoàng hoà giải cho Lê Hoà.</note></contest>";

typedef struct names_case {
    const char *tmpl, *classic, *modern;
} names_case;

static void persons_names(void **state)
{
    fixture *f = *state;
    xmlDocPtr doc = xmlReadMemory(NAMES_XML, (int)strlen(NAMES_XML), "n.xml", NULL, XML_PARSE_NONET);
    tmpl_names *names = tmpl_names_new(doc, vb_contest_name_node);
    static const names_case cases[] = {
        {"{{//person[@id='p1']}}", "Nguyễn Thị Thuỷ", "Nguyễn Thị Thuỷ"},
        {"{{//person[@id='p3']}}", "Trần Hòa", "Trần Hòa"},
        {"{{//person[@id='p1']/text()}}", "Nguyễn Thị Thuỷ", "Nguyễn Thị Thuỷ"},
        {"{{//person[@id='p1'] | upper}}", "NGUYỄN THỊ THUỶ", "NGUYỄN THỊ THUỶ"},
        {"{{//person[@id='p3'] | lower}}", "trần hòa", "trần hòa"},
        {"{{//award/person/@name}}", "Nguyễn Thị Thuỷ", "Nguyễn Thị Thuỷ"},
        {"{{//report/@signer}}", "Đỗ Văn Thuỵ", "Đỗ Văn Thuỵ"},
        /* the first node in document order decides */
        {"{{(//award/unit/@name | //award/person/@name)[1]}}", "Nguyễn Thị Thuỷ", "Nguyễn Thị Thuỷ"},
        {"{{//award/unit/@name}}", "Ủy ban", "Uỷ ban"},
        /* what is not a name takes the style: a unit, a workplace, the
         * person's other attributes, the template's own default */
        {"{{//unit}}", "Ủy ban nhân dân huyện Long Phú", "Uỷ ban nhân dân huyện Long Phú"},
        {"{{//person[@id='p1']/@workplace}}", "Ủy ban xã", "Uỷ ban xã"},
        {"{{//person[@id='x'] | default:'Hoà'}}", "Hòa", "Hoà"},
        /* computed strings: the names in them whole, the rest styled */
        {"{{concat(//person[@id='p1'], ' – ', //unit)}}",
         "Nguyễn Thị Thuỷ – Ủy ban nhân dân huyện Long Phú",
         "Nguyễn Thị Thuỷ – Uỷ ban nhân dân huyện Long Phú"},
        {"{{concat('Hoà ', //person[@id='p2'], ' hoà') | upper}}", "HÒA LÊ HOÀ HÒA", "HOÀ LÊ HOÀ HOÀ"},
        {"{{concat(//person[@id='p3'], ', Thuỷ')}}", "Trần Hòa, Thủy", "Trần Hòa, Thuỷ"},
        /* "Lê Hoà" is a name where it stands whole, "hoà giải" is no name */
        {"{{string(//note)}}", "Lê Hoàng hòa giải cho Lê Hoà.", "Lê Hoàng hoà giải cho Lê Hoà."},
        {"{{substring(//person[@id='p1'], 8)}}", "Thị Thủy", "Thị Thuỷ"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        for (int tone = VN_TONE_CLASSIC; tone <= VN_TONE_MODERN; tone++) {
            const char *want = tone == VN_TONE_CLASSIC ? cases[i].classic : cases[i].modern;
            /* Markdown: the parsed paragraph after md_apply_tone */
            vb_buf_clear(&f->out);
            md_values_free(&f->values);
            tmpl_options o = {.dir = ".", .tone = (vn_tone)tone, .names = names,
                              .values = &f->values, .vars = &f->fm};
            const char *t = cases[i].tmpl;
            assert_true(tmpl_expand(t, strlen(t), "t.md", 1, 1, doc, NULL, &o, &f->out, &f->d));
            md_doc *md = parse_expanded(f, &f->d);
            assert_non_null(md);
            md_apply_tone(md, tone);
            const char *got = md_inline_text(md->arena, md->root.children[0].inl,
                                             md->root.children[0].n_inl);
            if (strcmp(got, want) != 0)
                fail_msg("%s (%s): got \"%s\", want \"%s\"", t, vn_tone_name((vn_tone)tone), got,
                         want);
            md_doc_free(md);
            /* a front-matter field, read as the frame reads it */
            char *src = NULL;
            size_t n = 0;
            FILE *fp = open_memstream(&src, &n);
            fprintf(fp, "---\nf: \"  %s \"\n---\n", t);
            fclose(fp);
            front_matter fm;
            assert_true(front_matter_parse(&fm, src, n, "t.md", &f->d));
            o.values = NULL;
            o.vars = &fm;
            assert_true(tmpl_expand_front_matter(&fm, "t.md", doc, NULL, &o, &f->d));
            const fm_entry *e = front_matter_find(&fm, "f");
            char *field = front_matter_normalize(e, FM_SCALAR, 2, strlen(e->value) - 3, (vn_tone)tone);
            if (strcmp(field, want) != 0)
                fail_msg("field %s (%s): got \"%s\", want \"%s\"", t,
                         vn_tone_name((vn_tone)tone), field, want);
            free(field);
            front_matter_free(&fm);
            free(src);
        }
    }
    /* without names (no data model): the style everywhere, as before */
    vb_buf_clear(&f->out);
    md_values_free(&f->values);
    tmpl_options o = {.dir = ".", .tone = VN_TONE_CLASSIC, .values = NULL, .vars = &f->fm};
    const char *t = "{{//person[@id='p1']}}";
    assert_true(tmpl_expand(t, strlen(t), "t.md", 1, 1, doc, NULL, &o, &f->out, &f->d));
    assert_string_equal(f->out.data, "Nguyễn Thị Thủy");
    tmpl_names_free(names);
    xmlFreeDoc(doc);
}

int main(void)
{
    vb_xml_errors_init(); /* as vanban's main(): libxml2 prints nothing of its own */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(interpolation_and_raw, setup, teardown),
        cmocka_unit_test_setup_teardown(sections, setup, teardown),
        cmocka_unit_test_setup_teardown(standalone_lines, setup, teardown),
        cmocka_unit_test_setup_teardown(line_map, setup, teardown),
        cmocka_unit_test_setup_teardown(filters, setup, teardown),
        cmocka_unit_test_setup_teardown(escaping_survives_markdown, setup, teardown),
        cmocka_unit_test_setup_teardown(front_matter_fields, setup, teardown),
        cmocka_unit_test_setup_teardown(partials, setup, teardown),
        cmocka_unit_test_setup_teardown(errors_with_location, setup, teardown),
        cmocka_unit_test_setup_teardown(without_data, setup, teardown),
        cmocka_unit_test_setup_teardown(shared_context_for_a_batch, setup, teardown),
        cmocka_unit_test_setup_teardown(persons_names, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
