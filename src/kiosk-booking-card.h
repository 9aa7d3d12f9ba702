/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KIOSK_TYPE_BOOKING_CARD (kiosk_booking_card_get_type ())

G_DECLARE_FINAL_TYPE (KioskBookingCard, kiosk_booking_card, KIOSK, BOOKING_CARD, GtkWidget)

GtkWidget *kiosk_booking_card_new          (void);
void       kiosk_booking_card_set_settings (KioskBookingCard *self,
                                            GSettings        *settings,
                                            const char       *language);

G_END_DECLS
