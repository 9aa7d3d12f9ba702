/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * How to book a consultation: the clinic's phone, its opening hours and how soon it calls back,
 * each from a setting. A row whose setting is empty is not shown, and the card shows only when
 * it has a row.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-booking-card.h"
#include "kiosk-widget-util.h"

struct _KioskBookingCard
{
  GtkWidget  parent_instance;

  /* Template widgets */
  GtkLabel  *callback_label;
  GtkGrid   *callback_row;
  GtkLabel  *hours_label;
  GtkGrid   *hours_row;
  GtkLabel  *phone_label;
  GtkGrid   *phone_row;

  GSettings *settings;
  char      *language;
  gboolean   request_sent;
};

G_DEFINE_FINAL_TYPE (KioskBookingCard, kiosk_booking_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REQUEST_SENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
set_row (GtkGrid    *row,
         GtkLabel   *label,
         const char *text)
{
  gboolean shown = text != NULL && *text != '\0';

  gtk_label_set_label (label, shown ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (row), shown);

  return shown;
}

static char *
dup_phone_text (KioskBookingCard *self)
{
  g_autofree char *phone = g_settings_get_string (self->settings, "clinic-phone");

  if (*g_strstrip (phone) == '\0')
    return NULL;

  /* Translators: %s is the clinic's phone number. */
  return g_strdup_printf (_("Call the clinic: %s"), phone);
}

/* The hours are the clinic's own words, one text per language. */
static char *
dup_hours_text (KioskBookingCard *self)
{
  g_autoptr(GVariant) hours = g_settings_get_value (self->settings, "opening-hours");
  g_autofree char *text = NULL;

  if (self->language == NULL || !g_variant_lookup (hours, self->language, "s", &text))
    return NULL;
  if (*g_strstrip (text) == '\0')
    return NULL;

  /* Translators: %s is the clinic's opening hours as the clinic wrote them, such as
   * "Monday to Friday, 7 am to 5 pm". */
  return g_strdup_printf (_("Opening hours: %s"), text);
}

static char *
dup_callback_text (KioskBookingCard *self)
{
  guint days = g_settings_get_uint (self->settings, "callback-within-days");

  if (days == 0)
    return NULL;

  /* After the form, the patient has left a number already. */
  if (self->request_sent)
    return g_strdup_printf (ngettext ("The clinic calls you back within %u working day.",
                                      "The clinic calls you back within %u working days.",
                                      days),
                            days);

  return g_strdup_printf (ngettext ("If you leave your number, the clinic calls you back within "
                                    "%u working day.",
                                    "If you leave your number, the clinic calls you back within "
                                    "%u working days.",
                                    days),
                          days);
}

static void
kiosk_booking_card_update (KioskBookingCard *self)
{
  g_autofree char *phone = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *callback = NULL;
  gboolean any = FALSE;

  if (self->settings != NULL)
    {
      phone = dup_phone_text (self);
      hours = dup_hours_text (self);
      callback = dup_callback_text (self);
    }

  any |= set_row (self->phone_row, self->phone_label, phone);
  any |= set_row (self->hours_row, self->hours_label, hours);
  any |= set_row (self->callback_row, self->callback_label, callback);
  gtk_widget_set_visible (GTK_WIDGET (self), any);
}

static void
kiosk_booking_card_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KioskBookingCard *self = KIOSK_BOOKING_CARD (object);

  switch (prop_id)
    {
    case PROP_REQUEST_SENT:
      g_value_set_boolean (value, self->request_sent);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_booking_card_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KioskBookingCard *self = KIOSK_BOOKING_CARD (object);

  switch (prop_id)
    {
    case PROP_REQUEST_SENT:
      self->request_sent = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_booking_card_dispose (GObject *object)
{
  KioskBookingCard *self = (KioskBookingCard *)object;

  kiosk_widget_dispose_template (GTK_WIDGET (self), KIOSK_TYPE_BOOKING_CARD);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kiosk_booking_card_parent_class)->dispose (object);
}

static void
kiosk_booking_card_finalize (GObject *object)
{
  KioskBookingCard *self = (KioskBookingCard *)object;

  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (kiosk_booking_card_parent_class)->finalize (object);
}

static void
kiosk_booking_card_class_init (KioskBookingCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = kiosk_booking_card_get_property;
  object_class->set_property = kiosk_booking_card_set_property;
  object_class->dispose = kiosk_booking_card_dispose;
  object_class->finalize = kiosk_booking_card_finalize;

  /**
   * KioskBookingCard:request-sent:
   *
   * Whether the card follows a callback request just sent: it then says when the clinic calls
   * back rather than inviting the patient to leave a number.
   */
  properties[PROP_REQUEST_SENT] =
    g_param_spec_boolean ("request-sent", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kiosk-booking-card.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskBookingCard, callback_label);
  gtk_widget_class_bind_template_child (widget_class, KioskBookingCard, callback_row);
  gtk_widget_class_bind_template_child (widget_class, KioskBookingCard, hours_label);
  gtk_widget_class_bind_template_child (widget_class, KioskBookingCard, hours_row);
  gtk_widget_class_bind_template_child (widget_class, KioskBookingCard, phone_label);
  gtk_widget_class_bind_template_child (widget_class, KioskBookingCard, phone_row);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kioskbookingcard");
}

static void
kiosk_booking_card_init (KioskBookingCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kiosk_booking_card_new (void)
{
  return g_object_new (KIOSK_TYPE_BOOKING_CARD, NULL);
}

/**
 * kiosk_booking_card_set_settings:
 * @settings: the kiosk's settings
 * @language: the language the card is shown in, for the clinic's opening hours
 *
 * Fills the card from @settings, and again whenever one of its settings changes.
 */
void
kiosk_booking_card_set_settings (KioskBookingCard *self,
                                 GSettings        *settings,
                                 const char       *language)
{
  const char * const keys[] = { "changed::clinic-phone", "changed::opening-hours",
                                "changed::callback-within-days" };

  g_return_if_fail (KIOSK_IS_BOOKING_CARD (self));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (self->settings == NULL);

  self->settings = g_object_ref (settings);
  self->language = g_strdup (language);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_signal_connect_object (settings, keys[i], G_CALLBACK (kiosk_booking_card_update), self,
                             G_CONNECT_SWAPPED);
  kiosk_booking_card_update (self);
}
