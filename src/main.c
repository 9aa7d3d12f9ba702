/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "kiosk-application.h"
#include "kiosk-csv-writer.h"
#include "kiosk-language.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KioskApplication) app = NULL;

  /* Log lines go to standard error, never into a CSV written to standard output. GLib only
   * allows this before the first thread, so it comes first. */
  g_log_writer_default_set_use_stderr (TRUE);
  /* Ctrl+C, SIGTERM or SIGHUP during an export must not leave its plaintext temporary file. */
  kiosk_csv_writer_install_signal_handlers ();
  kiosk_language_init_gettext ();

  app = kiosk_application_new (APP_ID, G_APPLICATION_DEFAULT_FLAGS);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
