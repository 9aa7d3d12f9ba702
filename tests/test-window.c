/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "kiosk-booking-card.h"
#include "kiosk-document-view.h"
#include "kiosk-home-page.h"
#include "kiosk-memory.h"
#include "kiosk-test-util.h"
#include "kiosk-tile.h"
#include "kiosk-topic-page.h"
#include "kiosk-window.h"

typedef KioskTestKiosk WindowFixture;

static void
window_setup (WindowFixture *fixture,
              gconstpointer  data)
{
  kiosk_test_kiosk_open (fixture, "default-language", "en", "clinic-name", "Clínica de Prueba",
                         NULL);
}

static void
window_teardown (WindowFixture *fixture,
                 gconstpointer  data)
{
  kiosk_test_kiosk_close (fixture);
}

static GtkWidget *
header_button (WindowFixture *fixture,
               const char    *action_name)
{
  GtkWidget *button = kiosk_test_find_button (GTK_WIDGET (fixture->window), action_name);

  g_assert_nonnull (button);

  return button;
}

static KioskHomePage *
home_page (WindowFixture *fixture)
{
  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "home");

  return KIOSK_HOME_PAGE (kiosk_window_get_visible_page (fixture->window));
}

static void
test_starts_home (WindowFixture *fixture,
                  gconstpointer  data)
{
  g_assert_cmpstr (kiosk_window_get_language (fixture->window), ==, "en");
  g_assert_true (KIOSK_IS_HOME_PAGE (home_page (fixture)));
  g_assert_nonnull (kiosk_test_find_label (GTK_WIDGET (fixture->window), "Clínica de Prueba"));
  g_assert_nonnull (kiosk_test_find_label (GTK_WIDGET (fixture->window),
                                           "Tell reception at once, then call 911."));
  g_assert_nonnull (kiosk_test_find_label (GTK_WIDGET (fixture->window),
                                           "one side of your face suddenly started to droop"));
  g_assert_nonnull (kiosk_test_find_label (GTK_WIDGET (fixture->window),
                                           "does not replace a visit to your doctor"));
  /* Nothing on the home page a patient cannot use: Back and Home are hidden, not greyed. */
  g_assert_false (gtk_widget_get_visible (header_button (fixture, "kiosk.back")));
  g_assert_false (gtk_widget_get_visible (header_button (fixture, "kiosk.home")));
}

/* Every header control has a visible label and the same accessible name, in each language,
 * and is at least 64 px high. */
static void
test_header_labels (WindowFixture *fixture,
                    gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->window);
  GtkWidget *look = kiosk_test_find_widget (widget, GTK_TYPE_MENU_BUTTON);
  struct { const char *action; const char *en; const char *es; } controls[] = {
    { "kiosk.back", "Back", "Atrás" },
    { "kiosk.home", "Home", "Inicio" },
    { "kiosk.next-language", "Español", "English" },
  };

  gtk_widget_activate_action (widget, "kiosk.show-topic", "s", "causes");
  kiosk_test_iterate (100);
  for (guint l = 0; l < 2; l++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
        {
          GtkWidget *button = header_button (fixture, controls[i].action);
          const char *label = l == 0 ? controls[i].en : controls[i].es;

          g_assert_true (gtk_widget_get_mapped (button));
          g_assert_nonnull (kiosk_test_find_label (button, label));
          gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, label);
          g_assert_cmpint (gtk_widget_get_height (button), >=, 64);
        }
      g_assert_nonnull (kiosk_test_find_label (look, l == 0 ? "Text size and contrast"
                                                            : "Texto y contraste"));
      gtk_test_accessible_assert_property (look, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           l == 0 ? "Text size and contrast" : "Texto y contraste");
      g_assert_cmpint (gtk_widget_get_height (look), >=, 64);
      kiosk_window_set_language (fixture->window, "es");
      kiosk_test_iterate (100);
    }
}

/* The staff area is not for patients: no emergency note, no text size and contrast control. */
static void
test_staff_drops_patient_chrome (WindowFixture *fixture,
                                 gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->window);
  GtkWidget *note = kiosk_test_find_label (widget, "Tell reception at once");
  GtkWidget *look = kiosk_test_find_widget (widget, GTK_TYPE_MENU_BUTTON);

  g_assert_true (gtk_widget_get_mapped (note));
  g_assert_true (gtk_widget_get_mapped (look));
  gtk_widget_activate_action (widget, "kiosk.staff", NULL);
  kiosk_test_iterate (100);
  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "staff");
  g_assert_false (gtk_widget_get_mapped (note));
  g_assert_false (gtk_widget_get_mapped (look));
  g_assert_true (gtk_widget_get_mapped (header_button (fixture, "kiosk.home")));

  kiosk_test_click (header_button (fixture, "kiosk.home"));
  g_assert_true (gtk_widget_get_mapped (note));
  g_assert_true (gtk_widget_get_mapped (look));
}

static void
test_tiles_open_topics (WindowFixture *fixture,
                        gconstpointer  data)
{
  KioskContentPack *content = kiosk_window_get_content (fixture->window);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (content));

  g_assert_cmpuint (n, ==, 3);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KioskTopic) topic = g_list_model_get_item (G_LIST_MODEL (content), i);
      g_autofree char *name = g_strconcat ("topic-", kiosk_topic_get_id (topic), NULL);
      GtkWidget *tile = kiosk_home_page_get_tile (home_page (fixture), "kiosk.show-topic",
                                                  kiosk_topic_get_id (topic));
      GtkWidget *page;

      g_assert_nonnull (tile);
      g_assert_cmpstr (kiosk_tile_get_title (KIOSK_TILE (tile)), ==, kiosk_topic_get_title (topic));
      kiosk_test_click (tile);

      g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, name);
      page = kiosk_window_get_visible_page (fixture->window);
      g_assert_true (KIOSK_IS_TOPIC_PAGE (page));
      g_assert_cmpstr (kiosk_topic_page_get_title (KIOSK_TOPIC_PAGE (page)), ==,
                       kiosk_topic_get_title (topic));
      g_assert_true (gtk_widget_get_mapped (page));

      kiosk_test_click (header_button (fixture, "kiosk.back"));
      g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "home");
    }
}

static void
test_back_and_home (WindowFixture *fixture,
                    gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->window);

  gtk_widget_activate_action (widget, "kiosk.show-topic", "s", "causes");
  gtk_widget_activate_action (widget, "kiosk.show-topic", "s", "treatments");
  gtk_widget_activate_action (widget, "kiosk.show-topic", "s", "specialist");
  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "topic-specialist");

  kiosk_test_click (header_button (fixture, "kiosk.back"));
  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "topic-treatments");
  kiosk_test_click (header_button (fixture, "kiosk.back"));
  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "topic-causes");

  kiosk_test_click (header_button (fixture, "kiosk.home"));
  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "home");
  /* Home starts a new path: there is nothing to go back to. */
  g_assert_false (gtk_widget_is_sensitive (header_button (fixture, "kiosk.back")));
  g_assert_false (gtk_widget_get_visible (header_button (fixture, "kiosk.back")));
  g_assert_false (gtk_widget_get_visible (header_button (fixture, "kiosk.home")));
}

static gboolean
memory_released (gpointer data)
{
  return kiosk_memory_get_releases () == GPOINTER_TO_UINT (data);
}

/* Back on the home page, once it is painted, the memory the visit freed goes back to the system:
 * once per return home, not on every page and not while the kiosk stays home. */
static void
test_memory_back_home (WindowFixture *fixture,
                       gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->window);
  guint before;

  kiosk_test_wait_for_warm_up (fixture->window);
  kiosk_test_iterate (200);
  before = kiosk_memory_get_releases ();

  gtk_widget_activate_action (widget, "kiosk.show-topic", "s", "causes");
  gtk_widget_activate_action (widget, "kiosk.show-callback", NULL);
  kiosk_test_iterate (200);
  g_assert_cmpuint (kiosk_memory_get_releases (), ==, before);

  gtk_widget_activate_action (widget, "kiosk.home", NULL);
  kiosk_test_wait_for (memory_released, GUINT_TO_POINTER (before + 1), 5000);

  /* Home again from home, and a language change on the home page: nothing was left. */
  gtk_widget_activate_action (widget, "kiosk.home", NULL);
  kiosk_window_set_language (fixture->window, "es");
  kiosk_test_iterate (200);
  g_assert_cmpuint (kiosk_memory_get_releases (), ==, before + 1);
}

static void
test_switch_language (WindowFixture *fixture,
                      gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->window);
  GtkWidget *language_button = header_button (fixture, "kiosk.next-language");
  GtkWidget *page;

  g_assert_nonnull (kiosk_test_find_label (language_button, "Español"));
  g_assert_nonnull (kiosk_test_find_label (widget, "Why does my face twitch?"));

  kiosk_test_click (language_button);
  g_assert_cmpstr (kiosk_window_get_language (fixture->window), ==, "es");

  /* The home page, the header and the footer all speak Spanish now. */
  g_assert_nonnull (kiosk_test_find_label (GTK_WIDGET (home_page (fixture)),
                                           "¿Por qué tengo tics en la cara?"));
  g_assert_nonnull (kiosk_test_find_label (GTK_WIDGET (home_page (fixture)),
                                           "Pedir que me llamen"));
  /* Strings from the .ui templates switch too, not only those set from code. */
  g_assert_nonnull (kiosk_test_find_label (GTK_WIDGET (home_page (fixture)),
                                           "Tics y espasmos en la cara"));
  g_assert_null (kiosk_test_find_label (GTK_WIDGET (home_page (fixture)),
                                        "Why does my face twitch?"));
  g_assert_nonnull (kiosk_test_find_label (widget, "Inicio"));
  g_assert_nonnull (kiosk_test_find_label (widget,
                                           "Avise de inmediato en recepción y luego llame al 911."));
  g_assert_nonnull (kiosk_test_find_label (widget, "¿Se le cayó de repente un lado de la cara?"));
  g_assert_nonnull (kiosk_test_find_label (language_button, "English"));

  kiosk_test_click (kiosk_home_page_get_tile (home_page (fixture), "kiosk.show-topic", "treatments"));
  page = kiosk_window_get_visible_page (fixture->window);
  g_assert_cmpstr (kiosk_topic_page_get_title (KIOSK_TOPIC_PAGE (page)), ==, "¿Cómo se trata?");
  g_assert_nonnull (kiosk_test_find_label (page, "Toxina botulínica"));

  /* Switching on a topic page stays on that topic, now in English. */
  kiosk_test_click (language_button);
  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "topic-treatments");
  page = kiosk_window_get_visible_page (fixture->window);
  g_assert_cmpstr (kiosk_topic_page_get_title (KIOSK_TOPIC_PAGE (page)), ==, "How is it treated?");
  g_assert_nonnull (kiosk_test_find_label (widget, "Home"));
  kiosk_test_click (header_button (fixture, "kiosk.back"));
  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "home");
}

/* Opens a second kiosk window of the given size and returns its text size, once laid out. */
static guint
font_size_at (WindowFixture *fixture,
              int            width,
              int            height,
              gboolean      *portrait_stacked)
{
  KioskWindow *window = kiosk_window_new (fixture->app);
  KioskHomePage *home;
  GtkWidget *first, *second;
  graphene_rect_t a, b;
  guint px;

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  kiosk_test_iterate (300);
  /* The window's own decoration (a shadow outside kiosk mode) takes a few pixels. */
  g_assert_cmpint (ABS (gtk_widget_get_width (GTK_WIDGET (window)) - width), <=, 20);

  home = KIOSK_HOME_PAGE (kiosk_window_get_page (window, "home"));
  first = kiosk_home_page_get_tile (home, "kiosk.show-topic", "causes");
  second = kiosk_home_page_get_tile (home, "kiosk.show-topic", "treatments");
  g_assert_true (gtk_widget_compute_bounds (first, GTK_WIDGET (window), &a));
  g_assert_true (gtk_widget_compute_bounds (second, GTK_WIDGET (window), &b));
  *portrait_stacked = kiosk_home_page_get_portrait (home) && a.origin.x == b.origin.x &&
                      b.origin.y >= a.origin.y + a.size.height;
  /* Tiles share the height: no void under them (the test screen may be smaller than asked). */
  g_assert_cmpfloat (a.size.height, >=, gtk_widget_get_height (GTK_WIDGET (window)) / 8.0);

  px = kiosk_window_get_root_font_size (window);
  gtk_window_destroy (GTK_WINDOW (window));
  kiosk_test_iterate (50);

  return px;
}

/* One scale from the window's size sets the text, and so every em in the style sheet. */
static void
test_scale_with_size (WindowFixture *fixture,
                      gconstpointer  data)
{
  gboolean stacked;
  guint small, large, small_portrait;

  g_assert_cmpuint (kiosk_window_scale_percent_for_size (1280, 800), ==, 100);
  g_assert_cmpuint (kiosk_window_scale_percent_for_size (800, 1280), ==, 100);
  g_assert_cmpuint (kiosk_window_scale_percent_for_size (1920, 1080), ==, 135);
  g_assert_cmpuint (kiosk_window_scale_percent_for_size (1080, 1920), ==, 135);

  /* Sizes that fit the test display (1920×1200): portrait at the design scale. */
  small = font_size_at (fixture, 1280, 800, &stacked);
  g_assert_false (stacked);
  large = font_size_at (fixture, 1920, 1080, &stacked);
  g_assert_false (stacked);
  small_portrait = font_size_at (fixture, 800, 1200, &stacked);
  g_assert_true (stacked);

  g_assert_cmpuint (small, ==, 20);
  g_assert_cmpuint (large, ==, 27);
  g_assert_cmpuint (small_portrait, ==, small);

  /* The visitor's choice multiplies it: the largest is one and a half times. */
  g_assert_cmpuint (kiosk_window_get_root_font_size (fixture->window), ==, 20);
  kiosk_window_set_text_size (fixture->window, 2);
  g_assert_cmpuint (kiosk_window_get_root_font_size (fixture->window), ==, 30);
  kiosk_window_set_text_size (fixture->window, 0);
}

/* Appends every mapped label under @widget that has less room than its text needs: cut words
 * or lines. Ellipsized labels (the clinic's name) shorten on purpose. */
static void
find_cut_labels (GtkWidget *widget,
                 GString   *problems)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  /* The text as laid out for the label's allocation: wider or taller than the label means a
   * word or a line is cut off. */
  if (GTK_IS_LABEL (widget) && gtk_label_get_ellipsize (GTK_LABEL (widget)) == PANGO_ELLIPSIZE_NONE)
    {
      int width, height;

      pango_layout_get_pixel_size (gtk_label_get_layout (GTK_LABEL (widget)), &width, &height);
      if (width > gtk_widget_get_width (widget) + 1 || height > gtk_widget_get_height (widget) + 1)
        g_string_append_printf (problems, "“%s” has %dx%d, needs %dx%d\n",
                                gtk_label_get_text (GTK_LABEL (widget)),
                                gtk_widget_get_width (widget), gtk_widget_get_height (widget),
                                width, height);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_cut_labels (child, problems);
}

/* The window's pages at the largest text fit its width: the window never needs to be wider
 * than the screen (a fullscreen kiosk cannot grow, so more would be cut off), and every label
 * has the room its words need. */
static void
check_pages_fit (KioskWindow *window,
                 int          width,
                 GString     *problems)
{
  const char * const topics[] = { "causes", "treatments", "specialist", NULL };
  int min_width;

  for (guint i = 0; i <= G_N_ELEMENTS (topics) - 1; i++)
    {
      if (topics[i] == NULL)
        gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.home", NULL);
      else
        gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.show-topic", "s", topics[i]);
      kiosk_test_iterate (200);
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width,
                          NULL, NULL, NULL);
      if (min_width > width)
        g_string_append_printf (problems, "%s in %s needs %d px, wider than %d\n",
                                kiosk_window_get_visible_page_name (window),
                                kiosk_window_get_language (window), min_width, width);
      find_cut_labels (GTK_WIDGET (window), problems);
    }
}

static void
test_largest_text_fits (WindowFixture *fixture,
                        gconstpointer  data)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  const int sizes[][2] = { { 1280, 800 }, { 800, 1200 } };
  const char * const languages[] = { "en", "es" };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      KioskWindow *window = kiosk_window_new (fixture->app);

      gtk_window_set_default_size (GTK_WINDOW (window), sizes[i][0], sizes[i][1]);
      kiosk_window_set_text_size (window, 2);
      gtk_window_present (GTK_WINDOW (window));
      kiosk_test_iterate (300);
      for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
        {
          kiosk_window_set_language (window, languages[l]);
          check_pages_fit (window, sizes[i][0], problems);
        }
      gtk_window_destroy (GTK_WINDOW (window));
      kiosk_test_iterate (50);
    }

  if (problems->len > 0)
    g_error ("Text does not fit at the largest size:\n%s", problems->str);
}

/* The thank-you page tells how to book too, in the words for someone who has just left a
 * number, and only what the clinic has set. */
static void
test_thanks_booking (WindowFixture *fixture,
                     gconstpointer  data)
{
  GSettings *settings = kiosk_application_get_settings (fixture->app);
  GtkWidget *thanks = kiosk_window_get_page (fixture->window, "thanks");

  g_assert_nonnull (thanks);
  /* Nothing set: no card at all. */
  g_assert_false (gtk_widget_is_visible (kiosk_test_find_label (thanks, "How to book")));
  g_settings_set_uint (settings, "callback-within-days", 3);
  g_assert_true (gtk_widget_is_visible (kiosk_test_find_label (thanks, "How to book a consultation")));
  g_assert_nonnull (kiosk_test_find_label (thanks, "The clinic calls you back within 3 working days."));
  g_assert_null (kiosk_test_find_label (thanks, "If you leave your number"));
  g_assert_null (kiosk_test_find_label (thanks, "Call the clinic"));

  g_settings_set_string (settings, "clinic-phone", "2222 3333");
  g_assert_nonnull (kiosk_test_find_label (thanks, "Call the clinic: 2222 3333"));
  g_settings_reset (settings, "clinic-phone");
  g_settings_reset (settings, "callback-within-days");
}

static void
test_emergency_number_from_settings (WindowFixture *fixture,
                                     gconstpointer  data)
{
  GSettings *settings = kiosk_application_get_settings (fixture->app);

  GtkWidget *widget = GTK_WIDGET (fixture->window);
  GtkWidget *action;

  g_settings_set_string (settings, "emergency-number", "112");
  action = kiosk_test_find_label (widget, "Tell reception at once");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (action)), ==,
                   "Tell reception at once, then call 112.");

  /* No number: reception alone, never "call" with nothing after it. */
  g_settings_set_string (settings, "emergency-number", " ");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (action)), ==, "Tell reception at once.");
  g_settings_reset (settings, "emergency-number");
}

/* A topic page shown again starts without the code a previous visitor opened. */
static void
test_topic_resets_take_home (WindowFixture *fixture,
                             gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->window);
  GtkWidget *page;

  gtk_widget_activate_action (widget, "kiosk.show-topic", "s", "treatments");
  page = kiosk_window_get_visible_page (fixture->window);
  kiosk_test_click (kiosk_test_find_button (page, "topic.show-take-home"));
  g_assert_true (kiosk_topic_page_get_take_home_visible (KIOSK_TOPIC_PAGE (page)));

  kiosk_test_click (header_button (fixture, "kiosk.home"));
  gtk_widget_activate_action (widget, "kiosk.show-topic", "s", "treatments");
  g_assert_true (kiosk_window_get_visible_page (fixture->window) == page);
  g_assert_false (kiosk_topic_page_get_take_home_visible (KIOSK_TOPIC_PAGE (page)));
}

static GtkAdjustment *
page_adjustment (GtkWidget *page)
{
  GtkWidget *scroller = kiosk_test_find_widget (page, GTK_TYPE_SCROLLED_WINDOW);

  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
}

/* A real tap on a tile opens it, and a real press-and-drag scrolls a page without tapping
 * what it started on: touch screens that present themselves as a mouse send exactly these. */
static void
test_tap_and_drag (WindowFixture *fixture,
                   gconstpointer  data)
{
  g_autofree char *title = kiosk_test_name_window (GTK_WINDOW (fixture->window));
  GtkWidget *tile = kiosk_home_page_get_tile (home_page (fixture), "kiosk.show-topic", "causes");
  GtkWidget *page;
  GtkWidget *card;
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;

  kiosk_test_widget_point (tile, &x, &y);
  {
    const char * const tap[] = { "search", "--sync", "--name", title, "mousemove", "--window", "%1",
                                 x, y, "click", "1", NULL };

    kiosk_test_run_xdotool (tap);
  }
  kiosk_test_wait_for_page (fixture->window, "topic-causes");
  page = kiosk_window_get_visible_page (fixture->window);
  kiosk_test_iterate (300);
  g_assert_cmpfloat (gtk_adjustment_get_value (page_adjustment (page)), ==, 0.0);

  g_clear_pointer (&x, g_free);
  g_clear_pointer (&y, g_free);
  /* Text well above the action bar, at any window scale. */
  card = kiosk_test_find_label (page, "A twitch or spasm is when a muscle");
  kiosk_test_widget_point (card, &x, &y);
  {
    const char * const drag[] = { "search", "--sync", "--name", title, "mousemove", "--window", "%1",
                                  x, y, "mousedown", "1",
                                  "mousemove_relative", "--sync", "--", "0", "-60",
                                  "mousemove_relative", "--sync", "--", "0", "-60",
                                  "mousemove_relative", "--sync", "--", "0", "-60",
                                  "mouseup", "1", NULL };

    kiosk_test_run_xdotool (drag);
  }
  kiosk_test_iterate (300);
  g_assert_cmpfloat (gtk_adjustment_get_value (page_adjustment (page)), >=, 100.0);
  g_assert_cmpstr (kiosk_window_get_visible_page_name (fixture->window), ==, "topic-causes");
}

/* Every templated widget is created and, once dropped, really finalized. */
static void
test_widgets_finalize (void)
{
  g_autoptr(KioskContentPack) content = kiosk_content_pack_new ("en", NULL, NULL);
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  KioskTopic *topic = kiosk_content_pack_lookup_topic (content, "causes");
  GtkWidget *widgets[] = {
    kiosk_tile_new ("kiosk-illustration-callback", "Title", "Summary"),
    kiosk_booking_card_new (),
    kiosk_home_page_new (content),
    kiosk_topic_page_new (topic, settings),
    kiosk_document_view_new (),
  };

  kiosk_document_view_set_document (KIOSK_DOCUMENT_VIEW (widgets[4]), kiosk_topic_get_document (topic));
  kiosk_booking_card_set_settings (KIOSK_BOOKING_CARD (widgets[1]), settings, "en");

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

  g_test_add ("/kiosk/window/starts-home", WindowFixture, NULL,
              window_setup, test_starts_home, window_teardown);
  g_test_add ("/kiosk/window/tiles-open-topics", WindowFixture, NULL,
              window_setup, test_tiles_open_topics, window_teardown);
  g_test_add ("/kiosk/window/back-and-home", WindowFixture, NULL,
              window_setup, test_back_and_home, window_teardown);
  g_test_add ("/kiosk/window/switch-language", WindowFixture, NULL,
              window_setup, test_switch_language, window_teardown);
  g_test_add ("/kiosk/window/header-labels", WindowFixture, NULL,
              window_setup, test_header_labels, window_teardown);
  g_test_add ("/kiosk/window/staff-drops-patient-chrome", WindowFixture, NULL,
              window_setup, test_staff_drops_patient_chrome, window_teardown);
  g_test_add ("/kiosk/window/scale-with-size", WindowFixture, NULL,
              window_setup, test_scale_with_size, window_teardown);
  g_test_add ("/kiosk/window/largest-text-fits", WindowFixture, NULL,
              window_setup, test_largest_text_fits, window_teardown);
  g_test_add ("/kiosk/window/thanks-booking", WindowFixture, NULL,
              window_setup, test_thanks_booking, window_teardown);
  g_test_add ("/kiosk/window/emergency-number", WindowFixture, NULL,
              window_setup, test_emergency_number_from_settings, window_teardown);
  g_test_add ("/kiosk/window/topic-resets-take-home", WindowFixture, NULL,
              window_setup, test_topic_resets_take_home, window_teardown);
  g_test_add ("/kiosk/window/tap-and-drag", WindowFixture, NULL,
              window_setup, test_tap_and_drag, window_teardown);
  g_test_add ("/kiosk/window/memory-back-home", WindowFixture, NULL,
              window_setup, test_memory_back_home, window_teardown);
  g_test_add_func ("/kiosk/window/widgets-finalize", test_widgets_finalize);

  return g_test_run ();
}
