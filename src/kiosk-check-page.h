/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kiosk-check.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_CHECK_PAGE (kiosk_check_page_get_type ())

G_DECLARE_FINAL_TYPE (KioskCheckPage, kiosk_check_page, KIOSK, CHECK_PAGE, GtkWidget)

GtkWidget  *kiosk_check_page_new          (KioskCheck     *check,
                                           const char     *language);
KioskCheck *kiosk_check_page_get_check    (KioskCheckPage *self);
guint       kiosk_check_page_get_question (KioskCheckPage *self);
gboolean    kiosk_check_page_get_finished (KioskCheckPage *self);
gboolean    kiosk_check_page_go_back      (KioskCheckPage *self);
void        kiosk_check_page_reset        (KioskCheckPage *self);

G_END_DECLS
