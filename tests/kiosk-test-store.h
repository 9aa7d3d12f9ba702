/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kiosk-store.h"

G_BEGIN_DECLS

char   *kiosk_test_store_query          (KioskStore *store,
                                         const char *sql);
gint64  kiosk_test_store_query_int      (KioskStore *store,
                                         const char *sql);
void    kiosk_test_store_assert_released (KioskStore *store);

G_END_DECLS
