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

static KioskCallbackPage *
form (FormFixture *fixture)
{
  return KIOSK_CALLBACK_PAGE (form_page (fixture));
}

static GtkEditable *
name_entry (FormFixture *fixture)
{
  return GTK_EDITABLE (kiosk_test_find_entry (form_page (fixture), GTK_INPUT_PURPOSE_NAME));
}

static GtkEditable *
phone_entry (FormFixture *fixture)
{
  return GTK_EDITABLE (kiosk_test_find_entry (form_page (fixture), GTK_INPUT_PURPOSE_PHONE));
}

static KioskKeyboard *
keyboard (FormFixture *fixture)
{
  return KIOSK_KEYBOARD (kiosk_test_find_widget (form_page (fixture), KIOSK_TYPE_KEYBOARD));
}

static KioskCallbackStep
step (FormFixture *fixture)
{
  return kiosk_callback_page_get_step (form (fixture));
}

static gboolean
has_focus_in (FormFixture *fixture,
              GtkEditable *field)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  return focus != NULL && (focus == GTK_WIDGET (field) ||
                           gtk_widget_is_ancestor (focus, GTK_WIDGET (field)));
}

/* The key a finger would find for @text: mapped, with that label in either case. */
static GtkWidget *
find_key (FormFixture *fixture,
          const char  *text)
{
  GtkWidget *kb = GTK_WIDGET (keyboard (fixture));
  g_autofree char *upper = g_utf8_strup (text, -1);
  GtkWidget *key;

  if (g_str_equal (text, " "))
    return kiosk_test_find_button_with_label (kb, "space");

  key = kiosk_test_find_button_with_label (kb, text);
  if (key == NULL || !gtk_widget_get_mapped (key))
    key = kiosk_test_find_button_with_label (kb, upper);
  if (key == NULL || !gtk_widget_get_mapped (key))
    g_error ("No visible key “%s” on the on-screen keyboard", text);

  return key;
}

static void
press_keys (FormFixture *fixture,
            const char  *keys)
{
  for (const char *p = keys; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *key = g_strndup (p, g_utf8_next_char (p) - p);

      kiosk_test_click (find_key (fixture, key));
    }
}

/* Real taps ---------------------------------------------------------------------------------- */

/* The window's title for xdotool to find it by, given once per window. */
static const char *
window_title (FormFixture *fixture)
{
  const char *title = gtk_window_get_title (GTK_WINDOW (fixture->window));

  if (title == NULL || !g_str_has_prefix (title, "kiosk-test-"))
    g_free (kiosk_test_name_window (GTK_WINDOW (fixture->window)));

  return gtk_window_get_title (GTK_WINDOW (fixture->window));
}

/* Taps each widget in turn through the X server's XTEST extension, as a finger on a touch
 * screen that presents itself as a mouse does: one xdotool run for the lot. */
static void
tap_all (FormFixture *fixture,
         GtkWidget  **widgets,
         guint        n_widgets)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) args = NULL;

  g_strv_builder_addv (builder, (const char *[]) { "search", "--sync", "--name",
                                                   window_title (fixture), NULL });
  for (guint i = 0; i < n_widgets; i++)
    {
      g_autofree char *x = NULL;
      g_autofree char *y = NULL;

      g_assert_true (gtk_widget_get_mapped (widgets[i]));
      kiosk_test_widget_point (widgets[i], &x, &y);
      g_strv_builder_addv (builder, (const char *[]) { "mousemove", "--window", "%1", x, y,
                                                       "click", "1", NULL });
    }
  args = g_strv_builder_end (builder);
  kiosk_test_run_xdotool ((const char * const *)args);
  kiosk_test_iterate (200);
}

static void
tap (FormFixture *fixture,
     GtkWidget   *widget)
{
  tap_all (fixture, &widget, 1);
}

/* Types @text by tapping the on-screen keyboard's keys. */
static void
tap_keys (FormFixture *fixture,
          const char  *text)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *key = g_strndup (p, g_utf8_next_char (p) - p);

      g_ptr_array_add (keys, find_key (fixture, key));
    }
  tap_all (fixture, (GtkWidget **)keys->pdata, keys->len);
}

static GtkWidget *
labelled_button (FormFixture *fixture,
                 const char  *label)
{
  GtkWidget *button = kiosk_test_find_label (form_page (fixture), label);

  /* Choices show their words in a label of their own; the button is around it. */
  while (button != NULL && !GTK_IS_BUTTON (button))
    button = gtk_widget_get_parent (button);
  g_assert_nonnull (button);

  return button;
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
  gtk_check_button_set_active (consent_check (fixture), TRUE);
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
next (FormFixture *fixture)
{
  kiosk_test_click (kiosk_test_find_button (form_page (fixture), "callback.next"));
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

/* In sight ----------------------------------------------------------------------------------- */

static GtkRevealer *
keyboard_revealer (FormFixture *fixture)
{
  return GTK_REVEALER (kiosk_test_find_widget (form_page (fixture), GTK_TYPE_REVEALER));
}

static gboolean
keyboard_settled (gpointer data)
{
  GtkRevealer *revealer = keyboard_revealer (data);

  return gtk_revealer_get_child_revealed (revealer) == gtk_revealer_get_reveal_child (revealer);
}

/* Whether all of @widget is on screen: inside the window, inside the visible part of the form
 * when it is in the form's scrolled part, and above the on-screen keyboard when that shows. */
static gboolean
in_sight (FormFixture *fixture,
          GtkWidget   *widget)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *scroller = kiosk_test_find_widget (form_page (fixture), GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *kb = GTK_WIDGET (keyboard (fixture));
  graphene_rect_t bounds, area, part;

  if (!gtk_widget_get_mapped (widget) || !gtk_widget_compute_bounds (widget, window, &bounds))
    return FALSE;

  area = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (window), gtk_widget_get_height (window));
  if (gtk_widget_is_ancestor (widget, scroller))
    {
      g_assert_true (gtk_widget_compute_bounds (scroller, window, &part));
      graphene_rect_intersection (&area, &part, &area);
    }
  if (gtk_widget_get_mapped (kb))
    {
      g_assert_true (gtk_widget_compute_bounds (kb, window, &part));
      area.size.height = MIN (area.origin.y + area.size.height, part.origin.y) - area.origin.y;
    }

  return graphene_rect_contains_rect (&area, &bounds);
}

static const char * const step_names[] = { "name", "phone", "time", "topic", "consent", "check" };

/* The patient is at @expected: the focus is in @field (or, on a step of choices, anywhere in
 * the step) with its keyboard, and the field and the way on are in sight. */
static void
assert_step (FormFixture         *fixture,
             KioskCallbackStep    expected,
             GtkEditable         *field,
             KioskKeyboardLayout  layout)
{
  const char *way_on_action = expected == KIOSK_CALLBACK_STEP_CHECK ? "callback.send"
                                                                    : "callback.next";
  GtkWidget *way_on = kiosk_test_find_button (form_page (fixture), way_on_action);
  GtkWidget *focus;

  kiosk_test_wait_for (keyboard_settled, fixture, 5000);
  kiosk_test_iterate (50);
  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "callback");
  g_assert_cmpstr (step_names[step (fixture)], ==, step_names[expected]);

  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  if (field != NULL)
    {
      g_assert_true (has_focus_in (fixture, field));
      g_assert_true (gtk_revealer_get_reveal_child (keyboard_revealer (fixture)));
      g_assert_cmpint (kiosk_keyboard_get_layout (keyboard (fixture)), ==, layout);
      focus = GTK_WIDGET (field);
    }
  else
    {
      g_assert_true (gtk_widget_is_ancestor (focus, form_page (fixture)));
      g_assert_false (gtk_revealer_get_reveal_child (keyboard_revealer (fixture)));
    }

  if (!in_sight (fixture, focus))
    g_error ("On the %s step, the focused %s is out of sight", step_names[expected],
             G_OBJECT_TYPE_NAME (focus));
  if (!in_sight (fixture, way_on))
    g_error ("On the %s step, %s is out of sight", step_names[expected], way_on_action);
}

static GtkWidget *
keyboard_next_key (FormFixture *fixture)
{
  GtkWidget *key = find_mapped_button_with_tooltip (GTK_WIDGET (keyboard (fixture)), "Next");

  g_assert_nonnull (key);

  return key;
}

static GtkWidget *
nav_button (FormFixture *fixture,
            const char  *action)
{
  return kiosk_test_find_button (form_page (fixture), action);
}

/* The tile as a visitor finds it: scrolled into sight if the home page does not show it all,
 * as with the largest text. */
static GtkWidget *
home_tile (FormFixture *fixture)
{
  GtkWidget *home = kiosk_window_get_page (fixture->window, "home");
  GtkWidget *tile = kiosk_home_page_get_tile (KIOSK_HOME_PAGE (home), "kiosk.show-callback", NULL);
  GtkWidget *scroller = gtk_widget_get_ancestor (tile, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;

  if (scroller == NULL)
    return tile;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_assert_true (gtk_widget_compute_bounds (tile, scroller, &bounds));
  if (bounds.origin.y < 0 || bounds.origin.y + bounds.size.height > gtk_widget_get_height (scroller))
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + bounds.origin.y);
      kiosk_test_iterate (200);
    }

  return tile;
}

/* Tests -------------------------------------------------------------------------------------- */

static void
form_setup_sized (FormFixture   *fixture,
                  gconstpointer  data)
{
  const int *size = data;

  fixture->data_dir = kiosk_test_make_data_dir ();
  fixture->app = kiosk_test_application_new (fixture->data_dir, "default-language", "en",
                                             "kiosk-mode", "true", NULL);
  fixture->window = kiosk_window_new (fixture->app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), size[0], size[1]);
  kiosk_window_set_text_size (fixture->window, size[2]);
  gtk_window_present (GTK_WINDOW (fixture->window));
  kiosk_test_iterate (200);
}

/* A visitor fills every step with real taps: on the tile, the keys, the choices, Next, Back and
 * Send. At every step the field they are at and the way on are in sight, above the keyboard;
 * what they typed survives Back; the check step masks the number; the store gets it all. */
static void
test_steps_by_taps (FormFixture   *fixture,
                    gconstpointer  data)
{
  const int *size = data;
  GtkWidget *thanks;
  const char *message;
  Row row;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (fixture->window));

  if (gdk_surface_get_width (surface) != size[0] || gdk_surface_get_height (surface) != size[1])
    g_error ("The window is %dx%d, not %dx%d: the display is too small (./kiosk.sh test starts "
             "one of 1920x1920)", gdk_surface_get_width (surface),
             gdk_surface_get_height (surface), size[0], size[1]);

  /* A real tap on the tile lands in the name field, with the letters. */
  tap (fixture, home_tile (fixture));
  assert_step (fixture, KIOSK_CALLBACK_STEP_NAME, name_entry (fixture), KIOSK_KEYBOARD_LETTERS);
  tap_keys (fixture, "ana pérezx");
  tap (fixture, backspace_key (fixture));
  g_assert_cmpstr (gtk_editable_get_text (name_entry (fixture)), ==, "Ana Pérez");
  tap (fixture, keyboard_next_key (fixture));

  assert_step (fixture, KIOSK_CALLBACK_STEP_PHONE, phone_entry (fixture), KIOSK_KEYBOARD_DIGITS);
  tap_keys (fixture, "88881234");
  /* Back and on again: nothing typed is lost. */
  tap (fixture, nav_button (fixture, "callback.previous"));
  assert_step (fixture, KIOSK_CALLBACK_STEP_NAME, name_entry (fixture), KIOSK_KEYBOARD_LETTERS);
  g_assert_cmpstr (gtk_editable_get_text (name_entry (fixture)), ==, "Ana Pérez");
  tap (fixture, nav_button (fixture, "callback.next"));
  assert_step (fixture, KIOSK_CALLBACK_STEP_PHONE, phone_entry (fixture), KIOSK_KEYBOARD_DIGITS);
  g_assert_cmpstr (gtk_editable_get_text (phone_entry (fixture)), ==, "88881234");
  /* Coming back to a field, the next key adds to what is there rather than replacing it. */
  g_assert_false (gtk_editable_get_selection_bounds (phone_entry (fixture), NULL, NULL));
  tap (fixture, backspace_key (fixture));
  tap_keys (fixture, "4");
  g_assert_cmpstr (gtk_editable_get_text (phone_entry (fixture)), ==, "88881234");
  tap (fixture, nav_button (fixture, "callback.next"));

  assert_step (fixture, KIOSK_CALLBACK_STEP_TIME, NULL, 0);
  tap (fixture, labelled_button (fixture, "Morning"));
  tap (fixture, nav_button (fixture, "callback.next"));

  assert_step (fixture, KIOSK_CALLBACK_STEP_TOPIC, NULL, 0);
  tap (fixture, labelled_button (fixture, "How is it treated?"));
  tap (fixture, nav_button (fixture, "callback.next"));

  assert_step (fixture, KIOSK_CALLBACK_STEP_CONSENT, NULL, 0);
  g_assert_false (gtk_check_button_get_active (consent_check (fixture)));
  tap (fixture, GTK_WIDGET (consent_check (fixture)));
  g_assert_true (gtk_check_button_get_active (consent_check (fixture)));
  tap (fixture, nav_button (fixture, "callback.next"));

  /* What will be sent, with only the number's last digits. */
  assert_step (fixture, KIOSK_CALLBACK_STEP_CHECK, NULL, 0);
  g_assert_nonnull (kiosk_test_find_label (form_page (fixture), "Ana Pérez"));
  g_assert_nonnull (kiosk_test_find_label (form_page (fixture), "•• 34"));
  g_assert_null (kiosk_test_find_label (GTK_WIDGET (fixture->window), "8888"));
  g_assert_null (kiosk_test_find_label (GTK_WIDGET (fixture->window), "1234"));
  /* The header's Back is a step back inside the form too. */
  tap (fixture, kiosk_test_find_button (GTK_WIDGET (fixture->window), "kiosk.back"));
  assert_step (fixture, KIOSK_CALLBACK_STEP_CONSENT, NULL, 0);
  g_assert_true (gtk_check_button_get_active (consent_check (fixture)));
  tap (fixture, nav_button (fixture, "callback.next"));
  assert_step (fixture, KIOSK_CALLBACK_STEP_CHECK, NULL, 0);
  tap (fixture, nav_button (fixture, "callback.send"));
  kiosk_test_wait_for (thanks_visible, fixture, 5000);

  row = read_rows (fixture);
  g_assert_cmpint (row.count, ==, 1);
  g_assert_cmpstr (row.name, ==, "Ana Pérez");
  g_assert_cmpstr (row.phone, ==, "+50688881234");
  g_assert_cmpstr (row.call_time, ==, "morning");
  g_assert_cmpstr (row.topic, ==, "treatments");
  row_clear (&row);

  /* The thank-you page shows neither the name nor more than the last two digits. */
  thanks = kiosk_window_get_visible_page (fixture->window);
  message = kiosk_thanks_page_get_message (KIOSK_THANKS_PAGE (thanks));
  g_assert_nonnull (strstr (message, "34"));
  g_assert_null (strstr (message, "1234"));
  g_assert_null (kiosk_test_find_label (GTK_WIDGET (fixture->window), "Ana"));
  g_assert_null (kiosk_test_find_label (GTK_WIDGET (fixture->window), "1234"));

  /* The next visitor starts at an empty first step. */
  kiosk_test_click (kiosk_test_find_button (thanks, "kiosk.home"));
  open_form (fixture);
  g_assert_cmpint (step (fixture), ==, KIOSK_CALLBACK_STEP_NAME);
  g_assert_cmpstr (gtk_editable_get_text (name_entry (fixture)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (phone_entry (fixture)), ==, "");
  g_assert_false (gtk_check_button_get_active (consent_check (fixture)));
}

/* GtkStack moves the focus into the page it shows when the focus was in the one it hides, as
 * after a real tap on a tile: to where it was when the page was last left. A visitor who left
 * from the phone step must not bring the next one there. */
static void
test_tile_tap_focuses_name (FormFixture   *fixture,
                            gconstpointer  data)
{
  tap (fixture, home_tile (fixture));
  assert_step (fixture, KIOSK_CALLBACK_STEP_NAME, name_entry (fixture), KIOSK_KEYBOARD_LETTERS);
  tap_keys (fixture, "ana");
  tap (fixture, nav_button (fixture, "callback.next"));
  assert_step (fixture, KIOSK_CALLBACK_STEP_PHONE, phone_entry (fixture), KIOSK_KEYBOARD_DIGITS);
  tap_keys (fixture, "8888");

  tap (fixture, kiosk_test_find_button (GTK_WIDGET (fixture->window), "kiosk.home"));
  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "home");
  tap (fixture, home_tile (fixture));
  assert_step (fixture, KIOSK_CALLBACK_STEP_NAME, name_entry (fixture), KIOSK_KEYBOARD_LETTERS);
  g_assert_cmpstr (gtk_editable_get_text (name_entry (fixture)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (phone_entry (fixture)), ==, "");
}

static gboolean
label_visible (GtkWidget  *root,
               const char *text)
{
  GtkWidget *label = kiosk_test_find_label (root, text);

  return label != NULL && gtk_widget_get_mapped (label);
}

/* Each problem is said in the step where the visitor is, who stays there with the focus in the
 * field and its keyboard; nothing typed is lost or saved. */
static void
test_errors_in_step (FormFixture   *fixture,
                     gconstpointer  data)
{
  GtkWidget *page;
  Row row;

  open_form (fixture);
  page = form_page (fixture);
  press_keys (fixture, "   ");
  next (fixture);
  assert_step (fixture, KIOSK_CALLBACK_STEP_NAME, name_entry (fixture), KIOSK_KEYBOARD_LETTERS);
  g_assert_true (label_visible (page, "Please type your name"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (name_entry (fixture)), "error"));

  /* Typing takes the message away. */
  gtk_editable_set_text (name_entry (fixture), "");
  press_keys (fixture, "ana");
  g_assert_false (label_visible (page, "Please type your name"));
  next (fixture);

  press_keys (fixture, "12");
  next (fixture);
  assert_step (fixture, KIOSK_CALLBACK_STEP_PHONE, phone_entry (fixture), KIOSK_KEYBOARD_DIGITS);
  g_assert_true (label_visible (page, "too short"));
  g_assert_cmpstr (gtk_editable_get_text (phone_entry (fixture)), ==, "12");
  press_keys (fixture, "345678");
  g_assert_false (label_visible (page, "too short"));
  next (fixture);
  next (fixture);
  next (fixture);

  /* Consent is never assumed. */
  next (fixture);
  assert_step (fixture, KIOSK_CALLBACK_STEP_CONSENT, NULL, 0);
  g_assert_true (label_visible (page, "Please tick the box"));

  row = read_rows (fixture);
  g_assert_cmpint (row.count, ==, 0);
  row_clear (&row);
}

/* Send checks everything again and shows the first step with a problem, with its message. */
static void
test_send_shows_bad_step (FormFixture   *fixture,
                          gconstpointer  data)
{
  open_form (fixture);
  gtk_editable_set_text (name_entry (fixture), "Ana");
  gtk_editable_set_text (phone_entry (fixture), "12");
  kiosk_callback_page_set_step (form (fixture), KIOSK_CALLBACK_STEP_CHECK);
  send (fixture);
  assert_step (fixture, KIOSK_CALLBACK_STEP_PHONE, phone_entry (fixture), KIOSK_KEYBOARD_DIGITS);
  g_assert_true (label_visible (form_page (fixture), "too short"));
  g_assert_cmpstr (gtk_editable_get_text (name_entry (fixture)), ==, "Ana");
}

/* The check step's Change buttons lead back to their step, with what was typed. */
static void
test_change_goes_to_step (FormFixture   *fixture,
                          gconstpointer  data)
{
  GtkWidget *change;

  open_form (fixture);
  gtk_editable_set_text (name_entry (fixture), "Ana Pérez");
  gtk_editable_set_text (phone_entry (fixture), "8888 4321");
  kiosk_callback_page_set_step (form (fixture), KIOSK_CALLBACK_STEP_CHECK);
  kiosk_test_iterate (100);
  g_assert_true (label_visible (form_page (fixture), "•• 21"));

  change = kiosk_test_find_button_with_label (form_page (fixture), "Change");
  g_assert_nonnull (change);
  kiosk_test_click (change);
  assert_step (fixture, KIOSK_CALLBACK_STEP_NAME, name_entry (fixture), KIOSK_KEYBOARD_LETTERS);
  g_assert_cmpstr (gtk_editable_get_text (name_entry (fixture)), ==, "Ana Pérez");
}

static void
test_spanish_errors (FormFixture   *fixture,
                     gconstpointer  data)
{
  kiosk_window_set_language (fixture->window, "es");
  open_form (fixture);
  next (fixture);
  g_assert_true (label_visible (form_page (fixture), "Escriba su nombre"));
  gtk_editable_set_text (name_entry (fixture), "Ana");
  next (fixture);
  gtk_editable_set_text (phone_entry (fixture), "abc");
  next (fixture);
  g_assert_cmpint (step (fixture), ==, KIOSK_CALLBACK_STEP_PHONE);
  g_assert_cmpstr (gtk_editable_get_text (phone_entry (fixture)), ==, "abc");

  /* What was typed, and the step, survive a change of language. */
  kiosk_window_set_language (fixture->window, "en");
  kiosk_test_iterate (100);
  g_assert_cmpint (step (fixture), ==, KIOSK_CALLBACK_STEP_PHONE);
  g_assert_cmpstr (gtk_editable_get_text (phone_entry (fixture)), ==, "abc");
  g_assert_true (has_focus_in (fixture, phone_entry (fixture)));
}

static void
fill_valid (FormFixture *fixture)
{
  gtk_editable_set_text (name_entry (fixture), "Ana Pérez");
  gtk_editable_set_text (phone_entry (fixture), "+506 8888-4321");
  tick_consent (fixture);
  kiosk_callback_page_set_step (form (fixture), KIOSK_CALLBACK_STEP_CHECK);
  kiosk_test_iterate (50);
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

static void
assert_form_kept (FormFixture *fixture)
{
  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "callback");
  g_assert_cmpint (step (fixture), ==, KIOSK_CALLBACK_STEP_CHECK);
  g_assert_cmpstr (gtk_editable_get_text (name_entry (fixture)), ==, "Ana Pérez");
  g_assert_cmpstr (gtk_editable_get_text (phone_entry (fixture)), ==, "+506 8888-4321");
  g_assert_true (gtk_check_button_get_active (consent_check (fixture)));
}

/* The store cannot be opened at all. The patient is told to see reception, on the check step,
 * and the form keeps everything. */
static void
test_save_failure_keeps_form (FormFixture   *fixture,
                              gconstpointer  data)
{
  open_form (fixture);
  fill_valid (fixture);
  kiosk_callback_page_set_store (form (fixture), NULL);
  g_test_expect_message ("PatientKiosk", G_LOG_LEVEL_WARNING, "*Cannot save a callback request*");
  send (fixture);
  g_test_assert_expected_messages ();

  g_assert_true (label_visible (form_page (fixture), "We could not save your request. Please tell reception."));
  assert_form_kept (fixture);
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
  assert_form_kept (fixture);

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

/* A visitor types a name and a number on a real keyboard (Enter goes on to the next step),
 * selects and copies them, then leaves the form without sending: by Home, or by Back (step by
 * step, then out to the topic they came from). The next one to open the form finds it empty,
 * at its first step, and nothing of it on the clipboard. */
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

      g_assert_true (has_focus_in (fixture, name_entry (fixture)));
      kiosk_test_press_keys (window, "shift+a n a space shift+p Return");
      g_assert_cmpstr (gtk_editable_get_text (name_entry (fixture)), ==, "Ana P");
      g_assert_cmpint (step (fixture), ==, KIOSK_CALLBACK_STEP_PHONE);
      g_assert_true (has_focus_in (fixture, phone_entry (fixture)));
      kiosk_test_press_keys (window, "8 8 8 8 4 3 2 1");
      g_assert_cmpstr (gtk_editable_get_text (phone_entry (fixture)), ==, "88884321");
      kiosk_test_press_keys (window, "ctrl+a ctrl+c");
      kiosk_test_press_keys (window, "ctrl+x");
      /* Copy and cut do nothing in a patient's field. */
      g_assert_null (gdk_clipboard_get_content (gtk_widget_get_clipboard (GTK_WIDGET (window))));
      g_assert_cmpstr (gtk_editable_get_text (phone_entry (fixture)), ==, "88884321");
      gtk_check_button_set_active (consent_check (fixture), TRUE);

      for (guint n = 0; n < KIOSK_CALLBACK_N_STEPS &&
           g_strcmp0 (kiosk_window_get_visible_page_name (fixture->window), "callback") == 0; n++)
        kiosk_test_click (kiosk_test_find_button (GTK_WIDGET (window), ways_out[i]));
      g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), !=, "callback");
      g_assert_true (clipboards_empty (fixture));

      open_form (fixture);
      g_assert_cmpint (step (fixture), ==, KIOSK_CALLBACK_STEP_NAME);
      g_assert_cmpstr (gtk_editable_get_text (name_entry (fixture)), ==, "");
      g_assert_cmpstr (gtk_editable_get_text (phone_entry (fixture)), ==, "");
      g_assert_false (gtk_check_button_get_active (consent_check (fixture)));
      g_assert_false (gtk_editable_get_selection_bounds (phone_entry (fixture), NULL, NULL));
      g_assert_true (clipboards_empty (fixture));
      gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.home", NULL);
    }
}

/* A change of language is not leaving: the same visitor wants to read the form in theirs, at
 * the step they were at. */
static void
test_language_switch_keeps_form (FormFixture   *fixture,
                                 gconstpointer  data)
{
  open_form (fixture);
  fill_valid (fixture);
  kiosk_callback_page_set_step (form (fixture), KIOSK_CALLBACK_STEP_CONSENT);
  kiosk_window_set_language (fixture->window, "es");
  kiosk_test_iterate (200);
  g_assert_cmpint (step (fixture), ==, KIOSK_CALLBACK_STEP_CONSENT);
  g_assert_cmpstr (gtk_editable_get_text (name_entry (fixture)), ==, "Ana Pérez");
  g_assert_cmpstr (gtk_editable_get_text (phone_entry (fixture)), ==, "+506 8888-4321");
  g_assert_true (gtk_check_button_get_active (consent_check (fixture)));
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
  const KioskCallbackStep steps[] = { KIOSK_CALLBACK_STEP_NAME, KIOSK_CALLBACK_STEP_PHONE };
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
      kiosk_callback_page_set_step (form (fixture), steps[i]);
      kiosk_test_iterate (250);
      g_assert_true (has_focus_in (fixture, fields[i]));
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

static gboolean
save_error_in_sight (gpointer data)
{
  FormFixture *fixture = data;
  GtkWidget *label = kiosk_test_find_label (form_page (fixture), "We could not save your request");

  return label != NULL && in_sight (fixture, label);
}

/* At 1280x800, the smallest screen the kiosk supports, a refused save is reported where the
 * patient looks: the message is in sight on the check step, and Send with it. */
static void
test_save_error_in_view (FormFixture   *fixture,
                         gconstpointer  data)
{
  KioskStore *store = kiosk_application_get_store (fixture->app);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (fixture->window)), <=, 800);
  open_form (fixture);
  fill_valid (fixture);
  kiosk_callback_page_set_topic (form (fixture), "treatments");

  g_assert_true (_kiosk_store_test_exec (store, "PRAGMA query_only = 1", &error));
  g_test_expect_message ("PatientKiosk", G_LOG_LEVEL_WARNING, "*Could not save a callback request*");
  send (fixture);
  kiosk_test_wait_for_label (form_page (fixture),
                             "We could not save your request. Please tell reception.", 5000);
  g_test_assert_expected_messages ();

  kiosk_test_wait_for (save_error_in_sight, fixture, 10000);
  g_assert_true (in_sight (fixture, nav_button (fixture, "callback.send")));
  assert_form_kept (fixture);
}

static gboolean
not_saving (gpointer data)
{
  FormFixture *fixture = data;

  return !kiosk_callback_page_get_saving (form (fixture));
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
  g_assert_true (kiosk_callback_page_get_saving (form (fixture)));
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
  g_assert_cmpint (step (fixture), ==, KIOSK_CALLBACK_STEP_NAME);
  kiosk_callback_page_set_step (form (fixture), KIOSK_CALLBACK_STEP_CHECK);
  kiosk_test_iterate (50);
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
  g_assert_cmpint (step (fixture), ==, KIOSK_CALLBACK_STEP_NAME);

  fill_valid (fixture);
  send (fixture);
  kiosk_test_wait_for (thanks_visible, fixture, 5000);
  row = read_rows (fixture);
  g_assert_cmpstr (row.topic, ==, "specialist");
  row_clear (&row);

  /* Nobody touches the thank-you page: it starts over by itself. */
  kiosk_test_wait_for (home_visible, fixture, (KIOSK_THANKS_PAGE_TIMEOUT_SECONDS + 5) * 1000);
}

/* Checks that every key under @widget has an accessible name; returns how many Next keys. */
static guint
check_keys_named (GtkWidget *widget)
{
  guint next_keys = 0;

  if (GTK_IS_BUTTON (widget))
    {
      if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
        g_error ("A key of the on-screen keyboard (“%s”) has no accessible name",
                 gtk_widget_get_tooltip_text (widget) != NULL ? gtk_widget_get_tooltip_text (widget)
                                                              : gtk_button_get_label (GTK_BUTTON (widget)));
      if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Next") == 0)
        next_keys++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    next_keys += check_keys_named (child);

  return next_keys;
}

/* Every key says what it does to a screen reader, the keys drawn as icons too, and both the
 * letters and the keypad have a Next key. */
static void
test_keys_named (void)
{
  GtkWidget *kb = g_object_ref_sink (kiosk_keyboard_new ());

  g_assert_cmpuint (check_keys_named (kb), ==, 2);
  g_assert_finalize_object (kb);
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

/* Width, height and text size step. */
static const int size_1280x800[] = { 1280, 800, 0 };
static const int size_1280x800_largest[] = { 1280, 800, 2 };
static const int size_1080x1920[] = { 1080, 1920, 0 };

int
main (int   argc,
      char *argv[])
{
  kiosk_test_init (&argc, &argv);

  g_test_add ("/kiosk/callback/steps-by-taps/1280x800", FormFixture, size_1280x800,
              form_setup_sized, test_steps_by_taps, form_teardown);
  g_test_add ("/kiosk/callback/steps-by-taps/1280x800-largest-text", FormFixture,
              size_1280x800_largest, form_setup_sized, test_steps_by_taps, form_teardown);
  g_test_add ("/kiosk/callback/steps-by-taps/1080x1920", FormFixture, size_1080x1920,
              form_setup_sized, test_steps_by_taps, form_teardown);
  g_test_add ("/kiosk/callback/tile-tap-focuses-name", FormFixture, NULL,
              form_setup, test_tile_tap_focuses_name, form_teardown);
  g_test_add ("/kiosk/callback/errors-in-step", FormFixture, NULL,
              form_setup, test_errors_in_step, form_teardown);
  g_test_add ("/kiosk/callback/send-shows-bad-step", FormFixture, NULL,
              form_setup, test_send_shows_bad_step, form_teardown);
  g_test_add ("/kiosk/callback/change-goes-to-step", FormFixture, NULL,
              form_setup, test_change_goes_to_step, form_teardown);
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
  g_test_add_func ("/kiosk/callback/keys-named", test_keys_named);
  g_test_add_func ("/kiosk/callback/widgets-finalize", test_widgets_finalize);

  return g_test_run ();
}
