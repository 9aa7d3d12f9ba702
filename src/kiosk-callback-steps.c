/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The callback form's steps: one question at a time, so the on-screen keyboard never hides the
 * field or the way on. Each step is checked, with KioskRequest's own rules, before the next one
 * shows; the last one shows what will be sent, with the phone number masked, before Send.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-callback-page-private.h"
#include "kiosk-widget-util.h"


static const char * const step_names[KIOSK_CALLBACK_N_STEPS] = {
  "name", "phone", "time", "topic", "consent", "check",
};

static void
show_field_error (GtkWidget *field,
                  GtkLabel  *error_label,
                  GError    *error)
{
  gboolean invalid = error != NULL;

  gtk_label_set_label (error_label, invalid ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (error_label), invalid);
  if (invalid)
    gtk_widget_add_css_class (field, "error");
  else
    gtk_widget_remove_css_class (field, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (field),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

void
_kiosk_callback_page_clear_errors (KioskCallbackPage *self)
{
  show_field_error (GTK_WIDGET (self->name_entry), self->name_error, NULL);
  show_field_error (GTK_WIDGET (self->phone_entry), self->phone_error, NULL);
  show_field_error (GTK_WIDGET (self->consent_check), self->consent_error, NULL);
}

/* Editing a field takes its complaint away. */
void
_kiosk_callback_page_field_changed (KioskCallbackPage *self,
                                    GtkWidget         *field)
{
  if (field == GTK_WIDGET (self->name_entry))
    show_field_error (field, self->name_error, NULL);
  else if (field == GTK_WIDGET (self->phone_entry))
    show_field_error (field, self->phone_error, NULL);
  else if (field == GTK_WIDGET (self->consent_check))
    show_field_error (field, self->consent_error, NULL);
}

KioskCallTime
_kiosk_callback_page_get_call_time (KioskCallbackPage *self)
{
  if (gtk_toggle_button_get_active (self->morning_button))
    return KIOSK_CALL_TIME_MORNING;
  if (gtk_toggle_button_get_active (self->afternoon_button))
    return KIOSK_CALL_TIME_AFTERNOON;

  return KIOSK_CALL_TIME_ANY;
}

static GtkToggleButton *
call_time_button (KioskCallbackPage *self,
                  KioskCallTime      call_time)
{
  if (call_time == KIOSK_CALL_TIME_MORNING)
    return self->morning_button;
  if (call_time == KIOSK_CALL_TIME_AFTERNOON)
    return self->afternoon_button;

  return self->any_time_button;
}

void
_kiosk_callback_page_set_call_time (KioskCallbackPage *self,
                                    KioskCallTime      call_time)
{
  gtk_toggle_button_set_active (call_time_button (self, call_time), TRUE);
}

static GtkToggleButton *
active_topic_button (KioskCallbackPage *self)
{
  for (guint i = 0; i < self->topic_buttons->len; i++)
    {
      GtkToggleButton *button = g_ptr_array_index (self->topic_buttons, i);

      if (gtk_toggle_button_get_active (button))
        return button;
    }

  return NULL;
}

/* Returns: (nullable): the chosen topic id, or %NULL when none was chosen */
const char *
_kiosk_callback_page_get_topic (KioskCallbackPage *self)
{
  GtkToggleButton *button = active_topic_button (self);

  return button != NULL ? g_object_get_data (G_OBJECT (button), TOPIC_ID) : NULL;
}

static const char *
entry_text (GtkEntry *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static gboolean
validate_name (KioskCallbackPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = kiosk_request_normalize_name (entry_text (self->name_entry), &error);

  show_field_error (GTK_WIDGET (self->name_entry), self->name_error, error);

  return name != NULL;
}

static char *
normalized_phone (KioskCallbackPage  *self,
                  GError            **error)
{
  g_autofree char *country_code = g_settings_get_string (self->settings, "default-country-code");

  return kiosk_request_normalize_phone (entry_text (self->phone_entry), country_code, error);
}

static gboolean
validate_phone (KioskCallbackPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *phone = normalized_phone (self, &error);

  show_field_error (GTK_WIDGET (self->phone_entry), self->phone_error, error);

  return phone != NULL;
}

static gboolean
validate_consent (KioskCallbackPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_check_button_get_active (self->consent_check))
    g_set_error_literal (&error, KIOSK_REQUEST_ERROR, KIOSK_REQUEST_ERROR_NO_CONSENT,
                         _("Please tick the box so the clinic may keep your details and call you."));
  show_field_error (GTK_WIDGET (self->consent_check), self->consent_error, error);

  return error == NULL;
}

/* Shows @step's problem, if it has one, in the step itself. */
gboolean
_kiosk_callback_page_validate_step (KioskCallbackPage *self,
                                    KioskCallbackStep  step)
{
  switch (step)
    {
    case KIOSK_CALLBACK_STEP_NAME:
      return validate_name (self);
    case KIOSK_CALLBACK_STEP_PHONE:
      return validate_phone (self);
    case KIOSK_CALLBACK_STEP_CONSENT:
      return validate_consent (self);
    case KIOSK_CALLBACK_STEP_TIME:
    case KIOSK_CALLBACK_STEP_TOPIC:
    case KIOSK_CALLBACK_STEP_CHECK:
    case KIOSK_CALLBACK_N_STEPS:
    default:
      return TRUE;
    }
}

/* Before saving, every step again; the first one with a problem is shown, with its message. */
gboolean
_kiosk_callback_page_validate_all (KioskCallbackPage *self)
{
  for (KioskCallbackStep step = 0; step < KIOSK_CALLBACK_N_STEPS; step++)
    {
      if (!_kiosk_callback_page_validate_step (self, step))
        {
          _kiosk_callback_page_show_step (self, step);
          return FALSE;
        }
    }

  return TRUE;
}

/* Summary ----------------------------------------------------------------------------------- */

static const char *
button_text (GtkToggleButton *button)
{
  GtkWidget *child = gtk_button_get_child (GTK_BUTTON (button));

  return GTK_IS_LABEL (child) ? gtk_label_get_label (GTK_LABEL (child))
                              : gtk_button_get_label (GTK_BUTTON (button));
}

static char *
summary_phone (KioskCallbackPage *self)
{
  g_autofree char *phone = normalized_phone (self, NULL);

  /* Whoever stands behind the visitor reads along: only the last digits, as on the thank-you
   * page. */
  return kiosk_request_mask_phone (phone);
}

static void
kiosk_callback_page_update_summary (KioskCallbackPage *self)
{
  GtkToggleButton *topic = active_topic_button (self);
  g_autofree char *name = kiosk_request_normalize_name (entry_text (self->name_entry), NULL);
  g_autofree char *phone = summary_phone (self);
  GtkToggleButton *call_time = call_time_button (self, _kiosk_callback_page_get_call_time (self));

  gtk_label_set_label (self->summary_values[KIOSK_CALLBACK_STEP_NAME], name != NULL ? name : "");
  gtk_label_set_label (self->summary_values[KIOSK_CALLBACK_STEP_PHONE], phone);
  gtk_label_set_label (self->summary_values[KIOSK_CALLBACK_STEP_TIME], button_text (call_time));
  gtk_label_set_label (self->summary_values[KIOSK_CALLBACK_STEP_TOPIC],
                       topic != NULL ? button_text (topic) : _("No topic chosen"));
  gtk_label_set_label (self->summary_values[KIOSK_CALLBACK_STEP_CONSENT],
                       gtk_check_button_get_active (self->consent_check)
                       ? _("Yes, I agree")
                       : _("Not given"));
}

/* Off the check step, the summary keeps nothing of the visitor's. */
static void
kiosk_callback_page_clear_summary (KioskCallbackPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->summary_values); i++)
    gtk_label_set_label (self->summary_values[i], "");
}

static GtkWidget *
summary_change_button (KioskCallbackStep  step,
                       const char        *caption)
{
  /* Translators: the accessible name of a button that goes back to one step of the form,
   * such as “Change: Your name”. */
  g_autofree char *name = g_strdup_printf (_("Change: %s"), caption);
  GtkWidget *button = gtk_button_new_with_label (_("Change"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "kiosk-form-change");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "callback.go-to-step");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (gint32)step);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  return button;
}

static void
kiosk_callback_page_add_summary_row (KioskCallbackPage *self,
                                     KioskCallbackStep  step,
                                     const char        *caption,
                                     GtkSizeGroup      *captions)
{
  /* A grid, as everywhere wrapping text sits beside something: see marker_card() in
   * kiosk-document-view.c. */
  GtkWidget *row = gtk_grid_new ();
  GtkWidget *caption_label = gtk_label_new (caption);
  GtkWidget *value = gtk_label_new (NULL);

  gtk_grid_set_column_spacing (GTK_GRID (row), 16);
  gtk_widget_add_css_class (row, "kiosk-form-summary-row");
  gtk_label_set_xalign (GTK_LABEL (caption_label), 0);
  gtk_label_set_wrap (GTK_LABEL (caption_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (caption_label), 14);
  gtk_widget_add_css_class (caption_label, "kiosk-form-summary-caption");
  gtk_size_group_add_widget (captions, caption_label);
  gtk_widget_set_hexpand (value, TRUE);
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (value, "kiosk-form-summary-value");

  gtk_grid_attach (GTK_GRID (row), caption_label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (row), value, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (row), summary_change_button (step, caption), 2, 0, 1, 1);
  gtk_box_append (self->summary_box, row);
  self->summary_values[step] = GTK_LABEL (value);
}

/* Reading aloud ------------------------------------------------------------------------------ */

/* Whether @label says something a listener needs: not hidden, and not the word on a plain button
 * (the summary's five "Change"s). Choices (toggles, the consent box) are read. */
static gboolean
label_is_read (GtkWidget *label)
{
  GtkWidget *button = gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON);

  if (!gtk_widget_is_visible (label) || *gtk_label_get_text (GTK_LABEL (label)) == '\0')
    return FALSE;

  return button == NULL || GTK_IS_TOGGLE_BUTTON (button);
}

/* Depth first, in reading order. The masked phone's dots are not read, only its digits. */
static void
collect_labels (GtkWidget *widget,
                GStrvBuilder *lines)
{
  if (GTK_IS_LABEL (widget) && label_is_read (widget))
    {
      g_auto(GStrv) parts = g_strsplit (gtk_label_get_text (GTK_LABEL (widget)), "•", -1);
      g_autofree char *text = g_strjoinv ("", parts);

      g_strv_builder_add (lines, g_strstrip (text));
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, lines);
}

/* What Listen reads on a step: its question, hint, choices and error, never the entries. What the
 * visitor typed is only read on the check step, where they press Listen to hear it. */
static char **
step_lines (gpointer user_data)
{
  KioskCallbackPage *self = user_data;
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();

  g_strv_builder_add (lines, gtk_label_get_text (self->progress_label));
  collect_labels (gtk_stack_get_visible_child (self->step_stack), lines);

  return g_strv_builder_end (lines);
}

/**
 * _kiosk_callback_page_dup_reading:
 *
 * Returns: (transfer full): what Listen would read on the step on screen now
 */
char **
_kiosk_callback_page_dup_reading (KioskCallbackPage *self)
{
  return step_lines (self);
}

/* Steps ------------------------------------------------------------------------------------- */

static void
kiosk_callback_page_update_progress (KioskCallbackPage *self,
                                     KioskCallbackStep  step)
{
  g_autofree char *text = NULL;
  gboolean last = step == KIOSK_CALLBACK_STEP_CHECK;

  /* Translators: the callback form's progress, such as “Step 2 of 6”. */
  text = g_strdup_printf (_("Step %u of %u"), (guint)step + 1, (guint)KIOSK_CALLBACK_N_STEPS);
  gtk_label_set_label (self->progress_label, text);
  gtk_level_bar_set_value (self->progress_bar, step + 1);

  gtk_widget_set_visible (self->back_button, step != KIOSK_CALLBACK_STEP_NAME);
  gtk_widget_set_visible (self->next_button, !last);
  gtk_widget_set_visible (self->send_button, last);
}

void
_kiosk_callback_page_show_step (KioskCallbackPage *self,
                                KioskCallbackStep  step)
{
  g_assert (step < KIOSK_CALLBACK_N_STEPS);

  /* A step read aloud stops when the visitor moves on. */
  kiosk_listen_button_stop (self->listen_button);
  if (step == KIOSK_CALLBACK_STEP_CHECK)
    {
      kiosk_callback_page_update_summary (self);
    }
  else
    {
      kiosk_callback_page_clear_summary (self);
      gtk_widget_set_visible (GTK_WIDGET (self->save_error_label), FALSE);
    }

  gtk_stack_set_visible_child_name (self->step_stack, step_names[step]);
  kiosk_callback_page_update_progress (self, step);
  kiosk_scrolled_window_scroll_to_top (self->scroller);
  /* After the stack, which has just put the focus somewhere in the new step of its own. */
  kiosk_callback_page_focus_step (self);
}

static GtkWidget *
step_focus_widget (KioskCallbackPage *self,
                   KioskCallbackStep  step)
{
  GtkToggleButton *topic = active_topic_button (self);

  switch (step)
    {
    case KIOSK_CALLBACK_STEP_NAME:
      return GTK_WIDGET (self->name_entry);
    case KIOSK_CALLBACK_STEP_PHONE:
      return GTK_WIDGET (self->phone_entry);
    case KIOSK_CALLBACK_STEP_TIME:
      return GTK_WIDGET (call_time_button (self, _kiosk_callback_page_get_call_time (self)));
    case KIOSK_CALLBACK_STEP_TOPIC:
      return topic != NULL ? GTK_WIDGET (topic) : g_ptr_array_index (self->topic_buttons, 0);
    case KIOSK_CALLBACK_STEP_CONSENT:
      return GTK_WIDGET (self->consent_check);
    case KIOSK_CALLBACK_STEP_CHECK:
    case KIOSK_CALLBACK_N_STEPS:
    default:
      return self->send_button;
    }
}

/**
 * kiosk_callback_page_focus_step:
 *
 * Puts the focus on the current step's field (so the keyboard it needs shows) or choice.
 * The window calls it once its stack has shown the page: GtkStack moves the focus into a page
 * it shows when the focus was in the page it hides (a tapped tile takes the focus), forward
 * from wherever the focus is by then, or back to where it was when the page was last left.
 */
void
kiosk_callback_page_focus_step (KioskCallbackPage *self)
{
  GtkWidget *widget;

  g_return_if_fail (KIOSK_IS_CALLBACK_PAGE (self));

  /* A page being left or not shown yet must not take the focus from the one on screen. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  widget = step_focus_widget (self, kiosk_callback_page_get_step (self));
  gtk_widget_grab_focus (widget);
  /* A focused entry selects all its text, which the next key would replace: the visitor who
   * comes back to a field carries on typing at its end instead. */
  if (GTK_IS_EDITABLE (widget))
    gtk_editable_set_position (GTK_EDITABLE (widget), -1);
  _kiosk_callback_page_reveal (self, widget);
}

KioskCallbackStep
kiosk_callback_page_get_step (KioskCallbackPage *self)
{
  const char *name;

  g_return_val_if_fail (KIOSK_IS_CALLBACK_PAGE (self), KIOSK_CALLBACK_STEP_NAME);

  name = gtk_stack_get_visible_child_name (self->step_stack);
  for (guint i = 0; i < KIOSK_CALLBACK_N_STEPS; i++)
    {
      if (g_strcmp0 (name, step_names[i]) == 0)
        return i;
    }

  return KIOSK_CALLBACK_STEP_NAME;
}

/**
 * kiosk_callback_page_set_step:
 *
 * Shows @step as it is, without checking the steps before it (see the next action for that).
 */
void
kiosk_callback_page_set_step (KioskCallbackPage *self,
                              KioskCallbackStep  step)
{
  g_return_if_fail (KIOSK_IS_CALLBACK_PAGE (self));
  g_return_if_fail (step < KIOSK_CALLBACK_N_STEPS);

  _kiosk_callback_page_show_step (self, step);
}

/**
 * kiosk_callback_page_previous_step:
 *
 * Goes one step back, keeping everything typed.
 *
 * Returns: %FALSE on the first step, where there is no step to go back to
 */
gboolean
kiosk_callback_page_previous_step (KioskCallbackPage *self)
{
  KioskCallbackStep step;

  g_return_val_if_fail (KIOSK_IS_CALLBACK_PAGE (self), FALSE);

  step = kiosk_callback_page_get_step (self);
  if (step == KIOSK_CALLBACK_STEP_NAME)
    return FALSE;

  _kiosk_callback_page_show_step (self, step - 1);

  return TRUE;
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KioskCallbackPage *self = KIOSK_CALLBACK_PAGE (widget);
  KioskCallbackStep step = kiosk_callback_page_get_step (self);

  if (step == KIOSK_CALLBACK_STEP_CHECK)
    return;

  /* The message shows in this step, and the focus stays in its field with its keyboard. */
  if (!_kiosk_callback_page_validate_step (self, step))
    {
      kiosk_callback_page_focus_step (self);
      return;
    }

  _kiosk_callback_page_show_step (self, step + 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  kiosk_callback_page_previous_step (KIOSK_CALLBACK_PAGE (widget));
}

static void
go_to_step_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  int step = g_variant_get_int32 (parameter);

  if (step >= 0 && step < KIOSK_CALLBACK_N_STEPS)
    _kiosk_callback_page_show_step (KIOSK_CALLBACK_PAGE (widget), step);
}

void
_kiosk_callback_page_install_step_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "callback.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "callback.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "callback.go-to-step", "i", go_to_step_action);
}

void
_kiosk_callback_page_init_steps (KioskCallbackPage *self)
{
  g_autoptr(GtkSizeGroup) captions = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  kiosk_callback_page_add_summary_row (self, KIOSK_CALLBACK_STEP_NAME, _("Your name"), captions);
  kiosk_callback_page_add_summary_row (self, KIOSK_CALLBACK_STEP_PHONE, _("Phone number"),
                                       captions);
  kiosk_callback_page_add_summary_row (self, KIOSK_CALLBACK_STEP_TIME, _("When to call"),
                                       captions);
  kiosk_callback_page_add_summary_row (self, KIOSK_CALLBACK_STEP_TOPIC, _("Topic"), captions);
  kiosk_callback_page_add_summary_row (self, KIOSK_CALLBACK_STEP_CONSENT, _("Consent"), captions);
  kiosk_callback_page_update_progress (self, KIOSK_CALLBACK_STEP_NAME);
  kiosk_listen_button_set_lines_func (self->listen_button, step_lines, self);
}
