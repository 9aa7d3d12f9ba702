/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A strict RFC 4180 reader for the tests of the exports, so that they can look at cells without
 * trusting the writer's own code. It accepts exactly what KioskCsvWriter promises (a UTF-8 byte
 * order mark, CRLF after every record, quotes doubled inside quoted fields) and fails the test
 * on anything else. test-export also reads the tricky cases with Python's csv module.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kiosk-test-csv.h"

#define BOM "\xEF\xBB\xBF"

/* Reads one field at @p; returns where the separator or line end after it starts. */
static const char *
read_field (const char *p,
            const char *end,
            GString    *field)
{
  g_string_truncate (field, 0);

  if (p == end || *p != '"')
    {
      while (p < end && *p != ',' && *p != '\r')
        {
          g_assert_true (*p != '"' && *p != '\n');
          g_string_append_c (field, *p++);
        }
      return p;
    }

  for (p++; ; p++)
    {
      g_assert_true (p < end);   /* an unterminated quoted field */
      if (*p == '"' && p + 1 < end && p[1] == '"')
        g_string_append_c (field, *p++);
      else if (*p == '"')
        return p + 1;
      else
        g_string_append_c (field, *p);
    }
}

/**
 * kiosk_test_csv_parse:
 *
 * Returns: (transfer full) (element-type GStrv): the records of @text, header included
 */
GPtrArray *
kiosk_test_csv_parse (const char *text,
                      gsize       length)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *end = text + length;
  const char *p = text;

  g_assert_cmpuint (length, >=, 3);
  g_assert_cmpmem (text, 3, BOM, 3);
  p += 3;

  while (p < end)
    {
      g_autoptr(GStrvBuilder) row = g_strv_builder_new ();

      for (;;)
        {
          p = read_field (p, end, field);
          g_strv_builder_add (row, field->str);
          g_assert_true (p < end);
          if (*p++ == ',')
            continue;
          g_assert_true (p < end && *p == '\n');   /* CRLF after every record */
          p++;
          break;
        }
      g_ptr_array_add (rows, g_strv_builder_end (row));
    }

  return g_steal_pointer (&rows);
}

GPtrArray *
kiosk_test_csv_read_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return kiosk_test_csv_parse (contents, length);
}

void
kiosk_test_delete_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        kiosk_test_delete_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}
