/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * How long a durable save takes on this machine: the median (and spread) of single saves, each
 * one a transaction that returns after its COMMIT was synced (WAL, synchronous=FULL), next to
 * the same row inserted with plain SQLite and the same pragmas (the floor; the two alternate,
 * so both see the same disk), and the total for 10,000 saves in a row. It prints figures and
 * asserts nothing about them; run it with `meson test -C _build --benchmark -v`.
 *
 * bench-store [SINGLE_SAVES [BULK_SAVES]]   (BULK_SAVES 0 skips the saves in a row)
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "kiosk-store.h"
#include "kiosk-test-fs.h"

static KioskRequest *
make_request (guint n)
{
  g_autofree char *name = g_strdup_printf ("Benchmark Patient %u", n);

  return kiosk_request_new (name, "8888 1234", "+506", KIOSK_CALL_TIME_ANY, "causes", TRUE,
                            "bench", NULL);
}

static gint64
timed_save (KioskStore *store,
            guint       n)
{
  g_autoptr(KioskRequest) request = make_request (n);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (kiosk_store_save (store, request, &error) <= 0)
    g_error ("Save failed: %s", error->message);

  return g_get_monotonic_time () - start;
}

/* The floor for a durable save: the store's pragmas and table, one prepared INSERT in its own
 * transaction, none of the store's checks, threads or bookkeeping. */
#define PLAIN_SETUP \
  "PRAGMA journal_mode = WAL;" \
  "PRAGMA synchronous = FULL;" \
  "PRAGMA foreign_keys = ON;" \
  "PRAGMA secure_delete = ON;" \
  "CREATE TABLE requests (id INTEGER PRIMARY KEY AUTOINCREMENT, created_utc TEXT NOT NULL," \
  " name TEXT NOT NULL, phone TEXT NOT NULL, call_time TEXT NOT NULL, topic TEXT," \
  " consent_version TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'pending', exported_at TEXT," \
  " called_back_at TEXT, no_answer_at TEXT) STRICT;" \
  "CREATE INDEX requests_by_created ON requests (created_utc);"
#define PLAIN_INSERT \
  "INSERT INTO requests (created_utc, name, phone, call_time, topic, consent_version)" \
  " VALUES ('2026-12-01T10:00:00Z', ?1, '+50688881234', 'any', 'causes', '1')"

typedef struct
{
  sqlite3      *db;
  sqlite3_stmt *insert;
} PlainDb;

static void
plain_check (PlainDb *plain,
             int      rc)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    g_error ("Plain SQLite failed: %s", sqlite3_errmsg (plain->db));
}

static void
plain_open (PlainDb    *plain,
            const char *folder)
{
  g_autofree char *path = g_build_filename (folder, "plain.db", NULL);

  if (sqlite3_open (path, &plain->db) != SQLITE_OK)
    g_error ("Cannot open %s", path);
  plain_check (plain, sqlite3_exec (plain->db, PLAIN_SETUP, NULL, NULL, NULL));
  plain_check (plain, sqlite3_prepare_v2 (plain->db, PLAIN_INSERT, -1, &plain->insert, NULL));
}

static void
plain_close (PlainDb *plain)
{
  sqlite3_finalize (plain->insert);
  sqlite3_close (plain->db);
}

static gint64
timed_plain_insert (PlainDb *plain,
                    guint    n)
{
  g_autofree char *name = g_strdup_printf ("Benchmark Patient %u", n);
  gint64 start = g_get_monotonic_time ();

  plain_check (plain, sqlite3_exec (plain->db, "BEGIN IMMEDIATE", NULL, NULL, NULL));
  sqlite3_bind_text (plain->insert, 1, name, -1, SQLITE_TRANSIENT);
  plain_check (plain, sqlite3_step (plain->insert));
  sqlite3_reset (plain->insert);
  plain_check (plain, sqlite3_exec (plain->db, "COMMIT", NULL, NULL, NULL));

  return g_get_monotonic_time () - start;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *)a;
  gint64 y = *(const gint64 *)b;

  return (x > y) - (x < y);
}

static double
print_spans (const char *what,
             gint64     *spans,
             guint       n)
{
  qsort (spans, n, sizeof (gint64), compare_spans);
  g_print ("%s, %u samples: median %.3f ms, p10 %.3f ms, p90 %.3f ms, max %.3f ms\n",
           what, n, spans[n / 2] / 1000.0, spans[n / 10] / 1000.0, spans[n * 9 / 10] / 1000.0,
           spans[n - 1] / 1000.0);

  return spans[n / 2] / 1000.0;
}

static void
bench_single (KioskStore *store,
              PlainDb    *plain,
              guint       n)
{
  g_autofree gint64 *spans = g_new (gint64, n);
  g_autofree gint64 *plain_spans = g_new (gint64, n);
  double median, plain_median;

  timed_plain_insert (plain, 0);   /* warm-up: the first insert creates the WAL */
  for (guint i = 0; i < n; i++)
    {
      spans[i] = timed_save (store, i);
      plain_spans[i] = timed_plain_insert (plain, i);
    }

  median = print_spans ("single durable save", spans, n);
  plain_median = print_spans ("plain SQLite insert, same pragmas", plain_spans, n);
  g_print ("durable save / plain SQLite: %.2fx\n", median / plain_median);
}

static void
bench_bulk (KioskStore *store,
            guint       n)
{
  gint64 total = 0;

  for (guint i = 0; i < n; i++)
    total += timed_save (store, i);

  g_print ("%u durable saves in a row: %.2f s total, %.3f ms each, %.0f saves/s\n",
           n, total / (double)G_USEC_PER_SEC, total / 1000.0 / n,
           n / (total / (double)G_USEC_PER_SEC));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskStore) store = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("kiosk-bench-XXXXXX", &error);
  guint single = argc > 1 ? atoi (argv[1]) : 200;
  guint bulk = argc > 2 ? atoi (argv[2]) : 10000;
  PlainDb plain = { NULL, NULL };

  if (tmp == NULL || single == 0)
    g_error ("Cannot run: %s", error != NULL ? error->message : "counts must be positive");

  store = kiosk_store_open (tmp, &error);
  if (store == NULL)
    g_error ("Cannot open the store: %s", error->message);

  g_print ("data folder %s (the file system decides what a sync costs)\n", tmp);
  timed_save (store, 0);   /* warm-up: the first save creates the WAL */
  plain_open (&plain, tmp);
  bench_single (store, &plain, single);
  if (bulk > 0)
    bench_bulk (store, bulk);

  plain_close (&plain);
  g_clear_object (&store);
  kiosk_test_remove_tree (tmp);

  return EXIT_SUCCESS;
}
