/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the waiting screen costs: the kiosk's CPU time per minute while its cards run after a
 * reset (a card every 8 seconds with a cross-fade, under the cairo renderer), then per minute
 * once the loop has stopped and the screen has dimmed, where nothing should run at all. Prints
 * figures only; `./kiosk.sh bench` runs it under Xvfb.
 *
 *   bench-attract [SECONDS]   how long each state is measured (default 60)
 */

#include "config.h"

#include <sys/resource.h>

#include "kiosk-attract-view.h"
#include "kiosk-test-util.h"

static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);

  return usage.ru_utime.tv_sec * 1000.0 + usage.ru_utime.tv_usec / 1000.0 +
         usage.ru_stime.tv_sec * 1000.0 + usage.ru_stime.tv_usec / 1000.0;
}

static double
measure_per_minute (guint seconds)
{
  double before = cpu_ms ();

  kiosk_test_iterate (seconds * 1000);

  return (cpu_ms () - before) * 60.0 / seconds;
}

int
main (int   argc,
      char *argv[])
{
  guint seconds = argc > 1 ? (guint)g_ascii_strtoull (argv[1], NULL, 10) : 60;
  KioskTestKiosk kiosk = { 0 };
  GtkWidget *cards;
  double running, dimmed;

  kiosk_test_init (&argc, &argv);
  if (seconds == 0)
    seconds = 60;

  kiosk_test_kiosk_open (&kiosk, "default-language", "es", "kiosk-mode", "true", NULL);
  kiosk_window_reset (kiosk.window);
  cards = kiosk_test_find_widget (GTK_WIDGET (kiosk.window), KIOSK_TYPE_ATTRACT_VIEW);
  kiosk_test_iterate (1000);
  running = measure_per_minute (seconds);

  /* The loop's time is up: it stops as attract-minutes would make it. */
  kiosk_attract_view_stop (KIOSK_ATTRACT_VIEW (cards));
  g_signal_emit_by_name (cards, "finished");
  kiosk_test_iterate (1000);
  dimmed = measure_per_minute (seconds);

  g_print ("attract loop: %.0f ms of CPU per minute while the cards run (%u s measured)\n",
           running, seconds);
  g_print ("dimmed start screen: %.0f ms of CPU per minute once the loop has stopped\n", dimmed);

  kiosk_test_kiosk_close (&kiosk);

  return 0;
}
