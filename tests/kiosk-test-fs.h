/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *kiosk_test_make_dir    (const char *prefix);
void  kiosk_test_remove_tree (const char *path);

G_END_DECLS
