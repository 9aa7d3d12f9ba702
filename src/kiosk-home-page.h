/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kiosk-content-pack.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_HOME_PAGE (kiosk_home_page_get_type ())

G_DECLARE_FINAL_TYPE (KioskHomePage, kiosk_home_page, KIOSK, HOME_PAGE, GtkWidget)

GtkWidget        *kiosk_home_page_new         (KioskContentPack *content);
KioskContentPack *kiosk_home_page_get_content (KioskHomePage    *self);
GtkWidget        *kiosk_home_page_get_tile    (KioskHomePage    *self,
                                               const char       *action_name,
                                               const char       *target);
gboolean          kiosk_home_page_get_portrait (KioskHomePage   *self);
void              kiosk_home_page_set_portrait (KioskHomePage   *self,
                                                gboolean         portrait);

void              kiosk_home_page_scroll_to_top (KioskHomePage   *self);

G_END_DECLS
