/* A floor for `nianbao merge` on a large roster: only its 明细 sheet, written with
 * libxlsxwriter directly, in the mode nianbao writes 明细 in (constant_memory: row by row,
 * strings inline).
 *
 *   cc -O2 -o detail_floor Benchmarks/detail_floor.c $(pkg-config --cflags --libs xlsxwriter)
 *   ./detail_floor OUT.xlsx UNITS
 *
 * One row per unit: its number, name, group and file as text, then the 2019 format's 200
 * figures as numbers (a third of them non-zero, as in the bench's units), every cell with
 * one bordered 宋体 format. No reading, checking, totals, formulas or other sheets: the time
 * the C library itself needs to write this many cells and compress them. */
#include <xlsxwriter.h>
#include <stdio.h>
#include <stdlib.h>

#define FIGURES 200

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s OUT.xlsx UNITS\n", argv[0]);
        return 2;
    }
    int units = atoi(argv[2]);
    lxw_workbook_options options = {.constant_memory = LXW_TRUE};
    lxw_workbook *workbook = workbook_new_opt(argv[1], &options);
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "明细");
    lxw_format *format = workbook_add_format(workbook);
    format_set_border(format, LXW_BORDER_THIN);
    format_set_font_name(format, "宋体");
    format_set_num_format(format, "0");
    srand(20200101);
    for (int row = 0; row < units; row++) {
        char name[64];
        snprintf(name, sizeof name, "第%d区住建局", row);
        worksheet_write_number(sheet, row, 0, row + 1, format);
        worksheet_write_string(sheet, row, 1, name, format);
        worksheet_write_string(sheet, row, 2, "区直部门", format);
        worksheet_write_string(sheet, row, 3, "forms/第n区住建局.csv", format);
        for (int column = 4; column < 4 + FIGURES; column++) {
            worksheet_write_number(sheet, row, column, rand() % 3 == 0 ? rand() % 50 : 0, format);
        }
    }
    return workbook_close(workbook) == LXW_NO_ERROR ? 0 : 1;
}
