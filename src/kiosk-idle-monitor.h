/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KIOSK_TYPE_IDLE_MONITOR (kiosk_idle_monitor_get_type ())

G_DECLARE_FINAL_TYPE (KioskIdleMonitor, kiosk_idle_monitor, KIOSK, IDLE_MONITOR, GObject)

KioskIdleMonitor *kiosk_idle_monitor_new         (GtkWidget        *widget,
                                                  guint             timeout_ms);
void              kiosk_idle_monitor_watch       (KioskIdleMonitor *self,
                                                  GtkWidget        *widget);
guint             kiosk_idle_monitor_get_timeout (KioskIdleMonitor *self);
void              kiosk_idle_monitor_set_timeout (KioskIdleMonitor *self,
                                                  guint             timeout_ms);
gboolean          kiosk_idle_monitor_is_armed    (KioskIdleMonitor *self);
void              kiosk_idle_monitor_poke        (KioskIdleMonitor *self);

G_END_DECLS
