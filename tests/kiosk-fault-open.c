/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * kiosk-fault-open DATA_DIR
 *
 * Opens the store in DATA_DIR as the kiosk does at start, under whatever faults the fault suite
 * injected (libfiu), and reports in one line on standard output: "opened N" (N requests
 * stored) or "opened N warning" when opening set a damaged file aside. A failure is one line on
 * standard error and exit status 1; a failure that set no error exits 3. Anything else (a signal,
 * another status) is a crash.
 */

#include "config.h"

#include <stdio.h>

#include "kiosk-store.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskStore) store = NULL;
  gint64 total = 0;

  if (argc != 2)
    {
      g_printerr ("Usage: %s DATA_DIR\n", argv[0]);
      return 2;
    }

  store = kiosk_store_open (argv[1], &error);
  if (store == NULL || !kiosk_store_count_requests (store, &total, NULL, &error))
    {
      /* A failure without a GError is a bug of its own (issue 8 #9): say so, not crash. */
      if (error == NULL)
        {
          g_printerr ("kiosk-fault-open: the store failed without saying why\n");
          return 3;
        }
      g_printerr ("kiosk-fault-open: %s\n", error->message);
      return 1;
    }

  printf ("opened %" G_GINT64_FORMAT "%s\n", total,
          kiosk_store_get_warning (store) != NULL ? " warning" : "");

  return 0;
}
