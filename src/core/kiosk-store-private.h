/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "kiosk-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/*
 * One connection, guarded by one mutex. Every public call takes the mutex for its whole
 * transaction, so a save running in a worker thread and a staff call from the main thread never
 * interleave statements on the connection. SQLite's own per-connection mutex would only protect
 * single calls, not BEGIN … COMMIT, so the connection is opened with SQLITE_OPEN_NOMUTEX.
 */
struct _KioskStore
{
  GObject   parent_instance;

  GMutex    mutex;
  sqlite3  *db;
  GThread  *foreach_thread;   /* the thread inside a foreach callback, or NULL (atomic) */
  int       busy_timeout_ms;  /* how long the busy handler waits for a lock */

  char     *data_dir;
  char     *db_path;
  char     *warning;

  /* A TRUNCATE checkpoint after deleting rows that a reader stopped: retried on each later
   * call and by a back-off timer that exists only while one is owed (kiosk-store.c). */
  gboolean      checkpoint_owed;
  guint         checkpoint_delay;     /* seconds until the timer's next try */
  GSource      *checkpoint_source;
  GMainContext *context;              /* where the timer runs: the opener's */

  /* Called (under the lock) after each saved request's COMMIT: the shared queue's kick. */
  GFunc         save_hook;
  gpointer      save_hook_data;
};

#define KIOSK_STORE_DB_NAME         "requests.db"
#define KIOSK_STORE_QUARANTINE_NAME "quarantine"

/* The body of a write transaction: a count or id (>= 0), or -1 with @error set. */
typedef gint64 (*KioskStoreTransactionFunc) (KioskStore  *self,
                                             gpointer     data,
                                             GError     **error);

/* kiosk-store.c */
GMutexLocker  *_kiosk_store_lock               (KioskStore    *self);
gboolean       _kiosk_store_set_error          (GError       **error,
                                                sqlite3       *db,
                                                int            rc,
                                                const char    *what);
gboolean       _kiosk_store_set_errno_error    (GError       **error,
                                                int            errsv,
                                                const char    *what,
                                                const char    *path);
sqlite3_stmt  *_kiosk_store_prepare            (KioskStore    *self,
                                                const char    *sql,
                                                GError       **error);
gboolean       _kiosk_store_step_done          (KioskStore    *self,
                                                sqlite3_stmt  *stmt,
                                                const char    *what,
                                                GError       **error);
gboolean       _kiosk_store_step_row           (KioskStore    *self,
                                                sqlite3_stmt  *stmt,
                                                const char    *what,
                                                GError       **error);
gboolean       _kiosk_store_exec               (sqlite3       *db,
                                                const char    *sql,
                                                GError       **error);
gboolean       _kiosk_store_begin              (KioskStore    *self,
                                                GError       **error);
gboolean       _kiosk_store_commit             (KioskStore    *self,
                                                GError       **error);
void           _kiosk_store_rollback           (sqlite3       *db);
void           _kiosk_store_bind_time          (sqlite3_stmt  *stmt,
                                                int            index,
                                                GDateTime     *time);
GDateTime     *_kiosk_store_column_time        (sqlite3_stmt  *stmt,
                                                int            column);
gint64         _kiosk_store_transaction        (KioskStore                 *self,
                                                KioskStoreTransactionFunc   func,
                                                gpointer                    data,
                                                GError                    **error);
void           _kiosk_store_checkpoint         (KioskStore    *self);
gboolean       _kiosk_store_is_valid_key       (const char    *key);

/* kiosk-store-schema.c */
gboolean       _kiosk_store_check_schema       (sqlite3       *db,
                                                GError       **error);
gboolean       _kiosk_store_migrate            (sqlite3       *db,
                                                GError       **error);

/* kiosk-store-quarantine.c */
char          *_kiosk_store_quarantine         (const char    *data_dir,
                                                const char    *db_path,
                                                GError       **error);

/* kiosk-store-audit.c: with the lock held, inside the caller's transaction */
gboolean       _kiosk_store_insert_audit       (KioskStore    *self,
                                                const char    *event,
                                                gint64         count,
                                                GError       **error);
gboolean       _kiosk_store_set_meta_time      (KioskStore    *self,
                                                const char    *key,
                                                GDateTime     *time,
                                                GError       **error);

/* kiosk-store-audit.c: reads every row of a query, under the lock, into an array. */
typedef gpointer (*KioskStoreRowFunc) (sqlite3_stmt *stmt);

GPtrArray     *_kiosk_store_collect_rows       (KioskStore         *self,
                                                const char         *sql,
                                                gint64              limit,
                                                KioskStoreRowFunc   from_row,
                                                GDestroyNotify      free_func,
                                                const char         *what,
                                                GError            **error);

/* kiosk-store-requests.c: @hook (may be NULL) runs in the saving thread, under the lock, after
 * each save's COMMIT. It must not call into the store. */
void           _kiosk_store_set_save_hook      (KioskStore    *self,
                                                GFunc          hook,
                                                gpointer       data);

/* Test hooks: they take the lock. */
gboolean       _kiosk_store_test_exec          (KioskStore    *self,
                                                const char    *sql,
                                                GError       **error);
char          *_kiosk_store_test_query         (KioskStore    *self,
                                                const char    *sql,
                                                GError       **error);

G_END_DECLS
