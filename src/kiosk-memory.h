/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void  kiosk_memory_release_after_paint (GtkWidget *widget);
guint kiosk_memory_get_releases        (void);

G_END_DECLS
