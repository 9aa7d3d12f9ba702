/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KIOSK_DOCUMENT_ERROR (kiosk_document_error_quark ())

typedef enum
{
  KIOSK_DOCUMENT_ERROR_INVALID_UTF8,
  KIOSK_DOCUMENT_ERROR_TOO_LARGE,
  KIOSK_DOCUMENT_ERROR_NO_TITLE,
  KIOSK_DOCUMENT_ERROR_TOO_DEEP,
} KioskDocumentError;

typedef enum
{
  KIOSK_BLOCK_HEADING,
  KIOSK_BLOCK_PARAGRAPH,
  KIOSK_BLOCK_LIST,
  KIOSK_BLOCK_LIST_ITEM,
  KIOSK_BLOCK_QUOTE,
} KioskBlockKind;

typedef enum
{
  KIOSK_SPAN_EMPHASIS = 1 << 0,
  KIOSK_SPAN_STRONG   = 1 << 1,
  KIOSK_SPAN_CODE     = 1 << 2,
} KioskSpanStyle;

/* A styled byte range of a block's text, ready for a PangoAttrList. */
typedef struct
{
  guint          start;
  guint          end;
  KioskSpanStyle style;
} KioskSpan;

typedef struct _KioskBlock KioskBlock;

#define KIOSK_DOCUMENT_MAX_SIZE (256 * 1024)

/* How many block quotes, lists, emphasis (* and **) and links or images may be open inside one
 * another, all kinds counted together. The model, its plain text and the topic page's renderer
 * walk the tree recursively, so this bounds their stack; real pages need three or four. */
#define KIOSK_DOCUMENT_MAX_NESTING 16

#define KIOSK_TYPE_DOCUMENT (kiosk_document_get_type ())

G_DECLARE_FINAL_TYPE (KioskDocument, kiosk_document, KIOSK, DOCUMENT, GObject)

GQuark             kiosk_document_error_quark      (void);
KioskDocument     *kiosk_document_new_from_markdown (const char     *markdown,
                                                     gssize          length,
                                                     GError        **error);
guint              kiosk_document_get_n_blocks     (KioskDocument  *self);
const KioskBlock  *kiosk_document_get_block        (KioskDocument  *self,
                                                    guint           index);
const char        *kiosk_document_get_title        (KioskDocument  *self);
const char        *kiosk_document_get_summary      (KioskDocument  *self);
char              *kiosk_document_to_plain_text    (KioskDocument  *self);
guint              kiosk_document_get_section_end  (KioskDocument  *self,
                                                    guint           heading);
KioskDocument     *kiosk_document_new_from_section (KioskDocument  *self,
                                                    guint           heading);

KioskBlockKind     kiosk_block_get_kind            (const KioskBlock *block);
guint              kiosk_block_get_level           (const KioskBlock *block);
const char        *kiosk_block_get_text            (const KioskBlock *block);
const KioskSpan   *kiosk_block_get_spans           (const KioskBlock *block,
                                                    guint            *n_spans);
guint              kiosk_block_get_n_children      (const KioskBlock *block);
const KioskBlock  *kiosk_block_get_child           (const KioskBlock *block,
                                                    guint             index);

G_END_DECLS
