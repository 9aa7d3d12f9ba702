/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "kiosk-document.h"

static KioskDocument *
parse (const char *markdown)
{
  g_autoptr(GError) error = NULL;
  KioskDocument *document = kiosk_document_new_from_markdown (markdown, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static gboolean
has_span (const KioskBlock *block,
          const char       *text,
          KioskSpanStyle    style)
{
  const char *block_text = kiosk_block_get_text (block);
  guint n;
  const KioskSpan *spans = kiosk_block_get_spans (block, &n);

  for (guint i = 0; i < n; i++)
    {
      if (spans[i].style == style &&
          spans[i].end - spans[i].start == strlen (text) &&
          strncmp (block_text + spans[i].start, text, strlen (text)) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_headings (void)
{
  g_autoptr(KioskDocument) doc = parse ("# Title here\n\nThe summary.\n\n## Section\n\n### Sub\n\nBody.\n");
  const KioskBlock *block;

  g_assert_cmpstr (kiosk_document_get_title (doc), ==, "Title here");
  g_assert_cmpstr (kiosk_document_get_summary (doc), ==, "The summary.");
  g_assert_cmpuint (kiosk_document_get_n_blocks (doc), ==, 5);

  block = kiosk_document_get_block (doc, 0);
  g_assert_cmpint (kiosk_block_get_kind (block), ==, KIOSK_BLOCK_HEADING);
  g_assert_cmpuint (kiosk_block_get_level (block), ==, 1);

  block = kiosk_document_get_block (doc, 2);
  g_assert_cmpint (kiosk_block_get_kind (block), ==, KIOSK_BLOCK_HEADING);
  g_assert_cmpuint (kiosk_block_get_level (block), ==, 2);
  g_assert_cmpstr (kiosk_block_get_text (block), ==, "Section");

  block = kiosk_document_get_block (doc, 3);
  g_assert_cmpuint (kiosk_block_get_level (block), ==, 3);

  block = kiosk_document_get_block (doc, 4);
  g_assert_cmpint (kiosk_block_get_kind (block), ==, KIOSK_BLOCK_PARAGRAPH);
  g_assert_cmpstr (kiosk_block_get_text (block), ==, "Body.");
}

static void
test_lists (void)
{
  g_autoptr(KioskDocument) doc = parse ("# T\n\n- **Stress**: a cause.\n- Sleep\n  continues here\n\n"
                                        "1. first\n2. second\n");
  const KioskBlock *list = kiosk_document_get_block (doc, 1);
  const KioskBlock *ordered = kiosk_document_get_block (doc, 2);
  const KioskBlock *item;

  g_assert_null (kiosk_document_get_summary (doc));
  g_assert_cmpint (kiosk_block_get_kind (list), ==, KIOSK_BLOCK_LIST);
  g_assert_cmpuint (kiosk_block_get_level (list), ==, 0);
  g_assert_cmpuint (kiosk_block_get_n_children (list), ==, 2);

  item = kiosk_block_get_child (list, 0);
  g_assert_cmpint (kiosk_block_get_kind (item), ==, KIOSK_BLOCK_LIST_ITEM);
  g_assert_cmpstr (kiosk_block_get_text (item), ==, "Stress: a cause.");
  g_assert_true (has_span (item, "Stress", KIOSK_SPAN_STRONG));

  /* A soft line break inside an item is a space, as in a paragraph. */
  item = kiosk_block_get_child (list, 1);
  g_assert_cmpstr (kiosk_block_get_text (item), ==, "Sleep continues here");

  g_assert_cmpint (kiosk_block_get_kind (ordered), ==, KIOSK_BLOCK_LIST);
  g_assert_cmpuint (kiosk_block_get_level (ordered), ==, 1);
  g_assert_cmpuint (kiosk_block_get_n_children (ordered), ==, 2);
  g_assert_cmpstr (kiosk_block_get_text (kiosk_block_get_child (ordered, 1)), ==, "second");
}

static void
test_emphasis (void)
{
  g_autoptr(KioskDocument) doc = parse ("# T\n\nPlain *soft* and **strong** and ***both*** and `code`.\n");
  const KioskBlock *para = kiosk_document_get_block (doc, 1);

  g_assert_cmpstr (kiosk_block_get_text (para), ==, "Plain soft and strong and both and code.");
  g_assert_true (has_span (para, "soft", KIOSK_SPAN_EMPHASIS));
  g_assert_true (has_span (para, "strong", KIOSK_SPAN_STRONG));
  g_assert_true (has_span (para, "both", KIOSK_SPAN_EMPHASIS));
  g_assert_true (has_span (para, "both", KIOSK_SPAN_STRONG));
  g_assert_true (has_span (para, "code", KIOSK_SPAN_CODE));
  g_assert_false (has_span (para, "Plain", KIOSK_SPAN_EMPHASIS));
}

/* Characters that mean something to Pango markup or HTML must reach the screen as themselves. */
static void
test_literal_text (void)
{
  g_autoptr(KioskDocument) doc = parse ("# Salt & <pepper>\n\n"
                                        "Use a < b & c > d, &amp; an entity, and <b>not bold</b>.\n\n"
                                        "<div>block html</div>\n");
  const KioskBlock *para = kiosk_document_get_block (doc, 1);
  const KioskBlock *html = kiosk_document_get_block (doc, 2);
  guint n_spans;

  g_assert_cmpstr (kiosk_document_get_title (doc), ==, "Salt & <pepper>");
  g_assert_cmpstr (kiosk_block_get_text (para), ==,
                   "Use a < b & c > d, & an entity, and <b>not bold</b>.");
  kiosk_block_get_spans (para, &n_spans);
  g_assert_cmpuint (n_spans, ==, 0);
  g_assert_cmpstr (kiosk_block_get_text (html), ==, "<div>block html</div>");
}

static void
test_quote (void)
{
  g_autoptr(KioskDocument) doc = parse ("# T\n\n> A note with *care*.\n>\n> Second line.\n");
  const KioskBlock *quote = kiosk_document_get_block (doc, 1);

  g_assert_cmpint (kiosk_block_get_kind (quote), ==, KIOSK_BLOCK_QUOTE);
  g_assert_cmpuint (kiosk_block_get_n_children (quote), ==, 2);
  g_assert_true (has_span (kiosk_block_get_child (quote, 0), "care", KIOSK_SPAN_EMPHASIS));
}

static void
test_plain_text (void)
{
  g_autoptr(KioskDocument) doc = parse ("# Title\n\nIntro.\n\n- one\n- two\n\n> note\n");
  g_autofree char *text = kiosk_document_to_plain_text (doc);

  g_assert_cmpstr (text, ==, "Title\nIntro.\n- one\n- two\nnote\n");
}

static void
test_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = g_strnfill (KIOSK_DOCUMENT_MAX_SIZE + 1, 'a');
  KioskDocument *doc;

  doc = kiosk_document_new_from_markdown ("# Bad \xff\xfe bytes\n", -1, &error);
  g_assert_null (doc);
  g_assert_error (error, KIOSK_DOCUMENT_ERROR, KIOSK_DOCUMENT_ERROR_INVALID_UTF8);
  g_clear_error (&error);

  doc = kiosk_document_new_from_markdown ("Just text, no title.\n\n## Not a title\n", -1, &error);
  g_assert_null (doc);
  g_assert_error (error, KIOSK_DOCUMENT_ERROR, KIOSK_DOCUMENT_ERROR_NO_TITLE);
  g_clear_error (&error);

  doc = kiosk_document_new_from_markdown ("", 0, &error);
  g_assert_null (doc);
  g_assert_error (error, KIOSK_DOCUMENT_ERROR, KIOSK_DOCUMENT_ERROR_NO_TITLE);
  g_clear_error (&error);

  huge[0] = '#';
  huge[1] = ' ';
  doc = kiosk_document_new_from_markdown (huge, -1, &error);
  g_assert_null (doc);
  g_assert_error (error, KIOSK_DOCUMENT_ERROR, KIOSK_DOCUMENT_ERROR_TOO_LARGE);
}

/* Markdown of @depth nested block quotes (each '>' opens one) under a title. */
static char *
nested_quotes (guint depth)
{
  g_autofree char *quotes = g_strnfill (depth, '>');

  return g_strconcat ("# T\n\n", quotes, " deep\n", NULL);
}

/* @depth nested bullet lists on one line: "- - - x". */
static char *
nested_lists (guint depth)
{
  GString *out = g_string_new ("# T\n\n");

  for (guint i = 0; i < depth; i++)
    g_string_append (out, "- ");
  g_string_append (out, "x\n");

  return g_string_free (out, FALSE);
}

/* @depth nested images ("![![x](u)](u)"), which CommonMark lets nest, unlike links. */
static char *
nested_images (guint depth)
{
  GString *out = g_string_new ("# T\n\n");

  for (guint i = 0; i < depth; i++)
    g_string_append (out, "![");
  g_string_append_c (out, 'x');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "](u)");
  g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}

/* "*a **b *c ...": emphasis inside strong inside emphasis, @depth deep. */
static char *
nested_emphasis (guint depth)
{
  GString *out = g_string_new ("# T\n\n");

  for (guint i = 0; i < depth; i++)
    g_string_append (out, i % 2 == 0 ? "*a " : "**b ");
  g_string_append_c (out, 'x');
  for (guint i = depth; i > 0; i--)
    g_string_append (out, (i - 1) % 2 == 0 ? "*" : "**");
  g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}

static void
assert_too_deep (const char *markdown)
{
  g_autoptr(GError) error = NULL;
  KioskDocument *doc = kiosk_document_new_from_markdown (markdown, -1, &error);

  g_assert_null (doc);
  g_assert_error (error, KIOSK_DOCUMENT_ERROR, KIOSK_DOCUMENT_ERROR_TOO_DEEP);
}

/* Depth of the deepest chain of quotes and lists below @block, @block included. */
static guint
block_depth (const KioskBlock *block)
{
  guint deepest = 0;

  for (guint i = 0; i < kiosk_block_get_n_children (block); i++)
    {
      guint depth = block_depth (kiosk_block_get_child (block, i));

      deepest = MAX (deepest, depth);
    }

  return deepest + (kiosk_block_get_kind (block) == KIOSK_BLOCK_LIST_ITEM ? 0 : 1);
}

typedef char *(*NestingFunc) (guint depth);

/* The issue 8 reports: 250,000 '>' crashed the kiosk and 3,000 gave a blank page. Every kind of
 * nesting is refused past the limit and accepted up to it. */
static void
test_nesting_limit (void)
{
  const NestingFunc kinds[] = { nested_quotes, nested_lists, nested_images, nested_emphasis };
  const guint too_deep[] = { KIOSK_DOCUMENT_MAX_NESTING + 1, 3000, 250000 };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *ok = kinds[k] (KIOSK_DOCUMENT_MAX_NESTING);
      g_autoptr(KioskDocument) doc = parse (ok);

      g_assert_cmpstr (kiosk_document_get_title (doc), ==, "T");
      for (guint i = 0; i < G_N_ELEMENTS (too_deep); i++)
        {
          g_autofree char *deep = kinds[k] (too_deep[i]);

          if (strlen (deep) <= KIOSK_DOCUMENT_MAX_SIZE)
            assert_too_deep (deep);
        }
    }
}

/* The limit bounds what the renderer recurses over: quotes and lists at the limit. */
static void
test_nesting_at_limit_shape (void)
{
  g_autofree char *quotes = nested_quotes (KIOSK_DOCUMENT_MAX_NESTING);
  g_autofree char *lists = nested_lists (KIOSK_DOCUMENT_MAX_NESTING);
  g_autoptr(KioskDocument) q = parse (quotes);
  g_autoptr(KioskDocument) l = parse (lists);
  g_autofree char *text = kiosk_document_to_plain_text (q);

  g_assert_cmpuint (block_depth (kiosk_document_get_block (q, 1)), ==,
                    KIOSK_DOCUMENT_MAX_NESTING + 1);
  g_assert_cmpuint (block_depth (kiosk_document_get_block (l, 1)), ==, KIOSK_DOCUMENT_MAX_NESTING);
  g_assert_cmpstr (text, ==, "T\ndeep\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk/document/headings", test_headings);
  g_test_add_func ("/kiosk/document/lists", test_lists);
  g_test_add_func ("/kiosk/document/emphasis", test_emphasis);
  g_test_add_func ("/kiosk/document/literal-text", test_literal_text);
  g_test_add_func ("/kiosk/document/quote", test_quote);
  g_test_add_func ("/kiosk/document/plain-text", test_plain_text);
  g_test_add_func ("/kiosk/document/errors", test_errors);
  g_test_add_func ("/kiosk/document/nesting-limit", test_nesting_limit);
  g_test_add_func ("/kiosk/document/nesting-at-limit", test_nesting_at_limit_shape);

  return g_test_run ();
}
