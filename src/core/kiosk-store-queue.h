/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kiosk-store.h"

G_BEGIN_DECLS

/*
 * The store's side of the shared reception queue (issue 12): the outbox of requests the queue
 * server does not have yet, marking them sent once it confirmed them, and erasing their names and
 * phones here afterwards. kiosk-queue.c drives these from its worker thread.
 */

/* One request waiting to be sent, as its text columns (the server parses them itself). */
typedef struct
{
  gint64  id;
  char   *uuid;
  char   *created_utc;      /* "YYYY-MM-DDTHH:MM:SSZ" */
  char   *name;
  char   *phone;
  char   *call_time;
  char   *topic;            /* nullable */
  char   *consent_version;
} KioskOutboxItem;

void       kiosk_outbox_item_free        (KioskOutboxItem  *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskOutboxItem, kiosk_outbox_item_free)

GPtrArray *kiosk_store_read_outbox       (KioskStore       *self,
                                          guint             max_items,
                                          GError          **error);
gint64     kiosk_store_mark_sent         (KioskStore       *self,
                                          GPtrArray        *items,
                                          GDateTime        *now,
                                          GError          **error);
gint64     kiosk_store_erase_sent        (KioskStore       *self,
                                          GDateTime        *sent_before,
                                          GError          **error);
gboolean   kiosk_store_get_outbox_state  (KioskStore       *self,
                                          gint64           *unsent,
                                          GDateTime       **oldest_unerased,
                                          GDateTime       **last_sent,
                                          GError          **error);

G_END_DECLS
