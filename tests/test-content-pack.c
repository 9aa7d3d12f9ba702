/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kiosk-content-pack.h"
#include "kiosk-test-fs.h"

static const char * const topic_ids[] = { "causes", "treatments", "specialist", NULL };

/* What the clinic's article names, per topic, as the words each language uses for it. */
typedef struct
{
  const char *topic;
  const char *english;
  const char *spanish;
} SeedItem;

static const SeedItem seed_items[] = {
  /* Causes */
  { "causes", "stress and anxiety", "estrés y ansiedad" },
  { "causes", "sleep", "dormir" },
  { "causes", "rest", "descanso" },
  { "causes", "magnesium", "magnesio" },
  { "causes", "potassium", "potasio" },
  { "causes", "hemifacial spasm", "espasmo hemifacial" },
  { "causes", "neurologist", "neurólogo" },
  { "causes", "caffeine", "cafeína" },
  { "causes", "screens", "pantallas" },
  /* Treatments */
  { "treatments", "relaxation techniques", "técnicas de relajación" },
  { "treatments", "better sleep", "dormir mejor" },
  { "treatments", "balanced diet", "balanceada" },
  { "treatments", "muscle relaxants", "relajantes musculares" },
  { "treatments", "vitamin supplements", "suplementos de vitaminas" },
  { "treatments", "botulinum toxin", "toxina botulínica" },
  { "treatments", "within a few days", "en pocos días" },
  { "treatments", "nervous system", "sistema nervioso" },
  { "treatments", "surgery", "cirugía" },
  { "treatments", "physical therapy", "fisioterapia" },
  { "treatments", "strengthening exercises", "ejercicios de fortalecimiento" },
  { "treatments", "follow-up", "citas de control" },
  /* When to see a specialist */
  { "specialist", "daily activities", "actividades diarias" },
  { "specialist", "muscle weakness", "debilidad en los músculos" },
  { "specialist", "pain", "dolor" },
  { "specialist", "loss of feeling", "pérdida de sensibilidad" },
  { "specialist", "family history", "antecedentes en su familia" },
  { "specialist", "worse over time", "peor con el tiempo" },
  { "specialist", "Request a callback", "Pedir que me llamen" },
};

static char *
topic_text (KioskContentPack *pack,
            const char       *id)
{
  KioskTopic *topic = kiosk_content_pack_lookup_topic (pack, id);
  g_autofree char *text = NULL;

  g_assert_nonnull (topic);
  text = kiosk_document_to_plain_text (kiosk_topic_get_document (topic));

  return g_utf8_casefold (text, -1);
}

static void
assert_pack_complete (const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskContentPack) pack = kiosk_content_pack_new (language, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (kiosk_content_pack_get_language (pack), ==, language);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pack)), ==, g_strv_length ((char **)topic_ids));

  for (guint i = 0; topic_ids[i] != NULL; i++)
    {
      g_autoptr(KioskTopic) topic = g_list_model_get_item (G_LIST_MODEL (pack), i);

      /* The manifest's order is the home page's order. */
      g_assert_cmpstr (kiosk_topic_get_id (topic), ==, topic_ids[i]);
      g_assert_cmpuint (strlen (kiosk_topic_get_title (topic)), >, 3);
      g_assert_nonnull (kiosk_topic_get_summary (topic));
      g_assert_cmpuint (strlen (kiosk_topic_get_summary (topic)), <=, 120);
      /* The kiosk's own illustrations (issue 9), one per topic. */
      g_assert_true (g_str_has_prefix (kiosk_topic_get_icon_name (topic), "kiosk-illustration-"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (seed_items); i++)
    {
      const char *words = g_str_equal (language, "es") ? seed_items[i].spanish : seed_items[i].english;
      g_autofree char *text = topic_text (pack, seed_items[i].topic);
      g_autofree char *needle = g_utf8_casefold (words, -1);

      if (strstr (text, needle) == NULL)
        g_error ("Topic %s in %s does not mention “%s”", seed_items[i].topic, language, words);
    }
}

static void
test_english_complete (void)
{
  assert_pack_complete ("en");
}

static void
test_spanish_complete (void)
{
  assert_pack_complete ("es");
}

static void
test_languages_differ (void)
{
  g_autoptr(KioskContentPack) en = kiosk_content_pack_new ("en", NULL, NULL);
  g_autoptr(KioskContentPack) es = kiosk_content_pack_new ("es", NULL, NULL);

  for (guint i = 0; topic_ids[i] != NULL; i++)
    g_assert_cmpstr (kiosk_topic_get_title (kiosk_content_pack_lookup_topic (en, topic_ids[i])), !=,
                     kiosk_topic_get_title (kiosk_content_pack_lookup_topic (es, topic_ids[i])));
}

static void
test_list_languages (void)
{
  g_auto(GStrv) languages = kiosk_content_pack_list_languages (NULL);

  g_assert_cmpuint (g_strv_length (languages), ==, 2);
  g_assert_cmpstr (languages[0], ==, "en");
  g_assert_cmpstr (languages[1], ==, "es");
}

static void
test_unknown_language (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskContentPack) pack = kiosk_content_pack_new ("xx", NULL, &error);

  g_assert_null (pack);
  g_assert_error (error, KIOSK_CONTENT_ERROR, KIOSK_CONTENT_ERROR_UNKNOWN_LANGUAGE);
  g_clear_error (&error);

  /* A language code is a folder name, never a path. */
  pack = kiosk_content_pack_new ("../en", NULL, &error);
  g_assert_null (pack);
  g_assert_error (error, KIOSK_CONTENT_ERROR, KIOSK_CONTENT_ERROR_UNKNOWN_LANGUAGE);
}

typedef struct
{
  char *dir;
} OverrideFixture;

static void
write_file (OverrideFixture *fixture,
            const char      *relative,
            const char      *contents,
            gssize           length)
{
  g_autofree char *path = g_build_filename (fixture->dir, relative, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static void
override_setup (OverrideFixture *fixture,
                gconstpointer    data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("kiosk-content-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
override_teardown (OverrideFixture *fixture,
                   gconstpointer    data)
{
  kiosk_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
test_override_replaces_file (OverrideFixture *fixture,
                             gconstpointer    data)
{
  g_autoptr(KioskContentPack) pack = NULL;

  write_file (fixture, "en/causes.md", "# Our own causes page\n\nWritten by the clinic.\n", -1);

  pack = kiosk_content_pack_new ("en", fixture->dir, NULL);
  g_assert_cmpstr (kiosk_topic_get_title (kiosk_content_pack_lookup_topic (pack, "causes")), ==,
                   "Our own causes page");
  /* Files the folder does not have come from the bundle. */
  g_assert_cmpstr (kiosk_topic_get_title (kiosk_content_pack_lookup_topic (pack, "treatments")), ==,
                   "How is it treated?");
}

static void
test_override_malformed_falls_back (OverrideFixture *fixture,
                                    gconstpointer    data)
{
  g_autoptr(KioskContentPack) pack = NULL;

  write_file (fixture, "en/causes.md", "# Broken \xc3\x28 bytes\n", -1);
  write_file (fixture, "en/treatments.md", "No heading at all, so no title.\n", -1);
  write_file (fixture, "en/specialist.md", "", 0);

  g_test_expect_message ("PatientKiosk", G_LOG_LEVEL_WARNING, "*en/causes.md*not valid UTF-8*");
  g_test_expect_message ("PatientKiosk", G_LOG_LEVEL_WARNING, "*en/treatments.md*level-1 heading*");
  g_test_expect_message ("PatientKiosk", G_LOG_LEVEL_WARNING, "*en/specialist.md*level-1 heading*");
  pack = kiosk_content_pack_new ("en", fixture->dir, NULL);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pack)), ==, 3);
  g_assert_cmpstr (kiosk_topic_get_title (kiosk_content_pack_lookup_topic (pack, "causes")), ==,
                   "Why does my face twitch?");
  g_assert_cmpstr (kiosk_topic_get_title (kiosk_content_pack_lookup_topic (pack, "specialist")), ==,
                   "When should I see a specialist?");
}

/* Issue 8: "# T" and 250,000 '>' crashed the kiosk at start and 3,000 gave a blank page; deep
 * lists recursed the same way. Over the nesting limit a file is malformed: warned about, and the
 * bundled page is shown. */
static void
test_override_too_deep_falls_back (OverrideFixture *fixture,
                                   gconstpointer    data)
{
  g_autoptr(KioskContentPack) pack = NULL;
  g_autofree char *quotes = g_strnfill (250000, '>');
  g_autofree char *huge = g_strconcat ("# T\n", quotes, NULL);
  g_autofree char *blank = g_strconcat ("# T\n", quotes + 250000 - 3000, " x\n", NULL);
  g_autoptr(GString) lists = g_string_new ("# T\n\n");

  for (guint i = 0; i < 3000; i++)
    g_string_append (lists, i % 2 == 0 ? "- " : "1. ");
  g_string_append (lists, "x\n");

  write_file (fixture, "en/causes.md", huge, -1);
  write_file (fixture, "en/treatments.md", blank, -1);
  write_file (fixture, "en/specialist.md", lists->str, -1);

  g_test_expect_message ("PatientKiosk", G_LOG_LEVEL_WARNING, "*en/causes.md*nest*");
  g_test_expect_message ("PatientKiosk", G_LOG_LEVEL_WARNING, "*en/treatments.md*nest*");
  g_test_expect_message ("PatientKiosk", G_LOG_LEVEL_WARNING, "*en/specialist.md*nest*");
  pack = kiosk_content_pack_new ("en", fixture->dir, NULL);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pack)), ==, 3);
  g_assert_cmpstr (kiosk_topic_get_title (kiosk_content_pack_lookup_topic (pack, "causes")), ==,
                   "Why does my face twitch?");
  g_assert_cmpstr (kiosk_topic_get_title (kiosk_content_pack_lookup_topic (pack, "treatments")), ==,
                   "How is it treated?");
  g_assert_cmpstr (kiosk_topic_get_title (kiosk_content_pack_lookup_topic (pack, "specialist")), ==,
                   "When should I see a specialist?");
}

static void
test_override_unreadable_falls_back (OverrideFixture *fixture,
                                     gconstpointer    data)
{
  g_autoptr(KioskContentPack) pack = NULL;

  /* A folder where a file should be cannot be read as one, even by root. */
  write_file (fixture, "es/causes.md/placeholder", "", 0);

  g_test_expect_message ("PatientKiosk", G_LOG_LEVEL_WARNING, "*es/causes.md*");
  pack = kiosk_content_pack_new ("es", fixture->dir, NULL);
  g_test_assert_expected_messages ();

  g_assert_cmpstr (kiosk_topic_get_title (kiosk_content_pack_lookup_topic (pack, "causes")), ==,
                   "¿Por qué me tiembla la cara?");
}

static void
test_override_manifest (OverrideFixture *fixture,
                        gconstpointer    data)
{
  g_autoptr(KioskContentPack) pack = NULL;
  g_autoptr(KioskTopic) first = NULL;

  write_file (fixture, "manifest.ini",
              "[Content]\nTopics=visiting;causes;missing;\n\n"
              "[Topic visiting]\nIcon=x-office-calendar-symbolic\n", -1);
  write_file (fixture, "en/visiting.md", "# Visiting hours\n\nMonday to Friday.\n", -1);

  g_test_expect_message ("PatientKiosk", G_LOG_LEVEL_WARNING, "*“missing”*leaving it out*");
  pack = kiosk_content_pack_new ("en", fixture->dir, NULL);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pack)), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (pack), 0);
  g_assert_cmpstr (kiosk_topic_get_id (first), ==, "visiting");
  g_assert_cmpstr (kiosk_topic_get_icon_name (first), ==, "x-office-calendar-symbolic");
  g_assert_cmpstr (kiosk_topic_get_title (first), ==, "Visiting hours");
}

static void
test_override_malformed_manifest (OverrideFixture *fixture,
                                  gconstpointer    data)
{
  g_autoptr(KioskContentPack) pack = NULL;

  write_file (fixture, "manifest.ini", "[Content\nTopics=../../etc/passwd;\n", -1);

  g_test_expect_message ("PatientKiosk", G_LOG_LEVEL_WARNING, "*Ignoring the content manifest*");
  pack = kiosk_content_pack_new ("en", fixture->dir, NULL);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pack)), ==, 3);

  g_clear_object (&pack);
  write_file (fixture, "manifest.ini", "[Content]\nTopics=../secret;\n", -1);
  g_test_expect_message ("PatientKiosk", G_LOG_LEVEL_WARNING, "*may only use letters*");
  pack = kiosk_content_pack_new ("en", fixture->dir, NULL);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pack)), ==, 3);
}

static void
test_override_new_language (OverrideFixture *fixture,
                            gconstpointer    data)
{
  g_autoptr(KioskContentPack) pack = NULL;
  g_auto(GStrv) languages = NULL;

  write_file (fixture, "manifest.ini", "[Content]\nTopics=causes;\n", -1);
  write_file (fixture, "fr/causes.md", "# Pourquoi mon visage tremble-t-il ?\n\nRésumé.\n", -1);

  languages = kiosk_content_pack_list_languages (fixture->dir);
  g_assert_true (g_strv_contains ((const char * const *)languages, "fr"));

  pack = kiosk_content_pack_new ("fr", fixture->dir, NULL);
  g_assert_nonnull (pack);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pack)), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk/content-pack/english", test_english_complete);
  g_test_add_func ("/kiosk/content-pack/spanish", test_spanish_complete);
  g_test_add_func ("/kiosk/content-pack/languages-differ", test_languages_differ);
  g_test_add_func ("/kiosk/content-pack/list-languages", test_list_languages);
  g_test_add_func ("/kiosk/content-pack/unknown-language", test_unknown_language);
  g_test_add ("/kiosk/content-pack/override/replaces-file", OverrideFixture, NULL,
              override_setup, test_override_replaces_file, override_teardown);
  g_test_add ("/kiosk/content-pack/override/malformed", OverrideFixture, NULL,
              override_setup, test_override_malformed_falls_back, override_teardown);
  g_test_add ("/kiosk/content-pack/override/too-deep", OverrideFixture, NULL,
              override_setup, test_override_too_deep_falls_back, override_teardown);
  g_test_add ("/kiosk/content-pack/override/unreadable", OverrideFixture, NULL,
              override_setup, test_override_unreadable_falls_back, override_teardown);
  g_test_add ("/kiosk/content-pack/override/manifest", OverrideFixture, NULL,
              override_setup, test_override_manifest, override_teardown);
  g_test_add ("/kiosk/content-pack/override/malformed-manifest", OverrideFixture, NULL,
              override_setup, test_override_malformed_manifest, override_teardown);
  g_test_add ("/kiosk/content-pack/override/new-language", OverrideFixture, NULL,
              override_setup, test_override_new_language, override_teardown);

  return g_test_run ();
}
