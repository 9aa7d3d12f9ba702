/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KIOSK_FALLBACK_LANGUAGE "en"

void        kiosk_language_init_gettext    (void);
char       *kiosk_language_pick            (const char         *preferred,
                                            const char * const *available,
                                            const char * const *system_names);
void        kiosk_language_apply           (const char         *language);
const char *kiosk_language_get_native_name (const char         *language);
const char *kiosk_language_next            (const char         *language,
                                            const char * const *available);

G_END_DECLS
