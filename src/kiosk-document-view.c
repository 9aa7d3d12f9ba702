/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Turns a KioskDocument into native widgets: headings, paragraphs, list items as cards and
 * notes as highlighted cards. It has no template because every child comes from the document.
 * Text goes into labels as plain text with a PangoAttrList for emphasis, never as markup.
 */

#include "config.h"

#include "kiosk-document-view.h"

struct _KioskDocumentView
{
  GtkWidget      parent_instance;

  KioskDocument *document;
};

G_DEFINE_FINAL_TYPE (KioskDocumentView, kiosk_document_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void render_blocks (GtkWidget        *box,
                           const KioskBlock *parent,
                           KioskDocument    *document);

static PangoAttribute *
span_attribute (KioskSpanStyle style)
{
  switch (style)
    {
    case KIOSK_SPAN_EMPHASIS:
      return pango_attr_style_new (PANGO_STYLE_ITALIC);
    case KIOSK_SPAN_STRONG:
      return pango_attr_weight_new (PANGO_WEIGHT_BOLD);
    case KIOSK_SPAN_CODE:
    default:
      return pango_attr_family_new ("monospace");
    }
}

static PangoAttrList *
block_attributes (const KioskBlock *block)
{
  PangoAttrList *attrs = pango_attr_list_new ();
  guint n_spans;
  const KioskSpan *spans = kiosk_block_get_spans (block, &n_spans);

  for (guint i = 0; i < n_spans; i++)
    {
      PangoAttribute *attr = span_attribute (spans[i].style);

      attr->start_index = spans[i].start;
      attr->end_index = spans[i].end;
      pango_attr_list_insert (attrs, attr);
    }

  return attrs;
}

static GtkWidget *
block_label (const KioskBlock  *block,
             const char        *css_class,
             GtkAccessibleRole  role)
{
  g_autoptr(PangoAttrList) attrs = block_attributes (block);
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "accessible-role", role,
                                   "label", kiosk_block_get_text (block),
                                   "use-markup", FALSE,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "xalign", 0.0f,
                                   "hexpand", TRUE,
                                   "attributes", attrs,
                                   NULL);

  gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
styled_box (GtkOrientation     orientation,
            int                spacing,
            GtkAccessibleRole  role,
            const char        *css_class)
{
  GtkWidget *box = g_object_new (GTK_TYPE_BOX,
                                 "accessible-role", role,
                                 "orientation", orientation,
                                 "spacing", spacing,
                                 NULL);

  if (css_class != NULL)
    gtk_widget_add_css_class (box, css_class);

  return box;
}

/* A card with a marker (a bullet, a number, an icon) beside its text. A grid, not a horizontal
 * GtkBox: GTK 4.8's box measures wrapping text beside something by a binary search over widths,
 * each step of which is a binary search of the label's own, and a topic page has dozens of these
 * cards. The grid measures the text once for the width its column gets. */
static GtkWidget *
marker_card (GtkWidget         *marker,
             GtkWidget         *body,
             GtkAccessibleRole  role,
             const char        *css_class)
{
  GtkWidget *card = g_object_new (GTK_TYPE_GRID,
                                  "accessible-role", role,
                                  "column-spacing", 16,
                                  NULL);

  gtk_widget_add_css_class (card, css_class);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_valign (marker, GTK_ALIGN_START);
  gtk_accessible_update_state (GTK_ACCESSIBLE (marker), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_grid_attach (GTK_GRID (card), marker, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (card), body, 1, 0, 1, 1);

  return card;
}

static GtkWidget *
render_heading (const KioskBlock *block)
{
  return block_label (block,
                      kiosk_block_get_level (block) <= 2 ? "kiosk-heading" : "kiosk-subheading",
                      GTK_ACCESSIBLE_ROLE_HEADING);
}

static GtkWidget *
render_list_item (const KioskBlock *item,
                  guint             number,
                  KioskDocument    *document)
{
  GtkWidget *body = styled_box (GTK_ORIENTATION_VERTICAL, 12, GTK_ACCESSIBLE_ROLE_GROUP, NULL);
  GtkWidget *marker;

  if (number > 0)
    {
      g_autofree char *text = g_strdup_printf ("%u.", number);

      marker = gtk_label_new (text);
      gtk_widget_add_css_class (marker, "kiosk-list-number");
    }
  else
    {
      marker = gtk_image_new_from_icon_name ("media-record-symbolic");
      gtk_widget_add_css_class (marker, "kiosk-list-bullet");
    }

  gtk_box_append (GTK_BOX (body), block_label (item, "kiosk-body", GTK_ACCESSIBLE_ROLE_LABEL));
  render_blocks (body, item, document);

  return marker_card (marker, body, GTK_ACCESSIBLE_ROLE_LIST_ITEM, "kiosk-list-item");
}

static GtkWidget *
render_list (const KioskBlock *block,
             KioskDocument    *document)
{
  GtkWidget *box = styled_box (GTK_ORIENTATION_VERTICAL, 12,
                               GTK_ACCESSIBLE_ROLE_LIST, "kiosk-list");
  gboolean ordered = kiosk_block_get_level (block) > 0;
  guint n = kiosk_block_get_n_children (block);

  for (guint i = 0; i < n; i++)
    gtk_box_append (GTK_BOX (box),
                    render_list_item (kiosk_block_get_child (block, i),
                                      ordered ? i + 1 : 0, document));

  return box;
}

static GtkWidget *
render_quote (const KioskBlock *block,
              KioskDocument    *document)
{
  GtkWidget *body = styled_box (GTK_ORIENTATION_VERTICAL, 12, GTK_ACCESSIBLE_ROLE_GROUP, NULL);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");

  gtk_image_set_pixel_size (GTK_IMAGE (icon), 32);
  render_blocks (body, block, document);

  return marker_card (icon, body, GTK_ACCESSIBLE_ROLE_NOTE, "kiosk-note");
}

static GtkWidget *
render_block (const KioskBlock *block,
              KioskDocument    *document)
{
  const char *summary = kiosk_document_get_summary (document);

  switch (kiosk_block_get_kind (block))
    {
    case KIOSK_BLOCK_HEADING:
      /* The page shows the title itself, above the document. */
      if (kiosk_block_get_text (block) == kiosk_document_get_title (document))
        return NULL;
      return render_heading (block);
    case KIOSK_BLOCK_LIST:
      return render_list (block, document);
    case KIOSK_BLOCK_QUOTE:
      return render_quote (block, document);
    case KIOSK_BLOCK_PARAGRAPH:
      return block_label (block,
                          kiosk_block_get_text (block) == summary ? "kiosk-lead" : "kiosk-body",
                          GTK_ACCESSIBLE_ROLE_LABEL);
    case KIOSK_BLOCK_LIST_ITEM:
    default:
      g_assert_not_reached ();
    }
}

/* Renders the children of @parent, or the document's top-level blocks when @parent is NULL.
 * Quotes and lists recurse here; KioskDocument refuses Markdown nested deeper than
 * KIOSK_DOCUMENT_MAX_NESTING, which keeps both the stack and the widget tree shallow. */
static void
render_blocks (GtkWidget        *box,
               const KioskBlock *parent,
               KioskDocument    *document)
{
  guint n = parent != NULL ? kiosk_block_get_n_children (parent)
                           : kiosk_document_get_n_blocks (document);

  for (guint i = 0; i < n; i++)
    {
      const KioskBlock *block = parent != NULL ? kiosk_block_get_child (parent, i)
                                               : kiosk_document_get_block (document, i);
      GtkWidget *widget = render_block (block, document);

      if (widget != NULL)
        {
          if (GTK_IS_BOX (box))
            gtk_box_append (GTK_BOX (box), widget);
          else
            gtk_widget_set_parent (widget, box);
        }
    }
}

static void
kiosk_document_view_clear (KioskDocumentView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
}

static void
kiosk_document_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KioskDocumentView *self = KIOSK_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_document_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  KioskDocumentView *self = KIOSK_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      kiosk_document_view_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_document_view_dispose (GObject *object)
{
  KioskDocumentView *self = (KioskDocumentView *)object;

  kiosk_document_view_clear (self);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (kiosk_document_view_parent_class)->dispose (object);
}

static void
kiosk_document_view_class_init (KioskDocumentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = kiosk_document_view_get_property;
  object_class->set_property = kiosk_document_view_set_property;
  object_class->dispose = kiosk_document_view_dispose;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, KIOSK_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kioskdocumentview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DOCUMENT);
}

static void
kiosk_document_view_init (KioskDocumentView *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 20);
}

GtkWidget *
kiosk_document_view_new (void)
{
  return g_object_new (KIOSK_TYPE_DOCUMENT_VIEW, NULL);
}

/**
 * kiosk_document_view_get_document:
 *
 * Returns: (transfer none) (nullable): the document shown
 */
KioskDocument *
kiosk_document_view_get_document (KioskDocumentView *self)
{
  g_return_val_if_fail (KIOSK_IS_DOCUMENT_VIEW (self), NULL);

  return self->document;
}

void
kiosk_document_view_set_document (KioskDocumentView *self,
                                  KioskDocument     *document)
{
  g_return_if_fail (KIOSK_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (document == NULL || KIOSK_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  kiosk_document_view_clear (self);
  if (document != NULL)
    render_blocks (GTK_WIDGET (self), NULL, document);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}
