/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Giving memory back between visitors (issue 10). Every page change lays out and draws a whole
 * page; the allocator keeps what that freed for the next allocation, and never returns the pages
 * in the middle of its heap to the system. On a kiosk that runs all day on a small box, the
 * memory of pages nobody is reading is better returned: when the kiosk comes back to its home
 * page (a visitor is done, or a patient walked away and the kiosk reset itself) and that page
 * is on screen, malloc_trim() returns the free pages of every arena (about 7 MB after a tour of
 * the pages, measured in docs/performance.md). It runs once per return home, at low priority,
 * never on a timer, so an idle kiosk still wakes up for nothing.
 */

#include "config.h"

#ifdef HAVE_MALLOC_TRIM
#include <malloc.h>
#endif

#include "kiosk-memory.h"

static guint release_idle_id;
static guint releases;

static gboolean
release_memory_idle (gpointer user_data)
{
  release_idle_id = 0;
#ifdef HAVE_MALLOC_TRIM
  malloc_trim (0);
#endif
  releases++;

  return G_SOURCE_REMOVE;
}

static void
schedule_release (void)
{
  if (release_idle_id == 0)
    release_idle_id = g_idle_add_full (G_PRIORITY_LOW, release_memory_idle, NULL, NULL);
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  g_signal_handlers_disconnect_by_func (frame_clock, after_paint_cb, user_data);
  schedule_release ();
}

/**
 * kiosk_memory_release_after_paint:
 * @widget: the widget whose next painted frame shows what stays on screen
 *
 * Once @widget's next frame is painted (or at once if it is not on screen), returns the memory
 * the process has freed to the system, in a low-priority idle. Calls before that are merged.
 */
void
kiosk_memory_release_after_paint (GtkWidget *widget)
{
  GdkFrameClock *frame_clock;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  frame_clock = gtk_widget_get_frame_clock (widget);
  if (frame_clock == NULL)
    {
      schedule_release ();
      return;
    }

  g_signal_handlers_disconnect_by_func (frame_clock, after_paint_cb, NULL);
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  gdk_frame_clock_request_phase (frame_clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

/**
 * kiosk_memory_get_releases:
 *
 * Returns: how many times memory was returned since the process started (for tests)
 */
guint
kiosk_memory_get_releases (void)
{
  return releases;
}
