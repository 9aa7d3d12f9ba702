/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libFuzzer target for the CSV writer. The first byte of an input picks the number of columns
 * (1 to 8); the rest, split at NUL bytes, are the cells, row after row. The writer's output is
 * read back with the tests' strict RFC 4180 reader (tests/kiosk-test-csv.c, which aborts on
 * anything the standard does not allow) and every cell must come back as it went in once the
 * documented spreadsheet guard is removed: one leading apostrophe when the character after it
 * is '=', '+', '-', '@', TAB, CR, LF, one of the full-width '＝' '＋' '－' '＠', or another
 * apostrophe. (The apostrophe itself is in that list since issue 8, so that a name such as
 * "'-Ana" survives; a writer that does not guard it fails here.) Cells that are not UTF-8 must
 * be refused with KIOSK_CSV_ERROR_INVALID_UTF8, and the export can then not be finished.
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "kiosk-csv-writer.h"
#include "kiosk-test-csv.h"

#define MAX_COLUMNS 8

static const char * const guarded[] = {
  "=", "+", "-", "@", "\t", "\r", "\n", "'",
  "\xEF\xBC\x9D", "\xEF\xBC\x8B", "\xEF\xBC\x8D", "\xEF\xBC\xA0",
};

/* What a script reading the export does to a cell, as kiosk-csv-writer.h documents it. */
static const char *
unescape (const char *cell)
{
  if (cell[0] != '\'')
    return cell;

  for (guint i = 0; i < G_N_ELEMENTS (guarded); i++)
    {
      if (g_str_has_prefix (cell + 1, guarded[i]))
        return cell + 1;
    }

  return cell;
}

static gboolean
row_is_utf8 (char **row)
{
  for (guint i = 0; row[i] != NULL; i++)
    {
      if (!g_utf8_validate (row[i], -1, NULL))
        return FALSE;
    }

  return TRUE;
}

/* Cuts the cells into rows of @n_columns, padding the last one with empty cells. */
static GPtrArray *
make_rows (GPtrArray *cells,
           guint      n_columns)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);

  for (guint i = 0; i < cells->len; i += n_columns)
    {
      char **row = g_new0 (char *, n_columns + 1);

      for (guint c = 0; c < n_columns; c++)
        row[c] = g_strdup (i + c < cells->len ? g_ptr_array_index (cells, i + c) : "");
      g_ptr_array_add (rows, row);
    }

  return rows;
}

/* Writes the rows; returns FALSE at the first that is not UTF-8, which fails the writer. */
static gboolean
write_rows (KioskCsvWriter *writer,
            GPtrArray      *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      g_autoptr(GError) error = NULL;
      gboolean ok = kiosk_csv_writer_write_row (writer, (const char * const *)row, &error);

      if (!row_is_utf8 (row))
        {
          kiosk_fuzz_check (!ok && g_error_matches (error, KIOSK_CSV_ERROR,
                                                    KIOSK_CSV_ERROR_INVALID_UTF8),
                            "a row that is not UTF-8 is refused");
          return FALSE;
        }
      kiosk_fuzz_check (ok && error == NULL, "a UTF-8 row is written");
    }

  return TRUE;
}

static void
compare (GPtrArray *written,
         GPtrArray *read,
         guint      n_columns)
{
  kiosk_fuzz_check (read->len == written->len, "as many records as rows");
  for (guint i = 0; i < read->len; i++)
    {
      char **in = g_ptr_array_index (written, i);
      char **out = g_ptr_array_index (read, i);

      kiosk_fuzz_check (g_strv_length (out) == n_columns, "every record has every column");
      for (guint c = 0; c < n_columns; c++)
        kiosk_fuzz_check (g_str_equal (unescape (out[c]), in[c]), "a cell survives the round trip");
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  kiosk_fuzz_init ();

  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(KioskCsvWriter) writer = NULL;
  g_autoptr(GError) error = NULL;
  GMemoryOutputStream *output;
  guint n_columns;

  if (size < 2)
    return 0;

  n_columns = data[0] % MAX_COLUMNS + 1;
  cells = kiosk_fuzz_split (data + 1, size - 1, G_MAXUINT);
  rows = make_rows (cells, n_columns);

  stream = g_memory_output_stream_new_resizable ();
  writer = kiosk_csv_writer_new_for_stream (stream);
  if (!write_rows (writer, rows))
    {
      /* A failed export cannot be finished, so it is never mistaken for a complete one. */
      kiosk_fuzz_check (!kiosk_csv_writer_finish (writer, &error) && error != NULL,
                        "a failed export stays failed");
      return 0;
    }
  kiosk_fuzz_check (kiosk_csv_writer_finish (writer, &error), "the export finishes");

  output = G_MEMORY_OUTPUT_STREAM (stream);
  read = kiosk_test_csv_parse (g_memory_output_stream_get_data (output),
                               g_memory_output_stream_get_data_size (output));
  compare (rows, read, n_columns);

  return 0;
}
