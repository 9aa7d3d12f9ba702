/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The CSV exports for reception staff: the callback requests, streamed row by row from the store
 * into a KioskCsvWriter and marked exported only once the file is complete, and the anonymous
 * usage counts. See kiosk-export.h for the columns and the guarantees.
 */

#include "config.h"

#include <errno.h>
#include <gio/gfiledescriptorbased.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kiosk-csv-writer.h"
#include "kiosk-export.h"

/* ISO 8601 in local time with the offset, such as 2026-11-26T08:05:09-06:00. */
#define CREATED_FORMAT "%Y-%m-%dT%H:%M:%S%:z"

static const char * const request_header[] = {
  "id", "created", "name", "phone", "preferred_time", "topic", "status", "consent_version", NULL
};

static const char * const usage_header[] = { "day", "item", "count", NULL };


G_DEFINE_QUARK (kiosk-export-error-quark, kiosk_export_error)

/* Every FALSE return of this module sets its error, even should a callee have failed without
 * one: the command line prints it and the staff area shows it. */
static gboolean
fail_with_error (GError **error)
{
  if (error != NULL && *error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                         _("The export failed for an unknown reason."));
  return FALSE;
}

/* Checking the target ------------------------------------------------------------------------- */

static gboolean
same_file (const struct stat *a,
           const struct stat *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

static gboolean
set_in_data_folder (GError     **error,
                    const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, KIOSK_EXPORT_ERROR, KIOSK_EXPORT_ERROR_IN_DATA_FOLDER,
               _("“%s” is in the kiosk's data folder; save the export somewhere else."),
               display);
  return FALSE;
}

static gboolean
set_not_regular (GError     **error,
                 const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, KIOSK_EXPORT_ERROR, KIOSK_EXPORT_ERROR_NOT_REGULAR,
               _("“%s” is not a regular file; to write to a device or a pipe, export to "
                 "standard output (“-”)."), display);
  return FALSE;
}

/* realpath(), with the result freed by g_free(); errno is kept on failure. */
static char *
real_path (const char *path)
{
  char *real = realpath (path, NULL);
  char *copy;

  if (real == NULL)
    return NULL;

  copy = g_strdup (real);
  free (real);

  return copy;
}

/* By name: the canonical @dir is the data folder or inside it. */
static gboolean
is_below_by_name (const char *dir,
                  const char *data)
{
  gsize length = strlen (data);

  return g_str_equal (data, "/") ||
         (strncmp (dir, data, length) == 0 && (dir[length] == '\0' || dir[length] == '/'));
}

/* By device and inode: @dir or one of its parents is the data folder. This also catches the
 * data folder mounted a second time elsewhere, since a bind mount has the same device and
 * inode. */
static gboolean
is_below_by_inode (const char        *dir,
                   const struct stat *data_st)
{
  g_autofree char *current = g_strdup (dir);

  for (;;)
    {
      char *parent;
      struct stat st;

      if (stat (current, &st) == 0 && same_file (&st, data_st))
        return TRUE;
      if (g_str_equal (current, "/") || g_str_equal (current, "."))
        return FALSE;
      parent = g_path_get_dirname (current);
      g_free (current);
      current = parent;
    }
}

/* Whether @target_st is one of the files in @dir or its subfolders (quarantine/), for example
 * through a hard link to the database. */
static gboolean
is_data_file (const char        *dir,
              const struct stat *target_st,
              guint              depth)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      struct stat st;

      if (lstat (path, &st) != 0)
        continue;
      if (same_file (&st, target_st) ||
          (S_ISDIR (st.st_mode) && depth > 0 && is_data_file (path, target_st, depth - 1)))
        return TRUE;
    }

  return FALSE;
}

/* An existing target may only be a regular file, and not one of the data folder's. */
static gboolean
check_existing (const char  *path,
                const char  *data,
                GError     **error)
{
  g_autofree char *display = NULL;
  struct stat st;

  if (lstat (path, &st) != 0)
    return TRUE;

  if (S_ISLNK (st.st_mode))
    {
      display = g_filename_display_name (path);
      g_set_error (error, KIOSK_EXPORT_ERROR, KIOSK_EXPORT_ERROR_SYMLINK,
                   _("“%s” is a symbolic link; give the name of the file itself."), display);
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    return set_not_regular (error, path);
  if (data != NULL && is_data_file (data, &st, 2))
    return set_in_data_folder (error, path);

  return TRUE;
}

static char *
resolve_folder (const char  *path,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *display = NULL;
  char *real = real_path (dir);
  int errsv = errno;

  if (real != NULL)
    return real;

  display = g_filename_display_name (path);
  g_set_error (error, KIOSK_EXPORT_ERROR, KIOSK_EXPORT_ERROR_NO_FOLDER,
               _("Could not find the folder for “%s”: %s"), display, g_strerror (errsv));
  return NULL;
}

static gboolean
is_in_data_folder (const char *folder,
                   const char *data)
{
  struct stat data_st;

  return is_below_by_name (folder, data) ||
         (stat (data, &data_st) == 0 && is_below_by_inode (folder, &data_st));
}

/**
 * kiosk_export_check_target:
 * @data_dir: the kiosk's data folder
 * @path: where the export is to be written
 * @resolved: (out) (optional): @path with the symbolic links and ".." of its folder resolved;
 *   write there, so that the folder checked is the folder written to
 * @error: return location for a #KIOSK_EXPORT_ERROR
 *
 * Refuses a target in the data folder, compared by canonical path and by device and inode, so
 * that neither "..", a symbolic link, a bind mount nor a hard link to one of its files gets
 * past; and an existing target that is not a regular file. A symbolic link is refused rather
 * than followed. A device or a FIFO is refused rather than written as a stream: an export to a
 * path promises a complete file or none, which a stream cannot keep, and opening a FIFO blocks
 * until someone reads it (in the kiosk, for good); `--export-csv=-` is there for streaming.
 *
 * Returns: %TRUE when @path may be written
 */
gboolean
kiosk_export_check_target (const char  *data_dir,
                           const char  *path,
                           char       **resolved,
                           GError     **error)
{
  g_autofree char *base = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *data = NULL;
  g_autofree char *target = NULL;

  g_return_val_if_fail (data_dir != NULL, FALSE);
  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_str_has_suffix (path, G_DIR_SEPARATOR_S))
    return set_not_regular (error, path);
  if ((folder = resolve_folder (path, error)) == NULL)
    return FALSE;

  /* A data folder that does not exist holds nothing to protect. */
  data = real_path (data_dir);
  if (data != NULL && is_in_data_folder (folder, data))
    return set_in_data_folder (error, path);

  base = g_path_get_basename (path);
  target = g_build_filename (folder, base, NULL);
  if (!check_existing (target, data, error))
    return FALSE;

  if (resolved != NULL)
    *resolved = g_steal_pointer (&target);

  return TRUE;
}

/**
 * kiosk_export_check_output_fd:
 * @data_dir: the kiosk's data folder
 * @fd: where a stream export goes, such as standard output
 * @error: return location for a #KIOSK_EXPORT_ERROR
 *
 * Refuses a descriptor open on one of the data folder's files (`--export-csv=- >>
 * DATA/requests.db`), as kiosk_export_check_target() refuses such a path.
 *
 * Returns: %TRUE when @fd may be written
 */
gboolean
kiosk_export_check_output_fd (const char  *data_dir,
                              int          fd,
                              GError     **error)
{
  g_autofree char *data = NULL;
  struct stat st;

  g_return_val_if_fail (data_dir != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || (data = real_path (data_dir)) == NULL ||
      !is_data_file (data, &st, 2))
    return TRUE;

  g_set_error_literal (error, KIOSK_EXPORT_ERROR, KIOSK_EXPORT_ERROR_IN_DATA_FOLDER,
                       _("The output is a file in the kiosk's data folder; save the export "
                         "somewhere else."));
  return FALSE;
}

static gboolean
check_stream (KioskStore     *store,
              GOutputStream  *stream,
              GError        **error)
{
  int fd;

  if (!G_IS_FILE_DESCRIPTOR_BASED (stream))
    return TRUE;

  fd = g_file_descriptor_based_get_fd (G_FILE_DESCRIPTOR_BASED (stream));

  return kiosk_export_check_output_fd (kiosk_store_get_data_dir (store), fd, error);
}

typedef struct
{
  KioskCsvWriter *writer;
  GCancellable   *cancellable;
  GTimeZone      *local;
  GArray         *pending_ids;   /* gint64: the rows that were open when written */
  guint           n_rows;
} ExportState;

static void
export_state_init (ExportState    *state,
                   KioskCsvWriter *writer,
                   GCancellable   *cancellable)
{
  state->writer = writer;
  state->cancellable = cancellable;
  state->local = g_time_zone_new_local ();
  state->pending_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  state->n_rows = 0;
}

static void
export_state_clear (ExportState *state)
{
  g_clear_pointer (&state->local, g_time_zone_unref);
  g_clear_pointer (&state->pending_ids, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportState, export_state_clear)

/* Requests ------------------------------------------------------------------------------------- */

static char *
format_created (ExportState *state,
                GDateTime   *created)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (created, state->local);

  return g_date_time_format (local, CREATED_FORMAT);
}

static void
remember_if_open (ExportState  *state,
                  KioskRequest *request)
{
  gint64 id = kiosk_request_get_id (request);

  if (kiosk_request_is_open (request))
    g_array_append_val (state->pending_ids, id);
}

/* A KioskStoreRequestFunc: runs with the store locked, so it only writes and counts. */
static gboolean
write_request_row (KioskRequest  *request,
                   gpointer       user_data,
                   GError       **error)
{
  ExportState *state = user_data;
  const char *topic = kiosk_request_get_topic (request);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, kiosk_request_get_id (request));
  g_autofree char *created = format_created (state, kiosk_request_get_created (request));
  const char * const cells[] = {
    id,
    created,
    kiosk_request_get_name (request),
    kiosk_request_get_phone (request),
    kiosk_call_time_to_string (kiosk_request_get_call_time (request)),
    topic != NULL ? topic : "",
    kiosk_request_status_to_string (kiosk_request_get_status (request)),
    kiosk_request_get_consent_version (request),
    NULL
  };

  if (g_cancellable_set_error_if_cancelled (state->cancellable, error) ||
      !kiosk_csv_writer_write_row (state->writer, cells, error))
    return FALSE;

  remember_if_open (state, request);
  state->n_rows++;

  return TRUE;
}

/* Writes the whole file; on any failure the writer is aborted, which removes its temporary file. */
static gboolean
write_requests (KioskStore        *store,
                KioskExportFlags   flags,
                ExportState       *state,
                GError           **error)
{
  gboolean include_handled = (flags & KIOSK_EXPORT_ALL) != 0;

  if (kiosk_csv_writer_write_row (state->writer, request_header, error) &&
      kiosk_store_foreach_request (store, include_handled, write_request_row, state, error) &&
      kiosk_csv_writer_finish (state->writer, error))
    return TRUE;

  kiosk_csv_writer_abort (state->writer);

  return FALSE;
}

/* A stream export to standard output redirected into a file (`--export-csv=- > file`) is only
 * complete once that file is on disk; without this a power cut could lose rows already marked. */
static gboolean
sync_stream_file (GOutputStream  *stream,
                  GError        **error)
{
  struct stat st;
  int fd, errsv;

  if (stream == NULL || !G_IS_FILE_DESCRIPTOR_BASED (stream))
    return TRUE;

  fd = g_file_descriptor_based_get_fd (G_FILE_DESCRIPTOR_BASED (stream));
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || fsync (fd) == 0 || errno == EINVAL)
    return TRUE;

  errsv = errno;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               _("Could not save the export to disk: %s"), g_strerror (errsv));

  return FALSE;
}

/* Marking writes its own "export" audit row; an export that marks nothing still leaves one. */
static gboolean
record_export (KioskStore        *store,
               KioskExportFlags   flags,
               ExportState       *state,
               GError           **error)
{
  if ((flags & KIOSK_EXPORT_MARK) == 0)
    {
      if (kiosk_store_audit (store, "export", state->n_rows, error))
        return TRUE;

      g_prefix_error (error,
                      _("The export was written, but could not be recorded in the audit trail: "));
      return FALSE;
    }

  if (kiosk_store_mark_exported (store, (const gint64 *)(gpointer)state->pending_ids->data,
                                 state->pending_ids->len, error))
    return TRUE;

  g_prefix_error (error,
                  _("The export was written, but the requests could not be marked as exported: "));

  return FALSE;
}

static gboolean
export_requests (KioskStore        *store,
                 KioskCsvWriter    *writer,
                 GOutputStream     *stream,
                 KioskExportFlags   flags,
                 GCancellable      *cancellable,
                 guint             *n_rows,
                 GError           **error)
{
  g_auto(ExportState) state = { 0 };

  export_state_init (&state, writer, cancellable);

  if (!write_requests (store, flags, &state, error) ||
      ((flags & KIOSK_EXPORT_MARK) != 0 && !sync_stream_file (stream, error)) ||
      !record_export (store, flags, &state, error))
    return FALSE;

  if (n_rows != NULL)
    *n_rows = state.n_rows;

  return TRUE;
}

/* Every export to a path starts here, so that none skips the check of its target. */
static KioskCsvWriter *
open_target (KioskStore  *store,
             const char  *path,
             GError     **error)
{
  g_autofree char *resolved = NULL;

  if (!kiosk_export_check_target (kiosk_store_get_data_dir (store), path, &resolved, error))
    return NULL;

  return kiosk_csv_writer_new_for_path (resolved, error);
}

static gboolean
export_requests_to_path (KioskStore        *store,
                         const char        *path,
                         KioskExportFlags   flags,
                         GCancellable      *cancellable,
                         guint             *n_rows,
                         GError           **error)
{
  g_autoptr(KioskCsvWriter) writer = open_target (store, path, error);

  if (writer == NULL)
    return FALSE;

  return export_requests (store, writer, NULL, flags, cancellable, n_rows, error);
}

/**
 * kiosk_export_requests_to_path:
 * @store: a store
 * @path: the CSV file to create or replace; it appears, with mode 0600, only when complete
 * @flags: which requests, and whether to mark them exported
 * @n_rows: (out) (optional): how many requests were written (the header not counted)
 * @error: return location for a #KIOSK_STORE_ERROR, #KIOSK_CSV_ERROR or #G_IO_ERROR
 *
 * Writes the requests as described in kiosk-export.h. Blocks, and keeps the store locked while
 * it reads the rows; the staff area uses kiosk_export_requests_to_path_async().
 *
 * Returns: %TRUE when the whole file was written (and, with %KIOSK_EXPORT_MARK, the requests
 *   marked)
 */
gboolean
kiosk_export_requests_to_path (KioskStore        *store,
                               const char        *path,
                               KioskExportFlags   flags,
                               guint             *n_rows,
                               GError           **error)
{
  g_return_val_if_fail (KIOSK_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return export_requests_to_path (store, path, flags, NULL, n_rows, error) ||
         fail_with_error (error);
}

/**
 * kiosk_export_requests_to_stream:
 * @store: a store
 * @stream: where the CSV goes, for example standard output; it is flushed, never closed
 * @flags: which requests, and whether to mark them exported
 * @n_rows: (out) (optional): how many requests were written (the header not counted)
 * @error: return location for a #KIOSK_STORE_ERROR, #KIOSK_CSV_ERROR or #G_IO_ERROR
 *
 * Like kiosk_export_requests_to_path(), but a stream cannot take back what it already passed on,
 * so after a failure the reader may have part of the CSV; nothing is marked then either. When
 * @stream writes to a regular file descriptor (a redirected standard output) and the requests
 * are to be marked, the file is synced to disk first.
 *
 * Returns: %TRUE when the whole CSV was written (and, with %KIOSK_EXPORT_MARK, the requests
 *   marked)
 */
gboolean
kiosk_export_requests_to_stream (KioskStore        *store,
                                 GOutputStream     *stream,
                                 KioskExportFlags   flags,
                                 guint             *n_rows,
                                 GError           **error)
{
  g_autoptr(KioskCsvWriter) writer = NULL;

  g_return_val_if_fail (KIOSK_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_stream (store, stream, error))
    return FALSE;
  writer = kiosk_csv_writer_new_for_stream (stream);

  return export_requests (store, writer, stream, flags, NULL, n_rows, error) ||
         fail_with_error (error);
}

typedef struct
{
  char             *path;
  KioskExportFlags  flags;
} ExportTaskData;

static void
export_task_data_free (ExportTaskData *data)
{
  g_free (data->path);
  g_free (data);
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportTaskData *data = task_data;
  GError *error = NULL;
  guint n_rows = 0;

  if (export_requests_to_path (source_object, data->path, data->flags, cancellable, &n_rows,
                               &error))
    {
      g_task_return_int (task, n_rows);
      return;
    }

  fail_with_error (&error);
  g_task_return_error (task, error);
}

/**
 * kiosk_export_requests_to_path_async:
 * @store: a store
 * @path: the CSV file to create or replace
 * @flags: which requests, and whether to mark them exported
 * @cancellable: (nullable): cancels the export while rows are being written; once the file is
 *   complete the export finishes (and marks) regardless
 * @callback: called in the thread-default main context when the export is done
 * @user_data: data for @callback
 *
 * Runs kiosk_export_requests_to_path() in a worker thread. A patient's save waits for the rows
 * to be read (a fraction of a second for 100,000 rows), not for the file to reach the disk.
 */
void
kiosk_export_requests_to_path_async (KioskStore          *store,
                                     const char          *path,
                                     KioskExportFlags     flags,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportTaskData *data;

  g_return_if_fail (KIOSK_IS_STORE (store));
  g_return_if_fail (path != NULL && *path != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ExportTaskData, 1);
  data->path = g_strdup (path);
  data->flags = flags;

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, kiosk_export_requests_to_path_async);
  /* A cancel that comes after the rows were marked must not turn that export into a failure. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, data, (GDestroyNotify)export_task_data_free);
  g_task_run_in_thread (task, export_in_thread);
}

/**
 * kiosk_export_requests_to_path_finish:
 * @store: a store
 * @result: the result passed to the callback
 * @n_rows: (out) (optional): how many requests were written
 * @error: return location for an error, %G_IO_ERROR_CANCELLED when cancelled in time
 *
 * Returns: %TRUE when the export succeeded
 */
gboolean
kiosk_export_requests_to_path_finish (KioskStore    *store,
                                      GAsyncResult  *result,
                                      guint         *n_rows,
                                      GError       **error)
{
  gssize count;

  g_return_val_if_fail (KIOSK_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        kiosk_export_requests_to_path_async, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  count = g_task_propagate_int (G_TASK (result), error);
  if (count < 0)
    return FALSE;

  if (n_rows != NULL)
    *n_rows = (guint)count;

  return TRUE;
}

/* Usage counts --------------------------------------------------------------------------------- */

static gboolean
write_usage_rows (KioskCsvWriter  *writer,
                  GPtrArray       *rows,
                  GError         **error)
{
  if (!kiosk_csv_writer_write_row (writer, usage_header, error))
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      KioskUsageCount *usage = g_ptr_array_index (rows, i);
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, usage->count);
      const char * const cells[] = { usage->day, usage->item, count, NULL };

      if (!kiosk_csv_writer_write_row (writer, cells, error))
        return FALSE;
    }

  return TRUE;
}

/* The usage table holds one row per day and item, a few thousand a year: it is read at once. */
static gboolean
export_usage (KioskStore      *store,
              KioskCsvWriter  *writer,
              GError         **error)
{
  g_autoptr(GPtrArray) rows = kiosk_store_list_usage (store, error);

  if (rows != NULL && write_usage_rows (writer, rows, error) &&
      kiosk_csv_writer_finish (writer, error))
    return TRUE;

  kiosk_csv_writer_abort (writer);

  return FALSE;
}

/**
 * kiosk_export_usage_to_path:
 * @store: a store
 * @path: the CSV file to create or replace; it appears, with mode 0600, only when complete
 * @error: return location for a #KIOSK_STORE_ERROR, #KIOSK_CSV_ERROR or #G_IO_ERROR
 *
 * Writes the anonymous usage counts with the header `day,item,count`: the UTC day
 * (YYYY-MM-DD), the topic id or "form", and how often it was opened that day.
 *
 * Returns: %TRUE when the whole file was written
 */
gboolean
kiosk_export_usage_to_path (KioskStore  *store,
                            const char  *path,
                            GError     **error)
{
  g_autoptr(KioskCsvWriter) writer = NULL;

  g_return_val_if_fail (KIOSK_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  writer = open_target (store, path, error);

  return (writer != NULL && export_usage (store, writer, error)) || fail_with_error (error);
}

/**
 * kiosk_export_usage_to_stream:
 * @store: a store
 * @stream: where the CSV goes; it is flushed, never closed
 * @error: return location for a #KIOSK_STORE_ERROR, #KIOSK_CSV_ERROR or #G_IO_ERROR
 *
 * Like kiosk_export_usage_to_path(), on a stream.
 *
 * Returns: %TRUE when the whole CSV was written
 */
gboolean
kiosk_export_usage_to_stream (KioskStore     *store,
                              GOutputStream  *stream,
                              GError        **error)
{
  g_autoptr(KioskCsvWriter) writer = NULL;

  g_return_val_if_fail (KIOSK_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_stream (store, stream, error))
    return FALSE;
  writer = kiosk_csv_writer_new_for_stream (stream);

  return export_usage (store, writer, error) || fail_with_error (error);
}
