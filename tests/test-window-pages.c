/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The window builds only its home page at start (kiosk-window-pages.c): every other page is
 * built when first needed, or once the first frame is painted, after the request store has been
 * opened. The window must behave as if every page had always been there: a reset or a language
 * change with pages not built yet, the look of a page built late, the form across a language
 * change, the focus after a tap.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "kiosk-callback-page.h"
#include "kiosk-callback-page-private.h"
#include "kiosk-check-page.h"
#include "kiosk-document-view.h"
#include "kiosk-home-page.h"
#include "kiosk-keyboard.h"
#include "kiosk-staff-page.h"
#include "kiosk-test-util.h"
#include "kiosk-thanks-page.h"
#include "kiosk-topic-page.h"
#include "kiosk-window.h"

typedef KioskTestKiosk PagesFixture;

/* A kiosk whose window is built but not presented: it paints no frame, so nothing is built
 * behind the test's back. */
static void
unpresented_setup (PagesFixture  *fixture,
                   gconstpointer  data)
{
  fixture->data_dir = kiosk_test_make_data_dir ();
  fixture->app = kiosk_test_application_new (fixture->data_dir, "default-language", "en",
                                             "kiosk-mode", "true", NULL);
  fixture->window = kiosk_window_new (fixture->app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
}

static void
pages_teardown (PagesFixture  *fixture,
                gconstpointer  data)
{
  kiosk_test_kiosk_close (fixture);
}

static void
count_widgets (GtkWidget *widget,
               GType      type,
               guint     *count)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    (*count)++;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_widgets (child, type, count);
}

/* How many widgets of @type the window holds, shown or not. */
static guint
n_built (PagesFixture *fixture,
         GType         type)
{
  guint count = 0;

  count_widgets (GTK_WIDGET (fixture->window), type, &count);

  return count;
}

static GtkWidget *
visible_page (PagesFixture *fixture)
{
  return kiosk_window_get_visible_page (fixture->window);
}

static gboolean
store_file_exists (PagesFixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->data_dir, "requests.db", NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
assert_only_home_built (PagesFixture *fixture)
{
  g_assert_cmpuint (n_built (fixture, KIOSK_TYPE_HOME_PAGE), ==, 1);
  g_assert_cmpuint (n_built (fixture, KIOSK_TYPE_TOPIC_PAGE), ==, 0);
  g_assert_cmpuint (n_built (fixture, KIOSK_TYPE_CALLBACK_PAGE), ==, 0);
  g_assert_cmpuint (n_built (fixture, KIOSK_TYPE_KEYBOARD), ==, 0);
  g_assert_cmpuint (n_built (fixture, KIOSK_TYPE_THANKS_PAGE), ==, 0);
  g_assert_cmpuint (n_built (fixture, KIOSK_TYPE_CHECK_PAGE), ==, 0);
  g_assert_cmpuint (n_built (fixture, KIOSK_TYPE_STAFF_PAGE), ==, 0);
}

/* Before its first frame the window has its home page alone, and the store is not open; once
 * the frame is painted, the store opens and the pages a visitor can reach are built, without
 * anyone touching the screen. The staff area waits for staff. */
static void
test_home_only_until_first_frame (PagesFixture  *fixture,
                                  gconstpointer  data)
{
  assert_only_home_built (fixture);
  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "home");
  g_assert_false (store_file_exists (fixture));

  gtk_window_present (GTK_WINDOW (fixture->window));
  kiosk_test_wait_for_warm_up (fixture->window);

  g_assert_true (store_file_exists (fixture));
  g_assert_cmpuint (n_built (fixture, KIOSK_TYPE_HOME_PAGE), ==, 1);
  g_assert_cmpuint (n_built (fixture, KIOSK_TYPE_TOPIC_PAGE), ==, 3);
  g_assert_cmpuint (n_built (fixture, KIOSK_TYPE_CALLBACK_PAGE), ==, 1);
  g_assert_cmpuint (n_built (fixture, KIOSK_TYPE_CHECK_PAGE), ==, 1);
  g_assert_cmpuint (n_built (fixture, KIOSK_TYPE_THANKS_PAGE), ==, 1);
  g_assert_cmpuint (n_built (fixture, KIOSK_TYPE_STAFF_PAGE), ==, 0);
  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "home");
}

/* Each way to a page builds it, once, and only it. */
static void
test_built_when_needed (PagesFixture  *fixture,
                        gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->window);
  KioskCallbackPage *form;
  GtkWidget *causes;

  gtk_widget_activate_action (widget, "kiosk.show-topic", "s", "causes");
  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "topic-causes");
  causes = kiosk_window_get_visible_page (fixture->window);
  g_assert_cmpuint (n_built (fixture, KIOSK_TYPE_TOPIC_PAGE), ==, 1);
  g_assert_cmpuint (n_built (fixture, KIOSK_TYPE_CALLBACK_PAGE), ==, 0);

  /* From a topic, the form is built knowing what the call is about. */
  gtk_widget_activate_action (widget, "kiosk.show-callback", NULL);
  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "callback");
  form = KIOSK_CALLBACK_PAGE (kiosk_window_get_page (fixture->window, "callback"));
  g_assert_cmpstr (_kiosk_callback_page_get_topic (form), ==, "causes");
  g_assert_cmpuint (n_built (fixture, KIOSK_TYPE_CALLBACK_PAGE), ==, 1);

  /* Back returns to the page already built, not to a new one. */
  gtk_widget_activate_action (widget, "kiosk.back", NULL);
  g_assert_true (kiosk_window_get_visible_page (fixture->window) == causes);

  /* kiosk_window_get_page() builds what it is asked for, and nothing that does not exist. */
  g_assert_true (KIOSK_IS_THANKS_PAGE (kiosk_window_get_page (fixture->window, "thanks")));
  g_assert_null (kiosk_window_get_page (fixture->window, "topic-no-such-topic"));
  g_assert_null (kiosk_window_get_page (fixture->window, "no-such-page"));
  g_assert_cmpuint (n_built (fixture, KIOSK_TYPE_TOPIC_PAGE), ==, 1);
  g_assert_cmpuint (n_built (fixture, KIOSK_TYPE_STAFF_PAGE), ==, 0);

  /* The staff gesture's action builds the staff area. */
  gtk_widget_activate_action (widget, "kiosk.staff", NULL);
  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "staff");
  g_assert_cmpuint (n_built (fixture, KIOSK_TYPE_STAFF_PAGE), ==, 1);
}

/* The idle reset with nothing but the home page built, and with a form built and filled. */
static void
test_reset_before_built (PagesFixture  *fixture,
                         gconstpointer  data)
{
  GtkWidget *form;
  GtkWidget *entry;

  kiosk_window_reset (fixture->window);
  assert_only_home_built (fixture);
  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "home");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "kiosk.show-callback", NULL);
  form = kiosk_window_get_page (fixture->window, "callback");
  gtk_editable_set_text (GTK_EDITABLE (kiosk_test_find_widget (form, GTK_TYPE_ENTRY)),
                         "Rosa Jiménez");
  kiosk_window_reset (fixture->window);
  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "home");
  g_assert_null (kiosk_test_find_label (GTK_WIDGET (fixture->window), "Rosa"));
  form = kiosk_window_get_page (fixture->window, "callback");
  entry = kiosk_test_find_widget (form, GTK_TYPE_ENTRY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
}

/* A language change rebuilds the page on screen in the new language and drops the others, which
 * are really freed, and built again in the new language when next needed. */
static const char *
topic_title (PagesFixture *fixture,
             const char   *id)
{
  KioskContentPack *content = kiosk_window_get_content (fixture->window);

  return kiosk_topic_get_title (kiosk_content_pack_lookup_topic (content, id));
}

static void
test_language_drops_pages (PagesFixture  *fixture,
                           gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->window);
  GtkWidget *home = kiosk_window_get_page (fixture->window, "home");
  GtkWidget *form = kiosk_window_get_page (fixture->window, "callback");
  GtkWidget *causes;

  gtk_widget_activate_action (widget, "kiosk.show-topic", "s", "causes");
  causes = kiosk_window_get_visible_page (fixture->window);
  g_object_ref (home);
  g_object_ref (form);
  g_object_ref (causes);

  kiosk_window_set_language (fixture->window, "es");

  g_assert_finalize_object (home);
  g_assert_finalize_object (form);
  g_assert_finalize_object (causes);
  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "topic-causes");
  g_assert_cmpstr (topic_title (fixture, "causes"), ==, "¿Por qué tengo tics en la cara?");
  g_assert_cmpstr (kiosk_topic_page_get_title (KIOSK_TOPIC_PAGE (visible_page (fixture))), ==,
                   topic_title (fixture, "causes"));
  g_assert_cmpuint (n_built (fixture, KIOSK_TYPE_HOME_PAGE), ==, 0);
  g_assert_cmpuint (n_built (fixture, KIOSK_TYPE_TOPIC_PAGE), ==, 1);
  g_assert_cmpuint (n_built (fixture, KIOSK_TYPE_CALLBACK_PAGE), ==, 0);

  /* Back still leads home, now built in Spanish. */
  gtk_widget_activate_action (widget, "kiosk.back", NULL);
  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "home");
  g_assert_nonnull (kiosk_test_find_label (kiosk_window_get_visible_page (fixture->window),
                                           topic_title (fixture, "treatments")));
}

static GtkEditable *
name_entry (PagesFixture *fixture)
{
  return GTK_EDITABLE (kiosk_test_find_widget (kiosk_window_get_page (fixture->window, "callback"),
                                               GTK_TYPE_ENTRY));
}

/* The form on screen keeps what was typed across a language change; once left, a form built
 * after the next change holds nothing of it. */
static void
test_form_across_language (PagesFixture  *fixture,
                           gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->window);
  GtkWidget *old_form;

  gtk_widget_activate_action (widget, "kiosk.show-callback", NULL);
  gtk_editable_set_text (name_entry (fixture), "Rosa Jiménez");
  old_form = g_object_ref (kiosk_window_get_page (fixture->window, "callback"));

  kiosk_window_set_language (fixture->window, "es");
  g_assert_finalize_object (old_form);
  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "callback");
  g_assert_cmpstr (gtk_editable_get_text (name_entry (fixture)), ==, "Rosa Jiménez");

  gtk_widget_activate_action (widget, "kiosk.home", NULL);
  kiosk_window_set_language (fixture->window, "en");
  g_assert_cmpuint (n_built (fixture, KIOSK_TYPE_CALLBACK_PAGE), ==, 0);
  gtk_widget_activate_action (widget, "kiosk.show-callback", NULL);
  g_assert_cmpstr (gtk_editable_get_text (name_entry (fixture)), ==, "");
  g_assert_null (kiosk_test_find_label (widget, "Rosa"));
}

static double
font_size_of (GtkWidget *widget)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  PangoFontDescription *font = pango_context_get_font_description (context);

  return pango_font_description_get_size (font) / (double) PANGO_SCALE;
}

static GtkWidget *
topic_text (PagesFixture *fixture,
            const char   *topic)
{
  g_autofree char *name = g_strconcat ("topic-", topic, NULL);
  GtkWidget *page = kiosk_window_get_page (fixture->window, name);
  GtkWidget *view = kiosk_test_find_widget (page, KIOSK_TYPE_DOCUMENT_VIEW);
  GtkWidget *label = kiosk_test_find_widget (view, GTK_TYPE_LABEL);

  g_assert_nonnull (label);

  return label;
}

static void
color_of (GtkWidget *widget,
          GdkRGBA   *color)
{
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
}

/* A page built after the visitor chose a text size and high contrast looks like one built
 * before and restyled; a home page built after a language change on a portrait screen is laid
 * out for it. */
static void
test_late_page_has_current_look (PagesFixture  *fixture,
                                 gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->window);
  double normal, early, late;
  GdkRGBA early_color, late_color;
  GtkWidget *page;
  GtkWidget *bar;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 1280);
  gtk_window_present (GTK_WINDOW (fixture->window));
  kiosk_test_wait_for_warm_up (fixture->window);
  kiosk_test_iterate (100);
  normal = font_size_of (topic_text (fixture, "causes"));

  kiosk_window_set_text_size (fixture->window, 2);
  kiosk_window_set_high_contrast (fixture->window, TRUE);
  kiosk_test_iterate (100);
  early = font_size_of (topic_text (fixture, "causes"));
  color_of (topic_text (fixture, "causes"), &early_color);

  /* The language change drops every page: "causes" is built again with today's look. */
  kiosk_window_set_language (fixture->window, "es");
  kiosk_window_set_language (fixture->window, "en");
  g_assert_true (kiosk_home_page_get_portrait (KIOSK_HOME_PAGE (visible_page (fixture))));
  gtk_widget_activate_action (widget, "kiosk.show-topic", "s", "causes");
  kiosk_test_iterate (100);
  late = font_size_of (topic_text (fixture, "causes"));
  color_of (topic_text (fixture, "causes"), &late_color);

  g_assert_cmpfloat (normal, >, 0);
  g_assert_cmpfloat (early, >, normal * 1.4);
  g_assert_cmpfloat (late, ==, early);
  g_assert_true (gdk_rgba_equal (&late_color, &early_color));
  page = visible_page (fixture);
  bar = kiosk_topic_page_get_action_bar (KIOSK_TOPIC_PAGE (page));
  g_assert_true (gtk_widget_has_css_class (bar, "kiosk-chrome"));
}

/* A tile tapped on a home page whose topics are not built yet: the new page shows, and the focus
 * moves into it, as for a page built long before. */
static void
test_focus_into_new_page (PagesFixture  *fixture,
                          gconstpointer  data)
{
  KioskHomePage *home;
  GtkWidget *tile;
  GtkWidget *focus;
  GtkWidget *page;

  gtk_window_present (GTK_WINDOW (fixture->window));
  kiosk_test_wait_for_warm_up (fixture->window);
  /* Drops the pages; nothing is built again until the main loop runs. */
  kiosk_window_set_language (fixture->window, "es");
  g_assert_cmpuint (n_built (fixture, KIOSK_TYPE_TOPIC_PAGE), ==, 0);

  home = KIOSK_HOME_PAGE (kiosk_window_get_visible_page (fixture->window));
  tile = kiosk_home_page_get_tile (home, "kiosk.show-topic", "causes");
  gtk_widget_grab_focus (tile);
  g_assert_true (gtk_widget_has_focus (tile));
  g_signal_emit_by_name (tile, "clicked");

  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "topic-causes");
  page = kiosk_window_get_visible_page (fixture->window);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, page));
}

int
main (int   argc,
      char *argv[])
{
  kiosk_test_init (&argc, &argv);

  g_test_add ("/kiosk/window-pages/home-only-until-first-frame", PagesFixture, NULL,
              unpresented_setup, test_home_only_until_first_frame, pages_teardown);
  g_test_add ("/kiosk/window-pages/built-when-needed", PagesFixture, NULL,
              unpresented_setup, test_built_when_needed, pages_teardown);
  g_test_add ("/kiosk/window-pages/reset-before-built", PagesFixture, NULL,
              unpresented_setup, test_reset_before_built, pages_teardown);
  g_test_add ("/kiosk/window-pages/language-drops-pages", PagesFixture, NULL,
              unpresented_setup, test_language_drops_pages, pages_teardown);
  g_test_add ("/kiosk/window-pages/form-across-language", PagesFixture, NULL,
              unpresented_setup, test_form_across_language, pages_teardown);
  g_test_add ("/kiosk/window-pages/late-page-has-current-look", PagesFixture, NULL,
              unpresented_setup, test_late_page_has_current_look, pages_teardown);
  g_test_add ("/kiosk/window-pages/focus-into-new-page", PagesFixture, NULL,
              unpresented_setup, test_focus_into_new_page, pages_teardown);

  return g_test_run ();
}
