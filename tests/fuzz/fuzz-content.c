/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libFuzzer target for the content loader. An input is a topic's Markdown, then optionally a
 * NUL byte and a manifest.ini. Both are written to a content override folder and loaded with
 * kiosk_content_pack_new(), as the kiosk does with --content-dir; the Markdown is also parsed on
 * its own. Whatever the input, loading must not crash, every topic must have a title, and every
 * block must be well formed: valid UTF-8 text, spans inside it on character boundaries, nesting
 * within KIOSK_DOCUMENT_MAX_NESTING.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fuzz-common.h"
#include "kiosk-content-pack.h"
#include "kiosk-take-home.h"

static char *content_dir;

static void
check_block (const KioskBlock *block,
             guint             depth)
{
  const char *text = kiosk_block_get_text (block);
  gsize len = strlen (text);
  guint n_spans;
  const KioskSpan *spans = kiosk_block_get_spans (block, &n_spans);

  kiosk_fuzz_check (depth <= 2 * KIOSK_DOCUMENT_MAX_NESTING + 1, "nesting within the limit");
  kiosk_fuzz_check (g_utf8_validate (text, len, NULL), "block text is UTF-8");
  for (guint i = 0; i < n_spans; i++)
    {
      kiosk_fuzz_check (spans[i].start < spans[i].end && spans[i].end <= len, "span inside text");
      kiosk_fuzz_check (g_utf8_validate (text + spans[i].start,
                                         spans[i].end - spans[i].start, NULL),
                        "span on character boundaries");
    }

  for (guint i = 0; i < kiosk_block_get_n_children (block); i++)
    check_block (kiosk_block_get_child (block, i), depth + 1);
}

static void
check_document (KioskDocument *document)
{
  g_autofree char *plain = kiosk_document_to_plain_text (document);

  kiosk_fuzz_check (kiosk_document_get_title (document) != NULL, "a document has a title");
  kiosk_fuzz_check (g_utf8_validate (plain, -1, NULL), "plain text is UTF-8");
  for (guint i = 0; i < kiosk_document_get_n_blocks (document); i++)
    check_block (kiosk_document_get_block (document, i), 1);
}

static void
check_pack (KioskContentPack *pack)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (pack));

  kiosk_fuzz_check (n > 0, "a pack has topics");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KioskTopic) topic = g_list_model_get_item (G_LIST_MODEL (pack), i);
      g_autofree char *take_home = kiosk_take_home_text_new (topic, "Clinic", "+506 2222 3333",
                                                             "911");

      check_document (kiosk_topic_get_document (topic));
      kiosk_fuzz_check (strlen (take_home) <= KIOSK_TAKE_HOME_MAX_SIZE, "take-home text fits");
      kiosk_fuzz_check (g_utf8_validate (take_home, -1, NULL), "take-home text is UTF-8");
    }
}

static void
write_file (const char *relative,
            const char *contents,
            gsize       length)
{
  g_autofree char *path = g_build_filename (content_dir, relative, NULL);
  g_autoptr(GError) error = NULL;

  /* No fsync: the file only has to be there for the next line, and syncing would make the
   * fuzzer a hundred times slower. */
  if (!g_file_set_contents_full (path, contents, length, G_FILE_SET_CONTENTS_NONE, 0600, &error))
    g_error ("Could not write %s: %s", path, error->message);
}

static void
remove_content_dir (void)
{
  const char * const files[] = { "en/causes.md", "en/fuzz.md", "manifest.ini", "en", NULL };

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (content_dir, files[i], NULL);

      g_remove (path);
    }
  g_rmdir (content_dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *en = NULL;

  kiosk_fuzz_init ();
  content_dir = g_dir_make_tmp ("kiosk-fuzz-content-XXXXXX", &error);
  g_assert_no_error (error);
  en = g_build_filename (content_dir, "en", NULL);
  g_assert_cmpint (g_mkdir (en, 0700), ==, 0);
  atexit (remove_content_dir);

  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GPtrArray) parts = kiosk_fuzz_split (data, size, 2);
  const char *markdown = g_ptr_array_index (parts, 0);
  g_autofree char *manifest = g_build_filename (content_dir, "manifest.ini", NULL);
  g_autoptr(KioskDocument) document = NULL;
  g_autoptr(KioskContentPack) pack = NULL;
  g_autoptr(GError) error = NULL;

  /* The raw bytes, NULs and all, as a file could hold them. */
  document = kiosk_document_new_from_markdown ((const char *)data, size, &error);
  kiosk_fuzz_check ((document != NULL) != (error != NULL), "a document or an error");
  if (document != NULL)
    check_document (document);

  /* A manifest can name "fuzz", a topic only the override folder has. */
  write_file ("en/causes.md", markdown, strlen (markdown));
  write_file ("en/fuzz.md", markdown, strlen (markdown));
  if (parts->len > 1)
    write_file ("manifest.ini", g_ptr_array_index (parts, 1),
                strlen (g_ptr_array_index (parts, 1)));
  else
    g_remove (manifest);

  g_clear_error (&error);
  pack = kiosk_content_pack_new ("en", content_dir, &error);
  kiosk_fuzz_check ((pack != NULL) != (error != NULL), "a pack or an error");
  /* Bundled topics always load; only a manifest naming none of them can leave none. */
  if (pack == NULL)
    kiosk_fuzz_check (g_error_matches (error, KIOSK_CONTENT_ERROR, KIOSK_CONTENT_ERROR_NO_TOPICS),
                      "the only failure is a manifest without loadable topics");
  else
    check_pack (pack);

  return 0;
}
