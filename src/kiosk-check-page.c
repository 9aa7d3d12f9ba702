/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * "Should I book?": the seed's three warning signs as three large yes/no questions, then one of
 * two endings from the content pack. Any "yes" ends on "Book a consultation" with a way into the
 * callback form, the topic pre-filled; all "no" ends on the habits that help. The answers live in
 * this widget only: never stored, never counted, wiped by the reset and when the page is left.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kiosk-check-page.h"
#include "kiosk-document-view.h"
#include "kiosk-listen-button.h"
#include "kiosk-widget-util.h"

struct _KioskCheckPage
{
  GtkWidget          parent_instance;

  /* Template widgets */
  KioskDocumentView *ending_view;
  KioskListenButton *ending_listen;
  GtkLabel          *intro_label;
  GtkLevelBar       *progress_bar;
  GtkLabel          *progress_label;
  KioskListenButton *question_listen;
  GtkLabel          *question_label;
  GtkBox            *ending_box;
  GtkBox            *questions_box;
  GtkScrolledWindow *scroller;
  GtkLabel          *title_label;

  KioskCheck        *check;
  char              *language;
  guint              question;
  gboolean           answers[KIOSK_CHECK_N_QUESTIONS];
  gboolean           finished;
};

G_DEFINE_FINAL_TYPE (KioskCheckPage, kiosk_check_page, GTK_TYPE_WIDGET)

enum {
  BOOK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
kiosk_check_page_show_question (KioskCheckPage *self)
{
  const char *question = kiosk_check_get_question (self->check, self->question);
  const char *intro = kiosk_check_get_intro (self->check);
  g_autofree char *progress = NULL;
  const char *lines[3] = { NULL, NULL, NULL };
  guint n = 0;

  /* Translators: the progress through the three questions of "Should I book?". */
  progress = g_strdup_printf (_("Question %u of %u"), self->question + 1,
                              (guint)KIOSK_CHECK_N_QUESTIONS);
  gtk_label_set_label (self->progress_label, progress);
  gtk_level_bar_set_value (self->progress_bar, self->question + 1);
  gtk_label_set_label (self->question_label, question);
  gtk_widget_set_visible (GTK_WIDGET (self->intro_label), self->question == 0 && intro != NULL);

  if (self->question == 0 && intro != NULL)
    lines[n++] = intro;
  lines[n] = question;
  kiosk_listen_button_set_lines (self->question_listen, lines);

  self->finished = FALSE;
  gtk_label_set_label (self->title_label, kiosk_check_get_title (self->check));
  gtk_widget_set_visible (GTK_WIDGET (self->ending_box), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->questions_box), TRUE);
  kiosk_scrolled_window_scroll_to_top (self->scroller);
}

static void
kiosk_check_page_show_ending (KioskCheckPage *self)
{
  KioskCheckEnding ending = kiosk_check_decide (self->answers);
  KioskDocument *document = kiosk_check_get_ending (self->check, ending);

  /* The ending's heading becomes the page's title; the view shows what follows it. */
  gtk_label_set_label (self->title_label, kiosk_document_get_title (document));
  kiosk_document_view_set_document (self->ending_view, document);
  kiosk_listen_button_set_document (self->ending_listen, document);

  self->finished = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->questions_box), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->ending_box), TRUE);
  kiosk_scrolled_window_scroll_to_top (self->scroller);
}

static void
answer_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KioskCheckPage *self = KIOSK_CHECK_PAGE (widget);

  if (self->finished)
    return;

  self->answers[self->question] = g_variant_get_boolean (parameter);
  if (++self->question < KIOSK_CHECK_N_QUESTIONS)
    kiosk_check_page_show_question (self);
  else
    kiosk_check_page_show_ending (self);
}

static void
book_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KioskCheckPage *self = KIOSK_CHECK_PAGE (widget);

  g_signal_emit (self, signals[BOOK], 0, kiosk_check_get_topic (self->check));
}

static void
restart_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  kiosk_check_page_reset (KIOSK_CHECK_PAGE (widget));
}

/**
 * kiosk_check_page_go_back:
 *
 * The header's Back inside the check: one question back (the answer is asked again).
 *
 * Returns: %TRUE if the page went back, %FALSE on the first question (leave the page)
 */
gboolean
kiosk_check_page_go_back (KioskCheckPage *self)
{
  g_return_val_if_fail (KIOSK_IS_CHECK_PAGE (self), FALSE);

  if (!self->finished && self->question == 0)
    return FALSE;

  /* From an ending, the last question is asked again. */
  self->question = self->finished ? KIOSK_CHECK_N_QUESTIONS - 1 : self->question - 1;
  kiosk_check_page_show_question (self);

  return TRUE;
}

/**
 * kiosk_check_page_reset:
 *
 * Forgets the answers and goes back to the first question.
 */
void
kiosk_check_page_reset (KioskCheckPage *self)
{
  g_return_if_fail (KIOSK_IS_CHECK_PAGE (self));

  memset (self->answers, 0, sizeof self->answers);
  self->question = 0;
  kiosk_document_view_set_document (self->ending_view, NULL);
  kiosk_check_page_show_question (self);
}

KioskCheck *
kiosk_check_page_get_check (KioskCheckPage *self)
{
  g_return_val_if_fail (KIOSK_IS_CHECK_PAGE (self), NULL);

  return self->check;
}

/**
 * kiosk_check_page_get_question:
 *
 * Returns: the index of the question on screen
 */
guint
kiosk_check_page_get_question (KioskCheckPage *self)
{
  g_return_val_if_fail (KIOSK_IS_CHECK_PAGE (self), 0);

  return self->question;
}

/**
 * kiosk_check_page_get_finished:
 *
 * Returns: whether an ending shows
 */
gboolean
kiosk_check_page_get_finished (KioskCheckPage *self)
{
  g_return_val_if_fail (KIOSK_IS_CHECK_PAGE (self), FALSE);

  return self->finished;
}

/* Leaving the page, in any way, forgets the answers. */
static void
kiosk_check_page_unmap (GtkWidget *widget)
{
  kiosk_check_page_reset (KIOSK_CHECK_PAGE (widget));

  GTK_WIDGET_CLASS (kiosk_check_page_parent_class)->unmap (widget);
}

static void
kiosk_check_page_dispose (GObject *object)
{
  KioskCheckPage *self = (KioskCheckPage *)object;

  kiosk_widget_dispose_template (GTK_WIDGET (self), KIOSK_TYPE_CHECK_PAGE);
  g_clear_object (&self->check);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (kiosk_check_page_parent_class)->dispose (object);
}

static void
kiosk_check_page_class_init (KioskCheckPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_check_page_dispose;
  widget_class->unmap = kiosk_check_page_unmap;

  /**
   * KioskCheckPage::book:
   * @topic: (nullable): the topic id the callback form should be about
   *
   * Emitted when the patient asks to be called back from an ending.
   */
  signals[BOOK] =
    g_signal_new ("book", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "check.answer", "b", answer_action);
  gtk_widget_class_install_action (widget_class, "check.book", NULL, book_action);
  gtk_widget_class_install_action (widget_class, "check.restart", NULL, restart_action);

  g_type_ensure (KIOSK_TYPE_DOCUMENT_VIEW);
  g_type_ensure (KIOSK_TYPE_LISTEN_BUTTON);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kiosk-check-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskCheckPage, ending_box);
  gtk_widget_class_bind_template_child (widget_class, KioskCheckPage, ending_view);
  gtk_widget_class_bind_template_child (widget_class, KioskCheckPage, ending_listen);
  gtk_widget_class_bind_template_child (widget_class, KioskCheckPage, intro_label);
  gtk_widget_class_bind_template_child (widget_class, KioskCheckPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, KioskCheckPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, KioskCheckPage, question_listen);
  gtk_widget_class_bind_template_child (widget_class, KioskCheckPage, question_label);
  gtk_widget_class_bind_template_child (widget_class, KioskCheckPage, questions_box);
  gtk_widget_class_bind_template_child (widget_class, KioskCheckPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, KioskCheckPage, title_label);
}

static void
kiosk_check_page_init (KioskCheckPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kiosk_check_page_new:
 * @language: the content's language, for reading aloud
 *
 * Returns: (transfer floating): the page, on its first question
 */
GtkWidget *
kiosk_check_page_new (KioskCheck *check,
                      const char *language)
{
  KioskCheckPage *self;

  g_return_val_if_fail (KIOSK_IS_CHECK (check), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  self = g_object_new (KIOSK_TYPE_CHECK_PAGE, NULL);
  self->check = g_object_ref (check);
  self->language = g_strdup (language);
  gtk_label_set_label (self->intro_label, kiosk_check_get_intro (check));
  kiosk_listen_button_set_language (self->question_listen, language);
  kiosk_listen_button_set_language (self->ending_listen, language);
  kiosk_check_page_reset (self);

  return GTK_WIDGET (self);
}
