/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Notices when nobody has touched the kiosk for a while. Input only records the time; one
 * timer, armed by input and re-armed for the remainder when it fires early, says "idle" once.
 * After that no timer runs until the next touch, so an idle kiosk never wakes up.
 */

#include "config.h"

#include "kiosk-idle-monitor.h"

struct _KioskIdleMonitor
{
  GObject    parent_instance;

  GtkWidget *widget;       /* weak */
  GtkEventController *controller;
  gint64     last_activity;
  guint      timeout_ms;
  guint      timer_id;
};

G_DEFINE_FINAL_TYPE (KioskIdleMonitor, kiosk_idle_monitor, G_TYPE_OBJECT)

enum {
  ACTIVITY,
  IDLE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean timer_cb (gpointer data);

static void
kiosk_idle_monitor_arm (KioskIdleMonitor *self,
                        guint             delay_ms)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->timer_id = g_timeout_add_full (G_PRIORITY_DEFAULT, MAX (delay_ms, 1), timer_cb, self, NULL);
  g_source_set_name_by_id (self->timer_id, "[kiosk] idle timer");
}

static gboolean
timer_cb (gpointer data)
{
  KioskIdleMonitor *self = data;
  gint64 idle_ms = (g_get_monotonic_time () - self->last_activity) / G_TIME_SPAN_MILLISECOND;

  self->timer_id = 0;

  if (idle_ms < self->timeout_ms)
    kiosk_idle_monitor_arm (self, self->timeout_ms - idle_ms);
  else
    g_signal_emit (self, signals[IDLE], 0);

  return G_SOURCE_REMOVE;
}

/* Taps, drags, keys and scrolls count; a mouse merely resting or hovering does not. */
static gboolean
is_user_input (GdkEvent *event)
{
  switch ((int)gdk_event_get_event_type (event))
    {
    case GDK_BUTTON_PRESS:
    case GDK_BUTTON_RELEASE:
    case GDK_KEY_PRESS:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCH_UPDATE:
    case GDK_TOUCH_END:
    case GDK_TOUCHPAD_SWIPE:
    case GDK_TOUCHPAD_PINCH:
      return TRUE;
    case GDK_MOTION_NOTIFY:
      return (gdk_event_get_modifier_state (event) & GDK_BUTTON1_MASK) != 0;
    default:
      return FALSE;
    }
}

static gboolean
event_cb (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          KioskIdleMonitor         *self)
{
  if (is_user_input (event))
    kiosk_idle_monitor_poke (self);

  return GDK_EVENT_PROPAGATE;
}

static void
kiosk_idle_monitor_dispose (GObject *object)
{
  KioskIdleMonitor *self = (KioskIdleMonitor *)object;

  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->widget != NULL && self->controller != NULL)
    gtk_widget_remove_controller (self->widget, self->controller);
  self->controller = NULL;
  g_clear_weak_pointer (&self->widget);

  G_OBJECT_CLASS (kiosk_idle_monitor_parent_class)->dispose (object);
}

static void
kiosk_idle_monitor_class_init (KioskIdleMonitorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kiosk_idle_monitor_dispose;

  /**
   * KioskIdleMonitor::activity:
   *
   * Emitted for each input event, before the timer is re-armed.
   */
  signals[ACTIVITY] =
    g_signal_new ("activity", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * KioskIdleMonitor::idle:
   *
   * Emitted once when the timeout passes without input.
   */
  signals[IDLE] =
    g_signal_new ("idle", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kiosk_idle_monitor_init (KioskIdleMonitor *self)
{
}

/**
 * kiosk_idle_monitor_new:
 * @widget: the widget whose input counts, normally the window
 * @timeout_ms: how long without input is idle
 *
 * The monitor starts disarmed: the first input arms it.
 */
KioskIdleMonitor *
kiosk_idle_monitor_new (GtkWidget *widget,
                        guint      timeout_ms)
{
  KioskIdleMonitor *self;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (timeout_ms > 0, NULL);

  self = g_object_new (KIOSK_TYPE_IDLE_MONITOR, NULL);
  self->timeout_ms = timeout_ms;
  g_set_weak_pointer (&self->widget, widget);

  /* The capture phase sees every event before any widget can stop it. */
  self->controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (self->controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (self->controller, "kiosk-idle-monitor");
  g_signal_connect_object (self->controller, "event", G_CALLBACK (event_cb), self, 0);
  gtk_widget_add_controller (widget, self->controller);

  return self;
}

/**
 * kiosk_idle_monitor_watch:
 * @widget: another widget whose input counts, such as a dialog's window
 *
 * Input in @widget counts as well, for as long as both exist.
 */
void
kiosk_idle_monitor_watch (KioskIdleMonitor *self,
                          GtkWidget        *widget)
{
  GtkEventController *controller;

  g_return_if_fail (KIOSK_IS_IDLE_MONITOR (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "kiosk-idle-monitor");
  g_signal_connect_object (controller, "event", G_CALLBACK (event_cb), self, 0);
  gtk_widget_add_controller (widget, controller);
}

guint
kiosk_idle_monitor_get_timeout (KioskIdleMonitor *self)
{
  g_return_val_if_fail (KIOSK_IS_IDLE_MONITOR (self), 0);

  return self->timeout_ms;
}

void
kiosk_idle_monitor_set_timeout (KioskIdleMonitor *self,
                                guint             timeout_ms)
{
  g_return_if_fail (KIOSK_IS_IDLE_MONITOR (self));
  g_return_if_fail (timeout_ms > 0);

  self->timeout_ms = timeout_ms;
  if (self->timer_id != 0)
    kiosk_idle_monitor_arm (self, timeout_ms);
}

/**
 * kiosk_idle_monitor_is_armed:
 *
 * Returns: whether a timer is waiting; %FALSE once idle was reported and nothing was touched
 */
gboolean
kiosk_idle_monitor_is_armed (KioskIdleMonitor *self)
{
  g_return_val_if_fail (KIOSK_IS_IDLE_MONITOR (self), FALSE);

  return self->timer_id != 0;
}

/**
 * kiosk_idle_monitor_poke:
 *
 * Counts as input: the idle period starts again.
 */
void
kiosk_idle_monitor_poke (KioskIdleMonitor *self)
{
  g_return_if_fail (KIOSK_IS_IDLE_MONITOR (self));

  self->last_activity = g_get_monotonic_time ();
  g_signal_emit (self, signals[ACTIVITY], 0);

  if (self->timer_id == 0)
    kiosk_idle_monitor_arm (self, self->timeout_ms);
}
