/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The callback requests' SQLite store: opening it (folder and file permissions, pragmas, the
 * integrity check, setting a damaged file aside), the connection lock and the small SQL helpers
 * that kiosk-store-requests.c, kiosk-store-audit.c and kiosk-store-schema.c share.
 *
 * Every value goes through a bound parameter; the only SQL built at run time is
 * `PRAGMA user_version = <integer>`. Error messages name files and SQLite's reason, never a
 * patient's name or phone number (SQLite's own messages never quote stored values).
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "kiosk-data-dir.h"
#include "kiosk-store-private.h"

#define BUSY_TIMEOUT_MS 5000
/* How often a busy connection looks again for its lock. SQLite's own handler waits up to 100 ms
 * between looks, which a writer saving in a loop never leaves open long enough: a reader that
 * needs one write (the export's audit row) then gave up with "database is locked". */
#define BUSY_POLL_US    500
/* Opening retries an I/O error, and confirms damage, this many times, after 20, 40, 80... ms. */
#define OPEN_ATTEMPTS   5
#define OPEN_RETRY_MS   20
/* After deleting rows, the checkpoint waits this long for readers before it is owed. */
#define CHECKPOINT_WAIT_MS        250
/* The owed checkpoint's timer: after 1 s, then doubling, at most every 5 minutes. */
#define CHECKPOINT_FIRST_DELAY_S  1
#define CHECKPOINT_MAX_DELAY_S    300
/* Fixed width, so the text sorts in time order and retention can compare it directly. */
#define TIME_FORMAT     "%Y-%m-%dT%H:%M:%SZ"

G_DEFINE_FINAL_TYPE (KioskStore, kiosk_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (kiosk-store-error-quark, kiosk_store_error)

/* Errors --------------------------------------------------------------------------------------- */

static KioskStoreError
code_from_errno (int errsv)
{
  switch (errsv)
    {
    case EACCES:
    case EPERM:
    case EROFS:
      return KIOSK_STORE_ERROR_READ_ONLY;
    case ENOSPC:
    case EDQUOT:
      return KIOSK_STORE_ERROR_FULL;
    case EIO:
      return KIOSK_STORE_ERROR_IO;
    default:
      return KIOSK_STORE_ERROR_FAILED;
    }
}

static KioskStoreError
code_from_sqlite (sqlite3 *db,
                  int      rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      return KIOSK_STORE_ERROR_FULL;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return KIOSK_STORE_ERROR_READ_ONLY;
    case SQLITE_IOERR:
      return KIOSK_STORE_ERROR_IO;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return KIOSK_STORE_ERROR_CORRUPT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return KIOSK_STORE_ERROR_BUSY;
    case SQLITE_CANTOPEN:
      return db != NULL ? code_from_errno (sqlite3_system_errno (db)) : KIOSK_STORE_ERROR_FAILED;
    default:
      return KIOSK_STORE_ERROR_FAILED;
    }
}

/**
 * _kiosk_store_set_error:
 * @db: (nullable): the connection that failed, for its message
 * @rc: the SQLite result code
 * @what: what failed, such as "Could not save the request"
 *
 * Returns: %FALSE, so callers can `return _kiosk_store_set_error (…);`
 */
gboolean
_kiosk_store_set_error (GError     **error,
                        sqlite3     *db,
                        int          rc,
                        const char  *what)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  g_set_error (error, KIOSK_STORE_ERROR, code_from_sqlite (db, rc), "%s: %s", what, detail);

  return FALSE;
}

/**
 * _kiosk_store_set_errno_error:
 *
 * Returns: %FALSE
 */
gboolean
_kiosk_store_set_errno_error (GError     **error,
                              int          errsv,
                              const char  *what,
                              const char  *path)
{
  g_set_error (error, KIOSK_STORE_ERROR, code_from_errno (errsv),
               "%s %s: %s", what, path, g_strerror (errsv));

  return FALSE;
}

/* Locks and checkpoints ------------------------------------------------------------------------ */

/* SQLite's busy handler: look again every BUSY_POLL_US until the connection's timeout. */
static int
busy_wait (void *data,
           int   n_tries)
{
  const int *timeout_ms = data;

  if ((gint64)n_tries * BUSY_POLL_US >= (gint64)*timeout_ms * 1000)
    return 0;

  g_usleep (BUSY_POLL_US);

  return 1;
}

static void
cancel_checkpoint_timer (KioskStore *self)
{
  if (self->checkpoint_source == NULL)
    return;

  g_source_destroy (self->checkpoint_source);
  g_clear_pointer (&self->checkpoint_source, g_source_unref);
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void checkpoint_locked (KioskStore *self,
                               int         wait_ms);

static gboolean
checkpoint_timeout (gpointer user_data)
{
  g_autoptr(KioskStore) self = g_weak_ref_get (user_data);
  g_autoptr(GMutexLocker) locker = NULL;

  if (self == NULL)
    return G_SOURCE_REMOVE;

  locker = g_mutex_locker_new (&self->mutex);
  /* This source ends now; checkpoint_locked() makes the next one if it is still owed. */
  g_clear_pointer (&self->checkpoint_source, g_source_unref);
  if (self->checkpoint_owed)
    checkpoint_locked (self, 0);

  return G_SOURCE_REMOVE;
}

/* The timer exists only while a checkpoint is owed, so an idle kiosk with nothing owed has no
 * wake-ups; its delay doubles from 1 s up to 5 minutes, so a reader that stays for hours costs
 * a wake-up every 5 minutes at most. Weak: it never keeps the store alive. */
static void
schedule_checkpoint (KioskStore *self)
{
  GWeakRef *weak;

  if (self->checkpoint_source != NULL)
    return;

  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  self->checkpoint_source = g_timeout_source_new_seconds (self->checkpoint_delay);
  g_source_set_priority (self->checkpoint_source, G_PRIORITY_LOW);
  g_source_set_callback (self->checkpoint_source, checkpoint_timeout, weak, weak_ref_free);
  g_source_attach (self->checkpoint_source, self->context);

  self->checkpoint_delay = MIN (self->checkpoint_delay * 2, CHECKPOINT_MAX_DELAY_S);
}

/* With the lock held: a TRUNCATE checkpoint that waits at most @wait_ms for readers. Until one
 * succeeds it is owed: retried at the start of every later call and by the timer. */
static void
checkpoint_locked (KioskStore *self,
                   int         wait_ms)
{
  int rc;

  self->busy_timeout_ms = wait_ms;
  rc = sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  self->busy_timeout_ms = BUSY_TIMEOUT_MS;

  if (rc == SQLITE_OK)
    {
      self->checkpoint_owed = FALSE;
      self->checkpoint_delay = CHECKPOINT_FIRST_DELAY_S;
      cancel_checkpoint_timer (self);
      return;
    }

  g_debug ("WAL checkpoint postponed: %s", sqlite3_errmsg (self->db));
  self->checkpoint_owed = TRUE;
  schedule_checkpoint (self);
}

GMutexLocker *
_kiosk_store_lock (KioskStore *self)
{
  GMutexLocker *locker;

  /* A foreach callback calling back into the store would wait for itself forever. */
  if (G_UNLIKELY (g_atomic_pointer_get (&self->foreach_thread) == (gpointer)g_thread_self ()))
    g_error ("A kiosk_store_foreach_request() callback must not call into the store");

  locker = g_mutex_locker_new (&self->mutex);

  /* Deleted rows still have copies in the -wal until the checkpoint after their deletion
   * succeeds; every call gives it another chance, without waiting for readers. */
  if (self->checkpoint_owed)
    checkpoint_locked (self, 0);

  return locker;
}

/* SQL helpers (called with the lock held) ------------------------------------------------------ */

sqlite3_stmt *
_kiosk_store_prepare (KioskStore  *self,
                      const char  *sql,
                      GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      _kiosk_store_set_error (error, self->db, rc, "Could not prepare a statement");
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

/* Runs a statement that returns no rows. */
gboolean
_kiosk_store_step_done (KioskStore    *self,
                        sqlite3_stmt  *stmt,
                        const char    *what,
                        GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return _kiosk_store_set_error (error, self->db, rc, what);

  return TRUE;
}

/* Steps a statement that must return a row (a count, a summary), to that row. */
gboolean
_kiosk_store_step_row (KioskStore    *self,
                       sqlite3_stmt  *stmt,
                       const char    *what,
                       GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    return _kiosk_store_set_error (error, self->db, rc, what);

  return TRUE;
}

/* For fixed SQL only: pragmas, transactions and the schema. */
gboolean
_kiosk_store_exec (sqlite3     *db,
                   const char  *sql,
                   GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _kiosk_store_set_error (error, db, rc, "SQL failed");

  return TRUE;
}

/* IMMEDIATE takes the write lock up front, so the busy timeout applies here and a transaction
 * never fails half-way because another process started writing. */
gboolean
_kiosk_store_begin (KioskStore  *self,
                    GError     **error)
{
  return _kiosk_store_exec (self->db, "BEGIN IMMEDIATE", error);
}

gboolean
_kiosk_store_commit (KioskStore  *self,
                     GError     **error)
{
  return _kiosk_store_exec (self->db, "COMMIT", error);
}

/* After a failure: SQLite may already have rolled back (SQLITE_FULL, SQLITE_IOERR), or may keep
 * the transaction open (SQLITE_BUSY on COMMIT); either way nothing half-written remains. */
void
_kiosk_store_rollback (sqlite3 *db)
{
  int rc;

  if (sqlite3_get_autocommit (db))
    return;

  rc = sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    g_warning ("Could not roll back a failed transaction: %s", sqlite3_errmsg (db));
}

void
_kiosk_store_bind_time (sqlite3_stmt *stmt,
                        int           index,
                        GDateTime    *time)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *text = NULL;

  if (time == NULL)
    {
      sqlite3_bind_null (stmt, index);
      return;
    }

  utc = g_date_time_to_utc (time);
  text = g_date_time_format (utc, TIME_FORMAT);
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/**
 * _kiosk_store_column_time:
 *
 * Returns: (transfer full) (nullable): the time stored in @column
 */
GDateTime *
_kiosk_store_column_time (sqlite3_stmt *stmt,
                          int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

/**
 * _kiosk_store_transaction:
 *
 * Takes the lock and runs @func between BEGIN IMMEDIATE and COMMIT. When @func or the COMMIT
 * fails, the transaction is rolled back, so nothing half-written remains.
 *
 * Returns: what @func returned, or -1 with @error set
 */
gint64
_kiosk_store_transaction (KioskStore                 *self,
                          KioskStoreTransactionFunc   func,
                          gpointer                    data,
                          GError                    **error)
{
  g_autoptr(GMutexLocker) locker = _kiosk_store_lock (self);
  gint64 result;

  if (!_kiosk_store_begin (self, error))
    return -1;

  result = func (self, data, error);
  if (result < 0 || !_kiosk_store_commit (self, error))
    {
      _kiosk_store_rollback (self->db);
      return -1;
    }

  return result;
}

/* After deleting requests (takes the lock): fold the WAL into the database, where secure_delete
 * has zeroed the deleted rows, and truncate it, so no copy of a deleted row stays in the -wal.
 * A reader in another process (the command-line export, a backup) that still uses older frames
 * makes it fail; then it is owed, see checkpoint_locked(). */
void
_kiosk_store_checkpoint (KioskStore *self)
{
  g_autoptr(GMutexLocker) locker = _kiosk_store_lock (self);

  checkpoint_locked (self, CHECKPOINT_WAIT_MS);
}

/* Audit events and usage items are short identifiers, so free text (a name) cannot end up in
 * those tables by mistake. */
gboolean
_kiosk_store_is_valid_key (const char *key)
{
  gsize len = 0;

  if (key == NULL)
    return FALSE;

  for (const char *p = key; *p != '\0'; p++, len++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
        return FALSE;
    }

  return len > 0 && len <= 64;
}

/* The first column of the first row, as text ("" for NULL). */
static gboolean
query_text (sqlite3     *db,
            const char  *sql,
            char       **out,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _kiosk_store_set_error (error, db, rc, "Could not query the database");

  *out = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  if (*out == NULL)
    *out = g_strdup ("");

  return TRUE;
}

/* Opening -------------------------------------------------------------------------------------- */

/* SQLite gives the -wal and -shm files the database file's mode, so creating the file ourselves
 * with 0600 keeps all three private whatever the umask is. */
static gboolean
precreate_private_file (const char  *path,
                        GError     **error)
{
  GStatBuf st;
  int fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  int errsv;

  if (fd < 0)
    return _kiosk_store_set_errno_error (error, errno, "Could not open", path);

  /* A file copied in by hand may be 0644; the patient data in it is not. */
  if (fstat (fd, &st) != 0 || ((st.st_mode & 0777) != 0600 && fchmod (fd, 0600) != 0))
    {
      errsv = errno;
      g_close (fd, NULL);
      return _kiosk_store_set_errno_error (error, errsv, "Could not make private", path);
    }

  if (!g_close (fd, NULL))
    return _kiosk_store_set_errno_error (error, errno, "Could not close", path);

  return TRUE;
}

/* @checkpoint: whether the file passed its checks. Every connection of ours then truncates the
 * WAL as it closes, so a command-line export that held a snapshot while staff deleted requests
 * leaves no copy of them behind; SQLite itself does this only for the last connection. */
static void
close_connection (KioskStore *self,
                  gboolean    checkpoint)
{
  if (self->db == NULL)
    return;

  if (checkpoint)
    {
      self->busy_timeout_ms = CHECKPOINT_WAIT_MS;
      if (sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE,
                                     NULL, NULL) != SQLITE_OK)
        g_debug ("WAL checkpoint at close postponed: %s", sqlite3_errmsg (self->db));
    }

  /* _v2: a statement still open somewhere makes the connection close when it is finalized,
   * instead of leaving it (and its file descriptors) open for the life of the kiosk. */
  if (sqlite3_close_v2 (self->db) != SQLITE_OK)
    g_warning ("Could not close the request database: %s", sqlite3_errmsg (self->db));

  self->db = NULL;
}

static gboolean
open_connection (KioskStore  *self,
                 GError     **error)
{
  int rc = sqlite3_open_v2 (self->db_path, &self->db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc != SQLITE_OK)
    {
      _kiosk_store_set_error (error, self->db, rc, "Could not open the request database");
      close_connection (self, FALSE);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_handler (self->db, busy_wait, &self->busy_timeout_ms);
  /* No writable_schema tricks or other ways for SQL to corrupt the file on purpose. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);

  return TRUE;
}

/* quick_check lists a page it could not read as "unable to get the page. error code=N". When N
 * is an I/O error the disk failed a read, which says nothing about the file's contents. */
static gboolean
mentions_read_failure (const char *report)
{
  const char *p = report;

  while ((p = strstr (p, "error code=")) != NULL)
    {
      p += strlen ("error code=");
      if ((g_ascii_strtoll (p, NULL, 10) & 0xff) == SQLITE_IOERR)
        return TRUE;
    }

  return FALSE;
}

/* quick_check reads every page, so a file SQLite can open but not read is found at start, not
 * in the middle of a patient's save. */
static gboolean
check_database (sqlite3  *db,
                GError  **error)
{
  g_autofree char *result = NULL;

  if (!query_text (db, "PRAGMA quick_check", &result, error))
    return FALSE;

  if (g_str_equal (result, "ok"))
    return TRUE;

  /* Single line: the report lists one problem a line. */
  g_strdelimit (result, "\n", ' ');
  g_set_error (error, KIOSK_STORE_ERROR,
               mentions_read_failure (result) ? KIOSK_STORE_ERROR_IO : KIOSK_STORE_ERROR_CORRUPT,
               "The database failed its integrity check: %s", result);

  return FALSE;
}

static gboolean
configure_connection (sqlite3  *db,
                      GError  **error)
{
  g_autofree char *mode = NULL;

  /* Setting the mode takes a lock; a file already in WAL mode (every file after its first
   * open) is only asked, so opening never waits behind a writer. */
  if (!query_text (db, "PRAGMA journal_mode", &mode, error))
    return FALSE;
  if (!g_str_equal (mode, "wal"))
    {
      g_clear_pointer (&mode, g_free);
      if (!query_text (db, "PRAGMA journal_mode = WAL", &mode, error))
        return FALSE;
    }

  if (!g_str_equal (mode, "wal"))
    {
      g_set_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_FAILED,
                   "The database could not use write-ahead logging (it is in “%s” mode)", mode);
      return FALSE;
    }

  return _kiosk_store_exec (db,
                            "PRAGMA synchronous = FULL;"
                            "PRAGMA foreign_keys = ON;"
                            "PRAGMA secure_delete = ON;",
                            error);
}

/* A read that failed in the kernel (EIO) comes back from SQLite as SQLITE_CORRUPT (it maps
 * SQLITE_IOERR_CORRUPTFS to it), although nothing may be wrong with the file. The connection's
 * system errno tells the two apart: a fresh connection has one only after a failed system call. */
static void
reclassify_read_failure (KioskStore  *self,
                         GError      *error)
{
  if (g_error_matches (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_CORRUPT) &&
      sqlite3_system_errno (self->db) != 0)
    error->code = KIOSK_STORE_ERROR_IO;
}

/* One look at the file, on a fresh connection. */
static gboolean
open_database_once (KioskStore  *self,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!precreate_private_file (self->db_path, error) || !open_connection (self, error))
    return FALSE;

  /* Until the file passed its check, closing must not checkpoint: that would fold a -wal into a
   * damaged file and delete it before we could set both aside. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);

  if (!check_database (self->db, &local_error) ||
      !_kiosk_store_check_schema (self->db, &local_error) ||
      !configure_connection (self->db, &local_error) ||
      !_kiosk_store_migrate (self->db, &local_error))
    {
      reclassify_read_failure (self, local_error);
      close_connection (self, FALSE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);

  return TRUE;
}

static gboolean
is_damage (const GError *error)
{
  return g_error_matches (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_CORRUPT) ||
         g_error_matches (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_FOREIGN_SCHEMA);
}

/*
 * Only a definite verdict may make kiosk_store_open() set the file aside, and a failing disk can
 * make a healthy file look damaged (a read error, a short read of zeros). So:
 * - an I/O error is retried a few times with a short back-off, and if it stays, it is reported
 *   as %KIOSK_STORE_ERROR_IO with the file left as it is;
 * - damage (or a schema that is not ours) counts only when a second fresh connection finds the
 *   very same thing; damage that changes from one look to the next is an I/O problem too.
 */
static gboolean
open_database (KioskStore  *self,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *first_damage = NULL;
  guint delay_ms = OPEN_RETRY_MS;

  for (guint attempt = 1; ; attempt++)
    {
      g_clear_error (&local_error);
      if (open_database_once (self, &local_error))
        return TRUE;

      if (is_damage (local_error))
        {
          if (first_damage != NULL && g_str_equal (first_damage, local_error->message))
            break;
          g_free (first_damage);
          first_damage = g_strdup (local_error->message);
        }
      else if (!g_error_matches (local_error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_IO))
        break;

      if (attempt == OPEN_ATTEMPTS)
        {
          if (is_damage (local_error))
            local_error->code = KIOSK_STORE_ERROR_IO;
          break;
        }

      g_debug ("Opening the request database again: %s", local_error->message);
      g_usleep (delay_ms * 1000);
      delay_ms *= 2;
    }

  if (g_error_matches (local_error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_IO))
    g_prefix_error (&local_error, "The disk reported an I/O error %u times in a row, so the "
                    "request database was left as it is: ", OPEN_ATTEMPTS);
  g_propagate_error (error, g_steal_pointer (&local_error));

  return FALSE;
}

static gboolean
remove_database_files (const char  *db_path,
                       GError     **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db_path, suffixes[i], NULL);

      if (g_unlink (path) != 0 && errno != ENOENT)
        return _kiosk_store_set_errno_error (error, errno, "Could not remove", path);
    }

  return TRUE;
}

/* The damaged files are copied (never moved) first; only when the copies are safely on disk are
 * the originals replaced by a new database. If the copy fails nothing is removed. */
static gboolean
start_over (KioskStore    *self,
            const GError  *damage,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *quarantine = NULL;

  quarantine = _kiosk_store_quarantine (self->data_dir, self->db_path, &local_error);
  if (quarantine == NULL)
    {
      g_set_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_CORRUPT,
                   "%s, and it could not be set aside: %s", damage->message, local_error->message);
      return FALSE;
    }

  g_warning ("%s; copied it to %s and started a new, empty database",
             damage->message, quarantine);

  if (!remove_database_files (self->db_path, error))
    return FALSE;

  if (g_error_matches (damage, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_FOREIGN_SCHEMA))
    self->warning = g_strdup_printf (_("The request database was not one this kiosk made, so a "
                                       "new, empty one was started. The file is kept in %s."),
                                     quarantine);
  else
    self->warning = g_strdup_printf (_("The request database was damaged, so a new, empty one "
                                       "was started. A copy of the damaged file is kept in %s."),
                                     quarantine);

  return open_database (self, error);
}

static KioskStore *
store_new (const char *data_dir)
{
  KioskStore *self = g_object_new (KIOSK_TYPE_STORE, NULL);

  if (data_dir != NULL)
    self->data_dir = g_strdup (data_dir);
  else
    self->data_dir = g_build_filename (g_get_user_data_dir (), PACKAGE_NAME, NULL);
  self->db_path = g_build_filename (self->data_dir, KIOSK_STORE_DB_NAME, NULL);
  self->context = g_main_context_ref_thread_default ();

  return self;
}

/**
 * kiosk_store_open:
 * @data_dir: (nullable): the data folder, or %NULL for `$XDG_DATA_HOME/patient-kiosk`
 * @error: return location for a #KIOSK_STORE_ERROR
 *
 * Opens (creating when needed) `requests.db` in @data_dir and brings its schema up to date,
 * after kiosk_data_dir_secure() accepted the folder (%KIOSK_STORE_ERROR_UNSAFE otherwise).
 * A file whose damage a second look confirms, or whose schema is not ours, is copied into
 * `quarantine/` and replaced by an empty database; kiosk_store_get_warning() then says so for
 * staff. An I/O error is retried a few times and then reported as %KIOSK_STORE_ERROR_IO with
 * the file left in place; a file of a newer kiosk is left untouched
 * (%KIOSK_STORE_ERROR_NEWER_SCHEMA).
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
KioskStore *
kiosk_store_open (const char  *data_dir,
                  GError     **error)
{
  g_autoptr(KioskStore) self = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = store_new (data_dir);
  if (!kiosk_data_dir_secure (self->data_dir, KIOSK_DATA_DIR_CREATE, error))
    return NULL;

  if (!open_database (self, &local_error))
    {
      if (!is_damage (local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (!start_over (self, local_error, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * kiosk_store_open_existing:
 * @data_dir: (nullable): the data folder, or %NULL for `$XDG_DATA_HOME/patient-kiosk`
 * @error: return location for a #KIOSK_STORE_ERROR
 *
 * Opens `requests.db` in @data_dir only if it is there, for the command line, which may run
 * next to a kiosk that has the file open. It never creates a folder or a database (an export
 * from a mistyped folder must fail, not succeed with nothing), and it never sets a damaged file
 * aside: replacing the database under a running kiosk would send its saves to a deleted file.
 * An older schema is brought up to date, as kiosk_store_open() does.
 *
 * Returns: (transfer full): the store, or %NULL with @error set: %KIOSK_STORE_ERROR_NOT_FOUND
 *   when there is no database, %KIOSK_STORE_ERROR_CORRUPT when it fails its integrity check,
 *   %KIOSK_STORE_ERROR_FOREIGN_SCHEMA when it is not a request database of ours,
 *   %KIOSK_STORE_ERROR_UNSAFE when kiosk_data_dir_secure() refuses the folder
 */
KioskStore *
kiosk_store_open_existing (const char  *data_dir,
                           GError     **error)
{
  g_autoptr(KioskStore) self = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = store_new (data_dir);
  if (!kiosk_data_dir_secure (self->data_dir, 0, &local_error) &&
      !g_error_matches (local_error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (local_error != NULL || !g_file_test (self->db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *display = g_filename_display_name (self->data_dir);

      g_set_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_NOT_FOUND,
                   "There is no request database in %s", display);
      return NULL;
    }

  if (!open_database (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
kiosk_store_get_data_dir (KioskStore *self)
{
  g_return_val_if_fail (KIOSK_IS_STORE (self), NULL);

  return self->data_dir;
}

/**
 * kiosk_store_get_warning:
 *
 * Returns: (nullable): a sentence for staff when opening had to set a damaged database aside
 */
const char *
kiosk_store_get_warning (KioskStore *self)
{
  g_return_val_if_fail (KIOSK_IS_STORE (self), NULL);

  return self->warning;
}

/**
 * kiosk_store_describe_error:
 * @error: (nullable): why kiosk_store_open() failed
 *
 * Returns: a plain sentence for staff about a store that could not be opened, in the current
 *   language
 */
const char *
kiosk_store_describe_error (const GError *error)
{
  if (error == NULL || error->domain != KIOSK_STORE_ERROR)
    return _("The request store could not be opened, so requests cannot be saved or shown. "
             "The system log says why.");

  switch ((KioskStoreError)error->code)
    {
    case KIOSK_STORE_ERROR_IO:
      return _("The disk failed while the request database was being read, so requests cannot "
               "be saved or shown. The file was left as it is. Have the disk checked, then "
               "restart the kiosk.");
    case KIOSK_STORE_ERROR_READ_ONLY:
      return _("The request database cannot be written (the disk or its folder is read-only), "
               "so requests cannot be saved or shown.");
    case KIOSK_STORE_ERROR_FULL:
      return _("The disk is full, so the request database cannot be opened and requests cannot "
               "be saved or shown.");
    case KIOSK_STORE_ERROR_NEWER_SCHEMA:
      return _("The request database was written by a newer version of the kiosk. This version "
               "leaves it untouched and cannot save or show requests; install the newer "
               "version again.");
    case KIOSK_STORE_ERROR_UNSAFE:
      return _("The data folder, or a file in it, belongs to another user or is a link, so "
               "requests are neither saved nor shown.");
    case KIOSK_STORE_ERROR_FAILED:
    case KIOSK_STORE_ERROR_CORRUPT:
    case KIOSK_STORE_ERROR_BUSY:
    case KIOSK_STORE_ERROR_NOT_FOUND:
    case KIOSK_STORE_ERROR_FOREIGN_SCHEMA:
    default:
      return _("The request store could not be opened, so requests cannot be saved or shown. "
               "The system log says why.");
    }
}

/* Test hooks ----------------------------------------------------------------------------------- */

gboolean
_kiosk_store_test_exec (KioskStore  *self,
                        const char  *sql,
                        GError     **error)
{
  g_autoptr(GMutexLocker) locker = _kiosk_store_lock (self);

  return _kiosk_store_exec (self->db, sql, error);
}

char *
_kiosk_store_test_query (KioskStore  *self,
                         const char  *sql,
                         GError     **error)
{
  g_autoptr(GMutexLocker) locker = _kiosk_store_lock (self);
  char *result = NULL;

  query_text (self->db, sql, &result, error);

  return result;
}

/* GObject -------------------------------------------------------------------------------------- */

static void
kiosk_store_finalize (GObject *object)
{
  KioskStore *self = (KioskStore *)object;

  cancel_checkpoint_timer (self);
  close_connection (self, TRUE);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_mutex_clear (&self->mutex);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->warning, g_free);

  G_OBJECT_CLASS (kiosk_store_parent_class)->finalize (object);
}

static void
kiosk_store_class_init (KioskStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kiosk_store_finalize;
}

static void
kiosk_store_init (KioskStore *self)
{
  g_mutex_init (&self->mutex);
  self->busy_timeout_ms = BUSY_TIMEOUT_MS;
  self->checkpoint_delay = CHECKPOINT_FIRST_DELAY_S;
}
