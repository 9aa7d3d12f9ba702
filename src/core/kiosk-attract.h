/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kiosk-document.h"

G_BEGIN_DECLS

/* Limits that keep a card readable on the waiting screen from a few metres away. */
#define KIOSK_ATTRACT_MAX_CARDS      12
#define KIOSK_ATTRACT_MAX_TEXT_CHARS 320

#define KIOSK_TYPE_ATTRACT (kiosk_attract_get_type ())

G_DECLARE_FINAL_TYPE (KioskAttract, kiosk_attract, KIOSK, ATTRACT, GObject)

KioskAttract *kiosk_attract_new_from_document (KioskDocument  *document,
                                               guint           seconds,
                                               GError        **error);
guint         kiosk_attract_get_n_cards       (KioskAttract   *self);
const char   *kiosk_attract_get_card_title    (KioskAttract   *self,
                                               guint           index);
const char   *kiosk_attract_get_card_text     (KioskAttract   *self,
                                               guint           index);
guint         kiosk_attract_get_seconds       (KioskAttract   *self);

G_END_DECLS
