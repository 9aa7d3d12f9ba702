/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A power-cut simulator: an SQLite VFS over the "unix" VFS, registered as the default, so the
 * real KioskStore code runs unchanged on top of it. Every call goes through to the real files;
 * on the side, the shim keeps for each file what the disk is guaranteed to hold:
 *
 *  - an inode's durable bytes change only when xSync on it succeeds; writes and truncations in
 *    between are kept as a list of pending operations;
 *  - a name in the folder is durable only once the folder was synced. The unix VFS syncs the
 *    folder after the first xSync of a -wal or -journal it created, and after xDelete with
 *    syncDir; it never syncs it after removing the -wal on close, so a removed file can come
 *    back at a cut, with its old durable bytes.
 *
 * kiosk_test_vfs_arm() starts counting xWrite, xTruncate, xSync and xDelete calls; after the
 * Nth, the power is off: every later write, sync, delete or read fails with an I/O error. Once
 * the caller has closed its connections, kiosk_test_vfs_power_cut() rewrites the files as the
 * disk would hold them after a reboot (and drops the -shm, which lives in memory), and the
 * shim goes back to passing calls through untracked.
 *
 * kiosk_test_vfs_set_failing() is a plainer fault: while set, every write or sync (of any file)
 * fails with SQLITE_IOERR_WRITE or SQLITE_IOERR_FSYNC, which is what the unix VFS returns when
 * pwrite() or fsync() fail with EIO.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "kiosk-test-vfs.h"

typedef struct
{
  gboolean  truncate;
  gint64    offset;  /* the new size, for a truncation */
  GBytes   *data;
} PendingOp;

typedef struct
{
  GByteArray *durable;
  GPtrArray  *pending;  /* PendingOp*, in order */
} Inode;

typedef struct
{
  Inode *live;   /* what the name refers to now, or NULL once deleted */
  Inode *entry;  /* what the durable folder entry refers to, or NULL */
} PathState;

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;
  char         *path;     /* NULL for files the shim does not track */
  gboolean      dirsync;  /* the unix VFS will sync the folder at this file's next xSync */
} ShimFile;

static sqlite3_vfs *unix_vfs;
static GMutex lock;
static GHashTable *paths;  /* path -> PathState* */
static gboolean armed;
static gboolean dead;
static guint cut_after;
static guint events;
static KioskTestFailFlags failing;

/* The model ---------------------------------------------------------------------------------- */

static void
pending_op_free (gpointer data)
{
  PendingOp *op = data;

  g_clear_pointer (&op->data, g_bytes_unref);
  g_free (op);
}

static Inode *
inode_new (const guint8 *data,
           gsize         length)
{
  Inode *inode = g_rc_box_new0 (Inode);

  inode->durable = g_byte_array_sized_new (length);
  g_byte_array_append (inode->durable, data, length);
  inode->pending = g_ptr_array_new_with_free_func (pending_op_free);

  return inode;
}

static void
inode_clear (gpointer data)
{
  Inode *inode = data;

  g_byte_array_unref (inode->durable);
  g_ptr_array_unref (inode->pending);
}

static void
inode_unref (Inode *inode)
{
  if (inode != NULL)
    g_rc_box_release_full (inode, inode_clear);
}

static Inode *
inode_ref (Inode *inode)
{
  return inode != NULL ? g_rc_box_acquire (inode) : NULL;
}

static void
path_state_free (gpointer data)
{
  PathState *state = data;

  inode_unref (state->live);
  inode_unref (state->entry);
  g_free (state);
}

static void
apply_op (GByteArray      *bytes,
          const PendingOp *op)
{
  gsize length;
  const guint8 *data;

  if (op->truncate)
    {
      g_byte_array_set_size (bytes, op->offset);
      return;
    }

  data = g_bytes_get_data (op->data, &length);
  if (bytes->len < op->offset + length)
    {
      guint old = bytes->len;

      g_byte_array_set_size (bytes, op->offset + length);
      memset (bytes->data + old, 0, bytes->len - old);
    }
  memcpy (bytes->data + op->offset, data, length);
}

static void
inode_add_op (Inode    *inode,
              gboolean  truncate,
              gint64    offset,
              gconstpointer data,
              gsize     length)
{
  PendingOp *op = g_new0 (PendingOp, 1);

  op->truncate = truncate;
  op->offset = offset;
  op->data = data != NULL ? g_bytes_new (data, length) : NULL;
  g_ptr_array_add (inode->pending, op);
}

static void
inode_sync (Inode *inode)
{
  for (guint i = 0; i < inode->pending->len; i++)
    apply_op (inode->durable, g_ptr_array_index (inode->pending, i));
  g_ptr_array_set_size (inode->pending, 0);
}

/* A folder sync makes every name in it durable as it is now. */
static void
sync_folder (const char *dir)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, paths);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *parent = g_path_get_dirname (key);
      PathState *state = value;

      if (g_str_equal (parent, dir) && state->entry != state->live)
        {
          inode_unref (state->entry);
          state->entry = inode_ref (state->live);
        }
    }
}

static void
sync_folder_of (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  sync_folder (dir);
}

/* A file the shim has not seen yet counts as durable when it @existed before the call that
 * brought it to the shim's attention: it was there before the run started. */
static PathState *
lookup_path_full (const char *path,
                  gboolean    existed)
{
  PathState *state = g_hash_table_lookup (paths, path);
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (state != NULL)
    return state;

  state = g_new0 (PathState, 1);
  if (existed && g_file_get_contents (path, &contents, &length, NULL))
    {
      state->live = inode_new ((const guint8 *)contents, length);
      state->entry = inode_ref (state->live);
    }
  g_hash_table_insert (paths, g_strdup (path), state);

  return state;
}

static PathState *
lookup_path (const char *path)
{
  return lookup_path_full (path, TRUE);
}

/* Counts a write, truncation, sync or delete. FALSE once the power is off: the call must fail
 * without touching the disk. */
static gboolean
count_event (void)
{
  if (!armed)
    return TRUE;
  if (dead)
    return FALSE;

  events++;
  if (cut_after > 0 && events > cut_after)
    dead = TRUE;

  return !dead;
}

/* The io methods ----------------------------------------------------------------------------- */

#define SHIM(file) ((ShimFile *)(file))
#define REAL(file) (SHIM (file)->real)

static int
shim_close (sqlite3_file *file)
{
  ShimFile *shim = SHIM (file);
  int rc = shim->real->pMethods->xClose (shim->real);

  g_clear_pointer (&shim->path, g_free);

  return rc;
}

static int
shim_read (sqlite3_file *file,
           void         *buffer,
           int           amount,
           sqlite3_int64 offset)
{
  gboolean off;

  g_mutex_lock (&lock);
  off = armed && dead;
  g_mutex_unlock (&lock);
  if (off)
    return SQLITE_IOERR_READ;

  return REAL (file)->pMethods->xRead (REAL (file), buffer, amount, offset);
}

static Inode *
live_inode (ShimFile *shim)
{
  return shim->path != NULL ? lookup_path (shim->path)->live : NULL;
}

static int
shim_write (sqlite3_file *file,
            const void   *buffer,
            int           amount,
            sqlite3_int64 offset)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);
  Inode *inode = live_inode (SHIM (file));
  int rc;

  if ((failing & KIOSK_TEST_FAIL_WRITES) != 0 || (inode != NULL && !count_event ()))
    return SQLITE_IOERR_WRITE;

  rc = REAL (file)->pMethods->xWrite (REAL (file), buffer, amount, offset);
  if (rc == SQLITE_OK && inode != NULL && armed)
    inode_add_op (inode, FALSE, offset, buffer, amount);

  return rc;
}

static int
shim_truncate (sqlite3_file *file,
               sqlite3_int64 size)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);
  Inode *inode = live_inode (SHIM (file));
  int rc;

  if (inode != NULL && !count_event ())
    return SQLITE_IOERR_TRUNCATE;

  rc = REAL (file)->pMethods->xTruncate (REAL (file), size);
  if (rc == SQLITE_OK && inode != NULL && armed)
    inode_add_op (inode, TRUE, size, NULL, 0);

  return rc;
}

static int
shim_sync (sqlite3_file *file,
           int           flags)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);
  ShimFile *shim = SHIM (file);
  Inode *inode = live_inode (shim);
  int rc;

  if ((failing & KIOSK_TEST_FAIL_SYNCS) != 0 || (inode != NULL && !count_event ()))
    return SQLITE_IOERR_FSYNC;

  rc = shim->real->pMethods->xSync (shim->real, flags);
  if (rc == SQLITE_OK && inode != NULL)
    {
      inode_sync (inode);
      if (shim->dirsync)
        sync_folder_of (shim->path);
    }
  if (rc == SQLITE_OK)
    shim->dirsync = FALSE;

  return rc;
}

static int
shim_file_size (sqlite3_file  *file,
                sqlite3_int64 *size)
{
  return REAL (file)->pMethods->xFileSize (REAL (file), size);
}

static int
shim_lock (sqlite3_file *file,
           int           level)
{
  return REAL (file)->pMethods->xLock (REAL (file), level);
}

static int
shim_unlock (sqlite3_file *file,
             int           level)
{
  return REAL (file)->pMethods->xUnlock (REAL (file), level);
}

static int
shim_check_reserved_lock (sqlite3_file *file,
                          int          *result)
{
  return REAL (file)->pMethods->xCheckReservedLock (REAL (file), result);
}

static int
shim_file_control (sqlite3_file *file,
                   int           op,
                   void         *arg)
{
  return REAL (file)->pMethods->xFileControl (REAL (file), op, arg);
}

static int
shim_sector_size (sqlite3_file *file)
{
  return REAL (file)->pMethods->xSectorSize (REAL (file));
}

static int
shim_device_characteristics (sqlite3_file *file)
{
  return REAL (file)->pMethods->xDeviceCharacteristics (REAL (file));
}

static int
shim_shm_map (sqlite3_file  *file,
              int            region,
              int            size,
              int            extend,
              void volatile **out)
{
  return REAL (file)->pMethods->xShmMap (REAL (file), region, size, extend, out);
}

static int
shim_shm_lock (sqlite3_file *file,
               int           offset,
               int           n,
               int           flags)
{
  return REAL (file)->pMethods->xShmLock (REAL (file), offset, n, flags);
}

static void
shim_shm_barrier (sqlite3_file *file)
{
  REAL (file)->pMethods->xShmBarrier (REAL (file));
}

static int
shim_shm_unmap (sqlite3_file *file,
                int           delete_flag)
{
  return REAL (file)->pMethods->xShmUnmap (REAL (file), delete_flag);
}

/* No memory-mapped reads: they would bypass the power-off check in xRead. */
static int
shim_fetch (sqlite3_file  *file,
            sqlite3_int64  offset,
            int            amount,
            void         **out)
{
  *out = NULL;

  return SQLITE_OK;
}

static int
shim_unfetch (sqlite3_file  *file,
              sqlite3_int64  offset,
              void          *page)
{
  return SQLITE_OK;
}

static const sqlite3_io_methods shim_io_methods = {
  3,
  shim_close,
  shim_read,
  shim_write,
  shim_truncate,
  shim_sync,
  shim_file_size,
  shim_lock,
  shim_unlock,
  shim_check_reserved_lock,
  shim_file_control,
  shim_sector_size,
  shim_device_characteristics,
  shim_shm_map,
  shim_shm_lock,
  shim_shm_barrier,
  shim_shm_unmap,
  shim_fetch,
  shim_unfetch,
};

/* The VFS ------------------------------------------------------------------------------------ */

#define TRACKED_TYPES (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_JOURNAL | \
                       SQLITE_OPEN_SUPER_JOURNAL)
/* The files after whose creation the unix VFS syncs the folder (unixOpen's syncDir). */
#define DIRSYNC_TYPES (SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_JOURNAL | SQLITE_OPEN_SUPER_JOURNAL)

static void
track_open (ShimFile   *shim,
            const char *name,
            gboolean    existed,
            int         flags)
{
  PathState *state;

  if (name == NULL || (flags & TRACKED_TYPES) == 0)
    return;

  shim->path = g_strdup (name);
  shim->dirsync = (flags & SQLITE_OPEN_CREATE) != 0 && (flags & DIRSYNC_TYPES) != 0;

  state = lookup_path_full (name, existed);
  if (!existed || state->live == NULL)
    {
      /* A new inode: nothing of it is durable, and the folder entry is not either. */
      inode_unref (state->live);
      state->live = inode_new (NULL, 0);
    }
}

static int
shim_open (sqlite3_vfs  *vfs,
           const char   *name,
           sqlite3_file *file,
           int           flags,
           int          *out_flags)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);
  ShimFile *shim = SHIM (file);
  gboolean existed = name != NULL && g_file_test (name, G_FILE_TEST_EXISTS);
  int rc;

  memset (shim, 0, sizeof *shim);
  shim->real = (sqlite3_file *)&shim[1];
  if (armed && dead)
    return SQLITE_CANTOPEN;

  rc = unix_vfs->xOpen (unix_vfs, name, shim->real, flags, out_flags);
  if (shim->real->pMethods == NULL)
    return rc;

  file->pMethods = &shim_io_methods;
  if (armed)
    track_open (shim, name, existed, flags);

  return rc;
}

static int
shim_delete (sqlite3_vfs *vfs,
             const char  *name,
             int          sync_dir)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);
  int rc;

  if (armed)
    lookup_path (name);
  if (!count_event ())
    return SQLITE_IOERR_DELETE;

  rc = unix_vfs->xDelete (unix_vfs, name, sync_dir);
  if (armed && (rc == SQLITE_OK || rc == SQLITE_IOERR_DELETE_NOENT))
    {
      PathState *state = lookup_path (name);

      g_clear_pointer (&state->live, inode_unref);
      if (sync_dir && rc == SQLITE_OK)
        sync_folder_of (name);
    }

  return rc;
}

static int
shim_access (sqlite3_vfs *vfs,
             const char  *name,
             int          flags,
             int         *result)
{
  return unix_vfs->xAccess (unix_vfs, name, flags, result);
}

static int
shim_full_pathname (sqlite3_vfs *vfs,
                    const char  *name,
                    int          n_out,
                    char        *out)
{
  return unix_vfs->xFullPathname (unix_vfs, name, n_out, out);
}

static void *
shim_dl_open (sqlite3_vfs *vfs,
              const char  *name)
{
  return unix_vfs->xDlOpen (unix_vfs, name);
}

static void
shim_dl_error (sqlite3_vfs *vfs,
               int          n,
               char        *out)
{
  unix_vfs->xDlError (unix_vfs, n, out);
}

static void (*shim_dl_sym (sqlite3_vfs *vfs,
                           void        *handle,
                           const char  *symbol)) (void)
{
  return unix_vfs->xDlSym (unix_vfs, handle, symbol);
}

static void
shim_dl_close (sqlite3_vfs *vfs,
               void        *handle)
{
  unix_vfs->xDlClose (unix_vfs, handle);
}

static int
shim_randomness (sqlite3_vfs *vfs,
                 int          n,
                 char        *out)
{
  return unix_vfs->xRandomness (unix_vfs, n, out);
}

static int
shim_sleep (sqlite3_vfs *vfs,
            int          microseconds)
{
  return unix_vfs->xSleep (unix_vfs, microseconds);
}

static int
shim_current_time (sqlite3_vfs *vfs,
                   double      *now)
{
  return unix_vfs->xCurrentTime (unix_vfs, now);
}

static int
shim_get_last_error (sqlite3_vfs *vfs,
                     int          n,
                     char        *out)
{
  return unix_vfs->xGetLastError (unix_vfs, n, out);
}

static int
shim_current_time_int64 (sqlite3_vfs   *vfs,
                         sqlite3_int64 *now)
{
  return unix_vfs->xCurrentTimeInt64 (unix_vfs, now);
}

static sqlite3_vfs shim_vfs = {
  2,                 /* version 2: no system call overrides */
  0,                 /* szOsFile, set at install */
  0,                 /* mxPathname, set at install */
  NULL,
  "kiosk-powercut",
  NULL,
  shim_open,
  shim_delete,
  shim_access,
  shim_full_pathname,
  shim_dl_open,
  shim_dl_error,
  shim_dl_sym,
  shim_dl_close,
  shim_randomness,
  shim_sleep,
  shim_current_time,
  shim_get_last_error,
  shim_current_time_int64,
  NULL, NULL, NULL,
};

/**
 * kiosk_test_vfs_install:
 *
 * Registers the shim as SQLite's default VFS, passing every call through until armed.
 */
void
kiosk_test_vfs_install (void)
{
  if (unix_vfs != NULL)
    return;

  unix_vfs = sqlite3_vfs_find ("unix");
  g_assert_nonnull (unix_vfs);
  shim_vfs.szOsFile = sizeof (ShimFile) + unix_vfs->szOsFile;
  shim_vfs.mxPathname = unix_vfs->mxPathname;
  g_assert_cmpint (sqlite3_vfs_register (&shim_vfs, 1), ==, SQLITE_OK);
  paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, path_state_free);
}

void
kiosk_test_vfs_set_failing (KioskTestFailFlags flags)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);

  g_assert_nonnull (unix_vfs);
  failing = flags;
}

/**
 * kiosk_test_vfs_arm:
 * @cut_after: the power goes off after this many writes, truncations, syncs and deletes;
 *   0 never cuts (to count the calls of a run)
 *
 * Starts a new run: files seen from now on that already exist count as durable.
 */
void
kiosk_test_vfs_arm (guint cut_after_calls)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);

  g_assert_nonnull (unix_vfs);
  g_hash_table_remove_all (paths);
  armed = TRUE;
  dead = FALSE;
  events = 0;
  cut_after = cut_after_calls;
}

guint
kiosk_test_vfs_get_events (void)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);

  return events;
}

gboolean
kiosk_test_vfs_is_cut (void)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);

  return dead;
}

/* The power goes off now: every later write, sync, delete or read fails. */
void
kiosk_test_vfs_cut_now (void)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);

  g_assert_true (armed);
  dead = TRUE;
}

/* What the disk holds for @state after the reboot, or NULL when the name is gone. */
static GByteArray *
after_reboot (PathState        *state,
              KioskTestCutMode  mode,
              GRand            *rand)
{
  GByteArray *bytes;

  if (state->entry == NULL)
    return NULL;

  bytes = g_byte_array_sized_new (state->entry->durable->len);
  g_byte_array_append (bytes, state->entry->durable->data, state->entry->durable->len);
  for (guint i = 0; mode == KIOSK_TEST_CUT_TORN && i < state->entry->pending->len; i++)
    {
      if (g_rand_boolean (rand))
        apply_op (bytes, g_ptr_array_index (state->entry->pending, i));
    }

  return bytes;
}

static void
write_file (const char *path,
            GByteArray *bytes)
{
  int fd;

  if (bytes == NULL)
    {
      if (g_unlink (path) != 0)
        g_assert_cmpint (errno, ==, ENOENT);
      return;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  g_assert_cmpint (fd, >=, 0);
  for (gsize done = 0; done < bytes->len; )
    {
      gssize n = write (fd, bytes->data + done, bytes->len - done);

      g_assert_cmpint (n, >, 0);
      done += n;
    }
  g_assert_true (g_close (fd, NULL));
}

/**
 * kiosk_test_vfs_power_cut:
 * @mode: what happens to writes that were not synced
 * @seed: for %KIOSK_TEST_CUT_TORN, which of them reach the disk
 *
 * Call with every connection closed. Leaves each tracked file as the disk would hold it after
 * a power cut at this moment, removes the -shm files and disarms the shim.
 */
void
kiosk_test_vfs_power_cut (KioskTestCutMode mode,
                          guint32          seed)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, paths);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(GByteArray) bytes = after_reboot (value, mode, rand);
      g_autofree char *shm = g_strconcat (key, "-shm", NULL);

      write_file (key, bytes);
      g_unlink (shm);
    }

  g_hash_table_remove_all (paths);
  armed = FALSE;
  dead = FALSE;
}
