/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The data folder's one safety check, run by everything that reads or writes it: the kiosk as
 * it starts, the store (for the kiosk and for every command-line command) and the staff PIN.
 * The folder holds patients' names and the staff PIN hash, so it and everything in it must be
 * the kiosk user's alone:
 *
 * - owned by the effective user: a file of another user (a replaced `staff-pin`) is refused,
 *   never read, and never "fixed", since we could not know what else that user changed;
 * - no symbolic links: the kiosk never makes one, so one there was put there by someone else
 *   and could point a write or the PIN check anywhere;
 * - only folders and regular files (no FIFOs or devices);
 * - no permission bits for the group or others. Where we own the file we take them away
 *   (folders end up 0700, files 0600) and go on: that is a careless copy or umask, not an attack.
 *
 * Refusals are KIOSK_STORE_ERROR_UNSAFE, with one plain sentence naming the file; a folder that
 * cannot be read or changed gives the store's other codes (READ_ONLY, IO, ...).
 */

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kiosk-data-dir.h"
#include "kiosk-store-private.h"

/* The data folder has one level below it (quarantine/); this only bounds a hostile tree. */
#define MAX_DEPTH 4

typedef enum
{
  UNSAFE_OWNER,
  UNSAFE_LINK,
  UNSAFE_TYPE,
} Unsafe;

static gboolean
refuse (const char  *path,
        Unsafe       why,
        GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  switch (why)
    {
    case UNSAFE_OWNER:
      g_set_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_UNSAFE,
                   _("“%s” belongs to another user, so the data folder is not safe to use"),
                   display);
      break;
    case UNSAFE_LINK:
      g_set_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_UNSAFE,
                   _("“%s” is a symbolic link, so the data folder is not safe to use"), display);
      break;
    case UNSAFE_TYPE:
    default:
      g_set_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_UNSAFE,
                   _("“%s” is neither a file nor a folder, so the data folder is not safe to use"),
                   display);
      break;
    }

  return FALSE;
}

/* Ownership and type, from an lstat()-like result. */
static gboolean
check_stat (const struct stat  *st,
            const char         *path,
            GError            **error)
{
  if (S_ISLNK (st->st_mode))
    return refuse (path, UNSAFE_LINK, error);
  if (st->st_uid != geteuid ())
    return refuse (path, UNSAFE_OWNER, error);
  if (!S_ISDIR (st->st_mode) && !S_ISREG (st->st_mode))
    return refuse (path, UNSAFE_TYPE, error);

  return TRUE;
}

/* The mode without group and other bits: 0700 for a folder, 0600 for a file when they were
 * 0777 and 0666. Tighter modes (a 0500 read-only folder) are left as they are. */
static mode_t
private_mode (const struct stat *st)
{
  return st->st_mode & (S_ISDIR (st->st_mode) ? 0700 : 0600);
}

static gboolean check_dir_fd (int          fd,
                              const char  *path,
                              guint        depth,
                              GError     **error);

static gboolean
check_subdir (int          parent_fd,
              const char  *name,
              const char  *path,
              guint        depth,
              GError     **error)
{
  int fd;
  gboolean ok;

  if (depth > MAX_DEPTH)
    return TRUE;

  fd = openat (parent_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    return _kiosk_store_set_errno_error (error, errno, "Could not open the folder", path);

  ok = check_dir_fd (fd, path, depth, error);
  close (fd);

  return ok;
}

static gboolean
check_entry (int          dir_fd,
             const char  *dir_path,
             const char  *name,
             guint        depth,
             GError     **error)
{
  g_autofree char *path = g_build_filename (dir_path, name, NULL);
  struct stat st;

  if (fstatat (dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
    {
      /* SQLite removes its -shm and -journal files as it likes. */
      if (errno == ENOENT)
        return TRUE;
      return _kiosk_store_set_errno_error (error, errno, "Could not check", path);
    }

  if (!check_stat (&st, path, error))
    return FALSE;

  /* Not a link (checked above), in a folder only we can change: no one can swap it now. */
  if ((st.st_mode & 0077) != 0 && fchmodat (dir_fd, name, private_mode (&st), 0) != 0)
    return _kiosk_store_set_errno_error (error, errno, "Could not make private", path);

  if (S_ISDIR (st.st_mode))
    return check_subdir (dir_fd, name, path, depth + 1, error);

  return TRUE;
}

/* Checks every entry of the open folder @fd (which is already known to be ours and private). */
static gboolean
check_dir_fd (int          fd,
              const char  *path,
              guint        depth,
              GError     **error)
{
  int list_fd = dup (fd);
  DIR *dir = list_fd >= 0 ? fdopendir (list_fd) : NULL;
  struct dirent *entry;
  gboolean ok = TRUE;

  if (dir == NULL)
    {
      int errsv = errno;

      if (list_fd >= 0)
        close (list_fd);
      return _kiosk_store_set_errno_error (error, errsv, "Could not list the folder", path);
    }

  errno = 0;
  while (ok && (entry = readdir (dir)) != NULL)
    {
      if (strcmp (entry->d_name, ".") != 0 && strcmp (entry->d_name, "..") != 0)
        ok = check_entry (fd, path, entry->d_name, depth, error);
      errno = 0;
    }
  if (ok && errno != 0)
    ok = _kiosk_store_set_errno_error (error, errno, "Could not list the folder", path);

  closedir (dir);

  return ok;
}

static gboolean
lstat_or_create (const char         *path,
                 KioskDataDirFlags   flags,
                 struct stat        *st,
                 GError            **error)
{
  g_autofree char *display = NULL;

  if (lstat (path, st) == 0)
    return TRUE;
  if (errno != ENOENT)
    return _kiosk_store_set_errno_error (error, errno, "Could not check the folder", path);

  if ((flags & KIOSK_DATA_DIR_CREATE) == 0)
    {
      display = g_filename_display_name (path);
      g_set_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_NOT_FOUND,
                   "There is no data folder %s", display);
      return FALSE;
    }

  if (g_mkdir_with_parents (path, 0700) != 0 || lstat (path, st) != 0)
    return _kiosk_store_set_errno_error (error, errno, "Could not create the folder", path);

  return TRUE;
}

/* The folder itself, opened without following a link and compared with what lstat() saw, so it
 * cannot be swapped for a link between the check and the listing. */
static int
open_checked_dir (const char         *path,
                  const struct stat  *seen,
                  GError            **error)
{
  int fd = g_open (path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC, 0);
  struct stat st;

  if (fd < 0)
    {
      if (errno == ELOOP)
        refuse (path, UNSAFE_LINK, error);
      else
        _kiosk_store_set_errno_error (error, errno, "Could not open the folder", path);
      return -1;
    }

  if (fstat (fd, &st) != 0 || st.st_dev != seen->st_dev || st.st_ino != seen->st_ino)
    {
      close (fd);
      _kiosk_store_set_errno_error (error, EAGAIN, "The folder changed while it was checked",
                                    path);
      return -1;
    }

  return fd;
}

/**
 * kiosk_data_dir_secure:
 * @path: the data folder
 * @flags: %KIOSK_DATA_DIR_CREATE to create a missing folder with mode 0700
 * @error: return location for a #KIOSK_STORE_ERROR
 *
 * Checks that @path and everything in it belong to the effective user and are no symbolic
 * links, and takes away the group's and others' permissions where they have any.
 *
 * Returns: %TRUE when the folder is safe to use; %FALSE with @error set:
 *   %KIOSK_STORE_ERROR_UNSAFE for a file of another user, a link or a special file,
 *   %KIOSK_STORE_ERROR_NOT_FOUND for a missing folder without %KIOSK_DATA_DIR_CREATE
 */
gboolean
kiosk_data_dir_secure (const char         *path,
                       KioskDataDirFlags   flags,
                       GError            **error)
{
  struct stat st;
  gboolean ok;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!lstat_or_create (path, flags, &st, error) || !check_stat (&st, path, error))
    return FALSE;
  if (!S_ISDIR (st.st_mode))
    return _kiosk_store_set_errno_error (error, ENOTDIR, "Could not use the folder", path);

  /* Private first, so nobody else can add or swap an entry while we look at them. */
  if ((st.st_mode & 0077) != 0 && g_chmod (path, private_mode (&st)) != 0)
    return _kiosk_store_set_errno_error (error, errno, "Could not make private", path);

  if ((fd = open_checked_dir (path, &st, error)) < 0)
    return FALSE;

  ok = check_dir_fd (fd, path, 0, error);
  close (fd);

  return ok;
}
