/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A small document model for the kiosk's topic pages. The Markdown is parsed by cmark (the
 * CommonMark reference library); we only walk its tree and keep what a kiosk page shows:
 * headings, paragraphs, lists, quotes and inline emphasis. Text is kept literal, so '<' and '&'
 * stay characters and never become markup.
 */

#include "config.h"

#include <cmark.h>
#include <string.h>

#include "kiosk-document.h"

struct _KioskBlock
{
  KioskBlockKind  kind;
  guint           level;
  GString        *text;
  GArray         *spans;
  GPtrArray      *children;
};

struct _KioskDocument
{
  GObject     parent_instance;

  GPtrArray  *blocks;
  const char *title;
  const char *summary;
};

G_DEFINE_FINAL_TYPE (KioskDocument, kiosk_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (kiosk-document-error-quark, kiosk_document_error)

typedef struct
{
  GPtrArray  *root;
  GPtrArray  *containers;   /* stack of KioskBlock* that take child blocks */
  KioskBlock *current;      /* the block receiving inline text */
  GArray     *open_spans;   /* byte offsets where open emphasis started */
  guint       nesting;      /* how many nesting nodes (see is_nesting_node()) are open */
} Builder;

static void
kiosk_block_free (gpointer data)
{
  KioskBlock *block = data;

  g_string_free (block->text, TRUE);
  g_array_unref (block->spans);
  g_ptr_array_unref (block->children);
  g_free (block);
}

static KioskBlock *
kiosk_block_new (KioskBlockKind kind,
                 guint          level)
{
  KioskBlock *block = g_new0 (KioskBlock, 1);

  block->kind = kind;
  block->level = level;
  block->text = g_string_new (NULL);
  block->spans = g_array_new (FALSE, FALSE, sizeof (KioskSpan));
  block->children = g_ptr_array_new_with_free_func (kiosk_block_free);

  return block;
}

static KioskBlock *
builder_top (Builder *b)
{
  if (b->containers->len == 0)
    return NULL;

  return g_ptr_array_index (b->containers, b->containers->len - 1);
}

static KioskBlock *
builder_add_block (Builder        *b,
                   KioskBlockKind  kind,
                   guint           level)
{
  KioskBlock *top = builder_top (b);
  KioskBlock *block = kiosk_block_new (kind, level);

  g_ptr_array_add (top != NULL ? top->children : b->root, block);

  return block;
}

static void
builder_push (Builder        *b,
              KioskBlockKind  kind,
              guint           level)
{
  g_ptr_array_add (b->containers, builder_add_block (b, kind, level));
}

static void
builder_pop (Builder *b)
{
  g_assert (b->containers->len > 0);

  g_ptr_array_set_size (b->containers, b->containers->len - 1);
}

/* Paragraphs inside a list item become the item's own text, so that each item is one card. */
static void
builder_begin_text (Builder        *b,
                    KioskBlockKind  kind,
                    guint           level)
{
  KioskBlock *top = builder_top (b);

  if (top != NULL && top->kind == KIOSK_BLOCK_LIST_ITEM)
    {
      if (top->text->len > 0)
        g_string_append_c (top->text, '\n');
      b->current = top;
      return;
    }

  b->current = builder_add_block (b, kind, level);
}

static void
builder_append (Builder        *b,
                const char     *text,
                KioskSpanStyle  style)
{
  KioskSpan span;

  if (b->current == NULL || text == NULL)
    return;

  span.start = b->current->text->len;
  g_string_append (b->current->text, text);
  span.end = b->current->text->len;
  span.style = style;

  if (style != 0 && span.end > span.start)
    g_array_append_val (b->current->spans, span);
}

static void
builder_open_span (Builder *b)
{
  guint start = b->current != NULL ? b->current->text->len : 0;

  g_array_append_val (b->open_spans, start);
}

static void
builder_close_span (Builder        *b,
                    KioskSpanStyle  style)
{
  KioskSpan span;

  g_assert (b->open_spans->len > 0);

  span.start = g_array_index (b->open_spans, guint, b->open_spans->len - 1);
  g_array_set_size (b->open_spans, b->open_spans->len - 1);

  if (b->current == NULL)
    return;

  span.end = b->current->text->len;
  span.style = style;
  if (span.end > span.start)
    g_array_append_val (b->current->spans, span);
}

static void
builder_literal_block (Builder        *b,
                       cmark_node     *node,
                       KioskSpanStyle  style)
{
  g_autofree char *text = g_strdup (cmark_node_get_literal (node));

  if (text == NULL)
    return;

  g_strchomp (text);
  builder_begin_text (b, KIOSK_BLOCK_PARAGRAPH, 0);
  builder_append (b, text, style);
  b->current = NULL;
}

static void
builder_enter (Builder    *b,
               cmark_node *node)
{
  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_HEADING:
      builder_begin_text (b, KIOSK_BLOCK_HEADING, cmark_node_get_heading_level (node));
      break;
    case CMARK_NODE_PARAGRAPH:
      builder_begin_text (b, KIOSK_BLOCK_PARAGRAPH, 0);
      break;
    case CMARK_NODE_BLOCK_QUOTE:
      builder_push (b, KIOSK_BLOCK_QUOTE, 0);
      break;
    case CMARK_NODE_LIST:
      builder_push (b, KIOSK_BLOCK_LIST, cmark_node_get_list_type (node) == CMARK_ORDERED_LIST);
      break;
    case CMARK_NODE_ITEM:
      builder_push (b, KIOSK_BLOCK_LIST_ITEM, 0);
      break;
    case CMARK_NODE_CODE_BLOCK:
      builder_literal_block (b, node, KIOSK_SPAN_CODE);
      break;
    case CMARK_NODE_HTML_BLOCK:
      builder_literal_block (b, node, 0);
      break;
    case CMARK_NODE_TEXT:
    case CMARK_NODE_HTML_INLINE:
      builder_append (b, cmark_node_get_literal (node), 0);
      break;
    case CMARK_NODE_CODE:
      builder_append (b, cmark_node_get_literal (node), KIOSK_SPAN_CODE);
      break;
    case CMARK_NODE_SOFTBREAK:
      builder_append (b, " ", 0);
      break;
    case CMARK_NODE_LINEBREAK:
      builder_append (b, "\n", 0);
      break;
    case CMARK_NODE_EMPH:
    case CMARK_NODE_STRONG:
      builder_open_span (b);
      break;
    default:
      break;
    }
}

static void
builder_leave (Builder    *b,
               cmark_node *node)
{
  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_HEADING:
    case CMARK_NODE_PARAGRAPH:
      b->current = NULL;
      break;
    case CMARK_NODE_BLOCK_QUOTE:
    case CMARK_NODE_LIST:
    case CMARK_NODE_ITEM:
      builder_pop (b);
      break;
    case CMARK_NODE_EMPH:
      builder_close_span (b, KIOSK_SPAN_EMPHASIS);
      break;
    case CMARK_NODE_STRONG:
      builder_close_span (b, KIOSK_SPAN_STRONG);
      break;
    default:
      break;
    }
}

/* The nodes that can hold others of their kind, and so nest without bound in Markdown. Items
 * are not counted: each sits in a list, which is. */
static gboolean
is_nesting_node (cmark_node *node)
{
  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_BLOCK_QUOTE:
    case CMARK_NODE_LIST:
    case CMARK_NODE_EMPH:
    case CMARK_NODE_STRONG:
    case CMARK_NODE_LINK:
    case CMARK_NODE_IMAGE:
      return TRUE;
    default:
      return FALSE;
    }
}

/* cmark parses and walks iteratively, whatever the depth; our model is then walked recursively
 * (freeing, plain text, rendering), so a tree deeper than the limit is refused here. */
static gboolean
builder_track_nesting (Builder           *b,
                       cmark_node        *node,
                       cmark_event_type   ev,
                       GError           **error)
{
  if (!is_nesting_node (node))
    return TRUE;

  if (ev == CMARK_EVENT_EXIT)
    {
      g_assert (b->nesting > 0);
      b->nesting--;
      return TRUE;
    }

  if (++b->nesting <= KIOSK_DOCUMENT_MAX_NESTING)
    return TRUE;

  g_set_error (error, KIOSK_DOCUMENT_ERROR, KIOSK_DOCUMENT_ERROR_TOO_DEEP,
               "Document nests quotes, lists, emphasis or links more than %d levels deep",
               KIOSK_DOCUMENT_MAX_NESTING);
  return FALSE;
}

static gboolean
kiosk_document_build (KioskDocument  *self,
                      cmark_node     *root,
                      GError        **error)
{
  Builder b = { self->blocks, g_ptr_array_new (), NULL,
                g_array_new (FALSE, FALSE, sizeof (guint)), 0 };
  cmark_iter *iter = cmark_iter_new (root);
  cmark_event_type ev;
  gboolean ok = TRUE;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (!builder_track_nesting (&b, node, ev, error))
        {
          ok = FALSE;
          break;
        }

      if (ev == CMARK_EVENT_ENTER)
        builder_enter (&b, node);
      else if (ev == CMARK_EVENT_EXIT)
        builder_leave (&b, node);
    }

  cmark_iter_free (iter);
  g_ptr_array_unref (b.containers);
  g_array_unref (b.open_spans);

  return ok;
}

/* The title is the first level-1 heading; the summary is the paragraph right after it. */
static void
kiosk_document_find_title (KioskDocument *self)
{
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const KioskBlock *block = g_ptr_array_index (self->blocks, i);
      const KioskBlock *next;

      if (block->kind != KIOSK_BLOCK_HEADING || block->level != 1 || block->text->len == 0)
        continue;

      self->title = block->text->str;
      next = i + 1 < self->blocks->len ? g_ptr_array_index (self->blocks, i + 1) : NULL;
      if (next != NULL && next->kind == KIOSK_BLOCK_PARAGRAPH)
        self->summary = next->text->str;
      return;
    }
}

static void
kiosk_document_finalize (GObject *object)
{
  KioskDocument *self = (KioskDocument *)object;

  g_clear_pointer (&self->blocks, g_ptr_array_unref);

  G_OBJECT_CLASS (kiosk_document_parent_class)->finalize (object);
}

static void
kiosk_document_class_init (KioskDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kiosk_document_finalize;
}

static void
kiosk_document_init (KioskDocument *self)
{
  self->blocks = g_ptr_array_new_with_free_func (kiosk_block_free);
}

/**
 * kiosk_document_new_from_markdown:
 * @markdown: CommonMark text
 * @length: length of @markdown in bytes, or -1 if it is nul-terminated
 * @error: return location for a #KIOSK_DOCUMENT_ERROR
 *
 * Parses @markdown. A kiosk page needs a title, so text without a level-1 heading is refused,
 * as is text that is not UTF-8, larger than %KIOSK_DOCUMENT_MAX_SIZE or nested deeper than
 * %KIOSK_DOCUMENT_MAX_NESTING.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
KioskDocument *
kiosk_document_new_from_markdown (const char  *markdown,
                                  gssize       length,
                                  GError     **error)
{
  g_autoptr(KioskDocument) self = NULL;
  cmark_node *root;
  gboolean ok;
  gsize len;

  g_return_val_if_fail (markdown != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  len = length < 0 ? strlen (markdown) : (gsize)length;
  if (len > KIOSK_DOCUMENT_MAX_SIZE)
    {
      g_set_error (error, KIOSK_DOCUMENT_ERROR, KIOSK_DOCUMENT_ERROR_TOO_LARGE,
                   "Document is larger than %u bytes", KIOSK_DOCUMENT_MAX_SIZE);
      return NULL;
    }
  if (!g_utf8_validate_len (markdown, len, NULL))
    {
      g_set_error_literal (error, KIOSK_DOCUMENT_ERROR, KIOSK_DOCUMENT_ERROR_INVALID_UTF8,
                           "Document is not valid UTF-8");
      return NULL;
    }

  self = g_object_new (KIOSK_TYPE_DOCUMENT, NULL);
  root = cmark_parse_document (markdown, len, CMARK_OPT_DEFAULT);
  ok = kiosk_document_build (self, root, error);
  cmark_node_free (root);
  if (!ok)
    return NULL;

  kiosk_document_find_title (self);
  if (self->title == NULL)
    {
      g_set_error_literal (error, KIOSK_DOCUMENT_ERROR, KIOSK_DOCUMENT_ERROR_NO_TITLE,
                           "Document has no level-1 heading to use as its title");
      return NULL;
    }

  return g_steal_pointer (&self);
}

guint
kiosk_document_get_n_blocks (KioskDocument *self)
{
  g_return_val_if_fail (KIOSK_IS_DOCUMENT (self), 0);

  return self->blocks->len;
}

const KioskBlock *
kiosk_document_get_block (KioskDocument *self,
                          guint          index)
{
  g_return_val_if_fail (KIOSK_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);

  return g_ptr_array_index (self->blocks, index);
}

const char *
kiosk_document_get_title (KioskDocument *self)
{
  g_return_val_if_fail (KIOSK_IS_DOCUMENT (self), NULL);

  return self->title;
}

/**
 * kiosk_document_get_summary:
 *
 * Returns: (nullable): the paragraph that follows the title, if there is one
 */
const char *
kiosk_document_get_summary (KioskDocument *self)
{
  g_return_val_if_fail (KIOSK_IS_DOCUMENT (self), NULL);

  return self->summary;
}

/* Recursive, like kiosk_block_free(): the nesting limit keeps the depth small. */
static void
append_plain_text (GString   *out,
                   GPtrArray *blocks)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      const KioskBlock *block = g_ptr_array_index (blocks, i);

      if (block->text->len > 0)
        {
          if (block->kind == KIOSK_BLOCK_LIST_ITEM)
            g_string_append (out, "- ");
          g_string_append_len (out, block->text->str, block->text->len);
          g_string_append_c (out, '\n');
        }
      append_plain_text (out, block->children);
    }
}

/**
 * kiosk_document_to_plain_text:
 *
 * Returns: (transfer full): the document's text, one block a line, list items behind "- "
 */
char *
kiosk_document_to_plain_text (KioskDocument *self)
{
  GString *out;

  g_return_val_if_fail (KIOSK_IS_DOCUMENT (self), NULL);

  out = g_string_new (NULL);
  append_plain_text (out, self->blocks);

  return g_string_free (out, FALSE);
}

KioskBlockKind
kiosk_block_get_kind (const KioskBlock *block)
{
  g_return_val_if_fail (block != NULL, KIOSK_BLOCK_PARAGRAPH);

  return block->kind;
}

/**
 * kiosk_block_get_level:
 *
 * Returns: the heading level for headings, 1 for ordered lists, 0 otherwise
 */
guint
kiosk_block_get_level (const KioskBlock *block)
{
  g_return_val_if_fail (block != NULL, 0);

  return block->level;
}

const char *
kiosk_block_get_text (const KioskBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);

  return block->text->str;
}

const KioskSpan *
kiosk_block_get_spans (const KioskBlock *block,
                       guint            *n_spans)
{
  g_return_val_if_fail (block != NULL, NULL);
  g_return_val_if_fail (n_spans != NULL, NULL);

  *n_spans = block->spans->len;

  return (const KioskSpan *)(gpointer)block->spans->data;
}

guint
kiosk_block_get_n_children (const KioskBlock *block)
{
  g_return_val_if_fail (block != NULL, 0);

  return block->children->len;
}

const KioskBlock *
kiosk_block_get_child (const KioskBlock *block,
                       guint             index)
{
  g_return_val_if_fail (block != NULL, NULL);
  g_return_val_if_fail (index < block->children->len, NULL);

  return g_ptr_array_index (block->children, index);
}

/**
 * kiosk_document_get_section_end:
 * @heading: the index of a top-level heading block
 *
 * A section is a heading and the blocks after it, up to the next heading of the same or a
 * higher level.
 *
 * Returns: the index of the first top-level block after @heading's section
 */
guint
kiosk_document_get_section_end (KioskDocument *self,
                                guint          heading)
{
  const KioskBlock *start;
  guint end;

  g_return_val_if_fail (KIOSK_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (heading < self->blocks->len, 0);

  start = g_ptr_array_index (self->blocks, heading);
  for (end = heading + 1; end < self->blocks->len; end++)
    {
      const KioskBlock *block = g_ptr_array_index (self->blocks, end);

      if (block->kind == KIOSK_BLOCK_HEADING && block->level <= start->level)
        break;
    }

  return end;
}

/* Deep, like kiosk_block_free(): the nesting limit keeps the depth small. */
static KioskBlock *
kiosk_block_copy (const KioskBlock *block)
{
  KioskBlock *copy = kiosk_block_new (block->kind, block->level);

  g_string_append_len (copy->text, block->text->str, block->text->len);
  g_array_append_vals (copy->spans, block->spans->data, block->spans->len);
  for (guint i = 0; i < block->children->len; i++)
    g_ptr_array_add (copy->children, kiosk_block_copy (g_ptr_array_index (block->children, i)));

  return copy;
}

/**
 * kiosk_document_new_from_section:
 * @heading: the index of a top-level heading block, see kiosk_document_get_section_end()
 *
 * A section as a page of its own: its heading becomes the title (a level-1 heading) and the
 * blocks under it follow, copied.
 *
 * Returns: (transfer full): the new document
 */
KioskDocument *
kiosk_document_new_from_section (KioskDocument *self,
                                 guint          heading)
{
  KioskDocument *section;
  KioskBlock *title;
  guint end;

  g_return_val_if_fail (KIOSK_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (heading < self->blocks->len, NULL);
  g_return_val_if_fail (kiosk_block_get_kind (g_ptr_array_index (self->blocks, heading)) ==
                        KIOSK_BLOCK_HEADING, NULL);

  end = kiosk_document_get_section_end (self, heading);
  section = g_object_new (KIOSK_TYPE_DOCUMENT, NULL);
  title = kiosk_block_copy (g_ptr_array_index (self->blocks, heading));
  title->level = 1;
  g_ptr_array_add (section->blocks, title);
  for (guint i = heading + 1; i < end; i++)
    g_ptr_array_add (section->blocks, kiosk_block_copy (g_ptr_array_index (self->blocks, i)));

  kiosk_document_find_title (section);

  return section;
}
