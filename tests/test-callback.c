/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The callback form, driven through its widgets as a patient would, down to the database. */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "kiosk-callback-page.h"
#include "kiosk-home-page.h"
#include "kiosk-keyboard.h"
#include "kiosk-store-private.h"
#include "kiosk-test-util.h"
#include "kiosk-thanks-page.h"
#include "kiosk-window.h"

typedef KioskTestKiosk FormFixture;

static void
form_setup (FormFixture   *fixture,
            gconstpointer  data)
{
  kiosk_test_kiosk_open (fixture, "default-language", "en", "kiosk-mode", "true", NULL);
}

static void
form_teardown (FormFixture   *fixture,
               gconstpointer  data)
{
  kiosk_test_kiosk_close (fixture);
}

/* The key a finger would find: mapped, with this tooltip. */
static GtkWidget *
find_mapped_button_with_tooltip (GtkWidget  *root,
                                 const char *tooltip)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped_button_with_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
form_page (FormFixture *fixture)
{
  return kiosk_window_get_page (fixture->window, "callback");
}

static GtkEditable *
name_entry (FormFixture *fixture)
{
  return GTK_EDITABLE (kiosk_test_find_widget (form_page (fixture), GTK_TYPE_ENTRY));
}

static GtkEditable *
phone_entry (FormFixture *fixture)
{
  GtkWidget *first = GTK_WIDGET (name_entry (fixture));
  GtkWidget *second = NULL;

  /* The phone entry is the entry after the name entry. */
  for (GtkWidget *w = gtk_widget_get_next_sibling (first); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      if (GTK_IS_ENTRY (w))
        {
          second = w;
          break;
        }
    }
  g_assert_nonnull (second);

  return GTK_EDITABLE (second);
}

static KioskKeyboard *
keyboard (FormFixture *fixture)
{
  return KIOSK_KEYBOARD (kiosk_test_find_widget (form_page (fixture), KIOSK_TYPE_KEYBOARD));
}

static void
press_keys (FormFixture *fixture,
            const char  *keys)
{
  GtkWidget *kb = GTK_WIDGET (keyboard (fixture));

  for (const char *p = keys; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *key = g_strndup (p, g_utf8_next_char (p) - p);
      GtkWidget *button;

      if (g_str_equal (key, " "))
        button = kiosk_test_find_button_with_label (kb, "space");
      else
        {
          button = kiosk_test_find_button_with_label (kb, key);
          if (button == NULL)
            {
              g_autofree char *upper = g_utf8_strup (key, -1);

              button = kiosk_test_find_button_with_label (kb, upper);
            }
        }
      if (button == NULL || !gtk_widget_get_mapped (button))
        g_error ("No visible key “%s” on the on-screen keyboard", key);
      kiosk_test_click (button);
    }
}

static void
focus (GtkEditable *editable)
{
  gtk_widget_grab_focus (GTK_WIDGET (editable));
  kiosk_test_iterate (250);
}

static void
open_form (FormFixture *fixture)
{
  GtkWidget *home = kiosk_window_get_page (fixture->window, "home");

  kiosk_test_click (kiosk_home_page_get_tile (KIOSK_HOME_PAGE (home), "kiosk.show-callback", NULL));
  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "callback");
  kiosk_test_iterate (250);
}

static GtkCheckButton *
consent_check (FormFixture *fixture)
{
  return GTK_CHECK_BUTTON (kiosk_test_find_widget (form_page (fixture), GTK_TYPE_CHECK_BUTTON));
}

static void
tick_consent (FormFixture *fixture)
{
  g_assert_false (gtk_check_button_get_active (consent_check (fixture)));
  gtk_widget_activate (GTK_WIDGET (consent_check (fixture)));
  g_assert_true (gtk_check_button_get_active (consent_check (fixture)));
}

static GtkWidget *
backspace_key (FormFixture *fixture)
{
  GtkWidget *key = find_mapped_button_with_tooltip (GTK_WIDGET (keyboard (fixture)),
                                                    "Delete the last character");

  g_assert_nonnull (key);

  return key;
}

static void
click_labelled (FormFixture *fixture,
                const char  *label)
{
  GtkWidget *button = kiosk_test_find_label (form_page (fixture), label);

  /* Choices show their words in a label of their own; the button is around it. */
  while (button != NULL && !GTK_IS_BUTTON (button))
    button = gtk_widget_get_parent (button);
  g_assert_nonnull (button);
  kiosk_test_click (button);
}

static void
send (FormFixture *fixture)
{
  kiosk_test_click (kiosk_test_find_button (form_page (fixture), "callback.send"));
}

static gboolean
thanks_visible (gpointer data)
{
  FormFixture *fixture = data;

  return g_strcmp0 (kiosk_window_get_visible_page_name (fixture->window), "thanks") == 0;
}

typedef struct
{
  char *name;
  char *phone;
  char *call_time;
  char *topic;
  int   count;
} Row;

static void
row_clear (Row *row)
{
  g_free (row->name);
  g_free (row->phone);
  g_free (row->call_time);
  g_free (row->topic);
}

/* Reads the store's file with SQLite itself, not through the kiosk's code. */
static Row
read_rows (FormFixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->data_dir, "requests.db", NULL);
  Row row = { 0 };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, phone, call_time, topic, "
                                           "(SELECT count(*) FROM requests) "
                                           "FROM requests ORDER BY id DESC LIMIT 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      row.name = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      row.phone = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      row.call_time = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      row.topic = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      row.count = sqlite3_column_int (stmt, 4);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return row;
}

static void
test_fill_with_keyboard (FormFixture   *fixture,
                         gconstpointer  data)
{
  GtkWidget *thanks;
  const char *message;
  Row row;

  open_form (fixture);

  /* The name field has the focus and the letter keyboard under it. */
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (name_entry (fixture))) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                         GTK_WIDGET (name_entry (fixture))));
  g_assert_cmpint (kiosk_keyboard_get_layout (keyboard (fixture)), ==, KIOSK_KEYBOARD_LETTERS);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (keyboard (fixture))));

  /* Capitals come by themselves at the start of each word. */
  press_keys (fixture, "josé núñez-o'neillx");
  g_assert_cmpstr (gtk_editable_get_text (name_entry (fixture)), ==, "José Núñez-O'neillx");
  kiosk_test_click (backspace_key (fixture));
  g_assert_cmpstr (gtk_editable_get_text (name_entry (fixture)), ==, "José Núñez-O'neill");

  focus (phone_entry (fixture));
  g_assert_cmpint (kiosk_keyboard_get_layout (keyboard (fixture)), ==, KIOSK_KEYBOARD_DIGITS);
  press_keys (fixture, "88881234");
  g_assert_cmpstr (gtk_editable_get_text (phone_entry (fixture)), ==, "88881234");

  click_labelled (fixture, "Morning");
  click_labelled (fixture, "How is it treated?");
  tick_consent (fixture);
  send (fixture);
  kiosk_test_wait_for (thanks_visible, fixture, 5000);

  row = read_rows (fixture);
  g_assert_cmpint (row.count, ==, 1);
  g_assert_cmpstr (row.name, ==, "José Núñez-O'neill");
  g_assert_cmpstr (row.phone, ==, "+50688881234");
  g_assert_cmpstr (row.call_time, ==, "morning");
  g_assert_cmpstr (row.topic, ==, "treatments");
  row_clear (&row);

  /* The thank-you page shows neither the name nor more than the last two digits. */
  thanks = kiosk_window_get_visible_page (fixture->window);
  message = kiosk_thanks_page_get_message (KIOSK_THANKS_PAGE (thanks));
  g_assert_nonnull (strstr (message, "34"));
  g_assert_null (strstr (message, "8888"));
  g_assert_null (strstr (message, "1234"));
  g_assert_null (kiosk_test_find_label (GTK_WIDGET (fixture->window), "José"));
  g_assert_null (kiosk_test_find_label (GTK_WIDGET (fixture->window), "1234"));

  /* Back at the form, everything is empty again. */
  kiosk_test_click (kiosk_test_find_button (thanks, "kiosk.home"));
  open_form (fixture);
  g_assert_cmpstr (gtk_editable_get_text (name_entry (fixture)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (phone_entry (fixture)), ==, "");
  g_assert_false (gtk_check_button_get_active (consent_check (fixture)));
}

static void
fill_valid (FormFixture *fixture)
{
  gtk_editable_set_text (name_entry (fixture), "Ana Pérez");
  gtk_editable_set_text (phone_entry (fixture), "+506 8888-4321");
  tick_consent (fixture);
}

static gboolean
label_visible (GtkWidget  *root,
               const char *text)
{
  GtkWidget *label = kiosk_test_find_label (root, text);

  return label != NULL && gtk_widget_get_mapped (label);
}

static void
test_bad_input_kept (FormFixture   *fixture,
                     gconstpointer  data)
{
  GtkWidget *page;
  GtkWidget *focus;
  Row row;

  open_form (fixture);
  page = form_page (fixture);
  gtk_editable_set_text (name_entry (fixture), "   ");
  gtk_editable_set_text (phone_entry (fixture), "12");
  send (fixture);

  /* Every problem is said next to its field, the first bad field has the focus... */
  g_assert_true (label_visible (page, "Please type your name"));
  g_assert_true (label_visible (page, "too short"));
  g_assert_true (label_visible (page, "Please tick the box"));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus == GTK_WIDGET (name_entry (fixture)) ||
                 gtk_widget_is_ancestor (focus, GTK_WIDGET (name_entry (fixture))));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (phone_entry (fixture)), "error"));

  /* ...and nothing typed is lost or saved. */
  g_assert_cmpstr (gtk_editable_get_text (phone_entry (fixture)), ==, "12");
  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "callback");
  row = read_rows (fixture);
  g_assert_cmpint (row.count, ==, 0);
  row_clear (&row);

  /* Fixing the name takes its message away and moves the focus to the next bad field. */
  gtk_editable_set_text (name_entry (fixture), "Ana");
  g_assert_false (label_visible (page, "Please type your name"));
  send (fixture);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus == GTK_WIDGET (phone_entry (fixture)) ||
                 gtk_widget_is_ancestor (focus, GTK_WIDGET (phone_entry (fixture))));
}

static void
test_spanish_errors (FormFixture   *fixture,
                     gconstpointer  data)
{
  kiosk_window_set_language (fixture->window, "es");
  open_form (fixture);
  gtk_editable_set_text (phone_entry (fixture), "abc");
  send (fixture);

  g_assert_true (label_visible (form_page (fixture), "Escriba su nombre"));
  g_assert_true (label_visible (form_page (fixture), "Marque la casilla"));
  g_assert_cmpstr (gtk_editable_get_text (phone_entry (fixture)), ==, "abc");

  /* What was typed survives a change of language. */
  kiosk_window_set_language (fixture->window, "en");
  g_assert_cmpstr (gtk_editable_get_text (phone_entry (fixture)), ==, "abc");
}

static void
test_double_tap_saves_once (FormFixture   *fixture,
                            gconstpointer  data)
{
  GtkWidget *send_button;
  Row row;

  open_form (fixture);
  fill_valid (fixture);
  send_button = kiosk_test_find_button (form_page (fixture), "callback.send");

  g_signal_emit_by_name (send_button, "clicked");
  g_signal_emit_by_name (send_button, "clicked");
  kiosk_test_wait_for (thanks_visible, fixture, 5000);
  kiosk_test_iterate (200);

  row = read_rows (fixture);
  g_assert_cmpint (row.count, ==, 1);
  g_assert_cmpstr (row.phone, ==, "+50688884321");
  g_assert_null (row.topic);
  g_assert_cmpstr (row.call_time, ==, "any");
  row_clear (&row);
}

/* The store's folder turns out to be unusable: a regular file stands where the database
 * should be. The patient is told to see reception and the form keeps everything. */
static void
test_save_failure_keeps_form (FormFixture   *fixture,
                              gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (fixture->data_dir, "blocked", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskStore) store = NULL;

  g_assert_true (g_file_set_contents (blocker, "not a folder", -1, &error));
  /* A data folder under a regular file cannot be created, even by root. */
  {
    g_autofree char *impossible = g_build_filename (blocker, "data", NULL);

    store = kiosk_store_open (impossible, &error);
    g_assert_null (store);
    g_clear_error (&error);
  }

  open_form (fixture);
  fill_valid (fixture);
  kiosk_callback_page_set_store (KIOSK_CALLBACK_PAGE (form_page (fixture)), NULL);
  g_test_expect_message ("PatientKiosk", G_LOG_LEVEL_WARNING, "*Cannot save a callback request*");
  send (fixture);
  g_test_assert_expected_messages ();

  g_assert_true (label_visible (form_page (fixture), "We could not save your request. Please tell reception."));
  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "callback");
  g_assert_cmpstr (gtk_editable_get_text (name_entry (fixture)), ==, "Ana Pérez");
  g_assert_cmpstr (gtk_editable_get_text (phone_entry (fixture)), ==, "+506 8888-4321");
  g_assert_true (gtk_check_button_get_active (consent_check (fixture)));
}

/* The disk refuses the write (SQLite answers "read-only", as for a read-only folder or a full
 * disk): the patient is told to see reception and the form keeps everything. */
static void
test_store_write_fails (FormFixture   *fixture,
                        gconstpointer  data)
{
  KioskStore *store = kiosk_application_get_store (fixture->app);
  g_autoptr(GError) error = NULL;
  Row row;

  open_form (fixture);
  fill_valid (fixture);
  g_assert_true (_kiosk_store_test_exec (store, "PRAGMA query_only = 1", &error));
  g_test_expect_message ("PatientKiosk", G_LOG_LEVEL_WARNING, "*Could not save a callback request*");
  send (fixture);
  kiosk_test_wait_for_label (form_page (fixture),
                             "We could not save your request. Please tell reception.", 5000);
  g_test_assert_expected_messages ();

  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "callback");
  g_assert_cmpstr (gtk_editable_get_text (name_entry (fixture)), ==, "Ana Pérez");
  g_assert_cmpstr (gtk_editable_get_text (phone_entry (fixture)), ==, "+506 8888-4321");
  g_assert_true (gtk_check_button_get_active (consent_check (fixture)));

  /* Once the disk takes writes again, the same form saves. */
  g_assert_true (_kiosk_store_test_exec (store, "PRAGMA query_only = 0", &error));
  send (fixture);
  kiosk_test_wait_for (thanks_visible, fixture, 5000);
  row = read_rows (fixture);
  g_assert_cmpint (row.count, ==, 1);
  row_clear (&row);
}

static gboolean
clipboards_empty (FormFixture *fixture)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);

  return gdk_clipboard_get_content (gtk_widget_get_clipboard (window)) == NULL &&
         gdk_clipboard_get_content (gtk_widget_get_primary_clipboard (window)) == NULL;
}

/* A visitor types a name and a number on a real keyboard, selects and copies them, then
 * leaves the form without sending: by Home, or by Back to the topic they came from. The next
 * one to open the form finds it empty, and nothing of it on the clipboard. */
static void
test_abandoned_form_cleared (FormFixture   *fixture,
                             gconstpointer  data)
{
  const char * const ways_out[] = { "kiosk.home", "kiosk.back" };
  GtkWindow *window = GTK_WINDOW (fixture->window);

  for (guint i = 0; i < G_N_ELEMENTS (ways_out); i++)
    {
      GtkWidget *topic_page;

      gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.show-topic", "s", "causes");
      topic_page = kiosk_window_get_visible_page (fixture->window);
      kiosk_test_click (kiosk_test_find_button (topic_page, "kiosk.show-callback"));
      g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "callback");
      kiosk_test_iterate (250);

      focus (name_entry (fixture));
      kiosk_test_press_keys (window, "shift+a n a space shift+p");
      g_assert_cmpstr (gtk_editable_get_text (name_entry (fixture)), ==, "Ana P");
      focus (phone_entry (fixture));
      kiosk_test_press_keys (window, "8 8 8 8 4 3 2 1");
      g_assert_cmpstr (gtk_editable_get_text (phone_entry (fixture)), ==, "88884321");
      kiosk_test_press_keys (window, "ctrl+a ctrl+c");
      kiosk_test_press_keys (window, "ctrl+x");
      /* Copy and cut do nothing in a patient's field. */
      g_assert_null (gdk_clipboard_get_content (gtk_widget_get_clipboard (GTK_WIDGET (window))));
      g_assert_cmpstr (gtk_editable_get_text (phone_entry (fixture)), ==, "88884321");
      tick_consent (fixture);

      kiosk_test_click (kiosk_test_find_button (GTK_WIDGET (window), ways_out[i]));
      g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), !=, "callback");
      g_assert_true (clipboards_empty (fixture));

      open_form (fixture);
      g_assert_cmpstr (gtk_editable_get_text (name_entry (fixture)), ==, "");
      g_assert_cmpstr (gtk_editable_get_text (phone_entry (fixture)), ==, "");
      g_assert_false (gtk_check_button_get_active (consent_check (fixture)));
      g_assert_false (gtk_editable_get_selection_bounds (phone_entry (fixture), NULL, NULL));
      g_assert_true (clipboards_empty (fixture));
      gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.home", NULL);
    }
}

/* A change of language is not leaving: the same visitor wants to read the form in theirs. */
static void
test_language_switch_keeps_form (FormFixture   *fixture,
                                 gconstpointer  data)
{
  open_form (fixture);
  fill_valid (fixture);
  kiosk_window_set_language (fixture->window, "es");
  kiosk_test_iterate (200);
  g_assert_cmpstr (gtk_editable_get_text (name_entry (fixture)), ==, "Ana Pérez");
  g_assert_cmpstr (gtk_editable_get_text (phone_entry (fixture)), ==, "+506 8888-4321");
}

static void
assert_no_popover (FormFixture *fixture,
                   const char  *what)
{
  GtkWidget *popover = kiosk_test_find_visible_popover (form_page (fixture));

  if (popover != NULL)
    g_error ("%s opened a %s", what, G_OBJECT_TYPE_NAME (popover));
}

/* Nothing in a patient's field opens the emoji chooser or a context menu (which would offer
 * Copy and Paste): not its keys, not a right click. */
static void
test_fields_offer_no_popover (FormFixture   *fixture,
                              gconstpointer  data)
{
  const char * const keys[] = { "ctrl+period", "ctrl+semicolon", "ctrl+shift+e", "Menu",
                                "shift+F10" };
  GtkEditable *fields[2];
  g_autofree char *title = NULL;

  open_form (fixture);
  fields[0] = name_entry (fixture);
  fields[1] = phone_entry (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *x = NULL;
      g_autofree char *y = NULL;

      g_assert_cmpint (gtk_entry_get_input_hints (GTK_ENTRY (fields[i])) & GTK_INPUT_HINT_NO_EMOJI,
                       !=, 0);
      focus (fields[i]);
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          kiosk_test_press_keys (GTK_WINDOW (fixture->window), keys[k]);
          assert_no_popover (fixture, keys[k]);
        }

      kiosk_test_widget_point (GTK_WIDGET (fields[i]), &x, &y);
      g_free (title);
      title = kiosk_test_name_window (GTK_WINDOW (fixture->window));
      {
        const char * const right_click[] = { "search", "--sync", "--name", title, "mousemove",
                                             "--window", "%1", x, y, "click", "3", NULL };

        kiosk_test_run_xdotool (right_click);
        kiosk_test_iterate (300);
        assert_no_popover (fixture, "A right click");
      }
    }
}

/* At 1280x800 with the patient at Send, a refused save is reported where they look: the
 * message is inside the visible part of the form, next to the button. */
/* Whether all of args[0] is inside the visible part of the scrolled window args[1]. */
static gboolean
in_view (gpointer data)
{
  GtkWidget **args = data;
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (args[0], args[1], &bounds) &&
         bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (args[1]);
}

static void
test_save_error_in_view (FormFixture   *fixture,
                         gconstpointer  data)
{
  KioskStore *store = kiosk_application_get_store (fixture->app);
  GtkWidget *scroller;
  GtkWidget *send_button;
  GtkAdjustment *adjustment;
  GtkWidget *send_in_view[2];
  GtkWidget *message_in_view[2];
  g_autoptr(GError) error = NULL;

  /* kiosk_test_kiosk_open() gave the window 1280x800, the smallest screen the kiosk supports. */
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (fixture->window)), <=, 800);
  open_form (fixture);
  fill_valid (fixture);
  scroller = kiosk_test_find_widget (form_page (fixture), GTK_TYPE_SCROLLED_WINDOW);
  send_button = kiosk_test_find_button (form_page (fixture), "callback.send");
  send_in_view[0] = send_button;
  send_in_view[1] = scroller;
  /* The patient has scrolled down to Send (the layout may still grow, so scroll until it is). */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  for (int i = 0; i < 50 && !in_view (send_in_view); i++)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      kiosk_test_iterate (100);
    }
  g_assert_true (in_view (send_in_view));

  g_assert_true (_kiosk_store_test_exec (store, "PRAGMA query_only = 1", &error));
  g_test_expect_message ("PatientKiosk", G_LOG_LEVEL_WARNING, "*Could not save a callback request*");
  send (fixture);
  kiosk_test_wait_for_label (form_page (fixture),
                             "We could not save your request. Please tell reception.", 5000);
  g_test_assert_expected_messages ();

  /* Where the patient is looking: the message and Send, both in view, the form kept. */
  message_in_view[0] = kiosk_test_find_label (form_page (fixture), "We could not save your request");
  message_in_view[1] = scroller;
  kiosk_test_wait_for (in_view, message_in_view, 10000);
  kiosk_test_wait_for (in_view, send_in_view, 10000);
  g_assert_cmpstr (gtk_editable_get_text (name_entry (fixture)), ==, "Ana Pérez");
  g_assert_cmpstr (gtk_editable_get_text (phone_entry (fixture)), ==, "+506 8888-4321");
}

static gboolean
not_saving (gpointer data)
{
  FormFixture *fixture = data;

  return !kiosk_callback_page_get_saving (KIOSK_CALLBACK_PAGE (form_page (fixture)));
}

/* Another program (an export, a backup) holds the database's write lock, so a save waits. */
static sqlite3 *
block_writes (FormFixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->data_dir, "requests.db", NULL);
  sqlite3 *blocker = NULL;

  g_assert_cmpint (sqlite3_open (path, &blocker), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (blocker, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  return blocker;
}

static void
unblock_writes (sqlite3 *blocker)
{
  g_assert_cmpint (sqlite3_exec (blocker, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (blocker);
}

/* The visitor taps Send and walks off (Home) while the save waits. Whatever the save's outcome,
 * the next visitor sees nothing of it: no thank-you with the number's last digits, no error. */
static void
test_left_while_saving (FormFixture   *fixture,
                        gconstpointer  data)
{
  sqlite3 *blocker;
  Row row;

  /* The save succeeds once the lock is released. */
  open_form (fixture);
  fill_valid (fixture);
  blocker = block_writes (fixture);
  send (fixture);
  g_assert_true (kiosk_callback_page_get_saving (KIOSK_CALLBACK_PAGE (form_page (fixture))));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "kiosk.home", NULL);
  unblock_writes (blocker);
  kiosk_test_wait_for (not_saving, fixture, 10000);
  kiosk_test_iterate (200);
  row = read_rows (fixture);
  g_assert_cmpint (row.count, ==, 1);
  row_clear (&row);
  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "home");

  /* The save fails: the lock outlasts the store's patience. */
  open_form (fixture);
  fill_valid (fixture);
  blocker = block_writes (fixture);
  g_test_expect_message ("PatientKiosk", G_LOG_LEVEL_WARNING, "*Could not save a callback request*");
  send (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "kiosk.home", NULL);
  kiosk_test_wait_for (not_saving, fixture, 20000);
  g_test_assert_expected_messages ();
  unblock_writes (blocker);
  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "home");
  open_form (fixture);
  g_assert_false (label_visible (form_page (fixture), "We could not save your request"));
  g_assert_cmpstr (gtk_editable_get_text (name_entry (fixture)), ==, "");
}

static gboolean
home_visible (gpointer data)
{
  FormFixture *fixture = data;

  return g_strcmp0 (kiosk_window_get_visible_page_name (fixture->window), "home") == 0;
}

static void
test_topic_page_preselects_topic (FormFixture   *fixture,
                                  gconstpointer  data)
{
  GtkWidget *topic_page;
  Row row;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "kiosk.show-topic", "s", "specialist");
  topic_page = kiosk_window_get_visible_page (fixture->window);
  kiosk_test_click (kiosk_test_find_button (topic_page, "kiosk.show-callback"));
  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "callback");

  fill_valid (fixture);
  send (fixture);
  kiosk_test_wait_for (thanks_visible, fixture, 5000);
  row = read_rows (fixture);
  g_assert_cmpstr (row.topic, ==, "specialist");
  row_clear (&row);

  /* Nobody touches the thank-you page: it starts over by itself. */
  kiosk_test_wait_for (home_visible, fixture, (KIOSK_THANKS_PAGE_TIMEOUT_SECONDS + 5) * 1000);
}

static void
test_widgets_finalize (void)
{
  g_autoptr(KioskContentPack) content = kiosk_content_pack_new ("en", NULL, NULL);
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  GtkWidget *widgets[] = {
    kiosk_callback_page_new (content, settings),
    kiosk_keyboard_new (),
    kiosk_thanks_page_new (),
  };

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    {
      g_object_ref_sink (widgets[i]);
      g_assert_finalize_object (widgets[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  kiosk_test_init (&argc, &argv);

  g_test_add ("/kiosk/callback/fill-with-keyboard", FormFixture, NULL,
              form_setup, test_fill_with_keyboard, form_teardown);
  g_test_add ("/kiosk/callback/bad-input-kept", FormFixture, NULL,
              form_setup, test_bad_input_kept, form_teardown);
  g_test_add ("/kiosk/callback/spanish-errors", FormFixture, NULL,
              form_setup, test_spanish_errors, form_teardown);
  g_test_add ("/kiosk/callback/double-tap-saves-once", FormFixture, NULL,
              form_setup, test_double_tap_saves_once, form_teardown);
  g_test_add ("/kiosk/callback/save-failure-keeps-form", FormFixture, NULL,
              form_setup, test_save_failure_keeps_form, form_teardown);
  g_test_add ("/kiosk/callback/store-write-fails", FormFixture, NULL,
              form_setup, test_store_write_fails, form_teardown);
  g_test_add ("/kiosk/callback/topic-preselected", FormFixture, NULL,
              form_setup, test_topic_page_preselects_topic, form_teardown);
  g_test_add ("/kiosk/callback/abandoned-form-cleared", FormFixture, NULL,
              form_setup, test_abandoned_form_cleared, form_teardown);
  g_test_add ("/kiosk/callback/language-switch-keeps-form", FormFixture, NULL,
              form_setup, test_language_switch_keeps_form, form_teardown);
  g_test_add ("/kiosk/callback/fields-offer-no-popover", FormFixture, NULL,
              form_setup, test_fields_offer_no_popover, form_teardown);
  g_test_add ("/kiosk/callback/save-error-in-view", FormFixture, NULL,
              form_setup, test_save_error_in_view, form_teardown);
  g_test_add ("/kiosk/callback/left-while-saving", FormFixture, NULL,
              form_setup, test_left_while_saving, form_teardown);
  g_test_add_func ("/kiosk/callback/widgets-finalize", test_widgets_finalize);

  return g_test_run ();
}
