/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
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
      /* A TAP plan of nothing, skipped: meson reports SKIP. */
      g_print ("1..0 # SKIP no display; run the UI tests with ./kiosk.sh test\n");
      exit (0);
    }

  kiosk_language_init_gettext ();
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

/* Writes @value, parsed as a GVariant of the key's type unless the key is a string. */
static void
set_setting (GSettings  *settings,
             const char *key,
             const char *value)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) schema_key = NULL;
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GError) error = NULL;
  const GVariantType *type;

  g_object_get (settings, "settings-schema", &schema, NULL);
  schema_key = g_settings_schema_get_key (schema, key);
  type = g_settings_schema_key_get_value_type (schema_key);

  if (g_variant_type_equal (type, G_VARIANT_TYPE_STRING))
    variant = g_variant_ref_sink (g_variant_new_string (value));
  else
    variant = g_variant_parse (type, value, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_settings_set_value (settings, key, variant));
}

/**
 * kiosk_test_application_new:
 * @data_dir: (nullable): the data folder, as --data-dir would give it
 * @first_setting: the name of a settings key, then its value as text (a GVariant text for
 *   keys that are not strings, such as "true" or "15"), ..., %NULL
 *
 * Creates a registered application (so its startup ran) after resetting the in-memory settings
 * and writing the given ones.
 */
KioskApplication *
kiosk_test_application_new (const char *data_dir,
                            const char *first_setting,
                            ...)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  g_autoptr(GError) error = NULL;
  KioskApplication *app;
  va_list args;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);

  va_start (args, first_setting);
  for (const char *key = first_setting; key != NULL; key = va_arg (args, const char *))
    set_setting (settings, key, va_arg (args, const char *));
  va_end (args);

  app = g_object_new (KIOSK_TYPE_APPLICATION,
                      "application-id", APP_ID ".Test",
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", RESOURCE_PATH,
                      "data-dir", data_dir,
                      NULL);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

/**
 * kiosk_test_make_data_dir:
 *
 * Returns: (transfer full): a new, empty temporary folder; remove it with
 *   kiosk_test_remove_tree()
 */
char *
kiosk_test_make_data_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("kiosk-test-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

void
kiosk_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        kiosk_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/**
 * kiosk_test_wait_for:
 *
 * Runs the main loop until @condition returns %TRUE, failing the test after @timeout_ms.
 */
void
kiosk_test_wait_for (KioskTestCondition condition,
                     gpointer           data,
                     guint              timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * G_TIME_SPAN_MILLISECOND;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/**
 * kiosk_test_find_button_with_label:
 *
 * Returns: (nullable): the first button under @root whose own label is exactly @label
 */
GtkWidget *
kiosk_test_find_button_with_label (GtkWidget  *root,
                                   const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = kiosk_test_find_button_with_label (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
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
