/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kiosk-content-pack.h"
#include "kiosk-request.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_REQUEST_ROW (kiosk_request_row_get_type ())

G_DECLARE_FINAL_TYPE (KioskRequestRow, kiosk_request_row, KIOSK, REQUEST_ROW, GtkListBoxRow)

GtkWidget    *kiosk_request_row_new         (KioskRequest     *request,
                                             KioskContentPack *content);
KioskRequest *kiosk_request_row_get_request (KioskRequestRow  *self);
char         *kiosk_request_row_describe    (KioskRequest     *request,
                                             KioskContentPack *content);
char         *kiosk_request_row_describe_status (KioskRequest *request);
void          kiosk_request_row_set_days_left   (KioskRequestRow *self,
                                                 int              days_left);

G_END_DECLS
