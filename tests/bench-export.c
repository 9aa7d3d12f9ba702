/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * How long an export of 100,000 requests takes and how much memory it needs at its peak. The
 * store is filled in one transaction through the test hook (100,000 durable saves would take
 * minutes and measure the disk, not the export). The peak is Linux's VmHWM, reset right before
 * each export by writing "5" to /proc/self/clear_refs. It prints figures and asserts nothing
 * about them; run it with `./kiosk.sh bench` or `meson test -C _build --benchmark -v`.
 *
 * bench-export [REQUESTS]
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiosk-export.h"
#include "kiosk-store-private.h"
#include "kiosk-test-csv.h"
#include "kiosk-test-fs.h"

/* One name in ten has a comma (so it is quoted), one in ten an accent; every phone starts with
 * '+' (so it gets the apostrophe): the export does its real work on every row. */
#define FILL_SQL \
  "BEGIN;" \
  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u) " \
  "INSERT INTO requests (created_utc, name, phone, call_time, topic, consent_version) " \
  "SELECT strftime ('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now', '-' || (i %% 40000) || ' minutes'), " \
  "       CASE i %% 10 WHEN 0 THEN 'Pérez Mora, Ana María ' || i " \
  "                    WHEN 1 THEN 'José Núñez ' || i " \
  "                    ELSE 'Benchmark Patient ' || i END, " \
  "       '+5068' || printf ('%%07d', i), " \
  "       CASE i %% 3 WHEN 0 THEN 'any' WHEN 1 THEN 'morning' ELSE 'afternoon' END, " \
  "       CASE i %% 4 WHEN 0 THEN NULL ELSE 'causes' END, '2025-01' FROM n;" \
  "COMMIT;"

/* A field of /proc/self/status in KiB, or -1. */
static gint64
status_kib (const char *field)
{
  g_autofree char *status = NULL;
  g_autofree char *key = g_strconcat ("\n", field, ":", NULL);
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, key)) == NULL)
    return -1;

  return g_ascii_strtoll (line + strlen (key), NULL, 10);
}

/* Makes VmHWM start again from the current RSS. */
static gboolean
reset_peak (void)
{
  return g_file_set_contents_full ("/proc/self/clear_refs", "5", 1, G_FILE_SET_CONTENTS_NONE,
                                   0600, NULL);
}

static void
fill (KioskStore *store,
      guint       n)
{
  g_autofree char *sql = g_strdup_printf (FILL_SQL, n);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!_kiosk_store_test_exec (store, sql, &error))
    g_error ("Cannot fill the store: %s", error->message);

  g_print ("filled the store with %u requests in one transaction: %.2f s\n",
           n, (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC);
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : -1;
}

static void
bench_export (KioskStore       *store,
              const char       *target,
              KioskExportFlags  flags,
              const char       *what)
{
  g_autoptr(GError) error = NULL;
  gint64 rss_before = status_kib ("VmRSS");
  gboolean peak_known = reset_peak ();
  gint64 start = g_get_monotonic_time ();
  gint64 peak;
  double seconds;
  guint n_rows = 0;

  if (!kiosk_export_requests_to_path (store, target, flags, &n_rows, &error))
    g_error ("Export failed: %s", error->message);

  seconds = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
  peak = peak_known ? status_kib ("VmHWM") : -1;

  g_print ("%s: %u rows in %.3f s (%.0f rows/s), file %.2f MiB\n",
           what, n_rows, seconds, n_rows / seconds, file_size (target) / 1048576.0);
  if (peak >= 0 && rss_before >= 0)
    g_print ("  RSS before %.1f MiB, peak during the export %.1f MiB (%+.1f MiB)\n",
             rss_before / 1024.0, peak / 1024.0, (peak - rss_before) / 1024.0);
  else
    g_print ("  RSS before %.1f MiB; the peak is not available (no /proc/self/clear_refs)\n",
             rss_before / 1024.0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskStore) store = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("kiosk-bench-export-XXXXXX", &error);
  g_autofree char *data_dir = NULL;
  g_autofree char *target = NULL;
  guint n = argc > 1 ? (guint)atoi (argv[1]) : 100000;

  if (tmp == NULL || n == 0)
    g_error ("Cannot run: %s", error != NULL ? error->message : "the count must be positive");

  data_dir = g_build_filename (tmp, "data", NULL);
  target = g_build_filename (tmp, "requests.csv", NULL);
  store = kiosk_store_open (data_dir, &error);
  if (store == NULL)
    g_error ("Cannot open the store: %s", error->message);

  g_print ("folder %s\n", tmp);
  fill (store, n);
  bench_export (store, target, KIOSK_EXPORT_PENDING, "export of the pending requests");
  bench_export (store, target, KIOSK_EXPORT_MARK, "export and mark them exported");
  bench_export (store, target, KIOSK_EXPORT_ALL, "export --all (no marking)");

  g_clear_object (&store);
  kiosk_test_delete_tree (tmp);

  return EXIT_SUCCESS;
}
