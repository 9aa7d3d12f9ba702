/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The waiting screen's loop: short cards from the content pack, one every few seconds with a
 * cross-fade, for a set time after a visitor's reset. Two card slots take turns, so a change is
 * one fade between two finished layouts. When the time is up (or the view is hidden) the loop
 * stops and no timer is left running: the dimmed start screen costs nothing.
 */

#include "config.h"

#include "kiosk-attract-view.h"
#include "kiosk-widget-util.h"

struct _KioskAttractView
{
  GtkWidget     parent_instance;

  /* Template widgets */
  GtkStack     *stack;
  GtkLabel     *text_a;
  GtkLabel     *text_b;
  GtkLabel     *title_a;
  GtkLabel     *title_b;

  KioskAttract *attract;
  guint         card;
  guint         timeout_id;
  gint64        ends_at;     /* monotonic time at which the loop stops */
};

G_DEFINE_FINAL_TYPE (KioskAttractView, kiosk_attract_view, GTK_TYPE_WIDGET)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Fills the slot that is not showing and fades to it. */
static void
kiosk_attract_view_show_card (KioskAttractView *self,
                              guint             card)
{
  gboolean to_a = !g_str_equal (gtk_stack_get_visible_child_name (self->stack), "a");

  self->card = card;
  gtk_label_set_label (to_a ? self->title_a : self->title_b,
                       kiosk_attract_get_card_title (self->attract, card));
  gtk_label_set_label (to_a ? self->text_a : self->text_b,
                       kiosk_attract_get_card_text (self->attract, card));
  gtk_stack_set_visible_child_name (self->stack, to_a ? "a" : "b");
}

static gboolean
next_card_cb (gpointer data)
{
  KioskAttractView *self = data;

  if (g_get_monotonic_time () >= self->ends_at)
    {
      self->timeout_id = 0;
      g_signal_emit (self, signals[FINISHED], 0);
      return G_SOURCE_REMOVE;
    }

  kiosk_attract_view_show_card (self, (self->card + 1) % kiosk_attract_get_n_cards (self->attract));

  return G_SOURCE_CONTINUE;
}

/**
 * kiosk_attract_view_start:
 * @duration_seconds: how long the loop runs before it stops by itself
 *
 * Shows the first card and changes card every few seconds (as the content pack says) until
 * @duration_seconds have passed; then emits #KioskAttractView::finished.
 */
void
kiosk_attract_view_start (KioskAttractView *self,
                          guint             duration_seconds)
{
  g_return_if_fail (KIOSK_IS_ATTRACT_VIEW (self));

  kiosk_attract_view_stop (self);
  if (self->attract == NULL || duration_seconds == 0)
    return;

  self->ends_at = g_get_monotonic_time () + (gint64)duration_seconds * G_USEC_PER_SEC;
  kiosk_attract_view_show_card (self, 0);
  self->timeout_id = g_timeout_add_seconds (kiosk_attract_get_seconds (self->attract),
                                            next_card_cb, self);
}

void
kiosk_attract_view_stop (KioskAttractView *self)
{
  g_return_if_fail (KIOSK_IS_ATTRACT_VIEW (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
}

gboolean
kiosk_attract_view_get_running (KioskAttractView *self)
{
  g_return_val_if_fail (KIOSK_IS_ATTRACT_VIEW (self), FALSE);

  return self->timeout_id != 0;
}

/**
 * kiosk_attract_view_get_card:
 *
 * Returns: the index of the card on screen
 */
guint
kiosk_attract_view_get_card (KioskAttractView *self)
{
  g_return_val_if_fail (KIOSK_IS_ATTRACT_VIEW (self), 0);

  return self->card;
}

/**
 * kiosk_attract_view_set_attract:
 * @attract: (nullable): the cards, in the language the waiting screen uses
 */
void
kiosk_attract_view_set_attract (KioskAttractView *self,
                                KioskAttract     *attract)
{
  g_return_if_fail (KIOSK_IS_ATTRACT_VIEW (self));

  kiosk_attract_view_stop (self);
  g_set_object (&self->attract, attract);
}

static void
kiosk_attract_view_unmap (GtkWidget *widget)
{
  kiosk_attract_view_stop (KIOSK_ATTRACT_VIEW (widget));

  GTK_WIDGET_CLASS (kiosk_attract_view_parent_class)->unmap (widget);
}

static void
kiosk_attract_view_dispose (GObject *object)
{
  KioskAttractView *self = (KioskAttractView *)object;

  kiosk_attract_view_stop (self);
  g_clear_object (&self->attract);
  kiosk_widget_dispose_template (GTK_WIDGET (self), KIOSK_TYPE_ATTRACT_VIEW);

  G_OBJECT_CLASS (kiosk_attract_view_parent_class)->dispose (object);
}

static void
kiosk_attract_view_class_init (KioskAttractViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_attract_view_dispose;
  widget_class->unmap = kiosk_attract_view_unmap;

  /**
   * KioskAttractView::finished:
   *
   * Emitted when the loop's time is up; no timer runs after it.
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kiosk-attract-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskAttractView, stack);
  gtk_widget_class_bind_template_child (widget_class, KioskAttractView, text_a);
  gtk_widget_class_bind_template_child (widget_class, KioskAttractView, text_b);
  gtk_widget_class_bind_template_child (widget_class, KioskAttractView, title_a);
  gtk_widget_class_bind_template_child (widget_class, KioskAttractView, title_b);
}

static void
kiosk_attract_view_init (KioskAttractView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kiosk_attract_view_new (void)
{
  return g_object_new (KIOSK_TYPE_ATTRACT_VIEW, NULL);
}
