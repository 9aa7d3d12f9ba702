/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Power cuts. The real KioskStore runs over kiosk-test-vfs, which knows what each file holds
 * durably. A sequence of saves, retention runs (which checkpoint and truncate the WAL) and
 * exports marked in the store is run once to count its writes, truncations, syncs and deletes;
 * then, for every N over that whole range, the same sequence runs from the same starting files
 * with the power cut after the Nth call. Unsynced writes are dropped (and, in the long suite,
 * also torn: each one reached the disk or not, at random). After the "reboot" the store must
 * open normally (a power cut is not damage: no quarantine, no warning), pass integrity_check
 * and hold every request and every export mark whose call returned success.
 *
 * `--long` runs a longer sequence, with a close and reopen in the middle, and three torn
 * variants per cut point.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kiosk-store.h"
#include "kiosk-store-private.h"
#include "kiosk-test-fs.h"
#include "kiosk-test-vfs.h"

#define BASELINE_REQUESTS 3

static gboolean long_mode;

typedef struct
{
  guint saves;          /* saves in the sequence */
  guint reopen_after;   /* close and reopen the store after this many saves, 0 for never */
  guint torn_variants;  /* torn cuts per cut point, besides the one that drops everything */
} Sequence;

typedef struct
{
  GHashTable *names;     /* acknowledged id -> name */
  GHashTable *exported;  /* ids whose export mark was acknowledged */
} Acked;

typedef struct
{
  guint cases;
  guint survived;
  guint lost;
  guint torn_cases;
} Figures;

static char *baseline_db;  /* the starting file, closed cleanly */
static gsize baseline_len;

/* Warnings (a failed rollback, a failed close) are what a dead disk gives; they are expected
 * once the power is off, and still fatal before. */
static gboolean
fatal_unless_cut (const char     *domain,
                  GLogLevelFlags  level,
                  const char     *message,
                  gpointer        data)
{
  return !kiosk_test_vfs_is_cut ();
}

static void
quiet_when_cut (const char     *domain,
                GLogLevelFlags  level,
                const char     *message,
                gpointer        data)
{
  if (!kiosk_test_vfs_is_cut ())
    g_log_default_handler (domain, level, message, data);
}

static KioskRequest *
make_request (guint n)
{
  g_autofree char *name = g_strdup_printf ("Power Cut %u", n);
  g_autofree char *phone = g_strdup_printf ("8%07u", n);

  return kiosk_request_new (name, phone, "+506", KIOSK_CALL_TIME_ANY, "causes", TRUE, "cut",
                            NULL);
}

static void
acked_clear (Acked *acked)
{
  g_clear_pointer (&acked->names, g_hash_table_unref);
  g_clear_pointer (&acked->exported, g_hash_table_unref);
}

static void
acked_init (Acked *acked)
{
  acked->names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  acked->exported = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

typedef struct
{
  gint64  id;
  GError *error;
  gboolean done;
} AsyncSave;

static void
save_done (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  AsyncSave *save = data;

  save->id = kiosk_store_save_finish (KIOSK_STORE (source), result, &save->error);
  save->done = TRUE;
}

/* As the form saves: in a worker thread, acknowledged when _finish returns an id. */
static gint64
save_async (KioskStore    *store,
            KioskRequest  *request,
            GError       **error)
{
  AsyncSave save = { 0, NULL, FALSE };

  kiosk_store_save_async (store, request, NULL, save_done, &save);
  while (!save.done)
    g_main_context_iteration (NULL, TRUE);
  if (save.error != NULL)
    g_propagate_error (error, save.error);

  return save.id;
}

/* Odd saves the way the command line and tests do, even ones the way the form does. */
static gboolean
save_one (KioskStore *store,
          guint       n,
          Acked      *acked)
{
  g_autoptr(KioskRequest) request = make_request (n);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (n % 2 == 0)
    id = save_async (store, request, &error);
  else
    id = kiosk_store_save (store, request, &error);

  if (id <= 0)
    {
      /* Only a dead disk may refuse a save here. */
      g_assert_true (kiosk_test_vfs_is_cut ());
      g_assert_nonnull (error);
      return FALSE;
    }

  g_hash_table_insert (acked->names, g_memdup2 (&id, sizeof id),
                       g_strdup (kiosk_request_get_name (request)));

  return TRUE;
}

/* Marks the requests saved so far as exported, as an export with --mark-exported does. */
static gboolean
mark_all (KioskStore *store,
          Acked      *acked)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, acked->names);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_array_append_val (ids, *(gint64 *)id);

  if (!kiosk_store_mark_exported (store, (gint64 *)ids->data, ids->len, &error))
    {
      g_assert_true (kiosk_test_vfs_is_cut ());
      return FALSE;
    }

  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (acked->exported, g_memdup2 (&g_array_index (ids, gint64, i),
                                                  sizeof (gint64)));

  return TRUE;
}

static gboolean
run_retention (KioskStore *store)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  if (kiosk_store_delete_expired (store, 30, now, &error) < 0)
    {
      g_assert_true (kiosk_test_vfs_is_cut ());
      return FALSE;
    }

  return TRUE;
}

static void
store_finalized (gpointer data)
{
  g_atomic_int_set ((int *)data, TRUE);
}

/* Drops our reference and waits until the store is finalized and its connection closed. A GTask
 * of save_async() can hold the last reference in its worker thread a moment after the callback
 * ran, and a connection closing after the "reboot" would write over the files the cut left.
 * Object data is freed after the store's own finalize (which closes the connection); a weak
 * reference would be notified before it, in dispose. */
static void
release_store (KioskStore **store)
{
  int finalized = FALSE;

  if (*store == NULL)
    return;

  g_object_set_data_full (G_OBJECT (*store), "kiosk-test-finalized", &finalized,
                          store_finalized);
  g_clear_object (store);
  while (!g_atomic_int_get (&finalized))
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (100);
    }
}

static KioskStore *
open_store (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  KioskStore *store = kiosk_store_open (data_dir, &error);

  if (store == NULL)
    g_assert_true (kiosk_test_vfs_is_cut ());
  else
    g_assert_null (kiosk_store_get_warning (store));

  return store;
}

/* One step of the sequence; FALSE once the disk is gone. */
static gboolean
run_step (KioskStore    **store,
          const char     *data_dir,
          const Sequence *sequence,
          guint           n,
          Acked          *acked)
{
  if (!save_one (*store, n, acked))
    return FALSE;
  if (n % 4 == 0 && !run_retention (*store))
    return FALSE;
  if (n % 5 == 0 && !mark_all (*store, acked))
    return FALSE;
  if (n == sequence->reopen_after)
    {
      release_store (store);
      *store = open_store (data_dir);
    }

  return *store != NULL;
}

static void
run_sequence (const char     *data_dir,
              const Sequence *sequence,
              Acked          *acked)
{
  KioskStore *store = open_store (data_dir);

  for (guint n = 1; store != NULL && n <= sequence->saves; n++)
    {
      if (!run_step (&store, data_dir, sequence, n, acked))
        break;
    }
  release_store (&store);
}

static void
write_baseline (const char *data_dir)
{
  g_autofree char *db = g_build_filename (data_dir, "requests.db", NULL);
  g_autoptr(GError) error = NULL;

  kiosk_test_remove_tree (data_dir);
  g_assert_cmpint (g_mkdir (data_dir, 0700), ==, 0);
  g_file_set_contents_full (db, baseline_db, baseline_len, G_FILE_SET_CONTENTS_NONE, 0600,
                            &error);
  g_assert_no_error (error);
}

static gboolean
quarantine_empty (const char *data_dir)
{
  g_autofree char *quarantine = g_build_filename (data_dir, "quarantine", NULL);

  return !g_file_test (quarantine, G_FILE_TEST_EXISTS);
}

/* Counts the acknowledged requests and marks that did not survive. */
static guint
count_lost (KioskStore *store,
            Acked      *acked)
{
  GHashTableIter iter;
  gpointer id, name;
  guint lost = 0;

  g_hash_table_iter_init (&iter, acked->names);
  while (g_hash_table_iter_next (&iter, &id, &name))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KioskRequest) request = kiosk_store_get_request (store, *(gint64 *)id, &error);
      gboolean marked = g_hash_table_contains (acked->exported, id);

      if (request == NULL || g_strcmp0 (kiosk_request_get_name (request), name) != 0 ||
          (marked && kiosk_request_get_status (request) != KIOSK_REQUEST_STATUS_EXPORTED))
        {
          g_test_message ("acknowledged request %" G_GINT64_FORMAT " lost or changed",
                          *(gint64 *)id);
          lost++;
        }
    }

  return lost;
}

/* After the reboot: the store opens as usual and holds everything acknowledged. */
static gboolean
check_after_reboot (const char *data_dir,
                    Acked      *acked,
                    guint      *lost)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskStore) store = kiosk_store_open (data_dir, &error);
  g_autofree char *integrity = NULL;
  gint64 total = 0;

  if (store == NULL)
    {
      g_test_message ("the store did not open after the cut: %s", error->message);
      *lost += g_hash_table_size (acked->names);
      return FALSE;
    }

  *lost += count_lost (store, acked);
  integrity = _kiosk_store_test_query (store, "PRAGMA integrity_check", &error);
  g_assert_no_error (error);
  kiosk_store_count_requests (store, &total, NULL, &error);
  g_assert_no_error (error);

  return kiosk_store_get_warning (store) == NULL && quarantine_empty (data_dir) &&
         g_str_equal (integrity, "ok") && total >= BASELINE_REQUESTS;
}

static void
run_case (const char     *data_dir,
          const Sequence *sequence,
          guint           cut_after,
          KioskTestCutMode mode,
          guint32         seed,
          Figures        *figures)
{
  Acked acked;
  guint lost = 0;
  gboolean ok;

  acked_init (&acked);
  write_baseline (data_dir);
  kiosk_test_vfs_arm (cut_after);
  run_sequence (data_dir, sequence, &acked);
  kiosk_test_vfs_power_cut (mode, seed);

  ok = check_after_reboot (data_dir, &acked, &lost);
  if (!ok || lost > 0)
    g_test_message ("cut after call %u (%s, seed %u): %s, %u acknowledged lost", cut_after,
                    mode == KIOSK_TEST_CUT_DROP ? "drop" : "torn", seed,
                    ok ? "opened" : "did not open cleanly", lost);

  figures->cases++;
  figures->survived += ok && lost == 0 ? 1 : 0;
  figures->lost += lost;
  acked_clear (&acked);
}

static void
make_baseline (const char *data_dir)
{
  g_autofree char *db = g_build_filename (data_dir, "requests.db", NULL);
  g_autoptr(GError) error = NULL;
  Acked acked;

  acked_init (&acked);
  {
    g_autoptr(KioskStore) store = kiosk_store_open (data_dir, &error);

    g_assert_no_error (error);
    for (guint n = 1; n <= BASELINE_REQUESTS; n++)
      g_assert_true (save_one (store, 1000 + n, &acked));
  }
  acked_clear (&acked);

  g_file_get_contents (db, &baseline_db, &baseline_len, &error);
  g_assert_no_error (error);
}

/* The whole sequence without a cut: how many calls there are to cut after. */
static guint
count_calls (const char     *data_dir,
             const Sequence *sequence)
{
  Acked acked;
  guint calls;

  acked_init (&acked);
  write_baseline (data_dir);
  kiosk_test_vfs_arm (0);
  run_sequence (data_dir, sequence, &acked);
  calls = kiosk_test_vfs_get_events ();
  kiosk_test_vfs_power_cut (KIOSK_TEST_CUT_DROP, 0);
  g_assert_cmpuint (g_hash_table_size (acked.names), ==, sequence->saves);
  acked_clear (&acked);

  return calls;
}

static void
test_power_cut (void)
{
  Sequence sequence = { 6, 0, 0 };
  g_autofree char *tmp = kiosk_test_make_dir ("kiosk-powercut");
  g_autofree char *data_dir = g_build_filename (tmp, "data", NULL);
  Figures figures = { 0 };
  guint calls;

  if (long_mode)
    sequence = (Sequence) { 30, 13, 3 };

  make_baseline (data_dir);
  calls = count_calls (data_dir, &sequence);
  /* Each save writes and syncs at least once, or the cuts prove little. */
  g_assert_cmpuint (calls, >=, 2 * sequence.saves);

  for (guint cut = 1; cut <= calls + 1; cut++)
    {
      run_case (data_dir, &sequence, cut, KIOSK_TEST_CUT_DROP, 0, &figures);
      for (guint v = 0; v < sequence.torn_variants; v++)
        {
          guint32 seed = g_test_rand_int ();

          run_case (data_dir, &sequence, cut, KIOSK_TEST_CUT_TORN, seed, &figures);
          figures.torn_cases++;
        }
    }

  g_test_message ("power cut: %u saves, cut after each of %u calls; %u of the cases torn",
                  sequence.saves, calls + 1, figures.torn_cases);
  g_test_message ("fault-figures: %u cases, %u survived, %u acknowledged lost",
                  figures.cases, figures.survived, figures.lost);
  g_assert_cmpuint (figures.lost, ==, 0);
  g_assert_cmpuint (figures.survived, ==, figures.cases);

  kiosk_test_remove_tree (tmp);
  g_clear_pointer (&baseline_db, g_free);
}

/* The shim itself: a commit SQLite was told not to sync is gone after a cut, and one it
 * synced is not. Without this, a shim that keeps everything would pass every case above. */
static gint64
count_rows_after_cut (const char *synchronous)
{
  g_autofree char *tmp = kiosk_test_make_dir ("kiosk-powercut-shim");
  g_autofree char *path = g_build_filename (tmp, "shim.db", NULL);
  g_autofree char *setup = g_strdup_printf ("PRAGMA journal_mode = WAL; PRAGMA synchronous = %s;"
                                            "CREATE TABLE t (x);", synchronous);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 rows;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, setup, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  kiosk_test_vfs_arm (0);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, setup + strlen ("PRAGMA journal_mode = WAL;"), NULL, NULL,
                                 NULL), ==, SQLITE_ERROR);  /* the table exists */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO t VALUES (1)", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  /* The power goes before the connection closes (and checkpoints). */
  kiosk_test_vfs_cut_now ();
  sqlite3_close (db);
  kiosk_test_vfs_power_cut (KIOSK_TEST_CUT_DROP, 0);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM t", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  rows = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  kiosk_test_remove_tree (tmp);

  return rows;
}

static void
test_shim_drops_unsynced (void)
{
  g_assert_cmpint (count_rows_after_cut ("OFF"), ==, 0);
  g_assert_cmpint (count_rows_after_cut ("FULL"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  for (int i = 1; i < argc; i++)
    long_mode |= g_str_equal (argv[i], "--long");

  g_test_log_set_fatal_handler (fatal_unless_cut, NULL);
  g_log_set_handler (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING | G_LOG_FLAG_FATAL, quiet_when_cut, NULL);
  kiosk_test_vfs_install ();

  g_test_add_func ("/kiosk/fault/power-cut/shim", test_shim_drops_unsynced);
  g_test_add_func ("/kiosk/fault/power-cut/saves", test_power_cut);

  return g_test_run ();
}
