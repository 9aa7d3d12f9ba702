/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One visitor and the next: the idle reset, the kiosk lockdown and accessibility. */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include "kiosk-callback-page.h"
#include "kiosk-home-page.h"
#include "kiosk-test-util.h"
#include "kiosk-window.h"

typedef KioskTestKiosk VisitorFixture;

static void
visitor_setup (VisitorFixture *fixture,
               gconstpointer   data)
{
  const char *kiosk_mode = data != NULL ? data : "true";

  kiosk_test_kiosk_open (fixture, "default-language", "en", "kiosk-mode", kiosk_mode, NULL);
}

static void
visitor_teardown (VisitorFixture *fixture,
                  gconstpointer   data)
{
  kiosk_test_kiosk_close (fixture);
}

static GtkEditable *
form_entry (VisitorFixture *fixture)
{
  return GTK_EDITABLE (kiosk_test_find_widget (kiosk_window_get_page (fixture->window, "callback"),
                                     GTK_TYPE_ENTRY));
}

static GtkWidget *
phone_entry (VisitorFixture *fixture)
{
  return kiosk_test_find_entry (kiosk_window_get_page (fixture->window, "callback"),
                                GTK_INPUT_PURPOSE_PHONE);
}

/* A visitor who filled the form, chose Spanish, big text and high contrast, then walked away. */
static void
leave_traces (VisitorFixture *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "kiosk.show-callback", NULL);
  gtk_editable_set_text (form_entry (fixture), "Rosa Jiménez");
  kiosk_window_set_language (fixture->window, "es");
  kiosk_window_set_text_size (fixture->window, 2);
  kiosk_window_set_high_contrast (fixture->window, TRUE);
  g_assert_cmpstr (gtk_editable_get_text (form_entry (fixture)), ==, "Rosa Jiménez");

  kiosk_window_set_idle_timing (fixture->window, 300, 2);
  kiosk_idle_monitor_poke (kiosk_window_get_idle_monitor (fixture->window));
}

static void
test_idle_reset (VisitorFixture *fixture,
                 gconstpointer   data)
{
  GtkWidget *home;

  leave_traces (fixture);
  kiosk_test_wait_for_label (GTK_WIDGET (fixture->window), "¿Sigue ahí?", 3000);
  g_assert_nonnull (kiosk_test_find_label (GTK_WIDGET (fixture->window), "2 segundos"));

  /* Nobody answers: everything goes back to the clinic's defaults. */
  kiosk_test_wait_for_label (GTK_WIDGET (fixture->window), "Touch the screen to start", 5000);
  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "home");
  g_assert_cmpstr (kiosk_window_get_language (fixture->window), ==, "en");
  g_assert_cmpuint (kiosk_window_get_text_size (fixture->window), ==, 0);
  g_assert_false (kiosk_window_get_high_contrast (fixture->window));
  g_assert_cmpstr (gtk_editable_get_text (form_entry (fixture)), ==, "");
  g_assert_null (kiosk_test_find_label (GTK_WIDGET (fixture->window), "Rosa"));
  /* No timer is left running on an idle kiosk. */
  g_assert_false (kiosk_idle_monitor_is_armed (kiosk_window_get_idle_monitor (fixture->window)));

  /* The first touch only wakes the screen; it opens no tile. */
  kiosk_test_click (kiosk_test_find_button (GTK_WIDGET (fixture->window), "kiosk.wake"));
  g_assert_false (gtk_widget_get_visible (kiosk_test_find_button (GTK_WIDGET (fixture->window),
                                                                  "kiosk.wake")));
  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "home");
  home = kiosk_window_get_visible_page (fixture->window);
  g_assert_true (gtk_widget_get_mapped (home));
}

static void
test_still_here (VisitorFixture *fixture,
                 gconstpointer   data)
{
  leave_traces (fixture);
  kiosk_test_wait_for_label (GTK_WIDGET (fixture->window), "¿Sigue ahí?", 3000);
  kiosk_test_click (kiosk_test_find_button (GTK_WIDGET (fixture->window), "kiosk.still-here"));

  /* Past the end of the countdown, nothing was cleared. */
  kiosk_test_iterate (2500);
  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "callback");
  g_assert_cmpstr (kiosk_window_get_language (fixture->window), ==, "es");
  g_assert_cmpuint (kiosk_window_get_text_size (fixture->window), ==, 2);
  g_assert_true (kiosk_window_get_high_contrast (fixture->window));
  g_assert_cmpstr (gtk_editable_get_text (form_entry (fixture)), ==, "Rosa Jiménez");
}

/* The toggle in the "Text size and contrast" menu for text size @size. */
static GtkWidget *
text_size_button (GtkWidget *root,
                  guint      size)
{
  if (GTK_IS_TOGGLE_BUTTON (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), "kiosk.text-size") == 0 &&
      g_variant_get_uint32 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (root))) == size)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = text_size_button (child, size);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
open_look_menu (VisitorFixture *fixture)
{
  GtkWidget *menu = kiosk_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_MENU_BUTTON);
  GtkWidget *popover;

  g_assert_nonnull (menu);
  g_assert_true (gtk_widget_get_mapped (menu));
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu));
  kiosk_test_iterate (100);
  popover = kiosk_test_find_visible_popover (menu);
  g_assert_nonnull (popover);

  return popover;
}

/* One labelled control opens the sizes and the contrast switch; each is a real toggle that
 * shows which is on. */
static void
test_text_size_and_contrast_buttons (VisitorFixture *fixture,
                                     gconstpointer   data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *menu = kiosk_test_find_widget (window, GTK_TYPE_MENU_BUTTON);
  GtkWidget *title = kiosk_test_find_label (window, "Facial twitching and spasms");
  GtkWidget *popover, *contrast;
  int normal_height, largest_height;

  g_assert_nonnull (kiosk_test_find_label (menu, "Text size and contrast"));
  gtk_test_accessible_assert_property (menu, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Text size and contrast");
  popover = open_look_menu (fixture);
  contrast = kiosk_test_find_button (popover, "kiosk.high-contrast");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (text_size_button (popover, 0))));

  gtk_widget_measure (title, GTK_ORIENTATION_VERTICAL, -1, &normal_height, NULL, NULL, NULL);
  kiosk_test_click (text_size_button (popover, 1));
  g_assert_cmpuint (kiosk_window_get_text_size (fixture->window), ==, 1);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (text_size_button (popover, 1))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (text_size_button (popover, 0))));
  kiosk_test_click (text_size_button (popover, 2));
  g_assert_cmpuint (kiosk_window_get_text_size (fixture->window), ==, 2);
  kiosk_test_iterate (50);
  gtk_widget_measure (title, GTK_ORIENTATION_VERTICAL, -1, &largest_height, NULL, NULL, NULL);
  /* The largest step is about one and a half times the normal text. */
  g_assert_cmpfloat ((double)largest_height / normal_height, >=, 1.35);
  kiosk_test_click (text_size_button (popover, 0));
  g_assert_cmpuint (kiosk_window_get_text_size (fixture->window), ==, 0);

  gtk_test_accessible_assert_property (contrast, GTK_ACCESSIBLE_PROPERTY_LABEL, "High contrast");
  kiosk_test_click (contrast);
  g_assert_true (kiosk_window_get_high_contrast (fixture->window));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (contrast)));
  kiosk_test_click (contrast);
  g_assert_false (kiosk_window_get_high_contrast (fixture->window));
  gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
test_close_refused_in_kiosk_mode (VisitorFixture *fixture,
                                  gconstpointer   data)
{
  gboolean handled = FALSE;

  g_assert_false (gtk_window_get_deletable (GTK_WINDOW (fixture->window)));
  g_signal_emit_by_name (fixture->window, "close-request", &handled);
  g_assert_true (handled);
  gtk_window_close (GTK_WINDOW (fixture->window));
  kiosk_test_iterate (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
}

static void
test_close_allowed_windowed (VisitorFixture *fixture,
                             gconstpointer   data)
{
  gboolean handled = TRUE;

  g_assert_true (gtk_window_get_deletable (GTK_WINDOW (fixture->window)));
  g_signal_emit_by_name (fixture->window, "close-request", &handled);
  g_assert_false (handled);
}

static void
test_shortcuts_kiosk (VisitorFixture *fixture,
                      gconstpointer   data)
{
  const char * const shortcuts[] = { "alt+F4", "ctrl+q", "ctrl+w", "F10", "ctrl+shift+i", "ctrl+shift+d" };
  GtkWindow *window = GTK_WINDOW (fixture->window);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&fixture->window);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      g_autoptr(GListModel) toplevels = NULL;

      kiosk_test_press_keys (window, shortcuts[i]);
      if (fixture->window == NULL)
        g_error ("%s closed the kiosk", shortcuts[i]);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
      /* No inspector or other window opened. */
      toplevels = g_object_ref (gtk_window_get_toplevels ());
      g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, 1);
    }
  g_object_remove_weak_pointer (G_OBJECT (window), (gpointer *)&fixture->window);
}

static void
test_shortcuts_windowed (VisitorFixture *fixture,
                         gconstpointer   data)
{
  /* The same key that does nothing in kiosk mode closes a development window. */
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *)&fixture->window);
  kiosk_test_press_keys (GTK_WINDOW (fixture->window), "ctrl+w");
  kiosk_test_iterate (200);
  g_assert_null (fixture->window);
}

/* --- Accessibility walk --------------------------------------------------------------------- */

static gboolean
is_interactive (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_ENTRY (widget) ||
         GTK_IS_SWITCH (widget) || GTK_IS_SCALE (widget) || GTK_IS_SPIN_BUTTON (widget);
}

static gboolean
has_text_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (has_text_label (child))
        return TRUE;
    }

  return FALSE;
}

/* What a screen reader would read: an explicit label or relation, or the widget's own text. */
static gboolean
has_accessible_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  return gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
         gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY) ||
         has_text_label (widget);
}

static void
check_tree (GtkWidget *widget,
            GString   *problems)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (is_interactive (widget))
    {
      const char *type = G_OBJECT_TYPE_NAME (widget);
      int width = gtk_widget_get_width (widget);
      int height = gtk_widget_get_height (widget);

      if (!has_accessible_name (widget))
        g_string_append_printf (problems, "%s %p has no accessible name\n", type, widget);
      if (width < 64 || height < 64)
        g_string_append_printf (problems, "%s %p is %dx%d, smaller than 64x64\n",
                                type, widget, width, height);
      /* An entry's inner text widget is part of the entry, not a control of its own. */
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_tree (child, problems);
}

static void
check_page (VisitorFixture *fixture,
            const char     *name,
            GString        *problems)
{
  g_autoptr(GString) found = g_string_new (NULL);

  kiosk_test_iterate (300);
  check_tree (GTK_WIDGET (fixture->window), found);
  if (found->len > 0)
    g_string_append_printf (problems, "On page %s in %s:\n%s", name,
                            kiosk_window_get_language (fixture->window), found->str);
}

static void
test_accessibility_walk (VisitorFixture *fixture,
                         gconstpointer   data)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  GtkWidget *window = GTK_WIDGET (fixture->window);
  const char * const languages[] = { "en", "es" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      KioskContentPack *content;
      GtkWidget *popover;
      guint n;

      kiosk_window_set_language (fixture->window, languages[l]);
      content = kiosk_window_get_content (fixture->window);
      n = g_list_model_get_n_items (G_LIST_MODEL (content));

      gtk_widget_activate_action (window, "kiosk.home", NULL);
      check_page (fixture, "home", problems);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(KioskTopic) topic = g_list_model_get_item (G_LIST_MODEL (content), i);

          gtk_widget_activate_action (window, "kiosk.show-topic", "s", kiosk_topic_get_id (topic));
          check_page (fixture, kiosk_topic_get_id (topic), problems);
        }

      /* The form, step by step: with its letter keyboard, its keypad, its choices. */
      gtk_widget_activate_action (window, "kiosk.show-callback", NULL);
      for (KioskCallbackStep step = 0; step < KIOSK_CALLBACK_N_STEPS; step++)
        {
          g_autofree char *name = g_strdup_printf ("callback (step %d)", step + 1);

          kiosk_callback_page_set_step (KIOSK_CALLBACK_PAGE (kiosk_window_get_page (fixture->window,
                                                                                    "callback")),
                                        step);
          check_page (fixture, name, problems);
        }

      /* The text size and contrast menu. */
      popover = open_look_menu (fixture);
      check_page (fixture, "text size and contrast menu", problems);
      gtk_popover_popdown (GTK_POPOVER (popover));

      /* The idle warning. */
      kiosk_window_set_idle_timing (fixture->window, 100, 5);
      kiosk_idle_monitor_poke (kiosk_window_get_idle_monitor (fixture->window));
      kiosk_test_iterate (400);
      check_page (fixture, "idle warning", problems);
      gtk_widget_activate_action (window, "kiosk.still-here", NULL);
    }

  if (problems->len > 0)
    g_error ("Accessibility problems:\n%s", problems->str);
}

/* Tab, as a keyboard or a switch-access device sends it, reaches every control of every step
 * of the form. */
static void
test_focus_chain (VisitorFixture *fixture,
                  gconstpointer   data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *page;
  g_autoptr(GHashTable) reached = g_hash_table_new (NULL, NULL);
  GtkWidget *checks[6];

  gtk_widget_activate_action (window, "kiosk.show-callback", NULL);
  kiosk_test_iterate (200);
  page = kiosk_window_get_page (fixture->window, "callback");

  for (KioskCallbackStep step = 0; step < KIOSK_CALLBACK_N_STEPS; step++)
    {
      kiosk_callback_page_set_step (KIOSK_CALLBACK_PAGE (page), step);
      kiosk_test_iterate (50);
      for (guint i = 0; i < 80; i++)
        {
          GtkWidget *focus;

          gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD);
          focus = gtk_root_get_focus (GTK_ROOT (window));
          for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
            g_hash_table_add (reached, w);
        }
    }

  checks[0] = kiosk_test_find_button (window, "kiosk.home");
  checks[1] = kiosk_test_find_button (window, "kiosk.next-language");
  checks[2] = kiosk_test_find_button (page, "callback.send");
  checks[3] = kiosk_test_find_widget (page, GTK_TYPE_CHECK_BUTTON);
  checks[4] = kiosk_test_find_button (page, "callback.next");
  checks[5] = phone_entry (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      g_assert_nonnull (checks[i]);
      if (!g_hash_table_contains (reached, checks[i]))
        g_error ("Tab never reaches %s", G_OBJECT_TYPE_NAME (checks[i]));
    }
  g_assert_true (g_hash_table_contains (reached, form_entry (fixture)));
}

static gboolean
only_main_window (gpointer data)
{
  return g_list_model_get_n_items (gtk_window_get_toplevels ()) == 1;
}

/* While no staff member is signed in, no window but the kiosk's stays on screen, whoever opened
 * it: here a plain window, as a library or GTK itself might open. */
static void
test_stray_window_closes (VisitorFixture *fixture,
                          gconstpointer   data)
{
  GtkWidget *stray = gtk_window_new ();
  g_autoptr(GtkWindow) left = NULL;

  g_object_ref (stray);
  gtk_window_present (GTK_WINDOW (stray));
  kiosk_test_wait_for (only_main_window, NULL, 5000);
  left = g_list_model_get_item (gtk_window_get_toplevels (), 0);
  g_assert_true (left == GTK_WINDOW (fixture->window));
  g_assert_false (gtk_widget_get_visible (stray));
  g_assert_finalize_object (stray);
}

/* GTK's own Inspector keybinding is off for the whole process in kiosk mode, whatever the
 * user's settings say: GTK's handler refuses before any window opens. */
static void
test_inspector_keybinding_off (VisitorFixture *fixture,
                               gconstpointer   data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  gboolean handled = TRUE;

  g_signal_emit_by_name (fixture->window, "enable-debugging", FALSE, &handled);
  g_assert_false (handled);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, 1);
  g_signal_emit_by_name (fixture->window, "enable-debugging", TRUE, &handled);
  g_assert_false (handled);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  kiosk_test_init (&argc, &argv);

  g_test_add ("/kiosk/visitor/idle-reset", VisitorFixture, NULL,
              visitor_setup, test_idle_reset, visitor_teardown);
  g_test_add ("/kiosk/visitor/still-here", VisitorFixture, NULL,
              visitor_setup, test_still_here, visitor_teardown);
  g_test_add ("/kiosk/visitor/text-size-and-contrast", VisitorFixture, NULL,
              visitor_setup, test_text_size_and_contrast_buttons, visitor_teardown);
  g_test_add ("/kiosk/visitor/lockdown/close-refused", VisitorFixture, NULL,
              visitor_setup, test_close_refused_in_kiosk_mode, visitor_teardown);
  g_test_add ("/kiosk/visitor/lockdown/windowed-close", VisitorFixture, "false",
              visitor_setup, test_close_allowed_windowed, visitor_teardown);
  g_test_add ("/kiosk/visitor/lockdown/shortcuts-refused", VisitorFixture, NULL,
              visitor_setup, test_shortcuts_kiosk, visitor_teardown);
  g_test_add ("/kiosk/visitor/lockdown/windowed-shortcuts", VisitorFixture, "false",
              visitor_setup, test_shortcuts_windowed, visitor_teardown);
  g_test_add ("/kiosk/visitor/lockdown/stray-window-closes", VisitorFixture, NULL,
              visitor_setup, test_stray_window_closes, visitor_teardown);
  g_test_add ("/kiosk/visitor/lockdown/inspector-keybinding-off", VisitorFixture, NULL,
              visitor_setup, test_inspector_keybinding_off, visitor_teardown);
  g_test_add ("/kiosk/visitor/accessibility-walk", VisitorFixture, NULL,
              visitor_setup, test_accessibility_walk, visitor_teardown);
  g_test_add ("/kiosk/visitor/focus-chain", VisitorFixture, NULL,
              visitor_setup, test_focus_chain, visitor_teardown);

  return g_test_run ();
}
