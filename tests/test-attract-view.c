/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The waiting screen's loop changes cards on its own clock, stops when its time is up with no
 * timer left, and stops when hidden. */

#include "config.h"

#include "kiosk-attract-view.h"
#include "kiosk-content-pack.h"
#include "kiosk-test-util.h"

typedef struct
{
  GtkWindow        *window;
  KioskAttractView *view;
  gboolean          finished;
} AttractFixture;

static void
finished_cb (KioskAttractView *view,
             AttractFixture   *fixture)
{
  fixture->finished = TRUE;
}

static void
attract_setup (AttractFixture *fixture,
               gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskDocument) cards = kiosk_document_new_from_markdown (
    "# Cards\n\n## One\n\nFirst card.\n\n## Two\n\nSecond card.\n\n## Three\n\nThird card.\n",
    -1, &error);
  g_autoptr(KioskAttract) attract = kiosk_attract_new_from_document (cards, 3, &error);

  g_assert_no_error (error);
  fixture->view = KIOSK_ATTRACT_VIEW (kiosk_attract_view_new ());
  kiosk_attract_view_set_attract (fixture->view, attract);
  g_signal_connect (fixture->view, "finished", G_CALLBACK (finished_cb), fixture);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  kiosk_test_iterate (50);
}

static void
attract_teardown (AttractFixture *fixture,
                  gconstpointer   data)
{
  g_object_ref (fixture->view);
  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->view);
}

static gboolean
finished (gpointer data)
{
  return ((AttractFixture *)data)->finished;
}

static void
test_cycles_then_stops (AttractFixture *fixture,
                        gconstpointer   data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);

  kiosk_attract_view_start (fixture->view, 5);
  g_assert_true (kiosk_attract_view_get_running (fixture->view));
  kiosk_test_wait_for_label (view, "First card.", 1000);

  /* Three seconds a card. */
  kiosk_test_wait_for_label (view, "Second card.", 5000);
  g_assert_cmpuint (kiosk_attract_view_get_card (fixture->view), ==, 1);

  /* Five seconds in all: at the next change the loop ends, and no timer is left. */
  kiosk_test_wait_for (finished, fixture, 5000);
  g_assert_false (kiosk_attract_view_get_running (fixture->view));
  g_assert_cmpuint (kiosk_attract_view_get_card (fixture->view), ==, 1);
}

static void
test_hidden_stops (AttractFixture *fixture,
                   gconstpointer   data)
{
  kiosk_attract_view_start (fixture->view, 600);
  g_assert_true (kiosk_attract_view_get_running (fixture->view));

  gtk_widget_set_visible (GTK_WIDGET (fixture->view), FALSE);
  g_assert_false (kiosk_attract_view_get_running (fixture->view));
  g_assert_false (fixture->finished);
}

/* attract-minutes = 0: the loop never starts. */
static void
test_zero_never_runs (AttractFixture *fixture,
                      gconstpointer   data)
{
  kiosk_attract_view_start (fixture->view, 0);
  g_assert_false (kiosk_attract_view_get_running (fixture->view));
}

int
main (int   argc,
      char *argv[])
{
  kiosk_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/kiosk/attract/" path, AttractFixture, NULL, attract_setup, func, attract_teardown)

  ADD ("cycles-then-stops", test_cycles_then_stops);
  ADD ("hidden-stops", test_hidden_stops);
  ADD ("zero-never-runs", test_zero_never_runs);

  return g_test_run ();
}
