/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The callback form. It only collects and shows: validation is KioskRequest's job and saving is
 * KioskStore's, in a worker thread. The form keeps everything typed until the store says the
 * request is committed, so a failure loses nothing. It asks one thing at a time, in the steps
 * of kiosk-callback-steps.c; this file holds the page, its keyboard and the saving.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-callback-page-private.h"
#include "kiosk-widget-util.h"

#define OTHER_TOPIC   "other"
#define TOPIC_COLUMNS 2

G_DEFINE_FINAL_TYPE (KioskCallbackPage, kiosk_callback_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTENT,
  PROP_KEYBOARD_VISIBLE,
  PROP_SETTINGS,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void kiosk_callback_page_scroll_into_view (KioskCallbackPage *self,
                                                  GtkWidget         *first,
                                                  GtkWidget         *last,
                                                  double             above);

static void
kiosk_callback_page_stop_revealing (KioskCallbackPage *self)
{
  /* A frame clock drops its handlers when its window goes, before the page does. */
  if (self->reveal_clock != NULL &&
      g_signal_handler_is_connected (self->reveal_clock, self->reveal_handler))
    g_signal_handler_disconnect (self->reveal_clock, self->reveal_handler);
  self->reveal_handler = 0;
  g_clear_object (&self->reveal_clock);
  self->reveal_target = NULL;
}

/* The frame after the widget appeared (a step, a message, the keyboard) has laid it out, so
 * its place is known now. */
static void
reveal_cb (GdkFrameClock     *clock,
           KioskCallbackPage *self)
{
  GtkWidget *target = self->reveal_target;

  kiosk_callback_page_stop_revealing (self);
  if (target != NULL && gtk_widget_get_mapped (target))
    kiosk_callback_page_scroll_into_view (self, target, target, 16);
}

/* Scrolls @widget, a child of the form, into sight once the coming frame has placed it. */
void
_kiosk_callback_page_reveal (KioskCallbackPage *self,
                             GtkWidget         *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  kiosk_callback_page_stop_revealing (self);
  if (clock == NULL)
    return;

  self->reveal_target = widget;
  self->reveal_clock = g_object_ref (clock);
  self->reveal_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (reveal_cb), self);
  gtk_widget_queue_resize (widget);
}

/* The patient is at Send, on the check step, when a save fails; the message sits at the foot
 * of the step, just above the button, and the step scrolls so that it is in sight. The
 * label's alert role has screen readers say it. */
static void
show_save_error (KioskCallbackPage *self,
                 gboolean           visible)
{
  if (visible && kiosk_callback_page_get_step (self) != KIOSK_CALLBACK_STEP_CHECK)
    kiosk_callback_page_set_step (self, KIOSK_CALLBACK_STEP_CHECK);
  gtk_label_set_label (self->save_error_label,
                       _("We could not save your request. Please tell reception."));
  gtk_widget_set_visible (GTK_WIDGET (self->save_error_label), visible);

  if (visible)
    _kiosk_callback_page_reveal (self, GTK_WIDGET (self->save_error_label));
}

static void
field_changed_cb (KioskCallbackPage *self,
                  GtkWidget         *field)
{
  _kiosk_callback_page_field_changed (self, field);
}

/* Enter, on a real keyboard or the on-screen one's Next key, goes on to the next step. */
static void
entry_activate_cb (KioskCallbackPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "callback.next", NULL);
}

static const char *
entry_text (GtkEntry *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static void
kiosk_callback_page_set_saving (KioskCallbackPage *self,
                                gboolean           saving)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "callback.send", !saving);
  gtk_widget_set_visible (GTK_WIDGET (self->send_spinner), saving);
  gtk_spinner_set_spinning (self->send_spinner, saving);
  gtk_label_set_label (self->send_label, saving ? _("Sending…") : _("Send my request"));
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(KioskCallbackPage) self = user_data;
  g_autoptr(KioskRequest) request = g_steal_pointer (&self->pending);
  g_autoptr(GError) error = NULL;
  gboolean left = self->pending_left;

  self->pending_left = FALSE;
  kiosk_store_save_finish (KIOSK_STORE (object), result, &error);
  kiosk_callback_page_set_saving (self, FALSE);

  if (error != NULL)
    {
      /* Store errors describe SQLite's trouble, never the row's contents. */
      g_warning ("Could not save a callback request: %s", error->message);
      if (!left)
        show_save_error (self, TRUE);
      return;
    }

  /* Whoever is at the kiosk now is not the one who sent it: no thank-you with their digits. */
  if (left)
    {
      g_debug ("A callback request was saved after its visitor left the form");
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, request);
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KioskCallbackPage *self = KIOSK_CALLBACK_PAGE (widget);
  g_autofree char *country_code = NULL;
  g_autoptr(GError) error = NULL;

  /* A second tap while the first is being saved does nothing: one tap, one request. */
  if (self->pending != NULL)
    return;

  show_save_error (self, FALSE);
  if (!_kiosk_callback_page_validate_all (self))
    return;

  country_code = g_settings_get_string (self->settings, "default-country-code");
  self->pending = kiosk_request_new (entry_text (self->name_entry), entry_text (self->phone_entry),
                                     country_code, _kiosk_callback_page_get_call_time (self),
                                     _kiosk_callback_page_get_topic (self),
                                     gtk_check_button_get_active (self->consent_check),
                                     KIOSK_CONSENT_VERSION, &error);
  if (self->pending == NULL || self->store == NULL)
    {
      g_warning ("Cannot save a callback request: %s",
                 error != NULL ? error->message : "the request store is not open");
      show_save_error (self, TRUE);
      return;
    }

  kiosk_callback_page_set_saving (self, TRUE);
  kiosk_store_save_async (self->store, self->pending, NULL, save_cb, g_object_ref (self));
}

static void
kiosk_callback_page_show_keyboard (KioskCallbackPage *self,
                                   gboolean           visible)
{
  if (gtk_revealer_get_reveal_child (self->keyboard_revealer) == visible)
    return;

  gtk_revealer_set_reveal_child (self->keyboard_revealer, visible);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEYBOARD_VISIBLE]);
}

/* Scrolls the form so that @first, and @last below it as far as the view allows, are in sight,
 * with @above pixels over @first (a field's title sits above it). */
static void
kiosk_callback_page_scroll_into_view (KioskCallbackPage *self,
                                      GtkWidget         *first,
                                      GtkWidget         *last,
                                      double             above)
{
  GtkViewport *viewport = GTK_VIEWPORT (gtk_scrolled_window_get_child (self->scroller));
  /* The viewport's child, not the viewport: its coordinates are the adjustment's. */
  GtkWidget *content = gtk_viewport_get_child (viewport);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_rect_t first_bounds, last_bounds;
  double top, bottom, value, page;

  if (!gtk_widget_compute_bounds (first, content, &first_bounds) ||
      !gtk_widget_compute_bounds (last, content, &last_bounds))
    return;

  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  top = first_bounds.origin.y - above;
  bottom = last_bounds.origin.y + last_bounds.size.height + 16;
  if (top < value || bottom - top > page)
    gtk_adjustment_set_value (adjustment, top);
  else if (bottom > value + page)
    gtk_adjustment_set_value (adjustment, bottom - page);
}

/* Once the keyboard has slid up, the field it types into must still be in sight above it. */
static void
keyboard_revealed_cb (KioskCallbackPage *self)
{
  GtkWidget *field = GTK_WIDGET (kiosk_keyboard_get_target (self->keyboard));

  if (field == NULL || !gtk_revealer_get_child_revealed (self->keyboard_revealer))
    return;

  _kiosk_callback_page_reveal (self, field);
}

static void
kiosk_callback_page_update_keyboard (KioskCallbackPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *name = GTK_WIDGET (self->name_entry);
  GtkWidget *phone = GTK_WIDGET (self->phone_entry);

  if (!self->show_keyboard || focus == NULL)
    return;

  /* Pressing a key keeps the focus where it is, but switch access may focus a key itself. */
  if (gtk_widget_is_ancestor (focus, GTK_WIDGET (self->keyboard)))
    return;

  if (focus == name || gtk_widget_is_ancestor (focus, name))
    {
      kiosk_keyboard_set_layout (self->keyboard, KIOSK_KEYBOARD_LETTERS);
      kiosk_keyboard_set_target (self->keyboard, GTK_EDITABLE (name));
    }
  else if (focus == phone || gtk_widget_is_ancestor (focus, phone))
    {
      kiosk_keyboard_set_layout (self->keyboard, KIOSK_KEYBOARD_DIGITS);
      kiosk_keyboard_set_target (self->keyboard, GTK_EDITABLE (phone));
    }
  else
    {
      kiosk_keyboard_set_target (self->keyboard, NULL);
    }

  kiosk_callback_page_show_keyboard (self, kiosk_keyboard_get_target (self->keyboard) != NULL);
}

static void
kiosk_callback_page_update_consent (KioskCallbackPage *self)
{
  guint days = g_settings_get_uint (self->settings, "retention-days");
  g_autofree char *text = NULL;

  text = g_strdup_printf (ngettext ("I agree that the clinic keeps my name, phone number and my "
                                    "answers in this form on this kiosk, only to call me back. "
                                    "They are deleted after %u day.",
                                    "I agree that the clinic keeps my name, phone number and my "
                                    "answers in this form on this kiosk, only to call me back. "
                                    "They are deleted after %u days.",
                                    days),
                          days);
  gtk_label_set_label (self->consent_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->consent_check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static GtkWidget *
kiosk_callback_page_add_topic_button (KioskCallbackPage *self,
                                      const char        *id,
                                      const char        *title)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "label", title,
                                   "wrap", TRUE,
                                   "justify", GTK_JUSTIFY_CENTER,
                                   NULL);
  GtkWidget *button = gtk_toggle_button_new ();
  guint n = self->topic_buttons->len;

  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "kiosk-choice");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data_full (G_OBJECT (button), TOPIC_ID, g_strdup (id), g_free);
  if (n > 0)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button),
                                 g_ptr_array_index (self->topic_buttons, 0));

  gtk_grid_attach (self->topic_grid, button, n % TOPIC_COLUMNS, n / TOPIC_COLUMNS, 1, 1);
  g_ptr_array_add (self->topic_buttons, button);

  return button;
}

static void
kiosk_callback_page_add_topics (KioskCallbackPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->content));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KioskTopic) topic = g_list_model_get_item (G_LIST_MODEL (self->content), i);

      kiosk_callback_page_add_topic_button (self, kiosk_topic_get_id (topic),
                                            kiosk_topic_get_title (topic));
    }
  kiosk_callback_page_add_topic_button (self, OTHER_TOPIC, _("Something else"));
}

static void
kiosk_callback_page_root_focus_changed (KioskCallbackPage *self)
{
  kiosk_callback_page_update_keyboard (self);
}

static void
kiosk_callback_page_map (GtkWidget *widget)
{
  KioskCallbackPage *self = KIOSK_CALLBACK_PAGE (widget);

  GTK_WIDGET_CLASS (kiosk_callback_page_parent_class)->map (widget);

  self->focus_handler = g_signal_connect_object (gtk_widget_get_root (widget), "notify::focus-widget",
                                                 G_CALLBACK (kiosk_callback_page_root_focus_changed),
                                                 self, G_CONNECT_SWAPPED);
  /* No focus is taken here: the stack showing the page moves the focus after mapping it, so
   * the window calls kiosk_callback_page_focus_step() once the page is shown. */
  kiosk_callback_page_update_keyboard (self);
}

static void
kiosk_callback_page_unmap (GtkWidget *widget)
{
  KioskCallbackPage *self = KIOSK_CALLBACK_PAGE (widget);

  g_clear_signal_handler (&self->focus_handler, gtk_widget_get_root (widget));
  kiosk_callback_page_show_keyboard (self, FALSE);

  GTK_WIDGET_CLASS (kiosk_callback_page_parent_class)->unmap (widget);
}

static void
kiosk_callback_page_constructed (GObject *object)
{
  KioskCallbackPage *self = (KioskCallbackPage *)object;

  G_OBJECT_CLASS (kiosk_callback_page_parent_class)->constructed (object);

  kiosk_callback_page_add_topics (self);
  _kiosk_callback_page_init_steps (self);
  kiosk_callback_page_update_consent (self);
  g_signal_connect_object (self->settings, "changed::retention-days",
                           G_CALLBACK (kiosk_callback_page_update_consent), self,
                           G_CONNECT_SWAPPED);
  gtk_label_set_label (self->phone_hint,
                       _("For a number from another country, start with + or 00."));
  g_signal_connect_object (self->keyboard_revealer, "notify::child-revealed",
                           G_CALLBACK (keyboard_revealed_cb), self, G_CONNECT_SWAPPED);
  kiosk_entry_make_private (self->name_entry);
  kiosk_entry_make_private (self->phone_entry);
}

static void
kiosk_callback_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KioskCallbackPage *self = KIOSK_CALLBACK_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      g_value_set_object (value, self->content);
      break;
    case PROP_KEYBOARD_VISIBLE:
      g_value_set_boolean (value, gtk_revealer_get_reveal_child (self->keyboard_revealer));
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_callback_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  KioskCallbackPage *self = KIOSK_CALLBACK_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      self->content = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_callback_page_dispose (GObject *object)
{
  KioskCallbackPage *self = (KioskCallbackPage *)object;

  kiosk_callback_page_stop_revealing (self);
  kiosk_widget_dispose_template (GTK_WIDGET (self), KIOSK_TYPE_CALLBACK_PAGE);
  g_clear_object (&self->content);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->pending);

  G_OBJECT_CLASS (kiosk_callback_page_parent_class)->dispose (object);
}

static void
kiosk_callback_page_finalize (GObject *object)
{
  KioskCallbackPage *self = (KioskCallbackPage *)object;

  g_clear_pointer (&self->topic_buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (kiosk_callback_page_parent_class)->finalize (object);
}

static void
kiosk_callback_page_class_init (KioskCallbackPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kiosk_callback_page_constructed;
  object_class->get_property = kiosk_callback_page_get_property;
  object_class->set_property = kiosk_callback_page_set_property;
  object_class->dispose = kiosk_callback_page_dispose;
  object_class->finalize = kiosk_callback_page_finalize;

  widget_class->map = kiosk_callback_page_map;
  widget_class->unmap = kiosk_callback_page_unmap;

  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL, KIOSK_TYPE_CONTENT_PACK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * KioskCallbackPage:keyboard-visible:
   *
   * Whether the on-screen keyboard is showing, so the window can make room for it.
   */
  properties[PROP_KEYBOARD_VISIBLE] =
    g_param_spec_boolean ("keyboard-visible", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KioskCallbackPage::saved:
   * @request: the request, committed to the store
   *
   * Emitted once the store has acknowledged the request.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, KIOSK_TYPE_REQUEST);

  g_type_ensure (KIOSK_TYPE_KEYBOARD);
  g_type_ensure (KIOSK_TYPE_LISTEN_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/kiosk-callback-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskCallbackPage, afternoon_button);
  gtk_widget_class_bind_template_child (widget_class, KioskCallbackPage, any_time_button);
  gtk_widget_class_bind_template_child (widget_class, KioskCallbackPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, KioskCallbackPage, consent_check);
  gtk_widget_class_bind_template_child (widget_class, KioskCallbackPage, consent_error);
  gtk_widget_class_bind_template_child (widget_class, KioskCallbackPage, consent_label);
  gtk_widget_class_bind_template_child (widget_class, KioskCallbackPage, keyboard);
  gtk_widget_class_bind_template_child (widget_class, KioskCallbackPage, listen_button);
  gtk_widget_class_bind_template_child (widget_class, KioskCallbackPage, keyboard_revealer);
  gtk_widget_class_bind_template_child (widget_class, KioskCallbackPage, morning_button);
  gtk_widget_class_bind_template_child (widget_class, KioskCallbackPage, name_entry);
  gtk_widget_class_bind_template_child (widget_class, KioskCallbackPage, name_error);
  gtk_widget_class_bind_template_child (widget_class, KioskCallbackPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, KioskCallbackPage, phone_entry);
  gtk_widget_class_bind_template_child (widget_class, KioskCallbackPage, phone_error);
  gtk_widget_class_bind_template_child (widget_class, KioskCallbackPage, phone_hint);
  gtk_widget_class_bind_template_child (widget_class, KioskCallbackPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, KioskCallbackPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, KioskCallbackPage, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, KioskCallbackPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, KioskCallbackPage, send_button);
  gtk_widget_class_bind_template_child (widget_class, KioskCallbackPage, send_label);
  gtk_widget_class_bind_template_child (widget_class, KioskCallbackPage, send_spinner);
  gtk_widget_class_bind_template_child (widget_class, KioskCallbackPage, step_stack);
  gtk_widget_class_bind_template_child (widget_class, KioskCallbackPage, summary_box);
  gtk_widget_class_bind_template_child (widget_class, KioskCallbackPage, topic_grid);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "callback.send", NULL, send_action);
  _kiosk_callback_page_install_step_actions (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kioskcallbackpage");
}

static void
kiosk_callback_page_init (KioskCallbackPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kiosk_scrolled_window_drag_to_scroll (self->scroller);

  self->topic_buttons = g_ptr_array_new ();
}

GtkWidget *
kiosk_callback_page_new (KioskContentPack *content,
                         GSettings        *settings)
{
  g_return_val_if_fail (KIOSK_IS_CONTENT_PACK (content), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (KIOSK_TYPE_CALLBACK_PAGE,
                       "content", content,
                       "settings", settings,
                       NULL);
}

void
kiosk_callback_page_set_store (KioskCallbackPage *self,
                               KioskStore        *store)
{
  g_return_if_fail (KIOSK_IS_CALLBACK_PAGE (self));
  g_return_if_fail (store == NULL || KIOSK_IS_STORE (store));

  g_set_object (&self->store, store);
}

/**
 * kiosk_callback_page_set_show_keyboard:
 *
 * In kiosk mode the page shows its own keyboard under the focused field.
 */
void
kiosk_callback_page_set_show_keyboard (KioskCallbackPage *self,
                                       gboolean           show_keyboard)
{
  g_return_if_fail (KIOSK_IS_CALLBACK_PAGE (self));

  self->show_keyboard = !!show_keyboard;
  if (!self->show_keyboard)
    kiosk_callback_page_show_keyboard (self, FALSE);
  else
    kiosk_callback_page_update_keyboard (self);
}

/**
 * kiosk_callback_page_set_topic:
 * @topic_id: (nullable): the topic to preselect, or %NULL for none
 */
void
kiosk_callback_page_set_topic (KioskCallbackPage *self,
                               const char        *topic_id)
{
  g_return_if_fail (KIOSK_IS_CALLBACK_PAGE (self));

  for (guint i = 0; i < self->topic_buttons->len; i++)
    {
      GtkToggleButton *button = g_ptr_array_index (self->topic_buttons, i);
      const char *id = g_object_get_data (G_OBJECT (button), TOPIC_ID);

      gtk_toggle_button_set_active (button, g_strcmp0 (id, topic_id) == 0);
    }
}

/**
 * kiosk_callback_page_copy_state:
 * @from: the page this one replaces
 *
 * Carries what the visitor has entered over to a page built in another language.
 */
void
kiosk_callback_page_copy_state (KioskCallbackPage *self,
                                KioskCallbackPage *from)
{
  g_return_if_fail (KIOSK_IS_CALLBACK_PAGE (self));
  g_return_if_fail (KIOSK_IS_CALLBACK_PAGE (from));

  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), entry_text (from->name_entry));
  gtk_editable_set_text (GTK_EDITABLE (self->phone_entry), entry_text (from->phone_entry));
  _kiosk_callback_page_set_call_time (self, _kiosk_callback_page_get_call_time (from));
  kiosk_callback_page_set_topic (self, _kiosk_callback_page_get_topic (from));
  gtk_check_button_set_active (self->consent_check,
                               gtk_check_button_get_active (from->consent_check));
  kiosk_callback_page_set_show_keyboard (self, from->show_keyboard);
  kiosk_callback_page_set_step (self, kiosk_callback_page_get_step (from));
  /* Not the store: the window gives the new page the application's, which may have been
   * opened since the old page was built. */
}

/**
 * kiosk_callback_page_reset:
 *
 * Empties the form for the next visitor: fields, selections, choices, errors, keyboard, step,
 * scroll position and the clipboards. The entries keep no undo history, so nothing typed can be
 * brought back.
 */
void
kiosk_callback_page_reset (KioskCallbackPage *self)
{
  g_return_if_fail (KIOSK_IS_CALLBACK_PAGE (self));

  /* A save still running finishes, but its outcome is no longer shown on this form. */
  self->pending_left = self->pending != NULL;
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_entry), "");
  _kiosk_callback_page_set_call_time (self, KIOSK_CALL_TIME_ANY);
  kiosk_callback_page_set_topic (self, NULL);
  gtk_check_button_set_active (self->consent_check, FALSE);

  _kiosk_callback_page_clear_errors (self);
  show_save_error (self, FALSE);

  /* First the step, which focuses the name field if the form is still on screen, then the
   * keyboard, which forgets it. */
  kiosk_callback_page_set_step (self, KIOSK_CALLBACK_STEP_NAME);
  kiosk_keyboard_reset (self->keyboard);
  kiosk_callback_page_show_keyboard (self, FALSE);

  /* Copy and cut are refused in the fields, but a selection still reaches the primary
   * clipboard, and something pasted in may have come from the clipboard. */
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL);
  gdk_clipboard_set_content (gtk_widget_get_primary_clipboard (GTK_WIDGET (self)), NULL);

  kiosk_scrolled_window_scroll_to_top (self->scroller);
}

gboolean
kiosk_callback_page_get_saving (KioskCallbackPage *self)
{
  g_return_val_if_fail (KIOSK_IS_CALLBACK_PAGE (self), FALSE);

  return self->pending != NULL;
}
