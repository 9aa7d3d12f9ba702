/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Renders one kiosk page to a PNG, for the README and for looking at the kiosk as a patient
 * would. `./kiosk.sh screenshots` runs it for every page, language and screen size.
 *
 *   kiosk-screenshot --size=1280x800 --language=es --page=topic-causes --output=shot.png
 *   kiosk-screenshot --page=topic-causes --take-home --output=code.png
 */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <string.h>

#include "kiosk-test-util.h"
#include "kiosk-window.h"

static char *size_option = NULL;
static char *language_option = NULL;
static char *page_option = NULL;
static char *output_option = NULL;
static gboolean take_home_option = FALSE;

static const GOptionEntry entries[] = {
  { "size", 0, 0, G_OPTION_ARG_STRING, &size_option, "Window size", "WIDTHxHEIGHT" },
  { "language", 0, 0, G_OPTION_ARG_STRING, &language_option, "Language", "LANG" },
  { "page", 0, 0, G_OPTION_ARG_STRING, &page_option, "home, topic-ID or callback", "PAGE" },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, &output_option, "PNG file to write", "FILE" },
  { "take-home", 0, 0, G_OPTION_ARG_NONE, &take_home_option,
    "On a topic page, show its “Take this home” code", NULL },
  { NULL }
};

static void
show_page (KioskWindow *window,
           const char  *page)
{
  if (g_str_has_prefix (page, "topic-"))
    gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.show-topic", "s", page + strlen ("topic-"));
  else if (!g_str_equal (page, "home"))
    {
      g_autofree char *action = g_strconcat ("kiosk.show-", page, NULL);

      gtk_widget_activate_action (GTK_WIDGET (window), action, NULL);
    }
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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- render a kiosk page to PNG");
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;
  KioskWindow *window;
  int width = 1280, height = 800;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || output_option == NULL)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "--output is required");
      return 1;
    }
  if (size_option != NULL)
    sscanf (size_option, "%dx%d", &width, &height);

  kiosk_test_init (&argc, &argv);
  /* Pages cross-fade; a screenshot shows where a transition ends, never its middle. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  settings = g_settings_new (SCHEMA_ID);
  /* What a patient sees: kiosk mode, without window buttons. */
  g_settings_set_boolean (settings, "kiosk-mode", TRUE);
  app = kiosk_test_application_new ("default-language", language_option ? language_option : "en",
                                    NULL);
  window = kiosk_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  kiosk_test_iterate (300);

  show_page (window, page_option != NULL ? page_option : "home");
  if (take_home_option)
    gtk_widget_activate_action (kiosk_window_get_visible_page (window), "topic.show-take-home",
                                NULL);
  kiosk_test_iterate (700);

  if (!save_png (GTK_WIDGET (window), output_option, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
