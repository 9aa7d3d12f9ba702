/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kiosk-application.h"
#include "kiosk-content-pack.h"
#include "kiosk-idle-monitor.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_WINDOW (kiosk_window_get_type ())

G_DECLARE_FINAL_TYPE (KioskWindow, kiosk_window, KIOSK, WINDOW, AdwApplicationWindow)

KioskWindow      *kiosk_window_new                   (KioskApplication *application);
const char       *kiosk_window_get_language          (KioskWindow      *self);
void              kiosk_window_set_language          (KioskWindow      *self,
                                                      const char       *language);
KioskContentPack *kiosk_window_get_content           (KioskWindow      *self);
const char       *kiosk_window_get_visible_page_name (KioskWindow      *self);
GtkWidget        *kiosk_window_get_visible_page      (KioskWindow      *self);
GtkWidget        *kiosk_window_get_page              (KioskWindow      *self,
                                                      const char       *name);
guint             kiosk_window_get_text_size         (KioskWindow      *self);
void              kiosk_window_set_text_size         (KioskWindow      *self,
                                                      guint             text_size);
guint             kiosk_window_get_root_font_size    (KioskWindow      *self);
guint             kiosk_window_scale_percent_for_size (int              width,
                                                      int              height);
gboolean          kiosk_window_get_high_contrast     (KioskWindow      *self);
void              kiosk_window_set_high_contrast     (KioskWindow      *self,
                                                      gboolean          high_contrast);
KioskIdleMonitor *kiosk_window_get_idle_monitor      (KioskWindow      *self);
void              kiosk_window_reset                 (KioskWindow      *self);
void              kiosk_window_set_idle_timing       (KioskWindow      *self,
                                                      guint             idle_ms,
                                                      guint             countdown_seconds);

G_END_DECLS
