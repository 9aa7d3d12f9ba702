/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-booking-card.h"
#include "kiosk-document-view.h"
#include "kiosk-illustration.h"
#include "kiosk-qr-code.h"
#include "kiosk-take-home.h"
#include "kiosk-listen-button.h"
#include "kiosk-topic-page.h"
#include "kiosk-widget-util.h"

#define DOCUMENT_VIEW  "document"
#define TAKE_HOME_VIEW "take-home"

/* The side of the QR code, quiet zone included, that the module size aims at, as a share of the
 * screen's shorter side: large enough for a phone held at arm's length, small enough to fit
 * beside its explanation on a landscape screen (480 px at 1280×800), or above it on a portrait
 * one, which has room for a larger code. */
#define QR_SCREEN_SHARE 0.6

struct _KioskTopicPage
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkBox            *action_bar;
  KioskBookingCard  *booking_card;
  GtkButton         *check_button;
  GtkButton         *callback_button;
  KioskDocumentView *document_view;
  KioskListenButton *listen_button;
  GtkButton         *hide_button;
  GtkImage          *icon;
  GtkBox            *more_cue;
  GtkPicture        *qr_picture;
  GtkScrolledWindow *scroller;
  GtkStack          *stack;
  GtkButton         *take_home_button;
  GtkGrid           *take_home_card;
  GtkWidget         *take_home_text;
  GtkLabel          *title_label;

  KioskTopic        *topic;
  GSettings         *settings;
};

G_DEFINE_FINAL_TYPE (KioskTopicPage, kiosk_topic_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TOPIC,
  PROP_SETTINGS,
  PROP_TAKE_HOME_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kiosk_topic_page_place_take_home_text (KioskTopicPage *self,
                                       gboolean        portrait)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self->take_home_card));
  GtkGridLayoutChild *child =
    GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (layout, self->take_home_text));

  gtk_grid_layout_child_set_column (child, portrait ? 0 : 1);
  gtk_grid_layout_child_set_row (child, portrait ? 1 : 0);
}

/* Puts the code beside its explanation, or above it on a portrait screen. This is decided
 * each time the code is shown rather than on every resize: a kiosk's screen keeps its shape.
 *
 * Returns: the size the code should have */
static guint
kiosk_topic_page_arrange_card (KioskTopicPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  /* The window, because a page that is still being switched to has no size yet. */
  GtkWidget *screen = root != NULL ? GTK_WIDGET (root) : GTK_WIDGET (self);
  int width = gtk_widget_get_width (screen);
  int height = gtk_widget_get_height (screen);
  gboolean portrait = height > width;

  kiosk_topic_page_place_take_home_text (self, portrait);

  return (guint) (MIN (width, height) * QR_SCREEN_SHARE);
}

/* Draws the page's take-home code into the picture, with the clinic's details as they are
 * set now. */
static gboolean
kiosk_topic_page_render_code (KioskTopicPage  *self,
                              GError         **error)
{
  g_autofree char *text = kiosk_topic_page_dup_take_home_text (self);
  g_autoptr(KioskQrMatrix) matrix = kiosk_qr_matrix_new (text, error);
  g_autoptr(GdkTexture) texture = NULL;
  guint size;

  if (matrix == NULL)
    return FALSE;

  size = kiosk_topic_page_arrange_card (self);
  texture = kiosk_qr_code_render (matrix, kiosk_qr_code_get_module_size (matrix, size));
  gtk_picture_set_paintable (self->qr_picture, GDK_PAINTABLE (texture));
  /* A screen reader reads out what the code holds. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->qr_picture),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);

  return TRUE;
}

static void
kiosk_topic_page_clear_code (KioskTopicPage *self)
{
  gtk_picture_set_paintable (self->qr_picture, NULL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->qr_picture),
                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
kiosk_topic_page_switch_view (KioskTopicPage         *self,
                              gboolean                take_home,
                              GtkStackTransitionType  transition)
{
  g_autoptr(GError) error = NULL;

  take_home = !!take_home;
  if (take_home == kiosk_topic_page_get_take_home_visible (self))
    return;

  if (take_home && !kiosk_topic_page_render_code (self, &error))
    {
      g_warning ("Could not make the take-home code for “%s”: %s",
                 kiosk_topic_get_id (self->topic), error->message);
      return;
    }

  /* When hidden, the code stays in the picture until the fade is over; showing it again makes
   * a new one, and a reset drops it. */
  gtk_stack_set_visible_child_full (self->stack, take_home ? TAKE_HOME_VIEW : DOCUMENT_VIEW,
                                    transition);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAKE_HOME_VISIBLE]);
}

static void
show_take_home_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KioskTopicPage *self = KIOSK_TOPIC_PAGE (widget);

  kiosk_topic_page_set_take_home_visible (self, TRUE);
  if (kiosk_topic_page_get_take_home_visible (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->hide_button));
}

static void
hide_take_home_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KioskTopicPage *self = KIOSK_TOPIC_PAGE (widget);

  kiosk_topic_page_set_take_home_visible (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->take_home_button));
}

static void
kiosk_topic_page_constructed (GObject *object)
{
  KioskTopicPage *self = (KioskTopicPage *)object;

  G_OBJECT_CLASS (kiosk_topic_page_parent_class)->constructed (object);

  kiosk_illustration_describe (self->icon, kiosk_topic_get_icon_name (self->topic));
  gtk_label_set_label (self->title_label, kiosk_topic_get_title (self->topic));
  kiosk_document_view_set_document (self->document_view, kiosk_topic_get_document (self->topic));
  kiosk_listen_button_set_document (self->listen_button, kiosk_topic_get_document (self->topic));
}

static void
kiosk_topic_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KioskTopicPage *self = KIOSK_TOPIC_PAGE (object);

  switch (prop_id)
    {
    case PROP_TOPIC:
      g_value_set_object (value, self->topic);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_TAKE_HOME_VISIBLE:
      g_value_set_boolean (value, kiosk_topic_page_get_take_home_visible (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_topic_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KioskTopicPage *self = KIOSK_TOPIC_PAGE (object);

  switch (prop_id)
    {
    case PROP_TOPIC:
      self->topic = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_TAKE_HOME_VISIBLE:
      kiosk_topic_page_set_take_home_visible (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_topic_page_dispose (GObject *object)
{
  KioskTopicPage *self = (KioskTopicPage *)object;

  kiosk_widget_dispose_template (GTK_WIDGET (self), KIOSK_TYPE_TOPIC_PAGE);
  g_clear_object (&self->topic);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kiosk_topic_page_parent_class)->dispose (object);
}

static void
kiosk_topic_page_class_init (KioskTopicPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kiosk_topic_page_constructed;
  object_class->get_property = kiosk_topic_page_get_property;
  object_class->set_property = kiosk_topic_page_set_property;
  object_class->dispose = kiosk_topic_page_dispose;

  properties[PROP_TOPIC] =
    g_param_spec_object ("topic", NULL, NULL, KIOSK_TYPE_TOPIC,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * KioskTopicPage:settings:
   *
   * The kiosk's settings, for the clinic's name and phone number in the take-home code.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * KioskTopicPage:take-home-visible:
   *
   * Whether the page shows its "Take this home" QR code instead of its text.
   */
  properties[PROP_TAKE_HOME_VISIBLE] =
    g_param_spec_boolean ("take-home-visible", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KIOSK_TYPE_BOOKING_CARD);
  g_type_ensure (KIOSK_TYPE_DOCUMENT_VIEW);
  g_type_ensure (KIOSK_TYPE_LISTEN_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kiosk-topic-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskTopicPage, action_bar);
  gtk_widget_class_bind_template_child (widget_class, KioskTopicPage, booking_card);
  gtk_widget_class_bind_template_child (widget_class, KioskTopicPage, check_button);
  gtk_widget_class_bind_template_child (widget_class, KioskTopicPage, callback_button);
  gtk_widget_class_bind_template_child (widget_class, KioskTopicPage, document_view);
  gtk_widget_class_bind_template_child (widget_class, KioskTopicPage, listen_button);
  gtk_widget_class_bind_template_child (widget_class, KioskTopicPage, hide_button);
  gtk_widget_class_bind_template_child (widget_class, KioskTopicPage, icon);
  gtk_widget_class_bind_template_child (widget_class, KioskTopicPage, more_cue);
  gtk_widget_class_bind_template_child (widget_class, KioskTopicPage, qr_picture);
  gtk_widget_class_bind_template_child (widget_class, KioskTopicPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, KioskTopicPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KioskTopicPage, take_home_button);
  gtk_widget_class_bind_template_child (widget_class, KioskTopicPage, take_home_card);
  gtk_widget_class_bind_template_child (widget_class, KioskTopicPage, take_home_text);
  gtk_widget_class_bind_template_child (widget_class, KioskTopicPage, title_label);

  gtk_widget_class_install_action (widget_class, "topic.show-take-home", NULL,
                                   show_take_home_action);
  gtk_widget_class_install_action (widget_class, "topic.hide-take-home", NULL,
                                   hide_take_home_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kiosktopicpage");
}

/* The cue shows while there is more of the page below what the screen shows, and goes at the
 * bottom; it follows the scroll position and the page's length, with no timer. */
static void
kiosk_topic_page_update_more_cue (KioskTopicPage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double left = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment)
                - gtk_adjustment_get_value (adjustment);

  gtk_widget_set_visible (GTK_WIDGET (self->more_cue), left > 1.0);
}

static void
kiosk_topic_page_init (KioskTopicPage *self)
{
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));
  kiosk_scrolled_window_drag_to_scroll (self->scroller);

  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  g_signal_connect_object (adjustment, "value-changed",
                           G_CALLBACK (kiosk_topic_page_update_more_cue), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed",
                           G_CALLBACK (kiosk_topic_page_update_more_cue), self, G_CONNECT_SWAPPED);
}

/**
 * kiosk_topic_page_new:
 * @topic: the topic to show
 * @settings: the kiosk's settings (io.github.patientkiosk.PatientKiosk)
 *
 * Returns: (transfer floating): a page for @topic
 */
GtkWidget *
kiosk_topic_page_new (KioskTopic *topic,
                      GSettings  *settings)
{
  g_return_val_if_fail (KIOSK_IS_TOPIC (topic), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (KIOSK_TYPE_TOPIC_PAGE,
                       "topic", topic,
                       "settings", settings,
                       NULL);
}

KioskTopic *
kiosk_topic_page_get_topic (KioskTopicPage *self)
{
  g_return_val_if_fail (KIOSK_IS_TOPIC_PAGE (self), NULL);

  return self->topic;
}

const char *
kiosk_topic_page_get_title (KioskTopicPage *self)
{
  g_return_val_if_fail (KIOSK_IS_TOPIC_PAGE (self), NULL);

  return gtk_label_get_label (self->title_label);
}

gboolean
kiosk_topic_page_get_take_home_visible (KioskTopicPage *self)
{
  g_return_val_if_fail (KIOSK_IS_TOPIC_PAGE (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), TAKE_HOME_VIEW) == 0;
}

/**
 * kiosk_topic_page_set_take_home_visible:
 * @visible: %TRUE to show the QR code, %FALSE to show the page's text
 *
 * Shows the page's "Take this home" QR code in place of its text, or the text again. The code
 * is made each time it is shown, from the clinic's details at that moment. If it cannot be
 * made, a warning is logged and the text stays.
 */
void
kiosk_topic_page_set_take_home_visible (KioskTopicPage *self,
                                        gboolean        visible)
{
  g_return_if_fail (KIOSK_IS_TOPIC_PAGE (self));

  kiosk_topic_page_switch_view (self, visible, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
}

/**
 * kiosk_topic_page_dup_take_home_text:
 *
 * Returns: (transfer full): the text the page's QR code holds, with the clinic's name and
 *   phone number and the emergency number from the settings as they are now
 */
char *
kiosk_topic_page_dup_take_home_text (KioskTopicPage *self)
{
  g_autofree char *name = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *emergency = NULL;

  g_return_val_if_fail (KIOSK_IS_TOPIC_PAGE (self), NULL);

  name = g_settings_get_string (self->settings, "clinic-name");
  phone = g_settings_get_string (self->settings, "clinic-phone");
  emergency = g_settings_get_string (self->settings, "emergency-number");

  return kiosk_take_home_text_new (self->topic, name, phone, emergency);
}

/**
 * kiosk_topic_page_scroll_to_top:
 *
 * Returns the page to how a new visitor first sees it: the text from its top, with the
 * take-home code hidden. The window calls it whenever it shows the page.
 */
void
kiosk_topic_page_scroll_to_top (KioskTopicPage *self)
{
  g_return_if_fail (KIOSK_IS_TOPIC_PAGE (self));

  kiosk_topic_page_switch_view (self, FALSE, GTK_STACK_TRANSITION_TYPE_NONE);
  kiosk_topic_page_clear_code (self);

  kiosk_scrolled_window_scroll_to_top (self->scroller);
}

/**
 * kiosk_topic_page_show_booking:
 * @language: the language of the page, for the clinic's opening hours
 *
 * Shows how to book a consultation below the text, from the page's settings.
 */
void
kiosk_topic_page_show_booking (KioskTopicPage *self,
                               const char     *language)
{
  g_return_if_fail (KIOSK_IS_TOPIC_PAGE (self));

  kiosk_booking_card_set_settings (self->booking_card, self->settings, language);
}

/**
 * kiosk_topic_page_set_check_visible:
 *
 * Offers "Should I book?" below the text: on the page the check belongs to.
 */
void
kiosk_topic_page_set_check_visible (KioskTopicPage *self,
                                    gboolean        visible)
{
  g_return_if_fail (KIOSK_IS_TOPIC_PAGE (self));

  gtk_widget_set_visible (GTK_WIDGET (self->check_button), visible);
}

/**
 * kiosk_topic_page_get_more_below:
 *
 * Returns: whether the page shows its "more below" cue
 */
gboolean
kiosk_topic_page_get_more_below (KioskTopicPage *self)
{
  g_return_val_if_fail (KIOSK_IS_TOPIC_PAGE (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->more_cue));
}

/**
 * kiosk_topic_page_get_action_bar:
 *
 * Returns: (transfer none): the bar with "Request a callback" and "Take this home", which stays
 *   below the text however far it is scrolled
 */
GtkWidget *
kiosk_topic_page_get_action_bar (KioskTopicPage *self)
{
  g_return_val_if_fail (KIOSK_IS_TOPIC_PAGE (self), NULL);

  return GTK_WIDGET (self->action_bar);
}
