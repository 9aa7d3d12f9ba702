/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The floor for any GTK 4 app on this machine, for `./kiosk.sh bench`: a bare libadwaita
 * window, a header bar over a status page, built in code (no template, no CSS, no data) and
 * reporting its first painted frame exactly as the kiosk does (src/kiosk-bench.c).
 *
 * bench-reference [--fullscreen] [WIDTH HEIGHT]
 */

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "kiosk-bench.h"

typedef struct
{
  int      width;
  int      height;
  gboolean fullscreen;
} ReferenceOptions;

static GtkWidget *
reference_content_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "help-about-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), "Reference window");
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   "A header bar and a status page: the floor for a GTK 4 app.");
  gtk_widget_set_vexpand (status, TRUE);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), status);

  return box;
}

static void
activate_cb (GApplication     *app,
             ReferenceOptions *options)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_title (GTK_WINDOW (window), "Reference window");
  gtk_window_set_default_size (GTK_WINDOW (window), options->width, options->height);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), reference_content_new ());
  if (options->fullscreen)
    gtk_window_fullscreen (GTK_WINDOW (window));

  kiosk_bench_attach (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;
  ReferenceOptions options = { 1280, 800, FALSE };
  int first = 1;

  if (argc > first && g_str_equal (argv[first], "--fullscreen"))
    {
      options.fullscreen = TRUE;
      first++;
    }
  if (argc == first + 2)
    {
      options.width = atoi (argv[first]);
      options.height = atoi (argv[first + 1]);
    }

  app = adw_application_new ("io.github.patientkiosk.BenchReference", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), &options);

  return g_application_run (G_APPLICATION (app), 1, argv);
}
