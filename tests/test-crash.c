/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Crash safety: kiosk-crash-writer saves requests and prints each id after its COMMIT; this test
 * kills it with SIGKILL after a random delay (2 to 200 ms, from the test's seed, so a failure
 * can be replayed with --seed), many times over the same data folder. After every kill the store
 * must open without finding damage and hold every acknowledged id; at the end every id ever
 * acknowledged must be there and PRAGMA integrity_check must say "ok".
 *
 * 200 kills by default; `--iterations=N` (or KIOSK_CRASH_ITERATIONS) asks for another number:
 * the unit suite runs 50, the `long` suite 1000. Each run prints a `fault-figures:` line for the
 * fault suite's total.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "kiosk-store.h"
#include "kiosk-store-private.h"
#include "kiosk-test-fs.h"

#define DEFAULT_ITERATIONS 200
#define MIN_DELAY_MS       2
#define MAX_DELAY_MS       200

static guint iterations = DEFAULT_ITERATIONS;

typedef struct
{
  char       *data_dir;
  GHashTable *acked;      /* gint64* ids the writer acknowledged */
  guint       acked_runs; /* runs that acknowledged at least one id */
} CrashState;

/* Complete lines only: a kill can cut the last one short. */
static guint
collect_ids (const char *output,
             GHashTable *acked)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
    {
      gint64 id = g_ascii_strtoll (lines[i], NULL, 10);

      g_assert_cmpint (id, >, 0);
      g_assert_false (g_hash_table_contains (acked, &id));
      g_hash_table_add (acked, g_memdup2 (&id, sizeof id));
      n++;
    }

  return n;
}

static guint
kill_writer_once (CrashState *state,
                  guint       delay_ms)
{
  g_autofree char *writer = g_test_build_filename (G_TEST_BUILT, "kiosk-crash-writer", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                              &error, writer, state->data_dir, NULL);
  g_assert_no_error (error);

  g_usleep (delay_ms * 1000);
  g_subprocess_send_signal (process, SIGKILL);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);

  /* The writer never stops by itself: if it did, it found a problem. */
  if (!g_subprocess_get_if_signaled (process))
    g_error ("The writer exited with status %d: %s", g_subprocess_get_exit_status (process), err);
  g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);

  return collect_ids (out, state->acked);
}

static KioskStore *
open_checked (CrashState *state)
{
  g_autoptr(GError) error = NULL;
  KioskStore *store = kiosk_store_open (state->data_dir, &error);

  g_assert_no_error (error);
  g_assert_null (kiosk_store_get_warning (store));

  return store;
}

static void
assert_all_present (CrashState *state,
                    KioskStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *integrity = NULL;
  GHashTableIter iter;
  gpointer id;
  gint64 total = 0;

  g_hash_table_iter_init (&iter, state->acked);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      g_autoptr(KioskRequest) request = kiosk_store_get_request (store, *(gint64 *)id, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (kiosk_request_get_consent_version (request), ==, "crash");
    }

  /* Besides the acknowledged rows, at most one per kill: a save whose COMMIT finished just
   * before the kill, too late to print its id. */
  kiosk_store_count_requests (store, &total, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (total, >=, g_hash_table_size (state->acked));
  g_assert_cmpint (total, <=, g_hash_table_size (state->acked) + iterations);

  integrity = _kiosk_store_test_query (store, "PRAGMA integrity_check", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (integrity, ==, "ok");
}

static void
test_kill_writer (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskStore) store = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("kiosk-crash-XXXXXX", &error);
  CrashState state = { NULL, g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL), 0 };
  gint64 start = g_get_monotonic_time ();

  g_assert_no_error (error);
  state.data_dir = g_build_filename (tmp, "data", NULL);

  for (guint i = 0; i < iterations; i++)
    {
      guint delay = g_test_rand_int_range (MIN_DELAY_MS, MAX_DELAY_MS + 1);
      g_autoptr(KioskStore) check = NULL;

      state.acked_runs += kill_writer_once (&state, delay) > 0 ? 1 : 0;

      /* Opening runs quick_check; a kill must never look like damage. */
      check = open_checked (&state);
      if (i % 20 == 19)
        assert_all_present (&state, check);
    }

  store = open_checked (&state);
  assert_all_present (&state, store);

  g_test_message ("%u kills, %u of them after at least one acknowledged save, %u ids "
                  "acknowledged, all present; %.1f s",
                  iterations, state.acked_runs, g_hash_table_size (state.acked),
                  (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC);
  /* For the fault suite's figures: each kill is a case; reaching here, all survived. */
  g_test_message ("fault-figures: %u cases, %u survived, 0 acknowledged lost",
                  iterations, iterations);
  /* Most kills should land while saves are going on, or the test proves little. */
  g_assert_cmpuint (state.acked_runs, >, iterations / 2);

  g_clear_object (&store);
  kiosk_test_remove_tree (tmp);
  g_hash_table_unref (state.acked);
  g_free (state.data_dir);
}

static void
parse_iterations (int    argc,
                  char **argv)
{
  const char *env = g_getenv ("KIOSK_CRASH_ITERATIONS");

  if (env != NULL)
    iterations = g_ascii_strtoull (env, NULL, 10);

  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--iterations="))
        iterations = g_ascii_strtoull (argv[i] + strlen ("--iterations="), NULL, 10);
    }

  if (iterations == 0)
    g_error ("The number of iterations must be a positive number");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  parse_iterations (argc, argv);

  g_test_add_func ("/kiosk/store/crash/kill-writer", test_kill_writer);

  return g_test_run ();
}
