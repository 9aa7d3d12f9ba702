/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GPtrArray *kiosk_test_csv_parse      (const char *text,
                                      gsize       length);
GPtrArray *kiosk_test_csv_read_file  (const char *path);
void       kiosk_test_delete_tree    (const char *path);

G_END_DECLS
