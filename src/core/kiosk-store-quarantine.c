/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Setting a damaged database aside. Its files (the database and its -wal or -journal) are copied
 * byte for byte into <data_dir>/quarantine/, under names stamped with the UTC time, with mode
 * 0600 in a 0700 folder, and flushed to disk. Nothing here deletes a patient's data: the caller
 * removes the originals only after this succeeded.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "kiosk-store-private.h"

#define COPY_BUFFER_SIZE (64 * 1024)

/* The -shm file is only an index SQLite rebuilds from the -wal, so it is not worth keeping. */
static const char * const suffixes[] = { "", "-wal", "-journal" };

static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          if (written == 0)
            errno = ENOSPC;
          return FALSE;
        }

      data += written;
      length -= written;
    }

  return TRUE;
}

static gboolean
copy_fd (int from,
         int to)
{
  g_autofree char *buffer = g_malloc (COPY_BUFFER_SIZE);

  for (;;)
    {
      gssize n_read = read (from, buffer, COPY_BUFFER_SIZE);

      if (n_read < 0 && errno == EINTR)
        continue;
      if (n_read <= 0)
        return n_read == 0;
      if (!write_all (to, buffer, n_read))
        return FALSE;
    }
}

static gboolean
copy_file (const char  *source,
           const char  *target,
           GError     **error)
{
  int from = g_open (source, O_RDONLY | O_CLOEXEC, 0);
  int to;
  int errsv = 0;

  if (from < 0)
    return _kiosk_store_set_errno_error (error, errno, "Could not read", source);

  to = g_open (target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (to < 0 || !copy_fd (from, to) || fsync (to) != 0)
    errsv = errno;
  if (to >= 0 && !g_close (to, NULL) && errsv == 0)
    errsv = errno;
  g_close (from, NULL);

  if (errsv != 0)
    {
      /* Only our own incomplete copy goes; the original is untouched. */
      if (to >= 0)
        g_unlink (target);
      return _kiosk_store_set_errno_error (error, errsv, "Could not copy the database to", target);
    }

  return TRUE;
}

static gboolean
sync_dir (const char  *path,
          GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  int errsv = 0;

  if (fd < 0 || fsync (fd) != 0)
    errsv = errno;
  if (fd >= 0)
    g_close (fd, NULL);

  if (errsv != 0)
    return _kiosk_store_set_errno_error (error, errsv, "Could not flush the folder", path);

  return TRUE;
}

static gboolean
any_exists (const char *dir,
            const char *base)
{
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (base, suffixes[i], NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return TRUE;
    }

  return FALSE;
}

/* "requests-20250101T093000Z.db", or "…-2.db" when that second already has a copy. */
static char *
pick_base_name (const char *dir)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");

  for (guint n = 1; ; n++)
    {
      g_autofree char *base = NULL;

      if (n == 1)
        base = g_strdup_printf ("requests-%s.db", stamp);
      else
        base = g_strdup_printf ("requests-%s-%u.db", stamp, n);

      if (!any_exists (dir, base))
        return g_steal_pointer (&base);
    }
}

/**
 * _kiosk_store_quarantine:
 * @data_dir: the data folder
 * @db_path: the damaged database
 *
 * Returns: (transfer full): the path of the copy of @db_path, or %NULL with @error set
 */
char *
_kiosk_store_quarantine (const char  *data_dir,
                         const char  *db_path,
                         GError     **error)
{
  g_autofree char *dir = g_build_filename (data_dir, KIOSK_STORE_QUARANTINE_NAME, NULL);
  g_autofree char *base = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      _kiosk_store_set_errno_error (error, errno, "Could not create", dir);
      return NULL;
    }

  base = pick_base_name (dir);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *source = g_strconcat (db_path, suffixes[i], NULL);
      g_autofree char *name = g_strconcat (base, suffixes[i], NULL);
      g_autofree char *target = g_build_filename (dir, name, NULL);

      if (g_file_test (source, G_FILE_TEST_EXISTS) && !copy_file (source, target, error))
        return NULL;
    }

  if (!sync_dir (dir, error))
    return NULL;

  return g_build_filename (dir, base, NULL);
}
