/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Temporary folders for tests, with or without a display. */

#include "config.h"

#include <glib/gstdio.h>

#include "kiosk-test-fs.h"

/**
 * kiosk_test_make_dir:
 * @prefix: the start of the folder's name, such as "kiosk-store"
 *
 * Returns: (transfer full): a new, empty folder under the temporary folder
 */
char *
kiosk_test_make_dir (const char *prefix)
{
  g_autofree char *template = g_strconcat (prefix, "-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);

  return dir;
}

/**
 * kiosk_test_remove_tree:
 *
 * Removes @path and everything in it, making folders writable first (tests make some
 * read-only); symbolic links are removed, never followed.
 */
void
kiosk_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        kiosk_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}
