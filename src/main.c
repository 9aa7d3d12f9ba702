/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "kiosk-application.h"
#include "kiosk-language.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KioskApplication) app = NULL;

  kiosk_language_init_gettext ();

  app = kiosk_application_new (APP_ID, G_APPLICATION_DEFAULT_FLAGS);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
