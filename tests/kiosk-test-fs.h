/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *kiosk_test_make_dir    (const char *prefix);
void  kiosk_test_remove_tree (const char *path);
void  kiosk_test_run_python  (const char *script,
                              const char *first_arg,
                              ...) G_GNUC_NULL_TERMINATED;

gboolean kiosk_test_skip_without_fiu (const char *fiu_run);

G_END_DECLS
