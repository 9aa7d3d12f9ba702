/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "kiosk-language.h"
#include "kiosk-thanks-page.h"
#include "kiosk-test-fs.h"
#include "kiosk-test-util.h"
#include "kiosk-window.h"

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
  KioskApplication *app;
  va_list args;

  va_start (args, first_setting);
  app = kiosk_test_application_new_valist (data_dir, first_setting, args);
  va_end (args);

  return app;
}

KioskApplication *
kiosk_test_application_new_valist (const char *data_dir,
                                   const char *first_setting,
                                   va_list     args)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  g_autoptr(GError) error = NULL;
  KioskApplication *app;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);

  for (const char *key = first_setting; key != NULL; key = va_arg (args, const char *))
    set_setting (settings, key, va_arg (args, const char *));

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
 * kiosk_test_kiosk_open:
 * @kiosk: the fixture to fill
 * @first_setting: settings as for kiosk_test_application_new(), %NULL-terminated
 *
 * Opens a kiosk as a test fixture: its own data folder, an application with these settings,
 * and a presented 1280x800 window.
 */
void
kiosk_test_kiosk_open (KioskTestKiosk *kiosk,
                       const char     *first_setting,
                       ...)
{
  va_list args;

  kiosk->data_dir = kiosk_test_make_data_dir ();
  va_start (args, first_setting);
  kiosk->app = kiosk_test_application_new_valist (kiosk->data_dir, first_setting, args);
  va_end (args);

  kiosk->window = kiosk_window_new (kiosk->app);
  gtk_window_set_default_size (GTK_WINDOW (kiosk->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (kiosk->window));
  kiosk_test_iterate (100);
}

/**
 * kiosk_test_kiosk_close:
 *
 * Destroys the window, asserting that it and every page in it are finalized, then removes the
 * data folder. A test that closed the window itself leaves @kiosk->window %NULL.
 */
void
kiosk_test_kiosk_close (KioskTestKiosk *kiosk)
{
  if (kiosk->window != NULL)
    {
      g_object_ref (kiosk->window);
      gtk_window_destroy (GTK_WINDOW (kiosk->window));
      g_assert_finalize_object (kiosk->window);
      kiosk->window = NULL;
    }
  /* A registered GApplication keeps references of its own until it runs shutdown. */
  g_clear_object (&kiosk->app);
  kiosk_test_remove_tree (kiosk->data_dir);
  g_clear_pointer (&kiosk->data_dir, g_free);
}

/**
 * kiosk_test_find_widget:
 *
 * Returns: (nullable): the first widget of @type under @root, depth first
 */
GtkWidget *
kiosk_test_find_widget (GtkWidget *root,
                        GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = kiosk_test_find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
page_is_visible (gpointer data)
{
  gpointer *args = data;

  return g_strcmp0 (kiosk_window_get_visible_page_name (args[0]), args[1]) == 0;
}

void
kiosk_test_wait_for_page (KioskWindow *window,
                          const char  *name)
{
  gpointer args[] = { window, (gpointer)name };

  kiosk_test_wait_for (page_is_visible, args, 10000);
}

static gboolean
warmed_up (gpointer data)
{
  return kiosk_test_find_widget (data, KIOSK_TYPE_THANKS_PAGE) != NULL;
}

/**
 * kiosk_test_wait_for_warm_up:
 *
 * Waits until @window has done what follows its first painted frame: the store opened, then
 * the pages a visitor can reach built, the thank-you page last. The window must be presented.
 */
void
kiosk_test_wait_for_warm_up (KioskWindow *window)
{
  kiosk_test_wait_for (warmed_up, window, 20000);
}

static gboolean
label_is_mapped (gpointer data)
{
  gpointer *args = data;
  GtkWidget *label = kiosk_test_find_label (args[0], args[1]);

  return label != NULL && gtk_widget_get_mapped (label);
}

/**
 * kiosk_test_wait_for_label:
 *
 * Runs the main loop until a label containing @text shows on screen under @root.
 */
void
kiosk_test_wait_for_label (GtkWidget  *root,
                           const char *text,
                           guint       timeout_ms)
{
  gpointer args[] = { root, (gpointer)text };

  kiosk_test_wait_for (label_is_mapped, args, timeout_ms);
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
  return kiosk_test_make_dir ("kiosk-test");
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

/**
 * kiosk_test_name_window:
 *
 * Gives @window a title no other window has, for xdotool to find it by.
 *
 * Returns: (transfer full): the title
 */
char *
kiosk_test_name_window (GtkWindow *window)
{
  static guint counter;
  char *title = g_strdup_printf ("kiosk-test-%d-%u", getpid (), counter++);

  gtk_window_set_title (window, title);
  kiosk_test_iterate (100);

  return title;
}

static void
subprocess_waited_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  *(gboolean *)data = TRUE;
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *)data;
}

void
kiosk_test_run_xdotool (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) xdotool = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  g_ptr_array_add (argv, (gpointer)g_getenv ("KIOSK_XDOTOOL"));
  g_assert_nonnull (argv->pdata[0]);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  xdotool = g_subprocess_newv ((const char * const *)argv->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  /* The window must keep handling events while xdotool waits for it. */
  g_subprocess_wait_async (xdotool, NULL, subprocess_waited_cb, &done);
  kiosk_test_wait_for (flag_is_set, &done, 10000);
  g_assert_true (g_subprocess_get_successful (xdotool));
}

/* Real key presses through the X server's XTEST extension, as a keyboard plugged into the
 * kiosk sends them to the focused window. @keys is one or more xdotool key names separated by
 * spaces, such as "ctrl+shift+i" or "shift+a n a", pressed one after the other. */
void
kiosk_test_press_keys (GtkWindow  *window,
                       const char *keys)
{
  g_autofree char *title = kiosk_test_name_window (window);
  const char * const focus_args[] = { "search", "--sync", "--name", title,
                                      "windowfocus", "--sync", NULL };
  g_auto(GStrv) names = g_strsplit (keys, " ", -1);
  g_autoptr(GStrvBuilder) key_args = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;

  g_strv_builder_add (key_args, "key");
  g_strv_builder_addv (key_args, (const char **)names);
  argv = g_strv_builder_end (key_args);

  kiosk_test_run_xdotool (focus_args);
  kiosk_test_run_xdotool ((const char * const *)argv);
  kiosk_test_iterate (300);
}


/**
 * kiosk_test_widget_point:
 * @widget: a mapped widget
 * @x: (out): its centre, in its window's X coordinates, as text for xdotool
 * @y: (out): likewise
 */
void
kiosk_test_widget_point (GtkWidget  *widget,
                         char      **x,
                         char      **y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t point;
  double dx, dy;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                                                 gtk_widget_get_height (widget) / 2.0),
                                           &point));
  gtk_native_get_surface_transform (native, &dx, &dy);
  *x = g_strdup_printf ("%d", (int)(point.x + dx));
  *y = g_strdup_printf ("%d", (int)(point.y + dy));
}

/* The first popover showing at or below @root (a menu, the emoji chooser), or %NULL. */
GtkWidget *
kiosk_test_find_visible_popover (GtkWidget *root)
{
  if (GTK_IS_POPOVER (root) && gtk_widget_get_visible (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = kiosk_test_find_visible_popover (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * kiosk_test_find_entry:
 * @purpose: the entry's input purpose, such as %GTK_INPUT_PURPOSE_PHONE
 *
 * Returns: (nullable): the first entry under @root for this purpose (the callback form's name
 *   and phone fields are told apart this way, wherever its steps put them)
 */
GtkWidget *
kiosk_test_find_entry (GtkWidget       *root,
                       GtkInputPurpose  purpose)
{
  if (GTK_IS_ENTRY (root) && gtk_entry_get_input_purpose (GTK_ENTRY (root)) == purpose)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = kiosk_test_find_entry (child, purpose);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * kiosk_test_tap:
 * @widget: a mapped widget in a window
 *
 * Taps the middle of @widget with a real pointer click (XTEST, through xdotool), as a finger
 * would, and lets the main loop run.
 */
void
kiosk_test_tap (GtkWidget *widget)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (widget));
  g_autofree char *title = g_strdup (gtk_window_get_title (window));
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;

  g_assert_true (gtk_widget_get_mapped (widget));
  if (title == NULL || !g_str_has_prefix (title, "kiosk-test-"))
    {
      g_free (title);
      title = kiosk_test_name_window (window);
    }

  kiosk_test_widget_point (widget, &x, &y);
  {
    const char * const tap[] = { "search", "--sync", "--name", title, "mousemove", "--window", "%1",
                                 x, y, "click", "1", NULL };

    kiosk_test_run_xdotool (tap);
  }
  kiosk_test_iterate (50);
}
