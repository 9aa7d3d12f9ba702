/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The "Take this home" summary of a topic page: short plain text that a patient's phone shows
 * after scanning the page's QR code. It holds the page's title, its one-line summary, the list
 * items by their bold labels, the warning signs with what to do then, and the clinic's name and
 * phone number, and nothing else: no link, no identifier, nothing that could tell anyone who
 * scanned it.
 *
 *   Why does my face twitch?
 *   A twitching face can have several causes, and there are solutions to help.
 *
 *   - Stress and anxiety
 *   - Not enough sleep
 *
 *   Warning signs: one side of the face suddenly droops, …
 *   If this happens, call 911 at once.
 *
 *   Neurology clinic, phone 2222 3333
 *
 * At home there is no reception to tell, so the advice names the emergency number alone.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kiosk-take-home.h"

/* Each part has a byte budget, so that title, summary, warning and clinic line together always
 * leave room for some list items below KIOSK_TAKE_HOME_MAX_SIZE, whatever the content's script
 * (at most about 680 bytes for those parts in Spanish). */
#define TITLE_MAX_CHARS   80
#define TITLE_MAX_BYTES   120
#define SUMMARY_MAX_CHARS 120
#define SUMMARY_MAX_BYTES 150
#define NAME_MAX_CHARS    60
#define NAME_MAX_BYTES    100
#define PHONE_MAX_CHARS   30
#define PHONE_MAX_BYTES   40
#define ITEM_MAX_BYTES    120

#define ELLIPSIS     "…"
#define MORE_ITEMS   "- " ELLIPSIS "\n"
#define ITEM_PREFIX  "- "

/* Tabs and line breaks become spaces: a part of the summary is always one line. */
static char *
one_line (const char *text,
          gsize       length)
{
  char *line = g_strndup (text, length);

  g_strdelimit (line, "\t\r\n\v\f", ' ');

  return g_strstrip (line);
}

/* Moves a cut that falls inside a word back to the space before it, unless that would drop
 * more than a third of what is kept. */
static const char *
word_boundary (const char *text,
               const char *end)
{
  const char *space;

  if (*end == ' ' || *end == '\0')
    return end;

  for (space = end; space > text && *space != ' '; space--)
    ;

  return (space - text) * 3 >= (end - text) * 2 ? space : end;
}

/* Cuts @text at a character boundary to at most @max_chars characters and @max_bytes bytes,
 * "…" included, and drops the spaces and commas that would dangle before the "…". */
static char *
shorten (const char *text,
         guint       max_chars,
         gsize       max_bytes)
{
  const char *end = text;
  guint n_chars = 0;
  GString *out;

  g_assert (max_chars > 1 && max_bytes > strlen (ELLIPSIS));

  if (g_utf8_strlen (text, -1) <= max_chars && strlen (text) <= max_bytes)
    return g_strdup (text);

  while (*end != '\0' && n_chars < max_chars - 1)
    {
      const char *next = g_utf8_next_char (end);

      if ((gsize)(next - text) > max_bytes - strlen (ELLIPSIS))
        break;
      end = next;
      n_chars++;
    }

  end = word_boundary (text, end);
  out = g_string_new_len (text, end - text);
  while (out->len > 0 && strchr (" ,;:.", out->str[out->len - 1]) != NULL)
    g_string_truncate (out, out->len - 1);
  g_string_append (out, ELLIPSIS);

  return g_string_free (out, FALSE);
}

static char *
shorten_line (const char *text,
              guint       max_chars,
              gsize       max_bytes)
{
  g_autofree char *line = one_line (text, strlen (text));

  return shorten (line, max_chars, max_bytes);
}

/* A list item's bold lead ("**Stress and anxiety**: …") names it best; an item without one is
 * named by its first line. */
static char *
item_label (const KioskBlock *item)
{
  const char *text = kiosk_block_get_text (item);
  guint n_spans;
  const KioskSpan *spans = kiosk_block_get_spans (item, &n_spans);
  gsize length = strcspn (text, "\n");
  g_autofree char *label = NULL;

  for (guint i = 0; i < n_spans; i++)
    {
      if (spans[i].start == 0 && (spans[i].style & KIOSK_SPAN_STRONG) != 0)
        length = MIN (length, spans[i].end);
    }

  /* "**Label:** text" and "**Label**: text" both name the item "Label". */
  label = one_line (text, length);
  while (*label != '\0' && strchr (":. ", label[strlen (label) - 1]) != NULL)
    label[strlen (label) - 1] = '\0';
  if (*label == '\0')
    return NULL;

  return shorten (label, KIOSK_TAKE_HOME_ITEM_MAX_CHARS, ITEM_MAX_BYTES);
}

/* Collects "- label\n" for the items of every list, including lists in notes, in page order.
 * Lists nested inside an item are details of it and are left out. */
static void
collect_items (KioskDocument    *document,
               const KioskBlock *parent,
               GPtrArray        *lines)
{
  guint n = parent != NULL ? kiosk_block_get_n_children (parent)
                           : kiosk_document_get_n_blocks (document);

  for (guint i = 0; i < n; i++)
    {
      const KioskBlock *block = parent != NULL ? kiosk_block_get_child (parent, i)
                                               : kiosk_document_get_block (document, i);
      g_autofree char *label = NULL;

      switch (kiosk_block_get_kind (block))
        {
        case KIOSK_BLOCK_LIST_ITEM:
          if ((label = item_label (block)) != NULL)
            g_ptr_array_add (lines, g_strconcat (ITEM_PREFIX, label, "\n", NULL));
          break;
        case KIOSK_BLOCK_LIST:
        case KIOSK_BLOCK_QUOTE:
          collect_items (document, block, lines);
          break;
        case KIOSK_BLOCK_HEADING:
        case KIOSK_BLOCK_PARAGRAPH:
        default:
          break;
        }
    }
}

/* Appends as many item lines as fit in @budget bytes, then "- …" if some had to be left out. */
static void
append_items (GString   *out,
              GPtrArray *lines,
              gsize      budget)
{
  gsize used = 0;
  guint n_fit = 0;

  while (n_fit < lines->len && used + strlen (lines->pdata[n_fit]) <= budget)
    used += strlen (lines->pdata[n_fit++]);

  if (n_fit < lines->len)
    {
      while (n_fit > 0 && used + strlen (MORE_ITEMS) > budget)
        used -= strlen (lines->pdata[--n_fit]);
    }

  for (guint i = 0; i < n_fit; i++)
    g_string_append (out, lines->pdata[i]);
  if (n_fit < lines->len && used + strlen (MORE_ITEMS) <= budget)
    g_string_append (out, MORE_ITEMS);
}

/* The clinic's name, and its phone number if it has one. */
static char *
clinic_line (const char *clinic_name,
             const char *clinic_phone)
{
  g_autofree char *name = shorten_line (clinic_name != NULL ? clinic_name : "",
                                        NAME_MAX_CHARS, NAME_MAX_BYTES);
  g_autofree char *phone = shorten_line (clinic_phone != NULL ? clinic_phone : "",
                                         PHONE_MAX_CHARS, PHONE_MAX_BYTES);

  /* The same fallback as the window's header. */
  if (*name == '\0')
    {
      g_free (name);
      name = g_strdup (_("Neurology clinic"));
    }

  if (*phone == '\0')
    return g_steal_pointer (&name);

  /* Translators: the last line of a page summary on a patient's phone: the clinic's name,
   * then its phone number. */
  return g_strdup_printf (_("%s, phone %s"), name, phone);
}

/* The warning signs, and the emergency number to call when one appears. */
static char *
warning_text (const char *emergency_number)
{
  g_autofree char *number = shorten_line (emergency_number != NULL ? emergency_number : "",
                                          PHONE_MAX_CHARS, PHONE_MAX_BYTES);
  g_autofree char *action = NULL;

  if (*number != '\0')
    /* Translators: in a page summary on a patient's phone; %s is the emergency number. */
    action = g_strdup_printf (_("If this happens, call %s at once."), number);
  else
    action = g_strdup (_("If this happens, get emergency help at once."));

  return g_strconcat (_("Warning signs: one side of the face suddenly droops, weakness on one "
                        "side of the body, trouble speaking or a sudden, severe headache."),
                      "\n", action, "\n", NULL);
}

static char *
header_text (KioskTopic *topic)
{
  const char *summary = kiosk_topic_get_summary (topic);
  g_autofree char *title = shorten_line (kiosk_topic_get_title (topic),
                                         TITLE_MAX_CHARS, TITLE_MAX_BYTES);
  g_autofree char *lead = NULL;

  if (summary == NULL)
    return g_strconcat (title, "\n", NULL);

  lead = shorten_line (summary, SUMMARY_MAX_CHARS, SUMMARY_MAX_BYTES);

  return g_strconcat (title, "\n", lead, "\n", NULL);
}

/**
 * kiosk_take_home_text_new:
 * @topic: the topic, in the language of its page
 * @clinic_name: (nullable): the clinic's name; empty or %NULL names it "Neurology clinic"
 * @clinic_phone: (nullable): the clinic's phone number; empty or %NULL leaves it out
 * @emergency_number: (nullable): the emergency number; empty or %NULL names none
 *
 * Writes the plain-text summary of @topic for its page's QR code: the title and summary, a
 * blank line, the list items as "- label" lines, a blank line, the warning signs and the
 * emergency advice, a blank line and the clinic's name and phone, in UTF-8 with LF line
 * breaks. The fixed words are translated into the current gettext
 * language, which the kiosk keeps equal to the language of its pages.
 *
 * Long parts are shortened with "…" and list items that do not fit are replaced by "- …", so
 * that the text stays within %KIOSK_TAKE_HOME_MAX_SIZE bytes.
 *
 * Returns: (transfer full): the summary, without a final line break
 */
char *
kiosk_take_home_text_new (KioskTopic *topic,
                          const char *clinic_name,
                          const char *clinic_phone,
                          const char *emergency_number)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *header = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *footer = NULL;
  GString *out;
  gsize fixed;

  g_return_val_if_fail (KIOSK_IS_TOPIC (topic), NULL);

  header = header_text (topic);
  warning = warning_text (emergency_number);
  footer = clinic_line (clinic_name, clinic_phone);
  collect_items (kiosk_topic_get_document (topic), NULL, items);

  out = g_string_new (header);
  /* The header, a blank line, the items, a blank line, the warning, a blank line and the
   * clinic line: the items get what the rest leaves. */
  fixed = strlen (header) + 1 + 1 + strlen (warning) + 1 + strlen (footer);
  if (items->len > 0 && fixed < KIOSK_TAKE_HOME_MAX_SIZE)
    {
      g_string_append_c (out, '\n');
      append_items (out, items, KIOSK_TAKE_HOME_MAX_SIZE - fixed);
    }
  g_string_append_c (out, '\n');
  g_string_append (out, warning);
  g_string_append_c (out, '\n');
  g_string_append (out, footer);

  return g_string_free (out, FALSE);
}
