/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "kiosk-language.h"

static const char * const both[] = { "es", "en", NULL };
static const char * const spanish_only[] = { "es", NULL };

static void
assert_pick (const char         *preferred,
             const char * const *available,
             const char * const *system,
             const char         *expected)
{
  g_autofree char *picked = kiosk_language_pick (preferred, available, system);

  g_assert_cmpstr (picked, ==, expected);
}

static void
test_pick_setting_first (void)
{
  const char * const system[] = { "en_US.UTF-8", "en", "C", NULL };

  assert_pick ("es", both, system, "es");
  assert_pick ("en", both, system, "en");
}

static void
test_pick_system_locale (void)
{
  const char * const spanish_system[] = { "es_CR.UTF-8", "es_CR", "es", "C", NULL };
  const char * const english_system[] = { "en_GB.UTF-8", "en", "C", NULL };

  assert_pick ("", both, spanish_system, "es");
  assert_pick (NULL, both, english_system, "en");
  /* A configured language that is not offered is ignored. */
  assert_pick ("fr", both, spanish_system, "es");
}

static void
test_pick_fallback (void)
{
  const char * const c_only[] = { "C", NULL };
  const char * const german[] = { "de_DE.UTF-8", "de", "C", NULL };
  const char * const estonian[] = { "et_EE", "est", NULL };

  assert_pick ("", both, c_only, "en");
  assert_pick ("", both, german, "en");
  assert_pick ("", both, NULL, "en");
  assert_pick ("", spanish_only, german, "es");
  /* "est" is not "es". */
  assert_pick ("", both, estonian, "en");
}

static void
test_next (void)
{
  g_assert_cmpstr (kiosk_language_next ("es", both), ==, "en");
  g_assert_cmpstr (kiosk_language_next ("en", both), ==, "es");
  g_assert_cmpstr (kiosk_language_next ("es", spanish_only), ==, "es");
  g_assert_cmpstr (kiosk_language_next ("fr", both), ==, "es");
}

static void
test_native_names (void)
{
  g_assert_cmpstr (kiosk_language_get_native_name ("es"), ==, "Español");
  g_assert_cmpstr (kiosk_language_get_native_name ("en"), ==, "English");
  g_assert_cmpstr (kiosk_language_get_native_name ("xx"), ==, "xx");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk/language/pick/setting-first", test_pick_setting_first);
  g_test_add_func ("/kiosk/language/pick/system-locale", test_pick_system_locale);
  g_test_add_func ("/kiosk/language/pick/fallback", test_pick_fallback);
  g_test_add_func ("/kiosk/language/next", test_next);
  g_test_add_func ("/kiosk/language/native-names", test_native_names);

  return g_test_run ();
}
