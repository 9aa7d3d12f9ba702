/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Looking inside a store from the tests, through its private test hook. */

#include "config.h"

#include "kiosk-store-private.h"
#include "kiosk-test-store.h"

/**
 * kiosk_test_store_query:
 *
 * Returns: (transfer full): the first column of the first row of @sql, as text
 */
char *
kiosk_test_store_query (KioskStore *store,
                        const char *sql)
{
  g_autoptr(GError) error = NULL;
  char *result = _kiosk_store_test_query (store, sql, &error);

  g_assert_no_error (error);

  return result;
}

gint64
kiosk_test_store_query_int (KioskStore *store,
                            const char *sql)
{
  g_autofree char *text = kiosk_test_store_query (store, sql);

  return g_ascii_strtoll (text, NULL, 10);
}

/**
 * kiosk_test_store_assert_released:
 *
 * Drops the caller's reference and asserts the store is finalized, like
 * g_assert_finalize_object(), but gives a finished GTask's worker thread a moment to drop its
 * own reference first.
 */
void
kiosk_test_store_assert_released (KioskStore *store)
{
  gpointer weak = store;
  gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC;

  g_object_add_weak_pointer (G_OBJECT (store), &weak);
  g_object_unref (store);
  while (weak != NULL && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  g_assert_null (weak);
}
