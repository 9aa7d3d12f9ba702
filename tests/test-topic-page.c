/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "kiosk-content-pack.h"
#include "kiosk-language.h"
#include "kiosk-take-home.h"
#include "kiosk-test-util.h"
#include "kiosk-topic-page.h"

typedef struct
{
  char             *data_dir;
  KioskApplication *app;
  GSettings        *settings;
  KioskContentPack *content;
  GtkWindow        *window;
  KioskTopicPage   *page;
} PageFixture;

static void
page_setup (PageFixture   *fixture,
            gconstpointer  data)
{
  const char *language = data != NULL ? data : "en";

  /* The application loads the kiosk's style sheet, and with it the kiosk's sizes. */
  fixture->data_dir = kiosk_test_make_data_dir ();
  fixture->app = kiosk_test_application_new (fixture->data_dir,
                                             "clinic-name", "Clínica Ñandú",
                                             "clinic-phone", "+506 2222-3333",
                                             NULL);
  fixture->settings = g_object_ref (kiosk_application_get_settings (fixture->app));
  kiosk_language_apply (language);
  fixture->content = kiosk_content_pack_new (language, NULL, NULL);
  g_assert_nonnull (fixture->content);

  fixture->page = KIOSK_TOPIC_PAGE (kiosk_topic_page_new (
    kiosk_content_pack_lookup_topic (fixture->content, "causes"), fixture->settings));
  g_object_ref_sink (fixture->page);

  /* The smallest screen the kiosk supports. */
  fixture->window = GTK_WINDOW (gtk_window_new ());
  /* The kiosk's sizes at the design size, 20 px text. */
  gtk_widget_add_css_class (GTK_WIDGET (fixture->window), "kiosk-window");
  gtk_window_set_default_size (fixture->window, 1280, 800);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  kiosk_test_iterate (50);
}

static void
page_teardown (PageFixture   *fixture,
               gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->page);
  g_settings_reset (fixture->settings, "clinic-name");
  g_settings_reset (fixture->settings, "clinic-phone");
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->content);
  g_clear_object (&fixture->app);
  kiosk_test_remove_tree (fixture->data_dir);
  g_clear_pointer (&fixture->data_dir, g_free);
}

static GtkWidget *
find_picture (GtkWidget *root)
{
  if (GTK_IS_PICTURE (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_picture (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
page_button (PageFixture *fixture,
             const char  *action_name)
{
  GtkWidget *button = kiosk_test_find_button (GTK_WIDGET (fixture->page), action_name);

  g_assert_nonnull (button);

  return button;
}

/* Waits out the crossfade between text and code, so that the page is laid out as a patient
 * sees it. */
static void
wait_for_transition (PageFixture *fixture)
{
  GtkWidget *stack = gtk_widget_get_ancestor (find_picture (GTK_WIDGET (fixture->page)),
                                              GTK_TYPE_STACK);

  for (guint i = 0; i < 100 && gtk_stack_get_transition_running (GTK_STACK (stack)); i++)
    kiosk_test_iterate (10);
  g_assert_false (gtk_stack_get_transition_running (GTK_STACK (stack)));
  kiosk_test_iterate (10);
}

static void
show_take_home (PageFixture *fixture)
{
  kiosk_test_click (page_button (fixture, "topic.show-take-home"));
  wait_for_transition (fixture);
  g_assert_true (kiosk_topic_page_get_take_home_visible (fixture->page));
}

static void
assert_code_shown (PageFixture *fixture)
{
  GtkWidget *picture = find_picture (GTK_WIDGET (fixture->page));
  GdkPaintable *code;

  g_assert_nonnull (picture);
  g_assert_true (gtk_widget_get_mapped (picture));
  code = gtk_picture_get_paintable (GTK_PICTURE (picture));
  g_assert_true (GDK_IS_TEXTURE (code));

  /* Large enough to scan, and drawn at its own size: every module is whole pixels. */
  g_assert_cmpint (gtk_widget_get_width (picture), >=, 300);
  g_assert_cmpint (gtk_widget_get_height (picture), >=, 300);
  g_assert_cmpint (gtk_widget_get_width (picture), ==, gdk_texture_get_width (GDK_TEXTURE (code)));
  g_assert_cmpint (gtk_widget_get_height (picture), ==, gdk_texture_get_height (GDK_TEXTURE (code)));
}

static void
test_show_code (PageFixture   *fixture,
                gconstpointer  data)
{
  GtkWidget *picture = find_picture (GTK_WIDGET (fixture->page));
  g_autofree char *text = kiosk_topic_page_dup_take_home_text (fixture->page);
  GtkWidget *take_home = page_button (fixture, "topic.show-take-home");

  g_assert_false (kiosk_topic_page_get_take_home_visible (fixture->page));
  g_assert_false (gtk_widget_get_mapped (picture));
  g_assert_cmpint (gtk_widget_get_height (take_home), >=, 64);
  gtk_test_accessible_assert_property (take_home, GTK_ACCESSIBLE_PROPERTY_LABEL, "Take this home");

  show_take_home (fixture);
  assert_code_shown (fixture);
  g_assert_true (gtk_widget_is_focus (page_button (fixture, "topic.hide-take-home")));
  g_assert_nonnull (kiosk_test_find_label (GTK_WIDGET (fixture->page), "nothing is tracked"));

  /* A screen reader names the picture and reads what the code holds. */
  gtk_test_accessible_assert_property (picture, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "QR code with a summary of this page");
  gtk_test_accessible_assert_property (picture, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text);
  g_assert_nonnull (strstr (text, "Why does my face twitch?"));
  g_assert_true (g_str_has_suffix (text, "\nClínica Ñandú, phone +506 2222-3333"));
}

static void
test_spanish (PageFixture   *fixture,
              gconstpointer  data)
{
  g_autofree char *text = kiosk_topic_page_dup_take_home_text (fixture->page);

  g_assert_nonnull (kiosk_test_find_label (GTK_WIDGET (fixture->page), "Lléveselo a casa"));
  show_take_home (fixture);
  assert_code_shown (fixture);
  g_assert_nonnull (kiosk_test_find_label (GTK_WIDGET (fixture->page), "no se registra nada"));
  g_assert_true (g_str_has_prefix (text, "¿Por qué tengo tics en la cara?\n"));
  g_assert_true (g_str_has_suffix (text, "\nClínica Ñandú, teléfono +506 2222-3333"));
}

static void
test_hide (PageFixture   *fixture,
           gconstpointer  data)
{
  GtkWidget *picture = find_picture (GTK_WIDGET (fixture->page));

  show_take_home (fixture);
  kiosk_test_click (page_button (fixture, "topic.hide-take-home"));
  wait_for_transition (fixture);

  g_assert_false (kiosk_topic_page_get_take_home_visible (fixture->page));
  g_assert_false (gtk_widget_get_mapped (picture));
  g_assert_true (gtk_widget_is_focus (page_button (fixture, "topic.show-take-home")));

  /* It opens again, as often as a patient likes. */
  show_take_home (fixture);
  assert_code_shown (fixture);
}

/* The window calls scroll_to_top whenever it shows the page: the next visitor starts at the
 * top of the text, without the last visitor's code. */
static GtkAdjustment *
page_adjustment (PageFixture *fixture)
{
  GtkWidget *scroller = kiosk_test_find_widget (GTK_WIDGET (fixture->page),
                                                GTK_TYPE_SCROLLED_WINDOW);

  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
}

/* Whether @widget is drawn inside the page's window, whole. */
static gboolean
inside_window (PageFixture *fixture,
               GtkWidget   *widget)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget) ||
      !gtk_widget_compute_bounds (widget, GTK_WIDGET (fixture->window), &bounds))
    return FALSE;

  return bounds.origin.y >= 0 && bounds.size.height > 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (GTK_WIDGET (fixture->window));
}

/* The bar with "Request a callback" and "Take this home" stays in view, and the "more below"
 * cue shows until the bottom of the page, wherever it is scrolled to. */
static void
test_action_bar_stays (PageFixture   *fixture,
                       gconstpointer  data)
{
  GtkAdjustment *adjustment = page_adjustment (fixture);
  GtkWidget *callback = page_button (fixture, "kiosk.show-callback");
  GtkWidget *take_home = page_button (fixture, "topic.show-take-home");

  kiosk_test_iterate (50);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >,
                     gtk_adjustment_get_page_size (adjustment));
  g_assert_true (gtk_widget_is_ancestor (callback, kiosk_topic_page_get_action_bar (fixture->page)));
  g_assert_true (inside_window (fixture, callback));
  g_assert_true (inside_window (fixture, take_home));
  g_assert_true (kiosk_topic_page_get_more_below (fixture->page));

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 3);
  kiosk_test_iterate (50);
  g_assert_true (inside_window (fixture, callback));
  g_assert_true (kiosk_topic_page_get_more_below (fixture->page));

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  kiosk_test_iterate (50);
  g_assert_true (inside_window (fixture, callback));
  g_assert_true (inside_window (fixture, take_home));
  g_assert_false (kiosk_topic_page_get_more_below (fixture->page));

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
  g_assert_true (kiosk_topic_page_get_more_below (fixture->page));
}

static char *
decode_code (GdkTexture *texture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) zbarimg = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kiosk-topic-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "code.png", NULL);
  gsize length;
  const char *data;

  g_assert_no_error (error);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  /* -Sbinary: the bytes as they are (see test-qr-code.c). */
  zbarimg = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, g_getenv ("KIOSK_ZBARIMG"),
                              "--raw", "-q", "--nodbus", "-Sbinary", path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate (zbarimg, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (zbarimg));
  g_unlink (path);
  g_rmdir (dir);

  data = g_bytes_get_data (out, &length);
  g_assert_cmpuint (length, >, 0);

  return g_strndup (data, data[length - 1] == '\n' ? length - 1 : length);
}

/* What a phone reads from the code on the screen: the page's points, the warning signs and
 * the emergency advice with the number from the settings. */
static void
test_code_decodes (PageFixture   *fixture,
                   gconstpointer  data)
{
  g_autofree char *decoded = NULL;
  g_autofree char *text = NULL;
  GdkPaintable *code;

  if (g_getenv ("KIOSK_ZBARIMG") == NULL)
    {
      g_test_skip ("zbarimg was not found at configure time (Debian package zbar-tools)");
      return;
    }

  g_settings_set_string (fixture->settings, "emergency-number", "112");
  show_take_home (fixture);
  code = gtk_picture_get_paintable (GTK_PICTURE (find_picture (GTK_WIDGET (fixture->page))));
  decoded = decode_code (GDK_TEXTURE (code));
  text = kiosk_topic_page_dup_take_home_text (fixture->page);
  g_settings_reset (fixture->settings, "emergency-number");

  g_test_message ("%s", decoded);
  g_assert_cmpstr (decoded, ==, text);
  g_assert_nonnull (strstr (decoded, "\n- Stress and anxiety\n"));
  g_assert_nonnull (strstr (decoded, "\nWarning signs: one side of the face suddenly droops"));
  g_assert_nonnull (strstr (decoded, "\nIf this happens, call 112 at once.\n"));
  g_assert_nonnull (kiosk_test_find_label (GTK_WIDGET (fixture->page),
                                           "Scan with your phone’s camera to keep this text"));
}

/* How to book: each row follows its setting and is gone, not empty, without one. */
static void
test_booking_rows (PageFixture   *fixture,
                   gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  GtkWidget *title;

  kiosk_topic_page_show_booking (fixture->page, "en");
  title = kiosk_test_find_label (page, "How to book a consultation");
  g_assert_nonnull (title);
  kiosk_test_iterate (20);
  /* The fixture sets only the phone. */
  g_assert_true (gtk_widget_is_visible (title));
  g_assert_nonnull (kiosk_test_find_label (page, "Call the clinic: +506 2222-3333"));
  g_assert_null (kiosk_test_find_label (page, "Opening hours"));
  g_assert_null (kiosk_test_find_label (page, "working day"));

  g_settings_set_value (fixture->settings, "opening-hours",
                        g_variant_new_parsed ("{'es': 'Lunes a viernes', 'en': 'Monday to Friday'}"));
  g_settings_set_uint (fixture->settings, "callback-within-days", 1);
  g_assert_true (gtk_widget_is_visible (kiosk_test_find_label (page, "Opening hours: Monday to Friday")));
  g_assert_true (gtk_widget_is_visible (kiosk_test_find_label (page, "calls you back within 1 working day.")));

  g_settings_set_string (fixture->settings, "clinic-phone", " ");
  g_settings_reset (fixture->settings, "callback-within-days");
  g_assert_null (kiosk_test_find_label (page, "Call the clinic"));
  g_assert_null (kiosk_test_find_label (page, "working day"));
  g_assert_true (gtk_widget_is_visible (title));

  /* With nothing set, the card goes. */
  g_settings_reset (fixture->settings, "opening-hours");
  g_assert_false (gtk_widget_is_visible (title));
}

static void
test_reset_hides (PageFixture   *fixture,
                  gconstpointer  data)
{
  GtkWidget *picture = find_picture (GTK_WIDGET (fixture->page));
  GtkAdjustment *adjustment = page_adjustment (fixture);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  show_take_home (fixture);

  kiosk_topic_page_scroll_to_top (fixture->page);
  kiosk_test_iterate (50);
  g_assert_false (kiosk_topic_page_get_take_home_visible (fixture->page));
  g_assert_false (gtk_widget_get_mapped (picture));
  g_assert_null (gtk_picture_get_paintable (GTK_PICTURE (picture)));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, gtk_adjustment_get_lower (adjustment));
}

/* The code is made when shown, so it carries the clinic's details as they are then. */
static void
test_settings_followed (PageFixture   *fixture,
                        gconstpointer  data)
{
  g_autofree char *text = NULL;

  g_settings_set_string (fixture->settings, "clinic-name", "");
  g_settings_set_string (fixture->settings, "clinic-phone", "");
  text = kiosk_topic_page_dup_take_home_text (fixture->page);
  g_assert_true (g_str_has_suffix (text, "\n\nNeurology clinic"));
  g_clear_pointer (&text, g_free);

  g_settings_set_string (fixture->settings, "clinic-phone", "8888 0000");
  show_take_home (fixture);
  text = kiosk_topic_page_dup_take_home_text (fixture->page);
  g_assert_true (g_str_has_suffix (text, "\n\nNeurology clinic, phone 8888 0000"));
  gtk_test_accessible_assert_property (find_picture (GTK_WIDGET (fixture->page)),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_property (PageFixture   *fixture,
               gconstpointer  data)
{
  guint notified = 0;
  gboolean visible = FALSE;

  g_signal_connect (fixture->page, "notify::take-home-visible",
                    G_CALLBACK (count_notify), &notified);

  g_object_set (fixture->page, "take-home-visible", TRUE, NULL);
  g_object_get (fixture->page, "take-home-visible", &visible, NULL);
  g_assert_true (visible);
  g_assert_cmpuint (notified, ==, 1);

  /* Explicit notify: setting the same value again says nothing. */
  kiosk_topic_page_set_take_home_visible (fixture->page, TRUE);
  g_assert_cmpuint (notified, ==, 1);

  kiosk_topic_page_set_take_home_visible (fixture->page, FALSE);
  g_assert_false (kiosk_topic_page_get_take_home_visible (fixture->page));
  g_assert_cmpuint (notified, ==, 2);

  g_signal_handlers_disconnect_by_data (fixture->page, &notified);
}

int
main (int   argc,
      char *argv[])
{
  kiosk_test_init (&argc, &argv);

  g_test_add ("/kiosk/topic-page/show-code", PageFixture, NULL,
              page_setup, test_show_code, page_teardown);
  g_test_add ("/kiosk/topic-page/spanish", PageFixture, "es",
              page_setup, test_spanish, page_teardown);
  g_test_add ("/kiosk/topic-page/hide", PageFixture, NULL,
              page_setup, test_hide, page_teardown);
  g_test_add ("/kiosk/topic-page/reset-hides", PageFixture, NULL,
              page_setup, test_reset_hides, page_teardown);
  g_test_add ("/kiosk/topic-page/settings-followed", PageFixture, NULL,
              page_setup, test_settings_followed, page_teardown);
  g_test_add ("/kiosk/topic-page/property", PageFixture, NULL,
              page_setup, test_property, page_teardown);
  g_test_add ("/kiosk/topic-page/action-bar-stays", PageFixture, NULL,
              page_setup, test_action_bar_stays, page_teardown);
  g_test_add ("/kiosk/topic-page/code-decodes", PageFixture, NULL,
              page_setup, test_code_decodes, page_teardown);
  g_test_add ("/kiosk/topic-page/booking-rows", PageFixture, NULL,
              page_setup, test_booking_rows, page_teardown);

  return g_test_run ();
}
