/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *name;
  gsize       offset;   /* where the function pointer goes in the library's table */
} KioskLibrarySymbol;

#define KIOSK_LIBRARY_SYMBOL(Table, symbol) { #symbol, G_STRUCT_OFFSET (Table, symbol) }

typedef struct
{
  const char               *soname;
  const KioskLibrarySymbol *symbols;
  guint                     n_symbols;
  gpointer                  table;

  /*< private >*/
  GMutex                    lock;
  gboolean                  tried;
  char                     *error_message;
} KioskLibrary;

/* A library whose functions @symbols (a static array) go into @table. */
#define KIOSK_LIBRARY_INIT(library_soname, library_symbols, library_table) \
  { .soname = (library_soname), .symbols = (library_symbols), \
    .n_symbols = G_N_ELEMENTS (library_symbols), .table = (library_table) }

gboolean kiosk_library_ensure (KioskLibrary  *library,
                               GError       **error);

G_END_DECLS
