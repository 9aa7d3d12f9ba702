/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The desk app's client of the shared queue (issue 12), GLib and libpq only: the list of
 * requests from every kiosk, live through LISTEN/NOTIFY, status changes and the CSV export.
 */

#include "config.h"

#include <glib-unix.h>

#include "kiosk-csv-writer.h"
#include "kiosk-reception.h"

/* KioskQueueEntry ------------------------------------------------------------------------------ */

struct _KioskQueueEntry
{
  GObject    parent_instance;

  char      *uuid;
  char      *kiosk;
  GDateTime *created;
  char      *name;
  char      *phone;
  char      *call_time;
  char      *topic;
  char      *status;
  char      *status_changed_by;
  GDateTime *status_changed_at;
};

G_DEFINE_FINAL_TYPE (KioskQueueEntry, kiosk_queue_entry, G_TYPE_OBJECT)

static void
kiosk_queue_entry_finalize (GObject *object)
{
  KioskQueueEntry *self = KIOSK_QUEUE_ENTRY (object);

  g_free (self->uuid);
  g_free (self->kiosk);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_free (self->name);
  g_free (self->phone);
  g_free (self->call_time);
  g_free (self->topic);
  g_free (self->status);
  g_free (self->status_changed_by);
  g_clear_pointer (&self->status_changed_at, g_date_time_unref);

  G_OBJECT_CLASS (kiosk_queue_entry_parent_class)->finalize (object);
}

static void
kiosk_queue_entry_class_init (KioskQueueEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kiosk_queue_entry_finalize;
}

static void
kiosk_queue_entry_init (KioskQueueEntry *self)
{
}

const char *
kiosk_queue_entry_get_uuid (KioskQueueEntry *self)
{
  g_return_val_if_fail (KIOSK_IS_QUEUE_ENTRY (self), NULL);
  return self->uuid;
}

const char *
kiosk_queue_entry_get_kiosk (KioskQueueEntry *self)
{
  g_return_val_if_fail (KIOSK_IS_QUEUE_ENTRY (self), NULL);
  return self->kiosk;
}

GDateTime *
kiosk_queue_entry_get_created (KioskQueueEntry *self)
{
  g_return_val_if_fail (KIOSK_IS_QUEUE_ENTRY (self), NULL);
  return self->created;
}

const char *
kiosk_queue_entry_get_name (KioskQueueEntry *self)
{
  g_return_val_if_fail (KIOSK_IS_QUEUE_ENTRY (self), NULL);
  return self->name;
}

const char *
kiosk_queue_entry_get_phone (KioskQueueEntry *self)
{
  g_return_val_if_fail (KIOSK_IS_QUEUE_ENTRY (self), NULL);
  return self->phone;
}

const char *
kiosk_queue_entry_get_call_time (KioskQueueEntry *self)
{
  g_return_val_if_fail (KIOSK_IS_QUEUE_ENTRY (self), NULL);
  return self->call_time;
}

/* Returns: (nullable): the topic id the patient chose, if any */
const char *
kiosk_queue_entry_get_topic (KioskQueueEntry *self)
{
  g_return_val_if_fail (KIOSK_IS_QUEUE_ENTRY (self), NULL);
  return self->topic;
}

/* Returns: "pending", "called-back" or "no-answer" */
const char *
kiosk_queue_entry_get_status (KioskQueueEntry *self)
{
  g_return_val_if_fail (KIOSK_IS_QUEUE_ENTRY (self), NULL);
  return self->status;
}

/* Returns: (nullable): the reception role that last changed the status */
const char *
kiosk_queue_entry_get_status_changed_by (KioskQueueEntry *self)
{
  g_return_val_if_fail (KIOSK_IS_QUEUE_ENTRY (self), NULL);
  return self->status_changed_by;
}

/* Returns: (nullable) */
GDateTime *
kiosk_queue_entry_get_status_changed_at (KioskQueueEntry *self)
{
  g_return_val_if_fail (KIOSK_IS_QUEUE_ENTRY (self), NULL);
  return self->status_changed_at;
}

/* KioskReception ------------------------------------------------------------------------------- */

#define SELECT_SQL \
  "SELECT uuid, kiosk, " \
  "  to_char (created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), name, phone, " \
  "  call_time, topic, status, status_changed_by, " \
  "  to_char (status_changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') " \
  "FROM patient_kiosk.requests WHERE $1::text IS NULL OR status = $1 " \
  "ORDER BY created_at DESC, uuid"

/* After losing the server, tries to connect again after 2, 4 … 60 s: a timer that exists only
 * while disconnected. */
#define RECONNECT_LIMIT_SECONDS 60

struct _KioskReception
{
  GObject       parent_instance;

  char         *conninfo;
  char         *filter;           /* a status, or NULL for all */
  PGconn       *conn;
  GSource      *socket_source;
  guint         reconnect_id;
  guint         reconnect_delay;
  GCancellable *cancellable;
  GListStore   *entries;
  GError       *error;
};

G_DEFINE_FINAL_TYPE (KioskReception, kiosk_reception, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reception_disconnect (KioskReception *self);
static void reception_schedule_reconnect (KioskReception *self);

static void
reception_set_error (KioskReception *self,
                     GError         *error)
{
  g_clear_error (&self->error);
  self->error = error;
  if (error != NULL)
    g_debug ("Reception: %s", error->message);
  g_signal_emit (self, signals[CHANGED], 0);
}

static char *
dup_value (PGresult *result,
           int       row,
           int       column)
{
  if (kiosk_pq.PQgetisnull (result, row, column))
    return NULL;

  return g_strdup (kiosk_pq.PQgetvalue (result, row, column));
}

static GDateTime *
time_value (PGresult *result,
            int       row,
            int       column)
{
  if (kiosk_pq.PQgetisnull (result, row, column))
    return NULL;

  return g_date_time_new_from_iso8601 (kiosk_pq.PQgetvalue (result, row, column), NULL);
}

static KioskQueueEntry *
entry_from_row (PGresult *result,
                int       row)
{
  KioskQueueEntry *entry = g_object_new (KIOSK_TYPE_QUEUE_ENTRY, NULL);

  entry->uuid = dup_value (result, row, 0);
  entry->kiosk = dup_value (result, row, 1);
  entry->created = time_value (result, row, 2);
  entry->name = dup_value (result, row, 3);
  entry->phone = dup_value (result, row, 4);
  entry->call_time = dup_value (result, row, 5);
  entry->topic = dup_value (result, row, 6);
  entry->status = dup_value (result, row, 7);
  entry->status_changed_by = dup_value (result, row, 8);
  entry->status_changed_at = time_value (result, row, 9);

  return entry;
}

/* Reads the whole (filtered) queue again: a few thousand rows at most, within retention. */
static gboolean
reception_refresh (KioskReception  *self,
                   GError         **error)
{
  const char *params[] = { self->filter };
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rows;

  result = kiosk_pq.PQexecParams (self->conn, SELECT_SQL, 1, NULL, params, NULL, NULL, 0);
  if (!kiosk_queue_check_result (self->conn, result, "Could not read the queue", error))
    return FALSE;

  rows = kiosk_pq.PQntuples (result);
  for (int i = 0; i < rows; i++)
    g_ptr_array_add (items, entry_from_row (result, i));

  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       items->pdata, items->len);

  return TRUE;
}

/* A command on the connection reads the socket itself, so notifications that came meanwhile wait
 * in libpq's queue without waking the socket source: they are taken here. */
static gboolean
take_notifications (PGconn *conn)
{
  gboolean any = FALSE;
  PGnotify *notify;

  while ((notify = kiosk_pq.PQnotifies (conn)) != NULL)
    {
      any = TRUE;
      kiosk_pq.PQfreemem (notify);
    }

  return any;
}

static void
reception_refresh_or_fail (KioskReception *self)
{
  GError *error = NULL;
  gboolean ok;

  do
    {
      take_notifications (self->conn);
      ok = reception_refresh (self, &error);
    }
  while (ok && take_notifications (self->conn));

  if (ok)
    {
      reception_set_error (self, NULL);
      return;
    }

  reception_set_error (self, error);
  if (kiosk_pq.PQstatus (self->conn) != CONNECTION_OK)
    {
      reception_disconnect (self);
      reception_schedule_reconnect (self);
    }
}

/* The server's socket is readable: notifications (or the connection's end) arrived. */
static gboolean
on_socket_ready (int          fd,
                 GIOCondition condition,
                 gpointer     user_data)
{
  KioskReception *self = user_data;

  if (!kiosk_pq.PQconsumeInput (self->conn))
    {
      reception_set_error (self, g_error_new (KIOSK_QUEUE_ERROR, KIOSK_QUEUE_ERROR_UNREACHABLE,
                                              "Lost the queue server: %s",
                                              kiosk_pq.PQerrorMessage (self->conn)));
      g_clear_pointer (&self->socket_source, g_source_unref);
      reception_disconnect (self);
      reception_schedule_reconnect (self);
      return G_SOURCE_REMOVE;
    }

  if (take_notifications (self->conn))
    reception_refresh_or_fail (self);

  return G_SOURCE_CONTINUE;
}

static void
reception_watch_socket (KioskReception *self)
{
  self->socket_source = g_unix_fd_source_new (kiosk_pq.PQsocket (self->conn), G_IO_IN | G_IO_ERR |
                                                                      G_IO_HUP);
  g_source_set_callback (self->socket_source, G_SOURCE_FUNC (on_socket_ready), self, NULL);
  g_source_set_name (self->socket_source, "[patient-kiosk] queue notifications");
  g_source_attach (self->socket_source, NULL);
}

static void
reception_disconnect (KioskReception *self)
{
  if (self->socket_source != NULL)
    {
      g_source_destroy (self->socket_source);
      g_clear_pointer (&self->socket_source, g_source_unref);
    }
  g_clear_pointer (&self->conn, kiosk_pq_finish);
}

static gboolean
reconnect_timeout (gpointer user_data)
{
  KioskReception *self = user_data;

  self->reconnect_id = 0;
  kiosk_reception_connect (self);

  return G_SOURCE_REMOVE;
}

static void
reception_schedule_reconnect (KioskReception *self)
{
  if (self->reconnect_id != 0)
    return;

  self->reconnect_delay = MIN (MAX (self->reconnect_delay * 2, 2), RECONNECT_LIMIT_SECONDS);
  self->reconnect_id = g_timeout_add_seconds (self->reconnect_delay, reconnect_timeout, self);
}

static void
connect_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;
  PGconn *conn = kiosk_queue_connect (task_data, "patient-kiosk reception", &error);

  if (conn == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, conn, (GDestroyNotify) kiosk_pq_finish);
}

static void
connect_done (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  KioskReception *self = KIOSK_RECEPTION (source_object);
  GError *error = NULL;
  PGconn *conn = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_task_get_cancellable (G_TASK (result)) != NULL &&
      g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      g_clear_pointer (&conn, kiosk_pq_finish);
      g_clear_error (&error);
      return;
    }

  if (conn == NULL)
    {
      reception_set_error (self, error);
      reception_schedule_reconnect (self);
      return;
    }

  self->conn = conn;
  if (!kiosk_queue_exec (conn, "LISTEN " KIOSK_QUEUE_CHANNEL, &error))
    {
      reception_set_error (self, error);
      reception_disconnect (self);
      reception_schedule_reconnect (self);
      return;
    }

  self->reconnect_delay = 0;
  kiosk_pq.PQsetnonblocking (conn, 0);
  reception_watch_socket (self);
  reception_refresh_or_fail (self);
}

static void
kiosk_reception_dispose (GObject *object)
{
  KioskReception *self = KIOSK_RECEPTION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reconnect_id, g_source_remove);
  reception_disconnect (self);

  G_OBJECT_CLASS (kiosk_reception_parent_class)->dispose (object);
}

static void
kiosk_reception_finalize (GObject *object)
{
  KioskReception *self = KIOSK_RECEPTION (object);

  g_free (self->conninfo);
  g_free (self->filter);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->entries);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (kiosk_reception_parent_class)->finalize (object);
}

static void
kiosk_reception_class_init (KioskReceptionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kiosk_reception_dispose;
  object_class->finalize = kiosk_reception_finalize;

  /**
   * KioskReception::changed:
   *
   * The connection's state or its error changed (the entries notify through their model).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kiosk_reception_init (KioskReception *self)
{
  self->entries = g_list_store_new (KIOSK_TYPE_QUEUE_ENTRY);
  self->cancellable = g_cancellable_new ();
}

KioskReception *
kiosk_reception_new (const char *conninfo)
{
  KioskReception *self;

  g_return_val_if_fail (conninfo != NULL, NULL);

  self = g_object_new (KIOSK_TYPE_RECEPTION, NULL);
  self->conninfo = g_strdup (conninfo);

  return self;
}

/**
 * kiosk_reception_connect:
 *
 * Connects in a worker thread; ::changed tells how it went.
 */
void
kiosk_reception_connect (KioskReception *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KIOSK_IS_RECEPTION (self));

  if (self->conn != NULL)
    return;

  task = g_task_new (self, self->cancellable, connect_done, NULL);
  g_task_set_source_tag (task, kiosk_reception_connect);
  g_task_set_task_data (task, g_strdup (self->conninfo), g_free);
  g_task_run_in_thread (task, connect_in_thread);
}

/* Returns: (transfer none): a model of #KioskQueueEntry, newest first */
GListModel *
kiosk_reception_get_entries (KioskReception *self)
{
  g_return_val_if_fail (KIOSK_IS_RECEPTION (self), NULL);

  return G_LIST_MODEL (self->entries);
}

/* @status: (nullable): "pending", "called-back", "no-answer", or %NULL for every request */
void
kiosk_reception_set_filter (KioskReception *self,
                            const char     *status)
{
  g_return_if_fail (KIOSK_IS_RECEPTION (self));

  if (g_strcmp0 (self->filter, status) == 0)
    return;

  g_free (self->filter);
  self->filter = g_strdup (status);
  if (self->conn != NULL)
    reception_refresh_or_fail (self);
}

const char *
kiosk_reception_get_filter (KioskReception *self)
{
  g_return_val_if_fail (KIOSK_IS_RECEPTION (self), NULL);

  return self->filter;
}

gboolean
kiosk_reception_is_connected (KioskReception *self)
{
  g_return_val_if_fail (KIOSK_IS_RECEPTION (self), FALSE);

  return self->conn != NULL;
}

/* Returns: (nullable): why the last connection or command failed */
const GError *
kiosk_reception_get_error (KioskReception *self)
{
  g_return_val_if_fail (KIOSK_IS_RECEPTION (self), NULL);

  return self->error;
}

/**
 * kiosk_reception_set_status:
 * @status: "pending", "called-back" or "no-answer"
 *
 * Changes a request's status on the server, which records the role and the time itself. The
 * list is read again when the server's NOTIFY comes back.
 */
gboolean
kiosk_reception_set_status (KioskReception  *self,
                            const char      *uuid,
                            const char      *status,
                            GError         **error)
{
  const char *params[] = { status, uuid };
  g_autoptr(PGresult) result = NULL;

  g_return_val_if_fail (KIOSK_IS_RECEPTION (self), FALSE);
  g_return_val_if_fail (uuid != NULL && status != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->conn == NULL)
    {
      g_set_error_literal (error, KIOSK_QUEUE_ERROR, KIOSK_QUEUE_ERROR_UNREACHABLE,
                           "Not connected to the queue server");
      return FALSE;
    }

  result = kiosk_pq.PQexecParams (self->conn,
                         "UPDATE patient_kiosk.requests SET status = $1 WHERE uuid = $2::uuid",
                         2, NULL, params, NULL, NULL, 0);

  if (!kiosk_queue_check_result (self->conn, result, "Could not change the status", error))
    return FALSE;

  reception_refresh_or_fail (self);

  return TRUE;
}

static gboolean
write_entry (KioskCsvWriter   *writer,
             KioskQueueEntry  *entry,
             GError          **error)
{
  g_autofree char *created = g_date_time_format_iso8601 (entry->created);
  g_autofree char *changed = entry->status_changed_at != NULL
                           ? g_date_time_format_iso8601 (entry->status_changed_at) : NULL;
  const char *cells[] = {
    entry->kiosk, created, entry->name, entry->phone, entry->call_time,
    entry->topic != NULL ? entry->topic : "", entry->status,
    entry->status_changed_by != NULL ? entry->status_changed_by : "",
    changed != NULL ? changed : "", NULL,
  };

  return kiosk_csv_writer_write_row (writer, cells, error);
}

/**
 * kiosk_reception_export_csv:
 *
 * Writes the requests now listed (the filter applies) to @path with the kiosk's
 * spreadsheet-safe CSV writer (no cell can start a formula; the file appears complete or not
 * at all).
 */
gboolean
kiosk_reception_export_csv (KioskReception  *self,
                            const char      *path,
                            GError         **error)
{
  static const char * const header[] = {
    "kiosk", "created_utc", "name", "phone", "call_time", "topic", "status",
    "status_changed_by", "status_changed_at_utc", NULL,
  };
  g_autoptr(KioskCsvWriter) writer = NULL;
  guint n;

  g_return_val_if_fail (KIOSK_IS_RECEPTION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((writer = kiosk_csv_writer_new_for_path (path, error)) == NULL ||
      !kiosk_csv_writer_write_row (writer, header, error))
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KioskQueueEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      if (!write_entry (writer, entry, error))
        {
          kiosk_csv_writer_abort (writer);
          return FALSE;
        }
    }

  return kiosk_csv_writer_finish (writer, error);
}
