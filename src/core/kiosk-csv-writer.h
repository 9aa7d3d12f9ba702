/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * KioskCsvWriter writes RFC 4180 CSV for people who open it in a spreadsheet:
 *
 * - UTF-8 with a byte order mark (EF BB BF) at the start. Excel on Windows only reads a CSV as
 *   UTF-8 when the mark is there and otherwise shows "José" as "JosÃ©"; LibreOffice Calc and
 *   Python's csv module (encoding "utf-8-sig") handle both. Files and streams get the same bytes,
 *   so `--export-csv=-` piped to a file equals `--export-csv=FILE`.
 * - Comma separators, CRLF after every record including the last, the first row is the header and
 *   every row must have as many cells as the header.
 * - A field is quoted when it contains '"', ',', CR or LF; a '"' inside is doubled.
 * - Cells are NUL-terminated UTF-8 C strings, so a NUL byte can never be inside one; invalid
 *   UTF-8 is refused with %KIOSK_CSV_ERROR_INVALID_UTF8.
 *
 * Spreadsheet safety (OWASP "CSV Injection"): a cell whose first character is '=', '+', '-',
 * '@', TAB, CR or LF, or one of their full-width forms '＝' '＋' '－' '＠' (U+FF1D, U+FF0B,
 * U+FF0D, U+FF20), gets a single apostrophe in front and is always quoted. The full-width forms
 * are included because NFKC normalisation, which some import paths apply, turns them into the
 * ASCII ones, and an apostrophe on a rare cell costs nothing. The empty cell is left empty: it
 * has nothing to evaluate. A cell that starts with an apostrophe gets one more in front (and is
 * quoted) as well, although no spreadsheet evaluates it: without that, the rule for scripts
 * below would turn a genuine name such as "'-Ana" into "-Ana".
 *
 * What staff see: E.164 phone numbers start with '+', so "+50688881234" is written as
 * "'+50688881234". In a CSV opened in Calc or Excel the apostrophe is part of the cell's text
 * and shows (unlike an apostrophe typed into a cell by hand, which both hide); the number stays
 * readable and is never turned into a formula or a number that loses its '+'. Scripts reading
 * the export get every cell back exactly with one rule: remove one leading apostrophe when the
 * character after it is '=', '+', '-', '@', TAB, CR, LF, one of the full-width forms above, or
 * an apostrophe ("''-Ana" gives "'-Ana", "'+506..." gives "+506...", "'Neill" stays).
 *
 * Excel in locales whose list separator is ';' (many Spanish-speaking ones) puts a double-clicked
 * CSV into one column; there "Data > From Text/CSV" imports it properly. A "sep=," first line
 * would fix the double-click but makes Excel ignore the byte order mark and breaks every other
 * reader, so it is not written.
 *
 * Files are written atomically: kiosk_csv_writer_new_for_path() writes a hidden temporary file
 * (mode 0600) next to the target, and only kiosk_csv_writer_finish() makes it appear under the
 * target name. Any error, kiosk_csv_writer_abort() or dropping the last reference without
 * finishing removes the temporary file and leaves an existing target as it was.
 *
 * The temporary file is named ".TARGET.patient-kiosk-XXXXXX" and holds an exclusive flock while
 * it is written. SIGINT, SIGTERM and SIGHUP remove it before they end the process, once
 * kiosk_csv_writer_install_signal_handlers() ran (main() calls it). SIGKILL or a power cut leave
 * it behind; the next export to the same folder removes every such file of ours that no running
 * export holds locked, so a concurrent export is never disturbed.
 */

#define KIOSK_CSV_ERROR (kiosk_csv_error_quark ())

typedef enum
{
  KIOSK_CSV_ERROR_INVALID_UTF8,
  KIOSK_CSV_ERROR_COLUMN_COUNT,
  KIOSK_CSV_ERROR_FAILED,
} KioskCsvError;

#define KIOSK_TYPE_CSV_WRITER (kiosk_csv_writer_get_type ())

G_DECLARE_FINAL_TYPE (KioskCsvWriter, kiosk_csv_writer, KIOSK, CSV_WRITER, GObject)

GQuark          kiosk_csv_error_quark            (void);
KioskCsvWriter *kiosk_csv_writer_new_for_path    (const char          *path,
                                                  GError             **error);
KioskCsvWriter *kiosk_csv_writer_new_for_stream  (GOutputStream       *stream);
gboolean        kiosk_csv_writer_write_row       (KioskCsvWriter      *self,
                                                  const char * const  *cells,
                                                  GError             **error);
gboolean        kiosk_csv_writer_finish          (KioskCsvWriter      *self,
                                                  GError             **error);
void            kiosk_csv_writer_abort           (KioskCsvWriter      *self);

void            kiosk_csv_writer_install_signal_handlers (void);

gboolean        kiosk_csv_cell_is_dangerous      (const char          *cell);
char           *kiosk_csv_escape_cell            (const char          *cell);

G_END_DECLS
