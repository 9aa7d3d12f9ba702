/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kiosk-application.h"
#include "kiosk-reception.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_RECEPTION_WINDOW (kiosk_reception_window_get_type ())

G_DECLARE_FINAL_TYPE (KioskReceptionWindow, kiosk_reception_window, KIOSK, RECEPTION_WINDOW,
                      AdwApplicationWindow)

KioskReceptionWindow *kiosk_reception_window_new           (KioskApplication     *application);
KioskReception       *kiosk_reception_window_get_reception (KioskReceptionWindow *self);

G_END_DECLS
