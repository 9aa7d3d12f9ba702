/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kiosk-queue.h"

G_BEGIN_DECLS

/* One request in the shared queue, as reception reads it. */
#define KIOSK_TYPE_QUEUE_ENTRY (kiosk_queue_entry_get_type ())

G_DECLARE_FINAL_TYPE (KioskQueueEntry, kiosk_queue_entry, KIOSK, QUEUE_ENTRY, GObject)

const char *kiosk_queue_entry_get_uuid              (KioskQueueEntry *self);
const char *kiosk_queue_entry_get_kiosk             (KioskQueueEntry *self);
GDateTime  *kiosk_queue_entry_get_created           (KioskQueueEntry *self);
const char *kiosk_queue_entry_get_name              (KioskQueueEntry *self);
const char *kiosk_queue_entry_get_phone             (KioskQueueEntry *self);
const char *kiosk_queue_entry_get_call_time         (KioskQueueEntry *self);
const char *kiosk_queue_entry_get_topic             (KioskQueueEntry *self);
const char *kiosk_queue_entry_get_status            (KioskQueueEntry *self);
const char *kiosk_queue_entry_get_status_changed_by (KioskQueueEntry *self);
GDateTime  *kiosk_queue_entry_get_status_changed_at (KioskQueueEntry *self);


/*
 * KioskReception: the desk app's live view of the shared queue. It connects (in a worker
 * thread, so a slow network never freezes the window), LISTENs on the queue's channel and
 * watches the connection's socket on the main loop: a new or changed request arrives as a
 * NOTIFY and the list is read again at once. No timer runs while connected.
 */
#define KIOSK_TYPE_RECEPTION (kiosk_reception_get_type ())

G_DECLARE_FINAL_TYPE (KioskReception, kiosk_reception, KIOSK, RECEPTION, GObject)

KioskReception *kiosk_reception_new            (const char           *conninfo);
void            kiosk_reception_connect        (KioskReception       *self);
GListModel     *kiosk_reception_get_entries    (KioskReception       *self);
void            kiosk_reception_set_filter     (KioskReception       *self,
                                                const char           *status);
const char     *kiosk_reception_get_filter     (KioskReception       *self);
gboolean        kiosk_reception_is_connected   (KioskReception       *self);
const GError   *kiosk_reception_get_error      (KioskReception       *self);
gboolean        kiosk_reception_set_status     (KioskReception       *self,
                                                const char           *uuid,
                                                const char           *status,
                                                GError              **error);
gboolean        kiosk_reception_export_csv     (KioskReception       *self,
                                                const char           *path,
                                                GError              **error);

G_END_DECLS
