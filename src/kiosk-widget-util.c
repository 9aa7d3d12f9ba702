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

/* Inspector ------------------------------------------------------------------------------------ */

static gboolean
refuse_debugging (GtkWindow *window,
                  gboolean   toggle)
{
  g_debug ("The GTK Inspector keybinding is off in kiosk mode");

  return FALSE;
}

/* A subclass copies its parent's class structure when it is first used, so the classes already
 * in use keep the old handler; the ones to come inherit the new one. */
static void
replace_debugging_handler (GType    type,
                           gpointer original)
{
  GtkWindowClass *klass = g_type_class_peek (type);
  g_autofree GType *children = NULL;
  guint n_children;

  if (klass != NULL && (gpointer)klass->enable_debugging == original)
    klass->enable_debugging = refuse_debugging;

  children = g_type_children (type, &n_children);
  for (guint i = 0; i < n_children; i++)
    replace_debugging_handler (children[i], original);
}

/**
 * kiosk_disable_inspector_keybinding:
 *
 * Turns GTK's Inspector keybinding (Ctrl+Shift+I and Ctrl+Shift+D) off in every window of this
 * process, whatever the user's `enable-inspector-keybinding` setting says, and drops a
 * `GTK_DEBUG=interactive` request. GTK asks GtkWindow's `enable-debugging` class handler before
 * it opens the Inspector; the setting itself lives in the user's dconf, which the kiosk can
 * neither rely on nor change for this process alone.
 */
void
kiosk_disable_inspector_keybinding (void)
{
  GtkWindowClass *klass = g_type_class_ref (GTK_TYPE_WINDOW);

  gtk_set_debug_flags (gtk_get_debug_flags () & ~GTK_DEBUG_INTERACTIVE);
  if (klass->enable_debugging != refuse_debugging)
    replace_debugging_handler (GTK_TYPE_WINDOW, klass->enable_debugging);
  /* The class stays referenced for the life of the process, as GTK's own windows keep it. */
}

/* Patient fields ------------------------------------------------------------------------------- */

static void
refuse_clipboard_cb (GtkText *text,
                     gpointer signal_name)
{
  g_signal_stop_emission_by_name (text, signal_name);
}

/* A right click (or whatever the platform uses for it) would open GtkText's context menu. */
static gboolean
refuse_context_menu_cb (GtkEventControllerLegacy *controller,
                        GdkEvent                 *event,
                        gpointer                  data)
{
  return gdk_event_triggers_context_menu (event) ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
}

/**
 * kiosk_entry_make_private:
 *
 * Closes the ways a patient's name or phone number could leave @entry other than by the form:
 * no emoji chooser, no context menu (Cut, Copy, Paste, Insert Emoji) by right click or the Menu
 * key, and no copy or cut to the clipboard, where the next visitor could paste it. GTK 4.8 has
 * no long-press menu in entries; the bubble it shows over a selection made by touch copies and
 * cuts through the same refused signals.
 */
void
kiosk_entry_make_private (GtkEntry *entry)
{
  GtkWidget *text;
  GtkEventController *clicks;

  g_return_if_fail (GTK_IS_ENTRY (entry));

  text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (entry)));
  g_return_if_fail (GTK_IS_TEXT (text));

  gtk_entry_set_input_hints (entry, gtk_entry_get_input_hints (entry) | GTK_INPUT_HINT_NO_EMOJI);
  gtk_entry_set_extra_menu (entry, NULL);
  gtk_widget_action_set_enabled (text, "menu.popup", FALSE);
  gtk_widget_action_set_enabled (text, "misc.insert-emoji", FALSE);

  clicks = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (clicks, GTK_PHASE_CAPTURE);
  g_signal_connect (clicks, "event", G_CALLBACK (refuse_context_menu_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (entry), clicks);

  g_signal_connect (text, "copy-clipboard",
                    G_CALLBACK (refuse_clipboard_cb), (gpointer)"copy-clipboard");
  g_signal_connect (text, "cut-clipboard",
                    G_CALLBACK (refuse_clipboard_cb), (gpointer)"cut-clipboard");
}

/**
 * kiosk_scrolled_window_scroll_to_top:
 *
 * Shows the start of the content: a page shown anew must not open where the last visitor left.
 */
void
kiosk_scrolled_window_scroll_to_top (GtkScrolledWindow *scroller)
{
  GtkAdjustment *adjustment;

  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (scroller));

  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}
