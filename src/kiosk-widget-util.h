/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void kiosk_widget_dispose_template   (GtkWidget         *widget,
                                      GType              widget_type);
void kiosk_scrolled_window_drag_to_scroll (GtkScrolledWindow *scroller);
void kiosk_scrolled_window_scroll_to_top  (GtkScrolledWindow *scroller);
void kiosk_disable_inspector_keybinding   (void);
void kiosk_entry_make_private             (GtkEntry          *entry);

G_END_DECLS
