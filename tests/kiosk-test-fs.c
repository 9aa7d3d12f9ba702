/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers for tests with or without a display: temporary folders and independent checkers. */

#include "config.h"

#include <gio/gio.h>
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

/**
 * kiosk_test_run_python:
 * @script: a script in the tests folder, such as "csv-expect.py"
 * @first_arg: its arguments, %NULL-terminated
 *
 * Runs an independent checker written in Python and asserts that it exits 0; what it reports
 * goes to the test log. Skips the test when python3 was not found at configure time.
 */
void
kiosk_test_run_python (const char *script,
                       const char *first_arg,
                       ...)
{
  const char *python = g_getenv ("KIOSK_TEST_PYTHON3");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, script, NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) subprocess = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  va_list args;

  if (python == NULL || *python == '\0')
    {
      g_test_skip ("python3 was not found at configure time");
      return;
    }

  g_ptr_array_add (argv, (gpointer)python);
  g_ptr_array_add (argv, path);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  subprocess = g_subprocess_newv ((const char * const *)argv->pdata,
                                  G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (subprocess, NULL, NULL, NULL, &report, &error);
  g_assert_no_error (error);

  g_test_message ("%s: %s", script, report);
  g_assert_true (g_subprocess_get_if_exited (subprocess));
  g_assert_cmpint (g_subprocess_get_exit_status (subprocess), ==, 0);
}

/**
 * kiosk_test_skip_without_fiu:
 * @fiu_run: (nullable): where fiu-run was found
 *
 * Skips the test (with the reason) when libfiu cannot inject faults into this build: fiu-run
 * is missing, or this is the AddressSanitizer build of `./kiosk.sh sanitize`, whose
 * interceptors and libfiu's preloaded wrappers crash each other before any fault is enabled.
 * The ordinary build runs these cases.
 *
 * Returns: %TRUE when the test was skipped
 */
gboolean
kiosk_test_skip_without_fiu (const char *fiu_run)
{
  if (fiu_run == NULL || *fiu_run == '\0')
    {
      g_test_skip ("fiu-run (Debian package fiu-utils) is not installed");
      return TRUE;
    }
#ifdef __SANITIZE_ADDRESS__
  g_test_skip ("libfiu's preloaded wrappers cannot run in an AddressSanitizer build");
  return TRUE;
#else
  return FALSE;
#endif
}
