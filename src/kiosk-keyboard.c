/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The kiosk's own on-screen keyboard: cage shows no system keyboard and a waiting room has no
 * physical one. Letters (with the accents Spanish names need) for names, a large keypad for phone
 * numbers. Keys never take the focus, so the field being typed into keeps it; the keys write
 * straight into the target editable, exactly as typing would, and Next is its Enter key.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-keyboard.h"
#include "kiosk-widget-util.h"

#define KEY_TEXT "kiosk-key-text"

struct _KioskKeyboard
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkBox              *accents_box;
  GtkButton           *digits_backspace_button;
  GtkGrid             *digits_grid;
  GtkWidget           *digits_next_button;
  GtkButton           *letters_backspace_button;
  GtkGrid             *letters_grid;
  GtkWidget           *letters_next_button;
  GtkToggleButton     *shift_button;
  GtkButton           *space_button;
  GtkStack            *stack;

  GtkWidget           *plus_key;
  GtkEditable         *target;   /* weak */
  KioskKeyboardLayout  layout;
  GPtrArray           *letter_keys;
};

G_DEFINE_FINAL_TYPE (KioskKeyboard, kiosk_keyboard, GTK_TYPE_WIDGET)
G_DEFINE_ENUM_TYPE (KioskKeyboardLayout, kiosk_keyboard_layout,
                    G_DEFINE_ENUM_VALUE (KIOSK_KEYBOARD_LETTERS, "letters"),
                    G_DEFINE_ENUM_VALUE (KIOSK_KEYBOARD_DIGITS, "digits"),
                    G_DEFINE_ENUM_VALUE (KIOSK_KEYBOARD_PIN, "pin"))

enum {
  PROP_0,
  PROP_LAYOUT,
  PROP_TARGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A Spanish-friendly QWERTY: ñ where Spanish keyboards have it, then the name punctuation and
 * the accented vowels on a row of their own so they are as easy to reach as the rest. */
static const char * const letter_rows[] = {
  "qwertyuiop",
  "asdfghjklñ",
  "zxcvbnm'-",
};

/* Beside the space bar, so the whole keyboard is four rows high. */
static const char accent_row[] = "áéíóúü";

static const char * const digit_rows[] = {
  "123",
  "456",
  "789",
  "+0",
};

static void
kiosk_keyboard_insert (KioskKeyboard *self,
                       const char    *text)
{
  GtkEditable *target = self->target;
  int position;

  if (target == NULL)
    return;

  gtk_editable_delete_selection (target);
  position = gtk_editable_get_position (target);
  gtk_editable_insert_text (target, text, -1, &position);
  gtk_editable_set_position (target, position);
}

/* Names start with a capital: shift turns itself on at the start of the field and after a space
 * or a hyphen, and off after any other character. */
static void
kiosk_keyboard_update_auto_shift (KioskKeyboard *self)
{
  g_autofree char *before = NULL;
  int position;
  gboolean word_start;

  if (self->target == NULL || self->layout != KIOSK_KEYBOARD_LETTERS)
    return;

  position = gtk_editable_get_position (self->target);
  before = gtk_editable_get_chars (self->target, 0, position);
  word_start = *before == '\0' || g_str_has_suffix (before, " ") || g_str_has_suffix (before, "-");
  gtk_toggle_button_set_active (self->shift_button, word_start);
}

static void
kiosk_keyboard_update_letter_labels (KioskKeyboard *self)
{
  gboolean upper = gtk_toggle_button_get_active (self->shift_button);

  for (guint i = 0; i < self->letter_keys->len; i++)
    {
      GtkButton *key = g_ptr_array_index (self->letter_keys, i);
      const char *text = g_object_get_data (G_OBJECT (key), KEY_TEXT);
      g_autofree char *label = upper ? g_utf8_strup (text, -1) : g_strdup (text);

      gtk_button_set_label (key, label);
    }
}

static void
key_clicked_cb (GtkButton     *key,
                KioskKeyboard *self)
{
  const char *text = g_object_get_data (G_OBJECT (key), KEY_TEXT);
  g_autofree char *shifted = NULL;

  if (self->layout == KIOSK_KEYBOARD_LETTERS && gtk_toggle_button_get_active (self->shift_button))
    text = shifted = g_utf8_strup (text, -1);

  kiosk_keyboard_insert (self, text);
  kiosk_keyboard_update_auto_shift (self);
}

static void
space_clicked_cb (KioskKeyboard *self)
{
  kiosk_keyboard_insert (self, " ");
  kiosk_keyboard_update_auto_shift (self);
}

static void
backspace_clicked_cb (KioskKeyboard *self)
{
  GtkEditable *target = self->target;
  int position;

  if (target == NULL)
    return;

  if (gtk_editable_get_selection_bounds (target, NULL, NULL))
    {
      gtk_editable_delete_selection (target);
    }
  else
    {
      position = gtk_editable_get_position (target);
      gtk_editable_delete_text (target, MAX (position - 1, 0), position);
    }
  kiosk_keyboard_update_auto_shift (self);
}

/* Next, like Enter on a real keyboard, activates the field: the form goes on to its next step. */
static void
next_clicked_cb (KioskKeyboard *self)
{
  /* GtkEntry passes Enter in its text on as its own "activate" signal. */
  if (self->target != NULL && g_signal_lookup ("activate", G_OBJECT_TYPE (self->target)) != 0)
    g_signal_emit_by_name (self->target, "activate");
}

/* Screen readers say "apostrophe" rather than reading a lone mark. */
static const char *
key_accessible_name (const char *text)
{
  if (g_str_equal (text, "'"))
    return _("apostrophe");
  if (g_str_equal (text, "-"))
    return _("hyphen");
  if (g_str_equal (text, "+"))
    return _("plus");

  return text;
}

static GtkWidget *
kiosk_keyboard_create_key (KioskKeyboard *self,
                           const char    *text,
                           const char    *css_class)
{
  GtkWidget *key = gtk_button_new_with_label (text);

  gtk_widget_set_focus_on_click (key, FALSE);
  gtk_widget_add_css_class (key, "kiosk-key");
  gtk_widget_add_css_class (key, css_class);
  g_object_set_data_full (G_OBJECT (key), KEY_TEXT, g_strdup (text), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (key),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, key_accessible_name (text),
                                  -1);
  g_signal_connect_object (key, "clicked", G_CALLBACK (key_clicked_cb), self, 0);

  return key;
}

static void
kiosk_keyboard_add_rows (KioskKeyboard      *self,
                         GtkGrid            *grid,
                         const char * const *rows,
                         guint               n_rows,
                         const char         *css_class,
                         GPtrArray          *keys)
{
  for (guint row = 0; row < n_rows; row++)
    {
      int column = 0;

      for (const char *p = rows[row]; *p != '\0'; p = g_utf8_next_char (p), column++)
        {
          g_autofree char *text = g_strndup (p, g_utf8_next_char (p) - p);
          GtkWidget *key = kiosk_keyboard_create_key (self, text, css_class);

          gtk_grid_attach (grid, key, column, row, 1, 1);
          if (g_str_equal (text, "+"))
            self->plus_key = key;
          if (keys != NULL && g_unichar_isalpha (g_utf8_get_char (text)))
            g_ptr_array_add (keys, key);
        }
    }
}

static void
kiosk_keyboard_add_accents (KioskKeyboard *self)
{
  for (const char *p = accent_row; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *text = g_strndup (p, g_utf8_next_char (p) - p);
      GtkWidget *key = kiosk_keyboard_create_key (self, text, "kiosk-letter-key");

      gtk_box_append (self->accents_box, key);
      g_ptr_array_add (self->letter_keys, key);
    }
}

static void
kiosk_keyboard_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KioskKeyboard *self = KIOSK_KEYBOARD (object);

  switch (prop_id)
    {
    case PROP_LAYOUT:
      g_value_set_enum (value, self->layout);
      break;
    case PROP_TARGET:
      g_value_set_object (value, self->target);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_keyboard_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KioskKeyboard *self = KIOSK_KEYBOARD (object);

  switch (prop_id)
    {
    case PROP_LAYOUT:
      kiosk_keyboard_set_layout (self, g_value_get_enum (value));
      break;
    case PROP_TARGET:
      kiosk_keyboard_set_target (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_keyboard_dispose (GObject *object)
{
  KioskKeyboard *self = (KioskKeyboard *)object;

  g_clear_weak_pointer (&self->target);
  kiosk_widget_dispose_template (GTK_WIDGET (self), KIOSK_TYPE_KEYBOARD);

  G_OBJECT_CLASS (kiosk_keyboard_parent_class)->dispose (object);
}

static void
kiosk_keyboard_finalize (GObject *object)
{
  KioskKeyboard *self = (KioskKeyboard *)object;

  g_clear_pointer (&self->letter_keys, g_ptr_array_unref);

  G_OBJECT_CLASS (kiosk_keyboard_parent_class)->finalize (object);
}

static void
kiosk_keyboard_class_init (KioskKeyboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = kiosk_keyboard_get_property;
  object_class->set_property = kiosk_keyboard_set_property;
  object_class->dispose = kiosk_keyboard_dispose;
  object_class->finalize = kiosk_keyboard_finalize;

  properties[PROP_LAYOUT] =
    g_param_spec_enum ("layout", NULL, NULL,
                       KIOSK_TYPE_KEYBOARD_LAYOUT, KIOSK_KEYBOARD_LETTERS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGET] =
    g_param_spec_object ("target", NULL, NULL, GTK_TYPE_EDITABLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/kiosk-keyboard.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskKeyboard, accents_box);
  gtk_widget_class_bind_template_child (widget_class, KioskKeyboard, digits_backspace_button);
  gtk_widget_class_bind_template_child (widget_class, KioskKeyboard, digits_grid);
  gtk_widget_class_bind_template_child (widget_class, KioskKeyboard, digits_next_button);
  gtk_widget_class_bind_template_child (widget_class, KioskKeyboard, letters_backspace_button);
  gtk_widget_class_bind_template_child (widget_class, KioskKeyboard, letters_grid);
  gtk_widget_class_bind_template_child (widget_class, KioskKeyboard, letters_next_button);
  gtk_widget_class_bind_template_child (widget_class, KioskKeyboard, shift_button);
  gtk_widget_class_bind_template_child (widget_class, KioskKeyboard, space_button);
  gtk_widget_class_bind_template_child (widget_class, KioskKeyboard, stack);
  gtk_widget_class_bind_template_callback (widget_class, backspace_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, space_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kioskkeyboard");
}

static void
kiosk_keyboard_init (KioskKeyboard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->letter_keys = g_ptr_array_new ();
  kiosk_keyboard_add_rows (self, self->letters_grid, letter_rows, G_N_ELEMENTS (letter_rows),
                           "kiosk-letter-key", self->letter_keys);
  kiosk_keyboard_add_rows (self, self->digits_grid, digit_rows, G_N_ELEMENTS (digit_rows),
                           "kiosk-digit-key", NULL);
  kiosk_keyboard_add_accents (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->space_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Space"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->shift_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Capital letters"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->letters_backspace_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->digits_backspace_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->letters_next_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Next"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->digits_next_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Next"), -1);
  g_signal_connect_object (self->shift_button, "notify::active",
                           G_CALLBACK (kiosk_keyboard_update_letter_labels), self,
                           G_CONNECT_SWAPPED);
  gtk_toggle_button_set_active (self->shift_button, TRUE);
}

GtkWidget *
kiosk_keyboard_new (void)
{
  return g_object_new (KIOSK_TYPE_KEYBOARD, NULL);
}

KioskKeyboardLayout
kiosk_keyboard_get_layout (KioskKeyboard *self)
{
  g_return_val_if_fail (KIOSK_IS_KEYBOARD (self), KIOSK_KEYBOARD_LETTERS);

  return self->layout;
}

void
kiosk_keyboard_set_layout (KioskKeyboard       *self,
                           KioskKeyboardLayout  layout)
{
  g_return_if_fail (KIOSK_IS_KEYBOARD (self));

  if (self->layout == layout)
    return;

  self->layout = layout;
  /* A PIN pad is the phone keypad without its "+" and its Next (the staff page has Unlock). */
  gtk_stack_set_visible_child_name (self->stack,
                                    layout == KIOSK_KEYBOARD_LETTERS ? "letters" : "digits");
  gtk_widget_set_visible (self->plus_key, layout == KIOSK_KEYBOARD_DIGITS);
  gtk_widget_set_visible (self->digits_next_button, layout == KIOSK_KEYBOARD_DIGITS);
  kiosk_keyboard_update_auto_shift (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
}

/**
 * kiosk_keyboard_get_target:
 *
 * Returns: (transfer none) (nullable): the editable the keys type into
 */
GtkEditable *
kiosk_keyboard_get_target (KioskKeyboard *self)
{
  g_return_val_if_fail (KIOSK_IS_KEYBOARD (self), NULL);

  return self->target;
}

void
kiosk_keyboard_set_target (KioskKeyboard *self,
                           GtkEditable   *target)
{
  g_return_if_fail (KIOSK_IS_KEYBOARD (self));
  g_return_if_fail (target == NULL || GTK_IS_EDITABLE (target));

  if (!g_set_weak_pointer (&self->target, target))
    return;

  kiosk_keyboard_update_auto_shift (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

/**
 * kiosk_keyboard_reset:
 *
 * Forgets the target and the shift state, for the next visitor.
 */
void
kiosk_keyboard_reset (KioskKeyboard *self)
{
  g_return_if_fail (KIOSK_IS_KEYBOARD (self));

  kiosk_keyboard_set_target (self, NULL);
  gtk_toggle_button_set_active (self->shift_button, TRUE);
}
