/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * "Should I book?": three yes/no questions and two endings, from one content page so the clinic
 * can review every word. The page has a title and an introduction, then three level-2 sections:
 * the questions (a list of exactly three items), the "book a consultation" ending and the
 * "habits that help" ending. The answers are never stored: kiosk_check_decide() only picks the
 * ending.
 */

#include "config.h"

#include "kiosk-check.h"
#include "kiosk-content-pack.h"

enum { SECTION_QUESTIONS, SECTION_BOOK, SECTION_HABITS, N_SECTIONS };

struct _KioskCheck
{
  GObject        parent_instance;

  KioskDocument *document;
  char          *topic;
  const char    *questions[KIOSK_CHECK_N_QUESTIONS];
  guint          sections[N_SECTIONS];  /* the index of each section's heading */
  KioskDocument *book;
  KioskDocument *habits;
};

G_DEFINE_FINAL_TYPE (KioskCheck, kiosk_check, G_TYPE_OBJECT)

static gboolean
fail (GError     **error,
      const char  *message)
{
  g_set_error (error, KIOSK_CONTENT_ERROR, KIOSK_CONTENT_ERROR_INVALID_PAGE,
               "The “Should I book?” page %s", message);

  return FALSE;
}

static gboolean
find_sections (KioskCheck  *self,
               GError     **error)
{
  guint found = 0;

  for (guint i = 0; i < kiosk_document_get_n_blocks (self->document); i++)
    {
      const KioskBlock *block = kiosk_document_get_block (self->document, i);

      if (kiosk_block_get_kind (block) != KIOSK_BLOCK_HEADING || kiosk_block_get_level (block) != 2)
        continue;
      if (found == N_SECTIONS)
        return fail (error, "has more than three “## ” sections");
      self->sections[found++] = i;
    }

  return found == N_SECTIONS || fail (error, "needs three “## ” sections: the questions, "
                                             "the booking ending and the habits ending");
}

/* The questions are the items of the one list in the first section. */
static gboolean
find_questions (KioskCheck  *self,
                GError     **error)
{
  guint end = kiosk_document_get_section_end (self->document, self->sections[SECTION_QUESTIONS]);

  for (guint i = self->sections[SECTION_QUESTIONS] + 1; i < end; i++)
    {
      const KioskBlock *list = kiosk_document_get_block (self->document, i);

      if (kiosk_block_get_kind (list) != KIOSK_BLOCK_LIST)
        continue;
      if (kiosk_block_get_n_children (list) != KIOSK_CHECK_N_QUESTIONS)
        return fail (error, "needs exactly three questions");
      for (guint q = 0; q < KIOSK_CHECK_N_QUESTIONS; q++)
        {
          self->questions[q] = kiosk_block_get_text (kiosk_block_get_child (list, q));
          if (self->questions[q] == NULL || *self->questions[q] == '\0')
            return fail (error, "has an empty question");
        }
      return TRUE;
    }

  return fail (error, "needs its questions as a list under the first “## ” heading");
}

/**
 * kiosk_check_new_from_document:
 * @topic: (nullable): the topic the callback form is pre-filled with at the "book" ending
 *
 * Returns: (transfer full): the check, or %NULL with a %KIOSK_CONTENT_ERROR_INVALID_PAGE error
 */
KioskCheck *
kiosk_check_new_from_document (KioskDocument  *document,
                               const char     *topic,
                               GError        **error)
{
  g_autoptr(KioskCheck) self = g_object_new (KIOSK_TYPE_CHECK, NULL);

  g_return_val_if_fail (KIOSK_IS_DOCUMENT (document), NULL);

  self->document = g_object_ref (document);
  self->topic = g_strdup (topic);
  if (!find_sections (self, error) || !find_questions (self, error))
    return NULL;

  for (guint s = SECTION_BOOK; s < N_SECTIONS; s++)
    {
      if (kiosk_document_get_section_end (document, self->sections[s]) == self->sections[s] + 1)
        {
          fail (error, "has an ending with no text");
          return NULL;
        }
    }

  self->book = kiosk_document_new_from_section (document, self->sections[SECTION_BOOK]);
  self->habits = kiosk_document_new_from_section (document, self->sections[SECTION_HABITS]);

  return g_steal_pointer (&self);
}

const char *
kiosk_check_get_title (KioskCheck *self)
{
  g_return_val_if_fail (KIOSK_IS_CHECK (self), NULL);

  return kiosk_document_get_title (self->document);
}

/**
 * kiosk_check_get_intro:
 *
 * Returns: (nullable): the paragraph under the title
 */
const char *
kiosk_check_get_intro (KioskCheck *self)
{
  g_return_val_if_fail (KIOSK_IS_CHECK (self), NULL);

  return kiosk_document_get_summary (self->document);
}

const char *
kiosk_check_get_question (KioskCheck *self,
                          guint       index)
{
  g_return_val_if_fail (KIOSK_IS_CHECK (self), NULL);
  g_return_val_if_fail (index < KIOSK_CHECK_N_QUESTIONS, NULL);

  return self->questions[index];
}

/**
 * kiosk_check_get_topic:
 *
 * Returns: (nullable): the topic id the callback form is pre-filled with
 */
const char *
kiosk_check_get_topic (KioskCheck *self)
{
  g_return_val_if_fail (KIOSK_IS_CHECK (self), NULL);

  return self->topic;
}

const char *
kiosk_check_get_ending_title (KioskCheck       *self,
                              KioskCheckEnding  ending)
{
  g_return_val_if_fail (KIOSK_IS_CHECK (self), NULL);

  return kiosk_document_get_title (kiosk_check_get_ending (self, ending));
}

KioskDocument *
kiosk_check_get_document (KioskCheck *self)
{
  g_return_val_if_fail (KIOSK_IS_CHECK (self), NULL);

  return self->document;
}

/**
 * kiosk_check_get_ending:
 *
 * Returns: (transfer none): the ending as a page of its own, its heading as the title
 */
KioskDocument *
kiosk_check_get_ending (KioskCheck       *self,
                        KioskCheckEnding  ending)
{
  g_return_val_if_fail (KIOSK_IS_CHECK (self), NULL);

  return ending == KIOSK_CHECK_ENDING_BOOK ? self->book : self->habits;
}

/**
 * kiosk_check_decide:
 * @answers: (array fixed-size=3): the patient's answers, %TRUE for yes
 *
 * Returns: %KIOSK_CHECK_ENDING_BOOK if any answer is yes, else %KIOSK_CHECK_ENDING_HABITS
 */
KioskCheckEnding
kiosk_check_decide (const gboolean *answers)
{
  g_return_val_if_fail (answers != NULL, KIOSK_CHECK_ENDING_BOOK);

  for (guint q = 0; q < KIOSK_CHECK_N_QUESTIONS; q++)
    {
      if (answers[q])
        return KIOSK_CHECK_ENDING_BOOK;
    }

  return KIOSK_CHECK_ENDING_HABITS;
}

static void
kiosk_check_finalize (GObject *object)
{
  KioskCheck *self = (KioskCheck *)object;

  g_clear_object (&self->document);
  g_clear_object (&self->book);
  g_clear_object (&self->habits);
  g_clear_pointer (&self->topic, g_free);

  G_OBJECT_CLASS (kiosk_check_parent_class)->finalize (object);
}

static void
kiosk_check_class_init (KioskCheckClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kiosk_check_finalize;
}

static void
kiosk_check_init (KioskCheck *self)
{
}
