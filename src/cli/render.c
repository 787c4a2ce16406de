/* vanban render: Markdown (+ optional data) → PDF. */
#include "cli.h"
#include "util/util.h"

int cli_render(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("vanban: lỗi: render chưa sẵn sàng\n", stderr);
    return VB_EXIT_IO;
}
