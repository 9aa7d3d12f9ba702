/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kiosk-topic.h"

G_BEGIN_DECLS

/* A QR code of this many bytes (version 22 at error correction level M, 105 modules a side)
 * still scans from a screen at arm's length, with modules of 4 px on a 1280×800 screen; the
 * summary is cut to stay below it. */
#define KIOSK_TAKE_HOME_MAX_SIZE 779

/* List items longer than this many characters are shortened with "…". */
#define KIOSK_TAKE_HOME_ITEM_MAX_CHARS 60

char *kiosk_take_home_text_new (KioskTopic *topic,
                                const char *clinic_name,
                                const char *clinic_phone,
                                const char *emergency_number);

G_END_DECLS
