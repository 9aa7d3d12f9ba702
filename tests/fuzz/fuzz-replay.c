/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Replays a fuzz target's saved inputs as ordinary unit tests, built with the project's
 * compiler and without libFuzzer: every file in tests/fuzz/regressions/<target>/ (inputs that
 * once crashed the target) and tests/fuzz/corpus/<target>/ (its seeds) becomes the test
 * /kiosk/fuzz/<target>/<folder>/<file>, so the default suite keeps each crash fixed and runs
 * every target's own checks (see ./kiosk.sh fuzz).
 */

#include "config.h"

#include "fuzz-common.h"

static void
replay_file (gconstpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (LLVMFuzzerTestOneInput ((const guint8 *)contents, length), ==, 0);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *)a, *(char * const *)b);
}

/* @folder is "regressions" (inputs that once crashed) or "corpus" (the seeds, so every target
 * runs its checks in the default suite even before anything crashed it). */
static void
add_inputs (const char *target,
            const char *folder)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "fuzz", folder, target, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  /* A target that never crashed has no folder (git keeps no empty ones). */
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *test_path = g_strdup_printf ("/kiosk/fuzz/%s/%s/%s", target, folder, file);

      g_test_add_data_func_full (test_path, g_build_filename (dir_path, file, NULL),
                                 replay_file, g_free);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* Like the fuzzer: a malformed input is warned about, which is no failure; a critical is. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  LLVMFuzzerInitialize (&argc, &argv);

  add_inputs (KIOSK_FUZZ_TARGET, "regressions");
  add_inputs (KIOSK_FUZZ_TARGET, "corpus");

  return g_test_run ();
}
