/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A callback request and the rules for what the form accepts. Validation lives here, not in the
 * widgets, so the form, the store and the tests agree on one definition of a valid name and phone.
 *
 * A request is immutable: a worker thread can read it while the main thread holds it, and saving
 * it does not change it (kiosk_store_save_finish() returns the new id instead).
 *
 * Nothing here logs a name or a phone number.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kiosk-request.h"

/* Enough for 80 characters with a few combining marks each and stray spaces; anything longer is
 * rejected before it is normalised, so a pasted novel costs nothing. */
#define NAME_MAX_INPUT_BYTES  1024
#define PHONE_MAX_INPUT_BYTES 64
#define PHONE_MIN_DIGITS      6
#define PHONE_MAX_DIGITS      15
/* A local number (no + or 00) must carry this many digits of its own: "12345" is a typo, not a
 * number, even though "+506" in front would make it long enough. */
#define PHONE_MIN_LOCAL_DIGITS 6

struct _KioskRequest
{
  GObject             parent_instance;

  gint64              id;
  GDateTime          *created;
  char               *name;
  char               *phone;
  KioskCallTime       call_time;
  char               *topic;
  char               *consent_version;
  KioskRequestStatus  status;
  GDateTime          *exported_at;
  GDateTime          *called_back_at;
  GDateTime          *no_answer_at;
};

G_DEFINE_FINAL_TYPE (KioskRequest, kiosk_request, G_TYPE_OBJECT)

G_DEFINE_QUARK (kiosk-request-error-quark, kiosk_request_error)

/* The nicks are also what the store writes, so they must never change. */
G_DEFINE_ENUM_TYPE (KioskCallTime, kiosk_call_time,
                    G_DEFINE_ENUM_VALUE (KIOSK_CALL_TIME_ANY, "any"),
                    G_DEFINE_ENUM_VALUE (KIOSK_CALL_TIME_MORNING, "morning"),
                    G_DEFINE_ENUM_VALUE (KIOSK_CALL_TIME_AFTERNOON, "afternoon"))

G_DEFINE_ENUM_TYPE (KioskRequestStatus, kiosk_request_status,
                    G_DEFINE_ENUM_VALUE (KIOSK_REQUEST_STATUS_PENDING, "pending"),
                    G_DEFINE_ENUM_VALUE (KIOSK_REQUEST_STATUS_EXPORTED, "exported"),
                    G_DEFINE_ENUM_VALUE (KIOSK_REQUEST_STATUS_CALLED_BACK, "called-back"),
                    G_DEFINE_ENUM_VALUE (KIOSK_REQUEST_STATUS_NO_ANSWER, "no-answer"))

enum {
  PROP_0,
  PROP_CALL_TIME,
  PROP_CALLED_BACK_AT,
  PROP_CONSENT_VERSION,
  PROP_CREATED,
  PROP_EXPORTED_AT,
  PROP_ID,
  PROP_NAME,
  PROP_NO_ANSWER_AT,
  PROP_PHONE,
  PROP_STATUS,
  PROP_TOPIC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Names ---------------------------------------------------------------------------------------- */

typedef enum
{
  NAME_CHAR_OK,
  NAME_CHAR_SPACE,
  NAME_CHAR_BAD,
} NameChar;

/* Characters that are letters or marks by category but draw nothing, so a "name" made of them
 * would look blank or hide text: the combining grapheme joiner, the Hangul fillers, the invisible
 * Khmer vowels and the variation selectors (which only pick emoji or glyph styles). */
static gboolean
is_invisible (gunichar c)
{
  switch (c)
    {
    case 0x034F:
    case 0x115F:
    case 0x1160:
    case 0x17B4:
    case 0x17B5:
    case 0x3164:
    case 0xFFA0:
      return TRUE;
    default:
      return (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
    }
}

/* ´ and ` are symbols, but Spanish keyboards produce them when people type an apostrophe. */
static gboolean
is_apostrophe_symbol (gunichar c)
{
  return c == 0x00B4 || c == 0x0060;
}

/*
 * What a name may contain. Rejected:
 * - control characters (Cc), including tab and newline, and line/paragraph separators;
 * - format characters (Cf): the bidirectional marks, embeddings, overrides and isolates
 *   (U+200E/F, U+202A–E, U+2066–9, U+061C), which can reorder what staff see in the list or the
 *   CSV, and the other invisible ones (zero-width space, BOM, word joiner, soft hyphen, tags).
 *   ZWNJ and ZWJ (U+200C/D) are kept: Persian and Indic names need them to be spelled right;
 * - private-use, surrogate and unassigned code points, which no font shows reliably;
 * - symbols (Sm, Sc, Sk, So): emoji, emoji skin tones (Sk), flags, +, =, <, >, currency. A
 *   symbol is not part of anyone's name, and rejecting them keeps spreadsheet formulas out too;
 * - enclosing marks (Me), which only make keycaps and circled symbols;
 * - the invisible letters listed in is_invisible().
 * Letters of every script, combining marks, digits and punctuation (' ’ - . , ·) pass.
 */
static NameChar
classify_name_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_SPACE_SEPARATOR:
      return NAME_CHAR_SPACE;
    case G_UNICODE_FORMAT:
      return (c == 0x200C || c == 0x200D) ? NAME_CHAR_OK : NAME_CHAR_BAD;
    case G_UNICODE_CONTROL:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_SURROGATE:
    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
    case G_UNICODE_ENCLOSING_MARK:
      return NAME_CHAR_BAD;
    case G_UNICODE_MATH_SYMBOL:
    case G_UNICODE_CURRENCY_SYMBOL:
    case G_UNICODE_MODIFIER_SYMBOL:
    case G_UNICODE_OTHER_SYMBOL:
      return is_apostrophe_symbol (c) ? NAME_CHAR_OK : NAME_CHAR_BAD;
    default:
      return is_invisible (c) ? NAME_CHAR_BAD : NAME_CHAR_OK;
    }
}

static gboolean
is_letter (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Sets the patient-facing message for @code and returns %NULL, for "return name_error (…);". */
static char *
name_error (GError            **error,
            KioskRequestError   code)
{
  switch (code)
    {
    case KIOSK_REQUEST_ERROR_NAME_EMPTY:
      g_set_error_literal (error, KIOSK_REQUEST_ERROR, code, _("Please type your name."));
      break;
    case KIOSK_REQUEST_ERROR_NAME_TOO_LONG:
      g_set_error_literal (error, KIOSK_REQUEST_ERROR, code,
                           _("This name is too long. Please shorten it."));
      break;
    default:
      g_set_error_literal (error, KIOSK_REQUEST_ERROR, code,
                           _("Please type only your name, without symbols or emoji."));
      break;
    }

  return NULL;
}

/* Trims, collapses every run of spaces (of any script) into one ASCII space and stops at the
 * first character a name may not have. */
static GString *
collapse_name (const char  *nfc,
               gboolean    *has_letter)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean pending_space = FALSE;

  for (const char *p = nfc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (classify_name_char (c))
        {
        case NAME_CHAR_BAD:
          return NULL;
        case NAME_CHAR_SPACE:
          pending_space = out->len > 0;
          break;
        case NAME_CHAR_OK:
          if (pending_space)
            g_string_append_c (out, ' ');
          pending_space = FALSE;
          g_string_append_unichar (out, c);
          *has_letter = *has_letter || is_letter (c);
          break;
        }
    }

  return g_steal_pointer (&out);
}

/**
 * kiosk_request_normalize_name:
 * @input: (nullable): what the patient typed
 * @error: return location for a #KIOSK_REQUEST_ERROR
 *
 * Checks a name and returns it in the form the store keeps: valid UTF-8, NFC, trimmed, internal
 * spaces collapsed, 1 to %KIOSK_REQUEST_NAME_MAX_LENGTH characters, at least one letter. The
 * error message is written for the patient.
 *
 * Returns: (transfer full): the normalised name, or %NULL with @error set
 */
char *
kiosk_request_normalize_name (const char  *input,
                              GError     **error)
{
  g_autofree char *nfc = NULL;
  g_autoptr(GString) name = NULL;
  gboolean has_letter = FALSE;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (input == NULL || *input == '\0')
    return name_error (error, KIOSK_REQUEST_ERROR_NAME_EMPTY);
  if (strnlen (input, NAME_MAX_INPUT_BYTES + 1) > NAME_MAX_INPUT_BYTES)
    return name_error (error, KIOSK_REQUEST_ERROR_NAME_TOO_LONG);
  if (!g_utf8_validate (input, -1, NULL) ||
      (nfc = g_utf8_normalize (input, -1, G_NORMALIZE_NFC)) == NULL ||
      (name = collapse_name (nfc, &has_letter)) == NULL)
    return name_error (error, KIOSK_REQUEST_ERROR_NAME_INVALID);

  if (name->len == 0)
    return name_error (error, KIOSK_REQUEST_ERROR_NAME_EMPTY);
  if (g_utf8_strlen (name->str, -1) > KIOSK_REQUEST_NAME_MAX_LENGTH)
    return name_error (error, KIOSK_REQUEST_ERROR_NAME_TOO_LONG);
  if (!has_letter)
    return name_error (error, KIOSK_REQUEST_ERROR_NAME_INVALID);

  return g_string_free (g_steal_pointer (&name), FALSE);
}

/* Phones --------------------------------------------------------------------------------------- */

/* What a pass over the typed number found. */
typedef struct
{
  GString  *digits;
  gboolean  plus;
  gboolean  in_bracket;
  gsize     bracket_start;
  gssize    lead_group_len;   /* digits in a bracket that opened the number, or -1 */
} PhoneScan;

static gboolean
looks_international (const PhoneScan *scan)
{
  return scan->plus || g_str_has_prefix (scan->digits->str, "00");
}

static gboolean
scan_open_bracket (PhoneScan *scan)
{
  if (scan->in_bracket)
    return FALSE;

  scan->in_bracket = TRUE;
  scan->bracket_start = scan->digits->len;

  return TRUE;
}

/* "+44 (0)20 …" writes the national trunk prefix in brackets; it is not dialled from abroad. */
static gboolean
scan_close_bracket (PhoneScan *scan)
{
  gsize group_len = scan->digits->len - scan->bracket_start;

  if (!scan->in_bracket)
    return FALSE;

  scan->in_bracket = FALSE;
  if (scan->bracket_start == 0 && scan->lead_group_len < 0 && !scan->plus)
    scan->lead_group_len = group_len;
  if (scan->bracket_start > 0 && group_len == 1 &&
      scan->digits->str[scan->bracket_start] == '0' && looks_international (scan))
    g_string_truncate (scan->digits, scan->bracket_start);

  return TRUE;
}

static gboolean
scan_char (PhoneScan *scan,
           char       c)
{
  if (c == ' ' || c == '-' || c == '.')
    return TRUE;
  if (c == '(')
    return scan_open_bracket (scan);
  if (c == ')')
    return scan_close_bracket (scan);
  if (c == '+')
    {
      /* Only once, and only before any digit. */
      if (scan->plus || scan->digits->len > 0)
        return FALSE;
      scan->plus = TRUE;
      return TRUE;
    }
  if (g_ascii_isdigit (c))
    {
      g_string_append_c (scan->digits, c);
      return TRUE;
    }

  return FALSE;
}

static gboolean
scan_phone (const char *input,
            PhoneScan  *scan)
{
  for (const char *p = input; *p != '\0'; p++)
    {
      if (!scan_char (scan, *p))
        return FALSE;
    }

  return !scan->in_bracket;
}

/* "+506" or "506" -> "506"; NULL when it is not a calling code. */
static const char *
country_code_digits (const char *code)
{
  gsize len;

  if (code == NULL)
    return NULL;
  if (*code == '+')
    code++;

  len = strlen (code);
  if (len < 1 || len > 3 || code[0] == '0')
    return NULL;
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (code[i]))
        return NULL;
    }

  return code;
}

/* Returns %NULL, for "return phone_error (…);". */
static char *
phone_error (GError            **error,
             KioskRequestError   code,
             const char         *message)
{
  g_set_error_literal (error, KIOSK_REQUEST_ERROR, code, message);

  return NULL;
}

/* Turns the scan into the digits after the '+', or sets @error. */
static char *
phone_to_international (PhoneScan   *scan,
                        const char  *default_digits,
                        GError     **error)
{
  GString *digits = scan->digits;

  if (looks_international (scan))
    return g_strdup (digits->str + (scan->plus ? 0 : 2));

  /* "(506) 8888 1234" with +506 as the default is how numbers are often written where the clinic
   * is; any other bracketed group ("(555) 123 4567") is an area code and the number is local. */
  if (default_digits != NULL && scan->lead_group_len > 0 &&
      (gsize)scan->lead_group_len < digits->len &&
      strlen (default_digits) == (gsize)scan->lead_group_len &&
      strncmp (digits->str, default_digits, scan->lead_group_len) == 0)
    return g_strdup (digits->str);

  if (digits->len < PHONE_MIN_LOCAL_DIGITS)
    return phone_error (error, KIOSK_REQUEST_ERROR_PHONE_LENGTH,
                        _("This phone number looks too short. Please check it."));
  if (default_digits == NULL)
    return phone_error (error, KIOSK_REQUEST_ERROR_PHONE_INVALID,
                        _("Please start the number with + and the country code."));

  return g_strconcat (default_digits, digits->str, NULL);
}

static gboolean
check_international (const char  *digits,
                     GError     **error)
{
  gsize len = strlen (digits);

  if (len < PHONE_MIN_DIGITS)
    phone_error (error, KIOSK_REQUEST_ERROR_PHONE_LENGTH,
                 _("This phone number looks too short. Please check it."));
  else if (len > PHONE_MAX_DIGITS)
    phone_error (error, KIOSK_REQUEST_ERROR_PHONE_LENGTH,
                 _("This phone number looks too long. Please check it."));
  else if (digits[0] == '0')
    /* No country calling code starts with 0, so "+0…" or "000…" is a typo. */
    phone_error (error, KIOSK_REQUEST_ERROR_PHONE_INVALID,
                 _("This phone number does not look right. Please check it."));
  else
    return TRUE;

  return FALSE;
}

/**
 * kiosk_request_normalize_phone:
 * @input: (nullable): what the patient typed
 * @default_country_code: (nullable): the calling code for local numbers, such as "+506"
 * @error: return location for a #KIOSK_REQUEST_ERROR
 *
 * Spaces, dashes, dots and brackets are ignored. A number that starts with '+' or "00" is
 * international; any other number is local and gets @default_country_code (with at least
 * six digits of its own). A leading bracketed group equal to the default code, as in
 * "(506) 8888-1234", is taken as that code; other brackets are area codes. "(0)" after an
 * international prefix is the national trunk prefix and is dropped. The result has 6 to 15
 * digits, counting the country code. The error message is written for the patient.
 *
 * @input is a C string, so nothing after an embedded NUL can be seen or used.
 *
 * Returns: (transfer full): the number as E.164 ("+50688881234"), or %NULL with @error set
 */
char *
kiosk_request_normalize_phone (const char  *input,
                               const char  *default_country_code,
                               GError     **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  PhoneScan scan = { digits, FALSE, FALSE, 0, -1 };
  const char *default_digits = country_code_digits (default_country_code);
  g_autofree char *international = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (default_country_code != NULL && default_digits == NULL)
    g_warning ("Ignoring the default country code “%s”: it is not like “+506”",
               default_country_code);

  if (input != NULL && strnlen (input, PHONE_MAX_INPUT_BYTES + 1) > PHONE_MAX_INPUT_BYTES)
    return phone_error (error, KIOSK_REQUEST_ERROR_PHONE_LENGTH,
                        _("This phone number looks too long. Please check it."));
  if (input != NULL && !scan_phone (input, &scan))
    return phone_error (error, KIOSK_REQUEST_ERROR_PHONE_INVALID,
                        _("Please use only digits in your phone number."));
  if (digits->len == 0 && !scan.plus)
    return phone_error (error, KIOSK_REQUEST_ERROR_PHONE_EMPTY,
                        _("Please type your phone number."));

  international = phone_to_international (&scan, default_digits, error);
  if (international == NULL || !check_international (international, error))
    return NULL;

  return g_strconcat ("+", international, NULL);
}

/**
 * kiosk_request_mask_phone:
 * @e164: (nullable): a normalised phone number
 *
 * Hides all but the last two digits, for a page another patient may see. The mask has the same
 * length for every number, so it does not tell how long the number is either.
 *
 * Returns: (transfer full): something like "•••• •• 34"
 */
char *
kiosk_request_mask_phone (const char *e164)
{
  char last[3] = { 0 };
  gsize found = 0;

  for (gssize i = e164 != NULL ? (gssize)strlen (e164) - 1 : -1; i >= 0 && found < 2; i--)
    {
      if (g_ascii_isdigit (e164[i]))
        last[1 - found++] = e164[i];
    }

  if (found < 2)
    return g_strdup ("•••• ••");

  return g_strdup_printf ("•••• •• %s", last);
}

/* The length of the country code that starts @digits. Calling codes are prefix-free: 1 and 7
 * are the only one-digit codes, and ITU zones 2 to 9 assign these two-digit ones; all others
 * have three digits. */
static gsize
country_code_length (const char *digits)
{
  static const char two_digit_codes[] =
    "20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 "
    "60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98";
  char prefix[3] = { digits[0], digits[1], '\0' };

  if (digits[0] == '1' || digits[0] == '7')
    return 1;
  if (digits[1] != '\0' && strstr (two_digit_codes, prefix) != NULL)
    return 2;

  return 3;
}

/* Groups a national number as people read it aloud: 8888 1234, 555 010 0199, 612 345 678. */
static void
append_national_groups (GString    *out,
                        const char *national)
{
  gsize len = strlen (national);
  gsize first = len == 10 || len == 9 ? 3 : (len % 4 != 0 ? len % 4 : 4);

  for (gsize i = 0; i < len; )
    {
      gsize group = i == 0 ? first : (len == 10 && i == 3) || len == 9 ? 3 : 4;

      g_string_append_c (out, ' ');
      g_string_append_len (out, national + i, MIN (group, len - i));
      i += group;
    }
}

/**
 * kiosk_request_format_phone:
 * @e164: a normalised phone number such as "+50688881234"
 *
 * Spaces a phone number out for reading and dialling by hand: "+506 8888 1234". Anything that
 * is not a normalised number is returned unchanged.
 *
 * Returns: (transfer full): the number with spaces
 */
char *
kiosk_request_format_phone (const char *e164)
{
  g_autoptr(GString) out = NULL;
  gsize code_length;

  g_return_val_if_fail (e164 != NULL, NULL);

  if (e164[0] != '+' || strlen (e164) < 4 || strspn (e164 + 1, "0123456789") != strlen (e164 + 1))
    return g_strdup (e164);

  code_length = country_code_length (e164 + 1);
  out = g_string_new_len (e164, code_length + 1);
  append_national_groups (out, e164 + 1 + code_length);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Requests ------------------------------------------------------------------------------------- */

static gboolean
is_safe_id (const char *id)
{
  gsize len = 0;

  for (const char *p = id; *p != '\0'; p++, len++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
        return FALSE;
    }

  return len > 0 && len <= 64;
}

static GDateTime *
now_utc_seconds (void)
{
  /* The store keeps whole seconds; a request read back should equal the one that was saved. */
  return g_date_time_new_from_unix_utc (g_get_real_time () / G_USEC_PER_SEC);
}

/**
 * kiosk_request_new:
 * @name: what the patient typed as their name
 * @phone: what the patient typed as their phone number
 * @default_country_code: (nullable): the calling code for local numbers, such as "+506"
 * @call_time: when the patient prefers to be called
 * @topic: (nullable): the content topic id the request came from, or "other"
 * @consent: whether the patient agreed to be called
 * @consent_version: the version of the consent text the patient saw
 * @error: return location for a #KIOSK_REQUEST_ERROR
 *
 * Validates and normalises a new request, created now (UTC), not yet saved (its id is 0). The
 * name is checked first, then the phone, then the consent.
 *
 * Returns: (transfer full): the request, or %NULL with @error set
 */
KioskRequest *
kiosk_request_new (const char     *name,
                   const char     *phone,
                   const char     *default_country_code,
                   KioskCallTime   call_time,
                   const char     *topic,
                   gboolean        consent,
                   const char     *consent_version,
                   GError        **error)
{
  g_autofree char *clean_name = NULL;
  g_autofree char *clean_phone = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (call_time <= KIOSK_CALL_TIME_AFTERNOON, NULL);
  g_return_val_if_fail (topic == NULL || is_safe_id (topic), NULL);
  g_return_val_if_fail (consent_version != NULL && *consent_version != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((clean_name = kiosk_request_normalize_name (name, error)) == NULL ||
      (clean_phone = kiosk_request_normalize_phone (phone, default_country_code, error)) == NULL)
    return NULL;

  if (!consent)
    {
      g_set_error_literal (error, KIOSK_REQUEST_ERROR, KIOSK_REQUEST_ERROR_NO_CONSENT,
                           _("Please confirm that the clinic may call you."));
      return NULL;
    }

  now = now_utc_seconds ();

  return kiosk_request_new_full (0, now, clean_name, clean_phone, call_time, topic,
                                 consent_version, KIOSK_REQUEST_STATUS_PENDING, NULL, NULL, NULL);
}

static GDateTime *
to_utc_or_null (GDateTime *time)
{
  return time != NULL ? g_date_time_to_utc (time) : NULL;
}

/**
 * kiosk_request_new_full:
 * @exported_at: (nullable):
 * @called_back_at: (nullable):
 * @no_answer_at: (nullable): when the last call that nobody answered was made
 *
 * Rebuilds a request from stored values, without validating them again (the store only holds
 * requests that kiosk_request_new() accepted). The times are converted to UTC.
 *
 * Returns: (transfer full): the request
 */
KioskRequest *
kiosk_request_new_full (gint64              id,
                        GDateTime          *created,
                        const char         *name,
                        const char         *phone,
                        KioskCallTime       call_time,
                        const char         *topic,
                        const char         *consent_version,
                        KioskRequestStatus  status,
                        GDateTime          *exported_at,
                        GDateTime          *called_back_at,
                        GDateTime          *no_answer_at)
{
  KioskRequest *self;

  g_return_val_if_fail (id >= 0, NULL);
  g_return_val_if_fail (created != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (phone != NULL, NULL);
  g_return_val_if_fail (consent_version != NULL, NULL);

  self = g_object_new (KIOSK_TYPE_REQUEST, NULL);
  self->id = id;
  self->created = g_date_time_to_utc (created);
  self->name = g_strdup (name);
  self->phone = g_strdup (phone);
  self->call_time = call_time;
  self->topic = g_strdup (topic);
  self->consent_version = g_strdup (consent_version);
  self->status = status;
  self->exported_at = to_utc_or_null (exported_at);
  self->called_back_at = to_utc_or_null (called_back_at);
  self->no_answer_at = to_utc_or_null (no_answer_at);

  return self;
}

/**
 * kiosk_request_get_id:
 *
 * Returns: the store's id, or 0 for a request that was never saved
 */
gint64
kiosk_request_get_id (KioskRequest *self)
{
  g_return_val_if_fail (KIOSK_IS_REQUEST (self), 0);

  return self->id;
}

/**
 * kiosk_request_get_created:
 *
 * Returns: (transfer none): when the patient sent the request, in UTC
 */
GDateTime *
kiosk_request_get_created (KioskRequest *self)
{
  g_return_val_if_fail (KIOSK_IS_REQUEST (self), NULL);

  return self->created;
}

const char *
kiosk_request_get_name (KioskRequest *self)
{
  g_return_val_if_fail (KIOSK_IS_REQUEST (self), NULL);

  return self->name;
}

/**
 * kiosk_request_get_phone:
 *
 * Returns: the phone number in E.164 form, such as "+50688881234"
 */
const char *
kiosk_request_get_phone (KioskRequest *self)
{
  g_return_val_if_fail (KIOSK_IS_REQUEST (self), NULL);

  return self->phone;
}

KioskCallTime
kiosk_request_get_call_time (KioskRequest *self)
{
  g_return_val_if_fail (KIOSK_IS_REQUEST (self), KIOSK_CALL_TIME_ANY);

  return self->call_time;
}

/**
 * kiosk_request_get_topic:
 *
 * Returns: (nullable): a content topic id, "other", or %NULL
 */
const char *
kiosk_request_get_topic (KioskRequest *self)
{
  g_return_val_if_fail (KIOSK_IS_REQUEST (self), NULL);

  return self->topic;
}

const char *
kiosk_request_get_consent_version (KioskRequest *self)
{
  g_return_val_if_fail (KIOSK_IS_REQUEST (self), NULL);

  return self->consent_version;
}

KioskRequestStatus
kiosk_request_get_status (KioskRequest *self)
{
  g_return_val_if_fail (KIOSK_IS_REQUEST (self), KIOSK_REQUEST_STATUS_PENDING);

  return self->status;
}

/**
 * kiosk_request_get_exported_at:
 *
 * Returns: (transfer none) (nullable): when the request was last exported
 */
GDateTime *
kiosk_request_get_exported_at (KioskRequest *self)
{
  g_return_val_if_fail (KIOSK_IS_REQUEST (self), NULL);

  return self->exported_at;
}

/**
 * kiosk_request_get_called_back_at:
 *
 * Returns: (transfer none) (nullable): when staff marked the request as called back
 */
GDateTime *
kiosk_request_get_called_back_at (KioskRequest *self)
{
  g_return_val_if_fail (KIOSK_IS_REQUEST (self), NULL);

  return self->called_back_at;
}

/**
 * kiosk_request_get_no_answer_at:
 *
 * Returns: (transfer none) (nullable): when staff last called and nobody answered
 */
GDateTime *
kiosk_request_get_no_answer_at (KioskRequest *self)
{
  g_return_val_if_fail (KIOSK_IS_REQUEST (self), NULL);

  return self->no_answer_at;
}

/**
 * kiosk_request_is_open:
 *
 * A request is open while somebody still has to call: it is pending, or the last call got no
 * answer. Exported requests were handed over in a file; called-back ones are done.
 *
 * Returns: whether the request still waits for a call
 */
gboolean
kiosk_request_is_open (KioskRequest *self)
{
  g_return_val_if_fail (KIOSK_IS_REQUEST (self), FALSE);

  return self->status == KIOSK_REQUEST_STATUS_PENDING ||
         self->status == KIOSK_REQUEST_STATUS_NO_ANSWER;
}

/* Enum nicks ----------------------------------------------------------------------------------- */

/* The class of a static enum type is never freed, so the reference is simply kept. */
static GEnumClass *
enum_class (GType type)
{
  gpointer klass = g_type_class_peek (type);

  return klass != NULL ? klass : g_type_class_ref (type);
}

static const char *
enum_to_nick (GType type,
              int   value)
{
  GEnumValue *enum_value = g_enum_get_value (enum_class (type), value);

  return enum_value != NULL ? enum_value->value_nick : NULL;
}

static gboolean
enum_from_nick (GType       type,
                const char *nick,
                int        *value)
{
  GEnumValue *enum_value = nick != NULL ? g_enum_get_value_by_nick (enum_class (type), nick) : NULL;

  if (enum_value == NULL)
    return FALSE;

  *value = enum_value->value;

  return TRUE;
}

/**
 * kiosk_call_time_to_string:
 *
 * Returns: the stable name the store and the CSV use: "any", "morning" or "afternoon"
 */
const char *
kiosk_call_time_to_string (KioskCallTime call_time)
{
  return enum_to_nick (KIOSK_TYPE_CALL_TIME, call_time);
}

gboolean
kiosk_call_time_from_string (const char    *string,
                             KioskCallTime *call_time)
{
  int value;

  g_return_val_if_fail (call_time != NULL, FALSE);

  if (!enum_from_nick (KIOSK_TYPE_CALL_TIME, string, &value))
    return FALSE;

  *call_time = value;

  return TRUE;
}

/**
 * kiosk_request_status_to_string:
 *
 * Returns: the stable name the store and the CSV use: "pending", "exported" or "called-back"
 */
const char *
kiosk_request_status_to_string (KioskRequestStatus status)
{
  return enum_to_nick (KIOSK_TYPE_REQUEST_STATUS, status);
}

gboolean
kiosk_request_status_from_string (const char         *string,
                                  KioskRequestStatus *status)
{
  int value;

  g_return_val_if_fail (status != NULL, FALSE);

  if (!enum_from_nick (KIOSK_TYPE_REQUEST_STATUS, string, &value))
    return FALSE;

  *status = value;

  return TRUE;
}

/* GObject -------------------------------------------------------------------------------------- */

static void
kiosk_request_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KioskRequest *self = KIOSK_REQUEST (object);

  switch (prop_id)
    {
    case PROP_CALL_TIME:
      g_value_set_enum (value, self->call_time);
      break;
    case PROP_CALLED_BACK_AT:
      g_value_set_boxed (value, self->called_back_at);
      break;
    case PROP_CONSENT_VERSION:
      g_value_set_string (value, self->consent_version);
      break;
    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;
    case PROP_EXPORTED_AT:
      g_value_set_boxed (value, self->exported_at);
      break;
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_NO_ANSWER_AT:
      g_value_set_boxed (value, self->no_answer_at);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_TOPIC:
      g_value_set_string (value, self->topic);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_request_finalize (GObject *object)
{
  KioskRequest *self = (KioskRequest *)object;

  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->topic, g_free);
  g_clear_pointer (&self->consent_version, g_free);
  g_clear_pointer (&self->exported_at, g_date_time_unref);
  g_clear_pointer (&self->called_back_at, g_date_time_unref);
  g_clear_pointer (&self->no_answer_at, g_date_time_unref);

  G_OBJECT_CLASS (kiosk_request_parent_class)->finalize (object);
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
date_time_property (const char *name)
{
  return g_param_spec_boxed (name, NULL, NULL, G_TYPE_DATE_TIME,
                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

/* The properties are read-only: they let a list view bind to a request with expressions. */
static void
kiosk_request_class_init (KioskRequestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = kiosk_request_get_property;
  object_class->finalize = kiosk_request_finalize;

  properties[PROP_CALL_TIME] =
    g_param_spec_enum ("call-time", NULL, NULL, KIOSK_TYPE_CALL_TIME, KIOSK_CALL_TIME_ANY,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CALLED_BACK_AT] = date_time_property ("called-back-at");
  properties[PROP_CONSENT_VERSION] = string_property ("consent-version");
  properties[PROP_CREATED] = date_time_property ("created");
  properties[PROP_EXPORTED_AT] = date_time_property ("exported-at");
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = string_property ("name");
  properties[PROP_NO_ANSWER_AT] = date_time_property ("no-answer-at");
  properties[PROP_PHONE] = string_property ("phone");
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, KIOSK_TYPE_REQUEST_STATUS,
                       KIOSK_REQUEST_STATUS_PENDING, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOPIC] = string_property ("topic");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kiosk_request_init (KioskRequest *self)
{
}
