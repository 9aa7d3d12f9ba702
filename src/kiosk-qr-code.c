/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Draws a QR code into a texture of whole pixels: each module is a square of module_size
 * pixels, the quiet zone is included, and the colours are black on white whatever the theme,
 * because that is what phone cameras read best. The texture is made at the size it is shown,
 * so it is never scaled and its edges stay sharp (GTK 4.8 cannot draw a texture with nearest
 * filtering).
 */

#include "config.h"

#include <string.h>

#include "kiosk-qr-code.h"

#define BYTES_PER_PIXEL 3
#define DARK            0x00
#define LIGHT           0xff

/* Modules smaller than this are hard for a phone camera to tell apart at arm's length. */
#define MIN_MODULE_SIZE 3

static guint
side_in_modules (const KioskQrMatrix *matrix)
{
  return kiosk_qr_matrix_get_width (matrix) + 2 * KIOSK_QR_QUIET_ZONE;
}

/**
 * kiosk_qr_code_get_module_size:
 * @matrix: a QR code
 * @target_size: the side, in pixels, the code should come close to
 *
 * Returns: the largest whole number of pixels a module can take for the code, quiet zone
 *   included, to fit in @target_size pixels; never less than 3, so a long code may be larger
 */
guint
kiosk_qr_code_get_module_size (const KioskQrMatrix *matrix,
                               guint                target_size)
{
  g_return_val_if_fail (matrix != NULL, MIN_MODULE_SIZE);

  return MAX (MIN_MODULE_SIZE, target_size / side_in_modules (matrix));
}

/* Writes one row of modules, each module_size pixels wide, into @row. */
static void
fill_row (const KioskQrMatrix *matrix,
          guint                y,
          guint                module_size,
          guchar              *row)
{
  guint width = kiosk_qr_matrix_get_width (matrix);
  gsize module_bytes = (gsize)module_size * BYTES_PER_PIXEL;
  guchar *symbol = row + KIOSK_QR_QUIET_ZONE * module_bytes;

  for (guint x = 0; x < width; x++)
    {
      if (kiosk_qr_matrix_is_dark (matrix, x, y))
        memset (symbol + x * module_bytes, DARK, module_bytes);
    }
}

/**
 * kiosk_qr_code_render:
 * @matrix: a QR code
 * @module_size: the side of one module in pixels, at least 1
 *
 * Draws @matrix with its quiet zone of %KIOSK_QR_QUIET_ZONE modules, black on white.
 *
 * Returns: (transfer full): a texture of (width + 8) × @module_size pixels a side
 */
GdkTexture *
kiosk_qr_code_render (const KioskQrMatrix *matrix,
                      guint                module_size)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize side, stride;
  guchar *pixels;

  g_return_val_if_fail (matrix != NULL, NULL);
  g_return_val_if_fail (module_size > 0 && module_size <= 64, NULL);

  side = (gsize)side_in_modules (matrix) * module_size;
  stride = side * BYTES_PER_PIXEL;
  pixels = g_malloc (stride * side);
  memset (pixels, LIGHT, stride * side);

  for (guint y = 0; y < kiosk_qr_matrix_get_width (matrix); y++)
    {
      guchar *first = pixels + ((gsize)(y + KIOSK_QR_QUIET_ZONE) * module_size) * stride;

      fill_row (matrix, y, module_size, first);
      for (guint copy = 1; copy < module_size; copy++)
        memcpy (first + copy * stride, first, stride);
    }

  bytes = g_bytes_new_take (pixels, stride * side);

  return gdk_memory_texture_new ((int)side, (int)side, GDK_MEMORY_R8G8B8, bytes, stride);
}
