/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kiosk-content-pack.h"
#include "kiosk-store.h"

G_BEGIN_DECLS

#define KIOSK_STAFF_LOCK_SECONDS 60

#define KIOSK_TYPE_STAFF_PAGE (kiosk_staff_page_get_type ())

G_DECLARE_FINAL_TYPE (KioskStaffPage, kiosk_staff_page, KIOSK, STAFF_PAGE, GtkWidget)

GtkWidget  *kiosk_staff_page_new              (KioskContentPack *content,
                                               KioskStore       *store,
                                               const char       *data_dir);
gboolean    kiosk_staff_page_get_unlocked     (KioskStaffPage   *self);
void        kiosk_staff_page_lock             (KioskStaffPage   *self);
void        kiosk_staff_page_set_lock_timeout (KioskStaffPage   *self,
                                               guint             milliseconds);
void        kiosk_staff_page_watch_window     (KioskStaffPage   *self,
                                               GtkWindow        *window);
void        kiosk_staff_page_export_to_path   (KioskStaffPage   *self,
                                               const char       *path,
                                               gboolean          all);
void        kiosk_staff_page_purge            (KioskStaffPage   *self);
const char *kiosk_staff_page_get_status       (KioskStaffPage   *self);

G_END_DECLS
