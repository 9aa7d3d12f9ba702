/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Listen control: its names for screen readers, a kiosk without sound, and Stop (directly
 * and through kiosk_listen_button_stop_all(), which the visitor reset and a language switch
 * call) ending a reading at once. The reading goes into a WAV file at a sound card's pace. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "kiosk-content-pack.h"
#include "kiosk-listen-button.h"
#include "kiosk-test-util.h"

typedef struct
{
  char              *dir;
  char              *wav;
  KioskApplication  *app;
  KioskContentPack  *content;
  GtkWindow         *window;
  KioskListenButton *listen;
} ListenFixture;

static void
listen_setup (ListenFixture *fixture,
              gconstpointer  data)
{
  fixture->dir = kiosk_test_make_dir ("kiosk-listen");
  /* The application loads the kiosk's style sheet, and with it the kiosk's sizes. */
  fixture->app = kiosk_test_application_new (fixture->dir, "speech-rate", "150", NULL);
  fixture->wav = g_build_filename (fixture->dir, "spoken.wav", NULL);
  fixture->content = kiosk_content_pack_new ("es", NULL, NULL);

  fixture->listen = KIOSK_LISTEN_BUTTON (kiosk_listen_button_new ());
  kiosk_listen_button_set_language (fixture->listen, "es");
  kiosk_listen_button_set_document (fixture->listen, kiosk_topic_get_document (
    kiosk_content_pack_lookup_topic (fixture->content, "treatments")));

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->listen));
  gtk_window_present (fixture->window);
  kiosk_test_iterate (50);
}

static void
listen_teardown (ListenFixture *fixture,
                 gconstpointer  data)
{
  g_object_ref (fixture->listen);
  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->listen);
  g_clear_object (&fixture->content);
  g_clear_object (&fixture->app);
  kiosk_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->wav);
  g_unsetenv ("KIOSK_SPEECH_SINK");
}

static GtkWidget *
listen_gtk_button (ListenFixture *fixture)
{
  return kiosk_test_find_widget (GTK_WIDGET (fixture->listen), GTK_TYPE_BUTTON);
}

static gboolean
not_speaking (gpointer data)
{
  return !kiosk_listen_button_get_speaking (data);
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : -1;
}

static gboolean
wav_has_sound (gpointer data)
{
  ListenFixture *fixture = data;

  return file_size (fixture->wav) > 44 + 22050;
}

static void
use_wav_sink (ListenFixture *fixture)
{
  g_autofree char *target = g_strconcat ("file:", fixture->wav, NULL);

  g_setenv ("KIOSK_SPEECH_SINK", target, TRUE);
}

static void
test_names (ListenFixture *fixture,
            gconstpointer  data)
{
  GtkWidget *button = listen_gtk_button (fixture);

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_ROLE_BUTTON);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Listen: read this page aloud");
  g_assert_cmpint (gtk_widget_get_height (button), >=, 64);
}

/* No sound server and no sound card here: the control says so, and the page goes on. */
static void
test_no_sound (ListenFixture *fixture,
               gconstpointer  data)
{
  g_setenv ("PULSE_SERVER", "unix:/nonexistent/pulse", TRUE);
  kiosk_test_click (listen_gtk_button (fixture));
  kiosk_test_wait_for (not_speaking, fixture->listen, 10000);
  kiosk_test_wait_for_label (GTK_WIDGET (fixture->listen), "no sound output", 10000);
}

static void
test_stop (ListenFixture *fixture,
           gconstpointer  data)
{
  GtkWidget *button = listen_gtk_button (fixture);
  goffset stopped_at;

  use_wav_sink (fixture);
  kiosk_test_click (button);
  g_assert_true (kiosk_listen_button_get_speaking (fixture->listen));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Stop reading aloud");

  /* Speaking, at a sound card's pace: half a second of sound is in the file, then Stop. */
  kiosk_test_wait_for (wav_has_sound, fixture, 10000);
  kiosk_test_click (button);
  g_assert_false (kiosk_listen_button_get_speaking (fixture->listen));
  kiosk_test_iterate (500);
  stopped_at = file_size (fixture->wav);

  /* Nothing more is written: the worker stopped within a buffer. The page lasts a minute. */
  kiosk_test_iterate (500);
  g_assert_cmpint (file_size (fixture->wav), ==, stopped_at);
  g_assert_cmpint (stopped_at, <, 22050 * 2 * 10);
}

/* What the visitor reset and a language switch call. */
static void
test_stop_all (ListenFixture *fixture,
               gconstpointer  data)
{
  use_wav_sink (fixture);
  kiosk_test_click (listen_gtk_button (fixture));
  kiosk_test_wait_for (wav_has_sound, fixture, 10000);

  kiosk_listen_button_stop_all ();
  g_assert_false (kiosk_listen_button_get_speaking (fixture->listen));
  kiosk_test_wait_for_label (GTK_WIDGET (fixture->listen), "Listen", 1000);
}

/* Leaving the page unmaps the control, which stops it. */
static void
test_unmap_stops (ListenFixture *fixture,
                  gconstpointer  data)
{
  use_wav_sink (fixture);
  kiosk_test_click (listen_gtk_button (fixture));
  kiosk_test_wait_for (wav_has_sound, fixture, 10000);

  gtk_widget_set_visible (GTK_WIDGET (fixture->listen), FALSE);
  g_assert_false (kiosk_listen_button_get_speaking (fixture->listen));
}

int
main (int   argc,
      char *argv[])
{
  kiosk_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/kiosk/listen/" path, ListenFixture, NULL, listen_setup, func, listen_teardown)

  ADD ("names", test_names);
  ADD ("no-sound", test_no_sound);
  ADD ("stop", test_stop);
  ADD ("stop-all", test_stop_all);
  ADD ("unmap-stops", test_unmap_stops);

  return g_test_run ();
}
