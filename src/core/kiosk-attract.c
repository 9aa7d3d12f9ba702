/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The waiting screen's cards, from a content page: each level-2 heading is a card's title and
 * the paragraphs under it its text. A page that does not make good cards is refused, so the
 * content pack falls back to the bundled one, as it does for a broken topic page.
 */

#include "config.h"

#include "kiosk-attract.h"
#include "kiosk-content-pack.h"

struct _KioskAttract
{
  GObject    parent_instance;

  GPtrArray *titles;
  GPtrArray *texts;
  guint      seconds;
};

G_DEFINE_FINAL_TYPE (KioskAttract, kiosk_attract, G_TYPE_OBJECT)

/* The paragraphs of the section starting at @heading, one line each. */
static char *
section_text (KioskDocument *document,
              guint          heading)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint end = kiosk_document_get_section_end (document, heading);

  for (guint i = heading + 1; i < end; i++)
    {
      const KioskBlock *block = kiosk_document_get_block (document, i);

      if (kiosk_block_get_kind (block) != KIOSK_BLOCK_PARAGRAPH)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, kiosk_block_get_text (block));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
add_card (KioskAttract  *self,
          const char    *title,
          char          *text,
          GError       **error)
{
  g_autofree char *owned = text;

  if (*owned == '\0' || g_utf8_strlen (owned, -1) > KIOSK_ATTRACT_MAX_TEXT_CHARS)
    {
      g_set_error (error, KIOSK_CONTENT_ERROR, KIOSK_CONTENT_ERROR_INVALID_PAGE,
                   "The card “%s” needs a paragraph of at most %d characters", title,
                   KIOSK_ATTRACT_MAX_TEXT_CHARS);
      return FALSE;
    }

  g_ptr_array_add (self->titles, g_strdup (title));
  g_ptr_array_add (self->texts, g_steal_pointer (&owned));

  return TRUE;
}

static gboolean
is_card_heading (const KioskBlock *block)
{
  return kiosk_block_get_kind (block) == KIOSK_BLOCK_HEADING && kiosk_block_get_level (block) == 2;
}

/**
 * kiosk_attract_new_from_document:
 * @seconds: how long each card shows
 *
 * Returns: (transfer full): the cards, or %NULL with a %KIOSK_CONTENT_ERROR_INVALID_PAGE error
 *   when the page has no card, too many, or a card without text or with too much
 */
KioskAttract *
kiosk_attract_new_from_document (KioskDocument  *document,
                                 guint           seconds,
                                 GError        **error)
{
  g_autoptr(KioskAttract) self = g_object_new (KIOSK_TYPE_ATTRACT, NULL);

  g_return_val_if_fail (KIOSK_IS_DOCUMENT (document), NULL);

  self->seconds = CLAMP (seconds, 3, 60);
  for (guint i = 0; i < kiosk_document_get_n_blocks (document); i++)
    {
      const KioskBlock *block = kiosk_document_get_block (document, i);

      if (is_card_heading (block) &&
          !add_card (self, kiosk_block_get_text (block), section_text (document, i), error))
        return NULL;
    }

  if (self->titles->len == 0 || self->titles->len > KIOSK_ATTRACT_MAX_CARDS)
    {
      g_set_error (error, KIOSK_CONTENT_ERROR, KIOSK_CONTENT_ERROR_INVALID_PAGE,
                   "The waiting screen needs between 1 and %d cards (“## ” headings), not %u",
                   KIOSK_ATTRACT_MAX_CARDS, self->titles->len);
      return NULL;
    }

  return g_steal_pointer (&self);
}

guint
kiosk_attract_get_n_cards (KioskAttract *self)
{
  g_return_val_if_fail (KIOSK_IS_ATTRACT (self), 0);

  return self->titles->len;
}

const char *
kiosk_attract_get_card_title (KioskAttract *self,
                              guint         index)
{
  g_return_val_if_fail (KIOSK_IS_ATTRACT (self), NULL);
  g_return_val_if_fail (index < self->titles->len, NULL);

  return g_ptr_array_index (self->titles, index);
}

const char *
kiosk_attract_get_card_text (KioskAttract *self,
                             guint         index)
{
  g_return_val_if_fail (KIOSK_IS_ATTRACT (self), NULL);
  g_return_val_if_fail (index < self->texts->len, NULL);

  return g_ptr_array_index (self->texts, index);
}

guint
kiosk_attract_get_seconds (KioskAttract *self)
{
  g_return_val_if_fail (KIOSK_IS_ATTRACT (self), 0);

  return self->seconds;
}

static void
kiosk_attract_finalize (GObject *object)
{
  KioskAttract *self = (KioskAttract *)object;

  g_clear_pointer (&self->titles, g_ptr_array_unref);
  g_clear_pointer (&self->texts, g_ptr_array_unref);

  G_OBJECT_CLASS (kiosk_attract_parent_class)->finalize (object);
}

static void
kiosk_attract_class_init (KioskAttractClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kiosk_attract_finalize;
}

static void
kiosk_attract_init (KioskAttract *self)
{
  self->titles = g_ptr_array_new_with_free_func (g_free);
  self->texts = g_ptr_array_new_with_free_func (g_free);
}
