/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The kiosk's topic illustrations (resources/icons/illustrations/), drawn for it as one set,
 * and what each shows, for screen readers.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-illustration.h"

typedef struct
{
  const char *icon_name;
  const char *description;
} KioskIllustration;

static const KioskIllustration illustrations[] = {
  { "kiosk-illustration-causes", N_("A face in profile with small marks by the eye and cheek") },
  { "kiosk-illustration-treatments", N_("A clipboard with a medical cross and a ticked list") },
  { "kiosk-illustration-specialist", N_("A doctor in a white coat with a stethoscope") },
  { "kiosk-illustration-callback", N_("A telephone handset") },
  { "kiosk-illustration-thanks", N_("A calendar page with a tick") },
  { "kiosk-illustration-check", N_("A speech bubble with a question mark and a tick") },
};

/**
 * kiosk_illustration_get_description:
 * @icon_name: (nullable): an illustration's icon name, as in the content manifest
 *
 * Returns: (nullable): what the illustration shows, translated, or %NULL for an icon that is
 *   not one of the kiosk's illustrations (a content pack's own)
 */
const char *
kiosk_illustration_get_description (const char *icon_name)
{
  for (guint i = 0; icon_name != NULL && i < G_N_ELEMENTS (illustrations); i++)
    {
      if (g_str_equal (icon_name, illustrations[i].icon_name))
        return _(illustrations[i].description);
    }

  return NULL;
}

/**
 * kiosk_illustration_describe:
 * @image: the image showing @icon_name
 * @icon_name: (nullable): the illustration's icon name
 *
 * Shows @icon_name in @image and names it for screen readers; an icon without a description
 * is only decoration and is hidden from them.
 */
void
kiosk_illustration_describe (GtkImage   *image,
                             const char *icon_name)
{
  const char *description = kiosk_illustration_get_description (icon_name);

  g_return_if_fail (GTK_IS_IMAGE (image));

  gtk_image_set_from_icon_name (image, icon_name);
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL);
}
