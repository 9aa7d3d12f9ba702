/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Libraries only some kiosks use, opened the first time a feature needs them: libpq for the
 * shared queue, espeak-ng and pcaudiolib for reading aloud. Linked at start, they and what they
 * pull in (Kerberos, LDAP, TLS, PulseAudio, sound codecs: 48 libraries) were loaded and relocated
 * before the first frame, and made every later symbol lookup (GTK's own, of Mesa) slower
 * (issue 10). Each library's functions go into a table of pointers, with the types of its own
 * header, so the callers stay type-checked.
 */

#include "config.h"

#include <gio/gio.h>
#include <gmodule.h>

#include "kiosk-library.h"

static gboolean
kiosk_library_load (KioskLibrary  *library,
                    GError       **error)
{
  GModule *module = g_module_open (library->soname, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);

  if (module == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "%s could not be loaded: %s", library->soname, g_module_error ());
      return FALSE;
    }

  for (guint i = 0; i < library->n_symbols; i++)
    {
      const KioskLibrarySymbol *symbol = &library->symbols[i];
      gpointer *slot = G_STRUCT_MEMBER_P (library->table, symbol->offset);

      if (!g_module_symbol (module, symbol->name, slot) || *slot == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       "%s has no %s", library->soname, symbol->name);
          g_module_close (module);
          return FALSE;
        }
    }

  /* Its functions stay in use for the life of the process. */
  g_module_make_resident (module);

  return TRUE;
}

/**
 * kiosk_library_ensure:
 * @library: a library and the table its functions go into
 * @error: return location for a #GError (in the #G_IO_ERROR domain)
 *
 * Opens @library and fills its table, once; later calls, from any thread, return at once with
 * the first call's result.
 *
 * Returns: %TRUE when every function of the table is there
 */
gboolean
kiosk_library_ensure (KioskLibrary  *library,
                      GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (library != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = g_mutex_locker_new (&library->lock);

  if (!library->tried)
    {
      library->tried = TRUE;
      if (!kiosk_library_load (library, &local_error))
        library->error_message = g_strdup (local_error->message);
    }

  if (library->error_message != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, library->error_message);
      return FALSE;
    }

  return TRUE;
}
