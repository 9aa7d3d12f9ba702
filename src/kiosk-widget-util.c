/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "kiosk-widget-util.h"

/**
 * kiosk_widget_dispose_template:
 *
 * gtk_widget_dispose_template(), plus what GTK 4.8's version leaves behind: a template's
 * top-level children that are not bound to a field stay parented, and a widget must not be
 * finalized with children.
 */
void
kiosk_widget_dispose_template (GtkWidget *widget,
                               GType      widget_type)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_dispose_template (widget, widget_type);

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}
