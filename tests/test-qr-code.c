/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Draws QR codes and reads them back with zbarimg, a decoder that shares no code with
 * libqrencode. Textures and PNG files need no display, so these run with the unit tests.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kiosk-content-pack.h"
#include "kiosk-language.h"
#include "kiosk-qr-code.h"
#include "kiosk-take-home.h"

#define TARGET_SIZE 420

typedef struct
{
  char *dir;
  guint n_files;
} DecodeFixture;

static void
decode_setup (DecodeFixture *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (g_getenv ("KIOSK_ZBARIMG") == NULL)
    {
      g_test_skip ("zbarimg was not found at configure time (Debian package zbar-tools)");
      return;
    }

  fixture->dir = g_dir_make_tmp ("kiosk-qr-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
decode_teardown (DecodeFixture *fixture,
                 gconstpointer  data)
{
  if (fixture->dir == NULL)
    return;

  for (guint i = 0; i < fixture->n_files; i++)
    {
      g_autofree char *name = g_strdup_printf ("%u.png", i);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static GdkTexture *
render_text (const char *text,
             guint       module_size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskQrMatrix) matrix = kiosk_qr_matrix_new (text, &error);

  g_assert_no_error (error);
  if (module_size == 0)
    module_size = kiosk_qr_code_get_module_size (matrix, TARGET_SIZE);

  return kiosk_qr_code_render (matrix, module_size);
}

/* zbarimg with --raw and -Sbinary prints the code's bytes as they are. Without -Sbinary it
 * guesses the text's encoding and takes short Spanish UTF-8 for Shift JIS ("Estr矇s"); phone
 * readers guess UTF-8 for such codes, and the bytes are what this test compares. Some zbar
 * versions end the output with a line break of their own; a summary never ends with one. */
static char *
decode_png (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) zbarimg = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  gsize length;
  const char *data;

  zbarimg = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                              &error, g_getenv ("KIOSK_ZBARIMG"), "--raw", "-q", "--nodbus",
                              "-Sbinary",
                              path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate (zbarimg, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (zbarimg))
    g_error ("zbarimg could not read %s: %.*s", path,
             (int)g_bytes_get_size (err), (const char *)g_bytes_get_data (err, NULL));

  data = g_bytes_get_data (out, &length);
  g_assert_cmpuint (length, >, 0);
  if (data[length - 1] == '\n')
    length--;

  return g_strndup (data, length);
}

static void
assert_round_trip (DecodeFixture *fixture,
                   const char    *text)
{
  g_autoptr(GdkTexture) texture = render_text (text, 0);
  g_autofree char *name = g_strdup_printf ("%u.png", fixture->n_files++);
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *decoded = NULL;

  g_assert_true (gdk_texture_save_to_png (texture, path));
  decoded = decode_png (path);
  g_assert_cmpstr (decoded, ==, text);
}

static void
test_decode_accents (DecodeFixture *fixture,
                     gconstpointer  data)
{
  if (fixture->dir == NULL)
    return;

  assert_round_trip (fixture, "¿Por qué tengo tics en la cara?");
  assert_round_trip (fixture, "Ñandú, pingüino, “comillas”… 😀\nSegunda línea");
}

/* The page's code for every bundled topic, in both languages, reads back as its summary. */
static void
test_decode_take_home (DecodeFixture *fixture,
                       gconstpointer  data)
{
  const char * const languages[] = { "en", "es" };

  if (fixture->dir == NULL)
    return;

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(KioskContentPack) pack = NULL;

      kiosk_language_apply (languages[l]);
      pack = kiosk_content_pack_new (languages[l], NULL, NULL);
      g_assert_nonnull (pack);

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pack)); i++)
        {
          g_autoptr(KioskTopic) topic = g_list_model_get_item (G_LIST_MODEL (pack), i);
          g_autofree char *text = kiosk_take_home_text_new (topic, "Clínica Ñandú",
                                                            "+506 2222-3333", "911");

          assert_round_trip (fixture, text);
        }
    }
}

static void
assert_module (const guchar *pixels,
               gsize         stride,
               guint         module_size,
               guint         x,
               guint         y,
               guchar        value)
{
  for (guint row = 0; row < module_size; row++)
    for (guint col = 0; col < module_size; col++)
      {
        const guchar *pixel = pixels + (y * module_size + row) * stride
                                     + (x * module_size + col) * 4;

        /* Cairo's ARGB32 in memory order; only opaque black or white. */
        g_assert_cmpuint (pixel[0], ==, value);
        g_assert_cmpuint (pixel[1], ==, value);
        g_assert_cmpuint (pixel[2], ==, value);
        g_assert_cmpuint (pixel[3], ==, 0xff);
      }
}

static void
test_render (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskQrMatrix) matrix = kiosk_qr_matrix_new ("Take this home", &error);
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  guint module_size = 5;
  guint side, width;
  gsize stride;

  g_assert_no_error (error);
  width = kiosk_qr_matrix_get_width (matrix);
  side = width + 2 * KIOSK_QR_QUIET_ZONE;
  texture = kiosk_qr_code_render (matrix, module_size);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, side * module_size);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, side * module_size);

  stride = (gsize)gdk_texture_get_width (texture) * 4;
  pixels = g_malloc (stride * gdk_texture_get_height (texture));
  gdk_texture_download (texture, pixels, stride);

  for (guint y = 0; y < side; y++)
    for (guint x = 0; x < side; x++)
      {
        gboolean in_symbol = x >= KIOSK_QR_QUIET_ZONE && x < KIOSK_QR_QUIET_ZONE + width &&
                             y >= KIOSK_QR_QUIET_ZONE && y < KIOSK_QR_QUIET_ZONE + width;
        gboolean dark = in_symbol &&
                        kiosk_qr_matrix_is_dark (matrix, x - KIOSK_QR_QUIET_ZONE,
                                                 y - KIOSK_QR_QUIET_ZONE);

        assert_module (pixels, stride, module_size, x, y, dark ? 0x00 : 0xff);
      }
}

static void
test_module_size (void)
{
  g_autofree char *long_text = g_strnfill (KIOSK_TAKE_HOME_MAX_SIZE, 'x');
  g_autoptr(KioskQrMatrix) small = kiosk_qr_matrix_new ("Hi", NULL);
  g_autoptr(KioskQrMatrix) large = kiosk_qr_matrix_new (long_text, NULL);

  /* Version 1 is 21 modules, 29 with the quiet zone: 14 px each fills 406 of 420 px. */
  g_assert_cmpuint (kiosk_qr_code_get_module_size (small, TARGET_SIZE), ==, 14);
  /* Modules never get smaller than 3 px, even if the code outgrows the target. */
  g_assert_cmpuint (kiosk_qr_code_get_module_size (large, TARGET_SIZE), ==, 3);
  g_assert_cmpuint (kiosk_qr_code_get_module_size (large, 100), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  kiosk_language_init_gettext ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk/qr-code/render", test_render);
  g_test_add_func ("/kiosk/qr-code/module-size", test_module_size);
  g_test_add ("/kiosk/qr-code/decode-accents", DecodeFixture, NULL,
              decode_setup, test_decode_accents, decode_teardown);
  g_test_add ("/kiosk/qr-code/decode-take-home", DecodeFixture, NULL,
              decode_setup, test_decode_take_home, decode_teardown);

  return g_test_run ();
}
