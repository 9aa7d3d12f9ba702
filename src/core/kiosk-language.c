/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "kiosk-language.h"

/* glibc caches translations; bumping this counter after changing LANGUAGE is the documented way
 * to make gettext look again (see the GNU gettext manual, "Being a gettext grok"). */
extern int _nl_msg_cat_cntr;

/**
 * kiosk_language_init_gettext:
 *
 * Sets up the locale and the text domain. `PATIENT_KIOSK_LOCALEDIR` points gettext at
 * uninstalled translations (the build tree's `po` folder) for development and tests.
 */
void
kiosk_language_init_gettext (void)
{
  const char *localedir = g_getenv ("PATIENT_KIOSK_LOCALEDIR");
  const char *messages;

  setlocale (LC_ALL, "");

  /* gettext ignores LANGUAGE in the "C" locale, which is what a bare kiosk session often has;
   * C.UTF-8 keeps the C conventions and lets the language button work. */
  messages = setlocale (LC_MESSAGES, NULL);
  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    setlocale (LC_MESSAGES, "C.UTF-8");

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  /* g_dgettext(), which GtkBuilder uses for .ui files, decides once whether to translate at
   * all, and says no for a C.UTF-8 locale whose default text domain has no catalogue. Asking it
   * while the default domain is still "messages" settles that on "translate", so the language
   * button can switch .ui strings too. */
  g_dgettext (GETTEXT_PACKAGE, "");
  textdomain (GETTEXT_PACKAGE);
}

static gboolean
language_matches (const char *locale_name,
                  const char *language)
{
  gsize len = strlen (language);

  /* "es_CR.UTF-8" and "es" both match "es"; "est" does not. */
  return g_ascii_strncasecmp (locale_name, language, len) == 0 &&
         (locale_name[len] == '\0' || strchr ("_.@", locale_name[len]) != NULL);
}

static const char *
find_available (const char         *wanted,
                const char * const *available)
{
  if (wanted == NULL || *wanted == '\0' || available == NULL)
    return NULL;

  for (guint i = 0; available[i] != NULL; i++)
    {
      if (language_matches (wanted, available[i]))
        return available[i];
    }

  return NULL;
}

/**
 * kiosk_language_pick:
 * @preferred: (nullable): the clinic's configured language, or "" for none
 * @available: the languages the kiosk offers
 * @system_names: (nullable): the locale names in order of preference, as from
 *   g_get_language_names()
 *
 * Chooses the start language: the configured one if offered, else the first system locale that
 * is offered, else English if offered, else the first offered language.
 *
 * Returns: (transfer full): a language code from @available
 */
char *
kiosk_language_pick (const char         *preferred,
                     const char * const *available,
                     const char * const *system_names)
{
  const char *found;

  g_return_val_if_fail (available != NULL && available[0] != NULL,
                        g_strdup (KIOSK_FALLBACK_LANGUAGE));

  if ((found = find_available (preferred, available)) != NULL)
    return g_strdup (found);

  for (guint i = 0; system_names != NULL && system_names[i] != NULL; i++)
    {
      /* "C" and "POSIX" say nothing about the reader's language. */
      if (g_str_equal (system_names[i], "C") || g_str_equal (system_names[i], "POSIX"))
        continue;
      if ((found = find_available (system_names[i], available)) != NULL)
        return g_strdup (found);
    }

  if ((found = find_available (KIOSK_FALLBACK_LANGUAGE, available)) != NULL)
    return g_strdup (found);

  return g_strdup (available[0]);
}

/**
 * kiosk_language_apply:
 * @language: a language code such as "es"
 *
 * Makes gettext translate into @language from now on, without a restart.
 */
void
kiosk_language_apply (const char *language)
{
  g_return_if_fail (language != NULL);

  g_setenv ("LANGUAGE", language, TRUE);
  ++_nl_msg_cat_cntr;
}

/**
 * kiosk_language_get_native_name:
 *
 * Returns: the name of @language in that language, as a reader of it looks for it
 */
const char *
kiosk_language_get_native_name (const char *language)
{
  static const struct { const char *code; const char *name; } names[] = {
    { "en", "English" },
    { "es", "Español" },
    { "fr", "Français" },
    { "pt", "Português" },
    { "de", "Deutsch" },
  };

  g_return_val_if_fail (language != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (language_matches (language, names[i].code))
        return names[i].name;
    }

  return language;
}

/**
 * kiosk_language_next:
 *
 * Returns: the language after @language in @available, wrapping round
 */
const char *
kiosk_language_next (const char         *language,
                     const char * const *available)
{
  guint n;

  g_return_val_if_fail (available != NULL && available[0] != NULL, language);

  n = g_strv_length ((char **)available);
  for (guint i = 0; i < n; i++)
    {
      if (g_strcmp0 (available[i], language) == 0)
        return available[(i + 1) % n];
    }

  return available[0];
}
