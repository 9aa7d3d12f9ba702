/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The shared queue's figures for docs/queue.md (`./kiosk.sh bench`), against a private
 * PostgreSQL server on this machine (a Unix socket: the network's round trip comes on top):
 *
 * - sync throughput: a kiosk's outbox of 5,000 requests (a long night offline) sent in batches;
 * - Send-to-visible latency: from a patient's save at a kiosk to the request in reception's
 *   list (through the worker, INSERT, COMMIT, NOTIFY, and the desk's read of the whole queue),
 *   with the 5,100 requests of the other runs already listed; median and 90th percentile of 100;
 * - the patient's acknowledgement (the local save) with the queue on and standalone, side by
 *   side: it must not depend on the network.
 */

#include "config.h"

#include "kiosk-queue.h"
#include "kiosk-reception.h"
#include "kiosk-store-queue.h"
#include "kiosk-test-fs.h"
#include "kiosk-test-pg.h"

#define OUTBOX_SIZE   5000
#define LATENCY_RUNS  100
#define ACK_RUNS      200

static KioskTestPg *pg;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, compare_doubles);

  return g_array_index (values, double, MIN ((guint)(p * values->len), values->len - 1));
}

static KioskStore *
open_store (char **dir)
{
  g_autoptr(GError) error = NULL;
  KioskStore *store;

  *dir = kiosk_test_make_dir ("kiosk-bench-queue");
  store = kiosk_store_open (*dir, &error);
  g_assert_no_error (error);

  return store;
}

/* Returns the milliseconds the save took. */
static double
save_one (KioskStore *store,
          guint       n)
{
  g_autofree char *phone = g_strdup_printf ("8%07u", n);
  g_autoptr(KioskRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  request = kiosk_request_new ("Paciente de Prueba", phone, "+506", KIOSK_CALL_TIME_ANY, NULL,
                               TRUE, "1", &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  g_assert_cmpint (kiosk_store_save (store, request, &error), >, 0);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static gboolean
drained (KioskQueue *queue)
{
  return kiosk_queue_get_unsent (queue) == 0 && kiosk_queue_get_last_error (queue) == NULL;
}

static KioskQueue *
start_queue (KioskStore *store,
             const char *kiosk)
{
  g_autofree char *conninfo = kiosk_test_pg_conninfo (pg, KIOSK_TEST_PG_KIOSK_ROLE);
  KioskQueue *queue = kiosk_queue_new (store, conninfo, kiosk, 0);

  kiosk_queue_start (queue);

  return queue;
}

static void
bench_throughput (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(KioskStore) store = open_store (&dir);
  g_autoptr(KioskQueue) queue = NULL;
  gint64 start;
  double seconds;

  for (guint i = 0; i < OUTBOX_SIZE; i++)
    save_one (store, i);

  start = g_get_monotonic_time ();
  queue = start_queue (store, "bench-throughput");
  while (!drained (queue))
    g_main_context_iteration (NULL, TRUE);
  seconds = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;

  g_print ("queue-bench: sync throughput: %u requests in %.2f s = %.0f requests/s "
           "(batches of 500, one transaction each, names erased after)\n",
           OUTBOX_SIZE, seconds, OUTBOX_SIZE / seconds);
  kiosk_queue_stop (queue);
  kiosk_test_remove_tree (dir);
}

static void
bench_latency (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(KioskStore) store = open_store (&dir);
  g_autofree char *desk_conn = kiosk_test_pg_conninfo (pg, KIOSK_TEST_PG_RECEPTION_ROLE);
  g_autoptr(KioskReception) reception = kiosk_reception_new (desk_conn);
  g_autoptr(KioskQueue) queue = start_queue (store, "bench-latency");
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  GListModel *entries = kiosk_reception_get_entries (reception);

  kiosk_reception_set_filter (reception, NULL);
  kiosk_reception_connect (reception);
  while (!kiosk_reception_is_connected (reception))
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < 100; i++)   /* the throughput run's 5,000 and 100 more are listed */
    save_one (store, 100000 + i);
  while (g_list_model_get_n_items (entries) < 100 + OUTBOX_SIZE)
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < LATENCY_RUNS; i++)
    {
      guint before = g_list_model_get_n_items (entries);
      gint64 start = g_get_monotonic_time ();
      double ms;

      save_one (store, 200000 + i);
      while (g_list_model_get_n_items (entries) == before)
        g_main_context_iteration (NULL, TRUE);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (latencies, ms);
    }

  g_print ("queue-bench: Send-to-visible at reception: median %.1f ms, p90 %.1f ms "
           "(%u requests, %u listed)\n", percentile (latencies, 0.5), percentile (latencies, 0.9),
           LATENCY_RUNS, g_list_model_get_n_items (entries));
  kiosk_queue_stop (queue);
  kiosk_test_remove_tree (dir);
}

static void
bench_ack (gboolean    with_queue,
           GArray     *times)
{
  g_autofree char *dir = NULL;
  g_autoptr(KioskStore) store = open_store (&dir);
  g_autoptr(KioskQueue) queue = with_queue ? start_queue (store, "bench-ack") : NULL;

  for (guint i = 0; i < ACK_RUNS; i++)
    {
      double ms = save_one (store, 300000 + i);

      g_array_append_val (times, ms);
      g_main_context_iteration (NULL, FALSE);
    }

  if (queue != NULL)
    kiosk_queue_stop (queue);
  kiosk_test_remove_tree (dir);
}

static void
bench_acknowledgement (void)
{
  g_autoptr(GArray) standalone = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) queued = g_array_new (FALSE, FALSE, sizeof (double));

  bench_ack (FALSE, standalone);
  bench_ack (TRUE, queued);

  g_print ("queue-bench: patient's acknowledgement (local save): standalone median %.2f ms, "
           "p90 %.2f ms | queue on median %.2f ms, p90 %.2f ms (%u saves each)\n",
           percentile (standalone, 0.5), percentile (standalone, 0.9),
           percentile (queued, 0.5), percentile (queued, 0.9), ACK_RUNS);
}

int
main (int    argc,
      char **argv)
{
  if ((pg = kiosk_test_pg_start ()) == NULL)
    {
      g_print ("queue-bench: skipped, the PostgreSQL server programs are not installed\n");
      return 0;
    }

  bench_throughput ();
  bench_latency ();
  bench_acknowledgement ();
  kiosk_test_pg_free (pg);

  return 0;
}
