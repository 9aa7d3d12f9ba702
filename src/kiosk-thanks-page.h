/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kiosk-request.h"

G_BEGIN_DECLS

#define KIOSK_THANKS_PAGE_TIMEOUT_SECONDS 20

#define KIOSK_TYPE_THANKS_PAGE (kiosk_thanks_page_get_type ())

G_DECLARE_FINAL_TYPE (KioskThanksPage, kiosk_thanks_page, KIOSK, THANKS_PAGE, GtkWidget)

GtkWidget  *kiosk_thanks_page_new         (void);
void        kiosk_thanks_page_set_request (KioskThanksPage *self,
                                           KioskRequest    *request);
const char *kiosk_thanks_page_get_message (KioskThanksPage *self);
void        kiosk_thanks_page_reset       (KioskThanksPage *self);

void        kiosk_thanks_page_show_booking  (KioskThanksPage *self,
                                             GSettings       *settings,
                                             const char      *language);

G_END_DECLS
