/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "kiosk-qr-matrix.h"
#include "kiosk-take-home.h"

static char *
text_of_size (gsize size)
{
  char *text = g_malloc (size + 1);

  for (gsize i = 0; i < size; i++)
    text[i] = 'a' + i % 26;
  text[size] = '\0';

  return text;
}

static void
assert_finder (const KioskQrMatrix *matrix,
               guint                left,
               guint                top)
{
  /* A finder pattern: a dark 7×7 ring, a light ring inside it, a dark 3×3 centre. */
  g_assert_true (kiosk_qr_matrix_is_dark (matrix, left, top));
  g_assert_true (kiosk_qr_matrix_is_dark (matrix, left + 6, top + 6));
  g_assert_false (kiosk_qr_matrix_is_dark (matrix, left + 1, top + 1));
  g_assert_true (kiosk_qr_matrix_is_dark (matrix, left + 3, top + 3));
}

static void
test_structure (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskQrMatrix) matrix = kiosk_qr_matrix_new ("¿Por qué tengo tics en la cara?", &error);
  guint width;

  g_assert_no_error (error);
  width = kiosk_qr_matrix_get_width (matrix);
  g_assert_cmpuint (width, ==, 17 + 4 * kiosk_qr_matrix_get_version (matrix));
  /* 30 bytes at level M need version 3; level H would need version 4. */
  g_assert_cmpuint (kiosk_qr_matrix_get_version (matrix), ==, 3);

  assert_finder (matrix, 0, 0);
  assert_finder (matrix, width - 7, 0);
  assert_finder (matrix, 0, width - 7);
  /* The separator around a finder pattern is light. */
  g_assert_false (kiosk_qr_matrix_is_dark (matrix, 7, 7));
}

/* The longest take-home text still makes a code a phone can read off a screen. */
static void
test_take_home_limit (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = text_of_size (KIOSK_TAKE_HOME_MAX_SIZE);
  g_autoptr(KioskQrMatrix) matrix = kiosk_qr_matrix_new (text, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (kiosk_qr_matrix_get_version (matrix), <=, 22);
  g_assert_cmpuint (kiosk_qr_matrix_get_width (matrix), <=, 105);
}

static void
test_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = text_of_size (4000);
  KioskQrMatrix *matrix;

  matrix = kiosk_qr_matrix_new ("", &error);
  g_assert_null (matrix);
  g_assert_error (error, KIOSK_QR_MATRIX_ERROR, KIOSK_QR_MATRIX_ERROR_EMPTY);
  g_clear_error (&error);

  matrix = kiosk_qr_matrix_new (text, &error);
  g_assert_null (matrix);
  g_assert_error (error, KIOSK_QR_MATRIX_ERROR, KIOSK_QR_MATRIX_ERROR_TOO_LONG);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk/qr-matrix/structure", test_structure);
  g_test_add_func ("/kiosk/qr-matrix/take-home-limit", test_take_home_limit);
  g_test_add_func ("/kiosk/qr-matrix/errors", test_errors);

  return g_test_run ();
}
