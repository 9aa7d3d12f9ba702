/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the window does for one visitor and the next: the idle warning with its countdown, the
 * reset that leaves nothing behind, the dimmed start screen, and the kiosk-mode lockdown.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-listen-button.h"
#include "kiosk-window-private.h"

static void
kiosk_window_update_countdown (KioskWindow *self)
{
  g_autofree char *text = NULL;

  text = g_strdup_printf (ngettext ("To protect your privacy, the screen starts over in %u second.",
                                    "To protect your privacy, the screen starts over in %u seconds.",
                                    self->countdown_left),
                          self->countdown_left);
  gtk_label_set_label (self->countdown_label, text);
}

static void
kiosk_window_stop_countdown (KioskWindow *self)
{
  g_clear_handle_id (&self->countdown_id, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->idle_scrim), FALSE);
}

static gboolean
countdown_tick_cb (gpointer data)
{
  KioskWindow *self = data;

  if (--self->countdown_left > 0)
    {
      kiosk_window_update_countdown (self);
      return G_SOURCE_CONTINUE;
    }

  self->countdown_id = 0;
  kiosk_window_reset (self);

  return G_SOURCE_REMOVE;
}

/* The warning stays at least 20 seconds by default, as WCAG 2.2.1 asks of a time limit. */
static void
kiosk_window_start_countdown (KioskWindow *self)
{
  self->countdown_left = self->countdown_seconds;
  kiosk_window_update_countdown (self);
  gtk_widget_set_visible (GTK_WIDGET (self->idle_scrim), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->still_here_button));

  g_clear_handle_id (&self->countdown_id, g_source_remove);
  self->countdown_id = g_timeout_add_seconds (1, countdown_tick_cb, self);
  g_source_set_name_by_id (self->countdown_id, "[kiosk] idle countdown");
}

static void
idle_cb (KioskWindow *self)
{
  /* The dimmed start screen is already the state the next visitor should find. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->wake_button)))
    return;

  kiosk_window_start_countdown (self);
}

/* Any touch or key while the warning shows means someone is there. */
static void
activity_cb (KioskWindow *self)
{
  if (self->countdown_id != 0)
    kiosk_window_stop_countdown (self);
}

static void
idle_scrim_pressed_cb (KioskWindow *self)
{
  kiosk_window_stop_countdown (self);
}

static void
still_here_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  kiosk_window_stop_countdown (KIOSK_WINDOW (widget));
}

/* The waiting screen's loop ended: the start screen dims, and no timer runs any more. */
static void
attract_finished_cb (KioskWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->attract_view), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->wake_button), "kiosk-wake-attract");
}

/* After a reset, the start screen teaches for attract-minutes, in the clinic's language (the
 * reset has just switched to it), before it dims. */
static void
kiosk_window_start_attract (KioskWindow *self)
{
  guint minutes = g_settings_get_uint (self->settings, "attract-minutes");
  KioskAttract *attract = kiosk_content_pack_get_attract (self->content);

  kiosk_attract_view_set_attract (self->attract_view, attract);
  if (minutes == 0 || attract == NULL)
    {
      attract_finished_cb (self);
      return;
    }

  gtk_widget_add_css_class (GTK_WIDGET (self->wake_button), "kiosk-wake-attract");
  gtk_widget_set_visible (GTK_WIDGET (self->attract_view), TRUE);
  kiosk_attract_view_start (self->attract_view, minutes * 60);
}

static void
wake_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KioskWindow *self = KIOSK_WINDOW (widget);

  kiosk_attract_view_stop (self->attract_view);
  gtk_widget_set_visible (GTK_WIDGET (self->wake_button), FALSE);
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  kiosk_window_reset (KIOSK_WINDOW (widget));
}

/* Every other toplevel goes, not only the dialogs transient for the kiosk: a file chooser's
 * fallback dialog, the GTK Inspector or any window a library opened by itself would otherwise
 * wait, with the keyboard focus, for the next visitor. */
static void
kiosk_window_close_other_windows (KioskWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != GTK_WINDOW (self))
        g_ptr_array_add (others, g_steal_pointer (&window));
    }

  for (guint i = 0; i < others->len; i++)
    gtk_window_destroy (g_ptr_array_index (others, i));
}

/* A menu or chooser popover belongs to a widget, not to the list of windows: it stays open
 * while its page is hidden and shows again with it. */
static void
close_popovers_under (GtkWidget *widget)
{
  if (GTK_IS_POPOVER (widget) && gtk_widget_get_visible (widget))
    gtk_popover_popdown (GTK_POPOVER (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    close_popovers_under (child);
}

static void
kiosk_window_clear_clipboards (KioskWindow *self)
{
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL);
  gdk_clipboard_set_content (gtk_widget_get_primary_clipboard (GTK_WIDGET (self)), NULL);
}

/**
 * kiosk_window_reset:
 *
 * Leaves nothing of the current visitor: every page clears its state, every other window
 * (dialogs, file choosers, the GTK Inspector) and every popover closes, the clipboard empties,
 * language, text size and contrast return to the clinic's defaults, and the dimmed start screen
 * shows, which the next visitor's first touch only wakes.
 */
void
kiosk_window_reset (KioskWindow *self)
{
  KioskApplication *app;

  g_return_if_fail (KIOSK_IS_WINDOW (self));

  app = _kiosk_window_get_kiosk_application (self);

  kiosk_window_stop_countdown (self);
  kiosk_listen_button_stop_all ();
  kiosk_window_close_other_windows (self);
  close_popovers_under (GTK_WIDGET (self));
  kiosk_window_clear_clipboards (self);
  /* A page not built yet has nothing to clear. */
  if (self->callback_page != NULL)
    kiosk_callback_page_reset (self->callback_page);
  if (self->thanks_page != NULL)
    kiosk_thanks_page_reset (self->thanks_page);
  if (self->staff_page != NULL)
    kiosk_staff_page_lock (self->staff_page);

  kiosk_window_set_text_size (self, KIOSK_TEXT_SIZE_NORMAL);
  kiosk_window_set_high_contrast (self, FALSE);
  kiosk_window_set_language (self, kiosk_application_get_default_language (app));
  _kiosk_window_go_home (self);

  gtk_widget_set_visible (GTK_WIDGET (self->wake_button), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->wake_button));
  kiosk_window_start_attract (self);
}

/**
 * kiosk_window_set_idle_timing:
 * @idle_ms: how long without input before the warning, in milliseconds
 * @countdown_seconds: how long the warning counts down
 *
 * Overrides the `idle-timeout` setting and the 20-second countdown; tests use it to run in
 * seconds rather than minutes.
 */
void
kiosk_window_set_idle_timing (KioskWindow *self,
                              guint        idle_ms,
                              guint        countdown_seconds)
{
  g_return_if_fail (KIOSK_IS_WINDOW (self));
  g_return_if_fail (idle_ms > 0 && countdown_seconds > 0);

  kiosk_idle_monitor_set_timeout (self->idle_monitor, idle_ms);
  self->countdown_seconds = countdown_seconds;
}

/**
 * kiosk_window_get_idle_monitor:
 *
 * Returns: (transfer none): the window's idle monitor
 */
KioskIdleMonitor *
kiosk_window_get_idle_monitor (KioskWindow *self)
{
  g_return_val_if_fail (KIOSK_IS_WINDOW (self), NULL);

  return self->idle_monitor;
}

static void
idle_timeout_changed_cb (KioskWindow *self)
{
  guint seconds = g_settings_get_uint (self->settings, "idle-timeout");

  kiosk_idle_monitor_set_timeout (self->idle_monitor, seconds * 1000);
}

/* Keys that would leave the kiosk, close it, open a menu or the GTK inspector. */
static gboolean
is_escape_shortcut (guint           keyval,
                    GdkModifierType state)
{
  state &= gtk_accelerator_get_default_mod_mask ();
  keyval = gdk_keyval_to_lower (keyval);

  if (keyval == GDK_KEY_F10)
    return TRUE;
  if (keyval == GDK_KEY_F4 && (state & GDK_ALT_MASK) != 0)
    return TRUE;
  if ((keyval == GDK_KEY_q || keyval == GDK_KEY_w) && state == GDK_CONTROL_MASK)
    return TRUE;

  return (keyval == GDK_KEY_i || keyval == GDK_KEY_d) &&
         state == (GDK_CONTROL_MASK | GDK_SHIFT_MASK);
}

static gboolean
lockdown_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         gpointer               data)
{
  return is_escape_shortcut (keyval, state) ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
}

#define KEY_FILTER_DATA "kiosk-key-filter"

/* In the capture phase the window sees a key before any widget in it, and before the window's
 * own shortcuts such as GTK's Inspector keybinding. */
static void
filter_escape_keys (GtkWindow *window)
{
  GtkEventController *keys;

  if (g_object_get_data (G_OBJECT (window), KEY_FILTER_DATA) != NULL)
    return;

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_static_name (keys, "kiosk-escape-filter");
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (lockdown_key_pressed_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (window), keys);
  g_object_set_data (G_OBJECT (window), KEY_FILTER_DATA, keys);
}

static gboolean
kiosk_window_staff_signed_in (KioskWindow *self)
{
  return self->staff_page != NULL && kiosk_staff_page_get_unlocked (self->staff_page);
}

static gboolean
close_stray_windows_cb (gpointer data)
{
  KioskWindow *self = data;

  self->stray_windows_id = 0;
  if (!kiosk_window_staff_signed_in (self))
    kiosk_window_close_other_windows (self);

  return G_SOURCE_REMOVE;
}

/* While no staff member is signed in, the kiosk's window is the only one there may be. A window
 * that appears anyway (the error GTK's file chooser shows when it is closed while loading a
 * folder, the Inspector by whatever way in) is closed as soon as it has been built. */
static void
toplevels_changed_cb (GListModel  *toplevels,
                      guint        position,
                      guint        removed,
                      guint        added,
                      KioskWindow *self)
{
  /* The window is being disposed: nothing left to watch with. */
  if (self->idle_monitor == NULL)
    return;

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      filter_escape_keys (window);
      /* Staff touching the file chooser are still there. */
      if (window != GTK_WINDOW (self))
        {
          kiosk_idle_monitor_watch (self->idle_monitor, GTK_WIDGET (window));
          if (self->staff_page != NULL)
            kiosk_staff_page_watch_window (self->staff_page, window);
        }
    }

  if (added > 0 && self->stray_windows_id == 0 && !kiosk_window_staff_signed_in (self))
    self->stray_windows_id = g_idle_add_full (G_PRIORITY_HIGH, close_stray_windows_cb, self, NULL);
}

/* Every window of the process gets the same filter the moment it exists: the kiosk's own
 * dialogs, and the ones GTK makes in-process, such as GtkFileChooserNative's fallback dialog.
 * Outside the staff area, none of them may stay. */
static void
kiosk_window_filter_every_window (KioskWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  toplevels_changed_cb (toplevels, 0, 0, g_list_model_get_n_items (toplevels), self);
  g_signal_connect_object (toplevels, "items-changed", G_CALLBACK (toplevels_changed_cb), self, 0);
}

/* The pointer is hidden while fingers are used, and comes back for a mouse. */
static gboolean
lockdown_pointer_event_cb (GtkEventControllerLegacy *controller,
                           GdkEvent                 *event,
                           KioskWindow              *self)
{
  GdkEventType type = gdk_event_get_event_type (event);
  GdkDevice *device = gdk_event_get_device (event);

  if (type == GDK_TOUCH_BEGIN)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "none");
  else if (type == GDK_MOTION_NOTIFY && device != NULL &&
           gdk_device_get_source (device) == GDK_SOURCE_MOUSE)
    gtk_widget_set_cursor (GTK_WIDGET (self), NULL);

  return GDK_EVENT_PROPAGATE;
}

static gboolean
refuse_close_cb (GtkWindow *window)
{
  g_debug ("Close request refused in kiosk mode");

  return TRUE;
}

static void
kiosk_window_lock_down (KioskWindow *self)
{
  GtkEventController *pointer = gtk_event_controller_legacy_new ();

  gtk_widget_add_css_class (GTK_WIDGET (self), "kiosk-mode");
  gtk_widget_set_visible (GTK_WIDGET (self->window_controls), FALSE);
  gtk_window_set_deletable (GTK_WINDOW (self), FALSE);
  gtk_window_fullscreen (GTK_WINDOW (self));
  g_signal_connect (self, "close-request", G_CALLBACK (refuse_close_cb), NULL);

  kiosk_window_filter_every_window (self);

  gtk_event_controller_set_propagation_phase (pointer, GTK_PHASE_CAPTURE);
  g_signal_connect_object (pointer, "event", G_CALLBACK (lockdown_pointer_event_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), pointer);

  self->inhibit_pending = TRUE;
}

/**
 * _kiosk_window_keep_screen_on:
 *
 * In kiosk mode, asks the session not to blank the screen: a kiosk screen that blanks looks
 * broken. It is a synchronous D-Bus call to the session manager, so it waits until the first
 * frame is on screen; without a session bus it quietly does nothing.
 *
 * Returns: %TRUE when this call asked, %FALSE when there was nothing (left) to ask
 */
gboolean
_kiosk_window_keep_screen_on (KioskWindow *self)
{
  KioskApplication *app = _kiosk_window_get_kiosk_application (self);

  if (!self->inhibit_pending)
    return FALSE;

  self->inhibit_pending = FALSE;
  self->inhibit_cookie = gtk_application_inhibit (GTK_APPLICATION (app), GTK_WINDOW (self),
                                                  GTK_APPLICATION_INHIBIT_IDLE,
                                                  _("Patient information is on screen"));

  return TRUE;
}

void
_kiosk_window_setup_visitor (KioskWindow *self)
{
  KioskApplication *app = _kiosk_window_get_kiosk_application (self);
  guint idle_ms;

  self->countdown_seconds = KIOSK_IDLE_COUNTDOWN_SECONDS;
  idle_ms = g_settings_get_uint (self->settings, "idle-timeout") * 1000;
  self->idle_monitor = kiosk_idle_monitor_new (GTK_WIDGET (self), idle_ms);
  g_signal_connect_object (self->idle_monitor, "idle", G_CALLBACK (idle_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->idle_monitor, "activity", G_CALLBACK (activity_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::idle-timeout",
                           G_CALLBACK (idle_timeout_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->attract_view, "finished", G_CALLBACK (attract_finished_cb),
                           self, G_CONNECT_SWAPPED);

  if (kiosk_application_get_kiosk_mode (app))
    kiosk_window_lock_down (self);
}

void
_kiosk_window_retranslate_visitor (KioskWindow *self)
{
  gtk_label_set_label (self->idle_title, _("Are you still there?"));
  gtk_button_set_label (self->still_here_button, _("I’m still here"));
  gtk_label_set_label (self->wake_label, _("Touch the screen to start"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->wake_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Touch the screen to start"),
                                  -1);
  if (self->countdown_id != 0)
    kiosk_window_update_countdown (self);
}

void
_kiosk_window_dispose_visitor (KioskWindow *self)
{
  g_clear_handle_id (&self->countdown_id, g_source_remove);
  g_clear_handle_id (&self->stray_windows_id, g_source_remove);
  g_clear_object (&self->idle_monitor);

  if (self->inhibit_cookie != 0)
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      if (app != NULL)
        gtk_application_uninhibit (app, self->inhibit_cookie);
      self->inhibit_cookie = 0;
    }
}

void
_kiosk_window_visitor_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, idle_scrim_pressed_cb);

  gtk_widget_class_install_action (widget_class, "kiosk.still-here", NULL, still_here_action);
  gtk_widget_class_install_action (widget_class, "kiosk.wake", NULL, wake_action);
  gtk_widget_class_install_action (widget_class, "kiosk.reset", NULL, reset_action);
}
