/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the fuzz targets share: a log writer that turns every critical (a g_return_if_fail() that
 * caught us) into a crash libFuzzer records, and splitting one input into several C strings.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"

/* Warnings are expected (a malformed content file is warned about), so they are dropped to keep
 * the fuzzer fast; a critical or an error is a bug in our code and stops the run. */
static GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  if (log_level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR))
    {
      g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
      abort ();
    }

  return G_LOG_WRITER_HANDLED;
}

void
kiosk_fuzz_init (void)
{
  g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
}

/**
 * kiosk_fuzz_split:
 * @max_parts: at most this many parts; the last one ends at the next NUL byte, if any
 *
 * Splits @data at NUL bytes, so that one input can carry several strings.
 *
 * Returns: (transfer full) (element-type utf8): at least one NUL-terminated part
 */
GPtrArray *
kiosk_fuzz_split (const guint8 *data,
                  gsize         size,
                  guint         max_parts)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  const char *p = (const char *)data;
  const char *end = p + size;

  while (parts->len + 1 < max_parts)
    {
      const char *nul = memchr (p, '\0', end - p);

      if (nul == NULL)
        break;
      g_ptr_array_add (parts, g_strndup (p, nul - p));
      p = nul + 1;
    }
  g_ptr_array_add (parts, g_strndup (p, end - p));

  return parts;
}

/* Like g_assert(), but never compiled out and with a message libFuzzer shows next to the input. */
void
kiosk_fuzz_check (gboolean    condition,
                  const char *what)
{
  if (condition)
    return;

  fprintf (stderr, "fuzz check failed: %s\n", what);
  abort ();
}
