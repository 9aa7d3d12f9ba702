/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libFuzzer target for the request validator. An input is a name, a NUL, a phone number, a NUL
 * and a default country code. Whatever the input, each check either fails with a
 * KIOSK_REQUEST_ERROR or returns what the store may keep: a name that is NFC, trimmed, at most
 * KIOSK_REQUEST_NAME_MAX_LENGTH characters and unchanged when checked again; a phone number in
 * E.164 form that is unchanged when checked again; and a mask that shows at most two digits.
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "kiosk-request.h"

static void
check_error (const GError *error)
{
  kiosk_fuzz_check (error != NULL && error->domain == KIOSK_REQUEST_ERROR, "a request error");
  kiosk_fuzz_check (error->message != NULL && *error->message != '\0', "an error message");
}

static char *
check_name (const char *input)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again_error = NULL;
  g_autofree char *name = kiosk_request_normalize_name (input, &error);
  g_autofree char *nfc = NULL;
  g_autofree char *again = NULL;

  if (name == NULL)
    {
      check_error (error);
      return NULL;
    }

  kiosk_fuzz_check (error == NULL, "no error with a name");
  kiosk_fuzz_check (g_utf8_validate (name, -1, NULL), "the name is UTF-8");
  nfc = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);
  kiosk_fuzz_check (g_strcmp0 (nfc, name) == 0, "the name is NFC");
  kiosk_fuzz_check (*name != '\0' && !g_ascii_isspace (*name) &&
                    !g_ascii_isspace (name[strlen (name) - 1]), "the name is trimmed");
  kiosk_fuzz_check (g_utf8_strlen (name, -1) <= KIOSK_REQUEST_NAME_MAX_LENGTH, "the name fits");

  again = kiosk_request_normalize_name (name, &again_error);
  kiosk_fuzz_check (g_strcmp0 (again, name) == 0, "a normalised name stays as it is");

  return g_steal_pointer (&name);
}

static void
check_mask (const char *phone)
{
  g_autofree char *mask = kiosk_request_mask_phone (phone);
  const char *last_two = phone + strlen (phone) - 2;
  guint digits = 0;

  for (const char *p = mask; *p != '\0'; p++)
    digits += g_ascii_isdigit (*p) ? 1 : 0;
  kiosk_fuzz_check (digits == 2 && g_str_has_suffix (mask, last_two), "the mask shows two digits");
}

static char *
check_phone (const char *input,
             const char *country_code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again_error = NULL;
  g_autofree char *phone = kiosk_request_normalize_phone (input, country_code, &error);
  g_autofree char *again = NULL;
  gsize len;

  if (phone == NULL)
    {
      check_error (error);
      return NULL;
    }

  len = strlen (phone);
  kiosk_fuzz_check (error == NULL, "no error with a phone");
  kiosk_fuzz_check (phone[0] == '+' && len >= 7 && len <= 16 && phone[1] != '0', "E.164 length");
  for (gsize i = 1; i < len; i++)
    kiosk_fuzz_check (g_ascii_isdigit (phone[i]), "E.164 digits");

  again = kiosk_request_normalize_phone (phone, country_code, &again_error);
  kiosk_fuzz_check (g_strcmp0 (again, phone) == 0, "a normalised phone stays as it is");
  check_mask (phone);

  return g_steal_pointer (&phone);
}

/* The whole request agrees with its parts: the store gets exactly the checked values. */
static void
check_request (const char *name_input,
               const char *phone_input,
               const char *country_code,
               const char *name,
               const char *phone)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskRequest) request = kiosk_request_new (name_input, phone_input, country_code,
                                                       KIOSK_CALL_TIME_MORNING, "causes", TRUE,
                                                       "1", &error);

  if (name == NULL || phone == NULL)
    {
      kiosk_fuzz_check (request == NULL, "a request needs a valid name and phone");
      check_error (error);
      return;
    }

  kiosk_fuzz_check (request != NULL, "a valid name and phone make a request");
  kiosk_fuzz_check (g_str_equal (kiosk_request_get_name (request), name), "the request's name");
  kiosk_fuzz_check (g_str_equal (kiosk_request_get_phone (request), phone), "the request's phone");
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  kiosk_fuzz_init ();

  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GPtrArray) parts = kiosk_fuzz_split (data, size, 3);
  const char *name_input = g_ptr_array_index (parts, 0);
  const char *phone_input = parts->len > 1 ? g_ptr_array_index (parts, 1) : name_input;
  const char *country_code = parts->len > 2 ? g_ptr_array_index (parts, 2) : "+506";
  g_autofree char *name = check_name (name_input);
  g_autofree char *phone = check_phone (phone_input, country_code);

  check_request (name_input, phone_input, country_code, name, phone);

  return 0;
}
