/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Libraries opened on demand (kiosk-library.c): a missing library or function is a clear error,
 * never a crash; a present one fills its table once; and the kiosk's executable does not load
 * them at start. */

#include "config.h"

#include <gio/gio.h>

#include "kiosk-library.h"
#include "kiosk-pq.h"

typedef struct
{
  gpointer g_strdup;
  gpointer g_free;
} GlibTable;

static void
test_missing_library (void)
{
  static GlibTable table;
  static const KioskLibrarySymbol symbols[] = { KIOSK_LIBRARY_SYMBOL (GlibTable, g_strdup) };
  static KioskLibrary library =
    KIOSK_LIBRARY_INIT ("libpatient-kiosk-not-there.so.0", symbols, &table);
  g_autoptr(GError) error = NULL;

  g_assert_false (kiosk_library_ensure (&library, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "libpatient-kiosk-not-there.so.0"));
  g_assert_null (table.g_strdup);

  /* The second call gives the same answer without trying again. */
  g_clear_error (&error);
  g_assert_false (kiosk_library_ensure (&library, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

typedef struct
{
  gpointer g_strdup;
  gpointer kiosk_no_such_function;
} HalfTable;

static void
test_missing_function (void)
{
  static HalfTable table;
  static const KioskLibrarySymbol symbols[] = {
    KIOSK_LIBRARY_SYMBOL (HalfTable, g_strdup),
    KIOSK_LIBRARY_SYMBOL (HalfTable, kiosk_no_such_function),
  };
  static KioskLibrary library = KIOSK_LIBRARY_INIT ("libglib-2.0.so.0", symbols, &table);
  g_autoptr(GError) error = NULL;

  g_assert_false (kiosk_library_ensure (&library, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "kiosk_no_such_function"));
}

static void
test_present_library (void)
{
  static GlibTable table;
  static const KioskLibrarySymbol symbols[] = {
    KIOSK_LIBRARY_SYMBOL (GlibTable, g_strdup),
    KIOSK_LIBRARY_SYMBOL (GlibTable, g_free),
  };
  static KioskLibrary library = KIOSK_LIBRARY_INIT ("libglib-2.0.so.0", symbols, &table);
  g_autoptr(GError) error = NULL;

  g_assert_true (kiosk_library_ensure (&library, &error));
  g_assert_no_error (error);
  /* The same functions the linker gave this program. */
  g_assert_true (table.g_strdup == (gpointer) g_strdup);
  g_assert_true (table.g_free == (gpointer) g_free);
}

static void
test_libpq (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kiosk_pq_load (&error));
  g_assert_no_error (error);
  g_assert_nonnull (kiosk_pq.PQconnectdbParams);
  g_assert_nonnull (kiosk_pq.PQclear);
  g_assert_cmpint (kiosk_pq.PQresultStatus (NULL), ==, PGRES_FATAL_ERROR);
}

/* The executable's own list of libraries: the optional ones are not in it, so they are not
 * loaded (and relocated) before the first frame. */
static void
test_not_linked (void)
{
  const char *kiosk = g_getenv ("KIOSK_TEST_EXECUTABLE");
  const char *optional[] = { KIOSK_LIBPQ_SONAME, KIOSK_ESPEAK_SONAME, KIOSK_PCAUDIO_SONAME };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_nonnull (kiosk);
  g_spawn_sync (NULL, (char *[]) { (char *) "readelf", (char *) "--dynamic", (char *) kiosk, NULL },
                NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "(NEEDED)"));
  g_assert_nonnull (strstr (out, "libgtk-4.so.1"));

  for (guint i = 0; i < G_N_ELEMENTS (optional); i++)
    {
      g_autofree char *needed = g_strdup_printf ("[%s]", optional[i]);

      if (strstr (out, needed) != NULL)
        g_error ("The kiosk is linked to %s, which it should open only when needed", optional[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk/library/missing-library", test_missing_library);
  g_test_add_func ("/kiosk/library/missing-function", test_missing_function);
  g_test_add_func ("/kiosk/library/present-library", test_present_library);
  g_test_add_func ("/kiosk/library/libpq", test_libpq);
  g_test_add_func ("/kiosk/library/not-linked", test_not_linked);

  return g_test_run ();
}
