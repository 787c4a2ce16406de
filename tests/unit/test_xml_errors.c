/* libxml2's error output goes through vanban (util/xml_errors.h): nothing of
 * libxml2's own on stderr, and libxml2 out of memory ends the process with
 * vanban's one message. Memory is made to run out by an allocator that
 * refuses, not by a limit: the same in every build, ASan's too. Each case
 * runs in a child whose stderr is read back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "util/util.h"
#include "util/xml_errors.h"
#include "child_fixture.h"

#include <libxml/parser.h>
#include <libxml/xmlmemory.h>
#include <libxml/xpath.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* An allocator that has run out: everything libxml2 asks for is refused. */
static void *no_malloc(size_t n)
{
    (void)n;
    return NULL;
}
static void *no_realloc(void *p, size_t n)
{
    (void)p, (void)n;
    return NULL;
}
static char *no_strdup(const char *s)
{
    (void)s;
    return NULL;
}

/* Runs `body` in a child with vb_xml_errors_init done; returns its exit
 * status and what it wrote to stderr (to free). */
static char *run_child(void (*body)(void), int *status)
{
    int fd;
    pid_t pid = child_fork(&fd);
    if (pid == 0) {
        vb_xml_errors_init();
        body();
        _exit(0);
    }
    return child_stderr(fd, pid, status);
}

/* A string copy with no context (what XPath's concat() does): libxml2
 * reported it in English and carried on with the string cut. */
static void strcat_out_of_memory(void)
{
    xmlChar *s = xmlStrdup((const xmlChar *)"Sở Nội vụ");
    xmlMemSetup(free, no_malloc, no_realloc, no_strdup);
    s = xmlStrcat(s, (const xmlChar *)" tỉnh Sóc Trăng");
    free(s); /* not reached */
}

/* A parse with a context of its own (and no handler on it). */
static void parse_out_of_memory(void)
{
    xmlMemSetup(free, no_malloc, no_realloc, no_strdup);
    xmlDocPtr doc = xmlReadMemory("<a>b</a>", 8, "x.xml", NULL, XML_PARSE_NONET);
    xmlFreeDoc(doc); /* not reached */
}

static void out_of_memory_is_vanbans_message(void **state)
{
    (void)state;
    void (*const bodies[])(void) = {strcat_out_of_memory, parse_out_of_memory};
    for (size_t k = 0; k < sizeof bodies / sizeof *bodies; k++) {
        int status;
        char *err = run_child(bodies[k], &status);
        assert_true(WIFEXITED(status));
        assert_int_equal(WEXITSTATUS(status), VB_EXIT_IO);
        assert_string_equal(err, "vanban: lỗi: hết bộ nhớ (out of memory)\n");
        free(err);
    }
}

/* Errors that are not about memory: the caller words them from what the
 * call returns; libxml2 prints nothing ("parser error : …", "XPath error :
 * …", "xmlXPathCompOpEval: function khongham not found"). */
static void bad_input_is_quiet(void)
{
    xmlDocPtr doc = xmlReadMemory("<a><b></a>", 10, "x.xml", NULL, XML_PARSE_NONET);
    if (doc)
        _exit(1);
    doc = xmlReadMemory("<a>b</a>", 8, "x.xml", NULL, XML_PARSE_NONET);
    xmlXPathContextPtr xp = xmlXPathNewContext(doc);
    xmlXPathObjectPtr v = xmlXPathEvalExpression((const xmlChar *)"khongham(1)", xp);
    xmlXPathObjectPtr w = xmlXPathEvalExpression((const xmlChar *)"//[", xp);
    if (v || w)
        _exit(1);
    xmlXPathFreeContext(xp);
    xmlFreeDoc(doc);
}

static void other_errors_print_nothing(void **state)
{
    (void)state;
    int status;
    char *err = run_child(bad_input_is_quiet, &status);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    assert_string_equal(err, "");
    free(err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(out_of_memory_is_vanbans_message),
        cmocka_unit_test(other_errors_print_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
