/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The store's own bookkeeping: the audit trail (what staff did and how many rows it touched),
 * the anonymous daily usage counts, and the meta table (the time of the last export). None of
 * these tables ever holds a name or a phone number: events and items are short identifiers.
 */

#include "config.h"

#include "kiosk-store-private.h"

void
kiosk_usage_count_free (KioskUsageCount *usage)
{
  if (usage == NULL)
    return;

  g_free (usage->day);
  g_free (usage->item);
  g_free (usage);
}

/* Called with the lock held, usually inside the caller's transaction. */
gboolean
_kiosk_store_insert_audit (KioskStore  *self,
                           const char  *event,
                           gint64       count,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  stmt = _kiosk_store_prepare (self,
                               "INSERT INTO audit (at_utc, event, count) VALUES (?1, ?2, ?3)",
                               error);
  if (stmt == NULL)
    return FALSE;

  _kiosk_store_bind_time (stmt, 1, now);
  sqlite3_bind_text (stmt, 2, event, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, count);

  return _kiosk_store_step_done (self, stmt, "Could not write the audit trail", error);
}

/* Called with the lock held, usually inside the caller's transaction. */
gboolean
_kiosk_store_set_meta_time (KioskStore  *self,
                            const char  *key,
                            GDateTime   *time,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _kiosk_store_prepare (self,
                               "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  _kiosk_store_bind_time (stmt, 2, time);

  return _kiosk_store_step_done (self, stmt, "Could not write to the meta table", error);
}

/**
 * kiosk_store_audit:
 * @event: what happened, a short identifier such as "unlock" (letters, digits, '-', '_')
 * @count: how many requests it concerned, or 0
 *
 * Adds a row to the audit trail, with the current time.
 */
gboolean
kiosk_store_audit (KioskStore  *self,
                   const char  *event,
                   gint64       count,
                   GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (KIOSK_IS_STORE (self), FALSE);
  g_return_val_if_fail (_kiosk_store_is_valid_key (event), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = _kiosk_store_lock (self);

  return _kiosk_store_insert_audit (self, event, count, error);
}

/**
 * kiosk_store_get_last_export:
 *
 * Returns: (transfer full) (nullable): when requests were last marked exported, or %NULL
 *   (without an error) if they never were
 */
GDateTime *
kiosk_store_get_last_export (KioskStore  *self,
                             GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GDateTime *last;
  int rc;

  g_return_val_if_fail (KIOSK_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = _kiosk_store_lock (self);
  stmt = _kiosk_store_prepare (self, "SELECT value FROM meta WHERE key = 'last_export'", error);
  if (stmt == NULL)
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      _kiosk_store_set_error (error, self->db, rc, "Could not read the last export time");
      return NULL;
    }

  /* NULL without an error means "never"; a value that is not a time must not look like that. */
  if ((last = _kiosk_store_column_time (stmt, 0)) == NULL)
    g_set_error_literal (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_FAILED,
                         "The time of the last export in the database is not valid");

  return last;
}

/**
 * kiosk_store_record_usage:
 * @item: a topic id, or "form" (letters, digits, '-', '_')
 *
 * Counts one use of @item today (the UTC day). Only counts are kept, never who or when exactly.
 */
gboolean
kiosk_store_record_usage (KioskStore  *self,
                          const char  *item,
                          GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");

  g_return_val_if_fail (KIOSK_IS_STORE (self), FALSE);
  g_return_val_if_fail (_kiosk_store_is_valid_key (item), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = _kiosk_store_lock (self);
  stmt = _kiosk_store_prepare (self,
                               "INSERT INTO usage (day, item, count) VALUES (?1, ?2, 1) "
                               "ON CONFLICT (day, item) DO UPDATE SET count = count + 1",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, item, -1, SQLITE_TRANSIENT);

  return _kiosk_store_step_done (self, stmt, "Could not count the usage", error);
}

static gpointer
usage_from_row (sqlite3_stmt *stmt)
{
  KioskUsageCount *usage = g_new0 (KioskUsageCount, 1);

  usage->day = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  usage->item = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
  usage->count = sqlite3_column_int64 (stmt, 2);

  return usage;
}

static gpointer
audit_entry_from_row (sqlite3_stmt *stmt)
{
  KioskAuditEntry *entry = g_new0 (KioskAuditEntry, 1);

  entry->at = _kiosk_store_column_time (stmt, 0);
  if (entry->at == NULL)
    entry->at = g_date_time_new_from_unix_utc (0);
  entry->event = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
  entry->count = sqlite3_column_int64 (stmt, 2);

  return entry;
}

/* Runs @sql (with ?1 bound to @limit when it has a parameter) under the lock and turns each row
 * into an element with @from_row. */
GPtrArray *
_kiosk_store_collect_rows (KioskStore           *self,
                           const char           *sql,
                           gint64                limit,
                           KioskStoreRowFunc     from_row,
                           GDestroyNotify        free_func,
                           const char           *what,
                           GError              **error)
{
  g_autoptr(GMutexLocker) locker = _kiosk_store_lock (self);
  g_autoptr(sqlite3_stmt) stmt = _kiosk_store_prepare (self, sql, error);
  g_autoptr(GPtrArray) rows = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, limit);

  rows = g_ptr_array_new_with_free_func (free_func);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      _kiosk_store_set_error (error, self->db, rc, what);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/**
 * kiosk_store_list_usage:
 *
 * Returns: (transfer full) (element-type KioskUsageCount): the usage counts, by day then item,
 *   or %NULL with @error set
 */
GPtrArray *
kiosk_store_list_usage (KioskStore  *self,
                        GError     **error)
{
  g_return_val_if_fail (KIOSK_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _kiosk_store_collect_rows (self, "SELECT day, item, count FROM usage ORDER BY day, item",
                                    0, usage_from_row, (GDestroyNotify)kiosk_usage_count_free,
                                    "Could not read the usage counts", error);
}

void
kiosk_audit_entry_free (KioskAuditEntry *entry)
{
  if (entry == NULL)
    return;

  g_clear_pointer (&entry->at, g_date_time_unref);
  g_free (entry->event);
  g_free (entry);
}

/**
 * kiosk_store_list_audit:
 * @limit: at most this many rows, the newest
 *
 * Returns: (transfer full) (element-type KioskAuditEntry): the newest audit rows first, or %NULL
 *   with @error set
 */
GPtrArray *
kiosk_store_list_audit (KioskStore  *self,
                        guint        limit,
                        GError     **error)
{
  g_return_val_if_fail (KIOSK_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _kiosk_store_collect_rows (self,
                                    "SELECT at_utc, event, count FROM audit ORDER BY id DESC "
                                    "LIMIT ?1",
                                    limit, audit_entry_from_row,
                                    (GDestroyNotify)kiosk_audit_entry_free,
                                    "Could not read the audit trail", error);
}
