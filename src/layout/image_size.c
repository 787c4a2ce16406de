/* Pixel size of PNG and JPEG files from their headers: layout needs the aspect
 * ratio before the PDF stage (libharu) decodes the image. A PNG is also
 * decoded once here, with libpng's simplified API, which reports a damaged
 * file instead of aborting: libharu 2.3.0 reads PNGs through libpng with no
 * error recovery, and a truncated image killed the process (SIGABRT) at the
 * PDF stage, after an English "libpng error". A JPEG is embedded as it is
 * (DCT), never decoded by vanban. */
#include "layout.h"

#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned be16(const unsigned char *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

static unsigned long be32(const unsigned char *p)
{
    return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

static bool png_size(FILE *fp, int *w, int *h)
{
    unsigned char hd[24];
    if (fread(hd, 1, 24, fp) != 24 || memcmp(hd, "\x89PNG\r\n\x1a\n", 8) != 0 ||
        memcmp(hd + 12, "IHDR", 4) != 0)
        return false;
    *w = (int)be32(hd + 16);
    *h = (int)be32(hd + 20);
    return *w > 0 && *h > 0;
}

/* Walks JPEG markers to the first start-of-frame (SOF0–SOF15 but DHT, JPG, DAC). */
static bool jpeg_size(FILE *fp, int *w, int *h)
{
    unsigned char m[2];
    if (fread(m, 1, 2, fp) != 2 || m[0] != 0xFF || m[1] != 0xD8)
        return false;
    for (;;) {
        int c;
        do
            c = fgetc(fp);
        while (c == 0xFF);
        if (c == EOF)
            return false;
        unsigned char len[2];
        if (fread(len, 1, 2, fp) != 2)
            return false;
        unsigned l = be16(len);
        if (l < 2)
            return false;
        if (c >= 0xC0 && c <= 0xCF && c != 0xC4 && c != 0xC8 && c != 0xCC) {
            unsigned char sof[5];
            if (fread(sof, 1, 5, fp) != 5)
                return false;
            *h = (int)be16(sof + 1);
            *w = (int)be16(sof + 3);
            return *w > 0 && *h > 0;
        }
        if (fseek(fp, (long)l - 2, SEEK_CUR) != 0)
            return false;
    }
}

/* Whether the whole PNG decodes. */
static bool png_decodes(const char *path)
{
    png_image im;
    memset(&im, 0, sizeof im);
    im.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&im, path))
        return false;
    im.format = PNG_FORMAT_RGBA;
    size_t size = PNG_IMAGE_SIZE(im);
    void *pixels = malloc(size ? size : 1);
    bool ok = pixels && png_image_finish_read(&im, NULL, pixels, 0, NULL);
    free(pixels);
    png_image_free(&im);
    return ok;
}

bool image_pixel_size(const char *path, int *w, int *h)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return false;
    bool png = png_size(fp, w, h);
    bool ok = png;
    if (!ok) {
        rewind(fp);
        ok = jpeg_size(fp, w, h);
    }
    fclose(fp);
    return ok && (!png || png_decodes(path));
}
