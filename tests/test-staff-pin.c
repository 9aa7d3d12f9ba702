/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gio/gunixinputstream.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kiosk-staff-pin.h"
#include "kiosk-test-fs.h"

#define PIN       "246810"
#define OTHER_PIN "135791"
#define T0        G_GINT64_CONSTANT (1700000000)

typedef struct
{
  char *root;
  char *data_dir;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->root = g_dir_make_tmp ("kiosk-pin-XXXXXX", &error);
  g_assert_no_error (error);
  /* Not created yet: KioskStaffPin makes it. */
  fixture->data_dir = g_build_filename (fixture->root, "data", "patient-kiosk", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  kiosk_test_remove_tree (fixture->root);
  g_free (fixture->root);
  g_free (fixture->data_dir);
}

static KioskStaffPin *
open_pin (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  KioskStaffPin *pin = kiosk_staff_pin_new (fixture->data_dir, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pin);

  return pin;
}

static KioskStaffPin *
open_pin_with (Fixture    *fixture,
               const char *value)
{
  g_autoptr(GError) error = NULL;
  KioskStaffPin *pin = open_pin (fixture);

  kiosk_staff_pin_set (pin, value, &error);
  g_assert_no_error (error);

  return pin;
}

static GDateTime *
at (gint64 offset)
{
  return g_date_time_new_from_unix_utc (T0 + offset);
}

static void
assert_verify (KioskStaffPin *pin,
               const char    *value,
               gint64         offset,
               GQuark         domain,
               int            code)
{
  g_autoptr(GDateTime) now = at (offset);
  g_autoptr(GError) error = NULL;
  gboolean ok = kiosk_staff_pin_verify (pin, value, now, &error);

  if (domain == 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  else
    {
      g_assert_error (error, domain, code);
      g_assert_false (ok);
      g_assert_cmpstr (error->message, !=, "");
    }
}

#define assert_right(pin, value, offset) assert_verify (pin, value, offset, 0, 0)
#define assert_fails(pin, value, offset, code) \
  assert_verify (pin, value, offset, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_##code)

static gint64
locked_at (KioskStaffPin *pin,
           gint64         offset)
{
  g_autoptr(GDateTime) now = at (offset);

  return kiosk_staff_pin_get_locked_seconds (pin, now);
}

/* Five wrong PINs at @offset: four warnings, then the lock. */
static void
lock_out (KioskStaffPin *pin,
          gint64         offset)
{
  for (guint i = 0; i < KIOSK_STAFF_PIN_MAX_ATTEMPTS - 1; i++)
    {
      assert_fails (pin, OTHER_PIN, offset, WRONG);
      g_assert_cmpuint (kiosk_staff_pin_get_attempts_left (pin), ==, 4 - i);
    }
  assert_fails (pin, OTHER_PIN, offset, LOCKED);
}

static void
assert_mode (const char *path,
             guint       mode)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, mode);
}

static void
write_data_file (Fixture    *fixture,
                 const char *name,
                 const char *contents)
{
  g_autofree char *path = g_build_filename (fixture->data_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
test_not_set (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = open_pin (fixture);

  assert_mode (fixture->data_dir, 0700);
  g_assert_false (kiosk_staff_pin_is_set (pin));
  assert_fails (pin, PIN, 0, NOT_SET);
  g_assert_cmpuint (kiosk_staff_pin_get_attempts_left (pin), ==, 5);
  g_assert_cmpint (locked_at (pin, 0), ==, 0);
}

static void
test_format (Fixture       *fixture,
             gconstpointer  data)
{
  const char * const good[] = { "123456", "000000", "123456789012" };
  const char * const bad[] = {
    "", "12345", "1234567890123", "12345a", "abcdef", "123 456", " 123456", "123456 ",
    "123456\n", "-12345", "+123456", "１２３４５６" /* full-width */, "١٢٣٤٥٦" /* Arabic-Indic */,
  };
  g_autoptr(KioskStaffPin) pin = open_pin (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (kiosk_staff_pin_check_format (good[i], NULL));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (kiosk_staff_pin_set (pin, bad[i], &error));
      g_assert_error (error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_INVALID_FORMAT);
      g_assert_cmpstr (error->message, ==, "The PIN must be 6 to 12 digits.");
    }
  g_assert_false (kiosk_staff_pin_is_set (pin));
}

static void
test_set_and_verify (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = open_pin_with (fixture, PIN);

  g_assert_true (kiosk_staff_pin_is_set (pin));
  g_test_timer_start ();
  assert_right (pin, PIN, 0);
  g_test_message ("One verification (Argon2id, INTERACTIVE) took %.0f ms",
                  g_test_timer_elapsed () * 1000);

  assert_fails (pin, OTHER_PIN, 0, WRONG);
  assert_fails (pin, PIN "0", 0, WRONG);
  g_assert_cmpuint (kiosk_staff_pin_get_attempts_left (pin), ==, 3);

  /* A right PIN forgives the wrong ones before it. */
  assert_right (pin, PIN, 0);
  g_assert_cmpuint (kiosk_staff_pin_get_attempts_left (pin), ==, 5);

  /* A new PIN replaces the old one. */
  g_assert_true (kiosk_staff_pin_set (pin, OTHER_PIN, NULL));
  assert_fails (pin, PIN, 0, WRONG);
  assert_right (pin, OTHER_PIN, 0);
}

static void
test_wrong_message (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = open_pin_with (fixture, PIN);
  g_autoptr(GError) error = NULL;

  kiosk_staff_pin_verify (pin, OTHER_PIN, NULL, &error);
  g_assert_cmpstr (error->message, ==, "Wrong PIN. 4 more tries before the keypad locks.");
  g_clear_error (&error);
  for (guint i = 0; i < 3; i++)
    {
      g_clear_error (&error);
      kiosk_staff_pin_verify (pin, OTHER_PIN, NULL, &error);
    }
  g_assert_cmpstr (error->message, ==, "Wrong PIN. 1 more try before the keypad locks.");
  g_clear_error (&error);
  kiosk_staff_pin_verify (pin, OTHER_PIN, NULL, &error);
  g_assert_cmpstr (error->message, ==, "Too many wrong PINs. Try again in 5 minutes.");
}

/* Text that cannot be a PIN is turned away without a hash and without counting. */
static void
test_invalid_not_counted (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = open_pin_with (fixture, PIN);

  for (guint i = 0; i < 10; i++)
    assert_fails (pin, "12", 0, INVALID_FORMAT);
  g_assert_cmpuint (kiosk_staff_pin_get_attempts_left (pin), ==, 5);
}

static void
test_files (Fixture       *fixture,
            gconstpointer  data)
{
  const char *long_pin = "739182604517";
  g_autofree char *pin_path = g_build_filename (fixture->data_dir, "staff-pin", NULL);
  g_autofree char *lockout_path = g_build_filename (fixture->data_dir, "staff-lockout", NULL);
  g_autoptr(KioskStaffPin) pin = open_pin_with (fixture, long_pin);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (pin_path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "$argon2id$v=19$m=65536,t=2,p=1$"));
  g_assert_true (g_str_has_suffix (contents, "\n"));
  g_assert_null (strstr (contents, long_pin));
  assert_mode (pin_path, 0600);

  assert_fails (pin, OTHER_PIN, 0, WRONG);
  assert_mode (lockout_path, 0600);
  assert_mode (fixture->data_dir, 0700);
}

/* 5 wrong: 5 minutes; at +300 s open again; 5 more wrong: 10 minutes. */
static void
test_lockout_doubles (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = open_pin_with (fixture, PIN);

  lock_out (pin, 0);
  g_assert_cmpint (locked_at (pin, 0), ==, 300);
  g_assert_cmpint (locked_at (pin, 299), ==, 1);

  /* The right PIN does not open a locked keypad, and trying does not extend the lock. */
  assert_fails (pin, PIN, 0, LOCKED);
  assert_fails (pin, PIN, 299, LOCKED);
  g_assert_cmpint (locked_at (pin, 299), ==, 1);

  g_assert_cmpint (locked_at (pin, 300), ==, 0);
  g_assert_cmpuint (kiosk_staff_pin_get_attempts_left (pin), ==, 5);
  lock_out (pin, 300);
  g_assert_cmpint (locked_at (pin, 300), ==, 600);
  assert_fails (pin, PIN, 899, LOCKED);
  g_assert_cmpint (locked_at (pin, 900), ==, 0);
}

static void
test_locked_message (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = open_pin_with (fixture, PIN);
  g_autoptr(GDateTime) later = at (300 - 59);
  g_autoptr(GError) error = NULL;

  lock_out (pin, 0);
  kiosk_staff_pin_verify (pin, PIN, later, &error);
  g_assert_cmpstr (error->message, ==, "Too many wrong PINs. Try again in 1 minute.");
}

/* While locked no hash is computed: ten refusals take less time than one real check. */
static void
test_locked_skips_hash (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = open_pin_with (fixture, PIN);
  double one_check;

  g_test_timer_start ();
  assert_right (pin, PIN, 0);
  one_check = g_test_timer_elapsed ();
  lock_out (pin, 0);

  g_test_timer_start ();
  for (guint i = 0; i < 10; i++)
    assert_fails (pin, PIN, 1, LOCKED);
  g_assert_cmpfloat (g_test_timer_elapsed (), <, one_check);
}

static void
write_lockout (Fixture *fixture,
               guint    failed,
               guint    locks,
               gint64   locked_until)
{
  g_autofree char *text = g_strdup_printf ("[Lockout]\nFailedAttempts=%u\nLockCount=%u\n"
                                           "LockedUntil=%" G_GINT64_FORMAT "\n",
                                           failed, locks, locked_until);

  write_data_file (fixture, "staff-lockout", text);
}

/* The doubling stops at 24 hours. */
static void
test_lockout_cap (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = open_pin_with (fixture, PIN);

  /* Eight locks behind us and four wrong PINs since: the next one is lock nine. */
  write_lockout (fixture, 4, 8, T0 - 1);
  assert_fails (pin, OTHER_PIN, 0, LOCKED);
  g_assert_cmpint (locked_at (pin, 0), ==, 300 * 256);

  lock_out (pin, 300 * 256);
  g_assert_cmpint (locked_at (pin, 300 * 256), ==, 24 * 60 * 60);
  lock_out (pin, 300 * 256 + 24 * 60 * 60);
  g_assert_cmpint (locked_at (pin, 300 * 256 + 24 * 60 * 60), ==, 24 * 60 * 60);
}

/* A clock set back cannot stretch a lock beyond its own length. */
static void
test_clock_set_back (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = open_pin_with (fixture, PIN);

  write_lockout (fixture, 0, 1, T0 + 300);
  g_assert_cmpint (locked_at (pin, -365 * 24 * 60 * 60), ==, 300);
}

/* A restart right after wrong PINs keeps them, and keeps a lock. */
static void
test_persists_across_restart (Fixture       *fixture,
                              gconstpointer  data)
{
  KioskStaffPin *pin = open_pin_with (fixture, PIN);

  for (guint i = 0; i < 3; i++)
    assert_fails (pin, OTHER_PIN, 0, WRONG);
  g_assert_finalize_object (pin);

  pin = open_pin (fixture);
  g_assert_cmpuint (kiosk_staff_pin_get_attempts_left (pin), ==, 2);
  assert_fails (pin, OTHER_PIN, 10, WRONG);
  assert_fails (pin, OTHER_PIN, 10, LOCKED);
  g_assert_finalize_object (pin);

  pin = open_pin (fixture);
  g_assert_cmpint (locked_at (pin, 100), ==, 210);
  assert_fails (pin, PIN, 100, LOCKED);
  g_assert_finalize_object (pin);

  /* The doubling level survives a restart too. */
  pin = open_pin (fixture);
  lock_out (pin, 310);
  g_assert_cmpint (locked_at (pin, 310), ==, 600);
  g_assert_finalize_object (pin);
}

/* A right PIN also resets the doubling: the next lock is 5 minutes again. */
static void
test_right_pin_resets_level (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = open_pin_with (fixture, PIN);

  /* Two locks behind us, the last one over, two wrong PINs since. */
  write_lockout (fixture, 2, 2, T0 - 1);
  assert_right (pin, PIN, 0);
  g_assert_cmpuint (kiosk_staff_pin_get_attempts_left (pin), ==, 5);

  lock_out (pin, 0);
  g_assert_cmpint (locked_at (pin, 0), ==, 300);
}

/* If an attempt cannot be recorded, no PIN is checked at all, not even the right one; otherwise a
 * full disk would allow unlimited guessing. A file size limit makes the write fail, as root too;
 * the subprocess keeps the limit away from the other tests. */
static void
test_unsaved_fails_closed (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = NULL;
  struct rlimit limit;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, 0);
      g_test_trap_assert_passed ();
      return;
    }

  pin = open_pin_with (fixture, PIN);
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  limit.rlim_cur = 8;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  for (guint i = 0; i < 10; i++)
    {
      /* The error says so; no log line besides (the command line prints one line). */
      assert_fails (pin, i % 2 ? PIN : OTHER_PIN, 0, IO);
    }
}

/* Setting a PIN (IT's way to let staff back in) lifts a lock. */
static void
test_set_clears_lockout (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = open_pin_with (fixture, PIN);

  lock_out (pin, 0);
  g_assert_true (kiosk_staff_pin_set (pin, OTHER_PIN, NULL));
  g_assert_cmpint (locked_at (pin, 0), ==, 0);
  assert_right (pin, OTHER_PIN, 0);
}

static void
test_damaged_lockout (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = open_pin_with (fixture, PIN);

  /* Unreadable counters fail closed, even for the right PIN... */
  write_data_file (fixture, "staff-lockout", "[Lockout]\nFailedAttempts=many\n");
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*lockout record*unreadable*");
  assert_fails (pin, PIN, 0, IO);
  g_test_assert_expected_messages ();

  /* ...until IT sets the PIN again. */
  g_assert_true (kiosk_staff_pin_set (pin, PIN, NULL));
  assert_right (pin, PIN, 0);
}

static void
test_damaged_hash (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = open_pin (fixture);

  write_data_file (fixture, "staff-pin", PIN "\n");
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*does not hold an Argon2id hash*");
  g_assert_false (kiosk_staff_pin_is_set (pin));
  g_test_assert_expected_messages ();

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*does not hold an Argon2id hash*");
  assert_fails (pin, PIN, 0, IO);
  g_test_assert_expected_messages ();
}

static GInputStream *
memory_input (const char *text)
{
  return g_memory_input_stream_new_from_data (g_strdup (text), -1, g_free);
}

static void
test_set_from_stream (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = open_pin (fixture);
  g_autoptr(GInputStream) input = memory_input (PIN "\nnext line");
  g_autoptr(GError) error = NULL;
  char rest[32] = { 0, };

  kiosk_staff_pin_set_from_stream (pin, input, NULL, &error);
  g_assert_no_error (error);
  assert_right (pin, PIN, 0);

  /* Only the first line was taken. */
  g_input_stream_read_all (input, rest, sizeof rest - 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rest, ==, "next line");
}

static void
test_set_from_stream_variants (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = open_pin (fixture);
  const char * const bad[] = {
    "", "\n", "12345\n", "1234567\t\n", "１２３４５６\n",
    "12345678901234567890123456789012345678901234567890123456789012345\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GInputStream) input = memory_input (bad[i]);
      g_autoptr(GError) error = NULL;

      g_assert_false (kiosk_staff_pin_set_from_stream (pin, input, NULL, &error));
      g_assert_error (error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_INVALID_FORMAT);
    }
  g_assert_false (kiosk_staff_pin_is_set (pin));

  {
    g_autoptr(GInputStream) crlf = memory_input (OTHER_PIN "\r\n");
    g_autoptr(GInputStream) no_newline = memory_input (PIN);

    g_assert_true (kiosk_staff_pin_set_from_stream (pin, crlf, NULL, NULL));
    assert_right (pin, OTHER_PIN, 0);
    g_assert_true (kiosk_staff_pin_set_from_stream (pin, no_newline, NULL, NULL));
    assert_right (pin, PIN, 0);
  }
}

/* `echo 246810 | patient-kiosk --set-staff-pin` reads from a pipe. */
static void
test_set_from_pipe (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = open_pin (fixture);
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(GError) error = NULL;
  int fds[2];

  g_assert_cmpint (pipe (fds), ==, 0);
  g_assert_cmpint (write (fds[1], OTHER_PIN "\n", 7), ==, 7);
  close (fds[1]);
  input = g_unix_input_stream_new (fds[0], TRUE);

  kiosk_staff_pin_set_from_stream (pin, input, NULL, &error);
  g_assert_no_error (error);
  assert_right (pin, OTHER_PIN, 0);
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} AsyncResult;

static void
verify_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncResult *outcome = user_data;

  outcome->ok = kiosk_staff_pin_verify_finish (KIOSK_STAFF_PIN (source), result, &outcome->error);
  outcome->done = TRUE;
}

static void
verify_in_thread (KioskStaffPin *pin,
                  const char    *value,
                  AsyncResult   *outcome)
{
  g_autoptr(GDateTime) now = at (0);
  char *copy = g_strdup (value);

  kiosk_staff_pin_verify_async (pin, copy, now, NULL, verify_done, outcome);
  /* The call copied the PIN; the caller may wipe its own buffer at once. */
  memset (copy, 0, strlen (copy));
  g_free (copy);
  while (!outcome->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_verify_async (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = open_pin_with (fixture, PIN);
  AsyncResult wrong = { 0, };
  AsyncResult right = { 0, };

  verify_in_thread (pin, OTHER_PIN, &wrong);
  g_assert_false (wrong.ok);
  g_assert_error (wrong.error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_WRONG);
  g_clear_error (&wrong.error);
  g_assert_cmpuint (kiosk_staff_pin_get_attempts_left (pin), ==, 4);

  verify_in_thread (pin, PIN, &right);
  g_assert_no_error (right.error);
  g_assert_true (right.ok);
}

/* Attempts from several threads at once are all counted. */
static void
test_concurrent_attempts (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = open_pin_with (fixture, PIN);
  g_autoptr(GDateTime) now = at (0);
  AsyncResult outcomes[3] = { { 0, }, };

  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    kiosk_staff_pin_verify_async (pin, OTHER_PIN, now, NULL, verify_done, &outcomes[i]);
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      while (!outcomes[i].done)
        g_main_context_iteration (NULL, TRUE);
    }

  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      g_assert_error (outcomes[i].error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_WRONG);
      g_clear_error (&outcomes[i].error);
    }
  g_assert_cmpuint (kiosk_staff_pin_get_attempts_left (pin), ==, 2);
}

/* A hand-edited lockout record: out-of-range times are clamped (INT64_MIN used to overflow the
 * subtraction, UBSan), and negative or overlong counts fail closed like any damaged record. */
static void
test_hand_edited_lockout (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = open_pin_with (fixture, PIN);
  static const char * const damaged[] = {
    "[Lockout]\nFailedAttempts=-1\nLockCount=0\nLockedUntil=0\n",
    "[Lockout]\nFailedAttempts=0\nLockCount=-3\nLockedUntil=0\n",
    "[Lockout]\nFailedAttempts=0\nLockCount=0\nLockedUntil=99999999999999999999\n",
  };

  /* A lock that ended at the dawn of time is over. */
  write_lockout (fixture, 0, 1, G_MININT64);
  g_assert_cmpint (locked_at (pin, 0), ==, 0);
  assert_right (pin, PIN, 0);

  /* One that ends at the end of time lasts no longer than its own length, whatever the clock. */
  write_lockout (fixture, 0, 1, G_MAXINT64);
  g_assert_cmpint (locked_at (pin, -T0 - 1000000), ==, 300);
  g_assert_cmpint (locked_at (pin, 0), ==, 300);

  /* The most locks there can be: the longest lock, and no overflow in doubling it. */
  write_data_file (fixture, "staff-lockout", "[Lockout]\nFailedAttempts=18446744073709551615\n"
                   "LockCount=18446744073709551615\nLockedUntil=9223372036854775807\n");
  g_assert_cmpint (locked_at (pin, 0), ==, 24 * 60 * 60);

  for (guint i = 0; i < G_N_ELEMENTS (damaged); i++)
    {
      write_data_file (fixture, "staff-lockout", damaged[i]);
      g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*lockout record*unreadable*");
      assert_fails (pin, PIN, 0, IO);
      g_test_assert_expected_messages ();
    }
}

typedef struct
{
  KioskStaffPin *pin;
  GMutex        *mutex;
  GCond         *cond;
  gboolean      *go;
} Attempt;

/* Waits for the start signal, then types a wrong PIN. */
static gpointer
attempt_thread (gpointer user_data)
{
  Attempt *attempt = user_data;
  g_autoptr(GDateTime) now = at (0);
  g_autoptr(GError) error = NULL;

  g_mutex_lock (attempt->mutex);
  while (!*attempt->go)
    g_cond_wait (attempt->cond, attempt->mutex);
  g_mutex_unlock (attempt->mutex);

  kiosk_staff_pin_verify (attempt->pin, OTHER_PIN, now, &error);
  g_assert_error (error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_WRONG);

  return NULL;
}

/* Two handles on one data folder, as the kiosk and another process have: attempts made at the
 * same moment each count (the counter file is locked around read, check and write). */
static void
test_separate_handles (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(KioskStaffPin) first = open_pin_with (fixture, PIN);
  g_autoptr(KioskStaffPin) second = open_pin (fixture);
  GMutex mutex;
  GCond cond;

  g_mutex_init (&mutex);
  g_cond_init (&cond);
  for (guint round = 0; round < 5; round++)
    {
      gboolean go = FALSE;
      Attempt attempts[] = {
        { first, &mutex, &cond, &go },
        { second, &mutex, &cond, &go },
      };
      GThread *threads[G_N_ELEMENTS (attempts)];

      g_assert_true (kiosk_staff_pin_set (first, PIN, NULL));
      for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
        threads[i] = g_thread_new ("attempt", attempt_thread, &attempts[i]);
      g_mutex_lock (&mutex);
      go = TRUE;
      g_cond_broadcast (&cond);
      g_mutex_unlock (&mutex);
      for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
        g_thread_join (threads[i]);

      g_assert_cmpuint (kiosk_staff_pin_get_attempts_left (first), ==, 3);
    }
  g_mutex_clear (&mutex);
  g_cond_clear (&cond);
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("/kiosk/staff-pin/not-set", test_not_set);
  ADD_TEST ("/kiosk/staff-pin/format", test_format);
  ADD_TEST ("/kiosk/staff-pin/set-and-verify", test_set_and_verify);
  ADD_TEST ("/kiosk/staff-pin/wrong-message", test_wrong_message);
  ADD_TEST ("/kiosk/staff-pin/invalid-not-counted", test_invalid_not_counted);
  ADD_TEST ("/kiosk/staff-pin/files", test_files);
  ADD_TEST ("/kiosk/staff-pin/lockout/doubles", test_lockout_doubles);
  ADD_TEST ("/kiosk/staff-pin/lockout/message", test_locked_message);
  ADD_TEST ("/kiosk/staff-pin/lockout/skips-hash", test_locked_skips_hash);
  ADD_TEST ("/kiosk/staff-pin/lockout/cap", test_lockout_cap);
  ADD_TEST ("/kiosk/staff-pin/lockout/clock-set-back", test_clock_set_back);
  ADD_TEST ("/kiosk/staff-pin/lockout/persists", test_persists_across_restart);
  ADD_TEST ("/kiosk/staff-pin/lockout/right-pin-resets-level", test_right_pin_resets_level);
  ADD_TEST ("/kiosk/staff-pin/lockout/set-clears", test_set_clears_lockout);
  ADD_TEST ("/kiosk/staff-pin/lockout/unsaved-fails-closed", test_unsaved_fails_closed);
  ADD_TEST ("/kiosk/staff-pin/damaged/lockout", test_damaged_lockout);
  ADD_TEST ("/kiosk/staff-pin/damaged/hash", test_damaged_hash);
  ADD_TEST ("/kiosk/staff-pin/stream/first-line", test_set_from_stream);
  ADD_TEST ("/kiosk/staff-pin/stream/variants", test_set_from_stream_variants);
  ADD_TEST ("/kiosk/staff-pin/stream/pipe", test_set_from_pipe);
  ADD_TEST ("/kiosk/staff-pin/async/verify", test_verify_async);
  ADD_TEST ("/kiosk/staff-pin/async/concurrent", test_concurrent_attempts);
  ADD_TEST ("/kiosk/staff-pin/damaged/hand-edited", test_hand_edited_lockout);
  ADD_TEST ("/kiosk/staff-pin/lockout/separate-handles", test_separate_handles);

  return g_test_run ();
}
