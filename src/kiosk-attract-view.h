/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kiosk-attract.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_ATTRACT_VIEW (kiosk_attract_view_get_type ())

G_DECLARE_FINAL_TYPE (KioskAttractView, kiosk_attract_view, KIOSK, ATTRACT_VIEW, GtkWidget)

GtkWidget *kiosk_attract_view_new         (void);
void       kiosk_attract_view_set_attract (KioskAttractView *self,
                                           KioskAttract     *attract);
void       kiosk_attract_view_start       (KioskAttractView *self,
                                           guint             duration_seconds);
void       kiosk_attract_view_stop        (KioskAttractView *self);
gboolean   kiosk_attract_view_get_running (KioskAttractView *self);
guint      kiosk_attract_view_get_card    (KioskAttractView *self);

G_END_DECLS
