/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A streaming CSV writer: every row goes straight into a buffered output stream, so exporting
 * 100 000 requests needs no more memory than one row. See kiosk-csv-writer.h for the format.
 *
 * Files are written by hand (mkstemp, fsync, rename, fsync of the folder) rather than with
 * g_file_replace(): GLib only fsyncs there in some cases and never syncs the folder, and an
 * explicit sequence makes the guarantee easy to read: the target name either keeps its old
 * contents or gets the complete new file, never a part of it.
 */

#include "config.h"

#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kiosk-csv-writer.h"

#define BUFFER_SIZE (64 * 1024)
#define UTF8_BOM    "\xEF\xBB\xBF"

/* Temporary files are named ".TARGET.patient-kiosk-XXXXXX", so that a later export can tell its
 * own leftovers (after SIGKILL or a power cut) from anybody else's files. */
#define TEMP_MARK   ".patient-kiosk-"
#define TEMP_SUFFIX "XXXXXX"

/* How many exports of one process may be writing at once and still be cleaned up on a signal;
 * the kiosk runs one at a time, the command line one. */
#define MAX_TEMPORARIES 8

typedef enum
{
  STATE_OPEN,
  STATE_FAILED,
  STATE_CLOSED,
} WriterState;

struct _KioskCsvWriter
{
  GObject        parent_instance;

  GOutputStream *out;
  GString       *line;
  char          *path;
  char          *tmp_path;
  int            fd;
  int            slot;        /* in the signal handler's table, or -1 */
  guint          n_columns;
  WriterState    state;
  guint          bom_pending : 1;
};

G_DEFINE_FINAL_TYPE (KioskCsvWriter, kiosk_csv_writer, G_TYPE_OBJECT)

G_DEFINE_QUARK (kiosk-csv-error-quark, kiosk_csv_error)

/* The first characters that make Calc or Excel read a cell as a formula, plus the full-width
 * forms that NFKC normalisation turns into them. */
static const char * const dangerous_prefixes[] = {
  "=", "+", "-", "@", "\t", "\r", "\n",
  "\xEF\xBC\x9D", /* U+FF1D FULLWIDTH EQUALS SIGN */
  "\xEF\xBC\x8B", /* U+FF0B FULLWIDTH PLUS SIGN */
  "\xEF\xBC\x8D", /* U+FF0D FULLWIDTH HYPHEN-MINUS */
  "\xEF\xBC\xA0", /* U+FF20 FULLWIDTH COMMERCIAL AT */
};

/* Removing temporaries on a signal ------------------------------------------------------------ */

typedef enum
{
  SLOT_FREE,
  SLOT_CLAIMED,   /* being filled or emptied: the handler leaves it alone */
  SLOT_ARMED,     /* holds the path of a temporary file that exists */
} SlotState;

typedef struct
{
  int  state;                /* SlotState, accessed atomically */
  char path[PATH_MAX];
} TempSlot;

static TempSlot temp_slots[MAX_TEMPORARIES];

static const int cleanup_signals[] = { SIGINT, SIGTERM, SIGHUP };

/* Runs as a signal handler, so only async-signal-safe calls: unlink() and raise(). The action
 * has SA_RESETHAND, so the raised signal then ends the process as it would have without us. */
static void
remove_temporaries_and_raise (int signum)
{
  int saved_errno = errno;

  for (guint i = 0; i < MAX_TEMPORARIES; i++)
    {
      if (g_atomic_int_get (&temp_slots[i].state) == SLOT_ARMED)
        unlink (temp_slots[i].path);
    }

  errno = saved_errno;
  raise (signum);
}

/**
 * kiosk_csv_writer_install_signal_handlers:
 *
 * Makes SIGINT, SIGTERM and SIGHUP remove the temporary file of every export in progress before
 * they end the process. Signals that are ignored (nohup) or already handled by someone else keep
 * their disposition. Call it once, early in main().
 */
void
kiosk_csv_writer_install_signal_handlers (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cleanup_signals); i++)
    {
      struct sigaction action = { 0 };
      struct sigaction old = { 0 };

      if (sigaction (cleanup_signals[i], NULL, &old) != 0 || old.sa_handler != SIG_DFL)
        continue;

      action.sa_handler = remove_temporaries_and_raise;
      action.sa_flags = SA_RESETHAND;
      sigemptyset (&action.sa_mask);
      for (guint j = 0; j < G_N_ELEMENTS (cleanup_signals); j++)
        sigaddset (&action.sa_mask, cleanup_signals[j]);
      sigaction (cleanup_signals[i], &action, NULL);
    }
}

/* Blocks the cleanup signals in this thread, so that a temporary file is never without its
 * entry in the table (created but not registered, or renamed while still registered). */
static void
block_cleanup_signals (sigset_t *old)
{
  sigset_t set;

  sigemptyset (&set);
  for (guint i = 0; i < G_N_ELEMENTS (cleanup_signals); i++)
    sigaddset (&set, cleanup_signals[i]);
  pthread_sigmask (SIG_BLOCK, &set, old);
}

static void
restore_signals (const sigset_t *old)
{
  pthread_sigmask (SIG_SETMASK, old, NULL);
}

/* Returns the slot, or -1 when the table is full or the path too long: that export still works,
 * only a signal would leave its temporary file (which the next export then removes). */
static int
register_temporary (const char *path)
{
  if (strlen (path) >= PATH_MAX)
    return -1;

  for (guint i = 0; i < MAX_TEMPORARIES; i++)
    {
      if (g_atomic_int_compare_and_exchange (&temp_slots[i].state, SLOT_FREE, SLOT_CLAIMED))
        {
          g_strlcpy (temp_slots[i].path, path, PATH_MAX);
          g_atomic_int_set (&temp_slots[i].state, SLOT_ARMED);
          return (int)i;
        }
    }

  g_debug ("Too many exports at once; a signal would leave a temporary file behind");
  return -1;
}

static void
unregister_temporary (int *slot)
{
  if (*slot < 0)
    return;

  g_atomic_int_set (&temp_slots[*slot].state, SLOT_CLAIMED);
  temp_slots[*slot].path[0] = '\0';
  g_atomic_int_set (&temp_slots[*slot].state, SLOT_FREE);
  *slot = -1;
}

/**
 * kiosk_csv_cell_is_dangerous:
 * @cell: a cell's text
 *
 * Returns: whether a spreadsheet could take @cell for a formula, so that it needs the
 *   apostrophe described in kiosk-csv-writer.h
 */
gboolean
kiosk_csv_cell_is_dangerous (const char *cell)
{
  g_return_val_if_fail (cell != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (dangerous_prefixes); i++)
    {
      if (g_str_has_prefix (cell, dangerous_prefixes[i]))
        return TRUE;
    }

  return FALSE;
}

/* A cell that starts with an apostrophe is guarded too, although no spreadsheet evaluates it:
 * otherwise the rule for readers (remove one apostrophe before a formula character or an
 * apostrophe) would turn a genuine "'-Ana" into "-Ana". */
static gboolean
needs_guard (const char *cell)
{
  return cell[0] == '\'' || kiosk_csv_cell_is_dangerous (cell);
}

static void
append_field (GString    *out,
              const char *cell)
{
  gboolean dangerous = needs_guard (cell);

  if (!dangerous && strpbrk (cell, "\",\r\n") == NULL)
    {
      g_string_append (out, cell);
      return;
    }

  g_string_append_c (out, '"');
  if (dangerous)
    g_string_append_c (out, '\'');
  for (const char *p = cell; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * kiosk_csv_escape_cell:
 * @cell: a cell's text, UTF-8
 *
 * Returns: (transfer full): @cell as it appears in the file: with the formula guard and the
 *   RFC 4180 quoting applied, without separator or line end
 */
char *
kiosk_csv_escape_cell (const char *cell)
{
  GString *out;

  g_return_val_if_fail (cell != NULL, NULL);

  out = g_string_sized_new (strlen (cell) + 2);
  append_field (out, cell);

  return g_string_free (out, FALSE);
}

static void
remove_temporary (KioskCsvWriter *self)
{
  sigset_t old;

  if (self->tmp_path == NULL)
    return;

  block_cleanup_signals (&old);
  if (g_unlink (self->tmp_path) != 0 && errno != ENOENT)
    g_warning ("Could not remove the unfinished export %s: %s", self->tmp_path, g_strerror (errno));
  unregister_temporary (&self->slot);
  restore_signals (&old);
  g_clear_pointer (&self->tmp_path, g_free);
}

/* Stops the writer for good. Closing flushes what is buffered, which for a file only reaches the
 * already unlinked temporary file. */
static void
stop (KioskCsvWriter *self,
      WriterState     state)
{
  remove_temporary (self);
  if (self->out != NULL && !g_output_stream_is_closed (self->out))
    g_output_stream_close (self->out, NULL, NULL);
  /* The file descriptor, and with it the flock, outlives the stream until the file is renamed
   * or removed, so a concurrent export never takes a finished temporary file for a stale one. */
  if (self->fd >= 0)
    close (self->fd);
  self->fd = -1;
  self->state = state;
}

static gboolean
check_open (KioskCsvWriter  *self,
            GError         **error)
{
  if (self->state == STATE_OPEN)
    return TRUE;

  g_set_error_literal (error, KIOSK_CSV_ERROR, KIOSK_CSV_ERROR_FAILED,
                       _("The export stopped after an earlier error."));
  return FALSE;
}

static gboolean
check_row (KioskCsvWriter      *self,
           const char * const  *cells,
           GError             **error)
{
  guint n_cells = g_strv_length ((char **)cells);

  if (self->n_columns == 0)
    self->n_columns = n_cells;

  if (n_cells != self->n_columns)
    {
      g_set_error (error, KIOSK_CSV_ERROR, KIOSK_CSV_ERROR_COLUMN_COUNT,
                   _("A row has %u cells but the header has %u."), n_cells, self->n_columns);
      return FALSE;
    }

  for (guint i = 0; i < n_cells; i++)
    {
      if (!g_utf8_validate (cells[i], -1, NULL))
        {
          g_set_error (error, KIOSK_CSV_ERROR, KIOSK_CSV_ERROR_INVALID_UTF8,
                       _("Cell %u of a row is not valid UTF-8 text."), i + 1);
          return FALSE;
        }
    }

  return TRUE;
}

static void
format_row (KioskCsvWriter     *self,
            const char * const *cells)
{
  g_string_truncate (self->line, 0);
  if (self->bom_pending)
    g_string_append (self->line, UTF8_BOM);

  for (guint i = 0; cells[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (self->line, ',');
      append_field (self->line, cells[i]);
    }
  g_string_append (self->line, "\r\n");
}

/**
 * kiosk_csv_writer_write_row:
 * @self: a writer
 * @cells: the row's cells, %NULL-terminated; the first row written is the header
 * @error: return location for a #KIOSK_CSV_ERROR or #G_IO_ERROR
 *
 * Appends one record. Any error stops the writer: a file writer removes its temporary file at
 * once, and later calls fail with %KIOSK_CSV_ERROR_FAILED.
 *
 * Returns: %TRUE when the row was written
 */
gboolean
kiosk_csv_writer_write_row (KioskCsvWriter      *self,
                            const char * const  *cells,
                            GError             **error)
{
  g_return_val_if_fail (KIOSK_IS_CSV_WRITER (self), FALSE);
  g_return_val_if_fail (cells != NULL && cells[0] != NULL, FALSE);
  g_return_val_if_fail (self->state != STATE_CLOSED, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_open (self, error))
    return FALSE;

  if (!check_row (self, cells, error))
    {
      stop (self, STATE_FAILED);
      return FALSE;
    }

  format_row (self, cells);
  if (!g_output_stream_write_all (self->out, self->line->str, self->line->len, NULL, NULL, error))
    {
      stop (self, STATE_FAILED);
      return FALSE;
    }
  self->bom_pending = FALSE;

  return TRUE;
}

static gboolean
write_pending_bom (KioskCsvWriter  *self,
                   GError         **error)
{
  if (!self->bom_pending)
    return TRUE;

  self->bom_pending = FALSE;

  return g_output_stream_write_all (self->out, UTF8_BOM, strlen (UTF8_BOM), NULL, NULL, error);
}

static gboolean
sync_fd (int          fd,
         const char  *path,
         GError     **error)
{
  int errsv;
  g_autofree char *display = NULL;

  /* Some file systems cannot sync folders; that is no reason to fail an export. */
  if (fsync (fd) == 0 || errno == EINVAL || errno == ENOTSUP)
    return TRUE;

  errsv = errno;
  display = g_filename_display_name (path);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               _("Could not save “%s” to disk: %s"), display, g_strerror (errsv));
  return FALSE;
}

static gboolean
sync_directory (const char  *path,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  gboolean ok;
  int fd;

  fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    {
      int errsv = errno;
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not open the folder “%s”: %s"), display, g_strerror (errsv));
      return FALSE;
    }
  ok = sync_fd (fd, dir, error);
  close (fd);

  return ok;
}

static gboolean
rename_into_place (KioskCsvWriter  *self,
                   GError         **error)
{
  g_autofree char *display = NULL;
  sigset_t old;
  int errsv;

  block_cleanup_signals (&old);
  if (g_rename (self->tmp_path, self->path) == 0)
    {
      unregister_temporary (&self->slot);
      restore_signals (&old);
      g_clear_pointer (&self->tmp_path, g_free);
      return TRUE;
    }
  errsv = errno;
  restore_signals (&old);

  display = g_filename_display_name (self->path);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               _("Could not save the export as “%s”: %s"), display, g_strerror (errsv));
  return FALSE;
}

/* The target was checked when the export started (see kiosk_export_check_target()); a symlink,
 * FIFO or device put there since must still not be replaced. */
static gboolean
check_replaceable (const char  *path,
                   GError     **error)
{
  g_autofree char *display = NULL;
  GStatBuf st;

  if (g_lstat (path, &st) != 0 || S_ISREG (st.st_mode))
    return TRUE;

  display = g_filename_display_name (path);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
               _("“%s” is not a regular file any more; the export was not saved."), display);
  return FALSE;
}

static gboolean
commit_file (KioskCsvWriter  *self,
             GError         **error)
{
  if (!g_output_stream_flush (self->out, NULL, error) ||
      !sync_fd (self->fd, self->path, error) ||
      !g_output_stream_close (self->out, NULL, error))
    return FALSE;

  return check_replaceable (self->path, error) && rename_into_place (self, error);
}

static gboolean
commit_stream (KioskCsvWriter  *self,
               GError         **error)
{
  return g_output_stream_flush (self->out, NULL, error) &&
         g_output_stream_close (self->out, NULL, error);
}

/**
 * kiosk_csv_writer_finish:
 * @self: a writer
 * @error: return location for a #KIOSK_CSV_ERROR or #G_IO_ERROR
 *
 * Writes out what is buffered. A file writer then syncs the temporary file, renames it over the
 * target (mode 0600) and syncs the folder; a stream writer flushes its stream and leaves it
 * open. On failure before the rename the temporary file is removed and the target is untouched.
 * If only the final folder sync fails, the complete file is already in place and %FALSE tells
 * the caller not to count on it surviving a power cut (so, for example, not to mark the rows
 * exported).
 *
 * Returns: %TRUE when the whole CSV was written
 */
gboolean
kiosk_csv_writer_finish (KioskCsvWriter  *self,
                         GError         **error)
{
  gboolean ok;

  g_return_val_if_fail (KIOSK_IS_CSV_WRITER (self), FALSE);
  g_return_val_if_fail (self->state != STATE_CLOSED, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_open (self, error))
    return FALSE;

  ok = write_pending_bom (self, error);
  if (ok && self->path != NULL)
    ok = commit_file (self, error);
  else if (ok)
    ok = commit_stream (self, error);
  stop (self, STATE_CLOSED);

  if (ok && self->path != NULL)
    ok = sync_directory (self->path, error);

  return ok;
}

/**
 * kiosk_csv_writer_abort:
 * @self: a writer
 *
 * Gives up: a file writer removes its temporary file and leaves the target as it was. A stream
 * writer cannot take back what already went out; it passes on what it still buffers and stops.
 * Calling it after kiosk_csv_writer_finish() or a second time does nothing.
 */
void
kiosk_csv_writer_abort (KioskCsvWriter *self)
{
  g_return_if_fail (KIOSK_IS_CSV_WRITER (self));

  if (self->state != STATE_CLOSED)
    stop (self, STATE_CLOSED);
}

static void
kiosk_csv_writer_dispose (GObject *object)
{
  KioskCsvWriter *self = (KioskCsvWriter *)object;

  if (self->state == STATE_OPEN)
    g_debug ("CSV writer dropped without finishing, discarding the export");
  if (self->state != STATE_CLOSED)
    stop (self, STATE_CLOSED);
  g_clear_object (&self->out);

  G_OBJECT_CLASS (kiosk_csv_writer_parent_class)->dispose (object);
}

static void
kiosk_csv_writer_finalize (GObject *object)
{
  KioskCsvWriter *self = (KioskCsvWriter *)object;

  g_string_free (self->line, TRUE);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->tmp_path, g_free);

  G_OBJECT_CLASS (kiosk_csv_writer_parent_class)->finalize (object);
}

static void
kiosk_csv_writer_class_init (KioskCsvWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kiosk_csv_writer_dispose;
  object_class->finalize = kiosk_csv_writer_finalize;
}

static void
kiosk_csv_writer_init (KioskCsvWriter *self)
{
  self->line = g_string_sized_new (256);
  self->fd = -1;
  self->slot = -1;
  self->state = STATE_OPEN;
  self->bom_pending = TRUE;
}

/* A hidden name next to the target, so that rename() stays within one file system. */
static char *
temporary_template (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strconcat (".", base, TEMP_MARK, TEMP_SUFFIX, NULL);

  return g_build_filename (dir, name, NULL);
}

static gboolean
is_temporary_name (const char *name)
{
  const char *mark = g_strrstr (name, TEMP_MARK);

  return name[0] == '.' && mark != NULL && mark > name + 1 &&
         strlen (mark + strlen (TEMP_MARK)) == strlen (TEMP_SUFFIX);
}

/* Removes @name if it is a temporary file of ours that no export holds: a running export keeps
 * an exclusive flock on its temporary file, so getting the lock means its writer is gone. */
static void
remove_if_stale (int         dir_fd,
                 const char *name)
{
  struct stat st, now;
  int fd = openat (dir_fd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);

  if (fd < 0)
    return;

  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == geteuid () &&
      flock (fd, LOCK_EX | LOCK_NB) == 0 &&
      fstatat (dir_fd, name, &now, AT_SYMLINK_NOFOLLOW) == 0 &&
      now.st_dev == st.st_dev && now.st_ino == st.st_ino)
    {
      if (unlinkat (dir_fd, name, 0) == 0)
        g_debug ("Removed the unfinished export %s left by an interrupted export", name);
    }
  close (fd);
}

/* An export killed with SIGKILL (or cut off by a power failure) cannot remove its temporary
 * file; the next export to the same folder does. */
static void
remove_stale_temporaries (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  DIR *handle;
  struct dirent *entry;

  if ((handle = opendir (dir)) == NULL)
    return;

  while ((entry = readdir (handle)) != NULL)
    {
      if (is_temporary_name (entry->d_name))
        remove_if_stale (dirfd (handle), entry->d_name);
    }
  closedir (handle);
}

static void
set_create_error (GError     **error,
                  int          errsv,
                  const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               _("Could not create the export “%s”: %s"), display, g_strerror (errsv));
}

/* The lock is taken after the file exists, so a cleaner may have taken it for stale and
 * removed it in between; then the name no longer leads to our file. */
static gboolean
lock_temporary (int         fd,
                const char *tmp_path)
{
  GStatBuf named;
  struct stat st;

  return flock (fd, LOCK_EX) == 0 && fstat (fd, &st) == 0 &&
         g_lstat (tmp_path, &named) == 0 &&
         named.st_dev == st.st_dev && named.st_ino == st.st_ino;
}

/* Creates, locks and registers the temporary file, with the cleanup signals blocked so that it
 * never exists unregistered. */
static int
create_temporary (const char  *path,
                  char        *tmpl,
                  int         *slot,
                  GError     **error)
{
  sigset_t old;
  int fd, errsv;

  block_cleanup_signals (&old);
  fd = g_mkstemp_full (tmpl, O_WRONLY | O_CLOEXEC, 0600);
  errsv = errno;
  if (fd >= 0)
    *slot = register_temporary (tmpl);
  restore_signals (&old);

  if (fd < 0)
    set_create_error (error, errsv, path);

  return fd;
}

static void
discard_temporary (int         fd,
                   const char *tmpl,
                   int        *slot)
{
  sigset_t old;

  block_cleanup_signals (&old);
  close (fd);
  g_unlink (tmpl);
  unregister_temporary (slot);
  restore_signals (&old);
}

static int
open_temporary (const char  *path,
                char       **tmp_path,
                int         *slot,
                GError     **error)
{
  for (guint attempt = 0; attempt < 8; attempt++)
    {
      g_autofree char *tmpl = temporary_template (path);
      int fd = create_temporary (path, tmpl, slot, error);

      if (fd < 0)
        return -1;

      /* The umask can only take bits away from 0600; fchmod makes the mode exact. */
      if (fchmod (fd, 0600) != 0)
        {
          int errsv = errno;

          discard_temporary (fd, tmpl, slot);
          set_create_error (error, errsv, path);
          return -1;
        }

      if (lock_temporary (fd, tmpl))
        {
          *tmp_path = g_steal_pointer (&tmpl);
          return fd;
        }
      discard_temporary (fd, tmpl, slot);
    }

  set_create_error (error, EAGAIN, path);
  return -1;
}

/**
 * kiosk_csv_writer_new_for_path:
 * @path: the file to create or replace
 * @error: return location for a #G_IO_ERROR
 *
 * Starts a CSV file that only appears at @path, with mode 0600, once
 * kiosk_csv_writer_finish() succeeds.
 *
 * Returns: (transfer full): a writer, or %NULL with @error set
 */
KioskCsvWriter *
kiosk_csv_writer_new_for_path (const char  *path,
                               GError     **error)
{
  g_autoptr(KioskCsvWriter) self = NULL;
  g_autofree char *tmp_path = NULL;
  g_autoptr(GOutputStream) base = NULL;
  int slot = -1;
  int fd;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  remove_stale_temporaries (path);
  if ((fd = open_temporary (path, &tmp_path, &slot, error)) < 0)
    return NULL;

  self = g_object_new (KIOSK_TYPE_CSV_WRITER, NULL);
  self->path = g_strdup (path);
  self->tmp_path = g_steal_pointer (&tmp_path);
  self->slot = slot;
  self->fd = fd;
  base = g_unix_output_stream_new (fd, FALSE);
  self->out = g_buffered_output_stream_new_sized (base, BUFFER_SIZE);

  return g_steal_pointer (&self);
}

/**
 * kiosk_csv_writer_new_for_stream:
 * @stream: where the CSV goes, for example standard output
 *
 * Starts a CSV on @stream. The writer buffers on its own and never closes @stream.
 *
 * Returns: (transfer full): a writer
 */
KioskCsvWriter *
kiosk_csv_writer_new_for_stream (GOutputStream *stream)
{
  KioskCsvWriter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);

  self = g_object_new (KIOSK_TYPE_CSV_WRITER, NULL);
  self->out = g_buffered_output_stream_new_sized (stream, BUFFER_SIZE);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (self->out), FALSE);

  return self;
}
