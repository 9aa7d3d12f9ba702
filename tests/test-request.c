/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "kiosk-request.h"

#define NO_ERROR -1

typedef struct
{
  const char *input;
  const char *expected;   /* the normalised form, or NULL when the input is refused */
  int         error_code; /* a KioskRequestError, or NO_ERROR */
} NameCase;

static const NameCase name_cases[] = {
  /* Accents, apostrophes and hyphens are kept as typed. */
  { "José Ñúñez", "José Ñúñez", NO_ERROR },
  { "Zoë", "Zoë", NO_ERROR },
  { "O'Brien", "O'Brien", NO_ERROR },
  { "D’Angelo", "D’Angelo", NO_ERROR },
  { "O´Brien", "O´Brien", NO_ERROR },
  { "Jean-Luc Picard", "Jean-Luc Picard", NO_ERROR },
  { "María José Pérez-Rodríguez", "María José Pérez-Rodríguez", NO_ERROR },
  { "J. R. Smith Jr.", "J. R. Smith Jr.", NO_ERROR },
  /* e + COMBINING ACUTE ACCENT becomes the single code point é (C3 A9) after NFC. */
  { "Jose\xcc\x81", "Jos\xc3\xa9", NO_ERROR },
  { "Zoe\xcc\x88 N\xcc\x83u\xcc\x81n\xcc\x83""ez",
    "Zo\xc3\xab \xc3\x91\xc3\xba\xc3\xb1""ez", NO_ERROR },
  /* Right-to-left and other scripts pass, with their own marks and joiners. */
  { "محمد عبد الله", "محمد عبد الله", NO_ERROR },
  /* Persian, with ZWNJ (U+200C) */
  { "\xd8\xaf\xd8\xa7\xd9\x86\xdb\x8c\xd8\xa7\xd9\x84"
    "\xe2\x80\x8c\xd8\xb2\xd8\xa7\xd8\xaf\xd9\x87",
    "\xd8\xaf\xd8\xa7\xd9\x86\xdb\x8c\xd8\xa7\xd9\x84"
    "\xe2\x80\x8c\xd8\xb2\xd8\xa7\xd8\xaf\xd9\x87", NO_ERROR },
  { "דוד כהן", "דוד כהן", NO_ERROR },
  /* Hebrew with niqqud, in canonical order (NFC leaves it as it is) */
  { "\xd7\xa9\xd6\xb8\xd7\x81\xd7\x9c\xd7\x95\xd6\xb9\xd7\x9d",
    "\xd7\xa9\xd6\xb8\xd7\x81\xd7\x9c\xd7\x95\xd6\xb9\xd7\x9d", NO_ERROR },
  { "王小明", "王小明", NO_ERROR },
  { "ジョン・スミス", "ジョン・スミス", NO_ERROR },
  { "Nguyễn Văn An", "Nguyễn Văn An", NO_ERROR },
  /* Spaces are trimmed and collapsed, whatever their script. */
  { "  Ana   María  ", "Ana María", NO_ERROR },
  { "Ana\xc2\xa0María", "Ana María", NO_ERROR },               /* NO-BREAK SPACE */
  { "\xe3\x80\x80王\xe3\x80\x80小明", "王 小明", NO_ERROR },   /* IDEOGRAPHIC SPACE */
  /* Empty. */
  { "", NULL, KIOSK_REQUEST_ERROR_NAME_EMPTY },
  { "     ", NULL, KIOSK_REQUEST_ERROR_NAME_EMPTY },
  { "\xc2\xa0", NULL, KIOSK_REQUEST_ERROR_NAME_EMPTY },
  /* Control characters, tabs and newlines. */
  { "Ana\tMaría", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },
  { "Ana\nMaría", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },
  { "Ana María\n", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },
  { "Ana\r", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },
  { "\t", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },
  { "Ana\x1b[31m", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },
  { "Ana\xc2\x85", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },       /* NEXT LINE (C1) */
  { "Ana\xe2\x80\xa8María", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID }, /* LINE SEPARATOR */
  /* Bidirectional controls and other invisible format characters. */
  { "\xe2\x80\xae" "nilA", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },     /* U+202E RLO */
  { "Ana \xe2\x80\xaa" "X", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },    /* U+202A LRE */
  { "\xe2\x81\xa6" "Ana\xe2\x81\xa9", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID }, /* U+2066 LRI */
  { "Ana\xe2\x81\xa7", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },         /* U+2067 RLI */
  { "\xe2\x80\x8f" "Ana", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },      /* U+200F RLM */
  { "Ana\xe2\x80\x8e", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },         /* U+200E LRM */
  { "Ana\xd8\x9c", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },             /* U+061C ALM */
  { "A\xe2\x80\x8bna", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },         /* ZERO WIDTH SPACE */
  { "\xef\xbb\xbf" "Ana", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },      /* BOM */
  { "Ana\xc2\xad", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },             /* SOFT HYPHEN */
  { "\xe3\x85\xa4", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },            /* HANGUL FILLER */
  { "Ana\xef\xb8\x8f", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },         /* VARIATION SELECTOR-16 */
  { "Ana\xee\x80\x80", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },         /* private use U+E000 */
  /* Emoji and other symbols. */
  { "Ana 😀", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },
  { "👍", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },
  { "Ana 👍🏽", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },
  { "❤️", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },
  { "Ana 🇨🇷", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },
  { "=HYPERLINK(\"x\")", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },
  { "<b>Ana</b>", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },
  { "Ana $", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },
  { "1\xe2\x83\xa3", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },           /* keycap 1 */
  /* Something, but no letter. */
  { "12345", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },
  { "- . '", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },
  /* Invalid UTF-8 (none of these contain a NUL). */
  { "Jos\xe9", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },
  { "\xc3\x28", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },
  { "Ana \xc0\xaf", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },            /* overlong '/' */
  { "Ana \xed\xa0\x80", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },        /* a surrogate */
  { "Ana \xf4\x90\x80\x80", NULL, KIOSK_REQUEST_ERROR_NAME_INVALID },    /* above U+10FFFF */
};

static void
test_name_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (name_cases); i++)
    {
      const NameCase *c = &name_cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *name = kiosk_request_normalize_name (c->input, &error);

      g_test_message ("name case %u", i);
      if (c->error_code == NO_ERROR)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (name, ==, c->expected);
        }
      else
        {
          g_assert_error (error, KIOSK_REQUEST_ERROR, c->error_code);
          g_assert_null (name);
          g_assert_cmpuint (strlen (error->message), >, 10);
        }
    }
}

static void
test_name_null (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = kiosk_request_normalize_name (NULL, &error);

  g_assert_error (error, KIOSK_REQUEST_ERROR, KIOSK_REQUEST_ERROR_NAME_EMPTY);
  g_assert_cmpstr (error->message, ==, "Please type your name.");
  g_assert_null (name);
}

static char *
repeat (const char *unit,
        guint       times)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (s, unit);

  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
assert_name_length (const char *unit,
                    guint       times,
                    gboolean    valid)
{
  g_autofree char *input = repeat (unit, times);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = kiosk_request_normalize_name (input, &error);

  if (valid)
    {
      g_assert_no_error (error);
      g_assert_cmpuint (g_utf8_strlen (name, -1), ==, times);
    }
  else
    {
      g_assert_error (error, KIOSK_REQUEST_ERROR, KIOSK_REQUEST_ERROR_NAME_TOO_LONG);
    }
}

static void
test_name_length (void)
{
  g_autofree char *padded = NULL;
  g_autofree char *eighty = repeat ("a", 80);
  g_autofree char *name = NULL;

  assert_name_length ("a", 1, TRUE);
  assert_name_length ("a", 80, TRUE);
  assert_name_length ("a", 81, FALSE);
  /* Characters are counted, not bytes... */
  assert_name_length ("é", 80, TRUE);
  assert_name_length ("é", 81, FALSE);
  assert_name_length ("מ", 80, TRUE);
  /* ...after normalisation: 80 decomposed é (240 bytes) are 80 characters. */
  assert_name_length ("e\xcc\x81", 80, TRUE);
  assert_name_length ("e\xcc\x81", 81, FALSE);
  /* A pasted novel is refused, whatever it contains. */
  assert_name_length ("a", 10000, FALSE);
  assert_name_length ("😀", 10000, FALSE);

  /* Spaces around the name do not count. */
  padded = g_strconcat ("      ", eighty, "      ", NULL);
  name = kiosk_request_normalize_name (padded, NULL);
  g_assert_cmpstr (name, ==, eighty);
}

typedef struct
{
  const char *input;
  const char *default_code;
  const char *expected;
  int         error_code;
} PhoneCase;

static const PhoneCase phone_cases[] = {
  { "+506 8888-1234", "+506", "+50688881234", NO_ERROR },
  { "+50688881234", "+506", "+50688881234", NO_ERROR },
  { "  +506 8888 1234  ", "+506", "+50688881234", NO_ERROR },
  { "00 1 555 0100", "+506", "+15550100", NO_ERROR },
  { "0044 20 7946 0000", "+506", "+442079460000", NO_ERROR },
  /* Local numbers get the default calling code, with or without its '+'. */
  { "8888 1234", "+506", "+50688881234", NO_ERROR },
  { "8888-1234", "506", "+50688881234", NO_ERROR },
  { "2222.3333", "+506", "+50622223333", NO_ERROR },
  { "123 456", "+506", "+506123456", NO_ERROR },
  { "555 0100", "+1", "+15550100", NO_ERROR },
  /* Brackets: the default code written in brackets is that code; anything else is an area
   * code; "(0)" after an international prefix is the trunk prefix and is dropped. */
  { "(506) 8888.1234", "+506", "+50688881234", NO_ERROR },
  { "(+506) 8888-1234", "+506", "+50688881234", NO_ERROR },
  { "(555) 123-4567", "+1", "+15551234567", NO_ERROR },
  { "(506) 555-0100", "+1", "+15065550100", NO_ERROR },
  { "+1 (506) 555 0100", "+506", "+15065550100", NO_ERROR },
  { "+44 (0)20 7946 0000", "+506", "+442079460000", NO_ERROR },
  /* 6 and 15 digits are the limits, counting the country code. */
  { "+123456", "+506", "+123456", NO_ERROR },
  { "+123456789012345", "+506", "+123456789012345", NO_ERROR },
  /* Empty. */
  { "", "+506", NULL, KIOSK_REQUEST_ERROR_PHONE_EMPTY },
  { "    ", "+506", NULL, KIOSK_REQUEST_ERROR_PHONE_EMPTY },
  { "- . ()", "+506", NULL, KIOSK_REQUEST_ERROR_PHONE_EMPTY },
  /* Too short or too long. */
  { "+", "+506", NULL, KIOSK_REQUEST_ERROR_PHONE_LENGTH },
  { "12345", "+506", NULL, KIOSK_REQUEST_ERROR_PHONE_LENGTH },
  { "+12345", "+506", NULL, KIOSK_REQUEST_ERROR_PHONE_LENGTH },
  { "+506 12", "+506", NULL, KIOSK_REQUEST_ERROR_PHONE_LENGTH },
  { "00", "+506", NULL, KIOSK_REQUEST_ERROR_PHONE_LENGTH },
  { "+1234567890123456", "+506", NULL, KIOSK_REQUEST_ERROR_PHONE_LENGTH },
  { "+506 8888 1234 5678 9", "+506", NULL, KIOSK_REQUEST_ERROR_PHONE_LENGTH },
  { "8888 1234 5678 9012", "+506", NULL, KIOSK_REQUEST_ERROR_PHONE_LENGTH },
  /* Anything but digits and the separators. */
  { "8888 1234 abc", "+506", NULL, KIOSK_REQUEST_ERROR_PHONE_INVALID },
  { "call me", "+506", NULL, KIOSK_REQUEST_ERROR_PHONE_INVALID },
  { "8888 1234 ext 5", "+506", NULL, KIOSK_REQUEST_ERROR_PHONE_INVALID },
  { "8888/1234", "+506", NULL, KIOSK_REQUEST_ERROR_PHONE_INVALID },
  { "++506 8888 1234", "+506", NULL, KIOSK_REQUEST_ERROR_PHONE_INVALID },
  { "+506 +8888 1234", "+506", NULL, KIOSK_REQUEST_ERROR_PHONE_INVALID },
  { "506+88881234", "+506", NULL, KIOSK_REQUEST_ERROR_PHONE_INVALID },
  { "8888\n1234", "+506", NULL, KIOSK_REQUEST_ERROR_PHONE_INVALID },
  { "8888 1234\n", "+506", NULL, KIOSK_REQUEST_ERROR_PHONE_INVALID },
  { "8888\t1234", "+506", NULL, KIOSK_REQUEST_ERROR_PHONE_INVALID },
  { "８８８８１２３４", "+506", NULL, KIOSK_REQUEST_ERROR_PHONE_INVALID },
  { "8888\xe2\x80\xae" "1234", "+506", NULL, KIOSK_REQUEST_ERROR_PHONE_INVALID },
  { "8888 \xff 1234", "+506", NULL, KIOSK_REQUEST_ERROR_PHONE_INVALID },
  { "=1+2", "+506", NULL, KIOSK_REQUEST_ERROR_PHONE_INVALID },
  /* Unbalanced or nested brackets. */
  { "(506 8888 1234", "+506", NULL, KIOSK_REQUEST_ERROR_PHONE_INVALID },
  { "506) 8888 1234", "+506", NULL, KIOSK_REQUEST_ERROR_PHONE_INVALID },
  { "((506)) 8888 1234", "+506", NULL, KIOSK_REQUEST_ERROR_PHONE_INVALID },
  /* No country calling code starts with 0. */
  { "+0 123 4567", "+506", NULL, KIOSK_REQUEST_ERROR_PHONE_INVALID },
  { "000 506 8888", "+506", NULL, KIOSK_REQUEST_ERROR_PHONE_INVALID },
  /* A local number with no default code cannot be completed. */
  { "8888 1234", NULL, NULL, KIOSK_REQUEST_ERROR_PHONE_INVALID },
  { "+506 8888 1234", NULL, "+50688881234", NO_ERROR },
};

static void
test_phone_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (phone_cases); i++)
    {
      const PhoneCase *c = &phone_cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *phone = kiosk_request_normalize_phone (c->input, c->default_code, &error);

      g_test_message ("phone case %u", i);
      if (c->error_code == NO_ERROR)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (phone, ==, c->expected);
        }
      else
        {
          g_assert_error (error, KIOSK_REQUEST_ERROR, c->error_code);
          g_assert_null (phone);
          g_assert_cmpuint (strlen (error->message), >, 10);
        }
    }
}

static void
test_phone_huge (void)
{
  g_autofree char *digits = repeat ("8", 10000);
  g_autofree char *letters = repeat ("x", 10000);
  g_autofree char *spaces = repeat (" ", 10000);
  g_autoptr(GError) error = NULL;

  g_assert_null (kiosk_request_normalize_phone (digits, "+506", &error));
  g_assert_error (error, KIOSK_REQUEST_ERROR, KIOSK_REQUEST_ERROR_PHONE_LENGTH);
  g_assert_cmpstr (error->message, ==, "This phone number looks too long. Please check it.");
  g_clear_error (&error);

  g_assert_null (kiosk_request_normalize_phone (letters, "+506", &error));
  g_assert_error (error, KIOSK_REQUEST_ERROR, KIOSK_REQUEST_ERROR_PHONE_LENGTH);
  g_clear_error (&error);

  g_assert_null (kiosk_request_normalize_phone (spaces, "+506", &error));
  g_assert_error (error, KIOSK_REQUEST_ERROR, KIOSK_REQUEST_ERROR_PHONE_LENGTH);
}

static void
test_phone_embedded_nul (void)
{
  static const char short_then_more[] = "12\0 3456 7890";
  static const char full_then_more[] = "+506 8888 1234\0 9999";
  g_autoptr(GError) error = NULL;
  g_autofree char *phone = NULL;

  /* The API takes C strings (as GtkEditable gives them): bytes after a NUL are never read, so
   * they can neither complete a number nor be smuggled into one. */
  g_assert_null (kiosk_request_normalize_phone (short_then_more, "+506", &error));
  g_assert_error (error, KIOSK_REQUEST_ERROR, KIOSK_REQUEST_ERROR_PHONE_LENGTH);

  phone = kiosk_request_normalize_phone (full_then_more, "+506", NULL);
  g_assert_cmpstr (phone, ==, "+50688881234");
}

static void
test_phone_messages (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (kiosk_request_normalize_phone ("12345", "+506", &error));
  g_assert_cmpstr (error->message, ==, "This phone number looks too short. Please check it.");
  g_clear_error (&error);

  g_assert_null (kiosk_request_normalize_phone (NULL, "+506", &error));
  g_assert_error (error, KIOSK_REQUEST_ERROR, KIOSK_REQUEST_ERROR_PHONE_EMPTY);
  g_assert_cmpstr (error->message, ==, "Please type your phone number.");
}

static void
test_phone_bad_default (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *phone = NULL;

  /* A broken setting is the IT person's problem, logged once per use; the patient gets asked
   * for the country code. The log names the setting's value, never the patient's number. */
  g_test_expect_message ("PatientKiosk", G_LOG_LEVEL_WARNING, "*default country code*“+5x6”*");
  phone = kiosk_request_normalize_phone ("8888 1234", "+5x6", &error);
  g_test_assert_expected_messages ();

  g_assert_null (phone);
  g_assert_error (error, KIOSK_REQUEST_ERROR, KIOSK_REQUEST_ERROR_PHONE_INVALID);
}

static guint
count_digits (const char *s)
{
  guint n = 0;

  for (; *s != '\0'; s++)
    n += g_ascii_isdigit (*s) ? 1 : 0;

  return n;
}

static void
test_mask_phone (void)
{
  g_autofree char *costa_rica = kiosk_request_mask_phone ("+50688881234");
  g_autofree char *usa = kiosk_request_mask_phone ("+15550100");
  g_autofree char *longest = kiosk_request_mask_phone ("+123456789012345");
  g_autofree char *empty = kiosk_request_mask_phone ("");
  g_autofree char *null = kiosk_request_mask_phone (NULL);
  g_autofree char *one = kiosk_request_mask_phone ("+5");

  g_assert_cmpstr (costa_rica, ==, "•••• •• 34");
  g_assert_cmpstr (usa, ==, "•••• •• 00");
  g_assert_cmpstr (longest, ==, "•••• •• 45");
  g_assert_cmpuint (count_digits (costa_rica), ==, 2);
  /* The mask does not even tell how long the number is. */
  g_assert_cmpuint (strlen (costa_rica), ==, strlen (longest));
  g_assert_cmpstr (empty, ==, "•••• ••");
  g_assert_cmpstr (null, ==, "•••• ••");
  g_assert_cmpstr (one, ==, "•••• ••");
}

static void
test_new_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskRequest) request = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *name = NULL;
  KioskRequestStatus status;

  request = kiosk_request_new ("  José   Ñúñez ", "8888-1234", "+506", KIOSK_CALL_TIME_MORNING,
                               "causes", TRUE, "2025-01", &error);
  g_assert_no_error (error);

  g_assert_cmpint (kiosk_request_get_id (request), ==, 0);
  g_assert_cmpstr (kiosk_request_get_name (request), ==, "José Ñúñez");
  g_assert_cmpstr (kiosk_request_get_phone (request), ==, "+50688881234");
  g_assert_cmpint (kiosk_request_get_call_time (request), ==, KIOSK_CALL_TIME_MORNING);
  g_assert_cmpstr (kiosk_request_get_topic (request), ==, "causes");
  g_assert_cmpstr (kiosk_request_get_consent_version (request), ==, "2025-01");
  g_assert_cmpint (kiosk_request_get_status (request), ==, KIOSK_REQUEST_STATUS_PENDING);
  g_assert_null (kiosk_request_get_exported_at (request));
  g_assert_null (kiosk_request_get_called_back_at (request));

  g_assert_cmpint (g_date_time_get_utc_offset (kiosk_request_get_created (request)), ==, 0);
  g_assert_cmpint (ABS (g_date_time_difference (kiosk_request_get_created (request), now)), <,
                   5 * G_TIME_SPAN_SECOND);

  /* The properties a list view binds to. */
  g_object_get (request, "name", &name, "status", &status, NULL);
  g_assert_cmpstr (name, ==, "José Ñúñez");
  g_assert_cmpint (status, ==, KIOSK_REQUEST_STATUS_PENDING);
}

static void
test_new_topic_optional (void)
{
  g_autoptr(KioskRequest) none = kiosk_request_new ("Ana", "88881234", "+506", KIOSK_CALL_TIME_ANY,
                                                    NULL, TRUE, "1", NULL);
  g_autoptr(KioskRequest) other = kiosk_request_new ("Ana", "88881234", "+506",
                                                     KIOSK_CALL_TIME_AFTERNOON, "other", TRUE,
                                                     "1", NULL);

  g_assert_null (kiosk_request_get_topic (none));
  g_assert_cmpstr (kiosk_request_get_topic (other), ==, "other");
}

static void
test_new_consent_required (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskRequest) request = NULL;

  request = kiosk_request_new ("Ana", "8888 1234", "+506", KIOSK_CALL_TIME_ANY, NULL, FALSE, "1",
                               &error);
  g_assert_null (request);
  g_assert_error (error, KIOSK_REQUEST_ERROR, KIOSK_REQUEST_ERROR_NO_CONSENT);
  g_assert_cmpstr (error->message, ==, "Please confirm that the clinic may call you.");
}

static void
test_new_field_order (void)
{
  g_autoptr(GError) error = NULL;

  /* The name is reported first, then the phone, then the consent. */
  g_assert_null (kiosk_request_new ("", "x", "+506", KIOSK_CALL_TIME_ANY, NULL, FALSE, "1",
                                    &error));
  g_assert_error (error, KIOSK_REQUEST_ERROR, KIOSK_REQUEST_ERROR_NAME_EMPTY);
  g_clear_error (&error);

  g_assert_null (kiosk_request_new ("Ana", "x", "+506", KIOSK_CALL_TIME_ANY, NULL, FALSE, "1",
                                    &error));
  g_assert_error (error, KIOSK_REQUEST_ERROR, KIOSK_REQUEST_ERROR_PHONE_INVALID);
}

static void
test_enum_strings (void)
{
  KioskCallTime call_time;
  KioskRequestStatus status;

  g_assert_cmpstr (kiosk_call_time_to_string (KIOSK_CALL_TIME_ANY), ==, "any");
  g_assert_cmpstr (kiosk_call_time_to_string (KIOSK_CALL_TIME_MORNING), ==, "morning");
  g_assert_cmpstr (kiosk_call_time_to_string (KIOSK_CALL_TIME_AFTERNOON), ==, "afternoon");
  g_assert_true (kiosk_call_time_from_string ("afternoon", &call_time));
  g_assert_cmpint (call_time, ==, KIOSK_CALL_TIME_AFTERNOON);
  g_assert_false (kiosk_call_time_from_string ("evening", &call_time));
  g_assert_false (kiosk_call_time_from_string (NULL, &call_time));

  g_assert_cmpstr (kiosk_request_status_to_string (KIOSK_REQUEST_STATUS_CALLED_BACK), ==,
                   "called-back");
  g_assert_true (kiosk_request_status_from_string ("exported", &status));
  g_assert_cmpint (status, ==, KIOSK_REQUEST_STATUS_EXPORTED);
  g_assert_false (kiosk_request_status_from_string ("lost", &status));
}

/* Grouped as reception reads a number aloud or dials it by hand. */
static void
test_format_phone (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "+50688881234", "+506 8888 1234" },
    { "+15550100199", "+1 555 010 0199" },
    { "+34612345678", "+34 612 345 678" },
    { "+442079460000", "+44 207 946 0000" },
    { "+5024433221", "+502 443 3221" },
    { "+8613812345678", "+86 138 1234 5678" },
    { "8888 1234", "8888 1234" },
    { "+50", "+50" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *formatted = kiosk_request_format_phone (cases[i].in);

      g_assert_cmpstr (formatted, ==, cases[i].out);
    }
}

static void
test_new_full_converts_to_utc (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (-6 * 3600);
  g_autoptr(GDateTime) local = g_date_time_new (tz, 2025, 3, 10, 6, 0, 0);
  g_autoptr(KioskRequest) request = NULL;

  request = kiosk_request_new_full (7, local, "Ana", "+50688881234", KIOSK_CALL_TIME_ANY, NULL,
                                    "1", KIOSK_REQUEST_STATUS_EXPORTED, local, NULL, NULL);

  g_assert_cmpint (kiosk_request_get_id (request), ==, 7);
  g_assert_cmpint (g_date_time_get_utc_offset (kiosk_request_get_created (request)), ==, 0);
  g_assert_cmpint (g_date_time_get_hour (kiosk_request_get_created (request)), ==, 12);
  g_assert_true (g_date_time_equal (kiosk_request_get_exported_at (request), local));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk/request/name/table", test_name_table);
  g_test_add_func ("/kiosk/request/name/null", test_name_null);
  g_test_add_func ("/kiosk/request/name/length", test_name_length);
  g_test_add_func ("/kiosk/request/phone/table", test_phone_table);
  g_test_add_func ("/kiosk/request/phone/huge", test_phone_huge);
  g_test_add_func ("/kiosk/request/phone/embedded-nul", test_phone_embedded_nul);
  g_test_add_func ("/kiosk/request/phone/messages", test_phone_messages);
  g_test_add_func ("/kiosk/request/phone/bad-default", test_phone_bad_default);
  g_test_add_func ("/kiosk/request/mask-phone", test_mask_phone);
  g_test_add_func ("/kiosk/request/new/valid", test_new_valid);
  g_test_add_func ("/kiosk/request/new/topic-optional", test_new_topic_optional);
  g_test_add_func ("/kiosk/request/new/consent-required", test_new_consent_required);
  g_test_add_func ("/kiosk/request/new/field-order", test_new_field_order);
  g_test_add_func ("/kiosk/request/new/full-converts-to-utc", test_new_full_converts_to_utc);
  g_test_add_func ("/kiosk/request/enum-strings", test_enum_strings);
  g_test_add_func ("/kiosk/request/format-phone", test_format_phone);

  return g_test_run ();
}
