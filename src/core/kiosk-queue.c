/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * KioskQueue: the kiosk's side of the shared reception queue (issue 12).
 *
 * The patient's save never waits for the network: the store acknowledges after its local COMMIT
 * and only kicks this object. One worker thread then sends every unsent request to PostgreSQL in
 * one transaction (INSERT ... ON CONFLICT DO NOTHING on the request's UUID, so a send repeated
 * after a crash or a lost COMMIT reply never duplicates), and marks them sent locally only after
 * the server's COMMIT. When the server cannot be reached it tries again after 1, 2, 4 … seconds
 * (up to a limit); when nothing waits, the thread sleeps on its condition with no deadline, so
 * no timer runs. Requests the server has lose their name and phone here once the erase delay has
 * passed (the delay is the only other reason for the thread to wake on its own).
 *
 * What staff see (how many wait, when the last went out, the last error) is published to the
 * main context of the thread that created the object, with the ::changed signal.
 */

#include "config.h"

#include "kiosk-queue.h"
#include "kiosk-store-private.h"
#include "kiosk-store-queue.h"

/* A batch is one server transaction; a long outbox (after a day offline) goes in several. */
#define BATCH_SIZE            500
#define DEFAULT_BACKOFF_LIMIT 60

#define INSERT_SQL \
  "INSERT INTO patient_kiosk.requests (uuid, kiosk, created_at, name, phone, call_time, topic," \
  "                                    consent_version) " \
  "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING"

struct _KioskQueue
{
  GObject       parent_instance;

  KioskStore   *store;
  char         *conninfo;
  char         *kiosk_name;
  guint         erase_delay;     /* seconds */
  guint         backoff_limit;   /* seconds */
  GMainContext *context;         /* where ::changed is emitted */

  /* Shared with the worker, under @mutex. */
  GMutex        mutex;
  GCond         cond;
  GThread      *thread;
  gboolean      kicked;
  gboolean      quit;
  gboolean      idle;            /* the worker is waiting with nothing to do */

  /* Worker only. */
  guint         backoff;         /* seconds before the next try; 0 after a success */

  /* Main context only: the last state the worker published. */
  gint64        unsent;
  GDateTime    *last_sent;
  GError       *last_error;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KioskQueue, kiosk_queue, G_TYPE_OBJECT)

/* Publishing to the main context --------------------------------------------------------------- */

typedef struct
{
  KioskQueue *self;
  gint64      unsent;
  GDateTime  *last_sent;
  GError     *error;
} Snapshot;

static void
snapshot_free (Snapshot *snapshot)
{
  g_clear_object (&snapshot->self);
  g_clear_pointer (&snapshot->last_sent, g_date_time_unref);
  g_clear_error (&snapshot->error);
  g_free (snapshot);
}

static gboolean
apply_snapshot (gpointer data)
{
  Snapshot *snapshot = data;
  KioskQueue *self = snapshot->self;

  self->unsent = snapshot->unsent;
  g_clear_pointer (&self->last_sent, g_date_time_unref);
  self->last_sent = g_steal_pointer (&snapshot->last_sent);
  g_clear_error (&self->last_error);
  self->last_error = g_steal_pointer (&snapshot->error);

  g_signal_emit (self, signals[CHANGED], 0);

  return G_SOURCE_REMOVE;
}

/* Takes @error. */
static void
publish (KioskQueue *self,
         GError     *error)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);

  snapshot->self = g_object_ref (self);
  snapshot->error = error;
  if (!kiosk_store_get_outbox_state (self->store, &snapshot->unsent, NULL,
                                     &snapshot->last_sent, NULL))
    snapshot->unsent = -1;

  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, apply_snapshot, snapshot,
                              (GDestroyNotify)snapshot_free);
}

/* Sending -------------------------------------------------------------------------------------- */

static gboolean
insert_item (PGconn           *conn,
             const char       *kiosk_name,
             KioskOutboxItem  *item,
             GError          **error)
{
  const char *params[] = {
    item->uuid, kiosk_name, item->created_utc, item->name, item->phone, item->call_time,
    item->topic, item->consent_version,
  };
  g_autoptr(PGresult) result = kiosk_pq.PQexecPrepared (conn, "insert", G_N_ELEMENTS (params), params,
                                               NULL, NULL, 0);

  return kiosk_queue_check_result (conn, result, "Could not send a request", error);
}

/* Sends @items in one transaction; on success the server has every one of them. */
static gboolean
send_batch (PGconn      *conn,
            const char  *kiosk_name,
            GPtrArray   *items,
            GError     **error)
{
  if (!kiosk_queue_exec (conn, "BEGIN", error))
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      if (!insert_item (conn, kiosk_name, g_ptr_array_index (items, i), error))
        return FALSE;   /* closing the connection rolls the transaction back */
    }

  return kiosk_queue_exec (conn, "COMMIT", error);
}

static gboolean
prepare_insert (PGconn  *conn,
                GError **error)
{
  g_autoptr(PGresult) result = kiosk_pq.PQprepare (conn, "insert", INSERT_SQL, 0, NULL);

  return kiosk_queue_check_result (conn, result, "Could not prepare the send", error);
}

/* Sends the whole outbox, batch by batch. Returns how many were sent, or -1 with @error set. */
static gint64
drain_outbox (KioskQueue  *self,
              GError     **error)
{
  g_autoptr(PGconn) conn = NULL;
  gint64 sent = 0;

  for (;;)
    {
      g_autoptr(GPtrArray) items = kiosk_store_read_outbox (self->store, BATCH_SIZE, error);
      g_autoptr(GDateTime) now = NULL;

      if (items == NULL)
        return -1;
      if (items->len == 0)
        return sent;

      if (conn == NULL &&
          ((conn = kiosk_queue_connect (self->conninfo, "patient-kiosk", error)) == NULL ||
           !prepare_insert (conn, error)))
        return -1;

      if (!send_batch (conn, self->kiosk_name, items, error))
        return -1;

      now = g_date_time_new_now_utc ();
      if (kiosk_store_mark_sent (self->store, items, now, error) < 0)
        return -1;

      sent += items->len;
    }
}

/* Erases what is due; returns the monotonic time of the next erase, or 0 if none is owed. */
static gint64
erase_due (KioskQueue *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) cutoff = g_date_time_add_seconds (now, -(double)self->erase_delay);
  g_autoptr(GDateTime) oldest = NULL;
  g_autoptr(GError) error = NULL;
  GTimeSpan wait;

  if (kiosk_store_erase_sent (self->store, cutoff, &error) < 0 ||
      !kiosk_store_get_outbox_state (self->store, NULL, &oldest, NULL, &error))
    {
      g_warning ("Could not erase the names of sent requests: %s", error->message);
      return g_get_monotonic_time () + G_TIME_SPAN_MINUTE;
    }

  if (oldest == NULL)
    return 0;

  /* Seconds in the store are whole: one more makes sure the row is due when we wake. */
  wait = g_date_time_difference (oldest, cutoff) + G_TIME_SPAN_SECOND;

  return g_get_monotonic_time () + MAX (wait, 0);
}

/* One round of work. Returns the monotonic time to wake again, or 0 to sleep until kicked. */
static gint64
run_once (KioskQueue *self)
{
  g_autoptr(GError) error = NULL;
  gint64 sent = drain_outbox (self, &error);
  gint64 retry = 0;
  gint64 erase;

  if (sent < 0)
    {
      self->backoff = self->backoff == 0 ? 1 : MIN (self->backoff * 2, self->backoff_limit);
      retry = g_get_monotonic_time () + self->backoff * G_TIME_SPAN_SECOND;
      g_debug ("Queue: sending failed, next try in %u s: %s", self->backoff, error->message);
    }
  else
    {
      self->backoff = 0;
      if (sent > 0)
        g_debug ("Queue: sent %" G_GINT64_FORMAT " requests", sent);
    }

  erase = erase_due (self);
  publish (self, g_steal_pointer (&error));

  if (retry == 0 || erase == 0)
    return MAX (retry, erase);

  return MIN (retry, erase);
}

static gpointer
worker (gpointer data)
{
  KioskQueue *self = data;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  gint64 deadline = 0;

  while (!self->quit)
    {
      self->idle = !self->kicked && deadline == 0;
      if (!self->kicked && deadline == 0)
        g_cond_wait (&self->cond, &self->mutex);
      else if (!self->kicked)
        g_cond_wait_until (&self->cond, &self->mutex, deadline);

      if (self->quit)
        break;
      if (!self->kicked && (deadline == 0 || g_get_monotonic_time () < deadline))
        continue;   /* a spurious wake-up */

      self->kicked = FALSE;
      self->idle = FALSE;
      g_mutex_unlock (&self->mutex);
      deadline = run_once (self);
      g_mutex_lock (&self->mutex);
    }

  return NULL;
}

/* The store calls this in the saving thread, right after a request's COMMIT. */
static void
on_request_saved (gpointer unused,
                  gpointer data)
{
  kiosk_queue_kick (KIOSK_QUEUE (data));
}

/* GObject -------------------------------------------------------------------------------------- */

static void
kiosk_queue_dispose (GObject *object)
{
  KioskQueue *self = KIOSK_QUEUE (object);

  kiosk_queue_stop (self);

  G_OBJECT_CLASS (kiosk_queue_parent_class)->dispose (object);
}

static void
kiosk_queue_finalize (GObject *object)
{
  KioskQueue *self = KIOSK_QUEUE (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->conninfo, g_free);
  g_clear_pointer (&self->kiosk_name, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->last_sent, g_date_time_unref);
  g_clear_error (&self->last_error);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (kiosk_queue_parent_class)->finalize (object);
}

static void
kiosk_queue_class_init (KioskQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kiosk_queue_dispose;
  object_class->finalize = kiosk_queue_finalize;

  /**
   * KioskQueue::changed:
   *
   * The number of waiting requests, the last send or the last error changed (or a round of
   * sending ended). Emitted in the main context of the thread that made the queue.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kiosk_queue_init (KioskQueue *self)
{
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  self->backoff_limit = DEFAULT_BACKOFF_LIMIT;
  self->context = g_main_context_ref_thread_default ();
}

/* Public --------------------------------------------------------------------------------------- */

/**
 * kiosk_queue_new:
 * @store: the kiosk's store, whose outbox this sends
 * @conninfo: the `queue-connection` setting, not empty
 * @kiosk_name: this kiosk's name as reception sees it
 * @erase_delay_seconds: how long a sent request keeps its name and phone here (0: erased at once)
 *
 * Returns: (transfer full): a queue, not started yet
 */
KioskQueue *
kiosk_queue_new (KioskStore *store,
                 const char *conninfo,
                 const char *kiosk_name,
                 guint       erase_delay_seconds)
{
  KioskQueue *self;

  g_return_val_if_fail (KIOSK_IS_STORE (store), NULL);
  g_return_val_if_fail (conninfo != NULL && *conninfo != '\0', NULL);
  g_return_val_if_fail (kiosk_name != NULL && *kiosk_name != '\0', NULL);

  self = g_object_new (KIOSK_TYPE_QUEUE, NULL);
  self->store = g_object_ref (store);
  self->conninfo = g_strdup (conninfo);
  self->kiosk_name = g_strdup (kiosk_name);
  self->erase_delay = erase_delay_seconds;
  self->unsent = -1;

  return self;
}

/* How long the wait between tries may grow while the server is unreachable (default 60 s). */
void
kiosk_queue_set_backoff_limit (KioskQueue *self,
                               guint       seconds)
{
  g_return_if_fail (KIOSK_IS_QUEUE (self));
  g_return_if_fail (seconds >= 1);

  self->backoff_limit = seconds;
}

/**
 * kiosk_queue_start:
 *
 * Starts the worker, which sends what is waiting at once, and hooks the queue to the store's
 * saves.
 */
void
kiosk_queue_start (KioskQueue *self)
{
  g_return_if_fail (KIOSK_IS_QUEUE (self));
  g_return_if_fail (self->thread == NULL);

  self->kicked = TRUE;
  self->quit = FALSE;
  _kiosk_store_set_save_hook (self->store, on_request_saved, self);
  self->thread = g_thread_new ("kiosk-queue", worker, self);
}

/**
 * kiosk_queue_stop:
 *
 * Stops the worker after its current round (a send in progress finishes or fails first).
 */
void
kiosk_queue_stop (KioskQueue *self)
{
  g_return_if_fail (KIOSK_IS_QUEUE (self));

  if (self->thread == NULL)
    return;

  _kiosk_store_set_save_hook (self->store, NULL, NULL);
  g_mutex_lock (&self->mutex);
  self->quit = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);
  g_clear_pointer (&self->thread, g_thread_join);
}

/**
 * kiosk_queue_kick:
 *
 * Asks the worker to send now (after a save). Thread-safe; never blocks on the network.
 */
void
kiosk_queue_kick (KioskQueue *self)
{
  g_return_if_fail (KIOSK_IS_QUEUE (self));

  g_mutex_lock (&self->mutex);
  self->kicked = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);
}

/* Returns: how many requests wait to be sent, as last published, or -1 before the first round */
gint64
kiosk_queue_get_unsent (KioskQueue *self)
{
  g_return_val_if_fail (KIOSK_IS_QUEUE (self), -1);

  return self->unsent;
}

/* Returns: (transfer none) (nullable): when a request was last sent */
GDateTime *
kiosk_queue_get_last_sent (KioskQueue *self)
{
  g_return_val_if_fail (KIOSK_IS_QUEUE (self), NULL);

  return self->last_sent;
}

/* Returns: (transfer none) (nullable): why the last round failed, or %NULL if it worked */
const GError *
kiosk_queue_get_last_error (KioskQueue *self)
{
  g_return_val_if_fail (KIOSK_IS_QUEUE (self), NULL);

  return self->last_error;
}

/* Returns: whether the worker sleeps with nothing to do and no deadline (no timer running) */
gboolean
kiosk_queue_is_idle (KioskQueue *self)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (KIOSK_IS_QUEUE (self), FALSE);

  locker = g_mutex_locker_new (&self->mutex);

  return self->idle;
}
