/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  KIOSK_KEYBOARD_LETTERS,
  KIOSK_KEYBOARD_DIGITS,
  KIOSK_KEYBOARD_PIN,
} KioskKeyboardLayout;

#define KIOSK_TYPE_KEYBOARD_LAYOUT (kiosk_keyboard_layout_get_type ())
#define KIOSK_TYPE_KEYBOARD (kiosk_keyboard_get_type ())

G_DECLARE_FINAL_TYPE (KioskKeyboard, kiosk_keyboard, KIOSK, KEYBOARD, GtkWidget)

GType               kiosk_keyboard_layout_get_type (void) G_GNUC_CONST;
GtkWidget          *kiosk_keyboard_new             (void);
KioskKeyboardLayout kiosk_keyboard_get_layout      (KioskKeyboard       *self);
void                kiosk_keyboard_set_layout      (KioskKeyboard       *self,
                                                    KioskKeyboardLayout  layout);
GtkEditable        *kiosk_keyboard_get_target      (KioskKeyboard       *self);
void                kiosk_keyboard_set_target      (KioskKeyboard       *self,
                                                    GtkEditable         *target);
void                kiosk_keyboard_reset           (KioskKeyboard       *self);

G_END_DECLS
