/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The outbox of the shared reception queue (issue 12). Each request has a UUID from the moment it
 * is saved; `sent_utc` is set once the queue server committed it, and `erased_utc` once its name
 * and phone were overwritten here (secure_delete, then a TRUNCATE checkpoint, so no copy stays in
 * the database file or its WAL). What the staff area counts (time, status, topic) is kept.
 */

#include "config.h"

#include "kiosk-store-private.h"
#include "kiosk-store-queue.h"

void
kiosk_outbox_item_free (KioskOutboxItem *item)
{
  if (item == NULL)
    return;

  g_free (item->uuid);
  g_free (item->created_utc);
  g_free (item->name);
  g_free (item->phone);
  g_free (item->call_time);
  g_free (item->topic);
  g_free (item->consent_version);
  g_free (item);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *)sqlite3_column_text (stmt, column));
}

static gpointer
outbox_item_from_row (sqlite3_stmt *stmt)
{
  KioskOutboxItem *item = g_new0 (KioskOutboxItem, 1);

  item->id = sqlite3_column_int64 (stmt, 0);
  item->uuid = dup_column (stmt, 1);
  item->created_utc = dup_column (stmt, 2);
  item->name = dup_column (stmt, 3);
  item->phone = dup_column (stmt, 4);
  item->call_time = dup_column (stmt, 5);
  item->topic = dup_column (stmt, 6);
  item->consent_version = dup_column (stmt, 7);

  return item;
}

/**
 * kiosk_store_read_outbox:
 * @max_items: at most this many, oldest first
 *
 * Returns: (transfer full) (element-type KioskOutboxItem): the requests not sent yet, or %NULL
 *   with @error set
 */
GPtrArray *
kiosk_store_read_outbox (KioskStore  *self,
                         guint        max_items,
                         GError     **error)
{
  g_return_val_if_fail (KIOSK_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _kiosk_store_collect_rows (self,
                                    "SELECT id, uuid, created_utc, name, phone, call_time, topic, "
                                    "       consent_version "
                                    "FROM requests WHERE sent_utc IS NULL ORDER BY id LIMIT ?1",
                                    max_items, outbox_item_from_row,
                                    (GDestroyNotify)kiosk_outbox_item_free,
                                    "Could not read the outbox", error);
}

typedef struct
{
  GPtrArray *items;
  GDateTime *now;
} SentData;

static gint64
mark_sent_in_transaction (KioskStore  *self,
                          gpointer     data,
                          GError     **error)
{
  SentData *sent = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 changed = 0;

  stmt = _kiosk_store_prepare (self,
                               "UPDATE requests SET sent_utc = ?1 "
                               "WHERE id = ?2 AND uuid = ?3 AND sent_utc IS NULL",
                               error);
  if (stmt == NULL)
    return -1;

  _kiosk_store_bind_time (stmt, 1, sent->now);
  for (guint i = 0; i < sent->items->len; i++)
    {
      KioskOutboxItem *item = g_ptr_array_index (sent->items, i);

      sqlite3_bind_int64 (stmt, 2, item->id);
      sqlite3_bind_text (stmt, 3, item->uuid, -1, SQLITE_STATIC);
      if (!_kiosk_store_step_done (self, stmt, "Could not mark a request as sent", error))
        return -1;
      changed += sqlite3_changes (self->db);
      sqlite3_reset (stmt);
    }

  return _kiosk_store_insert_audit (self, "queue-sent", changed, error) ? changed : -1;
}

/**
 * kiosk_store_mark_sent:
 * @items: (element-type KioskOutboxItem): requests the queue server committed
 * @now: the time to record
 *
 * Returns: how many were marked, or -1 with @error set
 */
gint64
kiosk_store_mark_sent (KioskStore  *self,
                       GPtrArray   *items,
                       GDateTime   *now,
                       GError     **error)
{
  SentData sent = { items, now };

  g_return_val_if_fail (KIOSK_IS_STORE (self), -1);
  g_return_val_if_fail (items != NULL, -1);
  g_return_val_if_fail (now != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  return _kiosk_store_transaction (self, mark_sent_in_transaction, &sent, error);
}

static gint64
erase_in_transaction (KioskStore  *self,
                      gpointer     data,
                      GError     **error)
{
  GDateTime *sent_before = data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 erased;

  stmt = _kiosk_store_prepare (self,
                               "UPDATE requests SET name = NULL, phone = NULL, erased_utc = ?1 "
                               "WHERE erased_utc IS NULL AND sent_utc IS NOT NULL "
                               "  AND sent_utc <= ?2",
                               error);
  if (stmt == NULL)
    return -1;

  _kiosk_store_bind_time (stmt, 1, now);
  _kiosk_store_bind_time (stmt, 2, sent_before);
  if (!_kiosk_store_step_done (self, stmt, "Could not erase the sent requests", error))
    return -1;

  erased = sqlite3_changes (self->db);
  if (erased == 0)
    return 0;

  return _kiosk_store_insert_audit (self, "queue-erase", erased, error) ? erased : -1;
}

/**
 * kiosk_store_erase_sent:
 * @sent_before: erase requests sent at or before this time
 *
 * Overwrites the name and phone of every request the queue server confirmed at or before
 * @sent_before, then checkpoints and truncates the WAL, so neither stays in any file of the data
 * folder (secure_delete zeroes the old cells).
 *
 * Returns: how many were erased, or -1 with @error set
 */
gint64
kiosk_store_erase_sent (KioskStore  *self,
                        GDateTime   *sent_before,
                        GError     **error)
{
  gint64 erased;

  g_return_val_if_fail (KIOSK_IS_STORE (self), -1);
  g_return_val_if_fail (sent_before != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  erased = _kiosk_store_transaction (self, erase_in_transaction, sent_before, error);
  if (erased > 0)
    _kiosk_store_checkpoint (self);

  return erased;
}

/**
 * kiosk_store_get_outbox_state:
 * @unsent: (out) (optional): how many requests wait to be sent
 * @oldest_unerased: (out) (optional) (transfer full): when the oldest sent request whose name is
 *   still here was sent, or %NULL
 * @last_sent: (out) (optional) (transfer full): when a request was last sent, or %NULL
 */
gboolean
kiosk_store_get_outbox_state (KioskStore  *self,
                              gint64      *unsent,
                              GDateTime  **oldest_unerased,
                              GDateTime  **last_sent,
                              GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KIOSK_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = _kiosk_store_lock (self);
  stmt = _kiosk_store_prepare (self,
                               "SELECT (SELECT count(*) FROM requests WHERE sent_utc IS NULL),"
                               "  (SELECT min (sent_utc) FROM requests "
                               "   WHERE erased_utc IS NULL AND sent_utc IS NOT NULL),"
                               "  (SELECT max (sent_utc) FROM requests)",
                               error);
  if (stmt == NULL)
    return FALSE;

  if (!_kiosk_store_step_row (self, stmt, "Could not read the outbox", error))
    return FALSE;

  if (unsent != NULL)
    *unsent = sqlite3_column_int64 (stmt, 0);
  if (oldest_unerased != NULL)
    *oldest_unerased = _kiosk_store_column_time (stmt, 1);
  if (last_sent != NULL)
    *last_sent = _kiosk_store_column_time (stmt, 2);

  return TRUE;
}
