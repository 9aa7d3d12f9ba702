/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The application's side of the shared reception queue (issue 12): the `--queue-setup` command
 * for the DBA, the `--reception` switch to the desk app, and starting the kiosk's outbox sender
 * when the queue-connection setting is not empty. With the setting empty nothing here runs, and
 * the kiosk is the standalone kiosk it always was.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-application.h"
#include "kiosk-application-private.h"

static int
run_queue_setup (KioskApplication *self)
{
  g_autofree char *conninfo = kiosk_application_get_queue_connection (self);
  g_autoptr(GError) error = NULL;

  if (*conninfo == '\0')
    {
      g_printerr ("%s: %s\n", PACKAGE_NAME,
                  _("no queue connection: give --queue-connection or set queue-connection"));
      return 1;
    }

  if (!kiosk_queue_setup (conninfo, &error))
    {
      /* libpq's message names the host and role, never the password. */
      g_printerr ("%s: %s\n%s\n", PACKAGE_NAME, kiosk_queue_describe_error (error),
                  error->message);
      return 1;
    }

  g_print ("%s\n", _("The shared queue is set up."));

  return 0;
}

/**
 * _kiosk_application_run_queue_command:
 *
 * Returns: the exit status of --queue-setup, or -1 when the application goes on (after noting
 *   --reception)
 */
int
_kiosk_application_run_queue_command (KioskApplication *self,
                                      GVariantDict     *options)
{
  if (g_variant_dict_contains (options, "queue-setup"))
    return run_queue_setup (self);

  if (g_variant_dict_contains (options, "reception"))
    {
      _kiosk_application_set_reception (self, TRUE);
      /* A desk app next to a kiosk of the same user must be its own process, not a second
       * window of the kiosk. */
      g_application_set_flags (G_APPLICATION (self),
                               g_application_get_flags (G_APPLICATION (self)) |
                               G_APPLICATION_NON_UNIQUE);
    }

  return -1;
}

/* The server keeps at most 64 characters of it. */
static char *
kiosk_name (GSettings *settings)
{
  g_autofree char *name = g_settings_get_string (settings, "kiosk-name");

  if (*name == '\0' || !g_utf8_validate (name, -1, NULL))
    {
      g_free (name);
      name = g_strdup (g_get_host_name ());
    }

  return g_utf8_substring (name, 0, MIN (g_utf8_strlen (name, -1), 64));
}

/**
 * _kiosk_application_start_queue:
 *
 * Starts sending the store's outbox to the shared queue, if queue-connection is set and the
 * store is open.
 */
void
_kiosk_application_start_queue (KioskApplication *self)
{
  GSettings *settings = kiosk_application_get_settings (self);
  KioskStore *store = kiosk_application_get_store (self);
  g_autofree char *conninfo = kiosk_application_get_queue_connection (self);
  g_autofree char *name = NULL;
  g_autoptr(KioskQueue) queue = NULL;

  if (*conninfo == '\0' || store == NULL)
    return;

  name = kiosk_name (settings);
  queue = kiosk_queue_new (store, conninfo, name,
                           g_settings_get_uint (settings, "queue-erase-delay"));
  kiosk_queue_start (queue);
  _kiosk_application_set_queue (self, queue);
}
