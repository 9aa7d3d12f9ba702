/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The requests table: saving (synchronously, or in a worker thread for the form), reading for
 * the staff area and the export, and the staff operations that change or delete rows. Each
 * operation is one transaction with its audit row, under the store's lock.
 */

#include "config.h"

#include "kiosk-store-private.h"

#define REQUEST_COLUMNS "id, created_utc, name, phone, call_time, topic, consent_version, " \
                        "status, exported_at, called_back_at, no_answer_at"

/* The statuses of requests that still wait for a call. */
#define OPEN_STATUSES "('pending', 'no-answer')"

enum {
  COLUMN_ID,
  COLUMN_CREATED,
  COLUMN_NAME,
  COLUMN_PHONE,
  COLUMN_CALL_TIME,
  COLUMN_TOPIC,
  COLUMN_CONSENT_VERSION,
  COLUMN_STATUS,
  COLUMN_EXPORTED_AT,
  COLUMN_CALLED_BACK_AT,
  COLUMN_NO_ANSWER_AT,
};

/* Reading -------------------------------------------------------------------------------------- */

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

static KioskRequest *
request_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) created = _kiosk_store_column_time (stmt, COLUMN_CREATED);
  g_autoptr(GDateTime) exported_at = _kiosk_store_column_time (stmt, COLUMN_EXPORTED_AT);
  g_autoptr(GDateTime) called_back_at = _kiosk_store_column_time (stmt, COLUMN_CALLED_BACK_AT);
  g_autoptr(GDateTime) no_answer_at = _kiosk_store_column_time (stmt, COLUMN_NO_ANSWER_AT);
  KioskCallTime call_time = KIOSK_CALL_TIME_ANY;
  KioskRequestStatus status = KIOSK_REQUEST_STATUS_PENDING;

  /* The table's CHECK constraints keep these valid; the fallbacks only guard a hand-edited file. */
  kiosk_call_time_from_string (column_text (stmt, COLUMN_CALL_TIME), &call_time);
  kiosk_request_status_from_string (column_text (stmt, COLUMN_STATUS), &status);
  if (created == NULL)
    created = g_date_time_new_from_unix_utc (0);

  return kiosk_request_new_full (sqlite3_column_int64 (stmt, COLUMN_ID),
                                 created,
                                 column_text (stmt, COLUMN_NAME),
                                 column_text (stmt, COLUMN_PHONE),
                                 call_time,
                                 (const char *)sqlite3_column_text (stmt, COLUMN_TOPIC),
                                 column_text (stmt, COLUMN_CONSENT_VERSION),
                                 status,
                                 exported_at,
                                 called_back_at,
                                 no_answer_at);
}

/* Requests the shared queue already has (issue 12) are reception's: the kiosk's staff area and
 * its export no longer list them, and their names are erased here soon after. */
#define UNSENT "AND sent_utc IS NULL"

/* Open requests (see kiosk_request_is_open()) are found through the (status, id) index. */
static sqlite3_stmt *
prepare_select (KioskStore  *self,
                gboolean     include_handled,
                gboolean     newest_first,
                GError     **error)
{
  static const char * const queries[2][2] = {
    {
      "SELECT " REQUEST_COLUMNS " FROM requests WHERE status IN " OPEN_STATUSES " " UNSENT
      "  ORDER BY id",
      "SELECT " REQUEST_COLUMNS " FROM requests WHERE status IN " OPEN_STATUSES " " UNSENT
      "  ORDER BY id DESC",
    },
    {
      "SELECT " REQUEST_COLUMNS " FROM requests WHERE TRUE " UNSENT " ORDER BY id",
      "SELECT " REQUEST_COLUMNS " FROM requests WHERE TRUE " UNSENT " ORDER BY id DESC",
    },
  };

  return _kiosk_store_prepare (self, queries[!!include_handled][!!newest_first], error);
}

/**
 * kiosk_store_get_request:
 *
 * Returns: (transfer full): the request with @id, or %NULL with @error set
 *   (%KIOSK_STORE_ERROR_NOT_FOUND when there is none)
 */
KioskRequest *
kiosk_store_get_request (KioskStore  *self,
                         gint64       id,
                         GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (KIOSK_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = _kiosk_store_lock (self);
  stmt = _kiosk_store_prepare (self, "SELECT " REQUEST_COLUMNS " FROM requests WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return request_from_row (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_NOT_FOUND,
                 "There is no request %" G_GINT64_FORMAT, id);
  else
    _kiosk_store_set_error (error, self->db, rc, "Could not read the request");

  return NULL;
}

/**
 * kiosk_store_list_requests:
 * @include_handled: whether exported and called-back requests are listed too
 *
 * Reads a snapshot of the requests, newest first, for the staff area.
 *
 * Returns: (transfer full): a #GListModel of #KioskRequest, or %NULL with @error set
 */
GListModel *
kiosk_store_list_requests (KioskStore  *self,
                           gboolean     include_handled,
                           GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) list = NULL;
  int rc;

  g_return_val_if_fail (KIOSK_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = _kiosk_store_lock (self);
  if ((stmt = prepare_select (self, include_handled, TRUE, error)) == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, request_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _kiosk_store_set_error (error, self->db, rc, "Could not list the requests");
      return NULL;
    }

  list = g_list_store_new (KIOSK_TYPE_REQUEST);
  g_list_store_splice (list, 0, 0, rows->pdata, rows->len);

  return G_LIST_MODEL (g_steal_pointer (&list));
}

static gboolean
call_foreach_func (KioskStore            *self,
                   sqlite3_stmt          *stmt,
                   KioskStoreRequestFunc  func,
                   gpointer               user_data,
                   GError               **error)
{
  g_autoptr(KioskRequest) request = request_from_row (stmt);
  gboolean go_on;

  g_atomic_pointer_set (&self->foreach_thread, g_thread_self ());
  go_on = func (request, user_data, error);
  g_atomic_pointer_set (&self->foreach_thread, NULL);

  return go_on;
}

/**
 * kiosk_store_foreach_request:
 * @include_handled: whether exported and called-back requests are included
 * @func: (scope call): called for each request, in id order
 * @error: return location for a #KIOSK_STORE_ERROR, or the error @func set
 *
 * Streams the requests one row at a time, so an export of 100,000 rows never holds them all in
 * memory. The rows come from one statement, so they are a consistent snapshot. The store stays
 * locked meanwhile: other calls (a save in a worker thread) wait, and @func must not call into
 * the store.
 *
 * Returns: %TRUE when every row was visited or @func stopped without an error
 */
gboolean
kiosk_store_foreach_request (KioskStore             *self,
                             gboolean                include_handled,
                             KioskStoreRequestFunc   func,
                             gpointer                user_data,
                             GError                **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) func_error = NULL;
  int rc;

  g_return_val_if_fail (KIOSK_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = _kiosk_store_lock (self);
  if ((stmt = prepare_select (self, include_handled, FALSE, error)) == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!call_foreach_func (self, stmt, func, user_data, &func_error))
        {
          if (func_error == NULL)
            return TRUE;
          g_propagate_error (error, g_steal_pointer (&func_error));
          return FALSE;
        }
    }

  if (rc != SQLITE_DONE)
    return _kiosk_store_set_error (error, self->db, rc, "Could not read the requests");

  return TRUE;
}

/**
 * kiosk_store_count_requests:
 * @total: (out) (optional): all requests
 * @pending: (out) (optional): open requests: still waiting for a call (pending or no answer),
 *   and not sent to the shared queue (where reception handles them)
 */
gboolean
kiosk_store_count_requests (KioskStore  *self,
                            gint64      *total,
                            gint64      *pending,
                            GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KIOSK_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = _kiosk_store_lock (self);
  stmt = _kiosk_store_prepare (self,
                               "SELECT count(*), count(*) FILTER (WHERE status IN "
                               OPEN_STATUSES " " UNSENT ") FROM requests",
                               error);
  if (stmt == NULL)
    return FALSE;

  if (!_kiosk_store_step_row (self, stmt, "Could not count the requests", error))
    return FALSE;

  if (total != NULL)
    *total = sqlite3_column_int64 (stmt, 0);
  if (pending != NULL)
    *pending = sqlite3_column_int64 (stmt, 1);

  return TRUE;
}

/* Saving --------------------------------------------------------------------------------------- */

static gint64
insert_request (KioskStore  *self,
                gpointer     data,
                GError     **error)
{
  KioskRequest *request = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _kiosk_store_prepare (self,
                               "INSERT INTO requests (created_utc, name, phone, call_time, topic, "
                               "                      consent_version, uuid) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                               error);
  if (stmt == NULL)
    return -1;

  /* The request's identity in the shared queue (issue 12): a retried send never duplicates. */
  sqlite3_bind_text (stmt, 7, g_uuid_string_random (), -1, g_free);

  _kiosk_store_bind_time (stmt, 1, kiosk_request_get_created (request));
  sqlite3_bind_text (stmt, 2, kiosk_request_get_name (request), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, kiosk_request_get_phone (request), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, kiosk_call_time_to_string (kiosk_request_get_call_time (request)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, kiosk_request_get_topic (request), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, kiosk_request_get_consent_version (request), -1, SQLITE_TRANSIENT);

  if (!_kiosk_store_step_done (self, stmt, "Could not save the request", error))
    return -1;

  return sqlite3_last_insert_rowid (self->db);
}

/* Tells the shared queue, if any, that a request waits; never waits for the network. */
static void
call_save_hook (KioskStore *self)
{
  g_autoptr(GMutexLocker) locker = _kiosk_store_lock (self);

  if (self->save_hook != NULL)
    self->save_hook (NULL, self->save_hook_data);
}

/**
 * kiosk_store_save:
 * @request: a new request, from kiosk_request_new()
 * @error: return location for a #KIOSK_STORE_ERROR
 *
 * Saves @request and returns only after the COMMIT reached the disk (synchronous=FULL). On
 * failure the transaction is rolled back. Blocks; the form uses kiosk_store_save_async().
 *
 * Returns: the new request's id (> 0), or 0 with @error set
 */
gint64
kiosk_store_save (KioskStore    *self,
                  KioskRequest  *request,
                  GError       **error)
{
  gint64 id;

  g_return_val_if_fail (KIOSK_IS_STORE (self), 0);
  g_return_val_if_fail (KIOSK_IS_REQUEST (request), 0);
  g_return_val_if_fail (kiosk_request_get_id (request) == 0, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  id = _kiosk_store_transaction (self, insert_request, request, error);
  if (id > 0)
    call_save_hook (self);

  return MAX (id, 0);
}

void
_kiosk_store_set_save_hook (KioskStore *self,
                            GFunc       hook,
                            gpointer    data)
{
  g_autoptr(GMutexLocker) locker = _kiosk_store_lock (self);

  self->save_hook = hook;
  self->save_hook_data = data;
}

static void
save_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  gint64 id;

  if (g_task_return_error_if_cancelled (task))
    return;

  id = kiosk_store_save (source_object, task_data, &error);
  if (id == 0)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_memdup2 (&id, sizeof id), g_free);
}

/**
 * kiosk_store_save_async:
 * @request: a new request, from kiosk_request_new()
 * @cancellable: (nullable): cancels the save only if it has not started yet
 *
 * Saves @request in a worker thread; @callback runs in the caller's main context after the
 * COMMIT succeeded or failed. A save that started is never abandoned half-way, and its result
 * is reported as it is even if @cancellable is cancelled meanwhile, so the patient is never
 * told "not saved" about a saved request.
 */
void
kiosk_store_save_async (KioskStore          *self,
                        KioskRequest        *request,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KIOSK_IS_STORE (self));
  g_return_if_fail (KIOSK_IS_REQUEST (request));
  g_return_if_fail (kiosk_request_get_id (request) == 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kiosk_store_save_async);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, g_object_ref (request), g_object_unref);
  g_task_run_in_thread (task, save_in_thread);
}

/**
 * kiosk_store_save_finish:
 *
 * Returns: the new request's id (> 0), or 0 with @error set
 */
gint64
kiosk_store_save_finish (KioskStore    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_autofree gint64 *id = NULL;

  g_return_val_if_fail (KIOSK_IS_STORE (self), 0);
  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kiosk_store_save_async, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  id = g_task_propagate_pointer (G_TASK (result), error);

  return id != NULL ? *id : 0;
}

/* Staff operations ----------------------------------------------------------------------------- */

typedef struct
{
  const gint64 *ids;
  gsize         n_ids;
  GDateTime    *now;
} ExportData;

static gint64
mark_exported_in_transaction (KioskStore  *self,
                              gpointer     data,
                              GError     **error)
{
  ExportData *export = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 changed = 0;

  /* A request already called back keeps that status; its export time is still updated. */
  stmt = _kiosk_store_prepare (self,
                               "UPDATE requests SET exported_at = ?1, "
                               "  status = CASE status WHEN 'pending' THEN 'exported' "
                               "           ELSE status END "
                               "WHERE id = ?2",
                               error);
  if (stmt == NULL)
    return -1;

  _kiosk_store_bind_time (stmt, 1, export->now);
  for (gsize i = 0; i < export->n_ids; i++)
    {
      sqlite3_bind_int64 (stmt, 2, export->ids[i]);
      if (!_kiosk_store_step_done (self, stmt, "Could not mark a request as exported", error))
        return -1;
      changed += sqlite3_changes (self->db);
      sqlite3_reset (stmt);
    }

  if (!_kiosk_store_set_meta_time (self, "last_export", export->now, error) ||
      !_kiosk_store_insert_audit (self, "export", changed, error))
    return -1;

  return changed;
}

/**
 * kiosk_store_mark_exported:
 * @ids: (array length=n_ids) (nullable): the ids of the exported requests
 * @n_ids: how many
 *
 * Marks the requests as exported, records the time of this export (see
 * kiosk_store_get_last_export()) and writes an "export" audit row, all in one transaction.
 * Ids that no longer exist are skipped.
 */
gboolean
kiosk_store_mark_exported (KioskStore    *self,
                           const gint64  *ids,
                           gsize          n_ids,
                           GError       **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  ExportData export = { ids, n_ids, now };

  g_return_val_if_fail (KIOSK_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _kiosk_store_transaction (self, mark_exported_in_transaction, &export, error) >= 0;
}

typedef struct
{
  gint64      id;
  const char *sql;    /* ?1 the id, ?2 the time of the call */
  const char *event;  /* the audit event */
} CallOutcome;

static gint64
mark_call_in_transaction (KioskStore  *self,
                          gpointer     data,
                          GError     **error)
{
  CallOutcome *outcome = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  stmt = _kiosk_store_prepare (self, outcome->sql, error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, outcome->id);
  _kiosk_store_bind_time (stmt, 2, now);
  if (!_kiosk_store_step_done (self, stmt, "Could not record the call", error))
    return -1;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_NOT_FOUND,
                   "There is no request %" G_GINT64_FORMAT, outcome->id);
      return -1;
    }

  return _kiosk_store_insert_audit (self, outcome->event, 1, error) ? 1 : -1;
}

static gboolean
mark_call (KioskStore   *self,
           CallOutcome  *outcome,
           GError      **error)
{
  return _kiosk_store_transaction (self, mark_call_in_transaction, outcome, error) >= 0;
}

/**
 * kiosk_store_mark_called_back:
 *
 * Marks the request as called back and writes a "called-back" audit row.
 *
 * Returns: %TRUE, or %FALSE with @error set (%KIOSK_STORE_ERROR_NOT_FOUND for an unknown id)
 */
gboolean
kiosk_store_mark_called_back (KioskStore  *self,
                              gint64       id,
                              GError     **error)
{
  CallOutcome outcome = {
    id,
    "UPDATE requests SET status = 'called-back', called_back_at = coalesce (called_back_at, ?2) "
    "WHERE id = ?1",
    "called-back",
  };

  g_return_val_if_fail (KIOSK_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return mark_call (self, &outcome, error);
}

/**
 * kiosk_store_mark_no_answer:
 *
 * Records that staff called and nobody answered: the request stays open (it is listed, exported
 * with the pending ones and kept by "Delete handled") with the status "no-answer" and the time
 * of this call, and a "no-answer" audit row is written. A request already called back is left
 * as it is.
 *
 * Returns: %TRUE, or %FALSE with @error set (%KIOSK_STORE_ERROR_NOT_FOUND for an unknown id or a
 *   request already called back)
 */
gboolean
kiosk_store_mark_no_answer (KioskStore  *self,
                            gint64       id,
                            GError     **error)
{
  CallOutcome outcome = {
    id,
    "UPDATE requests SET status = 'no-answer', no_answer_at = ?2 "
    "WHERE id = ?1 AND status <> 'called-back'",
    "no-answer",
  };

  g_return_val_if_fail (KIOSK_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return mark_call (self, &outcome, error);
}

static gint64
purge_in_transaction (KioskStore  *self,
                      gpointer     data,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 deleted;

  stmt = _kiosk_store_prepare (self, "DELETE FROM requests WHERE status NOT IN " OPEN_STATUSES, error);
  if (stmt == NULL ||
      !_kiosk_store_step_done (self, stmt, "Could not delete the handled requests", error))
    return -1;

  deleted = sqlite3_changes (self->db);

  return _kiosk_store_insert_audit (self, "purge", deleted, error) ? deleted : -1;
}

/**
 * kiosk_store_purge_handled:
 *
 * Deletes every exported or called-back request (open ones, pending or with no answer, stay)
 * and writes a "purge" audit row.
 *
 * Returns: how many requests were deleted, or -1 with @error set
 */
gint64
kiosk_store_purge_handled (KioskStore  *self,
                           GError     **error)
{
  gint64 deleted;

  g_return_val_if_fail (KIOSK_IS_STORE (self), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  deleted = _kiosk_store_transaction (self, purge_in_transaction, NULL, error);
  if (deleted >= 0)
    _kiosk_store_checkpoint (self);

  return deleted;
}

static gint64
count_expired_open (KioskStore  *self,
                    GDateTime   *cutoff,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _kiosk_store_prepare (self,
                               "SELECT count(*) FROM requests "
                               "WHERE created_utc < ?1 AND status IN " OPEN_STATUSES,
                               error);
  if (stmt == NULL)
    return -1;

  _kiosk_store_bind_time (stmt, 1, cutoff);
  if (!_kiosk_store_step_row (self, stmt, "Could not count the expired requests", error))
    return -1;

  return sqlite3_column_int64 (stmt, 0);
}

static gint64
delete_expired_in_transaction (KioskStore  *self,
                               gpointer     data,
                               GError     **error)
{
  GDateTime *cutoff = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 open = count_expired_open (self, cutoff, error);
  gint64 deleted;

  if (open < 0)
    return -1;

  stmt = _kiosk_store_prepare (self, "DELETE FROM requests WHERE created_utc < ?1", error);
  if (stmt == NULL)
    return -1;

  _kiosk_store_bind_time (stmt, 1, cutoff);
  if (!_kiosk_store_step_done (self, stmt, "Could not delete the expired requests", error))
    return -1;

  deleted = sqlite3_changes (self->db);

  /* Requests nobody called are never removed without a trace: the audit says how many. */
  if (open > 0 && !_kiosk_store_insert_audit (self, "expire-open", open, error))
    return -1;

  return _kiosk_store_insert_audit (self, "expire", deleted, error) ? deleted : -1;
}

/**
 * kiosk_store_delete_expired:
 * @retention_days: how many days requests are kept, at least 1
 * @now: the current time
 *
 * Deletes every request, whatever its status, created more than @retention_days before @now,
 * writes an "expire" audit row (also when nothing was deleted, as a record that the retention
 * ran) and, when some of them were still open, an "expire-open" row with how many; then checkpoints and truncates the WAL so no copy of a deleted row stays behind.
 *
 * Returns: how many requests were deleted, or -1 with @error set
 */
gint64
kiosk_store_delete_expired (KioskStore  *self,
                            guint        retention_days,
                            GDateTime   *now,
                            GError     **error)
{
  g_autoptr(GDateTime) cutoff = NULL;
  gint64 deleted;

  g_return_val_if_fail (KIOSK_IS_STORE (self), -1);
  g_return_val_if_fail (retention_days >= 1, -1);
  g_return_val_if_fail (now != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  cutoff = g_date_time_add_days (now, -(int)MIN (retention_days, G_MAXINT / 2));
  if (cutoff == NULL)
    cutoff = g_date_time_new_from_unix_utc (0);

  deleted = _kiosk_store_transaction (self, delete_expired_in_transaction, cutoff, error);
  if (deleted >= 0)
    _kiosk_store_checkpoint (self);

  return deleted;
}

/**
 * kiosk_store_expiry_time:
 * @request: a stored request
 * @retention_days: the retention period, at least 1
 *
 * When kiosk_store_delete_expired() will delete @request: @retention_days after it was made.
 *
 * Returns: (transfer full): the time, in UTC
 */
GDateTime *
kiosk_store_expiry_time (KioskRequest *request,
                         guint         retention_days)
{
  g_return_val_if_fail (KIOSK_IS_REQUEST (request), NULL);
  g_return_val_if_fail (retention_days >= 1, NULL);

  return g_date_time_add_days (kiosk_request_get_created (request),
                               (int)MIN (retention_days, 36500));
}
