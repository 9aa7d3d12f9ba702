/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kiosk-queue.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_SYNC_STATUS (kiosk_sync_status_get_type ())

G_DECLARE_FINAL_TYPE (KioskSyncStatus, kiosk_sync_status, KIOSK, SYNC_STATUS, GtkWidget)

GtkWidget  *kiosk_sync_status_new        (KioskQueue      *queue);
const char *kiosk_sync_status_get_text   (KioskSyncStatus *self);

G_END_DECLS
