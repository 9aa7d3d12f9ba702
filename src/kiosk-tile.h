/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KIOSK_TYPE_TILE (kiosk_tile_get_type ())

G_DECLARE_FINAL_TYPE (KioskTile, kiosk_tile, KIOSK, TILE, GtkButton)

GtkWidget  *kiosk_tile_new           (const char *icon_name,
                                      const char *title,
                                      const char *summary);
const char *kiosk_tile_get_title     (KioskTile  *self);
void        kiosk_tile_set_title     (KioskTile  *self,
                                      const char *title);
const char *kiosk_tile_get_summary   (KioskTile  *self);
void        kiosk_tile_set_summary   (KioskTile  *self,
                                      const char *summary);
const char *kiosk_tile_get_icon_name (KioskTile  *self);
void        kiosk_tile_set_icon_name (KioskTile  *self,
                                      const char *icon_name);

G_END_DECLS
