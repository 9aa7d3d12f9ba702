/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * KioskStaffPin guards the staff area with a PIN of 6 to 12 ASCII digits.
 *
 * Storage, in the data folder (created 0700 when missing):
 * - `staff-pin`: the Argon2id hash from libsodium's crypto_pwhash_str() with the INTERACTIVE
 *   limits (2 passes over 64 MiB), one "$argon2id$..." line, mode 0600. The PIN itself is never
 *   stored or logged.
 * - `staff-lockout`: a key file with the wrong-PIN count, the lock count and the end of the
 *   current lock (UTC Unix time), mode 0600. Values read back are validated (a negative or
 *   unparsable number makes the record damaged, which fails closed) and clamped (counts to the
 *   limits below, the time to GDateTime's range), so a hand-edited file cannot overflow.
 * - `staff-lockout.lock`: empty, mode 0600; an flock on it is held around every check and every
 *   new PIN, so that checks from two processes (the kiosk and another) at once each count.
 * Both are written to a temporary file, fsynced, renamed and the folder fsynced. Every attempt
 * is first saved as a wrong one, before the hash is computed, and only cleared when the PIN turns
 * out right: quitting or crashing during or right after a check does not give the attempt back,
 * and when the record cannot be saved (full disk...) no PIN is checked at all. Both files are
 * read again on every call, so a PIN set from the command line applies to a running kiosk at
 * once.
 *
 * Lockout: the fifth wrong PIN in a row locks the keypad for 5 minutes, and every further lock
 * lasts twice as long as the one before (10, 20, 40 minutes...) up to 24 hours, which is where
 * it stays. While locked, verification answers %KIOSK_STAFF_PIN_ERROR_LOCKED without computing
 * a hash, right PIN or not, and the attempt does not count. A right PIN resets both the wrong-PIN
 * count and the lock doubling: only someone who knows the PIN can do that, and the doubling is
 * there to slow down guessing, not to punish a colleague's typos for months. Setting a new PIN
 * clears the lockout too (it is how IT lets staff back in). Text that is not 6 to 12 digits can
 * never be the PIN and is refused with %KIOSK_STAFF_PIN_ERROR_INVALID_FORMAT without counting.
 *
 * A verification takes as long as one Argon2id hash (about 0.15 s on the development machine,
 * more on a small kiosk PC), so the UI should use kiosk_staff_pin_verify_async(). Calls on one
 * object are serialised with a mutex, and calls from different objects or processes with the
 * flock above, so two attempts cannot race on the wrong-PIN count.
 */

#define KIOSK_STAFF_PIN_ERROR (kiosk_staff_pin_error_quark ())

typedef enum
{
  KIOSK_STAFF_PIN_ERROR_INVALID_FORMAT,
  KIOSK_STAFF_PIN_ERROR_NOT_SET,
  KIOSK_STAFF_PIN_ERROR_WRONG,
  KIOSK_STAFF_PIN_ERROR_LOCKED,
  KIOSK_STAFF_PIN_ERROR_IO,
} KioskStaffPinError;

#define KIOSK_STAFF_PIN_MIN_LENGTH         6
#define KIOSK_STAFF_PIN_MAX_LENGTH         12
#define KIOSK_STAFF_PIN_MAX_ATTEMPTS       5
#define KIOSK_STAFF_PIN_FIRST_LOCK_SECONDS (5 * 60)
#define KIOSK_STAFF_PIN_MAX_LOCK_SECONDS   (24 * 60 * 60)

#define KIOSK_TYPE_STAFF_PIN (kiosk_staff_pin_get_type ())

G_DECLARE_FINAL_TYPE (KioskStaffPin, kiosk_staff_pin, KIOSK, STAFF_PIN, GObject)

GQuark         kiosk_staff_pin_error_quark        (void);
KioskStaffPin *kiosk_staff_pin_new                (const char           *data_dir,
                                                   GError              **error);
gboolean       kiosk_staff_pin_check_format       (const char           *pin,
                                                   GError              **error);
gboolean       kiosk_staff_pin_is_set             (KioskStaffPin        *self);
gboolean       kiosk_staff_pin_set                (KioskStaffPin        *self,
                                                   const char           *pin,
                                                   GError              **error);
gboolean       kiosk_staff_pin_set_from_stream    (KioskStaffPin        *self,
                                                   GInputStream         *stream,
                                                   GCancellable         *cancellable,
                                                   GError              **error);
gboolean       kiosk_staff_pin_verify             (KioskStaffPin        *self,
                                                   const char           *pin,
                                                   GDateTime            *now,
                                                   GError              **error);
void           kiosk_staff_pin_verify_async       (KioskStaffPin        *self,
                                                   const char           *pin,
                                                   GDateTime            *now,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean       kiosk_staff_pin_verify_finish      (KioskStaffPin        *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
gint64         kiosk_staff_pin_get_locked_seconds (KioskStaffPin        *self,
                                                   GDateTime            *now);
guint          kiosk_staff_pin_get_attempts_left  (KioskStaffPin        *self);

G_END_DECLS
