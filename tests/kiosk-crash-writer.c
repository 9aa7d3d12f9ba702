/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * kiosk-crash-writer DATA_DIR [COUNT]
 *
 * Saves requests into the store in DATA_DIR, one durable save at a time, and prints each id on
 * its own line, flushed, only after kiosk_store_save() returned, that is after COMMIT reached
 * the disk. The crash test kills it with SIGKILL at a random moment and then checks that every
 * id it printed is in the database. Every 25 saves it also runs the retention, which deletes
 * nothing here but commits an audit row and truncates the WAL, so kills land in checkpoints
 * too. It runs until killed, or for COUNT saves.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "kiosk-store.h"

static KioskRequest *
make_request (guint64 n)
{
  g_autofree char *name = g_strdup_printf ("Crash Test %" G_GUINT64_FORMAT, n);
  g_autofree char *phone = g_strdup_printf ("8%07" G_GUINT64_FORMAT, n % 10000000);

  return kiosk_request_new (name, phone, "+506", KIOSK_CALL_TIME_ANY, "causes", TRUE, "crash",
                            NULL);
}

static gboolean
run_retention (KioskStore  *store,
               GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return kiosk_store_delete_expired (store, 30, now, error) >= 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskStore) store = NULL;
  guint64 count = G_MAXUINT64;

  if (argc < 2 || argc > 3)
    {
      g_printerr ("Usage: %s DATA_DIR [COUNT]\n", argv[0]);
      return 2;
    }
  if (argc == 3)
    count = g_ascii_strtoull (argv[2], NULL, 10);

  store = kiosk_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  /* A previous kill must never look like damage. */
  if (kiosk_store_get_warning (store) != NULL)
    {
      g_printerr ("%s\n", kiosk_store_get_warning (store));
      return 3;
    }

  for (guint64 n = 1; n <= count; n++)
    {
      g_autoptr(KioskRequest) request = make_request (n);
      gint64 id = kiosk_store_save (store, request, &error);

      if (id <= 0 || (n % 25 == 0 && !run_retention (store, &error)))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      printf ("%" G_GINT64_FORMAT "\n", id);
      fflush (stdout);
    }

  return 0;
}
