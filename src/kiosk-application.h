/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kiosk-queue.h"
#include "kiosk-store.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_APPLICATION (kiosk_application_get_type ())

G_DECLARE_FINAL_TYPE (KioskApplication, kiosk_application, KIOSK, APPLICATION, AdwApplication)

KioskApplication  *kiosk_application_new                    (const char        *application_id,
                                                            GApplicationFlags  flags);
GSettings         *kiosk_application_get_settings           (KioskApplication  *self);
gboolean           kiosk_application_get_kiosk_mode         (KioskApplication  *self);
const char        *kiosk_application_get_content_dir        (KioskApplication  *self);
const char        *kiosk_application_get_data_dir           (KioskApplication  *self);
const char * const *kiosk_application_get_languages         (KioskApplication  *self);
const char        *kiosk_application_get_default_language   (KioskApplication  *self);
KioskStore        *kiosk_application_get_store              (KioskApplication  *self);
const GError      *kiosk_application_get_store_error        (KioskApplication  *self);
KioskApplication  *kiosk_application_get_for_widget         (GtkWidget         *widget);
gboolean           kiosk_application_ensure_store           (KioskApplication  *self);
gboolean           kiosk_application_retry_store            (KioskApplication  *self);
char              *kiosk_application_get_queue_connection   (KioskApplication  *self);
KioskQueue        *kiosk_application_get_queue              (KioskApplication  *self);

G_END_DECLS
