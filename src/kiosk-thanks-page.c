/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Shown once a request is committed. It never shows the name, and of the phone number at most
 * the last two digits; it goes back to the start by itself after a short while.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-booking-card.h"
#include "kiosk-listen-button.h"
#include "kiosk-thanks-page.h"
#include "kiosk-widget-util.h"

struct _KioskThanksPage
{
  GtkWidget  parent_instance;

  /* Template widgets */
  KioskBookingCard *booking_card;
  GtkButton *home_button;
  KioskListenButton *listen_button;
  GtkLabel  *message_label;

  guint      timeout_id;
};

G_DEFINE_FINAL_TYPE (KioskThanksPage, kiosk_thanks_page, GTK_TYPE_WIDGET)

static gboolean
go_home_cb (gpointer data)
{
  KioskThanksPage *self = data;

  self->timeout_id = 0;
  /* Nobody touched the screen since saving: the visitor has gone, so start over for the next. */
  gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.reset", NULL);

  return G_SOURCE_REMOVE;
}

/* The timer only runs while the page shows, so an idle kiosk has no wake-ups. */
static void
kiosk_thanks_page_map (GtkWidget *widget)
{
  KioskThanksPage *self = KIOSK_THANKS_PAGE (widget);

  GTK_WIDGET_CLASS (kiosk_thanks_page_parent_class)->map (widget);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add_seconds (KIOSK_THANKS_PAGE_TIMEOUT_SECONDS, go_home_cb, self);
  gtk_widget_grab_focus (GTK_WIDGET (self->home_button));
}

static void
kiosk_thanks_page_unmap (GtkWidget *widget)
{
  KioskThanksPage *self = KIOSK_THANKS_PAGE (widget);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  kiosk_thanks_page_reset (self);

  GTK_WIDGET_CLASS (kiosk_thanks_page_parent_class)->unmap (widget);
}

static void
kiosk_thanks_page_dispose (GObject *object)
{
  KioskThanksPage *self = (KioskThanksPage *)object;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  kiosk_widget_dispose_template (GTK_WIDGET (self), KIOSK_TYPE_THANKS_PAGE);

  G_OBJECT_CLASS (kiosk_thanks_page_parent_class)->dispose (object);
}

static void
kiosk_thanks_page_class_init (KioskThanksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_thanks_page_dispose;
  widget_class->map = kiosk_thanks_page_map;
  widget_class->unmap = kiosk_thanks_page_unmap;

  g_type_ensure (KIOSK_TYPE_BOOKING_CARD);
  g_type_ensure (KIOSK_TYPE_LISTEN_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kiosk-thanks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskThanksPage, booking_card);
  gtk_widget_class_bind_template_child (widget_class, KioskThanksPage, home_button);
  gtk_widget_class_bind_template_child (widget_class, KioskThanksPage, listen_button);
  gtk_widget_class_bind_template_child (widget_class, KioskThanksPage, message_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kioskthankspage");
}

static void
kiosk_thanks_page_init (KioskThanksPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kiosk_thanks_page_new (void)
{
  return g_object_new (KIOSK_TYPE_THANKS_PAGE, NULL);
}

void
kiosk_thanks_page_set_request (KioskThanksPage *self,
                               KioskRequest    *request)
{
  g_autofree char *masked = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (KIOSK_IS_THANKS_PAGE (self));
  g_return_if_fail (KIOSK_IS_REQUEST (request));

  masked = kiosk_request_mask_phone (kiosk_request_get_phone (request));
  /* Translators: %s is the phone number with all but its last two digits hidden,
   * like "•••• •• 34". */
  message = g_strdup_printf (_("Your request has been saved. The clinic will call you at %s."),
                             masked);
  gtk_label_set_label (self->message_label, message);
  /* Read aloud without the number: the digits are the patient's, and others may hear. */
  kiosk_listen_button_set_lines (self->listen_button, (const char * const[]) {
                                   _("Thank you"),
                                   _("Your request has been saved. The clinic will call you."),
                                   NULL });
}

const char *
kiosk_thanks_page_get_message (KioskThanksPage *self)
{
  g_return_val_if_fail (KIOSK_IS_THANKS_PAGE (self), NULL);

  return gtk_label_get_label (self->message_label);
}

void
kiosk_thanks_page_reset (KioskThanksPage *self)
{
  g_return_if_fail (KIOSK_IS_THANKS_PAGE (self));

  gtk_label_set_label (self->message_label, "");
}

/**
 * kiosk_thanks_page_show_booking:
 * @settings: the kiosk's settings
 * @language: the language of the page, for the clinic's opening hours
 *
 * Shows how to book a consultation under the message: the clinic's phone, its opening hours
 * and how soon it calls back, as far as they are set.
 */
void
kiosk_thanks_page_show_booking (KioskThanksPage *self,
                                GSettings       *settings,
                                const char      *language)
{
  g_return_if_fail (KIOSK_IS_THANKS_PAGE (self));

  kiosk_booking_card_set_settings (self->booking_card, settings, language);
}
