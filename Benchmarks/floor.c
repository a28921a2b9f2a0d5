/* The C floor for `nianbao convert`: the same sheet written with libxlsxwriter directly.
 *
 *   cc -O2 -o floor Benchmarks/floor.c $(pkg-config --cflags --libs xlsxwriter)
 *   ./floor IN.csv OUT.xlsx
 *
 * Same output as `nianbao convert` for UTF-8 comma CSV (what the bench generates):
 * constant_memory; the sheet named after the file; header bold and frozen; a field is a
 * number only when unambiguous (optional '-', digits without a leading zero, optional '.'
 * and digits, at most 15 significant digits, not "-0"), with a "0.00"-style format only
 * where General would show it differently (trailing zero after the point, > 11 digits);
 * column widths fitted on the first 1000 records (CJK counted double). No encoding or
 * delimiter sniffing, no 32,767-character or 1,048,576-row handling: it is a floor. */
#include <xlsxwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SAMPLE_ROWS 1000
#define MAX_COLS 16384

static lxw_format *formats[16];
static const double pow10s[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
static int widths[MAX_COLS];
static int columns;

/* 1 and *value, *format when the field is a number. */
static int number(const unsigned char *s, size_t n, double *value, lxw_format **format) {
    if (n == 0 || n > 18) return 0;
    size_t i = 0; int neg = 0;
    if (s[0] == '-') { neg = 1; i = 1; }
    size_t start = i; unsigned long long m = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9') m = m * 10 + (s[i++] - '0');
    size_t intd = i - start;
    if (intd == 0) return 0;
    int lead0 = s[start] == '0';
    if (intd > 1 && lead0) return 0;
    size_t dec = 0;
    if (i < n) {
        if (s[i] != '.') return 0;
        i++;
        size_t fs = i;
        while (i < n && s[i] >= '0' && s[i] <= '9') m = m * 10 + (s[i++] - '0');
        if (i != n) return 0;
        dec = i - fs;
        if (dec == 0) return 0;
    }
    size_t digits = lead0 && dec > 0 ? dec : intd + dec;
    if (digits > 15 || (neg && m == 0)) return 0;
    double v = (double)m;
    if (dec) v /= pow10s[dec];
    *value = neg ? -v : v;
    *format = (digits > 11 || (dec > 0 && s[n - 1] == '0')) ? formats[dec] : NULL;
    return 1;
}

static int display_width(const unsigned char *s, size_t n) {
    int w = 0;
    for (size_t i = 0; i < n; i++) {
        if ((s[i] & 0xC0) == 0x80) continue;
        w += s[i] >= 0xE0 ? 2 : 1;
    }
    return w;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: floor IN.csv OUT.xlsx\n"); return 2; }
    FILE *in = fopen(argv[1], "rb");
    if (!in) { perror(argv[1]); return 2; }
    lxw_workbook_options options = {.constant_memory = LXW_TRUE};
    lxw_workbook *wb = workbook_new_opt(argv[2], &options);
    if (!wb) return 2;
    char name[32]; const char *base = strrchr(argv[1], '/'); base = base ? base + 1 : argv[1];
    snprintf(name, sizeof name, "%.*s", (int)(strcspn(base, ".") < 31 ? strcspn(base, ".") : 31), base);
    lxw_worksheet *ws = workbook_add_worksheet(wb, name);
    lxw_format *bold = workbook_add_format(wb); format_set_bold(bold);
    char fmt[20] = "0.";
    formats[0] = workbook_add_format(wb); format_set_num_format(formats[0], "0");
    for (int d = 1; d <= 15; d++) {
        formats[d] = workbook_add_format(wb); fmt[1 + d] = '0'; fmt[2 + d] = 0;
        format_set_num_format(formats[d], fmt);
    }

    size_t cap = 1 << 16, len = 0; unsigned char *field = malloc(cap);
    static unsigned char buf[1 << 20];
    lxw_row_t row = 0; lxw_col_t col = 0;
    int inq = 0, quoted = 0, pending_quote = 0, eof = 0;
    size_t have = 0, pos = 0;
    for (;;) {
        int c;
        if (pos == have) {
            have = fread(buf, 1, sizeof buf, in); pos = 0;
            if (have == 0) eof = 1;
        }
        c = eof ? -1 : buf[pos++];
        if (pending_quote) {          /* a '"' inside quotes: doubled or closing */
            pending_quote = 0;
            if (c == '"') { goto append; }
            inq = 0;
        }
        if (inq) {
            if (c == '"') { pending_quote = 1; continue; }
            if (c == -1) break;
            goto append;
        }
        if (c == '"' && len == 0 && !quoted) { inq = quoted = 1; continue; }
        if (c == ',' || c == '\n' || c == -1) {
            if (c == -1 && len == 0 && col == 0 && !quoted) break;
            if (c == '\n' && len > 0 && field[len - 1] == '\r' ) len--;
            double v; lxw_format *f;
            if (len == 0) {
                /* empty field: nothing to write */
            } else if (row > 0 && number(field, len, &v, &f)) {
                worksheet_write_number(ws, row, col, v, f);
                if (row <= SAMPLE_ROWS && (int)len > widths[col]) widths[col] = (int)len;
            } else {
                field[len] = 0;
                worksheet_write_string(ws, row, col, (char *)field, row == 0 ? bold : NULL);
                if (row <= SAMPLE_ROWS) {
                    int w = display_width(field, len);
                    if (row == 0) w = (w * 11 + 9) / 10;
                    if (w > widths[col]) widths[col] = w;
                }
            }
            len = 0; quoted = 0; col++;
            if (col > columns) columns = col;
            if (c == '\n') { row++; col = 0; }
            if (c == -1) break;
            continue;
        }
    append:
        if (len + 1 >= cap) { cap *= 2; field = realloc(field, cap); }
        field[len++] = (unsigned char)c;
    }
    worksheet_freeze_panes(ws, 1, 0);
    for (int i = 0; i < columns; i++) {
        double w = widths[i] + 2.0; if (w > 100) w = 100;
        if (w > 8.43) worksheet_set_column(ws, i, i, w, NULL);
    }
    fclose(in);
    return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
