/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "kiosk-widget-util.h"

/**
 * kiosk_widget_dispose_template:
 *
 * gtk_widget_dispose_template(), plus what GTK 4.8's version leaves behind: a template's
 * top-level children that are not bound to a field stay parented, and a widget must not be
 * finalized with children.
 */
void
kiosk_widget_dispose_template (GtkWidget *widget,
                               GType      widget_type)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_dispose_template (widget, widget_type);

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

/* Movement, in pixels, before a press turns into a scroll and stops being a tap. */
#define DRAG_THRESHOLD 16.0

static void
drag_begin_cb (GtkGestureDrag    *gesture,
               double             x,
               double             y,
               GtkScrolledWindow *scroller)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  GdkDevice *device = gtk_event_controller_get_current_event_device (GTK_EVENT_CONTROLLER (gesture));

  /* Real touches are GtkScrolledWindow's own kinetic scrolling; this is for pointers. */
  if (device != NULL && gdk_device_get_source (device) == GDK_SOURCE_TOUCHSCREEN)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  g_object_set_data (G_OBJECT (gesture), "kiosk-start",
                     GINT_TO_POINTER ((int)gtk_adjustment_get_value (adjustment)));
}

static void
drag_update_cb (GtkGestureDrag    *gesture,
                double             dx,
                double             dy,
                GtkScrolledWindow *scroller)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  GdkEventSequence *sequence = gtk_gesture_single_get_current_sequence (GTK_GESTURE_SINGLE (gesture));
  int start = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (gesture), "kiosk-start"));

  if (gtk_gesture_get_sequence_state (GTK_GESTURE (gesture), sequence) != GTK_EVENT_SEQUENCE_CLAIMED)
    {
      if (ABS (dy) < DRAG_THRESHOLD)
        return;
      /* Claiming cancels the tap on whatever button the finger went down on. */
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }

  gtk_adjustment_set_value (adjustment, start - dy);
}

/**
 * kiosk_scrolled_window_drag_to_scroll:
 *
 * Lets a press-and-drag scroll @scroller. GTK already scrolls by dragging for touch screens
 * that report touches; this covers the many kiosk screens that present themselves as a mouse.
 */
void
kiosk_scrolled_window_drag_to_scroll (GtkScrolledWindow *scroller)
{
  GtkGesture *drag;

  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (scroller));

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (drag), FALSE);
  gtk_gesture_single_set_exclusive (GTK_GESTURE_SINGLE (drag), TRUE);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (drag_begin_cb), scroller, 0);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (drag_update_cb), scroller, 0);
  gtk_widget_add_controller (GTK_WIDGET (scroller), GTK_EVENT_CONTROLLER (drag));
}
