/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

const char *kiosk_illustration_get_description (const char *icon_name);
void        kiosk_illustration_describe        (GtkImage   *image,
                                                const char *icon_name);

G_END_DECLS
