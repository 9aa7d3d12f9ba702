/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* libFuzzer's entry points, which it declares nowhere. */
int  LLVMFuzzerInitialize   (int            *argc,
                             char         ***argv);
int  LLVMFuzzerTestOneInput (const guint8   *data,
                             size_t          size);

void       kiosk_fuzz_init         (void);
GPtrArray *kiosk_fuzz_split        (const guint8 *data,
                                    gsize         size,
                                    guint         max_parts);
void       kiosk_fuzz_check        (gboolean      condition,
                                    const char   *what);

G_END_DECLS
