/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "kiosk-content-pack.h"
#include "kiosk-language.h"
#include "kiosk-take-home.h"

#define CLINIC_NAME  "Clínica Ñandú"
#define CLINIC_PHONE "+506 2222-3333"
#define EMERGENCY    "911"

#define EN_WARNING "Warning signs: one side of the face suddenly droops, weakness on one side " \
                   "of the body, trouble speaking or a sudden, severe headache.\n" \
                   "If this happens, call 911 at once.\n"

static const char * const topic_ids[] = { "causes", "treatments", "specialist", NULL };

/* One bold item label per topic and language, as the patient reads it on the page. */
typedef struct
{
  const char *language;
  const char *topic;
  const char *line;
} ExpectedLine;

static const ExpectedLine expected_lines[] = {
  { "en", "causes", "- Stress and anxiety\n" },
  { "en", "causes", "- Neurological conditions\n" },
  { "en", "treatments", "- Botulinum toxin (Botox)\n" },
  { "en", "treatments", "- Strengthening exercises\n" },
  { "en", "specialist", "- Family history\n" },
  { "es", "causes", "- Estrés y ansiedad\n" },
  { "es", "causes", "- Trastornos neurológicos\n" },
  { "es", "treatments", "- Toxina botulínica (bótox)\n" },
  { "es", "specialist", "- Hay antecedentes en su familia\n" },
  { "en", "causes", "\n\n" CLINIC_NAME ", phone " CLINIC_PHONE },
  { "es", "causes", "\n\n" CLINIC_NAME ", teléfono " CLINIC_PHONE },
  /* Every page carries the warning signs and what to do, in the page's language. */
  { "en", "causes", "\n\n" EN_WARNING "\n" },
  { "en", "treatments", "\n\n" EN_WARNING "\n" },
  { "en", "specialist", "\n\n" EN_WARNING "\n" },
  { "es", "causes", "Señales de alarma: se le cae de repente un lado de la cara" },
  { "es", "treatments", "Si le pasa, llame de inmediato al 911.\n" },
  { "es", "specialist", "Si le pasa, llame de inmediato al 911.\n" },
};

static KioskContentPack *
load_pack (const char *language)
{
  g_autoptr(GError) error = NULL;
  KioskContentPack *pack;

  /* The kiosk switches gettext and the content together; so does the test. */
  kiosk_language_apply (language);
  pack = kiosk_content_pack_new (language, NULL, &error);
  g_assert_no_error (error);

  return pack;
}

static void
assert_plain_and_small (const char *text)
{
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpuint (strlen (text), <=, KIOSK_TAKE_HOME_MAX_SIZE);
  g_assert_null (strchr (text, '\r'));
  g_assert_false (g_str_has_suffix (text, "\n"));
  /* No link of any kind: the code is something to read, never a place to go. */
  g_assert_null (strstr (text, "http"));
  g_assert_null (strstr (text, "www"));
  g_assert_null (strstr (text, "://"));
  g_assert_null (strstr (text, "**"));
}

/* Every list item of the page whose text starts in bold appears as "- " and that label. */
static void
assert_item_labels (const char       *text,
                    const KioskBlock *block)
{
  for (guint i = 0; i < kiosk_block_get_n_children (block); i++)
    {
      const KioskBlock *item = kiosk_block_get_child (block, i);
      guint n_spans;
      const KioskSpan *spans = kiosk_block_get_spans (item, &n_spans);
      g_autofree char *label = NULL;
      g_autofree char *line = NULL;

      g_assert_cmpuint (n_spans, >, 0);
      g_assert_cmpuint (spans[0].start, ==, 0);
      label = g_strndup (kiosk_block_get_text (item), spans[0].end);
      line = g_strconcat ("\n- ", label, "\n", NULL);
      if (strstr (text, line) == NULL)
        g_error ("“%s” is missing from:\n%s", label, text);
    }
}

static void
assert_topic_text (KioskTopic *topic,
                   const char *text)
{
  KioskDocument *document = kiosk_topic_get_document (topic);
  g_autofree char *head = g_strconcat (kiosk_topic_get_title (topic), "\n",
                                       kiosk_topic_get_summary (topic), "\n\n- ", NULL);
  guint n_lists = 0;

  assert_plain_and_small (text);
  g_assert_true (g_str_has_prefix (text, head));
  g_assert_nonnull (strstr (text, CLINIC_NAME));
  g_assert_true (g_str_has_suffix (text, CLINIC_PHONE));

  for (guint i = 0; i < kiosk_document_get_n_blocks (document); i++)
    {
      const KioskBlock *block = kiosk_document_get_block (document, i);

      if (kiosk_block_get_kind (block) != KIOSK_BLOCK_LIST)
        continue;
      assert_item_labels (text, block);
      n_lists++;
    }
  g_assert_cmpuint (n_lists, >, 0);
}

static void
assert_bundled_language (const char *language)
{
  g_autoptr(KioskContentPack) pack = load_pack (language);

  for (guint i = 0; topic_ids[i] != NULL; i++)
    {
      KioskTopic *topic = kiosk_content_pack_lookup_topic (pack, topic_ids[i]);
      g_autofree char *text = kiosk_take_home_text_new (topic, CLINIC_NAME, CLINIC_PHONE,
                                                        EMERGENCY);

      g_test_message ("%s/%s, %zu bytes:\n%s", language, topic_ids[i], strlen (text), text);
      assert_topic_text (topic, text);

      for (guint j = 0; j < G_N_ELEMENTS (expected_lines); j++)
        {
          if (g_str_equal (expected_lines[j].language, language) &&
              g_str_equal (expected_lines[j].topic, topic_ids[i]))
            g_assert_nonnull (strstr (text, expected_lines[j].line));
        }
    }
}

static void
test_bundled_english (void)
{
  assert_bundled_language ("en");
}

static void
test_bundled_spanish (void)
{
  assert_bundled_language ("es");
}

/* The whole text once, so that a change to its format is a deliberate one. */
static void
test_exact_text (void)
{
  g_autoptr(KioskContentPack) pack = load_pack ("en");
  g_autofree char *text = kiosk_take_home_text_new (kiosk_content_pack_lookup_topic (pack, "causes"),
                                                    "Test Clinic", "2222 3333", "911");

  g_assert_cmpstr (text, ==,
                   "Why does my face twitch?\n"
                   "Facial twitching and spasms can have several causes. Most importantly, there are "
                   "solutions.\n"
                   "\n"
                   "- Stress and anxiety\n"
                   "- Not enough sleep\n"
                   "- Lack of minerals\n"
                   "- Too much caffeine\n"
                   "- Long hours on screens\n"
                   "- Neurological conditions\n"
                   "\n"
                   EN_WARNING
                   "\n"
                   "Test Clinic, phone 2222 3333");
}

static void
test_empty_phone_omitted (void)
{
  g_autoptr(KioskContentPack) pack = load_pack ("en");
  KioskTopic *topic = kiosk_content_pack_lookup_topic (pack, "specialist");
  const char *empty_phones[] = { "", "   ", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (empty_phones); i++)
    {
      g_autofree char *text = kiosk_take_home_text_new (topic, "Test Clinic", empty_phones[i],
                                                        EMERGENCY);

      assert_plain_and_small (text);
      g_assert_true (g_str_has_suffix (text, "\n\nTest Clinic"));
      g_assert_null (strstr (text, "phone"));
    }
}

static void
test_clinic_name_fallback (void)
{
  g_autoptr(KioskContentPack) english = load_pack ("en");
  g_autofree char *en_text = kiosk_take_home_text_new (kiosk_content_pack_lookup_topic (english,
                                                                                        "causes"),
                                                       "", "2222 3333", EMERGENCY);
  g_autoptr(KioskContentPack) spanish = load_pack ("es");
  g_autofree char *es_text = kiosk_take_home_text_new (kiosk_content_pack_lookup_topic (spanish,
                                                                                        "causes"),
                                                       NULL, NULL, NULL);

  g_assert_true (g_str_has_suffix (en_text, "\n\nNeurology clinic, phone 2222 3333"));
  g_assert_true (g_str_has_suffix (es_text, "\n\nClínica de neurología"));
}

/* Without an emergency number, the advice still says to get help, and names no number. */
static void
test_no_emergency_number (void)
{
  g_autoptr(KioskContentPack) english = load_pack ("en");
  KioskTopic *topic = kiosk_content_pack_lookup_topic (english, "causes");
  const char *empty[] = { "", "  ", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
    {
      g_autofree char *text = kiosk_take_home_text_new (topic, "Clinic", "", empty[i]);

      assert_plain_and_small (text);
      g_assert_nonnull (strstr (text, "\nWarning signs: one side of the face suddenly droops"));
      g_assert_nonnull (strstr (text, "\nIf this happens, get emergency help at once.\n\nClinic"));
      g_assert_null (strstr (text, "call"));
    }
}

/* A topic written by clinic IT, read with the kiosk in English. */
static KioskTopic *
topic_from_markdown (const char *markdown)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskDocument) document = kiosk_document_new_from_markdown (markdown, -1, &error);

  g_assert_no_error (error);
  kiosk_language_apply ("en");

  return kiosk_topic_new ("test", "face-smile-symbolic", document);
}

static char *
repeat (const char *piece,
        guint       times)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (out, piece);

  return g_string_free (out, FALSE);
}

/* Clinic IT may load long pages in any script: the text still fits in the limit, keeps the
 * clinic line, and says "- …" where items had to be left out. */
static void
test_size_limit (void)
{
  g_autofree char *title = g_strchomp (repeat ("Ñandú ", 60));
  g_autofree char *summary = repeat ("Información 😀 ", 60);
  g_autofree char *item = g_strdup_printf ("- **%s**: details\n", title);
  g_autofree char *items = repeat (item, 40);
  g_autofree char *markdown = g_strdup_printf ("# %s\n\n%s\n\n%s", title, summary, items);
  g_autoptr(KioskTopic) topic = topic_from_markdown (markdown);
  g_autofree char *name = repeat ("Clínica 🏥 ", 30);
  g_autofree char *text = kiosk_take_home_text_new (topic, name, "+506 2222-3333", "911");
  g_auto(GStrv) lines = NULL;
  guint n_items = 0;

  g_test_message ("%zu bytes:\n%s", strlen (text), text);

  assert_plain_and_small (text);
  g_assert_true (g_str_has_suffix (text, ", phone +506 2222-3333"));
  g_assert_nonnull (strstr (text, "\n- …\n"));

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (g_utf8_strlen (lines[i], -1), <=, 200);
      if (g_str_has_prefix (lines[i], "- ") && !g_str_equal (lines[i], "- …"))
        {
          g_assert_cmpuint (g_utf8_strlen (lines[i], -1), <=, 2 + KIOSK_TAKE_HOME_ITEM_MAX_CHARS);
          g_assert_true (g_str_has_suffix (lines[i], "…"));
          n_items++;
        }
    }
  g_assert_cmpuint (n_items, >, 0);
}

/* An item without a bold lead is named by its first line, shortened with "…". */
static void
test_item_without_label (void)
{
  g_autoptr(KioskTopic) topic =
    topic_from_markdown ("# Title\n\nSummary.\n\n"
                         "- A short item\n"
                         "- An item that goes on and on about many things, far longer than a "
                         "line on a phone should be\n"
                         "- First paragraph\n\n  Second paragraph\n"
                         "- **Bold:** rest\n"
                         "- **Bold with `code` :** rest\n");
  g_autofree char *text = kiosk_take_home_text_new (topic, "Clinic", "1", "911");

  g_assert_cmpstr (text, ==,
                   "Title\nSummary.\n\n"
                   "- A short item\n"
                   "- An item that goes on and on about many things, far longer…\n"
                   "- First paragraph\n"
                   "- Bold\n"
                   "- Bold with code\n"
                   "\n" EN_WARNING
                   "\nClinic, phone 1");
}

static void
test_page_without_list (void)
{
  g_autoptr(KioskTopic) topic = topic_from_markdown ("# Title\n\nJust a paragraph.\n");
  g_autofree char *text = kiosk_take_home_text_new (topic, "Clinic", "", "911");

  g_assert_cmpstr (text, ==, "Title\nJust a paragraph.\n\n" EN_WARNING "\nClinic");
}

int
main (int   argc,
      char *argv[])
{
  kiosk_language_init_gettext ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk/take-home/bundled-english", test_bundled_english);
  g_test_add_func ("/kiosk/take-home/bundled-spanish", test_bundled_spanish);
  g_test_add_func ("/kiosk/take-home/exact-text", test_exact_text);
  g_test_add_func ("/kiosk/take-home/empty-phone-omitted", test_empty_phone_omitted);
  g_test_add_func ("/kiosk/take-home/clinic-name-fallback", test_clinic_name_fallback);
  g_test_add_func ("/kiosk/take-home/no-emergency-number", test_no_emergency_number);
  g_test_add_func ("/kiosk/take-home/size-limit", test_size_limit);
  g_test_add_func ("/kiosk/take-home/item-without-label", test_item_without_label);
  g_test_add_func ("/kiosk/take-home/page-without-list", test_page_without_list);

  return g_test_run ();
}
