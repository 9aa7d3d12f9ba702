/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * How long a durable save takes on this machine: the median (and spread) of single saves, each
 * one a transaction that returns after its COMMIT was synced (WAL, synchronous=FULL), and the
 * total for 10,000 saves in a row. It prints figures and asserts nothing about them; run it with
 * `meson test -C _build --benchmark -v`.
 *
 * bench-store [SINGLE_SAVES [BULK_SAVES]]
 */

#include "config.h"

#include <glib/gstdio.h>
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

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *)a;
  gint64 y = *(const gint64 *)b;

  return (x > y) - (x < y);
}

static void
bench_single (KioskStore *store,
              guint       n)
{
  g_autofree gint64 *spans = g_new (gint64, n);

  for (guint i = 0; i < n; i++)
    spans[i] = timed_save (store, i);

  qsort (spans, n, sizeof (gint64), compare_spans);
  g_print ("single durable save, %u samples: median %.3f ms, p10 %.3f ms, p90 %.3f ms, "
           "max %.3f ms\n",
           n, spans[n / 2] / 1000.0, spans[n / 10] / 1000.0, spans[n * 9 / 10] / 1000.0,
           spans[n - 1] / 1000.0);
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

  if (tmp == NULL || single == 0 || bulk == 0)
    g_error ("Cannot run: %s", error != NULL ? error->message : "counts must be positive");

  store = kiosk_store_open (tmp, &error);
  if (store == NULL)
    g_error ("Cannot open the store: %s", error->message);

  g_print ("data folder %s (the file system decides what a sync costs)\n", tmp);
  timed_save (store, 0);   /* warm-up: the first save creates the WAL */
  bench_single (store, single);
  bench_bulk (store, bulk);

  g_clear_object (&store);
  kiosk_test_remove_tree (tmp);

  return EXIT_SUCCESS;
}
