/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "kiosk-language.h"
#include "kiosk-test-util.h"

/* UI tests need a display. `./kiosk.sh test` starts a virtual one and sets
 * KIOSK_REQUIRE_DISPLAY, so there a missing display is a failure, not a skip. */
void
kiosk_test_init (int    *argc,
                 char ***argv)
{
  gboolean have_display = g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL;

  if (!have_display)
    {
      if (g_getenv ("KIOSK_REQUIRE_DISPLAY") != NULL)
        g_error ("No display for the UI tests; run them with ./kiosk.sh test");
      g_print ("1..0 # SKIP no display; run the UI tests with ./kiosk.sh test\n");
      exit (77);
    }

  kiosk_language_init_gettext ();
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

/**
 * kiosk_test_application_new:
 * @first_setting: the name of a string or boolean settings key, then its value, ... %NULL
 *
 * Creates a registered application (so its startup ran) after writing the given settings to
 * the in-memory settings backend.
 */
KioskApplication *
kiosk_test_application_new (const char *first_setting,
                            ...)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autoptr(GError) error = NULL;
  KioskApplication *app;
  va_list args;

  g_settings_delay (settings);
  va_start (args, first_setting);
  for (const char *key = first_setting; key != NULL; key = va_arg (args, const char *))
    g_settings_set_string (settings, key, va_arg (args, const char *));
  va_end (args);
  g_settings_apply (settings);

  app = kiosk_application_new (APP_ID ".Test", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);

  return G_SOURCE_REMOVE;
}

void
kiosk_test_iterate (guint milliseconds)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add (milliseconds, quit_loop, loop);
  g_main_loop_run (loop);
}

void
kiosk_test_click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));

  g_signal_emit_by_name (button, "clicked");
  kiosk_test_iterate (20);
}

/**
 * kiosk_test_find_label:
 *
 * Returns: (nullable): the first label under @root whose text contains @text
 */
GtkWidget *
kiosk_test_find_label (GtkWidget  *root,
                       const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = kiosk_test_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * kiosk_test_find_button:
 *
 * Returns: (nullable): the first button under @root bound to @action_name
 */
GtkWidget *
kiosk_test_find_button (GtkWidget  *root,
                        const char *action_name)
{
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = kiosk_test_find_button (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}
