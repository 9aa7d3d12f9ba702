/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Renders one kiosk page to a PNG, for the README and for looking at the kiosk as a patient
 * would. `./kiosk.sh screenshots` runs it for every page, language and screen size.
 *
 *   kiosk-screenshot --size=1280x800 --language=es --page=topic-causes --output=shot.png
 *   kiosk-screenshot --page=topic-causes --take-home --output=code.png
 *   kiosk-screenshot --page=topic-causes --scrolled --output=bottom.png
 *
 * The image is exactly the screen: an undecorated window of that size, as in kiosk mode.
 */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <string.h>

#include "kiosk-attract-view.h"
#include "kiosk-callback-page.h"
#include "kiosk-check.h"
#include "kiosk-staff-pin.h"
#include "kiosk-test-util.h"
#include "kiosk-window.h"

static char *size_option = NULL;
static char *language_option = NULL;
static char *page_option = NULL;
static char *output_option = NULL;
static int text_size_option = 0;
static gboolean contrast_option = FALSE;
static gboolean take_home_option = FALSE;
static gboolean scrolled_option = FALSE;

static const GOptionEntry entries[] = {
  { "size", 0, 0, G_OPTION_ARG_STRING, &size_option, "Window size", "WIDTHxHEIGHT" },
  { "language", 0, 0, G_OPTION_ARG_STRING, &language_option, "Language", "LANG" },
  { "page", 0, 0, G_OPTION_ARG_STRING, &page_option,
    "home, topic-ID, callback, callback-STEP (name, phone, time, topic, consent, check, error, "
    "thanks), check, check-book, check-habits (Should I book? and its endings), staff (the PIN "
    "pad), staff-list, idle (the warning), start (the waiting screen's cards after a reset), "
    "start-dim (once they stop) or look (the text size and contrast menu)",
    "PAGE" },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, &output_option, "PNG file to write", "FILE" },
  { "text-size", 0, 0, G_OPTION_ARG_INT, &text_size_option, "Text size step, 0 to 2", "N" },
  { "high-contrast", 0, 0, G_OPTION_ARG_NONE, &contrast_option, "High contrast", NULL },
  { "take-home", 0, 0, G_OPTION_ARG_NONE, &take_home_option,
    "On a topic page, show its “Take this home” code", NULL },
  { "scrolled", 0, 0, G_OPTION_ARG_NONE, &scrolled_option,
    "On a topic page, scroll to the bottom", NULL },
  { NULL }
};

/* Made-up requests for the staff area: a new one, one nobody answered, and one that retention
 * deletes in two days. */
static void
save_sample_requests (KioskStore *store)
{
  const struct { const char *name, *phone; int days_old; gboolean no_answer; } sample[] = {
    { "María José Rodríguez", "+50688881234", 28, FALSE },
    { "Carlos Vega", "+15550100199", 3, TRUE },
    { "Ana Pérez", "+50670001122", 0, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sample); i++)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) created = g_date_time_add_hours (now, -24 * sample[i].days_old - 2);
      g_autoptr(KioskRequest) request = NULL;
      gint64 id;

      request = kiosk_request_new_full (0, created, sample[i].name, sample[i].phone,
                                        i == 0 ? KIOSK_CALL_TIME_MORNING : KIOSK_CALL_TIME_ANY,
                                        i == 0 ? "treatments" : NULL, "1",
                                        KIOSK_REQUEST_STATUS_PENDING, NULL, NULL, NULL);
      id = kiosk_store_save (store, request, NULL);
      if (sample[i].no_answer)
        kiosk_store_mark_no_answer (store, id, NULL);
    }
}

/* The staff area as reception sees it: a PIN, made-up requests; its PIN pad, or unlocked when
 * @unlock. */
static void
open_staff_area (KioskApplication *app,
                 KioskWindow      *window,
                 gboolean          unlock)
{
  KioskStore *store = kiosk_application_get_store (app);
  g_autoptr(KioskStaffPin) pin = kiosk_staff_pin_new (kiosk_application_get_data_dir (app), NULL);
  GtkWidget *page;
  GtkWidget *entry;

  g_assert_true (kiosk_staff_pin_set (pin, "123456", NULL));
  save_sample_requests (store);

  gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.staff", NULL);
  kiosk_test_iterate (300);
  if (!unlock)
    return;
  page = kiosk_window_get_page (window, "staff");
  entry = kiosk_test_find_widget (page, GTK_TYPE_PASSWORD_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "123456");
  gtk_widget_activate_action (page, "staff.unlock", NULL);
  kiosk_test_wait_for_label (page, "Carlos Vega", 10000);
}

/* The callback form at one of its steps, filled with made-up data the way a visitor would:
 * each step is passed with the form's own Next, so what shows is what its checks allow. */
static void
show_callback_step (KioskWindow *window,
                    const char  *step)
{
  const char * const steps[] = { "name", "phone", "time", "topic", "consent", "check" };
  GtkWidget *page = kiosk_window_get_page (window, "callback");
  gboolean error = g_str_equal (step, "error");
  gboolean thanks = g_str_equal (step, "thanks");

  gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.show-callback", NULL);
  kiosk_test_iterate (200);
  gtk_editable_set_text (GTK_EDITABLE (kiosk_test_find_entry (page, GTK_INPUT_PURPOSE_NAME)),
                         "Ana Pérez");
  gtk_editable_set_text (GTK_EDITABLE (kiosk_test_find_entry (page, GTK_INPUT_PURPOSE_PHONE)),
                         error ? "88 12" : "8888 1234");
  for (guint i = 0; i < G_N_ELEMENTS (steps) && !g_str_equal (step, steps[i]); i++)
    {
      /* The first toggle on the page is Morning, the first choice of the time step. */
      if (i == 2)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (kiosk_test_find_widget (page, GTK_TYPE_TOGGLE_BUTTON)),
                                      TRUE);
      if (i == 3)
        kiosk_callback_page_set_topic (KIOSK_CALLBACK_PAGE (page), "treatments");
      if (i == 4)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (kiosk_test_find_widget (page, GTK_TYPE_CHECK_BUTTON)),
                                     TRUE);
      gtk_widget_activate_action (page, "callback.next", NULL);
      kiosk_test_iterate (100);
      if (error && i == 1)
        break;
    }
  if (thanks)
    {
      gtk_widget_activate_action (page, "callback.send", NULL);
      kiosk_test_wait_for_page (window, "thanks");
    }
}

/* "Should I book?" on its first question, or answered all yes or all no to show an ending. */
static void
show_check (KioskWindow *window,
            const char  *ending)
{
  GtkWidget *page = kiosk_window_get_page (window, "check");

  gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.show-check", NULL);
  kiosk_test_iterate (200);
  for (guint q = 0; ending != NULL && q < KIOSK_CHECK_N_QUESTIONS; q++)
    gtk_widget_activate_action (page, "check.answer", "b", g_str_equal (ending, "book"));
}

/* The start screen once the waiting screen's cards have run their time: dimmed. */
static void
show_dim_start (KioskWindow *window)
{
  GtkWidget *cards = kiosk_test_find_widget (GTK_WIDGET (window), KIOSK_TYPE_ATTRACT_VIEW);

  kiosk_window_reset (window);
  kiosk_attract_view_stop (KIOSK_ATTRACT_VIEW (cards));
  g_signal_emit_by_name (cards, "finished");
}

/* Returns: %FALSE for a page it does not know */
static gboolean
show_page (KioskWindow *window,
           const char  *page)
{
  KioskApplication *app = KIOSK_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));

  if (g_str_equal (page, "staff-list") || g_str_equal (page, "staff"))
    open_staff_area (app, window, g_str_equal (page, "staff-list"));
  else if (g_str_equal (page, "idle"))
    {
      /* The "are you still there?" warning, over the home page. */
      kiosk_window_set_idle_timing (window, 50, 20);
      kiosk_idle_monitor_poke (kiosk_window_get_idle_monitor (window));
    }
  else if (g_str_equal (page, "start"))
    kiosk_window_reset (window);
  else if (g_str_equal (page, "start-dim"))
    show_dim_start (window);
  else if (g_str_equal (page, "check"))
    show_check (window, NULL);
  else if (g_str_equal (page, "check-book") || g_str_equal (page, "check-habits"))
    show_check (window, page + strlen ("check-"));
  else if (g_str_has_prefix (page, "callback-"))
    show_callback_step (window, page + strlen ("callback-"));
  else if (g_str_equal (page, "look"))
    gtk_menu_button_popup (GTK_MENU_BUTTON (kiosk_test_find_widget (GTK_WIDGET (window),
                                                                    GTK_TYPE_MENU_BUTTON)));
  else if (g_str_has_prefix (page, "topic-"))
    gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.show-topic", "s", page + strlen ("topic-"));
  else if (!g_str_equal (page, "home"))
    {
      g_autofree char *action = g_strconcat ("kiosk.show-", page, NULL);

      return gtk_widget_activate_action (GTK_WIDGET (window), action, NULL);
    }

  return TRUE;
}

static void
scroll_to_bottom (KioskWindow *window)
{
  GtkWidget *scroller = kiosk_test_find_widget (kiosk_window_get_visible_page (window),
                                                GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
}

/* A popover is a surface of its own, so it is drawn over the window where it shows. */
static void
snapshot_popover (GtkSnapshot *snapshot,
                  GtkWidget   *window)
{
  GtkWidget *popover = kiosk_test_find_visible_popover (window);
  g_autoptr(GdkPaintable) paintable = NULL;
  GdkSurface *surface;

  if (popover == NULL)
    return;

  surface = gtk_native_get_surface (GTK_NATIVE (popover));
  paintable = gtk_widget_paintable_new (popover);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (gdk_popup_get_position_x (GDK_POPUP (surface)),
                                                gdk_popup_get_position_y (GDK_POPUP (surface))));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gdk_surface_get_width (surface), gdk_surface_get_height (surface));
  gtk_snapshot_restore (snapshot);
}

static gboolean
save_png (GtkWidget   *widget,
          const char  *path,
          GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  snapshot_popover (snapshot, widget);
  node = gtk_snapshot_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write %s", path);
      return FALSE;
    }

  return TRUE;
}

/* Returns: the exit status: 2 for a page the tool does not know */
static int
shoot_page (KioskWindow *window)
{
  g_autoptr(GError) error = NULL;

  if (!show_page (window, page_option != NULL ? page_option : "home"))
    {
      g_printerr ("No page called “%s”\n", page_option);
      return 2;
    }
  if (take_home_option)
    gtk_widget_activate_action (kiosk_window_get_visible_page (window), "topic.show-take-home",
                                NULL);
  kiosk_test_iterate (600);
  if (scrolled_option)
    scroll_to_bottom (window);
  kiosk_test_iterate (600);

  if (!save_png (GTK_WIDGET (window), output_option, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- render a kiosk page to PNG");
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskApplication) app = NULL;
  g_autofree char *data_dir = NULL;
  KioskWindow *window;
  int width = 1280, height = 800;
  int status;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* Like the tests: no session bus, rather than GTK trying to start one. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus", FALSE);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || output_option == NULL)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "--output is required");
      return 1;
    }
  if (size_option != NULL)
    sscanf (size_option, "%dx%d", &width, &height);

  kiosk_test_init (&argc, &argv);
  /* A tool, not a test: warnings (such as having no session bus) are not fatal here. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  data_dir = kiosk_test_make_data_dir ();
  /* Pages cross-fade; a screenshot shows where a transition ends, never its middle. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* What a patient sees: kiosk mode, without window buttons, in a clinic that has set how to
   * book. */
  app = kiosk_test_application_new (data_dir,
                                    "default-language", language_option ? language_option : "en",
                                    "kiosk-mode", "true",
                                    "clinic-name", "Clínica Neurológica San José",
                                    "clinic-phone", "+506 2222 3333",
                                    "opening-hours",
                                    "{'es': 'Lunes a viernes, de 7 a. m. a 5 p. m.', "
                                    "'en': 'Monday to Friday, 7 am to 5 pm'}",
                                    "callback-within-days", "2",
                                    NULL);
  window = kiosk_window_new (app);
  /* Without a window manager there is no fullscreen: no decoration (no shadow, no border) and
   * the screen's size give the same picture. */
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  kiosk_window_set_text_size (window, CLAMP (text_size_option, 0, 2));
  kiosk_window_set_high_contrast (window, contrast_option);
  gtk_window_present (GTK_WINDOW (window));
  kiosk_test_iterate (300);

  status = shoot_page (window);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  kiosk_test_remove_tree (data_dir);

  return status;
}
