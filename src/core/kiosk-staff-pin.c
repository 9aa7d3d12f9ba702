/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The staff PIN: an Argon2id hash and a persistent lockout record in the data folder. The
 * decisions (limits, doubling, reset rule) are described in kiosk-staff-pin.h.
 *
 * INTERACTIVE rather than MODERATE limits: MODERATE (3 passes over 256 MiB) takes about 0.9 s
 * per attempt on the development machine and several seconds on a small kiosk PC, while the
 * lockout, not the hash, is what stops guessing at the keypad. The hash protects the file if it
 * is copied, and for a PIN of a few digits no setting makes that safe; the file's 0600 mode in a
 * 0700 folder does the real work there.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "kiosk-data-dir.h"
#include "kiosk-staff-pin.h"

#define PIN_FILE          "staff-pin"
#define LOCKOUT_FILE      "staff-lockout"
#define LOCK_FILE         "staff-lockout.lock"
#define LOCKOUT_GROUP     "Lockout"
#define KEY_FAILED        "FailedAttempts"
#define KEY_LOCKS         "LockCount"
#define KEY_LOCKED_UNTIL  "LockedUntil"
#define HASH_OPSLIMIT     crypto_pwhash_OPSLIMIT_INTERACTIVE
#define HASH_MEMLIMIT     crypto_pwhash_MEMLIMIT_INTERACTIVE
/* The last second GDateTime can hold (9999-12-31T23:59:59Z): a later LockedUntil is clamped to
 * it, so that no arithmetic on it can overflow. */
#define MAX_UNIX_TIME     G_GINT64_CONSTANT (253402300799)
#define MAX_LOCKS         64
/* Longer than any valid PIN, so an overlong line is caught instead of cut. */
#define MAX_LINE          64

typedef struct
{
  guint  failed;
  guint  locks;
  gint64 locked_until;
} Lockout;

struct _KioskStaffPin
{
  GObject  parent_instance;

  GMutex   mutex;
  char    *data_dir;
  char    *pin_path;
  char    *lockout_path;
  char    *lock_path;
};

G_DEFINE_FINAL_TYPE (KioskStaffPin, kiosk_staff_pin, G_TYPE_OBJECT)

G_DEFINE_QUARK (kiosk-staff-pin-error-quark, kiosk_staff_pin_error)

static void
set_io_error (GError     **error,
              const char  *message,
              GError      *cause)
{
  if (cause == NULL)
    g_set_error_literal (error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_IO, message);
  else
    g_set_error (error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_IO,
                 "%s (%s)", message, cause->message);
}

static gboolean
ensure_sodium (GError **error)
{
  static gsize state = 0;

  if (g_once_init_enter (&state))
    g_once_init_leave (&state, sodium_init () < 0 ? 2 : 1);

  if (state == 1)
    return TRUE;

  g_set_error_literal (error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_IO,
                       _("The PIN check could not start."));
  return FALSE;
}

static gint64
unix_time (GDateTime *now)
{
  if (now != NULL)
    return g_date_time_to_unix (now);

  return g_get_real_time () / G_USEC_PER_SEC;
}

static gint64
lock_duration (guint locks)
{
  gint64 seconds = KIOSK_STAFF_PIN_FIRST_LOCK_SECONDS;

  for (guint i = 1; i < locks && seconds < KIOSK_STAFF_PIN_MAX_LOCK_SECONDS; i++)
    seconds *= 2;

  return MIN (seconds, KIOSK_STAFF_PIN_MAX_LOCK_SECONDS);
}

/* Clamped to the lock's own length, so a clock set back by a year cannot lock out for a year. */
static gint64
remaining_lock (const Lockout *state,
                gint64         now)
{
  if (state->locks == 0)
    return 0;

  return CLAMP (state->locked_until - now, 0, lock_duration (state->locks));
}

static gboolean
sync_directory (const char  *path,
                GError     **error)
{
  int fd = open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int errsv;

  if (fd >= 0 && (fsync (fd) == 0 || errno == EINVAL || errno == ENOTSUP))
    {
      close (fd);
      return TRUE;
    }

  errsv = errno;
  if (fd >= 0)
    close (fd);
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv),
               "Could not sync %s: %s", path, g_strerror (errsv));
  return FALSE;
}

/* Temporary file, fsync, rename, fsync of the folder: after this the contents survive a crash. */
static gboolean
write_durably (KioskStaffPin  *self,
               const char     *path,
               const char     *contents,
               gsize           length,
               GError        **error)
{
  return g_file_set_contents_full (path, contents, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error) &&
         sync_directory (self->data_dir, error);
}

/* The values are parsed here rather than with g_key_file_get_uint64(), which takes "-1" for
 * 2^64 - 1: a negative or overlong number is a damaged record. */
static gboolean
read_number (GKeyFile    *keyfile,
             const char  *key,
             gboolean     is_signed,
             gint64      *value,
             GError     **error)
{
  g_autofree char *text = g_key_file_get_value (keyfile, LOCKOUT_GROUP, key, error);
  guint64 count;

  if (text == NULL)
    return FALSE;

  if (is_signed)
    return g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, value, error);

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, &count, error))
    return FALSE;
  *value = (gint64)MIN (count, (guint64)G_MAXINT64);

  return TRUE;
}

/* Every value is clamped to what this code can produce, so that a hand-edited file can neither
 * overflow the arithmetic nor lock out for longer than the longest lock. */
static gboolean
parse_lockout (GKeyFile  *keyfile,
               Lockout   *state,
               GError   **error)
{
  gint64 failed, locks, locked_until;

  if (!read_number (keyfile, KEY_FAILED, FALSE, &failed, error) ||
      !read_number (keyfile, KEY_LOCKS, FALSE, &locks, error) ||
      !read_number (keyfile, KEY_LOCKED_UNTIL, TRUE, &locked_until, error))
    return FALSE;

  state->failed = (guint)MIN (failed, KIOSK_STAFF_PIN_MAX_ATTEMPTS);
  state->locks = (guint)MIN (locks, MAX_LOCKS);
  state->locked_until = CLAMP (locked_until, 0, MAX_UNIX_TIME);

  return TRUE;
}

/* No file means no wrong PIN yet. A file that cannot be read fails closed: nobody gets in until
 * IT sets the PIN again, which rewrites it. */
static gboolean
load_lockout (KioskStaffPin  *self,
              Lockout        *state,
              GError        **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;

  *state = (Lockout) { 0, };
  if (g_key_file_load_from_file (keyfile, self->lockout_path, G_KEY_FILE_NONE, &local_error) &&
      parse_lockout (keyfile, state, &local_error))
    return TRUE;
  if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    return TRUE;

  g_warning ("Staff PIN lockout record %s is unreadable: %s", self->lockout_path,
             local_error->message);
  set_io_error (error, _("The record of wrong PINs could not be read."), local_error);
  return FALSE;
}

static gboolean
save_lockout (KioskStaffPin  *self,
              const Lockout  *state,
              GError        **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_key_file_set_uint64 (keyfile, LOCKOUT_GROUP, KEY_FAILED, state->failed);
  g_key_file_set_uint64 (keyfile, LOCKOUT_GROUP, KEY_LOCKS, state->locks);
  g_key_file_set_int64 (keyfile, LOCKOUT_GROUP, KEY_LOCKED_UNTIL, state->locked_until);
  data = g_key_file_to_data (keyfile, &length, NULL);

  if (!write_durably (self, self->lockout_path, data, length, &local_error))
    {
      if (error == NULL)
        g_warning ("Could not save the staff PIN lockout record: %s", local_error->message);
      set_io_error (error, _("The record of wrong PINs could not be saved."), local_error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_valid_hash (const char *hash)
{
  return g_str_has_prefix (hash, crypto_pwhash_STRPREFIX) &&
         strlen (hash) < crypto_pwhash_STRBYTES &&
         crypto_pwhash_str_needs_rehash (hash, HASH_OPSLIMIT, HASH_MEMLIMIT) != -1;
}

static char *
load_hash (KioskStaffPin  *self,
           GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *hash = NULL;

  if (!g_file_get_contents (self->pin_path, &hash, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error_literal (error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_NOT_SET,
                             _("No staff PIN has been set. Ask IT to set one."));
      else
        set_io_error (error, _("The staff PIN could not be read."), local_error);
      return NULL;
    }

  g_strchomp (hash);
  if (!is_valid_hash (hash))
    {
      g_warning ("Staff PIN file %s does not hold an Argon2id hash", self->pin_path);
      g_set_error_literal (error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_IO,
                           _("The stored staff PIN is damaged. Ask IT to set it again."));
      return NULL;
    }

  return g_steal_pointer (&hash);
}

static gboolean
store_hash (KioskStaffPin  *self,
            const char     *pin,
            GError        **error)
{
  char hash[crypto_pwhash_STRBYTES + 1];
  g_autoptr(GError) local_error = NULL;

  if (crypto_pwhash_str (hash, pin, strlen (pin), HASH_OPSLIMIT, HASH_MEMLIMIT) != 0)
    {
      g_set_error_literal (error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_IO,
                           _("There is not enough memory to protect the PIN."));
      return FALSE;
    }
  g_strlcat (hash, "\n", sizeof hash);

  if (!write_durably (self, self->pin_path, hash, strlen (hash), &local_error))
    {
      set_io_error (error, _("The staff PIN could not be saved."), local_error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_pin_shaped (const char *pin)
{
  gsize length = strlen (pin);

  if (length < KIOSK_STAFF_PIN_MIN_LENGTH || length > KIOSK_STAFF_PIN_MAX_LENGTH)
    return FALSE;

  for (const char *p = pin; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }

  return TRUE;
}

/**
 * kiosk_staff_pin_check_format:
 * @pin: what was typed
 * @error: return location for %KIOSK_STAFF_PIN_ERROR_INVALID_FORMAT
 *
 * Returns: whether @pin is 6 to 12 ASCII digits
 */
gboolean
kiosk_staff_pin_check_format (const char  *pin,
                              GError     **error)
{
  g_return_val_if_fail (pin != NULL, FALSE);

  if (is_pin_shaped (pin))
    return TRUE;

  g_set_error_literal (error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_INVALID_FORMAT,
                       _("The PIN must be 6 to 12 digits."));
  return FALSE;
}

static void
set_locked_error (GError **error,
                  gint64   seconds)
{
  int minutes = (int)((seconds + 59) / 60);
  int hours = (int)((seconds + 3599) / 3600);

  if (minutes <= 90)
    g_set_error (error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_LOCKED,
                 g_dngettext (GETTEXT_PACKAGE,
                              "Too many wrong PINs. Try again in %d minute.",
                              "Too many wrong PINs. Try again in %d minutes.", minutes),
                 minutes);
  else
    g_set_error (error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_LOCKED,
                 g_dngettext (GETTEXT_PACKAGE,
                              "Too many wrong PINs. Try again in %d hour.",
                              "Too many wrong PINs. Try again in %d hours.", hours),
                 hours);
}

static void
set_wrong_error (GError **error,
                 guint    attempts_left)
{
  g_set_error (error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_WRONG,
               g_dngettext (GETTEXT_PACKAGE,
                            "Wrong PIN. %u more try before the keypad locks.",
                            "Wrong PIN. %u more tries before the keypad locks.", attempts_left),
               attempts_left);
}

typedef enum
{
  HASH_MATCH,
  HASH_MISMATCH,
  HASH_FAILED,
} HashResult;

/* libsodium answers -1 both for a wrong PIN and when it could not allocate its 64 MiB. Only the
 * latter is told apart (by errno), so that every other failure counts as a wrong PIN. */
static HashResult
check_hash (const char  *hash,
            const char  *pin,
            GError     **error)
{
  errno = 0;
  if (crypto_pwhash_str_verify (hash, pin, strlen (pin)) == 0)
    return HASH_MATCH;

  if (errno != ENOMEM)
    return HASH_MISMATCH;

  g_set_error_literal (error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_IO,
                       _("There is not enough memory to check the PIN."));
  return HASH_FAILED;
}

static void
add_failure (Lockout *state,
             gint64   now)
{
  if (++state->failed < KIOSK_STAFF_PIN_MAX_ATTEMPTS)
    return;

  state->failed = 0;
  state->locks = MIN (state->locks + 1, MAX_LOCKS);
  state->locked_until = now + lock_duration (state->locks);
}

static void
set_failure_error (const Lockout  *state,
                   GError        **error)
{
  if (state->failed == 0)
    set_locked_error (error, lock_duration (state->locks));
  else
    set_wrong_error (error, KIOSK_STAFF_PIN_MAX_ATTEMPTS - state->failed);
}

/* The PIN was right, so access is granted even if the bookkeeping below fails. */
static gboolean
record_success (KioskStaffPin *self,
                const char    *hash,
                const char    *pin)
{
  const Lockout cleared = { 0, };
  g_autoptr(GError) error = NULL;

  save_lockout (self, &cleared, NULL);

  /* Hashes made with older limits are upgraded while the PIN is at hand. */
  if (crypto_pwhash_str_needs_rehash (hash, HASH_OPSLIMIT, HASH_MEMLIMIT) == 1 &&
      !store_hash (self, pin, &error))
    g_warning ("Could not update the staff PIN hash: %s", error->message);

  return TRUE;
}

/* Each process (the kiosk, the command line) has its own KioskStaffPin, so the mutex alone
 * cannot keep two checks at the same moment from reading the same count and both writing it
 * plus one. An flock on a lock file in the data folder keeps read, check and write together
 * across processes. Returns the locked descriptor, or -1 with @error set. */
static int
lock_counters (KioskStaffPin  *self,
               GError        **error)
{
  int fd = open (self->lock_path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
  int status = -1;
  int errsv;

  if (fd >= 0)
    {
      while ((status = flock (fd, LOCK_EX)) != 0 && errno == EINTR)
        ;
    }
  if (status == 0)
    return fd;

  errsv = errno;
  if (fd >= 0)
    close (fd);
  g_set_error (error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_IO,
               _("The record of wrong PINs could not be locked (%s)."), g_strerror (errsv));
  return -1;
}

static void
unlock_counters (int fd)
{
  close (fd);
}

static gboolean
verify_locked (KioskStaffPin  *self,
               const char     *pin,
               gint64          now,
               GError        **error)
{
  g_autofree char *hash = NULL;
  Lockout before;
  Lockout after;
  gint64 remaining;

  if ((hash = load_hash (self, error)) == NULL || !load_lockout (self, &before, error))
    return FALSE;

  if ((remaining = remaining_lock (&before, now)) > 0)
    {
      set_locked_error (error, remaining);
      return FALSE;
    }

  if (!kiosk_staff_pin_check_format (pin, error))
    return FALSE;

  /* The attempt is saved as a wrong one before the hash is computed: if that cannot be saved
   * nothing is checked at all, and dying half way through still leaves it counted. */
  after = before;
  add_failure (&after, now);
  if (!save_lockout (self, &after, error))
    return FALSE;

  switch (check_hash (hash, pin, error))
    {
    case HASH_MATCH:
      return record_success (self, hash, pin);
    case HASH_MISMATCH:
      set_failure_error (&after, error);
      return FALSE;
    case HASH_FAILED:
    default:
      /* Not the user's doing: give the attempt back. */
      save_lockout (self, &before, NULL);
      return FALSE;
    }
}

/**
 * kiosk_staff_pin_verify:
 * @self: a staff PIN
 * @pin: what was typed
 * @now: (nullable): the current time, or %NULL for the real clock (tests pass a fake one)
 * @error: return location for a #KIOSK_STAFF_PIN_ERROR
 *
 * Checks @pin and records the outcome on disk before returning. Blocks for one Argon2id hash.
 *
 * Returns: %TRUE when @pin is the staff PIN; otherwise %FALSE with %KIOSK_STAFF_PIN_ERROR_WRONG,
 *   %KIOSK_STAFF_PIN_ERROR_LOCKED (also for the wrong PIN that starts a lock), _NOT_SET,
 *   _INVALID_FORMAT or _IO, each with a message staff can read
 */
gboolean
kiosk_staff_pin_verify (KioskStaffPin  *self,
                        const char     *pin,
                        GDateTime      *now,
                        GError        **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  gboolean ok;
  int fd;

  g_return_val_if_fail (KIOSK_IS_STAFF_PIN (self), FALSE);
  g_return_val_if_fail (pin != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  if ((fd = lock_counters (self, error)) < 0)
    return FALSE;
  ok = verify_locked (self, pin, unix_time (now), error);
  unlock_counters (fd);

  return ok;
}

typedef struct
{
  char      *pin;
  GDateTime *now;
} VerifyData;

static void
verify_data_free (VerifyData *data)
{
  sodium_memzero (data->pin, strlen (data->pin));
  g_free (data->pin);
  g_clear_pointer (&data->now, g_date_time_unref);
  g_free (data);
}

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  VerifyData *data = task_data;
  GError *error = NULL;

  if (kiosk_staff_pin_verify (source_object, data->pin, data->now, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * kiosk_staff_pin_verify_async:
 * @self: a staff PIN
 * @pin: what was typed; copied, and the copy is wiped after use
 * @now: (nullable): as for kiosk_staff_pin_verify()
 * @cancellable: (nullable): a #GCancellable; an attempt that has started still counts
 * @callback: called when the check is done
 * @user_data: data for @callback
 *
 * Runs kiosk_staff_pin_verify() in a worker thread, so the keypad stays responsive.
 */
void
kiosk_staff_pin_verify_async (KioskStaffPin       *self,
                              const char          *pin,
                              GDateTime           *now,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  VerifyData *data;

  g_return_if_fail (KIOSK_IS_STAFF_PIN (self));
  g_return_if_fail (pin != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (VerifyData, 1);
  data->pin = g_strdup (pin);
  data->now = now != NULL ? g_date_time_ref (now) : NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kiosk_staff_pin_verify_async);
  g_task_set_task_data (task, data, (GDestroyNotify)verify_data_free);
  g_task_run_in_thread (task, verify_thread);
}

/**
 * kiosk_staff_pin_verify_finish:
 *
 * Returns: as kiosk_staff_pin_verify()
 */
gboolean
kiosk_staff_pin_verify_finish (KioskStaffPin  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * kiosk_staff_pin_set:
 * @self: a staff PIN
 * @pin: the new PIN, 6 to 12 digits
 * @error: return location for a #KIOSK_STAFF_PIN_ERROR
 *
 * Stores the hash of @pin, replacing any earlier PIN, and clears the lockout.
 *
 * Returns: %TRUE when the new PIN is in place
 */
gboolean
kiosk_staff_pin_set (KioskStaffPin  *self,
                     const char     *pin,
                     GError        **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  const Lockout cleared = { 0, };
  gboolean ok;
  int fd;

  g_return_val_if_fail (KIOSK_IS_STAFF_PIN (self), FALSE);
  g_return_val_if_fail (pin != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!kiosk_staff_pin_check_format (pin, error))
    return FALSE;

  locker = g_mutex_locker_new (&self->mutex);
  if ((fd = lock_counters (self, error)) < 0)
    return FALSE;
  ok = store_hash (self, pin, error) && save_lockout (self, &cleared, error);
  unlock_counters (fd);

  return ok;
}

/* Reads byte by byte so nothing after the newline is taken from a shared pipe, and only into
 * @line, which the caller wipes. */
static gboolean
read_line (GInputStream  *stream,
           char          *line,
           gsize          size,
           GCancellable  *cancellable,
           GError       **error)
{
  gsize length = 0;
  gssize n;

  while ((n = g_input_stream_read (stream, line + length, 1, cancellable, error)) == 1 &&
         line[length] != '\n')
    {
      if (++length == size - 1)
        {
          g_set_error_literal (error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_INVALID_FORMAT,
                               _("The PIN must be 6 to 12 digits."));
          return FALSE;
        }
    }
  if (n < 0)
    return FALSE;

  if (length > 0 && line[length - 1] == '\r')
    length--;
  line[length] = '\0';

  /* Checked here, on every byte read, and not later on the C string: a NUL byte would end that
   * early, and "123456\0999" would set 123456. */
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isdigit (line[i]))
        {
          g_set_error_literal (error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_INVALID_FORMAT,
                               _("The PIN must be 6 to 12 digits."));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * kiosk_staff_pin_set_from_stream:
 * @self: a staff PIN
 * @stream: where the new PIN comes from, for example standard input
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #KIOSK_STAFF_PIN_ERROR or #G_IO_ERROR
 *
 * Reads one line, the new PIN, without its line end ("\n" or "\r\n"), checks it and stores it
 * as kiosk_staff_pin_set() does. For `patient-kiosk --set-staff-pin`; works with pipes.
 *
 * Returns: %TRUE when the new PIN is in place
 */
gboolean
kiosk_staff_pin_set_from_stream (KioskStaffPin  *self,
                                 GInputStream   *stream,
                                 GCancellable   *cancellable,
                                 GError        **error)
{
  char line[MAX_LINE];
  gboolean ok;

  g_return_val_if_fail (KIOSK_IS_STAFF_PIN (self), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ok = read_line (stream, line, sizeof line, cancellable, error) &&
       kiosk_staff_pin_set (self, line, error);
  sodium_memzero (line, sizeof line);

  return ok;
}

/**
 * kiosk_staff_pin_is_set:
 *
 * Returns: whether a usable PIN hash is stored
 */
gboolean
kiosk_staff_pin_is_set (KioskStaffPin *self)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *hash = NULL;

  g_return_val_if_fail (KIOSK_IS_STAFF_PIN (self), FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  hash = load_hash (self, NULL);

  return hash != NULL;
}

/**
 * kiosk_staff_pin_get_locked_seconds:
 * @self: a staff PIN
 * @now: (nullable): the current time, or %NULL for the real clock
 *
 * Returns: how many seconds the keypad stays locked, 0 when it is not (or when the lockout
 *   record cannot be read, in which case kiosk_staff_pin_verify() reports the problem)
 */
gint64
kiosk_staff_pin_get_locked_seconds (KioskStaffPin *self,
                                    GDateTime     *now)
{
  g_autoptr(GMutexLocker) locker = NULL;
  Lockout state;

  g_return_val_if_fail (KIOSK_IS_STAFF_PIN (self), 0);

  locker = g_mutex_locker_new (&self->mutex);
  if (!load_lockout (self, &state, NULL))
    return 0;

  return remaining_lock (&state, unix_time (now));
}

/**
 * kiosk_staff_pin_get_attempts_left:
 *
 * Returns: how many wrong PINs may still be typed before the next lock (0 when the lockout
 *   record cannot be read). While a lock lasts this already counts from 5 again: check
 *   kiosk_staff_pin_get_locked_seconds() first.
 */
guint
kiosk_staff_pin_get_attempts_left (KioskStaffPin *self)
{
  g_autoptr(GMutexLocker) locker = NULL;
  Lockout state;

  g_return_val_if_fail (KIOSK_IS_STAFF_PIN (self), 0);

  locker = g_mutex_locker_new (&self->mutex);
  if (!load_lockout (self, &state, NULL))
    return 0;

  return KIOSK_STAFF_PIN_MAX_ATTEMPTS - MIN (state.failed, KIOSK_STAFF_PIN_MAX_ATTEMPTS);
}

static void
kiosk_staff_pin_finalize (GObject *object)
{
  KioskStaffPin *self = (KioskStaffPin *)object;

  g_mutex_clear (&self->mutex);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->pin_path, g_free);
  g_clear_pointer (&self->lockout_path, g_free);
  g_clear_pointer (&self->lock_path, g_free);

  G_OBJECT_CLASS (kiosk_staff_pin_parent_class)->finalize (object);
}

static void
kiosk_staff_pin_class_init (KioskStaffPinClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kiosk_staff_pin_finalize;
}

static void
kiosk_staff_pin_init (KioskStaffPin *self)
{
  g_mutex_init (&self->mutex);
}

/**
 * kiosk_staff_pin_new:
 * @data_dir: the kiosk's data folder; created with mode 0700 when missing
 * @error: return location for %KIOSK_STAFF_PIN_ERROR_IO, or a #KIOSK_STORE_ERROR from
 *   kiosk_data_dir_secure() (%KIOSK_STORE_ERROR_UNSAFE: the folder is not the kiosk user's alone)
 *
 * Returns: (transfer full): the staff PIN of @data_dir, or %NULL with @error set
 */
KioskStaffPin *
kiosk_staff_pin_new (const char  *data_dir,
                     GError     **error)
{
  KioskStaffPin *self;

  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ensure_sodium (error))
    return NULL;

  /* The PIN is never read from, or written to, a folder another user could have changed. */
  if (!kiosk_data_dir_secure (data_dir, KIOSK_DATA_DIR_CREATE, error))
    return NULL;

  self = g_object_new (KIOSK_TYPE_STAFF_PIN, NULL);
  self->data_dir = g_strdup (data_dir);
  self->pin_path = g_build_filename (data_dir, PIN_FILE, NULL);
  self->lockout_path = g_build_filename (data_dir, LOCKOUT_FILE, NULL);
  self->lock_path = g_build_filename (data_dir, LOCK_FILE, NULL);

  return self;
}
