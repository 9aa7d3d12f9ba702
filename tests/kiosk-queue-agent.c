/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A kiosk without a window, for the queue tests: it opens a data folder's store, saves requests
 * as the form does, and runs the real sync worker (KioskQueue) against a queue server.
 *
 *   kiosk-queue-agent DIR CONNINFO KIOSK [--save=N] [--save-forever] [--drain] [--erase-delay=S]
 *
 * --save=N saves N requests first and prints "saved N"; --save-forever then keeps saving (the
 * tests kill it); --drain exits 0 once a round sent everything without an error, printing
 * "drained" (--hold then keeps the store open until standard input closes). Names are
 * "Paciente" plus letters from the process id and a counter, so no two requests share one.
 */

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "kiosk-queue.h"
#include "kiosk-request.h"
#include "kiosk-store.h"

static int      save_count;
static gboolean save_forever;
static gboolean drain;
static int      erase_delay;
static gboolean hold;

static const GOptionEntry entries[] = {
  { "save", 0, 0, G_OPTION_ARG_INT, &save_count, "Save N requests first", "N" },
  { "save-forever", 0, 0, G_OPTION_ARG_NONE, &save_forever, "Keep saving", NULL },
  { "drain", 0, 0, G_OPTION_ARG_NONE, &drain, "Exit once everything is sent", NULL },
  { "erase-delay", 0, 0, G_OPTION_ARG_INT, &erase_delay, "Seconds names stay", "S" },
  { "hold", 0, 0, G_OPTION_ARG_NONE, &hold, "After draining, keep the store open until "
    "standard input closes", NULL },
  { NULL }
};

static void
append_letters (GString *out,
                guint64  number)
{
  char letters[16];
  int n = 0;

  do
    {
      letters[n++] = 'a' + number % 26;
      number /= 26;
    }
  while (number > 0 && n < (int)sizeof letters);

  g_string_append_c (out, 'A' + (letters[n - 1] - 'a'));
  for (int i = n - 2; i >= 0; i--)
    g_string_append_c (out, letters[i]);
}

static void
save_one (KioskStore *store,
          guint       counter)
{
  g_autoptr(GString) name = g_string_new ("Paciente ");
  g_autofree char *phone = g_strdup_printf ("8%07u", (guint)((getpid () * 7919u + counter) %
                                                              10000000u));
  g_autoptr(KioskRequest) request = NULL;
  g_autoptr(GError) error = NULL;

  append_letters (name, getpid ());
  g_string_append_c (name, ' ');
  append_letters (name, counter);

  request = kiosk_request_new (name->str, phone, "+506", KIOSK_CALL_TIME_MORNING, NULL, TRUE,
                               "1", &error);
  if (request == NULL || kiosk_store_save (store, request, &error) == 0)
    g_error ("Could not save: %s", error->message);
}

static void
changed_cb (KioskQueue *queue,
            GMainLoop  *loop)
{
  if (drain && kiosk_queue_get_last_error (queue) == NULL && kiosk_queue_get_unsent (queue) == 0)
    g_main_loop_quit (loop);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("DIR CONNINFO KIOSK");
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskStore) store = NULL;
  g_autoptr(KioskQueue) queue = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  guint counter = 0;

  setvbuf (stdout, NULL, _IOLBF, 0);   /* the test reads each line as it comes */
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 4)
    g_error ("Usage: kiosk-queue-agent DIR CONNINFO KIOSK [options]");

  if ((store = kiosk_store_open (argv[1], &error)) == NULL)
    g_error ("Could not open the store: %s", error->message);

  for (; counter < (guint)save_count; counter++)
    save_one (store, counter);
  g_print ("saved %d\n", save_count);

  queue = kiosk_queue_new (store, argv[2], argv[3], erase_delay);
  kiosk_queue_set_backoff_limit (queue, 1);
  g_signal_connect (queue, "changed", G_CALLBACK (changed_cb), loop);
  kiosk_queue_start (queue);

  while (save_forever)
    {
      save_one (store, counter++);
      g_main_context_iteration (NULL, FALSE);
    }

  g_main_loop_run (loop);
  kiosk_queue_stop (queue);
  g_print ("drained\n");

  /* The test looks at the files (the WAL included) while the store is still open. */
  while (hold && getchar () != EOF)
    ;

  return 0;
}
