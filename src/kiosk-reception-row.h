/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kiosk-content-pack.h"
#include "kiosk-reception.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_RECEPTION_ROW (kiosk_reception_row_get_type ())

G_DECLARE_FINAL_TYPE (KioskReceptionRow, kiosk_reception_row, KIOSK, RECEPTION_ROW, GtkListBoxRow)

GtkWidget       *kiosk_reception_row_new        (KioskQueueEntry   *entry,
                                                 KioskContentPack  *content);
KioskQueueEntry *kiosk_reception_row_get_entry  (KioskReceptionRow *self);

char            *kiosk_reception_describe_status (KioskQueueEntry  *entry);

G_END_DECLS
